/* carnet-notebook.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "carnet-core"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "carnet-appointment.h"
#include "carnet-backup.h"
#include "carnet-enums.h"
#include "carnet-error.h"
#include "carnet-notebook-private.h"
#include "carnet-offsets.h"
#include "carnet-question.h"
#include "carnet-recurrence.h"
#include "carnet-result.h"
#include "carnet-side-effect.h"
#include "carnet-time.h"
#include "carnet-treatment.h"

/* How long a write waits for another program (the app, carnet-cli) that holds
 * the notebook, before telling the user. */
#define BUSY_TIMEOUT_MS 5000
/* Outside changes are looked for this long after the file monitor speaks, so
 * a burst of writes makes one refresh. */
#define CHANGE_DEBOUNCE_MS 150
/* The expansion of a finite repeat rule, to know its last occurrence. */
#define MAX_OCCURRENCES 1000
/* How far ahead "next consultation" looks for a repeating consultation. */
#define NEXT_CONSULTATION_YEARS 5

struct _CarnetNotebook
{
  GObject       parent_instance;

  char         *path;
  sqlite3      *db;
  CarnetClock  *clock;
  /* Statements prepared once, keyed by their (static) SQL text. */
  GHashTable   *statements;

  char         *person;
  char         *default_reminders;
  int           schema_version;
  gboolean      read_only;

  GFileMonitor *db_monitor;
  GFileMonitor *wal_monitor;
  guint         change_timeout_id;
  gint64        data_version;
};

G_DEFINE_FINAL_TYPE (CarnetNotebook, carnet_notebook, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PATH,
  PROP_PERSON,
  PROP_READ_ONLY,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Schema
 *
 * Instants are UTC seconds plus the IANA zone they were entered in. Trashed
 * rows keep their data and a trashed_utc until the purge. Each step below
 * takes the file one version forward; a step is never edited once released.
 */
/* The count of @table's records out of the trash, under @kind in live_counts:
 * set from the rows there are, then kept by a trigger on each change. */
#define LIVE_COUNT(kind, table) \
  "INSERT INTO live_counts SELECT '" kind "', count(*) FROM " table " WHERE trashed_utc IS NULL;" \
  "CREATE TRIGGER " table "_live_insert AFTER INSERT ON " table " WHEN new.trashed_utc IS NULL BEGIN" \
  "  UPDATE live_counts SET n = n + 1 WHERE kind = '" kind "';" \
  "END;" \
  "CREATE TRIGGER " table "_live_delete AFTER DELETE ON " table " WHEN old.trashed_utc IS NULL BEGIN" \
  "  UPDATE live_counts SET n = n - 1 WHERE kind = '" kind "';" \
  "END;" \
  "CREATE TRIGGER " table "_live_trash AFTER UPDATE OF trashed_utc ON " table \
  "  WHEN (old.trashed_utc IS NULL) <> (new.trashed_utc IS NULL) BEGIN" \
  "  UPDATE live_counts SET n = n + iif (new.trashed_utc IS NULL, 1, -1) WHERE kind = '" kind "';" \
  "END;"

static const char *migrations[] = {
  /* 1: the first notebook */
  "CREATE TABLE meta ("
  "  key TEXT PRIMARY KEY NOT NULL,"
  "  value TEXT"
  ") STRICT;"
  "CREATE TABLE appointments ("
  "  id INTEGER PRIMARY KEY,"
  "  title TEXT NOT NULL,"
  "  kind TEXT NOT NULL,"
  "  start_utc INTEGER NOT NULL,"
  "  tzid TEXT NOT NULL,"
  "  all_day INTEGER NOT NULL DEFAULT 0,"
  "  duration INTEGER NOT NULL DEFAULT 0,"
  "  location TEXT,"
  "  practitioner TEXT,"
  "  notes TEXT,"
  "  status TEXT NOT NULL DEFAULT 'planned',"
  "  reminders TEXT NOT NULL DEFAULT '',"
  "  repeat TEXT,"
  "  last_utc INTEGER,"
  "  created_utc INTEGER NOT NULL,"
  "  modified_utc INTEGER NOT NULL,"
  "  trashed_utc INTEGER"
  ") STRICT;"
  "CREATE INDEX appointments_start ON appointments (start_utc);"
  "CREATE TABLE attachments ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL,"
  "  data BLOB NOT NULL"
  ") STRICT;"
  "CREATE TABLE results ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL,"
  "  value REAL,"
  "  text TEXT,"
  "  unit TEXT,"
  "  low REAL,"
  "  high REAL,"
  "  at_utc INTEGER NOT NULL,"
  "  tzid TEXT NOT NULL,"
  "  appointment_id INTEGER REFERENCES appointments (id) ON DELETE SET NULL,"
  "  notes TEXT,"
  "  attachment_id INTEGER REFERENCES attachments (id) ON DELETE SET NULL,"
  "  created_utc INTEGER NOT NULL,"
  "  modified_utc INTEGER NOT NULL,"
  "  trashed_utc INTEGER,"
  "  CHECK ((value IS NULL) <> (text IS NULL))"
  ") STRICT;"
  "CREATE INDEX results_at ON results (at_utc);"
  "CREATE INDEX results_name ON results (name, at_utc);"
  "CREATE INDEX results_appointment ON results (appointment_id);"
  "CREATE TABLE treatments ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL,"
  "  kind TEXT NOT NULL,"
  "  start_date TEXT NOT NULL,"
  "  end_date TEXT,"
  "  cycle_days INTEGER NOT NULL DEFAULT 0,"
  "  cycles INTEGER NOT NULL DEFAULT 0,"
  "  notes TEXT,"
  "  created_utc INTEGER NOT NULL,"
  "  modified_utc INTEGER NOT NULL,"
  "  trashed_utc INTEGER"
  ") STRICT;"
  "CREATE TABLE side_effects ("
  "  id INTEGER PRIMARY KEY,"
  "  symptom TEXT NOT NULL,"
  "  severity INTEGER NOT NULL CHECK (severity BETWEEN 0 AND 4),"
  "  at_utc INTEGER NOT NULL,"
  "  until_utc INTEGER,"
  "  tzid TEXT NOT NULL,"
  "  treatment_id INTEGER REFERENCES treatments (id) ON DELETE SET NULL,"
  "  notes TEXT,"
  "  created_utc INTEGER NOT NULL,"
  "  modified_utc INTEGER NOT NULL,"
  "  trashed_utc INTEGER"
  ") STRICT;"
  "CREATE INDEX side_effects_at ON side_effects (at_utc);"
  "CREATE INDEX side_effects_treatment ON side_effects (treatment_id);"
  "CREATE TABLE questions ("
  "  id INTEGER PRIMARY KEY,"
  "  text TEXT NOT NULL,"
  "  appointment_id INTEGER REFERENCES appointments (id) ON DELETE SET NULL,"
  "  author TEXT NOT NULL DEFAULT 'patient',"
  "  status TEXT NOT NULL DEFAULT 'open',"
  "  answer TEXT,"
  "  position INTEGER NOT NULL DEFAULT 0,"
  "  created_utc INTEGER NOT NULL,"
  "  modified_utc INTEGER NOT NULL,"
  "  trashed_utc INTEGER"
  ") STRICT;"
  "CREATE INDEX questions_appointment ON questions (appointment_id, position);",

  /* 2: the status of single occurrences of a repeating appointment (done,
   * missed…), apart from the series' own status. */
  "CREATE TABLE occurrence_status ("
  "  appointment_id INTEGER NOT NULL REFERENCES appointments (id) ON DELETE CASCADE,"
  "  start_utc INTEGER NOT NULL,"
  "  status TEXT NOT NULL,"
  "  PRIMARY KEY (appointment_id, start_utc)"
  ") STRICT, WITHOUT ROWID;",

  /* 3: the reminder log. A reminder is one occurrence × one offset; its row
   * is written in the transaction that decides to show it, so it is shown
   * once whatever restarts, crashes or other processes do. */
  "CREATE TABLE reminder_log ("
  "  appointment_id INTEGER NOT NULL REFERENCES appointments (id) ON DELETE CASCADE,"
  "  occurrence_utc INTEGER NOT NULL,"
  "  offset TEXT NOT NULL,"
  "  fires_utc INTEGER NOT NULL,"
  "  state TEXT NOT NULL,"
  "  decided_utc INTEGER NOT NULL,"
  "  snooze_until_utc INTEGER,"
  "  PRIMARY KEY (appointment_id, occurrence_utc, offset)"
  ") STRICT, WITHOUT ROWID;"
  "CREATE INDEX reminder_log_state ON reminder_log (state, snooze_until_utc);",

  /* 4: full-text search over the records not in the trash. */
  "CREATE VIRTUAL TABLE search_index USING fts5 ("
  "  kind UNINDEXED, record_id UNINDEXED, at_utc UNINDEXED, tzid UNINDEXED, title, body,"
  "  tokenize = 'unicode61 remove_diacritics 2'"
  ");"
  "INSERT INTO search_index (kind, record_id, at_utc, tzid, title, body)"
  "  SELECT 'appointment', id, start_utc, tzid, title,"
  "    coalesce (location, '') || ' ' || coalesce (practitioner, '') || ' ' || coalesce (notes, '')"
  "  FROM appointments WHERE trashed_utc IS NULL;"
  "INSERT INTO search_index (kind, record_id, at_utc, tzid, title, body)"
  "  SELECT 'result', r.id, r.at_utc, r.tzid, r.name,"
  "    coalesce (r.text, '') || ' ' || coalesce (r.notes, '') || ' ' || coalesce (a.name, '')"
  "  FROM results r LEFT JOIN attachments a ON a.id = r.attachment_id WHERE r.trashed_utc IS NULL;"
  "INSERT INTO search_index (kind, record_id, at_utc, tzid, title, body)"
  "  SELECT 'side-effect', id, at_utc, tzid, symptom, coalesce (notes, '')"
  "  FROM side_effects WHERE trashed_utc IS NULL;"
  "INSERT INTO search_index (kind, record_id, at_utc, tzid, title, body)"
  "  SELECT 'question', id, created_utc, 'UTC', text, coalesce (answer, '')"
  "  FROM questions WHERE trashed_utc IS NULL;"
  "INSERT INTO search_index (kind, record_id, at_utc, tzid, title, body)"
  "  SELECT 'treatment', id, unixepoch (start_date), 'UTC', name, coalesce (notes, '')"
  "  FROM treatments WHERE trashed_utc IS NULL;",

  /* 5: a notebook of years reads as fast as a new one. The lists read the
   * records not in the trash by date, a page at a time (partial indexes in
   * their order); the agenda finds the appointments still going on by the
   * end of their last occurrence; the Upcoming page counts the open
   * questions by consultation; the missed reminders are found by date; the
   * Results page finds each test's latest values without reading its
   * history; the trash is emptied without reading the rest. live_counts
   * holds how many records of each kind are out of the trash, kept by
   * triggers, so a list knows its length without counting. */
  "CREATE INDEX appointments_live_start ON appointments (start_utc, id) WHERE trashed_utc IS NULL;"
  "CREATE INDEX appointments_live_end ON appointments"
  "  (coalesce (last_utc + duration * 60, 9223372036854775807)) WHERE trashed_utc IS NULL;"
  "CREATE INDEX results_live_at ON results (at_utc, id) WHERE trashed_utc IS NULL;"
  "CREATE INDEX results_live_name ON results (name, value IS NULL, at_utc, id) WHERE trashed_utc IS NULL;"
  "CREATE INDEX side_effects_live_at ON side_effects (at_utc, id) WHERE trashed_utc IS NULL;"
  "CREATE INDEX questions_live_created ON questions (created_utc, id) WHERE trashed_utc IS NULL;"
  "CREATE INDEX questions_open ON questions (appointment_id) WHERE trashed_utc IS NULL AND status = 'open';"
  "CREATE INDEX treatments_live_start ON treatments (start_date, id) WHERE trashed_utc IS NULL;"
  "CREATE INDEX reminder_log_occurrence ON reminder_log (state, occurrence_utc);"
  "CREATE INDEX appointments_trashed ON appointments (trashed_utc) WHERE trashed_utc IS NOT NULL;"
  "CREATE INDEX results_trashed ON results (trashed_utc) WHERE trashed_utc IS NOT NULL;"
  "CREATE INDEX side_effects_trashed ON side_effects (trashed_utc) WHERE trashed_utc IS NOT NULL;"
  "CREATE INDEX questions_trashed ON questions (trashed_utc) WHERE trashed_utc IS NOT NULL;"
  "CREATE INDEX treatments_trashed ON treatments (trashed_utc) WHERE trashed_utc IS NOT NULL;"
  "CREATE TABLE live_counts ("
  "  kind TEXT PRIMARY KEY NOT NULL,"
  "  n INTEGER NOT NULL"
  ") STRICT, WITHOUT ROWID;"
  LIVE_COUNT ("appointment", "appointments")
  LIVE_COUNT ("result", "results")
  LIVE_COUNT ("side-effect", "side_effects")
  LIVE_COUNT ("question", "questions")
  LIVE_COUNT ("treatment", "treatments")
  /* The search index's rows are found by their rowid, record_id * 8 + the
   * kind (CarnetRecordKind): taking a record out no longer reads them all. */
  "CREATE TABLE search_rows AS SELECT kind, record_id, at_utc, tzid, title, body FROM search_index;"
  "DELETE FROM search_index;"
  "INSERT INTO search_index (rowid, kind, record_id, at_utc, tzid, title, body)"
  "  SELECT record_id * 8 + CASE kind WHEN 'appointment' THEN 0 WHEN 'result' THEN 1"
  "    WHEN 'side-effect' THEN 2 WHEN 'question' THEN 3 ELSE 4 END,"
  "    kind, record_id, at_utc, tzid, title, body FROM search_rows;"
  "DROP TABLE search_rows;",

  /* 6: the timelines find the side effects of their window by when they
   * end, so a symptom that started before the window and still runs in it
   * is found without reading the years before. A test's chart reads its
   * values from an index that holds all it shows, not from each row
   * (trashed_utc, NULL there, is in it for SQLite to see it need not look). */
  "CREATE INDEX side_effects_live_end ON side_effects"
  "  (coalesce (until_utc, at_utc), at_utc) WHERE trashed_utc IS NULL;"
  "CREATE INDEX results_live_values ON results (name, at_utc, id, value, low, high, unit, trashed_utc)"
  "  WHERE trashed_utc IS NULL AND value IS NOT NULL;",

  /* 7: a search of one letter, the first typed, finds its words in an index
   * of first letters (FTS5's prefix index) instead of merging the entries of
   * every word that starts with it (the count of "s"* at 100 000 entries:
   * 3.1 ms, now 0.05). The agenda's index holds each appointment's start
   * and kind after its end, so the appointments planned after a window in
   * the past, or of another kind, are left out without reading their rows. */
  "CREATE TABLE search_rows AS SELECT rowid AS row, kind, record_id, at_utc, tzid, title, body"
  "  FROM search_index;"
  "DROP TABLE search_index;"
  "CREATE VIRTUAL TABLE search_index USING fts5 ("
  "  kind UNINDEXED, record_id UNINDEXED, at_utc UNINDEXED, tzid UNINDEXED, title, body,"
  "  tokenize = 'unicode61 remove_diacritics 2', prefix = '1'"
  ");"
  "INSERT INTO search_index (rowid, kind, record_id, at_utc, tzid, title, body)"
  "  SELECT row, kind, record_id, at_utc, tzid, title, body FROM search_rows;"
  "DROP TABLE search_rows;"
  "DROP INDEX appointments_live_end;"
  "CREATE INDEX appointments_live_end ON appointments"
  "  (coalesce (last_utc + duration * 60, 9223372036854775807), start_utc, kind)"
  "  WHERE trashed_utc IS NULL;",
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == CARNET_SCHEMA_VERSION);

/* Per-kind statements. The SQL is fixed text: every value is bound. */

static const char *trash_sql[] = {
  [CARNET_RECORD_APPOINTMENT] = "UPDATE appointments SET trashed_utc = ?1 WHERE id = ?2 AND trashed_utc IS NULL",
  [CARNET_RECORD_RESULT] = "UPDATE results SET trashed_utc = ?1 WHERE id = ?2 AND trashed_utc IS NULL",
  [CARNET_RECORD_SIDE_EFFECT] = "UPDATE side_effects SET trashed_utc = ?1 WHERE id = ?2 AND trashed_utc IS NULL",
  [CARNET_RECORD_QUESTION] = "UPDATE questions SET trashed_utc = ?1 WHERE id = ?2 AND trashed_utc IS NULL",
  [CARNET_RECORD_TREATMENT] = "UPDATE treatments SET trashed_utc = ?1 WHERE id = ?2 AND trashed_utc IS NULL",
};

static const char *restore_sql[] = {
  [CARNET_RECORD_APPOINTMENT] = "UPDATE appointments SET trashed_utc = NULL, modified_utc = ?1 WHERE id = ?2 AND trashed_utc IS NOT NULL",
  [CARNET_RECORD_RESULT] = "UPDATE results SET trashed_utc = NULL, modified_utc = ?1 WHERE id = ?2 AND trashed_utc IS NOT NULL",
  [CARNET_RECORD_SIDE_EFFECT] = "UPDATE side_effects SET trashed_utc = NULL, modified_utc = ?1 WHERE id = ?2 AND trashed_utc IS NOT NULL",
  [CARNET_RECORD_QUESTION] = "UPDATE questions SET trashed_utc = NULL, modified_utc = ?1 WHERE id = ?2 AND trashed_utc IS NOT NULL",
  [CARNET_RECORD_TREATMENT] = "UPDATE treatments SET trashed_utc = NULL, modified_utc = ?1 WHERE id = ?2 AND trashed_utc IS NOT NULL",
};

static const char *purge_sql[] = {
  [CARNET_RECORD_APPOINTMENT] = "DELETE FROM appointments WHERE trashed_utc IS NOT NULL AND trashed_utc < ?1",
  [CARNET_RECORD_RESULT] = "DELETE FROM results WHERE trashed_utc IS NOT NULL AND trashed_utc < ?1",
  [CARNET_RECORD_SIDE_EFFECT] = "DELETE FROM side_effects WHERE trashed_utc IS NOT NULL AND trashed_utc < ?1",
  [CARNET_RECORD_QUESTION] = "DELETE FROM questions WHERE trashed_utc IS NOT NULL AND trashed_utc < ?1",
  [CARNET_RECORD_TREATMENT] = "DELETE FROM treatments WHERE trashed_utc IS NOT NULL AND trashed_utc < ?1",
};

static const char *count_sql[] = {
  [CARNET_RECORD_APPOINTMENT] = "SELECT count(*), count(trashed_utc) FROM appointments",
  [CARNET_RECORD_RESULT] = "SELECT count(*), count(trashed_utc) FROM results",
  [CARNET_RECORD_SIDE_EFFECT] = "SELECT count(*), count(trashed_utc) FROM side_effects",
  [CARNET_RECORD_QUESTION] = "SELECT count(*), count(trashed_utc) FROM questions",
  [CARNET_RECORD_TREATMENT] = "SELECT count(*), count(trashed_utc) FROM treatments",
};

#define RESULT_COLUMNS \
  "r.id, r.name, r.value, r.text, r.unit, r.low, r.high, r.at_utc, r.tzid, " \
  "r.appointment_id, r.notes, a.name, r.trashed_utc"
#define RESULT_FROM "results r LEFT JOIN attachments a ON a.id = r.attachment_id"
#define SIDE_EFFECT_COLUMNS \
  "s.id, s.symptom, s.severity, s.at_utc, s.until_utc, s.tzid, s.treatment_id, s.notes, " \
  "s.trashed_utc, t.start_date, t.end_date, t.cycle_days, t.cycles"
#define SIDE_EFFECT_FROM "side_effects s LEFT JOIN treatments t ON t.id = s.treatment_id"
#define QUESTION_COLUMNS \
  "id, text, appointment_id, author, status, answer, position, created_utc, trashed_utc"
#define TREATMENT_COLUMNS \
  "id, name, kind, start_date, end_date, cycle_days, cycles, notes, trashed_utc"

static const char *get_sql[] = {
  [CARNET_RECORD_APPOINTMENT] =
    "SELECT " APPOINTMENT_COLUMNS " FROM appointments WHERE id = ?1 AND trashed_utc IS NULL",
  [CARNET_RECORD_RESULT] =
    "SELECT " RESULT_COLUMNS " FROM " RESULT_FROM " WHERE r.id = ?1 AND r.trashed_utc IS NULL",
  [CARNET_RECORD_SIDE_EFFECT] =
    "SELECT " SIDE_EFFECT_COLUMNS " FROM " SIDE_EFFECT_FROM " WHERE s.id = ?1 AND s.trashed_utc IS NULL",
  [CARNET_RECORD_QUESTION] =
    "SELECT " QUESTION_COLUMNS " FROM questions WHERE id = ?1 AND trashed_utc IS NULL",
  [CARNET_RECORD_TREATMENT] =
    "SELECT " TREATMENT_COLUMNS " FROM treatments WHERE id = ?1 AND trashed_utc IS NULL",
};

/* Ranges are bound as ?1 (from, inclusive) and ?2 (to, exclusive), with the
 * extremes of the integer range when open. */
static const char *list_sql[] = {
  [CARNET_RECORD_APPOINTMENT] =
    "SELECT " APPOINTMENT_COLUMNS " FROM appointments"
    " WHERE trashed_utc IS NULL AND start_utc >= ?1 AND start_utc < ?2"
    " ORDER BY start_utc, id",
  [CARNET_RECORD_RESULT] =
    "SELECT " RESULT_COLUMNS " FROM " RESULT_FROM
    " WHERE r.trashed_utc IS NULL AND r.at_utc >= ?1 AND r.at_utc < ?2"
    " ORDER BY r.at_utc, r.id",
  [CARNET_RECORD_SIDE_EFFECT] =
    "SELECT " SIDE_EFFECT_COLUMNS " FROM " SIDE_EFFECT_FROM
    " WHERE s.trashed_utc IS NULL AND s.at_utc >= ?1 AND s.at_utc < ?2"
    " ORDER BY s.at_utc, s.id",
  [CARNET_RECORD_QUESTION] =
    "SELECT " QUESTION_COLUMNS " FROM questions"
    " WHERE trashed_utc IS NULL AND created_utc >= ?1 AND created_utc < ?2"
    " ORDER BY appointment_id IS NOT NULL, appointment_id, position, id",
  [CARNET_RECORD_TREATMENT] =
    "SELECT " TREATMENT_COLUMNS " FROM treatments"
    " WHERE trashed_utc IS NULL AND start_date >= ?3 AND start_date < ?4"
    " ORDER BY start_date, id",
};

static const char *list_trash_sql[] = {
  [CARNET_RECORD_APPOINTMENT] =
    "SELECT " APPOINTMENT_COLUMNS " FROM appointments WHERE trashed_utc IS NOT NULL",
  [CARNET_RECORD_RESULT] =
    "SELECT " RESULT_COLUMNS " FROM " RESULT_FROM " WHERE r.trashed_utc IS NOT NULL",
  [CARNET_RECORD_SIDE_EFFECT] =
    "SELECT " SIDE_EFFECT_COLUMNS " FROM " SIDE_EFFECT_FROM " WHERE s.trashed_utc IS NOT NULL",
  [CARNET_RECORD_QUESTION] =
    "SELECT " QUESTION_COLUMNS " FROM questions WHERE trashed_utc IS NOT NULL",
  [CARNET_RECORD_TREATMENT] =
    "SELECT " TREATMENT_COLUMNS " FROM treatments WHERE trashed_utc IS NOT NULL",
};

static const char *exists_sql[] = {
  [CARNET_RECORD_APPOINTMENT] = "SELECT 1 FROM appointments WHERE id = ?1 AND trashed_utc IS NULL",
  [CARNET_RECORD_RESULT] = "SELECT 1 FROM results WHERE id = ?1 AND trashed_utc IS NULL",
  [CARNET_RECORD_SIDE_EFFECT] = "SELECT 1 FROM side_effects WHERE id = ?1 AND trashed_utc IS NULL",
  [CARNET_RECORD_QUESTION] = "SELECT 1 FROM questions WHERE id = ?1 AND trashed_utc IS NULL",
  [CARNET_RECORD_TREATMENT] = "SELECT 1 FROM treatments WHERE id = ?1 AND trashed_utc IS NULL",
};

static void carnet_notebook_emit_changed (CarnetNotebook *self);

/* Statements and errors */

void
carnet_cached_stmt_reset (CarnetCachedStmt *stmt)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

/* What a failed SQLite call means for the person: what happened, and what
 * became of what they were saving. Every write is one transaction that is
 * rolled back on failure, so "nothing was saved" is true of every write. */
void
carnet_sqlite_set_error (GError     **error,
                  sqlite3     *db,
                  int          rc)
{
  int primary = rc & 0xff;
  const char *detail = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);

  g_debug ("SQLite error %d: %s", rc, detail);

  switch (primary)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, CARNET_ERROR, CARNET_ERROR_BUSY,
                   _("The notebook is busy in another program (carnet-cli or another Carnet window): nothing was saved; try again in a moment."));
      break;
    case SQLITE_READONLY:
      g_set_error (error, CARNET_ERROR, CARNET_ERROR_READ_ONLY,
                   _("The notebook is read-only: nothing was saved. Check that you may write to the file and its folder."));
      break;
    case SQLITE_FULL:
      g_set_error (error, CARNET_ERROR, CARNET_ERROR_DISK_FULL,
                   _("The disk is full: nothing was saved. Free some space and try again."));
      break;
    case SQLITE_IOERR:
      if (rc == SQLITE_IOERR_READ || rc == SQLITE_IOERR_SHORT_READ)
        g_set_error (error, CARNET_ERROR, CARNET_ERROR_IO,
                     _("The notebook could not be read (input/output error): the disk may be failing."));
      else
        g_set_error (error, CARNET_ERROR, CARNET_ERROR_IO,
                     _("The notebook could not be written (input/output error): nothing was saved. Check the disk and try again."));
      break;
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
      g_set_error (error, CARNET_ERROR, CARNET_ERROR_IO,
                   _("The notebook could not be opened (%s)."), detail);
      break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error (error, CARNET_ERROR, CARNET_ERROR_CORRUPT,
                   _("The notebook is damaged (%s). Restore it from a backup."), detail);
      break;
    default:
      g_set_error (error, CARNET_ERROR, CARNET_ERROR_FAILED,
                   _("The notebook could not be used (%s)."), detail);
      break;
    }
}

