/* wsp-application-documents.c — listing records and writing documents from the command line
 *
 *   wspolnie --list KIND
 *   wspolnie --document KIND --of ID --output FILE [--organizer E-MAIL]
 *   wspolnie --add-draft FILE [--title T] [--delivered DATE]
 *
 * No window is opened. The format follows FILE's extension. When the kind,
 * the record or the extension is wrong, or the document does not apply to
 * the record, the command says so in one line on standard error, exits
 * with 1 and writes nothing; a file that is written is written atomically.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "wsp-application-private.h"
#include "demo/wsp-demo.h"
#include "domain/wsp-draft-units.h"
#include "import/wsp-draft-import.h"
#include "import/wsp-draft-reader.h"
#include "import/wsp-draft-split.h"
#include "output/wsp-builders.h"
#include "output/wsp-output.h"
#include "records/wsp-records-votes.h"
#include "records/wsp-records-members.h"
#include "records/wsp-records-drafts.h"
#include "records/wsp-records-meetings.h"

void
wsp_application_add_document_options (WspApplication *self)
{
  static const GOptionEntry options[] = {
    { "list", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("List the records of a kind (meetings, drafts, ballots, organisations, people, bodies, "
         "terms) and exit"),
      N_("KIND") },
    { "document", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("Write a document (agenda, attendance-list, invitation, cancellation, vote-list, "
         "attendance-register, comments-table, opinion, election-result, meeting-vote-list, ballot-cards) to --output and exit"),
      N_("KIND") },
    { "of", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("With --document: the record it is made from (its id, see --list)"), N_("ID") },
    { "output", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("With --document: the file to write; .pdf, .odt, .csv, .txt or .ics"), N_("FILE") },
    { "organizer", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("With --document invitation: the sender’s e-mail address"), N_("E-MAIL") },
    { "add-draft", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Register a draft resolution from its text (.txt, .odt or .docx), print its units and exit"),
      N_("FILE") },
    { "title", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("With --add-draft: the draft’s title (else taken from its text)"), N_("TITLE") },
    { "delivered", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("With --add-draft: the day the draft was delivered, YYYY-MM-DD (else today)"), N_("DATE") },
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

/* ---- --list -------------------------------------------------------------- */

typedef struct
{
  const char *kind;
  GType     (*type) (void);
  const char *date_field; /* NULL: no date */
} ListKind;

static const ListKind list_kinds[] = {
  { "meetings", wsp_meeting_get_type, "starts_at" },
  { "drafts", wsp_draft_get_type, "received_on" },
  { "ballots", wsp_ballot_get_type, "opened_at" },
  { "elections", wsp_election_get_type, "opened_at" },
  { "organisations", wsp_organisation_get_type, NULL },
  { "people", wsp_person_get_type, NULL },
  { "bodies", wsp_body_get_type, NULL },
  { "terms", wsp_term_get_type, "starts_on" },
};

static char *
list_title (WspStore  *store,
            WspRecord *record)
{
  const char *entity = wsp_record_get_entity (record)->name;

  if (g_str_equal (entity, "meeting"))
    {
      g_autoptr (WspRecord) body = NULL;
      const char *place = wsp_record_get_string (record, "place");
      int number = (int) wsp_record_get_int (record, "number");
      const char *name;

      if (wsp_record_get_string (record, "body_id") != NULL)
        body = wsp_store_get (store, wsp_record_get_string (record, "body_id"), NULL);
      name = body != NULL ? wsp_record_get_string (body, "name") : "";
      /* Translators: a line of --list meetings: the body, the meeting's number, its place */
      return g_strdup_printf (_("%1$s, meeting no. %2$d, %3$s"), name, number,
                              place != NULL ? place : "");
    }
  if (g_str_equal (entity, "ballot") && wsp_record_get_string (record, "mode") != NULL)
    return g_strdup_printf ("%s (%s)", wsp_record_get_string (record, "question"),
                            wsp_record_get_string (record, "mode"));
  return wsp_record_dup_title (record);
}

static int
run_list (WspStore   *store,
          const char *kind)
{
  g_autoptr (GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GError) error = NULL;
  const ListKind *found = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (list_kinds); i++)
    if (g_str_equal (list_kinds[i].kind, kind))
      found = &list_kinds[i];
  if (found == NULL)
    {
      g_autofree char *message = g_strdup_printf (
        _("“%s” is not a kind of record to list. Try meetings, drafts, ballots, organisations, "
          "people, bodies or terms."),
        kind);
      return fail_with (message);
    }
  if (!wsp_store_query (store, found->type (), NULL, NULL, records, &error))
    return fail (error);
  for (guint i = 0; i < records->len; i++)
    {
      WspRecord *record = g_ptr_array_index (records, i);
      const char *date = found->date_field != NULL
                           ? wsp_record_get_string (record, found->date_field) : NULL;
      g_autofree char *day = date != NULL ? g_strndup (date, 10) : NULL;
      g_autofree char *title = list_title (store, record);

      if (day != NULL)
        g_print ("%s  %s  %s\n", wsp_record_get_id (record), day, title);
      else
        g_print ("%s  %s\n", wsp_record_get_id (record), title);
    }
  return 0;
}

