/* carnet-result.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "carnet-core"

#include "config.h"

#include "carnet-result.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "carnet-enums.h"
#include "carnet-error.h"
#include "carnet-record-private.h"

struct _CarnetResult
{
  CarnetRecord  parent_instance;

  char         *name;
  double        value;
  char         *text;
  char         *unit;
  double        low;
  double        high;
  GDateTime    *at;
  gint64        appointment_id;
  char         *notes;
  char         *attachment_name;
  GBytes       *attachment_data;
};

G_DEFINE_FINAL_TYPE (CarnetResult, carnet_result, CARNET_TYPE_RECORD)

enum {
  PROP_0,
  PROP_NAME,
  PROP_VALUE,
  PROP_TEXT,
  PROP_UNIT,
  PROP_LOW,
  PROP_HIGH,
  PROP_FLAG,
  PROP_AT,
  PROP_APPOINTMENT_ID,
  PROP_NOTES,
  PROP_ATTACHMENT_NAME,
  PROP_ATTACHMENT_DATA,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* NAN is "unset": two unset numbers are the same. */
static gboolean
number_equal (double a,
              double b)
{
  if (isnan (a) || isnan (b))
    return isnan (a) && isnan (b);

  return a == b;
}

/* Changes one of the numbers the flag depends on, and notifies the flag too
 * when it changed. */
static void
replace_number (CarnetResult *self,
                double       *field,
                double        value,
                GParamSpec   *pspec)
{
  CarnetFlag old_flag;

  if (number_equal (*field, value))
    return;

  old_flag = carnet_result_get_flag (self);
  *field = value;

  g_object_freeze_notify (G_OBJECT (self));
  g_object_notify_by_pspec (G_OBJECT (self), pspec);
  if (carnet_result_get_flag (self) != old_flag)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FLAG]);
  g_object_thaw_notify (G_OBJECT (self));
}

static gboolean
check_finite (double       value,
              const char  *field,
              GError     **error)
{
  if (isnan (value) || isfinite (value))
    return TRUE;

  carnet_set_field_error (error, field, _("must be a finite number"));
  return FALSE;
}

static gboolean
check_attachment (CarnetResult  *self,
                  GError       **error)
{
  const char *name = self->attachment_name;

  if (name == NULL)
    {
      if (self->attachment_data == NULL)
        return TRUE;

      carnet_set_field_error (error, "attachment", _("needs a file name"));
      return FALSE;
    }

  if (!carnet_record_check_text (name, "attachment", TRUE, CARNET_TITLE_MAX_CHARS, error))
    return FALSE;

  /* The name is used to write the file out again: it must not lead anywhere
   * but into the folder the person picks. */
  if (strchr (name, '/') != NULL || strchr (name, '\n') != NULL ||
      g_str_equal (name, ".") || g_str_equal (name, ".."))
    {
      carnet_set_field_error (error, "attachment", _("must be a file name, not a path"));
      return FALSE;
    }

  if (self->attachment_data != NULL &&
      g_bytes_get_size (self->attachment_data) > CARNET_ATTACHMENT_MAX_BYTES)
    {
      g_autofree char *max = g_format_size_full (CARNET_ATTACHMENT_MAX_BYTES,
                                                 G_FORMAT_SIZE_IEC_UNITS);
      g_autofree char *size = g_format_size_full (g_bytes_get_size (self->attachment_data),
                                                  G_FORMAT_SIZE_IEC_UNITS);

      carnet_set_field_error (error, "attachment",
                              _("must not be larger than %s, got %s"),
                              max, size);
      return FALSE;
    }

  return TRUE;
}

