/* carnet-exchange-actions.c: the "exchange" actions of a window
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Owning the data from the app: the consultation sheet to prepare a visit,
 * exports for other programs, the JSON backup and its restore, and the
 * automatic backups. Each action that needs a file has a twin that takes
 * the path, which the file chooser's answer activates (and the tests do).
 * The actions read the window's notebook when they run.
 */
#define G_LOG_DOMAIN "carnet-app"

#include "config.h"

#include "carnet-exchange-actions.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "carnet-sheet-preview.h"
#include "carnet-window.h"

typedef struct
{
  /* Not owned: the action group lives on the window, the overlay in it. */
  GtkWidget            *window;
  AdwToastOverlay      *toasts;
  GtkFileChooserNative *chooser;
} ExchangeActions;

static const struct
{
  const char *format;
  const char *mime_type;
} formats[] = {
  { "ics", "text/calendar" },
  { "csv", "text/csv" },
  { "json", "application/json" },
};

static void
show_toast (ExchangeActions *self,
            const char      *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);

  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (escaped));
}

static GtkWidget *
show_message (ExchangeActions *self,
              const char      *heading,
              const char      *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self->window), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  gtk_window_present (GTK_WINDOW (dialog));

  return dialog;
}

static CarnetNotebook *
get_notebook (ExchangeActions *self)
{
  return carnet_window_get_notebook (CARNET_WINDOW (self->window));
}

/* The window's notebook, when it can be changed; says why otherwise. */
static CarnetNotebook *
get_writable_notebook (ExchangeActions *self)
{
  CarnetNotebook *notebook = get_notebook (self);

  if (notebook != NULL && carnet_notebook_get_read_only (notebook))
    {
      show_toast (self, _("This notebook was made by a newer Carnet: it cannot be changed here"));
      return NULL;
    }

  return notebook;
}

static const char *
format_mime_type (const char *format)
{
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_str_equal (formats[i].format, format))
      return formats[i].mime_type;

  return NULL;
}

static GtkFileChooserNative *
new_chooser (ExchangeActions      *self,
             const char           *title,
             GtkFileChooserAction  action,
             const char           *accept,
             const char           *filter_name,
             const char           *mime_type,
             const char           *suffix)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self->window), action, accept, _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  gtk_file_filter_set_name (filter, filter_name);
  gtk_file_filter_add_mime_type (filter, mime_type);
  gtk_file_filter_add_suffix (filter, suffix);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);

  return chooser;
}

/* The file whole, once it is known not to be larger than a backup can be. */
static GBytes *
read_backup_file (const char  *path,
                  GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *display = g_filename_display_name (path);
  char *contents = NULL;
  gsize length = 0;
  GStatBuf st;

  if (g_stat (path, &st) == 0 && (guint64) st.st_size > CARNET_BACKUP_MAX_BYTES)
    {
      g_set_error (error, CARNET_ERROR, CARNET_ERROR_INVALID,
                   _("“%s” is too large for a Carnet backup."), display);
      return NULL;
    }

  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      g_set_error_literal (error, CARNET_ERROR, CARNET_ERROR_IO, local_error->message);
      return NULL;
    }

  return g_bytes_new_take (contents, length);
}

static char *
format_backup_date (GDateTime *date)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (date);
  /* Translators: when an automatic backup was made, as strftime() reads it. */
  g_autofree char *text = g_date_time_format (local, _("%A %e %B %Y, %H:%M"));

  return g_strdup (g_strstrip (text));
}

static void
set_chooser (ExchangeActions      *self,
             GtkFileChooserNative *chooser)
{
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  self->chooser = chooser;
}

static void
exchange_actions_free (ExchangeActions *self)
{
  set_chooser (self, NULL);
  g_free (self);
}

/* Callbacks */

/* The chooser's answer goes to the action that takes a path, with @format
 * in front when the action takes one. */
