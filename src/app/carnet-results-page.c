/* carnet-results-page.c: results grouped by test, with their history
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One row per test (the results that share a name), in two lists: lab values
 * and text reports. A row says the latest value, its flag (an icon and a
 * word), its trend and the normal range; expanded, its history from the
 * newest, a step at a time (years of weekly blood counts are thousands of
 * rows), each result with its own edit, delete and attached-file buttons.
 *
 * Rows keep their widgets across refreshes: when the notebook changes, here
 * or in another process, what is scrolled, expanded and focused stays so.
 * A row reads only what it says — the test's newest report and two newest
 * values — and its history is read and built when it is expanded.
 */
#define G_LOG_DOMAIN "carnet-app"

#include "config.h"

#include "carnet-results-page.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "carnet-format.h"
#include "carnet-result-chart.h"
#include "carnet-result-row.h"
#include "carnet-row-text.h"

typedef struct
{
  GtkWidget  *box;
  GtkImage   *icon;
  GtkLabel   *label;
  const char *style_class;
} FlagBadge;

typedef struct
{
  gint64        id;
  GtkWidget    *row;
  FlagBadge     badge;
  GtkWidget    *attachment_button;
} HistoryRow;

typedef struct
{
  char           *key;
  char           *sort_key;
  GDateTime      *latest_at;
  gboolean        is_report;
  gboolean        populated;
  AdwExpanderRow *row;
  FlagBadge       badge;
  /* The values' chart, first in the expanded history; NULL until then. */
  GtkWidget      *chart;
  /* The names the test's results go by, as typed. */
  GStrv           names;
  /* CarnetResult, newest first: the newest report and the two newest values
   * of each name, what the row says. */
  GPtrArray      *results;
  /* CarnetResult, newest first: the history shown once expanded, at most
   * history_limit of them; has_older when there are more. */
  GPtrArray      *shown;
  guint           history_limit;
  gboolean        has_older;
  /* The last row of the history, to show older results; NULL until some. */
  GtkWidget      *older_row;
  /* HistoryRow, in the order of the expander's rows. */
  GPtrArray      *history;
} ResultGroup;

struct _CarnetResultsPage
{
  CarnetPage           parent_instance;

  /* Template widgets */
  GtkStack            *stack;
  AdwStatusPage       *empty_page;
  GtkLabel            *empty_button_label;
  AdwPreferencesGroup *values_group;
  GtkListBox          *values_list;
  AdwPreferencesGroup *reports_group;
  GtkListBox          *reports_list;

  /* The notebook the groups are of (weak): another one starts afresh. */
  CarnetNotebook      *shown;
  /* Group key (carnet_result_row_group_key()) → ResultGroup */
  GHashTable          *groups;
  /* Where attached files are written to be opened; removed with the page. */
  char                *attachment_dir;
};

static void on_older_row_activated_cb (AdwActionRow *row,
                                       ResultGroup  *group);

G_DEFINE_FINAL_TYPE (CarnetResultsPage, carnet_results_page, CARNET_TYPE_PAGE)

static GtkWidget *
new_icon_button (const char *icon_name,
                 const char *label)
{
  GtkWidget *button;

  button = gtk_button_new_from_icon_name (icon_name);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  gtk_widget_add_css_class (button, "flat");

  return button;
}

static void
show_error (CarnetResultsPage *self,
            const char        *message)
{
  g_autofree char *escaped = NULL;
  GtkWidget *overlay;

  overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  if (overlay == NULL)
    {
      g_message ("%s", message);
      return;
    }

  /* Toast titles are markup. */
  escaped = g_markup_escape_text (message, -1);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (escaped));
}

