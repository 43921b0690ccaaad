/* wsp-output.c — documents to files: PDF, ODT, CSV and plain text, written atomically
 *
 * Every writer makes the whole file in memory first and then saves it in
 * one step (a temporary file in the same folder, flushed, then renamed
 * over the name asked for), so a file is either the old one or the
 * complete new one, and a failed or cancelled writing leaves nothing.
 * wsp_output_write_async() does the rendering in a worker thread and tells
 * the caller's main context how far it has come.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <string.h>

#include "output/wsp-output.h"

/* clang-format off */
G_DEFINE_QUARK (wsp-output-error-quark, wsp_output_error)
/* clang-format on */

/**
 * wsp_format_from_path:
 * @path: a file name
 * @format: (out): the format its extension names
 * @error: where to say that it names none
 *
 * Returns: whether the extension is .pdf, .odt, .csv, .txt or .ics (in
 *   any case)
 */
gboolean
wsp_format_from_path (const char  *path,
                      WspFormat   *format,
                      GError     **error)
{
  static const struct
  {
    const char *extension;
    WspFormat   format;
  } formats[] = {
    { ".pdf", WSP_FORMAT_PDF },
    { ".odt", WSP_FORMAT_ODT },
    { ".csv", WSP_FORMAT_CSV },
    { ".txt", WSP_FORMAT_TEXT },
    { ".ics", WSP_FORMAT_ICS },
  };
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *lower = g_ascii_strdown (base, -1);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_str_has_suffix (lower, formats[i].extension) && strlen (lower) > 4)
      {
        *format = formats[i].format;
        return TRUE;
      }
  g_set_error (error, WSP_OUTPUT_ERROR, WSP_OUTPUT_ERROR_FORMAT,
               _("“%s” does not end in .pdf, .odt, .csv, .txt or .ics, so it is not clear what "
                 "to write."),
               base);
  return FALSE;
}

/* ---- PDF ----------------------------------------------------------------- */

static cairo_status_t
append_to_array (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/**
 * wsp_pdf_render:
 * @renderer: a renderer (paginated here when it is not yet)
 * @title: (nullable): the PDF's title
 * @cancellable: (nullable): to stop it
 * @progress: (nullable) (scope call): told how far it has come
 * @progress_data: for @progress
 * @error: where to say why there is no PDF
 *
 * Draws every page of @renderer into a PDF, with its fonts embedded.
 *
 * Returns: (transfer full): the PDF, or %NULL with @error
 */
GBytes *
wsp_pdf_render (WspPageRenderer  *renderer,
                const char       *title,
                GCancellable     *cancellable,
                WspProgressFunc   progress,
                gpointer          progress_data,
                GError          **error)
{
  g_autoptr (GByteArray) data = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_status_t status;
  guint n_pages;

  g_return_val_if_fail (WSP_IS_PAGE_RENDERER (renderer), NULL);

  if (!wsp_page_renderer_paginate (renderer, cancellable, NULL, NULL, error))
    return NULL;
  n_pages = wsp_page_renderer_get_n_pages (renderer);

  surface = cairo_pdf_surface_create_for_stream (append_to_array, data,
                                                 wsp_page_renderer_get_width (renderer),
                                                 wsp_page_renderer_get_height (renderer));
  if (title != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, PACKAGE_NAME);

  for (guint i = 0; i < n_pages; i++)
    {
      cairo_t *cr;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          cairo_surface_destroy (surface);
          return NULL;
        }
      if (progress != NULL && (i & 7) == 0)
        progress ((double) i / n_pages, progress_data);
      cr = cairo_create (surface);
      wsp_page_renderer_render_page (renderer, cr, i);
      cairo_show_page (cr);
      cairo_destroy (cr);
    }
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, WSP_OUTPUT_ERROR, WSP_OUTPUT_ERROR_RENDER,
                   _("The PDF could not be made: %s"), cairo_status_to_string (status));
      return NULL;
    }
  if (progress != NULL)
    progress (1.0, progress_data);
  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

/* ---- CSV ----------------------------------------------------------------- */

