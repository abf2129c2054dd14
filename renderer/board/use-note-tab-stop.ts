import { useEffect } from 'react';
import type * as Y from 'yjs';
import { firstInReadingOrder } from '../../shared/model';
import { useWorkshop } from '../workshop/workshop-context';
import { useBoardUi } from '../state/board-ui';

/**
 * Keeps one note the board's Tab stop (roving tabindex): the primary selected note, else the
 * first note in reading order. Tab then enters the board once, moves row by row through the notes
 * (use-selection-keys.ts) and leaves the board after the last — instead of visiting notes in the
 * order they were created. Selected notes that vanished (deleted here or by a peer, board
 * switched) drop out of the selection.
 */
export function useNoteTabStop(doc: Y.Doc, boardId: string, noteIds: readonly string[]): void {
  const { notesOn } = useWorkshop();
  const selectedIds = useBoardUi((s) => s.selectedIds);
  const primary = useBoardUi((s) => s.selectedNoteId);
  useEffect(() => {
    const live = new Set(noteIds);
    const kept = selectedIds.filter((id) => live.has(id));
    if (kept.length !== selectedIds.length) {
      useBoardUi.getState().setSelection(kept);
      return;
    }
    let stop = primary && live.has(primary) ? primary : null;
    if (!stop) {
      const first = firstInReadingOrder(notesOn(boardId).map((n) => ({ id: n.id, ...n.rect })));
      stop = first?.id ?? null;
    }
    if (useBoardUi.getState().tabStopId !== stop) useBoardUi.setState({ tabStopId: stop });
  }, [doc, boardId, noteIds, selectedIds, primary, notesOn]);
}
