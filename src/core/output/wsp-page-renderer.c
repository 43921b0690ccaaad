/* wsp-page-renderer.c — lays a document out on pages once, and draws any page on any cairo_t
 *
 * The PDF writer and the print operation both draw through this, so a
 * printed agenda breaks its pages where its PDF does. Text is laid out with
 * the renderer's own font map at 72 dpi with hinting off: one layout unit
 * is one point whatever the surface, and the layout does not depend on the
 * printer's resolution. Pagination happens once (wsp_page_renderer_paginate(),
 * which may run in a worker thread); drawing a page only replays what was
 * placed on it.
 *
 * Layout rules: a heading stays with the lines after it; a paragraph keeps
 * at least two lines at the foot and at the head of a page when it has
 * them; a table row is never split (a row taller than a whole page starts
 * a page of its own and is cut at its foot), and the header row is drawn
 * again at the top of every page the table runs onto; a section row stays
 * with the row after it; places to sign stay together.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "output/wsp-page-renderer.h"

#define MM (72.0 / 25.4)

#define MARGIN_TOP    (20 * MM)
#define MARGIN_BOTTOM (24 * MM)
#define MARGIN_LEFT   (25 * MM)
#define MARGIN_RIGHT  (20 * MM)
#define FOOTER_FROM_BOTTOM (14 * MM)

#define CELL_PAD_X 4.0
#define CELL_PAD_Y 3.0
#define LIST_GUTTER 20.0

#define FONT_FAMILY "DejaVu Serif, Liberation Serif, serif"

typedef enum
{
  FONT_BODY,
  FONT_BOLD,
  FONT_NOTE,
  FONT_TITLE,
  FONT_SUBTITLE,
  FONT_HEADING_1,
  FONT_HEADING_2,
  FONT_HEADING_3,
  FONT_TABLE,
  FONT_TABLE_HEADER,
  FONT_FOOTER,
  N_FONTS
} Font;

static const struct
{
  double size;
  PangoWeight weight;
} font_specs[N_FONTS] = {
  [FONT_BODY] = { 10.5, PANGO_WEIGHT_NORMAL },
  [FONT_BOLD] = { 10.5, PANGO_WEIGHT_BOLD },
  [FONT_NOTE] = { 8.5, PANGO_WEIGHT_NORMAL },
  [FONT_TITLE] = { 15, PANGO_WEIGHT_BOLD },
  [FONT_SUBTITLE] = { 11.5, PANGO_WEIGHT_NORMAL },
  [FONT_HEADING_1] = { 12.5, PANGO_WEIGHT_BOLD },
  [FONT_HEADING_2] = { 11, PANGO_WEIGHT_BOLD },
  [FONT_HEADING_3] = { 10.5, PANGO_WEIGHT_BOLD },
  [FONT_TABLE] = { 9, PANGO_WEIGHT_NORMAL },
  [FONT_TABLE_HEADER] = { 8.5, PANGO_WEIGHT_BOLD },
  [FONT_FOOTER] = { 8, PANGO_WEIGHT_NORMAL },
};

typedef enum
{
  ITEM_TEXT,
  ITEM_RULE,
  ITEM_BOX,
} ItemKind;

/* One thing drawn on a page. */
typedef struct
{
  ItemKind     kind;
  double       x, y, w, h; /* text: the top left of its first line */
  PangoLayout *layout;     /* text */
  int          first_line; /* text: the lines shown, all when n_lines < 0 */
  int          n_lines;
  double       fill;       /* box: the grey it is filled with, or < 0 */
  gboolean     stroke;     /* box: with a border */
  gboolean     dotted;     /* rule */
} Item;

struct _WspPageRenderer
{
  GObject               parent_instance;

  WspDocument          *document;
  double                width;
  double                height;
  PangoFontMap         *font_map;
  PangoContext         *context;
  PangoFontDescription *fonts[N_FONTS];
  GPtrArray            *pages; /* GPtrArray of Item */
  gboolean              paginated;
};

G_DEFINE_FINAL_TYPE (WspPageRenderer, wsp_page_renderer, G_TYPE_OBJECT)

static void
item_free (Item *item)
{
  g_clear_object (&item->layout);
  g_free (item);
}