/* ---- --document ---------------------------------------------------------- */

typedef enum
{
  DOC_AGENDA,
  DOC_ATTENDANCE_LIST,
  DOC_INVITATION,
  DOC_CANCELLATION,
  DOC_VOTE_LIST,
  DOC_ATTENDANCE_REGISTER,
  DOC_COMMENTS_TABLE,
  DOC_OPINION,
  DOC_ELECTION_RESULT,
  DOC_MEETING_VOTE_LIST,
  DOC_BALLOT_CARDS,
} DocKind;

static const struct
{
  const char *name;
  DocKind     kind;
} doc_kinds[] = {
  { "agenda", DOC_AGENDA },
  { "attendance-list", DOC_ATTENDANCE_LIST },
  { "invitation", DOC_INVITATION },
  { "cancellation", DOC_CANCELLATION },
  { "vote-list", DOC_VOTE_LIST },
  { "attendance-register", DOC_ATTENDANCE_REGISTER },
  { "comments-table", DOC_COMMENTS_TABLE },
  { "opinion", DOC_OPINION },
  { "election-result", DOC_ELECTION_RESULT },
  { "meeting-vote-list", DOC_MEETING_VOTE_LIST },
  { "ballot-cards", DOC_BALLOT_CARDS },
};

static int
write_invitation (WspStore              *store,
                  const char            *id,
                  gboolean               cancelled,
                  WspFormat              format,
                  const char            *path,
                  const WspBuildOptions *options)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WspInvitation) invitation = NULL;
  g_autoptr (GBytes) contents = NULL;

  if (format != WSP_FORMAT_ICS && format != WSP_FORMAT_TEXT)
    return fail_with (_("An invitation is saved as a calendar file (.ics) or as the e-mail’s "
                        "text (.txt)."));
  invitation = wsp_build_invitation (store, id, cancelled, options, &error);
  if (invitation == NULL)
    {
      if (g_error_matches (error, WSP_OUTPUT_ERROR, WSP_OUTPUT_ERROR_MISSING)
          && options->organizer_email == NULL)
        {
          g_printerr ("wspolnie: %s %s\n", error->message,
                      _("Give the sender’s address with --organizer."));
          return 1;
        }
      return fail (error);
    }
  if (format == WSP_FORMAT_ICS)
    contents = g_bytes_new (invitation->calendar, strlen (invitation->calendar));
  else
    {
      char *text = wsp_invitation_dup_text (invitation);
      contents = g_bytes_new_take (text, strlen (text));
    }
  if (!wsp_output_save (path, contents, &error))
    return fail (error);
  return 0;
}

static int
run_document (WspStore   *store,
              const char *name,
              const char *id,
              const char *path,
              const char *organizer)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WspDocument) document = NULL;
  WspBuildOptions options = { .organizer_email = organizer };
  WspFormat format;
  DocKind kind = DOC_AGENDA;
  gboolean known = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (doc_kinds) && !known; i++)
    if (g_str_equal (doc_kinds[i].name, name))
      {
        kind = doc_kinds[i].kind;
        known = TRUE;
      }
  if (!known)
    {
      g_autofree char *message = g_strdup_printf (
        _("“%s” is not a kind of document. Try agenda, attendance-list, invitation, cancellation, "
          "vote-list, attendance-register, comments-table, opinion, election-result, meeting-vote-list or "
          "ballot-cards."),
        name);
      return fail_with (message);
    }
  if (id == NULL)
    return fail_with (_("Say which record the document is made from with --of ID (see --list)."));
  if (path == NULL)
    return fail_with (_("Say where to write the document with --output FILE."));
  if (!wsp_format_from_path (path, &format, &error))
    return fail (error);

  switch (kind)
    {
    case DOC_INVITATION:
    case DOC_CANCELLATION:
      return write_invitation (store, id, kind == DOC_CANCELLATION, format, path, &options);
    case DOC_AGENDA:
      document = wsp_build_agenda (store, id, &options, &error);
      break;
    case DOC_ATTENDANCE_LIST:
      document = wsp_build_attendance_list (store, id, &options, &error);
      break;
    case DOC_VOTE_LIST:
      document = wsp_build_vote_list (store, id, &options, &error);
      break;
    case DOC_COMMENTS_TABLE:
      document = wsp_build_comments_table (store, id, &options, &error);
      break;
    case DOC_OPINION:
      document = wsp_build_opinion (store, id, &options, &error);
      break;
    case DOC_ELECTION_RESULT:
      document = wsp_build_election_result (store, id, &options, &error);
      break;
    case DOC_MEETING_VOTE_LIST:
      document = wsp_build_meeting_vote_list (store, id, &options, &error);
      break;
    case DOC_BALLOT_CARDS:
      document = wsp_build_ballot_cards (store, id, &options, &error);
      break;
    case DOC_ATTENDANCE_REGISTER:
    default:
      document = wsp_build_attendance_register (store, id, &options, &error);
      break;
    }
  if (document == NULL)
    return fail (error);
  if (format == WSP_FORMAT_ICS)
    return fail_with (_("Only invitations can be saved as a calendar file (.ics)."));
  if (!wsp_output_write (document, format, path, NULL, NULL, NULL, &error))
    return fail (error);
  return 0;
}

