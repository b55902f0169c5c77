/* carnet-cli-edit.c: the commands that change a notebook
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * add, edit, delete, restore and answer. Each checks everything it can before
 * it opens the notebook for writing, so that a command that fails writes
 * nothing and a first `add` that fails leaves no file behind.
 */
#define G_LOG_DOMAIN "carnet-cli"

#include "config.h"

#include "carnet-cli.h"

#include <math.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#define VALUE     CARNET_CLI_OPTION_VALUE
#define REQUIRED  CARNET_CLI_OPTION_REQUIRED
#define EDIT_ONLY CARNET_CLI_OPTION_EDIT_ONLY

/* The words that say "no reminders" and "does not repeat". */
#define NONE_WORD "none"

typedef gboolean (*ApplyFunc) (CarnetRecord   *record,
                               CarnetCliArgs  *args,
                               GBytes         *attachment,
                               GError        **error);

typedef struct
{
  CarnetRecordKind       kind;
  const CarnetCliOption *options;
  const char            *add_summary;
  const char            *edit_summary;
  ApplyFunc              apply;
} KindSpec;

static gboolean apply_appointment (CarnetRecord *record, CarnetCliArgs *args, GBytes *attachment, GError **error);
static gboolean apply_result      (CarnetRecord *record, CarnetCliArgs *args, GBytes *attachment, GError **error);
static gboolean apply_side_effect (CarnetRecord *record, CarnetCliArgs *args, GBytes *attachment, GError **error);
static gboolean apply_question    (CarnetRecord *record, CarnetCliArgs *args, GBytes *attachment, GError **error);
static gboolean apply_treatment   (CarnetRecord *record, CarnetCliArgs *args, GBytes *attachment, GError **error);

static const CarnetCliOption appointment_options[] = {
  { "--title", VALUE | REQUIRED, "title", N_("T"), N_("What it is: “CT scan”, “Oncologist”") },
  { "--kind", VALUE | REQUIRED, "kind", N_("K"),
    N_("consultation, blood-test, imaging, biopsy, treatment, surgery or other") },
  { "--at", VALUE | REQUIRED, "start at", N_("WHEN"),
    N_("When it starts; a date alone makes it an all-day appointment") },
  { "--duration", VALUE, "duration end", N_("MIN"), N_("How long it lasts, in minutes") },
  { "--all-day", CARNET_CLI_OPTION_FLAG, "all_day", NULL,
    N_("It takes the whole day (--at is then a date)") },
  { "--location", VALUE, "location", N_("T"), N_("Where it takes place") },
  { "--with", VALUE, "practitioner with", N_("T"), N_("The practitioner") },
  { "--notes", VALUE, "notes", N_("T"), N_("Notes") },
  { "--remind", VALUE, "remind reminders offsets", N_("LIST"),
    N_("Reminders before the start, such as 7d,1d,2h,30m,0m, or “none” (default: the notebook’s default reminders, initially 1d,2h)") },
  { "--repeat", VALUE, "repeat rrule", N_("RRULE"),
    N_("An iCalendar repeat rule such as FREQ=MONTHLY;INTERVAL=6;COUNT=10, or “none”") },
  { "--status", VALUE | EDIT_ONLY, "status", N_("S"),
    N_("planned, done, cancelled or missed (with --occurrence: of that occurrence only)") },
  { "--occurrence", VALUE | EDIT_ONLY, "occurrence occurrence_start", N_("WHEN"),
    N_("The start of one occurrence of a repeating appointment, whose --status to set") },
  { "--json", CARNET_CLI_OPTION_FLAG, NULL, NULL, N_("Print the whole appointment as JSON") },
  { NULL }
};

static const CarnetCliOption result_options[] = {
  { "--name", VALUE | REQUIRED, "name", N_("T"), N_("What was measured: “Hemoglobin”, “CT scan report”") },
  { "--value", VALUE, "value", N_("NUM"), N_("The measured value (a number, with a dot)") },
  { "--text", VALUE, "text", N_("T"), N_("A text report, instead of a value") },
  { "--unit", VALUE, "unit", N_("T"), N_("The unit of the value: “g/dL”") },
  { "--low", VALUE, "low", N_("NUM"), N_("The low end of the reference range") },
  { "--high", VALUE, "high", N_("NUM"), N_("The high end of the reference range") },
  { "--at", VALUE | REQUIRED, "at", N_("WHEN"), N_("When the sample or exam was taken") },
  { "--appointment", VALUE, "appointment_id appointment", N_("ID"), N_("The exam it comes from") },
  { "--notes", VALUE, "notes", N_("T"), N_("Notes") },
  { "--attach", VALUE, "attachment attachment_name attachment_data", N_("FILE"),
    N_("The report file (PDF, image) to keep in the notebook") },
  { "--json", CARNET_CLI_OPTION_FLAG, NULL, NULL, N_("Print the whole result as JSON") },
  { NULL }
};

