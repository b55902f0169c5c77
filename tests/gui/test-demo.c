/* test-demo.c: the demo notebook holds the year it promises
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "carnet-test"

#include "config.h"

#include <math.h>
#include <glib/gstdio.h>

#include "carnet.h"

typedef struct
{
  char           *dir;
  CarnetClock    *clock;
  CarnetNotebook *notebook;
  GDateTime      *now;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Paris");
  g_autofree char *path = NULL;
  const int *ymd = user_data;

  fixture->now = g_date_time_new (tz, ymd[0], ymd[1], ymd[2], 10, 0, 0);
  fixture->dir = g_dir_make_tmp ("carnet-demo-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "demo.carnet", NULL);
  fixture->clock = carnet_clock_new_fixed (fixture->now);
  fixture->notebook = carnet_notebook_open (path, CARNET_OPEN_FLAGS_CREATE, fixture->clock, &error);
  g_assert_no_error (error);

  carnet_demo_populate (fixture->notebook, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  carnet_notebook_close (fixture->notebook);
  g_clear_object (&fixture->notebook);
  g_clear_object (&fixture->clock);
  g_clear_pointer (&fixture->now, g_date_time_unref);

  dir = g_dir_open (fixture->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (fixture->dir, name, NULL);
      g_unlink (file);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
}

static GListModel *
list (Fixture          *fixture,
      CarnetRecordKind  kind)
{
  g_autoptr(GError) error = NULL;
  GListModel *records;

  records = carnet_notebook_list (fixture->notebook, kind, NULL, NULL, &error);
  g_assert_no_error (error);

  return records;
}

static double
days_from_now (Fixture   *fixture,
               GDateTime *when)
{
  return (double) g_date_time_difference (when, fixture->now) / G_TIME_SPAN_DAY;
}

static CarnetAppointment *
get_appointment (Fixture *fixture,
                 gint64   id)
{
  g_autoptr(GError) error = NULL;
  CarnetRecord *record;

  record = carnet_notebook_get (fixture->notebook, CARNET_RECORD_APPOINTMENT, id, &error);
  g_assert_no_error (error);

  return CARNET_APPOINTMENT (record);
}

static void
test_counts (Fixture       *fixture,
             gconstpointer  user_data)
{
  static const guint expected[CARNET_N_RECORD_KINDS] = {
    [CARNET_RECORD_APPOINTMENT] = 24,
    [CARNET_RECORD_RESULT] = 27,
    [CARNET_RECORD_SIDE_EFFECT] = 18,
    [CARNET_RECORD_QUESTION] = 6,
    [CARNET_RECORD_TREATMENT] = 4,
  };

  g_assert_cmpstr (carnet_notebook_get_person (fixture->notebook), ==, "Claire Martin");

  for (guint kind = 0; kind < CARNET_N_RECORD_KINDS; kind++)
    {
      g_autoptr(GListModel) records = list (fixture, kind);

      g_assert_cmpuint (g_list_model_get_n_items (records), ==, expected[kind]);
    }
}

/* The tumour marker is high before the treatment, then back in its range. */
static void
test_tumour_marker (Fixture       *fixture,
                    gconstpointer  user_data)
{
  static const double expected[] = { 41, 34, 26, 21, 17, 14 };
  g_autoptr(GListModel) results = list (fixture, CARNET_RECORD_RESULT);
  guint n = 0;
  gboolean low_neutrophils = FALSE;
  gboolean low_haemoglobin = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr(CarnetResult) result = g_list_model_get_item (results, i);
      const char *name = carnet_result_get_name (result);

      if (g_strcmp0 (name, "Neutrophils") == 0 && carnet_result_get_flag (result) == CARNET_FLAG_LOW)
        low_neutrophils = TRUE;
      if (g_strcmp0 (name, "Haemoglobin") == 0 && carnet_result_get_flag (result) == CARNET_FLAG_LOW)
        low_haemoglobin = TRUE;

      if (g_strcmp0 (name, "CA 15-3") == 0)
        {
          g_autoptr(CarnetAppointment) test = NULL;

          g_assert_cmpuint (n, <, G_N_ELEMENTS (expected));
          g_assert_cmpfloat (carnet_result_get_value (result), ==, expected[n]);
          g_assert_cmpstr (carnet_result_get_unit (result), ==, "U/mL");
          g_assert_cmpfloat (carnet_result_get_low (result), ==, 0);
          g_assert_cmpfloat (carnet_result_get_high (result), ==, 30);
          g_assert_cmpint (carnet_result_get_flag (result), ==,
                           n < 2 ? CARNET_FLAG_HIGH : CARNET_FLAG_NORMAL);

          /* Each comes from a blood test that was done that day. */
          test = get_appointment (fixture, carnet_result_get_appointment_id (result));
          g_assert_cmpint (carnet_appointment_get_kind (test), ==, CARNET_APPOINTMENT_BLOOD_TEST);
          g_assert_cmpint (carnet_appointment_get_status (test), ==, CARNET_STATUS_DONE);
          g_assert_cmpfloat (fabs (days_from_now (fixture, carnet_appointment_get_start (test)) -
                                   days_from_now (fixture, carnet_result_get_at (result))), <, 1);
          n++;
        }
    }

  g_assert_cmpuint (n, ==, G_N_ELEMENTS (expected));
  g_assert_true (low_neutrophils);
  g_assert_true (low_haemoglobin);
}

