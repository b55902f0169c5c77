/* torture-writer.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The core's side of the crash torture (torture.py): writes through the core
 * API for ever, until the driver kills it with SIGKILL. Before each call it
 * prints what it tries, and after the call returned TRUE it prints an
 * acknowledgement, flushed, so the driver knows which writes the notebook
 * promised to keep:
 *
 *   try add appointment TITLE            ack add appointment ID TITLE NOTES
 *   try add result NAME                  ack add result ID NAME VALUE
 *   try add side-effect SYMPTOM          ack add side-effect ID SYMPTOM SEVERITY
 *   try edit appointment ID TITLE        ack edit appointment ID TITLE NOTES
 *   try backup DAY                       ack backup DAY PATH
 *   try claim DAY                        ack claim APPOINTMENT_ID OCCURRENCE_UTC OFFSET
 *                                        ack claimed DAY
 *
 * Fields are separated by tabs; texts have none. The clock is injected: it
 * starts on day FIRST_DAY (days after 2026-01-05 09:00, Paris) and moves a day
 * before each automatic backup, so that each one makes a new file and the
 * rotation deletes old ones while the driver may kill it.
 *
 *   torture-writer NOTEBOOK SEED ROUND FIRST_DAY
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "carnet.h"

static GDateTime *
day_time (int day)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Paris");
  g_autoptr(GDateTime) base = g_date_time_new (tz, 2026, 1, 5, 9, 0, 0);

  return g_date_time_add_days (base, day);
}

static void
say (const char *format,
     ...) G_GNUC_PRINTF (1, 2);

static void
say (const char *format,
     ...)
{
  va_list args;

  va_start (args, format);
  vprintf (format, args);
  va_end (args);
  putchar ('\n');
  fflush (stdout);
}

static void
fail (const char *what,
      GError     *error)
{
  fprintf (stderr, "torture-writer: %s: %s\n", what, error != NULL ? error->message : "failed");
  exit (1);
}

static void
add_appointment (CarnetNotebook *notebook,
                 GRand          *rand,
                 GDateTime      *now,
                 const char     *tag)
{
  g_autoptr(CarnetAppointment) appointment = carnet_appointment_new ();
  g_autoptr(GDateTime) start = g_date_time_add_hours (now, g_rand_int_range (rand, -48, 24 * 20));
  g_autoptr(GError) error = NULL;
  g_autofree char *title = g_strdup_printf ("core %s appointment", tag);
  g_autofree char *notes = g_strdup_printf ("notes of %s", tag);

  carnet_appointment_set_title (appointment, title);
  carnet_appointment_set_kind (appointment, CARNET_APPOINTMENT_BLOOD_TEST);
  carnet_appointment_set_start (appointment, start);
  carnet_appointment_set_duration (appointment, 30);
  carnet_appointment_set_location (appointment, "Institut Curie");
  carnet_appointment_set_notes (appointment, notes);
  if (!carnet_appointment_set_reminders (appointment, "1d,2h,0m", &error))
    fail ("reminders", error);

  say ("try\tadd\tappointment\t%s", title);
  if (!carnet_notebook_add (notebook, CARNET_RECORD (appointment), &error))
    fail ("add appointment", error);
  say ("ack\tadd\tappointment\t%" G_GINT64_FORMAT "\t%s\t%s",
       carnet_record_get_id (CARNET_RECORD (appointment)), title, notes);
}

static void
add_result (CarnetNotebook *notebook,
            GRand          *rand,
            GDateTime      *now,
            const char     *tag)
{
  g_autoptr(CarnetResult) result = carnet_result_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("core %s result", tag);
  int value = g_rand_int_range (rand, 1, 1000);

  carnet_result_set_name (result, name);
  carnet_result_set_value (result, value);
  carnet_result_set_unit (result, "g/L");
  carnet_result_set_low (result, 100);
  carnet_result_set_high (result, 500);
  carnet_result_set_at (result, now);

  say ("try\tadd\tresult\t%s", name);
  if (!carnet_notebook_add (notebook, CARNET_RECORD (result), &error))
    fail ("add result", error);
  say ("ack\tadd\tresult\t%" G_GINT64_FORMAT "\t%s\t%d",
       carnet_record_get_id (CARNET_RECORD (result)), name, value);
}

static void
add_side_effect (CarnetNotebook *notebook,
                 GRand          *rand,
                 GDateTime      *now,
                 const char     *tag)
{
  g_autoptr(CarnetSideEffect) side_effect = carnet_side_effect_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *symptom = g_strdup_printf ("core %s symptom", tag);
  int severity = g_rand_int_range (rand, 0, 5);

  carnet_side_effect_set_symptom (side_effect, symptom);
  carnet_side_effect_set_severity (side_effect, severity);
  carnet_side_effect_set_at (side_effect, now);

  say ("try\tadd\tside-effect\t%s", symptom);
  if (!carnet_notebook_add (notebook, CARNET_RECORD (side_effect), &error))
    fail ("add side effect", error);
  say ("ack\tadd\tside-effect\t%" G_GINT64_FORMAT "\t%s\t%d",
       carnet_record_get_id (CARNET_RECORD (side_effect)), symptom, severity);
}

/* Renames an appointment that is not in the trash, picked at random. */
static void
edit_appointment (CarnetNotebook *notebook,
                  GRand          *rand,
                  const char     *tag)
{
  g_autoptr(GListModel) list = NULL;
  g_autoptr(CarnetAppointment) appointment = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = g_strdup_printf ("core %s edited", tag);
  g_autofree char *notes = g_strdup_printf ("notes edited by %s", tag);
  guint n;
  gint64 id;

  list = carnet_notebook_list (notebook, CARNET_RECORD_APPOINTMENT, NULL, NULL, &error);
  if (list == NULL)
    fail ("list appointments", error);
  n = g_list_model_get_n_items (list);
  if (n == 0)
    return;

  appointment = g_list_model_get_item (list, g_rand_int_range (rand, 0, (gint32) n));
  id = carnet_record_get_id (CARNET_RECORD (appointment));
  carnet_appointment_set_title (appointment, title);
  carnet_appointment_set_notes (appointment, notes);

  say ("try\tedit\tappointment\t%" G_GINT64_FORMAT "\t%s\t%s", id, title, notes);
  if (!carnet_notebook_update (notebook, CARNET_RECORD (appointment), &error))
    fail ("edit appointment", error);
  say ("ack\tedit\tappointment\t%" G_GINT64_FORMAT "\t%s\t%s", id, title, notes);
}

