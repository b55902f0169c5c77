/* carnet-cli-exchange.c: export and import
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * export writes the appointments as iCalendar, the results as CSV, the whole
 * notebook as a JSON backup or the consultation sheet as PDF, to a file
 * (0600, whole or not at all) or to stdout with `--output -`. import restores
 * or merges a JSON backup; it reads and checks the whole file before it
 * opens the notebook, so a file it refuses leaves no trace, not even a new
 * notebook. Also what `check` says about the automatic backups.
 */
#define G_LOG_DOMAIN "carnet-cli"

#include "config.h"

#include "carnet-cli.h"

#include <errno.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

typedef enum
{
  FORMAT_ICS,
  FORMAT_CSV,
  FORMAT_JSON,
  FORMAT_PDF,
} Format;

static const char *format_names[] = { "ics", "csv", "json", "pdf" };

static const CarnetCliOption export_options[] = {
  { "--format", CARNET_CLI_OPTION_VALUE | CARNET_CLI_OPTION_REQUIRED, NULL, N_("F"),
    N_("ics (appointments), csv (results), json (everything, to import again) or pdf (a consultation sheet)") },
  { "--output", CARNET_CLI_OPTION_VALUE | CARNET_CLI_OPTION_REQUIRED, NULL, N_("FILE"),
    N_("The file to write, or - for the standard output") },
  { "--appointment", CARNET_CLI_OPTION_VALUE, "appointment appointment_id", N_("ID"),
    N_("pdf: the consultation of the sheet (default: the next planned one)") },
  { NULL }
};

static const CarnetCliOption import_options[] = {
  { "--json", CARNET_CLI_OPTION_FLAG, NULL, NULL, N_("Print what was added as a JSON object") },
  { NULL }
};

static gboolean
parse_format (const char  *text,
              Format      *out_format,
              GError     **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (format_names); i++)
    {
      if (g_str_equal (text, format_names[i]))
        {
          *out_format = (Format) i;
          return TRUE;
        }
    }

  /* Translators: the last %s is the list of the accepted words, which stay in English */
  carnet_cli_usage_error (error, _("%s: “%s” is not one of %s"), "--format", text, "ics, csv, json, pdf");
  return FALSE;
}

