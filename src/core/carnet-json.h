/* carnet-json.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Records as the JSON of carnet-cli and of backups: snake_case English field
 * names, integer ids, ISO 8601 times with their offset, null where empty.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "carnet-record.h"
#include "carnet-occurrence.h"
#include "carnet-reminder.h"
#include "carnet-search-hit.h"

G_BEGIN_DECLS

JsonNode *carnet_json_from_record     (CarnetRecord     *record);
JsonNode *carnet_json_from_occurrence (CarnetOccurrence *occurrence);
JsonNode *carnet_json_from_reminder   (CarnetReminder   *reminder);
JsonNode *carnet_json_from_search_hit (CarnetSearchHit  *hit);
JsonNode *carnet_json_from_list       (GListModel       *records);
char     *carnet_json_to_string       (JsonNode         *node,
                                       gboolean          pretty);

G_END_DECLS
