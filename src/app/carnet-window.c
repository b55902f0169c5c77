/* carnet-window.c: the main window, one per open notebook
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A view stack of pages (Upcoming, Journal, Results, Side effects, Questions,
 * Treatments) under a header bar with the person's name, a "+" menu to add
 * each kind of record, a search bar (Ctrl+F) over the notebook's full-text
 * index and the primary menu. The trash and the search results take the
 * place of the pages while shown; a notebook that cannot be opened gets the
 * reason instead. Pages read the notebook only while they are shown.
 */
#define G_LOG_DOMAIN "carnet-app"

#include "config.h"

#include "carnet-window.h"

#include <glib/gi18n.h>

#include "carnet-application.h"
#include "carnet-damaged-page.h"
#include "carnet-exchange-actions.h"
#include "carnet-format.h"
#include "carnet-journal-page.h"
#include "carnet-page.h"
#include "carnet-page-slot.h"
#include "carnet-questions-page.h"
#include "carnet-record-actions.h"
#include "carnet-results-page.h"
#include "carnet-search-page.h"
#include "carnet-side-effects-page.h"
#include "carnet-trash-page.h"
#include "carnet-treatments-page.h"
#include "carnet-upcoming-page.h"

struct _CarnetWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  GtkWidget            *back_button;
  GtkWidget            *add_button;
  GMenuModel           *add_menu;
  GtkStack             *title_stack;
  AdwViewSwitcherTitle *switcher_title;
  AdwWindowTitle       *window_title;
  GtkWidget            *primary_menu_button;
  GMenuModel           *primary_menu;
  GtkWidget            *search_button;
  GtkRevealer          *reminder_revealer;
  GtkLabel             *reminder_label;
  GtkSearchBar         *search_bar;
  GtkSearchEntry       *search_entry;
  GtkStack             *stack;
  AdwViewStack         *view_stack;
  /* Made when first shown, as the pages of the switcher. */
  CarnetPageSlot       *search_page;
  CarnetPageSlot       *trash_page;
  AdwStatusPage        *error_page;
  CarnetDamagedPage    *damaged_page;
  AdwViewSwitcherBar   *switcher_bar;

  GSettings            *settings;
  CarnetNotebook       *notebook;
  char                 *path;
  gboolean              showing_error;
  /* The error is a damaged notebook: its page offers a backup. */
  gboolean              showing_damaged;
  gboolean              showing_trash;
  /* The day the pages were last read on: their countdowns name days. */
  GDate                *shown_day;
};

G_DEFINE_FINAL_TYPE (CarnetWindow, carnet_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_NOTEBOOK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The pages in switcher order, for Alt+1… and for show_record. */
static const char * const page_names[] = {
  "upcoming", "journal", "results", "side-effects", "questions", "treatments",
};

static const char *
error_title (const GError *error)
{
  if (g_error_matches (error, CARNET_ERROR, CARNET_ERROR_FOREIGN_FILE))
    return _("Not a Carnet Notebook");
  if (g_error_matches (error, CARNET_ERROR, CARNET_ERROR_NEWER_VERSION))
    return _("Made by a Newer Carnet");
  if (g_error_matches (error, CARNET_ERROR, CARNET_ERROR_CORRUPT))
    return _("This Notebook Is Damaged");
  if (g_error_matches (error, CARNET_ERROR, CARNET_ERROR_BUSY))
    return _("This Notebook Is Busy");

  return _("Could Not Open the Notebook");
}

/* Whether the file is known to be as it was: Carnet refused it before writing. */
static gboolean
error_left_file_alone (const GError *error)
{
  return g_error_matches (error, CARNET_ERROR, CARNET_ERROR_FOREIGN_FILE) ||
         g_error_matches (error, CARNET_ERROR, CARNET_ERROR_NEWER_VERSION) ||
         g_error_matches (error, CARNET_ERROR, CARNET_ERROR_CORRUPT) ||
         g_error_matches (error, CARNET_ERROR, CARNET_ERROR_BUSY);
}

static void
show_toast (CarnetWindow *self,
            const char   *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);

  /* Toast titles are markup. */
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (escaped));
}

