/* test-sync.c — packet files: export, import, trust, refusals
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "wsp-test-util.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "base/wsp-json.h"
#include "records/wsp-records-members.h"
#include "records/wsp-records-votes.h"
#include "sync/wsp-sync.h"

typedef struct
{
  char     *dir;
  WspStore *a;
  WspStore *b;
} Fixture;


static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  f->dir = g_dir_make_tmp ("wsp-sync-XXXXXX", NULL);
  f->a = wsp_test_open_store (f->dir, "a.sqlite3");
  f->b = wsp_test_open_store (f->dir, "b.sqlite3");
  g_assert_true (wsp_sync_set_laptop_name (f->a, "Biuro NGO — laptop A", &error));
  g_assert_true (wsp_sync_set_laptop_name (f->b, "Sekretarz Rady", &error));
}


static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->a);
  g_clear_object (&f->b);
  wsp_test_remove_tree (f->dir);
  g_free (f->dir);
}

static char *
create_org (WspStore *store, const char *name)
{
  g_autoptr (WspRecord) org = WSP_RECORD (wsp_organisation_new ());
  g_autoptr (GError) error = NULL;

  wsp_record_set_string (org, "name", name);
  g_assert_true (wsp_store_save (store, org, &error));
  g_assert_no_error (error);
  return g_strdup (wsp_record_get_id (org));
}

static GBytes *
build (WspStore *store, const char *recipient, gboolean full)
{
  g_autoptr (GError) error = NULL;
  GBytes *bytes = wsp_sync_build_packet (store, recipient, full, NULL, &error);

  g_assert_no_error (error);
  return bytes;
}

/* A fingerprint of the whole logical state, to check that nothing changed. */
static char *
state (WspStore *store)
{
  g_autoptr (JsonArray) revs = wsp_store_dup_revisions (store, NULL, NULL);
  g_autoptr (JsonNode) node = json_node_init_array (json_node_alloc (), revs);
  g_autofree char *text = wsp_json_canonical (node);
  g_autoptr (GPtrArray) peers = wsp_sync_dup_peers (store, NULL);

  g_autofree char *digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);

  return g_strdup_printf ("%s|%u|%u", digest, peers->len,
                          wsp_store_count_conflicts (store));
}

