import type * as Y from 'yjs';
import { noteListing } from './note-listing';

/**
 * How many notes one board holds at most. The board stays smooth well past 5,000 (only notes near
 * the view are mounted, README "Performance"); the limit keeps a runaway paste or a hostile peer
 * from making a board no laptop in the room can open. Past it, adding says so and suggests a new board.
 */
export const MAX_NOTES_PER_BOARD = 10_000;

/**
 * Live notes on a board, from the doc's NoteListing (kept current from Yjs events): asked on every
 * render of the board, it must not count the doc — that once cost a walk over every note after
 * each keystroke in any of them.
 */
export function liveNotesOnBoard(doc: Y.Doc, boardId: string): number {
  return noteListing(doc).liveCount(boardId);
}
