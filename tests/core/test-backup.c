/* test-backup.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * JSON backups (round trip field by field, merge, refusals that leave the
 * notebook byte-identical) and automatic backups (daily, rotation with an
 * injected clock, listing, restore).
 */
#include "config.h"

#include <fcntl.h>
#include <math.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <sqlite3.h>
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
  g_autoptr(GDateTime) now = paris_time (2026, 11, 28, 10, 0);

  fixture->dir = g_dir_make_tmp ("carnet-test-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "notebook.carnet", NULL);
  fixture->clock = carnet_clock_new_fixed (now);
  fixture->notebook = carnet_notebook_open (fixture->path, CARNET_OPEN_FLAGS_CREATE,
                                            fixture->clock, &error);
  g_assert_no_error (error);
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

static CarnetNotebook *
open_notebook (Fixture    *fixture,
               const char *name)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr(GError) error = NULL;
  CarnetNotebook *notebook;

  notebook = carnet_notebook_open (path, CARNET_OPEN_FLAGS_CREATE, fixture->clock, &error);
  g_assert_no_error (error);
  return notebook;
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

static void
add (CarnetNotebook *notebook,
     gpointer        record)
{
  g_autoptr(GError) error = NULL;

  carnet_notebook_add (notebook, CARNET_RECORD (record), &error);
  g_assert_no_error (error);
}

/* Every kind of record with every field set, plus the trash, an attached
 * file, an occurrence's own status and the reminder log, over the demo
 * patient's year. */
static void
fill_notebook (Fixture *fixture)
{
  CarnetNotebook *notebook = fixture->notebook;
  g_autoptr(GError) error = NULL;
  g_autoptr(CarnetAppointment) series = carnet_appointment_new ();
  g_autoptr(CarnetAppointment) all_day = carnet_appointment_new ();
  g_autoptr(CarnetAppointment) soon = carnet_appointment_new ();
  g_autoptr(CarnetAppointment) montreal = carnet_appointment_new ();
  g_autoptr(CarnetResult) value = carnet_result_new ();
  g_autoptr(CarnetResult) report = carnet_result_new ();
  g_autoptr(CarnetResult) trashed = carnet_result_new ();
  g_autoptr(CarnetSideEffect) side_effect = carnet_side_effect_new ();
  g_autoptr(CarnetQuestion) question = carnet_question_new ();
  g_autoptr(CarnetQuestion) answered = carnet_question_new ();
  g_autoptr(CarnetTreatment) treatment = carnet_treatment_new ();
  g_autoptr(GDateTime) series_start = paris_time (2026, 12, 3, 8, 30);
  g_autoptr(GDateTime) day = paris_time (2026, 12, 10, 0, 0);
  g_autoptr(GDateTime) soon_start = paris_time (2026, 11, 29, 10, 0);
  g_autoptr(GDateTime) cancelled = paris_time (2027, 3, 3, 8, 30);
  g_autoptr(GDateTime) at = paris_time (2026, 11, 20, 8, 5);
  g_autoptr(GDateTime) onset = paris_time (2026, 11, 22, 12, 0);
  g_autoptr(GDateTime) end = paris_time (2026, 11, 24, 18, 0);
  g_autoptr(GDateTime) snooze = paris_time (2026, 11, 28, 11, 0);
  g_autoptr(GTimeZone) montreal_tz = g_time_zone_new_identifier ("America/Montreal");
  g_autoptr(GDateTime) montreal_start = g_date_time_new (montreal_tz, 2027, 1, 15, 9, 0, 0);
  g_autoptr(GBytes) pdf = g_bytes_new_static ("%PDF-1.4\n\0binary\xff", 18);
  g_autoptr(GListModel) claimed = NULL;
  g_autoptr(GDate) start = g_date_new_dmy (1, G_DATE_NOVEMBER, 2026);

  carnet_demo_populate (notebook, &error);
  g_assert_no_error (error);
  carnet_notebook_set_person (notebook, "Jeanne Dupont-Lefèvre", &error);
  g_assert_no_error (error);
  carnet_notebook_set_default_reminders (notebook, "3d,30m", &error);
  g_assert_no_error (error);

  carnet_treatment_set_name (treatment, "FEC 100");
  carnet_treatment_set_kind (treatment, CARNET_TREATMENT_CHEMOTHERAPY);
  carnet_treatment_set_start (treatment, start);
  carnet_treatment_set_cycle_days (treatment, 21);
  carnet_treatment_set_cycles (treatment, 6);
  carnet_treatment_set_notes (treatment, "Day hospital, room 4");
  add (notebook, treatment);

  carnet_appointment_set_title (series, "Oncology follow-up");
  carnet_appointment_set_kind (series, CARNET_APPOINTMENT_CONSULTATION);
  carnet_appointment_set_start (series, series_start);
  carnet_appointment_set_duration (series, 30);
  carnet_appointment_set_location (series, "Hôpital Saint-Louis, bâtiment B");
  carnet_appointment_set_practitioner (series, "Dr Martin");
  carnet_appointment_set_notes (series, "Bring the scans.\nAnd the list of medicines.");
  carnet_appointment_set_reminders (series, "1d,2h,24h", &error);
  g_assert_no_error (error);
  carnet_appointment_set_repeat (series, "FREQ=MONTHLY;INTERVAL=3;COUNT=4");
  add (notebook, series);
  carnet_notebook_set_occurrence_status (notebook, carnet_record_get_id (CARNET_RECORD (series)),
                                         cancelled, CARNET_STATUS_CANCELLED, &error);
  g_assert_no_error (error);

  carnet_appointment_set_title (all_day, "PET scan");
  carnet_appointment_set_kind (all_day, CARNET_APPOINTMENT_IMAGING);
  carnet_appointment_set_start (all_day, day);
  carnet_appointment_set_all_day (all_day, TRUE);
  carnet_appointment_set_status (all_day, CARNET_STATUS_MISSED);
  add (notebook, all_day);

  carnet_appointment_set_title (soon, "Blood test");
  carnet_appointment_set_kind (soon, CARNET_APPOINTMENT_BLOOD_TEST);
  carnet_appointment_set_start (soon, soon_start);
  carnet_appointment_set_reminders (soon, "1d,30m", &error);
  g_assert_no_error (error);
  add (notebook, soon);

  carnet_appointment_set_title (montreal, "Second opinion");
  carnet_appointment_set_kind (montreal, CARNET_APPOINTMENT_CONSULTATION);
  carnet_appointment_set_start (montreal, montreal_start);
  add (notebook, montreal);

  /* The 1d reminder of the blood test is due now: shown, then snoozed. */
  claimed = carnet_notebook_claim_due_reminders (notebook, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (claimed), >=, 1);
  {
    g_autoptr(CarnetReminder) reminder = g_list_model_get_item (claimed, 0);

    carnet_notebook_snooze_reminder (notebook, reminder, snooze, &error);
    g_assert_no_error (error);
  }

  carnet_result_set_name (value, "Haemoglobin");
  carnet_result_set_value (value, 0.1 + 0.2);
  carnet_result_set_unit (value, "g/dL");
  carnet_result_set_low (value, 12);
  carnet_result_set_high (value, 16.5);
  carnet_result_set_at (value, at);
  carnet_result_set_appointment_id (value, carnet_record_get_id (CARNET_RECORD (series)));
  carnet_result_set_notes (value, "Fasting; \"ask\" about iron, maybe");
  carnet_result_set_attachment (value, "labo 20 nov.pdf", pdf);
  add (notebook, value);

  carnet_result_set_name (report, "Scanner");
  carnet_result_set_text (report, "No sign of progression.\nStable nodule, 4 mm.");
  carnet_result_set_at (report, at);
  add (notebook, report);

  carnet_result_set_name (trashed, "Wrong entry");
  carnet_result_set_value (trashed, 1e-7);
  carnet_result_set_at (trashed, at);
  add (notebook, trashed);
  carnet_notebook_trash (notebook, CARNET_RECORD_RESULT, carnet_record_get_id (CARNET_RECORD (trashed)),
                         &error);
  g_assert_no_error (error);

  carnet_side_effect_set_symptom (side_effect, "Nausées");
  carnet_side_effect_set_severity (side_effect, 3);
  carnet_side_effect_set_at (side_effect, onset);
  carnet_side_effect_set_until (side_effect, end);
  carnet_side_effect_set_treatment_id (side_effect, carnet_record_get_id (CARNET_RECORD (treatment)));
  carnet_side_effect_set_notes (side_effect, "Worse in the evening");
  add (notebook, side_effect);

  carnet_question_set_text (question, "Can I travel in January?");
  carnet_question_set_appointment_id (question, carnet_record_get_id (CARNET_RECORD (series)));
  carnet_question_set_author (question, CARNET_AUTHOR_CAREGIVER);
  add (notebook, question);

  carnet_question_set_text (answered, "Which sunscreen?");
  add (notebook, answered);
  carnet_notebook_answer_question (notebook, carnet_record_get_id (CARNET_RECORD (answered)),
                                   "SPF 50, every two hours", &error);
  g_assert_no_error (error);

  /* Things go to the trash at another time than they were made. */
  carnet_clock_advance (fixture->clock, 3 * G_TIME_SPAN_HOUR);
  carnet_notebook_trash (notebook, CARNET_RECORD_APPOINTMENT,
                         carnet_record_get_id (CARNET_RECORD (montreal)), &error);
  g_assert_no_error (error);
}

/* Every record of @notebook, the trash too, by kind and id. */
static GPtrArray *
all_records (CarnetNotebook   *notebook,
             CarnetRecordKind  kind)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) live = carnet_notebook_list (notebook, kind, NULL, NULL, &error);
  g_autoptr(GListModel) trash = NULL;
  GPtrArray *records = g_ptr_array_new_with_free_func (g_object_unref);

  g_assert_no_error (error);
  trash = carnet_notebook_list_trash (notebook, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < g_list_model_get_n_items (live); i++)
    g_ptr_array_add (records, g_list_model_get_item (live, i));
  for (guint i = 0; i < g_list_model_get_n_items (trash); i++)
    {
      g_autoptr(CarnetRecord) record = g_list_model_get_item (trash, i);

      if (carnet_record_get_kind (record) == kind)
        g_ptr_array_add (records, g_steal_pointer (&record));
    }

  return records;
}

