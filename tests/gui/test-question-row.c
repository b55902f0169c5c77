/* test-question-row.c: what the Questions page says about questions and consultations
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "carnet-test"

#include "config.h"

#include <locale.h>

#include "carnet-question-row.h"

static GTimeZone *paris;

static GDateTime *
at (int year,
    int month,
    int day,
    int hour,
    int minute)
{
  return g_date_time_new (paris, year, month, day, hour, minute, 0);
}

static CarnetAppointment *
new_consultation (const char   *title,
                  GDateTime    *start,
                  CarnetStatus  status)
{
  CarnetAppointment *appointment = carnet_appointment_new ();

  carnet_appointment_set_title (appointment, title);
  carnet_appointment_set_kind (appointment, CARNET_APPOINTMENT_CONSULTATION);
  carnet_appointment_set_start (appointment, start);
  carnet_appointment_set_status (appointment, status);

  return appointment;
}

static void
test_group_order (void)
{
  g_autoptr(GDateTime) soon = at (2026, 12, 14, 10, 30);
  g_autoptr(GDateTime) later = at (2027, 3, 1, 9, 0);
  g_autoptr(GDateTime) recent = at (2026, 9, 21, 10, 0);
  g_autoptr(GDateTime) old = at (2026, 4, 10, 11, 0);
  CarnetQuestionGroupInfo groups[] = {
    /* In the expected order. */
    { CARNET_QUESTION_GROUP_NEXT, 0, NULL, FALSE },
    { CARNET_QUESTION_GROUP_PLANNED, 9, soon, TRUE },
    { CARNET_QUESTION_GROUP_PLANNED, 4, later, FALSE },
    { CARNET_QUESTION_GROUP_PAST, 7, recent, FALSE },
    { CARNET_QUESTION_GROUP_PAST, 2, old, FALSE },
    { CARNET_QUESTION_GROUP_PAST, 3, NULL, FALSE },
    { CARNET_QUESTION_GROUP_PAST, 5, NULL, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    {
      for (guint j = 0; j < G_N_ELEMENTS (groups); j++)
        {
          int order = carnet_question_row_compare_groups (&groups[i], &groups[j]);

          if (i < j)
            g_assert_cmpint (order, <, 0);
          else if (i > j)
            g_assert_cmpint (order, >, 0);
          else
            g_assert_cmpint (order, ==, 0);
        }
    }
}