CarnetCachedStmt *
carnet_notebook_prepare (CarnetNotebook  *self,
         const char      *sql,
         GError         **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_assert (self->db != NULL);

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    return stmt;

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      carnet_sqlite_set_error (error, self->db, rc);
      return NULL;
    }

  g_hash_table_insert (self->statements, (gpointer)sql, stmt);
  return stmt;
}

static gboolean
exec_sql (CarnetNotebook  *self,
          const char      *sql,
          GError         **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      carnet_sqlite_set_error (error, self->db, rc);
      return FALSE;
    }

  return TRUE;
}

/* Runs a statement that returns no rows (or whose rows do not matter). */
gboolean
carnet_notebook_step_done (CarnetNotebook    *self,
           CarnetCachedStmt  *stmt,
           GError           **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    ;

  if (rc != SQLITE_DONE)
    {
      carnet_sqlite_set_error (error, self->db, rc);
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_writable (CarnetNotebook  *self,
                GError         **error)
{
  if (self->db == NULL)
    {
      g_set_error (error, CARNET_ERROR, CARNET_ERROR_FAILED, _("The notebook is closed."));
      return FALSE;
    }

  if (self->read_only)
    {
      g_set_error (error, CARNET_ERROR, CARNET_ERROR_READ_ONLY,
                   _("This notebook is open read-only."));
      return FALSE;
    }

  return TRUE;
}

/* Transactions: BEGIN IMMEDIATE takes the write lock at once, so a busy file
 * fails before anything is decided rather than at COMMIT. */
gboolean
carnet_notebook_begin_write (CarnetNotebook  *self,
             GError         **error)
{
  if (!check_writable (self, error))
    return FALSE;

  return exec_sql (self, "BEGIN IMMEDIATE", error);
}

gboolean
carnet_notebook_commit (CarnetNotebook  *self,
        GError         **error)
{
  if (!exec_sql (self, "COMMIT", error))
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }

  carnet_notebook_emit_changed (self);
  return TRUE;
}

void
carnet_notebook_rollback (CarnetNotebook *self)
{
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

/* Values in and out */

gint64
carnet_notebook_now_utc (CarnetNotebook *self)
{
  g_autoptr(GDateTime) now = carnet_clock_get_now (self->clock);

  return g_date_time_to_unix (now);
}

static void
bind_text (sqlite3_stmt *stmt,
           int           index,
           const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

static void
bind_double (sqlite3_stmt *stmt,
             int           index,
             double        value)
{
  if (isnan (value))
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_double (stmt, index, value);
}

static void
bind_id (sqlite3_stmt *stmt,
         int           index,
         gint64        id)
{
  if (id <= 0)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int64 (stmt, index, id);
}

static void
bind_time (sqlite3_stmt *stmt,
           int           index,
           GDateTime    *dt)
{
  if (dt == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int64 (stmt, index, g_date_time_to_unix (dt));
}

static void
bind_date (sqlite3_stmt *stmt,
           int           index,
           const GDate  *date)
{
  if (date == NULL || !g_date_valid (date))
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, carnet_date_format_iso (date), -1, g_free);
}

static void
bind_nick (sqlite3_stmt *stmt,
           int           index,
           GType         enum_type,
           int           value)
{
  sqlite3_bind_text (stmt, index, carnet_enum_to_nick (enum_type, value), -1, SQLITE_STATIC);
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           index)
{
  return (const char *)sqlite3_column_text (stmt, index);
}

static double
column_double (sqlite3_stmt *stmt,
               int           index)
{
  if (sqlite3_column_type (stmt, index) == SQLITE_NULL)
    return NAN;

  return sqlite3_column_double (stmt, index);
}

static GDateTime *
column_time (sqlite3_stmt *stmt,
             int           index,
             const char   *tzid)
{
  if (sqlite3_column_type (stmt, index) == SQLITE_NULL)
    return NULL;

  return carnet_time_from_unix (sqlite3_column_int64 (stmt, index), tzid);
}

static gboolean
column_date (sqlite3_stmt *stmt,
             int           index,
             GDate        *out)
{
  const char *text = column_text (stmt, index);

  g_date_clear (out, 1);
  return text != NULL && carnet_date_parse (text, "date", out, NULL);
}

static int
column_nick (sqlite3_stmt *stmt,
             int           index,
             GType         enum_type,
             int           fallback)
{
  int value;

  if (carnet_enum_from_nick (enum_type, column_text (stmt, index), &value))
    return value;

  return fallback;
}

static const char *
time_zone_of (GDateTime *dt)
{
  return carnet_time_zone_id ((GTimeZone *)g_date_time_get_timezone (dt));
}

/* Rows to records. Column order follows the *_COLUMNS macros. */

CarnetRecord *
carnet_appointment_from_row (sqlite3_stmt *stmt)
{
  CarnetAppointment *appointment = carnet_appointment_new ();
  const char *tzid = column_text (stmt, 4);
  g_autoptr(GDateTime) start = column_time (stmt, 3, tzid);
  g_autoptr(GDateTime) trashed = column_time (stmt, 13, NULL);
  const char *reminders = column_text (stmt, 11);

  carnet_record_set_id (CARNET_RECORD (appointment), sqlite3_column_int64 (stmt, 0));
  carnet_appointment_set_title (appointment, column_text (stmt, 1));
  carnet_appointment_set_kind (appointment,
                               column_nick (stmt, 2, CARNET_TYPE_APPOINTMENT_KIND,
                                            CARNET_APPOINTMENT_OTHER));
  carnet_appointment_set_start (appointment, start);
  carnet_appointment_set_all_day (appointment, sqlite3_column_int (stmt, 5) != 0);
  carnet_appointment_set_duration (appointment, (guint)MAX (0, sqlite3_column_int (stmt, 6)));
  carnet_appointment_set_location (appointment, column_text (stmt, 7));
  carnet_appointment_set_practitioner (appointment, column_text (stmt, 8));
  carnet_appointment_set_notes (appointment, column_text (stmt, 9));
  carnet_appointment_set_status (appointment,
                                 column_nick (stmt, 10, CARNET_TYPE_STATUS, CARNET_STATUS_PLANNED));
  if (!carnet_appointment_set_reminders (appointment, reminders ? reminders : "", NULL))
    g_debug ("Ignoring unreadable reminders “%s”", reminders);
  carnet_appointment_set_repeat (appointment, column_text (stmt, 12));
  carnet_record_set_trashed (CARNET_RECORD (appointment), trashed);

  return CARNET_RECORD (appointment);
}

static CarnetRecord *
result_from_row (sqlite3_stmt *stmt)
{
  CarnetResult *result = carnet_result_new ();
  const char *tzid = column_text (stmt, 8);
  g_autoptr(GDateTime) at = column_time (stmt, 7, tzid);
  g_autoptr(GDateTime) trashed = column_time (stmt, 12, NULL);

  carnet_record_set_id (CARNET_RECORD (result), sqlite3_column_int64 (stmt, 0));
  carnet_result_set_name (result, column_text (stmt, 1));
  carnet_result_set_value (result, column_double (stmt, 2));
  carnet_result_set_text (result, column_text (stmt, 3));
  carnet_result_set_unit (result, column_text (stmt, 4));
  carnet_result_set_low (result, column_double (stmt, 5));
  carnet_result_set_high (result, column_double (stmt, 6));
  carnet_result_set_at (result, at);
  carnet_result_set_appointment_id (result, sqlite3_column_int64 (stmt, 9));
  carnet_result_set_notes (result, column_text (stmt, 10));
  carnet_result_set_attachment_name (result, column_text (stmt, 11));
  carnet_record_set_trashed (CARNET_RECORD (result), trashed);

  return CARNET_RECORD (result);
}

static char *
cycle_from_row (sqlite3_stmt *stmt,
                GDateTime    *at)
{
  g_autoptr(CarnetTreatment) treatment = NULL;
  g_autoptr(GDate) day = NULL;
  GDate start, end;

  if (at == NULL || !column_date (stmt, 9, &start))
    return NULL;

  treatment = carnet_treatment_new ();
  carnet_treatment_set_start (treatment, &start);
  if (column_date (stmt, 10, &end))
    carnet_treatment_set_end (treatment, &end);
  carnet_treatment_set_cycle_days (treatment, (guint)MAX (0, sqlite3_column_int (stmt, 11)));
  carnet_treatment_set_cycles (treatment, (guint)MAX (0, sqlite3_column_int (stmt, 12)));

  day = carnet_date_from_time (at);
  return carnet_treatment_cycle_day (treatment, day);
}

static CarnetRecord *
side_effect_from_row (sqlite3_stmt *stmt)
{
  CarnetSideEffect *side_effect = carnet_side_effect_new ();
  const char *tzid = column_text (stmt, 5);
  g_autoptr(GDateTime) at = column_time (stmt, 3, tzid);
  g_autoptr(GDateTime) until = column_time (stmt, 4, tzid);
  g_autoptr(GDateTime) trashed = column_time (stmt, 8, NULL);
  g_autofree char *cycle = cycle_from_row (stmt, at);

  carnet_record_set_id (CARNET_RECORD (side_effect), sqlite3_column_int64 (stmt, 0));
  carnet_side_effect_set_symptom (side_effect, column_text (stmt, 1));
  carnet_side_effect_set_severity (side_effect, sqlite3_column_int (stmt, 2));
  carnet_side_effect_set_at (side_effect, at);
  carnet_side_effect_set_until (side_effect, until);
  carnet_side_effect_set_treatment_id (side_effect, sqlite3_column_int64 (stmt, 6));
  carnet_side_effect_set_notes (side_effect, column_text (stmt, 7));
  carnet_side_effect_set_cycle (side_effect, cycle);
  carnet_record_set_trashed (CARNET_RECORD (side_effect), trashed);

  return CARNET_RECORD (side_effect);
}

static CarnetRecord *
question_from_row (sqlite3_stmt *stmt)
{
  CarnetQuestion *question = carnet_question_new ();
  g_autoptr(GDateTime) created = column_time (stmt, 7, NULL);
  g_autoptr(GDateTime) trashed = column_time (stmt, 8, NULL);

  carnet_record_set_id (CARNET_RECORD (question), sqlite3_column_int64 (stmt, 0));
  carnet_question_set_text (question, column_text (stmt, 1));
  carnet_question_set_appointment_id (question, sqlite3_column_int64 (stmt, 2));
  carnet_question_set_author (question,
                              column_nick (stmt, 3, CARNET_TYPE_AUTHOR, CARNET_AUTHOR_PATIENT));
  carnet_question_set_status (question,
                              column_nick (stmt, 4, CARNET_TYPE_QUESTION_STATUS,
                                           CARNET_QUESTION_OPEN));
  carnet_question_set_answer (question, column_text (stmt, 5));
  carnet_question_set_position (question, (guint)MAX (0, sqlite3_column_int (stmt, 6)));
  carnet_question_set_created (question, created);
  carnet_record_set_trashed (CARNET_RECORD (question), trashed);

  return CARNET_RECORD (question);
}

static CarnetRecord *
treatment_from_row (sqlite3_stmt *stmt)
{
  CarnetTreatment *treatment = carnet_treatment_new ();
  g_autoptr(GDateTime) trashed = column_time (stmt, 8, NULL);
  GDate start, end;

  carnet_record_set_id (CARNET_RECORD (treatment), sqlite3_column_int64 (stmt, 0));
  carnet_treatment_set_name (treatment, column_text (stmt, 1));
  carnet_treatment_set_kind (treatment,
                             column_nick (stmt, 2, CARNET_TYPE_TREATMENT_KIND,
                                          CARNET_TREATMENT_OTHER));
  if (column_date (stmt, 3, &start))
    carnet_treatment_set_start (treatment, &start);
  if (column_date (stmt, 4, &end))
    carnet_treatment_set_end (treatment, &end);
  carnet_treatment_set_cycle_days (treatment, (guint)MAX (0, sqlite3_column_int (stmt, 5)));
  carnet_treatment_set_cycles (treatment, (guint)MAX (0, sqlite3_column_int (stmt, 6)));
  carnet_treatment_set_notes (treatment, column_text (stmt, 7));
  carnet_record_set_trashed (CARNET_RECORD (treatment), trashed);

  return CARNET_RECORD (treatment);
}

typedef CarnetRecord *(*RowReader) (sqlite3_stmt *stmt);

static const RowReader row_readers[] = {
  [CARNET_RECORD_APPOINTMENT] = carnet_appointment_from_row,
  [CARNET_RECORD_RESULT] = result_from_row,
  [CARNET_RECORD_SIDE_EFFECT] = side_effect_from_row,
  [CARNET_RECORD_QUESTION] = question_from_row,
  [CARNET_RECORD_TREATMENT] = treatment_from_row,
};

/* Reads every row of @stmt into @store; FALSE with @error on failure. */
static gboolean
read_rows (CarnetNotebook    *self,
           CarnetCachedStmt  *stmt,
           CarnetRecordKind   kind,
           GListStore        *store,
           GError           **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(CarnetRecord) record = row_readers[kind] (stmt);

      g_list_store_append (store, record);
    }

  if (rc != SQLITE_DONE)
    {
      carnet_sqlite_set_error (error, self->db, rc);
      return FALSE;
    }

  return TRUE;
}

/* Existence of linked records */

static gboolean
record_exists (CarnetNotebook    *self,
               CarnetRecordKind   kind,
               gint64             id,
               gboolean          *out_exists,
               GError           **error)
{
  g_autoptr(CarnetCachedStmt) stmt = carnet_notebook_prepare (self, exists_sql[kind], error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      carnet_sqlite_set_error (error, self->db, rc);
      return FALSE;
    }

  *out_exists = rc == SQLITE_ROW;
  return TRUE;
}

static void
set_not_found_error (GError           **error,
                     CarnetRecordKind   kind,
                     gint64             id)
{
  switch (kind)
    {
    case CARNET_RECORD_APPOINTMENT:
      g_set_error (error, CARNET_ERROR, CARNET_ERROR_NOT_FOUND,
                   _("There is no appointment %lld"), (long long) id);
      break;
    case CARNET_RECORD_RESULT:
      g_set_error (error, CARNET_ERROR, CARNET_ERROR_NOT_FOUND,
                   _("There is no result %lld"), (long long) id);
      break;
    case CARNET_RECORD_SIDE_EFFECT:
      g_set_error (error, CARNET_ERROR, CARNET_ERROR_NOT_FOUND,
                   _("There is no side effect %lld"), (long long) id);
      break;
    case CARNET_RECORD_QUESTION:
      g_set_error (error, CARNET_ERROR, CARNET_ERROR_NOT_FOUND,
                   _("There is no question %lld"), (long long) id);
      break;
    case CARNET_RECORD_TREATMENT:
    default:
      g_set_error (error, CARNET_ERROR, CARNET_ERROR_NOT_FOUND,
                   _("There is no treatment %lld"), (long long) id);
      break;
    }
}

/* A record may point at an appointment or a treatment: that one must be there
 * (and not in the trash) when the link is made. */
static gboolean
check_link (CarnetNotebook    *self,
            CarnetRecordKind   kind,
            gint64             id,
            const char        *field,
            GError           **error)
{
  gboolean exists = FALSE;

  if (id <= 0)
    return TRUE;

  if (!record_exists (self, kind, id, &exists, error))
    return FALSE;

  if (!exists)
    {
      if (kind == CARNET_RECORD_APPOINTMENT)
        carnet_set_field_error (error, field,
                                _("there is no appointment %lld"), (long long) id);
      else
        carnet_set_field_error (error, field,
                                _("there is no treatment %lld"), (long long) id);
      return FALSE;
    }

  return TRUE;
}

/* Writing records */

static gint64
last_occurrence_utc (CarnetAppointment *appointment,
                     gboolean          *out_unbounded)
{
  GDateTime *start = carnet_appointment_get_start (appointment);
  const char *repeat = carnet_appointment_get_repeat (appointment);
  g_autoptr(GPtrArray) starts = NULL;

  *out_unbounded = FALSE;

  if (repeat == NULL)
    return g_date_time_to_unix (start);

  if (!carnet_recurrence_is_finite (repeat))
    {
      *out_unbounded = TRUE;
      return 0;
    }

  starts = carnet_recurrence_expand (repeat, start, NULL, NULL, MAX_OCCURRENCES);
  if (starts->len == 0)
    return g_date_time_to_unix (start);

  return g_date_time_to_unix (g_ptr_array_index (starts, starts->len - 1));
}

static void
bind_appointment (sqlite3_stmt      *stmt,
                  CarnetAppointment *appointment,
                  gint64             now)
{
  GDateTime *start = carnet_appointment_get_start (appointment);
  const char *reminders = carnet_appointment_get_reminders (appointment);
  gboolean unbounded;
  gint64 last = last_occurrence_utc (appointment, &unbounded);

  bind_text (stmt, 1, carnet_appointment_get_title (appointment));
  bind_nick (stmt, 2, CARNET_TYPE_APPOINTMENT_KIND, carnet_appointment_get_kind (appointment));
  bind_time (stmt, 3, start);
  bind_text (stmt, 4, time_zone_of (start));
  sqlite3_bind_int (stmt, 5, carnet_appointment_get_all_day (appointment));
  sqlite3_bind_int (stmt, 6, (int)carnet_appointment_get_duration (appointment));
  bind_text (stmt, 7, carnet_appointment_get_location (appointment));
  bind_text (stmt, 8, carnet_appointment_get_practitioner (appointment));
  bind_text (stmt, 9, carnet_appointment_get_notes (appointment));
  bind_nick (stmt, 10, CARNET_TYPE_STATUS, carnet_appointment_get_status (appointment));
  bind_text (stmt, 11, reminders != NULL ? reminders : "");
  bind_text (stmt, 12, carnet_appointment_get_repeat (appointment));
  if (unbounded)
    sqlite3_bind_null (stmt, 13);
  else
    sqlite3_bind_int64 (stmt, 13, last);
  sqlite3_bind_int64 (stmt, 14, now);
}

static gboolean
store_attachment (CarnetNotebook  *self,
                  CarnetResult    *result,
                  gint64          *out_attachment_id,
                  GError         **error)
{
  GBytes *data = carnet_result_get_attachment_data (result);
  g_autoptr(CarnetCachedStmt) stmt = NULL;
  gsize size;
  gconstpointer bytes;

  *out_attachment_id = 0;
  if (data == NULL)
    return TRUE;

  stmt = carnet_notebook_prepare (self, "INSERT INTO attachments (name, data) VALUES (?1, ?2)", error);
  if (stmt == NULL)
    return FALSE;

  bytes = g_bytes_get_data (data, &size);
  bind_text (stmt, 1, carnet_result_get_attachment_name (result));
  sqlite3_bind_blob64 (stmt, 2, size > 0 ? bytes : "", size, SQLITE_STATIC);
  if (!carnet_notebook_step_done (self, stmt, error))
    return FALSE;

  *out_attachment_id = sqlite3_last_insert_rowid (self->db);
  return TRUE;
}

static void
bind_result (sqlite3_stmt *stmt,
             CarnetResult *result,
             gint64        now)
{
  GDateTime *at = carnet_result_get_at (result);

  bind_text (stmt, 1, carnet_result_get_name (result));
  bind_double (stmt, 2, carnet_result_get_value (result));
  bind_text (stmt, 3, carnet_result_has_value (result) ? NULL : carnet_result_get_text (result));
  bind_text (stmt, 4, carnet_result_get_unit (result));
  bind_double (stmt, 5, carnet_result_get_low (result));
  bind_double (stmt, 6, carnet_result_get_high (result));
  bind_time (stmt, 7, at);
  bind_text (stmt, 8, time_zone_of (at));
  bind_id (stmt, 9, carnet_result_get_appointment_id (result));
  bind_text (stmt, 10, carnet_result_get_notes (result));
  sqlite3_bind_int64 (stmt, 11, now);
}

static void
bind_side_effect (sqlite3_stmt     *stmt,
                  CarnetSideEffect *side_effect,
                  gint64            now)
{
  GDateTime *at = carnet_side_effect_get_at (side_effect);

  bind_text (stmt, 1, carnet_side_effect_get_symptom (side_effect));
  sqlite3_bind_int (stmt, 2, carnet_side_effect_get_severity (side_effect));
  bind_time (stmt, 3, at);
  bind_time (stmt, 4, carnet_side_effect_get_until (side_effect));
  bind_text (stmt, 5, time_zone_of (at));
  bind_id (stmt, 6, carnet_side_effect_get_treatment_id (side_effect));
  bind_text (stmt, 7, carnet_side_effect_get_notes (side_effect));
  sqlite3_bind_int64 (stmt, 8, now);
}

static void
bind_question (sqlite3_stmt   *stmt,
               CarnetQuestion *question,
               gint64          now)
{
  bind_text (stmt, 1, carnet_question_get_text (question));
  bind_id (stmt, 2, carnet_question_get_appointment_id (question));
  bind_nick (stmt, 3, CARNET_TYPE_AUTHOR, carnet_question_get_author (question));
  bind_nick (stmt, 4, CARNET_TYPE_QUESTION_STATUS, carnet_question_get_status (question));
  bind_text (stmt, 5, carnet_question_get_answer (question));
  sqlite3_bind_int (stmt, 6, (int)carnet_question_get_position (question));
  sqlite3_bind_int64 (stmt, 7, now);
}

static void
bind_treatment (sqlite3_stmt    *stmt,
                CarnetTreatment *treatment,
                gint64           now)
{
  bind_text (stmt, 1, carnet_treatment_get_name (treatment));
  bind_nick (stmt, 2, CARNET_TYPE_TREATMENT_KIND, carnet_treatment_get_kind (treatment));
  bind_date (stmt, 3, carnet_treatment_get_start (treatment));
  bind_date (stmt, 4, carnet_treatment_get_end (treatment));
  sqlite3_bind_int (stmt, 5, (int)carnet_treatment_get_cycle_days (treatment));
  sqlite3_bind_int (stmt, 6, (int)carnet_treatment_get_cycles (treatment));
  bind_text (stmt, 7, carnet_treatment_get_notes (treatment));
  sqlite3_bind_int64 (stmt, 8, now);
}

static gboolean
next_question_position (CarnetNotebook  *self,
                        gint64           appointment_id,
                        guint           *out_position,
                        GError         **error)
{
  g_autoptr(CarnetCachedStmt) stmt =
    carnet_notebook_prepare (self,
             "SELECT coalesce(max(position), 0) + 1 FROM questions"
             " WHERE appointment_id IS ?1 AND trashed_utc IS NULL",
             error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  bind_id (stmt, 1, appointment_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      carnet_sqlite_set_error (error, self->db, rc);
      return FALSE;
    }

  *out_position = (guint)sqlite3_column_int (stmt, 0);
  return TRUE;
}

/* Links and derived fields are checked inside the transaction, so nothing can
 * remove what they point at in between. */
static gboolean
check_record_links (CarnetNotebook  *self,
                    CarnetRecord    *record,
                    GError         **error)
{
  switch (carnet_record_get_kind (record))
    {
    case CARNET_RECORD_RESULT:
      return check_link (self, CARNET_RECORD_APPOINTMENT,
                         carnet_result_get_appointment_id (CARNET_RESULT (record)),
                         "appointment_id", error);
    case CARNET_RECORD_SIDE_EFFECT:
      return check_link (self, CARNET_RECORD_TREATMENT,
                         carnet_side_effect_get_treatment_id (CARNET_SIDE_EFFECT (record)),
                         "treatment_id", error);
    case CARNET_RECORD_QUESTION:
      return check_link (self, CARNET_RECORD_APPOINTMENT,
                         carnet_question_get_appointment_id (CARNET_QUESTION (record)),
                         "appointment_id", error);
    case CARNET_RECORD_APPOINTMENT:
    case CARNET_RECORD_TREATMENT:
    default:
      return TRUE;
    }
}

static gboolean
insert_record (CarnetNotebook  *self,
               CarnetRecord    *record,
               gint64           now,
               GError         **error)
{
  g_autoptr(CarnetCachedStmt) stmt = NULL;

  switch (carnet_record_get_kind (record))
    {
    case CARNET_RECORD_APPOINTMENT:
      stmt = carnet_notebook_prepare (self,
                      "INSERT INTO appointments (title, kind, start_utc, tzid, all_day, duration,"
                      " location, practitioner, notes, status, reminders, repeat, last_utc,"
                      " created_utc, modified_utc)"
                      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?14)",
                      error);
      if (stmt == NULL)
        return FALSE;
      bind_appointment (stmt, CARNET_APPOINTMENT (record), now);
      break;

    case CARNET_RECORD_RESULT:
      {
        gint64 attachment_id;

        if (!store_attachment (self, CARNET_RESULT (record), &attachment_id, error))
          return FALSE;

        stmt = carnet_notebook_prepare (self,
                        "INSERT INTO results (name, value, text, unit, low, high, at_utc, tzid,"
                        " appointment_id, notes, created_utc, modified_utc, attachment_id)"
                        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11, ?12)",
                        error);
        if (stmt == NULL)
          return FALSE;
        bind_result (stmt, CARNET_RESULT (record), now);
        bind_id (stmt, 12, attachment_id);
      }
      break;

    case CARNET_RECORD_SIDE_EFFECT:
      stmt = carnet_notebook_prepare (self,
                      "INSERT INTO side_effects (symptom, severity, at_utc, until_utc, tzid,"
                      " treatment_id, notes, created_utc, modified_utc)"
                      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
                      error);
      if (stmt == NULL)
        return FALSE;
      bind_side_effect (stmt, CARNET_SIDE_EFFECT (record), now);
      break;

    case CARNET_RECORD_QUESTION:
      {
        CarnetQuestion *question = CARNET_QUESTION (record);

        if (carnet_question_get_position (question) == 0)
          {
            guint position;

            if (!next_question_position (self, carnet_question_get_appointment_id (question),
                                         &position, error))
              return FALSE;
            carnet_question_set_position (question, position);
          }

        if (carnet_question_get_created (question) == NULL)
          {
            g_autoptr(GDateTime) created = carnet_clock_get_now (self->clock);

            carnet_question_set_created (question, created);
          }

        stmt = carnet_notebook_prepare (self,
                        "INSERT INTO questions (text, appointment_id, author, status, answer,"
                        " position, modified_utc, created_utc)"
                        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                        error);
        if (stmt == NULL)
          return FALSE;
        bind_question (stmt, question, now);
        bind_time (stmt, 8, carnet_question_get_created (question));
      }
      break;

    case CARNET_RECORD_TREATMENT:
    default:
      stmt = carnet_notebook_prepare (self,
                      "INSERT INTO treatments (name, kind, start_date, end_date, cycle_days,"
                      " cycles, notes, created_utc, modified_utc)"
                      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
                      error);
      if (stmt == NULL)
        return FALSE;
      bind_treatment (stmt, CARNET_TREATMENT (record), now);
      break;
    }

  if (!carnet_notebook_step_done (self, stmt, error))
    return FALSE;

  carnet_record_set_id (record, sqlite3_last_insert_rowid (self->db));
  return carnet_notebook_index_record (self, record, error);
}

static gboolean
update_attachment (CarnetNotebook  *self,
                   CarnetResult    *result,
                   GError         **error)
{
  g_autoptr(CarnetCachedStmt) stmt = NULL;
  gint64 attachment_id;

  /* New bytes replace the file; no name removes it; a name alone keeps it. */
  if (carnet_result_get_attachment_data (result) == NULL &&
      carnet_result_get_attachment_name (result) != NULL)
    return TRUE;

  if (!store_attachment (self, result, &attachment_id, error))
    return FALSE;

  stmt = carnet_notebook_prepare (self,
                  "UPDATE results SET attachment_id = ?2 WHERE id = ?1",
                  error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, carnet_record_get_id (CARNET_RECORD (result)));
  bind_id (stmt, 2, attachment_id);
  if (!carnet_notebook_step_done (self, stmt, error))
    return FALSE;

  g_clear_pointer (&stmt, carnet_cached_stmt_reset);
  stmt = carnet_notebook_prepare (self,
                  "DELETE FROM attachments WHERE id NOT IN"
                  " (SELECT attachment_id FROM results WHERE attachment_id IS NOT NULL)",
                  error);

  return stmt != NULL && carnet_notebook_step_done (self, stmt, error);
}

/* Open questions of a consultation that is over go to the next one. */
static gboolean
carry_questions_forward (CarnetNotebook  *self,
                         gint64           appointment_id,
                         GError         **error)
{
  g_autoptr(CarnetCachedStmt) stmt = NULL;
  gint64 next_id;
  guint position;

  next_id = carnet_notebook_next_consultation (self, error);
  if (next_id < 0)
    return FALSE;
  if (next_id == appointment_id)
    next_id = 0;

  if (!next_question_position (self, next_id, &position, error))
    return FALSE;

  stmt = carnet_notebook_prepare (self,
                  "UPDATE questions SET appointment_id = ?2, modified_utc = ?3,"
                  " position = ?4 + position"
                  " WHERE appointment_id = ?1 AND status = 'open' AND trashed_utc IS NULL",
                  error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, appointment_id);
  bind_id (stmt, 2, next_id);
  sqlite3_bind_int64 (stmt, 3, carnet_notebook_now_utc (self));
  sqlite3_bind_int (stmt, 4, (int)position - 1);

  return carnet_notebook_step_done (self, stmt, error);
}

static gboolean
update_record (CarnetNotebook  *self,
               CarnetRecord    *record,
               gint64           now,
               GError         **error)
{
  g_autoptr(CarnetCachedStmt) stmt = NULL;
  CarnetRecordKind kind = carnet_record_get_kind (record);
  gint64 id = carnet_record_get_id (record);
  gboolean exists = FALSE;
  int bind_id_at;

  if (!record_exists (self, kind, id, &exists, error))
    return FALSE;
  if (!exists)
    {
      set_not_found_error (error, kind, id);
      return FALSE;
    }

  switch (kind)
    {
    case CARNET_RECORD_APPOINTMENT:
      stmt = carnet_notebook_prepare (self,
                      "UPDATE appointments SET title = ?1, kind = ?2, start_utc = ?3, tzid = ?4,"
                      " all_day = ?5, duration = ?6, location = ?7, practitioner = ?8,"
                      " notes = ?9, status = ?10, reminders = ?11, repeat = ?12,"
                      " last_utc = ?13, modified_utc = ?14"
                      " WHERE id = ?15",
                      error);
      if (stmt == NULL)
        return FALSE;
      bind_appointment (stmt, CARNET_APPOINTMENT (record), now);
      bind_id_at = 15;
      break;

    case CARNET_RECORD_RESULT:
      if (!update_attachment (self, CARNET_RESULT (record), error))
        return FALSE;
      stmt = carnet_notebook_prepare (self,
                      "UPDATE results SET name = ?1, value = ?2, text = ?3, unit = ?4, low = ?5,"
                      " high = ?6, at_utc = ?7, tzid = ?8, appointment_id = ?9, notes = ?10,"
                      " modified_utc = ?11"
                      " WHERE id = ?12",
                      error);
      if (stmt == NULL)
        return FALSE;
      bind_result (stmt, CARNET_RESULT (record), now);
      bind_id_at = 12;
      break;

    case CARNET_RECORD_SIDE_EFFECT:
      stmt = carnet_notebook_prepare (self,
                      "UPDATE side_effects SET symptom = ?1, severity = ?2, at_utc = ?3,"
                      " until_utc = ?4, tzid = ?5, treatment_id = ?6, notes = ?7,"
                      " modified_utc = ?8"
                      " WHERE id = ?9",
                      error);
      if (stmt == NULL)
        return FALSE;
      bind_side_effect (stmt, CARNET_SIDE_EFFECT (record), now);
      bind_id_at = 9;
      break;

    case CARNET_RECORD_QUESTION:
      stmt = carnet_notebook_prepare (self,
                      "UPDATE questions SET text = ?1, appointment_id = ?2, author = ?3,"
                      " status = ?4, answer = ?5, position = ?6, modified_utc = ?7"
                      " WHERE id = ?8",
                      error);
      if (stmt == NULL)
        return FALSE;
      bind_question (stmt, CARNET_QUESTION (record), now);
      bind_id_at = 8;
      break;

    case CARNET_RECORD_TREATMENT:
    default:
      stmt = carnet_notebook_prepare (self,
                      "UPDATE treatments SET name = ?1, kind = ?2, start_date = ?3,"
                      " end_date = ?4, cycle_days = ?5, cycles = ?6, notes = ?7,"
                      " modified_utc = ?8"
                      " WHERE id = ?9",
                      error);
      if (stmt == NULL)
        return FALSE;
      bind_treatment (stmt, CARNET_TREATMENT (record), now);
      bind_id_at = 9;
      break;
    }

  sqlite3_bind_int64 (stmt, bind_id_at, id);
  if (!carnet_notebook_step_done (self, stmt, error) ||
      !carnet_notebook_index_record (self, record, error))
    return FALSE;

  if (kind == CARNET_RECORD_APPOINTMENT)
    {
      CarnetAppointment *appointment = CARNET_APPOINTMENT (record);

      if (carnet_appointment_get_kind (appointment) == CARNET_APPOINTMENT_CONSULTATION &&
          carnet_appointment_get_status (appointment) != CARNET_STATUS_PLANNED &&
          carnet_appointment_get_repeat (appointment) == NULL &&
          !carry_questions_forward (self, id, error))
        return FALSE;
    }

  return TRUE;
}

/* Derived fields a record shows after it is saved (the cycle day of a side
 * effect) are read back the way a list would read them. */
static gboolean
refresh_derived (CarnetNotebook  *self,
                 CarnetRecord    *record,
                 GError         **error)
{
  g_autoptr(CarnetRecord) stored = NULL;

  if (!CARNET_IS_SIDE_EFFECT (record))
    return TRUE;

  stored = carnet_notebook_get (self, CARNET_RECORD_SIDE_EFFECT,
                                carnet_record_get_id (record), error);
  if (stored == NULL)
    return FALSE;

  carnet_side_effect_set_cycle (CARNET_SIDE_EFFECT (record),
                                carnet_side_effect_get_cycle (CARNET_SIDE_EFFECT (stored)));
  return TRUE;
}

/* Meta */

static gboolean
read_meta (CarnetNotebook  *self,
           const char      *key,
           char           **out_value,
           GError         **error)
{
  g_autoptr(CarnetCachedStmt) stmt = carnet_notebook_prepare (self, "SELECT value FROM meta WHERE key = ?1", error);
  int rc;

  *out_value = NULL;
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out_value = g_strdup (column_text (stmt, 0));
  else if (rc != SQLITE_DONE)
    {
      carnet_sqlite_set_error (error, self->db, rc);
      return FALSE;
    }

  return TRUE;
}

static gboolean
write_meta (CarnetNotebook  *self,
            const char      *key,
            const char      *value,
            GError         **error)
{
  g_autoptr(CarnetCachedStmt) stmt = NULL;

  if (!carnet_notebook_begin_write (self, error))
    return FALSE;

  stmt = carnet_notebook_prepare (self,
                  "INSERT INTO meta (key, value) VALUES (?1, ?2)"
                  " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                  error);
  if (stmt == NULL)
    goto failed;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  bind_text (stmt, 2, value);
  if (!carnet_notebook_step_done (self, stmt, error))
    goto failed;

  g_clear_pointer (&stmt, carnet_cached_stmt_reset);
  return carnet_notebook_commit (self, error);

failed:
  carnet_notebook_rollback (self);
  return FALSE;
}

static gboolean
load_meta (CarnetNotebook  *self,
           GError         **error)
{
  g_autofree char *person = NULL;
  g_autofree char *reminders = NULL;

  if (!read_meta (self, "person", &person, error) ||
      !read_meta (self, "default-reminders", &reminders, error))
    return FALSE;

  g_free (self->person);
  self->person = person != NULL ? g_steal_pointer (&person) : g_strdup ("");

  g_free (self->default_reminders);
  self->default_reminders = reminders != NULL ? g_steal_pointer (&reminders) : g_strdup ("2h,1d");

  return TRUE;
}

/* Opening */

/* Reads the first bytes of a file through SQLite's own file layer. A plain
 * open() and close() here would drop every POSIX lock this process holds on
 * the file (that is what close() does), so another process could take a
 * notebook open in this one for unused, checkpoint it and delete its WAL from
 * under it; SQLite's layer defers such a close while locks are held. */
static gboolean
read_header (const char *path,
             guint8     *header,
             gsize       size,
             gssize     *out_n,
             gint64     *out_file_size,
             int        *out_errno)
{
  sqlite3_vfs *vfs = sqlite3_vfs_find (NULL);
  g_autofree char *full_path = g_malloc0 (vfs->mxPathname + 1);
  g_autofree sqlite3_file *file = g_malloc0 (vfs->szOsFile);
  sqlite3_int64 file_size = 0;
  int out_flags = 0;
  gsize n;
  int rc;

  if (vfs->xFullPathname (vfs, path, vfs->mxPathname + 1, full_path) != SQLITE_OK)
    {
      *out_errno = ENAMETOOLONG;
      return FALSE;
    }

  errno = 0;
  rc = vfs->xOpen (vfs, full_path, file, SQLITE_OPEN_READONLY | SQLITE_OPEN_MAIN_DB, &out_flags);
  if (rc != SQLITE_OK)
    {
      *out_errno = errno != 0 ? errno : EIO;
      if (file->pMethods != NULL)
        file->pMethods->xClose (file);
      return FALSE;
    }

  rc = file->pMethods->xFileSize (file, &file_size);
  n = rc == SQLITE_OK ? (gsize)CLAMP (file_size, 0, (sqlite3_int64)size) : 0;
  if (rc == SQLITE_OK && n > 0)
    rc = file->pMethods->xRead (file, header, (int)n, 0);
  file->pMethods->xClose (file);

  *out_n = rc == SQLITE_OK ? (gssize)n : -1;
  *out_file_size = file_size;
  return TRUE;
}

/* Whether the file holds fewer pages than its header says. The header's size
 * is trusted only when SQLite marks it as valid, and only without a WAL: in
 * a checkpoint the header can run ahead of the file, which the WAL then
 * completes (and likewise a hot rollback journal). A truncated file would otherwise open and fail here and there
 * when a missing page is read. */
static gboolean
is_truncated (const char   *path,
              const guint8 *header,
              gint64        file_size)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  GStatBuf wal_info;
  GStatBuf journal_info;
  guint32 page_size = (guint32)header[16] << 8 | (guint32)header[17];
  guint32 change_counter = (guint32)header[24] << 24 | (guint32)header[25] << 16 |
                           (guint32)header[26] << 8 | (guint32)header[27];
  guint32 n_pages = (guint32)header[28] << 24 | (guint32)header[29] << 16 |
                    (guint32)header[30] << 8 | (guint32)header[31];
  guint32 valid_for = (guint32)header[92] << 24 | (guint32)header[93] << 16 |
                      (guint32)header[94] << 8 | (guint32)header[95];

  if (page_size == 1)
    page_size = 65536;

  if (n_pages == 0 || valid_for != change_counter)
    return FALSE;

  /* A rollback journal left by a crash restores the pages SQLite wrote ahead
   * of the file's end, the same way. */
  if ((g_stat (wal, &wal_info) == 0 && wal_info.st_size > 0) ||
      (g_stat (journal, &journal_info) == 0 && journal_info.st_size > 0))
    return FALSE;

  return file_size < (gint64)n_pages * page_size;
}

/* Reads a notebook's header before SQLite opens it as a database, so a file
 * that is not ours is refused without being touched. */
static gboolean
check_header (const char  *path,
              gboolean     may_be_empty,
              gboolean    *out_empty,
              GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);
  guint8 header[100];
  guint32 application_id;
  guint32 user_version;
  gssize n = -1;
  gint64 file_size = 0;
  int saved_errno = 0;

  *out_empty = FALSE;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, CARNET_ERROR, CARNET_ERROR_NOT_FOUND,
                   _("Cannot open “%s”: %s"), display, g_strerror (ENOENT));
      return FALSE;
    }

  if (!read_header (path, header, sizeof header, &n, &file_size, &saved_errno))
    {
      g_set_error (error, CARNET_ERROR, CARNET_ERROR_IO,
                   _("Cannot open “%s”: %s"), display, g_strerror (saved_errno));
      return FALSE;
    }

  if (n == 0 && may_be_empty)
    {
      *out_empty = TRUE;
      return TRUE;
    }

  if (n < (ssize_t)sizeof header || memcmp (header, "SQLite format 3", 16) != 0)
    {
      g_set_error (error, CARNET_ERROR, CARNET_ERROR_FOREIGN_FILE,
                   _("“%s” is not a Carnet notebook."), display);
      return FALSE;
    }

  application_id = (guint32)header[68] << 24 | (guint32)header[69] << 16 |
                   (guint32)header[70] << 8 | (guint32)header[71];
  user_version = (guint32)header[60] << 24 | (guint32)header[61] << 16 |
                 (guint32)header[62] << 8 | (guint32)header[63];

  if (application_id != CARNET_APPLICATION_ID)
    {
      g_set_error (error, CARNET_ERROR, CARNET_ERROR_FOREIGN_FILE,
                   _("“%s” is a database, but not a Carnet notebook."), display);
      return FALSE;
    }

  if (user_version > CARNET_SCHEMA_VERSION)
    {
      g_set_error (error, CARNET_ERROR, CARNET_ERROR_NEWER_VERSION,
                   _("“%s” was written by a newer version of Carnet. Update Carnet to open it; the file was not changed."),
                   display);
      return FALSE;
    }

  if (is_truncated (path, header, file_size))
    {
      g_set_error (error, CARNET_ERROR, CARNET_ERROR_CORRUPT,
                   _("“%s” is damaged: the file is shorter than the notebook it holds, it was cut off."),
                   display);
      return FALSE;
    }

  return TRUE;
}

