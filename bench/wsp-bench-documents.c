/* wsp-bench-documents.c — how fast the attendance register becomes a PDF
 *
 * Usage: wsp-bench-documents DB.sqlite3 [--runs 3] [--out FILE.pdf]
 *
 * For each body of DB (the 10-year database of wsp-bench-generate), builds
 * the attendance register of all its meetings from the store, lays it out
 * on A4 pages and draws them into a PDF, and reports the time of each
 * step, the pages, the file size, pages per second (laying out and
 * drawing) and the process's peak memory. It measures and reports; it
 * judges nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>

#include "output/wsp-builders.h"
#include "output/wsp-output.h"
#include "records/wsp-records-members.h"
#include "store/wsp-store.h"

static double
seconds_since (gint64 start)
{
  return (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WspStore) store = NULL;
  g_autoptr (GPtrArray) bodies = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *out = NULL;
  int runs = 3;
  const WspBuildOptions options = { .today = "2026-11-27" };
  GOptionEntry entries[] = {
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Runs of each body (the median is reported)", "N" },
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out, "Keep the last PDF as FILE", "FILE" },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new ("DB.sqlite3");
  struct rusage usage;

  setlocale (LC_ALL, "C.UTF-8");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2)
    {
      g_printerr ("usage: wsp-bench-documents DB.sqlite3 [--runs N] [--out FILE.pdf]\n");
      return 2;
    }
  runs = CLAMP (runs, 1, 50);

  store = wsp_store_open (argv[1], &error);
  if (store == NULL || !wsp_store_query (store, WSP_TYPE_BODY, NULL, NULL, bodies, &error))
    {
      g_printerr ("wsp-bench-documents: %s\n", error->message);
      return 1;
    }

  g_print ("Attendance register to PDF (A4), median of %d runs\n\n", runs);
  g_print ("%-39s %8s %7s %9s %9s %9s %9s %8s\n", "body", "rows", "pages", "build s", "layout s",
           "draw s", "pages/s", "PDF MiB");
  for (guint b = 0; b < bodies->len; b++)
    {
      WspRecord *body = g_ptr_array_index (bodies, b);
      g_autofree double *build = g_new (double, runs);
      g_autofree double *layout = g_new (double, runs);
      g_autofree double *draw = g_new (double, runs);
      g_autofree double *rate = g_new (double, runs);
      guint n_pages = 0, n_rows = 0;
      gsize size = 0;

      for (int r = 0; r < runs; r++)
        {
          g_autoptr (WspDocument) doc = NULL;
          g_autoptr (WspPageRenderer) renderer = NULL;
          g_autoptr (GBytes) pdf = NULL;
          gint64 start = g_get_monotonic_time ();

          doc = wsp_build_attendance_register (store, wsp_record_get_id (body), &options, &error);
          if (doc == NULL)
            {
              g_printerr ("wsp-bench-documents: %s\n", error->message);
              return 1;
            }
          build[r] = seconds_since (start);

          start = g_get_monotonic_time ();
          renderer = wsp_page_renderer_new (doc, WSP_A4_WIDTH, WSP_A4_HEIGHT);
          wsp_page_renderer_paginate (renderer, NULL, NULL, NULL, NULL);
          layout[r] = seconds_since (start);

          start = g_get_monotonic_time ();
          pdf = wsp_pdf_render (renderer, "bench", NULL, NULL, NULL, &error);
          if (pdf == NULL)
            {
              g_printerr ("wsp-bench-documents: %s\n", error->message);
              return 1;
            }
          draw[r] = seconds_since (start);

          n_pages = wsp_page_renderer_get_n_pages (renderer);
          n_rows = wsp_document_get_first_table (doc)->rows->len;
          size = g_bytes_get_size (pdf);
          rate[r] = n_pages / (layout[r] + draw[r]);
          if (out != NULL && r == runs - 1 && !wsp_output_save (out, pdf, &error))
            {
              g_printerr ("wsp-bench-documents: %s\n", error->message);
              return 1;
            }
        }
      qsort (build, runs, sizeof (double), compare_doubles);
      qsort (layout, runs, sizeof (double), compare_doubles);
      qsort (draw, runs, sizeof (double), compare_doubles);
      qsort (rate, runs, sizeof (double), compare_doubles);
      {
        g_autofree char *name = g_utf8_substring (wsp_record_get_string (body, "name"), 0, 38);
        g_autofree char *padding = g_strnfill (40 - g_utf8_strlen (name, -1), ' ');

        g_print ("%s%s", name, padding);
      }
      g_print ("%8u %7u %9.2f %9.2f %9.2f %9.1f %8.1f\n", n_rows, n_pages, build[runs / 2],
               layout[runs / 2], draw[runs / 2], rate[runs / 2], size / 1048576.0);
    }

  getrusage (RUSAGE_SELF, &usage);
  g_print ("\npeak memory (max RSS): %.0f MiB\n", usage.ru_maxrss / 1024.0);
  g_print ("pages/s counts laying out and drawing the pages; building reads the store.\n");
  return 0;
}
