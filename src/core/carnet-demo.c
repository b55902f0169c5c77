/* carnet-demo.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A fictional patient's year, to show Carnet to someone without their data:
 * Claire Martin, operated on for breast cancer ten months ago, then six cycles
 * of chemotherapy, radiotherapy, and hormone therapy since two months. Every
 * date is relative to the notebook's clock, so the demo is always current.
 * The words are translatable: a French user gets a French notebook.
 */
#define G_LOG_DOMAIN "carnet-core"

#include "config.h"

#include "carnet-demo.h"

#include <glib/gi18n-lib.h>

#include "carnet-appointment.h"
#include "carnet-question.h"
#include "carnet-result.h"
#include "carnet-side-effect.h"
#include "carnet-treatment.h"

#define DEMO_PERSON "Claire Martin"

#define ONCOLOGIST "Dr Anne Rousseau"
#define SURGEON    "Dr Paul Meyer"
#define RADIOLOGIST "Dr Sophie Laurent"

/* Chemotherapy: six cycles of 21 days, the first one about this many days ago. */
#define CHEMO_START_DAY (-240)
#define CHEMO_CYCLE_DAYS 21
#define CHEMO_CYCLES 6

/* An end day for what goes on: a treatment or a side effect without an end. */
#define ONGOING 1

typedef struct
{
  CarnetNotebook *notebook;
  GTimeZone      *tz;
  GDateTime      *now;
  /* The first day of the chemotherapy: a Tuesday, so are all its cycles. */
  int             chemo_start;
  gint64          chemotherapy_id;
  gint64          radiotherapy_id;
  gint64          hormone_therapy_id;
} Demo;

/* Blood counts during the chemotherapy: the day before each cycle from the second. */
static const double haemoglobin_before_cycle[CHEMO_CYCLES] = { 0, 12.2, 11.5, 10.9, 10.6, 10.8 };
static const double neutrophils_before_cycle[CHEMO_CYCLES] = { 0, 2.4, 1.4, 1.7, 1.2, 1.6 };

/* Nausea is worst with EC (cycles 1 to 3), fatigue builds up cycle after cycle. */
static const int nausea_severity[CHEMO_CYCLES] = { 3, 3, 2, 1, 1, 1 };
static const int fatigue_severity[CHEMO_CYCLES] = { 1, 2, 2, 2, 3, 3 };

/* @days from today, at @hour:@minute on the notebook's clock. */
static GDateTime *
day_at (Demo *demo,
        int   days,
        int   hour,
        int   minute)
{
  g_autoptr(GDateTime) day = g_date_time_add_days (demo->now, days);

  return g_date_time_new (demo->tz,
                          g_date_time_get_year (day),
                          g_date_time_get_month (day),
                          g_date_time_get_day_of_month (day),
                          hour, minute, 0);
}

static void
date_of (Demo  *demo,
         int    days,
         GDate *date)
{
  g_autoptr(GDateTime) day = g_date_time_add_days (demo->now, days);

  g_date_clear (date, 1);
  g_date_set_dmy (date,
                  g_date_time_get_day_of_month (day),
                  g_date_time_get_month (day),
                  g_date_time_get_year (day));
}

static GDateWeekday
weekday_of (Demo *demo,
            int   days)
{
  g_autoptr(GDateTime) day = g_date_time_add_days (demo->now, days);

  return (GDateWeekday) g_date_time_get_day_of_week (day);
}

/* Hospitals and laboratories rest at the weekend: the Monday after. */
static int
workday (Demo *demo,
         int   days)
{
  switch (weekday_of (demo, days))
    {
    case G_DATE_SATURDAY:
      return days + 2;
    case G_DATE_SUNDAY:
      return days + 1;
    default:
      return days;
    }
}

static int
cycle_day (Demo  *demo,
           guint  cycle,
           int    day)
{
  return demo->chemo_start + (int) (cycle - 1) * CHEMO_CYCLE_DAYS + day - 1;
}

static gboolean
add (Demo      *demo,
     gpointer   record,
     gint64    *out_id,
     GError   **error)
{
  if (!carnet_notebook_add (demo->notebook, CARNET_RECORD (record), error))
    return FALSE;

  if (out_id != NULL)
    *out_id = carnet_record_get_id (CARNET_RECORD (record));

  return TRUE;
}

