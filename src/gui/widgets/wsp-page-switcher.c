/* wsp-page-switcher.c — buttons that choose the page of a stack, narrowing to icons
 *
 * One linked button per page of a GtkStack, with the page's icon and
 * title; where the width does not allow the titles, the buttons show the
 * icons alone (the title becomes the tooltip and the accessible name). An
 * AdwViewSwitcher inside a view cannot go below about 370 pixels, which a
 * 360-pixel window does not have.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "widgets/wsp-page-switcher.h"

struct _WspPageSwitcher
{
  AdwBin       parent_instance;

  GtkStack    *stack;
  AdwSqueezer *squeezer;
  GtkWidget   *wide;
  GtkWidget   *narrow;
  gboolean     syncing;
};

enum {
  PROP_0,
  PROP_STACK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (WspPageSwitcher, wsp_page_switcher, ADW_TYPE_BIN)

static void
sync_buttons (WspPageSwitcher *self)
{
  const char *shown = self->stack != NULL ? gtk_stack_get_visible_child_name (self->stack) : NULL;

  self->syncing = TRUE;
  for (GtkWidget *box = self->wide; box != NULL; box = box == self->wide ? self->narrow : NULL)
    for (GtkWidget *b = gtk_widget_get_first_child (box); b != NULL; b = gtk_widget_get_next_sibling (b))
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (b), g_strcmp0 (g_object_get_data (G_OBJECT (b), "page"), shown) == 0);
  self->syncing = FALSE;
}

static void
toggled_cb (GtkToggleButton *button,
            WspPageSwitcher *self)
{
  if (self->syncing || !gtk_toggle_button_get_active (button))
    {
      /* A page stays chosen until another is. */
      if (!self->syncing && !gtk_toggle_button_get_active (button))
        sync_buttons (self);
      return;
    }
  gtk_stack_set_visible_child_name (self->stack, g_object_get_data (G_OBJECT (button), "page"));
}

static GtkWidget *
page_button (WspPageSwitcher *self,
             GtkStackPage    *page,
             gboolean         with_title)
{
  GtkWidget *button = gtk_toggle_button_new ();
  const char *title = gtk_stack_page_get_title (page);
  const char *icon = gtk_stack_page_get_icon_name (page);

  if (with_title)
    {
      GtkWidget *content = adw_button_content_new ();

      adw_button_content_set_label (ADW_BUTTON_CONTENT (content), title);
      adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), icon);
      gtk_button_set_child (GTK_BUTTON (button), content);
    }
  else
    {
      gtk_button_set_icon_name (GTK_BUTTON (button), icon);
      gtk_widget_set_tooltip_text (button, title);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
    }
  gtk_widget_set_hexpand (button, TRUE);
  g_object_set_data_full (G_OBJECT (button), "page", g_strdup (gtk_stack_page_get_name (page)), g_free);
  g_signal_connect (button, "toggled", G_CALLBACK (toggled_cb), self);
  return button;
}

static void
rebuild (WspPageSwitcher *self)
{
  g_autoptr (GListModel) pages = NULL;

  for (GtkWidget *box = self->wide; box != NULL; box = box == self->wide ? self->narrow : NULL)
    {
      GtkWidget *child;

      while ((child = gtk_widget_get_first_child (box)) != NULL)
        gtk_box_remove (GTK_BOX (box), child);
    }
  if (self->stack == NULL)
    return;
  pages = G_LIST_MODEL (gtk_stack_get_pages (self->stack));
  for (guint i = 0; i < g_list_model_get_n_items (pages); i++)
    {
      g_autoptr (GObject) page = g_list_model_get_item (pages, i);

      gtk_box_append (GTK_BOX (self->wide), page_button (self, GTK_STACK_PAGE (page), TRUE));
      gtk_box_append (GTK_BOX (self->narrow), page_button (self, GTK_STACK_PAGE (page), FALSE));
    }
  sync_buttons (self);
}

void
wsp_page_switcher_set_stack (WspPageSwitcher *self,
                             GtkStack        *stack)
{
  g_return_if_fail (WSP_IS_PAGE_SWITCHER (self));

  if (self->stack != NULL)
    g_signal_handlers_disconnect_by_data (self->stack, self);
  g_set_object (&self->stack, stack);
  if (stack != NULL)
    g_signal_connect_object (stack, "notify::visible-child-name", G_CALLBACK (sync_buttons), self, G_CONNECT_SWAPPED);
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STACK]);
}

GtkStack *
wsp_page_switcher_get_stack (WspPageSwitcher *self)
{
  g_return_val_if_fail (WSP_IS_PAGE_SWITCHER (self), NULL);
  return self->stack;
}

static void
wsp_page_switcher_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_STACK:
      wsp_page_switcher_set_stack (WSP_PAGE_SWITCHER (object), g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wsp_page_switcher_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_STACK:
      g_value_set_object (value, WSP_PAGE_SWITCHER (object)->stack);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wsp_page_switcher_dispose (GObject *object)
{
  WspPageSwitcher *self = WSP_PAGE_SWITCHER (object);

  if (self->stack != NULL)
    g_signal_handlers_disconnect_by_data (self->stack, self);
  g_clear_object (&self->stack);

  G_OBJECT_CLASS (wsp_page_switcher_parent_class)->dispose (object);
}

static void
wsp_page_switcher_class_init (WspPageSwitcherClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = wsp_page_switcher_dispose;
  object_class->set_property = wsp_page_switcher_set_property;
  object_class->get_property = wsp_page_switcher_get_property;

  properties[PROP_STACK] = g_param_spec_object ("stack", NULL, NULL, GTK_TYPE_STACK,
                                                G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
wsp_page_switcher_init (WspPageSwitcher *self)
{
  self->squeezer = ADW_SQUEEZER (adw_squeezer_new ());
  self->wide = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  self->narrow = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (self->wide, "linked");
  gtk_widget_add_css_class (self->narrow, "linked");
  adw_squeezer_add (self->squeezer, self->wide);
  adw_squeezer_add (self->squeezer, self->narrow);
  adw_squeezer_set_transition_type (self->squeezer, ADW_SQUEEZER_TRANSITION_TYPE_NONE);
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->squeezer));
}
