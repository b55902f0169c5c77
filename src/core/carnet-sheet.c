/* carnet-sheet.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The consultation sheet. Gathering: the consultation (the next planned one
 * by default), the open questions waiting for it in their order, the side
 * effects and results since the previous consultation, the treatments going
 * on that day. Layout: a flow of blocks (paragraphs, table rows, ruled room
 * for answers) cut into pages; a heading never ends a page, a table goes on
 * under its header repeated, a paragraph longer than a page is cut between
 * lines. Everything is in points; the PDF is A4.
 */
#define G_LOG_DOMAIN "carnet-core"

#include "config.h"

#include "carnet-sheet.h"

#include <math.h>
#include <string.h>

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "carnet-enums.h"
#include "carnet-error.h"
#include "carnet-notebook-charts.h"
#include "carnet-occurrence.h"
#include "carnet-recurrence.h"
#include "carnet-side-effect.h"
#include "carnet-time.h"

/* A text report or a note is cut there in a table cell. */
#define CELL_MAX_CHARS 280
/* How far ahead the occurrence of a repeating consultation is looked for. */
#define OCCURRENCE_YEARS 5

#define FONT_TITLE   "Sans Bold 17"
#define FONT_HEADING "Sans Bold 12"
#define FONT_BODY    "Sans 10"
#define FONT_TABLE   "Sans 8.5"
#define FONT_SMALL   "Sans 8"

#define LINE_GAP        18.0   /* between ruled answer lines */
#define ANSWER_LINES    3
#define MIN_NOTE_LINES  3
#define MAX_NOTE_LINES  10
#define CELL_PADDING    3.0
#define QUESTION_INDENT 20.0
#define COLUMN_GAP      6.0
#define SECTION_GAP     16.0
#define FOOTER_HEIGHT   24.0
#define FONT_CHART      "Sans 6.5"
#define CHART_HEIGHT    92.0
#define CHARTS_PER_ROW  3

/* fontconfig 2.14 loses a few bytes while it parses its configuration, once
 * per process; LeakSanitizer would blame every program that draws a sheet
 * (the sanitized test runs of carnet-cli and of the core). */
#ifndef __has_feature
#define __has_feature(x) 0
#endif
#if defined (__SANITIZE_ADDRESS__) || __has_feature (address_sanitizer)
const char *__lsan_default_suppressions (void);
const char *__lsan_default_options (void);

const char *
__lsan_default_suppressions (void)
{
  return "leak:libfontconfig.so\n";
}

/* Quietly: carnet-cli's stderr is one line. */
const char *
__lsan_default_options (void)
{
  return "print_suppressions=0";
}
#endif

/* Gathering */

static void
symptom_free (CarnetSheetSymptom *symptom)
{
  g_free (symptom->symptom);
  g_clear_pointer (&symptom->first, g_date_time_unref);
  g_clear_pointer (&symptom->last, g_date_time_unref);
  g_free (symptom->cycle);
  g_free (symptom);
}

static void
sheet_result_free (CarnetSheetResult *item)
{
  g_clear_object (&item->result);
  g_clear_pointer (&item->previous_at, g_date_time_unref);
  g_clear_pointer (&item->trend, carnet_chart_series_free);
  g_free (item);
}

static void
sheet_treatment_free (CarnetSheetTreatment *item)
{
  g_clear_object (&item->treatment);
  g_free (item->cycle);
  g_free (item);
}

/* The occurrence the sheet is for: the next one from now, else the last. */
static GDateTime *
choose_occurrence (CarnetAppointment *appointment,
                   GDateTime         *now)
{
  GDateTime *start = carnet_appointment_get_start (appointment);
  const char *repeat = carnet_appointment_get_repeat (appointment);
  g_autoptr(GDateTime) horizon = NULL;
  g_autoptr(GPtrArray) next = NULL;
  g_autoptr(GPtrArray) all = NULL;

  if (repeat == NULL)
    return g_date_time_ref (start);

  horizon = g_date_time_add_years (now, OCCURRENCE_YEARS);
  next = carnet_recurrence_expand (repeat, start, now, horizon, 1);
  if (next->len > 0)
    return g_date_time_ref (g_ptr_array_index (next, 0));

  all = carnet_recurrence_expand (repeat, start, NULL, now, 1000);
  if (all->len > 0)
    return g_date_time_ref (g_ptr_array_index (all, all->len - 1));

  return g_date_time_ref (start);
}

/* The last consultation before @start that took place or was to. */
static gboolean
find_previous (CarnetNotebook  *notebook,
               GDateTime       *start,
               GDateTime      **out_previous,
               GError         **error)
{
  g_autoptr(GListModel) agenda = carnet_notebook_agenda (notebook, NULL, start, error);

  *out_previous = NULL;
  if (agenda == NULL)
    return FALSE;

  for (guint i = g_list_model_get_n_items (agenda); i-- > 0;)
    {
      g_autoptr(CarnetOccurrence) occurrence = g_list_model_get_item (agenda, i);
      CarnetAppointment *appointment = carnet_occurrence_get_appointment (occurrence);

      if (carnet_appointment_get_kind (appointment) == CARNET_APPOINTMENT_CONSULTATION &&
          carnet_occurrence_get_status (occurrence) != CARNET_STATUS_CANCELLED &&
          g_date_time_compare (carnet_occurrence_get_start (occurrence), start) < 0)
        {
          *out_previous = g_date_time_ref (carnet_occurrence_get_start (occurrence));
          return TRUE;
        }
    }

  return TRUE;
}

/* The consultation's own open questions, then those for "the next
 * consultation" when it is the next one. */
static gboolean
gather_questions (CarnetSheet     *sheet,
                  CarnetNotebook  *notebook,
                  gint64           id,
                  gboolean         is_next,
                  GError         **error)
{
  g_autoptr(GListModel) questions = carnet_notebook_list (notebook, CARNET_RECORD_QUESTION, NULL, NULL, error);
  g_autoptr(GPtrArray) waiting = g_ptr_array_new_with_free_func (g_object_unref);

  if (questions == NULL)
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (questions); i++)
    {
      g_autoptr(CarnetQuestion) question = g_list_model_get_item (questions, i);
      gint64 target = carnet_question_get_appointment_id (question);

      if (carnet_question_get_status (question) != CARNET_QUESTION_OPEN)
        continue;

      if (target == id)
        g_ptr_array_add (sheet->questions, g_steal_pointer (&question));
      else if (target == 0 && is_next)
        g_ptr_array_add (waiting, g_steal_pointer (&question));
    }

  for (guint i = 0; i < waiting->len; i++)
    g_ptr_array_add (sheet->questions, g_object_ref (g_ptr_array_index (waiting, i)));

  return TRUE;
}

static int
compare_symptoms (gconstpointer a,
                  gconstpointer b)
{
  const CarnetSheetSymptom *x = *(CarnetSheetSymptom **) a;
  const CarnetSheetSymptom *y = *(CarnetSheetSymptom **) b;

  if (x->worst != y->worst)
    return y->worst - x->worst;

  return g_date_time_compare (x->first, y->first);
}

