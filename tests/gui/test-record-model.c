/* test-record-model.c: the lazy list model of the Journal and Side effects pages
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sqlite3.h>
#include <glib/gstdio.h>

#include "carnet.h"
#include "carnet-item.h"
#include "carnet-record-model.h"
#include "carnet-row-text.h"

#define N_RECORDS 5000
/* 2026-01-01T00:00:00Z: the records are an hour apart, the newest last. */
#define FIRST_AT  1767225600

typedef struct
{
  char              *dir;
  char              *path;
  CarnetClock       *clock;
  CarnetNotebook    *notebook;
  CarnetRecordModel *model;
  GTimeZone         *tz;
  /* (position, removed, added) of each items-changed */
  GArray            *changes;
} Fixture;

static void
on_items_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     Fixture    *fixture)
{
  guint change[3] = { position, removed, added };

  g_array_append_vals (fixture->changes, change, 3);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_from_unix_utc (FIRST_AT + N_RECORDS * 3600);
  g_autofree char *insert = NULL;
  sqlite3 *db = NULL;

  fixture->dir = g_dir_make_tmp ("carnet-test-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "notebook.carnet", NULL);
  fixture->clock = carnet_clock_new_fixed (now);
  fixture->notebook = carnet_notebook_open (fixture->path, CARNET_OPEN_FLAGS_CREATE,
                                            fixture->clock, &error);
  g_assert_no_error (error);

  /* Years of side effects, written at once from another connection. */
  insert = g_strdup_printf ("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %d)"
                            " INSERT INTO side_effects (symptom, severity, at_utc, tzid, created_utc, modified_utc)"
                            " SELECT 'Nausées', i %% 5, %d + (i - 1) * 3600, 'Europe/Paris', 0, 0 FROM n",
                            N_RECORDS, FIRST_AT);
  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, insert, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  fixture->tz = g_time_zone_new_identifier ("Europe/Paris");
  fixture->model = carnet_record_model_new ();
  fixture->changes = g_array_new (FALSE, FALSE, sizeof (guint));
  g_signal_connect (fixture->model, "items-changed", G_CALLBACK (on_items_changed_cb), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_assert_finalize_object (fixture->model);
  g_assert_finalize_object (fixture->notebook);
  g_clear_object (&fixture->clock);
  g_clear_pointer (&fixture->tz, g_time_zone_unref);
  g_array_unref (fixture->changes);
  g_unlink (fixture->path);
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (fixture->path, "-shm", NULL);
  g_unlink (wal);
  g_unlink (shm);
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static void
load (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  carnet_record_model_load (fixture->model, fixture->notebook,
                            CARNET_KIND_BIT (CARNET_RECORD_SIDE_EFFECT), fixture->tz, &error);
  g_assert_no_error (error);
}

/* The side effect at @position is the one of id N_RECORDS - @position, the
 * newest first, when nothing was added. */
static void
assert_item (Fixture    *fixture,
             guint       position,
             const char *key)
{
  g_autoptr(CarnetItem) item = g_list_model_get_item (G_LIST_MODEL (fixture->model), position);

  g_assert_nonnull (item);
  g_assert_cmpstr (carnet_item_get_key (item), ==, key);
}

static void
assert_last_change (Fixture *fixture,
                    guint    position,
                    guint    removed,
                    guint    added)
{
  guint n = fixture->changes->len;

  g_assert_cmpuint (n, >=, 3);
  g_assert_cmpuint (g_array_index (fixture->changes, guint, n - 3), ==, position);
  g_assert_cmpuint (g_array_index (fixture->changes, guint, n - 2), ==, removed);
  g_assert_cmpuint (g_array_index (fixture->changes, guint, n - 1), ==, added);
}

static void
test_reads_what_is_asked (Fixture       *fixture,
                          gconstpointer  user_data)
{
  GListModel *model = G_LIST_MODEL (fixture->model);
  g_autofree char *previous_month = NULL;

  load (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, N_RECORDS);
  assert_last_change (fixture, 0, 0, N_RECORDS);
  /* Its length is known; nothing is read yet. */
  g_assert_cmpuint (carnet_record_model_get_n_cached (fixture->model), ==, 0);

  assert_item (fixture, 0, "2:5000");
  g_assert_cmpuint (carnet_record_model_get_n_cached (fixture->model), ==, CARNET_RECORD_MODEL_PAGE);

  /* The far end is read from there, not through everything between. */
  assert_item (fixture, N_RECORDS - 1, "2:1");
  g_assert_cmpuint (carnet_record_model_get_n_cached (fixture->model), ==, 2 * CARNET_RECORD_MODEL_PAGE);
  assert_item (fixture, 2510, "2:2490");
  g_assert_cmpuint (carnet_record_model_get_n_cached (fixture->model), ==, 3 * CARNET_RECORD_MODEL_PAGE);
  g_assert_null (g_list_model_get_item (model, N_RECORDS));

  /* Scrolled through: every record in order, a heading opening each month,
   * and never more than a few pages held. */
  for (guint i = 0; i < N_RECORDS; i++)
    {
      g_autoptr(CarnetItem) item = g_list_model_get_item (model, i);
      g_autofree char *key = g_strdup_printf ("2:%u", N_RECORDS - i);
      CarnetSideEffect *side_effect = carnet_item_get_object (item);
      g_autoptr(GDateTime) local = g_date_time_to_timezone (carnet_side_effect_get_at (side_effect), fixture->tz);
      g_autofree char *month = carnet_row_text_month (local);

      g_assert_cmpstr (carnet_item_get_key (item), ==, key);
      if (g_strcmp0 (month, previous_month) != 0)
        g_assert_cmpstr (carnet_item_get_header (item), ==, month);
      else
        g_assert_null (carnet_item_get_header (item));
      g_assert_cmpuint (carnet_record_model_get_n_cached (fixture->model), <=,
                        CARNET_RECORD_MODEL_MAX_PAGES * CARNET_RECORD_MODEL_PAGE);
      g_free (previous_month);
      previous_month = g_steal_pointer (&month);
    }

  /* And back up, from the pages held. */
  for (guint i = N_RECORDS; i > 0; i--)
    {
      g_autofree char *key = g_strdup_printf ("2:%u", N_RECORDS - i + 1);

      assert_item (fixture, i - 1, key);
    }
}

static void
test_follows_changes (Fixture       *fixture,
                      gconstpointer  user_data)
{
  GListModel *model = G_LIST_MODEL (fixture->model);
  g_autoptr(CarnetSideEffect) newest = carnet_side_effect_new ();
  g_autoptr(GDateTime) at = g_date_time_new_from_unix_utc (FIRST_AT + N_RECORDS * 3600);
  g_autoptr(CarnetItem) before = NULL;
  g_autoptr(CarnetItem) after = NULL;
  g_autoptr(CarnetRecord) stored = NULL;
  g_autoptr(GError) error = NULL;

  load (fixture);
  before = g_list_model_get_item (model, 10);
  assert_item (fixture, 60, "2:4940");

  /* A new side effect, the newest: it alone comes, the others keep their items. */
  carnet_side_effect_set_symptom (newest, "Fatigue");
  carnet_side_effect_set_severity (newest, 2);
  carnet_side_effect_set_at (newest, at);
  carnet_notebook_add (fixture->notebook, CARNET_RECORD (newest), &error);
  g_assert_no_error (error);
  load (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, N_RECORDS + 1);
  assert_last_change (fixture, 0, 0, 1);
  after = g_list_model_get_item (model, 11);
  g_assert_true (before == after);
  assert_item (fixture, 0, "2:5001");

  /* One trashed: it alone goes. */
  carnet_notebook_trash (fixture->notebook, CARNET_RECORD_SIDE_EFFECT, 4990, &error);
  g_assert_no_error (error);
  load (fixture);
  assert_last_change (fixture, 11, 1, 0);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, N_RECORDS);
  assert_item (fixture, 11, "2:4989");

  /* One changed: the same item, holding the record as it is now. */
  stored = carnet_notebook_get (fixture->notebook, CARNET_RECORD_SIDE_EFFECT, 4995, &error);
  g_assert_no_error (error);
  carnet_side_effect_set_severity (CARNET_SIDE_EFFECT (stored), 4);
  carnet_notebook_update (fixture->notebook, stored, &error);
  g_assert_no_error (error);
  g_array_set_size (fixture->changes, 0);
  load (fixture);
  g_assert_cmpuint (fixture->changes->len, ==, 0);
  {
    g_autoptr(CarnetItem) item = g_list_model_get_item (model, 6);

    g_assert_cmpstr (carnet_item_get_key (item), ==, "2:4995");
    g_assert_cmpint (carnet_side_effect_get_severity (carnet_item_get_object (item)), ==, 4);
  }

  /* Where a record is, without reading what is before it. */
  g_assert_cmpuint (carnet_record_model_find (fixture->model, CARNET_RECORD_SIDE_EFFECT, 1, &error),
                    ==, N_RECORDS - 1);
  g_assert_cmpuint (carnet_record_model_find (fixture->model, CARNET_RECORD_SIDE_EFFECT, 4990, &error),
                    ==, G_MAXUINT);
  g_assert_cmpuint (carnet_record_model_find (fixture->model, CARNET_RECORD_RESULT, 1, &error),
                    ==, G_MAXUINT);
  g_assert_no_error (error);

  /* Another notebook, or none: read afresh. */
  carnet_record_model_load (fixture->model, NULL, CARNET_ALL_KINDS, fixture->tz, &error);
  g_assert_no_error (error);
  assert_last_change (fixture, 0, N_RECORDS, 0);
  g_assert_cmpuint (carnet_record_model_get_n_cached (fixture->model), ==, 0);
}

static void
drain (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* The month of the side effect at @position, @added new ones before the
 * records of the fixture. */
static char *
month_at (Fixture *fixture,
          guint    position)
{
  g_autoptr(GDateTime) at = g_date_time_new_from_unix_utc (FIRST_AT + (gint64) (N_RECORDS - position - 1) * 3600);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (at, fixture->tz);

  return carnet_row_text_month (local);
}

/* Far pages, none next to another: each is read from the key kept before
 * it, and holds what it would hold read from an end. */
static void
assert_jumps (Fixture     *fixture,
              const guint *positions,
              guint        n_positions,
              guint        added)
{
  for (guint i = 0; i < n_positions; i++)
    {
      guint position = positions[i];
      g_autofree char *key = g_strdup_printf ("2:%u", N_RECORDS + added - position);
      g_autoptr(CarnetItem) item = g_list_model_get_item (G_LIST_MODEL (fixture->model), position);
      g_autofree char *month = month_at (fixture, position - added);
      g_autofree char *previous = month_at (fixture, position - added - 1);

      g_assert_nonnull (item);
      g_assert_cmpstr (carnet_item_get_key (item), ==, key);
      if (position % CARNET_RECORD_MODEL_PAGE == 0 && g_strcmp0 (month, previous) == 0)
        g_assert_null (carnet_item_get_header (item));
      else if (position % CARNET_RECORD_MODEL_PAGE == 0)
        g_assert_cmpstr (carnet_item_get_header (item), ==, month);
    }
}

static void
test_jumps_from_marks (Fixture       *fixture,
                       gconstpointer  user_data)
{
  static const guint first[] = { 2600, 300, 1300, 3850, 4100, 1000, 2000, 700, 4999, 2649 };
  static const guint second[] = { 3300, 4500, 1700, 2301, 5000, 650 };
  g_autoptr(CarnetSideEffect) newest = carnet_side_effect_new ();
  g_autoptr(GDateTime) at = g_date_time_new_from_unix_utc (FIRST_AT + N_RECORDS * 3600);
  g_autoptr(GError) error = NULL;

  /* Read in the background once loaded. */
  load (fixture);
  g_assert_cmpuint (carnet_record_model_get_n_marks (fixture->model), ==, 0);
  drain ();
  g_assert_cmpuint (carnet_record_model_get_n_marks (fixture->model), ==,
                    N_RECORDS / CARNET_RECORD_MODEL_MARK_STEP);
  assert_jumps (fixture, first, G_N_ELEMENTS (first), 0);

  /* A record comes before them all: the keys are read again, and the pages
   * read from them moved by one. */
  carnet_side_effect_set_symptom (newest, "Fatigue");
  carnet_side_effect_set_severity (newest, 2);
  carnet_side_effect_set_at (newest, at);
  carnet_notebook_add (fixture->notebook, CARNET_RECORD (newest), &error);
  g_assert_no_error (error);
  load (fixture);
  g_assert_cmpuint (carnet_record_model_get_n_marks (fixture->model), ==, 0);
  drain ();
  g_assert_cmpuint (carnet_record_model_get_n_marks (fixture->model), ==,
                    (N_RECORDS + 1) / CARNET_RECORD_MODEL_MARK_STEP);
  assert_jumps (fixture, second, G_N_ELEMENTS (second), 1);

  /* Where a record is, from the keys kept. */
  for (guint id = 1; id <= N_RECORDS + 1; id += 97)
    {
      g_assert_cmpuint (carnet_record_model_find (fixture->model, CARNET_RECORD_SIDE_EFFECT, id, &error),
                        ==, N_RECORDS + 1 - id);
      g_assert_no_error (error);
    }
  g_assert_cmpuint (carnet_record_model_find (fixture->model, CARNET_RECORD_SIDE_EFFECT, 1, &error),
                    ==, N_RECORDS);
  g_assert_cmpuint (carnet_record_model_find (fixture->model, CARNET_RECORD_SIDE_EFFECT, N_RECORDS + 1, &error),
                    ==, 0);
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/gui/record-model/reads-what-is-asked", Fixture, NULL,
              fixture_set_up, test_reads_what_is_asked, fixture_tear_down);
  g_test_add ("/gui/record-model/follows-changes", Fixture, NULL,
              fixture_set_up, test_follows_changes, fixture_tear_down);
  g_test_add ("/gui/record-model/jumps-from-marks", Fixture, NULL,
              fixture_set_up, test_jumps_from_marks, fixture_tear_down);

  return g_test_run ();
}
