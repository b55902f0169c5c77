/* carnet-application.c: the Carnet application, one instance per session
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GApplication uniqueness makes a second `carnet` hand its command line to the
 * running instance, which opens (or brings forward) one window per notebook.
 */
#define G_LOG_DOMAIN "carnet-app"

#include "config.h"

#include "carnet-application.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "carnet.h"
#include "carnet-autostart.h"
#include "carnet-exchange-actions.h"
#include "carnet-libnotify-notifier.h"
#include "carnet-scheduler.h"
#include "carnet-window.h"

/* How many notebooks GSettings remembers. */
#define KNOWN_NOTEBOOKS_MAX 20

struct _CarnetApplication
{
  AdwApplication   parent_instance;

  GSettings       *settings;
  /* Shows the reminders of every known notebook, window or not. */
  CarnetScheduler *scheduler;
  /* Whether the app holds itself alive with no window (run in background,
   * or started with --background). */
  gboolean         held;
  /* Notebooks whose reminders are to be followed, once the windows drew. */
  GPtrArray       *to_follow;
  guint            follow_id;
};

G_DEFINE_FINAL_TYPE (CarnetApplication, carnet_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "notebook", 'n', G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
    N_("Open the notebook FILE, creating it if it does not exist"), N_("FILE") },
  { "demo", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("Open the demo notebook, made afresh: a fictional patient’s year"), NULL },
  { "background", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("Start without a window and keep showing reminders"), NULL },
  { "version", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("Show the version and quit"), NULL },
  { NULL }
};

static CarnetWindow *
find_window (CarnetApplication *self,
             const char        *path)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      if (CARNET_IS_WINDOW (l->data) &&
          g_strcmp0 (carnet_window_get_path (l->data), path) == 0)
        return l->data;
    }

  return NULL;
}

static CarnetNotebook *
open_file (const char  *path,
           GError     **error)
{
  g_autoptr(CarnetClock) clock = carnet_clock_new_system ();

  /* A newer Carnet's notebook is refused, not opened read-only: its schema
   * may mean things this version would show wrongly. */
  return carnet_notebook_open (path, CARNET_OPEN_FLAGS_CREATE, clock, error);
}

/* CARNET_QUIT_AFTER_FIRST_FRAME=1 (the benchmarks): quit once the window has
 * painted its first frame, so start-up can be timed as a whole process. */
static gboolean
quits_after_first_frame (void)
{
  return g_strcmp0 (g_getenv ("CARNET_QUIT_AFTER_FIRST_FRAME"), "1") == 0;
}

static void
on_first_frame_after_paint_cb (GdkFrameClock *frame_clock,
                               GApplication  *app)
{
  g_signal_handlers_disconnect_by_func (frame_clock, on_first_frame_after_paint_cb, app);
  g_application_quit (app);
}

/* Today's automatic backup starts once the window has drawn: it copies the
 * whole notebook, and would take a core from the first frame. */
static void
on_backup_after_paint_cb (GdkFrameClock  *frame_clock,
                          CarnetNotebook *notebook)
{
  carnet_exchange_backup_on_start (notebook);
  /* Last: it drops the handler's reference to @notebook. */
  g_signal_handlers_disconnect_by_func (frame_clock, on_backup_after_paint_cb, notebook);
}

static void
unref_notebook (gpointer  notebook,
                GClosure *closure)
{
  g_object_unref (notebook);
}

static CarnetWindow *
present_notebook (CarnetApplication *self,
                  const char        *path,
                  CarnetNotebook    *notebook,
                  const GError      *error)
{
  CarnetWindow *window;

  window = carnet_window_new (GTK_APPLICATION (self));

  if (notebook != NULL)
    {
      carnet_notebook_watch (notebook);
      carnet_window_set_notebook (window, notebook);
      carnet_window_set_reminder_problem (window, carnet_scheduler_get_problem (self->scheduler));
    }
  else
    {
      carnet_window_show_error (window, path, error);
    }

  gtk_window_present (GTK_WINDOW (window));
  if (quits_after_first_frame ())
    g_signal_connect_object (gdk_surface_get_frame_clock (gtk_native_get_surface (GTK_NATIVE (window))),
                             "after-paint", G_CALLBACK (on_first_frame_after_paint_cb), self, 0);

  return window;
}

static void follow_notebook (CarnetApplication *self,
                             const char        *path);

static void
remember_notebook (CarnetApplication *self,
                   const char        *path)
{
  g_auto(GStrv) known = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) updated = NULL;
  guint n = 1;

  known = g_settings_get_strv (self->settings, "notebooks");
  builder = g_strv_builder_new ();
  g_strv_builder_add (builder, path);
  for (guint i = 0; known[i] != NULL && n < KNOWN_NOTEBOOKS_MAX; i++)
    {
      if (g_strcmp0 (known[i], path) == 0)
        continue;
      g_strv_builder_add (builder, known[i]);
      n++;
    }
  updated = g_strv_builder_end (builder);

  g_settings_set_strv (self->settings, "notebooks", (const char * const *) updated);
  g_settings_set_string (self->settings, "last-notebook", path);

  follow_notebook (self, path);
}


