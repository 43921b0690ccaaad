/* wsp-word-diff.c — two wordings compared word by word
 *
 * The comparison is the longest common subsequence of the words (the
 * words the two wordings share in the same order); the rest of the old
 * wording is deleted, the rest of the new one inserted. Words are what
 * spaces and line breaks part, punctuation included ("rozwój" and
 * "rozwój;" differ), as a reader sees a change of a comma.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "base/wsp-text.h"
#include "base/wsp-word-diff.h"

/* Past this many cells the middle of two long texts is shown as replaced
 * whole instead of compared word by word (it would take too long). */
#define MAX_CELLS (4 * 1024 * 1024)

void
wsp_diff_segment_free (WspDiffSegment *segment)
{
  if (segment == NULL)
    return;
  g_free (segment->text);
  g_free (segment);
}

static GPtrArray *
words_of (const char *text)
{
  g_auto (GStrv) parts = g_strsplit_set (text != NULL ? text : "", " \t\n", -1);
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; parts[i] != NULL; i++)
    if (parts[i][0] != '\0')
      g_ptr_array_add (words, g_strdup (parts[i]));
  return words;
}

static void
add_word (GPtrArray  *segments,
          WspDiffOp   op,
          const char *word)
{
  WspDiffSegment *last = segments->len > 0 ? g_ptr_array_index (segments, segments->len - 1) : NULL;

  if (last != NULL && last->op == op)
    {
      char *text = g_strconcat (last->text, " ", word, NULL);

      g_free (last->text);
      last->text = text;
      return;
    }
  last = g_new0 (WspDiffSegment, 1);
  last->op = op;
  last->text = g_strdup (word);
  g_ptr_array_add (segments, last);
}

/**
 * wsp_word_diff:
 * @old_text: (nullable): the old wording
 * @new_text: (nullable): the new wording
 *
 * Returns: (transfer full) (element-type WspDiffSegment): the runs of
 *   words, in reading order; within a change, what was deleted comes
 *   before what was inserted
 */
GPtrArray *
wsp_word_diff (const char *old_text,
               const char *new_text)
{
  g_autoptr (GPtrArray) a = words_of (old_text);
  g_autoptr (GPtrArray) b = words_of (new_text);
  GPtrArray *segments = g_ptr_array_new_with_free_func ((GDestroyNotify) wsp_diff_segment_free);
  guint prefix = 0, suffix = 0, n, m;

  while (prefix < a->len && prefix < b->len
         && g_str_equal (g_ptr_array_index (a, prefix), g_ptr_array_index (b, prefix)))
    prefix++;
  while (suffix < a->len - prefix && suffix < b->len - prefix
         && g_str_equal (g_ptr_array_index (a, a->len - 1 - suffix),
                         g_ptr_array_index (b, b->len - 1 - suffix)))
    suffix++;
  for (guint i = 0; i < prefix; i++)
    add_word (segments, WSP_DIFF_SAME, g_ptr_array_index (a, i));

  n = a->len - prefix - suffix;
  m = b->len - prefix - suffix;
  if (n > 0 && m > 0 && (guint64) (n + 1) * (m + 1) <= MAX_CELLS)
    {
      /* lcs[i][j]: the common words of a[i..] and b[j..] (of the middle). */
      g_autofree guint32 *lcs = g_new0 (guint32, (gsize) (n + 1) * (m + 1));
      guint i = 0, j = 0;

#define LCS(i, j) lcs[(gsize) (i) * (m + 1) + (j)]
      for (guint x = n; x-- > 0;)
        for (guint y = m; y-- > 0;)
          LCS (x, y) = g_str_equal (g_ptr_array_index (a, prefix + x), g_ptr_array_index (b, prefix + y))
                         ? LCS (x + 1, y + 1) + 1
                         : MAX (LCS (x + 1, y), LCS (x, y + 1));
      while (i < n || j < m)
        {
          if (i < n && j < m
              && g_str_equal (g_ptr_array_index (a, prefix + i), g_ptr_array_index (b, prefix + j)))
            {
              add_word (segments, WSP_DIFF_SAME, g_ptr_array_index (a, prefix + i));
              i++;
              j++;
            }
          else if (j >= m || (i < n && LCS (i + 1, j) >= LCS (i, j + 1)))
            add_word (segments, WSP_DIFF_DELETED, g_ptr_array_index (a, prefix + i++));
          else
            add_word (segments, WSP_DIFF_INSERTED, g_ptr_array_index (b, prefix + j++));
        }
#undef LCS
    }
  else
    {
      for (guint i = 0; i < n; i++)
        add_word (segments, WSP_DIFF_DELETED, g_ptr_array_index (a, prefix + i));
      for (guint j = 0; j < m; j++)
        add_word (segments, WSP_DIFF_INSERTED, g_ptr_array_index (b, prefix + j));
    }
  for (guint i = a->len - suffix; i < a->len; i++)
    add_word (segments, WSP_DIFF_SAME, g_ptr_array_index (a, i));
  return segments;
}

