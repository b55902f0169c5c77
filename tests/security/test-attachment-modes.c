/* test-attachment-modes.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The private copy of an attached report the app writes for a viewer to open
 * is 0600 in 0700 folders, with umask 000 (the modes come from the code).
 */
#include "config.h"

#include <adwaita.h>
#include <sys/stat.h>
#include <glib/gstdio.h>

#include "carnet.h"
#include "carnet-results-page.h"

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
test_attachment_copy (void)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Paris");
  g_autoptr(GDateTime) now = g_date_time_new (tz, 2026, 11, 28, 10, 0, 0);
  g_autoptr(CarnetClock) clock = carnet_clock_new_fixed (now);
  g_autoptr(GBytes) report = g_bytes_new_static ("%PDF-1.4 report", 15);
  g_autoptr(CarnetResult) result = carnet_result_new ();
  g_autoptr(CarnetNotebook) notebook = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("carnet-modes-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *copy_dir = NULL;
  g_autofree char *copy_parent = NULL;
  g_autofree char *base = g_build_filename (g_get_user_runtime_dir (), "carnet", NULL);
  g_autofree char *wal = NULL;
  g_autofree char *shm = NULL;
  CarnetResultsPage *page;

  g_assert_no_error (error);
  path = g_build_filename (dir, "notebook.carnet", NULL);
  notebook = carnet_notebook_open (path, CARNET_OPEN_FLAGS_CREATE, clock, &error);
  g_assert_no_error (error);

  carnet_result_set_name (result, "CT scan report");
  carnet_result_set_text (result, "No sign of lesion.");
  carnet_result_set_at (result, now);
  carnet_result_set_attachment (result, "report.pdf", report);
  carnet_notebook_add (notebook, CARNET_RECORD (result), &error);
  g_assert_no_error (error);

  page = g_object_ref_sink (CARNET_RESULTS_PAGE (carnet_results_page_new ()));
  carnet_page_set_notebook (CARNET_PAGE (page), notebook);
  copy = carnet_results_page_save_attachment (page, carnet_record_get_id (CARNET_RECORD (result)),
                                              &error);
  g_assert_no_error (error);

  copy_dir = g_path_get_dirname (copy);
  copy_parent = g_path_get_dirname (copy_dir);
  assert_mode (copy, 0600);
  assert_mode (copy_dir, 0700);
  assert_mode (copy_parent, 0700);
  assert_mode (base, 0700);

  g_assert_finalize_object (page);
  g_assert_false (g_file_test (copy, G_FILE_TEST_EXISTS));

  carnet_notebook_close (notebook);
  wal = g_strconcat (path, "-wal", NULL);
  shm = g_strconcat (path, "-shm", NULL);
  g_remove (wal);
  g_remove (shm);
  g_remove (path);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_print ("1..0 # SKIP no display (run the tests with build-aux/test)\n");
      return 0;
    }

  umask (0);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/security/modes/attachment-copy", test_attachment_copy);

  return g_test_run ();
}
