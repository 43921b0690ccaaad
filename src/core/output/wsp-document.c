/* wsp-document.c — a neutral document: what an official paper says, not how it looks
 *
 * Builders (wsp-documents.h) fill a document from the records; the writers
 * (wsp-output.h) turn it into PDF, ODT, CSV or plain text, and the print
 * operation of the GUI draws it with the same page renderer as the PDF.
 * A document is filled once and then only read, so a writer may read it
 * in a worker thread.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "output/wsp-document.h"

struct _WspDocument
{
  GObject    parent_instance;

  char      *body;
  char      *city;
  char      *kind;
  char      *number;
  char      *date;
  char      *place;
  char      *footer;
  gboolean   landscape;
  GPtrArray *blocks; /* WspBlock */
};

G_DEFINE_FINAL_TYPE (WspDocument, wsp_document, G_TYPE_OBJECT)

static void
table_row_free (WspTableRow *row)
{
  g_strfreev (row->cells);
  g_free (row);
}

static void
table_free (WspTable *table)
{
  if (table == NULL)
    return;
  g_free (table->widths);
  g_free (table->aligns);
  g_strfreev (table->header);
  g_ptr_array_unref (table->rows);
  g_free (table);
}

static void
block_free (WspBlock *block)
{
  g_free (block->lead);
  g_free (block->text);
  g_strfreev (block->items);
  g_strfreev (block->names);
  table_free (block->table);
  g_free (block);
}

WspDocument *
wsp_document_new (void)
{
  return g_object_new (WSP_TYPE_DOCUMENT, NULL);
}

static void
wsp_document_finalize (GObject *object)
{
  WspDocument *self = WSP_DOCUMENT (object);

  g_free (self->body);
  g_free (self->city);
  g_free (self->kind);
  g_free (self->number);
  g_free (self->date);
  g_free (self->place);
  g_free (self->footer);
  g_ptr_array_unref (self->blocks);

  G_OBJECT_CLASS (wsp_document_parent_class)->finalize (object);
}

static void
wsp_document_class_init (WspDocumentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = wsp_document_finalize;
}

static void
wsp_document_init (WspDocument *self)
{
  self->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);
}

static void
replace (char       **field,
         const char  *value)
{
  g_free (*field);
  *field = (value != NULL && *value != '\0') ? g_strdup (value) : NULL;
}

/**
 * wsp_document_set_title_block:
 * @self: a document
 * @body: (nullable): the body that issues it, e.g. the Council's name
 * @city: (nullable): where it is issued, printed before the date
 * @kind: what the document is, e.g. "Agenda"
 * @number: (nullable): which one, e.g. "of meeting no. 9"
 * @date: (nullable): the date of issue, as printed
 * @place: (nullable): where the meeting is held
 *
 * Sets what the top of the first page says. The footer defaults to @body.
 */
void
wsp_document_set_title_block (WspDocument *self,
                              const char  *body,
                              const char  *city,
                              const char  *kind,
                              const char  *number,
                              const char  *date,
                              const char  *place)
{
  g_return_if_fail (WSP_IS_DOCUMENT (self));

  replace (&self->body, body);
  replace (&self->city, city);
  replace (&self->kind, kind);
  replace (&self->number, number);
  replace (&self->date, date);
  replace (&self->place, place);
}

const char *
wsp_document_get_body (WspDocument *self)
{
  g_return_val_if_fail (WSP_IS_DOCUMENT (self), NULL);
  return self->body;
}

const char *
wsp_document_get_city (WspDocument *self)
{
  g_return_val_if_fail (WSP_IS_DOCUMENT (self), NULL);
  return self->city;
}

const char *
wsp_document_get_kind (WspDocument *self)
{
  g_return_val_if_fail (WSP_IS_DOCUMENT (self), NULL);
  return self->kind;
}

const char *
wsp_document_get_number (WspDocument *self)
{
  g_return_val_if_fail (WSP_IS_DOCUMENT (self), NULL);
  return self->number;
}

const char *
wsp_document_get_date (WspDocument *self)
{
  g_return_val_if_fail (WSP_IS_DOCUMENT (self), NULL);
  return self->date;
}

const char *
wsp_document_get_place (WspDocument *self)
{
  g_return_val_if_fail (WSP_IS_DOCUMENT (self), NULL);
  return self->place;
}