static CarnetRecord *
find_by_id (GPtrArray *records,
            gint64     id)
{
  for (guint i = 0; i < records->len; i++)
    {
      if (carnet_record_get_id (g_ptr_array_index (records, i)) == id)
        return g_ptr_array_index (records, i);
    }

  return NULL;
}

/* Same instant, same zone: 08:30 in Paris is not 08:30 in Montréal. */
static void
assert_time_equal (GDateTime *a,
                   GDateTime *b)
{
  if (a == NULL || b == NULL)
    {
      g_assert_true (a == b);
      return;
    }

  g_assert_true (g_date_time_equal (a, b));
  g_assert_cmpint (g_date_time_get_utc_offset (a), ==, g_date_time_get_utc_offset (b));
  g_assert_cmpstr (g_time_zone_get_identifier (g_date_time_get_timezone (a)), ==,
                   g_time_zone_get_identifier (g_date_time_get_timezone (b)));
}

static void
assert_number_equal (double a,
                     double b)
{
  if (isnan (a) || isnan (b))
    g_assert_true (isnan (a) && isnan (b));
  else
    g_assert_true (a == b);
}

static void
assert_date_equal (const GDate *a,
                   const GDate *b)
{
  gboolean a_valid = a != NULL && g_date_valid (a);
  gboolean b_valid = b != NULL && g_date_valid (b);

  g_assert_cmpint (a_valid, ==, b_valid);
  if (a_valid)
    g_assert_cmpint (g_date_compare (a, b), ==, 0);
}

static void
assert_records_equal (CarnetNotebook *notebook_a,
                      CarnetRecord   *a,
                      CarnetNotebook *notebook_b,
                      CarnetRecord   *b)
{
  g_assert_nonnull (b);
  g_assert_cmpint (carnet_record_get_kind (a), ==, carnet_record_get_kind (b));
  g_assert_cmpint (carnet_record_get_id (a), ==, carnet_record_get_id (b));
  assert_time_equal (carnet_record_get_trashed (a), carnet_record_get_trashed (b));

  switch (carnet_record_get_kind (a))
    {
    case CARNET_RECORD_APPOINTMENT:
      {
        CarnetAppointment *x = CARNET_APPOINTMENT (a), *y = CARNET_APPOINTMENT (b);

        g_assert_cmpstr (carnet_appointment_get_title (x), ==, carnet_appointment_get_title (y));
        g_assert_cmpint (carnet_appointment_get_kind (x), ==, carnet_appointment_get_kind (y));
        assert_time_equal (carnet_appointment_get_start (x), carnet_appointment_get_start (y));
        g_assert_cmpint (carnet_appointment_get_all_day (x), ==, carnet_appointment_get_all_day (y));
        g_assert_cmpuint (carnet_appointment_get_duration (x), ==, carnet_appointment_get_duration (y));
        g_assert_cmpstr (carnet_appointment_get_location (x), ==, carnet_appointment_get_location (y));
        g_assert_cmpstr (carnet_appointment_get_practitioner (x), ==, carnet_appointment_get_practitioner (y));
        g_assert_cmpstr (carnet_appointment_get_notes (x), ==, carnet_appointment_get_notes (y));
        g_assert_cmpint (carnet_appointment_get_status (x), ==, carnet_appointment_get_status (y));
        g_assert_cmpstr (carnet_appointment_get_reminders (x), ==, carnet_appointment_get_reminders (y));
        g_assert_cmpstr (carnet_appointment_get_repeat (x), ==, carnet_appointment_get_repeat (y));
      }
      break;

    case CARNET_RECORD_RESULT:
      {
        CarnetResult *x = CARNET_RESULT (a), *y = CARNET_RESULT (b);

        g_assert_cmpstr (carnet_result_get_name (x), ==, carnet_result_get_name (y));
        assert_number_equal (carnet_result_get_value (x), carnet_result_get_value (y));
        g_assert_cmpstr (carnet_result_get_text (x), ==, carnet_result_get_text (y));
        g_assert_cmpstr (carnet_result_get_unit (x), ==, carnet_result_get_unit (y));
        assert_number_equal (carnet_result_get_low (x), carnet_result_get_low (y));
        assert_number_equal (carnet_result_get_high (x), carnet_result_get_high (y));
        g_assert_cmpint (carnet_result_get_flag (x), ==, carnet_result_get_flag (y));
        assert_time_equal (carnet_result_get_at (x), carnet_result_get_at (y));
        g_assert_cmpint (carnet_result_get_appointment_id (x), ==, carnet_result_get_appointment_id (y));
        g_assert_cmpstr (carnet_result_get_notes (x), ==, carnet_result_get_notes (y));
        g_assert_cmpstr (carnet_result_get_attachment_name (x), ==, carnet_result_get_attachment_name (y));
        if (carnet_result_get_attachment_name (x) != NULL)
          {
            g_autoptr(GBytes) data_a = carnet_notebook_dup_attachment (notebook_a, carnet_record_get_id (a), NULL, NULL);
            g_autoptr(GBytes) data_b = carnet_notebook_dup_attachment (notebook_b, carnet_record_get_id (b), NULL, NULL);

            g_assert_nonnull (data_a);
            g_assert_nonnull (data_b);
            g_assert_true (g_bytes_equal (data_a, data_b));
          }
      }
      break;

    case CARNET_RECORD_SIDE_EFFECT:
      {
        CarnetSideEffect *x = CARNET_SIDE_EFFECT (a), *y = CARNET_SIDE_EFFECT (b);

        g_assert_cmpstr (carnet_side_effect_get_symptom (x), ==, carnet_side_effect_get_symptom (y));
        g_assert_cmpint (carnet_side_effect_get_severity (x), ==, carnet_side_effect_get_severity (y));
        assert_time_equal (carnet_side_effect_get_at (x), carnet_side_effect_get_at (y));
        assert_time_equal (carnet_side_effect_get_until (x), carnet_side_effect_get_until (y));
        g_assert_cmpint (carnet_side_effect_get_treatment_id (x), ==, carnet_side_effect_get_treatment_id (y));
        g_assert_cmpstr (carnet_side_effect_get_notes (x), ==, carnet_side_effect_get_notes (y));
        g_assert_cmpstr (carnet_side_effect_get_cycle (x), ==, carnet_side_effect_get_cycle (y));
      }
      break;

    case CARNET_RECORD_QUESTION:
      {
        CarnetQuestion *x = CARNET_QUESTION (a), *y = CARNET_QUESTION (b);

        g_assert_cmpstr (carnet_question_get_text (x), ==, carnet_question_get_text (y));
        g_assert_cmpint (carnet_question_get_appointment_id (x), ==, carnet_question_get_appointment_id (y));
        g_assert_cmpint (carnet_question_get_author (x), ==, carnet_question_get_author (y));
        g_assert_cmpint (carnet_question_get_status (x), ==, carnet_question_get_status (y));
        g_assert_cmpstr (carnet_question_get_answer (x), ==, carnet_question_get_answer (y));
        g_assert_cmpuint (carnet_question_get_position (x), ==, carnet_question_get_position (y));
        assert_time_equal (carnet_question_get_created (x), carnet_question_get_created (y));
      }
      break;

    case CARNET_RECORD_TREATMENT:
    default:
      {
        CarnetTreatment *x = CARNET_TREATMENT (a), *y = CARNET_TREATMENT (b);

        g_assert_cmpstr (carnet_treatment_get_name (x), ==, carnet_treatment_get_name (y));
        g_assert_cmpint (carnet_treatment_get_kind (x), ==, carnet_treatment_get_kind (y));
        assert_date_equal (carnet_treatment_get_start (x), carnet_treatment_get_start (y));
        assert_date_equal (carnet_treatment_get_end (x), carnet_treatment_get_end (y));
        g_assert_cmpuint (carnet_treatment_get_cycle_days (x), ==, carnet_treatment_get_cycle_days (y));
        g_assert_cmpuint (carnet_treatment_get_cycles (x), ==, carnet_treatment_get_cycles (y));
        g_assert_cmpstr (carnet_treatment_get_notes (x), ==, carnet_treatment_get_notes (y));
      }
      break;
    }
}