static gboolean
gather_symptoms (CarnetSheet     *sheet,
                 CarnetNotebook  *notebook,
                 GError         **error)
{
  g_autoptr(GListModel) side_effects = carnet_notebook_list (notebook, CARNET_RECORD_SIDE_EFFECT,
                                                             NULL, sheet->start, error);
  g_autoptr(GHashTable) by_symptom = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (side_effects == NULL)
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (side_effects); i++)
    {
      g_autoptr(CarnetSideEffect) side_effect = g_list_model_get_item (side_effects, i);
      GDateTime *at = carnet_side_effect_get_at (side_effect);
      GDateTime *until = carnet_side_effect_get_until (side_effect);
      GDateTime *last = until != NULL ? until : at;
      int severity = carnet_side_effect_get_severity (side_effect);
      g_autofree char *stripped = g_strstrip (g_strdup (carnet_side_effect_get_symptom (side_effect)));
      g_autofree char *key = g_utf8_casefold (stripped, -1);
      CarnetSheetSymptom *symptom;

      /* Within the period, or still there when it began. */
      if (g_date_time_compare (last, sheet->since) < 0)
        continue;

      symptom = g_hash_table_lookup (by_symptom, key);
      if (symptom == NULL)
        {
          symptom = g_new0 (CarnetSheetSymptom, 1);
          symptom->symptom = g_steal_pointer (&stripped);
          symptom->worst = -1;
          symptom->first = g_date_time_ref (at);
          symptom->last = g_date_time_ref (last);
          g_hash_table_insert (by_symptom, g_steal_pointer (&key), symptom);
          g_ptr_array_add (sheet->symptoms, symptom);
        }

      symptom->n_records++;
      if (g_date_time_compare (at, symptom->first) < 0)
        {
          g_date_time_unref (symptom->first);
          symptom->first = g_date_time_ref (at);
        }
      if (g_date_time_compare (last, symptom->last) > 0)
        {
          g_date_time_unref (symptom->last);
          symptom->last = g_date_time_ref (last);
        }
      /* The first time it was at its worst. */
      if (severity > symptom->worst)
        {
          symptom->worst = severity;
          g_free (symptom->cycle);
          symptom->cycle = g_strdup (carnet_side_effect_get_cycle (side_effect));
        }
    }

  g_ptr_array_sort (sheet->symptoms, compare_symptoms);
  return TRUE;
}

static char *
result_key (CarnetResult *result)
{
  g_autofree char *name = g_utf8_casefold (carnet_result_get_name (result), -1);
  const char *unit = carnet_result_get_unit (result);

  return g_strdup_printf ("%s\x1f%s", name, unit != NULL ? unit : "");
}

static int
compare_results (gconstpointer a,
                 gconstpointer b)
{
  CarnetResult *x = (*(CarnetSheetResult **) a)->result;
  CarnetResult *y = (*(CarnetSheetResult **) b)->result;
  /* Numbers in names in their order: "Marker 9" before "Marker 10". */
  g_autofree char *kx = g_utf8_collate_key_for_filename (carnet_result_get_name (x), -1);
  g_autofree char *ky = g_utf8_collate_key_for_filename (carnet_result_get_name (y), -1);
  int cmp = strcmp (kx, ky);

  if (cmp != 0)
    return cmp;

  return g_date_time_compare (carnet_result_get_at (x), carnet_result_get_at (y));
}

static gboolean
gather_results (CarnetSheet     *sheet,
                CarnetNotebook  *notebook,
                GError         **error)
{
  g_autoptr(GListModel) results = carnet_notebook_list (notebook, CARNET_RECORD_RESULT, NULL, sheet->start, error);
  /* The latest value of each test so far (CarnetResult). */
  g_autoptr(GHashTable) latest = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);

  /* Each test's values over the charts' days (CarnetChartSeries). */
  g_autoptr(GHashTable) series = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                        (GDestroyNotify) carnet_chart_series_free);
  g_autoptr(GHashTable) charted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GDateTime) chart_from = g_date_time_add_days (sheet->start, -CARNET_SHEET_CHART_DAYS);
  g_autoptr(GArray) periods = NULL;

  if (results == NULL)
    return FALSE;

  /* Oldest first: each value meets the one before it. */
  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr(CarnetResult) result = g_list_model_get_item (results, i);
      g_autofree char *key = result_key (result);
      CarnetResult *previous = g_hash_table_lookup (latest, key);

      if (carnet_result_has_value (result) &&
          g_date_time_compare (carnet_result_get_at (result), chart_from) >= 0)
        {
          CarnetChartSeries *values = g_hash_table_lookup (series, key);

          if (values == NULL)
            {
              values = carnet_chart_series_new (carnet_result_get_name (result), carnet_result_get_unit (result),
                                                g_date_time_get_timezone (sheet->start));
              g_hash_table_insert (series, g_strdup (key), values);
            }
          carnet_chart_series_add_point (values, g_date_time_to_unix (carnet_result_get_at (result)),
                                         carnet_result_get_value (result), carnet_result_get_low (result),
                                         carnet_result_get_high (result));
        }

      if (g_date_time_compare (carnet_result_get_at (result), sheet->since) >= 0)
        {
          CarnetSheetResult *item = g_new0 (CarnetSheetResult, 1);

          item->result = g_object_ref (result);
          if (previous != NULL && carnet_result_has_value (result) && carnet_result_has_value (previous))
            {
              item->has_previous = TRUE;
              item->previous = carnet_result_get_value (previous);
              item->previous_at = g_date_time_ref (carnet_result_get_at (previous));
            }
          g_ptr_array_add (sheet->results, item);
        }

      g_hash_table_replace (latest, g_steal_pointer (&key), g_steal_pointer (&result));
    }

  g_ptr_array_sort (sheet->results, compare_results);

  /* A chart for each test whose value changed, with the treatments. */
  periods = carnet_notebook_chart_periods (notebook, error);
  if (periods == NULL)
    return FALSE;
  for (guint i = 0; i < sheet->results->len; i++)
    {
      CarnetSheetResult *item = g_ptr_array_index (sheet->results, i);
      g_autofree char *key = result_key (item->result);
      CarnetChartSeries *values = g_hash_table_lookup (series, key);
      CarnetChartSeries *chart;

      if (!item->has_previous || carnet_result_get_value (item->result) == item->previous ||
          values == NULL || values->points->len < 2)
        continue;

      /* Up to this value: a later one of the same test is in its own row. */
      item->trend = carnet_chart_series_new (values->name, values->unit, values->tz);
      for (guint p = 0; p < values->points->len; p++)
        {
          const CarnetChartPoint *point = &g_array_index (values->points, CarnetChartPoint, p);

          if (point->at <= g_date_time_to_unix (carnet_result_get_at (item->result)))
            carnet_chart_series_add_point (item->trend, point->at, point->value, point->low, point->high);
        }
      if (g_hash_table_contains (charted, key))
        continue;

      chart = carnet_chart_series_copy (values);
      for (guint p = 0; p < periods->len; p++)
        {
          const CarnetChartPeriod *period = &g_array_index (periods, CarnetChartPeriod, p);

          carnet_chart_series_add_period (chart, period->name, &period->start, &period->end,
                                          period->cycle_days, period->cycles);
        }
      g_ptr_array_add (sheet->charts, chart);
      g_hash_table_add (charted, g_steal_pointer (&key));
    }

  return TRUE;
}

