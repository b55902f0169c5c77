/* carnet-record-actions.c: the "record" actions of a window
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every page, row and menu adds, edits, deletes and restores records through
 * these actions, so that each of those is done one way: the editors, the
 * trash with its Undo toast, marking an exam done and entering its result.
 * The actions read the window's notebook when they run: the window may show
 * another notebook by then.
 */
#define G_LOG_DOMAIN "carnet-app"

#include "config.h"

#include "carnet-record-actions.h"

#include <glib/gi18n.h>

#include "carnet-appointment-editor.h"
#include "carnet-notebook-actions.h"
#include "carnet-preferences-window.h"
#include "carnet-question-editor.h"
#include "carnet-result-editor.h"
#include "carnet-side-effect-editor.h"
#include "carnet-treatment-editor.h"
#include "carnet-window.h"

typedef struct
{
  /* Not owned: the action group lives on the window, the overlay in it. */
  GtkWidget       *window;
  AdwToastOverlay *toasts;
} RecordActions;

/* The keyboard shortcuts of the actions, shown in the menus and the shortcuts window. */
static const struct
{
  const char *action;
  const char *accels[2];
} shortcuts[] = {
  { "record.add('appointment')", { "<Control>n", NULL } },
  { "record.add('result')", { "<Control><Shift>r", NULL } },
  { "record.add('side-effect')", { "<Control><Shift>e", NULL } },
  { "record.add('question')", { "<Control><Shift>q", NULL } },
  { "record.add('treatment')", { "<Control><Shift>t", NULL } },
  { "app.preferences", { "<Control>comma", NULL } },
};

static void
show_toast (RecordActions *self,
            const char    *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toasts, toast);
}

/* The window's notebook, when it can be changed; says why otherwise. */
static CarnetNotebook *
get_writable_notebook (RecordActions *self)
{
  CarnetNotebook *notebook = carnet_window_get_notebook (CARNET_WINDOW (self->window));

  if (notebook == NULL)
    return NULL;

  if (carnet_notebook_get_read_only (notebook))
    {
      show_toast (self, _("This notebook was made by a newer Carnet: it cannot be changed here"));
      return NULL;
    }

  return notebook;
}

static gboolean
parse_kind (const char       *nick,
            CarnetRecordKind *out_kind)
{
  int value;

  if (!carnet_enum_from_nick (CARNET_TYPE_RECORD_KIND, nick, &value))
    {
      g_warning ("Unknown record kind “%s”", nick);
      return FALSE;
    }

  *out_kind = value;
  return TRUE;
}

static GDateTime *
dup_today (CarnetNotebook *notebook)
{
  g_autoptr(GDateTime) now = carnet_clock_get_now (carnet_notebook_get_clock (notebook));
  g_autoptr(GDateTime) local = g_date_time_to_local (now);

  return g_date_time_new_local (g_date_time_get_year (local), g_date_time_get_month (local),
                                g_date_time_get_day_of_month (local), 0, 0, 0);
}

/* The treatment going on today that started last, or 0. */
static gint64
find_current_treatment (CarnetNotebook *notebook)
{
  g_autoptr(GListModel) treatments = NULL;
  g_autoptr(GDateTime) now = carnet_clock_get_now (carnet_notebook_get_clock (notebook));
  g_autoptr(GDate) today = carnet_date_from_time (now);

  treatments = carnet_notebook_list (notebook, CARNET_RECORD_TREATMENT, NULL, NULL, NULL);
  for (guint i = treatments != NULL ? g_list_model_get_n_items (treatments) : 0; i > 0; i--)
    {
      g_autoptr(CarnetTreatment) treatment = g_list_model_get_item (treatments, i - 1);

      if (carnet_treatment_is_current (treatment, today))
        return carnet_record_get_id (CARNET_RECORD (treatment));
    }

  return 0;
}

/* A new record of @kind, with what can be guessed filled in. */
static CarnetRecord *
new_record (CarnetNotebook   *notebook,
            CarnetRecordKind  kind)
{
  switch (kind)
    {
    case CARNET_RECORD_APPOINTMENT:
      return CARNET_RECORD (carnet_appointment_new ());

    case CARNET_RECORD_RESULT:
      {
        CarnetResult *result = carnet_result_new ();
        g_autoptr(GDateTime) today = dup_today (notebook);

        carnet_result_set_at (result, today);
        return CARNET_RECORD (result);
      }

    case CARNET_RECORD_SIDE_EFFECT:
      {
        CarnetSideEffect *side_effect = carnet_side_effect_new ();
        g_autoptr(GDateTime) today = dup_today (notebook);

        carnet_side_effect_set_at (side_effect, today);
        carnet_side_effect_set_treatment_id (side_effect, find_current_treatment (notebook));
        return CARNET_RECORD (side_effect);
      }

    case CARNET_RECORD_QUESTION:
      return CARNET_RECORD (carnet_question_new ());

    case CARNET_RECORD_TREATMENT:
      return CARNET_RECORD (carnet_treatment_new ());

    default:
      g_assert_not_reached ();
    }
}

