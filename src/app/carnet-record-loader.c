/* carnet-record-loader.c: reads a notebook's records from the newest back, a few months at a time
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A notebook of years holds tens of thousands of records; reading them all
 * before showing any would freeze the window for a second or more. The loader
 * reads what is to come and the last three months first, hands them over at
 * once, then reads three months further back at each idle moment, handing
 * over each time everything it knows. After a year without any record it
 * reads all the rest at once.
 *
 * While it reads again after a change, what it read before stays below the
 * part it has read again (the list does not shrink and regrow under the
 * user's eyes), and goes as the new reading reaches it.
 */
#define G_LOG_DOMAIN "carnet-app"

#include "config.h"

#include "carnet-record-loader.h"

/* One reading step covers this many days. */
#define WINDOW_DAYS 92
/* After this many empty steps in a row, the rest is read at once. */
#define EMPTY_WINDOWS_BEFORE_REST 4

struct _CarnetRecordLoader
{
  guint              kinds;
  CarnetRecordsFunc  func;
  gpointer           user_data;

  CarnetNotebook    *notebook;
  /* Read in this round, newest first: everything from the boundary on. */
  GPtrArray         *fresh;
  GHashTable        *fresh_keys;
  /* What was handed over last, newest first. */
  GPtrArray         *shown;
  /* The previous round's records, for what this round has not read yet. */
  GPtrArray         *stale;
  /* NULL once everything is read. */
  GDateTime         *boundary;
  guint              empty_windows;
  guint              idle_id;
};

static int
compare_cb (gconstpointer a,
            gconstpointer b)
{
  return carnet_record_compare_newest_first (*(CarnetRecord **) a, *(CarnetRecord **) b);
}

static char *
key_of (CarnetRecord *record)
{
  return g_strdup_printf ("%d:%" G_GINT64_FORMAT, carnet_record_get_kind (record),
                          carnet_record_get_id (record));
}

static gboolean
read_range (CarnetRecordLoader  *self,
            GDateTime           *from,
            GDateTime           *to,
            guint               *n_read,
            GError             **error)
{
  g_autoptr(GPtrArray) chunk = g_ptr_array_new_with_free_func (g_object_unref);

  for (CarnetRecordKind kind = 0; kind < CARNET_N_RECORD_KINDS; kind++)
    {
      g_autoptr(GListModel) list = NULL;
      guint n;

      if ((self->kinds & CARNET_KIND_BIT (kind)) == 0)
        continue;

      list = carnet_notebook_list (self->notebook, kind, from, to, error);
      if (list == NULL)
        return FALSE;

      n = g_list_model_get_n_items (list);
      for (guint i = 0; i < n; i++)
        g_ptr_array_add (chunk, g_list_model_get_item (list, i));
    }

  g_ptr_array_sort (chunk, compare_cb);
  for (guint i = 0; i < chunk->len; i++)
    {
      CarnetRecord *record = g_ptr_array_index (chunk, i);

      g_hash_table_add (self->fresh_keys, key_of (record));
      g_ptr_array_add (self->fresh, g_object_ref (record));
    }

  *n_read = chunk->len;
  return TRUE;
}

/* Hands over the fresh records and, below the boundary, the stale ones. */
static void
hand_over (CarnetRecordLoader *self)
{
  g_autoptr(GPtrArray) shown = g_ptr_array_new_full (self->fresh->len, g_object_unref);

  for (guint i = 0; i < self->fresh->len; i++)
    g_ptr_array_add (shown, g_object_ref (g_ptr_array_index (self->fresh, i)));

  if (self->boundary != NULL && self->stale != NULL)
    {
      for (guint i = 0; i < self->stale->len; i++)
        {
          CarnetRecord *record = g_ptr_array_index (self->stale, i);
          GDateTime *date = carnet_record_get_date (record);
          g_autofree char *key = NULL;

          if (date != NULL && g_date_time_compare (date, self->boundary) >= 0)
            continue;
          key = key_of (record);
          if (g_hash_table_contains (self->fresh_keys, key))
            continue;
          g_ptr_array_add (shown, g_object_ref (record));
        }
    }
  else
    {
      g_clear_pointer (&self->stale, g_ptr_array_unref);
    }

  g_clear_pointer (&self->shown, g_ptr_array_unref);
  self->shown = g_steal_pointer (&shown);

  self->func (self->shown, self->boundary == NULL, NULL, self->user_data);
}

static void
fail (CarnetRecordLoader *self,
      const GError       *error)
{
  g_clear_handle_id (&self->idle_id, g_source_remove);
  g_clear_pointer (&self->boundary, g_date_time_unref);
  self->func (self->shown, TRUE, error, self->user_data);
}