static gboolean
gather_treatments (CarnetSheet     *sheet,
                   CarnetNotebook  *notebook,
                   GError         **error)
{
  g_autoptr(GListModel) treatments = carnet_notebook_list (notebook, CARNET_RECORD_TREATMENT, NULL, NULL, error);
  g_autoptr(GDate) day = NULL;

  if (treatments == NULL)
    return FALSE;

  day = carnet_date_from_time (sheet->start);
  for (guint i = 0; i < g_list_model_get_n_items (treatments); i++)
    {
      g_autoptr(CarnetTreatment) treatment = g_list_model_get_item (treatments, i);
      CarnetSheetTreatment *item;

      if (!carnet_treatment_is_current (treatment, day))
        continue;

      item = g_new0 (CarnetSheetTreatment, 1);
      item->cycle = carnet_treatment_cycle_day (treatment, day);
      item->treatment = g_steal_pointer (&treatment);
      g_ptr_array_add (sheet->treatments, item);
    }

  return TRUE;
}

/* Words and numbers */

static char *
capitalize (char *text)
{
  gunichar first;
  char buffer[8];
  int length;
  char *result;

  if (text == NULL || *text == '\0')
    return text;

  first = g_unichar_totitle (g_utf8_get_char (text));
  length = g_unichar_to_utf8 (first, buffer);
  buffer[length] = '\0';
  result = g_strconcat (buffer, g_utf8_next_char (text), NULL);
  g_free (text);
  return result;
}

static char *
format_long_date (GDateTime *dt)
{
  /* Translators: the day of a consultation, as g_date_time_format() writes it:
   * %A the weekday, %B the month, %-d the day of the month, %Y the year. */
  return capitalize (g_date_time_format (dt, C_("consultation day", "%A, %B %-d, %Y")));
}

static char *
format_date (GDateTime *dt)
{
  /* Translators: a date in a table of the consultation sheet, as
   * g_date_time_format() writes it: %b the short month name. */
  return g_date_time_format (dt, C_("short date", "%b %-d, %Y"));
}

static char *
format_full_date (GDateTime *dt)
{
  return g_date_time_format (dt, C_("date in another year", "%B %-d, %Y"));
}

static char *
format_time (GDateTime *dt)
{
  return g_date_time_format (dt, C_("time of day", "%H:%M"));
}

/* In the locale's way (a decimal comma in French), without float noise. */
static char *
format_number (double value)
{
  return g_strdup_printf ("%.12g", value);
}

static char *
shorten (const char *text)
{
  g_autofree char *flat = NULL;

  if (text == NULL)
    return g_strdup ("");

  flat = g_strdup (text);
  g_strdelimit (flat, "\r\n\t", ' ');
  if (g_utf8_strlen (flat, -1) <= CELL_MAX_CHARS)
    return g_steal_pointer (&flat);

  *g_utf8_offset_to_pointer (flat, CELL_MAX_CHARS - 1) = '\0';
  return g_strconcat (flat, "…", NULL);
}

static char *
format_value (CarnetResult *result)
{
  const char *unit = carnet_result_get_unit (result);
  g_autofree char *number = NULL;

  if (!carnet_result_has_value (result))
    return shorten (carnet_result_get_text (result));

  number = format_number (carnet_result_get_value (result));
  if (unit == NULL)
    return g_steal_pointer (&number);

  return g_strdup_printf ("%s %s", number, unit);
}

static char *
format_range (CarnetResult *result)
{
  double low = carnet_result_get_low (result);
  double high = carnet_result_get_high (result);
  g_autofree char *low_text = isnan (low) ? NULL : format_number (low);
  g_autofree char *high_text = isnan (high) ? NULL : format_number (high);

  if (low_text != NULL && high_text != NULL)
    /* Translators: a reference range, "12 – 16" */
    return g_strdup_printf (C_("range", "%s – %s"), low_text, high_text);
  if (low_text != NULL)
    return g_strdup_printf ("≥ %s", low_text);
  if (high_text != NULL)
    return g_strdup_printf ("≤ %s", high_text);

  return g_strdup ("");
}

/* "↑ +2.2 (from 11.2)": not colour alone, the arrow and the numbers. */
static char *
format_change (CarnetSheetResult *item)
{
  double value = carnet_result_get_value (item->result);
  double delta;
  g_autofree char *amount = NULL;
  g_autofree char *before = NULL;

  if (!item->has_previous)
    return g_strdup ("");

  delta = value - item->previous;
  before = format_number (item->previous);
  if (fabs (delta) < 1e-12 * MAX (1.0, fabs (value)))
    /* Translators: a value the same as the previous one; %s is that value */
    return g_strdup_printf (_("= (as before: %s)"), before);

  amount = format_number (fabs (delta));
  if (delta > 0)
    /* Translators: a value higher than the previous one: "↑ +2.2 (from 11.2)" */
    return g_strdup_printf (_("↑ +%s (from %s)"), amount, before);

  /* Translators: a value lower than the previous one: "↓ −1.3 (from 14.5)" */
  return g_strdup_printf (_("↓ −%s (from %s)"), amount, before);
}

static const char *
author_note (CarnetQuestion *question)
{
  if (carnet_question_get_author (question) == CARNET_AUTHOR_CAREGIVER)
    return C_("question author", " (caregiver)");

  return "";
}

/* Layout: blocks */

typedef enum
{
  BLOCK_TEXT,
  BLOCK_ROW,
  BLOCK_RULE,
  BLOCK_LINES,
  BLOCK_CHARTS,
} BlockKind;

typedef struct
{
  double x;
  double width;
} Column;

typedef struct _Block Block;

struct _Block
{
  BlockKind     kind;
  double        space_before;
  /* A heading: never the last thing on a page. */
  gboolean      keep_with_next;
  /* TEXT */
  PangoLayout  *layout;
  double        indent;
  /* ROW: one layout per column; the header row of its table; shaded. */
  GPtrArray    *cells;
  const Column *columns;
  Block        *header;
  gboolean      is_header;
  gboolean      shaded;
  /* LINES: ruled lines to write on. */
  guint         n_lines;
  /* ROW: a small chart in its last column, from chart_from to chart_to. */
  CarnetChartSeries *sparkline;
  /* CHARTS: side by side (CarnetChartSeries, copies), their titles, and
   * the time they show. */
  GPtrArray    *charts;
  GPtrArray    *titles;
  gint64        chart_from;
  gint64        chart_to;
};