/* The document's title for file metadata: its kind and number. */
char *
wsp_document_dup_title (WspDocument *self)
{
  g_return_val_if_fail (WSP_IS_DOCUMENT (self), NULL);

  if (self->kind != NULL && self->number != NULL)
    return g_strconcat (self->kind, " ", self->number, NULL);
  return g_strdup (self->kind != NULL ? self->kind : "");
}

void
wsp_document_set_footer (WspDocument *self,
                         const char  *footer)
{
  g_return_if_fail (WSP_IS_DOCUMENT (self));
  replace (&self->footer, footer);
}

/* Lays the document out across the page (a wide table); portrait by default. */
void
wsp_document_set_landscape (WspDocument *self,
                            gboolean     landscape)
{
  g_return_if_fail (WSP_IS_DOCUMENT (self));
  self->landscape = landscape;
}

gboolean
wsp_document_get_landscape (WspDocument *self)
{
  g_return_val_if_fail (WSP_IS_DOCUMENT (self), FALSE);
  return self->landscape;
}

/* What the footer says beside the page number: the body's name unless set. */
const char *
wsp_document_get_footer (WspDocument *self)
{
  g_return_val_if_fail (WSP_IS_DOCUMENT (self), NULL);
  return self->footer != NULL ? self->footer : self->body;
}

static WspBlock *
add_block (WspDocument  *self,
           WspBlockKind  kind)
{
  WspBlock *block = g_new0 (WspBlock, 1);

  block->kind = kind;
  g_ptr_array_add (self->blocks, block);
  return block;
}

void
wsp_document_add_heading (WspDocument *self,
                          guint        level,
                          const char  *text)
{
  WspBlock *block;

  g_return_if_fail (WSP_IS_DOCUMENT (self));
  g_return_if_fail (text != NULL);

  block = add_block (self, WSP_BLOCK_HEADING);
  block->level = CLAMP (level, 1, 3);
  block->text = g_strdup (text);
}

void
wsp_document_add_paragraph (WspDocument       *self,
                            WspParagraphStyle  style,
                            const char        *text)
{
  WspBlock *block;

  g_return_if_fail (WSP_IS_DOCUMENT (self));
  g_return_if_fail (text != NULL);

  block = add_block (self, WSP_BLOCK_PARAGRAPH);
  block->style = style;
  block->text = g_strdup (text);
}

/* A paragraph "Label: text" with the label in bold. */
void
wsp_document_add_labelled (WspDocument *self,
                           const char  *label,
                           const char  *text)
{
  WspBlock *block;

  g_return_if_fail (WSP_IS_DOCUMENT (self));
  g_return_if_fail (label != NULL && text != NULL);

  block = add_block (self, WSP_BLOCK_PARAGRAPH);
  block->style = WSP_PARAGRAPH_BODY;
  block->lead = g_strdup (label);
  block->text = g_strdup (text);
}

void
wsp_document_add_list (WspDocument        *self,
                       gboolean            numbered,
                       const char * const *items)
{
  WspBlock *block;

  g_return_if_fail (WSP_IS_DOCUMENT (self));
  g_return_if_fail (items != NULL);

  if (items[0] == NULL)
    return;
  block = add_block (self, WSP_BLOCK_LIST);
  block->numbered = numbered;
  block->items = g_strdupv ((char **) items);
}

/**
 * wsp_document_add_table:
 * @self: a document
 * @n_columns: the number of columns, at least 1
 * @widths: (array length=n_columns): relative widths (any scale)
 * @header: (array length=n_columns): the texts of the header row
 *
 * Returns: (transfer none): the table, to add rows to
 */
WspTable *
wsp_document_add_table (WspDocument        *self,
                        guint               n_columns,
                        const double       *widths,
                        const char * const *header)
{
  WspBlock *block;
  WspTable *table;
  double sum = 0;

  g_return_val_if_fail (WSP_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (n_columns > 0 && widths != NULL && header != NULL, NULL);

  table = g_new0 (WspTable, 1);
  table->n_columns = n_columns;
  table->widths = g_new (double, n_columns);
  table->aligns = g_new0 (WspAlign, n_columns);
  table->header = g_new0 (char *, n_columns + 1);
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) table_row_free);
  for (guint i = 0; i < n_columns; i++)
    sum += MAX (widths[i], 0.0);
  for (guint i = 0; i < n_columns; i++)
    {
      table->widths[i] = sum > 0 ? MAX (widths[i], 0.0) / sum : 1.0 / n_columns;
      table->header[i] = g_strdup (header[i] != NULL ? header[i] : "");
    }

  block = add_block (self, WSP_BLOCK_TABLE);
  block->table = table;
  return table;
}

