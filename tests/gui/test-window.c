/* test-window.c: the main window on temporary notebooks
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "carnet-test"

#include "config.h"

#include <adwaita.h>
#include <locale.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "carnet.h"
#include "carnet-page.h"
#include "carnet-page-slot.h"
#include "carnet-record-list.h"
#include "carnet-search-page.h"
#include "carnet-window.h"

typedef struct
{
  char           *dir;
  char           *path;
  CarnetClock    *clock;
  CarnetNotebook *notebook;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Paris");
  g_autoptr(GDateTime) now = g_date_time_new (tz, 2026, 11, 28, 10, 0, 0);

  fixture->dir = g_dir_make_tmp ("carnet-gui-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "notebook.carnet", NULL);
  fixture->clock = carnet_clock_new_fixed (now);
}

static void
open_notebook (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  fixture->notebook = carnet_notebook_open (fixture->path, CARNET_OPEN_FLAGS_CREATE,
                                            fixture->clock, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->notebook);
}

static void
remove_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_dir (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  if (fixture->notebook != NULL)
    carnet_notebook_close (fixture->notebook);
  g_clear_object (&fixture->notebook);
  g_clear_object (&fixture->clock);
  remove_dir (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static void
drain (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static CarnetWindow *
new_window (CarnetNotebook *notebook)
{
  CarnetWindow *window;

  window = g_object_ref_sink (carnet_window_new (NULL));
  if (notebook != NULL)
    carnet_window_set_notebook (window, notebook);
  gtk_window_present (GTK_WINDOW (window));
  drain ();

  return window;
}

static void
destroy_window (CarnetWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  drain ();
  g_assert_finalize_object (window);
}

/* Template children carry their id from the .ui file. */
static gpointer
find_child (GtkWidget  *widget,
            const char *id)
{
  if (g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget)), id) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      gpointer found = find_child (child, id);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static const char *
visible_page (CarnetWindow *window)
{
  /* Pages have a "stack" of their own: this is the one around the view stack. */
  GtkWidget *view_stack = find_child (GTK_WIDGET (window), "view_stack");

  g_assert_nonnull (view_stack);
  return gtk_stack_get_visible_child_name (GTK_STACK (gtk_widget_get_parent (view_stack)));
}

static const char *
visible_view (CarnetWindow *window)
{
  AdwViewStack *view_stack = find_child (GTK_WIDGET (window), "view_stack");

  return adw_view_stack_get_visible_child_name (view_stack);
}

static CarnetRecordList *
page_list (CarnetWindow *window,
           const char   *page)
{
  CarnetRecordList *list = find_child (find_child (GTK_WIDGET (window), page), "list");

  g_assert_true (CARNET_IS_RECORD_LIST (list));
  return list;
}

static guint
count_rows (CarnetRecordList *list)
{
  return g_list_model_get_n_items (carnet_record_list_get_model (list));
}

static char *
row_title (CarnetRecordList *list,
           guint             position)
{
  g_auto(CarnetRowText) text = { 0 };

  carnet_record_list_describe (list, position, &text);
  return g_steal_pointer (&text.title);
}

