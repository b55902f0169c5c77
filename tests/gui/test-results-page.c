/* test-results-page.c: the Results page on temporary notebooks
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "carnet-test"

#include "config.h"

#include <adwaita.h>
#include <locale.h>
#include <math.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "carnet.h"
#include "carnet-results-page.h"

/* The narrowest window GNOME asks apps to support. */
#define NARROWEST 360

typedef struct
{
  char               *dir;
  CarnetClock        *clock;
  CarnetNotebook     *notebook;
  GtkWindow          *window;
  CarnetResultsPage  *page;
  /* What the "record" actions were asked: "edit ('result', 3)"… */
  GPtrArray          *activated;
} Fixture;

static void
drain (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
on_tick_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

/* Lets frames go by until the scrolled content has its size. */
static void
wait_for_layout (GtkAdjustment *adjustment)
{
  gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  guint tick = g_timeout_add (10, on_tick_cb, NULL);

  while (gtk_adjustment_get_upper (adjustment) <= gtk_adjustment_get_page_size (adjustment) &&
         g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (tick);
}

static void
on_record_action_cb (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  Fixture *fixture = user_data;
  g_autofree char *value = g_variant_print (parameter, FALSE);

  g_ptr_array_add (fixture->activated,
                   g_strdup_printf ("%s %s", g_action_get_name (G_ACTION (action)), value));
}

/* The window's "record" actions, as the editors' owner installs them. */
static GSimpleActionGroup *
new_record_actions (Fixture *fixture)
{
  const GActionEntry entries[] = {
    { "add", on_record_action_cb, "s", NULL, NULL, { 0 } },
    { "edit", on_record_action_cb, "(sx)", NULL, NULL, { 0 } },
    { "delete", on_record_action_cb, "(sx)", NULL, NULL, { 0 } },
    { "answer", on_record_action_cb, "x", NULL, NULL, { 0 } },
  };
  GSimpleActionGroup *group = g_simple_action_group_new ();

  g_action_map_add_action_entries (G_ACTION_MAP (group), entries, G_N_ELEMENTS (entries), fixture);
  return group;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Paris");
  g_autoptr(GDateTime) now = g_date_time_new (tz, 2026, 11, 28, 10, 0, 0);
  g_autofree char *path = NULL;

  fixture->dir = g_dir_make_tmp ("carnet-results-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "notebook.carnet", NULL);
  fixture->clock = carnet_clock_new_fixed (now);
  fixture->notebook = carnet_notebook_open (path, CARNET_OPEN_FLAGS_CREATE, fixture->clock, &error);
  g_assert_no_error (error);
  fixture->activated = g_ptr_array_new_with_free_func (g_free);
}

static void
show_page (Fixture *fixture,
           int      width,
           int      height)
{
  g_autoptr(GSimpleActionGroup) actions = new_record_actions (fixture);
  GtkWidget *overlay;

  fixture->window = g_object_ref_sink (GTK_WINDOW (gtk_window_new ()));
  gtk_widget_insert_action_group (GTK_WIDGET (fixture->window), "record", G_ACTION_GROUP (actions));
  gtk_window_set_default_size (fixture->window, width, height);
  fixture->page = CARNET_RESULTS_PAGE (carnet_results_page_new ());
  carnet_page_set_notebook (CARNET_PAGE (fixture->page), fixture->notebook);
  overlay = adw_toast_overlay_new ();
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), GTK_WIDGET (fixture->page));
  gtk_window_set_child (fixture->window, overlay);
  gtk_window_present (fixture->window);
  drain ();
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
destroy_window (Fixture *fixture)
{
  if (fixture->window == NULL)
    return;

  gtk_window_destroy (fixture->window);
  drain ();
  g_assert_finalize_object (fixture->window);
  fixture->window = NULL;
  fixture->page = NULL;
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  destroy_window (fixture);
  carnet_notebook_close (fixture->notebook);
  g_clear_object (&fixture->notebook);
  g_clear_object (&fixture->clock);
  g_clear_pointer (&fixture->activated, g_ptr_array_unref);
  remove_dir (fixture->dir);
  g_free (fixture->dir);
}

static GDateTime *
days_ago (Fixture *fixture,
          int      days)
{
  g_autoptr(GDateTime) now = carnet_clock_get_now (fixture->clock);

  return g_date_time_add_days (now, -days);
}

static gint64
add_value (Fixture    *fixture,
           const char *name,
           double      value,
           const char *unit,
           double      low,
           double      high,
           int         days)
{
  g_autoptr(CarnetResult) result = carnet_result_new ();
  g_autoptr(GDateTime) at = days_ago (fixture, days);
  g_autoptr(GError) error = NULL;

  carnet_result_set_name (result, name);
  carnet_result_set_value (result, value);
  carnet_result_set_unit (result, unit);
  carnet_result_set_low (result, low);
  carnet_result_set_high (result, high);
  carnet_result_set_at (result, at);
  carnet_notebook_add (fixture->notebook, CARNET_RECORD (result), &error);
  g_assert_no_error (error);

  return carnet_record_get_id (CARNET_RECORD (result));
}

static gint64
add_report (Fixture    *fixture,
            const char *name,
            const char *text,
            int         days,
            const char *attachment_name,
            GBytes     *attachment)
{
  g_autoptr(CarnetResult) result = carnet_result_new ();
  g_autoptr(GDateTime) at = days_ago (fixture, days);
  g_autoptr(GError) error = NULL;

  carnet_result_set_name (result, name);
  carnet_result_set_text (result, text);
  carnet_result_set_at (result, at);
  if (attachment != NULL)
    carnet_result_set_attachment (result, attachment_name, attachment);
  carnet_notebook_add (fixture->notebook, CARNET_RECORD (result), &error);
  g_assert_no_error (error);

  return carnet_record_get_id (CARNET_RECORD (result));
}

/* Haemoglobin falling then rising a little, CA 15-3 falling (also typed in
 * lower case), and a CT scan report. */
static void
add_results (Fixture *fixture,
             gint64  *out_haemoglobin_ids)
{
  out_haemoglobin_ids[0] = add_value (fixture, "Haemoglobin", 12.2, "g/dL", 12, 16, 60);
  out_haemoglobin_ids[1] = add_value (fixture, "Haemoglobin", 10.6, "g/dL", 12, 16, 30);
  out_haemoglobin_ids[2] = add_value (fixture, "Haemoglobin", 10.8, "g/dL", 12, 16, 1);
  add_value (fixture, "ca 15-3", 34, "U/mL", 0, 30, 100);
  add_value (fixture, "CA 15-3", 26, "U/mL", 0, 30, 40);
  add_value (fixture, "CA 15-3", 21, "U/mL", 0, 30, 2);
  add_report (fixture, "CT scan report",
              "Conclusion: no sign of secondary lesion; no suspicious lymph node.", 10, NULL, NULL);
}

/* Template children carry their id from the .ui file. */
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

static void
collect (GtkWidget  *widget,
         GType       type,
         const char *css_class,
         GPtrArray  *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) &&
      (css_class == NULL || gtk_widget_has_css_class (widget, css_class)))
    g_ptr_array_add (found, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect (child, type, css_class, found);
}

static gpointer
find_one (GtkWidget  *widget,
          GType       type,
          const char *css_class)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect (widget, type, css_class, found);
  return found->len > 0 ? found->pdata[0] : NULL;
}

