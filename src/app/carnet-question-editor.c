/* carnet-question-editor.c: write a question for a consultation
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A question goes to the next consultation (whichever it is when it comes)
 * or to a planned one; once written, it can be marked asked and answered.
 */
#define G_LOG_DOMAIN "carnet-app"

#include "config.h"

#include "carnet-question-editor.h"

#include <glib/gi18n.h>

/* The consultations offered: those planned within two years. */
#define CONSULTATIONS_DAYS 731
#define CONSULTATIONS_MAX  100

struct _CarnetQuestionEditor
{
  CarnetEditor         parent_instance;

  /* Template widgets */
  AdwEntryRow         *text_row;
  AdwComboRow         *consultation_row;
  AdwComboRow         *author_row;
  AdwPreferencesGroup *answer_group;
  AdwComboRow         *status_row;
  GtkWidget           *answer_row;
  GtkTextView         *answer_view;
};

G_DEFINE_FINAL_TYPE (CarnetQuestionEditor, carnet_question_editor, CARNET_TYPE_EDITOR)

static void
fill_consultations (CarnetQuestionEditor *self,
                    gint64                selected)
{
  CarnetNotebook *notebook = carnet_editor_get_notebook (CARNET_EDITOR (self));
  g_autoptr(GDateTime) now = carnet_clock_get_now (carnet_notebook_get_clock (notebook));
  g_autoptr(GDateTime) to = g_date_time_add_days (now, CONSULTATIONS_DAYS);
  g_autoptr(GListModel) agenda = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autofree char *next_label = NULL;
  gboolean has_selected = selected <= 0;
  guint n_items;

  agenda = carnet_notebook_agenda_of_kind (notebook, CARNET_APPOINTMENT_CONSULTATION, now, to, NULL);
  n_items = agenda != NULL ? g_list_model_get_n_items (agenda) : 0;

  for (guint i = 0; i < n_items && ids->len < CONSULTATIONS_MAX; i++)
    {
      g_autoptr(CarnetOccurrence) occurrence = g_list_model_get_item (agenda, i);
      CarnetAppointment *appointment = carnet_occurrence_get_appointment (occurrence);
      gint64 id = carnet_record_get_id (CARNET_RECORD (appointment));

      if (carnet_occurrence_get_status (occurrence) != CARNET_STATUS_PLANNED ||
          g_hash_table_contains (seen, &id))
        continue;
      g_hash_table_add (seen, g_memdup2 (&id, sizeof id));

      g_array_append_val (ids, id);
      g_ptr_array_add (labels, carnet_editor_format_link (carnet_appointment_get_title (appointment),
                                                          carnet_occurrence_get_start (occurrence)));
      has_selected |= id == selected;
    }

  if (!has_selected)
    {
      g_autoptr(CarnetRecord) linked = carnet_notebook_get (notebook, CARNET_RECORD_APPOINTMENT,
                                                            selected, NULL);

      if (linked != NULL)
        {
          g_array_append_val (ids, selected);
          g_ptr_array_add (labels,
                           carnet_editor_format_link (carnet_appointment_get_title (CARNET_APPOINTMENT (linked)),
                                                      carnet_appointment_get_start (CARNET_APPOINTMENT (linked))));
        }
    }

  /* "Next consultation" says which one it is now: the first planned. */
  if (labels->len > 0 && g_array_index (ids, gint64, 0) != selected)
    next_label = g_strdup_printf (_("Next consultation: %s"), (char *) g_ptr_array_index (labels, 0));
  else
    next_label = g_strdup (_("Next consultation"));

  carnet_editor_set_links (self->consultation_row, next_label, ids, labels, selected);
}

/* Overrides */

static void
carnet_question_editor_load (CarnetEditor *editor,
                             CarnetRecord *record)
{
  CarnetQuestionEditor *self = CARNET_QUESTION_EDITOR (editor);
  CarnetQuestion *question = CARNET_QUESTION (record);

  gtk_editable_set_text (GTK_EDITABLE (self->text_row), carnet_question_get_text (question) ?: "");
  fill_consultations (self, carnet_question_get_appointment_id (question));
  adw_combo_row_set_selected (self->author_row, carnet_question_get_author (question));
  adw_combo_row_set_selected (self->status_row, carnet_question_get_status (question));
  carnet_editor_set_notes (self->answer_view, carnet_question_get_answer (question));

  /* A question is written first, answered later. */
  gtk_widget_set_visible (GTK_WIDGET (self->answer_group), !carnet_editor_is_new (editor));
}

