/* carnet-scheduler.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GLib timeouts run on the monotonic clock, which stops while the computer
 * sleeps: a reminder due during a suspend would come late by the length of
 * the suspend. A timerfd on CLOCK_REALTIME with an absolute expiry wakes at
 * the wall-clock time, and TFD_TIMER_CANCEL_ON_SET tells when the clock is
 * set. Between two reminders nothing runs: no polling.
 */
#define G_LOG_DOMAIN "carnet-app"

#include "config.h"

#include "carnet-scheduler.h"

#include <errno.h>
#include <sys/timerfd.h>
#include <unistd.h>
#include <glib-unix.h>
#include <glib/gi18n.h>

#define NOTIFICATIONS_NAME "org.freedesktop.Notifications"

struct _CarnetScheduler
{
  GObject         parent_instance;

  CarnetNotifier *notifier;
  /* path → CarnetNotebook */
  GHashTable     *notebooks;
  /* notification id → CarnetNotification, for the actions */
  GHashTable     *shown;

  GDateTime      *next_due;
  guint           snooze_minutes;
  char           *problem;

  int             timer_fd;
  guint           timer_source;
  guint           idle_source;
  guint           bus_watch;
  GFileMonitor   *zone_monitor;
  gboolean        use_timer;
};

G_DEFINE_FINAL_TYPE (CarnetScheduler, carnet_scheduler, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SNOOZE_MINUTES,
  PROP_PROBLEM,
  PROP_NEXT_DUE,
  N_PROPS
};

enum {
  OPEN_REQUESTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
set_problem (CarnetScheduler *self,
             const char      *problem)
{
  if (g_strcmp0 (self->problem, problem) == 0)
    return;

  g_free (self->problem);
  self->problem = g_strdup (problem);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROBLEM]);
}

static void
disarm (CarnetScheduler *self)
{
  struct itimerspec off = { { 0, 0 }, { 0, 0 } };

  if (self->timer_fd >= 0)
    timerfd_settime (self->timer_fd, TFD_TIMER_ABSTIME, &off, NULL);
}

static gboolean
on_idle_fire_cb (gpointer user_data)
{
  CarnetScheduler *self = user_data;

  self->idle_source = 0;
  carnet_scheduler_fire_due (self);

  return G_SOURCE_REMOVE;
}

static void
arm (CarnetScheduler *self,
     GDateTime       *due)
{
  struct itimerspec spec = { { 0, 0 }, { 0, 0 } };

  if (!self->use_timer || self->timer_fd < 0)
    return;

  spec.it_value.tv_sec = (time_t)g_date_time_to_unix (due);
  spec.it_value.tv_nsec = 0;

  /* TFD_TIMER_CANCEL_ON_SET: a read then fails with ECANCELED when someone
   * sets the clock, and everything is looked at again. */
  if (timerfd_settime (self->timer_fd, TFD_TIMER_ABSTIME | TFD_TIMER_CANCEL_ON_SET, &spec, NULL) != 0)
    {
      g_warning ("Cannot arm the reminder timer: %s", g_strerror (errno));
      if (self->idle_source == 0)
        self->idle_source = g_idle_add (on_idle_fire_cb, self);
    }
}

/* Notifications */

static gboolean
show_notification (CarnetScheduler    *self,
                   CarnetNotification *notification,
                   CarnetNotebook     *notebook,
                   GPtrArray          *reminders)
{
  g_autoptr(GError) error = NULL;

  if (carnet_notifier_show (self->notifier, notification, &error))
    {
      g_hash_table_replace (self->shown, g_strdup (notification->id), notification);
      set_problem (self, NULL);
      return TRUE;
    }

  /* Nobody shows notifications: the reminders go back to pending, and are
   * tried again when a notification server appears. */
  g_message ("Could not show a reminder: %s", error->message);
  for (guint i = 0; i < reminders->len; i++)
    {
      g_autoptr(GError) release_error = NULL;

      if (!carnet_notebook_release_reminder (notebook, g_ptr_array_index (reminders, i), &release_error))
        g_warning ("Could not put a reminder back: %s", release_error->message);
    }

  set_problem (self, _("Reminders cannot be shown: no notification service answers. They will be shown as soon as one does."));
  carnet_notification_free (notification);
  return FALSE;
}

