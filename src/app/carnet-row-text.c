/* carnet-row-text.c: what a row of a page says about a record
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "carnet-app"

#include "config.h"

#include "carnet-row-text.h"

#include <glib/gi18n.h>
#include <math.h>

#include "carnet-format.h"

/* Takes @text, returns it with a capital first letter: French months are
 * lower case, but a heading starts with a capital. */
static char *
capitalize (char *text)
{
  g_autofree char *owned = text;
  gunichar first;
  char buf[6];
  int len;

  if (owned == NULL || *owned == '\0')
    return g_steal_pointer (&owned);

  first = g_utf8_get_char (owned);
  if (!g_unichar_islower (first))
    return g_steal_pointer (&owned);

  len = g_unichar_to_utf8 (g_unichar_totitle (first), buf);
  return g_strdup_printf ("%.*s%s", len, buf, g_utf8_next_char (owned));
}

/* Joins the non-empty parts of @parts with @separator; NULL when all are empty. */
static char *
join_parts (const char  *separator,
            const char **parts,
            guint        n_parts)
{
  g_autoptr(GString) joined = g_string_new (NULL);

  for (guint i = 0; i < n_parts; i++)
    {
      if (parts[i] == NULL || *parts[i] == '\0')
        continue;
      if (joined->len > 0)
        g_string_append (joined, separator);
      g_string_append (joined, parts[i]);
    }

  if (joined->len == 0)
    return NULL;

  return g_string_free (g_steal_pointer (&joined), FALSE);
}

#define JOIN(separator, ...) \
  join_parts ((separator), (const char *[]) { __VA_ARGS__ }, \
              sizeof ((const char *[]) { __VA_ARGS__ }) / sizeof (const char *))

/* A middle dot between the parts of a line: "Blood test · Dr Rousseau". */
#define DOT " · "

/* The first line of @text, or NULL when it has none. */
static char *
first_line (const char *text)
{
  const char *end;

  if (text == NULL)
    return NULL;

  while (*text == '\n' || *text == ' ')
    text++;
  if (*text == '\0')
    return NULL;

  end = strchr (text, '\n');
  return end != NULL ? g_strndup (text, end - text) : g_strdup (text);
}

static char *
format_date (GDateTime *date,
             GDateTime *now)
{
  return carnet_format_when (date, TRUE, now);
}

/* A calendar date at midnight, in the time zone of @now. */
static GDateTime *
date_to_time (const GDate *date,
              GDateTime   *now)
{
  return g_date_time_new (g_date_time_get_timezone (now),
                          g_date_get_year (date),
                          g_date_get_month (date),
                          g_date_get_day (date),
                          0, 0, 0);
}

/* "March 3, 2026", in the words carnet_format_when() uses for another year. */
static char *
format_full_date (const GDate *date,
                  GDateTime   *now)
{
  g_autoptr(GDateTime) time = date_to_time (date, now);

  /* Translators: a date in another year, as g_date_time_format() writes it. */
  return g_date_time_format (time, C_("date in another year", "%B %-d, %Y"));
}

static GDate *
today_of (GDateTime *now)
{
  return carnet_date_from_time (now);
}

/* Whether an occurrence is over: it ended, or an all-day one's day has passed. */
static gboolean
occurrence_is_over (CarnetOccurrence *occurrence,
                    GDateTime        *now)
{
  GDateTime *end = carnet_occurrence_get_end (occurrence);

  if (end == NULL)
    end = carnet_occurrence_get_start (occurrence);

  return g_date_time_compare (end, now) <= 0;
}

static char *
format_number (double value)
{
  /* %g writes the locale's decimal separator: "10,6" in French. */
  return g_strdup_printf ("%g", value);
}

