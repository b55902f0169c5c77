/* carnet-side-effect.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "carnet-core"

#include "config.h"

#include "carnet-side-effect.h"

#include <glib/gi18n-lib.h>

#include "carnet-error.h"
#include "carnet-record-private.h"
#include "carnet-time.h"

/* What the getter says while no severity was chosen: editors must not
 * default to "none", which is an answer of its own. */
#define SEVERITY_UNSET (-1)

struct _CarnetSideEffect
{
  CarnetRecord  parent_instance;

  char         *symptom;
  int           severity;
  /* Tells "not chosen yet" from a -1 someone typed, which is out of range. */
  gboolean      severity_set;
  GDateTime    *at;
  GDateTime    *until;
  gint64        treatment_id;
  char         *notes;
  char         *cycle;
};

G_DEFINE_FINAL_TYPE (CarnetSideEffect, carnet_side_effect, CARNET_TYPE_RECORD)

enum {
  PROP_0,
  PROP_SYMPTOM,
  PROP_SEVERITY,
  PROP_AT,
  PROP_UNTIL,
  PROP_TREATMENT_ID,
  PROP_NOTES,
  PROP_CYCLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The most frequent effects of chemotherapy, radiotherapy, hormone, targeted
 * and immune therapies, as patients name them. */
static const char * const common_symptoms[] = {
  N_("Nausea"),
  N_("Vomiting"),
  N_("Fatigue"),
  N_("Hair loss"),
  N_("Mouth sores"),
  N_("Diarrhoea"),
  N_("Constipation"),
  N_("Loss of appetite"),
  N_("Taste changes"),
  N_("Numbness or tingling (neuropathy)"),
  N_("Skin rash"),
  N_("Dry skin"),
  N_("Hand-foot syndrome"),
  N_("Fever"),
  N_("Pain"),
  N_("Joint or muscle pain"),
  N_("Headache"),
  N_("Shortness of breath"),
  N_("Cough"),
  N_("Swelling (oedema)"),
  N_("Bruising or bleeding"),
  N_("Hot flashes"),
  N_("Insomnia"),
  N_("Anxiety"),
  N_("Low mood"),
  N_("Memory or concentration problems"),
  NULL
};

static gboolean
carnet_side_effect_validate (CarnetRecord  *record,
                             GError       **error)
{
  CarnetSideEffect *self = CARNET_SIDE_EFFECT (record);

  if (!carnet_record_check_text (self->symptom, "symptom", TRUE, CARNET_TITLE_MAX_CHARS, error))
    return FALSE;

  if (!self->severity_set)
    {
      carnet_set_field_error (error, "severity", _("is required"));
      return FALSE;
    }

  if (self->severity < CARNET_SEVERITY_MIN || self->severity > CARNET_SEVERITY_MAX)
    {
      carnet_set_field_error (error, "severity",
                              _("must be %d to %d, got %d"),
                              CARNET_SEVERITY_MIN, CARNET_SEVERITY_MAX, self->severity);
      return FALSE;
    }

  if (!carnet_record_check_required (self->at, "at", error))
    return FALSE;

  if (self->until != NULL && g_date_time_compare (self->until, self->at) < 0)
    {
      g_autofree char *at = carnet_time_format_iso (self->at);

      carnet_set_field_error (error, "until", _("must not be before the onset (%s)"), at);
      return FALSE;
    }

  if (!carnet_record_check_id (self->treatment_id, "treatment_id", error) ||
      !carnet_record_check_text (self->notes, "notes", FALSE, CARNET_TEXT_MAX_CHARS, error))
    return FALSE;

  return TRUE;
}

static GDateTime *
carnet_side_effect_get_date (CarnetRecord *record)
{
  return CARNET_SIDE_EFFECT (record)->at;
}

static char *
carnet_side_effect_dup_title (CarnetRecord *record)
{
  return g_strdup (CARNET_SIDE_EFFECT (record)->symptom);
}

static void
carnet_side_effect_finalize (GObject *object)
{
  CarnetSideEffect *self = CARNET_SIDE_EFFECT (object);

  g_clear_pointer (&self->symptom, g_free);
  g_clear_pointer (&self->at, g_date_time_unref);
  g_clear_pointer (&self->until, g_date_time_unref);
  g_clear_pointer (&self->notes, g_free);
  g_clear_pointer (&self->cycle, g_free);

  G_OBJECT_CLASS (carnet_side_effect_parent_class)->finalize (object);
}

static void
carnet_side_effect_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  CarnetSideEffect *self = CARNET_SIDE_EFFECT (object);

