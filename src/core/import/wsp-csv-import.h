/* wsp-csv-import.h — importing a city's register of organisations from CSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "store/wsp-store.h"

G_BEGIN_DECLS

#define WSP_CSV_ERROR (wsp_csv_error_quark ())

/**
 * WspCsvError:
 * @WSP_CSV_ERROR_EMPTY: the file holds no text
 * @WSP_CSV_ERROR_BINARY: the file is not text (or is a spreadsheet, not CSV)
 * @WSP_CSV_ERROR_ENCODING: the text is not in the encoding chosen, or in
 *   none of UTF-8, UTF-16, Windows-1250 and ISO-8859-2
 * @WSP_CSV_ERROR_TOO_LARGE: the file is over the size limit
 * @WSP_CSV_ERROR_TOO_MANY_ROWS: the file has more rows than the limit
 * @WSP_CSV_ERROR_SYNTAX: a quoted text is never closed
 * @WSP_CSV_ERROR_NO_NAME_COLUMN: no column is mapped to the name
 */
typedef enum
{
  WSP_CSV_ERROR_EMPTY,
  WSP_CSV_ERROR_BINARY,
  WSP_CSV_ERROR_ENCODING,
  WSP_CSV_ERROR_TOO_LARGE,
  WSP_CSV_ERROR_TOO_MANY_ROWS,
  WSP_CSV_ERROR_SYNTAX,
  WSP_CSV_ERROR_NO_NAME_COLUMN,
} WspCsvError;

GQuark wsp_csv_error_quark (void);

#define WSP_CSV_MAX_BYTES (50 * 1024 * 1024)
#define WSP_CSV_MAX_ROWS  100000

/* ---- reading ------------------------------------------------------------- */

typedef struct _WspCsvTable WspCsvTable;

WspCsvTable *wsp_csv_table_parse           (GBytes      *bytes,
                                            GError     **error);
WspCsvTable *wsp_csv_table_parse_as        (GBytes      *bytes,
                                            const char  *encoding,
                                            GError     **error);
const char * const *wsp_csv_get_encodings  (void);
WspCsvTable *wsp_csv_table_ref             (WspCsvTable *table);
void         wsp_csv_table_free            (WspCsvTable *table);

guint        wsp_csv_table_get_n_rows      (WspCsvTable *table);
guint        wsp_csv_table_get_n_columns   (WspCsvTable *table);
const char  *wsp_csv_table_get_header      (WspCsvTable *table,
                                            guint        column);
guint        wsp_csv_table_get_header_line (WspCsvTable *table);
const char  *wsp_csv_table_get_cell        (WspCsvTable *table,
                                            guint        row,
                                            guint        column);
guint        wsp_csv_table_get_line        (WspCsvTable *table,
                                            guint        row);
char         wsp_csv_table_get_separator   (WspCsvTable *table);
const char  *wsp_csv_table_get_encoding    (WspCsvTable *table);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WspCsvTable, wsp_csv_table_free)

/* ---- mapping columns to fields ------------------------------------------- */

typedef enum
{
  WSP_CSV_FIELD_IGNORE,
  WSP_CSV_FIELD_NAME,
  WSP_CSV_FIELD_SHORT_NAME,
  WSP_CSV_FIELD_KRS,
  WSP_CSV_FIELD_NIP,
  WSP_CSV_FIELD_REGON,
  WSP_CSV_FIELD_ADDRESS,
  WSP_CSV_FIELD_EMAIL,
  WSP_CSV_FIELD_PHONE,
  WSP_CSV_FIELD_WEBSITE,
  WSP_CSV_FIELD_FIELDS,
  WSP_CSV_FIELD_NOTES,
  WSP_CSV_N_FIELDS, /* not a field: how many there are, for choosers */
} WspCsvField;

const char  *wsp_csv_field_label           (WspCsvField  field);
WspCsvField  wsp_csv_guess_field           (const char  *header);
void         wsp_csv_guess_mapping         (WspCsvTable *table,
                                            WspCsvField *mapping);

/* ---- importing ----------------------------------------------------------- */

/* A row that was not imported. */
typedef struct
{
  guint  line;   /* 1-based line of the file where the row begins */
  char  *name;   /* the organisation's name in the row; may be "" */
  char  *reason; /* why, in words for the secretary */
} WspCsvSkippedRow;

void         wsp_csv_skipped_row_free      (WspCsvSkippedRow *row);
char        *wsp_csv_skipped_row_describe  (const WspCsvSkippedRow *row);

/* What the import would do with a row (wsp_csv_preview()). */
typedef enum
{
  WSP_CSV_ROW_NEW,     /* adds an organisation */
  WSP_CSV_ROW_UPDATE,  /* fills in one already stored */
  WSP_CSV_ROW_SKIPPED, /* is not imported: @reason says why */
} WspCsvRowFate;

typedef struct
{
  guint          line;   /* 1-based line of the file where the row begins */
  WspCsvRowFate  fate;
  char          *name;   /* the organisation's name, or NULL */
  char          *reason; /* for a row skipped: why, in words for the secretary */
} WspCsvRowPreview;

void         wsp_csv_row_preview_free      (WspCsvRowPreview *preview);
GPtrArray   *wsp_csv_preview               (WspStore           *store,
                                            WspCsvTable        *table,
                                            const WspCsvField  *mapping,
                                            GError            **error);

/* What an import did. Start it zeroed ({ 0 }); clear it when done. */
typedef struct
{
  guint      added;
  guint      updated;
  guint      unchanged;
  guint      skipped;
  GPtrArray *skipped_rows; /* of WspCsvSkippedRow, in the order of the file */
} WspCsvImportReport;

void         wsp_csv_import_report_clear   (WspCsvImportReport *report);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (WspCsvImportReport, wsp_csv_import_report_clear)

gboolean     wsp_csv_import                (WspStore           *store,
                                            WspCsvTable        *table,
                                            const WspCsvField  *mapping,
                                            WspCsvImportReport *report,
                                            GError            **error);
void         wsp_csv_import_async          (WspStore            *store,
                                            WspCsvTable         *table,
                                            const WspCsvField   *mapping,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
gboolean     wsp_csv_import_finish         (WspStore            *store,
                                            GAsyncResult        *result,
                                            WspCsvImportReport  *report,
                                            GError             **error);

G_END_DECLS
