/* carnet-export.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * iCalendar (RFC 5545) through libical: one VEVENT per appointment outside
 * the trash, its repeat as an RRULE, its cancelled occurrences as EXDATEs, a
 * VALARM per reminder offset (-P1D for a day, which calendars count on the
 * calendar as Carnet does; -PT2H for hours), times with the TZID of the zone
 * they were entered in and that zone's VTIMEZONE. UIDs are stable across
 * exports, edits and moves of the notebook file: the appointment's id and the
 * second it was created.
 *
 * CSV (RFC 4180): UTF-8, CRLF, a header row, one row per result, ISO dates
 * and times in the zone the result was entered in, numbers with a dot and no
 * more digits than they have. A text that a spreadsheet would take for a
 * formula (=, +, -, @, tab or carriage return first) starts with an
 * apostrophe, so that opening the file runs nothing.
 */
#define G_LOG_DOMAIN "carnet-core"

#include "config.h"

#include "carnet-export.h"

#include <errno.h>
#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <libical/ical.h>

#include "carnet-appointment.h"
#include "carnet-enums.h"
#include "carnet-error.h"
#include "carnet-notebook-private.h"
#include "carnet-offsets.h"
#include "carnet-result.h"
#include "carnet-time.h"

/* iCalendar */

static gboolean
is_utc_zone (const char *tzid)
{
  return g_str_equal (tzid, "UTC") || g_str_equal (tzid, "Etc/UTC") ||
         g_str_equal (tzid, "Z") || g_str_equal (tzid, "GMT");
}

/* libical's own description of the zone, under the zone's plain name (its
 * builtin zones carry a "/freeassociation.sourceforge.net/" prefix that
 * calendars do not know). NULL when libical does not know the zone. */
static icalcomponent *
dup_vtimezone (const char *tzid)
{
  icaltimezone *zone;
  icalcomponent *component;
  icalproperty *property;

  if (is_utc_zone (tzid))
    return NULL;

  zone = icaltimezone_get_builtin_timezone (tzid);
  if (zone == NULL || icaltimezone_get_component (zone) == NULL)
    return NULL;

  component = icalcomponent_new_clone (icaltimezone_get_component (zone));
  property = icalcomponent_get_first_property (component, ICAL_TZID_PROPERTY);
  if (property != NULL)
    icalproperty_set_tzid (property, tzid);
  else
    icalcomponent_add_property (component, icalproperty_new_tzid (tzid));

  return component;
}

static struct icaltimetype
ical_date (GDateTime *dt)
{
  struct icaltimetype t = icaltime_null_time ();

  t.year = g_date_time_get_year (dt);
  t.month = g_date_time_get_month (dt);
  t.day = g_date_time_get_day_of_month (dt);
  t.is_date = 1;

  return t;
}

/* @dt's wall time in its own zone, to go with a TZID parameter. */
static struct icaltimetype
ical_wall_time (GDateTime *dt)
{
  struct icaltimetype t = ical_date (dt);

  t.is_date = 0;
  t.hour = g_date_time_get_hour (dt);
  t.minute = g_date_time_get_minute (dt);
  t.second = g_date_time_get_second (dt);

  return t;
}

static struct icaltimetype
ical_utc_time (GDateTime *dt)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (dt);
  struct icaltimetype t = ical_wall_time (utc);

  t.zone = icaltimezone_get_utc_timezone ();
  return t;
}

/* A time property (DTSTART, DTEND, EXDATE) of an appointment: a date for an
 * all-day one, the wall time with TZID when the zone has a VTIMEZONE, else
 * UTC. */
static icalproperty *
time_property (icalproperty *(*new_property) (struct icaltimetype),
               GDateTime     *dt,
               gboolean       all_day,
               const char    *tzid)
{
  icalproperty *property;

  if (all_day)
    return new_property (ical_date (dt));

  if (tzid == NULL)
    return new_property (ical_utc_time (dt));

  property = new_property (ical_wall_time (dt));
  icalproperty_add_parameter (property, icalparameter_new_tzid (tzid));
  return property;
}

/* RFC 5545: with a DTSTART in a zone, UNTIL is in UTC; with a date, a date.
 * Carnet reads a date alone as the whole of that day. */
