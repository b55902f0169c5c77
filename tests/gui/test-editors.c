/* test-editors.c: the record actions and the editors, on temporary notebooks
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Driven as the window drives them: by activating the "record" actions, then
 * filling the editors' fields and activating editor.save. What counts is what
 * the notebook holds afterwards, and that bad input writes nothing, keeps
 * what was typed and says what is wrong on the field.
 */
#define G_LOG_DOMAIN "carnet-test"

#include "config.h"

#include <adwaita.h>
#include <locale.h>
#include <math.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "carnet.h"
#include "carnet-editor.h"
#include "carnet-input.h"
#include "carnet-preferences-window.h"
#include "carnet-reminders-row.h"
#include "carnet-result-editor.h"
#include "carnet-window.h"

typedef struct
{
  char           *dir;
  char           *path;
  CarnetClock    *clock;
  CarnetNotebook *notebook;
  CarnetWindow   *window;
} Fixture;

static void
drain (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Template children carry their id from the .ui file. */
static gpointer
find_child (GtkWidget  *widget,
            const char *id)
{
  if (GTK_IS_BUILDABLE (widget) &&
      g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget)), id) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      gpointer found = find_child (child, id);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
collect_widgets (GtkWidget *widget,
                 GType      type,
                 GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (found, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_widgets (child, type, found);
}

static GtkButton *
find_button (GtkWidget  *widget,
             const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return GTK_BUTTON (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkButton *found = find_button (child, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
has_label (GtkWidget  *widget,
           const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (has_label (child, text))
        return TRUE;
    }

  return FALSE;
}

static gpointer
find_toplevel (GType type)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    {
      if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data))
        return l->data;
    }

  return NULL;
}

static void
remove_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_dir (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Paris");
  g_autoptr(GDateTime) now = g_date_time_new (tz, 2026, 11, 28, 10, 0, 0);

  fixture->dir = g_dir_make_tmp ("carnet-editors-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "notebook.carnet", NULL);
  fixture->clock = carnet_clock_new_fixed (now);
  fixture->notebook = carnet_notebook_open (fixture->path, CARNET_OPEN_FLAGS_CREATE,
                                            fixture->clock, &error);
  g_assert_no_error (error);

  fixture->window = g_object_ref_sink (carnet_window_new (NULL));
  carnet_window_set_notebook (fixture->window, fixture->notebook);
  /* The window installs the record actions itself. */
  gtk_window_present (GTK_WINDOW (fixture->window));
  drain ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  drain ();
  g_assert_finalize_object (fixture->window);

  carnet_notebook_close (fixture->notebook);
  g_clear_object (&fixture->notebook);
  g_clear_object (&fixture->clock);
  remove_dir (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static void
activate (Fixture    *fixture,
          const char *action,
          GVariant   *target)
{
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (fixture->window), action, target));
  drain ();
}

/* Opens the editor of a new record of @kind, and holds a reference to it. */
static CarnetEditor *
open_new_editor (Fixture    *fixture,
                 const char *kind)
{
  CarnetEditor *editor;

  activate (fixture, "record.add", g_variant_new_string (kind));
  editor = find_toplevel (CARNET_TYPE_EDITOR);
  g_assert_nonnull (editor);
  g_assert_true (carnet_editor_is_new (editor));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (editor)) == GTK_WINDOW (fixture->window));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (editor)));

  return g_object_ref (editor);
}

static void
set_text (CarnetEditor *editor,
          const char   *id,
          const char   *text)
{
  GtkWidget *widget = find_child (GTK_WIDGET (editor), id);

  g_assert_nonnull (widget);
  if (GTK_IS_TEXT_VIEW (widget))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), text, -1);
  else
    gtk_editable_set_text (GTK_EDITABLE (widget), text);
}

static const char *
get_text (CarnetEditor *editor,
          const char   *id)
{
  return gtk_editable_get_text (find_child (GTK_WIDGET (editor), id));
}

static void
select_item (CarnetEditor *editor,
             const char   *id,
             guint         position)
{
  AdwComboRow *row = find_child (GTK_WIDGET (editor), id);

  g_assert_true (ADW_IS_COMBO_ROW (row));
  g_assert_cmpuint (position, <, g_list_model_get_n_items (adw_combo_row_get_model (row)));
  adw_combo_row_set_selected (row, position);
  drain ();
}

static const char *
selected_label (CarnetEditor *editor,
                const char   *id)
{
  AdwComboRow *row = find_child (GTK_WIDGET (editor), id);
  GtkStringObject *item = adw_combo_row_get_selected_item (row);

  return item != NULL ? gtk_string_object_get_string (item) : NULL;
}

/* Save, expecting success: the editor closes and goes away. */
static void
save (CarnetEditor *editor)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  drain ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (editor)));
  g_assert_finalize_object (editor);
}

/* Save, expecting @field to be refused: the editor stays, the field says why. */
static void
save_refused (CarnetEditor *editor,
              const char   *field,
              const char   *row_id,
              const char   *message)
{
  const char *shown;
  GtkWidget *row;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  drain ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (editor)));

  shown = carnet_editor_get_field_error (editor, field);
  if (shown == NULL)
    g_error ("no error on “%s”", field);
  if (strstr (shown, message) == NULL)
    g_error ("the error on “%s” is “%s”, not “%s”", field, shown, message);

  /* On the field, as the person sees it: marked, and the message under it. */
  row = find_child (GTK_WIDGET (editor), row_id);
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  g_assert_true (has_label (GTK_WIDGET (editor), shown));
}

static guint
count_records (Fixture          *fixture,
               CarnetRecordKind  kind)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) records = carnet_notebook_list (fixture->notebook, kind, NULL, NULL, &error);

  g_assert_no_error (error);
  return g_list_model_get_n_items (records);
}

static gpointer
get_record (Fixture          *fixture,
            CarnetRecordKind  kind,
            guint             position)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) records = carnet_notebook_list (fixture->notebook, kind, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (position, <, g_list_model_get_n_items (records));
  return g_list_model_get_item (records, position);
}

static void
assert_time (GDateTime  *time,
             const char *expected)
{
  g_autofree char *iso = NULL;

  g_assert_nonnull (time);
  iso = carnet_time_format_iso (time);
  g_assert_cmpstr (iso, ==, expected);
}

/* The core keeps rules as libical writes them. */
static void
assert_rule (const char *rule,
             const char *expected)
{
  g_autofree char *normalized = carnet_recurrence_normalize (expected);

  g_assert_cmpstr (rule, ==, normalized);
}

static gint64
add_appointment (Fixture               *fixture,
                 const char            *title,
                 CarnetAppointmentKind  kind,
                 int                    month,
                 int                    day)
{
  g_autoptr(CarnetAppointment) appointment = carnet_appointment_new ();
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Paris");
  g_autoptr(GDateTime) start = g_date_time_new (tz, 2026, month, day, 9, 0, 0);
  g_autoptr(GError) error = NULL;

  carnet_appointment_set_title (appointment, title);
  carnet_appointment_set_kind (appointment, kind);
  carnet_appointment_set_start (appointment, start);
  carnet_notebook_add (fixture->notebook, CARNET_RECORD (appointment), &error);
  g_assert_no_error (error);

  return carnet_record_get_id (CARNET_RECORD (appointment));
}

