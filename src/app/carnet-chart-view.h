/* carnet-chart-view.h: a lab value chart, or a symptom's timeline
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "carnet.h"

G_BEGIN_DECLS

#define CARNET_TYPE_CHART_VIEW (carnet_chart_view_get_type ())

G_DECLARE_FINAL_TYPE (CarnetChartView, carnet_chart_view, CARNET, CHART_VIEW, GtkWidget)

GtkWidget   *carnet_chart_view_new            (void);
/* Shows @series (the view takes it) in [from, to], Unix seconds. */
void         carnet_chart_view_set_series     (CarnetChartView   *self,
                                               CarnetChartSeries *series,
                                               gint64             from,
                                               gint64             to);
void         carnet_chart_view_set_window     (CarnetChartView   *self,
                                               gint64             from,
                                               gint64             to);
/* Shows @timeline instead (the view takes it). */
void         carnet_chart_view_set_timeline   (CarnetChartView   *self,
                                               CarnetTimeline    *timeline);
/* What the chart says in words: its accessible description. */
const char  *carnet_chart_view_get_description (CarnetChartView  *self);
/* The colours it draws with, for the style in use (light or dark). */
void         carnet_chart_view_get_palette    (CarnetChartView   *self,
                                               CarnetChartPalette *palette);

G_END_DECLS