static char *
format_range (CarnetResult *result)
{
  double low = carnet_result_get_low (result);
  double high = carnet_result_get_high (result);
  g_autofree char *low_text = NULL;
  g_autofree char *high_text = NULL;

  if (isnan (low) && isnan (high))
    return NULL;

  if (!isnan (low))
    low_text = format_number (low);
  if (!isnan (high))
    high_text = format_number (high);

  if (low_text != NULL && high_text != NULL)
    /* Translators: a result's reference range, from its lowest to its highest normal value. */
    return g_strdup_printf (_("Normal range %s–%s"), low_text, high_text);
  if (low_text != NULL)
    /* Translators: a result's reference range that has only a lowest normal value. */
    return g_strdup_printf (_("Normal above %s"), low_text);

  /* Translators: a result's reference range that has only a highest normal value. */
  return g_strdup_printf (_("Normal below %s"), high_text);
}

static const char *
flag_class (CarnetFlag flag)
{
  switch (flag)
    {
    case CARNET_FLAG_LOW:
      return "carnet-flag-low";
    case CARNET_FLAG_HIGH:
      return "carnet-flag-high";
    case CARNET_FLAG_NORMAL:
      return "carnet-flag-normal";
    case CARNET_FLAG_NONE:
    default:
      return NULL;
    }
}

static const char *
severity_class (int severity)
{
  static const char * const classes[] = {
    "carnet-severity-0", "carnet-severity-1", "carnet-severity-2",
    "carnet-severity-3", "carnet-severity-4",
  };

  if (severity < CARNET_SEVERITY_MIN || severity > CARNET_SEVERITY_MAX)
    return NULL;

  return classes[severity];
}

/* Whether @snippet, its match marks and ellipses aside, is @title. */
static gboolean
snippet_is_title (const char *snippet,
                  const char *title)
{
  g_autoptr(GString) plain = g_string_new (NULL);

  if (snippet == NULL || title == NULL)
    return snippet == NULL;

  for (const char *p = snippet; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != '[' && c != ']' && c != 0x2026)
        g_string_append_unichar (plain, c);
    }
  g_strstrip (plain->str);

  return g_strcmp0 (plain->str, title) == 0;
}

static int
compare_offsets_earliest_first (gconstpointer a,
                                gconstpointer b)
{
  guint minutes_a = carnet_offset_get_minutes (a);
  guint minutes_b = carnet_offset_get_minutes (b);

  return minutes_a < minutes_b ? 1 : minutes_a > minutes_b ? -1 : 0;
}

static void
set_editable (CarnetRowText *text,
              CarnetRecord  *record)
{
  text->kind = carnet_record_get_kind (record);
  text->id = carnet_record_get_id (record);
  text->icon_name = carnet_row_text_kind_icon (text->kind);
  text->editable = text->id > 0;
}

static void
describe_appointment (CarnetRowText     *text,
                      CarnetAppointment *appointment,
                      GDateTime         *now)
{
  GDateTime *start = carnet_appointment_get_start (appointment);
  CarnetStatus status = carnet_appointment_get_status (appointment);
  g_autofree char *when = NULL;
  const char *repeats = NULL;

  text->title = g_strdup (carnet_appointment_get_title (appointment));
  if (start != NULL)
    when = carnet_format_when (start, carnet_appointment_get_all_day (appointment), now);
  text->subtitle = JOIN ("\n", when, carnet_appointment_get_location (appointment));

  if (carnet_appointment_get_repeat (appointment) != NULL)
    repeats = _("Repeats");
  text->detail = JOIN (DOT,
                       carnet_appointment_kind_label (carnet_appointment_get_kind (appointment)),
                       carnet_appointment_get_practitioner (appointment),
                       repeats);

  if (status == CARNET_STATUS_PLANNED && start != NULL && g_date_time_compare (start, now) > 0)
    {
      text->badge = carnet_format_relative_day (start, now);
      text->badge_class = "carnet-countdown";
    }
  else
    {
      text->badge = g_strdup (carnet_status_label (status));
      text->badge_class = status == CARNET_STATUS_DONE ? "carnet-done" : NULL;
    }
}

