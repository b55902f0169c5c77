/* carnet-search-page.c: the records that match a search
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window's search bar sets the query; the core's full-text index answers
 * (accents ignored, words or their start), a page of hits at a time as the
 * list shows them (CarnetSearchModel), a page more each time the list is
 * scrolled near its end. It lists CARNET_SEARCH_HITS_MAX hits at most, and
 * says so above them when more match. Activating a hit opens its editor.
 */
#define G_LOG_DOMAIN "carnet-app"

#include "config.h"

#include "carnet-search-page.h"

#include <glib/gi18n.h>

#include "carnet-record-list.h"
#include "carnet-search-model.h"

struct _CarnetSearchPage
{
  CarnetPage         parent_instance;

  /* Template widgets */
  GtkStack          *stack;
  CarnetRecordList  *list;
  GtkLabel          *limit_label;
  AdwStatusPage     *empty_page;

  /* The hits shown, or NULL. */
  CarnetSearchModel *hits;
  GDateTime         *now;
  char              *query;
};

G_DEFINE_FINAL_TYPE (CarnetSearchPage, carnet_search_page, CARNET_TYPE_PAGE)

enum {
  PROP_0,
  PROP_QUERY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
describe (CarnetItem    *item,
          CarnetRowText *text,
          gpointer       user_data)
{
  CarnetSearchPage *self = user_data;

  carnet_row_text_for_hit (text, carnet_item_get_object (item), self->now);
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;

  return TRUE;
}

static void
show_empty (CarnetSearchPage *self,
            const char       *title,
            const char       *description)
{
  g_autoptr(GPtrArray) none = g_ptr_array_new ();

  g_clear_object (&self->hits);
  carnet_record_list_set_model (self->list, NULL);
  carnet_record_list_update (self->list, none);
  gtk_widget_set_visible (GTK_WIDGET (self->limit_label), FALSE);
  adw_status_page_set_title (self->empty_page, title);
  adw_status_page_set_description (self->empty_page, description);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

/* Past the most it lists, the page says that it leaves matches out. */
static void
show_limit (CarnetSearchPage  *self,
            CarnetSearchModel *hits)
{
  guint n_listed = carnet_search_model_get_n_hits (hits);
  guint n_matches = carnet_search_model_get_n_matches (hits);
  g_autofree char *text = NULL;

  if (n_matches <= n_listed)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->limit_label), FALSE);
      return;
    }

  /* The matches are counted up to CARNET_SEARCH_COUNT_MAX. */
  if (n_matches >= CARNET_SEARCH_COUNT_MAX)
    text = g_strdup_printf (_("Only %u of %u or more matching entries are listed. "
                              "Add a word to narrow the search."),
                            n_listed, n_matches);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Only %u of the %u matching entry is listed. "
                                         "Add a word to narrow the search.",
                                         "Only %u of the %u matching entries are listed. "
                                         "Add a word to narrow the search.",
                                         n_matches),
                            n_listed, n_matches);
  gtk_label_set_label (self->limit_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->limit_label), TRUE);
}

/* Scrolled to less than a screen above the end: the list gets its next
 * page. (A page of hits fills any screen, and only scrolling is watched:
 * while a list is being shown, its height can be that of its first rows.) */
static void
on_scrolled_cb (CarnetSearchPage *self,
                GtkAdjustment    *adjustment)
{
  double page_size = gtk_adjustment_get_page_size (adjustment);
  double below = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_value (adjustment) - page_size;

  if (self->hits != NULL && below < page_size)
    carnet_search_model_show_more (self->hits);
}

/* Overrides */

static void
carnet_search_page_reload (CarnetPage *page)
{
  CarnetSearchPage *self = CARNET_SEARCH_PAGE (page);
  CarnetNotebook *notebook = carnet_page_get_notebook (page);
  g_autoptr(CarnetSearchModel) hits = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *escaped = NULL;

  g_clear_pointer (&self->now, g_date_time_unref);
  self->now = carnet_page_dup_now (page);

  if (notebook == NULL || is_blank (self->query))
    {
      show_empty (self, _("Search the Notebook"),
                  _("Titles, notes, answers, reports: every word counts, accents do not."));
      return;
    }

  hits = carnet_search_model_new (notebook, self->query, CARNET_SEARCH_HITS_MAX, &error);
  if (hits == NULL)
    {
      escaped = g_markup_escape_text (error->message, -1);
      show_empty (self, _("Cannot Search for This"), escaped);
      return;
    }

  if (g_list_model_get_n_items (G_LIST_MODEL (hits)) == 0)
    {
      show_empty (self, _("No Results Found"), _("Try other words, or fewer."));
      return;
    }

  g_set_object (&self->hits, hits);
  carnet_record_list_set_model (self->list, G_LIST_MODEL (hits));
  show_limit (self, hits);
  gtk_stack_set_visible_child_name (self->stack, "list");
}

