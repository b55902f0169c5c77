/* carnet-fault-vfs.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Fault injection under SQLite: a VFS that forwards everything to the
 * default VFS ("unix") and, when told, fails the writes to the notebook.
 *
 * Linked into a test program, the test calls carnet_fault_vfs_register() and
 * carnet_fault_vfs_set(). Built as a shared library and loaded with
 * LD_PRELOAD into carnet-cli or carnet, a constructor registers it and reads
 * the fault from the environment:
 *
 *   CARNET_FAULT=disk-full|io-error|read-only
 *   CARNET_FAULT_AFTER=N    the Nth write (or sync) fails, and every one after
 *                           it (default 1)
 *   CARNET_FAULT_MATCH=TEXT only files whose path contains TEXT
 *
 * Only the main database and WAL files are struck, so a notebook opens and
 * reads and the first change fails; temporary files are left alone.
 *
 * Plain C with SQLite only: it is loaded into processes before GLib is.
 */
#include <stdlib.h>
#include <string.h>

#include "carnet-fault-vfs.h"

typedef struct
{
  sqlite3_file  base;
  /* Whether the fault may strike this file (a main database or a WAL). */
  int           watched;
  sqlite3_file *real;
} FaultFile;

static sqlite3_vfs fault_vfs;
static sqlite3_vfs *real_vfs;
static sqlite3_io_methods fault_methods;

static CarnetFault current_fault;
static int fault_after = 1;
static int operations;
static int hits;
static char *path_match;

static int
strike (CarnetFault fault)
{
  if (current_fault != fault)
    return 0;

  operations++;
  if (operations < fault_after)
    return 0;

  hits++;
  return 1;
}

/* File methods: forwarded, with a fault on write and sync */

static int
fault_close (sqlite3_file *file)
{
  FaultFile *self = (FaultFile *)file;
  int rc = SQLITE_OK;

  if (self->real->pMethods != NULL)
    rc = self->real->pMethods->xClose (self->real);

  return rc;
}

static int
fault_read (sqlite3_file *file,
            void         *buffer,
            int           amount,
            sqlite3_int64 offset)
{
  FaultFile *self = (FaultFile *)file;

  return self->real->pMethods->xRead (self->real, buffer, amount, offset);
}

static int
fault_write (sqlite3_file *file,
             const void   *buffer,
             int           amount,
             sqlite3_int64 offset)
{
  FaultFile *self = (FaultFile *)file;

  if (self->watched)
    {
      if (strike (CARNET_FAULT_DISK_FULL))
        return SQLITE_FULL;
      if (strike (CARNET_FAULT_IO_ERROR))
        return SQLITE_IOERR_WRITE;
    }

  return self->real->pMethods->xWrite (self->real, buffer, amount, offset);
}

static int
fault_truncate (sqlite3_file  *file,
                sqlite3_int64  size)
{
  FaultFile *self = (FaultFile *)file;

  return self->real->pMethods->xTruncate (self->real, size);
}

static int
fault_sync (sqlite3_file *file,
            int           flags)
{
  FaultFile *self = (FaultFile *)file;

  if (self->watched && strike (CARNET_FAULT_IO_ERROR))
    return SQLITE_IOERR_FSYNC;

  return self->real->pMethods->xSync (self->real, flags);
}

static int
fault_file_size (sqlite3_file  *file,
                 sqlite3_int64 *size)
{
  FaultFile *self = (FaultFile *)file;

  return self->real->pMethods->xFileSize (self->real, size);
}

static int
fault_lock (sqlite3_file *file,
            int           level)
{
  FaultFile *self = (FaultFile *)file;

  return self->real->pMethods->xLock (self->real, level);
}

static int
fault_unlock (sqlite3_file *file,
              int           level)
{
  FaultFile *self = (FaultFile *)file;

  return self->real->pMethods->xUnlock (self->real, level);
}

static int
fault_check_reserved_lock (sqlite3_file *file,
                           int          *out_reserved)
{
  FaultFile *self = (FaultFile *)file;

  return self->real->pMethods->xCheckReservedLock (self->real, out_reserved);
}

static int
fault_file_control (sqlite3_file *file,
                    int           op,
                    void         *arg)
{
  FaultFile *self = (FaultFile *)file;

  return self->real->pMethods->xFileControl (self->real, op, arg);
}

static int
fault_sector_size (sqlite3_file *file)
{
  FaultFile *self = (FaultFile *)file;

  return self->real->pMethods->xSectorSize (self->real);
}

