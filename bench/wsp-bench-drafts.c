/* wsp-bench-drafts.c — splitting a long draft, and opening drafts with their comments
 *
 * Usage: wsp-bench-drafts [DB.sqlite3] [--runs 50] [--in-place]
 *                          [--baseline-list-view]
 *
 * Each figure is set against a baseline measured in the same run, the two
 * alternating so that both see the same machine; ratio = ours / baseline.
 *
 * 1. Splits a cooperation programme of about 300 units (a resolution of
 *    three § with the programme attached: twelve chapters, § with sections,
 *    points and letters, a table) --runs times. Baseline: the same text cut
 *    into lines, each matched against one expression of the numbering.
 * 2. With DB (from wsp-bench-generate; copied first, as opening it adds
 *    the columns of newer fields, unless --in-place), reads every draft's
 *    detail (versions, units, comments following them, decisions, opinion)
 *    and its rows. Baseline: the same records' rows stepped through raw
 *    SQLite, no JSON read.
 * 3. With a display too, in the real window: chooses drafts in the Drafts
 *    view until the frame that shows the draft is drawn (the time a person
 *    waits), then scrolls the draft with the most comments from top to
 *    bottom a screenful at a time, each step until it is drawn. Baseline:
 *    a window the size of the draft's page showing the same rows' words,
 *    one plain label a row, in the same list widget (a GtkGridView of one
 *    column; --baseline-list-view: a GtkListView), chosen and scrolled the
 *    same way. Wall-clock and processor time (all threads) are given.
 *
 * It measures and reports; it judges nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sqlite3.h>

#include "domain/wsp-draft-detail.h"
#include "domain/wsp-draft-rows.h"
#include "drafts/wsp-draft-labels.h"
#include "drafts/wsp-draft-page.h"
#include "drafts/wsp-drafts-view.h"
#include "import/wsp-draft-split.h"
#include "records/wsp-entities.h"
#include "records/wsp-records-drafts.h"
#include "records/wsp-records-meetings.h"
#include "wsp-application.h"
#include "wsp-window.h"

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y ? 1 : 0;
}

static double
median (GArray *values)
{
  g_array_sort (values, compare_doubles);
  return g_array_index (values, double, values->len / 2);
}

static double
maximum (GArray *values)
{
  g_array_sort (values, compare_doubles);
  return g_array_index (values, double, values->len - 1);
}

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

/* The processor time this process used, all its threads (the renderer's too). */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

/* A programme as the city sends it: the resolution, the programme attached. */
static char *
programme (void)
{
  GString *text = g_string_new ("PROJEKT\n\nUCHWAŁA NR …/…/2027\nRADY MIASTA ZAGŁĘBIOWICE\nz dnia … 2027 r.\n"
                                "w sprawie przyjęcia Programu współpracy Miasta z organizacjami pozarządowymi "
                                "na rok 2028\n\nNa podstawie art. 18 ust. 2 pkt 15 ustawy o samorządzie gminnym "
                                "oraz art. 5a ust. 1 ustawy o działalności pożytku publicznego i o wolontariacie "
                                "Rada Miasta uchwala, co następuje:\n\n"
                                "§ 1. Przyjmuje się Program, stanowiący załącznik do uchwały.\n"
                                "§ 2. Wykonanie uchwały powierza się Prezydentowi Miasta.\n"
                                "§ 3. Uchwała wchodzi w życie z dniem 1 stycznia 2028 r.\n\n"
                                "Przewodniczący Rady Miasta\nJan Kowalski\n\n"
                                "Załącznik do uchwały nr …/…/2027\nProgram współpracy na rok 2028\n");
  guint paragraph = 0;

  for (guint chapter = 1; chapter <= 12; chapter++)
    {
      g_string_append_printf (text, "\nRozdział %u\nCzęść %u Programu\n\n", chapter, chapter);
      for (guint p = 0; p < 3; p++)
        {
          paragraph++;
          g_string_append_printf (text, "§ %u. 1. Ustęp pierwszy paragrafu %u opisuje zasady współpracy Miasta "
                                        "z organizacjami w tej części Programu.\n",
                                  paragraph, paragraph);
          g_string_append (text, "2. Formami współpracy są w szczególności:\n");
          g_string_append (text, "1) konsultowanie projektów aktów prawa miejscowego;\n");
          g_string_append (text, "2) tworzenie wspólnych zespołów o charakterze doradczym:\n");
          g_string_append (text, "a) w dziedzinie pomocy społecznej,\nb) w dziedzinie kultury;\n");
          g_string_append (text, "3) udostępnianie sal na spotkania.\n");
          if (p == 2 && chapter % 5 == 0)
            g_string_append (text, "Zadanie\tKwota\nPomoc społeczna\t1 200 000 zł\nKultura\t900 000 zł\n");
        }
    }
  return g_string_free (text, FALSE);
}

