/* carnet-result-row.c: what the Results page says about a result
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "carnet-app"

#include "config.h"

#include "carnet-result-row.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "carnet-format.h"

/* Lab values rarely carry more decimals than this; more would be noise from
 * the binary representation of the number. */
#define MAX_DECIMALS 3

static double
round_to (double value,
          guint  decimals)
{
  double scale = pow (10, decimals);

  return round (value * scale) / scale;
}

static gboolean
same_unit (CarnetResult *a,
           CarnetResult *b)
{
  const char *unit_a = carnet_result_get_unit (a);
  const char *unit_b = carnet_result_get_unit (b);

  return g_strcmp0 (unit_a != NULL ? unit_a : "", unit_b != NULL ? unit_b : "") == 0;
}

/* "10.8 g/dL", "12–16 g/dL" */
static char *
with_unit (char       *numbers,
           const char *unit)
{
  g_autofree char *owned = numbers;

  if (unit == NULL || *unit == '\0')
    return g_steal_pointer (&owned);

  return g_strdup_printf (C_("value and unit", "%s %s"), owned, unit);
}

/**
 * carnet_result_row_group_key:
 * @name: a test's name, as typed
 *
 * Returns: what results of the same test share, whatever their case and
 *   spacing: "CA 15-3", "ca  15-3 " and "Ca 15-3" are one test
 */
char *
carnet_result_row_group_key (const char *name)
{
  g_autofree char *normalized = NULL;
  g_autofree char *folded = NULL;
  g_auto(GStrv) words = NULL;
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();

  g_return_val_if_fail (name != NULL, NULL);

  normalized = g_utf8_normalize (name, -1, G_NORMALIZE_ALL_COMPOSE);
  if (normalized == NULL)
    return g_strdup (name);
  folded = g_utf8_casefold (normalized, -1);

  words = g_strsplit_set (folded, " \t\n\r", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      if (*words[i] != '\0')
        g_ptr_array_add (kept, words[i]);
    }
  g_ptr_array_add (kept, NULL);

  return g_strjoinv (" ", (char **) kept->pdata);
}

/**
 * carnet_result_row_decimals:
 * @value: a number as someone typed it
 *
 * Returns: how many decimals it was typed with (10.6 has one, 21 none), up
 *   to three
 */
guint
carnet_result_row_decimals (double value)
{
  for (guint decimals = 0; decimals < MAX_DECIMALS; decimals++)
    {
      double scaled = value * pow (10, decimals);

      if (fabs (scaled - round (scaled)) < 1e-6 * MAX (1.0, fabs (scaled)))
        return decimals;
    }

  return MAX_DECIMALS;
}

/**
 * carnet_result_row_format_number:
 * @value: a number
 * @decimals: how many decimals to write
 *
 * Returns: @value in the locale's way ("10.8", "10,8"), never "-0"
 */
char *
carnet_result_row_format_number (double value,
                                 guint  decimals)
{
  value = round_to (value, decimals);
  if (value == 0)
    value = 0;  /* -0 */

  return g_strdup_printf ("%.*f", (int) decimals, value);
}

/**
 * carnet_result_row_describe_value:
 * @result: a result
 *
 * Returns: (nullable): "10.8 g/dL", or %NULL for a text report
 */
char *
carnet_result_row_describe_value (CarnetResult *result)
{
  g_autofree char *number = NULL;
  const char *unit;
  double value;

  g_return_val_if_fail (CARNET_IS_RESULT (result), NULL);

  if (!carnet_result_has_value (result))
    return NULL;

  value = carnet_result_get_value (result);
  number = carnet_result_row_format_number (value, carnet_result_row_decimals (value));
  unit = carnet_result_get_unit (result);

  return with_unit (g_steal_pointer (&number), unit);
}

/**
 * carnet_result_row_describe_range:
 * @result: a result
 *
 * Returns: (nullable): "Normal range 12–16 g/dL", "Normal below 30 U/mL",
 *   "Normal above 1.5 G/L" (the words of the other pages), or %NULL when the
 *   result has no reference range
 */