/* Tests */

static void
test_input (void)
{
  GDate date;
  int hour;
  int minute;
  double value;

  g_assert_true (carnet_input_parse_date ("2026-12-03", &date));
  g_assert_cmpuint (g_date_get_day (&date), ==, 3);
  g_assert_cmpuint (g_date_get_month (&date), ==, 12);
  g_assert_true (carnet_input_parse_date ("  Thursday, December 3, 2026 ", &date));
  g_assert_cmpuint (g_date_get_day (&date), ==, 3);
  g_assert_false (carnet_input_parse_date ("", &date));
  g_assert_false (carnet_input_parse_date ("soon", &date));
  g_assert_false (carnet_input_parse_date ("2026-02-31", &date));
  g_assert_false (carnet_input_parse_date ("3/12", &date));

  {
    g_autofree char *text = NULL;

    g_date_clear (&date, 1);
    g_date_set_dmy (&date, 3, 12, 2026);
    text = carnet_input_format_date (&date);
    g_assert_cmpstr (text, ==, "Thursday, December 3, 2026");
  }

  g_assert_true (carnet_input_parse_time ("08:30", &hour, &minute));
  g_assert_cmpint (hour, ==, 8);
  g_assert_cmpint (minute, ==, 30);
  g_assert_true (carnet_input_parse_time ("8h30", &hour, &minute));
  g_assert_cmpint (hour * 60 + minute, ==, 8 * 60 + 30);
  g_assert_true (carnet_input_parse_time ("0830", &hour, &minute));
  g_assert_cmpint (hour * 60 + minute, ==, 8 * 60 + 30);
  g_assert_true (carnet_input_parse_time ("14", &hour, &minute));
  g_assert_cmpint (hour * 60 + minute, ==, 14 * 60);
  g_assert_true (carnet_input_parse_time ("2:15 pm", &hour, &minute));
  g_assert_cmpint (hour * 60 + minute, ==, 14 * 60 + 15);
  g_assert_true (carnet_input_parse_time ("12 am", &hour, &minute));
  g_assert_cmpint (hour * 60 + minute, ==, 0);
  g_assert_false (carnet_input_parse_time ("25:00", &hour, &minute));
  g_assert_false (carnet_input_parse_time ("8:3", &hour, &minute));
  g_assert_false (carnet_input_parse_time ("noon", &hour, &minute));
  g_assert_false (carnet_input_parse_time ("", &hour, &minute));

  g_assert_true (carnet_input_parse_number ("4,5", &value));
  g_assert_cmpfloat (value, ==, 4.5);
  g_assert_true (carnet_input_parse_number ("1 200.25", &value));
  g_assert_cmpfloat (value, ==, 1200.25);
  g_assert_true (carnet_input_parse_number ("-0.5", &value));
  g_assert_cmpfloat (value, ==, -0.5);
  g_assert_false (carnet_input_parse_number ("abc", &value));
  g_assert_false (carnet_input_parse_number ("4.5 g", &value));
  g_assert_false (carnet_input_parse_number ("inf", &value));
  g_assert_false (carnet_input_parse_number ("", &value));
}

static void
check_repeat (const char         *rule,
              CarnetRepeatPreset  preset,
              CarnetRepeatEnd     end,
              guint               count,
              const char         *back)
{
  g_auto(CarnetRepeat) repeat = { 0, };
  g_autofree char *written = NULL;

  carnet_repeat_init_from_rule (&repeat, rule);
  g_assert_cmpint (repeat.preset, ==, preset);
  if (preset != CARNET_REPEAT_NONE && preset != CARNET_REPEAT_CUSTOM)
    {
      g_assert_cmpint (repeat.end, ==, end);
      if (end == CARNET_REPEAT_END_COUNT)
        g_assert_cmpuint (repeat.count, ==, count);
    }

  written = carnet_repeat_to_rule (&repeat);
  g_assert_cmpstr (written, ==, back);
}

static void
test_repeat (void)
{
  check_repeat (NULL, CARNET_REPEAT_NONE, 0, 0, NULL);
  check_repeat ("FREQ=MONTHLY;INTERVAL=6;COUNT=10", CARNET_REPEAT_6_MONTHS,
                CARNET_REPEAT_END_COUNT, 10, "FREQ=MONTHLY;INTERVAL=6;COUNT=10");
  check_repeat ("FREQ=MONTHLY;INTERVAL=3;UNTIL=20270601", CARNET_REPEAT_3_MONTHS,
                CARNET_REPEAT_END_UNTIL, 0, "FREQ=MONTHLY;INTERVAL=3;UNTIL=20270601");
  check_repeat ("FREQ=YEARLY;COUNT=5", CARNET_REPEAT_12_MONTHS,
                CARNET_REPEAT_END_COUNT, 5, "FREQ=YEARLY;COUNT=5");
  check_repeat ("FREQ=MONTHLY;INTERVAL=12", CARNET_REPEAT_12_MONTHS,
                CARNET_REPEAT_END_NEVER, 0, "FREQ=YEARLY");
  /* Anything else is kept as it was written. */
  check_repeat ("FREQ=WEEKLY;INTERVAL=3;UNTIL=20270601", CARNET_REPEAT_CUSTOM, 0, 0,
                "FREQ=WEEKLY;INTERVAL=3;UNTIL=20270601");
  check_repeat ("FREQ=MONTHLY;INTERVAL=6;BYDAY=MO", CARNET_REPEAT_CUSTOM, 0, 0,
                "FREQ=MONTHLY;INTERVAL=6;BYDAY=MO");
}

static void
test_add_appointment (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(CarnetAppointment) appointment = NULL;
  CarnetEditor *editor;

  editor = open_new_editor (fixture, "appointment");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (editor)), ==, "New Appointment");
  /* The notebook's usual reminders are there already. */
  g_assert_cmpstr (adw_expander_row_get_subtitle (find_child (GTK_WIDGET (editor), "reminders_row")),
                   ==, "1 day before, 2 hours before");

  set_text (editor, "title_row", "Scanner thoraco-abdominal");
  select_item (editor, "kind_row", CARNET_APPOINTMENT_IMAGING);
  g_assert_cmpstr (selected_label (editor, "kind_row"), ==, "Imaging");
  set_text (editor, "date_row", "2026-12-03");
  set_text (editor, "time_row", "8h30");
  gtk_spin_button_set_value (find_child (GTK_WIDGET (editor), "duration_spin"), 45);
  set_text (editor, "location_row", "Centre d’imagerie, 2e étage");
  set_text (editor, "with_row", "Dr Lefèvre");
  set_text (editor, "notes_view", "À jeun.\nApporter les anciens clichés.");
  carnet_reminders_row_set_offsets (find_child (GTK_WIDGET (editor), "reminders_row"), "7d,1d");
  select_item (editor, "repeat_row", CARNET_REPEAT_6_MONTHS);
  g_assert_true (gtk_widget_get_visible (find_child (GTK_WIDGET (editor), "repeat_count_row")));
  g_assert_false (gtk_widget_get_visible (find_child (GTK_WIDGET (editor), "repeat_rule_row")));
  gtk_spin_button_set_value (find_child (GTK_WIDGET (editor), "repeat_count_spin"), 4);
  save (editor);

  g_assert_cmpuint (count_records (fixture, CARNET_RECORD_APPOINTMENT), ==, 1);
  appointment = get_record (fixture, CARNET_RECORD_APPOINTMENT, 0);
  g_assert_cmpstr (carnet_appointment_get_title (appointment), ==, "Scanner thoraco-abdominal");
  g_assert_cmpint (carnet_appointment_get_kind (appointment), ==, CARNET_APPOINTMENT_IMAGING);
  assert_time (carnet_appointment_get_start (appointment), "2026-12-03T08:30:00+01:00");
  g_assert_false (carnet_appointment_get_all_day (appointment));
  g_assert_cmpuint (carnet_appointment_get_duration (appointment), ==, 45);
  g_assert_cmpstr (carnet_appointment_get_location (appointment), ==, "Centre d’imagerie, 2e étage");
  g_assert_cmpstr (carnet_appointment_get_practitioner (appointment), ==, "Dr Lefèvre");
  g_assert_cmpstr (carnet_appointment_get_notes (appointment), ==, "À jeun.\nApporter les anciens clichés.");
  g_assert_cmpstr (carnet_appointment_get_reminders (appointment), ==, "1d,7d");
  assert_rule (carnet_appointment_get_repeat (appointment), "FREQ=MONTHLY;INTERVAL=6;COUNT=4");
  g_assert_cmpint (carnet_appointment_get_status (appointment), ==, CARNET_STATUS_PLANNED);
}

