/* wsp-draft-split.c — a draft's text split into its units (§, ust., pkt, lit., tiret)
 *
 * The splitter reads the text line by line. A line that starts with a
 * unit's number starts that unit; any other line goes on the unit before
 * it, so text broken in the middle of a sentence (as it comes out of a PDF
 * or an e-mail) is joined again:
 *
 *   preamble     everything before the first unit: the title, the legal
 *                basis ("Na podstawie art. …"), "uchwala, co następuje:";
 *                when the text has §, everything before the first § (a
 *                legal basis in points stays in the preamble)
 *   Rozdział 2   a chapter ("Rozdział II", "DZIAŁ 3"); the lines after it
 *                are its title. A § keeps its own number in a key
 *                ("§ 7", not "Rozdział 2 § 7"): § are numbered through
 *                the text; where they start again in a chapter, the
 *                chapter is named in the key
 *   § 3.         a paragraph ("§ 3", "§3", "§ 3a."); "§ 3. 1. Text"
 *                opens its first section on the same line
 *   1.           a section (ust.) inside a §, or a numbered paragraph of
 *                a text without §; "1.2." is decimal numbering (pkt 1.2)
 *   1)           a point (pkt)
 *   a)           a letter (lit.); "a." too
 *   – or •       an indent (tiret)
 *   Załącznik nr 1   an attachment, numbered on its own: its keys start
 *                with its name ("Załącznik nr 1 § 2 ust. 1")
 *   Uzasadnienie the justification: one unit to the end (or to the next
 *                attachment)
 *   cells        lines with tabs (as tables come out of a word processor,
 *                and out of wsp-draft-reader.c) are a table, a unit of
 *                the unit they are in
 *
 * A number only starts a unit when it follows the one before it ("3."
 * after "2."; a few may be missing, "3a." may come in between) and the
 * line before does not end in the middle of a citation or a phrase
 * ("art.", "ust.", "nr", "w", "oraz"…): "…w kwocie\n2. 000 zł" and
 * "…w art.\n5. ustawy" stay text. The signature block ("Przewodniczący
 * Rady Miasta") ends the text of the resolution.
 *
 * The output is reviewed by a person in a preview: merging a unit with the
 * one before it joins its first line to the line before (a number in the
 * middle of a line starts nothing), splitting one breaks the line where the
 * next unit's number is. The text stays the one source of the units.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "import/wsp-draft-split.h"

/* clang-format off */
G_DEFINE_QUARK (wsp-draft-error-quark, wsp_draft_error)
/* clang-format on */

#define PREAMBLE_KEY "Preambuła"
#define JUSTIFICATION_KEY "Uzasadnienie"

/* ---- normalizing --------------------------------------------------------- */

/* @text with its lines ended by "\n", no-break spaces as spaces, soft
 * hyphens gone, no spaces at the ends of lines, composed (NFC). */
