/* carnet-editor.h: the dialog that adds or edits one record
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "carnet.h"

G_BEGIN_DECLS

#define CARNET_TYPE_EDITOR (carnet_editor_get_type ())

G_DECLARE_DERIVABLE_TYPE (CarnetEditor, carnet_editor, CARNET, EDITOR, AdwWindow)

struct _CarnetEditorClass
{
  AdwWindowClass parent_class;

  /* The window titles, marked with N_(). */
  const char *new_title;
  const char *edit_title;

  /* Shows @record's fields; the editor's record is new when its id is 0. */
  void       (*load)          (CarnetEditor  *self,
                               CarnetRecord  *record);
  /* Writes the fields into @record. Fails when a field holds something it
   * cannot read (a date that is not one), naming the field in @error. */
  gboolean   (*store)         (CarnetEditor  *self,
                               CarnetRecord  *record,
                               GError       **error);
  /* The row that shows @field (a name of carnet_error_get_field() or one of
   * the editor's own), the widget to focus to correct it (NULL: the row) and
   * the field's name in messages (NULL: the row's title); NULL when the
   * editor does not show that field. A field of several rows (a scale)
   * returns its last row, for the message to go under, and its first row
   * to focus: then no single row is marked as wrong. */
  GtkWidget *(*get_field_row) (CarnetEditor  *self,
                               const char    *field,
                               GtkWidget    **out_focus,
                               const char   **out_label);

  gpointer padding[8];
};

CarnetNotebook *carnet_editor_get_notebook    (CarnetEditor *self);
CarnetRecord   *carnet_editor_get_record      (CarnetEditor *self);
gboolean        carnet_editor_is_new          (CarnetEditor *self);
gboolean        carnet_editor_save            (CarnetEditor *self);
const char     *carnet_editor_get_field_error (CarnetEditor *self,
                                               const char   *field);
const char     *carnet_editor_get_problem     (CarnetEditor *self);
void            carnet_editor_show_error      (CarnetEditor *self,
                                               const GError *error);

/* Helpers for the editors of each kind. */
char           *carnet_editor_dup_text        (GtkWidget    *editable);
char           *carnet_editor_dup_notes       (GtkTextView  *view);
void            carnet_editor_set_notes       (GtkTextView  *view,
                                               const char   *notes);
GTimeZone      *carnet_editor_dup_time_zone   (GDateTime    *time);
void            carnet_editor_set_links       (AdwComboRow  *row,
                                               const char   *none_label,
                                               GArray       *ids,
                                               GPtrArray    *labels,
                                               gint64        selected);
gint64          carnet_editor_get_link        (AdwComboRow  *row);
char           *carnet_editor_format_link     (const char   *title,
                                               GDateTime    *when);

G_END_DECLS
