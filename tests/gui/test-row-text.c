/* test-row-text.c: what the pages' rows say, and how their lists keep their items
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "carnet-test"

#include "config.h"

#include <locale.h>

#include "carnet.h"
#include "carnet-item.h"
#include "carnet-journal-page.h"
#include "carnet-row-text.h"
#include "carnet-treatments-page.h"

static GTimeZone *paris;

static GDateTime *
at (int year, int month, int day, int hour, int minute)
{
  return g_date_time_new (paris, year, month, day, hour, minute, 0);
}

/* Saturday, November 28, 2026, 10:00 in Paris. */
static GDateTime *
now (void)
{
  return at (2026, 11, 28, 10, 0);
}

static CarnetAppointment *
new_appointment (gint64      id,
                 const char *title,
                 GDateTime  *start,
                 const char *reminders)
{
  CarnetAppointment *appointment = carnet_appointment_new ();
  g_autoptr(GError) error = NULL;

  carnet_record_set_id (CARNET_RECORD (appointment), id);
  carnet_appointment_set_title (appointment, title);
  carnet_appointment_set_start (appointment, start);
  carnet_appointment_set_duration (appointment, 30);
  carnet_appointment_set_reminders (appointment, reminders, &error);
  g_assert_no_error (error);

  return appointment;
}

static CarnetTreatment *
new_chemotherapy (void)
{
  CarnetTreatment *treatment = carnet_treatment_new ();
  GDate start;

  g_date_clear (&start, 1);
  g_date_set_dmy (&start, 3, G_DATE_NOVEMBER, 2026);
  carnet_record_set_id (CARNET_RECORD (treatment), 4);
  carnet_treatment_set_name (treatment, "Paclitaxel");
  carnet_treatment_set_kind (treatment, CARNET_TREATMENT_CHEMOTHERAPY);
  carnet_treatment_set_start (treatment, &start);
  carnet_treatment_set_cycle_days (treatment, 21);
  carnet_treatment_set_cycles (treatment, 6);

  return treatment;
}

static void
test_severity (void)
{
  g_autofree char *none = carnet_row_text_severity (0);
  g_autofree char *moderate = carnet_row_text_severity (2);
  g_autofree char *very = carnet_row_text_severity (4);

  /* A word and a number, never a colour alone. */
  g_assert_cmpstr (none, ==, "None (0)");
  g_assert_cmpstr (moderate, ==, "Moderate (2)");
  g_assert_cmpstr (very, ==, "Very severe (4)");
}

static void
test_reminders (void)
{
  g_autoptr(GDateTime) start = at (2026, 12, 14, 10, 30);
  g_autoptr(CarnetAppointment) several = new_appointment (1, "Consultation", start, "30m,1d,2h");
  g_autoptr(CarnetAppointment) one = new_appointment (2, "Scan", start, "7d");
  g_autoptr(CarnetAppointment) none = new_appointment (3, "Biopsy", start, "");
  g_autofree char *several_text = carnet_row_text_reminders (several);
  g_autofree char *one_text = carnet_row_text_reminders (one);
  g_autofree char *none_text = carnet_row_text_reminders (none);

  /* In the order they fire. */
  g_assert_cmpstr (several_text, ==, "Reminders: 1 day before, 2 hours before, 30 minutes before");
  g_assert_cmpstr (one_text, ==, "Reminder: 7 days before");
  g_assert_cmpstr (none_text, ==, "No reminder");
}

