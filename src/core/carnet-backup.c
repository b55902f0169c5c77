/* carnet-backup.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Automatic backups: SQLite copies of the notebook, made with the online
 * backup API (consistent even while another program writes), in
 * <notebook folder>/backups/<notebook name>/YYYY-MM-DD-HHMMSS.carnet, 0600 in
 * a 0700 folder. One is made per day of use; every one of the last
 * CARNET_BACKUP_DAILY_DAYS days is kept, then the first of each week for
 * CARNET_BACKUP_WEEKLY_WEEKS weeks. Days and weeks are those of the
 * notebook's clock, so tests move time instead of waiting for it.
 */
#define G_LOG_DOMAIN "carnet-core"

#include "config.h"

#include "carnet-backup.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "carnet-error.h"
#include "carnet-notebook-private.h"
#include "carnet-time.h"

/* 2026-12-03-083000.carnet */
#define NAME_FORMAT "%Y-%m-%d-%H%M%S"
#define NAME_SUFFIX ".carnet"
#define TEMP_PREFIX ".backup-"

struct _CarnetBackup
{
  GObject    parent_instance;

  char      *path;
  GDateTime *date;
  guint      counts[CARNET_N_RECORD_KINDS];
};

G_DEFINE_FINAL_TYPE (CarnetBackup, carnet_backup, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PATH,
  PROP_DATE,
  PROP_N_ENTRIES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers */

static CarnetBackup *
backup_new (const char *path,
            GDateTime  *date)
{
  CarnetBackup *self = g_object_new (CARNET_TYPE_BACKUP, NULL);

  self->path = g_strdup (path);
  self->date = g_date_time_ref (date);
  return self;
}

/* The time a backup was made, from its name, in @tz; NULL for a file that is
 * not one of ours. */
static GDateTime *
parse_name (const char *name,
            GTimeZone  *tz)
{
  int year, month, day, hour, minute, second;
  char tail[16];

  if (strlen (name) != strlen ("2026-12-03-083000" NAME_SUFFIX) ||
      !g_str_has_suffix (name, NAME_SUFFIX) ||
      sscanf (name, "%4d-%2d-%2d-%2d%2d%2d%15s", &year, &month, &day, &hour, &minute, &second,
              tail) != 7 ||
      !g_str_equal (tail, NAME_SUFFIX))
    return NULL;

  if (!g_date_valid_dmy (day, month, year) || hour > 23 || minute > 59 || second > 59)
    return NULL;

  return g_date_time_new (tz, year, month, day, hour, minute, second);
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b,
                      gpointer      user_data)
{
  return g_date_time_compare (((CarnetBackup *) b)->date, ((CarnetBackup *) a)->date);
}

/* The backups in @folder, newest first, without their counts. */
static GListStore *
scan_folder (const char  *folder,
             GTimeZone   *tz,
             GError     **error)
{
  g_autoptr(GListStore) store = g_list_store_new (CARNET_TYPE_BACKUP);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GDir) dir = g_dir_open (folder, 0, &local_error);
  const char *name;

  if (dir == NULL)
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return g_steal_pointer (&store);

      g_set_error (error, CARNET_ERROR, CARNET_ERROR_IO,
                   _("Cannot read the backups folder: %s"), local_error->message);
      return NULL;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autoptr(GDateTime) date = parse_name (name, tz);
      g_autofree char *path = NULL;
      g_autoptr(CarnetBackup) backup = NULL;

      if (date == NULL)
        continue;

      path = g_build_filename (folder, name, NULL);
      backup = backup_new (path, date);
      g_list_store_append (store, backup);
    }

  g_list_store_sort (store, compare_newest_first, NULL);
  return g_steal_pointer (&store);
}

static void
harden (sqlite3 *db)
{
  sqlite3_extended_result_codes (db, 1);
  sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, NULL);
  sqlite3_limit (db, SQLITE_LIMIT_ATTACHED, 0);
}

/* How many records a backup holds, outside the trash. FALSE for a file that
 * cannot be read as a notebook. */
