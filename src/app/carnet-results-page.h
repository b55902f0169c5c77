/* carnet-results-page.h: results grouped by test, with their history
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "carnet-page.h"

G_BEGIN_DECLS

#define CARNET_TYPE_RESULTS_PAGE (carnet_results_page_get_type ())

G_DECLARE_FINAL_TYPE (CarnetResultsPage, carnet_results_page, CARNET, RESULTS_PAGE, CarnetPage)

/* How many of a test's results its expanded history shows at first, and how
 * many more each time older ones are asked for. */
#define CARNET_RESULTS_PAGE_HISTORY_STEP 50

GtkWidget      *carnet_results_page_new             (void);
char           *carnet_results_page_save_attachment (CarnetResultsPage  *self,
                                                     gint64              result_id,
                                                     GError            **error);

G_END_DECLS