/* The demo is made afresh each time: whatever was changed in it goes. */
static gboolean
remove_notebook_files (const char  *path,
                       GError     **error)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      if (g_unlink (file) != 0 && errno != ENOENT)
        {
          int saved_errno = errno;
          g_autofree char *display = g_filename_display_name (file);

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       _("Could not remove the old demo notebook “%s”: %s"),
                       display, g_strerror (saved_errno));
          return FALSE;
        }
    }

  return TRUE;
}

/* Reminders */

static void
set_held (CarnetApplication *self,
          gboolean           held)
{
  if (self->held == held)
    return;

  self->held = held;
  if (held)
    g_application_hold (G_APPLICATION (self));
  else
    g_application_release (G_APPLICATION (self));
}

/* The scheduler has a connection of its own to each notebook, so that it
 * goes on when the notebook's window closes. */
static void
follow_now (CarnetApplication *self,
            const char        *path)
{
  g_autoptr(CarnetNotebook) notebook = NULL;
  g_autoptr(GError) error = NULL;

  if (self->scheduler == NULL)
    return;

  notebook = carnet_notebook_open (path, CARNET_OPEN_FLAGS_NONE, NULL, &error);
  if (notebook == NULL)
    {
      g_message ("Not following the reminders of %s: %s", path, error->message);
      return;
    }

  if (carnet_notebook_purge_trash (notebook, &error) == 0 && error != NULL)
    g_message ("Could not empty the old trash of %s: %s", path, error->message);

  carnet_scheduler_add_notebook (self->scheduler, notebook);
}

static gboolean
on_follow_idle_cb (gpointer user_data)
{
  CarnetApplication *self = user_data;
  g_autoptr(GPtrArray) paths = g_steal_pointer (&self->to_follow);

  self->follow_id = 0;
  for (guint i = 0; paths != NULL && i < paths->len; i++)
    follow_now (self, g_ptr_array_index (paths, i));

  return G_SOURCE_REMOVE;
}

/* Emptying the old trash and working out the reminders read the whole
 * notebook: they wait until the window has drawn, at low priority. */
static void
follow_notebook (CarnetApplication *self,
                 const char        *path)
{
  if (self->scheduler == NULL)
    return;

  if (self->to_follow == NULL)
    self->to_follow = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->to_follow, g_strdup (path));

  if (self->follow_id == 0)
    self->follow_id = g_idle_add_full (G_PRIORITY_LOW, on_follow_idle_cb, self, NULL);
}

static void
follow_known_notebooks (CarnetApplication *self)
{
  g_auto(GStrv) known = g_settings_get_strv (self->settings, "notebooks");

  for (guint i = 0; known[i] != NULL; i++)
    if (g_file_test (known[i], G_FILE_TEST_IS_REGULAR))
      follow_notebook (self, known[i]);
}

static void
update_reminder_problem (CarnetApplication *self)
{
  const char *problem = carnet_scheduler_get_problem (self->scheduler);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (CARNET_IS_WINDOW (l->data))
      carnet_window_set_reminder_problem (l->data, problem);
}

static char *
dup_program_path (void)
{
  g_autofree char *self_exe = g_file_read_link ("/proc/self/exe", NULL);

  /* The autostart entry starts this very program: installed, it is in
   * BINDIR; run from a build tree, it is that one. */
  if (self_exe != NULL && g_path_is_absolute (self_exe))
    return g_steal_pointer (&self_exe);

  return g_build_filename (BINDIR, "carnet", NULL);
}

static void
on_run_in_background_changed_cb (CarnetApplication *self,
                                 const char        *key,
                                 GSettings         *settings)
{
  gboolean enabled = g_settings_get_boolean (settings, "run-in-background");
  g_autofree char *program = dup_program_path ();
  g_autoptr(GError) error = NULL;

  if (!carnet_autostart_set_enabled (enabled, program, &error))
    g_warning ("%s", error->message);

  set_held (self, enabled || self->held);
  if (!enabled && gtk_application_get_windows (GTK_APPLICATION (self)) != NULL)
    set_held (self, FALSE);
}

static void
on_scheduler_problem_cb (CarnetApplication *self,
                         GParamSpec        *pspec,
                         CarnetScheduler   *scheduler)
{
  update_reminder_problem (self);
}

