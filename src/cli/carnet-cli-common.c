/* carnet-cli-common.c: command lines, option values, errors and notebooks
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "carnet-cli"

#include "config.h"

#include "carnet-cli.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

struct _CarnetCliArgs
{
  /* Option name → value ("" for a flag); a repeated option: the last wins. */
  GHashTable *values;
  GPtrArray  *positionals;
};

G_DEFINE_QUARK (carnet-cli-error-quark, carnet_cli_error)

static const CarnetCliOption *
find_option (const CarnetCliOption *options,
             CarnetCliOptionFlags   excluded,
             const char            *name,
             gsize                  name_len)
{
  for (const CarnetCliOption *option = options; option->name != NULL; option++)
    {
      if ((option->flags & excluded) != 0)
        continue;
      if (strlen (option->name) == name_len && strncmp (option->name, name, name_len) == 0)
        return option;
    }

  return NULL;
}

static gboolean
field_matches (const char *fields,
               const char *field)
{
  g_auto(GStrv) names = NULL;

  if (fields == NULL)
    return FALSE;

  names = g_strsplit (fields, " ", -1);
  return g_strv_contains ((const char * const *) names, field);
}

static char *
join_enum_nicks (GType enum_type)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  g_autoptr(GString) nicks = g_string_new (NULL);

  for (guint i = 0; i < klass->n_values; i++)
    {
      if (i > 0)
        g_string_append (nicks, ", ");
      g_string_append (nicks, klass->values[i].value_nick);
    }

  return g_string_free (g_steal_pointer (&nicks), FALSE);
}

/* Public API */

/* `--help` anywhere before `--` asks for help, whatever else is wrong. */
gboolean
carnet_cli_wants_help (int    argc,
                       char **argv)
{
  for (int i = 0; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--"))
        return FALSE;
      if (g_str_equal (argv[i], "--help") || g_str_equal (argv[i], "-h"))
        return TRUE;
    }

  return FALSE;
}

CarnetCliArgs *
carnet_cli_args_parse (const CarnetCliOption  *options,
                       CarnetCliOptionFlags    excluded,
                       int                     argc,
                       char                  **argv,
                       GError                **error)
{
  g_autoptr(CarnetCliArgs) args = g_new0 (CarnetCliArgs, 1);
  gboolean only_positionals = FALSE;

  args->values = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  args->positionals = g_ptr_array_new_with_free_func (g_free);

  for (int i = 0; i < argc; i++)
    {
      const char *arg = argv[i];
      const CarnetCliOption *option;
      const char *equals;
      const char *value;
      gsize name_len;

      if (only_positionals || arg[0] != '-' || arg[1] == '\0')
        {
          g_ptr_array_add (args->positionals, g_strdup (arg));
          continue;
        }

      if (g_str_equal (arg, "--"))
        {
          only_positionals = TRUE;
          continue;
        }

      equals = strchr (arg, '=');
      name_len = equals != NULL ? (gsize) (equals - arg) : strlen (arg);
      option = find_option (options, excluded, arg, name_len);

      if (option == NULL)
        {
          g_autofree char *name = g_strndup (arg, name_len);

          carnet_cli_usage_error (error, _("%s: unknown option"), name);
          return NULL;
        }

      if ((option->flags & CARNET_CLI_OPTION_VALUE) == 0)
        {
          if (equals != NULL)
            {
              carnet_cli_usage_error (error, _("%s: takes no value"), option->name);
              return NULL;
            }
          value = "";
        }
      else if (equals != NULL)
        {
          value = equals + 1;
        }
      else if (i + 1 < argc)
        {
          value = argv[++i];
        }
      else
        {
          carnet_cli_usage_error (error, _("%s: needs a value"), option->name);
          return NULL;
        }

      g_hash_table_replace (args->values, (gpointer) option->name, g_strdup (value));
    }

  return g_steal_pointer (&args);
}

void
carnet_cli_args_free (CarnetCliArgs *args)
{
  if (args == NULL)
    return;

  g_clear_pointer (&args->values, g_hash_table_unref);
  g_clear_pointer (&args->positionals, g_ptr_array_unref);
  g_free (args);
}

