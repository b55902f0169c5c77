/* carnet-upcoming-page.c: what comes next, and what was missed
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The next appointments of the coming year (%CARNET_UPCOMING_ROWS at first,
 * more on demand), each with a countdown, its reminders and, for a
 * consultation, the open questions waiting for it. Above them, the ones that
 * are over and were not marked done (their reminder may have fallen due while
 * Carnet was not running), each with a button to mark it done.
 */
#define G_LOG_DOMAIN "carnet-app"

#include "config.h"

#include "carnet-upcoming-page.h"

#include <glib/gi18n.h>

#include "carnet-record-list.h"

struct _CarnetUpcomingPage
{
  CarnetPage         parent_instance;

  /* Template widgets */
  GtkStack          *stack;
  CarnetRecordList  *list;
  GtkWidget         *name_button;
  GtkWidget         *demo_button;
  GtkWidget         *later_button;
  AdwStatusPage     *empty_page;

  /* How many coming occurrences are listed. */
  guint              limit;

  GDateTime         *now;
  /* Item key → open questions waiting for that occurrence. */
  GHashTable        *questions;
  /* Keys of the occurrences whose reminder was missed. */
  GHashTable        *missed_reminders;
};

G_DEFINE_FINAL_TYPE (CarnetUpcomingPage, carnet_upcoming_page, CARNET_TYPE_PAGE)

static char *
occurrence_key (gint64     appointment_id,
                GDateTime *start)
{
  return g_strdup_printf ("occurrence:%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT,
                          appointment_id, g_date_time_to_unix (start));
}

static gboolean
is_over (CarnetOccurrence *occurrence,
         GDateTime        *now)
{
  GDateTime *end = carnet_occurrence_get_end (occurrence);

  if (end == NULL)
    end = carnet_occurrence_get_start (occurrence);

  return g_date_time_compare (end, now) <= 0;
}

/* How many occurrences of @agenda are planned and still to come. */
static guint
count_coming (GListModel *agenda,
              GDateTime  *now)
{
  guint n = g_list_model_get_n_items (agenda);
  guint count = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CarnetOccurrence) occurrence = g_list_model_get_item (agenda, i);

      if (carnet_occurrence_get_status (occurrence) == CARNET_STATUS_PLANNED &&
          !is_over (occurrence, now))
        count++;
    }

  return count;
}

static void
describe (CarnetItem    *item,
          CarnetRowText *text,
          gpointer       user_data)
{
  CarnetUpcomingPage *self = user_data;
  const char *key = carnet_item_get_key (item);

  carnet_row_text_for_occurrence (text, carnet_item_get_object (item),
                                  GPOINTER_TO_UINT (g_hash_table_lookup (self->questions, key)),
                                  g_hash_table_contains (self->missed_reminders, key),
                                  self->now);
}

