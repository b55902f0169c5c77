/* test-chart.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Charts: their layout maths (scales, ticks, cycle days, lanes, the band),
 * their words, the pixels where the band, the points and the bars must be,
 * and the notebook queries that feed them.
 */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>

#include "carnet.h"

#define FONT "Sans 9"

/* fontconfig loses a few bytes once per process while it reads its
 * configuration (see carnet-sheet.c, whose suppression this test does not
 * link); weak, so that one wins where both are linked. */
#ifndef __has_feature
#define __has_feature(x) 0
#endif
#if defined (__SANITIZE_ADDRESS__) || __has_feature (address_sanitizer)
const char *__lsan_default_suppressions (void) __attribute__ ((weak));

const char *
__lsan_default_suppressions (void)
{
  return "leak:libfontconfig.so\n";
}
#endif

static GTimeZone *
paris (void)
{
  return g_time_zone_new_identifier ("Europe/Paris");
}

static gint64
paris_unix (int year, int month, int day, int hour)
{
  g_autoptr(GTimeZone) tz = paris ();
  g_autoptr(GDateTime) dt = g_date_time_new (tz, year, month, day, hour, 0, 0);

  return g_date_time_to_unix (dt);
}

static void
assert_ticks (GArray       *ticks,
              const double *expected,
              guint         n)
{
  g_assert_cmpuint (ticks->len, ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpfloat_with_epsilon (g_array_index (ticks, double, i), expected[i], 1e-9);
}

static void
test_nice_ticks (void)
{
  double min, max, step;

  {
    g_autoptr(GArray) ticks = carnet_chart_nice_ticks (0, 10, 6, &min, &max, &step);
    const double expected[] = { 0, 2, 4, 6, 8, 10 };

    assert_ticks (ticks, expected, G_N_ELEMENTS (expected));
    g_assert_cmpfloat (step, ==, 2);
  }
  {
    /* Haemoglobin 10.6 to 12.2 with the range 12–16: the band fits. */
    g_autoptr(GArray) ticks = carnet_chart_nice_ticks (10.6, 16, 5, &min, &max, &step);
    const double expected[] = { 10, 12, 14, 16 };

    assert_ticks (ticks, expected, G_N_ELEMENTS (expected));
    g_assert_cmpfloat (min, <=, 10.6);
    g_assert_cmpfloat (max, >=, 16);
  }
  {
    /* Decimals without float noise, and never more than asked. */
    g_autoptr(GArray) ticks = carnet_chart_nice_ticks (0.1, 0.3, 5, NULL, NULL, &step);
    g_autofree char *text = g_strdup_printf ("%.12g", g_array_index (ticks, double, 1));

    g_assert_cmpuint (ticks->len, <=, 5);
    g_assert_cmpfloat_with_epsilon (step, 0.05, 1e-12);
    g_assert_cmpstr (text, ==, "0.15");
  }
  for (guint n = 3; n <= 10; n++)
    {
      g_autoptr(GArray) ticks = carnet_chart_nice_ticks (-3.7, 1234.5, n, &min, &max, NULL);

      g_assert_cmpuint (ticks->len, <=, n);
      g_assert_cmpuint (ticks->len, >=, 2);
      g_assert_cmpfloat (min, <=, -3.7);
      g_assert_cmpfloat (max, >=, 1234.5);
    }
  {
    /* One value alone still gets a span around it. */
    g_autoptr(GArray) ticks = carnet_chart_nice_ticks (26, 26, 5, &min, &max, NULL);

    g_assert_cmpfloat (min, <, 26);
    g_assert_cmpfloat (max, >, 26);
  }
}

static void
test_scale (void)
{
  CarnetScale scale = { 10, 20, 300, 100 };

  g_assert_cmpfloat (carnet_scale_map (&scale, 10), ==, 300);
  g_assert_cmpfloat (carnet_scale_map (&scale, 20), ==, 100);
  g_assert_cmpfloat (carnet_scale_map (&scale, 15), ==, 200);
  g_assert_cmpfloat (carnet_scale_invert (&scale, 250), ==, 12.5);
}

static void
test_time_ticks (void)
{
  g_autoptr(GTimeZone) tz = paris ();
  CarnetTimeStep step;
  guint count;

  {
    /* Three months: the first of each month, at local midnight. */
    g_autoptr(GArray) ticks = carnet_chart_time_ticks (paris_unix (2026, 8, 28, 10), paris_unix (2026, 11, 28, 10),
                                                       6, tz, &step, &count);

    g_assert_cmpint (step, ==, CARNET_TIME_STEP_MONTH);
    g_assert_cmpuint (count, ==, 1);
    g_assert_cmpuint (ticks->len, ==, 3);
    g_assert_cmpint (g_array_index (ticks, gint64, 0), ==, paris_unix (2026, 9, 1, 0));
    g_assert_cmpint (g_array_index (ticks, gint64, 1), ==, paris_unix (2026, 10, 1, 0));
    /* Across the change to winter time: still midnight. */
    g_assert_cmpint (g_array_index (ticks, gint64, 2), ==, paris_unix (2026, 11, 1, 0));
  }
  {
    /* Ten days, room for all: each day. */
    g_autoptr(GArray) ticks = carnet_chart_time_ticks (paris_unix (2026, 3, 27, 0), paris_unix (2026, 4, 5, 0),
                                                       12, tz, &step, &count);

    g_assert_cmpint (step, ==, CARNET_TIME_STEP_DAY);
    g_assert_cmpuint (ticks->len, ==, 10);
    /* 29 March 2026 is 23 hours long in Paris. */
    g_assert_cmpint (g_array_index (ticks, gint64, 3) - g_array_index (ticks, gint64, 2), ==, 23 * 3600);
  }
  {
    /* Six years in four ticks: every other year, on 1 January. */
    g_autoptr(GArray) ticks = carnet_chart_time_ticks (paris_unix (2020, 5, 1, 0), paris_unix (2026, 5, 1, 0),
                                                       4, tz, &step, &count);

    g_assert_cmpint (step, ==, CARNET_TIME_STEP_YEAR);
    g_assert_cmpuint (count, ==, 2);
    g_assert_cmpuint (ticks->len, ==, 3);
    g_assert_cmpint (g_array_index (ticks, gint64, 0), ==, paris_unix (2022, 1, 1, 0));
  }
  {
    g_autofree char *first = carnet_chart_format_time_tick (paris_unix (2026, 9, 1, 0), CARNET_TIME_STEP_MONTH, TRUE, tz);
    g_autofree char *next = carnet_chart_format_time_tick (paris_unix (2026, 10, 1, 0), CARNET_TIME_STEP_MONTH, FALSE, tz);
    g_autofree char *day = carnet_chart_format_time_tick (paris_unix (2026, 3, 29, 0), CARNET_TIME_STEP_DAY, FALSE, tz);

    g_assert_cmpstr (first, ==, "Sep 2026");
    g_assert_cmpstr (next, ==, "Oct");
    g_assert_cmpstr (day, ==, "Mar 29");
  }
}

static void
test_cycle_position (void)
{
  g_autoptr(CarnetTreatment) treatment = carnet_treatment_new ();
  GDate start, day;
  guint cycle, cycle_day;

  g_date_clear (&start, 1);
  g_date_set_dmy (&start, 3, G_DATE_MARCH, 2026);
  carnet_treatment_set_start (treatment, &start);
  carnet_treatment_set_cycle_days (treatment, 21);
  carnet_treatment_set_cycles (treatment, 6);

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 5, G_DATE_MARCH, 2026);
  g_assert_true (carnet_chart_cycle_position (&start, 21, 6, &day, &cycle, &cycle_day));
  g_assert_cmpuint (cycle, ==, 1);
  g_assert_cmpuint (cycle_day, ==, 3);

  /* Agrees with what the records say, every day of the six cycles. */
  for (int i = -3; i < 6 * 21 + 3; i++)
    {
      g_autofree char *words = NULL;
      g_autofree char *expected = NULL;
      gboolean inside;

      day = start;
      if (i >= 0)
        g_date_add_days (&day, i);
      else
        g_date_subtract_days (&day, -i);
      words = carnet_treatment_cycle_day (treatment, &day);
      inside = carnet_chart_cycle_position (&start, 21, 6, &day, &cycle, &cycle_day);
      g_assert_cmpint (inside, ==, words != NULL);
      if (inside)
        {
          expected = g_strdup_printf ("C%u D%u", cycle, cycle_day);
          g_assert_cmpstr (words, ==, expected);
        }
    }

  /* Without a count, cycles go on. */
  day = start;
  g_date_add_days (&day, 1000);
  g_assert_true (carnet_chart_cycle_position (&start, 21, 0, &day, &cycle, &cycle_day));
  g_assert_cmpuint (cycle, ==, 1000 / 21 + 1);
  g_assert_false (carnet_chart_cycle_position (&start, 0, 6, &day, NULL, NULL));
}

