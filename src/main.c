/* main.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "gui/wsp-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr (WspApplication) app = NULL;
  int status;

  const char *localedir;

  setlocale (LC_ALL, "");
  /* Tests and screenshots from the build tree use its freshly built catalogues. */
  localedir = g_getenv ("WSPOLNIE_LOCALEDIR");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = wsp_application_new ();
  status = g_application_run (G_APPLICATION (app), argc, argv);
  if (status == 0 && wsp_application_get_failed (app))
    status = 1;
  return status;
}
