/* carnet-record-model.c: a notebook's records, newest first, read as they are shown
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GListModel of CarnetItem over the records of some kinds, in the journal's
 * order, with a heading opening each month. It knows its length from the
 * notebook's counts and reads a page of records when a list asks for an item
 * it does not hold: from the page before or after it when that one is held
 * (keyset pagination), else from the nearest of the keys it keeps one in
 * CARNET_RECORD_MODEL_MARK_STEP of (read in the background, a chunk at a
 * time, when it is loaded and after each change), else from the nearer end
 * of the journal. It holds a few pages at most, the least recently used
 * going first, so years of records cost what a screenful does.
 *
 * When the notebook changes, it reads again the pages it holds, keeps the
 * item of each record still there (so a list keeps its rows, focus and
 * selection) and tells only the range that changed.
 */
#define G_LOG_DOMAIN "carnet-app"

#include "config.h"

#include "carnet-record-model.h"

#include <glib/gi18n.h>

#include "carnet-item.h"
#include "carnet-row-text.h"

typedef struct
{
  /* CarnetItem, in order. */
  GPtrArray *items;
  guint64    used;
} Page;

struct _CarnetRecordModel
{
  GObject         parent_instance;

  CarnetNotebook *notebook;
  guint           kinds;
  GTimeZone      *tz;
  guint           n_items;
  /* Page index → Page */
  GHashTable     *pages;
  guint64         clock;
  /* While reading again after a change: key → the item it had. */
  GHashTable     *reuse;
  /* CarnetRecordKey: mark i is the key of the record at position
   * (i + 1) × CARNET_RECORD_MODEL_MARK_STEP - 1. */
  GArray         *marks;
  /* How many keys the marks were read from, the last of them, and the idle
   * source reading the next ones. */
  guint           marks_read;
  CarnetRecordKey marks_last;
  guint           marks_id;
};

static void carnet_record_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CarnetRecordModel, carnet_record_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      carnet_record_model_list_model_init))

static void
page_free (Page *page)
{
  g_ptr_array_unref (page->items);
  g_free (page);
}

static char *
month_of (CarnetRecord *record,
          GTimeZone    *tz)
{
  GDateTime *date = carnet_record_get_date (record);
  g_autoptr(GDateTime) local = NULL;

  if (date == NULL)
    return g_strdup (_("Undated"));

  local = g_date_time_to_timezone (date, tz);
  return carnet_row_text_month (local);
}

static gboolean
on_marks_idle_cb (gpointer user_data)
{
  CarnetRecordModel *self = user_data;
  g_autoptr(GArray) keys = g_array_new (FALSE, FALSE, sizeof (CarnetRecordKey));
  g_autoptr(GError) error = NULL;

  if (!carnet_notebook_list_keys (self->notebook, self->kinds,
                                  self->marks_read > 0 ? &self->marks_last : NULL,
                                  0, CARNET_RECORD_MODEL_MARK_CHUNK, keys, &error))
    {
      /* Pages are then read from an end, as without marks. */
      g_debug ("Could not read the journal's keys: %s", error->message);
      self->marks_id = 0;
      return G_SOURCE_REMOVE;
    }

  for (guint i = 0; i < keys->len; i++)
    {
      if (++self->marks_read % CARNET_RECORD_MODEL_MARK_STEP == 0)
        g_array_append_val (self->marks, g_array_index (keys, CarnetRecordKey, i));
    }
  if (keys->len > 0)
    self->marks_last = g_array_index (keys, CarnetRecordKey, keys->len - 1);

  if (keys->len < CARNET_RECORD_MODEL_MARK_CHUNK)
    {
      self->marks_id = 0;
      return G_SOURCE_REMOVE;
    }

  return G_SOURCE_CONTINUE;
}

/* Reads the marks again, in the background, for a list of @n_items: a short
 * one needs none. */
