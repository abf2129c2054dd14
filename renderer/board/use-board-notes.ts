import { useMemo, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { listNotes, notesMap } from '../../shared/model';

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}

/**
 * Ids of the live notes on one board, in stacking order. The array keeps its identity while the
 * set is unchanged, so typing in one note re-renders that note only, not the board.
 */
export function useBoardNoteIds(doc: Y.Doc, boardId: string): string[] {
  const store = useMemo(() => {
    const read = () => listNotes(doc, boardId).map((n) => n.id);
    let snapshot = read();
    return {
      get: () => snapshot,
      subscribe: (changed: () => void) => {
        const notes = notesMap(doc);
        // Boards too: deleting or restoring a board hides or shows its notes.
        const boards = doc.getMap('boards');
        const update = () => {
          const next = read();
          if (sameIds(next, snapshot)) return;
          snapshot = next;
          changed();
        };
        notes.observeDeep(update);
        boards.observeDeep(update);
        update();
        return () => {
          notes.unobserveDeep(update);
          boards.unobserveDeep(update);
        };
      },
    };
  }, [doc, boardId]);
  return useSyncExternalStore(store.subscribe, store.get);
}
