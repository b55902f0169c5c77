/* test-sheet.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The consultation sheet: what it gathers, and what its PDF says, read by
 * pdftotext as a person would read the page.
 */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>
#include <libintl.h>
#include <glib/gstdio.h>

#include "carnet.h"

typedef struct
{
  char           *dir;
  char           *path;
  CarnetClock    *clock;
  CarnetNotebook *notebook;
  gint64          previous;
  gint64          next;
  gint64          later;
  gint64          chemo;
} Fixture;

static GDateTime *
paris_time (int year, int month, int day, int hour, int minute)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Paris");

  return g_date_time_new (tz, year, month, day, hour, minute, 0);
}

static void
add (CarnetNotebook *notebook,
     gpointer        record)
{
  g_autoptr(GError) error = NULL;

  carnet_notebook_add (notebook, CARNET_RECORD (record), &error);
  g_assert_no_error (error);
}

static gint64
add_consultation (Fixture      *fixture,
                  const char   *title,
                  GDateTime    *start,
                  CarnetStatus  status)
{
  g_autoptr(CarnetAppointment) appointment = carnet_appointment_new ();

  carnet_appointment_set_title (appointment, title);
  carnet_appointment_set_kind (appointment, CARNET_APPOINTMENT_CONSULTATION);
  carnet_appointment_set_start (appointment, start);
  carnet_appointment_set_duration (appointment, 30);
  carnet_appointment_set_status (appointment, status);
  add (fixture->notebook, appointment);
  return carnet_record_get_id (CARNET_RECORD (appointment));
}

static gint64
add_question (Fixture        *fixture,
              const char     *text,
              gint64          appointment_id,
              CarnetAuthor    author)
{
  g_autoptr(CarnetQuestion) question = carnet_question_new ();

  carnet_question_set_text (question, text);
  carnet_question_set_appointment_id (question, appointment_id);
  carnet_question_set_author (question, author);
  add (fixture->notebook, question);
  return carnet_record_get_id (CARNET_RECORD (question));
}

static void
add_side_effect (Fixture    *fixture,
                 const char *symptom,
                 int         severity,
                 GDateTime  *at,
                 GDateTime  *until,
                 gint64      treatment_id)
{
  g_autoptr(CarnetSideEffect) side_effect = carnet_side_effect_new ();

  carnet_side_effect_set_symptom (side_effect, symptom);
  carnet_side_effect_set_severity (side_effect, severity);
  carnet_side_effect_set_at (side_effect, at);
  carnet_side_effect_set_until (side_effect, until);
  carnet_side_effect_set_treatment_id (side_effect, treatment_id);
  add (fixture->notebook, side_effect);
}

static void
add_value (Fixture    *fixture,
           const char *name,
           double      value,
           const char *unit,
           double      low,
           double      high,
           GDateTime  *at)
{
  g_autoptr(CarnetResult) result = carnet_result_new ();

  carnet_result_set_name (result, name);
  carnet_result_set_value (result, value);
  carnet_result_set_unit (result, unit);
  carnet_result_set_low (result, low);
  carnet_result_set_high (result, high);
  carnet_result_set_at (result, at);
  add (fixture->notebook, result);
}