static void
test_lanes (void)
{
  const double starts[] = { 0, 5, 10, 12, 30 };
  const double ends[] = { 10, 12, 20, 14, 40 };
  guint lanes[5];

  g_assert_cmpuint (carnet_chart_assign_lanes (starts, ends, 5, lanes), ==, 2);
  g_assert_cmpuint (lanes[0], ==, 0);
  g_assert_cmpuint (lanes[1], ==, 1);
  /* Ends where the next starts: same lane. */
  g_assert_cmpuint (lanes[2], ==, 0);
  g_assert_cmpuint (lanes[3], ==, 1);
  g_assert_cmpuint (lanes[4], ==, 0);
}

/* Haemoglobin: 12.2, 11.5, 10.6 (low), 12.6, with the range 12–16, and a
 * chemotherapy of 3 cycles of 21 days. */
static CarnetChartSeries *
new_haemoglobin (void)
{
  g_autoptr(GTimeZone) tz = paris ();
  CarnetChartSeries *series = carnet_chart_series_new ("Haemoglobin", "g/dL", tz);
  GDate start, end;

  carnet_chart_series_add_point (series, paris_unix (2026, 5, 4, 8), 11.5, 12, 16);
  carnet_chart_series_add_point (series, paris_unix (2026, 4, 13, 8), 12.2, 12, 16);
  carnet_chart_series_add_point (series, paris_unix (2026, 5, 25, 8), 10.6, 12, 16);
  carnet_chart_series_add_point (series, paris_unix (2026, 11, 3, 8), 12.6, 12, 16);

  g_date_clear (&start, 1);
  g_date_clear (&end, 1);
  g_date_set_dmy (&start, 14, G_DATE_APRIL, 2026);
  g_date_set_dmy (&end, 25, G_DATE_JUNE, 2026);
  carnet_chart_series_add_period (series, "EC", &start, &end, 21, 3);
  return series;
}

