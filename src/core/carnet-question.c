/* carnet-question.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "carnet-core"

#include "config.h"

#include "carnet-question.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "carnet-enums.h"
#include "carnet-error.h"
#include "carnet-record-private.h"

struct _CarnetQuestion
{
  CarnetRecord          parent_instance;

  char                 *text;
  gint64                appointment_id;
  CarnetAuthor          author;
  CarnetQuestionStatus  status;
  char                 *answer;
  guint                 position;
  GDateTime            *created;
};

G_DEFINE_FINAL_TYPE (CarnetQuestion, carnet_question, CARNET_TYPE_RECORD)

enum {
  PROP_0,
  PROP_TEXT,
  PROP_APPOINTMENT_ID,
  PROP_AUTHOR,
  PROP_STATUS,
  PROP_ANSWER,
  PROP_POSITION,
  PROP_CREATED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
carnet_question_validate (CarnetRecord  *record,
                          GError       **error)
{
  CarnetQuestion *self = CARNET_QUESTION (record);

  if (!carnet_record_check_text (self->text, "text", TRUE, CARNET_TEXT_MAX_CHARS, error) ||
      !carnet_record_check_id (self->appointment_id, "appointment_id", error) ||
      !carnet_record_check_enum (CARNET_TYPE_AUTHOR, self->author, "by", error) ||
      !carnet_record_check_enum (CARNET_TYPE_QUESTION_STATUS, self->status, "status", error))
    return FALSE;

  if (self->status == CARNET_QUESTION_ANSWERED && carnet_record_text_is_blank (self->answer))
    {
      carnet_set_field_error (error, "answer", _("is required when the question is answered"));
      return FALSE;
    }

  return carnet_record_check_text (self->answer, "answer", FALSE, CARNET_TEXT_MAX_CHARS, error);
}

static GDateTime *
carnet_question_get_date (CarnetRecord *record)
{
  return CARNET_QUESTION (record)->created;
}

/* A question may run over several lines; lists show the first one. */
static char *
carnet_question_dup_title (CarnetRecord *record)
{
  CarnetQuestion *self = CARNET_QUESTION (record);
  const char *text = self->text;
  const char *newline;

  if (text == NULL)
    return NULL;

  while (*text == '\n')
    text++;

  newline = strchr (text, '\n');
  if (newline == NULL)
    return g_strdup (text);

  return g_strndup (text, newline - text);
}

static void
carnet_question_finalize (GObject *object)
{
  CarnetQuestion *self = CARNET_QUESTION (object);

  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->answer, g_free);
  g_clear_pointer (&self->created, g_date_time_unref);

  G_OBJECT_CLASS (carnet_question_parent_class)->finalize (object);
}

