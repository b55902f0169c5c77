/* main.c: the carnet program
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "carnet-app"

#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "carnet-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CarnetApplication) app = NULL;
  const char *localedir;

  setlocale (LC_ALL, "");
  /* Uninstalled (meson devenv, the tests), the catalogues are in the build tree. */
  localedir = g_getenv ("CARNET_LOCALEDIR");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && *localedir != '\0' ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = carnet_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
