/* carnet-reminders-row.c: reminder offsets, from presets and typed ones
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An expander whose subtitle says the reminders ("1 day before, 2 hours
 * before"); inside, a check box per common offset and a field for others
 * ("3d, 30m"). Emits ::changed when the person changes them.
 */
#define G_LOG_DOMAIN "carnet-app"

#include "config.h"

#include "carnet-reminders-row.h"

#include <glib/gi18n.h>

#include "carnet.h"

/* The common offsets, as they are listed: farthest first. */
static const CarnetOffset presets[] = {
  { 7, CARNET_OFFSET_DAYS },
  { 2, CARNET_OFFSET_DAYS },
  { 1, CARNET_OFFSET_DAYS },
  { 2, CARNET_OFFSET_HOURS },
  { 0, CARNET_OFFSET_MINUTES },
};

struct _CarnetRemindersRow
{
  AdwExpanderRow  parent_instance;

  GtkCheckButton *checks[G_N_ELEMENTS (presets)];
  AdwEntryRow    *custom_row;
  gboolean        loading;
};

G_DEFINE_FINAL_TYPE (CarnetRemindersRow, carnet_reminders_row, ADW_TYPE_EXPANDER_ROW)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
same_offset (const CarnetOffset *a,
             const CarnetOffset *b)
{
  if (a->amount == 0 && b->amount == 0)
    return TRUE;

  return a->amount == b->amount && a->unit == b->unit;
}

static int
compare_farthest_first (gconstpointer a,
                        gconstpointer b)
{
  guint ma = carnet_offset_get_minutes (a);
  guint mb = carnet_offset_get_minutes (b);

  return ma == mb ? 0 : (ma > mb ? -1 : 1);
}

/* The offsets of the checked presets and of the typed text, or NULL when the
 * text is not a list of offsets. */
static GArray *
collect_offsets (CarnetRemindersRow  *self,
                 const char          *field,
                 GError             **error)
{
  g_autoptr(GArray) offsets = NULL;

  offsets = carnet_offsets_parse (gtk_editable_get_text (GTK_EDITABLE (self->custom_row)),
                                  field, error);
  if (offsets == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (presets); i++)
    {
      if (gtk_check_button_get_active (self->checks[i]))
        g_array_append_val (offsets, presets[i]);
    }

  return g_steal_pointer (&offsets);
}

static void
update_subtitle (CarnetRemindersRow *self)
{
  g_autoptr(GArray) offsets = NULL;
  g_autoptr(GString) summary = NULL;
  g_autofree char *canonical = NULL;
  g_autoptr(GArray) unique = NULL;

  offsets = collect_offsets (self, "remind", NULL);
  if (offsets == NULL)
    {
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self),
                                     gtk_editable_get_text (GTK_EDITABLE (self->custom_row)));
      return;
    }

  /* Parsing the canonical list sorts it and drops the repeats. */
  canonical = carnet_offsets_to_string (offsets);
  unique = carnet_offsets_parse (canonical, "remind", NULL);
  g_array_sort (unique, compare_farthest_first);

  summary = g_string_new (NULL);
  for (guint i = 0; i < unique->len; i++)
    {
      g_autofree char *described = carnet_offset_describe (&g_array_index (unique, CarnetOffset, i));

      if (i > 0)
        /* Translators: between two reminders in a list: "1 day before, 2 hours before" */
        g_string_append (summary, C_("list separator", ", "));
      g_string_append (summary, described);
    }

  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self),
                                 unique->len > 0 ? summary->str : _("No reminder"));
}

/* Callbacks */

