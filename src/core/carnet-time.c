/* carnet-time.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "carnet-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "carnet-error.h"
#include "carnet-time.h"

/* A follow-up journal has no business before 1900 or centuries ahead; bounds
 * also keep arithmetic on dates far from GDateTime's limits. */
#define YEAR_MIN 1900
#define YEAR_MAX 2199

static gboolean
read_number (const char **p,
             guint        digits,
             int         *out)
{
  int value = 0;

  for (guint i = 0; i < digits; i++)
    {
      if (!g_ascii_isdigit ((*p)[i]))
        return FALSE;
      value = value * 10 + ((*p)[i] - '0');
    }

  *p += digits;
  *out = value;
  return TRUE;
}

static gboolean
read_date (const char **p,
           int         *year,
           int         *month,
           int         *day)
{
  if (!read_number (p, 4, year) || **p != '-')
    return FALSE;
  (*p)++;
  if (!read_number (p, 2, month) || **p != '-')
    return FALSE;
  (*p)++;
  if (!read_number (p, 2, day))
    return FALSE;

  return *year >= YEAR_MIN && *year <= YEAR_MAX &&
         g_date_valid_dmy (*day, *month, *year);
}

static gboolean
has_explicit_offset (const char *p)
{
  return *p == 'Z' || *p == 'z' || *p == '+' || *p == '-';
}

/**
 * carnet_time_parse:
 * @text: `2026-12-03T08:30`, `2026-12-03T08:30:15`, the same with a space for
 *   the `T`, a date `2026-12-03`, or a full ISO 8601 time with its offset
 * @tz: the zone a time without offset is read in
 * @field: the field named by the error
 * @out_date_only: (out) (optional): whether @text was a date alone
 *
 * A date alone is midnight of that day in @tz.
 *
 * Returns: (transfer full): the time in @tz, or %NULL with @error set
 */
GDateTime *
carnet_time_parse (const char  *text,
                   GTimeZone   *tz,
                   const char  *field,
                   gboolean    *out_date_only,
                   GError     **error)
{
  g_autoptr(GDateTime) parsed = NULL;
  const char *p = text;
  int year, month, day;
  int hour = 0, minute = 0, second = 0;
  gboolean date_only = TRUE;

  g_return_val_if_fail (tz != NULL, NULL);
  g_return_val_if_fail (field != NULL, NULL);

  if (text == NULL || *text == '\0')
    {
      carnet_set_field_error (error, field, _("is required"));
      return NULL;
    }

  if (!read_date (&p, &year, &month, &day))
    goto invalid;

  if (*p == 'T' || *p == 't' || *p == ' ')
    {
      p++;
      date_only = FALSE;
      if (!read_number (&p, 2, &hour) || *p != ':')
        goto invalid;
      p++;
      if (!read_number (&p, 2, &minute))
        goto invalid;
      if (*p == ':')
        {
          p++;
          if (!read_number (&p, 2, &second))
            goto invalid;
        }
      if (hour > 23 || minute > 59 || second > 59)
        goto invalid;
    }

  if (!date_only && has_explicit_offset (p))
    {
      g_autoptr(GDateTime) with_offset = g_date_time_new_from_iso8601 (text, NULL);

      if (with_offset == NULL)
        goto invalid;
      parsed = g_date_time_to_timezone (with_offset, tz);
    }
  else if (*p == '\0')
    {
      parsed = g_date_time_new (tz, year, month, day, hour, minute, second);
    }
  else
    {
      goto invalid;
    }

  if (parsed == NULL)
    goto invalid;

  if (out_date_only != NULL)
    *out_date_only = date_only;

  return g_steal_pointer (&parsed);

invalid:
  carnet_set_field_error (error, field,
                          /* Translators: keep the example dates as they are */
                          _("“%s” is not a date or time: write 2026-12-03 or 2026-12-03T08:30"),
                          text);
  return NULL;
}

