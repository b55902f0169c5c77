/* carnet-page.c: what every page of the window has in common
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A page shows part of a notebook and follows its changes. It reads the
 * notebook only while it is on screen: a change to a hidden page marks it out
 * of date, and it reloads when it is shown. So the window's first frame costs
 * only the page it opens on, however big the notebook.
 */
#define G_LOG_DOMAIN "carnet-app"

#include "config.h"

#include "carnet-page.h"

#include <glib/gi18n.h>

typedef struct
{
  CarnetNotebook *notebook;
  gboolean        out_of_date;
} CarnetPagePrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (CarnetPage, carnet_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_NOTEBOOK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Callbacks */

static void
on_notebook_changed_cb (CarnetPage *self)
{
  carnet_page_queue_reload (self);
}

/* Overrides */

static void
carnet_page_map (GtkWidget *widget)
{
  CarnetPage *self = CARNET_PAGE (widget);
  CarnetPagePrivate *priv = carnet_page_get_instance_private (self);

  if (priv->out_of_date)
    carnet_page_reload (self);

  GTK_WIDGET_CLASS (carnet_page_parent_class)->map (widget);
}

static void
carnet_page_dispose (GObject *object)
{
  CarnetPage *self = CARNET_PAGE (object);
  CarnetPagePrivate *priv = carnet_page_get_instance_private (self);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  if (priv->notebook != NULL)
    g_signal_handlers_disconnect_by_data (priv->notebook, self);
  g_clear_object (&priv->notebook);

  G_OBJECT_CLASS (carnet_page_parent_class)->dispose (object);
}

static void
carnet_page_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  CarnetPage *self = CARNET_PAGE (object);

  switch (prop_id)
    {
    case PROP_NOTEBOOK:
      g_value_set_object (value, carnet_page_get_notebook (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
carnet_page_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  CarnetPage *self = CARNET_PAGE (object);

  switch (prop_id)
    {
    case PROP_NOTEBOOK:
      carnet_page_set_notebook (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
carnet_page_class_init (CarnetPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = carnet_page_dispose;
  object_class->get_property = carnet_page_get_property;
  object_class->set_property = carnet_page_set_property;

  widget_class->map = carnet_page_map;

  /**
   * CarnetPage:notebook:
   *
   * The notebook the page shows, or %NULL.
   */
  properties[PROP_NOTEBOOK] =
    g_param_spec_object ("notebook", NULL, NULL,
                         CARNET_TYPE_NOTEBOOK,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
carnet_page_init (CarnetPage *self)
{
}

/* Public API */

CarnetNotebook *
carnet_page_get_notebook (CarnetPage *self)
{
  CarnetPagePrivate *priv = carnet_page_get_instance_private (self);

  g_return_val_if_fail (CARNET_IS_PAGE (self), NULL);

  return priv->notebook;
}

void
carnet_page_set_notebook (CarnetPage     *self,
                          CarnetNotebook *notebook)
{
  CarnetPagePrivate *priv = carnet_page_get_instance_private (self);

  g_return_if_fail (CARNET_IS_PAGE (self));
  g_return_if_fail (notebook == NULL || CARNET_IS_NOTEBOOK (notebook));

  if (priv->notebook == notebook)
    return;

  if (priv->notebook != NULL)
    g_signal_handlers_disconnect_by_data (priv->notebook, self);

  g_set_object (&priv->notebook, notebook);

  if (notebook != NULL)
    {
      g_signal_connect_object (notebook, "changed",
                               G_CALLBACK (on_notebook_changed_cb), self,
                               G_CONNECT_SWAPPED);
      /* The person's name is set after the change is committed. */
      g_signal_connect_object (notebook, "notify::person",
                               G_CALLBACK (on_notebook_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }

  carnet_page_queue_reload (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTEBOOK]);
}

/**
 * carnet_page_dup_now:
 *
 * Returns: (transfer full): the present, on the notebook's clock
 */
GDateTime *
carnet_page_dup_now (CarnetPage *self)
{
  CarnetPagePrivate *priv = carnet_page_get_instance_private (self);

  g_return_val_if_fail (CARNET_IS_PAGE (self), NULL);

  if (priv->notebook == NULL)
    return g_date_time_new_now_local ();

  return carnet_clock_get_now (carnet_notebook_get_clock (priv->notebook));
}

/**
 * carnet_page_reload:
 *
 * Reads the notebook again now, shown or not.
 */
void
carnet_page_reload (CarnetPage *self)
{
  CarnetPagePrivate *priv = carnet_page_get_instance_private (self);

  g_return_if_fail (CARNET_IS_PAGE (self));

  priv->out_of_date = FALSE;
  if (CARNET_PAGE_GET_CLASS (self)->reload != NULL)
    {
      gint64 start = g_get_monotonic_time ();

      CARNET_PAGE_GET_CLASS (self)->reload (self);
      g_debug ("%s read the notebook in %.1f ms", G_OBJECT_TYPE_NAME (self),
               (g_get_monotonic_time () - start) / 1000.0);
    }
}

/**
 * carnet_page_queue_reload:
 *
 * Reloads now if the page is on screen, else when it is shown.
 */
void
carnet_page_queue_reload (CarnetPage *self)
{
  CarnetPagePrivate *priv = carnet_page_get_instance_private (self);

  g_return_if_fail (CARNET_IS_PAGE (self));

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    carnet_page_reload (self);
  else
    priv->out_of_date = TRUE;
}

/**
 * carnet_page_show_record:
 *
 * Scrolls to the record and selects it, reading the notebook first if the
 * page is out of date.
 *
 * Returns: whether the page shows it
 */
gboolean
carnet_page_show_record (CarnetPage       *self,
                         CarnetRecordKind  kind,
                         gint64            id)
{
  CarnetPagePrivate *priv = carnet_page_get_instance_private (self);

  g_return_val_if_fail (CARNET_IS_PAGE (self), FALSE);

  if (priv->out_of_date)
    carnet_page_reload (self);

  if (CARNET_PAGE_GET_CLASS (self)->show_record == NULL)
    return FALSE;

  return CARNET_PAGE_GET_CLASS (self)->show_record (self, kind, id);
}

/**
 * carnet_page_report_error:
 * @error: why the page could not read the notebook
 *
 * Tells the user, in a toast of the window.
 */
void
carnet_page_report_error (CarnetPage   *self,
                          const GError *error)
{
  GtkWidget *overlay;
  g_autofree char *message = NULL;
  g_autofree char *escaped = NULL;

  g_return_if_fail (CARNET_IS_PAGE (self));
  g_return_if_fail (error != NULL);

  g_debug ("Could not read the notebook: %s", error->message);

  overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  if (overlay == NULL)
    return;

  /* Translators: %s says what went wrong. */
  message = g_strdup_printf (_("Could not read the notebook: %s"), error->message);
  /* Toast titles are markup. */
  escaped = g_markup_escape_text (message, -1);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (escaped));
}

static void
on_status_page_map_cb (AdwStatusPage *status_page,
                       const char    *icon_name)
{
  g_signal_handlers_disconnect_by_func (status_page, on_status_page_map_cb, (gpointer) icon_name);
  adw_status_page_set_icon_name (status_page, icon_name);
}

/**
 * carnet_status_page_set_icon_on_map:
 * @status_page: a status page that may never be shown
 * @icon_name: (not nullable): a static string
 *
 * Gives @status_page its icon when it is first shown. GTK 4.8 loads an
 * image's icon as soon as the image has a style, shown or not, and a status
 * page's icon is drawn large, from the SVG: the start of the window would pay
 * for the empty or error states it does not show.
 */
void
carnet_status_page_set_icon_on_map (AdwStatusPage *status_page,
                                    const char    *icon_name)
{
  g_return_if_fail (ADW_IS_STATUS_PAGE (status_page));
  g_return_if_fail (icon_name != NULL);

  if (gtk_widget_get_mapped (GTK_WIDGET (status_page)))
    adw_status_page_set_icon_name (status_page, icon_name);
  else
    g_signal_connect (status_page, "map", G_CALLBACK (on_status_page_map_cb), (gpointer) icon_name);
}
