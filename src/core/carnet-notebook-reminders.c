/* carnet-notebook-reminders.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Which reminders are due, and the log that makes each fire exactly once: the
 * decision to show a reminder and its row in reminder_log are one
 * transaction, so restarts, crashes and a second process can neither repeat
 * it nor lose it.
 */
#define G_LOG_DOMAIN "carnet-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "carnet-enums.h"
#include "carnet-error.h"
#include "carnet-notebook-private.h"
#include "carnet-offsets.h"
#include "carnet-time.h"

/* Shown this long after its time, a reminder says it is late. */
#define LATE_AFTER (2 * G_TIME_SPAN_MINUTE)
/* An appointment is over this long after its end (or its start, when it has
 * no duration): a reminder that fell due while nothing ran is then missed. */
#define OVER_AFTER (5 * G_TIME_SPAN_MINUTE)
/* The longest offset: occurrences this far ahead can have a reminder due. */
#define OFFSET_HORIZON_DAYS (CARNET_OFFSET_MAX_MINUTES / (24 * 60) + 1)
/* How far ahead the next reminder is looked for, nearest first. */
static const int search_windows_days[] = { 2, 14, 400 };

static const char *
state_nick (CarnetReminderState state)
{
  return carnet_enum_to_nick (CARNET_TYPE_REMINDER_STATE, state);
}

static int
compare_due (gconstpointer a,
             gconstpointer b,
             gpointer      user_data)
{
  CarnetReminder *ra = (CarnetReminder *)a;
  CarnetReminder *rb = (CarnetReminder *)b;
  int cmp = g_date_time_compare (carnet_reminder_get_due (ra), carnet_reminder_get_due (rb));

  if (cmp != 0)
    return cmp;

  return g_date_time_compare (carnet_reminder_get_occurrence_start (ra),
                              carnet_reminder_get_occurrence_start (rb));
}

/* Is there a row for this reminder in the log? */
static gboolean
lookup_log (CarnetNotebook  *self,
            CarnetReminder  *reminder,
            gboolean        *out_found,
            GError         **error)
{
  g_autoptr(CarnetCachedStmt) stmt = NULL;
  g_autofree char *offset = carnet_reminder_dup_offset_text (reminder);
  int rc;

  stmt = carnet_notebook_prepare (self,
                                  "SELECT state, snooze_until_utc FROM reminder_log"
                                  " WHERE appointment_id = ?1 AND occurrence_utc = ?2 AND offset = ?3",
                                  error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, carnet_reminder_get_appointment_id (reminder));
  sqlite3_bind_int64 (stmt, 2, g_date_time_to_unix (carnet_reminder_get_occurrence_start (reminder)));
  sqlite3_bind_text (stmt, 3, offset, -1, SQLITE_TRANSIENT);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      int state;

      if (carnet_enum_from_nick (CARNET_TYPE_REMINDER_STATE,
                                 (const char *)sqlite3_column_text (stmt, 0), &state))
        carnet_reminder_set_state (reminder, state);

      if (sqlite3_column_type (stmt, 1) != SQLITE_NULL)
        {
          g_autoptr(GDateTime) until = NULL;

          until = carnet_time_from_unix (sqlite3_column_int64 (stmt, 1),
                                         carnet_time_zone_id ((GTimeZone *)g_date_time_get_timezone (carnet_reminder_get_fires_at (reminder))));
          carnet_reminder_set_snooze_until (reminder, until);
        }
    }
  else if (rc != SQLITE_DONE)
    {
      carnet_sqlite_set_error (error, carnet_notebook_get_db (self), rc);
      return FALSE;
    }

  *out_found = rc == SQLITE_ROW;
  return TRUE;
}

