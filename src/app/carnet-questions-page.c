/* carnet-questions-page.c: questions grouped by consultation
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A group per consultation: first "the next consultation" (questions tied to
 * no date, which go to whichever consultation comes next), then each planned
 * consultation, soonest first, then the past ones with their questions and
 * answers. Each group but the past ones starts with an entry to jot a
 * question down; each question can be ticked as asked, answered, moved up or
 * down (also with Alt+Up and Alt+Down), edited and deleted.
 *
 * Groups and rows keep their widgets across refreshes: when the notebook
 * changes, here or in another process, what is scrolled, focused and being
 * typed stays so.
 *
 * Nothing is built that is not asked for: a notebook of years holds
 * hundreds of consultations ahead and a thousand questions for the next
 * one. So the page shows the first planned consultations (Show Later
 * Consultations adds more), the latest past ones (Show Earlier
 * Consultations), and the first questions of each group in their order, a
 * row at the group's end showing the next ones. A question someone acts on
 * stays in sight whatever its place: one just written (here or elsewhere),
 * moved, or jumped to from search.
 */
#define G_LOG_DOMAIN "carnet-app"

#include "config.h"

#include "carnet-questions-page.h"

#include <glib/gi18n.h>

#include "carnet-question-row.h"
#include "carnet-row-text.h"

/* How far ahead planned consultations get a group of their own. */
#define PLANNED_DAYS 366
/* How many past consultations show their questions at first, and how many
 * more "Show Earlier Consultations" adds. */
#define PAST_GROUPS 10
/* The same for consultations to come and "Show Later Consultations". */
#define PLANNED_GROUPS 10
/* How many questions a group shows at first, and how many more its "Show
 * More Questions" row adds. */
#define QUESTION_BATCH 20

typedef struct
{
  gint64          id;
  /* Its place in the group, from 0, hidden questions included. */
  guint           order;
  GtkWidget      *row;
  GtkLabel       *text;
  GtkLabel       *meta;
  GtkLabel       *answer;
  GtkCheckButton *asked;
  GtkWidget      *answer_button;
  GtkLabel       *answer_button_label;
  GtkWidget      *up;
  GtkWidget      *down;
} QuestionRow;

typedef struct
{
  CarnetQuestionsPage     *page;
  CarnetQuestionGroupInfo  info;
  GtkWidget               *widget;
  GtkListBox              *list;
  AdwEntryRow             *entry;
  /* Opens the consultation sheet (exchange.prepare). */
  GtkWidget               *prepare;
  /* Shows the next questions; after the first run of questions shown. */
  GtkWidget               *more_row;
  GtkLabel                *more_label;
  GtkLabel                *more_caption;
  /* How many questions the group has, and how many from the first are all
   * shown (the "more" row goes after them). */
  guint                    total;
  guint                    run_end;
  /* Question id → QuestionRow */
  GHashTable              *rows;
} QuestionGroup;

/* What a refresh finds out about a group before showing it. */
typedef struct
{
  CarnetQuestionGroupInfo  info;
  CarnetAppointment       *appointment;
  /* The questions shown, in their order, and their places in the group. */
  GPtrArray               *questions;
  GArray                  *orders;
  /* How many the group has; how many of them were read from the first. */
  guint                    total;
  guint                    n_first;
} GroupSpec;

struct _CarnetQuestionsPage
{
  CarnetPage      parent_instance;

  /* Template widgets */
  GtkStack       *stack;
  AdwStatusPage  *empty_page;
  GtkLabel       *empty_button_label;
  AdwEntryRow    *empty_entry;
  GtkBox         *groups_box;
  GtkWidget      *past_heading;
  GtkWidget      *earlier_button;
  GtkWidget      *later_button;

  /* How many past consultations are shown; whether there are more. */
  guint           past_limit;
  gboolean        more_past;
  /* The same for planned ones; those not shown (id set). */
  guint           planned_limit;
  gboolean        more_planned;
  GHashTable     *hidden_planned;
  /* Appointment id → how many of its first questions a group shows, when
   * more than QUESTION_BATCH. */
  GHashTable     *limits;
  /* Questions shown wherever they are in their group (id set). */
  GHashTable     *pinned;
  /* The newest question when the page last read the notebook; -1: none read. */
  gint64          newest_question;

  /* The notebook the groups are of (weak): another one starts afresh. */
  CarnetNotebook *shown;
  /* Appointment id → QuestionGroup */
  GHashTable     *groups;
};

G_DEFINE_FINAL_TYPE (CarnetQuestionsPage, carnet_questions_page, CARNET_TYPE_PAGE)

static void on_asked_toggled_cb  (GtkCheckButton *button,
                                  QuestionRow    *question_row);
static void on_entry_changed_cb  (AdwEntryRow    *entry);
static void on_group_entry_activated_cb (AdwEntryRow   *entry,
                                         QuestionGroup *group);
static void on_move_clicked_cb   (GtkButton      *button,
                                  QuestionRow    *question_row);
static void on_list_row_activated_cb (GtkListBox    *list,
                                      GtkListBoxRow *row,
                                      QuestionGroup *group);

static void
show_error (CarnetQuestionsPage *self,
            const char          *message)
{
  g_autofree char *escaped = NULL;
  GtkWidget *overlay;

  overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  if (overlay == NULL)
    {
      g_message ("%s", message);
      return;
    }

  /* Toast titles are markup. */
  escaped = g_markup_escape_text (message, -1);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (escaped));
}

/* The entry's title says what went wrong, until the text changes; what the
 * person typed stays. */
static void
show_entry_error (AdwEntryRow *entry,
                  const char  *message)
{
  gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), message);
  gtk_widget_error_bell (GTK_WIDGET (entry));
}

static GtkWidget *
new_icon_button (const char *icon_name,
                 const char *label)
{
  GtkWidget *button;

  button = gtk_button_new_from_icon_name (icon_name);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  gtk_widget_add_css_class (button, "flat");

  return button;
}

static void
add_move_shortcut (GtkShortcutController *controller,
                   guint                  keyval,
                   const char            *action_name,
                   gint64                 id)
{
  GtkShortcut *shortcut;

  shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (keyval, GDK_ALT_MASK),
                               gtk_named_action_new (action_name));
  gtk_shortcut_set_arguments (shortcut, g_variant_new_int64 (id));
  gtk_shortcut_controller_add_shortcut (controller, shortcut);
}

static GMenuModel *
new_row_menu (gint64 id)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenuItem) edit = NULL;
  g_autoptr(GMenuItem) delete = NULL;

  edit = g_menu_item_new (_("_Edit…"), NULL);
  g_menu_item_set_action_and_target_value (edit, "record.edit",
                                           g_variant_new ("(sx)", "question", id));
  g_menu_append_item (menu, edit);

  delete = g_menu_item_new (_("_Delete"), NULL);
  g_menu_item_set_action_and_target_value (delete, "record.delete",
                                           g_variant_new ("(sx)", "question", id));
  g_menu_append_item (menu, delete);

  return G_MENU_MODEL (g_steal_pointer (&menu));
}

