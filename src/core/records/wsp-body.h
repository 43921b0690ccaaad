/* wsp-body.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "records/wsp-record.h"

G_BEGIN_DECLS

#define WSP_TYPE_BODY (wsp_body_get_type ())

G_DECLARE_FINAL_TYPE (WspBody, wsp_body, WSP, BODY, WspRecord)

WspBody *wsp_body_new (void);

G_END_DECLS