static void
assert_notebooks_equal (CarnetNotebook *a,
                        CarnetNotebook *b)
{
  g_assert_cmpstr (carnet_notebook_get_person (a), ==, carnet_notebook_get_person (b));
  g_assert_cmpstr (carnet_notebook_get_default_reminders (a), ==, carnet_notebook_get_default_reminders (b));

  for (CarnetRecordKind kind = 0; kind < CARNET_N_RECORD_KINDS; kind++)
    {
      g_autoptr(GPtrArray) records_a = all_records (a, kind);
      g_autoptr(GPtrArray) records_b = all_records (b, kind);

      g_assert_cmpuint (records_a->len, ==, records_b->len);
      for (guint i = 0; i < records_a->len; i++)
        {
          CarnetRecord *record = g_ptr_array_index (records_a, i);

          assert_records_equal (a, record, b, find_by_id (records_b, carnet_record_get_id (record)));
        }
    }
}

static GBytes *
export_json (CarnetNotebook *notebook)
{
  g_autoptr(GError) error = NULL;
  GBytes *json = carnet_backup_export_json (notebook, &error);

  g_assert_no_error (error);
  g_assert_nonnull (json);
  return json;
}

static void
import_json (CarnetNotebook     *notebook,
             GBytes             *json,
             CarnetImportReport *report)
{
  g_autoptr(GError) error = NULL;

  carnet_backup_import_json (notebook, json, report, &error);
  g_assert_no_error (error);
}

static guint
total (const guint counts[CARNET_N_RECORD_KINDS])
{
  guint sum = 0;

  for (CarnetRecordKind kind = 0; kind < CARNET_N_RECORD_KINDS; kind++)
    sum += counts[kind];

  return sum;
}

/* JSON backups */

static void
test_json_round_trip (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(CarnetNotebook) restored = open_notebook (fixture, "restored.carnet");
  g_autoptr(GBytes) json = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(GListModel) reminders = NULL;
  g_autoptr(GListModel) hits = NULL;
  g_autoptr(GError) error = NULL;
  CarnetImportReport report;

  fill_notebook (fixture);
  json = export_json (fixture->notebook);
  import_json (restored, json, &report);

  g_assert_true (report.restored);
  g_assert_cmpuint (total (report.skipped), ==, 0);
  assert_notebooks_equal (fixture->notebook, restored);

  /* Nothing the file holds is lost on the way: bookkeeping (when records
   * were made and changed), occurrence statuses and the reminder log too,
   * since the restored notebook writes the very same backup. */
  again = export_json (restored);
  g_assert_cmpstr (g_bytes_get_data (json, NULL), ==, g_bytes_get_data (again, NULL));

  /* The reminders stand where they stood: the snoozed one comes back when
   * its snooze is over, as a snoozed one, and nothing else is due. */
  reminders = carnet_notebook_claim_due_reminders (restored, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (reminders), ==, 1);
  {
    g_autoptr(CarnetReminder) reminder = g_list_model_get_item (reminders, 0);
    g_autoptr(GListModel) original = carnet_notebook_claim_due_reminders (fixture->notebook, &error);
    g_autoptr(CarnetReminder) expected = NULL;
    g_autofree char *key = carnet_reminder_dup_key (reminder);
    g_autofree char *expected_key = NULL;

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (original), ==, 1);
    expected = g_list_model_get_item (original, 0);
    expected_key = carnet_reminder_dup_key (expected);
    g_assert_cmpstr (key, ==, expected_key);
    g_assert_cmpint (carnet_reminder_get_state (reminder), ==, carnet_reminder_get_state (expected));
    g_assert_nonnull (carnet_reminder_get_snooze_until (reminder));
  }

  /* What was imported can be found. */
  hits = carnet_notebook_search (restored, "sunscreen", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 1);
}

static void
test_json_format (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(CarnetResult) result = carnet_result_new ();
  g_autoptr(GDateTime) at = paris_time (2026, 11, 20, 8, 5);
  g_autoptr(GBytes) json = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  const char *text;
  JsonObject *root;
  JsonObject *first;

  carnet_result_set_name (result, "CA 15-3");
  carnet_result_set_value (result, 0.1);
  carnet_result_set_low (result, 0);
  carnet_result_set_high (result, 31.3);
  carnet_result_set_at (result, at);
  add (fixture->notebook, result);

  json = export_json (fixture->notebook);
  text = g_bytes_get_data (json, NULL);
  /* Numbers as people write them, not 0.10000000000000001. */
  g_assert_nonnull (strstr (text, "\"value\" : 0.1,"));
  g_assert_nonnull (strstr (text, "\"high\" : 31.3,"));
  g_assert_nonnull (strstr (text, "\"low\" : 0.0,"));
  g_assert_true (g_str_has_suffix (text, "}\n"));

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "format"), ==, "carnet-backup");
  g_assert_cmpint (json_object_get_int_member (root, "version"), ==, CARNET_BACKUP_FORMAT_VERSION);
  g_assert_cmpint (json_object_get_int_member (root, "schema_version"), ==, CARNET_SCHEMA_VERSION);
  for (guint i = 0; i < 5; i++)
    {
      static const char *sections[] = { "appointments", "results", "side_effects", "questions", "treatments" };

      g_assert_true (json_object_has_member (root, sections[i]));
    }
  first = json_array_get_object_element (json_object_get_array_member (root, "results"), 0);
  g_assert_cmpstr (json_object_get_string_member (first, "time_zone"), ==, "Europe/Paris");
  g_assert_cmpstr (json_object_get_string_member (first, "at"), ==, "2026-11-20T08:05:00+01:00");
  g_assert_cmpfloat (json_object_get_double_member (first, "value"), ==, 0.1);
}

