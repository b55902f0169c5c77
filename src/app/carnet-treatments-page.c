/* carnet-treatments-page.c: the treatments, ongoing first
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Under three headings: ongoing (the latest started first), planned (the
 * soonest first) and finished (the latest first). A cyclic treatment says
 * where it stands today ("C3 D8").
 */
#define G_LOG_DOMAIN "carnet-app"

#include "config.h"

#include "carnet-treatments-page.h"

#include <glib/gi18n.h>

#include "carnet-record-list.h"

struct _CarnetTreatmentsPage
{
  CarnetPage         parent_instance;

  /* Template widgets */
  GtkStack          *stack;
  CarnetRecordList  *list;
  AdwStatusPage     *empty_page;
  GtkLabel          *empty_button_label;

  GDateTime         *now;
};

G_DEFINE_FINAL_TYPE (CarnetTreatmentsPage, carnet_treatments_page, CARNET_TYPE_PAGE)

static const char *
stage_heading (CarnetTreatmentStage stage)
{
  switch (stage)
    {
    case CARNET_TREATMENT_STAGE_ONGOING:
      /* Translators: the heading of the treatments that go on. */
      return C_("treatments", "Ongoing");
    case CARNET_TREATMENT_STAGE_PLANNED:
      /* Translators: the heading of the treatments to come. */
      return C_("treatments", "Planned");
    case CARNET_TREATMENT_STAGE_FINISHED:
    default:
      /* Translators: the heading of the treatments that are over. */
      return C_("treatments", "Finished");
    }
}

static int
compare_treatments_cb (gconstpointer a,
                       gconstpointer b,
                       gpointer      user_data)
{
  return carnet_treatments_compare (*(CarnetTreatment **) a, *(CarnetTreatment **) b, user_data);
}

static void
describe (CarnetItem    *item,
          CarnetRowText *text,
          gpointer       user_data)
{
  CarnetTreatmentsPage *self = user_data;

  carnet_row_text_for_treatment (text, carnet_item_get_object (item), self->now);
  /* The heading says it already: "Ongoing", "Finished". */
  g_clear_pointer (&text->badge, g_free);
  text->badge_class = NULL;
}

static gboolean
reload (CarnetTreatmentsPage  *self,
        GError               **error)
{
  CarnetNotebook *notebook = carnet_page_get_notebook (CARNET_PAGE (self));
  g_autoptr(GListModel) treatments = NULL;
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GDate) today = NULL;
  int stage = -1;

  g_clear_pointer (&self->now, g_date_time_unref);
  self->now = carnet_page_dup_now (CARNET_PAGE (self));
  today = carnet_date_from_time (self->now);

  if (notebook != NULL)
    {
      treatments = carnet_notebook_list (notebook, CARNET_RECORD_TREATMENT, NULL, NULL, error);
      if (treatments == NULL)
        return FALSE;

      for (guint i = 0; i < g_list_model_get_n_items (treatments); i++)
        g_ptr_array_add (records, g_list_model_get_item (treatments, i));
      g_ptr_array_sort_with_data (records, compare_treatments_cb, today);
    }

  for (guint i = 0; i < records->len; i++)
    {
      CarnetTreatment *treatment = g_ptr_array_index (records, i);
      g_autofree char *key = carnet_item_key_for (CARNET_RECORD_TREATMENT,
                                                  carnet_record_get_id (CARNET_RECORD (treatment)));
      CarnetItem *item = carnet_item_new (key, treatment);
      CarnetTreatmentStage item_stage = carnet_treatment_stage (treatment, today);

      if ((int) item_stage != stage)
        {
          carnet_item_set_header (item, stage_heading (item_stage));
          stage = item_stage;
        }
      g_ptr_array_add (items, item);
    }

  carnet_record_list_update (self->list, items);
  gtk_stack_set_visible_child_name (self->stack, items->len > 0 ? "list" : "empty");

  return TRUE;
}

/* Overrides */

static void
carnet_treatments_page_reload (CarnetPage *page)
{
  g_autoptr(GError) error = NULL;

  if (!reload (CARNET_TREATMENTS_PAGE (page), &error))
    carnet_page_report_error (page, error);
}

