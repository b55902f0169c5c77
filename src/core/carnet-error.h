/* carnet-error.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CARNET_ERROR (carnet_error_quark ())

typedef enum
{
  /* A value a person entered is not acceptable; carnet_error_get_field() names it. */
  CARNET_ERROR_INVALID,
  CARNET_ERROR_NOT_FOUND,
  /* The file is not a Carnet notebook (another SQLite file, or not SQLite at all). */
  CARNET_ERROR_FOREIGN_FILE,
  /* The notebook was written by a newer Carnet: it is never modified. */
  CARNET_ERROR_NEWER_VERSION,
  /* A file that is a Carnet notebook but is damaged (SQLITE_CORRUPT,
   * SQLITE_NOTADB, a truncated file). */
  CARNET_ERROR_CORRUPT,
  /* The notebook or its folder cannot be written (SQLITE_READONLY). */
  CARNET_ERROR_READ_ONLY,
  /* Another program holds the notebook longer than the busy timeout. */
  CARNET_ERROR_BUSY,
  /* An input/output error (SQLITE_IOERR, SQLITE_CANTOPEN). */
  CARNET_ERROR_IO,
  CARNET_ERROR_FAILED,
  /* No space left on the disk (SQLITE_FULL). */
  CARNET_ERROR_DISK_FULL,
} CarnetError;

GQuark      carnet_error_quark          (void);

void        carnet_set_field_error      (GError      **error,
                                         const char   *field,
                                         const char   *format,
                                         ...) G_GNUC_PRINTF (3, 4);
const char *carnet_error_get_field      (const GError *error);

G_END_DECLS
