/* carnet-types.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The enumerations shared by every record. Their GEnum nicks ("blood-test",
 * "hormone-therapy", "side-effect"…) are the words of the file format, the JSON
 * and carnet-cli: never rename one.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  CARNET_RECORD_APPOINTMENT,
  CARNET_RECORD_RESULT,
  CARNET_RECORD_SIDE_EFFECT,
  CARNET_RECORD_QUESTION,
  CARNET_RECORD_TREATMENT,
} CarnetRecordKind;

#define CARNET_N_RECORD_KINDS (CARNET_RECORD_TREATMENT + 1)

typedef enum
{
  CARNET_APPOINTMENT_CONSULTATION,
  CARNET_APPOINTMENT_BLOOD_TEST,
  CARNET_APPOINTMENT_IMAGING,
  CARNET_APPOINTMENT_BIOPSY,
  CARNET_APPOINTMENT_TREATMENT,
  CARNET_APPOINTMENT_SURGERY,
  CARNET_APPOINTMENT_OTHER,
} CarnetAppointmentKind;

#define CARNET_N_APPOINTMENT_KINDS (CARNET_APPOINTMENT_OTHER + 1)

typedef enum
{
  CARNET_STATUS_PLANNED,
  CARNET_STATUS_DONE,
  CARNET_STATUS_CANCELLED,
  CARNET_STATUS_MISSED,
} CarnetStatus;

typedef enum
{
  CARNET_TREATMENT_CHEMOTHERAPY,
  CARNET_TREATMENT_RADIOTHERAPY,
  CARNET_TREATMENT_HORMONE_THERAPY,
  CARNET_TREATMENT_TARGETED_THERAPY,
  CARNET_TREATMENT_IMMUNOTHERAPY,
  CARNET_TREATMENT_SURGERY,
  CARNET_TREATMENT_OTHER,
} CarnetTreatmentKind;

typedef enum
{
  CARNET_QUESTION_OPEN,
  CARNET_QUESTION_ASKED,
  CARNET_QUESTION_ANSWERED,
} CarnetQuestionStatus;

typedef enum
{
  CARNET_AUTHOR_PATIENT,
  CARNET_AUTHOR_CAREGIVER,
} CarnetAuthor;

typedef enum
{
  CARNET_FLAG_NONE,
  CARNET_FLAG_LOW,
  CARNET_FLAG_NORMAL,
  CARNET_FLAG_HIGH,
} CarnetFlag;

/* Where a reminder stands. */
typedef enum
{
  /* Not shown yet: not due, or due and not decided. */
  CARNET_REMINDER_PENDING,
  /* Shown when it fell due. */
  CARNET_REMINDER_NOTIFIED,
  /* Shown after its time: nothing ran when it fell due. */
  CARNET_REMINDER_LATE,
  /* Fell due while nothing ran, and the appointment was over by then. */
  CARNET_REMINDER_MISSED,
  /* Shown, then put off until later. */
  CARNET_REMINDER_SNOOZED,
  /* Shown and acknowledged. */
  CARNET_REMINDER_DONE,
} CarnetReminderState;

/* PRO-CTCAE's five-point scale of a symptom's severity. */
#define CARNET_SEVERITY_MIN 0
#define CARNET_SEVERITY_MAX 4

gboolean    carnet_enum_from_nick               (GType                  enum_type,
                                                 const char            *nick,
                                                 int                   *out_value);
const char *carnet_enum_to_nick                 (GType                  enum_type,
                                                 int                    value);

const char *carnet_record_kind_label            (CarnetRecordKind       kind);
const char *carnet_appointment_kind_label       (CarnetAppointmentKind  kind);
const char *carnet_status_label                 (CarnetStatus           status);
const char *carnet_treatment_kind_label         (CarnetTreatmentKind    kind);
const char *carnet_question_status_label        (CarnetQuestionStatus   status);
const char *carnet_author_label                 (CarnetAuthor           author);
const char *carnet_flag_label                   (CarnetFlag             flag);
const char *carnet_severity_label               (int                    severity);

G_END_DECLS