static const CarnetCliOption side_effect_options[] = {
  { "--symptom", VALUE | REQUIRED, "symptom", N_("T"), N_("The symptom: “Nausea”, “Fatigue”") },
  { "--severity", VALUE | REQUIRED, "severity", N_("0-4"),
    N_("0 none, 1 mild, 2 moderate, 3 severe, 4 very severe") },
  { "--at", VALUE | REQUIRED, "at", N_("WHEN"), N_("When it began") },
  { "--until", VALUE, "until", N_("WHEN"), N_("When it ended") },
  { "--treatment", VALUE, "treatment_id treatment", N_("ID"), N_("The treatment it follows") },
  { "--notes", VALUE, "notes", N_("T"), N_("Notes") },
  { "--json", CARNET_CLI_OPTION_FLAG, NULL, NULL, N_("Print the whole side effect as JSON") },
  { NULL }
};

static const CarnetCliOption question_options[] = {
  { "--text", VALUE | REQUIRED, "text", N_("T"), N_("The question") },
  { "--appointment", VALUE, "appointment_id appointment", N_("ID"),
    N_("The consultation to ask it at (default: the next consultation)") },
  { "--by", VALUE, "author by", N_("WHO"), N_("patient or caregiver (default: patient)") },
  { "--status", VALUE | EDIT_ONLY, "status", N_("S"), N_("open, asked or answered") },
  { "--answer", VALUE | EDIT_ONLY, "answer", N_("T"),
    N_("The answer (“carnet-cli answer” also marks the question answered)") },
  { "--position", VALUE | EDIT_ONLY, "position", N_("N"),
    N_("Its place among the questions of its consultation, from 1") },
  { "--json", CARNET_CLI_OPTION_FLAG, NULL, NULL, N_("Print the whole question as JSON") },
  { NULL }
};

static const CarnetCliOption treatment_options[] = {
  { "--name", VALUE | REQUIRED, "name", N_("T"), N_("The treatment: “FOLFOX”, “Tamoxifen”") },
  { "--kind", VALUE | REQUIRED, "kind", N_("K"),
    N_("chemotherapy, radiotherapy, hormone-therapy, targeted-therapy, immunotherapy, surgery or other") },
  { "--start", VALUE | REQUIRED, "start", N_("DATE"), N_("Its first day") },
  { "--end", VALUE, "end", N_("DATE"), N_("Its last day") },
  { "--cycle-days", VALUE, "cycle_days", N_("N"), N_("The length of a cycle, in days") },
  { "--cycles", VALUE, "cycles", N_("N"), N_("The number of cycles") },
  { "--notes", VALUE, "notes", N_("T"), N_("Notes") },
  { "--json", CARNET_CLI_OPTION_FLAG, NULL, NULL, N_("Print the whole treatment as JSON") },
  { NULL }
};

static const CarnetCliOption answer_options[] = {
  { "--text", VALUE | REQUIRED, "answer text", N_("T"), N_("The answer") },
  { "--json", CARNET_CLI_OPTION_FLAG, NULL, NULL, N_("Print the whole question as JSON") },
  { NULL }
};

static const CarnetCliOption no_options[] = {
  { NULL }
};

static const KindSpec kind_specs[] = {
  { CARNET_RECORD_APPOINTMENT, appointment_options,
    N_("Plan an exam or appointment and print its id."),
    N_("Change an appointment, or the status of one of its occurrences."),
    apply_appointment },
  { CARNET_RECORD_RESULT, result_options,
    N_("Record a result, a value (--value) or a text report (--text), and print its id."),
    N_("Change a result."),
    apply_result },
  { CARNET_RECORD_SIDE_EFFECT, side_effect_options,
    N_("Record a side effect and print its id."),
    N_("Change a side effect."),
    apply_side_effect },
  { CARNET_RECORD_QUESTION, question_options,
    N_("Write a question for a consultation and print its id."),
    N_("Change a question, its status or its place."),
    apply_question },
  { CARNET_RECORD_TREATMENT, treatment_options,
    N_("Record a treatment and print its id."),
    N_("Change a treatment."),
    apply_treatment },
};

static const KindSpec *
get_kind_spec (CarnetRecordKind kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_specs); i++)
    {
      if (kind_specs[i].kind == kind)
        return &kind_specs[i];
    }

  g_assert_not_reached ();
}

static const char *
kind_nick (CarnetRecordKind kind)
{
  return carnet_enum_to_nick (CARNET_TYPE_RECORD_KIND, kind);
}

/* Helpers */

static void
print_kind_help (const char     *command,
                 const KindSpec *spec)
{
  gboolean editing = g_str_equal (command, "edit");
  g_autofree char *options = NULL;

  if (editing)
    {
      options = carnet_cli_describe_options (spec->options, 0);
      g_print (_("Usage: carnet-cli edit %s ID [OPTIONS…]\n"), kind_nick (spec->kind));
      g_print ("\n%s\n", _(spec->edit_summary));
      g_print ("%s\n", _("Only the fields given change; an empty value (\"\") clears an optional one."));
    }
  else
    {
      g_autofree char *required = carnet_cli_describe_required (spec->options);

      options = carnet_cli_describe_options (spec->options, EDIT_ONLY);
      g_print (_("Usage: carnet-cli add %s %s [OPTIONS…]\n"), kind_nick (spec->kind), required);
      g_print ("\n%s\n", _(spec->add_summary));
    }

  g_print ("\n%s\n%s", _("Options:"), options);
  g_print ("\n%s\n", _("WHEN is a local time (TZ) 2026-12-03T08:30[:SS], a space may replace the T, or a date 2026-12-03; DATE is a date."));
}

