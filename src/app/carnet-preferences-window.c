/* carnet-preferences-window.c: the preferences
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The default reminders belong to the notebook (each person's follow-up has
 * its own habits); snoozing and running in background to the person using
 * the computer (GSettings).
 */
#define G_LOG_DOMAIN "carnet-app"

#include "config.h"

#include "carnet-preferences-window.h"

#include <glib/gi18n.h>

#include "carnet-reminders-row.h"

struct _CarnetPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  /* Template widgets */
  AdwPreferencesGroup  *reminders_group;
  CarnetRemindersRow   *reminders_row;
  GtkSpinButton        *snooze_spin;
  GtkSwitch            *background_switch;

  CarnetNotebook       *notebook;
  GSettings            *settings;
};

G_DEFINE_FINAL_TYPE (CarnetPreferencesWindow, carnet_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static gboolean
get_double_from_uint (GValue   *value,
                      GVariant *variant,
                      gpointer  user_data)
{
  g_value_set_double (value, g_variant_get_uint32 (variant));
  return TRUE;
}

static GVariant *
set_uint_from_double (const GValue       *value,
                      const GVariantType *expected_type,
                      gpointer            user_data)
{
  return g_variant_new_uint32 ((guint32) CLAMP (g_value_get_double (value), 0, G_MAXUINT32));
}

/* libadwaita 1.2 leaves the search entry of the window (hidden: there is
 * little to search) without a name for screen readers. */
static void
name_search_entry (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_SEARCH_ENTRY (child))
        gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search the preferences"),
                                        -1);
      else
        name_search_entry (child);
    }
}

static void
load_notebook (CarnetPreferencesWindow *self)
{
  const char *person;
  g_autofree char *description = NULL;
  gboolean writable;

  writable = self->notebook != NULL && !carnet_notebook_get_read_only (self->notebook);
  gtk_widget_set_sensitive (GTK_WIDGET (self->reminders_row), writable);
  if (self->notebook == NULL)
    return;

  carnet_reminders_row_set_offsets (self->reminders_row,
                                    carnet_notebook_get_default_reminders (self->notebook));

  person = carnet_notebook_get_person (self->notebook);
  if (person != NULL && *person != '\0')
    /* Translators: %s is the name of the person whose notebook it is */
    description = g_strdup_printf (_("What each new appointment in the notebook of %s starts with; each can have its own"), person);
  else
    description = g_strdup (_("What each new appointment in this notebook starts with; each can have its own"));
  adw_preferences_group_set_description (self->reminders_group, description);
}

/* Callbacks */

static void
on_reminders_changed_cb (CarnetPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *offsets = NULL;
  GtkWidget *custom_row = carnet_reminders_row_get_custom_row (self->reminders_row);

  gtk_widget_remove_css_class (custom_row, "error");

  offsets = carnet_reminders_row_dup_offsets (self->reminders_row, "remind", &error);
  if (offsets == NULL ||
      !carnet_notebook_set_default_reminders (self->notebook, offsets, &error))
    {
      gtk_widget_add_css_class (custom_row, "error");
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (error->message));
      gtk_widget_grab_focus (custom_row);
      return;
    }

  carnet_reminders_row_set_offsets (self->reminders_row, offsets);
}

/* Overrides */

static void
carnet_preferences_window_dispose (GObject *object)
{
  CarnetPreferencesWindow *self = CARNET_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CARNET_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->notebook);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (carnet_preferences_window_parent_class)->dispose (object);
}

static void
carnet_preferences_window_class_init (CarnetPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = carnet_preferences_window_dispose;

  g_type_ensure (CARNET_TYPE_REMINDERS_ROW);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_DIALOG);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/carnet-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CarnetPreferencesWindow, reminders_group);
  gtk_widget_class_bind_template_child (widget_class, CarnetPreferencesWindow, reminders_row);
  gtk_widget_class_bind_template_child (widget_class, CarnetPreferencesWindow, snooze_spin);
  gtk_widget_class_bind_template_child (widget_class, CarnetPreferencesWindow, background_switch);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
carnet_preferences_window_init (CarnetPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  name_search_entry (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "run-in-background",
                   self->background_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (self->settings, "snooze-minutes",
                                gtk_spin_button_get_adjustment (self->snooze_spin), "value",
                                G_SETTINGS_BIND_DEFAULT,
                                get_double_from_uint, set_uint_from_double, NULL, NULL);

  g_signal_connect_object (self->reminders_row, "changed",
                           G_CALLBACK (on_reminders_changed_cb), self, G_CONNECT_SWAPPED);
}

/* Public API */

/**
 * carnet_preferences_window_present:
 * @window: the window the preferences are opened from; its notebook's
 *   default reminders are shown
 *
 * Returns: (transfer none): the preferences window, shown
 */
GtkWindow *
carnet_preferences_window_present (CarnetWindow *window)
{
  CarnetPreferencesWindow *self;
  CarnetNotebook *notebook;

  g_return_val_if_fail (CARNET_IS_WINDOW (window), NULL);

  self = g_object_new (CARNET_TYPE_PREFERENCES_WINDOW,
                       "transient-for", window,
                       NULL);
  notebook = carnet_window_get_notebook (window);
  self->notebook = notebook != NULL ? g_object_ref (notebook) : NULL;
  load_notebook (self);

  gtk_window_present (GTK_WINDOW (self));
  return GTK_WINDOW (self);
}