/* The baseline of splitting: the least work that reads the same text and
 * finds where its units begin: the text cut into lines, each line matched
 * against one compiled expression of the numbering (chapter, §, ust., pkt,
 * lit., tiret, attachment). No keys, no joining of broken lines, no tables,
 * no nesting. */
static guint
split_baseline (const char *text,
                GRegex     *numbering)
{
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  guint starts = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_regex_match (numbering, lines[i], 0, NULL))
      starts++;
  return starts;
}

static void
print_ratio (const char *what,
             double      ours,
             double      base,
             const char *unit)
{
  g_print ("  %-44s ours %8.2f %s   baseline %8.2f %s   ratio %6.2fx\n", what, ours, unit, base, unit,
           base > 0 ? ours / base : 0.0);
}

static void
bench_split (guint runs)
{
  g_autofree char *text = programme ();
  g_autoptr (GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) base_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GRegex) numbering = g_regex_new ("^\\s*(Rozdział\\s|§\\s?\\d|\\d+\\.\\s|\\d+\\)\\s|[a-z]\\)\\s|[–-]\\s|"
                                              "Załącznik)",
                                              G_REGEX_OPTIMIZE, 0, NULL);
  guint units = 0, starts = 0;

  /* Alternately, so that both see the same machine. */
  for (guint i = 0; i < runs; i++)
    {
      double start = now_ms ();
      g_autoptr (GPtrArray) split = wsp_draft_split (text);
      double ms = now_ms () - start;

      units = split->len;
      g_array_append_val (times, ms);
      start = now_ms ();
      starts = split_baseline (text, numbering);
      ms = now_ms () - start;
      g_array_append_val (base_times, ms);
    }
  g_print ("split: a programme of %u units (%zu bytes; the baseline finds %u numbered lines), %u runs:\n", units,
           strlen (text), starts, runs);
  print_ratio ("median", median (times), median (base_times), "ms");
  print_ratio ("slowest", maximum (times), maximum (base_times), "ms");
}

/* ---- a draft's detail, against raw SQLite -------------------------------- */

typedef struct
{
  sqlite3      *raw;
  sqlite3_stmt *record;     /* the draft */
  sqlite3_stmt *versions;   /* by draft */
  sqlite3_stmt *comments;   /* by version */
  sqlite3_stmt *decisions;  /* by draft */
  sqlite3_stmt *opinions;   /* by draft */
  sqlite3_stmt *agenda;     /* by draft */
} Raw;

static sqlite3_stmt *
raw_prepare (sqlite3    *raw,
             GType       type,
             const char *field)
{
  g_autoptr (GTypeClass) klass = g_type_class_ref (type);
  const WspEntity *entity = WSP_RECORD_CLASS (klass)->entity;
  g_autofree char *sql = g_strdup_printf ("SELECT r.id, r.entity, r.winner, r.conflicts, r.body FROM %s e "
                                          "CROSS JOIN records r ON r.id = e.id WHERE e.%s = ?",
                                          entity->name, field);
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v3 (raw, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      g_printerr ("wsp-bench-drafts: %s: %s\n", sql, sqlite3_errmsg (raw));
      exit (1);
    }
  return stmt;
}

/* Steps every row of @stmt bound to @value, touching each column's text;
 * the ids of the rows are added to @ids when it is not NULL. */
static guint
raw_step (sqlite3_stmt *stmt,
          const char   *value,
          GPtrArray    *ids)
{
  guint rows = 0;
  size_t bytes = 0;

  sqlite3_bind_text (stmt, 1, value, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int c = 0; c < sqlite3_column_count (stmt); c++)
        {
          const unsigned char *text = sqlite3_column_text (stmt, c);

          bytes += text != NULL ? strlen ((const char *) text) : 0;
        }
      if (ids != NULL)
        g_ptr_array_add (ids, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      rows++;
    }
  sqlite3_reset (stmt);
  (void) bytes;
  return rows;
}

