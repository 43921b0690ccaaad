/* wsp-meeting-list.c — a body's meetings, upcoming first, live
 *
 * A list model of the meetings (WspRecord) of one body: those still to
 * come, the soonest first, then the past ones, the latest first. It is the
 * store's live list of the body's meetings (latest first) with its head —
 * the meetings from today on — turned round, so it follows every commit
 * by announcing only the stretch that moved.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "domain/wsp-meeting-list.h"
#include "domain/wsp-meetings.h"
#include "records/wsp-records-meetings.h"
#include "store/wsp-record-list.h"

struct _WspMeetingList
{
  GObject     parent_instance;

  GListModel *source;   /* latest first */
  GDateTime  *now;
  guint       n_upcoming;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (WspMeetingList, wsp_meeting_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
get_item_type (GListModel *model)
{
  return WSP_TYPE_MEETING;
}

static guint
get_n_items (GListModel *model)
{
  return g_list_model_get_n_items (WSP_MEETING_LIST (model)->source);
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  WspMeetingList *self = WSP_MEETING_LIST (model);

  if (position < self->n_upcoming)
    position = self->n_upcoming - 1 - position;
  return g_list_model_get_item (self->source, position);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static guint
count_upcoming (WspMeetingList *self)
{
  guint n = g_list_model_get_n_items (self->source);
  guint i;

  for (i = 0; i < n; i++)
    {
      g_autoptr (WspRecord) meeting = g_list_model_get_item (self->source, i);

      if (!wsp_meeting_is_upcoming (meeting, self->now))
        break;
    }
  return i;
}

static void
source_changed_cb (GListModel     *source,
                   guint           position,
                   guint           removed,
                   guint           added,
                   WspMeetingList *self)
{
  guint old_up = self->n_upcoming;
  guint new_up = count_upcoming (self);
  guint replaced;

  self->n_upcoming = new_up;
  if (position >= old_up && old_up == new_up)
    {
      g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
      return;
    }
  /* The turned-round head changed: announce it and whatever changed after
   * it as one stretch; what follows is the same items, shifted. */
  replaced = MAX (MAX (old_up, position + removed), new_up + removed > added ? new_up + removed - added : 0);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, replaced, replaced - removed + added);
}

/**
 * wsp_meeting_list_new:
 * @store: the store
 * @body_id: the body
 * @now: (nullable): the moment that divides the upcoming from the past
 *   (now when %NULL)
 */
WspMeetingList *
wsp_meeting_list_new (WspStore   *store,
                      const char *body_id,
                      GDateTime  *now)
{
  WspMeetingList *self = g_object_new (WSP_TYPE_MEETING_LIST, NULL);

  self->source = G_LIST_MODEL (wsp_record_list_new (store, WSP_TYPE_MEETING, "body_id", body_id));
  self->now = now != NULL ? g_date_time_ref (now) : g_date_time_new_now_local ();
  self->n_upcoming = count_upcoming (self);
  g_signal_connect_object (self->source, "items-changed", G_CALLBACK (source_changed_cb), self, 0);
  return self;
}

/* How many of the meetings, at the top, are still to come. */
guint
wsp_meeting_list_get_n_upcoming (WspMeetingList *self)
{
  g_return_val_if_fail (WSP_IS_MEETING_LIST (self), 0);
  return self->n_upcoming;
}

static void
wsp_meeting_list_finalize (GObject *object)
{
  WspMeetingList *self = WSP_MEETING_LIST (object);

  g_clear_object (&self->source);
  g_clear_pointer (&self->now, g_date_time_unref);

  G_OBJECT_CLASS (wsp_meeting_list_parent_class)->finalize (object);
}

static void
wsp_meeting_list_class_init (WspMeetingListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = wsp_meeting_list_finalize;
}

static void
wsp_meeting_list_init (WspMeetingList *self)
{
}
