/* carnet-time-row.h: a time-of-day field
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CARNET_TYPE_TIME_ROW (carnet_time_row_get_type ())

G_DECLARE_FINAL_TYPE (CarnetTimeRow, carnet_time_row, CARNET, TIME_ROW, AdwEntryRow)

GtkWidget *carnet_time_row_new      (void);
gboolean   carnet_time_row_get_time (CarnetTimeRow *self,
                                     int           *out_hour,
                                     int           *out_minute);
void       carnet_time_row_set_time (CarnetTimeRow *self,
                                     int            hour,
                                     int            minute);
gboolean   carnet_time_row_is_empty (CarnetTimeRow *self);

G_END_DECLS
