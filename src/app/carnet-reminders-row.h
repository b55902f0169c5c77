/* carnet-reminders-row.h: reminder offsets, from presets and typed ones
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CARNET_TYPE_REMINDERS_ROW (carnet_reminders_row_get_type ())

G_DECLARE_FINAL_TYPE (CarnetRemindersRow, carnet_reminders_row, CARNET, REMINDERS_ROW, AdwExpanderRow)

GtkWidget *carnet_reminders_row_new            (void);
void       carnet_reminders_row_set_offsets    (CarnetRemindersRow  *self,
                                                const char          *offsets);
char      *carnet_reminders_row_dup_offsets    (CarnetRemindersRow  *self,
                                                const char          *field,
                                                GError             **error);
GtkWidget *carnet_reminders_row_get_custom_row (CarnetRemindersRow  *self);

G_END_DECLS
