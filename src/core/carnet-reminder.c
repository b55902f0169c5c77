/* carnet-reminder.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "carnet-core"

#include "config.h"

#include "carnet-reminder.h"

#include "carnet-enums.h"

struct _CarnetReminder
{
  GObject              parent_instance;

  CarnetAppointment   *appointment;
  GDateTime           *occurrence_start;
  GDateTime           *fires_at;
  GDateTime           *snooze_until;
  CarnetOffset         offset;
  CarnetReminderState  state;
  guint                open_questions;
};

G_DEFINE_FINAL_TYPE (CarnetReminder, carnet_reminder, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_APPOINTMENT,
  PROP_OCCURRENCE_START,
  PROP_FIRES_AT,
  PROP_STATE,
  PROP_SNOOZE_UNTIL,
  PROP_OPEN_QUESTIONS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
carnet_reminder_finalize (GObject *object)
{
  CarnetReminder *self = CARNET_REMINDER (object);

  g_clear_object (&self->appointment);
  g_clear_pointer (&self->occurrence_start, g_date_time_unref);
  g_clear_pointer (&self->fires_at, g_date_time_unref);
  g_clear_pointer (&self->snooze_until, g_date_time_unref);

  G_OBJECT_CLASS (carnet_reminder_parent_class)->finalize (object);
}

static void
carnet_reminder_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CarnetReminder *self = CARNET_REMINDER (object);

  switch (prop_id)
    {
    case PROP_APPOINTMENT:
      g_value_set_object (value, self->appointment);
      break;
    case PROP_OCCURRENCE_START:
      g_value_set_boxed (value, self->occurrence_start);
      break;
    case PROP_FIRES_AT:
      g_value_set_boxed (value, self->fires_at);
      break;
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    case PROP_SNOOZE_UNTIL:
      g_value_set_boxed (value, self->snooze_until);
      break;
    case PROP_OPEN_QUESTIONS:
      g_value_set_uint (value, self->open_questions);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
carnet_reminder_class_init (CarnetReminderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = carnet_reminder_finalize;
  object_class->get_property = carnet_reminder_get_property;

  properties[PROP_APPOINTMENT] =
    g_param_spec_object ("appointment", NULL, NULL,
                         CARNET_TYPE_APPOINTMENT,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_OCCURRENCE_START] =
    g_param_spec_boxed ("occurrence-start", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_FIRES_AT] =
    g_param_spec_boxed ("fires-at", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL,
                       CARNET_TYPE_REMINDER_STATE,
                       CARNET_REMINDER_PENDING,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SNOOZE_UNTIL] =
    g_param_spec_boxed ("snooze-until", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_OPEN_QUESTIONS] =
    g_param_spec_uint ("open-questions", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
carnet_reminder_init (CarnetReminder *self)
{
}

CarnetReminder *
carnet_reminder_new (CarnetAppointment  *appointment,
                     GDateTime          *occurrence_start,
                     const CarnetOffset *offset)
{
  CarnetReminder *self;

  g_return_val_if_fail (CARNET_IS_APPOINTMENT (appointment), NULL);
  g_return_val_if_fail (occurrence_start != NULL, NULL);
  g_return_val_if_fail (offset != NULL, NULL);

  self = g_object_new (CARNET_TYPE_REMINDER, NULL);
  self->appointment = g_object_ref (appointment);
  self->occurrence_start = g_date_time_ref (occurrence_start);
  self->offset = *offset;
  self->fires_at = carnet_offset_apply (offset, occurrence_start);

  return self;
}

/**
 * carnet_reminder_get_appointment:
 *
 * Returns: (transfer none): the appointment, as it was when the reminder was
 *   computed
 */
CarnetAppointment *
carnet_reminder_get_appointment (CarnetReminder *self)
{
  g_return_val_if_fail (CARNET_IS_REMINDER (self), NULL);

  return self->appointment;
}

gint64
carnet_reminder_get_appointment_id (CarnetReminder *self)
{
  g_return_val_if_fail (CARNET_IS_REMINDER (self), 0);

  return carnet_record_get_id (CARNET_RECORD (self->appointment));
}

GDateTime *
carnet_reminder_get_occurrence_start (CarnetReminder *self)
{
  g_return_val_if_fail (CARNET_IS_REMINDER (self), NULL);

  return self->occurrence_start;
}

GDateTime *
carnet_reminder_get_fires_at (CarnetReminder *self)
{
  g_return_val_if_fail (CARNET_IS_REMINDER (self), NULL);

  return self->fires_at;
}

GDateTime *
carnet_reminder_get_due (CarnetReminder *self)
{
  g_return_val_if_fail (CARNET_IS_REMINDER (self), NULL);

  if (self->state == CARNET_REMINDER_SNOOZED && self->snooze_until != NULL)
    return self->snooze_until;

  return self->fires_at;
}

const CarnetOffset *
carnet_reminder_get_offset (CarnetReminder *self)
{
  g_return_val_if_fail (CARNET_IS_REMINDER (self), NULL);

  return &self->offset;
}

char *
carnet_reminder_dup_offset_text (CarnetReminder *self)
{
  g_autoptr(GArray) one = g_array_new (FALSE, FALSE, sizeof (CarnetOffset));

  g_return_val_if_fail (CARNET_IS_REMINDER (self), NULL);

  g_array_append_val (one, self->offset);
  return carnet_offsets_to_string (one);
}

CarnetReminderState
carnet_reminder_get_state (CarnetReminder *self)
{
  g_return_val_if_fail (CARNET_IS_REMINDER (self), CARNET_REMINDER_PENDING);

  return self->state;
}

void
carnet_reminder_set_state (CarnetReminder      *self,
                           CarnetReminderState  state)
{
  g_return_if_fail (CARNET_IS_REMINDER (self));

  if (self->state == state)
    return;

  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

GDateTime *
carnet_reminder_get_snooze_until (CarnetReminder *self)
{
  g_return_val_if_fail (CARNET_IS_REMINDER (self), NULL);

  return self->snooze_until;
}

void
carnet_reminder_set_snooze_until (CarnetReminder *self,
                                  GDateTime      *until)
{
  g_return_if_fail (CARNET_IS_REMINDER (self));

  if (self->snooze_until == until ||
      (self->snooze_until != NULL && until != NULL && g_date_time_equal (self->snooze_until, until)))
    return;

  g_clear_pointer (&self->snooze_until, g_date_time_unref);
  if (until != NULL)
    self->snooze_until = g_date_time_ref (until);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SNOOZE_UNTIL]);
}

guint
carnet_reminder_get_open_questions (CarnetReminder *self)
{
  g_return_val_if_fail (CARNET_IS_REMINDER (self), 0);

  return self->open_questions;
}

void
carnet_reminder_set_open_questions (CarnetReminder *self,
                                    guint           count)
{
  g_return_if_fail (CARNET_IS_REMINDER (self));

  if (self->open_questions == count)
    return;

  self->open_questions = count;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OPEN_QUESTIONS]);
}

char *
carnet_reminder_dup_key (CarnetReminder *self)
{
  g_autofree char *offset = NULL;

  g_return_val_if_fail (CARNET_IS_REMINDER (self), NULL);

  offset = carnet_reminder_dup_offset_text (self);
  return g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT ":%s",
                          carnet_reminder_get_appointment_id (self),
                          g_date_time_to_unix (self->occurrence_start),
                          offset);
}