static gboolean
harden_connection (sqlite3  *db,
                   GError  **error)
{
  int rc;

  sqlite3_extended_result_codes (db, 1);
  sqlite3_busy_timeout (db, BUSY_TIMEOUT_MS);

  /* An opened file is untrusted input: no schema tricks, no extensions. */
  sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_DQS_DML, 0, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_DQS_DDL, 0, NULL);

  sqlite3_limit (db, SQLITE_LIMIT_LENGTH, CARNET_ATTACHMENT_MAX_BYTES + 1024);
  sqlite3_limit (db, SQLITE_LIMIT_SQL_LENGTH, 100000);
  sqlite3_limit (db, SQLITE_LIMIT_COLUMN, 100);
  sqlite3_limit (db, SQLITE_LIMIT_EXPR_DEPTH, 100);
  sqlite3_limit (db, SQLITE_LIMIT_COMPOUND_SELECT, 10);
  sqlite3_limit (db, SQLITE_LIMIT_VDBE_OP, 100000);
  sqlite3_limit (db, SQLITE_LIMIT_FUNCTION_ARG, 8);
  sqlite3_limit (db, SQLITE_LIMIT_ATTACHED, 0);
  sqlite3_limit (db, SQLITE_LIMIT_LIKE_PATTERN_LENGTH, 1000);
  sqlite3_limit (db, SQLITE_LIMIT_VARIABLE_NUMBER, 100);
  sqlite3_limit (db, SQLITE_LIMIT_TRIGGER_DEPTH, 10);

  rc = sqlite3_exec (db,
                     "PRAGMA trusted_schema = OFF;"
                     "PRAGMA cell_size_check = ON;"
                     "PRAGMA foreign_keys = ON;"
                     "PRAGMA secure_delete = ON;",
                     NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      carnet_sqlite_set_error (error, db, rc);
      return FALSE;
    }

  return TRUE;
}

