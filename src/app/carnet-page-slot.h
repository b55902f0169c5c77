/* carnet-page-slot.h: where a page of the window goes, made when first shown
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "carnet-page.h"

G_BEGIN_DECLS

#define CARNET_TYPE_PAGE_SLOT (carnet_page_slot_get_type ())

G_DECLARE_FINAL_TYPE (CarnetPageSlot, carnet_page_slot, CARNET, PAGE_SLOT, AdwBin)

CarnetPage     *carnet_page_slot_get_page     (CarnetPageSlot *self);
CarnetPage     *carnet_page_slot_peek_page    (CarnetPageSlot *self);
CarnetNotebook *carnet_page_slot_get_notebook (CarnetPageSlot *self);
void            carnet_page_slot_set_notebook (CarnetPageSlot *self,
                                               CarnetNotebook *notebook);

G_END_DECLS
