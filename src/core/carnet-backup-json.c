/* carnet-backup-json.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The JSON backup: the whole notebook in one file that people can read and
 * other programs can use.
 *
 *   {
 *     "format": "carnet-backup", "version": 1, "generator": "Carnet 0.1.0",
 *     "exported": "…", "person": "…", "default_reminders": "2h,1d",
 *     "appointments": [ … ], "results": [ … ], "side_effects": [ … ],
 *     "questions": [ … ], "treatments": [ … ], "reminder_log": [ … ]
 *   }
 *
 * Each record is carnet-cli's JSON of it (carnet-json.c), trashed ones
 * included with their "trashed" time, plus what the file needs to give the
 * record back exactly: "time_zone" (the IANA zone of its times), "duration"
 * and "reminders" ("2h,1d": "remind" in minutes cannot tell a day from 24
 * hours), "created" and "modified", the attached file as base64
 * ("attachment_data"), and the statuses of single occurrences of a repeating
 * appointment ("occurrences"). Derived members ("end", "flag", "cycle",
 * "remind") are written for readers and not read back.
 *
 * Importing validates the whole file first (syntax, every field of every
 * record through carnet_record_validate(), links between records), and only
 * then writes, in one transaction. Into an empty notebook, the file is
 * restored as it is, ids included. Into a notebook that holds records
 * already, it is merged: a record of the file that the notebook already has is
 * left alone, the others are added with new ids and their links follow them.
 * "Already has" is a content key per kind, since records carry no identity
 * of their own across notebooks:
 *
 *   appointment  kind, title and start (the instant)
 *   result       name, time, and value or text report
 *   side effect  symptom, onset and severity
 *   question     text and the time it was written
 *   treatment    name, kind and first day
 *
 * So importing the same file twice adds nothing the second time.
 */
#define G_LOG_DOMAIN "carnet-core"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "carnet-appointment.h"
#include "carnet-backup.h"
#include "carnet-enums.h"
#include "carnet-error.h"
#include "carnet-json.h"
#include "carnet-notebook-private.h"
#include "carnet-offsets.h"
#include "carnet-question.h"
#include "carnet-record-private.h"
#include "carnet-recurrence.h"
#include "carnet-result.h"
#include "carnet-side-effect.h"
#include "carnet-time.h"
#include "carnet-treatment.h"

/* A backup nests three levels deep; json-glib's parser recurses once per
 * level, so a file of a million brackets would exhaust the stack. */
#define MAX_DEPTH 16
/* Ids beyond what a double holds exactly would not survive other JSON tools. */
#define MAX_ID (G_GINT64_CONSTANT (1) << 53)
#define MAX_POSITION 1000000
#define PERSON_MAX_CHARS 200
/* Enough to know the last occurrence of any finite rule we accept. */
#define MAX_OCCURRENCES 1000
/* The years carnet_time_parse() reads. */
#define YEAR_MIN 1900
#define YEAR_MAX 2199

typedef struct
{
  gint64       start_utc;
  CarnetStatus status;
} OccurrenceStatus;

/* One record of the file, and what becomes of it. */
typedef struct
{
  CarnetRecord *record;
  gint64        file_id;
  gint64        created_utc;
  gint64        modified_utc;
  /* Appointments: statuses of single occurrences (OccurrenceStatus). */
  GArray       *occurrences;
  /* Its id in the notebook once imported or matched. */
  gint64        notebook_id;
  gboolean      inserted;
} Item;

typedef struct
{
  gint64  appointment_id;
  gint64  occurrence_utc;
  char   *offset;
  gint64  fires_utc;
  char   *state;
  gint64  decided_utc;
  gint64  snooze_until_utc;
  gboolean has_snooze;
} LogEntry;

typedef struct
{
  char       *person;
  char       *default_reminders;
  GPtrArray  *items[CARNET_N_RECORD_KINDS];
  /* The file's id → Item, per kind. */
  GHashTable *by_id[CARNET_N_RECORD_KINDS];
  GArray     *log;
} Backup;

/* The member of the top-level object that holds each kind. */
static const char *section_names[] = {
  [CARNET_RECORD_APPOINTMENT] = "appointments",
  [CARNET_RECORD_RESULT] = "results",
  [CARNET_RECORD_SIDE_EFFECT] = "side_effects",
  [CARNET_RECORD_QUESTION] = "questions",
  [CARNET_RECORD_TREATMENT] = "treatments",
};

static const char *bookkeeping_sql[] = {
  [CARNET_RECORD_APPOINTMENT] = "SELECT id, created_utc, modified_utc FROM appointments",
  [CARNET_RECORD_RESULT] = "SELECT id, created_utc, modified_utc FROM results",
  [CARNET_RECORD_SIDE_EFFECT] = "SELECT id, created_utc, modified_utc FROM side_effects",
  [CARNET_RECORD_QUESTION] = "SELECT id, created_utc, modified_utc FROM questions",
  [CARNET_RECORD_TREATMENT] = "SELECT id, created_utc, modified_utc FROM treatments",
};

/* The columns of each kind's content key (see the top of this file), id first. */
static const char *key_sql[] = {
  [CARNET_RECORD_APPOINTMENT] = "SELECT id, kind, title, start_utc FROM appointments",
  [CARNET_RECORD_RESULT] = "SELECT id, name, at_utc, value, text FROM results",
  [CARNET_RECORD_SIDE_EFFECT] = "SELECT id, symptom, at_utc, severity FROM side_effects",
  [CARNET_RECORD_QUESTION] = "SELECT id, text, created_utc FROM questions",
  [CARNET_RECORD_TREATMENT] = "SELECT id, name, kind, start_date FROM treatments",
};

/* Treatments and appointments first: the others link to them. */
static const CarnetRecordKind import_order[] = {
  CARNET_RECORD_TREATMENT,
  CARNET_RECORD_APPOINTMENT,
  CARNET_RECORD_RESULT,
  CARNET_RECORD_SIDE_EFFECT,
  CARNET_RECORD_QUESTION,
};

G_STATIC_ASSERT (G_N_ELEMENTS (import_order) == CARNET_N_RECORD_KINDS);

static void
item_free (Item *item)
{
  g_clear_object (&item->record);
  g_clear_pointer (&item->occurrences, g_array_unref);
  g_free (item);
}

static void
log_entry_clear (LogEntry *entry)
{
  g_clear_pointer (&entry->offset, g_free);
  g_clear_pointer (&entry->state, g_free);
}

static Backup *
backup_new (void)
{
  Backup *backup = g_new0 (Backup, 1);

  for (CarnetRecordKind kind = 0; kind < CARNET_N_RECORD_KINDS; kind++)
    {
      backup->items[kind] = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
      backup->by_id[kind] = g_hash_table_new (g_int64_hash, g_int64_equal);
    }

  backup->log = g_array_new (FALSE, TRUE, sizeof (LogEntry));
  g_array_set_clear_func (backup->log, (GDestroyNotify) log_entry_clear);

  return backup;
}

static void
backup_free (Backup *backup)
{
  for (CarnetRecordKind kind = 0; kind < CARNET_N_RECORD_KINDS; kind++)
    {
      g_clear_pointer (&backup->by_id[kind], g_hash_table_unref);
      g_clear_pointer (&backup->items[kind], g_ptr_array_unref);
    }

  g_clear_pointer (&backup->log, g_array_unref);
  g_free (backup->person);
  g_free (backup->default_reminders);
  g_free (backup);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Backup, backup_free)

/* Writing */

static char *
format_utc (gint64 utc)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (utc);

  if (dt == NULL)
    return NULL;

  return carnet_time_format_iso (dt);
}

static void
set_utc_member (JsonObject *object,
                const char *member,
                gint64      utc)
{
  g_autofree char *text = format_utc (utc);

  if (text != NULL)
    json_object_set_string_member (object, member, text);
  else
    json_object_set_null_member (object, member);
}

static void
set_zone_member (JsonObject *object,
                 GDateTime  *dt)
{
  json_object_set_string_member (object, "time_zone",
                                 carnet_time_zone_id ((GTimeZone *) g_date_time_get_timezone (dt)));
}

/* The reads below run inside one transaction: a consistent picture even
 * while the app writes. */
static gboolean
run_sql (CarnetNotebook  *notebook,
         const char      *sql,
         GError         **error)
{
  sqlite3 *db = carnet_notebook_get_db (notebook);
  int rc;

  if (db == NULL)
    {
      g_set_error (error, CARNET_ERROR, CARNET_ERROR_FAILED, _("The notebook is closed."));
      return FALSE;
    }

  rc = sqlite3_exec (db, sql, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      carnet_sqlite_set_error (error, db, rc);
      return FALSE;
    }

  return TRUE;
}

typedef struct
{
  gint64 created_utc;
  gint64 modified_utc;
} Bookkeeping;

static GHashTable *
read_bookkeeping (CarnetNotebook    *notebook,
                  CarnetRecordKind   kind,
                  GError           **error)
{
  g_autoptr(GHashTable) table = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(CarnetCachedStmt) stmt = carnet_notebook_prepare (notebook, bookkeeping_sql[kind], error);
  int rc;

  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 *id = g_new (gint64, 1);
      Bookkeeping *entry = g_new (Bookkeeping, 1);

      *id = sqlite3_column_int64 (stmt, 0);
      entry->created_utc = sqlite3_column_int64 (stmt, 1);
      entry->modified_utc = sqlite3_column_int64 (stmt, 2);
      g_hash_table_insert (table, id, entry);
    }

  if (rc != SQLITE_DONE)
    {
      carnet_sqlite_set_error (error, carnet_notebook_get_db (notebook), rc);
      return NULL;
    }

  return g_steal_pointer (&table);
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 ida = carnet_record_get_id (*(CarnetRecord **) a);
  gint64 idb = carnet_record_get_id (*(CarnetRecord **) b);

  return (ida > idb) - (ida < idb);
}

/* Every record of @kind, trashed ones too, by id. */
static GPtrArray *
collect_records (CarnetNotebook    *notebook,
                 CarnetRecordKind   kind,
                 GListModel        *trash,
                 GError           **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GListModel) live = carnet_notebook_list (notebook, kind, NULL, NULL, error);

  if (live == NULL)
    return NULL;

  for (guint i = 0; i < g_list_model_get_n_items (live); i++)
    g_ptr_array_add (records, g_list_model_get_item (live, i));

  for (guint i = 0; i < g_list_model_get_n_items (trash); i++)
    {
      g_autoptr(CarnetRecord) record = g_list_model_get_item (trash, i);

      if (carnet_record_get_kind (record) == kind)
        g_ptr_array_add (records, g_steal_pointer (&record));
    }

  g_ptr_array_sort (records, compare_ids);
  return g_steal_pointer (&records);
}