static void
on_check_toggled_cb (CarnetRemindersRow *self)
{
  update_subtitle (self);
  if (!self->loading)
    g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_custom_changed_cb (CarnetRemindersRow *self)
{
  update_subtitle (self);
}

static void
on_custom_apply_cb (CarnetRemindersRow *self)
{
  if (!self->loading)
    g_signal_emit (self, signals[CHANGED], 0);
}

/* Overrides */

static void
carnet_reminders_row_class_init (CarnetRemindersRowClass *klass)
{
  /**
   * CarnetRemindersRow::changed:
   *
   * A check box was toggled, or other offsets were applied (Enter).
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
carnet_reminders_row_init (CarnetRemindersRow *self)
{
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), _("Reminders"));

  for (guint i = 0; i < G_N_ELEMENTS (presets); i++)
    {
      g_autofree char *title = carnet_offset_describe (&presets[i]);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      /* The row names its check box (activatable widget) for screen readers. */
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_signal_connect_object (check, "toggled", G_CALLBACK (on_check_toggled_cb), self,
                               G_CONNECT_SWAPPED);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (self), row);
      self->checks[i] = GTK_CHECK_BUTTON (check);
    }

  self->custom_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  /* Translators: keep d, h and m: they are the units Carnet reads */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->custom_row),
                                 _("Others, such as 3d, 12h or 30m"));
  adw_entry_row_set_show_apply_button (self->custom_row, TRUE);
  g_signal_connect_object (self->custom_row, "changed", G_CALLBACK (on_custom_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->custom_row, "apply", G_CALLBACK (on_custom_apply_cb), self,
                           G_CONNECT_SWAPPED);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), GTK_WIDGET (self->custom_row));

  update_subtitle (self);
}

/* Public API */

GtkWidget *
carnet_reminders_row_new (void)
{
  return g_object_new (CARNET_TYPE_REMINDERS_ROW, NULL);
}

/**
 * carnet_reminders_row_set_offsets:
 * @offsets: (nullable): a canonical offsets list ("30m,2h,1d")
 *
 * Checks the presets among @offsets and writes the others in the text field.
 * Does not emit ::changed.
 */
void
carnet_reminders_row_set_offsets (CarnetRemindersRow *self,
                                  const char         *offsets)
{
  g_autoptr(GArray) parsed = NULL;
  g_autoptr(GArray) others = NULL;
  g_autofree char *custom = NULL;

  g_return_if_fail (CARNET_IS_REMINDERS_ROW (self));

  parsed = carnet_offsets_parse (offsets, "remind", NULL);
  if (parsed == NULL)
    parsed = g_array_new (FALSE, FALSE, sizeof (CarnetOffset));
  others = g_array_new (FALSE, FALSE, sizeof (CarnetOffset));

  self->loading = TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (presets); i++)
    gtk_check_button_set_active (self->checks[i], FALSE);

  for (guint j = 0; j < parsed->len; j++)
    {
      const CarnetOffset *offset = &g_array_index (parsed, CarnetOffset, j);
      gboolean preset = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (presets) && !preset; i++)
        {
          if (same_offset (offset, &presets[i]))
            {
              gtk_check_button_set_active (self->checks[i], TRUE);
              preset = TRUE;
            }
        }

      if (!preset)
        g_array_append_val (others, *offset);
    }

  custom = carnet_offsets_to_string (others);
  gtk_editable_set_text (GTK_EDITABLE (self->custom_row), custom);

  self->loading = FALSE;
  update_subtitle (self);
}

/**
 * carnet_reminders_row_dup_offsets:
 * @field: the field named in @error
 *
 * Returns: (transfer full): the canonical offsets list, "" for none, or %NULL
 *   with @error set when the typed ones are not offsets
 */
char *
carnet_reminders_row_dup_offsets (CarnetRemindersRow  *self,
                                  const char          *field,
                                  GError             **error)
{
  g_autoptr(GArray) offsets = NULL;
  g_autofree char *joined = NULL;
  g_autoptr(GArray) unique = NULL;

  g_return_val_if_fail (CARNET_IS_REMINDERS_ROW (self), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  offsets = collect_offsets (self, field, error);
  if (offsets == NULL)
    return NULL;

  /* Once more through the parser: sorted, without repeats, at most as many as it allows. */
  joined = carnet_offsets_to_string (offsets);
  unique = carnet_offsets_parse (joined, field, error);
  if (unique == NULL)
    return NULL;

  return carnet_offsets_to_string (unique);
}

/**
 * carnet_reminders_row_get_custom_row:
 *
 * Returns: (transfer none): the field of the typed offsets, where an error
 *   about them is shown
 */
GtkWidget *
carnet_reminders_row_get_custom_row (CarnetRemindersRow *self)
{
  g_return_val_if_fail (CARNET_IS_REMINDERS_ROW (self), NULL);

  return GTK_WIDGET (self->custom_row);
}
