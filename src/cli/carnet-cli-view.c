/* carnet-cli-view.c: the commands that read a notebook
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * list, show, agenda and check. They open the notebook read-only and never
 * create it. Without --json they print for people: translated headings,
 * dates in the locale's format; with --json, exactly one JSON value.
 */
#define G_LOG_DOMAIN "carnet-cli"

#include "config.h"

#include "carnet-cli.h"

#include <langinfo.h>
#include <math.h>

#include <glib/gi18n.h>

/* How far ahead the agenda looks when no --to is given. */
#define AGENDA_DAYS 90
/* How far ahead `reminders` looks when no --to is given. */
#define REMINDER_DAYS 30

/* Table cells are one line; a long text is cut there. */
#define CELL_MAX_CHARS 60

static const CarnetCliOption range_options[] = {
  { "--from", CARNET_CLI_OPTION_VALUE, NULL, N_("DATE"), N_("From this day on") },
  { "--to", CARNET_CLI_OPTION_VALUE, NULL, N_("DATE"), N_("Up to this day, included") },
  { "--json", CARNET_CLI_OPTION_FLAG, NULL, NULL, N_("Print a JSON array") },
  { NULL }
};

static const CarnetCliOption show_options[] = {
  { "--json", CARNET_CLI_OPTION_FLAG, NULL, NULL, N_("Print a JSON object") },
  { NULL }
};

static const CarnetCliOption search_options[] = {
  { "--json", CARNET_CLI_OPTION_FLAG, NULL, NULL, N_("Print a JSON array") },
  { NULL }
};

static const CarnetCliOption check_options[] = {
  { "--json", CARNET_CLI_OPTION_FLAG, NULL, NULL, N_("Print a JSON object") },
  { NULL }
};

/* Tables */

typedef struct
{
  guint      n_columns;
  /* Rows of cells (GStrv), the headings first. */
  GPtrArray *rows;
} Table;

