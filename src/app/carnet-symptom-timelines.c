/* carnet-symptom-timelines.c: each symptom's severity by day
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A group per symptom, the worst first: its timeline (CarnetChartView) on
 * a card, and under its name what the timeline shows, in words. The
 * notebook is read when the timelines are shown, not before: the Side
 * effects page opens on its list.
 */
#define G_LOG_DOMAIN "carnet-app"

#include "config.h"

#include "carnet-symptom-timelines.h"

#include <glib/gi18n.h>

#include "carnet-chart-view.h"

struct _CarnetSymptomTimelines
{
  GtkWidget       parent_instance;

  /* Template widgets */
  GtkWidget      *scrolled_window;
  GtkLabel       *error_label;
  GtkBox         *groups_box;

  /* Weak */
  CarnetNotebook *notebook;
  gboolean        dirty;
};

G_DEFINE_FINAL_TYPE (CarnetSymptomTimelines, carnet_symptom_timelines, GTK_TYPE_WIDGET)

static GtkWidget *
new_group (CarnetTimeline *timeline)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *view = carnet_chart_view_new ();
  g_autofree char *description = carnet_timeline_describe (timeline);
  g_autofree char *title = g_markup_escape_text (timeline->symptom, -1);
  g_autofree char *escaped = g_markup_escape_text (description, -1);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), escaped);
  gtk_widget_add_css_class (card, "card");
  gtk_widget_set_margin_top (view, 12);
  gtk_widget_set_margin_bottom (view, 12);
  gtk_widget_set_margin_start (view, 12);
  gtk_widget_set_margin_end (view, 12);
  carnet_chart_view_set_timeline (CARNET_CHART_VIEW (view), timeline);
  gtk_box_append (GTK_BOX (card), view);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), card);

  return group;
}

static void
clear_groups (CarnetSymptomTimelines *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->groups_box))) != NULL)
    gtk_box_remove (self->groups_box, child);
}

/* Overrides */

static void
carnet_symptom_timelines_map (GtkWidget *widget)
{
  CarnetSymptomTimelines *self = CARNET_SYMPTOM_TIMELINES (widget);

  GTK_WIDGET_CLASS (carnet_symptom_timelines_parent_class)->map (widget);

  if (self->dirty)
    carnet_symptom_timelines_load (self);
}

static void
carnet_symptom_timelines_dispose (GObject *object)
{
  CarnetSymptomTimelines *self = CARNET_SYMPTOM_TIMELINES (object);

  g_clear_weak_pointer (&self->notebook);
  gtk_widget_dispose_template (GTK_WIDGET (object), CARNET_TYPE_SYMPTOM_TIMELINES);

  G_OBJECT_CLASS (carnet_symptom_timelines_parent_class)->dispose (object);
}

static void
carnet_symptom_timelines_class_init (CarnetSymptomTimelinesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = carnet_symptom_timelines_dispose;
  widget_class->map = carnet_symptom_timelines_map;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/carnet-symptom-timelines.ui");
  gtk_widget_class_bind_template_child (widget_class, CarnetSymptomTimelines, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, CarnetSymptomTimelines, error_label);
  gtk_widget_class_bind_template_child (widget_class, CarnetSymptomTimelines, groups_box);
}

static void
carnet_symptom_timelines_init (CarnetSymptomTimelines *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API */

GtkWidget *
carnet_symptom_timelines_new (void)
{
  return g_object_new (CARNET_TYPE_SYMPTOM_TIMELINES, NULL);
}

void
carnet_symptom_timelines_set_notebook (CarnetSymptomTimelines *self,
                                       CarnetNotebook         *notebook)
{
  g_return_if_fail (CARNET_IS_SYMPTOM_TIMELINES (self));
  g_return_if_fail (notebook == NULL || CARNET_IS_NOTEBOOK (notebook));

  g_set_weak_pointer (&self->notebook, notebook);
  carnet_symptom_timelines_invalidate (self);
}

void
carnet_symptom_timelines_invalidate (CarnetSymptomTimelines *self)
{
  g_return_if_fail (CARNET_IS_SYMPTOM_TIMELINES (self));

  self->dirty = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    carnet_symptom_timelines_load (self);
}

guint
carnet_symptom_timelines_load (CarnetSymptomTimelines *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) timelines = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) from = NULL;

  g_return_val_if_fail (CARNET_IS_SYMPTOM_TIMELINES (self), 0);

  self->dirty = FALSE;
  clear_groups (self);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  if (self->notebook == NULL)
    return 0;

  /* The last months only: years of daily notes would be long to read, and
   * too thin to see. */
  now = carnet_clock_get_now (carnet_notebook_get_clock (self->notebook));
  from = g_date_time_add_months (now, -CARNET_SYMPTOM_TIMELINES_MONTHS);
  timelines = carnet_notebook_chart_symptoms (self->notebook, from, NULL, &error);
  if (timelines == NULL)
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return 0;
    }

  /* The views take the timelines. */
  g_ptr_array_set_free_func (timelines, NULL);
  for (guint i = 0; i < timelines->len; i++)
    gtk_box_append (self->groups_box, new_group (g_ptr_array_index (timelines, i)));

  return timelines->len;
}
