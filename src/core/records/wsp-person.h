/* wsp-person.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "records/wsp-record.h"

G_BEGIN_DECLS

#define WSP_TYPE_PERSON (wsp_person_get_type ())

G_DECLARE_FINAL_TYPE (WspPerson, wsp_person, WSP, PERSON, WspRecord)

WspPerson *wsp_person_new (void);

G_END_DECLS
