/* carnet-chart.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Lab value charts and symptom timelines. Scales, ticks, lanes and cycle
 * days are pure functions; the painters only follow what they compute. Not
 * colour alone: out-of-range points differ by shape (a triangle pointing
 * down for a low value, up for a high one), severities by the height of
 * their bars, and every chart says what it shows in words.
 */
#define G_LOG_DOMAIN "carnet-core"

#include "config.h"

#include "carnet-chart.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#define DAY_SECONDS   86400
/* Marks and lines in parts of a line of text: as small on paper as text is. */
#define POINT_RADIUS  0.3
#define MARK_SIZE     0.45
#define LINE_WIDTH    0.14
#define AXIS_GAP      6.0
#define RIGHT_PAD     12.0
#define STRIP_GAP     3.0

/* Scales and ticks */

double
carnet_scale_map (const CarnetScale *scale,
                  double             value)
{
  g_return_val_if_fail (scale != NULL, 0);

  if (scale->d1 == scale->d0)
    return (scale->r0 + scale->r1) / 2;

  return scale->r0 + (value - scale->d0) * (scale->r1 - scale->r0) / (scale->d1 - scale->d0);
}

double
carnet_scale_invert (const CarnetScale *scale,
                     double             position)
{
  g_return_val_if_fail (scale != NULL, 0);

  if (scale->r1 == scale->r0)
    return (scale->d0 + scale->d1) / 2;

  return scale->d0 + (position - scale->r0) * (scale->d1 - scale->d0) / (scale->r1 - scale->r0);
}

static double
nice_step (double span,
           guint  intervals)
{
  static const double multiples[] = { 1, 2, 2.5, 5, 10 };
  double raw = span / MAX (intervals, 1);
  double power = pow (10, floor (log10 (raw)));

  for (guint i = 0; i < G_N_ELEMENTS (multiples); i++)
    {
      if (multiples[i] * power >= raw * (1 - 1e-9))
        return multiples[i] * power;
    }

  return 10 * power;
}

/**
 * carnet_chart_nice_ticks:
 *
 * Returns: (transfer full): the ticks, ascending (doubles)
 */
GArray *
carnet_chart_nice_ticks (double  min,
                         double  max,
                         guint   max_ticks,
                         double *out_min,
                         double *out_max,
                         double *out_step)
{
  GArray *ticks = g_array_new (FALSE, FALSE, sizeof (double));
  double step, first, last;

  g_return_val_if_fail (isfinite (min) && isfinite (max), ticks);

  /* Two ticks cannot hold a span across a multiple of the step; three can. */
  max_ticks = MAX (max_ticks, 3);
  if (max < min)
    {
      double swap = min;

      min = max;
      max = swap;
    }
  if (max == min)
    {
      double pad = min == 0 ? 1 : fabs (min) * 0.1;

      min -= pad;
      max += pad;
    }

  /* The coarsest nice step may still give one tick too many once the ends
   * are rounded out: widen it until they fit. */
  step = nice_step (max - min, max_ticks - 1);
  for (guint tries = 0; tries < 8; tries++)
    {
      first = floor (min / step + 1e-9) * step;
      last = ceil (max / step - 1e-9) * step;
      if ((guint) llround ((last - first) / step) + 1 <= max_ticks)
        break;
      step = nice_step (step * 1.01, 1);
    }

  for (guint i = 0; first + i * step <= last + step * 1e-6; i++)
    {
      double tick = first + i * step;

      /* No "-0" nor 0.30000000000000004. */
      tick = round (tick / step) * step;
      if (fabs (tick) < step * 1e-9)
        tick = 0;
      g_array_append_val (ticks, tick);
    }

  if (out_min != NULL)
    *out_min = first;
  if (out_max != NULL)
    *out_max = last;
  if (out_step != NULL)
    *out_step = step;

  return ticks;
}

static GDateTime *
local_midnight (GTimeZone   *tz,
                const GDate *date)
{
  return g_date_time_new (tz, g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date), 0, 0, 0);
}

static gboolean
on_boundary (const GDate    *date,
             CarnetTimeStep  step,
             guint           count)
{
  switch (step)
    {
    case CARNET_TIME_STEP_DAY:
      return g_date_get_julian (date) % count == 0;
    case CARNET_TIME_STEP_WEEK:
      /* Julian day 1 is a Monday. */
      return g_date_get_weekday (date) == G_DATE_MONDAY &&
             ((g_date_get_julian (date) - 1) / 7) % count == 0;
    case CARNET_TIME_STEP_MONTH:
      return g_date_get_day (date) == 1 && (g_date_get_month (date) - 1) % count == 0;
    case CARNET_TIME_STEP_YEAR:
    default:
      return g_date_get_day (date) == 1 && g_date_get_month (date) == 1 &&
             g_date_get_year (date) % count == 0;
    }
}

static void
next_candidate (GDate          *date,
                CarnetTimeStep  step)
{
  switch (step)
    {
    case CARNET_TIME_STEP_DAY:
    case CARNET_TIME_STEP_WEEK:
      g_date_add_days (date, 1);
      break;
    case CARNET_TIME_STEP_MONTH:
      g_date_set_day (date, 1);
      g_date_add_months (date, 1);
      break;
    case CARNET_TIME_STEP_YEAR:
    default:
      g_date_set_dmy (date, 1, 1, g_date_get_year (date) + 1);
      break;
    }
}

/**
 * carnet_chart_time_ticks:
 *
 * Returns: (transfer full): the ticks (gint64 Unix seconds), ascending
 */
GArray *
carnet_chart_time_ticks (gint64          from,
                         gint64          to,
                         guint           max_ticks,
                         GTimeZone      *tz,
                         CarnetTimeStep *out_step,
                         guint          *out_count)
{
  static const struct {
    CarnetTimeStep step;
    guint          count;
    double         days;
  } steps[] = {
    { CARNET_TIME_STEP_DAY, 1, 1 },
    { CARNET_TIME_STEP_DAY, 2, 2 },
    { CARNET_TIME_STEP_WEEK, 1, 7 },
    { CARNET_TIME_STEP_WEEK, 2, 14 },
    { CARNET_TIME_STEP_MONTH, 1, 30.44 },
    { CARNET_TIME_STEP_MONTH, 2, 60.88 },
    { CARNET_TIME_STEP_MONTH, 3, 91.31 },
    { CARNET_TIME_STEP_MONTH, 6, 182.62 },
    { CARNET_TIME_STEP_YEAR, 1, 365.25 },
    { CARNET_TIME_STEP_YEAR, 2, 730.5 },
    { CARNET_TIME_STEP_YEAR, 5, 1826.25 },
    { CARNET_TIME_STEP_YEAR, 10, 3652.5 },
    { CARNET_TIME_STEP_YEAR, 50, 18262.5 },
    { CARNET_TIME_STEP_YEAR, 100, 36525 },
  };
  GArray *ticks = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GDateTime) start = NULL;
  double days;
  guint chosen = G_N_ELEMENTS (steps) - 1;
  GDate date;

  g_return_val_if_fail (tz != NULL, ticks);

  if (to < from)
    return ticks;

  max_ticks = MAX (max_ticks, 1);
  days = (double) (to - from) / DAY_SECONDS;
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      /* The most that fit in the span, whatever the phase. */
      if (floor (days / steps[i].days) + 1 <= max_ticks)
        {
          chosen = i;
          break;
        }
    }

  start = g_date_time_new_from_unix_utc (from);
  if (start == NULL)
    return ticks;
  {
    g_autoptr(GDateTime) local = g_date_time_to_timezone (start, tz);

    g_date_clear (&date, 1);
    g_date_set_dmy (&date, g_date_time_get_day_of_month (local),
                    g_date_time_get_month (local), g_date_time_get_year (local));
  }

  /* From the day of @from (its midnight may be before it: skipped). */
  while (g_date_get_year (&date) < 9999)
    {
      g_autoptr(GDateTime) midnight = NULL;
      gint64 at;

      if (!on_boundary (&date, steps[chosen].step, steps[chosen].count))
        {
          next_candidate (&date, steps[chosen].step);
          continue;
        }

      midnight = local_midnight (tz, &date);
      at = g_date_time_to_unix (midnight);
      if (at > to)
        break;
      if (at >= from)
        g_array_append_val (ticks, at);
      next_candidate (&date, steps[chosen].step);
    }

  if (out_step != NULL)
    *out_step = steps[chosen].step;
  if (out_count != NULL)
    *out_count = steps[chosen].count;

  return ticks;
}