/* The tests of a list, in order. */
static GPtrArray *
list_groups (Fixture    *fixture,
             const char *list_id)
{
  GtkListBox *list = find_child (GTK_WIDGET (fixture->page), list_id);
  GPtrArray *rows = g_ptr_array_new ();
  GtkListBoxRow *row;

  g_assert_nonnull (list);
  for (guint i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    {
      g_assert_true (ADW_IS_EXPANDER_ROW (row));
      g_ptr_array_add (rows, row);
    }

  return rows;
}

static const char *
title_of (gpointer row)
{
  return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
}

/* The flag's word next to a row's name, or NULL when it has none. */
static const char *
flag_word (GtkWidget *row)
{
  GtkWidget *badge = find_one (row, GTK_TYPE_BOX, "carnet-badge");
  GtkWidget *label;
  GtkImage *icon;

  if (badge == NULL || !gtk_widget_get_visible (badge))
    return NULL;

  /* Never colour alone: an icon and a word. */
  icon = find_one (badge, GTK_TYPE_IMAGE, NULL);
  g_assert_nonnull (icon);
  g_assert_nonnull (gtk_image_get_icon_name (icon));
  label = find_one (badge, GTK_TYPE_LABEL, NULL);
  g_assert_nonnull (label);

  return gtk_label_get_text (GTK_LABEL (label));
}

static const char *
flag_icon (GtkWidget *row)
{
  GtkWidget *badge = find_one (row, GTK_TYPE_BOX, "carnet-badge");

  return gtk_image_get_icon_name (find_one (badge, GTK_TYPE_IMAGE, NULL));
}

/* The history rows of a test, newest first. */
static GPtrArray *
history_of (GtkWidget *group)
{
  GPtrArray *rows = g_ptr_array_new ();

  collect (group, ADW_TYPE_ACTION_ROW, "carnet-history", rows);
  return rows;
}

static GtkButton *
find_action_button (GtkWidget  *widget,
                    const char *action_name)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  collect (widget, GTK_TYPE_BUTTON, NULL, buttons);
  for (guint i = 0; i < buttons->len; i++)
    {
      if (g_strcmp0 (gtk_actionable_get_action_name (buttons->pdata[i]), action_name) == 0)
        return buttons->pdata[i];
    }

  return NULL;
}

