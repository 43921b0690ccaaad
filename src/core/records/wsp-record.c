/* wsp-record.c — the base class of every stored record
 *
 * A record is a set of named fields described by its class's WspEntity.
 * Each field is also a GObject property (name with '-' for '_'), so views
 * can bind to it. Values are kept as JSON nodes, together with any fields a
 * newer version of the app wrote, so nothing is lost on the way through.
 * Setting a field marks it changed: the store saves only changed fields on top
 * of the current state, so an edit never undoes someone else's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "base/wsp-text.h"
#include "records/wsp-record.h"

typedef struct
{
  char       *id;
  char       *revision;
  gboolean    conflicted;
  JsonObject *values;
  GHashTable *dirty;
} WspRecordPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (WspRecord, wsp_record, G_TYPE_OBJECT)

/* clang-format off */
G_DEFINE_QUARK (wsp-record-error-quark, wsp_record_error)
/* clang-format on */

enum {
  PROP_0,
  PROP_ID,
  PROP_REVISION,
  PROP_CONFLICTED,
  PROP_TITLE,
  N_PROPS,
  /* Field properties are numbered from here, in the entity's field order. */
  PROP_FIELD_BASE = 64,
};

static GParamSpec *properties[N_PROPS];

static void wsp_record_get_property (GObject *object, guint prop_id, GValue *value,
                                     GParamSpec *pspec);
static void wsp_record_set_property (GObject *object, guint prop_id, const GValue *value,
                                     GParamSpec *pspec);

const WspEntity *
wsp_record_get_entity (WspRecord *self)
{
  g_return_val_if_fail (WSP_IS_RECORD (self), NULL);
  return WSP_RECORD_GET_CLASS (self)->entity;
}

static char *
property_name (const char *field)
{
  char *name = g_strdup (field);

  g_strdelimit (name, "_", '-');
  return name;
}

/* Installs one property per field of @entity on @klass. */
void
wsp_record_class_set_entity (WspRecordClass  *klass,
                             const WspEntity *entity)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  /* GObject does not inherit these: each class that installs properties
   * names its accessors. */
  object_class->get_property = wsp_record_get_property;
  object_class->set_property = wsp_record_set_property;
  klass->entity = entity;
  for (guint i = 0; i < entity->n_fields; i++)
    {
      const WspField *field = &entity->fields[i];
      g_autofree char *name = property_name (field->name);
      GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY;
      GParamSpec *pspec;

      switch (field->type)
        {
        case WSP_FIELD_INT:
          pspec = g_param_spec_int64 (name, NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
          break;
        case WSP_FIELD_BOOL:
          pspec = g_param_spec_boolean (name, NULL, NULL, FALSE, flags);
          break;
        case WSP_FIELD_LIST:
          pspec = g_param_spec_boxed (name, NULL, NULL, G_TYPE_STRV, flags);
          break;
        case WSP_FIELD_TEXT:
        case WSP_FIELD_DATE:
        case WSP_FIELD_DATETIME:
        case WSP_FIELD_ENUM:
        case WSP_FIELD_REF:
        case WSP_FIELD_JSON:
        default:
          pspec = g_param_spec_string (name, NULL, NULL, NULL, flags);
          break;
        }
      g_object_class_install_property (object_class, PROP_FIELD_BASE + i, pspec);
    }
}

const char *
wsp_record_get_id (WspRecord *self)
{
  WspRecordPrivate *priv = wsp_record_get_instance_private (self);

  g_return_val_if_fail (WSP_IS_RECORD (self), NULL);
  return priv->id;
}

/* The current revision this record was read at; NULL for a new record. */
const char *
wsp_record_get_revision (WspRecord *self)
{
  WspRecordPrivate *priv = wsp_record_get_instance_private (self);

  g_return_val_if_fail (WSP_IS_RECORD (self), NULL);
  return priv->revision;
}

/* Whether some field was changed on two laptops and waits for a person. */
gboolean
wsp_record_get_conflicted (WspRecord *self)
{
  WspRecordPrivate *priv = wsp_record_get_instance_private (self);

  g_return_val_if_fail (WSP_IS_RECORD (self), FALSE);
  return priv->conflicted;
}

JsonNode *
wsp_record_get_value (WspRecord  *self,
                      const char *field)
{
  WspRecordPrivate *priv = wsp_record_get_instance_private (self);

  g_return_val_if_fail (WSP_IS_RECORD (self), NULL);
  if (!json_object_has_member (priv->values, field))
    return NULL;
  return json_object_get_member (priv->values, field);
}

