/* carnet-row-text.h: what a row of a page says about a record
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pure functions: a row's words, badge and actions from a record and the
 * present, testable without a display. CarnetRecordRow shows them.
 */
#pragma once

#include "carnet.h"

G_BEGIN_DECLS

typedef struct
{
  /* The record the row stands for; id 0 when there is nothing to edit. */
  CarnetRecordKind  kind;
  gint64            id;

  const char       *icon_name;
  char             *title;
  char             *subtitle;
  char             *detail;
  /* Pango markup instead of plain text (search snippets). */
  gboolean          detail_markup;
  /* A short state next to the title, "In 3 days", "Moderate (2)", "High":
   * always words, the style class only adds colour to them. */
  char             *badge;
  const char       *badge_class;

  /* Activating the row, and its menu, edit the record. */
  gboolean          editable;
  /* For an occurrence that can be marked done: its start. */
  GDateTime        *occurrence;

  /* One button for the row's main action, when it has one. */
  char             *button_label;
  const char       *button_action;
  GVariant         *button_target;
} CarnetRowText;

void  carnet_row_text_clear              (CarnetRowText     *text);

char *carnet_row_text_severity           (int                severity);
char *carnet_row_text_reminders          (CarnetAppointment *appointment);
char *carnet_row_text_questions          (guint              open_questions);
char *carnet_row_text_month              (GDateTime         *date);
char *carnet_row_text_snippet_markup     (const char        *snippet);
char *carnet_row_text_value              (CarnetResult      *result);
char *carnet_row_text_treatment_dates    (CarnetTreatment   *treatment,
                                          GDateTime         *now);

void  carnet_row_text_for_record         (CarnetRowText     *text,
                                          CarnetRecord      *record,
                                          const char        *treatment_name,
                                          GDateTime         *now);
void  carnet_row_text_for_occurrence     (CarnetRowText     *text,
                                          CarnetOccurrence  *occurrence,
                                          guint              open_questions,
                                          gboolean           reminder_missed,
                                          GDateTime         *now);
void  carnet_row_text_for_side_effect    (CarnetRowText     *text,
                                          CarnetSideEffect  *side_effect,
                                          const char        *treatment_name,
                                          GDateTime         *now);
void  carnet_row_text_for_treatment      (CarnetRowText     *text,
                                          CarnetTreatment   *treatment,
                                          GDateTime         *now);
void  carnet_row_text_for_trashed        (CarnetRowText     *text,
                                          CarnetRecord      *record,
                                          GDateTime         *now);
void  carnet_row_text_for_hit            (CarnetRowText     *text,
                                          CarnetSearchHit   *hit,
                                          GDateTime         *now);

const char *carnet_row_text_kind_icon    (CarnetRecordKind   kind);

/* What a page without records of @kind (-1: of any kind) tells a newcomer. */
typedef struct
{
  const char *title;
  const char *description;
  const char *button;
  const char *add_kind;
} CarnetEmptyState;

void  carnet_row_text_empty_state        (int                kind,
                                          CarnetEmptyState  *state);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CarnetRowText, carnet_row_text_clear)

G_END_DECLS
