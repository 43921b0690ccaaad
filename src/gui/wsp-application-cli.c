/* wsp-application-cli.c — the tasks that need no window
 *
 *   wspolnie --export FILE [--full] [--for PEER]
 *   wspolnie --import FILE [--dry-run] [--trust] [--accept-new-key] [--merge-same]
 *   wspolnie --new-key
 *   wspolnie --conflicts
 *   wspolnie --check
 *   wspolnie --fingerprint
 *   wspolnie --list KIND, --document KIND --of ID --output FILE (wsp-application-documents.c)
 *   wspolnie --send-review, --review, --comment, --reply, --reviews (wsp-application-review.c)
 *
 * Each runs against the database of --database (or the default one), prints
 * what it did, and exits: 0 when it worked; otherwise one clear line on
 * standard error, and the database as it was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "wsp-application-private.h"
#include "demo/wsp-demo.h"
#include "domain/wsp-identity.h"
#include "domain/wsp-voting.h"
#include "sync/wsp-sync.h"

void
wsp_application_add_cli_options (WspApplication *self)
{
  static const GOptionEntry options[] = {
    { "export", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Export an exchange file for another laptop to FILE (a file or a folder) and exit"),
      N_("FILE") },
    { "full", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("With --export: everything, not only what the other laptop lacks"), NULL },
    { "for", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("With --export: the laptop the file is for (its id, see --fingerprint)"), N_("LAPTOP") },
    { "import", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Import an exchange file from another laptop and exit"), N_("FILE") },
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("With --import: only say what the file would change"), NULL },
    { "trust", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("With --import: trust a laptop seen for the first time (compare its fingerprint first)"),
      NULL },
    { "accept-new-key", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("With --import: accept a known laptop’s new key (compare its fingerprint first)"), NULL },
    { "merge-same", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("With --import: merge what the file brings that this laptop holds already under another id "
         "(the same KRS, NIP, REGON or e-mail)"),
      NULL },
    { "new-key", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Give this laptop a new signing key (when the old one may be known to someone else), and exit"),
      NULL },
    { "conflicts", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("List the records changed on two laptops at once, and exit"), NULL },
    { "check", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Check the database for damage, and exit"), NULL },
    { "fingerprint", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Show this laptop’s name, id and key fingerprint, and exit"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), options);
  wsp_application_add_document_options (self);
  wsp_application_add_review_options (self);
}

static int
fail (GError *error)
{
  g_printerr ("wspolnie: %s\n", error->message);
  return 1;
}

/* “517 new”: a count of records with what the import does to them. */
static char *
outcome_count (WspOutcomeKind kind,
               guint          n)
{
  switch (kind)
    {
    case WSP_OUTCOME_NEW:
      /* Translators: records the file brings; the noun may be added (“517 nowych wpisów”) */
      return g_strdup_printf (ngettext ("%u new", "%u new", n), n);
    case WSP_OUTCOME_UPDATED:
      return g_strdup_printf (ngettext ("%u updated", "%u updated", n), n);
    case WSP_OUTCOME_MERGED:
      return g_strdup_printf (ngettext ("%u merged", "%u merged", n), n);
    case WSP_OUTCOME_CONFLICT:
      return g_strdup_printf (ngettext ("%u in conflict", "%u in conflict", n), n);
    case WSP_OUTCOME_DELETED:
      return g_strdup_printf (ngettext ("%u deleted", "%u deleted", n), n);
    case WSP_OUTCOME_UNCHANGED:
    default:
      return g_strdup_printf (ngettext ("%u unchanged", "%u unchanged", n), n);
    }
}