static GtkWidget *
flag_badge_init (FlagBadge *badge)
{
  badge->box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  gtk_widget_set_valign (badge->box, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (badge->box, "carnet-badge");

  /* The word says it all: the icon is for the eye only. */
  badge->icon = g_object_new (GTK_TYPE_IMAGE,
                              "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                              NULL);
  badge->label = GTK_LABEL (gtk_label_new (NULL));
  gtk_box_append (GTK_BOX (badge->box), GTK_WIDGET (badge->icon));
  gtk_box_append (GTK_BOX (badge->box), GTK_WIDGET (badge->label));

  return badge->box;
}

static void
flag_badge_set (FlagBadge  *badge,
                CarnetFlag  flag)
{
  const char *icon_name = carnet_result_row_flag_icon_name (flag);
  const char *style_class = carnet_result_row_flag_style_class (flag);

  gtk_widget_set_visible (badge->box, icon_name != NULL);
  if (icon_name == NULL)
    return;

  gtk_image_set_from_icon_name (badge->icon, icon_name);
  gtk_label_set_text (badge->label, carnet_flag_label (flag));

  if (g_strcmp0 (badge->style_class, style_class) != 0)
    {
      if (badge->style_class != NULL)
        gtk_widget_remove_css_class (badge->box, badge->style_class);
      if (style_class != NULL)
        gtk_widget_add_css_class (badge->box, style_class);
      badge->style_class = style_class;
    }
}

static HistoryRow *
history_row_new (gint64 id)
{
  HistoryRow *history = g_new0 (HistoryRow, 1);
  GtkWidget *button;

  history->id = id;
  history->row = g_object_ref_sink (adw_action_row_new ());
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (history->row), FALSE);
  gtk_widget_add_css_class (history->row, "carnet-history");
  adw_action_row_add_suffix (ADW_ACTION_ROW (history->row), flag_badge_init (&history->badge));

  history->attachment_button = new_icon_button ("mail-attachment-symbolic", _("Open the Attached File"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (history->attachment_button),
                                  "results.open-attachment");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (history->attachment_button), "x", id);
  adw_action_row_add_suffix (ADW_ACTION_ROW (history->row), history->attachment_button);

  button = new_icon_button ("document-edit-symbolic", _("Edit"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "record.edit");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "(sx)", "result", id);
  adw_action_row_add_suffix (ADW_ACTION_ROW (history->row), button);

  button = new_icon_button ("user-trash-symbolic", _("Delete"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "record.delete");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "(sx)", "result", id);
  adw_action_row_add_suffix (ADW_ACTION_ROW (history->row), button);

  return history;
}

static void
history_row_free (HistoryRow *history)
{
  g_clear_object (&history->row);
  g_free (history);
}

static void
history_row_update (HistoryRow   *history,
                    CarnetResult *result,
                    GDateTime    *now)
{
  g_autofree char *date = NULL;
  g_autofree char *value = NULL;
  g_autoptr(GString) subtitle = g_string_new (NULL);
  const char *notes = carnet_result_get_notes (result);
  const char *attachment = carnet_result_get_attachment_name (result);

  date = carnet_format_when (carnet_result_get_at (result), TRUE, now);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (history->row), date);

  value = carnet_result_row_describe_value (result);
  if (value != NULL)
    g_string_append (subtitle, value);
  else if (carnet_result_get_text (result) != NULL)
    g_string_append (subtitle, carnet_result_get_text (result));
  if (notes != NULL && *notes != '\0')
    {
      if (subtitle->len > 0)
        g_string_append_c (subtitle, '\n');
      g_string_append (subtitle, notes);
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (history->row), subtitle->str);

  flag_badge_set (&history->badge, carnet_result_get_flag (result));

  gtk_widget_set_visible (history->attachment_button, attachment != NULL);
  if (attachment != NULL)
    {
      g_autofree char *label = NULL;

      /* Translators: a button's tooltip; %s is the name of a file attached to a result. */
      label = g_strdup_printf (_("Open “%s”"), attachment);
      gtk_widget_set_tooltip_text (history->attachment_button, label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (history->attachment_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                      -1);
    }
}

static void
result_group_free (ResultGroup *group)
{
  GtkWidget *list;

  list = gtk_widget_get_parent (GTK_WIDGET (group->row));
  if (list != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (list), GTK_WIDGET (group->row));
  g_object_set_data (G_OBJECT (group->row), "carnet-group", NULL);
  g_signal_handlers_disconnect_by_data (group->row, group);
  if (group->older_row != NULL)
    g_signal_handlers_disconnect_by_data (group->older_row, group);

  g_clear_pointer (&group->history, g_ptr_array_unref);
  g_clear_object (&group->older_row);
  g_clear_pointer (&group->shown, g_ptr_array_unref);
  g_clear_pointer (&group->results, g_ptr_array_unref);
  g_clear_pointer (&group->names, g_strfreev);
  g_clear_object (&group->row);
  g_clear_pointer (&group->latest_at, g_date_time_unref);
  g_free (group->sort_key);
  g_free (group->key);
  g_free (group);
}

static HistoryRow *
take_history_row (GPtrArray *rows,
                  gint64     id)
{
  for (guint i = 0; i < rows->len; i++)
    {
      HistoryRow *history = g_ptr_array_index (rows, i);

      if (history->id == id)
        return g_ptr_array_steal_index (rows, i);
    }

  return NULL;
}

/* Brings the expanded history in line with the results shown, keeping the
 * rows of the results that stay (and the focus, when it is in one of them);
 * the row for older results last, when there are more. */
static void
result_group_sync_history (ResultGroup *group,
                           GDateTime   *now)
{
  g_autoptr(GPtrArray) old = g_steal_pointer (&group->history);
  /* The same rows, not owned: a copy would free them too. */
  g_autoptr(GPtrArray) before = g_ptr_array_sized_new (old->len);
  gboolean any_new = FALSE;
  guint kept = 0;

  g_ptr_array_extend (before, old, NULL, NULL);
  group->history = g_ptr_array_new_with_free_func ((GDestroyNotify) history_row_free);

  if (group->has_older && group->older_row == NULL)
    {
      group->older_row = g_object_ref_sink (adw_action_row_new ());
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (group->older_row), _("Show Older Results"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (group->older_row), TRUE);
      gtk_widget_add_css_class (group->older_row, "carnet-history-older");
      g_signal_connect (group->older_row, "activated", G_CALLBACK (on_older_row_activated_cb), group);
      any_new = TRUE;
    }
  if (group->older_row != NULL)
    gtk_widget_set_visible (group->older_row, group->has_older);

  for (guint i = 0; group->shown != NULL && i < group->shown->len; i++)
    {
      CarnetResult *result = g_ptr_array_index (group->shown, i);
      gint64 id = carnet_record_get_id (CARNET_RECORD (result));
      HistoryRow *history;

      history = take_history_row (old, id);
      if (history == NULL)
        {
          history = history_row_new (id);
          any_new = TRUE;
        }

      history_row_update (history, result, now);
      g_ptr_array_add (group->history, history);
    }

  /* What is left in @old is gone from the notebook. */
  for (guint i = 0; i < old->len; i++)
    {
      HistoryRow *history = g_ptr_array_index (old, i);

      adw_expander_row_remove (group->row, history->row);
    }

  /* The rows that stay where they are, from the first: the expander keeps
   * its rows in the order they were added. */
  for (guint i = 0; i < before->len; i++)
    {
      if (g_ptr_array_find (old, g_ptr_array_index (before, i), NULL))
        continue;
      if (kept == group->history->len ||
          g_ptr_array_index (before, i) != g_ptr_array_index (group->history, kept))
        break;
      kept++;
    }

  /* Nothing new, and the rows that stay in the same order: done. */
  if (!any_new && kept == group->history->len)
    return;

  /* The expander only appends: put the rest back in order (only the new
   * ones when older results were added at the end). */
  for (guint i = kept; i < group->history->len; i++)
    {
      HistoryRow *history = g_ptr_array_index (group->history, i);

      if (gtk_widget_get_parent (history->row) != NULL)
        adw_expander_row_remove (group->row, history->row);
    }
  if (group->older_row != NULL && gtk_widget_get_parent (group->older_row) != NULL)
    adw_expander_row_remove (group->row, group->older_row);
  for (guint i = kept; i < group->history->len; i++)
    {
      HistoryRow *history = g_ptr_array_index (group->history, i);

      adw_expander_row_add_row (group->row, history->row);
    }
  if (group->older_row != NULL)
    adw_expander_row_add_row (group->row, group->older_row);
}

static CarnetResult *
first_value (GPtrArray *results,
             guint      from,
             guint     *out_index)
{
  for (guint i = from; i < results->len; i++)
    {
      CarnetResult *result = g_ptr_array_index (results, i);

      if (carnet_result_has_value (result))
        {
          if (out_index != NULL)
            *out_index = i;
          return result;
        }
    }

  return NULL;
}

static void
result_group_update (ResultGroup *group,
                     GPtrArray   *results,
                     GDateTime   *now)
{
  g_autofree char *summary = NULL;
  CarnetResult *newest = g_ptr_array_index (results, 0);
  CarnetResult *latest;
  CarnetResult *previous = NULL;
  const char *name;
  guint index = 0;

  /* @results may be the group's own. */
  g_ptr_array_ref (results);
  g_clear_pointer (&group->results, g_ptr_array_unref);
  group->results = results;

  latest = first_value (results, 0, &index);
  group->is_report = latest == NULL;
  if (latest != NULL)
    previous = first_value (results, index + 1, NULL);
  else
    latest = newest;

  name = carnet_result_get_name (newest);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (group->row), name);
  summary = carnet_result_row_describe_summary (latest, previous, now);
  adw_expander_row_set_subtitle (group->row, summary);
  flag_badge_set (&group->badge, group->is_report ? CARNET_FLAG_NONE : carnet_result_get_flag (latest));

  g_free (group->sort_key);
  group->sort_key = g_utf8_collate_key (name, -1);
  g_clear_pointer (&group->latest_at, g_date_time_unref);
  group->latest_at = g_date_time_ref (carnet_result_get_at (newest));

  if (group->populated)
    result_group_sync_history (group, now);
}

