/* wsp-comment.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "records/wsp-record.h"

G_BEGIN_DECLS

#define WSP_TYPE_COMMENT (wsp_comment_get_type ())

G_DECLARE_FINAL_TYPE (WspComment, wsp_comment, WSP, COMMENT, WspRecord)

WspComment *wsp_comment_new (void);

G_END_DECLS
