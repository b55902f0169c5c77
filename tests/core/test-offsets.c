/* test-offsets.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "carnet.h"

static void
test_parse_canonical (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) offsets = carnet_offsets_parse (" 7d, 1d,2h ,30m,0m,2h", "remind", &error);
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (offsets->len, ==, 5);
  text = carnet_offsets_to_string (offsets);
  g_assert_cmpstr (text, ==, "0m,30m,2h,1d,7d");
  g_assert_cmpuint (carnet_offset_get_minutes (&g_array_index (offsets, CarnetOffset, 3)), ==, 1440);
}

static void
test_parse_none (void)
{
  const char *none[] = { "", "none", "  ", "NONE" };

  for (guint i = 0; i < G_N_ELEMENTS (none); i++)
    {
      g_autoptr(GArray) offsets = carnet_offsets_parse (none[i], "remind", NULL);

      g_assert_nonnull (offsets);
      g_assert_cmpuint (offsets->len, ==, 0);
    }
}

static void
test_parse_rejects (void)
{
  const char *bad[] = { "1w", "d", "-1d", "1.5h", "1d,,2h", "367d", "999999999999m", "2 h", "1d;2h" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GArray) offsets = carnet_offsets_parse (bad[i], "remind", &error);

      g_assert_null (offsets);
      g_assert_error (error, CARNET_ERROR, CARNET_ERROR_INVALID);
      g_assert_cmpstr (carnet_error_get_field (error), ==, "remind");
    }
}

/* 1d before 08:30 is 08:30 the day before, also across a DST change; 24h is
 * an exact duration and lands an hour off on that day. */
static void
test_apply_across_dst (void)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Paris");
  g_autoptr(GDateTime) sunday = g_date_time_new (tz, 2026, 3, 29, 8, 30, 0);
  g_autoptr(GArray) offsets = carnet_offsets_parse ("1d,24h,2h", "remind", NULL);
  g_autoptr(GDateTime) day_before = NULL;
  g_autoptr(GDateTime) hours_before = NULL;
  g_autoptr(GDateTime) two_hours = NULL;

  two_hours = carnet_offset_apply (&g_array_index (offsets, CarnetOffset, 0), sunday);
  g_assert_cmpint (g_date_time_get_hour (two_hours), ==, 6);

  hours_before = carnet_offset_apply (&g_array_index (offsets, CarnetOffset, 1), sunday);
  g_assert_cmpint (g_date_time_get_day_of_month (hours_before), ==, 28);
  g_assert_cmpint (g_date_time_get_hour (hours_before), ==, 7);

  day_before = carnet_offset_apply (&g_array_index (offsets, CarnetOffset, 2), sunday);
  g_assert_cmpint (g_date_time_get_day_of_month (day_before), ==, 28);
  g_assert_cmpint (g_date_time_get_hour (day_before), ==, 8);
  g_assert_cmpint (g_date_time_get_minute (day_before), ==, 30);
}

static void
test_describe (void)
{
  CarnetOffset day = { 1, CARNET_OFFSET_DAYS };
  CarnetOffset hours = { 2, CARNET_OFFSET_HOURS };
  CarnetOffset start = { 0, CARNET_OFFSET_MINUTES };
  g_autofree char *a = carnet_offset_describe (&day);
  g_autofree char *b = carnet_offset_describe (&hours);
  g_autofree char *c = carnet_offset_describe (&start);

  g_assert_cmpstr (a, ==, "1 day before");
  g_assert_cmpstr (b, ==, "2 hours before");
  g_assert_cmpstr (c, ==, "At the start");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/offsets/parse-canonical", test_parse_canonical);
  g_test_add_func ("/core/offsets/parse-none", test_parse_none);
  g_test_add_func ("/core/offsets/parse-rejects", test_parse_rejects);
  g_test_add_func ("/core/offsets/apply-across-dst", test_apply_across_dst);
  g_test_add_func ("/core/offsets/describe", test_describe);

  return g_test_run ();
}