/* Tests by name. */
static int
compare_values_cb (GtkListBoxRow *row_a,
                   GtkListBoxRow *row_b,
                   gpointer       user_data)
{
  ResultGroup *a = g_object_get_data (G_OBJECT (row_a), "carnet-group");
  ResultGroup *b = g_object_get_data (G_OBJECT (row_b), "carnet-group");
  int order;

  order = g_strcmp0 (a->sort_key, b->sort_key);
  return order != 0 ? order : g_strcmp0 (a->key, b->key);
}

/* Reports, the newest first. */
static int
compare_reports_cb (GtkListBoxRow *row_a,
                    GtkListBoxRow *row_b,
                    gpointer       user_data)
{
  ResultGroup *a = g_object_get_data (G_OBJECT (row_a), "carnet-group");
  ResultGroup *b = g_object_get_data (G_OBJECT (row_b), "carnet-group");
  int order;

  order = g_date_time_compare (b->latest_at, a->latest_at);
  return order != 0 ? order : compare_values_cb (row_a, row_b, user_data);
}

/* The chart of a test's values, read by its names as spelt. */
static void
load_chart (CarnetResultsPage *self,
            ResultGroup       *group,
            GDateTime         *now)
{
  CarnetNotebook *notebook = carnet_page_get_notebook (CARNET_PAGE (self));
  g_autoptr(GError) error = NULL;

  if (notebook == NULL)
    return;

  if (group->chart == NULL)
    {
      group->chart = carnet_result_chart_new ();
      adw_expander_row_add_row (group->row, group->chart);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (gtk_widget_get_parent (group->chart)), FALSE);
    }

  gtk_widget_set_visible (gtk_widget_get_parent (group->chart), !group->is_report);
  if (!group->is_report &&
      !carnet_result_chart_load (CARNET_RESULT_CHART (group->chart), notebook,
                                 (const char * const *) group->names, now, &error))
    carnet_page_report_error (CARNET_PAGE (self), error);
}