static gboolean
reload (CarnetUpcomingPage  *self,
        GError             **error)
{
  CarnetNotebook *notebook = carnet_page_get_notebook (CARNET_PAGE (self));
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) until = NULL;
  g_autoptr(GListModel) agenda = NULL;
  g_autoptr(GListModel) missed = NULL;
  g_autoptr(GHashTable) open_questions = NULL;
  g_autoptr(GHashTable) seen_appointments = NULL;
  g_autoptr(GPtrArray) past = NULL;
  g_autoptr(GPtrArray) coming = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *month = NULL;
  gboolean next_consultation_found = FALSE;
  gboolean more = FALSE;
  const char *person;
  guint n;

  g_clear_pointer (&self->now, g_date_time_unref);
  self->now = carnet_page_dup_now (CARNET_PAGE (self));
  g_hash_table_remove_all (self->questions);
  g_hash_table_remove_all (self->missed_reminders);

  person = notebook != NULL ? carnet_notebook_get_person (notebook) : NULL;
  /* A notebook without a name is a newcomer's: offer to name it, or to look at the demo. */
  gtk_widget_set_visible (self->name_button, notebook != NULL && (person == NULL || *person == '\0'));
  gtk_widget_set_visible (self->demo_button, notebook != NULL && (person == NULL || *person == '\0'));

  items = g_ptr_array_new_with_free_func (g_object_unref);
  gtk_widget_set_visible (self->later_button, FALSE);
  if (notebook == NULL)
    {
      carnet_record_list_update (self->list, items);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return TRUE;
    }

  from = g_date_time_add_days (self->now, -CARNET_REMINDER_CATCH_UP_DAYS);
  /* The coming weeks first: they usually hold more than the page lists, and
   * the whole year only when they do not. */
  until = g_date_time_add_days (self->now, CARNET_UPCOMING_SOON_DAYS);
  agenda = carnet_notebook_agenda (notebook, from, until, error);
  if (agenda == NULL)
    return FALSE;
  if (count_coming (agenda, self->now) <= self->limit)
    {
      g_clear_object (&agenda);
      g_clear_pointer (&until, g_date_time_unref);
      until = g_date_time_add_days (self->now, CARNET_UPCOMING_DAYS);
      agenda = carnet_notebook_agenda (notebook, from, until, error);
      if (agenda == NULL)
        return FALSE;
    }
  missed = carnet_notebook_list_missed_reminders (notebook, error);
  if (missed == NULL)
    return FALSE;
  /* Open questions by appointment id; those for "the next consultation" under 0. */
  open_questions = carnet_notebook_count_open_questions (notebook, error);
  if (open_questions == NULL)
    return FALSE;

  n = g_list_model_get_n_items (missed);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CarnetReminder) reminder = g_list_model_get_item (missed, i);

      g_hash_table_add (self->missed_reminders,
                        occurrence_key (carnet_reminder_get_appointment_id (reminder),
                                        carnet_reminder_get_occurrence_start (reminder)));
    }

  past = g_ptr_array_new_with_free_func (g_object_unref);
  coming = g_ptr_array_new_with_free_func (g_object_unref);
  seen_appointments = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  n = g_list_model_get_n_items (agenda);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CarnetOccurrence) occurrence = g_list_model_get_item (agenda, i);
      CarnetAppointment *appointment = carnet_occurrence_get_appointment (occurrence);
      gint64 id = carnet_record_get_id (CARNET_RECORD (appointment));
      g_autofree char *key = NULL;
      CarnetItem *item;

      /* Done, cancelled or marked missed: nothing left to do about it. */
      if (carnet_occurrence_get_status (occurrence) != CARNET_STATUS_PLANNED)
        continue;

      if (coming->len >= self->limit && !is_over (occurrence, self->now))
        {
          more = TRUE;
          continue;
        }

      key = occurrence_key (id, carnet_occurrence_get_start (occurrence));
      item = carnet_item_new (key, occurrence);

      if (is_over (occurrence, self->now))
        {
          g_ptr_array_add (past, item);
          continue;
        }

      /* The questions wait for the first occurrence to come of their
       * consultation; those for "the next consultation", for the first
       * consultation to come at all. */
      if (carnet_appointment_get_kind (appointment) == CARNET_APPOINTMENT_CONSULTATION)
        {
          gint64 none = 0;
          guint count = 0;

          if (!g_hash_table_contains (seen_appointments, &id))
            {
              count += GPOINTER_TO_UINT (g_hash_table_lookup (open_questions, &id));
              g_hash_table_add (seen_appointments, g_memdup2 (&id, sizeof id));
            }
          if (!next_consultation_found &&
              g_date_time_compare (carnet_occurrence_get_start (occurrence), self->now) >= 0)
            {
              count += GPOINTER_TO_UINT (g_hash_table_lookup (open_questions, &none));
              next_consultation_found = TRUE;
            }
          if (count > 0)
            g_hash_table_insert (self->questions, g_strdup (key), GUINT_TO_POINTER (count));
        }

      g_ptr_array_add (coming, item);
    }

  for (guint i = 0; i < past->len; i++)
    {
      CarnetItem *item = g_ptr_array_index (past, i);

      if (i == 0)
        /* Translators: the heading of the appointments that are over and not marked done. */
        carnet_item_set_header (item, C_("upcoming heading", "Missed"));
      g_ptr_array_add (items, g_object_ref (item));
    }

  for (guint i = 0; i < coming->len; i++)
    {
      CarnetItem *item = g_ptr_array_index (coming, i);
      CarnetOccurrence *occurrence = carnet_item_get_object (item);
      g_autoptr(GDateTime) local = NULL;
      g_autofree char *item_month = NULL;

      local = g_date_time_to_timezone (carnet_occurrence_get_start (occurrence),
                                       g_date_time_get_timezone (self->now));
      item_month = carnet_row_text_month (local);
      if (g_strcmp0 (item_month, month) != 0)
        {
          carnet_item_set_header (item, item_month);
          g_free (month);
          month = g_steal_pointer (&item_month);
        }
      g_ptr_array_add (items, g_object_ref (item));
    }

  carnet_record_list_update (self->list, items);
  gtk_widget_set_visible (self->later_button, more);
  gtk_stack_set_visible_child_name (self->stack, items->len > 0 ? "list" : "empty");

  return TRUE;
}

