/* carnet-treatments-page.h: the treatments, ongoing first
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "carnet-page.h"

G_BEGIN_DECLS

#define CARNET_TYPE_TREATMENTS_PAGE (carnet_treatments_page_get_type ())

G_DECLARE_FINAL_TYPE (CarnetTreatmentsPage, carnet_treatments_page, CARNET, TREATMENTS_PAGE, CarnetPage)

/* Where a treatment stands, in the order the page shows them. */
typedef enum
{
  CARNET_TREATMENT_STAGE_ONGOING,
  CARNET_TREATMENT_STAGE_PLANNED,
  CARNET_TREATMENT_STAGE_FINISHED,
} CarnetTreatmentStage;

GtkWidget            *carnet_treatments_page_new   (void);
CarnetTreatmentStage  carnet_treatment_stage       (CarnetTreatment *treatment,
                                                    const GDate     *today);
int                   carnet_treatments_compare    (CarnetTreatment *a,
                                                    CarnetTreatment *b,
                                                    const GDate     *today);

G_END_DECLS
