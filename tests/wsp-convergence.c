/* wsp-convergence.c — laptops keeping in step, checked against what the
 * people wrote (see wsp-convergence.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <sqlite3.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "wsp-convergence.h"
#include "wsp-test-util.h"

#include "base/wsp-json.h"
#include "records/wsp-records-members.h"
#include "records/wsp-records-votes.h"
#include "store/wsp-store-private.h" /* only to forge files as a hostile laptop would */
#include "sync/wsp-sync.h"

/* clang-format off */
G_DEFINE_QUARK (wsp-convergence-error-quark, wsp_convergence_error)
/* clang-format on */

#define MAX_WRITES   4096
#define MAX_LAPTOPS  6
#define DELETED      "_deleted"

/* ---- the oracle's sets of writes -------------------------------------------- */

typedef struct
{
  guint64 w[MAX_WRITES / 64];
} Bits;

static inline gboolean
bits_has (const Bits *b,
          guint       i)
{
  return (b->w[i / 64] >> (i % 64)) & 1;
}

static inline void
bits_set (Bits *b,
          guint i)
{
  b->w[i / 64] |= G_GUINT64_CONSTANT (1) << (i % 64);
}

static void
bits_or (Bits       *into,
         const Bits *from)
{
  for (guint i = 0; i < G_N_ELEMENTS (into->w); i++)
    into->w[i] |= from->w[i];
}

static gboolean
bits_equal (const Bits *a,
            const Bits *b)
{
  return memcmp (a, b, sizeof *a) == 0;
}

static Bits *
bits_copy (const Bits *b)
{
  return g_memdup2 (b, sizeof *b);
}

/* What a person wrote: some fields of one record, on one laptop, having seen
 * what that laptop held then. */
typedef struct
{
  guint       laptop;
  guint       record;
  GHashTable *sets;   /* field → value ("_deleted" → "true" / "false") */
  Bits       *seen;   /* every write the laptop held when she wrote */
  gboolean    edits;  /* sets a field other than "_deleted" */
  guint       same_as; /* the first write identical to it: the same fields and values of the same
                        * record, on top of the same writes (two laptops can make one change) */
} Write;

static void
write_free (gpointer data)
{
  Write *w = data;

  g_hash_table_unref (w->sets);
  g_free (w->seen);
  g_free (w);
}

typedef struct
{
  char     *id;
  gboolean  vote;   /* append-only: written once */
} Record;

static void
record_free (gpointer data)
{
  Record *r = data;

  g_free (r->id);
  g_free (r);
}

typedef struct
{
  char *path;
  Bits *known;
} Backup;

static void
backup_free (gpointer data)
{
  Backup *b = data;

  g_unlink (b->path);
  g_free (b->path);
  g_free (b->known);
  g_free (b);
}

typedef struct
{
  WspStore  *store;
  char      *path;
  char      *guard;   /* this laptop's computer's notes of its numbering */
  Bits      *known;   /* the writes it holds */
  GPtrArray *backups;
  gboolean   copied;  /* a copy of it, or it of another, was made */
  gboolean   new_key; /* it made a new key */
} Laptop;

static void
laptop_free (gpointer data)
{
  Laptop *l = data;

  g_clear_object (&l->store);
  g_free (l->path);
  g_free (l->guard);
  g_free (l->known);
  g_ptr_array_unref (l->backups);
  g_free (l);
}

/* A packet on its way: the writes its sender held when it was made. */
typedef struct
{
  GBytes   *bytes;
  guint     from;
  guint     to;
  Bits     *known;
  gboolean  delta;
  gboolean  imported;
  gboolean  reimport;
} Mail;

static void
mail_free (gpointer data)
{
  Mail *m = data;

  g_bytes_unref (m->bytes);
  g_free (m->known);
  g_free (m);
}

typedef struct
{
  guint32              seed;
  GRand               *rand;
  char                *dir;
  GPtrArray           *laptops;  /* Laptop */
  GPtrArray           *writes;   /* Write */
  GPtrArray           *records;  /* Record */
  GPtrArray           *mail;     /* Mail */
  WspConvergenceEvents events;
  WspConvergenceStats *stats;
  gboolean             trace;
  guint                step;
  guint                files;    /* for unique file names */
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->mail, g_ptr_array_unref);
  g_clear_pointer (&run->laptops, g_ptr_array_unref);
  g_clear_pointer (&run->writes, g_ptr_array_unref);
  g_clear_pointer (&run->records, g_ptr_array_unref);
  g_clear_pointer (&run->rand, g_rand_free);
  if (run->dir != NULL)
    {
      if (g_getenv ("WSP_CONVERGENCE_KEEP") != NULL)
        g_printerr ("seed %u: the laptops are in %s\n", run->seed, run->dir);
      else
        wsp_test_remove_tree (run->dir);
    }
  g_clear_pointer (&run->dir, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

#define LAPTOP(run, i) ((Laptop *) g_ptr_array_index ((run)->laptops, (i)))
#define WRITE(run, i)  ((Write *) g_ptr_array_index ((run)->writes, (i)))
#define RECORD(run, i) ((Record *) g_ptr_array_index ((run)->records, (i)))

static void
trace (Run        *run,
       const char *format,
       ...) G_GNUC_PRINTF (2, 3);

static void
trace (Run        *run,
       const char *format,
       ...)
{
  va_list args;
  g_autofree char *text = NULL;

  if (!run->trace)
    return;
  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  g_printerr ("seed %u step %u: %s\n", run->seed, run->step, text);
}

static gboolean
fail (Run        *run,
      GError    **error,
      int         code,
      const char *format,
      ...) G_GNUC_PRINTF (4, 5);

static gboolean
fail (Run        *run,
      GError    **error,
      int         code,
      const char *format,
      ...)
{
  va_list args;
  g_autofree char *text = NULL;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, WSP_CONVERGENCE_ERROR, code, "seed %u, step %u: %s", run->seed, run->step, text);
  return FALSE;
}

/* The writes of @record and what laptop @laptop holds of it, for a trace. */
static char *
describe (Run   *run,
          guint  laptop,
          guint  record)
{
  GString *out = g_string_new ("\n  the people wrote (* held by the laptop):\n");
  Laptop *l = LAPTOP (run, laptop);
  g_autoptr (GPtrArray) history = wsp_store_dup_history (l->store, RECORD (run, record)->id, NULL);

  for (guint i = 0; i < run->writes->len; i++)
    {
      Write *w = g_ptr_array_index (run->writes, i);
      GHashTableIter iter;
      gpointer key, value;

      if (w->record != record)
        continue;
      g_string_append_printf (out, "  %c w%u on laptop %u (same as w%u):", bits_has (l->known, i) ? '*' : ' ', i,
                              w->laptop, w->same_as);
      g_hash_table_iter_init (&iter, w->sets);
      while (g_hash_table_iter_next (&iter, &key, &value))
        g_string_append_printf (out, " %s=\"%s\"", (const char *) key, (const char *) value);
      g_string_append (out, "; seen:");
      for (guint j = 0; j < i; j++)
        if (WRITE (run, j)->record == record && bits_has (w->seen, j))
          g_string_append_printf (out, " w%u", j);
      g_string_append_c (out, '\n');
    }
  g_string_append (out, "  the laptop's history:\n");
  for (guint i = 0; history != NULL && i < history->len; i++)
    {
      WspHistoryEntry *h = g_ptr_array_index (history, i);
      g_autofree char *parents = g_strjoinv (",", h->parents);
      g_autofree char *fields_text = g_strjoinv (",", h->fields);

      g_string_append_printf (out, "    %.12s by %.8s parents [%s] sets %s\n", h->rev_id, h->peer_id, parents,
                              fields_text);
    }
  return g_string_free (out, FALSE);
}

static gboolean
failed (Run        *run,
        GError    **error,
        GError     *cause,
        const char *what)
{
  return fail (run, error, WSP_CONVERGENCE_ERROR_FAILED, "%s: %s", what,
               cause != NULL ? cause->message : "(no message)");
}

/* ---- what the people expect to see -------------------------------------- */

typedef struct
{
  gboolean    known;           /* the laptop holds a write of it */
  gboolean    deleted;
  gboolean    delete_conflict;
  GHashTable *values;          /* field → GPtrArray of the distinct values no later write saw, sorted */
} Expect;

