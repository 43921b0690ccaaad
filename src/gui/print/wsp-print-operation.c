/* wsp-print-operation.c — printing a document through the page renderer the PDF uses
 *
 * The operation works in points on the whole sheet (use-full-page), so
 * the renderer keeps its own margins and draws each page exactly as it
 * draws it into a PDF: an A4 print breaks its pages where the PDF does.
 * On another paper size the document is laid out again for that size.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "output/wsp-page-renderer.h"
#include "print/wsp-print-operation.h"

struct _WspPrintOperation
{
  GtkPrintOperation parent_instance;

  WspDocument      *document;
  WspPageRenderer  *renderer;
};

G_DEFINE_FINAL_TYPE (WspPrintOperation, wsp_print_operation, GTK_TYPE_PRINT_OPERATION)

static void
wsp_print_operation_begin_print (GtkPrintOperation *operation,
                                 GtkPrintContext   *context)
{
  WspPrintOperation *self = WSP_PRINT_OPERATION (operation);
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);

  g_clear_object (&self->renderer);
  self->renderer = wsp_page_renderer_new (self->document, width, height);
  /* Nothing cancels it here: the operation has its own Cancel. */
  wsp_page_renderer_paginate (self->renderer, NULL, NULL, NULL, NULL);
  gtk_print_operation_set_n_pages (operation, (int) wsp_page_renderer_get_n_pages (self->renderer));
}

static void
wsp_print_operation_draw_page (GtkPrintOperation *operation,
                               GtkPrintContext   *context,
                               int                page)
{
  WspPrintOperation *self = WSP_PRINT_OPERATION (operation);

  wsp_page_renderer_render_page (self->renderer, gtk_print_context_get_cairo_context (context),
                                 (guint) page);
}

static void
wsp_print_operation_finalize (GObject *object)
{
  WspPrintOperation *self = WSP_PRINT_OPERATION (object);

  g_clear_object (&self->renderer);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (wsp_print_operation_parent_class)->finalize (object);
}

static void
wsp_print_operation_class_init (WspPrintOperationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkPrintOperationClass *operation_class = GTK_PRINT_OPERATION_CLASS (klass);

  object_class->finalize = wsp_print_operation_finalize;
  operation_class->begin_print = wsp_print_operation_begin_print;
  operation_class->draw_page = wsp_print_operation_draw_page;
}

static void
wsp_print_operation_init (WspPrintOperation *self)
{
  GtkPrintOperation *operation = GTK_PRINT_OPERATION (self);
  g_autoptr (GtkPageSetup) setup = gtk_page_setup_new ();
  GtkPaperSize *a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);

  gtk_page_setup_set_paper_size (setup, a4);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_paper_size_free (a4);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
}

/**
 * wsp_print_operation_new:
 * @document: the document to print
 *
 * Returns: (transfer full): an operation to run with gtk_print_operation_run()
 */
WspPrintOperation *
wsp_print_operation_new (WspDocument *document)
{
  WspPrintOperation *self;
  g_autofree char *title = NULL;

  g_return_val_if_fail (WSP_IS_DOCUMENT (document), NULL);

  self = g_object_new (WSP_TYPE_PRINT_OPERATION, NULL);
  self->document = g_object_ref (document);
  if (wsp_document_get_landscape (document))
    {
      g_autoptr (GtkPageSetup) setup = gtk_page_setup_copy (gtk_print_operation_get_default_page_setup (GTK_PRINT_OPERATION (self)));

      gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_LANDSCAPE);
      gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (self), setup);
    }
  title = wsp_document_dup_title (document);
  gtk_print_operation_set_job_name (GTK_PRINT_OPERATION (self), title);
  return self;
}

/* The pages of the last run (0 before one). */
guint
wsp_print_operation_get_n_pages (WspPrintOperation *self)
{
  g_return_val_if_fail (WSP_IS_PRINT_OPERATION (self), 0);
  return self->renderer != NULL ? wsp_page_renderer_get_n_pages (self->renderer) : 0;
}