static void
describe_result (CarnetRowText *text,
                 CarnetResult  *result,
                 GDateTime     *now)
{
  GDateTime *at = carnet_result_get_at (result);
  CarnetFlag flag = carnet_result_get_flag (result);
  g_autofree char *date = NULL;
  g_autofree char *value = NULL;
  g_autofree char *range = NULL;
  g_autofree char *report = NULL;
  g_autofree char *attachment = NULL;
  const char *name;

  text->title = g_strdup (carnet_result_get_name (result));
  if (at != NULL)
    date = format_date (at, now);
  text->subtitle = g_steal_pointer (&date);

  value = carnet_row_text_value (result);
  range = format_range (result);
  report = first_line (carnet_result_get_text (result));
  name = carnet_result_get_attachment_name (result);
  if (name != NULL)
    /* Translators: the name of the report file attached to a result. */
    attachment = g_strdup_printf (_("Attached: %s"), name);

  {
    g_autofree char *line = JOIN (DOT, value, range);

    text->detail = JOIN ("\n", line, report, attachment);
  }

  if (flag != CARNET_FLAG_NONE)
    {
      text->badge = g_strdup (carnet_flag_label (flag));
      text->badge_class = flag_class (flag);
    }
}

static void
describe_question (CarnetRowText  *text,
                   CarnetQuestion *question,
                   GDateTime      *now)
{
  GDateTime *created = carnet_question_get_created (question);
  CarnetQuestionStatus status = carnet_question_get_status (question);
  g_autofree char *date = NULL;
  g_autofree char *by = NULL;

  text->title = carnet_record_dup_title (CARNET_RECORD (question));
  if (created != NULL)
    date = format_date (created, now);
  /* Translators: who wrote a question: "By the patient", "By the caregiver"
   * would need their own strings; this is "Patient" or "Caregiver". */
  by = g_strdup_printf (C_("question author", "By: %s"),
                        carnet_author_label (carnet_question_get_author (question)));
  text->subtitle = JOIN (DOT, date, by);
  text->detail = g_strdup (carnet_question_get_answer (question));
  if (text->detail != NULL && *text->detail == '\0')
    g_clear_pointer (&text->detail, g_free);

  text->badge = g_strdup (carnet_question_status_label (status));
  text->badge_class = status == CARNET_QUESTION_OPEN ? "carnet-open" : "carnet-done";
}

/**
 * carnet_row_text_clear:
 *
 * Frees what @text holds and empties it.
 */
void
carnet_row_text_clear (CarnetRowText *text)
{
  g_clear_pointer (&text->title, g_free);
  g_clear_pointer (&text->subtitle, g_free);
  g_clear_pointer (&text->detail, g_free);
  g_clear_pointer (&text->badge, g_free);
  g_clear_pointer (&text->occurrence, g_date_time_unref);
  g_clear_pointer (&text->button_label, g_free);
  g_clear_pointer (&text->button_target, g_variant_unref);
  memset (text, 0, sizeof *text);
}

/**
 * carnet_row_text_kind_icon:
 *
 * Returns: the symbolic icon of a kind of record
 */