static void
expect_clear (Expect *e)
{
  g_clear_pointer (&e->values, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Expect, expect_clear)

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

static void
add_unique (GPtrArray  *values,
            const char *value)
{
  for (guint i = 0; i < values->len; i++)
    if (g_strcmp0 (g_ptr_array_index (values, i), value) == 0)
      return;
  g_ptr_array_add (values, g_strdup (value));
}

/* Whether @later was written having seen @w, or a write identical to it. */
static gboolean
has_seen (Run   *run,
          Write *later,
          guint  w)
{
  guint same = WRITE (run, w)->same_as;

  if (bits_has (later->seen, w))
    return TRUE;
  for (guint i = same; i < run->writes->len; i++)
    if (WRITE (run, i)->same_as == same && bits_has (later->seen, i))
      return TRUE;
  return FALSE;
}

/* For the writes of @record laptop @laptop holds: per field, the writes no
 * later write of that field (that the laptop holds) has seen. */
static void
work_out (Run    *run,
          guint   laptop,
          guint   record,
          Expect *e)
{
  const Bits *known = LAPTOP (run, laptop)->known;
  g_autoptr (GArray) mine = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GHashTable) fields = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GArray) deletes = g_array_new (FALSE, FALSE, sizeof (guint));
  gboolean restores = FALSE;
  GHashTableIter iter;
  gpointer key;

  memset (e, 0, sizeof *e);
  e->values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < run->writes->len; i++)
    if (WRITE (run, i)->record == record && bits_has (known, i))
      {
        g_array_append_val (mine, i);
        g_hash_table_iter_init (&iter, WRITE (run, i)->sets);
        while (g_hash_table_iter_next (&iter, &key, NULL))
          g_hash_table_add (fields, key);
      }
  e->known = mine->len > 0;

  g_hash_table_iter_init (&iter, fields);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      GPtrArray *values = g_ptr_array_new_with_free_func (g_free);

      for (guint a = 0; a < mine->len; a++)
        {
          guint wa = g_array_index (mine, guint, a);
          Write *w = WRITE (run, wa);
          gboolean superseded = FALSE;

          if (!g_hash_table_contains (w->sets, key))
            continue;
          for (guint b = 0; b < mine->len && !superseded; b++)
            {
              Write *later = WRITE (run, g_array_index (mine, guint, b));
              superseded = g_hash_table_contains (later->sets, key) && has_seen (run, later, wa);
            }
          if (superseded)
            continue;
          add_unique (values, g_hash_table_lookup (w->sets, key));
          if (strcmp (key, DELETED) == 0)
            {
              if (strcmp (g_hash_table_lookup (w->sets, key), "true") == 0)
                g_array_append_val (deletes, wa);
              else
                restores = TRUE;
            }
        }
      g_ptr_array_sort (values, compare_strings);
      if (strcmp (key, DELETED) == 0)
        g_ptr_array_unref (values);
      else
        g_hash_table_insert (e->values, g_strdup (key), values);
    }

  /* Deleted when every latest write of "_deleted" deletes, and every edit
   * was seen by those deletes or saw them. */
  if (deletes->len > 0)
    {
      gboolean concurrent = FALSE;

      for (guint a = 0; a < mine->len && !concurrent; a++)
        {
          guint wc = g_array_index (mine, guint, a);
          Write *c = WRITE (run, wc);

          if (!c->edits)
            continue;
          for (guint d = 0; d < deletes->len && !concurrent; d++)
            {
              guint wd = g_array_index (deletes, guint, d);
              concurrent = WRITE (run, wd)->same_as != c->same_as && !has_seen (run, WRITE (run, wd), wc)
                           && !has_seen (run, c, wd);
            }
        }
      e->deleted = !concurrent && !restores;
      e->delete_conflict = !e->deleted;
    }
}

static char *
value_text (JsonNode *node)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return g_strdup (json_node_get_string (node));
  return wsp_json_canonical (node);
}

static char *
join_values (GPtrArray *values)
{
  GString *out = g_string_new ("{");

  for (guint i = 0; i < values->len; i++)
    g_string_append_printf (out, "%s\"%s\"", i > 0 ? ", " : "", (const char *) g_ptr_array_index (values, i));
  g_string_append_c (out, '}');
  return g_string_free (out, FALSE);
}

/* Checks what laptop @laptop shows of @record against what the people
 * wrote. */
static gboolean check_record_inner (Run *run, guint laptop, guint record, GError **error);

static gboolean
check_record (Run      *run,
              guint     laptop,
              guint     record,
              GError  **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autofree char *text = NULL;

  if (check_record_inner (run, laptop, record, &local_error))
    return TRUE;
  if (run->trace)
    {
      text = describe (run, laptop, record);
      g_prefix_error (&local_error, "%s", "");
      g_set_error (error, local_error->domain, local_error->code, "%s%s", local_error->message, text);
      return FALSE;
    }
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

static gboolean
check_record_inner (Run      *run,
                    guint     laptop,
                    guint     record,
                    GError  **error)
{
  WspStore *store = LAPTOP (run, laptop)->store;
  Record *r = RECORD (run, record);
  g_auto (Expect) e = { 0 };
  g_autoptr (GError) local_error = NULL;
  g_autoptr (WspRecord) shown = NULL;
  g_autoptr (GPtrArray) conflicts = NULL;
  g_autoptr (GHashTable) offered = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                          (GDestroyNotify) g_ptr_array_unref);
  gboolean delete_conflict = FALSE, any_expected = FALSE;
  GHashTableIter iter;
  gpointer key, value;

  work_out (run, laptop, record, &e);
  run->stats->checks++;
  shown = wsp_store_get (store, r->id, &local_error);
  if (!e.known || e.deleted)
    {
      if (shown != NULL)
        return fail (run, error, WSP_CONVERGENCE_ERROR_HIDDEN, "laptop %u shows %s record %s, which %s", laptop,
                     r->vote ? "the vote" : "the", r->id,
                     e.known ? "every write there says is deleted" : "no write there made");
      if (!g_error_matches (local_error, WSP_STORE_ERROR, WSP_STORE_ERROR_NOT_FOUND))
        return failed (run, error, local_error, "reading a record");
      return TRUE;
    }
  if (shown == NULL)
    return fail (run, error, WSP_CONVERGENCE_ERROR_HIDDEN,
                 "laptop %u does not show record %s, though %s", laptop, r->id,
                 e.delete_conflict ? "a delete there missed an edit (a conflict to show)" : "nothing deleted it");

  conflicts = wsp_store_dup_conflicts (store, r->id, &local_error);
  if (conflicts == NULL)
    return failed (run, error, local_error, "reading the conflicts");
  for (guint i = 0; i < conflicts->len; i++)
    {
      WspConflict *c = g_ptr_array_index (conflicts, i);
      GPtrArray *values = g_ptr_array_new_with_free_func (g_free);

      if (c->field == NULL)
        {
          delete_conflict = TRUE;
          g_ptr_array_unref (values);
          continue;
        }
      for (guint j = 0; j < c->candidates->len; j++)
        {
          g_autofree char *text = value_text (((WspCandidate *) g_ptr_array_index (c->candidates, j))->value);
          add_unique (values, text);
        }
      g_ptr_array_sort (values, compare_strings);
      g_hash_table_insert (offered, g_strdup (c->field), values);
    }

  if (delete_conflict != e.delete_conflict)
    return fail (run, error, WSP_CONVERGENCE_ERROR_HIDDEN, "laptop %u %s a delete of record %s in conflict%s",
                 laptop, delete_conflict ? "shows" : "does not show", r->id,
                 delete_conflict ? ", though every delete saw every edit" : ", though a delete missed an edit");
  any_expected = e.delete_conflict;

  g_hash_table_iter_init (&iter, e.values);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GPtrArray *values = value;
      GPtrArray *offer = g_hash_table_lookup (offered, key);
      const char *displayed = wsp_record_get_string (shown, key);

      if (values->len == 1)
        {
          if (g_strcmp0 (displayed, g_ptr_array_index (values, 0)) != 0)
            return fail (run, error, WSP_CONVERGENCE_ERROR_HIDDEN,
                         "laptop %u shows %s = \"%s\" in record %s, but the only value no later write saw is "
                         "\"%s\" (a write hidden without a conflict)",
                         laptop, (const char *) key, displayed, r->id, (const char *) g_ptr_array_index (values, 0));
          if (offer != NULL)
            return fail (run, error, WSP_CONVERGENCE_ERROR_HIDDEN,
                         "laptop %u shows %s of record %s in conflict, but only one value stands", laptop,
                         (const char *) key, r->id);
          continue;
        }
      any_expected = TRUE;
      run->stats->conflicts_seen++;
      {
        g_autofree char *want = join_values (values);
        g_autofree char *got = offer != NULL ? join_values (offer) : g_strdup ("no conflict");
        gboolean shown_is_one = FALSE;

        if (offer == NULL || strcmp (want, got) != 0)
          return fail (run, error, WSP_CONVERGENCE_ERROR_HIDDEN,
                       "laptop %u offers %s for %s of record %s, but the people wrote %s that no later write saw",
                       laptop, got, (const char *) key, r->id, want);
        for (guint i = 0; i < values->len; i++)
          shown_is_one |= g_strcmp0 (displayed, g_ptr_array_index (values, i)) == 0;
        if (!shown_is_one)
          return fail (run, error, WSP_CONVERGENCE_ERROR_HIDDEN,
                       "laptop %u shows %s = \"%s\" of record %s, none of the values in conflict", laptop,
                       (const char *) key, displayed, r->id);
      }
    }
  g_hash_table_iter_init (&iter, offered);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (e.values, key))
      return fail (run, error, WSP_CONVERGENCE_ERROR_HIDDEN, "laptop %u shows a conflict on %s of record %s, "
                   "a field no one wrote", laptop, (const char *) key, r->id);
  if (wsp_record_get_conflicted (shown) != any_expected)
    return fail (run, error, WSP_CONVERGENCE_ERROR_HIDDEN, "laptop %u marks record %s as %s", laptop, r->id,
                 any_expected ? "not in conflict" : "in conflict");
  return TRUE;
}