/* CARNET_PROFILE_QUERIES=FILE (the benchmarks): each statement's run time in
 * microseconds, from its first step to its reset, on the wall clock and in
 * the thread's CPU time, and its SQL, on one line separated by tabs, appended
 * to FILE. (SQLite's own profile times are whole milliseconds.) */
static GPrivate profile_starts = G_PRIVATE_INIT ((GDestroyNotify) g_hash_table_unref);

static gint64
thread_cpu_time (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);
  return (gint64) now.tv_sec * G_USEC_PER_SEC + now.tv_nsec / 1000;
}

static int
on_statement_traced_cb (unsigned  type,
                        void     *file,
                        void     *stmt,
                        void     *data)
{
  GHashTable *starts = g_private_get (&profile_starts);
  gint64 *start;
  g_autofree char *sql = NULL;

  if (starts == NULL)
    {
      starts = g_hash_table_new_full (NULL, NULL, NULL, g_free);
      g_private_set (&profile_starts, starts);
    }

  /* A statement is traced again when its triggers run: keep its first start. */
  if (type == SQLITE_TRACE_STMT)
    {
      if (!g_hash_table_contains (starts, stmt))
        {
          start = g_new (gint64, 2);
          start[0] = g_get_monotonic_time ();
          start[1] = thread_cpu_time ();
          g_hash_table_insert (starts, stmt, start);
        }
      return 0;
    }

  start = g_hash_table_lookup (starts, stmt);
  sql = g_strdup (sqlite3_sql (stmt));
  if (start != NULL && sql != NULL)
    {
      g_strdelimit (sql, "\t\n", ' ');
      fprintf (file, "%" G_GINT64_FORMAT "\t%" G_GINT64_FORMAT "\t%s\n",
               g_get_monotonic_time () - start[0], thread_cpu_time () - start[1], sql);
    }
  g_hash_table_remove (starts, stmt);
  return 0;
}

