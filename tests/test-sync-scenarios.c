/* test-sync-scenarios.c — what broke sync before, each as it happens to the
 * secretaries: lost writes, a jammed laptop, a trusted laptop doing what it
 * should not, the same organisation twice
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "wsp-test-util.h"

#include <glib/gstdio.h>
#include <string.h>

#include "base/wsp-json.h"
#include "demo/wsp-demo.h"
#include "domain/wsp-identity.h"
#include "import/wsp-csv-import.h"
#include "records/wsp-records-members.h"
#include "records/wsp-records-votes.h"
#include "store/wsp-store-private.h" /* only to forge a file as a hostile laptop would */
#include "sync/wsp-sync.h"

typedef struct
{
  char     *dir;
  WspStore *a;
  WspStore *b;
  WspStore *c;
} Fixture;

static WspStore *
open_laptop (Fixture    *f,
             const char *name)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autofree char *guard = g_build_filename (f->dir, "computers", name, NULL);
  g_autoptr (GError) error = NULL;
  WspStore *store = wsp_store_open_full (path, guard, &error);

  g_assert_no_error (error);
  g_assert_true (wsp_sync_set_laptop_name (store, name, &error));
  return store;
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->dir = g_dir_make_tmp ("wsp-scenarios-XXXXXX", NULL);
  f->a = open_laptop (f, "a");
  f->b = open_laptop (f, "b");
  f->c = open_laptop (f, "c");
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->a);
  g_clear_object (&f->b);
  g_clear_object (&f->c);
  wsp_test_remove_tree (f->dir);
  g_free (f->dir);
}

/* A file from @from imported on @to, as a person who compared the
 * fingerprint does. */
static void
send (WspStore *from, WspStore *to)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = wsp_sync_build_packet (from, NULL, TRUE, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (wsp_sync_import_bytes (to, bytes, WSP_IMPORT_TRUST_NEW, NULL, &error));
  g_assert_no_error (error);
}

static char *
create_org (WspStore *store, const char *name, const char *krs)
{
  g_autoptr (WspRecord) org = WSP_RECORD (wsp_organisation_new ());
  g_autoptr (GError) error = NULL;

  wsp_record_set_string (org, "name", name);
  wsp_record_set_string (org, "krs", krs);
  g_assert_true (wsp_store_save (store, org, &error));
  g_assert_no_error (error);
  return g_strdup (wsp_record_get_id (org));
}

static void
edit (WspStore *store, const char *id, const char *field, const char *value)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WspRecord) r = wsp_store_get (store, id, &error);

  g_assert_no_error (error);
  wsp_record_set_string (r, field, value);
  g_assert_true (wsp_store_save (store, r, &error));
  g_assert_no_error (error);
}

static char *
shown (WspStore *store, const char *id, const char *field)
{
  g_autoptr (WspRecord) r = wsp_store_get (store, id, NULL);

  g_assert_nonnull (r);
  return g_strdup (wsp_record_get_string (r, field));
}

static gboolean
in_conflict (WspStore *store, const char *id)
{
  g_autoptr (WspRecord) r = wsp_store_get (store, id, NULL);

  return r != NULL && wsp_record_get_conflicted (r);
}

/* Three laptops; B sets a field back to its earlier value after seeing A's
 * change, while A and C edit other fields: B's value stands everywhere. */
static void
test_set_back (Fixture *f, gconstpointer data)
{
  g_autofree char *id = create_org (f->a, "Stowarzyszenie Cofnięte", NULL);
  WspStore *all[] = { f->a, f->b, f->c };

  edit (f->a, id, "phone", "111");
  send (f->a, f->b);
  send (f->a, f->c);
  edit (f->a, id, "phone", "222");
  send (f->a, f->b);
  edit (f->b, id, "phone", "111"); /* back to what it was, having seen 222 */
  edit (f->a, id, "notes", "A");
  edit (f->c, id, "website", "c.example");
  for (guint round = 0; round < 2; round++)
    for (guint i = 0; i < 3; i++)
      for (guint j = 0; j < 3; j++)
        if (i != j)
          send (all[i], all[j]);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *phone = shown (all[i], id, "phone");
      g_autofree char *notes = shown (all[i], id, "notes");
      g_autofree char *website = shown (all[i], id, "website");

      g_assert_cmpstr (phone, ==, "111");
      g_assert_cmpstr (notes, ==, "A");
      g_assert_cmpstr (website, ==, "c.example");
      g_assert_false (in_conflict (all[i], id));
    }
}

