/* main.c: carnet-cli, the notebook from the shell
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The scripting interface of DESIGN.md: exit status 0 on success, 1 when the
 * operation failed, 2 on a usage error; errors on stderr, one line each.
 */
#define G_LOG_DOMAIN "carnet-cli"

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n.h>

#include "carnet-cli.h"

typedef gboolean (*CommandFunc) (CarnetCliContext  *ctx,
                                 int                argc,
                                 char             **argv,
                                 GError           **error);

typedef struct
{
  const char  *name;
  CommandFunc  run;
  const char  *synopsis;
  const char  *summary;
} Command;

static const Command commands[] = {
  { "add", carnet_cli_add, N_("add KIND OPTIONS…"),
    N_("Add an appointment, result, side effect, question or treatment; prints its id") },
  { "list", carnet_cli_list, N_("list KIND [--from DATE] [--to DATE]"),
    N_("List the records of one kind") },
  { "show", carnet_cli_show, N_("show KIND ID"), N_("Show one record") },
  { "agenda", carnet_cli_agenda, N_("agenda [--from DATE] [--to DATE]"),
    N_("List the coming appointments, repeats expanded") },
  { "search", carnet_cli_search, N_("search QUERY"),
    N_("Search every record for words, accents ignored") },
  { "reminders", carnet_cli_reminders, N_("reminders [--from WHEN] [--to WHEN]"),
    N_("List the reminders that will fire, and when (fires nothing)") },
  { "edit", carnet_cli_edit, N_("edit KIND ID OPTIONS…"), N_("Change a record") },
  { "delete", carnet_cli_delete, N_("delete KIND ID"), N_("Move a record to the trash") },
  { "restore", carnet_cli_restore, N_("restore KIND ID"), N_("Take a record back from the trash") },
  { "answer", carnet_cli_answer, N_("answer QUESTION_ID --text T"), N_("Answer a question") },
  { "export", carnet_cli_export, N_("export --format ics|csv|json|pdf --output FILE"),
    N_("Write the appointments, the results, a backup or a consultation sheet to a file") },
  { "import", carnet_cli_import, N_("import FILE.json"),
    N_("Restore or merge a backup written by export --format json") },
  { "check", carnet_cli_check, N_("check"), N_("Check the notebook’s integrity and schema") },
};

static void
print_help (void)
{
  g_autofree char *default_path = carnet_notebook_default_path ();
  glong width = 0;

  g_print ("%s\n\n%s\n\n%s\n", _("Usage: carnet-cli [--notebook FILE] COMMAND [ARGUMENTS…]"),
           _("Keep a follow-up journal from the shell."),
           _("Commands:"));

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    width = MAX (width, g_utf8_strlen (_(commands[i].synopsis), -1));

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      const char *synopsis = _(commands[i].synopsis);

      g_print ("  %s%*s  %s\n", synopsis, (int) (width - g_utf8_strlen (synopsis, -1)), "",
               _(commands[i].summary));
    }

  g_print ("\n%s\n", _("KIND: appointment, result, side-effect, question or treatment, singular or plural."));
  g_print ("%s\n", _("Most commands take --json to print JSON instead of text."));
  g_print ("\n%s\n", _("Options:"));
  g_print ("  --notebook FILE  %s\n", _("The notebook to use"));
  g_print ("                   ");
  g_print (_("(default: $CARNET_NOTEBOOK, else %s)\n"), default_path);
  g_print ("  --help           %s\n", _("Show this help"));
  g_print ("  --version        %s\n", _("Show the version"));
  g_print ("\n%s\n", _("Run “carnet-cli COMMAND --help” for the arguments of a command."));
  g_print ("%s\n", _("Exit status: 0 success, 1 failed operation, 2 usage error."));
}

static const Command *
find_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (g_str_equal (commands[i].name, name))
        return &commands[i];
    }

  return NULL;
}

static int
report_error (const CarnetCliContext *ctx,
              const GError           *error)
{
  g_autofree char *line = carnet_cli_format_error (error, ctx->options);

  g_printerr ("%s\n", line);
  return carnet_cli_exit_status (error);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *notebook_path = NULL;
  CarnetCliContext ctx = { NULL, NULL };
  const Command *command;
  int i;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname ("carnet-cli");

  for (i = 1; i < argc && argv[i][0] == '-'; i++)
    {
      const char *arg = argv[i];

      if (g_str_equal (arg, "--help") || g_str_equal (arg, "-h"))
        {
          print_help ();
          return CARNET_CLI_EXIT_OK;
        }
      else if (g_str_equal (arg, "--version"))
        {
          g_print ("carnet-cli %s\n", PACKAGE_VERSION);
          return CARNET_CLI_EXIT_OK;
        }
      else if (g_str_equal (arg, "--notebook"))
        {
          if (i + 1 >= argc)
            {
              carnet_cli_usage_error (&error, _("%s: needs a value"), "--notebook");
              return report_error (&ctx, error);
            }
          g_free (notebook_path);
          notebook_path = g_strdup (argv[++i]);
        }
      else if (g_str_has_prefix (arg, "--notebook="))
        {
          g_free (notebook_path);
          notebook_path = g_strdup (arg + strlen ("--notebook="));
        }
      else
        {
          carnet_cli_usage_error (&error, _("%s: unknown option"), arg);
          return report_error (&ctx, error);
        }
    }

  if (notebook_path != NULL && *notebook_path == '\0')
    {
      carnet_cli_usage_error (&error, _("%s: is required"), "--notebook");
      return report_error (&ctx, error);
    }

  if (notebook_path == NULL)
    {
      const char *from_env = g_getenv ("CARNET_NOTEBOOK");

      if (from_env != NULL && *from_env != '\0')
        notebook_path = g_strdup (from_env);
      else
        notebook_path = carnet_notebook_default_path ();
    }

  if (i >= argc)
    {
      carnet_cli_usage_error (&error, _("no command given: run “carnet-cli --help” for the commands"));
      return report_error (&ctx, error);
    }

  command = find_command (argv[i]);
  if (command == NULL)
    {
      carnet_cli_usage_error (&error, _("“%s” is not a command: run “carnet-cli --help” for the commands"),
                              argv[i]);
      return report_error (&ctx, error);
    }

  ctx.notebook_path = notebook_path;

  if (!command->run (&ctx, argc - i - 1, argv + i + 1, &error))
    return report_error (&ctx, error);

  return CARNET_CLI_EXIT_OK;
}
