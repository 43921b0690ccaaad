/* wsp-odt-writer.c — a document as an OpenDocument text (.odt) the office can edit
 *
 * The package is written with libgsf's zip writer and the XML with
 * libxml2's text writer. As ODF 1.2 part 3 §3.3 asks, "mimetype" is the
 * first entry, stored uncompressed and without an extra field, so a file
 * that has lost its extension is still known as ODT. Headings are real
 * headings (text:h with an outline level: they make the navigator and a
 * table of contents), tables are real tables whose header row repeats on
 * every page, lists use list styles, and the footer holds the body's name
 * and the page number as fields, so LibreOffice and Word renumber it when
 * the text is edited.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <gsf/gsf.h>
#include <libxml/xmlwriter.h>
#include <string.h>

#include "output/wsp-output.h"

#define NS_OFFICE   "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
#define NS_STYLE    "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
#define NS_TEXT     "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
#define NS_TABLE    "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
#define NS_FO       "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
#define NS_SVG      "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
#define NS_META     "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
#define NS_DC       "http://purl.org/dc/elements/1.1/"
#define NS_MANIFEST "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"

#define MIME_TYPE "application/vnd.oasis.opendocument.text"

/* The text area of an A4 page with the margins of the PDF, in cm: upright
 * and across. */
#define TEXT_WIDTH_CM 16.5
#define TEXT_WIDTH_LANDSCAPE_CM 25.2

static double
text_width (WspDocument *document)
{
  return wsp_document_get_landscape (document) ? TEXT_WIDTH_LANDSCAPE_CM : TEXT_WIDTH_CM;
}

typedef xmlTextWriterPtr W;

static void
start (W           w,
       const char *name)
{
  xmlTextWriterStartElement (w, (const xmlChar *) name);
}

static void
end (W w)
{
  xmlTextWriterEndElement (w);
}

static void
attr (W           w,
      const char *name,
      const char *value)
{
  xmlTextWriterWriteAttribute (w, (const xmlChar *) name, (const xmlChar *) value);
}

static void
attr_printf (W           w,
             const char *name,
             const char *format,
             ...) G_GNUC_PRINTF (3, 4);

static void
attr_printf (W           w,
             const char *name,
             const char *format,
             ...)
{
  va_list args;
  g_autofree char *value = NULL;

  va_start (args, format);
  value = g_strdup_vprintf (format, args);
  va_end (args);
  attr (w, name, value);
}

