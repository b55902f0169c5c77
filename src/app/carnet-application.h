/* carnet-application.h: the Carnet application, one instance per session
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CARNET_TYPE_APPLICATION (carnet_application_get_type ())

G_DECLARE_FINAL_TYPE (CarnetApplication, carnet_application, CARNET, APPLICATION, AdwApplication)

CarnetApplication *carnet_application_new           (void);
void               carnet_application_open_notebook (CarnetApplication *self,
                                                     const char        *path);
void               carnet_application_open_demo     (CarnetApplication *self);
void               carnet_application_notebook_restored
                                                    (CarnetApplication *self,
                                                     const char        *path);

G_END_DECLS
