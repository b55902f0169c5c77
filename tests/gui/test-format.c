/* test-format.c: what the window says about dates and titles
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "carnet-test"

#include "config.h"

#include <glib.h>

#include "carnet-format.h"

static GTimeZone *paris;

static GDateTime *
at (int year,
    int month,
    int day,
    int hour,
    int minute)
{
  return g_date_time_new (paris, year, month, day, hour, minute, 0);
}

static void
test_window_title (void)
{
  g_autofree char *none = carnet_format_window_title (NULL);
  g_autofree char *empty = carnet_format_window_title ("");
  g_autofree char *named = carnet_format_window_title ("Claire Martin");

  g_assert_cmpstr (none, ==, "Carnet");
  g_assert_cmpstr (empty, ==, "Carnet");
  g_assert_cmpstr (named, ==, "Carnet — Claire Martin");
}

static void
test_when (void)
{
  g_autoptr(GDateTime) now = at (2026, 11, 28, 10, 0);
  struct {
    int year, month, day, hour, minute;
    gboolean all_day;
    const char *expected;
  } cases[] = {
    { 2026, 11, 28, 14, 30, FALSE, "Today at 14:30" },
    { 2026, 11, 28,  8,  0, FALSE, "Today at 08:00" },
    { 2026, 11, 29,  8, 30, FALSE, "Tomorrow at 08:30" },
    { 2026, 11, 27,  9,  0, FALSE, "Yesterday at 09:00" },
    { 2026, 12, 14, 10, 30, FALSE, "Monday, December 14 at 10:30" },
    { 2026, 12, 14,  0,  0, TRUE, "Monday, December 14" },
    { 2027,  1, 27,  9, 15, FALSE, "January 27, 2027 at 09:15" },
    { 2025,  3,  2,  0,  0, TRUE, "March 2, 2025" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GDateTime) start = at (cases[i].year, cases[i].month, cases[i].day,
                                       cases[i].hour, cases[i].minute);
      g_autofree char *when = carnet_format_when (start, cases[i].all_day, now);

      g_assert_cmpstr (when, ==, cases[i].expected);
    }
}

/* An instant is read in the present's time zone: 23:30 UTC is already tomorrow in Paris. */
static void
test_when_time_zone (void)
{
  g_autoptr(GDateTime) now = at (2026, 11, 28, 10, 0);
  g_autoptr(GDateTime) start = g_date_time_new_utc (2026, 11, 28, 23, 30, 0);
  g_autofree char *when = carnet_format_when (start, FALSE, now);
  g_autofree char *relative = carnet_format_relative_day (start, now);

  g_assert_cmpstr (when, ==, "Tomorrow at 00:30");
  g_assert_cmpstr (relative, ==, "Tomorrow");
}

static void
test_relative_day (void)
{
  g_autoptr(GDateTime) now = at (2026, 11, 28, 23, 0);
  struct {
    int days;
    const char *expected;
  } cases[] = {
    { 0, "Today" },
    { 1, "Tomorrow" },
    { -1, "Yesterday" },
    { 2, "In 2 days" },
    { 13, "In 13 days" },
    { 14, "In 2 weeks" },
    { 60, "In 8 weeks" },
    { 61, "In 2 months" },
    { 365, "In 12 months" },
    { -5, "5 days ago" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      /* Early in the morning: only the calendar day counts, not 24-hour spans. */
      g_autoptr(GDateTime) day = g_date_time_add_days (now, cases[i].days);
      g_autoptr(GDateTime) start = at (g_date_time_get_year (day),
                                       g_date_time_get_month (day),
                                       g_date_time_get_day_of_month (day), 7, 0);
      g_autofree char *relative = carnet_format_relative_day (start, now);

      g_assert_cmpstr (relative, ==, cases[i].expected);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  paris = g_time_zone_new_identifier ("Europe/Paris");

  g_test_add_func ("/gui/format/window-title", test_window_title);
  g_test_add_func ("/gui/format/when", test_when);
  g_test_add_func ("/gui/format/when-time-zone", test_when_time_zone);
  g_test_add_func ("/gui/format/relative-day", test_relative_day);

  return g_test_run ();
}
