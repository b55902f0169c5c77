/* carnet-journal-page.c: every record by date, newest first
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The whole notebook as a journal, one heading per month, filtered by kind.
 * The list reads the records it shows as it scrolls (CarnetRecordModel): a
 * journal of years opens as fast as a new one.
 */
#define G_LOG_DOMAIN "carnet-app"

#include "config.h"

#include "carnet-journal-page.h"

#include <glib/gi18n.h>

#include "carnet-record-list.h"
#include "carnet-record-model.h"

struct _CarnetJournalPage
{
  CarnetPage         parent_instance;

  /* Template widgets */
  GtkMenuButton     *filter_button;
  GtkStack          *stack;
  CarnetRecordList  *list;
  AdwStatusPage     *empty_page;
  GtkButton         *empty_button;
  GtkLabel          *empty_button_label;

  GDateTime         *now;
  CarnetRecordModel *records;
  /* Treatment id → name, for the side effects' rows. */
  GHashTable        *treatment_names;
  /* The kind shown, -1 for all. */
  int                kind;
};

G_DEFINE_FINAL_TYPE (CarnetJournalPage, carnet_journal_page, CARNET_TYPE_PAGE)

enum {
  PROP_0,
  PROP_FILTER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What the filter button says, by kind (the first for every kind). */
static const char * const filter_labels[] = {
  N_("All Entries"),
  N_("Appointments and Exams"),
  N_("Results"),
  N_("Side Effects"),
  N_("Questions"),
  N_("Treatments"),
};

static void
describe (CarnetItem    *item,
          CarnetRowText *text,
          gpointer       user_data)
{
  CarnetJournalPage *self = user_data;
  CarnetRecord *record = carnet_item_get_object (item);
  const char *treatment_name = NULL;

  if (CARNET_IS_SIDE_EFFECT (record))
    {
      gint64 treatment_id = carnet_side_effect_get_treatment_id (CARNET_SIDE_EFFECT (record));

      treatment_name = g_hash_table_lookup (self->treatment_names, &treatment_id);
    }

  carnet_row_text_for_record (text, record, treatment_name, self->now);
}

static void
set_empty_state (CarnetJournalPage *self,
                 int                kind)
{
  CarnetEmptyState state;

  carnet_row_text_empty_state (kind, &state);
  adw_status_page_set_title (self->empty_page, state.title);
  adw_status_page_set_description (self->empty_page, state.description);
  gtk_label_set_text_with_mnemonic (self->empty_button_label, state.button);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->empty_button), "s", state.add_kind);
}

/* Shows the records of the chosen kind. */
static gboolean
filter (CarnetJournalPage  *self,
        GError            **error)
{
  int kind = carnet_journal_page_get_kind (self);
  gboolean ok;

  ok = carnet_record_model_load (self->records, carnet_page_get_notebook (CARNET_PAGE (self)),
                                 kind >= 0 ? CARNET_KIND_BIT (kind) : CARNET_ALL_KINDS,
                                 g_date_time_get_timezone (self->now), error);

  set_empty_state (self, kind);
  gtk_stack_set_visible_child_name (self->stack,
                                    g_list_model_get_n_items (G_LIST_MODEL (self->records)) > 0
                                      ? "list" : "empty");
  return ok;
}

static gboolean
reload (CarnetJournalPage  *self,
        GError            **error)
{
  CarnetNotebook *notebook = carnet_page_get_notebook (CARNET_PAGE (self));

  g_clear_pointer (&self->now, g_date_time_unref);
  self->now = carnet_page_dup_now (CARNET_PAGE (self));
  g_hash_table_remove_all (self->treatment_names);

  /* The side effects name their treatments, which may be older than they. */
  if (notebook != NULL)
    {
      g_autoptr(GListModel) treatments = carnet_notebook_list (notebook, CARNET_RECORD_TREATMENT,
                                                               NULL, NULL, error);
      guint n;

      if (treatments == NULL)
        return FALSE;

      n = g_list_model_get_n_items (treatments);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(CarnetTreatment) treatment = g_list_model_get_item (treatments, i);
          gint64 id = carnet_record_get_id (CARNET_RECORD (treatment));

          g_hash_table_insert (self->treatment_names, g_memdup2 (&id, sizeof id),
                               g_strdup (carnet_treatment_get_name (treatment)));
        }
    }

  return filter (self, error);
}

