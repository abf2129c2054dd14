import { useMemo, useSyncExternalStore } from 'react';
import * as Y from 'yjs';
import { notesMap, observeRoots } from '../../shared/model';
import { useWorkshop } from '../workshop/workshop-context';

/** Note fields that decide whether a note is listed on a board and where it stacks. */
const LISTING_KEYS = new Set(['boardId', 'deletedAt', 'pos', 'z', 'private']);

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
  const { notesOn } = useWorkshop();
  const store = useMemo(() => {
    const read = () => notesOn(boardId).map((n) => n.id);
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
        // Boards too: deleting or restoring a board hides or shows its notes; and who may see
        // private notes changes with the settings and the facilitator list.
        const stopBoards = observeRoots(doc, ['boards', 'settings', 'facilitators'], update);
        update();
        return () => {
          notes.unobserveDeep(onNotes);
          stopBoards();
        };
      },
    };
  }, [doc, boardId, notesOn]);
  return useSyncExternalStore(store.subscribe, store.get);
}