static gboolean
check_laptop (Run     *run,
              guint    laptop,
              GError **error)
{
  for (guint r = 0; r < run->records->len; r++)
    if (!check_record (run, laptop, r, error))
      return FALSE;
  return TRUE;
}

/* What a person sees on a laptop, as text: for a refused file to prove it
 * changed nothing, and for the laptops to agree at the end. */
static char *
seen_on (Run   *run,
         guint  laptop)
{
  WspStore *store = LAPTOP (run, laptop)->store;
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < run->records->len; i++)
    {
      Record *r = RECORD (run, i);
      g_autoptr (WspRecord) shown = wsp_store_get (store, r->id, NULL);
      g_autoptr (JsonObject) conflicts = NULL;
      g_autofree char *values = NULL;
      g_autofree char *conflict_text = NULL;

      if (shown == NULL)
        {
          g_string_append_printf (out, "%s -\n", r->id);
          continue;
        }
      values = wsp_json_object_canonical (wsp_record_get_values (shown));
      conflicts = wsp_test_conflicts_json (store, r->id, NULL);
      /* Who made each value is left out: the same change may come under two
       * laptops' numbers. */
      if (conflicts != NULL)
        {
          g_autoptr (GList) members = json_object_get_members (conflicts);
          GString *c = g_string_new (NULL);

          for (GList *l = members; l != NULL; l = l->next)
            {
              JsonArray *candidates = json_object_get_array_member (conflicts, l->data);
              g_autoptr (GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);

              for (guint j = 0; j < json_array_get_length (candidates); j++)
                {
                  g_autofree char *text = value_text (json_object_get_member (json_array_get_object_element (candidates, j),
                                                                              "value"));
                  add_unique (texts, text);
                }
              g_ptr_array_sort (texts, compare_strings);
              g_string_append_printf (c, "%s:", (const char *) l->data);
              for (guint j = 0; j < texts->len; j++)
                g_string_append_printf (c, "[%s]", (const char *) g_ptr_array_index (texts, j));
              g_string_append_c (c, ';');
            }
          conflict_text = g_string_free (c, FALSE);
        }
      g_string_append_printf (out, "%s %s %s\n", r->id, values, conflict_text != NULL ? conflict_text : "");
    }
  return g_string_free (out, FALSE);
}

/* ---- the people's actions ------------------------------------------------- */

static const char *const fields[] = { "name", "short_name", "address", "phone", "website", "notes" };

/* Values from small pools, so that laptops write the same value at times,
 * and a value is set back to an earlier one; some with characters that
 * need care on the way (a control character, markup). */
static char *
pick_value (Run        *run,
            const char *field)
{
  static const char *const odd[] = { "Koło & Spółka", "tab\there", "unit\x1fseparator", "<b>bold</b>" };
  guint n = g_rand_int_range (run->rand, 0, 12);

  if (n == 11)
    return g_strdup (odd[g_rand_int_range (run->rand, 0, G_N_ELEMENTS (odd))]);
  return g_strdup_printf ("%s %u", field, n % 4);
}

/* Notes a write the person on @laptop made, with what her laptop held. */
static void
add_write (Run        *run,
           guint       laptop,
           guint       record,
           GHashTable *sets)
{
  Write *w = g_new0 (Write, 1);
  Laptop *l = LAPTOP (run, laptop);
  GHashTableIter iter;
  gpointer key;

  g_assert (run->writes->len < MAX_WRITES);
  w->laptop = laptop;
  w->record = record;
  w->sets = g_hash_table_ref (sets);
  w->seen = bits_copy (l->known);
  g_hash_table_iter_init (&iter, sets);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    w->edits |= strcmp (key, DELETED) != 0;
  w->same_as = run->writes->len;
  for (guint i = 0; i < run->writes->len && w->same_as == run->writes->len; i++)
    {
      Write *v = WRITE (run, i);
      GHashTableIter fields_iter;
      gpointer value;
      gboolean same = v->record == record && v->same_as == i && g_hash_table_size (v->sets) == g_hash_table_size (sets);

      g_hash_table_iter_init (&fields_iter, sets);
      while (same && g_hash_table_iter_next (&fields_iter, &key, &value))
        same = g_strcmp0 (g_hash_table_lookup (v->sets, key), value) == 0 && g_hash_table_contains (v->sets, key);
      /* On top of the same writes of the record, identical ones taken as one. */
      for (guint j = 0; same && j < run->writes->len; j++)
        if (WRITE (run, j)->record == record && WRITE (run, j)->same_as == j)
          same = has_seen (run, v, j) == has_seen (run, w, j);
      if (same)
        w->same_as = i;
    }
  bits_set (l->known, run->writes->len);
  g_ptr_array_add (run->writes, w);
  run->stats->saves++;
}

static GHashTable *
new_sets (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

static gboolean
create (Run     *run,
        guint    laptop,
        GError **error)
{
  WspStore *store = LAPTOP (run, laptop)->store;
  g_autoptr (GHashTable) sets = new_sets ();
  g_autoptr (WspRecord) record = NULL;
  g_autoptr (GError) local_error = NULL;
  gboolean vote = g_rand_int_range (run->rand, 0, 5) == 0;
  Record *r;

  if (vote)
    {
      static const char *const choices[] = { "for", "against", "abstain" };
      g_autofree char *ballot = g_uuid_string_random ();
      g_autofree char *seat = g_uuid_string_random ();

      record = WSP_RECORD (wsp_vote_new ());
      g_hash_table_insert (sets, g_strdup ("ballot_id"), g_strdup (ballot));
      g_hash_table_insert (sets, g_strdup ("seat_id"), g_strdup (seat));
      g_hash_table_insert (sets, g_strdup ("choice"), g_strdup (choices[g_rand_int_range (run->rand, 0, 3)]));
    }
  else
    {
      record = WSP_RECORD (wsp_organisation_new ());
      g_hash_table_insert (sets, g_strdup ("name"), pick_value (run, "name"));
      for (guint i = 0; i < 2; i++)
        {
          const char *field = fields[g_rand_int_range (run->rand, 1, G_N_ELEMENTS (fields))];
          g_hash_table_insert (sets, g_strdup (field), pick_value (run, field));
        }
    }
  {
    GHashTableIter iter;
    gpointer key, value;

    g_hash_table_iter_init (&iter, sets);
    while (g_hash_table_iter_next (&iter, &key, &value))
      wsp_record_set_string (record, key, value);
  }
  if (!wsp_store_save (store, record, &local_error))
    return failed (run, error, local_error, "creating a record");
  r = g_new0 (Record, 1);
  r->id = g_strdup (wsp_record_get_id (record));
  r->vote = vote;
  g_ptr_array_add (run->records, r);
  add_write (run, laptop, run->records->len - 1, sets);
  run->stats->creations++;
  run->stats->votes += vote;
  trace (run, "laptop %u creates %s %s", laptop, vote ? "vote" : "organisation", r->id);
  return TRUE;
}

/* A record the laptop shows (or, @deleted, one it shows as deleted), or -1. */
static int
pick_record (Run      *run,
             guint     laptop,
             gboolean  deleted,
             gboolean  in_conflict)
{
  g_autoptr (GArray) candidates = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < run->records->len; i++)
    {
      g_auto (Expect) e = { 0 };
      gboolean conflicted = FALSE;
      GHashTableIter iter;
      gpointer value;

      if (RECORD (run, i)->vote)
        continue;
      work_out (run, laptop, i, &e);
      if (!e.known || e.deleted != deleted)
        continue;
      conflicted = e.delete_conflict;
      g_hash_table_iter_init (&iter, e.values);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        conflicted |= ((GPtrArray *) value)->len > 1;
      if (in_conflict && !conflicted)
        continue;
      g_array_append_val (candidates, i);
    }
  if (candidates->len == 0)
    return -1;
  return g_array_index (candidates, guint, g_rand_int_range (run->rand, 0, candidates->len));
}