static void
update_filter_button (CarnetJournalPage *self)
{
  const char *label = _(filter_labels[self->kind + 1]);
  g_autofree char *accessible = NULL;

  gtk_menu_button_set_label (self->filter_button, label);
  /* Translators: the accessible name of the journal's filter button; %s is
   * what it shows ("All Entries", "Results"…). */
  accessible = g_strdup_printf (_("Show: %s"), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->filter_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}

/* Overrides */

static void
carnet_journal_page_reload (CarnetPage *page)
{
  g_autoptr(GError) error = NULL;

  if (!reload (CARNET_JOURNAL_PAGE (page), &error))
    carnet_page_report_error (page, error);
}

static gboolean
carnet_journal_page_show_record (CarnetPage       *page,
                                 CarnetRecordKind  kind,
                                 gint64            id)
{
  CarnetJournalPage *self = CARNET_JOURNAL_PAGE (page);
  g_autoptr(GError) error = NULL;
  int shown = carnet_journal_page_get_kind (self);
  guint position;

  if (shown >= 0 && shown != (int) kind)
    carnet_journal_page_set_kind (self, -1);

  position = carnet_record_model_find (self->records, kind, id, &error);
  if (error != NULL)
    carnet_page_report_error (page, error);
  if (position == G_MAXUINT)
    return FALSE;

  carnet_record_list_show_position (self->list, position);
  return TRUE;
}

static void
carnet_journal_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  CarnetJournalPage *self = CARNET_JOURNAL_PAGE (object);

  switch (prop_id)
    {
    case PROP_FILTER:
      g_value_set_string (value, self->kind < 0 ? "all" :
                          carnet_enum_to_nick (CARNET_TYPE_RECORD_KIND, self->kind));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
carnet_journal_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  CarnetJournalPage *self = CARNET_JOURNAL_PAGE (object);

  switch (prop_id)
    {
    case PROP_FILTER:
      {
        const char *nick = g_value_get_string (value);
        int kind = -1;

        if (nick != NULL && !g_str_equal (nick, "all") &&
            !carnet_enum_from_nick (CARNET_TYPE_RECORD_KIND, nick, &kind))
          kind = -1;
        carnet_journal_page_set_kind (self, kind);
      }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
carnet_journal_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CARNET_TYPE_JOURNAL_PAGE);

  G_OBJECT_CLASS (carnet_journal_page_parent_class)->dispose (object);
}

static void
carnet_journal_page_finalize (GObject *object)
{
  CarnetJournalPage *self = CARNET_JOURNAL_PAGE (object);

  g_clear_pointer (&self->now, g_date_time_unref);
  g_clear_object (&self->records);
  g_clear_pointer (&self->treatment_names, g_hash_table_unref);

  G_OBJECT_CLASS (carnet_journal_page_parent_class)->finalize (object);
}

static void
carnet_journal_page_class_init (CarnetJournalPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  CarnetPageClass *page_class = CARNET_PAGE_CLASS (klass);

  object_class->dispose = carnet_journal_page_dispose;
  object_class->finalize = carnet_journal_page_finalize;
  object_class->get_property = carnet_journal_page_get_property;
  object_class->set_property = carnet_journal_page_set_property;

  page_class->reload = carnet_journal_page_reload;
  page_class->show_record = carnet_journal_page_show_record;

  /**
   * CarnetJournalPage:filter:
   *
   * The kind of records shown, as its nick ("side-effect"), or "all".
   */
  properties[PROP_FILTER] =
    g_param_spec_string ("filter", NULL, NULL, "all",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_property_action (widget_class, "journal.filter", "filter");

  g_type_ensure (CARNET_TYPE_RECORD_LIST);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/carnet-journal-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CarnetJournalPage, filter_button);
  gtk_widget_class_bind_template_child (widget_class, CarnetJournalPage, stack);
  gtk_widget_class_bind_template_child (widget_class, CarnetJournalPage, list);
  gtk_widget_class_bind_template_child (widget_class, CarnetJournalPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, CarnetJournalPage, empty_button);
  gtk_widget_class_bind_template_child (widget_class, CarnetJournalPage, empty_button_label);
}

static void
carnet_journal_page_init (CarnetJournalPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->now = g_date_time_new_now_local ();
  self->records = carnet_record_model_new ();
  self->treatment_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  self->kind = -1;
  carnet_record_list_set_describe_func (self->list, describe, self);
  carnet_record_list_set_model (self->list, G_LIST_MODEL (self->records));
  update_filter_button (self);
  set_empty_state (self, self->kind);
}

/* Public API */

GtkWidget *
carnet_journal_page_new (void)
{
  return g_object_new (CARNET_TYPE_JOURNAL_PAGE, NULL);
}

/**
 * carnet_journal_page_get_kind:
 *
 * Returns: the #CarnetRecordKind shown, or -1 when every kind is
 */
int
carnet_journal_page_get_kind (CarnetJournalPage *self)
{
  g_return_val_if_fail (CARNET_IS_JOURNAL_PAGE (self), -1);

  return self->kind;
}

/**
 * carnet_journal_page_set_kind:
 * @kind: a #CarnetRecordKind, or -1 for every kind
 */
void
carnet_journal_page_set_kind (CarnetJournalPage *self,
                              int                kind)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (CARNET_IS_JOURNAL_PAGE (self));
  g_return_if_fail (kind >= -1 && kind < CARNET_N_RECORD_KINDS);

  if (self->kind == kind)
    return;

  self->kind = kind;
  update_filter_button (self);
  if (!filter (self, &error))
    carnet_page_report_error (CARNET_PAGE (self), error);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILTER]);
}

/**
 * carnet_journal_compare_records:
 *
 * The journal's order: newest first, undated last; on the same instant, by
 * kind, then newest entry first.
 */
int
carnet_journal_compare_records (CarnetRecord *a,
                                CarnetRecord *b)
{
  return carnet_record_compare_newest_first (a, b);
}
