/* wsp-agenda.c — a meeting's agenda: items in an order every laptop agrees on
 *
 * Each item has a sparse position; the agenda is the items sorted by
 * position, then by id. A move writes one record: the moved item takes a
 * position halfway between its new neighbours'. Only when there is no
 * whole number between them, or two items share a position, is the agenda
 * spaced out again: every item, in its current order, gets
 * (its place + 1) × WSP_AGENDA_STEP, and only those whose position
 * changes are saved.
 *
 * Two laptops that edit one agenda at once exchange records, not a list,
 * so no item can be lost or doubled by the exchange: each item is one
 * record, added once, with its own id. Items put in the same place on both
 * laptops get the same position; the id decides between them, the same way
 * on every laptop. The spacing that follows is worked out from the order
 * alone, so two laptops that space out the same agenda write the same
 * values, which the store takes as one (no conflict). Only one item moved
 * to two different places at once is a conflict, which the store keeps for
 * a person while every laptop shows the same winner.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "domain/wsp-agenda.h"
#include "domain/wsp-meetings.h"
#include "records/wsp-records-meetings.h"

/* ---- the order ----------------------------------------------------------- */

static gint64
position_of (WspRecord *item)
{
  return wsp_record_get_value (item, "position") != NULL ? wsp_record_get_int (item, "position") : 0;
}

/* By position, then by id: the order of the agenda. */
int
wsp_agenda_compare (WspRecord *a,
                    WspRecord *b)
{
  gint64 pa = position_of (a);
  gint64 pb = position_of (b);

  if (pa != pb)
    return pa < pb ? -1 : 1;
  return strcmp (wsp_record_get_id (a), wsp_record_get_id (b));
}

static int
compare_pointers (gconstpointer a,
                  gconstpointer b)
{
  return wsp_agenda_compare (*(WspRecord **) a, *(WspRecord **) b);
}

/* Sorts @items (WspRecord) into the agenda's order. */
void
wsp_agenda_sort (GPtrArray *items)
{
  g_ptr_array_sort (items, compare_pointers);
}

/* Whether two of @items (sorted) share a position. */
gboolean
wsp_agenda_has_collisions (GPtrArray *items)
{
  for (guint i = 1; i < items->len; i++)
    if (position_of (g_ptr_array_index (items, i - 1)) == position_of (g_ptr_array_index (items, i)))
      return TRUE;
  return FALSE;
}

/**
 * wsp_agenda_position_between:
 * @has_before: whether there is an item before the place
 * @before: its position
 * @has_after: whether there is an item after the place
 * @after: its position
 * @position: (out): the position for an item at the place
 *
 * Returns: %FALSE when there is no whole number strictly between @before
 *   and @after, and the agenda must be spaced out first
 */
gboolean
wsp_agenda_position_between (gboolean  has_before,
                             gint64    before,
                             gboolean  has_after,
                             gint64    after,
                             gint64   *position)
{
  if (!has_before && !has_after)
    *position = WSP_AGENDA_STEP;
  else if (!has_after)
    {
      if (before > G_MAXINT64 - WSP_AGENDA_STEP)
        return FALSE;
      *position = before + WSP_AGENDA_STEP;
    }
  else if (!has_before)
    {
      if (after < G_MININT64 + WSP_AGENDA_STEP)
        return FALSE;
      *position = after - WSP_AGENDA_STEP;
    }
  else
    {
      if (after <= before || after - before < 2)
        return FALSE;
      *position = before + (after - before) / 2;
    }
  return TRUE;
}

/**
 * wsp_agenda_planned_starts:
 * @meeting: the meeting
 * @items: its items, in order
 *
 * Each item starts when the ones before it, taking their planned minutes,
 * are done; the first at the meeting's start.
 *
 * Returns: (transfer full) (element-type GDateTime): the planned start of
 *   each of @items; empty when the meeting has no start
 */
GPtrArray *
wsp_agenda_planned_starts (WspRecord *meeting,
                           GPtrArray *items)
{
  GPtrArray *starts = g_ptr_array_new_with_free_func ((GDestroyNotify) g_date_time_unref);
  const char *text = wsp_record_get_string (meeting, "starts_at");
  g_autoptr (GDateTime) at = text != NULL ? g_date_time_new_from_iso8601 (text, NULL) : NULL;

  if (at == NULL)
    return starts;
  for (guint i = 0; i < items->len; i++)
    {
      gint64 minutes = wsp_record_get_int (g_ptr_array_index (items, i), "planned_minutes");
      GDateTime *next = g_date_time_add_minutes (at, (int) CLAMP (minutes, 0, 24 * 60));

      g_ptr_array_add (starts, g_steal_pointer (&at));
      at = next;
    }
  return starts;
}

