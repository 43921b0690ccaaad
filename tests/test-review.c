/* test-review.c — review files and replies between the secretariat's laptops and a member's
 *
 * A review file carries a part of the secretary's database: the laptop that
 * takes it keeps what it held, and a second file (after a new version)
 * adds to it. Comments the secretariat entered for a member on another of
 * its laptops still come in once the member's own laptop is known; one said
 * to come from the member's laptop but made on another is refused.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "wsp-test-util.h"

#include <glib/gstdio.h>

#include "demo/wsp-demo.h"
#include "domain/wsp-drafts.h"
#include "import/wsp-draft-import.h"
#include "records/wsp-records-drafts.h"
#include "records/wsp-records-members.h"
#include "records/wsp-records-meetings.h"
#include "sync/wsp-review.h"
#include "sync/wsp-sync.h"

typedef struct
{
  char     *dir;
  WspStore *secretary;
  WspStore *office;
  WspStore *member;
  char     *draft_id;
  char     *anna;
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
  return store;
}

static char *
read_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "drafts", name, NULL);
  g_autoptr (GError) error = NULL;
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  return text;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WspRecord) draft = WSP_RECORD (wsp_draft_new ());
  g_autoptr (GPtrArray) people = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *text = read_fixture ("02-flat-paragraphs.txt");

  f->dir = g_dir_make_tmp ("wsp-review-XXXXXX", NULL);
  f->secretary = open_laptop (f, "secretary");
  f->office = open_laptop (f, "office");
  f->member = open_laptop (f, "member");
  g_assert_true (wsp_demo_fill (f->secretary, &error));
  wsp_record_set_string (draft, "title", "Projekt uchwały w sprawie dotacji");
  g_assert_true (wsp_draft_register (f->secretary, draft, text, "02.txt", NULL, &error));
  g_assert_no_error (error);
  f->draft_id = g_strdup (wsp_record_get_id (draft));
  g_assert_true (wsp_store_query (f->secretary, WSP_TYPE_PERSON, "name", "Anna Kowalczyk", people, &error));
  g_assert_cmpuint (people->len, ==, 1);
  f->anna = g_strdup (wsp_record_get_id (g_ptr_array_index (people, 0)));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->secretary);
  g_clear_object (&f->office);
  g_clear_object (&f->member);
  wsp_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->draft_id);
  g_free (f->anna);
}

static void
exchange (WspStore *from,
          WspStore *to)
{
  g_autoptr (GError) error = NULL;
  g_auto (WspImportReport) report = { 0 };
  g_autoptr (GBytes) bytes = wsp_sync_build_packet (from, NULL, TRUE, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (wsp_sync_import_bytes (to, bytes, WSP_IMPORT_TRUST_NEW, &report, &error));
  g_assert_no_error (error);
}

static char *
send_review (Fixture    *f,
             const char *name)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr (GError) error = NULL;

  g_assert_true (wsp_review_send (f->secretary, f->draft_id, NULL, NULL, FALSE, path, NULL, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

static void
take_review (Fixture    *f,
             const char *path)
{
  g_autoptr (GError) error = NULL;
  g_auto (WspImportReport) report = { 0 };

  g_assert_true (wsp_sync_import_file (f->member, path, WSP_IMPORT_TRUST_NEW, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (wsp_review_scope_kind (report.scope), ==, "review");
  g_assert_cmpuint (wsp_import_report_count (&report, NULL, WSP_OUTCOME_DELETED), ==, 0);
}

static guint
count (WspStore *store,
       GType     type)
{
  return wsp_store_count (store, type);
}

/* The member's laptop keeps what it held; the second file adds the new version. */
static void
test_keeps_what_it_holds (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WspRecord) own = WSP_RECORD (wsp_organisation_new ());
  g_autoptr (WspRecord) later = WSP_RECORD (wsp_organisation_new ());
  g_autoptr (WspRecord) kept = NULL;
  g_autoptr (WspRecord) version = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *text = read_fixture ("12-inserted-units.txt");
  guint organisations = count (f->secretary, WSP_TYPE_ORGANISATION);

  wsp_record_set_string (own, "name", "Stowarzyszenie, które zna tylko ten laptop");
  g_assert_true (wsp_store_save (f->member, own, &error));
  /* The secretary goes on after the draft: its chain goes past what the file carries. */
  wsp_record_set_string (later, "name", "Fundacja zapisana po projekcie");
  g_assert_true (wsp_store_save (f->secretary, later, &error));
  first = send_review (f, "first" WSP_PACKET_SUFFIX);
  take_review (f, first);

  g_assert_cmpuint (count (f->member, WSP_TYPE_DRAFT), ==, 1);
  g_assert_cmpuint (count (f->member, WSP_TYPE_DRAFT_VERSION), ==, 1);
  g_assert_cmpuint (count (f->member, WSP_TYPE_MEETING), ==, 0);
  g_assert_cmpuint (count (f->member, WSP_TYPE_COMMENT), ==, 0);
  /* Not the register: only the organisations the members sit for, and its own. */
  g_assert_cmpuint (count (f->member, WSP_TYPE_ORGANISATION), <, organisations / 2);
  kept = wsp_store_get (f->member, wsp_record_get_id (own), &error);
  g_assert_nonnull (kept);
  g_clear_object (&kept);
  g_assert_null (wsp_store_get (f->member, wsp_record_get_id (later), NULL));

  /* A new version; the second file brings it, the first stays. */
  version = wsp_draft_add_version (f->secretary, f->draft_id, text, NULL, "12.txt", NULL, &error);
  g_assert_no_error (error);
  second = send_review (f, "second" WSP_PACKET_SUFFIX);
  take_review (f, second);
  g_assert_cmpuint (count (f->member, WSP_TYPE_DRAFT_VERSION), ==, 2);
  kept = wsp_store_get (f->member, wsp_record_get_id (own), &error);
  g_assert_nonnull (kept);
  g_assert_true (wsp_store_check (f->member, &error));
  g_assert_no_error (error);
}

