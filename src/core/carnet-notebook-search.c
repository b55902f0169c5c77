/* carnet-notebook-search.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Full-text search with FTS5. The index holds the words of every record not
 * in the trash; it is kept in the same transactions as the records, so it
 * never disagrees with them. unicode61 with remove_diacritics folds accents:
 * "nausees" finds "nausées".
 */
#define G_LOG_DOMAIN "carnet-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "carnet-appointment.h"
#include "carnet-enums.h"
#include "carnet-notebook-private.h"
#include "carnet-question.h"
#include "carnet-result.h"
#include "carnet-side-effect.h"
#include "carnet-time.h"
#include "carnet-treatment.h"

/* Words longer than this are not words a person searches for. */
#define MAX_QUERY_CHARS 200


/* A record's row in the search index (schema version 5). */
static gint64
search_rowid (CarnetRecordKind kind,
              gint64           id)
{
  G_STATIC_ASSERT (CARNET_N_RECORD_KINDS <= 8);

  return id * 8 + (gint64) kind;
}

static void
append_words (GString    *body,
              const char *text)
{
  if (text == NULL || *text == '\0')
    return;

  if (body->len > 0)
    g_string_append_c (body, ' ');
  g_string_append (body, text);
}

/**
 * carnet_notebook_index_record:
 *
 * Puts @record's words in the search index, in place of what was there.
 * Runs inside the caller's transaction.
 */
gboolean
carnet_notebook_index_record (CarnetNotebook  *self,
                              CarnetRecord    *record,
                              GError         **error)
{
  g_autoptr(CarnetCachedStmt) stmt = NULL;
  g_autoptr(GString) body = g_string_new (NULL);
  g_autoptr(GDateTime) treatment_start = NULL;
  GDateTime *at = NULL;
  const char *title = NULL;

  if (!carnet_notebook_unindex_record (self, carnet_record_get_kind (record),
                                       carnet_record_get_id (record), error))
    return FALSE;

  switch (carnet_record_get_kind (record))
    {
    case CARNET_RECORD_APPOINTMENT:
      {
        CarnetAppointment *appointment = CARNET_APPOINTMENT (record);

        title = carnet_appointment_get_title (appointment);
        at = carnet_appointment_get_start (appointment);
        append_words (body, carnet_appointment_get_location (appointment));
        append_words (body, carnet_appointment_get_practitioner (appointment));
        append_words (body, carnet_appointment_get_notes (appointment));
      }
      break;
    case CARNET_RECORD_RESULT:
      {
        CarnetResult *result = CARNET_RESULT (record);

        title = carnet_result_get_name (result);
        at = carnet_result_get_at (result);
        append_words (body, carnet_result_get_text (result));
        append_words (body, carnet_result_get_notes (result));
        append_words (body, carnet_result_get_attachment_name (result));
      }
      break;
    case CARNET_RECORD_SIDE_EFFECT:
      {
        CarnetSideEffect *side_effect = CARNET_SIDE_EFFECT (record);

        title = carnet_side_effect_get_symptom (side_effect);
        at = carnet_side_effect_get_at (side_effect);
        append_words (body, carnet_side_effect_get_notes (side_effect));
      }
      break;
    case CARNET_RECORD_QUESTION:
      {
        CarnetQuestion *question = CARNET_QUESTION (record);

        title = carnet_question_get_text (question);
        at = carnet_question_get_created (question);
        append_words (body, carnet_question_get_answer (question));
      }
      break;
    case CARNET_RECORD_TREATMENT:
    default:
      {
        CarnetTreatment *treatment = CARNET_TREATMENT (record);
        const GDate *start = carnet_treatment_get_start (treatment);

        title = carnet_treatment_get_name (treatment);
        if (start != NULL && g_date_valid (start))
          at = treatment_start = g_date_time_new_utc (g_date_get_year (start),
                                                      g_date_get_month (start),
                                                      g_date_get_day (start), 0, 0, 0);
        append_words (body, carnet_treatment_get_notes (treatment));
      }
      break;
    }

  stmt = carnet_notebook_prepare (self,
                                  "INSERT INTO search_index (kind, record_id, at_utc, tzid, title, body, rowid)"
                                  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                                  error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, carnet_enum_to_nick (CARNET_TYPE_RECORD_KIND, carnet_record_get_kind (record)),
                     -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, carnet_record_get_id (record));
  if (at != NULL)
    {
      sqlite3_bind_int64 (stmt, 3, g_date_time_to_unix (at));
      sqlite3_bind_text (stmt, 4, carnet_time_zone_id ((GTimeZone *)g_date_time_get_timezone (at)),
                         -1, SQLITE_TRANSIENT);
    }
  sqlite3_bind_text (stmt, 5, title != NULL ? title : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, body->str, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 7, search_rowid (carnet_record_get_kind (record), carnet_record_get_id (record)));

  return carnet_notebook_step_done (self, stmt, error);
}