static QuestionRow *
question_row_new (gint64 id)
{
  QuestionRow *question_row = g_new0 (QuestionRow, 1);
  g_autoptr(GMenuModel) menu = NULL;
  GtkShortcutController *shortcuts;
  GtkWidget *box;
  GtkWidget *actions;
  GtkWidget *answer_button;
  GtkWidget *squeezer;
  GtkWidget *more;
  GtkWidget *spacer;

  question_row->id = id;
  question_row->row = g_object_ref_sink (gtk_list_box_row_new ());
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (question_row->row), FALSE);
  gtk_widget_add_css_class (question_row->row, "carnet-question");
  g_object_set_data (G_OBJECT (question_row->row), "carnet-question-row", question_row);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 8);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (question_row->row), box);

  question_row->text = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (question_row->text, TRUE);
  gtk_label_set_wrap_mode (question_row->text, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (question_row->text, 0);
  gtk_widget_set_margin_end (GTK_WIDGET (question_row->text), 4);
  gtk_widget_add_css_class (GTK_WIDGET (question_row->text), "carnet-question-text");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (question_row->text));

  question_row->meta = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (question_row->meta, TRUE);
  gtk_label_set_xalign (question_row->meta, 0);
  gtk_widget_add_css_class (GTK_WIDGET (question_row->meta), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (question_row->meta), "caption");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (question_row->meta));

  question_row->answer = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (question_row->answer, TRUE);
  gtk_label_set_wrap_mode (question_row->answer, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (question_row->answer, 0);
  gtk_widget_set_margin_end (GTK_WIDGET (question_row->answer), 4);
  gtk_widget_add_css_class (GTK_WIDGET (question_row->answer), "carnet-answer");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (question_row->answer));

  actions = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  gtk_box_append (GTK_BOX (box), actions);

  question_row->asked = GTK_CHECK_BUTTON (gtk_check_button_new_with_label (C_("question", "Asked")));
  g_signal_connect (question_row->asked, "toggled", G_CALLBACK (on_asked_toggled_cb), question_row);
  gtk_box_append (GTK_BOX (actions), GTK_WIDGET (question_row->asked));

  /* Its words where they fit, else an icon: translations are longer, text
   * may be large, and the window narrow. */
  question_row->answer_button_label = GTK_LABEL (gtk_label_new (NULL));
  squeezer = adw_squeezer_new ();
  adw_squeezer_set_transition_type (ADW_SQUEEZER (squeezer), ADW_SQUEEZER_TRANSITION_TYPE_NONE);
  adw_squeezer_add (ADW_SQUEEZER (squeezer), GTK_WIDGET (question_row->answer_button_label));
  adw_squeezer_add (ADW_SQUEEZER (squeezer), gtk_image_new_from_icon_name ("mail-reply-sender-symbolic"));
  question_row->answer_button = gtk_button_new ();
  answer_button = question_row->answer_button;
  gtk_button_set_child (GTK_BUTTON (answer_button), squeezer);
  gtk_widget_set_valign (answer_button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (answer_button), "record.answer");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (answer_button), "x", id);
  gtk_box_append (GTK_BOX (actions), answer_button);

  spacer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_set_hexpand (spacer, TRUE);
  gtk_box_append (GTK_BOX (actions), spacer);

  /* Move buttons act by hand rather than through an actionable: their
   * sensitivity says whether the question can go further, not whether the
   * action exists. */
  question_row->up = new_icon_button ("go-up-symbolic", _("Move Up"));
  g_object_set_data (G_OBJECT (question_row->up), "carnet-action", (gpointer) "questions.move-up");
  g_signal_connect (question_row->up, "clicked", G_CALLBACK (on_move_clicked_cb), question_row);
  gtk_box_append (GTK_BOX (actions), question_row->up);

  question_row->down = new_icon_button ("go-down-symbolic", _("Move Down"));
  g_object_set_data (G_OBJECT (question_row->down), "carnet-action", (gpointer) "questions.move-down");
  g_signal_connect (question_row->down, "clicked", G_CALLBACK (on_move_clicked_cb), question_row);
  gtk_box_append (GTK_BOX (actions), question_row->down);

  menu = new_row_menu (id);
  more = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (more), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (more), menu);
  gtk_widget_set_valign (more, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (more, _("More"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (more),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("More"),
                                  -1);
  gtk_widget_add_css_class (more, "flat");
  gtk_box_append (GTK_BOX (actions), more);

  shortcuts = GTK_SHORTCUT_CONTROLLER (gtk_shortcut_controller_new ());
  add_move_shortcut (shortcuts, GDK_KEY_Up, "questions.move-up", id);
  add_move_shortcut (shortcuts, GDK_KEY_Down, "questions.move-down", id);
  gtk_widget_add_controller (question_row->row, GTK_EVENT_CONTROLLER (shortcuts));

  return question_row;
}

static void
question_row_free (QuestionRow *question_row)
{
  GtkWidget *list = gtk_widget_get_parent (question_row->row);

  if (list != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (list), question_row->row);
  g_signal_handlers_disconnect_by_data (question_row->asked, question_row);
  g_signal_handlers_disconnect_by_data (question_row->up, question_row);
  g_signal_handlers_disconnect_by_data (question_row->down, question_row);
  g_object_set_data (G_OBJECT (question_row->row), "carnet-question-row", NULL);
  g_clear_object (&question_row->row);
  g_free (question_row);
}

/* Keeps the focus in the row when the focused move button can no longer move. */
static void
set_move_sensitive (QuestionRow *question_row,
                    gboolean     up,
                    gboolean     down)
{
  GtkWidget *focus = NULL;

  gtk_widget_set_sensitive (question_row->up, up);
  gtk_widget_set_sensitive (question_row->down, down);

  if (!up && gtk_widget_has_focus (question_row->up))
    focus = down ? question_row->down : GTK_WIDGET (question_row->asked);
  else if (!down && gtk_widget_has_focus (question_row->down))
    focus = up ? question_row->up : GTK_WIDGET (question_row->asked);

  if (focus != NULL)
    gtk_widget_grab_focus (focus);
}

static void
question_row_update (QuestionRow    *question_row,
                     CarnetQuestion *question,
                     guint           order,
                     guint           n_questions,
                     GDateTime      *now)
{
  g_autofree char *meta = NULL;
  g_autofree char *answer = NULL;
  const char *text = carnet_question_get_text (question);
  const char *answer_label;
  gboolean answered = carnet_question_get_status (question) == CARNET_QUESTION_ANSWERED;

  question_row->order = order;

  gtk_label_set_text (question_row->text, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (question_row->row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                  -1);

  meta = carnet_question_row_describe_meta (question, now);
  gtk_label_set_text (question_row->meta, meta);

  answer = carnet_question_row_describe_answer (question);
  gtk_label_set_text (question_row->answer, answer != NULL ? answer : "");
  gtk_widget_set_visible (GTK_WIDGET (question_row->answer), answer != NULL);

  g_signal_handlers_block_by_func (question_row->asked, on_asked_toggled_cb, question_row);
  gtk_check_button_set_active (question_row->asked, carnet_question_row_is_asked (question));
  g_signal_handlers_unblock_by_func (question_row->asked, on_asked_toggled_cb, question_row);
  /* An answered question was asked: unticking it would say otherwise. */
  gtk_widget_set_sensitive (GTK_WIDGET (question_row->asked), !answered);

  answer_label = carnet_question_row_answer_label (question);
  gtk_label_set_text (question_row->answer_button_label, answer_label);
  gtk_widget_set_tooltip_text (question_row->answer_button, answer_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (question_row->answer_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, answer_label,
                                  -1);

  gtk_widget_set_visible (question_row->up, n_questions > 1);
  gtk_widget_set_visible (question_row->down, n_questions > 1);
  set_move_sensitive (question_row, order > 0, order + 1 < n_questions);
}

/* The entry first, then the questions in their order, the "more" row
 * where the first run of them ends. */
static guint64
row_sort_key (QuestionGroup *group,
              GtkListBoxRow *row)
{
  QuestionRow *question_row = g_object_get_data (G_OBJECT (row), "carnet-question-row");

  if (question_row != NULL)
    return 2 * (guint64) question_row->order + 1;
  if (GTK_WIDGET (row) == group->more_row)
    return 2 * (guint64) group->run_end;

  return 0;
}

static int
compare_rows_cb (GtkListBoxRow *row_a,
                 GtkListBoxRow *row_b,
                 gpointer       user_data)
{
  guint64 a = row_sort_key (user_data, row_a);
  guint64 b = row_sort_key (user_data, row_b);

  return (a > b) - (a < b);
}

/* How many of its first questions @appointment_id's group shows. */
static guint
get_limit (CarnetQuestionsPage *self,
           gint64               appointment_id)
{
  gpointer limit = g_hash_table_lookup (self->limits, &appointment_id);

  return limit != NULL ? GPOINTER_TO_UINT (limit) : QUESTION_BATCH;
}

static void
pin_question (CarnetQuestionsPage *self,
              gint64               id)
{
  g_hash_table_add (self->pinned, g_memdup2 (&id, sizeof id));
}

static QuestionGroup *
question_group_new (CarnetQuestionsPage *self,
                    gint64               appointment_id)
{
  QuestionGroup *group = g_new0 (QuestionGroup, 1);
  GtkWidget *box;

  group->page = self;
  group->info.appointment_id = appointment_id;
  group->rows = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                       (GDestroyNotify) question_row_free);

  group->widget = g_object_ref_sink (adw_preferences_group_new ());

  group->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (group->list, GTK_SELECTION_NONE);
  gtk_list_box_set_sort_func (group->list, compare_rows_cb, group, NULL);
  g_signal_connect (group->list, "row-activated", G_CALLBACK (on_list_row_activated_cb), group);
  gtk_widget_add_css_class (GTK_WIDGET (group->list), "boxed-list");
  gtk_widget_add_css_class (GTK_WIDGET (group->list), "carnet-questions");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group->widget), GTK_WIDGET (group->list));

  group->prepare = gtk_button_new_with_mnemonic (_("_Prepare…"));
  gtk_widget_set_valign (group->prepare, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (group->prepare, "flat");
  gtk_widget_set_tooltip_text (group->prepare, _("Prepare the Consultation…"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (group->prepare),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Prepare the Consultation…"),
                                  -1);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (group->prepare), "x", appointment_id);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (group->prepare), "exchange.prepare");
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group->widget), group->prepare);

  group->entry = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (group->entry), FALSE);
  adw_entry_row_set_show_apply_button (group->entry, TRUE);
  g_signal_connect (group->entry, "entry-activated", G_CALLBACK (on_group_entry_activated_cb), group);
  g_signal_connect (group->entry, "apply", G_CALLBACK (on_group_entry_activated_cb), group);
  g_signal_connect (group->entry, "changed", G_CALLBACK (on_entry_changed_cb), NULL);
  gtk_list_box_append (group->list, GTK_WIDGET (group->entry));

  /* A row rather than a button under the group: it says where the hidden
   * questions are, between those shown. */
  group->more_row = g_object_new (GTK_TYPE_LIST_BOX_ROW,
                                  "accessible-role", GTK_ACCESSIBLE_ROLE_BUTTON,
                                  "visible", FALSE,
                                  NULL);
  gtk_widget_add_css_class (group->more_row, "carnet-show-more");
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  group->more_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (group->more_label, TRUE);
  gtk_label_set_justify (group->more_label, GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (group->more_label), "heading");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (group->more_label));
  group->more_caption = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (group->more_caption, TRUE);
  gtk_label_set_justify (group->more_caption, GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (group->more_caption), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (group->more_caption), "caption");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (group->more_caption));
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (group->more_row), box);
  gtk_list_box_append (group->list, group->more_row);

  gtk_box_append (self->groups_box, group->widget);

  return group;
}

