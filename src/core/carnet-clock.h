/* carnet-clock.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Anything that asks "what time is it" asks a CarnetClock, so tests can move
 * time, jump it and change the time zone without sleeping.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define CARNET_TYPE_CLOCK (carnet_clock_get_type ())

G_DECLARE_FINAL_TYPE (CarnetClock, carnet_clock, CARNET, CLOCK, GObject)

CarnetClock *carnet_clock_new_system       (void);
CarnetClock *carnet_clock_new_fixed        (GDateTime   *now);
gboolean     carnet_clock_is_system        (CarnetClock *self);
GDateTime   *carnet_clock_get_now          (CarnetClock *self);
GTimeZone   *carnet_clock_get_timezone     (CarnetClock *self);
void         carnet_clock_set_now          (CarnetClock *self,
                                            GDateTime   *now);
void         carnet_clock_advance          (CarnetClock *self,
                                            GTimeSpan    span);
void         carnet_clock_set_timezone     (CarnetClock *self,
                                            GTimeZone   *tz);

G_END_DECLS