const char *
wsp_record_get_string (WspRecord  *self,
                       const char *field)
{
  JsonNode *node = wsp_record_get_value (self, field);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

gint64
wsp_record_get_int (WspRecord  *self,
                    const char *field)
{
  JsonNode *node = wsp_record_get_value (self, field);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_INT64)
    return 0;
  return json_node_get_int (node);
}

gboolean
wsp_record_get_bool (WspRecord  *self,
                     const char *field)
{
  JsonNode *node = wsp_record_get_value (self, field);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return FALSE;
  return json_node_get_boolean (node);
}

GStrv
wsp_record_dup_list (WspRecord  *self,
                     const char *field)
{
  JsonNode *node = wsp_record_get_value (self, field);
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();

  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *item = json_array_get_element (array, i);
          if (json_node_get_value_type (item) == G_TYPE_STRING)
            g_strv_builder_add (builder, json_node_get_string (item));
        }
    }
  return g_strv_builder_end (builder);
}

static void
notify_field (WspRecord  *self,
              const char *field)
{
  g_autofree char *name = property_name (field);
  const WspField *f = wsp_entity_find_field (wsp_record_get_entity (self), field);

  if (f != NULL)
    g_object_notify (G_OBJECT (self), name);
  if (f != NULL && (f->flags & WSP_FIELD_TITLE))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

/* Sets @field to @value (taking it), or removes it when @value is NULL. */
void
wsp_record_set_value (WspRecord  *self,
                      const char *field,
                      JsonNode   *value)
{
  WspRecordPrivate *priv = wsp_record_get_instance_private (self);
  JsonNode *old;

  g_return_if_fail (WSP_IS_RECORD (self));
  g_return_if_fail (field != NULL);

#ifdef WSP_DEBUG
  /* A misspelled field would be saved and travel to the other laptops:
   * saving refuses it (wsp_record_validate), and debug builds say where. */
  if (wsp_entity_find_field (wsp_record_get_entity (self), field) == NULL)
    g_critical ("A %s has no field “%s”", wsp_record_get_entity (self)->name, field);
#endif

  old = json_object_has_member (priv->values, field)
          ? json_object_get_member (priv->values, field) : NULL;
  if ((old == NULL && value == NULL)
      || (old != NULL && value != NULL && json_node_equal (old, value)))
    {
      if (value != NULL)
        json_node_unref (value);
      return;
    }

  if (value == NULL)
    json_object_remove_member (priv->values, field);
  else
    json_object_set_member (priv->values, field, value);
  g_hash_table_add (priv->dirty, g_strdup (field));
  notify_field (self, field);
}

void
wsp_record_set_string (WspRecord  *self,
                       const char *field,
                       const char *value)
{
  /* An empty text is no text: it is not stored. */
  if (value == NULL || value[0] == '\0')
    wsp_record_set_value (self, field, NULL);
  else
    wsp_record_set_value (self, field, json_node_init_string (json_node_alloc (), value));
}

void
wsp_record_set_int (WspRecord  *self,
                    const char *field,
                    gint64      value)
{
  wsp_record_set_value (self, field, json_node_init_int (json_node_alloc (), value));
}

void
wsp_record_set_bool (WspRecord  *self,
                     const char *field,
                     gboolean    value)
{
  wsp_record_set_value (self, field, json_node_init_boolean (json_node_alloc (), value));
}

void
wsp_record_set_list (WspRecord          *self,
                     const char         *field,
                     const char * const *value)
{
  JsonArray *array;

  if (value == NULL || value[0] == NULL)
    {
      wsp_record_set_value (self, field, NULL);
      return;
    }
  array = json_array_new ();
  for (guint i = 0; value[i] != NULL; i++)
    json_array_add_string_element (array, value[i]);
  wsp_record_set_value (self, field, json_node_init_array (json_node_alloc (), array));
  json_array_unref (array);
}

static gboolean
is_valid_date (const char *text)
{
  int y, m, d;
  char extra;

  if (strlen (text) != 10 || sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &extra) != 3)
    return FALSE;
  return g_date_valid_dmy (d, m, y);
}

static gboolean
is_valid_datetime (const char *text)
{
  g_autoptr (GDateTime) dt = g_date_time_new_from_iso8601 (text, NULL);
  return dt != NULL;
}

