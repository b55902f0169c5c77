/* test-json.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Records as carnet-cli prints them with --json: the field names, the types
 * and the nulls that scripts rely on (DESIGN.md), read back by a JSON parser.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "carnet.h"

static GTimeZone *paris;

static const char * const appointment_fields[] = {
  "id", "title", "kind", "start", "end", "all_day", "location", "with", "notes", "status",
  "remind", "repeat", "trashed", NULL
};
static const char * const occurrence_fields[] = {
  "appointment_id", "title", "kind", "start", "end", "status", NULL
};
static const char * const result_fields[] = {
  "id", "name", "value", "text", "unit", "low", "high", "flag", "at", "appointment_id", "notes",
  "attachment", "trashed", NULL
};
static const char * const side_effect_fields[] = {
  "id", "symptom", "severity", "at", "until", "treatment_id", "cycle", "notes", "trashed", NULL
};
static const char * const question_fields[] = {
  "id", "text", "appointment_id", "by", "status", "answer", "position", "created", "trashed",
  NULL
};
static const char * const treatment_fields[] = {
  "id", "name", "kind", "start", "end", "cycle_days", "cycles", "notes", "trashed", NULL
};

static GDateTime *
paris_time (int year,
            int month,
            int day,
            int hour,
            int minute)
{
  return g_date_time_new (paris, year, month, day, hour, minute, 0);
}

/* Writes @node as text and reads it back, as a script would. */
static JsonNode *
round_trip (JsonNode *node)
{
  g_autofree char *text = carnet_json_to_string (node, FALSE);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_node_unref (node);

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);

  return json_node_copy (json_parser_get_root (parser));
}

static JsonObject *
record_to_object (gpointer record)
{
  g_autoptr(JsonNode) node = round_trip (carnet_json_from_record (CARNET_RECORD (record)));

  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));

  return json_object_ref (json_node_get_object (node));
}

static void
assert_members (JsonObject         *object,
                const char * const *expected)
{
  g_autoptr(GList) members = json_object_get_members (object);

  for (guint i = 0; expected[i] != NULL; i++)
    {
      if (!json_object_has_member (object, expected[i]))
        g_error ("Member “%s” is missing", expected[i]);
    }

  for (GList *l = members; l != NULL; l = l->next)
    {
      if (!g_strv_contains (expected, l->data))
        g_error ("Member “%s” is not expected", (const char *) l->data);
    }

  g_assert_cmpuint (g_list_length (members), ==, g_strv_length ((char **) expected));
}

static JsonNode *
get_member (JsonObject *object,
            const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL)
    g_error ("Member “%s” is missing", name);

  return node;
}

static void
assert_null (JsonObject *object,
             const char *name)
{
  if (!JSON_NODE_HOLDS_NULL (get_member (object, name)))
    g_error ("Member “%s” is not null", name);
}

/* A NULL @expected means a JSON null. */
static void
assert_string (JsonObject *object,
               const char *name,
               const char *expected)
{
  JsonNode *node = get_member (object, name);

  if (expected == NULL)
    {
      assert_null (object, name);
      return;
    }

  g_assert_cmpint (json_node_get_value_type (node), ==, G_TYPE_STRING);
  g_assert_cmpstr (json_node_get_string (node), ==, expected);
}

static void
assert_int (JsonObject *object,
            const char *name,
            gint64      expected)
{
  JsonNode *node = get_member (object, name);

  g_assert_true (JSON_NODE_HOLDS_VALUE (node));
  g_assert_cmpint (json_node_get_value_type (node), ==, G_TYPE_INT64);
  g_assert_cmpint (json_node_get_int (node), ==, expected);
}

static void
assert_number (JsonObject *object,
               const char *name,
               double      expected)
{
  JsonNode *node = get_member (object, name);
  GType type;

  g_assert_true (JSON_NODE_HOLDS_VALUE (node));
  type = json_node_get_value_type (node);
  g_assert_true (type == G_TYPE_DOUBLE || type == G_TYPE_INT64);
  g_assert_cmpfloat (json_node_get_double (node), ==, expected);
}