static void
test_series (void)
{
  g_autoptr(CarnetChartSeries) series = new_haemoglobin ();
  g_autofree char *description = NULL;
  const CarnetChartPoint *points;

  /* Oldest first, flagged by their own range. */
  g_assert_cmpuint (series->points->len, ==, 4);
  points = (const CarnetChartPoint *) series->points->data;
  g_assert_cmpfloat (points[0].value, ==, 12.2);
  g_assert_cmpint (points[0].flag, ==, CARNET_FLAG_NORMAL);
  g_assert_cmpint (points[2].flag, ==, CARNET_FLAG_LOW);

  description = carnet_chart_series_describe (series);
  g_assert_cmpstr (description, ==,
                   "Latest value 12.6 g/dL on 3 November 2026, within the range 12–16; "
                   "rising since the previous value (10.6 g/dL). 4 values since 13 April 2026.");

  carnet_chart_series_add_point (series, paris_unix (2026, 11, 20, 8), 4.2, 12, 16);
  g_clear_pointer (&description, g_free);
  description = carnet_chart_series_describe (series);
  g_assert_true (g_str_has_prefix (description,
                                   "Latest value 4.2 g/dL on 20 November 2026, below the range 12–16; "
                                   "falling since the previous value (12.6 g/dL)."));
}

static void
test_series_empty (void)
{
  g_autoptr(GTimeZone) tz = paris ();
  g_autoptr(CarnetChartSeries) series = carnet_chart_series_new ("CA 15-3", NULL, tz);
  g_autofree char *description = carnet_chart_series_describe (series);
  g_autoptr(CarnetChartLayout) layout = NULL;

  g_assert_cmpstr (description, ==, "CA 15-3: no value yet.");
  layout = carnet_chart_layout_new (series, 0, 86400 * 30, 300, 200, 20, 12);
  g_assert_false (layout->has_band);
  g_assert_cmpuint (layout->value_ticks->len, >=, 2);
}

static void
test_layout (void)
{
  g_autoptr(CarnetChartSeries) series = new_haemoglobin ();
  gint64 from = paris_unix (2026, 1, 1, 0);
  gint64 to = paris_unix (2026, 12, 1, 0);
  g_autoptr(CarnetChartLayout) layout = carnet_chart_layout_new (series, from, to, 600, 240, 24, 14);

  /* The plot inside the chart, the labels' room on the left. */
  g_assert_cmpfloat (layout->plot_x, >=, 24);
  g_assert_cmpfloat (layout->plot_x + layout->plot_width, <=, 600);
  g_assert_cmpfloat (layout->plot_y + layout->plot_height, <, 240);
  g_assert_cmpfloat (carnet_scale_map (&layout->x, (double) from), ==, layout->plot_x);
  g_assert_cmpfloat (carnet_scale_map (&layout->x, (double) to), ==, layout->plot_x + layout->plot_width);

  /* The value axis holds the values and the whole range 12–16. */
  g_assert_cmpfloat (layout->y.d0, <=, 10.6);
  g_assert_cmpfloat (layout->y.d1, >=, 16);
  g_assert_true (layout->has_band);
  g_assert_cmpfloat_with_epsilon (layout->band_top, carnet_scale_map (&layout->y, 16), 1e-9);
  g_assert_cmpfloat_with_epsilon (layout->band_bottom, carnet_scale_map (&layout->y, 12), 1e-9);
  g_assert_cmpfloat (layout->band_top, <, layout->band_bottom);

  /* Month ticks; one lane for the one treatment. */
  g_assert_cmpint (layout->time_step, ==, CARNET_TIME_STEP_MONTH);
  g_assert_cmpuint (layout->time_ticks->len, >=, 3);
  g_assert_cmpuint (layout->n_lanes, ==, 1);
  g_assert_cmpuint (layout->lanes[0], ==, 0);
  g_assert_cmpfloat (layout->lanes_y + layout->lane_height, <=, 240 + 1e-9);

  /* A window before the treatment: no lane, more room for the values. */
  {
    g_autoptr(CarnetChartLayout) early = carnet_chart_layout_new (series, paris_unix (2025, 1, 1, 0),
                                                                  paris_unix (2026, 3, 1, 0),
                                                                  600, 240, 24, 14);

    g_assert_cmpuint (early->n_lanes, ==, 0);
    g_assert_cmpuint (early->lanes[0], ==, G_MAXUINT);
    g_assert_cmpfloat (early->plot_height, >, layout->plot_height);
  }
}

