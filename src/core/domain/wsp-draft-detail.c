/* wsp-draft-detail.c — one draft with its versions, units, comments, decisions and opinion
 *
 * Read in one go for the view and the documents (a snapshot: read it again
 * after a change). What it works out:
 *
 * - Comments follow their unit from the version they were made on to the
 *   latest: each version's units say which unit of the version before they
 *   continue ("from", see wsp-draft-match.c). A comment whose unit a later
 *   version no longer has is kept, as removed in that version; one whose
 *   unit's words changed since is marked so.
 * - Comments are append-only: of a comment and its corrections the one
 *   that counts is the one nothing corrects.
 * - The Council's decision on a comment is its comment_decision record
 *   (one per comment, see wsp-records-drafts.c) when there is one, else
 *   the decision the comment was recorded with; a decision recorded
 *   differently on two laptops is a conflict, shown as such.
 * - The comments are numbered in the order of the text (the order of the
 *   table of comments): by their unit's place in the latest version, then
 *   by when they were submitted; those on removed units come last.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "base/wsp-word-diff.h"
#include "domain/wsp-draft-detail.h"
#include "domain/wsp-drafts.h"
#include "records/wsp-records-drafts.h"

struct _WspDraftDetail
{
  GObject          parent_instance;

  WspRecord       *draft;
  WspRecord       *opinion;
  WspOpinionState  state;
  int              days_left;
  GPtrArray       *versions;      /* WspRecord, the first first */
  GPtrArray       *version_units; /* GPtrArray of WspDraftUnit, one per version */
  GPtrArray       *indexes;       /* GHashTable key → index, one per version */
  GPtrArray       *comments;      /* WspCommentEntry, in the table's order */
  GPtrArray       *agenda_items;  /* WspRecord */
  GPtrArray       *empty;
};

G_DEFINE_FINAL_TYPE (WspDraftDetail, wsp_draft_detail, G_TYPE_OBJECT)

static GPtrArray *
query (WspStore    *store,
       GType        type,
       const char  *field,
       const char  *value,
       GError     **error)
{
  g_autoptr (GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);

  if (!wsp_store_query (store, type, field, value, records, error))
    return NULL;
  return g_steal_pointer (&records);
}

static WspDraftUnit *
unit_in (WspDraftDetail *self,
         guint           version,
         const char     *key)
{
  gpointer index;

  if (key == NULL || version >= self->indexes->len
      || !g_hash_table_lookup_extended (g_ptr_array_index (self->indexes, version), key, NULL, &index))
    return NULL;
  return g_ptr_array_index ((GPtrArray *) g_ptr_array_index (self->version_units, version), GPOINTER_TO_UINT (index));
}

static guint
unit_index (WspDraftDetail *self,
            guint           version,
            const char     *key)
{
  gpointer index;

  if (key == NULL || !g_hash_table_lookup_extended (g_ptr_array_index (self->indexes, version), key, NULL, &index))
    return G_MAXUINT;
  return GPOINTER_TO_UINT (index);
}

/* The words a unit is compared by: its own, or those of the units in it
 * when it has none. */
static char *
unit_words (WspDraftDetail *self,
            guint           version,
            const char     *key)
{
  GPtrArray *units = g_ptr_array_index (self->version_units, version);
  guint index = unit_index (self, version, key);
  WspDraftUnit *unit;

  if (index == G_MAXUINT)
    return g_strdup ("");
  unit = g_ptr_array_index (units, index);
  if (unit->text != NULL && unit->text[0] != '\0')
    return g_strdup (unit->text);
  return wsp_draft_units_dup_subtree_text (units, index);
}

/* The first comment of @id's chain of corrections. */
static const char *
root_of (GHashTable *by_id,
         const char *id)
{
  for (guint steps = 0; steps < 64; steps++)
    {
      WspRecord *record = g_hash_table_lookup (by_id, id);
      const char *corrects = record != NULL ? wsp_record_get_string (record, "corrects") : NULL;

      if (corrects == NULL || !g_hash_table_contains (by_id, corrects))
        return id;
      id = corrects;
    }
  return id;
}

