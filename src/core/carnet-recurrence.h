/* carnet-recurrence.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Repeat rules are iCalendar RRULEs, validated and expanded by libical. The
 * expansion runs on the wall time of the appointment's zone, so a weekly 08:30
 * Europe/Paris appointment stays at 08:30 there on both sides of a DST change.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean   carnet_recurrence_validate  (const char  *rrule,
                                        GDateTime   *start,
                                        const char  *field,
                                        GError     **error);
char      *carnet_recurrence_normalize (const char  *rrule);
GPtrArray *carnet_recurrence_expand    (const char  *rrule,
                                        GDateTime   *start,
                                        GDateTime   *from,
                                        GDateTime   *to,
                                        guint        max_count);
gboolean   carnet_recurrence_is_finite (const char  *rrule);
char      *carnet_recurrence_describe  (const char  *rrule);

G_END_DECLS