/**
 * carnet_chart_format_time_tick:
 * @first: the first tick: says the year where a month alone would not
 *
 * Returns: (transfer full): the tick's label, in the locale's way
 */
char *
carnet_chart_format_time_tick (gint64          at,
                               CarnetTimeStep  step,
                               gboolean        first,
                               GTimeZone      *tz)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (at);
  g_autoptr(GDateTime) local = NULL;

  g_return_val_if_fail (tz != NULL, NULL);

  if (utc == NULL)
    return g_strdup ("");
  local = g_date_time_to_timezone (utc, tz);

  switch (step)
    {
    case CARNET_TIME_STEP_DAY:
    case CARNET_TIME_STEP_WEEK:
      /* Translators: a day on a chart's time axis, as g_date_time_format()
       * writes it: %b the short month name, %-d the day of the month. */
      return g_date_time_format (local, C_("chart day", "%b %-d"));
    case CARNET_TIME_STEP_MONTH:
      if (first || g_date_time_get_month (local) == 1)
        /* Translators: a month on a chart's time axis, with its year */
        return g_date_time_format (local, C_("chart month and year", "%b %Y"));
      /* Translators: a month on a chart's time axis */
      return g_date_time_format (local, C_("chart month", "%b"));
    case CARNET_TIME_STEP_YEAR:
    default:
      return g_date_time_format (local, "%Y");
    }
}

gboolean
carnet_chart_cycle_position (const GDate *start,
                             guint        cycle_days,
                             guint        cycles,
                             const GDate *day,
                             guint       *out_cycle,
                             guint       *out_day)
{
  gint64 index;

  g_return_val_if_fail (start != NULL && day != NULL, FALSE);

  if (cycle_days == 0 || !g_date_valid (start) || !g_date_valid (day))
    return FALSE;

  index = (gint64) g_date_get_julian (day) - (gint64) g_date_get_julian (start);
  if (index < 0 || (cycles > 0 && index >= (gint64) cycles * cycle_days))
    return FALSE;

  if (out_cycle != NULL)
    *out_cycle = (guint) (index / cycle_days) + 1;
  if (out_day != NULL)
    *out_day = (guint) (index % cycle_days) + 1;

  return TRUE;
}

guint
carnet_chart_assign_lanes (const double *starts,
                           const double *ends,
                           guint         n,
                           guint        *out_lanes)
{
  g_autoptr(GArray) lane_ends = g_array_new (FALSE, FALSE, sizeof (double));

  g_return_val_if_fail (n == 0 || (starts != NULL && ends != NULL && out_lanes != NULL), 0);

  /* In the order given (by start): the first lane free by then. */
  for (guint i = 0; i < n; i++)
    {
      guint lane;

      for (lane = 0; lane < lane_ends->len; lane++)
        {
          if (g_array_index (lane_ends, double, lane) <= starts[i])
            break;
        }
      if (lane == lane_ends->len)
        g_array_append_val (lane_ends, ends[i]);
      else
        g_array_index (lane_ends, double, lane) = ends[i];
      out_lanes[i] = lane;
    }

  return lane_ends->len;
}

/* Colours */

static void
set_hex (CarnetChartColor *color,
         guint32           rgb,
         double            alpha)
{
  color->red = ((rgb >> 16) & 0xff) / 255.0;
  color->green = ((rgb >> 8) & 0xff) / 255.0;
  color->blue = (rgb & 0xff) / 255.0;
  color->alpha = alpha;
}

/**
 * carnet_chart_palette_init:
 * @dark: for a dark background
 *
 * GNOME's palette, in shades that stand out from the background.
 */
void
carnet_chart_palette_init (CarnetChartPalette *palette,
                           gboolean            dark)
{
  g_return_if_fail (palette != NULL);

  if (dark)
    {
      set_hex (&palette->foreground, 0xffffff, 0.9);
      set_hex (&palette->grid, 0xffffff, 0.14);
      set_hex (&palette->line, 0x78aeed, 1);
      set_hex (&palette->band, 0x57e389, 0.2);
      set_hex (&palette->period, 0xc061cb, 0.28);
      set_hex (&palette->low, 0xffa348, 1);
      set_hex (&palette->high, 0xff7b63, 1);
      set_hex (&palette->background, 0x303030, 1);
      set_hex (&palette->severity[0], 0x9a9996, 1);
      set_hex (&palette->severity[1], 0xf8e45c, 1);
      set_hex (&palette->severity[2], 0xffa348, 1);
      set_hex (&palette->severity[3], 0xf66151, 1);
      set_hex (&palette->severity[4], 0xdc8add, 1);
    }
  else
    {
      set_hex (&palette->foreground, 0x000000, 0.8);
      set_hex (&palette->grid, 0x000000, 0.12);
      set_hex (&palette->line, 0x1c71d8, 1);
      set_hex (&palette->band, 0x33d17a, 0.22);
      set_hex (&palette->period, 0x9141ac, 0.18);
      set_hex (&palette->low, 0xc64600, 1);
      set_hex (&palette->high, 0xc01c28, 1);
      set_hex (&palette->background, 0xffffff, 1);
      set_hex (&palette->severity[0], 0x77767b, 1);
      set_hex (&palette->severity[1], 0xe5a50a, 1);
      set_hex (&palette->severity[2], 0xe66100, 1);
      set_hex (&palette->severity[3], 0xc01c28, 1);
      set_hex (&palette->severity[4], 0x813d9c, 1);
    }
}

static void
set_color (cairo_t                *cr,
           const CarnetChartColor *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

/* Words */

/* In the locale's way (a decimal comma in French), without float noise. */
static char *
format_number (double value)
{
  return g_strdup_printf ("%.12g", value);
}

static char *
format_value (double      value,
              const char *unit)
{
  g_autofree char *number = format_number (value);

  if (unit == NULL || *unit == '\0')
    return g_steal_pointer (&number);

  return g_strdup_printf ("%s %s", number, unit);
}

static char *
format_range (double low,
              double high)
{
  g_autofree char *low_text = isnan (low) ? NULL : format_number (low);
  g_autofree char *high_text = isnan (high) ? NULL : format_number (high);

  if (low_text != NULL && high_text != NULL)
    /* Translators: a reference range, "12–16" */
    return g_strdup_printf (C_("chart range", "%s–%s"), low_text, high_text);
  if (low_text != NULL)
    return g_strdup_printf ("≥ %s", low_text);
  if (high_text != NULL)
    return g_strdup_printf ("≤ %s", high_text);

  return NULL;
}

static char *
format_day (GDateTime *dt)
{
  /* Translators: a day in a chart's description, as g_date_time_format()
   * writes it: "3 November 2026". */
  return g_date_time_format (dt, C_("chart description date", "%-d %B %Y"));
}

static char *
format_unix_day (gint64     at,
                 GTimeZone *tz)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (at);
  g_autoptr(GDateTime) local = utc != NULL ? g_date_time_to_timezone (utc, tz) : NULL;

  return local != NULL ? format_day (local) : g_strdup ("");
}

static char *
format_julian (guint32    julian,
               GTimeZone *tz)
{
  g_autoptr(GDateTime) midnight = NULL;
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  midnight = local_midnight (tz, &date);

  return format_day (midnight);
}

/* A lab value over time */

/**
 * carnet_chart_series_new:
 * @tz: the time zone its dates are read in
 *
 * Returns: (transfer full): a series without points
 */
