/* test-questions-page.c: the Questions page on temporary notebooks
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "carnet-test"

#include "config.h"

#include <adwaita.h>
#include <locale.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "carnet.h"
#include "carnet-questions-page.h"

/* The narrowest window GNOME asks apps to support. */
#define NARROWEST 360

typedef struct
{
  char                *dir;
  CarnetClock         *clock;
  CarnetNotebook      *notebook;
  GtkWindow           *window;
  CarnetQuestionsPage *page;
  /* What the "record" actions were asked: "answer 3"… */
  GPtrArray           *activated;

  /* The consultations of fill_notebook(), and its questions. */
  gint64               next_id;
  gint64               later_id;
  gint64               past_id;
  gint64               q_any;
  gint64               q_first;
  gint64               q_second;
  gint64               q_answered;
} Fixture;

static void
drain (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
on_tick_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

/* Lets frames go by until the scrolled content has its size. */
static void
wait_for_layout (GtkAdjustment *adjustment)
{
  gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  guint tick = g_timeout_add (10, on_tick_cb, NULL);

  while (gtk_adjustment_get_upper (adjustment) <= gtk_adjustment_get_page_size (adjustment) &&
         g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (tick);
}

/* What pressing @keyval with @modifiers in @widget does, through its
 * shortcut controllers. */
static gboolean
press_shortcut (GtkWidget       *widget,
                guint            keyval,
                GdkModifierType  modifiers)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger) &&
              gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == modifiers)
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget,
                                                 gtk_shortcut_get_arguments (shortcut));
        }
    }

  return FALSE;
}

static void
on_record_action_cb (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  Fixture *fixture = user_data;
  g_autofree char *value = g_variant_print (parameter, FALSE);

  g_ptr_array_add (fixture->activated,
                   g_strdup_printf ("%s %s", g_action_get_name (G_ACTION (action)), value));
}

/* The window's "record" actions, as the editors' owner installs them. */
static GSimpleActionGroup *
new_record_actions (Fixture *fixture)
{
  const GActionEntry entries[] = {
    { "add", on_record_action_cb, "s", NULL, NULL, { 0 } },
    { "edit", on_record_action_cb, "(sx)", NULL, NULL, { 0 } },
    { "delete", on_record_action_cb, "(sx)", NULL, NULL, { 0 } },
    { "answer", on_record_action_cb, "x", NULL, NULL, { 0 } },
  };
  GSimpleActionGroup *group = g_simple_action_group_new ();

  g_action_map_add_action_entries (G_ACTION_MAP (group), entries, G_N_ELEMENTS (entries), fixture);
  return group;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Paris");
  g_autoptr(GDateTime) now = g_date_time_new (tz, 2026, 11, 28, 10, 0, 0);
  g_autofree char *path = NULL;

  fixture->dir = g_dir_make_tmp ("carnet-questions-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "notebook.carnet", NULL);
  fixture->clock = carnet_clock_new_fixed (now);
  fixture->notebook = carnet_notebook_open (path, CARNET_OPEN_FLAGS_CREATE, fixture->clock, &error);
  g_assert_no_error (error);
  fixture->activated = g_ptr_array_new_with_free_func (g_free);
}

static void
show_page (Fixture *fixture,
           int      width,
           int      height)
{
  g_autoptr(GSimpleActionGroup) actions = new_record_actions (fixture);
  GtkWidget *overlay;

  fixture->window = g_object_ref_sink (GTK_WINDOW (gtk_window_new ()));
  gtk_widget_insert_action_group (GTK_WIDGET (fixture->window), "record", G_ACTION_GROUP (actions));
  gtk_window_set_default_size (fixture->window, width, height);
  fixture->page = CARNET_QUESTIONS_PAGE (carnet_questions_page_new ());
  carnet_page_set_notebook (CARNET_PAGE (fixture->page), fixture->notebook);
  overlay = adw_toast_overlay_new ();
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), GTK_WIDGET (fixture->page));
  gtk_window_set_child (fixture->window, overlay);
  gtk_window_present (fixture->window);
  drain ();
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
  if (fixture->window != NULL)
    {
      gtk_window_destroy (fixture->window);
      drain ();
      g_assert_finalize_object (fixture->window);
    }
  carnet_notebook_close (fixture->notebook);
  g_clear_object (&fixture->notebook);
  g_clear_object (&fixture->clock);
  g_clear_pointer (&fixture->activated, g_ptr_array_unref);
  remove_dir (fixture->dir);
  g_free (fixture->dir);
}

static gint64
add_consultation (Fixture      *fixture,
                  const char   *title,
                  int           days,
                  CarnetStatus  status)
{
  g_autoptr(CarnetAppointment) appointment = carnet_appointment_new ();
  g_autoptr(GDateTime) now = carnet_clock_get_now (fixture->clock);
  g_autoptr(GDateTime) start = g_date_time_add_days (now, days);
  g_autoptr(GError) error = NULL;

  carnet_appointment_set_title (appointment, title);
  carnet_appointment_set_kind (appointment, CARNET_APPOINTMENT_CONSULTATION);
  carnet_appointment_set_start (appointment, start);
  carnet_appointment_set_duration (appointment, 30);
  carnet_appointment_set_status (appointment, status);
  carnet_appointment_set_reminders (appointment, "", &error);
  g_assert_no_error (error);
  carnet_notebook_add (fixture->notebook, CARNET_RECORD (appointment), &error);
  g_assert_no_error (error);

  return carnet_record_get_id (CARNET_RECORD (appointment));
}

static gint64
add_question (Fixture      *fixture,
              const char   *text,
              gint64        appointment_id,
              CarnetAuthor  author,
              const char   *answer)
{
  g_autoptr(CarnetQuestion) question = carnet_question_new ();
  g_autoptr(GError) error = NULL;

  carnet_question_set_text (question, text);
  carnet_question_set_appointment_id (question, appointment_id);
  carnet_question_set_author (question, author);
  if (answer != NULL)
    {
      carnet_question_set_answer (question, answer);
      carnet_question_set_status (question, CARNET_QUESTION_ANSWERED);
    }
  carnet_notebook_add (fixture->notebook, CARNET_RECORD (question), &error);
  g_assert_no_error (error);

  return carnet_record_get_id (CARNET_RECORD (question));
}