/* A patient under chemotherapy: a consultation on 2 November, the next on
 * 3 December; between them, what the sheet is about. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = paris_time (2026, 11, 28, 10, 0);
  g_autoptr(GDateTime) previous = paris_time (2026, 11, 2, 9, 0);
  g_autoptr(GDateTime) next = paris_time (2026, 12, 3, 8, 30);
  g_autoptr(GDateTime) later = paris_time (2027, 1, 7, 14, 0);
  g_autoptr(GDateTime) before = paris_time (2026, 10, 20, 8, 0);
  g_autoptr(GDateTime) nov5 = paris_time (2026, 11, 5, 12, 0);
  g_autoptr(GDateTime) nov7 = paris_time (2026, 11, 7, 12, 0);
  g_autoptr(GDateTime) nov10 = paris_time (2026, 11, 10, 8, 0);
  g_autoptr(GDateTime) nov25 = paris_time (2026, 11, 25, 18, 0);
  g_autoptr(GDateTime) oct28 = paris_time (2026, 10, 28, 9, 0);
  g_autoptr(CarnetTreatment) chemo = carnet_treatment_new ();
  g_autoptr(CarnetTreatment) surgery = carnet_treatment_new ();
  g_autoptr(CarnetResult) report = carnet_result_new ();
  g_autoptr(GDate) chemo_start = g_date_new_dmy (13, G_DATE_OCTOBER, 2026);
  g_autoptr(GDate) surgery_day = g_date_new_dmy (2, G_DATE_SEPTEMBER, 2026);
  gint64 answered, moved;

  fixture->dir = g_dir_make_tmp ("carnet-test-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "notebook.carnet", NULL);
  fixture->clock = carnet_clock_new_fixed (now);
  fixture->notebook = carnet_notebook_open (fixture->path, CARNET_OPEN_FLAGS_CREATE,
                                            fixture->clock, &error);
  g_assert_no_error (error);
  carnet_notebook_set_person (fixture->notebook, "Jeanne Dupont", &error);
  g_assert_no_error (error);

  carnet_treatment_set_name (chemo, "FEC 100");
  carnet_treatment_set_kind (chemo, CARNET_TREATMENT_CHEMOTHERAPY);
  carnet_treatment_set_start (chemo, chemo_start);
  carnet_treatment_set_cycle_days (chemo, 21);
  carnet_treatment_set_cycles (chemo, 6);
  add (fixture->notebook, chemo);
  fixture->chemo = carnet_record_get_id (CARNET_RECORD (chemo));

  carnet_treatment_set_name (surgery, "Lumpectomy");
  carnet_treatment_set_kind (surgery, CARNET_TREATMENT_SURGERY);
  carnet_treatment_set_start (surgery, surgery_day);
  carnet_treatment_set_end (surgery, surgery_day);
  add (fixture->notebook, surgery);

  fixture->previous = add_consultation (fixture, "Oncology consultation", previous, CARNET_STATUS_DONE);
  fixture->next = add_consultation (fixture, "Oncology follow-up", next, CARNET_STATUS_PLANNED);
  fixture->later = add_consultation (fixture, "Radiotherapy consultation", later, CARNET_STATUS_PLANNED);
  {
    g_autoptr(CarnetRecord) record = carnet_notebook_get (fixture->notebook, CARNET_RECORD_APPOINTMENT,
                                                          fixture->next, &error);

    g_assert_no_error (error);
    carnet_appointment_set_location (CARNET_APPOINTMENT (record), "Hôpital Saint-Louis, building B");
    carnet_appointment_set_practitioner (CARNET_APPOINTMENT (record), "Dr Martin");
    carnet_notebook_update (fixture->notebook, record, &error);
    g_assert_no_error (error);
  }

  /* Questions: two for this consultation (the second moved first), one for
   * "the next consultation", one answered, one for a later consultation. */
  add_question (fixture, "Can I travel to Lyon in January?", fixture->next, CARNET_AUTHOR_PATIENT);
  moved = add_question (fixture, "Is the tingling in her fingers expected?", fixture->next,
                        CARNET_AUTHOR_CAREGIVER);
  carnet_notebook_move_question (fixture->notebook, moved, 1, &error);
  g_assert_no_error (error);
  add_question (fixture, "Should I keep the cold cap?", 0, CARNET_AUTHOR_PATIENT);
  answered = add_question (fixture, "Which sunscreen?", fixture->next, CARNET_AUTHOR_PATIENT);
  carnet_notebook_answer_question (fixture->notebook, answered, "SPF 50", &error);
  g_assert_no_error (error);
  add_question (fixture, "When do the radiotherapy sessions start?", fixture->later, CARNET_AUTHOR_PATIENT);

  /* Side effects: nausea twice since the last consultation (its worst on
   * day 3 of cycle 2), fatigue from before it and still there, and an older
   * headache, over before it. */
  add_side_effect (fixture, "Nausea", 1, nov10, NULL, fixture->chemo);
  add_side_effect (fixture, "Nausea", 3, nov5, nov7, fixture->chemo);
  add_side_effect (fixture, "Fatigue", 2, before, nov25, 0);
  add_side_effect (fixture, "Headache", 2, before, before, 0);

  /* Results: haemoglobin up from 11.2, neutrophils low, a report. */
  add_value (fixture, "Haemoglobin", 11.2, "g/dL", 12, 16, oct28);
  add_value (fixture, "Haemoglobin", 12.4, "g/dL", 12, 16, nov25);
  add_value (fixture, "Neutrophils", 1.1, "G/L", 1.5, 7, nov25);
  carnet_result_set_name (report, "Echocardiography");
  carnet_result_set_text (report, "Normal left ventricular function, LVEF 62%.");
  carnet_result_set_at (report, nov10);
  add (fixture->notebook, report);
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

