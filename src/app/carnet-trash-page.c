/* carnet-trash-page.c: what was deleted, to restore
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The records in the trash, the most recently deleted first, each with the
 * days it has left and a button to restore it (`record.restore`).
 */
#define G_LOG_DOMAIN "carnet-app"

#include "config.h"

#include "carnet-trash-page.h"

#include <glib/gi18n.h>

#include "carnet-record-list.h"

struct _CarnetTrashPage
{
  CarnetPage         parent_instance;

  /* Template widgets */
  GtkStack          *stack;
  GtkLabel          *explanation;
  AdwStatusPage     *empty_page;
  CarnetRecordList  *list;

  GDateTime         *now;
};

G_DEFINE_FINAL_TYPE (CarnetTrashPage, carnet_trash_page, CARNET_TYPE_PAGE)

static void
describe (CarnetItem    *item,
          CarnetRowText *text,
          gpointer       user_data)
{
  CarnetTrashPage *self = user_data;

  carnet_row_text_for_trashed (text, carnet_item_get_object (item), self->now);
}

static gboolean
reload (CarnetTrashPage  *self,
        GError          **error)
{
  CarnetNotebook *notebook = carnet_page_get_notebook (CARNET_PAGE (self));
  g_autoptr(GListModel) trash = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  g_clear_pointer (&self->now, g_date_time_unref);
  self->now = carnet_page_dup_now (CARNET_PAGE (self));

  if (notebook != NULL)
    {
      trash = carnet_notebook_list_trash (notebook, error);
      if (trash == NULL)
        return FALSE;

      for (guint i = 0; i < g_list_model_get_n_items (trash); i++)
        {
          g_autoptr(CarnetRecord) record = g_list_model_get_item (trash, i);
          g_autofree char *key = carnet_item_key_for (carnet_record_get_kind (record),
                                                      carnet_record_get_id (record));

          g_ptr_array_add (items, carnet_item_new (key, record));
        }
    }

  carnet_record_list_update (self->list, items);
  gtk_stack_set_visible_child_name (self->stack, items->len > 0 ? "list" : "empty");

  return TRUE;
}

/* Overrides */

static void
carnet_trash_page_reload (CarnetPage *page)
{
  g_autoptr(GError) error = NULL;

  if (!reload (CARNET_TRASH_PAGE (page), &error))
    carnet_page_report_error (page, error);
}

static gboolean
carnet_trash_page_show_record (CarnetPage       *page,
                               CarnetRecordKind  kind,
                               gint64            id)
{
  CarnetTrashPage *self = CARNET_TRASH_PAGE (page);
  g_autofree char *key = carnet_item_key_for (kind, id);

  return carnet_record_list_show (self->list, key);
}

static void
carnet_trash_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CARNET_TYPE_TRASH_PAGE);

  G_OBJECT_CLASS (carnet_trash_page_parent_class)->dispose (object);
}

static void
carnet_trash_page_finalize (GObject *object)
{
  CarnetTrashPage *self = CARNET_TRASH_PAGE (object);

  g_clear_pointer (&self->now, g_date_time_unref);

  G_OBJECT_CLASS (carnet_trash_page_parent_class)->finalize (object);
}

static void
carnet_trash_page_class_init (CarnetTrashPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  CarnetPageClass *page_class = CARNET_PAGE_CLASS (klass);

  object_class->dispose = carnet_trash_page_dispose;
  object_class->finalize = carnet_trash_page_finalize;

  page_class->reload = carnet_trash_page_reload;
  page_class->show_record = carnet_trash_page_show_record;

  g_type_ensure (CARNET_TYPE_RECORD_LIST);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/carnet-trash-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CarnetTrashPage, stack);
  gtk_widget_class_bind_template_child (widget_class, CarnetTrashPage, explanation);
  gtk_widget_class_bind_template_child (widget_class, CarnetTrashPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, CarnetTrashPage, list);
}

static void
carnet_trash_page_init (CarnetTrashPage *self)
{
  g_autofree char *explanation = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  carnet_status_page_set_icon_on_map (self->empty_page, "user-trash-symbolic");

  self->now = g_date_time_new_now_local ();
  carnet_record_list_set_describe_func (self->list, describe, self);

  explanation = g_strdup_printf (ngettext ("Deleted entries stay here for %d day, then they are removed for good.",
                                           "Deleted entries stay here for %d days, then they are removed for good.",
                                           CARNET_TRASH_DAYS),
                                 CARNET_TRASH_DAYS);
  gtk_label_set_text (self->explanation, explanation);
  adw_status_page_set_description (self->empty_page, explanation);
}

/* Public API */

GtkWidget *
carnet_trash_page_new (void)
{
  return g_object_new (CARNET_TYPE_TRASH_PAGE, NULL);
}
