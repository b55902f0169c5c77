/* carnet-offsets.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "carnet-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "carnet-error.h"
#include "carnet-offsets.h"

/* More reminders than this for one appointment is a typing mistake. */
#define MAX_OFFSETS 20

static int
compare_offsets (gconstpointer a,
                 gconstpointer b)
{
  const CarnetOffset *oa = a;
  const CarnetOffset *ob = b;
  guint ma = carnet_offset_get_minutes (oa);
  guint mb = carnet_offset_get_minutes (ob);

  if (ma != mb)
    return ma < mb ? -1 : 1;

  return (int)oa->unit - (int)ob->unit;
}

static gboolean
parse_one (const char   *item,
           CarnetOffset *out)
{
  const char *p = item;
  guint64 amount = 0;

  if (!g_ascii_isdigit (*p))
    return FALSE;

  while (g_ascii_isdigit (*p))
    {
      amount = amount * 10 + (guint64)(*p - '0');
      if (amount > CARNET_OFFSET_MAX_MINUTES)
        return FALSE;
      p++;
    }

  switch (*p)
    {
    case 'm':
      out->unit = CARNET_OFFSET_MINUTES;
      break;
    case 'h':
      out->unit = CARNET_OFFSET_HOURS;
      break;
    case 'd':
      out->unit = CARNET_OFFSET_DAYS;
      break;
    default:
      return FALSE;
    }

  if (p[1] != '\0')
    return FALSE;

  out->amount = (guint)amount;
  return carnet_offset_get_minutes (out) <= CARNET_OFFSET_MAX_MINUTES;
}

/**
 * carnet_offsets_parse:
 * @text: a comma list such as `7d,1d,2h,30m,0m`; empty or `none` for none
 *
 * Returns: (transfer full) (element-type CarnetOffset): the offsets, shortest
 *   first and without repeats, or %NULL with @error set.
 */
GArray *
carnet_offsets_parse (const char  *text,
                      const char  *field,
                      GError     **error)
{
  g_autoptr(GArray) offsets = g_array_new (FALSE, FALSE, sizeof (CarnetOffset));
  g_auto(GStrv) items = NULL;

  g_return_val_if_fail (field != NULL, NULL);

  if (text == NULL)
    return g_steal_pointer (&offsets);

  {
    g_autofree char *stripped = g_strstrip (g_strdup (text));

    if (*stripped == '\0' || g_ascii_strcasecmp (stripped, "none") == 0)
      return g_steal_pointer (&offsets);
  }

  items = g_strsplit (text, ",", -1);
  for (guint i = 0; items[i] != NULL; i++)
    {
      CarnetOffset offset;
      char *item = g_strstrip (items[i]);

      if (!parse_one (item, &offset))
        {
          carnet_set_field_error (error, field,
                                  /* Translators: keep the example as it is: d, h and m are
                                   * the units carnet-cli reads */
                                  _("“%s” is not a reminder offset: write a number and d, h or m, such as 1d, 2h or 30m, up to a year"),
                                  item);
          return NULL;
        }

      g_array_append_val (offsets, offset);
    }

  if (offsets->len > MAX_OFFSETS)
    {
      carnet_set_field_error (error, field,
                              _("at most %d reminders per appointment"),
                              MAX_OFFSETS);
      return NULL;
    }

  g_array_sort (offsets, compare_offsets);
  for (guint i = 1; i < offsets->len;)
    {
      if (compare_offsets (&g_array_index (offsets, CarnetOffset, i - 1),
                           &g_array_index (offsets, CarnetOffset, i)) == 0)
        g_array_remove_index (offsets, i);
      else
        i++;
    }

  return g_steal_pointer (&offsets);
}

/**
 * carnet_offsets_to_string:
 *
 * Returns: (transfer full): the canonical text of @offsets (`30m,2h,1d`), or
 *   an empty string when there are none.
 */
char *
carnet_offsets_to_string (const GArray *offsets)
{
  GString *str = g_string_new (NULL);

  g_return_val_if_fail (offsets != NULL, NULL);

  for (guint i = 0; i < offsets->len; i++)
    {
      const CarnetOffset *offset = &g_array_index (offsets, CarnetOffset, i);
      static const char units[] = { 'm', 'h', 'd' };

      if (i > 0)
        g_string_append_c (str, ',');
      g_string_append_printf (str, "%u%c", offset->amount, units[offset->unit]);
    }

  return g_string_free (str, FALSE);
}

guint
carnet_offset_get_minutes (const CarnetOffset *offset)
{
  g_return_val_if_fail (offset != NULL, 0);

  switch (offset->unit)
    {
    case CARNET_OFFSET_DAYS:
      return offset->amount * 24 * 60;
    case CARNET_OFFSET_HOURS:
      return offset->amount * 60;
    case CARNET_OFFSET_MINUTES:
    default:
      return offset->amount;
    }
}

/**
 * carnet_offset_apply:
 * @start: the start of an appointment occurrence, in its zone
 *
 * Days go back on the calendar in @start's zone, keeping the wall time, so 1d
 * before 08:30 is 08:30 the day before even across a DST change; hours and
 * minutes are exact durations.
 *
 * Returns: (transfer full): when the reminder is due
 */
GDateTime *
carnet_offset_apply (const CarnetOffset *offset,
                     GDateTime          *start)
{
  g_return_val_if_fail (offset != NULL, NULL);
  g_return_val_if_fail (start != NULL, NULL);

  if (offset->unit == CARNET_OFFSET_DAYS)
    return g_date_time_add_days (start, -(int)offset->amount);

  return g_date_time_add (start, -(GTimeSpan)carnet_offset_get_minutes (offset) * G_TIME_SPAN_MINUTE);
}

/**
 * carnet_offset_describe:
 *
 * Returns: (transfer full): "1 day before", "2 hours before", "At the start"…
 */
char *
carnet_offset_describe (const CarnetOffset *offset)
{
  g_return_val_if_fail (offset != NULL, NULL);

  if (offset->amount == 0)
    return g_strdup (_("At the start"));

  switch (offset->unit)
    {
    case CARNET_OFFSET_DAYS:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u day before", "%u days before",
                                           offset->amount),
                              offset->amount);
    case CARNET_OFFSET_HOURS:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u hour before", "%u hours before",
                                           offset->amount),
                              offset->amount);
    case CARNET_OFFSET_MINUTES:
    default:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u minute before",
                                           "%u minutes before", offset->amount),
                              offset->amount);
    }
}
