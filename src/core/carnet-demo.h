/* carnet-demo.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A fictional patient's year, to show Carnet to someone without their data.
 */
#pragma once

#include "carnet-notebook.h"

G_BEGIN_DECLS

char     *carnet_demo_path     (void);
gboolean  carnet_demo_populate (CarnetNotebook  *notebook,
                                GError         **error);

G_END_DECLS
