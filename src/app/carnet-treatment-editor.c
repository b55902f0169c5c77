/* carnet-treatment-editor.c: record a treatment
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Its name and kind, its first and last day and, for a cyclic one, the cycle
 * length and count that make a date read "C3 D8".
 */
#define G_LOG_DOMAIN "carnet-app"

#include "config.h"

#include "carnet-treatment-editor.h"

#include <glib/gi18n.h>

#include "carnet-date-row.h"

struct _CarnetTreatmentEditor
{
  CarnetEditor    parent_instance;

  /* Template widgets */
  AdwEntryRow    *name_row;
  AdwComboRow    *kind_row;
  CarnetDateRow  *start_row;
  CarnetDateRow  *end_row;
  AdwExpanderRow *cycles_expander;
  AdwActionRow   *cycle_days_row;
  GtkSpinButton  *cycle_days_spin;
  AdwActionRow   *cycles_row;
  GtkSpinButton  *cycles_spin;
  GtkWidget      *notes_row;
  GtkTextView    *notes_view;
};

G_DEFINE_FINAL_TYPE (CarnetTreatmentEditor, carnet_treatment_editor, CARNET_TYPE_EDITOR)

/* libadwaita 1.2 leaves an expander's enable switch without a name for
 * screen readers: it gets the expander's title. */
static void
name_enable_switch (GtkWidget  *widget,
                    const char *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_SWITCH (child))
        gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                        -1);
      else
        name_enable_switch (child, name);
    }
}

static gboolean
read_date (CarnetDateRow  *row,
           const char     *field,
           GDate          *date,
           GError        **error)
{
  g_date_clear (date, 1);

  if (carnet_date_row_is_empty (row) || carnet_date_row_get_date (row, date))
    return TRUE;

  {
    g_autofree char *text = carnet_editor_dup_text (GTK_WIDGET (row));

    carnet_set_field_error (error, field,
                            _("“%s” is not a date: write it as 2026-12-03, or choose it in the calendar"),
                            text);
  }
  return FALSE;
}

/* Overrides */

static void
carnet_treatment_editor_load (CarnetEditor *editor,
                              CarnetRecord *record)
{
  CarnetTreatmentEditor *self = CARNET_TREATMENT_EDITOR (editor);
  CarnetTreatment *treatment = CARNET_TREATMENT (record);
  const GDate *start = carnet_treatment_get_start (treatment);
  const GDate *end = carnet_treatment_get_end (treatment);
  guint cycle_days = carnet_treatment_get_cycle_days (treatment);
  guint cycles = carnet_treatment_get_cycles (treatment);

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), carnet_treatment_get_name (treatment) ?: "");
  adw_combo_row_set_selected (self->kind_row, carnet_treatment_get_kind (treatment));
  carnet_date_row_set_date (self->start_row, start != NULL && g_date_valid (start) ? start : NULL);
  carnet_date_row_set_date (self->end_row, end != NULL && g_date_valid (end) ? end : NULL);

  adw_expander_row_set_enable_expansion (self->cycles_expander, cycle_days > 0 || cycles > 0);
  if (cycle_days > 0)
    gtk_spin_button_set_value (self->cycle_days_spin, cycle_days);
  if (cycles > 0)
    gtk_spin_button_set_value (self->cycles_spin, cycles);

  carnet_editor_set_notes (self->notes_view, carnet_treatment_get_notes (treatment));
}

static gboolean
carnet_treatment_editor_store (CarnetEditor  *editor,
                               CarnetRecord  *record,
                               GError       **error)
{
  CarnetTreatmentEditor *self = CARNET_TREATMENT_EDITOR (editor);
  CarnetTreatment *treatment = CARNET_TREATMENT (record);
  g_autofree char *name = NULL;
  g_autofree char *notes = NULL;
  GDate start;
  GDate end;

  name = carnet_editor_dup_text (GTK_WIDGET (self->name_row));
  carnet_treatment_set_name (treatment, name);
  carnet_treatment_set_kind (treatment, adw_combo_row_get_selected (self->kind_row));

  if (!read_date (self->start_row, "start", &start, error) ||
      !read_date (self->end_row, "end", &end, error))
    return FALSE;

  carnet_treatment_set_start (treatment, g_date_valid (&start) ? &start : NULL);
  carnet_treatment_set_end (treatment, g_date_valid (&end) ? &end : NULL);

  if (adw_expander_row_get_enable_expansion (self->cycles_expander))
    {
      carnet_treatment_set_cycle_days (treatment, (guint) gtk_spin_button_get_value_as_int (self->cycle_days_spin));
      carnet_treatment_set_cycles (treatment, (guint) gtk_spin_button_get_value_as_int (self->cycles_spin));
    }
  else
    {
      carnet_treatment_set_cycle_days (treatment, 0);
      carnet_treatment_set_cycles (treatment, 0);
    }

  notes = carnet_editor_dup_notes (self->notes_view);
  carnet_treatment_set_notes (treatment, *notes != '\0' ? notes : NULL);

  return TRUE;
}