static gboolean
is_uuid_like (const char *text)
{
  return g_uuid_string_is_valid (text);
}

/* Checks that every field set is one the entity has, the required fields,
 * the kinds of values and the entity's own rules; the message says which
 * field is wrong and why. Fields a newer version of the app stored (and
 * that came here through sync) are not set here, so they are kept. */
gboolean
wsp_record_validate (WspRecord  *self,
                     GError    **error)
{
  WspRecordPrivate *priv = wsp_record_get_instance_private (self);
  const WspEntity *entity = wsp_record_get_entity (self);
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, priv->dirty);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (wsp_entity_find_field (entity, key) == NULL)
      {
        g_set_error (error, WSP_RECORD_ERROR, WSP_RECORD_ERROR_UNKNOWN_FIELD,
                     _("The app tried to save “%s”, which a %s does not have. Nothing was saved."),
                     (const char *) key, _(entity->label));
        return FALSE;
      }

  for (guint i = 0; i < entity->n_fields; i++)
    {
      const WspField *f = &entity->fields[i];
      JsonNode *node = wsp_record_get_value (self, f->name);
      const char *text = NULL;
      GType vtype;

      if (node == NULL || JSON_NODE_HOLDS_NULL (node))
        {
          if (f->flags & WSP_FIELD_REQUIRED)
            {
              g_set_error (error, WSP_RECORD_ERROR, WSP_RECORD_ERROR_REQUIRED,
                           _("“%s” must be filled in."), _(f->label));
              return FALSE;
            }
          continue;
        }

      vtype = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;
      if (vtype == G_TYPE_STRING)
        text = json_node_get_string (node);

      switch (f->type)
        {
        case WSP_FIELD_INT:
          if (vtype != G_TYPE_INT64)
            goto wrong_kind;
          break;
        case WSP_FIELD_BOOL:
          if (vtype != G_TYPE_BOOLEAN)
            goto wrong_kind;
          break;
        case WSP_FIELD_LIST:
        case WSP_FIELD_JSON:
          if (!JSON_NODE_HOLDS_ARRAY (node) && !JSON_NODE_HOLDS_OBJECT (node))
            goto wrong_kind;
          break;
        case WSP_FIELD_DATE:
          if (text == NULL || !is_valid_date (text))
            {
              g_set_error (error, WSP_RECORD_ERROR, WSP_RECORD_ERROR_INVALID,
                           _("“%s” is not a valid date."), _(f->label));
              return FALSE;
            }
          break;
        case WSP_FIELD_DATETIME:
          if (text == NULL || !is_valid_datetime (text))
            {
              g_set_error (error, WSP_RECORD_ERROR, WSP_RECORD_ERROR_INVALID,
                           _("“%s” is not a valid date and time."), _(f->label));
              return FALSE;
            }
          break;
        case WSP_FIELD_ENUM:
          if (text == NULL || wsp_choice_find (f->choices, text) == NULL)
            {
              g_set_error (error, WSP_RECORD_ERROR, WSP_RECORD_ERROR_INVALID,
                           _("“%s” has a value the app does not know."), _(f->label));
              return FALSE;
            }
          break;
        case WSP_FIELD_REF:
          if (text == NULL || !is_uuid_like (text))
            {
              g_set_error (error, WSP_RECORD_ERROR, WSP_RECORD_ERROR_INVALID,
                           _("“%s” does not point to a record."), _(f->label));
              return FALSE;
            }
          break;
        case WSP_FIELD_TEXT:
        default:
          if (text == NULL)
            goto wrong_kind;
          break;
        }
      continue;

    wrong_kind:
      g_set_error (error, WSP_RECORD_ERROR, WSP_RECORD_ERROR_INVALID,
                   _("“%s” holds the wrong kind of value."), _(f->label));
      return FALSE;
    }

  if (entity->validate != NULL)
    return entity->validate (self, error);
  return TRUE;
}

/* A short text that names the record: its title fields joined. */
char *
wsp_record_dup_title (WspRecord *self)
{
  const WspEntity *entity = wsp_record_get_entity (self);
  g_autoptr (GString) title = g_string_new (NULL);

  for (guint i = 0; i < entity->n_fields; i++)
    {
      const char *text;

      if (!(entity->fields[i].flags & WSP_FIELD_TITLE))
        continue;
      text = wsp_record_get_string (self, entity->fields[i].name);
      if (text == NULL || *text == '\0')
        continue;
      if (title->len > 0)
        g_string_append (title, " — ");
      g_string_append (title, text);
    }
  return g_string_free (g_steal_pointer (&title), FALSE);
}

