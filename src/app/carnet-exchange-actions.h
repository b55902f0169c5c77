/* carnet-exchange-actions.h: the "exchange" actions of a window
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   exchange.prepare           x      the consultation sheet of that appointment
 *                                     (0: the next consultation), in a preview
 *   exchange.export            s      "ics", "csv" or "json": a file chooser, then
 *                                     exchange.export-to
 *   exchange.export-to         (ss)   format, path: writes the file, then a toast
 *   exchange.import                   a file chooser for a JSON backup, then
 *                                     exchange.import-from
 *   exchange.import-from       s      path: checks the file, asks, merges it
 *   exchange.restore-auto             the automatic backups, to restore one
 *   exchange.restore-auto-from s      path of one: asks, then restores it
 */
#pragma once

#include <adwaita.h>

#include "carnet.h"

G_BEGIN_DECLS

void      carnet_exchange_actions_install (GtkWidget        *window,
                                           AdwToastOverlay  *toasts);

char     *carnet_exchange_file_name       (const char       *person,
                                           GDateTime        *date,
                                           const char       *extension);
gboolean  carnet_exchange_write           (CarnetNotebook   *notebook,
                                           const char       *format,
                                           GFile            *file,
                                           GError          **error);

void      carnet_exchange_backup_daily_async  (CarnetNotebook       *notebook,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
gboolean  carnet_exchange_backup_daily_finish (GAsyncResult         *result,
                                               gboolean             *out_made,
                                               GError              **error);
void      carnet_exchange_backup_on_start     (CarnetNotebook       *notebook);

G_END_DECLS