static void
profile_queries (sqlite3 *db)
{
  static gsize file = 0;
  const char *path = g_getenv ("CARNET_PROFILE_QUERIES");

  if (path == NULL || *path == '\0')
    return;

  if (g_once_init_enter (&file))
    {
      FILE *opened = fopen (path, "ae");

      if (opened != NULL)
        setvbuf (opened, NULL, _IOLBF, 0);
      g_once_init_leave (&file, opened != NULL ? (gsize) opened : 1);
    }

  if (file != 1)
    sqlite3_trace_v2 (db, SQLITE_TRACE_STMT | SQLITE_TRACE_PROFILE, on_statement_traced_cb, (FILE *) file);
}

static gboolean
pragma_int (sqlite3     *db,
            const char  *sql,
            gint64      *out_value,
            GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *out_value = sqlite3_column_int64 (stmt, 0);
          rc = SQLITE_OK;
        }
    }

  if (rc != SQLITE_OK)
    {
      carnet_sqlite_set_error (error, db, rc);
      sqlite3_finalize (stmt);
      return FALSE;
    }

  sqlite3_finalize (stmt);
  return TRUE;
}

static gboolean
migrate (CarnetNotebook  *self,
         int              from_version,
         GError         **error)
{
  g_autofree char *set_version = NULL;

  if (!carnet_notebook_begin_write (self, error))
    return FALSE;

  for (int version = from_version + 1; version <= CARNET_SCHEMA_VERSION; version++)
    {
      g_debug ("Migrating %s to schema version %d", self->path, version);
      if (!exec_sql (self, migrations[version - 1], error))
        {
          g_prefix_error (error, _("Could not upgrade the notebook to version %d: "), version);
          carnet_notebook_rollback (self);
          return FALSE;
        }
    }

  /* PRAGMA takes no bound parameters; the numbers are ours, not input. */
  set_version = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d;",
                                 CARNET_APPLICATION_ID, CARNET_SCHEMA_VERSION);
  if (!exec_sql (self, set_version, error))
    {
      carnet_notebook_rollback (self);
      return FALSE;
    }

  if (!exec_sql (self, "COMMIT", error))
    {
      carnet_notebook_rollback (self);
      return FALSE;
    }

  self->schema_version = CARNET_SCHEMA_VERSION;
  return TRUE;
}

static gboolean
create_file (const char  *path,
             GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *display = g_filename_display_name (path);
  int fd;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, CARNET_ERROR, CARNET_ERROR_IO,
                   _("Cannot create the folder of “%s”: %s"), display, g_strerror (saved_errno));
      return FALSE;
    }

  /* SQLite would create it 0644; health data is for its owner only. SQLite
   * gives the -wal and -shm files the same mode as the notebook. */
  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;

      if (saved_errno == EEXIST)
        return TRUE;

      g_set_error (error, CARNET_ERROR, CARNET_ERROR_IO,
                   _("Cannot create “%s”: %s"), display, g_strerror (saved_errno));
      return FALSE;
    }

  close (fd);
  return TRUE;
}

/* A write refused on a read-only notebook leaves its -wal and -shm behind,
 * created with the notebook's mode, read-only too. Once the notebook is
 * writable again, SQLite would still open those read-only and refuse every
 * write: they get the notebook's owner-only mode back. */
static void
unlock_companions (const char *path)
{
  static const char * const suffixes[] = { "-wal", "-shm" };
  GStatBuf info;

  if (g_stat (path, &info) != 0 || info.st_uid != geteuid () || (info.st_mode & S_IWUSR) == 0)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *companion = g_strconcat (path, suffixes[i], NULL);
      GStatBuf companion_info;

      if (g_stat (companion, &companion_info) == 0 && companion_info.st_uid == geteuid () &&
          (companion_info.st_mode & S_IWUSR) == 0)
        g_chmod (companion, 0600);
    }
}

/* Whether automatic backups of the notebook at @path are there (see
 * carnet-backup.c: backups/<name>/<date>.carnet beside it). */
static gboolean
has_backups (const char *path)
{
  g_autofree char *folder = carnet_backup_dup_folder_for_path (path);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      if (name[0] != '.' && g_str_has_suffix (name, ".carnet"))
        return TRUE;
    }

  return FALSE;
}

static gboolean
open_database (CarnetNotebook   *self,
               CarnetOpenFlags   flags,
               GError          **error)
{
  g_autofree char *display = g_filename_display_name (self->path);
  gboolean read_only = (flags & CARNET_OPEN_FLAGS_READ_ONLY) != 0;
  gboolean create = (flags & CARNET_OPEN_FLAGS_CREATE) != 0 && !read_only;
  gboolean created = FALSE;
  gboolean empty = FALSE;
  gint64 application_id = 0;
  gint64 user_version = 0;
  int rc;

  if (create && !g_file_test (self->path, G_FILE_TEST_EXISTS))
    {
      if (!create_file (self->path, error))
        return FALSE;
      created = TRUE;
    }

  if (!check_header (self->path, create, &empty, error))
    return FALSE;

  /* An empty file that had backups was a notebook, cut off to nothing: it is
   * not made into a new one, which would hide what the backups hold. */
  if (empty && !created && has_backups (self->path))
    {
      g_set_error (error, CARNET_ERROR, CARNET_ERROR_CORRUPT,
                   _("“%s” is damaged: the file is empty, but it was a notebook with automatic backups."),
                   display);
      return FALSE;
    }

  if (!read_only)
    unlock_companions (self->path);

  rc = sqlite3_open_v2 (self->path, &self->db,
                        read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE,
                        NULL);
  if (rc != SQLITE_OK)
    {
      carnet_sqlite_set_error (error, self->db, rc);
      return FALSE;
    }

  if (!harden_connection (self->db, error))
    return FALSE;
  profile_queries (self->db);

  if (!empty)
    {
      /* The header on disk may lag behind the WAL: ask SQLite for the truth. */
      if (!pragma_int (self->db, "PRAGMA application_id", &application_id, error) ||
          !pragma_int (self->db, "PRAGMA user_version", &user_version, error))
        return FALSE;

      if (application_id != CARNET_APPLICATION_ID)
        {
          g_set_error (error, CARNET_ERROR, CARNET_ERROR_FOREIGN_FILE,
                       _("“%s” is a database, but not a Carnet notebook."), display);
          return FALSE;
        }

      if (user_version > CARNET_SCHEMA_VERSION)
        {
          g_set_error (error, CARNET_ERROR, CARNET_ERROR_NEWER_VERSION,
                       _("“%s” was written by a newer version of Carnet. Update Carnet to open it; the file was not changed."),
                       display);
          return FALSE;
        }
    }

  self->schema_version = (int)user_version;
  self->read_only = read_only;

  if (!read_only && !exec_sql (self, "PRAGMA synchronous = FULL", error))
    return FALSE;

  if (self->schema_version < CARNET_SCHEMA_VERSION)
    {
      if (read_only)
        {
          g_set_error (error, CARNET_ERROR, CARNET_ERROR_READ_ONLY,
                       _("“%s” was written by an older version of Carnet and must be upgraded, which cannot be done read-only."),
                       display);
          return FALSE;
        }

      /* A new file is laid out before WAL is turned on, so that its header
       * (application_id) is in the file itself for the next one to check. */
      if (!migrate (self, self->schema_version, error))
        return FALSE;
    }

  if (!read_only)
    {
      gint64 ignored;

      if (!pragma_int (self->db, "PRAGMA journal_mode = WAL", &ignored, error))
        return FALSE;
    }

  if (!pragma_int (self->db, "PRAGMA data_version", &self->data_version, error))
    return FALSE;

  return load_meta (self, error);
}

/* Watching for other processes */

static void
carnet_notebook_emit_changed (CarnetNotebook *self)
{
  gint64 version;

  /* Our own carnet_notebook_commit does not move data_version; note it so that the file
   * monitor's echo of it is not taken for someone else's change. */
  if (pragma_int (self->db, "PRAGMA data_version", &version, NULL))
    self->data_version = version;

  g_signal_emit (self, signals[CHANGED], 0);
}

static gboolean
on_change_timeout_cb (gpointer user_data)
{
  CarnetNotebook *self = user_data;

  self->change_timeout_id = 0;
  carnet_notebook_poll_changes (self);

  return G_SOURCE_REMOVE;
}

static void
on_file_changed_cb (GFileMonitor      *monitor,
                    GFile             *file,
                    GFile             *other_file,
                    GFileMonitorEvent  event,
                    gpointer           user_data)
{
  CarnetNotebook *self = user_data;

  if (self->change_timeout_id == 0)
    self->change_timeout_id = g_timeout_add (CHANGE_DEBOUNCE_MS, on_change_timeout_cb, self);
}

static GFileMonitor *
monitor_file (CarnetNotebook *self,
              const char     *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GFileMonitor *monitor;

  monitor = g_file_monitor_file (file, G_FILE_MONITOR_NONE, NULL, &error);
  if (monitor == NULL)
    {
      g_warning ("Cannot watch %s for changes: %s", path, error->message);
      return NULL;
    }

  g_signal_connect_object (monitor, "changed", G_CALLBACK (on_file_changed_cb), self, 0);
  return monitor;
}

/* GObject */

static void
carnet_notebook_dispose (GObject *object)
{
  CarnetNotebook *self = (CarnetNotebook *)object;

  carnet_notebook_close (self);

  G_OBJECT_CLASS (carnet_notebook_parent_class)->dispose (object);
}