gboolean
carnet_cli_args_has (CarnetCliArgs *args,
                     const char    *name)
{
  return g_hash_table_contains (args->values, name);
}

const char *
carnet_cli_args_get (CarnetCliArgs *args,
                     const char    *name)
{
  return g_hash_table_lookup (args->values, name);
}

guint
carnet_cli_args_get_n_positionals (CarnetCliArgs *args)
{
  return args->positionals->len;
}

const char *
carnet_cli_args_get_positional (CarnetCliArgs *args,
                                guint          index)
{
  g_assert (index < args->positionals->len);

  return g_ptr_array_index (args->positionals, index);
}

/* @what names the arguments expected, for the error ("ID", "QUESTION_ID"). */
gboolean
carnet_cli_args_check_positionals (CarnetCliArgs  *args,
                                   guint           n,
                                   const char     *what,
                                   GError        **error)
{
  if (args->positionals->len < n)
    {
      carnet_cli_usage_error (error, _("missing %s"), what);
      return FALSE;
    }

  if (args->positionals->len > n)
    {
      carnet_cli_usage_error (error, _("unexpected argument “%s”"),
                              (const char *) g_ptr_array_index (args->positionals, n));
      return FALSE;
    }

  return TRUE;
}

gboolean
carnet_cli_args_check_required (CarnetCliArgs          *args,
                                const CarnetCliOption  *options,
                                GError                **error)
{
  for (const CarnetCliOption *option = options; option->name != NULL; option++)
    {
      if ((option->flags & CARNET_CLI_OPTION_REQUIRED) != 0 &&
          !carnet_cli_args_has (args, option->name))
        {
          carnet_cli_usage_error (error, _("%s: is required"), option->name);
          return FALSE;
        }
    }

  return TRUE;
}

void
carnet_cli_usage_error (GError     **error,
                        const char  *format,
                        ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error_literal (error, CARNET_CLI_ERROR, CARNET_CLI_ERROR_USAGE, message);
}

/**
 * carnet_cli_describe_options:
 *
 * Returns: (transfer full): the lines of --help that tell what each option
 *   does, leaving out those with a flag in @excluded.
 */
