/* carnet-search-hit.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One record that matches a search, with the words around the match.
 */
#pragma once

#include <glib-object.h>

#include "carnet-types.h"

G_BEGIN_DECLS

#define CARNET_TYPE_SEARCH_HIT (carnet_search_hit_get_type ())

G_DECLARE_FINAL_TYPE (CarnetSearchHit, carnet_search_hit, CARNET, SEARCH_HIT, GObject)

CarnetSearchHit  *carnet_search_hit_new         (CarnetRecordKind  kind,
                                                 gint64            id,
                                                 const char       *title,
                                                 const char       *snippet,
                                                 GDateTime        *at);
CarnetRecordKind  carnet_search_hit_get_kind    (CarnetSearchHit  *self);
gint64            carnet_search_hit_get_id      (CarnetSearchHit  *self);
const char       *carnet_search_hit_get_title   (CarnetSearchHit  *self);
/* The matching words in their context, the match between "[" and "]". */
const char       *carnet_search_hit_get_snippet (CarnetSearchHit  *self);
GDateTime        *carnet_search_hit_get_at      (CarnetSearchHit  *self);

G_END_DECLS
