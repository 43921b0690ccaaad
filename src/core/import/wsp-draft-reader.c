/* wsp-draft-reader.c — the text of a draft from a .txt, .odt or .docx file
 *
 * What a file is comes from its bytes, not its name: an OpenDocument text
 * (a zip whose "mimetype" says so, read with libgsf), a Word document (a zip
 * with word/document.xml), or plain text (UTF-8, UTF-16 with its byte-order
 * mark, or else Windows-1250, as Polish offices save .txt files). PDF, the
 * old Word format (.doc), RTF and anything else are refused with a message
 * that says what to do instead.
 *
 * Each paragraph becomes a line, with a blank line after it; a table's rows
 * become lines whose cells are parted by tabs, as wsp-draft-split.c reads
 * tables. Numbers that the word processor draws itself (automatic lists,
 * numbered headings) are written out as the reader sees them: ODF list and
 * outline styles (num-format, prefix, suffix, display-levels, start-value,
 * continue-numbering) and Word's numbering.xml (numFmt, lvlText, start,
 * startOverride, numbering from a paragraph's style). Footnotes, comments,
 * deleted text of tracked changes, fields' codes and pictures are left out.
 *
 * The XML is parsed without network access and without expanding entities.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <gsf/gsf.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <string.h>

#include "import/wsp-draft-reader.h"
#include "import/wsp-draft-split.h"

#define NS_TEXT   "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
#define NS_TABLE  "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
#define NS_STYLE  "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
#define NS_OFFICE "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
#define NS_W      "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

/* Inside a zip, no part of a draft is larger than this. */
#define MAX_PART_SIZE (64 * 1024 * 1024)

#define MAX_LEVELS 10

/* ---- numbering, shared by both formats ----------------------------------- */

typedef struct
{
  char  format;  /* '1', 'a', 'A', 'i', 'I'; 'b' a bullet; 0 no number */
  char *prefix;
  char *suffix;
  char *bullet;
  char *pattern; /* Word: "%1.%2)" */
  guint display; /* ODF: how many levels the number shows */
  int   start;
} Level;

typedef struct
{
  Level levels[MAX_LEVELS];
} Numbering;

static void
numbering_free (Numbering *numbering)
{
  for (guint i = 0; i < MAX_LEVELS; i++)
    {
      g_free (numbering->levels[i].prefix);
      g_free (numbering->levels[i].suffix);
      g_free (numbering->levels[i].bullet);
      g_free (numbering->levels[i].pattern);
    }
  g_free (numbering);
}

static Numbering *
numbering_new (void)
{
  Numbering *numbering = g_new0 (Numbering, 1);

  for (guint i = 0; i < MAX_LEVELS; i++)
    {
      numbering->levels[i].start = 1;
      numbering->levels[i].display = 1;
    }
  return numbering;
}

static char *
roman (int n,
       gboolean upper)
{
  static const struct
  {
    int         value;
    const char *digits;
  } table[] = {
    { 1000, "m" }, { 900, "cm" }, { 500, "d" }, { 400, "cd" }, { 100, "c" }, { 90, "xc" },
    { 50, "l" },   { 40, "xl" },  { 10, "x" },  { 9, "ix" },   { 5, "v" },   { 4, "iv" },  { 1, "i" },
  };
  g_autoptr (GString) out = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (table) && n > 0; i++)
    while (n >= table[i].value)
      {
        g_string_append (out, table[i].digits);
        n -= table[i].value;
      }
  if (upper)
    for (gsize i = 0; i < out->len; i++)
      out->str[i] = g_ascii_toupper (out->str[i]);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
format_number (char format,
               int  n)
{
  if (n < 1)
    n = 1;
  switch (format)
    {
    case 'a':
    case 'A':
      {
        /* a … z, then aa, bb (as word processors go on). */
        char letter = (char) ((format == 'a' ? 'a' : 'A') + (n - 1) % 26);
        guint times = (guint) (n - 1) / 26 + 1;
        char *text = g_malloc (times + 1);

        memset (text, letter, times);
        text[times] = '\0';
        return text;
      }
    case 'i':
    case 'I':
      return roman (n, format == 'I');
    case '1':
    default:
      return g_strdup_printf ("%d", n);
    }
}

/* A bullet as text: those drawn from a symbol font's private characters are
 * a plain bullet. */
static const char *
bullet_text (const char *bullet)
{
  gunichar c = bullet != NULL ? g_utf8_get_char (bullet) : 0;

  if (c == 0 || (c >= 0xe000 && c <= 0xf8ff) || c < 0x20)
    return "•";
  return bullet;
}

/* The counters of one list (or one Word numbering): 0 where a level has
 * not started. */
typedef struct
{
  int value[MAX_LEVELS];
} Counters;

static void
counters_step (Counters        *counters,
               const Numbering *numbering,
               guint            level,
               int              start_value)
{
  if (start_value > 0)
    counters->value[level] = start_value;
  else if (counters->value[level] == 0)
    counters->value[level] = numbering != NULL ? numbering->levels[level].start : 1;
  else
    counters->value[level]++;
  for (guint l = level + 1; l < MAX_LEVELS; l++)
    counters->value[l] = 0;
}

static int
counter_value (const Counters  *counters,
               const Numbering *numbering,
               guint            level)
{
  if (counters->value[level] > 0)
    return counters->value[level];
  return numbering != NULL ? numbering->levels[level].start : 1;
}