char *
carnet_result_row_describe_range (CarnetResult *result)
{
  g_autofree char *range = NULL;
  g_autofree char *low_text = NULL;
  g_autofree char *high_text = NULL;
  const char *unit;
  double low;
  double high;

  g_return_val_if_fail (CARNET_IS_RESULT (result), NULL);

  low = carnet_result_get_low (result);
  high = carnet_result_get_high (result);
  unit = carnet_result_get_unit (result);
  if (!isnan (low))
    low_text = carnet_result_row_format_number (low, carnet_result_row_decimals (low));
  if (!isnan (high))
    high_text = carnet_result_row_format_number (high, carnet_result_row_decimals (high));

  if (low_text != NULL && high_text != NULL)
    {
      /* Translators: the numbers of a reference range, from low to high: "12–16". */
      range = with_unit (g_strdup_printf (C_("reference range", "%s–%s"), low_text, high_text), unit);
      /* Translators: %s is a reference range with its unit, "12–16 g/dL". */
      return g_strdup_printf (C_("reference range", "Normal range %s"), range);
    }

  if (high_text != NULL)
    {
      range = with_unit (g_steal_pointer (&high_text), unit);
      /* Translators: %s is the highest normal value and its unit, "30 U/mL". */
      return g_strdup_printf (C_("reference range", "Normal below %s"), range);
    }

  if (low_text != NULL)
    {
      range = with_unit (g_steal_pointer (&low_text), unit);
      /* Translators: %s is the lowest normal value and its unit, "1.5 G/L". */
      return g_strdup_printf (C_("reference range", "Normal above %s"), range);
    }

  return NULL;
}

/**
 * carnet_result_row_describe_trend:
 * @previous: (nullable): the result before @latest, of the same test
 * @latest: the latest result of a test
 *
 * Returns: (nullable): "↑ 12.5 (from 30.0)", "↓ 5 (from 26)",
 *   "= 21 (unchanged)", or %NULL when there is nothing to compare: no
 *   previous value, a text report, or another unit
 */
char *
carnet_result_row_describe_trend (CarnetResult *previous,
                                  CarnetResult *latest)
{
  g_autofree char *from = NULL;
  g_autofree char *difference = NULL;
  double before;
  double after;
  double delta;
  guint decimals;

  g_return_val_if_fail (previous == NULL || CARNET_IS_RESULT (previous), NULL);
  g_return_val_if_fail (CARNET_IS_RESULT (latest), NULL);

  if (previous == NULL ||
      !carnet_result_has_value (previous) ||
      !carnet_result_has_value (latest) ||
      !same_unit (previous, latest))
    return NULL;

  before = carnet_result_get_value (previous);
  after = carnet_result_get_value (latest);
  decimals = MAX (carnet_result_row_decimals (before), carnet_result_row_decimals (after));
  delta = round_to (after - before, decimals);
  from = carnet_result_row_format_number (before, decimals);

  if (delta == 0)
    /* Translators: the trend of a lab value that did not change; %s is the value. */
    return g_strdup_printf (C_("trend", "= %s (unchanged)"), from);

  difference = carnet_result_row_format_number (fabs (delta), decimals);
  if (delta > 0)
    /* Translators: the trend of a lab value that rose: by how much, from which value. */
    return g_strdup_printf (C_("trend", "↑ %s (from %s)"), difference, from);

  /* Translators: the trend of a lab value that fell: by how much, from which value. */
  return g_strdup_printf (C_("trend", "↓ %s (from %s)"), difference, from);
}

/**
 * carnet_result_row_excerpt:
 * @text: a text report
 * @max_chars: the most characters to keep
 *
 * Returns: @text on one line, cut at a word with "…" when longer than
 *   @max_chars
 */