static gboolean
read_counts (CarnetBackup *self)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;
  int rc;

  rc = sqlite3_open_v2 (self->path, &db, SQLITE_OPEN_READONLY, NULL);
  if (rc != SQLITE_OK)
    goto out;

  harden (db);
  rc = sqlite3_prepare_v2 (db,
                           "SELECT (SELECT count(*) FROM appointments WHERE trashed_utc IS NULL),"
                           " (SELECT count(*) FROM results WHERE trashed_utc IS NULL),"
                           " (SELECT count(*) FROM side_effects WHERE trashed_utc IS NULL),"
                           " (SELECT count(*) FROM questions WHERE trashed_utc IS NULL),"
                           " (SELECT count(*) FROM treatments WHERE trashed_utc IS NULL)",
                           -1, &stmt, NULL);
  if (rc != SQLITE_OK || sqlite3_step (stmt) != SQLITE_ROW)
    goto out;

  G_STATIC_ASSERT (CARNET_N_RECORD_KINDS == 5);
  for (CarnetRecordKind kind = 0; kind < CARNET_N_RECORD_KINDS; kind++)
    self->counts[kind] = (guint) sqlite3_column_int64 (stmt, (int) kind);
  ok = TRUE;

out:
  if (!ok)
    g_debug ("Cannot read backup %s: %s", self->path, db ? sqlite3_errmsg (db) : "out of memory");
  sqlite3_finalize (stmt);
  sqlite3_close_v2 (db);
  return ok;
}