static void
restart_marks (CarnetRecordModel *self,
               guint              n_items)
{
  g_clear_handle_id (&self->marks_id, g_source_remove);
  g_array_set_size (self->marks, 0);
  self->marks_read = 0;

  if (self->notebook != NULL && n_items > 2 * CARNET_RECORD_MODEL_MARK_STEP)
    self->marks_id = g_idle_add_full (G_PRIORITY_LOW, on_marks_idle_cb, self, NULL);
}

/* The mark to read position @from from with the fewest records skipped, or
 * NULL when it is near the start or the marks do not reach it yet. */
static const CarnetRecordKey *
find_mark (CarnetRecordModel *self,
           guint              from,
           guint             *out_skip)
{
  guint i = from / CARNET_RECORD_MODEL_MARK_STEP;

  if (i == 0 || i > self->marks->len)
    return NULL;

  *out_skip = from - i * CARNET_RECORD_MODEL_MARK_STEP;
  return &g_array_index (self->marks, CarnetRecordKey, i - 1);
}

/* Whether @a comes before @b in the journal: newest first; on the same
 * instant by kind, then the newest entry first. */
static gboolean
key_precedes (const CarnetRecordKey *a,
              const CarnetRecordKey *b)
{
  if (a->at != b->at)
    return a->at > b->at;
  if (a->kind != b->kind)
    return a->kind < b->kind;
  return a->id > b->id;
}

/* Where @key is, from the last mark before it: G_MAXUINT when the marks do
 * not tell (none before it, not read that far, or the notebook changed
 * since). */
static guint
find_from_marks (CarnetRecordModel      *self,
                 const CarnetRecordKey  *key,
                 GError                **error)
{
  g_autoptr(GArray) keys = NULL;
  guint lo = 0;
  guint hi = self->marks->len;

  /* How many marks come before it. */
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (key_precedes (&g_array_index (self->marks, CarnetRecordKey, mid), key))
        lo = mid + 1;
      else
        hi = mid;
    }
  if (lo == 0)
    return G_MAXUINT;

  keys = g_array_new (FALSE, FALSE, sizeof (CarnetRecordKey));
  if (!carnet_notebook_list_keys (self->notebook, self->kinds,
                                  &g_array_index (self->marks, CarnetRecordKey, lo - 1),
                                  0, CARNET_RECORD_MODEL_MARK_STEP, keys, error))
    return G_MAXUINT;

  for (guint i = 0; i < keys->len; i++)
    {
      const CarnetRecordKey *found = &g_array_index (keys, CarnetRecordKey, i);

      if (found->kind == key->kind && found->id == key->id)
        return lo * CARNET_RECORD_MODEL_MARK_STEP + i;
    }

  return G_MAXUINT;
}

static Page *
lookup_page (CarnetRecordModel *self,
             guint              index)
{
  return g_hash_table_lookup (self->pages, GUINT_TO_POINTER (index));
}

static CarnetRecord *
record_of (Page  *page,
           guint  i)
{
  return carnet_item_get_object (g_ptr_array_index (page->items, i));
}

/* The records of page @index, and the one before its first (for its
 * heading), from wherever reading them costs least. */