char *
wsp_draft_text_normalize (const char *text)
{
  g_autofree char *composed = NULL;
  g_autoptr (GString) out = NULL;
  const char *p;

  if (text == NULL)
    return g_strdup ("");
  composed = g_utf8_normalize (text, -1, G_NORMALIZE_DEFAULT_COMPOSE);
  if (composed == NULL)
    composed = g_utf8_make_valid (text, -1);
  out = g_string_sized_new (strlen (composed));
  for (p = composed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\r')
        {
          if (p[1] != '\n')
            g_string_append_c (out, '\n');
          continue;
        }
      if (c == '\f' || c == 0x2028 || c == 0x2029 || c == 0x0b)
        c = '\n';
      if (c == 0x00a0 || c == 0x2007 || c == 0x202f || c == 0x2002 || c == 0x2003 || c == 0x2009)
        c = ' ';
      if (c == 0x00ad || c == 0x200b || c == 0xfeff)
        continue;
      if (c == '\n')
        {
          /* No spaces at the end of a line. */
          while (out->len > 0 && (out->str[out->len - 1] == ' ' || out->str[out->len - 1] == '\t'))
            g_string_truncate (out, out->len - 1);
        }
      g_string_append_unichar (out, c);
    }
  while (out->len > 0 && g_ascii_isspace (out->str[out->len - 1]))
    g_string_truncate (out, out->len - 1);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* ---- markers ------------------------------------------------------------- */

typedef enum
{
  MARK_NONE,
  MARK_CHAPTER,
  MARK_PARAGRAPH,
  MARK_SECTION,
  MARK_POINT,
  MARK_LETTER,
  MARK_INDENT,
  MARK_DECIMAL,
} MarkKind;

typedef struct
{
  MarkKind    kind;
  int         number;   /* encoded: n × 32 + letter suffix (a = 1), or a letter's place */
  char       *label;    /* "§ 3a", "ust. 2", "pkt 1.2", "Rozdział II" */
  char       *num;      /* as written: "3a", "1.2" */
  char       *prefix;   /* decimal numbering: the number it is under ("1" of "1.2") */
  const char *rest;     /* the text after the marker, in the line */
  gboolean    dotted;   /* "§ 3." rather than "§ 3" */
} Mark;

static void
mark_clear (Mark *mark)
{
  g_clear_pointer (&mark->label, g_free);
  g_clear_pointer (&mark->num, g_free);
  g_clear_pointer (&mark->prefix, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Mark, mark_clear)

static const char *
skip_blanks (const char *p)
{
  while (*p == ' ' || *p == '\t')
    p++;
  return p;
}

/* 1 to 3 digits and an optional letter ("12", "3a"); the encoded number,
 * or 0 when there is none. */
static int
parse_number (const char  *p,
              const char **end)
{
  int n = 0, digits = 0;

  while (g_ascii_isdigit (*p) && digits < 4)
    {
      n = n * 10 + (*p - '0');
      p++;
      digits++;
    }
  if (digits == 0 || digits > 3 || n == 0)
    return 0;
  n *= 32;
  if (*p >= 'a' && *p <= 'z' && (p[1] == '.' || p[1] == ')' || p[1] == ' ' || p[1] == '\0'))
    {
      n += *p - 'a' + 1;
      p++;
    }
  *end = p;
  return n;
}

static gboolean
starts_upper (const char *p)
{
  gunichar c = g_utf8_get_char (p);

  return g_unichar_isupper (c) || c == 0x201e /* „ */ || c == '"' || g_unichar_isdigit (c);
}

static gboolean
is_roman (const char *p,
          const char **end)
{
  const char *q = p;

  while (*q != '\0' && strchr ("IVXLCDM", *q) != NULL)
    q++;
  if (q == p || (*q != '\0' && *q != '.' && *q != ' ' && *q != '\t'))
    return FALSE;
  *end = q;
  return TRUE;
}

/* "rozdział", "dział" at the start of @p, capitalized: the length or 0. */
static gsize
chapter_word (const char *p,
              const char **label)
{
  static const struct
  {
    const char *word;
    const char *label;
  } words[] = {
    { "Rozdział", "Rozdział" }, { "ROZDZIAŁ", "Rozdział" }, { "Dział", "Dział" }, { "DZIAŁ", "Dział" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (g_str_has_prefix (p, words[i].word))
      {
        *label = words[i].label;
        return strlen (words[i].word);
      }
  return 0;
}

/* Reads the unit number a line starts with, if any. */
static gboolean
parse_mark (const char *line,
            Mark       *mark)
{
  const char *p = line, *q;
  const char *word;
  gsize len;
  gunichar c;
  int n;

  memset (mark, 0, sizeof *mark);

  /* Rozdział 2, Rozdział II. */
  if ((len = chapter_word (p, &word)) > 0 && (p[len] == ' ' || p[len] == '\t'))
    {
      const char *start = skip_blanks (p + len);
      const char *end = NULL;

      if (parse_number (start, &end) > 0 || is_roman (start, &end))
        {
          mark->kind = MARK_CHAPTER;
          mark->num = g_strndup (start, (gsize) (end - start));
          mark->label = g_strdup_printf ("%s %s", word, mark->num);
          if (*end == '.')
            end++;
          q = skip_blanks (end);
          /* "Rozdział 2 – Cele Programu", "Rozdział 2. Cele". */
          if (g_str_has_prefix (q, "–") || g_str_has_prefix (q, "—") || *q == '-')
            q = skip_blanks (g_utf8_next_char (q));
          mark->rest = q;
          return TRUE;
        }
      return FALSE;
    }

  /* § 3., §3, § 3a. */
  if (g_str_has_prefix (p, "§"))
    {
      q = skip_blanks (p + strlen ("§"));
      n = parse_number (q, &q);
      if (n == 0)
        return FALSE;
      mark->num = g_strndup (skip_blanks (p + strlen ("§")), (gsize) (q - skip_blanks (p + strlen ("§"))));
      /* "§ 1." and, as typed, "§ 1 ." */
      mark->dotted = *skip_blanks (q) == '.';
      if (mark->dotted)
        q = skip_blanks (q) + 1;
      else if (*q != ' ' && *q != '\t' && *q != '\0')
        return FALSE;
      q = skip_blanks (q);
      /* Without its dot, "§ 5" at the start of a line is as often a
       * citation broken off the line before ("§ 5 ust. 2 stosuje się"). */
      if (!mark->dotted && *q != '\0' && !starts_upper (q))
        return FALSE;
      mark->kind = MARK_PARAGRAPH;
      mark->number = n;
      mark->label = g_strdup_printf ("§ %s", mark->num);
      mark->rest = q;
      return TRUE;
    }

  /* Indents: – text, • text. */
  c = g_utf8_get_char (p);
  if (c == 0x2013 || c == 0x2014 || c == '-' || c == 0x2022 || c == 0x25e6 || c == 0x25aa
      || c == 0x00b7 || c == 0x2012)
    {
      q = g_utf8_next_char (p);
      if (*q != ' ' && *q != '\t')
        return FALSE;
      mark->kind = MARK_INDENT;
      mark->rest = skip_blanks (q);
      return *mark->rest != '\0';
    }

  /* Letters: a) text (and a. text, as word processors number them). */
  if (*p >= 'a' && *p <= 'z' && (p[1] == ')' || p[1] == '.') && (p[2] == ' ' || p[2] == '\t'))
    {
      mark->kind = MARK_LETTER;
      mark->number = *p - 'a' + 1;
      mark->num = g_strndup (p, 1);
      mark->label = g_strdup_printf ("lit. %c", *p);
      mark->rest = skip_blanks (p + 2);
      return *mark->rest != '\0';
    }

  /* Numbers: 1. text, 1) text, 1.2. text. */
  n = parse_number (p, &q);
  if (n == 0)
    return FALSE;
  if (*q == ')')
    {
      mark->kind = MARK_POINT;
      mark->number = n;
      mark->num = g_strndup (p, (gsize) (q - p));
      mark->label = g_strdup_printf ("pkt %s", mark->num);
      mark->rest = skip_blanks (q + 1);
      return TRUE;
    }
  if (*q != '.')
    return FALSE;
  if (g_ascii_isdigit (q[1]) && n % 32 == 0)
    {
      /* Decimal numbering: 1.2., 1.2.3. */
      const char *end = q;
      int last = n;

      while (*end == '.' && g_ascii_isdigit (end[1]))
        {
          const char *after;
          int part = parse_number (end + 1, &after);

          if (part == 0 || part % 32 != 0)
            return FALSE;
          last = part;
          q = end;
          end = after;
        }
      if (*end == '.')
        end++;
      if (*end != ' ' && *end != '\t')
        return FALSE;
      mark->kind = MARK_DECIMAL;
      mark->number = last;
      mark->num = g_strndup (p, (gsize) ((*(end - 1) == '.' ? end - 1 : end) - p));
      mark->prefix = g_strndup (p, (gsize) (q - p));
      mark->label = g_strdup_printf ("pkt %s", mark->num);
      mark->rest = skip_blanks (end);
      return *mark->rest != '\0';
    }
  q++;
  if (*q != ' ' && *q != '\t' && *q != '\0' && !starts_upper (q))
    return FALSE;
  mark->kind = MARK_SECTION;
  mark->number = n;
  mark->num = g_strndup (p, (gsize) (q - 1 - p));
  mark->label = g_strdup_printf ("ust. %s", mark->num);
  mark->rest = skip_blanks (q);
  return TRUE;
}

/* "Załącznik nr 1 do uchwały …", "ZAŁĄCZNIK NR 2", "Załącznik do projektu
 * uchwały": the attachment's label, and the rest of the line. */
static char *
parse_attachment (const char  *line,
                  const char **rest)
{
  const char *p;
  const char *end = NULL;
  g_autofree char *number = NULL;

  if (g_str_has_prefix (line, "Załącznik"))
    p = line + strlen ("Załącznik");
  else if (g_str_has_prefix (line, "ZAŁĄCZNIK"))
    p = line + strlen ("ZAŁĄCZNIK");
  else
    return NULL;
  if (*p != '\0' && *p != ' ' && *p != '\t')
    return NULL;
  p = skip_blanks (p);
  if (g_ascii_strncasecmp (p, "nr", 2) == 0 && (p[2] == ' ' || p[2] == '.' || g_ascii_isdigit (p[2])))
    {
      p = skip_blanks (p[2] == '.' ? p + 3 : p + 2);
      if (parse_number (p, &end) == 0)
        return NULL;
      number = g_strndup (p, (gsize) (end - p));
      p = skip_blanks (end);
    }
  if (*p != '\0' && !(g_ascii_strncasecmp (p, "do", 2) == 0 && (p[2] == ' ' || p[2] == '\0')))
    return NULL;
  *rest = p;
  return number != NULL ? g_strdup_printf ("Załącznik nr %s", number) : g_strdup ("Załącznik");
}

/* "Uzasadnienie", "UZASADNIENIE:", "Uzasadnienie do projektu uchwały". */
static gboolean
is_justification (const char *line)
{
  g_autofree char *folded = g_utf8_casefold (line, -1);
  const char *p;

  if (!g_str_has_prefix (folded, "uzasadnienie") || !g_unichar_isupper (g_utf8_get_char (line)))
    return FALSE;
  p = folded + strlen ("uzasadnienie");
  while (*p == ':' || *p == '.' || *p == ' ')
    p++;
  return *p == '\0' || (g_str_has_prefix (folded + strlen ("uzasadnienie"), " do ") && strlen (line) < 160);
}

/* "Przewodniczący Rady Miasta", alone on its line: the signature block. */
static gboolean
is_signature (const char *line)
{
  gsize len = strlen (line);

  return (g_str_has_prefix (line, "Przewodniczący") || g_str_has_prefix (line, "Przewodnicząca")
          || g_str_has_prefix (line, "PRZEWODNICZĄC"))
         && len < 90 && strchr (".;,:", line[len - 1]) == NULL;
}

/* Whether @line ends so that the next line goes on with it: in the middle
 * of a citation ("art.", "ust.", "nr") or after a word that cannot end a
 * sentence ("w", "oraz"). */
static gboolean
ends_mid_phrase (const char *line)
{
  static const char * const words[] = {
    "art.", "ust.", "pkt", "pkt.", "§", "nr", "Nr", "poz.", "lit.", "i", "oraz", "lub", "albo",
    "w", "we", "z", "ze", "do", "na", "o", "od", "przez", "dla", "Dz.", "U.", "tj.", "a",
  };
  const char *last;

  if (line == NULL)
    return FALSE;
  last = strrchr (line, ' ');
  last = last != NULL ? last + 1 : line;
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (g_str_equal (last, words[i]))
      return TRUE;
  return FALSE;
}

/* Whether @text opens a quotation („) that it does not close (”). */
static gboolean
quote_open (const char *text)
{
  int depth = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0x201e || c == 0x00ab)
        depth++;
      else if ((c == 0x201d || c == 0x201c || c == 0x00bb) && depth > 0)
        depth--;
    }
  return depth > 0;
}

static gboolean
ends_sentence (const char *line)
{
  gsize len;

  if (line == NULL)
    return TRUE;
  len = strlen (line);
  return len == 0 || strchr (".;:!?)\"", line[len - 1]) != NULL || g_str_has_suffix (line, "”")
         || g_str_has_suffix (line, "»");
}

/* ---- the parser ---------------------------------------------------------- */

typedef enum
{
  MODE_PREAMBLE,
  MODE_BODY,
  MODE_JUSTIFICATION,
  MODE_SIGNATURE,
} Mode;

/* The numbers last given to the units in a unit (or at the top), by kind. */
typedef struct
{
  int paragraph;
  int section;
  int point;
  int letter;
  int indent;
  int decimal;
  int table;
} Counters;

typedef struct
{
  Counters counters;
  char    *num;        /* as written, for decimal numbering */
  gboolean fresh;      /* no text yet */
} Info;

typedef struct
{
  GPtrArray  *units;
  GArray     *infos;
  GHashTable *keys;
  GArray     *stack;   /* indices of the open units of the scope, outermost first */
  int         scope;   /* the attachment the units are in, or -1 */
  Counters    top;     /* of the main text */
  int         current; /* the unit lines go on to */
  int         table;   /* the table being read, or -1 */
  int         before_table; /* the unit lines went on before it */
  Mode        mode;
  gboolean    body_has_paragraphs;
  gboolean    blank_before;
  char       *prev_line;
  int         line_no;
} Parser;

static WspDraftUnit *
unit_at (Parser *p,
         int     index)
{
  return g_ptr_array_index (p->units, index);
}

static Info *
info_at (Parser *p,
         int     index)
{
  return &g_array_index (p->infos, Info, index);
}

static Counters *
counters_of (Parser *p,
             int     parent)
{
  if (parent >= 0)
    return &info_at (p, parent)->counters;
  if (p->scope >= 0)
    return &info_at (p, p->scope)->counters;
  return &p->top;
}

static int
stack_top (Parser *p)
{
  return p->stack->len > 0 ? g_array_index (p->stack, int, p->stack->len - 1) : -1;
}

static const char *
scope_key (Parser *p)
{
  return p->scope >= 0 ? unit_at (p, p->scope)->key : NULL;
}

static char *
join_key (const char *prefix,
          const char *label)
{
  return prefix != NULL ? g_strdup_printf ("%s %s", prefix, label) : g_strdup (label);
}

/* The open chapter of the scope, or -1. */
static int
open_chapter (Parser *p)
{
  for (guint i = 0; i < p->stack->len; i++)
    {
      int index = g_array_index (p->stack, int, i);

      if (unit_at (p, index)->kind == WSP_UNIT_CHAPTER)
        return index;
    }
  return -1;
}

static int
rank (WspUnitKind kind)
{
  switch (kind)
    {
    case WSP_UNIT_CHAPTER:
      return 1;
    case WSP_UNIT_PARAGRAPH:
      return 2;
    case WSP_UNIT_SECTION:
      return 3;
    case WSP_UNIT_POINT:
      return 4;
    case WSP_UNIT_LETTER:
      return 5;
    case WSP_UNIT_INDENT:
      return 6;
    case WSP_UNIT_PREAMBLE:
    case WSP_UNIT_ATTACHMENT:
    case WSP_UNIT_TABLE:
    case WSP_UNIT_JUSTIFICATION:
    default:
      return 0;
    }
}

/* The unit a unit of @kind goes in: the innermost open one above it. */
static int
parent_for (Parser     *p,
            WspUnitKind kind,
            guint      *depth_out)
{
  int r = rank (kind);
  guint depth = p->stack->len;

  while (depth > 0 && rank (unit_at (p, g_array_index (p->stack, int, depth - 1))->kind) >= r)
    depth--;
  *depth_out = depth;
  return depth > 0 ? g_array_index (p->stack, int, depth - 1) : -1;
}

/* Whether @number may follow @last among the units of one kind. */
static gboolean
follows (int      last,
         int      number,
         gboolean any_first)
{
  if (last == 0)
    return any_first || number == 32;
  return number > last && number / 32 <= last / 32 + 5;
}

static gboolean
follows_letter (int last,
                int number)
{
  if (last == 0)
    return number == 1;
  return number > last && number <= last + 2;
}

/* Adds a unit in @parent (-1: at the top of the scope), under a key made
 * unique in the text. */
static int
add_unit (Parser      *p,
          WspUnitKind  kind,
          const char  *label,
          int          parent,
          char        *key)
{
  WspDraftUnit *unit;
  Info info = { { 0 }, NULL, TRUE };
  const char *parent_key = parent >= 0 ? unit_at (p, parent)->key : scope_key (p);
  int index;

  if (g_hash_table_contains (p->keys, key))
    {
      int chapter = open_chapter (p);
      char *qualified = NULL;

      if (kind == WSP_UNIT_PARAGRAPH && chapter >= 0)
        qualified = join_key (unit_at (p, chapter)->key, label);
      for (guint n = 2; qualified == NULL || g_hash_table_contains (p->keys, qualified); n++)
        {
          g_free (qualified);
          qualified = g_strdup_printf ("%s (%u)", key, n);
        }
      g_free (key);
      key = qualified;
    }
  unit = wsp_draft_unit_new (kind, key, label, kind == WSP_UNIT_ATTACHMENT ? NULL : parent_key);
  unit->line = p->line_no;
  if (parent >= 0)
    unit->depth = unit_at (p, parent)->depth + 1;
  else if (p->scope >= 0 && kind != WSP_UNIT_ATTACHMENT && kind != WSP_UNIT_JUSTIFICATION)
    unit->depth = 1;
  g_hash_table_add (p->keys, key);
  g_ptr_array_add (p->units, unit);
  g_array_append_val (p->infos, info);
  index = (int) p->units->len - 1;
  p->current = index;
  return index;
}

static void
push (Parser *p,
      int     index)
{
  g_array_append_val (p->stack, index);
}

/* Adds @line to the text of @index. */
static void
append_text (Parser     *p,
             int         index,
             const char *line)
{
  WspDraftUnit *unit = unit_at (p, index);
  Info *info = info_at (p, index);
  g_autoptr (GString) text = g_string_new (unit->text);
  gunichar first = g_utf8_get_char (line);

  if (*line == '\0')
    return;
  if (text->len == 0 || info->fresh)
    g_string_append (text, line);
  else if (text->len >= 2 && text->str[text->len - 1] == '-' && g_unichar_islower (first)
           && g_unichar_isalpha (g_utf8_get_char (g_utf8_prev_char (text->str + text->len - 1))))
    {
      /* A word broken at the end of a line: "współ-\npracy". */
      g_string_truncate (text, text->len - 1);
      g_string_append (text, line);
    }
  else
    {
      /* A title keeps its lines, but for a long line broken off in the
       * middle of a sentence. */
      gboolean broken = !p->blank_before && p->prev_line != NULL
                        && (ends_mid_phrase (p->prev_line)
                            || (g_unichar_islower (first) && strlen (p->prev_line) > 60
                                && !ends_sentence (p->prev_line)));
      gboolean lines = ((unit->kind == WSP_UNIT_PREAMBLE || unit->kind == WSP_UNIT_ATTACHMENT
                         || unit->kind == WSP_UNIT_CHAPTER) && !broken)
                       || unit->kind == WSP_UNIT_TABLE
                       || (unit->kind == WSP_UNIT_JUSTIFICATION && p->blank_before);

      g_string_append_c (text, lines ? '\n' : ' ');
      g_string_append (text, line);
    }
  info->fresh = FALSE;
  g_free (unit->text);
  unit->text = g_string_free (g_steal_pointer (&text), FALSE);
}

static void
end_table (Parser *p)
{
  if (p->table < 0)
    return;
  /* The lines after it go on with the unit before it. */
  p->current = p->before_table;
  p->table = -1;
}

/* "a\tb\tc" or "| a | b |" as "a | b | c". */
static char *
table_row (const char *line)
{
  g_auto (GStrv) cells = g_strsplit_set (line, strchr (line, '\t') != NULL ? "\t" : "|", -1);
  g_autoptr (GStrvBuilder) kept = g_strv_builder_new ();
  g_auto (GStrv) row = NULL;
  guint n = g_strv_length (cells);

  for (guint i = 0; i < n; i++)
    {
      g_strstrip (cells[i]);
      /* The bars at the ends of "| a | b |" make no cells. */
      if (cells[i][0] == '\0' && (i == 0 || i == n - 1) && strchr (line, '\t') == NULL)
        continue;
      g_strv_builder_add (kept, cells[i]);
    }
  row = g_strv_builder_end (kept);
  return g_strjoinv (" | ", row);
}

static gboolean
is_table_line (const char *line,
               const Mark *mark)
{
  const char *tab = strchr (line, '\t');

  if (line[0] == '|' && strchr (line + 1, '|') != NULL)
    return TRUE;
  if (tab == NULL)
    return FALSE;
  /* "1.\tText": the tab a word processor puts after a list's number. */
  if (mark->kind != MARK_NONE && strchr (mark->rest, '\t') == NULL)
    return FALSE;
  return TRUE;
}

static void
add_table_row (Parser     *p,
               const char *line)
{
  g_autofree char *row = table_row (line);

  if (p->table < 0)
    {
      int parent = stack_top (p);
      Counters *counters = counters_of (p, parent);
      g_autofree char *label = g_strdup_printf ("tabela %d", ++counters->table);
      const char *parent_key = parent >= 0 ? unit_at (p, parent)->key : scope_key (p);

      p->before_table = p->current;
      p->table = add_unit (p, WSP_UNIT_TABLE, label, parent, join_key (parent_key, label));
    }
  append_text (p, p->table, row);
}

/* Starts the unit @mark names, when it may start here; FALSE when the line
 * is text of the unit before. */
static gboolean
place (Parser     *p,
       const Mark *mark)
{
  guint depth = 0;
  int parent;
  int index;
  Counters *counters;

  if (p->mode == MODE_PREAMBLE && p->scope < 0 && p->body_has_paragraphs
      && mark->kind != MARK_PARAGRAPH && mark->kind != MARK_CHAPTER)
    return FALSE;
  /* A number right after a phrase broken off is part of it. */
  if (mark->kind != MARK_CHAPTER && !p->blank_before && ends_mid_phrase (p->prev_line))
    return FALSE;

  switch (mark->kind)
    {
    case MARK_CHAPTER:
      g_array_set_size (p->stack, 0);
      index = add_unit (p, WSP_UNIT_CHAPTER, mark->label, -1, join_key (scope_key (p), mark->label));
      push (p, index);
      append_text (p, index, mark->rest);
      break;

    case MARK_PARAGRAPH:
      {
        Counters *scope_counters = counters_of (p, -1);
        int chapter = open_chapter (p);
        gboolean restart = FALSE;
        Mark inner = { 0 };

        /* § are numbered through the text; they may start again at § 1 in
         * a chapter. */
        if (!follows (scope_counters->paragraph, mark->number, TRUE))
          {
            restart = mark->number == 32 && chapter >= 0
                      && info_at (p, chapter)->counters.paragraph == 0;
            if (!restart)
              return FALSE;
          }
        g_array_set_size (p->stack, 0);
        if (chapter >= 0)
          push (p, chapter);
        scope_counters->paragraph = mark->number;
        if (chapter >= 0)
          info_at (p, chapter)->counters.paragraph = mark->number;
        index = add_unit (p, WSP_UNIT_PARAGRAPH, mark->label, chapter,
                          join_key (restart ? unit_at (p, chapter)->key : scope_key (p), mark->label));
        push (p, index);
        /* "§ 1. 1. Text": the § opens its first section. */
        if (parse_mark (mark->rest, &inner) && inner.kind == MARK_SECTION && inner.number == 32)
          {
            int section;

            info_at (p, index)->counters.section = inner.number;
            section = add_unit (p, WSP_UNIT_SECTION, inner.label, index,
                                join_key (unit_at (p, index)->key, inner.label));
            info_at (p, section)->num = g_strdup (inner.num);
            push (p, section);
            append_text (p, section, inner.rest);
          }
        else
          append_text (p, index, mark->rest);
        mark_clear (&inner);
      }
      break;

    case MARK_SECTION:
    case MARK_POINT:
    case MARK_LETTER:
    case MARK_INDENT:
      {
        static const WspUnitKind kinds[] = {
          [MARK_SECTION] = WSP_UNIT_SECTION, [MARK_POINT] = WSP_UNIT_POINT,
          [MARK_LETTER] = WSP_UNIT_LETTER, [MARK_INDENT] = WSP_UNIT_INDENT,
        };
        WspUnitKind kind = kinds[mark->kind];
        g_autofree char *indent_label = NULL;
        const char *label = mark->label;
        const char *parent_key;
        int *last;

        parent = parent_for (p, kind, &depth);
        counters = counters_of (p, parent);
        last = kind == WSP_UNIT_SECTION ? &counters->section
               : kind == WSP_UNIT_POINT ? &counters->point
               : kind == WSP_UNIT_LETTER ? &counters->letter
                                         : &counters->indent;
        if (kind == WSP_UNIT_LETTER ? !follows_letter (*last, mark->number)
            : kind == WSP_UNIT_INDENT ? FALSE
                                      : !follows (*last, mark->number, FALSE))
          return FALSE;
        if (kind == WSP_UNIT_INDENT)
          {
            indent_label = g_strdup_printf ("tiret %d", *last + 1);
            label = indent_label;
            *last += 1;
          }
        else
          *last = mark->number;
        g_array_set_size (p->stack, depth);
        parent_key = parent >= 0 ? unit_at (p, parent)->key : scope_key (p);
        index = add_unit (p, kind, label, parent, join_key (parent_key, label));
        info_at (p, index)->num = g_strdup (mark->num);
        push (p, index);
        append_text (p, index, mark->rest);
      }
      break;

    case MARK_DECIMAL:
      {
        int chapter;
        const char *prefix_key;

        /* Under the open unit its number continues: 1.2. under 1. */
        parent = -1;
        for (depth = p->stack->len; depth > 0; depth--)
          {
            int candidate = g_array_index (p->stack, int, depth - 1);

            if (g_strcmp0 (info_at (p, candidate)->num, mark->prefix) == 0)
              {
                parent = candidate;
                break;
              }
          }
        if (parent < 0)
          return FALSE;
        counters = counters_of (p, parent);
        if (!follows (counters->decimal, mark->number, FALSE))
          return FALSE;
        counters->decimal = mark->number;
        g_array_set_size (p->stack, depth);
        chapter = open_chapter (p);
        prefix_key = chapter >= 0 ? unit_at (p, chapter)->key : scope_key (p);
        index = add_unit (p, WSP_UNIT_POINT, mark->label, parent, join_key (prefix_key, mark->label));
        info_at (p, index)->num = g_strdup (mark->num);
        push (p, index);
        append_text (p, index, mark->rest);
      }
      break;

    case MARK_NONE:
    default:
      return FALSE;
    }
  p->mode = MODE_BODY;
  return TRUE;
}

static void
continue_text (Parser     *p,
               const char *line)
{
  if (p->current < 0)
    {
      if (p->units->len > 0)
        p->current = (int) p->units->len - 1;
      else
        p->current = add_unit (p, WSP_UNIT_PREAMBLE, PREAMBLE_KEY, -1, g_strdup (PREAMBLE_KEY));
    }
  append_text (p, p->current, line);
}

static void
feed_line (Parser     *p,
           const char *raw)
{
  g_autofree char *line = g_strstrip (g_strdup (raw));
  g_auto (Mark) mark = { 0 };
  const char *rest = NULL;
  g_autofree char *attachment = NULL;

  if (line[0] == '\0')
    {
      p->blank_before = TRUE;
      end_table (p);
      return;
    }

  /* Inside a quotation (the new wording of an amended unit), no unit starts. */
  if (p->mode == MODE_BODY && p->current >= 0 && p->table < 0 && quote_open (unit_at (p, p->current)->text))
    {
      continue_text (p, line);
      goto done;
    }

  attachment = parse_attachment (line, &rest);
  if (attachment != NULL && (p->blank_before || p->prev_line == NULL || ends_sentence (p->prev_line)
                             || p->mode == MODE_SIGNATURE))
    {
      int index;

      end_table (p);
      g_array_set_size (p->stack, 0);
      p->scope = -1;
      index = add_unit (p, WSP_UNIT_ATTACHMENT, attachment, -1, g_strdup (attachment));
      p->scope = index;
      p->mode = MODE_BODY;
      append_text (p, index, rest);
      goto done;
    }
  if (p->mode != MODE_JUSTIFICATION && is_justification (line)
      && (p->blank_before || ends_sentence (p->prev_line) || p->mode == MODE_SIGNATURE))
    {
      end_table (p);
      g_array_set_size (p->stack, 0);
      p->scope = -1;
      add_unit (p, WSP_UNIT_JUSTIFICATION, JUSTIFICATION_KEY, -1, g_strdup (JUSTIFICATION_KEY));
      p->mode = MODE_JUSTIFICATION;
      goto done;
    }
  if (p->mode == MODE_JUSTIFICATION)
    {
      continue_text (p, line);
      goto done;
    }
  if (p->mode == MODE_SIGNATURE)
    goto done;
  if (p->mode == MODE_BODY && is_signature (line))
    {
      end_table (p);
      p->mode = MODE_SIGNATURE;
      goto done;
    }

  parse_mark (line, &mark);
  if (is_table_line (line, &mark))
    {
      add_table_row (p, line);
      goto done;
    }
  end_table (p);
  if (mark.kind != MARK_NONE && place (p, &mark))
    goto done;
  {
    /* Tabs left in a line of text (after a list's number) are spaces. */
    g_autofree char *text = g_strdelimit (g_strdup (line), "\t", ' ');

    continue_text (p, text);
  }

done:
  g_free (p->prev_line);
  p->prev_line = g_steal_pointer (&line);
  p->blank_before = FALSE;
}

/* Whether the resolution itself (before any attachment) has § in it. */
static gboolean
has_paragraphs (char **lines)
{
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = skip_blanks (lines[i]);
      const char *rest;
      g_autofree char *attachment = parse_attachment (line, &rest);
      g_auto (Mark) mark = { 0 };

      if (attachment != NULL || is_justification (line))
        return FALSE;
      if (parse_mark (line, &mark) && mark.kind == MARK_PARAGRAPH)
        return TRUE;
    }
  return FALSE;
}

static void
tidy (GPtrArray *units)
{
  for (guint i = 0; i < units->len; i++)
    {
      WspDraftUnit *unit = g_ptr_array_index (units, i);

      g_strstrip (unit->text);
    }
}

/* A text with no numbered units at all (a position, a letter): one unit
 * per paragraph, as blank lines part them. */
static GPtrArray *
split_paragraphs (char **lines)
{
  GPtrArray *units = wsp_draft_units_new ();
  g_autoptr (GString) text = g_string_new (NULL);
  int first = -1;

  for (guint i = 0;; i++)
    {
      const char *line = lines[i] != NULL ? skip_blanks (lines[i]) : "";

      if (*line == '\0' && first >= 0)
        {
          g_autofree char *label = g_strdup_printf ("akapit %u", units->len + 1);
          WspDraftUnit *unit = wsp_draft_unit_new (WSP_UNIT_SECTION, label, label, NULL);

          g_free (unit->text);
          unit->text = g_strdelimit (g_strdup (text->str), "\t", ' ');
          unit->line = first;
          g_ptr_array_add (units, unit);
          g_string_truncate (text, 0);
          first = -1;
        }
      else if (*line != '\0')
        {
          if (first < 0)
            first = (int) i;
          else
            g_string_append_c (text, ' ');
          g_string_append (text, line);
        }
      if (lines[i] == NULL)
        break;
    }
  return units;
}

/**
 * wsp_draft_split:
 * @text: a draft's text, as wsp_draft_text_normalize() returns it (a text
 *   that is not is normalized first, and the units' lines are then those
 *   of the normalized text)
 *
 * Splits a draft into its units: see the top of this file.
 *
 * Returns: (transfer full) (element-type WspDraftUnit): the units, in the
 *   order of the text
 */
GPtrArray *
wsp_draft_split (const char *text)
{
  g_autofree char *normal = wsp_draft_text_normalize (text);
  g_auto (GStrv) lines = g_strsplit (normal, "\n", -1);
  Parser p = { 0 };
  GPtrArray *units;

  p.units = wsp_draft_units_new ();
  p.infos = g_array_new (FALSE, TRUE, sizeof (Info));
  p.keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL); /* owns the keys add_unit() made */
  p.stack = g_array_new (FALSE, FALSE, sizeof (int));
  p.scope = -1;
  p.current = -1;
  p.table = -1;
  p.mode = MODE_PREAMBLE;
  p.body_has_paragraphs = has_paragraphs (lines);
  p.blank_before = TRUE;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      p.line_no = (int) i;
      feed_line (&p, lines[i]);
    }

  for (guint i = 0; i < p.infos->len; i++)
    g_free (g_array_index (p.infos, Info, i).num);
  g_array_unref (p.infos);
  g_array_unref (p.stack);
  g_hash_table_unref (p.keys);
  g_free (p.prev_line);
  units = p.units;
  if (units->len == 1 && ((WspDraftUnit *) g_ptr_array_index (units, 0))->kind == WSP_UNIT_PREAMBLE)
    {
      g_ptr_array_unref (units);
      units = split_paragraphs (lines);
    }
  tidy (units);
  return units;
}

