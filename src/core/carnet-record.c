/* carnet-record.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "carnet-core"

#include "config.h"

#include "carnet-record.h"

#include <glib/gi18n-lib.h>

#include "carnet-appointment.h"
#include "carnet-enums.h"
#include "carnet-error.h"
#include "carnet-question.h"
#include "carnet-record-private.h"
#include "carnet-result.h"
#include "carnet-side-effect.h"
#include "carnet-treatment.h"

typedef struct
{
  gint64     id;
  GDateTime *trashed;
} CarnetRecordPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (CarnetRecord, carnet_record, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TRASHED,
  PROP_KIND,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

gboolean
carnet_record_replace_string (char       **field,
                              const char  *value)
{
  g_assert (field != NULL);

  /* An empty text is no text: the notebook stores NULL and the JSON null. */
  if (value != NULL && *value == '\0')
    value = NULL;

  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);

  return TRUE;
}

/* Two times are the same when they are the same instant in the same zone:
 * an appointment moved from Paris to Montréal at the same instant changed. */
gboolean
carnet_record_time_equal (GDateTime *a,
                          GDateTime *b)
{
  GTimeZone *tz_a;
  GTimeZone *tz_b;

  if (a == b)
    return TRUE;

  if (a == NULL || b == NULL)
    return FALSE;

  if (!g_date_time_equal (a, b) ||
      g_date_time_get_utc_offset (a) != g_date_time_get_utc_offset (b))
    return FALSE;

  tz_a = g_date_time_get_timezone (a);
  tz_b = g_date_time_get_timezone (b);

  return g_strcmp0 (g_time_zone_get_identifier (tz_a),
                    g_time_zone_get_identifier (tz_b)) == 0;
}

gboolean
carnet_record_replace_time (GDateTime **field,
                            GDateTime  *value)
{
  g_assert (field != NULL);

  if (carnet_record_time_equal (*field, value))
    return FALSE;

  if (value != NULL)
    g_date_time_ref (value);

  g_clear_pointer (field, g_date_time_unref);
  *field = value;

  return TRUE;
}

/* NULL, "" and white space alone are no text. */
gboolean
carnet_record_text_is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (!g_unichar_isspace (g_utf8_get_char (p)))
        return FALSE;
    }

  return TRUE;
}

gboolean
carnet_record_check_text (const char  *text,
                          const char  *field,
                          gboolean     required,
                          guint        max_chars,
                          GError     **error)
{
  g_assert (field != NULL);

  if (text == NULL || *text == '\0')
    {
      if (!required)
        return TRUE;

      carnet_set_field_error (error, field, _("is required"));
      return FALSE;
    }

  if (!g_utf8_validate (text, -1, NULL))
    {
      carnet_set_field_error (error, field, _("is not valid UTF-8 text"));
      return FALSE;
    }

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != '\n' && c != '\t' && g_unichar_iscntrl (c))
        {
          carnet_set_field_error (error, field, _("must not contain control characters"));
          return FALSE;
        }
    }

  if (required && carnet_record_text_is_blank (text))
    {
      carnet_set_field_error (error, field, _("is required"));
      return FALSE;
    }

  if (g_utf8_strlen (text, -1) > (glong) max_chars)
    {
      carnet_set_field_error (error, field,
                              _("must not be longer than %u characters"),
                              max_chars);
      return FALSE;
    }

  return TRUE;
}

/* C callers can store any int in an enum field; the properties cannot. */
gboolean
carnet_record_check_enum (GType        enum_type,
                          int          value,
                          const char  *field,
                          GError     **error)
{
  g_assert (field != NULL);

  if (carnet_enum_to_nick (enum_type, value) != NULL)
    return TRUE;

  carnet_set_field_error (error, field, _("has an unknown value (%d)"), value);
  return FALSE;
}

gboolean
carnet_record_check_id (gint64       id,
                        const char  *field,
                        GError     **error)
{
  g_assert (field != NULL);

  if (id >= 0)
    return TRUE;

  carnet_set_field_error (error, field, _("must not be negative"));
  return FALSE;
}

gboolean
carnet_record_check_required (gconstpointer   value,
                              const char     *field,
                              GError        **error)
{
  g_assert (field != NULL);

  if (value != NULL)
    return TRUE;

  carnet_set_field_error (error, field, _("is required"));
  return FALSE;
}

static void
carnet_record_finalize (GObject *object)
{
  CarnetRecord *self = CARNET_RECORD (object);
  CarnetRecordPrivate *priv = carnet_record_get_instance_private (self);

  g_clear_pointer (&priv->trashed, g_date_time_unref);

  G_OBJECT_CLASS (carnet_record_parent_class)->finalize (object);
}

