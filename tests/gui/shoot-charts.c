/* shoot-charts.c: screenshots of the charts with the demo
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Writes charts-results-{en,fr}-{light,dark}-{1200,360}.png (the Results
 * page with the Haemoglobin chart open) and charts-side-effects-… (the Side
 * effects page's timelines), each also scrolled to its end (…-end.png),
 * into the folder given as argument (the build dir's screenshots/ under
 * meson test), taken with ImageMagick's `import` from the X server, as a
 * person would see them. For people to look at: it checks nothing but that
 * they could be taken.
 */
#define G_LOG_DOMAIN "carnet-test"

#include "config.h"

#include <adwaita.h>
#include <locale.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "carnet.h"
#include "carnet-results-page.h"
#include "carnet-side-effects-page.h"

#define HEIGHT 800

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

static void
on_record_action_cb (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
}

/* The window's "record" actions, which the pages' buttons use: enabled, as
 * in the application, but doing nothing. */
static GSimpleActionGroup *
new_record_actions (void)
{
  static const GActionEntry entries[] = {
    { "add", on_record_action_cb, "s", NULL, NULL, { 0 } },
    { "edit", on_record_action_cb, "(sx)", NULL, NULL, { 0 } },
    { "delete", on_record_action_cb, "(sx)", NULL, NULL, { 0 } },
    { "answer", on_record_action_cb, "x", NULL, NULL, { 0 } },
  };
  GSimpleActionGroup *group = g_simple_action_group_new ();

  g_action_map_add_action_entries (G_ACTION_MAP (group), entries, G_N_ELEMENTS (entries), NULL);
  return group;
}

static GtkScrolledWindow *
find_scrolled_window (GtkWidget *widget)
{
  if (GTK_IS_SCROLLED_WINDOW (widget) && gtk_widget_get_mapped (widget))
    return GTK_SCROLLED_WINDOW (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkScrolledWindow *found = find_scrolled_window (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
take (const char *path,
      int         width)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *geometry = NULL;
  g_autofree char *stderr_text = NULL;
  int status = 0;
  const char *argv[] = { "import", "-window", "root", "-crop", NULL, path, NULL };

  geometry = g_strdup_printf ("%dx%d+0+0", width, HEIGHT);
  argv[4] = geometry;
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                     NULL, NULL, NULL, &stderr_text, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    {
      g_printerr ("%s: %s %s\n", path, error->message, stderr_text != NULL ? stderr_text : "");
      return FALSE;
    }

  return TRUE;
}

/* Takes @path, and @path with "-end" of the page scrolled to its end. */
static gboolean
shoot (GtkWidget  *page,
       const char *title,
       int         width,
       const char *path)
{
  g_autoptr(GSimpleActionGroup) actions = new_record_actions ();
  g_autofree char *end_path = NULL;
  GtkScrolledWindow *scrolled;
  GtkWidget *window;
  GtkWidget *box;
  GtkWidget *header;
  GtkWidget *overlay;
  int actual_width;
  gboolean ok;

  window = adw_window_new ();
  gtk_widget_insert_action_group (window, "record", G_ACTION_GROUP (actions));
  gtk_window_set_default_size (GTK_WINDOW (window), width, HEIGHT);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), adw_window_title_new (title, NULL));
  gtk_box_append (GTK_BOX (box), header);
  overlay = adw_toast_overlay_new ();
  gtk_widget_set_vexpand (overlay, TRUE);
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), page);
  gtk_box_append (GTK_BOX (box), overlay);
  adw_window_set_content (ADW_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
  run_for (1500);

  /* Wider than asked when the content cannot shrink enough: shows it. */
  actual_width = MAX (width, gtk_widget_get_width (window));
  if (actual_width > width)
    g_print ("%s: %d px wide, not %d\n", path, actual_width, width);
  else
    g_print ("%s\n", path);
  ok = take (path, actual_width);

  scrolled = find_scrolled_window (page);
  if (scrolled != NULL)
    {
      GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scrolled);
      g_autofree char *base = g_strndup (path, strlen (path) - strlen (".png"));

      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
      run_for (500);
      end_path = g_strconcat (base, "-end.png", NULL);
      ok &= take (end_path, actual_width);
    }

  gtk_window_destroy (GTK_WINDOW (window));
  run_for (100);
  return ok;
}