static Table *
table_new (const char *first_heading,
           ...)
{
  Table *table = g_new0 (Table, 1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  const char *heading;
  va_list args;

  va_start (args, first_heading);
  for (heading = first_heading; heading != NULL; heading = va_arg (args, const char *))
    {
      g_strv_builder_add (builder, heading);
      table->n_columns++;
    }
  va_end (args);

  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_ptr_array_add (table->rows, g_strv_builder_end (builder));
  return table;
}

static void
table_free (Table *table)
{
  g_ptr_array_unref (table->rows);
  g_free (table);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Table, table_free)

/* One line: a cell never breaks the table. */
static char *
make_cell (const char *text)
{
  g_autoptr(GString) cell = g_string_new (text != NULL ? text : "");

  g_strdelimit (cell->str, "\t\r\n", ' ');

  if (g_utf8_strlen (cell->str, -1) > CELL_MAX_CHARS)
    {
      const char *cut = g_utf8_offset_to_pointer (cell->str, CELL_MAX_CHARS - 1);

      g_string_truncate (cell, cut - cell->str);
      g_string_append (cell, "…");
    }

  return g_string_free (g_steal_pointer (&cell), FALSE);
}

/* Takes the cells, as many as the table has columns. */
static void
table_add_row (Table *table,
               ...)
{
  char **row = g_new0 (char *, table->n_columns + 1);
  va_list args;

  va_start (args, table);
  for (guint i = 0; i < table->n_columns; i++)
    {
      g_autofree char *text = va_arg (args, char *);

      row[i] = make_cell (text);
    }
  va_end (args);

  g_ptr_array_add (table->rows, row);
}

static void
table_print (Table *table)
{
  g_autofree glong *widths = g_new0 (glong, table->n_columns);

  for (guint r = 0; r < table->rows->len; r++)
    {
      char **row = g_ptr_array_index (table->rows, r);

      for (guint c = 0; c < table->n_columns; c++)
        widths[c] = MAX (widths[c], g_utf8_strlen (row[c], -1));
    }

  for (guint r = 0; r < table->rows->len; r++)
    {
      char **row = g_ptr_array_index (table->rows, r);
      g_autoptr(GString) line = g_string_new (NULL);

      for (guint c = 0; c < table->n_columns; c++)
        {
          g_string_append (line, row[c]);
          if (c + 1 < table->n_columns)
            {
              for (glong pad = g_utf8_strlen (row[c], -1); pad < widths[c] + 2; pad++)
                g_string_append_c (line, ' ');
            }
        }

      /* Empty last cells leave no trailing spaces. */
      while (line->len > 0 && line->str[line->len - 1] == ' ')
        g_string_truncate (line, line->len - 1);

      g_print ("%s\n", line->str);
    }
}

/* Fields of `show` */

typedef struct
{
  const char *label;
  char       *value;
} Field;

static void
field_clear (gpointer data)
{
  Field *field = data;

  g_free (field->value);
}

static GArray *
fields_new (void)
{
  GArray *fields = g_array_new (FALSE, FALSE, sizeof (Field));

  g_array_set_clear_func (fields, field_clear);
  return fields;
}

/* Takes @value; an empty field is left out. */
static void
fields_add (GArray     *fields,
            const char *label,
            char       *value)
{
  Field field = { label, value };

  if (value == NULL || *value == '\0')
    {
      g_free (value);
      return;
    }

  g_array_append_val (fields, field);
}

static void
fields_print (GArray *fields)
{
  g_autoptr(GPtrArray) heads = g_ptr_array_new_with_free_func (g_free);
  glong width = 0;

  for (guint i = 0; i < fields->len; i++)
    {
      /* Translators: a label and its value in `carnet-cli show`, such as "Title: CT scan" */
      char *head = g_strdup_printf (_("%s:"), g_array_index (fields, Field, i).label);

      width = MAX (width, g_utf8_strlen (head, -1));
      g_ptr_array_add (heads, head);
    }

  for (guint i = 0; i < fields->len; i++)
    {
      const char *head = g_ptr_array_index (heads, i);
      g_auto(GStrv) lines = g_strsplit (g_array_index (fields, Field, i).value, "\n", -1);

      for (guint l = 0; lines[l] != NULL; l++)
        {
          if (l == 0)
            g_print ("%s%*s%s\n", head, (int) (width + 2 - g_utf8_strlen (head, -1)), "", lines[l]);
          else
            g_print ("%*s%s\n", (int) (width + 2), "", lines[l]);
        }
    }
}

/* Formatting */

/* The locale's own way to write a date, but for the C locale's two-digit
 * years (12/03/26), which no one reads without doubt: ISO 8601 there. */
static const char *
get_date_format (void)
{
  if (g_str_equal (nl_langinfo (D_FMT), "%m/%d/%y"))
    return "%Y-%m-%d";

  return "%x";
}

static char *
format_date (GDateTime *dt)
{
  g_autoptr(GDateTime) local = NULL;

  if (dt == NULL)
    return NULL;

  local = g_date_time_to_local (dt);
  return g_date_time_format (local, get_date_format ());
}

static char *
format_clock (GDateTime *dt,
              gboolean   all_day)
{
  g_autoptr(GDateTime) local = NULL;

  if (dt == NULL)
    return NULL;

  if (all_day)
    return g_strdup (_("all day"));

  local = g_date_time_to_local (dt);
  return g_date_time_format (local, "%H:%M");
}

static char *
format_when (GDateTime *dt,
             gboolean   all_day)
{
  g_autofree char *date = format_date (dt);
  g_autofree char *clock = NULL;

  if (dt == NULL)
    return NULL;

  if (all_day)
    return g_steal_pointer (&date);

  clock = format_clock (dt, FALSE);
  return g_strdup_printf ("%s %s", date, clock);
}

static char *
format_gdate (const GDate *date)
{
  char buffer[128];

  if (date == NULL || !g_date_valid (date))
    return NULL;

  if (g_date_strftime (buffer, sizeof buffer, get_date_format (), date) == 0)
    return carnet_date_format_iso (date);

  return g_strdup (buffer);
}

static char *
format_number (double value)
{
  if (isnan (value))
    return NULL;

  /* The locale's decimal separator, for people. */
  return g_strdup_printf ("%g", value);
}

static char *
format_id (gint64 id)
{
  if (id == 0)
    return NULL;

  return g_strdup_printf ("%" G_GINT64_FORMAT, id);
}

static char *
format_result_value (CarnetResult *result)
{
  const char *unit = carnet_result_get_unit (result);
  g_autofree char *number = NULL;

  if (!carnet_result_has_value (result))
    return g_strdup (carnet_result_get_text (result));

  number = format_number (carnet_result_get_value (result));
  if (unit == NULL || *unit == '\0')
    return g_steal_pointer (&number);

  return g_strdup_printf ("%s %s", number, unit);
}

static char *
format_range (CarnetResult *result)
{
  g_autofree char *low = format_number (carnet_result_get_low (result));
  g_autofree char *high = format_number (carnet_result_get_high (result));

  if (low != NULL && high != NULL)
    return g_strdup_printf ("%s–%s", low, high);
  if (low != NULL)
    return g_strdup_printf ("≥ %s", low);
  if (high != NULL)
    return g_strdup_printf ("≤ %s", high);

  return NULL;
}

static char *
format_flag (CarnetResult *result)
{
  CarnetFlag flag = carnet_result_get_flag (result);

  if (flag == CARNET_FLAG_NONE)
    return NULL;

  return g_strdup (carnet_flag_label (flag));
}

static char *
format_severity (int severity)
{
  return g_strdup_printf ("%d %s", severity, carnet_severity_label (severity));
}

static char *
format_consultation (gint64 appointment_id)
{
  if (appointment_id == 0)
    return g_strdup (_("next"));

  return format_id (appointment_id);
}

static char *
format_cycles (CarnetTreatment *treatment)
{
  guint days = carnet_treatment_get_cycle_days (treatment);
  guint cycles = carnet_treatment_get_cycles (treatment);

  if (days == 0)
    return NULL;

  if (cycles == 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "every %u day", "every %u days", days), days);

  /* Translators: cycles of a treatment, such as "6 × 21 days" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u × %u day", "%u × %u days", days),
                          cycles, days);
}

static char *
format_reminders (CarnetAppointment *appointment)
{
  g_autoptr(GArray) offsets = carnet_appointment_dup_offsets (appointment);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (offsets == NULL || offsets->len == 0)
    return g_strdup (_("none"));

  for (guint i = 0; i < offsets->len; i++)
    g_ptr_array_add (parts, carnet_offset_describe (&g_array_index (offsets, CarnetOffset, i)));
  g_ptr_array_add (parts, NULL);

  return g_strjoinv (", ", (char **) parts->pdata);
}

static char *
format_text (const char *text)
{
  return g_strdup (text);
}

/* list */

static const char *
describe_empty (CarnetRecordKind kind)
{
  switch (kind)
    {
    case CARNET_RECORD_APPOINTMENT:
      return _("No appointments.");
    case CARNET_RECORD_RESULT:
      return _("No results.");
    case CARNET_RECORD_SIDE_EFFECT:
      return _("No side effects.");
    case CARNET_RECORD_QUESTION:
      return _("No questions.");
    case CARNET_RECORD_TREATMENT:
      return _("No treatments.");
    default:
      g_assert_not_reached ();
    }
}

static Table *
make_table (CarnetRecordKind kind)
{
  switch (kind)
    {
    case CARNET_RECORD_APPOINTMENT:
      return table_new (_("ID"), _("Date"), _("Time"), _("Kind"), _("Title"), _("Status"),
                        _("Repeat"), NULL);
    case CARNET_RECORD_RESULT:
      return table_new (_("ID"), _("Date"), _("Name"), _("Result"), _("Reference"), _("Flag"),
                        NULL);
    case CARNET_RECORD_SIDE_EFFECT:
      return table_new (_("ID"), _("Date"), _("Symptom"), _("Severity"), _("Until"), _("Cycle"),
                        NULL);
    case CARNET_RECORD_QUESTION:
      return table_new (_("ID"), _("Consultation"), C_("question status", "Status"), _("By"),
                        _("Question"), NULL);
    case CARNET_RECORD_TREATMENT:
      return table_new (_("ID"), _("Start"), _("End"), _("Kind"), _("Name"), _("Cycles"),
                        NULL);
    default:
      g_assert_not_reached ();
    }
}

static void
add_record_row (Table        *table,
                CarnetRecord *record)
{
  char *id = format_id (carnet_record_get_id (record));

  switch (carnet_record_get_kind (record))
    {
    case CARNET_RECORD_APPOINTMENT:
      {
        CarnetAppointment *self = CARNET_APPOINTMENT (record);
        GDateTime *start = carnet_appointment_get_start (self);
        gboolean all_day = carnet_appointment_get_all_day (self);
        const char *repeat = carnet_appointment_get_repeat (self);

        table_add_row (table, id,
                       format_date (start),
                       format_clock (start, all_day),
                       format_text (carnet_appointment_kind_label (carnet_appointment_get_kind (self))),
                       format_text (carnet_appointment_get_title (self)),
                       format_text (carnet_status_label (carnet_appointment_get_status (self))),
                       repeat != NULL ? carnet_recurrence_describe (repeat) : NULL);
      }
      break;

    case CARNET_RECORD_RESULT:
      {
        CarnetResult *self = CARNET_RESULT (record);

        table_add_row (table, id,
                       format_when (carnet_result_get_at (self), FALSE),
                       format_text (carnet_result_get_name (self)),
                       format_result_value (self),
                       format_range (self),
                       format_flag (self));
      }
      break;

    case CARNET_RECORD_SIDE_EFFECT:
      {
        CarnetSideEffect *self = CARNET_SIDE_EFFECT (record);

        table_add_row (table, id,
                       format_when (carnet_side_effect_get_at (self), FALSE),
                       format_text (carnet_side_effect_get_symptom (self)),
                       format_severity (carnet_side_effect_get_severity (self)),
                       format_when (carnet_side_effect_get_until (self), FALSE),
                       format_text (carnet_side_effect_get_cycle (self)));
      }
      break;

    case CARNET_RECORD_QUESTION:
      {
        CarnetQuestion *self = CARNET_QUESTION (record);

        table_add_row (table, id,
                       format_consultation (carnet_question_get_appointment_id (self)),
                       format_text (carnet_question_status_label (carnet_question_get_status (self))),
                       format_text (carnet_author_label (carnet_question_get_author (self))),
                       format_text (carnet_question_get_text (self)));
      }
      break;

    case CARNET_RECORD_TREATMENT:
      {
        CarnetTreatment *self = CARNET_TREATMENT (record);

        table_add_row (table, id,
                       format_gdate (carnet_treatment_get_start (self)),
                       format_gdate (carnet_treatment_get_end (self)),
                       format_text (carnet_treatment_kind_label (carnet_treatment_get_kind (self))),
                       format_text (carnet_treatment_get_name (self)),
                       format_cycles (self));
      }
      break;

    default:
      g_assert_not_reached ();
    }
}

/* @command takes @n_positionals arguments, KIND first when there are any. */
static gboolean
parse_view_args (CarnetCliContext        *ctx,
                 const char              *command,
                 const CarnetCliOption   *options,
                 int                      argc,
                 char                   **argv,
                 guint                    n_positionals,
                 CarnetCliArgs          **out_args,
                 GError                 **error)
{
  g_autoptr(CarnetCliArgs) args = NULL;
  guint n_given;

  ctx->options = options;

  args = carnet_cli_args_parse (options, 0, argc, argv, error);
  if (args == NULL)
    return FALSE;

  n_given = carnet_cli_args_get_n_positionals (args);

  if (n_positionals > 0)
    {
      CarnetRecordKind kind;

      if (n_given == 0)
        {
          carnet_cli_usage_error (error, _("%s: missing KIND (appointment, result, side-effect, question or treatment)"),
                                  command);
          return FALSE;
        }

      if (!carnet_cli_parse_record_kind (carnet_cli_args_get_positional (args, 0), &kind, error))
        return FALSE;
    }

  if (n_positionals > 1 && n_given == 1)
    {
      carnet_cli_usage_error (error, _("%s: missing ID"), command);
      return FALSE;
    }

  if (!carnet_cli_args_check_positionals (args, n_positionals, NULL, error))
    return FALSE;

  *out_args = g_steal_pointer (&args);
  return TRUE;
}

gboolean
carnet_cli_list (CarnetCliContext  *ctx,
                 int                argc,
                 char             **argv,
                 GError           **error)
{
  g_autoptr(CarnetCliArgs) args = NULL;
  g_autoptr(CarnetNotebook) notebook = NULL;
  g_autoptr(GListModel) records = NULL;
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) to = NULL;
  g_autoptr(Table) table = NULL;
  CarnetRecordKind kind;
  guint n_records;

  if (carnet_cli_wants_help (argc, argv))
    {
      g_autofree char *options = carnet_cli_describe_options (range_options, 0);

      g_print ("%s\n\n%s\n%s\n\n%s\n%s", _("Usage: carnet-cli list KIND [--from DATE] [--to DATE] [--json]"),
               _("List the records of one kind, oldest first (questions by consultation and place, treatments by start)."),
               _("KIND: appointments, results, side-effects, questions or treatments."),
               _("Options:"), options);
      return TRUE;
    }

  if (!parse_view_args (ctx, "list", range_options, argc, argv, 1, &args, error))
    return FALSE;

  carnet_cli_parse_record_kind (carnet_cli_args_get_positional (args, 0), &kind, NULL);

  if (!carnet_cli_parse_range (args, &from, &to, error))
    return FALSE;

  notebook = carnet_cli_open_notebook (ctx->notebook_path, CARNET_OPEN_FLAGS_READ_ONLY, error);
  if (notebook == NULL)
    return FALSE;

  records = carnet_notebook_list (notebook, kind, from, to, error);
  if (records == NULL)
    return FALSE;

  if (carnet_cli_args_has (args, "--json"))
    {
      g_autoptr(JsonNode) node = carnet_json_from_list (records);

      carnet_cli_print_json (node);
      return TRUE;
    }

  n_records = g_list_model_get_n_items (records);
  if (n_records == 0)
    {
      g_print ("%s\n", describe_empty (kind));
      return TRUE;
    }

  table = make_table (kind);
  for (guint i = 0; i < n_records; i++)
    {
      g_autoptr(CarnetRecord) record = g_list_model_get_item (records, i);

      add_record_row (table, record);
    }
  table_print (table);

  return TRUE;
}

