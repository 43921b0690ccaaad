/* wsp-draft.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "records/wsp-record.h"

G_BEGIN_DECLS

#define WSP_TYPE_DRAFT (wsp_draft_get_type ())

G_DECLARE_FINAL_TYPE (WspDraft, wsp_draft, WSP, DRAFT, WspRecord)

WspDraft *wsp_draft_new (void);

G_END_DECLS
