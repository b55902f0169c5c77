/* test-reminders.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reminders with an injected clock: a month of them runs in milliseconds.
 */
#include "config.h"

#include <sys/wait.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "carnet.h"

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
  g_autoptr(GDateTime) now = paris_time (2026, 10, 1, 10, 0);

  fixture->dir = g_dir_make_tmp ("carnet-test-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "notebook.carnet", NULL);
  fixture->clock = carnet_clock_new_fixed (now);
  fixture->notebook = carnet_notebook_open (fixture->path, CARNET_OPEN_FLAGS_CREATE,
                                            fixture->clock, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  const char *suffixes[] = { "", "-wal", "-shm" };

  g_clear_object (&fixture->notebook);
  g_clear_object (&fixture->clock);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (fixture->path, suffixes[i], NULL);

      g_remove (file);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static gint64
add (Fixture               *fixture,
     CarnetAppointmentKind  kind,
     GDateTime             *start,
     guint                  duration,
     const char            *reminders,
     const char            *repeat)
{
  g_autoptr(CarnetAppointment) appointment = carnet_appointment_new ();
  g_autoptr(GError) error = NULL;

  carnet_appointment_set_title (appointment, "Follow-up");
  carnet_appointment_set_kind (appointment, kind);
  carnet_appointment_set_start (appointment, start);
  carnet_appointment_set_duration (appointment, duration);
  carnet_appointment_set_repeat (appointment, repeat);
  carnet_appointment_set_reminders (appointment, reminders, &error);
  g_assert_no_error (error);
  carnet_notebook_add (fixture->notebook, CARNET_RECORD (appointment), &error);
  g_assert_no_error (error);

  return carnet_record_get_id (CARNET_RECORD (appointment));
}

static GListModel *
claim (CarnetNotebook *notebook)
{
  g_autoptr(GError) error = NULL;
  GListModel *claimed = carnet_notebook_claim_due_reminders (notebook, &error);

  g_assert_no_error (error);
  g_assert_nonnull (claimed);
  return claimed;
}

static void
set_now (Fixture *fixture,
         int year, int month, int day, int hour, int minute)
{
  g_autoptr(GDateTime) now = paris_time (year, month, day, hour, minute);

  carnet_clock_set_now (fixture->clock, now);
}

/* Steps the clock from due time to due time, as the scheduler would, and
 * returns every reminder shown, in order ("key state" strings). */
static GPtrArray *
run_until (Fixture   *fixture,
           GDateTime *end)
{
  GPtrArray *shown = g_ptr_array_new_with_free_func (g_free);

  for (guint guard = 0; guard < 10000; guard++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GDateTime) next = carnet_notebook_next_reminder_due (fixture->notebook, &error);
      g_autoptr(GDateTime) now = carnet_clock_get_now (fixture->clock);
      g_autoptr(GListModel) claimed = NULL;

      g_assert_no_error (error);
      if (next == NULL || g_date_time_compare (next, end) > 0)
        break;

      if (g_date_time_compare (next, now) > 0)
        carnet_clock_set_now (fixture->clock, next);

      claimed = claim (fixture->notebook);
      g_assert_cmpuint (g_list_model_get_n_items (claimed), >, 0);
      for (guint i = 0; i < g_list_model_get_n_items (claimed); i++)
        {
          g_autoptr(CarnetReminder) reminder = g_list_model_get_item (claimed, i);
          g_autofree char *key = carnet_reminder_dup_key (reminder);
          g_autoptr(GDateTime) now_time = carnet_clock_get_now (fixture->clock);
          g_autofree char *when = carnet_time_format_iso (now_time);

          g_ptr_array_add (shown, g_strdup_printf ("%s %s %s", key,
                                                   carnet_enum_to_nick (CARNET_TYPE_REMINDER_STATE,
                                                                        carnet_reminder_get_state (reminder)),
                                                   when));
        }
    }

  return shown;
}

static void
test_offsets_and_repeats (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(GDateTime) start = paris_time (2026, 10, 5, 8, 30);
  g_autoptr(GDateTime) end = paris_time (2026, 11, 30, 0, 0);
  g_autoptr(GListModel) planned = NULL;
  g_autoptr(GPtrArray) shown = NULL;
  g_autoptr(GError) error = NULL;

  /* Every 3 weeks, 3 times, reminded 1 day and 2 hours before. */
  add (fixture, CARNET_APPOINTMENT_BLOOD_TEST, start, 15, "1d,2h", "FREQ=WEEKLY;INTERVAL=3;COUNT=3");

  planned = carnet_notebook_list_reminders (fixture->notebook, NULL, end, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (planned), ==, 6);
  {
    g_autoptr(CarnetReminder) first = g_list_model_get_item (planned, 0);
    g_autoptr(CarnetReminder) second = g_list_model_get_item (planned, 1);
    g_autofree char *first_at = carnet_time_format_iso (carnet_reminder_get_fires_at (first));
    g_autofree char *second_at = carnet_time_format_iso (carnet_reminder_get_fires_at (second));

    g_assert_cmpstr (first_at, ==, "2026-10-04T08:30:00+02:00");
    g_assert_cmpstr (second_at, ==, "2026-10-05T06:30:00+02:00");
  }

  /* As carnet-cli reminders --json prints them. */
  {
    g_autoptr(JsonNode) json = carnet_json_from_list (planned);
    JsonArray *array = json_node_get_array (json);
    JsonObject *first = json_array_get_object_element (array, 0);

    g_assert_cmpuint (json_array_get_length (array), ==, 6);
    g_assert_cmpint (json_object_get_int_member (first, "appointment_id"), ==, 1);
    g_assert_cmpstr (json_object_get_string_member (first, "title"), ==, "Follow-up");
    g_assert_cmpstr (json_object_get_string_member (first, "start"), ==, "2026-10-05T08:30:00+02:00");
    g_assert_cmpstr (json_object_get_string_member (first, "fires_at"), ==, "2026-10-04T08:30:00+02:00");
    g_assert_cmpint (json_object_get_int_member (first, "offset_min"), ==, 1440);
  }

  shown = run_until (fixture, end);
  g_assert_cmpuint (shown->len, ==, 6);
  for (guint i = 0; i < shown->len; i++)
    g_assert_nonnull (strstr (g_ptr_array_index (shown, i), " notified "));

  /* The third occurrence is 16 November, in winter time: 1d before is
   * 08:30 on the 15th, 2h before 06:30, both at +01:00. */
  g_assert_nonnull (strstr (g_ptr_array_index (shown, 4), "2026-11-15T08:30:00+01:00"));
  g_assert_nonnull (strstr (g_ptr_array_index (shown, 5), "2026-11-16T06:30:00+01:00"));
}

/* On the days of the autumn change (25 October 2026) and of the spring one
 * (28 March 2027): 1d before 08:30 is 08:30 the day before; 24h before is
 * an exact duration and lands an hour off. */
static void
test_dst_both_ways (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(GDateTime) autumn = paris_time (2026, 10, 25, 8, 30);
  g_autoptr(GDateTime) spring = paris_time (2027, 3, 28, 8, 30);
  g_autoptr(GDateTime) end = paris_time (2027, 4, 1, 0, 0);
  g_autoptr(GPtrArray) shown = NULL;

  add (fixture, CARNET_APPOINTMENT_CONSULTATION, autumn, 30, "1d,24h", NULL);
  add (fixture, CARNET_APPOINTMENT_CONSULTATION, spring, 30, "1d,24h", NULL);

  shown = run_until (fixture, end);
  g_assert_cmpuint (shown->len, ==, 4);
  g_assert_nonnull (strstr (g_ptr_array_index (shown, 0), ":1d notified 2026-10-24T08:30:00+02:00"));
  g_assert_nonnull (strstr (g_ptr_array_index (shown, 1), ":24h notified 2026-10-24T09:30:00+02:00"));
  g_assert_nonnull (strstr (g_ptr_array_index (shown, 2), ":24h notified 2027-03-27T07:30:00+01:00"));
  g_assert_nonnull (strstr (g_ptr_array_index (shown, 3), ":1d notified 2027-03-27T08:30:00+01:00"));
}

/* The person travels: the appointment stays at its Paris time, and the
 * reminder fires at that instant wherever the clock is. */
static void
test_time_zone_change (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(GDateTime) start = paris_time (2026, 10, 20, 9, 0);
  g_autoptr(GTimeZone) montreal = g_time_zone_new_identifier ("America/Montreal");
  g_autoptr(GDateTime) next = NULL;
  g_autoptr(GError) error = NULL;

  add (fixture, CARNET_APPOINTMENT_IMAGING, start, 30, "2h", NULL);
  carnet_clock_set_timezone (fixture->clock, montreal);

  next = carnet_notebook_next_reminder_due (fixture->notebook, &error);
  g_assert_no_error (error);
  {
    g_autoptr(GDateTime) utc = g_date_time_to_utc (next);

    /* 07:00 Paris (+02:00) is 05:00 UTC. */
    g_assert_cmpint (g_date_time_get_hour (utc), ==, 5);
  }
}

/* The clock jumps forward past a reminder and its appointment, then back. */
static void
test_clock_jumps (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(GDateTime) start = paris_time (2026, 10, 10, 9, 0);
  g_autoptr(GListModel) claimed = NULL;
  g_autoptr(GListModel) missed = NULL;
  g_autoptr(GError) error = NULL;

  add (fixture, CARNET_APPOINTMENT_CONSULTATION, start, 30, "1d", NULL);

  /* Forward past the appointment: recorded missed, not shown. */
  set_now (fixture, 2026, 10, 12, 9, 0);
  claimed = claim (fixture->notebook);
  g_assert_cmpuint (g_list_model_get_n_items (claimed), ==, 0);
  missed = carnet_notebook_list_missed_reminders (fixture->notebook, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (missed), ==, 1);
  g_clear_object (&claimed);

  /* Back before it: already decided, so it does not come back. */
  set_now (fixture, 2026, 10, 9, 9, 30);
  claimed = claim (fixture->notebook);
  g_assert_cmpuint (g_list_model_get_n_items (claimed), ==, 0);
  g_clear_object (&claimed);

  /* A jump forward that stays before the appointment: shown, late. */
  add (fixture, CARNET_APPOINTMENT_CONSULTATION, start, 30, "2h", NULL);
  set_now (fixture, 2026, 10, 10, 8, 0);
  claimed = claim (fixture->notebook);
  g_assert_cmpuint (g_list_model_get_n_items (claimed), ==, 1);
  {
    g_autoptr(CarnetReminder) late = g_list_model_get_item (claimed, 0);

    g_assert_cmpint (carnet_reminder_get_state (late), ==, CARNET_REMINDER_LATE);
  }
}

/* Closing and opening the notebook in the middle of a run changes nothing:
 * what was shown is not shown again, what was not is shown once. */
static void
test_restart_in_the_middle (Fixture       *fixture,
                            gconstpointer  user_data)
{
  g_autoptr(GDateTime) start = paris_time (2026, 10, 5, 8, 30);
  g_autoptr(GDateTime) halfway = paris_time (2026, 10, 20, 0, 0);
  g_autoptr(GDateTime) end = paris_time (2026, 12, 1, 0, 0);
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GError) error = NULL;

  add (fixture, CARNET_APPOINTMENT_TREATMENT, start, 60, "1d,2h", "FREQ=WEEKLY;COUNT=6");

  before = run_until (fixture, halfway);
  g_assert_cmpuint (before->len, ==, 6);

  g_clear_object (&fixture->notebook);
  fixture->notebook = carnet_notebook_open (fixture->path, CARNET_OPEN_FLAGS_NONE, fixture->clock, &error);
  g_assert_no_error (error);

  after = run_until (fixture, end);
  g_assert_cmpuint (after->len, ==, 6);
  for (guint i = 0; i < after->len; i++)
    for (guint j = 0; j < before->len; j++)
      {
        g_auto(GStrv) a = g_strsplit (g_ptr_array_index (after, i), " ", 2);
        g_auto(GStrv) b = g_strsplit (g_ptr_array_index (before, j), " ", 2);

        g_assert_cmpstr (a[0], !=, b[0]);
      }
}

