/* carnet-page-slot.c: where a page of the window goes, made when first shown
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window's switcher lists six pages, and the user looks at one when the
 * window opens: each of the others is built (its widgets, its styles, its
 * first reading of the notebook) the first time it is shown, or asked for
 * (carnet_page_slot_get_page(), to show a record). Until then the slot keeps
 * the notebook the page is to show.
 */
#define G_LOG_DOMAIN "carnet-app"

#include "config.h"

#include "carnet-page-slot.h"

struct _CarnetPageSlot
{
  AdwBin          parent_instance;

  GType           page_type;
  CarnetNotebook *notebook;
};

G_DEFINE_FINAL_TYPE (CarnetPageSlot, carnet_page_slot, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_PAGE_TYPE,
  PROP_NOTEBOOK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Overrides */

static void
carnet_page_slot_map (GtkWidget *widget)
{
  /* Made before the slot maps its child, so that the page maps with it. */
  carnet_page_slot_get_page (CARNET_PAGE_SLOT (widget));

  GTK_WIDGET_CLASS (carnet_page_slot_parent_class)->map (widget);
}

static void
carnet_page_slot_dispose (GObject *object)
{
  CarnetPageSlot *self = CARNET_PAGE_SLOT (object);

  g_clear_object (&self->notebook);

  G_OBJECT_CLASS (carnet_page_slot_parent_class)->dispose (object);
}

static void
carnet_page_slot_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  CarnetPageSlot *self = CARNET_PAGE_SLOT (object);

  switch (prop_id)
    {
    case PROP_PAGE_TYPE:
      g_value_set_gtype (value, self->page_type);
      break;
    case PROP_NOTEBOOK:
      g_value_set_object (value, self->notebook);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
carnet_page_slot_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  CarnetPageSlot *self = CARNET_PAGE_SLOT (object);

  switch (prop_id)
    {
    case PROP_PAGE_TYPE:
      self->page_type = g_value_get_gtype (value);
      break;
    case PROP_NOTEBOOK:
      carnet_page_slot_set_notebook (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
carnet_page_slot_class_init (CarnetPageSlotClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = carnet_page_slot_dispose;
  object_class->get_property = carnet_page_slot_get_property;
  object_class->set_property = carnet_page_slot_set_property;

  widget_class->map = carnet_page_slot_map;

  /**
   * CarnetPageSlot:page-type:
   *
   * The type of the page, a #CarnetPage.
   */
  properties[PROP_PAGE_TYPE] =
    g_param_spec_gtype ("page-type", NULL, NULL,
                        CARNET_TYPE_PAGE,
                        (G_PARAM_READWRITE |
                         G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS));

  /**
   * CarnetPageSlot:notebook:
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
}

static void
carnet_page_slot_init (CarnetPageSlot *self)
{
  self->page_type = CARNET_TYPE_PAGE;
}

/* Public API */

/**
 * carnet_page_slot_get_page:
 *
 * Returns: (transfer none): the page, made now if it was not yet
 */
CarnetPage *
carnet_page_slot_get_page (CarnetPageSlot *self)
{
  CarnetPage *page;

  g_return_val_if_fail (CARNET_IS_PAGE_SLOT (self), NULL);
  g_return_val_if_fail (g_type_is_a (self->page_type, CARNET_TYPE_PAGE) &&
                        !G_TYPE_IS_ABSTRACT (self->page_type), NULL);

  page = carnet_page_slot_peek_page (self);
  if (page != NULL)
    return page;

  page = g_object_new (self->page_type, "notebook", self->notebook, NULL);
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (page));

  return page;
}

/**
 * carnet_page_slot_peek_page:
 *
 * Returns: (transfer none) (nullable): the page, or %NULL when it has not been
 *   made yet
 */
CarnetPage *
carnet_page_slot_peek_page (CarnetPageSlot *self)
{
  g_return_val_if_fail (CARNET_IS_PAGE_SLOT (self), NULL);

  return (CarnetPage *) adw_bin_get_child (ADW_BIN (self));
}

CarnetNotebook *
carnet_page_slot_get_notebook (CarnetPageSlot *self)
{
  g_return_val_if_fail (CARNET_IS_PAGE_SLOT (self), NULL);

  return self->notebook;
}

void
carnet_page_slot_set_notebook (CarnetPageSlot *self,
                               CarnetNotebook *notebook)
{
  CarnetPage *page;

  g_return_if_fail (CARNET_IS_PAGE_SLOT (self));
  g_return_if_fail (notebook == NULL || CARNET_IS_NOTEBOOK (notebook));

  if (!g_set_object (&self->notebook, notebook))
    return;

  page = carnet_page_slot_peek_page (self);
  if (page != NULL)
    carnet_page_set_notebook (page, notebook);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTEBOOK]);
}
