/* test-export.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * iCalendar and CSV exports, read back by libical and by independent parsers
 * (python3-icalendar with dateutil, Python's csv module).
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <sys/stat.h>
#include <glib/gstdio.h>
#include <libical/ical.h>

#include "carnet.h"

typedef struct
{
  char           *dir;
  char           *path;
  CarnetClock    *clock;
  CarnetNotebook *notebook;
} Fixture;

static GDateTime *
zoned_time (const char *tzid, int year, int month, int day, int hour, int minute)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (tzid);

  return g_date_time_new (tz, year, month, day, hour, minute, 0);
}

static GDateTime *
paris_time (int year, int month, int day, int hour, int minute)
{
  return zoned_time ("Europe/Paris", year, month, day, hour, minute);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = paris_time (2026, 11, 28, 10, 0);

  fixture->dir = g_dir_make_tmp ("carnet-test-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "notebook.carnet", NULL);
  fixture->clock = carnet_clock_new_fixed (now);
  fixture->notebook = carnet_notebook_open (fixture->path, CARNET_OPEN_FLAGS_CREATE,
                                            fixture->clock, &error);
  g_assert_no_error (error);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
    }

  g_remove (path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  if (fixture->notebook != NULL)
    g_assert_finalize_object (fixture->notebook);
  g_clear_object (&fixture->clock);
  remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static void
add (CarnetNotebook *notebook,
     gpointer        record)
{
  g_autoptr(GError) error = NULL;

  carnet_notebook_add (notebook, CARNET_RECORD (record), &error);
  g_assert_no_error (error);
}

static gint64
add_appointment (Fixture               *fixture,
                 const char            *title,
                 CarnetAppointmentKind  kind,
                 GDateTime             *start,
                 guint                  duration,
                 const char            *reminders,
                 const char            *repeat)
{
  g_autoptr(CarnetAppointment) appointment = carnet_appointment_new ();
  g_autoptr(GError) error = NULL;

  carnet_appointment_set_title (appointment, title);
  carnet_appointment_set_kind (appointment, kind);
  carnet_appointment_set_start (appointment, start);
  carnet_appointment_set_duration (appointment, duration);
  carnet_appointment_set_reminders (appointment, reminders, &error);
  g_assert_no_error (error);
  carnet_appointment_set_repeat (appointment, repeat);
  add (fixture->notebook, appointment);

  return carnet_record_get_id (CARNET_RECORD (appointment));
}

static char *
write_temp (Fixture    *fixture,
            const char *name,
            GBytes     *contents)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (fixture->dir, name, NULL);

  carnet_export_save (contents, path, &error);
  g_assert_no_error (error);
  return path;
}

/* JSON from read-export.py, or NULL when the test has to skip. */
static JsonNode *
read_back (const char *kind,
           const char *path)
{
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "core", "read-export.py", NULL);
  const char *argv[] = { "/usr/bin/python3", script, kind, path, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  int status = 0;

  if (!g_file_test (argv[0], G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("no /usr/bin/python3");
      return NULL;
    }

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (WIFEXITED (status) && WEXITSTATUS (status) == 77)
    {
      g_test_skip ("python3-icalendar or python3-dateutil is missing");
      return NULL;
    }
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("read-export.py %s failed: %s", kind, err);

  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

/* iCalendar */

typedef struct
{
  gint64 consultation;
  gint64 all_day;
  gint64 cancelled;
  gint64 montreal;
  gint64 trashed;
} Appointments;

static void
fill_appointments (Fixture      *fixture,
                   Appointments *ids)
{
  g_autoptr(GDateTime) series = paris_time (2026, 12, 3, 8, 30);
  g_autoptr(GDateTime) day = paris_time (2026, 12, 10, 0, 0);
  g_autoptr(GDateTime) cancelled = paris_time (2026, 12, 14, 14, 0);
  g_autoptr(GDateTime) montreal = zoned_time ("America/Montreal", 2027, 1, 15, 9, 0);
  g_autoptr(GDateTime) trashed = paris_time (2026, 12, 20, 9, 0);
  g_autoptr(GDateTime) skipped = paris_time (2027, 3, 3, 8, 30);
  g_autoptr(CarnetRecord) record = NULL;
  g_autoptr(GError) error = NULL;

  /* Every 3 months until a date, across both DST changes. */
  ids->consultation = add_appointment (fixture, "Oncology follow-up", CARNET_APPOINTMENT_CONSULTATION,
                                       series, 30, "1d,2h,30m,0m",
                                       "FREQ=MONTHLY;INTERVAL=3;UNTIL=20270903");
  record = carnet_notebook_get (fixture->notebook, CARNET_RECORD_APPOINTMENT, ids->consultation, &error);
  g_assert_no_error (error);
  carnet_appointment_set_location (CARNET_APPOINTMENT (record), "Hôpital Saint-Louis, bâtiment B; 2e étage");
  carnet_appointment_set_practitioner (CARNET_APPOINTMENT (record), "Dr Martin");
  carnet_appointment_set_notes (CARNET_APPOINTMENT (record), "Bring the scans.\nAnd the list of medicines.");
  carnet_notebook_update (fixture->notebook, record, &error);
  g_assert_no_error (error);
  carnet_notebook_set_occurrence_status (fixture->notebook, ids->consultation, skipped,
                                         CARNET_STATUS_CANCELLED, &error);
  g_assert_no_error (error);

  ids->all_day = add_appointment (fixture, "PET scan", CARNET_APPOINTMENT_IMAGING, day, 0, "1d", NULL);
  g_clear_object (&record);
  record = carnet_notebook_get (fixture->notebook, CARNET_RECORD_APPOINTMENT, ids->all_day, &error);
  g_assert_no_error (error);
  carnet_appointment_set_all_day (CARNET_APPOINTMENT (record), TRUE);
  carnet_notebook_update (fixture->notebook, record, &error);
  g_assert_no_error (error);

  ids->cancelled = add_appointment (fixture, "Dentist", CARNET_APPOINTMENT_OTHER, cancelled, 0, "", NULL);
  g_clear_object (&record);
  record = carnet_notebook_get (fixture->notebook, CARNET_RECORD_APPOINTMENT, ids->cancelled, &error);
  g_assert_no_error (error);
  carnet_appointment_set_status (CARNET_APPOINTMENT (record), CARNET_STATUS_CANCELLED);
  carnet_notebook_update (fixture->notebook, record, &error);
  g_assert_no_error (error);

  ids->montreal = add_appointment (fixture, "Second opinion", CARNET_APPOINTMENT_CONSULTATION,
                                   montreal, 60, "2h", NULL);
  ids->trashed = add_appointment (fixture, "Entered by mistake", CARNET_APPOINTMENT_OTHER,
                                  trashed, 0, "", NULL);
  carnet_notebook_trash (fixture->notebook, CARNET_RECORD_APPOINTMENT, ids->trashed, &error);
  g_assert_no_error (error);
}

static icalcomponent *
find_event (icalcomponent *calendar,
            const char    *summary)
{
  for (icalcomponent *event = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
       event != NULL;
       event = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    {
      if (g_strcmp0 (icalcomponent_get_summary (event), summary) == 0)
        return event;
    }

  return NULL;
}

static const char *
tzid_of (icalproperty *property)
{
  icalparameter *parameter = icalproperty_get_first_parameter (property, ICAL_TZID_PARAMETER);

  return parameter != NULL ? icalparameter_get_tzid (parameter) : NULL;
}

static GBytes *
export_ics (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  GBytes *ics = carnet_export_ics (fixture->notebook, &error);

  g_assert_no_error (error);
  return ics;
}

static void
test_ics_libical (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(GBytes) ics = NULL;
  Appointments ids;
  icalcomponent *calendar;
  icalcomponent *event;
  icalproperty *property;
  guint n_events = 0, n_alarms = 0;
  g_autoptr(GPtrArray) triggers = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *flat = NULL;
  const char *text;
  gboolean has_paris = FALSE, has_montreal = FALSE;

  fill_appointments (fixture, &ids);
  ics = export_ics (fixture);
  text = g_bytes_get_data (ics, NULL);
  /* RFC 5545 lines end with CRLF. */
  g_assert_true (g_str_has_prefix (text, "BEGIN:VCALENDAR\r\n"));
  flat = g_strdelimit (g_strdup (text), "\r", ' ');
  g_assert_null (strstr (flat, "\n\n"));

  calendar = icalparser_parse_string (text);
  g_assert_nonnull (calendar);
  g_assert_cmpint (icalcomponent_isa (calendar), ==, ICAL_VCALENDAR_COMPONENT);
  g_assert_cmpint (icalcomponent_count_errors (calendar), ==, 0);

  for (icalcomponent *zone = icalcomponent_get_first_component (calendar, ICAL_VTIMEZONE_COMPONENT);
       zone != NULL;
       zone = icalcomponent_get_next_component (calendar, ICAL_VTIMEZONE_COMPONENT))
    {
      const char *tzid = icalproperty_get_tzid (icalcomponent_get_first_property (zone, ICAL_TZID_PROPERTY));

      has_paris |= g_strcmp0 (tzid, "Europe/Paris") == 0;
      has_montreal |= g_strcmp0 (tzid, "America/Montreal") == 0;
    }
  g_assert_true (has_paris);
  g_assert_true (has_montreal);

  for (event = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
       event != NULL;
       event = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    n_events++;
  /* The one in the trash is not exported. */
  g_assert_cmpuint (n_events, ==, 4);
  g_assert_null (find_event (calendar, "Entered by mistake"));

  event = find_event (calendar, "Oncology follow-up");
  g_assert_nonnull (event);
  {
    g_autofree char *uid = g_strdup_printf ("appointment-%" G_GINT64_FORMAT "-", ids.consultation);

    g_assert_true (g_str_has_prefix (icalcomponent_get_uid (event), uid));
    g_assert_true (g_str_has_suffix (icalcomponent_get_uid (event), "@carnet"));
  }
  property = icalcomponent_get_first_property (event, ICAL_DTSTART_PROPERTY);
  g_assert_cmpstr (tzid_of (property), ==, "Europe/Paris");
  g_assert_cmpstr (icalproperty_get_value_as_string (property), ==, "20261203T083000");
  property = icalcomponent_get_first_property (event, ICAL_DTEND_PROPERTY);
  g_assert_cmpstr (icalproperty_get_value_as_string (property), ==, "20261203T090000");
  g_assert_cmpstr (icalcomponent_get_location (event), ==, "Hôpital Saint-Louis, bâtiment B; 2e étage");
  g_assert_cmpstr (icalcomponent_get_description (event), ==,
                   "With Dr Martin\n\nBring the scans.\nAnd the list of medicines.");
  g_assert_cmpint (icalcomponent_get_status (event), ==, ICAL_STATUS_CONFIRMED);
  /* An UNTIL date goes out as the end of that day in Paris, in UTC. */
  property = icalcomponent_get_first_property (event, ICAL_RRULE_PROPERTY);
  g_assert_cmpstr (icalproperty_get_value_as_string (property), ==,
                   "FREQ=MONTHLY;UNTIL=20270903T215959Z;INTERVAL=3");
  property = icalcomponent_get_first_property (event, ICAL_EXDATE_PROPERTY);
  g_assert_nonnull (property);
  g_assert_cmpstr (tzid_of (property), ==, "Europe/Paris");
  g_assert_cmpstr (icalproperty_get_value_as_string (property), ==, "20270303T083000");

  for (icalcomponent *alarm = icalcomponent_get_first_component (event, ICAL_VALARM_COMPONENT);
       alarm != NULL;
       alarm = icalcomponent_get_next_component (event, ICAL_VALARM_COMPONENT))
    {
      property = icalcomponent_get_first_property (alarm, ICAL_ACTION_PROPERTY);
      g_assert_cmpint (icalproperty_get_action (property), ==, ICAL_ACTION_DISPLAY);
      property = icalcomponent_get_first_property (alarm, ICAL_TRIGGER_PROPERTY);
      g_ptr_array_add (triggers, g_strdup (icalproperty_get_value_as_string (property)));
      g_assert_cmpstr (icalcomponent_get_description (alarm), ==, "Oncology follow-up");
      n_alarms++;
    }
  g_assert_cmpuint (n_alarms, ==, 4);
  g_ptr_array_add (triggers, NULL);
  /* A day is a calendar day (-P1D), hours are hours (-PT2H). */
  g_assert_true (g_strv_equal ((const char * const *) triggers->pdata,
                               (const char * const []) { "PT0S", "-PT30M", "-PT2H", "-P1D", NULL }));

  event = find_event (calendar, "PET scan");
  property = icalcomponent_get_first_property (event, ICAL_DTSTART_PROPERTY);
  g_assert_true (icalproperty_get_dtstart (property).is_date);
  g_assert_cmpstr (icalproperty_get_value_as_string (property), ==, "20261210");
  g_assert_cmpstr (icalproperty_get_value_as_string (icalcomponent_get_first_property (event, ICAL_DTEND_PROPERTY)),
                   ==, "20261211");

  event = find_event (calendar, "Dentist");
  g_assert_cmpint (icalcomponent_get_status (event), ==, ICAL_STATUS_CANCELLED);
  g_assert_null (icalcomponent_get_first_component (event, ICAL_VALARM_COMPONENT));

  event = find_event (calendar, "Second opinion");
  property = icalcomponent_get_first_property (event, ICAL_DTSTART_PROPERTY);
  g_assert_cmpstr (tzid_of (property), ==, "America/Montreal");
  g_assert_cmpstr (icalproperty_get_value_as_string (property), ==, "20270115T090000");

  icalcomponent_free (calendar);
}

/* The same appointment keeps its UID across exports, edits and a move of the
 * notebook, so a calendar updates it instead of adding a copy. */
static void
test_ics_stable_uids (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autoptr(CarnetRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *moved = g_build_filename (fixture->dir, "moved.carnet", NULL);
  Appointments ids;
  icalcomponent *a, *b;

  fill_appointments (fixture, &ids);
  first = export_ics (fixture);

  record = carnet_notebook_get (fixture->notebook, CARNET_RECORD_APPOINTMENT, ids.consultation, &error);
  g_assert_no_error (error);
  carnet_appointment_set_title (CARNET_APPOINTMENT (record), "Oncology follow-up, moved");
  carnet_clock_advance (fixture->clock, G_TIME_SPAN_DAY);
  carnet_notebook_update (fixture->notebook, record, &error);
  g_assert_no_error (error);

  g_clear_object (&fixture->notebook);
  g_assert_cmpint (g_rename (fixture->path, moved), ==, 0);
  fixture->notebook = carnet_notebook_open (moved, CARNET_OPEN_FLAGS_NONE, fixture->clock, &error);
  g_assert_no_error (error);
  second = export_ics (fixture);

  a = icalparser_parse_string (g_bytes_get_data (first, NULL));
  b = icalparser_parse_string (g_bytes_get_data (second, NULL));
  g_assert_cmpstr (icalcomponent_get_uid (find_event (a, "Oncology follow-up")), ==,
                   icalcomponent_get_uid (find_event (b, "Oncology follow-up, moved")));
  g_assert_cmpstr (icalcomponent_get_uid (find_event (a, "PET scan")), ==,
                   icalcomponent_get_uid (find_event (b, "PET scan")));
  g_assert_cmpstr (icalcomponent_get_uid (find_event (a, "PET scan")), !=,
                   icalcomponent_get_uid (find_event (a, "Dentist")));
  icalcomponent_free (a);
  icalcomponent_free (b);
}

static JsonObject *
find_json_event (JsonArray  *events,
                 const char *summary)
{
  for (guint i = 0; i < json_array_get_length (events); i++)
    {
      JsonObject *event = json_array_get_object_element (events, i);

      if (g_str_equal (json_object_get_string_member (event, "summary"), summary))
        return event;
    }

  g_error ("no event “%s”", summary);
}

/* python3-icalendar, and dateutil's expansion of the repeat, agree with the
 * notebook's agenda on every occurrence, across DST, minus the cancelled one. */
static void
test_ics_python (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(GBytes) ics = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GListModel) agenda = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) to = paris_time (2030, 1, 1, 0, 0);
  g_autofree char *path = NULL;
  JsonArray *events, *occurrences, *alarms;
  JsonObject *event;
  Appointments ids;
  guint n = 0;

  fill_appointments (fixture, &ids);
  ics = export_ics (fixture);
  path = write_temp (fixture, "calendar.ics", ics);
  root = read_back ("ics", path);
  if (root == NULL)
    return;

  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (root), "version"), ==, "2.0");
  events = json_object_get_array_member (json_node_get_object (root), "events");
  g_assert_cmpuint (json_array_get_length (events), ==, 4);

  event = find_json_event (events, "Oncology follow-up");
  g_assert_cmpstr (json_object_get_string_member (event, "tzid"), ==, "Europe/Paris");
  g_assert_cmpstr (json_object_get_string_member (event, "start"), ==, "2026-12-03T08:30:00+01:00");
  g_assert_cmpstr (json_object_get_string_member (event, "end"), ==, "2026-12-03T09:00:00+01:00");
  g_assert_cmpstr (json_object_get_string_member (event, "location"), ==,
                   "Hôpital Saint-Louis, bâtiment B; 2e étage");
  g_assert_cmpstr (json_object_get_string_member (event, "status"), ==, "CONFIRMED");
  alarms = json_object_get_array_member (event, "alarms");
  g_assert_cmpuint (json_array_get_length (alarms), ==, 4);
  for (guint i = 0; i < json_array_get_length (alarms); i++)
    {
      JsonObject *alarm = json_array_get_object_element (alarms, i);
      static const gint64 minutes[] = { 0, 30, 120, 24 * 60 };

      g_assert_cmpstr (json_object_get_string_member (alarm, "action"), ==, "DISPLAY");
      g_assert_cmpint (json_object_get_int_member (alarm, "minutes_before"), ==, minutes[i]);
    }

  /* Every occurrence the notebook plans, and no other. */
  occurrences = json_object_get_array_member (event, "occurrences");
  agenda = carnet_notebook_agenda (fixture->notebook, NULL, to, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (agenda); i++)
    {
      g_autoptr(CarnetOccurrence) occurrence = g_list_model_get_item (agenda, i);
      g_autofree char *start = NULL;

      if (carnet_record_get_id (CARNET_RECORD (carnet_occurrence_get_appointment (occurrence))) != ids.consultation ||
          carnet_occurrence_get_status (occurrence) == CARNET_STATUS_CANCELLED)
        continue;

      start = carnet_time_format_iso (carnet_occurrence_get_start (occurrence));
      g_assert_cmpuint (n, <, json_array_get_length (occurrences));
      g_assert_cmpstr (json_array_get_string_element (occurrences, n), ==, start);
      n++;
    }
  /* Dec, (Mar cancelled), Jun, Sep: summer time in the middle. */
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpuint (json_array_get_length (occurrences), ==, n);
  g_assert_cmpstr (json_array_get_string_element (occurrences, 1), ==, "2027-06-03T08:30:00+02:00");

  event = find_json_event (events, "PET scan");
  g_assert_true (json_object_get_boolean_member (event, "all_day"));
  g_assert_cmpstr (json_object_get_string_member (event, "start"), ==, "2026-12-10");
  g_assert_cmpstr (json_object_get_string_member (event, "end"), ==, "2026-12-11");

  event = find_json_event (events, "Dentist");
  g_assert_cmpstr (json_object_get_string_member (event, "status"), ==, "CANCELLED");

  event = find_json_event (events, "Second opinion");
  g_assert_cmpstr (json_object_get_string_member (event, "start"), ==, "2027-01-15T09:00:00-05:00");
}

/* CSV */

static void
add_result (Fixture    *fixture,
            const char *name,
            double      value,
            const char *text,
            const char *unit,
            double      low,
            double      high,
            GDateTime  *at,
            const char *notes)
{
  g_autoptr(CarnetResult) result = carnet_result_new ();

  carnet_result_set_name (result, name);
  carnet_result_set_value (result, value);
  carnet_result_set_text (result, text);
  carnet_result_set_unit (result, unit);
  carnet_result_set_low (result, low);
  carnet_result_set_high (result, high);
  carnet_result_set_at (result, at);
  carnet_result_set_notes (result, notes);
  add (fixture->notebook, result);
}

static void
fill_results (Fixture *fixture)
{
  g_autoptr(GDateTime) first = paris_time (2026, 3, 2, 8, 5);
  g_autoptr(GDateTime) second = paris_time (2026, 7, 14, 7, 45);
  g_autoptr(GDateTime) third = zoned_time ("America/Montreal", 2026, 9, 1, 23, 30);
  g_autoptr(GDateTime) trashed = paris_time (2026, 9, 2, 9, 0);
  g_autoptr(GListModel) results = NULL;
  g_autoptr(GError) error = NULL;

  add_result (fixture, "Haemoglobin", 0.1 + 0.2, NULL, "g/dL", 12, 16.5, first,
              "Fasting, \"as asked\"\nsecond line");
  add_result (fixture, "Leucocytes", 3.2e9, NULL, "/L", 4e9, 10e9, first, NULL);
  add_result (fixture, "Scanner", NAN, "Pas de progression, nodule stable (4 mm).", NULL, NAN, NAN,
              second, "Résultat à montrer au Dr Lefèvre");
  add_result (fixture, "CA 15-3", -0.5, NULL, "kU/L", NAN, 31.3, third, NULL);
  add_result (fixture, "Wrong", 1, NULL, NULL, NAN, NAN, trashed, NULL);

  results = carnet_notebook_list (fixture->notebook, CARNET_RECORD_RESULT, trashed, NULL, &error);
  g_assert_no_error (error);
  {
    g_autoptr(CarnetRecord) wrong = g_list_model_get_item (results, 0);

    carnet_notebook_trash (fixture->notebook, CARNET_RECORD_RESULT, carnet_record_get_id (wrong), &error);
    g_assert_no_error (error);
  }
}

static void
test_csv_rfc4180 (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(GBytes) csv = NULL;
  g_autoptr(GError) error = NULL;
  const char *text;
  gsize size;

  fill_results (fixture);
  csv = carnet_export_results_csv (fixture->notebook, &error);
  g_assert_no_error (error);
  text = g_bytes_get_data (csv, &size);

  g_assert_true (g_utf8_validate (text, (gssize) size, NULL));
  g_assert_true (g_str_has_prefix (text, CARNET_EXPORT_CSV_HEADER "\r\n"));
  g_assert_true (g_str_has_suffix (text, "\r\n"));
  /* No locale commas, no 0.30000000000000004. */
  g_assert_nonnull (strstr (text, "\r\n2026-03-02,08:05,Haemoglobin,0.3,g/dL,12,16.5,low,,"
                                  "\"Fasting, \"\"as asked\"\"\nsecond line\"\r\n"));
  g_assert_nonnull (strstr (text, "\r\n2026-03-02,08:05,Leucocytes,3200000000,/L,4000000000,10000000000,low,,\r\n"));
  g_assert_nonnull (strstr (text, "\r\n2026-07-14,07:45,Scanner,,,,,,"
                                  "\"Pas de progression, nodule stable (4 mm).\",Résultat à montrer au Dr Lefèvre\r\n"));
  /* The day and time where it was measured, in Montréal. */
  g_assert_nonnull (strstr (text, "\r\n2026-09-01,23:30,CA 15-3,-0.5,kU/L,,31.3,normal,,\r\n"));
  g_assert_null (strstr (text, "Wrong"));
}

/* A spreadsheet opening the file must not take what was typed for a formula;
 * numbers keep their sign. */
static void
test_csv_formulas (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GDateTime) at = paris_time (2026, 3, 2, 8, 5);
  g_autoptr(GBytes) csv = NULL;
  g_autoptr(GError) error = NULL;
  const char *text;

  add_result (fixture, "=HYPERLINK(\"http://example.com\")", -1.5, NULL, "+mmol/L", NAN, NAN, at,
              "@SUM(A1:A2)");
  add_result (fixture, "-2+3", NAN, "\tcmd", NULL, NAN, NAN, at, "Fine - as usual");

  csv = carnet_export_results_csv (fixture->notebook, &error);
  g_assert_no_error (error);
  text = g_bytes_get_data (csv, NULL);

  g_assert_nonnull (strstr (text, "\r\n2026-03-02,08:05,\"'=HYPERLINK(\"\"http://example.com\"\")\","
                                  "-1.5,'+mmol/L,,,,,'@SUM(A1:A2)\r\n"));
  g_assert_nonnull (strstr (text, "\r\n2026-03-02,08:05,'-2+3,,,,,,'\tcmd,Fine - as usual\r\n"));
}