static void
test_appointment_all_day_until (Fixture       *fixture,
                                gconstpointer  user_data)
{
  g_autoptr(CarnetAppointment) appointment = NULL;
  CarnetEditor *editor;

  editor = open_new_editor (fixture, "appointment");
  set_text (editor, "title_row", "Mammographie");
  set_text (editor, "date_row", "December 14, 2026");
  gtk_switch_set_active (find_child (GTK_WIDGET (editor), "all_day_switch"), TRUE);
  drain ();
  g_assert_false (gtk_widget_get_visible (find_child (GTK_WIDGET (editor), "time_row")));
  select_item (editor, "repeat_row", CARNET_REPEAT_12_MONTHS);
  select_item (editor, "repeat_end_row", CARNET_REPEAT_END_UNTIL);

  /* "Until a date" wants the date. */
  save_refused (editor, "repeat_until", "repeat_until_row", "Last Date: is required");
  g_assert_cmpuint (count_records (fixture, CARNET_RECORD_APPOINTMENT), ==, 0);

  set_text (editor, "repeat_until_row", "2030-12-31");
  save (editor);

  appointment = get_record (fixture, CARNET_RECORD_APPOINTMENT, 0);
  g_assert_true (carnet_appointment_get_all_day (appointment));
  assert_time (carnet_appointment_get_start (appointment), "2026-12-14T00:00:00+01:00");
  assert_rule (carnet_appointment_get_repeat (appointment), "FREQ=YEARLY;UNTIL=20301231");
}

static void
test_appointment_refused (Fixture       *fixture,
                          gconstpointer  user_data)
{
  CarnetEditor *editor;

  editor = open_new_editor (fixture, "appointment");

  /* Nothing typed: the title comes first. */
  save_refused (editor, "title", "title_row", "Title: is required");
  g_assert_true (gtk_widget_has_focus (gtk_root_get_focus (GTK_ROOT (editor))));

  set_text (editor, "title_row", "Bilan sanguin");
  save_refused (editor, "start", "date_row", "Date: is required");
  /* The previous message went away. */
  g_assert_null (carnet_editor_get_field_error (editor, "title"));
  g_assert_false (gtk_widget_has_css_class (find_child (GTK_WIDGET (editor), "title_row"), "error"));

  set_text (editor, "date_row", "31/02/2026");
  save_refused (editor, "start", "date_row", "“31/02/2026” is not a date");
  /* What was typed stays as typed. */
  g_assert_cmpstr (get_text (editor, "date_row"), ==, "31/02/2026");
  g_assert_cmpstr (get_text (editor, "title_row"), ==, "Bilan sanguin");

  set_text (editor, "date_row", "2026-12-01");
  save_refused (editor, "time", "time_row", "is required");
  set_text (editor, "time_row", "25:61");
  save_refused (editor, "time", "time_row", "“25:61” is not a time");

  set_text (editor, "time_row", "07:45");
  carnet_reminders_row_set_offsets (find_child (GTK_WIDGET (editor), "reminders_row"), "");
  gtk_editable_set_text (GTK_EDITABLE (carnet_reminders_row_get_custom_row (find_child (GTK_WIDGET (editor), "reminders_row"))),
                         "3 days");
  g_assert_true (g_strcmp0 (carnet_editor_get_field_error (editor, "remind"), NULL) == 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  drain ();
  g_assert_nonnull (strstr (carnet_editor_get_field_error (editor, "remind"), "“3 days” is not a reminder offset"));
  /* The reminders were folded away: the error opens them. */
  g_assert_true (adw_expander_row_get_expanded (find_child (GTK_WIDGET (editor), "reminders_row")));
  gtk_editable_set_text (GTK_EDITABLE (carnet_reminders_row_get_custom_row (find_child (GTK_WIDGET (editor), "reminders_row"))),
                         "3d");

  select_item (editor, "repeat_row", CARNET_REPEAT_CUSTOM);
  set_text (editor, "repeat_rule_row", "EVERY=SOMETIMES");
  save_refused (editor, "repeat", "repeat_rule_row", "Repeat: ");

  /* Still nothing written. */
  g_assert_cmpuint (count_records (fixture, CARNET_RECORD_APPOINTMENT), ==, 0);

  set_text (editor, "repeat_rule_row", "FREQ=WEEKLY;INTERVAL=3;UNTIL=20270601");
  save (editor);

  g_assert_cmpuint (count_records (fixture, CARNET_RECORD_APPOINTMENT), ==, 1);
  {
    g_autoptr(CarnetAppointment) appointment = get_record (fixture, CARNET_RECORD_APPOINTMENT, 0);

    g_assert_cmpstr (carnet_appointment_get_reminders (appointment), ==, "3d");
    assert_rule (carnet_appointment_get_repeat (appointment), "FREQ=WEEKLY;INTERVAL=3;UNTIL=20270601");
    assert_time (carnet_appointment_get_start (appointment), "2026-12-01T07:45:00+01:00");
  }
}

static void
test_edit_appointment (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(CarnetAppointment) appointment = NULL;
  g_autoptr(GError) error = NULL;
  CarnetEditor *editor;
  gint64 id;

  id = add_appointment (fixture, "Consultation d’oncologie", CARNET_APPOINTMENT_CONSULTATION, 12, 14);
  appointment = CARNET_APPOINTMENT (carnet_notebook_get (fixture->notebook, CARNET_RECORD_APPOINTMENT, id, &error));
  g_assert_no_error (error);
  carnet_appointment_set_repeat (appointment, "FREQ=MONTHLY;INTERVAL=3;COUNT=8");
  carnet_appointment_set_reminders (appointment, "2h,1d,30m", &error);
  g_assert_no_error (error);
  carnet_notebook_update (fixture->notebook, CARNET_RECORD (appointment), &error);
  g_assert_no_error (error);
  g_clear_object (&appointment);

  activate (fixture, "record.edit", g_variant_new ("(sx)", "appointment", id));
  editor = g_object_ref (find_toplevel (CARNET_TYPE_EDITOR));
  g_assert_false (carnet_editor_is_new (editor));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (editor)), ==, "Edit Appointment");

  /* The fields show the record. */
  g_assert_cmpstr (get_text (editor, "title_row"), ==, "Consultation d’oncologie");
  g_assert_cmpstr (get_text (editor, "date_row"), ==, "Monday, December 14, 2026");
  g_assert_cmpstr (get_text (editor, "time_row"), ==, "09:00");
  g_assert_cmpstr (selected_label (editor, "repeat_row"), ==, "Every 3 months");
  g_assert_cmpint (gtk_spin_button_get_value_as_int (find_child (GTK_WIDGET (editor), "repeat_count_spin")), ==, 8);
  g_assert_cmpstr (adw_expander_row_get_subtitle (find_child (GTK_WIDGET (editor), "reminders_row")),
                   ==, "1 day before, 2 hours before, 30 minutes before");
  g_assert_true (gtk_widget_get_visible (find_child (GTK_WIDGET (editor), "status_row")));

  set_text (editor, "time_row", "10:30");
  select_item (editor, "status_row", CARNET_STATUS_CANCELLED);
  save (editor);

  g_assert_cmpuint (count_records (fixture, CARNET_RECORD_APPOINTMENT), ==, 1);
  appointment = CARNET_APPOINTMENT (carnet_notebook_get (fixture->notebook, CARNET_RECORD_APPOINTMENT, id, &error));
  g_assert_no_error (error);
  assert_time (carnet_appointment_get_start (appointment), "2026-12-14T10:30:00+01:00");
  g_assert_cmpint (carnet_appointment_get_status (appointment), ==, CARNET_STATUS_CANCELLED);
  g_assert_cmpstr (carnet_appointment_get_reminders (appointment), ==, "30m,2h,1d");
  assert_rule (carnet_appointment_get_repeat (appointment), "FREQ=MONTHLY;INTERVAL=3;COUNT=8");
}