static void
carnet_search_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CARNET_TYPE_SEARCH_PAGE);

  G_OBJECT_CLASS (carnet_search_page_parent_class)->dispose (object);
}

static void
carnet_search_page_finalize (GObject *object)
{
  CarnetSearchPage *self = CARNET_SEARCH_PAGE (object);

  g_clear_object (&self->hits);
  g_clear_pointer (&self->now, g_date_time_unref);
  g_clear_pointer (&self->query, g_free);

  G_OBJECT_CLASS (carnet_search_page_parent_class)->finalize (object);
}

static void
carnet_search_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  CarnetSearchPage *self = CARNET_SEARCH_PAGE (object);

  switch (prop_id)
    {
    case PROP_QUERY:
      g_value_set_string (value, self->query);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
carnet_search_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  CarnetSearchPage *self = CARNET_SEARCH_PAGE (object);

  switch (prop_id)
    {
    case PROP_QUERY:
      carnet_search_page_set_query (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
carnet_search_page_class_init (CarnetSearchPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  CarnetPageClass *page_class = CARNET_PAGE_CLASS (klass);

  object_class->dispose = carnet_search_page_dispose;
  object_class->finalize = carnet_search_page_finalize;
  object_class->get_property = carnet_search_page_get_property;
  object_class->set_property = carnet_search_page_set_property;

  page_class->reload = carnet_search_page_reload;

  /**
   * CarnetSearchPage:query:
   *
   * The words searched for, as the user typed them.
   */
  properties[PROP_QUERY] =
    g_param_spec_string ("query", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CARNET_TYPE_RECORD_LIST);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/carnet-search-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CarnetSearchPage, stack);
  gtk_widget_class_bind_template_child (widget_class, CarnetSearchPage, list);
  gtk_widget_class_bind_template_child (widget_class, CarnetSearchPage, limit_label);
  gtk_widget_class_bind_template_child (widget_class, CarnetSearchPage, empty_page);
}

static void
carnet_search_page_init (CarnetSearchPage *self)
{
  GtkAdjustment *adjustment;

  gtk_widget_init_template (GTK_WIDGET (self));
  carnet_status_page_set_icon_on_map (self->empty_page, "system-search-symbolic");

  self->now = g_date_time_new_now_local ();
  carnet_record_list_set_describe_func (self->list, describe, self);

  adjustment = carnet_record_list_get_vadjustment (self->list);
  g_signal_connect_object (adjustment, "value-changed", G_CALLBACK (on_scrolled_cb), self, G_CONNECT_SWAPPED);
}

/* Public API */

GtkWidget *
carnet_search_page_new (void)
{
  return g_object_new (CARNET_TYPE_SEARCH_PAGE, NULL);
}

const char *
carnet_search_page_get_query (CarnetSearchPage *self)
{
  g_return_val_if_fail (CARNET_IS_SEARCH_PAGE (self), NULL);

  return self->query;
}

/**
 * carnet_search_page_set_query:
 * @query: (nullable): the words to search for
 *
 * Searches for @query now if the page is shown, else when it is.
 */
void
carnet_search_page_set_query (CarnetSearchPage *self,
                              const char       *query)
{
  g_return_if_fail (CARNET_IS_SEARCH_PAGE (self));

  if (g_strcmp0 (self->query, query) == 0)
    return;

  g_free (self->query);
  self->query = g_strdup (query);
  carnet_page_queue_reload (CARNET_PAGE (self));

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUERY]);
}

/**
 * carnet_search_page_get_n_hits:
 *
 * Returns: how many hits the page lists, as the list is scrolled down: the
 *   matches, at most %CARNET_SEARCH_HITS_MAX
 */
guint
carnet_search_page_get_n_hits (CarnetSearchPage *self)
{
  g_return_val_if_fail (CARNET_IS_SEARCH_PAGE (self), 0);

  return self->hits != NULL ? carnet_search_model_get_n_hits (self->hits) : 0;
}

/**
 * carnet_search_page_activate_first:
 *
 * Opens the best hit's editor, as Enter in the search entry does.
 *
 * Returns: whether there was a hit to open
 */
gboolean
carnet_search_page_activate_first (CarnetSearchPage *self)
{
  g_auto(CarnetRowText) text = { 0 };

  g_return_val_if_fail (CARNET_IS_SEARCH_PAGE (self), FALSE);

  if (carnet_search_page_get_n_hits (self) == 0)
    return FALSE;

  carnet_record_list_describe (self->list, 0, &text);
  return gtk_widget_activate_action (GTK_WIDGET (self), "record.edit", "(sx)",
                                     carnet_enum_to_nick (CARNET_TYPE_RECORD_KIND, text.kind),
                                     text.id);
}