static GPtrArray *
read_page (CarnetRecordModel  *self,
           guint               index,
           CarnetRecord      **out_previous,
           GError            **error)
{
  guint start = index * CARNET_RECORD_MODEL_PAGE;
  guint count = MIN (CARNET_RECORD_MODEL_PAGE, self->n_items - start);
  guint extra = start > 0 ? 1 : 0;
  Page *before = index > 0 ? lookup_page (self, index - 1) : NULL;
  Page *after = lookup_page (self, index + 1);
  g_autoptr(GPtrArray) records = NULL;
  const CarnetRecordKey *mark;
  gboolean reversed = FALSE;
  guint skip = 0;

  *out_previous = NULL;

  if (before != NULL && before->items->len > 0)
    {
      CarnetRecord *last = record_of (before, before->items->len - 1);

      records = carnet_notebook_list_page (self->notebook, self->kinds, last, FALSE, 0, count, error);
      if (records != NULL)
        *out_previous = g_object_ref (last);
      return g_steal_pointer (&records);
    }

  if (after != NULL && after->items->len > 0)
    {
      records = carnet_notebook_list_page (self->notebook, self->kinds, record_of (after, 0),
                                           TRUE, 0, count + extra, error);
      reversed = TRUE;
    }
  else if ((mark = find_mark (self, start - extra, &skip)) != NULL)
    {
      records = carnet_notebook_list_page_after_key (self->notebook, self->kinds, mark,
                                                     skip, count + extra, error);
    }
  else if (start <= self->n_items / 2)
    {
      records = carnet_notebook_list_page (self->notebook, self->kinds, NULL, FALSE,
                                           start - extra, count + extra, error);
    }
  else
    {
      /* Nearer the oldest: read back from there. */
      records = carnet_notebook_list_page (self->notebook, self->kinds, NULL, TRUE,
                                           self->n_items - start - count, count + extra, error);
      reversed = TRUE;
    }

  if (records == NULL)
    return NULL;

  if (reversed)
    {
      for (guint i = 0; i < records->len / 2; i++)
        {
          gpointer swap = records->pdata[i];

          records->pdata[i] = records->pdata[records->len - 1 - i];
          records->pdata[records->len - 1 - i] = swap;
        }
    }

  /* The first is the one before the page, unless the notebook has less than
   * it said: another program just changed it, the change is on its way, and
   * what was read stands. */
  if (extra > 0 && records->len > 0 && (!reversed || records->len == count + extra))
    *out_previous = g_ptr_array_steal_index (records, 0);

  return g_steal_pointer (&records);
}

static CarnetItem *
make_item (CarnetRecordModel *self,
           CarnetRecord      *record)
{
  g_autofree char *key = carnet_item_key_for (carnet_record_get_kind (record),
                                              carnet_record_get_id (record));
  CarnetItem *item = self->reuse != NULL ? g_hash_table_lookup (self->reuse, key) : NULL;

  if (item == NULL)
    return carnet_item_new (key, record);

  g_object_ref (item);
  carnet_item_set_object (item, record);
  return item;
}

static void
evict_pages (CarnetRecordModel *self,
             guint              keep)
{
  while (g_hash_table_size (self->pages) >= CARNET_RECORD_MODEL_MAX_PAGES)
    {
      GHashTableIter iter;
      gpointer key;
      gpointer value;
      gpointer oldest_key = NULL;
      guint64 oldest = G_MAXUINT64;

      g_hash_table_iter_init (&iter, self->pages);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          Page *page = value;

          if (GPOINTER_TO_UINT (key) != keep && page->used < oldest)
            {
              oldest = page->used;
              oldest_key = key;
            }
        }
      if (oldest == G_MAXUINT64)
        break;
      g_hash_table_remove (self->pages, oldest_key);
    }
}

static Page *
ensure_page (CarnetRecordModel  *self,
             guint               index,
             GError            **error)
{
  Page *page = lookup_page (self, index);
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(CarnetRecord) previous = NULL;
  g_autofree char *previous_month = NULL;

  if (page != NULL)
    {
      page->used = ++self->clock;
      return page;
    }

  records = read_page (self, index, &previous, error);
  if (records == NULL)
    return NULL;

  page = g_new0 (Page, 1);
  page->items = g_ptr_array_new_full (records->len, g_object_unref);
  page->used = ++self->clock;
  if (previous != NULL)
    previous_month = month_of (previous, self->tz);

  for (guint i = 0; i < records->len; i++)
    {
      CarnetRecord *record = g_ptr_array_index (records, i);
      g_autofree char *month = month_of (record, self->tz);
      gboolean opens_month = g_strcmp0 (month, previous_month) != 0 ||
                             (i == 0 && index == 0);
      CarnetItem *item = make_item (self, record);

      carnet_item_set_header (item, opens_month ? month : NULL);
      g_ptr_array_add (page->items, item);
      g_free (previous_month);
      previous_month = g_steal_pointer (&month);
    }

  if (self->reuse == NULL)
    evict_pages (self, index);
  g_hash_table_insert (self->pages, GUINT_TO_POINTER (index), page);

  return page;
}