static int
compare_entries (gconstpointer pa,
                 gconstpointer pb)
{
  const WspCommentInfo *a = wsp_comment_entry_get_info (*(WspCommentEntry **) pa);
  const WspCommentInfo *b = wsp_comment_entry_get_info (*(WspCommentEntry **) pb);
  WspRecord *ra = g_ptr_array_index (a->chain, 0), *rb = g_ptr_array_index (b->chain, 0);
  int order;

  if (a->unit_index != b->unit_index)
    return a->unit_index < b->unit_index ? -1 : 1;
  if (a->removed_in != b->removed_in)
    return a->removed_in < b->removed_in ? -1 : 1;
  if ((order = g_strcmp0 (a->unit_name, b->unit_name)) != 0 && a->unit_index == G_MAXUINT)
    return order;
  if ((order = g_strcmp0 (wsp_record_get_string (ra, "submitted_on"), wsp_record_get_string (rb, "submitted_on"))) != 0)
    return order;
  return g_strcmp0 (a->root_id, b->root_id);
}

/* Where the comment's unit is now, and whether its words changed. */
static void
follow (WspDraftDetail *self,
        guint           version,
        WspCommentInfo *info)
{
  const char *own_key = wsp_record_get_string (info->comment, "unit_key");
  WspDraftUnit *own = unit_in (self, version, own_key);
  guint last = self->versions->len - 1;
  g_autofree char *key = g_strdup (own_key);

  if (own == NULL)
    {
      /* Not a key of its version: a unit of the latest one by that key,
       * else nowhere. */
      if (unit_in (self, last, own_key) == NULL)
        {
          info->removed_in = info->version_number;
          info->unit_name = g_strdup (own_key != NULL ? own_key : "");
          info->unit_index = G_MAXUINT;
          return;
        }
      version = last;
    }
  for (guint v = version + 1; v <= last && key != NULL; v++)
    {
      GPtrArray *units = g_ptr_array_index (self->version_units, v);
      char *next = NULL;

      for (guint i = 0; i < units->len && next == NULL; i++)
        {
          WspDraftUnit *unit = g_ptr_array_index (units, i);

          if (g_strcmp0 (unit->from, key) == 0)
            next = g_strdup (unit->key);
        }
      g_free (key);
      key = next;
      if (key == NULL)
        info->removed_in = (guint) wsp_record_get_int (g_ptr_array_index (self->versions, v), "number");
    }

  if (key == NULL)
    {
      info->unit_name = g_strdup (own != NULL ? own->name : own_key);
      info->unit_index = G_MAXUINT;
      return;
    }
  {
    WspDraftUnit *now = unit_in (self, last, key);

    info->unit_key = g_strdup (key);
    info->unit_name = g_strdup (now->name);
    info->unit_index = unit_index (self, last, key);
    if (own != NULL && g_strcmp0 (own->name, now->name) != 0)
      info->old_unit_name = g_strdup (own->name);
    if (own != NULL && version < last)
      {
        g_autofree char *before = unit_words (self, version, own_key);
        g_autofree char *after = unit_words (self, last, key);

        info->text_changed = !wsp_text_same_words (before, after);
      }
  }
}

