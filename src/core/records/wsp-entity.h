/* wsp-entity.h — how a kind of record is described: its fields, their choices, its order
 *
 * Every kind of record is described once, by a WspEntity: the record class
 * takes its properties and validation from it, the store its projection
 * table, search columns and list order, the views the labels of its fields
 * and choices.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  WSP_FIELD_TEXT,
  WSP_FIELD_INT,
  WSP_FIELD_BOOL,
  WSP_FIELD_DATE,     /* YYYY-MM-DD */
  WSP_FIELD_DATETIME, /* ISO 8601 with offset */
  WSP_FIELD_ENUM,     /* the name of one of the field's choices */
  WSP_FIELD_REF,      /* the id of another record (indexed) */
  WSP_FIELD_LIST,     /* a list of strings */
  WSP_FIELD_JSON,     /* structured: an array or object */
} WspFieldType;

typedef enum
{
  WSP_FIELD_REQUIRED = 1 << 0,
  WSP_FIELD_TITLE    = 1 << 1, /* searched, and names the record */
  WSP_FIELD_CONTENT  = 1 << 2, /* searched */
  WSP_FIELD_INDEXED  = 1 << 3, /* records are looked up by it (references always are) */
} WspFieldFlags;

/**
 * WspChoice:
 * @value: the C enum value it stands for
 * @name: how it is stored and travels ("city_council")
 * @context: the translation context of @label
 * @label: NC_(): how a person calls it
 *
 * One allowed value of an enum field. A table of choices ends with a
 * choice whose @name is %NULL; its order is the order people see.
 */
typedef struct
{
  int         value;
  const char *name;
  const char *context;
  const char *label;
} WspChoice;

typedef struct
{
  const char      *name;    /* column, JSON key; the property is this with '-' for '_' */
  WspFieldType     type;
  WspFieldFlags    flags;
  const WspChoice *choices; /* WSP_FIELD_ENUM: the allowed values */
  const char      *label;   /* N_(): how a person calls it */
} WspField;

typedef enum
{
  WSP_SORT_ASCENDING  = 0,
  WSP_SORT_DESCENDING = 1 << 0,
  WSP_SORT_LOCALIZED  = 1 << 1, /* text as people of the locale sort it */
} WspSortFlags;

typedef struct
{
  const char   *field;
  WspSortFlags  flags;
} WspSortKey;

#define WSP_ENTITY_MAX_SORT_KEYS 4

typedef struct _WspRecord WspRecord;

typedef struct
{
  const char     *name;        /* also the projection table's name */
  const char     *label;       /* N_() */
  const WspField *fields;
  guint           n_fields;
  gboolean        append_only; /* votes, comments, opinions: corrected, never changed */
  /* How lists of it are sorted (then by id); the first key with a NULL
   * field ends the list. */
  WspSortKey      order[WSP_ENTITY_MAX_SORT_KEYS];
  gboolean      (*validate) (WspRecord *record, GError **error);
} WspEntity;

const WspField  *wsp_entity_find_field (const WspEntity *entity,
                                        const char      *name);
char            *wsp_entity_order_sql  (const WspEntity *entity,
                                        const char      *table_alias);

const WspChoice *wsp_choice_find       (const WspChoice *choices,
                                        const char      *name);
const WspChoice *wsp_choice_find_value (const WspChoice *choices,
                                        int              value);
int              wsp_choice_value      (const WspChoice *choices,
                                        const char      *name,
                                        int              fallback);
const char      *wsp_choice_name       (const WspChoice *choices,
                                        int              value);
const char      *wsp_choice_label      (const WspChoice *choices,
                                        const char      *name);
guint            wsp_choice_count      (const WspChoice *choices);

G_END_DECLS