static gboolean
ensure_folder (const char  *folder,
               GError     **error)
{
  if (g_mkdir_with_parents (folder, 0700) != 0 || g_chmod (folder, 0700) != 0)
    {
      int saved_errno = errno;
      g_autofree char *display = g_filename_display_name (folder);

      g_set_error (error, CARNET_ERROR, CARNET_ERROR_IO,
                   _("Cannot create the backups folder “%s”: %s"), display, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

static void
sync_folder (const char *folder)
{
  int fd = g_open (folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

static void
remove_temp_files (const char *folder)
{
  g_autofree char *journal = g_strconcat (folder, "-journal", NULL);

  g_remove (folder);
  g_remove (journal);
}

/* A backup's temporary file is locked (flock) for as long as its maker works
 * on it; one that nobody holds was left by a program that died on the way (a
 * crash, kill -9, power loss): the next daily backup removes it, with its
 * journal, rather than keep for ever an unlisted copy of health data. The
 * copies a restore makes are removed the same way once their program is gone:
 * restores and daily backups are made by the app, one process, one after the
 * other. */
static int
make_temp_file (char    *template,
                GError **error)
{
  int fd = g_mkstemp_full (template, O_RDWR | O_CLOEXEC, 0600);

  if (fd < 0 || flock (fd, LOCK_EX | LOCK_NB) != 0)
    {
      int saved_errno = errno;

      if (fd >= 0)
        {
          close (fd);
          g_remove (template);
        }
      g_set_error (error, CARNET_ERROR, CARNET_ERROR_IO,
                   _("Cannot write a backup: %s"), g_strerror (saved_errno));
      return -1;
    }

  return fd;
}

static void
remove_stale_temp_files (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      int fd;

      if (!g_str_has_prefix (name, TEMP_PREFIX) ||
          g_str_has_suffix (name, "-journal") || g_str_has_suffix (name, "-wal") ||
          g_str_has_suffix (name, "-shm"))
        continue;

      path = g_build_filename (folder, name, NULL);
      fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW, 0);
      if (fd < 0)
        continue;

      if (flock (fd, LOCK_EX | LOCK_NB) == 0)
        {
          g_autofree char *journal = g_strconcat (path, "-journal", NULL);
          g_autofree char *wal = g_strconcat (path, "-wal", NULL);
          g_autofree char *shm = g_strconcat (path, "-shm", NULL);

          g_debug ("Removing %s, left by an interrupted backup", path);
          g_remove (journal);
          g_remove (wal);
          g_remove (shm);
          g_remove (path);
        }
      close (fd);
    }
}

/* Copies the notebook @source into @path with the online backup API: into a
 * private temporary file first, renamed once complete, so a backup file is
 * always whole. */
static gboolean
copy_database (sqlite3     *source,
               const char  *folder,
               const char  *path,
               GError     **error)
{
  g_autofree char *temp_path = g_build_filename (folder, TEMP_PREFIX "XXXXXX", NULL);
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  int fd;
  int rc;

  fd = make_temp_file (temp_path, error);
  if (fd < 0)
    return FALSE;

  rc = sqlite3_open_v2 (temp_path, &dest, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    {
      harden (dest);
      backup = sqlite3_backup_init (dest, "main", source, "main");
      if (backup == NULL)
        {
          rc = sqlite3_extended_errcode (dest);
        }
      else
        {
          rc = sqlite3_backup_step (backup, -1);
          if (rc == SQLITE_DONE)
            rc = SQLITE_OK;
          sqlite3_backup_finish (backup);
          if (rc == SQLITE_OK)
            rc = sqlite3_extended_errcode (dest);
        }
    }

  /* A copy is a file on its own: no WAL beside it, so it reads read-only. */
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (dest, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      carnet_sqlite_set_error (error, dest, rc);
      g_prefix_error (error, _("Cannot write a backup: "));
      sqlite3_close_v2 (dest);
      remove_temp_files (temp_path);
      close (fd);
      return FALSE;
    }

  sqlite3_close_v2 (dest);

  if (g_rename (temp_path, path) != 0)
    {
      int saved_errno = errno;

      remove_temp_files (temp_path);
      close (fd);
      g_set_error (error, CARNET_ERROR, CARNET_ERROR_IO,
                   _("Cannot write a backup: %s"), g_strerror (saved_errno));
      return FALSE;
    }

  close (fd);
  sync_folder (folder);
  return TRUE;
}

static CarnetBackup *
make_backup (CarnetNotebook  *notebook,
             const char      *folder,
             GDateTime       *now,
             GError         **error)
{
  g_autofree char *stamp = g_date_time_format (now, NAME_FORMAT);
  g_autofree char *name = g_strconcat (stamp, NAME_SUFFIX, NULL);
  g_autofree char *path = g_build_filename (folder, name, NULL);
  g_autoptr(CarnetBackup) backup = NULL;
  g_autoptr(GDateTime) date = NULL;
  sqlite3 *db = carnet_notebook_get_db (notebook);

  if (db == NULL)
    {
      g_set_error (error, CARNET_ERROR, CARNET_ERROR_FAILED, _("The notebook is closed."));
      return NULL;
    }

  if (!ensure_folder (folder, error) ||
      !copy_database (db, folder, path, error))
    return NULL;

  /* To the second, as the name says it. */
  date = parse_name (name, (GTimeZone *) g_date_time_get_timezone (now));
  backup = backup_new (path, date != NULL ? date : now);
  read_counts (backup);
  return g_steal_pointer (&backup);
}

/* The backups in @folder that can be read, newest first, with their counts. */
static GListModel *
list_readable (const char   *folder,
               CarnetClock  *clock,
               GError      **error)
{
  g_autoptr(GDateTime) now = carnet_clock_get_now (clock);
  g_autoptr(GListStore) backups = NULL;

  backups = scan_folder (folder, (GTimeZone *) g_date_time_get_timezone (now), error);
  if (backups == NULL)
    return NULL;

  for (guint i = g_list_model_get_n_items (G_LIST_MODEL (backups)); i-- > 0;)
    {
      g_autoptr(CarnetBackup) backup = g_list_model_get_item (G_LIST_MODEL (backups), i);

      if (!read_counts (backup))
        g_list_store_remove (backups, i);
    }

  return G_LIST_MODEL (g_steal_pointer (&backups));
}

static int
week_key (GDateTime *date)
{
  return g_date_time_get_week_numbering_year (date) * 100 + g_date_time_get_week_of_year (date);
}

/* Days from @date to @today on the calendar. */
static int
age_in_days (GDateTime *date,
             GDateTime *today)
{
  g_autoptr(GDate) from = carnet_date_from_time (date);
  g_autoptr(GDate) to = carnet_date_from_time (today);

  return carnet_date_days_between (from, to);
}

/* Keeps every backup younger than CARNET_BACKUP_DAILY_DAYS days, the first
 * of each week younger than CARNET_BACKUP_WEEKLY_WEEKS weeks, and any dated
 * after now (the clock went back); deletes the others. */
static void
rotate (GListStore *backups,
        GDateTime  *now)
{
  g_autoptr(GHashTable) first_of_week = g_hash_table_new (g_direct_hash, g_direct_equal);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (backups));

  /* Oldest first, so the first seen of a week is its first. */
  for (guint i = n; i-- > 0;)
    {
      g_autoptr(CarnetBackup) backup = g_list_model_get_item (G_LIST_MODEL (backups), i);
      int week = week_key (backup->date);

      if (!g_hash_table_contains (first_of_week, GINT_TO_POINTER (week)))
        g_hash_table_insert (first_of_week, GINT_TO_POINTER (week), backup);
    }

  for (guint i = n; i-- > 0;)
    {
      g_autoptr(CarnetBackup) backup = g_list_model_get_item (G_LIST_MODEL (backups), i);
      int age = age_in_days (backup->date, now);
      gboolean weekly = g_hash_table_lookup (first_of_week, GINT_TO_POINTER (week_key (backup->date))) == backup;

      if (age < CARNET_BACKUP_DAILY_DAYS ||
          (weekly && age < CARNET_BACKUP_WEEKLY_WEEKS * 7))
        continue;

      g_debug ("Removing old backup %s", backup->path);
      if (g_remove (backup->path) != 0)
        {
          int saved_errno = errno;

          g_debug ("Cannot remove %s: %s", backup->path, g_strerror (saved_errno));
          continue;
        }

      g_list_store_remove (backups, i);
    }
}

/* GObject */

static void
carnet_backup_finalize (GObject *object)
{
  CarnetBackup *self = (CarnetBackup *) object;

  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->date, g_date_time_unref);

  G_OBJECT_CLASS (carnet_backup_parent_class)->finalize (object);
}

static void
carnet_backup_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CarnetBackup *self = CARNET_BACKUP (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case PROP_DATE:
      g_value_set_boxed (value, self->date);
      break;
    case PROP_N_ENTRIES:
      g_value_set_uint (value, carnet_backup_get_n_entries (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
carnet_backup_class_init (CarnetBackupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = carnet_backup_finalize;
  object_class->get_property = carnet_backup_get_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_DATE] =
    g_param_spec_boxed ("date", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_N_ENTRIES] =
    g_param_spec_uint ("n-entries", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
carnet_backup_init (CarnetBackup *self)
{
}

/* Public API */

const char *
carnet_backup_get_path (CarnetBackup *self)
{
  g_return_val_if_fail (CARNET_IS_BACKUP (self), NULL);

  return self->path;
}

GDateTime *
carnet_backup_get_date (CarnetBackup *self)
{
  g_return_val_if_fail (CARNET_IS_BACKUP (self), NULL);

  return self->date;
}

guint
carnet_backup_get_count (CarnetBackup     *self,
                         CarnetRecordKind  kind)
{
  g_return_val_if_fail (CARNET_IS_BACKUP (self), 0);
  g_return_val_if_fail (kind < CARNET_N_RECORD_KINDS, 0);

  return self->counts[kind];
}

/* Records of every kind, outside the trash. */
guint
carnet_backup_get_n_entries (CarnetBackup *self)
{
  guint total = 0;

  g_return_val_if_fail (CARNET_IS_BACKUP (self), 0);

  for (CarnetRecordKind kind = 0; kind < CARNET_N_RECORD_KINDS; kind++)
    total += self->counts[kind];

  return total;
}

/**
 * carnet_backup_dup_folder:
 *
 * Returns: (transfer full): where the automatic backups of @notebook go:
 *   `backups/<name>` next to the notebook, `<name>` its file name without
 *   `.carnet`
 */
char *
carnet_backup_dup_folder (CarnetNotebook *notebook)
{
  g_return_val_if_fail (CARNET_IS_NOTEBOOK (notebook), NULL);

  return carnet_backup_dup_folder_for_path (carnet_notebook_get_path (notebook));
}

/**
 * carnet_backup_dup_folder_for_path:
 * @notebook_path: a notebook file
 *
 * Returns: (transfer full): the folder of the automatic backups of the
 *   notebook at @notebook_path, as carnet_backup_dup_folder()
 */
char *
carnet_backup_dup_folder_for_path (const char *notebook_path)
{
  g_autofree char *dir = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (notebook_path != NULL, NULL);

  dir = g_path_get_dirname (notebook_path);
  name = g_path_get_basename (notebook_path);
  if (g_str_has_suffix (name, NAME_SUFFIX) && strlen (name) > strlen (NAME_SUFFIX))
    name[strlen (name) - strlen (NAME_SUFFIX)] = '\0';

  return g_build_filename (dir, "backups", name, NULL);
}

/**
 * carnet_backup_run_daily:
 * @out_made: (out) (optional): whether a backup was made now
 *
 * What the app does when it starts: a backup of the notebook unless there is
 * one of today already, and the rotation of the old ones.
 *
 * Returns: (transfer full): today's backup, or %NULL with @error set
 */
CarnetBackup *
carnet_backup_run_daily (CarnetNotebook  *notebook,
                         gboolean        *out_made,
                         GError         **error)
{
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GListStore) backups = NULL;
  g_autoptr(CarnetBackup) today = NULL;
  g_autofree char *folder = NULL;

  g_return_val_if_fail (CARNET_IS_NOTEBOOK (notebook), NULL);

  if (out_made != NULL)
    *out_made = FALSE;

  now = carnet_clock_get_now (carnet_notebook_get_clock (notebook));
  folder = carnet_backup_dup_folder (notebook);
  backups = scan_folder (folder, (GTimeZone *) g_date_time_get_timezone (now), error);
  if (backups == NULL)
    return NULL;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (backups)); i++)
    {
      g_autoptr(CarnetBackup) backup = g_list_model_get_item (G_LIST_MODEL (backups), i);

      if (age_in_days (backup->date, now) == 0)
        {
          today = g_steal_pointer (&backup);
          break;
        }
    }

  if (today == NULL)
    {
      remove_stale_temp_files (folder);
      today = make_backup (notebook, folder, now, error);
      if (today == NULL)
        return NULL;

      g_list_store_insert_sorted (backups, today, compare_newest_first, NULL);
      if (out_made != NULL)
        *out_made = TRUE;
    }
  else
    {
      read_counts (today);
    }

  rotate (backups, now);
  return g_steal_pointer (&today);
}

/**
 * carnet_backup_list:
 *
 * Returns: (transfer full): a list model of #CarnetBackup, the newest first,
 *   with the number of records each holds; files that cannot be read as a
 *   notebook are left out
 */
GListModel *
carnet_backup_list (CarnetNotebook  *notebook,
                    GError         **error)
{
  g_autofree char *folder = NULL;

  g_return_val_if_fail (CARNET_IS_NOTEBOOK (notebook), NULL);

  folder = carnet_backup_dup_folder (notebook);
  return list_readable (folder, carnet_notebook_get_clock (notebook), error);
}

/**
 * carnet_backup_dup_latest:
 *
 * Returns: (transfer full) (nullable): the newest backup that can be read;
 *   %NULL when there is none (@error unset) or on error
 */
CarnetBackup *
carnet_backup_dup_latest (CarnetNotebook  *notebook,
                          GError         **error)
{
  g_autoptr(GListModel) backups = NULL;

  g_return_val_if_fail (CARNET_IS_NOTEBOOK (notebook), NULL);

  backups = carnet_backup_list (notebook, error);
  if (backups == NULL || g_list_model_get_n_items (backups) == 0)
    return NULL;

  return g_list_model_get_item (backups, 0);
}

/**
 * carnet_backup_find_latest:
 * @notebook_path: a notebook file, which need not open (it may be damaged)
 * @clock: the clock whose time zone the backups' dates are read in
 *
 * Returns: (transfer full) (nullable): the newest automatic backup of the
 *   notebook at @notebook_path that can be read, with its counts; %NULL when
 *   there is none (@error unset) or on error
 */
CarnetBackup *
carnet_backup_find_latest (const char   *notebook_path,
                           CarnetClock  *clock,
                           GError      **error)
{
  g_autoptr(GListModel) backups = NULL;
  g_autofree char *folder = NULL;

  g_return_val_if_fail (notebook_path != NULL, NULL);
  g_return_val_if_fail (CARNET_IS_CLOCK (clock), NULL);

  folder = carnet_backup_dup_folder_for_path (notebook_path);
  backups = list_readable (folder, clock, error);
  if (backups == NULL || g_list_model_get_n_items (backups) == 0)
    return NULL;

  return g_list_model_get_item (backups, 0);
}

static gboolean
quick_check (CarnetNotebook  *copy,
             const char      *display,
             GError         **error)
{
  g_autoptr(CarnetCachedStmt) stmt = carnet_notebook_prepare (copy, "PRAGMA quick_check", error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *line = (const char *) sqlite3_column_text (stmt, 0);

      if (g_strcmp0 (line, "ok") != 0)
        {
          g_set_error (error, CARNET_ERROR, CARNET_ERROR_CORRUPT,
                       _("The backup “%s” is damaged (%s); the notebook was not changed."),
                       display, line);
          return FALSE;
        }
    }

  if (rc != SQLITE_DONE)
    {
      carnet_sqlite_set_error (error, carnet_notebook_get_db (copy), rc);
      return FALSE;
    }

  return TRUE;
}

static gboolean
copy_file (const char  *from,
           const char  *to,
           GError     **error)
{
  g_autoptr(GFile) source = g_file_new_for_path (from);
  g_autoptr(GFile) dest = g_file_new_for_path (to);
  g_autoptr(GError) local_error = NULL;

  if (!g_file_copy (source, dest, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &local_error))
    {
      g_autofree char *display = g_filename_display_name (from);

      g_set_error (error, CARNET_ERROR,
                   g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND)
                     ? CARNET_ERROR_NOT_FOUND : CARNET_ERROR_IO,
                   _("Cannot read the backup “%s”: %s"), display, local_error->message);
      return FALSE;
    }

  return TRUE;
}

static void
remove_notebook_files (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);

  g_remove (path);
  g_remove (wal);
  g_remove (shm);
  g_remove (journal);
}

/* A private copy of the backup @backup_path, in @folder, checked as untrusted
 * input: a Carnet notebook, not from a newer Carnet, upgraded if older, and
 * whole (quick_check). */
static CarnetNotebook *
open_checked_copy (const char   *backup_path,
                   const char   *folder,
                   CarnetClock  *clock,
                   char        **out_copy_path,
                   GError      **error)
{
  g_autoptr(CarnetNotebook) copy = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *copy_path = NULL;
  g_autofree char *display = g_filename_display_name (backup_path);
  int fd;

  if (!ensure_folder (folder, error))
    return NULL;

  copy_path = g_build_filename (folder, TEMP_PREFIX "restore-XXXXXX", NULL);
  fd = g_mkstemp_full (copy_path, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, CARNET_ERROR, CARNET_ERROR_IO,
                   _("Cannot restore the backup: %s"), g_strerror (saved_errno));
      return NULL;
    }
  close (fd);

  if (!copy_file (backup_path, copy_path, error))
    {
      remove_notebook_files (copy_path);
      return NULL;
    }

  copy = carnet_notebook_open (copy_path, CARNET_OPEN_FLAGS_NONE, clock, &local_error);
  if (copy == NULL)
    {
      /* The errors name the private copy: name the file the person chose. */
      if (g_error_matches (local_error, CARNET_ERROR, CARNET_ERROR_FOREIGN_FILE))
        g_set_error (error, CARNET_ERROR, CARNET_ERROR_FOREIGN_FILE,
                     _("“%s” is not a Carnet notebook; the notebook was not changed."), display);
      else if (g_error_matches (local_error, CARNET_ERROR, CARNET_ERROR_NEWER_VERSION))
        g_set_error (error, CARNET_ERROR, CARNET_ERROR_NEWER_VERSION,
                     _("“%s” was written by a newer version of Carnet; the notebook was not changed."),
                     display);
      else
        g_set_error (error, local_error->domain, local_error->code,
                     _("Cannot restore “%s”: %s"), display, local_error->message);
      remove_notebook_files (copy_path);
      return NULL;
    }

  if (!quick_check (copy, display, error))
    {
      carnet_notebook_close (copy);
      remove_notebook_files (copy_path);
      return NULL;
    }

  /* The copy is made 0600, but a copy may bring the mode of its source. */
  g_chmod (copy_path, 0600);
  *out_copy_path = g_steal_pointer (&copy_path);
  return g_steal_pointer (&copy);
}