/* Catch-up: the computer was off for a week. Reminders of appointments not
 * over yet are shown once, late; those of appointments that are over are
 * recorded missed; a second start shows nothing. */
static void
test_catch_up_with_cutoff (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(GDateTime) over = paris_time (2026, 10, 3, 9, 0);
  g_autoptr(GDateTime) coming = paris_time (2026, 10, 9, 14, 0);
  g_autoptr(GDateTime) long_ago = paris_time (2026, 8, 1, 9, 0);
  g_autoptr(GListModel) claimed = NULL;
  g_autoptr(GListModel) again = NULL;
  g_autoptr(GListModel) missed = NULL;
  g_autoptr(GError) error = NULL;

  /* Written on 1 October: the one of August never was a reminder to give. */
  add (fixture, CARNET_APPOINTMENT_BLOOD_TEST, over, 15, "1d,2h", NULL);
  add (fixture, CARNET_APPOINTMENT_CONSULTATION, coming, 30, "7d,2d,1d", NULL);
  add (fixture, CARNET_APPOINTMENT_IMAGING, long_ago, 30, "1d", NULL);

  set_now (fixture, 2026, 10, 8, 20, 0);
  claimed = claim (fixture->notebook);
  /* 7d (2 Oct), 2d (7 Oct) and 1d (8 Oct, 14:00) of the consultation: late. */
  g_assert_cmpuint (g_list_model_get_n_items (claimed), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(CarnetReminder) reminder = g_list_model_get_item (claimed, i);

      g_assert_cmpint (carnet_reminder_get_state (reminder), ==, CARNET_REMINDER_LATE);
      g_assert_cmpint (g_date_time_get_day_of_month (carnet_reminder_get_occurrence_start (reminder)), ==, 9);
    }

  missed = carnet_notebook_list_missed_reminders (fixture->notebook, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (missed), ==, 1);

  again = claim (fixture->notebook);
  g_assert_cmpuint (g_list_model_get_n_items (again), ==, 0);
}

