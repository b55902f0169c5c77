/* carnet-offsets.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reminder offsets: "7d,1d,2h,30m,0m". Days are calendar days (1d before 08:30
 * is 08:30 the day before, across a DST change too, as iCalendar's -P1D);
 * hours and minutes are exact durations (-PT2H).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  CARNET_OFFSET_MINUTES,
  CARNET_OFFSET_HOURS,
  CARNET_OFFSET_DAYS,
} CarnetOffsetUnit;

typedef struct
{
  guint            amount;
  CarnetOffsetUnit unit;
} CarnetOffset;

/* The longest offset we accept: a year before is already more than anyone asks. */
#define CARNET_OFFSET_MAX_MINUTES (366 * 24 * 60)

GArray     *carnet_offsets_parse         (const char         *text,
                                          const char         *field,
                                          GError            **error);
char       *carnet_offsets_to_string     (const GArray       *offsets);
guint       carnet_offset_get_minutes    (const CarnetOffset *offset);
GDateTime  *carnet_offset_apply          (const CarnetOffset *offset,
                                          GDateTime          *start);
char       *carnet_offset_describe       (const CarnetOffset *offset);

G_END_DECLS