/* A consultation in two weeks with two questions, one in two months with
 * none, one a month ago with its answer, and one for whichever comes next. */
static void
fill_notebook (Fixture *fixture)
{
  fixture->next_id = add_consultation (fixture, "Oncology consultation", 16, CARNET_STATUS_PLANNED);
  fixture->later_id = add_consultation (fixture, "Six-month check-up", 60, CARNET_STATUS_PLANNED);
  fixture->past_id = add_consultation (fixture, "Surgeon follow-up", -30, CARNET_STATUS_DONE);

  fixture->q_first = add_question (fixture, "Can I go back to swimming?", fixture->next_id,
                                   CARNET_AUTHOR_PATIENT, NULL);
  fixture->q_second = add_question (fixture, "How long will the tingling last?", fixture->next_id,
                                    CARNET_AUTHOR_CAREGIVER, NULL);
  fixture->q_answered = add_question (fixture, "When can I drive again?", fixture->past_id,
                                      CARNET_AUTHOR_PATIENT, "In two weeks.");
  fixture->q_any = add_question (fixture, "Is the fatigue expected?", 0,
                                 CARNET_AUTHOR_CAREGIVER, NULL);
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

static void
collect (GtkWidget  *widget,
         GType       type,
         const char *css_class,
         GPtrArray  *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) &&
      (css_class == NULL || gtk_widget_has_css_class (widget, css_class)))
    g_ptr_array_add (found, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect (child, type, css_class, found);
}

static gpointer
find_one (GtkWidget  *widget,
          GType       type,
          const char *css_class)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect (widget, type, css_class, found);
  return found->len > 0 ? found->pdata[0] : NULL;
}

static const char *
visible_child (Fixture *fixture)
{
  GtkStack *stack = find_child (GTK_WIDGET (fixture->page), "stack");

  return gtk_stack_get_visible_child_name (stack);
}

/* The groups, in the page's order. */
static GPtrArray *
list_groups (Fixture *fixture)
{
  GtkWidget *box = find_child (GTK_WIDGET (fixture->page), "groups_box");
  GPtrArray *groups = g_ptr_array_new ();

  for (GtkWidget *child = gtk_widget_get_first_child (box);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (ADW_IS_PREFERENCES_GROUP (child) && gtk_widget_get_visible (child))
        g_ptr_array_add (groups, child);
    }

  return groups;
}

static const char *
group_title (gpointer group)
{
  return adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (group));
}

static const char *
group_description (gpointer group)
{
  return adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (group));
}

/* A group's question rows, in their order on screen. */
static GPtrArray *
rows_of (gpointer group)
{
  GtkListBox *list = find_one (group, GTK_TYPE_LIST_BOX, "carnet-questions");
  GPtrArray *rows = g_ptr_array_new ();
  GtkListBoxRow *row;

  for (guint i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    {
      if (gtk_widget_has_css_class (GTK_WIDGET (row), "carnet-question"))
        g_ptr_array_add (rows, row);
    }

  return rows;
}

static const char *
question_text (gpointer row)
{
  return gtk_label_get_text (find_one (row, GTK_TYPE_LABEL, "carnet-question-text"));
}

static char *
texts_of (gpointer group)
{
  g_autoptr(GPtrArray) rows = rows_of (group);
  g_autoptr(GString) texts = g_string_new (NULL);

  for (guint i = 0; i < rows->len; i++)
    g_string_append_printf (texts, "%s%s", i > 0 ? " | " : "", question_text (rows->pdata[i]));

  return g_string_free (g_steal_pointer (&texts), FALSE);
}

static gpointer
find_row (Fixture    *fixture,
          const char *text)
{
  g_autoptr(GPtrArray) groups = list_groups (fixture);

  for (guint i = 0; i < groups->len; i++)
    {
      g_autoptr(GPtrArray) rows = rows_of (groups->pdata[i]);

      for (guint j = 0; j < rows->len; j++)
        {
          if (g_strcmp0 (question_text (rows->pdata[j]), text) == 0)
            return rows->pdata[j];
        }
    }

  return NULL;
}

static GtkButton *
find_button_by_tooltip (GtkWidget  *widget,
                        const char *tooltip)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  collect (widget, GTK_TYPE_BUTTON, NULL, buttons);
  for (guint i = 0; i < buttons->len; i++)
    {
      if (g_strcmp0 (gtk_widget_get_tooltip_text (buttons->pdata[i]), tooltip) == 0)
        return buttons->pdata[i];
    }

  return NULL;
}

static GtkButton *
find_action_button (GtkWidget  *widget,
                    const char *action_name)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  collect (widget, GTK_TYPE_BUTTON, NULL, buttons);
  for (guint i = 0; i < buttons->len; i++)
    {
      if (g_strcmp0 (gtk_actionable_get_action_name (buttons->pdata[i]), action_name) == 0)
        return buttons->pdata[i];
    }

  return NULL;
}

static void
click (GtkButton *button)
{
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (button)));
  g_signal_emit_by_name (button, "clicked");
  drain ();
}

static CarnetQuestion *
get_question (Fixture *fixture,
              gint64   id)
{
  g_autoptr(GError) error = NULL;
  CarnetRecord *record;

  record = carnet_notebook_get (fixture->notebook, CARNET_RECORD_QUESTION, id, &error);
  g_assert_no_error (error);
  return CARNET_QUESTION (record);
}

/* Types @text in @entry and presses Enter. */
static void
type_and_enter (AdwEntryRow *entry,
                const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_signal_emit_by_name (entry, "entry-activated");
  drain ();
}

