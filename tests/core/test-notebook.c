/* test-notebook.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <sqlite3.h>
#include <glib/gstdio.h>

#include "carnet.h"
#include "carnet-notebook-private.h"

typedef struct
{
  char           *dir;
  char           *path;
  CarnetClock    *clock;
  CarnetNotebook *notebook;
} Fixture;

static GDateTime *
paris_time (int year, int month, int day, int hour, int minute)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Paris");

  return g_date_time_new (tz, year, month, day, hour, minute, 0);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = paris_time (2026, 11, 28, 10, 0);

  fixture->dir = g_dir_make_tmp ("carnet-test-XXXXXX", &error);
  g_assert_no_error (error);
  /* A folder that does not exist yet, to see it made private. */
  fixture->path = g_build_filename (fixture->dir, "person", "notebook.carnet", NULL);
  fixture->clock = carnet_clock_new_fixed (now);
  fixture->notebook = carnet_notebook_open (fixture->path, CARNET_OPEN_FLAGS_CREATE,
                                            fixture->clock, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->notebook);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
    }

  g_remove (path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  if (fixture->notebook != NULL)
    g_assert_finalize_object (fixture->notebook);
  g_clear_object (&fixture->clock);
  remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static GBytes *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, length);
}

static CarnetAppointment *
new_appointment (const char *title,
                 GDateTime  *start)
{
  CarnetAppointment *appointment = carnet_appointment_new ();

  carnet_appointment_set_title (appointment, title);
  carnet_appointment_set_kind (appointment, CARNET_APPOINTMENT_CONSULTATION);
  carnet_appointment_set_start (appointment, start);
  return appointment;
}

static gint64
add_appointment (Fixture    *fixture,
                 const char *title,
                 GDateTime  *start,
                 const char *repeat)
{
  g_autoptr(CarnetAppointment) appointment = new_appointment (title, start);
  g_autoptr(GError) error = NULL;

  carnet_appointment_set_repeat (appointment, repeat);
  carnet_notebook_add (fixture->notebook, CARNET_RECORD (appointment), &error);
  g_assert_no_error (error);

  return carnet_record_get_id (CARNET_RECORD (appointment));
}

static gint64
add_question (Fixture    *fixture,
              const char *text,
              gint64      appointment_id)
{
  g_autoptr(CarnetQuestion) question = carnet_question_new ();
  g_autoptr(GError) error = NULL;

  carnet_question_set_text (question, text);
  carnet_question_set_appointment_id (question, appointment_id);
  carnet_notebook_add (fixture->notebook, CARNET_RECORD (question), &error);
  g_assert_no_error (error);

  return carnet_record_get_id (CARNET_RECORD (question));
}

static guint
count (Fixture          *fixture,
       CarnetRecordKind  kind)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = carnet_notebook_list (fixture->notebook, kind, NULL, NULL, &error);

  g_assert_no_error (error);
  return g_list_model_get_n_items (list);
}

/* The file itself */