static gboolean
load_comments (WspDraftDetail *self,
               WspStore       *store,
               GError        **error)
{
  g_autoptr (GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) chains = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                        (GDestroyNotify) g_ptr_array_unref);
  g_autoptr (GHashTable) decisions = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) version_of = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GPtrArray) decision_records = NULL;
  g_autoptr (GPtrArray) roots = g_ptr_array_new ();

  for (guint v = 0; v < self->versions->len; v++)
    {
      WspRecord *version = g_ptr_array_index (self->versions, v);

      g_hash_table_insert (version_of, (gpointer) wsp_record_get_id (version), GUINT_TO_POINTER (v));
      if (!wsp_store_query (store, WSP_TYPE_COMMENT, "version_id", wsp_record_get_id (version), all, error))
        return FALSE;
    }
  decision_records = query (store, WSP_TYPE_DECISION, "draft_id", wsp_record_get_id (self->draft), error);
  if (decision_records == NULL)
    return FALSE;
  for (guint i = 0; i < decision_records->len; i++)
    {
      WspRecord *decision = g_ptr_array_index (decision_records, i);
      const char *comment_id = wsp_record_get_string (decision, "comment_id");

      if (comment_id != NULL)
        g_hash_table_insert (decisions, (gpointer) comment_id, decision);
    }

  for (guint i = 0; i < all->len; i++)
    g_hash_table_insert (by_id, (gpointer) wsp_record_get_id (g_ptr_array_index (all, i)), g_ptr_array_index (all, i));
  for (guint i = 0; i < all->len; i++)
    {
      WspRecord *comment = g_ptr_array_index (all, i);
      const char *root = root_of (by_id, wsp_record_get_id (comment));
      GPtrArray *chain = g_hash_table_lookup (chains, root);

      if (chain == NULL)
        {
          chain = g_ptr_array_new_with_free_func (g_object_unref);
          g_hash_table_insert (chains, (gpointer) root, chain);
          g_ptr_array_add (roots, (gpointer) root);
        }
      /* The first comment first. */
      if (g_str_equal (root, wsp_record_get_id (comment)))
        g_ptr_array_insert (chain, 0, g_object_ref (comment));
      else
        g_ptr_array_add (chain, g_object_ref (comment));
    }

  for (guint i = 0; i < roots->len; i++)
    {
      const char *root = g_ptr_array_index (roots, i);
      GPtrArray *chain = g_hash_table_lookup (chains, root);
      WspRecord *decision = g_hash_table_lookup (decisions, root);
      WspCommentInfo info = { 0 };
      guint uncorrected = 0;
      gpointer version;

      info.comment = g_object_ref (wsp_draft_effective_record (chain));
      info.chain = g_ptr_array_ref (chain);
      info.root_id = g_strdup (root);
      for (guint k = 0; k < chain->len; k++)
        {
          gboolean corrected = FALSE;

          for (guint m = 0; m < chain->len && !corrected; m++)
            corrected = g_strcmp0 (wsp_record_get_string (g_ptr_array_index (chain, m), "corrects"),
                                   wsp_record_get_id (g_ptr_array_index (chain, k))) == 0;
          uncorrected += !corrected;
        }
      info.corrected_twice = uncorrected > 1;
      if (!g_hash_table_lookup_extended (version_of, wsp_record_get_string (info.comment, "version_id"), NULL, &version))
        version = GUINT_TO_POINTER (0);
      info.version_number = (guint) wsp_record_get_int (g_ptr_array_index (self->versions, GPOINTER_TO_UINT (version)),
                                                        "number");
      follow (self, GPOINTER_TO_UINT (version), &info);

      if (decision != NULL)
        {
          info.decision_record = g_object_ref (decision);
          info.decision = wsp_choice_value (wsp_comment_decision_choices, wsp_record_get_string (decision, "decision"),
                                            WSP_COMMENT_PENDING);
          info.reason = g_strdup (wsp_record_get_string (decision, "reason"));
          info.decision_conflict = wsp_record_get_conflicted (decision);
        }
      else
        {
          info.decision = wsp_choice_value (wsp_comment_decision_choices,
                                            wsp_record_get_string (info.comment, "decision"), WSP_COMMENT_PENDING);
          info.reason = g_strdup (wsp_record_get_string (info.comment, "decision_reason"));
        }
      g_ptr_array_add (self->comments, wsp_comment_entry_new (&info));
    }

  g_ptr_array_sort (self->comments, compare_entries);
  for (guint i = 0; i < self->comments->len; i++)
    ((WspCommentInfo *) wsp_comment_entry_get_info (g_ptr_array_index (self->comments, i)))->number = i + 1;
  return TRUE;
}

/**
 * wsp_draft_detail_load:
 * @now: (nullable): the time to judge the deadline at; %NULL: now
 *
 * Returns: (transfer full): the draft @draft_id as it stands, or %NULL
 *   with @error (%WSP_STORE_ERROR_NOT_FOUND when there is no such draft)
 */
