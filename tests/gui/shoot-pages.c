/* shoot-pages.c: screenshots of the Results and Questions pages with the demo
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Writes results-{en,fr}-{1200,360}.png and questions-{en,fr}-{1200,360}.png,
 * the same at 360 px with large text (…-360-large.png), and each scrolled to
 * its end (…-end.png), and the Questions page with more questions for the next
 * consultation than it shows at first, focused on its "Show More Questions"
 * row (questions-{en,fr}-{1200,360}-more.png), into the folder given as argument (the build dir's screenshots/ under
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
#include "carnet-questions-page.h"
#include "carnet-results-page.h"

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

static gboolean
add_extras (CarnetNotebook  *notebook,
            const char      *lang,
            GError         **error)
{
  g_autoptr(CarnetQuestion) next = carnet_question_new ();
  g_autoptr(GListModel) results = NULL;
  g_autoptr(GBytes) pdf = g_bytes_new_static ("%PDF-1.4\n", 9);

  /* A question for whichever consultation comes next, by the caregiver. */
  carnet_question_set_text (next, g_str_equal (lang, "fr")
                                 ? "Doit-elle se faire vacciner contre la grippe cet hiver ?"
                                 : "Should she get the flu vaccine this winter?");
  carnet_question_set_author (next, CARNET_AUTHOR_CAREGIVER);
  if (!carnet_notebook_add (notebook, CARNET_RECORD (next), error))
    return FALSE;

  /* The last report with its file. */
  results = carnet_notebook_list (notebook, CARNET_RECORD_RESULT, NULL, NULL, error);
  if (results == NULL)
    return FALSE;
  for (guint i = g_list_model_get_n_items (results); i > 0; i--)
    {
      g_autoptr(CarnetResult) result = g_list_model_get_item (results, i - 1);

      if (!carnet_result_has_value (result))
        {
          carnet_result_set_attachment (result, "ct-scan-report.pdf", pdf);
          if (!carnet_notebook_update (notebook, CARNET_RECORD (result), error))
            return FALSE;
          break;
        }
    }

  return TRUE;
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

static GtkWidget *
find_by_class (GtkWidget  *widget,
               const char *css_class)
{
  if (gtk_widget_has_css_class (widget, css_class) && gtk_widget_get_visible (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_by_class (child, css_class);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Takes @path, and @path with "-end" of the page scrolled to its end; with
 * @focus_class, the focus first on the widget of that style class (the view
 * scrolls to it). */
static gboolean
shoot (GtkWidget  *page,
       const char *title,
       int         width,
       const char *path,
       const char *focus_class)
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
  if (focus_class != NULL && find_by_class (page, focus_class) != NULL)
    {
      gtk_widget_grab_focus (find_by_class (page, focus_class));
      run_for (500);
    }

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

static gboolean
expand_first_group (GtkWidget *widget)
{
  if (ADW_IS_EXPANDER_ROW (widget))
    {
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (widget), TRUE);
      return TRUE;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (expand_first_group (child))
        return TRUE;
    }

  return FALSE;
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
  /* Wide, narrow, and narrow with large text (150 %). */
  const struct {
    int         width;
    double      text_scale;
    const char *suffix;
  } sizes[] = {
    { 1200, 1.0, "" },
    { 360, 1.0, "" },
    { 360, 1.5, "-large" },
  };
  GtkSettings *settings = gtk_settings_get_default ();
  int dpi;

  dir = g_dir_make_tmp ("carnet-shots-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "demo.carnet", NULL);
  notebook = carnet_notebook_open (path, CARNET_OPEN_FLAGS_CREATE, clock, &error);
  g_assert_no_error (error);
  carnet_demo_populate (notebook, &error);
  g_assert_no_error (error);
  add_extras (notebook, lang, &error);
  g_assert_no_error (error);

  g_object_get (settings, "gtk-xft-dpi", &dpi, NULL);
  if (dpi <= 0)
    dpi = 96 * 1024;

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autofree char *results_path = NULL;
      g_autofree char *questions_path = NULL;
      g_autofree char *results_name = NULL;
      g_autofree char *questions_name = NULL;
      GtkWidget *page;

      results_name = g_strdup_printf ("results-%s-%d%s.png", lang, sizes[i].width, sizes[i].suffix);
      questions_name = g_strdup_printf ("questions-%s-%d%s.png", lang, sizes[i].width, sizes[i].suffix);
      g_object_set (settings, "gtk-xft-dpi", (int) (dpi * sizes[i].text_scale), NULL);

      results_path = g_build_filename (outdir, results_name, NULL);
      page = carnet_results_page_new ();
      carnet_page_set_notebook (CARNET_PAGE (page), notebook);
      carnet_page_reload (CARNET_PAGE (page));
      expand_first_group (page);
      ok &= shoot (page, _("Results"), sizes[i].width, results_path, NULL);

      questions_path = g_build_filename (outdir, questions_name, NULL);
      page = carnet_questions_page_new ();
      carnet_page_set_notebook (CARNET_PAGE (page), notebook);
      ok &= shoot (page, _("Questions"), sizes[i].width, questions_path, NULL);
    }
  g_object_set (settings, "gtk-xft-dpi", dpi, NULL);

  /* More for the next consultation than the page shows at first. */
  for (guint i = 0; i < 40; i++)
    {
      g_autoptr(CarnetQuestion) question = carnet_question_new ();
      g_autofree char *text = g_strdup_printf (g_str_equal (lang, "fr") ? "Question n° %u ?" : "Question no. %u?",
                                               i + 1);

      carnet_question_set_text (question, text);
      if (!carnet_notebook_add (notebook, CARNET_RECORD (question), &error))
        {
          g_printerr ("%s\n", error->message);
          return FALSE;
        }
    }
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *name = g_strdup_printf ("questions-%s-%d-more.png", lang, sizes[i].width);
      g_autofree char *more_path = g_build_filename (outdir, name, NULL);
      GtkWidget *page = carnet_questions_page_new ();

      carnet_page_set_notebook (CARNET_PAGE (page), notebook);
      ok &= shoot (page, _("Questions"), sizes[i].width, more_path, "carnet-show-more");
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
  const char *outdir;
  gboolean ok;

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
