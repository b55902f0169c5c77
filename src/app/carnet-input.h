/* carnet-input.h: how the editors read and write what people type
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pure functions, so that what a field accepts is testable without a display.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The repeat presets of the appointment editor, in the order it lists them. */
typedef enum
{
  CARNET_REPEAT_NONE,
  CARNET_REPEAT_3_MONTHS,
  CARNET_REPEAT_6_MONTHS,
  CARNET_REPEAT_12_MONTHS,
  CARNET_REPEAT_CUSTOM,
} CarnetRepeatPreset;

/* How a preset repeat ends, in the order the editor lists them. */
typedef enum
{
  CARNET_REPEAT_END_COUNT,
  CARNET_REPEAT_END_UNTIL,
  CARNET_REPEAT_END_NEVER,
} CarnetRepeatEnd;

typedef struct
{
  CarnetRepeatPreset  preset;
  CarnetRepeatEnd     end;
  guint               count;
  GDate               until;
  /* The rule as it was, for CARNET_REPEAT_CUSTOM. */
  char               *custom;
} CarnetRepeat;

gboolean  carnet_input_parse_date     (const char          *text,
                                       GDate               *out_date);
char     *carnet_input_format_date    (const GDate         *date);
gboolean  carnet_input_parse_time     (const char          *text,
                                       int                 *out_hour,
                                       int                 *out_minute);
char     *carnet_input_format_time    (int                  hour,
                                       int                  minute);
gboolean  carnet_input_parse_number   (const char          *text,
                                       double              *out_value);
char     *carnet_input_format_number  (double               value);
char     *carnet_input_field_message  (const char          *field_title,
                                       const char          *message);

void      carnet_repeat_init_from_rule (CarnetRepeat       *repeat,
                                        const char         *rrule);
char     *carnet_repeat_to_rule        (const CarnetRepeat *repeat);
void      carnet_repeat_clear          (CarnetRepeat       *repeat);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CarnetRepeat, carnet_repeat_clear)

G_END_DECLS