/* The same records as wsp_draft_detail_load() reads, as rows: no JSON read,
 * no units, no comments matched to them, no decisions joined. */
static guint
raw_detail (Raw        *raw,
            const char *draft_id)
{
  g_autoptr (GPtrArray) versions = g_ptr_array_new_with_free_func (g_free);
  guint rows = 0;

  rows += raw_step (raw->record, draft_id, NULL);
  rows += raw_step (raw->versions, draft_id, versions);
  for (guint v = 0; v < versions->len; v++)
    rows += raw_step (raw->comments, g_ptr_array_index (versions, v), NULL);
  rows += raw_step (raw->decisions, draft_id, NULL);
  rows += raw_step (raw->opinions, draft_id, NULL);
  rows += raw_step (raw->agenda, draft_id, NULL);
  return rows;
}

typedef struct
{
  char  *id;
  guint  comments;
} Busiest;

static Busiest
bench_details (WspStore   *store,
               const char *path)
{
  g_autoptr (GPtrArray) drafts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) base_times = g_array_new (FALSE, FALSE, sizeof (double));
  Busiest busiest = { NULL, 0 };
  guint total = 0;
  Raw raw = { NULL };
  g_autoptr (GError) error = NULL;

  if (!wsp_store_query (store, WSP_TYPE_DRAFT, NULL, NULL, drafts, &error))
    {
      g_printerr ("wsp-bench-drafts: %s\n", error->message);
      exit (1);
    }
  if (sqlite3_open_v2 (path, &raw.raw, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    {
      g_printerr ("wsp-bench-drafts: %s: %s\n", path, sqlite3_errmsg (raw.raw));
      exit (1);
    }
  if (sqlite3_prepare_v3 (raw.raw, "SELECT id, entity, winner, conflicts, body FROM records WHERE id = ?", -1,
                          SQLITE_PREPARE_PERSISTENT, &raw.record, NULL)
      != SQLITE_OK)
    {
      g_printerr ("wsp-bench-drafts: %s\n", sqlite3_errmsg (raw.raw));
      exit (1);
    }
  raw.versions = raw_prepare (raw.raw, WSP_TYPE_DRAFT_VERSION, "draft_id");
  raw.comments = raw_prepare (raw.raw, WSP_TYPE_COMMENT, "version_id");
  raw.decisions = raw_prepare (raw.raw, WSP_TYPE_DECISION, "draft_id");
  raw.opinions = raw_prepare (raw.raw, WSP_TYPE_OPINION, "draft_id");
  raw.agenda = raw_prepare (raw.raw, WSP_TYPE_AGENDA_ITEM, "draft_id");

  for (guint i = 0; i < drafts->len; i++)
    {
      const char *id = wsp_record_get_id (g_ptr_array_index (drafts, i));
      double start = now_ms ();
      g_autoptr (WspDraftDetail) detail = wsp_draft_detail_load (store, id, NULL, &error);
      g_autoptr (GPtrArray) rows = NULL;
      double ms;

      if (detail == NULL)
        {
          g_printerr ("wsp-bench-drafts: %s\n", error->message);
          exit (1);
        }
      rows = wsp_draft_detail_dup_rows (detail, FALSE);
      ms = now_ms () - start;
      g_array_append_val (times, ms);
      start = now_ms ();
      raw_detail (&raw, id);
      ms = now_ms () - start;
      g_array_append_val (base_times, ms);
      total += wsp_draft_detail_get_comments (detail)->len;
      if (wsp_draft_detail_get_comments (detail)->len > busiest.comments)
        {
          g_free (busiest.id);
          busiest.id = g_strdup (id);
          busiest.comments = wsp_draft_detail_get_comments (detail)->len;
        }
    }
  g_print ("detail: %u drafts, %u comments (at most %u on one); a draft read with its versions, units, comments, "
           "decisions, opinion and rows, against the same records' rows read through raw SQLite:\n",
           drafts->len, total, busiest.comments);
  print_ratio ("median", median (times), median (base_times), "ms");
  print_ratio ("slowest", maximum (times), maximum (base_times), "ms");
  sqlite3_finalize (raw.record);
  sqlite3_finalize (raw.versions);
  sqlite3_finalize (raw.comments);
  sqlite3_finalize (raw.decisions);
  sqlite3_finalize (raw.opinions);
  sqlite3_finalize (raw.agenda);
  sqlite3_close (raw.raw);
  return busiest;
}

/* ---- in the window ------------------------------------------------------- */

static void
painted_cb (GdkFrameClock *clock,
            gboolean      *drawn)
{
  *drawn = TRUE;
}

/* Runs the main loop until a frame of @widget has been drawn. */
static void
until_drawn (GtkWidget *widget)
{
  gboolean drawn = FALSE;
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  gulong id = g_signal_connect (clock, "after-paint", G_CALLBACK (painted_cb), &drawn);

  gtk_widget_queue_draw (widget);
  while (!drawn)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, id);
}