/**
 * carnet_backup_restore:
 * @backup_path: a backup of the list, or any notebook file
 *
 * Replaces what @notebook holds with the content of @backup_path. The file
 * is treated as untrusted: it is checked (a Carnet notebook, not from a newer
 * Carnet, quick_check) on a private copy, upgraded there if it is older, and
 * only then copied into the notebook with the online backup API. What the
 * notebook held just before is backed up first, so a restore can be undone
 * from the list. Other programs that have the notebook open see the change.
 */
gboolean
carnet_backup_restore (CarnetNotebook  *notebook,
                       const char      *backup_path,
                       GError         **error)
{
  g_autoptr(CarnetNotebook) copy = NULL;
  g_autoptr(CarnetNotebook) target = NULL;
  g_autoptr(CarnetBackup) safety = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *copy_path = NULL;
  sqlite3_backup *backup;
  CarnetClock *clock;
  int rc;

  g_return_val_if_fail (CARNET_IS_NOTEBOOK (notebook), FALSE);
  g_return_val_if_fail (backup_path != NULL, FALSE);

  if (carnet_notebook_get_read_only (notebook))
    {
      g_set_error (error, CARNET_ERROR, CARNET_ERROR_READ_ONLY,
                   _("This notebook is open read-only."));
      return FALSE;
    }

  clock = carnet_notebook_get_clock (notebook);
  folder = carnet_backup_dup_folder (notebook);
  copy = open_checked_copy (backup_path, folder, clock, &copy_path, error);
  if (copy == NULL)
    return FALSE;

  now = carnet_clock_get_now (clock);
  safety = make_backup (notebook, folder, now, error);
  if (safety == NULL)
    goto failed;

  /* Through a connection of its own, so that the notebook's (and any other
   * program's) sees a change made by someone else, and reloads. */
  target = carnet_notebook_open (carnet_notebook_get_path (notebook), CARNET_OPEN_FLAGS_NONE,
                                 clock, error);
  if (target == NULL)
    goto failed;

  backup = sqlite3_backup_init (carnet_notebook_get_db (target), "main",
                                carnet_notebook_get_db (copy), "main");
  if (backup == NULL)
    {
      rc = sqlite3_extended_errcode (carnet_notebook_get_db (target));
    }
  else
    {
      rc = sqlite3_backup_step (backup, -1);
      if (rc == SQLITE_DONE)
        rc = SQLITE_OK;
      sqlite3_backup_finish (backup);
    }

  if (rc != SQLITE_OK)
    {
      carnet_sqlite_set_error (error, carnet_notebook_get_db (target), rc);
      goto failed;
    }

  carnet_notebook_close (target);
  carnet_notebook_close (copy);
  remove_notebook_files (copy_path);
  carnet_notebook_poll_changes (notebook);
  return TRUE;

failed:
  carnet_notebook_close (copy);
  remove_notebook_files (copy_path);
  return FALSE;
}

