/* carnet-result-editor.c: record an exam result
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A lab value (with its unit and normal range) or a text report, dated, maybe
 * tied to the exam it came from, with the report file attached.
 */
#define G_LOG_DOMAIN "carnet-app"

#include "config.h"

#include "carnet-result-editor.h"

#include <math.h>
#include <glib/gi18n.h>

#include "carnet-date-row.h"
#include "carnet-input.h"
#include "carnet-time-row.h"

/* The exams offered to tie a result to: those of the three months before the
 * result (a report can take weeks) and the month after it (a date typed
 * before the exam), around the result's date, or today for a new one. The
 * whole year read 900 appointments of a dense notebook, 8 ms. */
#define EXAMS_PAST_DAYS   92
#define EXAMS_FUTURE_DAYS 31
#define EXAMS_MAX         200

/* What a result comes from: a blood test, imaging, a biopsy, the pathology
 * report of a surgery, or something the person filed as Other (an ECG, a
 * breath test). Not the consultations and treatment sessions, which are
 * most of a follow-up's appointments: offering them buried the exams under
 * them, and read 40 % more rows at 100 000 entries. A result already tied
 * to one of them still shows it. */
static const CarnetAppointmentKind exam_kinds[] = {
  CARNET_APPOINTMENT_BLOOD_TEST,
  CARNET_APPOINTMENT_IMAGING,
  CARNET_APPOINTMENT_BIOPSY,
  CARNET_APPOINTMENT_SURGERY,
  CARNET_APPOINTMENT_OTHER,
};

/* The choices of the Result row. */
enum {
  TYPE_VALUE,
  TYPE_TEXT,
};

struct _CarnetResultEditor
{
  CarnetEditor          parent_instance;

  /* Template widgets */
  AdwEntryRow          *name_row;
  AdwComboRow          *type_row;
  AdwEntryRow          *value_row;
  AdwEntryRow          *unit_row;
  AdwEntryRow          *low_row;
  AdwEntryRow          *high_row;
  AdwPreferencesGroup  *report_group;
  GtkWidget            *text_row;
  GtkTextView          *text_view;
  CarnetDateRow        *date_row;
  CarnetTimeRow        *time_row;
  AdwComboRow          *exam_row;
  AdwActionRow         *attachment_row;
  GtkWidget            *remove_button;
  GtkWidget            *attach_button;
  GtkWidget            *notes_row;
  GtkTextView          *notes_view;

  GtkFileChooserNative *chooser;
  GCancellable         *cancellable;
  /* A file chosen in this editor, or removed (both NULL) when changed. */
  gboolean              attachment_changed;
  char                 *attachment_name;
  GBytes               *attachment_data;
};

G_DEFINE_FINAL_TYPE (CarnetResultEditor, carnet_result_editor, CARNET_TYPE_EDITOR)

static void
update_type_rows (CarnetResultEditor *self)
{
  gboolean value = adw_combo_row_get_selected (self->type_row) == TYPE_VALUE;

  gtk_widget_set_visible (GTK_WIDGET (self->value_row), value);
  gtk_widget_set_visible (GTK_WIDGET (self->unit_row), value);
  gtk_widget_set_visible (GTK_WIDGET (self->low_row), value);
  gtk_widget_set_visible (GTK_WIDGET (self->high_row), value);
  gtk_widget_set_visible (GTK_WIDGET (self->report_group), !value);
}

static void
update_attachment_row (CarnetResultEditor *self)
{
  const char *name;

  if (self->attachment_changed)
    name = self->attachment_name;
  else
    name = carnet_result_get_attachment_name (CARNET_RESULT (carnet_editor_get_record (CARNET_EDITOR (self))));

  adw_action_row_set_subtitle (self->attachment_row, name != NULL ? name : _("No file"));
  gtk_widget_set_visible (self->remove_button, name != NULL);
}