/**
 * carnet_notebook_unindex_record:
 *
 * Takes a record's words out of the search index (it went to the trash).
 */
gboolean
carnet_notebook_unindex_record (CarnetNotebook    *self,
                                CarnetRecordKind   kind,
                                gint64             id,
                                GError           **error)
{
  g_autoptr(CarnetCachedStmt) stmt =
    carnet_notebook_prepare (self, "DELETE FROM search_index WHERE rowid = ?1", error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, search_rowid (kind, id));

  return carnet_notebook_step_done (self, stmt, error);
}

/* What a person types becomes an FTS5 query of its own: each word a quoted
 * prefix, all of them required. Nothing they type is FTS5 syntax. */
static char *
build_match (const char *query)
{
  g_auto(GStrv) words = NULL;
  GString *match = g_string_new (NULL);
  g_autofree char *normalized = g_utf8_normalize (query, -1, G_NORMALIZE_DEFAULT_COMPOSE);

  words = g_strsplit_set (normalized != NULL ? normalized : "", " \t\n\r", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autoptr(GString) word = g_string_new (NULL);

      for (const char *p = words[i]; *p != '\0'; p++)
        if (*p != '"')
          g_string_append_c (word, *p);

      if (word->len == 0)
        continue;

      if (match->len > 0)
        g_string_append_c (match, ' ');
      g_string_append_printf (match, "\"%s\"*", word->str);
    }

  return g_string_free (match, match->len == 0);
}

/**
 * carnet_notebook_search:
 * @query: words, as a person types them; each must appear, as a word or the
 *   start of one, accents ignored
 * @limit: at most this many hits (0 for 100)
 *
 * Up to %CARNET_SEARCH_RANKED_MAX matches are listed best first; a search
 * that matches more (one common word, a few letters typed) lists the entries
 * written last first.
 *
 * Returns: (transfer full): a list model of #CarnetSearchHit
 */
GListModel *
carnet_notebook_search (CarnetNotebook  *self,
                        const char      *query,
                        guint            limit,
                        GError         **error)
{
  return carnet_notebook_search_range (self, query, 0, limit, NULL, error);
}

/**
 * carnet_notebook_search_range:
 * @query: as carnet_notebook_search()
 * @offset: how many hits to skip, in the order carnet_notebook_search() lists
 * @limit: at most this many hits (0 for 100)
 * @n_matches: (out) (optional): how many entries match, counted up to
 *   %CARNET_SEARCH_COUNT_MAX
 *
 * A part of carnet_notebook_search()'s list, for a list that reads its hits
 * as they are shown: the words around each match are only found for the
 * hits read.
 *
 * Returns: (transfer full): a list model of #CarnetSearchHit
 */
