/* wsp-store-query.c — reading records, lists, search, history and conflicts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "base/wsp-json.h"
#include "base/wsp-text.h"
#include "records/wsp-entities.h"
#include "store/wsp-store-private.h"

/* A record from a row of `records` (id, entity, winner, conflicts, body
 * from @first_column on). */
WspRecord *
wsp_store_record_from_row (sqlite3_stmt *stmt,
                           int           first_column)
{
  const char *id = (const char *) sqlite3_column_text (stmt, first_column);
  const char *entity = (const char *) sqlite3_column_text (stmt, first_column + 1);
  const char *winner = (const char *) sqlite3_column_text (stmt, first_column + 2);
  gboolean conflicted = sqlite3_column_int (stmt, first_column + 3) > 0;
  const char *body = (const char *) sqlite3_column_text (stmt, first_column + 4);
  g_autoptr (JsonObject) values = wsp_json_parse_object (body, NULL);
  WspRecord *record = wsp_record_new_for_entity (entity, id);

  if (record != NULL)
    wsp_record_load (record, values, winner, conflicted);
  return record;
}

/* The live record @id, or NULL with NOT_FOUND. */
WspRecord *
wsp_store_get (WspStore    *self,
               const char  *id,
               GError     **error)
{
  sqlite3_stmt *stmt;
  WspRecord *record = NULL;
  int rc;

  g_return_val_if_fail (WSP_IS_STORE (self), NULL);

  stmt = wsp_database_statement (self->database, "SELECT id, entity, winner, conflicts, body FROM records "
                    "WHERE id = ? AND deleted = 0",
                    error);
  if (stmt == NULL)
    return NULL;
  wsp_database_bind_text (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    record = wsp_store_record_from_row (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      wsp_database_set_error (self->database, rc, error);
      return NULL;
    }
  if (record == NULL)
    {
      /* Merged into another record: that one is what it is now. */
      g_autofree char *into = NULL;

      stmt = wsp_database_statement (self->database,
                                     "SELECT json_extract (body, '$." WSP_STORE_MERGED_FIELD "') FROM records "
                                     "WHERE id = ? AND deleted = 1",
                                     error);
      if (stmt == NULL)
        return NULL;
      wsp_database_bind_text (stmt, 1, id);
      if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_text (stmt, 0) != NULL)
        into = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      sqlite3_reset (stmt);
      if (into != NULL && g_strcmp0 (into, id) != 0 && self->following < 8)
        {
          self->following++;
          record = wsp_store_get (self, into, error);
          self->following--;
          return record;
        }
      g_set_error (error, WSP_STORE_ERROR, WSP_STORE_ERROR_NOT_FOUND,
                   _("The record was not found. It may have been deleted."));
    }
  return record;
}

/* @name's value in @object, or NULL. */
JsonNode *
wsp_store_member (JsonObject *object,
                  const char *name)
{
  return object != NULL && json_object_has_member (object, name)
           ? json_object_get_member (object, name) : NULL;
}

/* Appends to @records the live records of @type whose @field equals @value
 * (all of them when @field is NULL), in the entity's list order. */
gboolean
wsp_store_query (WspStore    *self,
                 GType        type,
                 const char  *field,
                 const char  *value,
                 GPtrArray   *records,
                 GError     **error)
{
  const WspEntity *entity;
  g_autoptr (GString) sql = g_string_new (NULL);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (WSP_IS_STORE (self), FALSE);
  g_return_val_if_fail (g_type_is_a (type, WSP_TYPE_RECORD), FALSE);

  entity = wsp_entities_for_type (type);
  if (field != NULL && wsp_entity_find_field (entity, field) == NULL)
    {
      g_critical ("%s has no field %s", entity->name, field);
      return FALSE;
    }

  g_string_append_printf (sql,
                          /* CROSS JOIN keeps the small table outside: without
                           * it the planner may walk every record instead. */
                          "SELECT r.id, r.entity, r.winner, r.conflicts, r.body FROM %s e "
                          "CROSS JOIN records r ON r.id = e.id",
                          entity->name);
  if (field != NULL)
    g_string_append_printf (sql, " WHERE e.%s = ?", field);
  {
    g_autofree char *order = wsp_entity_order_sql (entity, "e");
    g_string_append_printf (sql, " ORDER BY %s", order);
  }

  stmt = wsp_database_statement (self->database, sql->str, error);
  if (stmt == NULL)
    return FALSE;
  if (field != NULL)
    wsp_database_bind_text (stmt, 1, value);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      WspRecord *record = wsp_store_record_from_row (stmt, 0);
      if (record != NULL)
        g_ptr_array_add (records, record);
    }
  if (!wsp_database_rows_done (self->database, stmt, rc, error))
    return FALSE;
  return TRUE;
}

guint
wsp_store_count (WspStore *self,
                 GType     type)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", wsp_entities_for_type (type)->name);
  sqlite3_stmt *stmt = wsp_database_statement (self->database, sql, NULL);
  guint count = 0;

  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    count = (guint) sqlite3_column_int64 (stmt, 0);
  if (stmt != NULL)
    sqlite3_reset (stmt);
  return count;
}