static void
assert_boolean (JsonObject *object,
                const char *name,
                gboolean    expected)
{
  JsonNode *node = get_member (object, name);

  g_assert_true (JSON_NODE_HOLDS_VALUE (node));
  g_assert_cmpint (json_node_get_value_type (node), ==, G_TYPE_BOOLEAN);
  g_assert_cmpint (json_node_get_boolean (node), ==, expected);
}

static void
test_appointment (void)
{
  g_autoptr(CarnetAppointment) appointment = carnet_appointment_new ();
  g_autoptr(GDateTime) start = paris_time (2026, 12, 3, 8, 30);
  g_autoptr(JsonObject) object = NULL;
  JsonArray *remind;

  carnet_record_set_id (CARNET_RECORD (appointment), 7);
  carnet_appointment_set_title (appointment, "Scanner thoraco-abdominal « de contrôle »");
  carnet_appointment_set_kind (appointment, CARNET_APPOINTMENT_IMAGING);
  carnet_appointment_set_start (appointment, start);
  carnet_appointment_set_duration (appointment, 45);
  carnet_appointment_set_location (appointment, "Hôpital Saint-Louis, Paris");
  carnet_appointment_set_practitioner (appointment, "Dr Martin");
  carnet_appointment_set_status (appointment, CARNET_STATUS_DONE);
  g_assert_true (carnet_appointment_set_reminders (appointment, "1d,30m,2h", NULL));
  carnet_appointment_set_repeat (appointment, "FREQ=MONTHLY;INTERVAL=6;COUNT=10");

  object = record_to_object (appointment);
  assert_members (object, appointment_fields);

  assert_int (object, "id", 7);
  assert_string (object, "title", "Scanner thoraco-abdominal « de contrôle »");
  assert_string (object, "kind", "imaging");
  assert_string (object, "start", "2026-12-03T08:30:00+01:00");
  assert_string (object, "end", "2026-12-03T09:15:00+01:00");
  assert_boolean (object, "all_day", FALSE);
  assert_string (object, "location", "Hôpital Saint-Louis, Paris");
  assert_string (object, "with", "Dr Martin");
  assert_null (object, "notes");
  assert_string (object, "status", "done");
  /* The rule as libical writes it. */
  g_assert_nonnull (carnet_appointment_get_repeat (appointment));
  assert_string (object, "repeat", carnet_appointment_get_repeat (appointment));
  assert_null (object, "trashed");

  /* Minutes before the start, shortest first. */
  remind = json_object_get_array_member (object, "remind");
  g_assert_nonnull (remind);
  g_assert_cmpuint (json_array_get_length (remind), ==, 3);
  g_assert_cmpint (json_node_get_value_type (json_array_get_element (remind, 0)), ==, G_TYPE_INT64);
  g_assert_cmpint (json_array_get_int_element (remind, 0), ==, 30);
  g_assert_cmpint (json_array_get_int_element (remind, 1), ==, 120);
  g_assert_cmpint (json_array_get_int_element (remind, 2), ==, 1440);

  g_assert_finalize_object (g_steal_pointer (&appointment));
}

static void
test_appointment_empty (void)
{
  g_autoptr(CarnetAppointment) appointment = carnet_appointment_new ();
  g_autoptr(GDateTime) start = paris_time (2026, 7, 14, 0, 0);
  g_autoptr(GDateTime) trashed = paris_time (2026, 8, 1, 10, 0);
  g_autoptr(JsonObject) object = NULL;
  g_autoptr(JsonObject) trashed_object = NULL;

  carnet_appointment_set_title (appointment, "Blood test");
  carnet_appointment_set_kind (appointment, CARNET_APPOINTMENT_BLOOD_TEST);
  carnet_appointment_set_start (appointment, start);
  carnet_appointment_set_all_day (appointment, TRUE);

  object = record_to_object (appointment);
  assert_members (object, appointment_fields);

  /* Not saved yet: no id. */
  assert_null (object, "id");
  assert_string (object, "kind", "blood-test");
  assert_boolean (object, "all_day", TRUE);
  /* An all-day appointment ends at the next midnight. */
  assert_string (object, "end", "2026-07-15T00:00:00+02:00");
  assert_null (object, "location");
  assert_null (object, "with");
  assert_null (object, "notes");
  assert_string (object, "status", "planned");
  assert_null (object, "repeat");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "remind")), ==, 0);

  /* No duration, not all day: no end. */
  carnet_appointment_set_all_day (appointment, FALSE);
  carnet_record_set_trashed (CARNET_RECORD (appointment), trashed);
  trashed_object = record_to_object (appointment);
  assert_null (trashed_object, "end");
  assert_string (trashed_object, "trashed", "2026-08-01T10:00:00+02:00");

  g_assert_finalize_object (g_steal_pointer (&appointment));
}

