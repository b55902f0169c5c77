/* test-result-row.c: what the Results page says about results
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "carnet-test"

#include "config.h"

#include <locale.h>
#include <math.h>

#include "carnet-result-row.h"

static GTimeZone *paris;

static GDateTime *
at (int year,
    int month,
    int day)
{
  return g_date_time_new (paris, year, month, day, 8, 0, 0);
}

static CarnetResult *
new_value (const char *name,
           double      value,
           const char *unit,
           double      low,
           double      high)
{
  CarnetResult *result = carnet_result_new ();

  carnet_result_set_name (result, name);
  carnet_result_set_value (result, value);
  carnet_result_set_unit (result, unit);
  carnet_result_set_low (result, low);
  carnet_result_set_high (result, high);

  return result;
}

static CarnetResult *
new_report (const char *name,
            const char *text)
{
  CarnetResult *result = carnet_result_new ();

  carnet_result_set_name (result, name);
  carnet_result_set_text (result, text);

  return result;
}

static void
test_group_key (void)
{
  g_autofree char *ca = carnet_result_row_group_key ("CA 15-3");
  g_autofree char *ca_typed = carnet_result_row_group_key ("  ca  15-3 ");
  g_autofree char *composed = carnet_result_row_group_key ("H\xc3\xa9moglobine");
  g_autofree char *decomposed = carnet_result_row_group_key ("He\xcc\x81moglobine");
  g_autofree char *other = carnet_result_row_group_key ("CA 125");

  /* The same test, however it was typed. */
  g_assert_cmpstr (ca, ==, ca_typed);
  g_assert_cmpstr (composed, ==, decomposed);
  g_assert_cmpstr (ca, !=, other);
}

