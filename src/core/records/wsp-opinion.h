/* wsp-opinion.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "records/wsp-record.h"

G_BEGIN_DECLS

#define WSP_TYPE_OPINION (wsp_opinion_get_type ())

G_DECLARE_FINAL_TYPE (WspOpinion, wsp_opinion, WSP, OPINION, WspRecord)

WspOpinion *wsp_opinion_new (void);

G_END_DECLS