static void
test_cancel (Fixture       *fixture,
             gconstpointer  user_data)
{
  CarnetEditor *editor;

  editor = open_new_editor (fixture, "question");
  set_text (editor, "text_row", "Peut-on décaler la cure ?");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.cancel", NULL));
  drain ();
  g_assert_finalize_object (editor);

  g_assert_cmpuint (count_records (fixture, CARNET_RECORD_QUESTION), ==, 0);
}

static void
test_add_result_value (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(CarnetResult) result = NULL;
  CarnetEditor *editor;

  editor = open_new_editor (fixture, "result");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (editor)), ==, "New Result");
  /* Dated today. */
  g_assert_cmpstr (get_text (editor, "date_row"), ==, "Saturday, November 28, 2026");
  g_assert_false (gtk_widget_get_visible (find_child (GTK_WIDGET (editor), "report_group")));

  set_text (editor, "name_row", "Hémoglobine");
  set_text (editor, "value_row", "abc");
  save_refused (editor, "value", "value_row", "“abc” is not a number");
  set_text (editor, "value_row", "");
  save_refused (editor, "value", "value_row", "is required");
  set_text (editor, "value_row", "11,2");
  set_text (editor, "unit_row", "g/dL");
  set_text (editor, "low_row", "12");
  set_text (editor, "high_row", "8");
  save_refused (editor, "high", "high_row", "must not be below the low limit");
  g_assert_cmpuint (count_records (fixture, CARNET_RECORD_RESULT), ==, 0);

  set_text (editor, "high_row", "16");
  set_text (editor, "time_row", "07:15");
  save (editor);

  result = get_record (fixture, CARNET_RECORD_RESULT, 0);
  g_assert_cmpstr (carnet_result_get_name (result), ==, "Hémoglobine");
  g_assert_cmpfloat (carnet_result_get_value (result), ==, 11.2);
  g_assert_cmpstr (carnet_result_get_unit (result), ==, "g/dL");
  g_assert_cmpfloat (carnet_result_get_low (result), ==, 12);
  g_assert_cmpfloat (carnet_result_get_high (result), ==, 16);
  g_assert_cmpint (carnet_result_get_flag (result), ==, CARNET_FLAG_LOW);
  g_assert_null (carnet_result_get_text (result));
  assert_time (carnet_result_get_at (result), "2026-11-28T07:15:00+01:00");
}

static void
on_saved_cb (CarnetEditor *editor,
             CarnetRecord *record,
             gint64       *out_id)
{
  *out_id = carnet_record_get_id (record);
}