/* The test's history as far back as it is shown, and whether there is more:
 * one result past it tells. */
static gboolean
read_history (CarnetResultsPage  *self,
              ResultGroup        *group,
              GError            **error)
{
  CarnetNotebook *notebook = carnet_page_get_notebook (CARNET_PAGE (self));
  g_autoptr(GPtrArray) results = NULL;

  if (notebook == NULL)
    return TRUE;

  results = carnet_notebook_list_results_named (notebook, (const char * const *) group->names,
                                                group->history_limit + 1, error);
  if (results == NULL)
    return FALSE;

  group->has_older = results->len > group->history_limit;
  if (group->has_older)
    g_ptr_array_remove_range (results, group->history_limit, results->len - group->history_limit);

  g_clear_pointer (&group->shown, g_ptr_array_unref);
  group->shown = g_steal_pointer (&results);
  return TRUE;
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  CarnetResult *result_a = *(CarnetResult **) a;
  CarnetResult *result_b = *(CarnetResult **) b;
  int order = g_date_time_compare (carnet_result_get_at (result_b), carnet_result_get_at (result_a));
  gint64 id_a = carnet_record_get_id (CARNET_RECORD (result_a));
  gint64 id_b = carnet_record_get_id (CARNET_RECORD (result_b));

  if (order != 0)
    return order;
  return id_b < id_a ? -1 : id_b > id_a ? 1 : 0;
}

