/* test-exchange.c: the "exchange" actions and the consultation sheet's preview
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "carnet-test"

#include "config.h"

#include <adwaita.h>
#include <libical/ical.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sys/stat.h>

#include "carnet.h"
#include "carnet-exchange-actions.h"
#include "carnet-sheet-preview.h"
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

static CarnetNotebook *
open_notebook (Fixture    *fixture,
               const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  CarnetNotebook *notebook;

  notebook = carnet_notebook_open (path, CARNET_OPEN_FLAGS_CREATE, fixture->clock, &error);
  g_assert_no_error (error);

  return notebook;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Paris");
  g_autoptr(GDateTime) now = g_date_time_new (tz, 2026, 11, 28, 10, 0, 0);

  fixture->dir = g_dir_make_tmp ("carnet-exchange-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "notebook.carnet", NULL);
  fixture->clock = carnet_clock_new_fixed (now);
  fixture->notebook = open_notebook (fixture, "notebook.carnet");
  if (user_data != NULL)
    {
      carnet_demo_populate (fixture->notebook, &error);
      g_assert_no_error (error);
    }

  fixture->window = g_object_ref_sink (carnet_window_new (NULL));
  carnet_window_set_notebook (fixture->window, fixture->notebook);
  gtk_window_present (GTK_WINDOW (fixture->window));
  drain ();
}

static void
close_dialogs (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) || CARNET_IS_SHEET_PREVIEW (l->data))
      gtk_window_destroy (l->data);
  drain ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  close_dialogs ();
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
  /* GTK 4.8 does not sink the parameter of a widget class action: own it. */
  g_autoptr(GVariant) owned = target != NULL ? g_variant_ref_sink (target) : NULL;

  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (fixture->window), action, owned));
  drain ();
}

/* The message dialog shown over the window, if one is. */
static AdwMessageDialog *
find_dialog (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;

  return NULL;
}

static CarnetSheetPreview *
find_preview (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (CARNET_IS_SHEET_PREVIEW (l->data))
      return l->data;

  return NULL;
}

static guint
count_records (CarnetNotebook *notebook)
{
  guint n = 0;

  for (guint kind = 0; kind < CARNET_N_RECORD_KINDS; kind++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GListModel) list = carnet_notebook_list (notebook, kind, NULL, NULL, &error);

      g_assert_no_error (error);
      n += g_list_model_get_n_items (list);
    }

  return n;
}

static char *
export_to (Fixture    *fixture,
           const char *format)
{
  g_autofree char *name = g_strdup_printf ("export.%s", format);
  char *path = g_build_filename (fixture->dir, name, NULL);
  GStatBuf st;

  activate (fixture, "exchange.export-to", g_variant_new ("(ss)", format, path));
  g_assert_null (find_dialog ());
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  return path;
}

static void
test_file_name (void)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Paris");
  g_autoptr(GDateTime) day = g_date_time_new (tz, 2026, 11, 28, 10, 0, 0);
  g_autofree char *named = carnet_exchange_file_name ("Marie  Dupont", day, "ics");
  g_autofree char *odd = carnet_exchange_file_name ("A/B: C", day, "csv");
  g_autofree char *nobody = carnet_exchange_file_name ("", day, "json");

  g_assert_cmpstr (named, ==, "carnet-Marie-Dupont-2026-11-28.ics");
  g_assert_cmpstr (odd, ==, "carnet-A-B-C-2026-11-28.csv");
  g_assert_cmpstr (nobody, ==, "carnet-2026-11-28.json");
}

static void
test_export_ics (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autofree char *path = export_to (fixture, "ics");
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) appointments = NULL;
  icalcomponent *calendar;
  int n_events;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  calendar = icalparser_parse_string (text);
  g_assert_nonnull (calendar);
  g_assert_cmpint (icalcomponent_isa (calendar), ==, ICAL_VCALENDAR_COMPONENT);

  appointments = carnet_notebook_list (fixture->notebook, CARNET_RECORD_APPOINTMENT, NULL, NULL, &error);
  g_assert_no_error (error);
  n_events = icalcomponent_count_components (calendar, ICAL_VEVENT_COMPONENT);
  g_assert_cmpint (n_events, ==, (int) g_list_model_get_n_items (appointments));
  g_assert_cmpint (n_events, >, 0);
  icalcomponent_free (calendar);
}