/* show */

static void
add_appointment_fields (GArray            *fields,
                        CarnetAppointment *self)
{
  GDateTime *start = carnet_appointment_get_start (self);
  gboolean all_day = carnet_appointment_get_all_day (self);
  g_autoptr(GDateTime) end = carnet_appointment_dup_end (self);
  const char *repeat = carnet_appointment_get_repeat (self);
  guint duration = carnet_appointment_get_duration (self);

  fields_add (fields, _("Title"), format_text (carnet_appointment_get_title (self)));
  fields_add (fields, _("Kind"),
              format_text (carnet_appointment_kind_label (carnet_appointment_get_kind (self))));
  fields_add (fields, _("Start"), format_when (start, all_day));
  if (!all_day && duration > 0)
    {
      fields_add (fields, _("End"), format_when (end, FALSE));
      fields_add (fields, _("Duration"),
                  g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u minute", "%u minutes", duration),
                                   duration));
    }
  fields_add (fields, _("Location"), format_text (carnet_appointment_get_location (self)));
  fields_add (fields, _("With"), format_text (carnet_appointment_get_practitioner (self)));
  fields_add (fields, _("Status"),
              format_text (carnet_status_label (carnet_appointment_get_status (self))));
  fields_add (fields, _("Reminders"), format_reminders (self));
  fields_add (fields, _("Repeat"), repeat != NULL ? carnet_recurrence_describe (repeat) : NULL);
  fields_add (fields, _("Notes"), format_text (carnet_appointment_get_notes (self)));
}