static void
append_csv_field (GString    *out,
                  const char *text,
                  char        separator)
{
  /* RFC 4180: a field with the separator, a quote or a line break is quoted,
   * and its quotes doubled. Leading or trailing spaces are quoted too, so a
   * spreadsheet keeps them. */
  gboolean quote = strchr (text, separator) != NULL || strpbrk (text, "\"\r\n") != NULL
                   || g_ascii_isspace (text[0])
                   || (*text != '\0' && g_ascii_isspace (text[strlen (text) - 1]));

  if (!quote)
    {
      g_string_append (out, text);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
append_csv_row (GString            *out,
                const char * const *cells,
                guint               n,
                char                separator)
{
  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (out, separator);
      append_csv_field (out, cells[i] != NULL ? cells[i] : "", separator);
    }
  g_string_append (out, "\r\n");
}

/**
 * wsp_csv_render:
 * @document: a document with a table
 * @separator: the field separator: ';' is what a spreadsheet set to Polish
 *   opens without asking
 * @error: where to say that there is no table
 *
 * The first table of @document as CSV (RFC 4180, CRLF line ends) in UTF-8
 * with a byte order mark, so spreadsheets take it for UTF-8. A section row
 * is a row with its text in the first field.
 *
 * Returns: (transfer full): the CSV, or %NULL with @error
 */
GBytes *
wsp_csv_render (WspDocument  *document,
                char          separator,
                GError      **error)
{
  WspTable *table = wsp_document_get_first_table (document);
  GString *out;

  if (table == NULL)
    {
      g_set_error_literal (error, WSP_OUTPUT_ERROR, WSP_OUTPUT_ERROR_FORMAT,
                           _("This document has no table to save as CSV. Save it as PDF or ODT."));
      return NULL;
    }

  out = g_string_new ("\xEF\xBB\xBF");
  append_csv_row (out, (const char * const *) table->header, table->n_columns, separator);
  for (guint i = 0; i < table->rows->len; i++)
    {
      const WspTableRow *row = g_ptr_array_index (table->rows, i);

      append_csv_row (out, (const char * const *) row->cells, row->section ? 1 : table->n_columns,
                      separator);
    }
  return g_string_free_to_bytes (out);
}

/* ---- plain text ---------------------------------------------------------- */

static void
append_wrapped (GString    *out,
                const char *indent,
                const char *text)
{
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    g_string_append_printf (out, "%s%s\n", i == 0 ? "" : indent, lines[i]);
}

/**
 * wsp_text_render:
 * @document: a document
 *
 * @document as plain text (UTF-8): what an e-mail or a text editor shows.
 * Lines are not wrapped; table cells are separated by " | ".
 *
 * Returns: (transfer full): the text
 */
char *
wsp_text_render (WspDocument *document)
{
  GString *out = g_string_new (NULL);
  const char *values[] = {
    wsp_document_get_body (document), wsp_document_get_city (document),
    wsp_document_get_date (document),
  };

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    if (values[i] != NULL)
      g_string_append_printf (out, "%s\n", values[i]);
  g_string_append_c (out, '\n');
  if (wsp_document_get_kind (document) != NULL)
    g_string_append_printf (out, "%s\n", wsp_document_get_kind (document));
  if (wsp_document_get_number (document) != NULL)
    g_string_append_printf (out, "%s\n", wsp_document_get_number (document));
  if (wsp_document_get_place (document) != NULL)
    g_string_append_printf (out, "%s\n", wsp_document_get_place (document));

  for (guint i = 0; i < wsp_document_get_n_blocks (document); i++)
    {
      const WspBlock *block = wsp_document_get_block (document, i);

      g_string_append_c (out, '\n');
      switch (block->kind)
        {
        case WSP_BLOCK_HEADING:
        case WSP_BLOCK_PARAGRAPH:
          if (block->lead != NULL)
            g_string_append_printf (out, "%s ", block->lead);
          append_wrapped (out, "", block->text);
          break;
        case WSP_BLOCK_LIST:
          for (guint j = 0; block->items[j] != NULL; j++)
            {
              g_autofree char *label = block->numbered ? g_strdup_printf ("%u. ", j + 1)
                                                       : g_strdup ("– ");
              g_autofree char *indent = g_strnfill (g_utf8_strlen (label, -1), ' ');

              g_string_append (out, label);
              append_wrapped (out, indent, block->items[j]);
            }
          break;
        case WSP_BLOCK_TABLE:
          {
            WspTable *table = block->table;

            g_autofree char *header = g_strjoinv (" | ", table->header);

            g_string_append_printf (out, "%s\n", header);
            for (guint j = 0; j < table->rows->len; j++)
              {
                const WspTableRow *row = g_ptr_array_index (table->rows, j);
                g_autofree char *line = g_strjoinv (" | ", row->cells);

                g_strdelimit (line, "\n", ' ');
                g_string_append_printf (out, "%s\n", line);
              }
          }
          break;
        case WSP_BLOCK_SIGNATURES:
          for (guint j = 0; block->items[j] != NULL; j++)
            g_string_append_printf (out, "%s: %s\n\n", block->items[j],
                                    *block->names[j] != '\0' ? block->names[j]
                                                             : "……………………………………");
          break;
        case WSP_BLOCK_PAGE_BREAK:
          g_string_append (out, "\f");
          break;
        default:
          break;
        }
    }
  return g_string_free (out, FALSE);
}

/* ---- any format ---------------------------------------------------------- */

/* Progress of one step of several: offset + scale × its own fraction. */
typedef struct
{
  WspProgressFunc func;
  gpointer        data;
  double          offset;
  double          scale;
} Scaled;

static void
scaled_progress (double   fraction,
                 gpointer data)
{
  Scaled *scaled = data;

  scaled->func (scaled->offset + scaled->scale * fraction, scaled->data);
}

/**
 * wsp_output_render:
 * @document: a document
 * @format: PDF (A4, across the page for a landscape document), ODT, CSV
 *   (';') or plain text
 * @cancellable: (nullable): to stop it
 * @progress: (nullable) (scope call): told how far it has come
 * @progress_data: for @progress
 * @error: where to say why there is nothing
 *
 * Returns: (transfer full): the file's contents, or %NULL with @error
 */
GBytes *
wsp_output_render (WspDocument     *document,
                   WspFormat        format,
                   GCancellable    *cancellable,
                   WspProgressFunc  progress,
                   gpointer         progress_data,
                   GError         **error)
{
  g_return_val_if_fail (WSP_IS_DOCUMENT (document), NULL);

  switch (format)
    {
    case WSP_FORMAT_PDF:
      {
        gboolean landscape = wsp_document_get_landscape (document);
        g_autoptr (WspPageRenderer) renderer = wsp_page_renderer_new (document,
                                                                      landscape ? WSP_A4_HEIGHT : WSP_A4_WIDTH,
                                                                      landscape ? WSP_A4_WIDTH : WSP_A4_HEIGHT);
        g_autofree char *title = wsp_document_dup_title (document);

        /* Laying out is most of the work: three quarters of the way. */
        Scaled scaled = { progress, progress_data, 0, 0.75 };

        if (!wsp_page_renderer_paginate (renderer, cancellable, progress ? scaled_progress : NULL,
                                         &scaled, error))
          return NULL;
        scaled.offset = 0.75;
        scaled.scale = 0.25;
        return wsp_pdf_render (renderer, title, cancellable, progress ? scaled_progress : NULL,
                               &scaled, error);
      }
    case WSP_FORMAT_ODT:
      return wsp_odt_render (document, error);
    case WSP_FORMAT_CSV:
      return wsp_csv_render (document, ';', error);
    case WSP_FORMAT_TEXT:
      {
        char *text = wsp_text_render (document);
        return g_bytes_new_take (text, strlen (text));
      }
    case WSP_FORMAT_ICS:
    default:
      g_set_error_literal (error, WSP_OUTPUT_ERROR, WSP_OUTPUT_ERROR_FORMAT,
                           _("Only invitations can be saved as a calendar file (.ics)."));
      return NULL;
    }
}

/**
 * wsp_output_save:
 * @path: the file
 * @contents: what it is to hold
 * @error: where to say why it was not saved
 *
 * Saves @contents as @path atomically: a temporary file beside it, flushed
 * to disk, renamed over @path. On failure @path is as it was.
 *
 * Returns: whether it was saved
 */
gboolean
wsp_output_save (const char  *path,
                 GBytes      *contents,
                 GError     **error)
{
  g_autoptr (GError) local_error = NULL;
  gsize size = 0;
  const char *data = g_bytes_get_data (contents, &size);

  if (g_file_set_contents_full (path, data, (gssize) size,
                                G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                0644, &local_error))
    return TRUE;
  g_set_error (error, WSP_OUTPUT_ERROR, WSP_OUTPUT_ERROR_WRITE,
               _("The file could not be saved: %s"), local_error->message);
  return FALSE;
}

/**
 * wsp_output_write:
 * @document: a document
 * @format: the format (not %WSP_FORMAT_ICS: see wsp-calendar.h)
 * @path: the file to write
 * @cancellable: (nullable): to stop it
 * @progress: (nullable) (scope call): told how far it has come
 * @progress_data: for @progress
 * @error: where to say why nothing was written
 *
 * Renders @document and saves it atomically as @path.
 *
 * Returns: whether the file was written
 */
gboolean
wsp_output_write (WspDocument     *document,
                  WspFormat        format,
                  const char      *path,
                  GCancellable    *cancellable,
                  WspProgressFunc  progress,
                  gpointer         progress_data,
                  GError         **error)
{
  g_autoptr (GBytes) contents = wsp_output_render (document, format, cancellable, progress,
                                                   progress_data, error);

  if (contents == NULL)
    return FALSE;
  /* Cancelled at the last moment: still nothing written. */
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  return wsp_output_save (path, contents, error);
}

/* ---- in a worker thread -------------------------------------------------- */

/* The caller's progress function, shared by the job and the calls queued
 * to the caller's main context; freed (with its notify) after the last. */
typedef struct
{
  WspProgressFunc func;
  gpointer        data;
  GDestroyNotify  notify;
} Progress;

static void
progress_clear (Progress *progress)
{
  if (progress->notify != NULL)
    progress->notify (progress->data);
}

typedef struct
{
  WspDocument  *document;
  WspFormat     format;
  char         *path;
  Progress     *progress; /* atomic rc box */
  GMainContext *context;
  int           last_percent;
} WriteJob;

static void
write_job_free (WriteJob *job)
{
  g_clear_object (&job->document);
  g_free (job->path);
  if (job->progress != NULL)
    g_atomic_rc_box_release_full (job->progress, (GDestroyNotify) progress_clear);
  g_main_context_unref (job->context);
  g_free (job);
}

typedef struct
{
  Progress *progress;
  double    fraction;
} ProgressCall;

static gboolean
progress_call_run (gpointer data)
{
  ProgressCall *call = data;

  call->progress->func (call->fraction, call->progress->data);
  return G_SOURCE_REMOVE;
}

static void
progress_call_free (gpointer data)
{
  ProgressCall *call = data;

  g_atomic_rc_box_release_full (call->progress, (GDestroyNotify) progress_clear);
  g_free (call);
}

/* In the worker: passes progress on to the caller's context, at most once
 * for each whole per cent. */
static void
progress_from_thread (double   fraction,
                      gpointer data)
{
  WriteJob *job = data;
  int percent = (int) (fraction * 100);
  ProgressCall *call;

  if (job->progress == NULL || percent <= job->last_percent)
    return;
  job->last_percent = percent;
  call = g_new (ProgressCall, 1);
  call->progress = g_atomic_rc_box_acquire (job->progress);
  call->fraction = fraction;
  g_main_context_invoke_full (job->context, G_PRIORITY_DEFAULT, progress_call_run, call,
                              progress_call_free);
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  WriteJob *job = task_data;
  GError *error = NULL;

  if (wsp_output_write (job->document, job->format, job->path, cancellable, progress_from_thread,
                        job, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * wsp_output_write_async:
 * @document: a document, not changed any more
 * @format: the format (not %WSP_FORMAT_ICS)
 * @path: the file to write
 * @cancellable: (nullable): to stop it; nothing is written then
 * @progress: (nullable): told how far it has come, in the thread-default
 *   main context of the caller
 * @progress_data: for @progress
 * @progress_notify: (nullable): frees @progress_data after the last call
 * @callback: called when the file is written or writing failed
 * @user_data: for @callback
 *
 * wsp_output_write() in a worker thread.
 */
void
wsp_output_write_async (WspDocument         *document,
                        WspFormat            format,
                        const char          *path,
                        GCancellable        *cancellable,
                        WspProgressFunc      progress,
                        gpointer             progress_data,
                        GDestroyNotify       progress_notify,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;
  WriteJob *job;

  g_return_if_fail (WSP_IS_DOCUMENT (document));
  g_return_if_fail (path != NULL);

  job = g_new0 (WriteJob, 1);
  job->document = g_object_ref (document);
  job->format = format;
  job->path = g_strdup (path);
  job->context = g_main_context_ref_thread_default ();
  job->last_percent = -1;
  if (progress != NULL)
    {
      job->progress = g_atomic_rc_box_new0 (Progress);
      job->progress->func = progress;
      job->progress->data = progress_data;
      job->progress->notify = progress_notify;
    }
  else if (progress_notify != NULL)
    {
      progress_notify (progress_data);
    }

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, wsp_output_write_async);
  g_task_set_task_data (task, job, (GDestroyNotify) write_job_free);
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, write_thread);
}

gboolean
wsp_output_write_finish (GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