static void
test_small_words (void)
{
  g_autoptr(GDateTime) december = at (2026, 12, 14, 10, 30);
  g_autofree char *month = carnet_row_text_month (december);
  g_autofree char *one = carnet_row_text_questions (1);
  g_autofree char *three = carnet_row_text_questions (3);
  g_autofree char *markup = carnet_row_text_snippet_markup ("…felt [nausea] <after> & [before");
  g_autoptr(CarnetResult) value = carnet_result_new ();
  g_autoptr(CarnetResult) report = carnet_result_new ();
  g_autofree char *value_text = NULL;
  g_autofree char *report_text = NULL;

  g_assert_cmpstr (month, ==, "December 2026");
  g_assert_null (carnet_row_text_questions (0));
  g_assert_cmpstr (one, ==, "1 question to ask");
  g_assert_cmpstr (three, ==, "3 questions to ask");

  /* The match in bold, the rest escaped, always valid markup. */
  g_assert_cmpstr (markup, ==, "…felt <b>nausea</b> &lt;after&gt; &amp; <b>before</b>");
  g_assert_true (pango_parse_markup (markup, -1, 0, NULL, NULL, NULL, NULL));

  carnet_result_set_value (value, 10.6);
  carnet_result_set_unit (value, "g/dL");
  value_text = carnet_row_text_value (value);
  g_assert_cmpstr (value_text, ==, "10.6 g/dL");
  carnet_result_set_text (report, "No sign of recurrence.");
  report_text = carnet_row_text_value (report);
  g_assert_null (report_text);
}

static void
test_upcoming_occurrence (void)
{
  g_autoptr(GDateTime) present = now ();
  g_autoptr(GDateTime) start = at (2026, 12, 1, 10, 30);
  g_autoptr(CarnetAppointment) appointment = new_appointment (7, "Oncology consultation", start, "1d,2h");
  g_autoptr(CarnetOccurrence) occurrence = NULL;
  g_auto(CarnetRowText) text = { 0 };

  carnet_appointment_set_location (appointment, "Day hospital");
  occurrence = carnet_occurrence_new (appointment, start, CARNET_STATUS_PLANNED);
  carnet_row_text_for_occurrence (&text, occurrence, 2, FALSE, present);

  g_assert_cmpint (text.kind, ==, CARNET_RECORD_APPOINTMENT);
  g_assert_cmpint (text.id, ==, 7);
  g_assert_true (text.editable);
  g_assert_cmpstr (text.title, ==, "Oncology consultation");
  g_assert_cmpstr (text.subtitle, ==, "Tuesday, December 1 at 10:30\nDay hospital");
  g_assert_cmpstr (text.badge, ==, "In 3 days");
  g_assert_cmpstr (text.detail, ==, "2 questions to ask\nReminders: 1 day before, 2 hours before");
  /* Nothing to mark done yet: the menu has it, there is no button. */
  g_assert_null (text.button_label);
  g_assert_true (g_date_time_equal (text.occurrence, start));
}

static void
test_missed_occurrence (void)
{
  g_autoptr(GDateTime) present = now ();
  g_autoptr(GDateTime) start = at (2026, 11, 20, 8, 0);
  g_autoptr(CarnetAppointment) appointment = new_appointment (9, "Blood test", start, "1d");
  g_autoptr(CarnetOccurrence) occurrence = NULL;
  g_auto(CarnetRowText) text = { 0 };
  g_auto(CarnetRowText) late = { 0 };
  gint64 id;
  gint64 when;

  occurrence = carnet_occurrence_new (appointment, start, CARNET_STATUS_PLANNED);
  carnet_row_text_for_occurrence (&text, occurrence, 0, FALSE, present);

  g_assert_cmpstr (text.badge, ==, "8 days ago");
  g_assert_cmpstr (text.badge_class, ==, "carnet-missed");
  g_assert_cmpstr (text.detail, ==, "Not marked as done yet.");
  /* One button marks this very occurrence done. */
  g_assert_cmpstr (text.button_label, ==, "Mark Done");
  g_assert_cmpstr (text.button_action, ==, "record.mark-done");
  g_assert_true (g_variant_is_of_type (text.button_target, G_VARIANT_TYPE ("(xx)")));
  g_variant_get (text.button_target, "(xx)", &id, &when);
  g_assert_cmpint (id, ==, 9);
  g_assert_cmpint (when, ==, g_date_time_to_unix (start));

  carnet_row_text_for_occurrence (&late, occurrence, 0, TRUE, present);
  g_assert_cmpstr (late.detail, ==, "Its reminder could not be shown in time: Carnet was not running.");
}