static void
test_empty (Fixture       *fixture,
            gconstpointer  user_data)
{
  g_autoptr(GListModel) questions = NULL;
  g_autoptr(CarnetQuestion) question = NULL;
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GError) error = NULL;
  AdwStatusPage *empty_page;
  AdwEntryRow *entry;
  AdwEntryRow *next_entry;

  show_page (fixture, 800, 600);
  g_assert_cmpstr (visible_child (fixture), ==, "empty");
  empty_page = find_child (GTK_WIDGET (fixture->page), "empty_page");
  g_assert_cmpstr (adw_status_page_get_title (empty_page), ==, "No Questions");

  /* The full editor is a click away… */
  click (find_action_button (GTK_WIDGET (empty_page), "record.add"));
  g_assert_cmpstr (fixture->activated->pdata[0], ==, "add 'question'");

  /* …but a question is written down in seconds, for the next consultation. */
  entry = find_child (GTK_WIDGET (fixture->page), "empty_entry");
  type_and_enter (entry, "  Is the fatigue expected?  ");

  questions = carnet_notebook_list (fixture->notebook, CARNET_RECORD_QUESTION, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (questions), ==, 1);
  question = g_list_model_get_item (questions, 0);
  g_assert_cmpstr (carnet_question_get_text (question), ==, "Is the fatigue expected?");
  g_assert_cmpint (carnet_question_get_appointment_id (question), ==, 0);
  g_assert_cmpint (carnet_question_get_author (question), ==, CARNET_AUTHOR_PATIENT);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");

  /* The page now shows the group, and the next question goes on from there. */
  g_assert_cmpstr (visible_child (fixture), ==, "questions");
  groups = list_groups (fixture);
  g_assert_cmpuint (groups->len, ==, 1);
  g_assert_cmpstr (group_title (groups->pdata[0]), ==, "Next Consultation");
  g_assert_cmpstr (group_description (groups->pdata[0]), ==,
                   "No consultation is planned yet: these questions will go to the next one.");
  next_entry = find_one (groups->pdata[0], ADW_TYPE_ENTRY_ROW, NULL);
  g_assert_true (gtk_widget_is_ancestor (gtk_window_get_focus (fixture->window), GTK_WIDGET (next_entry)));
}

static void
test_groups (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *texts = NULL;
  GtkWidget *past_heading;
  GtkLabel *meta;

  fill_notebook (fixture);
  show_page (fixture, 800, 600);
  g_assert_cmpstr (visible_child (fixture), ==, "questions");

  /* The next consultation, then the planned ones, then the past ones. */
  groups = list_groups (fixture);
  g_assert_cmpuint (groups->len, ==, 4);
  g_assert_cmpstr (group_title (groups->pdata[0]), ==, "Next Consultation");
  g_assert_cmpstr (group_description (groups->pdata[0]), ==,
                   "Monday, December 14 at 10:00 · Oncology consultation");
  g_assert_cmpstr (group_title (groups->pdata[1]), ==, "Oncology consultation");
  g_assert_cmpstr (group_description (groups->pdata[1]), ==,
                   "Monday, December 14 at 10:00 · Next consultation");
  g_assert_cmpstr (group_title (groups->pdata[2]), ==, "Six-month check-up");
  g_assert_cmpstr (group_description (groups->pdata[2]), ==, "January 27, 2027 at 10:00");
  g_assert_cmpstr (group_title (groups->pdata[3]), ==, "Surgeon follow-up");
  g_assert_cmpstr (group_description (groups->pdata[3]), ==, "Thursday, October 29 · Done");

  /* Past ones under a heading of their own. */
  past_heading = find_child (GTK_WIDGET (fixture->page), "past_heading");
  g_assert_true (gtk_widget_get_visible (past_heading));
  g_assert_true (gtk_widget_get_next_sibling (past_heading) == groups->pdata[3]);

  texts = texts_of (groups->pdata[0]);
  g_assert_cmpstr (texts, ==, "Is the fatigue expected?");
  g_clear_pointer (&texts, g_free);
  texts = texts_of (groups->pdata[1]);
  g_assert_cmpstr (texts, ==, "Can I go back to swimming? | How long will the tingling last?");
  g_clear_pointer (&texts, g_free);
  texts = texts_of (groups->pdata[2]);
  g_assert_cmpstr (texts, ==, "");

  /* Who wrote it, and when; the answer when there is one. */
  rows = rows_of (groups->pdata[1]);
  meta = find_one (rows->pdata[1], GTK_TYPE_LABEL, "caption");
  g_assert_cmpstr (gtk_label_get_text (meta), ==, "Caregiver · Today");
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = rows_of (groups->pdata[3]);
  g_assert_cmpstr (gtk_label_get_text (find_one (rows->pdata[0], GTK_TYPE_LABEL, "carnet-answer")), ==,
                   "Answer: In two weeks.");

  /* Nothing more is jotted down for a consultation that is over. */
  g_assert_true (gtk_widget_get_visible (find_one (groups->pdata[2], ADW_TYPE_ENTRY_ROW, NULL)));
  g_assert_false (gtk_widget_get_visible (find_one (groups->pdata[3], ADW_TYPE_ENTRY_ROW, NULL)));
}

static void
test_next_not_twice (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GError) error = NULL;
  AdwEntryRow *entry;

  fill_notebook (fixture);
  carnet_notebook_trash (fixture->notebook, CARNET_RECORD_QUESTION, fixture->q_any, &error);
  g_assert_no_error (error);
  show_page (fixture, 800, 600);

  /* Nothing for "the next consultation" but questions for it by name: one
   * group for it, not two. */
  groups = list_groups (fixture);
  g_assert_cmpuint (groups->len, ==, 3);
  g_assert_cmpstr (group_title (groups->pdata[0]), ==, "Oncology consultation");
  g_assert_cmpstr (group_description (groups->pdata[0]), ==,
                   "Monday, December 14 at 10:00 · Next consultation");
  g_clear_pointer (&groups, g_ptr_array_unref);

  /* Without questions of its own, the next consultation is that group. */
  carnet_notebook_trash (fixture->notebook, CARNET_RECORD_QUESTION, fixture->q_first, &error);
  g_assert_no_error (error);
  carnet_notebook_trash (fixture->notebook, CARNET_RECORD_QUESTION, fixture->q_second, &error);
  g_assert_no_error (error);
  drain ();
  groups = list_groups (fixture);
  g_assert_cmpuint (groups->len, ==, 3);
  g_assert_cmpstr (group_title (groups->pdata[0]), ==, "Next Consultation");
  g_assert_cmpstr (group_title (groups->pdata[1]), ==, "Six-month check-up");

  /* Someone writing there keeps it, whatever comes in meanwhile. */
  entry = find_one (groups->pdata[0], ADW_TYPE_ENTRY_ROW, NULL);
  gtk_editable_set_text (GTK_EDITABLE (entry), "Half a thought");
  add_question (fixture, "From the command line", fixture->next_id, CARNET_AUTHOR_PATIENT, NULL);
  drain ();
  g_clear_pointer (&groups, g_ptr_array_unref);
  groups = list_groups (fixture);
  g_assert_cmpstr (group_title (groups->pdata[0]), ==, "Next Consultation");
  g_assert_true (find_one (groups->pdata[0], ADW_TYPE_ENTRY_ROW, NULL) == entry);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "Half a thought");
  g_assert_cmpstr (group_title (groups->pdata[1]), ==, "Oncology consultation");
}

