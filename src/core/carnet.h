/* carnet.h: the whole core API
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "carnet-types.h"
#include "carnet-enums.h"
#include "carnet-error.h"
#include "carnet-clock.h"
#include "carnet-time.h"
#include "carnet-offsets.h"
#include "carnet-recurrence.h"
#include "carnet-record.h"
#include "carnet-appointment.h"
#include "carnet-result.h"
#include "carnet-side-effect.h"
#include "carnet-question.h"
#include "carnet-treatment.h"
#include "carnet-occurrence.h"
#include "carnet-reminder.h"
#include "carnet-search-hit.h"
#include "carnet-notebook.h"
#include "carnet-json.h"
#include "carnet-demo.h"
#include "carnet-export.h"
#include "carnet-backup.h"
#include "carnet-sheet.h"
#include "carnet-chart.h"
#include "carnet-notebook-charts.h"