/* A length in centimetres, with a decimal point whatever the locale. */
static void
attr_cm (W           w,
         const char *name,
         double      cm)
{
  char number[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *value = NULL;

  g_ascii_formatd (number, sizeof number, "%.3f", cm);
  value = g_strconcat (number, "cm", NULL);
  attr (w, name, value);
}

/* An empty element with attributes given as name, value pairs, ending in NULL. */
static void
empty (W           w,
       const char *name,
       ...) G_GNUC_NULL_TERMINATED;

static void
empty (W           w,
       const char *name,
       ...)
{
  va_list args;
  const char *key;

  start (w, name);
  va_start (args, name);
  while ((key = va_arg (args, const char *)) != NULL)
    attr (w, key, va_arg (args, const char *));
  va_end (args);
  end (w);
}

/* Text with its line breaks as text:line-break and runs of spaces as text:s. */
static void
text (W           w,
      const char *content)
{
  const char *p = content;

  while (*p != '\0')
    {
      const char *stop = p;

      while (*stop != '\0' && *stop != '\n' && *stop != '\t' && !(stop[0] == ' ' && stop[1] == ' '))
        stop++;
      if (stop > p)
        xmlTextWriterWriteFormatString (w, "%.*s", (int) (stop - p), p);
      if (*stop == '\0')
        break;
      if (*stop == '\n')
        empty (w, "text:line-break", NULL);
      else if (*stop == '\t')
        empty (w, "text:tab", NULL);
      else
        {
          /* Two spaces: the first as it is, the rest as text:s. */
          guint n = 0;

          xmlTextWriterWriteString (w, (const xmlChar *) " ");
          stop++;
          while (stop[0] == ' ')
            n++, stop++;
          start (w, "text:s");
          attr_printf (w, "text:c", "%u", n);
          end (w);
          p = stop;
          continue;
        }
      p = stop + 1;
    }
}

static void
paragraph (W           w,
           const char *style,
           const char *content)
{
  start (w, "text:p");
  attr (w, "text:style-name", style);
  if (content != NULL)
    text (w, content);
  end (w);
}

static void
namespaces (W w)
{
  attr (w, "xmlns:office", NS_OFFICE);
  attr (w, "xmlns:style", NS_STYLE);
  attr (w, "xmlns:text", NS_TEXT);
  attr (w, "xmlns:table", NS_TABLE);
  attr (w, "xmlns:fo", NS_FO);
  attr (w, "xmlns:svg", NS_SVG);
  attr (w, "office:version", "1.2");
}

/* A named paragraph style: @props are fo:/style: paragraph properties and
 * @text_props text properties, as name, value pairs in two NULL-ended lists. */
static void
paragraph_style (W                   w,
                 const char         *name,
                 const char         *display,
                 const char         *parent,
                 const char * const *props,
                 const char * const *text_props)
{
  start (w, "style:style");
  attr (w, "style:name", name);
  if (display != NULL)
    attr (w, "style:display-name", display);
  attr (w, "style:family", "paragraph");
  if (parent != NULL)
    attr (w, "style:parent-style-name", parent);
  if (props != NULL)
    {
      start (w, "style:paragraph-properties");
      for (guint i = 0; props[i] != NULL; i += 2)
        attr (w, props[i], props[i + 1]);
      end (w);
    }
  if (text_props != NULL)
    {
      start (w, "style:text-properties");
      for (guint i = 0; text_props[i] != NULL; i += 2)
        attr (w, text_props[i], text_props[i + 1]);
      end (w);
    }
  end (w);
}

#define P(...) ((const char * const[]){ __VA_ARGS__, NULL })

static void
heading_style (W           w,
               guint       level,
               const char *size)
{
  g_autofree char *name = g_strdup_printf ("Heading_20_%u", level);
  g_autofree char *display = g_strdup_printf ("Heading %u", level);
  g_autofree char *outline = g_strdup_printf ("%u", level);

  start (w, "style:style");
  attr (w, "style:name", name);
  attr (w, "style:display-name", display);
  attr (w, "style:family", "paragraph");
  attr (w, "style:parent-style-name", "Heading");
  attr (w, "style:next-style-name", "Text_20_body");
  attr (w, "style:default-outline-level", outline);
  attr (w, "style:class", "text");
  start (w, "style:text-properties");
  attr (w, "fo:font-size", size);
  attr (w, "fo:font-weight", "bold");
  end (w);
  end (w);
}

static void
list_style (W           w,
            const char *name,
            const char *display,
            gboolean    numbered)
{
  start (w, "text:list-style");
  attr (w, "style:name", name);
  attr (w, "style:display-name", display);
  start (w, numbered ? "text:list-level-style-number" : "text:list-level-style-bullet");
  attr (w, "text:level", "1");
  if (numbered)
    {
      attr (w, "style:num-suffix", ".");
      attr (w, "style:num-format", "1");
    }
  else
    {
      attr (w, "text:bullet-char", "•");
    }
  start (w, "style:list-level-properties");
  attr (w, "text:list-level-position-and-space-mode", "label-alignment");
  empty (w, "style:list-level-label-alignment", "text:label-followed-by", "listtab",
         "text:list-tab-stop-position", "0.7cm", "fo:text-indent", "-0.7cm", "fo:margin-left",
         "0.7cm", NULL);
  end (w);
  end (w);
  end (w);
}

static void
write_styles (W            w,
              WspDocument *document)
{
  const char *format = wsp_document_page_label_format ();
  const char *footer = wsp_document_get_footer (document);
  const char *p;

  xmlTextWriterStartDocument (w, NULL, "UTF-8", NULL);
  start (w, "office:document-styles");
  namespaces (w);

  start (w, "office:font-face-decls");
  empty (w, "style:font-face", "style:name", "DejaVu Serif", "svg:font-family", "'DejaVu Serif'",
         "style:font-family-generic", "roman", "style:font-pitch", "variable", NULL);
  end (w);

  start (w, "office:styles");
  start (w, "style:default-style");
  attr (w, "style:family", "paragraph");
  start (w, "style:text-properties");
  attr (w, "style:font-name", "DejaVu Serif");
  attr (w, "fo:font-size", "10.5pt");
  attr (w, "fo:language", "pl");
  attr (w, "fo:country", "PL");
  end (w);
  end (w);

  paragraph_style (w, "Standard", NULL, NULL, NULL, NULL);
  paragraph_style (w, "Text_20_body", "Text body", "Standard",
                   P ("fo:margin-top", "0cm", "fo:margin-bottom", "0.2cm", "fo:text-align",
                      "justify"),
                   NULL);
  paragraph_style (w, "Heading", NULL, "Standard",
                   P ("fo:margin-top", "0.45cm", "fo:margin-bottom", "0.2cm", "fo:keep-with-next",
                      "always"),
                   NULL);
  heading_style (w, 1, "12.5pt");
  heading_style (w, 2, "11pt");
  heading_style (w, 3, "10.5pt");
  paragraph_style (w, "Title", NULL, "Standard",
                   P ("fo:text-align", "center", "fo:margin-top", "0.8cm", "fo:margin-bottom",
                      "0.1cm"),
                   P ("fo:font-size", "15pt", "fo:font-weight", "bold"));
  paragraph_style (w, "Subtitle", NULL, "Standard",
                   P ("fo:text-align", "center", "fo:margin-bottom", "0.05cm"),
                   P ("fo:font-size", "11.5pt"));
  paragraph_style (w, "Wsp_20_Place", "Meeting place", "Standard",
                   P ("fo:text-align", "center", "fo:margin-bottom", "0.6cm"), NULL);
  paragraph_style (w, "Wsp_20_Sender", "Sender", "Standard", NULL, P ("fo:font-weight", "bold"));
  paragraph_style (w, "Wsp_20_Date", "Place and date", "Standard",
                   P ("fo:text-align", "end"), NULL);
  paragraph_style (w, "Wsp_20_Note", "Note", "Text_20_body", NULL, P ("fo:font-size", "8.5pt"));
  paragraph_style (w, "Wsp_20_Address", "Salutation", "Standard",
                   P ("fo:margin-top", "0.2cm", "fo:margin-bottom", "0.35cm"), NULL);
  paragraph_style (w, "Table_20_Contents", "Table Contents", "Standard", NULL,
                   P ("fo:font-size", "9pt"));
  paragraph_style (w, "Table_20_Heading", "Table Heading", "Table_20_Contents", NULL,
                   P ("fo:font-size", "8.5pt", "fo:font-weight", "bold"));
  paragraph_style (w, "Wsp_20_Cell_20_Center", "Table Contents Centred", "Table_20_Contents",
                   P ("fo:text-align", "center"), NULL);
  paragraph_style (w, "Wsp_20_Cell_20_End", "Table Contents Right", "Table_20_Contents",
                   P ("fo:text-align", "end"), NULL);
  paragraph_style (w, "Wsp_20_Signature", "Signature", "Standard",
                   P ("fo:text-align", "center"), NULL);
  paragraph_style (w, "List_20_Contents", "List Contents", "Standard",
                   P ("fo:margin-bottom", "0.1cm"), NULL);

  start (w, "style:style");
  attr (w, "style:name", "Footer");
  attr (w, "style:family", "paragraph");
  attr (w, "style:parent-style-name", "Standard");
  attr (w, "style:class", "extra");
  start (w, "style:paragraph-properties");
  start (w, "style:tab-stops");
  {
    g_autofree char *stop = g_strdup_printf ("%gcm", text_width (document));

    empty (w, "style:tab-stop", "style:position", stop, "style:type", "right", NULL);
  }
  end (w);
  end (w);
  empty (w, "style:text-properties", "fo:font-size", "8pt", NULL);
  end (w);

  start (w, "style:style");
  attr (w, "style:name", "Strong_20_Emphasis");
  attr (w, "style:display-name", "Strong Emphasis");
  attr (w, "style:family", "text");
  empty (w, "style:text-properties", "fo:font-weight", "bold", NULL);
  end (w);

  list_style (w, "Numbering_20_123", "Numbering 123", TRUE);
  list_style (w, "List_20_1", "List 1", FALSE);
  end (w); /* office:styles */

  start (w, "office:automatic-styles");
  start (w, "style:page-layout");
  attr (w, "style:name", "pm1");
  if (wsp_document_get_landscape (document))
    empty (w, "style:page-layout-properties", "fo:page-width", "29.7cm", "fo:page-height", "21cm",
           "style:print-orientation", "landscape", "fo:margin-top", "2cm", "fo:margin-bottom",
           "1.2cm", "fo:margin-left", "2.5cm", "fo:margin-right", "2cm", NULL);
  else
    empty (w, "style:page-layout-properties", "fo:page-width", "21cm", "fo:page-height", "29.7cm",
           "style:print-orientation", "portrait", "fo:margin-top", "2cm", "fo:margin-bottom",
           "1.2cm", "fo:margin-left", "2.5cm", "fo:margin-right", "2cm", NULL);
  start (w, "style:footer-style");
  empty (w, "style:header-footer-properties", "fo:min-height", "0.6cm", "fo:margin-top", "0.5cm",
         "fo:border-top", "0.5pt solid #000000", "fo:padding-top", "0.1cm", NULL);
  end (w);
  end (w);
  end (w);

  start (w, "office:master-styles");
  start (w, "style:master-page");
  attr (w, "style:name", "Standard");
  attr (w, "style:page-layout-name", "pm1");
  start (w, "style:footer");
  start (w, "text:p");
  attr (w, "text:style-name", "Footer");
  if (footer != NULL)
    text (w, footer);
  empty (w, "text:tab", NULL);
  /* "Page %1$u of %2$u" with the two numbers as fields. */
  p = format;
  while (*p != '\0')
    {
      const char *mark = strstr (p, "%");

      if (mark == NULL)
        {
          xmlTextWriterWriteString (w, (const xmlChar *) p);
          break;
        }
      if (mark > p)
        xmlTextWriterWriteFormatString (w, "%.*s", (int) (mark - p), p);
      if (g_str_has_prefix (mark, "%1$u"))
        {
          start (w, "text:page-number");
          attr (w, "text:select-page", "current");
          xmlTextWriterWriteString (w, (const xmlChar *) "1");
          end (w);
          p = mark + 4;
        }
      else if (g_str_has_prefix (mark, "%2$u"))
        {
          start (w, "text:page-count");
          xmlTextWriterWriteString (w, (const xmlChar *) "1");
          end (w);
          p = mark + 4;
        }
      else
        {
          xmlTextWriterWriteString (w, (const xmlChar *) "%");
          p = mark + 1;
        }
    }
  end (w); /* text:p */
  end (w); /* style:footer */
  end (w);
  end (w);

  end (w);
  xmlTextWriterEndDocument (w);
}

static const char *
cell_paragraph_style (WspAlign align)
{
  switch (align)
    {
    case WSP_ALIGN_CENTER:
      return "Wsp_20_Cell_20_Center";
    case WSP_ALIGN_END:
      return "Wsp_20_Cell_20_End";
    case WSP_ALIGN_START:
    default:
      return "Table_20_Contents";
    }
}

static void
cell (W           w,
      const char *cell_style,
      const char *paragraph_style_name,
      const char *content,
      guint       span)
{
  start (w, "table:table-cell");
  attr (w, "table:style-name", cell_style);
  attr (w, "office:value-type", "string");
  if (span > 1)
    attr_printf (w, "table:number-columns-spanned", "%u", span);
  paragraph (w, paragraph_style_name, content);
  end (w);
  for (guint i = 1; i < span; i++)
    empty (w, "table:covered-table-cell", NULL);
}

static void
table_automatic_styles (W               w,
                        guint           number,
                        const WspTable *table,
                        double          width)
{
  start (w, "style:style");
  attr_printf (w, "style:name", "Table%u", number);
  attr (w, "style:family", "table");
  start (w, "style:table-properties");
  attr_cm (w, "style:width", width);
  attr (w, "table:align", "margins");
  attr (w, "fo:margin-top", "0.15cm");
  attr (w, "fo:margin-bottom", "0.3cm");
  attr (w, "table:border-model", "collapsing");
  end (w);
  end (w);
  for (guint c = 0; c < table->n_columns; c++)
    {
      start (w, "style:style");
      attr_printf (w, "style:name", "Table%u.C%u", number, c + 1);
      attr (w, "style:family", "table-column");
      start (w, "style:table-column-properties");
      attr_cm (w, "style:column-width", table->widths[c] * width);
      attr_printf (w, "style:rel-column-width", "%d*", (int) (table->widths[c] * 10000 + 0.5));
      end (w);
      end (w);
    }
  start (w, "style:style");
  attr_printf (w, "style:name", "Table%u.R", number);
  attr (w, "style:family", "table-row");
  start (w, "style:table-row-properties");
  if (table->min_row_height > 0)
    attr_cm (w, "style:min-row-height", table->min_row_height / 72.0 * 2.54);
  attr (w, "fo:keep-together", "always");
  end (w);
  end (w);
}

static void
cell_style (W           w,
            const char *name,
            const char *background,
            gboolean    border)
{
  start (w, "style:style");
  attr (w, "style:name", name);
  attr (w, "style:family", "table-cell");
  start (w, "style:table-cell-properties");
  attr (w, "fo:padding", "0.1cm");
  attr (w, "fo:border", border ? "0.5pt solid #000000" : "none");
  if (background != NULL)
    attr (w, "fo:background-color", background);
  end (w);
  end (w);
}

static void
write_table (W               w,
             guint           number,
             const WspTable *table)
{
  start (w, "table:table");
  attr_printf (w, "table:name", "Table%u", number);
  attr_printf (w, "table:style-name", "Table%u", number);
  for (guint c = 0; c < table->n_columns; c++)
    {
      start (w, "table:table-column");
      attr_printf (w, "table:style-name", "Table%u.C%u", number, c + 1);
      end (w);
    }
  start (w, "table:table-header-rows");
  start (w, "table:table-row");
  for (guint c = 0; c < table->n_columns; c++)
    cell (w, "Wsp.HeadCell", "Table_20_Heading", table->header[c], 1);
  end (w);
  end (w);
  for (guint r = 0; r < table->rows->len; r++)
    {
      const WspTableRow *row = g_ptr_array_index (table->rows, r);

      start (w, "table:table-row");
      if (!row->section)
        attr_printf (w, "table:style-name", "Table%u.R", number);
      if (row->section)
        cell (w, "Wsp.SectionCell", "Table_20_Heading", row->cells[0], table->n_columns);
      else
        for (guint c = 0; c < table->n_columns; c++)
          cell (w, "Wsp.Cell", cell_paragraph_style (table->aligns[c]), row->cells[c], 1);
      end (w);
    }
  end (w);
}

static void
write_signatures (W               w,
                  guint           number,
                  const WspBlock *block)
{
  guint n = g_strv_length (block->items);

  start (w, "table:table");
  attr_printf (w, "table:name", "Signatures%u", number);
  attr_printf (w, "table:style-name", "Signatures%u", number);
  start (w, "table:table-column");
  attr_printf (w, "table:number-columns-repeated", "%u", MAX (n, 2));
  end (w);
  start (w, "table:table-row");
  /* One signer signs on the right, as on a letter. */
  if (n == 1)
    cell (w, "Wsp.SignCell", "Wsp_20_Signature", "", 1);
  for (guint i = 0; i < n; i++)
    {
      start (w, "table:table-cell");
      attr (w, "table:style-name", "Wsp.SignCell");
      attr (w, "office:value-type", "string");
      paragraph (w, "Wsp_20_Signature", block->items[i]);
      paragraph (w, "Wsp_20_Signature", NULL);
      paragraph (w, "Wsp_20_Signature", NULL);
      paragraph (w, "Wsp_20_Signature", "………………………………………");
      paragraph (w, "Wsp_20_Signature", block->names[i]);
      end (w);
    }
  end (w);
  end (w);
}

static void
write_content (W            w,
               WspDocument *document)
{
  guint n_blocks = wsp_document_get_n_blocks (document);
  guint tables = 0, signatures = 0;
  const char *date = wsp_document_get_date (document);
  const char *city = wsp_document_get_city (document);

  xmlTextWriterStartDocument (w, NULL, "UTF-8", NULL);
  start (w, "office:document-content");
  namespaces (w);

  start (w, "office:automatic-styles");
  cell_style (w, "Wsp.Cell", NULL, TRUE);
  cell_style (w, "Wsp.HeadCell", "#e0e0e0", TRUE);
  cell_style (w, "Wsp.SectionCell", "#f2f2f2", TRUE);
  cell_style (w, "Wsp.SignCell", NULL, FALSE);
  start (w, "style:style");
  attr (w, "style:name", "Wsp.PageBreak");
  attr (w, "style:family", "paragraph");
  start (w, "style:paragraph-properties");
  attr (w, "fo:break-before", "page");
  end (w);
  end (w);
  for (guint i = 0; i < n_blocks; i++)
    {
      const WspBlock *block = wsp_document_get_block (document, i);

      if (block->kind == WSP_BLOCK_TABLE)
        table_automatic_styles (w, ++tables, block->table, text_width (document));
      else if (block->kind == WSP_BLOCK_SIGNATURES)
        {
          start (w, "style:style");
          attr_printf (w, "style:name", "Signatures%u", ++signatures);
          attr (w, "style:family", "table");
          start (w, "style:table-properties");
          attr_cm (w, "style:width", text_width (document));
          attr (w, "table:align", "margins");
          attr (w, "fo:margin-top", "0.8cm");
          attr (w, "fo:keep-with-next", "auto");
          attr (w, "style:may-break-between-rows", "false");
          end (w);
          end (w);
        }
    }
  end (w);

  start (w, "office:body");
  start (w, "office:text");

  if (city != NULL || date != NULL)
    {
      g_autofree char *where_when = city != NULL && date != NULL
                                      ? g_strdup_printf (C_ ("letter date", "%s, %s"), city, date)
                                      : g_strdup (city != NULL ? city : date);
      paragraph (w, "Wsp_20_Date", where_when);
    }
  if (wsp_document_get_body (document) != NULL)
    paragraph (w, "Wsp_20_Sender", wsp_document_get_body (document));
  if (wsp_document_get_kind (document) != NULL)
    paragraph (w, "Title", wsp_document_get_kind (document));
  if (wsp_document_get_number (document) != NULL)
    paragraph (w, "Subtitle", wsp_document_get_number (document));
  paragraph (w, "Wsp_20_Place", wsp_document_get_place (document));

  tables = signatures = 0;
  for (guint i = 0; i < n_blocks; i++)
    {
      const WspBlock *block = wsp_document_get_block (document, i);

      switch (block->kind)
        {
        case WSP_BLOCK_HEADING:
          {
            g_autofree char *style = g_strdup_printf ("Heading_20_%u", block->level);

            start (w, "text:h");
            attr (w, "text:style-name", style);
            attr_printf (w, "text:outline-level", "%u", block->level);
            text (w, block->text);
            end (w);
          }
          break;
        case WSP_BLOCK_PARAGRAPH:
          start (w, "text:p");
          attr (w, "text:style-name", block->style == WSP_PARAGRAPH_NOTE      ? "Wsp_20_Note"
                                      : block->style == WSP_PARAGRAPH_ADDRESS ? "Wsp_20_Address"
                                                                              : "Text_20_body");
          if (block->lead != NULL)
            {
              start (w, "text:span");
              attr (w, "text:style-name", "Strong_20_Emphasis");
              text (w, block->lead);
              end (w);
              xmlTextWriterWriteString (w, (const xmlChar *) " ");
            }
          text (w, block->text);
          end (w);
          break;
        case WSP_BLOCK_LIST:
          start (w, "text:list");
          attr (w, "text:style-name", block->numbered ? "Numbering_20_123" : "List_20_1");
          for (guint j = 0; block->items[j] != NULL; j++)
            {
              start (w, "text:list-item");
              paragraph (w, "List_20_Contents", block->items[j]);
              end (w);
            }
          end (w);
          break;
        case WSP_BLOCK_TABLE:
          write_table (w, ++tables, block->table);
          break;
        case WSP_BLOCK_SIGNATURES:
          write_signatures (w, ++signatures, block);
          break;
        case WSP_BLOCK_PAGE_BREAK:
          paragraph (w, "Wsp.PageBreak", "");
          break;
        default:
          break;
        }
    }

  end (w); /* office:text */
  end (w); /* office:body */
  end (w);
  xmlTextWriterEndDocument (w);
}

static void
write_meta (W            w,
            WspDocument *document)
{
  g_autofree char *title = wsp_document_dup_title (document);
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");

  xmlTextWriterStartDocument (w, NULL, "UTF-8", NULL);
  start (w, "office:document-meta");
  attr (w, "xmlns:office", NS_OFFICE);
  attr (w, "xmlns:meta", NS_META);
  attr (w, "xmlns:dc", NS_DC);
  attr (w, "office:version", "1.2");
  start (w, "office:meta");
  xmlTextWriterWriteElement (w, (const xmlChar *) "meta:generator",
                             (const xmlChar *) PACKAGE_NAME "/" PACKAGE_VERSION);
  xmlTextWriterWriteElement (w, (const xmlChar *) "dc:title", (const xmlChar *) title);
  xmlTextWriterWriteElement (w, (const xmlChar *) "meta:creation-date", (const xmlChar *) date);
  end (w);
  end (w);
  xmlTextWriterEndDocument (w);
}

static void
write_manifest (W w)
{
  static const char * const parts[] = { "content.xml", "styles.xml", "meta.xml" };

  xmlTextWriterStartDocument (w, NULL, "UTF-8", NULL);
  start (w, "manifest:manifest");
  attr (w, "xmlns:manifest", NS_MANIFEST);
  attr (w, "manifest:version", "1.2");
  empty (w, "manifest:file-entry", "manifest:full-path", "/", "manifest:version", "1.2",
         "manifest:media-type", MIME_TYPE, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    empty (w, "manifest:file-entry", "manifest:full-path", parts[i], "manifest:media-type",
           "text/xml", NULL);
  end (w);
  xmlTextWriterEndDocument (w);
}

typedef void (*PartWriter) (W w, WspDocument *document);

/* Writes one entry of the package; @writer makes its XML, or @data is it. */
static gboolean
add_part (GsfOutfile   *parent,
          const char   *name,
          gboolean      compressed,
          WspDocument  *document,
          void        (*writer) (W, WspDocument *),
          const char   *data)
{
  GsfOutput *child = gsf_outfile_new_child_full (parent, name, FALSE, "compression-level",
                                                 compressed ? GSF_ZIP_DEFLATED : GSF_ZIP_STORED,
                                                 NULL);
  gboolean ok;

  if (child == NULL)
    return FALSE;
  if (writer != NULL)
    {
      xmlBufferPtr buffer = xmlBufferCreate ();
      W w = xmlNewTextWriterMemory (buffer, 0);

      writer (w, document);
      xmlFreeTextWriter (w);
      ok = gsf_output_write (child, (size_t) xmlBufferLength (buffer), xmlBufferContent (buffer));
      xmlBufferFree (buffer);
    }
  else
    {
      ok = gsf_output_write (child, strlen (data), (const guint8 *) data);
    }
  ok = gsf_output_close (child) && ok;
  g_object_unref (child);
  return ok;
}

static void
write_manifest_part (W            w,
                     WspDocument *document)
{
  write_manifest (w);
}

/**
 * wsp_odt_render:
 * @document: a document
 * @error: where to say why there is no file
 *
 * Returns: (transfer full): @document as an OpenDocument text, or %NULL
 *   with @error
 */
GBytes *
wsp_odt_render (WspDocument  *document,
                GError      **error)
{
  GsfOutput *memory = gsf_output_memory_new ();
  g_autoptr (GError) local_error = NULL;
  GsfOutfile *zip;
  GsfOutput *meta_inf = NULL;
  GBytes *bytes = NULL;
  gboolean ok;

  g_return_val_if_fail (WSP_IS_DOCUMENT (document), NULL);

  zip = gsf_outfile_zip_new (memory, &local_error);
  ok = zip != NULL;
  /* "mimetype" first and stored: ODF 1.2 part 3, §3.3. */
  ok = ok && add_part (zip, "mimetype", FALSE, document, NULL, MIME_TYPE);
  ok = ok && add_part (zip, "content.xml", TRUE, document, write_content, NULL);
  ok = ok && add_part (zip, "styles.xml", TRUE, document, write_styles, NULL);
  ok = ok && add_part (zip, "meta.xml", TRUE, document, write_meta, NULL);
  if (ok)
    meta_inf = gsf_outfile_new_child (zip, "META-INF", TRUE);
  ok = ok && meta_inf != NULL;
  ok = ok && add_part (GSF_OUTFILE (meta_inf), "manifest.xml", TRUE, document,
                       write_manifest_part, NULL);
  ok = ok && gsf_output_close (meta_inf);
  ok = ok && gsf_output_close (GSF_OUTPUT (zip));
  if (ok)
    bytes = g_bytes_new (gsf_output_memory_get_bytes (GSF_OUTPUT_MEMORY (memory)),
                         (gsize) gsf_output_size (memory));
  else
    g_set_error (error, WSP_OUTPUT_ERROR, WSP_OUTPUT_ERROR_RENDER,
                 _("The ODT file could not be made: %s"),
                 local_error != NULL ? local_error->message
                 : gsf_output_error (memory) != NULL ? gsf_output_error (memory)->message
                                                     : _("the package could not be written"));
  g_clear_object (&meta_inf);
  g_clear_object (&zip);
  g_object_unref (memory);
  return bytes;
}
