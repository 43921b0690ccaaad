/* wsp-ballot.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "records/wsp-record.h"

G_BEGIN_DECLS

#define WSP_TYPE_BALLOT (wsp_ballot_get_type ())

G_DECLARE_FINAL_TYPE (WspBallot, wsp_ballot, WSP, BALLOT, WspRecord)

WspBallot *wsp_ballot_new (void);

G_END_DECLS