static gboolean
add_appointment (Demo                   *demo,
                 const char             *title,
                 CarnetAppointmentKind   kind,
                 int                     days,
                 int                     hour,
                 int                     minute,
                 guint                   duration,
                 const char             *location,
                 const char             *practitioner,
                 const char             *reminders,
                 gint64                 *out_id,
                 GError                **error)
{
  g_autoptr(CarnetAppointment) appointment = carnet_appointment_new ();
  g_autoptr(GDateTime) start = NULL;

  days = workday (demo, days);
  start = day_at (demo, days, hour, minute);

  carnet_appointment_set_title (appointment, title);
  carnet_appointment_set_kind (appointment, kind);
  carnet_appointment_set_start (appointment, start);
  carnet_appointment_set_duration (appointment, duration);
  carnet_appointment_set_location (appointment, location);
  carnet_appointment_set_practitioner (appointment, practitioner);
  /* Past appointments are done; their reminders would only be noise. */
  carnet_appointment_set_status (appointment, days < 0 ? CARNET_STATUS_DONE : CARNET_STATUS_PLANNED);
  if (!carnet_appointment_set_reminders (appointment, reminders != NULL ? reminders : "", error))
    return FALSE;

  return add (demo, appointment, out_id, error);
}

static gboolean
add_value (Demo        *demo,
           const char  *name,
           double       value,
           const char  *unit,
           double       low,
           double       high,
           int          days,
           gint64       appointment_id,
           GError     **error)
{
  g_autoptr(CarnetResult) result = carnet_result_new ();
  g_autoptr(GDateTime) at = day_at (demo, days, 8, 0);

  carnet_result_set_name (result, name);
  carnet_result_set_value (result, value);
  carnet_result_set_unit (result, unit);
  carnet_result_set_low (result, low);
  carnet_result_set_high (result, high);
  carnet_result_set_at (result, at);
  carnet_result_set_appointment_id (result, appointment_id);

  return add (demo, result, NULL, error);
}

static gboolean
add_report (Demo        *demo,
            const char  *name,
            const char  *text,
            int          days,
            gint64       appointment_id,
            GError     **error)
{
  g_autoptr(CarnetResult) result = carnet_result_new ();
  g_autoptr(GDateTime) at = day_at (demo, days, 17, 0);

  carnet_result_set_name (result, name);
  carnet_result_set_text (result, text);
  carnet_result_set_at (result, at);
  carnet_result_set_appointment_id (result, appointment_id);

  return add (demo, result, NULL, error);
}

/* A blood test with its results: CA 15-3 when @ca15_3 is not 0. */
static gboolean
add_blood_test (Demo        *demo,
                const char  *title,
                int          days,
                double       ca15_3,
                double       haemoglobin,
                double       neutrophils,
                GError     **error)
{
  gint64 id;

  days = workday (demo, days);
  if (!add_appointment (demo, title, CARNET_APPOINTMENT_BLOOD_TEST, days, 8, 0, 15,
                        _("Town medical laboratory"), NULL, NULL, &id, error))
    return FALSE;

  if (ca15_3 > 0 &&
      !add_value (demo, "CA 15-3", ca15_3, "U/mL", 0, 30, days, id, error))
    return FALSE;

  return add_value (demo, _("Haemoglobin"), haemoglobin, "g/dL", 12, 16, days, id, error) &&
         add_value (demo, _("Neutrophils"), neutrophils, "G/L", 1.5, 7, days, id, error);
}

static gboolean
add_side_effect (Demo        *demo,
                 const char  *symptom,
                 int          severity,
                 int          days,
                 int          until_days,
                 gint64       treatment_id,
                 const char  *notes,
                 GError     **error)
{
  g_autoptr(CarnetSideEffect) side_effect = carnet_side_effect_new ();
  g_autoptr(GDateTime) at = day_at (demo, days, 9, 0);

  carnet_side_effect_set_symptom (side_effect, symptom);
  carnet_side_effect_set_severity (side_effect, severity);
  carnet_side_effect_set_at (side_effect, at);
  if (until_days <= 0)
    {
      g_autoptr(GDateTime) until = day_at (demo, until_days, 20, 0);

      carnet_side_effect_set_until (side_effect, until);
    }
  carnet_side_effect_set_treatment_id (side_effect, treatment_id);
  carnet_side_effect_set_notes (side_effect, notes);

  return add (demo, side_effect, NULL, error);
}

static gboolean
add_question (Demo        *demo,
              const char  *text,
              CarnetAuthor author,
              gint64       appointment_id,
              int          created_days,
              const char  *answer,
              GError     **error)
{
  g_autoptr(CarnetQuestion) question = carnet_question_new ();
  g_autoptr(GDateTime) created = day_at (demo, created_days, 21, 0);

  carnet_question_set_text (question, text);
  carnet_question_set_author (question, author);
  carnet_question_set_appointment_id (question, appointment_id);
  carnet_question_set_created (question, created);
  if (answer != NULL)
    {
      carnet_question_set_answer (question, answer);
      carnet_question_set_status (question, CARNET_QUESTION_ANSWERED);
    }

  return add (demo, question, NULL, error);
}