static GBytes *
make_sheet (CarnetNotebook  *notebook,
            gint64           appointment_id,
            GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(CarnetSheet) sheet = NULL;

  if (appointment_id > 0)
    {
      g_autoptr(CarnetRecord) record = carnet_cli_get_record (notebook, CARNET_RECORD_APPOINTMENT,
                                                              appointment_id, "--appointment", FALSE, error);

      if (record == NULL)
        return NULL;
    }

  sheet = carnet_sheet_new (notebook, appointment_id, &local_error);
  if (sheet == NULL)
    {
      if (appointment_id == 0 && g_error_matches (local_error, CARNET_ERROR, CARNET_ERROR_NOT_FOUND))
        g_set_error (error, CARNET_ERROR, CARNET_ERROR_NOT_FOUND,
                     _("no consultation is planned: name one with --appointment ID"));
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return carnet_sheet_to_pdf (sheet, error);
}

static gboolean
write_output (GBytes      *contents,
              const char  *path,
              GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (g_str_equal (path, "-"))
    {
      gsize size;
      const char *data = g_bytes_get_data (contents, &size);

      while (size > 0)
        {
          ssize_t written = write (STDOUT_FILENO, data, size);

          if (written < 0 && errno == EINTR)
            continue;
          if (written <= 0)
            {
              int saved_errno = errno;

              g_set_error (error, CARNET_ERROR, CARNET_ERROR_IO, "--output: %s", g_strerror (saved_errno));
              return FALSE;
            }
          data += written;
          size -= (gsize) written;
        }
      return TRUE;
    }

  if (!carnet_export_save (contents, path, &local_error))
    {
      g_set_error (error, CARNET_ERROR, CARNET_ERROR_IO, "--output: %s", local_error->message);
      return FALSE;
    }

  return TRUE;
}

gboolean
carnet_cli_export (CarnetCliContext  *ctx,
                   int                argc,
                   char             **argv,
                   GError           **error)
{
  g_autoptr(CarnetCliArgs) args = NULL;
  g_autoptr(CarnetNotebook) notebook = NULL;
  g_autoptr(GBytes) contents = NULL;
  const char *output;
  gint64 appointment_id = 0;
  Format format;

  ctx->options = export_options;

  if (carnet_cli_wants_help (argc, argv))
    {
      g_autofree char *options = carnet_cli_describe_options (export_options, 0);

      g_print ("%s\n\n%s\n\n%s\n%s",
               _("Usage: carnet-cli export --format ics|csv|json|pdf --output FILE [--appointment ID]"),
               _("Write the appointments for a calendar, the results for a spreadsheet, the whole notebook as a backup to import again, or the sheet to bring to a consultation."),
               _("Options:"), options);
      return TRUE;
    }

  args = carnet_cli_args_parse (export_options, 0, argc, argv, error);
  if (args == NULL ||
      !carnet_cli_args_check_positionals (args, 0, "", error) ||
      !carnet_cli_args_check_required (args, export_options, error) ||
      !parse_format (carnet_cli_args_get (args, "--format"), &format, error))
    return FALSE;

  output = carnet_cli_args_get (args, "--output");
  if (*output == '\0')
    {
      carnet_cli_usage_error (error, _("%s: is required"), "--output");
      return FALSE;
    }

  if (carnet_cli_args_has (args, "--appointment"))
    {
      if (format != FORMAT_PDF)
        {
          carnet_cli_usage_error (error, _("%s: only goes with --format pdf"), "--appointment");
          return FALSE;
        }
      if (!carnet_cli_parse_id ("--appointment", carnet_cli_args_get (args, "--appointment"),
                                &appointment_id, error))
        return FALSE;
    }

  notebook = carnet_cli_open_notebook (ctx->notebook_path, CARNET_OPEN_FLAGS_READ_ONLY, error);
  if (notebook == NULL)
    return FALSE;

  switch (format)
    {
    case FORMAT_ICS:
      contents = carnet_export_ics (notebook, error);
      break;
    case FORMAT_CSV:
      contents = carnet_export_results_csv (notebook, error);
      break;
    case FORMAT_JSON:
      contents = carnet_backup_export_json (notebook, error);
      break;
    case FORMAT_PDF:
    default:
      contents = make_sheet (notebook, appointment_id, error);
      break;
    }

  if (contents == NULL)
    return FALSE;

  return write_output (contents, output, error);
}

static JsonNode *
report_to_json (const CarnetImportReport *report)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "restored");
  json_builder_add_boolean_value (builder, report->restored);
  for (guint part = 0; part < 2; part++)
    {
      const guint *counts = part == 0 ? report->added : report->skipped;

      json_builder_set_member_name (builder, part == 0 ? "added" : "skipped");
      json_builder_begin_object (builder);
      for (guint kind = 0; kind < CARNET_N_RECORD_KINDS; kind++)
        {
          g_autofree char *name = g_strdup (carnet_enum_to_nick (CARNET_TYPE_RECORD_KIND, kind));

          g_strdelimit (name, "-", '_');
          json_builder_set_member_name (builder, name);
          json_builder_add_int_value (builder, counts[kind]);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static guint
sum (const guint counts[CARNET_N_RECORD_KINDS])
{
  guint total = 0;

  for (guint kind = 0; kind < CARNET_N_RECORD_KINDS; kind++)
    total += counts[kind];

  return total;
}

static void
remove_notebook_files (const char *path)
{
  static const char *suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_remove (file);
    }
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
                   _("%s: too large for a Carnet backup"), display);
      return NULL;
    }

  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      g_set_error (error, CARNET_ERROR,
                   g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT)
                     ? CARNET_ERROR_NOT_FOUND : CARNET_ERROR_IO,
                   "%s", local_error->message);
      return NULL;
    }

  return g_bytes_new_take (contents, length);
}

