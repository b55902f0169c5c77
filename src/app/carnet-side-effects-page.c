/* carnet-side-effects-page.c: side effects by date, with their severity
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The newest first, one heading per month; each says its severity as a word
 * and a number ("Moderate (2)"), its treatment and its cycle day ("C3 D8").
 * The list reads those it shows as it scrolls (CarnetRecordModel).
 */
#define G_LOG_DOMAIN "carnet-app"

#include "config.h"

#include "carnet-side-effects-page.h"

#include "carnet-record-list.h"
#include "carnet-record-model.h"
#include "carnet-symptom-timelines.h"

struct _CarnetSideEffectsPage
{
  CarnetPage         parent_instance;

  /* Template widgets */
  GtkStack          *stack;
  CarnetRecordList  *list;
  GtkStack          *view_stack;
  CarnetSymptomTimelines *timelines;
  AdwStatusPage     *empty_page;
  GtkLabel          *empty_button_label;

  GDateTime         *now;
  CarnetRecordModel *records;
  /* Treatment id → name. */
  GHashTable        *treatment_names;
};

G_DEFINE_FINAL_TYPE (CarnetSideEffectsPage, carnet_side_effects_page, CARNET_TYPE_PAGE)

static void
describe (CarnetItem    *item,
          CarnetRowText *text,
          gpointer       user_data)
{
  CarnetSideEffectsPage *self = user_data;
  CarnetSideEffect *side_effect = carnet_item_get_object (item);
  gint64 treatment_id = carnet_side_effect_get_treatment_id (side_effect);

  carnet_row_text_for_side_effect (text, side_effect,
                                   g_hash_table_lookup (self->treatment_names, &treatment_id),
                                   self->now);
}

static gboolean
reload (CarnetSideEffectsPage  *self,
        GError                **error)
{
  CarnetNotebook *notebook = carnet_page_get_notebook (CARNET_PAGE (self));

  g_clear_pointer (&self->now, g_date_time_unref);
  self->now = carnet_page_dup_now (CARNET_PAGE (self));
  g_hash_table_remove_all (self->treatment_names);

  if (notebook != NULL)
    {
      g_autoptr(GListModel) treatments = NULL;

      treatments = carnet_notebook_list (notebook, CARNET_RECORD_TREATMENT, NULL, NULL, error);
      if (treatments == NULL)
        return FALSE;

      for (guint i = 0; i < g_list_model_get_n_items (treatments); i++)
        {
          g_autoptr(CarnetTreatment) treatment = g_list_model_get_item (treatments, i);
          gint64 id = carnet_record_get_id (CARNET_RECORD (treatment));

          g_hash_table_insert (self->treatment_names, g_memdup2 (&id, sizeof id),
                               g_strdup (carnet_treatment_get_name (treatment)));
        }
    }

  if (!carnet_record_model_load (self->records, notebook,
                                 CARNET_KIND_BIT (CARNET_RECORD_SIDE_EFFECT),
                                 g_date_time_get_timezone (self->now), error))
    return FALSE;

  gtk_stack_set_visible_child_name (self->stack,
                                    g_list_model_get_n_items (G_LIST_MODEL (self->records)) > 0
                                      ? "list" : "empty");

  carnet_symptom_timelines_set_notebook (self->timelines, notebook);
  return TRUE;
}

/* Overrides */

static void
carnet_side_effects_page_reload (CarnetPage *page)
{
  g_autoptr(GError) error = NULL;

  if (!reload (CARNET_SIDE_EFFECTS_PAGE (page), &error))
    carnet_page_report_error (page, error);
}

static gboolean
carnet_side_effects_page_show_record (CarnetPage       *page,
                                      CarnetRecordKind  kind,
                                      gint64            id)
{
  CarnetSideEffectsPage *self = CARNET_SIDE_EFFECTS_PAGE (page);
  g_autoptr(GError) error = NULL;
  guint position;

  if (kind != CARNET_RECORD_SIDE_EFFECT)
    return FALSE;

  position = carnet_record_model_find (self->records, kind, id, &error);
  if (error != NULL)
    carnet_page_report_error (page, error);
  if (position == G_MAXUINT)
    return FALSE;

  gtk_stack_set_visible_child_name (self->view_stack, "by-date");

  carnet_record_list_show_position (self->list, position);
  return TRUE;
}

static void
carnet_side_effects_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CARNET_TYPE_SIDE_EFFECTS_PAGE);

  G_OBJECT_CLASS (carnet_side_effects_page_parent_class)->dispose (object);
}

static void
carnet_side_effects_page_finalize (GObject *object)
{
  CarnetSideEffectsPage *self = CARNET_SIDE_EFFECTS_PAGE (object);

  g_clear_pointer (&self->now, g_date_time_unref);
  g_clear_pointer (&self->treatment_names, g_hash_table_unref);
  g_clear_object (&self->records);

  G_OBJECT_CLASS (carnet_side_effects_page_parent_class)->finalize (object);
}

static void
carnet_side_effects_page_class_init (CarnetSideEffectsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  CarnetPageClass *page_class = CARNET_PAGE_CLASS (klass);

  object_class->dispose = carnet_side_effects_page_dispose;
  object_class->finalize = carnet_side_effects_page_finalize;

  page_class->reload = carnet_side_effects_page_reload;
  page_class->show_record = carnet_side_effects_page_show_record;

  g_type_ensure (CARNET_TYPE_RECORD_LIST);
  g_type_ensure (CARNET_TYPE_SYMPTOM_TIMELINES);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/carnet-side-effects-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CarnetSideEffectsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, CarnetSideEffectsPage, list);
  gtk_widget_class_bind_template_child (widget_class, CarnetSideEffectsPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, CarnetSideEffectsPage, timelines);
  gtk_widget_class_bind_template_child (widget_class, CarnetSideEffectsPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, CarnetSideEffectsPage, empty_button_label);
}

static void
carnet_side_effects_page_init (CarnetSideEffectsPage *self)
{
  CarnetEmptyState state;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->now = g_date_time_new_now_local ();
  self->treatment_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  self->records = carnet_record_model_new ();
  carnet_record_list_set_describe_func (self->list, describe, self);
  carnet_record_list_set_model (self->list, G_LIST_MODEL (self->records));

  carnet_row_text_empty_state (CARNET_RECORD_SIDE_EFFECT, &state);
  adw_status_page_set_title (self->empty_page, state.title);
  adw_status_page_set_description (self->empty_page, state.description);
  gtk_label_set_text_with_mnemonic (self->empty_button_label, state.button);
}

/* Public API */

GtkWidget *
carnet_side_effects_page_new (void)
{
  return g_object_new (CARNET_TYPE_SIDE_EFFECTS_PAGE, NULL);
}