G_GNUC_UNUSED static gboolean
field_in_conflict (Run        *run,
                   guint       laptop,
                   guint       record,
                   const char *field)
{
  g_auto (Expect) e = { 0 };
  GPtrArray *values;

  work_out (run, laptop, record, &e);
  values = g_hash_table_lookup (e.values, field);
  return values != NULL && values->len > 1;
}

static gboolean
edit (Run     *run,
      guint    laptop,
      GError **error)
{
  WspStore *store = LAPTOP (run, laptop)->store;
  int record = pick_record (run, laptop, FALSE, FALSE);
  g_autoptr (WspRecord) shown = NULL;
  g_autoptr (WspRecord) seen = NULL;
  g_autoptr (GHashTable) sets = new_sets ();
  g_autoptr (GHashTable) typed = new_sets ();
  g_autoptr (GError) local_error = NULL;
  g_autofree char *before = NULL;
  GHashTableIter iter;
  gpointer key, value;
  guint n;

  if (record < 0)
    return TRUE;
  shown = wsp_store_get (store, RECORD (run, record)->id, &local_error);
  seen = shown != NULL ? wsp_store_get (store, RECORD (run, record)->id, &local_error) : NULL;
  if (shown == NULL || seen == NULL)
    return failed (run, error, local_error, "reading a record to edit");
  before = g_strdup (wsp_record_get_revision (shown));
  n = g_rand_int_range (run->rand, 1, 4);
  for (guint i = 0; i < n; i++)
    {
      const char *field = fields[g_rand_int_range (run->rand, 0, G_N_ELEMENTS (fields))];
      g_autofree char *value = NULL;

      /* Each field once: she types in it, or leaves it as it is. */
      if (g_hash_table_contains (typed, field))
        continue;
      value = pick_value (run, field);
      wsp_record_set_string (shown, field, value);
      g_hash_table_insert (typed, g_strdup (field), g_steal_pointer (&value));
    }
  /* What she typed is a write unless it is the value she saw: a field in
   * conflict left as shown is no choice (that is what resolving is for). */
  g_hash_table_iter_init (&iter, typed);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (g_strcmp0 (value, wsp_record_get_string (seen, key)) != 0)
      g_hash_table_insert (sets, g_strdup (key), g_strdup (value));
  if (!wsp_store_save (store, shown, &local_error))
    return failed (run, error, local_error, "saving an edit");
  if (g_hash_table_size (sets) == 0)
    {
      run->stats->writes_unchanged++;
      if (g_strcmp0 (before, wsp_record_get_revision (shown)) != 0)
        return fail (run, error, WSP_CONVERGENCE_ERROR_HIDDEN,
                     "laptop %u wrote a change of record %s though the person set only the values shown",
                     laptop, RECORD (run, record)->id);
      return TRUE;
    }
  add_write (run, laptop, record, sets);
  trace (run, "laptop %u edits %s (%u fields)", laptop, RECORD (run, record)->id, g_hash_table_size (sets));
  return TRUE;
}

static gboolean
resolve (Run     *run,
         guint    laptop,
         GError **error)
{
  WspStore *store = LAPTOP (run, laptop)->store;
  int record = pick_record (run, laptop, FALSE, TRUE);
  g_autoptr (WspRecord) shown = NULL;
  g_autoptr (GHashTable) sets = new_sets ();
  g_autoptr (GError) local_error = NULL;
  g_auto (Expect) e = { 0 };
  GHashTableIter iter;
  gpointer key, value;

  if (record < 0)
    return TRUE;
  work_out (run, laptop, record, &e);
  shown = wsp_store_get (store, RECORD (run, record)->id, &local_error);
  if (shown == NULL)
    return failed (run, error, local_error, "reading a record to resolve");

  /* A delete against an edit: she deletes after all, or keeps it. */
  if (e.delete_conflict && g_rand_boolean (run->rand))
    {
      if (!wsp_store_delete (store, shown, &local_error))
        return failed (run, error, local_error, "accepting a delete");
      g_hash_table_insert (sets, g_strdup (DELETED), g_strdup ("true"));
      add_write (run, laptop, record, sets);
      run->stats->resolutions++;
      trace (run, "laptop %u accepts the delete of %s", laptop, RECORD (run, record)->id);
      return TRUE;
    }
  /* Every field in conflict: one of the values offered, or a new one. */
  g_hash_table_iter_init (&iter, e.values);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GPtrArray *values = value;
      g_autofree char *choice = NULL;

      if (values->len < 2)
        continue;
      choice = g_rand_int_range (run->rand, 0, 4) == 0
                 ? pick_value (run, key)
                 : g_strdup (g_ptr_array_index (values, g_rand_int_range (run->rand, 0, values->len)));
      wsp_record_set_string (shown, key, choice);
      g_hash_table_insert (sets, g_strdup (key), g_steal_pointer (&choice));
    }
  if (e.delete_conflict)
    g_hash_table_insert (sets, g_strdup (DELETED), g_strdup ("false"));
  if (!wsp_store_resolve (store, shown, &local_error))
    return failed (run, error, local_error, "resolving a conflict");
  add_write (run, laptop, record, sets);
  run->stats->resolutions++;
  trace (run, "laptop %u resolves %s", laptop, RECORD (run, record)->id);
  return TRUE;
}

static gboolean
delete_or_restore (Run      *run,
                   guint     laptop,
                   gboolean  restore,
                   GError  **error)
{
  WspStore *store = LAPTOP (run, laptop)->store;
  int record = pick_record (run, laptop, restore, FALSE);
  g_autoptr (GHashTable) sets = new_sets ();
  g_autoptr (GError) local_error = NULL;

  if (record < 0)
    return TRUE;
  if (restore)
    {
      if (!wsp_store_undelete (store, RECORD (run, record)->id, &local_error))
        return failed (run, error, local_error, "restoring a deleted record");
      run->stats->undeletes++;
    }
  else
    {
      g_autoptr (WspRecord) shown = wsp_store_get (store, RECORD (run, record)->id, &local_error);

      if (shown == NULL || !wsp_store_delete (store, shown, &local_error))
        return failed (run, error, local_error, "deleting a record");
      run->stats->deletes++;
    }
  g_hash_table_insert (sets, g_strdup (DELETED), g_strdup (restore ? "false" : "true"));
  add_write (run, laptop, record, sets);
  trace (run, "laptop %u %s %s", laptop, restore ? "restores" : "deletes", RECORD (run, record)->id);
  return TRUE;
}

/* ---- exchanges -------------------------------------------------------------- */

static gboolean
knows_laptop (WspStore   *store,
              const char *peer_id)
{
  g_autoptr (GPtrArray) peers = wsp_sync_dup_peers (store, NULL);

  for (guint i = 0; peers != NULL && i < peers->len; i++)
    {
      WspPeer *p = g_ptr_array_index (peers, i);

      if (g_strcmp0 (p->peer_id, peer_id) == 0 && p->last_seen != NULL)
        return TRUE;
    }
  return FALSE;
}