/* Turns what a person typed into an FTS5 query: each word a prefix, all
 * words required; FTS syntax characters are taken literally. */
static char *
search_expression (const char *text)
{
  g_autoptr (GString) expr = g_string_new (NULL);
  g_autofree char *folded = wsp_text_fold (text);
  g_auto (GStrv) words = g_strsplit_set (folded, " \t\n\r,;.:!?()[]{}\"'*^+-/\\", -1);

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (words[i][0] == '\0')
        continue;
      if (expr->len > 0)
        g_string_append_c (expr, ' ');
      g_string_append_printf (expr, "\"%s\"*", words[i]);
    }
  return g_string_free (g_steal_pointer (&expr), expr->len == 0);
}

/* The live records whose words match @text, best first. */
GListModel *
wsp_store_search (WspStore    *self,
                  const char  *text,
                  guint        limit,
                  GError     **error)
{
  g_autofree char *expr = NULL;
  g_autoptr (GListStore) results = g_list_store_new (WSP_TYPE_RECORD);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (WSP_IS_STORE (self), NULL);

  expr = search_expression (text != NULL ? text : "");
  if (expr == NULL)
    return G_LIST_MODEL (g_steal_pointer (&results));

  stmt = wsp_database_statement (self->database, "SELECT r.id, r.entity, r.winner, r.conflicts, r.body FROM search s "
                    "CROSS JOIN records r ON r.id = s.record_id "
                    "WHERE search MATCH ? AND r.deleted = 0 ORDER BY bm25(search, 0, 0, 10.0, 1.0) "
                    "LIMIT ?",
                    error);
  if (stmt == NULL)
    return NULL;
  wsp_database_bind_text (stmt, 1, expr);
  sqlite3_bind_int (stmt, 2, limit > 0 ? (int) limit : -1);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr (WspRecord) record = wsp_store_record_from_row (stmt, 0);
      if (record != NULL)
        g_list_store_append (results, record);
    }
  if (!wsp_database_rows_done (self->database, stmt, rc, error))
    return NULL;
  return G_LIST_MODEL (g_steal_pointer (&results));
}

void
wsp_history_entry_free (WspHistoryEntry *entry)
{
  g_free (entry->rev_id);
  g_free (entry->peer_id);
  g_strfreev (entry->parents);
  g_strfreev (entry->fields);
  g_clear_pointer (&entry->time, g_date_time_unref);
  g_free (entry);
}

static GDateTime *
time_of (WspHlc hlc)
{
  return g_date_time_new_from_unix_local ((gint64) (wsp_hlc_millis (hlc) / 1000));
}

/* Every change of the record @id, oldest first (WspHistoryEntry): who made
 * it, when, what it did and which fields it set. */
