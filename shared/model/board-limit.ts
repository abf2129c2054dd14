import * as Y from 'yjs';
import { notesMap } from './doc-roots';

/**
 * How many notes one board holds at most. The board stays smooth well past 5,000 (only notes near
 * the view are mounted, README "Performance"); the limit keeps a runaway paste or a hostile peer
 * from making a board no laptop in the room can open. Past it, adding says so and suggests a new board.
 */
export const MAX_NOTES_PER_BOARD = 10_000;

/** Live notes per board, counted once per change of the notes: asked on every render, counted rarely. */
const counts = new WeakMap<Y.Doc, Map<string, number> | null>();

function watch(doc: Y.Doc): void {
  // Any change under the notes root (a field of a note is a change in a nested map) drops the counts.
  const notes = notesMap(doc) as never;
  doc.on('afterTransaction', (tr: Y.Transaction) => {
    if (tr.changedParentTypes.has(notes) || tr.changed.has(notes)) counts.set(doc, null);
  });
}

export function liveNotesOnBoard(doc: Y.Doc, boardId: string): number {
  if (!counts.has(doc)) watch(doc);
  let byBoard = counts.get(doc);
  if (!byBoard) {
    byBoard = new Map();
    notesMap(doc).forEach((record) => {
      if (!(record instanceof Y.Map) || record.get('deletedAt') != null) return;
      const board = record.get('boardId');
      if (typeof board === 'string') byBoard!.set(board, (byBoard!.get(board) ?? 0) + 1);
    });
    counts.set(doc, byBoard);
  }
  return byBoard.get(boardId) ?? 0;
}
