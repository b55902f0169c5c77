/* carnet-sheet.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The consultation sheet: what to bring to one consultation. Gathering it is
 * a pure function of the notebook (CarnetSheet, a plain struct tests read);
 * laying it out on pages and drawing them is pango/cairo, the same for the
 * PDF, the app's preview and GtkPrintOperation.
 */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "carnet-chart.h"
#include "carnet-notebook.h"
#include "carnet-appointment.h"
#include "carnet-question.h"
#include "carnet-result.h"
#include "carnet-treatment.h"

G_BEGIN_DECLS

/* One symptom over the period, its records taken together. */
typedef struct
{
  char      *symptom;
  /* 0 to 4; carnet_severity_label() says it in words. */
  int        worst;
  /* The first onset and the last day it was there (its last end, or onset). */
  GDateTime *first;
  GDateTime *last;
  /* "C3 D8": the cycle day when it was at its worst, or NULL. */
  char      *cycle;
  guint      n_records;
} CarnetSheetSymptom;

typedef struct
{
  CarnetResult *result;
  /* The value before it of the same test (same name and unit), if any. */
  gboolean      has_previous;
  double        previous;
  GDateTime    *previous_at;
  /* When the value changed: the test's values over the
   * CARNET_SHEET_CHART_DAYS up to it, for a small chart; else NULL. */
  CarnetChartSeries *trend;
} CarnetSheetResult;

typedef struct
{
  CarnetTreatment *treatment;
  /* "C3 D8" on the day of the consultation, or NULL. */
  char            *cycle;
} CarnetSheetTreatment;

typedef struct
{
  char              *person;
  CarnetAppointment *consultation;
  /* This occurrence of it (a repeating one has several). */
  GDateTime         *start;
  /* The previous consultation, or NULL when there was none. */
  GDateTime         *previous;
  /* Side effects and results are those from here to the consultation: the
   * previous consultation, else CARNET_SHEET_DEFAULT_DAYS before. */
  GDateTime         *since;
  /* The open questions (CarnetQuestion), in the order they are to be asked. */
  GPtrArray         *questions;
  GPtrArray         *symptoms;    /* CarnetSheetSymptom, worst first */
  GPtrArray         *results;     /* CarnetSheetResult, by test then date */
  GPtrArray         *treatments;  /* CarnetSheetTreatment, current that day */
  /* The tests whose value changed in the period, over the
   * CARNET_SHEET_CHART_DAYS before the consultation (CarnetChartSeries, in
   * the order of the results; two values at least). */
  GPtrArray         *charts;
  /* When the sheet was made. */
  GDateTime         *made;
} CarnetSheet;

/* The small charts of the values that changed show this many days. */
#define CARNET_SHEET_CHART_DAYS 365

/* Without a previous consultation, the sheet looks back this far. */
#define CARNET_SHEET_DEFAULT_DAYS 90

/* A4, in points, and the margins of the PDF. */
#define CARNET_SHEET_A4_WIDTH   595.275590551
#define CARNET_SHEET_A4_HEIGHT  841.889763780
#define CARNET_SHEET_MARGIN     51.0236220472

CarnetSheet *carnet_sheet_new   (CarnetNotebook  *notebook,
                                 gint64           appointment_id,
                                 GError         **error);
void         carnet_sheet_free  (CarnetSheet     *sheet);

/* Pages */

typedef struct _CarnetSheetLayout CarnetSheetLayout;

CarnetSheetLayout *carnet_sheet_layout_new         (CarnetSheet       *sheet,
                                                    PangoContext      *context,
                                                    double             width,
                                                    double             height);
guint              carnet_sheet_layout_get_n_pages (CarnetSheetLayout *layout);
void               carnet_sheet_layout_draw_page   (CarnetSheetLayout *layout,
                                                    cairo_t           *cr,
                                                    guint              page);
void               carnet_sheet_layout_free        (CarnetSheetLayout *layout);

GBytes            *carnet_sheet_to_pdf             (CarnetSheet       *sheet,
                                                    GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CarnetSheet, carnet_sheet_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CarnetSheetLayout, carnet_sheet_layout_free)

G_END_DECLS