/* ---- the baseline window: the same words, one plain label a row -------- */

/* --baseline-list-view: the baseline in a GtkListView instead. */
static gboolean baseline_list_view = FALSE;

/* The words a row of the draft's page shows. */
static char *
row_text (WspDraftRow *row)
{
  GString *text = g_string_new (NULL);

  switch (wsp_draft_row_get_kind (row))
    {
    case WSP_DRAFT_ROW_UNIT:
      {
        const WspDraftUnit *unit = wsp_draft_row_get_unit (row);
        g_autofree char *title = wsp_draft_unit_title (unit);

        g_string_append (text, title);
        if (unit->text != NULL)
          g_string_append_printf (text, "\n%s", unit->text);
        break;
      }
    case WSP_DRAFT_ROW_COMMENT:
      {
        WspCommentEntry *entry = wsp_draft_row_get_comment (row);
        const WspCommentInfo *info = wsp_comment_entry_get_info (entry);
        const char *proposed = wsp_record_get_string (info->comment, "proposed_wording");
        const char *justification = wsp_record_get_string (info->comment, "justification");

        g_string_append_printf (text, "No. %u · %s", info->number, wsp_comment_entry_get_author (entry));
        if (proposed != NULL)
          g_string_append_printf (text, "\nProposed: %s", proposed);
        if (justification != NULL)
          g_string_append_printf (text, "\nJustification: %s", justification);
        g_string_append_printf (text, "\n%s", wsp_comment_decision_name (info->decision));
        if (info->reason != NULL)
          g_string_append_printf (text, " %s", info->reason);
        g_string_append (text, "\nDecide… Correct…");
        break;
      }
    case WSP_DRAFT_ROW_REMOVED:
    default:
      g_string_append (text, "Comments on units no longer in the draft");
      break;
    }
  return g_string_free (text, FALSE);
}

static void
baseline_setup_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_list_item_set_child (item, label);
}

static void
baseline_bind_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item)
{
  GtkStringObject *text = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), gtk_string_object_get_string (text));
}

typedef struct
{
  GtkWidget     *window;
  GtkLabel      *title;
  GtkStringList *texts;
  GtkWidget     *scroller;
} Baseline;

/* A window with a title and a list of plain labels, the size of the draft's page. */
static void
baseline_window (Baseline *base,
                 int       width,
                 int       height)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkWidget *list;
  GtkWidget *clamp = adw_clamp_scrollable_new ();

  base->texts = gtk_string_list_new (NULL);
  base->window = gtk_window_new ();
  base->title = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (base->title), "title-2");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (base->title));
  g_signal_connect (factory, "setup", G_CALLBACK (baseline_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (baseline_bind_cb), NULL);
  /* The same list widget as the draft's page: a grid of one column (GTK 4.8's
   * list view makes up to 200 rows whatever it shows; its grid view about a
   * screenful). */
  if (baseline_list_view)
    list = gtk_list_view_new (GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (g_object_ref (base->texts)))),
                              factory);
  else
    {
      list = gtk_grid_view_new (GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (g_object_ref (base->texts)))),
                                factory);
      gtk_grid_view_set_max_columns (GTK_GRID_VIEW (list), 1);
    }
  adw_clamp_scrollable_set_maximum_size (ADW_CLAMP_SCROLLABLE (clamp), 960);
  adw_clamp_scrollable_set_child (ADW_CLAMP_SCROLLABLE (clamp), list);
  base->scroller = gtk_scrolled_window_new ();
  gtk_widget_set_vexpand (base->scroller, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (base->scroller), clamp);
  gtk_box_append (GTK_BOX (box), base->scroller);
  gtk_window_set_child (GTK_WINDOW (base->window), box);
  gtk_window_set_default_size (GTK_WINDOW (base->window), width, height);
  gtk_window_present (GTK_WINDOW (base->window));
}

/* What the baseline does to show a draft: the same detail read, its rows'
 * words put in the plain list. */