/* The items held from @lo on, in order: NULL when the pages held are not one
 * run. */
static GPtrArray *
held_run (CarnetRecordModel *self,
          guint             *out_lo)
{
  g_autoptr(GList) indexes = g_hash_table_get_keys (self->pages);
  g_autoptr(GPtrArray) run = g_ptr_array_new_with_free_func (g_object_unref);
  guint first = G_MAXUINT;
  guint last = 0;

  for (GList *l = indexes; l != NULL; l = l->next)
    {
      first = MIN (first, GPOINTER_TO_UINT (l->data));
      last = MAX (last, GPOINTER_TO_UINT (l->data));
    }

  if (first == G_MAXUINT || last - first + 1 != g_hash_table_size (self->pages))
    return NULL;

  for (guint index = first; index <= last; index++)
    {
      Page *page = lookup_page (self, index);

      for (guint i = 0; i < page->items->len; i++)
        g_ptr_array_add (run, g_object_ref (g_ptr_array_index (page->items, i)));
    }

  *out_lo = first * CARNET_RECORD_MODEL_PAGE;
  return g_steal_pointer (&run);
}

static gboolean
same_key (GPtrArray *a,
          guint      i,
          GPtrArray *b,
          guint      j)
{
  return g_str_equal (carnet_item_get_key (g_ptr_array_index (a, i)),
                      carnet_item_get_key (g_ptr_array_index (b, j)));
}

/* Reads again what is held, and tells what changed. */
static gboolean
refresh (CarnetRecordModel  *self,
         GError            **error)
{
  guint old_n = self->n_items;
  guint new_n;
  guint lo = 0;
  g_autoptr(GPtrArray) old = NULL;
  g_autoptr(GPtrArray) new = NULL;
  g_autoptr(GHashTable) reuse = NULL;
  guint hi;
  guint new_hi;
  int delta;
  guint p;
  guint q;

  new_n = carnet_notebook_count_live (self->notebook, self->kinds, error);
  /* Any change may move the records after it: the marks are read again. */
  restart_marks (self, new_n);
  if (new_n == 0 && error != NULL && *error != NULL)
    return FALSE;

  old = held_run (self, &lo);
  if (old == NULL)
    {
      /* Nothing held, or scattered: start afresh. */
      g_hash_table_remove_all (self->pages);
      self->n_items = new_n;
      if (old_n > 0 || new_n > 0)
        g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, new_n);
      return TRUE;
    }

  hi = lo + old->len;
  delta = (int) new_n - (int) old_n;
  new_hi = MIN (new_n, hi + (guint) MAX (delta, 0));

  reuse = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < old->len; i++)
    {
      CarnetItem *item = g_ptr_array_index (old, i);

      g_hash_table_insert (reuse, (gpointer) carnet_item_get_key (item), item);
    }

  g_hash_table_remove_all (self->pages);
  self->n_items = new_n;
  self->reuse = reuse;
  new = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint index = lo / CARNET_RECORD_MODEL_PAGE;
       index * CARNET_RECORD_MODEL_PAGE < new_hi;
       index++)
    {
      Page *page = ensure_page (self, index, error);

      if (page == NULL)
        {
          self->reuse = NULL;
          g_hash_table_remove_all (self->pages);
          g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, new_n);
          return FALSE;
        }
      for (guint i = 0; i < page->items->len; i++)
        g_ptr_array_add (new, g_object_ref (g_ptr_array_index (page->items, i)));
    }
  self->reuse = NULL;

  /* The same records from the start of what was held… */
  for (p = 0; p < old->len && p < new->len && same_key (old, p, new, p); p++)
    ;
  if (p == old->len && delta == 0)
    return TRUE;
  if (p == 0 && lo > 0)
    {
      /* …or not even the first: the change may be before it. */
      g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, new_n);
      return TRUE;
    }

  /* …and to the end, moved by what came or went between. */
  for (q = old->len; q > p; q--)
    {
      int j = (int) q - 1 + delta;

      if (j < (int) p || j >= (int) new->len || !same_key (old, q - 1, new, (guint) j))
        break;
    }

  if (q == old->len)
    g_list_model_items_changed (G_LIST_MODEL (self), lo + p, old_n - lo - p, new_n - lo - p);
  else
    g_list_model_items_changed (G_LIST_MODEL (self), lo + p, q - p, (guint) ((int) q + delta - (int) p));

  return TRUE;
}

