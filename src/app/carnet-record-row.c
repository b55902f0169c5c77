/* carnet-record-row.c: a row of a page's list
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shows a CarnetRowText: an icon, a title with a badge, a subtitle, a detail,
 * maybe a button for the main action, and a menu to edit or delete the record.
 * Everything it does goes through the window's `record` actions, so that the
 * keyboard and screen readers reach all of it.
 */
#define G_LOG_DOMAIN "carnet-app"

#include "config.h"

#include "carnet-record-row.h"

#include <glib/gi18n.h>

struct _CarnetRecordRow
{
  GtkWidget       parent_instance;

  /* Template widgets */
  GtkLabel       *header_label;
  GtkWidget      *card;
  GtkImage       *icon;
  GtkLabel       *title_label;
  GtkLabel       *badge_label;
  GtkLabel       *subtitle_label;
  GtkLabel       *detail_label;
  GtkButton      *action_button;
  GtkMenuButton  *menu_button;

  char           *badge_class;

  /* What the menu acts on; built when it opens. */
  CarnetRecordKind kind;
  gint64           id;
  GDateTime       *occurrence;
  gboolean         occurrence_has_button;
  /* The title the menu button's accessible name was made of. */
  char            *menu_label_title;
};

G_DEFINE_FINAL_TYPE (CarnetRecordRow, carnet_record_row, GTK_TYPE_WIDGET)

static void
set_label (GtkLabel   *label,
           const char *text,
           gboolean    markup)
{
  gboolean empty = text == NULL || *text == '\0';

  if (markup)
    gtk_label_set_markup (label, empty ? "" : text);
  else
    gtk_label_set_text (label, empty ? "" : text);
  gtk_widget_set_visible (GTK_WIDGET (label), !empty);
}

static void
set_badge_class (CarnetRecordRow *self,
                 const char      *badge_class)
{
  if (g_strcmp0 (self->badge_class, badge_class) == 0)
    return;

  if (self->badge_class != NULL)
    gtk_widget_remove_css_class (GTK_WIDGET (self->badge_label), self->badge_class);
  g_free (self->badge_class);
  self->badge_class = g_strdup (badge_class);
  if (badge_class != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->badge_label), badge_class);
}

static GMenuModel *
build_menu (CarnetRecordRow *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenuItem) edit = NULL;
  g_autoptr(GMenuItem) delete = NULL;
  const char *nick;

  nick = carnet_enum_to_nick (CARNET_TYPE_RECORD_KIND, self->kind);

  edit = g_menu_item_new (_("_Edit"), NULL);
  g_menu_item_set_action_and_target_value (edit, "record.edit",
                                           g_variant_new ("(sx)", nick, self->id));
  g_menu_append_item (menu, edit);

  /* A planned occurrence to come; one that is over has its own button. */
  if (self->occurrence != NULL && !self->occurrence_has_button)
    {
      g_autoptr(GMenuItem) done = g_menu_item_new (_("Mark _Done"), NULL);

      g_menu_item_set_action_and_target_value (done, "record.mark-done",
                                               g_variant_new ("(xx)", self->id,
                                                              g_date_time_to_unix (self->occurrence)));
      g_menu_append_item (menu, done);
    }

  delete = g_menu_item_new (_("_Delete"), NULL);
  g_menu_item_set_action_and_target_value (delete, "record.delete",
                                           g_variant_new ("(sx)", nick, self->id));
  g_menu_append_item (menu, delete);

  return G_MENU_MODEL (g_steal_pointer (&menu));
}

/* Callbacks */

/* Rows are bound by the hundred as a list scrolls: their menus are only made
 * when one is opened. */
static void
on_menu_button_create_popup_cb (GtkMenuButton *menu_button,
                                gpointer       user_data)
{
  CarnetRecordRow *self = CARNET_RECORD_ROW (user_data);
  g_autoptr(GMenuModel) menu = build_menu (self);

  gtk_menu_button_set_menu_model (menu_button, menu);
}

/* Overrides */

static void
carnet_record_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CARNET_TYPE_RECORD_ROW);

  G_OBJECT_CLASS (carnet_record_row_parent_class)->dispose (object);
}

static void
carnet_record_row_finalize (GObject *object)
{
  CarnetRecordRow *self = CARNET_RECORD_ROW (object);

  g_clear_pointer (&self->badge_class, g_free);
  g_clear_pointer (&self->occurrence, g_date_time_unref);
  g_clear_pointer (&self->menu_label_title, g_free);

  G_OBJECT_CLASS (carnet_record_row_parent_class)->finalize (object);
}

