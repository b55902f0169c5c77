/* carnet-window.c: the main window, one per open notebook
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Until the notebook's pages exist, the window shows what a notebook holds at a
 * glance: the next appointments and how many entries of each kind there are;
 * an empty notebook gets a welcome, a notebook that cannot be opened the reason.
 */
#define G_LOG_DOMAIN "carnet-app"

#include "config.h"

#include "carnet-window.h"

#include <glib/gi18n.h>

#include "carnet-format.h"

/* How far ahead, and how many appointments, the summary shows. */
#define UPCOMING_ROWS 5
#define UPCOMING_DAYS 366

struct _CarnetWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwWindowTitle       *window_title;
  AdwToastOverlay      *toast_overlay;
  GtkRevealer          *reminder_revealer;
  GtkLabel             *reminder_label;
  GtkStack             *stack;
  AdwStatusPage        *error_page;
  GtkListBox           *upcoming_list;
  GtkListBox           *counts_list;

  GSettings            *settings;
  CarnetNotebook       *notebook;
  char                 *path;
};

G_DEFINE_FINAL_TYPE (CarnetWindow, carnet_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_NOTEBOOK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
kind_title (CarnetRecordKind kind)
{
  switch (kind)
    {
    case CARNET_RECORD_APPOINTMENT:
      return _("Appointments and exams");
    case CARNET_RECORD_RESULT:
      return _("Results");
    case CARNET_RECORD_SIDE_EFFECT:
      return _("Side effects");
    case CARNET_RECORD_QUESTION:
      return _("Questions");
    case CARNET_RECORD_TREATMENT:
      return _("Treatments");
    default:
      g_assert_not_reached ();
    }
}

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
clear_list (GtkListBox *list)
{
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (list, 0)) != NULL)
    gtk_list_box_remove (list, GTK_WIDGET (row));
}

static GtkWidget *
new_row (const char *title,
         const char *subtitle,
         const char *suffix)
{
  GtkWidget *row;

  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  if (suffix != NULL)
    {
      GtkWidget *label;

      label = gtk_label_new (suffix);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "carnet-count");
      gtk_label_set_xalign (GTK_LABEL (label), 1.0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }

  return row;
}

static void
show_toast (CarnetWindow *self,
            const char   *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static void
update_title (CarnetWindow *self)
{
  g_autofree char *title = NULL;
  g_autofree char *basename = NULL;
  const char *person = NULL;

  if (self->notebook != NULL)
    person = carnet_notebook_get_person (self->notebook);

  title = carnet_format_window_title (person);
  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_window_title_set_title (self->window_title,
                              person != NULL && *person != '\0' ? person : _("Carnet"));

  if (self->path != NULL)
    basename = g_filename_display_basename (self->path);

  if (basename != NULL && self->notebook != NULL && carnet_notebook_get_read_only (self->notebook))
    {
      g_autofree char *subtitle = NULL;

      /* Translators: the window subtitle; %s is the notebook's file name. */
      subtitle = g_strdup_printf (_("%s (read-only)"), basename);
      adw_window_title_set_subtitle (self->window_title, subtitle);
    }
  else
    {
      adw_window_title_set_subtitle (self->window_title, basename);
    }
}

static void
update_actions (CarnetWindow *self)
{
  gboolean writable;

  writable = self->notebook != NULL && !carnet_notebook_get_read_only (self->notebook);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.rename", writable);
}

static gboolean
fill_upcoming (CarnetWindow  *self,
               GError       **error)
{
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) until = NULL;
  g_autoptr(GListModel) agenda = NULL;
  CarnetClock *clock;
  guint n_items;
  guint shown = 0;

  clock = carnet_notebook_get_clock (self->notebook);
  now = carnet_clock_get_now (clock);
  until = g_date_time_add_days (now, UPCOMING_DAYS);

  agenda = carnet_notebook_agenda (self->notebook, now, until, error);
  if (agenda == NULL)
    return FALSE;

  clear_list (self->upcoming_list);

  n_items = g_list_model_get_n_items (agenda);
  for (guint i = 0; i < n_items && shown < UPCOMING_ROWS; i++)
    {
      g_autoptr(CarnetOccurrence) occurrence = g_list_model_get_item (agenda, i);
      g_autofree char *when = NULL;
      g_autofree char *subtitle = NULL;
      g_autofree char *relative = NULL;
      CarnetAppointment *appointment;
      GDateTime *start;
      const char *location;

      if (carnet_occurrence_get_status (occurrence) != CARNET_STATUS_PLANNED)
        continue;

      appointment = carnet_occurrence_get_appointment (occurrence);
      start = carnet_occurrence_get_start (occurrence);
      location = carnet_appointment_get_location (appointment);

      when = carnet_format_when (start, carnet_appointment_get_all_day (appointment), now);
      /* The place on a line of its own reads better, and wraps better when narrow. */
      if (location != NULL && *location != '\0')
        subtitle = g_strconcat (when, "\n", location, NULL);
      else
        subtitle = g_steal_pointer (&when);
      relative = carnet_format_relative_day (start, now);

      gtk_list_box_append (self->upcoming_list,
                           new_row (carnet_appointment_get_title (appointment),
                                    subtitle, relative));
      shown++;
    }

  if (shown == 0)
    gtk_list_box_append (self->upcoming_list,
                         new_row (_("Nothing planned"),
                                  _("No appointment or exam in the coming year"),
                                  NULL));

  return TRUE;
}

