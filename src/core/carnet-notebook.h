/* carnet-notebook.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One person's notebook: a SQLite file that only this object reads and writes.
 * Every public call that changes something is one transaction: it is done
 * whole and durably, or not at all.
 */
#pragma once

#include <gio/gio.h>

#include "carnet-clock.h"
#include "carnet-record.h"
#include "carnet-occurrence.h"
#include "carnet-reminder.h"
#include "carnet-search-hit.h"

G_BEGIN_DECLS

#define CARNET_TYPE_NOTEBOOK (carnet_notebook_get_type ())

G_DECLARE_FINAL_TYPE (CarnetNotebook, carnet_notebook, CARNET, NOTEBOOK, GObject)

/* The schema this build writes (PRAGMA user_version). */
#define CARNET_SCHEMA_VERSION 7
/* PRAGMA application_id of Carnet notebooks: "Crnt". */
#define CARNET_APPLICATION_ID 0x43726e74
/* Trashed records are kept this long, then purged. */
#define CARNET_TRASH_DAYS 30

typedef enum
{
  CARNET_OPEN_FLAGS_NONE      = 0,
  /* Create the file (0600, in a 0700 folder) when it does not exist. */
  CARNET_OPEN_FLAGS_CREATE    = 1 << 0,
  CARNET_OPEN_FLAGS_READ_ONLY = 1 << 1,
} CarnetOpenFlags;

typedef struct
{
  gboolean  ok;
  int       schema_version;
  guint     counts[CARNET_N_RECORD_KINDS];
  guint     trashed;
  char     *journal_mode;
  /* What integrity_check said when it did not say "ok". */
  GStrv     problems;
} CarnetCheckReport;

char           *carnet_notebook_default_path      (void);
CarnetNotebook *carnet_notebook_open              (const char        *path,
                                                   CarnetOpenFlags    flags,
                                                   CarnetClock       *clock,
                                                   GError           **error);
const char     *carnet_notebook_get_path          (CarnetNotebook    *self);
gboolean        carnet_notebook_get_read_only     (CarnetNotebook    *self);
CarnetClock    *carnet_notebook_get_clock         (CarnetNotebook    *self);
int             carnet_notebook_get_schema_version (CarnetNotebook   *self);
void            carnet_notebook_close             (CarnetNotebook    *self);

/* Whose notebook this is ("" until named). */
const char     *carnet_notebook_get_person        (CarnetNotebook    *self);
gboolean        carnet_notebook_set_person        (CarnetNotebook    *self,
                                                   const char        *person,
                                                   GError           **error);
/* The reminder offsets a new appointment gets when none are given. */
const char     *carnet_notebook_get_default_reminders (CarnetNotebook *self);
gboolean        carnet_notebook_set_default_reminders (CarnetNotebook *self,
                                                       const char     *offsets,
                                                       GError        **error);

/* Records. add() sets the new id on the record; update() writes every field. */
gboolean        carnet_notebook_add               (CarnetNotebook    *self,
                                                   CarnetRecord      *record,
                                                   GError           **error);
gboolean        carnet_notebook_update            (CarnetNotebook    *self,
                                                   CarnetRecord      *record,
                                                   GError           **error);
CarnetRecord   *carnet_notebook_get               (CarnetNotebook    *self,
                                                   CarnetRecordKind   kind,
                                                   gint64             id,
                                                   GError           **error);
/* Records dated within [from, to) (either may be NULL), oldest first; questions
 * by consultation and position, treatments by start. */
GListModel     *carnet_notebook_list              (CarnetNotebook    *self,
                                                   CarnetRecordKind   kind,
                                                   GDateTime         *from,
                                                   GDateTime         *to,
                                                   GError           **error);
GListModel     *carnet_notebook_list_questions_for (CarnetNotebook   *self,
                                                    gint64            appointment_id,
                                                    guint             limit,
                                                    guint            *out_total,
                                                    GError          **error);
