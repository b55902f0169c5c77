/* carnet-fault-vfs.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A SQLite VFS for tests that wraps the default one and makes the writes to a
 * notebook fail as a full disk, a failing disk or a read-only file would.
 */
#pragma once

#include <sqlite3.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum
{
  CARNET_FAULT_NONE,
  /* xWrite returns SQLITE_FULL. */
  CARNET_FAULT_DISK_FULL,
  /* xWrite returns SQLITE_IOERR_WRITE and xSync SQLITE_IOERR_FSYNC. */
  CARNET_FAULT_IO_ERROR,
  /* The notebook opens read-only, as a file without the write permission
   * does: SQLite then reports SQLITE_READONLY on a write. */
  CARNET_FAULT_READ_ONLY,
} CarnetFault;

/* Registers the VFS as the default one ("carnet-fault"); the same VFS again
 * is a no-op. Returns SQLITE_OK. */
int          carnet_fault_vfs_register   (void);

/* From now on, @fault strikes the @after-th write or sync (1: the first one)
 * and every one after it, on the main database and WAL files only, so that a
 * notebook still opens and reads. CARNET_FAULT_READ_ONLY applies to the files
 * opened from now on. */
void         carnet_fault_vfs_set        (CarnetFault fault,
                                          int         after);
void         carnet_fault_vfs_clear      (void);
/* How many operations failed since the last set or clear. */
int          carnet_fault_vfs_get_hits   (void);
/* Parses "disk-full", "io-error", "read-only" or "none"; -1 if unknown. */
int          carnet_fault_parse          (const char *name);

#ifdef __cplusplus
}
#endif