static void
on_group_expanded_cb (AdwExpanderRow *row,
                      GParamSpec     *pspec,
                      ResultGroup    *group)
{
  CarnetResultsPage *self;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GError) error = NULL;

  if (group->populated || !adw_expander_row_get_expanded (row))
    return;

  self = CARNET_RESULTS_PAGE (gtk_widget_get_ancestor (GTK_WIDGET (row), CARNET_TYPE_RESULTS_PAGE));
  g_assert (self != NULL);

  if (!read_history (self, group, &error))
    {
      carnet_page_report_error (CARNET_PAGE (self), error);
      return;
    }

  now = carnet_page_dup_now (CARNET_PAGE (self));
  group->populated = TRUE;
  load_chart (self, group, now);
  result_group_sync_history (group, now);
}

/* The next step of older results; the focus goes to the first of them. */
static void
on_older_row_activated_cb (AdwActionRow *row,
                           ResultGroup  *group)
{
  CarnetResultsPage *self;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GError) error = NULL;
  guint first = group->history->len;

  self = CARNET_RESULTS_PAGE (gtk_widget_get_ancestor (GTK_WIDGET (row), CARNET_TYPE_RESULTS_PAGE));
  g_assert (self != NULL);

  group->history_limit += CARNET_RESULTS_PAGE_HISTORY_STEP;
  if (!read_history (self, group, &error))
    {
      carnet_page_report_error (CARNET_PAGE (self), error);
      return;
    }

  now = carnet_page_dup_now (CARNET_PAGE (self));
  result_group_sync_history (group, now);
  if (first < group->history->len)
    gtk_widget_grab_focus (((HistoryRow *) g_ptr_array_index (group->history, first))->row);
}

static ResultGroup *
result_group_new (const char *key)
{
  ResultGroup *group = g_new0 (ResultGroup, 1);

  group->key = g_strdup (key);
  group->history_limit = CARNET_RESULTS_PAGE_HISTORY_STEP;
  group->history = g_ptr_array_new_with_free_func ((GDestroyNotify) history_row_free);
  group->row = g_object_ref_sink (ADW_EXPANDER_ROW (adw_expander_row_new ()));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (group->row), FALSE);
  adw_expander_row_add_action (group->row, flag_badge_init (&group->badge));
  g_object_set_data (G_OBJECT (group->row), "carnet-group", group);
  g_signal_connect (group->row, "notify::expanded", G_CALLBACK (on_group_expanded_cb), group);

  return group;
}

static void
place_group (CarnetResultsPage *self,
             ResultGroup       *group)
{
  GtkWidget *target = GTK_WIDGET (group->is_report ? self->reports_list : self->values_list);
  GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (group->row));

  if (parent == target)
    return;

  if (parent != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (parent), GTK_WIDGET (group->row));
  gtk_list_box_append (GTK_LIST_BOX (target), GTK_WIDGET (group->row));
}

