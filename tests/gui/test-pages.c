/* test-pages.c: the window's pages on temporary notebooks
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "carnet-test"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "carnet.h"
#include "carnet-journal-page.h"
#include "carnet-notebook-private.h"
#include "carnet-record-list.h"
#include "carnet-search-model.h"
#include "carnet-search-page.h"
#include "carnet-side-effects-page.h"
#include "carnet-trash-page.h"
#include "carnet-treatments-page.h"
#include "carnet-upcoming-page.h"

typedef struct
{
  char           *dir;
  char           *path;
  CarnetClock    *clock;
  CarnetNotebook *notebook;
  GtkWindow      *window;
} Fixture;

static GTimeZone *paris;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  /* Saturday, November 28, 2026, 10:00. */
  g_autoptr(GDateTime) now = g_date_time_new (paris, 2026, 11, 28, 10, 0, 0);

  fixture->dir = g_dir_make_tmp ("carnet-pages-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "notebook.carnet", NULL);
  fixture->clock = carnet_clock_new_fixed (now);
  fixture->notebook = carnet_notebook_open (fixture->path, CARNET_OPEN_FLAGS_CREATE,
                                            fixture->clock, &error);
  g_assert_no_error (error);
}

static void
drain (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  if (fixture->window != NULL)
    {
      gtk_window_destroy (fixture->window);
      drain ();
      g_assert_finalize_object (fixture->window);
    }
  carnet_notebook_close (fixture->notebook);
  g_clear_object (&fixture->notebook);
  g_clear_object (&fixture->clock);
  g_unlink (fixture->path);
  for (const char *suffix = "-wal"; suffix != NULL; suffix = g_str_equal (suffix, "-wal") ? "-shm" : NULL)
    {
      g_autofree char *file = g_strconcat (fixture->path, suffix, NULL);
      g_unlink (file);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static void
populate_demo (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  carnet_demo_populate (fixture->notebook, &error);
  g_assert_no_error (error);
}

/* Shows @page in a window of its own, on @fixture's notebook. */
static gpointer
show_page (Fixture   *fixture,
           GtkWidget *page)
{
  fixture->window = g_object_ref_sink (GTK_WINDOW (gtk_window_new ()));
  gtk_window_set_default_size (fixture->window, 600, 800);
  gtk_window_set_child (fixture->window, page);
  if (g_object_class_find_property (G_OBJECT_GET_CLASS (page), "notebook") != NULL)
    g_object_set (page, "notebook", fixture->notebook, NULL);
  gtk_window_present (fixture->window);
  drain ();

  return page;
}

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

static CarnetRecordList *
list_of (gpointer page)
{
  CarnetRecordList *list = find_child (page, "list");

  g_assert_true (CARNET_IS_RECORD_LIST (list));
  return list;
}

static guint
n_rows (gpointer page)
{
  return g_list_model_get_n_items (carnet_record_list_get_model (list_of (page)));
}

static const char *
shown (gpointer page)
{
  return gtk_stack_get_visible_child_name (find_child (page, "stack"));
}

/* What row @position says; free with carnet_row_text_clear(). */
static void
describe (gpointer       page,
          guint          position,
          CarnetRowText *text)
{
  g_assert_cmpuint (position, <, n_rows (page));
  carnet_record_list_describe (list_of (page), position, text);
}

static char *
header_of (gpointer page,
           guint    position)
{
  g_autoptr(CarnetItem) item = g_list_model_get_item (carnet_record_list_get_model (list_of (page)),
                                                      position);

  return g_strdup (carnet_item_get_header (item));
}

static guint
find_row (gpointer    page,
          const char *title)
{
  for (guint i = 0; i < n_rows (page); i++)
    {
      g_auto(CarnetRowText) text = { 0 };

      describe (page, i, &text);
      if (g_strcmp0 (text.title, title) == 0)
        return i;
    }

  return G_MAXUINT;
}

static gint64
add_appointment (Fixture    *fixture,
                 const char *title,
                 GDateTime  *start,
                 CarnetAppointmentKind kind)
{
  g_autoptr(CarnetAppointment) appointment = carnet_appointment_new ();
  g_autoptr(GError) error = NULL;

  carnet_appointment_set_title (appointment, title);
  carnet_appointment_set_kind (appointment, kind);
  carnet_appointment_set_start (appointment, start);
  carnet_appointment_set_duration (appointment, 30);
  carnet_notebook_add (fixture->notebook, CARNET_RECORD (appointment), &error);
  g_assert_no_error (error);

  return carnet_record_get_id (CARNET_RECORD (appointment));
}

static gint64
add_question (Fixture    *fixture,
              const char *text,
              gint64      appointment_id)
{
  g_autoptr(CarnetQuestion) question = carnet_question_new ();
  g_autoptr(GError) error = NULL;

  carnet_question_set_text (question, text);
  carnet_question_set_appointment_id (question, appointment_id);
  carnet_notebook_add (fixture->notebook, CARNET_RECORD (question), &error);
  g_assert_no_error (error);

  return carnet_record_get_id (CARNET_RECORD (question));
}

static void
test_upcoming (Fixture       *fixture,
               gconstpointer  user_data)
{
  g_autoptr(GDateTime) past = g_date_time_new (paris, 2026, 11, 20, 8, 0, 0);
  g_autoptr(GError) error = NULL;
  g_auto(CarnetRowText) first = { 0 };
  g_auto(CarnetRowText) consultation = { 0 };
  g_auto(CarnetRowText) missed = { 0 };
  g_autofree char *first_header = NULL;
  g_autofree char *missed_header = NULL;
  CarnetUpcomingPage *page;
  gint64 id;
  guint n;

  populate_demo (fixture);
  page = show_page (fixture, carnet_upcoming_page_new ());
  /* The empty state is not shown: its large icon is not even loaded. */
  g_assert_null (adw_status_page_get_icon_name (find_child (GTK_WIDGET (page), "empty_page")));
  g_assert_cmpstr (shown (page), ==, "list");

  /* Soonest first, under the month's heading, with a countdown. */
  describe (page, 0, &first);
  first_header = header_of (page, 0);
  g_assert_cmpstr (first_header, ==, "December 2026");
  g_assert_cmpstr (first.title, ==, "Blood test (CA 15-3, blood count)");
  g_assert_cmpstr (first.badge, ==, "In 10 days");
  g_assert_cmpstr (first.detail, ==, "Reminder: 1 day before");

  /* The next consultation gets the open questions. */
  describe (page, 1, &consultation);
  g_assert_cmpstr (consultation.title, ==, "Oncology consultation");
  g_assert_cmpstr (consultation.detail, ==, "3 questions to ask\nReminders: 1 day before, 2 hours before");

  /* An exam that is over and not marked done comes first, with a button. */
  n = n_rows (page);
  id = add_appointment (fixture, "Chest scanner", past, CARNET_APPOINTMENT_IMAGING);
  g_assert_cmpuint (n_rows (page), ==, n + 1);
  describe (page, 0, &missed);
  missed_header = header_of (page, 0);
  g_assert_cmpstr (missed_header, ==, "Missed");
  g_assert_cmpstr (missed.title, ==, "Chest scanner");
  g_assert_cmpstr (missed.button_action, ==, "record.mark-done");
  /* Read from the top, the list shows it rather than keeping its first row. */
  drain ();
  g_assert_cmpfloat (gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (
                       find_child (GTK_WIDGET (page), "scrolled_window"))), ==, 0);

  /* Marked done, it goes. */
  carnet_notebook_set_occurrence_status (fixture->notebook, id, past, CARNET_STATUS_DONE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_rows (page), ==, n);
  g_assert_cmpuint (find_row (page, "Chest scanner"), ==, G_MAXUINT);
}

static void
test_upcoming_questions (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(GDateTime) soon = g_date_time_new (paris, 2026, 12, 2, 9, 0, 0);
  g_autoptr(GDateTime) later = g_date_time_new (paris, 2027, 1, 6, 9, 0, 0);
  g_auto(CarnetRowText) first = { 0 };
  g_auto(CarnetRowText) second = { 0 };
  CarnetUpcomingPage *page;
  gint64 later_id;

  add_appointment (fixture, "Surgeon", soon, CARNET_APPOINTMENT_CONSULTATION);
  later_id = add_appointment (fixture, "Oncologist", later, CARNET_APPOINTMENT_CONSULTATION);
  /* Two for "the next consultation", one for the oncologist's. */
  add_question (fixture, "How long will the scar hurt?", 0);
  add_question (fixture, "Can I drive?", 0);
  add_question (fixture, "What does the scanner show?", later_id);

  page = show_page (fixture, carnet_upcoming_page_new ());
  describe (page, 0, &first);
  describe (page, 1, &second);
  g_assert_cmpstr (first.title, ==, "Surgeon");
  g_assert_true (g_str_has_prefix (first.detail, "2 questions to ask\n"));
  g_assert_cmpstr (second.title, ==, "Oncologist");
  g_assert_true (g_str_has_prefix (second.detail, "1 question to ask\n"));
}

static void
test_upcoming_later (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(GDateTime) first = g_date_time_new (paris, 2026, 12, 1, 9, 0, 0);
  g_autoptr(GDateTime) past = g_date_time_new (paris, 2026, 11, 20, 8, 0, 0);
  CarnetUpcomingPage *page;
  GtkWidget *later;
  gint64 last_id = 0;
  guint n = CARNET_UPCOMING_ROWS + 12;

  /* One a day, well into the coming year. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GDateTime) start = g_date_time_add_days (first, 3 * i);
      g_autofree char *title = g_strdup_printf ("Appointment %u", i);

      last_id = add_appointment (fixture, title, start, CARNET_APPOINTMENT_CONSULTATION);
    }
  add_appointment (fixture, "Chest scanner", past, CARNET_APPOINTMENT_IMAGING);

  /* The missed one, then the next ones only, with a button for the later ones. */
  page = show_page (fixture, carnet_upcoming_page_new ());
  later = find_child (GTK_WIDGET (page), "later_button");
  g_assert_cmpuint (n_rows (page), ==, 1 + CARNET_UPCOMING_ROWS);
  g_assert_cmpuint (find_row (page, "Chest scanner"), ==, 0);
  g_assert_cmpuint (find_row (page, "Appointment 0"), ==, 1);
  g_assert_cmpuint (find_row (page, "Appointment 29"), ==, CARNET_UPCOMING_ROWS);
  g_assert_cmpuint (find_row (page, "Appointment 30"), ==, G_MAXUINT);
  g_assert_true (gtk_widget_get_visible (later));

  /* The button lists the later ones, and goes when nothing is left. */
  g_signal_emit_by_name (later, "clicked");
  g_assert_cmpuint (n_rows (page), ==, 1 + n);
  g_assert_cmpuint (find_row (page, "Appointment 30"), ==, 1 + CARNET_UPCOMING_ROWS);
  g_assert_false (gtk_widget_get_visible (later));

  /* Asked to show one further than it lists, the page lists up to it. */
  gtk_window_destroy (fixture->window);
  drain ();
  g_assert_finalize_object (fixture->window);
  fixture->window = NULL;
  page = show_page (fixture, carnet_upcoming_page_new ());
  g_assert_cmpuint (n_rows (page), ==, 1 + CARNET_UPCOMING_ROWS);
  g_assert_true (carnet_page_show_record (CARNET_PAGE (page), CARNET_RECORD_APPOINTMENT, last_id));
  g_assert_cmpuint (n_rows (page), ==, 1 + n);
}

/* Until the window has drawn, the list builds only the rows that can fill
 * it: an Upcoming row is at least 80 px high. */
static void
test_upcoming_first_screen (Fixture       *fixture,
                            gconstpointer  user_data)
{
  g_autoptr(GDateTime) first = g_date_time_new (paris, 2026, 12, 1, 9, 0, 0);
  GtkWidget *page = carnet_upcoming_page_new ();
  GListModel *shown_rows;

  for (guint i = 0; i < CARNET_UPCOMING_ROWS; i++)
    {
      g_autoptr(GDateTime) start = g_date_time_add_days (first, i);
      g_autofree char *title = g_strdup_printf ("Appointment %u", i);

      add_appointment (fixture, title, start, CARNET_APPOINTMENT_CONSULTATION);
    }

  fixture->window = g_object_ref_sink (GTK_WINDOW (gtk_window_new ()));
  gtk_window_set_default_size (fixture->window, 600, 800);
  gtk_window_set_child (fixture->window, page);
  g_object_set (page, "notebook", fixture->notebook, NULL);
  gtk_window_present (fixture->window);

  shown_rows = G_LIST_MODEL (gtk_list_view_get_model (find_child (page, "list_view")));
  g_assert_cmpuint (n_rows (page), ==, CARNET_UPCOMING_ROWS);
  g_assert_cmpuint (g_list_model_get_n_items (shown_rows), ==, 800 / 80 + 2);

  /* Once it has drawn, all of them. */
  drain ();
  g_assert_cmpuint (g_list_model_get_n_items (shown_rows), ==, CARNET_UPCOMING_ROWS);
}

static void
test_upcoming_empty (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  CarnetUpcomingPage *page;

  page = show_page (fixture, carnet_upcoming_page_new ());
  g_assert_cmpstr (shown (page), ==, "empty");
  g_assert_cmpstr (adw_status_page_get_icon_name (find_child (GTK_WIDGET (page), "empty_page")),
                   ==, "alarm-symbolic");
  /* A newcomer is offered to name the notebook and to look at the demo… */
  g_assert_true (gtk_widget_get_visible (find_child (GTK_WIDGET (page), "name_button")));
  g_assert_true (gtk_widget_get_visible (find_child (GTK_WIDGET (page), "demo_button")));

  /* …until the notebook has a name. */
  carnet_notebook_set_person (fixture->notebook, "Marie Dupont", &error);
  g_assert_no_error (error);
  g_assert_false (gtk_widget_get_visible (find_child (GTK_WIDGET (page), "name_button")));
  g_assert_false (gtk_widget_get_visible (find_child (GTK_WIDGET (page), "demo_button")));
}

static void
test_journal (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_auto(CarnetRowText) newest = { 0 };
  g_autofree char *header = NULL;
  CarnetJournalPage *page;
  GtkSingleSelection *selection;
  GListModel *model;
  guint n_all;
  guint position;

  populate_demo (fixture);
  page = show_page (fixture, carnet_journal_page_new ());
  n_all = n_rows (page);
  g_assert_cmpuint (n_all, >, 40);

  /* Newest first: the appointments planned for next year come first. */
  describe (page, 0, &newest);
  header = header_of (page, 0);
  g_assert_cmpstr (header, ==, "January 2027");
  g_assert_cmpint (newest.kind, ==, CARNET_RECORD_APPOINTMENT);
  model = carnet_record_list_get_model (list_of (page));
  for (guint i = 1; i < n_all; i++)
    {
      g_autoptr(CarnetItem) a = g_list_model_get_item (model, i - 1);
      g_autoptr(CarnetItem) b = g_list_model_get_item (model, i);

      g_assert_cmpint (carnet_journal_compare_records (carnet_item_get_object (a),
                                                       carnet_item_get_object (b)), <=, 0);
    }

  /* Filtered by kind. */
  carnet_journal_page_set_kind (page, CARNET_RECORD_SIDE_EFFECT);
  g_assert_cmpuint (n_rows (page), <, n_all);
  for (guint i = 0; i < n_rows (page); i++)
    {
      g_auto(CarnetRowText) text = { 0 };

      describe (page, i, &text);
      g_assert_cmpint (text.kind, ==, CARNET_RECORD_SIDE_EFFECT);
      g_assert_nonnull (strstr (text.badge, "("));
    }

  /* Showing a question brings every kind back, and selects it. */
  g_assert_true (carnet_page_show_record (CARNET_PAGE (page), CARNET_RECORD_QUESTION, 1));
  g_assert_cmpint (carnet_journal_page_get_kind (page), ==, -1);
  g_assert_cmpuint (n_rows (page), ==, n_all);
  position = carnet_item_store_find (model, "3:1");
  selection = GTK_SINGLE_SELECTION (gtk_list_view_get_model (find_child (GTK_WIDGET (page), "list_view")));
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, position);
}