static gboolean
add_occurrences (CarnetNotebook  *notebook,
                 JsonObject      *object,
                 gint64           appointment_id,
                 GError         **error)
{
  g_autoptr(CarnetCachedStmt) stmt = NULL;
  g_autoptr(JsonArray) array = json_array_new ();
  int rc;

  stmt = carnet_notebook_prepare (notebook,
                                  "SELECT start_utc, status FROM occurrence_status"
                                  " WHERE appointment_id = ?1 ORDER BY start_utc",
                                  error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, appointment_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      JsonObject *occurrence = json_object_new ();

      set_utc_member (occurrence, "start", sqlite3_column_int64 (stmt, 0));
      json_object_set_string_member (occurrence, "status",
                                     (const char *) sqlite3_column_text (stmt, 1));
      json_array_add_object_element (array, occurrence);
    }

  if (rc != SQLITE_DONE)
    {
      carnet_sqlite_set_error (error, carnet_notebook_get_db (notebook), rc);
      return FALSE;
    }

  json_object_set_array_member (object, "occurrences", g_steal_pointer (&array));
  return TRUE;
}

static gboolean
add_attachment_data (CarnetNotebook  *notebook,
                     JsonObject      *object,
                     CarnetResult    *result,
                     GError         **error)
{
  g_autoptr(GBytes) data = NULL;
  g_autofree char *encoded = NULL;
  gsize size;
  gconstpointer bytes;

  if (carnet_result_get_attachment_name (result) == NULL)
    {
      json_object_set_null_member (object, "attachment_data");
      return TRUE;
    }

  data = carnet_notebook_dup_attachment (notebook, carnet_record_get_id (CARNET_RECORD (result)),
                                         NULL, error);
  if (data == NULL)
    return FALSE;

  bytes = g_bytes_get_data (data, &size);
  encoded = g_base64_encode (bytes, size);
  json_object_set_string_member (object, "attachment_data", encoded);
  return TRUE;
}

static JsonNode *
record_to_json (CarnetNotebook  *notebook,
                CarnetRecord    *record,
                GHashTable      *bookkeeping,
                GError         **error)
{
  g_autoptr(JsonNode) node = carnet_json_from_record (record);
  JsonObject *object = json_node_get_object (node);
  gint64 id = carnet_record_get_id (record);
  Bookkeeping *times = g_hash_table_lookup (bookkeeping, &id);

  switch (carnet_record_get_kind (record))
    {
    case CARNET_RECORD_APPOINTMENT:
      {
        CarnetAppointment *appointment = CARNET_APPOINTMENT (record);

        set_zone_member (object, carnet_appointment_get_start (appointment));
        json_object_set_int_member (object, "duration", carnet_appointment_get_duration (appointment));
        json_object_set_string_member (object, "reminders", carnet_appointment_get_reminders (appointment));
        if (!add_occurrences (notebook, object, id, error))
          return NULL;
      }
      break;

    case CARNET_RECORD_RESULT:
      set_zone_member (object, carnet_result_get_at (CARNET_RESULT (record)));
      if (!add_attachment_data (notebook, object, CARNET_RESULT (record), error))
        return NULL;
      break;

    case CARNET_RECORD_SIDE_EFFECT:
      set_zone_member (object, carnet_side_effect_get_at (CARNET_SIDE_EFFECT (record)));
      break;

    case CARNET_RECORD_QUESTION:
    case CARNET_RECORD_TREATMENT:
    default:
      break;
    }

  /* A question's "created" is one of its fields already. */
  if (times != NULL && !json_object_has_member (object, "created"))
    set_utc_member (object, "created", times->created_utc);
  if (times != NULL)
    set_utc_member (object, "modified", times->modified_utc);

  return g_steal_pointer (&node);
}

static JsonArray *
reminder_log_to_json (CarnetNotebook  *notebook,
                      GError         **error)
{
  g_autoptr(CarnetCachedStmt) stmt = NULL;
  g_autoptr(JsonArray) array = json_array_new ();
  int rc;

  stmt = carnet_notebook_prepare (notebook,
                                  "SELECT appointment_id, occurrence_utc, offset, fires_utc, state,"
                                  " decided_utc, snooze_until_utc FROM reminder_log"
                                  " ORDER BY appointment_id, occurrence_utc, offset",
                                  error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      JsonObject *entry = json_object_new ();

      json_object_set_int_member (entry, "appointment_id", sqlite3_column_int64 (stmt, 0));
      set_utc_member (entry, "occurrence", sqlite3_column_int64 (stmt, 1));
      json_object_set_string_member (entry, "offset", (const char *) sqlite3_column_text (stmt, 2));
      set_utc_member (entry, "fires_at", sqlite3_column_int64 (stmt, 3));
      json_object_set_string_member (entry, "state", (const char *) sqlite3_column_text (stmt, 4));
      set_utc_member (entry, "decided", sqlite3_column_int64 (stmt, 5));
      if (sqlite3_column_type (stmt, 6) != SQLITE_NULL)
        set_utc_member (entry, "snooze_until", sqlite3_column_int64 (stmt, 6));
      else
        json_object_set_null_member (entry, "snooze_until");
      json_array_add_object_element (array, entry);
    }

  if (rc != SQLITE_DONE)
    {
      carnet_sqlite_set_error (error, carnet_notebook_get_db (notebook), rc);
      return NULL;
    }

  return g_steal_pointer (&array);
}

static JsonNode *
notebook_to_json (CarnetNotebook  *notebook,
                  GError         **error)
{
  g_autoptr(JsonObject) root = json_object_new ();
  g_autoptr(GListModel) trash = NULL;
  g_autoptr(GDateTime) now = carnet_clock_get_now (carnet_notebook_get_clock (notebook));
  g_autofree char *exported = carnet_time_format_iso (now);
  g_autofree char *generator = g_strdup_printf ("Carnet %s", PACKAGE_VERSION);
  JsonArray *log;
  JsonNode *node;

  json_object_set_string_member (root, "format", CARNET_BACKUP_FORMAT);
  json_object_set_int_member (root, "version", CARNET_BACKUP_FORMAT_VERSION);
  json_object_set_string_member (root, "generator", generator);
  json_object_set_string_member (root, "exported", exported);
  json_object_set_int_member (root, "schema_version", carnet_notebook_get_schema_version (notebook));
  json_object_set_string_member (root, "person", carnet_notebook_get_person (notebook));
  json_object_set_string_member (root, "default_reminders",
                                 carnet_notebook_get_default_reminders (notebook));

  trash = carnet_notebook_list_trash (notebook, error);
  if (trash == NULL)
    return NULL;

  for (CarnetRecordKind kind = 0; kind < CARNET_N_RECORD_KINDS; kind++)
    {
      g_autoptr(GPtrArray) records = collect_records (notebook, kind, trash, error);
      g_autoptr(GHashTable) bookkeeping = NULL;
      g_autoptr(JsonArray) array = NULL;

      if (records == NULL)
        return NULL;

      bookkeeping = read_bookkeeping (notebook, kind, error);
      if (bookkeeping == NULL)
        return NULL;

      array = json_array_sized_new (records->len);
      for (guint i = 0; i < records->len; i++)
        {
          JsonNode *element = record_to_json (notebook, g_ptr_array_index (records, i),
                                              bookkeeping, error);

          if (element == NULL)
            return NULL;
          json_array_add_element (array, element);
        }

      json_object_set_array_member (root, section_names[kind], g_steal_pointer (&array));
    }

  log = reminder_log_to_json (notebook, error);
  if (log == NULL)
    return NULL;
  json_object_set_array_member (root, "reminder_log", log);

  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, g_steal_pointer (&root));
  return node;
}

/* The shortest text that reads back as exactly @value: 0.1, not json-glib's
 * 0.10000000000000001. */
static void
append_shortest_double (GString *out,
                        double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  for (int digits = 1; digits <= 17; digits++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", digits);
      g_ascii_formatd (buffer, sizeof buffer, format, value);
      if (g_ascii_strtod (buffer, NULL) == value)
        break;
    }

  g_string_append (out, buffer);
  /* Still a floating-point number for readers that tell them apart. */
  if (strpbrk (buffer, ".eEn") == NULL)
    g_string_append (out, ".0");
}

/* json-glib 1.6 writes doubles with 17 significant digits. This rewrites the
 * numbers of its (valid) output that have a fraction or an exponent; whole
 * numbers (ids, counts) are left as they are. */
static char *
shorten_doubles (const char *json)
{
  GString *out = g_string_sized_new (strlen (json));
  const char *p = json;

  while (*p != '\0')
    {
      if (*p == '"')
        {
          const char *start = p++;

          while (*p != '\0' && *p != '"')
            p += (*p == '\\' && p[1] != '\0') ? 2 : 1;
          if (*p == '"')
            p++;
          g_string_append_len (out, start, p - start);
        }
      else if (*p == '-' || g_ascii_isdigit (*p))
        {
          const char *start = p;
          gboolean fractional = FALSE;

          while (*p != '\0' && strchr ("+-0123456789.eE", *p) != NULL)
            {
              if (*p == '.' || *p == 'e' || *p == 'E')
                fractional = TRUE;
              p++;
            }

          if (fractional)
            append_shortest_double (out, g_ascii_strtod (start, NULL));
          else
            g_string_append_len (out, start, p - start);
        }
      else
        {
          g_string_append_c (out, *p++);
        }
    }

  return g_string_free (out, FALSE);
}

/* Reading: checks that give the place of the fault */

static void set_invalid (GError     **error,
                         const char  *where,
                         const char  *member,
                         const char  *format,
                         ...) G_GNUC_PRINTF (4, 5);

/* Messages quote what the file holds, and json-glib gives "\ud800" back as
 * bytes that are not UTF-8: a message must stay readable text. */
static void
set_readable_error (GError     **error,
                    int          code,
                    const char  *message)
{
  g_autofree char *valid = g_utf8_make_valid (message, -1);

  g_set_error_literal (error, CARNET_ERROR, code, valid);
}

/* "results[3].severity: must be 0 to 4, got 7" */
static void
set_invalid (GError     **error,
             const char  *where,
             const char  *member,
             const char  *format,
             ...)
{
  g_autofree char *message = NULL;
  g_autofree char *placed = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (where != NULL && member != NULL)
    placed = g_strdup_printf ("%s.%s: %s", where, member, message);
  else if (where != NULL || member != NULL)
    placed = g_strdup_printf ("%s: %s", where != NULL ? where : member, message);
  else
    placed = g_steal_pointer (&message);

  set_readable_error (error, CARNET_ERROR_INVALID, placed);
}

