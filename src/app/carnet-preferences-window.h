/* carnet-preferences-window.h: the preferences
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "carnet-window.h"

G_BEGIN_DECLS

#define CARNET_TYPE_PREFERENCES_WINDOW (carnet_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (CarnetPreferencesWindow, carnet_preferences_window, CARNET, PREFERENCES_WINDOW, AdwPreferencesWindow)

GtkWindow *carnet_preferences_window_present (CarnetWindow *window);

G_END_DECLS
