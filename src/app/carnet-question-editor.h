/* carnet-question-editor.h: write a question for a consultation
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "carnet-editor.h"

G_BEGIN_DECLS

#define CARNET_TYPE_QUESTION_EDITOR (carnet_question_editor_get_type ())

G_DECLARE_FINAL_TYPE (CarnetQuestionEditor, carnet_question_editor, CARNET, QUESTION_EDITOR, CarnetEditor)

CarnetEditor *carnet_question_editor_new (GtkWindow      *parent,
                                          CarnetNotebook *notebook,
                                          CarnetQuestion *question);

G_END_DECLS
