/* carnet-side-effect.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A treatment side effect, with its severity on PRO-CTCAE's 0–4 scale.
 */
#pragma once

#include "carnet-record.h"

G_BEGIN_DECLS

#define CARNET_TYPE_SIDE_EFFECT (carnet_side_effect_get_type ())

G_DECLARE_FINAL_TYPE (CarnetSideEffect, carnet_side_effect, CARNET, SIDE_EFFECT, CarnetRecord)

CarnetSideEffect *carnet_side_effect_new              (void);
const char       *carnet_side_effect_get_symptom      (CarnetSideEffect *self);
void              carnet_side_effect_set_symptom      (CarnetSideEffect *self,
                                                       const char       *symptom);
int               carnet_side_effect_get_severity     (CarnetSideEffect *self);
void              carnet_side_effect_set_severity     (CarnetSideEffect *self,
                                                       int               severity);
GDateTime        *carnet_side_effect_get_at           (CarnetSideEffect *self);
void              carnet_side_effect_set_at           (CarnetSideEffect *self,
                                                       GDateTime        *at);
GDateTime        *carnet_side_effect_get_until        (CarnetSideEffect *self);
void              carnet_side_effect_set_until        (CarnetSideEffect *self,
                                                       GDateTime        *until);
gint64            carnet_side_effect_get_treatment_id (CarnetSideEffect *self);
void              carnet_side_effect_set_treatment_id (CarnetSideEffect *self,
                                                       gint64            treatment_id);
const char       *carnet_side_effect_get_notes        (CarnetSideEffect *self);
void              carnet_side_effect_set_notes        (CarnetSideEffect *self,
                                                       const char       *notes);
/* "C3 D8" when the onset falls inside a cycle of the linked treatment; NULL
 * otherwise. The notebook fills it in when it loads or saves the record. */
const char       *carnet_side_effect_get_cycle        (CarnetSideEffect *self);
void              carnet_side_effect_set_cycle        (CarnetSideEffect *self,
                                                       const char       *cycle);

/* The symptoms offered in pickers, translated; free text is accepted too. */
const char * const *carnet_side_effect_common_symptoms (void);

G_END_DECLS