/* A copy not found out yet: two laptops under one id. */
static gboolean
same_laptop_id (Run   *run,
                guint  a,
                guint  b)
{
  return g_strcmp0 (wsp_store_get_peer_id (LAPTOP (run, a)->store), wsp_store_get_peer_id (LAPTOP (run, b)->store))
         == 0;
}

static Mail *
make_mail (Run      *run,
           guint     from,
           guint     to,
           gboolean  full,
           GError  **error)
{
  WspStore *sender = LAPTOP (run, from)->store;
  const char *recipient = wsp_store_get_peer_id (LAPTOP (run, to)->store);
  gboolean delta = !full && knows_laptop (sender, recipient);
  g_autoptr (GError) local_error = NULL;
  GBytes *bytes = wsp_sync_build_packet (sender, delta ? recipient : NULL, !delta, NULL, &local_error);
  Mail *m;

  if (bytes == NULL)
    {
      failed (run, error, local_error, "making a packet");
      return NULL;
    }
  m = g_new0 (Mail, 1);
  m->bytes = bytes;
  m->from = from;
  m->to = to;
  m->known = bits_copy (LAPTOP (run, from)->known);
  m->delta = delta;
  return m;
}

/* Imports @m as a person would (comparing fingerprints when asked). A
 * refusal must be one an honest file can meet and must change nothing. */
static gboolean from_each_laptop (Run *run, guint to, GError **error);

static gboolean
deliver (Run     *run,
         Mail    *m,
         GError **error)
{
  Laptop *l = LAPTOP (run, m->to);
  g_auto (WspImportReport) report = { 0 };
  g_autoptr (GError) local_error = NULL;
  g_autofree char *before = seen_on (run, m->to);

  if (wsp_sync_import_bytes (l->store, m->bytes, WSP_IMPORT_TRUST_NEW | WSP_IMPORT_ACCEPT_NEW_KEY, &report,
                             &local_error))
    {
      /* Some changes wait aside for a laptop's new key: she imports a file
       * from each laptop itself, as the message says, then this one again. */
      if (report.stats.held_for_key > 0)
        {
          run->stats->refused_key++;
          trace (run, "laptop %u keeps %u changes aside for a new key", m->to, report.stats.held_for_key);
          if (!from_each_laptop (run, m->to, error))
            return FALSE;
          if (!m->reimport)
            {
              gboolean ok;

              m->reimport = TRUE;
              ok = deliver (run, m, error);
              m->reimport = FALSE;
              return ok;
            }
          return fail (run, error, WSP_CONVERGENCE_ERROR_FAILED,
                       "laptop %u still keeps changes aside after importing every laptop's own file", m->to);
        }
      bits_or (l->known, m->known);
      run->stats->exchanges++;
      run->stats->deltas += m->delta;
      run->stats->late += m->imported;
      run->stats->new_identities += report.stats.new_identity;
      m->imported = TRUE;
      trace (run, "laptop %u imports a %s from laptop %u: %u new", m->to, m->delta ? "delta" : "full packet",
             m->from, report.stats.added);
      return check_laptop (run, m->to, error);
    }
  if (g_error_matches (local_error, WSP_SYNC_ERROR, WSP_SYNC_ERROR_STALE))
    run->stats->refused_stale++;
  else if (same_laptop_id (run, m->from, m->to)
           && g_error_matches (local_error, WSP_SYNC_ERROR, WSP_SYNC_ERROR_BAD_SIGNATURE))
    run->stats->refused_key++; /* a copy under this laptop's id, with a key of its own */
  else if (g_error_matches (local_error, WSP_STORE_ERROR, WSP_STORE_ERROR_UNKNOWN_KEY))
    run->stats->refused_key++;
  else if (g_error_matches (local_error, WSP_SYNC_ERROR, WSP_SYNC_ERROR_WRONG_RECIPIENT))
    run->stats->refused_stale++; /* made for the laptop's id before it became a laptop of its own */
  else if (g_error_matches (local_error, WSP_SYNC_ERROR, WSP_SYNC_ERROR_OWN_PACKET))
    bits_or (l->known, m->known); /* it brought nothing this laptop does not hold */
  else
    return failed (run, error, local_error, "importing a packet from another laptop");
  trace (run, "laptop %u refuses a packet from laptop %u: %s", m->to, m->from, local_error->message);
  {
    g_autofree char *after = seen_on (run, m->to);

    if (strcmp (before, after) != 0)
      return fail (run, error, WSP_CONVERGENCE_ERROR_CHANGED, "a refused packet changed laptop %u", m->to);
  }
  return TRUE;
}

/* She imports a full file from every other laptop itself, accepting new
 * keys after comparing them, until nothing waits aside for a key. */
static gboolean
from_each_laptop (Run     *run,
                  guint    to,
                  GError **error)
{
  for (guint pass = 0; pass < 3; pass++)
    {
      gboolean waiting = FALSE;

      for (guint from = 0; from < run->laptops->len; from++)
        {
          g_autoptr (GBytes) bytes = NULL;
          g_autoptr (GError) local_error = NULL;
          g_auto (WspImportReport) report = { 0 };

          if (from == to || same_laptop_id (run, from, to))
            continue;
          bytes = wsp_sync_build_packet (LAPTOP (run, from)->store, NULL, TRUE, NULL, &local_error);
          if (bytes == NULL)
            return failed (run, error, local_error, "making a packet");
          if (!wsp_sync_import_bytes (LAPTOP (run, to)->store, bytes, WSP_IMPORT_TRUST_NEW | WSP_IMPORT_ACCEPT_NEW_KEY,
                                      &report, &local_error))
            return failed (run, error, local_error, "importing a laptop's own file");
          if (report.stats.held_for_key > 0)
            {
              trace (run, "laptop %u still keeps %u changes aside after laptop %u's own file", to,
                     report.stats.held_for_key, from);
              waiting = TRUE;
            }
          else
            bits_or (LAPTOP (run, to)->known, LAPTOP (run, from)->known);
          run->stats->exchanges++;
        }
      /* Checked by the caller, once what waited is in too. */
      if (!waiting)
        return TRUE;
    }
  return fail (run, error, WSP_CONVERGENCE_ERROR_FAILED, "laptop %u keeps changes aside for keys it was offered", to);
}

static gboolean
exchange (Run     *run,
          GError **error)
{
  guint from = g_rand_int_range (run->rand, 0, run->laptops->len);
  guint to = g_rand_int_range (run->rand, 0, run->laptops->len - 1);
  Mail *m;

  if (to >= from)
    to++;
  m = make_mail (run, from, to, g_rand_int_range (run->rand, 0, 4) == 0, error);
  if (m == NULL)
    return FALSE;
  g_ptr_array_add (run->mail, m);
  /* Most packets arrive at once; some later, or twice. */
  if (g_rand_int_range (run->rand, 0, 5) == 0)
    return TRUE;
  return deliver (run, m, error);
}

static gboolean
deliver_late (Run     *run,
              GError **error)
{
  Mail *m;

  if (run->mail->len == 0)
    return TRUE;
  m = g_ptr_array_index (run->mail, g_rand_int_range (run->rand, 0, run->mail->len));
  if (m->to >= run->laptops->len)
    return TRUE;
  return deliver (run, m, error);
}

/* ---- backups, copies, keys ------------------------------------------------ */

static char *
new_file (Run        *run,
          const char *what)
{
  g_autofree char *name = g_strdup_printf ("%s-%u.sqlite3", what, run->files++);
  return g_build_filename (run->dir, name, NULL);
}

static gboolean
copy_database (Run        *run,
               WspStore   *store,
               const char *to,
               GError    **error)
{
  g_autofree char *quoted = g_strdup_printf ("VACUUM INTO '%s'", to);
  g_autoptr (GError) local_error = NULL;

  if (!wsp_database_exec (wsp_store_get_database (store), quoted, &local_error))
    return failed (run, error, local_error, "copying a database");
  return TRUE;
}

static gboolean
open_laptop (Run     *run,
             Laptop  *l,
             GError **error)
{
  g_autoptr (GError) local_error = NULL;

  l->store = wsp_store_open_full (l->path, l->guard, &local_error);
  if (l->store == NULL)
    return failed (run, error, local_error, "opening a laptop's database");
  return TRUE;
}

