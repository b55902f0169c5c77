/* carnet-chart.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Trends drawn with cairo and pango, the same for the app's widgets and the
 * consultation sheet: a lab value over time (its points joined by a line,
 * the reference range as a band, the treatment periods along the time axis)
 * and a symptom's severity by day, aligned on the cycles of its treatment.
 * The layout maths are pure functions, tested apart from the drawing.
 */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "carnet-types.h"

G_BEGIN_DECLS

/* Scales and ticks */

/* A linear map from a domain [d0, d1] to a range [r0, r1] (pixels). */
typedef struct
{
  double d0;
  double d1;
  double r0;
  double r1;
} CarnetScale;

double  carnet_scale_map              (const CarnetScale *scale,
                                       double             value);
double  carnet_scale_invert           (const CarnetScale *scale,
                                       double             position);

/* "Nice" ticks (1, 2, 2.5 or 5 times a power of ten) covering [min, max],
 * at most @max_ticks of them (3 at least); the domain they span in @out_min, @out_max. */
GArray *carnet_chart_nice_ticks       (double             min,
                                       double             max,
                                       guint              max_ticks,
                                       double            *out_min,
                                       double            *out_max,
                                       double            *out_step);

typedef enum
{
  CARNET_TIME_STEP_DAY,
  CARNET_TIME_STEP_WEEK,
  CARNET_TIME_STEP_MONTH,
  CARNET_TIME_STEP_YEAR,
} CarnetTimeStep;

/* Local midnights within [from, to] (Unix seconds) on calendar boundaries:
 * days, Mondays, first days of months or of years, every @out_count of them,
 * at most @max_ticks. */
GArray *carnet_chart_time_ticks       (gint64             from,
                                       gint64             to,
                                       guint              max_ticks,
                                       GTimeZone         *tz,
                                       CarnetTimeStep    *out_step,
                                       guint             *out_count);
char   *carnet_chart_format_time_tick (gint64             at,
                                       CarnetTimeStep     step,
                                       gboolean           first,
                                       GTimeZone         *tz);

/* Cycles: the day of a cycle from a treatment's first day (1-based cycle
 * and day); FALSE outside its @cycles cycles (0: endless). */
gboolean carnet_chart_cycle_position  (const GDate       *start,
                                       guint              cycle_days,
                                       guint              cycles,
                                       const GDate       *day,
                                       guint             *out_cycle,
                                       guint             *out_day);

/* Greedy lanes for periods [starts[i], ends[i]): overlapping ones go to
 * different lanes. Returns the number of lanes. */
guint   carnet_chart_assign_lanes     (const double      *starts,
                                       const double      *ends,
                                       guint              n,
                                       guint             *out_lanes);

/* Colours */

typedef struct
{
  double red;
  double green;
  double blue;
  double alpha;
} CarnetChartColor;

typedef struct
{
  CarnetChartColor foreground;   /* text and axes */
  CarnetChartColor grid;
  CarnetChartColor line;         /* the series and normal points */
  CarnetChartColor band;         /* the reference range */
  CarnetChartColor period;       /* treatments */
  CarnetChartColor low;
  CarnetChartColor high;
  CarnetChartColor background;   /* behind the points' outline */
  CarnetChartColor severity[5];  /* 0 (none) to 4 (very severe) */
} CarnetChartPalette;

void carnet_chart_palette_init (CarnetChartPalette *palette,
                                gboolean            dark);

/* A lab value over time */

typedef struct
{
  gint64     at;      /* Unix seconds */
  double     value;
  double     low;     /* NAN when unset */
  double     high;
  CarnetFlag flag;
} CarnetChartPoint;

typedef struct
{
  char  *name;
  GDate  start;
  GDate  end;         /* invalid while it goes on */
  guint  cycle_days;  /* 0 when not in cycles */
  guint  cycles;
} CarnetChartPeriod;

typedef struct
{
  char      *name;
  char      *unit;    /* NULL without one */
  GArray    *points;  /* CarnetChartPoint, oldest first */
  GArray    *periods; /* CarnetChartPeriod, by start */
  GTimeZone *tz;
} CarnetChartSeries;

CarnetChartSeries *carnet_chart_series_new        (const char        *name,
                                                   const char        *unit,
                                                   GTimeZone         *tz);
CarnetChartSeries *carnet_chart_series_copy       (CarnetChartSeries *series);
void               carnet_chart_series_free       (CarnetChartSeries *series);
void               carnet_chart_series_add_point  (CarnetChartSeries *series,
                                                   gint64             at,
                                                   double             value,
                                                   double             low,
                                                   double             high);
void               carnet_chart_series_add_period (CarnetChartSeries *series,
                                                   const char        *name,
                                                   const GDate       *start,
                                                   const GDate       *end,
                                                   guint              cycle_days,
                                                   guint              cycles);
/* "Latest value 4.2 g/dL on 3 November 2026, below the range 12–16;
 * falling since the previous value." */
char              *carnet_chart_series_describe   (CarnetChartSeries *series);

/* Where things go in a chart of @width × @height, the time window
 * [from, to] (Unix seconds). @label_width: room for the value labels;
 * @line_height: one line of tick labels. */
