/* wsp-application-cli.c — the tasks that need no window
 *
 *   wspolnie --export FILE [--full] [--for PEER]
 *   wspolnie --import FILE [--dry-run] [--trust]
 *   wspolnie --conflicts
 *   wspolnie --check
 *   wspolnie --fingerprint
 *   wspolnie --list KIND, --document KIND --of ID --output FILE (wsp-application-documents.c)
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
}

static int
run_import (WspStore   *store,
            const char *path,
            gboolean    dry_run,
            gboolean    trust)
{
  g_auto (WspImportReport) report = { 0 };
  g_autoptr (GError) error = NULL;
  WspImportFlags flags = (dry_run ? WSP_IMPORT_DRY_RUN : 0) | (trust ? WSP_IMPORT_TRUST_NEW : 0);

  if (!wsp_sync_import_file (store, path, flags, &report, &error))
    {
      if (g_error_matches (error, WSP_SYNC_ERROR, WSP_SYNC_ERROR_UNKNOWN_LAPTOP))
        g_printerr ("wspolnie: %s %s\n", error->message,
                    _("Then run the same command again with --trust."));
      else
        fail (error);
      return 1;
    }
  print_report (&report, dry_run);
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
  g_autoptr (WspStore) store = NULL;
  g_autoptr (GError) error = NULL;
  int documents = wsp_application_run_documents (self, options);

  if (documents >= 0)
    return documents;
  g_variant_dict_lookup (options, "export", "^&ay", &export_path);
  g_variant_dict_lookup (options, "import", "^&ay", &import_path);
  g_variant_dict_lookup (options, "for", "&s", &recipient);
  if (export_path == NULL && import_path == NULL && !conflicts && !check && !fingerprint)
    return -1;

  store = wsp_store_open (wsp_application_get_database_path (self), &error);
  if (store == NULL)
    return fail (error);
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
      int status = run_import (store, import_path, g_variant_dict_contains (options, "dry-run"),
                               g_variant_dict_contains (options, "trust"));
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