static GtkButton *
find_button (GtkWidget  *widget,
             const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return GTK_BUTTON (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkButton *found = find_button (child, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* As a user would: the dialog's button, which also closes it. */
static void
click_response (AdwMessageDialog *dialog,
                const char       *label)
{
  GtkButton *button = find_button (GTK_WIDGET (dialog), label);

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  drain ();
}

static AdwMessageDialog *
find_message_dialog (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    {
      if (ADW_IS_MESSAGE_DIALOG (l->data))
        return l->data;
    }

  return NULL;
}

static void
test_empty_notebook (Fixture       *fixture,
                     gconstpointer  user_data)
{
  CarnetWindow *window;
  AdwViewSwitcherTitle *title;
  GtkWidget *upcoming;

  open_notebook (fixture);
  window = new_window (fixture->notebook);

  /* A newcomer lands on the Upcoming page, which tells what to do. */
  g_assert_cmpstr (visible_page (window), ==, "pages");
  g_assert_cmpstr (visible_view (window), ==, "upcoming");
  upcoming = find_child (GTK_WIDGET (window), "upcoming_page");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (find_child (upcoming, "stack")), ==, "empty");
  g_assert_true (gtk_widget_get_visible (find_child (upcoming, "name_button")));

  /* The window's other views wait: the search and trash pages are not made
   * yet, the error and damaged pages are hidden (GTK styles and measures
   * a stack's hidden children otherwise). */
  g_assert_null (carnet_page_slot_peek_page (find_child (GTK_WIDGET (window), "search_page")));
  g_assert_null (carnet_page_slot_peek_page (find_child (GTK_WIDGET (window), "trash_page")));
  g_assert_false (gtk_widget_get_visible (find_child (GTK_WIDGET (window), "error_page")));
  g_assert_false (gtk_widget_get_visible (find_child (GTK_WIDGET (window), "damaged_page")));

  title = find_child (GTK_WIDGET (window), "switcher_title");
  g_assert_cmpstr (adw_view_switcher_title_get_title (title), ==, "Carnet");
  g_assert_cmpstr (adw_view_switcher_title_get_subtitle (title), ==, "notebook.carnet");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Carnet");
  g_assert_cmpstr (carnet_window_get_path (window), ==, fixture->path);

  destroy_window (window);
}

static void
test_person_in_title (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  CarnetWindow *window;
  AdwViewSwitcherTitle *title;

  open_notebook (fixture);
  carnet_notebook_set_person (fixture->notebook, "Marie Dupont", &error);
  g_assert_no_error (error);

  window = new_window (fixture->notebook);
  title = find_child (GTK_WIDGET (window), "switcher_title");
  g_assert_cmpstr (adw_view_switcher_title_get_title (title), ==, "Marie Dupont");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Carnet — Marie Dupont");

  /* Renamed by another process (or carnet-cli), the title follows. */
  carnet_notebook_set_person (fixture->notebook, "Marie Durand", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (adw_view_switcher_title_get_title (title), ==, "Marie Durand");

  destroy_window (window);
}

static void
test_rename (Fixture       *fixture,
             gconstpointer  user_data)
{
  CarnetWindow *window;
  AdwMessageDialog *dialog;
  GtkWidget *entry;

  open_notebook (fixture);
  window = new_window (fixture->notebook);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.rename", NULL));
  drain ();
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);

  /* The name is trimmed, written to the notebook and shown in the title. */
  entry = adw_message_dialog_get_extra_child (dialog);
  g_assert_true (GTK_IS_EDITABLE (entry));
  gtk_editable_set_text (GTK_EDITABLE (entry), "  Jeanne Petit ");
  click_response (dialog, "_Save");

  g_assert_null (find_message_dialog ());
  g_assert_cmpstr (carnet_notebook_get_person (fixture->notebook), ==, "Jeanne Petit");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Carnet — Jeanne Petit");
  /* A named notebook is no newcomer's: no more offer to name it. */
  g_assert_false (gtk_widget_get_visible (find_child (find_child (GTK_WIDGET (window), "upcoming_page"),
                                                      "name_button")));

  /* Cancel changes nothing. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.rename", NULL));
  drain ();
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  entry = adw_message_dialog_get_extra_child (dialog);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "Jeanne Petit");
  gtk_editable_set_text (GTK_EDITABLE (entry), "Someone Else");
  click_response (dialog, "_Cancel");
  g_assert_null (find_message_dialog ());
  g_assert_cmpstr (carnet_notebook_get_person (fixture->notebook), ==, "Jeanne Petit");

  destroy_window (window);
}

/* Our symbolic icons at 16 px are the PNGs made at build time, so that the
 * window's start needs no SVG loader; larger, the SVGs. */
static void
test_symbolic_icons (Fixture       *fixture,
                     gconstpointer  user_data)
{
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());
  const char *icons[] = {
    "carnet-question-symbolic", "carnet-treatment-symbolic",
    "carnet-flag-high-symbolic", "carnet-flag-low-symbolic",
  };

  gtk_icon_theme_add_resource_path (theme, "/io/github/carnet/Carnet/icons");
  for (guint i = 0; i < G_N_ELEMENTS (icons); i++)
    {
      g_autoptr(GtkIconPaintable) small = gtk_icon_theme_lookup_icon (theme, icons[i], NULL, 16, 1,
                                                                      GTK_TEXT_DIR_LTR, 0);
      g_autoptr(GtkIconPaintable) large = gtk_icon_theme_lookup_icon (theme, icons[i], NULL, 64, 1,
                                                                      GTK_TEXT_DIR_LTR, 0);
      g_autoptr(GFile) small_file = gtk_icon_paintable_get_file (small);
      g_autoptr(GFile) large_file = gtk_icon_paintable_get_file (large);
      g_autofree char *small_uri = g_file_get_uri (small_file);
      g_autofree char *large_uri = g_file_get_uri (large_file);

      g_assert_true (gtk_icon_paintable_is_symbolic (small));
      g_assert_true (g_str_has_suffix (small_uri, ".symbolic.png"));
      g_assert_true (g_str_has_suffix (large_uri, ".svg"));
    }
}

/* The shortcuts window is built the first time it is asked for, then kept. */
static void
test_help_overlay (Fixture       *fixture,
                   gconstpointer  user_data)
{
  static const char *help_accels[] = { "<Control>question", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };
  static const char *quit_accels[] = { "<Control>q", NULL };
  g_autoptr(GtkApplication) app = gtk_application_new ("io.github.carnet.Carnet.TestHelpOverlay",
                                                       G_APPLICATION_NON_UNIQUE);
  g_autoptr(GError) error = NULL;
  GLogLevelFlags fatal;
  CarnetWindow *window;
  GtkShortcutsWindow *overlay;

  /* The shortcuts it shows by action are read from the application. */
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  gtk_application_set_accels_for_action (app, "win.show-help-overlay", help_accels);
  gtk_application_set_accels_for_action (app, "window.close", close_accels);
  gtk_application_set_accels_for_action (app, "app.quit", quit_accels);

  /* GTK 4.8's labels of a range of keys ("1 ⋯ 6") or of alternatives
   * ("Escape / Alt+←") warn that they "reported min width -3" — they are
   * drawn well (looked at). Warnings are not fatal while it is shown. */
  fatal = g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);

  open_notebook (fixture);
  window = new_window (fixture->notebook);
  gtk_window_set_application (GTK_WINDOW (window), app);
  g_assert_null (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  drain ();
  overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window));
  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (overlay));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (overlay)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (overlay)) == GTK_WINDOW (window));

  /* Closed, it is hidden and shown again, not built again. */
  gtk_window_close (GTK_WINDOW (overlay));
  drain ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (overlay)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  drain ();
  g_assert_true (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)) == overlay);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (overlay)));

  destroy_window (window);
  g_log_set_always_fatal (fatal);
}