/* Reads one more step back; FALSE once everything is read. */
static gboolean
step (CarnetRecordLoader *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) from = NULL;
  guint n_read = 0;

  g_assert (self->boundary != NULL);

  if (self->empty_windows < EMPTY_WINDOWS_BEFORE_REST)
    from = g_date_time_add_days (self->boundary, -WINDOW_DAYS);

  if (!read_range (self, from, self->boundary, &n_read, &error))
    {
      fail (self, error);
      return FALSE;
    }

  self->empty_windows = n_read == 0 ? self->empty_windows + 1 : 0;
  g_clear_pointer (&self->boundary, g_date_time_unref);
  if (from != NULL)
    self->boundary = g_steal_pointer (&from);

  hand_over (self);

  return self->boundary != NULL;
}

/* Callbacks */

static gboolean
on_idle_cb (gpointer user_data)
{
  CarnetRecordLoader *self = user_data;

  if (step (self))
    return G_SOURCE_CONTINUE;

  self->idle_id = 0;
  return G_SOURCE_REMOVE;
}

/* Public API */

/**
 * carnet_record_loader_new:
 * @kinds: the kinds of records to read, as CARNET_KIND_BIT()s
 * @func: what receives them, at each step
 */
CarnetRecordLoader *
carnet_record_loader_new (guint              kinds,
                          CarnetRecordsFunc  func,
                          gpointer           user_data)
{
  CarnetRecordLoader *self;

  g_return_val_if_fail (func != NULL, NULL);

  self = g_new0 (CarnetRecordLoader, 1);
  self->kinds = kinds;
  self->func = func;
  self->user_data = user_data;
  self->fresh = g_ptr_array_new_with_free_func (g_object_unref);
  self->fresh_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->shown = g_ptr_array_new_with_free_func (g_object_unref);

  return self;
}

void
carnet_record_loader_free (CarnetRecordLoader *self)
{
  if (self == NULL)
    return;

  g_clear_handle_id (&self->idle_id, g_source_remove);
  g_clear_object (&self->notebook);
  g_clear_pointer (&self->fresh, g_ptr_array_unref);
  g_clear_pointer (&self->fresh_keys, g_hash_table_unref);
  g_clear_pointer (&self->shown, g_ptr_array_unref);
  g_clear_pointer (&self->stale, g_ptr_array_unref);
  g_clear_pointer (&self->boundary, g_date_time_unref);
  g_free (self);
}

/**
 * carnet_record_loader_start:
 * @notebook: (nullable): the notebook to read
 * @now: the present
 *
 * Reads again from the start: what is to come and the last months now, the
 * rest step by step when the main loop is idle.
 */
void
carnet_record_loader_start (CarnetRecordLoader *self,
                            CarnetNotebook     *notebook,
                            GDateTime          *now)
{
  g_autoptr(GError) error = NULL;
  guint n_read = 0;

  g_return_if_fail (self != NULL);
  g_return_if_fail (notebook == NULL || CARNET_IS_NOTEBOOK (notebook));
  g_return_if_fail (now != NULL);

  g_clear_handle_id (&self->idle_id, g_source_remove);
  g_set_object (&self->notebook, notebook);

  /* What is shown stays below what this round has read so far. */
  g_clear_pointer (&self->stale, g_ptr_array_unref);
  self->stale = g_ptr_array_ref (self->shown);
  g_ptr_array_set_size (self->fresh, 0);
  g_hash_table_remove_all (self->fresh_keys);
  self->empty_windows = 0;
  g_clear_pointer (&self->boundary, g_date_time_unref);

  if (notebook == NULL)
    {
      g_clear_pointer (&self->stale, g_ptr_array_unref);
      hand_over (self);
      return;
    }

  self->boundary = g_date_time_add_days (now, -WINDOW_DAYS);
  if (!read_range (self, self->boundary, NULL, &n_read, &error))
    {
      fail (self, error);
      return;
    }

  hand_over (self);
  self->idle_id = g_idle_add_full (G_PRIORITY_LOW, on_idle_cb, self, NULL);
}

/**
 * carnet_record_loader_finish:
 *
 * Reads the rest now (to show a record that may be old).
 */
void
carnet_record_loader_finish (CarnetRecordLoader *self)
{
  g_return_if_fail (self != NULL);

  g_clear_handle_id (&self->idle_id, g_source_remove);
  if (self->boundary == NULL)
    return;

  /* All the rest in one read. */
  self->empty_windows = EMPTY_WINDOWS_BEFORE_REST;
  step (self);
}

gboolean
carnet_record_loader_is_complete (CarnetRecordLoader *self)
{
  g_return_val_if_fail (self != NULL, TRUE);

  return self->boundary == NULL;
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
