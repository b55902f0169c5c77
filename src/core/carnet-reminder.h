/* carnet-reminder.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One reminder: one occurrence of an appointment × one of its offsets.
 */
#pragma once

#include "carnet-appointment.h"
#include "carnet-offsets.h"

G_BEGIN_DECLS

#define CARNET_TYPE_REMINDER (carnet_reminder_get_type ())

G_DECLARE_FINAL_TYPE (CarnetReminder, carnet_reminder, CARNET, REMINDER, GObject)

CarnetReminder      *carnet_reminder_new                  (CarnetAppointment   *appointment,
                                                           GDateTime           *occurrence_start,
                                                           const CarnetOffset  *offset);
CarnetAppointment   *carnet_reminder_get_appointment      (CarnetReminder      *self);
gint64               carnet_reminder_get_appointment_id   (CarnetReminder      *self);
GDateTime           *carnet_reminder_get_occurrence_start (CarnetReminder      *self);
/* When the offset says it is due. */
GDateTime           *carnet_reminder_get_fires_at         (CarnetReminder      *self);
/* When it is due now: the snooze's end for a snoozed one, else fires-at. */
GDateTime           *carnet_reminder_get_due              (CarnetReminder      *self);
const CarnetOffset  *carnet_reminder_get_offset           (CarnetReminder      *self);
/* The offset as stored: "1d", "2h"… */
char                *carnet_reminder_dup_offset_text      (CarnetReminder      *self);
CarnetReminderState  carnet_reminder_get_state            (CarnetReminder      *self);
void                 carnet_reminder_set_state            (CarnetReminder      *self,
                                                           CarnetReminderState  state);
GDateTime           *carnet_reminder_get_snooze_until     (CarnetReminder      *self);
void                 carnet_reminder_set_snooze_until     (CarnetReminder      *self,
                                                           GDateTime           *until);
/* For a consultation: the open questions waiting for it. */
guint                carnet_reminder_get_open_questions   (CarnetReminder      *self);
void                 carnet_reminder_set_open_questions   (CarnetReminder      *self,
                                                           guint                count);
/* "12:4102444800:1d": the same reminder has the same key in every process. */
char                *carnet_reminder_dup_key              (CarnetReminder      *self);

G_END_DECLS