static CarnetSheet *
new_sheet (Fixture *fixture,
           gint64   appointment_id)
{
  g_autoptr(GError) error = NULL;
  CarnetSheet *sheet = carnet_sheet_new (fixture->notebook, appointment_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (sheet);
  return sheet;
}

/* pdftotext's reading of the PDF, page @page (from 1) or all of it (0);
 * NULL when the test has to skip. */
static char *
pdf_text (Fixture    *fixture,
          GBytes     *pdf,
          guint       page)
{
  g_autofree char *path = g_build_filename (fixture->dir, "sheet.pdf", NULL);
  g_autofree char *program = g_find_program_in_path ("pdftotext");
  g_autofree char *first = g_strdup_printf ("%u", page);
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  if (program == NULL)
    {
      g_test_skip ("no pdftotext (poppler-utils)");
      return NULL;
    }

  g_file_set_contents (path, g_bytes_get_data (pdf, NULL), (gssize) g_bytes_get_size (pdf), &error);
  g_assert_no_error (error);

  if (page == 0)
    {
      const char *argv[] = { program, "-layout", "-enc", "UTF-8", path, "-", NULL };

      g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL, &status, &error);
    }
  else
    {
      const char *argv[] = { program, "-layout", "-enc", "UTF-8", "-f", first, "-l", first, path, "-", NULL };

      g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL, &status, &error);
    }
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

/* pdftotext ends each page with a form feed. */
static guint
count_pages (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p++)
    n += *p == '\f';

  return n;
}

static GBytes *
sheet_pdf (CarnetSheet *sheet)
{
  g_autoptr(GError) error = NULL;
  GBytes *pdf = carnet_sheet_to_pdf (sheet, &error);

  g_assert_no_error (error);
  g_assert_nonnull (pdf);
  return pdf;
}

/* @needles appear in @text in this order; the spaces that lay text out in
 * columns count as one. */
static void
assert_in_order (const char         *layout_text,
                 const char * const *needles)
{
  g_autoptr(GRegex) spaces = g_regex_new (" +", 0, 0, NULL);
  g_autofree char *text = g_regex_replace_literal (spaces, layout_text, -1, 0, " ", 0, NULL);
  const char *p = text;

  for (guint i = 0; needles[i] != NULL; i++)
    {
      const char *found = strstr (p, needles[i]);

      if (found == NULL)
        g_error ("“%s” is not on the sheet (after “%.40s”):\n%s", needles[i], p, text);
      p = found + strlen (needles[i]);
    }
}