static void
question_group_free (QuestionGroup *group)
{
  GtkWidget *box = gtk_widget_get_parent (group->widget);

  g_signal_handlers_disconnect_by_data (group->entry, group);
  g_signal_handlers_disconnect_by_data (group->list, group);
  g_clear_pointer (&group->rows, g_hash_table_unref);
  if (box != NULL)
    gtk_box_remove (GTK_BOX (box), group->widget);
  g_clear_object (&group->widget);
  g_clear_pointer (&group->info.when, g_date_time_unref);
  g_free (group);
}

/* The entry's own title, which an error replaces for a while. */
static void
set_entry_title (AdwEntryRow *entry,
                 const char  *title)
{
  char *copy = g_strdup (title);

  g_object_set_data_full (G_OBJECT (entry), "carnet-title", copy, g_free);
  if (!gtk_widget_has_css_class (GTK_WIDGET (entry), "error"))
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), copy);
}

/* Says how many of the group's questions are not shown, if any. */
static void
update_more_row (QuestionGroup *group,
                 guint          hidden)
{
  g_autofree char *label = NULL;
  g_autofree char *caption = NULL;
  guint batch = MIN (hidden, QUESTION_BATCH);

  gtk_widget_set_visible (group->more_row, hidden > 0);
  if (hidden == 0)
    return;

  /* Translators: a row at the end of a consultation's questions; %u is how
   * many more it shows (at most 20) */
  label = g_strdup_printf (ngettext ("Show %u More Question", "Show %u More Questions", batch), batch);
  gtk_label_set_text (group->more_label, label);
  /* How many are left is worth saying only when one click does not show them. */
  if (hidden > batch)
    /* Translators: under "Show 20 More Questions": how many of the
     * consultation's questions are not on screen */
    caption = g_strdup_printf (ngettext ("%u question not shown", "%u questions not shown", hidden), hidden);
  gtk_label_set_text (group->more_caption, caption != NULL ? caption : "");
  gtk_widget_set_visible (GTK_WIDGET (group->more_caption), caption != NULL);

  gtk_accessible_update_property (GTK_ACCESSIBLE (group->more_row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, caption != NULL ? caption : "",
                                  -1);
}

static void
question_group_update (QuestionGroup *group,
                       GroupSpec     *spec,
                       GDateTime     *now)
{
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;
  g_autofree char *escaped = NULL;
  g_autoptr(GHashTable) old = NULL;

  group->info.kind = spec->info.kind;
  g_clear_pointer (&group->info.when, g_date_time_unref);
  if (spec->info.when != NULL)
    group->info.when = g_date_time_ref (spec->info.when);

  title = carnet_question_row_group_title (spec->info.kind, spec->appointment);
  escaped = g_markup_escape_text (title, -1);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group->widget), escaped);
  gtk_accessible_update_property (GTK_ACCESSIBLE (group->list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);
  g_clear_pointer (&escaped, g_free);

  description = carnet_question_row_group_description (&spec->info, spec->appointment, now);
  if (description != NULL)
    escaped = g_markup_escape_text (description, -1);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group->widget), escaped);

  /* Nothing more is asked at a consultation that is over. */
  set_entry_title (group->entry, carnet_question_row_add_placeholder (spec->info.kind));
  gtk_widget_set_visible (GTK_WIDGET (group->entry), spec->info.kind != CARNET_QUESTION_GROUP_PAST);
  gtk_widget_set_visible (group->prepare, spec->info.kind != CARNET_QUESTION_GROUP_PAST);

  /* Rows of questions that left the group go; the others stay. */
  old = g_steal_pointer (&group->rows);
  group->rows = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                       (GDestroyNotify) question_row_free);
  group->total = spec->total;
  group->run_end = 0;
  for (guint i = 0; i < spec->questions->len; i++)
    {
      CarnetQuestion *question = g_ptr_array_index (spec->questions, i);
      guint order = g_array_index (spec->orders, guint, i);
      gint64 id = carnet_record_get_id (CARNET_RECORD (question));
      QuestionRow *question_row = NULL;

      if (!g_hash_table_steal_extended (old, &id, NULL, (gpointer *) &question_row))
        {
          question_row = question_row_new (id);
          gtk_list_box_append (group->list, question_row->row);
        }

      g_hash_table_insert (group->rows, &question_row->id, question_row);
      question_row_update (question_row, question, order, spec->total, now);
      if (order == group->run_end)
        group->run_end++;
    }

  /* (A question written elsewhere between the reads can be counted out.) */
  update_more_row (group, spec->total > spec->questions->len ? spec->total - spec->questions->len : 0);

  gtk_list_box_invalidate_sort (group->list);
}

