/* carnet-error.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "carnet-core"

#include "config.h"

#include "carnet-error.h"

/* Errors about a value a person typed carry the field's name, so that the CLI
 * can name the option and the editors can show the message on the field. */
typedef struct
{
  char *field;
} CarnetErrorPrivate;

static void
carnet_error_private_init (CarnetErrorPrivate *priv)
{
  priv->field = NULL;
}

static void
carnet_error_private_copy (const CarnetErrorPrivate *src,
                           CarnetErrorPrivate       *dest)
{
  dest->field = g_strdup (src->field);
}

static void
carnet_error_private_clear (CarnetErrorPrivate *priv)
{
  g_clear_pointer (&priv->field, g_free);
}

G_DEFINE_EXTENDED_ERROR (CarnetError, carnet_error)

void
carnet_set_field_error (GError     **error,
                        const char  *field,
                        const char  *format,
                        ...)
{
  g_autofree char *message = NULL;
  CarnetErrorPrivate *priv;
  GError *new_error;
  va_list args;

  g_return_if_fail (field != NULL);
  g_return_if_fail (format != NULL);

  if (error == NULL)
    return;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  new_error = g_error_new_literal (CARNET_ERROR, CARNET_ERROR_INVALID, message);
  priv = carnet_error_get_private (new_error);
  priv->field = g_strdup (field);
  g_propagate_error (error, new_error);
}

/**
 * carnet_error_get_field:
 *
 * Returns: (nullable): the snake_case name of the field an error is about
 *   ("severity", "start"…), or %NULL when it is about no field.
 */
const char *
carnet_error_get_field (const GError *error)
{
  CarnetErrorPrivate *priv;

  g_return_val_if_fail (error != NULL, NULL);

  if (error->domain != CARNET_ERROR)
    return NULL;

  priv = carnet_error_get_private (error);
  return priv != NULL ? priv->field : NULL;
}