WspDraftDetail *
wsp_draft_detail_load (WspStore    *store,
                       const char  *draft_id,
                       GDateTime   *now,
                       GError     **error)
{
  g_autoptr (WspDraftDetail) self = g_object_new (WSP_TYPE_DRAFT_DETAIL, NULL);
  g_autoptr (GDateTime) when = now != NULL ? g_date_time_ref (now) : g_date_time_new_now_local ();
  g_autoptr (GError) local_error = NULL;

  g_return_val_if_fail (WSP_IS_STORE (store), NULL);
  g_return_val_if_fail (draft_id != NULL, NULL);

  self->draft = wsp_store_get (store, draft_id, error);
  if (self->draft == NULL)
    return NULL;
  if (!WSP_IS_DRAFT (self->draft))
    {
      g_set_error (error, WSP_STORE_ERROR, WSP_STORE_ERROR_NOT_FOUND, "%s is not a draft", draft_id);
      return NULL;
    }
  self->versions = wsp_draft_versions (store, draft_id, error);
  if (self->versions == NULL)
    return NULL;
  for (guint v = 0; v < self->versions->len; v++)
    {
      GPtrArray *units = wsp_draft_units_from_json (wsp_record_get_value (g_ptr_array_index (self->versions, v), "units"));

      g_ptr_array_add (self->version_units, units);
      g_ptr_array_add (self->indexes, wsp_draft_units_index (units));
    }
  if (self->versions->len > 0 && !load_comments (self, store, error))
    return NULL;
  self->opinion = wsp_draft_find_opinion (store, draft_id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  self->state = wsp_draft_state (self->draft, self->opinion != NULL, when, &self->days_left);
  self->agenda_items = wsp_draft_agenda_items (store, draft_id, error);
  if (self->agenda_items == NULL)
    return NULL;
  return g_steal_pointer (&self);
}

WspRecord *
wsp_draft_detail_get_draft (WspDraftDetail *self)
{
  g_return_val_if_fail (WSP_IS_DRAFT_DETAIL (self), NULL);
  return self->draft;
}

/* The opinion that counts, or NULL. */
WspRecord *
wsp_draft_detail_get_opinion (WspDraftDetail *self)
{
  g_return_val_if_fail (WSP_IS_DRAFT_DETAIL (self), NULL);
  return self->opinion;
}

WspOpinionState
wsp_draft_detail_get_state (WspDraftDetail *self,
                            int            *days_left)
{
  g_return_val_if_fail (WSP_IS_DRAFT_DETAIL (self), WSP_OPINION_STATE_OPEN);
  if (days_left != NULL)
    *days_left = self->days_left;
  return self->state;
}

/* (element-type WspRecord): the versions, the first first. */
GPtrArray *
wsp_draft_detail_get_versions (WspDraftDetail *self)
{
  g_return_val_if_fail (WSP_IS_DRAFT_DETAIL (self), NULL);
  return self->versions;
}

/* The latest version, or NULL when the draft has no text yet. */
WspRecord *
wsp_draft_detail_get_latest (WspDraftDetail *self)
{
  g_return_val_if_fail (WSP_IS_DRAFT_DETAIL (self), NULL);
  return self->versions->len > 0 ? g_ptr_array_index (self->versions, self->versions->len - 1) : NULL;
}

/* (element-type WspDraftUnit): the units of the latest version. */
GPtrArray *
wsp_draft_detail_get_units (WspDraftDetail *self)
{
  g_return_val_if_fail (WSP_IS_DRAFT_DETAIL (self), NULL);
  return self->version_units->len > 0 ? g_ptr_array_index (self->version_units, self->version_units->len - 1)
                                      : self->empty;
}

/* (element-type WspDraftUnit): the units of the version at @index of
 * wsp_draft_detail_get_versions(). */
GPtrArray *
wsp_draft_detail_get_version_units (WspDraftDetail *self,
                                    guint           index)
{
  g_return_val_if_fail (WSP_IS_DRAFT_DETAIL (self), NULL);
  g_return_val_if_fail (index < self->version_units->len, NULL);
  return g_ptr_array_index (self->version_units, index);
}

/* (element-type WspCommentEntry): the comments, numbered, in the order of
 * the table of comments. */
GPtrArray *
wsp_draft_detail_get_comments (WspDraftDetail *self)
{
  g_return_val_if_fail (WSP_IS_DRAFT_DETAIL (self), NULL);
  return self->comments;
}

/* (element-type WspRecord): the agenda items that take the draft. */
GPtrArray *
wsp_draft_detail_get_agenda_items (WspDraftDetail *self)
{
  g_return_val_if_fail (WSP_IS_DRAFT_DETAIL (self), NULL);
  return self->agenda_items;
}

/* How many comments have a decision (withdrawn ones too). */
guint
wsp_draft_detail_count_decided (WspDraftDetail *self)
{
  guint n = 0;

  g_return_val_if_fail (WSP_IS_DRAFT_DETAIL (self), 0);
  for (guint i = 0; i < self->comments->len; i++)
    n += wsp_comment_entry_get_info (g_ptr_array_index (self->comments, i))->decision != WSP_COMMENT_PENDING;
  return n;
}

/* How many comments have decisions recorded differently on two laptops. */
guint
wsp_draft_detail_count_conflicts (WspDraftDetail *self)
{
  guint n = 0;

  g_return_val_if_fail (WSP_IS_DRAFT_DETAIL (self), 0);
  for (guint i = 0; i < self->comments->len; i++)
    n += wsp_comment_entry_get_info (g_ptr_array_index (self->comments, i))->decision_conflict;
  return n;
}

/* The comment whose chain holds @comment_id, or NULL. */
WspCommentEntry *
wsp_draft_detail_find_comment (WspDraftDetail *self,
                               const char     *comment_id)
{
  g_return_val_if_fail (WSP_IS_DRAFT_DETAIL (self), NULL);
  for (guint i = 0; i < self->comments->len; i++)
    {
      const WspCommentInfo *info = wsp_comment_entry_get_info (g_ptr_array_index (self->comments, i));

      for (guint k = 0; k < info->chain->len; k++)
        if (g_strcmp0 (wsp_record_get_id (g_ptr_array_index (info->chain, k)), comment_id) == 0)
          return g_ptr_array_index (self->comments, i);
    }
  return NULL;
}

/* The unit @key of the latest version, or NULL. */
const WspDraftUnit *
wsp_draft_detail_find_unit (WspDraftDetail *self,
                            const char     *key)
{
  g_return_val_if_fail (WSP_IS_DRAFT_DETAIL (self), NULL);
  if (self->versions->len == 0)
    return NULL;
  return unit_in (self, self->versions->len - 1, key);
}

/**
 * wsp_draft_detail_dup_rows:
 * @only_commented: only the units with comments
 *
 * Returns: (transfer full) (element-type WspDraftRow): the text as the
 *   view shows it: each unit of the latest version (with how it changed
 *   since the version before), its comments under it, then the comments on
 *   units no longer in the text under a heading
 */
GPtrArray *
wsp_draft_detail_dup_rows (WspDraftDetail *self,
                           gboolean        only_commented)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GHashTable) by_unit = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                         (GDestroyNotify) g_ptr_array_unref);
  g_autoptr (GPtrArray) removed = g_ptr_array_new ();
  GPtrArray *units = wsp_draft_detail_get_units (self);
  guint last = self->versions->len > 0 ? self->versions->len - 1 : 0;

  for (guint i = 0; i < self->comments->len; i++)
    {
      WspCommentEntry *entry = g_ptr_array_index (self->comments, i);
      const WspCommentInfo *info = wsp_comment_entry_get_info (entry);
      GPtrArray *on_unit;

      if (info->unit_key == NULL)
        {
          g_ptr_array_add (removed, entry);
          continue;
        }
      on_unit = g_hash_table_lookup (by_unit, info->unit_key);
      if (on_unit == NULL)
        {
          on_unit = g_ptr_array_new ();
          g_hash_table_insert (by_unit, info->unit_key, on_unit);
        }
      g_ptr_array_add (on_unit, entry);
    }

  for (guint i = 0; i < units->len; i++)
    {
      WspDraftUnit *unit = g_ptr_array_index (units, i);
      GPtrArray *on_unit = g_hash_table_lookup (by_unit, unit->key);
      WspUnitChange change = WSP_UNIT_SAME;

      if (only_commented && on_unit == NULL)
        continue;
      if (last > 0)
        {
          WspDraftUnit *before = unit_in (self, last - 1, unit->from);

          if (before == NULL)
            change = WSP_UNIT_NEW;
          else if (!wsp_text_same_words (before->text, unit->text))
            change = WSP_UNIT_CHANGED;
        }
      g_ptr_array_add (rows, wsp_draft_row_new_unit (unit, on_unit != NULL ? on_unit->len : 0, change));
      for (guint k = 0; on_unit != NULL && k < on_unit->len; k++)
        g_ptr_array_add (rows, wsp_draft_row_new_comment (g_ptr_array_index (on_unit, k)));
    }
  if (removed->len > 0)
    {
      g_ptr_array_add (rows, wsp_draft_row_new_removed (removed->len));
      for (guint k = 0; k < removed->len; k++)
        g_ptr_array_add (rows, wsp_draft_row_new_comment (g_ptr_array_index (removed, k)));
    }
  return rows;
}

