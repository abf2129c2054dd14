import { useMemo, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { noteListing } from '../../shared/model';
import { useWorkshop } from '../workshop/workshop-context';
import { watchBoardNotes } from './watch-board-notes';

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}

/**
 * Ids of the live notes on one board this person sees, in stacking order. The array keeps its
 * identity while the list is unchanged, so typing in, resizing or recolouring one note re-renders
 * that note only, not the board. The doc's NoteListing keeps the list: nothing is re-read here.
 */
export function useBoardNoteIds(doc: Y.Doc, boardId: string): readonly string[] {
  const store = useNoteIdsStore(doc, boardId);
  return useSyncExternalStore(store.subscribe, store.get);
}

/** Whether the board shows any note: re-renders its user only when that flips. */
export function useBoardHasNotes(doc: Y.Doc, boardId: string): boolean {
  const store = useNoteIdsStore(doc, boardId);
  return useSyncExternalStore(store.subscribe, () => store.get().length > 0);
}

function useNoteIdsStore(doc: Y.Doc, boardId: string) {
  const { notesOn } = useWorkshop();
  return useMemo(() => {
    const listing = noteListing(doc);
    const read = () => {
      const seen = notesOn(boardId);
      // Unfiltered (the usual case): the listing's own ids, whose identity already means "changed".
      return seen === listing.notesOn(boardId) ? listing.idsOn(boardId) : seen.map((n) => n.id);
    };
    let snapshot = read();
    return {
      get: () => snapshot,
      subscribe: (changed: () => void) => {
        const update = () => {
          const next = read();
          if (next === snapshot || sameIds(next, snapshot)) return;
          snapshot = next;
          changed();
        };
        const stop = watchBoardNotes(doc, boardId, update);
        update();
        return stop;
      },
    };
  }, [doc, boardId, notesOn]);
}
