import { useMemo, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { getNote, type Note } from '../../shared/model';
import { useBoardUi } from '../state/board-ui';
import { boundsOf } from './view-geometry';
import { watchBoardNotes } from './watch-board-notes';

export interface WorldBox {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** The smallest box around some notes (world px); null for none. */
export function boxAround(notes: readonly Note[]): WorldBox | null {
  return boundsOf(notes.map((n) => ({ ...n.pos, ...n.size })));
}

/**
 * The live notes of this board that are selected, kept current as anyone moves, recolours or
 * deletes them (a note a peer deleted drops out at once). Re-read only when the board's listing
 * changed and something is selected: a peer typing in a note re-renders that note, not the board.
 */
export function useSelectedNotes(doc: Y.Doc, boardId: string): Note[] {
  const ids = useBoardUi((s) => s.selectedIds);
  const store = useMemo(() => {
    let version = 0;
    return {
      get: () => version,
      subscribe: (changed: () => void) =>
        watchBoardNotes(doc, boardId, () => {
          if (useBoardUi.getState().selectedIds.length === 0) return;
          version++;
          changed();
        }),
    };
  }, [doc, boardId]);
  const version = useSyncExternalStore(store.subscribe, store.get);
  return useMemo(
    () => ids.flatMap((id) => {
      const note = getNote(doc, id);
      return note && note.boardId === boardId && note.deletedAt === null ? [note] : [];
    }),
    // `version` re-reads the notes after every change to them.
    [doc, boardId, ids, version],
  );
}
