/* carnet-search-model.h: the hits of a search, read as they are shown
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "carnet.h"

G_BEGIN_DECLS

#define CARNET_TYPE_SEARCH_MODEL (carnet_search_model_get_type ())

G_DECLARE_FINAL_TYPE (CarnetSearchModel, carnet_search_model, CARNET, SEARCH_MODEL, GObject)

/* How many hits one read brings. */
#define CARNET_SEARCH_MODEL_PAGE 50

CarnetSearchModel *carnet_search_model_new           (CarnetNotebook     *notebook,
                                                      const char         *query,
                                                      guint               max_hits,
                                                      GError            **error);
guint              carnet_search_model_get_n_read    (CarnetSearchModel  *self);
guint              carnet_search_model_get_n_matches (CarnetSearchModel  *self);
guint              carnet_search_model_get_n_hits    (CarnetSearchModel  *self);
gboolean           carnet_search_model_show_more     (CarnetSearchModel  *self);

G_END_DECLS
