import * as Y from 'yjs';
import { allRoots, boardsMap, clustersMap, decisionsMap, roundsMap } from './doc-roots';
import { LOCAL_ORIGIN } from './origin';

/**
 * The undo manager to use with this model: it tracks only LOCAL_ORIGIN (this person's edits, not
 * peers', not migrations) over every root.
 *
 * Why a delete filter: undoing "add board" would remove the board record for real, and a peer may
 * already have put notes (or clusters, votes, agenda items) on it — they would point at nothing.
 * So records that others reference by id (boards, clusters, voting rounds) are never hard-deleted
 * by undo; undoing their creation leaves the record (the UI offers delete = tombstone instead).
 * The fuzz suite runs undo/redo against concurrent edits to hold this to account.
 * Notes may be removed by undoing their creation: whatever points at a missing note (a vote) is
 * simply not counted.
 */
export function createUndoManager(doc: Y.Doc, opts: { captureTimeout?: number } = {}): Y.UndoManager {
  // Compared by identity only, so the element type does not matter.
  const protectedParents = new Set<unknown>([boardsMap(doc), clustersMap(doc), roundsMap(doc)]);
  // The decision record is append-only: undoing an action never takes back the fact that it was taken.
  const scope = allRoots(doc).filter((root) => root !== decisionsMap(doc));
  return new Y.UndoManager(scope, {
    trackedOrigins: new Set([LOCAL_ORIGIN]),
    captureTimeout: opts.captureTimeout ?? 500,
    // The record itself and its fields are kept: undoing the creation then changes nothing, while
    // undoing an edit of a field still works (Yjs restores the old value on top of the new one).
    deleteFilter: (item) => {
      if (protectedParents.has(item.parent)) return false;
      const record = (item.parent as Y.AbstractType<unknown>)._item;
      return !(record && protectedParents.has(record.parent));
    },
  });
}
