/* carnet-window.h: the main window, one per open notebook
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "carnet.h"

G_BEGIN_DECLS

#define CARNET_TYPE_WINDOW (carnet_window_get_type ())

G_DECLARE_FINAL_TYPE (CarnetWindow, carnet_window, CARNET, WINDOW, AdwApplicationWindow)

CarnetWindow   *carnet_window_new          (GtkApplication *application);
CarnetNotebook *carnet_window_get_notebook (CarnetWindow   *self);
void            carnet_window_set_notebook (CarnetWindow   *self,
                                            CarnetNotebook *notebook);
/* The notebook file this window shows, opened or not. */
const char     *carnet_window_get_path     (CarnetWindow   *self);
void            carnet_window_show_error   (CarnetWindow   *self,
                                            const char     *path,
                                            const GError   *error);
void            carnet_window_show_record  (CarnetWindow   *self,
                                            CarnetRecordKind kind,
                                            gint64          id);
void            carnet_window_set_reminder_problem (CarnetWindow *self,
                                                    const char   *message);

G_END_DECLS
