/* carnet-date-row.h: a date field, typed or picked from a calendar
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CARNET_TYPE_DATE_ROW (carnet_date_row_get_type ())

G_DECLARE_FINAL_TYPE (CarnetDateRow, carnet_date_row, CARNET, DATE_ROW, AdwEntryRow)

GtkWidget *carnet_date_row_new      (void);
gboolean   carnet_date_row_get_date (CarnetDateRow *self,
                                     GDate         *out_date);
void       carnet_date_row_set_date (CarnetDateRow *self,
                                     const GDate   *date);
gboolean   carnet_date_row_is_empty (CarnetDateRow *self);

G_END_DECLS