static void
print_command_help (const char *command)
{
  if (g_str_equal (command, "edit"))
    g_print ("%s\n", _("Usage: carnet-cli edit KIND ID [OPTIONS…]"));
  else
    g_print ("%s\n", _("Usage: carnet-cli add KIND OPTIONS…"));

  g_print ("\n%s\n", _("KIND: appointment, result, side-effect, question or treatment."));
  g_print (_("Run “carnet-cli %s KIND --help” for the options of each kind.\n"), command);
}

static gboolean
is_none (const char *text)
{
  return *text == '\0' || g_str_equal (text, NONE_WORD);
}

/* An empty value clears an optional text. */
static const char *
optional_text (const char *text)
{
  return *text == '\0' ? NULL : text;
}

static gboolean
get_optional_id (CarnetCliArgs  *args,
                 const char     *option,
                 gint64         *out_id,
                 GError        **error)
{
  const char *text = carnet_cli_args_get (args, option);

  if (*text == '\0')
    {
      *out_id = 0;
      return TRUE;
    }

  return carnet_cli_parse_id (option, text, out_id, error);
}

static gboolean
get_optional_double (CarnetCliArgs  *args,
                     const char     *option,
                     double         *out_value,
                     GError        **error)
{
  const char *text = carnet_cli_args_get (args, option);

  if (*text == '\0')
    {
      *out_value = NAN;
      return TRUE;
    }

  return carnet_cli_parse_double (option, text, out_value, error);
}

static gboolean
get_uint (CarnetCliArgs  *args,
          const char     *option,
          guint          *out_value,
          GError        **error)
{
  gint64 value;

  if (!carnet_cli_parse_int (option, carnet_cli_args_get (args, option), 0, G_MAXUINT,
                             &value, error))
    return FALSE;

  *out_value = (guint) value;
  return TRUE;
}

static gboolean
apply_appointment (CarnetRecord   *record,
                   CarnetCliArgs  *args,
                   GBytes         *attachment,
                   GError        **error)
{
  CarnetAppointment *self = CARNET_APPOINTMENT (record);
  const char *text;
  int value;

  if ((text = carnet_cli_args_get (args, "--title")) != NULL)
    carnet_appointment_set_title (self, text);

  if ((text = carnet_cli_args_get (args, "--kind")) != NULL)
    {
      if (!carnet_cli_parse_enum ("--kind", CARNET_TYPE_APPOINTMENT_KIND, text, &value, error))
        return FALSE;
      carnet_appointment_set_kind (self, value);
    }

  if ((text = carnet_cli_args_get (args, "--at")) != NULL)
    {
      g_autoptr(GDateTime) start = NULL;
      gboolean date_only = FALSE;

      start = carnet_cli_parse_when ("--at", text, &date_only, error);
      if (start == NULL)
        return FALSE;

      if (!date_only && carnet_cli_args_has (args, "--all-day"))
        {
          carnet_cli_usage_error (error, _("%s: --at must be a date, not a time"), "--all-day");
          return FALSE;
        }

      carnet_appointment_set_start (self, start);
      carnet_appointment_set_all_day (self, date_only);
    }
  else if (carnet_cli_args_has (args, "--all-day"))
    {
      GDateTime *start = carnet_appointment_get_start (self);

      /* Editing: the day of the start it has, in its own zone. */
      if (start != NULL)
        {
          g_autoptr(GDateTime) midnight = NULL;
          int year, month, day;

          g_date_time_get_ymd (start, &year, &month, &day);
          midnight = g_date_time_new (g_date_time_get_timezone (start), year, month, day, 0, 0, 0);
          carnet_appointment_set_start (self, midnight);
        }
      carnet_appointment_set_all_day (self, TRUE);
    }

  if (carnet_cli_args_has (args, "--duration"))
    {
      guint minutes;

      if (!get_uint (args, "--duration", &minutes, error))
        return FALSE;
      carnet_appointment_set_duration (self, minutes);
    }

  if ((text = carnet_cli_args_get (args, "--location")) != NULL)
    carnet_appointment_set_location (self, optional_text (text));

  if ((text = carnet_cli_args_get (args, "--with")) != NULL)
    carnet_appointment_set_practitioner (self, optional_text (text));

  if ((text = carnet_cli_args_get (args, "--notes")) != NULL)
    carnet_appointment_set_notes (self, optional_text (text));

  /* With --occurrence, the status is that occurrence's, set apart. */
  if ((text = carnet_cli_args_get (args, "--status")) != NULL)
    {
      if (!carnet_cli_parse_enum ("--status", CARNET_TYPE_STATUS, text, &value, error))
        return FALSE;
      if (!carnet_cli_args_has (args, "--occurrence"))
        carnet_appointment_set_status (self, value);
    }

  if ((text = carnet_cli_args_get (args, "--remind")) != NULL)
    {
      if (!carnet_appointment_set_reminders (self, is_none (text) ? "" : text, error))
        return FALSE;
    }

  if ((text = carnet_cli_args_get (args, "--repeat")) != NULL)
    carnet_appointment_set_repeat (self, is_none (text) ? NULL : text);

  return TRUE;
}