static gboolean
appointment_created_utc (CarnetNotebook  *self,
                         gint64           appointment_id,
                         gint64          *out_created,
                         GError         **error)
{
  g_autoptr(CarnetCachedStmt) stmt =
    carnet_notebook_prepare (self, "SELECT created_utc FROM appointments WHERE id = ?1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, appointment_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      carnet_sqlite_set_error (error, carnet_notebook_get_db (self), rc == SQLITE_DONE ? SQLITE_CORRUPT : rc);
      return FALSE;
    }

  *out_created = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

/* Reminders due in [from, to) that the log has no word of. A reminder that
 * was due before its appointment was written is not one: nobody was to be
 * reminded before they planned it. */
static gboolean
collect_pending (CarnetNotebook  *self,
                 GDateTime       *from,
                 GDateTime       *to,
                 GListStore      *store,
                 GError         **error)
{
  g_autoptr(GDateTime) occurrences_to = g_date_time_add_days (to, OFFSET_HORIZON_DAYS);
  g_autoptr(GListModel) agenda = NULL;
  g_autoptr(GHashTable) created = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  agenda = carnet_notebook_agenda (self, from, occurrences_to, error);
  if (agenda == NULL)
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (agenda); i++)
    {
      g_autoptr(CarnetOccurrence) occurrence = g_list_model_get_item (agenda, i);
      CarnetAppointment *appointment = carnet_occurrence_get_appointment (occurrence);
      GDateTime *start = carnet_occurrence_get_start (occurrence);
      gint64 id = carnet_record_get_id (CARNET_RECORD (appointment));
      g_autoptr(GArray) offsets = NULL;
      gint64 *created_utc;

      if (carnet_occurrence_get_status (occurrence) != CARNET_STATUS_PLANNED)
        continue;

      offsets = carnet_appointment_dup_offsets (appointment);
      for (guint j = 0; j < offsets->len; j++)
        {
          const CarnetOffset *offset = &g_array_index (offsets, CarnetOffset, j);
          g_autoptr(CarnetReminder) reminder = carnet_reminder_new (appointment, start, offset);
          GDateTime *fires_at = carnet_reminder_get_fires_at (reminder);
          gboolean logged = FALSE;

          if (g_date_time_compare (fires_at, from) < 0 || g_date_time_compare (fires_at, to) >= 0)
            continue;

          created_utc = g_hash_table_lookup (created, &id);
          if (created_utc == NULL)
            {
              gint64 *key = g_new (gint64, 1);

              created_utc = g_new (gint64, 1);
              if (!appointment_created_utc (self, id, created_utc, error))
                {
                  g_free (key);
                  g_free (created_utc);
                  return FALSE;
                }
              *key = id;
              g_hash_table_insert (created, key, created_utc);
            }

          if (g_date_time_to_unix (fires_at) < *created_utc)
            continue;

          if (!lookup_log (self, reminder, &logged, error))
            return FALSE;
          if (logged)
            continue;

          g_list_store_append (store, reminder);
        }
    }

  return TRUE;
}

/* Snoozed reminders whose snooze ends in [from, to). */
static gboolean
collect_snoozed (CarnetNotebook  *self,
                 GDateTime       *from,
                 GDateTime       *to,
                 GListStore      *store,
                 GError         **error)
{
  g_autoptr(CarnetCachedStmt) stmt = NULL;
  int rc;

  stmt = carnet_notebook_prepare (self,
                                  "SELECT " APPOINTMENT_COLUMNS ", l.occurrence_utc, l.offset,"
                                  " l.snooze_until_utc"
                                  " FROM reminder_log l JOIN appointments a ON a.id = l.appointment_id"
                                  " WHERE l.state = 'snoozed' AND a.trashed_utc IS NULL"
                                  " AND l.snooze_until_utc >= ?1 AND l.snooze_until_utc < ?2"
                                  " ORDER BY l.snooze_until_utc",
                                  error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, from != NULL ? g_date_time_to_unix (from) : G_MININT64);
  sqlite3_bind_int64 (stmt, 2, g_date_time_to_unix (to));

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(CarnetRecord) appointment = carnet_appointment_from_row (stmt);
      const char *tzid = (const char *)sqlite3_column_text (stmt, 4);
      g_autoptr(GDateTime) start = carnet_time_from_unix (sqlite3_column_int64 (stmt, 14), tzid);
      g_autoptr(GDateTime) until = carnet_time_from_unix (sqlite3_column_int64 (stmt, 16), tzid);
      g_autoptr(GArray) offsets = carnet_offsets_parse ((const char *)sqlite3_column_text (stmt, 15),
                                                        "offset", NULL);
      g_autoptr(CarnetReminder) reminder = NULL;

      if (offsets == NULL || offsets->len != 1)
        continue;

      reminder = carnet_reminder_new (CARNET_APPOINTMENT (appointment), start,
                                      &g_array_index (offsets, CarnetOffset, 0));
      carnet_reminder_set_state (reminder, CARNET_REMINDER_SNOOZED);
      carnet_reminder_set_snooze_until (reminder, until);
      g_list_store_append (store, reminder);
    }

  if (rc != SQLITE_DONE)
    {
      carnet_sqlite_set_error (error, carnet_notebook_get_db (self), rc);
      return FALSE;
    }

  return TRUE;
}