CarnetChartSeries *
carnet_chart_series_new (const char *name,
                         const char *unit,
                         GTimeZone  *tz)
{
  CarnetChartSeries *series;

  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (tz != NULL, NULL);

  series = g_new0 (CarnetChartSeries, 1);
  series->name = g_strdup (name);
  series->unit = unit != NULL && *unit != '\0' ? g_strdup (unit) : NULL;
  series->points = g_array_new (FALSE, FALSE, sizeof (CarnetChartPoint));
  series->periods = g_array_new (FALSE, FALSE, sizeof (CarnetChartPeriod));
  series->tz = g_time_zone_ref (tz);

  return series;
}

/**
 * carnet_chart_series_copy:
 *
 * Returns: (transfer full): a copy of @series
 */
CarnetChartSeries *
carnet_chart_series_copy (CarnetChartSeries *series)
{
  CarnetChartSeries *copy;

  g_return_val_if_fail (series != NULL, NULL);

  copy = carnet_chart_series_new (series->name, series->unit, series->tz);
  g_array_append_vals (copy->points, series->points->data, series->points->len);
  for (guint i = 0; i < series->periods->len; i++)
    {
      const CarnetChartPeriod *period = &g_array_index (series->periods, CarnetChartPeriod, i);

      carnet_chart_series_add_period (copy, period->name, &period->start, &period->end,
                                      period->cycle_days, period->cycles);
    }

  return copy;
}

void
carnet_chart_series_free (CarnetChartSeries *series)
{
  if (series == NULL)
    return;

  for (guint i = 0; i < series->periods->len; i++)
    g_free (g_array_index (series->periods, CarnetChartPeriod, i).name);
  g_array_unref (series->periods);
  g_array_unref (series->points);
  g_time_zone_unref (series->tz);
  g_free (series->name);
  g_free (series->unit);
  g_free (series);
}

/* Points are kept oldest first, whatever the order they come in. */
void
carnet_chart_series_add_point (CarnetChartSeries *series,
                               gint64             at,
                               double             value,
                               double             low,
                               double             high)
{
  CarnetChartPoint point = { at, value, low, high, CARNET_FLAG_NONE };
  guint index;

  g_return_if_fail (series != NULL);
  g_return_if_fail (isfinite (value));

  if (!isnan (low) || !isnan (high))
    {
      if (!isnan (low) && value < low)
        point.flag = CARNET_FLAG_LOW;
      else if (!isnan (high) && value > high)
        point.flag = CARNET_FLAG_HIGH;
      else
        point.flag = CARNET_FLAG_NORMAL;
    }

  for (index = series->points->len; index > 0; index--)
    {
      if (g_array_index (series->points, CarnetChartPoint, index - 1).at <= at)
        break;
    }
  g_array_insert_val (series->points, index, point);
}

void
carnet_chart_series_add_period (CarnetChartSeries *series,
                                const char        *name,
                                const GDate       *start,
                                const GDate       *end,
                                guint              cycle_days,
                                guint              cycles)
{
  CarnetChartPeriod period = { 0 };
  guint index;

  g_return_if_fail (series != NULL);
  g_return_if_fail (start != NULL && g_date_valid (start));

  period.name = g_strdup (name != NULL ? name : "");
  period.start = *start;
  g_date_clear (&period.end, 1);
  if (end != NULL && g_date_valid (end))
    period.end = *end;
  period.cycle_days = cycle_days;
  period.cycles = cycles;

  for (index = series->periods->len; index > 0; index--)
    {
      if (g_date_compare (&g_array_index (series->periods, CarnetChartPeriod, index - 1).start, start) <= 0)
        break;
    }
  g_array_insert_val (series->periods, index, period);
}

/**
 * carnet_chart_series_describe:
 *
 * Returns: (transfer full): what the chart shows, in words
 */
char *
carnet_chart_series_describe (CarnetChartSeries *series)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *value = NULL;
  g_autofree char *day = NULL;
  g_autofree char *range = NULL;
  g_autofree char *first_day = NULL;
  const CarnetChartPoint *latest;
  guint n;

  g_return_val_if_fail (series != NULL, NULL);

  n = series->points->len;
  if (n == 0)
    /* Translators: a lab value chart without any value; %s is the test */
    return g_strdup_printf (_("%s: no value yet."), series->name);

  latest = &g_array_index (series->points, CarnetChartPoint, n - 1);
  value = format_value (latest->value, series->unit);
  day = format_unix_day (latest->at, series->tz);
  /* Translators: the start of a lab value chart's description, "Latest
   * value 4.2 g/dL on 3 November 2026" */
  g_string_printf (text, _("Latest value %s on %s"), value, day);

  range = format_range (latest->low, latest->high);
  if (range != NULL)
    {
      g_string_append (text, C_("chart description", ", "));
      switch (latest->flag)
        {
        case CARNET_FLAG_LOW:
          /* Translators: where the latest value stands; %s is the range, "12–16" */
          g_string_append_printf (text, _("below the range %s"), range);
          break;
        case CARNET_FLAG_HIGH:
          g_string_append_printf (text, _("above the range %s"), range);
          break;
        case CARNET_FLAG_NORMAL:
        case CARNET_FLAG_NONE:
        default:
          g_string_append_printf (text, _("within the range %s"), range);
          break;
        }
    }

  if (n > 1)
    {
      const CarnetChartPoint *previous = &g_array_index (series->points, CarnetChartPoint, n - 2);
      g_autofree char *before = format_value (previous->value, series->unit);
      double delta = latest->value - previous->value;

      g_string_append (text, C_("chart description", "; "));
      if (fabs (delta) < 1e-12 * MAX (1.0, fabs (latest->value)))
        /* Translators: %s is the previous value, "10.8 g/dL" */
        g_string_append_printf (text, _("unchanged since the previous value (%s)"), before);
      else if (delta > 0)
        g_string_append_printf (text, _("rising since the previous value (%s)"), before);
      else
        g_string_append_printf (text, _("falling since the previous value (%s)"), before);
    }
  g_string_append (text, C_("chart description", ". "));

  first_day = format_unix_day (g_array_index (series->points, CarnetChartPoint, 0).at, series->tz);
  /* Translators: how many values a chart has, and since when */
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u value since %s.", "%u values since %s.", n),
                          n, first_day);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static gboolean
period_bounds (const CarnetChartPeriod *period,
               GTimeZone               *tz,
               gint64                   to,
               gint64                  *out_start,
               gint64                  *out_end)
{
  g_autoptr(GDateTime) start = local_midnight (tz, &period->start);
  GDate end;

  if (start == NULL)
    return FALSE;
  *out_start = g_date_time_to_unix (start);

  if (g_date_valid (&period->end))
    {
      g_autoptr(GDateTime) end_midnight = NULL;

      /* To the end of its last day. */
      end = period->end;
      g_date_add_days (&end, 1);
      end_midnight = local_midnight (tz, &end);
      *out_end = end_midnight != NULL ? g_date_time_to_unix (end_midnight) : *out_start;
    }
  else
    {
      /* Going on: to the end of the window. */
      *out_end = MAX (to, *out_start);
    }

  return TRUE;
}

/**
 * carnet_chart_layout_new:
 *
 * Returns: (transfer full): where everything goes
 */