static void
wsp_page_renderer_finalize (GObject *object)
{
  WspPageRenderer *self = WSP_PAGE_RENDERER (object);

  g_clear_pointer (&self->pages, g_ptr_array_unref);
  for (guint i = 0; i < N_FONTS; i++)
    g_clear_pointer (&self->fonts[i], pango_font_description_free);
  g_clear_object (&self->context);
  g_clear_object (&self->font_map);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (wsp_page_renderer_parent_class)->finalize (object);
}

static void
wsp_page_renderer_class_init (WspPageRendererClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = wsp_page_renderer_finalize;
}

static void
wsp_page_renderer_init (WspPageRenderer *self)
{
}

/**
 * wsp_page_renderer_new:
 * @document: the document
 * @page_width: in points (WSP_A4_WIDTH)
 * @page_height: in points (WSP_A4_HEIGHT)
 *
 * Returns: (transfer full): a renderer; paginate it before drawing
 */
WspPageRenderer *
wsp_page_renderer_new (WspDocument *document,
                       double       page_width,
                       double       page_height)
{
  WspPageRenderer *self;
  cairo_font_options_t *options;

  g_return_val_if_fail (WSP_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (page_width > 200 && page_height > 200, NULL);

  self = g_object_new (WSP_TYPE_PAGE_RENDERER, NULL);
  self->document = g_object_ref (document);
  self->width = page_width;
  self->height = page_height;

  /* A font map of its own: the renderer may be used from a worker thread. */
  self->font_map = pango_cairo_font_map_new ();
  self->context = pango_font_map_create_context (self->font_map);
  pango_cairo_context_set_resolution (self->context, 72);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (self->context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (self->context, FALSE);
  pango_context_set_language (self->context, pango_language_get_default ());

  for (guint i = 0; i < N_FONTS; i++)
    {
      self->fonts[i] = pango_font_description_from_string (FONT_FAMILY);
      pango_font_description_set_size (self->fonts[i], (int) (font_specs[i].size * PANGO_SCALE));
      pango_font_description_set_weight (self->fonts[i], font_specs[i].weight);
    }
  return self;
}

double
wsp_page_renderer_get_width (WspPageRenderer *self)
{
  g_return_val_if_fail (WSP_IS_PAGE_RENDERER (self), 0);
  return self->width;
}

double
wsp_page_renderer_get_height (WspPageRenderer *self)
{
  g_return_val_if_fail (WSP_IS_PAGE_RENDERER (self), 0);
  return self->height;
}

static PangoLayout *
make_layout (WspPageRenderer *self,
             const char      *text,
             Font             font,
             double           width,
             PangoAlignment   align)
{
  PangoLayout *layout = pango_layout_new (self->context);

  pango_layout_set_font_description (layout, self->fonts[font]);
  pango_layout_set_width (layout, width < 0 ? -1 : (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, align);
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return (double) logical.height / PANGO_SCALE;
}

static PangoAlignment
pango_align (WspAlign align)
{
  switch (align)
    {
    case WSP_ALIGN_CENTER:
      return PANGO_ALIGN_CENTER;
    case WSP_ALIGN_END:
      return PANGO_ALIGN_RIGHT;
    case WSP_ALIGN_START:
    default:
      return PANGO_ALIGN_LEFT;
    }
}

/* ---- placing ------------------------------------------------------------- */

typedef struct
{
  WspPageRenderer *self;
  GPtrArray       *page;
  double           y;
  double           top;
  double           bottom;
  double           left;
  double           width;
} Flow;

static void
new_page (Flow *f)
{
  f->page = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  g_ptr_array_add (f->self->pages, f->page);
  f->y = f->top;
}

/* Starts a new page unless @height fits below the current position (or the
 * page is still empty, where nothing more can be won). */
static void
ensure (Flow   *f,
        double  height)
{
  if (f->y + height > f->bottom && f->y > f->top)
    new_page (f);
}

static void
add_space (Flow   *f,
           double  space)
{
  /* Space is not carried over to the head of a page. */
  if (f->y > f->top)
    f->y = MIN (f->y + space, f->bottom);
}

static Item *
add_item (Flow     *f,
          ItemKind  kind,
          double    x,
          double    y,
          double    w,
          double    h)
{
  Item *item = g_new0 (Item, 1);

  item->kind = kind;
  item->x = x;
  item->y = y;
  item->w = w;
  item->h = h;
  item->n_lines = -1;
  item->fill = -1;
  g_ptr_array_add (f->page, item);
  return item;
}

static void
add_text (Flow        *f,
          PangoLayout *layout,
          double       x,
          double       y,
          int          first_line,
          int          n_lines)
{
  Item *item = add_item (f, ITEM_TEXT, x, y, 0, 0);

  item->layout = g_object_ref (layout);
  item->first_line = first_line;
  item->n_lines = n_lines;
}

static void
add_box (Flow     *f,
         double    x,
         double    y,
         double    w,
         double    h,
         double    fill,
         gboolean  stroke)
{
  Item *item = add_item (f, ITEM_BOX, x, y, w, h);

  item->fill = fill;
  item->stroke = stroke;
}

static void
add_rule (Flow     *f,
          double    x,
          double    y,
          double    w,
          gboolean  dotted)
{
  Item *item = add_item (f, ITEM_RULE, x, y, w, 0);

  item->dotted = dotted;
}

/* Flows @layout down the pages at @x, splitting it between lines where a
 * page ends; @label (a list number) goes beside its first line. */
static void
flow_text (Flow        *f,
           PangoLayout *layout,
           double       x,
           PangoLayout *label,
           double       label_x)
{
  int n = pango_layout_get_line_count (layout);
  g_autofree double *tops = g_new (double, n);
  g_autofree double *bottoms = g_new (double, n);
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  int i = 0;

  do
    {
      int y0, y1;

      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      tops[i] = (double) y0 / PANGO_SCALE;
      bottoms[i] = (double) y1 / PANGO_SCALE;
      i++;
    }
  while (i < n && pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  n = i;

  i = 0;
  while (i < n)
    {
      double room = f->bottom - f->y;
      int k = i;

      while (k < n && bottoms[k] - tops[i] <= room)
        k++;
      if (k < n)
        {
          /* Not all of it fits: keep two lines together at either end. */
          if (k - i < MIN (2, n - i) && f->y > f->top)
            {
              new_page (f);
              continue;
            }
          if (n - k == 1 && k - i > 2)
            k--;
          if (k == i)
            k = i + 1; /* a line taller than the page */
        }

      if (i == 0 && k == n)
        add_text (f, layout, x, f->y, 0, -1);
      else
        add_text (f, layout, x, f->y, i, k - i);
      if (i == 0 && label != NULL)
        add_text (f, label, label_x, f->y, 0, -1);
      f->y += bottoms[k - 1] - tops[i];
      i = k;
      if (i < n)
        new_page (f);
    }
}

static void
place_title_block (Flow *f)
{
  WspPageRenderer *self = f->self;
  WspDocument *doc = self->document;
  const char *body = wsp_document_get_body (doc);
  const char *city = wsp_document_get_city (doc);
  const char *date = wsp_document_get_date (doc);
  g_autofree char *where_when = NULL;
  double h = 0, date_width = 0;

  if (city != NULL && date != NULL)
    /* Translators: the place and date at the top of a letter, e.g. "Zagłębiowice, 3 December 2026" */
    where_when = g_strdup_printf (C_("letter date", "%s, %s"), city, date);
  else
    where_when = g_strdup (date != NULL ? date : city);

  /* The place and date keep to one line; the body's name has the rest. */
  if (where_when != NULL)
    {
      g_autoptr (PangoLayout) layout = make_layout (self, where_when, FONT_BODY, -1,
                                                    PANGO_ALIGN_LEFT);
      PangoRectangle logical;

      pango_layout_get_extents (layout, NULL, &logical);
      date_width = MIN ((double) logical.width / PANGO_SCALE + 1, f->width * 0.5);
      pango_layout_set_width (layout, (int) (date_width * PANGO_SCALE));
      pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
      add_text (f, layout, f->left + f->width - date_width, f->y, 0, -1);
      h = layout_height (layout);
    }
  if (body != NULL)
    {
      g_autoptr (PangoLayout) layout = make_layout (self, body, FONT_BOLD,
                                                    MIN (f->width * 0.56,
                                                         f->width - date_width - 18),
                                                    PANGO_ALIGN_LEFT);
      add_text (f, layout, f->left, f->y, 0, -1);
      h = MAX (h, layout_height (layout));
    }
  if (h > 0)
    f->y += h + 28;

  if (wsp_document_get_kind (doc) != NULL)
    {
      g_autoptr (PangoLayout) layout = make_layout (self, wsp_document_get_kind (doc), FONT_TITLE,
                                                    f->width, PANGO_ALIGN_CENTER);
      add_text (f, layout, f->left, f->y, 0, -1);
      f->y += layout_height (layout) + 3;
    }
  if (wsp_document_get_number (doc) != NULL)
    {
      g_autoptr (PangoLayout) layout = make_layout (self, wsp_document_get_number (doc),
                                                    FONT_SUBTITLE, f->width, PANGO_ALIGN_CENTER);
      add_text (f, layout, f->left, f->y, 0, -1);
      f->y += layout_height (layout) + 2;
    }
  if (wsp_document_get_place (doc) != NULL)
    {
      g_autoptr (PangoLayout) layout = make_layout (self, wsp_document_get_place (doc), FONT_BODY,
                                                    f->width, PANGO_ALIGN_CENTER);
      add_text (f, layout, f->left, f->y, 0, -1);
      f->y += layout_height (layout);
    }
  f->y += 18;
}

static void
place_heading (Flow           *f,
               const WspBlock *block)
{
  static const Font fonts[] = { FONT_HEADING_1, FONT_HEADING_2, FONT_HEADING_3 };
  g_autoptr (PangoLayout) layout = make_layout (f->self, block->text, fonts[block->level - 1],
                                                f->width, PANGO_ALIGN_LEFT);
  double h = layout_height (layout);

  add_space (f, block->level == 1 ? 14 : 10);
  /* With room for a few lines of what it heads. */
  ensure (f, h + 48);
  add_text (f, layout, f->left, f->y, 0, -1);
  f->y += h + 5;
}

static void
place_paragraph (Flow           *f,
                 const WspBlock *block)
{
  Font font = block->style == WSP_PARAGRAPH_NOTE ? FONT_NOTE : FONT_BODY;
  g_autoptr (PangoLayout) layout = NULL;

  if (block->style == WSP_PARAGRAPH_ADDRESS)
    add_space (f, 6);
  if (block->lead != NULL)
    {
      g_autofree char *text = g_strconcat (block->lead, " ", block->text, NULL);
      g_autoptr (PangoAttrList) attrs = pango_attr_list_new ();
      PangoAttribute *bold = pango_attr_weight_new (PANGO_WEIGHT_BOLD);

      bold->start_index = 0;
      bold->end_index = (guint) strlen (block->lead);
      pango_attr_list_insert (attrs, bold);
      layout = make_layout (f->self, text, font, f->width, PANGO_ALIGN_LEFT);
      pango_layout_set_attributes (layout, attrs);
    }
  else
    {
      layout = make_layout (f->self, block->text, font, f->width, PANGO_ALIGN_LEFT);
    }
  /* Running text is justified; a "Label: value" line is not stretched. */
  if (block->style == WSP_PARAGRAPH_BODY && block->lead == NULL)
    pango_layout_set_justify (layout, TRUE);
  flow_text (f, layout, f->left, NULL, 0);
  f->y += block->style == WSP_PARAGRAPH_ADDRESS ? 10 : 6;
}

static void
place_list (Flow           *f,
            const WspBlock *block)
{
  add_space (f, 2);
  for (guint i = 0; block->items[i] != NULL; i++)
    {
      g_autofree char *number = block->numbered ? g_strdup_printf ("%u.", i + 1) : g_strdup ("•");
      g_autoptr (PangoLayout) label = make_layout (f->self, number, FONT_BODY, LIST_GUTTER - 5,
                                                   PANGO_ALIGN_RIGHT);
      g_autoptr (PangoLayout) layout = make_layout (f->self, block->items[i], FONT_BODY,
                                                    f->width - LIST_GUTTER, PANGO_ALIGN_LEFT);

      flow_text (f, layout, f->left + LIST_GUTTER, label, f->left);
      f->y += 4;
    }
  f->y += 4;
}

typedef struct
{
  double       height;
  PangoLayout *cells[]; /* n_columns, or 1 for a section */
} RowLayout;

static void
row_layout_free (RowLayout *row,
                 guint      n)
{
  for (guint i = 0; i < n; i++)
    g_clear_object (&row->cells[i]);
  g_free (row);
}

static RowLayout *
layout_row (Flow               *f,
            const WspTable     *table,
            const double       *xs,
            const char * const *cells,
            gboolean            section,
            Font                font,
            double              min_height)
{
  guint n = section ? 1 : table->n_columns;
  RowLayout *row = g_malloc0 (sizeof (RowLayout) + n * sizeof (PangoLayout *));
  double content = 0;

  for (guint c = 0; c < n; c++)
    {
      double w = (section ? f->width : xs[c + 1] - xs[c]) - 2 * CELL_PAD_X;

      row->cells[c] = make_layout (f->self, cells[c], font, MAX (w, 4),
                                   section ? PANGO_ALIGN_LEFT : pango_align (table->aligns[c]));
      content = MAX (content, layout_height (row->cells[c]));
    }
  row->height = MAX (content + 2 * CELL_PAD_Y, min_height);
  return row;
}

static void
put_row (Flow         *f,
         const double *xs,
         guint         n_columns,
         RowLayout    *row,
         gboolean      section,
         double        fill)
{
  guint n = section ? 1 : n_columns;
  double y = f->y;
  double h = MIN (row->height, f->bottom - f->y);

  for (guint c = 0; c < n; c++)
    {
      double x0 = xs[c];
      double x1 = section ? xs[n_columns] : xs[c + 1];

      add_box (f, x0, y, x1 - x0, h, fill, TRUE);
      add_text (f, row->cells[c], x0 + CELL_PAD_X, y + CELL_PAD_Y, 0, -1);
    }
  f->y += h;
}

static gboolean
place_table (Flow            *f,
             const WspBlock  *block,
             guint            block_index,
             guint            n_blocks,
             GCancellable    *cancellable,
             WspProgressFunc  progress,
             gpointer         progress_data,
             GError         **error)
{
  const WspTable *table = block->table;
  g_autofree double *xs = g_new (double, table->n_columns + 1);
  RowLayout *header;
  RowLayout *pending = NULL;
  RowLayout *continued = NULL; /* the current section, said again on a new page */
  guint n_rows = table->rows->len;

  xs[0] = f->left;
  for (guint c = 0; c < table->n_columns; c++)
    xs[c + 1] = xs[c] + table->widths[c] * f->width;

  header = layout_row (f, table, xs, (const char * const *) table->header, FALSE,
                       FONT_TABLE_HEADER, 0);
  add_space (f, 4);

  for (guint r = 0; r < n_rows; r++)
    {
      const WspTableRow *row = g_ptr_array_index (table->rows, r);
      RowLayout *laid = pending != NULL ? pending : layout_row (f, table, xs,
                                                                (const char * const *) row->cells,
                                                                row->section,
                                                                row->section ? FONT_TABLE_HEADER
                                                                             : FONT_TABLE,
                                                                row->section ? 0
                                                                             : table->min_row_height);
      double needed = laid->height;

      pending = NULL;
      if ((r & 63) == 0)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            {
              row_layout_free (laid, row->section ? 1 : table->n_columns);
              row_layout_free (header, table->n_columns);
              if (continued != NULL)
                row_layout_free (continued, 1);
              return FALSE;
            }
          if (progress != NULL)
            progress ((block_index + (double) r / n_rows) / n_blocks, progress_data);
        }

      /* A section row stays with the row after it. */
      if (row->section && r + 1 < n_rows)
        {
          const WspTableRow *next = g_ptr_array_index (table->rows, r + 1);

          pending = layout_row (f, table, xs, (const char * const *) next->cells, next->section,
                                next->section ? FONT_TABLE_HEADER : FONT_TABLE,
                                next->section ? 0 : table->min_row_height);
          needed += pending->height;
        }

      if (r == 0)
        ensure (f, header->height + needed);
      else if (f->y + needed > f->bottom && f->y > f->top)
        new_page (f);
      if (r == 0 || f->y == f->top)
        {
          gboolean new_page_started = r > 0;

          put_row (f, xs, table->n_columns, header, FALSE, 0.88);
          if (new_page_started && !row->section && continued != NULL)
            put_row (f, xs, table->n_columns, continued, TRUE, 0.95);
        }
      if (row->section)
        {
          /* Translators: a group of rows of a table goes on from the page before */
          g_autofree char *text = g_strdup_printf (_("%s (continued)"), row->cells[0]);

          if (continued != NULL)
            row_layout_free (continued, 1);
          continued = layout_row (f, table, xs, (const char *[]){ text }, TRUE, FONT_TABLE_HEADER,
                                  0);
        }
      /* A row taller than what is left of an empty page is cut at its foot. */
      put_row (f, xs, table->n_columns, laid, row->section, row->section ? 0.95 : -1);
      row_layout_free (laid, row->section ? 1 : table->n_columns);
    }
  if (n_rows == 0)
    {
      ensure (f, header->height);
      put_row (f, xs, table->n_columns, header, FALSE, 0.88);
    }
  row_layout_free (header, table->n_columns);
  if (continued != NULL)
    row_layout_free (continued, 1);
  f->y += 8;
  return TRUE;
}

static void
place_signatures (Flow           *f,
                  const WspBlock *block)
{
  guint n = g_strv_length (block->items);
  double col = f->width / MAX (n, 2);
  double line_gap = 36;
  double height = 0;
  g_autoptr (GPtrArray) roles = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_object_unref);
  double role_h = 0, name_h = 0;
  double first_x;

  for (guint i = 0; i < n; i++)
    {
      PangoLayout *role = make_layout (f->self, block->items[i], FONT_BODY, col - 16,
                                       PANGO_ALIGN_CENTER);
      PangoLayout *name = make_layout (f->self, block->names[i], FONT_BODY, col - 16,
                                       PANGO_ALIGN_CENTER);

      role_h = MAX (role_h, layout_height (role));
      name_h = MAX (name_h, layout_height (name));
      g_ptr_array_add (roles, role);
      g_ptr_array_add (names, name);
    }
  height = role_h + line_gap + 4 + name_h;

  add_space (f, 30);
  ensure (f, height);
  /* One signer signs on the right, as on a letter; more share the width. */
  first_x = n == 1 ? f->left + f->width - col : f->left + (f->width - col * n) / 2;
  for (guint i = 0; i < n; i++)
    {
      double x = first_x + i * col;

      add_text (f, g_ptr_array_index (roles, i), x + 8, f->y, 0, -1);
      add_rule (f, x + 16, f->y + role_h + line_gap, col - 32, TRUE);
      add_text (f, g_ptr_array_index (names, i), x + 8, f->y + role_h + line_gap + 4, 0, -1);
    }
  f->y += height + 10;
}

/**
 * wsp_page_renderer_paginate:
 * @self: a renderer
 * @cancellable: (nullable): to stop it
 * @progress: (nullable) (scope call): told how far it has come, in the
 *   calling thread
 * @progress_data: for @progress
 * @error: where to say why it stopped
 *
 * Lays the document out on pages. Only once: later calls do nothing.
 *
 * Returns: %FALSE only when cancelled
 */
gboolean
wsp_page_renderer_paginate (WspPageRenderer *self,
                            GCancellable    *cancellable,
                            WspProgressFunc  progress,
                            gpointer         progress_data,
                            GError         **error)
{
  guint n_blocks;
  Flow f = { 0 };

  g_return_val_if_fail (WSP_IS_PAGE_RENDERER (self), FALSE);

  if (self->paginated)
    return TRUE;

  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  f.self = self;
  f.top = MARGIN_TOP;
  f.bottom = self->height - MARGIN_BOTTOM;
  f.left = MARGIN_LEFT;
  f.width = self->width - MARGIN_LEFT - MARGIN_RIGHT;
  new_page (&f);
  place_title_block (&f);

  n_blocks = wsp_document_get_n_blocks (self->document);
  for (guint i = 0; i < n_blocks; i++)
    {
      const WspBlock *block = wsp_document_get_block (self->document, i);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          g_clear_pointer (&self->pages, g_ptr_array_unref);
          return FALSE;
        }
      if (progress != NULL)
        progress ((double) i / n_blocks, progress_data);

      switch (block->kind)
        {
        case WSP_BLOCK_HEADING:
          place_heading (&f, block);
          break;
        case WSP_BLOCK_PARAGRAPH:
          place_paragraph (&f, block);
          break;
        case WSP_BLOCK_LIST:
          place_list (&f, block);
          break;
        case WSP_BLOCK_TABLE:
          if (!place_table (&f, block, i, n_blocks, cancellable, progress, progress_data, error))
            {
              g_clear_pointer (&self->pages, g_ptr_array_unref);
              return FALSE;
            }
          break;
        case WSP_BLOCK_SIGNATURES:
          place_signatures (&f, block);
          break;
        case WSP_BLOCK_PAGE_BREAK:
          if (f.y > f.top)
            new_page (&f);
          break;
        default:
          break;
        }
    }
  if (progress != NULL)
    progress (1.0, progress_data);
  self->paginated = TRUE;
  return TRUE;
}

guint
wsp_page_renderer_get_n_pages (WspPageRenderer *self)
{
  g_return_val_if_fail (WSP_IS_PAGE_RENDERER (self), 0);
  g_return_val_if_fail (self->paginated, 0);
  return self->pages->len;
}

/* ---- drawing ------------------------------------------------------------- */

static void
show_text (cairo_t    *cr,
           const Item *item)
{
  PangoLayoutIter *iter;
  double top = 0;
  int i = 0;

  if (item->n_lines < 0)
    {
      cairo_move_to (cr, item->x, item->y);
      pango_cairo_show_layout (cr, item->layout);
      return;
    }

  iter = pango_layout_get_iter (item->layout);
  do
    {
      if (i >= item->first_line && i < item->first_line + item->n_lines)
        {
          PangoRectangle logical;
          int y0, y1;

          pango_layout_iter_get_line_yrange (iter, &y0, &y1);
          if (i == item->first_line)
            top = (double) y0 / PANGO_SCALE;
          pango_layout_iter_get_line_extents (iter, NULL, &logical);
          cairo_move_to (cr, item->x + (double) logical.x / PANGO_SCALE,
                         item->y + (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE - top);
          pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
        }
      i++;
    }
  while (i < item->first_line + item->n_lines && pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

static void
draw_footer (WspPageRenderer *self,
             cairo_t         *cr,
             guint            page)
{
  double left = MARGIN_LEFT;
  double width = self->width - MARGIN_LEFT - MARGIN_RIGHT;
  double y = self->height - FOOTER_FROM_BOTTOM;
  g_autofree char *label = wsp_document_dup_page_label (page + 1, self->pages->len);
  g_autoptr (PangoLayout) number = make_layout (self, label, FONT_FOOTER, width * 0.3,
                                                PANGO_ALIGN_RIGHT);
  const char *footer = wsp_document_get_footer (self->document);

  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, left, y - 4);
  cairo_line_to (cr, left + width, y - 4);
  cairo_stroke (cr);

  if (footer != NULL)
    {
      g_autoptr (PangoLayout) name = make_layout (self, footer, FONT_FOOTER, width * 0.68,
                                                  PANGO_ALIGN_LEFT);
      pango_layout_set_ellipsize (name, PANGO_ELLIPSIZE_END);
      pango_layout_set_height (name, -1);
      cairo_move_to (cr, left, y);
      pango_cairo_show_layout (cr, name);
    }
  cairo_move_to (cr, left + width * 0.7, y);
  pango_cairo_show_layout (cr, number);
}

/**
 * wsp_page_renderer_render_page:
 * @self: a paginated renderer
 * @cr: where to draw, in points, with the page's top left at the origin
 * @page: the page, from 0
 *
 * Draws @page in black on what @cr holds (nothing is painted under it).
 */
void
wsp_page_renderer_render_page (WspPageRenderer *self,
                               cairo_t         *cr,
                               guint            page)
{
  GPtrArray *items;

  g_return_if_fail (WSP_IS_PAGE_RENDERER (self));
  g_return_if_fail (self->paginated);
  g_return_if_fail (page < self->pages->len);

  items = g_ptr_array_index (self->pages, page);
  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  for (guint i = 0; i < items->len; i++)
    {
      const Item *item = g_ptr_array_index (items, i);

      switch (item->kind)
        {
        case ITEM_BOX:
          cairo_rectangle (cr, item->x, item->y, item->w, item->h);
          if (item->fill >= 0)
            {
              cairo_set_source_rgb (cr, item->fill, item->fill, item->fill);
              cairo_fill_preserve (cr);
              cairo_set_source_rgb (cr, 0, 0, 0);
            }
          cairo_set_line_width (cr, 0.6);
          if (item->stroke)
            cairo_stroke (cr);
          else
            cairo_new_path (cr);
          break;
        case ITEM_RULE:
          {
            static const double dots[] = { 0.8, 2.2 };

            cairo_save (cr);
            cairo_set_line_width (cr, 0.8);
            if (item->dotted)
              cairo_set_dash (cr, dots, 2, 0);
            cairo_move_to (cr, item->x, item->y);
            cairo_line_to (cr, item->x + item->w, item->y);
            cairo_stroke (cr);
            cairo_restore (cr);
          }
          break;
        case ITEM_TEXT:
        default:
          show_text (cr, item);
          break;
        }
    }
  draw_footer (self, cr, page);
  cairo_restore (cr);
}