static void
add_result_fields (GArray       *fields,
                   CarnetResult *self)
{
  fields_add (fields, _("Name"), format_text (carnet_result_get_name (self)));
  fields_add (fields, _("Date"), format_when (carnet_result_get_at (self), FALSE));
  fields_add (fields, _("Result"), format_result_value (self));
  fields_add (fields, _("Reference"), format_range (self));
  fields_add (fields, _("Flag"), format_flag (self));
  fields_add (fields, _("Appointment"), format_id (carnet_result_get_appointment_id (self)));
  fields_add (fields, _("Attachment"), format_text (carnet_result_get_attachment_name (self)));
  fields_add (fields, _("Notes"), format_text (carnet_result_get_notes (self)));
}

static void
add_side_effect_fields (GArray           *fields,
                        CarnetSideEffect *self)
{
  fields_add (fields, _("Symptom"), format_text (carnet_side_effect_get_symptom (self)));
  fields_add (fields, _("Severity"), format_severity (carnet_side_effect_get_severity (self)));
  fields_add (fields, _("Since"), format_when (carnet_side_effect_get_at (self), FALSE));
  fields_add (fields, _("Until"), format_when (carnet_side_effect_get_until (self), FALSE));
  fields_add (fields, C_("record kind", "Treatment"),
              format_id (carnet_side_effect_get_treatment_id (self)));
  fields_add (fields, _("Cycle"), format_text (carnet_side_effect_get_cycle (self)));
  fields_add (fields, _("Notes"), format_text (carnet_side_effect_get_notes (self)));
}