static gboolean
reload (CarnetResultsPage  *self,
        GError            **error)
{
  CarnetNotebook *notebook = carnet_page_get_notebook (CARNET_PAGE (self));
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GHashTable) by_key = NULL;
  g_autoptr(GHashTable) names_by_key = NULL;
  g_autoptr(GDateTime) now = NULL;
  GHashTableIter iter;
  gpointer key;
  gpointer value;
  gboolean any_value = FALSE;
  gboolean any_report = FALSE;

  /* Another person's results: nothing of the previous notebook stays. */
  if (notebook != self->shown)
    {
      g_hash_table_remove_all (self->groups);
      g_set_weak_pointer (&self->shown, notebook);
    }

  if (notebook == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return TRUE;
    }

  names = carnet_notebook_list_result_names (notebook, error);
  if (names == NULL)
    return FALSE;

  /* Each test's row says its newest report and its two newest values: read
   * those of each name, and group the names that differ only in case and
   * spacing. */
  by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  names_by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autofree char *group_key = carnet_result_row_group_key (name);
      g_autoptr(GPtrArray) summary = carnet_notebook_summarize_results (notebook, name, error);
      GPtrArray *group_results;
      GPtrArray *group_names;

      if (summary == NULL)
        return FALSE;

      group_results = g_hash_table_lookup (by_key, group_key);
      if (group_results == NULL)
        {
          group_results = g_ptr_array_new_with_free_func (g_object_unref);
          group_names = g_ptr_array_new_with_free_func (g_free);
          g_hash_table_insert (names_by_key, g_strdup (group_key), group_names);
          g_hash_table_insert (by_key, g_steal_pointer (&group_key), group_results);
        }
      else
        {
          group_names = g_hash_table_lookup (names_by_key, group_key);
        }
      g_ptr_array_extend_and_steal (group_results, g_steal_pointer (&summary));
      g_ptr_array_add (group_names, g_strdup (name));
    }

  g_hash_table_iter_init (&iter, self->groups);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      if (!g_hash_table_contains (by_key, key))
        g_hash_table_iter_remove (&iter);
    }

  now = carnet_page_dup_now (CARNET_PAGE (self));
  g_hash_table_iter_init (&iter, by_key);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      ResultGroup *group = g_hash_table_lookup (self->groups, key);

      GPtrArray *group_names = g_hash_table_lookup (names_by_key, key);

      if (group == NULL)
        {
          group = result_group_new (key);
          g_hash_table_insert (self->groups, group->key, group);
        }

      g_strfreev (group->names);
      g_ptr_array_add (group_names, NULL);
      group->names = (GStrv) g_ptr_array_steal (group_names, NULL);

      /* An expanded test shows its history: read it again, as far back. */
      if (group->populated && !read_history (self, group, error))
        return FALSE;
      g_ptr_array_sort (value, compare_newest_first);

      result_group_update (group, value, now);
      if (group->chart != NULL)
        load_chart (self, group, now);
      place_group (self, group);
      any_value |= !group->is_report;
      any_report |= group->is_report;
    }

  gtk_list_box_invalidate_sort (self->values_list);
  gtk_list_box_invalidate_sort (self->reports_list);
  gtk_widget_set_visible (GTK_WIDGET (self->values_group), any_value);
  gtk_widget_set_visible (GTK_WIDGET (self->reports_group), any_report);
  gtk_stack_set_visible_child_name (self->stack, names->len == 0 ? "empty" : "results");

  return TRUE;
}

static const char *
attachment_base_dir (void)
{
  /* A tmpfs that goes with the session where there is one: health data
   * should not linger on disk. */
  if (g_getenv ("XDG_RUNTIME_DIR") != NULL)
    return g_get_user_runtime_dir ();

  return g_get_user_cache_dir ();
}

/* A name that stays inside the folder it is written to. */
static char *
safe_file_name (const char *name)
{
  g_autofree char *base = NULL;

  if (name == NULL || *name == '\0')
    return g_strdup (_("attachment"));

  base = g_path_get_basename (name);
  g_strdelimit (base, "\\:", '_');
  for (char *p = base; *p != '\0'; p++)
    {
      if ((guchar) *p < 0x20)
        *p = '_';
    }
  if (*base == '.' || *base == G_DIR_SEPARATOR)
    {
      g_autofree char *named = g_strconcat (_("attachment"), base, NULL);

      return g_steal_pointer (&named);
    }

  return g_steal_pointer (&base);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
            remove_tree (child);
          else
            g_unlink (child);
        }
    }
  g_rmdir (path);
}

