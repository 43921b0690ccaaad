/* wsp-draft-match.h — the units of a new version of a draft matched to the previous version's
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "domain/wsp-draft-units.h"

G_BEGIN_DECLS

guint wsp_draft_match_versions (GPtrArray *previous,
                                GPtrArray *units);

G_END_DECLS
