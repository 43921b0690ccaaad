/* wsp-election.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "records/wsp-record.h"

G_BEGIN_DECLS

#define WSP_TYPE_ELECTION (wsp_election_get_type ())

G_DECLARE_FINAL_TYPE (WspElection, wsp_election, WSP, ELECTION, WspRecord)

WspElection *wsp_election_new (void);

G_END_DECLS
