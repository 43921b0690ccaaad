/* wsp-comment-typing.c — what is typed in a comment form, kept before it is saved
 *
 * Comments are append-only records that travel to the other laptops once
 * saved, so a half-written comment is not one of them. What the form
 * holds is kept, as it is typed, in this laptop's database only (its
 * local settings, never exported): a form closed by mistake, or a laptop
 * whose battery ran out, gives it back when the form opens again for the
 * same draft (or the same comment being corrected). Saving the comment, or
 * throwing the typing away, forgets it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "domain/wsp-comment-typing.h"

static char *
key_of (const char *draft_id,
        const char *correcting_id)
{
  return correcting_id != NULL ? g_strdup_printf ("comment-typing:%s:%s", draft_id, correcting_id)
                               : g_strdup_printf ("comment-typing:%s", draft_id);
}

/* Keeps @fields (strings by field name) as what is typed for a new comment
 * on @draft_id, or for the correction of @correcting_id. */
gboolean
wsp_comment_typing_keep (WspStore    *store,
                         const char  *draft_id,
                         const char  *correcting_id,
                         JsonObject  *fields,
                         GError     **error)
{
  g_autofree char *key = NULL;
  g_autoptr (JsonNode) node = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (WSP_IS_STORE (store), FALSE);
  g_return_val_if_fail (draft_id != NULL && fields != NULL, FALSE);

  key = key_of (draft_id, correcting_id);
  node = json_node_init_object (json_node_alloc (), fields);
  text = json_to_string (node, FALSE);
  return wsp_store_set_meta (store, key, text, error);
}

/**
 * wsp_comment_typing_restore:
 * @store: the store
 * @draft_id: the draft
 * @correcting_id: (nullable): the comment being corrected
 *
 * Returns: (transfer full) (nullable): what was typed and not saved, or
 *   %NULL when nothing is kept
 */
JsonObject *
wsp_comment_typing_restore (WspStore   *store,
                            const char *draft_id,
                            const char *correcting_id)
{
  g_autofree char *key = key_of (draft_id, correcting_id);
  g_autofree char *text = wsp_store_dup_meta (store, key);
  g_autoptr (JsonNode) node = NULL;

  if (text == NULL || *text == '\0')
    return NULL;
  node = json_from_string (text, NULL);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  return json_object_ref (json_node_get_object (node));
}

/* Forgets what was typed: the comment is saved, or thrown away. */
gboolean
wsp_comment_typing_forget (WspStore    *store,
                           const char  *draft_id,
                           const char  *correcting_id,
                           GError     **error)
{
  g_autofree char *key = key_of (draft_id, correcting_id);
  g_autofree char *text = wsp_store_dup_meta (store, key);

  if (text == NULL || *text == '\0')
    return TRUE;
  return wsp_store_set_meta (store, key, "", error);
}
