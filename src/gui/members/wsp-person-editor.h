/* wsp-person-editor.h — adding and editing a person
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "store/wsp-store.h"

G_BEGIN_DECLS

#define WSP_TYPE_PERSON_EDITOR (wsp_person_editor_get_type ())

G_DECLARE_FINAL_TYPE (WspPersonEditor, wsp_person_editor, WSP, PERSON_EDITOR, AdwWindow)

WspPersonEditor *wsp_person_editor_new         (WspStore        *store,
                                                WspRecord       *person);
GtkWidget       *wsp_person_editor_get_row     (WspPersonEditor *self,
                                                const char      *field);
GtkWidget       *wsp_person_editor_get_save_button (WspPersonEditor *self);
const char      *wsp_person_editor_get_problem (WspPersonEditor *self);
gboolean         wsp_person_editor_add_organisation (WspPersonEditor *self,
                                                     const char      *id);

G_END_DECLS
