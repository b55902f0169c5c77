/* shoot-exchange.c: screenshots of the consultation sheet's preview
 *
 * Writes sheet-preview-{en,fr}-{720,360}.png (and -end.png, scrolled to the
 * last page) into the folder given as argument, taken with ImageMagick's
 * `import` from the X server, with the demo notebook: to look at.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "carnet-test"

#include "config.h"

#include <adwaita.h>
#include <locale.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "carnet.h"
#include "carnet-sheet-preview.h"

#define HEIGHT 900

static gboolean
on_timeout_cb (gpointer user_data)
{
  gboolean *done = user_data;

  *done = TRUE;
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

static gboolean
take (const char *path,
      int         width)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *geometry = g_strdup_printf ("%dx%d+0+0", width, HEIGHT);
  g_autofree char *stderr_text = NULL;
  const char *argv[] = { "import", "-window", "root", "-crop", geometry, path, NULL };
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                     NULL, NULL, NULL, &stderr_text, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    {
      g_printerr ("%s: %s %s\n", path, error->message, stderr_text != NULL ? stderr_text : "");
      return FALSE;
    }

  return TRUE;
}

static GtkScrolledWindow *
find_scrolled (GtkWidget *widget)
{
  if (GTK_IS_SCROLLED_WINDOW (widget))
    return GTK_SCROLLED_WINDOW (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkScrolledWindow *found = find_scrolled (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
shoot_language (const char *outdir,
                const char *lang)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Paris");
  g_autoptr(GDateTime) now = g_date_time_new (tz, 2026, 11, 28, 10, 0, 0);
  g_autoptr(CarnetClock) clock = carnet_clock_new_fixed (now);
  g_autoptr(CarnetNotebook) notebook = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  const int widths[] = { 720, 360 };
  gboolean ok = TRUE;

  dir = g_dir_make_tmp ("carnet-shots-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "demo.carnet", NULL);
  notebook = carnet_notebook_open (path, CARNET_OPEN_FLAGS_CREATE, clock, &error);
  g_assert_no_error (error);
  carnet_demo_populate (notebook, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    {
      g_autofree char *name = g_strdup_printf ("sheet-preview-%s-%d.png", lang, widths[i]);
      g_autofree char *end_name = g_strdup_printf ("sheet-preview-%s-%d-end.png", lang, widths[i]);
      g_autofree char *shot = g_build_filename (outdir, name, NULL);
      g_autofree char *end_shot = g_build_filename (outdir, end_name, NULL);
      CarnetSheetPreview *preview;
      GtkAdjustment *adjustment;

      preview = carnet_sheet_preview_new (NULL, notebook, 0, &error);
      g_assert_no_error (error);
      gtk_window_set_default_size (GTK_WINDOW (preview), widths[i], HEIGHT);
      gtk_window_present (GTK_WINDOW (preview));
      run_for (1500);
      ok &= take (shot, widths[i]);

      adjustment = gtk_scrolled_window_get_vadjustment (find_scrolled (GTK_WIDGET (preview)));
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
      run_for (500);
      ok &= take (end_shot, widths[i]);

      gtk_window_destroy (GTK_WINDOW (preview));
      run_for (100);
    }

  carnet_notebook_close (notebook);
  remove_dir (dir);
  return ok;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *import_path = NULL;
  g_autofree char *podir = NULL;
  g_autoptr(GtkCssProvider) css = NULL;
  gboolean ok;

  if (g_getenv ("DISPLAY") == NULL)
    {
      g_print ("no X display (run the tests with build-aux/session.sh)\n");
      return 77;
    }
  import_path = g_find_program_in_path ("import");
  if (import_path == NULL)
    {
      g_print ("no `import` (ImageMagick): no screenshots\n");
      return 77;
    }
  if (argc != 2)
    {
      g_printerr ("usage: %s OUTDIR\n", argv[0]);
      return 2;
    }
  g_mkdir_with_parents (argv[1], 0755);

  setlocale (LC_ALL, "");
  gtk_init ();
  adw_init ();
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
  ok = shoot_language (argv[1], "en");

  if (setlocale (LC_ALL, "fr_FR.UTF-8") == NULL)
    g_print ("no fr_FR.UTF-8 locale: no French screenshots\n");
  else
    ok &= shoot_language (argv[1], "fr");

  return ok ? 0 : 1;
}
