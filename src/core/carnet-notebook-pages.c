/* carnet-notebook-pages.c: reading a notebook a page at a time
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The lists of the app show years of records, of which a screenful is seen.
 * These queries read what is asked for and no more: how many records a list
 * has (kept by triggers, not counted), one page of them from a record already
 * shown (keyset pagination over the partial indexes of schema version 5), and
 * the sums the Upcoming page shows.
 */
#define G_LOG_DOMAIN "carnet-core"

#include "config.h"

#include "carnet-notebook-private.h"

#include "carnet-result.h"
#include "carnet-time.h"

/* A result's key in its test's history. */
typedef struct
{
  gint64 id;
  gint64 at;
} ResultKey;

/* Each kind's timeline, in the journal's order: the instant, then the id. */
static const struct
{
  const char *nick;
  const char *table;
  const char *at;
} timelines[] = {
  [CARNET_RECORD_APPOINTMENT] = { "appointment", "appointments", "start_utc" },
  [CARNET_RECORD_RESULT] = { "result", "results", "at_utc" },
  [CARNET_RECORD_SIDE_EFFECT] = { "side-effect", "side_effects", "at_utc" },
  [CARNET_RECORD_QUESTION] = { "question", "questions", "created_utc" },
  /* A treatment's day, at midnight local time, as the record says it. */
  [CARNET_RECORD_TREATMENT] = { "treatment", "treatments", "unixepoch (start_date, 'utc')" },
};

G_STATIC_ASSERT (G_N_ELEMENTS (timelines) == CARNET_N_RECORD_KINDS);

/* The SQL of the rows of @kinds on one side of a record, the nearest first:
 * each kind's rows come in its index order, and SQLite merges them. Kind k's
 * bound is bound as ?(2k+1), ?(2k+2); the limit and offset as ?11, ?12.
 * Interned: the notebook caches its statements by their text's address, and
 * there are a few dozen of these at most. */
static const char *
page_sql (guint    kinds,
          gboolean newer,
          gboolean count)
{
  g_autoptr(GString) sql = g_string_new (NULL);

  for (CarnetRecordKind kind = 0; kind < CARNET_N_RECORD_KINDS; kind++)
    {
      if ((kinds & CARNET_KIND_BIT (kind)) == 0)
        continue;

      if (sql->len > 0)
        g_string_append (sql, " UNION ALL ");
      g_string_append_printf (sql,
                              "SELECT %d, id, %s FROM %s WHERE trashed_utc IS NULL"
                              " AND (%s, id) %s (?%d, ?%d)",
                              kind, timelines[kind].at, timelines[kind].table,
                              timelines[kind].at, newer ? ">" : "<",
                              2 * kind + 1, 2 * kind + 2);
    }

  /* The journal's order: newest first; on the same instant, by kind, then
   * the newest entry first. */
  g_string_append (sql, newer ? " ORDER BY 3, 1 DESC, 2" : " ORDER BY 3 DESC, 1, 2 DESC");
  g_string_append (sql, " LIMIT ?11 OFFSET ?12");

  if (count)
    {
      g_string_prepend (sql, "SELECT count(*) FROM (");
      g_string_append (sql, ")");
    }

  return g_intern_string (sql->str);
}

/* Binds each kind's bound: the rows of the journal after (or, @newer, before)
 * @anchor (%NULL: from an end). Within a kind, the rows are ordered by
 * (instant, id); the kinds before the anchor's on its instant come before it
 * in the journal. */
static void
bind_key_bounds (sqlite3_stmt          *stmt,
                 guint                  kinds,
                 const CarnetRecordKey *anchor,
                 gboolean               newer)
{
  gint64 at = anchor != NULL ? anchor->at : 0;
  CarnetRecordKind anchor_kind = anchor != NULL ? anchor->kind : 0;
  gint64 anchor_id = anchor != NULL ? anchor->id : 0;

  for (CarnetRecordKind kind = 0; kind < CARNET_N_RECORD_KINDS; kind++)
    {
      gint64 bound_at;
      gint64 bound_id;

      if ((kinds & CARNET_KIND_BIT (kind)) == 0)
        continue;

      if (anchor == NULL)
        {
          /* From the very start (or end) of the journal. */
          bound_at = newer ? G_MININT64 : G_MAXINT64;
          bound_id = bound_at;
        }
      else if (kind == anchor_kind)
        {
          bound_at = at;
          bound_id = anchor_id;
        }
      else
        {
          /* On the anchor's instant, the kinds after the anchor's come after
           * it in the journal, the kinds before it before it. */
          bound_at = at;
          bound_id = kind > anchor_kind ? G_MAXINT64 : G_MININT64;
        }

      sqlite3_bind_int64 (stmt, 2 * kind + 1, bound_at);
      sqlite3_bind_int64 (stmt, 2 * kind + 2, bound_id);
    }
}