  switch (prop_id)
    {
    case PROP_SYMPTOM:
      g_value_set_string (value, self->symptom);
      break;

    case PROP_SEVERITY:
      g_value_set_int (value, self->severity);
      break;

    case PROP_AT:
      g_value_set_boxed (value, self->at);
      break;

    case PROP_UNTIL:
      g_value_set_boxed (value, self->until);
      break;

    case PROP_TREATMENT_ID:
      g_value_set_int64 (value, self->treatment_id);
      break;

    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;

    case PROP_CYCLE:
      g_value_set_string (value, self->cycle);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
carnet_side_effect_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  CarnetSideEffect *self = CARNET_SIDE_EFFECT (object);

  switch (prop_id)
    {
    case PROP_SYMPTOM:
      carnet_side_effect_set_symptom (self, g_value_get_string (value));
      break;

    case PROP_SEVERITY:
      carnet_side_effect_set_severity (self, g_value_get_int (value));
      break;

    case PROP_AT:
      carnet_side_effect_set_at (self, g_value_get_boxed (value));
      break;

    case PROP_UNTIL:
      carnet_side_effect_set_until (self, g_value_get_boxed (value));
      break;

    case PROP_TREATMENT_ID:
      carnet_side_effect_set_treatment_id (self, g_value_get_int64 (value));
      break;

    case PROP_NOTES:
      carnet_side_effect_set_notes (self, g_value_get_string (value));
      break;

    case PROP_CYCLE:
      carnet_side_effect_set_cycle (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
carnet_side_effect_class_init (CarnetSideEffectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  CarnetRecordClass *record_class = CARNET_RECORD_CLASS (klass);

  object_class->finalize = carnet_side_effect_finalize;
  object_class->get_property = carnet_side_effect_get_property;
  object_class->set_property = carnet_side_effect_set_property;

  record_class->kind = CARNET_RECORD_SIDE_EFFECT;
  record_class->validate = carnet_side_effect_validate;
  record_class->get_date = carnet_side_effect_get_date;
  record_class->dup_title = carnet_side_effect_dup_title;

  properties[PROP_SYMPTOM] =
    g_param_spec_string ("symptom", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /* -1 until a severity is chosen. */
  properties[PROP_SEVERITY] =
    g_param_spec_int ("severity", NULL, NULL,
                      SEVERITY_UNSET, CARNET_SEVERITY_MAX, SEVERITY_UNSET,
                      (G_PARAM_READWRITE |
                       G_PARAM_EXPLICIT_NOTIFY |
                       G_PARAM_STATIC_STRINGS));

  properties[PROP_AT] =
    g_param_spec_boxed ("at", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READWRITE |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  properties[PROP_UNTIL] =
    g_param_spec_boxed ("until", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READWRITE |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  properties[PROP_TREATMENT_ID] =
    g_param_spec_int64 ("treatment-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  properties[PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /* Computed by the notebook from the linked treatment; editors only show it. */
  properties[PROP_CYCLE] =
    g_param_spec_string ("cycle", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
carnet_side_effect_init (CarnetSideEffect *self)
{
  self->severity = SEVERITY_UNSET;
}

CarnetSideEffect *
carnet_side_effect_new (void)
{
  return g_object_new (CARNET_TYPE_SIDE_EFFECT, NULL);
}

const char *
carnet_side_effect_get_symptom (CarnetSideEffect *self)
{
  g_return_val_if_fail (CARNET_IS_SIDE_EFFECT (self), NULL);

  return self->symptom;
}

void
carnet_side_effect_set_symptom (CarnetSideEffect *self,
                                const char       *symptom)
{
  g_return_if_fail (CARNET_IS_SIDE_EFFECT (self));

  if (carnet_record_replace_string (&self->symptom, symptom))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SYMPTOM]);
}

/* Returns: the severity, from 0 to 4, or -1 when none was chosen yet */
int
carnet_side_effect_get_severity (CarnetSideEffect *self)
{
  g_return_val_if_fail (CARNET_IS_SIDE_EFFECT (self), SEVERITY_UNSET);

  return self->severity;
}

/* Any number is stored, -1 included; carnet_record_validate() refuses those
 * off the scale. */
void
carnet_side_effect_set_severity (CarnetSideEffect *self,
                                 int               severity)
{
  g_return_if_fail (CARNET_IS_SIDE_EFFECT (self));

  self->severity_set = TRUE;

  if (self->severity == severity)
    return;

  self->severity = severity;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEVERITY]);
}

GDateTime *
carnet_side_effect_get_at (CarnetSideEffect *self)
{
  g_return_val_if_fail (CARNET_IS_SIDE_EFFECT (self), NULL);

  return self->at;
}

void
carnet_side_effect_set_at (CarnetSideEffect *self,
                           GDateTime        *at)
{
  g_return_if_fail (CARNET_IS_SIDE_EFFECT (self));

  if (carnet_record_replace_time (&self->at, at))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AT]);
}

GDateTime *
carnet_side_effect_get_until (CarnetSideEffect *self)
{
  g_return_val_if_fail (CARNET_IS_SIDE_EFFECT (self), NULL);

  return self->until;
}

void
carnet_side_effect_set_until (CarnetSideEffect *self,
                              GDateTime        *until)
{
  g_return_if_fail (CARNET_IS_SIDE_EFFECT (self));

  if (carnet_record_replace_time (&self->until, until))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNTIL]);
}

gint64
carnet_side_effect_get_treatment_id (CarnetSideEffect *self)
{
  g_return_val_if_fail (CARNET_IS_SIDE_EFFECT (self), 0);

  return self->treatment_id;
}

void
carnet_side_effect_set_treatment_id (CarnetSideEffect *self,
                                     gint64            treatment_id)
{
  g_return_if_fail (CARNET_IS_SIDE_EFFECT (self));

  if (self->treatment_id == treatment_id)
    return;

  self->treatment_id = treatment_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TREATMENT_ID]);
}