/* The page called @name in the switcher, made now if it was not yet. */
static GtkWidget *
find_page (CarnetWindow *self,
           const char   *name)
{
  GtkWidget *child = adw_view_stack_get_child_by_name (self->view_stack, name);

  if (CARNET_IS_PAGE_SLOT (child))
    return GTK_WIDGET (carnet_page_slot_get_page (CARNET_PAGE_SLOT (child)));

  return child;
}

/* Every page, shown in the switcher (their slots: most are not made until
 * shown) or not. */
static GPtrArray *
list_pages (CarnetWindow *self)
{
  GPtrArray *pages = g_ptr_array_new ();

  for (guint i = 0; i < G_N_ELEMENTS (page_names); i++)
    {
      GtkWidget *page = adw_view_stack_get_child_by_name (self->view_stack, page_names[i]);

      if (page != NULL)
        g_ptr_array_add (pages, page);
    }
  g_ptr_array_add (pages, self->search_page);
  g_ptr_array_add (pages, self->trash_page);

  return pages;
}

static void
build_menu_cb (GtkMenuButton *button,
               gpointer       user_data)
{
  gtk_menu_button_set_menu_model (button, G_MENU_MODEL (user_data));
  /* Once: the next times, the button shows the same popover. */
  gtk_menu_button_set_create_popup_func (button, NULL, NULL, NULL);
}

/* The popover of a menu of the header bar is built when it first opens:
 * building both took 13 M instructions before the window's first frame. */
static void
build_menu_on_open (GtkWidget  *menu_button,
                    GMenuModel *menu)
{
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (menu_button), build_menu_cb,
                                         g_object_ref (menu), g_object_unref);
}

static void
update_title (CarnetWindow *self)
{
  g_autofree char *title = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *subtitle = NULL;
  const char *person = NULL;
  const char *shown;

  if (self->notebook != NULL)
    person = carnet_notebook_get_person (self->notebook);

  title = carnet_format_window_title (person);
  gtk_window_set_title (GTK_WINDOW (self), title);

  if (self->path != NULL)
    basename = g_filename_display_basename (self->path);

  if (basename != NULL && self->notebook != NULL && carnet_notebook_get_read_only (self->notebook))
    /* Translators: the window subtitle; %s is the notebook's file name. */
    subtitle = g_strdup_printf (_("%s (read-only)"), basename);
  else
    subtitle = g_steal_pointer (&basename);

  shown = person != NULL && *person != '\0' ? person : _("Carnet");
  adw_view_switcher_title_set_title (self->switcher_title, shown);
  adw_view_switcher_title_set_subtitle (self->switcher_title, subtitle);

  if (self->showing_trash)
    {
      adw_window_title_set_title (self->window_title, _("Trash"));
      adw_window_title_set_subtitle (self->window_title, shown);
    }
  else
    {
      adw_window_title_set_title (self->window_title, shown);
      adw_window_title_set_subtitle (self->window_title, subtitle);
    }
}

static void
update_actions (CarnetWindow *self)
{
  gboolean writable;
  gboolean open;

  open = self->notebook != NULL;
  writable = open && !carnet_notebook_get_read_only (self->notebook);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.rename", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-trash", open && !self->showing_trash);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.close-trash", self->showing_trash);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-page", open);
}

/* Shows what the window is about now: the pages, the search results, the
 * trash, or why the notebook could not be opened. */
