/* carnet-side-effects-page.h: side effects by date, with their severity
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "carnet-page.h"

G_BEGIN_DECLS

#define CARNET_TYPE_SIDE_EFFECTS_PAGE (carnet_side_effects_page_get_type ())

G_DECLARE_FINAL_TYPE (CarnetSideEffectsPage, carnet_side_effects_page, CARNET, SIDE_EFFECTS_PAGE, CarnetPage)

GtkWidget *carnet_side_effects_page_new (void);

G_END_DECLS
