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

/* Types @text into the widget that has the focus, key by key. */
void
wsp_test_type (GtkWindow  *window,
               const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      g_autofree char *name = NULL;

      if (c == ' ')
        name = g_strdup ("space");
      else
        name = g_strdup (gdk_keyval_name (gdk_unicode_to_keyval (c)));
      g_assert_nonnull (name);
      if (g_ascii_isupper (c))
        {
          char *shifted = g_strconcat ("<Shift>", name, NULL);

          g_free (name);
          name = shifted;
        }
      wsp_test_press (window, name);
    }
}