static void
fill_exams (CarnetResultEditor *self,
            GDateTime          *around,
            gint64              selected)
{
  CarnetNotebook *notebook = carnet_editor_get_notebook (CARNET_EDITOR (self));
  g_autoptr(GDateTime) now = carnet_clock_get_now (carnet_notebook_get_clock (notebook));
  g_autoptr(GDateTime) from = g_date_time_add_days (around != NULL ? around : now, -EXAMS_PAST_DAYS);
  g_autoptr(GDateTime) to = g_date_time_add_days (around != NULL ? around : now, EXAMS_FUTURE_DAYS);
  g_autoptr(GListModel) agenda = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  gboolean has_selected = selected <= 0;

  agenda = carnet_notebook_agenda_of_kinds (notebook, exam_kinds, G_N_ELEMENTS (exam_kinds), from, to, NULL);
  /* Newest first: a result usually follows the exam just done. */
  for (guint i = agenda != NULL ? g_list_model_get_n_items (agenda) : 0;
       i > 0 && ids->len < EXAMS_MAX; i--)
    {
      g_autoptr(CarnetOccurrence) occurrence = g_list_model_get_item (agenda, i - 1);
      CarnetAppointment *appointment = carnet_occurrence_get_appointment (occurrence);
      gint64 id = carnet_record_get_id (CARNET_RECORD (appointment));

      if (g_hash_table_contains (seen, &id))
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
          g_array_prepend_val (ids, selected);
          g_ptr_array_insert (labels, 0,
                              carnet_editor_format_link (carnet_appointment_get_title (CARNET_APPOINTMENT (linked)),
                                                         carnet_appointment_get_start (CARNET_APPOINTMENT (linked))));
        }
    }

  carnet_editor_set_links (self->exam_row, _("None"), ids, labels, selected);
}

/* Imaging and biopsies give a report; blood tests give values. */
static gboolean
exam_gives_report (CarnetResultEditor *self,
                   gint64              appointment_id)
{
  g_autoptr(CarnetRecord) exam = NULL;
  CarnetAppointmentKind kind;

  if (appointment_id <= 0)
    return FALSE;

  exam = carnet_notebook_get (carnet_editor_get_notebook (CARNET_EDITOR (self)),
                              CARNET_RECORD_APPOINTMENT, appointment_id, NULL);
  if (exam == NULL)
    return FALSE;

  kind = carnet_appointment_get_kind (CARNET_APPOINTMENT (exam));
  return kind == CARNET_APPOINTMENT_IMAGING || kind == CARNET_APPOINTMENT_BIOPSY;
}

/* Reads an optional number: NAN when the field is empty. */
static gboolean
read_number (AdwEntryRow  *row,
             const char   *field,
             double       *out_value,
             GError      **error)
{
  g_autofree char *text = carnet_editor_dup_text (GTK_WIDGET (row));

  *out_value = NAN;
  if (*text == '\0')
    return TRUE;

  if (!carnet_input_parse_number (text, out_value))
    {
      carnet_set_field_error (error, field,
                              /* Translators: keep the example numbers as they are */
                              _("“%s” is not a number: write it as 4.5 or 4,5"),
                              text);
      return FALSE;
    }

  return TRUE;
}

static void
set_number (AdwEntryRow *row,
            double       value)
{
  g_autofree char *text = NULL;

  if (!isnan (value))
    text = carnet_input_format_number (value);

  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

/* Callbacks */

static void
on_type_changed_cb (CarnetResultEditor *self)
{
  update_type_rows (self);
}

static void
on_file_loaded_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(CarnetResultEditor) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_load_contents_finish (G_FILE (source), result, &contents, &length, NULL, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_autoptr(GError) shown = NULL;

          carnet_set_field_error (&shown, "attachment", "%s", error->message);
          carnet_editor_show_error (CARNET_EDITOR (self), shown);
        }
      return;
    }

  g_clear_pointer (&self->attachment_name, g_free);
  g_clear_pointer (&self->attachment_data, g_bytes_unref);
  self->attachment_name = g_file_get_basename (G_FILE (source));
  if (!g_utf8_validate (self->attachment_name, -1, NULL))
    {
      g_free (self->attachment_name);
      self->attachment_name = g_filename_display_basename (g_file_peek_path (G_FILE (source)));
    }
  self->attachment_data = g_bytes_new_take (g_steal_pointer (&contents), length);
  self->attachment_changed = TRUE;
  update_attachment_row (self);
}

static void
on_chooser_response_cb (CarnetResultEditor *self,
                        int                 response)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (self->chooser));

  g_clear_object (&self->chooser);

  if (file != NULL)
    carnet_result_editor_attach_file (self, file);
}

