/* carnet-notebook-charts.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the charts read from a notebook: one test's values, the symptoms'
 * severity by day, the treatments as periods. Read only what is drawn.
 */
#pragma once

#include "carnet-chart.h"
#include "carnet-notebook.h"

G_BEGIN_DECLS

/* The treatments not in the trash, by start (CarnetChartPeriod; the array
 * frees their names). */
GArray            *carnet_notebook_chart_periods  (CarnetNotebook     *self,
                                                   GError            **error);
/* The numeric values of the test spelt any of @names, dated within
 * [from, to) (either may be NULL), in the unit of the latest of them, with
 * the treatments as periods, in the notebook clock's time zone. */
CarnetChartSeries *carnet_notebook_chart_values   (CarnetNotebook     *self,
                                                   const char * const *names,
                                                   GDateTime          *from,
                                                   GDateTime          *to,
                                                   GError            **error);
/* One timeline per symptom (whatever its case and spacing) noted within
 * [from, to) (either may be NULL), aligned on the treatments' cycles; the
 * worst first. */
GPtrArray         *carnet_notebook_chart_symptoms (CarnetNotebook     *self,
                                                   GDateTime          *from,
                                                   GDateTime          *to,
                                                   GError            **error);

G_END_DECLS
