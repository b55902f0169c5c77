/* carnet-question-row.c: what the Questions page says about questions and consultations
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "carnet-app"

#include "config.h"

#include "carnet-question-row.h"

#include <glib/gi18n.h>

#include "carnet-format.h"

static int
compare_ids (gint64 a,
             gint64 b)
{
  return (a > b) - (a < b);
}

/**
 * carnet_question_row_compare_groups:
 *
 * The order of the groups on the page: the next consultation first, then the
 * planned ones, soonest first, then the past ones, latest first (those of
 * unknown date last).
 *
 * Returns: <0, 0 or >0 as @a goes before, with or after @b
 */
int
carnet_question_row_compare_groups (const CarnetQuestionGroupInfo *a,
                                    const CarnetQuestionGroupInfo *b)
{
  int order;

  g_return_val_if_fail (a != NULL && b != NULL, 0);

  if (a->kind != b->kind)
    return (int) a->kind - (int) b->kind;

  if (a->when != NULL && b->when == NULL)
    return -1;
  if (a->when == NULL && b->when != NULL)
    return 1;

  if (a->when != NULL)
    {
      order = g_date_time_compare (a->when, b->when);
      if (a->kind == CARNET_QUESTION_GROUP_PAST)
        order = -order;
      if (order != 0)
        return order;
    }

  return compare_ids (a->appointment_id, b->appointment_id);
}

/**
 * carnet_question_row_group_title:
 * @kind: which group
 * @appointment: (nullable): its consultation, %NULL for the next one or one
 *   that is no longer in the notebook
 *
 * Returns: the group's heading: "Next Consultation", the consultation's title
 */
char *
carnet_question_row_group_title (CarnetQuestionGroupKind  kind,
                                 CarnetAppointment       *appointment)
{
  g_return_val_if_fail (appointment == NULL || CARNET_IS_APPOINTMENT (appointment), NULL);

  if (kind == CARNET_QUESTION_GROUP_NEXT)
    return g_strdup (_("Next Consultation"));

  if (appointment == NULL)
    return g_strdup (_("A Deleted Appointment"));

  return g_strdup (carnet_appointment_get_title (appointment));
}

/**
 * carnet_question_row_group_description:
 * @info: which group
 * @appointment: (nullable): the consultation: for the next-consultation
 *   group, the one its questions go to now, if any
 * @now: the present
 *
 * Returns: the line under the group's heading: "Monday, December 14 at
 *   10:30 · Oncology consultation", "Monday, December 14 at 10:30",
 *   "Tuesday, March 3 · Done": the date first, which starts with a capital
 */
char *
carnet_question_row_group_description (const CarnetQuestionGroupInfo *info,
                                       CarnetAppointment             *appointment,
                                       GDateTime                     *now)
{
  g_autofree char *date = NULL;

  g_return_val_if_fail (info != NULL, NULL);
  g_return_val_if_fail (appointment == NULL || CARNET_IS_APPOINTMENT (appointment), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  switch (info->kind)
    {
    case CARNET_QUESTION_GROUP_NEXT:
      if (appointment == NULL || info->when == NULL)
        return g_strdup (_("No consultation is planned yet: these questions will go to the next one."));
      date = carnet_format_when (info->when, carnet_appointment_get_all_day (appointment), now);
      /* Translators: the consultation that questions for "the next consultation"
       * go to: when it is ("Monday, December 14 at 10:30"), then its title. */
      return g_strdup_printf (C_("next consultation", "%s · %s"), date,
                              carnet_appointment_get_title (appointment));

    case CARNET_QUESTION_GROUP_PLANNED:
      if (info->when == NULL)
        return NULL;
      date = carnet_format_when (info->when,
                                 appointment != NULL && carnet_appointment_get_all_day (appointment),
                                 now);
      if (!info->is_next)
        return g_steal_pointer (&date);
      /* Translators: a planned consultation, the next one: %s is when it is. */
      return g_strdup_printf (_("%s · Next consultation"), date);

    case CARNET_QUESTION_GROUP_PAST:
      if (appointment == NULL)
        return g_strdup (_("Its questions are kept here."));
      if (info->when == NULL)
        return g_strdup (carnet_status_label (carnet_appointment_get_status (appointment)));
      date = carnet_format_when (info->when, TRUE, now);
      /* Translators: a past consultation: its date, then its status ("Done"). */
      return g_strdup_printf (C_("past consultation", "%s · %s"), date,
                              carnet_status_label (carnet_appointment_get_status (appointment)));

    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * carnet_question_row_add_placeholder:
 * @kind: which group
 *
 * Returns: the title of the entry that adds a question to the group
 */
const char *
carnet_question_row_add_placeholder (CarnetQuestionGroupKind kind)
{
  if (kind == CARNET_QUESTION_GROUP_NEXT)
    return _("Add a question for the next consultation");

  return _("Add a question for this consultation");
}

/**
 * carnet_question_row_describe_meta:
 * @question: a question
 * @now: the present
 *
 * Returns: who wrote it and when: "Caregiver · Monday, November 23"
 */
char *
carnet_question_row_describe_meta (CarnetQuestion *question,
                                   GDateTime      *now)
{
  g_autofree char *date = NULL;
  const char *author;
  GDateTime *created;

  g_return_val_if_fail (CARNET_IS_QUESTION (question), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  author = carnet_author_label (carnet_question_get_author (question));
  created = carnet_question_get_created (question);
  if (created == NULL)
    return g_strdup (author);

  date = carnet_format_when (created, TRUE, now);
  /* Translators: who wrote a question ("Patient", "Caregiver"), then when. */
  return g_strdup_printf (C_("question author and date", "%s · %s"), author, date);
}

/**
 * carnet_question_row_is_asked:
 * @question: a question
 *
 * Returns: whether its "Asked" box is ticked: asked, or answered (which
 *   implies asked)
 */
gboolean
carnet_question_row_is_asked (CarnetQuestion *question)
{
  g_return_val_if_fail (CARNET_IS_QUESTION (question), FALSE);

  return carnet_question_get_status (question) != CARNET_QUESTION_OPEN;
}

/**
 * carnet_question_row_describe_answer:
 * @question: a question
 *
 * Returns: (nullable): "Answer: …", or %NULL when it has none
 */
char *
carnet_question_row_describe_answer (CarnetQuestion *question)
{
  const char *answer;

  g_return_val_if_fail (CARNET_IS_QUESTION (question), NULL);

  answer = carnet_question_get_answer (question);
  if (answer == NULL || *answer == '\0')
    return NULL;

  /* Translators: the answer given to a question at a consultation. */
  return g_strdup_printf (_("Answer: %s"), answer);
}

/**
 * carnet_question_row_answer_label:
 * @question: a question
 *
 * Returns: the label of the button that writes its answer; without a
 *   mnemonic, which every row would repeat
 */
const char *
carnet_question_row_answer_label (CarnetQuestion *question)
{
  const char *answer;

  g_return_val_if_fail (CARNET_IS_QUESTION (question), NULL);

  answer = carnet_question_get_answer (question);
  if (answer == NULL || *answer == '\0')
    return _("Answer…");

  return _("Edit Answer…");
}
