/* shoot-editors.c: screenshots of the editors, the preferences and the notebooks
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Writes <kind>-{en,fr}-{560,360}.png for each editor filled in as a person
 * would, the same scrolled to its end (…-end.png), the editor refusing an
 * empty form (…-error.png), and the preferences and the notebooks dialog,
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
#include "carnet-editor.h"
#include "carnet-preferences-window.h"
#include "carnet-reminders-row.h"
#include "carnet-window.h"

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

static GtkScrolledWindow *
find_scrolled_window (GtkWidget *widget)
{
  if (GTK_IS_SCROLLED_WINDOW (widget))
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

static gboolean
take (const char *path,
      int         width,
      int         height)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *geometry = NULL;
  g_autofree char *stderr_text = NULL;
  int status = 0;
  const char *argv[] = { "import", "-window", "root", "-crop", NULL, path, NULL };

  geometry = g_strdup_printf ("%dx%d+0+0", width, height);
  argv[4] = geometry;
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

/* Takes @name, and when @also_end @name-end with the dialog scrolled to its end. */
static gboolean
shoot (GtkWindow  *dialog,
       const char *outdir,
       const char *name,
       int         width,
       gboolean    also_end)
{
  g_autofree char *file = g_strconcat (name, ".png", NULL);
  g_autofree char *end_file = g_strconcat (name, "-end.png", NULL);
  g_autofree char *path = g_build_filename (outdir, file, NULL);
  g_autofree char *end_path = g_build_filename (outdir, end_file, NULL);
  GtkScrolledWindow *scrolled;
  int actual_width;
  int height = HEIGHT;
  gboolean ok;

  /* A message dialog is as large as its message. */
  if (ADW_IS_MESSAGE_DIALOG (dialog))
    gtk_widget_set_size_request (GTK_WIDGET (dialog), width, -1);
  else
    gtk_window_set_default_size (dialog, width, HEIGHT);
  gtk_window_present (dialog);
  run_for (600);
  if (ADW_IS_MESSAGE_DIALOG (dialog))
    height = gtk_widget_get_height (GTK_WIDGET (dialog)) + 12;

  /* Wider than asked when the content cannot shrink enough: shows it. */
  actual_width = MAX (width, gtk_widget_get_width (GTK_WIDGET (dialog)));
  if (actual_width > width)
    g_print ("%s: %d px wide, not %d\n", path, actual_width, width);
  ok = take (path, actual_width, height);

  scrolled = also_end ? find_scrolled_window (GTK_WIDGET (dialog)) : NULL;
  if (scrolled != NULL)
    {
      GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scrolled);

      if (gtk_adjustment_get_upper (adjustment) > gtk_adjustment_get_page_size (adjustment))
        {
          gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
          run_for (300);
          ok &= take (end_path, actual_width, height);
        }
    }

  return ok;
}

static void
set_text (GtkWidget  *editor,
          const char *id,
          const char *text)
{
  GtkWidget *widget = find_child (editor, id);

  if (GTK_IS_TEXT_VIEW (widget))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), text, -1);
  else
    gtk_editable_set_text (GTK_EDITABLE (widget), text);
}

/* What a person would have typed, in their language. */
static void
fill (GtkWidget  *editor,
      const char *kind,
      gboolean    french)
{
  if (g_str_equal (kind, "appointment"))
    {
      set_text (editor, "title_row", french ? "Scanner thoraco-abdomino-pelvien" : "Chest, abdomen and pelvis CT");
      adw_combo_row_set_selected (find_child (editor, "kind_row"), CARNET_APPOINTMENT_IMAGING);
      set_text (editor, "date_row", "2026-12-03");
      set_text (editor, "time_row", "08:30");
      gtk_spin_button_set_value (find_child (editor, "duration_spin"), 45);
      set_text (editor, "location_row", french ? "Centre d’imagerie, 2e étage" : "Imaging centre, 2nd floor");
      set_text (editor, "with_row", "Dr Lefèvre");
      adw_combo_row_set_selected (find_child (editor, "repeat_row"), 2);
      adw_expander_row_set_expanded (find_child (editor, "reminders_row"), TRUE);
      set_text (editor, "notes_view", french ? "À jeun depuis minuit. Apporter les anciens clichés."
                                             : "Nothing to eat from midnight. Bring the previous images.");
    }
  else if (g_str_equal (kind, "result"))
    {
      set_text (editor, "name_row", french ? "Hémoglobine" : "Haemoglobin");
      set_text (editor, "value_row", french ? "11,2" : "11.2");
      set_text (editor, "unit_row", "g/dL");
      set_text (editor, "low_row", "12");
      set_text (editor, "high_row", "16");
      set_text (editor, "time_row", "07:15");
    }
  else if (g_str_equal (kind, "side-effect"))
    {
      set_text (editor, "symptom_row", french ? "Nausées" : "Nausea");
      set_text (editor, "notes_view", french ? "Surtout le matin, les trois jours après la cure."
                                             : "Mostly in the morning, the three days after the infusion.");
    }
  else if (g_str_equal (kind, "question"))
    {
      set_text (editor, "text_row", french ? "La fatigue est-elle normale à ce stade ?"
                                           : "Is the fatigue expected at this stage?");
    }
  else if (g_str_equal (kind, "treatment"))
    {
      set_text (editor, "name_row", "Paclitaxel");
      set_text (editor, "start_row", "2026-12-01");
      adw_expander_row_set_enable_expansion (find_child (editor, "cycles_expander"), TRUE);
      adw_expander_row_set_expanded (find_child (editor, "cycles_expander"), TRUE);
    }
}

