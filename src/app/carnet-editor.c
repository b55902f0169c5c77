/* carnet-editor.c: the dialog that adds or edits one record
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the editors of the five kinds share: the header bar with Cancel and
 * Save, Escape to cancel, Enter (in a one-line field) or Ctrl+Enter to save,
 * and the inline validation. Save writes the fields into the record, has the
 * core validate it and writes it to the notebook in one transaction; when any
 * of these fails, the message goes under the field it is about, that field
 * gets the focus, and nothing is written. What was typed stays. A failure
 * about no field (a full disk, an input/output error, a read-only or busy
 * notebook) shows in a bar at the top of the dialog, which stays open with
 * everything typed, so that Save can be pressed again once it is solved.
 *
 * Each kind's template adds its AdwPreferencesGroups as <child> elements.
 */
#define G_LOG_DOMAIN "carnet-app"

#include "config.h"

#include "carnet-editor.h"

#include <glib/gi18n.h>

#include "carnet-input.h"

typedef struct
{
  CarnetNotebook     *notebook;
  CarnetRecord       *record;
  gboolean            is_new;

  /* Template widgets */
  AdwWindowTitle     *window_title;
  AdwToastOverlay    *toast_overlay;
  AdwPreferencesPage *page;
  GtkRevealer        *problem_revealer;
  GtkLabel           *problem_label;

  /* The rows marked as wrong, and the message rows under them. */
  GPtrArray          *invalid_rows;
  GPtrArray          *error_rows;
  /* field name → the message shown on it */
  GHashTable         *field_errors;
} CarnetEditorPrivate;

static void carnet_editor_buildable_init (GtkBuildableIface *iface);

G_DEFINE_TYPE_WITH_CODE (CarnetEditor, carnet_editor, ADW_TYPE_WINDOW,
                         G_ADD_PRIVATE (CarnetEditor)
                         G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE, carnet_editor_buildable_init))

static GtkBuildableIface *parent_buildable_iface;

