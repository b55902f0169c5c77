/* carnet-autostart.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "carnet-app"

#include "config.h"

#include "carnet-autostart.h"

#include <errno.h>
#include <gio/gio.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

/**
 * carnet_autostart_path:
 *
 * Returns: (transfer full): `$XDG_CONFIG_HOME/autostart/io.github.carnet.Carnet.desktop`
 */
char *
carnet_autostart_path (void)
{
  return g_build_filename (g_get_user_config_dir (), "autostart", APP_ID ".desktop", NULL);
}

/**
 * carnet_autostart_contents:
 * @program: the carnet program to start
 *
 * Returns: (transfer full): the desktop entry's text
 */
char *
carnet_autostart_contents (const char *program)
{
  g_autoptr(GKeyFile) entry = g_key_file_new ();
  g_autofree char *quoted = g_shell_quote (program);
  g_autofree char *exec = g_strdup_printf ("%s --background", quoted);

  g_key_file_set_string (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_TYPE,
                         G_KEY_FILE_DESKTOP_TYPE_APPLICATION);
  /* Not translated here: the desktop entry is read in the session's own
   * language by whoever lists it, and this name is the app's. */
  g_key_file_set_string (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_NAME, "Carnet");
  g_key_file_set_string (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_COMMENT,
                         "Reminders of follow-up appointments");
  g_key_file_set_string (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_EXEC, exec);
  g_key_file_set_string (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_ICON, APP_ID);
  g_key_file_set_boolean (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_NO_DISPLAY, TRUE);
  g_key_file_set_boolean (entry, G_KEY_FILE_DESKTOP_GROUP, "X-GNOME-Autostart-enabled", TRUE);

  return g_key_file_to_data (entry, NULL, NULL);
}

/**
 * carnet_autostart_set_enabled:
 * @program: the carnet program the entry starts
 *
 * Writes the autostart entry, or removes it.
 */
gboolean
carnet_autostart_set_enabled (gboolean     enabled,
                              const char  *program,
                              GError     **error)
{
  g_autofree char *path = carnet_autostart_path ();

  if (!enabled)
    {
      if (g_unlink (path) != 0 && errno != ENOENT)
        {
          int saved_errno = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       _("Could not remove the autostart entry: %s"), g_strerror (saved_errno));
          return FALSE;
        }
      return TRUE;
    }

  {
    g_autofree char *dir = g_path_get_dirname (path);
    g_autofree char *contents = carnet_autostart_contents (program);

    if (g_mkdir_with_parents (dir, 0700) != 0)
      {
        int saved_errno = errno;

        g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                     _("Could not write the autostart entry: %s"), g_strerror (saved_errno));
        return FALSE;
      }

    if (!g_file_set_contents_full (path, contents, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0644, error))
      {
        g_prefix_error (error, _("Could not write the autostart entry: "));
        return FALSE;
      }
  }

  return TRUE;
}
