/* wsp-draft-version.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "records/wsp-record.h"

G_BEGIN_DECLS

#define WSP_TYPE_DRAFT_VERSION (wsp_draft_version_get_type ())

G_DECLARE_FINAL_TYPE (WspDraftVersion, wsp_draft_version, WSP, DRAFT_VERSION, WspRecord)

WspDraftVersion *wsp_draft_version_new (void);

G_END_DECLS
