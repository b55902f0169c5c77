/* carnet-record-list.c: a page's lazy list of records
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GtkListView over a store of CarnetItem: only the rows on screen exist, and
 * their words come from the page's describe function (pure functions of
 * carnet-row-text.c) when they are bound. Activating a row opens the record's
 * editor through the `record.edit` action.
 *
 * A list shown for the first time (with its window, or its page) has at
 * first only the rows that can fit on a screen: in GTK 4.8 a list view makes
 * a row for each of up to 200 items around its anchor, on screen or not, and
 * laying out their labels is most of what the window's first frame costs.
 * The others come once that frame is drawn (through a GtkSliceListModel
 * between the items and the selection).
 */
#define G_LOG_DOMAIN "carnet-app"

#include "config.h"

#include "carnet-record-list.h"

#include <glib/gi18n.h>

#include "carnet-record-row.h"

struct _CarnetRecordList
{
  GtkWidget            parent_instance;

  /* Template widgets */
  GtkScrolledWindow   *scrolled_window;
  GtkListView         *list_view;

  GListStore          *store;
  /* What the list shows: the store, or a model of the page's. */
  GListModel          *model;
  /* The model, cut to what fits on a screen until the window's first frame. */
  GtkSliceListModel   *slice;
  GtkSingleSelection  *selection;
  GdkFrameClock       *frame_clock;
  gulong               after_paint_id;
  guint                show_all_id;
  /* The least height of a row, to count the rows that can fill a screen. */
  int                  min_row_height;
  CarnetDescribeFunc   describe;
  gpointer             describe_data;
};

G_DEFINE_FINAL_TYPE (CarnetRecordList, carnet_record_list, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
describe_item (CarnetRecordList *self,
               CarnetItem       *item,
               CarnetRowText    *text)
{
  if (self->describe != NULL)
    self->describe (item, text, self->describe_data);
}

static void
show_item (CarnetRecordList *self,
           CarnetItem       *item,
           CarnetRecordRow  *row)
{
  g_auto(CarnetRowText) text = { 0 };

  describe_item (self, item, &text);
  carnet_record_row_set_text (row, &text);
  carnet_record_row_set_header (row, carnet_item_get_header (item));
  g_object_set_data_full (G_OBJECT (row), "carnet-key",
                          g_strdup (carnet_item_get_key (item)), g_free);
}

/* The list keeps its place across changes, but one read from the top stays
 * at the top: what comes before the first row (a missed exam, a new record)
 * shows rather than hiding above it. */
static gboolean
is_at_top (CarnetRecordList *self)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scrolled_window);

  return gtk_adjustment_get_value (adjustment) <= gtk_adjustment_get_lower (adjustment);
}

static void
update_store (CarnetRecordList *self,
              GPtrArray        *items)
{
  gboolean at_top = is_at_top (self);

  carnet_item_store_update (self->store, items);

  if (at_top && items->len > 0)
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", 0);
}

/* The smallest a row can be (a title and a line under it, at the smallest
 * text size), to count the rows that can fill a screen. */
#define ROW_MIN_HEIGHT 56

static void
stop_waiting_for_frame (CarnetRecordList *self)
{
  if (self->frame_clock != NULL)
    {
      g_clear_signal_handler (&self->after_paint_id, self->frame_clock);
      g_clear_object (&self->frame_clock);
    }
  g_clear_handle_id (&self->show_all_id, g_source_remove);
}

static void
show_all_rows (CarnetRecordList *self)
{
  stop_waiting_for_frame (self);
  if (gtk_slice_list_model_get_size (self->slice) != G_MAXUINT)
    gtk_slice_list_model_set_size (self->slice, G_MAXUINT);
}

/* How many rows can be on screen at once in @self's window. */
static guint
count_screen_rows (CarnetRecordList *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  int width = 0;
  int height = 0;

  if (GTK_IS_WINDOW (root))
    {
      GtkWindow *window = GTK_WINDOW (root);

      /* GTK 4.8 wants both. */
      gtk_window_get_default_size (window, &width, &height);
      if (gtk_window_is_maximized (window) || gtk_window_is_fullscreen (window) || height <= 0)
        {
          GListModel *monitors = gdk_display_get_monitors (gtk_widget_get_display (GTK_WIDGET (self)));
          guint n = g_list_model_get_n_items (monitors);

          for (guint i = 0; i < n; i++)
            {
              g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, i);
              GdkRectangle geometry;

              gdk_monitor_get_geometry (monitor, &geometry);
              height = MAX (height, geometry.height);
            }
        }
    }
  if (height <= 0)
    return G_MAXUINT;

  return height / self->min_row_height + 2;
}