static void
update_view (CarnetWindow *self)
{
  gboolean searching = gtk_search_bar_get_search_mode (self->search_bar);
  const char *child;

  if (self->notebook == NULL)
    child = !self->showing_error ? "loading" : self->showing_damaged ? "damaged" : "error";
  else if (self->showing_trash)
    child = "trash";
  else if (searching)
    child = "search";
  else
    child = "pages";

  /* The error and damaged pages are hidden until shown: GTK styles and
   * measures the hidden children of a stack too. */
  gtk_widget_set_visible (gtk_stack_get_child_by_name (self->stack, child), TRUE);
  gtk_stack_set_visible_child_name (self->stack, child);

  gtk_stack_set_visible_child_name (self->title_stack,
                                    g_str_equal (child, "pages") ? "switcher" : "plain");
  adw_view_switcher_bar_set_reveal (self->switcher_bar,
                                    g_str_equal (child, "pages") &&
                                    adw_view_switcher_title_get_title_visible (self->switcher_title));
  gtk_widget_set_visible (self->back_button, self->showing_trash);
  gtk_widget_set_visible (self->add_button, self->notebook != NULL && !self->showing_trash);
  gtk_widget_set_visible (self->search_button, self->notebook != NULL && !self->showing_trash);

  update_title (self);
  update_actions (self);
}

static void
set_showing_trash (CarnetWindow *self,
                   gboolean      showing_trash)
{
  self->showing_trash = showing_trash;
  if (showing_trash)
    gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  update_view (self);
}

/* Countdowns say "Tomorrow": after midnight they must be read again. */
static void
check_day (CarnetWindow *self)
{
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDate) today = NULL;
  g_autoptr(GPtrArray) pages = NULL;

  if (self->notebook == NULL)
    return;

  now = carnet_clock_get_now (carnet_notebook_get_clock (self->notebook));
  today = carnet_date_from_time (now);
  if (self->shown_day != NULL && g_date_compare (self->shown_day, today) == 0)
    return;

  g_clear_pointer (&self->shown_day, g_date_free);
  self->shown_day = g_steal_pointer (&today);

  pages = list_pages (self);
  for (guint i = 0; i < pages->len; i++)
    {
      gpointer page = pages->pdata[i];

      /* A page not made yet reads the notebook when it is. */
      if (CARNET_IS_PAGE_SLOT (page))
        page = carnet_page_slot_peek_page (page);
      if (CARNET_IS_PAGE (page))
        carnet_page_queue_reload (page);
    }
}

