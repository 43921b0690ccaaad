/* wsp-term.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "records/wsp-record.h"

G_BEGIN_DECLS

#define WSP_TYPE_TERM (wsp_term_get_type ())

G_DECLARE_FINAL_TYPE (WspTerm, wsp_term, WSP, TERM, WspRecord)

WspTerm *wsp_term_new (void);

G_END_DECLS