enum {
  PROP_0,
  PROP_NOTEBOOK,
  PROP_RECORD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
clear_errors (CarnetEditor *self)
{
  CarnetEditorPrivate *priv = carnet_editor_get_instance_private (self);

  for (guint i = 0; i < priv->error_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (priv->error_rows, i);
      GtkWidget *list = gtk_widget_get_parent (row);

      if (GTK_IS_LIST_BOX (list))
        gtk_list_box_remove (GTK_LIST_BOX (list), row);
    }
  g_ptr_array_set_size (priv->error_rows, 0);

  for (guint i = 0; i < priv->invalid_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (priv->invalid_rows, i);

      gtk_widget_remove_css_class (row, "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
  g_ptr_array_set_size (priv->invalid_rows, 0);

  g_hash_table_remove_all (priv->field_errors);

  gtk_revealer_set_reveal_child (priv->problem_revealer, FALSE);
  gtk_label_set_text (priv->problem_label, "");
}

/* A row inside a collapsed expander is out of sight: open it. */
static void
reveal_row (GtkWidget *row)
{
  for (GtkWidget *ancestor = gtk_widget_get_parent (row);
       ancestor != NULL;
       ancestor = gtk_widget_get_parent (ancestor))
    {
      if (ADW_IS_EXPANDER_ROW (ancestor))
        adw_expander_row_set_expanded (ADW_EXPANDER_ROW (ancestor), TRUE);
    }
}

static GtkWidget *
new_error_row (const char *message)
{
  GtkWidget *row;
  GtkWidget *label;

  label = gtk_label_new (message);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 8);
  gtk_widget_set_margin_bottom (label, 8);
  gtk_widget_add_css_class (label, "error");

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  gtk_widget_add_css_class (row, "carnet-field-error");

  return row;
}

/* Callbacks */

static void
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  carnet_editor_save (CARNET_EDITOR (widget));
}

static void
cancel_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

/* Interfaces */

static void
carnet_editor_buildable_add_child (GtkBuildable *buildable,
                                   GtkBuilder   *builder,
                                   GObject      *child,
                                   const char   *type)
{
  CarnetEditor *self = CARNET_EDITOR (buildable);
  CarnetEditorPrivate *priv = carnet_editor_get_instance_private (self);

  if (priv->page != NULL && ADW_IS_PREFERENCES_GROUP (child))
    adw_preferences_page_add (priv->page, ADW_PREFERENCES_GROUP (child));
  else
    parent_buildable_iface->add_child (buildable, builder, child, type);
}

static void
carnet_editor_buildable_init (GtkBuildableIface *iface)
{
  parent_buildable_iface = g_type_interface_peek_parent (iface);
  iface->add_child = carnet_editor_buildable_add_child;
}

/* Overrides */

static void
carnet_editor_constructed (GObject *object)
{
  CarnetEditor *self = CARNET_EDITOR (object);
  CarnetEditorPrivate *priv = carnet_editor_get_instance_private (self);
  CarnetEditorClass *klass = CARNET_EDITOR_GET_CLASS (self);
  const char *title;

  G_OBJECT_CLASS (carnet_editor_parent_class)->constructed (object);

  g_assert (priv->notebook != NULL);
  g_assert (priv->record != NULL);

  priv->is_new = carnet_record_get_id (priv->record) == 0;
  title = priv->is_new ? klass->new_title : klass->edit_title;
  if (title != NULL)
    {
      gtk_window_set_title (GTK_WINDOW (self), _(title));
      adw_window_title_set_title (priv->window_title, _(title));
    }

  if (klass->load != NULL)
    klass->load (self, priv->record);
}

static void
carnet_editor_dispose (GObject *object)
{
  CarnetEditor *self = CARNET_EDITOR (object);
  CarnetEditorPrivate *priv = carnet_editor_get_instance_private (self);

  /* No gtk_widget_dispose_template() for this type: GTK 4.8 reads the list of
   * template children from the instance's class, the subclass, and asserts.
   * Each editor disposes its own; these go with the instance. */
  g_clear_object (&priv->record);
  g_clear_object (&priv->notebook);
  if (priv->error_rows != NULL)
    g_ptr_array_set_size (priv->error_rows, 0);
  if (priv->invalid_rows != NULL)
    g_ptr_array_set_size (priv->invalid_rows, 0);

  G_OBJECT_CLASS (carnet_editor_parent_class)->dispose (object);
}

static void
carnet_editor_finalize (GObject *object)
{
  CarnetEditor *self = CARNET_EDITOR (object);
  CarnetEditorPrivate *priv = carnet_editor_get_instance_private (self);

  g_clear_pointer (&priv->error_rows, g_ptr_array_unref);
  g_clear_pointer (&priv->invalid_rows, g_ptr_array_unref);
  g_clear_pointer (&priv->field_errors, g_hash_table_unref);

  G_OBJECT_CLASS (carnet_editor_parent_class)->finalize (object);
}

static void
carnet_editor_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CarnetEditor *self = CARNET_EDITOR (object);
  CarnetEditorPrivate *priv = carnet_editor_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_NOTEBOOK:
      g_value_set_object (value, priv->notebook);
      break;

    case PROP_RECORD:
      g_value_set_object (value, priv->record);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
carnet_editor_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  CarnetEditor *self = CARNET_EDITOR (object);
  CarnetEditorPrivate *priv = carnet_editor_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_NOTEBOOK:
      priv->notebook = g_value_dup_object (value);
      break;

