/* test-scheduler.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The scheduler and the notifications' wording, with a fake clock and a
 * recording notifier.
 */
#include "config.h"

#include <glib/gstdio.h>

#include "carnet-autostart.h"
#include "carnet-fake-notifier.h"
#include "carnet-notification.h"
#include "carnet-scheduler.h"

typedef struct
{
  char               *dir;
  CarnetClock        *clock;
  CarnetNotebook     *notebook;
  CarnetFakeNotifier *notifier;
  CarnetScheduler    *scheduler;
} Fixture;

static GDateTime *
paris_time (int year, int month, int day, int hour, int minute)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Paris");

  return g_date_time_new (tz, year, month, day, hour, minute, 0);
}

static CarnetNotebook *
open_notebook (Fixture    *fixture,
               const char *name,
               const char *person)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr(GError) error = NULL;
  CarnetNotebook *notebook;

  notebook = carnet_notebook_open (path, CARNET_OPEN_FLAGS_CREATE, fixture->clock, &error);
  g_assert_no_error (error);
  carnet_notebook_set_person (notebook, person, &error);
  g_assert_no_error (error);

  return notebook;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  /* The appointments of the tests are written days before they are due. */
  g_autoptr(GDateTime) now = paris_time (2026, 11, 28, 10, 0);

  fixture->dir = g_dir_make_tmp ("carnet-test-XXXXXX", NULL);
  fixture->clock = carnet_clock_new_fixed (now);
  fixture->notebook = open_notebook (fixture, "claire.carnet", "Claire Martin");
  fixture->notifier = carnet_fake_notifier_new ();
  fixture->scheduler = carnet_scheduler_new (CARNET_NOTIFIER (fixture->notifier), FALSE);
  carnet_scheduler_add_notebook (fixture->scheduler, fixture->notebook);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      g_remove (child);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_assert_finalize_object (fixture->scheduler);
  g_assert_finalize_object (fixture->notifier);
  g_clear_object (&fixture->notebook);
  g_clear_object (&fixture->clock);
  remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static gint64
add (CarnetNotebook        *notebook,
     const char            *title,
     CarnetAppointmentKind  kind,
     GDateTime             *start,
     const char            *reminders)
{
  g_autoptr(CarnetAppointment) appointment = carnet_appointment_new ();
  g_autoptr(GError) error = NULL;

  carnet_appointment_set_title (appointment, title);
  carnet_appointment_set_kind (appointment, kind);
  carnet_appointment_set_start (appointment, start);
  carnet_appointment_set_duration (appointment, 30);
  carnet_appointment_set_location (appointment, "Hôpital Saint-Louis");
  carnet_appointment_set_practitioner (appointment, "Dr Morel");
  carnet_appointment_set_reminders (appointment, reminders, &error);
  g_assert_no_error (error);
  carnet_notebook_add (notebook, CARNET_RECORD (appointment), &error);
  g_assert_no_error (error);

  return carnet_record_get_id (CARNET_RECORD (appointment));
}

static void
set_now (Fixture *fixture,
         int year, int month, int day, int hour, int minute)
{
  g_autoptr(GDateTime) now = paris_time (year, month, day, hour, minute);

  carnet_clock_set_now (fixture->clock, now);
}

static const CarnetNotification *
shown (Fixture *fixture,
       guint    index)
{
  GPtrArray *all = carnet_fake_notifier_get_shown (fixture->notifier);

  g_assert_cmpuint (index, <, all->len);
  return g_ptr_array_index (all, index);
}

static guint
n_shown (Fixture *fixture)
{
  return carnet_fake_notifier_get_shown (fixture->notifier)->len;
}

