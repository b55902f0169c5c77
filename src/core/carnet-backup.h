/* carnet-backup.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Owning the data. A JSON backup carries the whole notebook (every record of
 * every kind with every field, the trash, attached files, the person's name
 * and settings) to restore it anywhere or merge it into another notebook.
 * Automatic backups are SQLite copies of the notebook made with the online
 * backup API, one per day of use, kept for a while next to the notebook.
 */
#pragma once

#include <gio/gio.h>

#include "carnet-notebook.h"

G_BEGIN_DECLS

/* JSON backups (carnet-backup-json.c) */

/* The "format" member of a JSON backup, and the version this build writes and
 * the newest it reads. */
#define CARNET_BACKUP_FORMAT         "carnet-backup"
#define CARNET_BACKUP_FORMAT_VERSION 1
/* A backup larger than this is refused before it is read. */
#define CARNET_BACKUP_MAX_BYTES      ((gsize) 1 << 30)

typedef struct
{
  /* Records written into the notebook, by kind. */
  guint    added[CARNET_N_RECORD_KINDS];
  /* Records of the file already in the notebook, left as they are. */
  guint    skipped[CARNET_N_RECORD_KINDS];
  /* The notebook was empty: the file was restored as it is, ids included. */
  gboolean restored;
} CarnetImportReport;

GBytes   *carnet_backup_export_json (CarnetNotebook      *notebook,
                                     GError             **error);
gboolean  carnet_backup_check_json  (GBytes              *json,
                                     GError             **error);
gboolean  carnet_backup_import_json (CarnetNotebook      *notebook,
                                     GBytes              *json,
                                     CarnetImportReport  *out_report,
                                     GError             **error);

/* Automatic backups (carnet-backup.c) */

/* Every backup of the last days is kept, then one a week for some weeks. */
#define CARNET_BACKUP_DAILY_DAYS    7
#define CARNET_BACKUP_WEEKLY_WEEKS  8

#define CARNET_TYPE_BACKUP (carnet_backup_get_type ())

G_DECLARE_FINAL_TYPE (CarnetBackup, carnet_backup, CARNET, BACKUP, GObject)

const char   *carnet_backup_get_path      (CarnetBackup     *self);
/* When it was made, in the local zone of the clock that made it. */
GDateTime    *carnet_backup_get_date      (CarnetBackup     *self);
/* Records it holds, outside the trash. */
guint         carnet_backup_get_count     (CarnetBackup     *self,
                                           CarnetRecordKind  kind);
guint         carnet_backup_get_n_entries (CarnetBackup     *self);

char         *carnet_backup_dup_folder    (CarnetNotebook   *notebook);
char         *carnet_backup_dup_folder_for_path
                                          (const char       *notebook_path);
CarnetBackup *carnet_backup_run_daily     (CarnetNotebook   *notebook,
                                           gboolean         *out_made,
                                           GError          **error);
GListModel   *carnet_backup_list          (CarnetNotebook   *notebook,
                                           GError          **error);
CarnetBackup *carnet_backup_dup_latest    (CarnetNotebook   *notebook,
                                           GError          **error);
gboolean      carnet_backup_restore       (CarnetNotebook   *notebook,
                                           const char       *backup_path,
                                           GError          **error);

/* A damaged notebook, which cannot be opened */
CarnetBackup *carnet_backup_find_latest   (const char       *notebook_path,
                                           CarnetClock      *clock,
                                           GError          **error);
char         *carnet_backup_restore_damaged
                                          (const char       *notebook_path,
                                           const char       *backup_path,
                                           CarnetClock      *clock,
                                           GError          **error);

G_END_DECLS
