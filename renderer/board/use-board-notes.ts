import { useMemo, useSyncExternalStore } from 'react';
import * as Y from 'yjs';
import { listNotes, notesMap, observeRoots } from '../../shared/model';

/** Note fields that decide whether a note is listed on a board and where it stacks. */
const LISTING_KEYS = new Set(['boardId', 'deletedAt', 'pos', 'z']);

/** Typing, recolouring or tagging a note cannot change the list; skip the O(n) re-read for those. */
function touchesListing(events: Y.YEvent<Y.AbstractType<unknown>>[], notes: object): boolean {
  return events.some((e) => e.target === notes || (e instanceof Y.YMapEvent && [...e.keysChanged].some((k) => LISTING_KEYS.has(k))));
}

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
        const update = () => {
          const next = read();
          if (sameIds(next, snapshot)) return;
          snapshot = next;
          changed();
        };
        const onNotes = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
          if (touchesListing(events, notes)) update();
        };
        notes.observeDeep(onNotes);
        // Boards too: deleting or restoring a board hides or shows its notes.
        const stopBoards = observeRoots(doc, ['boards'], update);
        update();
        return () => {
          notes.unobserveDeep(onNotes);
          stopBoards();
        };
      },
    };
  }, [doc, boardId]);
  return useSyncExternalStore(store.subscribe, store.get);
}