struct _WspWordBag
{
  GHashTable *counts; /* folded word → occurrences */
  guint       total;
};

/* The words of @text folded ("Rozwój;" as "rozwoj"; folding leaves only
 * ASCII, so ASCII parts them). */
WspWordBag *
wsp_word_bag_new (const char *text)
{
  g_autofree char *folded = wsp_text_fold (text);
  g_auto (GStrv) parts = g_strsplit_set (folded, " \t\n.,;:()\"'?!-", -1);
  WspWordBag *bag = g_new0 (WspWordBag, 1);

  bag->counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (parts[i][0] == '\0')
        continue;
      g_hash_table_insert (bag->counts, g_strdup (parts[i]),
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (bag->counts, parts[i])) + 1));
      bag->total++;
    }
  return bag;
}

void
wsp_word_bag_free (WspWordBag *bag)
{
  if (bag == NULL)
    return;
  g_hash_table_unref (bag->counts);
  g_free (bag);
}

/* See wsp_text_similarity(). */
double
wsp_word_bag_similarity (WspWordBag *a,
                         WspWordBag *b)
{
  GHashTableIter iter;
  gpointer key, value;
  guint shared = 0;

  if (a->total + b->total == 0)
    return 1.0;
  if (g_hash_table_size (a->counts) > g_hash_table_size (b->counts))
    {
      WspWordBag *t = a;
      a = b;
      b = t;
    }
  g_hash_table_iter_init (&iter, a->counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    shared += MIN (GPOINTER_TO_UINT (value), GPOINTER_TO_UINT (g_hash_table_lookup (b->counts, key)));
  return 2.0 * shared / (a->total + b->total);
}

/**
 * wsp_text_similarity:
 *
 * How alike two wordings are, from 0 (no word in common) to 1 (the same
 * words): twice the words they share over all their words (Dice), with
 * case, diacritics and punctuation left aside. Two empty texts are alike.
 */
double
wsp_text_similarity (const char *a,
                     const char *b)
{
  g_autoptr (WspWordBag) ba = wsp_word_bag_new (a);
  g_autoptr (WspWordBag) bb = wsp_word_bag_new (b);

  return wsp_word_bag_similarity (ba, bb);
}

/* @text with one space between its words, none at its ends. */
char *
wsp_text_spaced (const char *text)
{
  g_autoptr (GPtrArray) words = words_of (text);

  g_ptr_array_add (words, NULL);
  return g_strjoinv (" ", (char **) words->pdata);
}

/* Whether the two wordings have the same words, in the same order, however
 * they are spaced or broken into lines. */
gboolean
wsp_text_same_words (const char *a,
                     const char *b)
{
  g_autoptr (GPtrArray) wa = words_of (a);
  g_autoptr (GPtrArray) wb = words_of (b);

  if (wa->len != wb->len)
    return FALSE;
  for (guint i = 0; i < wa->len; i++)
    if (!g_str_equal (g_ptr_array_index (wa, i), g_ptr_array_index (wb, i)))
      return FALSE;
  return TRUE;
}
