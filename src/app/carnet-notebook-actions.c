/* carnet-notebook-actions.c: the "notebook" actions of a window
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One notebook per person: a caregiver may follow a parent and a child. These
 * actions create and open notebook files, and list the notebooks known (the
 * GSettings "notebooks" key, which the application keeps) to switch between
 * them or forget one: forgetting takes it off the list and leaves the file.
 * Each notebook opens in its own window (carnet_application_open_notebook()).
 */
#define G_LOG_DOMAIN "carnet-app"

#include "config.h"

#include "carnet-notebook-actions.h"

#include <glib/gi18n.h>

#include "carnet.h"
#include "carnet-application.h"
#include "carnet-window.h"

typedef struct
{
  /* Not owned: the action group lives on the window, the overlay in it. */
  GtkWidget            *window;
  AdwToastOverlay      *toasts;
  GActionGroup         *group;
  GSettings            *settings;
  GtkFileChooserNative *chooser;
} NotebookActions;

static GtkWindow *new_notebooks_dialog (NotebookActions *self);

static void
notebook_actions_free (NotebookActions *self)
{
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_object (&self->settings);
  g_free (self);
}

static void
open_path (NotebookActions *self,
           const char      *path)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self->window));

  if (!CARNET_IS_APPLICATION (application))
    {
      g_warning ("Cannot open %s: the window has no Carnet application", path);
      return;
    }

  carnet_application_open_notebook (CARNET_APPLICATION (application), path);
}

static GtkFileFilter *
new_notebook_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Carnet Notebooks"));
  gtk_file_filter_add_pattern (filter, "*.carnet");
  return filter;
}

/* "Claire Martin", or the file's name while the notebook has no person's name. */
static char *
dup_notebook_title (const char *path,
                    gboolean   *out_exists)
{
  g_autoptr(CarnetClock) clock = carnet_clock_new_system ();
  g_autoptr(CarnetNotebook) notebook = NULL;

  *out_exists = g_file_test (path, G_FILE_TEST_IS_REGULAR);
  if (*out_exists)
    notebook = carnet_notebook_open (path, CARNET_OPEN_FLAGS_READ_ONLY, clock, NULL);

  if (notebook != NULL)
    {
      g_autofree char *person = g_strdup (carnet_notebook_get_person (notebook));

      carnet_notebook_close (notebook);
      if (*person != '\0')
        return g_steal_pointer (&person);
    }

  return g_filename_display_basename (path);
}

/* Callbacks */

static void
on_chooser_response_cb (GtkNativeDialog *chooser,
                        int              response,
                        NotebookActions *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  gtk_native_dialog_destroy (chooser);
  g_clear_object (&self->chooser);

  if (file == NULL)
    return;

  path = g_file_get_path (file);
  if (path == NULL)
    {
      adw_toast_overlay_add_toast (self->toasts,
                                   adw_toast_new (_("Notebooks must be files on this computer")));
      return;
    }

  open_path (self, path);
}

static void
run_chooser (NotebookActions      *self,
             GtkFileChooserAction  action,
             const char           *title,
             const char           *accept_label)
{
  g_autoptr(GtkFileFilter) filter = new_notebook_filter ();

  if (self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self->window), action,
                                               accept_label, _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  if (action == GTK_FILE_CHOOSER_ACTION_SAVE)
    /* Translators: the suggested file name of a new notebook; keep .carnet */
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), _("notebook.carnet"));

  g_signal_connect (self->chooser, "response", G_CALLBACK (on_chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
new_activated (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  run_chooser (user_data, GTK_FILE_CHOOSER_ACTION_SAVE, _("New Notebook"), _("_Create"));
}

static void
open_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  run_chooser (user_data, GTK_FILE_CHOOSER_ACTION_OPEN, _("Open a Notebook"), _("_Open"));
}

static void
open_path_activated (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  open_path (user_data, g_variant_get_string (parameter, NULL));
}

static void
forget_activated (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  NotebookActions *self = user_data;
  const char *path = g_variant_get_string (parameter, NULL);
  g_auto(GStrv) known = g_settings_get_strv (self->settings, "notebooks");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) kept = NULL;
  g_autofree char *last = NULL;

  for (guint i = 0; known[i] != NULL; i++)
    {
      if (g_strcmp0 (known[i], path) != 0)
        g_strv_builder_add (builder, known[i]);
    }
  kept = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "notebooks", (const char * const *) kept);

  /* Nor is it the one `carnet` alone reopens. */
  last = g_settings_get_string (self->settings, "last-notebook");
  if (g_strcmp0 (last, path) == 0)
    g_settings_set_string (self->settings, "last-notebook", kept[0] != NULL ? kept[0] : "");
}

