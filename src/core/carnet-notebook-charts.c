/* carnet-notebook-charts.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The charts' queries. A test's values come by name from the
 * results_live_values index, which holds the few columns a chart shows, not
 * from whole records; symptoms are read once for all their timelines, by
 * when they end.
 */
#define G_LOG_DOMAIN "carnet-core"

#include "config.h"

#include "carnet-notebook-charts.h"

#include <math.h>

#include "carnet-notebook-private.h"
#include "carnet-time.h"

/* A side effect of a timelines' window; @spelling is owned by the table of
 * the spellings read. */
typedef struct
{
  gint64      at;
  gint64      id;
  gint64      until;
  int         severity;
  const char *spelling;
} SymptomRow;

static void
bind_range (sqlite3_stmt *stmt,
            GDateTime    *from,
            GDateTime    *to)
{
  sqlite3_bind_int64 (stmt, 1, from != NULL ? g_date_time_to_unix (from) : G_MININT64);
  sqlite3_bind_int64 (stmt, 2, to != NULL ? g_date_time_to_unix (to) : G_MAXINT64);
}

static double
column_double (sqlite3_stmt *stmt,
               int           index)
{
  if (sqlite3_column_type (stmt, index) == SQLITE_NULL)
    return NAN;

  return sqlite3_column_double (stmt, index);
}

static gboolean
column_date (sqlite3_stmt *stmt,
             int           index,
             GDate        *out)
{
  const char *text = (const char *) sqlite3_column_text (stmt, index);

  g_date_clear (out, 1);
  return text != NULL && carnet_date_parse (text, "date", out, NULL);
}

static void
period_clear (CarnetChartPeriod *period)
{
  g_clear_pointer (&period->name, g_free);
}

static gboolean
step_error (CarnetNotebook *self,
            int             rc,
            GError        **error)
{
  if (rc == SQLITE_DONE)
    return TRUE;

  carnet_sqlite_set_error (error, carnet_notebook_get_db (self), rc);
  return FALSE;
}

/**
 * carnet_notebook_chart_periods:
 *
 * Returns: (transfer full) (element-type CarnetChartPeriod): the
 *   treatments, or %NULL with @error set
 */