static void
on_attach_clicked_cb (CarnetResultEditor *self)
{
  g_autoptr(GtkFileFilter) reports = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  if (self->chooser != NULL)
    return;

  gtk_file_filter_set_name (reports, _("PDF Files and Images"));
  gtk_file_filter_add_mime_type (reports, "application/pdf");
  gtk_file_filter_add_mime_type (reports, "image/*");
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");

  self->chooser = gtk_file_chooser_native_new (_("Attach the Report File"),
                                               GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Attach"),
                                               _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), reports);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), all);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
on_remove_clicked_cb (CarnetResultEditor *self)
{
  g_clear_pointer (&self->attachment_name, g_free);
  g_clear_pointer (&self->attachment_data, g_bytes_unref);
  self->attachment_changed = TRUE;
  update_attachment_row (self);
  gtk_widget_grab_focus (self->attach_button);
}

/* Overrides */

static void
carnet_result_editor_load (CarnetEditor *editor,
                           CarnetRecord *record)
{
  CarnetResultEditor *self = CARNET_RESULT_EDITOR (editor);
  CarnetResult *result = CARNET_RESULT (record);
  GDateTime *at = carnet_result_get_at (result);
  gboolean is_text = carnet_result_get_text (result) != NULL && !carnet_result_has_value (result);

  if (carnet_editor_is_new (editor) && !carnet_result_has_value (result))
    is_text |= exam_gives_report (self, carnet_result_get_appointment_id (result));

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), carnet_result_get_name (result) ?: "");
  adw_combo_row_set_selected (self->type_row, is_text ? TYPE_TEXT : TYPE_VALUE);
  set_number (self->value_row, carnet_result_get_value (result));
  gtk_editable_set_text (GTK_EDITABLE (self->unit_row), carnet_result_get_unit (result) ?: "");
  set_number (self->low_row, carnet_result_get_low (result));
  set_number (self->high_row, carnet_result_get_high (result));
  carnet_editor_set_notes (self->text_view, carnet_result_get_text (result));

  if (at != NULL)
    {
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_dmy (&date, g_date_time_get_day_of_month (at), g_date_time_get_month (at),
                      g_date_time_get_year (at));
      carnet_date_row_set_date (self->date_row, &date);
      /* Midnight is how a date alone is kept. */
      if (g_date_time_get_hour (at) != 0 || g_date_time_get_minute (at) != 0)
        carnet_time_row_set_time (self->time_row, g_date_time_get_hour (at),
                                  g_date_time_get_minute (at));
    }

  fill_exams (self, at, carnet_result_get_appointment_id (result));
  carnet_editor_set_notes (self->notes_view, carnet_result_get_notes (result));
  update_type_rows (self);
  update_attachment_row (self);
}