/* @value of @field as a person reads it (a choice by its label, a date in
 * the locale's format); NULL when there is no value. */
char *
wsp_field_format_value (const WspField *field,
                        JsonNode       *value)
{
  GType vtype;
  const char *text = NULL;

  g_return_val_if_fail (field != NULL, NULL);

  if (value == NULL || JSON_NODE_HOLDS_NULL (value))
    return NULL;
  vtype = JSON_NODE_HOLDS_VALUE (value) ? json_node_get_value_type (value) : G_TYPE_INVALID;
  if (vtype == G_TYPE_STRING)
    text = json_node_get_string (value);

  switch (field->type)
    {
    case WSP_FIELD_ENUM:
      {
        const char *label = wsp_choice_label (field->choices, text);
        if (label != NULL)
          return g_strdup (label);
      }
      break;
    case WSP_FIELD_BOOL:
      if (vtype == G_TYPE_BOOLEAN)
        return g_strdup (json_node_get_boolean (value) ? _("Yes") : _("No"));
      break;
    case WSP_FIELD_INT:
      if (vtype == G_TYPE_INT64)
        return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (value));
      break;
    case WSP_FIELD_DATE:
      if (text != NULL && is_valid_date (text))
        {
          g_autoptr (GDateTime) day = NULL;
          int y, m, d;

          sscanf (text, "%4d-%2d-%2d", &y, &m, &d);
          day = g_date_time_new_local (y, m, d, 0, 0, 0);
          if (day != NULL)
            return wsp_text_format_date (day, FALSE);
        }
      break;
    case WSP_FIELD_DATETIME:
      if (text != NULL)
        {
          g_autoptr (GDateTime) parsed = g_date_time_new_from_iso8601 (text, NULL);
          g_autoptr (GDateTime) local = parsed != NULL ? g_date_time_to_local (parsed) : NULL;

          if (local != NULL)
            return wsp_text_format_date (local, TRUE);
        }
      break;
    case WSP_FIELD_LIST:
      if (JSON_NODE_HOLDS_ARRAY (value))
        {
          JsonArray *array = json_node_get_array (value);
          g_autoptr (GString) out = g_string_new (NULL);

          for (guint i = 0; i < json_array_get_length (array); i++)
            {
              JsonNode *item = json_array_get_element (array, i);

              if (!JSON_NODE_HOLDS_VALUE (item) || json_node_get_value_type (item) != G_TYPE_STRING)
                continue;
              if (out->len > 0)
                g_string_append (out, ", ");
              g_string_append (out, json_node_get_string (item));
            }
          return g_string_free (g_steal_pointer (&out), FALSE);
        }
      break;
    case WSP_FIELD_TEXT:
    case WSP_FIELD_REF:
    case WSP_FIELD_JSON:
    default:
      break;
    }
  if (text != NULL)
    return g_strdup (text);
  return json_to_string (value, FALSE);
}

/* The value of @field as a person reads it, or NULL when it has none. */
char *
wsp_record_format_field (WspRecord  *self,
                         const char *field)
{
  const WspField *spec;

  g_return_val_if_fail (WSP_IS_RECORD (self), NULL);
  spec = wsp_entity_find_field (wsp_record_get_entity (self), field);
  g_return_val_if_fail (spec != NULL, NULL);
  return wsp_field_format_value (spec, wsp_record_get_value (self, field));
}

/* A new, empty record of @type, with a new id. */
WspRecord *
wsp_record_new (GType type)
{
  g_return_val_if_fail (g_type_is_a (type, WSP_TYPE_RECORD), NULL);
  return g_object_new (type, NULL);
}

/* Replaces the values with the stored state (taking a reference to @values). */
void
wsp_record_load (WspRecord  *self,
                 JsonObject *values,
                 const char *revision,
                 gboolean    conflicted)
{
  WspRecordPrivate *priv = wsp_record_get_instance_private (self);

  g_clear_pointer (&priv->values, json_object_unref);
  priv->values = values != NULL ? json_object_ref (values) : json_object_new ();
  g_free (priv->revision);
  priv->revision = g_strdup (revision);
  priv->conflicted = conflicted;
  g_hash_table_remove_all (priv->dirty);
}