static void
load_window_size (CarnetWindow *self)
{
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static void
save_window_size (CarnetWindow *self)
{
  int width;
  int height;

  if (gtk_window_is_maximized (GTK_WINDOW (self)))
    {
      g_settings_set_boolean (self->settings, "window-maximized", TRUE);
      return;
    }

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_boolean (self->settings, "window-maximized", FALSE);
  if (width > 0)
    g_settings_set_int (self->settings, "window-width", width);
  if (height > 0)
    g_settings_set_int (self->settings, "window-height", height);
}

/* The page that shows records of @kind best, by name. */
static const char *
page_for_kind (CarnetRecordKind kind)
{
  switch (kind)
    {
    case CARNET_RECORD_APPOINTMENT:
      return "upcoming";
    case CARNET_RECORD_RESULT:
      return "results";
    case CARNET_RECORD_SIDE_EFFECT:
      return "side-effects";
    case CARNET_RECORD_QUESTION:
      return "questions";
    case CARNET_RECORD_TREATMENT:
      return "treatments";
    default:
      g_return_val_if_reached ("journal");
    }
}

/* Callbacks */

static void
on_notebook_changed_cb (CarnetWindow *self)
{
  /* The person may have been renamed, by this window or another process. */
  update_title (self);
}

static void
on_switcher_title_visible_cb (CarnetWindow *self)
{
  update_view (self);
}

static void
on_search_mode_cb (CarnetWindow *self)
{
  if (gtk_search_bar_get_search_mode (self->search_bar))
    self->showing_trash = FALSE;
  update_view (self);
}

static void
on_search_changed_cb (CarnetWindow *self)
{
  carnet_search_page_set_query (CARNET_SEARCH_PAGE (carnet_page_slot_get_page (self->search_page)),
                                gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
on_search_activate_cb (CarnetWindow *self)
{
  CarnetSearchPage *page = CARNET_SEARCH_PAGE (carnet_page_slot_get_page (self->search_page));

  /* Enter searches at once, without waiting for the entry's pause. */
  carnet_search_page_set_query (page, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  carnet_search_page_activate_first (page);
}

static void
on_is_active_cb (CarnetWindow *self)
{
  if (gtk_window_is_active (GTK_WINDOW (self)))
    check_day (self);
}

/* The latest backup took the damaged notebook's place: open it, and say
 * where the damaged file was kept. */
static void
on_damaged_page_restored_cb (CarnetWindow      *self,
                             const char        *kept,
                             CarnetDamagedPage *page)
{
  g_autoptr(CarnetClock) clock = carnet_clock_new_system ();
  g_autoptr(CarnetNotebook) notebook = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_strdup (self->path);
  g_autofree char *kept_name = g_filename_display_basename (kept);
  g_autofree char *kept_dir = NULL;
  g_autofree char *body = NULL;
  GtkApplication *application;
  GtkWidget *dialog;

  {
    g_autofree char *dirname = g_path_get_dirname (kept);

    kept_dir = g_filename_display_name (dirname);
  }

  notebook = carnet_notebook_open (path, CARNET_OPEN_FLAGS_CREATE, clock, &error);
  if (notebook == NULL)
    {
      carnet_window_show_error (self, path, error);
      return;
    }

  carnet_notebook_watch (notebook);
  carnet_window_set_notebook (self, notebook);

  application = gtk_window_get_application (GTK_WINDOW (self));
  if (CARNET_IS_APPLICATION (application))
    carnet_application_notebook_restored (CARNET_APPLICATION (application), path);

  /* Translators: the first %s is a file name, the second its folder. */
  body = g_strdup_printf (_("The notebook is back as it was at its latest automatic backup. "
                            "The damaged file was kept as “%s” in “%s”."),
                          kept_name, kept_dir);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Backup Restored"), body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_rename_dialog_response_cb (AdwMessageDialog *dialog,
                              const char       *response,
                              CarnetWindow     *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *person = NULL;
  GtkWidget *entry;

  if (g_strcmp0 (response, "save") != 0 || self->notebook == NULL)
    return;

  entry = adw_message_dialog_get_extra_child (dialog);
  person = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));

  if (!carnet_notebook_set_person (self->notebook, person, &error))
    {
      show_toast (self, error->message);
      return;
    }

  update_title (self);
}

/* Actions */

static void
rename_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CarnetWindow *self = CARNET_WINDOW (widget);
  GtkWidget *dialog;
  GtkWidget *entry;

  g_assert (self->notebook != NULL);

  dialog = adw_message_dialog_new (GTK_WINDOW (self),
                                   _("Whose Notebook Is This?"),
                                   _("Their name appears in the title of the window."));

  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), carnet_notebook_get_person (self->notebook));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("First and last name"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Name"),
                                  -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog),
                                              "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  g_signal_connect_object (dialog, "response",
                           G_CALLBACK (on_rename_dialog_response_cb), self, 0);

  gtk_window_present (GTK_WINDOW (dialog));
}

/* Not gtk/help-overlay.ui, which GtkApplication would build for every
 * window as it opens: the shortcuts window is made when first asked for. */
static void
show_help_overlay_activated (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (widget);
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (window);

  if (overlay == NULL)
    {
      g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_BASE "/help-overlay.ui");

      overlay = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      /* The window keeps it, above itself, hidden when closed. */
      gtk_application_window_set_help_overlay (window, overlay);
    }

  gtk_window_present (GTK_WINDOW (overlay));
}

static void
show_trash_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  set_showing_trash (CARNET_WINDOW (widget), TRUE);
}