/* Callbacks */

static gboolean
show_all_rows_cb (gpointer user_data)
{
  CarnetRecordList *self = user_data;

  self->show_all_id = 0;
  show_all_rows (self);

  return G_SOURCE_REMOVE;
}

static void
on_after_paint_cb (GdkFrameClock    *frame_clock,
                   CarnetRecordList *self)
{
  /* Once the frame is out, not while it is being finished. */
  g_clear_signal_handler (&self->after_paint_id, self->frame_clock);
  if (self->show_all_id == 0)
    self->show_all_id = g_idle_add (show_all_rows_cb, self);
}

static void
on_item_notify_cb (CarnetItem  *item,
                   GParamSpec  *pspec,
                   GtkListItem *list_item)
{
  CarnetRecordList *self = g_object_get_data (G_OBJECT (list_item), "carnet-record-list");
  GtkWidget *row = gtk_list_item_get_child (list_item);

  if (self != NULL && row != NULL)
    show_item (self, item, CARNET_RECORD_ROW (row));
}

static void
on_factory_setup_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item,
                     CarnetRecordList         *self)
{
  gtk_list_item_set_child (list_item, carnet_record_row_new ());
  /* Clicks and hovering do not select: the selection marks the record
   * carnet_record_list_show() brought forward. */
  gtk_list_item_set_selectable (list_item, FALSE);
  g_object_set_data (G_OBJECT (list_item), "carnet-record-list", self);
}

static void
on_factory_bind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item,
                    CarnetRecordList         *self)
{
  CarnetItem *item = gtk_list_item_get_item (list_item);

  show_item (self, item, CARNET_RECORD_ROW (gtk_list_item_get_child (list_item)));
  g_signal_connect_object (item, "notify", G_CALLBACK (on_item_notify_cb), list_item, 0);
}

static void
on_factory_unbind_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *list_item,
                      CarnetRecordList         *self)
{
  CarnetItem *item = gtk_list_item_get_item (list_item);

  if (item != NULL)
    g_signal_handlers_disconnect_by_func (item, on_item_notify_cb, list_item);
}

static void
on_list_view_activate_cb (GtkListView      *list_view,
                          guint             position,
                          CarnetRecordList *self)
{
  g_auto(CarnetRowText) text = { 0 };

  carnet_record_list_describe (self, position, &text);
  if (!text.editable || text.id <= 0)
    return;

  gtk_widget_activate_action (GTK_WIDGET (self), "record.edit", "(sx)",
                              carnet_enum_to_nick (CARNET_TYPE_RECORD_KIND, text.kind),
                              text.id);
}

static void
on_model_items_changed_cb (GListModel       *model,
                           guint             position,
                           guint             removed,
                           guint             added,
                           CarnetRecordList *self)
{
  if (added > 0 && is_at_top (self))
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", 0);
}

/* Overrides */

static void
carnet_record_list_root (GtkWidget *widget)
{
  CarnetRecordList *self = CARNET_RECORD_LIST (widget);

  GTK_WIDGET_CLASS (carnet_record_list_parent_class)->root (widget);

  /* In a window, before it is shown: what fits on a screen for its first
   * frame, the rest once that frame is drawn (see realize). */
  if (!gtk_widget_get_realized (widget))
    gtk_slice_list_model_set_size (self->slice, count_screen_rows (self));
}

static void
carnet_record_list_realize (GtkWidget *widget)
{
  CarnetRecordList *self = CARNET_RECORD_LIST (widget);

  GTK_WIDGET_CLASS (carnet_record_list_parent_class)->realize (widget);

  if (gtk_slice_list_model_get_size (self->slice) == G_MAXUINT)
    return;

  stop_waiting_for_frame (self);
  self->frame_clock = g_object_ref (gtk_widget_get_frame_clock (widget));
  self->after_paint_id = g_signal_connect (self->frame_clock, "after-paint",
                                           G_CALLBACK (on_after_paint_cb), self);
}