static void
test_add_result_report (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(CarnetResult) result = NULL;
  g_autoptr(GBytes) data = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *report = g_build_filename (fixture->dir, "compte-rendu.pdf", NULL);
  g_autofree char *name = NULL;
  CarnetEditor *editor;
  gint64 exam;
  gint64 id = 0;

  exam = add_appointment (fixture, "IRM mammaire", CARNET_APPOINTMENT_IMAGING, 11, 20);
  g_file_set_contents (report, "%PDF-1.4 a report", -1, &error);
  g_assert_no_error (error);

  editor = open_new_editor (fixture, "result");
  set_text (editor, "name_row", "IRM mammaire");
  select_item (editor, "type_row", 1);
  g_assert_true (gtk_widget_get_visible (find_child (GTK_WIDGET (editor), "report_group")));
  g_assert_false (gtk_widget_get_visible (find_child (GTK_WIDGET (editor), "value_row")));
  save_refused (editor, "text", "text_row", "is required");

  set_text (editor, "text_view", "Pas de lésion suspecte. ACR 2.");
  /* The exam of last week is offered, the latest first. */
  g_assert_cmpstr (selected_label (editor, "exam_row"), ==, "None");
  select_item (editor, "exam_row", 1);
  g_assert_cmpstr (selected_label (editor, "exam_row"), ==, "IRM mammaire (Nov 20, 2026)");

  file = g_file_new_for_path (report);
  carnet_result_editor_attach_file (CARNET_RESULT_EDITOR (editor), file);
  while (g_strcmp0 (adw_action_row_get_subtitle (find_child (GTK_WIDGET (editor), "attachment_row")),
                    "compte-rendu.pdf") != 0)
    g_main_context_iteration (NULL, TRUE);

  g_signal_connect (editor, "saved", G_CALLBACK (on_saved_cb), &id);
  save (editor);
  g_assert_cmpint (id, >, 0);

  result = CARNET_RESULT (carnet_notebook_get (fixture->notebook, CARNET_RECORD_RESULT, id, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (carnet_result_get_text (result), ==, "Pas de lésion suspecte. ACR 2.");
  g_assert_false (carnet_result_has_value (result));
  g_assert_cmpint (carnet_result_get_appointment_id (result), ==, exam);
  g_assert_cmpstr (carnet_result_get_attachment_name (result), ==, "compte-rendu.pdf");
  data = carnet_notebook_dup_attachment (fixture->notebook, id, &name, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (name, ==, "compte-rendu.pdf");
  g_assert_cmpmem (g_bytes_get_data (data, NULL), g_bytes_get_size (data), "%PDF-1.4 a report", 17);

  /* Editing keeps the file; removing it takes it off. */
  activate (fixture, "record.edit", g_variant_new ("(sx)", "result", id));
  editor = g_object_ref (find_toplevel (CARNET_TYPE_EDITOR));
  g_assert_cmpstr (selected_label (editor, "type_row"), ==, "A text report");
  g_assert_cmpstr (adw_action_row_get_subtitle (find_child (GTK_WIDGET (editor), "attachment_row")),
                   ==, "compte-rendu.pdf");
  set_text (editor, "notes_view", "Revu avec l’oncologue.");
  save (editor);
  g_clear_object (&result);
  result = CARNET_RESULT (carnet_notebook_get (fixture->notebook, CARNET_RECORD_RESULT, id, &error));
  g_assert_cmpstr (carnet_result_get_attachment_name (result), ==, "compte-rendu.pdf");
  g_assert_cmpstr (carnet_result_get_notes (result), ==, "Revu avec l’oncologue.");

  activate (fixture, "record.edit", g_variant_new ("(sx)", "result", id));
  editor = g_object_ref (find_toplevel (CARNET_TYPE_EDITOR));
  g_signal_emit_by_name (find_child (GTK_WIDGET (editor), "remove_button"), "clicked");
  g_assert_cmpstr (adw_action_row_get_subtitle (find_child (GTK_WIDGET (editor), "attachment_row")), ==, "No file");
  save (editor);
  g_clear_object (&result);
  result = CARNET_RESULT (carnet_notebook_get (fixture->notebook, CARNET_RECORD_RESULT, id, &error));
  g_assert_null (carnet_result_get_attachment_name (result));
}

/* The choices of a combo row, joined by "|". */
static char *
combo_labels (CarnetEditor *editor,
              const char   *id)
{
  AdwComboRow *row = find_child (GTK_WIDGET (editor), id);
  GListModel *model = adw_combo_row_get_model (row);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) labels = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      g_strv_builder_add (builder, gtk_string_object_get_string (item));
    }
  labels = g_strv_builder_end (builder);

  return g_strjoinv ("|", labels);
}

/* The exams offered for a result are those around its date: today's for a
 * new one, its own for one entered long after. */
static void
test_result_exams (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Paris");
  g_autoptr(GDateTime) at = g_date_time_new (tz, 2026, 3, 5, 0, 0, 0);
  g_autoptr(CarnetResult) old = carnet_result_new ();
  g_autoptr(CarnetResult) tied = carnet_result_new ();
  g_autoptr(GDateTime) consulted = g_date_time_new (tz, 2026, 11, 21, 10, 0, 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *labels = NULL;
  CarnetEditor *editor;
  gint64 consultation;

  add_appointment (fixture, "IRM pelvienne", CARNET_APPOINTMENT_IMAGING, 3, 3);
  add_appointment (fixture, "Prise de sang", CARNET_APPOINTMENT_BLOOD_TEST, 11, 20);
  /* Neither is an exam: they are not offered. */
  consultation = add_appointment (fixture, "Oncologue", CARNET_APPOINTMENT_CONSULTATION, 11, 21);
  add_appointment (fixture, "Chimiothérapie", CARNET_APPOINTMENT_TREATMENT, 11, 22);
  add_appointment (fixture, "Anatomopathologie", CARNET_APPOINTMENT_SURGERY, 11, 10);

  editor = open_new_editor (fixture, "result");
  labels = combo_labels (editor, "exam_row");
  g_assert_cmpstr (labels, ==, "None|Prise de sang (Nov 20, 2026)|Anatomopathologie (Nov 10, 2026)");
  gtk_window_close (GTK_WINDOW (editor));
  drain ();
  g_assert_finalize_object (editor);

  carnet_result_set_name (old, "Compte rendu d’IRM");
  carnet_result_set_text (old, "Pas d’anomalie.");
  carnet_result_set_at (old, at);
  carnet_notebook_add (fixture->notebook, CARNET_RECORD (old), &error);
  g_assert_no_error (error);

  activate (fixture, "record.edit",
            g_variant_new ("(sx)", "result", carnet_record_get_id (CARNET_RECORD (old))));
  editor = g_object_ref (find_toplevel (CARNET_TYPE_EDITOR));
  g_clear_pointer (&labels, g_free);
  labels = combo_labels (editor, "exam_row");
  g_assert_cmpstr (labels, ==, "None|IRM pelvienne (Mar 3, 2026)");
  gtk_window_close (GTK_WINDOW (editor));
  drain ();
  g_assert_finalize_object (editor);

  /* A result tied to a consultation (from another program, or before the
   * kinds were told apart) keeps it, selected. */
  carnet_result_set_appointment_id (tied, consultation);
  carnet_result_set_name (tied, "CA 15-3");
  carnet_result_set_value (tied, 21.0);
  carnet_result_set_at (tied, consulted);
  carnet_notebook_add (fixture->notebook, CARNET_RECORD (tied), &error);
  g_assert_no_error (error);

  activate (fixture, "record.edit",
            g_variant_new ("(sx)", "result", carnet_record_get_id (CARNET_RECORD (tied))));
  editor = g_object_ref (find_toplevel (CARNET_TYPE_EDITOR));
  g_clear_pointer (&labels, g_free);
  labels = combo_labels (editor, "exam_row");
  g_assert_cmpstr (labels, ==, "None|Oncologue (Nov 21, 2026)|Prise de sang (Nov 20, 2026)"
                               "|Anatomopathologie (Nov 10, 2026)");
  g_assert_cmpstr (selected_label (editor, "exam_row"), ==, "Oncologue (Nov 21, 2026)");
  gtk_window_close (GTK_WINDOW (editor));
  drain ();
  g_assert_finalize_object (editor);
}

static GPtrArray *
severity_checks (CarnetEditor *editor)
{
  GPtrArray *checks = g_ptr_array_new ();

  collect_widgets (find_child (GTK_WIDGET (editor), "severity_group"), GTK_TYPE_CHECK_BUTTON, checks);
  g_assert_cmpuint (checks->len, ==, 5);
  return checks;
}

static void
test_add_side_effect (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(CarnetSideEffect) side_effect = NULL;
  g_autoptr(CarnetTreatment) treatment = carnet_treatment_new ();
  g_autoptr(GPtrArray) checks = NULL;
  g_autoptr(GError) error = NULL;
  CarnetEditor *editor;
  GDate start;

  /* A chemotherapy going on: a side effect is tied to it unless said otherwise. */
  g_date_clear (&start, 1);
  g_date_set_dmy (&start, 2, 11, 2026);
  carnet_treatment_set_name (treatment, "FEC 100");
  carnet_treatment_set_kind (treatment, CARNET_TREATMENT_CHEMOTHERAPY);
  carnet_treatment_set_start (treatment, &start);
  carnet_treatment_set_cycle_days (treatment, 21);
  carnet_treatment_set_cycles (treatment, 6);
  carnet_notebook_add (fixture->notebook, CARNET_RECORD (treatment), &error);
  g_assert_no_error (error);

  editor = open_new_editor (fixture, "side-effect");
  g_assert_cmpstr (selected_label (editor, "treatment_row"), ==, "FEC 100 (Nov 2, 2026)");
  checks = severity_checks (editor);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (gtk_widget_get_ancestor (g_ptr_array_index (checks, 3), ADW_TYPE_ACTION_ROW))),
                   ==, "3 — Severe");

  save_refused (editor, "symptom", "symptom_row", "Symptom: is required");

  /* Chosen among the common symptoms. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "side-effect.symptom", "s", "Nausea"));
  g_assert_cmpstr (get_text (editor, "symptom_row"), ==, "Nausea");

  /* The severity is the person's to choose: none is chosen for them. */
  for (guint i = 0; i < checks->len; i++)
    g_assert_false (gtk_check_button_get_active (g_ptr_array_index (checks, i)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  drain ();
  g_assert_cmpstr (carnet_editor_get_field_error (editor, "severity"), ==, "Severity: is required");
  g_assert_true (has_label (GTK_WIDGET (editor), "Severity: is required"));

  gtk_check_button_set_active (g_ptr_array_index (checks, 2), TRUE);
  set_text (editor, "at_row", "2026-11-25");
  set_text (editor, "until_row", "2026-11-20");
  save_refused (editor, "until", "until_row", "must not be before the onset");
  g_assert_cmpuint (count_records (fixture, CARNET_RECORD_SIDE_EFFECT), ==, 0);

  set_text (editor, "until_row", "");
  set_text (editor, "notes_view", "Surtout le matin.");
  save (editor);

  side_effect = get_record (fixture, CARNET_RECORD_SIDE_EFFECT, 0);
  g_assert_cmpstr (carnet_side_effect_get_symptom (side_effect), ==, "Nausea");
  g_assert_cmpint (carnet_side_effect_get_severity (side_effect), ==, 2);
  assert_time (carnet_side_effect_get_at (side_effect), "2026-11-25T00:00:00+01:00");
  g_assert_null (carnet_side_effect_get_until (side_effect));
  g_assert_cmpint (carnet_side_effect_get_treatment_id (side_effect), ==,
                   carnet_record_get_id (CARNET_RECORD (treatment)));
  g_assert_cmpstr (carnet_side_effect_get_cycle (side_effect), ==, "C2 D3");
  g_assert_cmpstr (carnet_side_effect_get_notes (side_effect), ==, "Surtout le matin.");
}

static void
test_side_effect_keeps_time (Fixture       *fixture,
                             gconstpointer  user_data)
{
  g_autoptr(CarnetSideEffect) side_effect = carnet_side_effect_new ();
  g_autoptr(CarnetSideEffect) saved = NULL;
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Paris");
  g_autoptr(GDateTime) at = g_date_time_new (tz, 2026, 11, 26, 22, 10, 0);
  g_autoptr(GPtrArray) checks = NULL;
  g_autoptr(GError) error = NULL;
  CarnetEditor *editor;
  gint64 id;

  carnet_side_effect_set_symptom (side_effect, "Fever");
  carnet_side_effect_set_severity (side_effect, 3);
  carnet_side_effect_set_at (side_effect, at);
  carnet_notebook_add (fixture->notebook, CARNET_RECORD (side_effect), &error);
  g_assert_no_error (error);
  id = carnet_record_get_id (CARNET_RECORD (side_effect));

  activate (fixture, "record.edit", g_variant_new ("(sx)", "side-effect", id));
  editor = g_object_ref (find_toplevel (CARNET_TYPE_EDITOR));
  checks = severity_checks (editor);
  g_assert_true (gtk_check_button_get_active (g_ptr_array_index (checks, 3)));
  gtk_check_button_set_active (g_ptr_array_index (checks, 4), TRUE);
  set_text (editor, "until_row", "2026-11-28");
  save (editor);

  /* The onset's time of day (from carnet-cli) survives an edit of another field. */
  saved = CARNET_SIDE_EFFECT (carnet_notebook_get (fixture->notebook, CARNET_RECORD_SIDE_EFFECT, id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (carnet_side_effect_get_severity (saved), ==, 4);
  assert_time (carnet_side_effect_get_at (saved), "2026-11-26T22:10:00+01:00");
  assert_time (carnet_side_effect_get_until (saved), "2026-11-28T00:00:00+01:00");
}

static void
test_add_question (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(CarnetQuestion) question = NULL;
  CarnetEditor *editor;
  gint64 consultation;

  consultation = add_appointment (fixture, "Consultation d’oncologie", CARNET_APPOINTMENT_CONSULTATION, 12, 14);
  add_appointment (fixture, "Prise de sang", CARNET_APPOINTMENT_BLOOD_TEST, 12, 10);

  editor = open_new_editor (fixture, "question");
  g_assert_false (gtk_widget_get_visible (find_child (GTK_WIDGET (editor), "answer_group")));
  save_refused (editor, "text", "text_row", "Question: is required");

  set_text (editor, "text_row", "La fatigue est-elle normale ?");
  /* Only planned consultations are offered, after the next one. */
  g_assert_cmpstr (selected_label (editor, "consultation_row"), ==,
                   "Next consultation: Consultation d’oncologie (Dec 14, 2026)");
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (find_child (GTK_WIDGET (editor), "consultation_row"))), ==, 2);
  select_item (editor, "consultation_row", 1);
  select_item (editor, "author_row", CARNET_AUTHOR_CAREGIVER);
  save (editor);

  question = get_record (fixture, CARNET_RECORD_QUESTION, 0);
  g_assert_cmpstr (carnet_question_get_text (question), ==, "La fatigue est-elle normale ?");
  g_assert_cmpint (carnet_question_get_appointment_id (question), ==, consultation);
  g_assert_cmpint (carnet_question_get_author (question), ==, CARNET_AUTHOR_CAREGIVER);
  g_assert_cmpint (carnet_question_get_status (question), ==, CARNET_QUESTION_OPEN);
}

static void
test_answer (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autoptr(CarnetQuestion) question = carnet_question_new ();
  g_autoptr(CarnetQuestion) answered = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  GtkTextView *view;
  CarnetEditor *editor;
  gint64 id;

  carnet_question_set_text (question, "Combien de cures ?");
  carnet_notebook_add (fixture->notebook, CARNET_RECORD (question), &error);
  g_assert_no_error (error);
  id = carnet_record_get_id (CARNET_RECORD (question));

  /* Answered in the editor without an answer: refused on the answer. */
  activate (fixture, "record.edit", g_variant_new ("(sx)", "question", id));
  editor = g_object_ref (find_toplevel (CARNET_TYPE_EDITOR));
  g_assert_true (gtk_widget_get_visible (find_child (GTK_WIDGET (editor), "answer_group")));
  select_item (editor, "status_row", CARNET_QUESTION_ANSWERED);
  save_refused (editor, "answer", "answer_row", "is required when the question is answered");
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.cancel", NULL);
  drain ();
  g_assert_finalize_object (editor);

  /* The answer dialog: Save waits for an answer. */
  activate (fixture, "record.answer", g_variant_new_int64 (id));
  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==, "Combien de cures ?");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "save"));
  view = GTK_TEXT_VIEW (gtk_frame_get_child (GTK_FRAME (adw_message_dialog_get_extra_child (dialog))));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), "Six cures, toutes les 3 semaines.", -1);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "save"));
  adw_message_dialog_response (dialog, "save");
  drain ();

  answered = CARNET_QUESTION (carnet_notebook_get (fixture->notebook, CARNET_RECORD_QUESTION, id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (carnet_question_get_status (answered), ==, CARNET_QUESTION_ANSWERED);
  g_assert_cmpstr (carnet_question_get_answer (answered), ==, "Six cures, toutes les 3 semaines.");
}

static void
test_add_treatment (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(CarnetTreatment) treatment = NULL;
  CarnetEditor *editor;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;

  editor = open_new_editor (fixture, "treatment");
  set_text (editor, "name_row", "Paclitaxel");
  select_item (editor, "kind_row", CARNET_TREATMENT_CHEMOTHERAPY);
  save_refused (editor, "start", "start_row", "First Day: is required");

  set_text (editor, "start_row", "2026-12-01");
  set_text (editor, "end_row", "2026-11-01");
  save_refused (editor, "end", "end_row", "must not be before the start (2026-12-01)");

  set_text (editor, "end_row", "2027-02-23");
  adw_expander_row_set_enable_expansion (find_child (GTK_WIDGET (editor), "cycles_expander"), TRUE);
  gtk_spin_button_set_value (find_child (GTK_WIDGET (editor), "cycle_days_spin"), 7);
  gtk_spin_button_set_value (find_child (GTK_WIDGET (editor), "cycles_spin"), 12);
  save (editor);

  treatment = get_record (fixture, CARNET_RECORD_TREATMENT, 0);
  g_assert_cmpstr (carnet_treatment_get_name (treatment), ==, "Paclitaxel");
  g_assert_cmpint (carnet_treatment_get_kind (treatment), ==, CARNET_TREATMENT_CHEMOTHERAPY);
  start = carnet_date_format_iso (carnet_treatment_get_start (treatment));
  end = carnet_date_format_iso (carnet_treatment_get_end (treatment));
  g_assert_cmpstr (start, ==, "2026-12-01");
  g_assert_cmpstr (end, ==, "2027-02-23");
  g_assert_cmpuint (carnet_treatment_get_cycle_days (treatment), ==, 7);
  g_assert_cmpuint (carnet_treatment_get_cycles (treatment), ==, 12);
}

static void
test_delete_undo (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  GtkButton *undo;
  gint64 id;

  id = add_appointment (fixture, "Prise de sang", CARNET_APPOINTMENT_BLOOD_TEST, 12, 10);

  activate (fixture, "record.delete", g_variant_new ("(sx)", "appointment", id));
  g_assert_cmpuint (count_records (fixture, CARNET_RECORD_APPOINTMENT), ==, 0);
  {
    g_autoptr(GListModel) trash = carnet_notebook_list_trash (fixture->notebook, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (trash), ==, 1);
  }

  /* The toast says what went, and its Undo brings it back. */
  g_assert_true (has_label (GTK_WIDGET (fixture->window), "“Prise de sang” moved to the trash"));
  undo = find_button (GTK_WIDGET (fixture->window), "_Undo");
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  drain ();

  g_assert_cmpuint (count_records (fixture, CARNET_RECORD_APPOINTMENT), ==, 1);

  /* Restoring from the Trash page goes through the same action. */
  activate (fixture, "record.delete", g_variant_new ("(sx)", "appointment", id));
  g_assert_cmpuint (count_records (fixture, CARNET_RECORD_APPOINTMENT), ==, 0);
  activate (fixture, "record.restore", g_variant_new ("(sx)", "appointment", id));
  g_assert_cmpuint (count_records (fixture, CARNET_RECORD_APPOINTMENT), ==, 1);
}

static CarnetStatus
occurrence_status (Fixture *fixture,
                   gint64   id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) agenda = carnet_notebook_agenda (fixture->notebook, NULL, NULL, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (agenda); i++)
    {
      g_autoptr(CarnetOccurrence) occurrence = g_list_model_get_item (agenda, i);

      if (carnet_record_get_id (CARNET_RECORD (carnet_occurrence_get_appointment (occurrence))) == id)
        return carnet_occurrence_get_status (occurrence);
    }

  g_assert_not_reached ();
}

