/* bench-core.c: times the core's calls that a user waits for
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * bench-core NOTEBOOK [REPEAT]: on NOTEBOOK (a copy: it adds records to it),
 * REPEAT times each (default 30):
 *   search     carnet_notebook_search() of a few words, as the search page asks;
 *   save       carnet_notebook_add() of one side effect: one durable transaction;
 *   bare-save  the same row inserted with sqlite3 alone into a table of the same
 *              shape in a new file beside NOTEBOOK, with the notebook's pragmas
 *              (WAL, synchronous=FULL, secure_delete, foreign keys): what the
 *              disk costs, interleaved with "save" so both see the same disk;
 *   next-reminder  carnet_notebook_next_reminder_due(), what the scheduler
 *              asks each time it sleeps.
 * Prints one line per measure: NAME, median, maximum (microseconds) and count,
 * separated by tabs. Exit status 1 when a call fails.
 */
#define G_LOG_DOMAIN "carnet-bench"

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "carnet.h"

/* As many hits as the search page reads when it shows a search: GTK 4.8's
 * list view asks for the rows around the first ones, five parts of 50 (the
 * page lists up to CARNET_SEARCH_HITS_MAX, read as they are scrolled to). */
#define SEARCH_LIMIT 250

static const char * const queries[] = {
  "nausees", "scanner", "neutrophiles", "fatigue", "consultation", "prise de sang",
};

static int
compare_times (gconstpointer a,
               gconstpointer b)
{
  gint64 ta = *(const gint64 *) a;
  gint64 tb = *(const gint64 *) b;

  return ta < tb ? -1 : ta > tb;
}

static void
report (const char *name,
        GArray     *times)
{
  g_array_sort (times, compare_times);
  g_print ("%s\t%" G_GINT64_FORMAT "\t%" G_GINT64_FORMAT "\t%u\n", name,
           g_array_index (times, gint64, times->len / 2),
           g_array_index (times, gint64, times->len - 1),
           times->len);
}

static void
add_time (GArray *times,
          gint64  start)
{
  gint64 elapsed = g_get_monotonic_time () - start;

  g_array_append_val (times, elapsed);
}

static void
remove_database (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_unlink (file);
    }
}

static gboolean
bare_exec (sqlite3     *db,
           const char  *sql,
           GError     **error)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "sqlite3: %s", message);
      sqlite3_free (message);
      return FALSE;
    }

  return TRUE;
}

static sqlite3 *
bare_open (const char  *path,
           GError     **error)
{
  sqlite3 *db = NULL;

  if (sqlite3_open (path, &db) != SQLITE_OK ||
      !bare_exec (db,
                  "PRAGMA journal_mode = WAL;"
                  "PRAGMA synchronous = FULL;"
                  "PRAGMA foreign_keys = ON;"
                  "PRAGMA secure_delete = ON;"
                  "CREATE TABLE side_effects ("
                  "  id INTEGER PRIMARY KEY,"
                  "  symptom TEXT NOT NULL,"
                  "  severity INTEGER NOT NULL,"
                  "  at_utc INTEGER NOT NULL,"
                  "  until_utc INTEGER,"
                  "  tzid TEXT NOT NULL,"
                  "  treatment_id INTEGER,"
                  "  notes TEXT,"
                  "  created_utc INTEGER NOT NULL,"
                  "  modified_utc INTEGER NOT NULL,"
                  "  trashed_utc INTEGER"
                  ") STRICT;"
                  "CREATE INDEX side_effects_at ON side_effects (at_utc);",
                  error))
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "sqlite3: %s", sqlite3_errmsg (db));
      sqlite3_close (db);
      return NULL;
    }

  return db;
}

