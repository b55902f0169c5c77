/* carnet-time-row.c: a time-of-day field
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reads what people type for a time ("8:30", "8h30", "0830", "8:30 pm") and
 * rewrites it as "08:30" when the focus leaves the field; the up and down
 * arrows move it by a quarter of an hour. Text that is not a time stays as
 * typed: the editor says what is wrong with it.
 */
#define G_LOG_DOMAIN "carnet-app"

#include "config.h"

#include "carnet-time-row.h"

#include "carnet-input.h"

/* The step of the arrow keys, in minutes. */
#define STEP_MINUTES 15

struct _CarnetTimeRow
{
  AdwEntryRow parent_instance;
};

G_DEFINE_FINAL_TYPE (CarnetTimeRow, carnet_time_row, ADW_TYPE_ENTRY_ROW)

static void
normalize_text (CarnetTimeRow *self)
{
  int hour;
  int minute;

  if (carnet_time_row_get_time (self, &hour, &minute))
    carnet_time_row_set_time (self, hour, minute);
}

static void
step (CarnetTimeRow *self,
      int            direction)
{
  int hour = 8;
  int minute = 0;
  int total;

  if (!carnet_time_row_is_empty (self) && !carnet_time_row_get_time (self, &hour, &minute))
    return;

  /* To the next quarter in that direction, then by quarters. */
  total = hour * 60 + minute;
  if (total % STEP_MINUTES != 0)
    total = direction > 0 ? total + STEP_MINUTES - total % STEP_MINUTES : total - total % STEP_MINUTES;
  else if (!carnet_time_row_is_empty (self))
    total += direction * STEP_MINUTES;
  total = (total + 24 * 60) % (24 * 60);

  carnet_time_row_set_time (self, total / 60, total % 60);
}

/* Callbacks */

static void
on_focus_leave_cb (CarnetTimeRow *self)
{
  normalize_text (self);
}

static gboolean
on_key_pressed_cb (CarnetTimeRow   *self,
                   guint            keyval,
                   guint            keycode,
                   GdkModifierType  state)
{
  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) != 0)
    return GDK_EVENT_PROPAGATE;

  switch (keyval)
    {
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      step (self, 1);
      return GDK_EVENT_STOP;

    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      step (self, -1);
      return GDK_EVENT_STOP;

    default:
      return GDK_EVENT_PROPAGATE;
    }
}

/* Overrides */

static void
carnet_time_row_class_init (CarnetTimeRowClass *klass)
{
}

static void
carnet_time_row_init (CarnetTimeRow *self)
{
  GtkEventController *controller;

  controller = gtk_event_controller_focus_new ();
  g_signal_connect_object (controller, "leave", G_CALLBACK (on_focus_leave_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  /* Capture: the text would move the cursor otherwise. */
  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "key-pressed", G_CALLBACK (on_key_pressed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

/* Public API */

GtkWidget *
carnet_time_row_new (void)
{
  return g_object_new (CARNET_TYPE_TIME_ROW, NULL);
}

gboolean
carnet_time_row_get_time (CarnetTimeRow *self,
                          int           *out_hour,
                          int           *out_minute)
{
  g_return_val_if_fail (CARNET_IS_TIME_ROW (self), FALSE);

  return carnet_input_parse_time (gtk_editable_get_text (GTK_EDITABLE (self)),
                                  out_hour, out_minute);
}

void
carnet_time_row_set_time (CarnetTimeRow *self,
                          int            hour,
                          int            minute)
{
  g_autofree char *text = NULL;

  g_return_if_fail (CARNET_IS_TIME_ROW (self));

  text = carnet_input_format_time (hour, minute);
  if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (self))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self), text);
}

gboolean
carnet_time_row_is_empty (CarnetTimeRow *self)
{
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (CARNET_IS_TIME_ROW (self), TRUE);

  stripped = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self))));
  return *stripped == '\0';
}
