/* carnet-notebook-actions.h: the "notebook" actions of a window
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   notebook.new          create a notebook file (a file chooser) and open it
 *   notebook.open         open a notebook file (a file chooser)
 *   notebook.switch       the notebooks known: open one, forget one
 *   notebook.open-path    s   open the notebook at that path
 *   notebook.forget       s   take that path off the notebooks known (the file stays)
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void carnet_notebook_actions_install (GtkWidget       *window,
                                      AdwToastOverlay *toasts);

G_END_DECLS