/* The menus of the header bar are built when they first open, then kept.
 * (F10 opens the main menu through gtk_menu_button_popup() as well.) */
static void
test_menus (Fixture       *fixture,
            gconstpointer  user_data)
{
  static const char * const ids[] = { "add_button", "primary_menu_button" };
  static const char * const first_actions[] = { "record.add", "notebook.switch" };
  CarnetWindow *window;

  open_notebook (fixture);
  window = new_window (fixture->notebook);

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      GtkMenuButton *button = find_child (GTK_WIDGET (window), ids[i]);
      g_autofree char *action = NULL;
      GMenuModel *menu;
      GtkPopover *popover;

      g_assert_true (GTK_IS_MENU_BUTTON (button));
      g_assert_null (gtk_menu_button_get_popover (button));
      /* It offers its menu all the same, to the pointer and to a screen reader. */
      g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (button)));
      g_assert_true (gtk_widget_is_sensitive (gtk_widget_get_first_child (GTK_WIDGET (button))));

      gtk_menu_button_popup (button);
      drain ();

      popover = gtk_menu_button_get_popover (button);
      g_assert_true (GTK_IS_POPOVER_MENU (popover));
      g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
      menu = gtk_menu_button_get_menu_model (button);
      g_assert_nonnull (menu);
      g_assert_true (gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (popover)) == menu);
      g_assert_cmpint (g_menu_model_get_n_items (menu), >, 0);
      {
        g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, 0, G_MENU_LINK_SECTION);

        g_assert_nonnull (section);
        g_assert_true (g_menu_model_get_item_attribute (section, 0, G_MENU_ATTRIBUTE_ACTION, "s", &action));
        g_assert_cmpstr (action, ==, first_actions[i]);
      }

      /* Closed and opened again, the same popover. */
      gtk_menu_button_popdown (button);
      drain ();
      g_assert_false (gtk_widget_get_visible (GTK_WIDGET (popover)));
      gtk_menu_button_popup (button);
      drain ();
      g_assert_true (gtk_menu_button_get_popover (button) == popover);
      g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
      gtk_menu_button_popdown (button);
      drain ();
    }

  destroy_window (window);
}

