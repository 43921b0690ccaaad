/* wsp-screenshot.c — renders the window's views to PNG files
 *
 * Used by `wspolnie --screenshot DIR` (AppStream screenshots, help figures,
 * review) and by the GUI tests. The window is rendered by its own renderer,
 * so what is saved is what a person would see.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "wsp-screenshot.h"

/* Frames to wait after switching views, so layout and paint have settled;
 * and how many more to wait for a window that has not drawn itself yet. */
#define SETTLE_FRAMES 3
#define MAX_FRAMES 120

typedef struct
{
  char  *directory;
  guint  index;
  guint  frames;
  guint  idle_id;
  gboolean idle_ran;
} ScreenshotData;

/* Views read their data in an idle after their first frame: a picture
 * waits for the idles of that priority to have run. */
static gboolean
idle_ran_cb (gpointer user_data)
{
  ScreenshotData *data = user_data;

  data->idle_id = 0;
  data->idle_ran = TRUE;
  return G_SOURCE_REMOVE;
}

static void
screenshot_data_free (ScreenshotData *data)
{
  g_clear_handle_id (&data->idle_id, g_source_remove);
  g_free (data->directory);
  g_free (data);
}

gboolean
wsp_screenshot_widget_to_png (GtkWidget   *widget,
                              const char  *path,
                              GError     **error)
{
  g_autoptr (GdkPaintable) paintable = NULL;
  g_autoptr (GtkSnapshot) snapshot = NULL;
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  GskRenderer *renderer;
  int width, height;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);

  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  if (width <= 0 || height <= 0 || renderer == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("The window is not shown yet, so it cannot be saved as a picture."));
      return FALSE;
    }

  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_to_node (snapshot);
  if (node == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED,
                   _("The window drew nothing, so there is no picture to save."));
      return FALSE;
    }

  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (!gdk_texture_save_to_png (texture, path))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Cannot save the picture “%s”."), path);
      return FALSE;
    }
  return TRUE;
}

static gboolean
screenshot_tick_cb (GtkWidget     *widget,
                    GdkFrameClock *clock,
                    gpointer       user_data)
{
  GTask *task = user_data;
  ScreenshotData *data = g_task_get_task_data (task);
  const char * const *names = wsp_window_get_view_names ();
  g_autofree char *basename = NULL;
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return G_SOURCE_REMOVE;

  if (data->frames == 0)
    {
      data->idle_ran = FALSE;
      g_clear_handle_id (&data->idle_id, g_source_remove);
      data->idle_id = g_idle_add_full (G_PRIORITY_LOW + 1, idle_ran_cb, data, NULL);
    }
  if (++data->frames < SETTLE_FRAMES || (!data->idle_ran && data->frames < MAX_FRAMES))
    return G_SOURCE_CONTINUE;

  basename = g_strdup_printf ("%s.png", names[data->index]);
  path = g_build_filename (data->directory, basename, NULL);
  if (!wsp_screenshot_widget_to_png (widget, path, &error))
    {
      /* A resized window may not have drawn itself yet: try the next frame. */
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED)
          && data->frames < MAX_FRAMES)
        return G_SOURCE_CONTINUE;
      g_task_return_error (task, g_steal_pointer (&error));
      return G_SOURCE_REMOVE;
    }

  data->index++;
  if (names[data->index] == NULL)
    {
      g_task_return_boolean (task, TRUE);
      return G_SOURCE_REMOVE;
    }

  data->frames = 0;
  gtk_widget_activate_action (widget, "win.view", "s", names[data->index]);
  return G_SOURCE_CONTINUE;
}

/* Shows each view of @window in turn and saves it as DIRECTORY/<view>.png. */
void
wsp_screenshot_window_async (WspWindow           *window,
                             const char          *directory,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;
  ScreenshotData *data;

  g_return_if_fail (WSP_IS_WINDOW (window));
  g_return_if_fail (directory != NULL);

  task = g_task_new (window, cancellable, callback, user_data);
  g_task_set_source_tag (task, wsp_screenshot_window_async);
  data = g_new0 (ScreenshotData, 1);
  data->directory = g_strdup (directory);
  g_task_set_task_data (task, data, (GDestroyNotify) screenshot_data_free);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s",
                              wsp_window_get_view_names ()[0]);
  gtk_widget_add_tick_callback (GTK_WIDGET (window), screenshot_tick_cb,
                                g_object_ref (task), g_object_unref);
}

gboolean
wsp_screenshot_window_finish (GAsyncResult  *result,
                              GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}
