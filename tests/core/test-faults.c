/* test-faults.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Writes under injected faults (tests/faults: a full disk, an input/output
 * error, a read-only file; and another program holding the write lock):
 * each fails with its own error code and a message that says nothing was
 * saved, the notebook holds exactly what it held and passes integrity_check,
 * and once the fault is gone the same connection saves.
 */
#include "config.h"

#include <sqlite3.h>
#include <glib/gstdio.h>

#include "carnet.h"
#include "carnet-fault-vfs.h"

typedef struct
{
  char           *dir;
  char           *path;
  CarnetClock    *clock;
  CarnetNotebook *notebook;
  gint64          appointment_id;
  gint64          question_id;
} Fixture;

typedef struct
{
  CarnetFault  fault;
  int          after;
  CarnetError  code;
  const char  *message;
} FaultCase;

static const FaultCase disk_full = {
  CARNET_FAULT_DISK_FULL, 1, CARNET_ERROR_DISK_FULL,
  "The disk is full: nothing was saved. Free some space and try again.",
};
/* The first write goes through; the next one, or the sync, fails. */
static const FaultCase io_error = {
  CARNET_FAULT_IO_ERROR, 2, CARNET_ERROR_IO,
  "The notebook could not be written (input/output error): nothing was saved. Check the disk and try again.",
};
static const FaultCase io_error_first = {
  CARNET_FAULT_IO_ERROR, 1, CARNET_ERROR_IO,
  "The notebook could not be written (input/output error): nothing was saved. Check the disk and try again.",
};
static const FaultCase read_only = {
  CARNET_FAULT_READ_ONLY, 1, CARNET_ERROR_READ_ONLY,
  "The notebook is read-only: nothing was saved. Check that you may write to the file and its folder.",
};

static GDateTime *
paris_time (int year, int month, int day, int hour, int minute)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Paris");

  return g_date_time_new (tz, year, month, day, hour, minute, 0);
}