    case PROP_RECORD:
      priv->record = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
carnet_editor_class_init (CarnetEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = carnet_editor_constructed;
  object_class->dispose = carnet_editor_dispose;
  object_class->finalize = carnet_editor_finalize;
  object_class->get_property = carnet_editor_get_property;
  object_class->set_property = carnet_editor_set_property;

  /**
   * CarnetEditor:notebook:
   *
   * The notebook the record is saved to.
   */
  properties[PROP_NOTEBOOK] =
    g_param_spec_object ("notebook", NULL, NULL,
                         CARNET_TYPE_NOTEBOOK,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * CarnetEditor:record:
   *
   * The record edited: a new one (id 0), maybe with some fields already
   * filled in, or one read from the notebook. Save writes into it.
   */
  properties[PROP_RECORD] =
    g_param_spec_object ("record", NULL, NULL,
                         CARNET_TYPE_RECORD,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CarnetEditor::saved:
   * @record: the record, as written to the notebook (with its id when new)
   *
   * The record was written; the editor closes next.
   */
  signals[SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, CARNET_TYPE_RECORD);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_DIALOG);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/carnet-editor.ui");
  gtk_widget_class_bind_template_child_private (widget_class, CarnetEditor, window_title);
  gtk_widget_class_bind_template_child_private (widget_class, CarnetEditor, toast_overlay);
  gtk_widget_class_bind_template_child_private (widget_class, CarnetEditor, problem_revealer);
  gtk_widget_class_bind_template_child_private (widget_class, CarnetEditor, problem_label);
  gtk_widget_class_bind_template_child_private (widget_class, CarnetEditor, page);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_activated);
  gtk_widget_class_install_action (widget_class, "editor.cancel", NULL, cancel_activated);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "editor.cancel", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK,
                                       "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "editor.save", NULL);
}

static void
carnet_editor_init (CarnetEditor *self)
{
  CarnetEditorPrivate *priv = carnet_editor_get_instance_private (self);

  priv->error_rows = g_ptr_array_new ();
  priv->invalid_rows = g_ptr_array_new ();
  priv->field_errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API */

CarnetNotebook *
carnet_editor_get_notebook (CarnetEditor *self)
{
  CarnetEditorPrivate *priv = carnet_editor_get_instance_private (self);

  g_return_val_if_fail (CARNET_IS_EDITOR (self), NULL);

  return priv->notebook;
}

CarnetRecord *
carnet_editor_get_record (CarnetEditor *self)
{
  CarnetEditorPrivate *priv = carnet_editor_get_instance_private (self);

  g_return_val_if_fail (CARNET_IS_EDITOR (self), NULL);

  return priv->record;
}

/**
 * carnet_editor_is_new:
 *
 * Returns: whether the editor adds a record (rather than changing one)
 */
gboolean
carnet_editor_is_new (CarnetEditor *self)
{
  CarnetEditorPrivate *priv = carnet_editor_get_instance_private (self);

  g_return_val_if_fail (CARNET_IS_EDITOR (self), FALSE);

  return priv->is_new;
}

/**
 * carnet_editor_save:
 *
 * What the Save button does: writes the record when every field is right and
 * closes the editor, or shows what is wrong and writes nothing.
 *
 * Returns: whether the record was written
 */
gboolean
carnet_editor_save (CarnetEditor *self)
{
  CarnetEditorPrivate *priv = carnet_editor_get_instance_private (self);
  CarnetEditorClass *klass;
  g_autoptr(GError) error = NULL;
  gboolean saved;

  g_return_val_if_fail (CARNET_IS_EDITOR (self), FALSE);

  klass = CARNET_EDITOR_GET_CLASS (self);
  clear_errors (self);

  if (!klass->store (self, priv->record, &error) ||
      !carnet_record_validate (priv->record, &error))
    {
      carnet_editor_show_error (self, error);
      return FALSE;
    }

  if (priv->is_new)
    saved = carnet_notebook_add (priv->notebook, priv->record, &error);
  else
    saved = carnet_notebook_update (priv->notebook, priv->record, &error);

  if (!saved)
    {
      /* A failed add leaves the record new: the next Save adds it again. */
      if (priv->is_new)
        carnet_record_set_id (priv->record, 0);
      carnet_editor_show_error (self, error);
      return FALSE;
    }

  g_signal_emit (self, signals[SAVED], 0, priv->record);
  gtk_window_destroy (GTK_WINDOW (self));

  return TRUE;
}

/**
 * carnet_editor_get_field_error:
 * @field: a field name
 *
 * Returns: (nullable): the message shown on @field since the last Save
 */
const char *
carnet_editor_get_field_error (CarnetEditor *self,
                               const char   *field)
{
  CarnetEditorPrivate *priv = carnet_editor_get_instance_private (self);

  g_return_val_if_fail (CARNET_IS_EDITOR (self), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  return g_hash_table_lookup (priv->field_errors, field);
}

/**
 * carnet_editor_get_problem:
 *
 * Returns: (nullable): the message of the bar at the top of the dialog, why
 *   the last Save wrote nothing when that was about no field; %NULL when the
 *   bar is hidden
 */
const char *
carnet_editor_get_problem (CarnetEditor *self)
{
  CarnetEditorPrivate *priv = carnet_editor_get_instance_private (self);

  g_return_val_if_fail (CARNET_IS_EDITOR (self), NULL);

  if (!gtk_revealer_get_reveal_child (priv->problem_revealer))
    return NULL;

  return gtk_label_get_text (priv->problem_label);
}

/**
 * carnet_editor_show_error:
 * @error: why the record could not be saved
 *
 * Shows @error under the field it names and focuses that field; an error
 * about no field of this editor (the notebook is busy, the disk is full…)
 * goes to the bar at the top of the dialog.
 */
void
carnet_editor_show_error (CarnetEditor *self,
                          const GError *error)
{
  CarnetEditorPrivate *priv = carnet_editor_get_instance_private (self);
  CarnetEditorClass *klass;
  g_autofree char *message = NULL;
  GtkWidget *row = NULL;
  GtkWidget *focus = NULL;
  GtkWidget *list;
  const char *field;
  const char *title = NULL;

  g_return_if_fail (CARNET_IS_EDITOR (self));
  g_return_if_fail (error != NULL);

  klass = CARNET_EDITOR_GET_CLASS (self);
  field = carnet_error_get_field (error);

  if (field != NULL && klass->get_field_row != NULL)
    row = klass->get_field_row (self, field, &focus, &title);

  if (row != NULL)
    reveal_row (row);

  list = row != NULL ? gtk_widget_get_parent (row) : NULL;
  if (row == NULL || !GTK_IS_LIST_BOX (list) || !gtk_widget_is_visible (row))
    {
      gtk_label_set_text (priv->problem_label, error->message);
      gtk_revealer_set_reveal_child (priv->problem_revealer, TRUE);
      return;
    }

  if (title == NULL && ADW_IS_PREFERENCES_ROW (row))
    title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
  message = carnet_input_field_message (title, error->message);

  /* A field of several rows has none of them wrong: the message says it. */
  if (focus == NULL || !GTK_IS_LIST_BOX_ROW (focus))
    {
      gtk_widget_add_css_class (row, "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (row),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                   -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message,
                                      -1);
      g_ptr_array_add (priv->invalid_rows, row);
    }

  {
    GtkWidget *error_row = new_error_row (message);

    gtk_list_box_insert (GTK_LIST_BOX (list), error_row,
                         gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)) + 1);
    g_ptr_array_add (priv->error_rows, error_row);
  }

  g_hash_table_replace (priv->field_errors, g_strdup (field), g_steal_pointer (&message));

  gtk_widget_grab_focus (focus != NULL ? focus : row);
}

/**
 * carnet_editor_dup_text:
 * @editable: a one-line field
 *
 * Returns: its text without the spaces around it
 */
char *
carnet_editor_dup_text (GtkWidget *editable)
{
  g_return_val_if_fail (GTK_IS_EDITABLE (editable), NULL);

  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (editable))));
}

