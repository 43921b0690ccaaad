/* wsp-organisation-detail.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "store/wsp-store.h"

G_BEGIN_DECLS

#define WSP_TYPE_ORGANISATION_DETAIL (wsp_organisation_detail_get_type ())

G_DECLARE_FINAL_TYPE (WspOrganisationDetail, wsp_organisation_detail, WSP, ORGANISATION_DETAIL,
                      AdwBin)

GtkWidget *wsp_organisation_detail_new              (void);
void       wsp_organisation_detail_set_organisation (WspOrganisationDetail *self,
                                                     WspStore              *store,
                                                     WspRecord             *organisation);
WspRecord *wsp_organisation_detail_get_organisation (WspOrganisationDetail *self);

G_END_DECLS
