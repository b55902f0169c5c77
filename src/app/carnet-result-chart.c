/* carnet-result-chart.c: a test's chart, with its zoom
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The values of one test over the last 3 months, the last year or all of
 * them (the `chart.zoom` action, a property action of "zoom"). The values
 * are read once; zooming only moves the window.
 */
#define G_LOG_DOMAIN "carnet-app"

#include "config.h"

#include "carnet-result-chart.h"


/* Room after the latest day, and around everything, in parts of the span. */
#define WINDOW_PAD 0.04

struct _CarnetResultChart
{
  GtkWidget        parent_instance;

  /* Template widgets */
  GtkWidget       *content;
  GtkWidget       *zoom_box;
  CarnetChartView *view;

  char            *zoom;
  GDateTime       *now;
  /* The series shown, owned by the view; NULL before loading. */
  CarnetChartSeries *series;
};

G_DEFINE_FINAL_TYPE (CarnetResultChart, carnet_result_chart, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ZOOM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_window (CarnetResultChart *self)
{
  gint64 from, to;

  if (self->series == NULL || self->now == NULL)
    return;

  carnet_result_chart_window (self->series, self->zoom, self->now, &from, &to);
  carnet_chart_view_set_window (self->view, from, to);
}

/* Overrides */

static void
carnet_result_chart_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  CarnetResultChart *self = CARNET_RESULT_CHART (object);

  switch (prop_id)
    {
    case PROP_ZOOM:
      g_value_set_string (value, self->zoom);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
carnet_result_chart_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  CarnetResultChart *self = CARNET_RESULT_CHART (object);

  switch (prop_id)
    {
    case PROP_ZOOM:
      carnet_result_chart_set_zoom (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
carnet_result_chart_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CARNET_TYPE_RESULT_CHART);

  G_OBJECT_CLASS (carnet_result_chart_parent_class)->dispose (object);
}

static void
carnet_result_chart_finalize (GObject *object)
{
  CarnetResultChart *self = CARNET_RESULT_CHART (object);

  g_clear_pointer (&self->now, g_date_time_unref);
  g_free (self->zoom);

  G_OBJECT_CLASS (carnet_result_chart_parent_class)->finalize (object);
}

static void
carnet_result_chart_class_init (CarnetResultChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = carnet_result_chart_get_property;
  object_class->set_property = carnet_result_chart_set_property;
  object_class->dispose = carnet_result_chart_dispose;
  object_class->finalize = carnet_result_chart_finalize;

  properties[PROP_ZOOM] =
    g_param_spec_string ("zoom", NULL, NULL,
                         CARNET_CHART_ZOOM_YEAR,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CARNET_TYPE_CHART_VIEW);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/carnet-result-chart.ui");
  gtk_widget_class_bind_template_child (widget_class, CarnetResultChart, content);
  gtk_widget_class_bind_template_child (widget_class, CarnetResultChart, zoom_box);
  gtk_widget_class_bind_template_child (widget_class, CarnetResultChart, view);

  gtk_widget_class_install_property_action (widget_class, "chart.zoom", "zoom");
}

static void
carnet_result_chart_init (CarnetResultChart *self)
{
  self->zoom = g_strdup (CARNET_CHART_ZOOM_YEAR);
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API */

GtkWidget *
carnet_result_chart_new (void)
{
  return g_object_new (CARNET_TYPE_RESULT_CHART, NULL);
}

/**
 * carnet_result_chart_load:
 * @names: (array zero-terminated=1): the test's names as spelt
 * @now: the day the windows end
 *
 * Returns: %FALSE with @error set when the notebook could not be read
 */
gboolean
carnet_result_chart_load (CarnetResultChart  *self,
                          CarnetNotebook     *notebook,
                          const char * const *names,
                          GDateTime          *now,
                          GError            **error)
{
  CarnetChartSeries *series;
  gint64 from, to;

  g_return_val_if_fail (CARNET_IS_RESULT_CHART (self), FALSE);
  g_return_val_if_fail (CARNET_IS_NOTEBOOK (notebook), FALSE);
  g_return_val_if_fail (names != NULL && names[0] != NULL, FALSE);
  g_return_val_if_fail (now != NULL, FALSE);

  series = carnet_notebook_chart_values (notebook, names, NULL, NULL, error);
  if (series == NULL)
    return FALSE;

  g_clear_pointer (&self->now, g_date_time_unref);
  self->now = g_date_time_ref (now);
  self->series = series;
  carnet_result_chart_window (series, self->zoom, now, &from, &to);
  carnet_chart_view_set_series (self->view, series, from, to);

  return TRUE;
}

const char *
carnet_result_chart_get_zoom (CarnetResultChart *self)
{
  g_return_val_if_fail (CARNET_IS_RESULT_CHART (self), NULL);

  return self->zoom;
}

void
carnet_result_chart_set_zoom (CarnetResultChart *self,
                              const char        *zoom)
{
  g_return_if_fail (CARNET_IS_RESULT_CHART (self));

  if (g_strcmp0 (zoom, CARNET_CHART_ZOOM_MONTHS) != 0 &&
      g_strcmp0 (zoom, CARNET_CHART_ZOOM_ALL) != 0)
    zoom = CARNET_CHART_ZOOM_YEAR;

  if (g_strcmp0 (self->zoom, zoom) == 0)
    return;

  g_free (self->zoom);
  self->zoom = g_strdup (zoom);
  update_window (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

CarnetChartView *
carnet_result_chart_get_view (CarnetResultChart *self)
{
  g_return_val_if_fail (CARNET_IS_RESULT_CHART (self), NULL);

  return self->view;
}

/**
 * carnet_result_chart_window:
 * @zoom: CARNET_CHART_ZOOM_MONTHS, _YEAR or _ALL
 *
 * The last 3 months or 12 months up to @now; or from the first value to
 * the latest one or @now, whichever comes later. A little room on either
 * side keeps the marks off the edges.
 */
void
carnet_result_chart_window (CarnetChartSeries *series,
                            const char        *zoom,
                            GDateTime         *now,
                            gint64            *out_from,
                            gint64            *out_to)
{
  g_autoptr(GDateTime) start = NULL;
  gint64 from, to = g_date_time_to_unix (now);
  gint64 pad;

  g_return_if_fail (series != NULL && now != NULL);

  if (g_strcmp0 (zoom, CARNET_CHART_ZOOM_MONTHS) == 0)
    {
      start = g_date_time_add_months (now, -3);
      from = g_date_time_to_unix (start);
    }
  else if (g_strcmp0 (zoom, CARNET_CHART_ZOOM_ALL) == 0 && series->points->len > 0)
    {
      from = g_array_index (series->points, CarnetChartPoint, 0).at;
      to = MAX (to, g_array_index (series->points, CarnetChartPoint, series->points->len - 1).at);
      pad = (gint64) ((to - from) * WINDOW_PAD);
      from -= MAX (pad, 86400);
    }
  else
    {
      start = g_date_time_add_years (now, -1);
      from = g_date_time_to_unix (start);
    }

  pad = (gint64) ((to - from) * WINDOW_PAD);
  *out_from = from;
  *out_to = to + MAX (pad, 86400);
}