static void
test_side_effect (void)
{
  g_autoptr(GDateTime) present = now ();
  g_autoptr(GDateTime) onset = at (2026, 11, 24, 9, 0);
  g_autoptr(GDateTime) end = at (2026, 11, 26, 9, 0);
  g_autoptr(CarnetSideEffect) side_effect = carnet_side_effect_new ();
  g_auto(CarnetRowText) text = { 0 };

  carnet_record_set_id (CARNET_RECORD (side_effect), 12);
  carnet_side_effect_set_symptom (side_effect, "Nausea");
  carnet_side_effect_set_severity (side_effect, 2);
  carnet_side_effect_set_at (side_effect, onset);
  carnet_side_effect_set_until (side_effect, end);
  carnet_side_effect_set_cycle (side_effect, "C3 D8");
  carnet_side_effect_set_notes (side_effect, "After the infusion\nand the day after");

  carnet_row_text_for_side_effect (&text, side_effect, "Paclitaxel", present);
  g_assert_cmpint (text.kind, ==, CARNET_RECORD_SIDE_EFFECT);
  g_assert_cmpstr (text.title, ==, "Nausea");
  g_assert_cmpstr (text.badge, ==, "Moderate (2)");
  g_assert_cmpstr (text.badge_class, ==, "carnet-severity-2");
  g_assert_cmpstr (text.subtitle, ==, "Tuesday, November 24 – Thursday, November 26");
  g_assert_cmpstr (text.detail, ==, "Paclitaxel · C3 D8\nAfter the infusion");
}

static void
test_treatment (void)
{
  g_autoptr(GDateTime) present = now ();
  g_autoptr(CarnetTreatment) treatment = new_chemotherapy ();
  g_autoptr(GDate) today = carnet_date_from_time (present);
  g_auto(CarnetRowText) text = { 0 };
  g_auto(CarnetRowText) finished = { 0 };
  GDate end;

  /* Started on November 3: November 28 is the 5th day of the 2nd cycle. */
  carnet_row_text_for_treatment (&text, treatment, present);
  g_assert_cmpstr (text.title, ==, "Paclitaxel");
  g_assert_cmpstr (text.subtitle, ==, "Since November 3, 2026");
  g_assert_cmpstr (text.detail, ==, "Chemotherapy · 6 cycles of 21 days · Today: C2 D5");
  g_assert_cmpstr (text.badge, ==, "Ongoing");
  g_assert_cmpint (carnet_treatment_stage (treatment, today), ==, CARNET_TREATMENT_STAGE_ONGOING);

  g_date_clear (&end, 1);
  g_date_set_dmy (&end, 20, G_DATE_NOVEMBER, 2026);
  carnet_treatment_set_end (treatment, &end);
  carnet_row_text_for_treatment (&finished, treatment, present);
  g_assert_cmpstr (finished.subtitle, ==, "From November 3, 2026 to November 20, 2026");
  g_assert_cmpstr (finished.badge, ==, "Finished");

  /* A surgery takes a day. */
  carnet_treatment_set_end (treatment, carnet_treatment_get_start (treatment));
  {
    g_autofree char *one_day = carnet_row_text_treatment_dates (treatment, present);

    g_assert_cmpstr (one_day, ==, "On November 3, 2026");
  }
  g_assert_cmpint (carnet_treatment_stage (treatment, today), ==, CARNET_TREATMENT_STAGE_FINISHED);
}

