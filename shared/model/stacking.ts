import type * as Y from 'yjs';
import { notesMap, type RecordMap } from './doc-roots';
import { noteListing } from './note-listing';
import { readNumber } from './validate';

/**
 * The stacking value for a note brought to the front of its board: the editing device's time, or
 * just above the board's front note when that is higher — a note placed by a laptop whose clock
 * is hours behind (or jumped back) would otherwise land behind everything, and one stamped by a
 * clock hours ahead would stay in front of every later one.
 */
export function frontZ(doc: Y.Doc, boardId: string, now: number): number {
  const z = Math.max(now, boardFront(doc, boardId) + 1);
  // Later notes of the same transaction (a group move, a paste) stack above this one.
  fronts(doc).set(boardId, z);
  return z;
}

const cache = new WeakMap<Y.Doc, Map<string, number>>();

/** Per board, within one transaction (the listing catches up only after it). */
function fronts(doc: Y.Doc): Map<string, number> {
  let boards = cache.get(doc);
  if (!boards) {
    const fresh = new Map<string, number>();
    const notes = notesMap(doc) as unknown as Y.AbstractType<Y.YEvent<Y.AbstractType<unknown>>>;
    doc.on('afterTransaction', (transaction: Y.Transaction) => {
      if (transaction.changedParentTypes.has(notes) || transaction.changed.has(notes)) fresh.clear();
    });
    cache.set(doc, fresh);
    boards = fresh;
  }
  return boards;
}

/** The board's front note, from the doc's incremental listing (sorted back to front): no scan. */
function boardFront(doc: Y.Doc, boardId: string): number {
  const boards = fronts(doc);
  const known = boards.get(boardId);
  if (known !== undefined) return known;
  const front = noteListing(doc).notesOn(boardId).at(-1)?.z ?? Number.NEGATIVE_INFINITY;
  boards.set(boardId, front);
  return front;
}

/** Stacking order: inside `pos` since v2; a separate `z` key in v1 docs; else creation order. */
export function stackingOf(record: RecordMap): number {
  const inPos = (record.get('pos') as { z?: unknown } | null | undefined)?.z;
  if (typeof inPos === 'number' && Number.isFinite(inPos)) return inPos;
  return readNumber(record, 'z', readNumber(record, 'createdAt'));
}
