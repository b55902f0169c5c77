/* carnet-appointment.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A planned exam or appointment, maybe repeating, with its reminders.
 */
#pragma once

#include "carnet-record.h"

G_BEGIN_DECLS

#define CARNET_TYPE_APPOINTMENT (carnet_appointment_get_type ())

G_DECLARE_FINAL_TYPE (CarnetAppointment, carnet_appointment, CARNET, APPOINTMENT, CarnetRecord)

/* An appointment lasts at most a week (a hospital stay for surgery). */
#define CARNET_DURATION_MAX_MINUTES (7 * 24 * 60)

CarnetAppointment     *carnet_appointment_new              (void);
const char            *carnet_appointment_get_title        (CarnetAppointment     *self);
void                   carnet_appointment_set_title        (CarnetAppointment     *self,
                                                            const char            *title);
CarnetAppointmentKind  carnet_appointment_get_kind         (CarnetAppointment     *self);
void                   carnet_appointment_set_kind         (CarnetAppointment     *self,
                                                            CarnetAppointmentKind  kind);
/* In the zone it was entered in; for an all-day appointment, midnight there. */
GDateTime             *carnet_appointment_get_start        (CarnetAppointment     *self);
void                   carnet_appointment_set_start        (CarnetAppointment     *self,
                                                            GDateTime             *start);
gboolean               carnet_appointment_get_all_day      (CarnetAppointment     *self);
void                   carnet_appointment_set_all_day      (CarnetAppointment     *self,
                                                            gboolean               all_day);
/* Minutes; 0 when unknown. */
guint                  carnet_appointment_get_duration     (CarnetAppointment     *self);
void                   carnet_appointment_set_duration     (CarnetAppointment     *self,
                                                            guint                  minutes);
GDateTime             *carnet_appointment_dup_end          (CarnetAppointment     *self);
GDateTime             *carnet_appointment_dup_end_for      (CarnetAppointment     *self,
                                                            GDateTime             *occurrence_start);
const char            *carnet_appointment_get_location     (CarnetAppointment     *self);
void                   carnet_appointment_set_location     (CarnetAppointment     *self,
                                                            const char            *location);
const char            *carnet_appointment_get_practitioner (CarnetAppointment     *self);
void                   carnet_appointment_set_practitioner (CarnetAppointment     *self,
                                                            const char            *practitioner);
const char            *carnet_appointment_get_notes        (CarnetAppointment     *self);
void                   carnet_appointment_set_notes        (CarnetAppointment     *self,
                                                            const char            *notes);
CarnetStatus           carnet_appointment_get_status       (CarnetAppointment     *self);
void                   carnet_appointment_set_status       (CarnetAppointment     *self,
                                                            CarnetStatus           status);
/* The canonical offsets list ("30m,2h,1d"), or "" for none. */
const char            *carnet_appointment_get_reminders    (CarnetAppointment     *self);
gboolean               carnet_appointment_set_reminders    (CarnetAppointment     *self,
                                                            const char            *offsets,
                                                            GError               **error);
GArray                *carnet_appointment_dup_offsets      (CarnetAppointment     *self);
/* An iCalendar RRULE without the "RRULE:" prefix, or NULL. */
const char            *carnet_appointment_get_repeat       (CarnetAppointment     *self);
void                   carnet_appointment_set_repeat       (CarnetAppointment     *self,
                                                            const char            *rrule);

G_END_DECLS