static void
test_scan_report (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(GListModel) results = list (fixture, CARNET_RECORD_RESULT);
  gboolean found = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr(CarnetResult) result = g_list_model_get_item (results, i);
      g_autoptr(CarnetAppointment) scan = NULL;
      const char *text = carnet_result_get_text (result);

      if (text == NULL || !g_str_has_prefix (text, "Conclusion:"))
        continue;

      g_assert_false (carnet_result_has_value (result));
      scan = get_appointment (fixture, carnet_result_get_appointment_id (result));
      g_assert_cmpint (carnet_appointment_get_kind (scan), ==, CARNET_APPOINTMENT_IMAGING);
      g_assert_nonnull (strstr (carnet_appointment_get_title (scan), "CT scan"));
      found = TRUE;
    }

  g_assert_true (found);
}

/* Six cycles of 21 days from about eight months ago; side effects read in cycles. */
static void
test_chemotherapy (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GListModel) treatments = list (fixture, CARNET_RECORD_TREATMENT);
  g_autoptr(GListModel) side_effects = list (fixture, CARNET_RECORD_SIDE_EFFECT);
  g_autoptr(GDate) today = carnet_date_from_time (fixture->now);
  gint64 chemotherapy_id = 0;
  gboolean hormone_therapy = FALSE;
  guint nausea = 0;
  guint neuropathy = 0;

  for (guint i = 0; i < g_list_model_get_n_items (treatments); i++)
    {
      g_autoptr(CarnetTreatment) treatment = g_list_model_get_item (treatments, i);
      int started;

      started = carnet_date_days_between (carnet_treatment_get_start (treatment), today);

      switch (carnet_treatment_get_kind (treatment))
        {
        case CARNET_TREATMENT_CHEMOTHERAPY:
          g_assert_cmpuint (carnet_treatment_get_cycle_days (treatment), ==, 21);
          g_assert_cmpuint (carnet_treatment_get_cycles (treatment), ==, 6);
          g_assert_cmpint (started, >=, 7 * 30);
          g_assert_cmpint (started, <=, 9 * 30);
          g_assert_false (carnet_treatment_is_current (treatment, today));
          chemotherapy_id = carnet_record_get_id (CARNET_RECORD (treatment));
          break;

        case CARNET_TREATMENT_HORMONE_THERAPY:
          g_assert_nonnull (strstr (carnet_treatment_get_name (treatment), "Letrozole"));
          g_assert_true (carnet_treatment_is_current (treatment, today));
          g_assert_cmpint (started, >=, 50);
          g_assert_cmpint (started, <=, 70);
          hormone_therapy = TRUE;
          break;

        default:
          break;
        }
    }
  g_assert_cmpint (chemotherapy_id, >, 0);
  g_assert_true (hormone_therapy);

  for (guint i = 0; i < g_list_model_get_n_items (side_effects); i++)
    {
      g_autoptr(CarnetSideEffect) side_effect = g_list_model_get_item (side_effects, i);
      const char *symptom = carnet_side_effect_get_symptom (side_effect);
      const char *cycle = carnet_side_effect_get_cycle (side_effect);

      if (g_strcmp0 (symptom, "Nausea") == 0)
        {
          g_autofree char *expected = g_strdup_printf ("C%u D2", ++nausea);

          g_assert_cmpint (carnet_side_effect_get_treatment_id (side_effect), ==, chemotherapy_id);
          g_assert_cmpstr (cycle, ==, expected);
        }
      else if (g_strcmp0 (symptom, "Numbness or tingling (neuropathy)") == 0)
        {
          /* Neuropathy comes with paclitaxel, in the last cycles. */
          g_assert_nonnull (cycle);
          g_assert_true (g_str_has_prefix (cycle, "C4 ") || g_str_has_prefix (cycle, "C5 "));
          neuropathy++;
        }
    }
  g_assert_cmpuint (nausea, ==, 6);
  g_assert_cmpuint (neuropathy, ==, 2);
}