static void
close_trash_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  set_showing_trash (CARNET_WINDOW (widget), FALSE);
}

static void
search_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CarnetWindow *self = CARNET_WINDOW (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
show_page_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  CarnetWindow *self = CARNET_WINDOW (widget);
  const char *name = g_variant_get_string (parameter, NULL);

  if (find_page (self, name) == NULL)
    return;

  self->showing_trash = FALSE;
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  adw_view_stack_set_visible_child_name (self->view_stack, name);
  update_view (self);
}

/* Overrides */

static gboolean
carnet_window_close_request (GtkWindow *window)
{
  save_window_size (CARNET_WINDOW (window));

  return GTK_WINDOW_CLASS (carnet_window_parent_class)->close_request (window);
}

static void
carnet_window_dispose (GObject *object)
{
  CarnetWindow *self = CARNET_WINDOW (object);

  if (self->notebook != NULL)
    g_signal_handlers_disconnect_by_data (self->notebook, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), CARNET_TYPE_WINDOW);
  g_clear_object (&self->notebook);

  G_OBJECT_CLASS (carnet_window_parent_class)->dispose (object);
}

static void
carnet_window_finalize (GObject *object)
{
  CarnetWindow *self = CARNET_WINDOW (object);

  g_clear_object (&self->settings);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->shown_day, g_date_free);

  G_OBJECT_CLASS (carnet_window_parent_class)->finalize (object);
}

static void
carnet_window_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CarnetWindow *self = CARNET_WINDOW (object);

  switch (prop_id)
    {
    case PROP_NOTEBOOK:
      g_value_set_object (value, self->notebook);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
carnet_window_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  CarnetWindow *self = CARNET_WINDOW (object);

  switch (prop_id)
    {
    case PROP_NOTEBOOK:
      carnet_window_set_notebook (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
carnet_window_class_init (CarnetWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = carnet_window_dispose;
  object_class->finalize = carnet_window_finalize;
  object_class->get_property = carnet_window_get_property;
  object_class->set_property = carnet_window_set_property;

  window_class->close_request = carnet_window_close_request;

  /**
   * CarnetWindow:notebook:
   *
   * The open notebook, or %NULL while none is (or when it could not be opened).
   */
  properties[PROP_NOTEBOOK] =
    g_param_spec_object ("notebook", NULL, NULL,
                         CARNET_TYPE_NOTEBOOK,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Registered, for the slots' page types; their classes are made with
   * their first page. */
  g_type_ensure (CARNET_TYPE_PAGE_SLOT);
  g_type_ensure (CARNET_TYPE_UPCOMING_PAGE);
  g_type_ensure (CARNET_TYPE_JOURNAL_PAGE);
  g_type_ensure (CARNET_TYPE_RESULTS_PAGE);
  g_type_ensure (CARNET_TYPE_SIDE_EFFECTS_PAGE);
  g_type_ensure (CARNET_TYPE_QUESTIONS_PAGE);
  g_type_ensure (CARNET_TYPE_TREATMENTS_PAGE);
  g_type_ensure (CARNET_TYPE_SEARCH_PAGE);
  g_type_ensure (CARNET_TYPE_TRASH_PAGE);
  g_type_ensure (CARNET_TYPE_DAMAGED_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/carnet-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CarnetWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CarnetWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, CarnetWindow, add_button);
  gtk_widget_class_bind_template_child (widget_class, CarnetWindow, add_menu);
  gtk_widget_class_bind_template_child (widget_class, CarnetWindow, title_stack);
  gtk_widget_class_bind_template_child (widget_class, CarnetWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, CarnetWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, CarnetWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, CarnetWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, CarnetWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, CarnetWindow, reminder_revealer);
  gtk_widget_class_bind_template_child (widget_class, CarnetWindow, reminder_label);
  gtk_widget_class_bind_template_child (widget_class, CarnetWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, CarnetWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CarnetWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, CarnetWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, CarnetWindow, search_page);
  gtk_widget_class_bind_template_child (widget_class, CarnetWindow, trash_page);
  gtk_widget_class_bind_template_child (widget_class, CarnetWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, CarnetWindow, damaged_page);
  gtk_widget_class_bind_template_child (widget_class, CarnetWindow, switcher_bar);

  gtk_widget_class_install_action (widget_class, "win.rename", NULL, rename_activated);
  gtk_widget_class_install_action (widget_class, "win.show-trash", NULL, show_trash_activated);
  gtk_widget_class_install_action (widget_class, "win.close-trash", NULL, close_trash_activated);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_activated);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_activated);

  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL, show_help_overlay_activated);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "win.rename", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_question, GDK_CONTROL_MASK,
                                       "win.show-help-overlay", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.close-trash", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK,
                                       "win.close-trash", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (page_names); i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_ALT_MASK,
                                         "win.show-page", "s", page_names[i]);
}

