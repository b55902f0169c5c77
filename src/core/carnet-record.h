/* carnet-record.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What every record of a notebook has: an id (0 until it is saved) and the
 * moment it went to the trash, if it did.
 */
#pragma once

#include <glib-object.h>

#include "carnet-types.h"

G_BEGIN_DECLS

#define CARNET_TYPE_RECORD (carnet_record_get_type ())

/* The longest one-line text (title, name, symptom, place) and the longest
 * free text (notes, question, answer, text report), in characters. */
#define CARNET_TITLE_MAX_CHARS 500
#define CARNET_TEXT_MAX_CHARS  20000

G_DECLARE_DERIVABLE_TYPE (CarnetRecord, carnet_record, CARNET, RECORD, GObject)

struct _CarnetRecordClass
{
  GObjectClass parent_class;

  CarnetRecordKind kind;

  /* Checks every field; the error names the first bad one (carnet_error_get_field()). */
  gboolean   (*validate) (CarnetRecord  *self,
                          GError       **error);
  /* The date a record is filed under in the journal. */
  GDateTime *(*get_date) (CarnetRecord  *self);
  /* A one-line title for lists, search hits and toasts. */
  char      *(*dup_title) (CarnetRecord *self);

  gpointer padding[8];
};

CarnetRecordKind  carnet_record_get_kind      (CarnetRecord  *self);
gint64            carnet_record_get_id        (CarnetRecord  *self);
void              carnet_record_set_id        (CarnetRecord  *self,
                                               gint64         id);
GDateTime        *carnet_record_get_trashed   (CarnetRecord  *self);
void              carnet_record_set_trashed   (CarnetRecord  *self,
                                               GDateTime     *trashed);
gboolean          carnet_record_validate      (CarnetRecord  *self,
                                               GError       **error);
GDateTime        *carnet_record_get_date      (CarnetRecord  *self);
char             *carnet_record_dup_title     (CarnetRecord  *self);
GType             carnet_record_kind_get_gtype (CarnetRecordKind kind);

G_END_DECLS