typedef struct
{
  double       plot_x;
  double       plot_y;
  double       plot_width;
  double       plot_height;
  CarnetScale  x;
  CarnetScale  y;
  GArray      *value_ticks;   /* double */
  GArray      *time_ticks;    /* gint64 */
  CarnetTimeStep time_step;
  /* The band of the latest point's range, in pixels, clipped to the plot. */
  gboolean     has_band;
  double       band_top;
  double       band_bottom;
  /* Lanes of treatment periods, under the time labels. */
  guint        n_lanes;
  guint       *lanes;         /* one per period */
  double       lanes_y;
  double       lane_height;
} CarnetChartLayout;

CarnetChartLayout *carnet_chart_layout_new  (CarnetChartSeries *series,
                                             gint64             from,
                                             gint64             to,
                                             double             width,
                                             double             height,
                                             double             label_width,
                                             double             line_height);
/* The same, with the room its labels take in @font ("Sans 9") in @context. */
CarnetChartLayout *carnet_chart_layout_new_for_text (CarnetChartSeries *series,
                                                     PangoContext      *context,
                                                     const char        *font,
                                                     gint64             from,
                                                     gint64             to,
                                                     double             width,
                                                     double             height);
void               carnet_chart_layout_free (CarnetChartLayout *layout);

/* The height of a line of @font's text in @context. */
double carnet_chart_line_height (PangoContext *context,
                                 const char   *font);

/* Draws @series as @layout places it (from carnet_chart_layout_new_for_text()
 * with the same @context and @font) into @cr, from (0, 0). */
void carnet_chart_draw (CarnetChartSeries        *series,
                        CarnetChartLayout        *layout,
                        cairo_t                  *cr,
                        PangoContext             *context,
                        const char               *font,
                        const CarnetChartPalette *palette);

/* A chart without words for a table cell: the band, the line, the marks,
 * in (0, 0, width, height) of @cr. */
void carnet_chart_draw_sparkline (CarnetChartSeries        *series,
                                  cairo_t                  *cr,
                                  const CarnetChartPalette *palette,
                                  gint64                    from,
                                  gint64                    to,
                                  double                    width,
                                  double                    height);

/* A symptom's severity by day */

typedef struct
{
  guint32 julian;
  int     severity;
} CarnetTimelineDay;

typedef struct
{
  char              *symptom;
  GTimeZone         *tz;
  /* Severity by day, the worst of the day; by day once aligned. */
  GArray            *days;          /* CarnetTimelineDay */
  /* The cycles it is read against (carnet_timeline_align()); otherwise
   * it is read by date. */
  gboolean           has_cycles;
  CarnetChartPeriod  cycles;
  guint              n_cycles;
  guint              cycle_days;
  /* n_cycles × cycle_days: the severity on that day of that cycle, or -1. */
  int               *grid;
  /* The cycle day (from 1) with the highest sum of severities over the
   * cycles; 0 when none is above 0. */
  guint              peak_day;
  int                worst;
  guint              worst_cycle;   /* from 1; 0 when read by date */
  guint32            worst_julian;
  guint              cycles_noted;  /* cycles with a severity above 0 */
  guint              days_outside;  /* noted days outside the cycles */
} CarnetTimeline;

CarnetTimeline *carnet_timeline_new       (const char              *symptom,
                                           GTimeZone               *tz);
void            carnet_timeline_free      (CarnetTimeline          *timeline);
/* Each day from @at to @until (or @at alone) has at least @severity. */
void            carnet_timeline_add       (CarnetTimeline          *timeline,
                                           gint64                   at,
                                           gint64                   until,
                                           int                      severity);
/* Reads the days against the cycles of @periods (the cyclic one that holds
 * most of them; none: by date). Call once all days are added. */
void            carnet_timeline_align     (CarnetTimeline          *timeline,
                                           GArray                  *periods);
/* "Nausea: worst on day 3 of the cycles; at most severe (3) in cycle 1;
 * noted in 6 of 6 cycles." */
char           *carnet_timeline_describe  (CarnetTimeline          *timeline);
/* The height a timeline wants for text of @line_height
 * (carnet_chart_line_height()). */
double          carnet_timeline_get_height (CarnetTimeline         *timeline,
                                            double                  line_height);
/* Where the bar of day @day of cycle @cycle (from 1) goes at full severity;
 * read by date, @cycle is 1 and @day counts from the first day noted. */
void            carnet_timeline_get_cell  (CarnetTimeline          *timeline,
                                           double                   width,
                                           double                   line_height,
                                           guint                    cycle,
                                           guint                    day,
                                           double                  *out_x,
                                           double                  *out_y,
                                           double                  *out_width,
                                           double                  *out_height);
void            carnet_timeline_draw      (CarnetTimeline          *timeline,
                                           cairo_t                 *cr,
                                           PangoContext            *context,
                                           const char              *font,
                                           const CarnetChartPalette *palette,
                                           double                   width,
                                           double                   height);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CarnetChartSeries, carnet_chart_series_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CarnetChartLayout, carnet_chart_layout_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CarnetTimeline, carnet_timeline_free)

G_END_DECLS