static void
test_export_import_round_trip (Fixture *f, gconstpointer data)
{
  g_autofree char *id = create_org (f->a, "Stowarzyszenie Zielone Zagłębie");
  g_autofree char *out = g_build_filename (f->dir, "out", NULL);
  g_auto (WspExportReport) exported = { 0 };
  g_auto (WspImportReport) report = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (WspRecord) copy = NULL;
  g_autofree char *fp_a = wsp_sync_dup_fingerprint (f->a, NULL);
  g_autofree char *base = NULL;
  GStatBuf st;

  g_assert_cmpint (g_mkdir (out, 0700), ==, 0);
  g_assert_true (wsp_sync_export (f->a, out, NULL, TRUE, &exported, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (exported.revisions, ==, 1);
  base = g_path_get_basename (exported.path);
  g_assert_true (g_str_has_prefix (base, "biuro-ngo-laptop-a-"));
  g_assert_true (g_str_has_suffix (base, WSP_PACKET_SUFFIX));
  g_assert_cmpint (g_stat (exported.path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* Unknown laptop: refused until a person has compared the fingerprint. */
  g_assert_false (wsp_sync_import_file (f->b, exported.path, WSP_IMPORT_DEFAULT, &report, &error));
  g_assert_error (error, WSP_SYNC_ERROR, WSP_SYNC_ERROR_UNKNOWN_LAPTOP);
  g_assert_nonnull (strstr (error->message, fp_a));
  g_assert_nonnull (strstr (error->message, "Biuro NGO"));
  g_clear_error (&error);
  g_assert_null (wsp_store_get (f->b, id, NULL));

  /* The preview says what would happen, and changes nothing. */
  g_assert_true (wsp_sync_import_file (f->b, exported.path, WSP_IMPORT_DRY_RUN, &report, &error));
  g_assert_true (report.new_laptop);
  g_assert_cmpuint (wsp_import_report_count (&report, "organisation", WSP_OUTCOME_NEW), ==, 1);
  /* …and names what it would bring, though nothing of it is kept. */
  g_assert_cmpstr (((WspOutcome *) g_ptr_array_index (report.outcomes, 0))->title, ==,
                   "Stowarzyszenie Zielone Zagłębie");
  g_assert_cmpstr (report.fingerprint, ==, fp_a);
  g_assert_null (wsp_store_get (f->b, id, NULL));
  wsp_import_report_clear (&report);

  g_assert_true (wsp_sync_import_file (f->b, exported.path, WSP_IMPORT_TRUST_NEW, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.stats.added, ==, 1);
  g_assert_cmpstr (report.sender_name, ==, "Biuro NGO — laptop A");
  copy = wsp_store_get (f->b, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (wsp_record_get_string (copy, "name"), ==, "Stowarzyszenie Zielone Zagłębie");
  wsp_import_report_clear (&report);

  /* Importing the same file again changes nothing. */
  {
    g_autofree char *before = state (f->b);
    g_autofree char *after = NULL;

    g_assert_true (wsp_sync_import_file (f->b, exported.path, WSP_IMPORT_DEFAULT, &report, &error));
    g_assert_true (report.already_imported);
    after = state (f->b);
    g_assert_cmpstr (before, ==, after);
  }

  /* The raw file is archived beside the database. */
  {
    g_autofree char *archive = g_build_filename (f->dir, "b.sqlite3.packets", NULL);
    g_autoptr (GDir) d = g_dir_open (archive, 0, NULL);
    g_assert_nonnull (d);
    g_assert_nonnull (g_dir_read_name (d));
  }
}

static void
test_delta_and_back (Fixture *f, gconstpointer data)
{
  g_autofree char *id = create_org (f->a, "Fundacja Delta");
  g_autoptr (GBytes) first = build (f->a, NULL, TRUE);
  g_autoptr (GBytes) reply = NULL;
  g_autoptr (GBytes) delta = NULL;
  g_auto (WspImportReport) report = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (WspRecord) on_b = NULL;
  g_autoptr (WspRecord) on_a = NULL;
  WspExportReport exported = { 0 };

  g_assert_true (wsp_sync_import_bytes (f->b, first, WSP_IMPORT_TRUST_NEW, NULL, &error));
  on_b = wsp_store_get (f->b, id, &error);
  wsp_record_set_string (on_b, "phone", "32 262 00 00");
  g_assert_true (wsp_store_save (f->b, on_b, &error));

  /* B answers with a delta for A: only what A is not known to hold. */
  reply = wsp_sync_build_packet (f->b, wsp_store_get_peer_id (f->a), FALSE, &exported, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (exported.revisions, ==, 1);
  wsp_export_report_clear (&exported);
  g_assert_true (wsp_sync_import_bytes (f->a, reply, WSP_IMPORT_TRUST_NEW, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (wsp_import_report_count (&report, "organisation", WSP_OUTCOME_UPDATED), ==, 1);
  on_a = wsp_store_get (f->a, id, &error);
  g_assert_cmpstr (wsp_record_get_string (on_a, "phone"), ==, "32 262 00 00");

  /* Now A knows what B holds: a delta for B is empty. */
  delta = wsp_sync_build_packet (f->a, wsp_store_get_peer_id (f->b), FALSE, &exported, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (exported.revisions, ==, 0);
  wsp_export_report_clear (&exported);

  /* A delta for a laptop never heard from is refused: export everything instead. */
  g_assert_null (wsp_sync_build_packet (f->a, "0b5c6d8e-2f7a-4c1b-9e3d-123456789abc", FALSE, NULL, &error));
  g_assert_error (error, WSP_SYNC_ERROR, WSP_SYNC_ERROR_UNKNOWN_RECIPIENT);
}

/* The lines of a packet (without their "\n"). */
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

/* The header of a packet's first line. */
static JsonObject *
header_of (GPtrArray *lines)
{
  g_autoptr (JsonNode) first = json_from_string (g_ptr_array_index (lines, 0), NULL);

  return json_object_ref (json_object_get_object_member (json_node_get_object (first), "header"));
}

static void
set_header (GPtrArray *lines, JsonObject *header)
{
  g_autofree char *text = wsp_json_object_canonical (header);

  g_free (g_ptr_array_index (lines, 0));
  g_ptr_array_index (lines, 0) = g_strconcat ("{\"format\":\"wspolnie-exchange\",\"header\":", text, "}", NULL);
}

/* Puts @lines together again, the last (the end) made anew: its digest
 * of the others, signed with @pair, as a laptop holding that key would. */
static GBytes *
resign (GPtrArray *lines, const WspKeyPair *pair)
{
  g_autoptr (GChecksum) digest = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr (GString) out = g_string_new (NULL);
  g_autofree char *signed_text = NULL;
  g_autofree char *sig_hex = NULL;
  guint8 sig[WSP_SIGNATURE_SIZE];

  for (guint i = 0; i + 1 < lines->len; i++)
    {
      const char *line = g_ptr_array_index (lines, i);

      g_string_append (out, line);
      g_string_append_c (out, '\n');
      g_checksum_update (digest, (const guchar *) line, -1);
      g_checksum_update (digest, (const guchar *) "\n", 1);
    }
  signed_text = g_strconcat ("wspolnie-packet-end\n", g_checksum_get_string (digest), NULL);
  wsp_keys_sign (pair, (const guint8 *) signed_text, strlen (signed_text), sig);
  sig_hex = wsp_keys_to_hex (sig, WSP_SIGNATURE_SIZE);
  g_string_append_printf (out, "{\"end\":{\"digest\":\"%s\",\"items\":%u,\"signature\":\"%s\"}}\n",
                          g_checksum_get_string (digest), lines->len - 2, sig_hex);
  return g_string_free_to_bytes (g_steal_pointer (&out));
}

/* The index of the first line with the member @name. */
static guint
line_with (GPtrArray *lines, const char *name)
{
  g_autofree char *key = g_strdup_printf ("\"%s\":", name);

  for (guint i = 1; i < lines->len; i++)
    if (strstr (g_ptr_array_index (lines, i), key) != NULL)
      return i;
  g_assert_not_reached ();
}

static void
expect_refused (WspStore *store, GBytes *bytes, GQuark domain, int code)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *before = state (store);
  g_autofree char *after = NULL;

  g_assert_false (wsp_sync_import_bytes (store, bytes, WSP_IMPORT_TRUST_NEW, NULL, &error));
  g_assert_nonnull (error);
  if (domain != 0)
    g_assert_error (error, domain, code);
  /* Every refusal says something a person can read. */
  g_assert_cmpuint (strlen (error->message), >=, strlen ("The file is empty."));
  after = state (store);
  g_assert_cmpstr (before, ==, after);
}

static void
test_tampering (Fixture *f, gconstpointer data)
{
  g_autofree char *id = create_org (f->a, "Uczciwe Stowarzyszenie");
  g_autoptr (GBytes) good = build (f->a, NULL, TRUE);
  WspKeyPair a_keys, other;
  g_autoptr (GError) error = NULL;

  g_assert_true (wsp_sync_get_keys (f->a, &a_keys, &error));
  g_assert_true (wsp_keys_generate (&other, &error));
  g_assert_true (wsp_sync_import_bytes (f->b, good, WSP_IMPORT_TRUST_NEW, NULL, &error));
  g_assert_no_error (error);

  /* A flipped byte: in a change, its id no longer matches; elsewhere, the
   * end's digest no longer does. */
  {
    gsize len = g_bytes_get_size (good);
    g_autofree char *flipped = g_memdup2 (g_bytes_get_data (good, NULL), len);
    g_autoptr (GBytes) bytes = NULL;
    char *p = strstr (flipped, "Uczciwe");

    *p = 'X';
    bytes = g_bytes_new (flipped, len);
    expect_refused (f->b, bytes, WSP_STORE_ERROR, WSP_STORE_ERROR_DAMAGED);
    g_clear_pointer (&bytes, g_bytes_unref);
    *p = 'U';
    p = strstr (flipped, "\"created_at\":\"") + strlen ("\"created_at\":\"") + 3;
    *p = *p == '5' ? '4' : '5';
    bytes = g_bytes_new (flipped, len);
    expect_refused (f->b, bytes, WSP_SYNC_ERROR, WSP_SYNC_ERROR_BAD_SIGNATURE);
  }

  /* The same laptop's packet, signed with another key: forged. */
  {
    g_autoptr (WspRecord) org = wsp_store_get (f->a, id, NULL);
    g_autoptr (GBytes) again = NULL;
    g_autoptr (GPtrArray) lines = NULL;
    g_autoptr (JsonObject) header = NULL;
    g_autoptr (GBytes) forged = NULL;
    g_autofree char *pub = wsp_keys_to_hex (other.public_key, WSP_KEY_SIZE);
    g_autofree char *key_id = wsp_keys_key_id (other.public_key);

    wsp_record_set_string (org, "notes", "zmiana");
    g_assert_true (wsp_store_save (f->a, org, NULL));
    again = build (f->a, NULL, TRUE);
    lines = lines_of (again);
    header = header_of (lines);
    json_object_set_string_member (header, "public_key", pub);
    json_object_set_string_member (header, "key_id", key_id);
    json_object_set_string_member (header, "packet_id", "0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0");
    set_header (lines, header);
    forged = resign (lines, &other);
    expect_refused (f->b, forged, WSP_SYNC_ERROR, WSP_SYNC_ERROR_CHANGED_KEY);
  }

  /* A file from a newer app, properly signed. */
  {
    g_autoptr (GPtrArray) lines = lines_of (good);
    g_autoptr (JsonObject) header = header_of (lines);
    g_autoptr (GBytes) bytes = NULL;

    json_object_set_int_member (header, "schema_version", 99);
    set_header (lines, header);
    bytes = resign (lines, &a_keys);
    expect_refused (f->b, bytes, WSP_SYNC_ERROR, WSP_SYNC_ERROR_NEWER);
  }

  /* A change altered and the file signed again by its own laptop: the
   * change's id no longer matches its content. */
  {
    g_autoptr (GPtrArray) lines = lines_of (good);
    guint at = line_with (lines, "rev");
    g_autoptr (JsonNode) change = json_from_string (g_ptr_array_index (lines, at), NULL);
    g_autoptr (JsonObject) header = header_of (lines);
    g_autoptr (GBytes) bytes = NULL;

    json_object_set_string_member (json_object_get_object_member (json_node_get_object (change), "sets"), "name",
                                   "Podróbka");
    g_free (g_ptr_array_index (lines, at));
    g_ptr_array_index (lines, at) = wsp_json_canonical (change);
    json_object_set_string_member (header, "packet_id", "8d7e6f5a-4b3c-4d2e-9f1a-0b1c2d3e4f5a");
    set_header (lines, header);
    bytes = resign (lines, &a_keys);
    expect_refused (f->b, bytes, WSP_STORE_ERROR, WSP_STORE_ERROR_DAMAGED);
  }

  /* A replayed old packet: nothing new, nothing changed. */
  {
    g_auto (WspImportReport) report = { 0 };
    g_autofree char *before = state (f->b);
    g_autofree char *after = NULL;

    g_assert_true (wsp_sync_import_bytes (f->b, good, WSP_IMPORT_DEFAULT, &report, &error));
    g_assert_true (report.already_imported);
    after = state (f->b);
    g_assert_cmpstr (before, ==, after);
  }

  /* Own packets are not imported. */
  expect_refused (f->a, good, WSP_SYNC_ERROR, WSP_SYNC_ERROR_OWN_PACKET);
}

static void
test_revoked (Fixture *f, gconstpointer data)
{
  g_autoptr (GBytes) first = NULL;
  g_autoptr (GBytes) second = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) peers = NULL;

  g_free (create_org (f->a, "Pierwsza"));
  first = build (f->a, NULL, TRUE);
  g_assert_true (wsp_sync_import_bytes (f->b, first, WSP_IMPORT_TRUST_NEW, NULL, &error));
  peers = wsp_sync_dup_peers (f->b, &error);
  g_assert_cmpuint (peers->len, ==, 1);
  g_assert_cmpstr (((WspPeer *) g_ptr_array_index (peers, 0))->name, ==, "Biuro NGO — laptop A");
  g_assert_true (((WspPeer *) g_ptr_array_index (peers, 0))->trusted);

  g_assert_true (wsp_sync_revoke_peer (f->b, wsp_store_get_peer_id (f->a), &error));
  g_free (create_org (f->a, "Druga"));
  second = build (f->a, NULL, TRUE);
  expect_refused (f->b, second, WSP_SYNC_ERROR, WSP_SYNC_ERROR_REVOKED);
}

/* Bytes that are not a packet at all, or a broken one: refused with a
 * message, nothing changed, no crash. */
static void
test_hostile_files (Fixture *f, gconstpointer data)
{
  g_autoptr (GBytes) good = NULL;
  g_autofree char *good_text = NULL;
  g_autoptr (GString) deep = g_string_new (NULL);
  const char *cases[] = {
    "",
    "   ",
    "null",
    "[]",
    "{\"format\":\"wspolnie-packet\"}",
    "{\"format\":\"wspolnie-packet\",\"format_version\":1,\"format_version\":2}",
    "{\"format\":\"wspolnie-packet\",\"format_version\":10000000000000000999}",
    "{\"format\":\"wspolnie-packet\",\"format_version\":2,\"payload\":\"\"}",
    "{\"format\":\"wspolnie-packet\",\"format_version\":\"1\"}",
    "{\"format\":\"wspolnie-packet\",\"format_version\":1,\"key_id\":1,\"public_key\":[],\"payload\":{},\"signature\":null}",
    "{\"format\":\"something else\",\"format_version\":1}",
    "\xff\xfe{}",
    "{\"format\":\"wspolnie-\xc0\xaf\"}",
    "{\"a\":\"\\u0000\"}",
    "{\"format\":\"wspolnie-exchange\",\"header\":{}}\n",
    "{\"format\":\"wspolnie-exchange\",\"header\":{\"format_version\":2}}\n{\"end\":{}}\n",
  };

  g_free (create_org (f->a, "Źródło"));
  good = build (f->a, NULL, TRUE);
  good_text = g_strndup (g_bytes_get_data (good, NULL), g_bytes_get_size (good));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GBytes) bytes = g_bytes_new (cases[i], strlen (cases[i]));
      expect_refused (f->b, bytes, 0, 0);
    }

  /* Deep nesting never reaches json-glib. */
  for (int i = 0; i < 100000; i++)
    g_string_append_c (deep, '[');
  {
    g_autoptr (GBytes) bytes = g_bytes_new (deep->str, deep->len);
    expect_refused (f->b, bytes, 0, 0);
  }

  /* Every truncation of a good file. */
  for (gsize cut = 0; cut < strlen (good_text); cut += 1 + cut / 8)
    {
      g_autoptr (GBytes) bytes = g_bytes_new (good_text, cut);
      expect_refused (f->b, bytes, 0, 0);
    }

  /* Unknown members are ignored: a newer app may add some. */
  {
    g_autoptr (GPtrArray) lines = lines_of (good);
    g_autoptr (JsonObject) header = header_of (lines);
    g_autoptr (GBytes) bytes = NULL;
    g_autoptr (GError) error = NULL;
    WspKeyPair a_keys;

    g_assert_true (wsp_sync_get_keys (f->a, &a_keys, &error));
    json_object_set_string_member (header, "comment", "from the future");
    set_header (lines, header);
    bytes = resign (lines, &a_keys);
    g_assert_true (wsp_sync_import_bytes (f->b, bytes, WSP_IMPORT_TRUST_NEW, NULL, &error));
    g_assert_no_error (error);
  }
}

static gboolean
collect_line (const char *line, gsize length, gboolean is_change, gpointer data, GError **error)
{
  g_ptr_array_add (data, g_strndup (line, length));
  return TRUE;
}

static gboolean
collect_item (JsonObject *item, gpointer data, GError **error)
{
  g_ptr_array_add (data, wsp_json_object_canonical (item));
  return TRUE;
}

/* The lines an export writes straight from the log are the canonical text
 * of the same items, byte for byte, odd characters and all. */
static void
test_lines_are_canonical (Fixture *f, gconstpointer data)
{
  g_autofree char *id = create_org (f->a, "Koło \"Cudzysłów\" & <Znaczniki>");
  g_autoptr (GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (WspRecord) org = wsp_store_get (f->a, id, NULL);
  g_autoptr (GError) error = NULL;

  wsp_record_set_string (org, "notes", "linia\nkolejna\ttab\x1f\\ukośnik ż");
  g_assert_true (wsp_store_save (f->a, org, &error));
  g_assert_true (wsp_store_foreach_line (f->a, NULL, collect_line, lines, &error));
  g_assert_true (wsp_store_foreach_change (f->a, NULL, collect_item, items, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (lines->len, ==, items->len);
  for (guint i = 0; i < lines->len; i++)
    g_assert_cmpstr (g_ptr_array_index (lines, i), ==, g_ptr_array_index (items, i));
}

static void
test_fingerprint (void)
{
  WspKeyPair pair;
  guint8 secret[WSP_KEY_SIZE];
  guint8 sig[WSP_SIGNATURE_SIZE];
  g_autofree char *pub = NULL;
  g_autofree char *sig_hex = NULL;
  g_autofree char *fp = NULL;
  g_autofree char *key_id = NULL;

  /* RFC 8032, section 7.1, test 1. */
  g_assert_true (wsp_keys_from_hex ("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
                                    secret, sizeof secret));
  wsp_keys_from_secret (&pair, secret);
  pub = wsp_keys_to_hex (pair.public_key, WSP_KEY_SIZE);
  g_assert_cmpstr (pub, ==, "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
  wsp_keys_sign (&pair, (const guint8 *) "", 0, sig);
  sig_hex = wsp_keys_to_hex (sig, WSP_SIGNATURE_SIZE);
  g_assert_cmpstr (sig_hex, ==,
                   "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
  g_assert_true (wsp_keys_verify (pair.public_key, (const guint8 *) "", 0, sig));
  sig[0] ^= 1;
  g_assert_false (wsp_keys_verify (pair.public_key, (const guint8 *) "", 0, sig));

  fp = wsp_keys_fingerprint (pair.public_key);
  g_assert_cmpuint (strlen (fp), ==, 35);
  g_assert_true (g_regex_match_simple ("^[0-9]{5}( [0-9]{5}){5}$", fp, 0, 0));
  key_id = wsp_keys_key_id (pair.public_key);
  g_assert_cmpuint (strlen (key_id), ==, 16);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add ("/sync/" path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("round-trip", test_export_import_round_trip);
  ADD ("delta-and-back", test_delta_and_back);
  ADD ("tampering", test_tampering);
  ADD ("revoked", test_revoked);
  ADD ("hostile-files", test_hostile_files);
  ADD ("lines-are-canonical", test_lines_are_canonical);
#undef ADD
  g_test_add_func ("/sync/keys", test_fingerprint);

  return g_test_run ();
}