/* Fills the counts and returns how many entries the notebook holds, or -1. */
static gint64
fill_counts (CarnetWindow  *self,
             GError       **error)
{
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDate) today = NULL;
  gint64 total = 0;

  now = carnet_clock_get_now (carnet_notebook_get_clock (self->notebook));
  today = carnet_date_from_time (now);

  clear_list (self->counts_list);

  for (guint kind = 0; kind < CARNET_N_RECORD_KINDS; kind++)
    {
      g_autoptr(GListModel) records = NULL;
      g_autofree char *count = NULL;
      g_autofree char *subtitle = NULL;
      guint n_items;

      records = carnet_notebook_list (self->notebook, kind, NULL, NULL, error);
      if (records == NULL)
        return -1;

      n_items = g_list_model_get_n_items (records);
      total += n_items;

      if (kind == CARNET_RECORD_QUESTION && n_items > 0)
        {
          guint open = 0;

          for (guint i = 0; i < n_items; i++)
            {
              g_autoptr(CarnetQuestion) question = g_list_model_get_item (records, i);

              if (carnet_question_get_status (question) == CARNET_QUESTION_OPEN)
                open++;
            }
          subtitle = g_strdup_printf (ngettext ("%u to ask", "%u to ask", open), open);
        }
      else if (kind == CARNET_RECORD_TREATMENT && n_items > 0)
        {
          guint current = 0;

          for (guint i = 0; i < n_items; i++)
            {
              g_autoptr(CarnetTreatment) treatment = g_list_model_get_item (records, i);

              if (carnet_treatment_is_current (treatment, today))
                current++;
            }
          subtitle = g_strdup_printf (ngettext ("%u ongoing", "%u ongoing", current), current);
        }

      count = g_strdup_printf ("%u", n_items);
      gtk_list_box_append (self->counts_list, new_row (kind_title (kind), subtitle, count));
    }

  return total;
}

static void
refresh (CarnetWindow *self)
{
  g_autoptr(GError) error = NULL;
  gint64 total;

  update_title (self);
  update_actions (self);

  if (self->notebook == NULL)
    return;

  total = fill_counts (self, &error);
  if (total < 0 || !fill_upcoming (self, &error))
    {
      g_autofree char *escaped = g_markup_escape_text (error->message, -1);

      adw_status_page_set_title (self->error_page, _("Could Not Read the Notebook"));
      adw_status_page_set_description (self->error_page, escaped);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }

  gtk_stack_set_visible_child_name (self->stack, total == 0 ? "empty" : "summary");
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

/* Callbacks */

static void
on_notebook_changed_cb (CarnetWindow *self)
{
  refresh (self);
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

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/carnet-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CarnetWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, CarnetWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CarnetWindow, reminder_revealer);
  gtk_widget_class_bind_template_child (widget_class, CarnetWindow, reminder_label);
  gtk_widget_class_bind_template_child (widget_class, CarnetWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, CarnetWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, CarnetWindow, upcoming_list);
  gtk_widget_class_bind_template_child (widget_class, CarnetWindow, counts_list);

  gtk_widget_class_install_action (widget_class, "win.rename", NULL, rename_activated);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "win.rename", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "window.close", NULL);
}

static void
carnet_window_init (CarnetWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  load_window_size (self);
  update_actions (self);
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
  g_return_if_fail (CARNET_IS_WINDOW (self));
  g_return_if_fail (notebook == NULL || CARNET_IS_NOTEBOOK (notebook));

  if (self->notebook == notebook)
    return;

  if (self->notebook != NULL)
    g_signal_handlers_disconnect_by_data (self->notebook, self);

  g_set_object (&self->notebook, notebook);

  if (notebook != NULL)
    {
      g_free (self->path);
      self->path = g_strdup (carnet_notebook_get_path (notebook));
      g_signal_connect_object (notebook, "changed",
                               G_CALLBACK (on_notebook_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }

  refresh (self);

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
  update_title (self);

  escaped = g_markup_escape_text (error->message, -1);
  if (error_left_file_alone (error))
    description = g_strdup_printf ("%s\n\n%s", escaped, _("Carnet did not change the file."));
  else
    description = g_steal_pointer (&escaped);

  adw_status_page_set_title (self->error_page, error_title (error));
  adw_status_page_set_description (self->error_page, description);
  gtk_stack_set_visible_child_name (self->stack, "error");
}

/**
 * carnet_window_show_record:
 * @self: a window
 * @kind: the kind of record
 * @id: its id
 *
 * Brings the window forward, showing the record.
 */
void
carnet_window_show_record (CarnetWindow     *self,
                           CarnetRecordKind  kind,
                           gint64            id)
{
  g_return_if_fail (CARNET_IS_WINDOW (self));

  gtk_window_present (GTK_WINDOW (self));
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
