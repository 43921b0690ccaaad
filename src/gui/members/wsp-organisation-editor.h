/* wsp-organisation-editor.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "store/wsp-store.h"

G_BEGIN_DECLS

#define WSP_TYPE_ORGANISATION_EDITOR (wsp_organisation_editor_get_type ())

G_DECLARE_FINAL_TYPE (WspOrganisationEditor, wsp_organisation_editor, WSP, ORGANISATION_EDITOR,
                      AdwWindow)

WspOrganisationEditor *wsp_organisation_editor_new       (WspStore              *store,
                                                          WspRecord             *organisation);
void                   wsp_organisation_editor_set_field (WspOrganisationEditor *self,
                                                          const char            *field,
                                                          const char            *text);
const char            *wsp_organisation_editor_get_problem (WspOrganisationEditor *self);
gboolean               wsp_organisation_editor_save      (WspOrganisationEditor *self,
                                                          GError               **error);
WspRecord             *wsp_organisation_editor_get_duplicate (WspOrganisationEditor *self);
GtkWidget             *wsp_organisation_editor_get_row   (WspOrganisationEditor *self,
                                                          const char            *field);

G_END_DECLS
