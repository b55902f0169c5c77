/* test-damaged.c: the window on a damaged notebook, and the offer of its latest backup
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A notebook of ours that is damaged (truncated here) gets a page that says
 * so and offers its latest automatic backup with its date and entry count;
 * restoring keeps the damaged file aside byte for byte and opens the
 * notebook. Without a backup the page says so and offers another notebook;
 * a foreign file gets no offer at all.
 *
 * With `--screenshots DIR`, writes damaged-{en,fr}-{1200,360}.png there
 * instead (to look at).
 */
#define G_LOG_DOMAIN "carnet-test"

#include "config.h"

#include <adwaita.h>
#include <locale.h>
#include <unistd.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "carnet.h"
#include "carnet-damaged-page.h"
#include "carnet-window.h"

#define HEIGHT 720

typedef struct
{
  char           *dir;
  char           *path;
  CarnetClock    *clock;
  CarnetWindow   *window;
} Fixture;

static void
drain (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gpointer
find_type (GtkWidget *widget,
           GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      gpointer found = find_type (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
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
add_question (CarnetNotebook *notebook,
              const char     *text)
{
  g_autoptr(CarnetQuestion) question = carnet_question_new ();
  g_autoptr(GError) error = NULL;

  carnet_question_set_text (question, text);
  carnet_notebook_add (notebook, CARNET_RECORD (question), &error);
  g_assert_no_error (error);
}

/* A notebook of two questions, with a backup of it when @with_backup, then
 * truncated. Returns the damaged bytes. */
static GBytes *
make_damaged (Fixture  *fixture,
              gboolean  with_backup)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CarnetNotebook) notebook = NULL;
  char *contents = NULL;
  gsize length = 0;
  GStatBuf info;

  notebook = carnet_notebook_open (fixture->path, CARNET_OPEN_FLAGS_CREATE, fixture->clock, &error);
  g_assert_no_error (error);
  add_question (notebook, "Combien de cures ?");
  add_question (notebook, "Faut-il un scanner avant la cure 4 ?");
  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *text = g_strdup_printf ("Question %u %s", i, "Et les effets tardifs ? ");

      add_question (notebook, text);
    }
  if (with_backup)
    {
      g_autoptr(CarnetBackup) backup = carnet_backup_run_daily (notebook, NULL, &error);

      g_assert_no_error (error);
    }
  carnet_notebook_close (notebook);
  g_clear_object (&notebook);

  g_assert_cmpint (g_stat (fixture->path, &info), ==, 0);
  g_assert_cmpint (truncate (fixture->path, info.st_size / 2), ==, 0);

  g_file_get_contents (fixture->path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

/* What the application does with a file it cannot open. */
static void
open_in_window (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CarnetNotebook) notebook = NULL;

  notebook = carnet_notebook_open (fixture->path, CARNET_OPEN_FLAGS_CREATE, fixture->clock, &error);
  g_assert_null (notebook);
  g_assert_nonnull (error);
  carnet_window_show_error (fixture->window, fixture->path, error);
  gtk_window_present (GTK_WINDOW (fixture->window));
  drain ();
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Paris");
  g_autoptr(GDateTime) now = g_date_time_new (tz, 2026, 11, 28, 10, 0, 0);

  fixture->dir = g_dir_make_tmp ("carnet-damaged-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "notebook.carnet", NULL);
  fixture->clock = carnet_clock_new_fixed (now);
  fixture->window = g_object_ref_sink (carnet_window_new (NULL));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  GtkWindow *dialog;

  while ((dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG)) != NULL)
    gtk_window_destroy (dialog);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  drain ();
  g_assert_finalize_object (fixture->window);

  g_clear_object (&fixture->clock);
  remove_dir (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

/* The file a restore put aside, the only "notebook.damaged-…" there. */
static char *
find_kept (Fixture *fixture)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;
  char *kept = NULL;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      if (g_str_has_prefix (name, "notebook.damaged-") && g_str_has_suffix (name, ".carnet"))
        {
          g_assert_null (kept);
          kept = g_build_filename (fixture->dir, name, NULL);
        }
    }

  return kept;
}

static void
test_restore (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autoptr(GBytes) damaged = make_damaged (fixture, TRUE);
  g_autoptr(GBytes) kept_bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) questions = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *kept_name = NULL;
  CarnetDamagedPage *page;
  AdwMessageDialog *dialog;
  const char *text;
  char *contents = NULL;
  gsize length = 0;

  open_in_window (fixture);

  /* The damaged page, with the backup's date and what it holds. */
  page = find_type (GTK_WIDGET (fixture->window), CARNET_TYPE_DAMAGED_PAGE);
  g_assert_nonnull (page);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (page)));
  g_assert_nonnull (carnet_damaged_page_get_backup (page));
  text = gtk_label_get_text (find_child (GTK_WIDGET (page), "backup_label"));
  g_assert_nonnull (strstr (text, "Saturday 28 November 2026, 10:00"));
  g_assert_nonnull (strstr (text, "holds 42 entries"));
  g_assert_true (gtk_widget_get_visible (find_child (GTK_WIDGET (page), "restore_button")));
  g_assert_true (gtk_widget_get_visible (find_child (GTK_WIDGET (page), "open_button")));
  g_assert_nonnull (strstr (adw_status_page_get_description (find_child (GTK_WIDGET (page), "status_page")),
                            "cannot be read"));

  /* Offering changed nothing. */
  g_file_get_contents (fixture->path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (contents, length, g_bytes_get_data (damaged, NULL), g_bytes_get_size (damaged));
  g_free (contents);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "damaged.restore", NULL));
  drain ();

  /* The notebook is open, with what the backup held. */
  g_assert_nonnull (carnet_window_get_notebook (fixture->window));
  g_assert_true (GTK_IS_STACK (gtk_widget_get_parent (GTK_WIDGET (page))));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (gtk_widget_get_parent (GTK_WIDGET (page)))),
                   ==, "pages");
  questions = carnet_notebook_list (carnet_window_get_notebook (fixture->window),
                                    CARNET_RECORD_QUESTION, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (questions), ==, 42);

  /* The damaged file is kept, as it was, and the person is told where. */
  kept = find_kept (fixture);
  g_assert_nonnull (kept);
  g_file_get_contents (kept, &contents, &length, &error);
  g_assert_no_error (error);
  kept_bytes = g_bytes_new_take (contents, length);
  g_assert_true (g_bytes_equal (kept_bytes, damaged));

  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Backup Restored");
  kept_name = g_path_get_basename (kept);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), kept_name));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), fixture->dir));
}

