/* carnet-appointment-editor.c: plan an exam or appointment
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "carnet-app"

#include "config.h"

#include "carnet-appointment-editor.h"

#include <glib/gi18n.h>

#include "carnet-date-row.h"
#include "carnet-input.h"
#include "carnet-reminders-row.h"
#include "carnet-time-row.h"

struct _CarnetAppointmentEditor
{
  CarnetEditor        parent_instance;

  /* Template widgets */
  AdwEntryRow        *title_row;
  AdwComboRow        *kind_row;
  CarnetDateRow      *date_row;
  AdwActionRow       *all_day_row;
  GtkSwitch          *all_day_switch;
  CarnetTimeRow      *time_row;
  AdwActionRow       *duration_row;
  GtkSpinButton      *duration_spin;
  AdwComboRow        *status_row;
  AdwEntryRow        *location_row;
  AdwEntryRow        *with_row;
  CarnetRemindersRow *reminders_row;
  AdwComboRow        *repeat_row;
  AdwComboRow        *repeat_end_row;
  AdwActionRow       *repeat_count_row;
  GtkSpinButton      *repeat_count_spin;
  CarnetDateRow      *repeat_until_row;
  AdwEntryRow        *repeat_rule_row;
  GtkWidget          *notes_row;
  GtkTextView        *notes_view;
};

G_DEFINE_FINAL_TYPE (CarnetAppointmentEditor, carnet_appointment_editor, CARNET_TYPE_EDITOR)

static GListModel *
new_string_list (const char * const *strings)
{
  return G_LIST_MODEL (gtk_string_list_new (strings));
}

static void
fill_combos (CarnetAppointmentEditor *self)
{
  g_autoptr(GStrvBuilder) kinds = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) statuses = g_strv_builder_new ();
  g_auto(GStrv) kind_labels = NULL;
  g_auto(GStrv) status_labels = NULL;
  g_autoptr(GListModel) kind_model = NULL;
  g_autoptr(GListModel) status_model = NULL;
  g_autoptr(GListModel) repeat_model = NULL;
  g_autoptr(GListModel) end_model = NULL;
  const char *repeats[] = {
    _("Does not repeat"),
    _("Every 3 months"),
    _("Every 6 months"),
    _("Every 12 months"),
    _("Custom rule"),
    NULL
  };
  const char *ends[] = {
    _("After a number of times"),
    _("On a date"),
    _("Never"),
    NULL
  };

  for (int kind = CARNET_APPOINTMENT_CONSULTATION; kind <= CARNET_APPOINTMENT_OTHER; kind++)
    g_strv_builder_add (kinds, carnet_appointment_kind_label (kind));
  for (int status = CARNET_STATUS_PLANNED; status <= CARNET_STATUS_MISSED; status++)
    g_strv_builder_add (statuses, carnet_status_label (status));

  kind_labels = g_strv_builder_end (kinds);
  status_labels = g_strv_builder_end (statuses);
  kind_model = new_string_list ((const char * const *) kind_labels);
  status_model = new_string_list ((const char * const *) status_labels);
  repeat_model = new_string_list (repeats);
  end_model = new_string_list (ends);

  adw_combo_row_set_model (self->kind_row, kind_model);
  adw_combo_row_set_model (self->status_row, status_model);
  adw_combo_row_set_model (self->repeat_row, repeat_model);
  adw_combo_row_set_model (self->repeat_end_row, end_model);
}

static void
update_repeat_rows (CarnetAppointmentEditor *self)
{
  guint preset = adw_combo_row_get_selected (self->repeat_row);
  guint end = adw_combo_row_get_selected (self->repeat_end_row);
  gboolean is_preset = preset != CARNET_REPEAT_NONE && preset != CARNET_REPEAT_CUSTOM;

  gtk_widget_set_visible (GTK_WIDGET (self->repeat_end_row), is_preset);
  gtk_widget_set_visible (GTK_WIDGET (self->repeat_count_row),
                          is_preset && end == CARNET_REPEAT_END_COUNT);
  gtk_widget_set_visible (GTK_WIDGET (self->repeat_until_row),
                          is_preset && end == CARNET_REPEAT_END_UNTIL);
  gtk_widget_set_visible (GTK_WIDGET (self->repeat_rule_row), preset == CARNET_REPEAT_CUSTOM);
}

static void
load_repeat (CarnetAppointmentEditor *self,
             const char              *rrule)
{
  g_auto(CarnetRepeat) repeat = { 0, };

  carnet_repeat_init_from_rule (&repeat, rrule);

  adw_combo_row_set_selected (self->repeat_row, repeat.preset);
  adw_combo_row_set_selected (self->repeat_end_row, repeat.end);
  gtk_spin_button_set_value (self->repeat_count_spin, MAX (repeat.count, 2));
  carnet_date_row_set_date (self->repeat_until_row,
                            g_date_valid (&repeat.until) ? &repeat.until : NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->repeat_rule_row),
                         repeat.custom != NULL && repeat.preset == CARNET_REPEAT_CUSTOM ? repeat.custom : "");
  update_repeat_rows (self);
}

