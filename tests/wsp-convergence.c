/* wsp-convergence.c — a seeded random test of laptops that keep in step by
 * exchanging packets through an unreliable channel
 *
 * Modelled on the Yjs test helper (applyRandomTests, compare): a few
 * replicas, a seeded PRNG choosing operations and faults, then quiescence
 * and a comparison of everything. See research/anchors-sync.md (b).
 *
 * Everything the PRNG decides depends only on the seed: record ids are made
 * from it too, and lists the store orders by clock (conflicts) are sorted
 * here by id or value, so a failing seed fails again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "wsp-test-util.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "wsp-convergence.h"
#include "base/wsp-json.h"
#include "records/wsp-entities.h"
#include "records/wsp-records-members.h"
#include "sync/wsp-sync.h"
#include "records/wsp-records-votes.h"

#define DELETED_FIELD "_deleted"
#define MAX_KEPT_PACKETS 48
#define N_BALLOTS 3
#define N_SEATS 5

/* clang-format off */
G_DEFINE_QUARK (wsp-convergence-error-quark, wsp_convergence_error)
/* clang-format on */

/* ---- small helpers ------------------------------------------------------ */

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static int
compare_records_by_id (gconstpointer a,
                       gconstpointer b)
{
  WspRecord *ra = *(WspRecord * const *) a;
  WspRecord *rb = *(WspRecord * const *) b;

  return strcmp (wsp_record_get_id (ra), wsp_record_get_id (rb));
}

static gint64
origin_seq (WspStore *store)
{
  g_autofree char *text = wsp_store_dup_meta (store, "origin_seq");

  return text != NULL ? g_ascii_strtoll (text, NULL, 10) : 0;
}

static const char *
rev_string (JsonObject *rev,
            const char *member)
{
  JsonNode *node = json_object_get_member (rev, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_STRING)
    return "";
  return json_node_get_string (node);
}