/* Callbacks */

static void
on_show_uri_done_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(CarnetResultsPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!gtk_show_uri_full_finish (GTK_WINDOW (source), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_autofree char *message = NULL;

      /* Translators: %s says why. */
      message = g_strdup_printf (_("Could not open the file: %s"), error->message);
      show_error (self, message);
    }
}

static void
open_attachment_activated (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  CarnetResultsPage *self = CARNET_RESULTS_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *uri = NULL;
  GtkRoot *root;

  path = carnet_results_page_save_attachment (self, g_variant_get_int64 (parameter), &error);
  if (path == NULL)
    {
      show_error (self, error->message);
      return;
    }

  uri = g_filename_to_uri (path, NULL, &error);
  if (uri == NULL)
    {
      show_error (self, error->message);
      return;
    }

  root = gtk_widget_get_root (widget);
  gtk_show_uri_full (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME,
                     NULL, on_show_uri_done_cb, g_object_ref (self));
}

/* Overrides */

static void
carnet_results_page_reload (CarnetPage *page)
{
  g_autoptr(GError) error = NULL;

  if (!reload (CARNET_RESULTS_PAGE (page), &error))
    carnet_page_report_error (page, error);
}

static ResultGroup *
find_group_of (CarnetResultsPage *self,
               gint64             id)
{
  CarnetNotebook *notebook = carnet_page_get_notebook (CARNET_PAGE (self));
  g_autoptr(CarnetRecord) result = NULL;
  g_autofree char *group_key = NULL;

  if (notebook == NULL)
    return NULL;

  result = carnet_notebook_get (notebook, CARNET_RECORD_RESULT, id, NULL);
  if (result == NULL)
    return NULL;

  group_key = carnet_result_row_group_key (carnet_result_get_name (CARNET_RESULT (result)));
  return g_hash_table_lookup (self->groups, group_key);
}

static gboolean
carnet_results_page_show_record (CarnetPage       *page,
                                 CarnetRecordKind  kind,
                                 gint64            id)
{
  CarnetResultsPage *self = CARNET_RESULTS_PAGE (page);
  ResultGroup *group;

  if (kind != CARNET_RECORD_RESULT)
    return FALSE;

  group = find_group_of (self, id);
  if (group == NULL)
    return FALSE;

  /* Its test, expanded, with the focus on it: the view scrolls there. */
  adw_expander_row_set_expanded (group->row, TRUE);
  for (guint i = 0; i < group->history->len; i++)
    {
      HistoryRow *history = g_ptr_array_index (group->history, i);

      if (history->id == id)
        {
          gtk_widget_grab_focus (history->row);
          return TRUE;
        }
    }

  return FALSE;
}

static void
carnet_results_page_dispose (GObject *object)
{
  CarnetResultsPage *self = CARNET_RESULTS_PAGE (object);

  if (self->groups != NULL)
    g_hash_table_remove_all (self->groups);
  g_clear_weak_pointer (&self->shown);

  gtk_widget_dispose_template (GTK_WIDGET (self), CARNET_TYPE_RESULTS_PAGE);

  G_OBJECT_CLASS (carnet_results_page_parent_class)->dispose (object);
}

static void
carnet_results_page_finalize (GObject *object)
{
  CarnetResultsPage *self = CARNET_RESULTS_PAGE (object);

  if (self->attachment_dir != NULL)
    remove_tree (self->attachment_dir);
  g_clear_pointer (&self->attachment_dir, g_free);
  g_clear_pointer (&self->groups, g_hash_table_unref);

  G_OBJECT_CLASS (carnet_results_page_parent_class)->finalize (object);
}

static void
carnet_results_page_class_init (CarnetResultsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  CarnetPageClass *page_class = CARNET_PAGE_CLASS (klass);

  object_class->dispose = carnet_results_page_dispose;
  object_class->finalize = carnet_results_page_finalize;

  page_class->reload = carnet_results_page_reload;
  page_class->show_record = carnet_results_page_show_record;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/carnet-results-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CarnetResultsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, CarnetResultsPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, CarnetResultsPage, empty_button_label);
  gtk_widget_class_bind_template_child (widget_class, CarnetResultsPage, values_group);
  gtk_widget_class_bind_template_child (widget_class, CarnetResultsPage, values_list);
  gtk_widget_class_bind_template_child (widget_class, CarnetResultsPage, reports_group);
  gtk_widget_class_bind_template_child (widget_class, CarnetResultsPage, reports_list);

  gtk_widget_class_install_action (widget_class, "results.open-attachment", "x",
                                   open_attachment_activated);
}