typedef struct
{
  Block  *block;
  /* For a TEXT cut across pages: its lines [first_line, first_line + n_lines). */
  int     first_line;
  int     n_lines;
  double  y;
  double  height;
} Placement;

struct _CarnetSheetLayout
{
  PangoContext *context;
  double        width;
  double        height;
  GPtrArray    *blocks;
  /* Per page, a GArray of Placement. */
  GPtrArray    *pages;
  char         *footer;
  Column        symptom_columns[5];
  Column        result_columns[7];
  Column        treatment_columns[4];
};

static void
block_free (Block *block)
{
  g_clear_object (&block->layout);
  g_clear_pointer (&block->cells, g_ptr_array_unref);
  g_clear_pointer (&block->charts, g_ptr_array_unref);
  g_clear_pointer (&block->sparkline, carnet_chart_series_free);
  g_clear_pointer (&block->titles, g_ptr_array_unref);
  g_free (block);
}

static PangoLayout *
new_layout (CarnetSheetLayout *self,
            const char        *font,
            const char        *text,
            double             width)
{
  PangoLayout *layout = pango_layout_new (self->context);
  PangoFontDescription *description = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, description);
  pango_font_description_free (description);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  return layout;
}

static Block *
add_block (CarnetSheetLayout *self,
           BlockKind          kind,
           double             space_before)
{
  Block *block = g_new0 (Block, 1);

  block->kind = kind;
  block->space_before = space_before;
  g_ptr_array_add (self->blocks, block);
  return block;
}

static Block *
add_text (CarnetSheetLayout *self,
          const char        *font,
          const char        *text,
          double             indent,
          double             space_before)
{
  Block *block = add_block (self, BLOCK_TEXT, space_before);

  block->indent = indent;
  block->layout = new_layout (self, font, text, self->width - indent);
  return block;
}

static void
add_heading (CarnetSheetLayout *self,
             const char        *text)
{
  Block *block = add_text (self, FONT_HEADING, text, 0, SECTION_GAP);

  block->keep_with_next = TRUE;
  add_block (self, BLOCK_RULE, 2)->keep_with_next = TRUE;
}

static void
add_note (CarnetSheetLayout *self,
          const char        *text)
{
  Block *block = add_text (self, FONT_BODY, text, 0, 4);
  PangoAttrList *attributes = pango_attr_list_new ();

  pango_attr_list_insert (attributes, pango_attr_style_new (PANGO_STYLE_ITALIC));
  pango_layout_set_attributes (block->layout, attributes);
  pango_attr_list_unref (attributes);
}

/* Columns from their shares of the width. */
static void
set_columns (Column       *columns,
             const double *shares,
             guint         n,
             double        width)
{
  double total = 0, x = 0;

  for (guint i = 0; i < n; i++)
    total += shares[i];

  for (guint i = 0; i < n; i++)
    {
      columns[i].x = x;
      columns[i].width = width * shares[i] / total - COLUMN_GAP;
      x += width * shares[i] / total;
    }
}

static Block *
add_row (CarnetSheetLayout  *self,
         const Column       *columns,
         guint               n_columns,
         Block              *header,
         const char * const *texts,
         const gboolean     *bold)
{
  Block *block = add_block (self, BLOCK_ROW, header == NULL ? 4 : 0);

  block->columns = columns;
  block->header = header;
  block->is_header = header == NULL;
  block->cells = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n_columns; i++)
    {
      PangoLayout *cell = new_layout (self, FONT_TABLE, texts[i], columns[i].width);

      if (block->is_header || (bold != NULL && bold[i]))
        {
          PangoAttrList *attributes = pango_attr_list_new ();

          pango_attr_list_insert (attributes, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
          pango_layout_set_attributes (cell, attributes);
          pango_attr_list_unref (attributes);
        }
      g_ptr_array_add (block->cells, cell);
    }

  /* A header keeps its first row with it. */
  block->keep_with_next = block->is_header;
  return block;
}

static double
layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return (double) height / PANGO_SCALE;
}

static double
block_height (Block *block)
{
  double height = 0;

  switch (block->kind)
    {
    case BLOCK_TEXT:
      return layout_height (block->layout);
    case BLOCK_ROW:
      for (guint i = 0; i < block->cells->len; i++)
        height = MAX (height, layout_height (g_ptr_array_index (block->cells, i)));
      return height + 2 * CELL_PADDING;
    case BLOCK_RULE:
      return 4;
    case BLOCK_CHARTS:
      for (guint i = 0; i < block->titles->len; i++)
        height = MAX (height, layout_height (g_ptr_array_index (block->titles, i)));
      return height + 2 + CHART_HEIGHT;
    case BLOCK_LINES:
    default:
      return block->n_lines * LINE_GAP + 4;
    }
}

/* The tops of a paragraph's lines, and its bottom, in points. */
static GArray *
line_tops (PangoLayout *layout)
{
  GArray *tops = g_array_new (FALSE, FALSE, sizeof (double));
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  double bottom = 0;

  do
    {
      int y0, y1;
      double top;

      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      top = (double) y0 / PANGO_SCALE;
      g_array_append_val (tops, top);
      bottom = (double) y1 / PANGO_SCALE;
    }
  while (pango_layout_iter_next_line (iter));

  pango_layout_iter_free (iter);
  g_array_append_val (tops, bottom);
  return tops;
}

static GArray *
new_page (CarnetSheetLayout *self)
{
  GArray *page = g_array_new (FALSE, FALSE, sizeof (Placement));

  g_ptr_array_add (self->pages, page);
  return page;
}

static void
place (GArray *page,
       Block  *block,
       int     first_line,
       int     n_lines,
       double  y,
       double  height)
{
  Placement placement = { block, first_line, n_lines, y, height };

  g_array_append_val (page, placement);
}

/* The height of @block and of those it must stay with. */
static double
height_kept_together (GPtrArray *blocks,
                      guint      index)
{
  double height = 0;

  for (guint i = index; i < blocks->len; i++)
    {
      Block *block = g_ptr_array_index (blocks, i);
      double own = block_height (block);

      /* A paragraph that follows a heading needs one line of it, not all. */
      if (i > index && block->kind == BLOCK_TEXT && !block->keep_with_next)
        {
          g_autoptr(GArray) tops = line_tops (block->layout);

          own = MIN (own, g_array_index (tops, double, MIN (tops->len - 1, 2)));
        }

      height += (i > index ? block->space_before : 0) + own;
      if (!block->keep_with_next)
        break;
    }

  return height;
}

