/* carnet-record-row.h: a row of a page's list
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "carnet-row-text.h"

G_BEGIN_DECLS

#define CARNET_TYPE_RECORD_ROW (carnet_record_row_get_type ())

G_DECLARE_FINAL_TYPE (CarnetRecordRow, carnet_record_row, CARNET, RECORD_ROW, GtkWidget)

GtkWidget  *carnet_record_row_new        (void);
void        carnet_record_row_set_text   (CarnetRecordRow     *self,
                                          const CarnetRowText *text);
void        carnet_record_row_set_header (CarnetRecordRow     *self,
                                          const char          *header);
const char *carnet_record_row_get_title  (CarnetRecordRow     *self);
const char *carnet_record_row_get_badge  (CarnetRecordRow     *self);

G_END_DECLS