/* Importing into a notebook that has records: nothing it has twice, links
 * follow the records, its own name and settings stay. */
static void
test_json_merge (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(CarnetNotebook) other = open_notebook (fixture, "other.carnet");
  g_autoptr(CarnetQuestion) own = carnet_question_new ();
  g_autoptr(CarnetAppointment) own_appointment = carnet_appointment_new ();
  g_autoptr(GDateTime) start = paris_time (2027, 2, 1, 9, 0);
  g_autoptr(GBytes) json = NULL;
  g_autoptr(GPtrArray) questions = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;
  CarnetImportReport report;
  CarnetImportReport again;
  guint before[CARNET_N_RECORD_KINDS];

  fill_notebook (fixture);
  json = export_json (fixture->notebook);

  /* The other notebook has its own records, one of them also in the file. */
  carnet_notebook_set_person (other, "Paul", &error);
  g_assert_no_error (error);
  carnet_appointment_set_title (own_appointment, "Physiotherapy");
  carnet_appointment_set_kind (own_appointment, CARNET_APPOINTMENT_OTHER);
  carnet_appointment_set_start (own_appointment, start);
  add (other, own_appointment);
  carnet_question_set_text (own, "Is swimming fine?");
  add (other, own);
  import_json (other, json, &report);
  g_assert_true (report.restored == FALSE);

  {
    g_autoptr(GPtrArray) records = all_records (other, CARNET_RECORD_APPOINTMENT);
    g_autoptr(GPtrArray) originals = all_records (fixture->notebook, CARNET_RECORD_APPOINTMENT);

    g_assert_cmpuint (records->len, ==, originals->len + 1);
  }
  g_assert_cmpstr (carnet_notebook_get_person (other), ==, "Paul");

  /* The questions the file puts on "next consultation" come after the one
   * that was there, in the file's order. */
  questions = all_records (other, CARNET_RECORD_QUESTION);
  for (guint i = 0; i < questions->len; i++)
    {
      CarnetQuestion *question = g_ptr_array_index (questions, i);

      if (g_str_equal (carnet_question_get_text (question), "Is swimming fine?"))
        g_assert_cmpuint (carnet_question_get_position (question), ==, 1);
      else if (carnet_question_get_appointment_id (question) == 0)
        g_assert_cmpuint (carnet_question_get_position (question), >, 1);
    }

  /* The Haemoglobin result points at the follow-up series of this notebook. */
  results = all_records (other, CARNET_RECORD_RESULT);
  for (guint i = 0; i < results->len; i++)
    {
      CarnetResult *result = g_ptr_array_index (results, i);
      g_autoptr(CarnetRecord) appointment = NULL;

      if (!g_str_equal (carnet_result_get_name (result), "Haemoglobin") ||
          carnet_result_get_attachment_name (result) == NULL)
        continue;

      appointment = carnet_notebook_get (other, CARNET_RECORD_APPOINTMENT,
                                         carnet_result_get_appointment_id (result), &error);
      g_assert_no_error (error);
      g_assert_cmpstr (carnet_appointment_get_title (CARNET_APPOINTMENT (appointment)), ==,
                       "Oncology follow-up");
    }

  /* Importing the same file again adds nothing. */
  for (CarnetRecordKind kind = 0; kind < CARNET_N_RECORD_KINDS; kind++)
    {
      g_autoptr(GPtrArray) records = all_records (other, kind);

      before[kind] = records->len;
    }
  import_json (other, json, &again);
  g_assert_cmpuint (total (again.added), ==, 0);
  g_assert_cmpuint (total (again.skipped), ==, total (report.added) + total (report.skipped));
  for (CarnetRecordKind kind = 0; kind < CARNET_N_RECORD_KINDS; kind++)
    {
      g_autoptr(GPtrArray) records = all_records (other, kind);

      g_assert_cmpuint (records->len, ==, before[kind]);
    }

  /* Nor into the notebook it came from. */
  import_json (fixture->notebook, json, &again);
  g_assert_cmpuint (total (again.added), ==, 0);
}

/* carnet-cli's JSON of an appointment (no "reminders", no "duration") is
 * read too: "remind" in minutes and "end" stand in for them. */