/**
 * carnet_editor_dup_notes:
 * @view: a text field
 *
 * Returns: its text without the blank space around it
 */
char *
carnet_editor_dup_notes (GtkTextView *view)
{
  GtkTextBuffer *buffer;
  GtkTextIter start;
  GtkTextIter end;

  g_return_val_if_fail (GTK_IS_TEXT_VIEW (view), NULL);

  buffer = gtk_text_view_get_buffer (view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

void
carnet_editor_set_notes (GtkTextView *view,
                         const char  *notes)
{
  g_return_if_fail (GTK_IS_TEXT_VIEW (view));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), notes != NULL ? notes : "", -1);
}

/**
 * carnet_editor_dup_time_zone:
 * @time: (nullable): a time a record holds
 *
 * A time is edited in the zone it was entered in: an 08:30 Paris appointment
 * stays 08:30 Paris when edited elsewhere. A new one is in the local zone.
 *
 * Returns: (transfer full): the zone to read and write @time in
 */
GTimeZone *
carnet_editor_dup_time_zone (GDateTime *time)
{
  if (time != NULL)
    return g_time_zone_ref (g_date_time_get_timezone (time));

  return g_time_zone_new_local ();
}

/**
 * carnet_editor_set_links:
 * @row: a combo row that links a record to another one
 * @none_label: the first choice, for no link (id 0)
 * @ids: (element-type gint64): the records that can be linked to
 * @labels: (element-type utf8): how the choices read, one per id
 * @selected: the id linked to now, or 0
 *
 * A record linked to one that is not among @ids (too old to be offered)
 * keeps its link: it is added as a choice.
 */