static void
test_treatment_order (void)
{
  g_autoptr(GDateTime) present = now ();
  g_autoptr(GDate) today = carnet_date_from_time (present);
  g_autoptr(CarnetTreatment) ongoing = new_chemotherapy ();
  g_autoptr(CarnetTreatment) soon = carnet_treatment_new ();
  g_autoptr(CarnetTreatment) later = carnet_treatment_new ();
  g_autoptr(CarnetTreatment) over = carnet_treatment_new ();
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 5, G_DATE_JANUARY, 2027);
  carnet_treatment_set_start (soon, &date);
  g_date_set_dmy (&date, 5, G_DATE_MARCH, 2027);
  carnet_treatment_set_start (later, &date);
  g_date_set_dmy (&date, 5, G_DATE_MARCH, 2026);
  carnet_treatment_set_start (over, &date);
  g_date_set_dmy (&date, 5, G_DATE_APRIL, 2026);
  carnet_treatment_set_end (over, &date);

  g_assert_cmpint (carnet_treatment_stage (soon, today), ==, CARNET_TREATMENT_STAGE_PLANNED);
  /* Ongoing, then planned (soonest first), then finished. */
  g_assert_cmpint (carnet_treatments_compare (ongoing, soon, today), <, 0);
  g_assert_cmpint (carnet_treatments_compare (soon, later, today), <, 0);
  g_assert_cmpint (carnet_treatments_compare (later, over, today), <, 0);
  g_assert_cmpint (carnet_treatments_compare (over, ongoing, today), >, 0);
}

static void
test_result (void)
{
  g_autoptr(GDateTime) present = now ();
  g_autoptr(GDateTime) taken = at (2026, 11, 27, 8, 0);
  g_autoptr(CarnetResult) result = carnet_result_new ();
  g_auto(CarnetRowText) text = { 0 };

  carnet_record_set_id (CARNET_RECORD (result), 3);
  carnet_result_set_name (result, "Haemoglobin");
  carnet_result_set_value (result, 10.6);
  carnet_result_set_unit (result, "g/dL");
  carnet_result_set_low (result, 12);
  carnet_result_set_high (result, 16);
  carnet_result_set_at (result, taken);

  carnet_row_text_for_record (&text, CARNET_RECORD (result), NULL, present);
  g_assert_cmpstr (text.title, ==, "Haemoglobin");
  g_assert_cmpstr (text.subtitle, ==, "Yesterday");
  /* The flag is a word; its colour comes on top. */
  g_assert_cmpstr (text.badge, ==, "Low");
  g_assert_cmpstr (text.badge_class, ==, "carnet-flag-low");
  g_assert_cmpstr (text.detail, ==, "10.6 g/dL · Normal range 12–16");
}

static void
test_question (void)
{
  g_autoptr(GDateTime) present = now ();
  g_autoptr(GDateTime) created = at (2026, 11, 28, 9, 0);
  g_autoptr(CarnetQuestion) question = carnet_question_new ();
  g_auto(CarnetRowText) text = { 0 };

  carnet_record_set_id (CARNET_RECORD (question), 5);
  carnet_question_set_text (question, "Can I travel in January?\nFor a week.");
  carnet_question_set_author (question, CARNET_AUTHOR_CAREGIVER);
  carnet_question_set_created (question, created);

  carnet_row_text_for_record (&text, CARNET_RECORD (question), NULL, present);
  g_assert_cmpstr (text.title, ==, "Can I travel in January?");
  g_assert_cmpstr (text.subtitle, ==, "Today · By: Caregiver");
  g_assert_cmpstr (text.badge, ==, "Open");
  g_assert_null (text.detail);
}

