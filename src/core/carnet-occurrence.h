/* carnet-occurrence.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One occurrence of an appointment in the agenda: a single appointment has
 * one, a repeating one has one per repeat.
 */
#pragma once

#include "carnet-appointment.h"

G_BEGIN_DECLS

#define CARNET_TYPE_OCCURRENCE (carnet_occurrence_get_type ())

G_DECLARE_FINAL_TYPE (CarnetOccurrence, carnet_occurrence, CARNET, OCCURRENCE, GObject)

CarnetOccurrence  *carnet_occurrence_new             (CarnetAppointment *appointment,
                                                      GDateTime         *start,
                                                      CarnetStatus       status);
CarnetAppointment *carnet_occurrence_get_appointment (CarnetOccurrence  *self);
GDateTime         *carnet_occurrence_get_start       (CarnetOccurrence  *self);
GDateTime         *carnet_occurrence_get_end         (CarnetOccurrence  *self);
CarnetStatus       carnet_occurrence_get_status      (CarnetOccurrence  *self);

G_END_DECLS
