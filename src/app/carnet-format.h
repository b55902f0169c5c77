/* carnet-format.h: how the window words dates and titles
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pure functions, so that what a row says is testable without a display.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *carnet_format_window_title (const char *person);
char *carnet_format_when         (GDateTime  *start,
                                  gboolean    all_day,
                                  GDateTime  *now);
char *carnet_format_relative_day (GDateTime  *start,
                                  GDateTime  *now);

G_END_DECLS