GListModel     *carnet_notebook_list_questions_after (CarnetNotebook *self,
                                                      gint64          after_id,
                                                      guint           limit,
                                                      gint64         *out_newest_id,
                                                      GError        **error);
gboolean        carnet_notebook_locate_question   (CarnetNotebook    *self,
                                                   gint64             question_id,
                                                   gint64            *out_appointment_id,
                                                   guint             *out_index,
                                                   GError           **error);
GArray         *carnet_notebook_list_asked_consultations (CarnetNotebook *self,
                                                          guint           limit,
                                                          GError        **error);
/* Appointment occurrences starting within [from, to), repeats expanded. */
GListModel     *carnet_notebook_agenda            (CarnetNotebook    *self,
                                                   GDateTime         *from,
                                                   GDateTime         *to,
                                                   GError           **error);
GListModel     *carnet_notebook_agenda_of_kind    (CarnetNotebook        *self,
                                                   CarnetAppointmentKind  kind,
                                                   GDateTime             *from,
                                                   GDateTime             *to,
                                                   GError               **error);
GListModel     *carnet_notebook_agenda_of_kinds   (CarnetNotebook              *self,
                                                   const CarnetAppointmentKind *kinds,
                                                   guint                        n_kinds,
                                                   GDateTime                   *from,
                                                   GDateTime                   *to,
                                                   GError                     **error);
gboolean        carnet_notebook_set_occurrence_status (CarnetNotebook *self,
                                                       gint64          appointment_id,
                                                       GDateTime      *occurrence_start,
                                                       CarnetStatus    status,
                                                       GError        **error);
GBytes         *carnet_notebook_dup_attachment    (CarnetNotebook    *self,
                                                   gint64             result_id,
                                                   char             **out_name,
                                                   GError           **error);

/* Questions */
gboolean        carnet_notebook_answer_question   (CarnetNotebook    *self,
                                                   gint64             question_id,
                                                   const char        *answer,
                                                   GError           **error);
gboolean        carnet_notebook_move_question     (CarnetNotebook    *self,
                                                   gint64             question_id,
                                                   guint              position,
                                                   GError           **error);
/* The consultation that "next consultation" questions go to: the first planned
 * consultation from now on; 0 when none is planned. */
gint64          carnet_notebook_next_consultation (CarnetNotebook    *self,
                                                   GError           **error);

/* Trash */
gboolean        carnet_notebook_trash             (CarnetNotebook    *self,
                                                   CarnetRecordKind   kind,
                                                   gint64             id,
                                                   GError           **error);
gboolean        carnet_notebook_restore           (CarnetNotebook    *self,
                                                   CarnetRecordKind   kind,
                                                   gint64             id,
                                                   GError           **error);
GListModel     *carnet_notebook_list_trash        (CarnetNotebook    *self,
                                                   GError           **error);
guint           carnet_notebook_purge_trash       (CarnetNotebook    *self,
                                                   GError           **error);

/* Reminders (carnet-notebook-reminders.c) */

/* Reminders that fell due while nothing ran are caught up for this long;
 * older ones are history, not news. */
#define CARNET_REMINDER_CATCH_UP_DAYS 30

GListModel     *carnet_notebook_list_reminders    (CarnetNotebook    *self,
                                                   GDateTime         *from,
                                                   GDateTime         *to,
                                                   GError           **error);
GDateTime      *carnet_notebook_next_reminder_due (CarnetNotebook    *self,
                                                   GError           **error);
GListModel     *carnet_notebook_claim_due_reminders (CarnetNotebook  *self,
                                                     GError         **error);
gboolean        carnet_notebook_release_reminder  (CarnetNotebook    *self,
                                                   CarnetReminder    *reminder,
                                                   GError           **error);
gboolean        carnet_notebook_snooze_reminder   (CarnetNotebook    *self,
                                                   CarnetReminder    *reminder,
                                                   GDateTime         *until,
                                                   GError           **error);
