/* carnet-scheduler.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shows each reminder of every followed notebook when it falls due, and
 * sleeps in between: one timerfd on the wall clock, no polling.
 */
#pragma once

#include "carnet.h"
#include "carnet-notifier.h"

G_BEGIN_DECLS

#define CARNET_TYPE_SCHEDULER (carnet_scheduler_get_type ())

G_DECLARE_FINAL_TYPE (CarnetScheduler, carnet_scheduler, CARNET, SCHEDULER, GObject)

CarnetScheduler *carnet_scheduler_new               (CarnetNotifier  *notifier,
                                                     gboolean         use_timer);
void             carnet_scheduler_add_notebook      (CarnetScheduler *self,
                                                     CarnetNotebook  *notebook);
void             carnet_scheduler_remove_notebook   (CarnetScheduler *self,
                                                     const char      *path);
guint            carnet_scheduler_get_n_notebooks   (CarnetScheduler *self);
void             carnet_scheduler_reschedule        (CarnetScheduler *self);
void             carnet_scheduler_fire_due          (CarnetScheduler *self);
GDateTime       *carnet_scheduler_get_next_due      (CarnetScheduler *self);
guint            carnet_scheduler_get_snooze_minutes (CarnetScheduler *self);
void             carnet_scheduler_set_snooze_minutes (CarnetScheduler *self,
                                                      guint            minutes);
const char      *carnet_scheduler_get_problem       (CarnetScheduler *self);

G_END_DECLS