static void
carnet_notebook_finalize (GObject *object)
{
  CarnetNotebook *self = (CarnetNotebook *)object;

  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->person, g_free);
  g_clear_pointer (&self->default_reminders, g_free);
  g_clear_object (&self->clock);

  G_OBJECT_CLASS (carnet_notebook_parent_class)->finalize (object);
}

static void
carnet_notebook_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CarnetNotebook *self = CARNET_NOTEBOOK (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case PROP_PERSON:
      g_value_set_string (value, carnet_notebook_get_person (self));
      break;
    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
carnet_notebook_class_init (CarnetNotebookClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = carnet_notebook_dispose;
  object_class->finalize = carnet_notebook_finalize;
  object_class->get_property = carnet_notebook_get_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_PERSON] =
    g_param_spec_string ("person", NULL, NULL,
                         "",
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CarnetNotebook::changed:
   *
   * Something in the notebook changed: through this object, or through
   * another process (carnet-cli, the app) once carnet_notebook_watch() runs.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
finalize_stmt (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
carnet_notebook_init (CarnetNotebook *self)
{
  self->statements = g_hash_table_new_full (NULL, NULL, NULL, finalize_stmt);
}

/* Public API */

/**
 * carnet_notebook_default_path:
 *
 * Returns: (transfer full): `$XDG_DATA_HOME/carnet/notebook.carnet`
 */
char *
carnet_notebook_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "carnet", "notebook.carnet", NULL);
}

/**
 * carnet_notebook_open:
 * @path: the notebook file
 * @flags: whether to create it, or to open it read-only
 * @clock: (nullable): the clock to ask for the time; %NULL for the system's
 *
 * Opens a notebook, creating it (0600, in a 0700 folder) if asked and needed,
 * and upgrading an older one. A file that is not a notebook, or one from a
 * newer Carnet, is refused and left untouched.
 *
 * Returns: (transfer full): the notebook, or %NULL with @error set
 */
CarnetNotebook *
carnet_notebook_open (const char       *path,
                      CarnetOpenFlags   flags,
                      CarnetClock      *clock,
                      GError          **error)
{
  g_autoptr(CarnetNotebook) self = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (clock == NULL || CARNET_IS_CLOCK (clock), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (CARNET_TYPE_NOTEBOOK, NULL);
  self->path = g_strdup (path);
  self->clock = clock != NULL ? g_object_ref (clock) : carnet_clock_new_system ();

  if (!open_database (self, flags, error))
    {
      carnet_notebook_close (self);
      return NULL;
    }

  return g_steal_pointer (&self);
}

const char *
carnet_notebook_get_path (CarnetNotebook *self)
{
  g_return_val_if_fail (CARNET_IS_NOTEBOOK (self), NULL);

  return self->path;
}

gboolean
carnet_notebook_get_read_only (CarnetNotebook *self)
{
  g_return_val_if_fail (CARNET_IS_NOTEBOOK (self), TRUE);

  return self->read_only;
}

/**
 * carnet_notebook_get_clock:
 *
 * Returns: (transfer none): the clock the notebook asks for the time
 */
CarnetClock *
carnet_notebook_get_clock (CarnetNotebook *self)
{
  g_return_val_if_fail (CARNET_IS_NOTEBOOK (self), NULL);

  return self->clock;
}

int
carnet_notebook_get_schema_version (CarnetNotebook *self)
{
  g_return_val_if_fail (CARNET_IS_NOTEBOOK (self), 0);

  return self->schema_version;
}

/**
 * carnet_notebook_close:
 *
 * Closes the file. Every later call fails; closing twice is harmless.
 */
void
carnet_notebook_close (CarnetNotebook *self)
{
  g_return_if_fail (CARNET_IS_NOTEBOOK (self));

  g_clear_handle_id (&self->change_timeout_id, g_source_remove);
  if (self->db_monitor != NULL)
    g_file_monitor_cancel (self->db_monitor);
  if (self->wal_monitor != NULL)
    g_file_monitor_cancel (self->wal_monitor);
  g_clear_object (&self->db_monitor);
  g_clear_object (&self->wal_monitor);

  if (self->statements != NULL)
    g_hash_table_remove_all (self->statements);

  if (self->db != NULL)
    {
      sqlite3_close_v2 (self->db);
      self->db = NULL;
    }
}

const char *
carnet_notebook_get_person (CarnetNotebook *self)
{
  g_return_val_if_fail (CARNET_IS_NOTEBOOK (self), NULL);

  return self->person != NULL ? self->person : "";
}

/**
 * carnet_notebook_set_person:
 * @person: whose notebook this is, as it should appear in titles and
 *   notifications
 */
gboolean
carnet_notebook_set_person (CarnetNotebook  *self,
                            const char      *person,
                            GError         **error)
{
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (CARNET_IS_NOTEBOOK (self), FALSE);
  g_return_val_if_fail (person != NULL, FALSE);

  if (!g_utf8_validate (person, -1, NULL))
    {
      carnet_set_field_error (error, "person", _("is not valid text"));
      return FALSE;
    }

  stripped = g_strstrip (g_strdup (person));
  if (g_utf8_strlen (stripped, -1) > 200)
    {
      carnet_set_field_error (error, "person", _("must not be longer than %d characters"), 200);
      return FALSE;
    }

  if (g_strcmp0 (stripped, self->person) == 0)
    return TRUE;

  if (!write_meta (self, "person", stripped, error))
    return FALSE;

  g_free (self->person);
  self->person = g_steal_pointer (&stripped);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSON]);

  return TRUE;
}

const char *
carnet_notebook_get_default_reminders (CarnetNotebook *self)
{
  g_return_val_if_fail (CARNET_IS_NOTEBOOK (self), NULL);

  return self->default_reminders;
}

/**
 * carnet_notebook_set_default_reminders:
 * @offsets: an offsets list as carnet_offsets_parse() reads it
 */
gboolean
carnet_notebook_set_default_reminders (CarnetNotebook  *self,
                                       const char      *offsets,
                                       GError         **error)
{
  g_autoptr(GArray) parsed = NULL;
  g_autofree char *canonical = NULL;

  g_return_val_if_fail (CARNET_IS_NOTEBOOK (self), FALSE);

  parsed = carnet_offsets_parse (offsets, "remind", error);
  if (parsed == NULL)
    return FALSE;

  canonical = carnet_offsets_to_string (parsed);
  if (!write_meta (self, "default-reminders", canonical, error))
    return FALSE;

  g_free (self->default_reminders);
  self->default_reminders = g_steal_pointer (&canonical);

  return TRUE;
}

/**
 * carnet_notebook_add:
 * @record: a new record (id 0); it gets its id
 *
 * Validates @record and saves it, durably, in one transaction.
 */
gboolean
carnet_notebook_add (CarnetNotebook  *self,
                     CarnetRecord    *record,
                     GError         **error)
{
  g_return_val_if_fail (CARNET_IS_NOTEBOOK (self), FALSE);
  g_return_val_if_fail (CARNET_IS_RECORD (record), FALSE);
  g_return_val_if_fail (carnet_record_get_id (record) == 0, FALSE);

  if (!carnet_record_validate (record, error))
    return FALSE;

  if (!carnet_notebook_begin_write (self, error))
    return FALSE;

  if (!check_record_links (self, record, error) ||
      !insert_record (self, record, carnet_notebook_now_utc (self), error))
    {
      carnet_notebook_rollback (self);
      carnet_record_set_id (record, 0);
      return FALSE;
    }

  if (!carnet_notebook_commit (self, error))
    {
      carnet_record_set_id (record, 0);
      return FALSE;
    }

  return refresh_derived (self, record, error);
}

/**
 * carnet_notebook_add_in_transaction:
 * @record: a new record (id 0); it gets its id
 *
 * Validates @record and saves it inside the transaction the caller began with
 * carnet_notebook_begin_write(), for bulk writers (the benchmarks' generator)
 * that save many records in one transaction. Durable at the caller's commit.
 */
gboolean
carnet_notebook_add_in_transaction (CarnetNotebook  *self,
                                    CarnetRecord    *record,
                                    GError         **error)
{
  g_assert (!sqlite3_get_autocommit (self->db));

  if (!carnet_record_validate (record, error) ||
      !check_record_links (self, record, error) ||
      !insert_record (self, record, carnet_notebook_now_utc (self), error))
    {
      carnet_record_set_id (record, 0);
      return FALSE;
    }

  return TRUE;
}

/**
 * carnet_notebook_update:
 * @record: a record read from this notebook, changed
 *
 * Writes every field of @record, in one transaction. When a consultation is
 * done, cancelled or missed, its open questions move to the next one.
 */
gboolean
carnet_notebook_update (CarnetNotebook  *self,
                        CarnetRecord    *record,
                        GError         **error)
{
  g_return_val_if_fail (CARNET_IS_NOTEBOOK (self), FALSE);
  g_return_val_if_fail (CARNET_IS_RECORD (record), FALSE);
  g_return_val_if_fail (carnet_record_get_id (record) > 0, FALSE);

  if (!carnet_record_validate (record, error))
    return FALSE;

  if (!carnet_notebook_begin_write (self, error))
    return FALSE;

  if (!check_record_links (self, record, error) ||
      !update_record (self, record, carnet_notebook_now_utc (self), error))
    {
      carnet_notebook_rollback (self);
      return FALSE;
    }

  if (!carnet_notebook_commit (self, error))
    return FALSE;

  return refresh_derived (self, record, error);
}

/**
 * carnet_notebook_get:
 *
 * Returns: (transfer full): the record, or %NULL with %CARNET_ERROR_NOT_FOUND
 *   when there is none (or it is in the trash)
 */
