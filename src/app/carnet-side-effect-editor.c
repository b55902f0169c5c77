/* carnet-side-effect-editor.c: record a side effect
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The symptom (typed, or one of the common ones), its severity in PRO-CTCAE's
 * words, when it began and ended, and the treatment it goes with.
 */
#define G_LOG_DOMAIN "carnet-app"

#include "config.h"

#include "carnet-side-effect-editor.h"

#include <glib/gi18n.h>

#include "carnet-date-row.h"
#include "carnet-input.h"

#define N_SEVERITIES (CARNET_SEVERITY_MAX - CARNET_SEVERITY_MIN + 1)

struct _CarnetSideEffectEditor
{
  CarnetEditor         parent_instance;

  /* Template widgets */
  AdwEntryRow         *symptom_row;
  GtkMenuButton       *symptoms_button;
  AdwPreferencesGroup *severity_group;
  CarnetDateRow       *at_row;
  CarnetDateRow       *until_row;
  AdwComboRow         *treatment_row;
  GtkWidget           *notes_row;
  GtkTextView         *notes_view;

  GtkWidget           *severity_rows[N_SEVERITIES];
  GtkCheckButton      *severity_checks[N_SEVERITIES];
};

G_DEFINE_FINAL_TYPE (CarnetSideEffectEditor, carnet_side_effect_editor, CARNET_TYPE_EDITOR)

static void
build_severity_rows (CarnetSideEffectEditor *self)
{
  GtkCheckButton *group = NULL;

  for (int i = 0; i < N_SEVERITIES; i++)
    {
      int severity = CARNET_SEVERITY_MIN + i;
      g_autofree char *title = NULL;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      /* Translators: a severity on the 0–4 scale and its word: "3 — Severe" */
      title = g_strdup_printf (C_("severity choice", "%d — %s"), severity,
                               carnet_severity_label (severity));
      /* The row names its check box (activatable widget) for screen readers. */
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      if (group != NULL)
        gtk_check_button_set_group (GTK_CHECK_BUTTON (check), group);
      else
        group = GTK_CHECK_BUTTON (check);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_preferences_group_add (self->severity_group, row);

      self->severity_rows[i] = row;
      self->severity_checks[i] = GTK_CHECK_BUTTON (check);
    }
}

static void
build_symptoms_menu (CarnetSideEffectEditor *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  const char * const *symptoms = carnet_side_effect_common_symptoms ();

  for (guint i = 0; symptoms[i] != NULL; i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (symptoms[i], NULL);

      g_menu_item_set_action_and_target_value (item, "side-effect.symptom",
                                               g_variant_new_string (symptoms[i]));
      g_menu_append_item (menu, item);
    }

  gtk_menu_button_set_menu_model (self->symptoms_button, G_MENU_MODEL (menu));
}

static void
fill_treatments (CarnetSideEffectEditor *self,
                 gint64                  selected)
{
  CarnetNotebook *notebook = carnet_editor_get_notebook (CARNET_EDITOR (self));
  g_autoptr(GListModel) treatments = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);

  treatments = carnet_notebook_list (notebook, CARNET_RECORD_TREATMENT, NULL, NULL, NULL);

  /* The latest first: side effects are mostly about the current treatment. */
  for (guint i = treatments != NULL ? g_list_model_get_n_items (treatments) : 0; i > 0; i--)
    {
      g_autoptr(CarnetTreatment) treatment = g_list_model_get_item (treatments, i - 1);
      const GDate *start = carnet_treatment_get_start (treatment);
      g_autoptr(GDateTime) when = NULL;
      gint64 id = carnet_record_get_id (CARNET_RECORD (treatment));

      if (start != NULL && g_date_valid (start))
        when = g_date_time_new_local (g_date_get_year (start), g_date_get_month (start),
                                      g_date_get_day (start), 12, 0, 0);
      g_array_append_val (ids, id);
      g_ptr_array_add (labels, carnet_editor_format_link (carnet_treatment_get_name (treatment), when));
    }

  carnet_editor_set_links (self->treatment_row, _("None"), ids, labels, selected);
}

static void
show_date (CarnetDateRow *row,
           GDateTime     *time)
{
  GDate date;

  if (time == NULL)
    {
      carnet_date_row_set_date (row, NULL);
      return;
    }

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, g_date_time_get_day_of_month (time), g_date_time_get_month (time),
                  g_date_time_get_year (time));
  carnet_date_row_set_date (row, &date);
}