static void
carnet_window_init (CarnetWindow *self)
{
  /* The size first: the lists count the rows that fit when they are built. */
  self->settings = g_settings_new (APP_ID);
  load_window_size (self);

  gtk_widget_init_template (GTK_WIDGET (self));
  carnet_status_page_set_icon_on_map (self->error_page, "dialog-error-symbolic");
  build_menu_on_open (self->add_button, self->add_menu);
  build_menu_on_open (self->primary_menu_button, self->primary_menu);

  carnet_record_actions_install (GTK_WIDGET (self), self->toast_overlay);
  carnet_exchange_actions_install (GTK_WIDGET (self), self->toast_overlay);

  /* Typing anywhere in the window starts a search. */
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self));
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));

  g_signal_connect_object (self->switcher_title, "notify::title-visible",
                           G_CALLBACK (on_switcher_title_visible_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_bar, "notify::search-mode-enabled",
                           G_CALLBACK (on_search_mode_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "search-changed",
                           G_CALLBACK (on_search_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "activate",
                           G_CALLBACK (on_search_activate_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self, "notify::is-active",
                           G_CALLBACK (on_is_active_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->damaged_page, "restored",
                           G_CALLBACK (on_damaged_page_restored_cb), self, G_CONNECT_SWAPPED);

  update_view (self);
}

/* Public API */

/**
 * carnet_window_new:
 * @application: (nullable): the application
 *
 * Returns: (transfer floating): a window showing no notebook yet
 */
CarnetWindow *
carnet_window_new (GtkApplication *application)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);

  return g_object_new (CARNET_TYPE_WINDOW,
                       "application", application,
                       NULL);
}

CarnetNotebook *
carnet_window_get_notebook (CarnetWindow *self)
{
  g_return_val_if_fail (CARNET_IS_WINDOW (self), NULL);

  return self->notebook;
}

/**
 * carnet_window_set_notebook:
 * @self: a window
 * @notebook: (nullable): the notebook to show
 *
 * Shows @notebook, and follows its changes (also those made by another
 * process, when the notebook is watched).
 */
void
carnet_window_set_notebook (CarnetWindow   *self,
                            CarnetNotebook *notebook)
{
  g_autoptr(GPtrArray) pages = NULL;

  g_return_if_fail (CARNET_IS_WINDOW (self));
  g_return_if_fail (notebook == NULL || CARNET_IS_NOTEBOOK (notebook));

  if (self->notebook == notebook)
    return;

  if (self->notebook != NULL)
    g_signal_handlers_disconnect_by_data (self->notebook, self);

  g_set_object (&self->notebook, notebook);
  g_clear_pointer (&self->shown_day, g_date_free);

  if (notebook != NULL)
    {
      g_free (self->path);
      self->path = g_strdup (carnet_notebook_get_path (notebook));
      self->showing_error = FALSE;
      g_signal_connect_object (notebook, "changed",
                               G_CALLBACK (on_notebook_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (notebook, "notify::person",
                               G_CALLBACK (on_notebook_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }

  /* Every page takes a "notebook", ours and those of the other pages alike. */
  pages = list_pages (self);
  for (guint i = 0; i < pages->len; i++)
    g_object_set (pages->pdata[i], "notebook", notebook, NULL);

  update_view (self);
  check_day (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTEBOOK]);
}

const char *
carnet_window_get_path (CarnetWindow *self)
{
  g_return_val_if_fail (CARNET_IS_WINDOW (self), NULL);

  return self->path;
}

/**
 * carnet_window_show_error:
 * @self: a window
 * @path: the notebook file that could not be opened
 * @error: why
 *
 * Shows why @path could not be opened, in place of its content.
 */
void
carnet_window_show_error (CarnetWindow *self,
                          const char   *path,
                          const GError *error)
{
  g_autofree char *description = NULL;
  g_autofree char *escaped = NULL;

  g_return_if_fail (CARNET_IS_WINDOW (self));
  g_return_if_fail (path != NULL);
  g_return_if_fail (error != NULL);

  carnet_window_set_notebook (self, NULL);

  g_free (self->path);
  self->path = g_strdup (path);

  self->showing_damaged = g_error_matches (error, CARNET_ERROR, CARNET_ERROR_CORRUPT);
  if (self->showing_damaged)
    carnet_damaged_page_show (self->damaged_page, path, error);

  escaped = g_markup_escape_text (error->message, -1);
  if (error_left_file_alone (error))
    description = g_strdup_printf ("%s\n\n%s", escaped, _("Carnet did not change the file."));
  else
    description = g_steal_pointer (&escaped);

  adw_status_page_set_title (self->error_page, error_title (error));
  adw_status_page_set_description (self->error_page, description);
  self->showing_error = TRUE;
  self->showing_trash = FALSE;
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  update_view (self);
}

/**
 * carnet_window_show_record:
 * @self: a window
 * @kind: the kind of record
 * @id: its id
 *
 * Brings the window forward on the page that shows the record, scrolled to
 * it and with it selected. An appointment is shown on the Upcoming page when
 * it is there, else in the journal.
 */
void
carnet_window_show_record (CarnetWindow     *self,
                           CarnetRecordKind  kind,
                           gint64            id)
{
  const char *name;
  GtkWidget *page;

  g_return_if_fail (CARNET_IS_WINDOW (self));
  g_return_if_fail (kind < CARNET_N_RECORD_KINDS);

  gtk_window_present (GTK_WINDOW (self));
  if (self->notebook == NULL)
    return;

  self->showing_trash = FALSE;
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);

  name = page_for_kind (kind);
  page = find_page (self, name);
  if (page == NULL)
    {
      name = "journal";
      page = find_page (self, name);
    }

  adw_view_stack_set_visible_child_name (self->view_stack, name);
  update_view (self);

  if (!CARNET_IS_PAGE (page) || carnet_page_show_record (CARNET_PAGE (page), kind, id))
    return;

  /* Not on its own page (an appointment that is over): in the journal. */
  page = find_page (self, "journal");
  adw_view_stack_set_visible_child_name (self->view_stack, "journal");
  carnet_page_show_record (CARNET_PAGE (page), kind, id);
}

/**
 * carnet_window_set_reminder_problem:
 * @self: a window
 * @message: (nullable): why reminders cannot be shown, or %NULL when they can
 *
 * Shows a warning bar at the top of the window while reminders cannot be shown.
 */
void
carnet_window_set_reminder_problem (CarnetWindow *self,
                                    const char   *message)
{
  g_return_if_fail (CARNET_IS_WINDOW (self));

  if (message != NULL)
    gtk_label_set_text (self->reminder_label, message);
  gtk_revealer_set_reveal_child (self->reminder_revealer, message != NULL);
}
