/* test-time.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "carnet.h"

static GTimeZone *
paris (void)
{
  return g_time_zone_new_identifier ("Europe/Paris");
}

static void
assert_parses_to (const char *text,
                  const char *expected,
                  gboolean    expected_date_only)
{
  g_autoptr(GTimeZone) tz = paris ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) dt = NULL;
  g_autofree char *iso = NULL;
  gboolean date_only = !expected_date_only;

  dt = carnet_time_parse (text, tz, "at", &date_only, &error);
  g_assert_no_error (error);
  g_assert_nonnull (dt);
  iso = carnet_time_format_iso (dt);
  g_assert_cmpstr (iso, ==, expected);
  g_assert_cmpint (date_only, ==, expected_date_only);
}

static void
test_parse_forms (void)
{
  assert_parses_to ("2026-12-03T08:30", "2026-12-03T08:30:00+01:00", FALSE);
  assert_parses_to ("2026-12-03 08:30", "2026-12-03T08:30:00+01:00", FALSE);
  assert_parses_to ("2026-12-03T08:30:15", "2026-12-03T08:30:15+01:00", FALSE);
  assert_parses_to ("2026-07-03T08:30", "2026-07-03T08:30:00+02:00", FALSE);
  assert_parses_to ("2026-12-03", "2026-12-03T00:00:00+01:00", TRUE);
  /* An explicit offset is honoured and shown in the reading zone. */
  assert_parses_to ("2026-12-03T07:30:00Z", "2026-12-03T08:30:00+01:00", FALSE);
  assert_parses_to ("2026-12-03T08:30:00-05:00", "2026-12-03T14:30:00+01:00", FALSE);
}

static void
test_parse_rejects (void)
{
  const char *bad[] = {
    "", "tomorrow", "2026-13-01", "2026-02-30", "2026-12-03T25:00", "2026-12-03T08:60",
    "2026-12-3", "26-12-03", "2026-12-03T08", "2026-12-03T08:30x", "1800-01-01",
    "2026-12-03 08:30 ", "２０２６-12-03",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GTimeZone) tz = paris ();
      g_autoptr(GError) error = NULL;
      g_autoptr(GDateTime) dt = carnet_time_parse (bad[i], tz, "until", NULL, &error);

      g_assert_null (dt);
      g_assert_error (error, CARNET_ERROR, CARNET_ERROR_INVALID);
      g_assert_cmpstr (carnet_error_get_field (error), ==, "until");
    }
}

static void
test_dates (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *iso = NULL;
  GDate date, later;

  g_assert_true (carnet_date_parse ("2024-02-29", "start", &date, &error));
  g_assert_no_error (error);
  iso = carnet_date_format_iso (&date);
  g_assert_cmpstr (iso, ==, "2024-02-29");

  g_assert_true (carnet_date_parse ("2024-03-10", "start", &later, NULL));
  g_assert_cmpint (carnet_date_days_between (&date, &later), ==, 10);
  g_assert_cmpint (carnet_date_days_between (&later, &date), ==, -10);

  g_assert_false (carnet_date_parse ("2023-02-29", "start", &date, &error));
  g_assert_error (error, CARNET_ERROR, CARNET_ERROR_INVALID);
  g_assert_cmpstr (carnet_error_get_field (error), ==, "start");
  g_clear_error (&error);

  g_assert_false (carnet_date_parse ("2026-12-03T08:30", "end", &date, &error));
  g_assert_cmpstr (carnet_error_get_field (error), ==, "end");
}

static void
test_zone_round_trip (void)
{
  g_autoptr(GTimeZone) tz = paris ();
  g_autoptr(GDateTime) summer = g_date_time_new (tz, 2026, 7, 1, 8, 30, 0);
  g_autoptr(GDateTime) back = NULL;
  g_autoptr(GTimeZone) unknown = NULL;

  g_assert_cmpstr (carnet_time_zone_id (tz), ==, "Europe/Paris");
  back = carnet_time_from_unix (g_date_time_to_unix (summer), "Europe/Paris");
  g_assert_cmpint (g_date_time_get_hour (back), ==, 8);
  g_assert_cmpint (g_date_time_get_utc_offset (back), ==, 2 * G_TIME_SPAN_HOUR);

  /* A zone this system does not know does not lose the record. */
  unknown = carnet_time_zone_from_id ("Nowhere/Atlantis");
  g_assert_nonnull (unknown);
  g_assert_cmpint (g_time_zone_get_offset (unknown, 0), ==, 0);
}

static void
test_fixed_clock (void)
{
  g_autoptr(GTimeZone) tz = paris ();
  g_autoptr(GDateTime) start = g_date_time_new (tz, 2026, 3, 28, 12, 0, 0);
  g_autoptr(CarnetClock) clock = carnet_clock_new_fixed (start);
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GTimeZone) tokyo = g_time_zone_new_identifier ("Asia/Tokyo");
  guint changed = 0;

  g_signal_connect_swapped (clock, "changed", G_CALLBACK (g_atomic_int_inc), &changed);

  now = carnet_clock_get_now (clock);
  g_assert_true (g_date_time_equal (now, start));
  g_clear_pointer (&now, g_date_time_unref);

  /* A day later, across the spring DST change: 24 hours is 13:00 local. */
  carnet_clock_advance (clock, G_TIME_SPAN_DAY);
  now = carnet_clock_get_now (clock);
  g_assert_cmpint (g_date_time_get_hour (now), ==, 13);
  g_assert_cmpuint (changed, ==, 1);
  g_clear_pointer (&now, g_date_time_unref);

  carnet_clock_set_timezone (clock, tokyo);
  now = carnet_clock_get_now (clock);
  g_assert_cmpint (g_date_time_get_utc_offset (now), ==, 9 * G_TIME_SPAN_HOUR);
  g_assert_cmpuint (changed, ==, 2);
  g_assert_false (carnet_clock_is_system (clock));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/time/parse-forms", test_parse_forms);
  g_test_add_func ("/core/time/parse-rejects", test_parse_rejects);
  g_test_add_func ("/core/time/dates", test_dates);
  g_test_add_func ("/core/time/zone-round-trip", test_zone_round_trip);
  g_test_add_func ("/core/time/fixed-clock", test_fixed_clock);

  return g_test_run ();
}
