/* carnet-appointment.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "carnet-core"

#include "config.h"

#include "carnet-appointment.h"

#include <glib/gi18n-lib.h>

#include "carnet-enums.h"
#include "carnet-error.h"
#include "carnet-offsets.h"
#include "carnet-record-private.h"
#include "carnet-recurrence.h"

struct _CarnetAppointment
{
  CarnetRecord           parent_instance;

  char                  *title;
  CarnetAppointmentKind  kind;
  GDateTime             *start;
  gboolean               all_day;
  guint                  duration;
  char                  *location;
  char                  *practitioner;
  char                  *notes;
  CarnetStatus           status;
  /* Canonical text ("" for none) and the parsed offsets, kept in step. */
  char                  *reminders;
  GArray                *offsets;
  char                  *repeat;
};

G_DEFINE_FINAL_TYPE (CarnetAppointment, carnet_appointment, CARNET_TYPE_RECORD)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_KIND,
  PROP_START,
  PROP_ALL_DAY,
  PROP_DURATION,
  PROP_LOCATION,
  PROP_PRACTITIONER,
  PROP_NOTES,
  PROP_STATUS,
  PROP_REMINDERS,
  PROP_REPEAT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GDateTime *
compute_end (CarnetAppointment *self,
             GDateTime         *start)
{
  if (start == NULL)
    return NULL;

  /* Calendar days, so that an all-day appointment ends at the next midnight
   * even on the day a DST change makes 23 or 25 hours long. */
  if (self->all_day)
    return g_date_time_add_days (start, MAX (1, (self->duration + 24 * 60 - 1) / (24 * 60)));

  if (self->duration == 0)
    return NULL;

  return g_date_time_add_minutes (start, self->duration);
}

static gboolean
carnet_appointment_validate (CarnetRecord  *record,
                             GError       **error)
{
  CarnetAppointment *self = CARNET_APPOINTMENT (record);

  if (!carnet_record_check_text (self->title, "title", TRUE, CARNET_TITLE_MAX_CHARS, error) ||
      !carnet_record_check_enum (CARNET_TYPE_APPOINTMENT_KIND, self->kind, "kind", error) ||
      !carnet_record_check_required (self->start, "start", error))
    return FALSE;

  if (self->duration > CARNET_DURATION_MAX_MINUTES)
    {
      carnet_set_field_error (error, "duration",
                              _("must be 0 to %u minutes, got %u"),
                              (guint) CARNET_DURATION_MAX_MINUTES, self->duration);
      return FALSE;
    }

  if (!carnet_record_check_text (self->location, "location", FALSE, CARNET_TITLE_MAX_CHARS, error) ||
      !carnet_record_check_text (self->practitioner, "with", FALSE, CARNET_TITLE_MAX_CHARS, error) ||
      !carnet_record_check_text (self->notes, "notes", FALSE, CARNET_TEXT_MAX_CHARS, error) ||
      !carnet_record_check_enum (CARNET_TYPE_STATUS, self->status, "status", error))
    return FALSE;

  if (self->repeat != NULL &&
      !carnet_recurrence_validate (self->repeat, self->start, "repeat", error))
    return FALSE;

  return TRUE;
}

static GDateTime *
carnet_appointment_get_date (CarnetRecord *record)
{
  return CARNET_APPOINTMENT (record)->start;
}

static char *
carnet_appointment_dup_title (CarnetRecord *record)
{
  return g_strdup (CARNET_APPOINTMENT (record)->title);
}

static void
carnet_appointment_finalize (GObject *object)
{
  CarnetAppointment *self = CARNET_APPOINTMENT (object);

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->start, g_date_time_unref);
  g_clear_pointer (&self->location, g_free);
  g_clear_pointer (&self->practitioner, g_free);
  g_clear_pointer (&self->notes, g_free);
  g_clear_pointer (&self->reminders, g_free);
  g_clear_pointer (&self->offsets, g_array_unref);
  g_clear_pointer (&self->repeat, g_free);

  G_OBJECT_CLASS (carnet_appointment_parent_class)->finalize (object);
}

