import * as Y from 'yjs';
import { boardsMap, type RecordMap } from './doc-roots';
import { randomId } from './ids';
import { LOCAL_ORIGIN } from './origin';

export type BoardKind = 'free' | 'canvas';

export interface Board {
  id: string;
  title: string;
  kind: BoardKind;
  /** Sort key; boards are listed by it, ties broken by id so every peer shows the same order. */
  order: number;
  createdAt: number;
}

export function addBoard(doc: Y.Doc, init: { title: string; kind?: BoardKind; now: number; id?: string }): string {
  const id = init.id ?? randomId(64);
  doc.transact(() => {
    const boards = boardsMap(doc);
    const last = Math.max(0, ...listBoards(doc).map((b) => b.order));
    const record: RecordMap = new Y.Map();
    record.set('id', id);
    record.set('title', init.title);
    record.set('kind', init.kind ?? 'free');
    record.set('order', last + 1);
    record.set('createdAt', init.now);
    boards.set(id, record);
  }, LOCAL_ORIGIN);
  return id;
}

export function readBoard(record: RecordMap): Board | null {
  const id = record.get('id');
  const title = record.get('title');
  if (typeof id !== 'string' || typeof title !== 'string') return null;
  const kind = record.get('kind') === 'canvas' ? 'canvas' : 'free';
  const order = record.get('order');
  const createdAt = record.get('createdAt');
  return {
    id,
    title,
    kind,
    order: typeof order === 'number' && Number.isFinite(order) ? order : 0,
    createdAt: typeof createdAt === 'number' ? createdAt : 0,
  };
}

export function listBoards(doc: Y.Doc): Board[] {
  const out: Board[] = [];
  boardsMap(doc).forEach((record) => {
    const board = readBoard(record);
    if (board) out.push(board);
  });
  return out.sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function renameBoard(doc: Y.Doc, boardId: string, title: string): void {
  const record = boardsMap(doc).get(boardId);
  const clean = title.trim();
  if (!record || !clean) return;
  doc.transact(() => record.set('title', clean), LOCAL_ORIGIN);
}