/* A competing process: claims what is due and writes the keys to @fd.
 * Returns its exit status, after freeing what it made (valgrind checks the
 * child's leaks too). */
static int
claim_in_child (Fixture *fixture,
                int      fd)
{
  g_autoptr(CarnetNotebook) notebook = NULL;
  g_autoptr(GListModel) claimed = NULL;
  g_autoptr(GString) out = g_string_new (NULL);

  notebook = carnet_notebook_open (fixture->path, CARNET_OPEN_FLAGS_NONE, fixture->clock, NULL);
  if (notebook == NULL)
    return 2;
  claimed = carnet_notebook_claim_due_reminders (notebook, NULL);
  if (claimed == NULL)
    return 3;
  for (guint i = 0; i < g_list_model_get_n_items (claimed); i++)
    {
      g_autoptr(CarnetReminder) reminder = g_list_model_get_item (claimed, i);
      g_autofree char *key = carnet_reminder_dup_key (reminder);

      g_string_append_printf (out, "%s\n", key);
    }
  if (write (fd, out->str, out->len) != (ssize_t)out->len)
    return 4;
  return 0;
}

/* Two processes decide at the same moment on the same notebook: every
 * reminder is shown by exactly one of them. */
static void
test_two_processes_race (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(GDateTime) start = paris_time (2026, 10, 2, 9, 0);
  g_autoptr(GHashTable) seen = NULL;
  const guint n_processes = 4;
  int pipes[4][2];
  pid_t pids[4];
  guint total = 0;

  /* 40 reminders due at once. */
  for (guint i = 0; i < 20; i++)
    add (fixture, CARNET_APPOINTMENT_BLOOD_TEST, start, 15, "30m,20h", NULL);
  set_now (fixture, 2026, 10, 2, 8, 45);
  g_clear_object (&fixture->notebook);

  for (guint p = 0; p < n_processes; p++)
    {
      g_assert_cmpint (pipe (pipes[p]), ==, 0);
      pids[p] = fork ();
      g_assert_cmpint (pids[p], >=, 0);
      if (pids[p] == 0)
        {
          close (pipes[p][0]);
          _exit (claim_in_child (fixture, pipes[p][1]));
        }
      close (pipes[p][1]);
    }

  /* Made after the forks: a child has nothing of it to leak. */
  seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint p = 0; p < n_processes; p++)
    {
      g_autoptr(GString) in = g_string_new (NULL);
      g_auto(GStrv) keys = NULL;
      char buffer[4096];
      ssize_t n;
      int status = 0;

      while ((n = read (pipes[p][0], buffer, sizeof buffer)) > 0)
        g_string_append_len (in, buffer, n);
      close (pipes[p][0]);
      g_assert_cmpint (waitpid (pids[p], &status, 0), ==, pids[p]);
      g_assert_true (WIFEXITED (status));
      g_assert_cmpint (WEXITSTATUS (status), ==, 0);

      keys = g_strsplit (in->str, "\n", -1);
      for (guint i = 0; keys[i] != NULL && keys[i][0] != '\0'; i++, total++)
        {
          /* No duplicates across processes. */
          g_assert_false (g_hash_table_contains (seen, keys[i]));
          g_hash_table_add (seen, g_strdup (keys[i]));
        }
    }

  /* None lost: all 40 were shown by someone. */
  g_assert_cmpuint (total, ==, 40);
}

