/* test-faults.c: the editors and the record actions when the notebook cannot be written
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Faults are injected under SQLite by the VFS of tests/faults, linked in: a
 * full disk, an input/output error, a read-only file, and another program
 * holding the write lock. A Save that fails keeps the editor open with
 * everything typed and says why at the top of the dialog; nothing saved
 * before is lost; once the fault is gone, Save saves. A delete that fails
 * says why in a toast and leaves the record where it was.
 */
#define G_LOG_DOMAIN "carnet-test"

#include "config.h"

#include <adwaita.h>
#include <sqlite3.h>
#include <glib/gstdio.h>

#include "carnet.h"
#include "carnet-editor.h"
#include "carnet-fault-vfs.h"
#include "carnet-window.h"

typedef struct
{
  char           *dir;
  char           *path;
  CarnetClock    *clock;
  CarnetNotebook *notebook;
  CarnetWindow   *window;
  gint64          kept_id;
} Fixture;

typedef struct
{
  CarnetFault  fault;
  const char  *message;
} FaultCase;

static const FaultCase disk_full = {
  CARNET_FAULT_DISK_FULL,
  "The disk is full: nothing was saved. Free some space and try again.",
};
static const FaultCase io_error = {
  CARNET_FAULT_IO_ERROR,
  "The notebook could not be written (input/output error): nothing was saved. Check the disk and try again.",
};
static const FaultCase read_only = {
  CARNET_FAULT_READ_ONLY,
  "The notebook is read-only: nothing was saved. Check that you may write to the file and its folder.",
};
/* Not a VFS fault: a second connection holds the write lock. */
static const FaultCase busy = {
  CARNET_FAULT_NONE,
  "The notebook is busy in another program (carnet-cli or another Carnet window): nothing was saved; try again in a moment.",
};