static void
bind_bounds (sqlite3_stmt *stmt,
             guint         kinds,
             CarnetRecord *anchor,
             gboolean      newer)
{
  GDateTime *date = anchor != NULL ? carnet_record_get_date (anchor) : NULL;
  CarnetRecordKey key = { 0 };

  if (date != NULL)
    {
      key.kind = carnet_record_get_kind (anchor);
      key.id = carnet_record_get_id (anchor);
      key.at = g_date_time_to_unix (date);
    }
  bind_key_bounds (stmt, kinds, date != NULL ? &key : NULL, newer);
}

/* The keys of a page of the journal, read by @stmt. */
static gboolean
read_keys (CarnetNotebook  *self,
           sqlite3_stmt    *stmt,
           GArray          *keys,
           GError         **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CarnetRecordKey key;

      key.kind = (CarnetRecordKind) sqlite3_column_int (stmt, 0);
      key.id = sqlite3_column_int64 (stmt, 1);
      key.at = sqlite3_column_int64 (stmt, 2);
      g_array_append_val (keys, key);
    }
  if (rc != SQLITE_DONE)
    {
      carnet_sqlite_set_error (error, carnet_notebook_get_db (self), rc);
      return FALSE;
    }

  return TRUE;
}

/* Each record of @keys, by its primary key. */
static GPtrArray *
get_records (CarnetNotebook  *self,
             GArray          *keys,
             GError         **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_full (keys->len, g_object_unref);

  for (guint i = 0; i < keys->len; i++)
    {
      const CarnetRecordKey *key = &g_array_index (keys, CarnetRecordKey, i);
      CarnetRecord *record = carnet_notebook_get (self, key->kind, key->id, error);

      if (record == NULL)
        return NULL;
      g_ptr_array_add (records, record);
    }

  return g_steal_pointer (&records);
}

/**
 * carnet_notebook_count_live:
 * @kinds: CARNET_KIND_BIT()s of the kinds to count
 *
 * How many records of @kinds are out of the trash, without reading them.
 *
 * Returns: the count, or 0 with @error set
 */
guint
carnet_notebook_count_live (CarnetNotebook  *self,
                            guint            kinds,
                            GError         **error)
{
  g_autoptr(CarnetCachedStmt) stmt = NULL;
  guint total = 0;
  int rc;

  g_return_val_if_fail (CARNET_IS_NOTEBOOK (self), 0);
  g_return_val_if_fail (kinds != 0 && (kinds & ~CARNET_ALL_KINDS) == 0, 0);


  stmt = carnet_notebook_prepare (self, "SELECT kind, n FROM live_counts", error);
  if (stmt == NULL)
    return 0;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *nick = (const char *) sqlite3_column_text (stmt, 0);

      for (CarnetRecordKind kind = 0; kind < CARNET_N_RECORD_KINDS; kind++)
        {
          if ((kinds & CARNET_KIND_BIT (kind)) != 0 && g_strcmp0 (nick, timelines[kind].nick) == 0)
            total += (guint) MAX (0, sqlite3_column_int64 (stmt, 1));
        }
    }

  if (rc != SQLITE_DONE)
    {
      carnet_sqlite_set_error (error, carnet_notebook_get_db (self), rc);
      return 0;
    }

  return total;
}

/**
 * carnet_notebook_list_page:
 * @kinds: CARNET_KIND_BIT()s of the kinds to read
 * @anchor: (nullable): a record to read from (excluded); %NULL for an end
 *   of the journal
 * @newer: read towards the newest (before @anchor in the journal) rather
 *   than the oldest
 * @offset: how many records to skip first
 * @limit: at most how many to read
 *
 * A page of the journal of @kinds — every record out of the trash, newest
 * first; on the same instant by kind, then the newest entry first — read from
 * @anchor: the records after it, in the journal's order, or with @newer the
 * records before it, the nearest first. @anchor need not be in the notebook
 * any more.
 *
 * Returns: (transfer full) (element-type CarnetRecord): the records
 */