static void
test_result_value (void)
{
  g_autoptr(CarnetResult) result = carnet_result_new ();
  g_autoptr(GDateTime) at = paris_time (2026, 12, 4, 7, 45);
  g_autoptr(JsonObject) object = NULL;
  g_autoptr(JsonObject) no_range = NULL;

  carnet_record_set_id (CARNET_RECORD (result), 12);
  carnet_result_set_name (result, "Neutrophils");
  carnet_result_set_value (result, 1.2);
  carnet_result_set_unit (result, "G/L");
  carnet_result_set_low (result, 1.5);
  carnet_result_set_high (result, 7.0);
  carnet_result_set_at (result, at);
  carnet_result_set_appointment_id (result, 7);
  carnet_result_set_notes (result, "Before cycle 3");

  object = record_to_object (result);
  assert_members (object, result_fields);

  assert_int (object, "id", 12);
  assert_string (object, "name", "Neutrophils");
  assert_number (object, "value", 1.2);
  assert_null (object, "text");
  assert_string (object, "unit", "G/L");
  assert_number (object, "low", 1.5);
  assert_number (object, "high", 7.0);
  assert_string (object, "flag", "low");
  assert_string (object, "at", "2026-12-04T07:45:00+01:00");
  assert_int (object, "appointment_id", 7);
  assert_string (object, "notes", "Before cycle 3");
  assert_null (object, "attachment");

  /* Without a reference range: no flag, null limits. */
  carnet_result_set_low (result, NAN);
  carnet_result_set_high (result, NAN);
  carnet_result_set_appointment_id (result, 0);
  no_range = record_to_object (result);
  assert_null (no_range, "low");
  assert_null (no_range, "high");
  assert_null (no_range, "flag");
  assert_null (no_range, "appointment_id");

  g_assert_finalize_object (g_steal_pointer (&result));
}

static void
test_result_text (void)
{
  g_autoptr(CarnetResult) result = carnet_result_new ();
  g_autoptr(GDateTime) at = paris_time (2026, 12, 3, 9, 0);
  g_autoptr(GBytes) data = g_bytes_new_static ("%PDF", 4);
  g_autoptr(JsonObject) object = NULL;

  carnet_result_set_name (result, "Scanner");
  carnet_result_set_text (result, "Pas de lésion suspecte.\nStable.");
  carnet_result_set_at (result, at);
  carnet_result_set_attachment (result, "compte-rendu.pdf", data);

  object = record_to_object (result);
  assert_members (object, result_fields);

  assert_null (object, "value");
  assert_string (object, "text", "Pas de lésion suspecte.\nStable.");
  assert_null (object, "unit");
  assert_null (object, "low");
  assert_null (object, "high");
  assert_null (object, "flag");
  assert_string (object, "attachment", "compte-rendu.pdf");

  g_assert_finalize_object (g_steal_pointer (&result));
}

static void
test_result_flags (void)
{
  g_autoptr(CarnetResult) result = carnet_result_new ();
  struct {
    double value;
    const char *flag;
  } cases[] = {
    { 11.0, "low" },
    { 11.5, "normal" },
    { 16.0, "normal" },
    { 16.5, "high" },
  };

  carnet_result_set_name (result, "Haemoglobin");
  carnet_result_set_low (result, 11.5);
  carnet_result_set_high (result, 16.0);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonObject) object = NULL;

      carnet_result_set_value (result, cases[i].value);
      object = record_to_object (result);
      assert_string (object, "flag", cases[i].flag);
      assert_number (object, "value", cases[i].value);
    }

  g_assert_finalize_object (g_steal_pointer (&result));
}