static void
drain (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

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

/* A label the person can see (mapped) with @text. */
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

/* The bar slides in over a few frames: the frames are let run until it is
 * shown, or the test fails after many. */
static gboolean
shows_label (GtkWidget  *widget,
             const char *text)
{
  for (guint i = 0; i < 500 && !has_label (widget, text); i++)
    g_main_context_iteration (NULL, TRUE);

  return has_label (widget, text);
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

static GDateTime *
paris_time (int month, int day, int hour)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Paris");

  return g_date_time_new (tz, 2026, month, day, hour, 0, 0);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = paris_time (11, 28, 10);
  g_autoptr(GDateTime) start = paris_time (12, 3, 9);
  g_autoptr(CarnetAppointment) appointment = carnet_appointment_new ();

  carnet_fault_vfs_clear ();
  fixture->dir = g_dir_make_tmp ("carnet-faults-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "notebook.carnet", NULL);
  fixture->clock = carnet_clock_new_fixed (now);
  fixture->notebook = carnet_notebook_open (fixture->path, CARNET_OPEN_FLAGS_CREATE,
                                            fixture->clock, &error);
  g_assert_no_error (error);

  /* Saved before the fault: it must survive it. */
  carnet_appointment_set_title (appointment, "Oncologue");
  carnet_appointment_set_kind (appointment, CARNET_APPOINTMENT_CONSULTATION);
  carnet_appointment_set_start (appointment, start);
  carnet_notebook_add (fixture->notebook, CARNET_RECORD (appointment), &error);
  g_assert_no_error (error);
  fixture->kept_id = carnet_record_get_id (CARNET_RECORD (appointment));

  fixture->window = g_object_ref_sink (carnet_window_new (NULL));
  carnet_window_set_notebook (fixture->window, fixture->notebook);
  gtk_window_present (GTK_WINDOW (fixture->window));
  drain ();
}

static void
remove_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
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
  carnet_fault_vfs_clear ();
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

/* The titles of the appointments in the file, as a new program reads them. */
static char *
titles_in_file (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CarnetNotebook) reader = NULL;
  g_autoptr(GListModel) list = NULL;
  GString *titles = g_string_new (NULL);

  reader = carnet_notebook_open (fixture->path, CARNET_OPEN_FLAGS_READ_ONLY, fixture->clock, &error);
  g_assert_no_error (error);
  list = carnet_notebook_list (reader, CARNET_RECORD_APPOINTMENT, NULL, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(CarnetAppointment) appointment = g_list_model_get_item (list, i);

      g_string_append_printf (titles, "%s;", carnet_appointment_get_title (appointment));
    }

  return g_string_free (titles, FALSE);
}

/* A read-only fault strikes files opened after it: the window gets the
 * notebook again, as when Carnet starts on a read-only file. */
static void
reopen_notebook (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  carnet_window_set_notebook (fixture->window, NULL);
  carnet_notebook_close (fixture->notebook);
  g_clear_object (&fixture->notebook);
  fixture->notebook = carnet_notebook_open (fixture->path, CARNET_OPEN_FLAGS_NONE,
                                            fixture->clock, &error);
  g_assert_no_error (error);
  carnet_window_set_notebook (fixture->window, fixture->notebook);
  drain ();
}

static sqlite3 *
inject (Fixture         *fixture,
        const FaultCase *fault)
{
  sqlite3 *holder = NULL;

  if (fault == &busy)
    {
      /* Another connection, as another program would: SQLite's locks are
       * per connection, also within a process. */
      g_assert_cmpint (sqlite3_open (fixture->path, &holder), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_exec (holder, "BEGIN EXCLUSIVE; DELETE FROM meta WHERE 0",
                                     NULL, NULL, NULL), ==, SQLITE_OK);
      return holder;
    }

  carnet_fault_vfs_set (fault->fault, 1);
  if (fault->fault == CARNET_FAULT_READ_ONLY)
    reopen_notebook (fixture);

  return NULL;
}

static void
lift (Fixture         *fixture,
      const FaultCase *fault,
      sqlite3         *holder)
{
  if (holder != NULL)
    {
      sqlite3_exec (holder, "ROLLBACK", NULL, NULL, NULL);
      sqlite3_close (holder);
    }
  carnet_fault_vfs_clear ();
}

static void
test_editor (Fixture       *fixture,
             gconstpointer  user_data)
{
  const FaultCase *fault = user_data;
  g_autofree char *before = titles_in_file (fixture);
  g_autofree char *after = NULL;
  CarnetEditor *editor;
  GtkWidget *notes;
  sqlite3 *holder;

  holder = inject (fixture, fault);

  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (fixture->window), "record.add",
                                                     g_variant_new_string ("appointment")));
  drain ();
  editor = g_object_ref (find_toplevel (CARNET_TYPE_EDITOR));
  gtk_editable_set_text (find_child (GTK_WIDGET (editor), "title_row"), "Scanner thoraco-abdominal");
  gtk_editable_set_text (find_child (GTK_WIDGET (editor), "date_row"), "2026-12-10");
  gtk_editable_set_text (find_child (GTK_WIDGET (editor), "time_row"), "14:00");
  notes = find_child (GTK_WIDGET (editor), "notes_view");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (notes)), "À jeun.", -1);
  g_assert_null (carnet_editor_get_problem (editor));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  drain ();

  /* The dialog stays, with what was typed, and says why at its top. */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (editor)));
  g_assert_cmpstr (carnet_editor_get_problem (editor), ==, fault->message);
  g_assert_true (shows_label (GTK_WIDGET (editor), fault->message));
  g_assert_cmpstr (gtk_editable_get_text (find_child (GTK_WIDGET (editor), "title_row")), ==,
                   "Scanner thoraco-abdominal");
  g_assert_cmpstr (gtk_editable_get_text (find_child (GTK_WIDGET (editor), "time_row")), ==, "14:00");
  g_assert_true (carnet_editor_is_new (editor));

  /* Nothing saved before was lost, nothing half-saved. */
  after = titles_in_file (fixture);
  g_assert_cmpstr (after, ==, before);

  lift (fixture, fault, holder);
  if (fault->fault == CARNET_FAULT_READ_ONLY)
    {
      /* The file is writable again, but the notebook was opened read-only:
       * the connection stays so until the notebook is opened again. */
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
      drain ();
      g_assert_cmpstr (carnet_editor_get_problem (editor), ==, fault->message);
      gtk_window_destroy (GTK_WINDOW (editor));
      drain ();
      g_assert_finalize_object (editor);
      return;
    }

  /* The fault is gone: the same Save saves, once. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  drain ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (editor)));
  g_assert_finalize_object (editor);

  g_free (after);
  after = titles_in_file (fixture);
  g_assert_cmpstr (after, ==, "Oncologue;Scanner thoraco-abdominal;");
}

/* Editing a record: the dialog keeps the change, the file keeps the old. */
static void
test_edit (Fixture       *fixture,
           gconstpointer  user_data)
{
  const FaultCase *fault = user_data;
  g_autofree char *after = NULL;
  CarnetEditor *editor;

  inject (fixture, fault);
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (fixture->window), "record.edit",
                                                     g_variant_new ("(sx)", "appointment",
                                                                    fixture->kept_id)));
  drain ();
  editor = g_object_ref (find_toplevel (CARNET_TYPE_EDITOR));
  g_assert_false (carnet_editor_is_new (editor));
  gtk_editable_set_text (find_child (GTK_WIDGET (editor), "title_row"), "Radiothérapeute");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  drain ();

  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (editor)));
  g_assert_cmpstr (carnet_editor_get_problem (editor), ==, fault->message);
  g_assert_cmpstr (gtk_editable_get_text (find_child (GTK_WIDGET (editor), "title_row")), ==,
                   "Radiothérapeute");
  after = titles_in_file (fixture);
  g_assert_cmpstr (after, ==, "Oncologue;");

  carnet_fault_vfs_clear ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  drain ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (editor)));
  g_assert_finalize_object (editor);
  g_free (after);
  after = titles_in_file (fixture);
  g_assert_cmpstr (after, ==, "Radiothérapeute;");
}