static CarnetAppointment *
new_appointment (const char *title)
{
  g_autoptr(GDateTime) start = paris_time (2026, 12, 3, 8, 30);
  CarnetAppointment *appointment = carnet_appointment_new ();

  carnet_appointment_set_title (appointment, title);
  carnet_appointment_set_kind (appointment, CARNET_APPOINTMENT_CONSULTATION);
  carnet_appointment_set_start (appointment, start);
  return appointment;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = paris_time (2026, 11, 28, 10, 0);
  g_autoptr(CarnetAppointment) appointment = new_appointment ("Oncologue");
  g_autoptr(CarnetQuestion) question = carnet_question_new ();

  carnet_fault_vfs_clear ();
  fixture->dir = g_dir_make_tmp ("carnet-test-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "notebook.carnet", NULL);
  fixture->clock = carnet_clock_new_fixed (now);
  fixture->notebook = carnet_notebook_open (fixture->path, CARNET_OPEN_FLAGS_CREATE,
                                            fixture->clock, &error);
  g_assert_no_error (error);

  carnet_notebook_add (fixture->notebook, CARNET_RECORD (appointment), &error);
  g_assert_no_error (error);
  fixture->appointment_id = carnet_record_get_id (CARNET_RECORD (appointment));

  carnet_question_set_text (question, "Combien de cures ?");
  carnet_notebook_add (fixture->notebook, CARNET_RECORD (question), &error);
  g_assert_no_error (error);
  fixture->question_id = carnet_record_get_id (CARNET_RECORD (question));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  carnet_fault_vfs_clear ();
  if (fixture->notebook != NULL)
    g_assert_finalize_object (fixture->notebook);
  g_clear_object (&fixture->clock);

  dir = g_dir_open (fixture->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (fixture->dir, name, NULL);

      g_remove (child);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

/* What the notebook holds, as another program opening it afresh reads it. */
static char *
describe_notebook (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CarnetNotebook) reader = NULL;
  g_autoptr(CarnetCheckReport) report = NULL;
  GString *text = g_string_new (NULL);

  reader = carnet_notebook_open (fixture->path, CARNET_OPEN_FLAGS_READ_ONLY, fixture->clock, &error);
  g_assert_no_error (error);

  report = carnet_notebook_check (reader, &error);
  g_assert_no_error (error);
  g_assert_true (report->ok);

  for (CarnetRecordKind kind = 0; kind < CARNET_N_RECORD_KINDS; kind++)
    {
      g_autoptr(GListModel) list = carnet_notebook_list (reader, kind, NULL, NULL, &error);

      g_assert_no_error (error);
      for (guint i = 0; i < g_list_model_get_n_items (list); i++)
        {
          g_autoptr(CarnetRecord) record = g_list_model_get_item (list, i);
          g_autofree char *title = carnet_record_dup_title (record);

          g_string_append_printf (text, "%d %" G_GINT64_FORMAT " %s\n",
                                  kind, carnet_record_get_id (record), title);
        }
    }
  g_string_append_printf (text, "trash %u\n", report->trashed);

  {
    g_autoptr(CarnetRecord) question = carnet_notebook_get (reader, CARNET_RECORD_QUESTION,
                                                            fixture->question_id, &error);
    g_assert_no_error (error);
    g_string_append_printf (text, "answer %s\n",
                            carnet_question_get_answer (CARNET_QUESTION (question)) ?: "(none)");
  }

  return g_string_free (text, FALSE);
}

/* A read-only fault strikes the files opened after it: the notebook is
 * opened again, as a program started on a read-only file would. */
static void
inject (Fixture         *fixture,
        const FaultCase *fault)
{
  carnet_fault_vfs_set (fault->fault, fault->after);

  if (fault->fault == CARNET_FAULT_READ_ONLY)
    {
      g_autoptr(GError) error = NULL;

      g_assert_finalize_object (g_steal_pointer (&fixture->notebook));
      fixture->notebook = carnet_notebook_open (fixture->path, CARNET_OPEN_FLAGS_NONE,
                                                fixture->clock, &error);
      g_assert_no_error (error);
    }
}

static void
assert_fault (Fixture         *fixture,
              const FaultCase *fault,
              const GError    *error)
{
  g_assert_error (error, CARNET_ERROR, (gint) fault->code);
  g_assert_cmpstr (error->message, ==, fault->message);
  g_assert_cmpint (carnet_fault_vfs_get_hits (), >, 0);
}

static void
lift (Fixture         *fixture,
      const FaultCase *fault)
{
  carnet_fault_vfs_clear ();

  if (fault->fault == CARNET_FAULT_READ_ONLY)
    {
      g_autoptr(GError) error = NULL;

      g_assert_finalize_object (g_steal_pointer (&fixture->notebook));
      fixture->notebook = carnet_notebook_open (fixture->path, CARNET_OPEN_FLAGS_NONE,
                                                fixture->clock, &error);
      g_assert_no_error (error);
    }
}

static void
test_add (Fixture       *fixture,
          gconstpointer  user_data)
{
  const FaultCase *fault = user_data;
  g_autoptr(CarnetAppointment) appointment = new_appointment ("Scanner");
  g_autofree char *before = describe_notebook (fixture);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;

  inject (fixture, fault);
  g_assert_false (carnet_notebook_add (fixture->notebook, CARNET_RECORD (appointment), &error));
  assert_fault (fixture, fault, error);
  g_assert_cmpint (carnet_record_get_id (CARNET_RECORD (appointment)), ==, 0);
  g_clear_error (&error);

  /* Saved before, still there; the failed one, not there. */
  after = describe_notebook (fixture);
  g_assert_cmpstr (after, ==, before);

  /* The same record saves once the fault is gone, on the same connection
   * (the read-only one is a new program on a writable file). */
  lift (fixture, fault);
  carnet_notebook_add (fixture->notebook, CARNET_RECORD (appointment), &error);
  g_assert_no_error (error);
  g_free (after);
  after = describe_notebook (fixture);
  g_assert_nonnull (strstr (after, "Scanner"));
  g_assert_nonnull (strstr (after, "Oncologue"));
}

static void
test_update (Fixture       *fixture,
             gconstpointer  user_data)
{
  const FaultCase *fault = user_data;
  g_autoptr(CarnetRecord) record = NULL;
  g_autofree char *before = describe_notebook (fixture);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;

  inject (fixture, fault);
  record = carnet_notebook_get (fixture->notebook, CARNET_RECORD_APPOINTMENT,
                                fixture->appointment_id, &error);
  g_assert_no_error (error);
  carnet_appointment_set_title (CARNET_APPOINTMENT (record), "Radiothérapeute");
  g_assert_false (carnet_notebook_update (fixture->notebook, record, &error));
  assert_fault (fixture, fault, error);
  g_clear_error (&error);

  after = describe_notebook (fixture);
  g_assert_cmpstr (after, ==, before);

  lift (fixture, fault);
  carnet_notebook_update (fixture->notebook, record, &error);
  g_assert_no_error (error);
  g_free (after);
  after = describe_notebook (fixture);
  g_assert_nonnull (strstr (after, "Radiothérapeute"));
  g_assert_null (strstr (after, "Oncologue"));
}

static void
test_trash_and_answer (Fixture       *fixture,
                       gconstpointer  user_data)
{
  const FaultCase *fault = user_data;
  g_autofree char *before = describe_notebook (fixture);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;

  inject (fixture, fault);
  g_assert_false (carnet_notebook_trash (fixture->notebook, CARNET_RECORD_APPOINTMENT,
                                         fixture->appointment_id, &error));
  assert_fault (fixture, fault, error);
  g_clear_error (&error);

  if (fault->fault != CARNET_FAULT_READ_ONLY)
    carnet_fault_vfs_set (fault->fault, fault->after);
  g_assert_false (carnet_notebook_answer_question (fixture->notebook, fixture->question_id,
                                                   "Six", &error));
  assert_fault (fixture, fault, error);
  g_clear_error (&error);

  after = describe_notebook (fixture);
  g_assert_cmpstr (after, ==, before);

  lift (fixture, fault);
  carnet_notebook_trash (fixture->notebook, CARNET_RECORD_APPOINTMENT,
                         fixture->appointment_id, &error);
  g_assert_no_error (error);
  carnet_notebook_answer_question (fixture->notebook, fixture->question_id, "Six", &error);
  g_assert_no_error (error);
  g_free (after);
  after = describe_notebook (fixture);
  g_assert_nonnull (strstr (after, "trash 1\n"));
  g_assert_nonnull (strstr (after, "answer Six\n"));
}

/* Another program holds the write lock past the busy timeout. */
static void
test_busy (Fixture       *fixture,
           gconstpointer  user_data)
{
  g_autoptr(CarnetAppointment) appointment = new_appointment ("Scanner");
  g_autofree char *before = describe_notebook (fixture);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "BEGIN EXCLUSIVE; DELETE FROM meta WHERE 0", NULL, NULL, NULL),
                   ==, SQLITE_OK);

  g_assert_false (carnet_notebook_add (fixture->notebook, CARNET_RECORD (appointment), &error));
  g_assert_error (error, CARNET_ERROR, CARNET_ERROR_BUSY);
  g_assert_cmpstr (error->message, ==,
                   "The notebook is busy in another program (carnet-cli or another Carnet window): "
                   "nothing was saved; try again in a moment.");
  g_clear_error (&error);

  sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (db);

  after = describe_notebook (fixture);
  g_assert_cmpstr (after, ==, before);

  carnet_notebook_add (fixture->notebook, CARNET_RECORD (appointment), &error);
  g_assert_no_error (error);
}

