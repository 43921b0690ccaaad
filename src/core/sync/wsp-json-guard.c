/* wsp-json-guard.c — strict validation of JSON bytes before parsing them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * json-glib 1.6 trusts its input too much for files that come from other
 * laptops: deep nesting overflows its stack, large integers wrap, the last
 * of duplicate names silently wins, \u0000 cuts strings short, and it
 * accepts comments, single quotes, leading zeros and raw control
 * characters.  wsp_json_guard_check() reads the bytes first and refuses
 * anything that is not exactly RFC 8259 JSON as packets use it: integers
 * only, and within ±(2^53 − 1) so that they are exact as doubles too.
 *
 * The parser is iterative: nesting is kept in an explicit stack that is
 * never allowed to grow beyond the depth limit, so no input can exhaust
 * the C stack.  The input need not be NUL-terminated; every read is
 * checked against its length.  Byte positions in messages count from 1.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "sync/wsp-json-guard.h"

/* clang-format off */
G_DEFINE_QUARK (wsp-json-guard-error-quark, wsp_json_guard_error)
/* clang-format on */

/* How much of a duplicate name or a number is quoted in a message. */
#define SHOWN_NAME_CHARS   40
#define SHOWN_NUMBER_BYTES 24

typedef struct
{
  gboolean    is_object;
  GHashTable *names; /* decoded member names (owned char *); NULL until the first */
} Frame;

typedef enum
{
  STATE_VALUE,
  STATE_NAME,
  STATE_AFTER_VALUE,
} State;

typedef struct
{
  const guchar *data;
  gsize         length;
  gsize         pos;
  guint         max_depth;
  GArray       *stack;   /* of Frame */
  GString      *scratch; /* decoded member name */
} Parser;

static void
frame_clear (gpointer data)
{
  Frame *frame = data;

  g_clear_pointer (&frame->names, g_hash_table_unref);
}