static void
group_spec_free (GroupSpec *spec)
{
  g_clear_pointer (&spec->questions, g_ptr_array_unref);
  g_clear_pointer (&spec->orders, g_array_unref);
  g_clear_pointer (&spec->info.when, g_date_time_unref);
  g_clear_object (&spec->appointment);
  g_free (spec);
}

static int
compare_specs (gconstpointer a,
               gconstpointer b)
{
  const GroupSpec *spec_a = *(GroupSpec * const *) a;
  const GroupSpec *spec_b = *(GroupSpec * const *) b;

  return carnet_question_row_compare_groups (&spec_a->info, &spec_b->info);
}

/* The group an appointment's questions go into, made when first asked for. */
static GroupSpec *
ensure_spec (CarnetQuestionsPage  *self,
             GHashTable           *specs,
             GHashTable           *upcoming,
             gint64                appointment_id,
             GError              **error)
{
  GroupSpec *spec = g_hash_table_lookup (specs, &appointment_id);
  CarnetOccurrence *occurrence;

  if (spec != NULL)
    return spec;

  spec = g_new0 (GroupSpec, 1);
  spec->info.appointment_id = appointment_id;
  spec->questions = g_ptr_array_new_with_free_func (g_object_unref);
  spec->orders = g_array_new (FALSE, FALSE, sizeof (guint));

  occurrence = g_hash_table_lookup (upcoming, &appointment_id);
  if (appointment_id == 0)
    {
      spec->info.kind = CARNET_QUESTION_GROUP_NEXT;
    }
  else if (occurrence != NULL)
    {
      spec->info.kind = CARNET_QUESTION_GROUP_PLANNED;
      spec->info.when = g_date_time_ref (carnet_occurrence_get_start (occurrence));
      spec->appointment = g_object_ref (carnet_occurrence_get_appointment (occurrence));
    }
  else
    {
      g_autoptr(GError) local_error = NULL;
      CarnetRecord *record;

      spec->info.kind = CARNET_QUESTION_GROUP_PAST;
      record = carnet_notebook_get (carnet_page_get_notebook (CARNET_PAGE (self)), CARNET_RECORD_APPOINTMENT, appointment_id,
                                    &local_error);
      if (record == NULL && !g_error_matches (local_error, CARNET_ERROR, CARNET_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          group_spec_free (spec);
          return NULL;
        }
      if (record != NULL)
        {
          spec->appointment = CARNET_APPOINTMENT (record);
          spec->info.when = g_date_time_ref (carnet_appointment_get_start (spec->appointment));
        }
    }

  g_hash_table_insert (specs, &spec->info.appointment_id, spec);
  return spec;
}

/* Whether the group's entry holds what someone is typing. */
static gboolean
is_writing_in (CarnetQuestionsPage *self,
               gint64               appointment_id)
{
  QuestionGroup *group = g_hash_table_lookup (self->groups, &appointment_id);

  return group != NULL && *gtk_editable_get_text (GTK_EDITABLE (group->entry)) != '\0';
}

/* Reads the first questions of each group. */
static gboolean
read_questions (CarnetQuestionsPage  *self,
                GHashTable           *specs,
                GError              **error)
{
  CarnetNotebook *notebook = carnet_page_get_notebook (CARNET_PAGE (self));
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, specs);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      GroupSpec *spec = value;
      g_autoptr(GListModel) questions = NULL;

      questions = carnet_notebook_list_questions_for (notebook, spec->info.appointment_id,
                                                      get_limit (self, spec->info.appointment_id),
                                                      &spec->total, error);
      if (questions == NULL)
        return FALSE;

      spec->n_first = g_list_model_get_n_items (questions);
      for (guint i = 0; i < spec->n_first; i++)
        {
          g_array_append_val (spec->orders, i);
          g_ptr_array_add (spec->questions, g_list_model_get_item (questions, i));
        }
    }

  return TRUE;
}