static void
test_trashed (void)
{
  g_autoptr(GDateTime) present = now ();
  g_autoptr(GDateTime) trashed = at (2026, 11, 25, 18, 0);
  g_autoptr(CarnetSideEffect) side_effect = carnet_side_effect_new ();
  g_auto(CarnetRowText) text = { 0 };
  const char *nick;
  gint64 id;

  carnet_record_set_id (CARNET_RECORD (side_effect), 12);
  carnet_side_effect_set_symptom (side_effect, "Fatigue");
  carnet_record_set_trashed (CARNET_RECORD (side_effect), trashed);

  carnet_row_text_for_trashed (&text, CARNET_RECORD (side_effect), present);
  g_assert_cmpstr (text.title, ==, "Fatigue");
  g_assert_cmpstr (text.subtitle, ==, "Side effect");
  g_assert_cmpstr (text.detail, ==, "Deleted 3 days ago · Removed for good in 27 days");
  g_assert_false (text.editable);
  g_assert_cmpstr (text.button_label, ==, "Restore");
  g_assert_cmpstr (text.button_action, ==, "record.restore");
  g_variant_get (text.button_target, "(&sx)", &nick, &id);
  g_assert_cmpstr (nick, ==, "side-effect");
  g_assert_cmpint (id, ==, 12);
}

static void
test_hit (void)
{
  g_autoptr(GDateTime) present = now ();
  g_autoptr(GDateTime) when = at (2026, 11, 24, 9, 0);
  g_autoptr(CarnetSearchHit) hit = carnet_search_hit_new (CARNET_RECORD_SIDE_EFFECT, 12, "Nausea",
                                                          "strong [nausea] after", when);
  g_auto(CarnetRowText) text = { 0 };

  carnet_row_text_for_hit (&text, hit, present);
  g_assert_cmpstr (text.title, ==, "Nausea");
  g_assert_cmpstr (text.subtitle, ==, "Side effect · Tuesday, November 24");
  g_assert_true (text.detail_markup);
  g_assert_cmpstr (text.detail, ==, "strong <b>nausea</b> after");
  g_assert_true (text.editable);
  g_assert_cmpint (text.id, ==, 12);

  /* Found by its title alone: the snippet would only repeat it. */
  {
    g_autoptr(CarnetSearchHit) by_title = carnet_search_hit_new (CARNET_RECORD_SIDE_EFFECT, 13,
                                                                 "Nausea", "[Nausea]", when);
    g_auto(CarnetRowText) title_only = { 0 };

    carnet_row_text_for_hit (&title_only, by_title, present);
    g_assert_null (title_only.detail);
  }
}

static void
test_empty_states (void)
{
  CarnetEmptyState state;

  /* Each tells what goes there and adds the first one of its kind. */
  carnet_row_text_empty_state (CARNET_RECORD_SIDE_EFFECT, &state);
  g_assert_cmpstr (state.title, ==, "No Side Effects");
  g_assert_cmpstr (state.add_kind, ==, "side-effect");
  carnet_row_text_empty_state (CARNET_RECORD_TREATMENT, &state);
  g_assert_cmpstr (state.add_kind, ==, "treatment");
  carnet_row_text_empty_state (-1, &state);
  g_assert_cmpstr (state.title, ==, "Nothing Written Yet");
  g_assert_cmpstr (state.add_kind, ==, "appointment");
}

static void
test_journal_order (void)
{
  g_autoptr(GDateTime) early = at (2026, 10, 1, 8, 0);
  g_autoptr(GDateTime) late = at (2026, 11, 1, 8, 0);
  g_autoptr(CarnetAppointment) old = new_appointment (1, "Old", early, "");
  g_autoptr(CarnetAppointment) recent = new_appointment (2, "Recent", late, "");
  g_autoptr(CarnetQuestion) undated = carnet_question_new ();

  /* Newest first, undated last. */
  g_assert_cmpint (carnet_journal_compare_records (CARNET_RECORD (recent), CARNET_RECORD (old)), <, 0);
  g_assert_cmpint (carnet_journal_compare_records (CARNET_RECORD (old), CARNET_RECORD (recent)), >, 0);
  g_assert_cmpint (carnet_journal_compare_records (CARNET_RECORD (undated), CARNET_RECORD (old)), >, 0);
}