static gboolean
add_treatment (Demo                *demo,
               const char          *name,
               CarnetTreatmentKind  kind,
               int                  start_days,
               int                  end_days,
               guint                cycle_days,
               guint                cycles,
               const char          *notes,
               gint64              *out_id,
               GError             **error)
{
  g_autoptr(CarnetTreatment) treatment = carnet_treatment_new ();
  GDate start;

  date_of (demo, start_days, &start);
  carnet_treatment_set_name (treatment, name);
  carnet_treatment_set_kind (treatment, kind);
  carnet_treatment_set_start (treatment, &start);
  if (end_days <= 0)
    {
      GDate end;

      date_of (demo, end_days, &end);
      carnet_treatment_set_end (treatment, &end);
    }
  carnet_treatment_set_cycle_days (treatment, cycle_days);
  carnet_treatment_set_cycles (treatment, cycles);
  carnet_treatment_set_notes (treatment, notes);

  return add (demo, treatment, out_id, error);
}

/* Diagnosis and surgery, ten to eleven months ago. */
static gboolean
populate_surgery (Demo    *demo,
                  GError **error)
{
  gint64 biopsy_id;
  gint64 surgery_id;

  if (!add_appointment (demo, _("Ultrasound-guided breast biopsy"), CARNET_APPOINTMENT_BIOPSY,
                        -330, 14, 0, 45, _("Radiology centre"), RADIOLOGIST, NULL,
                        &biopsy_id, error) ||
      !add_report (demo, _("Biopsy report"),
                   _("Invasive breast carcinoma of no special type, grade 2, 16 mm. "
                     "Hormone receptors positive, HER2 negative."),
                   -323, biopsy_id, error) ||
      !add_blood_test (demo, _("Blood test before surgery"), -316, 41, 13.4, 4.1, error) ||
      !add_appointment (demo, _("Lumpectomy and sentinel lymph node biopsy"),
                        CARNET_APPOINTMENT_SURGERY, -300, 7, 30, 180,
                        _("Surgery department, day clinic"), SURGEON, NULL, &surgery_id, error) ||
      !add_treatment (demo, _("Left lumpectomy"), CARNET_TREATMENT_SURGERY, -300, -300, 0, 0,
                      _("With sentinel lymph node biopsy; home the next day."), NULL, error) ||
      !add_report (demo, _("Pathology report"),
                   _("Tumour of 18 mm removed with clear margins. "
                     "Sentinel lymph nodes free of cancer (0/2)."),
                   -286, surgery_id, error))
    return FALSE;

  return TRUE;
}

