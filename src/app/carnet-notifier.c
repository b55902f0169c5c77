/* carnet-notifier.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "carnet-app"

#include "config.h"

#include "carnet-notifier.h"

G_DEFINE_INTERFACE (CarnetNotifier, carnet_notifier, G_TYPE_OBJECT)

enum {
  ACTION_INVOKED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
carnet_notifier_default_init (CarnetNotifierInterface *iface)
{
  /**
   * CarnetNotifier::action-invoked:
   * @id: the notification's id
   * @action: "default" (the notification itself was clicked), "snooze",
   *   "snooze-tomorrow" or "done"
   */
  signals[ACTION_INVOKED] =
    g_signal_new ("action-invoked",
                  G_TYPE_FROM_INTERFACE (iface),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);
}

/**
 * carnet_notifier_show:
 *
 * Shows @notification, or replaces the one with the same id.
 *
 * Returns: %FALSE with @error set when no notification could be shown (no
 *   notification server answered)
 */
gboolean
carnet_notifier_show (CarnetNotifier            *self,
                      const CarnetNotification  *notification,
                      GError                   **error)
{
  g_return_val_if_fail (CARNET_IS_NOTIFIER (self), FALSE);
  g_return_val_if_fail (notification != NULL, FALSE);

  return CARNET_NOTIFIER_GET_IFACE (self)->show (self, notification, error);
}

void
carnet_notifier_withdraw (CarnetNotifier *self,
                          const char     *id)
{
  g_return_if_fail (CARNET_IS_NOTIFIER (self));
  g_return_if_fail (id != NULL);

  if (CARNET_NOTIFIER_GET_IFACE (self)->withdraw != NULL)
    CARNET_NOTIFIER_GET_IFACE (self)->withdraw (self, id);
}

void
carnet_notifier_action_invoked (CarnetNotifier *self,
                                const char     *id,
                                const char     *action)
{
  g_return_if_fail (CARNET_IS_NOTIFIER (self));

  g_signal_emit (self, signals[ACTION_INVOKED], 0, id, action);
}
