/* wsp-organisation.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "records/wsp-record.h"

G_BEGIN_DECLS

#define WSP_TYPE_ORGANISATION (wsp_organisation_get_type ())

G_DECLARE_FINAL_TYPE (WspOrganisation, wsp_organisation, WSP, ORGANISATION, WspRecord)

WspOrganisation *wsp_organisation_new (void);

G_END_DECLS
