/* main.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <locale.h>

#include "gui/wsp-application.h"

/* Run from its build tree, the program uses what the build made there:
 * the compiled settings schema, the translations and the help (unless the
 * environment says otherwise). An installed program is never in it. */
static void
use_build_tree_when_uninstalled (void)
{
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *dir = exe != NULL ? g_path_get_dirname (exe) : NULL;
  g_autofree char *src = g_build_filename (BUILD_ROOT, "src", NULL);
  g_autofree char *schemas = g_build_filename (BUILD_ROOT, "data", NULL);
  g_autofree char *po = g_build_filename (BUILD_ROOT, "po", NULL);
  g_autofree char *help = g_strconcat (BUILD_ROOT, G_DIR_SEPARATOR_S, "help", G_SEARCHPATH_SEPARATOR_S,
                                       SOURCE_ROOT, G_DIR_SEPARATOR_S, "help", NULL);

  if (dir == NULL || g_strcmp0 (dir, src) != 0)
    return;
  g_setenv ("GSETTINGS_SCHEMA_DIR", schemas, FALSE);
  g_setenv ("WSPOLNIE_LOCALEDIR", po, FALSE);
  /* The build translates the help into help/<lang>; the English pages
   * stay in the sources. */
  g_setenv ("WSPOLNIE_HELPDIR", help, FALSE);
}

/* Without its settings schema GSettings aborts the program: say instead
 * what is missing. */
static gboolean
schema_is_installed (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr (GSettingsSchema) schema = source != NULL ? g_settings_schema_source_lookup (source, APP_ID, TRUE)
                                                      : NULL;

  if (schema != NULL)
    return TRUE;
  g_printerr (_("wspolnie: the settings schema %s is not installed. Install the program "
                "(meson install), or run it with GSETTINGS_SCHEMA_DIR set to the folder of "
                "the compiled schema (in a build: _build/data).\n"),
              APP_ID);
  return FALSE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (WspApplication) app = NULL;
  int status;

  const char *localedir;

  use_build_tree_when_uninstalled ();
  setlocale (LC_ALL, "");
  /* Tests and screenshots from the build tree use its freshly built catalogues. */
  localedir = g_getenv ("WSPOLNIE_LOCALEDIR");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (!schema_is_installed ())
    return 1;

  app = wsp_application_new ();
  status = g_application_run (G_APPLICATION (app), argc, argv);
  if (status == 0 && wsp_application_get_failed (app))
    status = 1;
  return status;
}