/* An edit of another field while a conflict is open is kept, here and on
 * the other laptop, and the conflict stays for a person. */
static void
test_edit_during_conflict (Fixture *f, gconstpointer data)
{
  g_autofree char *id = create_org (f->a, "Fundacja w Sporze", NULL);
  g_autofree char *notes = NULL;

  send (f->a, f->b);
  edit (f->a, id, "phone", "1");
  edit (f->b, id, "phone", "2");
  send (f->b, f->a);
  g_assert_true (in_conflict (f->a, id));
  edit (f->a, id, "notes", "zapisane w trakcie sporu");
  notes = shown (f->a, id, "notes");
  g_assert_cmpstr (notes, ==, "zapisane w trakcie sporu");
  g_assert_true (in_conflict (f->a, id));
  send (f->a, f->b);
  g_clear_pointer (&notes, g_free);
  notes = shown (f->b, id, "notes");
  g_assert_cmpstr (notes, ==, "zapisane w trakcie sporu");
  g_assert_true (in_conflict (f->b, id));
}

/* A laptop restored from a backup: nothing jams; what it made after the
 * backup comes back; a record it deleted after the backup stays deleted;
 * what it makes now reaches the others. */
static void
test_restored_backup (Fixture *f, gconstpointer data)
{
  g_autofree char *kept = create_org (f->a, "Przed Kopią", NULL);
  g_autofree char *backup = g_build_filename (f->dir, "a-backup.sqlite3", NULL);
  g_autofree char *path = g_strdup (wsp_database_get_path (wsp_store_get_database (f->a)));
  g_autofree char *after = NULL;
  g_autofree char *now = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *sql = g_strdup_printf ("VACUUM INTO '%s'", backup);

  send (f->a, f->b);
  g_assert_true (wsp_database_exec (wsp_store_get_database (f->a), sql, &error));
  after = create_org (f->a, "Po Kopii", NULL);
  {
    g_autoptr (WspRecord) r = wsp_store_get (f->a, kept, NULL);
    g_assert_true (wsp_store_delete (f->a, r, &error));
  }
  send (f->a, f->b);

  /* The backup back in place. */
  g_clear_object (&f->a);
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);
    g_autoptr (GFile) from = g_file_new_for_path (backup);
    g_autoptr (GFile) to = g_file_new_for_path (path);

    g_unlink (wal);
    g_unlink (shm);
    g_assert_true (g_file_copy (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error));
  }
  f->a = open_laptop (f, "a");
  g_assert_cmpint (wsp_store_get_notice (f->a), ==, WSP_STORE_NOTICE_RESTORED);
  g_assert_null (wsp_store_get (f->a, after, NULL));

  now = create_org (f->a, "Po Przywróceniu", NULL);
  send (f->a, f->b);
  send (f->b, f->a);
  {
    g_autoptr (WspRecord) back = wsp_store_get (f->a, after, NULL);
    g_autoptr (WspRecord) there = wsp_store_get (f->b, now, NULL);

    g_assert_nonnull (back);
    g_assert_nonnull (there);
  }
  g_assert_null (wsp_store_get (f->a, kept, NULL));
  g_assert_null (wsp_store_get (f->b, kept, NULL));
  g_assert_true (wsp_store_check (f->a, &error));
  g_assert_true (wsp_store_check (f->b, &error));
}

/* A database copied to a second computer, both going on: the copy is
 * found out at its first exchange and becomes a laptop of its own. */
