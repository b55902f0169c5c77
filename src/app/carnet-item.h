/* carnet-item.h: one entry of a page's list, kept across refreshes
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define CARNET_TYPE_ITEM (carnet_item_get_type ())

G_DECLARE_FINAL_TYPE (CarnetItem, carnet_item, CARNET, ITEM, GObject)

CarnetItem *carnet_item_new          (const char *key,
                                      gpointer    object);
const char *carnet_item_get_key      (CarnetItem *self);
gpointer    carnet_item_get_object   (CarnetItem *self);
void        carnet_item_set_object   (CarnetItem *self,
                                      gpointer    object);
const char *carnet_item_get_header   (CarnetItem *self);
void        carnet_item_set_header   (CarnetItem *self,
                                      const char *header);

char       *carnet_item_key_for      (int         kind,
                                      gint64      id);
void        carnet_item_store_update (GListStore *store,
                                      GPtrArray  *items);
guint       carnet_item_store_find   (GListModel *model,
                                      const char *key);

G_END_DECLS