static GListStore *
collect_due_between (CarnetNotebook  *self,
                     GDateTime       *from,
                     GDateTime       *to,
                     GError         **error)
{
  g_autoptr(GListStore) store = g_list_store_new (CARNET_TYPE_REMINDER);

  if (!collect_pending (self, from, to, store, error) ||
      !collect_snoozed (self, from, to, store, error))
    return NULL;

  g_list_store_sort (store, compare_due, NULL);
  return g_steal_pointer (&store);
}

static gboolean
count_open_questions (CarnetNotebook  *self,
                      CarnetReminder  *reminder,
                      gint64           next_consultation,
                      GError         **error)
{
  CarnetAppointment *appointment = carnet_reminder_get_appointment (reminder);
  gint64 id = carnet_reminder_get_appointment_id (reminder);
  g_autoptr(CarnetCachedStmt) stmt = NULL;
  int rc;

  if (carnet_appointment_get_kind (appointment) != CARNET_APPOINTMENT_CONSULTATION)
    return TRUE;

  stmt = carnet_notebook_prepare (self,
                                  "SELECT count(*) FROM questions"
                                  " WHERE trashed_utc IS NULL AND status = 'open'"
                                  " AND (appointment_id = ?1 OR (appointment_id IS NULL AND ?2))",
                                  error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int (stmt, 2, id == next_consultation);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      carnet_sqlite_set_error (error, carnet_notebook_get_db (self), rc);
      return FALSE;
    }

  carnet_reminder_set_open_questions (reminder, (guint)sqlite3_column_int (stmt, 0));
  return TRUE;
}

static gboolean
write_log (CarnetNotebook       *self,
           CarnetReminder       *reminder,
           CarnetReminderState   state,
           GDateTime            *snooze_until,
           GError              **error)
{
  g_autoptr(CarnetCachedStmt) stmt = NULL;
  g_autofree char *offset = carnet_reminder_dup_offset_text (reminder);

  stmt = carnet_notebook_prepare (self,
                                  "INSERT INTO reminder_log (appointment_id, occurrence_utc, offset,"
                                  " fires_utc, state, decided_utc, snooze_until_utc)"
                                  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
                                  " ON CONFLICT (appointment_id, occurrence_utc, offset) DO UPDATE"
                                  " SET state = excluded.state, decided_utc = excluded.decided_utc,"
                                  " snooze_until_utc = excluded.snooze_until_utc",
                                  error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, carnet_reminder_get_appointment_id (reminder));
  sqlite3_bind_int64 (stmt, 2, g_date_time_to_unix (carnet_reminder_get_occurrence_start (reminder)));
  sqlite3_bind_text (stmt, 3, offset, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, g_date_time_to_unix (carnet_reminder_get_fires_at (reminder)));
  sqlite3_bind_text (stmt, 5, state_nick (state), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 6, carnet_notebook_now_utc (self));
  if (snooze_until != NULL)
    sqlite3_bind_int64 (stmt, 7, g_date_time_to_unix (snooze_until));
  else
    sqlite3_bind_null (stmt, 7);

  return carnet_notebook_step_done (self, stmt, error);
}