/**
 * carnet_time_format_iso:
 *
 * Returns: (transfer full): @dt as ISO 8601 with its offset, to the second:
 *   `2026-12-03T08:30:00+01:00`.
 */
char *
carnet_time_format_iso (GDateTime *dt)
{
  g_return_val_if_fail (dt != NULL, NULL);

  return g_date_time_format (dt, "%Y-%m-%dT%H:%M:%S%:z");
}

/**
 * carnet_date_parse:
 * @text: a calendar date, `2026-12-03`
 * @out_date: (out caller-allocates): where to put the date
 */
gboolean
carnet_date_parse (const char  *text,
                   const char  *field,
                   GDate       *out_date,
                   GError     **error)
{
  const char *p = text;
  int year, month, day;

  g_return_val_if_fail (field != NULL, FALSE);
  g_return_val_if_fail (out_date != NULL, FALSE);

  if (text == NULL || *text == '\0')
    {
      carnet_set_field_error (error, field, _("is required"));
      return FALSE;
    }

  if (!read_date (&p, &year, &month, &day) || *p != '\0')
    {
      carnet_set_field_error (error, field,
                              /* Translators: keep the example date as it is */
                              _("“%s” is not a date: write 2026-12-03"),
                              text);
      return FALSE;
    }

  g_date_clear (out_date, 1);
  g_date_set_dmy (out_date, day, month, year);
  return TRUE;
}

char *
carnet_date_format_iso (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return g_strdup_printf ("%04u-%02u-%02u",
                          g_date_get_year (date),
                          g_date_get_month (date),
                          g_date_get_day (date));
}

/**
 * carnet_date_from_time:
 *
 * Returns: (transfer full): the calendar date of @dt in its own zone.
 */
GDate *
carnet_date_from_time (GDateTime *dt)
{
  int year, month, day;

  g_return_val_if_fail (dt != NULL, NULL);

  g_date_time_get_ymd (dt, &year, &month, &day);
  return g_date_new_dmy (day, month, year);
}

/**
 * carnet_time_zone_id:
 *
 * Returns: the IANA name of @tz ("Europe/Paris"), as it is stored with each
 *   instant so the wall time it was entered at can be found again.
 */
const char *
carnet_time_zone_id (GTimeZone *tz)
{
  const char *id;

  g_return_val_if_fail (tz != NULL, NULL);

  id = g_time_zone_get_identifier (tz);
  /* TZ=":Europe/Paris" is the POSIX spelling of the same zone. */
  if (id[0] == ':')
    id++;

  return id;
}

/**
 * carnet_time_zone_from_id:
 *
 * Returns: (transfer full): the zone named @tzid; UTC when this system does
 *   not know it (a notebook written elsewhere), rather than failing to show
 *   the record at all.
 */
GTimeZone *
carnet_time_zone_from_id (const char *tzid)
{
  GTimeZone *tz = NULL;

  if (tzid != NULL && *tzid != '\0')
    tz = g_time_zone_new_identifier (tzid);

  if (tz == NULL)
    {
      g_debug ("Unknown time zone “%s”, using UTC", tzid ? tzid : "");
      tz = g_time_zone_new_utc ();
    }

  return tz;
}

GDateTime *
carnet_time_from_unix (gint64      utc_seconds,
                       const char *tzid)
{
  g_autoptr(GTimeZone) tz = carnet_time_zone_from_id (tzid);
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (utc_seconds);

  g_return_val_if_fail (utc != NULL, NULL);

  return g_date_time_to_timezone (utc, tz);
}

/**
 * carnet_date_days_between:
 *
 * Returns: the number of days from @from to @to, negative when @to is earlier.
 */
int
carnet_date_days_between (const GDate *from,
                          const GDate *to)
{
  g_return_val_if_fail (from != NULL && g_date_valid (from), 0);
  g_return_val_if_fail (to != NULL && g_date_valid (to), 0);

  return g_date_days_between (from, to);
}