static void
baseline_show (Baseline   *base,
               WspStore   *store,
               const char *id)
{
  g_autoptr (WspDraftDetail) detail = wsp_draft_detail_load (store, id, NULL, NULL);
  g_autoptr (GPtrArray) rows = wsp_draft_detail_dup_rows (detail, FALSE);
  g_autoptr (GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < rows->len; i++)
    g_ptr_array_add (texts, row_text (g_ptr_array_index (rows, i)));
  g_ptr_array_add (texts, NULL);
  gtk_label_set_text (base->title, wsp_record_get_string (wsp_draft_detail_get_draft (detail), "title"));
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (base->scroller)), 0);
  gtk_string_list_splice (base->texts, 0, g_list_model_get_n_items (G_LIST_MODEL (base->texts)),
                          (const char *const *) texts->pdata);
}

typedef struct
{
  GArray *wall;
  GArray *cpu;
} Samples;

static void
samples_init (Samples *samples)
{
  samples->wall = g_array_new (FALSE, FALSE, sizeof (double));
  samples->cpu = g_array_new (FALSE, FALSE, sizeof (double));
}

static void
samples_clear (Samples *samples)
{
  g_array_unref (samples->wall);
  g_array_unref (samples->cpu);
}

typedef struct
{
  double wall;
  double cpu;
} Clock;

static Clock
clock_start (void)
{
  return (Clock) { now_ms (), cpu_ms () };
}

static void
clock_stop (Clock    start,
            Samples *samples)
{
  double wall = now_ms () - start.wall, cpu = cpu_ms () - start.cpu;

  g_array_append_val (samples->wall, wall);
  g_array_append_val (samples->cpu, cpu);
}

/* Scrolls @scroller a screenful at a time to the bottom, each step until drawn. */
static void
scroll_through (GtkWidget *scroller,
                Samples   *samples)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));

  gtk_adjustment_set_value (adjustment, 0);
  until_drawn (scroller);
  for (guint i = 0; i < 2000 && gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment)
                                    < gtk_adjustment_get_upper (adjustment) - 1;
       i++)
    {
      Clock start = clock_start ();

      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment)
                                              + gtk_adjustment_get_page_size (adjustment) * 0.9);
      until_drawn (scroller);
      clock_stop (start, samples);
    }
}

static void
bench_window (WspStore   *store,
              const char *busiest_id)
{
  g_autoptr (WspApplication) app = NULL;
  g_autoptr (GPtrArray) drafts = g_ptr_array_new_with_free_func (g_object_unref);
  Samples opening, opening_base, steps, steps_base;
  Baseline base = { NULL };
  WspWindow *window;
  WspDraftsView *view;
  GtkWidget *scroller = NULL;
  double busiest_ms, busiest_base_ms;

  if (!gtk_init_check ())
    {
      g_print ("window: no display, not measured (run it under xvfb-run)\n");
      return;
    }
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  app = wsp_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, NULL);
  window = wsp_window_new (GTK_APPLICATION (app), store);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "drafts");
  view = WSP_DRAFTS_VIEW (wsp_window_get_view (window, "drafts"));
  wsp_drafts_view_ensure_loaded (view);
  until_drawn (GTK_WIDGET (window));
  scroller = wsp_draft_page_get_scroller (wsp_drafts_view_get_page (view));
  /* The baseline's window is the size of the draft's page. */
  baseline_window (&base, gtk_widget_get_width (GTK_WIDGET (wsp_drafts_view_get_page (view))),
                   gtk_widget_get_height (GTK_WIDGET (wsp_drafts_view_get_page (view))));
  until_drawn (base.window);

  samples_init (&opening);
  samples_init (&opening_base);
  samples_init (&steps);
  samples_init (&steps_base);
  wsp_store_query (store, WSP_TYPE_DRAFT, NULL, NULL, drafts, NULL);
  /* Alternately, so that both see the same machine. */
  for (guint i = 0; i < drafts->len; i += MAX (1, drafts->len / 60))
    {
      const char *id = wsp_record_get_id (g_ptr_array_index (drafts, i));
      Clock start = clock_start ();

      wsp_drafts_view_select (view, id);
      until_drawn (GTK_WIDGET (window));
      clock_stop (start, &opening);
      start = clock_start ();
      baseline_show (&base, store, id);
      until_drawn (base.window);
      clock_stop (start, &opening_base);
    }
  {
    double start = now_ms ();

    wsp_drafts_view_select (view, busiest_id);
    until_drawn (GTK_WIDGET (window));
    busiest_ms = now_ms () - start;
    start = now_ms ();
    baseline_show (&base, store, busiest_id);
    until_drawn (base.window);
    busiest_base_ms = now_ms () - start;
  }
  g_print ("window: a draft chosen in the Drafts view until the frame that shows it is drawn (%u drafts), "
           "against the same rows' words, one plain label a row, in a %s:\n",
           opening.wall->len, baseline_list_view ? "GtkListView" : "GtkGridView of one column");
  print_ratio ("median", median (opening.wall), median (opening_base.wall), "ms");
  print_ratio ("slowest", maximum (opening.wall), maximum (opening_base.wall), "ms");
  print_ratio ("the draft with the most comments", busiest_ms, busiest_base_ms, "ms");
  print_ratio ("processor time, median", median (opening.cpu), median (opening_base.cpu), "ms");

  /* Scrolling it, a screenful at a time, in both. */
  scroll_through (scroller, &steps);
  scroll_through (base.scroller, &steps_base);
  if (steps.wall->len > 0 && steps_base.wall->len > 0)
    {
      g_print ("scroll: the draft with the most comments, top to bottom a screenful a step (%u steps; the "
               "baseline %u), each step until drawn:\n",
               steps.wall->len, steps_base.wall->len);
      print_ratio ("median step", median (steps.wall), median (steps_base.wall), "ms");
      print_ratio ("slowest step", maximum (steps.wall), maximum (steps_base.wall), "ms");
      print_ratio ("processor time, median step", median (steps.cpu), median (steps_base.cpu), "ms");
    }
  samples_clear (&opening);
  samples_clear (&opening_base);
  samples_clear (&steps);
  samples_clear (&steps_base);
  gtk_window_destroy (GTK_WINDOW (base.window));
  g_object_unref (base.texts);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Deletes @dir and the files in it. */