static GtkWidget *
carnet_treatment_editor_get_field_row (CarnetEditor  *editor,
                                       const char    *field,
                                       GtkWidget    **out_focus,
                                       const char   **out_label)
{
  CarnetTreatmentEditor *self = CARNET_TREATMENT_EDITOR (editor);

  *out_focus = NULL;
  *out_label = NULL;

  if (g_str_equal (field, "name"))
    {
      *out_label = _("Name");
      return GTK_WIDGET (self->name_row);
    }
  if (g_str_equal (field, "kind"))
    return GTK_WIDGET (self->kind_row);
  if (g_str_equal (field, "start"))
    return GTK_WIDGET (self->start_row);
  if (g_str_equal (field, "end"))
    {
      *out_label = _("Last Day");
      return GTK_WIDGET (self->end_row);
    }
  if (g_str_equal (field, "cycle_days"))
    {
      *out_focus = GTK_WIDGET (self->cycle_days_spin);
      return GTK_WIDGET (self->cycle_days_row);
    }
  if (g_str_equal (field, "cycles"))
    {
      *out_focus = GTK_WIDGET (self->cycles_spin);
      return GTK_WIDGET (self->cycles_row);
    }
  if (g_str_equal (field, "notes"))
    {
      *out_label = _("Notes");
      *out_focus = GTK_WIDGET (self->notes_view);
      return self->notes_row;
    }

  return NULL;
}

static void
carnet_treatment_editor_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CARNET_TYPE_TREATMENT_EDITOR);

  G_OBJECT_CLASS (carnet_treatment_editor_parent_class)->dispose (object);
}

static void
carnet_treatment_editor_class_init (CarnetTreatmentEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  CarnetEditorClass *editor_class = CARNET_EDITOR_CLASS (klass);

  object_class->dispose = carnet_treatment_editor_dispose;

  editor_class->new_title = N_("New Treatment");
  editor_class->edit_title = N_("Edit Treatment");
  editor_class->load = carnet_treatment_editor_load;
  editor_class->store = carnet_treatment_editor_store;
  editor_class->get_field_row = carnet_treatment_editor_get_field_row;

  g_type_ensure (CARNET_TYPE_DATE_ROW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/carnet-treatment-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, CarnetTreatmentEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, CarnetTreatmentEditor, kind_row);
  gtk_widget_class_bind_template_child (widget_class, CarnetTreatmentEditor, start_row);
  gtk_widget_class_bind_template_child (widget_class, CarnetTreatmentEditor, end_row);
  gtk_widget_class_bind_template_child (widget_class, CarnetTreatmentEditor, cycles_expander);
  gtk_widget_class_bind_template_child (widget_class, CarnetTreatmentEditor, cycle_days_row);
  gtk_widget_class_bind_template_child (widget_class, CarnetTreatmentEditor, cycle_days_spin);
  gtk_widget_class_bind_template_child (widget_class, CarnetTreatmentEditor, cycles_row);
  gtk_widget_class_bind_template_child (widget_class, CarnetTreatmentEditor, cycles_spin);
  gtk_widget_class_bind_template_child (widget_class, CarnetTreatmentEditor, notes_row);
  gtk_widget_class_bind_template_child (widget_class, CarnetTreatmentEditor, notes_view);
}

static void
carnet_treatment_editor_init (CarnetTreatmentEditor *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  name_enable_switch (GTK_WIDGET (self->cycles_expander),
                      adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self->cycles_expander)));

  for (int kind = CARNET_TREATMENT_CHEMOTHERAPY; kind <= CARNET_TREATMENT_OTHER; kind++)
    gtk_string_list_append (kinds, carnet_treatment_kind_label (kind));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
}

/* Public API */

/**
 * carnet_treatment_editor_new:
 * @parent: (nullable): the window it belongs to
 * @notebook: where the treatment is saved
 * @treatment: a new treatment, or one of @notebook
 *
 * Returns: (transfer none): the editor, not shown yet; GTK owns it until it
 *   is destroyed
 */
CarnetEditor *
carnet_treatment_editor_new (GtkWindow       *parent,
                             CarnetNotebook  *notebook,
                             CarnetTreatment *treatment)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (CARNET_IS_NOTEBOOK (notebook), NULL);
  g_return_val_if_fail (CARNET_IS_TREATMENT (treatment), NULL);

  return g_object_new (CARNET_TYPE_TREATMENT_EDITOR,
                       "transient-for", parent,
                       "notebook", notebook,
                       "record", treatment,
                       NULL);
}