static int
fault_device_characteristics (sqlite3_file *file)
{
  FaultFile *self = (FaultFile *)file;

  return self->real->pMethods->xDeviceCharacteristics (self->real);
}

static int
fault_shm_map (sqlite3_file  *file,
               int            page,
               int            page_size,
               int            extend,
               void volatile **out)
{
  FaultFile *self = (FaultFile *)file;

  return self->real->pMethods->xShmMap (self->real, page, page_size, extend, out);
}

static int
fault_shm_lock (sqlite3_file *file,
                int           offset,
                int           n,
                int           flags)
{
  FaultFile *self = (FaultFile *)file;

  return self->real->pMethods->xShmLock (self->real, offset, n, flags);
}

static void
fault_shm_barrier (sqlite3_file *file)
{
  FaultFile *self = (FaultFile *)file;

  self->real->pMethods->xShmBarrier (self->real);
}

static int
fault_shm_unmap (sqlite3_file *file,
                 int           delete_flag)
{
  FaultFile *self = (FaultFile *)file;

  return self->real->pMethods->xShmUnmap (self->real, delete_flag);
}

static int
fault_fetch (sqlite3_file  *file,
             sqlite3_int64  offset,
             int            amount,
             void         **out)
{
  FaultFile *self = (FaultFile *)file;

  return self->real->pMethods->xFetch (self->real, offset, amount, out);
}

static int
fault_unfetch (sqlite3_file  *file,
               sqlite3_int64  offset,
               void          *page)
{
  FaultFile *self = (FaultFile *)file;

  return self->real->pMethods->xUnfetch (self->real, offset, page);
}

/* VFS methods */