char *
carnet_result_row_excerpt (const char *text,
                           guint       max_chars)
{
  g_autoptr(GString) line = g_string_new (NULL);
  g_autofree char *cut = NULL;
  gboolean space = FALSE;
  char *last_space;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (max_chars > 1, NULL);

  /* One line: runs of spaces and line breaks become one space. */
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          space = line->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (line, ' ');
      space = FALSE;
      g_string_append_unichar (line, c);
    }

  if (g_utf8_strlen (line->str, -1) <= (glong) max_chars)
    return g_string_free (g_steal_pointer (&line), FALSE);

  /* Room for the ellipsis; cut at the last word that fits, unless that
   * leaves too little. */
  cut = g_utf8_substring (line->str, 0, max_chars - 1);
  last_space = strrchr (cut, ' ');
  if (line->str[strlen (cut)] != ' ' &&
      last_space != NULL && g_utf8_strlen (cut, last_space - cut) > (glong) max_chars / 2)
    *last_space = '\0';

  return g_strconcat (cut, "…", NULL);
}

/**
 * carnet_result_row_describe_summary:
 * @latest: the latest result of a test
 * @previous: (nullable): the one before it
 * @now: the present, to word the date
 *
 * Returns: what a test's row says under its name, on two lines: the latest
 *   value and its trend (or the start of a text report), then its date and
 *   the normal range: "10.8 g/dL · ↑ 0.2 (from 10.6)\nToday · Normal range 12–16 g/dL"
 */
char *
carnet_result_row_describe_summary (CarnetResult *latest,
                                    CarnetResult *previous,
                                    GDateTime    *now)
{
  g_autoptr(GString) summary = g_string_new (NULL);
  g_autofree char *first = NULL;
  g_autofree char *trend = NULL;
  g_autofree char *date = NULL;
  g_autofree char *range = NULL;
  GDateTime *at;

  g_return_val_if_fail (CARNET_IS_RESULT (latest), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  first = carnet_result_row_describe_value (latest);
  if (first != NULL)
    {
      trend = carnet_result_row_describe_trend (previous, latest);
      range = carnet_result_row_describe_range (latest);
    }
  else if (carnet_result_get_text (latest) != NULL)
    {
      first = carnet_result_row_excerpt (carnet_result_get_text (latest),
                                         CARNET_RESULT_ROW_EXCERPT_CHARS);
    }

  if (first != NULL && *first != '\0')
    g_string_append (summary, first);
  if (trend != NULL)
    g_string_append_printf (summary, " · %s", trend);

  at = carnet_result_get_at (latest);
  if (at != NULL)
    date = carnet_format_when (at, TRUE, now);

  if (date != NULL || range != NULL)
    {
      if (summary->len > 0)
        g_string_append_c (summary, '\n');
      if (date != NULL)
        g_string_append (summary, date);
      if (date != NULL && range != NULL)
        g_string_append (summary, " · ");
      if (range != NULL)
        g_string_append (summary, range);
    }

  return g_string_free (g_steal_pointer (&summary), FALSE);
}

/**
 * carnet_result_row_flag_icon_name:
 * @flag: a result's flag
 *
 * Returns: (nullable): the icon that goes with the flag's word: an arrow up
 *   for high, down for low, a tick for normal; %NULL without a flag
 */
const char *
carnet_result_row_flag_icon_name (CarnetFlag flag)
{
  switch (flag)
    {
    case CARNET_FLAG_LOW:
      return "carnet-flag-low-symbolic";
    case CARNET_FLAG_NORMAL:
      return "object-select-symbolic";
    case CARNET_FLAG_HIGH:
      return "carnet-flag-high-symbolic";
    case CARNET_FLAG_NONE:
    default:
      return NULL;
    }
}

/**
 * carnet_result_row_flag_style_class:
 * @flag: a result's flag
 *
 * Returns: (nullable): the style class that colours the flag's badge (as in
 *   the other pages); the icon and the word say it, the colour only adds to them
 */
const char *
carnet_result_row_flag_style_class (CarnetFlag flag)
{
  switch (flag)
    {
    case CARNET_FLAG_LOW:
      return "carnet-flag-low";
    case CARNET_FLAG_NORMAL:
      return "carnet-flag-normal";
    case CARNET_FLAG_HIGH:
      return "carnet-flag-high";
    case CARNET_FLAG_NONE:
    default:
      return NULL;
    }
}