static void
test_wording (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autoptr(GDateTime) start = paris_time (2026, 12, 2, 8, 30);
  g_autoptr(GError) error = NULL;
  const CarnetNotification *notification;
  gint64 id;

  id = add (fixture->notebook, "Oncologist", CARNET_APPOINTMENT_CONSULTATION, start, "1d");
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(CarnetQuestion) question = carnet_question_new ();

      carnet_question_set_text (question, "Question");
      carnet_question_set_appointment_id (question, id);
      carnet_notebook_add (fixture->notebook, CARNET_RECORD (question), &error);
      g_assert_no_error (error);
    }

  /* Due at 08:30 the day before: the scheduler says so. */
  carnet_scheduler_reschedule (fixture->scheduler);
  g_assert_nonnull (carnet_scheduler_get_next_due (fixture->scheduler));
  g_assert_cmpint (g_date_time_get_hour (carnet_scheduler_get_next_due (fixture->scheduler)), ==, 8);

  set_now (fixture, 2026, 12, 1, 8, 30);
  carnet_scheduler_fire_due (fixture->scheduler);
  g_assert_cmpuint (n_shown (fixture), ==, 1);
  notification = shown (fixture, 0);

  /* One notebook followed: the person is not named. */
  g_assert_cmpstr (notification->title, ==, "Oncologist");
  g_assert_cmpstr (notification->body, ==,
                   "Tomorrow at 08:30\nHôpital Saint-Louis, Dr Morel\n3 questions ready");
  g_assert_true (notification->can_snooze);
  g_assert_cmpstr (notification->snooze_label, ==, "Snooze 1 hour");
  g_assert_cmpuint (g_strv_length (notification->keys), ==, 1);

  /* Nothing shows twice. */
  carnet_scheduler_fire_due (fixture->scheduler);
  g_assert_cmpuint (n_shown (fixture), ==, 1);
}

static void
test_person_named_with_two_notebooks (Fixture       *fixture,
                                      gconstpointer  user_data)
{
  g_autoptr(CarnetNotebook) second = open_notebook (fixture, "paul.carnet", "Paul Martin");
  g_autoptr(GDateTime) start = paris_time (2026, 12, 1, 11, 0);

  add (second, "Blood test", CARNET_APPOINTMENT_BLOOD_TEST, start, "30m");
  carnet_scheduler_add_notebook (fixture->scheduler, second);
  g_assert_cmpuint (carnet_scheduler_get_n_notebooks (fixture->scheduler), ==, 2);

  set_now (fixture, 2026, 12, 1, 10, 30);
  carnet_scheduler_fire_due (fixture->scheduler);
  g_assert_cmpuint (n_shown (fixture), ==, 1);
  g_assert_cmpstr (shown (fixture, 0)->title, ==, "Paul Martin — Blood test");
  g_assert_cmpstr (shown (fixture, 0)->body, ==, "Today at 11:00\nHôpital Saint-Louis, Dr Morel");
}

/* The computer was off: three reminders came due meanwhile. One
 * notification says so, not three; the lone one of another day is late. */
static void
test_catch_up_grouped (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(GDateTime) a = paris_time (2026, 12, 5, 9, 0);
  g_autoptr(GDateTime) b = paris_time (2026, 12, 6, 14, 0);
  const CarnetNotification *notification;

  add (fixture->notebook, "Scanner", CARNET_APPOINTMENT_IMAGING, a, "2d,1d");
  add (fixture->notebook, "Blood test", CARNET_APPOINTMENT_BLOOD_TEST, b, "2d");

  set_now (fixture, 2026, 12, 4, 20, 0);
  carnet_scheduler_fire_due (fixture->scheduler);
  g_assert_cmpuint (n_shown (fixture), ==, 1);
  notification = shown (fixture, 0);
  g_assert_cmpstr (notification->title, ==, "3 reminders while Carnet was not running");
  g_assert_cmpuint (g_strv_length (notification->keys), ==, 3);
  g_assert_false (notification->can_snooze);
  g_assert_nonnull (strstr (notification->body, "Scanner: Tomorrow at 09:00"));
  g_assert_nonnull (strstr (notification->body, "Blood test: "));

  carnet_scheduler_fire_due (fixture->scheduler);
  g_assert_cmpuint (n_shown (fixture), ==, 1);
}

static void
test_late_single (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(GDateTime) a = paris_time (2026, 12, 3, 9, 0);

  add (fixture->notebook, "Scanner", CARNET_APPOINTMENT_IMAGING, a, "1d");
  set_now (fixture, 2026, 12, 2, 11, 0);
  carnet_scheduler_fire_due (fixture->scheduler);
  g_assert_cmpuint (n_shown (fixture), ==, 1);
  g_assert_cmpstr (shown (fixture, 0)->body, ==,
                   "Tomorrow at 09:00\nHôpital Saint-Louis, Dr Morel\nWas due Today at 09:00");
}

/* No notification server: nothing is lost, the window is told, and the
 * reminder is shown once one answers. */