static void
test_tick_asked (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(CarnetQuestion) question = NULL;
  GtkWidget *row;
  GtkCheckButton *asked;

  fill_notebook (fixture);
  show_page (fixture, 800, 600);

  /* Ticked at the consultation: asked, in the notebook. */
  row = find_row (fixture, "Can I go back to swimming?");
  asked = find_one (row, GTK_TYPE_CHECK_BUTTON, NULL);
  g_assert_cmpstr (gtk_check_button_get_label (asked), ==, "Asked");
  g_assert_false (gtk_check_button_get_active (asked));
  gtk_check_button_set_active (asked, TRUE);
  drain ();
  question = get_question (fixture, fixture->q_first);
  g_assert_cmpint (carnet_question_get_status (question), ==, CARNET_QUESTION_ASKED);
  g_clear_object (&question);

  /* The same row, still ticked. */
  g_assert_true (find_row (fixture, "Can I go back to swimming?") == row);
  g_assert_true (gtk_check_button_get_active (asked));

  /* Unticked: open again. */
  gtk_check_button_set_active (asked, FALSE);
  drain ();
  question = get_question (fixture, fixture->q_first);
  g_assert_cmpint (carnet_question_get_status (question), ==, CARNET_QUESTION_OPEN);
  g_clear_object (&question);

  /* By the page's action, as a shortcut or a script would. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "questions.set-asked",
                                             "(xb)", fixture->q_second, TRUE));
  drain ();
  question = get_question (fixture, fixture->q_second);
  g_assert_cmpint (carnet_question_get_status (question), ==, CARNET_QUESTION_ASKED);
  g_assert_true (gtk_check_button_get_active (find_one (find_row (fixture, "How long will the tingling last?"),
                                                        GTK_TYPE_CHECK_BUTTON, NULL)));
  g_clear_object (&question);

  /* An answered question was asked, and stays so. */
  row = find_row (fixture, "When can I drive again?");
  asked = find_one (row, GTK_TYPE_CHECK_BUTTON, NULL);
  g_assert_true (gtk_check_button_get_active (asked));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (asked)));
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "questions.set-asked",
                              "(xb)", fixture->q_answered, FALSE);
  drain ();
  question = get_question (fixture, fixture->q_answered);
  g_assert_cmpint (carnet_question_get_status (question), ==, CARNET_QUESTION_ANSWERED);
  g_assert_cmpstr (carnet_question_get_answer (question), ==, "In two weeks.");
}

static void
test_move (Fixture       *fixture,
           gconstpointer  user_data)
{
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(CarnetQuestion) first = NULL;
  g_autoptr(CarnetQuestion) second = NULL;
  g_autofree char *texts = NULL;
  GtkWidget *swimming;
  GtkWidget *tingling;

  fill_notebook (fixture);
  show_page (fixture, 800, 600);
  groups = list_groups (fixture);
  swimming = find_row (fixture, "Can I go back to swimming?");
  tingling = find_row (fixture, "How long will the tingling last?");

  /* The first cannot go up, the last cannot go down. */
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (find_button_by_tooltip (swimming, "Move Up"))));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (find_button_by_tooltip (tingling, "Move Down"))));

  /* Move down, as a keyboard user would, with the button. */
  click (find_button_by_tooltip (swimming, "Move Down"));
  first = get_question (fixture, fixture->q_first);
  second = get_question (fixture, fixture->q_second);
  g_assert_cmpuint (carnet_question_get_position (second), ==, 1);
  g_assert_cmpuint (carnet_question_get_position (first), ==, 2);
  texts = texts_of (groups->pdata[1]);
  g_assert_cmpstr (texts, ==, "How long will the tingling last? | Can I go back to swimming?");
  g_clear_pointer (&texts, g_free);

  /* The same rows, moved, with the buttons that fit their new place. */
  g_assert_true (find_row (fixture, "Can I go back to swimming?") == swimming);
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (find_button_by_tooltip (swimming, "Move Up"))));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (find_button_by_tooltip (swimming, "Move Down"))));

  /* And back up, by the page's action. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "questions.move-up",
                                             "x", fixture->q_first));
  drain ();
  texts = texts_of (groups->pdata[1]);
  g_assert_cmpstr (texts, ==, "Can I go back to swimming? | How long will the tingling last?");
  g_clear_object (&first);
  first = get_question (fixture, fixture->q_first);
  g_assert_cmpuint (carnet_question_get_position (first), ==, 1);

  /* Already first: nothing moves. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "questions.move-up", "x", fixture->q_first);
  drain ();
  g_clear_object (&first);
  first = get_question (fixture, fixture->q_first);
  g_assert_cmpuint (carnet_question_get_position (first), ==, 1);

  /* Alt+Down and Alt+Up in a question move it too. */
  g_assert_true (press_shortcut (swimming, GDK_KEY_Down, GDK_ALT_MASK));
  drain ();
  g_clear_pointer (&texts, g_free);
  texts = texts_of (groups->pdata[1]);
  g_assert_cmpstr (texts, ==, "How long will the tingling last? | Can I go back to swimming?");
  g_assert_true (press_shortcut (swimming, GDK_KEY_Up, GDK_ALT_MASK));
  drain ();
  g_clear_pointer (&texts, g_free);
  texts = texts_of (groups->pdata[1]);
  g_assert_cmpstr (texts, ==, "Can I go back to swimming? | How long will the tingling last?");

  /* A lone question has nothing to move past. */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (find_button_by_tooltip (find_row (fixture, "Is the fatigue expected?"),
                                                                              "Move Up"))));
}