static void
click (GtkButton *button)
{
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (button)));
  g_signal_emit_by_name (button, "clicked");
  drain ();
}

static const char *
visible_child (Fixture *fixture)
{
  GtkStack *stack = find_child (GTK_WIDGET (fixture->page), "stack");

  return gtk_stack_get_visible_child_name (stack);
}

static void
test_empty (Fixture       *fixture,
            gconstpointer  user_data)
{
  AdwStatusPage *empty_page;

  show_page (fixture, 800, 600);

  /* A newcomer is told what goes here, and how to add it. */
  g_assert_cmpstr (visible_child (fixture), ==, "empty");
  empty_page = find_child (GTK_WIDGET (fixture->page), "empty_page");
  g_assert_cmpstr (adw_status_page_get_title (empty_page), ==, "No Results");
  click (find_child (GTK_WIDGET (fixture->page), "empty_add_button"));
  g_assert_cmpuint (fixture->activated->len, ==, 1);
  g_assert_cmpstr (fixture->activated->pdata[0], ==, "add 'result'");

  /* The first result replaces the welcome. */
  add_value (fixture, "Haemoglobin", 13.1, "g/dL", 12, 16, 0);
  drain ();
  g_assert_cmpstr (visible_child (fixture), ==, "results");
}

static void
test_groups (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autoptr(GPtrArray) values = NULL;
  g_autoptr(GPtrArray) reports = NULL;
  gint64 ids[3];

  add_results (fixture, ids);
  show_page (fixture, 800, 600);
  g_assert_cmpstr (visible_child (fixture), ==, "results");

  /* One row per test, by name, whatever the case it was typed in. */
  values = list_groups (fixture, "values_list");
  g_assert_cmpuint (values->len, ==, 2);
  g_assert_cmpstr (title_of (values->pdata[0]), ==, "CA 15-3");
  g_assert_cmpstr (title_of (values->pdata[1]), ==, "Haemoglobin");

  /* The latest value, its trend from the previous one, its date and range;
   * its flag as an icon and a word. */
  g_assert_cmpstr (adw_expander_row_get_subtitle (values->pdata[0]), ==,
                   "21 U/mL · ↓ 5 (from 26)\nThursday, November 26 · Normal range 0–30 U/mL");
  g_assert_cmpstr (flag_word (values->pdata[0]), ==, "Normal");
  g_assert_cmpstr (adw_expander_row_get_subtitle (values->pdata[1]), ==,
                   "10.8 g/dL · ↑ 0.2 (from 10.6)\nYesterday · Normal range 12–16 g/dL");
  g_assert_cmpstr (flag_word (values->pdata[1]), ==, "Low");
  g_assert_cmpstr (flag_icon (values->pdata[1]), ==, "carnet-flag-low-symbolic");

  /* Text reports as such, without a flag. */
  reports = list_groups (fixture, "reports_list");
  g_assert_cmpuint (reports->len, ==, 1);
  g_assert_cmpstr (title_of (reports->pdata[0]), ==, "CT scan report");
  g_assert_cmpstr (adw_expander_row_get_subtitle (reports->pdata[0]), ==,
                   "Conclusion: no sign of secondary lesion; no suspicious lymph node.\n"
                   "Wednesday, November 18");
  g_assert_null (flag_word (reports->pdata[0]));
}