static gboolean
backup (Run     *run,
        guint    laptop,
        GError **error)
{
  Laptop *l = LAPTOP (run, laptop);
  Backup *b = g_new0 (Backup, 1);

  b->path = new_file (run, "backup");
  b->known = bits_copy (l->known);
  g_ptr_array_add (l->backups, b);
  run->stats->backups++;
  trace (run, "laptop %u is backed up", laptop);
  return copy_database (run, l->store, b->path, error);
}

/* The backup put back in place of the database, the computer's notes left
 * as they were: the laptop finds out and numbers its changes anew. */
static gboolean
restore (Run     *run,
         guint    laptop,
         GError **error)
{
  Laptop *l = LAPTOP (run, laptop);
  Backup *b;
  g_autoptr (GFile) from = NULL;
  g_autoptr (GFile) to = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autofree char *wal = g_strconcat (l->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (l->path, "-shm", NULL);

  if (l->backups->len == 0)
    return TRUE;
  b = g_ptr_array_index (l->backups, g_rand_int_range (run->rand, 0, l->backups->len));
  for (guint i = 0; i < run->writes->len; i++)
    if (bits_has (l->known, i) && !bits_has (b->known, i))
      {
        gboolean elsewhere = FALSE;

        for (guint j = 0; j < run->laptops->len && !elsewhere; j++)
          elsewhere = j != laptop && bits_has (LAPTOP (run, j)->known, i);
        for (guint j = 0; j < run->mail->len && !elsewhere; j++)
          elsewhere = bits_has (((Mail *) g_ptr_array_index (run->mail, j))->known, i);
        run->stats->lost_by_restore += !elsewhere;
      }
  g_clear_object (&l->store);
  g_unlink (wal);
  g_unlink (shm);
  from = g_file_new_for_path (b->path);
  to = g_file_new_for_path (l->path);
  if (!g_file_copy (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &local_error))
    return failed (run, error, local_error, "restoring a backup");
  g_free (l->known);
  l->known = bits_copy (b->known);
  if (!open_laptop (run, l, error))
    return FALSE;
  run->stats->restores++;
  trace (run, "laptop %u is restored from a backup (%s)", laptop,
         wsp_store_get_notice (l->store) == WSP_STORE_NOTICE_RESTORED ? "found out" : "nothing made since");
  return check_laptop (run, laptop, error);
}

/* A copy of a laptop's database on a new computer, which goes on by itself. */
static gboolean
copy_laptop (Run     *run,
             guint    laptop,
             GError **error)
{
  Laptop *l = LAPTOP (run, laptop);
  Laptop *copy;

  if (run->laptops->len >= MAX_LAPTOPS || l->new_key)
    return TRUE;
  l->copied = TRUE;
  copy = g_new0 (Laptop, 1);
  copy->copied = TRUE;
  copy->path = new_file (run, "copy");
  copy->guard = g_build_filename (run->dir, "computers", copy->path + strlen (run->dir) + 1, NULL);
  copy->known = bits_copy (l->known);
  copy->backups = g_ptr_array_new_with_free_func (backup_free);
  if (!copy_database (run, l->store, copy->path, error))
    {
      laptop_free (copy);
      return FALSE;
    }
  g_ptr_array_add (run->laptops, copy);
  if (!open_laptop (run, copy, error))
    return FALSE;
  if (wsp_store_get_notice (copy->store) != WSP_STORE_NOTICE_MOVED)
    return fail (run, error, WSP_CONVERGENCE_ERROR_FAILED, "a database copied to a new computer was not found out");
  run->stats->copies++;
  trace (run, "laptop %u is copied to a new computer: laptop %u", laptop, run->laptops->len - 1);
  return check_laptop (run, run->laptops->len - 1, error);
}

static gboolean
new_key (Run     *run,
         guint    laptop,
         GError **error)
{
  g_autoptr (GError) local_error = NULL;

  /* Not together with copies of a database: a copy that made a key of its
   * own before it met its original, or an original whose copy became a
   * laptop of its own with the old key's changes, leaves changes only that
   * key's laptop can vouch for (a limit the README states). */
  if (LAPTOP (run, laptop)->copied)
    return TRUE;
  LAPTOP (run, laptop)->new_key = TRUE;
  if (!wsp_store_replace_key (LAPTOP (run, laptop)->store, &local_error))
    return failed (run, error, local_error, "making a new key");
  run->stats->new_keys++;
  trace (run, "laptop %u makes a new key", laptop);
  return TRUE;
}

/* ---- a hostile laptop --------------------------------------------------------- */

static GPtrArray *
lines_of (GBytes *bytes)
{
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_auto (GStrv) parts = g_strsplit (text, "\n", -1);
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; parts[i] != NULL; i++)
    if (*parts[i] != '\0')
      g_ptr_array_add (lines, g_strdup (parts[i]));
  return lines;
}

/* The file put together again and signed at its end with @store's key, as
 * its laptop can: the file's own signature is sound. */
static GBytes *
sign_lines (WspStore  *store,
            GPtrArray *lines)
{
  g_autoptr (GChecksum) digest = g_checksum_new (G_CHECKSUM_SHA256);
  GString *out = g_string_new (NULL);
  g_autofree char *signed_text = NULL;
  g_autofree char *sig_hex = NULL;
  guint8 sig[WSP_SIGNATURE_SIZE];
  WspKeyPair pair;

  wsp_store_get_keys (store, &pair, NULL);
  for (guint i = 0; i + 1 < lines->len; i++)
    {
      const char *line = g_ptr_array_index (lines, i);

      g_string_append (out, line);
      g_string_append_c (out, '\n');
      g_checksum_update (digest, (const guchar *) line, -1);
      g_checksum_update (digest, (const guchar *) "\n", 1);
    }
  signed_text = g_strconcat ("wspolnie-packet-end\n", g_checksum_get_string (digest), NULL);
  wsp_keys_sign (&pair, (const guint8 *) signed_text, strlen (signed_text), sig);
  sig_hex = wsp_keys_to_hex (sig, WSP_SIGNATURE_SIZE);
  g_string_append_printf (out, "{\"end\":{\"digest\":\"%s\",\"items\":%u,\"signature\":\"%s\"}}\n",
                          g_checksum_get_string (digest), lines->len - 2, sig_hex);
  return g_string_free_to_bytes (out);
}

/* Whether the database at @path holds @rev_id in @stream (numbered there,
 * or numbered again there after a fork), read from its file as it stands. */
static gboolean
holds_in_stream (const char *path,
                 const char *stream,
                 const char *rev_id)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean held = FALSE;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK
      && sqlite3_prepare_v2 (db,
                             "SELECT EXISTS (SELECT 1 FROM changes WHERE stream = ?1 AND rev_id = ?2) "
                             "OR EXISTS (SELECT 1 FROM change_aliases WHERE stream = ?1 AND rev_id = ?2)",
                             -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, stream, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, rev_id, -1, SQLITE_TRANSIENT);
      held = sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) != 0;
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return held;
}

static char *
change_id_of (JsonObject *change)
{
  JsonArray *parents = json_object_get_array_member (change, "parents");
  g_autoptr (GPtrArray) sorted = g_ptr_array_new ();
  g_autofree char *parents_text = NULL;
  g_autofree char *sets_text = wsp_json_object_canonical (json_object_get_object_member (change, "sets"));

  for (guint i = 0; i < json_array_get_length (parents); i++)
    g_ptr_array_add (sorted, (gpointer) json_array_get_string_element (parents, i));
  g_ptr_array_sort (sorted, wsp_store_compare_strings);
  g_ptr_array_add (sorted, NULL);
  parents_text = wsp_store_parents_text ((const char * const *) sorted->pdata);
  return wsp_store_change_id (json_object_get_string_member (change, "entity"),
                              json_object_get_string_member (change, "record"),
                              json_object_get_int_member (change, "gen"), parents_text, sets_text);
}

/* A change the hostile laptop makes up in its own stream, with a head it
 * signs with its own key: only the change itself can be wrong. */