static gboolean
carnet_result_validate (CarnetRecord  *record,
                        GError       **error)
{
  CarnetResult *self = CARNET_RESULT (record);
  gboolean has_text = self->text != NULL;

  if (!carnet_record_check_text (self->name, "name", TRUE, CARNET_TITLE_MAX_CHARS, error))
    return FALSE;

  if (isnan (self->value) && !has_text)
    {
      carnet_set_field_error (error, "value", _("is required when there is no text report"));
      return FALSE;
    }

  if (!isnan (self->value) && has_text)
    {
      carnet_set_field_error (error, "text", _("must be empty when there is a value"));
      return FALSE;
    }

  if (!check_finite (self->value, "value", error) ||
      !carnet_record_check_text (self->text, "text", isnan (self->value), CARNET_TEXT_MAX_CHARS, error) ||
      !carnet_record_check_text (self->unit, "unit", FALSE, CARNET_TITLE_MAX_CHARS, error) ||
      !check_finite (self->low, "low", error) ||
      !check_finite (self->high, "high", error))
    return FALSE;

  if (!isnan (self->low) && !isnan (self->high) && self->low > self->high)
    {
      carnet_set_field_error (error, "high",
                              _("must not be below the low limit (%g)"),
                              self->low);
      return FALSE;
    }

  if (!carnet_record_check_required (self->at, "at", error) ||
      !carnet_record_check_id (self->appointment_id, "appointment_id", error) ||
      !carnet_record_check_text (self->notes, "notes", FALSE, CARNET_TEXT_MAX_CHARS, error) ||
      !check_attachment (self, error))
    return FALSE;

  return TRUE;
}

static GDateTime *
carnet_result_get_date (CarnetRecord *record)
{
  return CARNET_RESULT (record)->at;
}

static char *
carnet_result_dup_title (CarnetRecord *record)
{
  return g_strdup (CARNET_RESULT (record)->name);
}

static void
carnet_result_finalize (GObject *object)
{
  CarnetResult *self = CARNET_RESULT (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->unit, g_free);
  g_clear_pointer (&self->at, g_date_time_unref);
  g_clear_pointer (&self->notes, g_free);
  g_clear_pointer (&self->attachment_name, g_free);
  g_clear_pointer (&self->attachment_data, g_bytes_unref);

  G_OBJECT_CLASS (carnet_result_parent_class)->finalize (object);
}