static void
test_journal_empty (Fixture       *fixture,
                    gconstpointer  user_data)
{
  CarnetJournalPage *page;
  GtkWidget *button;
  GVariant *target;

  page = show_page (fixture, carnet_journal_page_new ());
  g_assert_cmpstr (shown (page), ==, "empty");
  g_assert_cmpstr (adw_status_page_get_title (find_child (GTK_WIDGET (page), "empty_page")),
                   ==, "Nothing Written Yet");

  /* The empty state's button adds a record of the kind shown. */
  carnet_journal_page_set_kind (page, CARNET_RECORD_RESULT);
  button = find_child (GTK_WIDGET (page), "empty_button");
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, "record.add");
  target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (button));
  g_assert_cmpstr (g_variant_get_string (target, NULL), ==, "result");
}

static void
test_keeps_items (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(CarnetItem) before = NULL;
  g_autoptr(CarnetItem) after = NULL;
  CarnetJournalPage *page;
  GListModel *model;

  populate_demo (fixture);
  page = show_page (fixture, carnet_journal_page_new ());
  model = carnet_record_list_get_model (list_of (page));
  before = g_list_model_get_item (model, 10);

  /* A change elsewhere in the notebook keeps the rows' items, so the list
   * keeps its scroll position, focus and selection. */
  add_question (fixture, "Is this new?", 0);
  after = g_list_model_get_item (model, carnet_item_store_find (model, carnet_item_get_key (before)));
  g_assert_true (before == after);
}