static void
test_pages (Fixture       *fixture,
            gconstpointer  user_data)
{
  static const char * const names[] = { "upcoming", "journal", "side-effects", "treatments" };
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  CarnetWindow *window;
  AdwViewStack *view_stack;

  open_notebook (fixture);
  carnet_demo_populate (fixture->notebook, &error);
  g_assert_no_error (error);

  window = new_window (fixture->notebook);
  g_assert_cmpstr (visible_page (window), ==, "pages");
  g_assert_cmpstr (visible_view (window), ==, "upcoming");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Carnet — Claire Martin");

  first = row_title (page_list (window, "upcoming_page"), 0);
  g_assert_cmpstr (first, ==, "Blood test (CA 15-3, blood count)");

  /* Each page has a title and an icon for the switchers, and an action. */
  view_stack = find_child (GTK_WIDGET (window), "view_stack");
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      AdwViewStackPage *page = adw_view_stack_get_page (view_stack,
                                                        adw_view_stack_get_child_by_name (view_stack, names[i]));
      GtkWidget *slot = adw_view_stack_page_get_child (page);
      GtkWidget *child;

      g_assert_nonnull (adw_view_stack_page_get_title (page));
      g_assert_nonnull (adw_view_stack_page_get_icon_name (page));
      g_assert_true (CARNET_IS_PAGE_SLOT (slot));
      /* Only the page on screen is built with the window. */
      if (i > 0)
        g_assert_null (carnet_page_slot_peek_page (CARNET_PAGE_SLOT (slot)));
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", names[i]));
      drain ();
      g_assert_cmpstr (visible_view (window), ==, names[i]);
      /* Shown, the page is made and has read the notebook. */
      child = GTK_WIDGET (carnet_page_slot_peek_page (CARNET_PAGE_SLOT (slot)));
      g_assert_true (CARNET_IS_PAGE (child));
      g_assert_true (carnet_page_get_notebook (CARNET_PAGE (child)) == fixture->notebook);
      g_assert_cmpuint (count_rows (find_child (child, "list")), >, 0);
    }

  destroy_window (window);
}

static void
test_follows_changes (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Paris");
  g_autoptr(GDateTime) start = g_date_time_new (tz, 2026, 12, 3, 9, 0, 0);
  g_autoptr(CarnetAppointment) appointment = carnet_appointment_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  CarnetWindow *window;
  CarnetRecordList *upcoming;

  open_notebook (fixture);
  window = new_window (fixture->notebook);
  upcoming = page_list (window, "upcoming_page");
  g_assert_cmpuint (count_rows (upcoming), ==, 0);

  /* Added elsewhere (an editor, carnet-cli), it shows at once. */
  carnet_appointment_set_title (appointment, "Blood test");
  carnet_appointment_set_start (appointment, start);
  carnet_notebook_add (fixture->notebook, CARNET_RECORD (appointment), &error);
  g_assert_no_error (error);
  drain ();

  g_assert_cmpuint (count_rows (upcoming), ==, 1);
  title = row_title (upcoming, 0);
  g_assert_cmpstr (title, ==, "Blood test");

  destroy_window (window);
}

static gint64
first_id (CarnetNotebook   *notebook,
          CarnetRecordKind  kind)
{
  g_autoptr(GListModel) records = carnet_notebook_list (notebook, kind, NULL, NULL, NULL);
  g_autoptr(CarnetRecord) record = g_list_model_get_item (records, 0);

  return carnet_record_get_id (record);
}

static guint
selected (CarnetWindow *window,
          const char   *page)
{
  GtkListView *list_view = find_child (GTK_WIDGET (page_list (window, page)), "list_view");

  return gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (gtk_list_view_get_model (list_view)));
}