static void
test_csv_python (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(GBytes) csv = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GListModel) results = NULL;
  g_autofree char *path = NULL;
  JsonArray *rows;
  JsonArray *header;
  GStatBuf st;

  fill_results (fixture);
  csv = carnet_export_results_csv (fixture->notebook, &error);
  g_assert_no_error (error);
  path = write_temp (fixture, "results.csv", csv);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  root = read_back ("csv", path);
  if (root == NULL)
    return;

  rows = json_object_get_array_member (json_node_get_object (root), "rows");
  results = carnet_notebook_list (fixture->notebook, CARNET_RECORD_RESULT, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (rows), ==, g_list_model_get_n_items (results) + 1);

  header = json_array_get_array_element (rows, 0);
  {
    g_auto(GStrv) names = g_strsplit (CARNET_EXPORT_CSV_HEADER, ",", -1);

    g_assert_cmpuint (json_array_get_length (header), ==, g_strv_length (names));
    for (guint i = 0; names[i] != NULL; i++)
      g_assert_cmpstr (json_array_get_string_element (header, i), ==, names[i]);
  }

  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr(CarnetResult) result = g_list_model_get_item (results, i);
      JsonArray *row = json_array_get_array_element (rows, i + 1);
      const char *value = json_array_get_string_element (row, 3);
      const char *notes = json_array_get_string_element (row, 9);
      g_autofree char *date = g_date_time_format (carnet_result_get_at (result), "%Y-%m-%d");

      g_assert_cmpuint (json_array_get_length (row), ==, 10);
      g_assert_cmpstr (json_array_get_string_element (row, 0), ==, date);
      g_assert_cmpstr (json_array_get_string_element (row, 2), ==, carnet_result_get_name (result));
      if (carnet_result_has_value (result))
        /* Read back, the number is the one entered, to its 15 digits. */
        g_assert_cmpfloat_with_epsilon (g_ascii_strtod (value, NULL), carnet_result_get_value (result),
                                        fabs (carnet_result_get_value (result)) * 1e-15);
      else
        g_assert_cmpstr (value, ==, "");
      g_assert_cmpstr (*notes != '\0' ? notes : NULL, ==, carnet_result_get_notes (result));
    }
}

