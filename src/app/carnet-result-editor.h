/* carnet-result-editor.h: record an exam result
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "carnet-editor.h"

G_BEGIN_DECLS

#define CARNET_TYPE_RESULT_EDITOR (carnet_result_editor_get_type ())

G_DECLARE_FINAL_TYPE (CarnetResultEditor, carnet_result_editor, CARNET, RESULT_EDITOR, CarnetEditor)

CarnetEditor *carnet_result_editor_new (GtkWindow      *parent,
                                        CarnetNotebook *notebook,
                                        CarnetResult   *result);
void          carnet_result_editor_attach_file (CarnetResultEditor *self,
                                                GFile              *file);

G_END_DECLS
