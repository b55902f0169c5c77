/* test-records.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The records' rules: what they accept, what they refuse (and which field the
 * message is about), what they compute, and that they notify only changes.
 */
#include "config.h"

#include <math.h>

#include "carnet.h"

static GTimeZone *paris;

static GDateTime *
paris_time (int year,
            int month,
            int day,
            int hour,
            int minute)
{
  return g_date_time_new (paris, year, month, day, hour, minute, 0);
}

static GDate *
new_date (int year,
          int month,
          int day)
{
  return g_date_new_dmy (day, month, year);
}

static void
assert_invalid (gpointer    record,
                const char *field)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (carnet_record_validate (CARNET_RECORD (record), &error));
  g_assert_error (error, CARNET_ERROR, CARNET_ERROR_INVALID);
  g_assert_cmpstr (carnet_error_get_field (error), ==, field);
  g_assert_nonnull (error->message);
  g_assert_cmpstr (error->message, !=, "");
}

static void
assert_invalid_message (gpointer    record,
                        const char *field,
                        const char *message)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (carnet_record_validate (CARNET_RECORD (record), &error));
  g_assert_error (error, CARNET_ERROR, CARNET_ERROR_INVALID);
  g_assert_cmpstr (carnet_error_get_field (error), ==, field);
  g_assert_cmpstr (error->message, ==, message);
}

static void
assert_valid (gpointer record)
{
  g_autoptr(GError) error = NULL;

  carnet_record_validate (CARNET_RECORD (record), &error);
  g_assert_no_error (error);
}

/* Counts the notifications of one property. */
typedef struct
{
  guint count;
} NotifyCounter;

static void
on_notify_cb (GObject       *object,
              GParamSpec    *pspec,
              NotifyCounter *counter)
{
  counter->count++;
}

static void
watch (gpointer       object,
       const char    *property,
       NotifyCounter *counter)
{
  g_autofree char *signal = g_strconcat ("notify::", property, NULL);

  counter->count = 0;
  g_signal_connect (object, signal, G_CALLBACK (on_notify_cb), counter);
}

static CarnetAppointment *
new_valid_appointment (void)
{
  CarnetAppointment *appointment = carnet_appointment_new ();
  g_autoptr(GDateTime) start = paris_time (2026, 12, 3, 8, 30);

  carnet_appointment_set_title (appointment, "Oncology consultation");
  carnet_appointment_set_start (appointment, start);

  return appointment;
}

static CarnetResult *
new_valid_result (void)
{
  CarnetResult *result = carnet_result_new ();
  g_autoptr(GDateTime) at = paris_time (2026, 12, 3, 8, 30);

  carnet_result_set_name (result, "Haemoglobin");
  carnet_result_set_value (result, 12.5);
  carnet_result_set_at (result, at);

  return result;
}

static CarnetSideEffect *
new_valid_side_effect (void)
{
  CarnetSideEffect *side_effect = carnet_side_effect_new ();
  g_autoptr(GDateTime) at = paris_time (2026, 12, 3, 8, 30);

  carnet_side_effect_set_symptom (side_effect, "Nausea");
  carnet_side_effect_set_severity (side_effect, 2);
  carnet_side_effect_set_at (side_effect, at);

  return side_effect;
}

static CarnetTreatment *
new_valid_treatment (void)
{
  CarnetTreatment *treatment = carnet_treatment_new ();
  g_autoptr(GDate) start = new_date (2026, 1, 5);

  carnet_treatment_set_name (treatment, "FEC 100");
  carnet_treatment_set_start (treatment, start);

  return treatment;
}

static void
test_kinds (void)
{
  struct {
    CarnetRecordKind kind;
    GType (*get_type) (void);
    const char *nick;
  } kinds[] = {
    { CARNET_RECORD_APPOINTMENT, carnet_appointment_get_type, "appointment" },
    { CARNET_RECORD_RESULT, carnet_result_get_type, "result" },
    { CARNET_RECORD_SIDE_EFFECT, carnet_side_effect_get_type, "side-effect" },
    { CARNET_RECORD_QUESTION, carnet_question_get_type, "question" },
    { CARNET_RECORD_TREATMENT, carnet_treatment_get_type, "treatment" },
  };

  g_assert_cmpint (G_N_ELEMENTS (kinds), ==, CARNET_N_RECORD_KINDS);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      GType type = carnet_record_kind_get_gtype (kinds[i].kind);
      g_autoptr(CarnetRecord) record = NULL;
      CarnetRecordKind property_kind;
      int value;

      g_assert_true (type == kinds[i].get_type ());
      g_assert_true (g_type_is_a (type, CARNET_TYPE_RECORD));

      record = g_object_new (type, NULL);
      g_assert_cmpint (carnet_record_get_kind (record), ==, kinds[i].kind);
      g_object_get (record, "record-kind", &property_kind, NULL);
      g_assert_cmpint (property_kind, ==, kinds[i].kind);

      g_assert_cmpint (carnet_record_get_id (record), ==, 0);
      g_assert_null (carnet_record_get_trashed (record));

      g_assert_cmpstr (carnet_enum_to_nick (CARNET_TYPE_RECORD_KIND, kinds[i].kind), ==,
                       kinds[i].nick);
      g_assert_true (carnet_enum_from_nick (CARNET_TYPE_RECORD_KIND, kinds[i].nick, &value));
      g_assert_cmpint (value, ==, kinds[i].kind);
      g_assert_nonnull (carnet_record_kind_label (kinds[i].kind));

      g_assert_finalize_object (g_steal_pointer (&record));
    }
}

