import * as Y from 'yjs';
import { boardsMap, type RecordMap } from './doc-roots';
import { randomId } from './ids';
import { nextOrder, recordIn, reorder, restore, tombstone } from './records';
import { cleanLine, compareIds, readNullableNumber, readNullableString, readNumber, readString } from './validate';
import { mutate } from './write';

/**
 * A board: a free sticky-note board or a canvas built from a template's zones (zones.ts).
 * Concurrency choices:
 * - boards are never removed from the map, only tombstoned (`deletedAt`). A note, cluster, vote
 *   or agenda item created concurrently with the delete still points at a record that exists,
 *   so "every note is on an existing board" holds on every peer without coordination. Deleting a
 *   board hides its notes (notes.ts); restoring it brings them all back, edits included.
 * - order is a number (fractional between neighbours on reorder), LWW per board; ties (two
 *   boards added at once get the same order) break by id, so every peer shows one order.
 * - title, kind, template id: independent LWW fields.
 */
export type BoardKind = 'free' | 'canvas';

export interface Board {
  id: string;
  title: string;
  kind: BoardKind;
  /** Sort key; boards are listed by it, ties broken by id so every peer shows the same order. */
  order: number;
  createdAt: number;
  /** Template the canvas was built from (shared/templates), null for a free board. */
  templateId: string | null;
  deletedAt: number | null;
}

export const MAX_BOARD_TITLE_LENGTH = 200;

export function isBoardKind(value: unknown): value is BoardKind {
  return value === 'free' || value === 'canvas';
}

export function addBoard(
  doc: Y.Doc,
  init: { title: string; kind?: BoardKind; now: number; id?: string; templateId?: string | null },
): string {
  const id = init.id ?? randomId(64);
  mutate(doc, () => {
    const boards = boardsMap(doc);
    const record: RecordMap = new Y.Map();
    record.set('id', id);
    record.set('title', cleanLine(init.title, MAX_BOARD_TITLE_LENGTH));
    record.set('kind', isBoardKind(init.kind) ? init.kind : 'free');
    record.set('order', nextOrder(boards));
    record.set('createdAt', init.now);
    record.set('templateId', init.templateId ?? null);
    record.set('deletedAt', null);
    boards.set(id, record);
  });
  return id;
}

export function readBoard(record: RecordMap): Board | null {
  const id = record.get('id');
  // Only the id is required; see readNote for why any other field may be missing.
  if (typeof id !== 'string') return null;
  return {
    id,
    title: readString(record, 'title').slice(0, MAX_BOARD_TITLE_LENGTH),
    kind: record.get('kind') === 'canvas' ? 'canvas' : 'free',
    order: readNumber(record, 'order'),
    createdAt: readNumber(record, 'createdAt'),
    templateId: readNullableString(record, 'templateId'),
    deletedAt: readNullableNumber(record, 'deletedAt'),
  };
}

function sortBoards(boards: Board[]): Board[] {
  return boards.sort((a, b) => a.order - b.order || compareIds(a.id, b.id));
}

/** Every board record, deleted ones included, in board order. */
export function listAllBoards(doc: Y.Doc): Board[] {
  const out: Board[] = [];
  boardsMap(doc).forEach((record) => {
    const board = record instanceof Y.Map ? readBoard(record) : null;
    if (board) out.push(board);
  });
  return sortBoards(out);
}

/** Live boards in order: what the session shows. */
export function listBoards(doc: Y.Doc): Board[] {
  return listAllBoards(doc).filter((b) => b.deletedAt === null);
}

/** The "recently deleted" boards, newest first. */
export function listDeletedBoards(doc: Y.Doc): Board[] {
  return listAllBoards(doc)
    .filter((b) => b.deletedAt !== null)
    .sort((a, b) => (b.deletedAt ?? 0) - (a.deletedAt ?? 0) || compareIds(a.id, b.id));
}

function boardRecord(doc: Y.Doc, boardId: string): RecordMap | null {
  return recordIn(boardsMap(doc), boardId);
}

export function getBoard(doc: Y.Doc, boardId: string): Board | null {
  const record = boardRecord(doc, boardId);
  return record ? readBoard(record) : null;
}

/** True if the board exists and is not deleted. */
export function isBoardLive(doc: Y.Doc, boardId: string): boolean {
  const board = getBoard(doc, boardId);
  return board !== null && board.deletedAt === null;
}

export function renameBoard(doc: Y.Doc, boardId: string, title: string): void {
  const record = boardRecord(doc, boardId);
  const clean = cleanLine(title, MAX_BOARD_TITLE_LENGTH);
  if (!record || !clean || record.get('title') === clean) return;
  mutate(doc, () => record.set('title', clean));
}

export function deleteBoard(doc: Y.Doc, boardId: string, now: number): void {
  tombstone(doc, boardsMap(doc), boardId, now);
}

export function restoreBoard(doc: Y.Doc, boardId: string): void {
  restore(doc, boardsMap(doc), boardId);
}

/** Moves a live board to `toIndex` among the live boards. */
export function moveBoard(doc: Y.Doc, boardId: string, toIndex: number): void {
  reorder(doc, boardsMap(doc), listBoards(doc), boardId, toIndex);
}