/* Gives @path (a file, or its -wal or -shm) the name @kept, which must not
 * exist: a hard link first, which fails rather than replace a file, then the
 * old name goes. On a file system without hard links, a rename to a name
 * that was just found free. */
static gboolean
move_without_replacing (const char *path,
                        const char *kept,
                        int        *out_errno)
{
  if (link (path, kept) == 0)
    {
      if (g_unlink (path) != 0)
        {
          *out_errno = errno;
          g_unlink (kept);
          return FALSE;
        }
      return TRUE;
    }

  *out_errno = errno;
  if (*out_errno == EEXIST)
    return FALSE;

  if (g_file_test (kept, G_FILE_TEST_EXISTS))
    {
      *out_errno = EEXIST;
      return FALSE;
    }

  if (g_rename (path, kept) != 0)
    {
      *out_errno = errno;
      return FALSE;
    }

  return TRUE;
}

/* Moves the damaged notebook @path, and its -wal and -shm, to
 * "<name>.damaged-<date>.carnet" beside it ("-2", "-3"… when that is taken),
 * for its owner only. */
static char *
move_damaged_aside (const char  *path,
                    GDateTime   *now,
                    GError     **error)
{
  static const char * const companions[] = { "-wal", "-shm" };
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *day = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *kept = NULL;
  int saved_errno = 0;

  if (g_str_has_suffix (name, NAME_SUFFIX) && strlen (name) > strlen (NAME_SUFFIX))
    name[strlen (name) - strlen (NAME_SUFFIX)] = '\0';

  for (guint n = 1; n < 1000; n++)
    {
      g_autofree char *kept_name = NULL;

      if (n == 1)
        kept_name = g_strdup_printf ("%s.damaged-%s" NAME_SUFFIX, name, day);
      else
        kept_name = g_strdup_printf ("%s.damaged-%s-%u" NAME_SUFFIX, name, day, n);

      g_free (kept);
      kept = g_build_filename (dir, kept_name, NULL);
      if (move_without_replacing (path, kept, &saved_errno))
        break;

      g_clear_pointer (&kept, g_free);
      if (saved_errno != EEXIST)
        break;
    }

  if (kept == NULL)
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, CARNET_ERROR, CARNET_ERROR_IO,
                   _("Cannot put the damaged notebook “%s” aside: %s. Nothing was changed."),
                   display, g_strerror (saved_errno));
      return NULL;
    }

  g_chmod (kept, 0600);

  /* A WAL holds the last changes of the damaged file: it goes with it, under
   * the name SQLite looks for beside the kept file. */
  for (guint i = 0; i < G_N_ELEMENTS (companions); i++)
    {
      g_autofree char *from = g_strconcat (path, companions[i], NULL);
      g_autofree char *to = g_strconcat (kept, companions[i], NULL);

      if (!g_file_test (from, G_FILE_TEST_EXISTS))
        continue;

      if (!move_without_replacing (from, to, &saved_errno))
        {
          g_autofree char *display = g_filename_display_name (from);

          g_set_error (error, CARNET_ERROR, CARNET_ERROR_IO,
                       _("Cannot put “%s” aside: %s"), display, g_strerror (saved_errno));
          return NULL;
        }
      g_chmod (to, 0600);
    }

  sync_folder (dir);
  return g_steal_pointer (&kept);
}