static const char *
person_to_name (CarnetScheduler *self,
                CarnetNotebook  *notebook)
{
  /* The person is named only when several people's notebooks are followed. */
  if (g_hash_table_size (self->notebooks) < 2)
    return NULL;

  return carnet_notebook_get_person (notebook);
}

static gboolean
fire_notebook (CarnetScheduler *self,
               CarnetNotebook  *notebook)
{
  g_autoptr(GListModel) claimed = NULL;
  g_autoptr(GPtrArray) late = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GError) error = NULL;
  const char *path = carnet_notebook_get_path (notebook);
  const char *person = person_to_name (self, notebook);

  claimed = carnet_notebook_claim_due_reminders (notebook, &error);
  if (claimed == NULL)
    {
      g_warning ("Could not look at the reminders of %s: %s", path, error->message);
      return TRUE;
    }

  now = carnet_clock_get_now (carnet_notebook_get_clock (notebook));

  for (guint i = 0; i < g_list_model_get_n_items (claimed); i++)
    {
      g_autoptr(CarnetReminder) reminder = g_list_model_get_item (claimed, i);

      if (carnet_reminder_get_state (reminder) == CARNET_REMINDER_LATE)
        g_ptr_array_add (late, g_steal_pointer (&reminder));
    }

  /* Several reminders that came due while nothing ran: one notification. */
  if (late->len > 1)
    {
      if (!show_notification (self,
                              carnet_notification_new_for_group (late, path, person, now),
                              notebook, late))
        return FALSE;
    }

  for (guint i = 0; i < g_list_model_get_n_items (claimed); i++)
    {
      g_autoptr(CarnetReminder) reminder = g_list_model_get_item (claimed, i);
      g_autoptr(GPtrArray) one = NULL;

      if (late->len > 1 && carnet_reminder_get_state (reminder) == CARNET_REMINDER_LATE)
        continue;

      one = g_ptr_array_new ();
      g_ptr_array_add (one, reminder);
      if (!show_notification (self,
                              carnet_notification_new_for_reminder (reminder, path, person, now,
                                                                    self->snooze_minutes),
                              notebook, one))
        return FALSE;
    }

  return TRUE;
}

/* Callbacks */

static gboolean
on_timer_cb (int          fd,
             GIOCondition condition,
             gpointer     user_data)
{
  CarnetScheduler *self = user_data;
  guint64 expirations;
  ssize_t n;

  n = read (fd, &expirations, sizeof expirations);
  if (n < 0 && errno == ECANCELED)
    g_debug ("The clock was set: looking at the reminders again");
  else if (n < 0 && errno != EAGAIN)
    g_warning ("Reading the reminder timer failed: %s", g_strerror (errno));

  carnet_scheduler_fire_due (self);

  return G_SOURCE_CONTINUE;
}

static void
on_notebook_changed_cb (CarnetScheduler *self,
                        CarnetNotebook  *notebook)
{
  carnet_scheduler_reschedule (self);
}

static void
on_zone_changed_cb (GFileMonitor      *monitor,
                    GFile             *file,
                    GFile             *other_file,
                    GFileMonitorEvent  event,
                    gpointer           user_data)
{
  CarnetScheduler *self = user_data;
  GHashTableIter iter;
  gpointer notebook;

  if (event != G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT && event != G_FILE_MONITOR_EVENT_CREATED &&
      event != G_FILE_MONITOR_EVENT_CHANGED)
    return;

  g_debug ("The time zone changed");
  g_hash_table_iter_init (&iter, self->notebooks);
  while (g_hash_table_iter_next (&iter, NULL, &notebook))
    {
      CarnetClock *clock = carnet_notebook_get_clock (notebook);

      if (carnet_clock_is_system (clock))
        carnet_clock_set_timezone (clock, NULL);
    }

  carnet_scheduler_fire_due (self);
}

static void
on_notifications_appeared_cb (GDBusConnection *connection,
                              const char      *name,
                              const char      *name_owner,
                              gpointer         user_data)
{
  CarnetScheduler *self = user_data;

  if (self->problem != NULL)
    carnet_scheduler_fire_due (self);
}

