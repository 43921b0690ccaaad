/* wsp-reviewer-setup.h — a review file opened on a member's laptop: who I am, the secretary's fingerprint
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "store/wsp-store.h"

G_BEGIN_DECLS

#define WSP_TYPE_REVIEWER_SETUP (wsp_reviewer_setup_get_type ())

G_DECLARE_FINAL_TYPE (WspReviewerSetup, wsp_reviewer_setup, WSP, REVIEWER_SETUP, AdwWindow)

WspReviewerSetup *wsp_reviewer_setup_new        (WspStore         *store,
                                                 GFile            *file);
gboolean          wsp_reviewer_setup_open       (WspReviewerSetup *self,
                                                 GError          **error);
const char       *wsp_reviewer_setup_get_draft  (WspReviewerSetup *self);

G_END_DECLS