static void
test_hidden_page_waits (Fixture       *fixture,
                        gconstpointer  user_data)
{
  GtkWidget *stack;
  GtkWidget *other;
  CarnetSideEffectsPage *page;

  stack = gtk_stack_new ();
  page = CARNET_SIDE_EFFECTS_PAGE (carnet_side_effects_page_new ());
  other = gtk_label_new ("Another page");
  gtk_stack_add_named (GTK_STACK (stack), other, "other");
  gtk_stack_add_named (GTK_STACK (stack), GTK_WIDGET (page), "side-effects");
  gtk_stack_set_visible_child (GTK_STACK (stack), other);
  show_page (fixture, stack);
  g_object_set (page, "notebook", fixture->notebook, NULL);

  /* Hidden, it does not read the notebook… */
  populate_demo (fixture);
  g_assert_cmpuint (n_rows (page), ==, 0);

  /* …until it is shown. */
  gtk_stack_set_visible_child (GTK_STACK (stack), GTK_WIDGET (page));
  drain ();
  g_assert_cmpuint (n_rows (page), >, 10);
}

static void
test_side_effects (Fixture       *fixture,
                   gconstpointer  user_data)
{
  CarnetSideEffectsPage *page;
  gboolean seen_cycle = FALSE;

  populate_demo (fixture);
  page = show_page (fixture, carnet_side_effects_page_new ());

  for (guint i = 0; i < n_rows (page); i++)
    {
      g_auto(CarnetRowText) text = { 0 };

      describe (page, i, &text);
      g_assert_cmpint (text.kind, ==, CARNET_RECORD_SIDE_EFFECT);
      /* The severity as a word and a number. */
      g_assert_true (g_regex_match_simple ("^[A-Z][a-z ]+ \\([0-4]\\)$", text.badge, 0, 0));
      /* During the chemotherapy: its name and the cycle day. */
      if (text.detail != NULL && g_regex_match_simple ("^[^\n]+ · C[1-6] D[0-9]+", text.detail, 0, 0))
        seen_cycle = TRUE;
    }
  g_assert_true (seen_cycle);
}