static void
test_side_effect (void)
{
  g_autoptr(CarnetSideEffect) side_effect = carnet_side_effect_new ();
  g_autoptr(GDateTime) at = paris_time (2027, 2, 23, 20, 0);
  g_autoptr(GDateTime) until = paris_time (2027, 2, 26, 8, 0);
  g_autoptr(JsonObject) object = NULL;
  g_autoptr(JsonObject) ongoing = NULL;

  carnet_record_set_id (CARNET_RECORD (side_effect), 3);
  carnet_side_effect_set_symptom (side_effect, "Nausées");
  carnet_side_effect_set_severity (side_effect, 0);
  carnet_side_effect_set_at (side_effect, at);
  carnet_side_effect_set_until (side_effect, until);
  carnet_side_effect_set_treatment_id (side_effect, 2);
  carnet_side_effect_set_cycle (side_effect, "C3 D8");

  object = record_to_object (side_effect);
  assert_members (object, side_effect_fields);

  assert_int (object, "id", 3);
  assert_string (object, "symptom", "Nausées");
  /* 0 is a severity ("none"), not an empty field. */
  assert_int (object, "severity", 0);
  assert_string (object, "at", "2027-02-23T20:00:00+01:00");
  assert_string (object, "until", "2027-02-26T08:00:00+01:00");
  assert_int (object, "treatment_id", 2);
  assert_string (object, "cycle", "C3 D8");
  assert_null (object, "notes");

  carnet_side_effect_set_severity (side_effect, 4);
  carnet_side_effect_set_until (side_effect, NULL);
  carnet_side_effect_set_treatment_id (side_effect, 0);
  carnet_side_effect_set_cycle (side_effect, NULL);
  ongoing = record_to_object (side_effect);
  assert_int (ongoing, "severity", 4);
  assert_null (ongoing, "until");
  assert_null (ongoing, "treatment_id");
  assert_null (ongoing, "cycle");

  g_assert_finalize_object (g_steal_pointer (&side_effect));
}

static void
test_question (void)
{
  g_autoptr(CarnetQuestion) question = carnet_question_new ();
  g_autoptr(GDateTime) created = paris_time (2026, 11, 20, 18, 5);
  g_autoptr(JsonObject) object = NULL;
  g_autoptr(JsonObject) open = NULL;

  carnet_record_set_id (CARNET_RECORD (question), 5);
  carnet_question_set_text (question, "Puis-je voyager entre deux cures ?");
  carnet_question_set_appointment_id (question, 7);
  carnet_question_set_author (question, CARNET_AUTHOR_CAREGIVER);
  carnet_question_set_status (question, CARNET_QUESTION_ANSWERED);
  carnet_question_set_answer (question, "Oui, en évitant J7 à J14.");
  carnet_question_set_position (question, 2);
  carnet_question_set_created (question, created);

  object = record_to_object (question);
  assert_members (object, question_fields);

  assert_int (object, "id", 5);
  assert_string (object, "text", "Puis-je voyager entre deux cures ?");
  assert_int (object, "appointment_id", 7);
  assert_string (object, "by", "caregiver");
  assert_string (object, "status", "answered");
  assert_string (object, "answer", "Oui, en évitant J7 à J14.");
  assert_int (object, "position", 2);
  assert_string (object, "created", "2026-11-20T18:05:00+01:00");

  /* For the next consultation, not answered yet. */
  carnet_question_set_appointment_id (question, 0);
  carnet_question_set_author (question, CARNET_AUTHOR_PATIENT);
  carnet_question_set_status (question, CARNET_QUESTION_OPEN);
  carnet_question_set_answer (question, NULL);
  open = record_to_object (question);
  assert_null (open, "appointment_id");
  assert_string (open, "by", "patient");
  assert_string (open, "status", "open");
  assert_null (open, "answer");

  g_assert_finalize_object (g_steal_pointer (&question));
}

