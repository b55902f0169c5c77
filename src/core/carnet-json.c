/* carnet-json.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The field names and shapes are carnet-cli's contract (DESIGN.md): scripts
 * depend on them. Add fields, never rename or remove one.
 */
#define G_LOG_DOMAIN "carnet-core"

#include "config.h"

#include "carnet-json.h"

#include <math.h>

#include "carnet-appointment.h"
#include "carnet-enums.h"
#include "carnet-offsets.h"
#include "carnet-question.h"
#include "carnet-result.h"
#include "carnet-side-effect.h"
#include "carnet-time.h"
#include "carnet-treatment.h"

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_time (JsonBuilder *builder,
          const char  *name,
          GDateTime   *value)
{
  g_autofree char *text = NULL;

  if (value != NULL)
    text = carnet_time_format_iso (value);

  add_string (builder, name, text);
}

static void
add_date (JsonBuilder *builder,
          const char  *name,
          const GDate *value)
{
  g_autofree char *text = NULL;

  if (value != NULL)
    text = carnet_date_format_iso (value);

  add_string (builder, name, text);
}

/* Id 0 is "none" (or "not saved yet"). */
static void
add_id (JsonBuilder *builder,
        const char  *name,
        gint64       id)
{
  json_builder_set_member_name (builder, name);
  if (id != 0)
    json_builder_add_int_value (builder, id);
  else
    json_builder_add_null_value (builder);
}

/* A count of 0 is "none". */
static void
add_count (JsonBuilder *builder,
           const char  *name,
           guint        count)
{
  json_builder_set_member_name (builder, name);
  if (count != 0)
    json_builder_add_int_value (builder, count);
  else
    json_builder_add_null_value (builder);
}