static int
compare_orders (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  GroupSpec *spec = user_data;
  guint order_a = g_array_index (spec->orders, guint, *(const guint *) a);
  guint order_b = g_array_index (spec->orders, guint, *(const guint *) b);

  return (order_a > order_b) - (order_a < order_b);
}

/* Puts the group's questions, first ones and pinned ones, in their order. */
static void
sort_spec (GroupSpec *spec)
{
  g_autoptr(GArray) indexes = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GPtrArray) questions = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) orders = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < spec->orders->len; i++)
    g_array_append_val (indexes, i);
  g_array_sort_with_data (indexes, compare_orders, spec);

  for (guint i = 0; i < indexes->len; i++)
    {
      guint index = g_array_index (indexes, guint, i);

      g_ptr_array_add (questions, g_object_ref (g_ptr_array_index (spec->questions, index)));
      g_array_append_val (orders, g_array_index (spec->orders, guint, index));
    }

  g_ptr_array_unref (spec->questions);
  spec->questions = g_steal_pointer (&questions);
  g_array_unref (spec->orders);
  spec->orders = g_steal_pointer (&orders);
}

/* Adds to the groups shown the pinned questions beyond their first ones:
 * those written since the last read, moved, or shown on request. */
static gboolean
read_pinned (CarnetQuestionsPage  *self,
             GHashTable           *specs,
             GError              **error)
{
  CarnetNotebook *notebook = carnet_page_get_notebook (CARNET_PAGE (self));
  g_autoptr(GHashTable) grown = g_hash_table_new (NULL, NULL);
  GHashTableIter iter;
  gpointer key;

  /* A bulk import is not someone writing: the newest ones only. */
  if (self->newest_question >= 0)
    {
      g_autoptr(GListModel) written = NULL;

      written = carnet_notebook_list_questions_after (notebook, self->newest_question, QUESTION_BATCH,
                                                      &self->newest_question, error);
      if (written == NULL)
        return FALSE;
      for (guint i = 0; i < g_list_model_get_n_items (written); i++)
        {
          g_autoptr(CarnetRecord) question = g_list_model_get_item (written, i);

          pin_question (self, carnet_record_get_id (question));
        }
    }
  else
    {
      g_autoptr(GListModel) none = NULL;

      none = carnet_notebook_list_questions_after (notebook, G_MAXINT64, 0, &self->newest_question, error);
      if (none == NULL)
        return FALSE;
    }

  g_hash_table_iter_init (&iter, self->pinned);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      g_autoptr(GError) local_error = NULL;
      g_autoptr(CarnetRecord) question = NULL;
      GroupSpec *spec;
      gint64 appointment_id;
      guint order;

      if (!carnet_notebook_locate_question (notebook, *(gint64 *) key, &appointment_id, &order, &local_error))
        {
          if (!g_error_matches (local_error, CARNET_ERROR, CARNET_ERROR_NOT_FOUND))
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          /* Gone to the trash, or for good. */
          g_hash_table_iter_remove (&iter);
          continue;
        }

      /* Its group is not shown: it is when asked for (show_record). */
      spec = g_hash_table_lookup (specs, &appointment_id);
      if (spec == NULL)
        continue;
      /* Among the first ones: shown anyway, until it moves again. */
      if (order < spec->n_first)
        {
          g_hash_table_iter_remove (&iter);
          continue;
        }

      question = carnet_notebook_get (notebook, CARNET_RECORD_QUESTION, *(gint64 *) key, error);
      if (question == NULL)
        return FALSE;
      g_ptr_array_add (spec->questions, g_steal_pointer (&question));
      g_array_append_val (spec->orders, order);
      g_hash_table_add (grown, spec);
    }

  g_hash_table_iter_init (&iter, grown);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    sort_spec (key);

  return TRUE;
}

