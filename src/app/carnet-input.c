/* carnet-input.c: how the editors read and write what people type
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "carnet-app"

#include "config.h"

#include "carnet-input.h"

#include <math.h>
#include <glib/gi18n.h>

#include "carnet.h"

/* Years outside this are typing mistakes ("3/12" reads as year 12). */
#define YEAR_MIN 1900
#define YEAR_MAX 2200

/**
 * carnet_input_parse_date:
 * @text: "2026-12-03", or a date in the locale's words and order
 *   ("Thursday, December 3, 2026", "3/12/2026" in French)
 * @out_date: (out): the date
 *
 * Returns: whether @text is a date
 */
gboolean
carnet_input_parse_date (const char *text,
                         GDate      *out_date)
{
  g_autofree char *stripped = NULL;
  GDate date;

  g_return_val_if_fail (out_date != NULL, FALSE);

  if (text == NULL)
    return FALSE;

  stripped = g_strstrip (g_strdup (text));
  if (*stripped == '\0')
    return FALSE;

  g_date_clear (&date, 1);
  if (!carnet_date_parse (stripped, "date", &date, NULL))
    g_date_set_parse (&date, stripped);

  if (!g_date_valid (&date) ||
      g_date_get_year (&date) < YEAR_MIN ||
      g_date_get_year (&date) > YEAR_MAX)
    return FALSE;

  *out_date = date;
  return TRUE;
}

/**
 * carnet_input_format_date:
 *
 * Returns: the date as the locale writes it in full, which
 *   carnet_input_parse_date() reads back
 */
char *
carnet_input_format_date (const GDate *date)
{
  g_autoptr(GDateTime) dt = NULL;

  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  dt = g_date_time_new_local (g_date_get_year (date), g_date_get_month (date),
                              g_date_get_day (date), 12, 0, 0);
  /* Translators: a date in an editor's date field, as g_date_time_format()
   * writes it; it must read back with g_date_set_parse(), so keep the weekday,
   * the day, the month's name and the year (French: "%A %-d %B %Y"). */
  return g_date_time_format (dt, C_("date field", "%A, %B %-d, %Y"));
}

static gboolean
read_number (const char **p,
             guint        max_digits,
             int         *out)
{
  guint n = 0;
  int value = 0;

  while (g_ascii_isdigit (**p) && n < max_digits)
    {
      value = value * 10 + (**p - '0');
      (*p)++;
      n++;
    }

  *out = value;
  return n > 0;
}

/**
 * carnet_input_parse_time:
 * @text: "08:30", "8:30", "8h30", "8 h", "0830", "8.30", "8:30 pm"
 *
 * Returns: whether @text is a time of day
 */
gboolean
carnet_input_parse_time (const char *text,
                         int        *out_hour,
                         int        *out_minute)
{
  g_autofree char *lower = NULL;
  const char *p;
  int hour = 0;
  int minute = 0;
  gboolean pm = FALSE;
  gboolean am = FALSE;
  gsize len;

  g_return_val_if_fail (out_hour != NULL && out_minute != NULL, FALSE);

  if (text == NULL)
    return FALSE;

  lower = g_strstrip (g_ascii_strdown (text, -1));
  len = strlen (lower);

  /* A 12-hour clock's suffix. */
  if (len > 2 && (g_str_has_suffix (lower, "pm") || g_str_has_suffix (lower, "am")))
    {
      pm = lower[len - 2] == 'p';
      am = !pm;
      lower[len - 2] = '\0';
      g_strstrip (lower);
    }

  p = lower;
  if (strlen (p) == 4 && g_ascii_isdigit (p[0]) && g_ascii_isdigit (p[1]) &&
      g_ascii_isdigit (p[2]) && g_ascii_isdigit (p[3]))
    {
      hour = (p[0] - '0') * 10 + (p[1] - '0');
      minute = (p[2] - '0') * 10 + (p[3] - '0');
    }
  else
    {
      if (!read_number (&p, 2, &hour))
        return FALSE;
      while (*p == ' ')
        p++;
      if (*p == ':' || *p == 'h' || *p == '.')
        {
          p++;
          while (*p == ' ')
            p++;
          if (*p != '\0')
            {
              const char *start = p;

              if (!read_number (&p, 2, &minute) || p - start != 2)
                return FALSE;
            }
        }
      if (*p != '\0')
        return FALSE;
    }

  if (am || pm)
    {
      if (hour < 1 || hour > 12)
        return FALSE;
      if (am && hour == 12)
        hour = 0;
      else if (pm && hour != 12)
        hour += 12;
    }

  if (hour > 23 || minute > 59)
    return FALSE;

  *out_hour = hour;
  *out_minute = minute;
  return TRUE;
}