static void
test_treatment (void)
{
  g_autoptr(CarnetTreatment) treatment = carnet_treatment_new ();
  g_autoptr(GDate) start = g_date_new_dmy (5, G_DATE_JANUARY, 2026);
  g_autoptr(GDate) end = g_date_new_dmy (30, G_DATE_JUNE, 2026);
  g_autoptr(JsonObject) object = NULL;
  g_autoptr(JsonObject) ongoing = NULL;

  carnet_record_set_id (CARNET_RECORD (treatment), 2);
  carnet_treatment_set_name (treatment, "FEC 100");
  carnet_treatment_set_kind (treatment, CARNET_TREATMENT_CHEMOTHERAPY);
  carnet_treatment_set_start (treatment, start);
  carnet_treatment_set_end (treatment, end);
  carnet_treatment_set_cycle_days (treatment, 21);
  carnet_treatment_set_cycles (treatment, 6);
  carnet_treatment_set_notes (treatment, "Port-a-cath");

  object = record_to_object (treatment);
  assert_members (object, treatment_fields);

  assert_int (object, "id", 2);
  assert_string (object, "name", "FEC 100");
  assert_string (object, "kind", "chemotherapy");
  /* Calendar dates, without a time. */
  assert_string (object, "start", "2026-01-05");
  assert_string (object, "end", "2026-06-30");
  assert_int (object, "cycle_days", 21);
  assert_int (object, "cycles", 6);
  assert_string (object, "notes", "Port-a-cath");

  carnet_treatment_set_kind (treatment, CARNET_TREATMENT_HORMONE_THERAPY);
  carnet_treatment_set_end (treatment, NULL);
  carnet_treatment_set_cycle_days (treatment, 0);
  carnet_treatment_set_cycles (treatment, 0);
  ongoing = record_to_object (treatment);
  assert_string (ongoing, "kind", "hormone-therapy");
  assert_null (ongoing, "end");
  /* Not given in cycles: no cycle length nor count. */
  assert_null (ongoing, "cycle_days");
  assert_null (ongoing, "cycles");

  g_assert_finalize_object (g_steal_pointer (&treatment));
}

static void
test_occurrence (void)
{
  g_autoptr(CarnetAppointment) appointment = carnet_appointment_new ();
  g_autoptr(GDateTime) start = paris_time (2026, 12, 3, 8, 30);
  g_autoptr(GDateTime) repeat = paris_time (2027, 6, 3, 8, 30);
  g_autoptr(CarnetOccurrence) occurrence = NULL;
  g_autoptr(JsonNode) node = NULL;
  JsonObject *object;

  carnet_record_set_id (CARNET_RECORD (appointment), 9);
  carnet_appointment_set_title (appointment, "Mammography");
  carnet_appointment_set_kind (appointment, CARNET_APPOINTMENT_IMAGING);
  carnet_appointment_set_start (appointment, start);
  carnet_appointment_set_duration (appointment, 20);
  carnet_appointment_set_repeat (appointment, "FREQ=MONTHLY;INTERVAL=6");

  /* The second occurrence, after a DST change: same wall time, new offset. */
  occurrence = carnet_occurrence_new (appointment, repeat, CARNET_STATUS_CANCELLED);
  node = round_trip (carnet_json_from_occurrence (occurrence));
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  object = json_node_get_object (node);

  assert_members (object, occurrence_fields);
  assert_int (object, "appointment_id", 9);
  assert_string (object, "title", "Mammography");
  assert_string (object, "kind", "imaging");
  assert_string (object, "start", "2027-06-03T08:30:00+02:00");
  assert_string (object, "end", "2027-06-03T08:50:00+02:00");
  assert_string (object, "status", "cancelled");

  g_assert_finalize_object (g_steal_pointer (&occurrence));
  g_assert_finalize_object (g_steal_pointer (&appointment));
}