static void
collect_menu_buttons (GtkWidget *widget,
                      GPtrArray *found)
{
  if (GTK_IS_MENU_BUTTON (widget))
    g_ptr_array_add (found, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_menu_buttons (child, found);
}

/* Marks the demo's first planned blood test done: the invitation to enter its result. */
static void
mark_exam_done (CarnetWindow   *window,
                CarnetNotebook *notebook)
{
  g_autoptr(GListModel) agenda = carnet_notebook_agenda (notebook, NULL, NULL, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (agenda); i++)
    {
      g_autoptr(CarnetOccurrence) occurrence = g_list_model_get_item (agenda, i);
      CarnetAppointment *appointment = carnet_occurrence_get_appointment (occurrence);

      if (carnet_appointment_get_kind (appointment) == CARNET_APPOINTMENT_BLOOD_TEST &&
          carnet_occurrence_get_status (occurrence) == CARNET_STATUS_PLANNED)
        {
          gtk_widget_activate_action (GTK_WIDGET (window), "record.mark-done", "(xx)",
                                      carnet_record_get_id (CARNET_RECORD (appointment)),
                                      g_date_time_to_unix (carnet_occurrence_get_start (occurrence)));
          return;
        }
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
  const char *kinds[] = { "appointment", "result", "side-effect", "question", "treatment" };
  const int widths[] = { 560, 360 };
  gboolean french = g_str_equal (lang, "fr");
  gboolean ok = TRUE;
  CarnetWindow *window;

  dir = g_dir_make_tmp ("carnet-shots-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "demo.carnet", NULL);
  notebook = carnet_notebook_open (path, CARNET_OPEN_FLAGS_CREATE, clock, &error);
  g_assert_no_error (error);
  carnet_demo_populate (notebook, &error);
  g_assert_no_error (error);

  window = carnet_window_new (NULL);
  carnet_window_set_notebook (window, notebook);
  /* Behind the dialogs; message dialogs size themselves on its monitor. */
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  run_for (500);

  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    {
      for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
        {
          g_autofree char *name = g_strdup_printf ("%s-%s-%d", kinds[k], lang, widths[w]);
          g_autofree char *error_name = g_strdup_printf ("%s-%s-%d-error", kinds[k], lang, widths[w]);
          GtkWindow *editor;

          gtk_widget_activate_action (GTK_WIDGET (window), "record.add", "s", kinds[k]);
          editor = find_toplevel (CARNET_TYPE_EDITOR);
          g_assert_nonnull (editor);
          fill (GTK_WIDGET (editor), kinds[k], french);
          ok &= shoot (editor, outdir, name, widths[w], TRUE);
          gtk_window_destroy (editor);
          run_for (100);

          /* An empty form, refused: the message on the first field. */
          gtk_widget_activate_action (GTK_WIDGET (window), "record.add", "s", kinds[k]);
          editor = find_toplevel (CARNET_TYPE_EDITOR);
          gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
          ok &= shoot (editor, outdir, error_name, widths[w], TRUE);
          gtk_window_destroy (editor);
          run_for (100);
        }

      {
        g_autofree char *name = g_strdup_printf ("calendar-%s-%d", lang, widths[w]);
        GtkWindow *editor;
        GtkMenuButton *button = NULL;
        g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

        /* The date picker of an appointment, open. */
        gtk_widget_activate_action (GTK_WIDGET (window), "record.add", "s", "appointment");
        editor = find_toplevel (CARNET_TYPE_EDITOR);
        fill (GTK_WIDGET (editor), "appointment", french);
        gtk_window_set_default_size (editor, widths[w], HEIGHT);
        gtk_window_present (editor);
        run_for (500);
        collect_menu_buttons (find_child (GTK_WIDGET (editor), "date_row"), buttons);
        if (buttons->len > 0)
          button = g_ptr_array_index (buttons, 0);
        g_assert_nonnull (button);
        gtk_menu_button_popup (button);
        ok &= shoot (editor, outdir, name, widths[w], FALSE);
        gtk_menu_button_popdown (button);
        gtk_window_destroy (editor);
        run_for (100);
      }

      for (guint d = 0; d < 3; d++)
        {
          static const char *dialogs[] = { "answer", "result-invitation", "notebooks" };
          g_autofree char *name = g_strdup_printf ("%s-%s-%d", dialogs[d], lang, widths[w]);
          GtkWindow *dialog;

          if (d == 0)
            gtk_widget_activate_action (GTK_WIDGET (window), "record.answer", "x", (gint64) 1);
          else if (d == 1)
            mark_exam_done (window, notebook);
          else
            gtk_widget_activate_action (GTK_WIDGET (window), "notebook.switch", NULL);
          run_for (200);
          dialog = find_toplevel (d == 2 ? ADW_TYPE_WINDOW : ADW_TYPE_MESSAGE_DIALOG);
          g_assert_nonnull (dialog);
          ok &= shoot (dialog, outdir, name, widths[w], TRUE);
          gtk_window_destroy (dialog);
          run_for (100);
        }

      {
        g_autofree char *name = g_strdup_printf ("preferences-%s-%d", lang, widths[w]);
        GtkWindow *preferences = carnet_preferences_window_present (window);

        adw_expander_row_set_expanded (find_child (GTK_WIDGET (preferences), "reminders_row"), TRUE);
        ok &= shoot (preferences, outdir, name, widths[w], TRUE);
        gtk_window_destroy (preferences);
        run_for (100);
      }
    }

  gtk_window_destroy (GTK_WINDOW (window));
  run_for (100);
  carnet_notebook_close (notebook);
  remove_dir (dir);
  return ok;
}

/* The appointment editor with text half as large again (the Large Text setting). */
static gboolean
shoot_large_text (const char *outdir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CarnetClock) clock = carnet_clock_new_system ();
  g_autoptr(CarnetNotebook) notebook = NULL;
  g_autofree char *dir = g_dir_make_tmp ("carnet-shots-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "large.carnet", NULL);
  GtkSettings *settings = gtk_settings_get_default ();
  CarnetWindow *window;
  GtkWindow *editor;
  int dpi = 0;
  gboolean ok;

  g_assert_no_error (error);
  notebook = carnet_notebook_open (path, CARNET_OPEN_FLAGS_CREATE, clock, &error);
  g_assert_no_error (error);

  g_object_get (settings, "gtk-xft-dpi", &dpi, NULL);
  g_object_set (settings, "gtk-xft-dpi", 96 * 1024 * 3 / 2, NULL);

  window = carnet_window_new (NULL);
  carnet_window_set_notebook (window, notebook);
  gtk_widget_activate_action (GTK_WIDGET (window), "record.add", "s", "appointment");
  editor = find_toplevel (CARNET_TYPE_EDITOR);
  fill (GTK_WIDGET (editor), "appointment", FALSE);
  ok = shoot (editor, outdir, "appointment-en-360-large-text", 360, TRUE);
  gtk_window_destroy (editor);
  gtk_window_destroy (GTK_WINDOW (window));
  run_for (100);

  g_object_set (settings, "gtk-xft-dpi", dpi, NULL);
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
      g_print ("no X display (run the tests with build-aux/test): no screenshots\n");
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
  ok &= shoot_large_text (outdir);

  if (setlocale (LC_ALL, "fr_FR.UTF-8") == NULL)
    g_print ("no fr_FR.UTF-8 locale: no French screenshots\n");
  else
    ok &= shoot_language (outdir, "fr");

  return ok ? 0 : 1;
}