void
carnet_editor_set_links (AdwComboRow *row,
                         const char  *none_label,
                         GArray      *ids,
                         GPtrArray   *labels,
                         gint64       selected)
{
  g_autoptr(GtkStringList) model = NULL;
  g_autoptr(GArray) choices = NULL;
  guint position = 0;
  gint64 none = 0;

  g_return_if_fail (ADW_IS_COMBO_ROW (row));
  g_return_if_fail (ids != NULL && labels != NULL && ids->len == labels->len);

  model = gtk_string_list_new (NULL);
  choices = g_array_new (FALSE, FALSE, sizeof (gint64));

  gtk_string_list_append (model, none_label);
  g_array_append_val (choices, none);

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);

      gtk_string_list_append (model, g_ptr_array_index (labels, i));
      g_array_append_val (choices, id);
      if (id == selected)
        position = choices->len - 1;
    }

  if (selected > 0 && position == 0)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, selected);
      g_autofree char *label = NULL;

      /* Translators: a linked record that is not among the choices; %s is its number */
      label = g_strdup_printf (_("Entry %s"), number);
      gtk_string_list_append (model, label);
      g_array_append_val (choices, selected);
      position = choices->len - 1;
    }

  g_object_set_data_full (G_OBJECT (row), "carnet-link-ids",
                          g_steal_pointer (&choices), (GDestroyNotify) g_array_unref);
  adw_combo_row_set_model (row, G_LIST_MODEL (model));
  adw_combo_row_set_selected (row, position);
}

/**
 * carnet_editor_get_link:
 *
 * Returns: the id of the record chosen in @row, 0 for none
 */
gint64
carnet_editor_get_link (AdwComboRow *row)
{
  GArray *choices;
  guint position;

  g_return_val_if_fail (ADW_IS_COMBO_ROW (row), 0);

  choices = g_object_get_data (G_OBJECT (row), "carnet-link-ids");
  position = adw_combo_row_get_selected (row);
  if (choices == NULL || position >= choices->len)
    return 0;

  return g_array_index (choices, gint64, position);
}

/**
 * carnet_editor_format_link:
 * @title: a record's title
 * @when: (nullable): its date
 *
 * Returns: how a record reads among the choices of a link: "Blood test
 *   (Dec 3, 2026)"
 */
char *
carnet_editor_format_link (const char *title,
                           GDateTime  *when)
{
  g_autofree char *date = NULL;

  g_return_val_if_fail (title != NULL, NULL);

  if (when == NULL)
    return g_strdup (title);

  /* Translators: the date of a record offered as a link, as g_date_time_format() writes it */
  date = g_date_time_format (when, C_("date of a linked record", "%b %-d, %Y"));
  /* Translators: a record offered as a link: its title and its date */
  return g_strdup_printf (C_("linked record", "%s (%s)"), title, date);
}