/* The shim leaves reading alone: the notebook opens (its header is read
 * through the VFS) and lists while the fault is armed. */
static void
test_reads_unharmed (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CarnetNotebook) other = NULL;
  g_autoptr(GListModel) list = NULL;

  carnet_fault_vfs_set (CARNET_FAULT_DISK_FULL, 1);
  other = carnet_notebook_open (fixture->path, CARNET_OPEN_FLAGS_NONE, fixture->clock, &error);
  g_assert_no_error (error);
  list = carnet_notebook_list (other, CARNET_RECORD_APPOINTMENT, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  g_assert_cmpint (carnet_fault_vfs_get_hits (), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_assert_cmpint (carnet_fault_vfs_register (), ==, SQLITE_OK);

#define ADD(path, data, func) \
  g_test_add (path, Fixture, data, fixture_set_up, func, fixture_tear_down)
  ADD ("/core/faults/disk-full/add", &disk_full, test_add);
  ADD ("/core/faults/disk-full/update", &disk_full, test_update);
  ADD ("/core/faults/disk-full/trash-and-answer", &disk_full, test_trash_and_answer);
  ADD ("/core/faults/io-error/add", &io_error, test_add);
  ADD ("/core/faults/io-error/add-first-write", &io_error_first, test_add);
  ADD ("/core/faults/io-error/update", &io_error, test_update);
  ADD ("/core/faults/io-error/trash-and-answer", &io_error, test_trash_and_answer);
  ADD ("/core/faults/read-only/add", &read_only, test_add);
  ADD ("/core/faults/read-only/update", &read_only, test_update);
  ADD ("/core/faults/read-only/trash-and-answer", &read_only, test_trash_and_answer);
  ADD ("/core/faults/busy/add", NULL, test_busy);
  ADD ("/core/faults/reads-unharmed", NULL, test_reads_unharmed);
#undef ADD

  return g_test_run ();
}
