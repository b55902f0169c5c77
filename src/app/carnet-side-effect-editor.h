/* carnet-side-effect-editor.h: record a side effect
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "carnet-editor.h"

G_BEGIN_DECLS

#define CARNET_TYPE_SIDE_EFFECT_EDITOR (carnet_side_effect_editor_get_type ())

G_DECLARE_FINAL_TYPE (CarnetSideEffectEditor, carnet_side_effect_editor, CARNET, SIDE_EFFECT_EDITOR, CarnetEditor)

CarnetEditor *carnet_side_effect_editor_new (GtkWindow        *parent,
                                             CarnetNotebook   *notebook,
                                             CarnetSideEffect *side_effect);

G_END_DECLS