static void
test_copied_database (Fixture *f, gconstpointer data)
{
  g_autofree char *first = create_org (f->a, "Wspólna", NULL);
  g_autofree char *copy_path = g_build_filename (f->dir, "copy", NULL);
  g_autofree char *sql = g_strdup_printf ("VACUUM INTO '%s'", copy_path);
  g_autoptr (WspStore) copy = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (WspImportReport) report = { 0 };
  g_autofree char *on_a = NULL, *on_copy = NULL;
  g_autoptr (GBytes) bytes = NULL;

  g_assert_true (wsp_database_exec (wsp_store_get_database (f->a), sql, &error));
  copy = open_laptop (f, "copy");
  g_assert_cmpint (wsp_store_get_notice (copy), ==, WSP_STORE_NOTICE_MOVED);
  g_assert_cmpstr (wsp_store_get_peer_id (copy), ==, wsp_store_get_peer_id (f->a));
  on_a = create_org (f->a, "Tylko na A", NULL);
  on_copy = create_org (copy, "Tylko na kopii", NULL);

  bytes = wsp_sync_build_packet (copy, NULL, TRUE, NULL, &error);
  g_assert_true (wsp_sync_import_bytes (f->a, bytes, WSP_IMPORT_DEFAULT, &report, &error));
  g_assert_no_error (error);
  g_assert_true (report.stats.new_identity);
  g_assert_cmpstr (wsp_store_get_peer_id (copy), !=, wsp_store_get_peer_id (f->a));
  send (f->a, copy);
  send (copy, f->a);
  {
    g_autoptr (WspRecord) x = wsp_store_get (f->a, on_copy, NULL);
    g_autoptr (WspRecord) y = wsp_store_get (copy, on_a, NULL);

    g_assert_nonnull (x);
    g_assert_nonnull (y);
  }
}

/* A known laptop with a new key: refused until a person accepts it; then
 * its files are taken, and what it signed before stays valid. */
static void
test_new_key (Fixture *f, gconstpointer data)
{
  g_autofree char *id = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (WspImportReport) report = { 0 };

  g_free (create_org (f->a, "Przed Kluczem", NULL));
  send (f->a, f->b);
  g_assert_true (wsp_store_replace_key (f->a, &error));
  id = create_org (f->a, "Po Kluczu", NULL);
  bytes = wsp_sync_build_packet (f->a, NULL, TRUE, NULL, &error);
  g_assert_false (wsp_sync_import_bytes (f->b, bytes, WSP_IMPORT_DEFAULT, NULL, &error));
  g_assert_error (error, WSP_SYNC_ERROR, WSP_SYNC_ERROR_CHANGED_KEY);
  g_clear_error (&error);
  g_assert_null (wsp_store_get (f->b, id, NULL));
  g_assert_true (wsp_sync_import_bytes (f->b, bytes, WSP_IMPORT_DRY_RUN, &report, &error));
  g_assert_true (report.key_changed);
  g_assert_true (wsp_sync_import_bytes (f->b, bytes, WSP_IMPORT_ACCEPT_NEW_KEY, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (wsp_store_get (f->b, id, NULL));
  /* C gets A's changes through B, both keys' worth. */
  send (f->b, f->c);
  g_assert_nonnull (wsp_store_get (f->c, id, NULL));
}

/* ---- a trusted laptop that does what it should not ------------------------ */

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

/* @lines with @change (in @store's own stream, headed and signed as its
 * laptop can) in place of everything but the header, signed at the end. */
static GBytes *
forge (WspStore *store, GPtrArray *honest, JsonObject *change)
{
  g_autoptr (GChecksum) digest = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr (GString) out = g_string_new (NULL);
  g_autoptr (JsonObject) head = json_object_new ();
  g_autoptr (JsonObject) author = json_object_new ();
  g_autoptr (GPtrArray) parents = g_ptr_array_new ();
  JsonArray *parent_list = json_object_get_array_member (change, "parents");
  g_autofree char *parents_text = NULL;
  g_autofree char *sets_text = wsp_json_object_canonical (json_object_get_object_member (change, "sets"));
  g_autofree char *rev = NULL;
  g_autofree char *chain = NULL;
  g_autofree char *text = NULL;
  g_autofree char *key_hex = NULL;
  g_autofree char *sig_hex = NULL;
  g_autofree char *end_text = NULL;
  const char *lines[1];
  guint8 sig[WSP_SIGNATURE_SIZE];
  gint64 seq = store->stream_seq + 1;
  WspKeyPair pair;

  for (guint i = 0; i < json_array_get_length (parent_list); i++)
    g_ptr_array_add (parents, (gpointer) json_array_get_string_element (parent_list, i));
  g_ptr_array_sort (parents, wsp_store_compare_strings);
  g_ptr_array_add (parents, NULL);
  parents_text = wsp_store_parents_text ((const char * const *) parents->pdata);
  rev = wsp_store_change_id (json_object_get_string_member (change, "entity"),
                             json_object_get_string_member (change, "record"),
                             json_object_get_int_member (change, "gen"), parents_text, sets_text);
  g_assert_true (wsp_store_get_keys (store, &pair, NULL));
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

  lines[0] = g_ptr_array_index (honest, 0);
  {
    g_autofree char *a = wsp_json_object_canonical (author);
    g_autofree char *h = wsp_json_object_canonical (head);
    g_autofree char *c = wsp_json_object_canonical (change);
    const char *all[] = { lines[0], a, h, c };

    for (guint i = 0; i < G_N_ELEMENTS (all); i++)
      {
        g_string_append (out, all[i]);
        g_string_append_c (out, '\n');
        g_checksum_update (digest, (const guchar *) all[i], -1);
        g_checksum_update (digest, (const guchar *) "\n", 1);
      }
  }
  end_text = g_strconcat ("wspolnie-packet-end\n", g_checksum_get_string (digest), NULL);
  wsp_keys_sign (&pair, (const guint8 *) end_text, strlen (end_text), sig);
  g_free (sig_hex);
  sig_hex = wsp_keys_to_hex (sig, WSP_SIGNATURE_SIZE);
  g_string_append_printf (out, "{\"end\":{\"digest\":\"%s\",\"items\":3,\"signature\":\"%s\"}}\n",
                          g_checksum_get_string (digest), sig_hex);
  return g_string_free_to_bytes (g_steal_pointer (&out));
}

/* The newest change of @record held on @store, as it travels. */
static JsonObject *
change_of (WspStore *store, const char *record)
{
  g_autoptr (JsonArray) items = wsp_store_dup_revisions (store, NULL, NULL);
  JsonObject *found = NULL;

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *o = json_array_get_object_element (items, i);

      if (json_object_has_member (o, "rev") && g_strcmp0 (json_object_get_string_member (o, "record"), record) == 0)
        {
          g_clear_pointer (&found, json_object_unref);
          found = json_object_ref (o);
        }
    }
  g_assert_nonnull (found);
  return found;
}

static void
expect_refused (WspStore *to, GBytes *bytes, GQuark domain, int code, const char *what)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonArray) before = wsp_store_dup_revisions (to, NULL, NULL);
  g_autoptr (JsonArray) after = NULL;

  g_test_message ("%s", what);
  g_assert_false (wsp_sync_import_bytes (to, bytes, WSP_IMPORT_DEFAULT, NULL, &error));
  g_assert_error (error, domain, code);
  after = wsp_store_dup_revisions (to, NULL, NULL);
  g_assert_cmpuint (json_array_get_length (before), ==, json_array_get_length (after));
}