static void
test_quick_add (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GListModel) questions = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *texts = NULL;
  AdwEntryRow *entry;
  guint before;

  fill_notebook (fixture);
  show_page (fixture, 800, 600);
  groups = list_groups (fixture);

  /* Enter adds it to that consultation, at the end, and empties the entry. */
  entry = find_one (groups->pdata[2], ADW_TYPE_ENTRY_ROW, NULL);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (entry)), ==,
                   "Add a question for this consultation");
  type_and_enter (entry, "Should I have a bone density scan?");
  texts = texts_of (groups->pdata[2]);
  g_assert_cmpstr (texts, ==, "Should I have a bone density scan?");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  g_clear_pointer (&texts, g_free);

  entry = find_one (groups->pdata[0], ADW_TYPE_ENTRY_ROW, NULL);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (entry)), ==,
                   "Add a question for the next consultation");
  type_and_enter (entry, "What about the flu vaccine?");
  texts = texts_of (groups->pdata[0]);
  g_assert_cmpstr (texts, ==, "Is the fatigue expected? | What about the flu vaccine?");

  questions = carnet_notebook_list (fixture->notebook, CARNET_RECORD_QUESTION, NULL, NULL, &error);
  g_assert_no_error (error);
  before = g_list_model_get_n_items (questions);
  for (guint i = 0; i < before; i++)
    {
      g_autoptr(CarnetQuestion) question = g_list_model_get_item (questions, i);

      if (g_str_equal (carnet_question_get_text (question), "Should I have a bone density scan?"))
        g_assert_cmpint (carnet_question_get_appointment_id (question), ==, fixture->later_id);
      if (g_str_equal (carnet_question_get_text (question), "What about the flu vaccine?"))
        g_assert_cmpint (carnet_question_get_appointment_id (question), ==, 0);
    }
  g_clear_object (&questions);

  /* Blank: nothing. */
  type_and_enter (entry, "   ");
  questions = carnet_notebook_list (fixture->notebook, CARNET_RECORD_QUESTION, NULL, NULL, &error);
  g_assert_cmpuint (g_list_model_get_n_items (questions), ==, before);
}

static void
test_refused (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autoptr(GPtrArray) groups = NULL;
  g_autofree char *too_long = g_strnfill (CARNET_TEXT_MAX_CHARS + 1, 'a');
  AdwEntryRow *entry;

  fill_notebook (fixture);
  show_page (fixture, 800, 600);
  groups = list_groups (fixture);
  entry = find_one (groups->pdata[1], ADW_TYPE_ENTRY_ROW, NULL);

  /* The core's message on the entry, and what was typed kept. */
  type_and_enter (entry, too_long);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, too_long);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (entry), "error"));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (entry)), !=,
                   "Add a question for this consultation");

  /* Typing on clears it. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "Shorter");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (entry), "error"));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (entry)), ==,
                   "Add a question for this consultation");
}

static void
test_keeps_typing (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GPtrArray) after = NULL;
  GtkAdjustment *adjustment;
  GtkWidget *focus;
  AdwEntryRow *entry;

  fill_notebook (fixture);
  show_page (fixture, 600, 300);
  groups = list_groups (fixture);
  entry = find_one (groups->pdata[1], ADW_TYPE_ENTRY_ROW, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (entry));
  adjustment = gtk_scrolled_window_get_vadjustment (find_child (GTK_WIDGET (fixture->page),
                                                                "questions_scrolled"));
  wait_for_layout (adjustment);
  gtk_adjustment_set_value (adjustment, 150);
  gtk_editable_set_text (GTK_EDITABLE (entry), "Half a thought");
  focus = gtk_window_get_focus (fixture->window);
  g_assert_true (gtk_widget_is_ancestor (focus, GTK_WIDGET (entry)));

  /* Someone else adds a question (carnet-cli, the caregiver's window). */
  add_question (fixture, "Another one", fixture->next_id, CARNET_AUTHOR_CAREGIVER, NULL);
  drain ();

  /* Where the person was typing, the same entry, the same words, the focus,
   * the same place on the page. */
  after = list_groups (fixture);
  g_assert_true (after->pdata[1] == groups->pdata[1]);
  g_assert_true (find_one (after->pdata[1], ADW_TYPE_ENTRY_ROW, NULL) == entry);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "Half a thought");
  g_assert_true (gtk_window_get_focus (fixture->window) == focus);
  g_assert_nonnull (find_row (fixture, "Another one"));
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 150);
}

static void
test_carry_forward (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) start = NULL;
  g_autofree char *texts = NULL;
  GtkWidget *swimming;

  fill_notebook (fixture);
  show_page (fixture, 800, 600);
  swimming = find_row (fixture, "Can I go back to swimming?");

  /* Asked one, not the other; then the consultation is done. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "questions.set-asked",
                              "(xb)", fixture->q_first, TRUE);
  now = carnet_clock_get_now (fixture->clock);
  start = g_date_time_add_days (now, 16);
  carnet_notebook_set_occurrence_status (fixture->notebook, fixture->next_id, start,
                                         CARNET_STATUS_DONE, &error);
  g_assert_no_error (error);
  drain ();

  /* The one not asked goes to the next consultation; the asked one stays
   * with the consultation, now past. */
  groups = list_groups (fixture);
  g_assert_cmpuint (groups->len, ==, 4);
  g_assert_cmpstr (group_title (groups->pdata[0]), ==, "Next Consultation");
  g_assert_cmpstr (group_description (groups->pdata[0]), ==,
                   "January 27, 2027 at 10:00 · Six-month check-up");
  g_assert_cmpstr (group_title (groups->pdata[1]), ==, "Six-month check-up");
  g_assert_cmpstr (group_description (groups->pdata[1]), ==,
                   "January 27, 2027 at 10:00 · Next consultation");
  texts = texts_of (groups->pdata[1]);
  g_assert_cmpstr (texts, ==, "How long will the tingling last?");
  g_clear_pointer (&texts, g_free);
  g_assert_cmpstr (group_title (groups->pdata[2]), ==, "Oncology consultation");
  g_assert_cmpstr (group_description (groups->pdata[2]), ==, "Monday, December 14 · Done");
  texts = texts_of (groups->pdata[2]);
  g_assert_cmpstr (texts, ==, "Can I go back to swimming?");
  g_assert_true (find_row (fixture, "Can I go back to swimming?") == swimming);
  g_assert_cmpstr (group_title (groups->pdata[3]), ==, "Surgeon follow-up");
}