/* JSON has no NAN nor infinity: an unset number is null. */
static void
add_number (JsonBuilder *builder,
            const char  *name,
            double       value)
{
  json_builder_set_member_name (builder, name);
  if (isfinite (value))
    json_builder_add_double_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_enum (JsonBuilder *builder,
          const char  *name,
          GType        enum_type,
          int          value)
{
  add_string (builder, name, carnet_enum_to_nick (enum_type, value));
}

static int
compare_minutes (gconstpointer a,
                 gconstpointer b)
{
  guint minutes_a = *(const guint *) a;
  guint minutes_b = *(const guint *) b;

  return (minutes_a > minutes_b) - (minutes_a < minutes_b);
}

static void
add_reminders (JsonBuilder       *builder,
               CarnetAppointment *appointment)
{
  g_autoptr(GArray) offsets = carnet_appointment_dup_offsets (appointment);
  g_autoptr(GArray) minutes = g_array_sized_new (FALSE, FALSE, sizeof (guint), offsets->len);

  for (guint i = 0; i < offsets->len; i++)
    {
      guint m = carnet_offset_get_minutes (&g_array_index (offsets, CarnetOffset, i));

      g_array_append_val (minutes, m);
    }
  g_array_sort (minutes, compare_minutes);

  json_builder_set_member_name (builder, "remind");
  json_builder_begin_array (builder);
  for (guint i = 0; i < minutes->len; i++)
    json_builder_add_int_value (builder, g_array_index (minutes, guint, i));
  json_builder_end_array (builder);
}

static void
add_appointment_fields (JsonBuilder       *builder,
                        CarnetAppointment *self)
{
  g_autoptr(GDateTime) end = carnet_appointment_dup_end (self);

  add_string (builder, "title", carnet_appointment_get_title (self));
  add_enum (builder, "kind", CARNET_TYPE_APPOINTMENT_KIND, carnet_appointment_get_kind (self));
  add_time (builder, "start", carnet_appointment_get_start (self));
  add_time (builder, "end", end);
  json_builder_set_member_name (builder, "all_day");
  json_builder_add_boolean_value (builder, carnet_appointment_get_all_day (self));
  add_string (builder, "location", carnet_appointment_get_location (self));
  add_string (builder, "with", carnet_appointment_get_practitioner (self));
  add_string (builder, "notes", carnet_appointment_get_notes (self));
  add_enum (builder, "status", CARNET_TYPE_STATUS, carnet_appointment_get_status (self));
  add_reminders (builder, self);
  add_string (builder, "repeat", carnet_appointment_get_repeat (self));
}

static void
add_result_fields (JsonBuilder  *builder,
                   CarnetResult *self)
{
  CarnetFlag flag = carnet_result_get_flag (self);

  add_string (builder, "name", carnet_result_get_name (self));
  add_number (builder, "value", carnet_result_get_value (self));
  add_string (builder, "text", carnet_result_get_text (self));
  add_string (builder, "unit", carnet_result_get_unit (self));
  add_number (builder, "low", carnet_result_get_low (self));
  add_number (builder, "high", carnet_result_get_high (self));
  add_string (builder, "flag",
              flag != CARNET_FLAG_NONE ? carnet_enum_to_nick (CARNET_TYPE_FLAG, flag) : NULL);
  add_time (builder, "at", carnet_result_get_at (self));
  add_id (builder, "appointment_id", carnet_result_get_appointment_id (self));
  add_string (builder, "notes", carnet_result_get_notes (self));
  add_string (builder, "attachment", carnet_result_get_attachment_name (self));
}

static void
add_side_effect_fields (JsonBuilder      *builder,
                        CarnetSideEffect *self)
{
  int severity = carnet_side_effect_get_severity (self);

  add_string (builder, "symptom", carnet_side_effect_get_symptom (self));
  json_builder_set_member_name (builder, "severity");
  if (severity >= CARNET_SEVERITY_MIN && severity <= CARNET_SEVERITY_MAX)
    json_builder_add_int_value (builder, severity);
  else
    json_builder_add_null_value (builder);
  add_time (builder, "at", carnet_side_effect_get_at (self));
  add_time (builder, "until", carnet_side_effect_get_until (self));
  add_id (builder, "treatment_id", carnet_side_effect_get_treatment_id (self));
  add_string (builder, "cycle", carnet_side_effect_get_cycle (self));
  add_string (builder, "notes", carnet_side_effect_get_notes (self));
}

static void
add_question_fields (JsonBuilder    *builder,
                     CarnetQuestion *self)
{
  add_string (builder, "text", carnet_question_get_text (self));
  add_id (builder, "appointment_id", carnet_question_get_appointment_id (self));
  add_enum (builder, "by", CARNET_TYPE_AUTHOR, carnet_question_get_author (self));
  add_enum (builder, "status", CARNET_TYPE_QUESTION_STATUS, carnet_question_get_status (self));
  add_string (builder, "answer", carnet_question_get_answer (self));
  json_builder_set_member_name (builder, "position");
  json_builder_add_int_value (builder, carnet_question_get_position (self));
  add_time (builder, "created", carnet_question_get_created (self));
}

static void
add_treatment_fields (JsonBuilder     *builder,
                      CarnetTreatment *self)
{
  add_string (builder, "name", carnet_treatment_get_name (self));
  add_enum (builder, "kind", CARNET_TYPE_TREATMENT_KIND, carnet_treatment_get_kind (self));
  add_date (builder, "start", carnet_treatment_get_start (self));
  add_date (builder, "end", carnet_treatment_get_end (self));
  /* A treatment not given in cycles has no cycle length nor count: null. */
  add_count (builder, "cycle_days", carnet_treatment_get_cycle_days (self));
  add_count (builder, "cycles", carnet_treatment_get_cycles (self));
  add_string (builder, "notes", carnet_treatment_get_notes (self));
}

/**
 * carnet_json_from_record:
 *
 * Returns: (transfer full): a JSON object with the record's fields, "id"
 *   first and "trashed" (null unless the record is in the trash) last
 */
JsonNode *
carnet_json_from_record (CarnetRecord *record)
{
  g_autoptr(JsonBuilder) builder = NULL;

  g_return_val_if_fail (CARNET_IS_RECORD (record), NULL);

  builder = json_builder_new ();
  json_builder_begin_object (builder);

  add_id (builder, "id", carnet_record_get_id (record));

  switch (carnet_record_get_kind (record))
    {
    case CARNET_RECORD_APPOINTMENT:
      add_appointment_fields (builder, CARNET_APPOINTMENT (record));
      break;
    case CARNET_RECORD_RESULT:
      add_result_fields (builder, CARNET_RESULT (record));
      break;
    case CARNET_RECORD_SIDE_EFFECT:
      add_side_effect_fields (builder, CARNET_SIDE_EFFECT (record));
      break;
    case CARNET_RECORD_QUESTION:
      add_question_fields (builder, CARNET_QUESTION (record));
      break;
    case CARNET_RECORD_TREATMENT:
      add_treatment_fields (builder, CARNET_TREATMENT (record));
      break;
    default:
      g_assert_not_reached ();
    }

  add_time (builder, "trashed", carnet_record_get_trashed (record));

  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/**
 * carnet_json_from_occurrence:
 *
 * Returns: (transfer full): an agenda item: the occurrence's own start, end
 *   and status with its appointment's id, title and kind
 */
JsonNode *
carnet_json_from_occurrence (CarnetOccurrence *occurrence)
{
  g_autoptr(JsonBuilder) builder = NULL;
  CarnetAppointment *appointment;

  g_return_val_if_fail (CARNET_IS_OCCURRENCE (occurrence), NULL);

  appointment = carnet_occurrence_get_appointment (occurrence);

  builder = json_builder_new ();
  json_builder_begin_object (builder);

  add_id (builder, "appointment_id", carnet_record_get_id (CARNET_RECORD (appointment)));
  add_string (builder, "title", carnet_appointment_get_title (appointment));
  add_enum (builder, "kind", CARNET_TYPE_APPOINTMENT_KIND, carnet_appointment_get_kind (appointment));
  add_time (builder, "start", carnet_occurrence_get_start (occurrence));
  add_time (builder, "end", carnet_occurrence_get_end (occurrence));
  add_enum (builder, "status", CARNET_TYPE_STATUS, carnet_occurrence_get_status (occurrence));

  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/**
 * carnet_json_from_search_hit:
 *
 * Returns: (transfer full): `kind id title snippet at`
 */
JsonNode *
carnet_json_from_search_hit (CarnetSearchHit *hit)
{
  g_autoptr(JsonBuilder) builder = NULL;

  g_return_val_if_fail (CARNET_IS_SEARCH_HIT (hit), NULL);

  builder = json_builder_new ();
  json_builder_begin_object (builder);

  add_enum (builder, "kind", CARNET_TYPE_RECORD_KIND, carnet_search_hit_get_kind (hit));
  add_id (builder, "id", carnet_search_hit_get_id (hit));
  add_string (builder, "title", carnet_search_hit_get_title (hit));
  add_string (builder, "snippet", carnet_search_hit_get_snippet (hit));
  add_time (builder, "at", carnet_search_hit_get_at (hit));

  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/**
 * carnet_json_from_reminder:
 *
 * Returns: (transfer full): `appointment_id title start fires_at offset_min`,
 *   plus `state` and, for a snoozed one, `due`
 */
JsonNode *
carnet_json_from_reminder (CarnetReminder *reminder)
{
  g_autoptr(JsonBuilder) builder = NULL;
  CarnetAppointment *appointment;

  g_return_val_if_fail (CARNET_IS_REMINDER (reminder), NULL);

  appointment = carnet_reminder_get_appointment (reminder);

  builder = json_builder_new ();
  json_builder_begin_object (builder);

  add_id (builder, "appointment_id", carnet_reminder_get_appointment_id (reminder));
  add_string (builder, "title", carnet_appointment_get_title (appointment));
  add_time (builder, "start", carnet_reminder_get_occurrence_start (reminder));
  add_time (builder, "fires_at", carnet_reminder_get_fires_at (reminder));
  json_builder_set_member_name (builder, "offset_min");
  json_builder_add_int_value (builder, carnet_offset_get_minutes (carnet_reminder_get_offset (reminder)));
  add_enum (builder, "state", CARNET_TYPE_REMINDER_STATE, carnet_reminder_get_state (reminder));
  add_time (builder, "due", carnet_reminder_get_due (reminder));

  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/**
 * carnet_json_from_list:
 * @records: a list of #CarnetRecord or #CarnetOccurrence
 *
 * Returns: (transfer full): a JSON array, in the order of the list
 */
JsonNode *
carnet_json_from_list (GListModel *records)
{
  g_autoptr(JsonArray) array = NULL;
  JsonNode *root;
  guint n_items;

  g_return_val_if_fail (G_IS_LIST_MODEL (records), NULL);

  n_items = g_list_model_get_n_items (records);
  array = json_array_sized_new (n_items);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (records, i);

      if (CARNET_IS_OCCURRENCE (item))
        json_array_add_element (array, carnet_json_from_occurrence (CARNET_OCCURRENCE (item)));
      else if (CARNET_IS_SEARCH_HIT (item))
        json_array_add_element (array, carnet_json_from_search_hit (CARNET_SEARCH_HIT (item)));
      else if (CARNET_IS_REMINDER (item))
        json_array_add_element (array, carnet_json_from_reminder (CARNET_REMINDER (item)));
      else if (CARNET_IS_RECORD (item))
        json_array_add_element (array, carnet_json_from_record (CARNET_RECORD (item)));
      else
        g_critical ("%s: a %s is not a record, an occurrence or a reminder",
                    G_STRFUNC, G_OBJECT_TYPE_NAME (item));
    }

  root = json_node_new (JSON_NODE_ARRAY);
  json_node_set_array (root, array);

  return root;
}

/**
 * carnet_json_to_string:
 * @pretty: indent by two spaces, one member per line
 *
 * Returns: (transfer full): the JSON text, without a final newline
 */
char *
carnet_json_to_string (JsonNode *node,
                       gboolean  pretty)
{
  g_autoptr(JsonGenerator) generator = NULL;

  g_return_val_if_fail (node != NULL, NULL);

  generator = json_generator_new ();
  json_generator_set_pretty (generator, pretty);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, node);

  return json_generator_to_data (generator, NULL);
}