/* GListModel */

static GType
carnet_record_model_get_item_type (GListModel *model)
{
  return CARNET_TYPE_ITEM;
}

static guint
carnet_record_model_get_n_items (GListModel *model)
{
  return CARNET_RECORD_MODEL (model)->n_items;
}

static gpointer
carnet_record_model_get_item (GListModel *model,
                              guint       position)
{
  CarnetRecordModel *self = CARNET_RECORD_MODEL (model);
  g_autoptr(GError) error = NULL;
  guint index = position / CARNET_RECORD_MODEL_PAGE;
  guint offset = position % CARNET_RECORD_MODEL_PAGE;
  Page *page;

  if (position >= self->n_items || self->notebook == NULL)
    return NULL;

  page = ensure_page (self, index, &error);
  if (page == NULL)
    {
      /* The list shows an empty row; the page reports errors on reload. */
      g_debug ("Could not read the records at %u: %s", position, error->message);
      return NULL;
    }

  if (offset >= page->items->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (page->items, offset));
}

static void
carnet_record_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = carnet_record_model_get_item_type;
  iface->get_n_items = carnet_record_model_get_n_items;
  iface->get_item = carnet_record_model_get_item;
}

/* Overrides */

static void
carnet_record_model_finalize (GObject *object)
{
  CarnetRecordModel *self = CARNET_RECORD_MODEL (object);

  g_clear_handle_id (&self->marks_id, g_source_remove);
  g_clear_pointer (&self->marks, g_array_unref);
  g_clear_pointer (&self->pages, g_hash_table_unref);
  g_clear_object (&self->notebook);
  g_clear_pointer (&self->tz, g_time_zone_unref);

  G_OBJECT_CLASS (carnet_record_model_parent_class)->finalize (object);
}

static void
carnet_record_model_class_init (CarnetRecordModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = carnet_record_model_finalize;
}

static void
carnet_record_model_init (CarnetRecordModel *self)
{
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) page_free);
  self->marks = g_array_new (FALSE, FALSE, sizeof (CarnetRecordKey));
}

/* Public API */

CarnetRecordModel *
carnet_record_model_new (void)
{
  return g_object_new (CARNET_TYPE_RECORD_MODEL, NULL);
}

/**
 * carnet_record_model_load:
 * @notebook: (nullable): the notebook to read, %NULL for none
 * @kinds: CARNET_KIND_BIT()s of the kinds of records to show
 * @tz: the time zone of the month headings
 *
 * Shows the records of @kinds in @notebook. Called again with the same
 * arguments after the notebook changed, it reads again what it holds and
 * tells only what changed.
 *
 * Returns: whether the notebook could be read
 */
gboolean
carnet_record_model_load (CarnetRecordModel  *self,
                          CarnetNotebook     *notebook,
                          guint               kinds,
                          GTimeZone          *tz,
                          GError            **error)
{
  guint old_n;
  gboolean same_tz;

  g_return_val_if_fail (CARNET_IS_RECORD_MODEL (self), FALSE);
  g_return_val_if_fail (notebook == NULL || CARNET_IS_NOTEBOOK (notebook), FALSE);
  g_return_val_if_fail (kinds != 0 && (kinds & ~CARNET_ALL_KINDS) == 0, FALSE);
  g_return_val_if_fail (tz != NULL, FALSE);

  same_tz = self->tz != NULL &&
            g_strcmp0 (g_time_zone_get_identifier (self->tz), g_time_zone_get_identifier (tz)) == 0;

  if (notebook != NULL && notebook == self->notebook && kinds == self->kinds && same_tz)
    return refresh (self, error);

  old_n = self->n_items;
  g_set_object (&self->notebook, notebook);
  self->kinds = kinds;
  g_clear_pointer (&self->tz, g_time_zone_unref);
  self->tz = g_time_zone_ref (tz);
  g_hash_table_remove_all (self->pages);
  self->n_items = 0;
  restart_marks (self, 0);

  if (notebook != NULL)
    {
      g_autoptr(GError) local_error = NULL;

      self->n_items = carnet_notebook_count_live (notebook, kinds, &local_error);
      if (local_error != NULL)
        {
          if (old_n > 0)
            g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, 0);
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }

  restart_marks (self, self->n_items);
  if (old_n > 0 || self->n_items > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, self->n_items);

  return TRUE;
}

