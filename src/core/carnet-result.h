/* carnet-result.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An exam result: a numeric lab value with its unit and reference range, or a
 * text report, maybe with the report file attached. Unset numbers are NAN.
 */
#pragma once

#include "carnet-record.h"

G_BEGIN_DECLS

#define CARNET_TYPE_RESULT (carnet_result_get_type ())

G_DECLARE_FINAL_TYPE (CarnetResult, carnet_result, CARNET, RESULT, CarnetRecord)

/* Attached report files are kept inside the notebook; beyond this they belong elsewhere. */
#define CARNET_ATTACHMENT_MAX_BYTES (64 * 1024 * 1024)

CarnetResult *carnet_result_new                 (void);
const char   *carnet_result_get_name            (CarnetResult  *self);
void          carnet_result_set_name            (CarnetResult  *self,
                                                 const char    *name);
double        carnet_result_get_value           (CarnetResult  *self);
void          carnet_result_set_value           (CarnetResult  *self,
                                                 double         value);
gboolean      carnet_result_has_value           (CarnetResult  *self);
const char   *carnet_result_get_text            (CarnetResult  *self);
void          carnet_result_set_text            (CarnetResult  *self,
                                                 const char    *text);
const char   *carnet_result_get_unit            (CarnetResult  *self);
void          carnet_result_set_unit            (CarnetResult  *self,
                                                 const char    *unit);
double        carnet_result_get_low             (CarnetResult  *self);
void          carnet_result_set_low             (CarnetResult  *self,
                                                 double         low);
double        carnet_result_get_high            (CarnetResult  *self);
void          carnet_result_set_high            (CarnetResult  *self,
                                                 double         high);
CarnetFlag    carnet_result_get_flag            (CarnetResult  *self);
CarnetFlag    carnet_result_compute_flag        (double         value,
                                                 double         low,
                                                 double         high);
GDateTime    *carnet_result_get_at              (CarnetResult  *self);
void          carnet_result_set_at              (CarnetResult  *self,
                                                 GDateTime     *at);
gint64        carnet_result_get_appointment_id  (CarnetResult  *self);
void          carnet_result_set_appointment_id  (CarnetResult  *self,
                                                 gint64         appointment_id);
const char   *carnet_result_get_notes           (CarnetResult  *self);
void          carnet_result_set_notes           (CarnetResult  *self,
                                                 const char    *notes);
/* The attached file's name, or NULL. Its content is read with
 * carnet_notebook_dup_attachment(); a new one is set with its bytes. */
const char   *carnet_result_get_attachment_name (CarnetResult  *self);
void          carnet_result_set_attachment_name (CarnetResult  *self,
                                                 const char    *name);
GBytes       *carnet_result_get_attachment_data (CarnetResult  *self);
void          carnet_result_set_attachment      (CarnetResult  *self,
                                                 const char    *name,
                                                 GBytes        *data);

G_END_DECLS
