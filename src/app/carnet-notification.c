/* carnet-notification.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "carnet-app"

#include "config.h"

#include "carnet-notification.h"

#include <glib/gi18n.h>

#include "carnet-format.h"

/* "Tomorrow morning" is this hour of the next day. */
#define MORNING_HOUR 8

static char *
dup_title (CarnetAppointment *appointment,
           const char        *person)
{
  const char *title = carnet_appointment_get_title (appointment);

  if (person == NULL || *person == '\0')
    return g_strdup (title);

  /* Translators: a notification's title when several people's notebooks are
   * followed: the person's name, then the appointment ("Claire Martin — Blood test"). */
  return g_strdup_printf (C_("notification title", "%s — %s"), person, title);
}

static void
append_where (GString           *body,
              CarnetAppointment *appointment)
{
  const char *location = carnet_appointment_get_location (appointment);
  const char *practitioner = carnet_appointment_get_practitioner (appointment);

  if (location == NULL && practitioner == NULL)
    return;

  g_string_append_c (body, '\n');
  if (location != NULL && practitioner != NULL)
    /* Translators: where an appointment is and with whom: "Hôpital Saint-Louis, Dr Morel" */
    g_string_append_printf (body, C_("place and practitioner", "%s, %s"), location, practitioner);
  else
    g_string_append (body, location != NULL ? location : practitioner);
}

/**
 * carnet_notification_snooze_label:
 *
 * Returns: "Snooze 1 hour", "Snooze 15 minutes", "Snooze 2 days"…
 */
char *
carnet_notification_snooze_label (guint minutes)
{
  if (minutes % (24 * 60) == 0)
    return g_strdup_printf (ngettext ("Snooze %u day", "Snooze %u days", minutes / (24 * 60)),
                            minutes / (24 * 60));
  if (minutes % 60 == 0)
    return g_strdup_printf (ngettext ("Snooze %u hour", "Snooze %u hours", minutes / 60),
                            minutes / 60);

  return g_strdup_printf (ngettext ("Snooze %u minute", "Snooze %u minutes", minutes), minutes);
}

/**
 * carnet_notification_tomorrow_morning:
 *
 * Returns: (transfer full): 08:00 the day after @now, in @now's zone
 */
GDateTime *
carnet_notification_tomorrow_morning (GDateTime *now)
{
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);

  return g_date_time_new (g_date_time_get_timezone (now),
                          g_date_time_get_year (tomorrow),
                          g_date_time_get_month (tomorrow),
                          g_date_time_get_day_of_month (tomorrow),
                          MORNING_HOUR, 0, 0);
}

/**
 * carnet_notification_new_for_reminder:
 * @person: (nullable): whose notebook it is, when several are followed
 * @now: the present, in the zone the person is in
 * @snooze_minutes: the last snooze duration
 *
 * Returns: (transfer full): the notification of one reminder: what, when,
 *   where, how many questions are ready, and whether it comes late
 */
CarnetNotification *
carnet_notification_new_for_reminder (CarnetReminder *reminder,
                                      const char     *notebook_path,
                                      const char     *person,
                                      GDateTime      *now,
                                      guint           snooze_minutes)
{
  CarnetAppointment *appointment;
  CarnetNotification *notification;
  g_autofree char *when = NULL;
  g_autofree char *key = NULL;
  GString *body;
  guint questions;

  g_return_val_if_fail (CARNET_IS_REMINDER (reminder), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  appointment = carnet_reminder_get_appointment (reminder);
  key = carnet_reminder_dup_key (reminder);
  when = carnet_format_when (carnet_reminder_get_occurrence_start (reminder),
                             carnet_appointment_get_all_day (appointment), now);

  body = g_string_new (when);
  append_where (body, appointment);

  questions = carnet_reminder_get_open_questions (reminder);
  if (questions > 0)
    {
      g_string_append_c (body, '\n');
      g_string_append_printf (body, ngettext ("%u question ready", "%u questions ready", questions),
                              questions);
    }

  if (carnet_reminder_get_state (reminder) == CARNET_REMINDER_LATE)
    {
      g_autofree char *due = carnet_format_when (carnet_reminder_get_fires_at (reminder), FALSE, now);

      g_string_append_c (body, '\n');
      /* Translators: said of a reminder shown late because Carnet was not running */
      g_string_append_printf (body, _("Was due %s"), due);
    }

  notification = g_new0 (CarnetNotification, 1);
  notification->id = g_strdup (key);
  notification->notebook_path = g_strdup (notebook_path);
  notification->title = dup_title (appointment, person);
  notification->body = g_string_free (body, FALSE);
  notification->keys = g_new0 (char *, 2);
  notification->keys[0] = g_steal_pointer (&key);
  notification->can_snooze = TRUE;
  notification->snooze_label = carnet_notification_snooze_label (snooze_minutes);

  return notification;
}

/**
 * carnet_notification_new_for_group:
 * @reminders: (element-type CarnetReminder): reminders that came due while
 *   Carnet was not running
 *
 * Several late reminders make one notification, not a flood.
 *
 * Returns: (transfer full): the notification
 */
CarnetNotification *
carnet_notification_new_for_group (GPtrArray  *reminders,
                                   const char *notebook_path,
                                   const char *person,
                                   GDateTime  *now)
{
  CarnetNotification *notification;
  GString *body;
  guint n;

  g_return_val_if_fail (reminders != NULL && reminders->len > 0, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  n = reminders->len;
  body = g_string_new (NULL);
  notification = g_new0 (CarnetNotification, 1);
  notification->keys = g_new0 (char *, n + 1);

  for (guint i = 0; i < n; i++)
    {
      CarnetReminder *reminder = g_ptr_array_index (reminders, i);
      CarnetAppointment *appointment = carnet_reminder_get_appointment (reminder);
      g_autofree char *when = carnet_format_when (carnet_reminder_get_occurrence_start (reminder),
                                                  carnet_appointment_get_all_day (appointment), now);

      if (i > 0)
        g_string_append_c (body, '\n');
      /* Translators: one line of a grouped notification: an appointment and when it is */
      g_string_append_printf (body, C_("appointment and when", "%s: %s"),
                              carnet_appointment_get_title (appointment), when);
      notification->keys[i] = carnet_reminder_dup_key (reminder);
    }

  notification->id = g_strconcat ("late:", notification->keys[0], NULL);
  notification->notebook_path = g_strdup (notebook_path);
  if (person != NULL && *person != '\0')
    notification->title = g_strdup_printf (ngettext ("%s: %u reminder while Carnet was not running",
                                                     "%s: %u reminders while Carnet was not running", n),
                                           person, n);
  else
    notification->title = g_strdup_printf (ngettext ("%u reminder while Carnet was not running",
                                                     "%u reminders while Carnet was not running", n),
                                           n);
  notification->body = g_string_free (body, FALSE);
  notification->can_snooze = FALSE;

  return notification;
}

void
carnet_notification_free (CarnetNotification *notification)
{
  if (notification == NULL)
    return;

  g_free (notification->id);
  g_free (notification->notebook_path);
  g_free (notification->title);
  g_free (notification->body);
  g_strfreev (notification->keys);
  g_free (notification->snooze_label);
  g_free (notification);
}