GPtrArray *
wsp_store_dup_history (WspStore    *self,
                       const char  *id,
                       GError     **error)
{
  sqlite3_stmt *stmt = wsp_database_statement (self->database,
                                               "SELECT c.rev_id, c.parents, c.sets, c.hlc, "
                                               "coalesce (s.peer_id, c.stream) FROM changes c "
                                               "LEFT JOIN streams s ON s.stream = c.stream "
                                               "WHERE c.record_id = ? ORDER BY c.hlc, c.rev_id",
                                               error);
  g_autoptr (GPtrArray) history = g_ptr_array_new_with_free_func ((GDestroyNotify) wsp_history_entry_free);
  int rc;

  g_return_val_if_fail (WSP_IS_STORE (self), NULL);

  if (stmt == NULL)
    return NULL;
  wsp_database_bind_text (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      WspHistoryEntry *entry = g_new0 (WspHistoryEntry, 1);
      g_autoptr (JsonNode) parents = json_from_string ((const char *) sqlite3_column_text (stmt, 1), NULL);
      g_autoptr (JsonObject) sets = wsp_json_parse_object ((const char *) sqlite3_column_text (stmt, 2), NULL);
      g_autoptr (GStrvBuilder) parent_ids = g_strv_builder_new ();
      g_autoptr (GStrvBuilder) fields = g_strv_builder_new ();
      g_autoptr (GList) names = sets != NULL ? json_object_get_members (sets) : NULL;
      JsonNode *deleted = sets != NULL ? wsp_store_member (sets, WSP_STORE_DELETED_FIELD) : NULL;

      entry->rev_id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      wsp_hlc_parse ((const char *) sqlite3_column_text (stmt, 3), &entry->hlc);
      entry->time = time_of (entry->hlc);
      entry->peer_id = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      for (guint i = 0; parents != NULL && JSON_NODE_HOLDS_ARRAY (parents)
                        && i < json_array_get_length (json_node_get_array (parents)); i++)
        g_strv_builder_add (parent_ids, json_array_get_string_element (json_node_get_array (parents), i));
      entry->parents = g_strv_builder_end (parent_ids);
      names = g_list_sort (names, (GCompareFunc) strcmp);
      for (GList *l = names; l != NULL; l = l->next)
        if (strcmp (l->data, WSP_STORE_DELETED_FIELD) != 0)
          g_strv_builder_add (fields, l->data);
      entry->fields = g_strv_builder_end (fields);
      entry->deleted = deleted != NULL && JSON_NODE_HOLDS_VALUE (deleted) && json_node_get_boolean (deleted);

      if (entry->parents[0] == NULL)
        entry->kind = WSP_CHANGE_CREATED;
      else if (entry->deleted)
        entry->kind = WSP_CHANGE_DELETED;
      else if (deleted != NULL)
        entry->kind = WSP_CHANGE_RESTORED;
      else
        entry->kind = entry->parents[1] != NULL ? WSP_CHANGE_MERGED : WSP_CHANGE_CHANGED;
      g_ptr_array_add (history, entry);
    }
  if (!wsp_database_rows_done (self->database, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&history);
}

static void
candidate_free (WspCandidate *candidate)
{
  g_free (candidate->rev_id);
  g_free (candidate->peer_id);
  g_clear_pointer (&candidate->time, g_date_time_unref);
  g_clear_pointer (&candidate->value, json_node_unref);
  g_free (candidate);
}

void
wsp_conflict_free (WspConflict *conflict)
{
  g_free (conflict->field);
  g_clear_pointer (&conflict->candidates, g_ptr_array_unref);
  g_free (conflict);
}

/* The fields of @id changed on two laptops at once (WspConflict), each with
 * every value it was given; a conflict whose field is NULL is a delete on
 * one laptop against an edit on another. */
GPtrArray *
wsp_store_dup_conflicts (WspStore    *self,
                         const char  *id,
                         GError     **error)
{
  sqlite3_stmt *stmt = wsp_database_statement (self->database,
                                               "SELECT field, candidates FROM conflicts WHERE record_id = ? "
                                               "ORDER BY field",
                                               error);
  g_autoptr (GPtrArray) conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) wsp_conflict_free);
  int rc;

  g_return_val_if_fail (WSP_IS_STORE (self), NULL);

  if (stmt == NULL)
    return NULL;
  wsp_database_bind_text (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *field = (const char *) sqlite3_column_text (stmt, 0);
      g_autoptr (JsonNode) node = json_from_string ((const char *) sqlite3_column_text (stmt, 1), NULL);
      gboolean deleted = g_strcmp0 (field, WSP_STORE_DELETED_FIELD) == 0;
      WspConflict *conflict;
      JsonArray *array;

      if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
        continue;
      array = json_node_get_array (node);
      conflict = g_new0 (WspConflict, 1);
      conflict->field = deleted ? NULL : g_strdup (field);
      conflict->candidates = g_ptr_array_new_with_free_func ((GDestroyNotify) candidate_free);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonObject *c = json_array_get_object_element (array, i);
          WspCandidate *candidate = g_new0 (WspCandidate, 1);
          JsonNode *value = wsp_store_member (c, "value");
          WspHlc hlc = 0;

          candidate->rev_id = g_strdup (json_object_get_string_member (c, "rev"));
          candidate->peer_id = g_strdup (json_object_get_string_member (c, "peer"));
          if (wsp_hlc_parse (json_object_get_string_member (c, "hlc"), &hlc))
            {
              candidate->hlc = hlc;
              candidate->time = time_of (hlc);
            }
          if (deleted)
            candidate->deletes = value != NULL && JSON_NODE_HOLDS_VALUE (value) && json_node_get_boolean (value);
          else if (value != NULL && !JSON_NODE_HOLDS_NULL (value))
            candidate->value = json_node_copy (value);
          g_ptr_array_add (conflict->candidates, candidate);
        }
      /* The delete comes first: it is the question a person answers first. */
      if (deleted)
        g_ptr_array_insert (conflicts, 0, conflict);
      else
        g_ptr_array_add (conflicts, conflict);
    }
  if (!wsp_database_rows_done (self->database, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&conflicts);
}

/* How many records wait for a person to resolve a conflict. */
guint
wsp_store_count_conflicts (WspStore *self)
{
  sqlite3_stmt *stmt = wsp_database_statement (self->database, "SELECT count(*) FROM records WHERE conflicts > 0", NULL);
  guint count = 0;

  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    count = (guint) sqlite3_column_int64 (stmt, 0);
  if (stmt != NULL)
    sqlite3_reset (stmt);
  return count;
}

/* The ids of the live records that wait for a person to resolve a conflict. */
GPtrArray *
wsp_store_dup_conflicted_ids (WspStore  *self,
                              GError   **error)
{
  sqlite3_stmt *stmt = wsp_database_statement (self->database, "SELECT id FROM records WHERE conflicts > 0 AND deleted = 0 "
                                  "ORDER BY entity, updated_hlc",
                                  error);
  g_autoptr (GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (ids, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  if (!wsp_database_rows_done (self->database, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&ids);
}
