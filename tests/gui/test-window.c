/* test-window.c: the main window on temporary notebooks
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "carnet-test"

#include "config.h"

#include <adwaita.h>
#include <locale.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "carnet.h"
#include "carnet-window.h"

typedef struct
{
  char           *dir;
  char           *path;
  CarnetClock    *clock;
  CarnetNotebook *notebook;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Paris");
  g_autoptr(GDateTime) now = g_date_time_new (tz, 2026, 11, 28, 10, 0, 0);

  fixture->dir = g_dir_make_tmp ("carnet-gui-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "notebook.carnet", NULL);
  fixture->clock = carnet_clock_new_fixed (now);
}

static void
open_notebook (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  fixture->notebook = carnet_notebook_open (fixture->path, CARNET_OPEN_FLAGS_CREATE,
                                            fixture->clock, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->notebook);
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
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  if (fixture->notebook != NULL)
    carnet_notebook_close (fixture->notebook);
  g_clear_object (&fixture->notebook);
  g_clear_object (&fixture->clock);
  remove_dir (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static void
drain (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static CarnetWindow *
new_window (CarnetNotebook *notebook)
{
  CarnetWindow *window;

  window = g_object_ref_sink (carnet_window_new (NULL));
  if (notebook != NULL)
    carnet_window_set_notebook (window, notebook);
  gtk_window_present (GTK_WINDOW (window));
  drain ();

  return window;
}

static void
destroy_window (CarnetWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  drain ();
  g_assert_finalize_object (window);
}

/* Template children carry their id from the .ui file. */
static gpointer
find_child (GtkWidget  *widget,
            const char *id)
{
  if (g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget)), id) == 0)
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

static const char *
visible_page (CarnetWindow *window)
{
  GtkStack *stack = find_child (GTK_WIDGET (window), "stack");

  g_assert_nonnull (stack);
  return gtk_stack_get_visible_child_name (stack);
}

static guint
count_rows (GtkListBox *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, n) != NULL)
    n++;

  return n;
}

static const char *
row_title (GtkListBox *list,
           guint       index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, index);

  g_assert_true (ADW_IS_PREFERENCES_ROW (row));
  return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
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

/* As a user would: the dialog's button, which also closes it. */
static void
click_response (AdwMessageDialog *dialog,
                const char       *label)
{
  GtkButton *button = find_button (GTK_WIDGET (dialog), label);

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  drain ();
}

static AdwMessageDialog *
find_message_dialog (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    {
      if (ADW_IS_MESSAGE_DIALOG (l->data))
        return l->data;
    }

  return NULL;
}

static void
test_empty_notebook (Fixture       *fixture,
                     gconstpointer  user_data)
{
  CarnetWindow *window;
  AdwWindowTitle *title;

  open_notebook (fixture);
  window = new_window (fixture->notebook);

  /* A newcomer gets the welcome, not empty lists. */
  g_assert_cmpstr (visible_page (window), ==, "empty");

  title = find_child (GTK_WIDGET (window), "window_title");
  g_assert_cmpstr (adw_window_title_get_title (title), ==, "Carnet");
  g_assert_cmpstr (adw_window_title_get_subtitle (title), ==, "notebook.carnet");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Carnet");
  g_assert_cmpstr (carnet_window_get_path (window), ==, fixture->path);

  destroy_window (window);
}

static void
test_person_in_title (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  CarnetWindow *window;
  AdwWindowTitle *title;

  open_notebook (fixture);
  carnet_notebook_set_person (fixture->notebook, "Marie Dupont", &error);
  g_assert_no_error (error);

  window = new_window (fixture->notebook);
  title = find_child (GTK_WIDGET (window), "window_title");
  g_assert_cmpstr (adw_window_title_get_title (title), ==, "Marie Dupont");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Carnet — Marie Dupont");

  destroy_window (window);
}

