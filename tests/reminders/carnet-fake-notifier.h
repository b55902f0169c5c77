/* carnet-fake-notifier.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A notifier that records what it was asked to show, and can be told to
 * fail as if no notification server answered.
 */
#pragma once

#include "carnet-notifier.h"

G_BEGIN_DECLS

#define CARNET_TYPE_FAKE_NOTIFIER (carnet_fake_notifier_get_type ())

G_DECLARE_FINAL_TYPE (CarnetFakeNotifier, carnet_fake_notifier, CARNET, FAKE_NOTIFIER, GObject)

CarnetFakeNotifier *carnet_fake_notifier_new        (void);
/* The notifications shown, oldest first (CarnetNotification, owned). */
GPtrArray          *carnet_fake_notifier_get_shown  (CarnetFakeNotifier *self);
void                carnet_fake_notifier_set_broken (CarnetFakeNotifier *self,
                                                     gboolean            broken);
void                carnet_fake_notifier_click      (CarnetFakeNotifier *self,
                                                     const char         *id,
                                                     const char         *action);

G_END_DECLS