static GtkWindow *
open_editor (RecordActions  *self,
             CarnetNotebook *notebook,
             CarnetRecord   *record)
{
  GtkWindow *parent = GTK_WINDOW (self->window);
  CarnetEditor *editor;

  switch (carnet_record_get_kind (record))
    {
    case CARNET_RECORD_APPOINTMENT:
      editor = carnet_appointment_editor_new (parent, notebook, CARNET_APPOINTMENT (record));
      break;
    case CARNET_RECORD_RESULT:
      editor = carnet_result_editor_new (parent, notebook, CARNET_RESULT (record));
      break;
    case CARNET_RECORD_SIDE_EFFECT:
      editor = carnet_side_effect_editor_new (parent, notebook, CARNET_SIDE_EFFECT (record));
      break;
    case CARNET_RECORD_QUESTION:
      editor = carnet_question_editor_new (parent, notebook, CARNET_QUESTION (record));
      break;
    case CARNET_RECORD_TREATMENT:
      editor = carnet_treatment_editor_new (parent, notebook, CARNET_TREATMENT (record));
      break;
    default:
      g_assert_not_reached ();
    }

  gtk_window_present (GTK_WINDOW (editor));
  return GTK_WINDOW (editor);
}

/* The occurrence of @appointment_id starting at @start (Unix seconds), in its zone. */
static CarnetAppointment *
get_occurrence (RecordActions   *self,
                CarnetNotebook  *notebook,
                gint64           appointment_id,
                gint64           start_unix,
                GDateTime      **out_start)
{
  g_autoptr(CarnetRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) utc = NULL;
  GDateTime *start;

  record = carnet_notebook_get (notebook, CARNET_RECORD_APPOINTMENT, appointment_id, &error);
  if (record == NULL)
    {
      show_toast (self, error->message);
      return NULL;
    }

  start = carnet_appointment_get_start (CARNET_APPOINTMENT (record));
  utc = g_date_time_new_from_unix_utc (start_unix);
  *out_start = g_date_time_to_timezone (utc, g_date_time_get_timezone (start));

  return CARNET_APPOINTMENT (g_steal_pointer (&record));
}

static void
open_result_for (RecordActions     *self,
                 CarnetNotebook    *notebook,
                 CarnetAppointment *appointment,
                 GDateTime         *start)
{
  g_autoptr(CarnetResult) result = carnet_result_new ();
  CarnetAppointmentKind kind = carnet_appointment_get_kind (appointment);

  carnet_result_set_appointment_id (result, carnet_record_get_id (CARNET_RECORD (appointment)));
  carnet_result_set_at (result, start);

  /* Imaging and biopsies give a report, named after the exam; blood tests
   * give values, each named after what was measured. */
  if (kind == CARNET_APPOINTMENT_IMAGING || kind == CARNET_APPOINTMENT_BIOPSY)
    carnet_result_set_name (result, carnet_appointment_get_title (appointment));

  open_editor (self, notebook, CARNET_RECORD (result));
}

/* Callbacks */

static void
add_activated (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  RecordActions *self = user_data;
  g_autoptr(CarnetRecord) record = NULL;
  CarnetNotebook *notebook;
  CarnetRecordKind kind;

  notebook = get_writable_notebook (self);
  if (notebook == NULL || !parse_kind (g_variant_get_string (parameter, NULL), &kind))
    return;

  record = new_record (notebook, kind);
  open_editor (self, notebook, record);
}

static void
edit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  RecordActions *self = user_data;
  g_autoptr(CarnetRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  CarnetNotebook *notebook;
  CarnetRecordKind kind;
  const char *nick;
  gint64 id;

  g_variant_get (parameter, "(&sx)", &nick, &id);
  notebook = get_writable_notebook (self);
  if (notebook == NULL || !parse_kind (nick, &kind))
    return;

  record = carnet_notebook_get (notebook, kind, id, &error);
  if (record == NULL)
    {
      show_toast (self, error->message);
      return;
    }

  open_editor (self, notebook, record);
}