static void
test_list (void)
{
  g_autoptr(GListStore) store = g_list_store_new (G_TYPE_OBJECT);
  g_autoptr(CarnetAppointment) appointment = carnet_appointment_new ();
  g_autoptr(CarnetQuestion) question = carnet_question_new ();
  g_autoptr(GDateTime) start = paris_time (2026, 12, 3, 8, 30);
  g_autoptr(CarnetOccurrence) occurrence = NULL;
  g_autoptr(GListStore) empty = g_list_store_new (CARNET_TYPE_RECORD);
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonNode) empty_node = NULL;
  JsonArray *array;

  carnet_appointment_set_title (appointment, "Consultation");
  carnet_appointment_set_start (appointment, start);
  carnet_question_set_text (question, "Which sun cream?");
  occurrence = carnet_occurrence_new (appointment, start, CARNET_STATUS_PLANNED);

  g_list_store_append (store, appointment);
  g_list_store_append (store, question);
  g_list_store_append (store, occurrence);

  node = round_trip (carnet_json_from_list (G_LIST_MODEL (store)));
  g_assert_true (JSON_NODE_HOLDS_ARRAY (node));
  array = json_node_get_array (node);
  g_assert_cmpuint (json_array_get_length (array), ==, 3);

  /* In the order of the list, each with its own shape. */
  assert_members (json_array_get_object_element (array, 0), appointment_fields);
  assert_members (json_array_get_object_element (array, 1), question_fields);
  assert_members (json_array_get_object_element (array, 2), occurrence_fields);

  /* Nothing is an empty array, not null. */
  empty_node = round_trip (carnet_json_from_list (G_LIST_MODEL (empty)));
  g_assert_true (JSON_NODE_HOLDS_ARRAY (empty_node));
  g_assert_cmpuint (json_array_get_length (json_node_get_array (empty_node)), ==, 0);
}

static void
test_to_string (void)
{
  g_autoptr(CarnetTreatment) treatment = carnet_treatment_new ();
  g_autoptr(GDate) start = g_date_new_dmy (5, G_DATE_JANUARY, 2026);
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *compact = NULL;
  g_autofree char *pretty = NULL;

  carnet_treatment_set_name (treatment, "Radiothérapie \"boost\"");
  carnet_treatment_set_kind (treatment, CARNET_TREATMENT_RADIOTHERAPY);
  carnet_treatment_set_start (treatment, start);
  node = carnet_json_from_record (CARNET_RECORD (treatment));

  compact = carnet_json_to_string (node, FALSE);
  g_assert_null (strchr (compact, '\n'));
  g_assert_true (g_str_has_prefix (compact, "{\"id\":null,\"name\":\"Radiothérapie \\\"boost\\\"\","));
  g_assert_true (g_str_has_suffix (compact, "}"));

  /* Two-space indent, one member a line, no final newline (the CLI adds it). */
  pretty = carnet_json_to_string (node, TRUE);
  g_assert_true (g_str_has_prefix (pretty, "{\n  \"id\" : null,\n  \"name\" : "));
  g_assert_true (g_str_has_suffix (pretty, "\n}"));
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);

  paris = g_time_zone_new_identifier ("Europe/Paris");
  g_assert_nonnull (paris);

  g_test_add_func ("/core/json/appointment", test_appointment);
  g_test_add_func ("/core/json/appointment-empty", test_appointment_empty);
  g_test_add_func ("/core/json/result-value", test_result_value);
  g_test_add_func ("/core/json/result-text", test_result_text);
  g_test_add_func ("/core/json/result-flags", test_result_flags);
  g_test_add_func ("/core/json/side-effect", test_side_effect);
  g_test_add_func ("/core/json/question", test_question);
  g_test_add_func ("/core/json/treatment", test_treatment);
  g_test_add_func ("/core/json/occurrence", test_occurrence);
  g_test_add_func ("/core/json/list", test_list);
  g_test_add_func ("/core/json/to-string", test_to_string);

  ret = g_test_run ();

  g_time_zone_unref (paris);

  return ret;
}
