/* carnet-format.c: how the window words dates and titles
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "carnet-app"

#include "config.h"

#include "carnet-format.h"

#include <glib/gi18n.h>

/* Days from @now's date to @start's date, both read in @now's time zone. */
static int
days_between (GDateTime *now,
              GDateTime *start)
{
  g_autoptr(GDateTime) local = NULL;
  GDate from;
  GDate to;

  local = g_date_time_to_timezone (start, g_date_time_get_timezone (now));
  g_date_clear (&from, 1);
  g_date_clear (&to, 1);
  g_date_set_dmy (&from,
                  g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now),
                  g_date_time_get_year (now));
  g_date_set_dmy (&to,
                  g_date_time_get_day_of_month (local),
                  g_date_time_get_month (local),
                  g_date_time_get_year (local));

  return g_date_days_between (&from, &to);
}

/* Takes @text, returns it with a capital first letter: French weekdays and
 * months are lower case, but this one starts a line. */
static char *
capitalize (char *text)
{
  g_autofree char *owned = text;
  gunichar first;
  char buf[6];
  int len;

  if (owned == NULL || *owned == '\0')
    return g_steal_pointer (&owned);

  first = g_utf8_get_char (owned);
  if (!g_unichar_islower (first))
    return g_steal_pointer (&owned);

  len = g_unichar_to_utf8 (g_unichar_totitle (first), buf);
  return g_strdup_printf ("%.*s%s", len, buf, g_utf8_next_char (owned));
}

/**
 * carnet_format_window_title:
 * @person: whose notebook it is, or %NULL or "" when it has no name yet
 *
 * Returns: "Carnet — Claire Martin", or "Carnet"
 */
char *
carnet_format_window_title (const char *person)
{
  if (person == NULL || *person == '\0')
    return g_strdup (_("Carnet"));

  /* Translators: the window title; %s is the name of the person whose notebook it is. */
  return g_strdup_printf (_("Carnet — %s"), person);
}

/**
 * carnet_format_when:
 * @start: when an appointment starts
 * @all_day: whether it lasts the whole day (no time is said then)
 * @now: the present, in the time zone to read @start in
 *
 * Returns: "Today at 14:30", "Tomorrow", "Monday, December 14 at 10:30",
 *   "June 3, 2027": the date in the locale's words
 */
char *
carnet_format_when (GDateTime *start,
                    gboolean   all_day,
                    GDateTime *now)
{
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *date = NULL;
  g_autofree char *time = NULL;
  int days;

  g_return_val_if_fail (start != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  local = g_date_time_to_timezone (start, g_date_time_get_timezone (now));
  days = days_between (now, start);

  if (days == 0)
    date = g_strdup (_("Today"));
  else if (days == 1)
    date = g_strdup (_("Tomorrow"));
  else if (days == -1)
    date = g_strdup (_("Yesterday"));
  else if (g_date_time_get_year (local) == g_date_time_get_year (now))
    /* Translators: a date in the current year, as g_date_time_format() writes it:
     * %A the weekday, %B the month, %-d the day of the month. */
    date = capitalize (g_date_time_format (local, C_("date in this year", "%A, %B %-d")));
  else
    /* Translators: a date in another year, as g_date_time_format() writes it. */
    date = capitalize (g_date_time_format (local, C_("date in another year", "%B %-d, %Y")));

  if (all_day)
    return g_steal_pointer (&date);

  /* Translators: the time of day, as g_date_time_format() writes it. */
  time = g_date_time_format (local, C_("time of day", "%H:%M"));

  /* Translators: a date ("Today", "Monday, December 14"…) and a time ("10:30"). */
  return g_strdup_printf (C_("date and time", "%s at %s"), date, time);
}

/**
 * carnet_format_relative_day:
 * @start: when something happens
 * @now: the present
 *
 * Returns: "Today", "Tomorrow", "In 5 days", "In 3 weeks", "In 2 months", or
 *   for the past "Yesterday", "5 days ago"…
 */
char *
carnet_format_relative_day (GDateTime *start,
                            GDateTime *now)
{
  int days;
  guint n;

  g_return_val_if_fail (start != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  days = days_between (now, start);

  if (days == 0)
    return g_strdup (_("Today"));
  if (days == 1)
    return g_strdup (_("Tomorrow"));
  if (days == -1)
    return g_strdup (_("Yesterday"));

  if (days < 0)
    {
      n = (guint) -days;
      return g_strdup_printf (ngettext ("%u day ago", "%u days ago", n), n);
    }

  n = (guint) days;
  if (n < 14)
    return g_strdup_printf (ngettext ("In %u day", "In %u days", n), n);
  if (n < 61)
    {
      n /= 7;
      return g_strdup_printf (ngettext ("In %u week", "In %u weeks", n), n);
    }

  n /= 30;
  return g_strdup_printf (ngettext ("In %u month", "In %u months", n), n);
}