/* A delete that fails says why in a toast; the record stays where it was. */
static void
test_delete (Fixture       *fixture,
             gconstpointer  user_data)
{
  const FaultCase *fault = user_data;
  g_autofree char *after = NULL;

  inject (fixture, fault);
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (fixture->window), "record.delete",
                                                     g_variant_new ("(sx)", "appointment",
                                                                    fixture->kept_id)));
  drain ();
  g_assert_true (shows_label (GTK_WIDGET (fixture->window), fault->message));
  after = titles_in_file (fixture);
  g_assert_cmpstr (after, ==, "Oncologue;");

  carnet_fault_vfs_clear ();
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (fixture->window), "record.delete",
                                                     g_variant_new ("(sx)", "appointment",
                                                                    fixture->kept_id)));
  drain ();
  g_free (after);
  after = titles_in_file (fixture);
  g_assert_cmpstr (after, ==, "");
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_assert_cmpint (carnet_fault_vfs_register (), ==, SQLITE_OK);

#define ADD(path, data, func) \
  g_test_add ((path), Fixture, (data), fixture_set_up, (func), fixture_tear_down)
  ADD ("/gui/faults/editor/disk-full", &disk_full, test_editor);
  ADD ("/gui/faults/editor/io-error", &io_error, test_editor);
  ADD ("/gui/faults/editor/read-only", &read_only, test_editor);
  ADD ("/gui/faults/editor/busy", &busy, test_editor);
  ADD ("/gui/faults/edit/disk-full", &disk_full, test_edit);
  ADD ("/gui/faults/edit/io-error", &io_error, test_edit);
  ADD ("/gui/faults/delete/disk-full", &disk_full, test_delete);
  ADD ("/gui/faults/delete/io-error", &io_error, test_delete);
#undef ADD

  return g_test_run ();
}