char *
carnet_input_format_time (int hour,
                          int minute)
{
  g_return_val_if_fail (hour >= 0 && hour < 24, NULL);
  g_return_val_if_fail (minute >= 0 && minute < 60, NULL);

  return g_strdup_printf ("%02d:%02d", hour, minute);
}

/**
 * carnet_input_parse_number:
 * @text: "4.5", "4,5" (a decimal comma), "1 200"
 *
 * Returns: whether @text is a finite number
 */
gboolean
carnet_input_parse_number (const char *text,
                           double     *out_value)
{
  g_autoptr(GString) plain = NULL;
  char *end = NULL;
  double value;

  g_return_val_if_fail (out_value != NULL, FALSE);

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return FALSE;

  /* Spaces group thousands in many locales; commas are decimal points in many. */
  plain = g_string_new (NULL);
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0x202F || c == 0x00A0)
        continue;
      if (c == ',')
        c = '.';
      g_string_append_unichar (plain, c);
    }

  if (plain->len == 0)
    return FALSE;

  value = g_ascii_strtod (plain->str, &end);
  if (end == plain->str || *end != '\0' || !isfinite (value))
    return FALSE;

  *out_value = value;
  return TRUE;
}

/**
 * carnet_input_format_number:
 *
 * Returns: @value with the locale's decimal separator, without trailing zeros
 */
char *
carnet_input_format_number (double value)
{
  return g_strdup_printf ("%.15g", value);
}

/**
 * carnet_input_field_message:
 * @field_title: the field's label, as the editor shows it
 * @message: what is wrong with it, as the core says it ("is required")
 *
 * Returns: "Title: is required"
 */
char *
carnet_input_field_message (const char *field_title,
                            const char *message)
{
  g_return_val_if_fail (message != NULL, NULL);

  if (field_title == NULL || *field_title == '\0')
    return g_strdup (message);

  /* Translators: a field of an editor and what is wrong with what was typed
   * in it: "Severity: is required". */
  return g_strdup_printf (C_("field error", "%s: %s"), field_title, message);
}

/* Repeats */

static guint
months_of_preset (CarnetRepeatPreset preset)
{
  switch (preset)
    {
    case CARNET_REPEAT_3_MONTHS:
      return 3;
    case CARNET_REPEAT_6_MONTHS:
      return 6;
    case CARNET_REPEAT_12_MONTHS:
      return 12;
    case CARNET_REPEAT_NONE:
    case CARNET_REPEAT_CUSTOM:
    default:
      return 0;
    }
}

/* "UNTIL=20270601" or "UNTIL=20270601T235959Z": the date part. */
static gboolean
parse_until (const char *value,
             GDate      *out_date)
{
  int year, month, day;

  if (strlen (value) < 8)
    return FALSE;
  for (guint i = 0; i < 8; i++)
    if (!g_ascii_isdigit (value[i]))
      return FALSE;
  if (value[8] != '\0' && value[8] != 'T')
    return FALSE;

  year = 0;
  for (guint i = 0; i < 4; i++)
    year = year * 10 + (value[i] - '0');
  month = (value[4] - '0') * 10 + (value[5] - '0');
  day = (value[6] - '0') * 10 + (value[7] - '0');
  if (!g_date_valid_dmy (day, month, year))
    return FALSE;

  g_date_clear (out_date, 1);
  g_date_set_dmy (out_date, day, month, year);
  return TRUE;
}

/**
 * carnet_repeat_init_from_rule:
 * @repeat: (out caller-allocates): what the editor shows
 * @rrule: (nullable): an appointment's RRULE
 *
 * Reads @rrule as one of the presets ("every 6 months, 10 times") when it is
 * one, as a custom rule otherwise.
 */