/* Whether the occurrence a reminder is for is over at @now. */
static gboolean
is_over (CarnetReminder *reminder,
         GDateTime      *now)
{
  CarnetAppointment *appointment = carnet_reminder_get_appointment (reminder);
  GDateTime *start = carnet_reminder_get_occurrence_start (reminder);
  g_autoptr(GDateTime) end = carnet_appointment_dup_end_for (appointment, start);
  g_autoptr(GDateTime) cutoff = g_date_time_add (end != NULL ? end : start, OVER_AFTER);

  return g_date_time_compare (now, cutoff) > 0;
}

/**
 * carnet_notebook_list_reminders:
 * @from: (nullable): the start of the range; %NULL for now
 * @to: (nullable): its end (excluded); %NULL for a year after @from
 *
 * What will fire and when, without firing anything: the reminders not shown
 * yet, and the snoozed ones, by when they are due.
 *
 * Returns: (transfer full): a list model of #CarnetReminder
 */
GListModel *
carnet_notebook_list_reminders (CarnetNotebook  *self,
                                GDateTime       *from,
                                GDateTime       *to,
                                GError         **error)
{
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) year_later = NULL;
  GListStore *store;

  g_return_val_if_fail (CARNET_IS_NOTEBOOK (self), NULL);

  if (from == NULL)
    from = now = carnet_clock_get_now (carnet_notebook_get_clock (self));
  if (to == NULL)
    to = year_later = g_date_time_add_years (from, 1);

  store = collect_due_between (self, from, to, error);
  return store != NULL ? G_LIST_MODEL (store) : NULL;
}

/**
 * carnet_notebook_next_reminder_due:
 *
 * When the next reminder is due: possibly already (one that fell due while
 * nothing ran, within %CARNET_REMINDER_CATCH_UP_DAYS days).
 *
 * Returns: (transfer full) (nullable): the time, or %NULL when nothing is
 *   due within a year (and @error is not set) or on error
 */
GDateTime *
carnet_notebook_next_reminder_due (CarnetNotebook  *self,
                                   GError         **error)
{
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) from = NULL;

  g_return_val_if_fail (CARNET_IS_NOTEBOOK (self), NULL);

  now = carnet_clock_get_now (carnet_notebook_get_clock (self));
  from = g_date_time_add_days (now, -CARNET_REMINDER_CATCH_UP_DAYS);

  for (guint i = 0; i < G_N_ELEMENTS (search_windows_days); i++)
    {
      g_autoptr(GDateTime) to = g_date_time_add_days (now, search_windows_days[i]);
      g_autoptr(GListStore) store = collect_due_between (self, from, to, error);
      g_autoptr(CarnetReminder) first = NULL;

      if (store == NULL)
        return NULL;

      first = g_list_model_get_item (G_LIST_MODEL (store), 0);
      if (first != NULL)
        return g_date_time_ref (carnet_reminder_get_due (first));

      g_clear_pointer (&from, g_date_time_unref);
      from = g_date_time_ref (to);
    }

  return NULL;
}

/**
 * carnet_notebook_claim_due_reminders:
 *
 * Decides, in one transaction, about every reminder due now: it is to be
 * shown (notified, or late when nothing ran at its time) or, when its
 * appointment is already over, recorded as missed. Each decision is logged,
 * so no other call, here or in another process, decides again.
 *
 * Returns: (transfer full): a list model of the #CarnetReminder to show now,
 *   earliest first, or %NULL with @error set (and nothing decided)
 */