CarnetChartLayout *
carnet_chart_layout_new (CarnetChartSeries *series,
                         gint64             from,
                         gint64             to,
                         double             width,
                         double             height,
                         double             label_width,
                         double             line_height)
{
  CarnetChartLayout *layout;
  g_autofree double *starts = NULL;
  g_autofree double *ends = NULL;
  g_autofree guint *visible = NULL;
  g_autofree guint *lanes = NULL;
  const CarnetChartPoint *latest = NULL;
  double min = INFINITY, max = -INFINITY;
  guint n_visible = 0;
  guint max_ticks;

  g_return_val_if_fail (series != NULL, NULL);

  if (to <= from)
    to = from + DAY_SECONDS;

  layout = g_new0 (CarnetChartLayout, 1);
  layout->lanes = g_new (guint, MAX (series->periods->len, 1));

  /* Lanes for the treatments in the window. */
  starts = g_new (double, MAX (series->periods->len, 1));
  ends = g_new (double, MAX (series->periods->len, 1));
  visible = g_new (guint, MAX (series->periods->len, 1));
  lanes = g_new (guint, MAX (series->periods->len, 1));
  for (guint i = 0; i < series->periods->len; i++)
    {
      gint64 start, end;

      layout->lanes[i] = G_MAXUINT;
      if (!period_bounds (&g_array_index (series->periods, CarnetChartPeriod, i), series->tz, to,
                          &start, &end) ||
          end <= from || start >= to)
        continue;
      starts[n_visible] = (double) start;
      ends[n_visible] = (double) end;
      visible[n_visible++] = i;
    }
  layout->n_lanes = carnet_chart_assign_lanes (starts, ends, n_visible, lanes);
  for (guint i = 0; i < n_visible; i++)
    layout->lanes[visible[i]] = lanes[i];

  layout->lane_height = line_height + 6;
  layout->plot_x = label_width + AXIS_GAP;
  /* The unit above the value labels. */
  layout->plot_y = line_height + 6;
  layout->plot_width = MAX (width - layout->plot_x - RIGHT_PAD, 1);
  layout->plot_height = MAX (height - layout->plot_y - line_height - AXIS_GAP
                             - layout->n_lanes * layout->lane_height - (layout->n_lanes > 0 ? 4 : 0), 1);
  layout->lanes_y = layout->plot_y + layout->plot_height + AXIS_GAP + line_height + 4;

  layout->x.d0 = (double) from;
  layout->x.d1 = (double) to;
  layout->x.r0 = layout->plot_x;
  layout->x.r1 = layout->plot_x + layout->plot_width;

  /* The values in the window, else all of them; and the band. */
  for (int pass = 0; pass < 2 && !isfinite (min); pass++)
    {
      for (guint i = 0; i < series->points->len; i++)
        {
          const CarnetChartPoint *point = &g_array_index (series->points, CarnetChartPoint, i);

          if (pass == 0 && (point->at < from || point->at > to))
            continue;
          min = MIN (min, point->value);
          max = MAX (max, point->value);
        }
    }
  if (series->points->len > 0)
    latest = &g_array_index (series->points, CarnetChartPoint, series->points->len - 1);
  if (latest != NULL)
    {
      if (!isnan (latest->low))
        {
          min = MIN (min, latest->low);
          max = MAX (max, latest->low);
        }
      if (!isnan (latest->high))
        {
          min = MIN (min, latest->high);
          max = MAX (max, latest->high);
        }
    }
  if (!isfinite (min))
    {
      min = 0;
      max = 1;
    }

  max_ticks = (guint) CLAMP (layout->plot_height / (line_height * 1.8), 2, 8);
  layout->value_ticks = carnet_chart_nice_ticks (min, max, max_ticks, &layout->y.d0, &layout->y.d1, NULL);
  layout->y.r0 = layout->plot_y + layout->plot_height;
  layout->y.r1 = layout->plot_y;

  /* Most labels are a short month ("Sep"); one that would overlap the one
   * before it is left out when drawn. */
  max_ticks = (guint) CLAMP (layout->plot_width / (line_height * 4), 2, 12);
  layout->time_ticks = carnet_chart_time_ticks (from, to, max_ticks, series->tz, &layout->time_step, NULL);

  if (latest != NULL && (!isnan (latest->low) || !isnan (latest->high)))
    {
      double top = isnan (latest->high) ? layout->y.d1 : latest->high;
      double bottom = isnan (latest->low) ? layout->y.d0 : latest->low;

      layout->has_band = TRUE;
      layout->band_top = CLAMP (carnet_scale_map (&layout->y, top), layout->y.r1, layout->y.r0);
      layout->band_bottom = CLAMP (carnet_scale_map (&layout->y, bottom), layout->y.r1, layout->y.r0);
    }

  return layout;
}

static PangoLayout *
new_text (PangoContext *context,
          const char   *font,
          const char   *text)
{
  PangoLayout *layout = pango_layout_new (context);
  PangoFontDescription *description = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, description);
  pango_font_description_free (description);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static void
text_size (PangoLayout *layout,
           double      *out_width,
           double      *out_height)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  if (out_width != NULL)
    *out_width = (double) logical.width / PANGO_SCALE;
  if (out_height != NULL)
    *out_height = (double) logical.height / PANGO_SCALE;
}

double
carnet_chart_line_height (PangoContext *context,
                          const char   *font)
{
  g_autoptr(PangoLayout) probe = NULL;
  double height;

  g_return_val_if_fail (PANGO_IS_CONTEXT (context), 0);
  g_return_val_if_fail (font != NULL, 0);

  probe = new_text (context, font, "0123456789");
  text_size (probe, NULL, &height);
  return ceil (height);
}

static double
value_labels_width (GArray       *ticks,
                    PangoContext *context,
                    const char   *font)
{
  double widest = 0;

  for (guint i = 0; i < ticks->len; i++)
    {
      g_autofree char *label = format_number (g_array_index (ticks, double, i));
      g_autoptr(PangoLayout) text = new_text (context, font, label);
      double width;

      text_size (text, &width, NULL);
      widest = MAX (widest, width);
    }

  return ceil (widest);
}

/**
 * carnet_chart_layout_new_for_text:
 *
 * Returns: (transfer full): where everything goes
 */
CarnetChartLayout *
carnet_chart_layout_new_for_text (CarnetChartSeries *series,
                                  PangoContext      *context,
                                  const char        *font,
                                  gint64             from,
                                  gint64             to,
                                  double             width,
                                  double             height)
{
  CarnetChartLayout *layout;
  double line_height;
  double label_width;

  g_return_val_if_fail (series != NULL, NULL);
  g_return_val_if_fail (PANGO_IS_CONTEXT (context), NULL);

  line_height = carnet_chart_line_height (context, font);
  /* The value labels depend on the ticks, which depend a little on the
   * room left: twice is enough for them to agree. */
  layout = carnet_chart_layout_new (series, from, to, width, height, line_height * 2, line_height);
  label_width = value_labels_width (layout->value_ticks, context, font);
  carnet_chart_layout_free (layout);

  return carnet_chart_layout_new (series, from, to, width, height, MAX (label_width, line_height), line_height);
}

void
carnet_chart_layout_free (CarnetChartLayout *layout)
{
  if (layout == NULL)
    return;

  g_clear_pointer (&layout->value_ticks, g_array_unref);
  g_clear_pointer (&layout->time_ticks, g_array_unref);
  g_free (layout->lanes);
  g_free (layout);
}

static void
draw_mark (cairo_t                  *cr,
           const CarnetChartPalette *palette,
           CarnetFlag                flag,
           double                    x,
           double                    y,
           double                    line_height)
{
  const CarnetChartColor *fill = &palette->line;
  double size = MARK_SIZE * line_height;

  switch (flag)
    {
    case CARNET_FLAG_LOW:
      /* Pointing down. */
      fill = &palette->low;
      cairo_move_to (cr, x - size, y - size * 0.6);
      cairo_line_to (cr, x + size, y - size * 0.6);
      cairo_line_to (cr, x, y + size);
      cairo_close_path (cr);
      break;
    case CARNET_FLAG_HIGH:
      fill = &palette->high;
      cairo_move_to (cr, x - size, y + size * 0.6);
      cairo_line_to (cr, x + size, y + size * 0.6);
      cairo_line_to (cr, x, y - size);
      cairo_close_path (cr);
      break;
    case CARNET_FLAG_NONE:
    case CARNET_FLAG_NORMAL:
    default:
      cairo_arc (cr, x, y, POINT_RADIUS * line_height, 0, 2 * G_PI);
      break;
    }

  set_color (cr, fill);
  cairo_fill_preserve (cr);
  set_color (cr, &palette->background);
  cairo_set_line_width (cr, line_height * 0.08);
  cairo_stroke (cr);
}