/* Returns where the content ends on the last page. */
static double
paginate (CarnetSheetLayout *self)
{
  double bottom = self->height - FOOTER_HEIGHT;
  GArray *page;
  double y = 0;

  g_ptr_array_set_size (self->pages, 0);
  page = new_page (self);

  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *block = g_ptr_array_index (self->blocks, i);
      double height = block_height (block);
      double space = page->len > 0 ? block->space_before : 0;

      /* A heading (with what follows it) or a row that does not fit starts
       * a new page; a table goes on there under its header. */
      if (page->len > 0 &&
          (y + space + height_kept_together (self->blocks, i) > bottom) &&
          (block->kind != BLOCK_TEXT || block->keep_with_next))
        {
          page = new_page (self);
          y = 0;
          space = 0;
          if (block->kind == BLOCK_ROW && !block->is_header)
            {
              double header_height = block_height (block->header);

              place (page, block->header, 0, -1, y, header_height);
              y += header_height;
            }
        }

      y += space;

      if (block->kind == BLOCK_TEXT && y + height > bottom)
        {
          /* Cut between lines, as many pages as it takes. */
          g_autoptr(GArray) tops = line_tops (block->layout);
          int n_lines = (int) tops->len - 1;
          int first = 0;

          while (first < n_lines)
            {
              double start = g_array_index (tops, double, first);
              int last = first;

              while (last < n_lines && y + g_array_index (tops, double, last + 1) - start <= bottom)
                last++;

              if (last == first)
                {
                  if (page->len == 0)
                    last = first + 1;
                  else
                    {
                      page = new_page (self);
                      y = 0;
                      continue;
                    }
                }

              place (page, block, first, last - first, y, g_array_index (tops, double, last) - start);
              y += g_array_index (tops, double, last) - start;
              first = last;
              if (first < n_lines)
                {
                  page = new_page (self);
                  y = 0;
                }
            }
          continue;
        }

      place (page, block, 0, -1, y, height);
      y += height;
    }

  return y;
}

/* The content */

static void
build_header (CarnetSheetLayout *self,
              CarnetSheet       *sheet)
{
  CarnetAppointment *consultation = sheet->consultation;
  g_autofree char *day = format_long_date (sheet->start);
  g_autofree char *time = format_time (sheet->start);
  g_autofree char *when = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GString) details = g_string_new (carnet_appointment_get_title (consultation));
  const char *location = carnet_appointment_get_location (consultation);
  const char *practitioner = carnet_appointment_get_practitioner (consultation);

  if (*sheet->person != '\0')
    /* Translators: the title of the consultation sheet; %s is the person's name */
    title = g_strdup_printf (_("Consultation sheet — %s"), sheet->person);
  else
    title = g_strdup (_("Consultation sheet"));
  add_text (self, FONT_TITLE, title, 0, 0);

  if (carnet_appointment_get_all_day (consultation))
    when = g_steal_pointer (&day);
  else
    when = g_strdup_printf (C_("date and time", "%s at %s"), day, time);
  add_text (self, FONT_HEADING, when, 0, 6);

  if (location != NULL)
    {
      /* Translators: where a consultation takes place, on the sheet */
      g_string_append (details, "\n");
      g_string_append_printf (details, _("Place: %s"), location);
    }
  if (practitioner != NULL)
    {
      g_string_append (details, "\n");
      /* Translators: whom the consultation is with, on the sheet */
      g_string_append_printf (details, _("With: %s"), practitioner);
    }
  add_text (self, FONT_BODY, details->str, 0, 4);
}

static void
build_questions (CarnetSheetLayout *self,
                 CarnetSheet       *sheet)
{
  add_heading (self, _("Questions to ask"));

  if (sheet->questions->len == 0)
    {
      add_note (self, _("No open question for this consultation."));
      return;
    }

  for (guint i = 0; i < sheet->questions->len; i++)
    {
      CarnetQuestion *question = g_ptr_array_index (sheet->questions, i);
      g_autofree char *text = g_strdup_printf ("%u.\t%s%s", i + 1, carnet_question_get_text (question),
                                               author_note (question));
      PangoTabArray *tabs;
      Block *lines;
      Block *block;

      /* The question stays with the room to write its answer; its lines
       * after the first hang under the text, not under the number. */
      block = add_text (self, FONT_BODY, text, 0, i == 0 ? 6 : 10);
      block->keep_with_next = TRUE;
      pango_layout_set_indent (block->layout, (int) (-QUESTION_INDENT * PANGO_SCALE));
      tabs = pango_tab_array_new_with_positions (1, FALSE, PANGO_TAB_LEFT,
                                                 (int) (QUESTION_INDENT * PANGO_SCALE));
      pango_layout_set_tabs (block->layout, tabs);
      pango_tab_array_free (tabs);
      lines = add_block (self, BLOCK_LINES, 0);
      lines->n_lines = ANSWER_LINES;
      lines->indent = QUESTION_INDENT;
    }
}

static void
build_symptoms (CarnetSheetLayout *self,
                CarnetSheet       *sheet,
                const char        *since)
{
  static const double shares[] = { 3, 2, 2, 2, 1.6 };
  g_autofree char *heading = NULL;
  const char *titles[5];
  Block *header;

  if (sheet->previous != NULL)
    /* Translators: %s is the date of the previous consultation */
    heading = g_strdup_printf (_("Side effects since the last consultation (%s)"), since);
  else
    /* Translators: %s is a date */
    heading = g_strdup_printf (_("Side effects since %s"), since);
  add_heading (self, heading);

  if (sheet->symptoms->len == 0)
    {
      add_note (self, _("No side effect noted."));
      return;
    }

  set_columns (self->symptom_columns, shares, 5, self->width);
  titles[0] = _("Symptom");
  titles[1] = _("Worst");
  titles[2] = _("First day");
  titles[3] = _("Last day");
  titles[4] = _("Cycle day");
  header = add_row (self, self->symptom_columns, 5, NULL, titles, NULL);

  for (guint i = 0; i < sheet->symptoms->len; i++)
    {
      CarnetSheetSymptom *symptom = g_ptr_array_index (sheet->symptoms, i);
      g_autofree char *name = shorten (symptom->symptom);
      g_autofree char *first = format_date (symptom->first);
      g_autofree char *last = format_date (symptom->last);
      g_autofree char *worst = g_strdup_printf ("%s (%d/4)", carnet_severity_label (symptom->worst),
                                                symptom->worst);
      const char *cells[] = { name, worst, first, last, symptom->cycle != NULL ? symptom->cycle : "" };
      const gboolean bold[] = { FALSE, symptom->worst >= 3, FALSE, FALSE, FALSE };
      Block *row = add_row (self, self->symptom_columns, 5, header, cells, bold);

      row->shaded = i % 2 == 1;
    }
}