static void
carnet_record_list_unrealize (GtkWidget *widget)
{
  stop_waiting_for_frame (CARNET_RECORD_LIST (widget));

  GTK_WIDGET_CLASS (carnet_record_list_parent_class)->unrealize (widget);
}

static void
carnet_record_list_dispose (GObject *object)
{
  CarnetRecordList *self = CARNET_RECORD_LIST (object);

  stop_waiting_for_frame (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), CARNET_TYPE_RECORD_LIST);
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, on_model_items_changed_cb, self);
  g_clear_object (&self->model);
  g_clear_object (&self->selection);
  g_clear_object (&self->slice);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (carnet_record_list_parent_class)->dispose (object);
}

static void
carnet_record_list_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_LABEL:
      g_value_set_string (value, NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
carnet_record_list_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  CarnetRecordList *self = CARNET_RECORD_LIST (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, g_value_get_string (value),
                                      -1);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
carnet_record_list_class_init (CarnetRecordListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = carnet_record_list_dispose;
  object_class->get_property = carnet_record_list_get_property;
  object_class->set_property = carnet_record_list_set_property;

  widget_class->root = carnet_record_list_root;
  widget_class->realize = carnet_record_list_realize;
  widget_class->unrealize = carnet_record_list_unrealize;

  /**
   * CarnetRecordList:label:
   *
   * What the list holds, for screen readers ("Side effects").
   */
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/carnet-record-list.ui");
  gtk_widget_class_bind_template_child (widget_class, CarnetRecordList, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, CarnetRecordList, list_view);
  gtk_widget_class_bind_template_callback (widget_class, on_list_view_activate_cb);
}

static void
carnet_record_list_init (CarnetRecordList *self)
{
  g_autoptr(GtkListItemFactory) factory = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->min_row_height = ROW_MIN_HEIGHT;
  self->store = g_list_store_new (CARNET_TYPE_ITEM);
  self->model = g_object_ref (G_LIST_MODEL (self->store));
  self->slice = gtk_slice_list_model_new (g_object_ref (self->model), 0, G_MAXUINT);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->slice)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect_object (factory, "setup", G_CALLBACK (on_factory_setup_cb), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (on_factory_bind_cb), self, 0);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (on_factory_unbind_cb), self, 0);
  gtk_list_view_set_factory (self->list_view, factory);

  g_signal_connect_object (self->list_view, "activate",
                           G_CALLBACK (on_list_view_activate_cb), self, 0);
}

/* Public API */

GtkWidget *
carnet_record_list_new (void)
{
  return g_object_new (CARNET_TYPE_RECORD_LIST, NULL);
}

/**
 * carnet_record_list_set_describe_func:
 * @func: what fills a row's text from its item
 */
void
carnet_record_list_set_describe_func (CarnetRecordList   *self,
                                      CarnetDescribeFunc  func,
                                      gpointer            user_data)
{
  g_return_if_fail (CARNET_IS_RECORD_LIST (self));

  self->describe = func;
  self->describe_data = user_data;
}

/**
 * carnet_record_list_set_min_row_height:
 * @height: the least height of any row of this list, in pixels, at the
 *   smallest text size
 *
 * Until the window has drawn, the list builds only the rows that can fit on a
 * screen; a list whose rows are all taller than a title and a line says so
 * here, and builds fewer. Set it before the list is in a window.
 */
void
carnet_record_list_set_min_row_height (CarnetRecordList *self,
                                       int               height)
{
  g_return_if_fail (CARNET_IS_RECORD_LIST (self));
  g_return_if_fail (height >= ROW_MIN_HEIGHT);

  self->min_row_height = height;
}

/**
 * carnet_record_list_update:
 * @items: (element-type CarnetItem): what the list should show now
 *
 * Shows @items, keeping the scroll position, the focused row and the
 * selection where their records are still there.
 */
void
carnet_record_list_update (CarnetRecordList *self,
                           GPtrArray        *items)
{
  g_return_if_fail (CARNET_IS_RECORD_LIST (self));
  g_return_if_fail (self->model == G_LIST_MODEL (self->store));

  update_store (self, items);
}