/* Fills @date with what the date field holds: FALSE with @error set when it
 * holds something else; TRUE with an invalid @date when it is empty. */
static gboolean
read_date_row (CarnetDateRow  *row,
               const char     *field,
               GDate          *date,
               GError        **error)
{
  g_date_clear (date, 1);

  if (carnet_date_row_is_empty (row))
    return TRUE;

  if (!carnet_date_row_get_date (row, date))
    {
      g_autofree char *text = carnet_editor_dup_text (GTK_WIDGET (row));

      carnet_set_field_error (error, field,
                              /* Translators: keep the example date as it is */
                              _("“%s” is not a date: write it as 2026-12-03, or choose it in the calendar"),
                              text);
      return FALSE;
    }

  return TRUE;
}

static gboolean
store_repeat (CarnetAppointmentEditor  *self,
              CarnetAppointment        *appointment,
              GError                  **error)
{
  g_auto(CarnetRepeat) repeat = { 0, };
  g_autofree char *rule = NULL;

  repeat.preset = adw_combo_row_get_selected (self->repeat_row);
  repeat.end = adw_combo_row_get_selected (self->repeat_end_row);
  repeat.count = (guint) gtk_spin_button_get_value_as_int (self->repeat_count_spin);
  repeat.custom = carnet_editor_dup_text (GTK_WIDGET (self->repeat_rule_row));

  if (repeat.preset == CARNET_REPEAT_CUSTOM && *repeat.custom == '\0')
    {
      carnet_set_field_error (error, "repeat", _("is required"));
      return FALSE;
    }

  if (!read_date_row (self->repeat_until_row, "repeat_until", &repeat.until, error))
    return FALSE;

  if (repeat.preset != CARNET_REPEAT_NONE && repeat.preset != CARNET_REPEAT_CUSTOM &&
      repeat.end == CARNET_REPEAT_END_UNTIL && !g_date_valid (&repeat.until))
    {
      carnet_set_field_error (error, "repeat_until", _("is required"));
      return FALSE;
    }

  rule = carnet_repeat_to_rule (&repeat);
  carnet_appointment_set_repeat (appointment, rule);

  return TRUE;
}

/* Callbacks */

static void
on_repeat_changed_cb (CarnetAppointmentEditor *self)
{
  update_repeat_rows (self);
}

/* Overrides */

static void
carnet_appointment_editor_load (CarnetEditor *editor,
                                CarnetRecord *record)
{
  CarnetAppointmentEditor *self = CARNET_APPOINTMENT_EDITOR (editor);
  CarnetAppointment *appointment = CARNET_APPOINTMENT (record);
  GDateTime *start = carnet_appointment_get_start (appointment);
  gboolean is_new = carnet_editor_is_new (editor);

  gtk_editable_set_text (GTK_EDITABLE (self->title_row),
                         carnet_appointment_get_title (appointment) ?: "");
  adw_combo_row_set_selected (self->kind_row, carnet_appointment_get_kind (appointment));

  if (start != NULL)
    {
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_dmy (&date,
                      g_date_time_get_day_of_month (start),
                      g_date_time_get_month (start),
                      g_date_time_get_year (start));
      carnet_date_row_set_date (self->date_row, &date);
      if (!carnet_appointment_get_all_day (appointment))
        carnet_time_row_set_time (self->time_row,
                                  g_date_time_get_hour (start),
                                  g_date_time_get_minute (start));
    }

  gtk_switch_set_active (self->all_day_switch, carnet_appointment_get_all_day (appointment));
  gtk_spin_button_set_value (self->duration_spin, carnet_appointment_get_duration (appointment));
  adw_combo_row_set_selected (self->status_row, carnet_appointment_get_status (appointment));
  gtk_widget_set_visible (GTK_WIDGET (self->status_row), !is_new);

  gtk_editable_set_text (GTK_EDITABLE (self->location_row),
                         carnet_appointment_get_location (appointment) ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->with_row),
                         carnet_appointment_get_practitioner (appointment) ?: "");
  carnet_editor_set_notes (self->notes_view, carnet_appointment_get_notes (appointment));

  /* A new appointment gets the notebook's usual reminders. */
  if (is_new && *carnet_appointment_get_reminders (appointment) == '\0')
    carnet_reminders_row_set_offsets (self->reminders_row,
                                      carnet_notebook_get_default_reminders (carnet_editor_get_notebook (editor)));
  else
    carnet_reminders_row_set_offsets (self->reminders_row,
                                      carnet_appointment_get_reminders (appointment));

  load_repeat (self, carnet_appointment_get_repeat (appointment));
}