static void
test_history (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autoptr(GPtrArray) values = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autofree char *expected = NULL;
  gint64 ids[3];

  add_results (fixture, ids);
  show_page (fixture, 800, 600);
  values = list_groups (fixture, "values_list");

  /* Built when first expanded. */
  history = history_of (values->pdata[1]);
  g_assert_cmpuint (history->len, ==, 0);
  g_clear_pointer (&history, g_ptr_array_unref);

  adw_expander_row_set_expanded (values->pdata[1], TRUE);
  drain ();
  history = history_of (values->pdata[1]);
  g_assert_cmpuint (history->len, ==, 3);
  g_assert_cmpstr (title_of (history->pdata[0]), ==, "Yesterday");
  g_assert_cmpstr (adw_action_row_get_subtitle (history->pdata[0]), ==, "10.8 g/dL");
  g_assert_cmpstr (flag_word (history->pdata[0]), ==, "Low");
  g_assert_cmpstr (title_of (history->pdata[2]), ==, "Tuesday, September 29");
  g_assert_cmpstr (adw_action_row_get_subtitle (history->pdata[2]), ==, "12.2 g/dL");
  g_assert_cmpstr (flag_word (history->pdata[2]), ==, "Normal");

  /* Each result is edited and deleted by the window's actions. */
  click (find_action_button (history->pdata[1], "record.edit"));
  expected = g_strdup_printf ("edit ('result', %" G_GINT64_FORMAT ")", ids[1]);
  g_assert_cmpstr (fixture->activated->pdata[0], ==, expected);
  g_clear_pointer (&expected, g_free);

  click (find_action_button (history->pdata[2], "record.delete"));
  expected = g_strdup_printf ("delete ('result', %" G_GINT64_FORMAT ")", ids[0]);
  g_assert_cmpstr (fixture->activated->pdata[1], ==, expected);

  /* No attached file, no button to open one. */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (find_action_button (history->pdata[0],
                                                                          "results.open-attachment"))));
}

/* Years of a test are thousands of results: the history shows the newest
 * ones, and older ones a step at a time when asked for. */