typedef struct
{
  guint position;
  guint removed;
  guint added;
  guint calls;
} Change;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Change     *change)
{
  change->position = position;
  change->removed = removed;
  change->added = added;
  change->calls++;
}

static GPtrArray *
items_of (const char * const *keys)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_autoptr(GObject) object = g_object_new (G_TYPE_OBJECT, NULL);

      g_ptr_array_add (items, carnet_item_new (keys[i], object));
    }

  return items;
}

static void
test_item_store (void)
{
  static const char * const before[] = { "a", "b", "c", "d", NULL };
  static const char * const after[] = { "a", "b", "x", "c", "d", NULL };
  static const char * const fewer[] = { "a", "d", NULL };
  g_autoptr(GListStore) store = g_list_store_new (CARNET_TYPE_ITEM);
  g_autoptr(GPtrArray) first = items_of (before);
  g_autoptr(GPtrArray) second = items_of (after);
  g_autoptr(GPtrArray) third = items_of (fewer);
  g_autoptr(CarnetItem) kept = NULL;
  g_autoptr(CarnetItem) kept_again = NULL;
  Change change = { 0 };

  carnet_item_store_update (store, first);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 4);
  kept = g_list_model_get_item (G_LIST_MODEL (store), 3);

  g_signal_connect (store, "items-changed", G_CALLBACK (on_items_changed), &change);

  /* One record more: one insertion, the others keep their items and get
   * their new objects (a reload reads every record afresh). */
  carnet_item_store_update (store, second);
  g_assert_cmpuint (change.calls, ==, 1);
  g_assert_cmpuint (change.position, ==, 2);
  g_assert_cmpuint (change.removed, ==, 0);
  g_assert_cmpuint (change.added, ==, 1);
  kept_again = g_list_model_get_item (G_LIST_MODEL (store), 4);
  g_assert_true (kept == kept_again);
  g_assert_true (carnet_item_get_object (kept) ==
                 carnet_item_get_object (g_ptr_array_index (second, 4)));
  g_assert_cmpuint (carnet_item_store_find (G_LIST_MODEL (store), "x"), ==, 2);

  /* The same again: no change at all. */
  carnet_item_store_update (store, second);
  g_assert_cmpuint (change.calls, ==, 1);

  /* Two gone from the middle: one change over them only. */
  carnet_item_store_update (store, third);
  g_assert_cmpuint (change.calls, ==, 2);
  g_assert_cmpuint (change.position, ==, 1);
  g_assert_cmpuint (change.removed, ==, 3);
  g_assert_cmpuint (change.added, ==, 0);
  g_assert_cmpuint (carnet_item_store_find (G_LIST_MODEL (store), "x"), ==, G_MAXUINT);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  paris = g_time_zone_new_identifier ("Europe/Paris");

  g_test_add_func ("/gui/row-text/severity", test_severity);
  g_test_add_func ("/gui/row-text/reminders", test_reminders);
  g_test_add_func ("/gui/row-text/small-words", test_small_words);
  g_test_add_func ("/gui/row-text/upcoming-occurrence", test_upcoming_occurrence);
  g_test_add_func ("/gui/row-text/missed-occurrence", test_missed_occurrence);
  g_test_add_func ("/gui/row-text/side-effect", test_side_effect);
  g_test_add_func ("/gui/row-text/treatment", test_treatment);
  g_test_add_func ("/gui/row-text/treatment-order", test_treatment_order);
  g_test_add_func ("/gui/row-text/result", test_result);
  g_test_add_func ("/gui/row-text/question", test_question);
  g_test_add_func ("/gui/row-text/trashed", test_trashed);
  g_test_add_func ("/gui/row-text/hit", test_hit);
  g_test_add_func ("/gui/row-text/empty-states", test_empty_states);
  g_test_add_func ("/gui/row-text/journal-order", test_journal_order);
  g_test_add_func ("/gui/row-text/item-store", test_item_store);

  return g_test_run ();
}