static void
test_mark_done (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Paris");
  g_autoptr(GDateTime) start = g_date_time_new (tz, 2026, 11, 20, 9, 0, 0);
  g_autoptr(CarnetResult) result = NULL;
  AdwMessageDialog *dialog;
  CarnetEditor *editor;
  gint64 id;

  id = add_appointment (fixture, "Scanner thoracique", CARNET_APPOINTMENT_IMAGING, 11, 20);

  activate (fixture, "record.mark-done", g_variant_new ("(xx)", id, g_date_time_to_unix (start)));
  g_assert_cmpint (occurrence_status (fixture, id), ==, CARNET_STATUS_DONE);

  /* An exam done: the person is invited to enter its result. */
  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Enter the Result?");
  adw_message_dialog_response (dialog, "enter");
  drain ();

  editor = g_object_ref (find_toplevel (CARNET_TYPE_EDITOR));
  g_assert_true (carnet_editor_is_new (editor));
  g_assert_cmpstr (selected_label (editor, "exam_row"), ==, "Scanner thoracique (Nov 20, 2026)");
  g_assert_cmpstr (get_text (editor, "name_row"), ==, "Scanner thoracique");
  g_assert_cmpstr (get_text (editor, "date_row"), ==, "Friday, November 20, 2026");
  g_assert_cmpstr (selected_label (editor, "type_row"), ==, "A text report");
  set_text (editor, "text_view", "Pas d’anomalie.");
  save (editor);

  result = get_record (fixture, CARNET_RECORD_RESULT, 0);
  g_assert_cmpint (carnet_result_get_appointment_id (result), ==, id);
  assert_time (carnet_result_get_at (result), "2026-11-20T09:00:00+01:00");

  /* Undo of "done" plans it again. */
  activate (fixture, "record.mark-planned", g_variant_new ("(xx)", id, g_date_time_to_unix (start)));
  g_assert_cmpint (occurrence_status (fixture, id), ==, CARNET_STATUS_PLANNED);
}

