/* test-file-modes.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Health data is for its owner only: every file the core writes is 0600 and
 * every folder it makes 0700 — the notebook and its -wal and -shm, the
 * automatic backups and the copy a restore keeps, the exports (iCalendar,
 * CSV, JSON, PDF). The test runs with umask 000, so the modes come from the
 * code and not from a cautious umask.
 */
#include "config.h"

#include <sys/stat.h>
#include <glib/gstdio.h>

#include "carnet.h"

typedef struct
{
  char           *dir;
  char           *path;
  CarnetClock    *clock;
  CarnetNotebook *notebook;
} Fixture;

static void
assert_mode (const char *path,
             guint       mode)
{
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    g_error ("%s: not there", path);
  if ((st.st_mode & 07777) != mode)
    g_error ("%s: mode %04o, expected %04o", path, (guint) (st.st_mode & 07777), mode);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      remove_tree (child);
    }
  g_remove (path);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Paris");
  g_autoptr(GDateTime) now = g_date_time_new (tz, 2026, 11, 28, 10, 0, 0);
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("carnet-modes-XXXXXX", &error);
  g_assert_no_error (error);
  /* Folders that do not exist yet: the notebook makes them. */
  fixture->path = g_build_filename (fixture->dir, "people", "claire", "claire.carnet", NULL);
  fixture->clock = carnet_clock_new_fixed (now);
  fixture->notebook = carnet_notebook_open (fixture->path, CARNET_OPEN_FLAGS_CREATE,
                                            fixture->clock, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_clear_object (&fixture->notebook);
  g_clear_object (&fixture->clock);
  remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static void
add_records (CarnetNotebook *notebook)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Paris");
  g_autoptr(GDateTime) start = g_date_time_new (tz, 2026, 12, 3, 8, 30, 0);
  g_autoptr(GDateTime) at = g_date_time_new (tz, 2026, 11, 20, 8, 0, 0);
  g_autoptr(CarnetAppointment) appointment = carnet_appointment_new ();
  g_autoptr(CarnetResult) result = carnet_result_new ();
  g_autoptr(GBytes) report = g_bytes_new_static ("%PDF-1.4 report", 15);
  g_autoptr(GError) error = NULL;

  carnet_appointment_set_title (appointment, "Oncologist");
  carnet_appointment_set_kind (appointment, CARNET_APPOINTMENT_CONSULTATION);
  carnet_appointment_set_start (appointment, start);
  carnet_notebook_add (notebook, CARNET_RECORD (appointment), &error);
  g_assert_no_error (error);

  carnet_result_set_name (result, "CT scan report");
  carnet_result_set_text (result, "No sign of lesion.");
  carnet_result_set_at (result, at);
  carnet_result_set_attachment (result, "report.pdf", report);
  carnet_notebook_add (notebook, CARNET_RECORD (result), &error);
  g_assert_no_error (error);
}

static void
test_notebook (Fixture       *fixture,
               gconstpointer  user_data)
{
  g_autofree char *people = g_build_filename (fixture->dir, "people", NULL);
  g_autofree char *folder = g_path_get_dirname (fixture->path);
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (fixture->path, "-shm", NULL);

  add_records (fixture->notebook);

  assert_mode (people, 0700);
  assert_mode (folder, 0700);
  assert_mode (fixture->path, 0600);
  assert_mode (wal, 0600);
  assert_mode (shm, 0600);
}

static void
test_backups (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autoptr(CarnetBackup) backup = NULL;
  g_autoptr(GListModel) backups = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = carnet_backup_dup_folder (fixture->notebook);
  g_autofree char *parent = g_path_get_dirname (folder);

  add_records (fixture->notebook);
  backup = carnet_backup_run_daily (fixture->notebook, NULL, &error);
  g_assert_no_error (error);

  assert_mode (parent, 0700);
  assert_mode (folder, 0700);
  assert_mode (carnet_backup_get_path (backup), 0600);

  /* A restore backs up what the notebook held first, and rewrites it. */
  carnet_clock_advance (fixture->clock, G_TIME_SPAN_DAY);
  carnet_backup_restore (fixture->notebook, carnet_backup_get_path (backup), &error);
  g_assert_no_error (error);

  backups = carnet_backup_list (fixture->notebook, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (backups), ==, 2);
  for (guint i = 0; i < g_list_model_get_n_items (backups); i++)
    {
      g_autoptr(CarnetBackup) each = g_list_model_get_item (backups, i);

      assert_mode (carnet_backup_get_path (each), 0600);
    }
  assert_mode (folder, 0700);
  assert_mode (fixture->path, 0600);
}

static void
save (GBytes     *contents,
      const char *path)
{
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (contents);
  carnet_export_save (contents, path, &error);
  g_assert_no_error (error);
  assert_mode (path, 0600);
}

static void
test_exports (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) ics = NULL;
  g_autoptr(GBytes) csv = NULL;
  g_autoptr(GBytes) json = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(CarnetSheet) sheet = NULL;
  g_autofree char *ics_path = g_build_filename (fixture->dir, "agenda.ics", NULL);
  g_autofree char *csv_path = g_build_filename (fixture->dir, "results.csv", NULL);
  g_autofree char *json_path = g_build_filename (fixture->dir, "backup.json", NULL);
  g_autofree char *pdf_path = g_build_filename (fixture->dir, "sheet.pdf", NULL);

  add_records (fixture->notebook);

  ics = carnet_export_ics (fixture->notebook, &error);
  g_assert_no_error (error);
  save (ics, ics_path);

  csv = carnet_export_results_csv (fixture->notebook, &error);
  g_assert_no_error (error);
  save (csv, csv_path);

  json = carnet_backup_export_json (fixture->notebook, &error);
  g_assert_no_error (error);
  save (json, json_path);

  sheet = carnet_sheet_new (fixture->notebook, 1, &error);
  g_assert_no_error (error);
  pdf = carnet_sheet_to_pdf (sheet, &error);
  g_assert_no_error (error);
  save (pdf, pdf_path);

  /* Over a file that was readable by all: the export is private again. */
  g_assert_cmpint (g_chmod (csv_path, 0666), ==, 0);
  save (csv, csv_path);
}

int
main (int    argc,
      char **argv)
{
  umask (0);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ((path), Fixture, NULL, fixture_set_up, (func), fixture_tear_down)

  ADD ("/security/modes/notebook", test_notebook);
  ADD ("/security/modes/backups", test_backups);
  ADD ("/security/modes/exports", test_exports);

  return g_test_run ();
}