/* An error of the core about a field, placed in the file. */
static void
place_error (GError     **error,
             GError      *field_error,
             const char  *where)
{
  const char *field = carnet_error_get_field (field_error);

  set_invalid (error, where, field, "%s", field_error->message);
}

/* Where in the text the parser or a check stopped: line and column from 1. */
static void
locate_offset (const char *text,
               gsize       offset,
               guint      *out_line,
               guint      *out_column)
{
  guint line = 1, column = 1;

  for (gsize i = 0; i < offset; i++)
    {
      if (text[i] == '\n')
        {
          line++;
          column = 1;
        }
      else if (((guchar) text[i] & 0xc0) != 0x80)
        {
          column++;
        }
    }

  *out_line = line;
  *out_column = column;
}

static void
set_syntax_error (GError     **error,
                  const char  *text,
                  gsize        offset,
                  const char  *message)
{
  guint line, column;

  locate_offset (text, offset, &line, &column);
  g_set_error (error, CARNET_ERROR, CARNET_ERROR_INVALID,
               _("line %u, column %u: %s"), line, column, message);
}

/* What json-glib cannot be trusted with: text that is not UTF-8 (or holds a
 * NUL), and nesting deep enough to overflow its recursive parser. */
static gboolean
check_text (const char  *text,
            gsize        length,
            GError     **error)
{
  const char *end = NULL;
  gboolean in_string = FALSE;
  guint depth = 0;

  if (!g_utf8_validate (text, (gssize) length, &end))
    {
      set_syntax_error (error, text, end - text,
                        *end == '\0' ? _("the file holds a NUL byte")
                                     : _("the file is not UTF-8 text"));
      return FALSE;
    }

  for (gsize i = 0; i < length; i++)
    {
      char c = text[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        {
          in_string = TRUE;
        }
      else if (c == '[' || c == '{')
        {
          if (++depth > MAX_DEPTH)
            {
              set_syntax_error (error, text, i, _("nested too deep for a Carnet backup"));
              return FALSE;
            }
        }
      else if ((c == ']' || c == '}') && depth > 0)
        {
          depth--;
        }
    }

  return TRUE;
}

/* json-glib says "<data>:3:14: Parse error: unexpected character…". */
static void
set_parse_error (GError     **error,
                 const char  *text,
                 GError      *parse_error)
{
  const char *message = parse_error->message;
  guint line = 0, column = 0;
  const char *detail;
  g_autofree char *readable = NULL;

  if (g_str_has_prefix (message, "<data>:") &&
      sscanf (message + strlen ("<data>:"), "%u:%u:", &line, &column) == 2 &&
      (detail = strstr (message, ": Parse error: ")) != NULL)
    readable = g_strdup_printf (_("line %u, column %u: %s"), line, column,
                                detail + strlen (": Parse error: "));
  else
    readable = g_strdup_printf (_("not a JSON file: %s"), message);

  set_readable_error (error, CARNET_ERROR_INVALID, readable);
}

static JsonNode *
get_member (JsonObject *object,
            const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;

  return node;
}

static gboolean
holds_type (JsonNode *node,
            GType     type)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
}

static gboolean
read_string (JsonObject   *object,
             const char   *where,
             const char   *member,
             gboolean      required,
             const char  **out_value,
             GError      **error)
{
  JsonNode *node = get_member (object, member);

  *out_value = NULL;

  if (node == NULL)
    {
      if (!required)
        return TRUE;
      set_invalid (error, where, member, _("is required"));
      return FALSE;
    }

  if (!holds_type (node, G_TYPE_STRING))
    {
      set_invalid (error, where, member, _("must be a text"));
      return FALSE;
    }

  *out_value = json_node_get_string (node);
  return TRUE;
}

static gboolean
read_int (JsonObject  *object,
          const char  *where,
          const char  *member,
          gint64       min,
          gint64       max,
          gint64       fallback,
          gint64      *out_value,
          GError     **error)
{
  JsonNode *node = get_member (object, member);
  gint64 value;

  if (node == NULL)
    {
      *out_value = fallback;
      return TRUE;
    }

  if (!holds_type (node, G_TYPE_INT64))
    {
      set_invalid (error, where, member, _("must be a whole number"));
      return FALSE;
    }

  value = json_node_get_int (node);
  if (value < min || value > max)
    {
      g_autofree char *low = g_strdup_printf ("%" G_GINT64_FORMAT, min);
      g_autofree char *high = g_strdup_printf ("%" G_GINT64_FORMAT, max);
      g_autofree char *got = g_strdup_printf ("%" G_GINT64_FORMAT, value);

      set_invalid (error, where, member, _("must be %s to %s, got %s"), low, high, got);
      return FALSE;
    }

  *out_value = value;
  return TRUE;
}

static gboolean
read_id (JsonObject  *object,
         const char  *where,
         const char  *member,
         gboolean     required,
         gint64      *out_id,
         GError     **error)
{
  if (required && get_member (object, member) == NULL)
    {
      set_invalid (error, where, member, _("is required"));
      return FALSE;
    }

  return read_int (object, where, member, 1, MAX_ID, 0, out_id, error);
}

/* NAN when missing or null. */
static gboolean
read_number (JsonObject  *object,
             const char  *where,
             const char  *member,
             double      *out_value,
             GError     **error)
{
  JsonNode *node = get_member (object, member);
  double value;

  *out_value = NAN;
  if (node == NULL)
    return TRUE;

  if (holds_type (node, G_TYPE_INT64))
    value = (double) json_node_get_int (node);
  else if (holds_type (node, G_TYPE_DOUBLE))
    value = json_node_get_double (node);
  else
    {
      set_invalid (error, where, member, _("must be a number"));
      return FALSE;
    }

  if (!isfinite (value))
    {
      set_invalid (error, where, member, _("must be a finite number"));
      return FALSE;
    }

  *out_value = value;
  return TRUE;
}

static gboolean
read_boolean (JsonObject  *object,
              const char  *where,
              const char  *member,
              gboolean    *out_value,
              GError     **error)
{
  JsonNode *node = get_member (object, member);

  *out_value = FALSE;
  if (node == NULL)
    return TRUE;

  if (!holds_type (node, G_TYPE_BOOLEAN))
    {
      set_invalid (error, where, member, _("must be true or false"));
      return FALSE;
    }

  *out_value = json_node_get_boolean (node);
  return TRUE;
}

static gboolean
read_enum (JsonObject  *object,
           const char  *where,
           const char  *member,
           GType        enum_type,
           int          fallback,
           int         *out_value,
           GError     **error)
{
  const char *text;

  if (!read_string (object, where, member, FALSE, &text, error))
    return FALSE;

  if (text == NULL)
    {
      *out_value = fallback;
      return TRUE;
    }

  if (!carnet_enum_from_nick (enum_type, text, out_value))
    {
      set_invalid (error, where, member, _("“%s” is not a known value"), text);
      return FALSE;
    }

  return TRUE;
}

/* A time of the file, read in @tz; NULL when missing or null. */
static gboolean
read_time (JsonObject  *object,
           const char  *where,
           const char  *member,
           GTimeZone   *tz,
           GDateTime  **out_value,
           GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  const char *text;

  *out_value = NULL;
  if (!read_string (object, where, member, FALSE, &text, error))
    return FALSE;

  if (text == NULL)
    return TRUE;

  *out_value = carnet_time_parse (text, tz, member, NULL, &local_error);
  if (*out_value == NULL)
    {
      place_error (error, local_error, where);
      return FALSE;
    }

  /* Within the years Carnet reads both in the record's zone and in UTC, so
   * that what is imported can be exported and imported again. */
  {
    g_autoptr(GDateTime) utc = g_date_time_to_utc (*out_value);

    if (utc == NULL ||
        g_date_time_get_year (*out_value) < YEAR_MIN || g_date_time_get_year (*out_value) > YEAR_MAX ||
        g_date_time_get_year (utc) < YEAR_MIN || g_date_time_get_year (utc) > YEAR_MAX)
      {
        g_clear_pointer (out_value, g_date_time_unref);
        set_invalid (error, where, member, _("must be between the years %d and %d"), YEAR_MIN, YEAR_MAX);
        return FALSE;
      }
  }

  return TRUE;
}

/* Bookkeeping instants (created, trashed…) as UTC seconds; @fallback when
 * missing. */
static gboolean
read_utc (JsonObject  *object,
          const char  *where,
          const char  *member,
          gint64       fallback,
          gboolean    *out_present,
          gint64      *out_utc,
          GError     **error)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) dt = NULL;

  if (!read_time (object, where, member, utc, &dt, error))
    return FALSE;

  if (out_present != NULL)
    *out_present = dt != NULL;
  *out_utc = dt != NULL ? g_date_time_to_unix (dt) : fallback;
  return TRUE;
}

static gboolean
read_date (JsonObject  *object,
           const char  *where,
           const char  *member,
           GDate       *out_date,
           GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  const char *text;

  g_date_clear (out_date, 1);
  if (!read_string (object, where, member, FALSE, &text, error))
    return FALSE;

  if (text == NULL)
    return TRUE;

  if (!carnet_date_parse (text, member, out_date, &local_error))
    {
      place_error (error, local_error, where);
      return FALSE;
    }

  return TRUE;
}

/* The zone a record's times are given in; the local one when the file does
 * not say (a hand-written file). */
static GTimeZone *
read_zone (JsonObject  *object,
           const char  *where,
           GError     **error)
{
  const char *tzid;
  GTimeZone *tz;

  if (!read_string (object, where, "time_zone", FALSE, &tzid, error))
    return NULL;

  if (tzid == NULL)
    return g_time_zone_new_local ();

  tz = g_time_zone_new_identifier (tzid);
  if (tz == NULL)
    set_invalid (error, where, "time_zone", _("“%s” is not a time zone this computer knows"), tzid);

  return tz;
}

/* Strict RFC 4648 base64, padded; g_base64_decode() takes anything. */
static GBytes *
read_base64 (const char  *text,
             const char  *where,
             const char  *member,
             GError     **error)
{
  gsize length = strlen (text);
  gsize padding = 0;
  guchar *data;
  gsize size;

  if (length % 4 != 0)
    goto invalid;

  for (gsize i = 0; i < length; i++)
    {
      char c = text[i];

      if (c == '=' && i >= length - 2)
        padding++;
      else if (padding > 0 || !(g_ascii_isalnum (c) || c == '+' || c == '/'))
        goto invalid;
    }

  if (length / 4 * 3 - padding > CARNET_ATTACHMENT_MAX_BYTES)
    {
      g_autofree char *max = g_format_size_full (CARNET_ATTACHMENT_MAX_BYTES, G_FORMAT_SIZE_IEC_UNITS);

      set_invalid (error, where, member, _("the file is larger than %s"), max);
      return NULL;
    }

  if (length == 0)
    return g_bytes_new (NULL, 0);

  data = g_base64_decode (text, &size);
  return g_bytes_new_take (data, size);

invalid:
  set_invalid (error, where, member, _("is not base64"));
  return NULL;
}

