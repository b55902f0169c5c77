/* bench-window.c: drives Carnet's real window over a notebook, as a user would
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * bench-window NOTEBOOK: opens the window on NOTEBOOK, shows each page and
 * scrolls its list to the middle, the end and back, searches, opens the editors and the
 * trash, letting the main loop settle after each step. Run it with
 * CARNET_PROFILE_QUERIES=FILE and the core writes every statement's time to
 * FILE; this program writes a line "#<tab>STEP" there before each step, so
 * each statement can be told which step ran it. Under a display
 * (build-aux/session.sh). It measures nothing itself.
 */
#define G_LOG_DOMAIN "carnet-bench"

#include "config.h"

#include <stdio.h>

#include <adwaita.h>

#include "carnet.h"
#include "carnet-record-actions.h"
#include "carnet-window.h"

/* The main loop is settled when nothing was dispatched for this long. */
#define QUIET_US (300 * G_TIME_SPAN_MILLISECOND)
#define SETTLE_MAX_US (10 * G_TIME_SPAN_SECOND)

static FILE *profile;

static void
settle (void)
{
  gint64 start = g_get_monotonic_time ();
  gint64 quiet_since = start;
  guint dispatched = 0;

  for (gint64 now = start; now - quiet_since < QUIET_US && now - start < SETTLE_MAX_US;
       now = g_get_monotonic_time ())
    {
      if (g_main_context_iteration (NULL, FALSE))
        {
          quiet_since = g_get_monotonic_time ();
          dispatched++;
        }
      else
        g_usleep (2 * G_TIME_SPAN_MILLISECOND);
    }
  if (g_getenv ("BENCH_DEBUG"))
    g_printerr ("settle: %.3f s, %u dispatches\n", (g_get_monotonic_time () - start) / 1e6, dispatched);
}

static void
step (const char *name)
{
  static gint64 start;

  if (start == 0)
    start = g_get_monotonic_time ();
  if (profile != NULL)
    fprintf (profile, "#\t%s\n", name);
  g_printerr ("bench-window: %6.1f s %s\n", (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC, name);
}

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

/* The scrolled windows on screen under @widget. */
static void
collect_scrolled (GtkWidget *widget,
                  GPtrArray *found)
{
  if (!gtk_widget_get_mapped (widget))
    return;

  if (GTK_IS_SCROLLED_WINDOW (widget))
    {
      g_ptr_array_add (found, widget);
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_scrolled (child, found);
}

/* Scrolls what is on screen to its middle, its end, then back to the top. */
static void
scroll_through (GtkWidget *window)
{
  g_autoptr(GPtrArray) scrolled = g_ptr_array_new ();

  collect_scrolled (window, scrolled);
  for (guint i = 0; i < scrolled->len; i++)
    {
      GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scrolled->pdata[i]);

      for (int half = 1; half <= 2; half++)
        {
          double end = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);

          gtk_adjustment_set_value (adjustment, end * half / 2);
          settle ();
        }
      gtk_adjustment_set_value (adjustment, 0);
      settle ();
    }
}

static void
close_other_windows (GtkWidget *window)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (l->data != window && gtk_widget_get_visible (l->data))
      gtk_window_destroy (l->data);
  settle ();
}

static void
on_after_paint_cb (GdkFrameClock *frame_clock,
                   gint64        *painted)
{
  if (*painted == 0)
    *painted = g_get_monotonic_time ();
}

/* Searches for @query as Enter in the search entry does, and says how long
 * it took until the window drew the hits ("bench-window: shown NAME MS"). */
static void
search (GtkWidget  *window,
        const char *query)
{
  GtkWidget *entry = find_child (window, "search_entry");
  g_autofree char *name = g_strdup_printf ("search “%s”", query);
  GdkFrameClock *frame_clock = gdk_surface_get_frame_clock (gtk_native_get_surface (GTK_NATIVE (window)));
  gint64 painted = 0;
  gint64 start;
  gulong handler;

  step (name);
  gtk_widget_activate_action (window, "win.search", NULL);
  settle ();

  start = g_get_monotonic_time ();
  gtk_editable_set_text (GTK_EDITABLE (entry), query);
  g_signal_emit_by_name (entry, "activate");
  handler = g_signal_connect (frame_clock, "after-paint", G_CALLBACK (on_after_paint_cb), &painted);
  while (painted == 0 && g_get_monotonic_time () - start < SETTLE_MAX_US)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (G_TIME_SPAN_MILLISECOND / 2);
  g_signal_handler_disconnect (frame_clock, handler);
  if (painted != 0)
    g_printerr ("bench-window: shown %s %.1f\n", name, (painted - start) / 1000.0);
  settle ();
  scroll_through (window);
}

int
main (int   argc,
      char *argv[])
{
  static const char * const pages[] = {
    "upcoming", "journal", "results", "side-effects", "questions", "treatments",
  };
  static const char * const kinds[] = {
    "appointment", "result", "side-effect", "question", "treatment",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(CarnetClock) clock = NULL;
  g_autoptr(CarnetNotebook) notebook = NULL;
  const char *profile_path = g_getenv ("CARNET_PROFILE_QUERIES");
  GtkWidget *window;

  if (argc != 2)
    {
      g_printerr ("Usage: bench-window NOTEBOOK\n");
      return 2;
    }

  gtk_init ();
  adw_init ();
  /* A blinking cursor redraws for ten seconds: the main loop would not settle. */
  g_object_set (gtk_settings_get_default (), "gtk-cursor-blink", FALSE, NULL);

  if (profile_path != NULL && *profile_path != '\0')
    {
      profile = fopen (profile_path, "ae");
      if (profile == NULL)
        {
          g_printerr ("bench-window: %s: %s\n", profile_path, g_strerror (errno));
          return 1;
        }
      setvbuf (profile, NULL, _IOLBF, 0);
    }

  step ("open the window");
  clock = carnet_clock_new_system ();
  notebook = carnet_notebook_open (argv[1], CARNET_OPEN_FLAGS_NONE, clock, &error);
  if (notebook == NULL)
    {
      g_printerr ("bench-window: %s\n", error->message);
      return 1;
    }
  window = GTK_WIDGET (carnet_window_new (NULL));
  carnet_window_set_notebook (CARNET_WINDOW (window), notebook);
  gtk_window_present (GTK_WINDOW (window));
  settle ();

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autofree char *name = g_strdup_printf ("page %s", pages[i]);

      step (name);
      gtk_widget_activate_action (window, "win.show-page", "s", pages[i]);
      settle ();
      scroll_through (window);
    }

  search (window, "nausees");
  search (window, "scanner");
  search (window, "neutrophiles");
  gtk_search_bar_set_search_mode (find_child (window, "search_bar"), FALSE);
  settle ();

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autofree char *add = g_strdup_printf ("editor: new %s", kinds[i]);
      g_autofree char *edit = g_strdup_printf ("editor: edit %s 1", kinds[i]);

      step (add);
      gtk_widget_activate_action (window, "record.add", "s", kinds[i]);
      settle ();
      close_other_windows (window);

      step (edit);
      gtk_widget_activate_action (window, "record.edit", "(sx)", kinds[i], (gint64) 1);
      settle ();
      close_other_windows (window);
    }

  step ("trash");
  gtk_widget_activate_action (window, "win.show-trash", NULL);
  settle ();
  gtk_widget_activate_action (window, "win.close-trash", NULL);
  settle ();

  step ("close the window");
  gtk_window_destroy (GTK_WINDOW (window));
  settle ();
  carnet_notebook_close (notebook);

  g_clear_pointer (&profile, fclose);
  return 0;
}