static void
build_results (CarnetSheetLayout *self,
               CarnetSheet       *sheet,
               const char        *since)
{
  static const double shares[] = { 1.55, 2.0, 2.4, 1.45, 1.2, 2.2, 1.2 };
  g_autofree char *heading = NULL;
  const char *titles[7];
  Block *header;

  if (sheet->previous != NULL)
    /* Translators: %s is the date of the previous consultation */
    heading = g_strdup_printf (_("Results since the last consultation (%s)"), since);
  else
    /* Translators: %s is a date */
    heading = g_strdup_printf (_("Results since %s"), since);
  add_heading (self, heading);

  if (sheet->results->len == 0)
    {
      add_note (self, _("No result since then."));
      return;
    }

  set_columns (self->result_columns, shares, 7, self->width);
  titles[0] = _("Date");
  titles[1] = _("Test");
  titles[2] = _("Value");
  titles[3] = _("Reference");
  titles[4] = _("Flag");
  titles[5] = _("Change");
  /* Translators: a column of small charts of the values of a test */
  titles[6] = _("Trend");
  header = add_row (self, self->result_columns, 7, NULL, titles, NULL);

  for (guint i = 0; i < sheet->results->len; i++)
    {
      CarnetSheetResult *item = g_ptr_array_index (sheet->results, i);
      CarnetResult *result = item->result;
      CarnetFlag flag = carnet_result_get_flag (result);
      g_autofree char *date = format_date (carnet_result_get_at (result));
      g_autofree char *name = shorten (carnet_result_get_name (result));
      g_autofree char *value = format_value (result);
      g_autofree char *range = format_range (result);
      g_autofree char *change = format_change (item);
      gboolean abnormal = flag == CARNET_FLAG_LOW || flag == CARNET_FLAG_HIGH;
      const char *cells[] = { date, name, value, range, carnet_flag_label (flag), change, "" };
      const gboolean bold[] = { FALSE, FALSE, abnormal, FALSE, abnormal, FALSE, FALSE };
      Block *row = add_row (self, self->result_columns, 7, header, cells, bold);

      row->shaded = i % 2 == 1;
      if (item->trend != NULL && item->trend->points->len >= 2)
        {
          GArray *points = item->trend->points;
          gint64 first = g_array_index (points, CarnetChartPoint, 0).at;
          gint64 last = g_array_index (points, CarnetChartPoint, points->len - 1).at;
          gint64 pad = MAX ((last - first) / 20, 1);

          row->sparkline = carnet_chart_series_copy (item->trend);
          row->chart_from = first - pad;
          row->chart_to = last + pad;
        }
    }
}

/* Small charts of the values that changed, three side by side. */
static void
build_charts (CarnetSheetLayout *self,
              CarnetSheet       *sheet)
{
  g_autoptr(GDateTime) from = NULL;
  Block *block = NULL;

  if (sheet->charts->len == 0)
    return;

  from = g_date_time_add_days (sheet->start, -CARNET_SHEET_CHART_DAYS);
  add_heading (self, _("The values that changed, over the last 12 months"));
  for (guint i = 0; i < sheet->charts->len; i++)
    {
      CarnetChartSeries *series = g_ptr_array_index (sheet->charts, i);
      g_autofree char *name = shorten (series->name);
      PangoLayout *title;
      PangoAttrList *attributes;

      if (block == NULL || block->charts->len == CHARTS_PER_ROW)
        {
          block = add_block (self, BLOCK_CHARTS, block == NULL ? 6 : 10);
          block->charts = g_ptr_array_new_with_free_func ((GDestroyNotify) carnet_chart_series_free);
          block->titles = g_ptr_array_new_with_free_func (g_object_unref);
          block->chart_from = g_date_time_to_unix (from);
          /* A few days after, so the latest value is off the edge. */
          block->chart_to = g_date_time_to_unix (sheet->start) + 7 * 86400;
        }
      title = new_layout (self, FONT_TABLE, name, self->width / CHARTS_PER_ROW - COLUMN_GAP);
      attributes = pango_attr_list_new ();
      pango_attr_list_insert (attributes, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      pango_layout_set_attributes (title, attributes);
      pango_attr_list_unref (attributes);
      g_ptr_array_add (block->titles, title);
      g_ptr_array_add (block->charts, carnet_chart_series_copy (series));
    }
}

static void
build_treatments (CarnetSheetLayout *self,
                  CarnetSheet       *sheet)
{
  static const double shares[] = { 2.6, 2, 1.6, 3.2 };
  const char *titles[4];
  Block *header;

  add_heading (self, _("Current treatments"));

  if (sheet->treatments->len == 0)
    {
      add_note (self, _("No treatment going on."));
      return;
    }

  set_columns (self->treatment_columns, shares, 4, self->width);
  titles[0] = _("Treatment");
  titles[1] = _("Kind");
  titles[2] = _("Since");
  titles[3] = _("Cycle");
  header = add_row (self, self->treatment_columns, 4, NULL, titles, NULL);

  for (guint i = 0; i < sheet->treatments->len; i++)
    {
      CarnetSheetTreatment *item = g_ptr_array_index (sheet->treatments, i);
      CarnetTreatment *treatment = item->treatment;
      const GDate *start = carnet_treatment_get_start (treatment);
      g_autoptr(GDateTime) start_time = g_date_time_new_local (g_date_get_year (start),
                                                               g_date_get_month (start),
                                                               g_date_get_day (start), 12, 0, 0);
      g_autofree char *since = format_date (start_time);
      g_autofree char *name = shorten (carnet_treatment_get_name (treatment));
      g_autofree char *cycle = NULL;
      const char *cells[4];
      Block *row;

      if (item->cycle != NULL)
        /* Translators: "C3 D8 (6 cycles of 21 days)" */
        cycle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s (%u cycle of %u days)",
                                              "%s (%u cycles of %u days)",
                                              carnet_treatment_get_cycles (treatment)),
                                 item->cycle, carnet_treatment_get_cycles (treatment),
                                 carnet_treatment_get_cycle_days (treatment));
      else
        cycle = g_strdup ("");

      cells[0] = name;
      cells[1] = carnet_treatment_kind_label (carnet_treatment_get_kind (treatment));
      cells[2] = since;
      cells[3] = cycle;
      row = add_row (self, self->treatment_columns, 4, header, cells, NULL);
      row->shaded = i % 2 == 1;
    }
}

/* Room for notes in what is left of the last page: a sheet that fits on
 * one page stays on one page. */
static void
build_notes (CarnetSheetLayout *self,
             double             end)
{
  g_autoptr(PangoLayout) probe = new_layout (self, FONT_HEADING, _("Notes"), self->width);
  double room = self->height - FOOTER_HEIGHT - end - SECTION_GAP - layout_height (probe) - 6 - 4 - 6;
  guint n_lines = (guint) MAX (0.0, floor (room / LINE_GAP));
  Block *lines;

  if (n_lines < MIN_NOTE_LINES)
    return;

  add_heading (self, _("Notes"));
  lines = add_block (self, BLOCK_LINES, 4);
  lines->n_lines = MIN (n_lines, MAX_NOTE_LINES);
}

/* Drawing */

static void
set_grey (cairo_t *cr,
          double   level)
{
  cairo_set_source_rgb (cr, level, level, level);
}

