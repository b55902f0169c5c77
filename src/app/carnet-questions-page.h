/* carnet-questions-page.h: questions grouped by consultation
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "carnet-page.h"

G_BEGIN_DECLS

#define CARNET_TYPE_QUESTIONS_PAGE (carnet_questions_page_get_type ())

G_DECLARE_FINAL_TYPE (CarnetQuestionsPage, carnet_questions_page, CARNET, QUESTIONS_PAGE, CarnetPage)

GtkWidget *carnet_questions_page_new (void);

G_END_DECLS