static void
on_chooser_response_cb (GtkNativeDialog *chooser,
                        int              response,
                        ExchangeActions *self)
{
  g_autofree char *action = g_strdup (g_object_get_data (G_OBJECT (chooser), "carnet-action"));
  g_autofree char *format = g_strdup (g_object_get_data (G_OBJECT (chooser), "carnet-format"));
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    path = g_file_get_path (file);

  set_chooser (self, NULL);

  if (file != NULL && path == NULL)
    {
      show_message (self, _("Could Not Use This File"),
                    _("Carnet can only use files of this computer."));
      return;
    }
  if (path == NULL)
    return;

  if (format != NULL)
    gtk_widget_activate_action (self->window, action, "(ss)", format, path);
  else
    gtk_widget_activate_action (self->window, action, "s", path);
}

static void
on_import_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       ExchangeActions  *self)
{
  const char *path = g_object_get_data (G_OBJECT (dialog), "carnet-path");
  g_autoptr(GBytes) contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  CarnetImportReport report = { { 0 } };
  CarnetNotebook *notebook;
  guint added = 0;

  if (!g_str_equal (response, "merge"))
    return;

  notebook = get_writable_notebook (self);
  if (notebook == NULL)
    return;

  contents = read_backup_file (path, &error);
  if (contents == NULL || !carnet_backup_import_json (notebook, contents, &report, &error))
    {
      show_message (self, _("Could Not Restore the Backup"), error->message);
      return;
    }

  for (guint i = 0; i < CARNET_N_RECORD_KINDS; i++)
    added += report.added[i];

  if (added == 0)
    message = g_strdup (_("Nothing to add: this notebook already holds everything in the file"));
  else
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u record added from the backup",
                                            "%u records added from the backup", added),
                               added);
  show_toast (self, message);
}

static void
on_restore_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        ExchangeActions  *self)
{
  const char *path = g_object_get_data (G_OBJECT (dialog), "carnet-path");
  g_autoptr(GError) error = NULL;
  CarnetNotebook *notebook;

  if (!g_str_equal (response, "restore"))
    return;

  notebook = get_writable_notebook (self);
  if (notebook == NULL)
    return;

  if (!carnet_backup_restore (notebook, path, &error))
    {
      show_message (self, _("Could Not Restore the Backup"), error->message);
      return;
    }

  show_toast (self, _("Backup restored; the notebook as it was before is kept among the automatic backups"));
}

static void
on_backup_row_activated_cb (GtkListBox    *list,
                            GtkListBoxRow *row,
                            GtkWindow     *dialog)
{
  GtkWidget *window = GTK_WIDGET (gtk_window_get_transient_for (dialog));
  g_autofree char *path = g_strdup (g_object_get_data (G_OBJECT (row), "carnet-path"));

  gtk_window_close (dialog);
  gtk_widget_activate_action (window, "exchange.restore-auto-from", "s", path);
}

static void
on_backup_daily_done_cb (GObject      *source,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!carnet_exchange_backup_daily_finish (result, NULL, &error))
    g_warning ("The automatic backup failed: %s", error->message);
}

/* Actions */

static void
prepare_activated (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  ExchangeActions *self = user_data;
  CarnetNotebook *notebook = get_notebook (self);
  g_autoptr(GError) error = NULL;
  CarnetSheetPreview *preview;

  if (notebook == NULL)
    return;

  preview = carnet_sheet_preview_new (GTK_WINDOW (self->window), notebook,
                                      g_variant_get_int64 (parameter), &error);
  if (preview == NULL)
    {
      if (g_error_matches (error, CARNET_ERROR, CARNET_ERROR_NOT_FOUND))
        show_message (self, _("No Consultation Planned"),
                      _("Plan a consultation first: its sheet gathers the questions, side effects, results and treatments to talk about."));
      else
        show_message (self, _("Could Not Prepare the Consultation"), error->message);
      return;
    }

  gtk_window_present (GTK_WINDOW (preview));
}

