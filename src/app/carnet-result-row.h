/* carnet-result-row.h: what the Results page says about a result
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pure functions, so that what a row says is testable without a display.
 * Numbers are written the locale's way (a decimal comma in French).
 */
#pragma once

#include "carnet.h"

G_BEGIN_DECLS

/* A text report's excerpt in a group's summary is at most this long. */
#define CARNET_RESULT_ROW_EXCERPT_CHARS 140

char       *carnet_result_row_group_key        (const char   *name);
guint       carnet_result_row_decimals         (double        value);
char       *carnet_result_row_format_number    (double        value,
                                                guint         decimals);
char       *carnet_result_row_describe_value   (CarnetResult *result);
char       *carnet_result_row_describe_range   (CarnetResult *result);
char       *carnet_result_row_describe_trend   (CarnetResult *previous,
                                                CarnetResult *latest);
char       *carnet_result_row_describe_summary (CarnetResult *latest,
                                                CarnetResult *previous,
                                                GDateTime    *now);
char       *carnet_result_row_excerpt          (const char   *text,
                                                guint         max_chars);
const char *carnet_result_row_flag_icon_name   (CarnetFlag    flag);
const char *carnet_result_row_flag_style_class (CarnetFlag    flag);

G_END_DECLS