static void
test_nicks (void)
{
  int value = -1;

  /* The words of the file format, the JSON and carnet-cli. */
  g_assert_cmpstr (carnet_enum_to_nick (CARNET_TYPE_APPOINTMENT_KIND, CARNET_APPOINTMENT_BLOOD_TEST),
                   ==, "blood-test");
  g_assert_cmpstr (carnet_enum_to_nick (CARNET_TYPE_TREATMENT_KIND, CARNET_TREATMENT_HORMONE_THERAPY),
                   ==, "hormone-therapy");
  g_assert_cmpstr (carnet_enum_to_nick (CARNET_TYPE_STATUS, CARNET_STATUS_PLANNED), ==, "planned");
  g_assert_cmpstr (carnet_enum_to_nick (CARNET_TYPE_QUESTION_STATUS, CARNET_QUESTION_ANSWERED),
                   ==, "answered");
  g_assert_cmpstr (carnet_enum_to_nick (CARNET_TYPE_AUTHOR, CARNET_AUTHOR_CAREGIVER), ==, "caregiver");
  g_assert_cmpstr (carnet_enum_to_nick (CARNET_TYPE_FLAG, CARNET_FLAG_HIGH), ==, "high");
  g_assert_null (carnet_enum_to_nick (CARNET_TYPE_STATUS, 42));

  g_assert_true (carnet_enum_from_nick (CARNET_TYPE_TREATMENT_KIND, "targeted-therapy", &value));
  g_assert_cmpint (value, ==, CARNET_TREATMENT_TARGETED_THERAPY);
  g_assert_true (carnet_enum_from_nick (CARNET_TYPE_STATUS, "missed", &value));
  g_assert_cmpint (value, ==, CARNET_STATUS_MISSED);

  value = -1;
  g_assert_false (carnet_enum_from_nick (CARNET_TYPE_APPOINTMENT_KIND, "blood_test", &value));
  g_assert_false (carnet_enum_from_nick (CARNET_TYPE_APPOINTMENT_KIND, "", &value));
  g_assert_false (carnet_enum_from_nick (CARNET_TYPE_APPOINTMENT_KIND, NULL, &value));
  g_assert_cmpint (value, ==, -1);
}

static void
test_labels (void)
{
  /* The tests run in C.UTF-8: the labels are the English originals. */
  g_assert_cmpstr (carnet_appointment_kind_label (CARNET_APPOINTMENT_BLOOD_TEST), ==, "Blood test");
  g_assert_cmpstr (carnet_treatment_kind_label (CARNET_TREATMENT_HORMONE_THERAPY), ==,
                   "Hormone therapy");
  g_assert_cmpstr (carnet_status_label (CARNET_STATUS_CANCELLED), ==, "Cancelled");
  g_assert_cmpstr (carnet_question_status_label (CARNET_QUESTION_ASKED), ==, "Asked");
  g_assert_cmpstr (carnet_author_label (CARNET_AUTHOR_CAREGIVER), ==, "Caregiver");

  g_assert_cmpstr (carnet_flag_label (CARNET_FLAG_LOW), ==, "Low");
  g_assert_cmpstr (carnet_flag_label (CARNET_FLAG_NORMAL), ==, "Normal");
  g_assert_cmpstr (carnet_flag_label (CARNET_FLAG_HIGH), ==, "High");
  g_assert_cmpstr (carnet_flag_label (CARNET_FLAG_NONE), ==, "");

  g_assert_cmpstr (carnet_severity_label (0), ==, "None");
  g_assert_cmpstr (carnet_severity_label (1), ==, "Mild");
  g_assert_cmpstr (carnet_severity_label (2), ==, "Moderate");
  g_assert_cmpstr (carnet_severity_label (3), ==, "Severe");
  g_assert_cmpstr (carnet_severity_label (4), ==, "Very severe");
  g_assert_null (carnet_severity_label (-1));
  g_assert_null (carnet_severity_label (5));

  /* Every value of every enumeration has a label. */
  for (int i = CARNET_APPOINTMENT_CONSULTATION; i <= CARNET_APPOINTMENT_OTHER; i++)
    g_assert_nonnull (carnet_appointment_kind_label (i));
  for (int i = CARNET_TREATMENT_CHEMOTHERAPY; i <= CARNET_TREATMENT_OTHER; i++)
    g_assert_nonnull (carnet_treatment_kind_label (i));
  for (int i = CARNET_STATUS_PLANNED; i <= CARNET_STATUS_MISSED; i++)
    g_assert_nonnull (carnet_status_label (i));
}

static void
test_record_notify (void)
{
  g_autoptr(CarnetQuestion) question = carnet_question_new ();
  g_autoptr(GDateTime) trashed = paris_time (2026, 12, 3, 8, 30);
  g_autoptr(GDateTime) same_instant = g_date_time_to_utc (trashed);
  NotifyCounter id = { 0 }, trashed_counter = { 0 };

  watch (question, "id", &id);
  watch (question, "trashed", &trashed_counter);

  carnet_record_set_id (CARNET_RECORD (question), 12);
  carnet_record_set_id (CARNET_RECORD (question), 12);
  g_assert_cmpint (id.count, ==, 1);
  g_assert_cmpint (carnet_record_get_id (CARNET_RECORD (question)), ==, 12);

  carnet_record_set_trashed (CARNET_RECORD (question), trashed);
  carnet_record_set_trashed (CARNET_RECORD (question), trashed);
  g_assert_cmpint (trashed_counter.count, ==, 1);
  g_assert_true (carnet_record_get_trashed (CARNET_RECORD (question)) == trashed);

  /* The same instant in another zone is another value. */
  carnet_record_set_trashed (CARNET_RECORD (question), same_instant);
  g_assert_cmpint (trashed_counter.count, ==, 2);

  carnet_record_set_trashed (CARNET_RECORD (question), NULL);
  carnet_record_set_trashed (CARNET_RECORD (question), NULL);
  g_assert_cmpint (trashed_counter.count, ==, 3);

  g_assert_finalize_object (g_steal_pointer (&question));
}