/* The time the date field stands for: @previous when its date did not change
 * (it may have a time of day, from carnet-cli), else midnight that day. */
static gboolean
read_time (CarnetDateRow  *row,
           const char     *field,
           GDateTime      *previous,
           GDateTime     **out_time,
           GError        **error)
{
  g_autoptr(GTimeZone) tz = NULL;
  GDate date;

  *out_time = NULL;

  if (carnet_date_row_is_empty (row))
    return TRUE;

  if (!carnet_date_row_get_date (row, &date))
    {
      g_autofree char *text = carnet_editor_dup_text (GTK_WIDGET (row));

      carnet_set_field_error (error, field,
                              _("“%s” is not a date: write it as 2026-12-03, or choose it in the calendar"),
                              text);
      return FALSE;
    }

  if (previous != NULL &&
      g_date_time_get_year (previous) == g_date_get_year (&date) &&
      g_date_time_get_month (previous) == (int) g_date_get_month (&date) &&
      g_date_time_get_day_of_month (previous) == g_date_get_day (&date))
    {
      *out_time = g_date_time_ref (previous);
      return TRUE;
    }

  tz = carnet_editor_dup_time_zone (previous);
  *out_time = g_date_time_new (tz, g_date_get_year (&date), g_date_get_month (&date),
                               g_date_get_day (&date), 0, 0, 0);
  return TRUE;
}

/* Callbacks */

static void
symptom_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  CarnetSideEffectEditor *self = CARNET_SIDE_EFFECT_EDITOR (widget);

  gtk_editable_set_text (GTK_EDITABLE (self->symptom_row), g_variant_get_string (parameter, NULL));
  gtk_widget_grab_focus (GTK_WIDGET (self->symptom_row));
  gtk_editable_set_position (GTK_EDITABLE (self->symptom_row), -1);
}

/* Overrides */

static void
carnet_side_effect_editor_load (CarnetEditor *editor,
                                CarnetRecord *record)
{
  CarnetSideEffectEditor *self = CARNET_SIDE_EFFECT_EDITOR (editor);
  CarnetSideEffect *side_effect = CARNET_SIDE_EFFECT (record);
  int severity = carnet_side_effect_get_severity (side_effect);

  gtk_editable_set_text (GTK_EDITABLE (self->symptom_row),
                         carnet_side_effect_get_symptom (side_effect) ?: "");

  /* A new side effect has none (-1) until the person chooses one. */
  if (severity >= CARNET_SEVERITY_MIN && severity <= CARNET_SEVERITY_MAX)
    gtk_check_button_set_active (self->severity_checks[severity - CARNET_SEVERITY_MIN], TRUE);

  show_date (self->at_row, carnet_side_effect_get_at (side_effect));
  show_date (self->until_row, carnet_side_effect_get_until (side_effect));
  fill_treatments (self, carnet_side_effect_get_treatment_id (side_effect));
  carnet_editor_set_notes (self->notes_view, carnet_side_effect_get_notes (side_effect));
}

static gboolean
carnet_side_effect_editor_store (CarnetEditor  *editor,
                                 CarnetRecord  *record,
                                 GError       **error)
{
  CarnetSideEffectEditor *self = CARNET_SIDE_EFFECT_EDITOR (editor);
  CarnetSideEffect *side_effect = CARNET_SIDE_EFFECT (record);
  g_autoptr(GDateTime) at = NULL;
  g_autoptr(GDateTime) until = NULL;
  g_autofree char *symptom = NULL;
  g_autofree char *notes = NULL;

  symptom = carnet_editor_dup_text (GTK_WIDGET (self->symptom_row));
  carnet_side_effect_set_symptom (side_effect, symptom);

  for (int i = 0; i < N_SEVERITIES; i++)
    {
      if (gtk_check_button_get_active (self->severity_checks[i]))
        carnet_side_effect_set_severity (side_effect, CARNET_SEVERITY_MIN + i);
    }

  if (!read_time (self->at_row, "at", carnet_side_effect_get_at (side_effect), &at, error) ||
      !read_time (self->until_row, "until", carnet_side_effect_get_until (side_effect), &until, error))
    return FALSE;

  carnet_side_effect_set_at (side_effect, at);
  carnet_side_effect_set_until (side_effect, until);
  carnet_side_effect_set_treatment_id (side_effect, carnet_editor_get_link (self->treatment_row));

  notes = carnet_editor_dup_notes (self->notes_view);
  carnet_side_effect_set_notes (side_effect, *notes != '\0' ? notes : NULL);

  return TRUE;
}