static void
collect (GtkWidget  *widget,
         GType       type,
         GPtrArray  *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (found, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect (child, type, found);
}

/* Opens the test named @name, its chart first in its history. */
static void
expand_test (GtkWidget  *page,
             const char *name)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect (page, ADW_TYPE_EXPANDER_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    {
      if (g_strcmp0 (adw_preferences_row_get_title (g_ptr_array_index (rows, i)), name) == 0)
        adw_expander_row_set_expanded (g_ptr_array_index (rows, i), TRUE);
    }
}

static void
show_timelines (GtkWidget *page)
{
  g_autoptr(GPtrArray) stacks = g_ptr_array_new ();

  collect (page, GTK_TYPE_STACK, stacks);
  for (guint i = 0; i < stacks->len; i++)
    {
      if (gtk_stack_get_child_by_name (g_ptr_array_index (stacks, i), "timelines") != NULL)
        gtk_stack_set_visible_child_name (g_ptr_array_index (stacks, i), "timelines");
    }
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
  gboolean ok = TRUE;
  const int widths[] = { 1200, 360 };
  const char *styles[] = { "light", "dark" };

  dir = g_dir_make_tmp ("carnet-shots-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "demo.carnet", NULL);
  notebook = carnet_notebook_open (path, CARNET_OPEN_FLAGS_CREATE, clock, &error);
  g_assert_no_error (error);
  carnet_demo_populate (notebook, &error);
  g_assert_no_error (error);

  for (guint s = 0; s < G_N_ELEMENTS (styles); s++)
    {
      adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                          s == 0 ? ADW_COLOR_SCHEME_FORCE_LIGHT : ADW_COLOR_SCHEME_FORCE_DARK);

      for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
        {
          g_autofree char *results_name = NULL;
          g_autofree char *effects_name = NULL;
          g_autofree char *results_path = NULL;
          g_autofree char *effects_path = NULL;
          GtkWidget *page;

          results_name = g_strdup_printf ("charts-results-%s-%s-%d.png", lang, styles[s], widths[i]);
          effects_name = g_strdup_printf ("charts-side-effects-%s-%s-%d.png", lang, styles[s], widths[i]);

          results_path = g_build_filename (outdir, results_name, NULL);
          page = carnet_results_page_new ();
          carnet_page_set_notebook (CARNET_PAGE (page), notebook);
          carnet_page_reload (CARNET_PAGE (page));
          expand_test (page, _("Haemoglobin"));
          ok &= shoot (page, _("Results"), widths[i], results_path);

          effects_path = g_build_filename (outdir, effects_name, NULL);
          page = carnet_side_effects_page_new ();
          carnet_page_set_notebook (CARNET_PAGE (page), notebook);
          carnet_page_reload (CARNET_PAGE (page));
          show_timelines (page);
          ok &= shoot (page, _("Side Effects"), widths[i], effects_path);
        }
    }
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);

  carnet_notebook_close (notebook);
  remove_dir (dir);
  return ok;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *podir = NULL;
  g_autoptr(GtkCssProvider) css = NULL;
  const char *outdir;
  gboolean ok;
  g_autofree char *import_path = NULL;

  if (g_getenv ("DISPLAY") == NULL)
    {
      g_print ("1..0 # SKIP no X display (run the tests with build-aux/test)\n");
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
  outdir = argv[1];
  g_mkdir_with_parents (outdir, 0755);

  setlocale (LC_ALL, "");
  gtk_init ();
  adw_init ();
  /* As AdwApplication does for the application: its icons and style. */
  gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                    RESOURCE_BASE "/icons");
  css = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (css, RESOURCE_BASE "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  /* The screenshots are the same from one run to the next. */
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