static void
switch_activated (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  NotebookActions *self = user_data;

  gtk_window_present (new_notebooks_dialog (self));
}

/* The notebooks dialog */

static void
fill_notebooks_list (GtkListBox *list)
{
  GSettings *settings = g_object_get_data (G_OBJECT (list), "settings");
  GtkWidget *window = g_object_get_data (G_OBJECT (list), "window");
  g_auto(GStrv) known = g_settings_get_strv (settings, "notebooks");
  const char *current = carnet_window_get_path (CARNET_WINDOW (window));
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);

  if (known[0] == NULL)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No notebook opened yet"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_append (list, row);
      return;
    }

  for (guint i = 0; known[i] != NULL; i++)
    {
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;
      g_autofree char *forget_label = NULL;
      GtkWidget *row;
      GtkWidget *forget;
      gboolean exists;

      title = dup_notebook_title (known[i], &exists);
      subtitle = g_filename_display_name (known[i]);
      if (!exists)
        {
          g_autofree char *path = g_steal_pointer (&subtitle);

          /* Translators: a notebook file that is not there any more; %s is its path */
          subtitle = g_strdup_printf (_("%s (missing)"), path);
        }

      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), exists);
      g_object_set_data_full (G_OBJECT (row), "path", g_strdup (known[i]), g_free);

      if (g_strcmp0 (known[i], current) == 0)
        {
          GtkWidget *icon = gtk_image_new_from_icon_name ("object-select-symbolic");

          gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, _("Open in this window"),
                                          -1);
          gtk_widget_set_tooltip_text (icon, _("Open in this window"));
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
        }

      /* Translators: a button's name for screen readers; %s is a notebook's title */
      forget_label = g_strdup_printf (_("Forget %s"), title);
      forget = gtk_button_new_from_icon_name ("list-remove-symbolic");
      gtk_widget_set_valign (forget, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (forget, "flat");
      gtk_widget_set_tooltip_text (forget, _("Forget: take it off this list; the file stays"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (forget),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, forget_label,
                                      -1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (forget), "notebook.forget");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (forget),
                                              g_variant_new_string (known[i]));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), forget);

      gtk_list_box_append (list, row);
    }
}

static void
on_notebooks_changed_cb (GSettings  *settings,
                         const char *key,
                         GtkListBox *list)
{
  fill_notebooks_list (list);
}

static void
on_notebook_row_activated_cb (GtkListBox    *list,
                              GtkListBoxRow *row,
                              GtkWindow     *dialog)
{
  const char *path = g_object_get_data (G_OBJECT (row), "path");

  if (path == NULL)
    return;

  gtk_widget_activate_action (GTK_WIDGET (list), "notebook.open-path", "s", path);
  gtk_window_destroy (dialog);
}

/* The notebooks known, each with its person's name and its file: activate one
 * to open it, forget one to take it off the list. Buttons create or open
 * another file. */
