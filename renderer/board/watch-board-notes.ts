import type * as Y from 'yjs';
import { noteListing, observeRoots, type RootName } from '../../shared/model';

/**
 * Calls `changed` after a transaction that changed what one board lists — a note on it added,
 * moved, resized, retagged or gone, the board deleted or back (the doc's NoteListing says which
 * board) — or who may see private notes (settings, facilitators), or any of `roots`. Typing in a
 * note calls nothing. Returns the function that stops watching.
 */
export function watchBoardNotes(doc: Y.Doc, boardId: string, changed: () => void, roots: readonly RootName[] = []): () => void {
  const stopListing = noteListing(doc).subscribe((change) => {
    if (change.edited.has(boardId)) changed();
  });
  const stopRoots = observeRoots(doc, ['settings', 'facilitators', ...roots], changed);
  return () => {
    stopListing();
    stopRoots();
  };
}