void
wsp_table_set_align (WspTable *table,
                     guint     column,
                     WspAlign  align)
{
  g_return_if_fail (table != NULL && column < table->n_columns);
  table->aligns[column] = align;
}

/* Adds a row of n_columns texts (NULL for an empty cell). */
void
wsp_table_add_row (WspTable           *table,
                   const char * const *cells)
{
  WspTableRow *row;

  g_return_if_fail (table != NULL && cells != NULL);

  row = g_new0 (WspTableRow, 1);
  row->cells = g_new0 (char *, table->n_columns + 1);
  for (guint i = 0; i < table->n_columns; i++)
    row->cells[i] = g_strdup (cells[i] != NULL ? cells[i] : "");
  g_ptr_array_add (table->rows, row);
}

/* Adds a row across the table that names the group of rows below it. */
void
wsp_table_add_section (WspTable   *table,
                       const char *text)
{
  WspTableRow *row;

  g_return_if_fail (table != NULL && text != NULL);

  row = g_new0 (WspTableRow, 1);
  row->cells = g_new0 (char *, 2);
  row->cells[0] = g_strdup (text);
  row->section = TRUE;
  g_ptr_array_add (table->rows, row);
}

/**
 * wsp_document_add_signatures:
 * @self: a document
 * @roles: (array zero-terminated=1): who signs, e.g. "Chair of the Council"
 * @names: (array zero-terminated=1) (nullable): the name under each line,
 *   as many as @roles; NULL or "" leaves the name to be written by hand
 */
void
wsp_document_add_signatures (WspDocument        *self,
                             const char * const *roles,
                             const char * const *names)
{
  WspBlock *block;
  guint n, n_names;

  g_return_if_fail (WSP_IS_DOCUMENT (self));
  g_return_if_fail (roles != NULL);

  n = g_strv_length ((char **) roles);
  n_names = names != NULL ? g_strv_length ((char **) names) : 0;
  block = add_block (self, WSP_BLOCK_SIGNATURES);
  block->items = g_strdupv ((char **) roles);
  block->names = g_new0 (char *, n + 1);
  for (guint i = 0; i < n; i++)
    block->names[i] = g_strdup (i < n_names ? names[i] : "");
}

/* What follows starts on a new page. */
void
wsp_document_add_page_break (WspDocument *self)
{
  g_return_if_fail (WSP_IS_DOCUMENT (self));
  add_block (self, WSP_BLOCK_PAGE_BREAK);
}

guint
wsp_document_get_n_blocks (WspDocument *self)
{
  g_return_val_if_fail (WSP_IS_DOCUMENT (self), 0);
  return self->blocks->len;
}

const WspBlock *
wsp_document_get_block (WspDocument *self,
                        guint        index)
{
  g_return_val_if_fail (WSP_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (index < self->blocks->len, NULL);
  return g_ptr_array_index (self->blocks, index);
}

/* The first table: what a CSV file of the document holds. */
WspTable *
wsp_document_get_first_table (WspDocument *self)
{
  g_return_val_if_fail (WSP_IS_DOCUMENT (self), NULL);

  for (guint i = 0; i < self->blocks->len; i++)
    {
      WspBlock *block = g_ptr_array_index (self->blocks, i);

      if (block->kind == WSP_BLOCK_TABLE)
        return block->table;
    }
  return NULL;
}

/* The translated "Page 2 of 5", with its two numbers as %1$u and %2$u. */
const char *
wsp_document_page_label_format (void)
{
  /* Translators: in the footer of every page of a document; keep %1$u (this
   * page) and %2$u (the number of pages) */
  return _("Page %1$u of %2$u");
}

char *
wsp_document_dup_page_label (guint page,
                             guint n_pages)
{
  return g_strdup_printf (wsp_document_page_label_format (), page, n_pages);
}
