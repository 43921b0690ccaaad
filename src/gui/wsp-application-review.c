/* wsp-application-review.c — a draft sent to the members' own laptops, on the command line
 *
 *   wspolnie --send-review PATH --of DRAFT [--to PERSON,…] [--due DATE] [--with-comments]
 *   wspolnie --reviews [--of DRAFT]
 *   wspolnie --add-version FILE --of DRAFT [--delivered DATE]
 *   wspolnie --review FILE [--as NAME] [--trust]         (a member's laptop)
 *   wspolnie --comment UNIT --of DRAFT --proposed TEXT [--justification TEXT]
 *   wspolnie --reply PATH --of DRAFT
 *
 * A reply is imported with --import, which says whose it is and what it
 * brings, and refuses one in a member's name from another laptop.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "wsp-application-private.h"
#include "import/wsp-draft-import.h"
#include "import/wsp-draft-reader.h"
#include "sync/wsp-review.h"

void
wsp_application_add_review_options (WspApplication *self)
{
  static const GOptionEntry options[] = {
    { "send-review", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Write the review file of the draft of --of for the Council members to PATH (a file or a folder)"),
      N_("PATH") },
    { "to", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("With --send-review: the members it goes to (ids, see --list people, separated by commas); else "
         "the Council’s members now"),
      N_("PEOPLE") },
    { "due", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("With --send-review: by when the comments are due, YYYY-MM-DD (else the opinion’s deadline)"),
      N_("DATE") },
    { "with-comments", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("With --send-review: the comments made so far go too"), NULL },
    { "reviews", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("List the drafts sent for review with who replied and who has not, and exit"), NULL },
    { "add-version", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Register a new version of the draft of --of from FILE and exit"), N_("FILE") },
    { "review", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Open a review file from the Council’s secretary on this laptop and exit"), N_("FILE") },
    { "as", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("With --review: which of the members in the file you are (name or id)"), N_("NAME") },
    { "comment", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("Comment on UNIT of the draft of --of (“§ 3 ust. 2”) as this laptop’s member, and exit"),
      N_("UNIT") },
    { "proposed", 0, 0, G_OPTION_ARG_STRING, NULL, N_("With --comment: the proposed wording"), N_("TEXT") },
    { "justification", 0, 0, G_OPTION_ARG_STRING, NULL, N_("With --comment: the justification"), N_("TEXT") },
    { "reply", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Write this member’s comments on the draft of --of not sent yet to PATH (a file or a folder), "
         "and exit"),
      N_("PATH") },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), options);
}

static int
fail (GError *error)
{
  g_printerr ("wspolnie: %s\n", error->message);
  return 1;
}

static int
fail_with (const char *message)
{
  g_printerr ("wspolnie: %s\n", message);
  return 1;
}

static int
run_send (WspStore   *store,
          const char *path,
          const char *draft_id,
          const char *to,
          const char *due,
          gboolean    with_comments)
{
  g_auto (WspExportReport) report = { 0 };
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) members = NULL;
  g_autoptr (WspReviewStatus) status = NULL;

  if (to != NULL)
    {
      members = g_strsplit (to, ",", -1);
      for (guint i = 0; members[i] != NULL; i++)
        g_strstrip (members[i]);
    }
  if (!wsp_review_send (store, draft_id, (const char * const *) members, due, with_comments, path, &report, &error))
    return fail (error);
  status = wsp_review_status (store, draft_id, NULL);
  /* Translators: after --send-review: how many members, and the file */
  g_print (ngettext ("Sent for review to %u member: %s\n", "Sent for review to %u members: %s\n",
                     status != NULL ? status->members->len : 0),
           status != NULL ? status->members->len : 0, report.path);
  return 0;
}

static void
print_status (WspReviewStatus *status)
{
  if (status->deadline != NULL)
    /* Translators: --reviews: a draft sent for review, its deadline, how many replied of how many */
    g_print (ngettext ("%1$s  %2$s  due by %3$s, %4$u of %5$u member replied\n",
                       "%1$s  %2$s  due by %3$s, %4$u of %5$u members replied\n", status->members->len),
             status->draft_id, status->title, status->deadline, status->replied, status->members->len);
  else
    g_print (ngettext ("%1$s  %2$s  %3$u of %4$u member replied\n", "%1$s  %2$s  %3$u of %4$u members replied\n",
                       status->members->len),
             status->draft_id, status->title, status->replied, status->members->len);
  for (guint i = 0; i < status->members->len; i++)
    {
      WspReviewMember *member = g_ptr_array_index (status->members, i);
      g_autofree char *when = member->replied_at != NULL ? g_strndup (member->replied_at, 10) : NULL;

      if (!member->replied)
        /* Translators: --reviews: a member who has not replied */
        g_print (_("  %s: not replied yet\n"), member->name);
      else
        {
          /* Translators: --reviews: a member who replied: name, day, how many comments */
          g_print (ngettext ("  %1$s: replied %2$s, %3$u comment", "  %1$s: replied %2$s, %3$u comments",
                             member->comments),
                   member->name, when, member->comments);
          if (member->older_version)
            g_print ("%s", _(" (on an older version)"));
          g_print ("\n");
        }
    }
}