GPtrArray *
carnet_notebook_list_page (CarnetNotebook  *self,
                           guint            kinds,
                           CarnetRecord    *anchor,
                           gboolean         newer,
                           guint            offset,
                           guint            limit,
                           GError         **error)
{
  g_autoptr(GArray) keys = NULL;
  const char *sql;
  g_autoptr(CarnetCachedStmt) stmt = NULL;

  g_return_val_if_fail (CARNET_IS_NOTEBOOK (self), NULL);
  g_return_val_if_fail (kinds != 0 && (kinds & ~CARNET_ALL_KINDS) == 0, NULL);
  g_return_val_if_fail (anchor == NULL || CARNET_IS_RECORD (anchor), NULL);


  sql = page_sql (kinds, newer, FALSE);
  stmt = carnet_notebook_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;

  bind_bounds (stmt, kinds, anchor, newer);
  sqlite3_bind_int64 (stmt, 11, limit);
  sqlite3_bind_int64 (stmt, 12, offset);

  /* The keys first, then each record by its primary key: the page's
   * statement stays one merge of index ranges whatever the kinds' columns. */
  keys = g_array_sized_new (FALSE, FALSE, sizeof (CarnetRecordKey), MIN (limit, 256));
  if (!read_keys (self, stmt, keys, error))
    return NULL;
  g_clear_pointer (&stmt, carnet_cached_stmt_reset);

  return get_records (self, keys, error);
}

/**
 * carnet_notebook_list_keys:
 * @kinds: CARNET_KIND_BIT()s of the kinds to read
 * @after: (nullable): the key to read from (excluded); %NULL for the newest
 * @offset: how many records to skip first
 * @limit: at most how many to read
 * @keys: (element-type CarnetRecordKey): where to append them
 *
 * The keys of the journal of @kinds after @after, in the journal's order
 * (see carnet_notebook_list_page()), without reading the records.
 *
 * Returns: %FALSE with @error set when the notebook could not be read
 */
gboolean
carnet_notebook_list_keys (CarnetNotebook         *self,
                           guint                   kinds,
                           const CarnetRecordKey  *after,
                           guint                   offset,
                           guint                   limit,
                           GArray                 *keys,
                           GError                **error)
{
  g_autoptr(CarnetCachedStmt) stmt = NULL;
  const char *sql;

  g_return_val_if_fail (CARNET_IS_NOTEBOOK (self), FALSE);
  g_return_val_if_fail (kinds != 0 && (kinds & ~CARNET_ALL_KINDS) == 0, FALSE);
  g_return_val_if_fail (keys != NULL, FALSE);

  sql = page_sql (kinds, FALSE, FALSE);
  stmt = carnet_notebook_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;

  bind_key_bounds (stmt, kinds, after, FALSE);
  sqlite3_bind_int64 (stmt, 11, limit);
  sqlite3_bind_int64 (stmt, 12, offset);

  return read_keys (self, stmt, keys, error);
}

/**
 * carnet_notebook_list_page_after_key:
 * @kinds: CARNET_KIND_BIT()s of the kinds to read
 * @after: the key of a record to read from (excluded)
 * @offset: how many records to skip first
 * @limit: at most how many to read
 *
 * As carnet_notebook_list_page() towards the oldest, from a key.
 *
 * Returns: (transfer full) (element-type CarnetRecord): the records
 */
GPtrArray *
carnet_notebook_list_page_after_key (CarnetNotebook         *self,
                                     guint                   kinds,
                                     const CarnetRecordKey  *after,
                                     guint                   offset,
                                     guint                   limit,
                                     GError                **error)
{
  g_autoptr(GArray) keys = g_array_sized_new (FALSE, FALSE, sizeof (CarnetRecordKey), MIN (limit, 256));

  g_return_val_if_fail (CARNET_IS_NOTEBOOK (self), NULL);
  g_return_val_if_fail (after != NULL, NULL);

  if (!carnet_notebook_list_keys (self, kinds, after, offset, limit, keys, error))
    return NULL;

  return get_records (self, keys, error);
}

/**
 * carnet_notebook_count_newer:
 * @kinds: CARNET_KIND_BIT()s of the kinds of the journal
 * @record: a record of one of @kinds
 *
 * Where @record is in the journal of @kinds: how many records come before it.
 *
 * Returns: the count, or G_MAXUINT with @error set
 */
