/* wsp-record.h — the base class of every stored record
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "records/wsp-entity.h"

G_BEGIN_DECLS

#define WSP_RECORD_ERROR (wsp_record_error_quark ())

typedef enum
{
  WSP_RECORD_ERROR_REQUIRED,
  WSP_RECORD_ERROR_INVALID,
  WSP_RECORD_ERROR_APPEND_ONLY,
  WSP_RECORD_ERROR_NOT_FOUND,
  WSP_RECORD_ERROR_UNKNOWN_FIELD,
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
char            *wsp_field_format_value      (const WspField *field,
                                              JsonNode       *value);
char            *wsp_record_format_field     (WspRecord      *self,
                                              const char     *field);

WspRecord       *wsp_record_new              (GType           type);

/* For the store. */
void             wsp_record_load             (WspRecord      *self,
                                              JsonObject     *values,
                                              const char     *revision,
                                              gboolean        conflicted);
JsonObject      *wsp_record_get_values       (WspRecord      *self);
GStrv            wsp_record_dup_dirty_fields (WspRecord      *self);
void             wsp_record_clear_dirty      (WspRecord      *self);

/* A kind of record: a final subclass of WspRecord described by a WspEntity.
 * In the header:  WSP_DECLARE_RECORD (WspSeat, wsp_seat, WSP, SEAT)
 * In the source:  WSP_DEFINE_RECORD (WspSeat, wsp_seat, &seat_entity)
 * which also defines wsp_seat_new(). */
#define WSP_DECLARE_RECORD(ModuleObjName, module_obj_name, MODULE, OBJ_NAME)   \
  G_DECLARE_FINAL_TYPE (ModuleObjName, module_obj_name, MODULE, OBJ_NAME, WspRecord) \
  ModuleObjName *module_obj_name##_new (void);

#define WSP_DEFINE_RECORD(ModuleObjName, module_obj_name, entity_pointer)       \
  struct _##ModuleObjName { WspRecord parent_instance; };                      \
  G_DEFINE_FINAL_TYPE (ModuleObjName, module_obj_name, WSP_TYPE_RECORD)         \
  ModuleObjName *module_obj_name##_new (void)                                  \
  {                                                                            \
    return g_object_new (module_obj_name##_get_type (), NULL);                 \
  }                                                                            \
  static void module_obj_name##_class_init (ModuleObjName##Class *klass)       \
  {                                                                            \
    wsp_record_class_set_entity (WSP_RECORD_CLASS (klass), entity_pointer);    \
  }                                                                            \
  static void module_obj_name##_init (ModuleObjName *self)                     \
  {                                                                            \
  }

G_END_DECLS