static int
run_reviews (WspStore   *store,
             const char *draft_id)
{
  g_autoptr (GError) error = NULL;

  if (draft_id != NULL)
    {
      g_autoptr (WspReviewStatus) status = wsp_review_status (store, draft_id, &error);

      if (status == NULL && error != NULL)
        return fail (error);
      if (status == NULL)
        return fail_with (_("That draft was not sent for review."));
      print_status (status);
    }
  else
    {
      g_autoptr (GPtrArray) drafts = wsp_review_drafts (store, &error);

      if (drafts == NULL)
        return fail (error);
      if (drafts->len == 0)
        g_print (_("No draft was sent for review.\n"));
      for (guint i = 0; i < drafts->len; i++)
        print_status (g_ptr_array_index (drafts, i));
    }
  return 0;
}

static int
run_add_version (WspStore   *store,
                 const char *path,
                 const char *draft_id,
                 const char *delivered)
{
  g_autoptr (GFile) file = g_file_new_for_commandline_arg (path);
  g_autofree char *basename = g_file_get_basename (file);
  g_autoptr (GError) error = NULL;
  g_autofree char *text = wsp_draft_read_file (file, NULL, &error);
  g_autoptr (WspRecord) version = NULL;
  guint matched = 0;

  if (text == NULL)
    return fail (error);
  version = wsp_draft_add_version (store, draft_id, text, delivered, basename, &matched, &error);
  if (version == NULL)
    return fail (error);
  /* Translators: after --add-version: the version's number and how many units kept their comments */
  g_print (ngettext ("Version %1$u registered; %2$u unit matched the previous version\n",
                     "Version %1$u registered; %2$u units matched the previous version\n", matched),
           (guint) wsp_record_get_int (version, "number"), matched);
  return 0;
}

static gboolean
same_name (const char *a,
           const char *b)
{
  g_autofree char *x = g_utf8_casefold (a, -1);
  g_autofree char *y = g_utf8_casefold (b, -1);

  return g_strcmp0 (x, y) == 0;
}

static int
run_review (WspStore   *store,
            const char *path,
            const char *as,
            gboolean    trust)
{
  g_auto (WspImportReport) preview = { 0 };
  g_auto (WspImportReport) report = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) members = NULL;
  g_autofree char *reviewer = wsp_review_dup_reviewer (store);
  const char *person_id = NULL;
  const char *draft_id;

  if (!wsp_sync_import_file (store, path, WSP_IMPORT_DRY_RUN, &preview, &error))
    return fail (error);
  if (g_strcmp0 (wsp_review_scope_kind (preview.scope), "review") != 0)
    return fail_with (_("This is not a review file: import it with --import."));
  draft_id = wsp_review_scope_draft (preview.scope);
  members = wsp_review_scope_members (preview.scope);
  for (guint i = 0; i < members->len && person_id == NULL; i++)
    {
      WspAuthor *member = g_ptr_array_index (members, i);

      if (as != NULL ? g_strcmp0 (member->id, as) == 0 || same_name (member->name, as)
                     : g_strcmp0 (member->id, reviewer) == 0)
        person_id = member->id;
    }
  if (person_id == NULL)
    {
      g_autoptr (GString) names = g_string_new (NULL);

      for (guint i = 0; i < members->len; i++)
        g_string_append_printf (names, "%s%s", i > 0 ? ", " : "", ((WspAuthor *) g_ptr_array_index (members, i))->name);
      if (as != NULL)
        /* Translators: --review --as NAME: NAME is not in the file; the names that are */
        g_printerr (_("wspolnie: “%1$s” is not among the members this file is for: %2$s.\n"), as, names->str);
      else
        g_printerr (_("wspolnie: Say which of the members this file is for you are, with --as NAME: %s.\n"),
                    names->str);
      return 1;
    }
  if ((preview.new_laptop && !trust) || preview.key_changed)
    {
      /* Translators: --review: the fingerprint of the secretary's laptop to compare */
      g_printerr (_("wspolnie: The file comes from the laptop “%1$s”, fingerprint %2$s. Compare it with the one "
                    "the Council’s secretary read out or sent, then run the same command again with --trust.\n"),
                  preview.sender_name, preview.fingerprint);
      return 1;
    }
  if (reviewer != NULL && g_strcmp0 (reviewer, person_id) != 0)
    {
      /* Refused: the laptop is another member's. */
      if (!wsp_review_set_reviewer (store, person_id, &error))
        return fail (error);
    }
  if (!wsp_sync_import_file (store, path, trust ? WSP_IMPORT_TRUST_NEW : 0, &report, &error)
      || !wsp_review_set_reviewer (store, person_id, &error))
    return fail (error);
  {
    g_autoptr (WspReviewStatus) status = wsp_review_status (store, draft_id, NULL);
    g_autoptr (WspRecord) member = wsp_store_get (store, person_id, NULL);
    const char *name = member != NULL ? wsp_record_get_string (member, "name") : person_id;

    if (status != NULL && status->deadline != NULL)
      /* Translators: after --review: who this laptop is, the draft, the day the comments are due */
      g_print (_("%1$s reviews “%2$s”; comments are due by %3$s.\n"), name, status->title, status->deadline);
    else
      g_print (_("%1$s reviews “%2$s”.\n"), name, status != NULL ? status->title : draft_id);
  }
  return 0;
}