static void
test_history_older (Fixture       *fixture,
                    gconstpointer  user_data)
{
  const guint total = CARNET_RESULTS_PAGE_HISTORY_STEP + 5;
  g_autoptr(GPtrArray) values = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  AdwExpanderRow *platelets;
  GtkWidget *older;

  for (guint i = 0; i < total; i++)
    add_value (fixture, "Platelets", 150 + i, "G/L", 150, 400, (int) i + 1);
  show_page (fixture, 800, 600);
  values = list_groups (fixture, "values_list");
  platelets = values->pdata[0];

  adw_expander_row_set_expanded (platelets, TRUE);
  drain ();
  history = history_of (GTK_WIDGET (platelets));
  g_assert_cmpuint (history->len, ==, CARNET_RESULTS_PAGE_HISTORY_STEP);
  g_assert_cmpstr (title_of (history->pdata[0]), ==, "Yesterday");
  g_assert_cmpstr (adw_action_row_get_subtitle (history->pdata[0]), ==, "150 G/L");

  /* Last, after the newest ones. */
  collect (GTK_WIDGET (platelets), ADW_TYPE_ACTION_ROW, NULL, rows);
  older = rows->pdata[rows->len - 1];
  g_assert_true (gtk_widget_has_css_class (older, "carnet-history-older"));
  g_assert_true (gtk_widget_get_visible (older));
  g_assert_cmpstr (title_of (older), ==, "Show Older Results");

  g_signal_emit_by_name (older, "activated");
  drain ();
  after = history_of (GTK_WIDGET (platelets));
  g_assert_cmpuint (after->len, ==, total);
  for (guint i = 0; i < history->len; i++)
    g_assert_true (after->pdata[i] == history->pdata[i]);
  g_assert_cmpstr (adw_action_row_get_subtitle (after->pdata[total - 1]), ==, "204 G/L");
  g_assert_false (gtk_widget_get_visible (older));
  g_ptr_array_set_size (rows, 0);
  collect (GTK_WIDGET (platelets), ADW_TYPE_ACTION_ROW, NULL, rows);
  g_assert_true (rows->pdata[rows->len - 1] == older);

  /* A new value keeps as much of the history shown. */
  add_value (fixture, "Platelets", 210, "G/L", 150, 400, 0);
  drain ();
  g_clear_pointer (&after, g_ptr_array_unref);
  after = history_of (GTK_WIDGET (platelets));
  g_assert_cmpuint (after->len, ==, total + 1);
  g_assert_cmpstr (title_of (after->pdata[0]), ==, "Today");
}

static void
test_follows_changes (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(GPtrArray) values = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GError) error = NULL;
  GtkScrolledWindow *scrolled;
  GtkAdjustment *adjustment;
  AdwExpanderRow *haemoglobin;
  gint64 ids[3];

  add_results (fixture, ids);
  for (guint i = 0; i < 8; i++)
    {
      g_autofree char *name = g_strdup_printf ("Test %u", i);

      add_value (fixture, name, i, "U", 0, 10, 5);
    }
  show_page (fixture, 600, 300);

  values = list_groups (fixture, "values_list");
  haemoglobin = values->pdata[1];
  adw_expander_row_set_expanded (haemoglobin, TRUE);
  drain ();
  history = history_of (GTK_WIDGET (haemoglobin));

  scrolled = find_child (GTK_WIDGET (fixture->page), "results_scrolled");
  adjustment = gtk_scrolled_window_get_vadjustment (scrolled);
  wait_for_layout (adjustment);
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), >, 400);
  gtk_adjustment_set_value (adjustment, 120);

  /* A new value, from here or another process: the same rows, updated in
   * place, still expanded and scrolled where they were. */
  add_value (fixture, "Haemoglobin", 11.5, "g/dL", 12, 16, 0);
  drain ();

  g_clear_pointer (&values, g_ptr_array_unref);
  values = list_groups (fixture, "values_list");
  g_assert_true (values->pdata[1] == haemoglobin);
  g_assert_true (adw_expander_row_get_expanded (haemoglobin));
  g_assert_cmpstr (adw_expander_row_get_subtitle (haemoglobin), ==,
                   "11.5 g/dL · ↑ 0.7 (from 10.8)\nToday · Normal range 12–16 g/dL");
  after = history_of (GTK_WIDGET (haemoglobin));
  g_assert_cmpuint (after->len, ==, 4);
  g_assert_cmpstr (title_of (after->pdata[0]), ==, "Today");
  for (guint i = 0; i < history->len; i++)
    g_assert_true (after->pdata[i + 1] == history->pdata[i]);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 120);

  /* Deleted: its row goes, the others stay. */
  carnet_notebook_trash (fixture->notebook, CARNET_RECORD_RESULT, ids[1], &error);
  g_assert_no_error (error);
  drain ();
  g_clear_pointer (&after, g_ptr_array_unref);
  after = history_of (GTK_WIDGET (haemoglobin));
  g_assert_cmpuint (after->len, ==, 3);
  g_assert_true (after->pdata[1] == history->pdata[0]);
  g_assert_true (after->pdata[2] == history->pdata[2]);
  g_assert_cmpstr (adw_expander_row_get_subtitle (haemoglobin), ==,
                   "11.5 g/dL · ↑ 0.7 (from 10.8)\nToday · Normal range 12–16 g/dL");
}