static void
test_no_backup (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GBytes) damaged = make_damaged (fixture, FALSE);
  CarnetDamagedPage *page;
  char *contents = NULL;
  gsize length = 0;

  open_in_window (fixture);

  page = find_type (GTK_WIDGET (fixture->window), CARNET_TYPE_DAMAGED_PAGE);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (page)));
  g_assert_null (carnet_damaged_page_get_backup (page));
  g_assert_nonnull (strstr (gtk_label_get_text (find_child (GTK_WIDGET (page), "backup_label")),
                            "There is no automatic backup of this notebook"));
  g_assert_false (gtk_widget_get_visible (find_child (GTK_WIDGET (page), "restore_button")));
  g_assert_true (gtk_widget_get_visible (find_child (GTK_WIDGET (page), "open_button")));
  g_assert_false (carnet_damaged_page_restore (page));

  g_assert_true (g_file_get_contents (fixture->path, &contents, &length, NULL));
  g_assert_cmpmem (contents, length, g_bytes_get_data (damaged, NULL), g_bytes_get_size (damaged));
  g_free (contents);
  g_assert_null (find_kept (fixture));
}

/* Not a notebook at all: refused, with no offer to put anything in its place. */
static void
test_foreign (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  g_file_set_contents (fixture->path, "Ma liste de courses\n", -1, &error);
  g_assert_no_error (error);
  open_in_window (fixture);

  g_assert_true (gtk_widget_get_mapped (find_child (GTK_WIDGET (fixture->window), "error_page")));
  g_assert_false (gtk_widget_get_mapped (find_child (GTK_WIDGET (fixture->window), "restore_button")));

  g_file_get_contents (fixture->path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (contents, ==, "Ma liste de courses\n");
}

/* Screenshots */

static gboolean
on_timeout_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
run_for (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, on_timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static gboolean
take (const char *path,
      int         width)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *geometry = g_strdup_printf ("%dx%d+0+0", width, HEIGHT);
  g_autofree char *stderr_text = NULL;
  int status = 0;
  const char *argv[] = { "import", "-window", "root", "-crop", geometry, path, NULL };

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                     NULL, NULL, NULL, &stderr_text, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    {
      g_printerr ("%s: %s %s\n", path, error->message, stderr_text != NULL ? stderr_text : "");
      return FALSE;
    }

  g_print ("%s\n", path);
  return TRUE;
}

static gboolean
shoot_language (const char *outdir,
                const char *lang)
{
  const int widths[] = { 1200, 360 };
  gboolean ok = TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    {
      Fixture fixture = { 0 };
      g_autoptr(GBytes) damaged = NULL;
      g_autofree char *name = g_strdup_printf ("damaged-%s-%d.png", lang, widths[i]);
      g_autofree char *path = g_build_filename (outdir, name, NULL);

      fixture_set_up (&fixture, NULL);
      damaged = make_damaged (&fixture, TRUE);
      gtk_window_set_default_size (GTK_WINDOW (fixture.window), widths[i], HEIGHT);
      open_in_window (&fixture);
      run_for (1500);
      ok &= take (path, MAX (widths[i], gtk_widget_get_width (GTK_WIDGET (fixture.window))));
      fixture_tear_down (&fixture, NULL);
    }

  return ok;
}

static int
shoot (const char *outdir)
{
  g_autofree char *import_path = g_find_program_in_path ("import");
  g_autoptr(GtkCssProvider) css = NULL;
  g_autofree char *podir = NULL;
  gboolean ok;

  if (import_path == NULL)
    {
      g_print ("no `import` (ImageMagick): no screenshots\n");
      return 77;
    }
  g_mkdir_with_parents (outdir, 0755);

  gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                    RESOURCE_BASE "/icons");
  css = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (css, RESOURCE_BASE "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  podir = g_build_filename (g_getenv ("CARNET_BUILD_ROOT"), "po", NULL);
  bindtextdomain (GETTEXT_PACKAGE, podir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  setlocale (LC_ALL, "C.UTF-8");
  ok = shoot_language (outdir, "en");
  if (setlocale (LC_ALL, "fr_FR.UTF-8") == NULL)
    g_print ("no fr_FR.UTF-8 locale: no French screenshots\n");
  else
    ok &= shoot_language (outdir, "fr");

  return ok ? 0 : 1;
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 3 && g_str_equal (argv[1], "--screenshots"))
    {
      if (g_getenv ("DISPLAY") == NULL)
        {
          g_print ("no X display (run the tests with build-aux/test): no screenshots\n");
          return 77;
        }
      setlocale (LC_ALL, "");
      gtk_init ();
      adw_init ();
      return shoot (argv[2]);
    }

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add ((path), Fixture, NULL, fixture_set_up, (func), fixture_tear_down)
  ADD ("/gui/damaged/restore", test_restore);
  ADD ("/gui/damaged/no-backup", test_no_backup);
  ADD ("/gui/damaged/foreign-file", test_foreign);
#undef ADD

  return g_test_run ();
}
