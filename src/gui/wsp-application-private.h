/* wsp-application-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "wsp-application.h"

G_BEGIN_DECLS

void wsp_application_add_cli_options (WspApplication *self);
int  wsp_application_run_cli         (WspApplication *self,
                                      GVariantDict   *options);

/* wsp-application-review.c */
void wsp_application_add_review_options (WspApplication *self);
int  wsp_application_run_review         (WspApplication *self,
                                         GVariantDict   *options);

/* wsp-application-documents.c */
void wsp_application_add_document_options (WspApplication *self);
int  wsp_application_run_documents        (WspApplication *self,
                                           GVariantDict   *options);

G_END_DECLS