/**
 * carnet_backup_restore_damaged:
 * @notebook_path: a notebook that cannot be opened because it is damaged
 * @backup_path: the backup to put in its place (an automatic backup)
 * @clock: the clock that dates the damaged file's new name
 *
 * Puts a backup in the place of a damaged notebook. The backup is checked
 * first, on a private copy (as carnet_backup_restore() does); then the
 * damaged file, with its -wal and -shm, is moved aside to
 * "<name>.damaged-<date>.carnet" next to it, never replacing a file, and the
 * checked copy takes the notebook's name. The damaged file is kept as it
 * was, byte for byte, for its owner only. When the backup cannot be used,
 * nothing is moved.
 *
 * Returns: (transfer full): where the damaged file now is, or %NULL with
 *   @error set
 */
char *
carnet_backup_restore_damaged (const char   *notebook_path,
                               const char   *backup_path,
                               CarnetClock  *clock,
                               GError      **error)
{
  g_autoptr(CarnetNotebook) copy = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *copy_path = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *dir = NULL;

  g_return_val_if_fail (notebook_path != NULL, NULL);
  g_return_val_if_fail (backup_path != NULL, NULL);
  g_return_val_if_fail (CARNET_IS_CLOCK (clock), NULL);

  folder = carnet_backup_dup_folder_for_path (notebook_path);
  copy = open_checked_copy (backup_path, folder, clock, &copy_path, error);
  if (copy == NULL)
    return NULL;

  /* Closed, the copy is one whole file with no WAL beside it. */
  carnet_notebook_close (copy);

  now = carnet_clock_get_now (clock);
  kept = move_damaged_aside (notebook_path, now, error);
  if (kept == NULL)
    {
      remove_notebook_files (copy_path);
      return NULL;
    }

  if (g_rename (copy_path, notebook_path) != 0)
    {
      int saved_errno = errno;
      g_autofree char *display = g_filename_display_name (notebook_path);
      int ignored;

      /* Back where it was, so that the person finds their file. */
      move_without_replacing (kept, notebook_path, &ignored);
      remove_notebook_files (copy_path);
      g_set_error (error, CARNET_ERROR, CARNET_ERROR_IO,
                   _("Cannot restore the backup to “%s”: %s"), display, g_strerror (saved_errno));
      return NULL;
    }

  g_chmod (notebook_path, 0600);
  dir = g_path_get_dirname (notebook_path);
  sync_folder (dir);

  return g_steal_pointer (&kept);
}