/**
 * carnet_record_model_find:
 *
 * Where the record is: from the nearest mark before it, else counting what
 * comes before it.
 *
 * Returns: its position, or G_MAXUINT when it is not shown (with @error set
 *   if the notebook could not be read)
 */
guint
carnet_record_model_find (CarnetRecordModel  *self,
                          CarnetRecordKind    kind,
                          gint64              id,
                          GError            **error)
{
  g_autoptr(CarnetRecord) record = NULL;
  g_autoptr(GError) local_error = NULL;
  guint position;

  g_return_val_if_fail (CARNET_IS_RECORD_MODEL (self), G_MAXUINT);

  if (self->notebook == NULL || (self->kinds & CARNET_KIND_BIT (kind)) == 0)
    return G_MAXUINT;

  record = carnet_notebook_get (self->notebook, kind, id, &local_error);
  if (record == NULL)
    {
      if (!g_error_matches (local_error, CARNET_ERROR, CARNET_ERROR_NOT_FOUND))
        g_propagate_error (error, g_steal_pointer (&local_error));
      return G_MAXUINT;
    }

  position = G_MAXUINT;
  if (carnet_record_get_date (record) != NULL)
    {
      CarnetRecordKey key = { kind, id, g_date_time_to_unix (carnet_record_get_date (record)) };

      position = find_from_marks (self, &key, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return G_MAXUINT;
        }
    }
  if (position == G_MAXUINT)
    position = carnet_notebook_count_newer (self->notebook, self->kinds, record, error);
  if (position >= self->n_items)
    return G_MAXUINT;

  return position;
}

/**
 * carnet_record_model_get_n_cached:
 *
 * Returns: how many records it holds now
 */
guint
carnet_record_model_get_n_cached (CarnetRecordModel *self)
{
  GHashTableIter iter;
  gpointer value;
  guint n = 0;

  g_return_val_if_fail (CARNET_IS_RECORD_MODEL (self), 0);

  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    n += ((Page *) value)->items->len;

  return n;
}

/**
 * carnet_record_model_get_n_marks:
 *
 * Returns: how many keys it keeps to read far pages from
 */
guint
carnet_record_model_get_n_marks (CarnetRecordModel *self)
{
  g_return_val_if_fail (CARNET_IS_RECORD_MODEL (self), 0);

  return self->marks->len;
}

/**
 * carnet_record_compare_newest_first:
 *
 * The journal's order: newest first, undated last; on the same instant, by
 * kind, then newest entry first.
 */
int
carnet_record_compare_newest_first (CarnetRecord *a,
                                    CarnetRecord *b)
{
  GDateTime *date_a = carnet_record_get_date (a);
  GDateTime *date_b = carnet_record_get_date (b);
  int order;

  if (date_a == NULL || date_b == NULL)
    {
      if (date_a != date_b)
        return date_a == NULL ? 1 : -1;
    }
  else if ((order = g_date_time_compare (date_b, date_a)) != 0)
    {
      return order;
    }

  if (carnet_record_get_kind (a) != carnet_record_get_kind (b))
    return (int) carnet_record_get_kind (a) - (int) carnet_record_get_kind (b);

  return carnet_record_get_id (b) < carnet_record_get_id (a) ? -1 :
         carnet_record_get_id (b) > carnet_record_get_id (a) ? 1 : 0;
}