static void
on_open_requested_cb (CarnetApplication *self,
                      const char        *path,
                      gint64             appointment_id,
                      CarnetScheduler   *scheduler)
{
  CarnetWindow *window;

  carnet_application_open_notebook (self, path);
  window = find_window (self, path);
  if (window != NULL && carnet_window_get_notebook (window) != NULL)
    carnet_window_show_record (window, CARNET_RECORD_APPOINTMENT, appointment_id);
}

/* Actions */

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);

  adw_show_about_window (gtk_application_get_active_window (app),
                         "application-name", _("Carnet"),
                         "application-icon", APP_ID,
                         "version", PACKAGE_VERSION,
                         "developer-name", _("The Carnet developers"),
                         "comments", _("A follow-up journal for patients and their caregivers: "
                                       "appointments, exam results, side effects and questions "
                                       "for the doctor, kept on your computer."),
                         "copyright", _("© 2026 The Carnet developers"),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         /* Translators: your names, one per line. */
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
demo_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  carnet_application_open_demo (CARNET_APPLICATION (user_data));
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  GApplication *app = G_APPLICATION (user_data);
  g_autoptr(GList) windows = NULL;

  /* Closing (rather than destroying) lets each window save its size. */
  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (app)));
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);

  set_held (CARNET_APPLICATION (app), FALSE);
  g_application_quit (app);
}

static const GActionEntry app_actions[] = {
  { .name = "about", .activate = about_activated },
  { .name = "demo", .activate = demo_activated },
  { .name = "quit", .activate = quit_activated },
};

/* Overrides */

static int
carnet_application_handle_local_options (GApplication *app,
                                         GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("carnet %s\n", PACKAGE_VERSION);
      return 0;
    }

  return G_APPLICATION_CLASS (carnet_application_parent_class)->handle_local_options (app, options);
}

static int
carnet_application_command_line (GApplication            *app,
                                 GApplicationCommandLine *command_line)
{
  CarnetApplication *self = CARNET_APPLICATION (app);
  GVariantDict *options;
  const char *notebook = NULL;
  gboolean demo = FALSE;
  gboolean background = FALSE;

  options = g_application_command_line_get_options_dict (command_line);
  g_variant_dict_lookup (options, "notebook", "^&ay", &notebook);
  g_variant_dict_lookup (options, "demo", "b", &demo);
  g_variant_dict_lookup (options, "background", "b", &background);

  if (background && demo)
    {
      g_application_command_line_printerr (command_line, "carnet: %s\n",
                                           _("--background and --demo cannot be used together"));
      return 2;
    }

  /* No window: the reminders of the known notebooks (and of --notebook) go
   * on until the person quits. A second `carnet --background` changes
   * nothing: this instance already shows every reminder. */
  if (background)
    {
      if (notebook != NULL)
        {
          g_autoptr(GFile) file = g_application_command_line_create_file_for_arg (command_line, notebook);
          g_autofree char *path = g_file_get_path (file);
          g_autofree char *canonical = g_canonicalize_filename (path, NULL);
          g_autoptr(CarnetNotebook) opened = open_file (canonical, NULL);

          if (opened != NULL)
            remember_notebook (self, canonical);
        }

      set_held (self, TRUE);
      return 0;
    }

  if (notebook != NULL && demo)
    {
      g_application_command_line_printerr (command_line, "carnet: %s\n",
                                           _("--demo and --notebook cannot be used together"));
      return 2;
    }

  if (demo)
    {
      carnet_application_open_demo (self);
    }
  else if (notebook != NULL)
    {
      g_autoptr(GFile) file = NULL;
      g_autofree char *path = NULL;

      file = g_application_command_line_create_file_for_arg (command_line, notebook);
      path = g_file_get_path (file);
      carnet_application_open_notebook (self, path);
    }
  else
    {
      g_application_activate (app);
    }

  return 0;
}

static void
carnet_application_activate (GApplication *app)
{
  CarnetApplication *self = CARNET_APPLICATION (app);
  g_autofree char *last = NULL;
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  last = g_settings_get_string (self->settings, "last-notebook");
  if (*last != '\0' && g_file_test (last, G_FILE_TEST_EXISTS))
    {
      carnet_application_open_notebook (self, last);
    }
  else
    {
      g_autofree char *path = carnet_notebook_default_path ();

      carnet_application_open_notebook (self, path);
    }
}