static void
test_rename (Fixture       *fixture,
             gconstpointer  user_data)
{
  CarnetWindow *window;
  AdwMessageDialog *dialog;
  GtkWidget *entry;

  open_notebook (fixture);
  window = new_window (fixture->notebook);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.rename", NULL));
  drain ();
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);

  /* The name is trimmed, written to the notebook and shown in the title. */
  entry = adw_message_dialog_get_extra_child (dialog);
  g_assert_true (GTK_IS_EDITABLE (entry));
  gtk_editable_set_text (GTK_EDITABLE (entry), "  Jeanne Petit ");
  click_response (dialog, "_Save");

  g_assert_null (find_message_dialog ());
  g_assert_cmpstr (carnet_notebook_get_person (fixture->notebook), ==, "Jeanne Petit");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Carnet — Jeanne Petit");

  /* Cancel changes nothing. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.rename", NULL));
  drain ();
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  entry = adw_message_dialog_get_extra_child (dialog);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "Jeanne Petit");
  gtk_editable_set_text (GTK_EDITABLE (entry), "Someone Else");
  click_response (dialog, "_Cancel");
  g_assert_null (find_message_dialog ());
  g_assert_cmpstr (carnet_notebook_get_person (fixture->notebook), ==, "Jeanne Petit");

  destroy_window (window);
}

static void
test_summary (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  CarnetWindow *window;
  GtkListBox *upcoming;
  GtkListBox *counts;

  open_notebook (fixture);
  carnet_demo_populate (fixture->notebook, &error);
  g_assert_no_error (error);

  window = new_window (fixture->notebook);
  g_assert_cmpstr (visible_page (window), ==, "summary");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Carnet — Claire Martin");

  /* The next five planned appointments, soonest first. */
  upcoming = find_child (GTK_WIDGET (window), "upcoming_list");
  g_assert_cmpuint (count_rows (upcoming), ==, 5);
  g_assert_cmpstr (row_title (upcoming, 0), ==, "Blood test (CA 15-3, blood count)");
  g_assert_cmpstr (row_title (upcoming, 1), ==, "Oncology consultation");
  g_assert_cmpstr (row_title (upcoming, 2), ==, "Mammography and breast ultrasound");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (gtk_list_box_get_row_at_index (upcoming, 1))),
                   ==, "Monday, December 14 at 10:30\nOncology day hospital, building B");

  /* One row per kind of entry, in the order of the kinds. */
  counts = find_child (GTK_WIDGET (window), "counts_list");
  g_assert_cmpuint (count_rows (counts), ==, CARNET_N_RECORD_KINDS);
  g_assert_cmpstr (row_title (counts, CARNET_RECORD_APPOINTMENT), ==, "Appointments and exams");
  g_assert_cmpstr (row_title (counts, CARNET_RECORD_QUESTION), ==, "Questions");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (gtk_list_box_get_row_at_index (counts, CARNET_RECORD_QUESTION))),
                   ==, "3 to ask");

  destroy_window (window);
}

static void
test_follows_changes (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(CarnetQuestion) question = carnet_question_new ();
  g_autoptr(GError) error = NULL;
  CarnetWindow *window;
  GtkListBox *upcoming;

  open_notebook (fixture);
  window = new_window (fixture->notebook);
  g_assert_cmpstr (visible_page (window), ==, "empty");

  /* The first entry replaces the welcome with the summary. */
  carnet_question_set_text (question, "Is the fatigue expected?");
  carnet_notebook_add (fixture->notebook, CARNET_RECORD (question), &error);
  g_assert_no_error (error);
  drain ();

  g_assert_cmpstr (visible_page (window), ==, "summary");
  upcoming = find_child (GTK_WIDGET (window), "upcoming_list");
  g_assert_cmpuint (count_rows (upcoming), ==, 1);
  g_assert_cmpstr (row_title (upcoming, 0), ==, "Nothing planned");

  destroy_window (window);
}