static GBytes *
forge_own (WspStore   *store,
           GPtrArray  *honest,
           JsonObject *change)
{
  g_autoptr (GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (JsonObject) author = json_object_new ();
  g_autoptr (JsonObject) head = json_object_new ();
  g_autofree char *rev = change_id_of (change);
  g_autofree char *chain = NULL;
  g_autofree char *text = NULL;
  g_autofree char *key_hex = NULL;
  g_autofree char *sig_hex = NULL;
  gint64 seq = store->stream_seq + 1;
  guint8 sig[WSP_SIGNATURE_SIZE];
  WspKeyPair pair;

  wsp_store_get_keys (store, &pair, NULL);
  key_hex = wsp_keys_to_hex (pair.public_key, WSP_KEY_SIZE);
  json_object_set_string_member (change, "rev", rev);
  json_object_set_string_member (change, "stream", store->stream);
  json_object_set_int_member (change, "seq", seq);
  json_object_set_string_member (change, "prev", store->stream_chain);
  json_object_set_string_member (change, "hlc", "0000000000000001");
  chain = wsp_store_chain_next (store->stream_chain, store->stream, seq, rev);
  text = wsp_store_head_text (store->stream, seq, chain, store->peer_id, 0);
  wsp_keys_sign (&pair, (const guint8 *) text, strlen (text), sig);
  sig_hex = wsp_keys_to_hex (sig, WSP_SIGNATURE_SIZE);
  json_object_set_string_member (author, "author", store->peer_id);
  json_object_set_string_member (author, "name", "");
  json_object_set_string_member (author, "key", key_hex);
  json_object_set_string_member (head, "head", chain);
  json_object_set_string_member (head, "stream", store->stream);
  json_object_set_int_member (head, "seq", seq);
  json_object_set_string_member (head, "signer", store->peer_id);
  json_object_set_int_member (head, "legacy", 0);
  json_object_set_string_member (head, "key", key_hex);
  json_object_set_string_member (head, "signature", sig_hex);

  g_ptr_array_add (lines, g_strdup (g_ptr_array_index (honest, 0)));
  g_ptr_array_add (lines, wsp_json_object_canonical (change));
  g_ptr_array_add (lines, wsp_json_object_canonical (author));
  g_ptr_array_add (lines, wsp_json_object_canonical (head));
  g_ptr_array_add (lines, g_strdup ("{}")); /* the end, made anew */
  return sign_lines (store, lines);
}

/* A change of @honest's (not a second number, head or signer). */
static int
pick_change_line (Run       *run,
                  GPtrArray *lines,
                  gboolean   of_vote)
{
  g_autoptr (GArray) found = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 1; i + 1 < lines->len; i++)
    {
      const char *line = g_ptr_array_index (lines, i);

      if (g_str_has_prefix (line, "{\"entity\":") && (!of_vote || g_str_has_prefix (line, "{\"entity\":\"vote\"")))
        g_array_append_val (found, i);
    }
  if (found->len == 0)
    return -1;
  return g_array_index (found, guint, g_rand_int_range (run->rand, 0, found->len));
}

/* A trusted laptop sends a file made to do harm: it must be refused whole,
 * and nothing may change. */
static gboolean
hostile (Run     *run,
         GError **error)
{
  guint from = g_rand_int_range (run->rand, 0, run->laptops->len);
  guint to = g_rand_int_range (run->rand, 0, run->laptops->len - 1);
  WspStore *h, *victim;
  g_autoptr (GBytes) honest = NULL;
  g_autoptr (GPtrArray) lines = NULL;
  g_autoptr (GBytes) forged = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_auto (WspImportReport) report = { 0 };
  guint kind = g_rand_int_range (run->rand, 0, 6);
  const char *what = NULL;
  int at;

  if (to >= from)
    to++;
  h = LAPTOP (run, from)->store;
  victim = LAPTOP (run, to)->store;
  if (!knows_laptop (victim, wsp_store_get_peer_id (h))
      || g_strcmp0 (wsp_store_get_peer_id (h), wsp_store_get_peer_id (victim)) == 0)
    return TRUE;
  honest = wsp_sync_build_packet (h, NULL, TRUE, NULL, &local_error);
  if (honest == NULL)
    return failed (run, error, local_error, "making a packet to forge");
  lines = lines_of (honest);
  at = pick_change_line (run, lines, kind == 3);
  if (at < 0)
    return TRUE;
  {
    g_autoptr (JsonNode) node = json_from_string (g_ptr_array_index (lines, at), NULL);
    JsonObject *change = json_node_get_object (node);
    JsonObject *sets = json_object_get_object_member (change, "sets");

    switch (kind)
      {
      case 0: /* a value altered */
        json_object_set_string_member (sets, "notes", "podrobione");
        what = "a value altered";
        break;
      case 1: /* a value altered, its id made to match: its author never signed it */
        json_object_set_string_member (sets, "notes", "podrobione");
        {
          g_autofree char *rev = change_id_of (change);
          json_object_set_string_member (change, "rev", rev);
        }
        what = "a change its author never signed";
        break;
      case 2: /* a change moved into the victim's own stream */
        if (g_strcmp0 (json_object_get_string_member (change, "stream"), victim->stream) == 0
            || holds_in_stream (LAPTOP (run, to)->path, victim->stream, json_object_get_string_member (change, "rev")))
          return TRUE; /* what it would claim is true */
        json_object_set_string_member (change, "stream", victim->stream);
        what = "a change put under another laptop's name";
        break;
      default:
        break;
      }
    if (kind <= 2)
      {
        g_free (g_ptr_array_index (lines, at));
        g_ptr_array_index (lines, at) = wsp_json_object_canonical (change);
        forged = sign_lines (h, lines);
      }
    else
      {
        g_autoptr (JsonObject) made = json_object_new ();
        g_autoptr (JsonArray) parents = json_array_new ();
        g_autoptr (JsonObject) made_sets = json_object_new ();

        json_object_set_string_member (made, "entity", json_object_get_string_member (change, "entity"));
        json_object_set_string_member (made, "record", json_object_get_string_member (change, "record"));
        json_array_add_string_element (parents, json_object_get_string_member (change, "rev"));
        switch (kind)
          {
          case 3: /* a second version of a vote */
            json_object_set_string_member (made_sets, "choice", "against");
            json_object_set_int_member (made, "gen", json_object_get_int_member (change, "gen") + 1);
            what = "a vote rewritten";
            break;
          case 4: /* a generation no one can follow */
            json_object_set_string_member (made_sets, "notes", "wysoko");
            json_object_set_int_member (made, "gen", G_MAXINT32);
            what = "a generation of 2^31 - 1";
            break;
          default: /* a version of another record */
            {
              g_autofree char *other = g_uuid_string_random ();

              json_object_set_string_member (made, "record", other);
              json_object_set_string_member (made_sets, "notes", "cudze");
              json_object_set_int_member (made, "gen", json_object_get_int_member (change, "gen") + 1);
              what = "a parent of another record";
            }
            break;
          }
        json_object_set_array_member (made, "parents", g_steal_pointer (&parents));
        json_object_set_object_member (made, "sets", g_steal_pointer (&made_sets));
        forged = forge_own (h, lines, made);
      }
  }

  before = seen_on (run, to);
  if (wsp_sync_import_bytes (victim, forged, WSP_IMPORT_DEFAULT, &report, &local_error)
      && (report.stats.added > 0 || report.stats.held_aside > 0 || strcmp (before, after = seen_on (run, to)) != 0))
    return fail (run, error, WSP_CONVERGENCE_ERROR_ACCEPTED,
                 "laptop %u took a file from laptop %u with %s (%u new, %u kept aside, %s): %s", to, from, what,
                 report.stats.added, report.stats.held_aside,
                 before != NULL && after != NULL && strcmp (before, after) != 0 ? "what it shows changed"
                                                                                 : "what it shows unchanged",
                 run->trace ? (const char *) g_ptr_array_index (lines, at) : "");
  /* Taken only if it brought nothing: what it altered is held here as it was. */
  if (local_error == NULL)
    {
      trace (run, "laptop %u finds nothing new in a file from laptop %u with %s", to, from, what);
      return TRUE;
    }
  after = seen_on (run, to);
  if (strcmp (before, after) != 0)
    return fail (run, error, WSP_CONVERGENCE_ERROR_CHANGED, "a file with %s, refused, changed laptop %u", what, to);
  run->stats->hostile++;
  trace (run, "laptop %u refuses a file from laptop %u with %s: %s", to, from, what, local_error->message);
  return TRUE;
}

/* ---- the run ------------------------------------------------------------------ */