static void
remove_dir (const char *dir)
{
  g_autoptr (GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *file = g_build_filename (dir, name, NULL);

      g_unlink (file);
    }
  g_rmdir (dir);
}

int
main (int argc, char *argv[])
{
  guint runs = 50;
  gboolean in_place = FALSE;
  const char *path = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *copy = NULL;
  g_autoptr (WspStore) store = NULL;
  g_autoptr (GError) error = NULL;
  Busiest busiest;
  double start;

  setlocale (LC_ALL, "");
  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--runs") && i + 1 < argc)
        {
          int n = atoi (argv[++i]);
          runs = (guint) MAX (1, n);
        }
      else if (g_str_equal (argv[i], "--in-place"))
        in_place = TRUE;
      else if (g_str_equal (argv[i], "--baseline-list-view"))
        baseline_list_view = TRUE;
      else
        path = argv[i];
    }

  bench_split (runs);
  if (path == NULL)
    return 0;

  if (in_place)
    copy = g_strdup (path);
  else
    {
      g_autoptr (GFile) from = g_file_new_for_path (path);
      g_autoptr (GFile) to = NULL;

      dir = g_dir_make_tmp ("wsp-bench-drafts-XXXXXX", &error);
      if (dir == NULL)
        {
          g_printerr ("wsp-bench-drafts: %s\n", error->message);
          return 1;
        }
      copy = g_build_filename (dir, "copy.sqlite3", NULL);
      to = g_file_new_for_path (copy);
      if (!g_file_copy (from, to, G_FILE_COPY_NONE, NULL, NULL, NULL, &error))
        {
          g_printerr ("wsp-bench-drafts: %s\n", error->message);
          remove_dir (dir);
          return 1;
        }
    }
  start = now_ms ();
  store = wsp_store_open (copy, &error);
  if (store == NULL)
    {
      g_printerr ("wsp-bench-drafts: %s\n", error->message);
      if (dir != NULL)
        remove_dir (dir);
      return 1;
    }
  g_print ("open: %.0f ms%s\n", now_ms () - start,
           in_place ? "" : " (a copy; its first opening adds the newer fields' columns)");
  busiest = bench_details (store, copy);
  if (busiest.id != NULL)
    bench_window (store, busiest.id);
  g_free (busiest.id);
  g_clear_object (&store);
  /* The copy, its journal and the backup its migration made. */
  if (dir != NULL)
    remove_dir (dir);
  return 0;
}