static void
carnet_appointment_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  CarnetAppointment *self = CARNET_APPOINTMENT (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_START:
      g_value_set_boxed (value, self->start);
      break;

    case PROP_ALL_DAY:
      g_value_set_boolean (value, self->all_day);
      break;

    case PROP_DURATION:
      g_value_set_uint (value, self->duration);
      break;

    case PROP_LOCATION:
      g_value_set_string (value, self->location);
      break;

    case PROP_PRACTITIONER:
      g_value_set_string (value, self->practitioner);
      break;

    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;

    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;

    case PROP_REMINDERS:
      g_value_set_string (value, self->reminders);
      break;

    case PROP_REPEAT:
      g_value_set_string (value, self->repeat);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
carnet_appointment_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  CarnetAppointment *self = CARNET_APPOINTMENT (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      carnet_appointment_set_title (self, g_value_get_string (value));
      break;

    case PROP_KIND:
      carnet_appointment_set_kind (self, g_value_get_enum (value));
      break;

    case PROP_START:
      carnet_appointment_set_start (self, g_value_get_boxed (value));
      break;

    case PROP_ALL_DAY:
      carnet_appointment_set_all_day (self, g_value_get_boolean (value));
      break;

    case PROP_DURATION:
      carnet_appointment_set_duration (self, g_value_get_uint (value));
      break;

    case PROP_LOCATION:
      carnet_appointment_set_location (self, g_value_get_string (value));
      break;

    case PROP_PRACTITIONER:
      carnet_appointment_set_practitioner (self, g_value_get_string (value));
      break;

    case PROP_NOTES:
      carnet_appointment_set_notes (self, g_value_get_string (value));
      break;

    case PROP_STATUS:
      carnet_appointment_set_status (self, g_value_get_enum (value));
      break;

    case PROP_REMINDERS:
      {
        g_autoptr(GError) error = NULL;

        if (!carnet_appointment_set_reminders (self, g_value_get_string (value), &error))
          g_critical ("Cannot set the reminders of an appointment: %s", error->message);
      }
      break;

    case PROP_REPEAT:
      carnet_appointment_set_repeat (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
carnet_appointment_class_init (CarnetAppointmentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  CarnetRecordClass *record_class = CARNET_RECORD_CLASS (klass);

  object_class->finalize = carnet_appointment_finalize;
  object_class->get_property = carnet_appointment_get_property;
  object_class->set_property = carnet_appointment_set_property;

  record_class->kind = CARNET_RECORD_APPOINTMENT;
  record_class->validate = carnet_appointment_validate;
  record_class->get_date = carnet_appointment_get_date;
  record_class->dup_title = carnet_appointment_dup_title;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       CARNET_TYPE_APPOINTMENT_KIND,
                       CARNET_APPOINTMENT_CONSULTATION,
                       (G_PARAM_READWRITE |
                        G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));

  properties[PROP_START] =
    g_param_spec_boxed ("start", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READWRITE |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  properties[PROP_ALL_DAY] =
    g_param_spec_boolean ("all-day", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE |
                           G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  /* Out-of-range durations are stored and refused by validation, as from C. */
  properties[PROP_DURATION] =
    g_param_spec_uint ("duration", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READWRITE |
                        G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));

  properties[PROP_LOCATION] =
    g_param_spec_string ("location", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_PRACTITIONER] =
    g_param_spec_string ("practitioner", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       CARNET_TYPE_STATUS,
                       CARNET_STATUS_PLANNED,
                       (G_PARAM_READWRITE |
                        G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));

  /* Setting an invalid list through the property is a programmer error;
   * editors call carnet_appointment_set_reminders() to get the message. */
  properties[PROP_REMINDERS] =
    g_param_spec_string ("reminders", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_REPEAT] =
    g_param_spec_string ("repeat", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
carnet_appointment_init (CarnetAppointment *self)
{
  self->kind = CARNET_APPOINTMENT_CONSULTATION;
  self->status = CARNET_STATUS_PLANNED;
  self->reminders = g_strdup ("");
  self->offsets = g_array_new (FALSE, FALSE, sizeof (CarnetOffset));
}

CarnetAppointment *
carnet_appointment_new (void)
{
  return g_object_new (CARNET_TYPE_APPOINTMENT, NULL);
}

const char *
carnet_appointment_get_title (CarnetAppointment *self)
{
  g_return_val_if_fail (CARNET_IS_APPOINTMENT (self), NULL);

  return self->title;
}

void
carnet_appointment_set_title (CarnetAppointment *self,
                              const char        *title)
{
  g_return_if_fail (CARNET_IS_APPOINTMENT (self));

  if (carnet_record_replace_string (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

CarnetAppointmentKind
carnet_appointment_get_kind (CarnetAppointment *self)
{
  g_return_val_if_fail (CARNET_IS_APPOINTMENT (self), CARNET_APPOINTMENT_CONSULTATION);

  return self->kind;
}

void
carnet_appointment_set_kind (CarnetAppointment     *self,
                             CarnetAppointmentKind  kind)
{
  g_return_if_fail (CARNET_IS_APPOINTMENT (self));

  if (self->kind == kind)
    return;

  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

GDateTime *
carnet_appointment_get_start (CarnetAppointment *self)
{
  g_return_val_if_fail (CARNET_IS_APPOINTMENT (self), NULL);

  return self->start;
}

void
carnet_appointment_set_start (CarnetAppointment *self,
                              GDateTime         *start)
{
  g_return_if_fail (CARNET_IS_APPOINTMENT (self));

  if (carnet_record_replace_time (&self->start, start))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_START]);
}

gboolean
carnet_appointment_get_all_day (CarnetAppointment *self)
{
  g_return_val_if_fail (CARNET_IS_APPOINTMENT (self), FALSE);

  return self->all_day;
}

void
carnet_appointment_set_all_day (CarnetAppointment *self,
                                gboolean           all_day)
{
  g_return_if_fail (CARNET_IS_APPOINTMENT (self));

  all_day = !!all_day;

  if (self->all_day == all_day)
    return;

  self->all_day = all_day;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ALL_DAY]);
}

guint
carnet_appointment_get_duration (CarnetAppointment *self)
{
  g_return_val_if_fail (CARNET_IS_APPOINTMENT (self), 0);

  return self->duration;
}

void
carnet_appointment_set_duration (CarnetAppointment *self,
                                 guint              minutes)
{
  g_return_if_fail (CARNET_IS_APPOINTMENT (self));

  if (self->duration == minutes)
    return;

  self->duration = minutes;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DURATION]);
}

/* Returns: (transfer full) (nullable): the end of the appointment (the next
 * midnight for an all-day one), or NULL when its duration is unknown */
GDateTime *
carnet_appointment_dup_end (CarnetAppointment *self)
{
  g_return_val_if_fail (CARNET_IS_APPOINTMENT (self), NULL);

  return compute_end (self, self->start);
}

/* Returns: (transfer full) (nullable): the end of the occurrence that starts
 * at @occurrence_start */
GDateTime *
carnet_appointment_dup_end_for (CarnetAppointment *self,
                                GDateTime         *occurrence_start)
{
  g_return_val_if_fail (CARNET_IS_APPOINTMENT (self), NULL);
  g_return_val_if_fail (occurrence_start != NULL, NULL);

  return compute_end (self, occurrence_start);
}

const char *
carnet_appointment_get_location (CarnetAppointment *self)
{
  g_return_val_if_fail (CARNET_IS_APPOINTMENT (self), NULL);

  return self->location;
}

void
carnet_appointment_set_location (CarnetAppointment *self,
                                 const char        *location)
{
  g_return_if_fail (CARNET_IS_APPOINTMENT (self));

  if (carnet_record_replace_string (&self->location, location))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOCATION]);
}

const char *
carnet_appointment_get_practitioner (CarnetAppointment *self)
{
  g_return_val_if_fail (CARNET_IS_APPOINTMENT (self), NULL);

  return self->practitioner;
}

void
carnet_appointment_set_practitioner (CarnetAppointment *self,
                                     const char        *practitioner)
{
  g_return_if_fail (CARNET_IS_APPOINTMENT (self));

  if (carnet_record_replace_string (&self->practitioner, practitioner))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRACTITIONER]);
}

