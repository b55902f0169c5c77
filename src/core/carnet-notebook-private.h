/* carnet-notebook-private.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the tests need to see of the notebook's insides: the schema steps, so
 * a test can build a notebook of an older version and migrate it.
 */
#pragma once

#include "carnet-notebook.h"

G_BEGIN_DECLS

/* The SQL that takes a notebook from version @version - 1 to @version. */
const char *carnet_notebook_migration_sql (int version);

G_END_DECLS