static void
carnet_results_page_init (CarnetResultsPage *self)
{
  CarnetEmptyState state;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->groups = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                        (GDestroyNotify) result_group_free);
  gtk_list_box_set_sort_func (self->values_list, compare_values_cb, NULL, NULL);
  gtk_list_box_set_sort_func (self->reports_list, compare_reports_cb, NULL, NULL);

  carnet_row_text_empty_state (CARNET_RECORD_RESULT, &state);
  adw_status_page_set_title (self->empty_page, state.title);
  adw_status_page_set_description (self->empty_page, state.description);
  gtk_label_set_text_with_mnemonic (self->empty_button_label, state.button);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

/* Public API */

/**
 * carnet_results_page_new:
 *
 * Returns: (transfer floating): a page showing no notebook yet
 */
GtkWidget *
carnet_results_page_new (void)
{
  return g_object_new (CARNET_TYPE_RESULTS_PAGE, NULL);
}

/**
 * carnet_results_page_save_attachment:
 * @self: a results page
 * @result_id: a result with an attached file
 * @error: return location for a #GError
 *
 * Writes the file attached to a result where only this user can read it
 * (mode 0600, in a private folder of `$XDG_RUNTIME_DIR`, or of the cache
 * folder), for another application to open. The folder goes with the page.
 *
 * Returns: (transfer full): the file's path, or %NULL with @error set
 */
char *
carnet_results_page_save_attachment (CarnetResultsPage  *self,
                                     gint64              result_id,
                                     GError            **error)
{
  g_autoptr(GBytes) data = NULL;
  g_autofree char *name = NULL;
  g_autofree char *file_name = NULL;
  g_autofree char *id_dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *id_text = NULL;
  CarnetNotebook *notebook;
  gconstpointer bytes;
  gsize size;

  g_return_val_if_fail (CARNET_IS_RESULTS_PAGE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  notebook = carnet_page_get_notebook (CARNET_PAGE (self));
  if (notebook == NULL)
    {
      g_set_error_literal (error, CARNET_ERROR, CARNET_ERROR_NOT_FOUND, _("No notebook is open."));
      return NULL;
    }

  data = carnet_notebook_dup_attachment (notebook, result_id, &name, error);
  if (data == NULL)
    return NULL;

  if (self->attachment_dir == NULL)
    {
      g_autofree char *base = g_build_filename (attachment_base_dir (), "carnet", NULL);
      g_autofree char *template = NULL;

      if (g_mkdir_with_parents (base, 0700) != 0)
        {
          int saved_errno = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       /* Translators: %s is a folder, then why it could not be made. */
                       _("Could not create the folder “%s”: %s"), base, g_strerror (saved_errno));
          return NULL;
        }

      template = g_build_filename (base, "attachments-XXXXXX", NULL);
      if (g_mkdtemp_full (template, 0700) == NULL)
        {
          int saved_errno = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       _("Could not create the folder “%s”: %s"), base, g_strerror (saved_errno));
          return NULL;
        }
      self->attachment_dir = g_steal_pointer (&template);
    }

  /* A folder per result: two results may attach files of the same name. */
  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, result_id);
  id_dir = g_build_filename (self->attachment_dir, id_text, NULL);
  if (g_mkdir (id_dir, 0700) != 0 && errno != EEXIST)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create the folder “%s”: %s"), id_dir, g_strerror (saved_errno));
      return NULL;
    }

  file_name = safe_file_name (name);
  path = g_build_filename (id_dir, file_name, NULL);
  bytes = g_bytes_get_data (data, &size);
  if (!g_file_set_contents_full (path, bytes, (gssize) size,
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0600, error))
    return NULL;

  return g_steal_pointer (&path);
}
