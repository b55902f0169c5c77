/* carnet-notebook-private.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The notebook's insides, shared by the files of the core that hold its SQL
 * (carnet-notebook*.c), and the schema steps for the tests, so a test can
 * build a notebook of an older version and migrate it.
 */
#pragma once

#include <sqlite3.h>

#include "carnet-error.h"
#include "carnet-notebook.h"

G_BEGIN_DECLS

/* A statement from the notebook's cache. It goes back to the cache, reset,
 * when its g_autoptr leaves scope: never finalize one. */
typedef sqlite3_stmt CarnetCachedStmt;

#define APPOINTMENT_COLUMNS \
  "id, title, kind, start_utc, tzid, all_day, duration, location, practitioner, notes, " \
  "status, reminders, repeat, trashed_utc"

void              carnet_cached_stmt_reset      (CarnetCachedStmt  *stmt);
void              carnet_sqlite_set_error       (GError           **error,
                                                 sqlite3           *db,
                                                 int                rc);
CarnetCachedStmt *carnet_notebook_prepare       (CarnetNotebook    *self,
                                                 const char        *sql,
                                                 GError           **error);
gboolean          carnet_notebook_step_done     (CarnetNotebook    *self,
                                                 CarnetCachedStmt  *stmt,
                                                 GError           **error);
gboolean          carnet_notebook_begin_write   (CarnetNotebook    *self,
                                                 GError           **error);
gboolean          carnet_notebook_commit        (CarnetNotebook    *self,
                                                 GError           **error);
void              carnet_notebook_rollback      (CarnetNotebook    *self);
gboolean          carnet_notebook_add_in_transaction (CarnetNotebook *self,
                                                      CarnetRecord   *record,
                                                      GError        **error);
gint64            carnet_notebook_now_utc       (CarnetNotebook    *self);
sqlite3          *carnet_notebook_get_db        (CarnetNotebook    *self);
CarnetRecord     *carnet_appointment_from_row   (sqlite3_stmt      *stmt);
gboolean          carnet_notebook_index_record  (CarnetNotebook    *self,
                                                 CarnetRecord      *record,
                                                 GError           **error);
gboolean          carnet_notebook_unindex_record (CarnetNotebook   *self,
                                                  CarnetRecordKind  kind,
                                                  gint64            id,
                                                  GError          **error);

/* The SQL that takes a notebook from version @version - 1 to @version. */
const char       *carnet_notebook_migration_sql (int                version);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CarnetCachedStmt, carnet_cached_stmt_reset)

G_END_DECLS