static void
show_text (cairo_t                *cr,
           PangoLayout            *text,
           const CarnetChartColor *color,
           double                  x,
           double                  y)
{
  set_color (cr, color);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, text);
}

static void
draw_periods (CarnetChartSeries        *series,
              CarnetChartLayout        *layout,
              cairo_t                  *cr,
              PangoContext             *context,
              const char               *font,
              const CarnetChartPalette *palette)
{
  gint64 to = (gint64) layout->x.d1;
  double plot_right = layout->plot_x + layout->plot_width;

  for (guint i = 0; i < series->periods->len; i++)
    {
      const CarnetChartPeriod *period = &g_array_index (series->periods, CarnetChartPeriod, i);
      g_autoptr(PangoLayout) name = NULL;
      gint64 start, end;
      double x0, x1, y;
      CarnetChartColor faint = palette->period;

      if (layout->lanes[i] == G_MAXUINT || !period_bounds (period, series->tz, to, &start, &end))
        continue;

      x0 = MAX (carnet_scale_map (&layout->x, (double) start), layout->plot_x);
      x1 = MIN (carnet_scale_map (&layout->x, (double) end), plot_right);
      if (x1 - x0 < 1)
        x1 = x0 + 1;

      /* Faintly behind the values, and as a labelled bar in its lane. */
      faint.alpha /= 2.5;
      set_color (cr, &faint);
      cairo_rectangle (cr, x0, layout->plot_y, x1 - x0, layout->plot_height);
      cairo_fill (cr);

      y = layout->lanes_y + layout->lanes[i] * layout->lane_height;
      set_color (cr, &palette->period);
      cairo_rectangle (cr, x0, y, x1 - x0, layout->lane_height - 2);
      cairo_fill (cr);

      /* The first day of each cycle. */
      if (period->cycle_days > 0)
        {
          guint n = period->cycles > 0 ? period->cycles : G_MAXUINT;

          set_color (cr, &palette->foreground);
          cairo_set_line_width (cr, 1);
          for (guint c = 1; c < n; c++)
            {
              GDate day = period->start;
              g_autoptr(GDateTime) midnight = NULL;
              double x;

              g_date_add_days (&day, c * period->cycle_days);
              midnight = local_midnight (series->tz, &day);
              if (midnight == NULL || g_date_time_to_unix (midnight) >= end)
                break;
              x = carnet_scale_map (&layout->x, (double) g_date_time_to_unix (midnight));
              if (x > x1)
                break;
              if (x <= x0)
                continue;
              /* At the foot of the bar, under its name. */
              cairo_move_to (cr, round (x) + 0.5, y + (layout->lane_height - 2) * 0.75);
              cairo_line_to (cr, round (x) + 0.5, y + layout->lane_height - 2);
            }
          cairo_stroke (cr);
        }

      name = new_text (context, font, period->name);
      pango_layout_set_width (name, (int) (MAX (x1 - x0 - 6, 1) * PANGO_SCALE));
      pango_layout_set_ellipsize (name, PANGO_ELLIPSIZE_END);
      if (x1 - x0 > layout->lane_height * 1.5)
        show_text (cr, name, &palette->foreground, x0 + 3, y + 2);
    }
}

/**
 * carnet_chart_draw:
 *
 * Draws the chart: treatments, reference band, grid, axes with their labels
 * and the unit, then the values joined by a line, each a mark whose shape
 * tells its flag.
 */
void
carnet_chart_draw (CarnetChartSeries        *series,
                   CarnetChartLayout        *layout,
                   cairo_t                  *cr,
                   PangoContext             *context,
                   const char               *font,
                   const CarnetChartPalette *palette)
{
  double plot_right, plot_bottom;
  double last_label_end = -INFINITY;
  double line_height;

  g_return_if_fail (series != NULL && layout != NULL && cr != NULL);
  g_return_if_fail (PANGO_IS_CONTEXT (context) && font != NULL && palette != NULL);

  plot_right = layout->plot_x + layout->plot_width;
  plot_bottom = layout->plot_y + layout->plot_height;
  line_height = carnet_chart_line_height (context, font);

  cairo_save (cr);

  draw_periods (series, layout, cr, context, font, palette);

  if (layout->has_band)
    {
      set_color (cr, &palette->band);
      cairo_rectangle (cr, layout->plot_x, layout->band_top, layout->plot_width,
                       layout->band_bottom - layout->band_top);
      cairo_fill (cr);
    }

  /* Value grid and labels, the unit above them. */
  cairo_set_line_width (cr, 1);
  for (guint i = 0; i < layout->value_ticks->len; i++)
    {
      double value = g_array_index (layout->value_ticks, double, i);
      double y = round (carnet_scale_map (&layout->y, value)) + 0.5;
      g_autofree char *label = format_number (value);
      g_autoptr(PangoLayout) text = new_text (context, font, label);
      double width, height;

      set_color (cr, &palette->grid);
      cairo_move_to (cr, layout->plot_x, y);
      cairo_line_to (cr, plot_right, y);
      cairo_stroke (cr);

      text_size (text, &width, &height);
      show_text (cr, text, &palette->foreground, layout->plot_x - AXIS_GAP - width, y - height / 2);
    }
  if (series->unit != NULL)
    {
      g_autoptr(PangoLayout) unit = new_text (context, font, series->unit);

      show_text (cr, unit, &palette->foreground, 0, 0);
    }

  /* Time axis: ticks and their labels, none over the one before. */
  set_color (cr, &palette->foreground);
  cairo_move_to (cr, layout->plot_x, round (plot_bottom) + 0.5);
  cairo_line_to (cr, plot_right, round (plot_bottom) + 0.5);
  cairo_stroke (cr);
  for (guint i = 0; i < layout->time_ticks->len; i++)
    {
      gint64 at = g_array_index (layout->time_ticks, gint64, i);
      double x = round (carnet_scale_map (&layout->x, (double) at)) + 0.5;
      g_autofree char *label = carnet_chart_format_time_tick (at, layout->time_step, i == 0, series->tz);
      g_autoptr(PangoLayout) text = new_text (context, font, label);
      double width, left;

      set_color (cr, &palette->grid);
      cairo_move_to (cr, x, layout->plot_y);
      cairo_line_to (cr, x, plot_bottom);
      cairo_stroke (cr);
      set_color (cr, &palette->foreground);
      cairo_move_to (cr, x, plot_bottom);
      cairo_line_to (cr, x, plot_bottom + 4);
      cairo_stroke (cr);

      text_size (text, &width, NULL);
      left = CLAMP (x - width / 2, layout->plot_x - AXIS_GAP, plot_right + RIGHT_PAD - width);
      if (left < last_label_end + line_height * 0.5)
        continue;
      show_text (cr, text, &palette->foreground, left, plot_bottom + AXIS_GAP);
      last_label_end = left + width;
    }

  /* The values: a line through them, clipped to the plot, then marks. */
  cairo_save (cr);
  cairo_rectangle (cr, layout->plot_x, layout->plot_y, layout->plot_width, layout->plot_height);
  cairo_clip (cr);
  set_color (cr, &palette->line);
  cairo_set_line_width (cr, LINE_WIDTH * line_height);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (guint i = 0; i < series->points->len; i++)
    {
      const CarnetChartPoint *point = &g_array_index (series->points, CarnetChartPoint, i);
      double x = carnet_scale_map (&layout->x, (double) point->at);
      double y = carnet_scale_map (&layout->y, point->value);

      if (i == 0)
        cairo_move_to (cr, x, y);
      else
        cairo_line_to (cr, x, y);
    }
  cairo_stroke (cr);
  cairo_restore (cr);

  cairo_save (cr);
  for (guint i = 0; i < series->points->len; i++)
    {
      const CarnetChartPoint *point = &g_array_index (series->points, CarnetChartPoint, i);
      double x = carnet_scale_map (&layout->x, (double) point->at);

      if (x < layout->plot_x - 0.5 || x > plot_right + 0.5)
        continue;
      draw_mark (cr, palette, point->flag, x, carnet_scale_map (&layout->y, point->value), line_height);
    }
  cairo_restore (cr);

  cairo_restore (cr);
}