/**
 * carnet_record_list_get_vadjustment:
 *
 * Returns: (transfer none): how far down the list is scrolled
 */
GtkAdjustment *
carnet_record_list_get_vadjustment (CarnetRecordList *self)
{
  g_return_val_if_fail (CARNET_IS_RECORD_LIST (self), NULL);

  return gtk_scrolled_window_get_vadjustment (self->scrolled_window);
}

/**
 * carnet_record_list_get_model:
 *
 * Returns: (transfer none): the list's items, #CarnetItem
 */
GListModel *
carnet_record_list_get_model (CarnetRecordList *self)
{
  g_return_val_if_fail (CARNET_IS_RECORD_LIST (self), NULL);

  return self->model;
}

/**
 * carnet_record_list_set_model:
 * @model: (nullable): a list model of #CarnetItem that reads as it is asked
 *   (#CarnetRecordModel), or %NULL for the list's own store
 *
 * Shows @model rather than what carnet_record_list_update() gives.
 */
void
carnet_record_list_set_model (CarnetRecordList *self,
                              GListModel       *model)
{
  g_return_if_fail (CARNET_IS_RECORD_LIST (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  if (model == NULL)
    model = G_LIST_MODEL (self->store);
  if (self->model == model)
    return;

  g_signal_handlers_disconnect_by_func (self->model, on_model_items_changed_cb, self);
  g_set_object (&self->model, model);
  gtk_slice_list_model_set_model (self->slice, model);
  /* After the selection's handler: the list view has taken the change. */
  if (model != G_LIST_MODEL (self->store))
    g_signal_connect (model, "items-changed", G_CALLBACK (on_model_items_changed_cb), self);
}

/**
 * carnet_record_list_refresh_rows:
 *
 * Has the rows on screen say again what they say: the present moved on
 * ("In 3 days" became "In 2 days").
 */
void
carnet_record_list_refresh_rows (CarnetRecordList *self)
{
  guint n;

  g_return_if_fail (CARNET_IS_RECORD_LIST (self));

  n = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CarnetItem) item = g_list_model_get_item (G_LIST_MODEL (self->store), i);

      g_object_notify (G_OBJECT (item), "object");
    }
}

/**
 * carnet_record_list_describe:
 * @text: an empty row text, filled
 *
 * What the row at @position says.
 */
void
carnet_record_list_describe (CarnetRecordList *self,
                             guint             position,
                             CarnetRowText    *text)
{
  g_autoptr(CarnetItem) item = NULL;

  g_return_if_fail (CARNET_IS_RECORD_LIST (self));
  g_return_if_fail (text != NULL);

  item = g_list_model_get_item (self->model, position);
  if (item != NULL)
    describe_item (self, item, text);
}

/**
 * carnet_record_list_show:
 * @key: an item's key
 *
 * Scrolls to the item with @key, selects it and gives it the keyboard focus.
 *
 * Returns: whether the list has it
 */
gboolean
carnet_record_list_show (CarnetRecordList *self,
                         const char       *key)
{
  guint position;

  g_return_val_if_fail (CARNET_IS_RECORD_LIST (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  position = carnet_item_store_find (self->model, key);
  if (position == G_MAXUINT)
    return FALSE;

  carnet_record_list_show_position (self, position);
  return TRUE;
}

/**
 * carnet_record_list_show_position:
 * @position: an item's position
 *
 * Scrolls to the item at @position, selects it and gives it the keyboard
 * focus.
 */
void
carnet_record_list_show_position (CarnetRecordList *self,
                                  guint             position)
{
  g_autoptr(CarnetItem) item = NULL;

  g_return_if_fail (CARNET_IS_RECORD_LIST (self));

  item = g_list_model_get_item (self->model, position);
  if (item == NULL)
    return;

  if (position >= gtk_slice_list_model_get_size (self->slice))
    show_all_rows (self);
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);

  /* The row exists once scrolled to; focusing it moves the list's focus there. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *row = gtk_widget_get_first_child (child);

      if (CARNET_IS_RECORD_ROW (row) &&
          g_strcmp0 (g_object_get_data (G_OBJECT (row), "carnet-key"), carnet_item_get_key (item)) == 0)
        {
          gtk_widget_grab_focus (child);
          break;
        }
    }
}
