/* wsp-test-gui.c — helpers shared by the tests that need a display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <gdk/x11/gdkx.h>
#include <X11/XKBlib.h>
#include <X11/extensions/XTest.h>

#include "wsp-screenshot.h"
#include "wsp-test-gui.h"

/* Starts GTK and a registered application, as a person's session would
 * have it; NULL when there is no display (the caller skips, status 77). */
WspApplication *
wsp_test_start_app (void)
{
  g_autoptr (GError) error = NULL;
  WspApplication *app;

  if (!gtk_init_check ())
    {
      g_printerr ("No display: the GUI tests need one (run them under Xvfb).\n");
      return NULL;
    }
  adw_init ();

  app = wsp_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  g_application_hold (G_APPLICATION (app));
  return app;
}

static gboolean
frame_cb (GtkWidget     *widget,
          GdkFrameClock *clock,
          gpointer       data)
{
  return ++*(guint *) data < 4 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

/* Lets layout and paint settle for a few frames (half a minute at most: a
 * sanitizer build with the slow unwinder draws its first frames slowly). */
void
wsp_test_settle (GtkWidget *widget)
{
  gint64 end = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  guint frames = 0;

  gtk_widget_add_tick_callback (widget, frame_cb, &frames, NULL);
  while (frames < 4 && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (frames, >=, 4);
}

static void pump (void);

/* With WSPOLNIE_TEST_SHOTS=DIR, saves how @widget looks now as
 * DIR/<name>.png, for a person to look at. */
void
wsp_test_shot (GtkWidget  *widget,
               const char *name)
{
  const char *dir = g_getenv ("WSPOLNIE_TEST_SHOTS");
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;

  if (dir == NULL)
    return;
  /* Where things end up: after the transitions (a quarter second). */
  pump ();
  pump ();
  wsp_test_settle (widget);
  file = g_strconcat (name, ".png", NULL);
  path = g_build_filename (dir, file, NULL);
  g_mkdir_with_parents (dir, 0755);
  if (!wsp_screenshot_widget_to_png (widget, path, &error))
    g_printerr ("%s\n", error->message);
}

/* ---- keys, as a person presses them -------------------------------------- */

static gboolean
settle_a_little (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Lets the window take in what the display sent (a quarter second). */
static void
pump (void)
{
  gboolean done = FALSE;

  g_timeout_add (250, settle_a_little, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* Gives @window the keyboard focus of the display, as a click on it would. */
void
wsp_test_focus_window (GtkWindow *window)
{
  GdkSurface *surface;
  Display *xdisplay;

  gtk_window_present (window);
  wsp_test_settle (GTK_WIDGET (window));
  surface = gtk_native_get_surface (GTK_NATIVE (window));
  g_return_if_fail (GDK_IS_X11_SURFACE (surface));
  xdisplay = gdk_x11_display_get_xdisplay (gdk_surface_get_display (surface));
  XRaiseWindow (xdisplay, gdk_x11_surface_get_xid (surface));
  XSetInputFocus (xdisplay, gdk_x11_surface_get_xid (surface), RevertToParent, CurrentTime);
  XSync (xdisplay, False);
  pump ();
  /* On a busy machine the focus arrives later: keys pressed before it
   * would go to the window that had it. */
  {
    gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

    while (!gtk_window_is_active (window) && g_get_monotonic_time () < end)
      pump ();
  }
}

static void
fake_key (Display *xdisplay,
          guint    keysym,
          gboolean press)
{
  KeyCode code = XKeysymToKeycode (xdisplay, keysym);

  g_assert_cmpuint (code, !=, 0);
  XTestFakeKeyEvent (xdisplay, code, press, CurrentTime);
}

/**
 * wsp_test_press:
 * @window: the window that has (and is given) the keyboard focus
 * @accelerator: the keys, as gtk_accelerator_parse() reads them:
 *   "<Control>n", "Delete", "Escape", "a"
 *
 * Presses the keys on the display's keyboard (the X server's XTEST
 * extension, as a real keyboard would), so they go to the widget that has
 * the focus and travel through GTK as a person's keys do; then lets the
 * window handle them. The GUI tests run on X (Xvfb).
 */
void
wsp_test_press (GtkWindow  *window,
                const char *accelerator)
{
  wsp_test_send_keys (window, accelerator);
  pump ();
}

/* As wsp_test_press(), without waiting: the keys are on their way to the
 * display when it returns (for a test that times what they do). */
void
wsp_test_send_keys (GtkWindow  *window,
                    const char *accelerator)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  Display *xdisplay;
  guint keyval = 0;
  GdkModifierType mods = 0;
  static const struct { GdkModifierType mask; guint keysym; } modifiers[] = {
    { GDK_CONTROL_MASK, GDK_KEY_Control_L }, { GDK_SHIFT_MASK, GDK_KEY_Shift_L }, { GDK_ALT_MASK, GDK_KEY_Alt_L },
  };

  g_return_if_fail (GDK_IS_X11_SURFACE (surface));
  g_assert_true (gtk_accelerator_parse (accelerator, &keyval, &mods));
  xdisplay = gdk_x11_display_get_xdisplay (gdk_surface_get_display (surface));
  /* A character typed with Shift on the keyboard (":", "@", "?") gets it. */
  {
    guint keysym = gdk_keyval_to_lower (keyval);
    KeyCode code = XKeysymToKeycode (xdisplay, keysym);

    if (code != 0 && XkbKeycodeToKeysym (xdisplay, code, 0, 0) != keysym
        && XkbKeycodeToKeysym (xdisplay, code, 0, 1) == keysym)
      mods |= GDK_SHIFT_MASK;
  }
  for (guint i = 0; i < G_N_ELEMENTS (modifiers); i++)
    if (mods & modifiers[i].mask)
      fake_key (xdisplay, modifiers[i].keysym, TRUE);
  fake_key (xdisplay, gdk_keyval_to_lower (keyval), TRUE);
  fake_key (xdisplay, gdk_keyval_to_lower (keyval), FALSE);
  for (guint i = G_N_ELEMENTS (modifiers); i > 0; i--)
    if (mods & modifiers[i - 1].mask)
      fake_key (xdisplay, modifiers[i - 1].keysym, FALSE);
  XSync (xdisplay, False);
}

/* A key of the display's keyboard that gives @keysym, and whether Shift
 * is needed for it; a character the keyboard lacks (ą, ś, „) is put on a
 * spare key, as a keyboard layout would have it. */
static KeyCode
key_for (Display  *xdisplay,
         KeySym    keysym,
         gboolean *shift)
{
  static KeyCode spare;
  int min = 0, max = 0;
  KeyCode code = XKeysymToKeycode (xdisplay, keysym);

  *shift = FALSE;
  if (code != 0)
    {
      *shift = XkbKeycodeToKeysym (xdisplay, code, 0, 0) != keysym
               && XkbKeycodeToKeysym (xdisplay, code, 0, 1) == keysym;
      return code;
    }
  XDisplayKeycodes (xdisplay, &min, &max);
  if (spare == 0)
    spare = (KeyCode) max;
  {
    KeySym both[2] = { keysym, keysym };

    XChangeKeyboardMapping (xdisplay, spare, 2, both, 1);
    XSync (xdisplay, False);
    pump ();
  }
  return spare;
}

/* Types @text into the widget that has the focus, key by key, with Shift
 * where the keyboard needs it. */
void
wsp_test_type (GtkWindow  *window,
               const char *text)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  Display *xdisplay;

  g_return_if_fail (GDK_IS_X11_SURFACE (surface));
  xdisplay = gdk_x11_display_get_xdisplay (gdk_surface_get_display (surface));
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      KeySym keysym = c == ' ' ? XK_space : (KeySym) gdk_unicode_to_keyval (c);
      gboolean shift = FALSE;
      KeyCode code = key_for (xdisplay, keysym, &shift);
      KeyCode shift_code = XKeysymToKeycode (xdisplay, XK_Shift_L);

      if (shift)
        XTestFakeKeyEvent (xdisplay, shift_code, True, CurrentTime);
      XTestFakeKeyEvent (xdisplay, code, True, CurrentTime);
      XTestFakeKeyEvent (xdisplay, code, False, CurrentTime);
      if (shift)
        XTestFakeKeyEvent (xdisplay, shift_code, False, CurrentTime);
      XSync (xdisplay, False);
    }
  pump ();
}

/* ---- finding and clicking what a person sees ----------------------------- */

static gboolean
wait_timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @cond holds or @seconds pass; whether it held. */
gboolean
wsp_test_wait (WspTestCond  cond,
               gpointer     data,
               guint        seconds)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (seconds, wait_timeout_cb, &timed_out);

  while (!cond (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
  return cond (data);
}

/* Lets pending work (idles, redraws) run. */
void
wsp_test_iterate (void)
{
  for (int i = 0; i < 100 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
}

/* Whether a person sees @widget: mapped, and inside its window (a folded
 * leaflet keeps its other page mapped, out of sight). */
static gboolean
is_shown (GtkWidget *widget)
{
  GtkWidget *root = GTK_WIDGET (gtk_widget_get_root (widget));
  graphene_rect_t bounds;

  if (!gtk_widget_get_mapped (widget))
    return FALSE;
  for (GtkWidget *w = widget; w != NULL; w = gtk_widget_get_parent (w))
    if (!gtk_widget_get_child_visible (w) || gtk_widget_get_opacity (w) == 0)
      return FALSE;
  if (root == NULL || !gtk_widget_compute_bounds (widget, root, &bounds))
    return FALSE;
  return bounds.origin.x + bounds.size.width > 0 && bounds.origin.y + bounds.size.height > 0
         && bounds.origin.x < gtk_widget_get_width (root) && bounds.origin.y < gtk_widget_get_height (root);
}

/* Scrolls what holds @widget so that it comes into sight, as a person
 * scrolls to a button below the fold. */
static void
scroll_into_view (GtkWidget *widget)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *content;
  graphene_rect_t bounds;
  GtkAdjustment *adjustment;

  if (scrolled == NULL)
    return;
  content = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled));
  if (content == NULL || !gtk_widget_compute_bounds (widget, content, &bounds))
    return;
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  if (bounds.origin.y < gtk_adjustment_get_value (adjustment)
      || bounds.origin.y + bounds.size.height > gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment))
    gtk_adjustment_set_value (adjustment, bounds.origin.y - gtk_adjustment_get_page_size (adjustment) / 3);
  wsp_test_settle (widget);
}