static void
test_snooze_survives_restart (Fixture       *fixture,
                              gconstpointer  user_data)
{
  g_autoptr(GDateTime) start = paris_time (2026, 10, 6, 9, 0);
  g_autoptr(GDateTime) later = paris_time (2026, 10, 5, 10, 0);
  g_autoptr(GDateTime) next = NULL;
  g_autoptr(GListModel) claimed = NULL;
  g_autoptr(CarnetReminder) reminder = NULL;
  g_autoptr(CarnetReminder) found = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;

  add (fixture, CARNET_APPOINTMENT_CONSULTATION, start, 30, "1d", NULL);
  set_now (fixture, 2026, 10, 5, 9, 0);
  claimed = claim (fixture->notebook);
  g_assert_cmpuint (g_list_model_get_n_items (claimed), ==, 1);
  reminder = g_list_model_get_item (claimed, 0);
  key = carnet_reminder_dup_key (reminder);

  /* Snoozing to the past is refused; an hour later is fine. */
  {
    g_autoptr(GDateTime) past = paris_time (2026, 10, 5, 8, 0);

    g_assert_false (carnet_notebook_snooze_reminder (fixture->notebook, reminder, past, &error));
    g_assert_error (error, CARNET_ERROR, CARNET_ERROR_INVALID);
    g_clear_error (&error);
  }
  carnet_notebook_snooze_reminder (fixture->notebook, reminder, later, &error);
  g_assert_no_error (error);
  g_clear_object (&claimed);

  /* Restart. */
  g_clear_object (&fixture->notebook);
  fixture->notebook = carnet_notebook_open (fixture->path, CARNET_OPEN_FLAGS_NONE, fixture->clock, &error);
  g_assert_no_error (error);

  found = carnet_notebook_find_reminder (fixture->notebook, key, &error);
  g_assert_no_error (error);
  g_assert_cmpint (carnet_reminder_get_state (found), ==, CARNET_REMINDER_SNOOZED);

  next = carnet_notebook_next_reminder_due (fixture->notebook, &error);
  g_assert_no_error (error);
  g_assert_true (g_date_time_equal (next, later));

  claimed = claim (fixture->notebook);
  g_assert_cmpuint (g_list_model_get_n_items (claimed), ==, 0);
  g_clear_object (&claimed);

  carnet_clock_set_now (fixture->clock, later);
  claimed = claim (fixture->notebook);
  g_assert_cmpuint (g_list_model_get_n_items (claimed), ==, 1);
  g_clear_object (&reminder);
  reminder = g_list_model_get_item (claimed, 0);
  g_assert_cmpint (carnet_reminder_get_state (reminder), ==, CARNET_REMINDER_NOTIFIED);

  /* Done: never again. */
  carnet_notebook_finish_reminder (fixture->notebook, reminder, &error);
  g_assert_no_error (error);
  g_clear_pointer (&next, g_date_time_unref);
  next = carnet_notebook_next_reminder_due (fixture->notebook, &error);
  g_assert_no_error (error);
  g_assert_null (next);
}