static void
test_appointment_properties (void)
{
  g_autoptr(CarnetAppointment) appointment = carnet_appointment_new ();
  g_autoptr(GDateTime) start = paris_time (2026, 12, 3, 8, 30);
  g_autoptr(GDateTime) same_start = paris_time (2026, 12, 3, 8, 30);
  g_autoptr(GDateTime) got_start = NULL;
  g_autofree char *title = NULL;
  g_autofree char *practitioner = NULL;
  NotifyCounter title_counter, start_counter, kind, all_day, duration, practitioner_counter;
  NotifyCounter status, reminders, repeat;
  CarnetAppointmentKind got_kind;
  gboolean got_all_day;
  guint got_duration;

  /* Defaults */
  g_assert_null (carnet_appointment_get_title (appointment));
  g_assert_cmpint (carnet_appointment_get_kind (appointment), ==, CARNET_APPOINTMENT_CONSULTATION);
  g_assert_cmpint (carnet_appointment_get_status (appointment), ==, CARNET_STATUS_PLANNED);
  g_assert_cmpstr (carnet_appointment_get_reminders (appointment), ==, "");
  g_assert_null (carnet_appointment_get_repeat (appointment));

  watch (appointment, "title", &title_counter);
  watch (appointment, "start", &start_counter);
  watch (appointment, "kind", &kind);
  watch (appointment, "all-day", &all_day);
  watch (appointment, "duration", &duration);
  watch (appointment, "practitioner", &practitioner_counter);
  watch (appointment, "status", &status);
  watch (appointment, "reminders", &reminders);
  watch (appointment, "repeat", &repeat);

  carnet_appointment_set_title (appointment, "Scanner");
  carnet_appointment_set_title (appointment, "Scanner");
  g_object_set (appointment, "title", "Scanner", NULL);
  g_assert_cmpint (title_counter.count, ==, 1);

  /* An empty text is no text. */
  carnet_appointment_set_title (appointment, "");
  g_assert_null (carnet_appointment_get_title (appointment));
  carnet_appointment_set_title (appointment, NULL);
  g_assert_cmpint (title_counter.count, ==, 2);

  carnet_appointment_set_start (appointment, start);
  carnet_appointment_set_start (appointment, same_start);
  g_assert_cmpint (start_counter.count, ==, 1);

  carnet_appointment_set_kind (appointment, CARNET_APPOINTMENT_IMAGING);
  g_object_set (appointment, "kind", CARNET_APPOINTMENT_IMAGING, NULL);
  g_assert_cmpint (kind.count, ==, 1);

  carnet_appointment_set_all_day (appointment, TRUE);
  carnet_appointment_set_all_day (appointment, 2);
  g_assert_cmpint (all_day.count, ==, 1);

  carnet_appointment_set_duration (appointment, 45);
  carnet_appointment_set_duration (appointment, 45);
  g_assert_cmpint (duration.count, ==, 1);

  g_object_set (appointment, "practitioner", "Dr Martin", NULL);
  g_object_set (appointment, "practitioner", "Dr Martin", NULL);
  g_assert_cmpint (practitioner_counter.count, ==, 1);

  carnet_appointment_set_status (appointment, CARNET_STATUS_DONE);
  carnet_appointment_set_status (appointment, CARNET_STATUS_DONE);
  g_assert_cmpint (status.count, ==, 1);

  g_assert_true (carnet_appointment_set_reminders (appointment, "1d,2h", NULL));
  /* The same offsets written otherwise are the same reminders. */
  g_assert_true (carnet_appointment_set_reminders (appointment, "2h, 1d", NULL));
  g_assert_cmpint (reminders.count, ==, 1);

  carnet_appointment_set_repeat (appointment, "FREQ=MONTHLY;INTERVAL=6;COUNT=10");
  carnet_appointment_set_repeat (appointment, "FREQ=MONTHLY;INTERVAL=6;COUNT=10");
  g_assert_cmpint (repeat.count, ==, 1);

  g_object_get (appointment,
                "title", &title,
                "kind", &got_kind,
                "start", &got_start,
                "all-day", &got_all_day,
                "duration", &got_duration,
                "practitioner", &practitioner,
                NULL);
  g_assert_null (title);
  g_assert_cmpint (got_kind, ==, CARNET_APPOINTMENT_IMAGING);
  g_assert_true (g_date_time_equal (got_start, start));
  g_assert_true (got_all_day);
  g_assert_cmpuint (got_duration, ==, 45);
  g_assert_cmpstr (practitioner, ==, "Dr Martin");

  g_assert_finalize_object (g_steal_pointer (&appointment));
}

static void
test_appointment_validate (void)
{
  g_autoptr(CarnetAppointment) appointment = new_valid_appointment ();
  g_autoptr(GDateTime) start = g_date_time_ref (carnet_appointment_get_start (appointment));

  assert_valid (appointment);

  carnet_appointment_set_title (appointment, NULL);
  assert_invalid (appointment, "title");
  carnet_appointment_set_title (appointment, "  \n\t ");
  assert_invalid (appointment, "title");
  carnet_appointment_set_title (appointment, "Blood test");
  assert_valid (appointment);

  carnet_appointment_set_kind (appointment, 42);
  assert_invalid (appointment, "kind");
  carnet_appointment_set_kind (appointment, CARNET_APPOINTMENT_BLOOD_TEST);

  carnet_appointment_set_start (appointment, NULL);
  assert_invalid (appointment, "start");
  carnet_appointment_set_start (appointment, start);

  carnet_appointment_set_duration (appointment, CARNET_DURATION_MAX_MINUTES);
  assert_valid (appointment);
  carnet_appointment_set_duration (appointment, CARNET_DURATION_MAX_MINUTES + 1);
  assert_invalid (appointment, "duration");
  carnet_appointment_set_duration (appointment, 30);

  carnet_appointment_set_practitioner (appointment, "Dr\x01Martin");
  assert_invalid (appointment, "with");
  carnet_appointment_set_practitioner (appointment, NULL);

  carnet_appointment_set_status (appointment, -1);
  assert_invalid (appointment, "status");
  carnet_appointment_set_status (appointment, CARNET_STATUS_PLANNED);

  carnet_appointment_set_repeat (appointment, "FREQ=SOMETIMES");
  assert_invalid (appointment, "repeat");
  carnet_appointment_set_repeat (appointment, "FREQ=WEEKLY;INTERVAL=3;UNTIL=20270601T000000Z");
  assert_valid (appointment);
  carnet_appointment_set_repeat (appointment, "");
  g_assert_null (carnet_appointment_get_repeat (appointment));

  g_assert_finalize_object (g_steal_pointer (&appointment));
}