static void
test_json_cli_shape (Fixture       *fixture,
                     gconstpointer  user_data)
{
  const char *text =
    "{\"format\": \"carnet-backup\", \"version\": 1, \"appointments\": [{\"id\": 4,"
    " \"title\": \"Scanner\", \"kind\": \"imaging\", \"start\": \"2026-12-03T08:30:00+01:00\","
    " \"end\": \"2026-12-03T09:15:00+01:00\", \"remind\": [30, 120, 1440], \"status\": \"planned\"}]}";
  g_autoptr(GBytes) json = g_bytes_new_static (text, strlen (text));
  g_autoptr(CarnetRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  CarnetImportReport report;

  import_json (fixture->notebook, json, &report);
  g_assert_cmpuint (report.added[CARNET_RECORD_APPOINTMENT], ==, 1);
  record = carnet_notebook_get (fixture->notebook, CARNET_RECORD_APPOINTMENT, 4, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (carnet_appointment_get_duration (CARNET_APPOINTMENT (record)), ==, 45);
  g_assert_cmpstr (carnet_appointment_get_reminders (CARNET_APPOINTMENT (record)), ==, "30m,2h,1d");
}

typedef struct
{
  const char *text;
  /* What the message must say, where the fault is. */
  const char *message;
} BadFile;

static const BadFile bad_files[] = {
  { "", "empty" },
  { "not json at all", "line 1, column" },
  { "{\n  \"format\": \"carnet-backup\",\n  \"version\": 1,,\n}", "line 3, column" },
  { "[1, 2, 3]", "not a Carnet backup" },
  { "{\"format\": \"something-else\", \"version\": 1}", "not a Carnet backup" },
  { "{\"format\": \"carnet-backup\"}", "version: is required" },
  { "{\"format\": \"carnet-backup\", \"version\": 99}", "newer version" },
  { "{\"format\": \"carnet-backup\", \"version\": \"1\"}", "version: must be a whole number" },
  { "{\"format\": \"carnet-backup\", \"version\": 1, \"results\": {}}", "results: must be a list" },
  { "{\"format\": \"carnet-backup\", \"version\": 1, \"side_effects\": [{\"id\": 1, \"symptom\": \"Nausea\","
    " \"severity\": 2, \"at\": \"2026-11-01\"}, {\"id\": 2, \"symptom\": \"Fatigue\", \"severity\": 7,"
    " \"at\": \"2026-11-02\"}]}", "side_effects[1].severity: must be 0 to 4, got 7" },
  { "{\"format\": \"carnet-backup\", \"version\": 1, \"results\": [{\"id\": 1, \"name\": \"Hb\","
    " \"value\": 12, \"at\": \"2026-11-31\"}]}", "results[0].at:" },
  { "{\"format\": \"carnet-backup\", \"version\": 1, \"results\": [{\"id\": 1, \"name\": \"Hb\","
    " \"value\": 12, \"text\": \"also text\", \"at\": \"2026-11-03\"}]}", "results[0].text: must be empty" },
  { "{\"format\": \"carnet-backup\", \"version\": 1, \"results\": [{\"id\": 1, \"name\": \"Hb\","
    " \"value\": 12, \"at\": \"2026-11-03\", \"appointment_id\": 9}]}",
    "results[0].appointment_id: there is no appointment 9 in the file" },
  { "{\"format\": \"carnet-backup\", \"version\": 1, \"results\": [{\"id\": 1, \"name\": \"Hb\","
    " \"value\": 12, \"at\": \"2026-11-03\", \"attachment\": \"a.pdf\", \"attachment_data\": \"%%%%\"}]}",
    "results[0].attachment_data: is not base64" },
  { "{\"format\": \"carnet-backup\", \"version\": 1, \"results\": [{\"id\": 1, \"name\": \"Hb\","
    " \"value\": 12, \"at\": \"2026-11-03\", \"attachment\": \"../../.bashrc\", \"attachment_data\": \"\"}]}",
    "results[0].attachment: must be a file name" },
  { "{\"format\": \"carnet-backup\", \"version\": 1, \"treatments\": [{\"id\": 1, \"name\": \"X\","
    " \"kind\": \"chemotherapy\", \"start\": \"2026-11-01\"}, {\"id\": 1, \"name\": \"Y\","
    " \"kind\": \"surgery\", \"start\": \"2026-11-02\"}]}", "treatments[1].id: 1 is given to two records" },
  { "{\"format\": \"carnet-backup\", \"version\": 1, \"appointments\": [{\"id\": 1, \"title\": \"A\","
    " \"kind\": \"consultation\", \"start\": \"2026-11-01T10:00\", \"time_zone\": \"Mars/Olympus\"}]}",
    "appointments[0].time_zone:" },
  { "{\"format\": \"carnet-backup\", \"version\": 1, \"appointments\": [{\"id\": 1, \"title\": \"A\","
    " \"kind\": \"consultation\", \"start\": \"2026-11-01T10:00\", \"repeat\": \"FREQ=HOURLY\"}]}",
    "appointments[0].repeat:" },
  { "{\"format\": \"carnet-backup\", \"version\": 1, \"questions\": [{\"id\": 1, \"text\": \"Q\","
    " \"status\": \"answered\"}]}", "questions[0].answer: is required" },
  { "{\"format\": \"carnet-backup\", \"version\": 1, \"questions\": [{\"id\": 1, \"text\": \"bell\\u0007\"}]}",
    "questions[0].text: must not contain control characters" },
  { "{\"format\": \"carnet-backup\", \"version\": 1, \"person\": \"x\", \"appointments\": [{\"id\": 1,"
    " \"title\": \"\\ud800\", \"kind\": \"other\", \"start\": \"2026-11-01\"}]}", "line 1, column" },
  { "{\"format\": \"carnet-backup\", \"version\": 1, \"reminder_log\": [{\"appointment_id\": 3,"
    " \"occurrence\": \"2026-12-03T07:30:00Z\", \"offset\": \"1d\", \"fires_at\": \"2026-12-02T07:30:00Z\","
    " \"state\": \"notified\", \"decided\": \"2026-12-02T07:30:00Z\"}]}",
    "reminder_log[0].appointment_id: there is no appointment 3 in the file" },
};

static void
assert_unchanged_after (Fixture    *fixture,
                        GBytes     *json,
                        const char *message)
{
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  CarnetImportReport report;

  /* Compared on disk, the WAL checkpointed into the file on close. */
  g_clear_object (&fixture->notebook);
  before = read_file (fixture->path);
  fixture->notebook = carnet_notebook_open (fixture->path, CARNET_OPEN_FLAGS_NONE, fixture->clock, &error);
  g_assert_no_error (error);

  g_assert_false (carnet_backup_check_json (json, NULL));
  g_assert_false (carnet_backup_import_json (fixture->notebook, json, &report, &error));
  g_assert_error (error, CARNET_ERROR, error->code);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  if (message != NULL && strstr (error->message, message) == NULL)
    g_error ("“%s” does not say “%s”", error->message, message);
  g_clear_error (&error);

  g_clear_object (&fixture->notebook);
  after = read_file (fixture->path);
  g_assert_true (g_bytes_equal (before, after));
  fixture->notebook = carnet_notebook_open (fixture->path, CARNET_OPEN_FLAGS_NONE, fixture->clock, &error);
  g_assert_no_error (error);
}

static void
test_json_malformed (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(GDateTime) start = paris_time (2026, 12, 3, 8, 30);
  g_autoptr(CarnetAppointment) appointment = carnet_appointment_new ();

  carnet_appointment_set_title (appointment, "Already there");
  carnet_appointment_set_kind (appointment, CARNET_APPOINTMENT_CONSULTATION);
  carnet_appointment_set_start (appointment, start);
  add (fixture->notebook, appointment);

  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    {
      g_autoptr(GBytes) json = g_bytes_new_static (bad_files[i].text, strlen (bad_files[i].text));

      assert_unchanged_after (fixture, json, bad_files[i].message);
    }
}

/* A backup cut anywhere is refused whole: nothing of its first half gets in. */
static void
test_json_truncated (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(CarnetNotebook) source = open_notebook (fixture, "source.carnet");
  g_autoptr(GBytes) json = NULL;
  gsize size;
  const char *text;
  CarnetNotebook *keep = fixture->notebook;

  fixture->notebook = source;
  fill_notebook (fixture);
  fixture->notebook = keep;
  json = export_json (source);
  text = g_bytes_get_data (json, &size);

  for (gsize cut = 0; cut < size - 2; cut += 1 + size / 23)
    {
      g_autoptr(GBytes) truncated = g_bytes_new (text, cut);

      assert_unchanged_after (fixture, truncated, NULL);
    }
}

/* Hostile files: huge nesting (json-glib recurses per level), bytes that are
 * not UTF-8, a NUL, numbers out of range. */
static void
test_json_hostile (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GString) deep = g_string_new ("{\"format\": \"carnet-backup\", \"version\": 1, \"x\": ");
  static const char latin1[] = "{\"format\": \"carnet-backup\", \"version\": 1, \"person\": \"Ren\xe9\"}";
  static const char nul[] = "{\"format\": \"carnet-backup\",\0 \"version\": 1}";
  static const char big_id[] = "{\"format\": \"carnet-backup\", \"version\": 1, \"treatments\": [{\"id\": 99999999999999999999999,"
                               " \"name\": \"X\", \"kind\": \"other\", \"start\": \"2026-11-01\"}]}";
  static const char far_year[] = "{\"format\": \"carnet-backup\", \"version\": 1, \"results\": [{\"id\": 1, \"name\": \"X\","
                                 " \"value\": 1, \"at\": \"99999-01-01T00:00:00Z\"}]}";
  g_autoptr(GBytes) json = NULL;

  for (guint i = 0; i < 1000000; i++)
    g_string_append_c (deep, '[');
  json = g_bytes_new (deep->str, deep->len);
  assert_unchanged_after (fixture, json, "nested too deep");
  g_clear_pointer (&json, g_bytes_unref);

  json = g_bytes_new_static (latin1, sizeof latin1 - 1);
  assert_unchanged_after (fixture, json, "not UTF-8");
  g_clear_pointer (&json, g_bytes_unref);

  json = g_bytes_new_static (nul, sizeof nul - 1);
  assert_unchanged_after (fixture, json, "NUL");
  g_clear_pointer (&json, g_bytes_unref);

  json = g_bytes_new_static (big_id, sizeof big_id - 1);
  assert_unchanged_after (fixture, json, "treatments[0].id");
  g_clear_pointer (&json, g_bytes_unref);

  json = g_bytes_new_static (far_year, sizeof far_year - 1);
  assert_unchanged_after (fixture, json, "results[0].at");
}

/* What the fuzzer found, and its seeds, replayed in every build. */
static void
test_json_fuzz_files (void)
{
  static const char *folders[] = { "regressions", "corpus/import-json" };

  for (guint f = 0; f < G_N_ELEMENTS (folders); f++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fuzz", folders[f], NULL);
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;
      guint n = 0;

      g_assert_nonnull (dir);
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *file = g_build_filename (path, name, NULL);
          g_autoptr(GBytes) contents = read_file (file);
          g_autoptr(GError) error = NULL;

          if (!carnet_backup_check_json (contents, &error))
            g_assert_true (g_utf8_validate (error->message, -1, NULL));
          else
            g_assert_cmpint (f, ==, 1);
          n++;
        }
      g_assert_cmpuint (n, >, 0);
    }
}

/* Automatic backups */