static void
test_treatments (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autofree char *first = NULL;
  CarnetTreatmentsPage *page;
  guint finished = G_MAXUINT;

  populate_demo (fixture);
  page = show_page (fixture, carnet_treatments_page_new ());

  /* The hormone therapy goes on; chemotherapy and radiotherapy are over. */
  first = header_of (page, 0);
  g_assert_cmpstr (first, ==, "Ongoing");
  for (guint i = 1; i < n_rows (page); i++)
    {
      g_autofree char *header = header_of (page, i);

      if (g_strcmp0 (header, "Finished") == 0)
        finished = i;
    }
  g_assert_cmpuint (finished, !=, G_MAXUINT);
  g_assert_cmpuint (finished, <, n_rows (page));
}

static void
test_trash (Fixture       *fixture,
            gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_auto(CarnetRowText) text = { 0 };
  CarnetTrashPage *page;
  gint64 id;

  id = add_question (fixture, "Should I stop the vitamins?", 0);
  page = show_page (fixture, carnet_trash_page_new ());
  g_assert_cmpstr (shown (page), ==, "empty");

  carnet_notebook_trash (fixture->notebook, CARNET_RECORD_QUESTION, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (shown (page), ==, "list");
  g_assert_cmpuint (n_rows (page), ==, 1);
  describe (page, 0, &text);
  g_assert_cmpstr (text.title, ==, "Should I stop the vitamins?");
  g_assert_cmpstr (text.button_action, ==, "record.restore");

  carnet_notebook_restore (fixture->notebook, CARNET_RECORD_QUESTION, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (shown (page), ==, "empty");
}

static void
test_search (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_auto(CarnetRowText) text = { 0 };
  CarnetSearchPage *page;

  populate_demo (fixture);
  page = show_page (fixture, carnet_search_page_new ());
  g_assert_cmpstr (shown (page), ==, "empty");
  g_assert_cmpstr (adw_status_page_get_icon_name (find_child (GTK_WIDGET (page), "empty_page")),
                   ==, "system-search-symbolic");

  /* Accents and case do not matter; the start of a word is enough. */
  carnet_search_page_set_query (page, "NAUS");
  g_assert_cmpstr (shown (page), ==, "list");
  g_assert_cmpuint (carnet_search_page_get_n_hits (page), >, 0);
  describe (page, 0, &text);
  g_assert_cmpint (text.kind, ==, CARNET_RECORD_SIDE_EFFECT);
  /* Found in the notes, the words around the match, the match in bold. */
  {
    gboolean in_notes = FALSE;

    for (guint i = 0; i < carnet_search_page_get_n_hits (page); i++)
      {
        g_auto(CarnetRowText) hit = { 0 };

        describe (page, i, &hit);
        if (hit.detail != NULL && hit.detail_markup && strstr (hit.detail, "<b>") != NULL)
          in_notes = TRUE;
      }
    g_assert_true (in_notes);
  }

  carnet_search_page_set_query (page, "xylophone");
  g_assert_cmpstr (shown (page), ==, "empty");
  g_assert_cmpstr (adw_status_page_get_title (find_child (GTK_WIDGET (page), "empty_page")),
                   ==, "No Results Found");
}

/* Keeps where an items-changed said it changed: position, removed, added. */
static void
record_change (guint      *changes,
               guint       position,
               guint       removed,
               guint       added)
{
  changes[0] = position;
  changes[1] = removed;
  changes[2] = added;
}

/* A search that finds many reads its hits a page at a time, in the order
 * of carnet_notebook_search(), and shows them all as the list is scrolled. */
static void
test_search_in_parts (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Paris");
  g_autoptr(CarnetSearchModel) model = NULL;
  g_autoptr(GListModel) whole = NULL;
  g_autoptr(GError) error = NULL;
  CarnetSearchPage *page;
  guint n;

  for (int i = 0; i < 130; i++)
    {
      g_autoptr(CarnetSideEffect) effect = carnet_side_effect_new ();
      g_autoptr(GDateTime) at = g_date_time_new (tz, 2026, 1 + i % 10, 1 + i % 28, 8, 0, 0);
      g_autofree char *notes = g_strdup_printf ("Jour %d : fatigue, %s", i, i % 2 ? "le soir" : "au réveil");

      carnet_side_effect_set_symptom (effect, "Fatigue");
      carnet_side_effect_set_notes (effect, notes);
      carnet_side_effect_set_severity (effect, 1 + i % 3);
      carnet_side_effect_set_at (effect, at);
      carnet_notebook_add (fixture->notebook, CARNET_RECORD (effect), &error);
      g_assert_no_error (error);
    }
  whole = carnet_notebook_search (fixture->notebook, "fatig", 1000, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (whole), ==, 130);

  model = carnet_search_model_new (fixture->notebook, "fatig", CARNET_SEARCH_HITS_MAX, &error);
  g_assert_no_error (error);
  /* It lists one page of the 130 at first, read with it. */
  g_assert_cmpuint (carnet_search_model_get_n_hits (model), ==, 130);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, CARNET_SEARCH_MODEL_PAGE);
  g_assert_cmpuint (carnet_search_model_get_n_read (model), ==, CARNET_SEARCH_MODEL_PAGE);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (model), CARNET_SEARCH_MODEL_PAGE));
  /* Then a page more at a time, which the list is told of; listed is not read. */
  {
    guint changes[3] = { 0 };

    g_signal_connect_swapped (model, "items-changed", G_CALLBACK (record_change), changes);
    g_assert_true (carnet_search_model_show_more (model));
    g_assert_cmpuint (changes[0], ==, 50);
    g_assert_cmpuint (changes[1], ==, 0);
    g_assert_cmpuint (changes[2], ==, 50);
    g_assert_true (carnet_search_model_show_more (model));
    g_assert_cmpuint (changes[0], ==, 100);
    g_assert_cmpuint (changes[2], ==, 30);
    g_assert_false (carnet_search_model_show_more (model));
    g_signal_handlers_disconnect_by_func (model, record_change, changes);
  }
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 130);
  g_assert_cmpuint (carnet_search_model_get_n_read (model), ==, CARNET_SEARCH_MODEL_PAGE);
  for (guint i = 130; i > 0; i--)
    {
      g_autoptr(CarnetItem) item = g_list_model_get_item (G_LIST_MODEL (model), i - 1);
      g_autoptr(CarnetSearchHit) expected = g_list_model_get_item (whole, i - 1);
      CarnetSearchHit *hit = carnet_item_get_object (item);

      g_assert_cmpint (carnet_search_hit_get_id (hit), ==, carnet_search_hit_get_id (expected));
      /* The last page first: the one before it is not read with it. */
      if (i == 130)
        g_assert_cmpuint (carnet_search_model_get_n_read (model), ==, CARNET_SEARCH_MODEL_PAGE + 30);
    }
  g_assert_cmpuint (carnet_search_model_get_n_read (model), ==, 130);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (model), 130));

  /* At most CARNET_SEARCH_HITS_MAX, read as they are asked for. */
  g_clear_object (&model);
  model = carnet_search_model_new (fixture->notebook, "fatig", 60, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (carnet_search_model_get_n_hits (model), ==, 60);
  g_assert_true (carnet_search_model_show_more (model));
  g_assert_false (carnet_search_model_show_more (model));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 60);
  /* It knows how many match all the same. */
  g_assert_cmpuint (carnet_search_model_get_n_matches (model), ==, 130);

  page = show_page (fixture, carnet_search_page_new ());
  carnet_search_page_set_query (page, "fatig");
  drain ();
  g_assert_cmpstr (shown (page), ==, "list");
  n = carnet_search_page_get_n_hits (page);
  g_assert_cmpuint (n, ==, 130);
  /* The list shows a page; scrolled near its end, it lists the next. */
  g_assert_cmpuint (n_rows (page), ==, CARNET_SEARCH_MODEL_PAGE);
  {
    GtkAdjustment *adjustment = carnet_record_list_get_vadjustment (list_of (page));
    guint steps = 0;

    while (n_rows (page) < n && steps++ < 10)
      {
        gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment)
                                              - gtk_adjustment_get_page_size (adjustment));
        drain ();
      }
    g_assert_cmpuint (n_rows (page), ==, n);
    g_assert_cmpuint (steps, ==, 2);
  }
  for (guint i = 0; i < n; i++)
    {
      g_auto(CarnetRowText) text = { 0 };
      g_autoptr(CarnetSearchHit) expected = g_list_model_get_item (whole, i);

      describe (page, i, &text);
      g_assert_cmpint (text.kind, ==, CARNET_RECORD_SIDE_EFFECT);
      g_assert_cmpint (text.id, ==, carnet_search_hit_get_id (expected));
    }

  /* Narrowed to nothing, the page says so; back, the hits are there again. */
  carnet_search_page_set_query (page, "fatig xylophone");
  drain ();
  g_assert_cmpstr (shown (page), ==, "empty");
  carnet_search_page_set_query (page, "soir");
  drain ();
  g_assert_cmpstr (shown (page), ==, "list");
  g_assert_cmpuint (carnet_search_page_get_n_hits (page), ==, 65);
}