static GtkWindow *
new_notebooks_dialog (NotebookActions *self)
{
  GtkWidget *window = self->window;
  GtkWidget *dialog;
  GtkWidget *box;
  GtkWidget *header;
  GtkWidget *button;
  GtkWidget *page;
  GtkWidget *group_widget;
  GtkWidget *list;
  GSettings *settings;

  dialog = g_object_new (ADW_TYPE_WINDOW,
                         "accessible-role", GTK_ACCESSIBLE_ROLE_DIALOG,
                         NULL);
  gtk_window_set_title (GTK_WINDOW (dialog), _("Notebooks"));
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (window));
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 480, 420);
  gtk_widget_set_size_request (dialog, 300, 294);
  /* Its buttons and forget buttons act on the window's notebook actions. */
  gtk_widget_insert_action_group (dialog, "notebook", self->group);

  header = adw_header_bar_new ();
  button = gtk_button_new_with_mnemonic (_("_New…"));
  gtk_widget_set_tooltip_text (button, _("Create a notebook for someone else"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "notebook.new");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), button);
  button = gtk_button_new_with_mnemonic (_("_Open…"));
  gtk_widget_set_tooltip_text (button, _("Open a notebook file"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "notebook.open");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), button);

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Notebooks"),
                                  -1);

  group_widget = adw_preferences_group_new ();
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group_widget),
                                         _("One notebook per person. Each opens in its own window."));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group_widget), list);
  page = adw_preferences_page_new ();
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group_widget));

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), page);
  gtk_widget_set_vexpand (page, TRUE);
  adw_window_set_content (ADW_WINDOW (dialog), box);

  settings = g_settings_new (APP_ID);
  g_object_set_data_full (G_OBJECT (list), "settings", settings, g_object_unref);
  g_object_set_data (G_OBJECT (list), "window", window);
  g_signal_connect_object (settings, "changed::notebooks",
                           G_CALLBACK (on_notebooks_changed_cb), list, 0);
  g_signal_connect_object (list, "row-activated",
                           G_CALLBACK (on_notebook_row_activated_cb), dialog, 0);
  fill_notebooks_list (GTK_LIST_BOX (list));

  {
    GtkShortcutTrigger *trigger = gtk_keyval_trigger_new (GDK_KEY_Escape, 0);
    GtkShortcutAction *close = gtk_named_action_new ("window.close");
    GtkEventController *controller = gtk_shortcut_controller_new ();

    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                          gtk_shortcut_new (trigger, close));
    gtk_widget_add_controller (dialog, controller);
  }

  return GTK_WINDOW (dialog);
}

static const GActionEntry notebook_actions[] = {
  { .name = "new", .activate = new_activated },
  { .name = "open", .activate = open_activated },
  { .name = "switch", .activate = switch_activated },
  { .name = "open-path", .activate = open_path_activated, .parameter_type = "s" },
  { .name = "forget", .activate = forget_activated, .parameter_type = "s" },
};

/* Public API */

/**
 * carnet_notebook_actions_install:
 * @window: a #CarnetWindow
 * @toasts: where the toasts of the actions go
 *
 * Inserts the "notebook" action group into @window.
 */
void
carnet_notebook_actions_install (GtkWidget       *window,
                                 AdwToastOverlay *toasts)
{
  g_autoptr(GSimpleActionGroup) group = NULL;
  NotebookActions *self;

  g_return_if_fail (CARNET_IS_WINDOW (window));
  g_return_if_fail (ADW_IS_TOAST_OVERLAY (toasts));

  self = g_new0 (NotebookActions, 1);
  self->window = window;
  self->toasts = toasts;
  self->settings = g_settings_new (APP_ID);

  group = g_simple_action_group_new ();
  self->group = G_ACTION_GROUP (group);
  g_action_map_add_action_entries (G_ACTION_MAP (group), notebook_actions,
                                   G_N_ELEMENTS (notebook_actions), self);
  g_object_set_data_full (G_OBJECT (group), "carnet-notebook-actions", self,
                          (GDestroyNotify) notebook_actions_free);
  gtk_widget_insert_action_group (window, "notebook", G_ACTION_GROUP (group));
}