static gboolean
carnet_treatments_page_show_record (CarnetPage       *page,
                                    CarnetRecordKind  kind,
                                    gint64            id)
{
  CarnetTreatmentsPage *self = CARNET_TREATMENTS_PAGE (page);
  g_autofree char *key = NULL;

  if (kind != CARNET_RECORD_TREATMENT)
    return FALSE;

  key = carnet_item_key_for (kind, id);
  return carnet_record_list_show (self->list, key);
}

static void
carnet_treatments_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CARNET_TYPE_TREATMENTS_PAGE);

  G_OBJECT_CLASS (carnet_treatments_page_parent_class)->dispose (object);
}

static void
carnet_treatments_page_finalize (GObject *object)
{
  CarnetTreatmentsPage *self = CARNET_TREATMENTS_PAGE (object);

  g_clear_pointer (&self->now, g_date_time_unref);

  G_OBJECT_CLASS (carnet_treatments_page_parent_class)->finalize (object);
}

static void
carnet_treatments_page_class_init (CarnetTreatmentsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  CarnetPageClass *page_class = CARNET_PAGE_CLASS (klass);

  object_class->dispose = carnet_treatments_page_dispose;
  object_class->finalize = carnet_treatments_page_finalize;

  page_class->reload = carnet_treatments_page_reload;
  page_class->show_record = carnet_treatments_page_show_record;

  g_type_ensure (CARNET_TYPE_RECORD_LIST);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/carnet-treatments-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CarnetTreatmentsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, CarnetTreatmentsPage, list);
  gtk_widget_class_bind_template_child (widget_class, CarnetTreatmentsPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, CarnetTreatmentsPage, empty_button_label);
}

static void
carnet_treatments_page_init (CarnetTreatmentsPage *self)
{
  CarnetEmptyState state;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->now = g_date_time_new_now_local ();
  carnet_record_list_set_describe_func (self->list, describe, self);

  carnet_row_text_empty_state (CARNET_RECORD_TREATMENT, &state);
  adw_status_page_set_title (self->empty_page, state.title);
  adw_status_page_set_description (self->empty_page, state.description);
  gtk_label_set_text_with_mnemonic (self->empty_button_label, state.button);
}

/* Public API */

GtkWidget *
carnet_treatments_page_new (void)
{
  return g_object_new (CARNET_TYPE_TREATMENTS_PAGE, NULL);
}

/**
 * carnet_treatment_stage:
 *
 * Returns: whether @treatment goes on @today, is to come, or is over
 */
CarnetTreatmentStage
carnet_treatment_stage (CarnetTreatment *treatment,
                        const GDate     *today)
{
  const GDate *start;

  g_return_val_if_fail (CARNET_IS_TREATMENT (treatment), CARNET_TREATMENT_STAGE_FINISHED);
  g_return_val_if_fail (today != NULL, CARNET_TREATMENT_STAGE_FINISHED);

  if (carnet_treatment_is_current (treatment, today))
    return CARNET_TREATMENT_STAGE_ONGOING;

  start = carnet_treatment_get_start (treatment);
  if (start != NULL && g_date_valid (start) && g_date_compare (start, today) > 0)
    return CARNET_TREATMENT_STAGE_PLANNED;

  return CARNET_TREATMENT_STAGE_FINISHED;
}

/**
 * carnet_treatments_compare:
 *
 * The page's order: ongoing ones, the latest started first; planned ones, the
 * soonest first; finished ones, the latest started first.
 */
int
carnet_treatments_compare (CarnetTreatment *a,
                           CarnetTreatment *b,
                           const GDate     *today)
{
  CarnetTreatmentStage stage_a = carnet_treatment_stage (a, today);
  CarnetTreatmentStage stage_b = carnet_treatment_stage (b, today);
  const GDate *start_a = carnet_treatment_get_start (a);
  const GDate *start_b = carnet_treatment_get_start (b);
  int order;

  if (stage_a != stage_b)
    return (int) stage_a - (int) stage_b;

  if (start_a == NULL || start_b == NULL || !g_date_valid (start_a) || !g_date_valid (start_b))
    order = 0;
  else
    order = g_date_compare (start_a, start_b);

  if (stage_a != CARNET_TREATMENT_STAGE_PLANNED)
    order = -order;
  if (order != 0)
    return order;

  return carnet_record_get_id (CARNET_RECORD (a)) < carnet_record_get_id (CARNET_RECORD (b)) ? -1 : 1;
}