static void
test_hostile (Fixture *f, gconstpointer data)
{
  g_autoptr (WspRecord) vote = WSP_RECORD (wsp_vote_new ());
  g_autofree char *ballot = g_uuid_string_random ();
  g_autofree char *seat = g_uuid_string_random ();
  g_autofree char *org = create_org (f->a, "Cudza", NULL);
  g_autofree char *other = create_org (f->a, "Inna", NULL);
  g_autoptr (GBytes) honest = NULL;
  g_autoptr (GPtrArray) lines = NULL;
  g_autoptr (GError) error = NULL;

  wsp_record_set_string (vote, "ballot_id", ballot);
  wsp_record_set_string (vote, "seat_id", seat);
  wsp_record_set_string (vote, "choice", "for");
  g_assert_true (wsp_store_save (f->a, vote, &error));
  send (f->a, f->b); /* B, trusted by C, turns hostile */
  send (f->a, f->c);
  send (f->b, f->c);
  honest = wsp_sync_build_packet (f->b, NULL, TRUE, NULL, &error);
  lines = lines_of (honest);

  /* A vote rewritten. */
  {
    g_autoptr (JsonObject) was = change_of (f->b, wsp_record_get_id (vote));
    g_autoptr (JsonObject) change = json_object_new ();
    g_autoptr (JsonArray) parents = json_array_new ();
    g_autoptr (JsonObject) sets = json_object_new ();
    g_autoptr (GBytes) bytes = NULL;

    json_object_set_string_member (change, "entity", "vote");
    json_object_set_string_member (change, "record", wsp_record_get_id (vote));
    json_object_set_int_member (change, "gen", 2);
    json_array_add_string_element (parents, json_object_get_string_member (was, "rev"));
    json_object_set_array_member (change, "parents", g_steal_pointer (&parents));
    json_object_set_string_member (sets, "choice", "against");
    json_object_set_object_member (change, "sets", g_steal_pointer (&sets));
    bytes = forge (f->b, lines, change);
    expect_refused (f->c, bytes, WSP_STORE_ERROR, WSP_STORE_ERROR_DAMAGED, "a vote rewritten");
  }
  /* A vote deleted. */
  {
    g_autoptr (JsonObject) was = change_of (f->b, wsp_record_get_id (vote));
    g_autoptr (JsonObject) change = json_object_new ();
    g_autoptr (JsonArray) parents = json_array_new ();
    g_autoptr (JsonObject) sets = json_object_new ();
    g_autoptr (GBytes) bytes = NULL;

    json_object_set_string_member (change, "entity", "vote");
    json_object_set_string_member (change, "record", wsp_record_get_id (vote));
    json_object_set_int_member (change, "gen", 2);
    json_array_add_string_element (parents, json_object_get_string_member (was, "rev"));
    json_object_set_array_member (change, "parents", g_steal_pointer (&parents));
    json_object_set_boolean_member (sets, "_deleted", TRUE);
    json_object_set_object_member (change, "sets", g_steal_pointer (&sets));
    bytes = forge (f->b, lines, change);
    expect_refused (f->c, bytes, WSP_STORE_ERROR, WSP_STORE_ERROR_DAMAGED, "a vote deleted");
  }
  /* A generation of 2^31 − 1, and a parent of another record. */
  {
    g_autoptr (JsonObject) was = change_of (f->b, org);
    g_autoptr (JsonObject) of_other = change_of (f->b, other);
    const char *parent[] = { json_object_get_string_member (was, "rev"),
                             json_object_get_string_member (of_other, "rev") };
    const gint64 gen[] = { G_MAXINT32, 2 };

    for (guint i = 0; i < 2; i++)
      {
        g_autoptr (JsonObject) change = json_object_new ();
        g_autoptr (JsonArray) parents = json_array_new ();
        g_autoptr (JsonObject) sets = json_object_new ();
        g_autoptr (GBytes) bytes = NULL;

        json_object_set_string_member (change, "entity", "organisation");
        json_object_set_string_member (change, "record", org);
        json_object_set_int_member (change, "gen", gen[i]);
        json_array_add_string_element (parents, parent[i]);
        json_object_set_array_member (change, "parents", g_steal_pointer (&parents));
        json_object_set_string_member (sets, "notes", "podrzucone");
        json_object_set_object_member (change, "sets", g_steal_pointer (&sets));
        bytes = forge (f->b, lines, change);
        expect_refused (f->c, bytes, WSP_STORE_ERROR, WSP_STORE_ERROR_DAMAGED,
                        i == 0 ? "a generation of 2^31 - 1" : "a parent of another record");
      }
  }
  /* A value of the wrong kind. */
  {
    g_autoptr (JsonObject) was = change_of (f->b, org);
    g_autoptr (JsonObject) change = json_object_new ();
    g_autoptr (JsonArray) parents = json_array_new ();
    g_autoptr (JsonObject) sets = json_object_new ();
    g_autoptr (GBytes) bytes = NULL;

    json_object_set_string_member (change, "entity", "organisation");
    json_object_set_string_member (change, "record", org);
    json_object_set_int_member (change, "gen", json_object_get_int_member (was, "gen") + 1);
    json_array_add_string_element (parents, json_object_get_string_member (was, "rev"));
    json_object_set_array_member (change, "parents", g_steal_pointer (&parents));
    json_object_set_int_member (sets, "name", 42);
    json_object_set_object_member (change, "sets", g_steal_pointer (&sets));
    bytes = forge (f->b, lines, change);
    expect_refused (f->c, bytes, WSP_STORE_ERROR, WSP_STORE_ERROR_DAMAGED, "a number for a name");
  }
  /* A change put under A's name: A never signed it. */
  {
    g_autoptr (JsonObject) was = change_of (f->b, org);
    GString *text = g_string_new (NULL);
    g_autoptr (GBytes) bytes = NULL;

    for (guint i = 0; i + 1 < lines->len; i++)
      {
        const char *line = g_ptr_array_index (lines, i);

        if (strstr (line, json_object_get_string_member (was, "rev")) != NULL && strstr (line, "\"sets\"") != NULL)
          {
            g_autoptr (JsonNode) node = json_from_string (line, NULL);
            JsonObject *c = json_node_get_object (node);
            g_autofree char *again = NULL;

            json_object_set_string_member (json_object_get_object_member (c, "sets"), "notes", "pod cudzym imieniem");
            {
              g_autoptr (GPtrArray) parents = g_ptr_array_new ();
              JsonArray *pl = json_object_get_array_member (c, "parents");
              g_autofree char *pt = NULL;
              g_autofree char *st = wsp_json_object_canonical (json_object_get_object_member (c, "sets"));

              for (guint j = 0; j < json_array_get_length (pl); j++)
                g_ptr_array_add (parents, (gpointer) json_array_get_string_element (pl, j));
              g_ptr_array_add (parents, NULL);
              pt = wsp_store_parents_text ((const char * const *) parents->pdata);
              {
                g_autofree char *rev = wsp_store_change_id ("organisation", org, json_object_get_int_member (c, "gen"),
                                                            pt, st);
                json_object_set_string_member (c, "rev", rev);
              }
            }
            again = wsp_json_object_canonical (c);
            g_free (g_ptr_array_index (lines, i));
            g_ptr_array_index (lines, i) = g_steal_pointer (&again);
          }
      }
    g_string_free (text, TRUE);
    {
      g_autoptr (GChecksum) digest = g_checksum_new (G_CHECKSUM_SHA256);
      g_autoptr (GString) out = g_string_new (NULL);
      g_autofree char *end_text = NULL;
      g_autofree char *sig_hex = NULL;
      guint8 sig[WSP_SIGNATURE_SIZE];
      WspKeyPair pair;

      g_assert_true (wsp_store_get_keys (f->b, &pair, NULL));
      for (guint i = 0; i + 1 < lines->len; i++)
        {
          g_string_append_printf (out, "%s\n", (const char *) g_ptr_array_index (lines, i));
          g_checksum_update (digest, (const guchar *) g_ptr_array_index (lines, i), -1);
          g_checksum_update (digest, (const guchar *) "\n", 1);
        }
      end_text = g_strconcat ("wspolnie-packet-end\n", g_checksum_get_string (digest), NULL);
      wsp_keys_sign (&pair, (const guint8 *) end_text, strlen (end_text), sig);
      sig_hex = wsp_keys_to_hex (sig, WSP_SIGNATURE_SIZE);
      g_string_append_printf (out, "{\"end\":{\"digest\":\"%s\",\"items\":0,\"signature\":\"%s\"}}\n",
                              g_checksum_get_string (digest), sig_hex);
      bytes = g_string_free_to_bytes (g_steal_pointer (&out));
    }
    expect_refused (f->c, bytes, WSP_STORE_ERROR, WSP_STORE_ERROR_FORGED, "a change A never signed");
  }
  /* After all that, B's honest files are still taken. */
  edit (f->b, org, "phone", "32 000 00 00");
  send (f->b, f->c);
  {
    g_autofree char *phone = shown (f->c, org, "phone");
    g_assert_cmpstr (phone, ==, "32 000 00 00");
  }
}