static void
draw_placement (CarnetSheetLayout *self,
                cairo_t           *cr,
                Placement         *placement)
{
  Block *block = placement->block;
  double y = placement->y;

  switch (block->kind)
    {
    case BLOCK_TEXT:
      cairo_save (cr);
      set_grey (cr, 0);
      if (placement->n_lines >= 0)
        {
          g_autoptr(GArray) tops = line_tops (block->layout);
          double top = g_array_index (tops, double, placement->first_line);

          cairo_rectangle (cr, block->indent, y, self->width - block->indent, placement->height);
          cairo_clip (cr);
          cairo_move_to (cr, block->indent, y - top);
        }
      else
        {
          cairo_move_to (cr, block->indent, y);
        }
      pango_cairo_show_layout (cr, block->layout);
      cairo_restore (cr);
      break;

    case BLOCK_ROW:
      cairo_save (cr);
      if (block->is_header || block->shaded)
        {
          set_grey (cr, block->is_header ? 0.88 : 0.95);
          cairo_rectangle (cr, 0, y, self->width, placement->height);
          cairo_fill (cr);
        }
      set_grey (cr, 0);
      for (guint i = 0; i < block->cells->len; i++)
        {
          cairo_move_to (cr, block->columns[i].x + CELL_PADDING, y + CELL_PADDING);
          pango_cairo_show_layout (cr, g_ptr_array_index (block->cells, i));
        }
      if (block->sparkline != NULL)
        {
          const Column *column = &block->columns[block->cells->len - 1];
          CarnetChartPalette palette;

          carnet_chart_palette_init (&palette, FALSE);
          cairo_translate (cr, column->x + CELL_PADDING, y + CELL_PADDING);
          carnet_chart_draw_sparkline (block->sparkline, cr, &palette, block->chart_from, block->chart_to,
                                       column->width - 2 * CELL_PADDING,
                                       MAX (placement->height - 2 * CELL_PADDING, 8));
        }
      cairo_restore (cr);
      break;

    case BLOCK_RULE:
      cairo_save (cr);
      set_grey (cr, 0.3);
      cairo_set_line_width (cr, 0.8);
      cairo_move_to (cr, 0, y + 1.5);
      cairo_line_to (cr, self->width, y + 1.5);
      cairo_stroke (cr);
      cairo_restore (cr);
      break;

    case BLOCK_CHARTS:
      {
        CarnetChartPalette palette;
        double title_height = block_height (block) - CHART_HEIGHT - 2;
        double chart_width = self->width / CHARTS_PER_ROW - COLUMN_GAP;

        /* On paper: the light palette, the text black. */
        carnet_chart_palette_init (&palette, FALSE);
        palette.foreground = (CarnetChartColor) { 0, 0, 0, 0.85 };
        for (guint i = 0; i < block->charts->len; i++)
          {
            CarnetChartSeries *series = g_ptr_array_index (block->charts, i);
            g_autoptr(CarnetChartLayout) chart = NULL;
            double x = i * self->width / CHARTS_PER_ROW;

            cairo_save (cr);
            set_grey (cr, 0);
            cairo_move_to (cr, x, y);
            pango_cairo_show_layout (cr, g_ptr_array_index (block->titles, i));
            cairo_translate (cr, x, y + title_height + 2);
            chart = carnet_chart_layout_new_for_text (series, self->context, FONT_CHART,
                                                      block->chart_from, block->chart_to,
                                                      chart_width, CHART_HEIGHT);
            carnet_chart_draw (series, chart, cr, self->context, FONT_CHART, &palette);
            cairo_restore (cr);
          }
      }
      break;

    case BLOCK_LINES:
    default:
      cairo_save (cr);
      set_grey (cr, 0.7);
      cairo_set_line_width (cr, 0.5);
      for (guint i = 1; i <= block->n_lines; i++)
        {
          cairo_move_to (cr, block->indent, y + i * LINE_GAP);
          cairo_line_to (cr, self->width, y + i * LINE_GAP);
        }
      cairo_stroke (cr);
      cairo_restore (cr);
      break;
    }
}

static void
draw_footer (CarnetSheetLayout *self,
             cairo_t           *cr,
             guint              page)
{
  g_autofree char *number = g_strdup_printf (_("Page %u of %u"), page + 1, self->pages->len);
  g_autoptr(PangoLayout) left = new_layout (self, FONT_SMALL, self->footer, self->width * 0.7);
  g_autoptr(PangoLayout) right = new_layout (self, FONT_SMALL, number, self->width * 0.3);
  double y = self->height - layout_height (left);

  pango_layout_set_alignment (right, PANGO_ALIGN_RIGHT);
  pango_layout_set_ellipsize (left, PANGO_ELLIPSIZE_END);

  cairo_save (cr);
  set_grey (cr, 0.35);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, 0, y - 4);
  cairo_line_to (cr, self->width, y - 4);
  cairo_stroke (cr);
  cairo_move_to (cr, 0, y);
  pango_cairo_show_layout (cr, left);
  cairo_move_to (cr, self->width * 0.7, y);
  pango_cairo_show_layout (cr, right);
  cairo_restore (cr);
}