static CarnetNotebook *
find_notebook (CarnetScheduler          *self,
               const CarnetNotification *notification)
{
  if (notification == NULL || notification->notebook_path == NULL)
    return NULL;

  return g_hash_table_lookup (self->notebooks, notification->notebook_path);
}

static void
on_action_invoked_cb (CarnetScheduler *self,
                      const char      *id,
                      const char      *action,
                      CarnetNotifier  *notifier)
{
  CarnetNotification *notification = g_hash_table_lookup (self->shown, id);
  CarnetNotebook *notebook = find_notebook (self, notification);
  g_autoptr(GDateTime) until = NULL;
  g_autoptr(GDateTime) now = NULL;

  g_debug ("Notification %s: %s", id, action);
  if (notebook == NULL)
    return;

  now = carnet_clock_get_now (carnet_notebook_get_clock (notebook));
  if (g_strcmp0 (action, "snooze") == 0)
    until = g_date_time_add_minutes (now, (int)self->snooze_minutes);
  else if (g_strcmp0 (action, "snooze-tomorrow") == 0)
    until = carnet_notification_tomorrow_morning (now);

  for (guint i = 0; notification->keys[i] != NULL; i++)
    {
      g_autoptr(CarnetReminder) reminder = NULL;
      g_autoptr(GError) error = NULL;
      gboolean ok = TRUE;

      reminder = carnet_notebook_find_reminder (notebook, notification->keys[i], &error);
      if (reminder == NULL)
        {
          g_debug ("Reminder %s is gone: %s", notification->keys[i], error->message);
          continue;
        }

      if (until != NULL)
        ok = carnet_notebook_snooze_reminder (notebook, reminder, until, &error);
      else if (g_strcmp0 (action, "done") == 0)
        ok = carnet_notebook_finish_reminder (notebook, reminder, &error);
      else if (i == 0)
        g_signal_emit (self, signals[OPEN_REQUESTED], 0,
                       carnet_notebook_get_path (notebook),
                       carnet_reminder_get_appointment_id (reminder));

      if (!ok)
        g_warning ("Could not record what was done with a reminder: %s", error->message);
    }

  g_hash_table_remove (self->shown, id);
  carnet_scheduler_reschedule (self);
}

/* GObject */

static void
carnet_scheduler_dispose (GObject *object)
{
  CarnetScheduler *self = CARNET_SCHEDULER (object);

  g_clear_handle_id (&self->timer_source, g_source_remove);
  g_clear_handle_id (&self->idle_source, g_source_remove);
  g_clear_handle_id (&self->bus_watch, g_bus_unwatch_name);
  if (self->zone_monitor != NULL)
    g_file_monitor_cancel (self->zone_monitor);
  g_clear_object (&self->zone_monitor);
  if (self->notebooks != NULL)
    g_hash_table_remove_all (self->notebooks);
  g_clear_object (&self->notifier);

  G_OBJECT_CLASS (carnet_scheduler_parent_class)->dispose (object);
}

static void
carnet_scheduler_finalize (GObject *object)
{
  CarnetScheduler *self = CARNET_SCHEDULER (object);

  if (self->timer_fd >= 0)
    close (self->timer_fd);
  g_clear_pointer (&self->notebooks, g_hash_table_unref);
  g_clear_pointer (&self->shown, g_hash_table_unref);
  g_clear_pointer (&self->next_due, g_date_time_unref);
  g_clear_pointer (&self->problem, g_free);

  G_OBJECT_CLASS (carnet_scheduler_parent_class)->finalize (object);
}