static void
test_save_is_private (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(GBytes) contents = g_bytes_new_static ("data", 4);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "out.ics", NULL);
  g_autofree char *nowhere = g_build_filename (fixture->dir, "no", "such", "folder", "out.ics", NULL);
  GStatBuf st;

  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);
  carnet_export_save (contents, path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (st.st_size, ==, 4);

  g_assert_false (carnet_export_save (contents, nowhere, &error));
  g_assert_error (error, CARNET_ERROR, CARNET_ERROR_IO);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/core/export/ics/libical", Fixture, NULL,
              fixture_set_up, test_ics_libical, fixture_tear_down);
  g_test_add ("/core/export/ics/stable-uids", Fixture, NULL,
              fixture_set_up, test_ics_stable_uids, fixture_tear_down);
  g_test_add ("/core/export/ics/python-icalendar", Fixture, NULL,
              fixture_set_up, test_ics_python, fixture_tear_down);
  g_test_add ("/core/export/csv/rfc4180", Fixture, NULL,
              fixture_set_up, test_csv_rfc4180, fixture_tear_down);
  g_test_add ("/core/export/csv/formulas", Fixture, NULL,
              fixture_set_up, test_csv_formulas, fixture_tear_down);
  g_test_add ("/core/export/csv/python-csv", Fixture, NULL,
              fixture_set_up, test_csv_python, fixture_tear_down);
  g_test_add ("/core/export/save-is-private", Fixture, NULL,
              fixture_set_up, test_save_is_private, fixture_tear_down);

  return g_test_run ();
}