static void
test_attachment (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(GBytes) pdf = g_bytes_new_static ("%PDF-1.4 a report", 17);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) reports = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *runtime = NULL;
  GtkButton *open_button;
  GStatBuf st;
  gsize length;
  gint64 id;
  gint64 plain;

  /* A hidden file would be a surprise in a folder the viewer shows. */
  id = add_report (fixture, "CT scan report", "No sign of lesion.", 3, ".report.pdf", pdf);
  plain = add_report (fixture, "Biopsy report", "Benign.", 30, NULL, NULL);
  show_page (fixture, 800, 600);

  reports = list_groups (fixture, "reports_list");
  adw_expander_row_set_expanded (reports->pdata[0], TRUE);
  drain ();
  history = history_of (reports->pdata[0]);
  open_button = find_action_button (history->pdata[0], "results.open-attachment");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (open_button)));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (open_button)), ==, "Open “.report.pdf”");

  path = carnet_results_page_save_attachment (fixture->page, id, &error);
  g_assert_no_error (error);

  /* Private: readable by this user only, in a folder of their own. */
  runtime = g_build_filename (g_get_user_runtime_dir (), "carnet", NULL);
  g_assert_true (g_str_has_prefix (path, runtime));
  g_assert_cmpstr (strrchr (path, G_DIR_SEPARATOR) + 1, ==, "attachment.report.pdf");
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  dir = g_path_get_dirname (path);
  g_assert_cmpint (g_stat (dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (contents, length, "%PDF-1.4 a report", 17);

  /* Nothing attached: a message, no file. */
  g_assert_null (carnet_results_page_save_attachment (fixture->page, plain, &error));
  g_assert_nonnull (error);

  /* Gone with the page. */
  destroy_window (fixture);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));
}

static void
test_show_record (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(GPtrArray) values = NULL;
  g_autoptr(GPtrArray) history = NULL;
  gint64 ids[3];

  add_results (fixture, ids);
  show_page (fixture, 800, 600);

  /* A search hit brings its result forward: its test expanded, the focus on it. */
  g_assert_true (carnet_page_show_record (CARNET_PAGE (fixture->page), CARNET_RECORD_RESULT, ids[1]));
  values = list_groups (fixture, "values_list");
  g_assert_true (adw_expander_row_get_expanded (values->pdata[1]));
  history = history_of (values->pdata[1]);
  g_assert_true (gtk_window_get_focus (fixture->window) == history->pdata[1]);

  g_assert_false (carnet_page_show_record (CARNET_PAGE (fixture->page), CARNET_RECORD_RESULT, 9999));
  g_assert_false (carnet_page_show_record (CARNET_PAGE (fixture->page), CARNET_RECORD_QUESTION, ids[1]));
}