static inline gboolean
is_whitespace (guchar c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static inline void
skip_whitespace (Parser *p)
{
  while (p->pos < p->length && is_whitespace (p->data[p->pos]))
    p->pos++;
}

/* Returns the length of the well-formed UTF-8 sequence at @s (1–4), or 0
 * if there is none within @avail bytes: no overlong forms, no encoded
 * surrogates, nothing above U+10FFFF (Unicode table 3-7). */
static gsize
utf8_sequence_length (const guchar *s,
                      gsize         avail)
{
  guchar c = s[0];
  guchar lo = 0x80;
  guchar hi = 0xBF;
  gsize n;

  if (c < 0x80)
    return 1;
  else if (c < 0xC2)
    return 0; /* continuation byte, or overlong 2-byte form */
  else if (c < 0xE0)
    n = 2;
  else if (c < 0xF0)
    {
      n = 3;
      if (c == 0xE0)
        lo = 0xA0; /* overlong */
      else if (c == 0xED)
        hi = 0x9F; /* surrogates */
    }
  else if (c < 0xF5)
    {
      n = 4;
      if (c == 0xF0)
        lo = 0x90; /* overlong */
      else if (c == 0xF4)
        hi = 0x8F; /* above U+10FFFF */
    }
  else
    return 0;

  if (avail < n)
    return 0;
  if (s[1] < lo || s[1] > hi)
    return 0;
  for (gsize i = 2; i < n; i++)
    {
      if (s[i] < 0x80 || s[i] > 0xBF)
        return 0;
    }

  return n;
}

/* Error helpers.  @at is a 0-based offset; messages count from 1. */

static gboolean
fail_incomplete (Parser  *p,
                 GError **error)
{
  g_set_error (error, WSP_JSON_GUARD_ERROR, WSP_JSON_GUARD_ERROR_SYNTAX,
               /* Translators: %zu is a byte count, e.g. 1234 */
               _("The file is incomplete: it ends unexpectedly after byte %zu."),
               p->length);
  return FALSE;
}

static gboolean
fail_encoding (gsize    at,
               GError **error)
{
  g_set_error (error, WSP_JSON_GUARD_ERROR, WSP_JSON_GUARD_ERROR_ENCODING,
               _("The file is not valid UTF-8 text at byte %zu."), at + 1);
  return FALSE;
}

/* Refuses the byte at @at, which has no place there: the end of the data,
 * bytes that are not UTF-8, or a character quoted in the message. */
static gboolean
fail_unexpected (Parser  *p,
                 gsize    at,
                 GError **error)
{
  guchar c;

  if (at >= p->length)
    return fail_incomplete (p, error);

  c = p->data[at];

  if (c > 0x20 && c < 0x7F)
    {
      g_set_error (error, WSP_JSON_GUARD_ERROR, WSP_JSON_GUARD_ERROR_SYNTAX,
                   /* Translators: %c is a character such as “x”, then a byte position */
                   _("The file is not valid JSON: unexpected character “%c” at byte %zu."),
                   c, at + 1);
    }
  else if (c >= 0x80)
    {
      gsize n = utf8_sequence_length (p->data + at, p->length - at);
      g_autofree char *shown = NULL;

      if (n == 0)
        return fail_encoding (at, error);

      shown = g_strndup ((const char *) p->data + at, n);
      g_set_error (error, WSP_JSON_GUARD_ERROR, WSP_JSON_GUARD_ERROR_SYNTAX,
                   /* Translators: %s is a character such as “ż”, then a byte position */
                   _("The file is not valid JSON: unexpected character “%s” at byte %zu."),
                   shown, at + 1);
    }
  else
    {
      g_set_error (error, WSP_JSON_GUARD_ERROR, WSP_JSON_GUARD_ERROR_SYNTAX,
                   /* Translators: %u is a character code, e.g. 7, then a byte position */
                   _("The file is not valid JSON: unexpected space or control character "
                     "(code %u) at byte %zu."),
                   (guint) c, at + 1);
    }

  return FALSE;
}

static gboolean
fail_bad_escape (gsize    at,
                 GError **error)
{
  g_set_error (error, WSP_JSON_GUARD_ERROR, WSP_JSON_GUARD_ERROR_SYNTAX,
               _("The file is not valid JSON: invalid escape sequence (a backslash followed by "
                 "something not allowed) at byte %zu."),
               at + 1);
  return FALSE;
}

static gboolean
fail_number (Parser   *p,
             gsize     start,
             gsize     end,
             gboolean  fraction,
             GError  **error)
{
  gsize len = MIN (end - start, SHOWN_NUMBER_BYTES);
  g_autofree char *shown = g_strdup_printf ("%.*s%s", (int) len, (const char *) p->data + start,
                                            end - start > len ? "…" : "");

  if (fraction)
    g_set_error (error, WSP_JSON_GUARD_ERROR, WSP_JSON_GUARD_ERROR_NUMBER,
                 /* Translators: %s is a number as written, e.g. “1.5”, then a byte position */
                 _("The file contains a number the app cannot read exactly, “%s” at byte %zu: "
                   "only whole numbers are allowed."),
                 shown, start + 1);
  else
    g_set_error (error, WSP_JSON_GUARD_ERROR, WSP_JSON_GUARD_ERROR_NUMBER,
                 /* Translators: %s is the number as written, then a byte position */
                 _("The file contains a number the app cannot read exactly, “%s” at byte %zu: "
                   "whole numbers must be between −9007199254740991 and 9007199254740991."),
                 shown, start + 1);
  return FALSE;
}

/* Returns @name shortened for a message, with control characters replaced
 * so that the message stays readable. */
static char *
shown_name (const char *name)
{
  GString *out = g_string_new (NULL);
  guint n = 0;

  for (const char *s = name; *s != '\0'; s = g_utf8_next_char (s), n++)
    {
      gunichar c = g_utf8_get_char (s);

      if (n == SHOWN_NAME_CHARS)
        {
          g_string_append (out, "…");
          break;
        }
      if (c < 0x20 || (c >= 0x7F && c < 0xA0))
        g_string_append_unichar (out, 0xFFFD);
      else
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

/* Reads the four hex digits of a \u escape at @at into @unit.  @escape is
 * where the backslash is, for the message. */
static gboolean
read_hex4 (Parser   *p,
           gsize     at,
           gsize     escape,
           guint    *unit,
           GError  **error)
{
  guint value = 0;

  for (gsize i = 0; i < 4; i++)
    {
      int digit;

      if (at + i >= p->length)
        return fail_incomplete (p, error);
      digit = g_ascii_xdigit_value ((char) p->data[at + i]);
      if (digit < 0)
        return fail_bad_escape (escape, error);
      value = (value << 4) | (guint) digit;
    }

  *unit = value;
  return TRUE;
}

/* Reads the escape sequence at p->pos (a backslash) and appends what it
 * stands for to @out (if not %NULL). */
static gboolean
parse_escape (Parser   *p,
              GString  *out,
              GError  **error)
{
  gsize escape = p->pos;
  guint unit;
  gunichar c;

  if (escape + 1 >= p->length)
    return fail_incomplete (p, error);

  switch (p->data[escape + 1])
    {
    case '"': c = '"'; break;
    case '\\': c = '\\'; break;
    case '/': c = '/'; break;
    case 'b': c = '\b'; break;
    case 'f': c = '\f'; break;
    case 'n': c = '\n'; break;
    case 'r': c = '\r'; break;
    case 't': c = '\t'; break;
    case 'u':
      if (!read_hex4 (p, escape + 2, escape, &unit, error))
        return FALSE;
      p->pos = escape + 6;

      if (unit == 0)
        {
          g_set_error (error, WSP_JSON_GUARD_ERROR, WSP_JSON_GUARD_ERROR_ENCODING,
                       _("The file contains a zero character (\\u0000) at byte %zu, which is "
                         "not allowed."),
                       escape + 1);
          return FALSE;
        }

      if (unit >= 0xDC00 && unit <= 0xDFFF)
        goto lone_surrogate;

      if (unit >= 0xD800 && unit <= 0xDBFF)
        {
          guint low;

          if (p->pos >= p->length)
            return fail_incomplete (p, error);
          if (p->data[p->pos] != '\\')
            goto lone_surrogate;
          if (p->pos + 1 >= p->length)
            return fail_incomplete (p, error);
          if (p->data[p->pos + 1] != 'u')
            goto lone_surrogate;
          if (!read_hex4 (p, p->pos + 2, p->pos, &low, error))
            return FALSE;
          if (low < 0xDC00 || low > 0xDFFF)
            goto lone_surrogate;

          p->pos += 6;
          unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
        }

      if (out != NULL)
        g_string_append_unichar (out, unit);
      return TRUE;

    default:
      return fail_bad_escape (escape, error);
    }

  if (out != NULL)
    g_string_append_c (out, (char) c);
  p->pos = escape + 2;
  return TRUE;

lone_surrogate:
  g_set_error (error, WSP_JSON_GUARD_ERROR, WSP_JSON_GUARD_ERROR_ENCODING,
               _("The file contains a broken character escape (an unpaired surrogate) at "
                 "byte %zu."),
               escape + 1);
  return FALSE;
}

/* Reads the string that starts at p->pos (a quote), leaving p->pos after
 * its closing quote.  When @out is not %NULL, it receives the decoded
 * text. */
static gboolean
parse_string (Parser   *p,
              GString  *out,
              GError  **error)
{
  if (out != NULL)
    g_string_truncate (out, 0);

  p->pos++;

  for (;;)
    {
      gsize run = p->pos;
      guchar c;
      gsize n;

      /* Plain ASCII is the common case: copy it in one go. */
      while (p->pos < p->length)
        {
          c = p->data[p->pos];
          if (c < 0x20 || c >= 0x80 || c == '"' || c == '\\')
            break;
          p->pos++;
        }
      if (out != NULL && p->pos > run)
        g_string_append_len (out, (const char *) p->data + run, (gssize) (p->pos - run));

      if (p->pos >= p->length)
        return fail_incomplete (p, error);

      c = p->data[p->pos];

      if (c == '"')
        {
          p->pos++;
          return TRUE;
        }
      else if (c == '\\')
        {
          if (!parse_escape (p, out, error))
            return FALSE;
        }
      else if (c < 0x20)
        {
          g_set_error (error, WSP_JSON_GUARD_ERROR, WSP_JSON_GUARD_ERROR_SYNTAX,
                       _("The file is not valid JSON: a text contains a raw tab, line break or "
                         "other control character at byte %zu."),
                       p->pos + 1);
          return FALSE;
        }
      else
        {
          n = utf8_sequence_length (p->data + p->pos, p->length - p->pos);
          if (n == 0)
            return fail_encoding (p->pos, error);
          if (out != NULL)
            g_string_append_len (out, (const char *) p->data + p->pos, (gssize) n);
          p->pos += n;
        }
    }
}

static inline gboolean
is_digit_at (Parser *p,
             gsize   at)
{
  return at < p->length && g_ascii_isdigit (p->data[at]);
}

/* Reads the number at p->pos: -? (0 | [1-9][0-9]*), refusing fractions
 * and exponents (checked for syntax first) and integers outside
 * ±(2^53 − 1). */
static gboolean
parse_number (Parser  *p,
              GError **error)
{
  gsize start = p->pos;
  guint64 value = 0;
  gsize digits = 0;
  gboolean fraction = FALSE;

  if (p->data[p->pos] == '-')
    p->pos++;

  if (!is_digit_at (p, p->pos))
    return fail_unexpected (p, p->pos, error);

  if (p->data[p->pos] == '0')
    {
      p->pos++;
      if (is_digit_at (p, p->pos))
        {
          g_set_error (error, WSP_JSON_GUARD_ERROR, WSP_JSON_GUARD_ERROR_SYNTAX,
                       _("The file is not valid JSON: a number starts with a superfluous zero "
                         "at byte %zu."),
                       start + 1);
          return FALSE;
        }
    }
  else
    {
      for (; is_digit_at (p, p->pos); p->pos++, digits++)
        {
          /* 16 digits cannot overflow a guint64; more are too many anyway. */
          if (digits < 16)
            value = value * 10 + (guint64) (p->data[p->pos] - '0');
        }
    }

  if (p->pos < p->length && p->data[p->pos] == '.')
    {
      p->pos++;
      if (!is_digit_at (p, p->pos))
        return fail_unexpected (p, p->pos, error);
      while (is_digit_at (p, p->pos))
        p->pos++;
      fraction = TRUE;
    }

  if (p->pos < p->length && (p->data[p->pos] == 'e' || p->data[p->pos] == 'E'))
    {
      p->pos++;
      if (p->pos < p->length && (p->data[p->pos] == '+' || p->data[p->pos] == '-'))
        p->pos++;
      if (!is_digit_at (p, p->pos))
        return fail_unexpected (p, p->pos, error);
      while (is_digit_at (p, p->pos))
        p->pos++;
      fraction = TRUE;
    }

  if (fraction)
    return fail_number (p, start, p->pos, TRUE, error);
  if (digits > 16 || value > (guint64) WSP_JSON_GUARD_MAX_SAFE_INTEGER)
    return fail_number (p, start, p->pos, FALSE, error);

  return TRUE;
}

/* Reads @word (true, false or null) at p->pos. */
static gboolean
parse_literal (Parser     *p,
               const char *word,
               GError    **error)
{
  gsize len = strlen (word);

  for (gsize i = 0; i < len; i++)
    {
      if (p->pos + i >= p->length || p->data[p->pos + i] != (guchar) word[i])
        return fail_unexpected (p, p->pos + i, error);
    }

  p->pos += len;
  return TRUE;
}

/* Reads the member name at p->pos and refuses it if the innermost object
 * already has it. */
static gboolean
parse_name (Parser  *p,
            GError **error)
{
  Frame *frame = &g_array_index (p->stack, Frame, p->stack->len - 1);
  gsize start = p->pos;

  if (p->pos >= p->length || p->data[p->pos] != '"')
    return fail_unexpected (p, p->pos, error);

  if (!parse_string (p, p->scratch, error))
    return FALSE;

  if (frame->names == NULL)
    frame->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  /* The decoded name has no NUL: \u0000 and raw control bytes are refused. */
  if (g_hash_table_contains (frame->names, p->scratch->str))
    {
      g_autofree char *shown = shown_name (p->scratch->str);

      g_set_error (error, WSP_JSON_GUARD_ERROR, WSP_JSON_GUARD_ERROR_DUPLICATE_KEY,
                   /* Translators: %s is a name from the file, then a byte position */
                   _("The file contains the name “%s” twice in one object, so it is ambiguous "
                     "(the second time at byte %zu)."),
                   shown, start + 1);
      return FALSE;
    }
  g_hash_table_add (frame->names, g_strndup (p->scratch->str, p->scratch->len));

  skip_whitespace (p);
  if (p->pos >= p->length || p->data[p->pos] != ':')
    return fail_unexpected (p, p->pos, error);
  p->pos++;

  return TRUE;
}

static gboolean
parse_document (Parser  *p,
                GError **error)
{
  State state = STATE_VALUE;

  for (;;)
    {
      skip_whitespace (p);

      switch (state)
        {
        case STATE_VALUE:
          {
            guchar c;

            if (p->pos >= p->length)
              return fail_incomplete (p, error);

            c = p->data[p->pos];
            if (c == '{' || c == '[')
              {
                Frame frame = { c == '{', NULL };
                guchar close = c == '{' ? '}' : ']';

                if (p->stack->len >= p->max_depth)
                  {
                    g_set_error (error, WSP_JSON_GUARD_ERROR, WSP_JSON_GUARD_ERROR_TOO_DEEP,
                                 /* Translators: %u is the limit, e.g. 32 */
                                 ngettext ("The file is nested too deeply (more than %u level), "
                                           "so it was not read.",
                                           "The file is nested too deeply (more than %u levels), "
                                           "so it was not read.",
                                           p->max_depth),
                                 p->max_depth);
                    return FALSE;
                  }

                g_array_append_val (p->stack, frame);
                p->pos++;
                skip_whitespace (p);
                if (p->pos < p->length && p->data[p->pos] == close)
                  {
                    g_array_remove_index (p->stack, p->stack->len - 1);
                    p->pos++;
                    state = STATE_AFTER_VALUE;
                  }
                else
                  state = c == '{' ? STATE_NAME : STATE_VALUE;
                break;
              }

            if (c == '"')
              {
                if (!parse_string (p, NULL, error))
                  return FALSE;
              }
            else if (c == '-' || g_ascii_isdigit (c))
              {
                if (!parse_number (p, error))
                  return FALSE;
              }
            else if (c == 't')
              {
                if (!parse_literal (p, "true", error))
                  return FALSE;
              }
            else if (c == 'f')
              {
                if (!parse_literal (p, "false", error))
                  return FALSE;
              }
            else if (c == 'n')
              {
                if (!parse_literal (p, "null", error))
                  return FALSE;
              }
            else
              return fail_unexpected (p, p->pos, error);

            state = STATE_AFTER_VALUE;
          }
          break;

        case STATE_NAME:
          if (!parse_name (p, error))
            return FALSE;
          state = STATE_VALUE;
          break;

        case STATE_AFTER_VALUE:
        default:
          {
            Frame *frame;
            guchar c;

            if (p->stack->len == 0)
              {
                if (p->pos < p->length)
                  {
                    g_set_error (error, WSP_JSON_GUARD_ERROR, WSP_JSON_GUARD_ERROR_SYNTAX,
                                 _("The file is not valid JSON: there is more data after its end, "
                                   "at byte %zu."),
                                 p->pos + 1);
                    return FALSE;
                  }
                return TRUE;
              }

            if (p->pos >= p->length)
              return fail_incomplete (p, error);

            frame = &g_array_index (p->stack, Frame, p->stack->len - 1);
            c = p->data[p->pos];
            if (c == ',')
              {
                p->pos++;
                state = frame->is_object ? STATE_NAME : STATE_VALUE;
              }
            else if (c == (frame->is_object ? '}' : ']'))
              {
                g_array_remove_index (p->stack, p->stack->len - 1);
                p->pos++;
              }
            else
              return fail_unexpected (p, p->pos, error);
          }
          break;
        }
    }
}

/**
 * wsp_json_guard_check:
 * @data: (array length=length) (nullable): the bytes, not necessarily
 *   NUL-terminated
 * @length: the number of bytes at @data
 * @limits: (nullable): size and depth limits; %NULL or 0 fields for the
 *   defaults
 * @error: return location for a #WspJsonGuardError
 *
 * Checks that @data is exactly one JSON value (RFC 8259) in UTF-8 without a
 * byte order mark, whose numbers are all integers within ±(2^53 − 1),
 * whose strings contain no \u0000 and no unpaired surrogates, whose objects
 * have no duplicate member names, and which is within @limits.  Only then
 * may it be handed to json-glib.
 *
 * Returns: %TRUE if @data is acceptable
 */
gboolean
wsp_json_guard_check (const char                *data,
                      gsize                      length,
                      const WspJsonGuardLimits  *limits,
                      GError                   **error)
{
  gsize max_bytes = WSP_JSON_GUARD_DEFAULT_MAX_BYTES;
  guint max_depth = WSP_JSON_GUARD_DEFAULT_MAX_DEPTH;
  g_autoptr(GArray) stack = NULL;
  g_autoptr(GString) scratch = NULL;
  Parser p = { 0 };

  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (limits != NULL && limits->max_bytes != 0)
    max_bytes = limits->max_bytes;
  if (limits != NULL && limits->max_depth != 0)
    max_depth = limits->max_depth;

  if (length > max_bytes)
    {
      g_autofree char *size = g_format_size (length);
      g_autofree char *limit = g_format_size (max_bytes);

      g_set_error (error, WSP_JSON_GUARD_ERROR, WSP_JSON_GUARD_ERROR_TOO_LARGE,
                   /* Translators: both are sizes such as “300.0 MB” */
                   _("The file is too large (%s; the limit is %s)."), size, limit);
      return FALSE;
    }

  p.data = (const guchar *) data;
  p.length = length;
  p.max_depth = max_depth;

  if (length >= 3 && p.data[0] == 0xEF && p.data[1] == 0xBB && p.data[2] == 0xBF)
    {
      g_set_error_literal (error, WSP_JSON_GUARD_ERROR, WSP_JSON_GUARD_ERROR_SYNTAX,
                           _("The file is not valid JSON: it starts with a byte order mark, "
                             "which is not allowed."));
      return FALSE;
    }

  skip_whitespace (&p);
  if (p.pos == length)
    {
      g_set_error_literal (error, WSP_JSON_GUARD_ERROR, WSP_JSON_GUARD_ERROR_SYNTAX,
                           _("The file is empty."));
      return FALSE;
    }

  stack = g_array_sized_new (FALSE, FALSE, sizeof (Frame), MIN (max_depth, 64));
  g_array_set_clear_func (stack, frame_clear);
  scratch = g_string_sized_new (64);
  p.stack = stack;
  p.scratch = scratch;

  return parse_document (&p, error);
}
