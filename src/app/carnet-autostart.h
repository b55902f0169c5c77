/* carnet-autostart.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The XDG autostart entry that starts `carnet --background` at login, so
 * reminders come also when nobody opened Carnet.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char     *carnet_autostart_path        (void);
char     *carnet_autostart_contents    (const char  *program);
gboolean  carnet_autostart_set_enabled (gboolean     enabled,
                                        const char  *program,
                                        GError     **error);

G_END_DECLS
