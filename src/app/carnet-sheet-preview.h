/* carnet-sheet-preview.h: the consultation sheet on screen, to print or save
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   preview.print         the print dialog (GtkPrintOperation)
 *   preview.save-pdf      a file chooser, then the PDF
 *   preview.save-pdf-to   s   the PDF into that path
 */
#pragma once

#include <adwaita.h>

#include "carnet.h"

G_BEGIN_DECLS

#define CARNET_TYPE_SHEET_PREVIEW (carnet_sheet_preview_get_type ())

G_DECLARE_FINAL_TYPE (CarnetSheetPreview, carnet_sheet_preview, CARNET, SHEET_PREVIEW, AdwWindow)

CarnetSheetPreview *carnet_sheet_preview_new         (GtkWindow          *parent,
                                                      CarnetNotebook     *notebook,
                                                      gint64              appointment_id,
                                                      GError            **error);
guint               carnet_sheet_preview_get_n_pages (CarnetSheetPreview *self);
gboolean            carnet_sheet_preview_save_pdf    (CarnetSheetPreview *self,
                                                      GFile              *file,
                                                      GError            **error);
char               *carnet_sheet_preview_dup_default_name (CarnetSheetPreview *self);

G_END_DECLS
