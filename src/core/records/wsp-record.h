/* wsp-record.h — the base class of every stored record
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef enum
{
  WSP_FIELD_TEXT,
  WSP_FIELD_INT,
  WSP_FIELD_BOOL,
  WSP_FIELD_DATE,     /* YYYY-MM-DD */
  WSP_FIELD_DATETIME, /* ISO 8601 with offset */
  WSP_FIELD_ENUM,     /* one of the field's choices */
  WSP_FIELD_REF,      /* the id of another record */
  WSP_FIELD_LIST,     /* a list of strings */
  WSP_FIELD_JSON,     /* structured: an array or object */
} WspFieldType;

typedef enum
{
  WSP_FIELD_REQUIRED = 1 << 0,
  WSP_FIELD_TITLE    = 1 << 1, /* searched, and names the record */
  WSP_FIELD_CONTENT  = 1 << 2, /* searched */
} WspFieldFlags;

typedef struct _WspRecord WspRecord;

typedef struct
{
  const char         *name;    /* column, JSON key; the property is this with '-' for '_' */
  WspFieldType        type;
  WspFieldFlags       flags;
  const char * const *choices; /* WSP_FIELD_ENUM: the allowed values, NULL-terminated */
  const char         *label;   /* N_(): how a person calls it */
} WspField;

typedef struct
{
  const char     *name;        /* also the table name */
  const char     *label;       /* N_() */
  const WspField *fields;
  guint           n_fields;
  gboolean        append_only; /* votes, comments, opinions: corrected, never changed */
  const char     *order_by;    /* SQL ORDER BY of lists */
  gboolean      (*validate) (WspRecord *record, GError **error);
} WspEntity;

#define WSP_RECORD_ERROR (wsp_record_error_quark ())

typedef enum
{
  WSP_RECORD_ERROR_REQUIRED,
  WSP_RECORD_ERROR_INVALID,
  WSP_RECORD_ERROR_APPEND_ONLY,
  WSP_RECORD_ERROR_NOT_FOUND,
} WspRecordError;

GQuark wsp_record_error_quark (void);

#define WSP_TYPE_RECORD (wsp_record_get_type ())

G_DECLARE_DERIVABLE_TYPE (WspRecord, wsp_record, WSP, RECORD, GObject)

struct _WspRecordClass
{
  GObjectClass parent_class;

  const WspEntity *entity;
};

void             wsp_record_class_set_entity (WspRecordClass *klass,
                                              const WspEntity *entity);
const WspEntity *wsp_record_get_entity       (WspRecord      *self);
const WspField  *wsp_entity_find_field       (const WspEntity *entity,
                                              const char     *name);

const char      *wsp_record_get_id           (WspRecord      *self);
const char      *wsp_record_get_revision     (WspRecord      *self);
gboolean         wsp_record_get_conflicted   (WspRecord      *self);

const char      *wsp_record_get_string       (WspRecord      *self,
                                              const char     *field);
gint64           wsp_record_get_int          (WspRecord      *self,
                                              const char     *field);
gboolean         wsp_record_get_bool         (WspRecord      *self,
                                              const char     *field);
GStrv            wsp_record_dup_list         (WspRecord      *self,
                                              const char     *field);
JsonNode        *wsp_record_get_value        (WspRecord      *self,
                                              const char     *field);
void             wsp_record_set_string       (WspRecord      *self,
                                              const char     *field,
                                              const char     *value);
void             wsp_record_set_int          (WspRecord      *self,
                                              const char     *field,
                                              gint64          value);
void             wsp_record_set_bool         (WspRecord      *self,
                                              const char     *field,
                                              gboolean        value);
void             wsp_record_set_list         (WspRecord      *self,
                                              const char     *field,
                                              const char * const *value);
void             wsp_record_set_value        (WspRecord      *self,
                                              const char     *field,
                                              JsonNode       *value);
gboolean         wsp_record_validate         (WspRecord      *self,
                                              GError        **error);
char            *wsp_record_dup_title        (WspRecord      *self);

/* For the store. */
WspRecord       *wsp_record_new_for_entity   (const char     *entity,
                                              const char     *id);
void             wsp_record_load             (WspRecord      *self,
                                              JsonObject     *values,
                                              const char     *revision,
                                              gboolean        conflicted);
JsonObject      *wsp_record_get_values       (WspRecord      *self);
GStrv            wsp_record_dup_dirty_fields (WspRecord      *self);
void             wsp_record_clear_dirty      (WspRecord      *self);

G_END_DECLS