/* The number a paragraph at @level shows, with a space after it; "" when
 * it shows none. */
static char *
number_text (const Numbering *numbering,
             const Counters  *counters,
             guint            level)
{
  const Level *l;
  g_autoptr (GString) out = g_string_new (NULL);

  if (numbering == NULL)
    return g_strdup ("");
  l = &numbering->levels[level];
  if (l->format == 'b')
    return g_strdup_printf ("%s ", bullet_text (l->bullet));
  if (l->pattern != NULL)
    {
      /* Word: "%1.%2)" with the counters of levels 1 and 2. */
      for (const char *p = l->pattern; *p != '\0'; p++)
        {
          if (*p == '%' && p[1] >= '1' && p[1] <= '9')
            {
              guint ref = (guint) (p[1] - '1');
              g_autofree char *n = NULL;

              if (ref < MAX_LEVELS)
                {
                  char format = numbering->levels[ref].format;

                  n = format_number (format == 'b' || format == 0 ? '1' : format,
                                     counter_value (counters, numbering, ref));
                  g_string_append (out, n);
                }
              p++;
            }
          else
            g_string_append_c (out, *p);
        }
    }
  else
    {
      guint shown = MAX (l->display, 1);

      if (l->format == 0)
        return g_strdup ("");
      g_string_append (out, l->prefix != NULL ? l->prefix : "");
      for (guint k = shown > level + 1 ? 0 : level + 1 - shown; k <= level; k++)
        {
          char format = numbering->levels[k].format;
          g_autofree char *n = format_number (format == 'b' || format == 0 ? '1' : format,
                                              counter_value (counters, numbering, k));

          if (k < level)
            g_string_append_printf (out, "%s.", n);
          else
            g_string_append (out, n);
        }
      g_string_append (out, l->suffix != NULL ? l->suffix : "");
    }
  if (out->len == 0)
    return g_strdup ("");
  g_string_append_c (out, ' ');
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* ---- XML ----------------------------------------------------------------- */

static gboolean
is (xmlNode    *node,
    const char *ns,
    const char *name)
{
  return node != NULL && node->type == XML_ELEMENT_NODE && node->ns != NULL
         && g_strcmp0 ((const char *) node->ns->href, ns) == 0
         && g_strcmp0 ((const char *) node->name, name) == 0;
}

static char *
attribute (xmlNode    *node,
           const char *ns,
           const char *name)
{
  xmlChar *value = xmlGetNsProp (node, (const xmlChar *) name, (const xmlChar *) ns);
  char *copy = value != NULL ? g_strdup ((const char *) value) : NULL;

  xmlFree (value);
  return copy;
}

static int
attribute_int (xmlNode    *node,
               const char *ns,
               const char *name,
               int         fallback)
{
  g_autofree char *value = attribute (node, ns, name);

  return value != NULL ? (int) g_ascii_strtoll (value, NULL, 10) : fallback;
}

static xmlNode *
child (xmlNode    *node,
       const char *ns,
       const char *name)
{
  for (xmlNode *c = node != NULL ? node->children : NULL; c != NULL; c = c->next)
    if (is (c, ns, name))
      return c;
  return NULL;
}

static xmlDoc *
parse_xml (GBytes  *part,
           GError **error)
{
  gsize size;
  const char *data = g_bytes_get_data (part, &size);
  xmlDoc *doc = xmlReadMemory (data, (int) size, NULL, NULL,
                               XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA);

  if (doc == NULL || xmlDocGetRootElement (doc) == NULL)
    {
      if (doc != NULL)
        xmlFreeDoc (doc);
      g_set_error_literal (error, WSP_DRAFT_ERROR, WSP_DRAFT_ERROR_DAMAGED,
                           _("The document is damaged: its text cannot be read. Open it in your word "
                             "processor and save it again, or paste its text."));
      return NULL;
    }
  return doc;
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)

/* ---- zip ----------------------------------------------------------------- */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfInput, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfInfile, g_object_unref)

/* The zip in @bytes, which must outlive it. */
static GsfInfile *
open_zip (GBytes *bytes)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);
  g_autoptr (GsfInput) input = gsf_input_memory_new (data, (gsf_off_t) size, FALSE);

  return gsf_infile_zip_new (input, NULL);
}

/* The part @name of the zip, or NULL. */
static GBytes *
zip_part (GsfInfile  *zip,
          const char *name)
{
  g_auto (GStrv) path = g_strsplit (name, "/", -1);
  GsfInput *input = gsf_infile_child_by_aname (zip, (const char **) path);
  gsf_off_t size;
  guint8 *data;

  if (input == NULL)
    return NULL;
  size = gsf_input_size (input);
  if (size < 0 || size > MAX_PART_SIZE)
    {
      g_object_unref (input);
      return NULL;
    }
  data = g_malloc ((gsize) size + 1);
  if (size > 0 && gsf_input_read (input, (size_t) size, data) == NULL)
    {
      g_free (data);
      g_object_unref (input);
      return NULL;
    }
  data[size] = 0;
  g_object_unref (input);
  return g_bytes_new_take (data, (gsize) size);
}

/* ---- the text being written ---------------------------------------------- */

typedef struct
{
  GString *out;
  GString *line;       /* the paragraph being read */
  gboolean in_cell;
} Text;

/* Appends @chunk, its runs of white space as one space (as ODF and Word
 * lay text out). */