static gboolean
carnet_appointment_editor_store (CarnetEditor  *editor,
                                 CarnetRecord  *record,
                                 GError       **error)
{
  CarnetAppointmentEditor *self = CARNET_APPOINTMENT_EDITOR (editor);
  CarnetAppointment *appointment = CARNET_APPOINTMENT (record);
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GDateTime) start = NULL;
  g_autofree char *title = NULL;
  g_autofree char *location = NULL;
  g_autofree char *practitioner = NULL;
  g_autofree char *notes = NULL;
  g_autofree char *reminders = NULL;
  gboolean all_day;
  GDate date;

  title = carnet_editor_dup_text (GTK_WIDGET (self->title_row));
  carnet_appointment_set_title (appointment, title);
  carnet_appointment_set_kind (appointment, adw_combo_row_get_selected (self->kind_row));

  if (!read_date_row (self->date_row, "start", &date, error))
    return FALSE;

  all_day = gtk_switch_get_active (self->all_day_switch);
  tz = carnet_editor_dup_time_zone (carnet_appointment_get_start (appointment));

  if (g_date_valid (&date))
    {
      int hour = 0;
      int minute = 0;

      if (!all_day)
        {
          g_autofree char *text = carnet_editor_dup_text (GTK_WIDGET (self->time_row));

          if (*text == '\0')
            {
              carnet_set_field_error (error, "time", _("is required"));
              return FALSE;
            }
          if (!carnet_time_row_get_time (self->time_row, &hour, &minute))
            {
              carnet_set_field_error (error, "time",
                                      /* Translators: keep the example time as it is */
                                      _("“%s” is not a time: write it as 08:30"),
                                      text);
              return FALSE;
            }
        }

      start = g_date_time_new (tz, g_date_get_year (&date), g_date_get_month (&date),
                               g_date_get_day (&date), hour, minute, 0);
    }

  carnet_appointment_set_start (appointment, start);
  carnet_appointment_set_all_day (appointment, all_day);
  carnet_appointment_set_duration (appointment, (guint) gtk_spin_button_get_value_as_int (self->duration_spin));

  if (!carnet_editor_is_new (editor))
    carnet_appointment_set_status (appointment, adw_combo_row_get_selected (self->status_row));

  location = carnet_editor_dup_text (GTK_WIDGET (self->location_row));
  practitioner = carnet_editor_dup_text (GTK_WIDGET (self->with_row));
  notes = carnet_editor_dup_notes (self->notes_view);
  carnet_appointment_set_location (appointment, *location != '\0' ? location : NULL);
  carnet_appointment_set_practitioner (appointment, *practitioner != '\0' ? practitioner : NULL);
  carnet_appointment_set_notes (appointment, *notes != '\0' ? notes : NULL);

  reminders = carnet_reminders_row_dup_offsets (self->reminders_row, "remind", error);
  if (reminders == NULL || !carnet_appointment_set_reminders (appointment, reminders, error))
    return FALSE;

  return store_repeat (self, appointment, error);
}

static GtkWidget *
carnet_appointment_editor_get_field_row (CarnetEditor  *editor,
                                         const char    *field,
                                         GtkWidget    **out_focus,
                                         const char   **out_label)
{
  CarnetAppointmentEditor *self = CARNET_APPOINTMENT_EDITOR (editor);

  *out_focus = NULL;
  *out_label = NULL;

  if (g_str_equal (field, "title"))
    return GTK_WIDGET (self->title_row);
  if (g_str_equal (field, "kind"))
    return GTK_WIDGET (self->kind_row);
  if (g_str_equal (field, "start"))
    return GTK_WIDGET (self->date_row);
  if (g_str_equal (field, "time"))
    {
      *out_label = _("Time");
      return GTK_WIDGET (self->time_row);
    }
  if (g_str_equal (field, "duration"))
    {
      *out_focus = GTK_WIDGET (self->duration_spin);
      return GTK_WIDGET (self->duration_row);
    }
  if (g_str_equal (field, "status"))
    return GTK_WIDGET (self->status_row);
  if (g_str_equal (field, "location"))
    return GTK_WIDGET (self->location_row);
  if (g_str_equal (field, "with"))
    return GTK_WIDGET (self->with_row);
  if (g_str_equal (field, "notes"))
    {
      *out_label = _("Notes");
      *out_focus = GTK_WIDGET (self->notes_view);
      return self->notes_row;
    }
  if (g_str_equal (field, "remind"))
    {
      *out_label = _("Reminders");
      return carnet_reminders_row_get_custom_row (self->reminders_row);
    }
  if (g_str_equal (field, "repeat"))
    {
      *out_label = _("Repeat");
      if (adw_combo_row_get_selected (self->repeat_row) == CARNET_REPEAT_CUSTOM)
        return GTK_WIDGET (self->repeat_rule_row);
      return GTK_WIDGET (self->repeat_row);
    }
  if (g_str_equal (field, "repeat_until"))
    return GTK_WIDGET (self->repeat_until_row);

  return NULL;
}

