/* wsp-draft-split.h — a draft's text split into its units (§, ust., pkt, lit., tiret)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "domain/wsp-draft-units.h"

G_BEGIN_DECLS

#define WSP_DRAFT_ERROR (wsp_draft_error_quark ())

/**
 * WspDraftError:
 * @WSP_DRAFT_ERROR_NO_UNIT: a unit cannot be made or merged there
 * @WSP_DRAFT_ERROR_UNREADABLE: the file is of a kind the app cannot read
 * @WSP_DRAFT_ERROR_DAMAGED: the file is damaged or not what its name says
 * @WSP_DRAFT_ERROR_EMPTY: there is no text to split
 */
typedef enum
{
  WSP_DRAFT_ERROR_NO_UNIT,
  WSP_DRAFT_ERROR_UNREADABLE,
  WSP_DRAFT_ERROR_DAMAGED,
  WSP_DRAFT_ERROR_EMPTY,
} WspDraftError;

GQuark     wsp_draft_error_quark      (void);

char      *wsp_draft_text_normalize   (const char  *text);
GPtrArray *wsp_draft_split            (const char  *text);
char      *wsp_draft_text_merge_unit  (const char  *text,
                                       GPtrArray   *units,
                                       guint        index,
                                       GError     **error);
char      *wsp_draft_text_split_at    (const char  *text,
                                       gsize        offset,
                                       GError     **error);

G_END_DECLS