static void
test_show_record (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;
  CarnetWindow *window;
  gint64 side_effect;
  gint64 first_appointment;

  open_notebook (fixture);
  carnet_demo_populate (fixture->notebook, &error);
  g_assert_no_error (error);
  window = new_window (fixture->notebook);

  /* On its own page, selected. */
  side_effect = first_id (fixture->notebook, CARNET_RECORD_SIDE_EFFECT);
  carnet_window_show_record (window, CARNET_RECORD_SIDE_EFFECT, side_effect);
  drain ();
  g_assert_cmpstr (visible_view (window), ==, "side-effects");
  key = carnet_item_key_for (CARNET_RECORD_SIDE_EFFECT, side_effect);
  g_assert_cmpuint (selected (window, "side_effects_page"), ==,
                    carnet_item_store_find (carnet_record_list_get_model (page_list (window, "side_effects_page")), key));

  /* An appointment that is over is not upcoming: the journal has it. */
  first_appointment = first_id (fixture->notebook, CARNET_RECORD_APPOINTMENT);
  carnet_window_show_record (window, CARNET_RECORD_APPOINTMENT, first_appointment);
  drain ();
  g_assert_cmpstr (visible_view (window), ==, "journal");
  g_assert_cmpuint (selected (window, "journal_page"), !=, GTK_INVALID_LIST_POSITION);

  destroy_window (window);
}

static void
test_search (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  CarnetWindow *window;
  GtkSearchBar *search_bar;
  GtkWidget *entry;
  CarnetPageSlot *search_slot;
  CarnetSearchPage *search_page;

  open_notebook (fixture);
  carnet_demo_populate (fixture->notebook, &error);
  g_assert_no_error (error);
  window = new_window (fixture->notebook);
  search_bar = find_child (GTK_WIDGET (window), "search_bar");
  entry = find_child (GTK_WIDGET (window), "search_entry");
  search_slot = find_child (GTK_WIDGET (window), "search_page");
  /* The search page is made when first searched with. */
  g_assert_true (CARNET_IS_PAGE_SLOT (search_slot));
  g_assert_null (carnet_page_slot_peek_page (search_slot));

  /* Ctrl+F: the search bar, its entry focused, the results in place of the pages. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL));
  drain ();
  g_assert_true (gtk_search_bar_get_search_mode (search_bar));
  g_assert_true (gtk_widget_is_focus (entry) || gtk_widget_has_focus (entry) ||
                 gtk_widget_get_focus_child (entry) != NULL);
  g_assert_cmpstr (visible_page (window), ==, "search");

  gtk_editable_set_text (GTK_EDITABLE (entry), "chemo");
  g_signal_emit_by_name (entry, "activate");
  drain ();
  search_page = CARNET_SEARCH_PAGE (carnet_page_slot_peek_page (search_slot));
  g_assert_nonnull (search_page);
  g_assert_cmpstr (carnet_search_page_get_query (search_page), ==, "chemo");
  g_assert_cmpuint (carnet_search_page_get_n_hits (search_page), >, 0);

  /* A change to the notebook searches again, and leaves the words typed. */
  carnet_notebook_set_default_reminders (fixture->notebook, "2d", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "chemo");

  /* Closing the search bar goes back to the pages. */
  gtk_search_bar_set_search_mode (search_bar, FALSE);
  g_assert_cmpstr (visible_page (window), ==, "pages");

  destroy_window (window);
}