static void
add_chars (Text       *text,
           const char *chunk)
{
  for (const char *p = chunk; *p != '\0'; p++)
    {
      if (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t')
        {
          if (text->line->len > 0 && text->line->str[text->line->len - 1] != ' ')
            g_string_append_c (text->line, ' ');
        }
      else
        g_string_append_c (text->line, *p);
    }
}

/* A tab: after a paragraph's number (a word processor's "1.<tab>Text") a
 * space; elsewhere a tab, which parts cells. */
static void
add_tab (Text *text)
{
  if (text->in_cell || text->line->len <= 8)
    add_chars (text, " ");
  else
    g_string_append_c (text->line, '\t');
}

/* Ends the paragraph: its line, and a blank line after it. */
static void
end_paragraph (Text *text)
{
  g_strstrip (text->line->str);
  text->line->len = strlen (text->line->str);
  if (text->line->len > 0)
    {
      g_string_append_len (text->out, text->line->str, (gssize) text->line->len);
      g_string_append (text->out, "\n\n");
    }
  g_string_truncate (text->line, 0);
}

/* ---- ODF ------------------------------------------------------------------ */

typedef struct
{
  GHashTable *lists;      /* list style name → Numbering */
  GHashTable *para_lists; /* paragraph style name → list style name */
  Numbering  *outline;    /* numbered headings */
  Counters    outline_counters;
  GHashTable *continued;  /* list style name → Counters of its last list */
  Text        text;
} Odf;

static void
odf_read_list_style (Odf     *odf,
                     xmlNode *style,
                     gboolean outline)
{
  g_autofree char *name = attribute (style, NS_STYLE, "name");
  Numbering *numbering = numbering_new ();

  for (xmlNode *c = style->children; c != NULL; c = c->next)
    {
      gboolean number = is (c, NS_TEXT, "list-level-style-number") || is (c, NS_TEXT, "outline-level-style");
      gboolean bullet = is (c, NS_TEXT, "list-level-style-bullet");
      int level = attribute_int (c, NS_TEXT, "level", 0) - 1;
      Level *l;

      if ((!number && !bullet) || level < 0 || level >= MAX_LEVELS)
        continue;
      l = &numbering->levels[level];
      if (bullet)
        {
          l->format = 'b';
          l->bullet = attribute (c, NS_TEXT, "bullet-char");
        }
      else
        {
          g_autofree char *format = attribute (c, NS_STYLE, "num-format");

          l->format = format != NULL && strchr ("1aAiI", format[0]) != NULL ? format[0] : 0;
          l->prefix = attribute (c, NS_STYLE, "num-prefix");
          l->suffix = attribute (c, NS_STYLE, "num-suffix");
          l->display = (guint) MAX (1, attribute_int (c, NS_TEXT, "display-levels", 1));
          l->start = attribute_int (c, NS_TEXT, "start-value", 1);
        }
    }
  if (outline)
    {
      if (odf->outline != NULL)
        numbering_free (odf->outline);
      odf->outline = numbering;
    }
  else if (name != NULL)
    g_hash_table_insert (odf->lists, g_steal_pointer (&name), numbering);
  else
    numbering_free (numbering);
}

/* The list and outline styles, and the paragraph styles that number. */
static void
odf_read_styles (Odf     *odf,
                 xmlNode *node)
{
  for (xmlNode *c = node; c != NULL; c = c->next)
    {
      if (is (c, NS_TEXT, "list-style"))
        odf_read_list_style (odf, c, FALSE);
      else if (is (c, NS_TEXT, "outline-style"))
        odf_read_list_style (odf, c, TRUE);
      else if (is (c, NS_STYLE, "style"))
        {
          g_autofree char *name = attribute (c, NS_STYLE, "name");
          g_autofree char *list = attribute (c, NS_STYLE, "list-style-name");

          if (name != NULL && list != NULL)
            g_hash_table_insert (odf->para_lists, g_steal_pointer (&name), g_steal_pointer (&list));
        }
      else if (c->type == XML_ELEMENT_NODE && c->children != NULL)
        odf_read_styles (odf, c->children);
    }
}

/* The words of a paragraph (or heading). */
static void
odf_inline (Odf     *odf,
            xmlNode *node)
{
  for (xmlNode *c = node->children; c != NULL; c = c->next)
    {
      if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE)
        add_chars (&odf->text, (const char *) c->content);
      else if (is (c, NS_TEXT, "s"))
        {
          int n = attribute_int (c, NS_TEXT, "c", 1);

          for (int i = 0; i < MIN (n, 64); i++)
            g_string_append_c (odf->text.line, ' ');
        }
      else if (is (c, NS_TEXT, "tab"))
        add_tab (&odf->text);
      else if (is (c, NS_TEXT, "line-break"))
        g_string_append_c (odf->text.line, '\n');
      else if (is (c, NS_TEXT, "note") || is (c, NS_OFFICE, "annotation")
               || is (c, NS_OFFICE, "annotation-end") || is (c, NS_TEXT, "tracked-changes"))
        continue;
      else if (c->type == XML_ELEMENT_NODE && c->ns != NULL
               && g_strcmp0 ((const char *) c->ns->href, NS_TEXT) == 0)
        odf_inline (odf, c);
    }
}

static void odf_blocks (Odf *odf, xmlNode *node, const char *list_style, guint level,
                        Counters *counters);