void
carnet_chart_draw_sparkline (CarnetChartSeries        *series,
                             cairo_t                  *cr,
                             const CarnetChartPalette *palette,
                             gint64                    from,
                             gint64                    to,
                             double                    width,
                             double                    height)
{
  const CarnetChartPoint *latest;
  CarnetScale x_scale = { (double) from, (double) to, 0, width };
  CarnetScale y_scale;
  double min = INFINITY, max = -INFINITY, pad;
  /* The marks as big as a line of text that high would have them. */
  double mark_scale = height * 0.45;

  g_return_if_fail (series != NULL && cr != NULL && palette != NULL);

  if (series->points->len == 0 || to <= from || width <= 0 || height <= 0)
    return;

  latest = &g_array_index (series->points, CarnetChartPoint, series->points->len - 1);
  for (guint i = 0; i < series->points->len; i++)
    {
      const CarnetChartPoint *point = &g_array_index (series->points, CarnetChartPoint, i);

      min = MIN (min, point->value);
      max = MAX (max, point->value);
    }
  if (!isnan (latest->low))
    min = MIN (min, latest->low), max = MAX (max, latest->low);
  if (!isnan (latest->high))
    min = MIN (min, latest->high), max = MAX (max, latest->high);
  pad = max > min ? (max - min) * 0.12 : MAX (fabs (max) * 0.1, 1);
  y_scale = (CarnetScale) { min - pad, max + pad, height, 0 };

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  if (!isnan (latest->low) || !isnan (latest->high))
    {
      double top = carnet_scale_map (&y_scale, isnan (latest->high) ? y_scale.d1 : latest->high);
      double bottom = carnet_scale_map (&y_scale, isnan (latest->low) ? y_scale.d0 : latest->low);

      set_color (cr, &palette->band);
      cairo_rectangle (cr, 0, top, width, bottom - top);
      cairo_fill (cr);
    }

  set_color (cr, &palette->line);
  cairo_set_line_width (cr, LINE_WIDTH * mark_scale);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (guint i = 0; i < series->points->len; i++)
    {
      const CarnetChartPoint *point = &g_array_index (series->points, CarnetChartPoint, i);
      double x = carnet_scale_map (&x_scale, (double) point->at);
      double y = carnet_scale_map (&y_scale, point->value);

      if (i == 0)
        cairo_move_to (cr, x, y);
      else
        cairo_line_to (cr, x, y);
    }
  cairo_stroke (cr);
  cairo_restore (cr);

  cairo_save (cr);
  cairo_rectangle (cr, -mark_scale, -mark_scale, width + 2 * mark_scale, height + 2 * mark_scale);
  cairo_clip (cr);
  for (guint i = 0; i < series->points->len; i++)
    {
      const CarnetChartPoint *point = &g_array_index (series->points, CarnetChartPoint, i);
      double x = carnet_scale_map (&x_scale, (double) point->at);

      if (x < 0 || x > width)
        continue;
      draw_mark (cr, palette, point->flag, x, carnet_scale_map (&y_scale, point->value), mark_scale);
    }
  cairo_restore (cr);
}

/* A symptom's severity by day */

/**
 * carnet_timeline_new:
 *
 * Returns: (transfer full): a timeline without days
 */
CarnetTimeline *
carnet_timeline_new (const char *symptom,
                     GTimeZone  *tz)
{
  CarnetTimeline *timeline;

  g_return_val_if_fail (symptom != NULL, NULL);
  g_return_val_if_fail (tz != NULL, NULL);

  timeline = g_new0 (CarnetTimeline, 1);
  timeline->symptom = g_strdup (symptom);
  timeline->tz = g_time_zone_ref (tz);
  timeline->days = g_array_new (FALSE, FALSE, sizeof (CarnetTimelineDay));
  timeline->worst = -1;
  g_date_clear (&timeline->cycles.start, 1);
  g_date_clear (&timeline->cycles.end, 1);

  return timeline;
}

void
carnet_timeline_free (CarnetTimeline *timeline)
{
  if (timeline == NULL)
    return;

  g_free (timeline->symptom);
  g_free (timeline->cycles.name);
  g_free (timeline->grid);
  g_array_unref (timeline->days);
  g_time_zone_unref (timeline->tz);
  g_free (timeline);
}

/* The local day of @at, without a GDateTime: this runs for every record
 * of a symptom. 1 January 1970 is julian day 719163 for GDate. */
static guint32
julian_of (gint64     at,
           GTimeZone *tz)
{
  int interval = g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, at);
  gint64 local = at + (interval >= 0 ? g_time_zone_get_offset (tz, interval) : 0);
  gint64 days = local >= 0 ? local / DAY_SECONDS : -((-local + DAY_SECONDS - 1) / DAY_SECONDS);

  if (days + 719163 < 1 || days + 719163 > G_MAXUINT32 / 2)
    return 0;

  return (guint32) (days + 719163);
}

/* A timeline by date spans at least this many days. */
#define TIMELINE_MIN_DAYS 14

/* A side effect goes on at most this long on a timeline. */
#define TIMELINE_MAX_DAYS 3660

void
carnet_timeline_add (CarnetTimeline *timeline,
                     gint64          at,
                     gint64          until,
                     int             severity)
{
  guint32 first, last;

  g_return_if_fail (timeline != NULL);
  g_return_if_fail (severity >= CARNET_SEVERITY_MIN && severity <= CARNET_SEVERITY_MAX);

  first = julian_of (at, timeline->tz);
  last = until > at ? julian_of (until, timeline->tz) : first;
  if (first == 0 || last == 0)
    return;
  last = MIN (last, first + TIMELINE_MAX_DAYS);

  for (guint32 julian = first; julian <= last; julian++)
    {
      CarnetTimelineDay day = { julian, severity };

      g_array_append_val (timeline->days, day);
    }
}

static int
compare_days (gconstpointer a,
              gconstpointer b)
{
  const CarnetTimelineDay *x = a;
  const CarnetTimelineDay *y = b;

  if (x->julian != y->julian)
    return x->julian < y->julian ? -1 : 1;

  /* The worst first: it is the one kept. */
  return y->severity - x->severity;
}

static int
compare_julian_cb (gconstpointer a,
                   gconstpointer b)
{
  const CarnetTimelineDay *x = a;
  const CarnetTimelineDay *y = b;

  return x->julian < y->julian ? -1 : x->julian > y->julian ? 1 : 0;
}

/* By day, one entry per day, the worst of that day. */
static void
merge_days (CarnetTimeline *timeline)
{
  guint kept = 0;

  g_array_sort (timeline->days, compare_days);
  for (guint i = 0; i < timeline->days->len; i++)
    {
      CarnetTimelineDay *day = &g_array_index (timeline->days, CarnetTimelineDay, i);

      if (kept > 0 && g_array_index (timeline->days, CarnetTimelineDay, kept - 1).julian == day->julian)
        continue;
      g_array_index (timeline->days, CarnetTimelineDay, kept++) = *day;
    }
  g_array_set_size (timeline->days, kept);
}

static guint
days_in_cycles (CarnetTimeline          *timeline,
                const CarnetChartPeriod *period)
{
  guint n = 0;

  for (guint i = 0; i < timeline->days->len; i++)
    {
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_julian (&date, g_array_index (timeline->days, CarnetTimelineDay, i).julian);
      if ((!g_date_valid (&period->end) || g_date_compare (&date, &period->end) <= 0) &&
          carnet_chart_cycle_position (&period->start, period->cycle_days, period->cycles, &date, NULL, NULL))
        n++;
    }

  return n;
}

