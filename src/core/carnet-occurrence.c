/* carnet-occurrence.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "carnet-core"

#include "config.h"

#include "carnet-occurrence.h"

#include "carnet-enums.h"

struct _CarnetOccurrence
{
  GObject            parent_instance;

  CarnetAppointment *appointment;
  GDateTime         *start;
  GDateTime         *end;
  CarnetStatus       status;
};

G_DEFINE_FINAL_TYPE (CarnetOccurrence, carnet_occurrence, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_APPOINTMENT,
  PROP_START,
  PROP_END,
  PROP_STATUS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
carnet_occurrence_constructed (GObject *object)
{
  CarnetOccurrence *self = CARNET_OCCURRENCE (object);

  G_OBJECT_CLASS (carnet_occurrence_parent_class)->constructed (object);

  g_assert (CARNET_IS_APPOINTMENT (self->appointment));
  g_assert (self->start != NULL);

  /* An occurrence is a snapshot of the agenda: its end does not follow later
   * edits of the appointment, which rebuild the agenda anyway. */
  self->end = carnet_appointment_dup_end_for (self->appointment, self->start);
}

static void
carnet_occurrence_finalize (GObject *object)
{
  CarnetOccurrence *self = CARNET_OCCURRENCE (object);

  g_clear_object (&self->appointment);
  g_clear_pointer (&self->start, g_date_time_unref);
  g_clear_pointer (&self->end, g_date_time_unref);

  G_OBJECT_CLASS (carnet_occurrence_parent_class)->finalize (object);
}

static void
carnet_occurrence_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CarnetOccurrence *self = CARNET_OCCURRENCE (object);

  switch (prop_id)
    {
    case PROP_APPOINTMENT:
      g_value_set_object (value, self->appointment);
      break;

    case PROP_START:
      g_value_set_boxed (value, self->start);
      break;

    case PROP_END:
      g_value_set_boxed (value, self->end);
      break;

    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
carnet_occurrence_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  CarnetOccurrence *self = CARNET_OCCURRENCE (object);

  switch (prop_id)
    {
    case PROP_APPOINTMENT:
      self->appointment = g_value_dup_object (value);
      break;

    case PROP_START:
      self->start = g_value_dup_boxed (value);
      break;

    case PROP_STATUS:
      self->status = g_value_get_enum (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
carnet_occurrence_class_init (CarnetOccurrenceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = carnet_occurrence_constructed;
  object_class->finalize = carnet_occurrence_finalize;
  object_class->get_property = carnet_occurrence_get_property;
  object_class->set_property = carnet_occurrence_set_property;

  properties[PROP_APPOINTMENT] =
    g_param_spec_object ("appointment", NULL, NULL,
                         CARNET_TYPE_APPOINTMENT,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_START] =
    g_param_spec_boxed ("start", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READWRITE |
                         G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  /* NULL when the appointment's duration is unknown. */
  properties[PROP_END] =
    g_param_spec_boxed ("end", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READABLE |
                         G_PARAM_STATIC_STRINGS));

  /* An occurrence of a repeating appointment has a status of its own. */
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       CARNET_TYPE_STATUS,
                       CARNET_STATUS_PLANNED,
                       (G_PARAM_READWRITE |
                        G_PARAM_CONSTRUCT_ONLY |
                        G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
carnet_occurrence_init (CarnetOccurrence *self)
{
}

CarnetOccurrence *
carnet_occurrence_new (CarnetAppointment *appointment,
                       GDateTime         *start,
                       CarnetStatus       status)
{
  g_return_val_if_fail (CARNET_IS_APPOINTMENT (appointment), NULL);
  g_return_val_if_fail (start != NULL, NULL);

  return g_object_new (CARNET_TYPE_OCCURRENCE,
                       "appointment", appointment,
                       "start", start,
                       "status", status,
                       NULL);
}

CarnetAppointment *
carnet_occurrence_get_appointment (CarnetOccurrence *self)
{
  g_return_val_if_fail (CARNET_IS_OCCURRENCE (self), NULL);

  return self->appointment;
}

GDateTime *
carnet_occurrence_get_start (CarnetOccurrence *self)
{
  g_return_val_if_fail (CARNET_IS_OCCURRENCE (self), NULL);

  return self->start;
}

GDateTime *
carnet_occurrence_get_end (CarnetOccurrence *self)
{
  g_return_val_if_fail (CARNET_IS_OCCURRENCE (self), NULL);

  return self->end;
}

CarnetStatus
carnet_occurrence_get_status (CarnetOccurrence *self)
{
  g_return_val_if_fail (CARNET_IS_OCCURRENCE (self), CARNET_STATUS_PLANNED);

  return self->status;
}