const char *
carnet_row_text_kind_icon (CarnetRecordKind kind)
{
  switch (kind)
    {
    case CARNET_RECORD_APPOINTMENT:
      return "x-office-calendar-symbolic";
    case CARNET_RECORD_RESULT:
      return "applications-science-symbolic";
    case CARNET_RECORD_SIDE_EFFECT:
      return "face-sick-symbolic";
    case CARNET_RECORD_QUESTION:
      return "carnet-question-symbolic";
    case CARNET_RECORD_TREATMENT:
      return "carnet-treatment-symbolic";
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * carnet_row_text_severity:
 * @severity: 0 to 4
 *
 * Returns: the severity as a word and a number: "Moderate (2)"
 */
char *
carnet_row_text_severity (int severity)
{
  const char *label = carnet_severity_label (severity);

  if (label == NULL)
    return g_strdup_printf ("%d", severity);

  /* Translators: a side effect's severity: its word and its number on the 0–4 scale. */
  return g_strdup_printf (C_("severity", "%s (%d)"), label, severity);
}

/**
 * carnet_row_text_reminders:
 *
 * Returns: "Reminders: 1 day before, 2 hours before", the earliest first, or
 *   "No reminder"
 */
char *
carnet_row_text_reminders (CarnetAppointment *appointment)
{
  g_autoptr(GArray) offsets = NULL;
  g_autoptr(GPtrArray) words = NULL;
  g_autofree char *list = NULL;
  guint n;

  g_return_val_if_fail (CARNET_IS_APPOINTMENT (appointment), NULL);

  offsets = carnet_appointment_dup_offsets (appointment);
  n = offsets != NULL ? offsets->len : 0;
  if (n == 0)
    return g_strdup (_("No reminder"));

  /* They come nearest first; a person reads them in the order they fire. */
  g_array_sort (offsets, compare_offsets_earliest_first);
  words = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (words, carnet_offset_describe (&g_array_index (offsets, CarnetOffset, i)));

  g_ptr_array_add (words, NULL);
  /* Translators: the separator between reminders: "1 day before, 2 hours before". */
  list = g_strjoinv (C_("list separator", ", "), (char **) words->pdata);

  /* Translators: an appointment's reminders, "%s" their list. */
  return g_strdup_printf (ngettext ("Reminder: %s", "Reminders: %s", n), list);
}

/**
 * carnet_row_text_questions:
 *
 * Returns: "2 questions to ask", or NULL for none
 */
char *
carnet_row_text_questions (guint open_questions)
{
  if (open_questions == 0)
    return NULL;

  return g_strdup_printf (ngettext ("%u question to ask", "%u questions to ask", open_questions),
                          open_questions);
}

/**
 * carnet_row_text_month:
 *
 * Returns: the heading of a month: "December 2026"
 */
char *
carnet_row_text_month (GDateTime *date)
{
  g_return_val_if_fail (date != NULL, NULL);

  /* Translators: a month heading, as g_date_time_format() writes it: %B the month, %Y the year. */
  return capitalize (g_date_time_format (date, C_("month heading", "%B %Y")));
}

/**
 * carnet_row_text_snippet_markup:
 * @snippet: a search hit's snippet, the match between "[" and "]"
 *
 * Returns: Pango markup with the match in bold
 */
char *
carnet_row_text_snippet_markup (const char *snippet)
{
  g_autoptr(GString) markup = g_string_new (NULL);
  gboolean open = FALSE;

  if (snippet == NULL)
    return g_strdup ("");

  for (const char *p = snippet; *p != '\0'; p++)
    {
      if (*p == '[' && !open)
        {
          g_string_append (markup, "<b>");
          open = TRUE;
        }
      else if (*p == ']' && open)
        {
          g_string_append (markup, "</b>");
          open = FALSE;
        }
      else
        {
          const char *next = g_utf8_next_char (p);
          g_autofree char *escaped = g_markup_escape_text (p, next - p);

          g_string_append (markup, escaped);
          p = next - 1;
        }
    }

  if (open)
    g_string_append (markup, "</b>");

  return g_string_free (g_steal_pointer (&markup), FALSE);
}

/**
 * carnet_row_text_value:
 *
 * Returns: a numeric result's value with its unit, "10.6 g/dL", or NULL for a text report
 */
char *
carnet_row_text_value (CarnetResult *result)
{
  g_autofree char *number = NULL;
  const char *unit;

  g_return_val_if_fail (CARNET_IS_RESULT (result), NULL);

  if (!carnet_result_has_value (result))
    return NULL;

  number = format_number (carnet_result_get_value (result));
  unit = carnet_result_get_unit (result);
  if (unit == NULL || *unit == '\0')
    return g_steal_pointer (&number);

  /* Translators: a value and its unit, "10.6 g/dL". */
  return g_strdup_printf (C_("value and unit", "%s %s"), number, unit);
}

/**
 * carnet_row_text_treatment_dates:
 *
 * Returns: "Since March 3, 2026", "From March 3, 2026 to June 5, 2026"…: whole
 *   dates, a treatment lasts months
 */
char *
carnet_row_text_treatment_dates (CarnetTreatment *treatment,
                                 GDateTime       *now)
{
  const GDate *start = carnet_treatment_get_start (treatment);
  const GDate *end = carnet_treatment_get_end (treatment);
  g_autoptr(GDate) today = NULL;
  g_autofree char *start_text = NULL;
  g_autofree char *end_text = NULL;

  g_return_val_if_fail (CARNET_IS_TREATMENT (treatment), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  if (start == NULL || !g_date_valid (start))
    return NULL;

  today = today_of (now);
  start_text = format_full_date (start, now);

  if (end != NULL && g_date_valid (end) && g_date_compare (start, end) == 0)
    /* Translators: the only day of a treatment (a surgery). */
    return g_strdup_printf (_("On %s"), start_text);

  if (end != NULL && g_date_valid (end))
    {
      end_text = format_full_date (end, now);
      /* Translators: a treatment's first and last days. */
      return g_strdup_printf (_("From %s to %s"), start_text, end_text);
    }

  if (g_date_compare (start, today) > 0)
    /* Translators: the first day of a treatment to come, without a last day yet. */
    return g_strdup_printf (_("Starts on %s"), start_text);

  /* Translators: the first day of a treatment that goes on. */
  return g_strdup_printf (_("Since %s"), start_text);
}

/**
 * carnet_row_text_for_record:
 * @treatment_name: (nullable): for a side effect, its treatment's name
 *
 * What the journal says of any record.
 */
void
carnet_row_text_for_record (CarnetRowText *text,
                            CarnetRecord  *record,
                            const char    *treatment_name,
                            GDateTime     *now)
{
  g_return_if_fail (text != NULL);
  g_return_if_fail (CARNET_IS_RECORD (record));
  g_return_if_fail (now != NULL);

  switch (carnet_record_get_kind (record))
    {
    case CARNET_RECORD_APPOINTMENT:
      set_editable (text, record);
      describe_appointment (text, CARNET_APPOINTMENT (record), now);
      break;
    case CARNET_RECORD_RESULT:
      set_editable (text, record);
      describe_result (text, CARNET_RESULT (record), now);
      break;
    case CARNET_RECORD_SIDE_EFFECT:
      carnet_row_text_for_side_effect (text, CARNET_SIDE_EFFECT (record), treatment_name, now);
      break;
    case CARNET_RECORD_QUESTION:
      set_editable (text, record);
      describe_question (text, CARNET_QUESTION (record), now);
      break;
    case CARNET_RECORD_TREATMENT:
      carnet_row_text_for_treatment (text, CARNET_TREATMENT (record), now);
      break;
    default:
      g_return_if_reached ();
    }
}

/**
 * carnet_row_text_for_occurrence:
 * @open_questions: how many open questions wait for it
 * @reminder_missed: whether its reminder fell due while nothing ran
 *
 * An occurrence on the Upcoming page: to come, with a countdown, its
 * reminders and questions; or over and not marked done, with a button to.
 */
void
carnet_row_text_for_occurrence (CarnetRowText    *text,
                                CarnetOccurrence *occurrence,
                                guint             open_questions,
                                gboolean          reminder_missed,
                                GDateTime        *now)
{
  CarnetAppointment *appointment;
  GDateTime *start;
  g_autofree char *when = NULL;

  g_return_if_fail (text != NULL);
  g_return_if_fail (CARNET_IS_OCCURRENCE (occurrence));
  g_return_if_fail (now != NULL);

  appointment = carnet_occurrence_get_appointment (occurrence);
  start = carnet_occurrence_get_start (occurrence);

  set_editable (text, CARNET_RECORD (appointment));
  text->occurrence = g_date_time_ref (start);
  text->title = g_strdup (carnet_appointment_get_title (appointment));
  when = carnet_format_when (start, carnet_appointment_get_all_day (appointment), now);
  text->subtitle = JOIN ("\n", when, carnet_appointment_get_location (appointment));

  if (carnet_occurrence_get_status (occurrence) == CARNET_STATUS_PLANNED &&
      occurrence_is_over (occurrence, now))
    {
      if (reminder_missed)
        text->detail = g_strdup (_("Its reminder could not be shown in time: Carnet was not running."));
      else
        text->detail = g_strdup (_("Not marked as done yet."));
      /* The heading says it is missed; the badge says since when. */
      text->badge = carnet_format_relative_day (start, now);
      text->badge_class = "carnet-missed";
      /* No mnemonic: every row has one of these. */
      text->button_label = g_strdup (_("Mark Done"));
      text->button_action = "record.mark-done";
      text->button_target = g_variant_ref_sink (g_variant_new ("(xx)", text->id,
                                                               g_date_time_to_unix (start)));
      return;
    }

  {
    g_autofree char *reminders = carnet_row_text_reminders (appointment);
    g_autofree char *questions = carnet_row_text_questions (open_questions);

    text->detail = JOIN ("\n", questions, reminders);
  }

  if (g_date_time_compare (start, now) <= 0)
    {
      /* Under way. */
      text->badge = g_strdup (_("Now"));
    }
  else
    {
      text->badge = carnet_format_relative_day (start, now);
    }
  text->badge_class = "carnet-countdown";
}

/**
 * carnet_row_text_for_side_effect:
 * @treatment_name: (nullable): the name of its treatment
 *
 * A side effect: its severity as a word and a number, its dates, its
 * treatment and cycle day.
 */
void
carnet_row_text_for_side_effect (CarnetRowText    *text,
                                 CarnetSideEffect *side_effect,
                                 const char       *treatment_name,
                                 GDateTime        *now)
{
  GDateTime *at;
  GDateTime *until;
  g_autofree char *from_text = NULL;
  g_autofree char *until_text = NULL;
  g_autofree char *notes = NULL;
  g_autofree char *treatment_line = NULL;

  g_return_if_fail (text != NULL);
  g_return_if_fail (CARNET_IS_SIDE_EFFECT (side_effect));
  g_return_if_fail (now != NULL);

  set_editable (text, CARNET_RECORD (side_effect));
  text->title = g_strdup (carnet_side_effect_get_symptom (side_effect));

  at = carnet_side_effect_get_at (side_effect);
  until = carnet_side_effect_get_until (side_effect);
  if (at != NULL)
    from_text = format_date (at, now);
  if (until != NULL)
    until_text = format_date (until, now);

  if (from_text != NULL && until_text != NULL && g_strcmp0 (from_text, until_text) != 0)
    /* Translators: when a side effect began and ended: "Monday, July 6 – Friday, July 10". */
    text->subtitle = g_strdup_printf (C_("date range", "%s – %s"), from_text, until_text);
  else
    text->subtitle = g_steal_pointer (&from_text);

  treatment_line = JOIN (DOT, treatment_name, carnet_side_effect_get_cycle (side_effect));
  notes = first_line (carnet_side_effect_get_notes (side_effect));
  text->detail = JOIN ("\n", treatment_line, notes);

  text->badge = carnet_row_text_severity (carnet_side_effect_get_severity (side_effect));
  text->badge_class = severity_class (carnet_side_effect_get_severity (side_effect));
}

/**
 * carnet_row_text_for_treatment:
 *
 * A treatment: its kind, dates, cycles, and where it stands today.
 */
void
carnet_row_text_for_treatment (CarnetRowText   *text,
                               CarnetTreatment *treatment,
                               GDateTime       *now)
{
  g_autoptr(GDate) today = NULL;
  g_autofree char *cycles = NULL;
  g_autofree char *cycle_today = NULL;
  g_autofree char *today_text = NULL;
  const GDate *start;
  const GDate *end;
  guint cycle_days;
  guint n_cycles;

  g_return_if_fail (text != NULL);
  g_return_if_fail (CARNET_IS_TREATMENT (treatment));
  g_return_if_fail (now != NULL);

  set_editable (text, CARNET_RECORD (treatment));
  today = today_of (now);
  start = carnet_treatment_get_start (treatment);
  end = carnet_treatment_get_end (treatment);

  text->title = g_strdup (carnet_treatment_get_name (treatment));
  text->subtitle = carnet_row_text_treatment_dates (treatment, now);

  cycle_days = carnet_treatment_get_cycle_days (treatment);
  n_cycles = carnet_treatment_get_cycles (treatment);
  if (cycle_days > 0 && n_cycles > 0)
    /* Translators: a cyclic treatment: "6 cycles of 21 days". */
    cycles = g_strdup_printf (ngettext ("%u cycle of %u days", "%u cycles of %u days", n_cycles),
                              n_cycles, cycle_days);
  else if (cycle_days > 0)
    cycles = g_strdup_printf (ngettext ("Cycles of %u day", "Cycles of %u days", cycle_days),
                              cycle_days);

  if (carnet_treatment_is_current (treatment, today))
    {
      cycle_today = carnet_treatment_cycle_day (treatment, today);
      if (cycle_today != NULL)
        /* Translators: where a cyclic treatment stands today: "Today: C3 D8". */
        today_text = g_strdup_printf (_("Today: %s"), cycle_today);
      text->badge = g_strdup (_("Ongoing"));
      text->badge_class = "carnet-current";
    }
  else if (start != NULL && g_date_valid (start) && g_date_compare (start, today) > 0)
    {
      text->badge = g_strdup (C_("treatment", "Planned"));
    }
  else if (end != NULL && g_date_valid (end))
    {
      text->badge = g_strdup (_("Finished"));
      text->badge_class = "carnet-done";
    }

  text->detail = JOIN (DOT,
                       carnet_treatment_kind_label (carnet_treatment_get_kind (treatment)),
                       cycles, today_text);
}

/**
 * carnet_row_text_for_trashed:
 *
 * A record in the trash: what it was, when it was deleted, when it goes for
 * good, and a button to restore it.
 */
void
carnet_row_text_for_trashed (CarnetRowText *text,
                             CarnetRecord  *record,
                             GDateTime     *now)
{
  GDateTime *trashed;
  g_autofree char *deleted = NULL;
  const char *kind_nick;

  g_return_if_fail (text != NULL);
  g_return_if_fail (CARNET_IS_RECORD (record));
  g_return_if_fail (now != NULL);

  text->kind = carnet_record_get_kind (record);
  text->id = carnet_record_get_id (record);
  text->icon_name = carnet_row_text_kind_icon (text->kind);
  text->title = carnet_record_dup_title (record);

  trashed = carnet_record_get_trashed (record);
  if (trashed != NULL)
    {
      g_autoptr(GDate) day = carnet_date_from_time (trashed);
      g_autoptr(GDate) today = today_of (now);
      int ago = MAX (0, g_date_days_between (day, today));
      int left = MAX (0, CARNET_TRASH_DAYS - ago);
      g_autofree char *when = NULL;
      g_autofree char *remaining = NULL;

      if (ago == 0)
        when = g_strdup (_("Deleted today"));
      else
        when = g_strdup_printf (ngettext ("Deleted yesterday", "Deleted %d days ago", ago), ago);
      remaining = g_strdup_printf (ngettext ("Removed for good in %d day",
                                             "Removed for good in %d days", left), left);
      deleted = JOIN (DOT, when, remaining);
    }

  text->subtitle = JOIN (DOT, carnet_record_kind_label (text->kind), NULL);
  text->detail = g_steal_pointer (&deleted);

  kind_nick = carnet_enum_to_nick (CARNET_TYPE_RECORD_KIND, text->kind);
  /* No mnemonic: every row has one of these. */
  text->button_label = g_strdup (_("Restore"));
  text->button_action = "record.restore";
  text->button_target = g_variant_ref_sink (g_variant_new ("(sx)", kind_nick, text->id));
}

/**
 * carnet_row_text_for_hit:
 *
 * A search hit: the record's title, its kind and date, the matching words.
 */
void
carnet_row_text_for_hit (CarnetRowText   *text,
                         CarnetSearchHit *hit,
                         GDateTime       *now)
{
  GDateTime *at;
  g_autofree char *date = NULL;

  g_return_if_fail (text != NULL);
  g_return_if_fail (CARNET_IS_SEARCH_HIT (hit));
  g_return_if_fail (now != NULL);

  text->kind = carnet_search_hit_get_kind (hit);
  text->id = carnet_search_hit_get_id (hit);
  text->icon_name = carnet_row_text_kind_icon (text->kind);
  text->editable = TRUE;
  text->title = g_strdup (carnet_search_hit_get_title (hit));

  at = carnet_search_hit_get_at (hit);
  if (at != NULL)
    date = format_date (at, now);
  text->subtitle = JOIN (DOT, carnet_record_kind_label (text->kind), date);

  /* A snippet that only repeats the title says nothing more. */
  if (!snippet_is_title (carnet_search_hit_get_snippet (hit), text->title))
    {
      text->detail = carnet_row_text_snippet_markup (carnet_search_hit_get_snippet (hit));
      text->detail_markup = TRUE;
    }
}

/**
 * carnet_row_text_empty_state:
 * @kind: a #CarnetRecordKind, or -1 for records of any kind
 * @state: (out): what to say, and the kind nick the button adds
 *
 * What a list without records tells a newcomer: what goes there, and a button
 * to add the first one.
 */
void
carnet_row_text_empty_state (int               kind,
                             CarnetEmptyState *state)
{
  g_return_if_fail (state != NULL);
  g_return_if_fail (kind >= -1 && kind < CARNET_N_RECORD_KINDS);

  switch (kind)
    {
    case CARNET_RECORD_APPOINTMENT:
      state->title = _("No Appointments");
      state->description = _("Plan exams and appointments to be reminded before each of them.");
      state->button = _("_Plan an Appointment…");
      break;
    case CARNET_RECORD_RESULT:
      state->title = _("No Results");
      state->description = _("Keep lab values with their reference ranges, and exam reports.");
      state->button = _("_Add a Result…");
      break;
    case CARNET_RECORD_SIDE_EFFECT:
      state->title = _("No Side Effects");
      state->description = _("Note how the treatments affect you, and how much, to tell the care team.");
      state->button = _("_Record a Side Effect…");
      break;
    case CARNET_RECORD_QUESTION:
      state->title = _("No Questions");
      state->description = _("Write questions down as they come, and have them at hand at the next consultation.");
      state->button = _("_Write a Question…");
      break;
    case CARNET_RECORD_TREATMENT:
      state->title = _("No Treatments");
      state->description = _("Add treatments to read side effects and results against their cycles.");
      state->button = _("_Add a Treatment…");
      break;
    default:
      state->title = _("Nothing Written Yet");
      state->description = _("Appointments, results, side effects, questions and treatments appear here by date, the newest first. Add them with the + button.");
      state->button = _("_Plan an Appointment…");
      break;
    }

  state->add_kind = carnet_enum_to_nick (CARNET_TYPE_RECORD_KIND,
                                         kind >= 0 ? kind : CARNET_RECORD_APPOINTMENT);
}
