/* test-reminder-soak.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A year of reminders in Europe/Paris, across both DST changes (with
 * reminders that fall in the skipped and in the repeated hour), many
 * appointments with repeats and several offsets, shown by two competing
 * processes that share the notebook file, each with its own connection,
 * scheduler and recording notifier, each restarting at random moments. Both
 * step an injected clock through the same schedule: every reminder's time
 * plus a little, and instants at random. Afterwards every reminder due in the
 * year must have been shown exactly once across the two processes: 0
 * duplicates, 0 lost.
 *
 * The test program runs itself twice as the competing processes
 * (`test-reminder-soak --child …`).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <glib-unix.h>

#include "carnet-fake-notifier.h"
#include "carnet-scheduler.h"

#define N_RANDOM_APPOINTMENTS 60
#define N_RANDOM_STEPS        400
/* A process restarts before a step with this chance, in percent. */
#define RESTART_PERCENT       3
/* Where a process reads the other's steps and writes its own. */
#define PEER_IN_FD            3
#define PEER_OUT_FD           4

static char *self_path;

static GDateTime *
paris_time (int year, int month, int day, int hour, int minute)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Paris");

  return g_date_time_new (tz, year, month, day, hour, minute, 0);
}

static void
add (CarnetNotebook *notebook,
     const char     *title,
     GDateTime      *start,
     gboolean        all_day,
     const char     *reminders,
     const char     *repeat)
{
  g_autoptr(CarnetAppointment) appointment = carnet_appointment_new ();
  g_autoptr(GError) error = NULL;

  carnet_appointment_set_title (appointment, title);
  carnet_appointment_set_kind (appointment, CARNET_APPOINTMENT_CONSULTATION);
  carnet_appointment_set_start (appointment, start);
  carnet_appointment_set_all_day (appointment, all_day);
  carnet_appointment_set_duration (appointment, all_day ? 0 : 30);
  carnet_appointment_set_reminders (appointment, reminders, &error);
  g_assert_no_error (error);
  carnet_appointment_set_repeat (appointment, repeat);
  carnet_notebook_add (notebook, CARNET_RECORD (appointment), &error);
  g_assert_no_error (error);
}

static void
fill_notebook (CarnetNotebook *notebook,
               GRand          *rand)
{
  static const char *offsets[] = { "1d", "2h", "0m", "1d,2h", "2d,1d,30m", "7d,1d,2h", "15m,0m",
                                   "1d,1h,0m" };
  g_autoptr(GDateTime) a = paris_time (2026, 1, 6, 9, 0);
  g_autoptr(GDateTime) b = paris_time (2026, 1, 15, 8, 30);
  g_autoptr(GDateTime) c = paris_time (2026, 1, 8, 14, 0);
  g_autoptr(GDateTime) d = paris_time (2026, 2, 10, 11, 0);
  g_autoptr(GDateTime) e = paris_time (2026, 1, 4, 7, 45);
  g_autoptr(GDateTime) f = paris_time (2026, 1, 20, 0, 0);
  /* Around the spring change (29 March, 02:00 → 03:00): a daily series at
   * 02:30, which does not exist on the 29th, and a reminder a calendar day
   * before 30 March 02:30, which falls in the skipped hour. */
  g_autoptr(GDateTime) spring_series = paris_time (2026, 3, 27, 2, 30);
  g_autoptr(GDateTime) spring_single = paris_time (2026, 3, 30, 2, 30);
  g_autoptr(GDateTime) spring_early = paris_time (2026, 3, 29, 3, 15);
  /* Around the autumn change (25 October, 03:00 → 02:00): 02:30 comes twice.
   * 03:30 CET less 1 h and less 2 h are both 02:30, one in each pass. */
  g_autoptr(GDateTime) autumn_series = paris_time (2026, 10, 23, 2, 30);
  g_autoptr(GDateTime) autumn_single = paris_time (2026, 10, 25, 3, 30);
  g_autoptr(GDateTime) autumn_next = paris_time (2026, 10, 26, 2, 30);

  add (notebook, "Oncologist", a, FALSE, "1d,2h,0m", "FREQ=WEEKLY;INTERVAL=2;COUNT=26");
  add (notebook, "Blood test", b, FALSE, "2d,1d,30m", "FREQ=MONTHLY;COUNT=12");
  add (notebook, "Chemotherapy", c, FALSE, "1d,1h", "FREQ=WEEKLY;INTERVAL=3;COUNT=17");
  add (notebook, "Scanner", d, FALSE, "7d,1d,2h", "FREQ=MONTHLY;INTERVAL=3;COUNT=4");
  add (notebook, "Injection", e, FALSE, "1d,0m", "FREQ=DAILY;INTERVAL=7;COUNT=52");
  add (notebook, "Home nurse", f, TRUE, "1d", "FREQ=MONTHLY;COUNT=11");
  add (notebook, "Night infusion", spring_series, FALSE, "1d,15m", "FREQ=DAILY;COUNT=5");
  add (notebook, "Early blood test", spring_single, FALSE, "1d", NULL);
  add (notebook, "Sunday check", spring_early, FALSE, "30m,1h", NULL);
  add (notebook, "Night infusion (autumn)", autumn_series, FALSE, "1h,0m", "FREQ=DAILY;COUNT=5");
  add (notebook, "Repeated hour", autumn_single, FALSE, "1h,2h", NULL);
  add (notebook, "Day after the change", autumn_next, FALSE, "1d", NULL);

  for (guint i = 0; i < N_RANDOM_APPOINTMENTS; i++)
    {
      g_autoptr(GDateTime) year = paris_time (2026, 1, 3, 0, 0);
      g_autoptr(GDateTime) day = g_date_time_add_days (year, g_rand_int_range (rand, 0, 355));
      g_autoptr(GDateTime) start = g_date_time_add_minutes (day, 15 * g_rand_int_range (rand, 0, 96));
      g_autofree char *title = g_strdup_printf ("Appointment %u", i);

      add (notebook, title, start, FALSE,
           offsets[g_rand_int_range (rand, 0, G_N_ELEMENTS (offsets))], NULL);
    }
}