static gboolean
carnet_result_editor_store (CarnetEditor  *editor,
                            CarnetRecord  *record,
                            GError       **error)
{
  CarnetResultEditor *self = CARNET_RESULT_EDITOR (editor);
  CarnetResult *result = CARNET_RESULT (record);
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GDateTime) at = NULL;
  g_autofree char *name = NULL;
  g_autofree char *notes = NULL;
  int hour = 0;
  int minute = 0;
  GDate date;

  name = carnet_editor_dup_text (GTK_WIDGET (self->name_row));
  carnet_result_set_name (result, name);

  if (adw_combo_row_get_selected (self->type_row) == TYPE_VALUE)
    {
      g_autofree char *unit = carnet_editor_dup_text (GTK_WIDGET (self->unit_row));
      double value;
      double low;
      double high;

      if (!read_number (self->value_row, "value", &value, error) ||
          !read_number (self->low_row, "low", &low, error) ||
          !read_number (self->high_row, "high", &high, error))
        return FALSE;

      carnet_result_set_value (result, value);
      carnet_result_set_text (result, NULL);
      carnet_result_set_unit (result, *unit != '\0' ? unit : NULL);
      carnet_result_set_low (result, low);
      carnet_result_set_high (result, high);
    }
  else
    {
      g_autofree char *text = carnet_editor_dup_notes (self->text_view);

      if (*text == '\0')
        {
          carnet_set_field_error (error, "text", _("is required"));
          return FALSE;
        }

      carnet_result_set_text (result, text);
      carnet_result_set_value (result, NAN);
      carnet_result_set_unit (result, NULL);
      carnet_result_set_low (result, NAN);
      carnet_result_set_high (result, NAN);
    }

  g_date_clear (&date, 1);
  if (!carnet_date_row_is_empty (self->date_row) && !carnet_date_row_get_date (self->date_row, &date))
    {
      g_autofree char *text = carnet_editor_dup_text (GTK_WIDGET (self->date_row));

      carnet_set_field_error (error, "at",
                              _("“%s” is not a date: write it as 2026-12-03, or choose it in the calendar"),
                              text);
      return FALSE;
    }

  if (!carnet_time_row_is_empty (self->time_row) &&
      !carnet_time_row_get_time (self->time_row, &hour, &minute))
    {
      g_autofree char *text = carnet_editor_dup_text (GTK_WIDGET (self->time_row));

      carnet_set_field_error (error, "time", _("“%s” is not a time: write it as 08:30"), text);
      return FALSE;
    }

  tz = carnet_editor_dup_time_zone (carnet_result_get_at (result));
  if (g_date_valid (&date))
    at = g_date_time_new (tz, g_date_get_year (&date), g_date_get_month (&date),
                          g_date_get_day (&date), hour, minute, 0);
  carnet_result_set_at (result, at);

  carnet_result_set_appointment_id (result, carnet_editor_get_link (self->exam_row));

  if (self->attachment_changed)
    carnet_result_set_attachment (result, self->attachment_name, self->attachment_data);

  notes = carnet_editor_dup_notes (self->notes_view);
  carnet_result_set_notes (result, *notes != '\0' ? notes : NULL);

  return TRUE;
}

static GtkWidget *
carnet_result_editor_get_field_row (CarnetEditor  *editor,
                                    const char    *field,
                                    GtkWidget    **out_focus,
                                    const char   **out_label)
{
  CarnetResultEditor *self = CARNET_RESULT_EDITOR (editor);

  *out_focus = NULL;
  *out_label = NULL;

  if (g_str_equal (field, "name"))
    {
      *out_label = _("Test");
      return GTK_WIDGET (self->name_row);
    }
  if (g_str_equal (field, "value"))
    return GTK_WIDGET (self->value_row);
  if (g_str_equal (field, "text"))
    {
      *out_label = _("Report");
      *out_focus = GTK_WIDGET (self->text_view);
      return self->text_row;
    }
  if (g_str_equal (field, "unit"))
    {
      *out_label = _("Unit");
      return GTK_WIDGET (self->unit_row);
    }
  if (g_str_equal (field, "low"))
    return GTK_WIDGET (self->low_row);
  if (g_str_equal (field, "high"))
    return GTK_WIDGET (self->high_row);
  if (g_str_equal (field, "at"))
    return GTK_WIDGET (self->date_row);
  if (g_str_equal (field, "time"))
    {
      *out_label = _("Time");
      return GTK_WIDGET (self->time_row);
    }
  if (g_str_equal (field, "appointment_id"))
    return GTK_WIDGET (self->exam_row);
  if (g_str_equal (field, "attachment"))
    {
      *out_focus = self->attach_button;
      return GTK_WIDGET (self->attachment_row);
    }
  if (g_str_equal (field, "notes"))
    {
      *out_label = _("Notes");
      *out_focus = GTK_WIDGET (self->notes_view);
      return self->notes_row;
    }

  return NULL;
}

static void
carnet_result_editor_dispose (GObject *object)
{
  CarnetResultEditor *self = CARNET_RESULT_EDITOR (object);

  g_cancellable_cancel (self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);

  gtk_widget_dispose_template (GTK_WIDGET (self), CARNET_TYPE_RESULT_EDITOR);

  G_OBJECT_CLASS (carnet_result_editor_parent_class)->dispose (object);
}

static void
carnet_result_editor_finalize (GObject *object)
{
  CarnetResultEditor *self = CARNET_RESULT_EDITOR (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->attachment_name, g_free);
  g_clear_pointer (&self->attachment_data, g_bytes_unref);

  G_OBJECT_CLASS (carnet_result_editor_parent_class)->finalize (object);
}