static void
test_appointment_text_rules (void)
{
  g_autoptr(CarnetAppointment) appointment = new_valid_appointment ();
  g_autofree char *longest = g_strnfill (CARNET_TITLE_MAX_CHARS, 'a');
  g_autofree char *too_long = g_strnfill (CARNET_TITLE_MAX_CHARS + 1, 'a');
  g_autofree char *notes_too_long = g_strnfill (CARNET_TEXT_MAX_CHARS + 1, 'n');
  g_autoptr(GString) accented = g_string_new (NULL);

  /* Invalid UTF-8 */
  carnet_appointment_set_title (appointment, "Scanner \xff\xfe");
  assert_invalid (appointment, "title");

  /* Control characters; newlines and tabs are fine. */
  carnet_appointment_set_title (appointment, "Scanner\x1b[31m");
  assert_invalid (appointment, "title");
  carnet_appointment_set_title (appointment, "Scanner\x7f");
  assert_invalid (appointment, "title");
  carnet_appointment_set_title (appointment, "Scanner\tthorax");
  assert_valid (appointment);
  carnet_appointment_set_notes (appointment, "Fasting\nBring the previous CD");
  assert_valid (appointment);

  /* Lengths count characters, not bytes. */
  carnet_appointment_set_title (appointment, longest);
  assert_valid (appointment);
  carnet_appointment_set_title (appointment, too_long);
  assert_invalid (appointment, "title");
  for (guint i = 0; i < CARNET_TITLE_MAX_CHARS; i++)
    g_string_append (accented, "é");
  carnet_appointment_set_title (appointment, accented->str);
  assert_valid (appointment);

  carnet_appointment_set_location (appointment, too_long);
  assert_invalid (appointment, "location");
  carnet_appointment_set_location (appointment, "Hôpital Saint-Louis");

  carnet_appointment_set_notes (appointment, notes_too_long);
  assert_invalid (appointment, "notes");

  g_assert_finalize_object (g_steal_pointer (&appointment));
}

static void
test_appointment_end (void)
{
  g_autoptr(CarnetAppointment) appointment = new_valid_appointment ();
  g_autoptr(GDateTime) end = NULL;
  g_autoptr(GDateTime) expected = NULL;
  g_autoptr(GDateTime) midnight = paris_time (2026, 3, 29, 0, 0);
  g_autoptr(GDateTime) occurrence = paris_time (2027, 6, 3, 8, 30);

  /* Unknown duration: no end. */
  end = carnet_appointment_dup_end (appointment);
  g_assert_null (end);

  carnet_appointment_set_duration (appointment, 90);
  end = carnet_appointment_dup_end (appointment);
  expected = paris_time (2026, 12, 3, 10, 0);
  g_assert_true (g_date_time_equal (end, expected));
  g_clear_pointer (&end, g_date_time_unref);
  g_clear_pointer (&expected, g_date_time_unref);

  /* Each occurrence ends its own duration after its start. */
  end = carnet_appointment_dup_end_for (appointment, occurrence);
  expected = paris_time (2027, 6, 3, 10, 0);
  g_assert_true (g_date_time_equal (end, expected));
  g_clear_pointer (&end, g_date_time_unref);
  g_clear_pointer (&expected, g_date_time_unref);

  /* An all-day appointment ends at the next midnight, even on the day
   * the clocks go forward (a 23-hour day). */
  carnet_appointment_set_duration (appointment, 0);
  carnet_appointment_set_all_day (appointment, TRUE);
  carnet_appointment_set_start (appointment, midnight);
  end = carnet_appointment_dup_end (appointment);
  expected = paris_time (2026, 3, 30, 0, 0);
  g_assert_true (g_date_time_equal (end, expected));
  g_assert_cmpint (g_date_time_difference (end, midnight), ==, 23 * G_TIME_SPAN_HOUR);
  g_clear_pointer (&end, g_date_time_unref);
  g_clear_pointer (&expected, g_date_time_unref);

  /* A stay of two days and a half covers three calendar days. */
  carnet_appointment_set_duration (appointment, 60 * 60);
  end = carnet_appointment_dup_end (appointment);
  expected = paris_time (2026, 4, 1, 0, 0);
  g_assert_true (g_date_time_equal (end, expected));

  g_assert_finalize_object (g_steal_pointer (&appointment));
}