static void
test_answer_and_menu (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autofree char *expected = NULL;
  GtkWidget *row;
  GtkMenuButton *more;
  GMenuModel *menu;
  g_autoptr(GVariant) target = NULL;
  g_autofree char *action = NULL;
  g_autofree char *printed = NULL;

  fill_notebook (fixture);
  show_page (fixture, 800, 600);

  /* "Answer…" asks the window for its dialog. */
  row = find_row (fixture, "How long will the tingling last?");
  click (find_action_button (row, "record.answer"));
  expected = g_strdup_printf ("answer %" G_GINT64_FORMAT, fixture->q_second);
  g_assert_cmpstr (fixture->activated->pdata[0], ==, expected);
  g_clear_pointer (&expected, g_free);

  /* An answered one offers to change its answer. */
  row = find_row (fixture, "When can I drive again?");
  g_assert_cmpstr (gtk_label_get_text (find_one (GTK_WIDGET (find_action_button (row, "record.answer")),
                                                 GTK_TYPE_LABEL, NULL)), ==, "Edit Answer…");

  /* Its menu edits and deletes it. */
  more = find_one (row, GTK_TYPE_MENU_BUTTON, NULL);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (more)), ==, "More");
  menu = gtk_menu_button_get_menu_model (more);
  g_assert_cmpint (g_menu_model_get_n_items (menu), ==, 2);
  g_menu_model_get_item_attribute (menu, 0, G_MENU_ATTRIBUTE_ACTION, "s", &action);
  target = g_menu_model_get_item_attribute_value (menu, 0, G_MENU_ATTRIBUTE_TARGET, NULL);
  g_assert_cmpstr (action, ==, "record.edit");
  expected = g_strdup_printf ("('question', %" G_GINT64_FORMAT ")", fixture->q_answered);
  printed = g_variant_print (target, FALSE);
  g_assert_cmpstr (printed, ==, expected);
}

static void
test_show_record (Fixture       *fixture,
                  gconstpointer  user_data)
{
  GtkWidget *row;

  fill_notebook (fixture);
  show_page (fixture, 800, 600);

  row = find_row (fixture, "When can I drive again?");
  g_assert_true (carnet_page_show_record (CARNET_PAGE (fixture->page), CARNET_RECORD_QUESTION,
                                          fixture->q_answered));
  g_assert_true (gtk_window_get_focus (fixture->window) == row);
  g_assert_false (carnet_page_show_record (CARNET_PAGE (fixture->page), CARNET_RECORD_QUESTION, 9999));
  g_assert_false (carnet_page_show_record (CARNET_PAGE (fixture->page), CARNET_RECORD_RESULT,
                                           fixture->q_answered));
}

static int
page_min_width (Fixture *fixture)
{
  int min = 0;

  gtk_widget_measure (GTK_WIDGET (fixture->page), GTK_ORIENTATION_HORIZONTAL, -1,
                      &min, NULL, NULL, NULL);
  return min;
}

static void
check_fits_narrow_window (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  show_page (fixture, NARROWEST, 700);
  g_assert_cmpint (page_min_width (fixture), <=, NARROWEST);

  carnet_demo_populate (fixture->notebook, &error);
  g_assert_no_error (error);
  fill_notebook (fixture);
  add_question (fixture, "Pneumonoultramicroscopicsilicovolcanoconiosis?", fixture->later_id,
                CARNET_AUTHOR_CAREGIVER, "Antidisestablishmentarianism.");
  drain ();

  g_assert_cmpint (page_min_width (fixture), <=, NARROWEST);
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
  g_assert_cmpstr (C_("question status", "Asked"), ==, "Posée");

  check_fits_narrow_window (fixture);

  textdomain ("messages");
  setlocale (LC_ALL, saved);
}

/* Years of answered questions: the page reads the open ones and the latest
 * past consultations', and shows earlier ones on demand. (Widgets for every
 * question would make a big notebook's page slow to build, not only to read.) */
static void
test_many_answered (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(GPtrArray) groups = NULL;
  GtkWidget *earlier;
  gint64 oldest_id;
  gint64 next_id;

  oldest_id = add_consultation (fixture, "First consultation", -900, CARNET_STATUS_DONE);
  add_question (fixture, "Still open?", oldest_id, CARNET_AUTHOR_PATIENT, NULL);
  next_id = add_consultation (fixture, "Oncology consultation", 16, CARNET_STATUS_PLANNED);
  add_question (fixture, "Can I go back to swimming?", next_id, CARNET_AUTHOR_PATIENT, NULL);

  for (guint i = 0; i < 25; i++)
    {
      g_autofree char *title = g_strdup_printf ("Consultation %u", i);
      gint64 id = add_consultation (fixture, title, -800 + 30 * (int) i, CARNET_STATUS_DONE);

      for (guint j = 0; j < 4; j++)
        {
          g_autofree char *text = g_strdup_printf ("Question %u.%u", i, j);

          add_question (fixture, text, id, CARNET_AUTHOR_PATIENT, "Answered.");
        }
    }
  show_page (fixture, 800, 600);
  earlier = find_child (GTK_WIDGET (fixture->page), "earlier_button");

  /* The next consultation, the ten latest past ones, and the old one with a
   * question still open. */
  groups = list_groups (fixture);
  g_assert_cmpuint (groups->len, ==, 1 + 10 + 1);
  g_assert_cmpstr (group_title (groups->pdata[0]), ==, "Oncology consultation");
  g_assert_nonnull (find_row (fixture, "Can I go back to swimming?"));
  g_assert_nonnull (find_row (fixture, "Still open?"));
  g_assert_nonnull (find_row (fixture, "Question 24.3"));
  g_assert_nonnull (find_row (fixture, "Question 15.0"));
  g_assert_null (find_row (fixture, "Question 14.0"));
  g_assert_true (gtk_widget_get_visible (earlier));

  /* Ten more at a time, until none is left. */
  click (GTK_BUTTON (earlier));
  g_clear_pointer (&groups, g_ptr_array_unref);
  groups = list_groups (fixture);
  g_assert_cmpuint (groups->len, ==, 1 + 20 + 1);
  g_assert_nonnull (find_row (fixture, "Question 5.0"));
  g_assert_true (gtk_widget_get_visible (earlier));
  click (GTK_BUTTON (earlier));
  g_clear_pointer (&groups, g_ptr_array_unref);
  groups = list_groups (fixture);
  g_assert_cmpuint (groups->len, ==, 1 + 25 + 1);
  g_assert_nonnull (find_row (fixture, "Question 0.0"));
  g_assert_false (gtk_widget_get_visible (earlier));
}

