/* wsp-person-detail.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "store/wsp-store.h"

G_BEGIN_DECLS

#define WSP_TYPE_PERSON_DETAIL (wsp_person_detail_get_type ())

G_DECLARE_FINAL_TYPE (WspPersonDetail, wsp_person_detail, WSP, PERSON_DETAIL, AdwBin)

void wsp_person_detail_set_person (WspPersonDetail *self,
                                   WspStore        *store,
                                   WspRecord       *person);

G_END_DECLS
