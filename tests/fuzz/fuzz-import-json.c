/* fuzz-import-json.c: libFuzzer target for the JSON backup importer
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every input goes through the checks of carnet_backup_check_json(). One that
 * passes them must then import into an empty notebook (the checks promise
 * that nothing can fail later), export again, and that export must import
 * into another empty notebook: whatever the importer accepts, it can give
 * back.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "carnet.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static char *work_dir;
static CarnetClock *clock_;

static void
remove_notebook (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_remove (path);
  g_remove (wal);
  g_remove (shm);
}

static CarnetNotebook *
fresh_notebook (const char *name)
{
  g_autofree char *path = g_build_filename (work_dir, name, NULL);
  g_autoptr(GError) error = NULL;
  CarnetNotebook *notebook;

  remove_notebook (path);
  notebook = carnet_notebook_open (path, CARNET_OPEN_FLAGS_CREATE, clock_, &error);
  g_assert_no_error (error);
  return notebook;
}

static void
cleanup (void)
{
  g_autofree char *first = g_build_filename (work_dir, "first.carnet", NULL);
  g_autofree char *second = g_build_filename (work_dir, "second.carnet", NULL);

  remove_notebook (first);
  remove_notebook (second);
  g_rmdir (work_dir);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GTimeZone) tz = NULL;

  g_setenv ("TZ", "Europe/Paris", TRUE);
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);

  tz = g_time_zone_new_identifier ("Europe/Paris");
  now = g_date_time_new (tz, 2026, 11, 28, 10, 0, 0);
  clock_ = carnet_clock_new_fixed (now);
  work_dir = g_dir_make_tmp ("carnet-fuzz-XXXXXX", NULL);
  g_assert (work_dir != NULL);
  atexit (cleanup);

  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) input = g_bytes_new_static (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(CarnetNotebook) first = NULL;
  g_autoptr(CarnetNotebook) second = NULL;
  g_autoptr(GBytes) exported = NULL;
  CarnetImportReport report;

  if (!carnet_backup_check_json (input, &error))
    {
      /* Refused, with a message a person can read. */
      g_assert_nonnull (error);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }

  first = fresh_notebook ("first.carnet");
  carnet_backup_import_json (first, input, &report, &error);
  g_assert_no_error (error);
  g_assert_true (report.restored);

  exported = carnet_backup_export_json (first, &error);
  g_assert_no_error (error);

  second = fresh_notebook ("second.carnet");
  carnet_backup_import_json (second, exported, &report, &error);
  g_assert_no_error (error);

  /* Merging what is there already adds nothing. */
  carnet_backup_import_json (first, exported, &report, &error);
  g_assert_no_error (error);
  for (CarnetRecordKind kind = 0; kind < CARNET_N_RECORD_KINDS; kind++)
    g_assert_cmpuint (report.added[kind], ==, 0);

  return 0;
}
