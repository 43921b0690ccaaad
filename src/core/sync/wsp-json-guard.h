/* wsp-json-guard.h — strict validation of JSON bytes before parsing them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define WSP_JSON_GUARD_ERROR (wsp_json_guard_error_quark ())

/**
 * WspJsonGuardError:
 * @WSP_JSON_GUARD_ERROR_TOO_LARGE: the input is longer than the byte limit
 * @WSP_JSON_GUARD_ERROR_TOO_DEEP: objects and arrays are nested deeper than
 *   the depth limit
 * @WSP_JSON_GUARD_ERROR_SYNTAX: anything RFC 8259 does not allow, including
 *   empty input, a byte order mark and data after the value
 * @WSP_JSON_GUARD_ERROR_ENCODING: invalid UTF-8, an unpaired surrogate
 *   escape, or the escape \u0000
 * @WSP_JSON_GUARD_ERROR_DUPLICATE_KEY: an object has the same member name
 *   twice (compared after unescaping)
 * @WSP_JSON_GUARD_ERROR_NUMBER: a number has a fraction or an exponent, or
 *   is an integer outside ±(2^53 − 1)
 *
 * Why wsp_json_guard_check() refused its input.
 */
typedef enum
{
  WSP_JSON_GUARD_ERROR_TOO_LARGE,
  WSP_JSON_GUARD_ERROR_TOO_DEEP,
  WSP_JSON_GUARD_ERROR_SYNTAX,
  WSP_JSON_GUARD_ERROR_ENCODING,
  WSP_JSON_GUARD_ERROR_DUPLICATE_KEY,
  WSP_JSON_GUARD_ERROR_NUMBER,
} WspJsonGuardError;

/**
 * WspJsonGuardLimits:
 * @max_bytes: the longest input accepted; 0 means 256 MiB
 * @max_depth: how many objects and arrays may be nested inside each other;
 *   0 means 32.  A top-level scalar has depth 0, `[]` depth 1.
 */
typedef struct
{
  gsize max_bytes;
  guint max_depth;
} WspJsonGuardLimits;

#define WSP_JSON_GUARD_DEFAULT_MAX_BYTES ((gsize) 256 * 1024 * 1024)
#define WSP_JSON_GUARD_DEFAULT_MAX_DEPTH 32u
#define WSP_JSON_GUARD_MAX_SAFE_INTEGER  G_GINT64_CONSTANT (9007199254740991)

GQuark   wsp_json_guard_error_quark (void);

gboolean wsp_json_guard_check       (const char                *data,
                                     gsize                      length,
                                     const WspJsonGuardLimits  *limits,
                                     GError                   **error);

G_END_DECLS