GListModel *
carnet_notebook_claim_due_reminders (CarnetNotebook  *self,
                                     GError         **error)
{
  g_autoptr(GListStore) due = NULL;
  g_autoptr(GListStore) shown = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) until = NULL;
  gint64 next_consultation;

  g_return_val_if_fail (CARNET_IS_NOTEBOOK (self), NULL);

  if (!carnet_notebook_begin_write (self, error))
    return NULL;

  now = carnet_clock_get_now (carnet_notebook_get_clock (self));
  from = g_date_time_add_days (now, -CARNET_REMINDER_CATCH_UP_DAYS);
  until = g_date_time_add_seconds (now, 1);

  due = collect_due_between (self, from, until, error);
  if (due == NULL)
    goto failed;

  next_consultation = carnet_notebook_next_consultation (self, error);
  if (next_consultation < 0)
    goto failed;

  shown = g_list_store_new (CARNET_TYPE_REMINDER);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (due)); i++)
    {
      g_autoptr(CarnetReminder) reminder = g_list_model_get_item (G_LIST_MODEL (due), i);
      gboolean was_snoozed = carnet_reminder_get_state (reminder) == CARNET_REMINDER_SNOOZED;
      g_autoptr(GDateTime) late_after = g_date_time_add (carnet_reminder_get_due (reminder), LATE_AFTER);
      CarnetReminderState state;

      if (is_over (reminder, now))
        state = was_snoozed ? CARNET_REMINDER_DONE : CARNET_REMINDER_MISSED;
      else if (g_date_time_compare (now, late_after) > 0)
        state = CARNET_REMINDER_LATE;
      else
        state = CARNET_REMINDER_NOTIFIED;

      /* A snoozed one keeps its snooze time, so that releasing it (no
       * notification server) puts it back as it was. */
      if (!write_log (self, reminder, state, NULL, error))
        goto failed;

      carnet_reminder_set_state (reminder, state);
      if (state == CARNET_REMINDER_NOTIFIED || state == CARNET_REMINDER_LATE)
        {
          if (!count_open_questions (self, reminder, next_consultation, error))
            goto failed;
          g_list_store_append (shown, reminder);
        }
    }

  if (g_list_model_get_n_items (G_LIST_MODEL (due)) == 0)
    {
      carnet_notebook_rollback (self);
      return G_LIST_MODEL (g_steal_pointer (&shown));
    }

  if (!carnet_notebook_commit (self, error))
    return NULL;

  return G_LIST_MODEL (g_steal_pointer (&shown));

failed:
  carnet_notebook_rollback (self);
  return NULL;
}

/**
 * carnet_notebook_release_reminder:
 * @reminder: one that carnet_notebook_claim_due_reminders() returned
 *
 * It could not be shown (no notification server answered): it goes back to
 * pending, or to snoozed, and will be claimed again.
 */
gboolean
carnet_notebook_release_reminder (CarnetNotebook  *self,
                                  CarnetReminder  *reminder,
                                  GError         **error)
{
  g_autoptr(CarnetCachedStmt) stmt = NULL;
  g_autofree char *offset = NULL;

  g_return_val_if_fail (CARNET_IS_NOTEBOOK (self), FALSE);
  g_return_val_if_fail (CARNET_IS_REMINDER (reminder), FALSE);

  if (!carnet_notebook_begin_write (self, error))
    return FALSE;

  if (carnet_reminder_get_snooze_until (reminder) != NULL)
    {
      if (!write_log (self, reminder, CARNET_REMINDER_SNOOZED,
                      carnet_reminder_get_snooze_until (reminder), error))
        goto failed;
    }
  else
    {
      offset = carnet_reminder_dup_offset_text (reminder);
      stmt = carnet_notebook_prepare (self,
                                      "DELETE FROM reminder_log"
                                      " WHERE appointment_id = ?1 AND occurrence_utc = ?2 AND offset = ?3"
                                      " AND state IN ('notified', 'late')",
                                      error);
      if (stmt == NULL)
        goto failed;

      sqlite3_bind_int64 (stmt, 1, carnet_reminder_get_appointment_id (reminder));
      sqlite3_bind_int64 (stmt, 2, g_date_time_to_unix (carnet_reminder_get_occurrence_start (reminder)));
      sqlite3_bind_text (stmt, 3, offset, -1, SQLITE_TRANSIENT);
      if (!carnet_notebook_step_done (self, stmt, error))
        goto failed;
      g_clear_pointer (&stmt, carnet_cached_stmt_reset);
    }

  if (!carnet_notebook_commit (self, error))
    return FALSE;

  carnet_reminder_set_state (reminder, carnet_reminder_get_snooze_until (reminder) != NULL
                                         ? CARNET_REMINDER_SNOOZED
                                         : CARNET_REMINDER_PENDING);
  return TRUE;

failed:
  carnet_notebook_rollback (self);
  return FALSE;
}