static void
odf_paragraph (Odf        *odf,
               xmlNode    *node,
               const char *number)
{
  if (is (node, NS_TEXT, "h") && odf->outline != NULL && number == NULL)
    {
      int level = attribute_int (node, NS_TEXT, "outline-level", 1) - 1;

      if (level >= 0 && level < MAX_LEVELS && odf->outline->levels[level].format != 0)
        {
          g_autofree char *n = NULL;

          counters_step (&odf->outline_counters, odf->outline, (guint) level, 0);
          n = number_text (odf->outline, &odf->outline_counters, (guint) level);
          g_string_append (odf->text.line, n);
        }
    }
  else if (number != NULL)
    g_string_append (odf->text.line, number);
  odf_inline (odf, node);
  if (!odf->text.in_cell)
    end_paragraph (&odf->text);
}

static void
odf_table (Odf     *odf,
           xmlNode *table)
{
  for (xmlNode *c = table->children; c != NULL; c = c->next)
    {
      if (is (c, NS_TABLE, "table-header-rows") || is (c, NS_TABLE, "table-rows")
          || is (c, NS_TABLE, "table-row-group"))
        {
          odf_table (odf, c);
          continue;
        }
      if (!is (c, NS_TABLE, "table-row"))
        continue;
      {
        g_autoptr (GString) row = g_string_new (NULL);
        guint cells = 0;

        for (xmlNode *cell = c->children; cell != NULL; cell = cell->next)
          {
            if (!is (cell, NS_TABLE, "table-cell") && !is (cell, NS_TABLE, "covered-table-cell"))
              continue;
            odf->text.in_cell = TRUE;
            for (xmlNode *p = cell->children; p != NULL; p = p->next)
              if (is (p, NS_TEXT, "p") || is (p, NS_TEXT, "h"))
                {
                  if (odf->text.line->len > 0)
                    add_chars (&odf->text, " ");
                  odf_paragraph (odf, p, NULL);
                }
            odf->text.in_cell = FALSE;
            g_strstrip (odf->text.line->str);
            if (cells++ > 0)
              g_string_append_c (row, '\t');
            g_string_append (row, odf->text.line->str);
            g_string_truncate (odf->text.line, 0);
          }
        /* A row of empty cells says nothing. */
        if (strspn (row->str, "\t") < row->len)
          g_string_append_printf (odf->text.out, "%s\n", row->str);
      }
    }
  g_string_append_c (odf->text.out, '\n');
}

static void
odf_list (Odf        *odf,
          xmlNode    *list,
          const char *inherited_style,
          guint       level,
          Counters   *counters)
{
  g_autofree char *own_style = attribute (list, NS_TEXT, "style-name");
  const char *style = own_style != NULL ? own_style : inherited_style;
  Numbering *numbering = style != NULL ? g_hash_table_lookup (odf->lists, style) : NULL;
  Counters fresh = { { 0 } };
  Counters *list_counters = counters;

  if (counters == NULL)
    {
      /* A list at the top counts on from the last one of its style when it
       * says so. */
      g_autofree char *cont = attribute (list, NS_TEXT, "continue-numbering");
      g_autofree char *cont_list = attribute (list, NS_TEXT, "continue-list");
      Counters *previous = style != NULL ? g_hash_table_lookup (odf->continued, style) : NULL;

      if (previous != NULL && (g_strcmp0 (cont, "true") == 0 || cont_list != NULL))
        fresh = *previous;
      list_counters = &fresh;
    }
  if (level >= MAX_LEVELS)
    level = MAX_LEVELS - 1;

  for (xmlNode *item = list->children; item != NULL; item = item->next)
    {
      gboolean header = is (item, NS_TEXT, "list-header");
      gboolean first = TRUE;

      if (!header && !is (item, NS_TEXT, "list-item"))
        continue;
      if (!header)
        counters_step (list_counters, numbering, level, attribute_int (item, NS_TEXT, "start-value", 0));
      for (xmlNode *c = item->children; c != NULL; c = c->next)
        {
          if (is (c, NS_TEXT, "p") || is (c, NS_TEXT, "h"))
            {
              g_autofree char *number = first && !header ? number_text (numbering, list_counters, level) : NULL;

              odf_paragraph (odf, c, number);
              first = FALSE;
            }
          else if (is (c, NS_TEXT, "list"))
            odf_list (odf, c, style, level + 1, list_counters);
          else
            odf_blocks (odf, c, style, level, list_counters);
        }
    }

  if (counters == NULL && style != NULL)
    {
      Counters *kept = g_new (Counters, 1);

      *kept = fresh;
      g_hash_table_insert (odf->continued, g_strdup (style), kept);
    }
}

static void
odf_blocks (Odf        *odf,
            xmlNode    *node,
            const char *list_style,
            guint       level,
            Counters   *counters)
{
  if (is (node, NS_TEXT, "p") || is (node, NS_TEXT, "h"))
    {
      /* A paragraph numbered by its style, outside a list. */
      g_autofree char *style = attribute (node, NS_TEXT, "style-name");
      const char *list = style != NULL ? g_hash_table_lookup (odf->para_lists, style) : NULL;
      Numbering *numbering = list != NULL ? g_hash_table_lookup (odf->lists, list) : NULL;

      if (numbering != NULL && counters == NULL)
        {
          Counters *kept = g_hash_table_lookup (odf->continued, list);
          g_autofree char *number = NULL;

          if (kept == NULL)
            {
              kept = g_new0 (Counters, 1);
              g_hash_table_insert (odf->continued, g_strdup (list), kept);
            }
          counters_step (kept, numbering, 0, 0);
          number = number_text (numbering, kept, 0);
          odf_paragraph (odf, node, number);
        }
      else
        odf_paragraph (odf, node, NULL);
    }
  else if (is (node, NS_TEXT, "list"))
    odf_list (odf, node, list_style, counters != NULL ? level + 1 : 0, counters);
  else if (is (node, NS_TABLE, "table"))
    odf_table (odf, node);
  else if (is (node, NS_TEXT, "section") || is (node, NS_TEXT, "index-body")
           || is (node, NS_TEXT, "table-of-content") || is (node, NS_OFFICE, "text")
           || is (node, NS_OFFICE, "body"))
    for (xmlNode *c = node->children; c != NULL; c = c->next)
      odf_blocks (odf, c, list_style, level, counters);
}