static GtkWidget *
find_mapped_button (GtkWidget  *root,
                    const char *label)
{
  if (GTK_IS_BUTTON (root) && gtk_widget_get_mapped (root) && gtk_widget_get_child_visible (root)
      && (g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0
          || g_strcmp0 (gtk_widget_get_tooltip_text (root), label) == 0))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_mapped_button (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The shown button under @root whose label is @label (as the translation
 * gives it, mnemonic included) or whose tooltip is @label, scrolled into
 * sight; NULL if none is shown. */
GtkWidget *
wsp_test_find_button (GtkWidget  *root,
                      const char *label)
{
  GtkWidget *found = find_mapped_button (root, label);

  if (found != NULL && !is_shown (found))
    scroll_into_view (found);
  return found != NULL && is_shown (found) ? found : NULL;
}

/* Clicks @button as a person does: it must be shown and sensitive. */
void
wsp_test_click (GtkWidget *button)
{
  g_assert_nonnull (button);
  g_assert_true (is_shown (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_assert_true (gtk_widget_activate (button));
  /* A button activated shows itself pressed for a moment (250 ms in GTK 4.8)
   * and is clicked after it. */
  pump ();
  pump ();
  wsp_test_iterate ();
}

/* Clicks @widget with the display's pointer (XTEST), in its middle, as a
 * person does: the window is raised, the pointer moved there and its first
 * button pressed and released. Fails unless what lies under the pointer
 * there is @widget or inside it (nothing covers it). */
void
wsp_test_pointer_click (GtkWidget *widget)
{
  GtkNative *native;
  GdkSurface *surface;
  Display *xdisplay;
  graphene_point_t middle;
  graphene_point_t in_native;
  double dx, dy;
  int x, y;
  Window child;
  GtkWidget *picked;

  g_assert_nonnull (widget);
  /* Where it ends up: after the transitions (a leaflet's, a quarter second). */
  pump ();
  wsp_test_settle (widget);
  if (!is_shown (widget))
    scroll_into_view (widget);
  g_assert_true (is_shown (widget));
  middle = GRAPHENE_POINT_INIT (gtk_widget_get_width (widget) / 2.f, gtk_widget_get_height (widget) / 2.f);
  native = gtk_widget_get_native (widget);
  surface = gtk_native_get_surface (native);
  g_return_if_fail (GDK_IS_X11_SURFACE (surface));
  xdisplay = gdk_x11_display_get_xdisplay (gdk_surface_get_display (surface));
  XRaiseWindow (xdisplay, gdk_x11_surface_get_xid (surface));
  XSync (xdisplay, False);
  pump ();
  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (native), &middle, &in_native));
  picked = gtk_widget_pick (GTK_WIDGET (native), in_native.x, in_native.y, GTK_PICK_DEFAULT);
  if (picked == NULL || (picked != widget && !gtk_widget_is_ancestor (picked, widget)))
    {
      GString *chain = g_string_new (NULL);

      for (GtkWidget *w = picked; w != NULL; w = gtk_widget_get_parent (w))
        g_string_append_printf (chain, " < %s%s%s", G_OBJECT_TYPE_NAME (w),
                                gtk_widget_get_name (w) != NULL ? "#" : "", gtk_widget_get_name (w));
      g_error ("A click on the middle of %s would reach%s instead", G_OBJECT_TYPE_NAME (widget), chain->str);
    }
  gtk_native_get_surface_transform (native, &dx, &dy);
  XTranslateCoordinates (xdisplay, gdk_x11_surface_get_xid (surface), DefaultRootWindow (xdisplay),
                         (int) (in_native.x + dx), (int) (in_native.y + dy), &x, &y, &child);
  XTestFakeMotionEvent (xdisplay, -1, x, y, CurrentTime);
  XSync (xdisplay, False);
  pump ();
  XTestFakeButtonEvent (xdisplay, 1, True, CurrentTime);
  XTestFakeButtonEvent (xdisplay, 1, False, CurrentTime);
  XSync (xdisplay, False);
  pump ();
  wsp_test_iterate ();
}

/* Clicks the shown button labelled @label under @root. */
void
wsp_test_click_label (GtkWidget  *root,
                      const char *label)
{
  GtkWidget *button = wsp_test_find_button (root, label);

  if (button == NULL)
    g_error ("No button “%s” is shown", label);
  wsp_test_click (button);
}

/* The shown toplevel window of @type, the last one opened first. */
GtkWindow *
wsp_test_find_window (GType type)
{
  g_autoptr (GListModel) toplevels = g_object_ref (gtk_window_get_toplevels ());

  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      g_autoptr (GtkWindow) window = g_list_model_get_item (toplevels, i - 1);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

/* Whether the widget with the keyboard focus in @window is @widget or inside it. */
gboolean
wsp_test_has_focus (GtkWindow *window,
                    GtkWidget *widget)
{
  GtkWidget *focus = gtk_window_get_focus (window);

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* Puts the focus in @widget (as a click in it would), goes to the end of
 * what it holds and types @text. */
void
wsp_test_type_into (GtkWidget  *widget,
                    const char *text)
{
  GtkWindow *window = GTK_WINDOW (gtk_widget_get_root (widget));

  wsp_test_focus_window (window);
  gtk_widget_grab_focus (widget);
  wsp_test_iterate ();
  g_assert_true (wsp_test_has_focus (window, widget));
  if (GTK_IS_EDITABLE (widget))
    wsp_test_press (window, "End");
  wsp_test_type (window, text);
}

static gboolean
chooser_open (gpointer data)
{
  return wsp_test_find_window (GTK_TYPE_FILE_CHOOSER_DIALOG) != NULL;
}

static gboolean
chooser_closed (gpointer data)
{
  return wsp_test_find_window (GTK_TYPE_FILE_CHOOSER_DIALOG) == NULL;
}

/* In the file chooser that opens: types @path where a person types a
 * file's name (the name field of a save dialog, or Ctrl+L to open one)
 * and presses Enter; waits until the chooser is gone. */
void
wsp_test_choose_file (const char *path,
                      gboolean    saving)
{
  GtkWindow *chooser;

  g_assert_true (wsp_test_wait (chooser_open, NULL, 30));
  chooser = wsp_test_find_window (GTK_TYPE_FILE_CHOOSER_DIALOG);
  wsp_test_focus_window (chooser);
  wsp_test_press (chooser, saving ? "<Control>a" : "<Control>l");
  wsp_test_type (chooser, path);
  wsp_test_press (chooser, "Return");
  g_assert_true (wsp_test_wait (chooser_closed, NULL, 30));
  wsp_test_iterate ();
}
