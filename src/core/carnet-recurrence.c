/* carnet-recurrence.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "carnet-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libical/ical.h>

#include "carnet-error.h"
#include "carnet-recurrence.h"

/* Expanding more than this many occurrences from one rule only happens for a
 * rule nobody meant (daily for a century); it bounds the work. */
#define MAX_ITERATIONS 100000

static gboolean
parse_rule_as_written (const char                *rrule,
                       struct icalrecurrencetype *out)
{
  const char *text = rrule;

  if (g_ascii_strncasecmp (text, "RRULE:", 6) == 0)
    text += 6;

  icalerror_clear_errno ();
  *out = icalrecurrencetype_from_string (text);

  return out->freq != ICAL_NO_RECURRENCE && icalerrno == ICAL_NO_ERROR;
}

static gboolean
parse_rule (const char                *rrule,
            struct icalrecurrencetype *out)
{
  if (!parse_rule_as_written (rrule, out))
    return FALSE;

  /* "Until 1 June" includes 1 June: a date alone ends at the end of that day
   * (iCalendar would compare it with the start time and drop that day). */
  if (!icaltime_is_null_time (out->until) && out->until.is_date)
    {
      out->until.is_date = 0;
      out->until.hour = 23;
      out->until.minute = 59;
      out->until.second = 59;
    }

  return TRUE;
}

static struct icaltimetype
icaltime_from_wall_time (GDateTime *dt)
{
  struct icaltimetype t = icaltime_null_time ();

  /* Floating: the rule runs on the wall clock of the appointment's zone. */
  t.year = g_date_time_get_year (dt);
  t.month = g_date_time_get_month (dt);
  t.day = g_date_time_get_day_of_month (dt);
  t.hour = g_date_time_get_hour (dt);
  t.minute = g_date_time_get_minute (dt);
  t.second = g_date_time_get_second (dt);
  t.is_date = 0;

  return t;
}

static GDateTime *
wall_time_to_date_time (struct icaltimetype  t,
                        GTimeZone           *tz)
{
  return g_date_time_new (tz, t.year, t.month, t.day, t.hour, t.minute, t.second);
}

/**
 * carnet_recurrence_validate:
 * @rrule: an iCalendar RRULE such as `FREQ=MONTHLY;INTERVAL=6;COUNT=10`
 * @start: (nullable): the first occurrence, to check an UNTIL against
 *
 * Repeats more often than daily are refused: no follow-up repeats by the hour.
 */
gboolean
carnet_recurrence_validate (const char  *rrule,
                            GDateTime   *start,
                            const char  *field,
                            GError     **error)
{
  struct icalrecurrencetype rule;

  g_return_val_if_fail (field != NULL, FALSE);

  if (rrule == NULL || !parse_rule (rrule, &rule))
    {
      carnet_set_field_error (error, field,
                              /* Translators: keep the example rule as it is */
                              _("“%s” is not a repeat rule: write an iCalendar RRULE such as FREQ=MONTHLY;INTERVAL=6;COUNT=10"),
                              rrule ? rrule : "");
      return FALSE;
    }

  if (rule.freq == ICAL_SECONDLY_RECURRENCE ||
      rule.freq == ICAL_MINUTELY_RECURRENCE ||
      rule.freq == ICAL_HOURLY_RECURRENCE)
    {
      carnet_set_field_error (error, field, _("can repeat daily at most, not more often"));
      return FALSE;
    }

  if (rule.interval < 1 || rule.interval > 1000)
    {
      carnet_set_field_error (error, field, _("the interval must be 1 to 1000"));
      return FALSE;
    }

  if (rule.count < 0 || rule.count > 1000)
    {
      carnet_set_field_error (error, field, _("the count must be 1 to 1000"));
      return FALSE;
    }

  if (start != NULL && !icaltime_is_null_time (rule.until))
    {
      struct icaltimetype dtstart = icaltime_from_wall_time (start);
      struct icaltimetype until = rule.until;

      until.zone = NULL;
      if (icaltime_compare_date_only (until, dtstart) < 0)
        {
          carnet_set_field_error (error, field, _("the last date comes before the first"));
          return FALSE;
        }
    }

  return TRUE;
}

/**
 * carnet_recurrence_normalize:
 *
 * Returns: (transfer full) (nullable): @rrule as libical writes it, without
 *   the `RRULE:` prefix, or %NULL if it is not a rule.
 */
char *
carnet_recurrence_normalize (const char *rrule)
{
  struct icalrecurrencetype rule;
  char *ical_str;
  char *ret;

  if (rrule == NULL || !parse_rule_as_written (rrule, &rule))
    return NULL;

  ical_str = icalrecurrencetype_as_string_r (&rule);
  ret = g_strdup (ical_str);
  icalmemory_free_buffer (ical_str);

  return ret;
}

