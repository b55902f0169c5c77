/* carnet-fake-notifier.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "carnet-fake-notifier.h"

struct _CarnetFakeNotifier
{
  GObject    parent_instance;

  GPtrArray *shown;
  gboolean   broken;
};

static void notifier_iface_init (CarnetNotifierInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CarnetFakeNotifier, carnet_fake_notifier, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (CARNET_TYPE_NOTIFIER, notifier_iface_init))

static gboolean
carnet_fake_notifier_show (CarnetNotifier            *notifier,
                           const CarnetNotification  *notification,
                           GError                   **error)
{
  CarnetFakeNotifier *self = CARNET_FAKE_NOTIFIER (notifier);
  CarnetNotification *copy;

  if (self->broken)
    {
      g_set_error_literal (error, G_DBUS_ERROR, G_DBUS_ERROR_SERVICE_UNKNOWN,
                           "The name org.freedesktop.Notifications was not provided");
      return FALSE;
    }

  copy = g_new0 (CarnetNotification, 1);
  copy->id = g_strdup (notification->id);
  copy->notebook_path = g_strdup (notification->notebook_path);
  copy->title = g_strdup (notification->title);
  copy->body = g_strdup (notification->body);
  copy->keys = g_strdupv (notification->keys);
  copy->can_snooze = notification->can_snooze;
  copy->snooze_label = g_strdup (notification->snooze_label);
  g_ptr_array_add (self->shown, copy);

  return TRUE;
}

static void
notifier_iface_init (CarnetNotifierInterface *iface)
{
  iface->show = carnet_fake_notifier_show;
}

static void
carnet_fake_notifier_finalize (GObject *object)
{
  CarnetFakeNotifier *self = CARNET_FAKE_NOTIFIER (object);

  g_clear_pointer (&self->shown, g_ptr_array_unref);

  G_OBJECT_CLASS (carnet_fake_notifier_parent_class)->finalize (object);
}

static void
carnet_fake_notifier_class_init (CarnetFakeNotifierClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = carnet_fake_notifier_finalize;
}

static void
carnet_fake_notifier_init (CarnetFakeNotifier *self)
{
  self->shown = g_ptr_array_new_with_free_func ((GDestroyNotify)carnet_notification_free);
}

CarnetFakeNotifier *
carnet_fake_notifier_new (void)
{
  return g_object_new (CARNET_TYPE_FAKE_NOTIFIER, NULL);
}

GPtrArray *
carnet_fake_notifier_get_shown (CarnetFakeNotifier *self)
{
  return self->shown;
}

void
carnet_fake_notifier_set_broken (CarnetFakeNotifier *self,
                                 gboolean            broken)
{
  self->broken = broken;
}

void
carnet_fake_notifier_click (CarnetFakeNotifier *self,
                            const char         *id,
                            const char         *action)
{
  carnet_notifier_action_invoked (CARNET_NOTIFIER (self), id, action);
}