/* "remind" of carnet-cli's JSON, in minutes, for a file without "reminders". */
static char *
reminders_from_minutes (JsonObject  *object,
                        const char  *where,
                        GError     **error)
{
  JsonNode *node = get_member (object, "remind");
  g_autoptr(GString) text = g_string_new (NULL);
  JsonArray *array;

  if (node == NULL)
    return g_strdup ("");

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      set_invalid (error, where, "remind", _("must be a list of minutes"));
      return NULL;
    }

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      gint64 minutes;

      if (!holds_type (element, G_TYPE_INT64) ||
          (minutes = json_node_get_int (element)) < 0 || minutes > CARNET_OFFSET_MAX_MINUTES)
        {
          set_invalid (error, where, "remind", _("must be a list of minutes"));
          return NULL;
        }

      if (text->len > 0)
        g_string_append_c (text, ',');
      if (minutes > 0 && minutes % (24 * 60) == 0)
        g_string_append_printf (text, "%" G_GINT64_FORMAT "d", minutes / (24 * 60));
      else if (minutes > 0 && minutes % 60 == 0)
        g_string_append_printf (text, "%" G_GINT64_FORMAT "h", minutes / 60);
      else
        g_string_append_printf (text, "%" G_GINT64_FORMAT "m", minutes);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static gboolean
read_occurrences (JsonObject  *object,
                  const char  *where,
                  GTimeZone   *tz,
                  Item        *item,
                  GError     **error)
{
  JsonNode *node = get_member (object, "occurrences");
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  JsonArray *array;

  item->occurrences = g_array_new (FALSE, FALSE, sizeof (OccurrenceStatus));
  if (node == NULL)
    return TRUE;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      set_invalid (error, where, "occurrences", _("must be a list"));
      return FALSE;
    }

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autofree char *place = g_strdup_printf ("%s.occurrences[%u]", where, i);
      g_autoptr(GDateTime) start = NULL;
      OccurrenceStatus occurrence;
      int status;
      gint64 *key;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          set_invalid (error, place, NULL, _("must be an object"));
          return FALSE;
        }

      if (!read_time (json_node_get_object (element), place, "start", tz, &start, error) ||
          !read_enum (json_node_get_object (element), place, "status", CARNET_TYPE_STATUS,
                      -1, &status, error))
        return FALSE;

      if (start == NULL || status < 0)
        {
          set_invalid (error, place, start == NULL ? "start" : "status", _("is required"));
          return FALSE;
        }

      occurrence.start_utc = g_date_time_to_unix (start);
      occurrence.status = status;
      if (g_hash_table_contains (seen, &occurrence.start_utc))
        {
          set_invalid (error, place, "start", _("the same occurrence is given twice"));
          return FALSE;
        }

      key = g_new (gint64, 1);
      *key = occurrence.start_utc;
      g_hash_table_add (seen, key);
      g_array_append_val (item->occurrences, occurrence);
    }

  return TRUE;
}

static gboolean
read_appointment (JsonObject  *object,
                  const char  *where,
                  Item        *item,
                  GError     **error)
{
  g_autoptr(CarnetAppointment) appointment = carnet_appointment_new ();
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *from_minutes = NULL;
  const char *title, *location, *with, *notes, *reminders, *repeat;
  gboolean all_day;
  gint64 duration;
  int kind, status;

  tz = read_zone (object, where, error);
  if (tz == NULL)
    return FALSE;

  if (!read_string (object, where, "title", FALSE, &title, error) ||
      !read_enum (object, where, "kind", CARNET_TYPE_APPOINTMENT_KIND, -1, &kind, error) ||
      !read_time (object, where, "start", tz, &start, error) ||
      !read_time (object, where, "end", tz, &end, error) ||
      !read_boolean (object, where, "all_day", &all_day, error) ||
      !read_string (object, where, "location", FALSE, &location, error) ||
      !read_string (object, where, "with", FALSE, &with, error) ||
      !read_string (object, where, "notes", FALSE, &notes, error) ||
      !read_enum (object, where, "status", CARNET_TYPE_STATUS, CARNET_STATUS_PLANNED, &status, error) ||
      !read_string (object, where, "reminders", FALSE, &reminders, error) ||
      !read_string (object, where, "repeat", FALSE, &repeat, error))
    return FALSE;

  if (kind < 0)
    {
      set_invalid (error, where, "kind", _("is required"));
      return FALSE;
    }

  /* Without "duration", the "end" of carnet-cli's JSON tells it. */
  duration = 0;
  if (start != NULL && end != NULL && get_member (object, "duration") == NULL)
    duration = MAX (0, g_date_time_difference (end, start) / G_TIME_SPAN_MINUTE);
  if (!read_int (object, where, "duration", 0, CARNET_DURATION_MAX_MINUTES, duration,
                 &duration, error))
    return FALSE;

  if (reminders == NULL)
    {
      from_minutes = reminders_from_minutes (object, where, error);
      if (from_minutes == NULL)
        return FALSE;
      reminders = from_minutes;
    }

  carnet_appointment_set_title (appointment, title);
  carnet_appointment_set_kind (appointment, kind);
  carnet_appointment_set_start (appointment, start);
  carnet_appointment_set_all_day (appointment, all_day);
  carnet_appointment_set_duration (appointment, (guint) duration);
  carnet_appointment_set_location (appointment, location);
  carnet_appointment_set_practitioner (appointment, with);
  carnet_appointment_set_notes (appointment, notes);
  carnet_appointment_set_status (appointment, status);
  carnet_appointment_set_repeat (appointment, repeat);
  if (!carnet_appointment_set_reminders (appointment, reminders, &local_error))
    {
      set_invalid (error, where, "reminders", "%s", local_error->message);
      return FALSE;
    }

  if (!read_occurrences (object, where, tz, item, error))
    return FALSE;

  item->record = CARNET_RECORD (g_steal_pointer (&appointment));
  return TRUE;
}

static gboolean
read_result (JsonObject  *object,
             const char  *where,
             Item        *item,
             GError     **error)
{
  g_autoptr(CarnetResult) result = carnet_result_new ();
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GDateTime) at = NULL;
  g_autoptr(GBytes) data = NULL;
  const char *name, *text, *unit, *notes, *attachment, *encoded;
  double value, low, high;
  gint64 appointment_id;

  tz = read_zone (object, where, error);
  if (tz == NULL)
    return FALSE;

  if (!read_string (object, where, "name", FALSE, &name, error) ||
      !read_number (object, where, "value", &value, error) ||
      !read_string (object, where, "text", FALSE, &text, error) ||
      !read_string (object, where, "unit", FALSE, &unit, error) ||
      !read_number (object, where, "low", &low, error) ||
      !read_number (object, where, "high", &high, error) ||
      !read_time (object, where, "at", tz, &at, error) ||
      !read_id (object, where, "appointment_id", FALSE, &appointment_id, error) ||
      !read_string (object, where, "notes", FALSE, &notes, error) ||
      !read_string (object, where, "attachment", FALSE, &attachment, error) ||
      !read_string (object, where, "attachment_data", FALSE, &encoded, error))
    return FALSE;

  if (encoded != NULL)
    {
      data = read_base64 (encoded, where, "attachment_data", error);
      if (data == NULL)
        return FALSE;
    }
  else if (attachment != NULL && *attachment != '\0')
    {
      set_invalid (error, where, "attachment_data", _("is required when there is an attachment"));
      return FALSE;
    }

  carnet_result_set_name (result, name);
  carnet_result_set_value (result, value);
  carnet_result_set_text (result, text);
  carnet_result_set_unit (result, unit);
  carnet_result_set_low (result, low);
  carnet_result_set_high (result, high);
  carnet_result_set_at (result, at);
  carnet_result_set_appointment_id (result, appointment_id);
  carnet_result_set_notes (result, notes);
  if (data != NULL)
    carnet_result_set_attachment (result, attachment, data);

  item->record = CARNET_RECORD (g_steal_pointer (&result));
  return TRUE;
}

static gboolean
read_side_effect (JsonObject  *object,
                  const char  *where,
                  Item        *item,
                  GError     **error)
{
  g_autoptr(CarnetSideEffect) side_effect = carnet_side_effect_new ();
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GDateTime) at = NULL;
  g_autoptr(GDateTime) until = NULL;
  const char *symptom, *notes;
  gint64 severity, treatment_id;

  tz = read_zone (object, where, error);
  if (tz == NULL)
    return FALSE;

  if (!read_string (object, where, "symptom", FALSE, &symptom, error) ||
      !read_int (object, where, "severity", G_MININT, G_MAXINT, G_MININT, &severity, error) ||
      !read_time (object, where, "at", tz, &at, error) ||
      !read_time (object, where, "until", tz, &until, error) ||
      !read_id (object, where, "treatment_id", FALSE, &treatment_id, error) ||
      !read_string (object, where, "notes", FALSE, &notes, error))
    return FALSE;

  carnet_side_effect_set_symptom (side_effect, symptom);
  /* Left unset when missing, for validation to say it is required. */
  if (severity != G_MININT)
    carnet_side_effect_set_severity (side_effect, (int) severity);
  carnet_side_effect_set_at (side_effect, at);
  carnet_side_effect_set_until (side_effect, until);
  carnet_side_effect_set_treatment_id (side_effect, treatment_id);
  carnet_side_effect_set_notes (side_effect, notes);

  item->record = CARNET_RECORD (g_steal_pointer (&side_effect));
  return TRUE;
}

