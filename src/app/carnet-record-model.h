/* carnet-record-model.h: a notebook's records, newest first, read as they are shown
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "carnet.h"

G_BEGIN_DECLS

#define CARNET_TYPE_RECORD_MODEL (carnet_record_model_get_type ())

G_DECLARE_FINAL_TYPE (CarnetRecordModel, carnet_record_model, CARNET, RECORD_MODEL, GObject)

/* How many records one read brings, and how many reads are kept. */
#define CARNET_RECORD_MODEL_PAGE      50
#define CARNET_RECORD_MODEL_MAX_PAGES 8
/* One record's key in so many is kept, read in the background so many at a
 * time, so that a page far from the ones held is read from the key before it
 * rather than counted from an end. */
#define CARNET_RECORD_MODEL_MARK_STEP  256
#define CARNET_RECORD_MODEL_MARK_CHUNK 128

CarnetRecordModel *carnet_record_model_new           (void);
gboolean           carnet_record_model_load          (CarnetRecordModel *self,
                                                      CarnetNotebook    *notebook,
                                                      guint              kinds,
                                                      GTimeZone         *tz,
                                                      GError           **error);
guint              carnet_record_model_find          (CarnetRecordModel *self,
                                                      CarnetRecordKind   kind,
                                                      gint64             id,
                                                      GError           **error);
guint              carnet_record_model_get_n_cached  (CarnetRecordModel *self);
guint              carnet_record_model_get_n_marks   (CarnetRecordModel *self);

int                carnet_record_compare_newest_first (CarnetRecord     *a,
                                                       CarnetRecord     *b);

G_END_DECLS
