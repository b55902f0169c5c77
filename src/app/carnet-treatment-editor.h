/* carnet-treatment-editor.h: record a treatment
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "carnet-editor.h"

G_BEGIN_DECLS

#define CARNET_TYPE_TREATMENT_EDITOR (carnet_treatment_editor_get_type ())

G_DECLARE_FINAL_TYPE (CarnetTreatmentEditor, carnet_treatment_editor, CARNET, TREATMENT_EDITOR, CarnetEditor)

CarnetEditor *carnet_treatment_editor_new (GtkWindow       *parent,
                                           CarnetNotebook  *notebook,
                                           CarnetTreatment *treatment);

G_END_DECLS