static void
test_export_csv (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autofree char *path = export_to (fixture, "csv");
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (text, "\r\n", -1);
  g_assert_cmpstr (lines[0], ==, CARNET_EXPORT_CSV_HEADER);
  g_assert_nonnull (lines[1]);
  g_assert_cmpstr (lines[1], !=, "");
}

static void
test_export_json (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autofree char *path = export_to (fixture, "json");
  g_autoptr(CarnetNotebook) fresh = open_notebook (fixture, "fresh.carnet");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GBytes) bytes = NULL;
  CarnetImportReport report;
  gsize length;

  g_file_get_contents (path, &text, &length, &error);
  g_assert_no_error (error);
  bytes = g_bytes_new_take (g_steal_pointer (&text), length);
  g_assert_true (carnet_backup_import_json (fresh, bytes, &report, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (count_records (fresh), ==, count_records (fixture->notebook));
  for (guint kind = 0; kind < CARNET_N_RECORD_KINDS; kind++)
    {
      g_autoptr(GListModel) a = carnet_notebook_list (fixture->notebook, kind, NULL, NULL, NULL);
      g_autoptr(GListModel) b = carnet_notebook_list (fresh, kind, NULL, NULL, NULL);

      g_assert_cmpuint (g_list_model_get_n_items (a), ==, g_list_model_get_n_items (b));
    }
  carnet_notebook_close (fresh);
}

static void
test_export_fails (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "missing", "folder", "x.ics", NULL);
  AdwMessageDialog *dialog;

  activate (fixture, "exchange.export-to", g_variant_new ("(ss)", "ics", path));
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Export");
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static GBytes *
read_bytes (const char *path)
{
  char *text = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &text, &length, NULL))
    return g_bytes_new (NULL, 0);
  return g_bytes_new_take (text, length);
}

static void
test_import_malformed (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autofree char *bad = g_build_filename (fixture->dir, "bad.json", NULL);
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  const char *json = "{\"format\": \"carnet-backup\", \"version\": 1, \"appointments\": [ {\"title\": 3} ]";
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) wal_before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GBytes) wal_after = NULL;
  g_autoptr(GBytes) contents = g_bytes_new_static (json, strlen (json));
  g_autoptr(GError) expected = NULL;
  AdwMessageDialog *dialog;
  guint n_records = count_records (fixture->notebook);

  g_assert_true (g_file_set_contents (bad, json, -1, NULL));
  g_assert_false (carnet_backup_check_json (contents, &expected));
  g_assert_nonnull (expected);

  before = read_bytes (fixture->path);
  wal_before = read_bytes (wal);
  activate (fixture, "exchange.import-from", g_variant_new_string (bad));

  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Restore the Backup");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), expected->message));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "not changed"));

  after = read_bytes (fixture->path);
  wal_after = read_bytes (wal);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_true (g_bytes_equal (wal_before, wal_after));
  g_assert_cmpuint (count_records (fixture->notebook), ==, n_records);
}

/* A backup of the demo, merged into an empty notebook's window, then again:
 * the second time adds nothing. */
static void
test_import_merge (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(CarnetNotebook) demo = open_notebook (fixture, "demo.carnet");
  g_autofree char *path = g_build_filename (fixture->dir, "demo.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;

  carnet_demo_populate (demo, &error);
  g_assert_no_error (error);
  g_assert_true (carnet_exchange_write (demo, "json", file, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_records (fixture->notebook), ==, 0);

  for (int round = 0; round < 2; round++)
    {
      activate (fixture, "exchange.import-from", g_variant_new_string (path));
      dialog = find_dialog ();
      g_assert_nonnull (dialog);
      g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Restore from This Backup File?");
      g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "merged"));
      /* Nothing happens before the person agrees. */
      if (round == 0)
        g_assert_cmpuint (count_records (fixture->notebook), ==, 0);

      adw_message_dialog_response (dialog, "merge");
      gtk_window_destroy (GTK_WINDOW (dialog));
      drain ();
      g_assert_null (find_dialog ());
      g_assert_cmpuint (count_records (fixture->notebook), ==, count_records (demo));
    }

  carnet_notebook_close (demo);
}