static void
carnet_record_row_class_init (CarnetRecordRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = carnet_record_row_dispose;
  object_class->finalize = carnet_record_row_finalize;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "carnet-record-row");

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/carnet-record-row.ui");
  gtk_widget_class_bind_template_child (widget_class, CarnetRecordRow, header_label);
  gtk_widget_class_bind_template_child (widget_class, CarnetRecordRow, card);
  gtk_widget_class_bind_template_child (widget_class, CarnetRecordRow, icon);
  gtk_widget_class_bind_template_child (widget_class, CarnetRecordRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, CarnetRecordRow, badge_label);
  gtk_widget_class_bind_template_child (widget_class, CarnetRecordRow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, CarnetRecordRow, detail_label);
  gtk_widget_class_bind_template_child (widget_class, CarnetRecordRow, action_button);
  gtk_widget_class_bind_template_child (widget_class, CarnetRecordRow, menu_button);
}

static void
carnet_record_row_init (CarnetRecordRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);

  gtk_menu_button_set_create_popup_func (self->menu_button, on_menu_button_create_popup_cb,
                                         self, NULL);
  /* Which record the button acts on, for those who cannot see the row: set
   * once, the title label is the row's whatever it shows. */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->action_button),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->title_label, NULL,
                                  -1);
}

/* Public API */

GtkWidget *
carnet_record_row_new (void)
{
  return g_object_new (CARNET_TYPE_RECORD_ROW, NULL);
}

/**
 * carnet_record_row_set_text:
 *
 * Shows @text; whatever the row showed before goes.
 */
void
carnet_record_row_set_text (CarnetRecordRow     *self,
                            const CarnetRowText *text)
{
  g_return_if_fail (CARNET_IS_RECORD_ROW (self));
  g_return_if_fail (text != NULL);

  gtk_image_set_from_icon_name (self->icon, text->icon_name);
  gtk_widget_set_visible (GTK_WIDGET (self->icon), text->icon_name != NULL);
  set_label (self->title_label, text->title, FALSE);
  set_label (self->subtitle_label, text->subtitle, FALSE);
  set_label (self->detail_label, text->detail, text->detail_markup);
  set_label (self->badge_label, text->badge, FALSE);
  set_badge_class (self, text->badge_class);

  if (text->button_label != NULL)
    {
      gtk_button_set_label (self->action_button, text->button_label);
      /* The target first: a name with the wrong target is a warning. */
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->action_button), NULL);
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->action_button), text->button_target);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->action_button), text->button_action);
    }
  else
    {
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->action_button), NULL);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->action_button), text->button_label != NULL);

  /* Another record's menu, if any, goes: the next opening makes this one's. */
  if (gtk_menu_button_get_menu_model (self->menu_button) != NULL)
    gtk_menu_button_set_menu_model (self->menu_button, NULL);
  self->kind = text->kind;
  self->id = text->id;
  g_clear_pointer (&self->occurrence, g_date_time_unref);
  if (text->occurrence != NULL)
    self->occurrence = g_date_time_ref (text->occurrence);
  self->occurrence_has_button = text->button_action != NULL;
  gtk_widget_set_visible (GTK_WIDGET (self->menu_button), text->editable && text->id > 0);

  /* A screen reader listing the buttons tells one row's menu from another's. */
  if (text->editable && text->id > 0 && g_strcmp0 (self->menu_label_title, text->title) != 0)
    {
      g_autofree char *label = NULL;

      g_free (self->menu_label_title);
      self->menu_label_title = g_strdup (text->title);
      /* Translators: the accessible name of a row's menu button; %s is the row's title. */
      label = g_strdup_printf (_("More Actions for “%s”"), text->title != NULL ? text->title : "");
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                      -1);
    }
}

/**
 * carnet_record_row_set_header:
 * @header: (nullable): a heading above the row, opening a group
 */
void
carnet_record_row_set_header (CarnetRecordRow *self,
                              const char      *header)
{
  g_return_if_fail (CARNET_IS_RECORD_ROW (self));

  set_label (self->header_label, header, FALSE);
}

const char *
carnet_record_row_get_title (CarnetRecordRow *self)
{
  g_return_val_if_fail (CARNET_IS_RECORD_ROW (self), NULL);

  return gtk_label_get_text (self->title_label);
}

const char *
carnet_record_row_get_badge (CarnetRecordRow *self)
{
  g_return_val_if_fail (CARNET_IS_RECORD_ROW (self), NULL);

  return gtk_label_get_text (self->badge_label);
}