static void
delete_activated (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  RecordActions *self = user_data;
  g_autoptr(CarnetRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *message = NULL;
  CarnetNotebook *notebook;
  CarnetRecordKind kind;
  AdwToast *toast;
  const char *nick;
  gint64 id;

  g_variant_get (parameter, "(&sx)", &nick, &id);
  notebook = get_writable_notebook (self);
  if (notebook == NULL || !parse_kind (nick, &kind))
    return;

  record = carnet_notebook_get (notebook, kind, id, &error);
  if (record == NULL || !carnet_notebook_trash (notebook, kind, id, &error))
    {
      show_toast (self, error->message);
      return;
    }

  title = carnet_record_dup_title (record);
  /* Translators: a toast after deleting an entry; %s is its title */
  message = g_strdup_printf (_("“%s” moved to the trash"), title);
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "record.restore");
  adw_toast_set_action_target_value (toast, g_variant_new ("(sx)", nick, id));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toasts, toast);
}

static void
restore_activated (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  RecordActions *self = user_data;
  g_autoptr(GError) error = NULL;
  CarnetNotebook *notebook;
  CarnetRecordKind kind;
  const char *nick;
  gint64 id;

  g_variant_get (parameter, "(&sx)", &nick, &id);
  notebook = get_writable_notebook (self);
  if (notebook == NULL || !parse_kind (nick, &kind))
    return;

  if (!carnet_notebook_restore (notebook, kind, id, &error))
    show_toast (self, error->message);
}

static void
on_result_dialog_response_cb (AdwMessageDialog *dialog,
                              const char       *response,
                              RecordActions    *self)
{
  g_autoptr(CarnetAppointment) appointment = NULL;
  g_autoptr(GDateTime) start = NULL;
  CarnetNotebook *notebook;
  gint64 id;
  gint64 start_unix;

  if (g_strcmp0 (response, "enter") != 0)
    return;

  id = *(gint64 *) g_object_get_data (G_OBJECT (dialog), "appointment-id");
  start_unix = *(gint64 *) g_object_get_data (G_OBJECT (dialog), "occurrence-start");

  notebook = get_writable_notebook (self);
  if (notebook == NULL)
    return;

  appointment = get_occurrence (self, notebook, id, start_unix, &start);
  if (appointment != NULL)
    open_result_for (self, notebook, appointment, start);
}

static void
invite_to_enter_result (RecordActions     *self,
                        CarnetAppointment *appointment,
                        gint64             start_unix)
{
  gint64 id = carnet_record_get_id (CARNET_RECORD (appointment));
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self->window),
                                   _("Enter the Result?"),
                                   NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  /* Translators: %s is the title of an exam just marked as done */
                                  _("“%s” is done. When its result comes, enter it here to follow it over time."),
                                  carnet_appointment_get_title (appointment));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "later", _("_Later"),
                                    "enter", _("_Enter the Result"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog),
                                              "enter", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "enter");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "later");

  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  g_object_set_data_full (G_OBJECT (dialog), "appointment-id",
                          g_memdup2 (&id, sizeof id), g_free);
  g_object_set_data_full (G_OBJECT (dialog), "occurrence-start",
                          g_memdup2 (&start_unix, sizeof start_unix), g_free);
  g_signal_connect (dialog, "response", G_CALLBACK (on_result_dialog_response_cb), self);

  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
is_exam (CarnetAppointment *appointment)
{
  switch (carnet_appointment_get_kind (appointment))
    {
    case CARNET_APPOINTMENT_BLOOD_TEST:
    case CARNET_APPOINTMENT_IMAGING:
    case CARNET_APPOINTMENT_BIOPSY:
      return TRUE;
    case CARNET_APPOINTMENT_CONSULTATION:
    case CARNET_APPOINTMENT_TREATMENT:
    case CARNET_APPOINTMENT_SURGERY:
    case CARNET_APPOINTMENT_OTHER:
    default:
      return FALSE;
    }
}