/* Finds out which groups there are, and what is in them. */
static GPtrArray *
collect_groups (CarnetQuestionsPage  *self,
                GDateTime            *now,
                guint                *out_n_questions,
                GError              **error)
{
  CarnetNotebook *notebook = carnet_page_get_notebook (CARNET_PAGE (self));
  g_autoptr(GListModel) agenda = NULL;
  g_autoptr(GDateTime) horizon = NULL;
  g_autoptr(GHashTable) upcoming = NULL;
  g_autoptr(GHashTable) specs = NULL;
  g_autoptr(GPtrArray) sorted = NULL;
  g_autoptr(GHashTable) open_questions = NULL;
  g_autoptr(GArray) past = NULL;
  GHashTableIter iter;
  gpointer key;
  gpointer value;
  GroupSpec *next;
  gint64 next_id = 0;
  guint n_questions = 0;
  guint n_planned = 0;

  /* Consultations only: the blood tests and sessions around them are most
   * of an agenda, and get no group. */
  horizon = g_date_time_add_days (now, PLANNED_DAYS);
  agenda = carnet_notebook_agenda_of_kind (notebook, CARNET_APPOINTMENT_CONSULTATION, now, horizon, error);
  if (agenda == NULL)
    return NULL;

  specs = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, (GDestroyNotify) group_spec_free);

  /* Each consultation to come, at its next occurrence; a group for each of
   * the first ones, to jot questions down for them. */
  upcoming = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  g_hash_table_remove_all (self->hidden_planned);
  for (guint i = 0; i < g_list_model_get_n_items (agenda); i++)
    {
      g_autoptr(CarnetOccurrence) occurrence = g_list_model_get_item (agenda, i);
      CarnetAppointment *appointment = carnet_occurrence_get_appointment (occurrence);
      gint64 id = carnet_record_get_id (CARNET_RECORD (appointment));

      if (carnet_occurrence_get_status (occurrence) != CARNET_STATUS_PLANNED ||
          g_date_time_compare (carnet_occurrence_get_start (occurrence), now) < 0 ||
          g_hash_table_contains (upcoming, &id))
        continue;

      g_hash_table_insert (upcoming, g_memdup2 (&id, sizeof id), g_steal_pointer (&occurrence));
      /* The first is the next consultation, as the core finds it. */
      if (n_planned == 0)
        next_id = id;
      if (n_planned++ >= self->planned_limit)
        g_hash_table_add (self->hidden_planned, g_memdup2 (&id, sizeof id));
      else if (ensure_spec (self, specs, upcoming, id, error) == NULL)
        return NULL;
    }
  self->more_planned = n_planned > self->planned_limit;

  /* None this year: the core looks further ahead. */
  if (next_id == 0)
    {
      next_id = carnet_notebook_next_consultation (notebook, error);
      if (next_id < 0)
        return NULL;
    }

  next = ensure_spec (self, specs, upcoming, 0, error);
  if (next_id > 0)
    {
      CarnetOccurrence *occurrence = g_hash_table_lookup (upcoming, &next_id);

      if (occurrence != NULL)
        {
          next->appointment = g_object_ref (carnet_occurrence_get_appointment (occurrence));
          next->info.when = g_date_time_ref (carnet_occurrence_get_start (occurrence));
        }
    }

  /* Open questions of a consultation that is over stay in sight; those of
   * consultations not shown yet count for the page not to look empty. */
  open_questions = carnet_notebook_count_open_questions (notebook, error);
  if (open_questions == NULL)
    return NULL;
  g_hash_table_iter_init (&iter, open_questions);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      if (g_hash_table_contains (self->hidden_planned, key))
        n_questions += GPOINTER_TO_UINT (value);
      else if (*(gint64 *) key != 0 && !g_hash_table_contains (upcoming, key) &&
               ensure_spec (self, specs, upcoming, *(gint64 *) key, error) == NULL)
        return NULL;
    }

  /* The latest consultations with questions, of which those not to come. */
  past = carnet_notebook_list_asked_consultations (notebook,
                                                   MIN (G_MAXUINT - 1 - g_hash_table_size (upcoming),
                                                        self->past_limit) + 1 + g_hash_table_size (upcoming),
                                                   error);
  if (past == NULL)
    return NULL;
  self->more_past = FALSE;
  for (guint i = 0, n_past = 0; i < past->len; i++)
    {
      gint64 id = g_array_index (past, gint64, i);

      if (g_hash_table_contains (upcoming, &id))
        continue;
      if (n_past++ == self->past_limit)
        {
          self->more_past = TRUE;
          break;
        }
      if (ensure_spec (self, specs, upcoming, id, error) == NULL)
        return NULL;
    }

  if (!read_questions (self, specs, error) || !read_pinned (self, specs, error))
    return NULL;

  /* The next consultation has a group of its own when questions are tied to
   * it; else the "next consultation" group is its group. */
  if (next_id > 0 && g_hash_table_contains (specs, &next_id) &&
      ((GroupSpec *) g_hash_table_lookup (specs, &next_id))->total == 0)
    g_hash_table_remove (specs, &next_id);

  /* The next consultation has a group of its own: an empty "next
   * consultation" group above it would say the same twice. Unless someone is
   * writing in it. */
  if (next_id > 0 && g_hash_table_contains (specs, &next_id))
    {
      GroupSpec *own = g_hash_table_lookup (specs, &next_id);

      own->info.is_next = TRUE;
      if (next->total == 0 && !is_writing_in (self, 0))
        g_hash_table_remove (specs, &next->info.appointment_id);
    }

  sorted = g_ptr_array_new_with_free_func ((GDestroyNotify) group_spec_free);
  g_hash_table_iter_init (&iter, specs);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      GroupSpec *spec = value;

      n_questions += spec->total;
      g_hash_table_iter_steal (&iter);
      g_ptr_array_add (sorted, spec);
    }
  g_ptr_array_sort (sorted, compare_specs);

  *out_n_questions = n_questions;
  return g_steal_pointer (&sorted);
}

/* Moves @widget after @previous in the page, unless it is there already:
 * the focus stays where it is. Returns @widget. */
static GtkWidget *
place_after (CarnetQuestionsPage *self,
             GtkWidget           *widget,
             GtkWidget           *previous)
{
  if (gtk_widget_get_prev_sibling (widget) != previous)
    gtk_box_reorder_child_after (self->groups_box, widget, previous);

  return widget;
}

static gboolean
reload (CarnetQuestionsPage  *self,
        GError              **error)
{
  CarnetNotebook *notebook = carnet_page_get_notebook (CARNET_PAGE (self));
  g_autoptr(GPtrArray) specs = NULL;
  g_autoptr(GHashTable) wanted = NULL;
  g_autoptr(GDateTime) now = NULL;
  GHashTableIter iter;
  gpointer key;
  GtkWidget *previous = NULL;
  gboolean past_started = FALSE;
  guint n_questions = 0;

  /* Another person's questions: nothing of the previous notebook stays. */
  if (notebook != self->shown)
    {
      g_hash_table_remove_all (self->groups);
      g_hash_table_remove_all (self->limits);
      g_hash_table_remove_all (self->pinned);
      self->newest_question = -1;
      self->past_limit = PAST_GROUPS;
      self->planned_limit = PLANNED_GROUPS;
      g_set_weak_pointer (&self->shown, notebook);
    }

  if (notebook == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return TRUE;
    }

  now = carnet_page_dup_now (CARNET_PAGE (self));
  specs = collect_groups (self, now, &n_questions, error);
  if (specs == NULL)
    return FALSE;

  wanted = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < specs->len; i++)
    {
      GroupSpec *spec = g_ptr_array_index (specs, i);

      g_hash_table_add (wanted, &spec->info.appointment_id);
    }

  g_hash_table_iter_init (&iter, self->groups);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      if (!g_hash_table_contains (wanted, key))
        g_hash_table_iter_remove (&iter);
    }

  /* Groups in order, moved rather than taken out and put back: the focus
   * stays where it is. */
  for (guint i = 0; i < specs->len; i++)
    {
      GroupSpec *spec = g_ptr_array_index (specs, i);
      QuestionGroup *group = g_hash_table_lookup (self->groups, &spec->info.appointment_id);

      if (group == NULL)
        {
          group = question_group_new (self, spec->info.appointment_id);
          g_hash_table_insert (self->groups, &group->info.appointment_id, group);
        }
      question_group_update (group, spec, now);

      if (spec->info.kind == CARNET_QUESTION_GROUP_PAST && !past_started)
        {
          past_started = TRUE;
          previous = place_after (self, self->later_button, previous);
          previous = place_after (self, self->past_heading, previous);
        }

      if (gtk_widget_get_prev_sibling (group->widget) != previous)
        gtk_box_reorder_child_after (self->groups_box, group->widget, previous);
      previous = group->widget;
    }
  if (!past_started)
    previous = place_after (self, self->later_button, previous);
  gtk_widget_set_visible (self->later_button, self->more_planned);
  gtk_widget_set_visible (self->past_heading, past_started);
  place_after (self, self->earlier_button, previous);
  gtk_widget_set_visible (self->earlier_button, self->more_past);

  gtk_stack_set_visible_child_name (self->stack, n_questions == 0 ? "empty" : "questions");

  return TRUE;
}