/**
 * carnet_timeline_align:
 * @periods: (element-type CarnetChartPeriod) (nullable): the treatments
 */
void
carnet_timeline_align (CarnetTimeline *timeline,
                       GArray         *periods)
{
  const CarnetChartPeriod *best = NULL;
  guint best_count = 0;
  g_autofree int *sums = NULL;
  int best_sum = 0;

  g_return_if_fail (timeline != NULL);

  merge_days (timeline);
  g_clear_pointer (&timeline->grid, g_free);
  g_clear_pointer (&timeline->cycles.name, g_free);
  timeline->has_cycles = FALSE;
  timeline->worst = -1;
  timeline->worst_cycle = 0;
  timeline->worst_julian = 0;
  timeline->peak_day = 0;
  timeline->cycles_noted = 0;
  timeline->days_outside = 0;

  for (guint i = 0; i < timeline->days->len; i++)
    {
      const CarnetTimelineDay *day = &g_array_index (timeline->days, CarnetTimelineDay, i);

      if (day->severity > timeline->worst)
        {
          timeline->worst = day->severity;
          timeline->worst_julian = day->julian;
        }
    }

  for (guint i = 0; periods != NULL && i < periods->len; i++)
    {
      const CarnetChartPeriod *period = &g_array_index (periods, CarnetChartPeriod, i);
      guint count;

      if (period->cycle_days == 0 || period->cycles == 0)
        continue;
      count = days_in_cycles (timeline, period);
      if (count > best_count)
        {
          best = period;
          best_count = count;
        }
    }

  if (best == NULL)
    return;

  timeline->has_cycles = TRUE;
  timeline->cycles = *best;
  timeline->cycles.name = g_strdup (best->name);
  timeline->n_cycles = best->cycles;
  timeline->cycle_days = best->cycle_days;
  timeline->grid = g_new (int, (gsize) timeline->n_cycles * timeline->cycle_days);
  for (gsize i = 0; i < (gsize) timeline->n_cycles * timeline->cycle_days; i++)
    timeline->grid[i] = -1;
  sums = g_new0 (int, timeline->cycle_days);

  for (guint i = 0; i < timeline->days->len; i++)
    {
      const CarnetTimelineDay *day = &g_array_index (timeline->days, CarnetTimelineDay, i);
      guint cycle, cycle_day;
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_julian (&date, day->julian);
      if ((g_date_valid (&best->end) && g_date_compare (&date, &best->end) > 0) ||
          !carnet_chart_cycle_position (&best->start, best->cycle_days, best->cycles, &date,
                                        &cycle, &cycle_day))
        {
          timeline->days_outside++;
          continue;
        }

      timeline->grid[(cycle - 1) * timeline->cycle_days + cycle_day - 1] = day->severity;
      sums[cycle_day - 1] += day->severity;
      if (day->severity == timeline->worst && timeline->worst_cycle == 0)
        timeline->worst_cycle = cycle;
    }

  for (guint d = 0; d < timeline->cycle_days; d++)
    {
      if (sums[d] > best_sum)
        {
          best_sum = sums[d];
          timeline->peak_day = d + 1;
        }
    }

  for (guint c = 0; c < timeline->n_cycles; c++)
    {
      for (guint d = 0; d < timeline->cycle_days; d++)
        {
          if (timeline->grid[c * timeline->cycle_days + d] > 0)
            {
              timeline->cycles_noted++;
              break;
            }
        }
    }
}

static char *
severity_words (int severity)
{
  const char *label = carnet_severity_label (severity);
  g_autofree char *lower = g_utf8_strdown (label != NULL ? label : "", -1);

  return g_strdup_printf (C_("severity", "%s (%d)"), lower, severity);
}

/**
 * carnet_timeline_describe:
 *
 * Returns: (transfer full): what the timeline shows, in words
 */
char *
carnet_timeline_describe (CarnetTimeline *timeline)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *worst = NULL;

  g_return_val_if_fail (timeline != NULL, NULL);

  if (timeline->days->len == 0 || timeline->worst < 0)
    /* Translators: %s is a symptom */
    return g_strdup_printf (_("%s: not noted."), timeline->symptom);

  worst = severity_words (timeline->worst);
  /* Translators: a symptom, before what its timeline shows */
  g_string_append_printf (text, C_("chart description", "%s: "), timeline->symptom);

  if (timeline->has_cycles)
    {
      if (timeline->peak_day > 0)
        {
          /* Translators: the day of the cycles a symptom is worst on */
          g_string_append_printf (text, _("worst on day %u of the cycles"), timeline->peak_day);
          g_string_append (text, C_("chart description", "; "));
        }
      if (timeline->worst_cycle > 0)
        /* Translators: "at most severe (3), in cycle 1" */
        g_string_append_printf (text, _("at most %s, in cycle %u"), worst, timeline->worst_cycle);
      else
        /* Translators: "at most severe (3), outside the cycles" */
        g_string_append_printf (text, _("at most %s, outside the cycles"), worst);
      g_string_append (text, C_("chart description", "; "));
      /* Translators: "noted in 6 of 6 cycles of EC then paclitaxel" */
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "noted in %u of %u cycle of %s",
                                                 "noted in %u of %u cycles of %s", timeline->n_cycles),
                              timeline->cycles_noted, timeline->n_cycles, timeline->cycles.name);
      if (timeline->days_outside > 0)
        {
          g_string_append (text, C_("chart description", ", "));
          g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "and on %u day outside them",
                                                     "and on %u days outside them", timeline->days_outside),
                                  timeline->days_outside);
        }
    }
  else
    {
      guint32 first = g_array_index (timeline->days, CarnetTimelineDay, 0).julian;
      guint32 last = g_array_index (timeline->days, CarnetTimelineDay, timeline->days->len - 1).julian;
      g_autofree char *worst_day = format_julian (timeline->worst_julian, timeline->tz);
      g_autofree char *first_day = format_julian (first, timeline->tz);
      g_autofree char *last_day = format_julian (last, timeline->tz);

      /* Translators: "at most moderate (2) on 3 May 2026" */
      g_string_append_printf (text, _("at most %s on %s"), worst, worst_day);
      g_string_append (text, C_("chart description", "; "));
      if (first == last)
        /* Translators: the one day a symptom was noted on */
        g_string_append_printf (text, _("noted on %s only"), first_day);
      else
        /* Translators: "noted on 26 days from 3 May 2026 to 28 May 2026" */
        g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "noted on %u day from %s to %s",
                                                   "noted on %u days from %s to %s", timeline->days->len),
                                timeline->days->len, first_day, last_day);
    }
  g_string_append (text, C_("chart description", "."));

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Day 1, then every week (D8, D15: the days treatments are given on)
 * when cycles are made of weeks, else every 2, 5, 10… days. */
static GArray *
cycle_day_ticks (guint days,
                 guint max_ticks)
{
  static const guint steps[] = { 1, 2, 5, 10, 20, 50, 100, 200 };
  GArray *ticks = g_array_new (FALSE, FALSE, sizeof (guint));
  guint step = steps[G_N_ELEMENTS (steps) - 1];
  guint first = 1;
  guint one = 1;

  if (days % 7 == 0 && days / 7 + 1 <= max_ticks)
    step = 7;
  else
    {
      for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
        {
          if (days / steps[i] + 1 <= max_ticks)
            {
              step = steps[i];
              break;
            }
        }
    }
  if (step != 7 && step > 1)
    first = step;

  g_array_append_val (ticks, one);
  for (guint day = first == 1 ? 1 + step : first; day <= days; day += step)
    g_array_append_val (ticks, day);

  return ticks;
}

static double
strip_height (double line_height)
{
  return ceil (line_height * 1.3);
}

static guint
timeline_rows (CarnetTimeline *timeline)
{
  return timeline->has_cycles ? MAX (timeline->n_cycles, 1) : 1;
}