static void
set_occurrence_status (RecordActions *self,
                       GVariant      *parameter,
                       CarnetStatus   status)
{
  g_autoptr(CarnetAppointment) appointment = NULL;
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GError) error = NULL;
  CarnetNotebook *notebook;
  gint64 id;
  gint64 start_unix;

  g_variant_get (parameter, "(xx)", &id, &start_unix);
  notebook = get_writable_notebook (self);
  if (notebook == NULL)
    return;

  appointment = get_occurrence (self, notebook, id, start_unix, &start);
  if (appointment == NULL)
    return;

  if (!carnet_notebook_set_occurrence_status (notebook, id, start, status, &error))
    {
      show_toast (self, error->message);
      return;
    }

  if (status == CARNET_STATUS_DONE)
    {
      g_autofree char *message = NULL;
      AdwToast *toast;

      /* Translators: a toast; %s is the title of an appointment */
      message = g_strdup_printf (_("“%s” marked as done"), carnet_appointment_get_title (appointment));
      toast = adw_toast_new (message);
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "record.mark-planned");
      adw_toast_set_action_target_value (toast, g_variant_new ("(xx)", id, start_unix));
      adw_toast_overlay_add_toast (self->toasts, toast);

      if (is_exam (appointment))
        invite_to_enter_result (self, appointment, start_unix);
    }
}

static void
mark_done_activated (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  set_occurrence_status (user_data, parameter, CARNET_STATUS_DONE);
}

static void
mark_planned_activated (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  set_occurrence_status (user_data, parameter, CARNET_STATUS_PLANNED);
}

static void
add_result_activated (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  RecordActions *self = user_data;
  g_autoptr(CarnetAppointment) appointment = NULL;
  g_autoptr(GDateTime) start = NULL;
  CarnetNotebook *notebook;
  gint64 id;
  gint64 start_unix;

  g_variant_get (parameter, "(xx)", &id, &start_unix);
  notebook = get_writable_notebook (self);
  if (notebook == NULL)
    return;

  appointment = get_occurrence (self, notebook, id, start_unix, &start);
  if (appointment != NULL)
    open_result_for (self, notebook, appointment, start);
}

static char *
dup_buffer_text (GtkTextBuffer *buffer)
{
  GtkTextIter start;
  GtkTextIter end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

static void
on_answer_changed_cb (GtkTextBuffer    *buffer,
                      AdwMessageDialog *dialog)
{
  g_autofree char *answer = dup_buffer_text (buffer);

  adw_message_dialog_set_response_enabled (dialog, "save", *answer != '\0');
}

static void
on_answer_dialog_response_cb (AdwMessageDialog *dialog,
                              const char       *response,
                              RecordActions    *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *answer = NULL;
  CarnetNotebook *notebook;
  GtkTextBuffer *buffer;
  gint64 id;

  if (g_strcmp0 (response, "save") != 0)
    return;

  notebook = get_writable_notebook (self);
  if (notebook == NULL)
    return;

  id = *(gint64 *) g_object_get_data (G_OBJECT (dialog), "question-id");
  buffer = g_object_get_data (G_OBJECT (dialog), "buffer");
  answer = dup_buffer_text (buffer);

  if (!carnet_notebook_answer_question (notebook, id, answer, &error))
    show_toast (self, error->message);
}

static void
answer_activated (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  RecordActions *self = user_data;
  g_autoptr(CarnetRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  CarnetNotebook *notebook;
  CarnetQuestion *question;
  GtkWidget *dialog;
  GtkWidget *frame;
  GtkWidget *view;
  GtkTextBuffer *buffer;
  gint64 id = g_variant_get_int64 (parameter);

  notebook = get_writable_notebook (self);
  if (notebook == NULL)
    return;

  record = carnet_notebook_get (notebook, CARNET_RECORD_QUESTION, id, &error);
  if (record == NULL)
    {
      show_toast (self, error->message);
      return;
    }
  question = CARNET_QUESTION (record);

  dialog = adw_message_dialog_new (GTK_WINDOW (self->window), _("The Answer"),
                                   carnet_question_get_text (question));

  view = gtk_text_view_new ();
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 12);
  gtk_widget_set_size_request (view, -1, 120);
  gtk_widget_add_css_class (view, "carnet-notes");
  gtk_accessible_update_property (GTK_ACCESSIBLE (view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Answer"),
                                  -1);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  gtk_text_buffer_set_text (buffer, carnet_question_get_answer (question) ?: "", -1);

  frame = gtk_frame_new (NULL);
  gtk_frame_set_child (GTK_FRAME (frame), view);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), frame);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog),
                                              "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  g_object_set_data_full (G_OBJECT (dialog), "question-id", g_memdup2 (&id, sizeof id), g_free);
  g_object_set_data (G_OBJECT (dialog), "buffer", buffer);
  g_signal_connect (buffer, "changed", G_CALLBACK (on_answer_changed_cb), dialog);
  on_answer_changed_cb (buffer, ADW_MESSAGE_DIALOG (dialog));
  g_signal_connect (dialog, "response", G_CALLBACK (on_answer_dialog_response_cb), self);

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (view);
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  GtkApplication *application = GTK_APPLICATION (user_data);
  GtkWindow *window = gtk_application_get_active_window (application);

  /* The preferences are about the notebook of the window they are opened from. */
  if (window != NULL && !CARNET_IS_WINDOW (window))
    window = gtk_window_get_transient_for (window);
  if (window == NULL || !CARNET_IS_WINDOW (window))
    return;

  carnet_preferences_window_present (CARNET_WINDOW (window));
}

