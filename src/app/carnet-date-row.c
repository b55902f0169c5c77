/* carnet-date-row.c: a date field, typed or picked from a calendar
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The text is the date as the locale writes it in full ("Thursday, December 3,
 * 2026"), so that the person reads back what they chose; they may type it in
 * any form carnet_input_parse_date() reads ("2026-12-03", "3/12/2026" in
 * French), and it is rewritten in full when the focus leaves the field. Text
 * that is not a date stays as typed: the editor says what is wrong with it.
 */
#define G_LOG_DOMAIN "carnet-app"

#include "config.h"

#include "carnet-date-row.h"

#include <glib/gi18n.h>

#include "carnet-input.h"

struct _CarnetDateRow
{
  AdwEntryRow  parent_instance;

  GtkWidget   *button;
  GtkCalendar *calendar;
  gboolean     updating_calendar;
};

G_DEFINE_FINAL_TYPE (CarnetDateRow, carnet_date_row, ADW_TYPE_ENTRY_ROW)

static void
normalize_text (CarnetDateRow *self)
{
  g_autofree char *formatted = NULL;
  GDate date;

  if (!carnet_date_row_get_date (self, &date))
    return;

  formatted = carnet_input_format_date (&date);
  if (g_strcmp0 (formatted, gtk_editable_get_text (GTK_EDITABLE (self))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self), formatted);
}

/* Callbacks */

static void
on_focus_leave_cb (CarnetDateRow *self)
{
  normalize_text (self);
}

static void
on_popover_show_cb (CarnetDateRow *self)
{
  g_autoptr(GDateTime) selected = NULL;
  GDate date;

  if (carnet_date_row_get_date (self, &date))
    selected = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                                      g_date_get_day (&date), 12, 0, 0);
  else
    selected = g_date_time_new_now_local ();

  self->updating_calendar = TRUE;
  gtk_calendar_select_day (self->calendar, selected);
  self->updating_calendar = FALSE;
}

static void
on_calendar_day_selected_cb (CarnetDateRow *self)
{
  g_autoptr(GDateTime) selected = NULL;
  GDate date;

  if (self->updating_calendar)
    return;

  selected = gtk_calendar_get_date (self->calendar);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date,
                  g_date_time_get_day_of_month (selected),
                  g_date_time_get_month (selected),
                  g_date_time_get_year (selected));
  carnet_date_row_set_date (self, &date);
}

/* Overrides */

static void
carnet_date_row_class_init (CarnetDateRowClass *klass)
{
}

static void
carnet_date_row_init (CarnetDateRow *self)
{
  GtkEventController *focus;
  GtkWidget *popover;

  self->calendar = GTK_CALENDAR (gtk_calendar_new ());
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->calendar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Calendar"),
                                  -1);
  g_signal_connect_object (self->calendar, "day-selected",
                           G_CALLBACK (on_calendar_day_selected_cb), self,
                           G_CONNECT_SWAPPED);

  popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (popover), GTK_WIDGET (self->calendar));
  g_signal_connect_object (popover, "show",
                           G_CALLBACK (on_popover_show_cb), self,
                           G_CONNECT_SWAPPED);

  self->button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (self->button), "x-office-calendar-symbolic");
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->button), popover);
  gtk_widget_set_valign (self->button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (self->button, _("Choose a Date"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Choose a Date"),
                                  -1);
  gtk_widget_add_css_class (self->button, "flat");
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (self), self->button);

  focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "leave", G_CALLBACK (on_focus_leave_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);
}

/* Public API */

GtkWidget *
carnet_date_row_new (void)
{
  return g_object_new (CARNET_TYPE_DATE_ROW, NULL);
}

/**
 * carnet_date_row_get_date:
 * @out_date: (out): the date
 *
 * Returns: whether the field holds a date (FALSE when it is empty, or holds
 *   something else)
 */
gboolean
carnet_date_row_get_date (CarnetDateRow *self,
                          GDate         *out_date)
{
  g_return_val_if_fail (CARNET_IS_DATE_ROW (self), FALSE);
  g_return_val_if_fail (out_date != NULL, FALSE);

  return carnet_input_parse_date (gtk_editable_get_text (GTK_EDITABLE (self)), out_date);
}

/**
 * carnet_date_row_set_date:
 * @date: (nullable): the date to show; %NULL empties the field
 */
void
carnet_date_row_set_date (CarnetDateRow *self,
                          const GDate   *date)
{
  g_autofree char *text = NULL;

  g_return_if_fail (CARNET_IS_DATE_ROW (self));

  if (date != NULL && g_date_valid (date))
    text = carnet_input_format_date (date);

  gtk_editable_set_text (GTK_EDITABLE (self), text != NULL ? text : "");
}

gboolean
carnet_date_row_is_empty (CarnetDateRow *self)
{
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (CARNET_IS_DATE_ROW (self), TRUE);

  stripped = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self))));
  return *stripped == '\0';
}