static void
print_report (WspImportReport *report,
              gboolean         dry_run)
{
  static const WspOutcomeKind kinds[] = {
    WSP_OUTCOME_NEW, WSP_OUTCOME_UPDATED, WSP_OUTCOME_MERGED, WSP_OUTCOME_CONFLICT,
    WSP_OUTCOME_DELETED,
  };

  g_print (_("From “%s” (fingerprint %s), exported %s\n"), report->sender_name,
           report->fingerprint, report->created_at);
  if (report->already_imported)
    {
      g_print (_("This file was imported before; nothing changed.\n"));
      return;
    }
  g_print (dry_run ? _("Would bring %u of its %u changes:") : _("Brought %u of its %u changes:"),
           report->stats.added, report->stats.received);
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autofree char *count = outcome_count (kinds[i], wsp_import_report_count (report, NULL, kinds[i]));

      g_print (" %s%s", count, i + 1 < G_N_ELEMENTS (kinds) ? "," : "\n");
    }
  if (report->stats.clock_clamped)
    g_print (_("The other laptop’s clock is more than a day ahead; check its date and time.\n"));
  if (report->stats.held_for_key > 0)
    g_print (ngettext ("%u change is kept aside: it was signed with a new key of its laptop that this laptop "
                       "has not accepted yet. Import a file from that laptop itself.\n",
                       "%u changes are kept aside: they were signed with a new key of their laptop that this "
                       "laptop has not accepted yet. Import a file from that laptop itself.\n",
                       report->stats.held_for_key),
             report->stats.held_for_key);
  else if (report->stats.held_aside > 0)
    g_print (ngettext ("%u change is kept aside: of a kind of record a newer version of Wspólnie knows, or of a "
                       "laptop no longer trusted here.\n",
                       "%u changes are kept aside: of kinds of records a newer version of Wspólnie knows, or "
                       "of a laptop no longer trusted here.\n",
                       report->stats.held_aside),
             report->stats.held_aside);
  if (report->stats.taken_back > 0)
    g_print (ngettext ("%u change of this laptop’s own, lost with a restored backup, came back.\n",
                       "%u changes of this laptop’s own, lost with a restored backup, came back.\n",
                       report->stats.taken_back),
             report->stats.taken_back);
  if (report->stats.new_identity)
    g_print (_("This database is a copy of another laptop’s, which goes on by itself: this laptop now has a "
               "name and key of its own. The other laptops will ask to compare its new fingerprint once.\n"));
  if (report->reply_summary != NULL)
    {
      g_print ("%s\n", report->reply_summary);
      if (report->reply_older_version)
        g_print ("%s\n", _("The reply was made on a version of the draft that is no longer the latest; its comments "
                           "follow their units into the latest."));
      if (report->reply_not_member)
        g_print ("%s\n", _("Its author is not a member of the Council now."));
    }
  for (guint i = 0; report->same != NULL && i < report->same->len; i++)
    {
      WspSameAs *same = g_ptr_array_index (report->same, i);

      /* Translators: an organisation or person the file brings that this
       * laptop holds already: name, the local name, and what they share */
      g_print (_("“%s” is the same as “%s” here (%s).\n"), same->title, same->other_title, same->key);
    }
}

static int
run_import (WspStore       *store,
            const char     *path,
            gboolean        dry_run,
            WspImportFlags  confirmed,
            gboolean        merge_same)
{
  g_auto (WspImportReport) report = { 0 };
  g_autoptr (GError) error = NULL;
  WspImportFlags flags = (dry_run ? WSP_IMPORT_DRY_RUN : 0) | confirmed;

  if (!wsp_sync_import_file (store, path, flags, &report, &error))
    {
      if (g_error_matches (error, WSP_SYNC_ERROR, WSP_SYNC_ERROR_UNKNOWN_LAPTOP))
        g_printerr ("wspolnie: %s %s\n", error->message,
                    _("Then run the same command again with --trust."));
      else if (g_error_matches (error, WSP_SYNC_ERROR, WSP_SYNC_ERROR_CHANGED_KEY))
        g_printerr ("wspolnie: %s %s\n", error->message,
                    _("Then run the same command again with --accept-new-key."));
      else
        fail (error);
      return 1;
    }
  print_report (&report, dry_run);
  if (merge_same && !dry_run && report.same != NULL && report.same->len > 0)
    {
      guint merged = 0;

      if (!wsp_identity_merge_all (store, report.same, &merged, &error))
        return fail (error);
      g_print (ngettext ("Merged %u record with the one held here.\n", "Merged %u records with the ones held here.\n",
                         merged),
               merged);
    }
  else if (report.same != NULL && report.same->len > 0 && !dry_run)
    g_print (_("Run the same command again with --merge-same to make them one.\n"));
  return 0;
}

static int
run_export (WspStore   *store,
            const char *path,
            gboolean    full,
            const char *recipient)
{
  g_auto (WspExportReport) report = { 0 };
  g_autoptr (GError) error = NULL;

  if (!wsp_sync_export (store, path, recipient, full || recipient == NULL, &report, &error))
    return fail (error);
  g_print (ngettext ("Exported %u change to %s\n", "Exported %u changes to %s\n", report.revisions),
           report.revisions, report.path);
  return 0;
}

