/* wsp-draft-match.c — the units of a new version of a draft matched to the previous version's
 *
 * A corrected draft is split again; each of its units is then told which
 * unit of the previous version it continues (its `from`), so comments made
 * on the old version follow their unit. In order:
 *
 * 1. the same words (however spaced), of the same kind: where a unit was
 *    renumbered but not changed (a § inserted before it) — when the words
 *    occur more than once, the unit of the same key, else the nearest;
 * 2. the same key, of the same kind, and words alike (similarity of at
 *    least 0.5, see wsp_text_similarity()): a unit reworded in its place;
 * 3. words alike (0.5) of the same kind, the most alike first, the nearer
 *    in the text between equals: a unit renumbered and reworded;
 * 4. the same key and kind, inside units matched to each other: a unit
 *    rewritten in its place.
 *
 * What is left of the new version was added; what is left of the previous
 * one was removed. A unit that only holds others (a §, all of whose words
 * are in its sections) is compared by the words of the units in it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "base/wsp-word-diff.h"
#include "import/wsp-draft-match.h"

#define ALIKE 0.5

typedef struct
{
  WspDraftUnit *unit;
  char         *words;   /* what it is compared by, one space between words */
  WspWordBag   *bag;
  double        place;   /* where it is, from 0 to 1 */
  int           match;   /* its partner's index, or -1 */
} Side;

static void
side_clear (Side *side)
{
  g_free (side->words);
  wsp_word_bag_free (side->bag);
}

static GArray *
sides_of (GPtrArray *units)
{
  GArray *sides = g_array_sized_new (FALSE, TRUE, sizeof (Side), units->len);

  g_array_set_clear_func (sides, (GDestroyNotify) side_clear);
  for (guint i = 0; i < units->len; i++)
    {
      WspDraftUnit *unit = g_ptr_array_index (units, i);
      Side side = { unit, NULL, NULL, units->len > 1 ? (double) i / (units->len - 1) : 0.0, -1 };
      g_auto (GStrv) words = g_strsplit (unit->text, " ", 4);
      g_autofree char *text = g_strv_length (words) >= 3 ? g_strdup (unit->text)
                                                         : wsp_draft_units_dup_subtree_text (units, i);

      side.words = wsp_text_spaced (text);
      side.bag = wsp_word_bag_new (text);
      g_array_append_val (sides, side);
    }
  return sides;
}

static void
pair (GArray *old,
      guint   i,
      GArray *fresh,
      guint   j)
{
  g_array_index (old, Side, i).match = (int) j;
  g_array_index (fresh, Side, j).match = (int) i;
}

typedef struct
{
  guint  i, j;
  double score;
  double distance;
} Candidate;

static int
compare_candidates (gconstpointer pa,
                    gconstpointer pb)
{
  const Candidate *a = pa, *b = pb;

  if (a->score != b->score)
    return a->score > b->score ? -1 : 1;
  if (a->distance != b->distance)
    return a->distance < b->distance ? -1 : 1;
  return a->j != b->j ? (a->j < b->j ? -1 : 1) : (a->i < b->i ? -1 : a->i > b->i);
}

/* Pairs, the best first, those that @accept. */
static void
pair_best (GArray   *old,
           GArray   *fresh,
           gboolean  same_words)
{
  g_autoptr (GArray) candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));

  for (guint j = 0; j < fresh->len; j++)
    {
      Side *b = &g_array_index (fresh, Side, j);

      if (b->match >= 0)
        continue;
      for (guint i = 0; i < old->len; i++)
        {
          Side *a = &g_array_index (old, Side, i);
          Candidate c = { i, j, 0, fabs (a->place - b->place) };

          if (a->match >= 0 || a->unit->kind != b->unit->kind)
            continue;
          if (same_words)
            {
              if (!g_str_equal (a->words, b->words))
                continue;
              /* Among equal words, the unit of the same key first. */
              c.score = g_str_equal (a->unit->key, b->unit->key) ? 2 : 1;
            }
          else
            {
              c.score = wsp_word_bag_similarity (a->bag, b->bag);
              if (c.score < ALIKE)
                continue;
            }
          g_array_append_val (candidates, c);
        }
    }
  g_array_sort (candidates, compare_candidates);
  for (guint k = 0; k < candidates->len; k++)
    {
      Candidate *c = &g_array_index (candidates, Candidate, k);

      if (g_array_index (old, Side, c->i).match < 0 && g_array_index (fresh, Side, c->j).match < 0)
        pair (old, c->i, fresh, c->j);
    }
}