static GtkWidget *
carnet_side_effect_editor_get_field_row (CarnetEditor  *editor,
                                         const char    *field,
                                         GtkWidget    **out_focus,
                                         const char   **out_label)
{
  CarnetSideEffectEditor *self = CARNET_SIDE_EFFECT_EDITOR (editor);

  *out_focus = NULL;
  *out_label = NULL;

  if (g_str_equal (field, "symptom"))
    return GTK_WIDGET (self->symptom_row);
  if (g_str_equal (field, "severity"))
    {
      /* The message goes under the scale; the focus to its start. */
      *out_label = _("Severity");
      *out_focus = self->severity_rows[0];
      return self->severity_rows[N_SEVERITIES - 1];
    }
  if (g_str_equal (field, "at"))
    return GTK_WIDGET (self->at_row);
  if (g_str_equal (field, "until"))
    {
      *out_label = _("Until");
      return GTK_WIDGET (self->until_row);
    }
  if (g_str_equal (field, "treatment_id"))
    return GTK_WIDGET (self->treatment_row);
  if (g_str_equal (field, "notes"))
    {
      *out_label = _("Notes");
      *out_focus = GTK_WIDGET (self->notes_view);
      return self->notes_row;
    }

  return NULL;
}

static void
carnet_side_effect_editor_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CARNET_TYPE_SIDE_EFFECT_EDITOR);

  G_OBJECT_CLASS (carnet_side_effect_editor_parent_class)->dispose (object);
}

static void
carnet_side_effect_editor_class_init (CarnetSideEffectEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  CarnetEditorClass *editor_class = CARNET_EDITOR_CLASS (klass);

  object_class->dispose = carnet_side_effect_editor_dispose;

  editor_class->new_title = N_("New Side Effect");
  editor_class->edit_title = N_("Edit Side Effect");
  editor_class->load = carnet_side_effect_editor_load;
  editor_class->store = carnet_side_effect_editor_store;
  editor_class->get_field_row = carnet_side_effect_editor_get_field_row;

  g_type_ensure (CARNET_TYPE_DATE_ROW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/carnet-side-effect-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, CarnetSideEffectEditor, symptom_row);
  gtk_widget_class_bind_template_child (widget_class, CarnetSideEffectEditor, symptoms_button);
  gtk_widget_class_bind_template_child (widget_class, CarnetSideEffectEditor, severity_group);
  gtk_widget_class_bind_template_child (widget_class, CarnetSideEffectEditor, at_row);
  gtk_widget_class_bind_template_child (widget_class, CarnetSideEffectEditor, until_row);
  gtk_widget_class_bind_template_child (widget_class, CarnetSideEffectEditor, treatment_row);
  gtk_widget_class_bind_template_child (widget_class, CarnetSideEffectEditor, notes_row);
  gtk_widget_class_bind_template_child (widget_class, CarnetSideEffectEditor, notes_view);

  gtk_widget_class_install_action (widget_class, "side-effect.symptom", "s", symptom_activated);
}

static void
carnet_side_effect_editor_init (CarnetSideEffectEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  build_severity_rows (self);
  build_symptoms_menu (self);
}

/* Public API */

/**
 * carnet_side_effect_editor_new:
 * @parent: (nullable): the window it belongs to
 * @notebook: where the side effect is saved
 * @side_effect: a new side effect (maybe dated and tied to a treatment), or one of @notebook
 *
 * Returns: (transfer none): the editor, not shown yet; GTK owns it until it
 *   is destroyed
 */
CarnetEditor *
carnet_side_effect_editor_new (GtkWindow        *parent,
                               CarnetNotebook   *notebook,
                               CarnetSideEffect *side_effect)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (CARNET_IS_NOTEBOOK (notebook), NULL);
  g_return_val_if_fail (CARNET_IS_SIDE_EFFECT (side_effect), NULL);

  return g_object_new (CARNET_TYPE_SIDE_EFFECT_EDITOR,
                       "transient-for", parent,
                       "notebook", notebook,
                       "record", side_effect,
                       NULL);
}
