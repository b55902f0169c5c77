/* carnet-notification.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a reminder's notification says: pure functions of the reminders, so
 * the wording is testable without a notification server.
 */
#pragma once

#include "carnet.h"

G_BEGIN_DECLS

typedef struct
{
  /* The reminder's key, or "late:" and the first key for a group. */
  char     *id;
  char     *notebook_path;
  char     *title;
  /* Plain text, one line per fact: when, where, the questions, lateness. */
  char     *body;
  /* The reminders it stands for. */
  GStrv     keys;
  /* A single reminder can be snoozed; a group can only be opened or done. */
  gboolean  can_snooze;
  char     *snooze_label;
} CarnetNotification;

CarnetNotification *carnet_notification_new_for_reminder (CarnetReminder     *reminder,
                                                          const char         *notebook_path,
                                                          const char         *person,
                                                          GDateTime          *now,
                                                          guint               snooze_minutes);
CarnetNotification *carnet_notification_new_for_group    (GPtrArray          *reminders,
                                                          const char         *notebook_path,
                                                          const char         *person,
                                                          GDateTime          *now);
void                carnet_notification_free             (CarnetNotification *notification);
char               *carnet_notification_snooze_label     (guint               minutes);
GDateTime          *carnet_notification_tomorrow_morning (GDateTime          *now);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CarnetNotification, carnet_notification_free)

G_END_DECLS
