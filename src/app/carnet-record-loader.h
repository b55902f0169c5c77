/* carnet-record-loader.h: reads a notebook's records from the newest back, a few months at a time
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "carnet.h"

G_BEGIN_DECLS

typedef struct _CarnetRecordLoader CarnetRecordLoader;

/* @records (element-type CarnetRecord): every record known so far, newest
 * first; @complete: whether they are all there; @error: why reading stopped. */
typedef void (*CarnetRecordsFunc) (GPtrArray    *records,
                                   gboolean      complete,
                                   const GError *error,
                                   gpointer      user_data);


CarnetRecordLoader *carnet_record_loader_new         (guint               kinds,
                                                      CarnetRecordsFunc   func,
                                                      gpointer            user_data);
void                carnet_record_loader_free        (CarnetRecordLoader *self);
void                carnet_record_loader_start       (CarnetRecordLoader *self,
                                                      CarnetNotebook     *notebook,
                                                      GDateTime          *now);
void                carnet_record_loader_finish      (CarnetRecordLoader *self);
gboolean            carnet_record_loader_is_complete (CarnetRecordLoader *self);

int                 carnet_record_compare_newest_first (CarnetRecord     *a,
                                                        CarnetRecord     *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CarnetRecordLoader, carnet_record_loader_free)

G_END_DECLS