/* Adds @n side effects "Fatigue" in one transaction, the notes of one in ten
 * saying "réveil". */
static void
add_fatigue (Fixture *fixture,
             guint    n)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Paris");
  g_autoptr(GError) error = NULL;

  carnet_notebook_begin_write (fixture->notebook, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CarnetSideEffect) effect = carnet_side_effect_new ();
      g_autoptr(GDateTime) at = g_date_time_new (tz, 2020 + i % 6, 1 + i % 12, 1 + i % 28, 8, 0, 0);

      carnet_side_effect_set_symptom (effect, "Fatigue");
      carnet_side_effect_set_notes (effect, i % 10 == 0 ? "Dès le réveil" : "Le soir");
      carnet_side_effect_set_severity (effect, 1 + i % 3);
      carnet_side_effect_set_at (effect, at);
      carnet_notebook_add_in_transaction (fixture->notebook, CARNET_RECORD (effect), &error);
      g_assert_no_error (error);
    }
  carnet_notebook_commit (fixture->notebook, &error);
  g_assert_no_error (error);
}

/* Past CARNET_SEARCH_HITS_MAX hits, the page says it lists only some of
 * them, and how many match; below, it says nothing. */
static void
test_search_limit (Fixture       *fixture,
                   gconstpointer  user_data)
{
  CarnetSearchPage *page;
  GtkLabel *limit_label;

  G_STATIC_ASSERT (CARNET_SEARCH_HITS_MAX == 500);

  add_fatigue (fixture, 530);
  page = show_page (fixture, carnet_search_page_new ());
  limit_label = find_child (GTK_WIDGET (page), "limit_label");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (limit_label)));

  carnet_search_page_set_query (page, "fatig");
  drain ();
  g_assert_cmpstr (shown (page), ==, "list");
  g_assert_cmpuint (carnet_search_page_get_n_hits (page), ==, 500);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (limit_label)));
  g_assert_cmpstr (gtk_label_get_label (limit_label), ==,
                   "Only 500 of the 530 matching entries are listed. Add a word to narrow the search.");
  /* Under the line, the list fills the rest of the 800 px window. */
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (list_of (page))), >, 700);
  /* The list reads the hits around those it shows, not all 500. */
  g_assert_cmpuint (carnet_search_model_get_n_read (CARNET_SEARCH_MODEL (carnet_record_list_get_model (list_of (page)))),
                    <, CARNET_SEARCH_HITS_MAX);

  /* Narrowed to 53, all are listed. */
  carnet_search_page_set_query (page, "fatig reveil");
  drain ();
  g_assert_cmpuint (carnet_search_page_get_n_hits (page), ==, 53);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (limit_label)));

  /* Matches are counted up to CARNET_SEARCH_COUNT_MAX. */
  add_fatigue (fixture, 500);
  carnet_search_page_set_query (page, "fatigue");
  drain ();
  g_assert_cmpuint (carnet_search_page_get_n_hits (page), ==, 500);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (limit_label)));
  g_assert_cmpstr (gtk_label_get_label (limit_label), ==,
                   "Only 500 of 1000 or more matching entries are listed. Add a word to narrow the search.");

  /* Nothing found: the empty page, and no word of a limit when back. */
  carnet_search_page_set_query (page, "xylophone");
  drain ();
  g_assert_cmpstr (shown (page), ==, "empty");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (limit_label)));
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
  paris = g_time_zone_new_identifier ("Europe/Paris");

#define ADD(path, func) \
  g_test_add ((path), Fixture, NULL, fixture_set_up, (func), fixture_tear_down)

  ADD ("/gui/pages/upcoming", test_upcoming);
  ADD ("/gui/pages/upcoming-questions", test_upcoming_questions);
  ADD ("/gui/pages/upcoming-later", test_upcoming_later);
  ADD ("/gui/pages/upcoming-first-screen", test_upcoming_first_screen);
  ADD ("/gui/pages/upcoming-empty", test_upcoming_empty);
  ADD ("/gui/pages/journal", test_journal);
  ADD ("/gui/pages/journal-empty", test_journal_empty);
  ADD ("/gui/pages/keeps-items", test_keeps_items);
  ADD ("/gui/pages/hidden-page-waits", test_hidden_page_waits);
  ADD ("/gui/pages/side-effects", test_side_effects);
  ADD ("/gui/pages/treatments", test_treatments);
  ADD ("/gui/pages/trash", test_trash);
  ADD ("/gui/pages/search", test_search);
  ADD ("/gui/pages/search-in-parts", test_search_in_parts);
  ADD ("/gui/pages/search-limit", test_search_limit);

#undef ADD

  return g_test_run ();
}