static char *
read_odt (GsfInfile  *zip,
          GError    **error)
{
  g_autoptr (GBytes) content = zip_part (zip, "content.xml");
  g_autoptr (GBytes) styles = zip_part (zip, "styles.xml");
  g_autoptr (xmlDoc) content_doc = NULL;
  g_autoptr (xmlDoc) styles_doc = NULL;
  Odf odf = { 0 };
  xmlNode *body;
  char *result;

  if (content == NULL)
    {
      g_set_error_literal (error, WSP_DRAFT_ERROR, WSP_DRAFT_ERROR_DAMAGED,
                           _("The document is damaged: it has no text. Open it in your word "
                             "processor and save it again, or paste its text."));
      return NULL;
    }
  content_doc = parse_xml (content, error);
  if (content_doc == NULL)
    return NULL;
  if (styles != NULL)
    styles_doc = parse_xml (styles, NULL);

  odf.lists = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) numbering_free);
  odf.para_lists = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  odf.continued = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  odf.text.out = g_string_new (NULL);
  odf.text.line = g_string_new (NULL);
  if (styles_doc != NULL)
    odf_read_styles (&odf, xmlDocGetRootElement (styles_doc));
  odf_read_styles (&odf, xmlDocGetRootElement (content_doc));

  body = child (xmlDocGetRootElement (content_doc), NS_OFFICE, "body");
  if (body != NULL)
    odf_blocks (&odf, body, NULL, 0, NULL);

  g_hash_table_unref (odf.lists);
  g_hash_table_unref (odf.para_lists);
  g_hash_table_unref (odf.continued);
  if (odf.outline != NULL)
    numbering_free (odf.outline);
  g_string_free (odf.text.line, TRUE);
  result = g_string_free (odf.text.out, FALSE);
  return result;
}

/* ---- Word (.docx) --------------------------------------------------------- */

typedef struct
{
  GHashTable *abstracts;  /* abstractNumId → Numbering */
  GHashTable *nums;       /* numId → Numbering (the abstract's, with overrides) */
  GHashTable *num_abstracts; /* numId → abstractNumId */
  GHashTable *restarts;   /* numId → the levels its startOverride restarts, as bits */
  GHashTable *counters;   /* abstractNumId → Counters: numberings of one abstract count on */
  GHashTable *style_nums; /* paragraph style id → "numId ilvl" */
  Text        text;
} Docx;

static char
word_format (const char *format)
{
  static const struct
  {
    const char *name;
    char        format;
  } formats[] = {
    { "decimal", '1' }, { "decimalZero", '1' }, { "lowerLetter", 'a' }, { "upperLetter", 'A' },
    { "lowerRoman", 'i' }, { "upperRoman", 'I' }, { "bullet", 'b' },
  };

  for (guint i = 0; format != NULL && i < G_N_ELEMENTS (formats); i++)
    if (g_str_equal (formats[i].name, format))
      return formats[i].format;
  return format == NULL ? '1' : 0;
}

static void
docx_read_level (Level   *l,
                 xmlNode *lvl)
{
  xmlNode *node;

  if ((node = child (lvl, NS_W, "start")) != NULL)
    l->start = attribute_int (node, NS_W, "val", 1);
  if ((node = child (lvl, NS_W, "numFmt")) != NULL)
    {
      g_autofree char *format = attribute (node, NS_W, "val");

      l->format = word_format (format);
    }
  if ((node = child (lvl, NS_W, "lvlText")) != NULL)
    {
      g_free (l->pattern);
      l->pattern = attribute (node, NS_W, "val");
      if (l->format == 'b')
        {
          g_free (l->bullet);
          l->bullet = g_strdup (l->pattern);
        }
    }
}

static Numbering *
numbering_copy (const Numbering *numbering)
{
  Numbering *copy = numbering_new ();

  for (guint i = 0; i < MAX_LEVELS; i++)
    {
      copy->levels[i] = numbering->levels[i];
      copy->levels[i].prefix = g_strdup (numbering->levels[i].prefix);
      copy->levels[i].suffix = g_strdup (numbering->levels[i].suffix);
      copy->levels[i].bullet = g_strdup (numbering->levels[i].bullet);
      copy->levels[i].pattern = g_strdup (numbering->levels[i].pattern);
    }
  return copy;
}