/* Whether the units @a and @b are in units matched to each other (or both
 * at the top). */
static gboolean
parents_matched (GArray     *old,
                 GHashTable *old_index,
                 GArray     *fresh,
                 GHashTable *fresh_index,
                 Side       *a,
                 Side       *b)
{
  gpointer pa, pb;

  if (a->unit->parent == NULL || b->unit->parent == NULL)
    return a->unit->parent == NULL && b->unit->parent == NULL;
  if (!g_hash_table_lookup_extended (old_index, a->unit->parent, NULL, &pa)
      || !g_hash_table_lookup_extended (fresh_index, b->unit->parent, NULL, &pb))
    return FALSE;
  return g_array_index (fresh, Side, GPOINTER_TO_UINT (pb)).match == (int) GPOINTER_TO_UINT (pa);
}

/**
 * wsp_draft_match_versions:
 * @previous: (element-type WspDraftUnit): the units of the previous version
 * @units: (element-type WspDraftUnit): the units of the new version, whose
 *   `from` is set
 *
 * Returns: how many units of @units continue a unit of @previous
 */
guint
wsp_draft_match_versions (GPtrArray *previous,
                          GPtrArray *units)
{
  g_autoptr (GArray) old = sides_of (previous);
  g_autoptr (GArray) fresh = sides_of (units);
  g_autoptr (GHashTable) old_index = wsp_draft_units_index (previous);
  g_autoptr (GHashTable) fresh_index = wsp_draft_units_index (units);
  guint matched = 0;

  /* 1. The same words. */
  pair_best (old, fresh, TRUE);

  /* 2. The same key, the words alike. */
  for (guint j = 0; j < fresh->len; j++)
    {
      Side *b = &g_array_index (fresh, Side, j);
      gpointer found;
      Side *a;

      if (b->match >= 0 || !g_hash_table_lookup_extended (old_index, b->unit->key, NULL, &found))
        continue;
      a = &g_array_index (old, Side, GPOINTER_TO_UINT (found));
      if (a->match < 0 && a->unit->kind == b->unit->kind && wsp_word_bag_similarity (a->bag, b->bag) >= ALIKE)
        pair (old, GPOINTER_TO_UINT (found), fresh, j);
    }

  /* 3. Words alike, wherever they are. */
  pair_best (old, fresh, FALSE);

  /* 4. The same key in matched units: rewritten in place. In the order of
   * the text, so a unit's parent is settled before it. */
  for (guint j = 0; j < fresh->len; j++)
    {
      Side *b = &g_array_index (fresh, Side, j);
      gpointer found;
      Side *a;

      if (b->match >= 0 || !g_hash_table_lookup_extended (old_index, b->unit->key, NULL, &found))
        continue;
      a = &g_array_index (old, Side, GPOINTER_TO_UINT (found));
      if (a->match < 0 && a->unit->kind == b->unit->kind
          && parents_matched (old, old_index, fresh, fresh_index, a, b))
        pair (old, GPOINTER_TO_UINT (found), fresh, j);
    }

  for (guint j = 0; j < fresh->len; j++)
    {
      Side *b = &g_array_index (fresh, Side, j);

      g_free (b->unit->from);
      b->unit->from = NULL;
      if (b->match >= 0)
        {
          b->unit->from = g_strdup (g_array_index (old, Side, b->match).unit->key);
          matched++;
        }
    }
  return matched;
}