static gboolean
find_question (CarnetQuestionsPage  *self,
               gint64                id,
               QuestionGroup       **out_group,
               QuestionRow         **out_row)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->groups);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      QuestionGroup *group = value;
      QuestionRow *question_row = g_hash_table_lookup (group->rows, &id);

      if (question_row != NULL)
        {
          *out_group = group;
          *out_row = question_row;
          return TRUE;
        }
    }

  return FALSE;
}

static gboolean
add_question (CarnetQuestionsPage  *self,
              gint64                appointment_id,
              const char           *text,
              GError              **error)
{
  g_autoptr(CarnetQuestion) question = carnet_question_new ();

  carnet_question_set_text (question, text);
  carnet_question_set_appointment_id (question, appointment_id);
  carnet_question_set_author (question, CARNET_AUTHOR_PATIENT);

  return carnet_notebook_add (carnet_page_get_notebook (CARNET_PAGE (self)), CARNET_RECORD (question), error);
}

/* Adds what the entry says to the group's consultation; the entry is then
 * ready for the next one. */
static gboolean
submit_entry (CarnetQuestionsPage *self,
              AdwEntryRow         *entry,
              gint64               appointment_id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (carnet_page_get_notebook (CARNET_PAGE (self)) == NULL)
    return FALSE;

  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  if (*text == '\0')
    {
      gtk_widget_error_bell (GTK_WIDGET (entry));
      return FALSE;
    }

  if (!add_question (self, appointment_id, text, &error))
    {
      show_entry_error (entry, error->message);
      return FALSE;
    }

  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  return TRUE;
}

static void
move_question (CarnetQuestionsPage *self,
               gint64               id,
               int                  delta)
{
  g_autoptr(GError) error = NULL;
  QuestionGroup *group;
  QuestionRow *question_row;
  GHashTableIter iter;
  gpointer value;
  gint64 target;

  if (carnet_page_get_notebook (CARNET_PAGE (self)) == NULL)
    return;
  /* Rows are only up to date on screen. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    carnet_page_reload (CARNET_PAGE (self));
  if (!find_question (self, id, &group, &question_row))
    return;

  target = (gint64) question_row->order + delta;
  if (target < 0 || target >= group->total)
    return;

  /* Past the first ones, it would leave the screen, and so would the one it
   * changes places with. */
  pin_question (self, id);
  g_hash_table_iter_init (&iter, group->rows);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      QuestionRow *neighbour = value;

      if (neighbour->order == (guint) target)
        pin_question (self, neighbour->id);
    }
  if (!carnet_notebook_move_question (carnet_page_get_notebook (CARNET_PAGE (self)), id, (guint) target + 1, &error))
    show_error (self, error->message);
}

/* Callbacks */

static void
on_entry_changed_cb (AdwEntryRow *entry)
{
  if (!gtk_widget_has_css_class (GTK_WIDGET (entry), "error"))
    return;

  gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry),
                                 g_object_get_data (G_OBJECT (entry), "carnet-title"));
}

static void
on_group_entry_activated_cb (AdwEntryRow   *entry,
                             QuestionGroup *group)
{
  submit_entry (group->page, entry, group->info.appointment_id);
}

static void
on_empty_entry_activated_cb (CarnetQuestionsPage *self)
{
  gint64 next = 0;
  QuestionGroup *group;

  if (!submit_entry (self, self->empty_entry, 0))
    return;

  /* The page now shows the groups: carry on in the next consultation's entry. */
  group = g_hash_table_lookup (self->groups, &next);
  if (group != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (group->entry));
}

static void
on_asked_toggled_cb (GtkCheckButton *button,
                     QuestionRow    *question_row)
{
  gtk_widget_activate_action (GTK_WIDGET (button), "questions.set-asked", "(xb)",
                              question_row->id, gtk_check_button_get_active (button));
}

static void
on_list_row_activated_cb (GtkListBox    *list,
                          GtkListBoxRow *row,
                          QuestionGroup *group)
{
  if (GTK_WIDGET (row) == group->more_row)
    gtk_widget_activate_action (GTK_WIDGET (group->page), "questions.show-more", "x",
                                group->info.appointment_id);
}

static void
on_move_clicked_cb (GtkButton   *button,
                    QuestionRow *question_row)
{
  gtk_widget_activate_action (GTK_WIDGET (button),
                              g_object_get_data (G_OBJECT (button), "carnet-action"),
                              "x", question_row->id);
}

static void
set_asked_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  CarnetQuestionsPage *self = CARNET_QUESTIONS_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(CarnetRecord) record = NULL;
  CarnetQuestion *question;
  CarnetQuestionStatus status;
  gboolean asked;
  gint64 id;

  if (carnet_page_get_notebook (CARNET_PAGE (self)) == NULL)
    return;

  g_variant_get (parameter, "(xb)", &id, &asked);

  record = carnet_notebook_get (carnet_page_get_notebook (CARNET_PAGE (self)), CARNET_RECORD_QUESTION, id, &error);
  if (record == NULL)
    goto failed;

  question = CARNET_QUESTION (record);
  status = carnet_question_get_status (question);
  /* An answer stays: it was asked. */
  if (status == CARNET_QUESTION_ANSWERED || (status == CARNET_QUESTION_ASKED) == asked)
    {
      carnet_page_reload (CARNET_PAGE (self));
      return;
    }

  carnet_question_set_status (question, asked ? CARNET_QUESTION_ASKED : CARNET_QUESTION_OPEN);
  if (carnet_notebook_update (carnet_page_get_notebook (CARNET_PAGE (self)), record, &error))
    return;

failed:
  show_error (self, error->message);
  /* The box goes back to what the notebook says. */
  carnet_page_reload (CARNET_PAGE (self));
}

static void
move_up_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  move_question (CARNET_QUESTIONS_PAGE (widget), g_variant_get_int64 (parameter), -1);
}

static void
move_down_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  move_question (CARNET_QUESTIONS_PAGE (widget), g_variant_get_int64 (parameter), 1);
}

static void
show_more_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  CarnetQuestionsPage *self = CARNET_QUESTIONS_PAGE (widget);
  g_autoptr(GError) error = NULL;
  gint64 appointment_id = g_variant_get_int64 (parameter);
  QuestionGroup *group = g_hash_table_lookup (self->groups, &appointment_id);
  QuestionRow *first_new = NULL;
  gboolean had_focus;
  guint run_end;

  if (group == NULL || !gtk_widget_get_visible (group->more_row))
    return;

  run_end = group->run_end;
  had_focus = gtk_widget_has_focus (group->more_row);
  g_hash_table_insert (self->limits, g_memdup2 (&appointment_id, sizeof appointment_id),
                       GUINT_TO_POINTER (MAX (get_limit (self, appointment_id), run_end) + QUESTION_BATCH));
  if (!reload (self, &error))
    {
      carnet_page_report_error (CARNET_PAGE (self), error);
      return;
    }

  /* A keyboard user goes on reading where the new ones start. */
  group = g_hash_table_lookup (self->groups, &appointment_id);
  if (!had_focus || group == NULL)
    return;
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (group->list));
       row != NULL && first_new == NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      QuestionRow *question_row = g_object_get_data (G_OBJECT (row), "carnet-question-row");

      if (question_row != NULL && question_row->order == run_end)
        first_new = question_row;
    }
  if (first_new != NULL)
    gtk_widget_grab_focus (first_new->row);
}