static JsonObject *
rev_body (JsonObject *rev)
{
  JsonNode *node = json_object_get_member (rev, "body");

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static JsonArray *
rev_parents (JsonObject *rev)
{
  JsonNode *node = json_object_get_member (rev, "parents");

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

/* A value as text: "∅" when absent or null, canonical JSON otherwise. */
static char *
value_text (JsonObject *object,
            const char *field)
{
  JsonNode *node = object != NULL && json_object_has_member (object, field)
                     ? json_object_get_member (object, field) : NULL;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return g_strdup ("∅");
  return wsp_json_canonical (node);
}

/* Whether @a wins over @b among live versions: generation, then id. */
static int
compare_live (gconstpointer pa,
              gconstpointer pb)
{
  JsonObject *a = *(JsonObject * const *) pa;
  JsonObject *b = *(JsonObject * const *) pb;
  gint64 ga = json_object_get_int_member (a, "gen");
  gint64 gb = json_object_get_int_member (b, "gen");

  if (ga != gb)
    return ga > gb ? -1 : 1;
  return -strcmp (rev_string (a, "rev"), rev_string (b, "rev"));
}

/* A short description of a revision for messages. */
static char *
describe_rev (JsonObject *rev)
{
  return g_strdup_printf ("%.*s… (%s %s, %s, made on %.8s… as change %" G_GINT64_FORMAT ")",
                          24, rev_string (rev, "rev"), rev_string (rev, "entity"),
                          rev_string (rev, "record"),
                          json_object_get_boolean_member (rev, "deleted") ? "a delete"
                                                                          : "a version",
                          rev_string (rev, "peer"), json_object_get_int_member (rev, "seq"));
}

/* @text from about @from to @to bytes, on whole UTF-8 characters. */
static char *
excerpt (const char *text,
         gsize       from,
         gsize       to)
{
  gsize len = strlen (text);
  const char *start, *end;

  from = MIN (from, len);
  to = MIN (to, len);
  start = text + from;
  while (start > text && (*start & 0xc0) == 0x80)
    start--;
  end = text + to;
  while (*end != '\0' && (*end & 0xc0) == 0x80)
    end++;
  return g_strdup_printf ("%s%.*s%s", start > text ? "…" : "", (int) (end - start), start,
                          *end != '\0' ? "…" : "");
}

/* Where two dumps differ: the line, and the text around the first
 * differing byte in each. */
static char *
first_difference (const char *a,
                  const char *b)
{
  g_auto (GStrv) la = g_strsplit (a, "\n", -1);
  g_auto (GStrv) lb = g_strsplit (b, "\n", -1);
  g_autofree char *ea = NULL;
  g_autofree char *eb = NULL;
  const char *x, *y;
  gsize at = 0;
  guint i;

  for (i = 0; la[i] != NULL && lb[i] != NULL; i++)
    if (strcmp (la[i], lb[i]) != 0)
      break;
  x = la[i] != NULL ? la[i] : "(end)";
  y = lb[i] != NULL ? lb[i] : "(end)";
  while (x[at] != '\0' && x[at] == y[at])
    at++;
  ea = excerpt (x, at > 100 ? at - 100 : 0, at + 160);
  eb = excerpt (y, at > 100 ? at - 100 : 0, at + 160);
  return g_strdup_printf ("line %u (%.60s…), byte %" G_GSIZE_FORMAT ": «%s» against «%s»",
                          i + 1, x, at, ea, eb);
}

/* ---- the logical state --------------------------------------------------- */

/* With @attribution, each conflict candidate says which laptop made it and
 * when; without, only its revision and value. */
static char *
dump_state (WspStore  *store,
            gboolean   attribution,
            GError   **error)
{
  GType types[] = { WSP_TYPE_ORGANISATION, WSP_TYPE_PERSON, WSP_TYPE_VOTE };
  g_autoptr (GString) out = g_string_new (NULL);

  for (guint t = 0; t < G_N_ELEMENTS (types); t++)
    {
      g_autoptr (GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);

      if (!wsp_store_query (store, types[t], NULL, NULL, records, error))
        return NULL;
      g_ptr_array_sort (records, compare_records_by_id);
      for (guint i = 0; i < records->len; i++)
        {
          WspRecord *r = g_ptr_array_index (records, i);
          g_autofree char *values = wsp_json_object_canonical (wsp_record_get_values (r));
          g_autoptr (JsonObject) conflicts = wsp_test_conflicts_json (store, wsp_record_get_id (r),
                                                                      error);
          g_autofree char *ctext = NULL;

          if (conflicts == NULL)
            return NULL;
          if (!attribution)
            {
              g_autoptr (GList) fields = json_object_get_members (conflicts);

              for (GList *l = fields; l != NULL; l = l->next)
                {
                  JsonArray *candidates = json_object_get_array_member (conflicts, l->data);
                  guint n = candidates != NULL ? json_array_get_length (candidates) : 0;

                  for (guint c = 0; c < n; c++)
                    {
                      JsonObject *candidate = json_array_get_object_element (candidates, c);
                      json_object_remove_member (candidate, "hlc");
                      json_object_remove_member (candidate, "peer");
                    }
                }
            }
          ctext = wsp_json_object_canonical (conflicts);
          g_string_append_printf (out, "%s %s %s%s %s %s\n", wsp_record_get_entity (r)->name,
                                  wsp_record_get_id (r), wsp_record_get_revision (r),
                                  wsp_record_get_conflicted (r) ? " conflicted" : "", values,
                                  ctext);
        }
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
wsp_convergence_dump (WspStore  *store,
                      GError   **error)
{
  return dump_state (store, TRUE, error);
}

static GPtrArray *
sorted_ids (JsonArray *revs)
{
  GPtrArray *ids = g_ptr_array_new ();

  for (guint i = 0; i < json_array_get_length (revs); i++)
    g_ptr_array_add (ids, (gpointer) rev_string (json_array_get_object_element (revs, i), "rev"));
  g_ptr_array_sort (ids, compare_strings);
  return ids;
}

static char *
digest_of (JsonArray *revs)
{
  g_autoptr (GPtrArray) ids = sorted_ids (revs);
  g_autoptr (GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);

  for (guint i = 0; i < ids->len; i++)
    {
      g_checksum_update (checksum, g_ptr_array_index (ids, i), -1);
      g_checksum_update (checksum, (const guchar *) "\n", 1);
    }
  return g_strdup (g_checksum_get_string (checksum));
}

char *
wsp_convergence_revisions_digest (WspStore  *store,
                                  GError   **error)
{
  g_autoptr (JsonArray) revs = wsp_store_dup_revisions (store, NULL, error);

  if (revs == NULL)
    return NULL;
  return digest_of (revs);
}

/* ---- the final check ----------------------------------------------------- */

typedef struct
{
  WspStore   *store;
  guint       index;
  const char *peer;
  JsonArray  *revs;
  GHashTable *by_id;     /* rev id → JsonObject, borrowed from revs */
  GHashTable *by_record; /* record id → GPtrArray of JsonObject */
  char       *digest;
  char       *dump;      /* without who made each conflicting version, and when */
  char       *dump_attr; /* with */
} View;

static void
view_clear (View *v)
{
  g_clear_pointer (&v->by_id, g_hash_table_unref);
  g_clear_pointer (&v->by_record, g_hash_table_unref);
  g_clear_pointer (&v->revs, json_array_unref);
  g_clear_pointer (&v->digest, g_free);
  g_clear_pointer (&v->dump, g_free);
  g_clear_pointer (&v->dump_attr, g_free);
}

static gboolean
view_load (View      *v,
           WspStore  *store,
           guint      index,
           GError   **error)
{
  v->store = store;
  v->index = index;
  v->peer = wsp_store_get_peer_id (store);
  v->revs = wsp_store_dup_revisions (store, NULL, error);
  if (v->revs == NULL)
    return FALSE;
  v->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  v->by_record = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                        (GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < json_array_get_length (v->revs); i++)
    {
      JsonObject *rev = json_array_get_object_element (v->revs, i);
      const char *record = rev_string (rev, "record");
      GPtrArray *list = g_hash_table_lookup (v->by_record, record);

      if (!g_hash_table_insert (v->by_id, (gpointer) rev_string (rev, "rev"), rev))
        {
          g_set_error (error, WSP_CONVERGENCE_ERROR, WSP_CONVERGENCE_ERROR_DAMAGED,
                       "laptop %u lists revision %s twice", index, rev_string (rev, "rev"));
          return FALSE;
        }
      if (list == NULL)
        {
          list = g_ptr_array_new ();
          g_hash_table_insert (v->by_record, (gpointer) record, list);
        }
      g_ptr_array_add (list, rev);
    }
  v->digest = digest_of (v->revs);
  v->dump = dump_state (store, FALSE, error);
  if (v->dump == NULL)
    return FALSE;
  v->dump_attr = dump_state (store, TRUE, error);
  return v->dump_attr != NULL;
}

/* I2: the laptop's own changes are numbered 1..N without a gap, N being its
 * counter, and every other laptop holds each of them (by revision id: the
 * same change made on two laptops is one revision, which a third laptop may
 * hold under the other laptop's number). */
static gboolean
check_no_lost_write (View                 *views,
                     guint                 n,
                     guint                 p,
                     WspConvergenceStats  *stats,
                     GError              **error)
{
  View *v = &views[p];
  gint64 counter = origin_seq (v->store);
  g_autofree JsonObject **own = g_new0 (JsonObject *, counter + 1);

  for (guint i = 0; i < json_array_get_length (v->revs); i++)
    {
      JsonObject *rev = json_array_get_object_element (v->revs, i);
      gint64 seq = json_object_get_int_member (rev, "seq");

      if (strcmp (rev_string (rev, "peer"), v->peer) != 0)
        continue;
      if (seq < 1 || seq > counter || own[seq] != NULL)
        {
          g_autofree char *what = describe_rev (rev);
          g_set_error (error, WSP_CONVERGENCE_ERROR, WSP_CONVERGENCE_ERROR_LOST_WRITE,
                       "I2: laptop %u holds %s, numbered outside its counter (%" G_GINT64_FORMAT
                       ") or twice",
                       p, what, counter);
          return FALSE;
        }
      own[seq] = rev;
    }
  for (gint64 s = 1; s <= counter; s++)
    if (own[s] == NULL)
      {
        g_set_error (error, WSP_CONVERGENCE_ERROR, WSP_CONVERGENCE_ERROR_LOST_WRITE,
                     "I2: laptop %u made %" G_GINT64_FORMAT " changes, but its own change %"
                     G_GINT64_FORMAT " is not in its database",
                     p, counter, s);
        return FALSE;
      }

  for (guint q = 0; q < n; q++)
    {
      if (q == p)
        continue;
      for (gint64 s = 1; s <= counter; s++)
        {
          JsonObject *there = g_hash_table_lookup (views[q].by_id, rev_string (own[s], "rev"));

          if (there == NULL)
            {
              g_autofree char *what = describe_rev (own[s]);
              g_set_error (error, WSP_CONVERGENCE_ERROR, WSP_CONVERGENCE_ERROR_LOST_WRITE,
                           "I2: change %" G_GINT64_FORMAT " of laptop %u, %s, is missing on "
                           "laptop %u after a full exchange",
                           s, p, what, q);
              return FALSE;
            }
          if (stats != NULL
              && (strcmp (rev_string (there, "peer"), v->peer) != 0
                  || json_object_get_int_member (there, "seq") != s))
            stats->relabelled++;
        }
    }

  /* No laptop holds a change whose parent it lacks. */
  for (guint i = 0; i < json_array_get_length (v->revs); i++)
    {
      JsonObject *rev = json_array_get_object_element (v->revs, i);
      JsonArray *parents = rev_parents (rev);

      for (guint j = 0; parents != NULL && j < json_array_get_length (parents); j++)
        if (!g_hash_table_contains (v->by_id, json_array_get_string_element (parents, j)))
          {
            g_autofree char *what = describe_rev (rev);
            g_set_error (error, WSP_CONVERGENCE_ERROR, WSP_CONVERGENCE_ERROR_LOST_WRITE,
                         "I2: laptop %u holds %s, but not its parent %s",
                         p, what, json_array_get_string_element (parents, j));
            return FALSE;
          }
    }
  return TRUE;
}

/* I1: the same revisions and the same logical state as laptop 0. */
static gboolean
check_same_as_first (View                 *views,
                     guint                 q,
                     WspConvergenceStats  *stats,
                     GError              **error)
{
  View *a = &views[0];
  View *b = &views[q];

  if (strcmp (a->digest, b->digest) != 0)
    {
      View *has = NULL, *lacks = NULL;
      JsonObject *rev = NULL;

      for (guint i = 0; rev == NULL && i < json_array_get_length (a->revs); i++)
        {
          JsonObject *r = json_array_get_object_element (a->revs, i);
          if (!g_hash_table_contains (b->by_id, rev_string (r, "rev")))
            rev = r, has = a, lacks = b;
        }
      for (guint i = 0; rev == NULL && i < json_array_get_length (b->revs); i++)
        {
          JsonObject *r = json_array_get_object_element (b->revs, i);
          if (!g_hash_table_contains (a->by_id, rev_string (r, "rev")))
            rev = r, has = b, lacks = a;
        }
      if (rev != NULL)
        {
          g_autofree char *what = describe_rev (rev);
          g_set_error (error, WSP_CONVERGENCE_ERROR, WSP_CONVERGENCE_ERROR_DIVERGED,
                       "I1: laptops 0 and %u hold different revisions (%u and %u); laptop %u "
                       "holds %s, laptop %u does not",
                       q, json_array_get_length (a->revs), json_array_get_length (b->revs),
                       has->index, what, lacks->index);
        }
      else
        g_set_error (error, WSP_CONVERGENCE_ERROR, WSP_CONVERGENCE_ERROR_DIVERGED,
                     "I1: laptops 0 and %u hold different revisions", q);
      return FALSE;
    }
  if (strcmp (a->dump, b->dump) != 0)
    {
      g_autofree char *where = first_difference (a->dump, b->dump);
      g_set_error (error, WSP_CONVERGENCE_ERROR, WSP_CONVERGENCE_ERROR_DIVERGED,
                   "I1: laptops 0 and %u hold the same revisions but show different records "
                   "(id, winner, values, conflicts); %s",
                   q, where);
      return FALSE;
    }
  if (strcmp (a->dump_attr, b->dump_attr) != 0)
    {
      g_autofree char *where = NULL;

      if (g_getenv ("WSP_CONVERGENCE_STRICT") == NULL)
        {
          /* Known: see "attribution" in test-convergence.c. */
          if (stats != NULL)
            stats->attribution_differences++;
          return TRUE;
        }
      where = first_difference (a->dump_attr, b->dump_attr);
      g_set_error (error, WSP_CONVERGENCE_ERROR, WSP_CONVERGENCE_ERROR_DIVERGED,
                   "I1: laptops 0 and %u show the same records and conflicts, but say "
                   "differently which laptop made a conflicting version, or when; %s",
                   q, where);
      return FALSE;
    }
  return TRUE;
}

/* Every revision @rev descends from, itself included. */
static GHashTable *
ancestors (View       *v,
           JsonObject *rev)
{
  GHashTable *seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GPtrArray) queue = g_ptr_array_new ();

  g_ptr_array_add (queue, rev);
  while (queue->len > 0)
    {
      JsonObject *r = g_ptr_array_steal_index_fast (queue, queue->len - 1);
      JsonArray *parents = rev_parents (r);

      if (!g_hash_table_add (seen, (gpointer) rev_string (r, "rev")))
        continue;
      for (guint i = 0; parents != NULL && i < json_array_get_length (parents); i++)
        {
          const char *id = json_array_get_string_element (parents, i);
          JsonObject *p = g_hash_table_lookup (v->by_id, id);
          if (p != NULL)
            g_ptr_array_add (queue, p);
        }
    }
  return seen;
}

/* The latest common ancestors of @live: the common ancestors that are no
 * common ancestor's parent. More than one after criss-cross merges. */
static GPtrArray *
latest_common_ancestors (View      *v,
                         GPtrArray *live)
{
  g_autoptr (GHashTable) common = ancestors (v, g_ptr_array_index (live, 0));
  g_autoptr (GHashTable) not_latest = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *result = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;

  for (guint i = 1; i < live->len; i++)
    {
      g_autoptr (GHashTable) other = ancestors (v, g_ptr_array_index (live, i));

      g_hash_table_iter_init (&iter, common);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        if (!g_hash_table_contains (other, key))
          g_hash_table_iter_remove (&iter);
    }
  g_hash_table_iter_init (&iter, common);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      JsonArray *parents = rev_parents (g_hash_table_lookup (v->by_id, key));
      for (guint i = 0; parents != NULL && i < json_array_get_length (parents); i++)
        g_hash_table_add (not_latest, (gpointer) json_array_get_string_element (parents, i));
    }
  g_hash_table_iter_init (&iter, common);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (not_latest, key))
      g_ptr_array_add (result, g_hash_table_lookup (v->by_id, key));
  g_ptr_array_sort (result, compare_live);
  return result;
}

#define CONFLICT_MARK "⊥"

/* The value of @field merged over @revs (versions none of which descends
 * from another): against the recursive merge of their latest common
 * ancestors, a value changed on one side is taken, different new values
 * are a conflict (CONFLICT_MARK). */
static char *
recursive_merge (View       *v,
                 GPtrArray  *revs,
                 const char *field)
{
  g_autoptr (GPtrArray) bases = NULL;
  g_autoptr (GPtrArray) changed = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *base = NULL;

  if (revs->len == 1)
    return value_text (rev_body (g_ptr_array_index (revs, 0)), field);
  bases = latest_common_ancestors (v, revs);
  base = bases->len > 0 ? recursive_merge (v, bases, field) : g_strdup ("∅");
  for (guint i = 0; i < revs->len; i++)
    {
      g_autofree char *value = value_text (rev_body (g_ptr_array_index (revs, i)), field);
      gboolean seen = strcmp (value, base) == 0;

      for (guint j = 0; j < changed->len && !seen; j++)
        seen = strcmp (value, g_ptr_array_index (changed, j)) == 0;
      if (!seen)
        g_ptr_array_add (changed, g_steal_pointer (&value));
    }
  if (changed->len == 0)
    return g_steal_pointer (&base);
  if (changed->len == 1)
    return g_strdup (g_ptr_array_index (changed, 0));
  return g_strdup (CONFLICT_MARK);
}

/* The 3-way merge of @field over @live (winner first) against @base, as
 * the design says: a value changed on one side is taken; different new
 * values are a conflict, showing the winner's value. "=value", or
 * "!new|new|…→shown". */
static char *
expected_outcome (GPtrArray  *live,
                  JsonObject *base,
                  const char *field)
{
  g_autofree char *base_value = value_text (base, field);
  g_autoptr (GPtrArray) changed = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GString) out = g_string_new ("!");

  for (guint i = 0; i < live->len; i++)
    {
      g_autofree char *value = value_text (rev_body (g_ptr_array_index (live, i)), field);
      gboolean seen = strcmp (value, base_value) == 0;

      for (guint j = 0; j < changed->len && !seen; j++)
        seen = strcmp (value, g_ptr_array_index (changed, j)) == 0;
      if (!seen)
        g_ptr_array_add (changed, g_steal_pointer (&value));
    }
  if (changed->len == 0)
    return g_strconcat ("=", base_value, NULL);
  if (changed->len == 1)
    return g_strconcat ("=", (char *) g_ptr_array_index (changed, 0), NULL);
  g_ptr_array_sort (changed, compare_strings);
  for (guint j = 0; j < changed->len; j++)
    g_string_append_printf (out, "%s%s", j > 0 ? "|" : "", (char *) g_ptr_array_index (changed, j));
  {
    g_autofree char *shown = value_text (rev_body (g_ptr_array_index (live, 0)), field);
    g_string_append_printf (out, "→%s", shown);
  }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* What the store shows for @field, in the form of expected_outcome(). */
static char *
shown_outcome (JsonObject *values,
               JsonObject *conflicts,
               const char *field)
{
  g_autofree char *shown = value_text (values, field);
  g_autoptr (GPtrArray) candidates = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GString) out = g_string_new ("!");
  JsonArray *array;

  if (!json_object_has_member (conflicts, field))
    return g_strconcat ("=", shown, NULL);
  array = json_object_get_array_member (conflicts, field);
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject *c = json_array_get_object_element (array, i);
      g_ptr_array_add (candidates, value_text (c, "value"));
    }
  g_ptr_array_sort (candidates, compare_strings);
  for (guint j = 0; j < candidates->len; j++)
    g_string_append_printf (out, "%s%s", j > 0 ? "|" : "",
                            (char *) g_ptr_array_index (candidates, j));
  g_string_append_printf (out, "→%s", shown);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