static void
add_question_fields (GArray         *fields,
                     CarnetQuestion *self)
{
  fields_add (fields, _("Question"), format_text (carnet_question_get_text (self)));
  fields_add (fields, _("Consultation"),
              format_consultation (carnet_question_get_appointment_id (self)));
  fields_add (fields, _("Place"), g_strdup_printf ("%u", carnet_question_get_position (self)));
  fields_add (fields, _("By"),
              format_text (carnet_author_label (carnet_question_get_author (self))));
  fields_add (fields, C_("question status", "Status"),
              format_text (carnet_question_status_label (carnet_question_get_status (self))));
  fields_add (fields, _("Answer"), format_text (carnet_question_get_answer (self)));
  fields_add (fields, _("Written"), format_when (carnet_question_get_created (self), FALSE));
}

static void
add_treatment_fields (GArray          *fields,
                      CarnetTreatment *self)
{
  fields_add (fields, _("Name"), format_text (carnet_treatment_get_name (self)));
  fields_add (fields, _("Kind"),
              format_text (carnet_treatment_kind_label (carnet_treatment_get_kind (self))));
  fields_add (fields, _("Start"), format_gdate (carnet_treatment_get_start (self)));
  fields_add (fields, _("End"), format_gdate (carnet_treatment_get_end (self)));
  fields_add (fields, _("Cycles"), format_cycles (self));
  fields_add (fields, _("Notes"), format_text (carnet_treatment_get_notes (self)));
}

static void
print_record_fields (CarnetRecord *record)
{
  g_autoptr(GArray) fields = fields_new ();
  CarnetRecordKind kind = carnet_record_get_kind (record);

  fields_add (fields, _("ID"), format_id (carnet_record_get_id (record)));

  switch (kind)
    {
    case CARNET_RECORD_APPOINTMENT:
      add_appointment_fields (fields, CARNET_APPOINTMENT (record));
      break;
    case CARNET_RECORD_RESULT:
      add_result_fields (fields, CARNET_RESULT (record));
      break;
    case CARNET_RECORD_SIDE_EFFECT:
      add_side_effect_fields (fields, CARNET_SIDE_EFFECT (record));
      break;
    case CARNET_RECORD_QUESTION:
      add_question_fields (fields, CARNET_QUESTION (record));
      break;
    case CARNET_RECORD_TREATMENT:
      add_treatment_fields (fields, CARNET_TREATMENT (record));
      break;
    default:
      g_assert_not_reached ();
    }

  fields_add (fields, _("In the trash since"),
              format_when (carnet_record_get_trashed (record), FALSE));

  g_print ("%s\n", carnet_record_kind_label (kind));
  fields_print (fields);
}

gboolean
carnet_cli_show (CarnetCliContext  *ctx,
                 int                argc,
                 char             **argv,
                 GError           **error)
{
  g_autoptr(CarnetCliArgs) args = NULL;
  g_autoptr(CarnetNotebook) notebook = NULL;
  g_autoptr(CarnetRecord) record = NULL;
  CarnetRecordKind kind;
  gint64 id;

  if (carnet_cli_wants_help (argc, argv))
    {
      g_autofree char *options = carnet_cli_describe_options (show_options, 0);

      g_print ("%s\n\n%s\n%s\n\n%s\n%s", _("Usage: carnet-cli show KIND ID [--json]"),
               _("Show one record, also when it is in the trash."),
               _("KIND: appointment, result, side-effect, question or treatment."),
               _("Options:"), options);
      return TRUE;
    }

  if (!parse_view_args (ctx, "show", show_options, argc, argv, 2, &args, error) ||
      !carnet_cli_parse_id (NULL, carnet_cli_args_get_positional (args, 1), &id, error))
    return FALSE;

  carnet_cli_parse_record_kind (carnet_cli_args_get_positional (args, 0), &kind, NULL);

  notebook = carnet_cli_open_notebook (ctx->notebook_path, CARNET_OPEN_FLAGS_READ_ONLY, error);
  if (notebook == NULL)
    return FALSE;

  record = carnet_cli_get_record (notebook, kind, id, NULL, TRUE, error);
  if (record == NULL)
    return FALSE;

  if (carnet_cli_args_has (args, "--json"))
    {
      g_autoptr(JsonNode) node = carnet_json_from_record (record);

      carnet_cli_print_json (node);
      return TRUE;
    }

  print_record_fields (record);
  return TRUE;
}