/* The next consultation is in about two weeks, with three questions ready. */
static void
test_upcoming_consultation (Fixture       *fixture,
                            gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CarnetAppointment) consultation = NULL;
  g_autoptr(GListModel) questions = list (fixture, CARNET_RECORD_QUESTION);
  gint64 consultation_id;
  double days;
  guint open = 0;
  guint by_caregiver = 0;

  consultation_id = carnet_notebook_next_consultation (fixture->notebook, &error);
  g_assert_no_error (error);
  g_assert_cmpint (consultation_id, >, 0);

  consultation = get_appointment (fixture, consultation_id);
  g_assert_cmpint (carnet_appointment_get_kind (consultation), ==, CARNET_APPOINTMENT_CONSULTATION);
  g_assert_cmpint (carnet_appointment_get_status (consultation), ==, CARNET_STATUS_PLANNED);
  days = days_from_now (fixture, carnet_appointment_get_start (consultation));
  g_assert_cmpfloat (days, >=, 13);
  g_assert_cmpfloat (days, <=, 17);
  g_assert_cmpstr (carnet_appointment_get_reminders (consultation), !=, "");

  for (guint i = 0; i < g_list_model_get_n_items (questions); i++)
    {
      g_autoptr(CarnetQuestion) question = g_list_model_get_item (questions, i);

      if (carnet_question_get_status (question) != CARNET_QUESTION_OPEN)
        {
          /* Earlier consultations answered theirs. */
          g_assert_cmpint (carnet_question_get_status (question), ==, CARNET_QUESTION_ANSWERED);
          g_assert_cmpstr (carnet_question_get_answer (question), !=, "");
          continue;
        }

      g_assert_cmpint (carnet_question_get_appointment_id (question), ==, consultation_id);
      if (carnet_question_get_author (question) == CARNET_AUTHOR_CAREGIVER)
        by_caregiver++;
      open++;
    }

  g_assert_cmpuint (open, ==, 3);
  g_assert_cmpuint (by_caregiver, >=, 1);
}

