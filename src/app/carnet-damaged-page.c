/* carnet-damaged-page.c: what the window shows for a notebook that is damaged
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A notebook that is ours but cannot be read (a truncated file, pages of
 * noise) gets a page that says so in plain words and offers its latest
 * automatic backup, with the backup's date and how much it holds. Restoring
 * moves the damaged file aside, as it is (carnet_backup_restore_damaged()),
 * puts the backup in its place and emits ::restored for the window to open
 * it. Without a backup, the page says so and offers to open another
 * notebook. The damaged file is never written to.
 */
#define G_LOG_DOMAIN "carnet-app"

#include "config.h"

#include "carnet-damaged-page.h"

#include <glib/gi18n.h>

#include "carnet.h"
#include "carnet-page.h"

struct _CarnetDamagedPage
{
  AdwBin         parent_instance;

  /* Template widgets */
  AdwStatusPage *status_page;
  GtkLabel      *backup_label;
  GtkWidget     *restore_button;

  char          *path;
  CarnetBackup  *backup;
};

G_DEFINE_FINAL_TYPE (CarnetDamagedPage, carnet_damaged_page, ADW_TYPE_BIN)

enum {
  RESTORED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
format_backup_date (GDateTime *date)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (date);
  /* Translators: when an automatic backup was made, as strftime() reads it. */
  g_autofree char *text = g_date_time_format (local, _("%A %e %B %Y, %H:%M"));

  return g_strdup (g_strstrip (text));
}

static void
show_failure (CarnetDamagedPage *self,
              const char        *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Could Not Restore the Backup"), message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Callbacks */

static void
restore_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  carnet_damaged_page_restore (CARNET_DAMAGED_PAGE (widget));
}

/* Overrides */

static void
carnet_damaged_page_dispose (GObject *object)
{
  CarnetDamagedPage *self = CARNET_DAMAGED_PAGE (object);

  /* No gtk_widget_dispose_template(): the template's only child is the bin's
   * child, which AdwBin unparents itself. */
  g_clear_object (&self->backup);

  G_OBJECT_CLASS (carnet_damaged_page_parent_class)->dispose (object);
}

static void
carnet_damaged_page_finalize (GObject *object)
{
  CarnetDamagedPage *self = CARNET_DAMAGED_PAGE (object);

  g_free (self->path);

  G_OBJECT_CLASS (carnet_damaged_page_parent_class)->finalize (object);
}

static void
carnet_damaged_page_class_init (CarnetDamagedPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = carnet_damaged_page_dispose;
  object_class->finalize = carnet_damaged_page_finalize;

  /**
   * CarnetDamagedPage::restored:
   * @kept: where the damaged file now is
   *
   * The latest backup took the damaged notebook's place, which can now be
   * opened.
   */
  signals[RESTORED] =
    g_signal_new ("restored",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/carnet-damaged-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CarnetDamagedPage, status_page);
  gtk_widget_class_bind_template_child (widget_class, CarnetDamagedPage, backup_label);
  gtk_widget_class_bind_template_child (widget_class, CarnetDamagedPage, restore_button);

  gtk_widget_class_install_action (widget_class, "damaged.restore", NULL, restore_activated);
}

static void
carnet_damaged_page_init (CarnetDamagedPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  carnet_status_page_set_icon_on_map (self->status_page, "dialog-warning-symbolic");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "damaged.restore", FALSE);
}

/* Public API */

GtkWidget *
carnet_damaged_page_new (void)
{
  return g_object_new (CARNET_TYPE_DAMAGED_PAGE, NULL);
}

/**
 * carnet_damaged_page_show:
 * @path: the damaged notebook
 * @error: why it could not be opened (%CARNET_ERROR_CORRUPT)
 *
 * Says what is wrong with @path and looks for its latest automatic backup.
 */
void
carnet_damaged_page_show (CarnetDamagedPage *self,
                          const char        *path,
                          const GError      *error)
{
  g_autoptr(CarnetClock) clock = carnet_clock_new_system ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *description = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *text = NULL;

  g_return_if_fail (CARNET_IS_DAMAGED_PAGE (self));
  g_return_if_fail (path != NULL);
  g_return_if_fail (error != NULL);

  g_free (self->path);
  self->path = g_strdup (path);
  g_clear_object (&self->backup);

  name = g_filename_display_basename (path);
  {
    g_autofree char *dirname = g_path_get_dirname (path);

    dir = g_filename_display_name (dirname);
  }

  /* Translators: %s is the notebook's file name, then its folder; the
   * technical reason follows. */
  text = g_strdup_printf (_("Part of “%s” in “%s” cannot be read: the file was damaged, for example "
                            "by a disk problem or a copy that did not finish. Carnet did not change it."),
                          name, dir);
  escaped = g_markup_printf_escaped ("%s\n\n<small>%s</small>", text, error->message);
  adw_status_page_set_description (self->status_page, escaped);

  self->backup = carnet_backup_find_latest (path, clock, &local_error);
  if (self->backup != NULL)
    {
      guint n_entries = carnet_backup_get_n_entries (self->backup);
      g_autofree char *date = format_backup_date (carnet_backup_get_date (self->backup));
      g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u entry",
                                                             "%u entries", n_entries),
                                                n_entries);

      /* Translators: the first %s is a date, the second a number of entries. */
      description = g_strdup_printf (_("The latest automatic backup was made on %s and holds %s. "
                                       "Restoring it keeps the damaged file next to it, under "
                                       "another name, as it is."),
                                     date, count);
    }
  else if (local_error != NULL)
    {
      description = g_strdup_printf (_("The automatic backups of this notebook cannot be read: %s"),
                                     local_error->message);
    }
  else
    {
      description = g_strdup (_("There is no automatic backup of this notebook to restore. You can "
                                "open another notebook; the damaged file stays as it is."));
    }

  gtk_label_set_text (self->backup_label, description);
  gtk_widget_set_visible (self->restore_button, self->backup != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "damaged.restore", self->backup != NULL);
}

/**
 * carnet_damaged_page_get_backup:
 *
 * Returns: (nullable): the backup offered, or %NULL when there is none
 */
const char *
carnet_damaged_page_get_backup (CarnetDamagedPage *self)
{
  g_return_val_if_fail (CARNET_IS_DAMAGED_PAGE (self), NULL);

  return self->backup != NULL ? carnet_backup_get_path (self->backup) : NULL;
}

/**
 * carnet_damaged_page_restore:
 *
 * What the Restore button does: puts the latest backup in the place of the
 * damaged notebook, which is kept aside, then emits ::restored; on failure,
 * says why in a dialog and changes nothing.
 *
 * Returns: whether the backup was restored
 */
gboolean
carnet_damaged_page_restore (CarnetDamagedPage *self)
{
  g_autoptr(CarnetClock) clock = carnet_clock_new_system ();
  g_autoptr(GError) error = NULL;
  g_autofree char *kept = NULL;

  g_return_val_if_fail (CARNET_IS_DAMAGED_PAGE (self), FALSE);

  if (self->path == NULL || self->backup == NULL)
    return FALSE;

  kept = carnet_backup_restore_damaged (self->path, carnet_backup_get_path (self->backup),
                                        clock, &error);
  if (kept == NULL)
    {
      show_failure (self, error->message);
      return FALSE;
    }

  g_signal_emit (self, signals[RESTORED], 0, kept);
  return TRUE;
}
