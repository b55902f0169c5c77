/* carnet-item.c: one entry of a page's list, kept across refreshes
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A page reloads its records whenever the notebook changes. Handing the list
 * view fresh objects each time would make it forget the scroll position, the
 * focused row and the selection; instead each entry has a key ("result:12")
 * and keeps its CarnetItem across reloads: only its object is replaced, and the
 * store only says which entries came, went or moved.
 */
#define G_LOG_DOMAIN "carnet-app"

#include "config.h"

#include "carnet-item.h"

struct _CarnetItem
{
  GObject   parent_instance;

  char     *key;
  GObject  *object;
  char     *header;
};

G_DEFINE_FINAL_TYPE (CarnetItem, carnet_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KEY,
  PROP_OBJECT,
  PROP_HEADER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Overrides */

static void
carnet_item_finalize (GObject *object)
{
  CarnetItem *self = CARNET_ITEM (object);

  g_clear_pointer (&self->key, g_free);
  g_clear_object (&self->object);
  g_clear_pointer (&self->header, g_free);

  G_OBJECT_CLASS (carnet_item_parent_class)->finalize (object);
}

static void
carnet_item_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  CarnetItem *self = CARNET_ITEM (object);

  switch (prop_id)
    {
    case PROP_KEY:
      g_value_set_string (value, self->key);
      break;
    case PROP_OBJECT:
      g_value_set_object (value, self->object);
      break;
    case PROP_HEADER:
      g_value_set_string (value, self->header);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
carnet_item_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  CarnetItem *self = CARNET_ITEM (object);

  switch (prop_id)
    {
    case PROP_KEY:
      self->key = g_value_dup_string (value);
      break;
    case PROP_OBJECT:
      carnet_item_set_object (self, g_value_get_object (value));
      break;
    case PROP_HEADER:
      carnet_item_set_header (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
carnet_item_class_init (CarnetItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = carnet_item_finalize;
  object_class->get_property = carnet_item_get_property;
  object_class->set_property = carnet_item_set_property;

  properties[PROP_KEY] =
    g_param_spec_string ("key", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_OBJECT] =
    g_param_spec_object ("object", NULL, NULL, G_TYPE_OBJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HEADER] =
    g_param_spec_string ("header", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
carnet_item_init (CarnetItem *self)
{
}

/* Public API */

/**
 * carnet_item_new:
 * @key: what identifies the entry across reloads
 * @object: (type GObject): what it shows
 */
CarnetItem *
carnet_item_new (const char *key,
                 gpointer    object)
{
  g_return_val_if_fail (key != NULL, NULL);
  g_return_val_if_fail (G_IS_OBJECT (object), NULL);

  return g_object_new (CARNET_TYPE_ITEM, "key", key, "object", object, NULL);
}

const char *
carnet_item_get_key (CarnetItem *self)
{
  g_return_val_if_fail (CARNET_IS_ITEM (self), NULL);

  return self->key;
}

/**
 * carnet_item_get_object:
 *
 * Returns: (transfer none) (type GObject): what the entry shows
 */
gpointer
carnet_item_get_object (CarnetItem *self)
{
  g_return_val_if_fail (CARNET_IS_ITEM (self), NULL);

  return self->object;
}

void
carnet_item_set_object (CarnetItem *self,
                        gpointer    object)
{
  g_return_if_fail (CARNET_IS_ITEM (self));
  g_return_if_fail (object == NULL || G_IS_OBJECT (object));

  if (g_set_object (&self->object, object))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OBJECT]);
}

/* The heading shown above the entry when it opens a group ("December 2026"), or NULL. */
const char *
carnet_item_get_header (CarnetItem *self)
{
  g_return_val_if_fail (CARNET_IS_ITEM (self), NULL);

  return self->header;
}

void
carnet_item_set_header (CarnetItem *self,
                        const char *header)
{
  g_return_if_fail (CARNET_IS_ITEM (self));

  if (g_strcmp0 (self->header, header) == 0)
    return;

  g_free (self->header);
  self->header = g_strdup (header);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HEADER]);
}

/**
 * carnet_item_key_for:
 *
 * Returns: the key of a record: "1:12" for the result 12
 */
char *
carnet_item_key_for (int    kind,
                     gint64 id)
{
  return g_strdup_printf ("%d:%" G_GINT64_FORMAT, kind, id);
}

/**
 * carnet_item_store_update:
 * @store: a store of #CarnetItem
 * @items: (element-type CarnetItem): what it should hold now, in order
 *
 * Makes @store hold @items, keeping the store's own item for each key that
 * was already there (given the new object and header), and changing only the
 * range between the unchanged start and end.
 */
void
carnet_item_store_update (GListStore *store,
                          GPtrArray  *items)
{
  g_autoptr(GHashTable) old_by_key = NULL;
  g_autoptr(GPtrArray) wanted = NULL;
  GListModel *model;
  guint n_old;
  guint n_new;
  guint prefix = 0;
  guint suffix = 0;

  g_return_if_fail (G_IS_LIST_STORE (store));
  g_return_if_fail (items != NULL);

  model = G_LIST_MODEL (store);
  n_old = g_list_model_get_n_items (model);
  n_new = items->len;

  old_by_key = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  for (guint i = 0; i < n_old; i++)
    {
      CarnetItem *old = g_list_model_get_item (model, i);

      /* The first of two equal keys wins; the store never holds both. */
      if (!g_hash_table_contains (old_by_key, old->key))
        g_hash_table_insert (old_by_key, old->key, old);
      else
        g_object_unref (old);
    }

  wanted = g_ptr_array_new_full (n_new, g_object_unref);
  for (guint i = 0; i < n_new; i++)
    {
      CarnetItem *item = g_ptr_array_index (items, i);
      CarnetItem *old;

      g_return_if_fail (CARNET_IS_ITEM (item));

      old = g_hash_table_lookup (old_by_key, item->key);
      if (old != NULL)
        {
          carnet_item_set_object (old, item->object);
          carnet_item_set_header (old, item->header);
          g_ptr_array_add (wanted, g_object_ref (old));
          /* A key seen twice in @items gets a fresh item the second time. */
          g_hash_table_remove (old_by_key, item->key);
        }
      else
        {
          g_ptr_array_add (wanted, g_object_ref (item));
        }
    }

  while (prefix < n_old && prefix < n_new)
    {
      g_autoptr(CarnetItem) old = g_list_model_get_item (model, prefix);

      if (old != g_ptr_array_index (wanted, prefix))
        break;
      prefix++;
    }

  while (suffix < n_old - prefix && suffix < n_new - prefix)
    {
      g_autoptr(CarnetItem) old = g_list_model_get_item (model, n_old - 1 - suffix);

      if (old != g_ptr_array_index (wanted, n_new - 1 - suffix))
        break;
      suffix++;
    }

  if (prefix + suffix == n_old && prefix + suffix == n_new)
    return;

  g_list_store_splice (store, prefix, n_old - prefix - suffix,
                       wanted->pdata + prefix, n_new - prefix - suffix);
}

/**
 * carnet_item_store_find:
 *
 * Returns: the position of the item with @key, or %GTK_INVALID_LIST_POSITION
 */
guint
carnet_item_store_find (GListModel *model,
                        const char *key)
{
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (model), G_MAXUINT);
  g_return_val_if_fail (key != NULL, G_MAXUINT);

  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CarnetItem) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (item->key, key) == 0)
        return i;
    }

  return G_MAXUINT;
}