static gboolean
apply_result (CarnetRecord   *record,
              CarnetCliArgs  *args,
              GBytes         *attachment,
              GError        **error)
{
  CarnetResult *self = CARNET_RESULT (record);
  const char *text;
  double number;

  if (carnet_cli_args_has (args, "--value") && carnet_cli_args_has (args, "--text"))
    {
      carnet_cli_usage_error (error, _("%s: cannot go with %s: a result is a value or a text"),
                              "--text", "--value");
      return FALSE;
    }

  if ((text = carnet_cli_args_get (args, "--name")) != NULL)
    carnet_result_set_name (self, text);

  /* A value replaces a text report, and the other way round. */
  if ((text = carnet_cli_args_get (args, "--value")) != NULL)
    {
      if (!carnet_cli_parse_double ("--value", text, &number, error))
        return FALSE;
      carnet_result_set_value (self, number);
      carnet_result_set_text (self, NULL);
    }

  if ((text = carnet_cli_args_get (args, "--text")) != NULL)
    {
      carnet_result_set_text (self, text);
      carnet_result_set_value (self, NAN);
    }

  if ((text = carnet_cli_args_get (args, "--unit")) != NULL)
    carnet_result_set_unit (self, optional_text (text));

  if (carnet_cli_args_has (args, "--low"))
    {
      if (!get_optional_double (args, "--low", &number, error))
        return FALSE;
      carnet_result_set_low (self, number);
    }

  if (carnet_cli_args_has (args, "--high"))
    {
      if (!get_optional_double (args, "--high", &number, error))
        return FALSE;
      carnet_result_set_high (self, number);
    }

  if ((text = carnet_cli_args_get (args, "--at")) != NULL)
    {
      g_autoptr(GDateTime) at = carnet_cli_parse_when ("--at", text, NULL, error);

      if (at == NULL)
        return FALSE;
      carnet_result_set_at (self, at);
    }

  if (carnet_cli_args_has (args, "--appointment"))
    {
      gint64 id;

      if (!get_optional_id (args, "--appointment", &id, error))
        return FALSE;
      carnet_result_set_appointment_id (self, id);
    }

  if ((text = carnet_cli_args_get (args, "--notes")) != NULL)
    carnet_result_set_notes (self, optional_text (text));

  /* The file itself is read apart (load_attachment()), once. */
  if ((text = carnet_cli_args_get (args, "--attach")) != NULL)
    {
      if (*text == '\0')
        {
          carnet_result_set_attachment (self, NULL, NULL);
        }
      else if (attachment != NULL)
        {
          g_autofree char *name = g_path_get_basename (text);

          carnet_result_set_attachment (self, name, attachment);
        }
    }

  return TRUE;
}

static gboolean
apply_side_effect (CarnetRecord   *record,
                   CarnetCliArgs  *args,
                   GBytes         *attachment,
                   GError        **error)
{
  CarnetSideEffect *self = CARNET_SIDE_EFFECT (record);
  const char *text;

  if ((text = carnet_cli_args_get (args, "--symptom")) != NULL)
    carnet_side_effect_set_symptom (self, text);

  /* Any whole number: the core says which are severities. */
  if ((text = carnet_cli_args_get (args, "--severity")) != NULL)
    {
      gint64 severity;

      if (!carnet_cli_parse_int ("--severity", text, G_MININT, G_MAXINT, &severity, error))
        return FALSE;
      carnet_side_effect_set_severity (self, (int) severity);
    }

  if ((text = carnet_cli_args_get (args, "--at")) != NULL)
    {
      g_autoptr(GDateTime) at = carnet_cli_parse_when ("--at", text, NULL, error);

      if (at == NULL)
        return FALSE;
      carnet_side_effect_set_at (self, at);
    }

  if ((text = carnet_cli_args_get (args, "--until")) != NULL)
    {
      g_autoptr(GDateTime) until = NULL;

      if (*text != '\0')
        {
          until = carnet_cli_parse_when ("--until", text, NULL, error);
          if (until == NULL)
            return FALSE;
        }
      carnet_side_effect_set_until (self, until);
    }

  if (carnet_cli_args_has (args, "--treatment"))
    {
      gint64 id;

      if (!get_optional_id (args, "--treatment", &id, error))
        return FALSE;
      carnet_side_effect_set_treatment_id (self, id);
    }

  if ((text = carnet_cli_args_get (args, "--notes")) != NULL)
    carnet_side_effect_set_notes (self, optional_text (text));

  return TRUE;
}