static void
carnet_appointment_editor_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CARNET_TYPE_APPOINTMENT_EDITOR);

  G_OBJECT_CLASS (carnet_appointment_editor_parent_class)->dispose (object);
}

static void
carnet_appointment_editor_class_init (CarnetAppointmentEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  CarnetEditorClass *editor_class = CARNET_EDITOR_CLASS (klass);

  object_class->dispose = carnet_appointment_editor_dispose;

  editor_class->new_title = N_("New Appointment");
  editor_class->edit_title = N_("Edit Appointment");
  editor_class->load = carnet_appointment_editor_load;
  editor_class->store = carnet_appointment_editor_store;
  editor_class->get_field_row = carnet_appointment_editor_get_field_row;

  g_type_ensure (CARNET_TYPE_DATE_ROW);
  g_type_ensure (CARNET_TYPE_TIME_ROW);
  g_type_ensure (CARNET_TYPE_REMINDERS_ROW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/carnet-appointment-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, CarnetAppointmentEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, CarnetAppointmentEditor, kind_row);
  gtk_widget_class_bind_template_child (widget_class, CarnetAppointmentEditor, date_row);
  gtk_widget_class_bind_template_child (widget_class, CarnetAppointmentEditor, all_day_row);
  gtk_widget_class_bind_template_child (widget_class, CarnetAppointmentEditor, all_day_switch);
  gtk_widget_class_bind_template_child (widget_class, CarnetAppointmentEditor, time_row);
  gtk_widget_class_bind_template_child (widget_class, CarnetAppointmentEditor, duration_row);
  gtk_widget_class_bind_template_child (widget_class, CarnetAppointmentEditor, duration_spin);
  gtk_widget_class_bind_template_child (widget_class, CarnetAppointmentEditor, status_row);
  gtk_widget_class_bind_template_child (widget_class, CarnetAppointmentEditor, location_row);
  gtk_widget_class_bind_template_child (widget_class, CarnetAppointmentEditor, with_row);
  gtk_widget_class_bind_template_child (widget_class, CarnetAppointmentEditor, reminders_row);
  gtk_widget_class_bind_template_child (widget_class, CarnetAppointmentEditor, repeat_row);
  gtk_widget_class_bind_template_child (widget_class, CarnetAppointmentEditor, repeat_end_row);
  gtk_widget_class_bind_template_child (widget_class, CarnetAppointmentEditor, repeat_count_row);
  gtk_widget_class_bind_template_child (widget_class, CarnetAppointmentEditor, repeat_count_spin);
  gtk_widget_class_bind_template_child (widget_class, CarnetAppointmentEditor, repeat_until_row);
  gtk_widget_class_bind_template_child (widget_class, CarnetAppointmentEditor, repeat_rule_row);
  gtk_widget_class_bind_template_child (widget_class, CarnetAppointmentEditor, notes_row);
  gtk_widget_class_bind_template_child (widget_class, CarnetAppointmentEditor, notes_view);
}

static void
carnet_appointment_editor_init (CarnetAppointmentEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  fill_combos (self);
  g_signal_connect_object (self->repeat_row, "notify::selected",
                           G_CALLBACK (on_repeat_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->repeat_end_row, "notify::selected",
                           G_CALLBACK (on_repeat_changed_cb), self, G_CONNECT_SWAPPED);
  update_repeat_rows (self);
}

/* Public API */

/**
 * carnet_appointment_editor_new:
 * @parent: (nullable): the window it belongs to
 * @notebook: where the appointment is saved
 * @appointment: a new appointment (maybe with fields filled in), or one of @notebook
 *
 * Returns: (transfer none): the editor, not shown yet; GTK owns it until it
 *   is destroyed
 */
CarnetEditor *
carnet_appointment_editor_new (GtkWindow         *parent,
                               CarnetNotebook    *notebook,
                               CarnetAppointment *appointment)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (CARNET_IS_NOTEBOOK (notebook), NULL);
  g_return_val_if_fail (CARNET_IS_APPOINTMENT (appointment), NULL);

  return g_object_new (CARNET_TYPE_APPOINTMENT_EDITOR,
                       "transient-for", parent,
                       "notebook", notebook,
                       "record", appointment,
                       NULL);
}
