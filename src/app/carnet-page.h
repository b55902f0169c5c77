/* carnet-page.h: what every page of the window has in common
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "carnet.h"

G_BEGIN_DECLS

#define CARNET_TYPE_PAGE (carnet_page_get_type ())

G_DECLARE_DERIVABLE_TYPE (CarnetPage, carnet_page, CARNET, PAGE, GtkWidget)

struct _CarnetPageClass
{
  GtkWidgetClass parent_class;

  /* Reads the notebook again and updates what the page shows. */
  void     (*reload)      (CarnetPage       *self);
  /* Scrolls to the record and selects it; FALSE when the page does not show it. */
  gboolean (*show_record) (CarnetPage       *self,
                           CarnetRecordKind  kind,
                           gint64            id);

  gpointer padding[4];
};

CarnetNotebook *carnet_page_get_notebook (CarnetPage       *self);
void            carnet_page_set_notebook (CarnetPage       *self,
                                          CarnetNotebook   *notebook);
GDateTime      *carnet_page_dup_now      (CarnetPage       *self);
void            carnet_page_reload       (CarnetPage       *self);
void            carnet_page_queue_reload (CarnetPage       *self);
gboolean        carnet_page_show_record  (CarnetPage       *self,
                                          CarnetRecordKind  kind,
                                          gint64            id);
void            carnet_page_report_error (CarnetPage       *self,
                                          const GError     *error);

void            carnet_status_page_set_icon_on_map (AdwStatusPage *status_page,
                                                    const char    *icon_name);

G_END_DECLS