/* ---- the preview's edits ------------------------------------------------- */

static gsize
line_start (const char *text,
            int         line)
{
  const char *p = text;

  for (int i = 0; i < line && p != NULL; i++)
    {
      p = strchr (p, '\n');
      if (p != NULL)
        p++;
    }
  return p != NULL ? (gsize) (p - text) : strlen (text);
}

/**
 * wsp_draft_text_merge_unit:
 * @text: the text @units were split from
 * @units: (element-type WspDraftUnit): its units
 * @index: the unit to merge with the one before it
 *
 * The text with the unit's first line joined to the line before it, so
 * the unit's words go on the unit before.
 *
 * Returns: (transfer full): the new text, or %NULL with
 *   %WSP_DRAFT_ERROR_NO_UNIT
 */
char *
wsp_draft_text_merge_unit (const char  *text,
                           GPtrArray   *units,
                           guint        index,
                           GError     **error)
{
  g_autofree char *normal = wsp_draft_text_normalize (text);
  g_autoptr (GString) out = NULL;
  g_autoptr (GPtrArray) after = NULL;
  WspDraftUnit *unit;
  gsize start, end;

  g_return_val_if_fail (index < units->len, NULL);
  unit = g_ptr_array_index (units, index);
  if (index == 0 || unit->line <= 0)
    {
      g_set_error_literal (error, WSP_DRAFT_ERROR, WSP_DRAFT_ERROR_NO_UNIT,
                           _("The first unit has nothing before it to be merged with."));
      return NULL;
    }
  if (unit->line == ((WspDraftUnit *) g_ptr_array_index (units, index - 1))->line)
    {
      g_set_error_literal (error, WSP_DRAFT_ERROR, WSP_DRAFT_ERROR_NO_UNIT,
                           _("This unit starts on the same line as the one before it. Edit the "
                             "text to join them."));
      return NULL;
    }
  /* The line break (and blank lines) before the unit's line become a space. */
  end = line_start (normal, unit->line);
  start = end;
  while (start > 0 && (normal[start - 1] == '\n' || normal[start - 1] == ' '))
    start--;
  out = g_string_new_len (normal, (gssize) start);
  g_string_append_c (out, ' ');
  g_string_append (out, normal + end + strspn (normal + end, " \t"));

  after = wsp_draft_split (out->str);
  if (after->len >= units->len)
    {
      g_set_error_literal (error, WSP_DRAFT_ERROR, WSP_DRAFT_ERROR_NO_UNIT,
                           _("This unit cannot be merged with the one before it. Edit the text to "
                             "join them."));
      return NULL;
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * wsp_draft_text_split_at:
 * @text: a draft's text
 * @offset: where in @text (in bytes) a new unit should start: just before
 *   its number ("2)", "3.", "§ 4.")
 *
 * The text with a line break at @offset, when a unit then starts there.
 *
 * Returns: (transfer full): the new text, or %NULL with
 *   %WSP_DRAFT_ERROR_NO_UNIT when no unit would start at @offset
 */
char *
wsp_draft_text_split_at (const char  *text,
                         gsize        offset,
                         GError     **error)
{
  g_autoptr (GString) out = NULL;
  g_autoptr (GPtrArray) units = NULL;
  gsize start = MIN (offset, strlen (text)), end = start;
  int line = 0;

  while (start > 0 && text[start - 1] == ' ')
    start--;
  while (text[end] == ' ')
    end++;
  if (start > 0 && text[start - 1] != '\n' && text[end] != '\0' && text[end] != '\n')
    {
      out = g_string_new_len (text, (gssize) start);
      g_string_append_c (out, '\n');
      g_string_append (out, text + end);
      for (gsize i = 0; i < start + 1; i++)
        line += out->str[i] == '\n';
      units = wsp_draft_split (out->str);
      for (guint i = 0; i < units->len; i++)
        if (((WspDraftUnit *) g_ptr_array_index (units, i))->line == line)
          return g_string_free (g_steal_pointer (&out), FALSE);
    }
  g_set_error_literal (error, WSP_DRAFT_ERROR, WSP_DRAFT_ERROR_NO_UNIT,
                       _("No unit starts here. A unit starts with its number, such as “2)”, “3.” "
                         "or “§ 4.”: put the cursor just before it."));
  return NULL;
}
