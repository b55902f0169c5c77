/* carnet-trash-page.h: what was deleted, to restore
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "carnet-page.h"

G_BEGIN_DECLS

#define CARNET_TYPE_TRASH_PAGE (carnet_trash_page_get_type ())

G_DECLARE_FINAL_TYPE (CarnetTrashPage, carnet_trash_page, CARNET, TRASH_PAGE, CarnetPage)

GtkWidget *carnet_trash_page_new (void);

G_END_DECLS
