/* empty-window.c: the baseline of the start-up benchmark
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An AdwApplication that shows an empty AdwApplicationWindow of Carnet's
 * default size: what any libadwaita program pays before it shows anything.
 * With CARNET_QUIT_AFTER_FIRST_FRAME=1 it quits right after its first painted
 * frame, as carnet does, so both can be timed as whole processes.
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

static void
on_activate_cb (GApplication *app)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));

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

  g_signal_connect (app, "activate", G_CALLBACK (on_activate_cb), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