static guint32
pixel_at (cairo_surface_t *surface,
          double           x,
          double           y)
{
  unsigned char *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  cairo_surface_flush (surface);
  return *(guint32 *) (data + (int) floor (y) * stride + (int) floor (x) * 4) & 0xffffff;
}

static guint32
over (const CarnetChartColor *color,
      const CarnetChartColor *background)
{
  double r = color->red * color->alpha + background->red * (1 - color->alpha);
  double g = color->green * color->alpha + background->green * (1 - color->alpha);
  double b = color->blue * color->alpha + background->blue * (1 - color->alpha);

  return ((guint32) lround (r * 255) << 16) | ((guint32) lround (g * 255) << 8) | (guint32) lround (b * 255);
}

static void
assert_color_near (guint32 actual,
                   guint32 expected)
{
  for (int shift = 0; shift <= 16; shift += 8)
    {
      int a = (actual >> shift) & 0xff;
      int e = (expected >> shift) & 0xff;

      if (ABS (a - e) > 3)
        g_error ("pixel #%06x, expected #%06x", actual, expected);
    }
}

static void
render_chart (gboolean dark)
{
  g_autoptr(CarnetChartSeries) series = new_haemoglobin ();
  g_autoptr(CarnetChartLayout) layout = NULL;
  g_autoptr(PangoFontMap) font_map = pango_cairo_font_map_new ();
  PangoContext *context = pango_font_map_create_context (font_map);
  /* A window without the treatment: nothing but the band behind the values. */
  gint64 from = paris_unix (2026, 7, 1, 0);
  gint64 to = paris_unix (2026, 12, 1, 0);
  CarnetChartPalette palette;
  cairo_surface_t *surface;
  const CarnetChartPoint *latest;
  cairo_t *cr;
  double x, y;

  carnet_chart_palette_init (&palette, dark);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 480, 260);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, palette.background.red, palette.background.green, palette.background.blue);
  cairo_paint (cr);

  /* Low and high values after the normal one, to see their marks. */
  carnet_chart_series_add_point (series, paris_unix (2026, 8, 3, 8), 9.0, 12, 16);
  carnet_chart_series_add_point (series, paris_unix (2026, 9, 14, 8), 17.5, 12, 16);
  layout = carnet_chart_layout_new_for_text (series, context, FONT, from, to, 480, 260);
  g_assert_cmpuint (layout->n_lanes, ==, 0);
  carnet_chart_draw (series, layout, cr, context, FONT, &palette);
  cairo_destroy (cr);
  /* To look at: CARNET_CHART_PNG=/tmp/chart writes /tmp/chart-light.png… */
  if (g_getenv ("CARNET_CHART_PNG") != NULL)
    {
      g_autofree char *name = g_strdup_printf ("%s-%s.png", g_getenv ("CARNET_CHART_PNG"), dark ? "dark" : "light");

      cairo_surface_write_to_png (surface, name);
    }

  /* The band: between the lines of 12 and 16, where no value passes (the
   * line goes up from 9 in August to 17.5 in September: stay left of it). */
  x = carnet_scale_map (&layout->x, (double) paris_unix (2026, 7, 6, 0));
  y = (layout->band_top + layout->band_bottom) / 2;
  /* Clear of a grid line. */
  for (guint i = 0; i < layout->value_ticks->len; i++)
    {
      if (fabs (carnet_scale_map (&layout->y, g_array_index (layout->value_ticks, double, i)) - y) < 2)
        y += 4;
    }
  assert_color_near (pixel_at (surface, x, y), over (&palette.band, &palette.background));
  /* Above the band (value 16.8): the background. */
  y = carnet_scale_map (&layout->y, 16.8);
  if (layout->y.d1 > 16.8)
    assert_color_near (pixel_at (surface, x, y), over (&palette.background, &palette.background));

  /* The points: a disc of the line's colour, a triangle of the low colour
   * pointing down, one of the high colour pointing up. */
  latest = &g_array_index (series->points, CarnetChartPoint, series->points->len - 1);
  g_assert_cmpint (latest->flag, ==, CARNET_FLAG_NORMAL);
  x = carnet_scale_map (&layout->x, (double) latest->at);
  y = carnet_scale_map (&layout->y, latest->value);
  assert_color_near (pixel_at (surface, x, y), over (&palette.line, &palette.background));

  x = carnet_scale_map (&layout->x, (double) paris_unix (2026, 8, 3, 8));
  y = carnet_scale_map (&layout->y, 9.0);
  assert_color_near (pixel_at (surface, x, y), over (&palette.low, &palette.background));
  /* Pointing down: wide above its centre, narrow below. */
  assert_color_near (pixel_at (surface, x - 3, y - 2), over (&palette.low, &palette.background));
  g_assert_cmpuint (pixel_at (surface, x - 3, y + 4), !=, over (&palette.low, &palette.background));

  x = carnet_scale_map (&layout->x, (double) paris_unix (2026, 9, 14, 8));
  y = carnet_scale_map (&layout->y, 17.5);
  assert_color_near (pixel_at (surface, x, y), over (&palette.high, &palette.background));
  assert_color_near (pixel_at (surface, x - 3, y + 2), over (&palette.high, &palette.background));
  g_assert_cmpuint (pixel_at (surface, x - 3, y - 4), !=, over (&palette.high, &palette.background));

  cairo_surface_destroy (surface);
  g_object_unref (context);
}