const char *
carnet_side_effect_get_notes (CarnetSideEffect *self)
{
  g_return_val_if_fail (CARNET_IS_SIDE_EFFECT (self), NULL);

  return self->notes;
}

void
carnet_side_effect_set_notes (CarnetSideEffect *self,
                              const char       *notes)
{
  g_return_if_fail (CARNET_IS_SIDE_EFFECT (self));

  if (carnet_record_replace_string (&self->notes, notes))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTES]);
}

const char *
carnet_side_effect_get_cycle (CarnetSideEffect *self)
{
  g_return_val_if_fail (CARNET_IS_SIDE_EFFECT (self), NULL);

  return self->cycle;
}

void
carnet_side_effect_set_cycle (CarnetSideEffect *self,
                              const char       *cycle)
{
  g_return_if_fail (CARNET_IS_SIDE_EFFECT (self));

  if (carnet_record_replace_string (&self->cycle, cycle))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CYCLE]);
}

/* Returns: (transfer none) (array zero-terminated=1): the common symptoms in
 * the language of the session, translated the first time they are asked for
 * (after the program chose its locale) */
const char * const *
carnet_side_effect_common_symptoms (void)
{
  static gsize translated = 0;

  if (g_once_init_enter (&translated))
    {
      const char **symptoms = g_new0 (const char *, G_N_ELEMENTS (common_symptoms));

      for (gsize i = 0; common_symptoms[i] != NULL; i++)
        symptoms[i] = _(common_symptoms[i]);

      g_once_init_leave (&translated, (gsize) symptoms);
    }

  return (const char * const *) translated;
}