static void
test_trash (Fixture       *fixture,
            gconstpointer  user_data)
{
  g_autoptr(CarnetQuestion) question = carnet_question_new ();
  g_autoptr(GError) error = NULL;
  CarnetWindow *window;

  open_notebook (fixture);
  carnet_question_set_text (question, "Is it hereditary?");
  carnet_notebook_add (fixture->notebook, CARNET_RECORD (question), &error);
  g_assert_no_error (error);
  carnet_notebook_trash (fixture->notebook, CARNET_RECORD_QUESTION,
                         carnet_record_get_id (CARNET_RECORD (question)), &error);
  g_assert_no_error (error);
  window = new_window (fixture->notebook);
  /* The trash page is made when first shown. */
  g_assert_null (carnet_page_slot_peek_page (find_child (GTK_WIDGET (window), "trash_page")));

  /* From the primary menu; a back button (and Escape) return. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-trash", NULL));
  drain ();
  g_assert_cmpstr (visible_page (window), ==, "trash");
  g_assert_true (gtk_widget_get_visible (find_child (GTK_WIDGET (window), "back_button")));
  g_assert_false (gtk_widget_get_visible (find_child (GTK_WIDGET (window), "add_button")));
  g_assert_cmpuint (count_rows (page_list (window, "trash_page")), ==, 1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.close-trash", NULL));
  drain ();
  g_assert_cmpstr (visible_page (window), ==, "pages");
  g_assert_false (gtk_widget_get_visible (find_child (GTK_WIDGET (window), "back_button")));

  destroy_window (window);
}

/* Does what the row's button does. */
static void
press_row_button (CarnetWindow     *window,
                  CarnetRecordList *list,
                  guint             position)
{
  g_auto(CarnetRowText) text = { 0 };

  carnet_record_list_describe (list, position, &text);
  g_assert_nonnull (text.button_action);
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (window), text.button_action,
                                                     text.button_target));
  drain ();
}

static CarnetStatus
occurrence_status (CarnetNotebook *notebook,
                   gint64          id,
                   GDateTime      *start)
{
  g_autoptr(GDateTime) from = g_date_time_add_minutes (start, -1);
  g_autoptr(GDateTime) to = g_date_time_add_minutes (start, 1);
  g_autoptr(GListModel) agenda = carnet_notebook_agenda (notebook, from, to, NULL);
  g_autoptr(CarnetOccurrence) occurrence = g_list_model_get_item (agenda, 0);

  g_assert_nonnull (occurrence);
  g_assert_cmpint (carnet_record_get_id (CARNET_RECORD (carnet_occurrence_get_appointment (occurrence))), ==, id);
  return carnet_occurrence_get_status (occurrence);
}

