/* carnet-journal-page.h: every record by date, newest first
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "carnet-page.h"

G_BEGIN_DECLS

#define CARNET_TYPE_JOURNAL_PAGE (carnet_journal_page_get_type ())

G_DECLARE_FINAL_TYPE (CarnetJournalPage, carnet_journal_page, CARNET, JOURNAL_PAGE, CarnetPage)

GtkWidget *carnet_journal_page_new      (void);
/* -1 for every kind. */
int        carnet_journal_page_get_kind (CarnetJournalPage *self);
void       carnet_journal_page_set_kind (CarnetJournalPage *self,
                                         int                kind);

int        carnet_journal_compare_records (CarnetRecord *a,
                                           CarnetRecord *b);

G_END_DECLS