/* The application's part: app.preferences and the shortcuts, once per application. */
static void
install_on_application (GtkApplication *application)
{
  g_autoptr(GSimpleAction) preferences = NULL;

  if (g_action_map_lookup_action (G_ACTION_MAP (application), "preferences") != NULL)
    return;

  preferences = g_simple_action_new ("preferences", NULL);
  g_signal_connect_object (preferences, "activate", G_CALLBACK (preferences_activated),
                           application, 0);
  g_action_map_add_action (G_ACTION_MAP (application), G_ACTION (preferences));

  for (guint i = 0; i < G_N_ELEMENTS (shortcuts); i++)
    gtk_application_set_accels_for_action (application, shortcuts[i].action, shortcuts[i].accels);
}

static void
on_window_application_changed_cb (GtkWindow *window)
{
  GtkApplication *application = gtk_window_get_application (window);

  if (application != NULL)
    install_on_application (application);
}

static const GActionEntry record_actions[] = {
  { .name = "add", .activate = add_activated, .parameter_type = "s" },
  { .name = "edit", .activate = edit_activated, .parameter_type = "(sx)" },
  { .name = "delete", .activate = delete_activated, .parameter_type = "(sx)" },
  { .name = "restore", .activate = restore_activated, .parameter_type = "(sx)" },
  { .name = "mark-done", .activate = mark_done_activated, .parameter_type = "(xx)" },
  { .name = "mark-planned", .activate = mark_planned_activated, .parameter_type = "(xx)" },
  { .name = "add-result", .activate = add_result_activated, .parameter_type = "(xx)" },
  { .name = "answer", .activate = answer_activated, .parameter_type = "x" },
};

/* Public API */

/**
 * carnet_record_actions_install:
 * @window: a #CarnetWindow
 * @toasts: where the toasts of the actions go (Undo…)
 *
 * Inserts the "record" and "notebook" action groups into @window, adds
 * app.preferences to its application, and sets the shortcuts of these.
 */
void
carnet_record_actions_install (GtkWidget       *window,
                               AdwToastOverlay *toasts)
{
  g_autoptr(GSimpleActionGroup) group = NULL;
  RecordActions *self;

  g_return_if_fail (CARNET_IS_WINDOW (window));
  g_return_if_fail (ADW_IS_TOAST_OVERLAY (toasts));

  self = g_new0 (RecordActions, 1);
  self->window = window;
  self->toasts = toasts;

  group = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (group), record_actions,
                                   G_N_ELEMENTS (record_actions), self);
  g_object_set_data_full (G_OBJECT (group), "carnet-record-actions", self, g_free);
  gtk_widget_insert_action_group (window, "record", G_ACTION_GROUP (group));

  carnet_notebook_actions_install (window, toasts);

  /* A window gets its application after its init, where this is called. */
  on_window_application_changed_cb (GTK_WINDOW (window));
  g_signal_connect (window, "notify::application",
                    G_CALLBACK (on_window_application_changed_cb), NULL);
}

/**
 * carnet_record_actions_open_editor:
 * @window: a #CarnetWindow with the record actions installed
 * @record: a record of the window's notebook, or a new one (id 0), maybe with
 *   some fields filled in ("a question for this consultation")
 *
 * Returns: (transfer none): the editor, shown
 */
GtkWindow *
carnet_record_actions_open_editor (GtkWidget    *window,
                                   CarnetRecord *record)
{
  RecordActions actions;
  CarnetNotebook *notebook;

  g_return_val_if_fail (CARNET_IS_WINDOW (window), NULL);
  g_return_val_if_fail (CARNET_IS_RECORD (record), NULL);

  notebook = carnet_window_get_notebook (CARNET_WINDOW (window));
  g_return_val_if_fail (notebook != NULL, NULL);

  actions.window = window;
  actions.toasts = NULL;

  return open_editor (&actions, notebook, record);
}
