/* carnet-types.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "carnet-core"

#include "config.h"

#include "carnet-types.h"

#include <glib/gi18n-lib.h>

#include "carnet-enums.h"

gboolean
carnet_enum_from_nick (GType       enum_type,
                       const char *nick,
                       int        *out_value)
{
  g_autoptr(GEnumClass) klass = NULL;
  GEnumValue *value;

  g_return_val_if_fail (G_TYPE_IS_ENUM (enum_type), FALSE);

  if (nick == NULL)
    return FALSE;

  klass = g_type_class_ref (enum_type);
  value = g_enum_get_value_by_nick (klass, nick);
  if (value == NULL)
    return FALSE;

  if (out_value != NULL)
    *out_value = value->value;

  return TRUE;
}

/* Returns NULL for a value outside the enumeration. The nick is static: the
 * enum class of a static type is never finalized. */
const char *
carnet_enum_to_nick (GType enum_type,
                     int   value)
{
  g_autoptr(GEnumClass) klass = NULL;
  GEnumValue *enum_value;

  g_return_val_if_fail (G_TYPE_IS_ENUM (enum_type), NULL);

  klass = g_type_class_ref (enum_type);
  enum_value = g_enum_get_value (klass, value);

  return enum_value != NULL ? enum_value->value_nick : NULL;
}

const char *
carnet_record_kind_label (CarnetRecordKind kind)
{
  switch (kind)
    {
    case CARNET_RECORD_APPOINTMENT:
      return _("Appointment");
    case CARNET_RECORD_RESULT:
      return _("Result");
    case CARNET_RECORD_SIDE_EFFECT:
      return _("Side effect");
    case CARNET_RECORD_QUESTION:
      return _("Question");
    case CARNET_RECORD_TREATMENT:
      return C_("record kind", "Treatment");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
carnet_appointment_kind_label (CarnetAppointmentKind kind)
{
  switch (kind)
    {
    case CARNET_APPOINTMENT_CONSULTATION:
      return _("Consultation");
    case CARNET_APPOINTMENT_BLOOD_TEST:
      return _("Blood test");
    case CARNET_APPOINTMENT_IMAGING:
      return _("Imaging");
    case CARNET_APPOINTMENT_BIOPSY:
      return _("Biopsy");
    case CARNET_APPOINTMENT_TREATMENT:
      return C_("appointment kind", "Treatment session");
    case CARNET_APPOINTMENT_SURGERY:
      return C_("appointment kind", "Surgery");
    case CARNET_APPOINTMENT_OTHER:
      return C_("appointment kind", "Other");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
carnet_status_label (CarnetStatus status)
{
  switch (status)
    {
    case CARNET_STATUS_PLANNED:
      return _("Planned");
    case CARNET_STATUS_DONE:
      return _("Done");
    case CARNET_STATUS_CANCELLED:
      return _("Cancelled");
    case CARNET_STATUS_MISSED:
      return _("Missed");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
carnet_treatment_kind_label (CarnetTreatmentKind kind)
{
  switch (kind)
    {
    case CARNET_TREATMENT_CHEMOTHERAPY:
      return _("Chemotherapy");
    case CARNET_TREATMENT_RADIOTHERAPY:
      return _("Radiotherapy");
    case CARNET_TREATMENT_HORMONE_THERAPY:
      return _("Hormone therapy");
    case CARNET_TREATMENT_TARGETED_THERAPY:
      return _("Targeted therapy");
    case CARNET_TREATMENT_IMMUNOTHERAPY:
      return _("Immunotherapy");
    case CARNET_TREATMENT_SURGERY:
      return C_("treatment kind", "Surgery");
    case CARNET_TREATMENT_OTHER:
      return C_("treatment kind", "Other");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
carnet_question_status_label (CarnetQuestionStatus status)
{
  switch (status)
    {
    case CARNET_QUESTION_OPEN:
      return C_("question status", "Open");
    case CARNET_QUESTION_ASKED:
      return C_("question status", "Asked");
    case CARNET_QUESTION_ANSWERED:
      return C_("question status", "Answered");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
carnet_author_label (CarnetAuthor author)
{
  switch (author)
    {
    case CARNET_AUTHOR_PATIENT:
      return _("Patient");
    case CARNET_AUTHOR_CAREGIVER:
      return _("Caregiver");
    default:
      g_return_val_if_reached (NULL);
    }
}

/* A result without a reference range has no flag: the label is then "" so
 * that it can be shown as is. */
const char *
carnet_flag_label (CarnetFlag flag)
{
  switch (flag)
    {
    case CARNET_FLAG_NONE:
      return "";
    case CARNET_FLAG_LOW:
      return C_("result flag", "Low");
    case CARNET_FLAG_NORMAL:
      return C_("result flag", "Normal");
    case CARNET_FLAG_HIGH:
      return C_("result flag", "High");
    default:
      g_return_val_if_reached (NULL);
    }
}

/* PRO-CTCAE's wording. A severity that is not set yet (-1) or out of the
 * scale has no label: NULL, without a warning, since editors ask for it
 * before the person chose one. */
const char *
carnet_severity_label (int severity)
{
  switch (severity)
    {
    case 0:
      return C_("severity", "None");
    case 1:
      return C_("severity", "Mild");
    case 2:
      return C_("severity", "Moderate");
    case 3:
      return C_("severity", "Severe");
    case 4:
      return C_("severity", "Very severe");
    default:
      return NULL;
    }
}
