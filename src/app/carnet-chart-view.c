/* carnet-chart-view.c: a lab value chart, or a symptom's timeline
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Draws with the core's cairo painters (carnet-chart.c), in the colours of
 * the style in use: light or dark as AdwStyleManager says, the text in the
 * widget's own colour and font. It is an image to assistive technologies,
 * named after what it charts and described in words.
 */
#define G_LOG_DOMAIN "carnet-app"

#include "config.h"

#include "carnet-chart-view.h"

#include <glib/gi18n.h>

/* Tick labels are a little smaller than the text around them. */
#define FONT_SCALE 0.85
#define CHART_HEIGHT 220
#define MIN_WIDTH 200

struct _CarnetChartView
{
  GtkWidget          parent_instance;

  CarnetChartSeries *series;
  CarnetTimeline    *timeline;
  gint64             from;
  gint64             to;
  char              *description;
};

G_DEFINE_FINAL_TYPE (CarnetChartView, carnet_chart_view, GTK_TYPE_WIDGET)

static char *
dup_font (CarnetChartView *self)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  PangoFontDescription *font = pango_font_description_copy (pango_context_get_font_description (context));
  char *text;
  int size = pango_font_description_get_size (font);

  if (size <= 0)
    size = 10 * PANGO_SCALE;
  if (pango_font_description_get_size_is_absolute (font))
    pango_font_description_set_absolute_size (font, size * FONT_SCALE);
  else
    pango_font_description_set_size (font, (int) (size * FONT_SCALE));
  text = pango_font_description_to_string (font);
  pango_font_description_free (font);

  return text;
}

static void
update_accessible (CarnetChartView *self)
{
  g_autofree char *label = NULL;

  g_clear_pointer (&self->description, g_free);
  if (self->series != NULL)
    {
      self->description = carnet_chart_series_describe (self->series);
      /* Translators: the accessible name of a lab value chart; %s is the test */
      label = g_strdup_printf (_("Chart of %s"), self->series->name);
    }
  else if (self->timeline != NULL)
    {
      self->description = carnet_timeline_describe (self->timeline);
      /* Translators: the accessible name of a symptom's timeline; %s is the symptom */
      label = g_strdup_printf (_("Timeline of %s"), self->timeline->symptom);
    }
  else
    return;

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->description,
                                  -1);
}

static void
clear_content (CarnetChartView *self)
{
  g_clear_pointer (&self->series, carnet_chart_series_free);
  g_clear_pointer (&self->timeline, carnet_timeline_free);
}

/* Callbacks */

static void
on_style_dark_changed_cb (CarnetChartView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Overrides */

static GtkSizeRequestMode
carnet_chart_view_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_CONSTANT_SIZE;
}

static void
carnet_chart_view_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  CarnetChartView *self = CARNET_CHART_VIEW (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MIN_WIDTH;
      *natural = 600;
      return;
    }

  if (self->timeline != NULL)
    {
      g_autofree char *font = dup_font (self);
      double line_height = carnet_chart_line_height (gtk_widget_get_pango_context (widget), font);

      *minimum = *natural = (int) ceil (carnet_timeline_get_height (self->timeline, line_height));
      return;
    }

  *minimum = *natural = self->series != NULL ? CHART_HEIGHT : 0;
}

static void
carnet_chart_view_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  CarnetChartView *self = CARNET_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  PangoContext *context = gtk_widget_get_pango_context (widget);
  g_autofree char *font = NULL;
  CarnetChartPalette palette;
  cairo_t *cr;

  if ((self->series == NULL && self->timeline == NULL) || width <= 0 || height <= 0)
    return;

  font = dup_font (self);
  carnet_chart_view_get_palette (self, &palette);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (self->series != NULL)
    {
      g_autoptr(CarnetChartLayout) layout = NULL;

      layout = carnet_chart_layout_new_for_text (self->series, context, font, self->from, self->to, width, height);
      carnet_chart_draw (self->series, layout, cr, context, font, &palette);
    }
  else
    {
      carnet_timeline_draw (self->timeline, cr, context, font, &palette, width, height);
    }
  cairo_destroy (cr);
}

static void
carnet_chart_view_finalize (GObject *object)
{
  CarnetChartView *self = CARNET_CHART_VIEW (object);

  clear_content (self);
  g_free (self->description);

  G_OBJECT_CLASS (carnet_chart_view_parent_class)->finalize (object);
}

static void
carnet_chart_view_class_init (CarnetChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = carnet_chart_view_finalize;

  widget_class->get_request_mode = carnet_chart_view_get_request_mode;
  widget_class->measure = carnet_chart_view_measure;
  widget_class->snapshot = carnet_chart_view_snapshot;

  gtk_widget_class_set_css_name (widget_class, "carnet-chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
carnet_chart_view_init (CarnetChartView *self)
{
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_style_dark_changed_cb), self, G_CONNECT_SWAPPED);
}

/* Public API */

GtkWidget *
carnet_chart_view_new (void)
{
  return g_object_new (CARNET_TYPE_CHART_VIEW, NULL);
}

/**
 * carnet_chart_view_set_series:
 * @series: (transfer full): the values
 */
void
carnet_chart_view_set_series (CarnetChartView   *self,
                              CarnetChartSeries *series,
                              gint64             from,
                              gint64             to)
{
  g_return_if_fail (CARNET_IS_CHART_VIEW (self));
  g_return_if_fail (series != NULL);

  clear_content (self);
  self->series = series;
  self->from = from;
  self->to = to;
  update_accessible (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
carnet_chart_view_set_window (CarnetChartView *self,
                              gint64           from,
                              gint64           to)
{
  g_return_if_fail (CARNET_IS_CHART_VIEW (self));

  if (self->from == from && self->to == to)
    return;

  self->from = from;
  self->to = to;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * carnet_chart_view_set_timeline:
 * @timeline: (transfer full): the symptom's days, aligned
 */
void
carnet_chart_view_set_timeline (CarnetChartView *self,
                                CarnetTimeline  *timeline)
{
  g_return_if_fail (CARNET_IS_CHART_VIEW (self));
  g_return_if_fail (timeline != NULL);

  clear_content (self);
  self->timeline = timeline;
  update_accessible (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

const char *
carnet_chart_view_get_description (CarnetChartView *self)
{
  g_return_val_if_fail (CARNET_IS_CHART_VIEW (self), NULL);

  return self->description;
}

void
carnet_chart_view_get_palette (CarnetChartView    *self,
                               CarnetChartPalette *palette)
{
  GdkRGBA color;
  gboolean dark;

  g_return_if_fail (CARNET_IS_CHART_VIEW (self));
  g_return_if_fail (palette != NULL);

  dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  carnet_chart_palette_init (palette, dark);

  /* Text in the colour of the text around it. */
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self)), &color);
  palette->foreground = (CarnetChartColor) { color.red, color.green, color.blue, color.alpha * 0.85 };
}
