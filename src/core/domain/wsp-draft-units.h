/* wsp-draft-units.h — the units a draft's text is split into, as a version stores them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/**
 * WspUnitKind:
 * @WSP_UNIT_PREAMBLE: the title and the legal basis ("Na podstawie art. …")
 * @WSP_UNIT_CHAPTER: a chapter (Rozdział, Dział); its text is its title
 * @WSP_UNIT_PARAGRAPH: a paragraph (§)
 * @WSP_UNIT_SECTION: a section (ust.): "1." inside a §, or a numbered
 *   paragraph of a text without §
 * @WSP_UNIT_POINT: a point (pkt): "1)", or "1.2." in decimal numbering
 * @WSP_UNIT_LETTER: a letter (lit.): "a)"
 * @WSP_UNIT_INDENT: an indent (tiret): "–"
 * @WSP_UNIT_ATTACHMENT: an attachment (Załącznik nr 1), with numbering of
 *   its own; its text is its heading
 * @WSP_UNIT_TABLE: a table, its rows one per line, cells apart by " | "
 * @WSP_UNIT_JUSTIFICATION: the justification (Uzasadnienie) of the draft
 *
 * What a unit of a draft is, in the structure of Polish legislative text.
 */
typedef enum
{
  WSP_UNIT_PREAMBLE,
  WSP_UNIT_CHAPTER,
  WSP_UNIT_PARAGRAPH,
  WSP_UNIT_SECTION,
  WSP_UNIT_POINT,
  WSP_UNIT_LETTER,
  WSP_UNIT_INDENT,
  WSP_UNIT_ATTACHMENT,
  WSP_UNIT_TABLE,
  WSP_UNIT_JUSTIFICATION,
} WspUnitKind;

/**
 * WspDraftUnit:
 * @key: what the unit is called, unique in its version and kept while its
 *   numbering is: "§ 3 ust. 2 pkt 4 lit. b", "Załącznik nr 1 Rozdział 2"
 * @label: its own part of the key: "lit. b"
 * @name: how a person cites it: the key, or for units stored by older
 *   versions of the app under other keys ("p3.u2"), their labels joined
 *   ("§ 3 ust. 2")
 * @parent: (nullable): the key of the unit it is in
 * @kind: what it is
 * @text: its own words (not those of the units in it)
 * @from: (nullable): the key of the unit it continues in the previous
 *   version of the draft; %NULL for a unit the new version added
 * @depth: how deep it is: 0 for the preamble, an attachment, a § of a
 *   text without chapters
 * @line: the line of the text it starts on (0 for the first), or -1 when
 *   not known
 *
 * One unit of a draft's text. A version stores its units, in the order of
 * the text, as a JSON array of objects with these members (but @name,
 * @depth and @line, which are worked out again).
 */
typedef struct
{
  char       *key;
  char       *label;
  char       *name;
  char       *parent;
  WspUnitKind kind;
  char       *text;
  char       *from;
  guint       depth;
  int         line;
} WspDraftUnit;

WspDraftUnit *wsp_draft_unit_new            (WspUnitKind         kind,
                                             const char         *key,
                                             const char         *label,
                                             const char         *parent);
WspDraftUnit *wsp_draft_unit_copy           (const WspDraftUnit *unit);
void          wsp_draft_unit_free           (WspDraftUnit       *unit);
const char   *wsp_unit_kind_to_string       (WspUnitKind         kind);
WspUnitKind   wsp_unit_kind_from_string     (const char         *name,
                                             const char         *label);
char         *wsp_draft_unit_dup_excerpt    (const WspDraftUnit *unit,
                                             guint               n_words);
gboolean      wsp_draft_unit_is_container   (const WspDraftUnit *unit);

GPtrArray    *wsp_draft_units_new           (void);
GPtrArray    *wsp_draft_units_from_json     (JsonNode           *node);
JsonNode     *wsp_draft_units_to_json       (GPtrArray          *units);
GHashTable   *wsp_draft_units_index         (GPtrArray          *units);
char         *wsp_draft_units_dup_subtree_text (GPtrArray       *units,
                                             guint               index);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WspDraftUnit, wsp_draft_unit_free)

G_END_DECLS
