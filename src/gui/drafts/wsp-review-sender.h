/* wsp-review-sender.h — a draft sent for review: to which members, by when, with or without the comments
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "store/wsp-store.h"

G_BEGIN_DECLS

#define WSP_TYPE_REVIEW_SENDER (wsp_review_sender_get_type ())

G_DECLARE_FINAL_TYPE (WspReviewSender, wsp_review_sender, WSP, REVIEW_SENDER, AdwWindow)

WspReviewSender *wsp_review_sender_new      (WspStore        *store,
                                             const char      *draft_id);
gboolean         wsp_review_sender_save_to  (WspReviewSender *self,
                                             GFile           *file,
                                             GError         **error);

G_END_DECLS