static void
test_create_private_wal (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autofree char *dir = g_path_get_dirname (fixture->path);
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  g_autoptr(CarnetCheckReport) report = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  g_assert_cmpint (g_stat (fixture->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);

  carnet_notebook_set_person (fixture->notebook, "Claire Martin", &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (wal, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  report = carnet_notebook_check (fixture->notebook, &error);
  g_assert_no_error (error);
  g_assert_true (report->ok);
  g_assert_cmpstr (report->journal_mode, ==, "wal");
  g_assert_cmpint (report->schema_version, ==, CARNET_SCHEMA_VERSION);
  g_assert_cmpint (carnet_notebook_get_schema_version (fixture->notebook), ==, CARNET_SCHEMA_VERSION);
}

static void
test_pragmas (Fixture       *fixture,
              gconstpointer  user_data)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  /* Another connection sees our application_id and version in the file. */
  g_assert_cmpint (sqlite3_open_v2 (fixture->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA application_id", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, CARNET_APPLICATION_ID);
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, CARNET_SCHEMA_VERSION);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

static void
test_reopen_keeps_data (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(GDateTime) start = paris_time (2026, 12, 3, 8, 30);
  g_autoptr(GError) error = NULL;
  g_autoptr(CarnetRecord) record = NULL;
  gint64 id;

  carnet_notebook_set_person (fixture->notebook, "Claire Martin", &error);
  g_assert_no_error (error);
  id = add_appointment (fixture, "Oncologist", start, NULL);
  g_clear_object (&fixture->notebook);

  fixture->notebook = carnet_notebook_open (fixture->path, CARNET_OPEN_FLAGS_NONE, fixture->clock, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (carnet_notebook_get_person (fixture->notebook), ==, "Claire Martin");
  record = carnet_notebook_get (fixture->notebook, CARNET_RECORD_APPOINTMENT, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (carnet_appointment_get_title (CARNET_APPOINTMENT (record)), ==, "Oncologist");
  g_assert_true (g_date_time_equal (carnet_appointment_get_start (CARNET_APPOINTMENT (record)), start));
  g_assert_cmpstr (carnet_appointment_get_reminders (CARNET_APPOINTMENT (record)), ==, "");
}

static void
test_missing_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("carnet-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "nothing.carnet", NULL);
  g_autoptr(CarnetNotebook) notebook = NULL;

  notebook = carnet_notebook_open (path, CARNET_OPEN_FLAGS_NONE, NULL, &error);
  g_assert_null (notebook);
  g_assert_error (error, CARNET_ERROR, CARNET_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_rmdir (dir);
}

static void
assert_refused (const char      *path,
                CarnetOpenFlags  flags,
                CarnetError      code)
{
  g_autoptr(GBytes) before = read_file (path);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CarnetNotebook) notebook = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  notebook = carnet_notebook_open (path, flags, NULL, &error);
  g_assert_null (notebook);
  g_assert_error (error, CARNET_ERROR, (int)code);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));

  after = read_file (path);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (shm, G_FILE_TEST_EXISTS));
}

static void
test_foreign_files (void)
{
  g_autofree char *dir = g_dir_make_tmp ("carnet-test-XXXXXX", NULL);
  g_autofree char *garbage = g_build_filename (dir, "garbage.carnet", NULL);
  g_autofree char *foreign = g_build_filename (dir, "foreign.sqlite", NULL);
  g_autofree char *truncated = g_build_filename (dir, "truncated.carnet", NULL);
  g_autofree char *empty = g_build_filename (dir, "empty.carnet", NULL);
  sqlite3 *db = NULL;

  g_assert_true (g_file_set_contents (garbage, "%PDF-1.4 this is not a notebook\n", -1, NULL));
  g_assert_true (g_file_set_contents (truncated, "SQLite format 3", 16, NULL));
  g_assert_true (g_file_set_contents (empty, "", 0, NULL));

  g_assert_cmpint (sqlite3_open (foreign, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE songs (title TEXT); INSERT INTO songs VALUES ('la');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  for (guint i = 0; i < 2; i++)
    {
      CarnetOpenFlags flags = i == 0 ? CARNET_OPEN_FLAGS_CREATE : CARNET_OPEN_FLAGS_READ_ONLY;

      assert_refused (garbage, flags, CARNET_ERROR_FOREIGN_FILE);
      assert_refused (foreign, flags, CARNET_ERROR_FOREIGN_FILE);
      assert_refused (truncated, flags, CARNET_ERROR_FOREIGN_FILE);
    }
  /* An empty file is only a notebook when we are asked to make one. */
  assert_refused (empty, CARNET_OPEN_FLAGS_NONE, CARNET_ERROR_FOREIGN_FILE);

  remove_tree (dir);
}

static void
test_newer_version (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;
  g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d", CARNET_SCHEMA_VERSION + 1);

  g_clear_object (&fixture->notebook);

  /* What a future Carnet would leave: our id, a higher version, no WAL. */
  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  assert_refused (fixture->path, CARNET_OPEN_FLAGS_CREATE, CARNET_ERROR_NEWER_VERSION);
  assert_refused (fixture->path, CARNET_OPEN_FLAGS_READ_ONLY, CARNET_ERROR_NEWER_VERSION);
}

/* A notebook of schema version 1, with data in it, as the first release
 * wrote it: opening it migrates it forward and keeps every row. */
static void
test_migrate_from_v1 (void)
{
  g_autofree char *dir = g_dir_make_tmp ("carnet-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "old.carnet", NULL);
  g_autoptr(CarnetNotebook) notebook = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) agenda = NULL;
  g_autoptr(GDateTime) start = paris_time (2026, 12, 3, 8, 30);
  g_autoptr(GDateTime) occurrence = paris_time (2026, 12, 10, 8, 30);
  g_autoptr(GDateTime) end = paris_time (2027, 1, 1, 0, 0);
  g_autofree char *insert = NULL;
  sqlite3 *db = NULL;
  int fd;

  fd = g_open (path, O_WRONLY | O_CREAT, 0600);
  g_assert_cmpint (fd, >=, 0);
  close (fd);

  insert = g_strdup_printf ("INSERT INTO appointments (title, kind, start_utc, tzid, repeat, last_utc,"
                            " created_utc, modified_utc) VALUES ('Blood test', 'blood-test', %"
                            G_GINT64_FORMAT ", 'Europe/Paris', 'FREQ=WEEKLY;COUNT=3', NULL, 0, 0);"
                            "INSERT INTO questions (text, appointment_id, created_utc, modified_utc,"
                            " position) VALUES ('Is it normal?', 1, 0, 0, 1);"
                            "INSERT INTO meta VALUES ('person', 'Jean');",
                            g_date_time_to_unix (start));

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, carnet_notebook_migration_sql (1), NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, insert, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA application_id = 1131572852; PRAGMA user_version = 1;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  /* Read-only cannot upgrade, and says so without touching the file. */
  assert_refused (path, CARNET_OPEN_FLAGS_READ_ONLY, CARNET_ERROR_READ_ONLY);

  notebook = carnet_notebook_open (path, CARNET_OPEN_FLAGS_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (carnet_notebook_get_schema_version (notebook), ==, CARNET_SCHEMA_VERSION);
  g_assert_cmpstr (carnet_notebook_get_person (notebook), ==, "Jean");
  {
    g_autoptr(GListModel) hits = carnet_notebook_search (notebook, "normal", 0, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 1);
  }

  /* Version 2's table works on the migrated data. */
  carnet_notebook_set_occurrence_status (notebook, 1, occurrence, CARNET_STATUS_DONE, &error);
  g_assert_no_error (error);
  agenda = carnet_notebook_agenda (notebook, start, end, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (agenda), ==, 3);
  {
    g_autoptr(CarnetOccurrence) second = g_list_model_get_item (agenda, 1);

    g_assert_cmpint (carnet_occurrence_get_status (second), ==, CARNET_STATUS_DONE);
  }

  g_clear_object (&notebook);
  remove_tree (dir);
}

/* Records */

static void
test_add_get_update (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(GDateTime) start = paris_time (2026, 12, 3, 8, 30);
  g_autoptr(CarnetAppointment) appointment = new_appointment ("Scanner", start);
  g_autoptr(CarnetRecord) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) end = NULL;
  gint64 id;

  carnet_appointment_set_kind (appointment, CARNET_APPOINTMENT_IMAGING);
  carnet_appointment_set_duration (appointment, 45);
  carnet_appointment_set_location (appointment, "Hôpital Saint-Louis");
  carnet_appointment_set_practitioner (appointment, "Dr Morel");
  carnet_appointment_set_notes (appointment, "À jeun");
  carnet_appointment_set_reminders (appointment, "1d,2h", &error);
  g_assert_no_error (error);

  g_assert_true (carnet_notebook_add (fixture->notebook, CARNET_RECORD (appointment), &error));
  g_assert_no_error (error);
  id = carnet_record_get_id (CARNET_RECORD (appointment));
  g_assert_cmpint (id, >, 0);

  stored = carnet_notebook_get (fixture->notebook, CARNET_RECORD_APPOINTMENT, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (carnet_appointment_get_kind (CARNET_APPOINTMENT (stored)), ==, CARNET_APPOINTMENT_IMAGING);
  g_assert_cmpstr (carnet_appointment_get_location (CARNET_APPOINTMENT (stored)), ==, "Hôpital Saint-Louis");
  g_assert_cmpstr (carnet_appointment_get_practitioner (CARNET_APPOINTMENT (stored)), ==, "Dr Morel");
  g_assert_cmpstr (carnet_appointment_get_reminders (CARNET_APPOINTMENT (stored)), ==, "2h,1d");
  end = carnet_appointment_dup_end (CARNET_APPOINTMENT (stored));
  g_assert_cmpint (g_date_time_get_minute (end), ==, 15);
  g_assert_cmpint (g_date_time_get_hour (end), ==, 9);

  carnet_appointment_set_status (CARNET_APPOINTMENT (stored), CARNET_STATUS_DONE);
  carnet_appointment_set_location (CARNET_APPOINTMENT (stored), NULL);
  g_assert_true (carnet_notebook_update (fixture->notebook, stored, &error));
  g_assert_no_error (error);
  g_clear_object (&stored);

  stored = carnet_notebook_get (fixture->notebook, CARNET_RECORD_APPOINTMENT, id, &error);
  g_assert_cmpint (carnet_appointment_get_status (CARNET_APPOINTMENT (stored)), ==, CARNET_STATUS_DONE);
  g_assert_null (carnet_appointment_get_location (CARNET_APPOINTMENT (stored)));
}

static void
test_invalid_changes_nothing (Fixture       *fixture,
                              gconstpointer  user_data)
{
  g_autoptr(GDateTime) at = paris_time (2026, 12, 3, 8, 30);
  g_autoptr(CarnetSideEffect) side_effect = carnet_side_effect_new ();
  g_autoptr(CarnetResult) result = carnet_result_new ();
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;

  carnet_notebook_set_person (fixture->notebook, "Claire", &error);
  g_assert_no_error (error);
  before = read_file (fixture->path);

  carnet_side_effect_set_symptom (side_effect, "Nausea");
  carnet_side_effect_set_severity (side_effect, 7);
  carnet_side_effect_set_at (side_effect, at);
  g_assert_false (carnet_notebook_add (fixture->notebook, CARNET_RECORD (side_effect), &error));
  g_assert_error (error, CARNET_ERROR, CARNET_ERROR_INVALID);
  g_assert_cmpstr (carnet_error_get_field (error), ==, "severity");
  g_assert_cmpint (carnet_record_get_id (CARNET_RECORD (side_effect)), ==, 0);
  g_clear_error (&error);

  /* A link to a treatment that does not exist is refused by name. */
  carnet_side_effect_set_severity (side_effect, 2);
  carnet_side_effect_set_treatment_id (side_effect, 42);
  g_assert_false (carnet_notebook_add (fixture->notebook, CARNET_RECORD (side_effect), &error));
  g_assert_error (error, CARNET_ERROR, CARNET_ERROR_INVALID);
  g_assert_cmpstr (carnet_error_get_field (error), ==, "treatment_id");
  g_assert_cmpint (carnet_record_get_id (CARNET_RECORD (side_effect)), ==, 0);
  g_clear_error (&error);

  carnet_result_set_name (result, "CA 15-3");
  carnet_result_set_at (result, at);
  carnet_result_set_value (result, 12.0);
  carnet_result_set_appointment_id (result, 99);
  g_assert_false (carnet_notebook_add (fixture->notebook, CARNET_RECORD (result), &error));
  g_assert_cmpstr (carnet_error_get_field (error), ==, "appointment_id");
  g_clear_error (&error);

  g_assert_false (carnet_notebook_trash (fixture->notebook, CARNET_RECORD_RESULT, 5, &error));
  g_assert_error (error, CARNET_ERROR, CARNET_ERROR_NOT_FOUND);

  after = read_file (fixture->path);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_cmpuint (count (fixture, CARNET_RECORD_SIDE_EFFECT), ==, 0);
  g_assert_cmpuint (count (fixture, CARNET_RECORD_RESULT), ==, 0);
}

static void
test_result_attachment_and_flag (Fixture       *fixture,
                                 gconstpointer  user_data)
{
  g_autoptr(GDateTime) at = paris_time (2026, 11, 20, 9, 0);
  g_autoptr(CarnetResult) result = carnet_result_new ();
  g_autoptr(CarnetResult) report = carnet_result_new ();
  g_autoptr(GBytes) pdf = g_bytes_new_static ("%PDF-1.4\n\0binary\xff", 17);
  g_autoptr(GBytes) stored_pdf = NULL;
  g_autoptr(CarnetRecord) stored = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  carnet_result_set_name (result, "CA 15-3");
  carnet_result_set_value (result, 42.5);
  carnet_result_set_unit (result, "U/mL");
  carnet_result_set_low (result, 0);
  carnet_result_set_high (result, 30);
  carnet_result_set_at (result, at);
  carnet_result_set_attachment (result, "labo.pdf", pdf);
  carnet_notebook_add (fixture->notebook, CARNET_RECORD (result), &error);
  g_assert_no_error (error);

  carnet_result_set_name (report, "Scanner TAP");
  carnet_result_set_text (report, "No sign of recurrence.");
  carnet_result_set_at (report, at);
  carnet_notebook_add (fixture->notebook, CARNET_RECORD (report), &error);
  g_assert_no_error (error);

  stored = carnet_notebook_get (fixture->notebook, CARNET_RECORD_RESULT,
                                carnet_record_get_id (CARNET_RECORD (result)), &error);
  g_assert_no_error (error);
  g_assert_cmpint (carnet_result_get_flag (CARNET_RESULT (stored)), ==, CARNET_FLAG_HIGH);
  g_assert_cmpfloat (carnet_result_get_value (CARNET_RESULT (stored)), ==, 42.5);
  g_assert_cmpstr (carnet_result_get_attachment_name (CARNET_RESULT (stored)), ==, "labo.pdf");

  stored_pdf = carnet_notebook_dup_attachment (fixture->notebook,
                                               carnet_record_get_id (stored), &name, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (name, ==, "labo.pdf");
  g_assert_true (g_bytes_equal (pdf, stored_pdf));

  /* Editing other fields keeps the file; removing the name removes it. */
  carnet_result_set_value (CARNET_RESULT (stored), 25);
  carnet_notebook_update (fixture->notebook, stored, &error);
  g_assert_no_error (error);
  g_clear_pointer (&stored_pdf, g_bytes_unref);
  stored_pdf = carnet_notebook_dup_attachment (fixture->notebook, carnet_record_get_id (stored), NULL, &error);
  g_assert_no_error (error);
  carnet_result_set_attachment (CARNET_RESULT (stored), NULL, NULL);
  carnet_notebook_update (fixture->notebook, stored, &error);
  g_assert_no_error (error);
  g_assert_null (carnet_notebook_dup_attachment (fixture->notebook, carnet_record_get_id (stored), NULL, &error));
  g_assert_error (error, CARNET_ERROR, CARNET_ERROR_NOT_FOUND);

  list = carnet_notebook_list (fixture->notebook, CARNET_RECORD_RESULT, NULL, NULL, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
}

static void
test_side_effect_cycle (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(CarnetTreatment) chemo = carnet_treatment_new ();
  g_autoptr(CarnetSideEffect) nausea = carnet_side_effect_new ();
  g_autoptr(CarnetSideEffect) before = carnet_side_effect_new ();
  g_autoptr(CarnetRecord) stored = NULL;
  g_autoptr(GDateTime) day8_cycle3 = NULL;
  g_autoptr(GDateTime) earlier = paris_time (2026, 1, 1, 9, 0);
  g_autoptr(GError) error = NULL;
  GDate start;

  g_date_clear (&start, 1);
  g_date_set_dmy (&start, 5, G_DATE_JANUARY, 2026);
  carnet_treatment_set_name (chemo, "Paclitaxel");
  carnet_treatment_set_kind (chemo, CARNET_TREATMENT_CHEMOTHERAPY);
  carnet_treatment_set_start (chemo, &start);
  carnet_treatment_set_cycle_days (chemo, 21);
  carnet_treatment_set_cycles (chemo, 6);
  carnet_notebook_add (fixture->notebook, CARNET_RECORD (chemo), &error);
  g_assert_no_error (error);

  /* Cycle 3 starts on day 42 (16 February); its 8th day is 23 February. */
  day8_cycle3 = paris_time (2026, 2, 23, 20, 0);
  carnet_side_effect_set_symptom (nausea, "Nausea");
  carnet_side_effect_set_severity (nausea, 2);
  carnet_side_effect_set_at (nausea, day8_cycle3);
  carnet_side_effect_set_treatment_id (nausea, carnet_record_get_id (CARNET_RECORD (chemo)));
  carnet_notebook_add (fixture->notebook, CARNET_RECORD (nausea), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (carnet_side_effect_get_cycle (nausea), ==, "C3 D8");

  carnet_side_effect_set_symptom (before, "Fatigue");
  carnet_side_effect_set_severity (before, 1);
  carnet_side_effect_set_at (before, earlier);
  carnet_side_effect_set_treatment_id (before, carnet_record_get_id (CARNET_RECORD (chemo)));
  carnet_notebook_add (fixture->notebook, CARNET_RECORD (before), &error);
  g_assert_no_error (error);
  g_assert_null (carnet_side_effect_get_cycle (before));

  stored = carnet_notebook_get (fixture->notebook, CARNET_RECORD_SIDE_EFFECT,
                                carnet_record_get_id (CARNET_RECORD (nausea)), &error);
  g_assert_cmpstr (carnet_side_effect_get_cycle (CARNET_SIDE_EFFECT (stored)), ==, "C3 D8");
}

static void
test_list_ranges (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(GDateTime) a = paris_time (2026, 12, 1, 9, 0);
  g_autoptr(GDateTime) b = paris_time (2027, 1, 15, 9, 0);
  g_autoptr(GDateTime) c = paris_time (2027, 3, 1, 9, 0);
  g_autoptr(GDateTime) from = paris_time (2027, 1, 1, 0, 0);
  g_autoptr(GDateTime) to = paris_time (2027, 3, 1, 9, 0);
  g_autoptr(GListModel) list = NULL;
  g_autoptr(CarnetAppointment) first = NULL;
  g_autoptr(GError) error = NULL;

  add_appointment (fixture, "C", c, NULL);
  add_appointment (fixture, "A", a, NULL);
  add_appointment (fixture, "B", b, NULL);

  list = carnet_notebook_list (fixture->notebook, CARNET_RECORD_APPOINTMENT, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 3);
  first = g_list_model_get_item (list, 0);
  g_assert_cmpstr (carnet_appointment_get_title (first), ==, "A");
  g_clear_object (&list);

  list = carnet_notebook_list (fixture->notebook, CARNET_RECORD_APPOINTMENT, from, to, &error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
}

/* The weekly 08:30 Paris appointment across both DST changes, through the
 * notebook: stored in UTC with its zone, it comes back at 08:30 local. */
static void
test_agenda_dst (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(GDateTime) start = paris_time (2026, 10, 14, 8, 30);
  g_autoptr(GDateTime) from = paris_time (2026, 10, 1, 0, 0);
  g_autoptr(GDateTime) to = paris_time (2027, 4, 30, 0, 0);
  g_autoptr(GListModel) agenda = NULL;
  g_autoptr(GError) error = NULL;
  gboolean saw_winter = FALSE, saw_summer_again = FALSE;

  add_appointment (fixture, "Radiotherapy", start, "FREQ=WEEKLY;UNTIL=20270421");

  agenda = carnet_notebook_agenda (fixture->notebook, from, to, &error);
  g_assert_no_error (error);
  /* 14 Oct 2026 to 21 Apr 2027 weekly: 28 occurrences. */
  g_assert_cmpuint (g_list_model_get_n_items (agenda), ==, 28);

  for (guint i = 0; i < g_list_model_get_n_items (agenda); i++)
    {
      g_autoptr(CarnetOccurrence) occurrence = g_list_model_get_item (agenda, i);
      GDateTime *when = carnet_occurrence_get_start (occurrence);

      g_assert_cmpint (g_date_time_get_hour (when), ==, 8);
      g_assert_cmpint (g_date_time_get_minute (when), ==, 30);
      if (g_date_time_get_utc_offset (when) == G_TIME_SPAN_HOUR)
        saw_winter = TRUE;
      else if (saw_winter && g_date_time_get_utc_offset (when) == 2 * G_TIME_SPAN_HOUR)
        saw_summer_again = TRUE;
    }
  g_assert_true (saw_winter);
  g_assert_true (saw_summer_again);
}

static void
test_occurrence_status (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(GDateTime) start = paris_time (2026, 12, 1, 7, 45);
  g_autoptr(GDateTime) second = paris_time (2027, 3, 1, 7, 45);
  g_autoptr(GDateTime) wrong = paris_time (2027, 3, 2, 7, 45);
  g_autoptr(GDateTime) to = paris_time (2028, 1, 1, 0, 0);
  g_autoptr(GListModel) agenda = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  id = add_appointment (fixture, "Blood test", start, "FREQ=MONTHLY;INTERVAL=3;COUNT=4");

  carnet_notebook_set_occurrence_status (fixture->notebook, id, second, CARNET_STATUS_DONE, &error);
  g_assert_no_error (error);

  g_assert_false (carnet_notebook_set_occurrence_status (fixture->notebook, id, wrong,
                                                         CARNET_STATUS_DONE, &error));
  g_assert_error (error, CARNET_ERROR, CARNET_ERROR_INVALID);
  g_assert_cmpstr (carnet_error_get_field (error), ==, "occurrence");
  g_clear_error (&error);

  agenda = carnet_notebook_agenda (fixture->notebook, start, to, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (agenda), ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(CarnetOccurrence) occurrence = g_list_model_get_item (agenda, i);

      g_assert_cmpint (carnet_occurrence_get_status (occurrence), ==,
                       i == 1 ? CARNET_STATUS_DONE : CARNET_STATUS_PLANNED);
    }
}

/* Questions */

static void
test_questions_order_answer_carry (Fixture       *fixture,
                                   gconstpointer  user_data)
{
  g_autoptr(GDateTime) soon = paris_time (2026, 12, 3, 8, 30);
  g_autoptr(GDateTime) later = paris_time (2027, 3, 3, 8, 30);
  g_autoptr(CarnetRecord) consultation = NULL;
  g_autoptr(CarnetRecord) q = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GError) error = NULL;
  gint64 first_id, second_id, q1, q2, q3, q4;

  first_id = add_appointment (fixture, "Oncologist", soon, NULL);
  second_id = add_appointment (fixture, "Oncologist again", later, NULL);
  g_assert_cmpint (carnet_notebook_next_consultation (fixture->notebook, &error), ==, first_id);

  q1 = add_question (fixture, "Can I travel?", first_id);
  q2 = add_question (fixture, "Why is CA 15-3 up?", first_id);
  q3 = add_question (fixture, "When is the next scanner?", first_id);
  q4 = add_question (fixture, "Ask about the vaccine", second_id);

  /* The third becomes the first; the others shift. */
  carnet_notebook_move_question (fixture->notebook, q3, 1, &error);
  g_assert_no_error (error);
  list = carnet_notebook_list (fixture->notebook, CARNET_RECORD_QUESTION, NULL, NULL, &error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 4);
  {
    g_autoptr(CarnetQuestion) a = g_list_model_get_item (list, 0);
    g_autoptr(CarnetQuestion) b = g_list_model_get_item (list, 1);

    g_assert_cmpint (carnet_record_get_id (CARNET_RECORD (a)), ==, q3);
    g_assert_cmpuint (carnet_question_get_position (a), ==, 1);
    g_assert_cmpint (carnet_record_get_id (CARNET_RECORD (b)), ==, q1);
    g_assert_cmpuint (carnet_question_get_position (b), ==, 2);
  }
  g_clear_object (&list);

  carnet_notebook_answer_question (fixture->notebook, q1, "Yes, with the letter.", &error);
  g_assert_no_error (error);
  q = carnet_notebook_get (fixture->notebook, CARNET_RECORD_QUESTION, q1, &error);
  g_assert_cmpint (carnet_question_get_status (CARNET_QUESTION (q)), ==, CARNET_QUESTION_ANSWERED);
  g_assert_cmpstr (carnet_question_get_answer (CARNET_QUESTION (q)), ==, "Yes, with the letter.");
  g_clear_object (&q);

  /* The consultation happens: the unanswered two go to the next one, after
   * the question already there; the answered one stays. */
  carnet_clock_set_now (fixture->clock, later);
  carnet_clock_advance (fixture->clock, -30 * G_TIME_SPAN_DAY);
  consultation = carnet_notebook_get (fixture->notebook, CARNET_RECORD_APPOINTMENT, first_id, &error);
  carnet_appointment_set_status (CARNET_APPOINTMENT (consultation), CARNET_STATUS_DONE);
  carnet_notebook_update (fixture->notebook, consultation, &error);
  g_assert_no_error (error);

  q = carnet_notebook_get (fixture->notebook, CARNET_RECORD_QUESTION, q1, &error);
  g_assert_cmpint (carnet_question_get_appointment_id (CARNET_QUESTION (q)), ==, first_id);
  g_clear_object (&q);
  q = carnet_notebook_get (fixture->notebook, CARNET_RECORD_QUESTION, q2, &error);
  g_assert_cmpint (carnet_question_get_appointment_id (CARNET_QUESTION (q)), ==, second_id);
  g_assert_cmpuint (carnet_question_get_position (CARNET_QUESTION (q)), >, 1);
  g_clear_object (&q);
  q = carnet_notebook_get (fixture->notebook, CARNET_RECORD_QUESTION, q4, &error);
  g_assert_cmpuint (carnet_question_get_position (CARNET_QUESTION (q)), ==, 1);
  g_clear_object (&q);
  q = carnet_notebook_get (fixture->notebook, CARNET_RECORD_QUESTION, q3, &error);
  g_assert_cmpint (carnet_question_get_appointment_id (CARNET_QUESTION (q)), ==, second_id);
}

/* Trash */

static void
test_trash_restore_purge (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(GDateTime) start = paris_time (2026, 12, 3, 8, 30);
  g_autoptr(GListModel) trash = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CarnetRecord) record = NULL;
  gint64 kept, purged;

  kept = add_appointment (fixture, "Kept", start, NULL);
  purged = add_appointment (fixture, "Purged", start, NULL);

  g_assert_true (carnet_notebook_trash (fixture->notebook, CARNET_RECORD_APPOINTMENT, kept, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count (fixture, CARNET_RECORD_APPOINTMENT), ==, 1);
  g_assert_null (carnet_notebook_get (fixture->notebook, CARNET_RECORD_APPOINTMENT, kept, &error));
  g_assert_error (error, CARNET_ERROR, CARNET_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Twice is an error, not a silent success. */
  g_assert_false (carnet_notebook_trash (fixture->notebook, CARNET_RECORD_APPOINTMENT, kept, &error));
  g_assert_error (error, CARNET_ERROR, CARNET_ERROR_NOT_FOUND);
  g_clear_error (&error);

  trash = carnet_notebook_list_trash (fixture->notebook, &error);
  g_assert_cmpuint (g_list_model_get_n_items (trash), ==, 1);
  g_clear_object (&trash);

  g_assert_true (carnet_notebook_restore (fixture->notebook, CARNET_RECORD_APPOINTMENT, kept, &error));
  g_assert_no_error (error);
  record = carnet_notebook_get (fixture->notebook, CARNET_RECORD_APPOINTMENT, kept, &error);
  g_assert_no_error (error);
  g_assert_null (carnet_record_get_trashed (record));
  g_assert_false (carnet_notebook_restore (fixture->notebook, CARNET_RECORD_APPOINTMENT, kept, &error));
  g_assert_error (error, CARNET_ERROR, CARNET_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Twenty-nine days in the trash: still there. Thirty-one: gone. */
  carnet_notebook_trash (fixture->notebook, CARNET_RECORD_APPOINTMENT, purged, &error);
  g_assert_no_error (error);
  carnet_clock_advance (fixture->clock, 29 * G_TIME_SPAN_DAY);
  g_assert_cmpuint (carnet_notebook_purge_trash (fixture->notebook, &error), ==, 0);
  g_assert_no_error (error);
  carnet_clock_advance (fixture->clock, 2 * G_TIME_SPAN_DAY);
  g_assert_cmpuint (carnet_notebook_purge_trash (fixture->notebook, &error), ==, 1);
  g_assert_no_error (error);
  g_assert_false (carnet_notebook_restore (fixture->notebook, CARNET_RECORD_APPOINTMENT, purged, &error));
  g_assert_error (error, CARNET_ERROR, CARNET_ERROR_NOT_FOUND);
  g_assert_cmpuint (count (fixture, CARNET_RECORD_APPOINTMENT), ==, 1);
}

/* Search */

static guint
n_hits (Fixture    *fixture,
        const char *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) hits = carnet_notebook_search (fixture->notebook, query, 0, &error);

  g_assert_no_error (error);
  return g_list_model_get_n_items (hits);
}

static void
test_search (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autoptr(GDateTime) at = paris_time (2026, 11, 20, 9, 0);
  g_autoptr(CarnetSideEffect) nausea = carnet_side_effect_new ();
  g_autoptr(CarnetResult) scanner = carnet_result_new ();
  g_autoptr(GListModel) hits = NULL;
  g_autoptr(CarnetSearchHit) hit = NULL;
  g_autoptr(GError) error = NULL;
  gint64 appointment_id;
  const char *hostile[] = { "\"", "AND", "OR NOT", "*", "nausées\" OR \"x", "NEAR(a b)", "^", "title:x", "-", "" };

  carnet_side_effect_set_symptom (nausea, "Nausées");
  carnet_side_effect_set_severity (nausea, 2);
  carnet_side_effect_set_at (nausea, at);
  carnet_side_effect_set_notes (nausea, "Surtout le matin, après le petit-déjeuner");
  carnet_notebook_add (fixture->notebook, CARNET_RECORD (nausea), &error);
  g_assert_no_error (error);

  carnet_result_set_name (scanner, "Scanner thoraco-abdomino-pelvien");
  carnet_result_set_text (scanner, "Pas de lésion suspecte.");
  carnet_result_set_at (scanner, at);
  carnet_notebook_add (fixture->notebook, CARNET_RECORD (scanner), &error);
  g_assert_no_error (error);

  appointment_id = add_appointment (fixture, "Oncologue", at, NULL);

  /* Accents folded, prefixes found, every word required. */
  hits = carnet_notebook_search (fixture->notebook, "nausees", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 1);
  hit = g_list_model_get_item (hits, 0);
  g_assert_cmpint (carnet_search_hit_get_kind (hit), ==, CARNET_RECORD_SIDE_EFFECT);
  g_assert_cmpint (carnet_search_hit_get_id (hit), ==, carnet_record_get_id (CARNET_RECORD (nausea)));
  g_assert_cmpstr (carnet_search_hit_get_title (hit), ==, "Nausées");
  g_assert_true (g_date_time_equal (carnet_search_hit_get_at (hit), at));
  g_assert_cmpuint (n_hits (fixture, "LESION"), ==, 1);
  g_assert_cmpuint (n_hits (fixture, "petit-dej"), ==, 1);
  g_assert_cmpuint (n_hits (fixture, "matin scanner"), ==, 0);
  g_assert_cmpuint (n_hits (fixture, "onco"), ==, 1);

  /* The snippet shows the match in its words. */
  g_clear_object (&hits);
  g_clear_object (&hit);
  hits = carnet_notebook_search (fixture->notebook, "suspecte", 0, &error);
  hit = g_list_model_get_item (hits, 0);
  g_assert_nonnull (strstr (carnet_search_hit_get_snippet (hit), "[suspecte]"));

  /* Nothing a person types is FTS5 syntax, or an error. */
  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    n_hits (fixture, hostile[i]);

  /* Edits are found by their new words; the trash is not searched. */
  {
    g_autoptr(CarnetRecord) record = carnet_notebook_get (fixture->notebook, CARNET_RECORD_APPOINTMENT,
                                                          appointment_id, &error);

    carnet_appointment_set_title (CARNET_APPOINTMENT (record), "Radiothérapeute");
    carnet_notebook_update (fixture->notebook, record, &error);
    g_assert_no_error (error);
  }
  g_assert_cmpuint (n_hits (fixture, "onco"), ==, 0);
  g_assert_cmpuint (n_hits (fixture, "radiotherapeute"), ==, 1);

  carnet_notebook_trash (fixture->notebook, CARNET_RECORD_SIDE_EFFECT,
                         carnet_record_get_id (CARNET_RECORD (nausea)), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_hits (fixture, "nausees"), ==, 0);
  carnet_notebook_restore (fixture->notebook, CARNET_RECORD_SIDE_EFFECT,
                           carnet_record_get_id (CARNET_RECORD (nausea)), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_hits (fixture, "nausees"), ==, 1);
}

/* carnet_notebook_search_range() by parts of 50 lists what
 * carnet_notebook_search() lists at once. */
static void
assert_search_in_parts (CarnetNotebook *notebook,
                        const char     *query,
                        guint           expected_matches)
{
  g_autoptr(GListModel) whole = NULL;
  g_autoptr(GError) error = NULL;
  guint n_whole;

  whole = carnet_notebook_search (notebook, query, 1000, &error);
  g_assert_no_error (error);
  n_whole = g_list_model_get_n_items (whole);
  g_assert_cmpuint (n_whole, >, 50);

  for (guint offset = 0; offset < n_whole; offset += 50)
    {
      g_autoptr(GListModel) part = NULL;
      guint n_matches = 0;

      part = carnet_notebook_search_range (notebook, query, offset, 50, &n_matches, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (n_matches, ==, expected_matches);
      g_assert_cmpuint (g_list_model_get_n_items (part), ==, MIN (50, n_whole - offset));
      for (guint i = 0; i < g_list_model_get_n_items (part); i++)
        {
          g_autoptr(CarnetSearchHit) hit = g_list_model_get_item (part, i);
          g_autoptr(CarnetSearchHit) expected = g_list_model_get_item (whole, offset + i);

          g_assert_cmpint (carnet_search_hit_get_id (hit), ==, carnet_search_hit_get_id (expected));
        }
    }
}

/* A search with few matches lists the best first; one that matches more
 * than CARNET_SEARCH_RANKED_MAX entries, the entries written last first. */
static void
test_search_order (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GDateTime) at = paris_time (2026, 11, 20, 9, 0);
  g_autoptr(GListModel) hits = NULL;
  g_autoptr(CarnetSearchHit) first = NULL;
  g_autoptr(GError) error = NULL;
  gint64 best_id;
  gint64 last_id = 0;

  /* The better match is written first: its symptom and most of its words. */
  {
    g_autoptr(CarnetSideEffect) best = carnet_side_effect_new ();
    g_autoptr(CarnetSideEffect) weak = carnet_side_effect_new ();

    carnet_side_effect_set_symptom (best, "Fatigue");
    carnet_side_effect_set_notes (best, "Fatigue le soir, fatigue au réveil");
    carnet_side_effect_set_severity (best, 2);
    carnet_side_effect_set_at (best, at);
    carnet_notebook_add (fixture->notebook, CARNET_RECORD (best), &error);
    g_assert_no_error (error);
    best_id = carnet_record_get_id (CARNET_RECORD (best));

    carnet_side_effect_set_symptom (weak, "Douleurs articulaires");
    carnet_side_effect_set_notes (weak, "Aux genoux et aux mains le matin, avec un peu de fatigue après la marche");
    carnet_side_effect_set_severity (weak, 1);
    carnet_side_effect_set_at (weak, at);
    carnet_notebook_add (fixture->notebook, CARNET_RECORD (weak), &error);
    g_assert_no_error (error);
  }

  hits = carnet_notebook_search (fixture->notebook, "fatigue", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 2);
  first = g_list_model_get_item (hits, 0);
  g_assert_cmpint (carnet_search_hit_get_id (first), ==, best_id);
  g_clear_object (&first);
  g_clear_object (&hits);

  /* As many weaker matches as make it more than the ranked maximum. */
  for (guint i = 0; i < CARNET_SEARCH_RANKED_MAX; i++)
    {
      g_autoptr(CarnetSideEffect) other = carnet_side_effect_new ();
      g_autofree char *notes = g_strdup_printf ("Jour %u du cycle : un peu de fatigue l’après-midi", i);

      carnet_side_effect_set_symptom (other, "Somnolence");
      carnet_side_effect_set_notes (other, notes);
      carnet_side_effect_set_severity (other, 1);
      carnet_side_effect_set_at (other, at);
      carnet_notebook_add (fixture->notebook, CARNET_RECORD (other), &error);
      g_assert_no_error (error);
      last_id = carnet_record_get_id (CARNET_RECORD (other));
    }

  hits = carnet_notebook_search (fixture->notebook, "fatigue", 300, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (hits), ==, CARNET_SEARCH_RANKED_MAX + 2);
  first = g_list_model_get_item (hits, 0);
  g_assert_cmpint (carnet_search_hit_get_id (first), ==, last_id);
  g_clear_object (&first);
  first = g_list_model_get_item (hits, CARNET_SEARCH_RANKED_MAX + 1);
  g_assert_cmpint (carnet_search_hit_get_id (first), ==, best_id);

  /* Read a part at a time, it is the same list, unranked or ranked. */
  assert_search_in_parts (fixture->notebook, "fatigue", CARNET_SEARCH_RANKED_MAX + 2);
  assert_search_in_parts (fixture->notebook, "cycle", CARNET_SEARCH_RANKED_MAX);

  /* Narrowed to the few, the best comes first again. */
  g_clear_object (&first);
  g_clear_object (&hits);
  hits = carnet_notebook_search (fixture->notebook, "fatigue soir", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 1);
  first = g_list_model_get_item (hits, 0);
  g_assert_cmpint (carnet_search_hit_get_id (first), ==, best_id);
  g_clear_object (&hits);

  /* Ranked, a part past the end is empty, the count still right. */
  {
    guint n_matches = 0;

    hits = carnet_notebook_search_range (fixture->notebook, "fatigue soir", 1, 50, &n_matches, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 0);
    g_assert_cmpuint (n_matches, ==, 1);
  }
}

/* Other processes */

static void
on_changed_cb (CarnetNotebook *notebook,
               guint          *counter)
{
  (*counter)++;
}

static gboolean
on_timeout_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

static void
test_change_from_second_connection (Fixture       *fixture,
                                    gconstpointer  user_data)
{
  g_autoptr(CarnetNotebook) other = NULL;
  g_autoptr(GDateTime) start = paris_time (2026, 12, 3, 8, 30);
  g_autoptr(CarnetAppointment) appointment = new_appointment ("From elsewhere", start);
  g_autoptr(GError) error = NULL;
  gboolean timed_out = FALSE;
  guint changed = 0;
  guint timeout_id;

  g_signal_connect (fixture->notebook, "changed", G_CALLBACK (on_changed_cb), &changed);
  carnet_notebook_watch (fixture->notebook);

  /* Nothing happened yet. */
  g_assert_false (carnet_notebook_poll_changes (fixture->notebook));

  other = carnet_notebook_open (fixture->path, CARNET_OPEN_FLAGS_NONE, NULL, &error);
  g_assert_no_error (error);
  carnet_notebook_add (other, CARNET_RECORD (appointment), &error);
  g_assert_no_error (error);
  carnet_notebook_set_person (other, "Renamed elsewhere", &error);
  g_assert_no_error (error);

  /* The file monitor notices; a generous bound only guards against a hang. */
  timeout_id = g_timeout_add_seconds (10, on_timeout_cb, &timed_out);
  while (changed == 0 && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (timeout_id);

  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpuint (count (fixture, CARNET_RECORD_APPOINTMENT), ==, 1);
  g_assert_cmpstr (carnet_notebook_get_person (fixture->notebook), ==, "Renamed elsewhere");

  /* Seen once: polling again finds nothing new. */
  g_assert_false (carnet_notebook_poll_changes (fixture->notebook));
}

/* A second notebook object on the same file, in the same process (the app
 * has one per window and one for reminders), must not drop the first one's
 * locks: otherwise another process takes the file for unused, checkpoints it
 * and deletes the WAL, and the first object's next saves go nowhere. */
static void
test_second_connection_keeps_locks (Fixture       *fixture,
                                    gconstpointer  user_data)
{
  g_autoptr(GDateTime) start = paris_time (2026, 12, 3, 8, 30);
  g_autoptr(GError) error = NULL;
  CarnetNotebook *first = fixture->notebook;
  int status = 0;
  pid_t pid;

  add_appointment (fixture, "Before", start, NULL);

  /* As the app does: a second object opens the file, the first closes. */
  fixture->notebook = carnet_notebook_open (fixture->path, CARNET_OPEN_FLAGS_NONE, fixture->clock, &error);
  g_assert_no_error (error);
  g_assert_finalize_object (first);
  g_assert_cmpuint (count (fixture, CARNET_RECORD_APPOINTMENT), ==, 1);

  /* Another process opens, writes and closes the notebook. */
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      CarnetNotebook *other = carnet_notebook_open (fixture->path, CARNET_OPEN_FLAGS_NONE, NULL, NULL);
      CarnetAppointment *appointment = new_appointment ("Elsewhere", start);

      if (other == NULL || !carnet_notebook_add (other, CARNET_RECORD (appointment), NULL))
        _exit (1);
      g_object_unref (appointment);
      g_object_unref (other);
      _exit (0);
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);

  /* What the second object saves now is there for everyone, for good. */
  add_appointment (fixture, "After", start, NULL);
  g_clear_object (&fixture->notebook);
  fixture->notebook = carnet_notebook_open (fixture->path, CARNET_OPEN_FLAGS_NONE, fixture->clock, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count (fixture, CARNET_RECORD_APPOINTMENT), ==, 3);
}

static void
test_read_only (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(CarnetNotebook) reader = NULL;
  g_autoptr(GDateTime) start = paris_time (2026, 12, 3, 8, 30);
  g_autoptr(CarnetAppointment) appointment = new_appointment ("Nope", start);
  g_autoptr(GError) error = NULL;

  add_appointment (fixture, "There", start, NULL);

  reader = carnet_notebook_open (fixture->path, CARNET_OPEN_FLAGS_READ_ONLY, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (carnet_notebook_get_read_only (reader));
  g_assert_false (carnet_notebook_add (reader, CARNET_RECORD (appointment), &error));
  g_assert_error (error, CARNET_ERROR, CARNET_ERROR_READ_ONLY);
  g_clear_error (&error);

  {
    g_autoptr(GListModel) list = carnet_notebook_list (reader, CARNET_RECORD_APPOINTMENT, NULL, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  }
}

static void
test_default_reminders (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (carnet_notebook_get_default_reminders (fixture->notebook), ==, "2h,1d");
  carnet_notebook_set_default_reminders (fixture->notebook, "7d, 1d", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (carnet_notebook_get_default_reminders (fixture->notebook), ==, "1d,7d");
  g_assert_false (carnet_notebook_set_default_reminders (fixture->notebook, "soon", &error));
  g_assert_cmpstr (carnet_error_get_field (error), ==, "remind");
  g_assert_cmpstr (carnet_notebook_get_default_reminders (fixture->notebook), ==, "1d,7d");
}

static void
test_busy (Fixture       *fixture,
           gconstpointer  user_data)
{
  g_autoptr(GDateTime) start = paris_time (2026, 12, 3, 8, 30);
  g_autoptr(CarnetAppointment) appointment = new_appointment ("Waits", start);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  /* Another program holds the write lock: our write fails cleanly, after the
   * busy timeout, and leaves the notebook as it was. */
  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);

  g_assert_false (carnet_notebook_add (fixture->notebook, CARNET_RECORD (appointment), &error));
  g_assert_error (error, CARNET_ERROR, CARNET_ERROR_BUSY);
  g_assert_cmpint (carnet_record_get_id (CARNET_RECORD (appointment)), ==, 0);

  sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (db);
  g_assert_cmpuint (count (fixture, CARNET_RECORD_APPOINTMENT), ==, 0);
}

/* Reading a page at a time */

/* The journal's order, as the app shows it: newest first; on the same
 * instant, by kind, then the newest entry first. */
static int
journal_order (gconstpointer a,
               gconstpointer b)
{
  CarnetRecord *record_a = *(CarnetRecord **) a;
  CarnetRecord *record_b = *(CarnetRecord **) b;
  int order = g_date_time_compare (carnet_record_get_date (record_b), carnet_record_get_date (record_a));

  if (order != 0)
    return order;
  if (carnet_record_get_kind (record_a) != carnet_record_get_kind (record_b))
    return (int) carnet_record_get_kind (record_a) - (int) carnet_record_get_kind (record_b);
  return carnet_record_get_id (record_b) < carnet_record_get_id (record_a) ? -1 : 1;
}

/* Records of every kind, some on the same instant, some in the trash. */
static GPtrArray *
populate_journal (Fixture *fixture)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 24; i++)
    {
      /* Every third one shares its instant with the one before. */
      g_autoptr(GDateTime) at = paris_time (2026, 1 + i % 11, 1 + (i - i % 3 / 2) % 27, 9, 0);
      g_autoptr(CarnetAppointment) appointment = new_appointment ("Consultation", at);
      g_autoptr(CarnetResult) result = carnet_result_new ();
      g_autoptr(CarnetSideEffect) side_effect = carnet_side_effect_new ();

      carnet_notebook_add (fixture->notebook, CARNET_RECORD (appointment), &error);
      g_assert_no_error (error);
      g_ptr_array_add (all, g_object_ref (appointment));

      carnet_result_set_name (result, "Hémoglobine");
      carnet_result_set_value (result, 12.5 + i);
      carnet_result_set_at (result, at);
      carnet_notebook_add (fixture->notebook, CARNET_RECORD (result), &error);
      g_assert_no_error (error);
      g_ptr_array_add (all, g_object_ref (result));

      carnet_side_effect_set_symptom (side_effect, "Nausées");
      carnet_side_effect_set_severity (side_effect, i % 5);
      carnet_side_effect_set_at (side_effect, at);
      carnet_notebook_add (fixture->notebook, CARNET_RECORD (side_effect), &error);
      g_assert_no_error (error);
      g_ptr_array_add (all, g_object_ref (side_effect));
    }

  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(CarnetRecord) question = NULL;
      g_autoptr(CarnetTreatment) treatment = carnet_treatment_new ();
      g_autoptr(GDate) start = g_date_new_dmy (1 + i, G_DATE_MARCH, 2026);

      /* The questions are all written on the clock's instant. */
      question = carnet_notebook_get (fixture->notebook, CARNET_RECORD_QUESTION,
                                      add_question (fixture, "Is it normal?", 0), &error);
      g_assert_no_error (error);
      g_ptr_array_add (all, g_steal_pointer (&question));

      carnet_treatment_set_name (treatment, "FEC");
      carnet_treatment_set_kind (treatment, CARNET_TREATMENT_CHEMOTHERAPY);
      carnet_treatment_set_start (treatment, start);
      carnet_notebook_add (fixture->notebook, CARNET_RECORD (treatment), &error);
      g_assert_no_error (error);
      g_ptr_array_add (all, g_object_ref (treatment));
    }

  /* Two in the trash: not in the journal. */
  for (guint i = 0; i < 2; i++)
    {
      CarnetRecord *record = g_ptr_array_index (all, 3 * i + 1);

      carnet_notebook_trash (fixture->notebook, carnet_record_get_kind (record),
                             carnet_record_get_id (record), &error);
      g_assert_no_error (error);
      g_ptr_array_remove_index (all, 3 * i + 1);
    }

  g_ptr_array_sort (all, journal_order);
  return g_steal_pointer (&all);
}

static void
assert_same_record (CarnetRecord *expected,
                    CarnetRecord *record)
{
  g_assert_cmpint (carnet_record_get_kind (record), ==, carnet_record_get_kind (expected));
  g_assert_cmpint (carnet_record_get_id (record), ==, carnet_record_get_id (expected));
}

static void
test_pages (Fixture       *fixture,
            gconstpointer  user_data)
{
  g_autoptr(GPtrArray) all = populate_journal (fixture);
  g_autoptr(GPtrArray) walked = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  CarnetRecord *anchor = NULL;
  guint side_effects = 0;

  g_assert_cmpuint (carnet_notebook_count_live (fixture->notebook, CARNET_ALL_KINDS, &error), ==, all->len);
  g_assert_no_error (error);
  for (guint i = 0; i < all->len; i++)
    side_effects += CARNET_IS_SIDE_EFFECT (g_ptr_array_index (all, i));
  g_assert_cmpuint (carnet_notebook_count_live (fixture->notebook,
                                                CARNET_KIND_BIT (CARNET_RECORD_SIDE_EFFECT), &error),
                    ==, side_effects);

  /* Page after page from the last record read: the whole journal, in order. */
  for (;;)
    {
      g_autoptr(GPtrArray) page = carnet_notebook_list_page (fixture->notebook, CARNET_ALL_KINDS,
                                                             anchor, FALSE, 0, 7, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (page->len, <=, 7);
      if (page->len == 0)
        break;
      for (guint i = 0; i < page->len; i++)
        g_ptr_array_add (walked, g_object_ref (g_ptr_array_index (page, i)));
      anchor = g_ptr_array_index (walked, walked->len - 1);
    }
  g_assert_cmpuint (walked->len, ==, all->len);
  for (guint i = 0; i < all->len; i++)
    assert_same_record (g_ptr_array_index (all, i), g_ptr_array_index (walked, i));

  /* From the other end, and back from any record: the nearest first. */
  for (guint i = 0; i < all->len; i += 5)
    {
      CarnetRecord *record = g_ptr_array_index (all, i);
      g_autoptr(GPtrArray) newer = NULL;
      g_autoptr(GPtrArray) older = NULL;

      newer = carnet_notebook_list_page (fixture->notebook, CARNET_ALL_KINDS, record, TRUE, 0, 3, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (newer->len, ==, MIN (i, 3));
      for (guint j = 0; j < newer->len; j++)
        assert_same_record (g_ptr_array_index (all, i - 1 - j), g_ptr_array_index (newer, j));

      older = carnet_notebook_list_page (fixture->notebook, CARNET_ALL_KINDS, NULL, FALSE, i, 2, &error);
      g_assert_no_error (error);
      assert_same_record (record, g_ptr_array_index (older, 0));

      g_assert_cmpuint (carnet_notebook_count_newer (fixture->notebook, CARNET_ALL_KINDS, record, &error), ==, i);
      g_assert_no_error (error);
    }
  {
    g_autoptr(GPtrArray) oldest = carnet_notebook_list_page (fixture->notebook, CARNET_ALL_KINDS,
                                                             NULL, TRUE, 0, 1, &error);

    g_assert_no_error (error);
    assert_same_record (g_ptr_array_index (all, all->len - 1), g_ptr_array_index (oldest, 0));
  }

  /* One kind alone. */
  {
    g_autoptr(GPtrArray) page = carnet_notebook_list_page (fixture->notebook,
                                                           CARNET_KIND_BIT (CARNET_RECORD_SIDE_EFFECT),
                                                           NULL, FALSE, 0, 1000, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (page->len, ==, side_effects);
    for (guint i = 0; i < page->len; i++)
      g_assert_true (CARNET_IS_SIDE_EFFECT (g_ptr_array_index (page, i)));
  }
}

/* The journal's keys alone, a few at a time, and a page read from any of
 * them: the same order as the records, ties of instants and kinds included. */
static void
test_page_keys (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GPtrArray) all = populate_journal (fixture);
  g_autoptr(GArray) keys = g_array_new (FALSE, FALSE, sizeof (CarnetRecordKey));
  g_autoptr(GError) error = NULL;

  for (;;)
    {
      guint before = keys->len;
      const CarnetRecordKey *last = before > 0 ? &g_array_index (keys, CarnetRecordKey, before - 1) : NULL;
      CarnetRecordKey after;

      if (last != NULL)
        after = *last;
      g_assert_true (carnet_notebook_list_keys (fixture->notebook, CARNET_ALL_KINDS,
                                                last != NULL ? &after : NULL, 0, 4, keys, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (keys->len - before, <=, 4);
      if (keys->len == before)
        break;
    }
  g_assert_cmpuint (keys->len, ==, all->len);
  for (guint i = 0; i < all->len; i++)
    {
      const CarnetRecordKey *key = &g_array_index (keys, CarnetRecordKey, i);

      g_assert_cmpint (key->kind, ==, carnet_record_get_kind (g_ptr_array_index (all, i)));
      g_assert_cmpint (key->id, ==, carnet_record_get_id (g_ptr_array_index (all, i)));
    }

  for (guint i = 0; i < keys->len; i++)
    {
      for (guint offset = 0; offset < 3; offset++)
        {
          g_autoptr(GPtrArray) page = NULL;

          page = carnet_notebook_list_page_after_key (fixture->notebook, CARNET_ALL_KINDS,
                                                      &g_array_index (keys, CarnetRecordKey, i),
                                                      offset, 2, &error);
          g_assert_no_error (error);
          g_assert_cmpuint (page->len, ==, MIN (2, all->len - MIN (all->len, i + 1 + offset)));
          for (guint j = 0; j < page->len; j++)
            assert_same_record (g_ptr_array_index (all, i + 1 + offset + j), g_ptr_array_index (page, j));
        }
    }
}

/* The counts follow the trash, whoever writes. */
static void
test_live_counts (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(GDateTime) start = paris_time (2026, 12, 3, 8, 30);
  g_autoptr(GError) error = NULL;
  gint64 first = add_appointment (fixture, "Scanner", start, NULL);
  guint kinds = CARNET_KIND_BIT (CARNET_RECORD_APPOINTMENT);
  sqlite3 *db = NULL;

  add_appointment (fixture, "IRM", start, NULL);
  add_question (fixture, "Why?", first);
  g_assert_cmpuint (carnet_notebook_count_live (fixture->notebook, kinds, &error), ==, 2);
  g_assert_cmpuint (carnet_notebook_count_live (fixture->notebook, CARNET_ALL_KINDS, &error), ==, 3);

  carnet_notebook_trash (fixture->notebook, CARNET_RECORD_APPOINTMENT, first, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (carnet_notebook_count_live (fixture->notebook, kinds, &error), ==, 1);
  carnet_notebook_restore (fixture->notebook, CARNET_RECORD_APPOINTMENT, first, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (carnet_notebook_count_live (fixture->notebook, kinds, &error), ==, 2);

  /* Another program deleting a row (carnet-cli's file, an old Carnet). */
  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "DELETE FROM appointments WHERE title = 'IRM'", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_cmpuint (carnet_notebook_count_live (fixture->notebook, kinds, &error), ==, 1);
  g_assert_no_error (error);
}

static void
test_open_questions (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(GDateTime) start = paris_time (2026, 12, 3, 8, 30);
  g_autoptr(GHashTable) counts = NULL;
  g_autoptr(GError) error = NULL;
  gint64 consultation = add_appointment (fixture, "Oncologue", start, NULL);
  gint64 none = 0;
  gint64 answered;

  add_question (fixture, "Is it normal?", consultation);
  add_question (fixture, "How long?", consultation);
  add_question (fixture, "Can I travel?", 0);
  answered = add_question (fixture, "Which dose?", consultation);
  carnet_notebook_answer_question (fixture->notebook, answered, "2 mg", &error);
  g_assert_no_error (error);

  counts = carnet_notebook_count_open_questions (fixture->notebook, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (counts), ==, 2);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (counts, &consultation)), ==, 2);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (counts, &none)), ==, 1);
}

/* The Questions page's agenda: consultations only, repeats expanded, from
 * the clock's now. */
static void
test_agenda_of_kind (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(GDateTime) now = carnet_clock_get_now (fixture->clock);
  g_autoptr(GDateTime) to = g_date_time_add_days (now, 366);
  g_autoptr(GDateTime) oncology = paris_time (2026, 12, 3, 8, 30);
  g_autoptr(GDateTime) blood_test = paris_time (2026, 12, 1, 7, 30);
  g_autoptr(GDateTime) series = paris_time (2026, 6, 1, 9, 0);
  g_autoptr(GDateTime) over = paris_time (2026, 10, 1, 9, 0);
  g_autoptr(CarnetAppointment) lab = new_appointment ("Prise de sang", blood_test);
  g_autoptr(GListModel) agenda = NULL;
  g_autoptr(GListModel) whole = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CarnetOccurrence) first = NULL;
  g_autoptr(CarnetOccurrence) second = NULL;
  g_autoptr(GDateTime) expected = NULL;
  const CarnetAppointmentKind exams[] = {
    CARNET_APPOINTMENT_BLOOD_TEST, CARNET_APPOINTMENT_IMAGING, CARNET_APPOINTMENT_BIOPSY,
  };
  const CarnetAppointmentKind both[] = { CARNET_APPOINTMENT_CONSULTATION, CARNET_APPOINTMENT_BLOOD_TEST };
  gint64 oncology_id;
  gint64 series_id;

  oncology_id = add_appointment (fixture, "Oncologue", oncology, NULL);
  /* Every six months from June: December is its next. */
  series_id = add_appointment (fixture, "Radiothérapeute", series, "FREQ=MONTHLY;INTERVAL=6");
  add_appointment (fixture, "Chirurgien", over, NULL);
  carnet_appointment_set_kind (lab, CARNET_APPOINTMENT_BLOOD_TEST);
  carnet_notebook_add (fixture->notebook, CARNET_RECORD (lab), &error);
  g_assert_no_error (error);

  agenda = carnet_notebook_agenda_of_kind (fixture->notebook, CARNET_APPOINTMENT_CONSULTATION, now, to, &error);
  g_assert_no_error (error);
  whole = carnet_notebook_agenda (fixture->notebook, now, to, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (whole), ==, 4);
  g_assert_cmpuint (g_list_model_get_n_items (agenda), ==, 3);

  first = g_list_model_get_item (agenda, 0);
  g_assert_cmpint (carnet_record_get_id (CARNET_RECORD (carnet_occurrence_get_appointment (first))), ==,
                   series_id);
  expected = paris_time (2026, 12, 1, 9, 0);
  g_assert_true (g_date_time_equal (carnet_occurrence_get_start (first), expected));
  second = g_list_model_get_item (agenda, 1);
  g_assert_cmpint (carnet_record_get_id (CARNET_RECORD (carnet_occurrence_get_appointment (second))), ==,
                   oncology_id);
  g_clear_object (&agenda);

  agenda = carnet_notebook_agenda_of_kinds (fixture->notebook, exams, G_N_ELEMENTS (exams), now, to, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (agenda), ==, 1);
  g_clear_object (&agenda);

  agenda = carnet_notebook_agenda_of_kinds (fixture->notebook, both, G_N_ELEMENTS (both), now, to, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (agenda), ==, 4);
  g_clear_object (&agenda);

  /* The kinds of the call before are not kept: one kind is one kind. */
  agenda = carnet_notebook_agenda_of_kind (fixture->notebook, CARNET_APPOINTMENT_BLOOD_TEST, now, to, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (agenda), ==, 1);

  /* The next consultation is read the same way. */
  g_assert_cmpint (carnet_notebook_next_consultation (fixture->notebook, &error), ==, series_id);
  g_assert_no_error (error);
}

/* A consultation with many questions is read a few at a time, in order,
 * with its count; a question is found by its place; those written since a
 * read are listed, the newest first. */
static void
test_questions_in_batches (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(GDateTime) start = paris_time (2026, 12, 3, 8, 30);
  g_autoptr(GListModel) questions = NULL;
  g_autoptr(GListModel) written = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CarnetQuestion) first = NULL;
  g_autoptr(CarnetQuestion) last = NULL;
  gint64 consultation = add_appointment (fixture, "Oncologue", start, NULL);
  gint64 ids[45];
  gint64 appointment_id = -1;
  gint64 newest = -1;
  guint total = 0;
  guint index = G_MAXUINT;

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autofree char *text = g_strdup_printf ("Question %u", i + 1);

      ids[i] = add_question (fixture, text, 0);
    }
  add_question (fixture, "For the oncologist", consultation);

  /* The first 20 of "the next consultation", and how many there are. */
  questions = carnet_notebook_list_questions_for (fixture->notebook, 0, 20, &total, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (questions), ==, 20);
  g_assert_cmpuint (total, ==, 45);
  first = g_list_model_get_item (questions, 0);
  last = g_list_model_get_item (questions, 19);
  g_assert_cmpstr (carnet_question_get_text (first), ==, "Question 1");
  g_assert_cmpstr (carnet_question_get_text (last), ==, "Question 20");
  g_clear_object (&questions);

  /* Moved to the front, the last one is read first; in the trash, not at all. */
  carnet_notebook_move_question (fixture->notebook, ids[44], 1, &error);
  g_assert_no_error (error);
  carnet_notebook_trash (fixture->notebook, CARNET_RECORD_QUESTION, ids[0], &error);
  g_assert_no_error (error);
  questions = carnet_notebook_list_questions_for (fixture->notebook, 0, 2, &total, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (total, ==, 44);
  g_clear_object (&first);
  first = g_list_model_get_item (questions, 0);
  g_assert_cmpstr (carnet_question_get_text (first), ==, "Question 45");
  g_clear_object (&last);
  last = g_list_model_get_item (questions, 1);
  g_assert_cmpstr (carnet_question_get_text (last), ==, "Question 2");
  g_clear_object (&questions);

  /* A consultation's own, fewer than asked for. */
  questions = carnet_notebook_list_questions_for (fixture->notebook, consultation, 20, &total, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (questions), ==, 1);
  g_assert_cmpuint (total, ==, 1);

  /* Where they are. */
  g_assert_true (carnet_notebook_locate_question (fixture->notebook, ids[39], &appointment_id, &index, &error));
  g_assert_no_error (error);
  g_assert_cmpint (appointment_id, ==, 0);
  g_assert_cmpuint (index, ==, 39);
  g_assert_true (carnet_notebook_locate_question (fixture->notebook, ids[44], NULL, &index, &error));
  g_assert_cmpuint (index, ==, 0);
  g_assert_false (carnet_notebook_locate_question (fixture->notebook, ids[0], &appointment_id, &index, &error));
  g_assert_error (error, CARNET_ERROR, CARNET_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Written since: nothing yet, then the newest first, as many as asked. */
  written = carnet_notebook_list_questions_after (fixture->notebook, G_MAXINT64, 0, &newest, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (written), ==, 0);
  g_assert_cmpint (newest, >, ids[44]);
  g_clear_object (&written);
  add_question (fixture, "Later", 0);
  add_question (fixture, "Later still", consultation);
  add_question (fixture, "Latest", 0);
  written = carnet_notebook_list_questions_after (fixture->notebook, newest, 2, &newest, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (written), ==, 2);
  g_clear_object (&first);
  first = g_list_model_get_item (written, 0);
  g_assert_cmpstr (carnet_question_get_text (first), ==, "Latest");
  g_clear_object (&written);
  written = carnet_notebook_list_questions_after (fixture->notebook, newest, 20, &newest, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (written), ==, 0);
}

/* A test's row reads its newest report and two newest values; its history,
 * every result of its names. */
static void
test_result_summaries (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GPtrArray) summary = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  const char *both[] = { "CRP", "crp", NULL };

  for (guint i = 0; i < 6; i++)
    {
      g_autoptr(GDateTime) at = paris_time (2026, 1 + i, 10, 8, 0);
      g_autoptr(CarnetResult) result = carnet_result_new ();

      carnet_result_set_name (result, i == 5 ? "crp" : "CRP");
      if (i == 3)
        carnet_result_set_text (result, "Hémolysé");
      else
        carnet_result_set_value (result, 1.0 + i);
      carnet_result_set_at (result, at);
      carnet_notebook_add (fixture->notebook, CARNET_RECORD (result), &error);
      g_assert_no_error (error);
      /* The oldest value goes to the trash. */
      if (i == 0)
        carnet_notebook_trash (fixture->notebook, CARNET_RECORD_RESULT,
                               carnet_record_get_id (CARNET_RECORD (result)), &error);
      g_assert_no_error (error);
    }

  names = carnet_notebook_list_result_names (fixture->notebook, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (names->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (names, 0), ==, "CRP");
  g_assert_cmpstr (g_ptr_array_index (names, 1), ==, "crp");

  /* CRP: values of February, March, May and the report of April. */
  summary = carnet_notebook_summarize_results (fixture->notebook, "CRP", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->len, ==, 3);
  g_assert_cmpfloat (carnet_result_get_value (g_ptr_array_index (summary, 0)), ==, 5.0);
  g_assert_cmpstr (carnet_result_get_text (g_ptr_array_index (summary, 1)), ==, "Hémolysé");
  g_assert_cmpfloat (carnet_result_get_value (g_ptr_array_index (summary, 2)), ==, 3.0);

  history = carnet_notebook_list_results_named (fixture->notebook, both, G_MAXUINT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 5);
  g_assert_cmpstr (carnet_result_get_name (g_ptr_array_index (history, 0)), ==, "crp");
  g_assert_cmpfloat (carnet_result_get_value (g_ptr_array_index (history, 4)), ==, 2.0);

  /* The newest first, a page at a time, both names and kinds together. */
  for (guint limit = 0; limit <= 6; limit++)
    {
      g_autoptr(GPtrArray) page = carnet_notebook_list_results_named (fixture->notebook, both,
                                                                      limit, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (page->len, ==, MIN (limit, history->len));
      for (guint i = 0; i < page->len; i++)
        g_assert_cmpint (carnet_record_get_id (g_ptr_array_index (page, i)), ==,
                         carnet_record_get_id (g_ptr_array_index (history, i)));
    }
}

/* Writes at @path a notebook of schema @version, as that version's code
 * made it (the migrations up to it), holding the rows @rows_sql inserts. */
static void
write_old_notebook (const char *path,
                    int         version,
                    const char *rows_sql)
{
  g_autofree char *stamp = g_strdup_printf ("PRAGMA application_id = 1131572852; PRAGMA user_version = %d;",
                                            version);
  sqlite3 *db = NULL;
  int fd;

  fd = g_open (path, O_WRONLY | O_CREAT, 0600);
  g_assert_cmpint (fd, >=, 0);
  close (fd);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  for (int v = 1; v <= version; v++)
    g_assert_cmpint (sqlite3_exec (db, carnet_notebook_migration_sql (v), NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, rows_sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, stamp, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

/* A notebook of schema version 4, as the release before wrote it: the
 * migration counts its records and keeps them. */
static void
test_migrate_from_v4 (void)
{
  g_autofree char *dir = g_dir_make_tmp ("carnet-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "old.carnet", NULL);
  g_autoptr(CarnetNotebook) notebook = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) page = NULL;

  write_old_notebook (path, 4,
                      "INSERT INTO side_effects (symptom, severity, at_utc, tzid, created_utc, modified_utc)"
                      " VALUES ('Nausées', 2, 1790000000, 'Europe/Paris', 0, 0),"
                      " ('Fatigue', 1, 1790100000, 'Europe/Paris', 0, 0);"
                      "INSERT INTO side_effects (symptom, severity, at_utc, tzid, created_utc, modified_utc,"
                      " trashed_utc) VALUES ('Mucite', 3, 1790200000, 'Europe/Paris', 0, 0, 1790300000);"
                      "INSERT INTO search_index (kind, record_id, at_utc, tzid, title, body)"
                      " SELECT 'side-effect', id, at_utc, tzid, symptom, '' FROM side_effects"
                      " WHERE trashed_utc IS NULL;");

  notebook = carnet_notebook_open (path, CARNET_OPEN_FLAGS_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (carnet_notebook_get_schema_version (notebook), ==, CARNET_SCHEMA_VERSION);
  g_assert_cmpuint (carnet_notebook_count_live (notebook, CARNET_ALL_KINDS, &error), ==, 2);
  g_assert_no_error (error);

  page = carnet_notebook_list_page (notebook, CARNET_KIND_BIT (CARNET_RECORD_SIDE_EFFECT),
                                    NULL, FALSE, 0, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->len, ==, 2);
  g_assert_cmpstr (carnet_side_effect_get_symptom (g_ptr_array_index (page, 0)), ==, "Fatigue");

  /* The search index is the version's own: a record in the trash leaves it. */
  {
    g_autoptr(GListModel) before = carnet_notebook_search (notebook, "nausees", 0, &error);
    g_autoptr(GListModel) after = NULL;

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (before), ==, 1);
    carnet_notebook_trash (notebook, CARNET_RECORD_SIDE_EFFECT, 1, &error);
    g_assert_no_error (error);
    after = carnet_notebook_search (notebook, "nausees", 0, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (after), ==, 0);
  }

  g_clear_object (&notebook);
  remove_tree (dir);
}

/* A notebook of schema version 5: the migration indexes the side effects by
 * their end and the values of the results; the timelines still find a
 * symptom that started long before their window and runs into it, a chart
 * the values out of the trash. */
static void
test_migrate_from_v5 (void)
{
  g_autofree char *dir = g_dir_make_tmp ("carnet-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "old.carnet", NULL);
  g_autoptr(CarnetNotebook) notebook = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) timelines = NULL;
  g_autoptr(GDateTime) from = g_date_time_new_from_unix_utc (1790000000);
  g_autoptr(CarnetChartSeries) series = NULL;
  const char *names[] = { "CRP", NULL };
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db = NULL;

  write_old_notebook (path, 5,
                      "INSERT INTO side_effects (symptom, severity, at_utc, until_utc, tzid,"
                      " created_utc, modified_utc)"
                      " VALUES ('Neuropathie', 2, 1700000000, 1790500000, 'Europe/Paris', 0, 0),"
                      " ('Mucite', 3, 1780000000, 1785000000, 'Europe/Paris', 0, 0),"
                      " ('Fatigue', 1, 1790100000, NULL, 'Europe/Paris', 0, 0);"
                      "INSERT INTO results (name, value, text, unit, at_utc, tzid, created_utc,"
                      " modified_utc, trashed_utc)"
                      " VALUES ('CRP', 4.0, NULL, 'mg/L', 1790000000, 'Europe/Paris', 0, 0, NULL),"
                      " ('CRP', NULL, 'hémolysé', NULL, 1790100000, 'Europe/Paris', 0, 0, NULL),"
                      " ('CRP', 9.0, NULL, 'mg/L', 1790200000, 'Europe/Paris', 0, 0, 1790300000),"
                      " ('CRP', 2.5, NULL, 'mg/L', 1790400000, 'Europe/Paris', 0, 0, NULL);");

  notebook = carnet_notebook_open (path, CARNET_OPEN_FLAGS_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (carnet_notebook_get_schema_version (notebook), ==, CARNET_SCHEMA_VERSION);
  g_assert_cmpuint (carnet_notebook_count_live (notebook, CARNET_ALL_KINDS, &error), ==, 6);
  g_assert_no_error (error);

  timelines = carnet_notebook_chart_symptoms (notebook, from, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (timelines->len, ==, 2);

  /* The chart's values: neither the text one nor the one in the trash. */
  series = carnet_notebook_chart_values (notebook, names, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (series->points->len, ==, 2);
  g_assert_cmpfloat (g_array_index (series->points, CarnetChartPoint, 1).value, ==, 2.5);
  g_assert_cmpstr (series->unit, ==, "mg/L");
  g_clear_object (&notebook);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM sqlite_schema WHERE type = 'index'"
                                       " AND name IN ('side_effects_live_end', 'results_live_values')",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 2);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  remove_tree (dir);
}

/* Schema 7 rebuilds the search index with an index of first letters, and
 * the agenda's index with the start: the rows found before are found after,
 * by the same rowid (taking a record out still takes its row out). */
static void
test_migrate_from_v6 (void)
{
  g_autofree char *dir = g_dir_make_tmp ("carnet-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "old.carnet", NULL);
  g_autoptr(CarnetNotebook) notebook = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) hits = NULL;
  g_autoptr(GListModel) agenda = NULL;
  g_autoptr(CarnetSearchHit) hit = NULL;
  g_autoptr(GDateTime) from = g_date_time_new_from_unix_utc (1789000000);
  g_autoptr(GDateTime) to = g_date_time_new_from_unix_utc (1791000000);
  const CarnetAppointmentKind imaging[] = { CARNET_APPOINTMENT_IMAGING };
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db = NULL;
  int columns = 0;

  write_old_notebook (path, 6,
                      "INSERT INTO appointments (id, title, kind, start_utc, tzid, duration,"
                      " last_utc, created_utc, modified_utc)"
                      " VALUES (1, 'Scanner thoracique', 'imaging', 1790000000, 'Europe/Paris', 30,"
                      " 1790000000, 0, 0),"
                      " (2, 'Oncologue', 'consultation', 1790100000, 'Europe/Paris', 30,"
                      " 1790100000, 0, 0);"
                      "INSERT INTO search_index (rowid, kind, record_id, at_utc, tzid, title, body)"
                      " VALUES (8, 'appointment', 1, 1790000000, 'Europe/Paris', 'Scanner thoracique', ''),"
                      " (16, 'appointment', 2, 1790100000, 'Europe/Paris', 'Oncologue', 'Salle 4');");

  notebook = carnet_notebook_open (path, CARNET_OPEN_FLAGS_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (carnet_notebook_get_schema_version (notebook), ==, CARNET_SCHEMA_VERSION);

  /* One letter: the title of one, the body of the other. */
  hits = carnet_notebook_search (notebook, "s", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 2);
  g_clear_object (&hits);
  hits = carnet_notebook_search (notebook, "t", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 1);
  hit = g_list_model_get_item (hits, 0);
  g_assert_cmpint (carnet_search_hit_get_id (hit), ==, 1);
  g_assert_cmpstr (carnet_search_hit_get_title (hit), ==, "Scanner thoracique");
  g_clear_object (&hits);

  agenda = carnet_notebook_agenda_of_kinds (notebook, imaging, 1, from, to, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (agenda), ==, 1);

  carnet_notebook_trash (notebook, CARNET_RECORD_APPOINTMENT, 1, &error);
  g_assert_no_error (error);
  hits = carnet_notebook_search (notebook, "s", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 1);
  g_clear_object (&notebook);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM sqlite_schema WHERE name = 'search_index'"
                                       " AND sql LIKE '%prefix = ''1''%'",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA index_info ('appointments_live_end')",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    columns++;
  sqlite3_finalize (stmt);
  g_assert_cmpint (columns, ==, 3);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM sqlite_schema WHERE name = 'search_rows'",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/core/notebook/create-private-wal", test_create_private_wal);
  ADD ("/core/notebook/pragmas", test_pragmas);
  ADD ("/core/notebook/reopen-keeps-data", test_reopen_keeps_data);
  g_test_add_func ("/core/notebook/missing-file", test_missing_file);
  g_test_add_func ("/core/notebook/open-foreign-file", test_foreign_files);
  ADD ("/core/notebook/open-newer-version", test_newer_version);
  g_test_add_func ("/core/notebook/migrate-from-v1", test_migrate_from_v1);
  ADD ("/core/notebook/add-get-update", test_add_get_update);
  ADD ("/core/notebook/invalid-changes-nothing", test_invalid_changes_nothing);
  ADD ("/core/notebook/result-attachment-and-flag", test_result_attachment_and_flag);
  ADD ("/core/notebook/side-effect-cycle", test_side_effect_cycle);
  ADD ("/core/notebook/list-ranges", test_list_ranges);
  ADD ("/core/notebook/agenda-dst", test_agenda_dst);
  ADD ("/core/notebook/occurrence-status", test_occurrence_status);
  ADD ("/core/notebook/questions", test_questions_order_answer_carry);
  ADD ("/core/notebook/trash-restore-purge", test_trash_restore_purge);
  ADD ("/core/notebook/search", test_search);
  ADD ("/core/notebook/search-order", test_search_order);
  ADD ("/core/notebook/change-from-second-connection", test_change_from_second_connection);
  ADD ("/core/notebook/read-only", test_read_only);
  ADD ("/core/notebook/second-connection-keeps-locks", test_second_connection_keeps_locks);
  ADD ("/core/notebook/default-reminders", test_default_reminders);
  ADD ("/core/notebook/busy", test_busy);
  ADD ("/core/notebook/pages", test_pages);
  ADD ("/core/notebook/page-keys", test_page_keys);
  ADD ("/core/notebook/live-counts", test_live_counts);
  ADD ("/core/notebook/open-questions", test_open_questions);
  ADD ("/core/notebook/agenda-of-kind", test_agenda_of_kind);
  ADD ("/core/notebook/questions-in-batches", test_questions_in_batches);
  ADD ("/core/notebook/result-summaries", test_result_summaries);
  g_test_add_func ("/core/notebook/migrate-from-v4", test_migrate_from_v4);
  g_test_add_func ("/core/notebook/migrate-from-v5", test_migrate_from_v5);
  g_test_add_func ("/core/notebook/migrate-from-v6", test_migrate_from_v6);

#undef ADD

  return g_test_run ();
}
