/* wsp-review-check.h — comments in a Council member's name come only from that member's laptop
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "store/wsp-store.h"

G_BEGIN_DECLS

/**
 * WspReplySummary:
 * @person: (nullable): a reply's member (a person's id)
 * @line: (nullable): “Anna Kowalczyk: 4 comments on § 3, § 5 ust. 2, …”
 * @comments: how many comments it brings
 * @older_version: made on a version of the draft that is no longer the latest
 * @not_member: from someone not on the Council now
 *
 * What a member's reply to a review brings.
 */
typedef struct
{
  char     *person;
  char     *line;
  guint     comments;
  gboolean  older_version;
  gboolean  not_member;
} WspReplySummary;

void      wsp_reply_summary_clear   (WspReplySummary *summary);

gboolean  wsp_review_check_import   (WspStore        *store,
                                     JsonObject      *scope,
                                     const char      *sender_peer,
                                     GPtrArray       *outcomes,
                                     WspReplySummary *summary,
                                     GError         **error);

G_END_DECLS