static int
run_comment (WspStore   *store,
             const char *unit,
             const char *draft_id,
             const char *proposed,
             const char *justification)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WspRecord) comment = wsp_review_add_comment (store, draft_id, unit, NULL, proposed, justification,
                                                          &error);

  if (comment == NULL)
    return fail (error);
  /* Translators: after --comment: the unit and who the comment is by */
  g_print (_("Comment on %1$s by %2$s saved; it goes with the next reply.\n"), wsp_record_get_string (comment, "unit_key"),
           wsp_record_get_string (comment, "author_name"));
  return 0;
}

static int
run_reply (WspStore   *store,
           const char *path,
           const char *draft_id)
{
  g_auto (WspExportReport) report = { 0 };
  g_autoptr (GError) error = NULL;
  guint n = 0;

  if (!wsp_review_send_reply (store, draft_id, path, &report, &n, &error))
    return fail (error);
  /* Translators: after --reply: how many comments, and the file */
  g_print (ngettext ("Reply with %u comment written to %s\n", "Reply with %u comments written to %s\n", n), n,
           report.path);
  return 0;
}

/* Runs the review tasks; -1 when the options ask for none. */
int
wsp_application_run_review (WspApplication *self,
                            GVariantDict   *options)
{
  const char *send = NULL, *to = NULL, *due = NULL, *of = NULL, *add_version = NULL, *review = NULL;
  const char *as = NULL, *comment = NULL, *proposed = NULL, *justification = NULL, *reply = NULL;
  const char *delivered = NULL;
  gboolean reviews = g_variant_dict_contains (options, "reviews");
  g_autoptr (WspStore) store = NULL;
  g_autoptr (GError) error = NULL;

  g_variant_dict_lookup (options, "send-review", "^&ay", &send);
  g_variant_dict_lookup (options, "to", "&s", &to);
  g_variant_dict_lookup (options, "due", "&s", &due);
  g_variant_dict_lookup (options, "of", "&s", &of);
  g_variant_dict_lookup (options, "add-version", "^&ay", &add_version);
  g_variant_dict_lookup (options, "review", "^&ay", &review);
  g_variant_dict_lookup (options, "as", "&s", &as);
  g_variant_dict_lookup (options, "comment", "&s", &comment);
  g_variant_dict_lookup (options, "proposed", "&s", &proposed);
  g_variant_dict_lookup (options, "justification", "&s", &justification);
  g_variant_dict_lookup (options, "reply", "^&ay", &reply);
  g_variant_dict_lookup (options, "delivered", "&s", &delivered);
  if (send == NULL && !reviews && add_version == NULL && review == NULL && comment == NULL && reply == NULL)
    return -1;
  if ((send != NULL || add_version != NULL || comment != NULL || reply != NULL) && of == NULL)
    return fail_with (_("Say which draft with --of ID (see --list drafts)."));

  store = wsp_store_open (wsp_application_get_database_path (self), &error);
  if (store == NULL)
    return fail (error);
  if (add_version != NULL)
    return run_add_version (store, add_version, of, delivered);
  if (send != NULL)
    return run_send (store, send, of, to, due, g_variant_dict_contains (options, "with-comments"));
  if (review != NULL)
    return run_review (store, review, as, g_variant_dict_contains (options, "trust"));
  if (comment != NULL)
    return run_comment (store, comment, of, proposed, justification);
  if (reply != NULL)
    return run_reply (store, reply, of);
  return run_reviews (store, of);
}