static void
carnet_question_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CarnetQuestion *self = CARNET_QUESTION (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    case PROP_APPOINTMENT_ID:
      g_value_set_int64 (value, self->appointment_id);
      break;

    case PROP_AUTHOR:
      g_value_set_enum (value, self->author);
      break;

    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;

    case PROP_ANSWER:
      g_value_set_string (value, self->answer);
      break;

    case PROP_POSITION:
      g_value_set_uint (value, self->position);
      break;

    case PROP_CREATED:
      g_value_set_boxed (value, self->created);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
carnet_question_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  CarnetQuestion *self = CARNET_QUESTION (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      carnet_question_set_text (self, g_value_get_string (value));
      break;

    case PROP_APPOINTMENT_ID:
      carnet_question_set_appointment_id (self, g_value_get_int64 (value));
      break;

    case PROP_AUTHOR:
      carnet_question_set_author (self, g_value_get_enum (value));
      break;

    case PROP_STATUS:
      carnet_question_set_status (self, g_value_get_enum (value));
      break;

    case PROP_ANSWER:
      carnet_question_set_answer (self, g_value_get_string (value));
      break;

    case PROP_POSITION:
      carnet_question_set_position (self, g_value_get_uint (value));
      break;

    case PROP_CREATED:
      carnet_question_set_created (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
carnet_question_class_init (CarnetQuestionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  CarnetRecordClass *record_class = CARNET_RECORD_CLASS (klass);

  object_class->finalize = carnet_question_finalize;
  object_class->get_property = carnet_question_get_property;
  object_class->set_property = carnet_question_set_property;

  record_class->kind = CARNET_RECORD_QUESTION;
  record_class->validate = carnet_question_validate;
  record_class->get_date = carnet_question_get_date;
  record_class->dup_title = carnet_question_dup_title;

  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /* 0: for the next consultation, whichever it is. */
  properties[PROP_APPOINTMENT_ID] =
    g_param_spec_int64 ("appointment-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  properties[PROP_AUTHOR] =
    g_param_spec_enum ("author", NULL, NULL,
                       CARNET_TYPE_AUTHOR,
                       CARNET_AUTHOR_PATIENT,
                       (G_PARAM_READWRITE |
                        G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));

  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       CARNET_TYPE_QUESTION_STATUS,
                       CARNET_QUESTION_OPEN,
                       (G_PARAM_READWRITE |
                        G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));

  properties[PROP_ANSWER] =
    g_param_spec_string ("answer", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /* 0 until the notebook places the question among the others. */
  properties[PROP_POSITION] =
    g_param_spec_uint ("position", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READWRITE |
                        G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));

  properties[PROP_CREATED] =
    g_param_spec_boxed ("created", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READWRITE |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
carnet_question_init (CarnetQuestion *self)
{
  self->author = CARNET_AUTHOR_PATIENT;
  self->status = CARNET_QUESTION_OPEN;
}

CarnetQuestion *
carnet_question_new (void)
{
  return g_object_new (CARNET_TYPE_QUESTION, NULL);
}

const char *
carnet_question_get_text (CarnetQuestion *self)
{
  g_return_val_if_fail (CARNET_IS_QUESTION (self), NULL);

  return self->text;
}

void
carnet_question_set_text (CarnetQuestion *self,
                          const char     *text)
{
  g_return_if_fail (CARNET_IS_QUESTION (self));

  if (carnet_record_replace_string (&self->text, text))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

gint64
carnet_question_get_appointment_id (CarnetQuestion *self)
{
  g_return_val_if_fail (CARNET_IS_QUESTION (self), 0);

  return self->appointment_id;
}

void
carnet_question_set_appointment_id (CarnetQuestion *self,
                                    gint64          appointment_id)
{
  g_return_if_fail (CARNET_IS_QUESTION (self));

  if (self->appointment_id == appointment_id)
    return;

  self->appointment_id = appointment_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_APPOINTMENT_ID]);
}

CarnetAuthor
carnet_question_get_author (CarnetQuestion *self)
{
  g_return_val_if_fail (CARNET_IS_QUESTION (self), CARNET_AUTHOR_PATIENT);

  return self->author;
}

void
carnet_question_set_author (CarnetQuestion *self,
                            CarnetAuthor    author)
{
  g_return_if_fail (CARNET_IS_QUESTION (self));

  if (self->author == author)
    return;

  self->author = author;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTHOR]);
}

CarnetQuestionStatus
carnet_question_get_status (CarnetQuestion *self)
{
  g_return_val_if_fail (CARNET_IS_QUESTION (self), CARNET_QUESTION_OPEN);

  return self->status;
}

void
carnet_question_set_status (CarnetQuestion       *self,
                            CarnetQuestionStatus  status)
{
  g_return_if_fail (CARNET_IS_QUESTION (self));

  if (self->status == status)
    return;

  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

const char *
carnet_question_get_answer (CarnetQuestion *self)
{
  g_return_val_if_fail (CARNET_IS_QUESTION (self), NULL);

  return self->answer;
}

/* Does not change the status: answering is carnet_notebook_answer_question(),
 * which sets both in one transaction. */
void
carnet_question_set_answer (CarnetQuestion *self,
                            const char     *answer)
{
  g_return_if_fail (CARNET_IS_QUESTION (self));

  if (carnet_record_replace_string (&self->answer, answer))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANSWER]);
}

guint
carnet_question_get_position (CarnetQuestion *self)
{
  g_return_val_if_fail (CARNET_IS_QUESTION (self), 0);

  return self->position;
}

void
carnet_question_set_position (CarnetQuestion *self,
                              guint           position)
{
  g_return_if_fail (CARNET_IS_QUESTION (self));

  if (self->position == position)
    return;

  self->position = position;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
}

GDateTime *
carnet_question_get_created (CarnetQuestion *self)
{
  g_return_val_if_fail (CARNET_IS_QUESTION (self), NULL);

  return self->created;
}

void
carnet_question_set_created (CarnetQuestion *self,
                             GDateTime      *created)
{
  g_return_if_fail (CARNET_IS_QUESTION (self));

  if (carnet_record_replace_time (&self->created, created))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATED]);
}