/* Six cycles of chemotherapy, from eight months ago, with their side effects. */
static gboolean
populate_chemotherapy (Demo    *demo,
                       GError **error)
{
  gint64 consultation_id;

  if (!add_appointment (demo, _("Oncology consultation"), CARNET_APPOINTMENT_CONSULTATION,
                        -250, 11, 0, 30, _("Oncology day hospital, building B"), ONCOLOGIST,
                        NULL, &consultation_id, error) ||
      !add_question (demo, _("Will I lose my hair?"), CARNET_AUTHOR_PATIENT,
                     consultation_id, -256,
                     _("Yes, usually from the third week of the first cycle. A cold cap can "
                       "limit it: ask the nurses of the day hospital."),
                     error) ||
      !add_question (demo, _("Can she keep working during the chemotherapy?"),
                     CARNET_AUTHOR_CAREGIVER, consultation_id, -253,
                     _("Part-time if the fatigue allows it; a sick leave can be prescribed "
                       "at any time."),
                     error) ||
      !add_treatment (demo, _("EC then paclitaxel"), CARNET_TREATMENT_CHEMOTHERAPY,
                      demo->chemo_start, cycle_day (demo, CHEMO_CYCLES, CHEMO_CYCLE_DAYS),
                      CHEMO_CYCLE_DAYS, CHEMO_CYCLES,
                      _("3 cycles of epirubicin and cyclophosphamide, then 3 cycles of "
                        "paclitaxel, every 21 days."),
                      &demo->chemotherapy_id, error) ||
      !add_blood_test (demo, _("Blood test before chemotherapy"), demo->chemo_start - 5,
                       34, 13.1, 4.3, error))
    return FALSE;

  for (guint cycle = 1; cycle <= CHEMO_CYCLES; cycle++)
    {
      g_autofree char *title = NULL;

      if (cycle > 1)
        {
          g_autofree char *test_title = NULL;
          /* CA 15-3 is followed every other cycle. */
          double ca15_3 = cycle == 3 ? 26 : cycle == 5 ? 21 : 0;

          test_title = g_strdup_printf (_("Blood test before cycle %u"), cycle);
          if (!add_blood_test (demo, test_title, cycle_day (demo, cycle, 0), ca15_3,
                               haemoglobin_before_cycle[cycle - 1],
                               neutrophils_before_cycle[cycle - 1], error))
            return FALSE;
        }

      title = g_strdup_printf (_("Chemotherapy, cycle %u"), cycle);
      if (!add_appointment (demo, title, CARNET_APPOINTMENT_TREATMENT,
                            cycle_day (demo, cycle, 1), 9, 0, 240,
                            _("Oncology day hospital, building B"), ONCOLOGIST, NULL,
                            NULL, error))
        return FALSE;

      if (!add_side_effect (demo, _("Nausea"), nausea_severity[cycle - 1],
                            cycle_day (demo, cycle, 2), cycle_day (demo, cycle, 4),
                            demo->chemotherapy_id,
                            cycle == 1 ? _("Worst on the second and third days; the "
                                           "anti-nausea tablets help.") : NULL,
                            error) ||
          !add_side_effect (demo, _("Fatigue"), fatigue_severity[cycle - 1],
                            cycle_day (demo, cycle, 3), cycle_day (demo, cycle, 11),
                            demo->chemotherapy_id, NULL, error))
        return FALSE;
    }

  if (!add_side_effect (demo, _("Hair loss"), 3, cycle_day (demo, 1, 17), -40,
                        demo->chemotherapy_id,
                        _("Short hair cut before it fell; growing back since the end of "
                          "the chemotherapy."),
                        error) ||
      !add_side_effect (demo, _("Numbness or tingling (neuropathy)"), 1,
                        cycle_day (demo, 4, 8), cycle_day (demo, 5, 1), demo->chemotherapy_id,
                        _("Fingertips, in the cold."), error) ||
      !add_side_effect (demo, _("Numbness or tingling (neuropathy)"), 2,
                        cycle_day (demo, 5, 8), -45, demo->chemotherapy_id,
                        _("Fingers and toes; hard to do up buttons."), error))
    return FALSE;

  return TRUE;
}

/* After the chemotherapy: scanner, radiotherapy, hormone therapy. */
static gboolean
populate_after_chemotherapy (Demo    *demo,
                             GError **error)
{
  gint64 scan_id;
  gint64 consultation_id;

  if (!add_blood_test (demo, _("Blood test after chemotherapy"), -108, 17, 11.6, 3.2, error) ||
      !add_appointment (demo, _("Thoracic-abdominal-pelvic CT scan"), CARNET_APPOINTMENT_IMAGING,
                        -105, 15, 30, 30, _("Radiology centre"), RADIOLOGIST, NULL,
                        &scan_id, error) ||
      !add_report (demo, _("CT scan report"),
                   _("Conclusion: no sign of secondary lesion; no suspicious lymph node."),
                   -105, scan_id, error) ||
      !add_appointment (demo, _("Oncology consultation"), CARNET_APPOINTMENT_CONSULTATION,
                        -100, 10, 0, 30, _("Oncology day hospital, building B"), ONCOLOGIST,
                        NULL, &consultation_id, error) ||
      !add_question (demo, _("When will the tingling in my fingers go away?"),
                     CARNET_AUTHOR_PATIENT, consultation_id, -104,
                     _("It often fades over months after paclitaxel. Tell us if it gets in "
                       "the way of buttoning or writing."),
                     error) ||
      !add_treatment (demo, _("Radiotherapy of the left breast"), CARNET_TREATMENT_RADIOTHERAPY,
                      -95, -66, 0, 0, _("20 sessions, on weekdays."),
                      &demo->radiotherapy_id, error) ||
      !add_side_effect (demo, _("Skin redness"), 2, -80, -55, demo->radiotherapy_id,
                        _("Moisturising cream twice a day."), error) ||
      !add_appointment (demo, _("Oncology consultation"), CARNET_APPOINTMENT_CONSULTATION,
                        -62, 10, 0, 30, _("Oncology day hospital, building B"), ONCOLOGIST,
                        NULL, NULL, error) ||
      !add_treatment (demo, _("Letrozole 2.5 mg daily"), CARNET_TREATMENT_HORMONE_THERAPY,
                      -60, ONGOING, 0, 0, _("For five years, one tablet each evening."),
                      &demo->hormone_therapy_id, error) ||
      !add_side_effect (demo, _("Hot flashes"), 1, -50, ONGOING, demo->hormone_therapy_id,
                        NULL, error) ||
      !add_side_effect (demo, _("Joint or muscle pain"), 1, -40, ONGOING,
                        demo->hormone_therapy_id, _("Hands and knees, worse in the morning."),
                        error) ||
      !add_blood_test (demo, _("Blood test"), -30, 14, 12.6, 3.9, error))
    return FALSE;

  return TRUE;
}