static icalproperty *
rrule_property (const char *repeat,
                gboolean    all_day,
                GTimeZone  *tz)
{
  struct icalrecurrencetype rule;

  icalerror_clear_errno ();
  rule = icalrecurrencetype_from_string (repeat);
  if (rule.freq == ICAL_NO_RECURRENCE || icalerrno != ICAL_NO_ERROR)
    return NULL;

  if (!icaltime_is_null_time (rule.until))
    {
      if (all_day)
        {
          rule.until.is_date = 1;
          rule.until.hour = rule.until.minute = rule.until.second = 0;
          rule.until.zone = NULL;
        }
      else if (!icaltime_is_utc (rule.until))
        {
          g_autoptr(GDateTime) local = NULL;
          g_autoptr(GDateTime) utc = NULL;

          if (rule.until.is_date)
            local = g_date_time_new (tz, rule.until.year, rule.until.month, rule.until.day, 23, 59, 59);
          else
            local = g_date_time_new (tz, rule.until.year, rule.until.month, rule.until.day,
                                     rule.until.hour, rule.until.minute, rule.until.second);
          if (local == NULL)
            return NULL;

          utc = g_date_time_to_utc (local);
          rule.until = ical_utc_time (utc);
        }
    }

  return icalproperty_new_rrule (rule);
}

static icalcomponent *
alarm_component (const CarnetOffset *offset,
                 const char         *title)
{
  struct icaltriggertype trigger;
  icalcomponent *alarm;

  memset (&trigger, 0, sizeof trigger);
  trigger.time = icaltime_null_time ();
  trigger.duration = icaldurationtype_null_duration ();
  trigger.duration.is_neg = offset->amount > 0;

  switch (offset->unit)
    {
    case CARNET_OFFSET_DAYS:
      trigger.duration.days = offset->amount;
      break;
    case CARNET_OFFSET_HOURS:
      trigger.duration.hours = offset->amount;
      break;
    case CARNET_OFFSET_MINUTES:
    default:
      trigger.duration.minutes = offset->amount;
      break;
    }

  alarm = icalcomponent_new (ICAL_VALARM_COMPONENT);
  icalcomponent_add_property (alarm, icalproperty_new_action (ICAL_ACTION_DISPLAY));
  icalcomponent_add_property (alarm, icalproperty_new_trigger (trigger));
  icalcomponent_add_property (alarm, icalproperty_new_description (title));

  return alarm;
}

static char *
describe_appointment (CarnetAppointment *appointment)
{
  const char *practitioner = carnet_appointment_get_practitioner (appointment);
  const char *notes = carnet_appointment_get_notes (appointment);
  GString *text = g_string_new (NULL);

  if (practitioner != NULL)
    /* Translators: in a calendar event's description; %s is who the appointment is with */
    g_string_append_printf (text, _("With %s"), practitioner);

  if (notes != NULL)
    {
      if (text->len > 0)
        g_string_append (text, "\n\n");
      g_string_append (text, notes);
    }

  return g_string_free (text, text->len == 0);
}

typedef struct
{
  gint64 created_utc;
  gint64 modified_utc;
} Times;

static GHashTable *
read_times (CarnetNotebook  *notebook,
            GError         **error)
{
  g_autoptr(GHashTable) table = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(CarnetCachedStmt) stmt =
    carnet_notebook_prepare (notebook,
                             "SELECT id, created_utc, modified_utc FROM appointments"
                             " WHERE trashed_utc IS NULL",
                             error);
  int rc;

  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 *id = g_new (gint64, 1);
      Times *times = g_new (Times, 1);

      *id = sqlite3_column_int64 (stmt, 0);
      times->created_utc = sqlite3_column_int64 (stmt, 1);
      times->modified_utc = sqlite3_column_int64 (stmt, 2);
      g_hash_table_insert (table, id, times);
    }

  if (rc != SQLITE_DONE)
    {
      carnet_sqlite_set_error (error, carnet_notebook_get_db (notebook), rc);
      return NULL;
    }

  return g_steal_pointer (&table);
}

