/* test-charts.c: the chart widgets, on the demo notebook
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A test's chart on the Results page (its words, its zoom, its pixels in
 * the light and the dark style) and the symptoms' timelines on the Side
 * effects page.
 */
#define G_LOG_DOMAIN "carnet-test"

#include "config.h"

#include <adwaita.h>
#include <math.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "carnet.h"
#include "carnet-chart-view.h"
#include "carnet-result-chart.h"
#include "carnet-results-page.h"
#include "carnet-side-effects-page.h"
#include "carnet-symptom-timelines.h"

typedef struct
{
  char           *dir;
  CarnetClock    *clock;
  CarnetNotebook *notebook;
  GtkWindow      *window;
} Fixture;

static gboolean
on_timeout_cb (gpointer user_data)
{
  gboolean *done = user_data;

  *done = TRUE;
  return G_SOURCE_REMOVE;
}

/* Lets a few frames go by. */
static void
run_for (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, on_timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* Lets frames go by until @widget is on screen and at least @height tall: an
 * expander's revealer takes longer under the sanitizers or on a loaded
 * machine. Gives up after 20 s; the caller's assertions then say what is wrong. */
static void
run_until_shown (GtkWidget *widget,
                 int        height)
{
  for (guint i = 0; i < 400; i++)
    {
      if (gtk_widget_get_mapped (widget) && gtk_widget_get_height (widget) >= height)
        return;
      run_for (50);
    }
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Paris");
  g_autoptr(GDateTime) now = g_date_time_new (tz, 2026, 11, 28, 10, 0, 0);
  g_autofree char *path = NULL;

  fixture->dir = g_dir_make_tmp ("carnet-charts-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "notebook.carnet", NULL);
  fixture->clock = carnet_clock_new_fixed (now);
  fixture->notebook = carnet_notebook_open (path, CARNET_OPEN_FLAGS_CREATE, fixture->clock, &error);
  g_assert_no_error (error);
  carnet_demo_populate (fixture->notebook, &error);
  g_assert_no_error (error);
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
  if (fixture->window != NULL)
    {
      gtk_window_destroy (fixture->window);
      run_for (50);
      g_assert_finalize_object (fixture->window);
    }
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);
  carnet_notebook_close (fixture->notebook);
  g_clear_object (&fixture->notebook);
  g_clear_object (&fixture->clock);
  remove_dir (fixture->dir);
  g_free (fixture->dir);
}

static void
show (Fixture   *fixture,
      GtkWidget *page,
      int        width)
{
  fixture->window = g_object_ref_sink (GTK_WINDOW (gtk_window_new ()));
  gtk_window_set_default_size (fixture->window, width, 800);
  gtk_window_set_child (fixture->window, page);
  gtk_window_present (fixture->window);
  run_for (200);
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

static AdwExpanderRow *
find_test (GtkWidget  *page,
           const char *name)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect (page, ADW_TYPE_EXPANDER_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    {
      if (g_strcmp0 (adw_preferences_row_get_title (g_ptr_array_index (rows, i)), name) == 0)
        return g_ptr_array_index (rows, i);
    }

  return NULL;
}

/* The widget drawn as GTK draws it, on white: B G R A bytes, as cairo's. */
static guchar *
render (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  guchar *data = g_malloc ((gsize) width * height * 4);

  gtk_snapshot_append_color (snapshot, &(GdkRGBA) { 1, 1, 1, 1 }, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gdk_texture_download (texture, data, (gsize) width * 4);

  return data;
}

static guint32
pixel_of (const guchar *data,
          int           width,
          int           x,
          int           y)
{
  const guchar *pixel = data + ((gsize) y * width + x) * 4;

  return ((guint32) pixel[2] << 16) | ((guint32) pixel[1] << 8) | pixel[0];
}

static guint32
rgb_of (const CarnetChartColor *color)
{
  /* Over white. */
  return ((guint32) lround ((color->red * color->alpha + 1 - color->alpha) * 255) << 16) |
         ((guint32) lround ((color->green * color->alpha + 1 - color->alpha) * 255) << 8) |
         (guint32) lround ((color->blue * color->alpha + 1 - color->alpha) * 255);
}

static gboolean
near (guint32 a,
      guint32 b)
{
  for (int shift = 0; shift <= 16; shift += 8)
    {
      if (ABS ((int) ((a >> shift) & 0xff) - (int) ((b >> shift) & 0xff)) > 4)
        return FALSE;
    }
  return TRUE;
}

static void
test_results_chart (Fixture       *fixture,
                    gconstpointer  user_data)
{
  GtkWidget *page = carnet_results_page_new ();
  g_autoptr(GPtrArray) charts = g_ptr_array_new ();
  AdwExpanderRow *row;
  CarnetResultChart *chart;
  CarnetChartView *view;
  const char *description;

  carnet_page_set_notebook (CARNET_PAGE (page), fixture->notebook);
  show (fixture, page, 800);

  /* No chart is made before its test is opened. */
  collect (page, CARNET_TYPE_RESULT_CHART, charts);
  g_assert_cmpuint (charts->len, ==, 0);

  row = find_test (page, "Haemoglobin");
  g_assert_nonnull (row);
  adw_expander_row_set_expanded (row, TRUE);
  run_for (300);
  collect (GTK_WIDGET (row), CARNET_TYPE_RESULT_CHART, charts);
  g_assert_cmpuint (charts->len, ==, 1);
  chart = g_ptr_array_index (charts, 0);
  view = carnet_result_chart_get_view (chart);
  run_until_shown (GTK_WIDGET (view), 150);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (view)));
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (view)), >=, 150);

  /* Above the history: the expander's first row. */
  g_assert_true (gtk_widget_get_prev_sibling (gtk_widget_get_parent (GTK_WIDGET (chart))) == NULL);

  /* In words: the latest value, where it stands, the trend. */
  description = carnet_chart_view_get_description (view);
  g_assert_true (g_str_has_prefix (description, "Latest value 12.6 g/dL on "));
  g_assert_nonnull (strstr (description, "within the range 12–16; rising since the previous value (11.6 g/dL)."));
  g_assert_nonnull (strstr (description, "9 values since "));
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (view)), ==, GTK_ACCESSIBLE_ROLE_IMG);

  /* Zoom: a year by default, then everything, then 3 months. */
  g_assert_cmpstr (carnet_result_chart_get_zoom (chart), ==, CARNET_CHART_ZOOM_YEAR);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (chart), "chart.zoom", "s", "all"));
  g_assert_cmpstr (carnet_result_chart_get_zoom (chart), ==, CARNET_CHART_ZOOM_ALL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (chart), "chart.zoom", "s", "months"));
  g_assert_cmpstr (carnet_result_chart_get_zoom (chart), ==, CARNET_CHART_ZOOM_MONTHS);

  /* The window of 3 months ends after today and starts 3 months before. */
  {
    g_autoptr(GDateTime) now = carnet_clock_get_now (fixture->clock);
    g_autoptr(GDateTime) before = g_date_time_add_months (now, -3);
    CarnetChartSeries *empty;
    gint64 from, to;
    g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Paris");

    empty = carnet_chart_series_new ("x", NULL, tz);
    carnet_result_chart_window (empty, CARNET_CHART_ZOOM_MONTHS, now, &from, &to);
    g_assert_cmpint (from, ==, g_date_time_to_unix (before));
    g_assert_cmpint (to, >, g_date_time_to_unix (now));
    carnet_chart_series_free (empty);
  }

  /* The pixels: the band, in the light style then the dark one. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (chart), "chart.zoom", "s", "all"));
  run_for (100);
  {
    CarnetChartPalette light, dark;

    carnet_chart_view_get_palette (view, &light);
    int w = gtk_widget_get_width (GTK_WIDGET (view));
    int h = gtk_widget_get_height (GTK_WIDGET (view));
    g_autofree guchar *before = render (GTK_WIDGET (view));
    g_autofree guchar *after = NULL;
    int x = -1, y = -1;

    /* Somewhere the band alone shows (not under a treatment's shade). */
    for (int px = 0; px < w && x < 0; px += 3)
      {
        for (int py = 0; py < h; py++)
          {
            if (near (pixel_of (before, w, px, py), rgb_of (&light.band)) &&
                near (pixel_of (before, w, px, py + 3), rgb_of (&light.band)))
              {
                x = px;
                y = py + 3;
                break;
              }
          }
      }
    g_assert_cmpint (x, >=, 0);

    adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
    run_for (100);
    carnet_chart_view_get_palette (view, &dark);
    g_assert_true (adw_style_manager_get_dark (adw_style_manager_get_default ()));
    g_assert_false (near (rgb_of (&dark.line), rgb_of (&light.line)));
    after = render (GTK_WIDGET (view));
    g_assert_true (near (pixel_of (after, w, x, y), rgb_of (&dark.band)));
    /* Light text on the dark style. */
    g_assert_cmpfloat (dark.foreground.red, >, 0.7);
  }
}