static gboolean
read_question (JsonObject  *object,
               const char  *where,
               gint64       now_utc,
               Item        *item,
               GError     **error)
{
  g_autoptr(CarnetQuestion) question = carnet_question_new ();
  g_autoptr(GDateTime) created = NULL;
  const char *text, *answer;
  gint64 appointment_id, position, created_utc;
  int author, status;

  if (!read_string (object, where, "text", FALSE, &text, error) ||
      !read_id (object, where, "appointment_id", FALSE, &appointment_id, error) ||
      !read_enum (object, where, "by", CARNET_TYPE_AUTHOR, CARNET_AUTHOR_PATIENT, &author, error) ||
      !read_enum (object, where, "status", CARNET_TYPE_QUESTION_STATUS, CARNET_QUESTION_OPEN,
                  &status, error) ||
      !read_string (object, where, "answer", FALSE, &answer, error) ||
      !read_int (object, where, "position", 1, MAX_POSITION, 0, &position, error) ||
      !read_utc (object, where, "created", now_utc, NULL, &created_utc, error))
    return FALSE;

  created = g_date_time_new_from_unix_utc (created_utc);
  carnet_question_set_text (question, text);
  carnet_question_set_appointment_id (question, appointment_id);
  carnet_question_set_author (question, author);
  carnet_question_set_status (question, status);
  carnet_question_set_answer (question, answer);
  carnet_question_set_position (question, (guint) position);
  carnet_question_set_created (question, created);

  item->created_utc = created_utc;
  item->record = CARNET_RECORD (g_steal_pointer (&question));
  return TRUE;
}

static gboolean
read_treatment (JsonObject  *object,
                const char  *where,
                Item        *item,
                GError     **error)
{
  g_autoptr(CarnetTreatment) treatment = carnet_treatment_new ();
  const char *name, *notes;
  gint64 cycle_days, cycles;
  GDate start, end;
  int kind;

  if (!read_string (object, where, "name", FALSE, &name, error) ||
      !read_enum (object, where, "kind", CARNET_TYPE_TREATMENT_KIND, -1, &kind, error) ||
      !read_date (object, where, "start", &start, error) ||
      !read_date (object, where, "end", &end, error) ||
      !read_int (object, where, "cycle_days", 0, G_MAXINT, 0, &cycle_days, error) ||
      !read_int (object, where, "cycles", 0, G_MAXINT, 0, &cycles, error) ||
      !read_string (object, where, "notes", FALSE, &notes, error))
    return FALSE;

  if (kind < 0)
    {
      set_invalid (error, where, "kind", _("is required"));
      return FALSE;
    }

  carnet_treatment_set_name (treatment, name);
  carnet_treatment_set_kind (treatment, kind);
  if (g_date_valid (&start))
    carnet_treatment_set_start (treatment, &start);
  if (g_date_valid (&end))
    carnet_treatment_set_end (treatment, &end);
  carnet_treatment_set_cycle_days (treatment, (guint) cycle_days);
  carnet_treatment_set_cycles (treatment, (guint) cycles);
  carnet_treatment_set_notes (treatment, notes);

  item->record = CARNET_RECORD (g_steal_pointer (&treatment));
  return TRUE;
}

static gboolean
read_record (Backup            *backup,
             CarnetRecordKind   kind,
             JsonNode          *node,
             const char        *where,
             gint64             now_utc,
             GError           **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GDateTime) trashed = NULL;
  Item *item;
  JsonObject *object;
  gboolean ok;
  gint64 trashed_utc;
  gboolean has_trashed;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      set_invalid (error, where, NULL, _("must be an object"));
      return FALSE;
    }

  object = json_node_get_object (node);
  item = g_new0 (Item, 1);
  g_ptr_array_add (backup->items[kind], item);

  if (!read_id (object, where, "id", TRUE, &item->file_id, error) ||
      !read_utc (object, where, "created", now_utc, NULL, &item->created_utc, error) ||
      !read_utc (object, where, "modified", now_utc, NULL, &item->modified_utc, error) ||
      !read_utc (object, where, "trashed", 0, &has_trashed, &trashed_utc, error))
    return FALSE;

  if (g_hash_table_contains (backup->by_id[kind], &item->file_id))
    {
      set_invalid (error, where, "id", _("%lld is given to two records"),
                   (long long) item->file_id);
      return FALSE;
    }
  g_hash_table_insert (backup->by_id[kind], &item->file_id, item);

  switch (kind)
    {
    case CARNET_RECORD_APPOINTMENT:
      ok = read_appointment (object, where, item, error);
      break;
    case CARNET_RECORD_RESULT:
      ok = read_result (object, where, item, error);
      break;
    case CARNET_RECORD_SIDE_EFFECT:
      ok = read_side_effect (object, where, item, error);
      break;
    case CARNET_RECORD_QUESTION:
      ok = read_question (object, where, now_utc, item, error);
      break;
    case CARNET_RECORD_TREATMENT:
    default:
      ok = read_treatment (object, where, item, error);
      break;
    }

  if (!ok)
    return FALSE;

  carnet_record_set_id (item->record, item->file_id);
  if (has_trashed)
    {
      trashed = g_date_time_new_from_unix_utc (trashed_utc);
      carnet_record_set_trashed (item->record, trashed);
    }

  if (!carnet_record_validate (item->record, &local_error))
    {
      place_error (error, local_error, where);
      return FALSE;
    }

  return TRUE;
}

static gboolean
read_section (Backup            *backup,
              JsonObject        *root,
              CarnetRecordKind   kind,
              gint64             now_utc,
              GError           **error)
{
  const char *name = section_names[kind];
  JsonNode *node = get_member (root, name);
  JsonArray *array;

  if (node == NULL)
    return TRUE;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      set_invalid (error, NULL, name, _("must be a list"));
      return FALSE;
    }

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *where = g_strdup_printf ("%s[%u]", name, i);

      if (!read_record (backup, kind, json_array_get_element (array, i), where, now_utc, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
read_log (Backup      *backup,
          JsonObject  *root,
          GError     **error)
{
  JsonNode *node = get_member (root, "reminder_log");
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  JsonArray *array;

  if (node == NULL)
    return TRUE;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      set_invalid (error, NULL, "reminder_log", _("must be a list"));
      return FALSE;
    }

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *where = g_strdup_printf ("reminder_log[%u]", i);
      g_autoptr(GArray) offsets = NULL;
      g_autoptr(GError) local_error = NULL;
      JsonNode *element = json_array_get_element (array, i);
      JsonObject *object;
      const char *offset, *state;
      gboolean has_occurrence, has_fires, has_decided;
      LogEntry entry = { 0 };
      char *key;
      int state_value;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          set_invalid (error, where, NULL, _("must be an object"));
          return FALSE;
        }

      object = json_node_get_object (element);
      if (!read_id (object, where, "appointment_id", TRUE, &entry.appointment_id, error) ||
          !read_utc (object, where, "occurrence", 0, &has_occurrence, &entry.occurrence_utc, error) ||
          !read_string (object, where, "offset", TRUE, &offset, error) ||
          !read_utc (object, where, "fires_at", 0, &has_fires, &entry.fires_utc, error) ||
          !read_enum (object, where, "state", CARNET_TYPE_REMINDER_STATE, -1, &state_value, error) ||
          !read_utc (object, where, "decided", 0, &has_decided, &entry.decided_utc, error) ||
          !read_utc (object, where, "snooze_until", 0, &entry.has_snooze, &entry.snooze_until_utc,
                     error))
        return FALSE;

      if (!has_occurrence || !has_fires || !has_decided || state_value < 0)
        {
          set_invalid (error, where,
                       !has_occurrence ? "occurrence" : !has_fires ? "fires_at"
                       : !has_decided ? "decided" : "state",
                       _("is required"));
          return FALSE;
        }

      offsets = carnet_offsets_parse (offset, "offset", &local_error);
      if (offsets == NULL || offsets->len != 1)
        {
          set_invalid (error, where, "offset", _("“%s” is not a reminder offset"), offset);
          return FALSE;
        }

      if (!g_hash_table_contains (backup->by_id[CARNET_RECORD_APPOINTMENT], &entry.appointment_id))
        {
          set_invalid (error, where, "appointment_id",
                       _("there is no appointment %lld in the file"),
                       (long long) entry.appointment_id);
          return FALSE;
        }

      state = carnet_enum_to_nick (CARNET_TYPE_REMINDER_STATE, state_value);
      entry.offset = carnet_offsets_to_string (offsets);
      key = g_strdup_printf ("%" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %s",
                             entry.appointment_id, entry.occurrence_utc, entry.offset);
      if (!g_hash_table_add (seen, key))
        {
          g_free (entry.offset);
          set_invalid (error, where, NULL, _("the same reminder is given twice"));
          return FALSE;
        }

      entry.state = g_strdup (state);
      g_array_append_val (backup->log, entry);
    }

  return TRUE;
}

static gboolean
check_link (Backup            *backup,
            CarnetRecordKind   kind,
            guint              index,
            const char        *member,
            CarnetRecordKind   target_kind,
            gint64             target_id,
            GError           **error)
{
  g_autofree char *where = NULL;

  if (target_id == 0 || g_hash_table_contains (backup->by_id[target_kind], &target_id))
    return TRUE;

  where = g_strdup_printf ("%s[%u]", section_names[kind], index);
  if (target_kind == CARNET_RECORD_APPOINTMENT)
    set_invalid (error, where, member, _("there is no appointment %lld in the file"),
                 (long long) target_id);
  else
    set_invalid (error, where, member, _("there is no treatment %lld in the file"),
                 (long long) target_id);
  return FALSE;
}

/* A record may point at an appointment or a treatment of the same file
 * (trashed or not). */