static guint
count_pages_in_pdf (GBytes *pdf)
{
  gsize size;
  const char *data = g_bytes_get_data (pdf, &size);
  guint n = 0;

  for (const char *p = data; p != NULL && (gsize) (p - data) < size; p++)
    {
      p = memchr (p, '/', size - (p - data));
      if (p == NULL)
        break;
      if ((gsize) (data + size - p) > 11 && strncmp (p, "/Type /Page", 11) == 0 && p[11] != 's')
        n++;
    }

  return n;
}

static guint
count_page_widgets (GtkWidget *widget)
{
  guint n = gtk_widget_has_css_class (widget, "carnet-sheet-page") ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_page_widgets (child);

  return n;
}

static void
check_preview (Fixture *fixture,
               guint    at_least)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CarnetSheet) sheet = carnet_sheet_new (fixture->notebook, 0, &error);
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *saved = g_build_filename (fixture->dir, "sheet.pdf", NULL);
  g_autoptr(GBytes) written = NULL;
  CarnetSheetPreview *preview;
  guint n_pages;
  GStatBuf st;

  g_assert_no_error (error);
  pdf = carnet_sheet_to_pdf (sheet, &error);
  g_assert_no_error (error);
  n_pages = count_pages_in_pdf (pdf);
  g_assert_cmpuint (n_pages, >=, at_least);

  activate (fixture, "exchange.prepare", g_variant_new_int64 (0));
  preview = find_preview ();
  g_assert_nonnull (preview);
  g_assert_cmpuint (carnet_sheet_preview_get_n_pages (preview), ==, n_pages);
  g_assert_cmpuint (count_page_widgets (GTK_WIDGET (preview)), ==, n_pages);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (preview), "preview.save-pdf-to", "s", saved));
  drain ();
  g_assert_cmpint (g_stat (saved, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  written = read_bytes (saved);
  g_assert_cmpuint (count_pages_in_pdf (written), ==, n_pages);
  g_assert_true (g_str_has_prefix (g_bytes_get_data (written, NULL), "%PDF"));
}

static void
test_preview (Fixture       *fixture,
              gconstpointer  user_data)
{
  check_preview (fixture, 1);
}

/* Many questions: the sheet goes on to more pages, and so does the preview. */
static void
test_preview_pages (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  gint64 consultation = carnet_notebook_next_consultation (fixture->notebook, &error);

  g_assert_no_error (error);
  g_assert_cmpint (consultation, >, 0);
  for (int i = 0; i < 60; i++)
    {
      g_autoptr(CarnetQuestion) question = carnet_question_new ();
      g_autofree char *text = g_strdup_printf ("Question %d: is what I felt this week worth mentioning, and what should I watch for next?", i + 1);

      carnet_question_set_text (question, text);
      carnet_question_set_appointment_id (question, consultation);
      carnet_notebook_add (fixture->notebook, CARNET_RECORD (question), &error);
      g_assert_no_error (error);
    }

  check_preview (fixture, 2);
}

static GtkWidget *
find_prepare_button (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), "exchange.prepare") == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_prepare_button (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The Questions page's consultation groups open their sheet. */
static void
test_prepare_from_questions (Fixture       *fixture,
                             gconstpointer  user_data)
{
  GtkWidget *button;

  activate (fixture, "win.show-page", g_variant_new_string ("questions"));
  button = find_prepare_button (GTK_WIDGET (fixture->window));
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_assert_null (find_preview ());
  g_signal_emit_by_name (button, "clicked");
  drain ();
  g_assert_nonnull (find_preview ());
}

static void
test_prepare_nothing_planned (Fixture       *fixture,
                              gconstpointer  user_data)
{
  AdwMessageDialog *dialog;

  activate (fixture, "exchange.prepare", g_variant_new_int64 (0));
  g_assert_null (find_preview ());
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "No Consultation Planned");
}

static void
on_backup_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  int *made = user_data;
  g_autoptr(GError) error = NULL;
  gboolean out_made = FALSE;

  g_assert_true (carnet_exchange_backup_daily_finish (result, &out_made, &error));
  g_assert_no_error (error);
  *made = out_made;
}

static int
run_daily_backup (Fixture *fixture)
{
  int made = -1;

  carnet_exchange_backup_daily_async (fixture->notebook, NULL, on_backup_done_cb, &made);
  while (made < 0)
    g_main_context_iteration (NULL, TRUE);

  return made;
}