static gboolean
step (Run     *run,
      GError **error)
{
  guint laptop = g_rand_int_range (run->rand, 0, run->laptops->len);
  guint roll = g_rand_int_range (run->rand, 0, 100);

  if (roll < 10)
    return create (run, laptop, error) && check_laptop (run, laptop, error);
  if (roll < 42)
    return edit (run, laptop, error) && check_laptop (run, laptop, error);
  if (roll < 50)
    return resolve (run, laptop, error) && check_laptop (run, laptop, error);
  if (roll < 55)
    return delete_or_restore (run, laptop, FALSE, error) && check_laptop (run, laptop, error);
  if (roll < 57)
    return delete_or_restore (run, laptop, TRUE, error) && check_laptop (run, laptop, error);
  if (roll < 84)
    return exchange (run, error);
  if (roll < 88)
    return deliver_late (run, error);
  if (roll < 91)
    return (run->events & WSP_CONVERGENCE_RESTORES) ? backup (run, laptop, error) : TRUE;
  if (roll < 94)
    return (run->events & WSP_CONVERGENCE_RESTORES) ? restore (run, laptop, error) : TRUE;
  if (roll < 95)
    return (run->events & WSP_CONVERGENCE_COPIES) ? copy_laptop (run, laptop, error) : TRUE;
  if (roll < 96)
    return (run->events & WSP_CONVERGENCE_NEW_KEYS) ? new_key (run, laptop, error) : TRUE;
  return (run->events & WSP_CONVERGENCE_HOSTILE) ? hostile (run, error) : TRUE;
}

/* Everyone exchanges full packets with everyone, until nothing is new. */
static gboolean
settle (Run     *run,
        GError **error)
{
  Bits all = { 0 };
  g_autofree char *first = NULL;

  for (guint round = 0; round < 8; round++)
    {
      gboolean news = FALSE;

      run->stats->rounds++;
      for (guint i = 0; i < run->laptops->len; i++)
        for (guint j = 0; j < run->laptops->len; j++)
          {
            g_autoptr (GError) local_error = NULL;
            g_auto (WspImportReport) report = { 0 };
            g_autoptr (GBytes) bytes = NULL;
            Laptop *to = LAPTOP (run, j);

            if (i == j)
              continue;
            bytes = wsp_sync_build_packet (LAPTOP (run, i)->store, NULL, TRUE, NULL, &local_error);
            if (bytes == NULL)
              return failed (run, error, local_error, "making a packet at the end");
            if (!wsp_sync_import_bytes (to->store, bytes, WSP_IMPORT_TRUST_NEW | WSP_IMPORT_ACCEPT_NEW_KEY, &report,
                                        &local_error))
              {
                trace (run, "at the end laptop %u refuses laptop %u's packet: %s", j, i, local_error->message);
                /* A laptop's new key is accepted from that laptop's own file first. */
                if (g_error_matches (local_error, WSP_STORE_ERROR, WSP_STORE_ERROR_UNKNOWN_KEY))
                  {
                    news = TRUE;
                    continue;
                  }
                if (g_error_matches (local_error, WSP_SYNC_ERROR, WSP_SYNC_ERROR_OWN_PACKET))
                  continue;
                if (same_laptop_id (run, i, j) && g_error_matches (local_error, WSP_SYNC_ERROR,
                                                                   WSP_SYNC_ERROR_BAD_SIGNATURE))
                  {
                    news = TRUE;
                    continue;
                  }
                return failed (run, error, local_error, "importing a packet at the end");
              }
            if (report.stats.held_for_key > 0)
              {
                trace (run, "at the end laptop %u keeps %u of laptop %u's changes aside for a key", j,
                       report.stats.held_for_key, i);
                news = TRUE;
                continue;
              }
            bits_or (to->known, LAPTOP (run, i)->known);
            news |= report.stats.added > 0 || report.stats.new_identity || report.stats.renumbered;
            run->stats->new_identities += report.stats.new_identity;
          }
      if (!news)
        break;
    }

  for (guint i = 0; i < run->laptops->len; i++)
    bits_or (&all, LAPTOP (run, i)->known);
  for (guint i = 0; i < run->laptops->len; i++)
    {
      g_autoptr (GError) local_error = NULL;
      g_autofree char *seen = NULL;

      if (!bits_equal (LAPTOP (run, i)->known, &all))
        return fail (run, error, WSP_CONVERGENCE_ERROR_DIVERGED,
                     "after %u rounds laptop %u still lacks writes the others hold", run->stats->rounds, i);
      if (!check_laptop (run, i, error))
        return FALSE;
      if (!wsp_store_check (LAPTOP (run, i)->store, &local_error))
        return fail (run, error, WSP_CONVERGENCE_ERROR_DAMAGED, "laptop %u: %s", i, local_error->message);
      seen = seen_on (run, i);
      if (first == NULL)
        first = g_steal_pointer (&seen);
      else if (strcmp (first, seen) != 0)
        return fail (run, error, WSP_CONVERGENCE_ERROR_DIVERGED,
                     "after everyone exchanged, laptop %u shows other values or conflicts than laptop 0", i);
    }
  return TRUE;
}

WspConvergenceEvents
wsp_convergence_events_for_seed (guint32 seed)
{
  switch (seed % 3)
    {
    case 0:
      return 0;
    case 1:
      return WSP_CONVERGENCE_RESTORES | WSP_CONVERGENCE_COPIES | WSP_CONVERGENCE_HOSTILE;
    default:
      return WSP_CONVERGENCE_NEW_KEYS | WSP_CONVERGENCE_COPIES | WSP_CONVERGENCE_HOSTILE;
    }
}

char *
wsp_convergence_make_folder (GError **error)
{
  const char *base = g_getenv ("WSP_CONVERGENCE_TMPDIR");
  g_autofree char *template = NULL;

  if (base == NULL && g_file_test ("/dev/shm", G_FILE_TEST_IS_DIR) && g_access ("/dev/shm", W_OK) == 0)
    base = "/dev/shm";
  if (base == NULL)
    return g_dir_make_tmp ("wsp-convergence-XXXXXX", error);
  template = g_build_filename (base, "wsp-convergence-XXXXXX", NULL);
  if (g_mkdtemp (template) == NULL)
    {
      int saved = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved), "Could not make a folder in %s: %s", base,
                   g_strerror (saved));
      return NULL;
    }
  return g_steal_pointer (&template);
}

gboolean
wsp_convergence_run (guint32               seed,
                     guint                 laptops,
                     guint                 steps,
                     WspConvergenceEvents  events,
                     WspConvergenceStats  *stats,
                     GError              **error)
{
  g_auto (Run) run = { 0 };
  WspConvergenceStats local_stats = { 0 };
  g_autoptr (GError) local_error = NULL;
  gint64 started = g_get_monotonic_time ();
  gboolean ok = TRUE;

  g_return_val_if_fail (laptops >= 2 && laptops <= MAX_LAPTOPS, FALSE);

  run.seed = seed;
  run.rand = g_rand_new_with_seed (seed);
  run.events = events;
  run.stats = stats != NULL ? stats : &local_stats;
  memset (run.stats, 0, sizeof *run.stats);
  run.trace = g_getenv ("WSP_CONVERGENCE_TRACE") != NULL;
  run.laptops = g_ptr_array_new_with_free_func (laptop_free);
  run.writes = g_ptr_array_new_with_free_func (write_free);
  run.records = g_ptr_array_new_with_free_func (record_free);
  run.mail = g_ptr_array_new_with_free_func (mail_free);
  run.dir = wsp_convergence_make_folder (&local_error);
  if (run.dir == NULL)
    return failed (&run, error, local_error, "making a temporary folder");

  for (guint i = 0; i < laptops && ok; i++)
    {
      Laptop *l = g_new0 (Laptop, 1);
      g_autofree char *name = g_strdup_printf ("Laptop %c", 'A' + i);

      l->path = new_file (&run, "laptop");
      l->guard = g_build_filename (run.dir, "computers", l->path + strlen (run.dir) + 1, NULL);
      l->known = g_new0 (Bits, 1);
      l->backups = g_ptr_array_new_with_free_func (backup_free);
      g_ptr_array_add (run.laptops, l);
      ok = open_laptop (&run, l, error) && wsp_sync_set_laptop_name (l->store, name, NULL);
    }
  for (run.step = 1; ok && run.step <= steps && run.writes->len + 16 < MAX_WRITES; run.step++)
    ok = step (&run, error);
  if (ok)
    ok = settle (&run, error);
  run.stats->records = run.records->len;
  run.stats->seconds = (g_get_monotonic_time () - started) / 1e6;
  return ok;
}