void
carnet_repeat_init_from_rule (CarnetRepeat *repeat,
                              const char   *rrule)
{
  g_auto(GStrv) parts = NULL;
  const char *freq = NULL;
  guint interval = 1;
  guint count = 0;
  gboolean has_until = FALSE;
  gboolean other = FALSE;
  GDate until;

  g_return_if_fail (repeat != NULL);

  memset (repeat, 0, sizeof *repeat);
  repeat->preset = CARNET_REPEAT_NONE;
  repeat->end = CARNET_REPEAT_END_COUNT;
  repeat->count = 10;
  g_date_clear (&repeat->until, 1);
  g_date_clear (&until, 1);

  if (rrule == NULL || *rrule == '\0')
    return;

  if (g_ascii_strncasecmp (rrule, "RRULE:", 6) == 0)
    rrule += 6;

  parts = g_strsplit (rrule, ";", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *eq = strchr (parts[i], '=');
      char *end = NULL;
      guint64 n;

      if (eq == NULL)
        {
          other = TRUE;
          continue;
        }
      *eq = '\0';

      if (g_ascii_strcasecmp (parts[i], "FREQ") == 0)
        freq = eq + 1;
      else if (g_ascii_strcasecmp (parts[i], "INTERVAL") == 0 &&
               (n = g_ascii_strtoull (eq + 1, &end, 10)) > 0 && n <= 1000 && *end == '\0')
        interval = (guint) n;
      else if (g_ascii_strcasecmp (parts[i], "COUNT") == 0 &&
               (n = g_ascii_strtoull (eq + 1, &end, 10)) > 0 && n <= 10000 && *end == '\0')
        count = (guint) n;
      else if (g_ascii_strcasecmp (parts[i], "UNTIL") == 0 && parse_until (eq + 1, &until))
        has_until = TRUE;
      else
        other = TRUE;
    }

  repeat->preset = CARNET_REPEAT_CUSTOM;
  repeat->custom = g_strdup (rrule);

  if (other || freq == NULL || (count > 0 && has_until))
    return;

  if (g_ascii_strcasecmp (freq, "MONTHLY") == 0 && interval == 3)
    repeat->preset = CARNET_REPEAT_3_MONTHS;
  else if (g_ascii_strcasecmp (freq, "MONTHLY") == 0 && interval == 6)
    repeat->preset = CARNET_REPEAT_6_MONTHS;
  else if ((g_ascii_strcasecmp (freq, "MONTHLY") == 0 && interval == 12) ||
           (g_ascii_strcasecmp (freq, "YEARLY") == 0 && interval == 1))
    repeat->preset = CARNET_REPEAT_12_MONTHS;
  else
    return;

  if (count > 0)
    {
      repeat->end = CARNET_REPEAT_END_COUNT;
      repeat->count = count;
    }
  else if (has_until)
    {
      repeat->end = CARNET_REPEAT_END_UNTIL;
      repeat->until = until;
    }
  else
    {
      repeat->end = CARNET_REPEAT_END_NEVER;
    }
}

/**
 * carnet_repeat_to_rule:
 *
 * Returns: (nullable): the RRULE @repeat stands for, %NULL when it does not
 *   repeat; a custom rule as it was typed, stripped (the core validates it)
 */
char *
carnet_repeat_to_rule (const CarnetRepeat *repeat)
{
  g_autoptr(GString) rule = NULL;
  guint months;

  g_return_val_if_fail (repeat != NULL, NULL);

  if (repeat->preset == CARNET_REPEAT_NONE)
    return NULL;

  if (repeat->preset == CARNET_REPEAT_CUSTOM)
    {
      g_autofree char *custom = g_strstrip (g_strdup (repeat->custom != NULL ? repeat->custom : ""));

      if (g_ascii_strncasecmp (custom, "RRULE:", 6) == 0)
        return g_strdup (custom + 6);
      return g_steal_pointer (&custom);
    }

  months = months_of_preset (repeat->preset);
  rule = g_string_new (NULL);
  if (months == 12)
    g_string_append (rule, "FREQ=YEARLY");
  else
    g_string_append_printf (rule, "FREQ=MONTHLY;INTERVAL=%u", months);

  switch (repeat->end)
    {
    case CARNET_REPEAT_END_COUNT:
      g_string_append_printf (rule, ";COUNT=%u", repeat->count);
      break;

    case CARNET_REPEAT_END_UNTIL:
      if (g_date_valid (&repeat->until))
        g_string_append_printf (rule, ";UNTIL=%04u%02u%02u",
                                g_date_get_year (&repeat->until),
                                g_date_get_month (&repeat->until),
                                g_date_get_day (&repeat->until));
      break;

    case CARNET_REPEAT_END_NEVER:
    default:
      break;
    }

  return g_string_free (g_steal_pointer (&rule), FALSE);
}

void
carnet_repeat_clear (CarnetRepeat *repeat)
{
  g_clear_pointer (&repeat->custom, g_free);
}
