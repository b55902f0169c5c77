/* carnet-record-actions.h: the "record" actions of a window
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   record.add            s      kind nick: "appointment", "result", "side-effect",
 *                                "question" or "treatment": opens the editor
 *   record.edit           (sx)   kind nick, id
 *   record.delete         (sx)   to the trash, with an Undo toast
 *   record.restore        (sx)   from the trash
 *   record.mark-done      (xx)   appointment id, occurrence start (Unix seconds);
 *                                an exam done invites to enter its result
 *   record.mark-planned   (xx)   the same occurrence planned again (undo)
 *   record.add-result     (xx)   the result editor, tied to that occurrence
 *   record.answer         x      question id: a dialog to write the answer
 *
 * Also installs the "notebook" actions (carnet-notebook-actions.h), app.preferences
 * and the keyboard shortcuts of these actions.
 */
#pragma once

#include <adwaita.h>

#include "carnet.h"

G_BEGIN_DECLS

void        carnet_record_actions_install (GtkWidget        *window,
                                           AdwToastOverlay  *toasts);
GtkWindow  *carnet_record_actions_open_editor (GtkWidget    *window,
                                               CarnetRecord *record);

G_END_DECLS