static void
test_other_notebook (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CarnetNotebook) other = NULL;
  g_autoptr(GPtrArray) values = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "other.carnet", NULL);
  gint64 ids[3];

  add_results (fixture, ids);
  show_page (fixture, 800, 600);

  /* Another person's notebook: nothing of the first one stays. */
  other = carnet_notebook_open (path, CARNET_OPEN_FLAGS_CREATE, fixture->clock, &error);
  g_assert_no_error (error);
  carnet_page_set_notebook (CARNET_PAGE (fixture->page), other);
  drain ();
  g_assert_cmpstr (visible_child (fixture), ==, "empty");
  values = list_groups (fixture, "values_list");
  g_assert_cmpuint (values->len, ==, 0);

  carnet_page_set_notebook (CARNET_PAGE (fixture->page), NULL);
  carnet_notebook_close (other);
}

static int
page_min_width (Fixture *fixture)
{
  int min = 0;

  gtk_widget_measure (GTK_WIDGET (fixture->page), GTK_ORIENTATION_HORIZONTAL, -1,
                      &min, NULL, NULL, NULL);
  return min;
}

static void
check_fits_narrow_window (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = g_bytes_new_static ("%PDF", 4);
  g_autoptr(GPtrArray) values = NULL;
  g_autoptr(GPtrArray) reports = NULL;

  show_page (fixture, NARROWEST, 700);
  g_assert_cmpint (page_min_width (fixture), <=, NARROWEST);

  carnet_demo_populate (fixture->notebook, &error);
  g_assert_no_error (error);
  add_report (fixture, "A rather long name for an examination report", "Fine.", 1,
              "a-rather-long-file-name-for-an-attached-report.pdf", pdf);
  add_value (fixture, "Lymphocytes", 0.85, "G/L", 1, 4, 1);
  drain ();

  /* Every test expanded, the widest rows there are. */
  values = list_groups (fixture, "values_list");
  reports = list_groups (fixture, "reports_list");
  for (guint i = 0; i < values->len; i++)
    adw_expander_row_set_expanded (values->pdata[i], TRUE);
  for (guint i = 0; i < reports->len; i++)
    adw_expander_row_set_expanded (reports->pdata[i], TRUE);
  drain ();

  g_assert_cmpint (page_min_width (fixture), <=, NARROWEST);
}

static void
test_narrow (Fixture       *fixture,
             gconstpointer  user_data)
{
  check_fits_narrow_window (fixture);
}

/* French labels are longer than English ones: they must wrap, not widen the window. */
static void
test_narrow_french (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autofree char *podir = g_build_filename (g_getenv ("CARNET_BUILD_ROOT"), "po", NULL);
  g_autofree char *mo = g_build_filename (podir, "fr", "LC_MESSAGES", "carnet.mo", NULL);
  g_autofree char *saved = g_strdup (setlocale (LC_ALL, NULL));

  if (!g_file_test (mo, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("the French catalogue is not built");
      return;
    }
  if (setlocale (LC_ALL, "fr_FR.UTF-8") == NULL)
    {
      g_test_skip ("no fr_FR.UTF-8 locale (build-aux/deps.sh test makes it)");
      return;
    }
  bindtextdomain (GETTEXT_PACKAGE, podir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_assert_cmpstr (C_("result flag", "High"), ==, "Élevé");

  check_fits_narrow_window (fixture);

  textdomain ("messages");
  setlocale (LC_ALL, saved);
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
  gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                    RESOURCE_BASE "/icons");

#define ADD(path, func) \
  g_test_add ((path), Fixture, NULL, fixture_set_up, (func), fixture_tear_down)

  ADD ("/gui/results-page/empty", test_empty);
  ADD ("/gui/results-page/groups", test_groups);
  ADD ("/gui/results-page/history", test_history);
  ADD ("/gui/results-page/history-older", test_history_older);
  ADD ("/gui/results-page/follows-changes", test_follows_changes);
  ADD ("/gui/results-page/attachment", test_attachment);
  ADD ("/gui/results-page/show-record", test_show_record);
  ADD ("/gui/results-page/other-notebook", test_other_notebook);
  ADD ("/gui/results-page/narrow", test_narrow);
  ADD ("/gui/results-page/narrow-french", test_narrow_french);

#undef ADD

  return g_test_run ();
}
