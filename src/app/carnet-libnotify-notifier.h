/* carnet-libnotify-notifier.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "carnet-notifier.h"

G_BEGIN_DECLS

#define CARNET_TYPE_LIBNOTIFY_NOTIFIER (carnet_libnotify_notifier_get_type ())

G_DECLARE_FINAL_TYPE (CarnetLibnotifyNotifier, carnet_libnotify_notifier, CARNET, LIBNOTIFY_NOTIFIER, GObject)

CarnetNotifier *carnet_libnotify_notifier_new (void);

G_END_DECLS