static guint
count_files (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  guint n = 0;

  if (dir == NULL)
    return 0;

  while (g_dir_read_name (dir) != NULL)
    n++;

  return n;
}

/* A backup killed on its way (crash, kill -9) leaves its temporary file; the
 * next backup removes it, but not the one another backup is making now. */
static void
test_auto_interrupted (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autofree char *folder = carnet_backup_dup_folder (fixture->notebook);
  g_autofree char *left = g_build_filename (folder, ".backup-AAAAAA", NULL);
  g_autofree char *left_journal = g_strconcat (left, "-journal", NULL);
  g_autofree char *busy = g_build_filename (folder, ".backup-BBBBBB", NULL);
  g_autoptr(CarnetBackup) backup = NULL;
  g_autoptr(GError) error = NULL;
  int busy_fd;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_file_set_contents (left, "half a notebook", -1, &error);
  g_assert_no_error (error);
  g_file_set_contents (left_journal, "journal", -1, &error);
  g_assert_no_error (error);
  g_file_set_contents (busy, "being written", -1, &error);
  g_assert_no_error (error);
  busy_fd = g_open (busy, O_RDONLY | O_CLOEXEC, 0);
  g_assert_cmpint (busy_fd, >=, 0);
  g_assert_cmpint (flock (busy_fd, LOCK_EX | LOCK_NB), ==, 0);

  backup = carnet_backup_run_daily (fixture->notebook, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (backup);

  g_assert_false (g_file_test (left, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (left_journal, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (busy, G_FILE_TEST_EXISTS));

  close (busy_fd);
  g_remove (busy);
}

static void
test_auto_daily (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(CarnetBackup) first = NULL;
  g_autoptr(CarnetBackup) same_day = NULL;
  g_autoptr(CarnetBackup) next_day = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = carnet_backup_dup_folder (fixture->notebook);
  g_autofree char *expected_folder = g_build_filename (fixture->dir, "backups", "notebook", NULL);
  g_autofree char *expected_name = NULL;
  g_autofree char *name = NULL;
  gboolean made = FALSE;
  GStatBuf st;

  g_assert_cmpstr (folder, ==, expected_folder);
  fill_notebook (fixture);

  first = carnet_backup_run_daily (fixture->notebook, &made, &error);
  g_assert_no_error (error);
  g_assert_true (made);
  name = g_path_get_basename (carnet_backup_get_path (first));
  /* The clock stands at 13:00 in Paris after fill_notebook. */
  g_assert_cmpstr (name, ==, "2026-11-28-130000.carnet");
  g_assert_cmpint (g_stat (carnet_backup_get_path (first), &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (folder, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_cmpuint (carnet_backup_get_count (first, CARNET_RECORD_QUESTION), >=, 2);
  g_assert_cmpuint (carnet_backup_get_n_entries (first), >, 50);

  /* Later the same day: nothing new. */
  carnet_clock_advance (fixture->clock, 9 * G_TIME_SPAN_HOUR);
  same_day = carnet_backup_run_daily (fixture->notebook, &made, &error);
  g_assert_no_error (error);
  g_assert_false (made);
  g_assert_cmpstr (carnet_backup_get_path (same_day), ==, carnet_backup_get_path (first));
  g_assert_cmpuint (count_files (folder), ==, 1);

  /* After midnight, a new day of use. */
  carnet_clock_advance (fixture->clock, 2 * G_TIME_SPAN_HOUR);
  next_day = carnet_backup_run_daily (fixture->notebook, &made, &error);
  g_assert_no_error (error);
  g_assert_true (made);
  g_assert_cmpuint (count_files (folder), ==, 2);
  expected_name = g_path_get_basename (carnet_backup_get_path (next_day));
  g_assert_cmpstr (expected_name, ==, "2026-11-29-000000.carnet");
}

/* Half a year of daily use, some days skipped: the last 7 days are all
 * there, then one a week (its first) for 8 weeks, nothing older. */
static void
test_auto_rotation (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(GListModel) backups = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GHashTable) weeks = g_hash_table_new (g_direct_hash, g_direct_equal);
  guint days = 0;

  for (guint day = 0; day < 180; day++)
    {
      /* Used on most days, not on the 3rd of every 5, across both DST changes. */
      if (day % 5 != 3)
        {
          CarnetBackup *backup = carnet_backup_run_daily (fixture->notebook, NULL, &error);

          g_assert_no_error (error);
          g_assert_nonnull (backup);
          g_object_unref (backup);
          days++;
        }
      carnet_clock_advance (fixture->clock, 24 * G_TIME_SPAN_HOUR);
    }

  now = carnet_clock_get_now (fixture->clock);
  backups = carnet_backup_list (fixture->notebook, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < g_list_model_get_n_items (backups); i++)
    {
      g_autoptr(CarnetBackup) backup = g_list_model_get_item (backups, i);
      GDateTime *date = carnet_backup_get_date (backup);
      g_autoptr(GDate) day = g_date_new_dmy (g_date_time_get_day_of_month (date),
                                             g_date_time_get_month (date),
                                             g_date_time_get_year (date));
      g_autoptr(GDate) today = g_date_new_dmy (g_date_time_get_day_of_month (now),
                                               g_date_time_get_month (now),
                                               g_date_time_get_year (now));
      int age = g_date_days_between (day, today);
      int week = g_date_time_get_week_numbering_year (date) * 100 + g_date_time_get_week_of_year (date);

      /* Newest first. */
      if (i > 0)
        {
          g_autoptr(CarnetBackup) newer = g_list_model_get_item (backups, i - 1);

          g_assert_cmpint (g_date_time_compare (carnet_backup_get_date (newer), date), >, 0);
        }

      g_assert_cmpint (age, <, CARNET_BACKUP_WEEKLY_WEEKS * 7);
      if (age >= CARNET_BACKUP_DAILY_DAYS)
        {
          /* One per week, and it is a Monday or the first day used after it. */
          g_assert_false (g_hash_table_contains (weeks, GINT_TO_POINTER (week)));
          g_assert_cmpint (g_date_time_get_day_of_week (date), <=, 2);
          g_hash_table_add (weeks, GINT_TO_POINTER (week));
        }
    }

  /* 7 days minus the skipped ones, and the older weeks: about 8 + 4. */
  g_assert_cmpuint (g_list_model_get_n_items (backups), >=, 5 + 7);
  g_assert_cmpuint (g_list_model_get_n_items (backups), <=, 7 + 8);
  g_assert_cmpuint (days, >, 100);
}

static void
test_auto_list_and_latest (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(CarnetBackup) none = NULL;
  g_autoptr(CarnetBackup) made = NULL;
  g_autoptr(CarnetBackup) latest = NULL;
  g_autoptr(GListModel) backups = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = carnet_backup_dup_folder (fixture->notebook);
  g_autofree char *stray = g_build_filename (folder, "notes.txt", NULL);
  g_autofree char *broken = g_build_filename (folder, "2026-11-27-120000.carnet", NULL);

  none = carnet_backup_dup_latest (fixture->notebook, &error);
  g_assert_no_error (error);
  g_assert_null (none);

  fill_notebook (fixture);
  made = carnet_backup_run_daily (fixture->notebook, NULL, &error);
  g_assert_no_error (error);

  /* What is not a backup is not listed. */
  g_assert_true (g_file_set_contents (stray, "hello", -1, NULL));
  g_assert_true (g_file_set_contents (broken, "not a database", -1, NULL));

  backups = carnet_backup_list (fixture->notebook, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (backups), ==, 1);

  latest = carnet_backup_dup_latest (fixture->notebook, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (carnet_backup_get_path (latest), ==, carnet_backup_get_path (made));
  g_assert_cmpuint (carnet_backup_get_n_entries (latest), ==, carnet_backup_get_n_entries (made));
  {
    g_autoptr(CarnetCheckReport) report = carnet_notebook_check (fixture->notebook, &error);
    guint entries = 0;

    g_assert_no_error (error);
    for (CarnetRecordKind kind = 0; kind < CARNET_N_RECORD_KINDS; kind++)
      {
        g_assert_cmpuint (carnet_backup_get_count (latest, kind), ==, report->counts[kind]);
        entries += report->counts[kind];
      }
    g_assert_cmpuint (carnet_backup_get_n_entries (latest), ==, entries);
  }
}

static void
on_changed_cb (CarnetNotebook *notebook,
               gpointer        user_data)
{
  (*(guint *) user_data)++;
}

static void
test_auto_restore (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(CarnetNotebook) reference = open_notebook (fixture, "reference.carnet");
  g_autoptr(CarnetBackup) backup = NULL;
  g_autoptr(CarnetAppointment) later = carnet_appointment_new ();
  g_autoptr(GDateTime) start = paris_time (2027, 4, 1, 9, 0);
  g_autoptr(GListModel) backups = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) json = NULL;
  guint changed = 0;

  fill_notebook (fixture);
  backup = carnet_backup_run_daily (fixture->notebook, NULL, &error);
  g_assert_no_error (error);
  json = export_json (fixture->notebook);
  import_json (reference, json, NULL);

  /* Changes after the backup, then the person goes back to it. */
  carnet_appointment_set_title (later, "Added after the backup");
  carnet_appointment_set_kind (later, CARNET_APPOINTMENT_OTHER);
  carnet_appointment_set_start (later, start);
  add (fixture->notebook, later);
  carnet_notebook_set_person (fixture->notebook, "Someone else", &error);
  g_assert_no_error (error);
  carnet_clock_advance (fixture->clock, G_TIME_SPAN_HOUR);

  g_signal_connect (fixture->notebook, "changed", G_CALLBACK (on_changed_cb), &changed);
  carnet_backup_restore (fixture->notebook, carnet_backup_get_path (backup), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changed, >=, 1);

  /* The notebook that is open sees the restored content, name included. */
  assert_notebooks_equal (reference, fixture->notebook);
  g_assert_cmpstr (carnet_notebook_get_person (fixture->notebook), ==, "Jeanne Dupont-Lefèvre");

  /* What was there just before is kept, to undo the restore. */
  backups = carnet_backup_list (fixture->notebook, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (backups), ==, 2);
  {
    g_autoptr(CarnetBackup) safety = g_list_model_get_item (backups, 0);

    g_assert_cmpuint (carnet_backup_get_count (safety, CARNET_RECORD_APPOINTMENT), ==,
                      carnet_backup_get_count (backup, CARNET_RECORD_APPOINTMENT) + 1);
  }
}

static void
test_auto_restore_refused (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(CarnetBackup) backup = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autofree char *damaged = g_build_filename (fixture->dir, "damaged.carnet", NULL);
  g_autofree char *foreign = g_build_filename (fixture->dir, "foreign.carnet", NULL);
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.carnet", NULL);
  g_autofree char *folder = carnet_backup_dup_folder (fixture->notebook);
  gsize size;
  char *bytes;

  fill_notebook (fixture);
  backup = carnet_backup_run_daily (fixture->notebook, NULL, &error);
  g_assert_no_error (error);

  /* A backup with garbage over its pages, its header intact. */
  g_file_get_contents (carnet_backup_get_path (backup), &bytes, &size, &error);
  g_assert_no_error (error);
  for (gsize i = 4096 * 2; i < size; i += 7)
    bytes[i] = (char) (bytes[i] ^ 0x5a);
  g_file_set_contents (damaged, bytes, (gssize) size, &error);
  g_assert_no_error (error);
  g_free (bytes);
  g_assert_true (g_file_set_contents (foreign, "%PDF-1.4 not a notebook", -1, NULL));

  g_clear_object (&fixture->notebook);
  before = read_file (fixture->path);
  fixture->notebook = carnet_notebook_open (fixture->path, CARNET_OPEN_FLAGS_NONE, fixture->clock, &error);
  g_assert_no_error (error);

  g_assert_false (carnet_backup_restore (fixture->notebook, damaged, &error));
  g_assert_error (error, CARNET_ERROR, error->code);
  g_assert_nonnull (strstr (error->message, "damaged.carnet"));
  g_clear_error (&error);

  g_assert_false (carnet_backup_restore (fixture->notebook, foreign, &error));
  g_assert_error (error, CARNET_ERROR, CARNET_ERROR_FOREIGN_FILE);
  g_assert_nonnull (strstr (error->message, "foreign.carnet"));
  g_clear_error (&error);

  g_assert_false (carnet_backup_restore (fixture->notebook, missing, &error));
  g_assert_error (error, CARNET_ERROR, CARNET_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_clear_object (&fixture->notebook);
  after = read_file (fixture->path);
  g_assert_true (g_bytes_equal (before, after));
  /* No copy of the refused files is left behind. */
  g_assert_cmpuint (count_files (folder), ==, 1);
}

/* A damaged notebook: made from the fixture's, with a backup of it, closed,
 * then damaged by @damage. Returns the damaged bytes. */
typedef void (*DamageFunc) (const char *path);

static guint
backup_then_damage (Fixture    *fixture,
                    DamageFunc  damage,
                    GBytes    **out_damaged)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CarnetBackup) backup = NULL;
  g_autoptr(CarnetNotebook) refused = NULL;
  guint n_entries;

  fill_notebook (fixture);
  backup = carnet_backup_run_daily (fixture->notebook, NULL, &error);
  g_assert_no_error (error);
  n_entries = carnet_backup_get_n_entries (backup);
  g_assert_cmpuint (n_entries, >, 0);
  g_assert_finalize_object (g_steal_pointer (&fixture->notebook));

  damage (fixture->path);
  *out_damaged = read_file (fixture->path);

  refused = carnet_notebook_open (fixture->path, CARNET_OPEN_FLAGS_CREATE, fixture->clock, &error);
  g_assert_null (refused);
  g_assert_error (error, CARNET_ERROR, CARNET_ERROR_CORRUPT);

  /* Refusing it changed nothing. */
  {
    g_autoptr(GBytes) after = read_file (fixture->path);

    g_assert_true (g_bytes_equal (after, *out_damaged));
  }

  return n_entries;
}

static void
truncate_half (const char *path)
{
  GStatBuf info;

  g_assert_cmpint (g_stat (path, &info), ==, 0);
  g_assert_cmpint (truncate (path, info.st_size / 2), ==, 0);
}

/* The header stays (it is a Carnet notebook), every page after it is noise. */
static void
garble_pages (const char *path)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (8);
  GStatBuf info;
  int fd;

  g_assert_cmpint (g_stat (path, &info), ==, 0);
  fd = g_open (path, O_WRONLY, 0);
  g_assert_cmpint (fd, >=, 0);
  for (off_t offset = 100; offset < info.st_size; offset++)
    {
      guint8 byte = (guint8) g_rand_int (rand);

      g_assert_cmpint (pwrite (fd, &byte, 1, offset), ==, 1);
    }
  close (fd);
}

static void
assert_restored (Fixture    *fixture,
                 guint       n_entries,
                 GBytes     *damaged,
                 const char *kept_name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CarnetBackup) latest = NULL;
  g_autoptr(CarnetNotebook) restored = NULL;
  g_autoptr(CarnetCheckReport) report = NULL;
  g_autoptr(GBytes) kept_bytes = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *expected = g_build_filename (fixture->dir, kept_name, NULL);
  GStatBuf info;
  guint n = 0;

  latest = carnet_backup_find_latest (fixture->path, fixture->clock, &error);
  g_assert_no_error (error);
  g_assert_nonnull (latest);
  g_assert_cmpuint (carnet_backup_get_n_entries (latest), ==, n_entries);

  kept = carnet_backup_restore_damaged (fixture->path, carnet_backup_get_path (latest),
                                        fixture->clock, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kept, ==, expected);

  /* The damaged file is kept as it was, for its owner only. */
  kept_bytes = read_file (kept);
  g_assert_true (g_bytes_equal (kept_bytes, damaged));
  g_assert_cmpint (g_stat (kept, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0600);

  /* The notebook is the backup again, whole, for its owner only. */
  g_assert_cmpint (g_stat (fixture->path, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0600);
  restored = carnet_notebook_open (fixture->path, CARNET_OPEN_FLAGS_NONE, fixture->clock, &error);
  g_assert_no_error (error);
  report = carnet_notebook_check (restored, &error);
  g_assert_no_error (error);
  g_assert_true (report->ok);
  for (CarnetRecordKind kind = 0; kind < CARNET_N_RECORD_KINDS; kind++)
    n += report->counts[kind];
  g_assert_cmpuint (n, ==, n_entries);
}

static void
test_damaged_truncated (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(GBytes) damaged = NULL;
  g_autoptr(GBytes) damaged_again = NULL;
  g_autoptr(GBytes) first_kept = NULL;
  g_autoptr(CarnetNotebook) again = NULL;
  g_autofree char *first = g_build_filename (fixture->dir, "notebook.damaged-2026-11-28.carnet", NULL);
  g_autoptr(GError) error = NULL;
  guint n_entries;

  n_entries = backup_then_damage (fixture, truncate_half, &damaged);
  assert_restored (fixture, n_entries, damaged, "notebook.damaged-2026-11-28.carnet");

  /* Damaged again the same day: the first damaged file is not replaced. */
  garble_pages (fixture->path);
  damaged_again = read_file (fixture->path);
  again = carnet_notebook_open (fixture->path, CARNET_OPEN_FLAGS_CREATE, fixture->clock, &error);
  g_assert_error (error, CARNET_ERROR, CARNET_ERROR_CORRUPT);
  g_clear_error (&error);
  assert_restored (fixture, n_entries, damaged_again, "notebook.damaged-2026-11-28-2.carnet");
  first_kept = read_file (first);
  g_assert_true (g_bytes_equal (first_kept, damaged));
}

static void
test_damaged_pages (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(GBytes) damaged = NULL;
  guint n_entries;

  n_entries = backup_then_damage (fixture, garble_pages, &damaged);
  assert_restored (fixture, n_entries, damaged, "notebook.damaged-2026-11-28.carnet");
}

/* A WAL left beside the damaged file goes aside with it, unchanged. */
static void
test_damaged_with_wal (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(GBytes) damaged = NULL;
  g_autoptr(GBytes) wal_bytes = g_bytes_new_static ("not quite a WAL", 15);
  g_autoptr(GBytes) kept_wal = NULL;
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  g_autofree char *kept_wal_path = g_build_filename (fixture->dir,
                                                     "notebook.damaged-2026-11-28.carnet-wal", NULL);
  g_autoptr(GError) error = NULL;
  guint n_entries;

  n_entries = backup_then_damage (fixture, garble_pages, &damaged);
  g_file_set_contents (wal, "not quite a WAL", 15, &error);
  g_assert_no_error (error);

  assert_restored (fixture, n_entries, damaged, "notebook.damaged-2026-11-28.carnet");
  kept_wal = read_file (kept_wal_path);
  g_assert_true (g_bytes_equal (kept_wal, wal_bytes));
}

static void
truncate_empty (const char *path)
{
  g_assert_cmpint (truncate (path, 0), ==, 0);
}

/* Cut off to nothing: not made into a new, empty notebook. */
static void
test_damaged_empty (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(GBytes) damaged = NULL;
  guint n_entries;

  n_entries = backup_then_damage (fixture, truncate_empty, &damaged);
  g_assert_cmpuint (g_bytes_get_size (damaged), ==, 0);
  assert_restored (fixture, n_entries, damaged, "notebook.damaged-2026-11-28.carnet");
}

static void
test_damaged_no_backup (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CarnetBackup) latest = NULL;

  latest = carnet_backup_find_latest (fixture->path, fixture->clock, &error);
  g_assert_no_error (error);
  g_assert_null (latest);
}

/* A backup that is itself damaged is refused before anything moves. */
static void
test_damaged_bad_backup (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) damaged = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(CarnetBackup) latest = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *backup_path = NULL;

  backup_then_damage (fixture, truncate_half, &damaged);
  latest = carnet_backup_find_latest (fixture->path, fixture->clock, &error);
  g_assert_no_error (error);
  backup_path = g_strdup (carnet_backup_get_path (latest));
  garble_pages (backup_path);

  kept = carnet_backup_restore_damaged (fixture->path, backup_path, fixture->clock, &error);
  g_assert_null (kept);
  g_assert_error (error, CARNET_ERROR, CARNET_ERROR_CORRUPT);
  g_clear_error (&error);

  after = read_file (fixture->path);
  g_assert_true (g_bytes_equal (after, damaged));
  {
    g_autofree char *aside = g_build_filename (fixture->dir, "notebook.damaged-2026-11-28.carnet", NULL);

    g_assert_false (g_file_test (aside, G_FILE_TEST_EXISTS));
  }

  /* A damaged backup is not offered. */
  g_clear_object (&latest);
  latest = carnet_backup_find_latest (fixture->path, fixture->clock, &error);
  g_assert_no_error (error);
  g_assert_null (latest);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/core/backup/json/round-trip", Fixture, NULL,
              fixture_set_up, test_json_round_trip, fixture_tear_down);
  g_test_add ("/core/backup/json/format", Fixture, NULL,
              fixture_set_up, test_json_format, fixture_tear_down);
  g_test_add ("/core/backup/json/merge", Fixture, NULL,
              fixture_set_up, test_json_merge, fixture_tear_down);
  g_test_add ("/core/backup/json/cli-shape", Fixture, NULL,
              fixture_set_up, test_json_cli_shape, fixture_tear_down);
  g_test_add ("/core/backup/json/malformed", Fixture, NULL,
              fixture_set_up, test_json_malformed, fixture_tear_down);
  g_test_add ("/core/backup/json/truncated", Fixture, NULL,
              fixture_set_up, test_json_truncated, fixture_tear_down);
  g_test_add ("/core/backup/json/hostile", Fixture, NULL,
              fixture_set_up, test_json_hostile, fixture_tear_down);
  g_test_add_func ("/core/backup/json/fuzz-files", test_json_fuzz_files);
  g_test_add ("/core/backup/auto/interrupted", Fixture, NULL,
              fixture_set_up, test_auto_interrupted, fixture_tear_down);
  g_test_add ("/core/backup/auto/daily", Fixture, NULL,
              fixture_set_up, test_auto_daily, fixture_tear_down);
  g_test_add ("/core/backup/auto/rotation", Fixture, NULL,
              fixture_set_up, test_auto_rotation, fixture_tear_down);
  g_test_add ("/core/backup/auto/list-and-latest", Fixture, NULL,
              fixture_set_up, test_auto_list_and_latest, fixture_tear_down);
  g_test_add ("/core/backup/auto/restore", Fixture, NULL,
              fixture_set_up, test_auto_restore, fixture_tear_down);
  g_test_add ("/core/backup/auto/restore-refused", Fixture, NULL,
              fixture_set_up, test_auto_restore_refused, fixture_tear_down);

  g_test_add ("/core/backup/damaged/truncated", Fixture, NULL,
              fixture_set_up, test_damaged_truncated, fixture_tear_down);
  g_test_add ("/core/backup/damaged/garbage-pages", Fixture, NULL,
              fixture_set_up, test_damaged_pages, fixture_tear_down);
  g_test_add ("/core/backup/damaged/empty", Fixture, NULL,
              fixture_set_up, test_damaged_empty, fixture_tear_down);
  g_test_add ("/core/backup/damaged/with-wal", Fixture, NULL,
              fixture_set_up, test_damaged_with_wal, fixture_tear_down);
  g_test_add ("/core/backup/damaged/no-backup", Fixture, NULL,
              fixture_set_up, test_damaged_no_backup, fixture_tear_down);
  g_test_add ("/core/backup/damaged/bad-backup", Fixture, NULL,
              fixture_set_up, test_damaged_bad_backup, fixture_tear_down);

  return g_test_run ();
}