static void
test_no_server (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GDateTime) start = paris_time (2026, 12, 1, 12, 0);

  add (fixture->notebook, "Biopsy", CARNET_APPOINTMENT_BIOPSY, start, "1h");
  set_now (fixture, 2026, 12, 1, 11, 0);

  carnet_fake_notifier_set_broken (fixture->notifier, TRUE);
  carnet_scheduler_fire_due (fixture->scheduler);
  g_assert_cmpuint (n_shown (fixture), ==, 0);
  g_assert_nonnull (carnet_scheduler_get_problem (fixture->scheduler));

  carnet_fake_notifier_set_broken (fixture->notifier, FALSE);
  carnet_scheduler_fire_due (fixture->scheduler);
  g_assert_cmpuint (n_shown (fixture), ==, 1);
  g_assert_null (carnet_scheduler_get_problem (fixture->scheduler));
  carnet_scheduler_fire_due (fixture->scheduler);
  g_assert_cmpuint (n_shown (fixture), ==, 1);
}

static void
on_open_requested_cb (CarnetScheduler *scheduler,
                      const char      *path,
                      gint64           appointment_id,
                      gint64          *out_id)
{
  *out_id = appointment_id;
}

static void
test_open (Fixture       *fixture,
           gconstpointer  user_data)
{
  g_autoptr(GDateTime) start = paris_time (2026, 12, 3, 9, 0);
  gint64 appointment_id, opened = 0;

  appointment_id = add (fixture->notebook, "Scanner", CARNET_APPOINTMENT_IMAGING, start, "1d");
  g_signal_connect (fixture->scheduler, "open-requested", G_CALLBACK (on_open_requested_cb), &opened);

  set_now (fixture, 2026, 12, 2, 9, 0);
  carnet_scheduler_fire_due (fixture->scheduler);
  g_assert_cmpuint (n_shown (fixture), ==, 1);

  /* Clicking the notification asks for the appointment to be shown. */
  carnet_fake_notifier_click (fixture->notifier, shown (fixture, 0)->id, "default");
  g_assert_cmpint (opened, ==, appointment_id);

  /* Opening is not acknowledging: nothing more fires, nothing is lost. */
  carnet_scheduler_fire_due (fixture->scheduler);
  g_assert_cmpuint (n_shown (fixture), ==, 1);
}

static void
test_snooze_and_done (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(GDateTime) start = paris_time (2026, 12, 3, 9, 0);
  g_autoptr(GDateTime) in_15 = paris_time (2026, 12, 2, 9, 15);
  g_autoptr(GDateTime) morning = paris_time (2026, 12, 3, 8, 0);
  g_autofree char *id = NULL;

  add (fixture->notebook, "Scanner", CARNET_APPOINTMENT_IMAGING, start, "1d");
  carnet_scheduler_set_snooze_minutes (fixture->scheduler, 15);

  set_now (fixture, 2026, 12, 2, 9, 0);
  carnet_scheduler_fire_due (fixture->scheduler);
  g_assert_cmpuint (n_shown (fixture), ==, 1);
  id = g_strdup (shown (fixture, 0)->id);

  carnet_fake_notifier_click (fixture->notifier, id, "snooze");
  g_assert_true (g_date_time_equal (carnet_scheduler_get_next_due (fixture->scheduler), in_15));

  carnet_clock_set_now (fixture->clock, in_15);
  carnet_scheduler_fire_due (fixture->scheduler);
  g_assert_cmpuint (n_shown (fixture), ==, 2);
  g_clear_pointer (&id, g_free);
  id = g_strdup (shown (fixture, 1)->id);

  carnet_fake_notifier_click (fixture->notifier, id, "snooze-tomorrow");
  g_assert_true (g_date_time_equal (carnet_scheduler_get_next_due (fixture->scheduler), morning));

  carnet_clock_set_now (fixture->clock, morning);
  carnet_scheduler_fire_due (fixture->scheduler);
  g_assert_cmpuint (n_shown (fixture), ==, 3);
  g_clear_pointer (&id, g_free);
  id = g_strdup (shown (fixture, 2)->id);

  carnet_fake_notifier_click (fixture->notifier, id, "done");
  g_assert_null (carnet_scheduler_get_next_due (fixture->scheduler));
  carnet_scheduler_fire_due (fixture->scheduler);
  g_assert_cmpuint (n_shown (fixture), ==, 3);
}

static void
on_next_due_cb (CarnetScheduler *scheduler,
                GParamSpec      *pspec,
                gboolean        *changed)
{
  *changed = TRUE;
}