static guint
timeline_columns (CarnetTimeline *timeline)
{
  if (timeline->has_cycles)
    return MAX (timeline->cycle_days, 1);
  if (timeline->days->len == 0)
    return 1;

  /* A day or two alone is not drawn across the whole width. */
  return MAX (g_array_index (timeline->days, CarnetTimelineDay, timeline->days->len - 1).julian -
              g_array_index (timeline->days, CarnetTimelineDay, 0).julian + 1,
              TIMELINE_MIN_DAYS);
}

double
carnet_timeline_get_height (CarnetTimeline *timeline,
                            double          line_height)
{
  double strip;

  g_return_val_if_fail (timeline != NULL, 0);

  strip = timeline->has_cycles ? strip_height (line_height) : strip_height (line_height) * 2;
  return timeline_rows (timeline) * (strip + STRIP_GAP) + AXIS_GAP + line_height + 2;
}

static double
label_column_width (double line_height)
{
  return ceil (line_height * 2.2);
}

void
carnet_timeline_get_cell (CarnetTimeline *timeline,
                          double          width,
                          double          line_height,
                          guint           cycle,
                          guint           day,
                          double         *out_x,
                          double         *out_y,
                          double         *out_width,
                          double         *out_height)
{
  double left = label_column_width (line_height) + AXIS_GAP;
  double strip = timeline->has_cycles ? strip_height (line_height) : strip_height (line_height) * 2;
  double column = (MAX (width - left - RIGHT_PAD, 1)) / timeline_columns (timeline);

  g_return_if_fail (timeline != NULL);
  g_return_if_fail (cycle >= 1 && day >= 1);

  *out_x = left + (day - 1) * column;
  *out_y = (cycle - 1) * (strip + STRIP_GAP);
  *out_width = column;
  *out_height = strip;
}

/**
 * carnet_timeline_draw:
 *
 * One strip per cycle, stacked, a bar per day as high as its severity: the
 * same day of each cycle lines up. Read by date, one strip from the first
 * day noted to the last.
 */
void
carnet_timeline_draw (CarnetTimeline           *timeline,
                      cairo_t                  *cr,
                      PangoContext             *context,
                      const char               *font,
                      const CarnetChartPalette *palette,
                      double                    width,
                      double                    height)
{
  double line_height, x, y, column, strip, axis_y, left, right;
  guint rows, columns;
  double last_label_end = -INFINITY;

  g_return_if_fail (timeline != NULL && cr != NULL && palette != NULL);
  g_return_if_fail (PANGO_IS_CONTEXT (context) && font != NULL);

  line_height = carnet_chart_line_height (context, font);
  rows = timeline_rows (timeline);
  columns = timeline_columns (timeline);
  carnet_timeline_get_cell (timeline, width, line_height, 1, 1, &left, &y, &column, &strip);
  right = left + columns * column;
  axis_y = rows * (strip + STRIP_GAP);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  cairo_set_line_width (cr, 1);

  /* The peak day across the cycles, shaded behind them all. */
  if (timeline->has_cycles && timeline->peak_day > 0)
    {
      set_color (cr, &palette->grid);
      cairo_rectangle (cr, left + (timeline->peak_day - 1) * column, 0, column, axis_y - STRIP_GAP);
      cairo_fill (cr);
    }

  for (guint row = 0; row < rows; row++)
    {
      double top = row * (strip + STRIP_GAP);
      double base = top + strip;

      /* The strip's baseline and its name. */
      set_color (cr, &palette->grid);
      cairo_move_to (cr, left, round (base) + 0.5);
      cairo_line_to (cr, right, round (base) + 0.5);
      cairo_stroke (cr);
      if (timeline->has_cycles)
        {
          /* Translators: a cycle of treatment, short: "C3" */
          g_autofree char *name = g_strdup_printf (C_("cycle", "C%u"), row + 1);
          g_autoptr(PangoLayout) text = new_text (context, font, name);
          double text_height;

          text_size (text, NULL, &text_height);
          show_text (cr, text, &palette->foreground, 0, base - text_height);
        }

      for (guint col = 0; col < columns; col++)
        {
          int severity;
          double bar;

          if (timeline->has_cycles)
            severity = timeline->grid[row * timeline->cycle_days + col];
          else
            {
              guint32 first = g_array_index (timeline->days, CarnetTimelineDay, 0).julian;
              CarnetTimelineDay key = { first + col, CARNET_SEVERITY_MAX + 1 };
              guint index;

              severity = -1;
              /* Days are sorted and unique once aligned. */
              if (g_array_binary_search (timeline->days, &key, compare_julian_cb, &index))
                severity = g_array_index (timeline->days, CarnetTimelineDay, index).severity;
            }
          if (severity < 0)
            continue;

          x = left + col * column;
          /* "None" noted is a thin bar, not nothing. */
          bar = severity == 0 ? 2 : strip * severity / CARNET_SEVERITY_MAX;
          set_color (cr, &palette->severity[severity]);
          cairo_rectangle (cr, x + (column > 4 ? 0.5 : 0), base - bar, MAX (column - (column > 4 ? 1 : 0), 0.5), bar);
          cairo_fill (cr);
        }
    }

  /* Day axis: cycle days, or dates. */
  if (timeline->has_cycles)
    {
      g_autoptr(GArray) ticks = cycle_day_ticks (columns, (guint) CLAMP ((right - left) / (line_height * 2.5), 2, 12));

      for (guint i = 0; i < ticks->len; i++)
        {
          guint day = g_array_index (ticks, guint, i);
          g_autofree char *label = NULL;
          g_autoptr(PangoLayout) text = NULL;
          double text_width, center;

          /* Translators: a day of a cycle, short: "D8" */
          label = g_strdup_printf (C_("cycle day", "D%u"), day);
          text = new_text (context, font, label);
          text_size (text, &text_width, NULL);
          center = left + (day - 0.5) * column;
          x = CLAMP (center - text_width / 2, left, width - text_width);
          if (x < last_label_end + line_height * 0.3)
            continue;
          show_text (cr, text, &palette->foreground, x, axis_y + AXIS_GAP - STRIP_GAP);
          last_label_end = x + text_width;
        }
    }
  else if (timeline->days->len > 0)
    {
      guint32 first = g_array_index (timeline->days, CarnetTimelineDay, 0).julian;
      g_autoptr(GDateTime) start = NULL;
      gint64 from, to;
      CarnetScale scale;
      CarnetTimeStep step;
      g_autoptr(GArray) ticks = NULL;
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_julian (&date, first);
      start = local_midnight (timeline->tz, &date);
      from = g_date_time_to_unix (start);
      to = from + (gint64) columns * DAY_SECONDS;
      scale = (CarnetScale) { (double) from, (double) to, left, right };
      ticks = carnet_chart_time_ticks (from, to, (guint) CLAMP ((right - left) / (line_height * 5.5), 1, 12),
                                       timeline->tz, &step, NULL);
      for (guint i = 0; i < ticks->len; i++)
        {
          gint64 at = g_array_index (ticks, gint64, i);
          g_autofree char *label = carnet_chart_format_time_tick (at, step, i == 0, timeline->tz);
          g_autoptr(PangoLayout) text = new_text (context, font, label);
          double text_width;

          x = carnet_scale_map (&scale, (double) at);
          set_color (cr, &palette->foreground);
          cairo_move_to (cr, round (x) + 0.5, axis_y - STRIP_GAP);
          cairo_line_to (cr, round (x) + 0.5, axis_y - STRIP_GAP + 3);
          cairo_stroke (cr);
          text_size (text, &text_width, NULL);
          x = CLAMP (x - text_width / 2, 0, width - text_width);
          if (x < last_label_end + line_height * 0.5)
            continue;
          show_text (cr, text, &palette->foreground, x, axis_y + AXIS_GAP - STRIP_GAP);
          last_label_end = x + text_width;
        }
    }

  cairo_restore (cr);
}
