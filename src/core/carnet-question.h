/* carnet-question.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A question for a consultation: for a given one, or for "the next
 * consultation" (appointment id 0).
 */
#pragma once

#include "carnet-record.h"

G_BEGIN_DECLS

#define CARNET_TYPE_QUESTION (carnet_question_get_type ())

G_DECLARE_FINAL_TYPE (CarnetQuestion, carnet_question, CARNET, QUESTION, CarnetRecord)

CarnetQuestion       *carnet_question_new                (void);
const char           *carnet_question_get_text           (CarnetQuestion       *self);
void                  carnet_question_set_text           (CarnetQuestion       *self,
                                                          const char           *text);
gint64                carnet_question_get_appointment_id (CarnetQuestion       *self);
void                  carnet_question_set_appointment_id (CarnetQuestion       *self,
                                                          gint64                appointment_id);
CarnetAuthor          carnet_question_get_author         (CarnetQuestion       *self);
void                  carnet_question_set_author         (CarnetQuestion       *self,
                                                          CarnetAuthor          author);
CarnetQuestionStatus  carnet_question_get_status         (CarnetQuestion       *self);
void                  carnet_question_set_status         (CarnetQuestion       *self,
                                                          CarnetQuestionStatus  status);
const char           *carnet_question_get_answer         (CarnetQuestion       *self);
void                  carnet_question_set_answer         (CarnetQuestion       *self,
                                                          const char           *answer);
/* The order among the questions of one consultation, from 1. */
guint                 carnet_question_get_position       (CarnetQuestion       *self);
void                  carnet_question_set_position       (CarnetQuestion       *self,
                                                          guint                 position);
GDateTime            *carnet_question_get_created        (CarnetQuestion       *self);
void                  carnet_question_set_created        (CarnetQuestion       *self,
                                                          GDateTime            *created);

G_END_DECLS