/* ---- in the store -------------------------------------------------------- */

/* The items of @meeting_id, in order; NULL with @error. */
GPtrArray *
wsp_agenda_items (WspStore    *store,
                  const char  *meeting_id,
                  GError     **error)
{
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  if (!wsp_store_query (store, WSP_TYPE_AGENDA_ITEM, "meeting_id", meeting_id, items, error))
    return NULL;
  wsp_agenda_sort (items);
  return g_steal_pointer (&items);
}

/* Refuses a change of the agenda of a meeting whose status locks it. */
gboolean
wsp_agenda_check_unlocked (WspRecord  *meeting,
                           GError    **error)
{
  WspMeetingStatus status = wsp_meeting_get_status (meeting);

  if (wsp_meeting_status_allows (status, WSP_MEETING_PART_AGENDA))
    return TRUE;
  if (status == WSP_MEETING_CANCELLED)
    g_set_error_literal (error, WSP_MEETINGS_ERROR, WSP_MEETINGS_ERROR_LOCKED,
                         _("The meeting is cancelled, so its agenda cannot change. Plan it again first."));
  else
    g_set_error_literal (error, WSP_MEETINGS_ERROR, WSP_MEETINGS_ERROR_LOCKED,
                         _("The meeting has been held, so its agenda stands as it was taken."));
  return FALSE;
}

/* Gives each of @items (in order, with @extra at @index when not NULL) the
 * position of its place, saving those that change. */
static gboolean
space_out (WspStore   *store,
           GPtrArray  *items,
           WspRecord  *extra,
           guint       index,
           GError    **error)
{
  g_autoptr (GPtrArray) all = g_ptr_array_new ();

  for (guint i = 0; i < items->len; i++)
    g_ptr_array_add (all, g_ptr_array_index (items, i));
  if (extra != NULL)
    g_ptr_array_insert (all, (int) MIN (index, all->len), extra);

  for (guint i = 0; i < all->len; i++)
    {
      WspRecord *item = g_ptr_array_index (all, i);
      gint64 wanted = (gint64) (i + 1) * WSP_AGENDA_STEP;

      if (position_of (item) == wanted && wsp_record_get_value (item, "position") != NULL && item != extra)
        continue;
      wsp_record_set_int (item, "position", wanted);
      if (!wsp_store_save (store, item, error))
        return FALSE;
    }
  return TRUE;
}

/* Puts @item (not among @items) at @index of @items, and saves it. */
static gboolean
place_item (WspStore   *store,
            GPtrArray  *items,
            WspRecord  *item,
            guint       index,
            GError    **error)
{
  gint64 position = 0;

  index = MIN (index, items->len);
  if (!wsp_agenda_has_collisions (items)
      && wsp_agenda_position_between (index > 0, index > 0 ? position_of (g_ptr_array_index (items, index - 1)) : 0,
                                      index < items->len,
                                      index < items->len ? position_of (g_ptr_array_index (items, index)) : 0,
                                      &position))
    {
      wsp_record_set_int (item, "position", position);
      return wsp_store_save (store, item, error);
    }
  return space_out (store, items, item, index, error);
}

/* Runs @func in one commit: all of it, or nothing. */
static gboolean
in_one_commit (WspStore  *store,
               gboolean   ok_so_far,
               GError   **error)
{
  if (!ok_so_far)
    {
      wsp_store_rollback (store);
      return FALSE;
    }
  return wsp_store_commit (store, error);
}

/**
 * wsp_agenda_insert:
 * @store: the store
 * @meeting: the meeting
 * @item: a new item (its meeting is set here)
 * @index: its place: 0 for the first, G_MAXUINT for after the last
 * @error: where to say why it was not added
 */
gboolean
wsp_agenda_insert (WspStore   *store,
                   WspRecord  *meeting,
                   WspRecord  *item,
                   guint       index,
                   GError    **error)
{
  g_autoptr (GPtrArray) items = NULL;

  g_return_val_if_fail (WSP_IS_AGENDA_ITEM (item), FALSE);
  if (!wsp_agenda_check_unlocked (meeting, error))
    return FALSE;
  wsp_record_set_string (item, "meeting_id", wsp_record_get_id (meeting));
  /* A new item once the invitations are out changes the agenda they sent. */
  if (g_strcmp0 (wsp_record_get_string (meeting, "status"), "planned") != 0
      && g_strcmp0 (wsp_record_get_string (meeting, "status"), "cancelled") != 0)
    {
      g_autoptr (WspRecord) stored = wsp_store_get (store, wsp_record_get_id (item), NULL);

      if (stored == NULL)
        wsp_record_set_bool (item, "added_late", TRUE);
    }
  if (!wsp_store_begin (store, error))
    return FALSE;
  items = wsp_agenda_items (store, wsp_record_get_id (meeting), error);
  return in_one_commit (store, items != NULL && place_item (store, items, item, index, error), error);
}

