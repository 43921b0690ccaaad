/* wsp-demo.h — a realistic example dataset for trying the app out
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "store/wsp-store.h"

G_BEGIN_DECLS

#define WSP_DEMO_ERROR (wsp_demo_error_quark ())

/**
 * WspDemoError:
 * @WSP_DEMO_ERROR_NOT_EMPTY: the database already holds records
 *
 * Why the demo data was not loaded.
 */
typedef enum
{
  WSP_DEMO_ERROR_NOT_EMPTY,
} WspDemoError;

/* The fixed day the demo data is built around: its last meeting was held
 * before it, the next one is planned after it. */
#define WSP_DEMO_REFERENCE_DATE "2026-11-27"

GQuark   wsp_demo_error_quark (void);

gboolean wsp_demo_fill        (WspStore  *store,
                               GError   **error);

G_END_DECLS