static void
test_appointment_reminders (void)
{
  g_autoptr(CarnetAppointment) appointment = new_valid_appointment ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) offsets = NULL;
  g_autofree char *property = NULL;

  g_assert_true (carnet_appointment_set_reminders (appointment, "1d, 30m,2h", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (carnet_appointment_get_reminders (appointment), ==, "30m,2h,1d");

  offsets = carnet_appointment_dup_offsets (appointment);
  g_assert_cmpuint (offsets->len, ==, 3);
  g_assert_cmpuint (carnet_offset_get_minutes (&g_array_index (offsets, CarnetOffset, 0)), ==, 30);
  g_assert_cmpuint (carnet_offset_get_minutes (&g_array_index (offsets, CarnetOffset, 2)), ==, 24 * 60);
  g_clear_pointer (&offsets, g_array_unref);

  /* A wrong list changes nothing and names the field. */
  g_assert_false (carnet_appointment_set_reminders (appointment, "1d,soon", &error));
  g_assert_error (error, CARNET_ERROR, CARNET_ERROR_INVALID);
  g_assert_cmpstr (carnet_error_get_field (error), ==, "remind");
  g_assert_cmpstr (carnet_appointment_get_reminders (appointment), ==, "30m,2h,1d");
  g_clear_error (&error);

  g_object_set (appointment, "reminders", "7d", NULL);
  g_object_get (appointment, "reminders", &property, NULL);
  g_assert_cmpstr (property, ==, "7d");

  g_assert_true (carnet_appointment_set_reminders (appointment, NULL, &error));
  g_assert_cmpstr (carnet_appointment_get_reminders (appointment), ==, "");
  offsets = carnet_appointment_dup_offsets (appointment);
  g_assert_cmpuint (offsets->len, ==, 0);

  g_assert_finalize_object (g_steal_pointer (&appointment));
}

static void
test_appointment_reminders_property_invalid (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(CarnetAppointment) appointment = carnet_appointment_new ();

      g_object_set (appointment, "reminders", "tomorrow", NULL);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*reminders*");
}

static void
test_result_flag (void)
{
  struct {
    double value, low, high;
    CarnetFlag flag;
  } cases[] = {
    { 12.0, 11.5, 16.0, CARNET_FLAG_NORMAL },
    /* The limits belong to the range. */
    { 11.5, 11.5, 16.0, CARNET_FLAG_NORMAL },
    { 16.0, 11.5, 16.0, CARNET_FLAG_NORMAL },
    { 11.49, 11.5, 16.0, CARNET_FLAG_LOW },
    { 16.01, 11.5, 16.0, CARNET_FLAG_HIGH },
    /* Ranges open on one side ("< 5", "> 60"). */
    { 4.9, NAN, 5.0, CARNET_FLAG_NORMAL },
    { 5.1, NAN, 5.0, CARNET_FLAG_HIGH },
    { 59.0, 60.0, NAN, CARNET_FLAG_LOW },
    { 1000.0, 60.0, NAN, CARNET_FLAG_NORMAL },
    /* No range, or no value: no flag. */
    { 12.0, NAN, NAN, CARNET_FLAG_NONE },
    { NAN, 11.5, 16.0, CARNET_FLAG_NONE },
    { -3.0, -2.0, 2.0, CARNET_FLAG_LOW },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (carnet_result_compute_flag (cases[i].value, cases[i].low, cases[i].high),
                     ==, cases[i].flag);
}

static void
test_result_properties (void)
{
  g_autoptr(CarnetResult) result = carnet_result_new ();
  NotifyCounter value, low, high, flag, text;
  CarnetFlag got_flag;
  double got_value;

  g_assert_true (isnan (carnet_result_get_value (result)));
  g_assert_true (isnan (carnet_result_get_low (result)));
  g_assert_true (isnan (carnet_result_get_high (result)));
  g_assert_false (carnet_result_has_value (result));
  g_assert_cmpint (carnet_result_get_flag (result), ==, CARNET_FLAG_NONE);

  watch (result, "value", &value);
  watch (result, "low", &low);
  watch (result, "high", &high);
  watch (result, "flag", &flag);
  watch (result, "text", &text);

  /* Unset stays unset: NAN is not a change. */
  carnet_result_set_value (result, NAN);
  g_assert_cmpint (value.count, ==, 0);

  carnet_result_set_value (result, 17.0);
  carnet_result_set_value (result, 17.0);
  g_assert_cmpint (value.count, ==, 1);
  g_assert_true (carnet_result_has_value (result));
  g_assert_cmpint (flag.count, ==, 0);

  /* The flag follows the range. */
  carnet_result_set_low (result, 11.5);
  g_assert_cmpint (flag.count, ==, 1);
  g_assert_cmpint (carnet_result_get_flag (result), ==, CARNET_FLAG_NORMAL);
  carnet_result_set_high (result, 16.0);
  g_assert_cmpint (flag.count, ==, 2);
  g_assert_cmpint (carnet_result_get_flag (result), ==, CARNET_FLAG_HIGH);
  carnet_result_set_high (result, 16.5);
  g_assert_cmpint (flag.count, ==, 2);
  g_assert_cmpint (low.count, ==, 1);
  g_assert_cmpint (high.count, ==, 2);

  g_object_get (result, "flag", &got_flag, NULL);
  g_assert_cmpint (got_flag, ==, CARNET_FLAG_HIGH);

  /* The property takes NAN, which clears the value. */
  g_object_set (result, "value", NAN, NULL);
  g_assert_false (carnet_result_has_value (result));
  g_assert_cmpint (carnet_result_get_flag (result), ==, CARNET_FLAG_NONE);
  g_assert_cmpint (flag.count, ==, 3);
  g_object_get (result, "value", &got_value, NULL);
  g_assert_true (isnan (got_value));

  carnet_result_set_text (result, "No suspicious lesion.");
  carnet_result_set_text (result, "No suspicious lesion.");
  g_assert_cmpint (text.count, ==, 1);

  g_assert_finalize_object (g_steal_pointer (&result));
}

static void
test_result_validate (void)
{
  g_autoptr(CarnetResult) result = new_valid_result ();
  g_autoptr(GDateTime) at = g_date_time_ref (carnet_result_get_at (result));

  assert_valid (result);

  carnet_result_set_name (result, " ");
  assert_invalid (result, "name");
  carnet_result_set_name (result, "Haemoglobin");

  /* A value or a text, not both, not neither. */
  carnet_result_set_text (result, "Normal");
  assert_invalid (result, "text");
  carnet_result_set_value (result, NAN);
  assert_valid (result);
  carnet_result_set_text (result, NULL);
  assert_invalid (result, "value");
  carnet_result_set_text (result, " \n");
  assert_invalid (result, "text");
  carnet_result_set_text (result, NULL);

  carnet_result_set_value (result, INFINITY);
  assert_invalid (result, "value");
  carnet_result_set_value (result, 12.5);

  carnet_result_set_low (result, -INFINITY);
  assert_invalid (result, "low");
  carnet_result_set_low (result, 11.5);
  carnet_result_set_high (result, INFINITY);
  assert_invalid (result, "high");

  /* A range the wrong way round. */
  carnet_result_set_high (result, 11.0);
  assert_invalid (result, "high");
  carnet_result_set_high (result, 11.5);
  assert_valid (result);

  carnet_result_set_at (result, NULL);
  assert_invalid (result, "at");
  carnet_result_set_at (result, at);

  carnet_result_set_appointment_id (result, -4);
  assert_invalid (result, "appointment_id");
  carnet_result_set_appointment_id (result, 4);
  assert_valid (result);

  g_assert_finalize_object (g_steal_pointer (&result));
}

static void
test_result_attachment (void)
{
  g_autoptr(CarnetResult) result = new_valid_result ();
  g_autoptr(GBytes) data = g_bytes_new_static ("%PDF-1.4", 8);
  NotifyCounter name, content;

  watch (result, "attachment-name", &name);
  watch (result, "attachment-data", &content);

  carnet_result_set_attachment (result, "report.pdf", data);
  carnet_result_set_attachment (result, "report.pdf", data);
  g_assert_cmpint (name.count, ==, 1);
  g_assert_cmpint (content.count, ==, 1);
  g_assert_cmpstr (carnet_result_get_attachment_name (result), ==, "report.pdf");
  g_assert_true (carnet_result_get_attachment_data (result) == data);
  assert_valid (result);

  /* The name is written out again: no path. */
  carnet_result_set_attachment_name (result, "../../.bashrc");
  assert_invalid (result, "attachment");
  carnet_result_set_attachment_name (result, "..");
  assert_invalid (result, "attachment");
  carnet_result_set_attachment_name (result, "compte rendu.pdf");
  assert_valid (result);
  g_assert_true (carnet_result_get_attachment_data (result) == data);

  /* Detaching drops the content too. */
  carnet_result_set_attachment_name (result, NULL);
  g_assert_null (carnet_result_get_attachment_name (result));
  g_assert_null (carnet_result_get_attachment_data (result));
  g_assert_cmpint (content.count, ==, 2);

  /* A loaded result knows the name only. */
  carnet_result_set_attachment_name (result, "scan.png");
  assert_valid (result);

  /* Content needs a name to be written out again. */
  carnet_result_set_attachment (result, NULL, data);
  assert_invalid (result, "attachment");

  g_assert_finalize_object (g_steal_pointer (&result));
}

static void
test_result_attachment_too_large (void)
{
  g_autoptr(CarnetResult) result = new_valid_result ();
  gsize size = CARNET_ATTACHMENT_MAX_BYTES + 1;
  g_autoptr(GBytes) data = g_bytes_new_take (g_malloc0 (size), size);

  carnet_result_set_attachment (result, "huge.pdf", data);
  assert_invalid (result, "attachment");

  g_assert_finalize_object (g_steal_pointer (&result));
}

static void
test_side_effect_validate (void)
{
  g_autoptr(CarnetSideEffect) side_effect = carnet_side_effect_new ();
  g_autoptr(GDateTime) at = paris_time (2026, 12, 3, 8, 30);
  g_autoptr(GDateTime) before = paris_time (2026, 12, 3, 8, 29);
  g_autoptr(GDateTime) later = paris_time (2026, 12, 10, 20, 0);
  NotifyCounter severity;

  /* No severity until one is chosen: "none" is an answer. */
  g_assert_cmpint (carnet_side_effect_get_severity (side_effect), ==, -1);

  assert_invalid (side_effect, "symptom");
  carnet_side_effect_set_symptom (side_effect, "Neuropathy");
  assert_invalid_message (side_effect, "severity", "is required");

  watch (side_effect, "severity", &severity);
  for (int i = CARNET_SEVERITY_MIN; i <= CARNET_SEVERITY_MAX; i++)
    {
      carnet_side_effect_set_severity (side_effect, i);
      carnet_side_effect_set_severity (side_effect, i);
      assert_invalid (side_effect, "at");
    }
  g_assert_cmpint (severity.count, ==, 5);

  carnet_side_effect_set_severity (side_effect, 5);
  assert_invalid (side_effect, "severity");
  carnet_side_effect_set_severity (side_effect, -2);
  assert_invalid (side_effect, "severity");
  /* A -1 someone typed is out of the scale, not "not chosen yet". */
  carnet_side_effect_set_severity (side_effect, -1);
  assert_invalid_message (side_effect, "severity", "must be 0 to 4, got -1");
  carnet_side_effect_set_severity (side_effect, 0);

  carnet_side_effect_set_at (side_effect, at);
  assert_valid (side_effect);

  carnet_side_effect_set_until (side_effect, before);
  assert_invalid (side_effect, "until");
  carnet_side_effect_set_until (side_effect, at);
  assert_valid (side_effect);
  carnet_side_effect_set_until (side_effect, later);
  assert_valid (side_effect);

  carnet_side_effect_set_treatment_id (side_effect, -1);
  assert_invalid (side_effect, "treatment_id");
  carnet_side_effect_set_treatment_id (side_effect, 0);

  carnet_side_effect_set_cycle (side_effect, "C3 D8");
  g_assert_cmpstr (carnet_side_effect_get_cycle (side_effect), ==, "C3 D8");
  carnet_side_effect_set_cycle (side_effect, "");
  g_assert_null (carnet_side_effect_get_cycle (side_effect));

  g_assert_finalize_object (g_steal_pointer (&side_effect));
}

static void
test_side_effect_symptoms (void)
{
  const char * const *symptoms = carnet_side_effect_common_symptoms ();
  guint n = 0;

  g_assert_nonnull (symptoms);
  g_assert_true (carnet_side_effect_common_symptoms () == symptoms);
  g_assert_true (g_strv_contains (symptoms, "Nausea"));
  g_assert_true (g_strv_contains (symptoms, "Fatigue"));
  g_assert_true (g_strv_contains (symptoms, "Hand-foot syndrome"));

  for (; symptoms[n] != NULL; n++)
    {
      g_autoptr(CarnetSideEffect) side_effect = new_valid_side_effect ();

      /* Every suggestion is a valid symptom. */
      carnet_side_effect_set_symptom (side_effect, symptoms[n]);
      assert_valid (side_effect);
    }
  g_assert_cmpuint (n, >=, 20);
}

static void
test_question_validate (void)
{
  g_autoptr(CarnetQuestion) question = carnet_question_new ();
  g_autofree char *too_long = g_strnfill (CARNET_TEXT_MAX_CHARS + 1, 'q');
  g_autofree char *title = NULL;
  NotifyCounter status, position;

  g_assert_cmpint (carnet_question_get_author (question), ==, CARNET_AUTHOR_PATIENT);
  g_assert_cmpint (carnet_question_get_status (question), ==, CARNET_QUESTION_OPEN);

  assert_invalid (question, "text");
  carnet_question_set_text (question, too_long);
  assert_invalid (question, "text");
  carnet_question_set_text (question, "\nHow long will the fatigue last?\nAnd what helps?");
  assert_valid (question);

  /* Lists show the first line. */
  title = carnet_record_dup_title (CARNET_RECORD (question));
  g_assert_cmpstr (title, ==, "How long will the fatigue last?");

  carnet_question_set_author (question, 7);
  assert_invalid (question, "by");
  carnet_question_set_author (question, CARNET_AUTHOR_CAREGIVER);

  watch (question, "status", &status);
  carnet_question_set_status (question, CARNET_QUESTION_ASKED);
  carnet_question_set_status (question, CARNET_QUESTION_ASKED);
  g_assert_cmpint (status.count, ==, 1);
  assert_valid (question);

  /* Answered needs the answer. */
  carnet_question_set_status (question, CARNET_QUESTION_ANSWERED);
  assert_invalid (question, "answer");
  carnet_question_set_answer (question, "   ");
  assert_invalid (question, "answer");
  carnet_question_set_answer (question, "A few weeks after the last cycle.");
  assert_valid (question);

  carnet_question_set_appointment_id (question, -1);
  assert_invalid (question, "appointment_id");
  carnet_question_set_appointment_id (question, 0);

  watch (question, "position", &position);
  carnet_question_set_position (question, 3);
  carnet_question_set_position (question, 3);
  g_assert_cmpint (position.count, ==, 1);
  g_assert_cmpuint (carnet_question_get_position (question), ==, 3);

  g_assert_finalize_object (g_steal_pointer (&question));
}

static void
test_treatment_validate (void)
{
  g_autoptr(CarnetTreatment) treatment = carnet_treatment_new ();
  g_autoptr(GDate) start = new_date (2026, 1, 5);
  g_autoptr(GDate) same_start = new_date (2026, 1, 5);
  g_autoptr(GDate) before = new_date (2026, 1, 4);
  g_autoptr(GDate) got_start = NULL;
  NotifyCounter start_counter, end;

  assert_invalid (treatment, "name");
  carnet_treatment_set_name (treatment, "Letrozole");
  assert_invalid (treatment, "start");
  g_assert_null (carnet_treatment_get_start (treatment));

  watch (treatment, "start", &start_counter);
  watch (treatment, "end", &end);

  carnet_treatment_set_start (treatment, start);
  carnet_treatment_set_start (treatment, same_start);
  g_assert_cmpint (start_counter.count, ==, 1);
  g_assert_cmpint (g_date_compare (carnet_treatment_get_start (treatment), start), ==, 0);
  assert_valid (treatment);

  g_object_get (treatment, "start", &got_start, NULL);
  g_assert_cmpint (g_date_compare (got_start, start), ==, 0);

  /* A one-day treatment (surgery) ends the day it starts. */
  carnet_treatment_set_end (treatment, start);
  assert_valid (treatment);
  carnet_treatment_set_end (treatment, before);
  assert_invalid (treatment, "end");
  carnet_treatment_set_end (treatment, NULL);
  carnet_treatment_set_end (treatment, NULL);
  g_assert_cmpint (end.count, ==, 3);

  carnet_treatment_set_kind (treatment, 99);
  assert_invalid (treatment, "kind");
  carnet_treatment_set_kind (treatment, CARNET_TREATMENT_HORMONE_THERAPY);

  /* Cycles come with their length and the other way round. */
  carnet_treatment_set_cycles (treatment, 6);
  assert_invalid (treatment, "cycle_days");
  carnet_treatment_set_cycle_days (treatment, 21);
  assert_valid (treatment);
  carnet_treatment_set_cycles (treatment, 0);
  assert_invalid (treatment, "cycles");

  carnet_treatment_set_cycles (treatment, CARNET_CYCLES_MAX + 1);
  assert_invalid (treatment, "cycles");
  carnet_treatment_set_cycles (treatment, CARNET_CYCLES_MAX);
  carnet_treatment_set_cycle_days (treatment, CARNET_CYCLE_DAYS_MAX + 1);
  assert_invalid (treatment, "cycle_days");
  carnet_treatment_set_cycle_days (treatment, CARNET_CYCLE_DAYS_MAX);
  assert_valid (treatment);

  g_assert_finalize_object (g_steal_pointer (&treatment));
}

static void
assert_cycle_day (CarnetTreatment *treatment,
                  int              year,
                  int              month,
                  int              day,
                  const char      *expected)
{
  g_autoptr(GDate) date = new_date (year, month, day);
  g_autofree char *cycle_day = carnet_treatment_cycle_day (treatment, date);

  g_assert_cmpstr (cycle_day, ==, expected);
}

static void
test_treatment_cycle_day (void)
{
  g_autoptr(CarnetTreatment) treatment = new_valid_treatment ();
  g_autoptr(GDate) end = NULL;

  /* Not given in cycles. */
  assert_cycle_day (treatment, 2026, 1, 5, NULL);

  /* Six 21-day cycles from Monday 5 January 2026. */
  carnet_treatment_set_cycle_days (treatment, 21);
  carnet_treatment_set_cycles (treatment, 6);

  assert_cycle_day (treatment, 2026, 1, 4, NULL);
  assert_cycle_day (treatment, 2026, 1, 5, "C1 D1");
  assert_cycle_day (treatment, 2026, 1, 25, "C1 D21");
  assert_cycle_day (treatment, 2026, 1, 26, "C2 D1");
  /* Day 7 after the start of the 3rd cycle (16 February) is its 8th day. */
  assert_cycle_day (treatment, 2026, 2, 23, "C3 D8");
  /* Across the end of February and a DST change: days are calendar days. */
  assert_cycle_day (treatment, 2026, 3, 30, "C5 D1");
  /* The last day of the last cycle, then nothing. */
  assert_cycle_day (treatment, 2026, 5, 10, "C6 D21");
  assert_cycle_day (treatment, 2026, 5, 11, NULL);

  /* Stopped early: nothing after the last day. */
  end = new_date (2026, 2, 20);
  carnet_treatment_set_end (treatment, end);
  assert_cycle_day (treatment, 2026, 2, 20, "C3 D5");
  assert_cycle_day (treatment, 2026, 2, 23, NULL);

  g_assert_finalize_object (g_steal_pointer (&treatment));
}

static void
test_treatment_current (void)
{
  g_autoptr(CarnetTreatment) treatment = new_valid_treatment ();
  g_autoptr(GDate) before = new_date (2026, 1, 4);
  g_autoptr(GDate) first = new_date (2026, 1, 5);
  g_autoptr(GDate) later = new_date (2030, 1, 1);
  g_autoptr(GDate) end = new_date (2026, 6, 30);
  g_autoptr(GDate) after = new_date (2026, 7, 1);
  g_autoptr(GDateTime) expected = g_date_time_new_local (2026, 1, 5, 0, 0, 0);
  GDateTime *date;

  g_assert_false (carnet_treatment_is_current (treatment, before));
  g_assert_true (carnet_treatment_is_current (treatment, first));
  g_assert_true (carnet_treatment_is_current (treatment, later));

  carnet_treatment_set_end (treatment, end);
  g_assert_true (carnet_treatment_is_current (treatment, end));
  g_assert_false (carnet_treatment_is_current (treatment, after));

  /* Filed under its first day, at midnight here. */
  date = carnet_record_get_date (CARNET_RECORD (treatment));
  g_assert_nonnull (date);
  g_assert_true (g_date_time_equal (date, expected));
  g_assert_true (carnet_record_get_date (CARNET_RECORD (treatment)) == date);

  /* A new start is a new date. */
  carnet_treatment_set_start (treatment, before);
  date = carnet_record_get_date (CARNET_RECORD (treatment));
  g_assert_cmpint (g_date_time_get_day_of_month (date), ==, 4);

  g_assert_finalize_object (g_steal_pointer (&treatment));
}

static void
test_dates_and_titles (void)
{
  g_autoptr(CarnetAppointment) appointment = new_valid_appointment ();
  g_autoptr(CarnetResult) result = new_valid_result ();
  g_autoptr(CarnetSideEffect) side_effect = new_valid_side_effect ();
  g_autoptr(CarnetQuestion) question = carnet_question_new ();
  g_autoptr(CarnetTreatment) treatment = carnet_treatment_new ();
  g_autoptr(GDateTime) created = paris_time (2026, 11, 20, 18, 0);
  g_autofree char *appointment_title = NULL;
  g_autofree char *result_title = NULL;
  g_autofree char *side_effect_title = NULL;
  g_autofree char *question_title = NULL;
  g_autofree char *treatment_title = NULL;

  g_assert_true (carnet_record_get_date (CARNET_RECORD (appointment)) ==
                 carnet_appointment_get_start (appointment));
  g_assert_true (carnet_record_get_date (CARNET_RECORD (result)) == carnet_result_get_at (result));
  g_assert_true (carnet_record_get_date (CARNET_RECORD (side_effect)) ==
                 carnet_side_effect_get_at (side_effect));
  carnet_question_set_created (question, created);
  g_assert_true (carnet_record_get_date (CARNET_RECORD (question)) == created);
  g_assert_null (carnet_record_get_date (CARNET_RECORD (treatment)));

  appointment_title = carnet_record_dup_title (CARNET_RECORD (appointment));
  result_title = carnet_record_dup_title (CARNET_RECORD (result));
  side_effect_title = carnet_record_dup_title (CARNET_RECORD (side_effect));
  question_title = carnet_record_dup_title (CARNET_RECORD (question));
  treatment_title = carnet_record_dup_title (CARNET_RECORD (treatment));
  g_assert_cmpstr (appointment_title, ==, "Oncology consultation");
  g_assert_cmpstr (result_title, ==, "Haemoglobin");
  g_assert_cmpstr (side_effect_title, ==, "Nausea");
  /* Never NULL, so that lists can show it as it is. */
  g_assert_cmpstr (question_title, ==, "");
  g_assert_cmpstr (treatment_title, ==, "");

  g_assert_finalize_object (g_steal_pointer (&appointment));
  g_assert_finalize_object (g_steal_pointer (&result));
  g_assert_finalize_object (g_steal_pointer (&side_effect));
  g_assert_finalize_object (g_steal_pointer (&question));
  g_assert_finalize_object (g_steal_pointer (&treatment));
}

static void
test_occurrence (void)
{
  g_autoptr(CarnetAppointment) appointment = new_valid_appointment ();
  g_autoptr(GDateTime) start = paris_time (2027, 6, 3, 8, 30);
  g_autoptr(GDateTime) expected_end = paris_time (2027, 6, 3, 9, 0);
  g_autoptr(CarnetOccurrence) occurrence = NULL;
  g_autoptr(CarnetOccurrence) without_end = NULL;
  g_autoptr(CarnetAppointment) got_appointment = NULL;
  CarnetStatus status;

  carnet_appointment_set_duration (appointment, 30);
  carnet_appointment_set_repeat (appointment, "FREQ=MONTHLY;INTERVAL=6;COUNT=10");

  occurrence = carnet_occurrence_new (appointment, start, CARNET_STATUS_MISSED);
  g_assert_true (carnet_occurrence_get_appointment (occurrence) == appointment);
  g_assert_true (g_date_time_equal (carnet_occurrence_get_start (occurrence), start));
  g_assert_true (g_date_time_equal (carnet_occurrence_get_end (occurrence), expected_end));
  g_assert_cmpint (carnet_occurrence_get_status (occurrence), ==, CARNET_STATUS_MISSED);

  g_object_get (occurrence, "appointment", &got_appointment, "status", &status, NULL);
  g_assert_true (got_appointment == appointment);
  g_assert_cmpint (status, ==, CARNET_STATUS_MISSED);
  g_clear_object (&got_appointment);

  carnet_appointment_set_duration (appointment, 0);
  without_end = carnet_occurrence_new (appointment, start, CARNET_STATUS_PLANNED);
  g_assert_null (carnet_occurrence_get_end (without_end));

  /* The occurrences hold the appointment, not the other way round. */
  g_assert_finalize_object (g_steal_pointer (&occurrence));
  g_assert_finalize_object (g_steal_pointer (&without_end));
  g_assert_finalize_object (g_steal_pointer (&appointment));
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);

  paris = g_time_zone_new_identifier ("Europe/Paris");
  g_assert_nonnull (paris);

  g_test_add_func ("/core/records/kinds", test_kinds);
  g_test_add_func ("/core/records/nicks", test_nicks);
  g_test_add_func ("/core/records/labels", test_labels);
  g_test_add_func ("/core/records/notify", test_record_notify);
  g_test_add_func ("/core/records/dates-and-titles", test_dates_and_titles);
  g_test_add_func ("/core/records/appointment/properties", test_appointment_properties);
  g_test_add_func ("/core/records/appointment/validate", test_appointment_validate);
  g_test_add_func ("/core/records/appointment/text-rules", test_appointment_text_rules);
  g_test_add_func ("/core/records/appointment/end", test_appointment_end);
  g_test_add_func ("/core/records/appointment/reminders", test_appointment_reminders);
  g_test_add_func ("/core/records/appointment/reminders-property-invalid",
                   test_appointment_reminders_property_invalid);
  g_test_add_func ("/core/records/result/flag", test_result_flag);
  g_test_add_func ("/core/records/result/properties", test_result_properties);
  g_test_add_func ("/core/records/result/validate", test_result_validate);
  g_test_add_func ("/core/records/result/attachment", test_result_attachment);
  g_test_add_func ("/core/records/result/attachment-too-large", test_result_attachment_too_large);
  g_test_add_func ("/core/records/side-effect/validate", test_side_effect_validate);
  g_test_add_func ("/core/records/side-effect/symptoms", test_side_effect_symptoms);
  g_test_add_func ("/core/records/question/validate", test_question_validate);
  g_test_add_func ("/core/records/treatment/validate", test_treatment_validate);
  g_test_add_func ("/core/records/treatment/cycle-day", test_treatment_cycle_day);
  g_test_add_func ("/core/records/treatment/current", test_treatment_current);
  g_test_add_func ("/core/records/occurrence", test_occurrence);

  ret = g_test_run ();

  g_time_zone_unref (paris);

  return ret;
}