static void
export_activated (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  ExchangeActions *self = user_data;
  CarnetNotebook *notebook = get_notebook (self);
  const char *format = g_variant_get_string (parameter, NULL);
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;
  const char *title;
  const char *filter;

  if (notebook == NULL)
    return;

  if (g_str_equal (format, "ics"))
    {
      title = _("Export Appointments");
      filter = _("iCalendar files");
    }
  else if (g_str_equal (format, "csv"))
    {
      title = _("Export Results");
      filter = _("CSV spreadsheets");
    }
  else if (g_str_equal (format, "json"))
    {
      title = _("Back Up Everything");
      filter = _("Carnet backups (JSON)");
    }
  else
    {
      g_warning ("Unknown export format “%s”", format);
      return;
    }

  chooser = new_chooser (self, title, GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                         filter, format_mime_type (format), format);
  now = carnet_clock_get_now (carnet_notebook_get_clock (notebook));
  name = carnet_exchange_file_name (carnet_notebook_get_person (notebook), now, format);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_object_set_data (G_OBJECT (chooser), "carnet-action", (gpointer) "exchange.export-to");
  g_object_set_data_full (G_OBJECT (chooser), "carnet-format", g_strdup (format), g_free);

  set_chooser (self, chooser);
  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
export_to_activated (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  ExchangeActions *self = user_data;
  CarnetNotebook *notebook = get_notebook (self);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *display = NULL;
  g_autofree char *message = NULL;
  const char *format;
  const char *path;

  if (notebook == NULL)
    return;

  g_variant_get (parameter, "(&s&s)", &format, &path);
  file = g_file_new_for_path (path);

  if (!carnet_exchange_write (notebook, format, file, &error))
    {
      show_message (self, _("Could Not Export"), error->message);
      return;
    }

  display = g_filename_display_name (path);
  /* Translators: %s is where the file went. */
  message = g_strdup_printf (_("Saved to “%s”"), display);
  show_toast (self, message);
}

static void
import_activated (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  ExchangeActions *self = user_data;
  GtkFileChooserNative *chooser;

  if (get_writable_notebook (self) == NULL)
    return;

  chooser = new_chooser (self, _("Restore from a Backup File"), GTK_FILE_CHOOSER_ACTION_OPEN,
                         _("_Open"), _("Carnet backups (JSON)"), "application/json", "json");
  g_object_set_data (G_OBJECT (chooser), "carnet-action", (gpointer) "exchange.import-from");

  set_chooser (self, chooser);
  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
import_from_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  ExchangeActions *self = user_data;
  const char *path = g_variant_get_string (parameter, NULL);
  g_autoptr(GBytes) contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *display = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (get_writable_notebook (self) == NULL)
    return;

  /* A file that cannot be restored is said so at once, before asking. */
  contents = read_backup_file (path, &error);
  if (contents == NULL || !carnet_backup_check_json (contents, &error))
    {
      body = g_strdup_printf ("%s\n\n%s", error->message, _("The notebook was not changed."));
      show_message (self, _("Could Not Restore the Backup"), body);
      return;
    }

  display = g_filename_display_basename (path);
  body = g_strdup_printf (_("The records of “%s” will be merged into this notebook. "
                            "What the notebook already holds is not duplicated, and nothing in it is deleted."),
                          display);
  dialog = adw_message_dialog_new (GTK_WINDOW (self->window), _("Restore from This Backup File?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "merge", _("_Merge"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "merge",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "merge");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  g_object_set_data_full (G_OBJECT (dialog), "carnet-path", g_strdup (path), g_free);
  g_signal_connect (dialog, "response", G_CALLBACK (on_import_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
restore_auto_activated (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  ExchangeActions *self = user_data;
  CarnetNotebook *notebook = get_writable_notebook (self);
  g_autoptr(GListModel) backups = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;
  GtkWidget *scrolled;
  GtkWidget *list;
  guint n_backups;

  if (notebook == NULL)
    return;

  backups = carnet_backup_list (notebook, &error);
  if (backups == NULL)
    {
      show_message (self, _("Could Not List the Backups"), error->message);
      return;
    }

  n_backups = g_list_model_get_n_items (backups);
  if (n_backups == 0)
    {
      show_message (self, _("No Automatic Backup Yet"),
                    _("Carnet backs the notebook up once a day when it is used, and keeps the backups for eight weeks."));
      return;
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (self->window), _("Restore from Automatic Backup"),
                                   _("Choose the day to go back to."));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"));
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Automatic backups"),
                                  -1);
  for (guint i = 0; i < n_backups; i++)
    {
      g_autoptr(CarnetBackup) backup = g_list_model_get_item (backups, i);
      g_autofree char *date = format_backup_date (carnet_backup_get_date (backup));
      g_autofree char *count = NULL;
      guint n_entries = carnet_backup_get_n_entries (backup);
      GtkWidget *row = adw_action_row_new ();

      count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u entry", "%u entries", n_entries),
                               n_entries);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), date);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), count);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "carnet-path",
                              g_strdup (carnet_backup_get_path (backup)), g_free);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
  g_signal_connect (list, "row-activated", G_CALLBACK (on_backup_row_activated_cb), dialog);

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 320);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scrolled);

  gtk_window_present (GTK_WINDOW (dialog));
}