static void
docx_read_numbering (Docx    *docx,
                     xmlNode *root)
{
  for (xmlNode *c = root->children; c != NULL; c = c->next)
    if (is (c, NS_W, "abstractNum"))
      {
        Numbering *numbering = numbering_new ();

        for (xmlNode *lvl = c->children; lvl != NULL; lvl = lvl->next)
          {
            int level = attribute_int (lvl, NS_W, "ilvl", -1);

            if (is (lvl, NS_W, "lvl") && level >= 0 && level < MAX_LEVELS)
              docx_read_level (&numbering->levels[level], lvl);
          }
        g_hash_table_insert (docx->abstracts, attribute (c, NS_W, "abstractNumId"), numbering);
      }
  for (xmlNode *c = root->children; c != NULL; c = c->next)
    if (is (c, NS_W, "num"))
      {
        xmlNode *abstract = child (c, NS_W, "abstractNumId");
        g_autofree char *abstract_id = abstract != NULL ? attribute (abstract, NS_W, "val") : NULL;
        Numbering *base = abstract_id != NULL ? g_hash_table_lookup (docx->abstracts, abstract_id) : NULL;
        Numbering *numbering;
        guint restarts = 0;

        if (base == NULL)
          continue;
        numbering = numbering_copy (base);
        for (xmlNode *o = c->children; o != NULL; o = o->next)
          {
            int level = attribute_int (o, NS_W, "ilvl", -1);
            xmlNode *start;

            if (!is (o, NS_W, "lvlOverride") || level < 0 || level >= MAX_LEVELS)
              continue;
            if ((start = child (o, NS_W, "startOverride")) != NULL)
              {
                numbering->levels[level].start = attribute_int (start, NS_W, "val", 1);
                restarts |= 1u << level;
              }
            if ((start = child (o, NS_W, "lvl")) != NULL)
              docx_read_level (&numbering->levels[level], start);
          }
        g_hash_table_insert (docx->nums, attribute (c, NS_W, "numId"), numbering);
        g_hash_table_insert (docx->num_abstracts, attribute (c, NS_W, "numId"), g_strdup (abstract_id));
        if (restarts != 0)
          g_hash_table_insert (docx->restarts, attribute (c, NS_W, "numId"), GUINT_TO_POINTER (restarts));
      }
}

static void
docx_read_styles (Docx    *docx,
                  xmlNode *root)
{
  for (xmlNode *c = root->children; c != NULL; c = c->next)
    {
      xmlNode *num_pr = child (child (c, NS_W, "pPr"), NS_W, "numPr");
      xmlNode *id, *level;
      g_autofree char *num_id = NULL;

      if (!is (c, NS_W, "style") || num_pr == NULL || (id = child (num_pr, NS_W, "numId")) == NULL)
        continue;
      level = child (num_pr, NS_W, "ilvl");
      num_id = attribute (id, NS_W, "val");
      g_hash_table_insert (docx->style_nums, attribute (c, NS_W, "styleId"),
                           g_strdup_printf ("%s %d", num_id, level != NULL ? attribute_int (level, NS_W, "val", 0) : 0));
    }
}

static void
docx_inline (Docx    *docx,
             xmlNode *node)
{
  for (xmlNode *c = node->children; c != NULL; c = c->next)
    {
      if (is (c, NS_W, "t"))
        {
          xmlChar *content = xmlNodeGetContent (c);

          /* Spaces inside a run are the text's own. */
          g_string_append (docx->text.line, (const char *) content);
          xmlFree (content);
        }
      else if (is (c, NS_W, "tab") && !is (node, NS_W, "tabs"))
        add_tab (&docx->text);
      else if (is (c, NS_W, "br") || is (c, NS_W, "cr"))
        g_string_append_c (docx->text.line, '\n');
      else if (is (c, NS_W, "noBreakHyphen"))
        g_string_append_c (docx->text.line, '-');
      else if (is (c, NS_W, "del") || is (c, NS_W, "pPr") || is (c, NS_W, "rPr")
               || is (c, NS_W, "instrText") || is (c, NS_W, "delText")
               || is (c, NS_W, "footnoteReference") || is (c, NS_W, "endnoteReference")
               || is (c, NS_W, "commentReference") || is (c, NS_W, "drawing")
               || is (c, NS_W, "pict") || is (c, NS_W, "object"))
        continue;
      else if (c->type == XML_ELEMENT_NODE)
        docx_inline (docx, c);
    }
}

static void
docx_paragraph (Docx    *docx,
                xmlNode *p)
{
  xmlNode *ppr = child (p, NS_W, "pPr");
  xmlNode *num_pr = child (ppr, NS_W, "numPr");
  g_autofree char *num_id = NULL;
  int level = 0;

  if (num_pr != NULL)
    {
      xmlNode *id = child (num_pr, NS_W, "numId");
      xmlNode *lvl = child (num_pr, NS_W, "ilvl");

      num_id = id != NULL ? attribute (id, NS_W, "val") : NULL;
      level = lvl != NULL ? attribute_int (lvl, NS_W, "val", 0) : 0;
    }
  else if (child (ppr, NS_W, "pStyle") != NULL)
    {
      g_autofree char *style = attribute (child (ppr, NS_W, "pStyle"), NS_W, "val");
      const char *found = style != NULL ? g_hash_table_lookup (docx->style_nums, style) : NULL;

      if (found != NULL)
        {
          g_auto (GStrv) parts = g_strsplit (found, " ", 2);

          num_id = g_strdup (parts[0]);
          level = parts[1] != NULL ? (int) g_ascii_strtoll (parts[1], NULL, 10) : 0;
        }
    }
  if (num_id != NULL && level >= 0 && level < MAX_LEVELS)
    {
      Numbering *numbering = g_hash_table_lookup (docx->nums, num_id);
      const char *abstract = g_hash_table_lookup (docx->num_abstracts, num_id);
      Counters *counters = abstract != NULL ? g_hash_table_lookup (docx->counters, abstract) : NULL;
      guint restarts = GPOINTER_TO_UINT (g_hash_table_lookup (docx->restarts, num_id));

      if (numbering != NULL && abstract != NULL)
        {
          g_autofree char *number = NULL;

          if (counters == NULL)
            {
              counters = g_new0 (Counters, 1);
              g_hash_table_insert (docx->counters, g_strdup (abstract), counters);
            }
          /* A numbering that starts its levels again does so where it is
           * first used. */
          if (restarts != 0)
            {
              for (guint l = 0; l < MAX_LEVELS; l++)
                if (restarts & (1u << l))
                  counters->value[l] = 0;
              g_hash_table_insert (docx->restarts, g_strdup (num_id), GUINT_TO_POINTER (0));
            }
          counters_step (counters, numbering, (guint) level, 0);
          number = number_text (numbering, counters, (guint) level);
          g_string_append (docx->text.line, number);
        }
    }
  docx_inline (docx, p);
  if (!docx->text.in_cell)
    end_paragraph (&docx->text);
}