static int
compare_int64 (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

static void
close_peer (int *fd)
{
  close (*fd);
  *fd = -1;
}

/* The child: steps its clock through the schedule, firing what is due,
 * restarting now and then; writes the keys it showed, one a line. */
static int
run_child (const char *notebook_path,
           const char *schedule_path,
           const char *out_path,
           guint32     seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *schedule = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(CarnetClock) clock = NULL;
  CarnetNotebook *notebook = NULL;
  CarnetFakeNotifier *notifier = NULL;
  CarnetScheduler *scheduler = NULL;
  guint restarts = 0;
  int peer_in = PEER_IN_FD;
  int peer_out = PEER_OUT_FD;
  char token;

  if (!g_file_get_contents (schedule_path, &schedule, NULL, &error))
    g_error ("%s", error->message);
  lines = g_strsplit (schedule, "\n", -1);


  for (guint i = 0; lines[i] != NULL && *lines[i] != '\0'; i++)
    {
      g_autoptr(GDateTime) now = g_date_time_new_from_unix_utc (g_ascii_strtoll (lines[i], NULL, 10));
      g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Paris");
      g_autoptr(GDateTime) local = g_date_time_to_timezone (now, tz);

      if (clock == NULL)
        clock = carnet_clock_new_fixed (local);
      carnet_clock_set_now (clock, local);

      if (scheduler != NULL && g_rand_int_range (rand, 0, 100) < RESTART_PERCENT)
        {
          GPtrArray *shown = carnet_fake_notifier_get_shown (notifier);

          for (guint j = 0; j < shown->len; j++)
            {
              CarnetNotification *notification = g_ptr_array_index (shown, j);

              for (guint k = 0; notification->keys[k] != NULL; k++)
                g_string_append_printf (out, "%s\n", notification->keys[k]);
            }
          g_clear_object (&scheduler);
          g_clear_object (&notifier);
          g_clear_object (&notebook);
          restarts++;
        }

      if (scheduler == NULL)
        {
          notebook = carnet_notebook_open (notebook_path, CARNET_OPEN_FLAGS_NONE, clock, &error);
          if (notebook == NULL)
            g_error ("%s", error->message);
          notifier = carnet_fake_notifier_new ();
          scheduler = carnet_scheduler_new (CARNET_NOTIFIER (notifier), FALSE);
          carnet_scheduler_add_notebook (scheduler, notebook);
        }

      carnet_scheduler_fire_due (scheduler);

      /* Lockstep with the other process: both reach each step together and
       * race for its reminders. Once it has ended, go on alone. */
      if (peer_out >= 0 && write (peer_out, "s", 1) != 1)
        close_peer (&peer_out);
      if (peer_in >= 0 && read (peer_in, &token, 1) != 1)
        close_peer (&peer_in);
    }

  close_peer (&peer_out);
  close_peer (&peer_in);

  if (scheduler != NULL)
    {
      GPtrArray *shown = carnet_fake_notifier_get_shown (notifier);

      for (guint j = 0; j < shown->len; j++)
        {
          CarnetNotification *notification = g_ptr_array_index (shown, j);

          for (guint k = 0; notification->keys[k] != NULL; k++)
            g_string_append_printf (out, "%s\n", notification->keys[k]);
        }
      g_clear_object (&scheduler);
      g_clear_object (&notifier);
      g_clear_object (&notebook);
    }

  g_string_append_printf (out, "restarts %u\n", restarts);
  if (!g_file_set_contents (out_path, out->str, out->len, &error))
    g_error ("%s", error->message);
  return 0;
}

static void
count_shown (const char *path,
             GHashTable *times_shown,
             guint      *out_shown,
             guint      *out_restarts)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL && *lines[i] != '\0'; i++)
    {
      if (g_str_has_prefix (lines[i], "restarts "))
        {
          *out_restarts += (guint) g_ascii_strtoull (lines[i] + strlen ("restarts "), NULL, 10);
          continue;
        }

      g_hash_table_insert (times_shown, g_strdup (lines[i]),
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (times_shown, lines[i])) + 1));
      (*out_shown)++;
    }
}