/* Blood tests every three months, four times; a mammography in two months. */
static void
test_agenda (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) until = g_date_time_add_years (fixture->now, 2);
  g_autoptr(GListModel) agenda = NULL;
  guint blood_tests = 0;
  guint mammographies = 0;
  gint64 repeating_id = 0;

  agenda = carnet_notebook_agenda (fixture->notebook, fixture->now, until, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < g_list_model_get_n_items (agenda); i++)
    {
      g_autoptr(CarnetOccurrence) occurrence = g_list_model_get_item (agenda, i);
      CarnetAppointment *appointment = carnet_occurrence_get_appointment (occurrence);
      double days = days_from_now (fixture, carnet_occurrence_get_start (occurrence));

      g_assert_cmpint (carnet_occurrence_get_status (occurrence), ==, CARNET_STATUS_PLANNED);

      if (carnet_appointment_get_repeat (appointment) != NULL)
        {
          g_autofree char *expected = carnet_recurrence_normalize ("FREQ=MONTHLY;INTERVAL=3;COUNT=4");

          g_assert_cmpstr (carnet_appointment_get_repeat (appointment), ==, expected);
          g_assert_cmpint (carnet_appointment_get_kind (appointment), ==, CARNET_APPOINTMENT_BLOOD_TEST);
          if (repeating_id == 0)
            {
              repeating_id = carnet_record_get_id (CARNET_RECORD (appointment));
              g_assert_cmpfloat (days, <, 14);
            }
          g_assert_cmpint (carnet_record_get_id (CARNET_RECORD (appointment)), ==, repeating_id);
          blood_tests++;
        }
      else if (strstr (carnet_appointment_get_title (appointment), "Mammography") != NULL)
        {
          g_assert_cmpint (carnet_appointment_get_kind (appointment), ==, CARNET_APPOINTMENT_IMAGING);
          g_assert_cmpfloat (days, >=, 55);
          g_assert_cmpfloat (days, <=, 65);
          mammographies++;
        }
    }

  g_assert_cmpuint (blood_tests, ==, 4);
  g_assert_cmpuint (mammographies, ==, 1);
}

/* The surgery was about ten months ago, and every past appointment is done. */
static void
test_past (Fixture       *fixture,
           gconstpointer  user_data)
{
  g_autoptr(GListModel) appointments = list (fixture, CARNET_RECORD_APPOINTMENT);
  gboolean surgery = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (appointments); i++)
    {
      g_autoptr(CarnetAppointment) appointment = g_list_model_get_item (appointments, i);
      double days = days_from_now (fixture, carnet_appointment_get_start (appointment));

      if (days < 0)
        {
          g_assert_cmpint (carnet_appointment_get_status (appointment), ==, CARNET_STATUS_DONE);
          g_assert_cmpstr (carnet_appointment_get_reminders (appointment), ==, "");
        }

      /* Hospitals rest at the weekend. */
      g_assert_cmpint (g_date_time_get_day_of_week (carnet_appointment_get_start (appointment)), <=, 5);

      if (carnet_appointment_get_kind (appointment) == CARNET_APPOINTMENT_SURGERY)
        {
          g_assert_cmpfloat (days, <=, -280);
          g_assert_cmpfloat (days, >=, -320);
          surgery = TRUE;
        }
    }

  g_assert_true (surgery);
}

static void
test_path (void)
{
  g_autofree char *path = carnet_demo_path ();
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "carnet", "demo.carnet", NULL);
  g_autofree char *user_path = carnet_notebook_default_path ();

  g_assert_cmpstr (path, ==, expected);
  g_assert_cmpstr (path, !=, user_path);
}

int
main (int   argc,
      char *argv[])
{
  /* Two presents, a Saturday and a Wednesday in another year: the demo follows the clock. */
  static const int saturday[] = { 2026, 11, 28 };
  static const int wednesday[] = { 2031, 6, 18 };

  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/demo/saturday/" path, Fixture, saturday, fixture_set_up, (func), fixture_tear_down); \
  g_test_add ("/demo/wednesday/" path, Fixture, wednesday, fixture_set_up, (func), fixture_tear_down)

  ADD ("counts", test_counts);
  ADD ("tumour-marker", test_tumour_marker);
  ADD ("scan-report", test_scan_report);
  ADD ("chemotherapy", test_chemotherapy);
  ADD ("upcoming-consultation", test_upcoming_consultation);
  ADD ("agenda", test_agenda);
  ADD ("past", test_past);

#undef ADD

  g_test_add_func ("/demo/path", test_path);

  return g_test_run ();
}
