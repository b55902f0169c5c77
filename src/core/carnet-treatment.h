/* carnet-treatment.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A treatment, from its first to its last day; a cyclic one has a cycle length
 * and count, so that a date within it reads "C3 D8".
 */
#pragma once

#include "carnet-record.h"

G_BEGIN_DECLS

#define CARNET_TYPE_TREATMENT (carnet_treatment_get_type ())

G_DECLARE_FINAL_TYPE (CarnetTreatment, carnet_treatment, CARNET, TREATMENT, CarnetRecord)

#define CARNET_CYCLE_DAYS_MAX 365
#define CARNET_CYCLES_MAX     1000

CarnetTreatment     *carnet_treatment_new             (void);
const char          *carnet_treatment_get_name        (CarnetTreatment     *self);
void                 carnet_treatment_set_name        (CarnetTreatment     *self,
                                                       const char          *name);
CarnetTreatmentKind  carnet_treatment_get_kind        (CarnetTreatment     *self);
void                 carnet_treatment_set_kind        (CarnetTreatment     *self,
                                                       CarnetTreatmentKind  kind);
/* Calendar dates (GDate), the end NULL while it goes on. */
const GDate         *carnet_treatment_get_start       (CarnetTreatment     *self);
void                 carnet_treatment_set_start       (CarnetTreatment     *self,
                                                       const GDate         *start);
const GDate         *carnet_treatment_get_end         (CarnetTreatment     *self);
void                 carnet_treatment_set_end         (CarnetTreatment     *self,
                                                       const GDate         *end);
/* 0 for a treatment that is not given in cycles. */
guint                carnet_treatment_get_cycle_days  (CarnetTreatment     *self);
void                 carnet_treatment_set_cycle_days  (CarnetTreatment     *self,
                                                       guint                days);
guint                carnet_treatment_get_cycles      (CarnetTreatment     *self);
void                 carnet_treatment_set_cycles      (CarnetTreatment     *self,
                                                       guint                cycles);
const char          *carnet_treatment_get_notes       (CarnetTreatment     *self);
void                 carnet_treatment_set_notes       (CarnetTreatment     *self,
                                                       const char          *notes);
gboolean             carnet_treatment_is_current      (CarnetTreatment     *self,
                                                       const GDate         *today);
/* "C3 D8" for a date inside the treatment's cycles, NULL outside them. */
char                *carnet_treatment_cycle_day       (CarnetTreatment     *self,
                                                       const GDate         *date);

G_END_DECLS