static gboolean
add_exdates (CarnetNotebook     *notebook,
             icalcomponent      *event,
             CarnetAppointment  *appointment,
             const char         *tzid,
             GError            **error)
{
  GDateTime *start = carnet_appointment_get_start (appointment);
  g_autoptr(CarnetCachedStmt) stmt =
    carnet_notebook_prepare (notebook,
                             "SELECT start_utc FROM occurrence_status"
                             " WHERE appointment_id = ?1 AND status = 'cancelled'"
                             " ORDER BY start_utc",
                             error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, carnet_record_get_id (CARNET_RECORD (appointment)));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (sqlite3_column_int64 (stmt, 0));
      g_autoptr(GDateTime) local = NULL;

      if (utc == NULL)
        continue;

      local = g_date_time_to_timezone (utc, (GTimeZone *) g_date_time_get_timezone (start));
      icalcomponent_add_property (event,
                                  time_property (icalproperty_new_exdate, local,
                                                 carnet_appointment_get_all_day (appointment), tzid));
    }

  if (rc != SQLITE_DONE)
    {
      carnet_sqlite_set_error (error, carnet_notebook_get_db (notebook), rc);
      return FALSE;
    }

  return TRUE;
}

static icalcomponent *
event_component (CarnetNotebook     *notebook,
                 CarnetAppointment  *appointment,
                 const char         *tzid,
                 Times              *times,
                 struct icaltimetype stamp,
                 GError            **error)
{
  GDateTime *start = carnet_appointment_get_start (appointment);
  gboolean all_day = carnet_appointment_get_all_day (appointment);
  guint duration = carnet_appointment_get_duration (appointment);
  const char *title = carnet_appointment_get_title (appointment);
  const char *repeat = carnet_appointment_get_repeat (appointment);
  gint64 id = carnet_record_get_id (CARNET_RECORD (appointment));
  g_autoptr(GArray) offsets = carnet_appointment_dup_offsets (appointment);
  g_autofree char *uid = NULL;
  g_autofree char *description = describe_appointment (appointment);
  icalcomponent *event;

  uid = g_strdup_printf ("appointment-%" G_GINT64_FORMAT "-%" G_GINT64_FORMAT "@carnet",
                         id, times != NULL ? times->created_utc : 0);

  event = icalcomponent_new (ICAL_VEVENT_COMPONENT);
  icalcomponent_add_property (event, icalproperty_new_uid (uid));
  icalcomponent_add_property (event, icalproperty_new_dtstamp (stamp));
  if (times != NULL)
    {
      g_autoptr(GDateTime) created = g_date_time_new_from_unix_utc (times->created_utc);
      g_autoptr(GDateTime) modified = g_date_time_new_from_unix_utc (times->modified_utc);

      if (created != NULL)
        icalcomponent_add_property (event, icalproperty_new_created (ical_utc_time (created)));
      if (modified != NULL)
        icalcomponent_add_property (event, icalproperty_new_lastmodified (ical_utc_time (modified)));
    }

  icalcomponent_add_property (event, time_property (icalproperty_new_dtstart, start, all_day, tzid));
  if (all_day)
    {
      /* The day after the last one: DTEND of a date is exclusive. */
      guint days = MAX (1, (duration + 24 * 60 - 1) / (24 * 60));
      g_autoptr(GDateTime) end = g_date_time_add_days (start, (int) days);

      icalcomponent_add_property (event, icalproperty_new_dtend (ical_date (end)));
    }
  else if (duration > 0)
    {
      g_autoptr(GDateTime) end = carnet_appointment_dup_end (appointment);

      icalcomponent_add_property (event, time_property (icalproperty_new_dtend, end, FALSE, tzid));
    }

  icalcomponent_add_property (event, icalproperty_new_summary (title));
  if (carnet_appointment_get_location (appointment) != NULL)
    icalcomponent_add_property (event,
                                icalproperty_new_location (carnet_appointment_get_location (appointment)));
  if (description != NULL)
    icalcomponent_add_property (event, icalproperty_new_description (description));
  icalcomponent_add_property (event,
                              icalproperty_new_categories (carnet_appointment_kind_label (carnet_appointment_get_kind (appointment))));
  icalcomponent_add_property (event,
                              icalproperty_new_status (carnet_appointment_get_status (appointment) == CARNET_STATUS_CANCELLED
                                                       ? ICAL_STATUS_CANCELLED : ICAL_STATUS_CONFIRMED));

  if (repeat != NULL)
    {
      icalproperty *rrule = rrule_property (repeat, all_day,
                                            (GTimeZone *) g_date_time_get_timezone (start));

      if (rrule != NULL)
        icalcomponent_add_property (event, rrule);

      if (!add_exdates (notebook, event, appointment, tzid, error))
        {
          icalcomponent_free (event);
          return NULL;
        }
    }

  for (guint i = 0; i < offsets->len; i++)
    icalcomponent_add_component (event,
                                 alarm_component (&g_array_index (offsets, CarnetOffset, i), title));

  return event;
}