static void
test_preferences (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  CarnetRemindersRow *row;
  GtkWindow *preferences;

  preferences = g_object_ref (carnet_preferences_window_present (fixture->window));
  drain ();

  row = find_child (GTK_WIDGET (preferences), "reminders_row");
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), ==, "1 day before, 2 hours before");

  /* Other offsets, applied with Enter (the apply button). */
  gtk_editable_set_text (GTK_EDITABLE (carnet_reminders_row_get_custom_row (row)), "3d");
  g_signal_emit_by_name (carnet_reminders_row_get_custom_row (row), "apply");
  g_assert_cmpstr (carnet_notebook_get_default_reminders (fixture->notebook), ==, "2h,1d,3d");

  /* Refused ones change nothing. */
  gtk_editable_set_text (GTK_EDITABLE (carnet_reminders_row_get_custom_row (row)), "3 jours");
  g_signal_emit_by_name (carnet_reminders_row_get_custom_row (row), "apply");
  g_assert_cmpstr (carnet_notebook_get_default_reminders (fixture->notebook), ==, "2h,1d,3d");
  g_assert_true (gtk_widget_has_css_class (carnet_reminders_row_get_custom_row (row), "error"));

  /* A new appointment gets them. */
  {
    CarnetEditor *editor = open_new_editor (fixture, "appointment");

    g_assert_cmpstr (adw_expander_row_get_subtitle (find_child (GTK_WIDGET (editor), "reminders_row")),
                     ==, "3 days before, 1 day before, 2 hours before");
    gtk_window_destroy (GTK_WINDOW (editor));
    drain ();
    g_assert_finalize_object (editor);
  }

  g_assert_false (g_settings_get_boolean (settings, "run-in-background"));
  gtk_switch_set_active (find_child (GTK_WIDGET (preferences), "background_switch"), TRUE);
  g_assert_true (g_settings_get_boolean (settings, "run-in-background"));
  gtk_spin_button_set_value (find_child (GTK_WIDGET (preferences), "snooze_spin"), 15);
  g_assert_cmpuint (g_settings_get_uint (settings, "snooze-minutes"), ==, 15);
  g_settings_reset (settings, "run-in-background");
  g_settings_reset (settings, "snooze-minutes");

  gtk_window_destroy (preferences);
  drain ();
  g_assert_finalize_object (preferences);
}