/**
 * carnet_notebook_snooze_reminder:
 * @until: when to show it again
 *
 * Puts a shown reminder off. The snooze is in the notebook: it survives
 * restarts, and another process shows it just as well.
 */
gboolean
carnet_notebook_snooze_reminder (CarnetNotebook  *self,
                                 CarnetReminder  *reminder,
                                 GDateTime       *until,
                                 GError         **error)
{
  g_autoptr(GDateTime) now = NULL;

  g_return_val_if_fail (CARNET_IS_NOTEBOOK (self), FALSE);
  g_return_val_if_fail (CARNET_IS_REMINDER (reminder), FALSE);
  g_return_val_if_fail (until != NULL, FALSE);

  now = carnet_clock_get_now (carnet_notebook_get_clock (self));
  if (g_date_time_compare (until, now) <= 0)
    {
      carnet_set_field_error (error, "snooze", _("must be later than now"));
      return FALSE;
    }

  if (!carnet_notebook_begin_write (self, error))
    return FALSE;

  if (!write_log (self, reminder, CARNET_REMINDER_SNOOZED, until, error))
    {
      carnet_notebook_rollback (self);
      return FALSE;
    }

  if (!carnet_notebook_commit (self, error))
    return FALSE;

  carnet_reminder_set_snooze_until (reminder, until);
  carnet_reminder_set_state (reminder, CARNET_REMINDER_SNOOZED);
  return TRUE;
}

/**
 * carnet_notebook_finish_reminder:
 *
 * The person acknowledged the reminder: it is done, snoozed or not.
 */
gboolean
carnet_notebook_finish_reminder (CarnetNotebook  *self,
                                 CarnetReminder  *reminder,
                                 GError         **error)
{
  g_return_val_if_fail (CARNET_IS_NOTEBOOK (self), FALSE);
  g_return_val_if_fail (CARNET_IS_REMINDER (reminder), FALSE);

  if (!carnet_notebook_begin_write (self, error))
    return FALSE;

  if (!write_log (self, reminder, CARNET_REMINDER_DONE, NULL, error))
    {
      carnet_notebook_rollback (self);
      return FALSE;
    }

  if (!carnet_notebook_commit (self, error))
    return FALSE;

  carnet_reminder_set_snooze_until (reminder, NULL);
  carnet_reminder_set_state (reminder, CARNET_REMINDER_DONE);
  return TRUE;
}

/**
 * carnet_notebook_list_missed_reminders:
 *
 * The occurrences whose reminders fell due while nothing ran and that were
 * over before anything could show them, for the last
 * %CARNET_REMINDER_CATCH_UP_DAYS days, the most recent first: one reminder
 * per occurrence.
 *
 * Returns: (transfer full): a list model of #CarnetReminder
 */