CarnetRecord *
carnet_notebook_get (CarnetNotebook    *self,
                     CarnetRecordKind   kind,
                     gint64             id,
                     GError           **error)
{
  g_autoptr(CarnetCachedStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (CARNET_IS_NOTEBOOK (self), NULL);
  g_return_val_if_fail (kind < CARNET_N_RECORD_KINDS, NULL);

  stmt = carnet_notebook_prepare (self, get_sql[kind], error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return row_readers[kind] (stmt);

  if (rc == SQLITE_DONE)
    set_not_found_error (error, kind, id);
  else
    carnet_sqlite_set_error (error, self->db, rc);

  return NULL;
}

/**
 * carnet_notebook_list:
 * @from: (nullable): the earliest date of interest
 * @to: (nullable): the end of the range (excluded)
 *
 * Appointments by start, results and side effects by date, questions by
 * consultation ("next consultation" first) and position, treatments by start
 * (on dates). Questions are filtered on when they were written.
 *
 * Returns: (transfer full): a list model of #CarnetRecord
 */
GListModel *
carnet_notebook_list (CarnetNotebook    *self,
                      CarnetRecordKind   kind,
                      GDateTime         *from,
                      GDateTime         *to,
                      GError           **error)
{
  g_autoptr(GListStore) store = NULL;
  g_autoptr(CarnetCachedStmt) stmt = NULL;

  g_return_val_if_fail (CARNET_IS_NOTEBOOK (self), NULL);
  g_return_val_if_fail (kind < CARNET_N_RECORD_KINDS, NULL);

  stmt = carnet_notebook_prepare (self, list_sql[kind], error);
  if (stmt == NULL)
    return NULL;

  if (kind == CARNET_RECORD_TREATMENT)
    {
      g_autoptr(GDate) from_date = from ? carnet_date_from_time (from) : NULL;
      g_autoptr(GDate) to_date = to ? carnet_date_from_time (to) : NULL;

      if (from_date != NULL)
        bind_date (stmt, 3, from_date);
      else
        sqlite3_bind_text (stmt, 3, "", -1, SQLITE_STATIC);
      if (to_date != NULL)
        bind_date (stmt, 4, to_date);
      else
        sqlite3_bind_text (stmt, 4, "~", -1, SQLITE_STATIC);
    }
  else
    {
      sqlite3_bind_int64 (stmt, 1, from ? g_date_time_to_unix (from) : G_MININT64);
      sqlite3_bind_int64 (stmt, 2, to ? g_date_time_to_unix (to) : G_MAXINT64);
    }

  store = g_list_store_new (carnet_record_kind_get_gtype (kind));
  if (!read_rows (self, stmt, kind, store, error))
    return NULL;

  return G_LIST_MODEL (g_steal_pointer (&store));
}

/**
 * carnet_notebook_list_questions_for:
 * @appointment_id: a consultation, 0 for "the next consultation"
 * @limit: at most this many
 * @out_total: (out) (optional): how many questions the consultation has
 *
 * The first questions of a consultation in their order (by position): a
 * consultation with hundreds of questions is shown a few at a time.
 *
 * Returns: (transfer full): a list of #CarnetQuestion, or %NULL with @error set
 */
GListModel *
carnet_notebook_list_questions_for (CarnetNotebook  *self,
                                    gint64           appointment_id,
                                    guint            limit,
                                    guint           *out_total,
                                    GError         **error)
{
  g_autoptr(GListStore) store = NULL;
  g_autoptr(CarnetCachedStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (CARNET_IS_NOTEBOOK (self), NULL);

  /* questions_appointment is in this order. */
  stmt = carnet_notebook_prepare (self,
                                  "SELECT " QUESTION_COLUMNS " FROM questions"
                                  " WHERE appointment_id IS ?1 AND trashed_utc IS NULL"
                                  " ORDER BY position, id LIMIT ?2",
                                  error);
  if (stmt == NULL)
    return NULL;
  bind_id (stmt, 1, appointment_id);
  sqlite3_bind_int64 (stmt, 2, limit);

  store = g_list_store_new (CARNET_TYPE_QUESTION);
  if (!read_rows (self, stmt, CARNET_RECORD_QUESTION, store, error))
    return NULL;
  g_clear_pointer (&stmt, carnet_cached_stmt_reset);

  if (out_total == NULL)
    return G_LIST_MODEL (g_steal_pointer (&store));

  if (g_list_model_get_n_items (G_LIST_MODEL (store)) < limit)
    {
      *out_total = g_list_model_get_n_items (G_LIST_MODEL (store));
      return G_LIST_MODEL (g_steal_pointer (&store));
    }

  stmt = carnet_notebook_prepare (self,
                                  "SELECT count(*) FROM questions"
                                  " WHERE appointment_id IS ?1 AND trashed_utc IS NULL",
                                  error);
  if (stmt == NULL)
    return NULL;
  bind_id (stmt, 1, appointment_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      carnet_sqlite_set_error (error, self->db, rc);
      return NULL;
    }
  *out_total = (guint) sqlite3_column_int64 (stmt, 0);

  return G_LIST_MODEL (g_steal_pointer (&store));
}

/**
 * carnet_notebook_locate_question:
 * @out_appointment_id: (out) (optional): its consultation, 0 for "the next
 *   consultation"
 * @out_index: (out) (optional): its place among the questions of that
 *   consultation, from 0, in carnet_notebook_list_questions_for()'s order
 *
 * Where a question is, to show it in a consultation shown a few questions at
 * a time.
 *
 * Returns: %FALSE with @error set (%CARNET_ERROR_NOT_FOUND when it is not in
 *   the notebook or in the trash)
 */
gboolean
carnet_notebook_locate_question (CarnetNotebook  *self,
                                 gint64           question_id,
                                 gint64          *out_appointment_id,
                                 guint           *out_index,
                                 GError         **error)
{
  g_autoptr(CarnetCachedStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (CARNET_IS_NOTEBOOK (self), FALSE);

  stmt = carnet_notebook_prepare (self,
                                  "SELECT coalesce (q.appointment_id, 0),"
                                  "  (SELECT count(*) FROM questions o"
                                  "   WHERE o.appointment_id IS q.appointment_id AND o.trashed_utc IS NULL"
                                  "   AND (o.position, o.id) < (q.position, q.id))"
                                  " FROM questions q WHERE q.id = ?1 AND q.trashed_utc IS NULL",
                                  error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, question_id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      set_not_found_error (error, CARNET_RECORD_QUESTION, question_id);
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    {
      carnet_sqlite_set_error (error, self->db, rc);
      return FALSE;
    }

  if (out_appointment_id != NULL)
    *out_appointment_id = sqlite3_column_int64 (stmt, 0);
  if (out_index != NULL)
    *out_index = (guint) sqlite3_column_int64 (stmt, 1);

  return TRUE;
}

/**
 * carnet_notebook_list_questions_after:
 * @after_id: the newest question already known; %G_MAXINT64 for none
 * @limit: at most this many, the newest
 * @out_newest_id: (out) (optional): the newest question id there is (0 when
 *   there is none), for the next call
 *
 * The questions (out of the trash) written since @after_id was the newest,
 * newest first: a page that shows a few questions of each consultation shows
 * those just written too, wherever they are.
 *
 * Returns: (transfer full): a list of #CarnetQuestion, or %NULL with @error set
 */
GListModel *
carnet_notebook_list_questions_after (CarnetNotebook  *self,
                                      gint64           after_id,
                                      guint            limit,
                                      gint64          *out_newest_id,
                                      GError         **error)
{
  g_autoptr(GListStore) store = NULL;
  g_autoptr(CarnetCachedStmt) stmt = NULL;

  g_return_val_if_fail (CARNET_IS_NOTEBOOK (self), NULL);

  if (out_newest_id != NULL)
    {
      int rc;

      stmt = carnet_notebook_prepare (self, "SELECT coalesce (max (id), 0) FROM questions", error);
      if (stmt == NULL)
        return NULL;
      rc = sqlite3_step (stmt);
      if (rc != SQLITE_ROW)
        {
          carnet_sqlite_set_error (error, self->db, rc);
          return NULL;
        }
      *out_newest_id = sqlite3_column_int64 (stmt, 0);
      g_clear_pointer (&stmt, carnet_cached_stmt_reset);
    }

  stmt = carnet_notebook_prepare (self,
                                  "SELECT " QUESTION_COLUMNS " FROM questions"
                                  " WHERE id > ?1 AND trashed_utc IS NULL ORDER BY id DESC LIMIT ?2",
                                  error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, after_id);
  sqlite3_bind_int64 (stmt, 2, limit);

  store = g_list_store_new (CARNET_TYPE_QUESTION);
  if (!read_rows (self, stmt, CARNET_RECORD_QUESTION, store, error))
    return NULL;

  return G_LIST_MODEL (g_steal_pointer (&store));
}

/**
 * carnet_notebook_list_asked_consultations:
 * @limit: at most this many
 *
 * The appointments (out of the trash) with questions (out of the trash), the
 * latest first: the past consultations and their questions, a few at a time.
 *
 * Returns: (transfer full) (element-type gint64): appointment ids, or %NULL
 *   with @error set
 */
GArray *
carnet_notebook_list_asked_consultations (CarnetNotebook  *self,
                                          guint            limit,
                                          GError         **error)
{
  g_autoptr(CarnetCachedStmt) stmt = NULL;
  g_autoptr(GArray) ids = NULL;
  int rc;

  g_return_val_if_fail (CARNET_IS_NOTEBOOK (self), NULL);
  /* Back from the latest appointment, each looked up in the questions'
   * index, until there are enough: reading every consultation with
   * questions to sort them would take longer. */
  stmt = carnet_notebook_prepare (self,
                                  "SELECT a.id FROM appointments a INDEXED BY appointments_live_start"
                                  " WHERE a.trashed_utc IS NULL AND EXISTS (SELECT 1 FROM questions q"
                                  "   WHERE q.appointment_id = a.id AND q.trashed_utc IS NULL)"
                                  " ORDER BY a.start_utc DESC, a.id DESC LIMIT ?1",
                                  error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, limit);

  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      carnet_sqlite_set_error (error, self->db, rc);
      return NULL;
    }

  return g_steal_pointer (&ids);
}

static int
compare_occurrences (gconstpointer a,
                     gconstpointer b,
                     gpointer      user_data)
{
  CarnetOccurrence *oa = (CarnetOccurrence *)a;
  CarnetOccurrence *ob = (CarnetOccurrence *)b;
  int cmp = g_date_time_compare (carnet_occurrence_get_start (oa), carnet_occurrence_get_start (ob));
  gint64 ida, idb;

  if (cmp != 0)
    return cmp;

  ida = carnet_record_get_id (CARNET_RECORD (carnet_occurrence_get_appointment (oa)));
  idb = carnet_record_get_id (CARNET_RECORD (carnet_occurrence_get_appointment (ob)));
  return ida < idb ? -1 : ida > idb;
}

static gboolean
read_occurrence_statuses (CarnetNotebook  *self,
                          gint64           appointment_id,
                          GHashTable      *statuses,
                          GError         **error)
{
  g_autoptr(CarnetCachedStmt) stmt =
    carnet_notebook_prepare (self,
             "SELECT start_utc, status FROM occurrence_status WHERE appointment_id = ?1",
             error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, appointment_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int status = column_nick (stmt, 1, CARNET_TYPE_STATUS, CARNET_STATUS_PLANNED);
      gint64 *start = g_new (gint64, 1);

      *start = sqlite3_column_int64 (stmt, 0);
      g_hash_table_insert (statuses, start, GINT_TO_POINTER (status + 1));
    }

  if (rc != SQLITE_DONE)
    {
      carnet_sqlite_set_error (error, self->db, rc);
      return FALSE;
    }

  return TRUE;
}

/* The occurrences within [@from, @to) of the appointments @stmt reads
 * (bound: ?1 and ?2 as carnet_notebook_agenda() binds them), by start. */
static GListModel *
read_agenda (CarnetNotebook    *self,
             CarnetCachedStmt  *stmt,
             GDateTime         *from,
             GDateTime         *to,
             GError           **error)
{
  g_autoptr(GListStore) appointments = NULL;
  g_autoptr(GListStore) occurrences = NULL;

  /* The end of the last occurrence, matching the index appointments_live_end,
   * a day before @from. */
  sqlite3_bind_int64 (stmt, 1, from ? g_date_time_to_unix (from) - 86400 : G_MININT64 / 2);
  sqlite3_bind_int64 (stmt, 2, to ? g_date_time_to_unix (to) : G_MAXINT64);

  appointments = g_list_store_new (CARNET_TYPE_APPOINTMENT);
  if (!read_rows (self, stmt, CARNET_RECORD_APPOINTMENT, appointments, error))
    return NULL;
  carnet_cached_stmt_reset (stmt);

  occurrences = g_list_store_new (CARNET_TYPE_OCCURRENCE);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (appointments)); i++)
    {
      g_autoptr(CarnetAppointment) appointment = g_list_model_get_item (G_LIST_MODEL (appointments), i);
      g_autoptr(GHashTable) statuses = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      g_autoptr(GPtrArray) starts = NULL;
      g_autoptr(GDateTime) expand_from = NULL;
      GDateTime *start = carnet_appointment_get_start (appointment);
      const char *repeat = carnet_appointment_get_repeat (appointment);
      guint duration = carnet_appointment_get_duration (appointment);

      /* An occurrence that began before @from but is not over counts. */
      if (from != NULL)
        expand_from = g_date_time_add_minutes (from, -(int)MAX (duration, carnet_appointment_get_all_day (appointment) ? 24 * 60 : 0));

      starts = carnet_recurrence_expand (repeat, start, expand_from, to, 0);

      if (repeat != NULL && starts->len > 0 &&
          !read_occurrence_statuses (self, carnet_record_get_id (CARNET_RECORD (appointment)),
                                     statuses, error))
        return NULL;

      for (guint j = 0; j < starts->len; j++)
        {
          GDateTime *occurrence_start = g_ptr_array_index (starts, j);
          g_autoptr(GDateTime) end = carnet_appointment_dup_end_for (appointment, occurrence_start);
          g_autoptr(CarnetOccurrence) occurrence = NULL;
          gint64 key = g_date_time_to_unix (occurrence_start);
          gpointer status = g_hash_table_lookup (statuses, &key);

          if (from != NULL && g_date_time_compare (end ? end : occurrence_start, from) <= 0 &&
              g_date_time_compare (occurrence_start, from) < 0)
            continue;

          occurrence = carnet_occurrence_new (appointment, occurrence_start,
                                              status != NULL
                                                ? (CarnetStatus)(GPOINTER_TO_INT (status) - 1)
                                                : carnet_appointment_get_status (appointment));
          g_list_store_append (occurrences, occurrence);
        }
    }

  g_list_store_sort (occurrences, compare_occurrences, NULL);

  return G_LIST_MODEL (g_steal_pointer (&occurrences));
}

/**
 * carnet_notebook_agenda:
 * @from: (nullable): the first instant of interest (an occurrence still
 *   going on at @from is included)
 * @to: (nullable): the end of the range (excluded)
 *
 * Returns: (transfer full): a list model of #CarnetOccurrence, by start
 */
GListModel *
carnet_notebook_agenda (CarnetNotebook  *self,
                        GDateTime       *from,
                        GDateTime       *to,
                        GError         **error)
{
  g_autoptr(CarnetCachedStmt) stmt = NULL;

  g_return_val_if_fail (CARNET_IS_NOTEBOOK (self), NULL);

  /* Every appointment that starts before @to and whose last occurrence is not
   * before @from (a day of slack for one still going on). */
  /* By the end of the last occurrence: what is over is most of a notebook
   * of years, and the index by start would read it all to skip it. */
  stmt = carnet_notebook_prepare (self,
                  "SELECT " APPOINTMENT_COLUMNS " FROM appointments INDEXED BY appointments_live_end"
                  " WHERE trashed_utc IS NULL AND start_utc < ?2"
                  " AND coalesce (last_utc + duration * 60, 9223372036854775807) >= ?1"
                  " ORDER BY start_utc, id",
                  error);
  if (stmt == NULL)
    return NULL;

  return read_agenda (self, stmt, from, to, error);
}

/**
 * carnet_notebook_agenda_of_kind:
 * @kind: the kind of appointment
 * @from: (nullable): as carnet_notebook_agenda()
 * @to: (nullable): the end of the range (excluded)
 *
 * carnet_notebook_agenda() of one kind of appointment: the consultations
 * ahead, without reading (and making objects of) the blood tests and the
 * treatment sessions around them.
 *
 * Returns: (transfer full): a list model of #CarnetOccurrence, by start
 */
GListModel *
carnet_notebook_agenda_of_kind (CarnetNotebook         *self,
                                CarnetAppointmentKind   kind,
                                GDateTime              *from,
                                GDateTime              *to,
                                GError                **error)
{
  return carnet_notebook_agenda_of_kinds (self, &kind, 1, from, to, error);
}

/**
 * carnet_notebook_agenda_of_kinds:
 * @kinds: (array length=n_kinds): the kinds of appointment
 * @n_kinds: how many, at least one
 * @from: (nullable): as carnet_notebook_agenda()
 * @to: (nullable): the end of the range (excluded)
 *
 * carnet_notebook_agenda() of some kinds of appointment: the exams a result
 * can come from, without the consultations and the treatment sessions.
 *
 * Returns: (transfer full): a list model of #CarnetOccurrence, by start
 */
GListModel *
carnet_notebook_agenda_of_kinds (CarnetNotebook              *self,
                                 const CarnetAppointmentKind *kinds,
                                 guint                        n_kinds,
                                 GDateTime                   *from,
                                 GDateTime                   *to,
                                 GError                     **error)
{
  g_autoptr(CarnetCachedStmt) stmt = NULL;

  g_return_val_if_fail (CARNET_IS_NOTEBOOK (self), NULL);
  g_return_val_if_fail (kinds != NULL, NULL);
  g_return_val_if_fail (n_kinds >= 1 && n_kinds <= CARNET_N_APPOINTMENT_KINDS, NULL);

  /* The same index as the whole agenda, which holds the kind: the rows of
   * other kinds are not read. One statement for any kinds: the parameters
   * not given stay NULL, which matches none. */
  stmt = carnet_notebook_prepare (self,
                  "SELECT " APPOINTMENT_COLUMNS " FROM appointments INDEXED BY appointments_live_end"
                  " WHERE trashed_utc IS NULL AND start_utc < ?2"
                  " AND coalesce (last_utc + duration * 60, 9223372036854775807) >= ?1"
                  " AND kind IN (?3, ?4, ?5, ?6, ?7, ?8, ?9)"
                  " ORDER BY start_utc, id",
                  error);
  if (stmt == NULL)
    return NULL;
  G_STATIC_ASSERT (CARNET_N_APPOINTMENT_KINDS == 7);
  for (guint i = 0; i < n_kinds; i++)
    bind_nick (stmt, 3 + i, CARNET_TYPE_APPOINTMENT_KIND, kinds[i]);

  return read_agenda (self, stmt, from, to, error);
}

/**
 * carnet_notebook_set_occurrence_status:
 * @occurrence_start: the start of one occurrence of a repeating appointment
 *
 * Marks one occurrence done, cancelled or missed (or planned again) without
 * touching the others.
 */
gboolean
carnet_notebook_set_occurrence_status (CarnetNotebook  *self,
                                       gint64           appointment_id,
                                       GDateTime       *occurrence_start,
                                       CarnetStatus     status,
                                       GError         **error)
{
  g_autoptr(CarnetRecord) record = NULL;
  g_autoptr(GPtrArray) starts = NULL;
  g_autoptr(CarnetCachedStmt) stmt = NULL;
  g_autoptr(GDateTime) until = NULL;
  CarnetAppointment *appointment;

  g_return_val_if_fail (CARNET_IS_NOTEBOOK (self), FALSE);
  g_return_val_if_fail (occurrence_start != NULL, FALSE);

  if (!carnet_notebook_begin_write (self, error))
    return FALSE;

  record = carnet_notebook_get (self, CARNET_RECORD_APPOINTMENT, appointment_id, error);
  if (record == NULL)
    goto failed;

  appointment = CARNET_APPOINTMENT (record);
  until = g_date_time_add_seconds (occurrence_start, 1);
  starts = carnet_recurrence_expand (carnet_appointment_get_repeat (appointment),
                                     carnet_appointment_get_start (appointment),
                                     occurrence_start, until, 1);
  if (starts->len == 0 || g_date_time_compare (g_ptr_array_index (starts, 0), occurrence_start) != 0)
    {
      g_autofree char *when = carnet_time_format_iso (occurrence_start);

      carnet_set_field_error (error, "occurrence",
                              _("appointment %lld has no occurrence at %s"),
                              (long long) appointment_id, when);
      goto failed;
    }

  if (carnet_appointment_get_repeat (appointment) == NULL)
    {
      carnet_appointment_set_status (appointment, status);
      if (!update_record (self, record, carnet_notebook_now_utc (self), error))
        goto failed;
    }
  else
    {
      stmt = carnet_notebook_prepare (self,
                      "INSERT INTO occurrence_status (appointment_id, start_utc, status)"
                      " VALUES (?1, ?2, ?3)"
                      " ON CONFLICT (appointment_id, start_utc) DO UPDATE SET status = excluded.status",
                      error);
      if (stmt == NULL)
        goto failed;

      sqlite3_bind_int64 (stmt, 1, appointment_id);
      bind_time (stmt, 2, occurrence_start);
      bind_nick (stmt, 3, CARNET_TYPE_STATUS, status);
      if (!carnet_notebook_step_done (self, stmt, error))
        goto failed;
      g_clear_pointer (&stmt, carnet_cached_stmt_reset);
    }

  return carnet_notebook_commit (self, error);

failed:
  carnet_notebook_rollback (self);
  return FALSE;
}

/**
 * carnet_notebook_dup_attachment:
 * @out_name: (out) (optional): the file's name
 *
 * Returns: (transfer full): the file attached to result @result_id, or %NULL
 *   with %CARNET_ERROR_NOT_FOUND when it has none
 */
GBytes *
carnet_notebook_dup_attachment (CarnetNotebook  *self,
                                gint64           result_id,
                                char           **out_name,
                                GError         **error)
{
  g_autoptr(CarnetCachedStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (CARNET_IS_NOTEBOOK (self), NULL);

  stmt = carnet_notebook_prepare (self,
                  "SELECT a.name, a.data FROM results r JOIN attachments a ON a.id = r.attachment_id"
                  " WHERE r.id = ?1",
                  error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, result_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      if (out_name != NULL)
        *out_name = g_strdup (column_text (stmt, 0));
      return g_bytes_new (sqlite3_column_blob (stmt, 1), (gsize)sqlite3_column_bytes (stmt, 1));
    }

  if (rc == SQLITE_DONE)
    g_set_error (error, CARNET_ERROR, CARNET_ERROR_NOT_FOUND,
                 _("Result %lld has no attached file"), (long long) result_id);
  else
    carnet_sqlite_set_error (error, self->db, rc);

  return NULL;
}

/**
 * carnet_notebook_answer_question:
 * @answer: what the practitioner said
 *
 * Records the answer; the question is then answered.
 */
gboolean
carnet_notebook_answer_question (CarnetNotebook  *self,
                                 gint64           question_id,
                                 const char      *answer,
                                 GError         **error)
{
  g_autoptr(CarnetRecord) record = NULL;

  g_return_val_if_fail (CARNET_IS_NOTEBOOK (self), FALSE);

  if (!carnet_notebook_begin_write (self, error))
    return FALSE;

  record = carnet_notebook_get (self, CARNET_RECORD_QUESTION, question_id, error);
  if (record == NULL)
    goto failed;

  carnet_question_set_answer (CARNET_QUESTION (record), answer);
  carnet_question_set_status (CARNET_QUESTION (record), CARNET_QUESTION_ANSWERED);
  if (!carnet_record_validate (record, error) ||
      !update_record (self, record, carnet_notebook_now_utc (self), error))
    goto failed;

  return carnet_notebook_commit (self, error);

failed:
  carnet_notebook_rollback (self);
  return FALSE;
}

/**
 * carnet_notebook_move_question:
 * @position: its new place among the questions of its consultation, from 1
 *
 * The others of that consultation shift to make room.
 */
gboolean
carnet_notebook_move_question (CarnetNotebook  *self,
                               gint64           question_id,
                               guint            position,
                               GError         **error)
{
  g_autoptr(CarnetRecord) record = NULL;
  g_autoptr(GListStore) siblings = NULL;
  g_autoptr(CarnetCachedStmt) stmt = NULL;
  g_autoptr(CarnetCachedStmt) update = NULL;
  guint n, new_index, next = 1;

  g_return_val_if_fail (CARNET_IS_NOTEBOOK (self), FALSE);

  if (position == 0)
    {
      carnet_set_field_error (error, "position", _("must be 1 or more"));
      return FALSE;
    }

  if (!carnet_notebook_begin_write (self, error))
    return FALSE;

  record = carnet_notebook_get (self, CARNET_RECORD_QUESTION, question_id, error);
  if (record == NULL)
    goto failed;

  stmt = carnet_notebook_prepare (self,
                  "SELECT " QUESTION_COLUMNS " FROM questions"
                  " WHERE appointment_id IS ?1 AND trashed_utc IS NULL AND id <> ?2"
                  " ORDER BY position, id",
                  error);
  if (stmt == NULL)
    goto failed;

  bind_id (stmt, 1, carnet_question_get_appointment_id (CARNET_QUESTION (record)));
  sqlite3_bind_int64 (stmt, 2, question_id);
  siblings = g_list_store_new (CARNET_TYPE_QUESTION);
  if (!read_rows (self, stmt, CARNET_RECORD_QUESTION, siblings, error))
    goto failed;
  g_clear_pointer (&stmt, carnet_cached_stmt_reset);

  n = g_list_model_get_n_items (G_LIST_MODEL (siblings));
  new_index = MIN (position - 1, n);
  g_list_store_insert (siblings, new_index, record);

  update = carnet_notebook_prepare (self, "UPDATE questions SET position = ?2, modified_utc = ?3 WHERE id = ?1", error);
  if (update == NULL)
    goto failed;

  for (guint i = 0; i <= n; i++, next++)
    {
      g_autoptr(CarnetRecord) question = g_list_model_get_item (G_LIST_MODEL (siblings), i);

      sqlite3_bind_int64 (update, 1, carnet_record_get_id (question));
      sqlite3_bind_int (update, 2, (int)next);
      sqlite3_bind_int64 (update, 3, carnet_notebook_now_utc (self));
      if (!carnet_notebook_step_done (self, update, error))
        goto failed;
      carnet_cached_stmt_reset (update);
    }
  g_clear_pointer (&update, carnet_cached_stmt_reset);

  return carnet_notebook_commit (self, error);

failed:
  carnet_notebook_rollback (self);
  return FALSE;
}

/**
 * carnet_notebook_next_consultation:
 *
 * Returns: the id of the first planned consultation from now on, 0 when none
 *   is planned, or -1 with @error set
 */
gint64
carnet_notebook_next_consultation (CarnetNotebook  *self,
                                   GError         **error)
{
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) horizon = NULL;
  g_autoptr(GListModel) agenda = NULL;

  g_return_val_if_fail (CARNET_IS_NOTEBOOK (self), -1);

  now = carnet_clock_get_now (self->clock);
  horizon = g_date_time_add_years (now, NEXT_CONSULTATION_YEARS);
  agenda = carnet_notebook_agenda_of_kind (self, CARNET_APPOINTMENT_CONSULTATION, now, horizon, error);
  if (agenda == NULL)
    return -1;

  for (guint i = 0; i < g_list_model_get_n_items (agenda); i++)
    {
      g_autoptr(CarnetOccurrence) occurrence = g_list_model_get_item (agenda, i);
      CarnetAppointment *appointment = carnet_occurrence_get_appointment (occurrence);

      if (carnet_occurrence_get_status (occurrence) == CARNET_STATUS_PLANNED &&
          g_date_time_compare (carnet_occurrence_get_start (occurrence), now) >= 0)
        return carnet_record_get_id (CARNET_RECORD (appointment));
    }

  return 0;
}

/**
 * carnet_notebook_trash:
 *
 * Sends a record to the trash, where it stays for %CARNET_TRASH_DAYS days
 * and can be restored.
 */
gboolean
carnet_notebook_trash (CarnetNotebook    *self,
                       CarnetRecordKind   kind,
                       gint64             id,
                       GError           **error)
{
  g_autoptr(CarnetCachedStmt) stmt = NULL;

  g_return_val_if_fail (CARNET_IS_NOTEBOOK (self), FALSE);
  g_return_val_if_fail (kind < CARNET_N_RECORD_KINDS, FALSE);

  if (!carnet_notebook_begin_write (self, error))
    return FALSE;

  stmt = carnet_notebook_prepare (self, trash_sql[kind], error);
  if (stmt == NULL)
    goto failed;

  sqlite3_bind_int64 (stmt, 1, carnet_notebook_now_utc (self));
  sqlite3_bind_int64 (stmt, 2, id);
  if (!carnet_notebook_step_done (self, stmt, error))
    goto failed;

  if (sqlite3_changes (self->db) == 0)
    {
      set_not_found_error (error, kind, id);
      goto failed;
    }
  g_clear_pointer (&stmt, carnet_cached_stmt_reset);

  if (!carnet_notebook_unindex_record (self, kind, id, error))
    goto failed;

  return carnet_notebook_commit (self, error);

failed:
  carnet_notebook_rollback (self);
  return FALSE;
}

/**
 * carnet_notebook_restore:
 *
 * Takes a record out of the trash.
 */
gboolean
carnet_notebook_restore (CarnetNotebook    *self,
                         CarnetRecordKind   kind,
                         gint64             id,
                         GError           **error)
{
  g_autoptr(CarnetCachedStmt) stmt = NULL;

  g_return_val_if_fail (CARNET_IS_NOTEBOOK (self), FALSE);
  g_return_val_if_fail (kind < CARNET_N_RECORD_KINDS, FALSE);

  if (!carnet_notebook_begin_write (self, error))
    return FALSE;

  stmt = carnet_notebook_prepare (self, restore_sql[kind], error);
  if (stmt == NULL)
    goto failed;

  sqlite3_bind_int64 (stmt, 1, carnet_notebook_now_utc (self));
  sqlite3_bind_int64 (stmt, 2, id);
  if (!carnet_notebook_step_done (self, stmt, error))
    goto failed;

  if (sqlite3_changes (self->db) == 0)
    {
      switch (kind)
        {
        case CARNET_RECORD_APPOINTMENT:
          g_set_error (error, CARNET_ERROR, CARNET_ERROR_NOT_FOUND,
                       _("There is no appointment %lld in the trash"), (long long) id);
          break;
        case CARNET_RECORD_RESULT:
          g_set_error (error, CARNET_ERROR, CARNET_ERROR_NOT_FOUND,
                       _("There is no result %lld in the trash"), (long long) id);
          break;
        case CARNET_RECORD_SIDE_EFFECT:
          g_set_error (error, CARNET_ERROR, CARNET_ERROR_NOT_FOUND,
                       _("There is no side effect %lld in the trash"), (long long) id);
          break;
        case CARNET_RECORD_QUESTION:
          g_set_error (error, CARNET_ERROR, CARNET_ERROR_NOT_FOUND,
                       _("There is no question %lld in the trash"), (long long) id);
          break;
        case CARNET_RECORD_TREATMENT:
        default:
          g_set_error (error, CARNET_ERROR, CARNET_ERROR_NOT_FOUND,
                       _("There is no treatment %lld in the trash"), (long long) id);
          break;
        }
      goto failed;
    }
  g_clear_pointer (&stmt, carnet_cached_stmt_reset);

  {
    g_autoptr(CarnetRecord) restored = carnet_notebook_get (self, kind, id, error);

    if (restored == NULL || !carnet_notebook_index_record (self, restored, error))
      goto failed;
  }

  return carnet_notebook_commit (self, error);

failed:
  carnet_notebook_rollback (self);
  return FALSE;
}

static int
compare_trashed (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  /* Most recently trashed first. */
  return g_date_time_compare (carnet_record_get_trashed ((CarnetRecord *)b),
                              carnet_record_get_trashed ((CarnetRecord *)a));
}

/**
 * carnet_notebook_list_trash:
 *
 * Returns: (transfer full): a list model of every #CarnetRecord in the trash,
 *   the most recently trashed first
 */
GListModel *
carnet_notebook_list_trash (CarnetNotebook  *self,
                            GError         **error)
{
  g_autoptr(GListStore) store = NULL;

  g_return_val_if_fail (CARNET_IS_NOTEBOOK (self), NULL);

  store = g_list_store_new (CARNET_TYPE_RECORD);
  for (CarnetRecordKind kind = 0; kind < CARNET_N_RECORD_KINDS; kind++)
    {
      g_autoptr(CarnetCachedStmt) stmt = carnet_notebook_prepare (self, list_trash_sql[kind], error);

      if (stmt == NULL || !read_rows (self, stmt, kind, store, error))
        return NULL;
    }

  g_list_store_sort (store, compare_trashed, NULL);
  return G_LIST_MODEL (g_steal_pointer (&store));
}

/**
 * carnet_notebook_purge_trash:
 *
 * Deletes for good what has been in the trash for more than
 * %CARNET_TRASH_DAYS days (secure_delete overwrites it).
 *
 * Returns: how many records were purged; 0 with @error set on failure
 */
guint
carnet_notebook_purge_trash (CarnetNotebook  *self,
                             GError         **error)
{
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) cutoff = NULL;
  guint purged = 0;

  g_return_val_if_fail (CARNET_IS_NOTEBOOK (self), 0);

  now = carnet_clock_get_now (self->clock);
  cutoff = g_date_time_add_days (now, -CARNET_TRASH_DAYS);

  if (!carnet_notebook_begin_write (self, error))
    return 0;

  for (CarnetRecordKind kind = 0; kind < CARNET_N_RECORD_KINDS; kind++)
    {
      g_autoptr(CarnetCachedStmt) stmt = carnet_notebook_prepare (self, purge_sql[kind], error);

      if (stmt == NULL)
        goto failed;

      bind_time (stmt, 1, cutoff);
      if (!carnet_notebook_step_done (self, stmt, error))
        goto failed;
      purged += (guint)sqlite3_changes (self->db);
    }

  {
    g_autoptr(CarnetCachedStmt) stmt =
      carnet_notebook_prepare (self,
               "DELETE FROM attachments WHERE id NOT IN"
               " (SELECT attachment_id FROM results WHERE attachment_id IS NOT NULL)",
               error);

    if (stmt == NULL || !carnet_notebook_step_done (self, stmt, error))
      goto failed;
  }

  if (purged == 0)
    {
      carnet_notebook_rollback (self);
      return 0;
    }

  if (!carnet_notebook_commit (self, error))
    return 0;

  return purged;

failed:
  carnet_notebook_rollback (self);
  return 0;
}

/**
 * carnet_notebook_check:
 *
 * A full integrity check and an account of what the notebook holds.
 *
 * Returns: (transfer full): the report, or %NULL with @error set when the
 *   check itself could not run
 */
CarnetCheckReport *
carnet_notebook_check (CarnetNotebook  *self,
                       GError         **error)
{
  g_autoptr(CarnetCheckReport) report = g_new0 (CarnetCheckReport, 1);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(CarnetCachedStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (CARNET_IS_NOTEBOOK (self), NULL);

  report->schema_version = self->schema_version;

  stmt = carnet_notebook_prepare (self, "PRAGMA integrity_check", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *line = column_text (stmt, 0);

      if (g_strcmp0 (line, "ok") != 0)
        g_ptr_array_add (problems, g_strdup (line));
    }
  if (rc != SQLITE_DONE)
    {
      carnet_sqlite_set_error (error, self->db, rc);
      return NULL;
    }
  g_clear_pointer (&stmt, carnet_cached_stmt_reset);

  stmt = carnet_notebook_prepare (self, "PRAGMA foreign_key_check", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (problems,
                     g_strdup_printf (_("Row %lld of %s points at a missing %s"),
                                      (long long) sqlite3_column_int64 (stmt, 1),
                                      column_text (stmt, 0), column_text (stmt, 2)));
  if (rc != SQLITE_DONE)
    {
      carnet_sqlite_set_error (error, self->db, rc);
      return NULL;
    }
  g_clear_pointer (&stmt, carnet_cached_stmt_reset);

  for (CarnetRecordKind kind = 0; kind < CARNET_N_RECORD_KINDS; kind++)
    {
      g_autoptr(CarnetCachedStmt) count = carnet_notebook_prepare (self, count_sql[kind], error);

      if (count == NULL)
        return NULL;
      rc = sqlite3_step (count);
      if (rc != SQLITE_ROW)
        {
          carnet_sqlite_set_error (error, self->db, rc);
          return NULL;
        }
      report->trashed += (guint)sqlite3_column_int64 (count, 1);
      report->counts[kind] = (guint)(sqlite3_column_int64 (count, 0) - sqlite3_column_int64 (count, 1));
    }

  stmt = carnet_notebook_prepare (self, "PRAGMA journal_mode", error);
  if (stmt == NULL)
    return NULL;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    report->journal_mode = g_strdup (column_text (stmt, 0));
  g_clear_pointer (&stmt, carnet_cached_stmt_reset);

  report->ok = problems->len == 0;
  g_ptr_array_add (problems, NULL);
  report->problems = (GStrv)g_ptr_array_free (g_steal_pointer (&problems), FALSE);

  return g_steal_pointer (&report);
}

void
carnet_check_report_free (CarnetCheckReport *report)
{
  if (report == NULL)
    return;

  g_strfreev (report->problems);
  g_free (report->journal_mode);
  g_free (report);
}

/**
 * carnet_notebook_watch:
 *
 * Watches the file so that changes written by another process emit
 * #CarnetNotebook::changed, within about a second, on the thread-default
 * main context.
 */
void
carnet_notebook_watch (CarnetNotebook *self)
{
  g_autofree char *wal_path = NULL;

  g_return_if_fail (CARNET_IS_NOTEBOOK (self));

  if (self->db_monitor != NULL || self->db == NULL)
    return;

  wal_path = g_strconcat (self->path, "-wal", NULL);
  self->db_monitor = monitor_file (self, self->path);
  self->wal_monitor = monitor_file (self, wal_path);
}

/**
 * carnet_notebook_poll_changes:
 *
 * Asks SQLite whether another connection committed since we last looked, and
 * emits #CarnetNotebook::changed if so.
 *
 * Returns: whether something changed
 */
gboolean
carnet_notebook_poll_changes (CarnetNotebook *self)
{
  gint64 version;

  g_return_val_if_fail (CARNET_IS_NOTEBOOK (self), FALSE);

  if (self->db == NULL || !pragma_int (self->db, "PRAGMA data_version", &version, NULL))
    return FALSE;

  if (version == self->data_version)
    return FALSE;

  self->data_version = version;
  if (!load_meta (self, NULL))
    g_debug ("Could not reread the notebook's settings");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSON]);
  g_signal_emit (self, signals[CHANGED], 0);

  return TRUE;
}

sqlite3 *
carnet_notebook_get_db (CarnetNotebook *self)
{
  g_assert (CARNET_IS_NOTEBOOK (self));

  return self->db;
}

const char *
carnet_notebook_migration_sql (int version)
{
  g_return_val_if_fail (version >= 1 && version <= CARNET_SCHEMA_VERSION, NULL);

  return migrations[version - 1];
}