/* Overrides */

static void
carnet_questions_page_reload (CarnetPage *page)
{
  g_autoptr(GError) error = NULL;

  if (!reload (CARNET_QUESTIONS_PAGE (page), &error))
    carnet_page_report_error (page, error);
}

static gboolean
carnet_questions_page_show_record (CarnetPage       *page,
                                   CarnetRecordKind  kind,
                                   gint64            id)
{
  CarnetQuestionsPage *self = CARNET_QUESTIONS_PAGE (page);
  g_autoptr(GError) error = NULL;
  QuestionGroup *group;
  QuestionRow *question_row;
  gint64 appointment_id;

  if (kind != CARNET_RECORD_QUESTION || carnet_page_get_notebook (page) == NULL)
    return FALSE;

  if (!find_question (self, id, &group, &question_row))
    {
      if (!carnet_notebook_locate_question (carnet_page_get_notebook (page), id, &appointment_id, NULL, &error))
        {
          if (!g_error_matches (error, CARNET_ERROR, CARNET_ERROR_NOT_FOUND))
            carnet_page_report_error (page, error);
          return FALSE;
        }

      /* Wherever it is in its group… */
      pin_question (self, id);
      /* …of a consultation further ahead than those shown… */
      if (g_hash_table_contains (self->hidden_planned, &appointment_id))
        self->planned_limit = G_MAXUINT - 1;
      if (!reload (self, &error))
        {
          carnet_page_report_error (page, error);
          return FALSE;
        }
    }

  /* …or of an earlier one than those shown: all of them shown. */
  while (!find_question (self, id, &group, &question_row))
    {
      if (!self->more_past)
        return FALSE;
      self->past_limit = G_MAXUINT - 1;
      if (!reload (self, &error))
        {
          carnet_page_report_error (page, error);
          return FALSE;
        }
    }

  /* The focus on it: the view scrolls there. */
  gtk_widget_grab_focus (question_row->row);
  return TRUE;
}

static void
on_earlier_button_clicked_cb (CarnetQuestionsPage *self)
{
  g_autoptr(GError) error = NULL;

  self->past_limit += PAST_GROUPS;
  if (!reload (self, &error))
    carnet_page_report_error (CARNET_PAGE (self), error);
}

static void
on_later_button_clicked_cb (CarnetQuestionsPage *self)
{
  g_autoptr(GError) error = NULL;

  self->planned_limit += PLANNED_GROUPS;
  if (!reload (self, &error))
    carnet_page_report_error (CARNET_PAGE (self), error);
}

static void
carnet_questions_page_dispose (GObject *object)
{
  CarnetQuestionsPage *self = CARNET_QUESTIONS_PAGE (object);

  if (self->groups != NULL)
    g_hash_table_remove_all (self->groups);
  g_clear_weak_pointer (&self->shown);

  gtk_widget_dispose_template (GTK_WIDGET (self), CARNET_TYPE_QUESTIONS_PAGE);

  G_OBJECT_CLASS (carnet_questions_page_parent_class)->dispose (object);
}

static void
carnet_questions_page_finalize (GObject *object)
{
  CarnetQuestionsPage *self = CARNET_QUESTIONS_PAGE (object);

  g_clear_pointer (&self->groups, g_hash_table_unref);
  g_clear_pointer (&self->hidden_planned, g_hash_table_unref);
  g_clear_pointer (&self->limits, g_hash_table_unref);
  g_clear_pointer (&self->pinned, g_hash_table_unref);

  G_OBJECT_CLASS (carnet_questions_page_parent_class)->finalize (object);
}

static void
carnet_questions_page_class_init (CarnetQuestionsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  CarnetPageClass *page_class = CARNET_PAGE_CLASS (klass);

  object_class->dispose = carnet_questions_page_dispose;
  object_class->finalize = carnet_questions_page_finalize;

  page_class->reload = carnet_questions_page_reload;
  page_class->show_record = carnet_questions_page_show_record;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/carnet-questions-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CarnetQuestionsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, CarnetQuestionsPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, CarnetQuestionsPage, empty_button_label);
  gtk_widget_class_bind_template_child (widget_class, CarnetQuestionsPage, empty_entry);
  gtk_widget_class_bind_template_child (widget_class, CarnetQuestionsPage, groups_box);
  gtk_widget_class_bind_template_child (widget_class, CarnetQuestionsPage, past_heading);
  gtk_widget_class_bind_template_child (widget_class, CarnetQuestionsPage, earlier_button);
  gtk_widget_class_bind_template_child (widget_class, CarnetQuestionsPage, later_button);
  gtk_widget_class_bind_template_callback (widget_class, on_earlier_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_later_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_empty_entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_changed_cb);

  gtk_widget_class_install_action (widget_class, "questions.set-asked", "(xb)", set_asked_activated);
  gtk_widget_class_install_action (widget_class, "questions.move-up", "x", move_up_activated);
  gtk_widget_class_install_action (widget_class, "questions.move-down", "x", move_down_activated);
  gtk_widget_class_install_action (widget_class, "questions.show-more", "x", show_more_activated);
}

static void
carnet_questions_page_init (CarnetQuestionsPage *self)
{
  CarnetEmptyState state;

  gtk_widget_init_template (GTK_WIDGET (self));

  carnet_row_text_empty_state (CARNET_RECORD_QUESTION, &state);
  adw_status_page_set_title (self->empty_page, state.title);
  adw_status_page_set_description (self->empty_page, state.description);
  gtk_label_set_text_with_mnemonic (self->empty_button_label, state.button);

  self->past_limit = PAST_GROUPS;
  self->planned_limit = PLANNED_GROUPS;
  self->newest_question = -1;
  self->groups = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                        (GDestroyNotify) question_group_free);
  self->hidden_planned = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->limits = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->pinned = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  set_entry_title (self->empty_entry, adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self->empty_entry)));
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

/* Public API */

/**
 * carnet_questions_page_new:
 *
 * Returns: (transfer floating): a page showing no notebook yet
 */
GtkWidget *
carnet_questions_page_new (void)
{
  return g_object_new (CARNET_TYPE_QUESTIONS_PAGE, NULL);
}
