/* carnet-treatment.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "carnet-core"

#include "config.h"

#include "carnet-treatment.h"

#include <glib/gi18n-lib.h>

#include "carnet-enums.h"
#include "carnet-error.h"
#include "carnet-record-private.h"
#include "carnet-time.h"

struct _CarnetTreatment
{
  CarnetRecord         parent_instance;

  char                *name;
  CarnetTreatmentKind  kind;
  /* Cleared (invalid) GDates when unset. */
  GDate                start;
  GDate                end;
  guint                cycle_days;
  guint                cycles;
  char                *notes;
  /* The start as a GDateTime, made when first asked for. */
  GDateTime           *start_time;
};

G_DEFINE_FINAL_TYPE (CarnetTreatment, carnet_treatment, CARNET_TYPE_RECORD)

enum {
  PROP_0,
  PROP_NAME,
  PROP_KIND,
  PROP_START,
  PROP_END,
  PROP_CYCLE_DAYS,
  PROP_CYCLES,
  PROP_NOTES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
date_equal (const GDate *a,
            const GDate *b)
{
  if (!g_date_valid (a) || !g_date_valid (b))
    return !g_date_valid (a) && !g_date_valid (b);

  return g_date_compare (a, b) == 0;
}

static gboolean
replace_date (GDate       *field,
              const GDate *value)
{
  GDate cleared;

  if (value == NULL)
    {
      g_date_clear (&cleared, 1);
      value = &cleared;
    }

  if (date_equal (field, value))
    return FALSE;

  *field = *value;

  return TRUE;
}

static gboolean
carnet_treatment_validate (CarnetRecord  *record,
                           GError       **error)
{
  CarnetTreatment *self = CARNET_TREATMENT (record);

  if (!carnet_record_check_text (self->name, "name", TRUE, CARNET_TITLE_MAX_CHARS, error) ||
      !carnet_record_check_enum (CARNET_TYPE_TREATMENT_KIND, self->kind, "kind", error))
    return FALSE;

  if (!g_date_valid (&self->start))
    {
      carnet_set_field_error (error, "start", _("is required"));
      return FALSE;
    }

  if (g_date_valid (&self->end) && g_date_compare (&self->end, &self->start) < 0)
    {
      g_autofree char *start = carnet_date_format_iso (&self->start);

      carnet_set_field_error (error, "end", _("must not be before the start (%s)"), start);
      return FALSE;
    }

  if (self->cycle_days > CARNET_CYCLE_DAYS_MAX)
    {
      carnet_set_field_error (error, "cycle_days",
                              _("must be %d to %d, got %u"),
                              0, CARNET_CYCLE_DAYS_MAX, self->cycle_days);
      return FALSE;
    }

  if (self->cycles > CARNET_CYCLES_MAX)
    {
      carnet_set_field_error (error, "cycles",
                              _("must be %d to %d, got %u"),
                              0, CARNET_CYCLES_MAX, self->cycles);
      return FALSE;
    }

  if (self->cycles > 0 && self->cycle_days == 0)
    {
      carnet_set_field_error (error, "cycle_days",
                              _("is required when the number of cycles is given"));
      return FALSE;
    }

  if (self->cycle_days > 0 && self->cycles == 0)
    {
      carnet_set_field_error (error, "cycles",
                              _("is required when the cycle length is given"));
      return FALSE;
    }

  return carnet_record_check_text (self->notes, "notes", FALSE, CARNET_TEXT_MAX_CHARS, error);
}

/* Midnight of the first day, in the local zone: the journal files a
 * treatment on the day it started wherever the person is. */
static GDateTime *
carnet_treatment_get_date (CarnetRecord *record)
{
  CarnetTreatment *self = CARNET_TREATMENT (record);

  if (!g_date_valid (&self->start))
    return NULL;

  if (self->start_time == NULL)
    self->start_time = g_date_time_new_local (g_date_get_year (&self->start),
                                              g_date_get_month (&self->start),
                                              g_date_get_day (&self->start),
                                              0, 0, 0);

  return self->start_time;
}

static char *
carnet_treatment_dup_title (CarnetRecord *record)
{
  return g_strdup (CARNET_TREATMENT (record)->name);
}

static void
carnet_treatment_finalize (GObject *object)
{
  CarnetTreatment *self = CARNET_TREATMENT (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->notes, g_free);
  g_clear_pointer (&self->start_time, g_date_time_unref);

  G_OBJECT_CLASS (carnet_treatment_parent_class)->finalize (object);
}

static void
carnet_treatment_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  CarnetTreatment *self = CARNET_TREATMENT (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_START:
      g_value_set_boxed (value, carnet_treatment_get_start (self));
      break;

    case PROP_END:
      g_value_set_boxed (value, carnet_treatment_get_end (self));
      break;

    case PROP_CYCLE_DAYS:
      g_value_set_uint (value, self->cycle_days);
      break;

    case PROP_CYCLES:
      g_value_set_uint (value, self->cycles);
      break;

    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
carnet_treatment_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  CarnetTreatment *self = CARNET_TREATMENT (object);

  switch (prop_id)
    {
    case PROP_NAME:
      carnet_treatment_set_name (self, g_value_get_string (value));
      break;

    case PROP_KIND:
      carnet_treatment_set_kind (self, g_value_get_enum (value));
      break;

    case PROP_START:
      carnet_treatment_set_start (self, g_value_get_boxed (value));
      break;

    case PROP_END:
      carnet_treatment_set_end (self, g_value_get_boxed (value));
      break;

    case PROP_CYCLE_DAYS:
      carnet_treatment_set_cycle_days (self, g_value_get_uint (value));
      break;

    case PROP_CYCLES:
      carnet_treatment_set_cycles (self, g_value_get_uint (value));
      break;

    case PROP_NOTES:
      carnet_treatment_set_notes (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
carnet_treatment_class_init (CarnetTreatmentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  CarnetRecordClass *record_class = CARNET_RECORD_CLASS (klass);

  object_class->finalize = carnet_treatment_finalize;
  object_class->get_property = carnet_treatment_get_property;
  object_class->set_property = carnet_treatment_set_property;

  record_class->kind = CARNET_RECORD_TREATMENT;
  record_class->validate = carnet_treatment_validate;
  record_class->get_date = carnet_treatment_get_date;
  record_class->dup_title = carnet_treatment_dup_title;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       CARNET_TYPE_TREATMENT_KIND,
                       CARNET_TREATMENT_CHEMOTHERAPY,
                       (G_PARAM_READWRITE |
                        G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));

  properties[PROP_START] =
    g_param_spec_boxed ("start", NULL, NULL,
                        G_TYPE_DATE,
                        (G_PARAM_READWRITE |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  /* NULL while the treatment goes on. */
  properties[PROP_END] =
    g_param_spec_boxed ("end", NULL, NULL,
                        G_TYPE_DATE,
                        (G_PARAM_READWRITE |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  /* Out-of-range numbers are stored and refused by validation, as from C. */
  properties[PROP_CYCLE_DAYS] =
    g_param_spec_uint ("cycle-days", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READWRITE |
                        G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));

  properties[PROP_CYCLES] =
    g_param_spec_uint ("cycles", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READWRITE |
                        G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));

  properties[PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
carnet_treatment_init (CarnetTreatment *self)
{
  self->kind = CARNET_TREATMENT_CHEMOTHERAPY;
  g_date_clear (&self->start, 1);
  g_date_clear (&self->end, 1);
}

CarnetTreatment *
carnet_treatment_new (void)
{
  return g_object_new (CARNET_TYPE_TREATMENT, NULL);
}

const char *
carnet_treatment_get_name (CarnetTreatment *self)
{
  g_return_val_if_fail (CARNET_IS_TREATMENT (self), NULL);

  return self->name;
}

void
carnet_treatment_set_name (CarnetTreatment *self,
                           const char      *name)
{
  g_return_if_fail (CARNET_IS_TREATMENT (self));

  if (carnet_record_replace_string (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

CarnetTreatmentKind
carnet_treatment_get_kind (CarnetTreatment *self)
{
  g_return_val_if_fail (CARNET_IS_TREATMENT (self), CARNET_TREATMENT_CHEMOTHERAPY);

  return self->kind;
}

void
carnet_treatment_set_kind (CarnetTreatment     *self,
                           CarnetTreatmentKind  kind)
{
  g_return_if_fail (CARNET_IS_TREATMENT (self));

  if (self->kind == kind)
    return;

  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

/* Returns: (transfer none) (nullable): the first day, NULL until it is set */
const GDate *
carnet_treatment_get_start (CarnetTreatment *self)
{
  g_return_val_if_fail (CARNET_IS_TREATMENT (self), NULL);

  return g_date_valid (&self->start) ? &self->start : NULL;
}

void
carnet_treatment_set_start (CarnetTreatment *self,
                            const GDate     *start)
{
  g_return_if_fail (CARNET_IS_TREATMENT (self));
  g_return_if_fail (start == NULL || g_date_valid (start));

  if (!replace_date (&self->start, start))
    return;

  g_clear_pointer (&self->start_time, g_date_time_unref);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_START]);
}

/* Returns: (transfer none) (nullable): the last day, NULL while it goes on */
const GDate *
carnet_treatment_get_end (CarnetTreatment *self)
{
  g_return_val_if_fail (CARNET_IS_TREATMENT (self), NULL);

  return g_date_valid (&self->end) ? &self->end : NULL;
}

void
carnet_treatment_set_end (CarnetTreatment *self,
                          const GDate     *end)
{
  g_return_if_fail (CARNET_IS_TREATMENT (self));
  g_return_if_fail (end == NULL || g_date_valid (end));

  if (replace_date (&self->end, end))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_END]);
}

guint
carnet_treatment_get_cycle_days (CarnetTreatment *self)
{
  g_return_val_if_fail (CARNET_IS_TREATMENT (self), 0);

  return self->cycle_days;
}

void
carnet_treatment_set_cycle_days (CarnetTreatment *self,
                                 guint            days)
{
  g_return_if_fail (CARNET_IS_TREATMENT (self));

  if (self->cycle_days == days)
    return;

  self->cycle_days = days;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CYCLE_DAYS]);
}

guint
carnet_treatment_get_cycles (CarnetTreatment *self)
{
  g_return_val_if_fail (CARNET_IS_TREATMENT (self), 0);

  return self->cycles;
}

void
carnet_treatment_set_cycles (CarnetTreatment *self,
                             guint            cycles)
{
  g_return_if_fail (CARNET_IS_TREATMENT (self));

  if (self->cycles == cycles)
    return;

  self->cycles = cycles;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CYCLES]);
}

const char *
carnet_treatment_get_notes (CarnetTreatment *self)
{
  g_return_val_if_fail (CARNET_IS_TREATMENT (self), NULL);

  return self->notes;
}

void
carnet_treatment_set_notes (CarnetTreatment *self,
                            const char      *notes)
{
  g_return_if_fail (CARNET_IS_TREATMENT (self));

  if (carnet_record_replace_string (&self->notes, notes))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTES]);
}

/* Whether @today falls between the first and the last day, both included. */
gboolean
carnet_treatment_is_current (CarnetTreatment *self,
                             const GDate     *today)
{
  g_return_val_if_fail (CARNET_IS_TREATMENT (self), FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);

  if (!g_date_valid (&self->start) || g_date_compare (&self->start, today) > 0)
    return FALSE;

  return !g_date_valid (&self->end) || g_date_compare (today, &self->end) <= 0;
}

/* Returns: (transfer full) (nullable): "C3 D8" for the 8th day of the 3rd
 * cycle, both counted from 1; NULL before the first day, after the last one
 * or after the last cycle, and for a treatment without cycles. Not
 * translated: it is a field of the JSON. */
char *
carnet_treatment_cycle_day (CarnetTreatment *self,
                            const GDate     *date)
{
  gint64 index;

  g_return_val_if_fail (CARNET_IS_TREATMENT (self), NULL);
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  if (self->cycles == 0 || self->cycle_days == 0 || !g_date_valid (&self->start))
    return NULL;

  if (g_date_valid (&self->end) && g_date_compare (date, &self->end) > 0)
    return NULL;

  index = g_date_days_between (&self->start, date);
  if (index < 0 || index >= (gint64) self->cycles * self->cycle_days)
    return NULL;

  return g_strdup_printf ("C%u D%u",
                          (guint) (index / self->cycle_days) + 1,
                          (guint) (index % self->cycle_days) + 1);
}