/* agenda and reminders */

/* Their help: what the command does, and how far ahead it looks. */
static void
print_ahead_help (const char *usage,
                  const char *summary,
                  int         days)
{
  g_autofree char *options = carnet_cli_describe_options (range_options, 0);

  g_print ("%s\n\n%s\n", usage, summary);
  g_print (ngettext ("Without --from, from now on; without --to, up to %d day after the start.\n",
                     "Without --from, from now on; without --to, up to %d days after the start.\n",
                     days),
           days);
  g_print ("\n%s\n%s", _("Options:"), options);
}

/* Their range: from now when there is no --from, @days later when no --to. */
static gboolean
parse_ahead_args (CarnetCliContext  *ctx,
                  const char        *command,
                  int                argc,
                  char             **argv,
                  int                days,
                  CarnetCliArgs    **out_args,
                  GDateTime        **out_from,
                  GDateTime        **out_to,
                  GError           **error)
{
  g_autoptr(CarnetCliArgs) args = NULL;
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) to = NULL;

  if (!parse_view_args (ctx, command, range_options, argc, argv, 0, &args, error) ||
      !carnet_cli_parse_range (args, &from, &to, error))
    return FALSE;

  if (from == NULL)
    {
      from = g_date_time_new_now_local ();
      if (to != NULL && g_date_time_compare (from, to) >= 0)
        {
          carnet_cli_usage_error (error, _("%s: must come after now when there is no --from"), "--to");
          return FALSE;
        }
    }

  if (to == NULL)
    to = g_date_time_add_days (from, days);

  *out_args = g_steal_pointer (&args);
  *out_from = g_steal_pointer (&from);
  *out_to = g_steal_pointer (&to);
  return TRUE;
}


gboolean
carnet_cli_agenda (CarnetCliContext  *ctx,
                   int                argc,
                   char             **argv,
                   GError           **error)
{
  g_autoptr(CarnetCliArgs) args = NULL;
  g_autoptr(CarnetNotebook) notebook = NULL;
  g_autoptr(GListModel) occurrences = NULL;
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) to = NULL;
  guint n_occurrences;

  if (carnet_cli_wants_help (argc, argv))
    {
      print_ahead_help (_("Usage: carnet-cli agenda [--from DATE] [--to DATE] [--json]"),
                        _("List the occurrences of appointments, repeats expanded, in order."),
                        AGENDA_DAYS);
      return TRUE;
    }

  if (!parse_ahead_args (ctx, "agenda", argc, argv, AGENDA_DAYS, &args, &from, &to, error))
    return FALSE;

  notebook = carnet_cli_open_notebook (ctx->notebook_path, CARNET_OPEN_FLAGS_READ_ONLY, error);
  if (notebook == NULL)
    return FALSE;

  occurrences = carnet_notebook_agenda (notebook, from, to, error);
  if (occurrences == NULL)
    return FALSE;

  n_occurrences = g_list_model_get_n_items (occurrences);

  if (carnet_cli_args_has (args, "--json"))
    {
      g_autoptr(JsonArray) array = json_array_sized_new (n_occurrences);
      g_autoptr(JsonNode) node = json_node_new (JSON_NODE_ARRAY);

      for (guint i = 0; i < n_occurrences; i++)
        {
          g_autoptr(CarnetOccurrence) occurrence = g_list_model_get_item (occurrences, i);

          json_array_add_element (array, carnet_json_from_occurrence (occurrence));
        }

      json_node_set_array (node, array);
      carnet_cli_print_json (node);
      return TRUE;
    }

  if (n_occurrences == 0)
    {
      g_print ("%s\n", _("Nothing planned."));
      return TRUE;
    }

  {
    g_autoptr(Table) table = table_new (_("Date"), _("Time"), _("Kind"), _("Title"), _("Status"),
                                        _("ID"), NULL);

    for (guint i = 0; i < n_occurrences; i++)
      {
        g_autoptr(CarnetOccurrence) occurrence = g_list_model_get_item (occurrences, i);
        CarnetAppointment *appointment = carnet_occurrence_get_appointment (occurrence);
        GDateTime *start = carnet_occurrence_get_start (occurrence);
        gboolean all_day = carnet_appointment_get_all_day (appointment);

        table_add_row (table,
                       format_date (start),
                       format_clock (start, all_day),
                       format_text (carnet_appointment_kind_label (carnet_appointment_get_kind (appointment))),
                       format_text (carnet_appointment_get_title (appointment)),
                       format_text (carnet_status_label (carnet_occurrence_get_status (occurrence))),
                       format_id (carnet_record_get_id (CARNET_RECORD (appointment))));
      }

    table_print (table);
  }

  return TRUE;
}