static gboolean
has_reminder_at (GListModel *due,
                 const char *title,
                 GDateTime  *occurrence)
{
  for (guint i = 0; i < g_list_model_get_n_items (due); i++)
    {
      g_autoptr(CarnetReminder) reminder = g_list_model_get_item (due, i);

      if (g_str_equal (carnet_appointment_get_title (carnet_reminder_get_appointment (reminder)), title) &&
          g_date_time_equal (carnet_reminder_get_occurrence_start (reminder), occurrence))
        return TRUE;
    }

  return FALSE;
}

static void
test_soak (void)
{
  guint32 seed = g_test_rand_int ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("carnet-soak-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "notebook.carnet", NULL);
  g_autofree char *schedule_path = g_build_filename (dir, "schedule", NULL);
  g_autoptr(GDateTime) before = paris_time (2025, 12, 20, 10, 0);
  g_autoptr(GDateTime) year_start = paris_time (2026, 1, 1, 0, 0);
  g_autoptr(GDateTime) year_end = paris_time (2027, 1, 1, 0, 0);
  g_autoptr(CarnetClock) clock = carnet_clock_new_fixed (before);
  g_autoptr(CarnetNotebook) notebook = NULL;
  g_autoptr(GListModel) due = NULL;
  g_autoptr(GArray) steps = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GString) schedule = g_string_new (NULL);
  g_autoptr(GHashTable) times_shown = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) expected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPid pids[2];
  int to_first[2], to_second[2];
  guint shown = 0, restarts = 0, duplicates = 0, lost = 0;
  guint by_process[2] = { 0, 0 };

  g_assert_no_error (error);
  g_test_message ("seed %u (replay with --seed and this test's random seed)", seed);

  notebook = carnet_notebook_open (path, CARNET_OPEN_FLAGS_CREATE, clock, &error);
  g_assert_no_error (error);
  fill_notebook (notebook, rand);

  /* What must fire in the year, by the notebook's own reckoning — from the
   * clock's start: an appointment early in January may have a reminder a
   * week before it, in December, which the processes must show too. */
  due = carnet_notebook_list_reminders (notebook, before, year_end, &error);
  g_assert_no_error (error);
  /* At least those of the fixed appointments (301) and one for each random
   * one (all within the year); with the seed's offsets, about 420. */
  g_assert_cmpuint (g_list_model_get_n_items (due), >=, 301 + N_RANDOM_APPOINTMENTS);

  /* The DST cases are among them, not lost on the way: the occurrence on
   * the day of the spring change at 02:30 (which does not exist: GLib moves
   * it to 03:30), and both passes of 02:30 in the autumn. */
  {
    g_autoptr(GDateTime) skipped = paris_time (2026, 3, 29, 2, 30);
    g_autoptr(GDateTime) autumn = paris_time (2026, 10, 25, 3, 30);
    g_autoptr(GDateTime) next = paris_time (2026, 10, 26, 2, 30);

    g_assert_true (has_reminder_at (due, "Night infusion", skipped));
    g_assert_true (has_reminder_at (due, "Repeated hour", autumn));
    g_assert_true (has_reminder_at (due, "Day after the change", next));
  }

  for (guint i = 0; i < g_list_model_get_n_items (due); i++)
    {
      g_autoptr(CarnetReminder) reminder = g_list_model_get_item (due, i);
      gint64 at = g_date_time_to_unix (carnet_reminder_get_fires_at (reminder)) +
                  g_rand_int_range (rand, 0, 90);

      g_hash_table_add (expected, carnet_reminder_dup_key (reminder));
      g_array_append_val (steps, at);
    }
  g_assert_cmpuint (g_hash_table_size (expected), ==, g_list_model_get_n_items (due));

  for (guint i = 0; i < N_RANDOM_STEPS; i++)
    {
      gint64 at = g_date_time_to_unix (year_start) + g_rand_int_range (rand, 0, 365 * 24 * 3600);

      g_array_append_val (steps, at);
    }
  g_array_sort (steps, compare_int64);
  for (guint i = 0; i < steps->len; i++)
    g_string_append_printf (schedule, "%" G_GINT64_FORMAT "\n", g_array_index (steps, gint64, i));
  g_file_set_contents (schedule_path, schedule->str, schedule->len, &error);
  g_assert_no_error (error);

  carnet_notebook_close (notebook);

  /* Two processes at once, on the same file, in lockstep through two pipes:
   * each tells the other when it is done with a step. */
  g_unix_open_pipe (to_first, FD_CLOEXEC, &error);
  g_assert_no_error (error);
  g_unix_open_pipe (to_second, FD_CLOEXEC, &error);
  g_assert_no_error (error);
  for (guint p = 0; p < 2; p++)
    {
      g_autofree char *out = g_strdup_printf ("%s/shown-%u", dir, p);
      g_autofree char *child_seed = g_strdup_printf ("%u", g_rand_int (rand));
      const char *argv[] = { self_path, "--child", path, schedule_path, out, child_seed, NULL };
      int source_fds[2] = { p == 0 ? to_first[0] : to_second[0],
                            p == 0 ? to_second[1] : to_first[1] };
      int target_fds[2] = { PEER_IN_FD, PEER_OUT_FD };

      g_spawn_async_with_pipes_and_fds (NULL, argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                                        -1, -1, -1, source_fds, target_fds, 2,
                                        &pids[p], NULL, NULL, NULL, &error);
      g_assert_no_error (error);
    }
  for (guint i = 0; i < 2; i++)
    {
      close (to_first[i]);
      close (to_second[i]);
    }

  for (guint p = 0; p < 2; p++)
    {
      g_autofree char *out = g_strdup_printf ("%s/shown-%u", dir, p);
      int status;

      g_assert_cmpint (waitpid (pids[p], &status, 0), ==, pids[p]);
      g_assert_true (WIFEXITED (status));
      g_assert_cmpint (WEXITSTATUS (status), ==, 0);
      g_spawn_close_pid (pids[p]);
      count_shown (out, times_shown, &by_process[p], &restarts);
      shown += by_process[p];
      g_remove (out);
    }

  {
    GHashTableIter iter;
    gpointer key, value;

    g_hash_table_iter_init (&iter, expected);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      {
        guint n = GPOINTER_TO_UINT (g_hash_table_lookup (times_shown, key));

        if (n == 0)
          {
            g_test_message ("lost: %s", (const char *) key);
            lost++;
          }
        else if (n > 1)
          {
            g_test_message ("shown %u times: %s", n, (const char *) key);
            duplicates += n - 1;
          }
      }

    g_hash_table_iter_init (&iter, times_shown);
    while (g_hash_table_iter_next (&iter, &key, &value))
      if (!g_hash_table_contains (expected, key))
        {
          g_test_message ("shown but not due in the year: %s", (const char *) key);
          duplicates += GPOINTER_TO_UINT (value);
        }
  }

  g_test_message ("reminders due: %u, shown: %u (%u by one process, %u by the other),"
                  " duplicates: %u, lost: %u, steps: %u, restarts: %u",
                  g_hash_table_size (expected), shown, by_process[0], by_process[1],
                  duplicates, lost, steps->len, restarts);
  g_assert_cmpuint (duplicates, ==, 0);
  g_assert_cmpuint (lost, ==, 0);
  g_assert_cmpuint (shown, ==, g_hash_table_size (expected));
  g_assert_cmpuint (restarts, >, 0);

  g_remove (schedule_path);
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);

    g_remove (wal);
    g_remove (shm);
    g_remove (path);
    g_rmdir (dir);
  }
}

int
main (int    argc,
      char **argv)
{
  if (argc == 6 && g_str_equal (argv[1], "--child"))
    return run_child (argv[2], argv[3], argv[4], (guint32) g_ascii_strtoull (argv[5], NULL, 10));

  self_path = g_canonicalize_filename (argv[0], NULL);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/reminders/soak/year-two-processes", test_soak);

  return g_test_run ();
}