static void
test_render_light (void)
{
  render_chart (FALSE);
}

static void
test_render_dark (void)
{
  render_chart (TRUE);
}

static void
test_render_sparkline (void)
{
  g_autoptr(CarnetChartSeries) series = new_haemoglobin ();
  CarnetChartPalette palette;
  cairo_surface_t *surface;
  cairo_t *cr;
  gint64 from = paris_unix (2026, 4, 1, 0);
  gint64 to = paris_unix (2026, 11, 10, 0);
  CarnetScale x = { (double) from, (double) to, 0, 80 };
  double x_low;

  carnet_chart_palette_init (&palette, FALSE);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 80, 16);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  carnet_chart_draw_sparkline (series, cr, &palette, from, to, 80, 16);
  cairo_destroy (cr);

  /* Values from 10.6 to 16 (the range's top): the band fills the top,
   * the low value's mark is at the bottom, in the low colour. */
  assert_color_near (pixel_at (surface, 40, 2), over (&palette.band, &palette.background));
  x_low = carnet_scale_map (&x, (double) paris_unix (2026, 5, 25, 8));
  assert_color_near (pixel_at (surface, x_low, 14), over (&palette.low, &palette.background));
  cairo_surface_destroy (surface);
}

/* Nausea on days 2 to 4 of three cycles, worst on day 3; one day after. */
static CarnetTimeline *
new_nausea (GArray **out_periods)
{
  g_autoptr(GTimeZone) tz = paris ();
  CarnetTimeline *timeline = carnet_timeline_new ("Nausea", tz);
  GArray *periods = g_array_new (FALSE, TRUE, sizeof (CarnetChartPeriod));
  CarnetChartPeriod period = { 0 };
  CarnetChartPeriod other = { 0 };
  const int severities[] = { 3, 2, 1 };

  period.name = (char *) "EC";
  g_date_clear (&period.start, 1);
  g_date_clear (&period.end, 1);
  g_date_set_dmy (&period.start, 14, G_DATE_APRIL, 2026);
  period.cycle_days = 21;
  period.cycles = 3;
  /* A treatment without cycles is not aligned on. */
  other.name = (char *) "Radiotherapy";
  g_date_clear (&other.start, 1);
  g_date_clear (&other.end, 1);
  g_date_set_dmy (&other.start, 1, G_DATE_APRIL, 2026);
  g_array_append_val (periods, other);
  g_array_append_val (periods, period);

  for (guint c = 0; c < 3; c++)
    {
      gint64 day2 = paris_unix (2026, 4, 15, 9) + (gint64) c * 21 * 86400;

      carnet_timeline_add (timeline, day2, day2 + 2 * 86400, severities[c] - (c == 0 ? 1 : 0));
      /* Day 3 of the first cycle was worse. */
      if (c == 0)
        carnet_timeline_add (timeline, day2 + 86400, 0, 3);
    }
  carnet_timeline_add (timeline, paris_unix (2026, 7, 20, 9), 0, 1);

  *out_periods = periods;
  return timeline;
}

static void
test_timeline_align (void)
{
  g_autoptr(GArray) periods = NULL;
  g_autoptr(CarnetTimeline) timeline = new_nausea (&periods);
  g_autofree char *description = NULL;

  carnet_timeline_align (timeline, periods);
  g_assert_true (timeline->has_cycles);
  g_assert_cmpstr (timeline->cycles.name, ==, "EC");
  g_assert_cmpuint (timeline->n_cycles, ==, 3);
  g_assert_cmpuint (timeline->cycle_days, ==, 21);
  /* One entry per day, the worst. */
  g_assert_cmpuint (timeline->days->len, ==, 10);

  g_assert_cmpint (timeline->grid[0 * 21 + 0], ==, -1);
  g_assert_cmpint (timeline->grid[0 * 21 + 1], ==, 2);
  g_assert_cmpint (timeline->grid[0 * 21 + 2], ==, 3);
  g_assert_cmpint (timeline->grid[1 * 21 + 3], ==, 2);
  g_assert_cmpint (timeline->grid[2 * 21 + 4], ==, -1);
  g_assert_cmpuint (timeline->peak_day, ==, 3);
  g_assert_cmpint (timeline->worst, ==, 3);
  g_assert_cmpuint (timeline->worst_cycle, ==, 1);
  g_assert_cmpuint (timeline->cycles_noted, ==, 3);
  g_assert_cmpuint (timeline->days_outside, ==, 1);

  description = carnet_timeline_describe (timeline);
  g_assert_cmpstr (description, ==,
                   "Nausea: worst on day 3 of the cycles; at most severe (3), in cycle 1; "
                   "noted in 3 of 3 cycles of EC, and on 1 day outside them.");
}