GArray *
carnet_notebook_chart_periods (CarnetNotebook  *self,
                               GError         **error)
{
  g_autoptr(CarnetCachedStmt) stmt = NULL;
  g_autoptr(GArray) periods = NULL;
  int rc;

  g_return_val_if_fail (CARNET_IS_NOTEBOOK (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = carnet_notebook_prepare (self,
                                  "SELECT name, start_date, end_date, cycle_days, cycles FROM treatments"
                                  " WHERE trashed_utc IS NULL ORDER BY start_date, id",
                                  error);
  if (stmt == NULL)
    return NULL;

  periods = g_array_new (FALSE, TRUE, sizeof (CarnetChartPeriod));
  g_array_set_clear_func (periods, (GDestroyNotify) period_clear);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CarnetChartPeriod period = { 0 };

      if (!column_date (stmt, 1, &period.start))
        continue;
      column_date (stmt, 2, &period.end);
      period.name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      period.cycle_days = (guint) MAX (0, sqlite3_column_int (stmt, 3));
      period.cycles = (guint) MAX (0, sqlite3_column_int (stmt, 4));
      g_array_append_val (periods, period);
    }
  if (!step_error (self, rc, error))
    return NULL;

  return g_steal_pointer (&periods);
}

/**
 * carnet_notebook_chart_values:
 * @names: (array zero-terminated=1): the test's names as spelt in the
 *   notebook
 *
 * Returns: (transfer full): the series (maybe without points), or %NULL
 *   with @error set
 */
CarnetChartSeries *
carnet_notebook_chart_values (CarnetNotebook     *self,
                              const char * const *names,
                              GDateTime          *from,
                              GDateTime          *to,
                              GError            **error)
{
  g_autoptr(GArray) periods = NULL;
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (CarnetChartPoint));
  g_autoptr(GPtrArray) units = g_ptr_array_new ();
  /* Each unit once: the same one or two come back on every row. */
  g_autoptr(GHashTable) spellings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(CarnetChartSeries) series = NULL;
  const char *unit = NULL;
  gint64 latest = G_MININT64;
  GTimeZone *tz;

  g_return_val_if_fail (CARNET_IS_NOTEBOOK (self), NULL);
  g_return_val_if_fail (names != NULL && names[0] != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autoptr(CarnetCachedStmt) stmt = NULL;
      int rc;

      /* All from the results_live_values index (schema version 6). */
      stmt = carnet_notebook_prepare (self,
                                      "SELECT at_utc, value, low, high, unit FROM results"
                                      " WHERE name = ?3 AND at_utc >= ?1 AND at_utc < ?2"
                                      " AND value IS NOT NULL AND trashed_utc IS NULL"
                                      " ORDER BY at_utc, id",
                                      error);
      if (stmt == NULL)
        return NULL;
      bind_range (stmt, from, to);
      sqlite3_bind_text (stmt, 3, names[i], -1, SQLITE_TRANSIENT);

      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          CarnetChartPoint point = { 0 };
          const char *row_unit = (const char *) sqlite3_column_text (stmt, 4);
          char *spelling;

          point.at = sqlite3_column_int64 (stmt, 0);
          point.value = sqlite3_column_double (stmt, 1);
          point.low = column_double (stmt, 2);
          point.high = column_double (stmt, 3);
          if (!isfinite (point.value))
            continue;
          g_array_append_val (points, point);
          if (row_unit == NULL)
            row_unit = "";
          spelling = g_hash_table_lookup (spellings, row_unit);
          if (spelling == NULL)
            {
              spelling = g_strdup (row_unit);
              g_hash_table_add (spellings, spelling);
            }
          g_ptr_array_add (units, spelling);
          if (point.at >= latest)
            {
              latest = point.at;
              unit = g_ptr_array_index (units, units->len - 1);
            }
        }
      if (!step_error (self, rc, error))
        return NULL;
    }

  tz = carnet_clock_get_timezone (carnet_notebook_get_clock (self));
  series = carnet_chart_series_new (names[0], unit, tz);
  /* One unit on an axis: values in another one are not on the same scale. */
  for (guint i = 0; i < points->len; i++)
    {
      const CarnetChartPoint *point = &g_array_index (points, CarnetChartPoint, i);

      if (g_strcmp0 (g_ptr_array_index (units, i), unit) == 0)
        carnet_chart_series_add_point (series, point->at, point->value, point->low, point->high);
    }

  periods = carnet_notebook_chart_periods (self, error);
  if (periods == NULL)
    return NULL;
  for (guint i = 0; i < periods->len; i++)
    {
      const CarnetChartPeriod *period = &g_array_index (periods, CarnetChartPeriod, i);

      carnet_chart_series_add_period (series, period->name, &period->start, &period->end,
                                      period->cycle_days, period->cycles);
    }

  return g_steal_pointer (&series);
}

static int
compare_timelines (gconstpointer a,
                   gconstpointer b)
{
  const CarnetTimeline *x = *(CarnetTimeline **) a;
  const CarnetTimeline *y = *(CarnetTimeline **) b;

  if (x->worst != y->worst)
    return y->worst - x->worst;

  return g_utf8_collate (x->symptom, y->symptom);
}

static int
compare_symptom_rows (gconstpointer a,
                      gconstpointer b)
{
  const SymptomRow *x = a;
  const SymptomRow *y = b;

  if (x->at != y->at)
    return x->at < y->at ? -1 : 1;

  return x->id < y->id ? -1 : x->id > y->id;
}

/**
 * carnet_notebook_chart_symptoms:
 *
 * Returns: (transfer full) (element-type CarnetTimeline): the timelines, or
 *   %NULL with @error set
 */
