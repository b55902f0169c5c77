/* carnet-notifier.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Whatever shows desktop notifications: libnotify in the app, a recording
 * fake in the tests.
 */
#pragma once

#include <glib-object.h>

#include "carnet-notification.h"

G_BEGIN_DECLS

#define CARNET_TYPE_NOTIFIER (carnet_notifier_get_type ())

G_DECLARE_INTERFACE (CarnetNotifier, carnet_notifier, CARNET, NOTIFIER, GObject)

struct _CarnetNotifierInterface
{
  GTypeInterface parent_iface;

  gboolean (*show)     (CarnetNotifier            *self,
                        const CarnetNotification  *notification,
                        GError                   **error);
  void     (*withdraw) (CarnetNotifier            *self,
                        const char                *id);
};

gboolean carnet_notifier_show            (CarnetNotifier            *self,
                                          const CarnetNotification  *notification,
                                          GError                   **error);
void     carnet_notifier_withdraw        (CarnetNotifier            *self,
                                          const char                *id);
/* For implementations: the person clicked @action ("default", "snooze",
 * "snooze-tomorrow", "done") of the notification @id. */
void     carnet_notifier_action_invoked  (CarnetNotifier            *self,
                                          const char                *id,
                                          const char                *action);

G_END_DECLS
