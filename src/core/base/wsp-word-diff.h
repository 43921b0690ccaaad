/* wsp-word-diff.h — two wordings compared word by word
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * WspDiffOp:
 * @WSP_DIFF_SAME: words both wordings have
 * @WSP_DIFF_DELETED: words only the old wording has
 * @WSP_DIFF_INSERTED: words only the new wording has
 */
typedef enum
{
  WSP_DIFF_SAME,
  WSP_DIFF_DELETED,
  WSP_DIFF_INSERTED,
} WspDiffOp;

/**
 * WspDiffSegment:
 * @op: what the words are
 * @text: the words, one space between them
 *
 * A run of words of one kind in a comparison.
 */
typedef struct
{
  WspDiffOp op;
  char     *text;
} WspDiffSegment;

/**
 * WspWordBag:
 *
 * The words of a wording, folded, with how often each occurs: what
 * wsp_text_similarity() compares, kept to compare one wording with many.
 */
typedef struct _WspWordBag WspWordBag;

WspWordBag *wsp_word_bag_new        (const char     *text);
void        wsp_word_bag_free       (WspWordBag     *bag);
double      wsp_word_bag_similarity (WspWordBag     *a,
                                     WspWordBag     *b);
char       *wsp_text_spaced         (const char     *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WspWordBag, wsp_word_bag_free)

void       wsp_diff_segment_free    (WspDiffSegment *segment);
GPtrArray *wsp_word_diff            (const char     *old_text,
                                     const char     *new_text);
double     wsp_text_similarity      (const char     *a,
                                     const char     *b);
gboolean   wsp_text_same_words      (const char     *a,
                                     const char     *b);

G_END_DECLS
