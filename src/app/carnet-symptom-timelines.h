/* carnet-symptom-timelines.h: each symptom's severity by day
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "carnet.h"

G_BEGIN_DECLS

#define CARNET_TYPE_SYMPTOM_TIMELINES (carnet_symptom_timelines_get_type ())

/* How many months back the timelines go. */
#define CARNET_SYMPTOM_TIMELINES_MONTHS 12

G_DECLARE_FINAL_TYPE (CarnetSymptomTimelines, carnet_symptom_timelines, CARNET, SYMPTOM_TIMELINES, GtkWidget)

GtkWidget *carnet_symptom_timelines_new          (void);
/* The notebook to read; it is read when the timelines are first shown,
 * and again when shown after carnet_symptom_timelines_invalidate(). */
void       carnet_symptom_timelines_set_notebook (CarnetSymptomTimelines  *self,
                                                  CarnetNotebook          *notebook);
void       carnet_symptom_timelines_invalidate   (CarnetSymptomTimelines  *self);
/* Reads now; the number of symptoms shown. */
guint      carnet_symptom_timelines_load         (CarnetSymptomTimelines  *self);

G_END_DECLS