static void
test_gather (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autoptr(CarnetSheet) sheet = new_sheet (fixture, 0);
  g_autoptr(GDateTime) start = paris_time (2026, 12, 3, 8, 30);
  g_autoptr(GDateTime) previous = paris_time (2026, 11, 2, 9, 0);
  CarnetSheetSymptom *symptom;
  CarnetSheetResult *result;
  CarnetSheetTreatment *treatment;

  /* The next planned consultation, since the previous one. */
  g_assert_cmpint (carnet_record_get_id (CARNET_RECORD (sheet->consultation)), ==, fixture->next);
  g_assert_true (g_date_time_equal (sheet->start, start));
  g_assert_true (g_date_time_equal (sheet->previous, previous));
  g_assert_true (g_date_time_equal (sheet->since, previous));
  g_assert_cmpstr (sheet->person, ==, "Jeanne Dupont");

  /* Its open questions in their order, then those for "next consultation". */
  g_assert_cmpuint (sheet->questions->len, ==, 3);
  g_assert_cmpstr (carnet_question_get_text (g_ptr_array_index (sheet->questions, 0)), ==,
                   "Is the tingling in her fingers expected?");
  g_assert_cmpstr (carnet_question_get_text (g_ptr_array_index (sheet->questions, 1)), ==,
                   "Can I travel to Lyon in January?");
  g_assert_cmpstr (carnet_question_get_text (g_ptr_array_index (sheet->questions, 2)), ==,
                   "Should I keep the cold cap?");

  /* Worst first: nausea at its worst (severe) on C2 D3, from its first to
   * its last day; fatigue from before the period; not the old headache. */
  g_assert_cmpuint (sheet->symptoms->len, ==, 2);
  symptom = g_ptr_array_index (sheet->symptoms, 0);
  g_assert_cmpstr (symptom->symptom, ==, "Nausea");
  g_assert_cmpint (symptom->worst, ==, 3);
  g_assert_cmpstr (symptom->cycle, ==, "C2 D3");
  g_assert_cmpint (g_date_time_get_day_of_month (symptom->first), ==, 5);
  g_assert_cmpint (g_date_time_get_day_of_month (symptom->last), ==, 10);
  g_assert_cmpuint (symptom->n_records, ==, 2);
  symptom = g_ptr_array_index (sheet->symptoms, 1);
  g_assert_cmpstr (symptom->symptom, ==, "Fatigue");
  g_assert_cmpint (symptom->worst, ==, 2);
  g_assert_null (symptom->cycle);

  /* Results since then, by test; haemoglobin knows the value before. */
  g_assert_cmpuint (sheet->results->len, ==, 3);
  result = g_ptr_array_index (sheet->results, 0);
  g_assert_cmpstr (carnet_result_get_name (result->result), ==, "Echocardiography");
  g_assert_false (result->has_previous);
  result = g_ptr_array_index (sheet->results, 1);
  g_assert_cmpstr (carnet_result_get_name (result->result), ==, "Haemoglobin");
  g_assert_true (result->has_previous);
  g_assert_cmpfloat (result->previous, ==, 11.2);
  /* It changed: its values up to it, for the small chart in its row. */
  g_assert_nonnull (result->trend);
  g_assert_cmpuint (result->trend->points->len, ==, 2);
  g_assert_cmpfloat (g_array_index (result->trend->points, CarnetChartPoint, 0).value, ==, 11.2);
  g_assert_cmpfloat (g_array_index (result->trend->points, CarnetChartPoint, 1).value, ==, 12.4);
  g_assert_cmpstr (result->trend->unit, ==, "g/dL");
  result = g_ptr_array_index (sheet->results, 2);
  g_assert_cmpstr (carnet_result_get_name (result->result), ==, "Neutrophils");
  g_assert_cmpint (carnet_result_get_flag (result->result), ==, CARNET_FLAG_LOW);
  /* The first value of its test: nothing to chart. */
  g_assert_null (result->trend);

  /* The charts of the tests that changed, with the treatments. */
  g_assert_cmpuint (sheet->charts->len, ==, 1);
  g_assert_cmpstr (((CarnetChartSeries *) g_ptr_array_index (sheet->charts, 0))->name, ==, "Haemoglobin");
  g_assert_cmpuint (((CarnetChartSeries *) g_ptr_array_index (sheet->charts, 0))->periods->len, >=, 1);

  /* The chemotherapy goes on (cycle 3, day 10 on 3 December); the surgery is over. */
  g_assert_cmpuint (sheet->treatments->len, ==, 1);
  treatment = g_ptr_array_index (sheet->treatments, 0);
  g_assert_cmpstr (carnet_treatment_get_name (treatment->treatment), ==, "FEC 100");
  g_assert_cmpstr (treatment->cycle, ==, "C3 D10");
}