gboolean
carnet_recurrence_is_finite (const char *rrule)
{
  struct icalrecurrencetype rule;

  if (rrule == NULL || !parse_rule (rrule, &rule))
    return TRUE;

  return rule.count > 0 || !icaltime_is_null_time (rule.until);
}

/**
 * carnet_recurrence_expand:
 * @rrule: (nullable): the rule, or %NULL for a single occurrence
 * @start: the first occurrence, in the appointment's zone
 * @from: (nullable): the first instant of interest
 * @to: (nullable): the instant after the last one of interest
 * @max_count: at most this many occurrences (0: no limit but the rule's)
 *
 * Returns: (transfer full) (element-type GDateTime): the occurrence starts in
 *   [@from, @to), in @start's zone, earliest first.
 */
GPtrArray *
carnet_recurrence_expand (const char *rrule,
                          GDateTime  *start,
                          GDateTime  *from,
                          GDateTime  *to,
                          guint       max_count)
{
  g_autoptr(GPtrArray) starts = g_ptr_array_new_with_free_func ((GDestroyNotify)g_date_time_unref);
  struct icalrecurrencetype rule;
  icalrecur_iterator *iter;
  GTimeZone *tz;

  g_return_val_if_fail (start != NULL, NULL);

  if (rrule == NULL || !parse_rule (rrule, &rule))
    {
      if ((from == NULL || g_date_time_compare (start, from) >= 0) &&
          (to == NULL || g_date_time_compare (start, to) < 0))
        g_ptr_array_add (starts, g_date_time_ref (start));
      return g_steal_pointer (&starts);
    }

  tz = (GTimeZone *)g_date_time_get_timezone (start);
  iter = icalrecur_iterator_new (rule, icaltime_from_wall_time (start));
  if (iter == NULL)
    return g_steal_pointer (&starts);

  /* Skip ahead without walking years of past occurrences. A rule with a COUNT
   * has to be walked from its start to know which occurrence is the last. */
  if (from != NULL && rule.count == 0 && g_date_time_compare (from, start) > 0)
    {
      g_autoptr(GDateTime) local_from = g_date_time_to_timezone (from, tz);
      g_autoptr(GDateTime) day_before = g_date_time_add_days (local_from, -1);

      icalrecur_iterator_set_start (iter, icaltime_from_wall_time (day_before));
    }

  for (guint i = 0; i < MAX_ITERATIONS; i++)
    {
      struct icaltimetype next = icalrecur_iterator_next (iter);
      g_autoptr(GDateTime) occurrence = NULL;

      if (icaltime_is_null_time (next))
        break;

      occurrence = wall_time_to_date_time (next, tz);
      if (occurrence == NULL)
        break;

      if (to != NULL && g_date_time_compare (occurrence, to) >= 0)
        break;

      if (from != NULL && g_date_time_compare (occurrence, from) < 0)
        continue;

      g_ptr_array_add (starts, g_steal_pointer (&occurrence));
      if (max_count > 0 && starts->len >= max_count)
        break;
    }

  icalrecur_iterator_free (iter);

  return g_steal_pointer (&starts);
}

/**
 * carnet_recurrence_describe:
 *
 * Returns: (transfer full): the rule in words for the common cases ("Every 6
 *   months, 10 times"), else the rule itself.
 */
char *
carnet_recurrence_describe (const char *rrule)
{
  struct icalrecurrencetype rule;
  g_autofree char *every = NULL;
  guint n;

  if (rrule == NULL || !parse_rule (rrule, &rule))
    return g_strdup (_("Does not repeat"));

  n = (guint)rule.interval;
  switch (rule.freq)
    {
    case ICAL_DAILY_RECURRENCE:
      every = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Every day", "Every %u days", n), n);
      break;
    case ICAL_WEEKLY_RECURRENCE:
      every = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Every week", "Every %u weeks", n), n);
      break;
    case ICAL_MONTHLY_RECURRENCE:
      every = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Every month", "Every %u months", n), n);
      break;
    case ICAL_YEARLY_RECURRENCE:
      every = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Every year", "Every %u years", n), n);
      break;
    case ICAL_SECONDLY_RECURRENCE:
    case ICAL_MINUTELY_RECURRENCE:
    case ICAL_HOURLY_RECURRENCE:
    case ICAL_NO_RECURRENCE:
    default:
      return carnet_recurrence_normalize (rrule);
    }

  if (rule.count > 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %d time", "%s, %d times",
                                         (gulong)rule.count),
                            every, rule.count);

  if (!icaltime_is_null_time (rule.until))
    {
      g_autofree char *until = g_strdup_printf ("%04d-%02d-%02d",
                                                rule.until.year, rule.until.month,
                                                rule.until.day);
      /* Translators: "Every 3 weeks until 2027-06-01" */
      return g_strdup_printf (_("%s until %s"), every, until);
    }

  return g_steal_pointer (&every);
}
