/* carnet-cli.h: what the commands of carnet-cli share
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "carnet.h"

G_BEGIN_DECLS

/* The exit statuses are part of the scripting contract (DESIGN.md). */
typedef enum
{
  CARNET_CLI_EXIT_OK     = 0,
  CARNET_CLI_EXIT_FAILED = 1,
  CARNET_CLI_EXIT_USAGE  = 2,
} CarnetCliExit;

#define CARNET_CLI_ERROR (carnet_cli_error_quark ())

typedef enum
{
  /* The command line is wrong: exit status 2. */
  CARNET_CLI_ERROR_USAGE,
} CarnetCliError;

GQuark carnet_cli_error_quark (void);

typedef enum
{
  CARNET_CLI_OPTION_FLAG      = 0,
  /* The option takes a value: `--title T` or `--title=T`. */
  CARNET_CLI_OPTION_VALUE     = 1 << 0,
  /* `add` needs it. */
  CARNET_CLI_OPTION_REQUIRED  = 1 << 1,
  /* Only `edit` takes it. */
  CARNET_CLI_OPTION_EDIT_ONLY = 1 << 2,
} CarnetCliOptionFlags;

typedef struct
{
  const char           *name;
  CarnetCliOptionFlags  flags;
  /* The core's names of the fields this option sets, separated by spaces, so
   * that an error about a field names the option a person typed. */
  const char           *fields;
  /* For --help: the value's placeholder ("T", "WHEN") and what the option
   * does, marked with N_(). */
  const char           *value_name;
  const char           *description;
} CarnetCliOption;

typedef struct
{
  const char            *notebook_path;
  /* The options of the command being run, to name a field in an error. */
  const CarnetCliOption *options;
} CarnetCliContext;

/* Command lines */

typedef struct _CarnetCliArgs CarnetCliArgs;

gboolean       carnet_cli_wants_help             (int                     argc,
                                                  char                  **argv);
CarnetCliArgs *carnet_cli_args_parse             (const CarnetCliOption  *options,
                                                  CarnetCliOptionFlags    excluded,
                                                  int                     argc,
                                                  char                  **argv,
                                                  GError                **error);
void           carnet_cli_args_free              (CarnetCliArgs          *args);
gboolean       carnet_cli_args_has               (CarnetCliArgs          *args,
                                                  const char             *name);
const char    *carnet_cli_args_get               (CarnetCliArgs          *args,
                                                  const char             *name);
guint          carnet_cli_args_get_n_positionals (CarnetCliArgs          *args);
const char    *carnet_cli_args_get_positional    (CarnetCliArgs          *args,
                                                  guint                   index);
gboolean       carnet_cli_args_check_positionals (CarnetCliArgs          *args,
                                                  guint                   n,
                                                  const char             *what,
                                                  GError                **error);
gboolean       carnet_cli_args_check_required    (CarnetCliArgs          *args,
                                                  const CarnetCliOption  *options,
                                                  GError                **error);
char          *carnet_cli_describe_options       (const CarnetCliOption  *options,
                                                  CarnetCliOptionFlags    excluded);
char          *carnet_cli_describe_required      (const CarnetCliOption  *options);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CarnetCliArgs, carnet_cli_args_free)

/* Values of options; a value of the wrong syntax is a usage error. */

void       carnet_cli_usage_error        (GError                **error,
                                          const char             *format,
                                          ...) G_GNUC_PRINTF (2, 3);
gboolean   carnet_cli_parse_record_kind  (const char             *text,
                                          CarnetRecordKind       *out_kind,
                                          GError                **error);
gboolean   carnet_cli_parse_id           (const char             *option,
                                          const char             *text,
                                          gint64                 *out_id,
                                          GError                **error);
gboolean   carnet_cli_parse_int          (const char             *option,
                                          const char             *text,
                                          gint64                  min,
                                          gint64                  max,
                                          gint64                 *out_value,
                                          GError                **error);
gboolean   carnet_cli_parse_double       (const char             *option,
                                          const char             *text,
                                          double                 *out_value,
                                          GError                **error);
gboolean   carnet_cli_parse_enum         (const char             *option,
                                          GType                   enum_type,
                                          const char             *text,
                                          int                    *out_value,
                                          GError                **error);
GDateTime *carnet_cli_parse_when         (const char             *option,
                                          const char             *text,
                                          gboolean               *out_date_only,
                                          GError                **error);
gboolean   carnet_cli_parse_date         (const char             *option,
                                          const char             *text,
                                          GDate                  *out_date,
                                          GError                **error);
gboolean   carnet_cli_parse_range        (CarnetCliArgs          *args,
                                          GDateTime             **out_from,
                                          GDateTime             **out_to,
                                          GError                **error);

/* Errors */

char       *carnet_cli_option_for_field  (const CarnetCliOption  *options,
                                          const char             *field);
char       *carnet_cli_format_error      (const GError           *error,
                                          const CarnetCliOption  *options);
int         carnet_cli_exit_status       (const GError           *error);

/* Notebooks */

CarnetNotebook *carnet_cli_open_notebook     (const char         *path,
                                              CarnetOpenFlags     flags,
                                              GError            **error);
CarnetRecord   *carnet_cli_get_record        (CarnetNotebook     *notebook,
                                              CarnetRecordKind    kind,
                                              gint64              id,
                                              const char         *option,
                                              gboolean            allow_trashed,
                                              GError            **error);
CarnetRecord   *carnet_cli_find_in_trash     (CarnetNotebook     *notebook,
                                              CarnetRecordKind    kind,
                                              gint64              id,
                                              GError            **error);
void            carnet_cli_set_missing_error (GError            **error,
                                              CarnetRecordKind    kind,
                                              gint64              id,
                                              const char         *option);
void            carnet_cli_print_json        (JsonNode           *node);

/* Commands: each returns FALSE with @error set when it failed. */

gboolean carnet_cli_add     (CarnetCliContext *ctx, int argc, char **argv, GError **error);
gboolean carnet_cli_edit    (CarnetCliContext *ctx, int argc, char **argv, GError **error);
gboolean carnet_cli_delete  (CarnetCliContext *ctx, int argc, char **argv, GError **error);
gboolean carnet_cli_restore (CarnetCliContext *ctx, int argc, char **argv, GError **error);
gboolean carnet_cli_answer  (CarnetCliContext *ctx, int argc, char **argv, GError **error);
gboolean carnet_cli_list    (CarnetCliContext *ctx, int argc, char **argv, GError **error);
gboolean carnet_cli_show    (CarnetCliContext *ctx, int argc, char **argv, GError **error);
gboolean carnet_cli_agenda  (CarnetCliContext *ctx, int argc, char **argv, GError **error);
gboolean carnet_cli_reminders (CarnetCliContext *ctx, int argc, char **argv, GError **error);
gboolean carnet_cli_search (CarnetCliContext *ctx, int argc, char **argv, GError **error);
gboolean carnet_cli_check   (CarnetCliContext *ctx, int argc, char **argv, GError **error);
gboolean carnet_cli_export  (CarnetCliContext *ctx, int argc, char **argv, GError **error);
gboolean carnet_cli_import  (CarnetCliContext *ctx, int argc, char **argv, GError **error);

/* What check says of the automatic backups (carnet-cli-exchange.c). */
char    *carnet_cli_describe_latest_backup (CarnetNotebook *notebook);
void     carnet_cli_add_latest_backup_json (JsonBuilder    *builder,
                                            CarnetNotebook *notebook);

G_END_DECLS