static gboolean
apply_question (CarnetRecord   *record,
                CarnetCliArgs  *args,
                GBytes         *attachment,
                GError        **error)
{
  CarnetQuestion *self = CARNET_QUESTION (record);
  const char *text;
  int value;

  if ((text = carnet_cli_args_get (args, "--text")) != NULL)
    carnet_question_set_text (self, text);

  if ((text = carnet_cli_args_get (args, "--appointment")) != NULL)
    {
      gint64 id = 0;

      /* "next", like nothing, is the next consultation. */
      if (!g_str_equal (text, "next") && !get_optional_id (args, "--appointment", &id, error))
        return FALSE;
      carnet_question_set_appointment_id (self, id);
    }

  if ((text = carnet_cli_args_get (args, "--by")) != NULL)
    {
      if (!carnet_cli_parse_enum ("--by", CARNET_TYPE_AUTHOR, text, &value, error))
        return FALSE;
      carnet_question_set_author (self, value);
    }

  if ((text = carnet_cli_args_get (args, "--status")) != NULL)
    {
      if (!carnet_cli_parse_enum ("--status", CARNET_TYPE_QUESTION_STATUS, text, &value, error))
        return FALSE;
      carnet_question_set_status (self, value);
    }

  if ((text = carnet_cli_args_get (args, "--answer")) != NULL)
    carnet_question_set_answer (self, optional_text (text));

  /* The position itself is set by carnet_notebook_move_question(), which
   * renumbers the others. */
  if ((text = carnet_cli_args_get (args, "--position")) != NULL)
    {
      gint64 position;

      if (!carnet_cli_parse_int ("--position", text, 1, G_MAXUINT, &position, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
apply_treatment (CarnetRecord   *record,
                 CarnetCliArgs  *args,
                 GBytes         *attachment,
                 GError        **error)
{
  CarnetTreatment *self = CARNET_TREATMENT (record);
  const char *text;
  GDate date;
  int value;

  if ((text = carnet_cli_args_get (args, "--name")) != NULL)
    carnet_treatment_set_name (self, text);

  if ((text = carnet_cli_args_get (args, "--kind")) != NULL)
    {
      if (!carnet_cli_parse_enum ("--kind", CARNET_TYPE_TREATMENT_KIND, text, &value, error))
        return FALSE;
      carnet_treatment_set_kind (self, value);
    }

  if ((text = carnet_cli_args_get (args, "--start")) != NULL)
    {
      if (!carnet_cli_parse_date ("--start", text, &date, error))
        return FALSE;
      carnet_treatment_set_start (self, &date);
    }

  if ((text = carnet_cli_args_get (args, "--end")) != NULL)
    {
      if (*text == '\0')
        {
          carnet_treatment_set_end (self, NULL);
        }
      else
        {
          if (!carnet_cli_parse_date ("--end", text, &date, error))
            return FALSE;
          carnet_treatment_set_end (self, &date);
        }
    }

  if (carnet_cli_args_has (args, "--cycle-days"))
    {
      guint days;

      if (!get_uint (args, "--cycle-days", &days, error))
        return FALSE;
      carnet_treatment_set_cycle_days (self, days);
    }

  if (carnet_cli_args_has (args, "--cycles"))
    {
      guint cycles;

      if (!get_uint (args, "--cycles", &cycles, error))
        return FALSE;
      carnet_treatment_set_cycles (self, cycles);
    }

  if ((text = carnet_cli_args_get (args, "--notes")) != NULL)
    carnet_treatment_set_notes (self, optional_text (text));

  return TRUE;
}

static CarnetRecord *
new_record (CarnetRecordKind kind)
{
  return g_object_new (carnet_record_kind_get_gtype (kind), NULL);
}

/* The file of --attach, read before anything else happens; NULL without
 * error when there is none (or "" to remove it). */
static gboolean
load_attachment (CarnetCliArgs  *args,
                 GBytes        **out_bytes,
                 GError        **error)
{
  const char *path = carnet_cli_args_get (args, "--attach");
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  GStatBuf st;
  gsize length;

  *out_bytes = NULL;

  if (path == NULL || *path == '\0')
    return TRUE;

  /* Refuse a file too large before reading it whole. */
  if (g_stat (path, &st) == 0 && S_ISREG (st.st_mode) && st.st_size > CARNET_ATTACHMENT_MAX_BYTES)
    {
      g_set_error (error, CARNET_ERROR, CARNET_ERROR_INVALID,
                   _("%s: %s is larger than %d MB"),
                   "--attach", path, CARNET_ATTACHMENT_MAX_BYTES / (1024 * 1024));
      return FALSE;
    }

  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      g_set_error (error, CARNET_ERROR, CARNET_ERROR_IO, "%s: %s", "--attach", local_error->message);
      return FALSE;
    }

  *out_bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  return TRUE;
}

/* The records that options point to must be there, and not in the trash. */
static gboolean
check_references (CarnetNotebook  *notebook,
                  CarnetRecord    *record,
                  CarnetCliArgs   *args,
                  GError         **error)
{
  g_autoptr(CarnetRecord) target = NULL;
  CarnetRecordKind target_kind;
  const char *option;
  gint64 id;

  switch (carnet_record_get_kind (record))
    {
    case CARNET_RECORD_RESULT:
      option = "--appointment";
      target_kind = CARNET_RECORD_APPOINTMENT;
      id = carnet_result_get_appointment_id (CARNET_RESULT (record));
      break;
    case CARNET_RECORD_QUESTION:
      option = "--appointment";
      target_kind = CARNET_RECORD_APPOINTMENT;
      id = carnet_question_get_appointment_id (CARNET_QUESTION (record));
      break;
    case CARNET_RECORD_SIDE_EFFECT:
      option = "--treatment";
      target_kind = CARNET_RECORD_TREATMENT;
      id = carnet_side_effect_get_treatment_id (CARNET_SIDE_EFFECT (record));
      break;
    case CARNET_RECORD_APPOINTMENT:
    case CARNET_RECORD_TREATMENT:
    default:
      return TRUE;
    }

  if (id == 0 || !carnet_cli_args_has (args, option))
    return TRUE;

  if (notebook == NULL)
    {
      carnet_cli_set_missing_error (error, target_kind, id, option);
      return FALSE;
    }

  target = carnet_cli_get_record (notebook, target_kind, id, option, FALSE, error);
  return target != NULL;
}

static gboolean
print_record (CarnetNotebook  *notebook,
              CarnetRecord    *record,
              gboolean         json,
              GError         **error)
{
  g_autoptr(CarnetRecord) stored = NULL;
  g_autoptr(JsonNode) node = NULL;

  if (!json)
    {
      g_print ("%" G_GINT64_FORMAT "\n", carnet_record_get_id (record));
      return TRUE;
    }

  /* As it was stored, with what the notebook worked out (flag, cycle…). */
  stored = carnet_notebook_get (notebook, carnet_record_get_kind (record),
                                carnet_record_get_id (record), error);
  if (stored == NULL)
    return FALSE;

  node = carnet_json_from_record (stored);
  carnet_cli_print_json (node);
  return TRUE;
}

static void
remove_new_notebook (CarnetNotebook *notebook,
                     const char     *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  carnet_notebook_close (notebook);

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_unlink (file);
    }
}

static gboolean
add_to_notebook (CarnetCliContext  *ctx,
                 CarnetRecord      *record,
                 CarnetCliArgs     *args,
                 GError           **error)
{
  g_autoptr(CarnetNotebook) notebook = NULL;
  gboolean existed = g_file_test (ctx->notebook_path, G_FILE_TEST_EXISTS);

  /* A new notebook cannot hold what an option points to: say so without
   * creating it. */
  if (!existed && !check_references (NULL, record, args, error))
    return FALSE;

  notebook = carnet_cli_open_notebook (ctx->notebook_path, CARNET_OPEN_FLAGS_CREATE, error);
  if (notebook == NULL)
    return FALSE;

  if (!check_references (notebook, record, args, error))
    goto failed;

  if (CARNET_IS_APPOINTMENT (record) && !carnet_cli_args_has (args, "--remind"))
    {
      if (!carnet_appointment_set_reminders (CARNET_APPOINTMENT (record),
                                             carnet_notebook_get_default_reminders (notebook),
                                             error))
        goto failed;
    }

  if (!carnet_notebook_add (notebook, record, error))
    goto failed;

  return print_record (notebook, record, carnet_cli_args_has (args, "--json"), error);

failed:
  if (!existed)
    remove_new_notebook (notebook, ctx->notebook_path);
  return FALSE;
}

static gboolean
parse_kind_argument (const char        *command,
                     int                argc,
                     char             **argv,
                     const KindSpec   **out_spec,
                     GError           **error)
{
  CarnetRecordKind kind;

  if (argc < 1 || argv[0][0] == '-')
    {
      carnet_cli_usage_error (error, _("%s: missing KIND (appointment, result, side-effect, question or treatment)"),
                              command);
      return FALSE;
    }

  if (!carnet_cli_parse_record_kind (argv[0], &kind, error))
    return FALSE;

  *out_spec = get_kind_spec (kind);
  return TRUE;
}

/* Commands */

gboolean
carnet_cli_add (CarnetCliContext  *ctx,
                int                argc,
                char             **argv,
                GError           **error)
{
  g_autoptr(CarnetCliArgs) args = NULL;
  g_autoptr(CarnetRecord) record = NULL;
  g_autoptr(GBytes) attachment = NULL;
  const KindSpec *spec;

  if ((argc < 1 || argv[0][0] == '-') && carnet_cli_wants_help (argc, argv))
    {
      print_command_help ("add");
      return TRUE;
    }

  if (!parse_kind_argument ("add", argc, argv, &spec, error))
    return FALSE;

  ctx->options = spec->options;

  if (carnet_cli_wants_help (argc - 1, argv + 1))
    {
      print_kind_help ("add", spec);
      return TRUE;
    }

  args = carnet_cli_args_parse (spec->options, EDIT_ONLY, argc - 1, argv + 1, error);
  if (args == NULL ||
      !carnet_cli_args_check_positionals (args, 0, NULL, error) ||
      !carnet_cli_args_check_required (args, spec->options, error))
    return FALSE;

  if (spec->kind == CARNET_RECORD_RESULT &&
      !carnet_cli_args_has (args, "--value") && !carnet_cli_args_has (args, "--text"))
    {
      carnet_cli_usage_error (error, _("%s or %s: is required"), "--value", "--text");
      return FALSE;
    }

  record = new_record (spec->kind);
  if (!spec->apply (record, args, NULL, error) ||
      !load_attachment (args, &attachment, error))
    return FALSE;

  if (attachment != NULL)
    {
      g_autofree char *name = g_path_get_basename (carnet_cli_args_get (args, "--attach"));

      carnet_result_set_attachment (CARNET_RESULT (record), name, attachment);
    }

  if (!carnet_record_validate (record, error))
    return FALSE;

  return add_to_notebook (ctx, record, args, error);
}

static gboolean
set_occurrence_status (CarnetNotebook  *notebook,
                       gint64           id,
                       CarnetCliArgs   *args,
                       GError         **error)
{
  g_autoptr(GDateTime) start = NULL;
  int status;

  start = carnet_cli_parse_when ("--occurrence", carnet_cli_args_get (args, "--occurrence"),
                                 NULL, error);
  if (start == NULL ||
      !carnet_cli_parse_enum ("--status", CARNET_TYPE_STATUS, carnet_cli_args_get (args, "--status"),
                              &status, error))
    return FALSE;

  return carnet_notebook_set_occurrence_status (notebook, id, start, status, error);
}

/* With --occurrence, only --status (and --json) may come: changing the
 * appointment and one occurrence at once would be two changes. */
static gboolean
check_occurrence_options (CarnetCliArgs  *args,
                          GError        **error)
{
  if (!carnet_cli_args_has (args, "--occurrence"))
    return TRUE;

  if (!carnet_cli_args_has (args, "--status"))
    {
      carnet_cli_usage_error (error, _("%s: needs --status"), "--occurrence");
      return FALSE;
    }

  for (const CarnetCliOption *option = appointment_options; option->name != NULL; option++)
    {
      if (g_str_equal (option->name, "--occurrence") ||
          g_str_equal (option->name, "--status") ||
          g_str_equal (option->name, "--json"))
        continue;

      if (carnet_cli_args_has (args, option->name))
        {
          carnet_cli_usage_error (error, _("%s: cannot go with --occurrence, which sets the status of one occurrence only"),
                                  option->name);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
has_changes (CarnetCliArgs         *args,
             const CarnetCliOption *options)
{
  for (const CarnetCliOption *option = options; option->name != NULL; option++)
    {
      if (!g_str_equal (option->name, "--json") && carnet_cli_args_has (args, option->name))
        return TRUE;
    }

  return FALSE;
}

gboolean
carnet_cli_edit (CarnetCliContext  *ctx,
                 int                argc,
                 char             **argv,
                 GError           **error)
{
  g_autoptr(CarnetCliArgs) args = NULL;
  g_autoptr(CarnetRecord) scratch = NULL;
  g_autoptr(CarnetRecord) record = NULL;
  g_autoptr(CarnetNotebook) notebook = NULL;
  g_autoptr(GBytes) attachment = NULL;
  const KindSpec *spec;
  gint64 id;

  if ((argc < 1 || argv[0][0] == '-') && carnet_cli_wants_help (argc, argv))
    {
      print_command_help ("edit");
      return TRUE;
    }

  if (!parse_kind_argument ("edit", argc, argv, &spec, error))
    return FALSE;

  ctx->options = spec->options;

  if (carnet_cli_wants_help (argc - 1, argv + 1))
    {
      print_kind_help ("edit", spec);
      return TRUE;
    }

  args = carnet_cli_args_parse (spec->options, 0, argc - 1, argv + 1, error);
  if (args == NULL ||
      !carnet_cli_args_check_positionals (args, 1, "ID", error) ||
      !carnet_cli_parse_id (NULL, carnet_cli_args_get_positional (args, 0), &id, error))
    return FALSE;

  if (!has_changes (args, spec->options))
    {
      carnet_cli_usage_error (error, _("nothing to change: give at least one option"));
      return FALSE;
    }

  if (spec->kind == CARNET_RECORD_APPOINTMENT && !check_occurrence_options (args, error))
    return FALSE;

  /* Every value's syntax first, on a blank record, so that a usage error
   * wins over a missing notebook or record. */
  scratch = new_record (spec->kind);
  if (!spec->apply (scratch, args, NULL, error) ||
      !load_attachment (args, &attachment, error))
    return FALSE;

  notebook = carnet_cli_open_notebook (ctx->notebook_path, CARNET_OPEN_FLAGS_NONE, error);
  if (notebook == NULL)
    return FALSE;

  record = carnet_cli_get_record (notebook, spec->kind, id, NULL, FALSE, error);
  if (record == NULL)
    return FALSE;

  if (carnet_cli_args_has (args, "--occurrence"))
    {
      if (!set_occurrence_status (notebook, id, args, error))
        return FALSE;
    }
  else
    {
      if (!spec->apply (record, args, attachment, error) ||
          !carnet_record_validate (record, error) ||
          !check_references (notebook, record, args, error))
        return FALSE;

      if (!carnet_notebook_update (notebook, record, error))
        return FALSE;

      if (carnet_cli_args_has (args, "--position"))
        {
          gint64 position;

          if (!carnet_cli_parse_int ("--position", carnet_cli_args_get (args, "--position"),
                                     1, G_MAXUINT, &position, error) ||
              !carnet_notebook_move_question (notebook, id, (guint) position, error))
            return FALSE;
        }
    }

  if (carnet_cli_args_has (args, "--json"))
    return print_record (notebook, record, TRUE, error);

  return TRUE;
}

static gboolean
parse_kind_and_id (CarnetCliContext   *ctx,
                   const char         *command,
                   int                 argc,
                   char              **argv,
                   CarnetRecordKind   *out_kind,
                   gint64             *out_id,
                   GError            **error)
{
  g_autoptr(CarnetCliArgs) args = NULL;

  ctx->options = no_options;

  args = carnet_cli_args_parse (no_options, 0, argc, argv, error);
  if (args == NULL)
    return FALSE;

  if (carnet_cli_args_get_n_positionals (args) == 0)
    {
      carnet_cli_usage_error (error, _("%s: missing KIND (appointment, result, side-effect, question or treatment)"),
                              command);
      return FALSE;
    }

  if (!carnet_cli_parse_record_kind (carnet_cli_args_get_positional (args, 0), out_kind, error))
    return FALSE;

  if (carnet_cli_args_get_n_positionals (args) == 1)
    {
      carnet_cli_usage_error (error, _("%s: missing ID"), command);
      return FALSE;
    }

  if (carnet_cli_args_get_n_positionals (args) > 2)
    {
      carnet_cli_usage_error (error, _("unexpected argument “%s”"),
                              carnet_cli_args_get_positional (args, 2));
      return FALSE;
    }

  return carnet_cli_parse_id (NULL, carnet_cli_args_get_positional (args, 1), out_id, error);
}

gboolean
carnet_cli_delete (CarnetCliContext  *ctx,
                   int                argc,
                   char             **argv,
                   GError           **error)
{
  g_autoptr(CarnetNotebook) notebook = NULL;
  g_autoptr(CarnetRecord) record = NULL;
  CarnetRecordKind kind;
  gint64 id;

  if (carnet_cli_wants_help (argc, argv))
    {
      g_print ("%s\n\n%s\n", _("Usage: carnet-cli delete KIND ID"),
               _("Move a record to the trash; “carnet-cli restore KIND ID” takes it back."));
      return TRUE;
    }

  if (!parse_kind_and_id (ctx, "delete", argc, argv, &kind, &id, error))
    return FALSE;

  notebook = carnet_cli_open_notebook (ctx->notebook_path, CARNET_OPEN_FLAGS_NONE, error);
  if (notebook == NULL)
    return FALSE;

  record = carnet_cli_get_record (notebook, kind, id, NULL, FALSE, error);
  if (record == NULL)
    return FALSE;

  return carnet_notebook_trash (notebook, kind, id, error);
}

static char *
describe_not_trashed (CarnetRecordKind  kind,
                      gint64            id)
{
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);

  switch (kind)
    {
    case CARNET_RECORD_APPOINTMENT:
      return g_strdup_printf (_("appointment %s is not in the trash"), id_text);
    case CARNET_RECORD_RESULT:
      return g_strdup_printf (_("result %s is not in the trash"), id_text);
    case CARNET_RECORD_SIDE_EFFECT:
      return g_strdup_printf (_("side effect %s is not in the trash"), id_text);
    case CARNET_RECORD_QUESTION:
      return g_strdup_printf (_("question %s is not in the trash"), id_text);
    case CARNET_RECORD_TREATMENT:
      return g_strdup_printf (_("treatment %s is not in the trash"), id_text);
    default:
      g_assert_not_reached ();
    }
}

gboolean
carnet_cli_restore (CarnetCliContext  *ctx,
                    int                argc,
                    char             **argv,
                    GError           **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(CarnetNotebook) notebook = NULL;
  g_autoptr(CarnetRecord) record = NULL;
  CarnetRecordKind kind;
  gint64 id;

  if (carnet_cli_wants_help (argc, argv))
    {
      g_print ("%s\n\n%s\n", _("Usage: carnet-cli restore KIND ID"),
               _("Take a record back from the trash."));
      return TRUE;
    }

  if (!parse_kind_and_id (ctx, "restore", argc, argv, &kind, &id, error))
    return FALSE;

  notebook = carnet_cli_open_notebook (ctx->notebook_path, CARNET_OPEN_FLAGS_NONE, error);
  if (notebook == NULL)
    return FALSE;

  record = carnet_cli_find_in_trash (notebook, kind, id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (record == NULL)
    {
      g_autoptr(CarnetRecord) current = carnet_cli_get_record (notebook, kind, id, NULL, FALSE, error);
      g_autofree char *message = NULL;

      if (current == NULL)
        return FALSE;

      message = describe_not_trashed (kind, id);
      g_set_error_literal (error, CARNET_ERROR, CARNET_ERROR_NOT_FOUND, message);
      return FALSE;
    }

  return carnet_notebook_restore (notebook, kind, id, error);
}

gboolean
carnet_cli_answer (CarnetCliContext  *ctx,
                   int                argc,
                   char             **argv,
                   GError           **error)
{
  g_autoptr(CarnetCliArgs) args = NULL;
  g_autoptr(CarnetNotebook) notebook = NULL;
  g_autoptr(CarnetRecord) record = NULL;
  const char *answer;
  gint64 id;

  ctx->options = answer_options;

  if (carnet_cli_wants_help (argc, argv))
    {
      g_autofree char *options = carnet_cli_describe_options (answer_options, 0);

      g_print ("%s\n\n%s\n\n%s\n%s", _("Usage: carnet-cli answer QUESTION_ID --text T"),
               _("Write the answer to a question; it is then answered."),
               _("Options:"), options);
      return TRUE;
    }

  args = carnet_cli_args_parse (answer_options, 0, argc, argv, error);
  if (args == NULL ||
      !carnet_cli_args_check_positionals (args, 1, "QUESTION_ID", error) ||
      !carnet_cli_parse_id (NULL, carnet_cli_args_get_positional (args, 0), &id, error) ||
      !carnet_cli_args_check_required (args, answer_options, error))
    return FALSE;

  answer = carnet_cli_args_get (args, "--text");

  notebook = carnet_cli_open_notebook (ctx->notebook_path, CARNET_OPEN_FLAGS_NONE, error);
  if (notebook == NULL)
    return FALSE;

  record = carnet_cli_get_record (notebook, CARNET_RECORD_QUESTION, id, NULL, FALSE, error);
  if (record == NULL ||
      !carnet_notebook_answer_question (notebook, id, answer, error))
    return FALSE;

  if (carnet_cli_args_has (args, "--json"))
    return print_record (notebook, record, TRUE, error);

  return TRUE;
}