static void docx_blocks (Docx *docx, xmlNode *node);

static void
docx_table (Docx    *docx,
            xmlNode *table)
{
  for (xmlNode *tr = table->children; tr != NULL; tr = tr->next)
    {
      g_autoptr (GString) row = g_string_new (NULL);
      guint cells = 0;

      if (!is (tr, NS_W, "tr"))
        continue;
      for (xmlNode *tc = tr->children; tc != NULL; tc = tc->next)
        {
          if (!is (tc, NS_W, "tc"))
            continue;
          docx->text.in_cell = TRUE;
          for (xmlNode *p = tc->children; p != NULL; p = p->next)
            if (is (p, NS_W, "p"))
              {
                if (docx->text.line->len > 0)
                  add_chars (&docx->text, " ");
                docx_paragraph (docx, p);
              }
          docx->text.in_cell = FALSE;
          g_strdelimit (docx->text.line->str, "\t\n", ' ');
          g_strstrip (docx->text.line->str);
          if (cells++ > 0)
            g_string_append_c (row, '\t');
          g_string_append (row, docx->text.line->str);
          g_string_truncate (docx->text.line, 0);
        }
      if (strspn (row->str, "\t") < row->len)
        g_string_append_printf (docx->text.out, "%s\n", row->str);
    }
  g_string_append_c (docx->text.out, '\n');
}

static void
docx_blocks (Docx    *docx,
             xmlNode *node)
{
  for (xmlNode *c = node->children; c != NULL; c = c->next)
    {
      if (is (c, NS_W, "p"))
        docx_paragraph (docx, c);
      else if (is (c, NS_W, "tbl"))
        docx_table (docx, c);
      else if (is (c, NS_W, "sdt") || is (c, NS_W, "sdtContent") || is (c, NS_W, "customXml"))
        docx_blocks (docx, c);
    }
}

static char *
read_docx (GsfInfile  *zip,
           GError    **error)
{
  g_autoptr (GBytes) document = zip_part (zip, "word/document.xml");
  g_autoptr (GBytes) numbering = zip_part (zip, "word/numbering.xml");
  g_autoptr (GBytes) styles = zip_part (zip, "word/styles.xml");
  g_autoptr (xmlDoc) doc = NULL;
  Docx docx = { 0 };
  xmlNode *body;

  doc = parse_xml (document, error);
  if (doc == NULL)
    return NULL;
  docx.abstracts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) numbering_free);
  docx.nums = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) numbering_free);
  docx.counters = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  docx.num_abstracts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  docx.restarts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  docx.style_nums = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  docx.text.out = g_string_new (NULL);
  docx.text.line = g_string_new (NULL);
  if (numbering != NULL)
    {
      g_autoptr (xmlDoc) numbering_doc = parse_xml (numbering, NULL);

      if (numbering_doc != NULL)
        docx_read_numbering (&docx, xmlDocGetRootElement (numbering_doc));
    }
  if (styles != NULL)
    {
      g_autoptr (xmlDoc) styles_doc = parse_xml (styles, NULL);

      if (styles_doc != NULL)
        docx_read_styles (&docx, xmlDocGetRootElement (styles_doc));
    }
  body = child (xmlDocGetRootElement (doc), NS_W, "body");
  if (body != NULL)
    docx_blocks (&docx, body);

  g_hash_table_unref (docx.abstracts);
  g_hash_table_unref (docx.nums);
  g_hash_table_unref (docx.counters);
  g_hash_table_unref (docx.num_abstracts);
  g_hash_table_unref (docx.restarts);
  g_hash_table_unref (docx.style_nums);
  g_string_free (docx.text.line, TRUE);
  return g_string_free (docx.text.out, FALSE);
}

/* ---- plain text ----------------------------------------------------------- */

