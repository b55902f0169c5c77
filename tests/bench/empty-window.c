/* empty-window.c: the baseline of the start-up benchmark
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An AdwApplication that shows an empty AdwApplicationWindow of Carnet's
 * default size: what any libadwaita program pays before it shows anything.
 * With CARNET_QUIT_AFTER_FIRST_FRAME=1 it quits right after its first painted
 * frame, as carnet does, so both can be timed as whole processes.
 *
 * With --chrome, the window has Carnet's chrome and nothing in it: the header
 * bar with its three buttons, the view switcher over six empty pages with
 * Carnet's titles and icons (two of Carnet's own are drawn by Adwaita's
 * here), and the switcher bar. The benchmark reports it too: what Carnet
 * costs beyond the chrome any libadwaita program with a view switcher has.
 */
#define G_LOG_DOMAIN "carnet-bench"

#include "config.h"

#include <adwaita.h>

static void
on_first_frame_after_paint_cb (GdkFrameClock *frame_clock,
                               GApplication  *app)
{
  g_signal_handlers_disconnect_by_func (frame_clock, on_first_frame_after_paint_cb, app);
  g_application_quit (app);
}

static gboolean chrome;

static void
add_chrome (AdwApplicationWindow *window)
{
  static const struct {
    const char *name;
    const char *title;
    const char *icon;
  } pages[] = {
    { "upcoming", "Upcoming", "alarm-symbolic" },
    { "journal", "Journal", "document-open-recent-symbolic" },
    { "results", "Results", "applications-science-symbolic" },
    { "side-effects", "Side Effects", "face-sick-symbolic" },
    { "questions", "Questions", "dialog-question-symbolic" },
    { "treatments", "Treatments", "emblem-system-symbolic" },
  };
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header_bar = adw_header_bar_new ();
  GtkWidget *stack = adw_view_stack_new ();
  GtkWidget *title = adw_view_switcher_title_new ();
  GtkWidget *bar = adw_view_switcher_bar_new ();

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    adw_view_stack_add_titled_with_icon (ADW_VIEW_STACK (stack), adw_bin_new (),
                                         pages[i].name, pages[i].title, pages[i].icon);
  gtk_widget_set_vexpand (stack, TRUE);

  adw_view_switcher_title_set_stack (ADW_VIEW_SWITCHER_TITLE (title), ADW_VIEW_STACK (stack));
  adw_view_switcher_title_set_title (ADW_VIEW_SWITCHER_TITLE (title), "Carnet");
  adw_view_switcher_title_set_subtitle (ADW_VIEW_SWITCHER_TITLE (title), "notebook.carnet");
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header_bar), title);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header_bar),
                             g_object_new (GTK_TYPE_MENU_BUTTON, "icon-name", "list-add-symbolic", NULL));
  adw_header_bar_pack_end (ADW_HEADER_BAR (header_bar),
                           g_object_new (GTK_TYPE_MENU_BUTTON, "icon-name", "open-menu-symbolic", NULL));
  adw_header_bar_pack_end (ADW_HEADER_BAR (header_bar),
                           g_object_new (GTK_TYPE_TOGGLE_BUTTON, "icon-name", "system-search-symbolic", NULL));
  adw_view_switcher_bar_set_stack (ADW_VIEW_SWITCHER_BAR (bar), ADW_VIEW_STACK (stack));

  gtk_box_append (GTK_BOX (box), header_bar);
  gtk_box_append (GTK_BOX (box), stack);
  gtk_box_append (GTK_BOX (box), bar);
  adw_application_window_set_content (window, box);
}

static void
on_activate_cb (GApplication *app)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));

  if (chrome)
    add_chrome (ADW_APPLICATION_WINDOW (window));

  /* Carnet's default size (the window-width and window-height settings). */
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 700);
  gtk_window_present (GTK_WINDOW (window));
  if (g_strcmp0 (g_getenv ("CARNET_QUIT_AFTER_FIRST_FRAME"), "1") == 0)
    g_signal_connect_object (gdk_surface_get_frame_clock (gtk_native_get_surface (GTK_NATIVE (window))),
                             "after-paint", G_CALLBACK (on_first_frame_after_paint_cb), app, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = adw_application_new ("io.github.carnet.Carnet.EmptyWindow",
                                                       G_APPLICATION_DEFAULT_FLAGS);

  if (argc > 1 && g_str_equal (argv[1], "--chrome"))
    {
      chrome = TRUE;
      /* The program's name stays first. */
      argv[1] = argv[0];
      argc--;
      argv++;
    }

  g_signal_connect (app, "activate", G_CALLBACK (on_activate_cb), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