static void
test_pdf_text (Fixture       *fixture,
               gconstpointer  user_data)
{
  g_autoptr(CarnetSheet) sheet = new_sheet (fixture, 0);
  g_autoptr(GBytes) pdf = sheet_pdf (sheet);
  g_autofree char *text = NULL;

  g_assert_true (g_str_has_prefix (g_bytes_get_data (pdf, NULL), "%PDF-"));
  text = pdf_text (fixture, pdf, 0);
  if (text == NULL)
    return;

  assert_in_order (text, (const char * const []) {
    "Consultation sheet — Jeanne Dupont",
    "Thursday, December 3, 2026 at 08:30",
    "Oncology follow-up",
    "Place: Hôpital Saint-Louis, building B",
    "With: Dr Martin",
    "Questions to ask",
    "1. Is the tingling in her fingers expected? (caregiver)",
    "2. Can I travel to Lyon in January?",
    "3. Should I keep the cold cap?",
    "Side effects since the last consultation (November 2, 2026)",
    "Nausea", "Severe (3/4)", "Nov 5, 2026", "Nov 10, 2026", "C2 D3",
    "Fatigue", "Moderate (2/4)", "Oct 20, 2026", "Nov 25, 2026",
    "Results since the last consultation (November 2, 2026)",
    "Echocardiography", "Normal left ventricular",
    "Haemoglobin", "12.4 g/dL", "12 – 16", "Normal", "↑ +1.2 (from 11.2)",
    "Neutrophils", "1.1 G/L", "1.5 – 7", "Low",
    "Current treatments",
    "FEC 100", "Chemotherapy", "Oct 13, 2026", "C3 D10 (6 cycles of 21 days)",
    "Carnet · Jeanne Dupont · made on November 28, 2026", "Page 1 of 1",
    NULL });

  /* What is not for this consultation is not on its sheet. */
  g_assert_null (strstr (text, "Which sunscreen?"));
  g_assert_null (strstr (text, "radiotherapy sessions"));
  g_assert_null (strstr (text, "Headache"));
  g_assert_null (strstr (text, "Lumpectomy"));
  /* One page for a visit like this one. */
  g_assert_cmpuint (count_pages (text), ==, 1);
}

/* The sheet of a past consultation looks back from it. */
static void
test_chosen_consultation (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(CarnetSheet) sheet = new_sheet (fixture, fixture->later);
  g_autoptr(GDateTime) previous = paris_time (2026, 12, 3, 8, 30);
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *text = NULL;

  g_assert_true (g_date_time_equal (sheet->previous, previous));
  g_assert_cmpuint (sheet->questions->len, ==, 1);
  g_assert_cmpuint (sheet->symptoms->len, ==, 0);
  g_assert_cmpuint (sheet->results->len, ==, 0);

  pdf = sheet_pdf (sheet);
  text = pdf_text (fixture, pdf, 0);
  if (text == NULL)
    return;

  assert_in_order (text, (const char * const []) {
    "Thursday, January 7, 2027 at 14:00",
    "1. When do the radiotherapy sessions start?",
    "No side effect noted.",
    "No result since then.",
    "FEC 100",
    "Notes",
    NULL });
}