guint
carnet_notebook_count_newer (CarnetNotebook  *self,
                             guint            kinds,
                             CarnetRecord    *record,
                             GError         **error)
{
  const char *sql;
  g_autoptr(CarnetCachedStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (CARNET_IS_NOTEBOOK (self), G_MAXUINT);
  g_return_val_if_fail (kinds != 0 && (kinds & ~CARNET_ALL_KINDS) == 0, G_MAXUINT);
  g_return_val_if_fail (CARNET_IS_RECORD (record), G_MAXUINT);


  sql = page_sql (kinds, TRUE, TRUE);
  stmt = carnet_notebook_prepare (self, sql, error);
  if (stmt == NULL)
    return G_MAXUINT;

  bind_bounds (stmt, kinds, record, TRUE);
  sqlite3_bind_int64 (stmt, 11, -1);
  sqlite3_bind_int64 (stmt, 12, 0);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      carnet_sqlite_set_error (error, carnet_notebook_get_db (self), rc);
      return G_MAXUINT;
    }

  return (guint) sqlite3_column_int64 (stmt, 0);
}

/**
 * carnet_notebook_count_open_questions:
 *
 * The open questions, counted by the consultation they wait for; those for
 * "the next consultation" under 0.
 *
 * Returns: (transfer full) (element-type gint64 guint): appointment id →
 *   count, or %NULL with @error set
 */
GHashTable *
carnet_notebook_count_open_questions (CarnetNotebook  *self,
                                      GError         **error)
{
  g_autoptr(CarnetCachedStmt) stmt = NULL;
  g_autoptr(GHashTable) counts = NULL;
  int rc;

  g_return_val_if_fail (CARNET_IS_NOTEBOOK (self), NULL);

  stmt = carnet_notebook_prepare (self,
                                  "SELECT coalesce (appointment_id, 0), count(*) FROM questions"
                                  " WHERE trashed_utc IS NULL AND status = 'open'"
                                  " GROUP BY appointment_id",
                                  error);
  if (stmt == NULL)
    return NULL;

  counts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_hash_table_insert (counts, g_memdup2 (&id, sizeof id),
                           GUINT_TO_POINTER ((guint) sqlite3_column_int64 (stmt, 1)));
    }
  if (rc != SQLITE_DONE)
    {
      carnet_sqlite_set_error (error, carnet_notebook_get_db (self), rc);
      return NULL;
    }

  return g_steal_pointer (&counts);
}

/* The keys of @name's results out of the trash (ResultKey), newest first:
 * its values or its reports (@reports), at most @limit (-1: all). */
static gboolean
read_result_ids (CarnetNotebook  *self,
                 const char      *name,
                 gboolean         reports,
                 gint64           limit,
                 GArray          *ids,
                 GError         **error)
{
  g_autoptr(CarnetCachedStmt) stmt = NULL;
  int rc;

  /* (value IS NULL) = ?2 as the index results_live_name has it. */
  stmt = carnet_notebook_prepare (self,
                                  "SELECT id, at_utc FROM results WHERE trashed_utc IS NULL"
                                  " AND name = ?1 AND (value IS NULL) = ?2"
                                  " ORDER BY at_utc DESC, id DESC LIMIT ?3",
                                  error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, reports ? 1 : 0);
  sqlite3_bind_int64 (stmt, 3, limit);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ResultKey key = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1) };

      g_array_append_val (ids, key);
    }
  if (rc != SQLITE_DONE)
    {
      carnet_sqlite_set_error (error, carnet_notebook_get_db (self), rc);
      return FALSE;
    }

  return TRUE;
}

static int
compare_newest_result_first (gconstpointer a,
                             gconstpointer b)
{
  CarnetResult *result_a = *(CarnetResult **) a;
  CarnetResult *result_b = *(CarnetResult **) b;
  int order = g_date_time_compare (carnet_result_get_at (result_b), carnet_result_get_at (result_a));
  gint64 id_a = carnet_record_get_id (CARNET_RECORD (result_a));
  gint64 id_b = carnet_record_get_id (CARNET_RECORD (result_b));

  if (order != 0)
    return order;
  return id_b < id_a ? -1 : id_b > id_a ? 1 : 0;
}

static int
compare_newest_key_first (gconstpointer a,
                          gconstpointer b)
{
  const ResultKey *x = a;
  const ResultKey *y = b;

  if (x->at != y->at)
    return y->at < x->at ? -1 : 1;
  return y->id < x->id ? -1 : y->id > x->id ? 1 : 0;
}