JsonObject *
wsp_record_get_values (WspRecord *self)
{
  WspRecordPrivate *priv = wsp_record_get_instance_private (self);
  return priv->values;
}

GStrv
wsp_record_dup_dirty_fields (WspRecord *self)
{
  WspRecordPrivate *priv = wsp_record_get_instance_private (self);
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, priv->dirty);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_strv_builder_add (builder, key);
  return g_strv_builder_end (builder);
}

void
wsp_record_clear_dirty (WspRecord *self)
{
  WspRecordPrivate *priv = wsp_record_get_instance_private (self);
  g_hash_table_remove_all (priv->dirty);
}

static void
wsp_record_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  WspRecord *self = WSP_RECORD (object);
  WspRecordPrivate *priv = wsp_record_get_instance_private (self);
  const WspEntity *entity = wsp_record_get_entity (self);

  if (prop_id >= PROP_FIELD_BASE && entity != NULL && prop_id - PROP_FIELD_BASE < entity->n_fields)
    {
      const WspField *f = &entity->fields[prop_id - PROP_FIELD_BASE];
      JsonNode *node = wsp_record_get_value (self, f->name);

      switch (f->type)
        {
        case WSP_FIELD_INT:
          g_value_set_int64 (value, wsp_record_get_int (self, f->name));
          break;
        case WSP_FIELD_BOOL:
          g_value_set_boolean (value, wsp_record_get_bool (self, f->name));
          break;
        case WSP_FIELD_LIST:
          g_value_take_boxed (value, wsp_record_dup_list (self, f->name));
          break;
        case WSP_FIELD_JSON:
          g_value_take_string (value, node != NULL ? json_to_string (node, FALSE) : NULL);
          break;
        default:
          g_value_set_string (value, wsp_record_get_string (self, f->name));
          break;
        }
      return;
    }

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, priv->id);
      break;
    case PROP_REVISION:
      g_value_set_string (value, priv->revision);
      break;
    case PROP_CONFLICTED:
      g_value_set_boolean (value, priv->conflicted);
      break;
    case PROP_TITLE:
      g_value_take_string (value, wsp_record_dup_title (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wsp_record_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  WspRecord *self = WSP_RECORD (object);
  WspRecordPrivate *priv = wsp_record_get_instance_private (self);
  const WspEntity *entity = wsp_record_get_entity (self);

  if (prop_id >= PROP_FIELD_BASE && entity != NULL && prop_id - PROP_FIELD_BASE < entity->n_fields)
    {
      const WspField *f = &entity->fields[prop_id - PROP_FIELD_BASE];

      switch (f->type)
        {
        case WSP_FIELD_INT:
          wsp_record_set_int (self, f->name, g_value_get_int64 (value));
          break;
        case WSP_FIELD_BOOL:
          wsp_record_set_bool (self, f->name, g_value_get_boolean (value));
          break;
        case WSP_FIELD_LIST:
          wsp_record_set_list (self, f->name, g_value_get_boxed (value));
          break;
        case WSP_FIELD_JSON:
          {
            const char *text = g_value_get_string (value);
            wsp_record_set_value (self, f->name, text ? json_from_string (text, NULL) : NULL);
          }
          break;
        default:
          wsp_record_set_string (self, f->name, g_value_get_string (value));
          break;
        }
      return;
    }

  switch (prop_id)
    {
    case PROP_ID:
      g_free (priv->id);
      priv->id = g_value_dup_string (value);
      if (priv->id == NULL)
        priv->id = g_uuid_string_random ();
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wsp_record_finalize (GObject *object)
{
  WspRecord *self = WSP_RECORD (object);
  WspRecordPrivate *priv = wsp_record_get_instance_private (self);

  g_free (priv->id);
  g_free (priv->revision);
  g_clear_pointer (&priv->values, json_object_unref);
  g_clear_pointer (&priv->dirty, g_hash_table_unref);

  G_OBJECT_CLASS (wsp_record_parent_class)->finalize (object);
}

static void
wsp_record_class_init (WspRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = wsp_record_get_property;
  object_class->set_property = wsp_record_set_property;
  object_class->finalize = wsp_record_finalize;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REVISION] =
    g_param_spec_string ("revision", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONFLICTED] =
    g_param_spec_boolean ("conflicted", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
wsp_record_init (WspRecord *self)
{
  WspRecordPrivate *priv = wsp_record_get_instance_private (self);

  priv->values = json_object_new ();
  priv->dirty = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}
