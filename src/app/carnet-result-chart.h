/* carnet-result-chart.h: a test's chart, with its zoom
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "carnet.h"
#include "carnet-chart-view.h"

G_BEGIN_DECLS

#define CARNET_TYPE_RESULT_CHART (carnet_result_chart_get_type ())

G_DECLARE_FINAL_TYPE (CarnetResultChart, carnet_result_chart, CARNET, RESULT_CHART, GtkWidget)

/* The "zoom" property's values. */
#define CARNET_CHART_ZOOM_MONTHS "months"
#define CARNET_CHART_ZOOM_YEAR   "year"
#define CARNET_CHART_ZOOM_ALL    "all"

GtkWidget       *carnet_result_chart_new      (void);
/* Reads the values of the test spelt any of @names from @notebook. */
gboolean         carnet_result_chart_load     (CarnetResultChart  *self,
                                               CarnetNotebook     *notebook,
                                               const char * const *names,
                                               GDateTime          *now,
                                               GError            **error);
const char      *carnet_result_chart_get_zoom (CarnetResultChart  *self);
void             carnet_result_chart_set_zoom (CarnetResultChart  *self,
                                               const char         *zoom);
CarnetChartView *carnet_result_chart_get_view (CarnetResultChart  *self);
/* The time window shown, Unix seconds; pure, for the tests. */
void             carnet_result_chart_window   (CarnetChartSeries  *series,
                                               const char         *zoom,
                                               GDateTime          *now,
                                               gint64             *out_from,
                                               gint64             *out_to);

G_END_DECLS