static void
test_no_consultation (void)
{
  g_autofree char *dir = g_dir_make_tmp ("carnet-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "empty.carnet", NULL);
  g_autoptr(CarnetNotebook) notebook = NULL;
  g_autoptr(CarnetSheet) sheet = NULL;
  g_autoptr(GError) error = NULL;

  notebook = carnet_notebook_open (path, CARNET_OPEN_FLAGS_CREATE, NULL, &error);
  g_assert_no_error (error);

  sheet = carnet_sheet_new (notebook, 0, &error);
  g_assert_null (sheet);
  g_assert_error (error, CARNET_ERROR, CARNET_ERROR_NOT_FOUND);
  g_clear_error (&error);

  sheet = carnet_sheet_new (notebook, 42, &error);
  g_assert_null (sheet);
  g_assert_error (error, CARNET_ERROR, CARNET_ERROR_NOT_FOUND);

  g_clear_object (&notebook);
  remove_tree (dir);
}

/* A long visit flows onto more pages: each numbered, each question whole
 * and once, the results table under its header on every page, a question
 * longer than a page cut between lines. */
static void
test_many_pages (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(CarnetSheet) sheet = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GString) long_question = g_string_new ("Long question:");
  g_autofree char *text = NULL;
  guint n_pages;

  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *question = g_strdup_printf ("Question number %02u about the treatment plan?", i + 1);

      add_question (fixture, question, fixture->next, CARNET_AUTHOR_PATIENT);
    }
  for (guint i = 0; i < 700; i++)
    g_string_append_printf (long_question, " word%03u", i);
  add_question (fixture, long_question->str, fixture->next, CARNET_AUTHOR_PATIENT);
  for (guint i = 0; i < 80; i++)
    {
      g_autoptr(GDateTime) at = paris_time (2026, 11, 3 + i % 20, 8, i % 60);
      g_autofree char *name = g_strdup_printf ("Marker %02u", i);

      add_value (fixture, name, 10 + i, "U/L", 5, 50, at);
    }

  sheet = new_sheet (fixture, 0);
  pdf = sheet_pdf (sheet);
  text = pdf_text (fixture, pdf, 0);
  if (text == NULL)
    return;

  n_pages = count_pages (text);
  g_assert_cmpuint (n_pages, >=, 4);

  for (guint page = 1; page <= n_pages; page++)
    {
      g_autofree char *page_text = pdf_text (fixture, pdf, page);
      g_autofree char *number = g_strdup_printf ("Page %u of %u", page, n_pages);

      g_assert_nonnull (strstr (page_text, number));
      /* A page that goes on with the results starts with their header. */
      if (strstr (page_text, "Marker") != NULL && strstr (page_text, "Results since") == NULL)
        assert_in_order (page_text, (const char * const []) { "Date", "Test", "Value", "Reference",
                                                              "Flag", "Change", "Marker", NULL });
    }

  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *question = g_strdup_printf ("Question number %02u about the treatment plan?", i + 1);
      const char *found = strstr (text, question);

      g_assert_nonnull (found);
      g_assert_null (strstr (found + 1, question));
    }
  for (guint i = 0; i < 700; i++)
    {
      g_autofree char *word = g_strdup_printf ("word%03u", i);

      g_assert_nonnull (strstr (text, word));
    }
  for (guint i = 0; i < 80; i++)
    {
      g_autofree char *name = g_strdup_printf ("Marker %02u", i);

      g_assert_nonnull (strstr (text, name));
    }
}

/* In French, by locale: the words of the translation and numbers with a
 * decimal comma. */
static void
test_french (Fixture       *fixture,
             gconstpointer  user_data)
{
  const char *build = g_getenv ("CARNET_BUILD_ROOT");
  g_autofree char *podir = build ? g_build_filename (build, "po", NULL) : NULL;
  g_autofree char *mo = podir ? g_build_filename (podir, "fr", "LC_MESSAGES", "carnet.mo", NULL) : NULL;
  g_autofree char *saved = g_strdup (setlocale (LC_ALL, NULL));
  g_autoptr(CarnetSheet) sheet = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *text = NULL;

  if (mo == NULL || !g_file_test (mo, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("the French translation is not built");
      return;
    }
  if (setlocale (LC_ALL, "fr_FR.UTF-8") == NULL)
    {
      g_test_skip ("no fr_FR.UTF-8 locale");
      return;
    }
  g_setenv ("LANGUAGE", "fr", TRUE);
  bindtextdomain (GETTEXT_PACKAGE, podir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  sheet = new_sheet (fixture, 0);
  pdf = sheet_pdf (sheet);

  g_setenv ("LANGUAGE", "", TRUE);
  setlocale (LC_ALL, saved);

  text = pdf_text (fixture, pdf, 0);
  if (text == NULL)
    return;

  /* Words the translation has, whatever else it has yet. */
  assert_in_order (text, (const char * const []) { "Sévère (3/4)", "Référence", "12,4 g/dL", "11,2",
                                                   "Chimiothérapie", NULL });
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/core/sheet/gather", Fixture, NULL, fixture_set_up, test_gather, fixture_tear_down);
  g_test_add ("/core/sheet/pdf-text", Fixture, NULL, fixture_set_up, test_pdf_text, fixture_tear_down);
  g_test_add ("/core/sheet/chosen-consultation", Fixture, NULL,
              fixture_set_up, test_chosen_consultation, fixture_tear_down);
  g_test_add_func ("/core/sheet/no-consultation", test_no_consultation);
  g_test_add ("/core/sheet/many-pages", Fixture, NULL, fixture_set_up, test_many_pages, fixture_tear_down);
  g_test_add ("/core/sheet/french", Fixture, NULL, fixture_set_up, test_french, fixture_tear_down);

  return g_test_run ();
}
