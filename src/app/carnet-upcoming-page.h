/* carnet-upcoming-page.h: what comes next, and what was missed
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "carnet-page.h"

G_BEGIN_DECLS

#define CARNET_TYPE_UPCOMING_PAGE (carnet_upcoming_page_get_type ())

G_DECLARE_FINAL_TYPE (CarnetUpcomingPage, carnet_upcoming_page, CARNET, UPCOMING_PAGE, CarnetPage)

/* How far ahead the page looks. */
#define CARNET_UPCOMING_DAYS 366
/* How many coming occurrences the page lists at first, and how many more
 * "Show Later Appointments" adds; those of the coming
 * %CARNET_UPCOMING_SOON_DAYS days are read first. */
#define CARNET_UPCOMING_ROWS 30
#define CARNET_UPCOMING_SOON_DAYS 56

GtkWidget *carnet_upcoming_page_new (void);

G_END_DECLS