/* A group's "Show More Questions" row, NULL when it is hidden. */
static GtkWidget *
more_row_of (gpointer group)
{
  GtkWidget *row = find_one (group, GTK_TYPE_LIST_BOX_ROW, "carnet-show-more");

  return row != NULL && gtk_widget_get_visible (row) ? row : NULL;
}

static const char *
more_label (GtkWidget *more)
{
  return gtk_label_get_text (find_one (more, GTK_TYPE_LABEL, "heading"));
}

/* How many are not shown, when the row says so. */
static const char *
more_caption (GtkWidget *more)
{
  GtkLabel *caption = find_one (more, GTK_TYPE_LABEL, "caption");

  return gtk_widget_get_visible (GTK_WIDGET (caption)) ? gtk_label_get_text (caption) : NULL;
}

/* Whether @more sits right after the question row @after in its list. */
static gboolean
more_follows (GtkWidget *more,
              gpointer   after)
{
  return gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (more)) ==
         gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (after)) + 1;
}

/* "Question 1 | Question 2 | …" for questions @from to @to. */
static char *
numbered (guint from,
          guint to)
{
  g_autoptr(GString) texts = g_string_new (NULL);

  for (guint i = from; i <= to; i++)
    g_string_append_printf (texts, "%sQuestion %u", i > from ? " | " : "", i);

  return g_string_free (g_steal_pointer (&texts), FALSE);
}

/* A consultation in 16 days and 45 questions for whichever comes next. */
static void
fill_many_questions (Fixture *fixture,
                     gint64  *ids)
{
  fixture->next_id = add_consultation (fixture, "Oncology consultation", 16, CARNET_STATUS_PLANNED);
  for (guint i = 0; i < 45; i++)
    {
      g_autofree char *text = g_strdup_printf ("Question %u", i + 1);

      ids[i] = add_question (fixture, text, 0, CARNET_AUTHOR_PATIENT, NULL);
    }
}

/* Hundreds of questions for the next consultation: the page builds rows
 * for the first 20, and more on demand. */
static void
test_many_questions (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *texts = NULL;
  g_autofree char *expected = NULL;
  gint64 ids[45];
  GtkWidget *more;

  fill_many_questions (fixture, ids);
  show_page (fixture, 800, 600);
  groups = list_groups (fixture);
  g_assert_cmpuint (groups->len, ==, 1);
  g_assert_cmpstr (group_title (groups->pdata[0]), ==, "Next Consultation");

  /* The first 20 in their order, then a row that says what is left. */
  texts = texts_of (groups->pdata[0]);
  expected = numbered (1, 20);
  g_assert_cmpstr (texts, ==, expected);
  more = more_row_of (groups->pdata[0]);
  g_assert_nonnull (more);
  g_assert_cmpstr (more_label (more), ==, "Show 20 More Questions");
  g_assert_cmpstr (more_caption (more), ==, "25 questions not shown");
  rows = rows_of (groups->pdata[0]);
  g_assert_true (more_follows (more, rows->pdata[19]));
  /* Read out as the button it is. */
  g_assert_true (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (more)));
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (more)), ==, GTK_ACCESSIBLE_ROLE_BUTTON);

  /* The last one shown can still go down, among those not shown. */
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (find_button_by_tooltip (rows->pdata[19], "Move Down"))));
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* Enter on the row, as a keyboard user would: 20 more, the focus on the
   * first of them. */
  gtk_widget_grab_focus (more);
  g_signal_emit_by_name (more, "activate");
  drain ();
  g_clear_pointer (&texts, g_free);
  g_clear_pointer (&expected, g_free);
  texts = texts_of (groups->pdata[0]);
  expected = numbered (1, 40);
  g_assert_cmpstr (texts, ==, expected);
  g_assert_true (gtk_window_get_focus (fixture->window) == find_row (fixture, "Question 21"));
  g_assert_true (more_row_of (groups->pdata[0]) == more);
  g_assert_cmpstr (more_label (more), ==, "Show 5 More Questions");
  g_assert_null (more_caption (more));

  /* By the page's action; then nothing is left to show. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "questions.show-more", "x", (gint64) 0));
  drain ();
  g_clear_pointer (&texts, g_free);
  g_clear_pointer (&expected, g_free);
  texts = texts_of (groups->pdata[0]);
  expected = numbered (1, 45);
  g_assert_cmpstr (texts, ==, expected);
  g_assert_null (more_row_of (groups->pdata[0]));
}

/* A question asked for, written, or moved beyond the first ones is shown
 * where it is, after the row of those not shown. */