static void
carnet_result_editor_class_init (CarnetResultEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  CarnetEditorClass *editor_class = CARNET_EDITOR_CLASS (klass);

  object_class->dispose = carnet_result_editor_dispose;
  object_class->finalize = carnet_result_editor_finalize;

  editor_class->new_title = N_("New Result");
  editor_class->edit_title = N_("Edit Result");
  editor_class->load = carnet_result_editor_load;
  editor_class->store = carnet_result_editor_store;
  editor_class->get_field_row = carnet_result_editor_get_field_row;

  g_type_ensure (CARNET_TYPE_DATE_ROW);
  g_type_ensure (CARNET_TYPE_TIME_ROW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/carnet-result-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, CarnetResultEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, CarnetResultEditor, type_row);
  gtk_widget_class_bind_template_child (widget_class, CarnetResultEditor, value_row);
  gtk_widget_class_bind_template_child (widget_class, CarnetResultEditor, unit_row);
  gtk_widget_class_bind_template_child (widget_class, CarnetResultEditor, low_row);
  gtk_widget_class_bind_template_child (widget_class, CarnetResultEditor, high_row);
  gtk_widget_class_bind_template_child (widget_class, CarnetResultEditor, report_group);
  gtk_widget_class_bind_template_child (widget_class, CarnetResultEditor, text_row);
  gtk_widget_class_bind_template_child (widget_class, CarnetResultEditor, text_view);
  gtk_widget_class_bind_template_child (widget_class, CarnetResultEditor, date_row);
  gtk_widget_class_bind_template_child (widget_class, CarnetResultEditor, time_row);
  gtk_widget_class_bind_template_child (widget_class, CarnetResultEditor, exam_row);
  gtk_widget_class_bind_template_child (widget_class, CarnetResultEditor, attachment_row);
  gtk_widget_class_bind_template_child (widget_class, CarnetResultEditor, remove_button);
  gtk_widget_class_bind_template_child (widget_class, CarnetResultEditor, attach_button);
  gtk_widget_class_bind_template_child (widget_class, CarnetResultEditor, notes_row);
  gtk_widget_class_bind_template_child (widget_class, CarnetResultEditor, notes_view);
  gtk_widget_class_bind_template_callback (widget_class, on_attach_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_remove_clicked_cb);
}

static void
carnet_result_editor_init (CarnetResultEditor *self)
{
  const char *types[] = { _("A value"), _("A text report"), NULL };
  g_autoptr(GtkStringList) type_model = gtk_string_list_new (types);

  self->cancellable = g_cancellable_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  adw_combo_row_set_model (self->type_row, G_LIST_MODEL (type_model));
  g_signal_connect_object (self->type_row, "notify::selected",
                           G_CALLBACK (on_type_changed_cb), self, G_CONNECT_SWAPPED);
}

/* Public API */

/**
 * carnet_result_editor_new:
 * @parent: (nullable): the window it belongs to
 * @notebook: where the result is saved
 * @result: a new result (maybe tied to an exam and dated already), or one of @notebook
 *
 * Returns: (transfer none): the editor, not shown yet; GTK owns it until it
 *   is destroyed
 */
CarnetEditor *
carnet_result_editor_new (GtkWindow      *parent,
                          CarnetNotebook *notebook,
                          CarnetResult   *result)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (CARNET_IS_NOTEBOOK (notebook), NULL);
  g_return_val_if_fail (CARNET_IS_RESULT (result), NULL);

  return g_object_new (CARNET_TYPE_RESULT_EDITOR,
                       "transient-for", parent,
                       "notebook", notebook,
                       "record", result,
                       NULL);
}

/**
 * carnet_result_editor_attach_file:
 * @file: the report file
 *
 * Reads @file to attach it, as choosing it in the file chooser does; it is
 * saved with the result.
 */
void
carnet_result_editor_attach_file (CarnetResultEditor *self,
                                  GFile              *file)
{
  g_return_if_fail (CARNET_IS_RESULT_EDITOR (self));
  g_return_if_fail (G_IS_FILE (file));

  g_file_load_contents_async (file, self->cancellable, on_file_loaded_cb, g_object_ref (self));
}