static void
carnet_record_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CarnetRecord *self = CARNET_RECORD (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, carnet_record_get_id (self));
      break;

    case PROP_TRASHED:
      g_value_set_boxed (value, carnet_record_get_trashed (self));
      break;

    case PROP_KIND:
      g_value_set_enum (value, carnet_record_get_kind (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
carnet_record_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  CarnetRecord *self = CARNET_RECORD (object);

  switch (prop_id)
    {
    case PROP_ID:
      carnet_record_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_TRASHED:
      carnet_record_set_trashed (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
carnet_record_class_init (CarnetRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = carnet_record_finalize;
  object_class->get_property = carnet_record_get_property;
  object_class->set_property = carnet_record_set_property;

  /* 0 until the record is saved in a notebook. */
  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  /* When the record went to the trash; NULL while it is not there. */
  properties[PROP_TRASHED] =
    g_param_spec_boxed ("trashed", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READWRITE |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  /* Not "kind": appointments and treatments have a "kind" of their own. */
  properties[PROP_KIND] =
    g_param_spec_enum ("record-kind", NULL, NULL,
                       CARNET_TYPE_RECORD_KIND,
                       CARNET_RECORD_APPOINTMENT,
                       (G_PARAM_READABLE |
                        G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
carnet_record_init (CarnetRecord *self)
{
}

CarnetRecordKind
carnet_record_get_kind (CarnetRecord *self)
{
  g_return_val_if_fail (CARNET_IS_RECORD (self), CARNET_RECORD_APPOINTMENT);

  return CARNET_RECORD_GET_CLASS (self)->kind;
}

gint64
carnet_record_get_id (CarnetRecord *self)
{
  CarnetRecordPrivate *priv;

  g_return_val_if_fail (CARNET_IS_RECORD (self), 0);

  priv = carnet_record_get_instance_private (self);

  return priv->id;
}

void
carnet_record_set_id (CarnetRecord *self,
                      gint64        id)
{
  CarnetRecordPrivate *priv;

  g_return_if_fail (CARNET_IS_RECORD (self));
  g_return_if_fail (id >= 0);

  priv = carnet_record_get_instance_private (self);

  if (priv->id == id)
    return;

  priv->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

GDateTime *
carnet_record_get_trashed (CarnetRecord *self)
{
  CarnetRecordPrivate *priv;

  g_return_val_if_fail (CARNET_IS_RECORD (self), NULL);

  priv = carnet_record_get_instance_private (self);

  return priv->trashed;
}

void
carnet_record_set_trashed (CarnetRecord *self,
                           GDateTime    *trashed)
{
  CarnetRecordPrivate *priv;

  g_return_if_fail (CARNET_IS_RECORD (self));

  priv = carnet_record_get_instance_private (self);

  if (carnet_record_replace_time (&priv->trashed, trashed))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TRASHED]);
}

gboolean
carnet_record_validate (CarnetRecord  *self,
                        GError       **error)
{
  CarnetRecordClass *klass;

  g_return_val_if_fail (CARNET_IS_RECORD (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  klass = CARNET_RECORD_GET_CLASS (self);
  if (klass->validate == NULL)
    return TRUE;

  return klass->validate (self, error);
}

/* Returns: (transfer none) (nullable): the date the record is filed under */
GDateTime *
carnet_record_get_date (CarnetRecord *self)
{
  CarnetRecordClass *klass;

  g_return_val_if_fail (CARNET_IS_RECORD (self), NULL);

  klass = CARNET_RECORD_GET_CLASS (self);
  if (klass->get_date == NULL)
    return NULL;

  return klass->get_date (self);
}

/* Returns: (transfer full): a one-line title, "" when the record has none yet */
char *
carnet_record_dup_title (CarnetRecord *self)
{
  CarnetRecordClass *klass;
  char *title = NULL;

  g_return_val_if_fail (CARNET_IS_RECORD (self), NULL);

  klass = CARNET_RECORD_GET_CLASS (self);
  if (klass->dup_title != NULL)
    title = klass->dup_title (self);

  return title != NULL ? title : g_strdup ("");
}

GType
carnet_record_kind_get_gtype (CarnetRecordKind kind)
{
  switch (kind)
    {
    case CARNET_RECORD_APPOINTMENT:
      return CARNET_TYPE_APPOINTMENT;
    case CARNET_RECORD_RESULT:
      return CARNET_TYPE_RESULT;
    case CARNET_RECORD_SIDE_EFFECT:
      return CARNET_TYPE_SIDE_EFFECT;
    case CARNET_RECORD_QUESTION:
      return CARNET_TYPE_QUESTION;
    case CARNET_RECORD_TREATMENT:
      return CARNET_TYPE_TREATMENT;
    default:
      g_return_val_if_reached (G_TYPE_INVALID);
    }
}
