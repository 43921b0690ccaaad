/* wsp-document.h — a neutral document: what an official paper says, not how it looks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * WspBlockKind:
 * @WSP_BLOCK_HEADING: a heading of level 1 to 3
 * @WSP_BLOCK_PARAGRAPH: a paragraph, optionally led by a label in bold
 * @WSP_BLOCK_LIST: a numbered or bulleted list
 * @WSP_BLOCK_TABLE: a table with a header row
 * @WSP_BLOCK_SIGNATURES: places to sign, side by side: a role above a line,
 *   the signer's name under it
 * @WSP_BLOCK_PAGE_BREAK: what follows starts a new page (one card per
 *   member, say)
 *
 * The kinds of content a document is made of, in reading order.
 */
typedef enum
{
  WSP_BLOCK_HEADING,
  WSP_BLOCK_PARAGRAPH,
  WSP_BLOCK_LIST,
  WSP_BLOCK_TABLE,
  WSP_BLOCK_SIGNATURES,
  WSP_BLOCK_PAGE_BREAK,
} WspBlockKind;

/**
 * WspParagraphStyle:
 * @WSP_PARAGRAPH_BODY: running text
 * @WSP_PARAGRAPH_NOTE: smaller text: remarks, explanations under a table
 * @WSP_PARAGRAPH_ADDRESS: a salutation or closing line, kept apart from the
 *   text around it
 */
typedef enum
{
  WSP_PARAGRAPH_BODY,
  WSP_PARAGRAPH_NOTE,
  WSP_PARAGRAPH_ADDRESS,
} WspParagraphStyle;

typedef enum
{
  WSP_ALIGN_START,
  WSP_ALIGN_CENTER,
  WSP_ALIGN_END,
} WspAlign;

/**
 * WspTableRow:
 * @cells: one text per column (a section row has one)
 * @section: a row that names the group of rows below it, across the table
 */
typedef struct
{
  char   **cells;
  gboolean section;
} WspTableRow;

/**
 * WspTable:
 * @n_columns: columns
 * @widths: relative widths of the columns, adding up to 1
 * @aligns: how each column's text is aligned
 * @header: the header row, repeated at the top of every page the table
 *   runs onto
 * @rows: (element-type WspTableRow): the rows
 * @min_row_height: in points: room to sign, or to write by hand (0: the
 *   text's height)
 */
typedef struct
{
  guint      n_columns;
  double    *widths;
  WspAlign  *aligns;
  char     **header;
  GPtrArray *rows;
  double     min_row_height;
} WspTable;

/**
 * WspBlock:
 * @kind: what the block is
 * @level: headings: 1 to 3
 * @style: paragraphs: how they look
 * @lead: (nullable): paragraphs: a label printed in bold before @text
 * @text: headings and paragraphs: the text; line breaks are kept
 * @numbered: lists: numbered (1., 2., …) or bulleted
 * @items: lists: the items (an item's second line is printed under its
 *   first); signatures: the roles of the signers
 * @names: signatures: the names printed under the lines ("" leaves the
 *   line to be filled in by hand)
 * @table: tables: the table
 */
typedef struct
{
  WspBlockKind      kind;
  guint             level;
  WspParagraphStyle style;
  char             *lead;
  char             *text;
  gboolean          numbered;
  char            **items;
  char            **names;
  WspTable         *table;
} WspBlock;

#define WSP_TYPE_DOCUMENT (wsp_document_get_type ())

G_DECLARE_FINAL_TYPE (WspDocument, wsp_document, WSP, DOCUMENT, GObject)

WspDocument    *wsp_document_new               (void);

void            wsp_document_set_title_block   (WspDocument        *self,
                                                const char         *body,
                                                const char         *city,
                                                const char         *kind,
                                                const char         *number,
                                                const char         *date,
                                                const char         *place);
const char     *wsp_document_get_body          (WspDocument        *self);
const char     *wsp_document_get_city          (WspDocument        *self);
const char     *wsp_document_get_kind          (WspDocument        *self);
const char     *wsp_document_get_number        (WspDocument        *self);
const char     *wsp_document_get_date          (WspDocument        *self);
const char     *wsp_document_get_place         (WspDocument        *self);
char           *wsp_document_dup_title         (WspDocument        *self);
void            wsp_document_set_footer        (WspDocument        *self,
                                                const char         *footer);
const char     *wsp_document_get_footer        (WspDocument        *self);
void            wsp_document_set_landscape     (WspDocument        *self,
                                                gboolean            landscape);
gboolean        wsp_document_get_landscape     (WspDocument        *self);

void            wsp_document_add_heading       (WspDocument        *self,
                                                guint               level,
                                                const char         *text);
void            wsp_document_add_paragraph     (WspDocument        *self,
                                                WspParagraphStyle   style,
                                                const char         *text);
void            wsp_document_add_labelled      (WspDocument        *self,
                                                const char         *label,
                                                const char         *text);
void            wsp_document_add_list          (WspDocument        *self,
                                                gboolean            numbered,
                                                const char * const *items);
WspTable       *wsp_document_add_table         (WspDocument        *self,
                                                guint               n_columns,
                                                const double       *widths,
                                                const char * const *header);
void            wsp_table_set_align            (WspTable           *table,
                                                guint               column,
                                                WspAlign            align);
void            wsp_table_add_row              (WspTable           *table,
                                                const char * const *cells);
void            wsp_table_add_section          (WspTable           *table,
                                                const char         *text);
void            wsp_document_add_signatures    (WspDocument        *self,
                                                const char * const *roles,
                                                const char * const *names);

void            wsp_document_add_page_break    (WspDocument        *self);
guint           wsp_document_get_n_blocks      (WspDocument        *self);
const WspBlock *wsp_document_get_block         (WspDocument        *self,
                                                guint               index);
WspTable       *wsp_document_get_first_table   (WspDocument        *self);
const char     *wsp_document_page_label_format (void);
char           *wsp_document_dup_page_label    (guint               page,
                                                guint               n_pages);

G_END_DECLS