static gboolean
on_timeout_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Another process (carnet-cli) adds an appointment: the scheduler sees it
 * through the file, and looks again. */
static void
test_outside_change_reschedules (Fixture       *fixture,
                                 gconstpointer  user_data)
{
  g_autoptr(CarnetNotebook) other = NULL;
  g_autoptr(GDateTime) start = paris_time (2026, 12, 9, 9, 0);
  g_autoptr(GError) error = NULL;
  gboolean changed = FALSE, timed_out = FALSE;
  guint timeout_id;

  g_assert_null (carnet_scheduler_get_next_due (fixture->scheduler));
  g_signal_connect (fixture->scheduler, "notify::next-due", G_CALLBACK (on_next_due_cb), &changed);

  other = carnet_notebook_open (carnet_notebook_get_path (fixture->notebook),
                                CARNET_OPEN_FLAGS_NONE, fixture->clock, &error);
  g_assert_no_error (error);
  add (other, "Consultation", CARNET_APPOINTMENT_CONSULTATION, start, "1d");

  timeout_id = g_timeout_add_seconds (10, on_timeout_cb, &timed_out);
  while (!changed && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (timeout_id);

  g_assert_true (changed);
  g_assert_nonnull (carnet_scheduler_get_next_due (fixture->scheduler));
  g_assert_cmpint (g_date_time_get_day_of_month (carnet_scheduler_get_next_due (fixture->scheduler)), ==, 8);
}

static void
test_snooze_labels (void)
{
  g_autofree char *hour = carnet_notification_snooze_label (60);
  g_autofree char *hours = carnet_notification_snooze_label (180);
  g_autofree char *minutes = carnet_notification_snooze_label (10);
  g_autofree char *day = carnet_notification_snooze_label (1440);

  g_assert_cmpstr (hour, ==, "Snooze 1 hour");
  g_assert_cmpstr (hours, ==, "Snooze 3 hours");
  g_assert_cmpstr (minutes, ==, "Snooze 10 minutes");
  g_assert_cmpstr (day, ==, "Snooze 1 day");
}

/* "Run in background" writes the XDG autostart entry, and takes it away. */
static void
test_autostart (void)
{
  g_autofree char *path = carnet_autostart_path ();
  g_autoptr(GKeyFile) entry = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *exec = NULL;
  g_autofree char *start_group = NULL;

  g_assert_true (g_str_has_prefix (path, g_get_user_config_dir ()));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  g_assert_true (carnet_autostart_set_enabled (TRUE, "/opt/my apps/carnet", &error));
  g_assert_no_error (error);
  g_key_file_load_from_file (entry, path, G_KEY_FILE_NONE, &error);
  g_assert_no_error (error);
  exec = g_key_file_get_string (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_EXEC, &error);
  g_assert_cmpstr (exec, ==, "'/opt/my apps/carnet' --background");
  g_assert_true (g_key_file_get_boolean (entry, G_KEY_FILE_DESKTOP_GROUP,
                                         G_KEY_FILE_DESKTOP_KEY_NO_DISPLAY, NULL));
  start_group = g_key_file_get_start_group (entry);
  g_assert_cmpstr (start_group, ==, G_KEY_FILE_DESKTOP_GROUP);

  /* Twice is harmless, both ways. */
  g_assert_true (carnet_autostart_set_enabled (TRUE, "carnet", &error));
  g_assert_true (carnet_autostart_set_enabled (FALSE, "carnet", &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_true (carnet_autostart_set_enabled (FALSE, "carnet", &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/reminders/scheduler/wording", test_wording);
  ADD ("/reminders/scheduler/person-named-with-two-notebooks", test_person_named_with_two_notebooks);
  ADD ("/reminders/scheduler/catch-up-grouped", test_catch_up_grouped);
  ADD ("/reminders/scheduler/late-single", test_late_single);
  ADD ("/reminders/scheduler/no-server", test_no_server);
  ADD ("/reminders/scheduler/open", test_open);
  ADD ("/reminders/scheduler/snooze-and-done", test_snooze_and_done);
  ADD ("/reminders/scheduler/outside-change-reschedules", test_outside_change_reschedules);
  g_test_add_func ("/reminders/notification/snooze-labels", test_snooze_labels);
  g_test_add_func ("/reminders/autostart", test_autostart);

#undef ADD

  return g_test_run ();
}
