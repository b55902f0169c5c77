/* carnet-question-row.h: what the Questions page says about questions and consultations
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pure functions, so that what a row says and how the groups follow each
 * other are testable without a display.
 */
#pragma once

#include "carnet.h"

G_BEGIN_DECLS

/* The Questions page groups questions by the consultation they are for. */
typedef enum
{
  /* Appointment id 0: whichever consultation comes next. */
  CARNET_QUESTION_GROUP_NEXT,
  /* A consultation to come. */
  CARNET_QUESTION_GROUP_PLANNED,
  /* A consultation that is over, or no longer in the notebook. */
  CARNET_QUESTION_GROUP_PAST,
} CarnetQuestionGroupKind;

typedef struct
{
  CarnetQuestionGroupKind  kind;
  gint64                   appointment_id;
  /* Planned: its next occurrence; past: when it took place; NULL if unknown. */
  GDateTime               *when;
  /* Planned: the consultation that "the next consultation" questions go to. */
  gboolean                 is_next;
} CarnetQuestionGroupInfo;

int         carnet_question_row_compare_groups   (const CarnetQuestionGroupInfo *a,
                                                  const CarnetQuestionGroupInfo *b);
char       *carnet_question_row_group_title      (CarnetQuestionGroupKind        kind,
                                                  CarnetAppointment             *appointment);
char       *carnet_question_row_group_description (const CarnetQuestionGroupInfo *info,
                                                  CarnetAppointment             *appointment,
                                                  GDateTime                     *now);
const char *carnet_question_row_add_placeholder  (CarnetQuestionGroupKind        kind);
char       *carnet_question_row_describe_meta    (CarnetQuestion                *question,
                                                  GDateTime                     *now);
gboolean    carnet_question_row_is_asked         (CarnetQuestion                *question);
char       *carnet_question_row_describe_answer  (CarnetQuestion                *question);
const char *carnet_question_row_answer_label     (CarnetQuestion                *question);

G_END_DECLS
