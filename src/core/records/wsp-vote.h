/* wsp-vote.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "records/wsp-record.h"

G_BEGIN_DECLS

#define WSP_TYPE_VOTE (wsp_vote_get_type ())

G_DECLARE_FINAL_TYPE (WspVote, wsp_vote, WSP, VOTE, WspRecord)

WspVote *wsp_vote_new (void);

G_END_DECLS