char *
carnet_cli_describe_options (const CarnetCliOption *options,
                             CarnetCliOptionFlags   excluded)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GPtrArray) heads = g_ptr_array_new_with_free_func (g_free);
  glong width = 0;
  guint i = 0;

  for (const CarnetCliOption *option = options; option->name != NULL; option++)
    {
      char *head;

      if ((option->flags & excluded) != 0)
        continue;

      if (option->value_name != NULL)
        head = g_strdup_printf ("%s %s", option->name, _(option->value_name));
      else
        head = g_strdup (option->name);

      width = MAX (width, g_utf8_strlen (head, -1));
      g_ptr_array_add (heads, head);
    }

  for (const CarnetCliOption *option = options; option->name != NULL; option++)
    {
      const char *head;

      if ((option->flags & excluded) != 0)
        continue;

      head = g_ptr_array_index (heads, i++);
      g_string_append_printf (text, "  %s%*s  %s\n", head,
                              (int) (width - g_utf8_strlen (head, -1)), "",
                              _(option->description));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The required options as the usage line shows them: "--title T --at WHEN". */
char *
carnet_cli_describe_required (const CarnetCliOption *options)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (const CarnetCliOption *option = options; option->name != NULL; option++)
    {
      if ((option->flags & CARNET_CLI_OPTION_REQUIRED) == 0)
        continue;

      if (text->len > 0)
        g_string_append_c (text, ' ');
      g_string_append (text, option->name);
      if (option->value_name != NULL)
        g_string_append_printf (text, " %s", _(option->value_name));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Singular or plural: "appointment", "appointments", "side-effects"… */
gboolean
carnet_cli_parse_record_kind (const char        *text,
                              CarnetRecordKind  *out_kind,
                              GError           **error)
{
  g_autofree char *singular = g_strdup (text);
  gsize len = strlen (singular);
  int value;

  if (len > 1 && singular[len - 1] == 's')
    singular[len - 1] = '\0';

  if (carnet_enum_from_nick (CARNET_TYPE_RECORD_KIND, text, &value) ||
      carnet_enum_from_nick (CARNET_TYPE_RECORD_KIND, singular, &value))
    {
      *out_kind = value;
      return TRUE;
    }

  carnet_cli_usage_error (error,
                          _("“%s” is not a kind of record: write appointment, result, side-effect, question or treatment"),
                          text);
  return FALSE;
}

/* @option is NULL for the ID argument of a command. */
gboolean
carnet_cli_parse_id (const char  *option,
                     const char  *text,
                     gint64      *out_id,
                     GError     **error)
{
  guint64 id;

  if (!g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &id, NULL))
    {
      if (option != NULL)
        carnet_cli_usage_error (error, _("%s: “%s” is not a record id: write a whole number from 1"),
                                option, text);
      else
        carnet_cli_usage_error (error, _("“%s” is not a record id: write a whole number from 1"),
                                text);
      return FALSE;
    }

  *out_id = (gint64) id;
  return TRUE;
}

gboolean
carnet_cli_parse_int (const char  *option,
                      const char  *text,
                      gint64       min,
                      gint64       max,
                      gint64      *out_value,
                      GError     **error)
{
  g_autofree char *bound = NULL;
  gint64 value;

  if (!g_ascii_string_to_signed (text, 10, G_MININT64, G_MAXINT64, &value, NULL))
    {
      carnet_cli_usage_error (error, _("%s: “%s” is not a whole number"), option, text);
      return FALSE;
    }

  if (value < min)
    {
      bound = g_strdup_printf ("%" G_GINT64_FORMAT, min);
      carnet_cli_usage_error (error, _("%s: must be %s or more, got %s"), option, bound, text);
      return FALSE;
    }

  if (value > max)
    {
      bound = g_strdup_printf ("%" G_GINT64_FORMAT, max);
      carnet_cli_usage_error (error, _("%s: must be %s or less, got %s"), option, bound, text);
      return FALSE;
    }

  *out_value = value;
  return TRUE;
}

/* A decimal number with a dot, as scripts write it whatever the locale. */
gboolean
carnet_cli_parse_double (const char  *option,
                         const char  *text,
                         double      *out_value,
                         GError     **error)
{
  char *end = NULL;
  double value;

  if (*text != '\0' && !g_ascii_isspace (*text))
    {
      value = g_ascii_strtod (text, &end);
      if (end != NULL && *end == '\0' && isfinite (value))
        {
          *out_value = value;
          return TRUE;
        }
    }

  carnet_cli_usage_error (error, _("%s: “%s” is not a number"), option, text);
  return FALSE;
}

gboolean
carnet_cli_parse_enum (const char  *option,
                       GType        enum_type,
                       const char  *text,
                       int         *out_value,
                       GError     **error)
{
  g_autofree char *nicks = NULL;

  if (carnet_enum_from_nick (enum_type, text, out_value))
    return TRUE;

  nicks = join_enum_nicks (enum_type);
  /* Translators: the last %s is the list of the accepted words, which stay in English */
  carnet_cli_usage_error (error, _("%s: “%s” is not one of %s"), option, text, nicks);
  return FALSE;
}

/* A time or a date in the local zone (TZ); its syntax is checked here, so a
 * mistyped one is a usage error. */
GDateTime *
carnet_cli_parse_when (const char  *option,
                       const char  *text,
                       gboolean    *out_date_only,
                       GError     **error)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
  g_autoptr(GError) local_error = NULL;
  GDateTime *when;

  when = carnet_time_parse (text, tz, option + 2, out_date_only, &local_error);
  if (when == NULL)
    carnet_cli_usage_error (error, "%s: %s", option, local_error->message);

  return when;
}

gboolean
carnet_cli_parse_date (const char  *option,
                       const char  *text,
                       GDate       *out_date,
                       GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!carnet_date_parse (text, option + 2, out_date, &local_error))
    {
      carnet_cli_usage_error (error, "%s: %s", option, local_error->message);
      return FALSE;
    }

  return TRUE;
}

/* `--from` and `--to` of list and agenda: a date counts whole (`--to` is its
 * last day), a time is exact; either may be missing (NULL). */
