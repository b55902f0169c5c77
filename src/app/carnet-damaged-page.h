/* carnet-damaged-page.h: what the window shows for a notebook that is damaged
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CARNET_TYPE_DAMAGED_PAGE (carnet_damaged_page_get_type ())

G_DECLARE_FINAL_TYPE (CarnetDamagedPage, carnet_damaged_page, CARNET, DAMAGED_PAGE, AdwBin)

GtkWidget  *carnet_damaged_page_new         (void);
void        carnet_damaged_page_show        (CarnetDamagedPage *self,
                                             const char        *path,
                                             const GError      *error);
const char *carnet_damaged_page_get_backup  (CarnetDamagedPage *self);
gboolean    carnet_damaged_page_restore     (CarnetDamagedPage *self);

G_END_DECLS
