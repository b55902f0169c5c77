/* carnet-record-private.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Helpers that the record classes share: field storage that tells whether
 * anything changed (to notify only then), and the checks every text field
 * goes through.
 */
#pragma once

#include "carnet-record.h"

G_BEGIN_DECLS

gboolean carnet_record_replace_string (char        **field,
                                       const char   *value);
gboolean carnet_record_replace_time   (GDateTime   **field,
                                       GDateTime    *value);
gboolean carnet_record_time_equal     (GDateTime    *a,
                                       GDateTime    *b);
gboolean carnet_record_text_is_blank  (const char   *text);
gboolean carnet_record_check_text     (const char   *text,
                                       const char   *field,
                                       gboolean      required,
                                       guint         max_chars,
                                       GError      **error);
gboolean carnet_record_check_enum     (GType         enum_type,
                                       int           value,
                                       const char   *field,
                                       GError      **error);
gboolean carnet_record_check_id       (gint64        id,
                                       const char   *field,
                                       GError      **error);
gboolean carnet_record_check_required (gconstpointer value,
                                       const char   *field,
                                       GError      **error);

G_END_DECLS
