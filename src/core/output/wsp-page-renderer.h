/* wsp-page-renderer.h — lays a document out on pages once, and draws any page on any cairo_t
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "output/wsp-document.h"

G_BEGIN_DECLS

/* An A4 page in points (1/72 inch): what the city office prints on. */
#define WSP_A4_WIDTH  (210.0 / 25.4 * 72.0)
#define WSP_A4_HEIGHT (297.0 / 25.4 * 72.0)

/**
 * WspProgressFunc:
 * @fraction: how much is done, from 0 to 1
 * @user_data: the data given with the function
 *
 * Told how far a long piece of work has come.
 */
typedef void (*WspProgressFunc) (double   fraction,
                                 gpointer user_data);

#define WSP_TYPE_PAGE_RENDERER (wsp_page_renderer_get_type ())

G_DECLARE_FINAL_TYPE (WspPageRenderer, wsp_page_renderer, WSP, PAGE_RENDERER, GObject)

WspPageRenderer *wsp_page_renderer_new          (WspDocument     *document,
                                                 double           page_width,
                                                 double           page_height);
gboolean         wsp_page_renderer_paginate     (WspPageRenderer *self,
                                                 GCancellable    *cancellable,
                                                 WspProgressFunc  progress,
                                                 gpointer         progress_data,
                                                 GError         **error);
guint            wsp_page_renderer_get_n_pages  (WspPageRenderer *self);
double           wsp_page_renderer_get_width    (WspPageRenderer *self);
double           wsp_page_renderer_get_height   (WspPageRenderer *self);
void             wsp_page_renderer_render_page  (WspPageRenderer *self,
                                                 cairo_t         *cr,
                                                 guint            page);

G_END_DECLS