static WspRecord *
comment_for_anna (Fixture    *f,
                  WspStore   *store,
                  const char *source,
                  const char *proposed)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WspRecord) version = wsp_draft_latest_version (store, f->draft_id, &error);
  WspRecord *comment = WSP_RECORD (wsp_comment_new ());

  wsp_record_set_string (comment, "version_id", wsp_record_get_id (version));
  wsp_record_set_string (comment, "unit_key", "§ 1");
  wsp_record_set_string (comment, "author_id", f->anna);
  wsp_record_set_string (comment, "author_name", "Anna Kowalczyk");
  wsp_record_set_string (comment, "proposed_wording", proposed);
  wsp_record_set_string (comment, "source", source);
  g_assert_true (wsp_store_save (store, comment, &error));
  g_assert_no_error (error);
  return comment;
}

/* The secretariat's other laptop may enter a member's paper comments; it may
 * not pass a comment off as made on the member's own laptop. */
static void
test_secretariat_laptops (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *review = NULL;
  g_autofree char *reply = g_build_filename (f->dir, "reply" WSP_PACKET_SUFFIX, NULL);
  g_autoptr (WspRecord) paper = NULL;
  g_autoptr (WspRecord) posing = NULL;
  g_autoptr (WspRecord) mine = NULL;
  g_auto (WspImportReport) report = { 0 };

  exchange (f->secretary, f->office);
  exchange (f->office, f->secretary);
  review = send_review (f, "review" WSP_PACKET_SUFFIX);
  take_review (f, review);
  g_assert_true (wsp_review_set_reviewer (f->member, f->anna, &error));
  mine = wsp_review_add_comment (f->member, f->draft_id, "§ 1", NULL, "Z laptopa Anny.", NULL, &error);
  g_assert_nonnull (mine);
  g_assert_true (wsp_review_send_reply (f->member, f->draft_id, reply, NULL, NULL, &error));
  g_assert_true (wsp_sync_import_file (f->secretary, reply, WSP_IMPORT_TRUST_NEW, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (report.reply_person, ==, f->anna);
  g_assert_cmpuint (report.reply_comments, ==, 1);
  g_assert_false (report.reply_not_member);

  /* Her paper comment, typed on the office laptop: taken. */
  paper = comment_for_anna (f, f->office, "paper", "Na papierze.");
  exchange (f->office, f->secretary);
  g_assert_nonnull (wsp_store_get (f->secretary, wsp_record_get_id (paper), NULL));

  /* One the office laptop says came from her laptop: refused, nothing kept. */
  posing = comment_for_anna (f, f->office, "review", "Niby z laptopa Anny.");
  {
    g_autoptr (GBytes) bytes = wsp_sync_build_packet (f->office, NULL, TRUE, NULL, &error);
    g_auto (WspImportReport) refused = { 0 };

    g_assert_false (wsp_sync_import_bytes (f->secretary, bytes, 0, &refused, &error));
    g_assert_error (error, WSP_STORE_ERROR, WSP_STORE_ERROR_FORGED);
    g_clear_error (&error);
  }
  g_assert_null (wsp_store_get (f->secretary, wsp_record_get_id (posing), NULL));
  g_assert_nonnull (wsp_store_get (f->secretary, wsp_record_get_id (mine), NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/review/keeps-what-it-holds", test_keeps_what_it_holds);
  ADD ("/review/secretariat-laptops", test_secretariat_laptops);
#undef ADD
  return g_test_run ();
}
