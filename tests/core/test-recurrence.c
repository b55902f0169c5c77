/* test-recurrence.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "carnet.h"

static GDateTime *
paris_time (int year, int month, int day, int hour, int minute)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Paris");

  return g_date_time_new (tz, year, month, day, hour, minute, 0);
}

/* A weekly 08:30 Paris appointment stays at 08:30 local on both sides of the
 * autumn and the spring DST changes: its UTC offset changes, not its hour. */
static void
test_weekly_across_dst (void)
{
  g_autoptr(GDateTime) start = paris_time (2026, 10, 14, 8, 30);
  g_autoptr(GPtrArray) autumn = carnet_recurrence_expand ("FREQ=WEEKLY;COUNT=4", start, NULL, NULL, 0);
  g_autoptr(GDateTime) spring_start = paris_time (2027, 3, 17, 8, 30);
  g_autoptr(GPtrArray) spring = carnet_recurrence_expand ("FREQ=WEEKLY;COUNT=3", spring_start, NULL, NULL, 0);

  g_assert_cmpuint (autumn->len, ==, 4);
  for (guint i = 0; i < autumn->len; i++)
    {
      GDateTime *dt = g_ptr_array_index (autumn, i);

      g_assert_cmpint (g_date_time_get_hour (dt), ==, 8);
      g_assert_cmpint (g_date_time_get_minute (dt), ==, 30);
    }
  /* 14 and 21 October are summer time, 28 October and 4 November winter. */
  g_assert_cmpint (g_date_time_get_utc_offset (g_ptr_array_index (autumn, 1)), ==, 2 * G_TIME_SPAN_HOUR);
  g_assert_cmpint (g_date_time_get_utc_offset (g_ptr_array_index (autumn, 2)), ==, 1 * G_TIME_SPAN_HOUR);

  g_assert_cmpuint (spring->len, ==, 3);
  g_assert_cmpint (g_date_time_get_utc_offset (g_ptr_array_index (spring, 1)), ==, 1 * G_TIME_SPAN_HOUR);
  g_assert_cmpint (g_date_time_get_utc_offset (g_ptr_array_index (spring, 2)), ==, 2 * G_TIME_SPAN_HOUR);
  g_assert_cmpint (g_date_time_get_hour (g_ptr_array_index (spring, 2)), ==, 8);
}

static void
test_range_and_until (void)
{
  g_autoptr(GDateTime) start = paris_time (2026, 12, 1, 9, 0);
  g_autoptr(GDateTime) from = paris_time (2027, 1, 1, 0, 0);
  g_autoptr(GDateTime) to = paris_time (2027, 3, 1, 0, 0);
  g_autoptr(GPtrArray) every_three_weeks = NULL;
  g_autoptr(GPtrArray) in_range = NULL;
  g_autoptr(GPtrArray) single = NULL;

  every_three_weeks = carnet_recurrence_expand ("FREQ=WEEKLY;INTERVAL=3;UNTIL=20270601", start, NULL, NULL, 0);
  /* 1 Dec 2026 to 1 Jun 2027 every 21 days: 182 days / 21 → 9 occurrences. */
  g_assert_cmpuint (every_three_weeks->len, ==, 9);

  in_range = carnet_recurrence_expand ("FREQ=WEEKLY;INTERVAL=3", start, from, to, 0);
  g_assert_cmpuint (in_range->len, ==, 3);
  g_assert_cmpint (g_date_time_get_day_of_month (g_ptr_array_index (in_range, 0)), ==, 12);

  single = carnet_recurrence_expand (NULL, start, from, to, 0);
  g_assert_cmpuint (single->len, ==, 0);
  g_clear_pointer (&single, g_ptr_array_unref);
  single = carnet_recurrence_expand (NULL, start, NULL, NULL, 0);
  g_assert_cmpuint (single->len, ==, 1);
}

static void
test_validate (void)
{
  g_autoptr(GDateTime) start = paris_time (2026, 12, 1, 9, 0);
  const char *good[] = { "FREQ=MONTHLY;INTERVAL=6;COUNT=10", "RRULE:FREQ=WEEKLY;INTERVAL=3;UNTIL=20270601", "FREQ=DAILY;COUNT=25" };
  const char *bad[] = { "", "every month", "FREQ=HOURLY", "FREQ=MONTHLY;INTERVAL=0", "FREQ=MONTHLY;COUNT=5000", "FREQ=WEEKLY;UNTIL=20250101", "FREQ=SOMETIMES" };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_true (carnet_recurrence_validate (good[i], start, "repeat", &error));
      g_assert_no_error (error);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_test_message ("rule: %s", bad[i]);
      g_assert_false (carnet_recurrence_validate (bad[i], start, "repeat", &error));
      g_assert_error (error, CARNET_ERROR, CARNET_ERROR_INVALID);
      g_assert_cmpstr (carnet_error_get_field (error), ==, "repeat");
    }
}

static void
test_describe (void)
{
  g_autofree char *a = carnet_recurrence_describe ("FREQ=MONTHLY;INTERVAL=6;COUNT=10");
  g_autofree char *b = carnet_recurrence_describe ("FREQ=WEEKLY;INTERVAL=3;UNTIL=20270601");
  g_autofree char *c = carnet_recurrence_normalize ("RRULE:FREQ=MONTHLY;INTERVAL=6;COUNT=10");

  g_assert_cmpstr (a, ==, "Every 6 months, 10 times");
  g_assert_cmpstr (b, ==, "Every 3 weeks until 2027-06-01");
  g_assert_nonnull (c);
  g_assert_true (g_str_has_prefix (c, "FREQ=MONTHLY"));
  g_assert_true (carnet_recurrence_is_finite ("FREQ=MONTHLY;COUNT=2"));
  g_assert_false (carnet_recurrence_is_finite ("FREQ=MONTHLY"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/recurrence/weekly-across-dst", test_weekly_across_dst);
  g_test_add_func ("/core/recurrence/range-and-until", test_range_and_until);
  g_test_add_func ("/core/recurrence/validate", test_validate);
  g_test_add_func ("/core/recurrence/describe", test_describe);

  return g_test_run ();
}