/* ---- --add-draft ---------------------------------------------------------- */

static gboolean
valid_day (const char *text)
{
  int y, m, d;
  char extra;

  return text != NULL && strlen (text) == 10 && sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &extra) == 3
         && g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y);
}

static int
run_add_draft (WspStore   *store,
               const char *path,
               const char *title,
               const char *delivered)
{
  g_autoptr (GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *guessed = NULL;
  g_autofree char *basename = g_file_get_basename (file);
  g_autoptr (GPtrArray) units = NULL;
  g_autoptr (WspRecord) draft = WSP_RECORD (wsp_draft_new ());
  g_autoptr (WspRecord) version = NULL;

  if (delivered != NULL && !valid_day (delivered))
    return fail_with (_("The day of delivery must look like 2027-10-28."));
  text = wsp_draft_read_file (file, NULL, &error);
  if (text == NULL)
    return fail (error);
  if (title == NULL)
    {
      g_autoptr (GPtrArray) probe = wsp_draft_split (text);

      title = guessed = wsp_draft_guess_title (probe);
      if (title == NULL)
        title = basename;
    }
  wsp_record_set_string (draft, "title", title);
  wsp_record_set_string (draft, "kind", wsp_draft_guess_kind (title));
  wsp_record_set_string (draft, "received_on", delivered);
  if (!wsp_draft_register (store, draft, text, basename, &version, &error))
    return fail (error);

  /* Translators: on standard error after --add-draft: the draft's id, title and deadline */
  g_printerr (_("Registered %1$s “%2$s”, opinion due by %3$s\n"), wsp_record_get_id (draft), title,
              wsp_record_get_string (draft, "deadline"));
  units = wsp_draft_units_from_json (wsp_record_get_value (version, "units"));
  for (guint i = 0; i < units->len; i++)
    {
      WspDraftUnit *unit = g_ptr_array_index (units, i);
      g_autofree char *words = wsp_draft_unit_dup_excerpt (unit, 8);

      g_print ("%s  %s\n", unit->key, words);
    }
  return 0;
}

/* Runs --list, --document or --add-draft; -1 when the options ask for none. */
int
wsp_application_run_documents (WspApplication *self,
                               GVariantDict   *options)
{
  const char *list = NULL, *document = NULL, *of = NULL, *output = NULL, *organizer = NULL;
  const char *add_draft = NULL, *title = NULL, *delivered = NULL;
  g_autoptr (WspStore) store = NULL;
  g_autoptr (GError) error = NULL;

  g_variant_dict_lookup (options, "list", "&s", &list);
  g_variant_dict_lookup (options, "document", "&s", &document);
  g_variant_dict_lookup (options, "of", "&s", &of);
  g_variant_dict_lookup (options, "output", "^&ay", &output);
  g_variant_dict_lookup (options, "organizer", "&s", &organizer);
  g_variant_dict_lookup (options, "add-draft", "^&ay", &add_draft);
  g_variant_dict_lookup (options, "title", "&s", &title);
  g_variant_dict_lookup (options, "delivered", "&s", &delivered);
  if (list == NULL && document == NULL && add_draft == NULL)
    return -1;

  store = wsp_store_open (wsp_application_get_database_path (self), &error);
  if (store == NULL)
    return fail (error);
  if (g_variant_dict_contains (options, "demo") && !wsp_demo_fill (store, &error))
    return fail (error);

  if (add_draft != NULL)
    return run_add_draft (store, add_draft, title, delivered);
  if (list != NULL)
    {
      int status = run_list (store, list);

      if (status != 0 || document == NULL)
        return status;
    }
  return run_document (store, document, of, output, organizer);
}