static icalcomponent *
calendar_component (CarnetNotebook  *notebook,
                    GError         **error)
{
  g_autoptr(GListModel) appointments = NULL;
  g_autoptr(GHashTable) times = NULL;
  g_autoptr(GHashTable) zones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GDateTime) now = carnet_clock_get_now (carnet_notebook_get_clock (notebook));
  g_autofree char *prodid = g_strdup_printf ("-//Carnet//Carnet %s//EN", PACKAGE_VERSION);
  const char *person = carnet_notebook_get_person (notebook);
  struct icaltimetype stamp = ical_utc_time (now);
  icalcomponent *calendar;
  GPtrArray *events;
  guint n;

  appointments = carnet_notebook_list (notebook, CARNET_RECORD_APPOINTMENT, NULL, NULL, error);
  if (appointments == NULL)
    return NULL;

  times = read_times (notebook, error);
  if (times == NULL)
    return NULL;

  calendar = icalcomponent_vanew (ICAL_VCALENDAR_COMPONENT,
                                  icalproperty_new_version ("2.0"),
                                  icalproperty_new_prodid (prodid),
                                  icalproperty_new_calscale ("GREGORIAN"),
                                  icalproperty_new_method (ICAL_METHOD_PUBLISH),
                                  (void *) 0);
  if (*person != '\0')
    {
      g_autofree char *name = g_strdup_printf (_("Carnet — %s"), person);
      icalproperty *property = icalproperty_new_x (name);

      icalproperty_set_x_name (property, "X-WR-CALNAME");
      icalcomponent_add_property (calendar, property);
    }

  /* The zones first: readers expect them before the events that use them. */
  events = g_ptr_array_new ();
  n = g_list_model_get_n_items (appointments);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CarnetAppointment) appointment = g_list_model_get_item (appointments, i);
      GDateTime *start = carnet_appointment_get_start (appointment);
      const char *zone_name = carnet_time_zone_id ((GTimeZone *) g_date_time_get_timezone (start));
      gint64 id = carnet_record_get_id (CARNET_RECORD (appointment));
      const char *tzid = NULL;
      gpointer known;
      icalcomponent *event;

      if (!carnet_appointment_get_all_day (appointment))
        {
          if (!g_hash_table_lookup_extended (zones, zone_name, NULL, &known))
            {
              icalcomponent *vtimezone = dup_vtimezone (zone_name);

              known = GINT_TO_POINTER (vtimezone != NULL);
              g_hash_table_insert (zones, g_strdup (zone_name), known);
              if (vtimezone != NULL)
                icalcomponent_add_component (calendar, vtimezone);
            }
          tzid = known ? zone_name : NULL;
        }

      event = event_component (notebook, appointment, tzid, g_hash_table_lookup (times, &id),
                               stamp, error);
      if (event == NULL)
        {
          g_ptr_array_set_free_func (events, (GDestroyNotify) icalcomponent_free);
          g_ptr_array_unref (events);
          icalcomponent_free (calendar);
          return NULL;
        }
      g_ptr_array_add (events, event);
    }

  for (guint i = 0; i < events->len; i++)
    icalcomponent_add_component (calendar, g_ptr_array_index (events, i));
  g_ptr_array_unref (events);

  return calendar;
}

/* CSV */

typedef struct
{
  GString *text;
  guint    n_fields;
} CsvRow;

static void
append_csv_field (CsvRow     *row,
                  const char *text)
{
  if (row->n_fields++ > 0)
    g_string_append_c (row->text, ',');

  if (text == NULL)
    return;

  if (strpbrk (text, ",\"\r\n") == NULL)
    {
      g_string_append (row->text, text);
      return;
    }

  g_string_append_c (row->text, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (row->text, '"');
      g_string_append_c (row->text, *p);
    }
  g_string_append_c (row->text, '"');
}

/* Free text (names, units, reports, notes): a file opened in a spreadsheet
 * must not run what someone typed, or what an imported backup carried. */