static void
test_timeline_by_date (void)
{
  g_autoptr(GTimeZone) tz = paris ();
  g_autoptr(CarnetTimeline) timeline = carnet_timeline_new ("Skin redness", tz);
  g_autofree char *description = NULL;

  carnet_timeline_add (timeline, paris_unix (2026, 9, 1, 9), paris_unix (2026, 9, 20, 9), 1);
  carnet_timeline_add (timeline, paris_unix (2026, 9, 10, 9), paris_unix (2026, 9, 12, 9), 2);
  carnet_timeline_align (timeline, NULL);

  g_assert_false (timeline->has_cycles);
  g_assert_cmpuint (timeline->days->len, ==, 20);
  description = carnet_timeline_describe (timeline);
  g_assert_cmpstr (description, ==,
                   "Skin redness: at most moderate (2) on 10 September 2026; "
                   "noted on 20 days from 1 September 2026 to 20 September 2026.");
}

static void
test_timeline_render (void)
{
  g_autoptr(GArray) periods = NULL;
  g_autoptr(CarnetTimeline) timeline = new_nausea (&periods);
  g_autoptr(PangoFontMap) font_map = pango_cairo_font_map_new ();
  PangoContext *context = pango_font_map_create_context (font_map);
  CarnetChartPalette palette;
  cairo_surface_t *surface;
  cairo_t *cr;
  double line_height, height, x, y, w, h;

  carnet_timeline_align (timeline, periods);
  carnet_chart_palette_init (&palette, FALSE);
  line_height = carnet_chart_line_height (context, FONT);
  height = carnet_timeline_get_height (timeline, line_height);
  g_assert_cmpfloat (height, >, 3 * line_height);

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 420, (int) ceil (height));
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  carnet_timeline_draw (timeline, cr, context, FONT, &palette, 420, height);
  cairo_destroy (cr);
  if (g_getenv ("CARNET_CHART_PNG") != NULL)
    {
      g_autofree char *name = g_strdup_printf ("%s-timeline.png", g_getenv ("CARNET_CHART_PNG"));

      cairo_surface_write_to_png (surface, name);
    }

  /* C1 D3, severe: a bar three quarters high of severe's colour. */
  carnet_timeline_get_cell (timeline, 420, line_height, 1, 3, &x, &y, &w, &h);
  assert_color_near (pixel_at (surface, x + w / 2, y + h * 0.3), over (&palette.severity[3], &palette.background));
  assert_color_near (pixel_at (surface, x + w / 2, y + h * 0.2), over (&palette.grid, &palette.background));
  /* C2 D3, moderate: half-height, and above it the peak day's shade. */
  carnet_timeline_get_cell (timeline, 420, line_height, 2, 3, &x, &y, &w, &h);
  assert_color_near (pixel_at (surface, x + w / 2, y + h * 0.75), over (&palette.severity[2], &palette.background));
  assert_color_near (pixel_at (surface, x + w / 2, y + h * 0.2), over (&palette.grid, &palette.background));
  /* C3 D10: nothing noted. */
  carnet_timeline_get_cell (timeline, 420, line_height, 3, 10, &x, &y, &w, &h);
  assert_color_near (pixel_at (surface, x + w / 2, y + h * 0.5), 0xffffff);

  cairo_surface_destroy (surface);
  g_object_unref (context);
}

typedef struct
{
  char           *dir;
  CarnetNotebook *notebook;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimeZone) tz = paris ();
  g_autoptr(GDateTime) now = g_date_time_new (tz, 2026, 11, 28, 10, 0, 0);
  g_autoptr(CarnetClock) clock = carnet_clock_new_fixed (now);
  g_autofree char *path = NULL;

  fixture->dir = g_dir_make_tmp ("carnet-chart-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "notebook.carnet", NULL);
  fixture->notebook = carnet_notebook_open (path, CARNET_OPEN_FLAGS_CREATE, clock, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  carnet_notebook_close (fixture->notebook);
  g_assert_finalize_object (fixture->notebook);
  dir = g_dir_open (fixture->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (fixture->dir, name, NULL);

      g_unlink (child);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
}

static gint64
add_result (Fixture    *fixture,
            const char *name,
            double      value,
            const char *unit,
            gint64      at)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CarnetResult) result = carnet_result_new ();
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (at);

  carnet_result_set_name (result, name);
  carnet_result_set_value (result, value);
  carnet_result_set_unit (result, unit);
  carnet_result_set_low (result, 12);
  carnet_result_set_high (result, 16);
  carnet_result_set_at (result, when);
  carnet_notebook_add (fixture->notebook, CARNET_RECORD (result), &error);
  g_assert_no_error (error);
  return carnet_record_get_id (CARNET_RECORD (result));
}

