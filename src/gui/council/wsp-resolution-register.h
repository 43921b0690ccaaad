/* wsp-resolution-register.h — the Council's adopted resolutions and opinions by number
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "store/wsp-store.h"

G_BEGIN_DECLS

#define WSP_TYPE_RESOLUTION_REGISTER (wsp_resolution_register_get_type ())

G_DECLARE_FINAL_TYPE (WspResolutionRegister, wsp_resolution_register, WSP, RESOLUTION_REGISTER, AdwBin)

void   wsp_resolution_register_set_store (WspResolutionRegister *self,
                                          WspStore              *store);
char  *wsp_resolution_register_dup_numbers (WspResolutionRegister *self);

G_END_DECLS
