/* carnet-libnotify-notifier.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Notifications through libnotify (org.freedesktop.Notifications). Each
 * notification stays referenced until it is closed, so that its actions
 * still reach us when the person clicks them.
 */
#define G_LOG_DOMAIN "carnet-app"

#include "config.h"

#include "carnet-libnotify-notifier.h"

#include <glib/gi18n.h>
#include <libnotify/notify.h>

struct _CarnetLibnotifyNotifier
{
  GObject     parent_instance;

  /* id → NotifyNotification */
  GHashTable *shown;
};

static void notifier_iface_init (CarnetNotifierInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CarnetLibnotifyNotifier, carnet_libnotify_notifier, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (CARNET_TYPE_NOTIFIER, notifier_iface_init))

/* Callbacks */

static void
on_action_cb (NotifyNotification *notification,
              char               *action,
              gpointer            user_data)
{
  CarnetLibnotifyNotifier *self = user_data;
  g_autofree char *id = g_strdup (g_object_get_data (G_OBJECT (notification), "carnet-id"));

  /* The notification is done with once acted on; hold it until libnotify
   * is done calling us. */
  g_object_ref (notification);
  carnet_notifier_action_invoked (CARNET_NOTIFIER (self), id, action);
  g_hash_table_remove (self->shown, id);
  g_object_unref (notification);
}

static void
on_closed_cb (NotifyNotification *notification,
              gpointer            user_data)
{
  CarnetLibnotifyNotifier *self = user_data;
  const char *id = g_object_get_data (G_OBJECT (notification), "carnet-id");

  if (g_hash_table_lookup (self->shown, id) == notification)
    g_hash_table_remove (self->shown, id);
}

/* CarnetNotifier */

static gboolean
server_has (const char *capability)
{
  GList *caps = notify_get_server_caps ();
  gboolean found = g_list_find_custom (caps, capability, (GCompareFunc)g_strcmp0) != NULL;

  g_list_free_full (caps, g_free);
  return found;
}

static gboolean
carnet_libnotify_notifier_show (CarnetNotifier            *notifier,
                                const CarnetNotification  *content,
                                GError                   **error)
{
  CarnetLibnotifyNotifier *self = CARNET_LIBNOTIFY_NOTIFIER (notifier);
  NotifyNotification *notification;
  g_autofree char *body = NULL;

  /* Servers that read markup would take "<" in a title for a tag. */
  body = server_has ("body-markup") ? g_markup_escape_text (content->body, -1)
                                    : g_strdup (content->body);

  notification = notify_notification_new (content->title, body, APP_ID);
  g_object_set_data_full (G_OBJECT (notification), "carnet-id", g_strdup (content->id), g_free);
  notify_notification_set_app_name (notification, _("Carnet"));
  notify_notification_set_category (notification, "x-carnet.reminder");
  notify_notification_set_urgency (notification, NOTIFY_URGENCY_NORMAL);
  notify_notification_set_hint (notification, "desktop-entry", g_variant_new_string (APP_ID));
  /* A reminder stays until the person does something with it. */
  notify_notification_set_timeout (notification, NOTIFY_EXPIRES_NEVER);

  if (server_has ("actions"))
    {
      notify_notification_add_action (notification, "default", _("Open"),
                                      on_action_cb, self, NULL);
      if (content->can_snooze)
        {
          notify_notification_add_action (notification, "snooze", content->snooze_label,
                                          on_action_cb, self, NULL);
          notify_notification_add_action (notification, "snooze-tomorrow", _("Tomorrow Morning"),
                                          on_action_cb, self, NULL);
        }
      notify_notification_add_action (notification, "done", _("Done"),
                                      on_action_cb, self, NULL);
    }

  g_signal_connect_object (notification, "closed", G_CALLBACK (on_closed_cb), self, 0);

  if (!notify_notification_show (notification, error))
    {
      g_object_unref (notification);
      return FALSE;
    }

  g_hash_table_replace (self->shown, g_strdup (content->id), notification);
  return TRUE;
}

static void
carnet_libnotify_notifier_withdraw (CarnetNotifier *notifier,
                                    const char     *id)
{
  CarnetLibnotifyNotifier *self = CARNET_LIBNOTIFY_NOTIFIER (notifier);
  NotifyNotification *notification = g_hash_table_lookup (self->shown, id);

  if (notification != NULL)
    {
      notify_notification_close (notification, NULL);
      g_hash_table_remove (self->shown, id);
    }
}

static void
notifier_iface_init (CarnetNotifierInterface *iface)
{
  iface->show = carnet_libnotify_notifier_show;
  iface->withdraw = carnet_libnotify_notifier_withdraw;
}

/* GObject */

static void
carnet_libnotify_notifier_finalize (GObject *object)
{
  CarnetLibnotifyNotifier *self = CARNET_LIBNOTIFY_NOTIFIER (object);

  g_clear_pointer (&self->shown, g_hash_table_unref);

  G_OBJECT_CLASS (carnet_libnotify_notifier_parent_class)->finalize (object);
}

static void
carnet_libnotify_notifier_class_init (CarnetLibnotifyNotifierClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = carnet_libnotify_notifier_finalize;
}

static void
carnet_libnotify_notifier_init (CarnetLibnotifyNotifier *self)
{
  self->shown = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
}

CarnetNotifier *
carnet_libnotify_notifier_new (void)
{
  if (!notify_is_initted ())
    notify_init (APP_ID);

  return g_object_new (CARNET_TYPE_LIBNOTIFY_NOTIFIER, NULL);
}
