/* carnet-appointment-editor.h: plan an exam or appointment
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "carnet-editor.h"

G_BEGIN_DECLS

#define CARNET_TYPE_APPOINTMENT_EDITOR (carnet_appointment_editor_get_type ())

G_DECLARE_FINAL_TYPE (CarnetAppointmentEditor, carnet_appointment_editor, CARNET, APPOINTMENT_EDITOR, CarnetEditor)

CarnetEditor *carnet_appointment_editor_new (GtkWindow         *parent,
                                             CarnetNotebook    *notebook,
                                             CarnetAppointment *appointment);

G_END_DECLS