/* No notification server answered: the reminder is released and shown on
 * the next try, once. */
static void
test_release (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autoptr(GDateTime) start = paris_time (2026, 10, 6, 9, 0);
  g_autoptr(GListModel) claimed = NULL;
  g_autoptr(GListModel) again = NULL;
  g_autoptr(CarnetReminder) reminder = NULL;
  g_autoptr(GError) error = NULL;

  add (fixture, CARNET_APPOINTMENT_CONSULTATION, start, 30, "1d", NULL);
  set_now (fixture, 2026, 10, 5, 9, 0);
  claimed = claim (fixture->notebook);
  reminder = g_list_model_get_item (claimed, 0);
  carnet_notebook_release_reminder (fixture->notebook, reminder, &error);
  g_assert_no_error (error);

  again = claim (fixture->notebook);
  g_assert_cmpuint (g_list_model_get_n_items (again), ==, 1);
  g_clear_object (&again);
  again = claim (fixture->notebook);
  g_assert_cmpuint (g_list_model_get_n_items (again), ==, 0);
}

/* Cancelled and done occurrences remind nobody; a consultation's reminder
 * counts the questions waiting for it. */
static void
test_status_and_questions (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(GDateTime) start = paris_time (2026, 10, 6, 9, 0);
  g_autoptr(GDateTime) second = paris_time (2026, 10, 13, 9, 0);
  g_autoptr(GListModel) claimed = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  id = add (fixture, CARNET_APPOINTMENT_CONSULTATION, start, 30, "1d", "FREQ=WEEKLY;COUNT=2");
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(CarnetQuestion) question = carnet_question_new ();

      carnet_question_set_text (question, "Question");
      /* Two for this consultation, one for "the next consultation". */
      carnet_question_set_appointment_id (question, i < 2 ? id : 0);
      carnet_notebook_add (fixture->notebook, CARNET_RECORD (question), &error);
      g_assert_no_error (error);
    }

  carnet_notebook_set_occurrence_status (fixture->notebook, id, second, CARNET_STATUS_CANCELLED, &error);
  g_assert_no_error (error);

  set_now (fixture, 2026, 10, 5, 9, 0);
  claimed = claim (fixture->notebook);
  g_assert_cmpuint (g_list_model_get_n_items (claimed), ==, 1);
  {
    g_autoptr(CarnetReminder) reminder = g_list_model_get_item (claimed, 0);

    g_assert_cmpuint (carnet_reminder_get_open_questions (reminder), ==, 3);
  }
  g_clear_object (&claimed);

  set_now (fixture, 2026, 10, 12, 9, 0);
  claimed = claim (fixture->notebook);
  g_assert_cmpuint (g_list_model_get_n_items (claimed), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/core/reminders/offsets-and-repeats", test_offsets_and_repeats);
  ADD ("/core/reminders/dst-both-ways", test_dst_both_ways);
  ADD ("/core/reminders/time-zone-change", test_time_zone_change);
  ADD ("/core/reminders/clock-jumps", test_clock_jumps);
  ADD ("/core/reminders/restart-in-the-middle", test_restart_in_the_middle);
  ADD ("/core/reminders/catch-up-with-cutoff", test_catch_up_with_cutoff);
  ADD ("/core/reminders/two-processes-race", test_two_processes_race);
  ADD ("/core/reminders/snooze-survives-restart", test_snooze_survives_restart);
  ADD ("/core/reminders/release", test_release);
  ADD ("/core/reminders/status-and-questions", test_status_and_questions);

#undef ADD

  return g_test_run ();
}