/**
 * wsp_agenda_move:
 * @store: the store
 * @meeting: the meeting
 * @item_id: one of its items
 * @index: where it goes, counted without it (0: first; past the end: last)
 * @error: where to say why it was not moved
 */
gboolean
wsp_agenda_move (WspStore    *store,
                 WspRecord   *meeting,
                 const char  *item_id,
                 guint        index,
                 GError     **error)
{
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (WspRecord) item = NULL;
  gboolean ok;

  if (!wsp_agenda_check_unlocked (meeting, error))
    return FALSE;
  if (!wsp_store_begin (store, error))
    return FALSE;
  items = wsp_agenda_items (store, wsp_record_get_id (meeting), error);
  if (items == NULL)
    return in_one_commit (store, FALSE, error);
  for (guint i = 0; i < items->len && item == NULL; i++)
    if (g_str_equal (wsp_record_get_id (g_ptr_array_index (items, i)), item_id))
      item = g_ptr_array_steal_index (items, i);
  if (item == NULL)
    {
      g_set_error_literal (error, WSP_MEETINGS_ERROR, WSP_MEETINGS_ERROR_INVALID,
                           _("The item is not on this meeting’s agenda any more."));
      return in_one_commit (store, FALSE, error);
    }
  ok = place_item (store, items, item, index, error);
  return in_one_commit (store, ok, error);
}

/* Takes @item off the agenda of @meeting. */
gboolean
wsp_agenda_remove (WspStore   *store,
                   WspRecord  *meeting,
                   WspRecord  *item,
                   GError    **error)
{
  if (!wsp_agenda_check_unlocked (meeting, error))
    return FALSE;
  return wsp_store_delete (store, item, error);
}

/* Spaces the agenda out when two items share a position (after items were
 * added in the same place on two laptops); a no-op otherwise. */
gboolean
wsp_agenda_fix_collisions (WspStore   *store,
                           WspRecord  *meeting,
                           GError    **error)
{
  g_autoptr (GPtrArray) items = NULL;

  if (!wsp_store_begin (store, error))
    return FALSE;
  items = wsp_agenda_items (store, wsp_record_get_id (meeting), error);
  if (items == NULL)
    return in_one_commit (store, FALSE, error);
  if (!wsp_agenda_has_collisions (items))
    return in_one_commit (store, TRUE, error);
  return in_one_commit (store, space_out (store, items, NULL, 0, error), error);
}

typedef struct
{
  WspItemKind  kind;
  const char  *title;
  int          minutes;
  gboolean     at_end;
} StandardItem;

/* The opening and closing items of every meeting. */
static const StandardItem standard_items[] = {
  /* Translators: the standard items of an agenda, as a new agenda gets them */
  { WSP_ITEM_OPENING, NC_ ("standard agenda item", "Opening of the meeting"), 5, FALSE },
  { WSP_ITEM_QUORUM_CHECK, NC_ ("standard agenda item", "Confirmation of the quorum"), 5, FALSE },
  { WSP_ITEM_AGENDA_ADOPTION, NC_ ("standard agenda item", "Adoption of the agenda"), 5, FALSE },
  { WSP_ITEM_MINUTES_APPROVAL, NC_ ("standard agenda item", "Approval of the minutes of the previous meeting"), 5,
    FALSE },
  { WSP_ITEM_OTHER_BUSINESS, NC_ ("standard agenda item", "Any other business"), 15, TRUE },
  { WSP_ITEM_CLOSING, NC_ ("standard agenda item", "Closing of the meeting"), 5, TRUE },
};

/**
 * wsp_agenda_add_standard_items:
 * @store: the store
 * @meeting: the meeting
 * @n_added: (out) (optional): how many items were added
 * @error: where to say why none were added
 *
 * Adds the standard opening items (opening, quorum, adoption of the
 * agenda, approval of the minutes) before the agenda's items and the
 * closing ones (any other business, closing) after them, each unless an
 * item of its kind is there already: adding them twice adds nothing.
 */