static void
test_backup_on_start (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(GListModel) backups = NULL;
  g_autoptr(CarnetBackup) backup = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) date = NULL;

  g_assert_cmpint (run_daily_backup (fixture), ==, TRUE);
  g_assert_cmpint (run_daily_backup (fixture), ==, FALSE);

  backups = carnet_backup_list (fixture->notebook, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (backups), ==, 1);
  backup = g_list_model_get_item (backups, 0);
  date = g_date_time_to_local (carnet_backup_get_date (backup));
  g_assert_cmpint (g_date_time_get_day_of_month (date), ==, 28);
  g_assert_cmpuint (carnet_backup_get_n_entries (backup), ==, count_records (fixture->notebook));
}

/* The list of automatic backups, one chosen, the confirmation, and the
 * notebook as it was; what it held is kept as another backup. */
static void
test_restore_auto (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GListModel) backups = NULL;
  g_autoptr(CarnetBackup) backup = NULL;
  g_autoptr(CarnetQuestion) question = carnet_question_new ();
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *list;
  guint n_records = count_records (fixture->notebook);

  g_assert_cmpint (run_daily_backup (fixture), ==, TRUE);
  /* Backups are named to the second: the one kept aside is made later. */
  carnet_clock_advance (fixture->clock, 20 * G_TIME_SPAN_MINUTE);
  carnet_question_set_text (question, "Added after the backup");
  carnet_notebook_add (fixture->notebook, CARNET_RECORD (question), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_records (fixture->notebook), ==, n_records + 1);

  activate (fixture, "exchange.restore-auto", NULL);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  list = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (adw_message_dialog_get_extra_child (dialog)));
  if (GTK_IS_VIEWPORT (list))
    list = gtk_viewport_get_child (GTK_VIEWPORT (list));
  g_assert_true (GTK_IS_LIST_BOX (list));
  g_assert_nonnull (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0));
  g_assert_null (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 1));
  g_signal_emit_by_name (list, "row-activated", gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0));
  drain ();

  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (g_str_has_prefix (adw_message_dialog_get_heading (dialog), "Go Back to the Backup of"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "kept aside"));
  g_assert_cmpuint (count_records (fixture->notebook), ==, n_records + 1);

  adw_message_dialog_response (dialog, "restore");
  gtk_window_destroy (GTK_WINDOW (dialog));
  drain ();
  g_assert_null (find_dialog ());
  g_assert_cmpuint (count_records (fixture->notebook), ==, n_records);

  backups = carnet_backup_list (fixture->notebook, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (backups), ==, 2);
  backup = g_list_model_get_item (backups, 0);
  g_assert_cmpuint (carnet_backup_get_n_entries (backup), ==, n_records + 1);
}

int
main (int   argc,
      char *argv[])
{
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_print ("1..0 # SKIP no display (run the tests with build-aux/session.sh)\n");
      return 0;
    }

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, demo, func) \
  g_test_add ((path), Fixture, (demo) ? "demo" : NULL, fixture_set_up, (func), fixture_tear_down)

  g_test_add_func ("/gui/exchange/file-name", test_file_name);
  ADD ("/gui/exchange/export-ics", TRUE, test_export_ics);
  ADD ("/gui/exchange/export-csv", TRUE, test_export_csv);
  ADD ("/gui/exchange/export-json", TRUE, test_export_json);
  ADD ("/gui/exchange/export-fails", TRUE, test_export_fails);
  ADD ("/gui/exchange/import-malformed", TRUE, test_import_malformed);
  ADD ("/gui/exchange/import-merge", FALSE, test_import_merge);
  ADD ("/gui/exchange/preview", TRUE, test_preview);
  ADD ("/gui/exchange/preview-pages", TRUE, test_preview_pages);
  ADD ("/gui/exchange/prepare-from-questions", TRUE, test_prepare_from_questions);
  ADD ("/gui/exchange/prepare-nothing-planned", FALSE, test_prepare_nothing_planned);
  ADD ("/gui/exchange/backup-on-start", TRUE, test_backup_on_start);
  ADD ("/gui/exchange/restore-auto", TRUE, test_restore_auto);

  return g_test_run ();
}