static int
fault_open (sqlite3_vfs  *vfs,
            const char   *name,
            sqlite3_file *file,
            int           flags,
            int          *out_flags)
{
  FaultFile *self = (FaultFile *)file;
  int watched = (flags & (SQLITE_OPEN_MAIN_DB | SQLITE_OPEN_WAL)) != 0 && name != NULL &&
                (path_match == NULL || strstr (name, path_match) != NULL);
  int rc;

  memset (self, 0, sizeof *self);
  self->real = (sqlite3_file *)(self + 1);
  self->watched = watched;

  /* What a file without write permission gives: SQLite opens it read-only
   * and refuses to write to it. */
  if (watched && current_fault == CARNET_FAULT_READ_ONLY &&
      (flags & SQLITE_OPEN_MAIN_DB) != 0 && (flags & SQLITE_OPEN_READWRITE) != 0)
    {
      flags &= ~(SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
      flags |= SQLITE_OPEN_READONLY;
      hits++;
    }

  rc = real_vfs->xOpen (real_vfs, name, self->real, flags, out_flags);
  if (self->real->pMethods != NULL)
    self->base.pMethods = &fault_methods;

  return rc;
}

static int
fault_delete (sqlite3_vfs *vfs,
              const char  *name,
              int          sync_dir)
{
  return real_vfs->xDelete (real_vfs, name, sync_dir);
}

static int
fault_access (sqlite3_vfs *vfs,
              const char  *name,
              int          flags,
              int         *out_result)
{
  int rc = real_vfs->xAccess (real_vfs, name, flags, out_result);

  if (rc == SQLITE_OK && flags == SQLITE_ACCESS_READWRITE &&
      current_fault == CARNET_FAULT_READ_ONLY &&
      (path_match == NULL || strstr (name, path_match) != NULL))
    *out_result = 0;

  return rc;
}

static int
fault_full_pathname (sqlite3_vfs *vfs,
                     const char  *name,
                     int          size,
                     char        *out)
{
  return real_vfs->xFullPathname (real_vfs, name, size, out);
}

static void *
fault_dl_open (sqlite3_vfs *vfs,
               const char  *name)
{
  return real_vfs->xDlOpen (real_vfs, name);
}

static void
fault_dl_error (sqlite3_vfs *vfs,
                int          size,
                char        *out)
{
  real_vfs->xDlError (real_vfs, size, out);
}

static void (*
fault_dl_sym (sqlite3_vfs *vfs,
              void        *handle,
              const char  *symbol)) (void)
{
  return real_vfs->xDlSym (real_vfs, handle, symbol);
}

static void
fault_dl_close (sqlite3_vfs *vfs,
                void        *handle)
{
  real_vfs->xDlClose (real_vfs, handle);
}

static int
fault_randomness (sqlite3_vfs *vfs,
                  int          size,
                  char        *out)
{
  return real_vfs->xRandomness (real_vfs, size, out);
}

static int
fault_sleep (sqlite3_vfs *vfs,
             int          microseconds)
{
  return real_vfs->xSleep (real_vfs, microseconds);
}

static int
fault_current_time (sqlite3_vfs *vfs,
                    double      *out)
{
  return real_vfs->xCurrentTime (real_vfs, out);
}

static int
fault_get_last_error (sqlite3_vfs *vfs,
                      int          size,
                      char        *out)
{
  return real_vfs->xGetLastError (real_vfs, size, out);
}

static int
fault_current_time_int64 (sqlite3_vfs   *vfs,
                          sqlite3_int64 *out)
{
  return real_vfs->xCurrentTimeInt64 (real_vfs, out);
}

/* Public API */

int
carnet_fault_vfs_register (void)
{
  if (real_vfs != NULL)
    return SQLITE_OK;

  if (sqlite3_initialize () != SQLITE_OK)
    return SQLITE_ERROR;

  real_vfs = sqlite3_vfs_find ("unix");
  if (real_vfs == NULL)
    return SQLITE_ERROR;

  fault_methods = (sqlite3_io_methods) {
    .iVersion = 3,
    .xClose = fault_close,
    .xRead = fault_read,
    .xWrite = fault_write,
    .xTruncate = fault_truncate,
    .xSync = fault_sync,
    .xFileSize = fault_file_size,
    .xLock = fault_lock,
    .xUnlock = fault_unlock,
    .xCheckReservedLock = fault_check_reserved_lock,
    .xFileControl = fault_file_control,
    .xSectorSize = fault_sector_size,
    .xDeviceCharacteristics = fault_device_characteristics,
    .xShmMap = fault_shm_map,
    .xShmLock = fault_shm_lock,
    .xShmBarrier = fault_shm_barrier,
    .xShmUnmap = fault_shm_unmap,
    .xFetch = fault_fetch,
    .xUnfetch = fault_unfetch,
  };

  fault_vfs = (sqlite3_vfs) {
    .iVersion = 2,
    .szOsFile = (int)sizeof (FaultFile) + real_vfs->szOsFile,
    .mxPathname = real_vfs->mxPathname,
    .zName = "carnet-fault",
    .xOpen = fault_open,
    .xDelete = fault_delete,
    .xAccess = fault_access,
    .xFullPathname = fault_full_pathname,
    .xDlOpen = fault_dl_open,
    .xDlError = fault_dl_error,
    .xDlSym = fault_dl_sym,
    .xDlClose = fault_dl_close,
    .xRandomness = fault_randomness,
    .xSleep = fault_sleep,
    .xCurrentTime = fault_current_time,
    .xGetLastError = fault_get_last_error,
    .xCurrentTimeInt64 = fault_current_time_int64,
  };

  return sqlite3_vfs_register (&fault_vfs, 1);
}

void
carnet_fault_vfs_set (CarnetFault fault,
                      int         after)
{
  current_fault = fault;
  fault_after = after > 0 ? after : 1;
  operations = 0;
  hits = 0;
}

void
carnet_fault_vfs_clear (void)
{
  carnet_fault_vfs_set (CARNET_FAULT_NONE, 1);
}

int
carnet_fault_vfs_get_hits (void)
{
  return hits;
}

int
carnet_fault_parse (const char *name)
{
  if (name == NULL || *name == '\0' || strcmp (name, "none") == 0)
    return CARNET_FAULT_NONE;
  if (strcmp (name, "disk-full") == 0)
    return CARNET_FAULT_DISK_FULL;
  if (strcmp (name, "io-error") == 0)
    return CARNET_FAULT_IO_ERROR;
  if (strcmp (name, "read-only") == 0)
    return CARNET_FAULT_READ_ONLY;
  return -1;
}

#ifdef CARNET_FAULT_PRELOAD
/* Loaded with LD_PRELOAD: the fault comes from the environment. */
__attribute__((constructor)) static void
carnet_fault_vfs_preload (void)
{
  const char *after = getenv ("CARNET_FAULT_AFTER");
  const char *match = getenv ("CARNET_FAULT_MATCH");
  int fault = carnet_fault_parse (getenv ("CARNET_FAULT"));

  if (fault < 0 || carnet_fault_vfs_register () != SQLITE_OK)
    abort ();

  if (match != NULL && *match != '\0')
    path_match = strdup (match);

  carnet_fault_vfs_set ((CarnetFault)fault, after != NULL ? atoi (after) : 1);
}
#endif
