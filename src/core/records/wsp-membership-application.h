/* wsp-membership-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "records/wsp-record.h"

G_BEGIN_DECLS

#define WSP_TYPE_MEMBERSHIP_APPLICATION (wsp_membership_application_get_type ())

G_DECLARE_FINAL_TYPE (WspMembershipApplication, wsp_membership_application, WSP, MEMBERSHIP_APPLICATION, WspRecord)

WspMembershipApplication *wsp_membership_application_new (void);

G_END_DECLS