static cairo_status_t
append_to_array (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* Public API */

/**
 * carnet_sheet_new:
 * @appointment_id: the consultation, or 0 for the next planned one
 *
 * Returns: (transfer full): the sheet, or %NULL with @error set
 *   (%CARNET_ERROR_NOT_FOUND when no consultation is planned)
 */
CarnetSheet *
carnet_sheet_new (CarnetNotebook  *notebook,
                  gint64           appointment_id,
                  GError         **error)
{
  g_autoptr(CarnetSheet) sheet = NULL;
  g_autoptr(CarnetRecord) record = NULL;
  gint64 next;

  g_return_val_if_fail (CARNET_IS_NOTEBOOK (notebook), NULL);

  next = carnet_notebook_next_consultation (notebook, error);
  if (next < 0)
    return NULL;

  if (appointment_id == 0)
    {
      if (next == 0)
        {
          g_set_error (error, CARNET_ERROR, CARNET_ERROR_NOT_FOUND,
                       _("No consultation is planned."));
          return NULL;
        }
      appointment_id = next;
    }

  record = carnet_notebook_get (notebook, CARNET_RECORD_APPOINTMENT, appointment_id, error);
  if (record == NULL)
    return NULL;

  sheet = g_new0 (CarnetSheet, 1);
  sheet->person = g_strdup (carnet_notebook_get_person (notebook));
  sheet->consultation = CARNET_APPOINTMENT (g_steal_pointer (&record));
  sheet->made = carnet_clock_get_now (carnet_notebook_get_clock (notebook));
  sheet->start = choose_occurrence (sheet->consultation, sheet->made);
  sheet->questions = g_ptr_array_new_with_free_func (g_object_unref);
  sheet->symptoms = g_ptr_array_new_with_free_func ((GDestroyNotify) symptom_free);
  sheet->results = g_ptr_array_new_with_free_func ((GDestroyNotify) sheet_result_free);
  sheet->treatments = g_ptr_array_new_with_free_func ((GDestroyNotify) sheet_treatment_free);
  sheet->charts = g_ptr_array_new_with_free_func ((GDestroyNotify) carnet_chart_series_free);

  if (!find_previous (notebook, sheet->start, &sheet->previous, error))
    return NULL;

  sheet->since = sheet->previous != NULL ? g_date_time_ref (sheet->previous)
                                         : g_date_time_add_days (sheet->start, -CARNET_SHEET_DEFAULT_DAYS);

  if (!gather_questions (sheet, notebook, appointment_id, appointment_id == next, error) ||
      !gather_symptoms (sheet, notebook, error) ||
      !gather_results (sheet, notebook, error) ||
      !gather_treatments (sheet, notebook, error))
    return NULL;

  return g_steal_pointer (&sheet);
}

void
carnet_sheet_free (CarnetSheet *sheet)
{
  if (sheet == NULL)
    return;

  g_free (sheet->person);
  g_clear_object (&sheet->consultation);
  g_clear_pointer (&sheet->start, g_date_time_unref);
  g_clear_pointer (&sheet->previous, g_date_time_unref);
  g_clear_pointer (&sheet->since, g_date_time_unref);
  g_clear_pointer (&sheet->questions, g_ptr_array_unref);
  g_clear_pointer (&sheet->symptoms, g_ptr_array_unref);
  g_clear_pointer (&sheet->results, g_ptr_array_unref);
  g_clear_pointer (&sheet->treatments, g_ptr_array_unref);
  g_clear_pointer (&sheet->charts, g_ptr_array_unref);
  g_clear_pointer (&sheet->made, g_date_time_unref);
  g_free (sheet);
}

/**
 * carnet_sheet_layout_new:
 * @context: where the text will be drawn (pango_cairo_create_context(), or
 *   gtk_print_context_create_pango_context()), at 72 dots per inch so that
 *   one unit is one point
 * @width: the width to fill, in points (the page minus its margins)
 * @height: the height of a page's printable area, in points
 *
 * Lays the sheet out on as many pages as it takes.
 */
CarnetSheetLayout *
carnet_sheet_layout_new (CarnetSheet  *sheet,
                         PangoContext *context,
                         double        width,
                         double        height)
{
  CarnetSheetLayout *self;
  g_autofree char *since = NULL;
  g_autofree char *made = NULL;
  guint n_blocks;
  double end;

  g_return_val_if_fail (sheet != NULL, NULL);
  g_return_val_if_fail (PANGO_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (width > 100 && height > 100, NULL);

  self = g_new0 (CarnetSheetLayout, 1);
  self->context = g_object_ref (context);
  self->width = width;
  self->height = height;
  self->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);

  since = format_full_date (sheet->since);
  made = format_full_date (sheet->made);
  if (*sheet->person != '\0')
    /* Translators: the foot of each page: the person, and when the sheet was made */
    self->footer = g_strdup_printf (_("Carnet · %s · made on %s"), sheet->person, made);
  else
    self->footer = g_strdup_printf (_("Carnet · made on %s"), made);

  build_header (self, sheet);
  build_questions (self, sheet);
  build_symptoms (self, sheet, since);
  build_results (self, sheet, since);
  build_treatments (self, sheet);

  /* The charts, where they do not make a sheet of one page two. */
  n_blocks = self->blocks->len;
  end = paginate (self);
  if (sheet->charts->len > 0)
    {
      guint n_pages = self->pages->len;

      build_charts (self, sheet);
      end = paginate (self);
      if (n_pages == 1 && self->pages->len > 1)
        {
          g_ptr_array_set_size (self->blocks, n_blocks);
          end = paginate (self);
        }
    }

  n_blocks = self->blocks->len;
  build_notes (self, end);
  if (self->blocks->len != n_blocks)
    paginate (self);

  return self;
}

guint
carnet_sheet_layout_get_n_pages (CarnetSheetLayout *layout)
{
  g_return_val_if_fail (layout != NULL, 0);

  return layout->pages->len;
}

/**
 * carnet_sheet_layout_draw_page:
 * @cr: drawn in points, the origin at the top left of the printable area
 * @page: from 0
 */
void
carnet_sheet_layout_draw_page (CarnetSheetLayout *layout,
                               cairo_t           *cr,
                               guint              page)
{
  GArray *placements;

  g_return_if_fail (layout != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page < layout->pages->len);

  placements = g_ptr_array_index (layout->pages, page);
  for (guint i = 0; i < placements->len; i++)
    draw_placement (layout, cr, &g_array_index (placements, Placement, i));

  draw_footer (layout, cr, page);
}

void
carnet_sheet_layout_free (CarnetSheetLayout *layout)
{
  if (layout == NULL)
    return;

  g_clear_pointer (&layout->blocks, g_ptr_array_unref);
  g_clear_pointer (&layout->pages, g_ptr_array_unref);
  g_clear_object (&layout->context);
  g_free (layout->footer);
  g_free (layout);
}

/**
 * carnet_sheet_to_pdf:
 *
 * Returns: (transfer full): the sheet as a PDF, A4, or %NULL with @error set
 */
GBytes *
carnet_sheet_to_pdf (CarnetSheet  *sheet,
                     GError      **error)
{
  g_autoptr(GByteArray) data = g_byte_array_new ();
  g_autoptr(CarnetSheetLayout) layout = NULL;
  PangoFontMap *font_map;
  PangoContext *context;
  g_autofree char *title = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  g_return_val_if_fail (sheet != NULL, NULL);

  surface = cairo_pdf_surface_create_for_stream (append_to_array, data,
                                                 CARNET_SHEET_A4_WIDTH, CARNET_SHEET_A4_HEIGHT);
  title = g_strdup_printf ("%s — %s", _("Consultation sheet"), sheet->person);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                  *sheet->person != '\0' ? title : _("Consultation sheet"));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Carnet " PACKAGE_VERSION);
  cr = cairo_create (surface);

  /* A font map of its own, let go of once the sheet is drawn, rather than
   * the process-wide one that would keep fontconfig's patterns to the end. */
  font_map = pango_cairo_font_map_new ();
  context = pango_font_map_create_context (font_map);
  pango_cairo_update_context (cr, context);
  pango_cairo_context_set_resolution (context, 72);
  layout = carnet_sheet_layout_new (sheet, context,
                                    CARNET_SHEET_A4_WIDTH - 2 * CARNET_SHEET_MARGIN,
                                    CARNET_SHEET_A4_HEIGHT - 2 * CARNET_SHEET_MARGIN);
  g_object_unref (context);

  for (guint page = 0; page < carnet_sheet_layout_get_n_pages (layout); page++)
    {
      cairo_save (cr);
      cairo_translate (cr, CARNET_SHEET_MARGIN, CARNET_SHEET_MARGIN);
      carnet_sheet_layout_draw_page (layout, cr, page);
      cairo_restore (cr);
      cairo_show_page (cr);
    }

  cairo_destroy (cr);
  g_clear_pointer (&layout, carnet_sheet_layout_free);
  g_object_unref (font_map);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, CARNET_ERROR, CARNET_ERROR_FAILED,
                   _("The consultation sheet could not be made (%s)."), cairo_status_to_string (status));
      return NULL;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}