static gboolean
check_links (Backup  *backup,
             GError **error)
{
  GPtrArray *items;

  items = backup->items[CARNET_RECORD_RESULT];
  for (guint i = 0; i < items->len; i++)
    {
      CarnetResult *result = CARNET_RESULT (((Item *) g_ptr_array_index (items, i))->record);

      if (!check_link (backup, CARNET_RECORD_RESULT, i, "appointment_id", CARNET_RECORD_APPOINTMENT,
                       carnet_result_get_appointment_id (result), error))
        return FALSE;
    }

  items = backup->items[CARNET_RECORD_SIDE_EFFECT];
  for (guint i = 0; i < items->len; i++)
    {
      CarnetSideEffect *side_effect = CARNET_SIDE_EFFECT (((Item *) g_ptr_array_index (items, i))->record);

      if (!check_link (backup, CARNET_RECORD_SIDE_EFFECT, i, "treatment_id", CARNET_RECORD_TREATMENT,
                       carnet_side_effect_get_treatment_id (side_effect), error))
        return FALSE;
    }

  items = backup->items[CARNET_RECORD_QUESTION];
  for (guint i = 0; i < items->len; i++)
    {
      CarnetQuestion *question = CARNET_QUESTION (((Item *) g_ptr_array_index (items, i))->record);

      if (!check_link (backup, CARNET_RECORD_QUESTION, i, "appointment_id", CARNET_RECORD_APPOINTMENT,
                       carnet_question_get_appointment_id (question), error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
read_header (Backup      *backup,
             JsonObject  *root,
             GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  const char *format, *person, *reminders;
  gint64 version;

  if (!read_string (root, NULL, "format", FALSE, &format, error))
    return FALSE;

  if (g_strcmp0 (format, CARNET_BACKUP_FORMAT) != 0)
    {
      g_set_error (error, CARNET_ERROR, CARNET_ERROR_INVALID,
                   _("this is not a Carnet backup (no \"format\": \"%s\")"), CARNET_BACKUP_FORMAT);
      return FALSE;
    }

  if (!read_int (root, NULL, "version", 1, G_MAXINT64, 0, &version, error))
    return FALSE;

  if (version == 0)
    {
      set_invalid (error, NULL, "version", _("is required"));
      return FALSE;
    }

  if (version > CARNET_BACKUP_FORMAT_VERSION)
    {
      g_set_error (error, CARNET_ERROR, CARNET_ERROR_NEWER_VERSION,
                   _("this backup was written by a newer version of Carnet (format version %lld): update Carnet to import it"),
                   (long long) version);
      return FALSE;
    }

  if (!read_string (root, NULL, "person", FALSE, &person, error) ||
      !read_string (root, NULL, "default_reminders", FALSE, &reminders, error))
    return FALSE;

  if (!carnet_record_check_text (person, "person", FALSE, PERSON_MAX_CHARS, &local_error))
    {
      place_error (error, local_error, NULL);
      return FALSE;
    }

  if (reminders != NULL)
    {
      g_autoptr(GArray) offsets = carnet_offsets_parse (reminders, "default_reminders", &local_error);

      if (offsets == NULL)
        {
          place_error (error, local_error, NULL);
          return FALSE;
        }
      backup->default_reminders = carnet_offsets_to_string (offsets);
    }

  backup->person = person != NULL ? g_strstrip (g_strdup (person)) : NULL;
  return TRUE;
}

/* Parses and checks the whole file; nothing is written. */
static Backup *
read_backup (GBytes   *json,
             gint64    now_utc,
             GError  **error)
{
  g_autoptr(Backup) backup = backup_new ();
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) parse_error = NULL;
  const char *text;
  gsize length;
  JsonNode *root;

  text = g_bytes_get_data (json, &length);
  if (length > CARNET_BACKUP_MAX_BYTES)
    {
      g_autofree char *max = g_format_size_full (CARNET_BACKUP_MAX_BYTES, G_FORMAT_SIZE_IEC_UNITS);

      g_set_error (error, CARNET_ERROR, CARNET_ERROR_INVALID,
                   _("the file is larger than %s, more than a backup can be"), max);
      return NULL;
    }

  if (length == 0)
    {
      g_set_error (error, CARNET_ERROR, CARNET_ERROR_INVALID, _("the file is empty"));
      return NULL;
    }

  if (!check_text (text, length, error))
    return NULL;

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, text, (gssize) length, &parse_error))
    {
      set_parse_error (error, text, parse_error);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, CARNET_ERROR, CARNET_ERROR_INVALID,
                   _("this is not a Carnet backup (no \"format\": \"%s\")"), CARNET_BACKUP_FORMAT);
      return NULL;
    }

  if (!read_header (backup, json_node_get_object (root), error))
    return NULL;

  for (CarnetRecordKind kind = 0; kind < CARNET_N_RECORD_KINDS; kind++)
    {
      if (!read_section (backup, json_node_get_object (root), kind, now_utc, error))
        return NULL;
    }

  if (!check_links (backup, error) ||
      !read_log (backup, json_node_get_object (root), error))
    return NULL;

  return g_steal_pointer (&backup);
}

/* Writing into the notebook */

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
zone_of (GDateTime *dt)
{
  return carnet_time_zone_id ((GTimeZone *) g_date_time_get_timezone (dt));
}

static char *
format_key_double (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (isnan (value))
    return g_strdup ("");

  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.17g", value));
}

/* The content keys of the top of this file, from a record of the file… */
static char *
key_of_record (CarnetRecord *record)
{
  switch (carnet_record_get_kind (record))
    {
    case CARNET_RECORD_APPOINTMENT:
      {
        CarnetAppointment *appointment = CARNET_APPOINTMENT (record);

        return g_strdup_printf ("%s\x1f%s\x1f%" G_GINT64_FORMAT,
                                carnet_enum_to_nick (CARNET_TYPE_APPOINTMENT_KIND,
                                                     carnet_appointment_get_kind (appointment)),
                                carnet_appointment_get_title (appointment),
                                g_date_time_to_unix (carnet_appointment_get_start (appointment)));
      }

    case CARNET_RECORD_RESULT:
      {
        CarnetResult *result = CARNET_RESULT (record);
        g_autofree char *value = format_key_double (carnet_result_get_value (result));
        const char *text = carnet_result_has_value (result) ? NULL : carnet_result_get_text (result);

        return g_strdup_printf ("%s\x1f%" G_GINT64_FORMAT "\x1f%s\x1f%s",
                                carnet_result_get_name (result),
                                g_date_time_to_unix (carnet_result_get_at (result)),
                                value, text != NULL ? text : "");
      }

    case CARNET_RECORD_SIDE_EFFECT:
      {
        CarnetSideEffect *side_effect = CARNET_SIDE_EFFECT (record);

        return g_strdup_printf ("%s\x1f%" G_GINT64_FORMAT "\x1f%d",
                                carnet_side_effect_get_symptom (side_effect),
                                g_date_time_to_unix (carnet_side_effect_get_at (side_effect)),
                                carnet_side_effect_get_severity (side_effect));
      }

    case CARNET_RECORD_QUESTION:
      {
        CarnetQuestion *question = CARNET_QUESTION (record);

        return g_strdup_printf ("%s\x1f%" G_GINT64_FORMAT,
                                carnet_question_get_text (question),
                                g_date_time_to_unix (carnet_question_get_created (question)));
      }

    case CARNET_RECORD_TREATMENT:
    default:
      {
        CarnetTreatment *treatment = CARNET_TREATMENT (record);
        g_autofree char *start = carnet_date_format_iso (carnet_treatment_get_start (treatment));

        return g_strdup_printf ("%s\x1f%s\x1f%s",
                                carnet_treatment_get_name (treatment),
                                carnet_enum_to_nick (CARNET_TYPE_TREATMENT_KIND,
                                                     carnet_treatment_get_kind (treatment)),
                                start);
      }
    }
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           index)
{
  const char *text = (const char *) sqlite3_column_text (stmt, index);

  return text != NULL ? text : "";
}

/* … and from a row of key_sql. */
static char *
key_of_row (CarnetRecordKind  kind,
            sqlite3_stmt     *stmt)
{
  switch (kind)
    {
    case CARNET_RECORD_APPOINTMENT:
      return g_strdup_printf ("%s\x1f%s\x1f%" G_GINT64_FORMAT,
                              column_text (stmt, 1), column_text (stmt, 2),
                              (gint64) sqlite3_column_int64 (stmt, 3));

    case CARNET_RECORD_RESULT:
      {
        g_autofree char *value = format_key_double (sqlite3_column_type (stmt, 3) == SQLITE_NULL
                                                    ? NAN : sqlite3_column_double (stmt, 3));

        return g_strdup_printf ("%s\x1f%" G_GINT64_FORMAT "\x1f%s\x1f%s",
                                column_text (stmt, 1), (gint64) sqlite3_column_int64 (stmt, 2),
                                value, column_text (stmt, 4));
      }

    case CARNET_RECORD_SIDE_EFFECT:
      return g_strdup_printf ("%s\x1f%" G_GINT64_FORMAT "\x1f%d",
                              column_text (stmt, 1), (gint64) sqlite3_column_int64 (stmt, 2),
                              sqlite3_column_int (stmt, 3));

    case CARNET_RECORD_QUESTION:
      return g_strdup_printf ("%s\x1f%" G_GINT64_FORMAT,
                              column_text (stmt, 1), (gint64) sqlite3_column_int64 (stmt, 2));

    case CARNET_RECORD_TREATMENT:
    default:
      return g_strdup_printf ("%s\x1f%s\x1f%s",
                              column_text (stmt, 1), column_text (stmt, 2), column_text (stmt, 3));
    }
}

/* Key → id of what the notebook holds of @kind, trashed records included. */
static GHashTable *
read_existing_keys (CarnetNotebook    *notebook,
                    CarnetRecordKind   kind,
                    GError           **error)
{
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(CarnetCachedStmt) stmt = carnet_notebook_prepare (notebook, key_sql[kind], error);
  int rc;

  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 *id = g_new (gint64, 1);

      *id = sqlite3_column_int64 (stmt, 0);
      g_hash_table_insert (keys, key_of_row (kind, stmt), id);
    }

  if (rc != SQLITE_DONE)
    {
      carnet_sqlite_set_error (error, carnet_notebook_get_db (notebook), rc);
      return NULL;
    }

  return g_steal_pointer (&keys);
}

static gboolean
notebook_is_empty (CarnetNotebook  *notebook,
                   gboolean        *out_empty,
                   GError         **error)
{
  g_autoptr(CarnetCachedStmt) stmt =
    carnet_notebook_prepare (notebook,
                             "SELECT EXISTS (SELECT 1 FROM appointments)"
                             " OR EXISTS (SELECT 1 FROM results)"
                             " OR EXISTS (SELECT 1 FROM side_effects)"
                             " OR EXISTS (SELECT 1 FROM questions)"
                             " OR EXISTS (SELECT 1 FROM treatments)",
                             error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      carnet_sqlite_set_error (error, carnet_notebook_get_db (notebook), rc);
      return FALSE;
    }

  *out_empty = sqlite3_column_int (stmt, 0) == 0;
  return TRUE;
}

/* The notebook keeps the end of a repeat to find what is due quickly. */
static gboolean
last_occurrence_utc (CarnetAppointment *appointment,
                     gint64            *out_last)
{
  GDateTime *start = carnet_appointment_get_start (appointment);
  const char *repeat = carnet_appointment_get_repeat (appointment);
  g_autoptr(GPtrArray) starts = NULL;

  *out_last = g_date_time_to_unix (start);
  if (repeat == NULL)
    return TRUE;

  if (!carnet_recurrence_is_finite (repeat))
    return FALSE;

  starts = carnet_recurrence_expand (repeat, start, NULL, NULL, MAX_OCCURRENCES);
  if (starts->len > 0)
    *out_last = g_date_time_to_unix (g_ptr_array_index (starts, starts->len - 1));

  return TRUE;
}

static gboolean
step (CarnetNotebook    *notebook,
      CarnetCachedStmt  *stmt,
      gint64            *out_rowid,
      GError           **error)
{
  if (!carnet_notebook_step_done (notebook, stmt, error))
    return FALSE;

  if (out_rowid != NULL)
    *out_rowid = sqlite3_last_insert_rowid (carnet_notebook_get_db (notebook));

  return TRUE;
}