static void
carnet_result_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CarnetResult *self = CARNET_RESULT (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_VALUE:
      g_value_set_double (value, self->value);
      break;

    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    case PROP_UNIT:
      g_value_set_string (value, self->unit);
      break;

    case PROP_LOW:
      g_value_set_double (value, self->low);
      break;

    case PROP_HIGH:
      g_value_set_double (value, self->high);
      break;

    case PROP_FLAG:
      g_value_set_enum (value, carnet_result_get_flag (self));
      break;

    case PROP_AT:
      g_value_set_boxed (value, self->at);
      break;

    case PROP_APPOINTMENT_ID:
      g_value_set_int64 (value, self->appointment_id);
      break;

    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;

    case PROP_ATTACHMENT_NAME:
      g_value_set_string (value, self->attachment_name);
      break;

    case PROP_ATTACHMENT_DATA:
      g_value_set_boxed (value, self->attachment_data);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
carnet_result_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  CarnetResult *self = CARNET_RESULT (object);

  switch (prop_id)
    {
    case PROP_NAME:
      carnet_result_set_name (self, g_value_get_string (value));
      break;

    case PROP_VALUE:
      carnet_result_set_value (self, g_value_get_double (value));
      break;

    case PROP_TEXT:
      carnet_result_set_text (self, g_value_get_string (value));
      break;

    case PROP_UNIT:
      carnet_result_set_unit (self, g_value_get_string (value));
      break;

    case PROP_LOW:
      carnet_result_set_low (self, g_value_get_double (value));
      break;

    case PROP_HIGH:
      carnet_result_set_high (self, g_value_get_double (value));
      break;

    case PROP_AT:
      carnet_result_set_at (self, g_value_get_boxed (value));
      break;

    case PROP_APPOINTMENT_ID:
      carnet_result_set_appointment_id (self, g_value_get_int64 (value));
      break;

    case PROP_NOTES:
      carnet_result_set_notes (self, g_value_get_string (value));
      break;

    case PROP_ATTACHMENT_NAME:
      carnet_result_set_attachment_name (self, g_value_get_string (value));
      break;

    case PROP_ATTACHMENT_DATA:
      carnet_result_set_attachment (self, self->attachment_name, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Unset numbers are NAN: the properties must let NAN through (GLib's range
 * check calls it out of range, hence LAX_VALIDATION) and say that it is the
 * default (g_param_spec_double() refuses a NAN default). */
static GParamSpec *
number_param_spec (const char *name)
{
  GParamSpec *pspec;

  pspec = g_param_spec_double (name, NULL, NULL,
                               -INFINITY, INFINITY, 0.0,
                               (G_PARAM_READWRITE |
                                G_PARAM_LAX_VALIDATION |
                                G_PARAM_EXPLICIT_NOTIFY |
                                G_PARAM_STATIC_STRINGS));
  G_PARAM_SPEC_DOUBLE (pspec)->default_value = NAN;

  return pspec;
}

static void
carnet_result_class_init (CarnetResultClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  CarnetRecordClass *record_class = CARNET_RECORD_CLASS (klass);

  object_class->finalize = carnet_result_finalize;
  object_class->get_property = carnet_result_get_property;
  object_class->set_property = carnet_result_set_property;

  record_class->kind = CARNET_RECORD_RESULT;
  record_class->validate = carnet_result_validate;
  record_class->get_date = carnet_result_get_date;
  record_class->dup_title = carnet_result_dup_title;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_VALUE] = number_param_spec ("value");

  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_UNIT] =
    g_param_spec_string ("unit", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_LOW] = number_param_spec ("low");
  properties[PROP_HIGH] = number_param_spec ("high");

  properties[PROP_FLAG] =
    g_param_spec_enum ("flag", NULL, NULL,
                       CARNET_TYPE_FLAG,
                       CARNET_FLAG_NONE,
                       (G_PARAM_READABLE |
                        G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));

  properties[PROP_AT] =
    g_param_spec_boxed ("at", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READWRITE |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  properties[PROP_APPOINTMENT_ID] =
    g_param_spec_int64 ("appointment-id", NULL, NULL,
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

  properties[PROP_ATTACHMENT_NAME] =
    g_param_spec_string ("attachment-name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /* Only set when a new file was attached: a loaded result knows the name of
   * its file, and carnet_notebook_dup_attachment() reads the content. */
  properties[PROP_ATTACHMENT_DATA] =
    g_param_spec_boxed ("attachment-data", NULL, NULL,
                        G_TYPE_BYTES,
                        (G_PARAM_READWRITE |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
carnet_result_init (CarnetResult *self)
{
  self->value = NAN;
  self->low = NAN;
  self->high = NAN;
}

CarnetResult *
carnet_result_new (void)
{
  return g_object_new (CARNET_TYPE_RESULT, NULL);
}

const char *
carnet_result_get_name (CarnetResult *self)
{
  g_return_val_if_fail (CARNET_IS_RESULT (self), NULL);

  return self->name;
}

void
carnet_result_set_name (CarnetResult *self,
                        const char   *name)
{
  g_return_if_fail (CARNET_IS_RESULT (self));

  if (carnet_record_replace_string (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

/* Returns: the numeric value, or NAN for a text report */
double
carnet_result_get_value (CarnetResult *self)
{
  g_return_val_if_fail (CARNET_IS_RESULT (self), NAN);

  return self->value;
}

void
carnet_result_set_value (CarnetResult *self,
                         double        value)
{
  g_return_if_fail (CARNET_IS_RESULT (self));

  replace_number (self, &self->value, value, properties[PROP_VALUE]);
}

gboolean
carnet_result_has_value (CarnetResult *self)
{
  g_return_val_if_fail (CARNET_IS_RESULT (self), FALSE);

  return !isnan (self->value);
}

const char *
carnet_result_get_text (CarnetResult *self)
{
  g_return_val_if_fail (CARNET_IS_RESULT (self), NULL);

  return self->text;
}

void
carnet_result_set_text (CarnetResult *self,
                        const char   *text)
{
  g_return_if_fail (CARNET_IS_RESULT (self));

  if (carnet_record_replace_string (&self->text, text))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

const char *
carnet_result_get_unit (CarnetResult *self)
{
  g_return_val_if_fail (CARNET_IS_RESULT (self), NULL);

  return self->unit;
}

void
carnet_result_set_unit (CarnetResult *self,
                        const char   *unit)
{
  g_return_if_fail (CARNET_IS_RESULT (self));

  if (carnet_record_replace_string (&self->unit, unit))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNIT]);
}

/* Returns: the low end of the reference range, or NAN when there is none */
double
carnet_result_get_low (CarnetResult *self)
{
  g_return_val_if_fail (CARNET_IS_RESULT (self), NAN);

  return self->low;
}

void
carnet_result_set_low (CarnetResult *self,
                       double        low)
{
  g_return_if_fail (CARNET_IS_RESULT (self));

  replace_number (self, &self->low, low, properties[PROP_LOW]);
}

/* Returns: the high end of the reference range, or NAN when there is none */
double
carnet_result_get_high (CarnetResult *self)
{
  g_return_val_if_fail (CARNET_IS_RESULT (self), NAN);

  return self->high;
}

void
carnet_result_set_high (CarnetResult *self,
                        double        high)
{
  g_return_if_fail (CARNET_IS_RESULT (self));

  replace_number (self, &self->high, high, properties[PROP_HIGH]);
}

CarnetFlag
carnet_result_get_flag (CarnetResult *self)
{
  g_return_val_if_fail (CARNET_IS_RESULT (self), CARNET_FLAG_NONE);

  return carnet_result_compute_flag (self->value, self->low, self->high);
}

/* A value on a limit of the range is normal; a range may be open on one
 * side ("< 5"). No value or no range at all: no flag. */
CarnetFlag
carnet_result_compute_flag (double value,
                            double low,
                            double high)
{
  if (isnan (value) || (isnan (low) && isnan (high)))
    return CARNET_FLAG_NONE;

  if (!isnan (low) && value < low)
    return CARNET_FLAG_LOW;

  if (!isnan (high) && value > high)
    return CARNET_FLAG_HIGH;

  return CARNET_FLAG_NORMAL;
}

GDateTime *
carnet_result_get_at (CarnetResult *self)
{
  g_return_val_if_fail (CARNET_IS_RESULT (self), NULL);

  return self->at;
}

void
carnet_result_set_at (CarnetResult *self,
                      GDateTime    *at)
{
  g_return_if_fail (CARNET_IS_RESULT (self));

  if (carnet_record_replace_time (&self->at, at))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AT]);
}

gint64
carnet_result_get_appointment_id (CarnetResult *self)
{
  g_return_val_if_fail (CARNET_IS_RESULT (self), 0);

  return self->appointment_id;
}

void
carnet_result_set_appointment_id (CarnetResult *self,
                                  gint64        appointment_id)
{
  g_return_if_fail (CARNET_IS_RESULT (self));

  if (self->appointment_id == appointment_id)
    return;

  self->appointment_id = appointment_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_APPOINTMENT_ID]);
}

const char *
carnet_result_get_notes (CarnetResult *self)
{
  g_return_val_if_fail (CARNET_IS_RESULT (self), NULL);

  return self->notes;
}

void
carnet_result_set_notes (CarnetResult *self,
                         const char   *notes)
{
  g_return_if_fail (CARNET_IS_RESULT (self));

  if (carnet_record_replace_string (&self->notes, notes))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTES]);
}

const char *
carnet_result_get_attachment_name (CarnetResult *self)
{
  g_return_val_if_fail (CARNET_IS_RESULT (self), NULL);

  return self->attachment_name;
}

/* Renames the attached file; NULL (or "") detaches it, new content included. */
void
carnet_result_set_attachment_name (CarnetResult *self,
                                   const char   *name)
{
  g_return_if_fail (CARNET_IS_RESULT (self));

  if (name == NULL || *name == '\0')
    {
      carnet_result_set_attachment (self, NULL, NULL);
      return;
    }

  if (carnet_record_replace_string (&self->attachment_name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ATTACHMENT_NAME]);
}

/* Returns: (transfer none) (nullable): the content of a newly attached file;
 * NULL for a result loaded from a notebook */
GBytes *
carnet_result_get_attachment_data (CarnetResult *self)
{
  g_return_val_if_fail (CARNET_IS_RESULT (self), NULL);

  return self->attachment_data;
}

/* Attaches a new file, or with a NULL @name and @data, detaches the file.
 * Content without a name is kept, and refused by validation. */
void
carnet_result_set_attachment (CarnetResult *self,
                              const char   *name,
                              GBytes       *data)
{
  gboolean name_changed;
  gboolean data_changed = FALSE;

  g_return_if_fail (CARNET_IS_RESULT (self));

  name_changed = carnet_record_replace_string (&self->attachment_name, name);

  if (self->attachment_data != data)
    {
      if (data != NULL)
        g_bytes_ref (data);
      g_clear_pointer (&self->attachment_data, g_bytes_unref);
      self->attachment_data = data;
      data_changed = TRUE;
    }

  g_object_freeze_notify (G_OBJECT (self));
  if (name_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ATTACHMENT_NAME]);
  if (data_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ATTACHMENT_DATA]);
  g_object_thaw_notify (G_OBJECT (self));
}