gboolean
carnet_cli_parse_range (CarnetCliArgs  *args,
                        GDateTime     **out_from,
                        GDateTime     **out_to,
                        GError        **error)
{
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) to = NULL;
  const char *text;

  text = carnet_cli_args_get (args, "--from");
  if (text != NULL)
    {
      from = carnet_cli_parse_when ("--from", text, NULL, error);
      if (from == NULL)
        return FALSE;
    }

  text = carnet_cli_args_get (args, "--to");
  if (text != NULL)
    {
      gboolean date_only = FALSE;

      to = carnet_cli_parse_when ("--to", text, &date_only, error);
      if (to == NULL)
        return FALSE;
      if (date_only)
        {
          g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
          int year, month, day;

          g_date_time_get_ymd (to, &year, &month, &day);
          g_clear_pointer (&to, g_date_time_unref);
          /* Midnight of the next day, found on the calendar: a day is not
           * always 24 hours long. */
          {
            g_autoptr(GDateTime) noon = g_date_time_new (tz, year, month, day, 12, 0, 0);
            g_autoptr(GDateTime) next_noon = g_date_time_add_days (noon, 1);

            g_date_time_get_ymd (next_noon, &year, &month, &day);
            to = g_date_time_new (tz, year, month, day, 0, 0, 0);
          }
        }
    }

  if (from != NULL && to != NULL && g_date_time_compare (from, to) >= 0)
    {
      carnet_cli_usage_error (error, _("%s: must come after --from"), "--to");
      return FALSE;
    }

  *out_from = g_steal_pointer (&from);
  *out_to = g_steal_pointer (&to);
  return TRUE;
}

/* Errors */

/**
 * carnet_cli_option_for_field:
 * @field: a field named by the core ("practitioner", "cycle_days"…)
 *
 * Returns: (transfer full): the option that sets @field ("--with",
 *   "--cycle-days"…).
 */
char *
carnet_cli_option_for_field (const CarnetCliOption *options,
                             const char            *field)
{
  g_autofree char *option = NULL;

  if (g_str_has_prefix (field, "--"))
    return g_strdup (field);

  for (const CarnetCliOption *o = options; o != NULL && o->name != NULL; o++)
    {
      if (field_matches (o->fields, field))
        return g_strdup (o->name);
    }

  option = g_strconcat ("--", field, NULL);
  g_strdelimit (option, "_", '-');
  return g_steal_pointer (&option);
}

/* The one line carnet-cli prints for @error, with its "carnet-cli: " prefix. */
char *
carnet_cli_format_error (const GError          *error,
                         const CarnetCliOption *options)
{
  const char *field = carnet_error_get_field (error);
  g_autofree char *message = g_strdup (error->message);

  g_strdelimit (message, "\r\n", ' ');

  if (field != NULL)
    {
      g_autofree char *option = carnet_cli_option_for_field (options, field);

      return g_strdup_printf ("carnet-cli: %s: %s", option, message);
    }

  return g_strdup_printf ("carnet-cli: %s", message);
}

int
carnet_cli_exit_status (const GError *error)
{
  if (g_error_matches (error, CARNET_CLI_ERROR, CARNET_CLI_ERROR_USAGE))
    return CARNET_CLI_EXIT_USAGE;

  return CARNET_CLI_EXIT_FAILED;
}

/* Notebooks */

/* Without CARNET_OPEN_FLAGS_CREATE a missing file is an error: a command that
 * only reads, or changes what must already be there, never creates one. */
CarnetNotebook *
carnet_cli_open_notebook (const char       *path,
                          CarnetOpenFlags   flags,
                          GError          **error)
{
  g_autoptr(CarnetClock) clock = NULL;

  if ((flags & CARNET_OPEN_FLAGS_CREATE) == 0 && !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, CARNET_ERROR, CARNET_ERROR_NOT_FOUND, _("no notebook at %s"), path);
      return NULL;
    }

  clock = carnet_clock_new_system ();
  return carnet_notebook_open (path, flags, clock, error);
}

static void
set_not_found_error (GError     **error,
                     const char  *option,
                     const char  *message)
{
  if (option != NULL)
    g_set_error (error, CARNET_ERROR, CARNET_ERROR_NOT_FOUND, "%s: %s", option, message);
  else
    g_set_error_literal (error, CARNET_ERROR, CARNET_ERROR_NOT_FOUND, message);
}

