/* wsp-changes.h — what one commit changed, by kind of record
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define WSP_TYPE_CHANGES (wsp_changes_get_type ())

typedef struct _WspChanges WspChanges;

GType              wsp_changes_get_type     (void) G_GNUC_CONST;
WspChanges        *wsp_changes_new          (void);
WspChanges        *wsp_changes_ref          (WspChanges *self);
void               wsp_changes_unref        (WspChanges *self);
void               wsp_changes_add          (WspChanges *self,
                                             const char *entity,
                                             const char *id);
void               wsp_changes_add_all      (WspChanges *self,
                                             WspChanges *other);
gboolean           wsp_changes_is_empty     (WspChanges *self);
guint              wsp_changes_get_n        (WspChanges *self);
gboolean           wsp_changes_has_entity   (WspChanges *self,
                                             const char *entity);
gboolean           wsp_changes_contains     (WspChanges *self,
                                             const char *entity,
                                             const char *id);
const char * const *wsp_changes_get_ids     (WspChanges *self,
                                             const char *entity,
                                             guint      *n_ids);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WspChanges, wsp_changes_unref)

G_END_DECLS