/* A revoked laptop's changes, passed on by a trusted one: kept aside, not
 * shown; the rest of the file is taken. */
static void
test_revoked_forwarded (Fixture *f, gconstpointer data)
{
  g_autofree char *from_a = NULL;
  g_autofree char *from_b = NULL;
  g_auto (WspImportReport) report = { 0 };
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;

  send (f->a, f->c);
  g_assert_true (wsp_sync_revoke_peer (f->c, wsp_store_get_peer_id (f->a), &error));
  from_a = create_org (f->a, "Od Odwołanego", NULL);
  send (f->a, f->b);
  from_b = create_org (f->b, "Od Zaufanego", NULL);
  bytes = wsp_sync_build_packet (f->b, NULL, TRUE, NULL, &error);
  g_assert_true (wsp_sync_import_bytes (f->c, bytes, WSP_IMPORT_TRUST_NEW, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.stats.held_aside, >=, 1);
  g_assert_null (wsp_store_get (f->c, from_a, NULL));
  g_assert_nonnull (wsp_store_get (f->c, from_b, NULL));
}

/* Text with control characters and a laptop name with markup and control
 * characters travel, and the name is shown clean. */
static void
test_odd_text (Fixture *f, gconstpointer data)
{
  g_autofree char *id = create_org (f->a, "Koło & Spółka", NULL);
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (WspImportReport) report = { 0 };
  g_autofree char *notes = NULL;

  edit (f->a, id, "notes", "a\x1f" "b\x07" "c");
  g_assert_true (wsp_sync_set_laptop_name (f->a, "Zły\x1b[31m & <b>laptop</b>\n", &error));
  bytes = wsp_sync_build_packet (f->a, NULL, TRUE, NULL, &error);
  g_assert_true (wsp_sync_import_bytes (f->b, bytes, WSP_IMPORT_TRUST_NEW, &report, &error));
  g_assert_no_error (error);
  notes = shown (f->b, id, "notes");
  g_assert_cmpstr (notes, ==, "a\x1f" "b\x07" "c");
  g_assert_null (strchr (report.sender_name, '\x1b'));
  g_assert_null (strchr (report.sender_name, '\n'));
  g_assert_nonnull (strstr (report.sender_name, "& <b>laptop</b>"));
}

/* A delta made for one laptop and imported by another is refused, with a
 * message that says what to do. */
static void
test_delta_for_another (Fixture *f, gconstpointer data)
{
  g_autoptr (GBytes) delta = NULL;
  g_autoptr (GError) error = NULL;

  g_free (create_org (f->a, "Dla B", NULL));
  send (f->a, f->b);
  send (f->b, f->a);
  send (f->a, f->c);
  g_free (create_org (f->a, "Tylko nowe", NULL));
  delta = wsp_sync_build_packet (f->a, wsp_store_get_peer_id (f->b), FALSE, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (wsp_sync_import_bytes (f->c, delta, WSP_IMPORT_DEFAULT, NULL, &error));
  g_assert_error (error, WSP_SYNC_ERROR, WSP_SYNC_ERROR_WRONG_RECIPIENT);
  g_assert_nonnull (strstr (error->message, "full export"));
}

/* A late old packet does not roll the sender's name back. */
static void
test_late_packet (Fixture *f, gconstpointer data)
{
  g_autoptr (GBytes) old = NULL;
  g_autoptr (GBytes) newer = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) peers = NULL;

  g_free (create_org (f->a, "Stara", NULL));
  old = wsp_sync_build_packet (f->a, NULL, TRUE, NULL, &error);
  g_assert_true (wsp_sync_set_laptop_name (f->a, "Nowa nazwa", &error));
  g_free (create_org (f->a, "Nowa", NULL));
  newer = wsp_sync_build_packet (f->a, NULL, TRUE, NULL, &error);
  g_assert_true (wsp_sync_import_bytes (f->b, newer, WSP_IMPORT_TRUST_NEW, NULL, &error));
  g_assert_true (wsp_sync_import_bytes (f->b, old, WSP_IMPORT_DEFAULT, NULL, &error));
  peers = wsp_sync_dup_peers (f->b, &error);
  g_assert_cmpuint (peers->len, ==, 1);
  g_assert_cmpstr (((WspPeer *) g_ptr_array_index (peers, 0))->name, ==, "Nowa nazwa");
}

/* Two laptops set up separately from the same register: the exchange finds
 * the same organisations and people, and merged they are one each, with
 * the people's organisations following. */
static void
test_same_organisations (Fixture *f, gconstpointer data)
{
  const char *csv = "nazwa;krs;email\n"
                    "Stowarzyszenie Pierwsze;0000111111;\n"
                    "Fundacja Druga;0000222222;\n"
                    "Klub Trzeci;0000333333;\n";
  WspStore *laptops[] = { f->a, f->b };
  g_auto (WspImportReport) report = { 0 };
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *person = NULL;
  guint merged = 0;

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr (GBytes) text = g_bytes_new_static (csv, strlen (csv));
      g_autoptr (WspCsvTable) table = wsp_csv_table_parse (text, &error);
      g_auto (WspCsvImportReport) csv_report = { 0 };
      WspCsvField mapping[8] = { 0 };

      g_assert_no_error (error);
      wsp_csv_guess_mapping (table, mapping);
      g_assert_true (wsp_csv_import (laptops[i], table, mapping, &csv_report, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (csv_report.added, ==, 3);
    }
  /* A person on B, of B's copy of the first organisation. */
  {
    g_autoptr (GPtrArray) orgs = g_ptr_array_new_with_free_func (g_object_unref);
    g_autoptr (WspRecord) p = WSP_RECORD (wsp_person_new ());
    g_autoptr (JsonArray) list = json_array_new ();

    g_assert_true (wsp_store_query (f->b, WSP_TYPE_ORGANISATION, "krs", "0000111111", orgs, &error));
    g_assert_cmpuint (orgs->len, ==, 1);
    wsp_record_set_string (p, "name", "Anna Przykładowa");
    json_array_add_string_element (list, wsp_record_get_id (g_ptr_array_index (orgs, 0)));
    wsp_record_set_value (p, "organisations", json_node_init_array (json_node_alloc (), list));
    g_assert_true (wsp_store_save (f->b, p, &error));
    person = g_strdup (wsp_record_get_id (p));
  }

  bytes = wsp_sync_build_packet (f->b, NULL, TRUE, NULL, &error);
  g_assert_true (wsp_sync_import_bytes (f->a, bytes, WSP_IMPORT_DRY_RUN, &report, &error));
  g_assert_cmpuint (report.same->len, ==, 3);
  g_assert_cmpuint (wsp_store_count (f->a, WSP_TYPE_ORGANISATION), ==, 3);
  wsp_import_report_clear (&report);

  g_assert_true (wsp_sync_import_bytes (f->a, bytes, WSP_IMPORT_TRUST_NEW, &report, &error));
  g_assert_cmpuint (report.same->len, ==, 3);
  g_assert_cmpuint (wsp_store_count (f->a, WSP_TYPE_ORGANISATION), ==, 6);
  g_assert_true (wsp_identity_merge_all (f->a, report.same, &merged, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (merged, ==, 3);
  g_assert_cmpuint (wsp_store_count (f->a, WSP_TYPE_ORGANISATION), ==, 3);

  /* The merge travels: B ends with three, and its person names the one
   * that stayed. */
  send (f->a, f->b);
  g_assert_cmpuint (wsp_store_count (f->b, WSP_TYPE_ORGANISATION), ==, 3);
  {
    g_autoptr (WspRecord) p = wsp_store_get (f->b, person, &error);
    JsonArray *orgs = json_object_get_array_member (wsp_record_get_values (p), "organisations");
    g_autoptr (WspRecord) org = wsp_store_get (f->b, json_array_get_string_element (orgs, 0), &error);

    g_assert_cmpuint (json_array_get_length (orgs), ==, 1);
    g_assert_cmpstr (wsp_record_get_string (org, "krs"), ==, "0000111111");
    g_assert_cmpstr (wsp_record_get_id (org), ==, json_array_get_string_element (orgs, 0));
  }
}

/* Two laptops that each start from the demo hold the same records. */
static void
test_two_demos (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  guint orgs, people;

  g_assert_true (wsp_demo_fill (f->a, &error));
  g_assert_true (wsp_demo_fill (f->b, &error));
  orgs = wsp_store_count (f->a, WSP_TYPE_ORGANISATION);
  people = wsp_store_count (f->a, WSP_TYPE_PERSON);
  send (f->a, f->b);
  send (f->b, f->a);
  g_assert_cmpuint (wsp_store_count (f->b, WSP_TYPE_ORGANISATION), ==, orgs);
  g_assert_cmpuint (wsp_store_count (f->b, WSP_TYPE_PERSON), ==, people);
  g_assert_cmpuint (wsp_store_count (f->a, WSP_TYPE_ORGANISATION), ==, orgs);
  g_assert_cmpuint (wsp_store_count_conflicts (f->a), ==, 0);
  g_assert_cmpuint (wsp_store_count_conflicts (f->b), ==, 0);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add ("/scenarios/" path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("set-back-to-earlier-value", test_set_back);
  ADD ("edit-during-conflict", test_edit_during_conflict);
  ADD ("restored-backup", test_restored_backup);
  ADD ("copied-database", test_copied_database);
  ADD ("new-key", test_new_key);
  ADD ("hostile-trusted-laptop", test_hostile);
  ADD ("revoked-laptop-forwarded", test_revoked_forwarded);
  ADD ("odd-text-and-names", test_odd_text);
  ADD ("delta-for-another-laptop", test_delta_for_another);
  ADD ("late-old-packet", test_late_packet);
  ADD ("same-organisations", test_same_organisations);
  ADD ("two-demo-laptops", test_two_demos);
#undef ADD

  return g_test_run ();
}