static void
test_row_actions (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Paris");
  g_autoptr(GDateTime) past = g_date_time_new (tz, 2026, 11, 20, 9, 0, 0);
  g_autoptr(CarnetAppointment) appointment = carnet_appointment_new ();
  g_autoptr(CarnetSideEffect) side_effect = carnet_side_effect_new ();
  g_autoptr(GListModel) trash = NULL;
  g_autoptr(CarnetRecord) restored = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(CarnetRowText) text = { 0 };
  CarnetRecordList *upcoming;
  CarnetRecordList *trash_list;
  CarnetWindow *window;
  gint64 side_effect_id;

  open_notebook (fixture);
  carnet_appointment_set_title (appointment, "Surgeon");
  carnet_appointment_set_kind (appointment, CARNET_APPOINTMENT_CONSULTATION);
  carnet_appointment_set_start (appointment, past);
  carnet_appointment_set_duration (appointment, 30);
  carnet_notebook_add (fixture->notebook, CARNET_RECORD (appointment), &error);
  g_assert_no_error (error);
  carnet_side_effect_set_symptom (side_effect, "Nausea");
  carnet_side_effect_set_severity (side_effect, 2);
  carnet_side_effect_set_at (side_effect, past);
  carnet_notebook_add (fixture->notebook, CARNET_RECORD (side_effect), &error);
  g_assert_no_error (error);
  side_effect_id = carnet_record_get_id (CARNET_RECORD (side_effect));
  window = new_window (fixture->notebook);

  /* The missed consultation's button marks it done: the notebook says so,
   * and the page no longer lists it. */
  upcoming = page_list (window, "upcoming_page");
  g_assert_cmpuint (count_rows (upcoming), ==, 1);
  press_row_button (window, upcoming, 0);
  g_assert_cmpint (occurrence_status (fixture->notebook, carnet_record_get_id (CARNET_RECORD (appointment)), past),
                   ==, CARNET_STATUS_DONE);
  g_assert_cmpuint (count_rows (upcoming), ==, 0);

  /* A row's menu deletes the record: to the trash, where its button restores it. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "side-effects");
  drain ();
  carnet_record_list_describe (page_list (window, "side_effects_page"), 0, &text);
  g_assert_true (text.editable);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "record.delete", "(sx)",
                                             "side-effect", text.id));
  drain ();
  trash = carnet_notebook_list_trash (fixture->notebook, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (trash), ==, 1);
  g_assert_cmpuint (count_rows (page_list (window, "side_effects_page")), ==, 0);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-trash", NULL);
  drain ();
  trash_list = page_list (window, "trash_page");
  g_assert_cmpuint (count_rows (trash_list), ==, 1);
  press_row_button (window, trash_list, 0);
  g_clear_object (&trash);
  trash = carnet_notebook_list_trash (fixture->notebook, &error);
  g_assert_cmpuint (g_list_model_get_n_items (trash), ==, 0);
  g_assert_cmpuint (count_rows (trash_list), ==, 0);
  restored = carnet_notebook_get (fixture->notebook, CARNET_RECORD_SIDE_EFFECT, side_effect_id, &error);
  g_assert_no_error (error);
  g_assert_null (carnet_record_get_trashed (restored));

  destroy_window (window);
}

static void
test_reminder_problem (Fixture       *fixture,
                       gconstpointer  user_data)
{
  CarnetWindow *window;
  GtkRevealer *revealer;
  GtkLabel *label;

  open_notebook (fixture);
  window = new_window (fixture->notebook);
  revealer = find_child (GTK_WIDGET (window), "reminder_revealer");
  label = find_child (GTK_WIDGET (window), "reminder_label");
  g_assert_false (gtk_revealer_get_reveal_child (revealer));

  carnet_window_set_reminder_problem (window, "Notifications cannot be shown.");
  g_assert_true (gtk_revealer_get_reveal_child (revealer));
  g_assert_cmpstr (gtk_label_get_text (label), ==, "Notifications cannot be shown.");

  carnet_window_set_reminder_problem (window, NULL);
  g_assert_false (gtk_revealer_get_reveal_child (revealer));

  destroy_window (window);
}

static void
check_refused_file (Fixture    *fixture,
                    const char *expected_title)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_len;
  gsize after_len;
  CarnetNotebook *notebook;
  CarnetWindow *window;
  AdwStatusPage *page;
  AdwWindowTitle *title;

  g_file_get_contents (fixture->path, &before, &before_len, &error);
  g_assert_no_error (error);

  notebook = carnet_notebook_open (fixture->path, CARNET_OPEN_FLAGS_CREATE, fixture->clock, &error);
  g_assert_null (notebook);
  g_assert_nonnull (error);

  window = new_window (NULL);
  carnet_window_show_error (window, fixture->path, error);
  drain ();

  g_assert_cmpstr (visible_page (window), ==, "error");
  page = find_child (GTK_WIDGET (window), "error_page");
  g_assert_cmpstr (adw_status_page_get_title (page), ==, expected_title);
  g_assert_nonnull (strstr (adw_status_page_get_description (page), "Carnet did not change the file."));
  title = find_child (GTK_WIDGET (window), "window_title");
  g_assert_cmpstr (adw_window_title_get_subtitle (title), ==, "notebook.carnet");

  /* There is no notebook to name. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.rename", NULL);
  drain ();
  g_assert_null (find_message_dialog ());

  destroy_window (window);

  /* Never modified. */
  g_clear_error (&error);
  g_file_get_contents (fixture->path, &after, &after_len, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (before, before_len, after, after_len);
}

static void
test_foreign_file (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (fixture->path, "Shopping list: bread, milk.\n", -1, &error);
  g_assert_no_error (error);

  check_refused_file (fixture, "Not a Carnet Notebook");
}

static void
test_foreign_database (Fixture       *fixture,
                       gconstpointer  user_data)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE recipes (name TEXT);"
                                     "INSERT INTO recipes VALUES ('soup');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  check_refused_file (fixture, "Not a Carnet Notebook");
}

/* The narrowest window GNOME asks apps to support (phones, tiled halves). */
#define NARROWEST 360

