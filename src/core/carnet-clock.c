/* carnet-clock.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "carnet-core"

#include "config.h"

#include "carnet-clock.h"

struct _CarnetClock
{
  GObject     parent_instance;

  /* NULL for the system clock; the frozen instant of a test clock. */
  GDateTime  *fixed_now;
  GTimeZone  *tz;
};

G_DEFINE_FINAL_TYPE (CarnetClock, carnet_clock, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
carnet_clock_finalize (GObject *object)
{
  CarnetClock *self = (CarnetClock *)object;

  g_clear_pointer (&self->fixed_now, g_date_time_unref);
  g_clear_pointer (&self->tz, g_time_zone_unref);

  G_OBJECT_CLASS (carnet_clock_parent_class)->finalize (object);
}

static void
carnet_clock_class_init (CarnetClockClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = carnet_clock_finalize;

  /**
   * CarnetClock::changed:
   *
   * The time or the time zone jumped (a test clock was set or advanced, or
   * the zone changed): whatever waits for a moment should look again.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
carnet_clock_init (CarnetClock *self)
{
}

CarnetClock *
carnet_clock_new_system (void)
{
  return g_object_new (CARNET_TYPE_CLOCK, NULL);
}

/**
 * carnet_clock_new_fixed:
 * @now: the time the clock shows until it is set or advanced
 *
 * A clock for tests. Its zone is @now's zone.
 */
CarnetClock *
carnet_clock_new_fixed (GDateTime *now)
{
  CarnetClock *self;

  g_return_val_if_fail (now != NULL, NULL);

  self = g_object_new (CARNET_TYPE_CLOCK, NULL);
  self->fixed_now = g_date_time_ref (now);
  self->tz = g_time_zone_ref ((GTimeZone *)g_date_time_get_timezone (now));

  return self;
}

gboolean
carnet_clock_is_system (CarnetClock *self)
{
  g_return_val_if_fail (CARNET_IS_CLOCK (self), FALSE);

  return self->fixed_now == NULL;
}

/**
 * carnet_clock_get_timezone:
 *
 * Returns: (transfer none): the zone new entries are made in.
 */
GTimeZone *
carnet_clock_get_timezone (CarnetClock *self)
{
  g_return_val_if_fail (CARNET_IS_CLOCK (self), NULL);

  /* Not g_time_zone_new_local (): it keeps the zone it first read, and
   * this is asked again when the system's zone changed. TZ first, as
   * g_time_zone_new_local () does; without TZ, /etc/localtime. */
  if (self->tz == NULL)
    self->tz = g_time_zone_new_identifier (g_getenv ("TZ"));
  if (self->tz == NULL)
    self->tz = g_time_zone_new_local ();

  return self->tz;
}

/**
 * carnet_clock_get_now:
 *
 * Returns: (transfer full): the current time in the clock's zone.
 */
GDateTime *
carnet_clock_get_now (CarnetClock *self)
{
  g_return_val_if_fail (CARNET_IS_CLOCK (self), NULL);

  if (self->fixed_now != NULL)
    return g_date_time_to_timezone (self->fixed_now, carnet_clock_get_timezone (self));

  return g_date_time_new_now (carnet_clock_get_timezone (self));
}

void
carnet_clock_set_now (CarnetClock *self,
                      GDateTime   *now)
{
  g_return_if_fail (CARNET_IS_CLOCK (self));
  g_return_if_fail (self->fixed_now != NULL);
  g_return_if_fail (now != NULL);

  g_date_time_unref (self->fixed_now);
  self->fixed_now = g_date_time_ref (now);
  g_signal_emit (self, signals[CHANGED], 0);
}

void
carnet_clock_advance (CarnetClock *self,
                      GTimeSpan    span)
{
  g_autoptr(GDateTime) later = NULL;

  g_return_if_fail (CARNET_IS_CLOCK (self));
  g_return_if_fail (self->fixed_now != NULL);

  later = g_date_time_add (self->fixed_now, span);
  carnet_clock_set_now (self, later);
}

/**
 * carnet_clock_set_timezone:
 * @tz: (nullable): the new zone, or %NULL to read the local zone again
 *
 * Called when the system's zone changed, or by tests to travel.
 */
void
carnet_clock_set_timezone (CarnetClock *self,
                           GTimeZone   *tz)
{
  g_return_if_fail (CARNET_IS_CLOCK (self));

  g_clear_pointer (&self->tz, g_time_zone_unref);
  if (tz != NULL)
    self->tz = g_time_zone_ref (tz);
  g_signal_emit (self, signals[CHANGED], 0);
}
