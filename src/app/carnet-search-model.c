/* carnet-search-model.c: the hits of a search, read as they are shown
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GListModel of CarnetItem over the hits of one search, in the order
 * carnet_notebook_search() lists them. It reads the first page when it is
 * made, which tells it how many hits there are, and each other page of
 * CARNET_SEARCH_MODEL_PAGE hits the first time a list asks for one of its
 * items: the words around each match (FTS5's snippet) are the cost of a
 * search, and a screen shows a dozen hits of the hundreds a word of one or
 * two letters finds.
 *
 * It lists one page of hits at first, and one more each time
 * carnet_search_model_show_more() is called (the search page calls it as
 * the list is scrolled near its end): GTK 4.8's list view makes a row for
 * up to 200 items around the first one shown, and 200 rows took 300 to
 * 450 ms to show a search at 10 000 entries.
 *
 * It does not follow the notebook: the page showing it makes a new one when
 * the notebook changes.
 */
#define G_LOG_DOMAIN "carnet-app"

#include "config.h"

#include "carnet-search-model.h"

#include "carnet-item.h"

struct _CarnetSearchModel
{
  GObject         parent_instance;

  CarnetNotebook *notebook;
  char           *query;
  /* CarnetItem or NULL, one for each hit; NULL until its page is read. */
  GPtrArray      *items;
  guint           n_read;
  /* How many of the items are listed (the first ones). */
  guint           n_shown;
  /* How many entries match, counted up to CARNET_SEARCH_COUNT_MAX: more
   * than items->len when the list stops at its maximum. */
  guint           n_matches;
};

static void carnet_search_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CarnetSearchModel, carnet_search_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      carnet_search_model_list_model_init))

static void
item_free (gpointer item)
{
  if (item != NULL)
    g_object_unref (item);
}

/* Keeps @hits, read from @start on, in the slots not read yet. */
static void
keep_hits (CarnetSearchModel *self,
           guint              start,
           GListModel        *hits)
{
  guint n = g_list_model_get_n_items (hits);

  for (guint i = 0; i < n && start + i < self->items->len; i++)
    {
      g_autoptr(CarnetSearchHit) hit = g_list_model_get_item (hits, i);
      g_autofree char *key = carnet_item_key_for (carnet_search_hit_get_kind (hit),
                                                  carnet_search_hit_get_id (hit));
      CarnetItem **slot = (CarnetItem **) &g_ptr_array_index (self->items, start + i);

      if (*slot == NULL)
        {
          *slot = carnet_item_new (key, hit);
          self->n_read++;
        }
    }
}

/* GListModel */

static GType
carnet_search_model_get_item_type (GListModel *model)
{
  return CARNET_TYPE_ITEM;
}

static guint
carnet_search_model_get_n_items (GListModel *model)
{
  return CARNET_SEARCH_MODEL (model)->n_shown;
}

static gpointer
carnet_search_model_get_item (GListModel *model,
                              guint       position)
{
  CarnetSearchModel *self = CARNET_SEARCH_MODEL (model);
  g_autoptr(GError) error = NULL;
  gpointer item;

  if (position >= self->n_shown)
    return NULL;

  item = g_ptr_array_index (self->items, position);
  if (item == NULL)
    {
      guint start = position - position % CARNET_SEARCH_MODEL_PAGE;
      g_autoptr(GListModel) hits = NULL;

      hits = carnet_notebook_search_range (self->notebook, self->query, start, CARNET_SEARCH_MODEL_PAGE,
                                           NULL, &error);
      if (hits == NULL)
        {
          /* The list shows an empty row; the page reports errors when it searches again. */
          g_debug ("Could not read the hits at %u: %s", position, error->message);
          return NULL;
        }
      keep_hits (self, start, hits);
    }

  item = g_ptr_array_index (self->items, position);
  return item != NULL ? g_object_ref (item) : NULL;
}

static void
carnet_search_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = carnet_search_model_get_item_type;
  iface->get_n_items = carnet_search_model_get_n_items;
  iface->get_item = carnet_search_model_get_item;
}

/* Overrides */