GPtrArray *
carnet_notebook_chart_symptoms (CarnetNotebook  *self,
                                GDateTime       *from,
                                GDateTime       *to,
                                GError         **error)
{
  g_autoptr(CarnetCachedStmt) stmt = NULL;
  g_autoptr(GPtrArray) timelines = NULL;
  g_autoptr(GHashTable) by_key = NULL;
  g_autoptr(GHashTable) by_spelling = NULL;
  g_autoptr(GHashTable) spellings = NULL;
  g_autoptr(GArray) rows = NULL;
  g_autoptr(GArray) periods = NULL;
  GTimeZone *tz;
  int rc;

  g_return_val_if_fail (CARNET_IS_NOTEBOOK (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  periods = carnet_notebook_chart_periods (self, error);
  if (periods == NULL)
    return NULL;

  /* Those still there when the window opens count too: found by their end
   * (the side_effects_live_end index of schema version 6), not by a start
   * that may lie years before the window. The unary + keeps SQLite from
   * walking the starts' index instead, which reads them all. The window's
   * few rows are put in order here: SQLite's sorter would copy each row,
   * text and all, to sort it. */
  stmt = carnet_notebook_prepare (self,
                                  "SELECT symptom, severity, at_utc, until_utc, id FROM side_effects"
                                  " WHERE coalesce (until_utc, at_utc) >= ?1 AND +at_utc < ?2"
                                  " AND trashed_utc IS NULL",
                                  error);
  if (stmt == NULL)
    return NULL;
  bind_range (stmt, from, to);

  rows = g_array_new (FALSE, FALSE, sizeof (SymptomRow));
  /* Each spelling once: a few of them come back on every row. */
  spellings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *symptom = (const char *) sqlite3_column_text (stmt, 0);
      SymptomRow row = { 0 };

      row.severity = sqlite3_column_int (stmt, 1);
      if (symptom == NULL || row.severity < CARNET_SEVERITY_MIN || row.severity > CARNET_SEVERITY_MAX)
        continue;
      row.spelling = g_hash_table_lookup (spellings, symptom);
      if (row.spelling == NULL)
        {
          row.spelling = g_strdup (symptom);
          g_hash_table_add (spellings, (char *) row.spelling);
        }
      row.at = sqlite3_column_int64 (stmt, 2);
      row.until = sqlite3_column_type (stmt, 3) == SQLITE_NULL ? 0 : sqlite3_column_int64 (stmt, 3);
      row.id = sqlite3_column_int64 (stmt, 4);
      g_array_append_val (rows, row);
    }
  if (!step_error (self, rc, error))
    return NULL;
  g_clear_pointer (&stmt, carnet_cached_stmt_reset);
  /* By start: a symptom's timeline is named as it was first spelt. */
  g_array_sort (rows, compare_symptom_rows);

  tz = carnet_clock_get_timezone (carnet_notebook_get_clock (self));
  timelines = g_ptr_array_new_with_free_func ((GDestroyNotify) carnet_timeline_free);
  by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  by_spelling = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < rows->len; i++)
    {
      const SymptomRow *row = &g_array_index (rows, SymptomRow, i);
      CarnetTimeline *timeline = g_hash_table_lookup (by_spelling, row->spelling);

      if (timeline == NULL)
        {
          g_autofree char *stripped = g_strstrip (g_strdup (row->spelling));
          g_autofree char *key = g_utf8_casefold (stripped, -1);

          timeline = g_hash_table_lookup (by_key, key);
          if (timeline == NULL)
            {
              timeline = carnet_timeline_new (stripped, tz);
              g_hash_table_insert (by_key, g_steal_pointer (&key), timeline);
              g_ptr_array_add (timelines, timeline);
            }
          g_hash_table_insert (by_spelling, (gpointer) row->spelling, timeline);
        }
      carnet_timeline_add (timeline, row->at, row->until, row->severity);
    }

  for (guint i = 0; i < timelines->len; i++)
    carnet_timeline_align (g_ptr_array_index (timelines, i), periods);
  g_ptr_array_sort (timelines, compare_timelines);

  return g_steal_pointer (&timelines);
}