static void
append_csv_text (CsvRow     *row,
                 const char *text)
{
  g_autofree char *quoted = NULL;

  if (text != NULL && text[0] != '\0' && strchr ("=+-@\t\r", text[0]) != NULL)
    text = quoted = g_strconcat ("'", text, NULL);

  append_csv_field (row, text);
}

static void
append_csv_number (CsvRow *row,
                   double  value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (isnan (value))
    {
      append_csv_field (row, NULL);
      return;
    }

  /* 15 digits: 0.1 stays 0.1, whatever arithmetic gave it. */
  append_csv_field (row, g_ascii_formatd (buffer, sizeof buffer, "%.15g", value));
}

static void
end_csv_row (CsvRow *row)
{
  g_string_append (row->text, "\r\n");
  row->n_fields = 0;
}

/* Public API */

/**
 * carnet_export_ics:
 *
 * Returns: (transfer full): the appointments outside the trash as an
 *   iCalendar file, or %NULL with @error set
 */
GBytes *
carnet_export_ics (CarnetNotebook  *notebook,
                   GError         **error)
{
  icalcomponent *calendar;
  char *text;
  GBytes *bytes;

  g_return_val_if_fail (CARNET_IS_NOTEBOOK (notebook), NULL);

  calendar = calendar_component (notebook, error);
  if (calendar == NULL)
    return NULL;

  /* NUL-terminated past its size, as the other exports: it reads as a string. */
  text = icalcomponent_as_ical_string_r (calendar);
  bytes = g_bytes_new_take (g_strdup (text), strlen (text));
  icalmemory_free_buffer (text);
  icalcomponent_free (calendar);

  return bytes;
}

/**
 * carnet_export_results_csv:
 *
 * The columns are %CARNET_EXPORT_CSV_HEADER: the day and time in the zone
 * the result was entered in, a numeric value or a text report, the flag as
 * carnet-cli's JSON writes it (low, normal, high, or empty).
 *
 * Returns: (transfer full): the results outside the trash, oldest first
 */
GBytes *
carnet_export_results_csv (CarnetNotebook  *notebook,
                           GError         **error)
{
  g_autoptr(GListModel) results = NULL;
  CsvRow row = { NULL, 0 };
  guint n;

  g_return_val_if_fail (CARNET_IS_NOTEBOOK (notebook), NULL);

  results = carnet_notebook_list (notebook, CARNET_RECORD_RESULT, NULL, NULL, error);
  if (results == NULL)
    return NULL;

  row.text = g_string_new (CARNET_EXPORT_CSV_HEADER "\r\n");
  n = g_list_model_get_n_items (results);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CarnetResult) result = g_list_model_get_item (results, i);
      GDateTime *at = carnet_result_get_at (result);
      g_autofree char *date = g_date_time_format (at, "%Y-%m-%d");
      g_autofree char *time = g_date_time_format (at, "%H:%M");
      CarnetFlag flag = carnet_result_get_flag (result);

      append_csv_field (&row, date);
      append_csv_field (&row, time);
      append_csv_text (&row, carnet_result_get_name (result));
      append_csv_number (&row, carnet_result_get_value (result));
      append_csv_text (&row, carnet_result_get_unit (result));
      append_csv_number (&row, carnet_result_get_low (result));
      append_csv_number (&row, carnet_result_get_high (result));
      append_csv_field (&row, flag != CARNET_FLAG_NONE ? carnet_enum_to_nick (CARNET_TYPE_FLAG, flag) : NULL);
      append_csv_text (&row, carnet_result_has_value (result) ? NULL : carnet_result_get_text (result));
      append_csv_text (&row, carnet_result_get_notes (result));
      end_csv_row (&row);
    }

  return g_string_free_to_bytes (row.text);
}

/**
 * carnet_export_save:
 *
 * Writes @contents to @path whole or not at all (a temporary file renamed),
 * durably, readable by its owner only: exports are health data.
 */
gboolean
carnet_export_save (GBytes      *contents,
                    const char  *path,
                    GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  gsize size;
  const char *data;

  g_return_val_if_fail (contents != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  data = g_bytes_get_data (contents, &size);
  if (!g_file_set_contents_full (path, data, (gssize) size,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0600, &local_error))
    {
      g_set_error_literal (error, CARNET_ERROR, CARNET_ERROR_IO, local_error->message);
      return FALSE;
    }

  return TRUE;
}