/* The key in version @older of the unit @key of version @newer, through
 * the versions between (each unit says which one it continues); NULL when
 * the unit was added after @older. */
static const char *
trace_back (WspDraftDetail *self,
            guint           newer,
            const char     *key,
            guint           older)
{
  for (guint v = newer; v > older && key != NULL; v--)
    {
      WspDraftUnit *unit = unit_in (self, v, key);

      key = unit != NULL ? unit->from : NULL;
    }
  return key;
}

/**
 * wsp_draft_detail_compare:
 * @older: the index of a version (in wsp_draft_detail_get_versions())
 * @newer: the index of a later one
 *
 * Returns: (transfer full) (element-type WspUnitComparison): the units of
 *   @newer in their order, each with its unit in @older and how it
 *   changed, and after each the units of @older that were removed from
 *   around it; the units point into @self
 */
GArray *
wsp_draft_detail_compare (WspDraftDetail *self,
                          guint           older,
                          guint           newer)
{
  GArray *out = g_array_new (FALSE, TRUE, sizeof (WspUnitComparison));
  GPtrArray *old_units, *new_units;
  g_autoptr (GHashTable) kept = g_hash_table_new (g_str_hash, g_str_equal);
  guint next_old = 0;

  g_return_val_if_fail (WSP_IS_DRAFT_DETAIL (self), out);
  g_return_val_if_fail (older < newer && newer < self->versions->len, out);

  old_units = g_ptr_array_index (self->version_units, older);
  new_units = g_ptr_array_index (self->version_units, newer);
  for (guint i = 0; i < new_units->len; i++)
    {
      WspDraftUnit *unit = g_ptr_array_index (new_units, i);
      const char *from = trace_back (self, newer, unit->key, older);

      if (from != NULL && unit_in (self, older, from) != NULL)
        g_hash_table_add (kept, (gpointer) from);
    }
  for (guint i = 0; i < new_units->len; i++)
    {
      WspDraftUnit *unit = g_ptr_array_index (new_units, i);
      const char *from = trace_back (self, newer, unit->key, older);
      WspUnitComparison c = { WSP_UNIT_NEW, unit_in (self, older, from), unit };
      guint old_index = c.before != NULL ? unit_index (self, older, from) : G_MAXUINT;

      /* The units removed before this one's place in the older version. */
      if (old_index != G_MAXUINT)
        {
          for (; next_old < old_index; next_old++)
            {
              WspDraftUnit *gone = g_ptr_array_index (old_units, next_old);

              if (!g_hash_table_contains (kept, gone->key))
                {
                  WspUnitComparison r = { WSP_UNIT_REMOVED, gone, NULL };
                  g_array_append_val (out, r);
                }
            }
          next_old = MAX (next_old, old_index + 1);
          c.change = wsp_text_same_words (c.before->text, unit->text) ? WSP_UNIT_SAME : WSP_UNIT_CHANGED;
        }
      g_array_append_val (out, c);
    }
  for (; next_old < old_units->len; next_old++)
    {
      WspDraftUnit *gone = g_ptr_array_index (old_units, next_old);

      if (!g_hash_table_contains (kept, gone->key))
        {
          WspUnitComparison r = { WSP_UNIT_REMOVED, gone, NULL };
          g_array_append_val (out, r);
        }
    }
  return out;
}

static void
wsp_draft_detail_finalize (GObject *object)
{
  WspDraftDetail *self = WSP_DRAFT_DETAIL (object);

  g_clear_object (&self->draft);
  g_clear_object (&self->opinion);
  g_clear_pointer (&self->versions, g_ptr_array_unref);
  g_clear_pointer (&self->version_units, g_ptr_array_unref);
  g_clear_pointer (&self->indexes, g_ptr_array_unref);
  g_clear_pointer (&self->comments, g_ptr_array_unref);
  g_clear_pointer (&self->agenda_items, g_ptr_array_unref);
  g_clear_pointer (&self->empty, g_ptr_array_unref);
  G_OBJECT_CLASS (wsp_draft_detail_parent_class)->finalize (object);
}

static void
wsp_draft_detail_class_init (WspDraftDetailClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = wsp_draft_detail_finalize;
}

static void
wsp_draft_detail_init (WspDraftDetail *self)
{
  self->version_units = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  self->indexes = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref);
  self->comments = g_ptr_array_new_with_free_func (g_object_unref);
  self->empty = wsp_draft_units_new ();
}
