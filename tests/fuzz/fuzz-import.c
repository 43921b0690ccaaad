/* fuzz-import.c — libFuzzer target: a whole exchange file, as read from disk
 *
 * Whatever the bytes, the import must refuse them or take them, without
 * crashing, leaking or touching memory it should not. The store is in memory
 * and every import is a dry run, so inputs do not pile up.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdint.h>

#include "sync/wsp-sync.h"

static WspStore *store;

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr (GBytes) bytes = g_bytes_new (data, size);
  g_auto (WspImportReport) report = { 0 };
  g_autoptr (GError) error = NULL;

  if (store == NULL)
    store = wsp_store_open (NULL, NULL);
  if (wsp_sync_import_bytes (store, bytes, WSP_IMPORT_DRY_RUN, &report, &error))
    g_assert_no_error (error);
  else
    g_assert_nonnull (error);
  return 0;
}