static gboolean
insert_appointment (CarnetNotebook  *notebook,
                    Item            *item,
                    gint64           id,
                    GError         **error)
{
  CarnetAppointment *appointment = CARNET_APPOINTMENT (item->record);
  GDateTime *start = carnet_appointment_get_start (appointment);
  g_autoptr(CarnetCachedStmt) stmt = NULL;
  gint64 last;

  stmt = carnet_notebook_prepare (notebook,
                                  "INSERT INTO appointments (id, title, kind, start_utc, tzid, all_day,"
                                  " duration, location, practitioner, notes, status, reminders, repeat,"
                                  " last_utc, created_utc, modified_utc, trashed_utc)"
                                  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14,"
                                  " ?15, ?16, ?17)",
                                  error);
  if (stmt == NULL)
    return FALSE;

  bind_id (stmt, 1, id);
  bind_text (stmt, 2, carnet_appointment_get_title (appointment));
  bind_nick (stmt, 3, CARNET_TYPE_APPOINTMENT_KIND, carnet_appointment_get_kind (appointment));
  bind_time (stmt, 4, start);
  bind_text (stmt, 5, zone_of (start));
  sqlite3_bind_int (stmt, 6, carnet_appointment_get_all_day (appointment));
  sqlite3_bind_int (stmt, 7, (int) carnet_appointment_get_duration (appointment));
  bind_text (stmt, 8, carnet_appointment_get_location (appointment));
  bind_text (stmt, 9, carnet_appointment_get_practitioner (appointment));
  bind_text (stmt, 10, carnet_appointment_get_notes (appointment));
  bind_nick (stmt, 11, CARNET_TYPE_STATUS, carnet_appointment_get_status (appointment));
  bind_text (stmt, 12, carnet_appointment_get_reminders (appointment));
  bind_text (stmt, 13, carnet_appointment_get_repeat (appointment));
  if (last_occurrence_utc (appointment, &last))
    sqlite3_bind_int64 (stmt, 14, last);
  else
    sqlite3_bind_null (stmt, 14);
  sqlite3_bind_int64 (stmt, 15, item->created_utc);
  sqlite3_bind_int64 (stmt, 16, item->modified_utc);
  bind_time (stmt, 17, carnet_record_get_trashed (item->record));

  return step (notebook, stmt, &item->notebook_id, error);
}

static gboolean
insert_result (CarnetNotebook  *notebook,
               Item            *item,
               gint64           id,
               gint64           appointment_id,
               GError         **error)
{
  CarnetResult *result = CARNET_RESULT (item->record);
  GBytes *data = carnet_result_get_attachment_data (result);
  GDateTime *at = carnet_result_get_at (result);
  g_autoptr(CarnetCachedStmt) stmt = NULL;
  gint64 attachment_id = 0;

  if (data != NULL)
    {
      gsize size;
      gconstpointer bytes = g_bytes_get_data (data, &size);

      stmt = carnet_notebook_prepare (notebook,
                                      "INSERT INTO attachments (name, data) VALUES (?1, ?2)",
                                      error);
      if (stmt == NULL)
        return FALSE;

      bind_text (stmt, 1, carnet_result_get_attachment_name (result));
      sqlite3_bind_blob64 (stmt, 2, size > 0 ? bytes : "", size, SQLITE_STATIC);
      if (!step (notebook, stmt, &attachment_id, error))
        return FALSE;
      g_clear_pointer (&stmt, carnet_cached_stmt_reset);
    }

  stmt = carnet_notebook_prepare (notebook,
                                  "INSERT INTO results (id, name, value, text, unit, low, high, at_utc,"
                                  " tzid, appointment_id, notes, attachment_id, created_utc,"
                                  " modified_utc, trashed_utc)"
                                  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14,"
                                  " ?15)",
                                  error);
  if (stmt == NULL)
    return FALSE;

  bind_id (stmt, 1, id);
  bind_text (stmt, 2, carnet_result_get_name (result));
  bind_double (stmt, 3, carnet_result_get_value (result));
  bind_text (stmt, 4, carnet_result_has_value (result) ? NULL : carnet_result_get_text (result));
  bind_text (stmt, 5, carnet_result_get_unit (result));
  bind_double (stmt, 6, carnet_result_get_low (result));
  bind_double (stmt, 7, carnet_result_get_high (result));
  bind_time (stmt, 8, at);
  bind_text (stmt, 9, zone_of (at));
  bind_id (stmt, 10, appointment_id);
  bind_text (stmt, 11, carnet_result_get_notes (result));
  bind_id (stmt, 12, attachment_id);
  sqlite3_bind_int64 (stmt, 13, item->created_utc);
  sqlite3_bind_int64 (stmt, 14, item->modified_utc);
  bind_time (stmt, 15, carnet_record_get_trashed (item->record));

  return step (notebook, stmt, &item->notebook_id, error);
}

static gboolean
insert_side_effect (CarnetNotebook  *notebook,
                    Item            *item,
                    gint64           id,
                    gint64           treatment_id,
                    GError         **error)
{
  CarnetSideEffect *side_effect = CARNET_SIDE_EFFECT (item->record);
  GDateTime *at = carnet_side_effect_get_at (side_effect);
  g_autoptr(CarnetCachedStmt) stmt = NULL;

  stmt = carnet_notebook_prepare (notebook,
                                  "INSERT INTO side_effects (id, symptom, severity, at_utc, until_utc,"
                                  " tzid, treatment_id, notes, created_utc, modified_utc, trashed_utc)"
                                  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                                  error);
  if (stmt == NULL)
    return FALSE;

  bind_id (stmt, 1, id);
  bind_text (stmt, 2, carnet_side_effect_get_symptom (side_effect));
  sqlite3_bind_int (stmt, 3, carnet_side_effect_get_severity (side_effect));
  bind_time (stmt, 4, at);
  bind_time (stmt, 5, carnet_side_effect_get_until (side_effect));
  bind_text (stmt, 6, zone_of (at));
  bind_id (stmt, 7, treatment_id);
  bind_text (stmt, 8, carnet_side_effect_get_notes (side_effect));
  sqlite3_bind_int64 (stmt, 9, item->created_utc);
  sqlite3_bind_int64 (stmt, 10, item->modified_utc);
  bind_time (stmt, 11, carnet_record_get_trashed (item->record));

  return step (notebook, stmt, &item->notebook_id, error);
}

/* Questions merged into a consultation that has some already come after them,
 * in the file's order. */
static gboolean
question_position_base (CarnetNotebook  *notebook,
                        GHashTable      *bases,
                        gint64           appointment_id,
                        guint           *out_base,
                        GError         **error)
{
  g_autoptr(CarnetCachedStmt) stmt = NULL;
  gpointer cached;
  gint64 *key;
  int rc;

  if (g_hash_table_lookup_extended (bases, &appointment_id, NULL, &cached))
    {
      *out_base = GPOINTER_TO_UINT (cached);
      return TRUE;
    }

  stmt = carnet_notebook_prepare (notebook,
                                  "SELECT coalesce(max(position), 0) FROM questions"
                                  " WHERE appointment_id IS ?1",
                                  error);
  if (stmt == NULL)
    return FALSE;

  bind_id (stmt, 1, appointment_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      carnet_sqlite_set_error (error, carnet_notebook_get_db (notebook), rc);
      return FALSE;
    }

  *out_base = (guint) MIN (sqlite3_column_int64 (stmt, 0), MAX_POSITION);
  key = g_new (gint64, 1);
  *key = appointment_id;
  g_hash_table_insert (bases, key, GUINT_TO_POINTER (*out_base));
  return TRUE;
}

static gboolean
insert_question (CarnetNotebook  *notebook,
                 Item            *item,
                 gint64           id,
                 gint64           appointment_id,
                 guint            position,
                 GError         **error)
{
  CarnetQuestion *question = CARNET_QUESTION (item->record);
  g_autoptr(CarnetCachedStmt) stmt = NULL;

  stmt = carnet_notebook_prepare (notebook,
                                  "INSERT INTO questions (id, text, appointment_id, author, status,"
                                  " answer, position, created_utc, modified_utc, trashed_utc)"
                                  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                                  error);
  if (stmt == NULL)
    return FALSE;

  bind_id (stmt, 1, id);
  bind_text (stmt, 2, carnet_question_get_text (question));
  bind_id (stmt, 3, appointment_id);
  bind_nick (stmt, 4, CARNET_TYPE_AUTHOR, carnet_question_get_author (question));
  bind_nick (stmt, 5, CARNET_TYPE_QUESTION_STATUS, carnet_question_get_status (question));
  bind_text (stmt, 6, carnet_question_get_answer (question));
  sqlite3_bind_int (stmt, 7, (int) position);
  sqlite3_bind_int64 (stmt, 8, item->created_utc);
  sqlite3_bind_int64 (stmt, 9, item->modified_utc);
  bind_time (stmt, 10, carnet_record_get_trashed (item->record));

  return step (notebook, stmt, &item->notebook_id, error);
}

static gboolean
insert_treatment (CarnetNotebook  *notebook,
                  Item            *item,
                  gint64           id,
                  GError         **error)
{
  CarnetTreatment *treatment = CARNET_TREATMENT (item->record);
  g_autoptr(CarnetCachedStmt) stmt = NULL;

  stmt = carnet_notebook_prepare (notebook,
                                  "INSERT INTO treatments (id, name, kind, start_date, end_date,"
                                  " cycle_days, cycles, notes, created_utc, modified_utc, trashed_utc)"
                                  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                                  error);
  if (stmt == NULL)
    return FALSE;

  bind_id (stmt, 1, id);
  bind_text (stmt, 2, carnet_treatment_get_name (treatment));
  bind_nick (stmt, 3, CARNET_TYPE_TREATMENT_KIND, carnet_treatment_get_kind (treatment));
  bind_date (stmt, 4, carnet_treatment_get_start (treatment));
  bind_date (stmt, 5, carnet_treatment_get_end (treatment));
  sqlite3_bind_int (stmt, 6, (int) carnet_treatment_get_cycle_days (treatment));
  sqlite3_bind_int (stmt, 7, (int) carnet_treatment_get_cycles (treatment));
  bind_text (stmt, 8, carnet_treatment_get_notes (treatment));
  sqlite3_bind_int64 (stmt, 9, item->created_utc);
  sqlite3_bind_int64 (stmt, 10, item->modified_utc);
  bind_time (stmt, 11, carnet_record_get_trashed (item->record));

  return step (notebook, stmt, &item->notebook_id, error);
}