static void
run_backup (CarnetNotebook *notebook,
            CarnetClock    *clock,
            int             day)
{
  g_autoptr(GDateTime) now = day_time (day);
  g_autoptr(CarnetBackup) backup = NULL;
  g_autoptr(GError) error = NULL;
  gboolean made = FALSE;

  carnet_clock_set_now (clock, now);
  say ("try\tbackup\t%d", day);
  backup = carnet_backup_run_daily (notebook, &made, &error);
  if (backup == NULL)
    fail ("backup", error);
  say ("ack\tbackup\t%d\t%s", day, carnet_backup_get_path (backup));
}

static void
claim_reminders (CarnetNotebook *notebook,
                 int             day)
{
  g_autoptr(GListModel) shown = NULL;
  g_autoptr(GError) error = NULL;

  say ("try\tclaim\t%d", day);
  shown = carnet_notebook_claim_due_reminders (notebook, &error);
  if (shown == NULL)
    fail ("claim reminders", error);

  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(CarnetReminder) reminder = g_list_model_get_item (shown, i);
      g_autofree char *offset = carnet_reminder_dup_offset_text (reminder);

      say ("ack\tclaim\t%" G_GINT64_FORMAT "\t%" G_GINT64_FORMAT "\t%s",
           carnet_reminder_get_appointment_id (reminder),
           g_date_time_to_unix (carnet_reminder_get_occurrence_start (reminder)),
           offset);
    }
  say ("ack\tclaimed\t%d", day);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(CarnetClock) clock = NULL;
  g_autoptr(CarnetNotebook) notebook = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GRand) rand = NULL;
  g_autoptr(GError) error = NULL;
  int round;
  int day;

  if (argc != 5)
    {
      fprintf (stderr, "Usage: torture-writer NOTEBOOK SEED ROUND FIRST_DAY\n");
      return 2;
    }

  rand = g_rand_new_with_seed ((guint32) g_ascii_strtoull (argv[2], NULL, 10));
  round = atoi (argv[3]);
  day = atoi (argv[4]);

  now = day_time (day);
  clock = carnet_clock_new_fixed (now);
  notebook = carnet_notebook_open (argv[1], CARNET_OPEN_FLAGS_CREATE, clock, &error);
  if (notebook == NULL)
    fail ("open", error);
  say ("ready\t%d", day);

  /* Until killed; the driver always kills it. */
  for (guint n = 0;; n++)
    {
      g_autofree char *tag = g_strdup_printf ("r%d-%u", round, n);
      g_autoptr(GDateTime) when = carnet_clock_get_now (clock);
      int what = g_rand_int_range (rand, 0, 100);

      if (what < 35)
        add_appointment (notebook, rand, when, tag);
      else if (what < 55)
        add_result (notebook, rand, when, tag);
      else if (what < 65)
        add_side_effect (notebook, rand, when, tag);
      else if (what < 85)
        edit_appointment (notebook, rand, tag);
      else if (what < 91)
        run_backup (notebook, clock, ++day);
      else
        claim_reminders (notebook, day);
    }

  return 0;
}