static char *
read_plain (GBytes  *bytes,
            GError **error)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  if (size >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      size -= 3;
    }
  else if (size >= 2 && (memcmp (data, "\xff\xfe", 2) == 0 || memcmp (data, "\xfe\xff", 2) == 0))
    {
      char *text = g_convert (data + 2, (gssize) size - 2, "UTF-8",
                              data[0] == '\xff' ? "UTF-16LE" : "UTF-16BE", NULL, NULL, NULL);

      if (text != NULL)
        return text;
    }
  if (memchr (data, '\0', size) != NULL)
    {
      g_set_error_literal (error, WSP_DRAFT_ERROR, WSP_DRAFT_ERROR_UNREADABLE,
                           _("This file is not a text document. Open the draft in the program it "
                             "was made with, copy its text and paste it here, or save it as .odt, "
                             ".docx or .txt."));
      return NULL;
    }
  if (g_utf8_validate_len (data, size, NULL))
    return g_strndup (data, size);
  /* Polish offices' .txt files: Windows-1250. */
  {
    char *text = g_convert (data, (gssize) size, "UTF-8", "WINDOWS-1250", NULL, NULL, NULL);

    if (text == NULL)
      text = g_convert (data, (gssize) size, "UTF-8", "ISO-8859-2", NULL, NULL, NULL);
    if (text == NULL)
      g_set_error_literal (error, WSP_DRAFT_ERROR, WSP_DRAFT_ERROR_UNREADABLE,
                           _("The text file’s letters cannot be read. Save it as UTF-8, or paste "
                             "its text."));
    return text;
  }
}

/* ---- what the file is ------------------------------------------------------ */

/**
 * wsp_draft_read_bytes:
 * @bytes: a file's contents
 *
 * Returns: (transfer full): the text of the draft, normalized
 *   (wsp_draft_text_normalize()), or %NULL with a %WSP_DRAFT_ERROR that
 *   says what to do
 */
char *
wsp_draft_read_bytes (GBytes  *bytes,
                      GError **error)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  g_autofree char *text = NULL;

  if (size >= 5 && memcmp (data, "%PDF-", 5) == 0)
    {
      g_set_error_literal (error, WSP_DRAFT_ERROR, WSP_DRAFT_ERROR_UNREADABLE,
                           _("The app cannot read a PDF’s text reliably. Open the PDF, select all "
                             "its text, copy it and paste it here, or ask the city office for the "
                             "draft as .docx or .odt."));
      return NULL;
    }
  if (size >= 8 && memcmp (data, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8) == 0)
    {
      g_set_error_literal (error, WSP_DRAFT_ERROR, WSP_DRAFT_ERROR_UNREADABLE,
                           _("This is a document in the old Word format (.doc). Save it as .docx "
                             "or .odt in your word processor, or copy its text and paste it here."));
      return NULL;
    }
  if (size >= 5 && memcmp (data, "{\\rtf", 5) == 0)
    {
      g_set_error_literal (error, WSP_DRAFT_ERROR, WSP_DRAFT_ERROR_UNREADABLE,
                           _("This is an RTF document. Save it as .docx or .odt in your word "
                             "processor, or copy its text and paste it here."));
      return NULL;
    }
  if (size >= 4 && memcmp (data, "PK\x03\x04", 4) == 0)
    {
      g_autoptr (GsfInfile) zip = open_zip (bytes);
      g_autoptr (GBytes) mimetype = zip != NULL ? zip_part (zip, "mimetype") : NULL;
      g_autoptr (GBytes) word = NULL;

      if (zip == NULL)
        {
          g_set_error_literal (error, WSP_DRAFT_ERROR, WSP_DRAFT_ERROR_DAMAGED,
                               _("The document is damaged and cannot be opened. Open it in your "
                                 "word processor and save it again, or paste its text."));
          return NULL;
        }
      if (mimetype != NULL
          && g_str_has_prefix (g_bytes_get_data (mimetype, NULL), "application/vnd.oasis.opendocument.text"))
        text = read_odt (zip, error);
      else if ((word = zip_part (zip, "word/document.xml")) != NULL)
        text = read_docx (zip, error);
      else
        {
          g_set_error_literal (error, WSP_DRAFT_ERROR, WSP_DRAFT_ERROR_UNREADABLE,
                               _("This file is not a text document the app can read. Save the "
                                 "draft as .odt, .docx or .txt, or paste its text."));
          return NULL;
        }
    }
  else
    text = read_plain (bytes, error);
  if (text == NULL)
    return NULL;
  {
    char *normal = wsp_draft_text_normalize (text);

    if (normal[0] == '\0')
      {
        g_free (normal);
        g_set_error_literal (error, WSP_DRAFT_ERROR, WSP_DRAFT_ERROR_EMPTY,
                             _("The document has no text. A scanned draft is a picture: paste its "
                               "text, or ask the city office for the draft as .docx or .odt."));
        return NULL;
      }
    return normal;
  }
}

/**
 * wsp_draft_read_file:
 * @file: a .txt, .odt or .docx file
 *
 * Returns: (transfer full): the text of the draft, or %NULL with @error
 */
char *
wsp_draft_read_file (GFile         *file,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr (GFileInfo) info = NULL;
  g_autoptr (GBytes) bytes = NULL;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    return NULL;
  if (g_file_info_get_size (info) > WSP_DRAFT_MAX_FILE_SIZE)
    {
      g_set_error_literal (error, WSP_DRAFT_ERROR, WSP_DRAFT_ERROR_UNREADABLE,
                           _("The file is too large for a draft. Paste the text of the draft "
                             "instead."));
      return NULL;
    }
  bytes = g_file_load_bytes (file, cancellable, NULL, error);
  if (bytes == NULL)
    return NULL;
  return wsp_draft_read_bytes (bytes, error);
}