gboolean
carnet_cli_import (CarnetCliContext  *ctx,
                   int                argc,
                   char             **argv,
                   GError           **error)
{
  g_autoptr(CarnetCliArgs) args = NULL;
  g_autoptr(CarnetNotebook) notebook = NULL;
  g_autoptr(GBytes) contents = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *display = NULL;
  CarnetImportReport report;
  const char *path;
  gboolean existed;

  ctx->options = import_options;

  if (carnet_cli_wants_help (argc, argv))
    {
      g_autofree char *options = carnet_cli_describe_options (import_options, 0);

      g_print ("%s\n\n%s\n\n%s\n%s", _("Usage: carnet-cli import FILE.json [--json]"),
               _("Restore a backup made by “carnet-cli export --format json” (or by the app) into an empty or new notebook, or merge it into one that has records: what is there already is not added twice. The whole file is checked first; if anything in it is wrong, nothing is imported."),
               _("Options:"), options);
      return TRUE;
    }

  args = carnet_cli_args_parse (import_options, 0, argc, argv, error);
  if (args == NULL || !carnet_cli_args_check_positionals (args, 1, "FILE.json", error))
    return FALSE;

  path = carnet_cli_args_get_positional (args, 0);
  display = g_filename_display_name (path);

  contents = read_backup_file (path, error);
  if (contents == NULL)
    return FALSE;

  if (!carnet_backup_check_json (contents, &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code, "%s: %s", display, local_error->message);
      return FALSE;
    }

  existed = g_file_test (ctx->notebook_path, G_FILE_TEST_EXISTS);
  notebook = carnet_cli_open_notebook (ctx->notebook_path, CARNET_OPEN_FLAGS_CREATE, error);
  if (notebook == NULL)
    return FALSE;

  if (!carnet_backup_import_json (notebook, contents, &report, &local_error))
    {
      carnet_notebook_close (notebook);
      if (!existed)
        remove_notebook_files (ctx->notebook_path);
      g_set_error (error, local_error->domain, local_error->code, "%s: %s", display, local_error->message);
      return FALSE;
    }

  if (carnet_cli_args_has (args, "--json"))
    {
      g_autoptr(JsonNode) node = report_to_json (&report);

      carnet_cli_print_json (node);
    }
  else if (report.restored)
    {
      guint added = sum (report.added);

      g_print (ngettext ("Restored %u record.\n", "Restored %u records.\n", added), added);
    }
  else
    {
      guint added = sum (report.added);
      guint skipped = sum (report.skipped);

      g_print (ngettext ("Added %u record", "Added %u records", added), added);
      g_print (ngettext ("; %u was there already.\n", "; %u were there already.\n", skipped), skipped);
    }

  return TRUE;
}

/* check */

/**
 * carnet_cli_describe_latest_backup:
 *
 * Returns: (transfer full): when the latest automatic backup was made and
 *   what it holds, for people
 */
char *
carnet_cli_describe_latest_backup (CarnetNotebook *notebook)
{
  g_autoptr(CarnetBackup) backup = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *date = NULL;
  g_autofree char *time = NULL;
  g_autofree char *when = NULL;
  guint entries;

  backup = carnet_backup_dup_latest (notebook, &error);
  if (error != NULL)
    return g_strdup (error->message);
  if (backup == NULL)
    return g_strdup (_("none yet"));

  /* The day and time it was made where it was made, as its name says. */
  date = g_date_time_format (carnet_backup_get_date (backup), C_("date in another year", "%B %-d, %Y"));
  time = g_date_time_format (carnet_backup_get_date (backup), C_("time of day", "%H:%M"));
  when = g_strdup_printf (C_("date and time", "%s at %s"), date, time);
  entries = carnet_backup_get_n_entries (backup);

  /* Translators: the latest backup: when it was made and how many records it holds */
  return g_strdup_printf (ngettext ("%s, %u record", "%s, %u records", entries), when, entries);
}

/**
 * carnet_cli_add_latest_backup_json:
 *
 * Adds `latest_backup` to the object @builder is in: `path date entries`,
 * or null when there is none.
 */
void
carnet_cli_add_latest_backup_json (JsonBuilder    *builder,
                                   CarnetNotebook *notebook)
{
  g_autoptr(CarnetBackup) backup = carnet_backup_dup_latest (notebook, NULL);
  g_autofree char *date = NULL;

  json_builder_set_member_name (builder, "latest_backup");
  if (backup == NULL)
    {
      json_builder_add_null_value (builder);
      return;
    }

  date = carnet_time_format_iso (carnet_backup_get_date (backup));
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "path");
  json_builder_add_string_value (builder, carnet_backup_get_path (backup));
  json_builder_set_member_name (builder, "date");
  json_builder_add_string_value (builder, date);
  json_builder_set_member_name (builder, "entries");
  json_builder_add_int_value (builder, carnet_backup_get_n_entries (backup));
  json_builder_end_object (builder);
}