static void
test_many_questions_in_sight (Fixture       *fixture,
                              gconstpointer  user_data)
{
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(CarnetQuestion) moved = NULL;
  g_autofree char *texts = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *first = NULL;
  gint64 ids[45];
  GtkWidget *more;
  AdwEntryRow *entry;

  fill_many_questions (fixture, ids);
  show_page (fixture, 800, 600);
  groups = list_groups (fixture);
  g_assert_null (find_row (fixture, "Question 40"));

  /* From search or another page. */
  g_assert_true (carnet_page_show_record (CARNET_PAGE (fixture->page), CARNET_RECORD_QUESTION, ids[39]));
  g_assert_nonnull (find_row (fixture, "Question 40"));
  g_assert_true (gtk_window_get_focus (fixture->window) == find_row (fixture, "Question 40"));
  first = numbered (1, 20);
  expected = g_strdup_printf ("%s | Question 40", first);
  texts = texts_of (groups->pdata[0]);
  g_assert_cmpstr (texts, ==, expected);
  more = more_row_of (groups->pdata[0]);
  g_assert_true (more_follows (more, find_row (fixture, "Question 20")));
  g_assert_cmpstr (more_caption (more), ==, "24 questions not shown");

  /* Written in the group's entry, or elsewhere: at the end, shown. */
  entry = find_one (groups->pdata[0], ADW_TYPE_ENTRY_ROW, NULL);
  type_and_enter (entry, "Question 46");
  add_question (fixture, "From the command line", 0, CARNET_AUTHOR_CAREGIVER, NULL);
  drain ();
  g_clear_pointer (&texts, g_free);
  g_clear_pointer (&expected, g_free);
  texts = texts_of (groups->pdata[0]);
  expected = g_strdup_printf ("%s | Question 40 | Question 46 | From the command line", first);
  g_assert_cmpstr (texts, ==, expected);
  g_assert_cmpstr (more_caption (more), ==, "24 questions not shown");

  /* The last of the first ones goes down, past one not shown: both in sight. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "questions.move-down",
                                             "x", ids[19]));
  drain ();
  moved = get_question (fixture, ids[19]);
  g_assert_cmpuint (carnet_question_get_position (moved), ==, 21);
  g_clear_pointer (&first, g_free);
  g_clear_pointer (&texts, g_free);
  g_clear_pointer (&expected, g_free);
  first = numbered (1, 19);
  expected = g_strdup_printf ("%s | Question 21 | Question 20 | Question 40 | Question 46 | From the command line",
                              first);
  texts = texts_of (groups->pdata[0]);
  g_assert_cmpstr (texts, ==, expected);
  g_assert_true (more_follows (more, find_row (fixture, "Question 20")));
  g_assert_cmpstr (more_caption (more), ==, "23 questions not shown");

  /* And back up, with Alt+Up. */
  g_assert_true (press_shortcut (find_row (fixture, "Question 20"), GDK_KEY_Up, GDK_ALT_MASK));
  drain ();
  g_clear_object (&moved);
  moved = get_question (fixture, ids[19]);
  g_assert_cmpuint (carnet_question_get_position (moved), ==, 20);
  rows = rows_of (groups->pdata[0]);
  g_assert_cmpstr (question_text (rows->pdata[19]), ==, "Question 20");
  g_assert_cmpstr (question_text (rows->pdata[20]), ==, "Question 21");
}

/* A year of consultations ahead: the first ten have a group, more on demand. */
static void
test_later_consultations (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(GPtrArray) groups = NULL;
  GtkWidget *later;
  GtkWidget *past_heading;
  gint64 last_question = 0;

  fixture->past_id = add_consultation (fixture, "Surgeon follow-up", -30, CARNET_STATUS_DONE);
  add_question (fixture, "When can I drive again?", fixture->past_id, CARNET_AUTHOR_PATIENT, "In two weeks.");
  for (guint i = 1; i <= 23; i++)
    {
      g_autofree char *title = g_strdup_printf ("Consultation %u", i);
      g_autofree char *text = g_strdup_printf ("For consultation %u?", i);
      gint64 id = add_consultation (fixture, title, 14 * (int) i, CARNET_STATUS_PLANNED);

      last_question = add_question (fixture, text, id, CARNET_AUTHOR_PATIENT, NULL);
    }
  show_page (fixture, 800, 600);
  later = find_child (GTK_WIDGET (fixture->page), "later_button");
  past_heading = find_child (GTK_WIDGET (fixture->page), "past_heading");

  /* Ten, the button after them, then the past ones. */
  groups = list_groups (fixture);
  g_assert_cmpuint (groups->len, ==, 10 + 1);
  g_assert_cmpstr (group_title (groups->pdata[9]), ==, "Consultation 10");
  g_assert_null (find_row (fixture, "For consultation 11?"));
  g_assert_true (gtk_widget_get_visible (later));
  g_assert_true (gtk_widget_get_prev_sibling (later) == groups->pdata[9]);
  g_assert_true (gtk_widget_get_next_sibling (later) == past_heading);

  click (GTK_BUTTON (later));
  g_clear_pointer (&groups, g_ptr_array_unref);
  groups = list_groups (fixture);
  g_assert_cmpuint (groups->len, ==, 20 + 1);
  g_assert_nonnull (find_row (fixture, "For consultation 20?"));
  g_assert_true (gtk_widget_get_visible (later));

  /* Jumping to a question of a consultation further ahead shows it. */
  g_assert_true (carnet_page_show_record (CARNET_PAGE (fixture->page), CARNET_RECORD_QUESTION, last_question));
  g_assert_true (gtk_window_get_focus (fixture->window) == find_row (fixture, "For consultation 23?"));
  g_clear_pointer (&groups, g_ptr_array_unref);
  groups = list_groups (fixture);
  g_assert_cmpuint (groups->len, ==, 23 + 1);
  g_assert_false (gtk_widget_get_visible (later));
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

  ADD ("/gui/questions-page/empty", test_empty);
  ADD ("/gui/questions-page/groups", test_groups);
  ADD ("/gui/questions-page/next-not-twice", test_next_not_twice);
  ADD ("/gui/questions-page/tick-asked", test_tick_asked);
  ADD ("/gui/questions-page/move", test_move);
  ADD ("/gui/questions-page/quick-add", test_quick_add);
  ADD ("/gui/questions-page/refused", test_refused);
  ADD ("/gui/questions-page/keeps-typing", test_keeps_typing);
  ADD ("/gui/questions-page/carry-forward", test_carry_forward);
  ADD ("/gui/questions-page/answer-and-menu", test_answer_and_menu);
  ADD ("/gui/questions-page/show-record", test_show_record);
  ADD ("/gui/questions-page/many-answered", test_many_answered);
  ADD ("/gui/questions-page/many-questions", test_many_questions);
  ADD ("/gui/questions-page/many-questions-in-sight", test_many_questions_in_sight);
  ADD ("/gui/questions-page/later-consultations", test_later_consultations);
  ADD ("/gui/questions-page/narrow", test_narrow);
  ADD ("/gui/questions-page/narrow-french", test_narrow_french);

#undef ADD

  return g_test_run ();
}
