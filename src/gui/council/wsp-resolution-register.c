/* wsp-resolution-register.c — the Council's adopted resolutions and opinions by number
 *
 * The Council adopts its opinions on the city's drafts as numbered
 * resolutions ("Uchwała nr 3/2027"): the register lists them, the latest
 * year first and by number within it, each with the draft it gives an
 * opinion on, the verdict and the day it was adopted. A corrected opinion
 * shows as its correction.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <stdlib.h>

#include "council/wsp-resolution-register.h"
#include "domain/wsp-membership.h"
#include "records/wsp-records-drafts.h"
#include "widgets/wsp-detail-groups.h"
#include "widgets/wsp-gui-util.h"

struct _WspResolutionRegister
{
  AdwBin              parent_instance;

  WspStore           *store;
  gulong              changed_id;
  gboolean            stale;
  GPtrArray          *numbers;
  AdwPreferencesPage *page;
  WspDetailGroups     groups;
};

G_DEFINE_FINAL_TYPE (WspResolutionRegister, wsp_resolution_register, ADW_TYPE_BIN)

static void
parse_number (WspRecord *opinion,
              int       *sequence,
              int       *year)
{
  const char *number = wsp_record_get_string (opinion, "number");

  *sequence = 0;
  *year = 0;
  if (number == NULL || sscanf (number, "%d/%d", sequence, year) != 2)
    {
      const char *adopted = wsp_record_get_string (opinion, "adopted_on");

      *year = adopted != NULL ? atoi (adopted) : 0;
    }
}

/* The latest year first; within a year, by number. */
static int
compare_numbers (gconstpointer a,
                 gconstpointer b)
{
  int sa, ya, sb, yb;

  parse_number (*(WspRecord **) a, &sa, &ya);
  parse_number (*(WspRecord **) b, &sb, &yb);
  if (ya != yb)
    return yb - ya;
  return sa - sb;
}

static void
render (WspResolutionRegister *self)
{
  g_autoptr (WspRecord) council = NULL;
  g_autoptr (GPtrArray) opinions = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GHashTable) corrected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  AdwPreferencesGroup *group = NULL;
  int group_year = -1;

  self->stale = FALSE;
  wsp_detail_groups_clear (&self->groups);
  g_ptr_array_set_size (self->numbers, 0);
  if (self->store == NULL)
    return;
  council = wsp_membership_find_body (self->store, "council", NULL);
  if (council != NULL)
    wsp_store_query (self->store, WSP_TYPE_OPINION, "body_id", wsp_record_get_id (council), opinions, NULL);
  for (guint i = 0; i < opinions->len; i++)
    {
      const char *corrects = wsp_record_get_string (g_ptr_array_index (opinions, i), "corrects");

      if (corrects != NULL)
        g_hash_table_add (corrected, g_strdup (corrects));
    }
  for (guint i = opinions->len; i > 0; i--)
    if (g_hash_table_contains (corrected, wsp_record_get_id (g_ptr_array_index (opinions, i - 1))))
      g_ptr_array_remove_index (opinions, i - 1);
  g_ptr_array_sort (opinions, compare_numbers);

  if (opinions->len == 0)
    {
      group = wsp_detail_groups_add (&self->groups, _("Resolutions and Opinions"), NULL);
      adw_preferences_group_add (group, wsp_gui_value_row (_("None yet"),
                                                           _("The Council’s opinions, adopted as numbered "
                                                             "resolutions, will be listed here by number.")));
      return;
    }
  for (guint i = 0; i < opinions->len; i++)
    {
      WspRecord *opinion = g_ptr_array_index (opinions, i);
      const char *number = wsp_record_get_string (opinion, "number");
      const char *draft_id = wsp_record_get_string (opinion, "draft_id");
      g_autoptr (WspRecord) draft = draft_id != NULL ? wsp_store_get (self->store, draft_id, NULL) : NULL;
      g_autofree char *verdict = wsp_record_format_field (opinion, "verdict");
      g_autofree char *adopted = wsp_record_format_field (opinion, "adopted_on");
      g_autofree char *title = NULL;
      g_autofree char *line = NULL;
      int sequence, year;

      parse_number (opinion, &sequence, &year);
      if (year != group_year)
        {
          g_autofree char *heading = year > 0 ? g_strdup_printf ("%d", year) : g_strdup (_("Without a number"));

          group = wsp_detail_groups_add (&self->groups, heading, NULL);
          group_year = year;
        }
      /* Translators: an entry of the register: the resolution's number, as "Uchwała nr 3/2027" */
      title = number != NULL ? g_strdup_printf (_("Resolution no. %s"), number) : g_strdup (_("Resolution without a number"));
      /* Translators: what a resolution is: the opinion on a draft, its verdict, when it was adopted */
      line = g_strdup_printf (_("Opinion on “%1$s” · %2$s · adopted %3$s"),
                              draft != NULL ? wsp_record_get_string (draft, "title") : "…", verdict != NULL ? verdict : "",
                              adopted != NULL ? adopted : "…");
      adw_preferences_group_add (group, wsp_gui_value_row (title, line));
      g_ptr_array_add (self->numbers, g_strdup (number != NULL ? number : ""));
    }
}

static void
store_changed_cb (WspStore              *store,
                  WspChanges            *changes,
                  WspResolutionRegister *self)
{
  if (!wsp_changes_has_entity (changes, "opinion") && !wsp_changes_has_entity (changes, "draft")
      && !wsp_changes_has_entity (changes, "body"))
    return;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    render (self);
  else
    self->stale = TRUE;
}

static void
map_cb (WspResolutionRegister *self)
{
  if (self->stale)
    render (self);
}

void
wsp_resolution_register_set_store (WspResolutionRegister *self,
                                   WspStore              *store)
{
  g_return_if_fail (WSP_IS_RESOLUTION_REGISTER (self));

  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_set_object (&self->store, store);
  if (store != NULL)
    self->changed_id = g_signal_connect (store, "changed", G_CALLBACK (store_changed_cb), self);
  self->stale = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    render (self);
}

/* The numbers listed, in order: "5/2026|2/2026". */
char *
wsp_resolution_register_dup_numbers (WspResolutionRegister *self)
{
  g_autoptr (GPtrArray) copy = NULL;

  g_return_val_if_fail (WSP_IS_RESOLUTION_REGISTER (self), NULL);
  if (self->stale)
    render (self);
  copy = g_ptr_array_new ();
  for (guint i = 0; i < self->numbers->len; i++)
    g_ptr_array_add (copy, g_ptr_array_index (self->numbers, i));
  g_ptr_array_add (copy, NULL);
  return g_strjoinv ("|", (char **) copy->pdata);
}

static void
wsp_resolution_register_dispose (GObject *object)
{
  WspResolutionRegister *self = WSP_RESOLUTION_REGISTER (object);

  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);
  g_clear_pointer (&self->numbers, g_ptr_array_unref);
  wsp_detail_groups_finish (&self->groups);

  G_OBJECT_CLASS (wsp_resolution_register_parent_class)->dispose (object);
}

static void
wsp_resolution_register_class_init (WspResolutionRegisterClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = wsp_resolution_register_dispose;
}

static void
wsp_resolution_register_init (WspResolutionRegister *self)
{
  self->numbers = g_ptr_array_new_with_free_func (g_free);
  self->page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->page));
  wsp_detail_groups_init (&self->groups, self->page);
  g_signal_connect (self, "map", G_CALLBACK (map_cb), NULL);
}