gboolean        carnet_notebook_finish_reminder   (CarnetNotebook    *self,
                                                   CarnetReminder    *reminder,
                                                   GError           **error);
GListModel     *carnet_notebook_list_missed_reminders (CarnetNotebook *self,
                                                       GError        **error);
CarnetReminder *carnet_notebook_find_reminder     (CarnetNotebook    *self,
                                                   const char        *key,
                                                   GError           **error);

/* Reading a page at a time (carnet-notebook-pages.c) */

#define CARNET_KIND_BIT(kind) (1u << (kind))
#define CARNET_ALL_KINDS      ((1u << CARNET_N_RECORD_KINDS) - 1)

/* Where a record is in the journal: its kind, its id and its instant in UTC
 * seconds, as the journal orders them. */
typedef struct
{
  CarnetRecordKind kind;
  gint64           id;
  gint64           at;
} CarnetRecordKey;

guint           carnet_notebook_count_live        (CarnetNotebook    *self,
                                                   guint              kinds,
                                                   GError           **error);
GPtrArray      *carnet_notebook_list_page         (CarnetNotebook    *self,
                                                   guint              kinds,
                                                   CarnetRecord      *anchor,
                                                   gboolean           newer,
                                                   guint              offset,
                                                   guint              limit,
                                                   GError           **error);
gboolean        carnet_notebook_list_keys         (CarnetNotebook          *self,
                                                   guint                    kinds,
                                                   const CarnetRecordKey   *after,
                                                   guint                    offset,
                                                   guint                    limit,
                                                   GArray                  *keys,
                                                   GError                 **error);
GPtrArray      *carnet_notebook_list_page_after_key (CarnetNotebook        *self,
                                                     guint                  kinds,
                                                     const CarnetRecordKey *after,
                                                     guint                  offset,
                                                     guint                  limit,
                                                     GError               **error);
guint           carnet_notebook_count_newer       (CarnetNotebook    *self,
                                                   guint              kinds,
                                                   CarnetRecord      *record,
                                                   GError           **error);
GHashTable     *carnet_notebook_count_open_questions (CarnetNotebook *self,
                                                      GError        **error);
GPtrArray      *carnet_notebook_list_result_names (CarnetNotebook    *self,
                                                   GError           **error);
GPtrArray      *carnet_notebook_summarize_results (CarnetNotebook    *self,
                                                   const char        *name,
                                                   GError           **error);
GPtrArray      *carnet_notebook_list_results_named (CarnetNotebook     *self,
                                                    const char * const *names,
                                                    guint               limit,
                                                    GError            **error);

/* Search (carnet-notebook-search.c) */
/* Up to this many matches, a search lists them best first; past it, the
 * entries written last first. (Ranking 250 cost 3 to 4 ms a part read at
 * 10 000 entries.) */
#define CARNET_SEARCH_RANKED_MAX 100
/* The matches of a search are counted up to this many. */
#define CARNET_SEARCH_COUNT_MAX 1000
GListModel     *carnet_notebook_search            (CarnetNotebook    *self,
                                                   const char        *query,
                                                   guint              limit,
                                                   GError           **error);
GListModel     *carnet_notebook_search_range      (CarnetNotebook    *self,
                                                   const char        *query,
                                                   guint              offset,
                                                   guint              limit,
                                                   guint             *n_matches,
                                                   GError           **error);

/* Health */
CarnetCheckReport *carnet_notebook_check          (CarnetNotebook    *self,
                                                   GError           **error);
void            carnet_check_report_free          (CarnetCheckReport *report);

/* Changes by other processes: watch the file and emit ::changed. */
void            carnet_notebook_watch             (CarnetNotebook    *self);
gboolean        carnet_notebook_poll_changes      (CarnetNotebook    *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CarnetCheckReport, carnet_check_report_free)

G_END_DECLS