static char *
describe_missing (CarnetRecordKind  kind,
                  const char       *id)
{
  switch (kind)
    {
    case CARNET_RECORD_APPOINTMENT:
      return g_strdup_printf (_("there is no appointment %s"), id);
    case CARNET_RECORD_RESULT:
      return g_strdup_printf (_("there is no result %s"), id);
    case CARNET_RECORD_SIDE_EFFECT:
      return g_strdup_printf (_("there is no side effect %s"), id);
    case CARNET_RECORD_QUESTION:
      return g_strdup_printf (_("there is no question %s"), id);
    case CARNET_RECORD_TREATMENT:
      return g_strdup_printf (_("there is no treatment %s"), id);
    default:
      g_assert_not_reached ();
    }
}

static char *
describe_trashed (CarnetRecordKind  kind,
                  const char       *id)
{
  switch (kind)
    {
    case CARNET_RECORD_APPOINTMENT:
      return g_strdup_printf (_("appointment %s is in the trash"), id);
    case CARNET_RECORD_RESULT:
      return g_strdup_printf (_("result %s is in the trash"), id);
    case CARNET_RECORD_SIDE_EFFECT:
      return g_strdup_printf (_("side effect %s is in the trash"), id);
    case CARNET_RECORD_QUESTION:
      return g_strdup_printf (_("question %s is in the trash"), id);
    case CARNET_RECORD_TREATMENT:
      return g_strdup_printf (_("treatment %s is in the trash"), id);
    default:
      g_assert_not_reached ();
    }
}

/**
 * carnet_cli_find_in_trash:
 *
 * Returns: (transfer full) (nullable): the record of @kind and @id if it is
 *   in the trash
 */
CarnetRecord *
carnet_cli_find_in_trash (CarnetNotebook    *notebook,
                          CarnetRecordKind   kind,
                          gint64             id,
                          GError           **error)
{
  g_autoptr(GListModel) trash = carnet_notebook_list_trash (notebook, error);

  if (trash == NULL)
    return NULL;

  for (guint i = 0; i < g_list_model_get_n_items (trash); i++)
    {
      g_autoptr(CarnetRecord) record = g_list_model_get_item (trash, i);

      if (carnet_record_get_kind (record) == kind && carnet_record_get_id (record) == id)
        return g_steal_pointer (&record);
    }

  return NULL;
}

/**
 * carnet_cli_get_record:
 * @option: (nullable): the option that gave @id ("--appointment"), to name it
 *   in the error; %NULL for the ID argument of a command
 * @allow_trashed: whether a record in the trash will do
 *
 * Returns: (transfer full): the record, or %NULL with @error set
 */
CarnetRecord *
carnet_cli_get_record (CarnetNotebook    *notebook,
                       CarnetRecordKind   kind,
                       gint64             id,
                       const char        *option,
                       gboolean           allow_trashed,
                       GError           **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(CarnetRecord) record = NULL;
  g_autoptr(CarnetRecord) trashed = NULL;
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  g_autofree char *message = NULL;

  record = carnet_notebook_get (notebook, kind, id, &local_error);
  if (record != NULL)
    return g_steal_pointer (&record);

  if (!g_error_matches (local_error, CARNET_ERROR, CARNET_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  /* The notebook gets only what is not in the trash. */
  g_clear_error (&local_error);
  trashed = carnet_cli_find_in_trash (notebook, kind, id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  if (trashed == NULL)
    {
      carnet_cli_set_missing_error (error, kind, id, option);
      return NULL;
    }

  if (allow_trashed)
    return g_steal_pointer (&trashed);

  message = describe_trashed (kind, id_text);
  set_not_found_error (error, option, message);
  return NULL;
}

/* @option: (nullable): the option that gave @id, to name it */
void
carnet_cli_set_missing_error (GError           **error,
                              CarnetRecordKind   kind,
                              gint64             id,
                              const char        *option)
{
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  g_autofree char *message = describe_missing (kind, id_text);

  set_not_found_error (error, option, message);
}

void
carnet_cli_print_json (JsonNode *node)
{
  g_autofree char *text = carnet_json_to_string (node, FALSE);

  g_print ("%s\n", text);
}