gboolean
wsp_agenda_add_standard_items (WspStore   *store,
                               WspRecord  *meeting,
                               guint      *n_added,
                               GError    **error)
{
  g_autoptr (GPtrArray) items = NULL;
  guint first_free = 0;
  guint added = 0;

  if (!wsp_agenda_check_unlocked (meeting, error))
    return FALSE;
  if (!wsp_store_begin (store, error))
    return FALSE;
  items = wsp_agenda_items (store, wsp_record_get_id (meeting), error);
  if (items == NULL)
    return in_one_commit (store, FALSE, error);

  for (guint s = 0; s < G_N_ELEMENTS (standard_items); s++)
    {
      const StandardItem *std = &standard_items[s];
      const char *kind = wsp_choice_name (wsp_item_kind_choices, std->kind);
      g_autoptr (WspRecord) item = NULL;
      gboolean present = FALSE;

      for (guint i = 0; i < items->len && !present; i++)
        present = g_strcmp0 (wsp_record_get_string (g_ptr_array_index (items, i), "kind"), kind) == 0;
      if (present)
        {
          /* Opening items already there: the next ones go after them. */
          for (guint i = 0; i < items->len && !std->at_end; i++)
            if (g_strcmp0 (wsp_record_get_string (g_ptr_array_index (items, i), "kind"), kind) == 0)
              first_free = MAX (first_free, i + 1);
          continue;
        }
      item = WSP_RECORD (wsp_agenda_item_new ());
      wsp_record_set_string (item, "meeting_id", wsp_record_get_id (meeting));
      wsp_record_set_string (item, "kind", kind);
      wsp_record_set_string (item, "title", g_dpgettext2 (GETTEXT_PACKAGE, "standard agenda item", std->title));
      wsp_record_set_int (item, "planned_minutes", std->minutes);
      if (!place_item (store, items, item, std->at_end ? items->len : first_free, error))
        return in_one_commit (store, FALSE, error);
      /* The list as it is now, for the next one's place. */
      g_ptr_array_insert (items, (int) (std->at_end ? items->len : first_free), g_object_ref (item));
      if (!std->at_end)
        first_free++;
      wsp_agenda_sort (items);
      added++;
    }
  if (n_added != NULL)
    *n_added = added;
  return in_one_commit (store, TRUE, error);
}

/**
 * wsp_agenda_copy:
 * @store: the store
 * @meeting: the meeting
 * @source_meeting_id: an earlier meeting
 * @n_added: (out) (optional): how many items were added
 * @error: where to say why none were added
 *
 * Adds a copy of each item of the agenda of @source_meeting_id after the
 * items @meeting has: kind, title, description, presenter and planned
 * minutes, not the notes, recusals or drafts of that meeting.
 */
gboolean
wsp_agenda_copy (WspStore    *store,
                 WspRecord   *meeting,
                 const char  *source_meeting_id,
                 guint       *n_added,
                 GError     **error)
{
  static const char * const copied[] = { "kind", "title", "description", "presenter", "planned_minutes" };
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GPtrArray) source = NULL;

  if (!wsp_agenda_check_unlocked (meeting, error))
    return FALSE;
  if (g_strcmp0 (source_meeting_id, wsp_record_get_id (meeting)) == 0)
    {
      g_set_error_literal (error, WSP_MEETINGS_ERROR, WSP_MEETINGS_ERROR_INVALID,
                           _("Choose another meeting to copy the agenda from."));
      return FALSE;
    }
  if (!wsp_store_begin (store, error))
    return FALSE;
  items = wsp_agenda_items (store, wsp_record_get_id (meeting), error);
  source = items != NULL ? wsp_agenda_items (store, source_meeting_id, error) : NULL;
  if (source == NULL)
    return in_one_commit (store, FALSE, error);

  for (guint i = 0; i < source->len; i++)
    {
      WspRecord *from = g_ptr_array_index (source, i);
      g_autoptr (WspRecord) item = WSP_RECORD (wsp_agenda_item_new ());

      wsp_record_set_string (item, "meeting_id", wsp_record_get_id (meeting));
      for (guint f = 0; f < G_N_ELEMENTS (copied); f++)
        if (wsp_record_get_value (from, copied[f]) != NULL)
          wsp_record_set_value (item, copied[f], json_node_copy (wsp_record_get_value (from, copied[f])));
      if (!place_item (store, items, item, items->len, error))
        return in_one_commit (store, FALSE, error);
      g_ptr_array_add (items, g_object_ref (item));
    }
  if (n_added != NULL)
    *n_added = source->len;
  return in_one_commit (store, TRUE, error);
}
