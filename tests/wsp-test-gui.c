/* wsp-test-gui.c — helpers shared by the tests that need a display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

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

/* Lets layout and paint settle for a few frames (five seconds at most). */
void
wsp_test_settle (GtkWidget *widget)
{
  gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
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