static gint64
add_side_effect (Fixture    *fixture,
                 const char *symptom,
                 int         severity,
                 gint64      at,
                 gint64      until)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CarnetSideEffect) side_effect = carnet_side_effect_new ();
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (at);
  g_autoptr(GDateTime) end = until > 0 ? g_date_time_new_from_unix_local (until) : NULL;

  carnet_side_effect_set_symptom (side_effect, symptom);
  carnet_side_effect_set_severity (side_effect, severity);
  carnet_side_effect_set_at (side_effect, when);
  carnet_side_effect_set_until (side_effect, end);
  carnet_notebook_add (fixture->notebook, CARNET_RECORD (side_effect), &error);
  g_assert_no_error (error);

  return carnet_record_get_id (CARNET_RECORD (side_effect));
}

static void
test_notebook_values (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CarnetChartSeries) series = NULL;
  g_autoptr(CarnetChartSeries) recent = NULL;
  g_autoptr(CarnetTreatment) treatment = carnet_treatment_new ();
  g_autoptr(CarnetResult) report = carnet_result_new ();
  g_autoptr(GDateTime) report_at = g_date_time_new_from_unix_local (paris_unix (2026, 6, 1, 9));
  g_autoptr(GDateTime) from = g_date_time_new_from_unix_local (paris_unix (2026, 6, 1, 0));
  const char *names[] = { "Haemoglobin", "haemoglobin ", NULL };
  GDate start;
  gint64 trashed;

  add_result (fixture, "Haemoglobin", 12.2, "g/dL", paris_unix (2026, 4, 13, 8));
  add_result (fixture, "haemoglobin ", 11.5, "g/dL", paris_unix (2026, 5, 4, 8));
  trashed = add_result (fixture, "Haemoglobin", 99, "g/dL", paris_unix (2026, 5, 10, 8));
  add_result (fixture, "Haemoglobin", 7.1, "mmol/L", paris_unix (2026, 5, 20, 8));
  add_result (fixture, "Haemoglobin", 10.6, "g/dL", paris_unix (2026, 10, 25, 8));
  add_result (fixture, "Neutrophils", 1.4, "G/L", paris_unix (2026, 5, 4, 8));
  carnet_result_set_name (report, "Haemoglobin");
  carnet_result_set_text (report, "haemolysed sample");
  carnet_result_set_at (report, report_at);
  carnet_notebook_add (fixture->notebook, CARNET_RECORD (report), &error);
  g_assert_no_error (error);
  carnet_notebook_trash (fixture->notebook, CARNET_RECORD_RESULT, trashed, &error);
  g_assert_no_error (error);

  g_date_clear (&start, 1);
  g_date_set_dmy (&start, 14, G_DATE_APRIL, 2026);
  carnet_treatment_set_name (treatment, "EC");
  carnet_treatment_set_kind (treatment, CARNET_TREATMENT_CHEMOTHERAPY);
  carnet_treatment_set_start (treatment, &start);
  carnet_treatment_set_cycle_days (treatment, 21);
  carnet_treatment_set_cycles (treatment, 3);
  carnet_notebook_add (fixture->notebook, CARNET_RECORD (treatment), &error);
  g_assert_no_error (error);

  /* Both spellings, not the trash, not the text, not another unit. */
  series = carnet_notebook_chart_values (fixture->notebook, names, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (series->unit, ==, "g/dL");
  g_assert_cmpuint (series->points->len, ==, 3);
  g_assert_cmpfloat (g_array_index (series->points, CarnetChartPoint, 0).value, ==, 12.2);
  g_assert_cmpfloat (g_array_index (series->points, CarnetChartPoint, 1).value, ==, 11.5);
  g_assert_cmpfloat (g_array_index (series->points, CarnetChartPoint, 2).value, ==, 10.6);
  g_assert_cmpint (g_array_index (series->points, CarnetChartPoint, 2).flag, ==, CARNET_FLAG_LOW);
  g_assert_cmpuint (series->periods->len, ==, 1);
  g_assert_cmpstr (g_array_index (series->periods, CarnetChartPeriod, 0).name, ==, "EC");
  g_assert_cmpuint (g_array_index (series->periods, CarnetChartPeriod, 0).cycle_days, ==, 21);

  /* From June on. */
  recent = carnet_notebook_chart_values (fixture->notebook, names, from, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (recent->points->len, ==, 1);
}

static void
test_notebook_symptoms (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) timelines = NULL;
  g_autoptr(GPtrArray) recent = NULL;
  g_autoptr(CarnetTreatment) treatment = carnet_treatment_new ();
  g_autoptr(GDateTime) from = g_date_time_new_from_unix_local (paris_unix (2026, 9, 1, 0));
  CarnetTimeline *nausea;
  GDate start;

  g_date_clear (&start, 1);
  g_date_set_dmy (&start, 14, G_DATE_APRIL, 2026);
  carnet_treatment_set_name (treatment, "EC");
  carnet_treatment_set_kind (treatment, CARNET_TREATMENT_CHEMOTHERAPY);
  carnet_treatment_set_start (treatment, &start);
  carnet_treatment_set_cycle_days (treatment, 21);
  carnet_treatment_set_cycles (treatment, 3);
  carnet_notebook_add (fixture->notebook, CARNET_RECORD (treatment), &error);
  g_assert_no_error (error);

  add_side_effect (fixture, "Nausea", 3, paris_unix (2026, 4, 16, 9), 0);
  add_side_effect (fixture, " nausea", 2, paris_unix (2026, 5, 7, 9), paris_unix (2026, 5, 8, 9));
  add_side_effect (fixture, "Fatigue", 1, paris_unix (2026, 8, 20, 9), paris_unix (2026, 9, 5, 9));

  timelines = carnet_notebook_chart_symptoms (fixture->notebook, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (timelines->len, ==, 2);
  /* The worst first; spellings together. */
  nausea = g_ptr_array_index (timelines, 0);
  g_assert_cmpstr (nausea->symptom, ==, "Nausea");
  g_assert_true (nausea->has_cycles);
  g_assert_cmpuint (nausea->days->len, ==, 3);
  g_assert_cmpuint (nausea->peak_day, ==, 3);
  g_assert_cmpuint (nausea->cycles_noted, ==, 2);
  g_assert_false (((CarnetTimeline *) g_ptr_array_index (timelines, 1))->has_cycles);

  /* Fatigue was still there on 1 September. */
  recent = carnet_notebook_chart_symptoms (fixture->notebook, from, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (recent->len, ==, 1);
  g_assert_cmpstr (((CarnetTimeline *) g_ptr_array_index (recent, 0))->symptom, ==, "Fatigue");
}

static CarnetTimeline *
find_timeline (GPtrArray  *timelines,
               const char *symptom)
{
  for (guint i = 0; i < timelines->len; i++)
    {
      CarnetTimeline *timeline = g_ptr_array_index (timelines, i);

      if (g_strcmp0 (timeline->symptom, symptom) == 0)
        return timeline;
    }

  return NULL;
}

/* The timelines' window: what still runs in it counts however long ago it
 * started; what ended before it, or is in the trash, does not. */
static void
test_notebook_symptoms_window (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) timelines = NULL;
  g_autoptr(GDateTime) from = g_date_time_new_from_unix_local (paris_unix (2026, 9, 1, 0));
  CarnetTimeline *neuropathy;
  gint64 trashed;

  add_side_effect (fixture, "Neuropathy", 2, paris_unix (2024, 1, 10, 9), paris_unix (2026, 9, 3, 9));
  add_side_effect (fixture, "Mucositis", 3, paris_unix (2026, 8, 1, 9), paris_unix (2026, 8, 20, 9));
  add_side_effect (fixture, "Hiccups", 1, paris_unix (2026, 8, 31, 9), 0);
  add_side_effect (fixture, "Rash", 1, paris_unix (2026, 9, 10, 9), 0);
  trashed = add_side_effect (fixture, "Vomiting", 4, paris_unix (2026, 9, 12, 9), 0);
  carnet_notebook_trash (fixture->notebook, CARNET_RECORD_SIDE_EFFECT, trashed, &error);
  g_assert_no_error (error);
  /* Entered out of order: the timeline is named as it was first spelt. */
  add_side_effect (fixture, "fatigue ", 1, paris_unix (2026, 10, 2, 9), 0);
  add_side_effect (fixture, "Fatigue", 2, paris_unix (2026, 9, 15, 9), paris_unix (2026, 9, 16, 9));

  timelines = carnet_notebook_chart_symptoms (fixture->notebook, from, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (timelines->len, ==, 3);
  neuropathy = find_timeline (timelines, "Neuropathy");
  g_assert_nonnull (neuropathy);
  g_assert_cmpint (neuropathy->worst, ==, 2);
  g_assert_nonnull (find_timeline (timelines, "Rash"));
  g_assert_nonnull (find_timeline (timelines, "Fatigue"));
  g_assert_cmpuint (find_timeline (timelines, "Fatigue")->days->len, ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/chart/nice-ticks", test_nice_ticks);
  g_test_add_func ("/core/chart/scale", test_scale);
  g_test_add_func ("/core/chart/time-ticks", test_time_ticks);
  g_test_add_func ("/core/chart/cycle-position", test_cycle_position);
  g_test_add_func ("/core/chart/lanes", test_lanes);
  g_test_add_func ("/core/chart/series", test_series);
  g_test_add_func ("/core/chart/series-empty", test_series_empty);
  g_test_add_func ("/core/chart/layout", test_layout);
  g_test_add_func ("/core/chart/render-light", test_render_light);
  g_test_add_func ("/core/chart/render-dark", test_render_dark);
  g_test_add_func ("/core/chart/render-sparkline", test_render_sparkline);
  g_test_add_func ("/core/chart/timeline-align", test_timeline_align);
  g_test_add_func ("/core/chart/timeline-by-date", test_timeline_by_date);
  g_test_add_func ("/core/chart/timeline-render", test_timeline_render);
  g_test_add ("/core/chart/notebook-values", Fixture, NULL, fixture_set_up, test_notebook_values, fixture_tear_down);
  g_test_add ("/core/chart/notebook-symptoms", Fixture, NULL, fixture_set_up, test_notebook_symptoms,
              fixture_tear_down);
  g_test_add ("/core/chart/notebook-symptoms-window", Fixture, NULL, fixture_set_up,
              test_notebook_symptoms_window, fixture_tear_down);

  return g_test_run ();
}
