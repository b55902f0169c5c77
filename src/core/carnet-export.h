/* carnet-export.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The notebook for other programs: appointments as iCalendar for any
 * calendar, results as CSV for any spreadsheet.
 */
#pragma once

#include <gio/gio.h>

#include "carnet-notebook.h"

G_BEGIN_DECLS

/* The columns of the results CSV, in order. */
#define CARNET_EXPORT_CSV_HEADER "date,time,name,value,unit,low,high,flag,text,notes"

GBytes   *carnet_export_ics         (CarnetNotebook  *notebook,
                                     GError         **error);
GBytes   *carnet_export_results_csv (CarnetNotebook  *notebook,
                                     GError         **error);
gboolean  carnet_export_save        (GBytes          *contents,
                                     const char      *path,
                                     GError         **error);

G_END_DECLS
