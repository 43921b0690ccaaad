/* wsp-wrap-bin.c — a wrapping label that is only ever measured for its height
 *
 * A GtkLabel that wraps answers "how narrow can you be?" by laying its
 * text out at width 0, one letter a line with PANGO_WRAP_WORD_CHAR; Pango
 * shapes the rest of the paragraph again at every line, so for a unit of a
 * draft that one question costs more than drawing it. The rows of a
 * draft's text ask it of every label, every time a row comes into sight.
 *
 * WspWrapBin holds one such label and answers for it: as narrow as nothing,
 * as wide as asked, and for a width it is given, the label's own height
 * (one layout at that width). It is meant for a vertical box or a column
 * whose width its parent decides; in a horizontal box give it hexpand.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "widgets/wsp-wrap-bin.h"

/* The width a height is given for when none is asked (a box measured for
 * its height before its width): a typical column of text. */
#define NOMINAL_WIDTH 480

struct _WspWrapBin
{
  GtkWidget  parent_instance;
  GtkWidget *label;
};

G_DEFINE_FINAL_TYPE (WspWrapBin, wsp_wrap_bin, GTK_TYPE_WIDGET)

static GtkSizeRequestMode
wsp_wrap_bin_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
wsp_wrap_bin_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  WspWrapBin *self = WSP_WRAP_BIN (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* Never asked of the label: it wraps to whatever width it gets. */
      *minimum = 0;
      *natural = 0;
      return;
    }
  gtk_widget_measure (self->label, GTK_ORIENTATION_VERTICAL, for_size >= 0 ? for_size : NOMINAL_WIDTH, minimum,
                      natural, minimum_baseline, natural_baseline);
}

static void
wsp_wrap_bin_size_allocate (GtkWidget *widget,
                            int        width,
                            int        height,
                            int        baseline)
{
  WspWrapBin *self = WSP_WRAP_BIN (widget);

  gtk_widget_allocate (self->label, width, height, baseline, NULL);
}

static void
wsp_wrap_bin_dispose (GObject *object)
{
  WspWrapBin *self = WSP_WRAP_BIN (object);

  g_clear_pointer (&self->label, gtk_widget_unparent);
  G_OBJECT_CLASS (wsp_wrap_bin_parent_class)->dispose (object);
}

static void
wsp_wrap_bin_class_init (WspWrapBinClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wsp_wrap_bin_dispose;
  widget_class->get_request_mode = wsp_wrap_bin_get_request_mode;
  widget_class->measure = wsp_wrap_bin_measure;
  widget_class->size_allocate = wsp_wrap_bin_size_allocate;
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GENERIC);
}

static void
wsp_wrap_bin_init (WspWrapBin *self)
{
  self->label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (self->label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (self->label), 0);
  gtk_widget_set_parent (self->label, GTK_WIDGET (self));
}

/* A label of @text (NULL: none yet) that wraps, with @css_class (or NULL). */
GtkWidget *
wsp_wrap_bin_new (const char *text,
                  const char *css_class)
{
  WspWrapBin *self = g_object_new (WSP_TYPE_WRAP_BIN, NULL);

  gtk_label_set_text (GTK_LABEL (self->label), text);
  if (css_class != NULL)
    gtk_widget_add_css_class (self->label, css_class);
  return GTK_WIDGET (self);
}

GtkLabel *
wsp_wrap_bin_get_label (WspWrapBin *self)
{
  g_return_val_if_fail (WSP_IS_WRAP_BIN (self), NULL);
  return GTK_LABEL (self->label);
}
