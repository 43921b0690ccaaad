/* wsp-convergence.h — a seeded random test of laptops that keep in step by
 * exchanging packets, checked against what the people wrote
 *
 * Each laptop is its own SQLite file on its own "computer" (its own notes
 * of how far its numbering went). A seeded GRand has people create, edit,
 * delete and restore organisations, record votes and resolve conflicts on
 * them, and the laptops exchange packets (full, or deltas for their
 * recipient), some imported late or twice; laptops are backed up and
 * restored mid-history, databases are copied to a new computer, laptops
 * make new keys, and hostile laptops send forged files.
 *
 * The oracle knows nothing of the store: it keeps each write a person made
 * (which fields, which values) and what that person's laptop had seen when
 * she made it, and what each laptop has received. After every save and
 * every exchange it works out, for every record a laptop holds, which
 * writes of each field no later write of the same field has seen, and
 * checks what the laptop shows: one such value, shown and not in conflict;
 * several values, all of them offered in a conflict; a delete that missed
 * an edit, a conflict; a record deleted only when every delete saw every
 * edit. So no write a person made can be hidden without a conflict.
 *
 * Environment, for looking into a failing seed:
 *   WSP_CONVERGENCE_TRACE   print every step on stderr
 *   WSP_CONVERGENCE_KEEP    keep the laptops' databases (the path is printed)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "store/wsp-store.h"

G_BEGIN_DECLS

#define WSP_CONVERGENCE_ERROR (wsp_convergence_error_quark ())

typedef enum
{
  WSP_CONVERGENCE_ERROR_FAILED,    /* an operation failed that should have worked */
  WSP_CONVERGENCE_ERROR_HIDDEN,    /* a laptop shows other than what the people wrote */
  WSP_CONVERGENCE_ERROR_ACCEPTED,  /* a forged or damaged file was taken */
  WSP_CONVERGENCE_ERROR_CHANGED,   /* a refused file changed something */
  WSP_CONVERGENCE_ERROR_DIVERGED,  /* after everyone exchanged, laptops disagree */
  WSP_CONVERGENCE_ERROR_DAMAGED,   /* wsp_store_check() refused a laptop's database */
} WspConvergenceError;

GQuark wsp_convergence_error_quark (void);

/* What kinds of events a run has, besides saves and exchanges. */
typedef enum
{
  WSP_CONVERGENCE_RESTORES = 1 << 0, /* backups restored mid-history */
  WSP_CONVERGENCE_COPIES   = 1 << 1, /* databases copied to a new computer */
  WSP_CONVERGENCE_NEW_KEYS = 1 << 2, /* laptops that make a new key */
  WSP_CONVERGENCE_HOSTILE  = 1 << 3, /* forged and damaged files from a trusted laptop */
  WSP_CONVERGENCE_ALL      = 0xf,
} WspConvergenceEvents;

typedef struct
{
  guint   saves;            /* creations, edits, deletes, restores, resolutions that wrote */
  guint   writes_unchanged; /* saves that set only the values shown: nothing written */
  guint   creations;
  guint   votes;
  guint   deletes;
  guint   undeletes;
  guint   resolutions;
  guint   exchanges;        /* packets imported */
  guint   deltas;           /* of those, deltas */
  guint   late;             /* imported after other events, or again */
  guint   refused_stale;    /* deltas refused: the laptop no longer holds what they assume */
  guint   refused_key;      /* refused: a laptop's new key not accepted here yet */
  guint   backups;
  guint   restores;
  guint   copies;
  guint   new_identities;   /* copies that became laptops of their own */
  guint   new_keys;
  guint   hostile;          /* forged or damaged files, all refused */
  guint   conflicts_seen;   /* checks that found a field or delete in conflict */
  guint   checks;           /* records checked against the oracle */
  guint   rounds;           /* final rounds of everyone exchanging with everyone */
  guint   records;          /* records at the end */
  guint   lost_by_restore;  /* writes gone with a restore before any other laptop had them */
  gdouble seconds;
} WspConvergenceStats;

/* The events of a seed: a third plain saves and exchanges, a third with
 * restored backups, a third with new keys; all with copies and forged
 * files. Not restores and new keys in one run: a laptop restored to before
 * it accepted another's new key, which that laptop lost with a restore of
 * its own, can keep changes aside that no laptop can vouch for any more
 * (the README says so). */
WspConvergenceEvents wsp_convergence_events_for_seed (guint32 seed);

gboolean  wsp_convergence_run         (guint32               seed,
                                       guint                 laptops,
                                       guint                 steps,
                                       WspConvergenceEvents  events,
                                       WspConvergenceStats  *stats,
                                       GError              **error);

/* A new empty folder for test databases: in WSP_CONVERGENCE_TMPDIR, else in
 * /dev/shm where it can be written (SQLite's fsyncs are most of the time on a
 * disk), else in the usual temporary folder. */
char     *wsp_convergence_make_folder (GError  **error);

G_END_DECLS