/* What comes next: a consultation with questions, repeated blood tests, a mammography. */
static gboolean
populate_upcoming (Demo    *demo,
                   GError **error)
{
  g_autoptr(CarnetAppointment) blood_tests = carnet_appointment_new ();
  g_autoptr(GDateTime) start = day_at (demo, workday (demo, 10), 8, 0);
  gint64 consultation_id;

  carnet_appointment_set_title (blood_tests, _("Blood test (CA 15-3, blood count)"));
  carnet_appointment_set_kind (blood_tests, CARNET_APPOINTMENT_BLOOD_TEST);
  carnet_appointment_set_start (blood_tests, start);
  carnet_appointment_set_duration (blood_tests, 15);
  carnet_appointment_set_location (blood_tests, _("Town medical laboratory"));
  carnet_appointment_set_notes (blood_tests, _("Fasting is not needed."));
  carnet_appointment_set_repeat (blood_tests, "FREQ=MONTHLY;INTERVAL=3;COUNT=4");
  if (!carnet_appointment_set_reminders (blood_tests, "1d", error) ||
      !add (demo, blood_tests, NULL, error))
    return FALSE;

  if (!add_appointment (demo, _("Oncology consultation"), CARNET_APPOINTMENT_CONSULTATION,
                        14, 10, 30, 30, _("Oncology day hospital, building B"), ONCOLOGIST,
                        "1d,2h", &consultation_id, error) ||
      !add_question (demo, _("The joint pain in my hands is worse in the morning: can "
                             "something relieve it, or can another hormone therapy be tried?"),
                     CARNET_AUTHOR_PATIENT, consultation_id, -20, NULL, error) ||
      !add_question (demo, _("Can I go back to swimming now that the radiotherapy is over?"),
                     CARNET_AUTHOR_PATIENT, consultation_id, -12, NULL, error) ||
      !add_question (demo, _("How long will the tingling in her feet last? Should we tell "
                             "her physiotherapist?"),
                     CARNET_AUTHOR_CAREGIVER, consultation_id, -5, NULL, error) ||
      !add_appointment (demo, _("Mammography and breast ultrasound"), CARNET_APPOINTMENT_IMAGING,
                        60, 9, 15, 45, _("Radiology centre"), RADIOLOGIST, "7d,1d",
                        NULL, error))
    return FALSE;

  return TRUE;
}

/**
 * carnet_demo_path:
 *
 * Returns: where the demo notebook lives, apart from the user's own:
 *   `$XDG_DATA_HOME/carnet/demo.carnet`
 */
char *
carnet_demo_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "carnet", "demo.carnet", NULL);
}

/**
 * carnet_demo_populate:
 * @notebook: a notebook, normally new and empty
 * @error: return location for a #GError
 *
 * Fills @notebook with a fictional patient's year, dated from the notebook
 * clock's present.
 *
 * Returns: %TRUE on success
 */
gboolean
carnet_demo_populate (CarnetNotebook  *notebook,
                      GError         **error)
{
  g_autoptr(GDateTime) now = NULL;
  CarnetClock *clock;
  Demo demo = { 0, };

  g_return_val_if_fail (CARNET_IS_NOTEBOOK (notebook), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  clock = carnet_notebook_get_clock (notebook);
  now = carnet_clock_get_now (clock);

  demo.notebook = notebook;
  demo.tz = carnet_clock_get_timezone (clock);
  demo.now = now;
  demo.chemo_start = CHEMO_START_DAY + (G_DATE_TUESDAY - weekday_of (&demo, CHEMO_START_DAY) + 7) % 7;

  return carnet_notebook_set_person (notebook, DEMO_PERSON, error) &&
         populate_surgery (&demo, error) &&
         populate_chemotherapy (&demo, error) &&
         populate_after_chemotherapy (&demo, error) &&
         populate_upcoming (&demo, error);
}