static int
content_min_width (CarnetWindow *window)
{
  GtkWidget *content = adw_application_window_get_content (ADW_APPLICATION_WINDOW (window));
  int min = 0;

  gtk_widget_measure (content, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  return min;
}

static void
check_every_page_fits (CarnetWindow *window)
{
  static const char * const names[] = { "upcoming", "journal", "results", "side-effects",
                                        "questions", "treatments" };
  GtkWidget *entry = find_child (GTK_WIDGET (window), "search_entry");

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", names[i]);
      drain ();
      g_assert_cmpstr (visible_page (window), ==, "pages");
      g_assert_cmpint (content_min_width (window), <=, NARROWEST);
    }

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-trash", NULL);
  drain ();
  g_assert_cmpstr (visible_page (window), ==, "trash");
  g_assert_cmpint (content_min_width (window), <=, NARROWEST);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.close-trash", NULL);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);
  gtk_editable_set_text (GTK_EDITABLE (entry), "nausea");
  g_signal_emit_by_name (entry, "activate");
  drain ();
  g_assert_cmpstr (visible_page (window), ==, "search");
  g_assert_cmpint (content_min_width (window), <=, NARROWEST);
  gtk_search_bar_set_search_mode (find_child (GTK_WIDGET (window), "search_bar"), FALSE);
  drain ();
}

static void
check_fits_narrow_window (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  CarnetWindow *window;

  /* Empty states… */
  open_notebook (fixture);
  window = new_window (fixture->notebook);
  check_every_page_fits (window);

  /* …and full pages. */
  carnet_demo_populate (fixture->notebook, &error);
  g_assert_no_error (error);
  drain ();
  check_every_page_fits (window);

  g_set_error_literal (&error, CARNET_ERROR, CARNET_ERROR_NEWER_VERSION,
                       "“/home/someone/Documents/a-rather-long-file-name-for-a-notebook.carnet” "
                       "was written by a newer version of Carnet.");
  carnet_window_show_error (window, fixture->path, error);
  drain ();
  g_assert_cmpstr (visible_page (window), ==, "error");
  g_assert_cmpint (content_min_width (window), <=, NARROWEST);

  destroy_window (window);
}

static void
test_narrow (Fixture       *fixture,
             gconstpointer  user_data)
{
  check_fits_narrow_window (fixture);
}

/* French labels are longer than English ones: they must wrap, not widen the window. */
static void
test_narrow_french (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autofree char *podir = g_build_filename (g_getenv ("CARNET_BUILD_ROOT"), "po", NULL);
  g_autofree char *mo = g_build_filename (podir, "fr", "LC_MESSAGES", "carnet.mo", NULL);
  g_autofree char *saved = g_strdup (setlocale (LC_ALL, NULL));

  if (!g_file_test (mo, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("the French catalogue is not built");
      return;
    }
  if (setlocale (LC_ALL, "fr_FR.UTF-8") == NULL)
    {
      g_test_skip ("no fr_FR.UTF-8 locale (build-aux/deps.sh test makes it)");
      return;
    }
  bindtextdomain (GETTEXT_PACKAGE, podir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_assert_cmpstr (_("Nothing Planned"), ==, "Rien de prévu");

  check_fits_narrow_window (fixture);

  textdomain ("messages");
  setlocale (LC_ALL, saved);
}

int
main (int   argc,
      char *argv[])
{
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_print ("1..0 # SKIP no display (run the tests with build-aux/test)\n");
      return 0;
    }

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add ((path), Fixture, NULL, fixture_set_up, (func), fixture_tear_down)

  ADD ("/gui/window/empty-notebook", test_empty_notebook);
  ADD ("/gui/window/person-in-title", test_person_in_title);
  ADD ("/gui/window/rename", test_rename);
  ADD ("/gui/window/help-overlay", test_help_overlay);
  ADD ("/gui/window/menus", test_menus);
  ADD ("/gui/window/symbolic-icons", test_symbolic_icons);
  ADD ("/gui/window/pages", test_pages);
  ADD ("/gui/window/follows-changes", test_follows_changes);
  ADD ("/gui/window/show-record", test_show_record);
  ADD ("/gui/window/search", test_search);
  ADD ("/gui/window/trash", test_trash);
  ADD ("/gui/window/row-actions", test_row_actions);
  ADD ("/gui/window/reminder-problem", test_reminder_problem);
  ADD ("/gui/window/foreign-file", test_foreign_file);
  ADD ("/gui/window/foreign-database", test_foreign_database);
  ADD ("/gui/window/narrow", test_narrow);
  ADD ("/gui/window/narrow-french", test_narrow_french);

#undef ADD

  return g_test_run ();
}
