/* carnet-search-page.h: the records that match a search
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "carnet-page.h"

G_BEGIN_DECLS

#define CARNET_TYPE_SEARCH_PAGE (carnet_search_page_get_type ())

G_DECLARE_FINAL_TYPE (CarnetSearchPage, carnet_search_page, CARNET, SEARCH_PAGE, CarnetPage)

/* How many hits the page lists at most (read as they are shown). */
#define CARNET_SEARCH_HITS_MAX 500

GtkWidget  *carnet_search_page_new            (void);
const char *carnet_search_page_get_query      (CarnetSearchPage *self);
void        carnet_search_page_set_query      (CarnetSearchPage *self,
                                               const char       *query);
guint       carnet_search_page_get_n_hits     (CarnetSearchPage *self);
gboolean    carnet_search_page_activate_first (CarnetSearchPage *self);

G_END_DECLS
