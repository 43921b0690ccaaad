/* wsp-ballot-cards.c — the cards of a vote by circulation, one page per member
 *
 * Each member of the body gets a card with their name, the question, the
 * deadline and how to answer: one of for, against or abstained marked,
 * then the date and the member's signature. The secretary prints them,
 * sends them out, and records each answer as it comes back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "output/wsp-builder-util.h"
#include "output/wsp-builders.h"
#include "records/wsp-records-votes.h"

/**
 * wsp_build_ballot_cards:
 * @store: the store
 * @ballot_id: a vote by circulation
 * @options: (nullable): settings
 * @error: where to say why there is no document
 *
 * Returns: (transfer full): a card for each member of the body on the
 *   day the vote opened, each on a page of its own; %NULL with @error
 *   (%WSP_OUTPUT_ERROR_NOT_APPLICABLE for a vote taken at a meeting)
 */
WspDocument *
wsp_build_ballot_cards (WspStore              *store,
                        const char            *ballot_id,
                        const WspBuildOptions *options,
                        GError               **error)
{
  g_autoptr (WspRecord) ballot = NULL;
  g_autoptr (WspRecord) body = NULL;
  g_autoptr (WspDocument) doc = NULL;
  g_autoptr (GPtrArray) members = NULL;
  g_autoptr (GDateTime) opened = NULL;
  g_autoptr (GDateTime) deadline = NULL;
  g_autofree char *city = NULL;
  g_autofree char *day = NULL;
  g_autofree char *until = NULL;
  g_autofree char *number = NULL;
  g_autofree char *date = NULL;

  ballot = wsp_builder_get (store, ballot_id, "ballot", _("Ballot cards"), error);
  if (ballot == NULL)
    return NULL;
  if (!wsp_record_get_bool (ballot, "by_circulation"))
    {
      g_set_error_literal (error, WSP_OUTPUT_ERROR, WSP_OUTPUT_ERROR_NOT_APPLICABLE,
                           _("This vote was taken at a meeting: ballot cards are for votes by circulation."));
      return NULL;
    }
  body = wsp_builder_get_optional (store, wsp_record_get_string (ballot, "body_id"));
  opened = wsp_builder_time (ballot, "opened_at");
  if (body == NULL || opened == NULL)
    {
      g_set_error_literal (error, WSP_OUTPUT_ERROR, WSP_OUTPUT_ERROR_MISSING,
                           _("The vote has no body or no opening time, so its members cannot be "
                             "listed."));
      return NULL;
    }
  date = g_strndup (wsp_record_get_string (ballot, "opened_at"), 10);
  members = wsp_builder_members_on (store, body, date, error);
  if (members == NULL)
    return NULL;

  city = wsp_builder_city (options, body);
  day = wsp_builder_date (opened);
  deadline = wsp_builder_time (ballot, "deadline");
  until = deadline != NULL ? wsp_builder_date (deadline) : NULL;
  /* Translators: under "Ballot cards": of the vote by circulation opened on a date */
  number = g_strdup_printf (_("of the vote by circulation opened on %s"), day);

  doc = wsp_document_new ();
  wsp_document_set_title_block (doc, wsp_record_get_string (body, "name"), city, _("Ballot cards"), number, day,
                                NULL);
  for (guint i = 0; i < members->len; i++)
    {
      WspMemberEntry *entry = g_ptr_array_index (members, i);
      g_autofree char *name = wsp_builder_member_name (entry);

      if (i > 0)
        wsp_document_add_page_break (doc);
      /* Translators: the heading of one member's card (Polish: Karta do głosowania w trybie obiegowym) */
      wsp_document_add_heading (doc, 1, _("Ballot card of a vote by circulation"));
      wsp_document_add_paragraph (doc, WSP_PARAGRAPH_NOTE, wsp_record_get_string (body, "name"));
      wsp_document_add_labelled (doc, wsp_builder_is_council (body) ? _("Member:") : _("Member organisation:"),
                                 name);
      wsp_document_add_labelled (doc, _("Question:"), wsp_record_get_string (ballot, "question"));
      if (until != NULL)
        /* Translators: a ballot card: by when it must reach the secretary */
        wsp_document_add_labelled (doc, _("Return by:"), until);
      wsp_document_add_paragraph (doc, WSP_PARAGRAPH_BODY,
                                  _("Mark one answer with an X, sign the card and send it back to the secretary "
                                    "(by e-mail as a scan, by post, or in person) before the deadline. A card "
                                    "with no answer marked, or more than one, is not counted."));
      wsp_document_add_paragraph (doc, WSP_PARAGRAPH_BODY, C_ ("ballot card", "☐ For"));
      wsp_document_add_paragraph (doc, WSP_PARAGRAPH_BODY, C_ ("ballot card", "☐ Against"));
      wsp_document_add_paragraph (doc, WSP_PARAGRAPH_BODY, C_ ("ballot card", "☐ I abstain"));
      wsp_document_add_signatures (doc, (const char *[]){ _("Date"), _("Signature"), NULL },
                                   (const char *[]){ "", name, NULL });
    }
  return g_steal_pointer (&doc);
}
