import { useEffect, useRef, useState } from 'react';
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
  const read = () => listNotes(doc, boardId).map((n) => n.id);
  const [ids, setIds] = useState<string[]>(read);
  const current = useRef(ids);
  useEffect(() => {
    const notes = notesMap(doc);
    const update = () => {
      const next = read();
      if (!sameIds(next, current.current)) {
        current.current = next;
        setIds(next);
      }
    };
    notes.observeDeep(update);
    update();
    return () => notes.unobserveDeep(update);
  }, [doc, boardId]);
  return ids;
}