static gboolean
carnet_question_editor_store (CarnetEditor  *editor,
                              CarnetRecord  *record,
                              GError       **error)
{
  CarnetQuestionEditor *self = CARNET_QUESTION_EDITOR (editor);
  CarnetQuestion *question = CARNET_QUESTION (record);
  g_autofree char *text = NULL;

  text = carnet_editor_dup_text (GTK_WIDGET (self->text_row));
  carnet_question_set_text (question, text);
  carnet_question_set_appointment_id (question, carnet_editor_get_link (self->consultation_row));
  carnet_question_set_author (question, adw_combo_row_get_selected (self->author_row));

  if (!carnet_editor_is_new (editor))
    {
      g_autofree char *answer = carnet_editor_dup_notes (self->answer_view);

      carnet_question_set_status (question, adw_combo_row_get_selected (self->status_row));
      carnet_question_set_answer (question, *answer != '\0' ? answer : NULL);
    }

  return TRUE;
}

static GtkWidget *
carnet_question_editor_get_field_row (CarnetEditor  *editor,
                                      const char    *field,
                                      GtkWidget    **out_focus,
                                      const char   **out_label)
{
  CarnetQuestionEditor *self = CARNET_QUESTION_EDITOR (editor);

  *out_focus = NULL;
  *out_label = NULL;

  if (g_str_equal (field, "text"))
    return GTK_WIDGET (self->text_row);
  if (g_str_equal (field, "appointment_id"))
    return GTK_WIDGET (self->consultation_row);
  if (g_str_equal (field, "by"))
    return GTK_WIDGET (self->author_row);
  if (g_str_equal (field, "status"))
    return GTK_WIDGET (self->status_row);
  if (g_str_equal (field, "answer"))
    {
      *out_label = _("Answer");
      *out_focus = GTK_WIDGET (self->answer_view);
      return self->answer_row;
    }

  return NULL;
}

static void
carnet_question_editor_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CARNET_TYPE_QUESTION_EDITOR);

  G_OBJECT_CLASS (carnet_question_editor_parent_class)->dispose (object);
}

static void
carnet_question_editor_class_init (CarnetQuestionEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  CarnetEditorClass *editor_class = CARNET_EDITOR_CLASS (klass);

  object_class->dispose = carnet_question_editor_dispose;

  editor_class->new_title = N_("New Question");
  editor_class->edit_title = N_("Edit Question");
  editor_class->load = carnet_question_editor_load;
  editor_class->store = carnet_question_editor_store;
  editor_class->get_field_row = carnet_question_editor_get_field_row;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/carnet-question-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, CarnetQuestionEditor, text_row);
  gtk_widget_class_bind_template_child (widget_class, CarnetQuestionEditor, consultation_row);
  gtk_widget_class_bind_template_child (widget_class, CarnetQuestionEditor, author_row);
  gtk_widget_class_bind_template_child (widget_class, CarnetQuestionEditor, answer_group);
  gtk_widget_class_bind_template_child (widget_class, CarnetQuestionEditor, status_row);
  gtk_widget_class_bind_template_child (widget_class, CarnetQuestionEditor, answer_row);
  gtk_widget_class_bind_template_child (widget_class, CarnetQuestionEditor, answer_view);
}

static void
carnet_question_editor_init (CarnetQuestionEditor *self)
{
  const char *authors[] = {
    carnet_author_label (CARNET_AUTHOR_PATIENT),
    carnet_author_label (CARNET_AUTHOR_CAREGIVER),
    NULL
  };
  const char *statuses[] = {
    carnet_question_status_label (CARNET_QUESTION_OPEN),
    carnet_question_status_label (CARNET_QUESTION_ASKED),
    carnet_question_status_label (CARNET_QUESTION_ANSWERED),
    NULL
  };
  g_autoptr(GtkStringList) author_model = gtk_string_list_new (authors);
  g_autoptr(GtkStringList) status_model = gtk_string_list_new (statuses);

  gtk_widget_init_template (GTK_WIDGET (self));

  adw_combo_row_set_model (self->author_row, G_LIST_MODEL (author_model));
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (status_model));
}

/* Public API */

/**
 * carnet_question_editor_new:
 * @parent: (nullable): the window it belongs to
 * @notebook: where the question is saved
 * @question: a new question (maybe for a given consultation), or one of @notebook
 *
 * Returns: (transfer none): the editor, not shown yet; GTK owns it until it
 *   is destroyed
 */
CarnetEditor *
carnet_question_editor_new (GtkWindow      *parent,
                            CarnetNotebook *notebook,
                            CarnetQuestion *question)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (CARNET_IS_NOTEBOOK (notebook), NULL);
  g_return_val_if_fail (CARNET_IS_QUESTION (question), NULL);

  return g_object_new (CARNET_TYPE_QUESTION_EDITOR,
                       "transient-for", parent,
                       "notebook", notebook,
                       "record", question,
                       NULL);
}