static void
carnet_search_model_finalize (GObject *object)
{
  CarnetSearchModel *self = CARNET_SEARCH_MODEL (object);

  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->query, g_free);
  g_clear_object (&self->notebook);

  G_OBJECT_CLASS (carnet_search_model_parent_class)->finalize (object);
}

static void
carnet_search_model_class_init (CarnetSearchModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = carnet_search_model_finalize;
}

static void
carnet_search_model_init (CarnetSearchModel *self)
{
  self->items = g_ptr_array_new_with_free_func (item_free);
}

/* Public API */

/**
 * carnet_search_model_new:
 * @query: words, as carnet_notebook_search() takes them
 * @max_hits: at most this many hits are listed, at most
 *   %CARNET_SEARCH_COUNT_MAX (the matches are counted that far)
 *
 * Searches @notebook for @query and reads the first page of hits, which
 * it lists.
 *
 * Returns: (transfer full) (nullable): the model, or %NULL with @error set
 *   (the query is not valid, or the notebook cannot be read)
 */
CarnetSearchModel *
carnet_search_model_new (CarnetNotebook  *notebook,
                         const char      *query,
                         guint            max_hits,
                         GError         **error)
{
  g_autoptr(CarnetSearchModel) self = NULL;
  g_autoptr(GListModel) hits = NULL;
  guint n_matches = 0;
  guint n;

  g_return_val_if_fail (CARNET_IS_NOTEBOOK (notebook), NULL);
  g_return_val_if_fail (query != NULL, NULL);
  g_return_val_if_fail (max_hits <= CARNET_SEARCH_COUNT_MAX, NULL);

  self = g_object_new (CARNET_TYPE_SEARCH_MODEL, NULL);
  self->notebook = g_object_ref (notebook);
  self->query = g_strdup (query);

  hits = carnet_notebook_search_range (notebook, query, 0, CARNET_SEARCH_MODEL_PAGE, &n_matches, error);
  if (hits == NULL)
    return NULL;

  /* A page that is not full is the last one. */
  n = g_list_model_get_n_items (hits);
  self->n_matches = n < CARNET_SEARCH_MODEL_PAGE ? n : MAX (n_matches, n);
  g_ptr_array_set_size (self->items, MIN (self->n_matches, max_hits));
  self->n_shown = MIN (self->items->len, CARNET_SEARCH_MODEL_PAGE);
  keep_hits (self, 0, hits);

  return g_steal_pointer (&self);
}

/**
 * carnet_search_model_get_n_read:
 *
 * Returns: how many of the hits have been read so far
 */
guint
carnet_search_model_get_n_read (CarnetSearchModel *self)
{
  g_return_val_if_fail (CARNET_IS_SEARCH_MODEL (self), 0);

  return self->n_read;
}

/**
 * carnet_search_model_get_n_matches:
 *
 * How many entries match the search, counted up to
 * %CARNET_SEARCH_COUNT_MAX: more than the model lists when it stops at its
 * @max_hits.
 *
 * Returns: the number of matches, at most %CARNET_SEARCH_COUNT_MAX
 */
guint
carnet_search_model_get_n_matches (CarnetSearchModel *self)
{
  g_return_val_if_fail (CARNET_IS_SEARCH_MODEL (self), 0);

  return self->n_matches;
}

/**
 * carnet_search_model_get_n_hits:
 *
 * Returns: how many hits the model can list: the matches, at most its
 *   @max_hits
 */
guint
carnet_search_model_get_n_hits (CarnetSearchModel *self)
{
  g_return_val_if_fail (CARNET_IS_SEARCH_MODEL (self), 0);

  return self->items->len;
}

/**
 * carnet_search_model_show_more:
 *
 * Lists one more page of hits, if there are more.
 *
 * Returns: whether it listed more
 */
gboolean
carnet_search_model_show_more (CarnetSearchModel *self)
{
  guint old;

  g_return_val_if_fail (CARNET_IS_SEARCH_MODEL (self), FALSE);

  if (self->n_shown == self->items->len)
    return FALSE;

  old = self->n_shown;
  self->n_shown = MIN (self->items->len, old + CARNET_SEARCH_MODEL_PAGE);
  g_list_model_items_changed (G_LIST_MODEL (self), old, 0, self->n_shown - old);

  return TRUE;
}