static int
run_conflicts (WspStore *store)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) ids = wsp_store_dup_conflicted_ids (store, &error);
  g_autoptr (GPtrArray) doubles = ids != NULL ? wsp_voting_double_votes (store, &error) : NULL;

  if (ids == NULL || doubles == NULL)
    return fail (error);
  if (ids->len == 0 && doubles->len == 0)
    {
      g_print (_("No conflicts.\n"));
      return 0;
    }
  for (guint i = 0; i < doubles->len; i++)
    {
      WspDoubleVote *entry = g_ptr_array_index (doubles, i);

      /* Translators: a member's vote recorded twice in one ballot, e.g. on two laptops */
      g_print (_("Vote %s: member %s voted %u times; record a correction.\n"),
               entry->ballot_id, entry->seat_id, g_strv_length (entry->vote_ids));
    }
  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);
      g_autoptr (GPtrArray) conflicts = wsp_store_dup_conflicts (store, id, NULL);
      g_autoptr (WspRecord) record = wsp_store_get (store, id, NULL);
      g_autofree char *title = record ? wsp_record_dup_title (record) : g_strdup (id);

      g_print ("%s  %s  %s:", id, record ? _(wsp_record_get_entity (record)->label) : "", title);
      for (guint k = 0; conflicts != NULL && k < conflicts->len; k++)
        {
          WspConflict *conflict = g_ptr_array_index (conflicts, k);

          /* Translators: the record was deleted on one laptop and changed on another */
          g_print (" %s [", conflict->field != NULL ? conflict->field : _("deleted or kept"));
          for (guint j = 0; j < conflict->candidates->len; j++)
            {
              WspCandidate *candidate = g_ptr_array_index (conflict->candidates, j);
              g_autofree char *text = NULL;

              if (conflict->field == NULL)
                text = g_strdup (candidate->deletes ? _("delete") : _("keep"));
              else
                text = candidate->value != NULL ? json_to_string (candidate->value, FALSE) : g_strdup ("null");
              g_print ("%s%s", j > 0 ? " | " : "", text);
            }
          g_print ("]");
        }
      g_print ("\n");
    }
  return 0;
}

/* Runs a command-line task; -1 when the options ask for none. */
int
wsp_application_run_cli (WspApplication *self,
                         GVariantDict   *options)
{
  const char *export_path = NULL, *import_path = NULL, *recipient = NULL;
  gboolean conflicts = g_variant_dict_contains (options, "conflicts");
  gboolean check = g_variant_dict_contains (options, "check");
  gboolean fingerprint = g_variant_dict_contains (options, "fingerprint");
  gboolean new_key = g_variant_dict_contains (options, "new-key");
  g_autoptr (WspStore) store = NULL;
  g_autoptr (GError) error = NULL;
  int documents = wsp_application_run_documents (self, options);
  int review;

  if (documents >= 0)
    return documents;
  review = wsp_application_run_review (self, options);
  if (review >= 0)
    return review;
  g_variant_dict_lookup (options, "export", "^&ay", &export_path);
  g_variant_dict_lookup (options, "import", "^&ay", &import_path);
  g_variant_dict_lookup (options, "for", "&s", &recipient);
  if (export_path == NULL && import_path == NULL && !conflicts && !check && !fingerprint && !new_key)
    return -1;

  store = wsp_store_open (wsp_application_get_database_path (self), &error);
  if (store == NULL)
    return fail (error);
  switch (wsp_store_get_notice (store))
    {
    case WSP_STORE_NOTICE_RESTORED:
      g_print (_("This database was restored from a backup: this laptop numbers its changes anew, and what "
                 "it made after the backup comes back from the other laptops with their next files.\n"));
      break;
    case WSP_STORE_NOTICE_MOVED:
      g_print (_("This database was copied or moved here from another computer: this laptop numbers its "
                 "changes anew. If the old computer is still in use, the two become separate laptops at their "
                 "first exchange.\n"));
      break;
    case WSP_STORE_NOTICE_NONE:
    default:
      break;
    }
  if (new_key)
    {
      g_autofree char *fp = NULL;

      if (!wsp_store_replace_key (store, &error) || (fp = wsp_sync_dup_fingerprint (store, &error)) == NULL)
        return fail (error);
      g_print (_("This laptop has a new key. Fingerprint: %s\nThe other laptops will ask to compare it at "
                 "their next import of a file from here.\n"),
               fp);
    }
  if (g_variant_dict_contains (options, "demo") && !wsp_demo_fill (store, &error))
    return fail (error);

  if (check)
    {
      if (!wsp_store_check (store, &error))
        return fail (error);
      g_print (_("The database is sound.\n"));
    }
  if (fingerprint)
    {
      g_autofree char *name = wsp_sync_dup_laptop_name (store);
      g_autofree char *fp = wsp_sync_dup_fingerprint (store, &error);

      if (fp == NULL)
        return fail (error);
      g_print (_("Laptop: %s\nId: %s\nFingerprint: %s\n"), name, wsp_store_get_peer_id (store), fp);
    }
  if (import_path != NULL)
    {
      WspImportFlags confirmed = (g_variant_dict_contains (options, "trust") ? WSP_IMPORT_TRUST_NEW : 0)
                                 | (g_variant_dict_contains (options, "accept-new-key") ? WSP_IMPORT_ACCEPT_NEW_KEY : 0);
      int status = run_import (store, import_path, g_variant_dict_contains (options, "dry-run"), confirmed,
                               g_variant_dict_contains (options, "merge-same"));
      if (status != 0)
        return status;
    }
  if (export_path != NULL)
    {
      int status = run_export (store, export_path, g_variant_dict_contains (options, "full"),
                               recipient);
      if (status != 0)
        return status;
    }
  if (conflicts)
    return run_conflicts (store);
  return 0;
}