/* reminders */

gboolean
carnet_cli_reminders (CarnetCliContext  *ctx,
                      int                argc,
                      char             **argv,
                      GError           **error)
{
  g_autoptr(CarnetCliArgs) args = NULL;
  g_autoptr(CarnetNotebook) notebook = NULL;
  g_autoptr(GListModel) reminders = NULL;
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) to = NULL;
  guint n_reminders;

  if (carnet_cli_wants_help (argc, argv))
    {
      print_ahead_help (_("Usage: carnet-cli reminders [--from WHEN] [--to WHEN] [--json]"),
                        _("List the reminders that will fire, and when, in order; nothing is fired."),
                        REMINDER_DAYS);
      return TRUE;
    }

  if (!parse_ahead_args (ctx, "reminders", argc, argv, REMINDER_DAYS, &args, &from, &to, error))
    return FALSE;

  notebook = carnet_cli_open_notebook (ctx->notebook_path, CARNET_OPEN_FLAGS_READ_ONLY, error);
  if (notebook == NULL)
    return FALSE;

  reminders = carnet_notebook_list_reminders (notebook, from, to, error);
  if (reminders == NULL)
    return FALSE;

  n_reminders = g_list_model_get_n_items (reminders);

  if (carnet_cli_args_has (args, "--json"))
    {
      g_autoptr(JsonNode) node = carnet_json_from_list (reminders);

      carnet_cli_print_json (node);
      return TRUE;
    }

  if (n_reminders == 0)
    {
      g_print ("%s\n", _("No reminder will fire."));
      return TRUE;
    }

  {
    g_autoptr(Table) table = table_new (_("Date"), _("Time"), _("Title"), _("Starts"),
                                        _("Reminder"), _("ID"), NULL);

    for (guint i = 0; i < n_reminders; i++)
      {
        g_autoptr(CarnetReminder) reminder = g_list_model_get_item (reminders, i);
        CarnetAppointment *appointment = carnet_reminder_get_appointment (reminder);
        GDateTime *due = carnet_reminder_get_due (reminder);
        GDateTime *start = carnet_reminder_get_occurrence_start (reminder);
        g_autofree char *start_date = format_date (start);
        g_autofree char *start_clock = format_clock (start, carnet_appointment_get_all_day (appointment));
        g_autofree char *starts = g_strdup_printf ("%s %s", start_date, start_clock);

        table_add_row (table,
                       format_date (due),
                       format_clock (due, FALSE),
                       format_text (carnet_appointment_get_title (appointment)),
                       g_steal_pointer (&starts),
                       carnet_offset_describe (carnet_reminder_get_offset (reminder)),
                       format_id (carnet_record_get_id (CARNET_RECORD (appointment))));
      }

    table_print (table);
  }

  return TRUE;
}

/* search */

gboolean
carnet_cli_search (CarnetCliContext  *ctx,
                   int                argc,
                   char             **argv,
                   GError           **error)
{
  g_autoptr(CarnetCliArgs) args = NULL;
  g_autoptr(CarnetNotebook) notebook = NULL;
  g_autoptr(GListModel) hits = NULL;
  guint n_hits;

  if (carnet_cli_wants_help (argc, argv))
    {
      g_autofree char *options = carnet_cli_describe_options (search_options, 0);

      g_print ("%s\n\n%s\n\n%s\n%s", _("Usage: carnet-cli search QUERY [--json]"),
               _("Search every record for words, accents ignored; each word must appear, "
                 "as a word or the start of one. The best matches come first."),
               _("Options:"), options);
      return TRUE;
    }

  ctx->options = search_options;
  args = carnet_cli_args_parse (search_options, 0, argc, argv, error);
  if (args == NULL ||
      !carnet_cli_args_check_positionals (args, 1, "QUERY", error))
    return FALSE;

  notebook = carnet_cli_open_notebook (ctx->notebook_path, CARNET_OPEN_FLAGS_READ_ONLY, error);
  if (notebook == NULL)
    return FALSE;

  hits = carnet_notebook_search (notebook, carnet_cli_args_get_positional (args, 0), 0, error);
  if (hits == NULL)
    return FALSE;

  n_hits = g_list_model_get_n_items (hits);

  if (carnet_cli_args_has (args, "--json"))
    {
      g_autoptr(JsonNode) node = carnet_json_from_list (hits);

      carnet_cli_print_json (node);
      return TRUE;
    }

  if (n_hits == 0)
    {
      g_print ("%s\n", _("Nothing found."));
      return TRUE;
    }

  {
    g_autoptr(Table) table = table_new (_("Date"), _("Kind"), _("Title"), _("Found"), _("ID"), NULL);

    for (guint i = 0; i < n_hits; i++)
      {
        g_autoptr(CarnetSearchHit) hit = g_list_model_get_item (hits, i);

        table_add_row (table,
                       format_date (carnet_search_hit_get_at (hit)),
                       format_text (carnet_record_kind_label (carnet_search_hit_get_kind (hit))),
                       format_text (carnet_search_hit_get_title (hit)),
                       format_text (carnet_search_hit_get_snippet (hit)),
                       format_id (carnet_search_hit_get_id (hit)));
      }

    table_print (table);
  }

  return TRUE;
}

