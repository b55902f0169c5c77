/* carnet-record-list.h: a page's lazy list of records
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "carnet-item.h"
#include "carnet-row-text.h"

G_BEGIN_DECLS

#define CARNET_TYPE_RECORD_LIST (carnet_record_list_get_type ())

G_DECLARE_FINAL_TYPE (CarnetRecordList, carnet_record_list, CARNET, RECORD_LIST, GtkWidget)

/* Fills @text, which is empty, with what @item's row says. */
typedef void (*CarnetDescribeFunc) (CarnetItem    *item,
                                    CarnetRowText *text,
                                    gpointer       user_data);

GtkWidget     *carnet_record_list_new                (void);
void           carnet_record_list_set_min_row_height (CarnetRecordList   *self,
                                                      int                 height);
void           carnet_record_list_set_describe_func  (CarnetRecordList   *self,
                                                      CarnetDescribeFunc  func,
                                                      gpointer            user_data);
void           carnet_record_list_update             (CarnetRecordList   *self,
                                                      GPtrArray          *items);
GListModel    *carnet_record_list_get_model          (CarnetRecordList   *self);
void           carnet_record_list_set_model          (CarnetRecordList   *self,
                                                      GListModel         *model);
GtkAdjustment *carnet_record_list_get_vadjustment    (CarnetRecordList   *self);
void           carnet_record_list_refresh_rows       (CarnetRecordList   *self);
gboolean       carnet_record_list_show               (CarnetRecordList   *self,
                                                      const char         *key);
void           carnet_record_list_show_position      (CarnetRecordList   *self,
                                                      guint               position);
void           carnet_record_list_describe           (CarnetRecordList   *self,
                                                      guint               position,
                                                      CarnetRowText      *text);

G_END_DECLS