static void
restore_auto_from_activated (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  ExchangeActions *self = user_data;
  CarnetNotebook *notebook = get_writable_notebook (self);
  const char *path = g_variant_get_string (parameter, NULL);
  g_autoptr(GListModel) backups = NULL;
  g_autofree char *date = NULL;
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  if (notebook == NULL)
    return;

  /* Name the backup by its day when it is one of the list. */
  backups = carnet_backup_list (notebook, NULL);
  for (guint i = 0; backups != NULL && i < g_list_model_get_n_items (backups); i++)
    {
      g_autoptr(CarnetBackup) backup = g_list_model_get_item (backups, i);

      if (g_str_equal (carnet_backup_get_path (backup), path))
        date = format_backup_date (carnet_backup_get_date (backup));
    }

  if (date != NULL)
    /* Translators: %s is when the backup was made. */
    heading = g_strdup_printf (_("Go Back to the Backup of %s?"), date);
  else
    heading = g_strdup (_("Go Back to This Backup?"));

  dialog = adw_message_dialog_new (GTK_WINDOW (self->window), heading,
                                   _("The notebook will hold what it held then. "
                                     "What it holds now is kept aside first, as an automatic backup of today, "
                                     "so this can be undone from the same list."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  g_object_set_data_full (G_OBJECT (dialog), "carnet-path", g_strdup (path), g_free);
  g_signal_connect (dialog, "response", G_CALLBACK (on_restore_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static const GActionEntry exchange_actions[] = {
  { .name = "prepare", .activate = prepare_activated, .parameter_type = "x" },
  { .name = "export", .activate = export_activated, .parameter_type = "s" },
  { .name = "export-to", .activate = export_to_activated, .parameter_type = "(ss)" },
  { .name = "import", .activate = import_activated },
  { .name = "import-from", .activate = import_from_activated, .parameter_type = "s" },
  { .name = "restore-auto", .activate = restore_auto_activated },
  { .name = "restore-auto-from", .activate = restore_auto_from_activated, .parameter_type = "s" },
};

/* The daily backup, on a connection of its own in a worker thread */

typedef struct
{
  char        *path;
  CarnetClock *clock;
} BackupTask;

static void
backup_task_free (BackupTask *task)
{
  g_free (task->path);
  g_clear_object (&task->clock);
  g_free (task);
}

static void
backup_daily_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  BackupTask *data = task_data;
  g_autoptr(CarnetNotebook) notebook = NULL;
  g_autoptr(CarnetBackup) backup = NULL;
  GError *error = NULL;
  gboolean made = FALSE;

  notebook = carnet_notebook_open (data->path, CARNET_OPEN_FLAGS_NONE, data->clock, &error);
  if (notebook != NULL)
    backup = carnet_backup_run_daily (notebook, &made, &error);

  if (backup == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_int (task, made);
}

/* Public API */

/**
 * carnet_exchange_actions_install:
 * @window: a #CarnetWindow
 * @toasts: where the toasts of the actions go
 *
 * Inserts the "exchange" action group into @window.
 */
void
carnet_exchange_actions_install (GtkWidget       *window,
                                 AdwToastOverlay *toasts)
{
  g_autoptr(GSimpleActionGroup) group = NULL;
  ExchangeActions *self;

  g_return_if_fail (CARNET_IS_WINDOW (window));
  g_return_if_fail (ADW_IS_TOAST_OVERLAY (toasts));

  self = g_new0 (ExchangeActions, 1);
  self->window = window;
  self->toasts = toasts;

  group = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (group), exchange_actions,
                                   G_N_ELEMENTS (exchange_actions), self);
  g_object_set_data_full (G_OBJECT (group), "carnet-exchange-actions", self,
                          (GDestroyNotify) exchange_actions_free);
  gtk_widget_insert_action_group (window, "exchange", G_ACTION_GROUP (group));
}

/**
 * carnet_exchange_file_name:
 * @person: (nullable): whose notebook
 * @date: the day to name
 * @extension: without the dot
 *
 * Returns: (transfer full): "carnet-<person>-<YYYY-MM-DD>.<extension>", the
 *   person's name made safe for a file name
 */
char *
carnet_exchange_file_name (const char *person,
                           GDateTime  *date,
                           const char *extension)
{
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *day = NULL;
  GString *name;

  g_return_val_if_fail (date != NULL, NULL);
  g_return_val_if_fail (extension != NULL, NULL);

  local = g_date_time_to_local (date);
  day = g_date_time_format (local, "%Y-%m-%d");
  name = g_string_new ("carnet-");

  for (const char *p = person != NULL ? person : ""; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == '/' || c == '\\' || c == ':' || g_unichar_iscntrl (c))
        {
          if (name->len > 0 && name->str[name->len - 1] != '-')
            g_string_append_c (name, '-');
        }
      else
        {
          g_string_append_unichar (name, c);
        }
    }
  if (name->str[name->len - 1] != '-')
    g_string_append_c (name, '-');

  g_string_append_printf (name, "%s.%s", day, extension);
  return g_string_free (name, FALSE);
}

/**
 * carnet_exchange_write:
 * @format: "ics" (the appointments), "csv" (the results) or "json" (everything)
 * @file: where, a local file; written readable by its owner only
 */
gboolean
carnet_exchange_write (CarnetNotebook  *notebook,
                       const char      *format,
                       GFile           *file,
                       GError         **error)
{
  g_autoptr(GBytes) contents = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (CARNET_IS_NOTEBOOK (notebook), FALSE);
  g_return_val_if_fail (format != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error (error, CARNET_ERROR, CARNET_ERROR_IO,
                   _("Carnet can only use files of this computer."));
      return FALSE;
    }

  if (g_str_equal (format, "ics"))
    contents = carnet_export_ics (notebook, error);
  else if (g_str_equal (format, "csv"))
    contents = carnet_export_results_csv (notebook, error);
  else if (g_str_equal (format, "json"))
    contents = carnet_backup_export_json (notebook, error);
  else
    g_return_val_if_reached (FALSE);

  if (contents == NULL)
    return FALSE;

  return carnet_export_save (contents, path, error);
}

/**
 * carnet_exchange_backup_daily_async:
 *
 * Makes today's automatic backup of @notebook unless there is one already,
 * in a worker thread on a connection of its own.
 */
void
carnet_exchange_backup_daily_async (CarnetNotebook      *notebook,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  BackupTask *data;

  g_return_if_fail (CARNET_IS_NOTEBOOK (notebook));

  data = g_new0 (BackupTask, 1);
  data->path = g_strdup (carnet_notebook_get_path (notebook));
  data->clock = g_object_ref (carnet_notebook_get_clock (notebook));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, carnet_exchange_backup_daily_async);
  g_task_set_task_data (task, data, (GDestroyNotify) backup_task_free);
  g_task_run_in_thread (task, backup_daily_thread);
}

/**
 * carnet_exchange_backup_daily_finish:
 * @out_made: (out) (optional): whether a backup was made now
 */
gboolean
carnet_exchange_backup_daily_finish (GAsyncResult  *result,
                                     gboolean      *out_made,
                                     GError       **error)
{
  gssize made;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  made = g_task_propagate_int (G_TASK (result), error);
  if (out_made != NULL)
    *out_made = made > 0;

  return made >= 0;
}

/**
 * carnet_exchange_backup_on_start:
 *
 * What the app does for each notebook it opens: today's backup, in the
 * background, so that the window shows at once.
 */
void
carnet_exchange_backup_on_start (CarnetNotebook *notebook)
{
  g_return_if_fail (CARNET_IS_NOTEBOOK (notebook));

  if (carnet_notebook_get_read_only (notebook))
    return;

  carnet_exchange_backup_daily_async (notebook, NULL, on_backup_daily_done_cb, NULL);
}