/* Callbacks */

static void
on_later_button_clicked_cb (CarnetUpcomingPage *self)
{
  g_autoptr(GError) error = NULL;

  self->limit += CARNET_UPCOMING_ROWS;
  if (!reload (self, &error))
    carnet_page_report_error (CARNET_PAGE (self), error);
}

/* Overrides */

static void
carnet_upcoming_page_reload (CarnetPage *page)
{
  CarnetUpcomingPage *self = CARNET_UPCOMING_PAGE (page);
  g_autoptr(GError) error = NULL;

  if (!reload (self, &error))
    carnet_page_report_error (page, error);
}

static gboolean
carnet_upcoming_page_show_record (CarnetPage       *page,
                                  CarnetRecordKind  kind,
                                  gint64            id)
{
  CarnetUpcomingPage *self = CARNET_UPCOMING_PAGE (page);
  GListModel *model = carnet_record_list_get_model (self->list);
  g_autofree char *prefix = NULL;
  guint n;

  if (kind != CARNET_RECORD_APPOINTMENT)
    return FALSE;

  /* The first occurrence of the appointment: the one missed, or the next;
   * one further than the page lists makes it list everything up to it. */
  prefix = g_strdup_printf ("occurrence:%" G_GINT64_FORMAT ":", id);
  for (;;)
    {
      g_autoptr(GError) error = NULL;

      n = g_list_model_get_n_items (model);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(CarnetItem) item = g_list_model_get_item (model, i);

          if (g_str_has_prefix (carnet_item_get_key (item), prefix))
            return carnet_record_list_show (self->list, carnet_item_get_key (item));
        }

      if (!gtk_widget_get_visible (self->later_button))
        return FALSE;
      self->limit *= 2;
      if (!reload (self, &error))
        {
          carnet_page_report_error (page, error);
          return FALSE;
        }
    }
}

static void
carnet_upcoming_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CARNET_TYPE_UPCOMING_PAGE);

  G_OBJECT_CLASS (carnet_upcoming_page_parent_class)->dispose (object);
}

static void
carnet_upcoming_page_finalize (GObject *object)
{
  CarnetUpcomingPage *self = CARNET_UPCOMING_PAGE (object);

  g_clear_pointer (&self->now, g_date_time_unref);
  g_clear_pointer (&self->questions, g_hash_table_unref);
  g_clear_pointer (&self->missed_reminders, g_hash_table_unref);

  G_OBJECT_CLASS (carnet_upcoming_page_parent_class)->finalize (object);
}

static void
carnet_upcoming_page_class_init (CarnetUpcomingPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  CarnetPageClass *page_class = CARNET_PAGE_CLASS (klass);

  object_class->dispose = carnet_upcoming_page_dispose;
  object_class->finalize = carnet_upcoming_page_finalize;

  page_class->reload = carnet_upcoming_page_reload;
  page_class->show_record = carnet_upcoming_page_show_record;

  g_type_ensure (CARNET_TYPE_RECORD_LIST);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/carnet-upcoming-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CarnetUpcomingPage, stack);
  gtk_widget_class_bind_template_child (widget_class, CarnetUpcomingPage, list);
  gtk_widget_class_bind_template_child (widget_class, CarnetUpcomingPage, name_button);
  gtk_widget_class_bind_template_child (widget_class, CarnetUpcomingPage, demo_button);
  gtk_widget_class_bind_template_child (widget_class, CarnetUpcomingPage, later_button);
  gtk_widget_class_bind_template_child (widget_class, CarnetUpcomingPage, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, on_later_button_clicked_cb);
}

static void
carnet_upcoming_page_init (CarnetUpcomingPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  carnet_status_page_set_icon_on_map (self->empty_page, "alarm-symbolic");

  self->limit = CARNET_UPCOMING_ROWS;
  self->now = g_date_time_new_now_local ();
  self->questions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->missed_reminders = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  carnet_record_list_set_describe_func (self->list, describe, self);
  /* A coming appointment has at least its title, its badge ("Tomorrow") and
   * its date: 30 px of padding, three lines and their spacing. */
  carnet_record_list_set_min_row_height (self->list, 80);
}

/* Public API */

GtkWidget *
carnet_upcoming_page_new (void)
{
  return g_object_new (CARNET_TYPE_UPCOMING_PAGE, NULL);
}