static void
carnet_application_startup (GApplication *app)
{
  CarnetApplication *self = CARNET_APPLICATION (app);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *rename_accels[] = { "F2", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };
  static const char *help_overlay_accels[] = { "<Control>question", NULL };

  G_APPLICATION_CLASS (carnet_application_parent_class)->startup (app);

  self->settings = g_settings_new (APP_ID);

  {
    g_autoptr(CarnetNotifier) notifier = carnet_libnotify_notifier_new ();

    self->scheduler = carnet_scheduler_new (notifier, TRUE);
  }
  g_settings_bind (self->settings, "snooze-minutes", self->scheduler, "snooze-minutes",
                   G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_object (self->scheduler, "notify::problem",
                           G_CALLBACK (on_scheduler_problem_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->scheduler, "open-requested",
                           G_CALLBACK (on_open_requested_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::run-in-background",
                           G_CALLBACK (on_run_in_background_changed_cb), self, G_CONNECT_SWAPPED);
  if (g_settings_get_boolean (self->settings, "run-in-background"))
    set_held (self, TRUE);
  follow_known_notebooks (self);

  g_action_map_add_action_entries (G_ACTION_MAP (app),
                                   app_actions, G_N_ELEMENTS (app_actions),
                                   app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  /* The windows bind these keys themselves; declared here too, menus and the
   * shortcuts window show them. */
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.rename", rename_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "window.close", close_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.show-help-overlay", help_overlay_accels);
}

static void
carnet_application_shutdown (GApplication *app)
{
  CarnetApplication *self = CARNET_APPLICATION (app);

  g_clear_handle_id (&self->follow_id, g_source_remove);
  g_clear_pointer (&self->to_follow, g_ptr_array_unref);
  g_clear_object (&self->scheduler);
  g_clear_object (&self->settings);

  G_APPLICATION_CLASS (carnet_application_parent_class)->shutdown (app);
}

static void
carnet_application_class_init (CarnetApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->handle_local_options = carnet_application_handle_local_options;
  app_class->command_line = carnet_application_command_line;
  app_class->activate = carnet_application_activate;
  app_class->startup = carnet_application_startup;
  app_class->shutdown = carnet_application_shutdown;
}

static void
carnet_application_init (CarnetApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("A follow-up journal for patients and their caregivers."));
}

/* Public API */

CarnetApplication *
carnet_application_new (void)
{
  return g_object_new (CARNET_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_COMMAND_LINE,
                       NULL);
}

/**
 * carnet_application_open_notebook:
 * @self: the application
 * @path: a notebook file, created if it does not exist
 *
 * Brings forward the window of @path, or opens it in a new one; a file that
 * cannot be opened gets a window that says why.
 */
void
carnet_application_open_notebook (CarnetApplication *self,
                                  const char        *path)
{
  g_autoptr(CarnetNotebook) notebook = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *canonical = NULL;
  CarnetWindow *window;

  g_return_if_fail (CARNET_IS_APPLICATION (self));
  g_return_if_fail (path != NULL);

  canonical = g_canonicalize_filename (path, NULL);

  window = find_window (self, canonical);
  if (window != NULL)
    {
      gtk_window_present (GTK_WINDOW (window));
      return;
    }

  notebook = open_file (canonical, &error);
  if (notebook != NULL)
    remember_notebook (self, canonical);

  window = present_notebook (self, canonical, notebook, error);
  /* Today's automatic backup, in a worker thread, after the first frame; not
   * in a run that quits then, which would leave it half made. */
  if (notebook != NULL && !quits_after_first_frame ())
    {
      g_signal_connect_data (gdk_surface_get_frame_clock (gtk_native_get_surface (GTK_NATIVE (window))),
                             "after-paint", G_CALLBACK (on_backup_after_paint_cb),
                             g_object_ref (notebook), unref_notebook, 0);
    }
}

/**
 * carnet_application_open_demo:
 * @self: the application
 *
 * Opens the demo notebook, made afresh from carnet_demo_populate(); it lives
 * apart from the user's notebooks and is not remembered among them.
 */
void
carnet_application_open_demo (CarnetApplication *self)
{
  g_autoptr(CarnetNotebook) notebook = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *demo_path = NULL;
  g_autofree char *path = NULL;
  CarnetWindow *window;

  g_return_if_fail (CARNET_IS_APPLICATION (self));

  demo_path = carnet_demo_path ();
  path = g_canonicalize_filename (demo_path, NULL);

  window = find_window (self, path);
  if (window != NULL)
    {
      gtk_window_present (GTK_WINDOW (window));
      return;
    }

  if (remove_notebook_files (path, &error))
    {
      notebook = open_file (path, &error);
      if (notebook != NULL && !carnet_demo_populate (notebook, &error))
        g_clear_object (&notebook);
    }

  present_notebook (self, path, notebook, error);
}

/**
 * carnet_application_notebook_restored:
 * @self: the application
 * @path: a notebook that could not be opened, and now can (its backup was
 *   restored in its place)
 *
 * Remembers @path among the notebooks and follows its reminders, as for a
 * notebook that opened at once.
 */
void
carnet_application_notebook_restored (CarnetApplication *self,
                                      const char        *path)
{
  g_return_if_fail (CARNET_IS_APPLICATION (self));
  g_return_if_fail (path != NULL);

  remember_notebook (self, path);
}