static void
test_group_titles (void)
{
  g_autoptr(GDateTime) now = at (2026, 11, 28, 10, 0);
  g_autoptr(GDateTime) soon = at (2026, 12, 14, 10, 30);
  g_autoptr(GDateTime) later = at (2027, 3, 1, 9, 0);
  g_autoptr(GDateTime) past = at (2026, 3, 3, 11, 0);
  g_autoptr(CarnetAppointment) next = new_consultation ("Oncology consultation", soon,
                                                        CARNET_STATUS_PLANNED);
  g_autoptr(CarnetAppointment) check_up = new_consultation ("Six-month check-up", later,
                                                            CARNET_STATUS_PLANNED);
  g_autoptr(CarnetAppointment) done = new_consultation ("Surgeon follow-up", past,
                                                        CARNET_STATUS_DONE);
  CarnetQuestionGroupInfo next_group = { CARNET_QUESTION_GROUP_NEXT, 0, soon, FALSE };
  CarnetQuestionGroupInfo nothing_planned = { CARNET_QUESTION_GROUP_NEXT, 0, NULL, FALSE };
  CarnetQuestionGroupInfo its_group = { CARNET_QUESTION_GROUP_PLANNED, 4, soon, TRUE };
  CarnetQuestionGroupInfo later_group = { CARNET_QUESTION_GROUP_PLANNED, 5, later, FALSE };
  CarnetQuestionGroupInfo past_group = { CARNET_QUESTION_GROUP_PAST, 2, past, FALSE };
  CarnetQuestionGroupInfo deleted_group = { CARNET_QUESTION_GROUP_PAST, 3, NULL, FALSE };
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;

  title = carnet_question_row_group_title (CARNET_QUESTION_GROUP_NEXT, next);
  description = carnet_question_row_group_description (&next_group, next, now);
  g_assert_cmpstr (title, ==, "Next Consultation");
  g_assert_cmpstr (description, ==, "Monday, December 14 at 10:30 · Oncology consultation");
  g_clear_pointer (&description, g_free);
  g_clear_pointer (&title, g_free);

  /* No consultation planned: the questions wait. */
  description = carnet_question_row_group_description (&nothing_planned, NULL, now);
  g_assert_cmpstr (description, ==, "No consultation is planned yet: these questions will go to the next one.");
  g_clear_pointer (&description, g_free);

  /* The next consultation's own group says it is the next one. */
  title = carnet_question_row_group_title (CARNET_QUESTION_GROUP_PLANNED, next);
  description = carnet_question_row_group_description (&its_group, next, now);
  g_assert_cmpstr (title, ==, "Oncology consultation");
  g_assert_cmpstr (description, ==, "Monday, December 14 at 10:30 · Next consultation");
  g_clear_pointer (&description, g_free);
  g_clear_pointer (&title, g_free);

  description = carnet_question_row_group_description (&later_group, check_up, now);
  g_assert_cmpstr (description, ==, "March 1, 2027 at 09:00");
  g_clear_pointer (&description, g_free);

  title = carnet_question_row_group_title (CARNET_QUESTION_GROUP_PAST, done);
  description = carnet_question_row_group_description (&past_group, done, now);
  g_assert_cmpstr (title, ==, "Surgeon follow-up");
  g_assert_cmpstr (description, ==, "Tuesday, March 3 · Done");
  g_clear_pointer (&description, g_free);
  g_clear_pointer (&title, g_free);

  /* Questions of an appointment sent to the trash are kept. */
  title = carnet_question_row_group_title (CARNET_QUESTION_GROUP_PAST, NULL);
  description = carnet_question_row_group_description (&deleted_group, NULL, now);
  g_assert_cmpstr (title, ==, "A Deleted Appointment");
  g_assert_cmpstr (description, ==, "Its questions are kept here.");

  g_assert_cmpstr (carnet_question_row_add_placeholder (CARNET_QUESTION_GROUP_NEXT), ==,
                   "Add a question for the next consultation");
  g_assert_cmpstr (carnet_question_row_add_placeholder (CARNET_QUESTION_GROUP_PLANNED), ==,
                   "Add a question for this consultation");
}

static void
test_question_state (void)
{
  g_autoptr(GDateTime) now = at (2026, 11, 28, 10, 0);
  g_autoptr(GDateTime) yesterday = at (2026, 11, 27, 21, 0);
  g_autoptr(CarnetQuestion) question = carnet_question_new ();
  g_autofree char *meta = NULL;
  g_autofree char *answer = NULL;

  carnet_question_set_text (question, "Can I go back to swimming?");
  carnet_question_set_author (question, CARNET_AUTHOR_CAREGIVER);
  carnet_question_set_created (question, yesterday);

  meta = carnet_question_row_describe_meta (question, now);
  g_assert_cmpstr (meta, ==, "Caregiver · Yesterday");

  /* Open: not ticked, nothing answered. */
  g_assert_false (carnet_question_row_is_asked (question));
  g_assert_null (carnet_question_row_describe_answer (question));
  g_assert_cmpstr (carnet_question_row_answer_label (question), ==, "Answer…");

  carnet_question_set_status (question, CARNET_QUESTION_ASKED);
  g_assert_true (carnet_question_row_is_asked (question));

  /* Answered implies asked. */
  carnet_question_set_status (question, CARNET_QUESTION_ANSWERED);
  carnet_question_set_answer (question, "Yes, once the skin has healed.");
  g_assert_true (carnet_question_row_is_asked (question));
  answer = carnet_question_row_describe_answer (question);
  g_assert_cmpstr (answer, ==, "Answer: Yes, once the skin has healed.");
  g_assert_cmpstr (carnet_question_row_answer_label (question), ==, "Edit Answer…");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  paris = g_time_zone_new_identifier ("Europe/Paris");

  g_test_add_func ("/gui/question-row/group-order", test_group_order);
  g_test_add_func ("/gui/question-row/group-titles", test_group_titles);
  g_test_add_func ("/gui/question-row/question-state", test_question_state);

  return g_test_run ();
}