/* check */

static const char *
describe_kind_count (CarnetRecordKind kind)
{
  switch (kind)
    {
    case CARNET_RECORD_APPOINTMENT:
      return _("Appointments");
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

static JsonNode *
check_report_to_json (CarnetNotebook    *notebook,
                      CarnetCheckReport *report)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "path");
  json_builder_add_string_value (builder, carnet_notebook_get_path (notebook));
  json_builder_set_member_name (builder, "ok");
  json_builder_add_boolean_value (builder, report->ok);
  json_builder_set_member_name (builder, "schema_version");
  json_builder_add_int_value (builder, report->schema_version);
  json_builder_set_member_name (builder, "journal_mode");
  if (report->journal_mode != NULL)
    json_builder_add_string_value (builder, report->journal_mode);
  else
    json_builder_add_null_value (builder);

  json_builder_set_member_name (builder, "counts");
  json_builder_begin_object (builder);
  for (guint kind = 0; kind < CARNET_N_RECORD_KINDS; kind++)
    {
      g_autofree char *name = g_strdup (carnet_enum_to_nick (CARNET_TYPE_RECORD_KIND, kind));

      g_strdelimit (name, "-", '_');
      json_builder_set_member_name (builder, name);
      json_builder_add_int_value (builder, report->counts[kind]);
    }
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "trashed");
  json_builder_add_int_value (builder, report->trashed);

  json_builder_set_member_name (builder, "problems");
  json_builder_begin_array (builder);
  for (guint i = 0; report->problems != NULL && report->problems[i] != NULL; i++)
    json_builder_add_string_value (builder, report->problems[i]);
  json_builder_end_array (builder);
  carnet_cli_add_latest_backup_json (builder, notebook);

  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static void
print_check_report (CarnetNotebook    *notebook,
                    CarnetCheckReport *report)
{
  g_autoptr(GArray) fields = fields_new ();

  fields_add (fields, _("Notebook"), format_text (carnet_notebook_get_path (notebook)));
  fields_add (fields, _("Schema version"), g_strdup_printf ("%d", report->schema_version));
  fields_add (fields, _("Integrity"),
              report->ok ? g_strdup (_("ok")) : g_strdup (_("damaged")));
  for (guint i = 0; report->problems != NULL && report->problems[i] != NULL; i++)
    fields_add (fields, _("Problem"), g_strdup (report->problems[i]));
  fields_add (fields, _("Journal mode"), format_text (report->journal_mode));
  for (guint kind = 0; kind < CARNET_N_RECORD_KINDS; kind++)
    fields_add (fields, describe_kind_count (kind), g_strdup_printf ("%u", report->counts[kind]));
  fields_add (fields, _("In the trash"), g_strdup_printf ("%u", report->trashed));
  fields_add (fields, _("Latest backup"), carnet_cli_describe_latest_backup (notebook));

  fields_print (fields);
}

gboolean
carnet_cli_check (CarnetCliContext  *ctx,
                  int                argc,
                  char             **argv,
                  GError           **error)
{
  g_autoptr(CarnetCliArgs) args = NULL;
  g_autoptr(CarnetNotebook) notebook = NULL;
  g_autoptr(CarnetCheckReport) report = NULL;

  if (carnet_cli_wants_help (argc, argv))
    {
      g_autofree char *options = carnet_cli_describe_options (check_options, 0);

      g_print ("%s\n\n%s\n\n%s\n%s", _("Usage: carnet-cli check [--json]"),
               _("Check the notebook’s integrity and tell its schema version and what it holds; exit status 1 when it is damaged."),
               _("Options:"), options);
      return TRUE;
    }

  if (!parse_view_args (ctx, "check", check_options, argc, argv, 0, &args, error))
    return FALSE;

  notebook = carnet_cli_open_notebook (ctx->notebook_path, CARNET_OPEN_FLAGS_READ_ONLY, error);
  if (notebook == NULL)
    return FALSE;

  report = carnet_notebook_check (notebook, error);
  if (report == NULL)
    return FALSE;

  if (carnet_cli_args_has (args, "--json"))
    {
      g_autoptr(JsonNode) node = check_report_to_json (notebook, report);

      carnet_cli_print_json (node);
    }
  else
    {
      print_check_report (notebook, report);
    }

  if (!report->ok)
    {
      g_set_error (error, CARNET_ERROR, CARNET_ERROR_CORRUPT,
                   _("%s failed its integrity check"), carnet_notebook_get_path (notebook));
      return FALSE;
    }

  return TRUE;
}