static gboolean
append_results (CarnetNotebook  *self,
                GArray          *ids,
                GPtrArray       *results,
                GError         **error)
{
  for (guint i = 0; i < ids->len; i++)
    {
      CarnetRecord *record = carnet_notebook_get (self, CARNET_RECORD_RESULT,
                                                  g_array_index (ids, ResultKey, i).id, error);

      if (record == NULL)
        return FALSE;
      g_ptr_array_add (results, record);
    }

  return TRUE;
}

/**
 * carnet_notebook_list_result_names:
 *
 * The names of the results out of the trash, each once, as typed, in
 * SQLite's order; a step through an index per name, whatever the history.
 *
 * Returns: (transfer full) (element-type utf8): the names
 */
GPtrArray *
carnet_notebook_list_result_names (CarnetNotebook  *self,
                                   GError         **error)
{
  g_autoptr(CarnetCachedStmt) stmt = NULL;
  g_autoptr(GPtrArray) names = NULL;
  int rc;

  g_return_val_if_fail (CARNET_IS_NOTEBOOK (self), NULL);

  stmt = carnet_notebook_prepare (self,
                                  "WITH RECURSIVE names (name) AS ("
                                  "  SELECT min (name) FROM results WHERE trashed_utc IS NULL"
                                  "  UNION ALL"
                                  "  SELECT (SELECT min (r.name) FROM results r"
                                  "          WHERE r.trashed_utc IS NULL AND r.name > names.name)"
                                  "  FROM names WHERE names.name IS NOT NULL)"
                                  " SELECT name FROM names WHERE name IS NOT NULL",
                                  error);
  if (stmt == NULL)
    return NULL;

  names = g_ptr_array_new_with_free_func (g_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (names, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  if (rc != SQLITE_DONE)
    {
      carnet_sqlite_set_error (error, carnet_notebook_get_db (self), rc);
      return NULL;
    }

  return g_steal_pointer (&names);
}

/**
 * carnet_notebook_summarize_results:
 * @name: a result name, as stored
 *
 * What a test's row says without its history: its newest report and its two
 * newest values (the latest and the one before, for the trend).
 *
 * Returns: (transfer full) (element-type CarnetResult): those results, newest
 *   first
 */
GPtrArray *
carnet_notebook_summarize_results (CarnetNotebook  *self,
                                   const char      *name,
                                   GError         **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (ResultKey));
  g_autoptr(GPtrArray) results = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (CARNET_IS_NOTEBOOK (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (!read_result_ids (self, name, TRUE, 1, ids, error) ||
      !read_result_ids (self, name, FALSE, 2, ids, error) ||
      !append_results (self, ids, results, error))
    return NULL;

  g_ptr_array_sort (results, compare_newest_result_first);
  return g_steal_pointer (&results);
}

/**
 * carnet_notebook_list_results_named:
 * @names: (array zero-terminated=1): result names, as stored
 * @limit: at most how many to read; G_MAXUINT for all
 *
 * The history of a test that goes by @names, from the newest: the keys of
 * at most @limit results of each name and kind come through the
 * results_live_name index, and only the @limit newest of them are read.
 *
 * Returns: (transfer full) (element-type CarnetResult): the results out of
 *   the trash with one of @names, newest first
 */
GPtrArray *
carnet_notebook_list_results_named (CarnetNotebook     *self,
                                    const char * const *names,
                                    guint               limit,
                                    GError            **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (ResultKey));
  g_autoptr(GPtrArray) results = g_ptr_array_new_with_free_func (g_object_unref);
  gint64 each = limit == G_MAXUINT ? -1 : (gint64) limit;

  g_return_val_if_fail (CARNET_IS_NOTEBOOK (self), NULL);
  g_return_val_if_fail (names != NULL, NULL);

  for (guint i = 0; names[i] != NULL; i++)
    {
      if (!read_result_ids (self, names[i], TRUE, each, ids, error) ||
          !read_result_ids (self, names[i], FALSE, each, ids, error))
        return NULL;
    }

  g_array_sort (ids, compare_newest_key_first);
  if (ids->len > limit)
    g_array_set_size (ids, limit);

  if (!append_results (self, ids, results, error))
    return NULL;

  return g_steal_pointer (&results);
}