static gboolean
bare_insert (sqlite3  *db,
             gint64    at,
             GError  **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (!bare_exec (db, "BEGIN IMMEDIATE", error))
    return FALSE;

  sqlite3_prepare_v2 (db,
                      "INSERT INTO side_effects (symptom, severity, at_utc, tzid, notes,"
                      " created_utc, modified_utc) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
                      -1, &stmt, NULL);
  sqlite3_bind_text (stmt, 1, "Fatigue", -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, 2);
  sqlite3_bind_int64 (stmt, 3, at);
  sqlite3_bind_text (stmt, 4, "Europe/Paris", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, "Après la marche.", -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 6, at);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "sqlite3: %s", sqlite3_errmsg (db));
      bare_exec (db, "ROLLBACK", NULL);
      return FALSE;
    }

  return bare_exec (db, "COMMIT", error);
}

static gboolean
save_one (CarnetNotebook  *notebook,
          GDateTime       *at,
          GError         **error)
{
  g_autoptr(CarnetSideEffect) side_effect = carnet_side_effect_new ();

  carnet_side_effect_set_symptom (side_effect, "Fatigue");
  carnet_side_effect_set_severity (side_effect, 2);
  carnet_side_effect_set_at (side_effect, at);
  carnet_side_effect_set_notes (side_effect, "Après la marche.");

  return carnet_notebook_add (notebook, CARNET_RECORD (side_effect), error);
}

static gboolean
run (const char  *path,
     guint        repeat,
     GError     **error)
{
  g_autoptr(CarnetClock) clock = carnet_clock_new_system ();
  g_autoptr(CarnetNotebook) notebook = NULL;
  g_autoptr(GArray) search_times = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) save_times = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) bare_times = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) reminder_times = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *bare_path = g_build_filename (dir, "bare-sqlite.db", NULL);
  g_autoptr(GDateTime) now = NULL;
  sqlite3 *bare = NULL;
  gboolean ok = FALSE;

  notebook = carnet_notebook_open (path, CARNET_OPEN_FLAGS_NONE, clock, error);
  if (notebook == NULL)
    return FALSE;

  remove_database (bare_path);
  bare = bare_open (bare_path, error);
  if (bare == NULL)
    return FALSE;

  for (guint i = 0; i < repeat; i++)
    for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
      {
        g_autoptr(GListModel) hits = NULL;
        gint64 start = g_get_monotonic_time ();

        hits = carnet_notebook_search (notebook, queries[q], SEARCH_LIMIT, error);
        if (hits == NULL)
          goto out;
        add_time (search_times, start);
      }

  now = carnet_clock_get_now (clock);
  for (guint i = 0; i < repeat; i++)
    {
      g_autoptr(GDateTime) at = g_date_time_add_minutes (now, -(int) i);
      gint64 start = g_get_monotonic_time ();

      if (!save_one (notebook, at, error))
        goto out;
      add_time (save_times, start);

      start = g_get_monotonic_time ();
      if (!bare_insert (bare, g_date_time_to_unix (at), error))
        goto out;
      add_time (bare_times, start);
    }

  for (guint i = 0; i < repeat; i++)
    {
      g_autoptr(GDateTime) due = NULL;
      gint64 start = g_get_monotonic_time ();

      due = carnet_notebook_next_reminder_due (notebook, error);
      if (due == NULL && error != NULL && *error != NULL)
        goto out;
      add_time (reminder_times, start);
    }

  report ("search", search_times);
  report ("save", save_times);
  report ("bare-save", bare_times);
  report ("next-reminder", reminder_times);
  ok = TRUE;

out:
  sqlite3_close (bare);
  remove_database (bare_path);
  return ok;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  guint64 repeat = 30;

  if (argc < 2 || argc > 3 ||
      (argc == 3 && !g_ascii_string_to_unsigned (argv[2], 10, 1, 100000, &repeat, NULL)))
    {
      g_printerr ("Usage: bench-core NOTEBOOK [REPEAT]\n");
      return 2;
    }

  if (!run (argv[1], (guint) repeat, &error))
    {
      g_printerr ("bench-core: %s\n", error->message);
      return 1;
    }

  return 0;
}