rev_list (GPtrArray *revs)
{
  g_autoptr (GString) out = g_string_new (NULL);

  for (guint i = 0; i < revs->len; i++)
    g_string_append_printf (out, "%s%.20s…", i > 0 ? ", " : "",
                            rev_string (g_ptr_array_index (revs, i), "rev"));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* I6/I7: a record's state is what its revision graph says. A record lives
 * while one of its current versions (leaves) is not a delete; a delete
 * concurrent with an edit is listed as "_deleted"; concurrent different
 * writes of a field are listed as a conflict. */
static gboolean
check_record (View                 *v,
              const char           *record_id,
              GPtrArray            *revs,
              WspConvergenceStats  *stats,
              GError              **error)
{
  g_autoptr (GHashTable) parents = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GPtrArray) leaves = g_ptr_array_new ();
  g_autoptr (GPtrArray) live = g_ptr_array_new ();
  g_autoptr (GPtrArray) dead = g_ptr_array_new ();
  g_autoptr (GError) local_error = NULL;
  g_autoptr (WspRecord) record = NULL;
  g_autoptr (JsonObject) conflicts = NULL;
  g_autoptr (GHashTable) fields = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GPtrArray) bases = NULL;
  g_autoptr (GList) names = NULL;
  const char *entity = rev_string (g_ptr_array_index (revs, 0), "entity");
  JsonObject *values;

  for (guint i = 0; i < revs->len; i++)
    {
      JsonArray *p = rev_parents (g_ptr_array_index (revs, i));
      for (guint j = 0; p != NULL && j < json_array_get_length (p); j++)
        g_hash_table_add (parents, (gpointer) json_array_get_string_element (p, j));
    }
  for (guint i = 0; i < revs->len; i++)
    {
      JsonObject *rev = g_ptr_array_index (revs, i);
      if (g_hash_table_contains (parents, rev_string (rev, "rev")))
        continue;
      g_ptr_array_add (leaves, rev);
      g_ptr_array_add (json_object_get_boolean_member (rev, "deleted") ? dead : live, rev);
    }
  g_ptr_array_sort (live, compare_live);

  record = wsp_store_get (v->store, record_id, &local_error);
  if (live->len == 0)
    {
      if (record != NULL)
        {
          g_set_error (error, WSP_CONVERGENCE_ERROR, WSP_CONVERGENCE_ERROR_HIDDEN,
                       "I6: laptop %u shows %s %s, although every current version of it is "
                       "a delete",
                       v->index, entity, record_id);
          return FALSE;
        }
      if (!g_error_matches (local_error, WSP_STORE_ERROR, WSP_STORE_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      return TRUE;
    }
  if (record == NULL)
    {
      g_autofree char *list = rev_list (live);
      g_set_error (error, WSP_CONVERGENCE_ERROR, WSP_CONVERGENCE_ERROR_HIDDEN,
                   "I6: laptop %u does not show %s %s, but its current version(s) %s are not "
                   "deletes: an edit was lost (%s)",
                   v->index, entity, record_id, list, local_error->message);
      return FALSE;
    }
  if (strcmp (wsp_record_get_revision (record),
              rev_string (g_ptr_array_index (live, 0), "rev")) != 0)
    {
      g_set_error (error, WSP_CONVERGENCE_ERROR, WSP_CONVERGENCE_ERROR_DIVERGED,
                   "laptop %u shows version %s of %s %s, but the winner of its live versions "
                   "is %s",
                   v->index, wsp_record_get_revision (record), entity, record_id,
                   rev_string (g_ptr_array_index (live, 0), "rev"));
      return FALSE;
    }

  conflicts = wsp_test_conflicts_json (v->store, record_id, error);
  if (conflicts == NULL)
    return FALSE;
  values = wsp_record_get_values (record);
  if ((json_object_get_size (conflicts) > 0) != wsp_record_get_conflicted (record))
    {
      g_set_error (error, WSP_CONVERGENCE_ERROR, WSP_CONVERGENCE_ERROR_HIDDEN,
                   "laptop %u: %s %s is %smarked conflicted, but lists %u conflicts",
                   v->index, entity, record_id, wsp_record_get_conflicted (record) ? "" : "not ",
                   json_object_get_size (conflicts));
      return FALSE;
    }

  /* A delete concurrent with an edit: listed, with every current version. */
  if (dead->len > 0)
    {
      JsonArray *candidates = json_object_has_member (conflicts, DELETED_FIELD)
                                ? json_object_get_array_member (conflicts, DELETED_FIELD) : NULL;
      gboolean ok = candidates != NULL && json_array_get_length (candidates) == leaves->len;

      for (guint i = 0; ok && i < json_array_get_length (candidates); i++)
        {
          JsonObject *c = json_array_get_object_element (candidates, i);
          JsonObject *rev = g_hash_table_lookup (v->by_id, rev_string (c, "rev"));
          ok = rev != NULL && g_ptr_array_find (leaves, rev, NULL)
               && json_object_get_boolean_member (c, "value")
                    == json_object_get_boolean_member (rev, "deleted");
        }
      if (!ok)
        {
          g_autofree char *d = rev_list (dead);
          g_autofree char *l = rev_list (live);
          g_set_error (error, WSP_CONVERGENCE_ERROR, WSP_CONVERGENCE_ERROR_HIDDEN,
                       "I7: on laptop %u, %s %s was deleted (%s) concurrently with an edit (%s), "
                       "but the delete is not listed with every current version",
                       v->index, entity, record_id, d, l);
          return FALSE;
        }
    }
  else if (json_object_has_member (conflicts, DELETED_FIELD))
    {
      g_set_error (error, WSP_CONVERGENCE_ERROR, WSP_CONVERGENCE_ERROR_HIDDEN,
                   "laptop %u lists a delete conflict on %s %s, which has no current delete",
                   v->index, entity, record_id);
      return FALSE;
    }

  if (live->len == 1)
    {
      g_autofree char *shown = wsp_json_object_canonical (values);
      g_autofree char *expected = wsp_json_object_canonical (
        rev_body (g_ptr_array_index (live, 0)));
      guint allowed = dead->len > 0 ? 1 : 0;

      if (json_object_get_size (conflicts) > allowed || strcmp (shown, expected) != 0)
        {
          g_set_error (error, WSP_CONVERGENCE_ERROR, WSP_CONVERGENCE_ERROR_HIDDEN,
                       "laptop %u shows %s %s as %s with %u conflicts, but its one live version "
                       "says %s",
                       v->index, entity, record_id, shown, json_object_get_size (conflicts),
                       expected);
          return FALSE;
        }
      return TRUE;
    }

  /* Two or more live versions: merged field by field. */
  bases = latest_common_ancestors (v, live);
  if (bases->len > 1 && stats != NULL)
    stats->ambiguous_merges++;
  for (guint i = 0; i < live->len; i++)
    {
      g_autoptr (GList) m = json_object_get_members (rev_body (g_ptr_array_index (live, i)));
      for (GList *l = m; l != NULL; l = l->next)
        g_hash_table_add (fields, l->data);
    }
  for (guint i = 0; i < bases->len; i++)
    {
      g_autoptr (GList) m = json_object_get_members (rev_body (g_ptr_array_index (bases, i)));
      for (GList *l = m; l != NULL; l = l->next)
        g_hash_table_add (fields, l->data);
    }
  {
    g_autoptr (GList) m = json_object_get_members (values);
    for (GList *l = m; l != NULL; l = l->next)
      g_hash_table_add (fields, l->data);
  }
  {
    g_autoptr (GList) m = json_object_get_members (conflicts);
    for (GList *l = m; l != NULL; l = l->next)
      if (strcmp (l->data, DELETED_FIELD) != 0)
        g_hash_table_add (fields, l->data);
  }
  names = g_list_sort (g_hash_table_get_keys (fields), (GCompareFunc) strcmp);

  for (GList *l = names; l != NULL; l = l->next)
    {
      const char *field = l->data;
      g_autofree char *shown = shown_outcome (values, conflicts, field);

      if (bases->len <= 1)
        {
          /* One latest common ancestor: the design's 3-way merge, exactly. */
          g_autofree char *expected = expected_outcome (
            live, bases->len == 1 ? rev_body (g_ptr_array_index (bases, 0)) : NULL, field);

          if (strcmp (expected, shown) != 0)
            {
              g_autofree char *l_list = rev_list (live);
              g_autofree char *b_list = rev_list (bases);
              g_set_error (error, WSP_CONVERGENCE_ERROR, WSP_CONVERGENCE_ERROR_HIDDEN,
                           "I7: on laptop %u, field “%s” of %s %s merges versions %s over %s "
                           "as %s, but the laptop shows %s",
                           v->index, field, entity, record_id, l_list, b_list, expected, shown);
              return FALSE;
            }
        }
      else
        {
          /* After criss-cross merges (two people resolving the same
           * conflict, each on a laptop): merged over the merge of the
           * latest common ancestors, as git's recursive merge does. A
           * conflict there must be shown; a conflict shown where this
           * merges cleanly is only over-cautious. */
          g_autofree char *expected = recursive_merge (v, live, field);

          gboolean conflict = strcmp (expected, CONFLICT_MARK) == 0;

          if (conflict ? shown[0] != '!' : shown[0] != '!' && strcmp (shown + 1, expected) != 0)
            {
              g_autofree char *l_list = rev_list (live);
              g_autofree char *b_list = rev_list (bases);
              g_set_error (error, WSP_CONVERGENCE_ERROR, WSP_CONVERGENCE_ERROR_HIDDEN,
                           "I7: on laptop %u, field “%s” of %s %s has versions %s whose latest "
                           "common ancestors are %s; merged over their merge, it is %s, but "
                           "the laptop shows it merged as %s",
                           v->index, field, entity, record_id, l_list, b_list,
                           conflict ? "a conflict" : expected,
                           shown + 1);
              return FALSE;
            }
          if (shown[0] == '!' && !conflict && stats != NULL)
            stats->cautious_conflicts++;
        }
    }
  return TRUE;
}

/* With WSP_CONVERGENCE_TRACE set, a record's revision graph on stderr. */
static void
trace_record (GPtrArray *revs)
{
  for (guint i = 0; g_getenv ("WSP_CONVERGENCE_TRACE") != NULL && i < revs->len; i++)
    {
      JsonObject *rev = g_ptr_array_index (revs, i);
      g_autoptr (JsonNode) parents = json_node_init_array (json_node_alloc (), rev_parents (rev));
      g_autofree char *ptext = json_to_string (parents, FALSE);
      g_autofree char *body = wsp_json_object_canonical (rev_body (rev));

      g_printerr ("  %.20s… %s parents %s by %.8s… #%" G_GINT64_FORMAT " %s\n",
                  rev_string (rev, "rev"),
                  json_object_get_boolean_member (rev, "deleted") ? "DELETE" : "",
                  ptext, rev_string (rev, "peer"), json_object_get_int_member (rev, "seq"), body);
    }
}

static gboolean
check_records (View                 *v,
               WspConvergenceStats  *stats,
               GError              **error)
{
  g_autoptr (GList) ids = g_list_sort (g_hash_table_get_keys (v->by_record), (GCompareFunc) strcmp);

  for (GList *l = ids; l != NULL; l = l->next)
    if (!check_record (v, l->data, g_hash_table_lookup (v->by_record, l->data), stats, error))
      {
        trace_record (g_hash_table_lookup (v->by_record, l->data));
        return FALSE;
      }
  return TRUE;
}

gboolean
wsp_convergence_check (WspStore * const     *stores,
                       guint                 n_stores,
                       WspConvergenceStats  *stats,
                       GError              **error)
{
  g_autofree View *views = g_new0 (View, n_stores);
  gboolean ok = FALSE;

  g_return_val_if_fail (n_stores >= 1, FALSE);

  for (guint i = 0; i < n_stores; i++)
    {
      g_autoptr (GError) local_error = NULL;

      if (!wsp_store_check (stores[i], &local_error))
        {
          g_set_error (error, WSP_CONVERGENCE_ERROR, WSP_CONVERGENCE_ERROR_DAMAGED,
                       "laptop %u fails its own check: %s", i, local_error->message);
          goto out;
        }
      if (!view_load (&views[i], stores[i], i, error))
        goto out;
    }
  for (guint i = 0; i < n_stores; i++)
    if (!check_no_lost_write (views, n_stores, i, stats, error))
      goto out;
  for (guint i = 1; i < n_stores; i++)
    if (!check_same_as_first (views, i, stats, error))
      goto out;
  for (guint i = 0; i < n_stores; i++)
    if (!check_records (&views[i], i == 0 ? stats : NULL, error))
      goto out;

  if (stats != NULL)
    {
      stats->revisions_total = json_array_get_length (views[0].revs);
      stats->conflicts_left = wsp_store_count_conflicts (stores[0]);
      stats->records_total = 0;
      for (const char *p = views[0].dump; (p = strchr (p, '\n')) != NULL; p++)
        stats->records_total++;
    }
  ok = TRUE;

out:
  for (guint i = 0; i < n_stores; i++)
    view_clear (&views[i]);
  return ok;
}

/* ---- the run ------------------------------------------------------------- */

typedef struct
{
  char  *id;
  GType  type;
} Known;

static void
known_free (Known *k)
{
  g_free (k->id);
  g_free (k);
}

typedef enum
{
  ITEM_DELIVER, /* a packet on its way */
  ITEM_EXPORT,  /* a laptop that will pass on what it received */
} ItemKind;

typedef struct
{
  ItemKind  kind;
  guint     from;
  guint     to;
  GBytes   *bytes;
} Item;

static void
item_free (Item *item)
{
  g_clear_pointer (&item->bytes, g_bytes_unref);
  g_free (item);
}

typedef struct
{
  guint32               seed;
  guint                 n;
  guint                 step;
  GRand                *rand;
  char                 *dir;
  WspStore            **stores;
  GPtrArray            *records; /* Known, in creation order */
  GPtrArray            *deleted; /* ids of records deleted somewhere, in order */
  GPtrArray            *queue;   /* Item */
  GPtrArray            *sent;    /* Item (ITEM_DELIVER): packets kept for replays */
  GHashTable           *oracle;  /* rev id made here → the laptops that made it (bit i) */
  GHashTable           *votes;   /* vote id → its values, canonical */
  char                 *ballots[N_BALLOTS];
  char                 *seats[N_SEATS];
  WspConvergenceStats  *stats;
  gboolean              trace;   /* WSP_CONVERGENCE_TRACE set: say every step */
} Run;

#define TRACE(run, ...) \
  G_STMT_START { if ((run)->trace) g_printerr (__VA_ARGS__); } G_STMT_END

static void
remove_tree (const char *path)
{
  g_autoptr (GDir) d = g_dir_open (path, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
run_clear (Run *run)
{
  for (guint i = 0; run->stores != NULL && i < run->n; i++)
    g_clear_object (&run->stores[i]);
  g_clear_pointer (&run->stores, g_free);
  if (run->dir != NULL && g_getenv ("WSP_CONVERGENCE_KEEP") != NULL)
    g_printerr ("kept the laptops' databases in %s\n", run->dir);
  else if (run->dir != NULL)
    remove_tree (run->dir);
  g_clear_pointer (&run->dir, g_free);
  g_clear_pointer (&run->rand, g_rand_free);
  g_clear_pointer (&run->records, g_ptr_array_unref);
  g_clear_pointer (&run->deleted, g_ptr_array_unref);
  g_clear_pointer (&run->queue, g_ptr_array_unref);
  g_clear_pointer (&run->sent, g_ptr_array_unref);
  g_clear_pointer (&run->oracle, g_hash_table_unref);
  g_clear_pointer (&run->votes, g_hash_table_unref);
  for (guint i = 0; i < N_BALLOTS; i++)
    g_clear_pointer (&run->ballots[i], g_free);
  for (guint i = 0; i < N_SEATS; i++)
    g_clear_pointer (&run->seats[i], g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static guint
pick (Run   *run,
      guint  n)
{
  return n <= 1 ? 0 : (guint) g_rand_int_range (run->rand, 0, (gint32) n);
}

static gboolean
chance (Run     *run,
        gdouble  p)
{
  return g_rand_double (run->rand) < p;
}

static guint
other_than (Run   *run,
            guint  a)
{
  return (a + 1 + pick (run, run->n - 1)) % run->n;
}

static guint
other_than_two (Run   *run,
                guint  a,
                guint  b)
{
  guint c;

  do
    c = pick (run, run->n);
  while (c == a || c == b);
  return c;
}

/* A version 4 UUID made from the seeded generator. */
static char *
seeded_uuid (Run *run)
{
  guint8 b[16];

  for (guint i = 0; i < 16; i++)
    b[i] = (guint8) g_rand_int_range (run->rand, 0, 256);
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  return g_strdup_printf ("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
                          b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11],
                          b[12], b[13], b[14], b[15]);
}

static gboolean
failed (GError    **error,
        GError     *cause,
        const char *format,
        ...) G_GNUC_PRINTF (3, 4);

/* Sets @error to FAILED with @format's text and @cause's message. */
static gboolean
failed (GError    **error,
        GError     *cause,
        const char *format,
        ...)
{
  va_list args;
  g_autofree char *what = NULL;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, WSP_CONVERGENCE_ERROR, WSP_CONVERGENCE_ERROR_FAILED, "%s: %s", what,
               cause != NULL ? cause->message : "(no message)");
  return FALSE;
}

/* Logs the revisions a laptop made for @record_id since its counter was
 * @before, and checks that each change made one new revision. */
static gboolean
note_local (Run         *run,
            guint        i,
            const char  *record_id,
            gint64       before,
            GError     **error)
{
  WspStore *store = run->stores[i];
  gint64 made = origin_seq (store) - before;
  g_autoptr (GError) local_error = NULL;
  g_autoptr (JsonArray) history = wsp_test_history_json (store, record_id, &local_error);
  gint64 found = 0;

  if (history == NULL)
    return failed (error, local_error, "reading the history of %s on laptop %u", record_id, i);
  for (guint k = 0; k < json_array_get_length (history); k++)
    {
      JsonObject *entry = json_array_get_object_element (history, k);
      const char *rev = json_object_get_string_member (entry, "rev");

      guint makers = GPOINTER_TO_UINT (g_hash_table_lookup (run->oracle, rev));

      /* The same change made on two laptops is one revision, made by both. */
      if (strcmp (json_object_get_string_member (entry, "peer"), wsp_store_get_peer_id (store)) != 0
          || (makers & (1u << i)) != 0)
        continue;
      g_hash_table_insert (run->oracle, g_strdup (rev), GUINT_TO_POINTER (makers | (1u << i)));
      found++;
    }
  if (found != made)
    {
      g_set_error (error, WSP_CONVERGENCE_ERROR, WSP_CONVERGENCE_ERROR_LOST_WRITE,
                   "laptop %u counted %" G_GINT64_FORMAT " new changes of %s, but %"
                   G_GINT64_FORMAT " new revisions of it appeared",
                   i, made, record_id, found);
      return FALSE;
    }
  return TRUE;
}

static Known *
known_add (Run        *run,
           const char *id,
           GType       type)
{
  Known *k = g_new0 (Known, 1);

  k->id = g_strdup (id);
  k->type = type;
  g_ptr_array_add (run->records, k);
  return k;
}

/* A live record of laptop @i: a vote, or an organisation or person. */
static WspRecord *
pick_live (Run      *run,
           guint     i,
           gboolean  vote)
{
  for (guint attempt = 0; attempt < 8 && run->records->len > 0; attempt++)
    {
      Known *k = g_ptr_array_index (run->records, pick (run, run->records->len));
      WspRecord *record;

      if ((k->type == WSP_TYPE_VOTE) != vote)
        continue;
      record = wsp_store_get (run->stores[i], k->id, NULL);
      if (record != NULL)
        return record;
    }
  return NULL;
}

static const char * const value_pool[] = {
  "Wspólna wartość",
  "inna",
  "Łódź, ul. Piotrkowska 3",
};

/* A new value for @field: often one every laptop may choose (so identical
 * edits happen), sometimes none. */
static void
set_random_value (Run        *run,
                  WspRecord  *record,
                  const char *field)
{
  const WspField *f = wsp_entity_find_field (wsp_record_get_entity (record), field);

  if (f->type == WSP_FIELD_LIST)
    {
      const char *list[3] = { NULL, NULL, NULL };
      guint len = pick (run, 3);
      g_autofree char *own = g_strdup_printf ("%u.%u", run->seed, run->step);

      for (guint j = 0; j < len; j++)
        list[j] = chance (run, 0.5) ? value_pool[pick (run, G_N_ELEMENTS (value_pool))] : own;
      if (len == 2 && g_strcmp0 (list[0], list[1]) == 0)
        list[1] = NULL;
      wsp_record_set_list (record, field, list);
    }
  else if (!(f->flags & WSP_FIELD_REQUIRED) && chance (run, 0.1))
    wsp_record_set_string (record, field, NULL);
  else if (chance (run, 0.3))
    wsp_record_set_string (record, field, value_pool[pick (run, G_N_ELEMENTS (value_pool))]);
  else
    {
      g_autofree char *value = g_strdup_printf ("%s %u.%u", field, run->seed, run->step);
      wsp_record_set_string (record, field, value);
    }
}

static const char * const organisation_fields[] = {
  "name", "short_name", "address", "email", "phone", "website", "notes", "fields",
};
static const char * const person_fields[] = { "name", "email", "phone", "organisations" };

static gboolean
op_create (Run     *run,
           GError **error)
{
  guint i = pick (run, run->n);
  gboolean organisation = chance (run, 0.5);
  g_autofree char *id = seeded_uuid (run);
  g_autoptr (WspRecord) record = wsp_record_new_for_entity (organisation ? "organisation"
                                                                         : "person",
                                                            id);
  g_autofree char *name = g_strdup_printf ("%s %u.%u", organisation ? "Stowarzyszenie" : "Osoba",
                                           run->seed, run->step);
  g_autoptr (GError) local_error = NULL;
  gint64 before = origin_seq (run->stores[i]);

  wsp_record_set_string (record, "name", name);
  if (chance (run, 0.5))
    set_random_value (run, record, organisation ? "notes" : "email");
  if (!wsp_store_save (run->stores[i], record, &local_error))
    return failed (error, local_error, "creating %s on laptop %u", id, i);
  known_add (run, id, organisation ? WSP_TYPE_ORGANISATION : WSP_TYPE_PERSON);
  run->stats->records_created++;
  TRACE (run, "%u: laptop %u creates %s\n", run->step, i, id);
  return note_local (run, i, id, before, error);
}

static gboolean
op_edit (Run     *run,
         GError **error)
{
  guint i = pick (run, run->n);
  g_autoptr (WspRecord) record = pick_live (run, i, FALSE);
  g_autoptr (GError) local_error = NULL;
  gint64 before = origin_seq (run->stores[i]);
  guint edits;

  if (record == NULL)
    return TRUE;
  /* Usually one field, sometimes two at once. */
  edits = chance (run, 0.2) ? 2 : 1;
  for (guint e = 0; e < edits; e++)
    {
      const char *field = WSP_IS_ORGANISATION (record)
                            ? organisation_fields[pick (run, G_N_ELEMENTS (organisation_fields))]
                            : person_fields[pick (run, G_N_ELEMENTS (person_fields))];
      set_random_value (run, record, field);
    }
  if (!wsp_store_save (run->stores[i], record, &local_error))
    return failed (error, local_error, "editing %s on laptop %u", wsp_record_get_id (record), i);
  run->stats->edits++;
  TRACE (run, "%u: laptop %u edits %s\n", run->step, i, wsp_record_get_id (record));
  return note_local (run, i, wsp_record_get_id (record), before, error);
}

static gboolean
op_delete (Run     *run,
           GError **error)
{
  guint i = pick (run, run->n);
  g_autoptr (WspRecord) record = pick_live (run, i, FALSE);
  g_autoptr (GError) local_error = NULL;
  gint64 before = origin_seq (run->stores[i]);

  if (record == NULL)
    return TRUE;
  if (!wsp_store_delete (run->stores[i], record, &local_error))
    return failed (error, local_error, "deleting %s on laptop %u", wsp_record_get_id (record), i);
  run->stats->deletes++;
  g_ptr_array_add (run->deleted, g_strdup (wsp_record_get_id (record)));
  TRACE (run, "%u: laptop %u deletes %s\n", run->step, i, wsp_record_get_id (record));
  return note_local (run, i, wsp_record_get_id (record), before, error);
}

/* Restores a record deleted earlier, on a laptop where it is deleted. */
static gboolean
op_undelete (Run     *run,
             GError **error)
{
  guint first = pick (run, run->n);
  const char *id;

  if (run->deleted->len == 0)
    return TRUE;
  id = g_ptr_array_index (run->deleted, pick (run, run->deleted->len));
  for (guint k = 0; k < run->n; k++)
    {
      guint i = (first + k) % run->n;
      g_autoptr (GError) local_error = NULL;
      g_autoptr (WspRecord) alive = wsp_store_get (run->stores[i], id, NULL);
      gint64 before = origin_seq (run->stores[i]);

      if (alive != NULL)
        continue;
      if (!wsp_store_undelete (run->stores[i], id, &local_error))
        {
          /* Not yet heard of on this laptop. */
          if (g_error_matches (local_error, WSP_STORE_ERROR, WSP_STORE_ERROR_NOT_FOUND))
            continue;
          return failed (error, local_error, "restoring %s on laptop %u", id, i);
        }
      run->stats->undeletes++;
      TRACE (run, "%u: laptop %u restores %s\n", run->step, i, id);
      return note_local (run, i, id, before, error);
    }
  return TRUE;
}

static gboolean
cast_vote (Run         *run,
           guint        i,
           const char  *ballot,
           const char  *seat,
           GError     **error)
{
  static const char * const choices[] = { "for", "against", "abstain" };
  g_autofree char *id = seeded_uuid (run);
  g_autoptr (WspRecord) vote = wsp_record_new_for_entity ("vote", id);
  g_autofree char *cast_at = g_strdup_printf ("2025-03-14T%02u:%02u:00+01:00", 10 + run->step / 60,
                                              run->step % 60);
  g_autoptr (GError) local_error = NULL;
  gint64 before = origin_seq (run->stores[i]);

  wsp_record_set_string (vote, "ballot_id", ballot);
  wsp_record_set_string (vote, "seat_id", seat);
  wsp_record_set_string (vote, "choice", choices[pick (run, G_N_ELEMENTS (choices))]);
  wsp_record_set_string (vote, "cast_at", cast_at);
  if (!wsp_store_save (run->stores[i], vote, &local_error))
    return failed (error, local_error, "casting vote %s on laptop %u", id, i);
  known_add (run, id, WSP_TYPE_VOTE);
  g_hash_table_insert (run->votes, g_strdup (id),
                       wsp_json_object_canonical (wsp_record_get_values (vote)));
  run->stats->votes++;
  TRACE (run, "%u: laptop %u casts vote %s\n", run->step, i, id);
  return note_local (run, i, id, before, error);
}

static gboolean
op_vote (Run     *run,
         GError **error)
{
  guint i = pick (run, run->n);
  const char *ballot = run->ballots[pick (run, N_BALLOTS)];
  const char *seat = run->seats[pick (run, N_SEATS)];

  if (!cast_vote (run, i, ballot, seat, error))
    return FALSE;
  /* The same member's vote recorded again on another laptop: both kept. */
  if (chance (run, 0.25))
    {
      run->stats->double_votes++;
      return cast_vote (run, other_than (run, i), ballot, seat, error);
    }
  return TRUE;
}

/* A vote cannot be changed or deleted: refused, and nothing is written. */
static gboolean
op_tamper_vote (Run     *run,
                GError **error)
{
  guint i = pick (run, run->n);
  g_autoptr (WspRecord) vote = pick_live (run, i, TRUE);
  g_autoptr (GError) local_error = NULL;
  gint64 before = origin_seq (run->stores[i]);
  const char *choice;

  if (vote == NULL)
    return TRUE;
  choice = wsp_record_get_string (vote, "choice");
  wsp_record_set_string (vote, "choice", g_strcmp0 (choice, "for") == 0 ? "against" : "for");
  if (wsp_store_save (run->stores[i], vote, &local_error)
      || !g_error_matches (local_error, WSP_STORE_ERROR, WSP_STORE_ERROR_APPEND_ONLY))
    {
      g_set_error (error, WSP_CONVERGENCE_ERROR, WSP_CONVERGENCE_ERROR_APPEND_ONLY,
                   "laptop %u: changing vote %s was not refused as append-only (%s)", i,
                   wsp_record_get_id (vote), local_error ? local_error->message : "saved");
      return FALSE;
    }
  g_clear_error (&local_error);
  if (wsp_store_delete (run->stores[i], vote, &local_error)
      || !g_error_matches (local_error, WSP_STORE_ERROR, WSP_STORE_ERROR_APPEND_ONLY))
    {
      g_set_error (error, WSP_CONVERGENCE_ERROR, WSP_CONVERGENCE_ERROR_APPEND_ONLY,
                   "laptop %u: deleting vote %s was not refused as append-only (%s)", i,
                   wsp_record_get_id (vote), local_error ? local_error->message : "deleted");
      return FALSE;
    }
  if (origin_seq (run->stores[i]) != before)
    {
      g_set_error (error, WSP_CONVERGENCE_ERROR, WSP_CONVERGENCE_ERROR_APPEND_ONLY,
                   "laptop %u: a refused change of vote %s still counted a change", i,
                   wsp_record_get_id (vote));
      return FALSE;
    }
  return TRUE;
}

/* A person resolves a conflict: for each field one of the candidates' values
 * (chosen by value, so the choice does not depend on the order of revision
 * ids), or for a delete conflict accepts the delete or keeps the record. */
static gboolean
op_resolve (Run     *run,
            GError **error)
{
  guint i = pick (run, run->n);
  WspStore *store = run->stores[i];
  g_autoptr (GError) local_error = NULL;
  g_autoptr (GPtrArray) ids = wsp_store_dup_conflicted_ids (store, &local_error);
  g_autoptr (JsonObject) conflicts = NULL;
  g_autoptr (WspRecord) record = NULL;
  g_autoptr (GList) fields = NULL;
  gint64 before = origin_seq (store);
  const char *id;

  if (ids == NULL)
    return failed (error, local_error, "listing conflicts on laptop %u", i);
  if (ids->len == 0)
    return TRUE;
  g_ptr_array_sort (ids, compare_strings);
  id = g_ptr_array_index (ids, pick (run, ids->len));
  conflicts = wsp_test_conflicts_json (store, id, &local_error);
  if (conflicts == NULL)
    return failed (error, local_error, "reading the conflicts of %s on laptop %u", id, i);
  record = wsp_store_get (store, id, &local_error);
  if (record == NULL)
    return failed (error, local_error, "reading conflicted %s on laptop %u", id, i);

  if (json_object_has_member (conflicts, DELETED_FIELD) && chance (run, 0.5))
    {
      if (!wsp_store_delete (store, record, &local_error))
        return failed (error, local_error, "accepting the delete of %s on laptop %u", id, i);
      run->stats->deletes_accepted++;
      g_ptr_array_add (run->deleted, g_strdup (id));
      TRACE (run, "%u: laptop %u accepts the delete of %s\n", run->step, i, id);
      return note_local (run, i, id, before, error);
    }

  fields = g_list_sort (json_object_get_members (conflicts), (GCompareFunc) strcmp);
  for (GList *l = fields; l != NULL; l = l->next)
    {
      JsonArray *candidates = json_object_get_array_member (conflicts, l->data);
      g_autoptr (GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
      JsonNode *chosen = NULL;
      const char *text;

      if (strcmp (l->data, DELETED_FIELD) == 0)
        continue;
      for (guint c = 0; c < json_array_get_length (candidates); c++)
        g_ptr_array_add (texts,
                         value_text (json_array_get_object_element (candidates, c), "value"));
      g_ptr_array_sort (texts, compare_strings);
      text = g_ptr_array_index (texts, pick (run, texts->len));
      for (guint c = 0; c < json_array_get_length (candidates) && chosen == NULL; c++)
        {
          JsonObject *candidate = json_array_get_object_element (candidates, c);
          g_autofree char *t = value_text (candidate, "value");
          if (strcmp (t, text) == 0)
            chosen = json_object_get_member (candidate, "value");
        }
      wsp_record_set_value (record, l->data,
                            chosen == NULL || JSON_NODE_HOLDS_NULL (chosen)
                              ? NULL : json_node_copy (chosen));
    }
  if (!wsp_store_resolve (store, record, &local_error))
    return failed (error, local_error, "resolving %s on laptop %u", id, i);
  if (wsp_record_get_conflicted (record))
    {
      g_set_error (error, WSP_CONVERGENCE_ERROR, WSP_CONVERGENCE_ERROR_FAILED,
                   "laptop %u: %s is still conflicted after a person resolved it", i, id);
      return FALSE;
    }
  run->stats->resolutions++;
  TRACE (run, "%u: laptop %u resolves %s\n", run->step, i, id);
  return note_local (run, i, id, before, error);
}

/* A packet from @from for @to: a delta when @to has been heard from and
 * @full is not asked, else everything (addressed to @to or to anyone). */
static GBytes *
build_packet (Run       *run,
              guint      from,
              guint      to,
              gboolean   full,
              gboolean   addressed,
              gboolean  *delta,
              GError   **error)
{
  const char *recipient = wsp_store_get_peer_id (run->stores[to]);
  g_autoptr (GError) local_error = NULL;
  GBytes *bytes;

  *delta = FALSE;
  if (!full)
    {
      bytes = wsp_sync_build_packet (run->stores[from], recipient, FALSE, NULL, &local_error);
      if (bytes != NULL)
        {
          *delta = TRUE;
          return bytes;
        }
      if (!g_error_matches (local_error, WSP_SYNC_ERROR, WSP_SYNC_ERROR_UNKNOWN_RECIPIENT))
        {
          failed (error, local_error, "exporting a delta from laptop %u for laptop %u", from, to);
          return NULL;
        }
      g_clear_error (&local_error);
    }
  bytes = wsp_sync_build_packet (run->stores[from], addressed ? recipient : NULL, TRUE, NULL,
                                 &local_error);
  if (bytes == NULL)
    failed (error, local_error, "exporting everything from laptop %u", from);
  return bytes;
}

static gboolean
deliver (Run              *run,
         guint             from,
         guint             to,
         GBytes           *bytes,
         WspImportReport  *report_out,
         GError          **error)
{
  g_auto (WspImportReport) report = { 0 };
  g_autoptr (GError) local_error = NULL;

  g_assert (from != to);
  if (!wsp_sync_import_bytes (run->stores[to], bytes, WSP_IMPORT_TRUST_NEW, &report, &local_error))
    return failed (error, local_error, "laptop %u importing a packet from laptop %u", to, from);
  run->stats->imports++;
  TRACE (run, "%u:   laptop %u imports from %u: %u of %u new%s\n", run->step, to, from,
         report.stats.added, report.stats.received,
         report.already_imported ? " (already imported)" : "");
  run->stats->conflicts_seen += wsp_import_report_count (&report, NULL, WSP_OUTCOME_CONFLICT);
  if (report_out != NULL)
    {
      *report_out = report;
      memset (&report, 0, sizeof report);
    }
  return TRUE;
}

static Item *
item_new (ItemKind  kind,
          guint     from,
          guint     to,
          GBytes   *bytes)
{
  Item *item = g_new0 (Item, 1);

  item->kind = kind;
  item->from = from;
  item->to = to;
  item->bytes = bytes != NULL ? g_bytes_ref (bytes) : NULL;
  return item;
}

/* Keeps a sample of the packets made, for replays. */
static void
keep_sent (Run    *run,
           guint   from,
           guint   to,
           GBytes *bytes)
{
  Item *item = item_new (ITEM_DELIVER, from, to, bytes);

  if (run->sent->len < MAX_KEPT_PACKETS)
    g_ptr_array_add (run->sent, item);
  else
    {
      guint k = pick (run, MAX_KEPT_PACKETS);
      item_free (g_ptr_array_index (run->sent, k));
      g_ptr_array_index (run->sent, k) = item;
    }
}

static gboolean
send_packet (Run       *run,
             guint      from,
             guint      to,
             gboolean   full,
             gboolean   addressed,
             GBytes   **sent,
             GError   **error)
{
  gboolean delta = FALSE;
  g_autoptr (GBytes) bytes = build_packet (run, from, to, full, addressed, &delta, error);

  if (bytes == NULL)
    return FALSE;
  run->stats->packets_sent++;
  if (delta)
    run->stats->packets_delta++;
  keep_sent (run, from, to, bytes);
  *sent = g_steal_pointer (&bytes);
  return TRUE;
}

/* Exports from one laptop to another through an unreliable channel. */
static gboolean
op_export (Run     *run,
           GError **error)
{
  guint from = pick (run, run->n);
  guint to = other_than (run, from);
  gboolean full = chance (run, 0.3);
  gboolean addressed = chance (run, 0.5);
  g_autoptr (GBytes) bytes = NULL;
  gdouble fault;

  if (!send_packet (run, from, to, full, addressed, &bytes, error))
    return FALSE;

  fault = g_rand_double (run->rand);
  if (fault < 0.12)
    {
      run->stats->packets_dropped++;
      TRACE (run, "%u: packet %u→%u dropped\n", run->step, from, to);
      return TRUE;
    }
  if (fault < 0.22)
    {
      g_auto (WspImportReport) again = { 0 };

      run->stats->packets_duplicated++;
      TRACE (run, "%u: packet %u→%u duplicated\n", run->step, from, to);
      if (!deliver (run, from, to, bytes, NULL, error)
          || !deliver (run, from, to, bytes, &again, error))
        return FALSE;
      if (!again.already_imported || again.stats.added != 0)
        {
          g_set_error (error, WSP_CONVERGENCE_ERROR, WSP_CONVERGENCE_ERROR_NOT_IDEMPOTENT,
                       "I3: laptop %u imported the same packet from laptop %u twice, and the "
                       "second time it was not recognised (%u added)",
                       to, from, again.stats.added);
          return FALSE;
        }
      return TRUE;
    }
  if (fault < 0.42)
    {
      run->stats->packets_delayed++;
      TRACE (run, "%u: packet %u→%u delayed\n", run->step, from, to);
      g_ptr_array_add (run->queue, item_new (ITEM_DELIVER, from, to, bytes));
      return TRUE;
    }
  if (fault < 0.52 && run->n >= 3)
    {
      guint via = other_than_two (run, from, to);

      /* The middle laptop imports it, and later sends its own packet on. */
      run->stats->packets_forwarded++;
      TRACE (run, "%u: packet %u→%u forwarded via %u\n", run->step, from, to, via);
      if (!deliver (run, from, via, bytes, NULL, error))
        return FALSE;
      g_ptr_array_add (run->queue, item_new (ITEM_EXPORT, via, to, NULL));
      return TRUE;
    }
  TRACE (run, "%u: packet %u→%u delivered\n", run->step, from, to);
  return deliver (run, from, to, bytes, NULL, error);
}

static gboolean
process_item (Run     *run,
              Item    *item,
              GError **error)
{
  if (item->kind == ITEM_DELIVER)
    return deliver (run, item->from, item->to, item->bytes, NULL, error);
  else
    {
      g_autoptr (GBytes) bytes = NULL;

      if (!send_packet (run, item->from, item->to, chance (run, 0.2), TRUE, &bytes, error))
        return FALSE;
      return deliver (run, item->from, item->to, bytes, NULL, error);
    }
}

/* Delivers one waiting packet, not necessarily the oldest. */
static gboolean
op_deliver_queued (Run     *run,
                   GError **error)
{
  Item *item;
  gboolean ok;

  if (run->queue->len == 0)
    return TRUE;
  item = g_ptr_array_steal_index (run->queue, pick (run, run->queue->len));
  ok = process_item (run, item, error);
  item_free (item);
  return ok;
}

static gboolean
op_flush (Run     *run,
          GError **error)
{
  while (run->queue->len > 0)
    if (!op_deliver_queued (run, error))
      return FALSE;
  return TRUE;
}

/* An old packet imported again: by its recipient, or by another laptop
 * that finds it in a shared folder. */
static gboolean
op_replay (Run     *run,
           GError **error)
{
  Item *item;
  guint to;

  if (run->sent->len == 0)
    return TRUE;
  item = g_ptr_array_index (run->sent, pick (run, run->sent->len));
  to = chance (run, 0.6) ? item->to : other_than (run, item->from);
  run->stats->packets_replayed++;
  TRACE (run, "%u: old packet %u→%u replayed into %u\n", run->step, item->from, item->to, to);
  return deliver (run, item->from, to, item->bytes, NULL, error);
}

static gboolean
step (Run     *run,
      GError **error)
{
  gdouble r = g_rand_double (run->rand);
  guint live_kinds = 0;

  for (guint k = 0; k < run->records->len && live_kinds < 2; k++)
    if (((Known *) g_ptr_array_index (run->records, k))->type != WSP_TYPE_VOTE)
      live_kinds++;

  if (live_kinds < 2 || r < 0.08)
    return op_create (run, error);
  if (r < 0.30)
    return op_edit (run, error);
  if (r < 0.35)
    return op_delete (run, error);
  if (r < 0.38)
    return op_undelete (run, error);
  if (r < 0.43)
    return op_vote (run, error);
  if (r < 0.45)
    return op_tamper_vote (run, error);
  if (r < 0.53)
    return op_resolve (run, error);
  if (r < 0.85)
    return op_export (run, error);
  if (r < 0.95)
    return op_deliver_queued (run, error);
  if (r < 0.98)
    return op_replay (run, error);
  return op_flush (run, error);
}

/* Every laptop sends every other laptop a delta (everything the first time)
 * until a round adds nothing; then a round of full packets must add nothing
 * either, or a delta left out something the recipient lacked. */
static gboolean
quiesce (Run     *run,
         GError **error)
{
  guint max_rounds = 2 * run->n + 4;

  for (guint round = 0;; round++)
    {
      guint added = 0;

      if (round == max_rounds)
        {
          g_set_error (error, WSP_CONVERGENCE_ERROR, WSP_CONVERGENCE_ERROR_DIVERGED,
                       "the laptops still exchange new revisions after %u rounds", round);
          return FALSE;
        }
      for (guint i = 0; i < run->n; i++)
        for (guint j = 0; j < run->n; j++)
          {
            g_auto (WspImportReport) report = { 0 };
            g_autoptr (GBytes) bytes = NULL;
            gboolean delta;

            if (i == j)
              continue;
            bytes = build_packet (run, i, j, FALSE, TRUE, &delta, error);
            if (bytes == NULL || !deliver (run, i, j, bytes, &report, error))
              return FALSE;
            added += report.stats.added;
          }
      run->stats->quiescence_rounds++;
      if (added == 0)
        break;
    }

  for (guint i = 0; i < run->n; i++)
    {
      gboolean delta;
      g_autoptr (GBytes) bytes = build_packet (run, i, i, TRUE, FALSE, &delta, error);

      if (bytes == NULL)
        return FALSE;
      for (guint j = 0; j < run->n; j++)
        {
          g_auto (WspImportReport) report = { 0 };
          g_autoptr (JsonArray) before = NULL;

          if (i == j)
            continue;
          before = wsp_store_dup_revisions (run->stores[j], NULL, error);
          if (before == NULL || !deliver (run, i, j, bytes, &report, error))
            return FALSE;
          if (report.stats.added > 0)
            {
              g_autoptr (GHashTable) had = g_hash_table_new (g_str_hash, g_str_equal);
              g_autoptr (JsonArray) after = wsp_store_dup_revisions (run->stores[j], NULL, NULL);
              g_autofree char *what = NULL;

              guint n_after = after != NULL ? json_array_get_length (after) : 0;

              for (guint k = 0; k < json_array_get_length (before); k++)
                g_hash_table_add (had, (gpointer) rev_string (
                                         json_array_get_object_element (before, k), "rev"));
              for (guint k = 0; k < n_after && what == NULL; k++)
                {
                  JsonObject *rev = json_array_get_object_element (after, k);
                  if (!g_hash_table_contains (had, rev_string (rev, "rev")))
                    what = describe_rev (rev);
                }
              g_set_error (error, WSP_CONVERGENCE_ERROR, WSP_CONVERGENCE_ERROR_DELTA,
                           "delta packets stopped bringing anything new, yet a full packet "
                           "from laptop %u added %u revisions to laptop %u, e.g. %s",
                           i, report.stats.added, j, what != NULL ? what : "?");
              return FALSE;
            }
        }
    }
  return TRUE;
}

/* Every revision a laptop made, and every vote cast, is on every laptop,
 * and every vote is as it was cast. */
static gboolean
check_oracle (Run     *run,
              GError **error)
{
  GHashTableIter iter;
  gpointer key, value;

  for (guint q = 0; q < run->n; q++)
    {
      g_autoptr (JsonArray) revs = wsp_store_dup_revisions (run->stores[q], NULL, error);
      g_autoptr (GHashTable) held = g_hash_table_new (g_str_hash, g_str_equal);
      g_autoptr (GPtrArray) votes = g_ptr_array_new_with_free_func (g_object_unref);

      if (revs == NULL)
        return FALSE;
      for (guint k = 0; k < json_array_get_length (revs); k++)
        g_hash_table_add (held,
                          (gpointer) rev_string (json_array_get_object_element (revs, k), "rev"));
      g_hash_table_iter_init (&iter, run->oracle);
      while (g_hash_table_iter_next (&iter, &key, &value))
        if (!g_hash_table_contains (held, key))
          {
            g_set_error (error, WSP_CONVERGENCE_ERROR, WSP_CONVERGENCE_ERROR_LOST_WRITE,
                         "I2: revision %s made on laptop(s) 0x%x is missing on laptop %u",
                         (const char *) key, GPOINTER_TO_UINT (value), q);
            return FALSE;
          }

      if (!wsp_store_query (run->stores[q], WSP_TYPE_VOTE, NULL, NULL, votes, error))
        return FALSE;
      if (votes->len != g_hash_table_size (run->votes))
        {
          g_set_error (error, WSP_CONVERGENCE_ERROR, WSP_CONVERGENCE_ERROR_APPEND_ONLY,
                       "laptop %u shows %u votes; %u were cast", q, votes->len,
                       g_hash_table_size (run->votes));
          return FALSE;
        }
      for (guint k = 0; k < votes->len; k++)
        {
          WspRecord *vote = g_ptr_array_index (votes, k);
          const char *cast = g_hash_table_lookup (run->votes, wsp_record_get_id (vote));
          g_autofree char *now = wsp_json_object_canonical (wsp_record_get_values (vote));

          if (cast == NULL || strcmp (cast, now) != 0 || wsp_record_get_conflicted (vote))
            {
              g_set_error (error, WSP_CONVERGENCE_ERROR, WSP_CONVERGENCE_ERROR_APPEND_ONLY,
                           "laptop %u shows vote %s as %s; it was cast as %s", q,
                           wsp_record_get_id (vote), now, cast != NULL ? cast : "(never cast)");
              return FALSE;
            }
        }
    }
  return TRUE;
}

/* I3: an old packet imported again changes nothing. */
static gboolean
check_replays (Run     *run,
               GError **error)
{
  for (guint k = 0; k < 3 && run->sent->len > 0; k++)
    {
      Item *item = g_ptr_array_index (run->sent, pick (run, run->sent->len));
      guint to = other_than (run, item->from);
      g_auto (WspImportReport) report = { 0 };
      g_autofree char *dump_before = wsp_convergence_dump (run->stores[to], error);
      g_autofree char *revs_before = NULL;
      g_autofree char *dump_after = NULL;
      g_autofree char *revs_after = NULL;

      if (dump_before == NULL)
        return FALSE;
      revs_before = wsp_convergence_revisions_digest (run->stores[to], error);
      if (revs_before == NULL || !deliver (run, item->from, to, item->bytes, &report, error))
        return FALSE;
      dump_after = wsp_convergence_dump (run->stores[to], error);
      if (dump_after == NULL)
        return FALSE;
      revs_after = wsp_convergence_revisions_digest (run->stores[to], error);
      if (revs_after == NULL)
        return FALSE;
      if (strcmp (dump_before, dump_after) != 0 || strcmp (revs_before, revs_after) != 0
          || (!report.already_imported && report.stats.added != 0))
        {
          g_autofree char *where = first_difference (dump_before, dump_after);
          g_set_error (error, WSP_CONVERGENCE_ERROR, WSP_CONVERGENCE_ERROR_NOT_IDEMPOTENT,
                       "I3: importing an old packet from laptop %u again into laptop %u changed "
                       "its state (%u revisions added); %s",
                       item->from, to, report.stats.added, where);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
run_all (Run     *run,
         guint    steps,
         GError **error)
{
  for (run->step = 0; run->step < steps; run->step++)
    if (!step (run, error))
      return FALSE;

  /* What is still on its way arrives, in any order; then quiescence. */
  if (!op_flush (run, error))
    return FALSE;
  if (!quiesce (run, error))
    {
      g_prefix_error (error, "at quiescence: ");
      return FALSE;
    }
  if (!wsp_convergence_check (run->stores, run->n, run->stats, error)
      || !check_oracle (run, error) || !check_replays (run, error))
    {
      g_prefix_error (error, "after quiescence: ");
      return FALSE;
    }
  return TRUE;
}

/* A new folder for the laptops' databases: in WSP_CONVERGENCE_TMPDIR, else
 * in memory (/dev/shm) where there is one, since SQLite's fsyncs make up most
 * of the time on a disk, else in the usual temporary folder. */
char *
wsp_convergence_make_folder (GError **error)
{
  const char *base = g_getenv ("WSP_CONVERGENCE_TMPDIR");
  g_autofree char *template = NULL;

  if (base == NULL && g_file_test ("/dev/shm", G_FILE_TEST_IS_DIR)
      && g_access ("/dev/shm", W_OK) == 0)
    base = "/dev/shm";
  if (base == NULL)
    return g_dir_make_tmp ("wsp-convergence-XXXXXX", error);
  template = g_build_filename (base, "wsp-convergence-XXXXXX", NULL);
  if (g_mkdtemp (template) == NULL)
    {
      int saved = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   "Could not make a folder in %s: %s", base, g_strerror (saved));
      return NULL;
    }
  return g_steal_pointer (&template);
}

gboolean
wsp_convergence_run (guint32               seed,
                     guint                 laptops,
                     guint                 steps,
                     WspConvergenceStats  *stats,
                     GError              **error)
{
  g_auto (Run) run = { 0 };
  WspConvergenceStats local_stats = { 0 };
  g_autoptr (GError) local_error = NULL;
  gint64 started = g_get_monotonic_time ();
  gboolean ok;

  g_return_val_if_fail (laptops >= 2, FALSE);

  run.seed = seed;
  run.n = laptops;
  run.trace = g_getenv ("WSP_CONVERGENCE_TRACE") != NULL;
  run.rand = g_rand_new_with_seed (seed);
  run.stats = &local_stats;
  run.records = g_ptr_array_new_with_free_func ((GDestroyNotify) known_free);
  run.deleted = g_ptr_array_new_with_free_func (g_free);
  run.queue = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  run.sent = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  run.oracle = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  run.votes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; i < N_BALLOTS; i++)
    run.ballots[i] = seeded_uuid (&run);
  for (guint i = 0; i < N_SEATS; i++)
    run.seats[i] = seeded_uuid (&run);

  run.dir = wsp_convergence_make_folder (&local_error);
  if (run.dir == NULL)
    return failed (error, local_error, "seed %u: making a temporary folder", seed);
  run.stores = g_new0 (WspStore *, laptops);
  for (guint i = 0; i < laptops; i++)
    {
      g_autofree char *file = g_strdup_printf ("laptop-%u.sqlite3", i);
      g_autofree char *path = g_build_filename (run.dir, file, NULL);
      g_autofree char *name = g_strdup_printf ("Laptop %u", i);

      run.stores[i] = wsp_store_open (path, &local_error);
      if (run.stores[i] == NULL || !wsp_sync_set_laptop_name (run.stores[i], name, &local_error))
        return failed (error, local_error, "seed %u: opening laptop %u", seed, i);
    }

  ok = run_all (&run, steps, error);
  if (!ok && run.step < steps)
    g_prefix_error (error, "seed %u (%u laptops, %u steps), step %u: ", seed, laptops, steps,
                    run.step);
  else if (!ok)
    g_prefix_error (error, "seed %u (%u laptops, %u steps), after the last step: ", seed, laptops,
                    steps);
  local_stats.seconds = (g_get_monotonic_time () - started) / (gdouble) G_USEC_PER_SEC;
  if (stats != NULL)
    *stats = local_stats;
  return ok;
}