static void
carnet_scheduler_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  CarnetScheduler *self = CARNET_SCHEDULER (object);

  switch (prop_id)
    {
    case PROP_SNOOZE_MINUTES:
      g_value_set_uint (value, self->snooze_minutes);
      break;
    case PROP_PROBLEM:
      g_value_set_string (value, self->problem);
      break;
    case PROP_NEXT_DUE:
      g_value_set_boxed (value, self->next_due);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
carnet_scheduler_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  CarnetScheduler *self = CARNET_SCHEDULER (object);

  switch (prop_id)
    {
    case PROP_SNOOZE_MINUTES:
      carnet_scheduler_set_snooze_minutes (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
carnet_scheduler_class_init (CarnetSchedulerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = carnet_scheduler_dispose;
  object_class->finalize = carnet_scheduler_finalize;
  object_class->get_property = carnet_scheduler_get_property;
  object_class->set_property = carnet_scheduler_set_property;

  properties[PROP_SNOOZE_MINUTES] =
    g_param_spec_uint ("snooze-minutes", NULL, NULL,
                       1, 7 * 24 * 60, 60,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* Why reminders cannot be shown right now, or %NULL when all is well. */
  properties[PROP_PROBLEM] =
    g_param_spec_string ("problem", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_NEXT_DUE] =
    g_param_spec_boxed ("next-due", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CarnetScheduler::open-requested:
   * @path: the notebook
   * @appointment_id: the appointment a notification was about
   */
  signals[OPEN_REQUESTED] =
    g_signal_new ("open-requested",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_INT64);
}

static void
carnet_scheduler_init (CarnetScheduler *self)
{
  self->notebooks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->shown = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify)carnet_notification_free);
  self->snooze_minutes = 60;
  self->timer_fd = -1;
}

/* Public API */

/**
 * carnet_scheduler_new:
 * @notifier: what shows the notifications
 * @use_timer: whether to wake up by itself on the wall clock (the app), or
 *   only when carnet_scheduler_fire_due() is called (tests with a fake clock)
 */
CarnetScheduler *
carnet_scheduler_new (CarnetNotifier *notifier,
                      gboolean        use_timer)
{
  CarnetScheduler *self;

  g_return_val_if_fail (CARNET_IS_NOTIFIER (notifier), NULL);

  self = g_object_new (CARNET_TYPE_SCHEDULER, NULL);
  self->notifier = g_object_ref (notifier);
  self->use_timer = use_timer;
  g_signal_connect_object (notifier, "action-invoked", G_CALLBACK (on_action_invoked_cb),
                           self, G_CONNECT_SWAPPED);

  if (use_timer)
    {
      g_autoptr(GFile) localtime = g_file_new_for_path ("/etc/localtime");

      self->timer_fd = timerfd_create (CLOCK_REALTIME, TFD_NONBLOCK | TFD_CLOEXEC);
      if (self->timer_fd < 0)
        g_warning ("Cannot make the reminder timer: %s", g_strerror (errno));
      else
        self->timer_source = g_unix_fd_add (self->timer_fd, G_IO_IN, on_timer_cb, self);

      self->zone_monitor = g_file_monitor_file (localtime, G_FILE_MONITOR_WATCH_HARD_LINKS, NULL, NULL);
      if (self->zone_monitor != NULL)
        g_signal_connect_object (self->zone_monitor, "changed", G_CALLBACK (on_zone_changed_cb), self, 0);

      self->bus_watch = g_bus_watch_name (G_BUS_TYPE_SESSION, NOTIFICATIONS_NAME,
                                          G_BUS_NAME_WATCHER_FLAGS_NONE,
                                          on_notifications_appeared_cb, NULL, self, NULL);
    }

  return self;
}

/**
 * carnet_scheduler_add_notebook:
 *
 * Follows @notebook's reminders, and its changes (also those of other
 * processes, such as carnet-cli).
 */
void
carnet_scheduler_add_notebook (CarnetScheduler *self,
                               CarnetNotebook  *notebook)
{
  const char *path;

  g_return_if_fail (CARNET_IS_SCHEDULER (self));
  g_return_if_fail (CARNET_IS_NOTEBOOK (notebook));

  path = carnet_notebook_get_path (notebook);
  if (g_hash_table_contains (self->notebooks, path))
    return;

  g_hash_table_insert (self->notebooks, g_strdup (path), g_object_ref (notebook));
  g_signal_connect_object (notebook, "changed", G_CALLBACK (on_notebook_changed_cb), self, G_CONNECT_SWAPPED);
  carnet_notebook_watch (notebook);
  carnet_scheduler_reschedule (self);
}

void
carnet_scheduler_remove_notebook (CarnetScheduler *self,
                                  const char      *path)
{
  g_autoptr(CarnetNotebook) notebook = NULL;

  g_return_if_fail (CARNET_IS_SCHEDULER (self));
  g_return_if_fail (path != NULL);

  if (!g_hash_table_steal_extended (self->notebooks, path, NULL, (gpointer *)&notebook))
    return;

  g_signal_handlers_disconnect_by_data (notebook, self);
  carnet_scheduler_reschedule (self);
}

guint
carnet_scheduler_get_n_notebooks (CarnetScheduler *self)
{
  g_return_val_if_fail (CARNET_IS_SCHEDULER (self), 0);

  return g_hash_table_size (self->notebooks);
}

/**
 * carnet_scheduler_reschedule:
 *
 * Finds the next reminder due across the notebooks, and sleeps until then;
 * one already due is shown at once.
 */
void
carnet_scheduler_reschedule (CarnetScheduler *self)
{
  g_autoptr(GDateTime) earliest = NULL;
  GHashTableIter iter;
  gpointer notebook;

  g_return_if_fail (CARNET_IS_SCHEDULER (self));

  g_hash_table_iter_init (&iter, self->notebooks);
  while (g_hash_table_iter_next (&iter, NULL, &notebook))
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GDateTime) due = carnet_notebook_next_reminder_due (notebook, &error);

      if (error != NULL)
        g_warning ("Could not look at the reminders of %s: %s",
                   carnet_notebook_get_path (notebook), error->message);

      if (due != NULL && (earliest == NULL || g_date_time_compare (due, earliest) < 0))
        {
          g_clear_pointer (&earliest, g_date_time_unref);
          earliest = g_steal_pointer (&due);
        }
    }

  g_clear_pointer (&self->next_due, g_date_time_unref);
  self->next_due = earliest != NULL ? g_date_time_ref (earliest) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NEXT_DUE]);

  if (earliest == NULL)
    {
      g_debug ("No reminder is due within a year");
      disarm (self);
      return;
    }

  /* While notifications cannot be shown, wait for a notification server
   * rather than trying again and again. */
  if (self->problem != NULL)
    {
      disarm (self);
      return;
    }

  {
    g_autofree char *when = carnet_time_format_iso (earliest);

    g_debug ("Next reminder due at %s", when);
  }
  arm (self, earliest);
}