static void
test_side_effect_timelines (Fixture       *fixture,
                            gconstpointer  user_data)
{
  GtkWidget *page = carnet_side_effects_page_new ();
  g_autoptr(GPtrArray) views = g_ptr_array_new ();
  g_autoptr(GPtrArray) stacks = g_ptr_array_new ();
  GtkStack *view_stack = NULL;
  CarnetChartView *nausea = NULL;
  g_autoptr(CarnetSideEffect) old = carnet_side_effect_new ();
  g_autoptr(GDateTime) now = carnet_clock_get_now (fixture->clock);
  g_autoptr(GDateTime) long_ago = g_date_time_add_months (now, -CARNET_SYMPTOM_TIMELINES_MONTHS - 1);
  g_autoptr(GError) error = NULL;

  /* Older than the timelines go back: not drawn. */
  carnet_side_effect_set_symptom (old, "Rash of long ago");
  carnet_side_effect_set_severity (old, 2);
  carnet_side_effect_set_at (old, long_ago);
  carnet_notebook_add (fixture->notebook, CARNET_RECORD (old), &error);
  g_assert_no_error (error);

  carnet_page_set_notebook (CARNET_PAGE (page), fixture->notebook);
  carnet_page_reload (CARNET_PAGE (page));
  show (fixture, page, 800);

  /* Not read until shown. */
  collect (page, CARNET_TYPE_CHART_VIEW, views);
  g_assert_cmpuint (views->len, ==, 0);

  collect (page, GTK_TYPE_STACK, stacks);
  for (guint i = 0; i < stacks->len; i++)
    {
      if (gtk_stack_get_child_by_name (g_ptr_array_index (stacks, i), "timelines") != NULL)
        view_stack = g_ptr_array_index (stacks, i);
    }
  g_assert_nonnull (view_stack);
  gtk_stack_set_visible_child_name (view_stack, "timelines");
  run_for (300);

  /* A timeline per symptom of the demo's last months, each described in words. */
  collect (page, CARNET_TYPE_CHART_VIEW, views);
  g_assert_cmpuint (views->len, ==, 7);
  for (guint i = 0; i < views->len; i++)
    {
      CarnetChartView *view = g_ptr_array_index (views, i);
      const char *description = carnet_chart_view_get_description (view);

      g_assert_nonnull (description);
      g_assert_false (g_str_has_prefix (description, "Rash of long ago"));
      run_until_shown (GTK_WIDGET (view), 21);
      g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (view)), >, 20);
      if (g_str_has_prefix (description, "Nausea: "))
        nausea = view;
    }
  g_assert_nonnull (nausea);
  g_assert_cmpstr (carnet_chart_view_get_description (nausea), ==,
                   "Nausea: worst on day 2 of the cycles; at most severe (3), in cycle 1; "
                   "noted in 6 of 6 cycles of EC then paclitaxel.");

  /* A record shown goes back to the list. */
  g_assert_true (carnet_page_show_record (CARNET_PAGE (page), CARNET_RECORD_SIDE_EFFECT, 1));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (view_stack), ==, "by-date");
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
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);

  g_test_add ("/gui/charts/results", Fixture, NULL, fixture_set_up, test_results_chart, fixture_tear_down);
  g_test_add ("/gui/charts/side-effects", Fixture, NULL, fixture_set_up, test_side_effect_timelines,
              fixture_tear_down);

  return g_test_run ();
}