static void
test_notebooks (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *other = g_build_filename (fixture->dir, "papa.carnet", NULL);
  const char *known[] = { fixture->path, other, NULL };
  g_auto(GStrv) kept = NULL;
  g_autofree char *last = NULL;
  GtkWindow *dialog;

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(CarnetNotebook) notebook = carnet_notebook_open (other, CARNET_OPEN_FLAGS_CREATE,
                                                               fixture->clock, &error);

    g_assert_no_error (error);
    carnet_notebook_set_person (notebook, "Jean Martin", &error);
    g_assert_no_error (error);
    carnet_notebook_close (notebook);
  }

  g_settings_set_strv (settings, "notebooks", known);
  g_settings_set_string (settings, "last-notebook", other);

  /* The switcher names each notebook's person. */
  activate (fixture, "notebook.switch", NULL);
  dialog = find_toplevel (ADW_TYPE_WINDOW);
  g_assert_nonnull (dialog);
  g_object_ref (dialog);
  g_assert_cmpstr (gtk_window_get_title (dialog), ==, "Notebooks");
  g_assert_true (has_label (GTK_WIDGET (dialog), "Jean Martin"));
  g_assert_true (has_label (GTK_WIDGET (dialog), "notebook.carnet"));

  /* Forgetting takes it off the list (and off the one reopened), not off the disk. */
  activate (fixture, "notebook.forget", g_variant_new_string (other));
  kept = g_settings_get_strv (settings, "notebooks");
  g_assert_cmpstrv (kept, ((const char *[]) { fixture->path, NULL }));
  last = g_settings_get_string (settings, "last-notebook");
  g_assert_cmpstr (last, ==, fixture->path);
  g_assert_true (g_file_test (other, G_FILE_TEST_EXISTS));
  drain ();
  g_assert_false (has_label (GTK_WIDGET (dialog), "Jean Martin"));

  g_settings_reset (settings, "notebooks");
  g_settings_reset (settings, "last-notebook");
  gtk_window_destroy (dialog);
  drain ();
  g_assert_finalize_object (dialog);
}

/* The narrowest window GNOME asks apps to support. */
#define NARROWEST 360

static void
check_editors_fit (Fixture *fixture)
{
  const char *kinds[] = { "appointment", "result", "side-effect", "question", "treatment" };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      CarnetEditor *editor = open_new_editor (fixture, kinds[i]);
      GtkWidget *content = adw_window_get_content (ADW_WINDOW (editor));
      int min = 0;

      /* With an error shown, too. */
      gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
      drain ();
      gtk_widget_measure (content, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
      if (min > NARROWEST)
        g_error ("the %s editor needs %d px", kinds[i], min);

      gtk_window_destroy (GTK_WINDOW (editor));
      drain ();
      g_assert_finalize_object (editor);
    }
}

static void
test_narrow (Fixture       *fixture,
             gconstpointer  user_data)
{
  check_editors_fit (fixture);
}

static void
test_french (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autofree char *podir = g_build_filename (g_getenv ("CARNET_BUILD_ROOT"), "po", NULL);
  g_autofree char *mo = g_build_filename (podir, "fr", "LC_MESSAGES", "carnet.mo", NULL);
  g_autofree char *saved = g_strdup (setlocale (LC_ALL, NULL));
  g_autoptr(CarnetAppointment) appointment = NULL;
  CarnetEditor *editor;

  if (!g_file_test (mo, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("the French catalogue is not built");
      return;
    }
  if (setlocale (LC_ALL, "fr_FR.UTF-8") == NULL)
    {
      g_test_skip ("no fr_FR.UTF-8 locale (build-aux/deps.sh test makes it)");
      return;
    }
  bindtextdomain (GETTEXT_PACKAGE, podir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  editor = open_new_editor (fixture, "appointment");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (editor)), ==, "Nouveau rendez-vous");
  set_text (editor, "title_row", "Scanner");
  /* A date as a French person writes it, shown back in full. */
  set_text (editor, "date_row", "3/12/2026");
  set_text (editor, "time_row", "");
  save_refused (editor, "time", "time_row", "est obligatoire");
  set_text (editor, "time_row", "14h15");
  save (editor);

  appointment = get_record (fixture, CARNET_RECORD_APPOINTMENT, 0);
  assert_time (carnet_appointment_get_start (appointment), "2026-12-03T14:15:00+01:00");

  check_editors_fit (fixture);

  textdomain ("messages");
  setlocale (LC_ALL, saved);
}

int
main (int   argc,
      char *argv[])
{
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_print ("1..0 # SKIP no display (run the tests with build-aux/test)\n");
      return 0;
    }

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/gui/editors/input", test_input);
  g_test_add_func ("/gui/editors/repeat", test_repeat);

#define ADD(path, func) \
  g_test_add ((path), Fixture, NULL, fixture_set_up, (func), fixture_tear_down)

  ADD ("/gui/editors/add-appointment", test_add_appointment);
  ADD ("/gui/editors/appointment-all-day-until", test_appointment_all_day_until);
  ADD ("/gui/editors/appointment-refused", test_appointment_refused);
  ADD ("/gui/editors/edit-appointment", test_edit_appointment);
  ADD ("/gui/editors/cancel", test_cancel);
  ADD ("/gui/editors/add-result-value", test_add_result_value);
  ADD ("/gui/editors/add-result-report", test_add_result_report);
  ADD ("/gui/editors/result-exams", test_result_exams);
  ADD ("/gui/editors/add-side-effect", test_add_side_effect);
  ADD ("/gui/editors/side-effect-keeps-time", test_side_effect_keeps_time);
  ADD ("/gui/editors/add-question", test_add_question);
  ADD ("/gui/editors/answer", test_answer);
  ADD ("/gui/editors/add-treatment", test_add_treatment);
  ADD ("/gui/editors/delete-undo", test_delete_undo);
  ADD ("/gui/editors/mark-done", test_mark_done);
  ADD ("/gui/editors/preferences", test_preferences);
  ADD ("/gui/editors/notebooks", test_notebooks);
  ADD ("/gui/editors/narrow", test_narrow);
  ADD ("/gui/editors/narrow-french", test_french);

#undef ADD

  return g_test_run ();
}