/* The notebook's id of what the file calls @kind @file_id. */
static gint64
map_link (Backup           *backup,
          CarnetRecordKind  kind,
          gint64            file_id)
{
  Item *target;

  if (file_id <= 0)
    return 0;

  target = g_hash_table_lookup (backup->by_id[kind], &file_id);
  g_assert (target != NULL && target->notebook_id > 0);
  return target->notebook_id;
}

static gboolean
insert_item (CarnetNotebook  *notebook,
             Backup          *backup,
             Item            *item,
             gboolean         keep_ids,
             GHashTable      *position_bases,
             GError         **error)
{
  gint64 id = keep_ids ? item->file_id : 0;

  switch (carnet_record_get_kind (item->record))
    {
    case CARNET_RECORD_APPOINTMENT:
      return insert_appointment (notebook, item, id, error);

    case CARNET_RECORD_RESULT:
      return insert_result (notebook, item, id,
                            map_link (backup, CARNET_RECORD_APPOINTMENT,
                                      carnet_result_get_appointment_id (CARNET_RESULT (item->record))),
                            error);

    case CARNET_RECORD_SIDE_EFFECT:
      return insert_side_effect (notebook, item, id,
                                 map_link (backup, CARNET_RECORD_TREATMENT,
                                           carnet_side_effect_get_treatment_id (CARNET_SIDE_EFFECT (item->record))),
                                 error);

    case CARNET_RECORD_QUESTION:
      {
        CarnetQuestion *question = CARNET_QUESTION (item->record);
        gint64 appointment_id = map_link (backup, CARNET_RECORD_APPOINTMENT,
                                          carnet_question_get_appointment_id (question));
        guint base;

        if (!question_position_base (notebook, position_bases, appointment_id, &base, error))
          return FALSE;

        return insert_question (notebook, item, id, appointment_id,
                                MIN (base + MAX (carnet_question_get_position (question), 1),
                                     (guint) G_MAXINT),
                                error);
      }

    case CARNET_RECORD_TREATMENT:
    default:
      return insert_treatment (notebook, item, id, error);
    }
}

static gboolean
insert_occurrences (CarnetNotebook  *notebook,
                    Item            *item,
                    GError         **error)
{
  for (guint i = 0; i < item->occurrences->len; i++)
    {
      OccurrenceStatus *occurrence = &g_array_index (item->occurrences, OccurrenceStatus, i);
      g_autoptr(CarnetCachedStmt) stmt =
        carnet_notebook_prepare (notebook,
                                 "INSERT INTO occurrence_status (appointment_id, start_utc, status)"
                                 " VALUES (?1, ?2, ?3)",
                                 error);

      if (stmt == NULL)
        return FALSE;

      sqlite3_bind_int64 (stmt, 1, item->notebook_id);
      sqlite3_bind_int64 (stmt, 2, occurrence->start_utc);
      bind_nick (stmt, 3, CARNET_TYPE_STATUS, occurrence->status);
      if (!step (notebook, stmt, NULL, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
insert_log (CarnetNotebook  *notebook,
            Backup          *backup,
            GError         **error)
{
  for (guint i = 0; i < backup->log->len; i++)
    {
      LogEntry *entry = &g_array_index (backup->log, LogEntry, i);
      Item *appointment = g_hash_table_lookup (backup->by_id[CARNET_RECORD_APPOINTMENT],
                                               &entry->appointment_id);
      g_autoptr(CarnetCachedStmt) stmt = NULL;

      /* An appointment the notebook had already keeps its own log. */
      if (!appointment->inserted)
        continue;

      stmt = carnet_notebook_prepare (notebook,
                                      "INSERT INTO reminder_log (appointment_id, occurrence_utc, offset,"
                                      " fires_utc, state, decided_utc, snooze_until_utc)"
                                      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                                      error);
      if (stmt == NULL)
        return FALSE;

      sqlite3_bind_int64 (stmt, 1, appointment->notebook_id);
      sqlite3_bind_int64 (stmt, 2, entry->occurrence_utc);
      bind_text (stmt, 3, entry->offset);
      sqlite3_bind_int64 (stmt, 4, entry->fires_utc);
      bind_text (stmt, 5, entry->state);
      sqlite3_bind_int64 (stmt, 6, entry->decided_utc);
      if (entry->has_snooze)
        sqlite3_bind_int64 (stmt, 7, entry->snooze_until_utc);
      else
        sqlite3_bind_null (stmt, 7);
      if (!step (notebook, stmt, NULL, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
write_meta (CarnetNotebook  *notebook,
            const char      *key,
            const char      *value,
            GError         **error)
{
  g_autoptr(CarnetCachedStmt) stmt =
    carnet_notebook_prepare (notebook,
                             "INSERT INTO meta (key, value) VALUES (?1, ?2)"
                             " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                             error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  bind_text (stmt, 2, value);
  return step (notebook, stmt, NULL, error);
}

static gboolean
write_backup (CarnetNotebook      *notebook,
              Backup              *backup,
              CarnetImportReport  *report,
              gboolean            *out_set_person,
              gboolean            *out_set_reminders,
              GError             **error)
{
  g_autoptr(GHashTable) position_bases = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  gboolean empty = FALSE;

  if (!notebook_is_empty (notebook, &empty, error))
    return FALSE;

  report->restored = empty;

  for (guint k = 0; k < G_N_ELEMENTS (import_order); k++)
    {
      CarnetRecordKind kind = import_order[k];
      GPtrArray *items = backup->items[kind];
      g_autoptr(GHashTable) existing = NULL;

      if (!empty)
        {
          existing = read_existing_keys (notebook, kind, error);
          if (existing == NULL)
            return FALSE;
        }

      for (guint i = 0; i < items->len; i++)
        {
          Item *item = g_ptr_array_index (items, i);
          gint64 *found = NULL;

          if (existing != NULL)
            {
              g_autofree char *key = key_of_record (item->record);

              found = g_hash_table_lookup (existing, key);
            }

          if (found != NULL)
            {
              item->notebook_id = *found;
              report->skipped[kind]++;
              continue;
            }

          if (!insert_item (notebook, backup, item, empty, position_bases, error))
            return FALSE;

          item->inserted = TRUE;
          /* Searchable like any record outside the trash; the record now
           * carries the notebook's id (its links keep the file's). */
          carnet_record_set_id (item->record, item->notebook_id);
          if (carnet_record_get_trashed (item->record) == NULL &&
              !carnet_notebook_index_record (notebook, item->record, error))
            return FALSE;

          report->added[kind]++;

          if (kind == CARNET_RECORD_APPOINTMENT && !insert_occurrences (notebook, item, error))
            return FALSE;
        }
    }

  if (!insert_log (notebook, backup, error))
    return FALSE;

  /* A name and settings the notebook has already are its own. */
  *out_set_person = backup->person != NULL && *backup->person != '\0' &&
                    (empty || *carnet_notebook_get_person (notebook) == '\0');
  if (*out_set_person && !write_meta (notebook, "person", backup->person, error))
    return FALSE;

  *out_set_reminders = backup->default_reminders != NULL && empty;
  if (*out_set_reminders &&
      !write_meta (notebook, "default-reminders", backup->default_reminders, error))
    return FALSE;

  return TRUE;
}

/* Public API */

/**
 * carnet_backup_export_json:
 *
 * The whole notebook as a JSON backup (see the top of carnet-backup-json.c),
 * read in one transaction.
 *
 * Returns: (transfer full): the JSON text, UTF-8, ending with a newline
 */
GBytes *
carnet_backup_export_json (CarnetNotebook  *notebook,
                           GError         **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonGenerator) generator = NULL;
  g_autofree char *text = NULL;
  char *shortened;

  g_return_val_if_fail (CARNET_IS_NOTEBOOK (notebook), NULL);

  if (!run_sql (notebook, "BEGIN", error))
    return NULL;

  root = notebook_to_json (notebook, error);
  run_sql (notebook, "COMMIT", NULL);
  if (root == NULL)
    return NULL;

  generator = json_generator_new ();
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);

  shortened = shorten_doubles (text);
  {
    gsize length = strlen (shortened);

    shortened = g_realloc (shortened, length + 2);
    shortened[length] = '\n';
    shortened[length + 1] = '\0';
    return g_bytes_new_take (shortened, length + 1);
  }
}

/**
 * carnet_backup_check_json:
 * @json: the content of a backup file
 *
 * Reads and checks a JSON backup without importing it.
 *
 * Returns: whether the file could be imported; when not, @error tells what
 *   is wrong and where ("line 3, column 14: …", "results[2].value: …")
 */
gboolean
carnet_backup_check_json (GBytes  *json,
                          GError **error)
{
  g_autoptr(Backup) backup = NULL;

  g_return_val_if_fail (json != NULL, FALSE);

  backup = read_backup (json, g_get_real_time () / G_USEC_PER_SEC, error);
  return backup != NULL;
}

/**
 * carnet_backup_import_json:
 * @json: the content of a backup file
 * @out_report: (out caller-allocates) (optional): what was added and what was
 *   there already
 *
 * Restores a backup into an empty notebook, or merges it into one that has
 * records (see the top of carnet-backup-json.c). The whole file is checked
 * before anything is written, then written in one transaction: on error the
 * notebook is as it was.
 */
gboolean
carnet_backup_import_json (CarnetNotebook      *notebook,
                           GBytes              *json,
                           CarnetImportReport  *out_report,
                           GError             **error)
{
  g_autoptr(Backup) backup = NULL;
  CarnetImportReport report = { { 0 } };
  gboolean set_person = FALSE;
  gboolean set_reminders = FALSE;

  g_return_val_if_fail (CARNET_IS_NOTEBOOK (notebook), FALSE);
  g_return_val_if_fail (json != NULL, FALSE);

  backup = read_backup (json, carnet_notebook_now_utc (notebook), error);
  if (backup == NULL)
    return FALSE;

  if (!carnet_notebook_begin_write (notebook, error))
    return FALSE;

  if (!write_backup (notebook, backup, &report, &set_person, &set_reminders, error))
    {
      carnet_notebook_rollback (notebook);
      return FALSE;
    }

  if (!carnet_notebook_commit (notebook, error))
    return FALSE;

  /* The notebook keeps its name and settings at hand: tell it. The values
   * are written already, so a failure here changes nothing on disk. */
  if (set_person)
    carnet_notebook_set_person (notebook, backup->person, NULL);
  if (set_reminders)
    carnet_notebook_set_default_reminders (notebook, backup->default_reminders, NULL);

  if (out_report != NULL)
    *out_report = report;

  return TRUE;
}