GListModel *
carnet_notebook_list_missed_reminders (CarnetNotebook  *self,
                                       GError         **error)
{
  g_autoptr(GListStore) store = NULL;
  g_autoptr(CarnetCachedStmt) stmt = NULL;
  g_autoptr(GDateTime) now = NULL;
  int rc;

  g_return_val_if_fail (CARNET_IS_NOTEBOOK (self), NULL);

  stmt = carnet_notebook_prepare (self,
                                  "SELECT " APPOINTMENT_COLUMNS ", l.occurrence_utc, min(l.offset)"
                                  " FROM reminder_log l JOIN appointments a ON a.id = l.appointment_id"
                                  " WHERE l.state = 'missed' AND a.trashed_utc IS NULL"
                                  " AND l.occurrence_utc >= ?1"
                                  " GROUP BY l.appointment_id, l.occurrence_utc"
                                  " ORDER BY l.occurrence_utc DESC",
                                  error);
  if (stmt == NULL)
    return NULL;

  now = carnet_clock_get_now (carnet_notebook_get_clock (self));
  sqlite3_bind_int64 (stmt, 1, g_date_time_to_unix (now) - CARNET_REMINDER_CATCH_UP_DAYS * 24 * 3600);

  store = g_list_store_new (CARNET_TYPE_REMINDER);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(CarnetRecord) appointment = carnet_appointment_from_row (stmt);
      const char *tzid = (const char *)sqlite3_column_text (stmt, 4);
      g_autoptr(GDateTime) start = carnet_time_from_unix (sqlite3_column_int64 (stmt, 14), tzid);
      g_autoptr(GArray) offsets = carnet_offsets_parse ((const char *)sqlite3_column_text (stmt, 15),
                                                        "offset", NULL);
      g_autoptr(CarnetReminder) reminder = NULL;

      if (offsets == NULL || offsets->len != 1)
        continue;

      reminder = carnet_reminder_new (CARNET_APPOINTMENT (appointment), start,
                                      &g_array_index (offsets, CarnetOffset, 0));
      carnet_reminder_set_state (reminder, CARNET_REMINDER_MISSED);
      g_list_store_append (store, reminder);
    }

  if (rc != SQLITE_DONE)
    {
      carnet_sqlite_set_error (error, carnet_notebook_get_db (self), rc);
      return NULL;
    }

  return G_LIST_MODEL (g_steal_pointer (&store));
}

/**
 * carnet_notebook_find_reminder:
 * @key: what carnet_reminder_dup_key() gave
 *
 * Finds a reminder again from its key (a notification's action names it),
 * with its state from the log.
 *
 * Returns: (transfer full): the reminder, or %NULL with @error set
 */
CarnetReminder *
carnet_notebook_find_reminder (CarnetNotebook  *self,
                               const char      *key,
                               GError         **error)
{
  g_auto(GStrv) parts = NULL;
  g_autoptr(CarnetRecord) appointment = NULL;
  g_autoptr(GArray) offsets = NULL;
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(CarnetReminder) reminder = NULL;
  gint64 id, occurrence_utc;
  gboolean found = FALSE;

  g_return_val_if_fail (CARNET_IS_NOTEBOOK (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  parts = g_strsplit (key, ":", 3);
  if (g_strv_length (parts) != 3 ||
      !g_ascii_string_to_signed (parts[0], 10, 1, G_MAXINT64, &id, NULL) ||
      !g_ascii_string_to_signed (parts[1], 10, G_MININT64, G_MAXINT64, &occurrence_utc, NULL) ||
      (offsets = carnet_offsets_parse (parts[2], "offset", NULL)) == NULL ||
      offsets->len != 1)
    {
      g_set_error (error, CARNET_ERROR, CARNET_ERROR_NOT_FOUND,
                   _("There is no reminder “%s”"), key);
      return NULL;
    }

  appointment = carnet_notebook_get (self, CARNET_RECORD_APPOINTMENT, id, error);
  if (appointment == NULL)
    return NULL;

  start = carnet_time_from_unix (occurrence_utc,
                                 carnet_time_zone_id ((GTimeZone *)g_date_time_get_timezone (carnet_appointment_get_start (CARNET_APPOINTMENT (appointment)))));
  reminder = carnet_reminder_new (CARNET_APPOINTMENT (appointment), start,
                                  &g_array_index (offsets, CarnetOffset, 0));
  if (!lookup_log (self, reminder, &found, error))
    return NULL;

  return g_steal_pointer (&reminder);
}
