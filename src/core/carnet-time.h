/* carnet-time.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reading and writing instants and dates as people and ISO 8601 write them.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

GDateTime  *carnet_time_parse        (const char    *text,
                                      GTimeZone     *tz,
                                      const char    *field,
                                      gboolean      *out_date_only,
                                      GError       **error);
char       *carnet_time_format_iso   (GDateTime     *dt);
gboolean    carnet_date_parse        (const char    *text,
                                      const char    *field,
                                      GDate         *out_date,
                                      GError       **error);
char       *carnet_date_format_iso   (const GDate   *date);
GDate      *carnet_date_from_time    (GDateTime     *dt);
const char *carnet_time_zone_id      (GTimeZone     *tz);
GTimeZone  *carnet_time_zone_from_id (const char    *tzid);
GDateTime  *carnet_time_from_unix    (gint64         utc_seconds,
                                      const char    *tzid);
int         carnet_date_days_between (const GDate   *from,
                                      const GDate   *to);

G_END_DECLS