static void
test_numbers (void)
{
  struct {
    double value;
    guint decimals;
    const char *text;
  } cases[] = {
    { 21, 0, "21" },
    { 10.6, 1, "10.6" },
    { 1.25, 2, "1.25" },
    { 0.1 + 0.2, 1, "0.3" },
    { 13.4, 1, "13.4" },
    { 0.125, 3, "0.125" },
    { -2.5, 1, "-2.5" },
    { 4100, 0, "4100" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      guint decimals = carnet_result_row_decimals (cases[i].value);
      g_autofree char *text = carnet_result_row_format_number (cases[i].value, decimals);

      g_assert_cmpuint (decimals, ==, cases[i].decimals);
      g_assert_cmpstr (text, ==, cases[i].text);
    }

  /* Never a negative zero. */
  {
    g_autofree char *text = carnet_result_row_format_number (-0.04, 1);

    g_assert_cmpstr (text, ==, "0.0");
  }
}

static void
test_value_and_range (void)
{
  g_autoptr(CarnetResult) haemoglobin = new_value ("Haemoglobin", 10.8, "g/dL", 12, 16);
  g_autoptr(CarnetResult) ca = new_value ("CA 15-3", 21, "U/mL", NAN, 30);
  g_autoptr(CarnetResult) neutrophils = new_value ("Neutrophils", 1.6, "G/L", 1.5, NAN);
  g_autoptr(CarnetResult) bare = new_value ("Ratio", 0.85, NULL, NAN, NAN);
  g_autoptr(CarnetResult) report = new_report ("CT scan report", "No sign of secondary lesion.");
  g_autofree char *value = NULL;
  g_autofree char *range = NULL;

  value = carnet_result_row_describe_value (haemoglobin);
  range = carnet_result_row_describe_range (haemoglobin);
  g_assert_cmpstr (value, ==, "10.8 g/dL");
  g_assert_cmpstr (range, ==, "Normal range 12–16 g/dL");
  g_clear_pointer (&range, g_free);

  range = carnet_result_row_describe_range (ca);
  g_assert_cmpstr (range, ==, "Normal below 30 U/mL");
  g_clear_pointer (&range, g_free);

  range = carnet_result_row_describe_range (neutrophils);
  g_assert_cmpstr (range, ==, "Normal above 1.5 G/L");
  g_clear_pointer (&value, g_free);

  value = carnet_result_row_describe_value (bare);
  g_assert_cmpstr (value, ==, "0.85");
  g_assert_null (carnet_result_row_describe_range (bare));

  g_assert_null (carnet_result_row_describe_value (report));
  g_assert_null (carnet_result_row_describe_range (report));
}

static void
test_trend (void)
{
  struct {
    double before;
    double after;
    const char *expected;
  } cases[] = {
    { 10.6, 10.8, "↑ 0.2 (from 10.6)" },
    { 26, 21, "↓ 5 (from 26)" },
    { 30.0, 42.5, "↑ 12.5 (from 30.0)" },
    { 21, 21, "= 21 (unchanged)" },
    { 1.4, 1.7, "↑ 0.3 (from 1.4)" },
    { 4.3, 3.9, "↓ 0.4 (from 4.3)" },
    { 2, 1.25, "↓ 0.75 (from 2.00)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CarnetResult) previous = new_value ("Test", cases[i].before, "U", NAN, NAN);
      g_autoptr(CarnetResult) latest = new_value ("Test", cases[i].after, "U", NAN, NAN);
      g_autofree char *trend = carnet_result_row_describe_trend (previous, latest);

      g_assert_cmpstr (trend, ==, cases[i].expected);
    }
}

static void
test_no_trend (void)
{
  g_autoptr(CarnetResult) mg = new_value ("Glucose", 0.9, "g/L", 0.7, 1.1);
  g_autoptr(CarnetResult) mmol = new_value ("Glucose", 5.2, "mmol/L", 3.9, 6.1);
  g_autoptr(CarnetResult) report = new_report ("Glucose", "Sample haemolysed.");

  /* Nothing to compare with, or nothing comparable. */
  g_assert_null (carnet_result_row_describe_trend (NULL, mg));
  g_assert_null (carnet_result_row_describe_trend (mg, mmol));
  g_assert_null (carnet_result_row_describe_trend (report, mg));
  g_assert_null (carnet_result_row_describe_trend (mg, report));
}

static void
test_summary (void)
{
  g_autoptr(GDateTime) now = g_date_time_new (paris, 2026, 11, 28, 10, 0, 0);
  g_autoptr(GDateTime) today = at (2026, 11, 28);
  g_autoptr(GDateTime) march = at (2026, 3, 3);
  g_autoptr(CarnetResult) previous = new_value ("Haemoglobin", 10.6, "g/dL", 12, 16);
  g_autoptr(CarnetResult) latest = new_value ("Haemoglobin", 10.8, "g/dL", 12, 16);
  g_autoptr(CarnetResult) first = new_value ("CA 15-3", 34, "U/mL", 0, 30);
  g_autoptr(CarnetResult) report = new_report ("CT scan report",
                                               "Conclusion:\n  no sign of secondary lesion.");
  g_autofree char *summary = NULL;

  carnet_result_set_at (latest, today);
  summary = carnet_result_row_describe_summary (latest, previous, now);
  g_assert_cmpstr (summary, ==, "10.8 g/dL · ↑ 0.2 (from 10.6)\nToday · Normal range 12–16 g/dL");
  g_clear_pointer (&summary, g_free);

  /* The first value of a test has no trend. */
  carnet_result_set_at (first, march);
  summary = carnet_result_row_describe_summary (first, NULL, now);
  g_assert_cmpstr (summary, ==, "34 U/mL\nTuesday, March 3 · Normal range 0–30 U/mL");
  g_clear_pointer (&summary, g_free);

  /* A report: its text on one line. */
  carnet_result_set_at (report, march);
  summary = carnet_result_row_describe_summary (report, NULL, now);
  g_assert_cmpstr (summary, ==, "Conclusion: no sign of secondary lesion.\nTuesday, March 3");
}

static void
test_excerpt (void)
{
  g_autofree char *short_text = carnet_result_row_excerpt ("No sign of lesion.", 40);
  g_autofree char *lines = carnet_result_row_excerpt ("Conclusion:\n\n  normal.\n", 40);
  g_autofree char *cut = carnet_result_row_excerpt ("Tumour of 18 mm removed with clear margins", 24);
  g_autofree char *one_word = carnet_result_row_excerpt ("Pneumonoultramicroscopic", 10);

  g_assert_cmpstr (short_text, ==, "No sign of lesion.");
  g_assert_cmpstr (lines, ==, "Conclusion: normal.");
  /* At a word, with an ellipsis, within the limit. */
  g_assert_cmpstr (cut, ==, "Tumour of 18 mm removed…");
  g_assert_cmpint (g_utf8_strlen (cut, -1), <=, 24);
  g_assert_cmpstr (one_word, ==, "Pneumonou…");
}

static void
test_flags (void)
{
  /* Never colour alone: each flag has an icon and a word (its label). */
  g_assert_cmpstr (carnet_result_row_flag_icon_name (CARNET_FLAG_HIGH), ==, "carnet-flag-high-symbolic");
  g_assert_cmpstr (carnet_result_row_flag_icon_name (CARNET_FLAG_LOW), ==, "carnet-flag-low-symbolic");
  g_assert_cmpstr (carnet_result_row_flag_icon_name (CARNET_FLAG_NORMAL), ==, "object-select-symbolic");
  g_assert_null (carnet_result_row_flag_icon_name (CARNET_FLAG_NONE));

  g_assert_cmpstr (carnet_flag_label (CARNET_FLAG_HIGH), ==, "High");
  g_assert_cmpstr (carnet_flag_label (CARNET_FLAG_LOW), ==, "Low");

  g_assert_cmpstr (carnet_result_row_flag_style_class (CARNET_FLAG_HIGH), ==, "carnet-flag-high");
  g_assert_cmpstr (carnet_result_row_flag_style_class (CARNET_FLAG_LOW), ==, "carnet-flag-low");
  g_assert_cmpstr (carnet_result_row_flag_style_class (CARNET_FLAG_NORMAL), ==, "carnet-flag-normal");
  g_assert_null (carnet_result_row_flag_style_class (CARNET_FLAG_NONE));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  paris = g_time_zone_new_identifier ("Europe/Paris");

  g_test_add_func ("/gui/result-row/group-key", test_group_key);
  g_test_add_func ("/gui/result-row/numbers", test_numbers);
  g_test_add_func ("/gui/result-row/value-and-range", test_value_and_range);
  g_test_add_func ("/gui/result-row/trend", test_trend);
  g_test_add_func ("/gui/result-row/no-trend", test_no_trend);
  g_test_add_func ("/gui/result-row/summary", test_summary);
  g_test_add_func ("/gui/result-row/excerpt", test_excerpt);
  g_test_add_func ("/gui/result-row/flags", test_flags);

  return g_test_run ();
}