GListModel *
carnet_notebook_search_range (CarnetNotebook  *self,
                              const char      *query,
                              guint            offset,
                              guint            limit,
                              guint           *n_matches,
                              GError         **error)
{
  g_autoptr(GListStore) hits = NULL;
  g_autoptr(CarnetCachedStmt) stmt = NULL;
  g_autofree char *match = NULL;
  gboolean ranked;
  int count;
  int rc;

  g_return_val_if_fail (CARNET_IS_NOTEBOOK (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  if (n_matches != NULL)
    *n_matches = 0;

  hits = g_list_store_new (CARNET_TYPE_SEARCH_HIT);

  if (!g_utf8_validate (query, -1, NULL) || g_utf8_strlen (query, -1) > MAX_QUERY_CHARS)
    {
      carnet_set_field_error (error, "query", _("must be valid text of at most %d characters"),
                              MAX_QUERY_CHARS);
      return NULL;
    }

  match = build_match (query);
  if (match == NULL)
    return G_LIST_MODEL (g_steal_pointer (&hits));

  /* Ranking reads and scores every match, 7 to 13 µs each at 100 000
   * entries (a thousand matches: 10 to 14 ms), and again for each part a
   * list reads: a word found in more entries than CARNET_SEARCH_RANKED_MAX
   * ("nausées", a few letters typed) is shown the most recently written
   * first instead, in the index's own order, which reads only the hits
   * listed (0.5 to 1 ms for 50). */
  stmt = carnet_notebook_prepare (self,
                                  "SELECT count(*) FROM (SELECT 1 FROM search_index"
                                  " WHERE search_index MATCH ?1 LIMIT ?2)",
                                  error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, match, -1, SQLITE_TRANSIENT);
  G_STATIC_ASSERT (CARNET_SEARCH_COUNT_MAX > CARNET_SEARCH_RANKED_MAX);
  sqlite3_bind_int (stmt, 2, CARNET_SEARCH_COUNT_MAX);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      carnet_sqlite_set_error (error, carnet_notebook_get_db (self), rc);
      return NULL;
    }
  count = sqlite3_column_int (stmt, 0);
  ranked = count <= CARNET_SEARCH_RANKED_MAX;
  g_clear_pointer (&stmt, carnet_cached_stmt_reset);

  if (ranked)
    stmt = carnet_notebook_prepare (self,
                                    "SELECT kind, record_id, at_utc, tzid, title,"
                                    " snippet (search_index, -1, '[', ']', '…', 10)"
                                    " FROM search_index WHERE search_index MATCH ?1"
                                    " ORDER BY rank, at_utc DESC, rowid DESC LIMIT ?2 OFFSET ?3",
                                    error);
  else
    stmt = carnet_notebook_prepare (self,
                                    "SELECT kind, record_id, at_utc, tzid, title,"
                                    " snippet (search_index, -1, '[', ']', '…', 10)"
                                    " FROM search_index WHERE search_index MATCH ?1"
                                    " ORDER BY rowid DESC LIMIT ?2 OFFSET ?3",
                                    error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, match, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, limit > 0 ? (int)MIN (limit, 10000) : 100);
  sqlite3_bind_int (stmt, 3, (int)MIN (offset, 10000));

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(CarnetSearchHit) hit = NULL;
      g_autoptr(GDateTime) at = NULL;
      int kind;

      if (!carnet_enum_from_nick (CARNET_TYPE_RECORD_KIND, (const char *)sqlite3_column_text (stmt, 0), &kind))
        continue;

      if (sqlite3_column_type (stmt, 2) != SQLITE_NULL)
        at = carnet_time_from_unix (sqlite3_column_int64 (stmt, 2), (const char *)sqlite3_column_text (stmt, 3));

      hit = carnet_search_hit_new (kind, sqlite3_column_int64 (stmt, 1),
                                   (const char *)sqlite3_column_text (stmt, 4),
                                   (const char *)sqlite3_column_text (stmt, 5),
                                   at);
      g_list_store_append (hits, hit);
    }

  if (rc != SQLITE_DONE)
    {
      carnet_sqlite_set_error (error, carnet_notebook_get_db (self), rc);
      return NULL;
    }

  if (n_matches != NULL)
    *n_matches = count;

  return G_LIST_MODEL (g_steal_pointer (&hits));
}