/**
 * carnet_scheduler_fire_due:
 *
 * Shows every reminder due now, in each notebook, then sleeps until the next.
 */
void
carnet_scheduler_fire_due (CarnetScheduler *self)
{
  GHashTableIter iter;
  gpointer notebook;
  gboolean shown = TRUE;

  g_return_if_fail (CARNET_IS_SCHEDULER (self));

  /* Start afresh: a notification server may have come back. */
  set_problem (self, NULL);

  g_hash_table_iter_init (&iter, self->notebooks);
  while (shown && g_hash_table_iter_next (&iter, NULL, &notebook))
    shown = fire_notebook (self, notebook);

  carnet_scheduler_reschedule (self);
}

/**
 * carnet_scheduler_get_next_due:
 *
 * Returns: (transfer none) (nullable): when the timer wakes next
 */
GDateTime *
carnet_scheduler_get_next_due (CarnetScheduler *self)
{
  g_return_val_if_fail (CARNET_IS_SCHEDULER (self), NULL);

  return self->next_due;
}

guint
carnet_scheduler_get_snooze_minutes (CarnetScheduler *self)
{
  g_return_val_if_fail (CARNET_IS_SCHEDULER (self), 60);

  return self->snooze_minutes;
}

void
carnet_scheduler_set_snooze_minutes (CarnetScheduler *self,
                                     guint            minutes)
{
  g_return_if_fail (CARNET_IS_SCHEDULER (self));
  g_return_if_fail (minutes > 0);

  if (self->snooze_minutes == minutes)
    return;

  self->snooze_minutes = minutes;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SNOOZE_MINUTES]);
}

/**
 * carnet_scheduler_get_problem:
 *
 * Returns: (nullable): why reminders cannot be shown now, for the window to
 *   say, or %NULL
 */
const char *
carnet_scheduler_get_problem (CarnetScheduler *self)
{
  g_return_val_if_fail (CARNET_IS_SCHEDULER (self), NULL);

  return self->problem;
}