const char *
carnet_appointment_get_notes (CarnetAppointment *self)
{
  g_return_val_if_fail (CARNET_IS_APPOINTMENT (self), NULL);

  return self->notes;
}

void
carnet_appointment_set_notes (CarnetAppointment *self,
                              const char        *notes)
{
  g_return_if_fail (CARNET_IS_APPOINTMENT (self));

  if (carnet_record_replace_string (&self->notes, notes))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTES]);
}

CarnetStatus
carnet_appointment_get_status (CarnetAppointment *self)
{
  g_return_val_if_fail (CARNET_IS_APPOINTMENT (self), CARNET_STATUS_PLANNED);

  return self->status;
}

void
carnet_appointment_set_status (CarnetAppointment *self,
                               CarnetStatus       status)
{
  g_return_if_fail (CARNET_IS_APPOINTMENT (self));

  if (self->status == status)
    return;

  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

const char *
carnet_appointment_get_reminders (CarnetAppointment *self)
{
  g_return_val_if_fail (CARNET_IS_APPOINTMENT (self), "");

  return self->reminders;
}

/* @offsets is what a person typed ("1d, 2h"); NULL, blank or "none" means no
 * reminder. On error nothing changes and @error names the "remind" field. */
gboolean
carnet_appointment_set_reminders (CarnetAppointment  *self,
                                  const char         *offsets,
                                  GError            **error)
{
  g_autoptr(GArray) parsed = NULL;
  g_autofree char *canonical = NULL;

  g_return_val_if_fail (CARNET_IS_APPOINTMENT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  parsed = carnet_offsets_parse (offsets, "remind", error);
  if (parsed == NULL)
    return FALSE;

  canonical = carnet_offsets_to_string (parsed);

  if (g_strcmp0 (self->reminders, canonical) == 0)
    return TRUE;

  g_clear_pointer (&self->offsets, g_array_unref);
  self->offsets = g_steal_pointer (&parsed);
  g_free (self->reminders);
  self->reminders = g_steal_pointer (&canonical);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REMINDERS]);

  return TRUE;
}

/* Returns: (transfer full): a new array of #CarnetOffset, empty when the
 * appointment has no reminder */
GArray *
carnet_appointment_dup_offsets (CarnetAppointment *self)
{
  g_return_val_if_fail (CARNET_IS_APPOINTMENT (self), NULL);

  return g_array_copy (self->offsets);
}

const char *
carnet_appointment_get_repeat (CarnetAppointment *self)
{
  g_return_val_if_fail (CARNET_IS_APPOINTMENT (self), NULL);

  return self->repeat;
}

/* Stored in libical's normal form; a rule that does not parse is kept as
 * given, so that validation can tell the person what is wrong with it. */
void
carnet_appointment_set_repeat (CarnetAppointment *self,
                               const char        *rrule)
{
  g_autofree char *normalized = NULL;

  g_return_if_fail (CARNET_IS_APPOINTMENT (self));

  if (rrule != NULL && *rrule != '\0')
    {
      normalized = carnet_recurrence_normalize (rrule);
      if (normalized == NULL)
        normalized = g_strdup (rrule);
    }

  if (carnet_record_replace_string (&self->repeat, normalized))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REPEAT]);
}