static void
check_refused_file (Fixture    *fixture,
                    const char *expected_title)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_len;
  gsize after_len;
  CarnetNotebook *notebook;
  CarnetWindow *window;
  AdwStatusPage *page;
  AdwWindowTitle *title;

  g_file_get_contents (fixture->path, &before, &before_len, &error);
  g_assert_no_error (error);

  notebook = carnet_notebook_open (fixture->path, CARNET_OPEN_FLAGS_CREATE, fixture->clock, &error);
  g_assert_null (notebook);
  g_assert_nonnull (error);

  window = new_window (NULL);
  carnet_window_show_error (window, fixture->path, error);
  drain ();

  g_assert_cmpstr (visible_page (window), ==, "error");
  page = find_child (GTK_WIDGET (window), "error_page");
  g_assert_cmpstr (adw_status_page_get_title (page), ==, expected_title);
  g_assert_nonnull (strstr (adw_status_page_get_description (page), "Carnet did not change the file."));
  title = find_child (GTK_WIDGET (window), "window_title");
  g_assert_cmpstr (adw_window_title_get_subtitle (title), ==, "notebook.carnet");

  /* There is no notebook to name. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.rename", NULL);
  drain ();
  g_assert_null (find_message_dialog ());

  destroy_window (window);

  /* Never modified. */
  g_clear_error (&error);
  g_file_get_contents (fixture->path, &after, &after_len, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (before, before_len, after, after_len);
}

static void
test_foreign_file (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (fixture->path, "Shopping list: bread, milk.\n", -1, &error);
  g_assert_no_error (error);

  check_refused_file (fixture, "Not a Carnet Notebook");
}

static void
test_foreign_database (Fixture       *fixture,
                       gconstpointer  user_data)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE recipes (name TEXT);"
                                     "INSERT INTO recipes VALUES ('soup');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  check_refused_file (fixture, "Not a Carnet Notebook");
}

/* The narrowest window GNOME asks apps to support (phones, tiled halves). */
#define NARROWEST 360

static int
content_min_width (CarnetWindow *window)
{
  GtkWidget *content = adw_application_window_get_content (ADW_APPLICATION_WINDOW (window));
  int min = 0;

  gtk_widget_measure (content, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  return min;
}

static void
check_fits_narrow_window (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  CarnetWindow *window;

  open_notebook (fixture);
  window = new_window (fixture->notebook);
  g_assert_cmpstr (visible_page (window), ==, "empty");
  g_assert_cmpint (content_min_width (window), <=, NARROWEST);

  carnet_demo_populate (fixture->notebook, &error);
  g_assert_no_error (error);
  drain ();
  g_assert_cmpstr (visible_page (window), ==, "summary");
  g_assert_cmpint (content_min_width (window), <=, NARROWEST);

  g_set_error_literal (&error, CARNET_ERROR, CARNET_ERROR_NEWER_VERSION,
                       "“/home/someone/Documents/a-rather-long-file-name-for-a-notebook.carnet” "
                       "was written by a newer version of Carnet.");
  carnet_window_show_error (window, fixture->path, error);
  drain ();
  g_assert_cmpstr (visible_page (window), ==, "error");
  g_assert_cmpint (content_min_width (window), <=, NARROWEST);

  destroy_window (window);
}

static void
test_narrow (Fixture       *fixture,
             gconstpointer  user_data)
{
  check_fits_narrow_window (fixture);
}

/* French labels are longer than English ones: they must wrap, not widen the window. */
static void
test_narrow_french (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autofree char *podir = g_build_filename (g_getenv ("CARNET_BUILD_ROOT"), "po", NULL);
  g_autofree char *mo = g_build_filename (podir, "fr", "LC_MESSAGES", "carnet.mo", NULL);
  g_autofree char *saved = g_strdup (setlocale (LC_ALL, NULL));

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
  g_assert_cmpstr (_("An Empty Notebook"), ==, "Un carnet vide");

  check_fits_narrow_window (fixture);

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

#define ADD(path, func) \
  g_test_add ((path), Fixture, NULL, fixture_set_up, (func), fixture_tear_down)

  ADD ("/gui/window/empty-notebook", test_empty_notebook);
  ADD ("/gui/window/person-in-title", test_person_in_title);
  ADD ("/gui/window/rename", test_rename);
  ADD ("/gui/window/summary", test_summary);
  ADD ("/gui/window/follows-changes", test_follows_changes);
  ADD ("/gui/window/foreign-file", test_foreign_file);
  ADD ("/gui/window/foreign-database", test_foreign_database);
  ADD ("/gui/window/narrow", test_narrow);
  ADD ("/gui/window/narrow-french", test_narrow_french);

#undef ADD

  return g_test_run ();
}
