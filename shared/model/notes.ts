import * as Y from 'yjs';
import { DEFAULT_NOTE_COLOUR, isNoteColour, type NoteColour } from './colours';
import { notesMap, type RecordMap } from './doc-roots';
import { clampCoordinate, DEFAULT_NOTE_SIZE, isPoint, isSize, type Point, type Size } from './geometry';
import { randomId } from './ids';
import { LOCAL_ORIGIN } from './origin';
import { applyTextChange } from './text-diff';

/**
 * A sticky note. Concurrency choices (kept here so every peer makes the same one):
 * - position is one atomic `{x, y}` value: concurrent moves resolve to one whole position
 *   (last writer wins), never x from one person and y from another;
 * - text is a Y.Text: two people typing in one note both keep their characters;
 * - delete is a tombstone (`deletedAt`), not removal: an edit racing a delete is never lost and
 *   the note can be restored.
 */
export interface Note {
  id: string;
  boardId: string;
  text: string;
  colour: NoteColour;
  pos: Point;
  size: Size;
  createdAt: number;
  updatedAt: number;
  authorId: string;
  authorName: string;
  deletedAt: number | null;
  /** Stacking order: higher is in front. */
  z: number;
}

export const MAX_NOTE_TEXT_LENGTH = 2_000;

export interface NewNote {
  boardId: string;
  pos: Point;
  now: number;
  colour?: NoteColour;
  text?: string;
  authorId?: string;
  authorName?: string;
  id?: string;
}

export function addNote(doc: Y.Doc, init: NewNote): string {
  const id = init.id ?? randomId(64);
  doc.transact(() => {
    const record: RecordMap = new Y.Map();
    const text = new Y.Text();
    if (init.text) text.insert(0, init.text.slice(0, MAX_NOTE_TEXT_LENGTH));
    record.set('id', id);
    record.set('boardId', init.boardId);
    record.set('text', text);
    record.set('colour', init.colour ?? DEFAULT_NOTE_COLOUR);
    record.set('pos', { x: clampCoordinate(init.pos.x), y: clampCoordinate(init.pos.y) });
    record.set('size', { ...DEFAULT_NOTE_SIZE });
    record.set('createdAt', init.now);
    record.set('updatedAt', init.now);
    record.set('z', init.now);
    record.set('authorId', init.authorId ?? '');
    record.set('authorName', init.authorName ?? '');
    record.set('deletedAt', null);
    notesMap(doc).set(id, record);
  }, LOCAL_ORIGIN);
  return id;
}

function liveRecord(doc: Y.Doc, noteId: string): RecordMap | undefined {
  return notesMap(doc).get(noteId);
}

export function setNoteText(doc: Y.Doc, noteId: string, next: string, now: number): void {
  const record = liveRecord(doc, noteId);
  const text = record?.get('text');
  if (!record || !(text instanceof Y.Text)) return;
  const clipped = next.slice(0, MAX_NOTE_TEXT_LENGTH);
  if (text.toString() === clipped) return;
  doc.transact(() => {
    applyTextChange(text, clipped);
    record.set('updatedAt', now);
  }, LOCAL_ORIGIN);
}

export function moveNote(doc: Y.Doc, noteId: string, pos: Point, now: number): void {
  const record = liveRecord(doc, noteId);
  if (!record) return;
  const next = { x: clampCoordinate(pos.x), y: clampCoordinate(pos.y) };
  const prev = record.get('pos');
  if (isPoint(prev) && prev.x === next.x && prev.y === next.y) return;
  doc.transact(() => {
    record.set('pos', next);
    // A note someone just placed comes to the front.
    record.set('z', now);
    record.set('updatedAt', now);
  }, LOCAL_ORIGIN);
}

export function setNoteColour(doc: Y.Doc, noteId: string, colour: NoteColour, now: number): void {
  const record = liveRecord(doc, noteId);
  if (!record || !isNoteColour(colour) || record.get('colour') === colour) return;
  doc.transact(() => {
    record.set('colour', colour);
    record.set('updatedAt', now);
  }, LOCAL_ORIGIN);
}

export function deleteNote(doc: Y.Doc, noteId: string, now: number): void {
  const record = liveRecord(doc, noteId);
  if (!record || typeof record.get('deletedAt') === 'number') return;
  doc.transact(() => record.set('deletedAt', now), LOCAL_ORIGIN);
}

export function restoreNote(doc: Y.Doc, noteId: string, now: number): void {
  const record = liveRecord(doc, noteId);
  if (!record || typeof record.get('deletedAt') !== 'number') return;
  doc.transact(() => {
    record.set('deletedAt', null);
    record.set('updatedAt', now);
  }, LOCAL_ORIGIN);
}

/** Reads a note record defensively: a malformed record from a peer or an old file is skipped. */
export function readNote(record: RecordMap): Note | null {
  const id = record.get('id');
  const boardId = record.get('boardId');
  const text = record.get('text');
  const pos = record.get('pos');
  if (typeof id !== 'string' || typeof boardId !== 'string' || !isPoint(pos)) return null;
  const colour = record.get('colour');
  const size = record.get('size');
  const num = (key: string) => {
    const v = record.get(key);
    return typeof v === 'number' && Number.isFinite(v) ? v : 0;
  };
  const str = (key: string) => {
    const v = record.get(key);
    return typeof v === 'string' ? v : '';
  };
  const deletedAt = record.get('deletedAt');
  return {
    id,
    boardId,
    text: text instanceof Y.Text ? text.toString() : typeof text === 'string' ? text : '',
    colour: isNoteColour(colour) ? colour : DEFAULT_NOTE_COLOUR,
    pos: { x: pos.x, y: pos.y },
    size: isSize(size) ? { w: size.w, h: size.h } : { ...DEFAULT_NOTE_SIZE },
    createdAt: num('createdAt'),
    updatedAt: num('updatedAt'),
    authorId: str('authorId'),
    authorName: str('authorName'),
    deletedAt: typeof deletedAt === 'number' ? deletedAt : null,
    z: typeof record.get('z') === 'number' ? num('z') : num('createdAt'),
  };
}

export function getNote(doc: Y.Doc, noteId: string): Note | null {
  const record = liveRecord(doc, noteId);
  return record ? readNote(record) : null;
}

/** Live (not deleted) notes of one board, back to front. */
export function listNotes(doc: Y.Doc, boardId: string): Note[] {
  const out: Note[] = [];
  notesMap(doc).forEach((record) => {
    const note = readNote(record);
    if (note && note.boardId === boardId && note.deletedAt === null) out.push(note);
  });
  return out.sort((a, b) => a.z - b.z || (a.id < b.id ? -1 : 1));
}

export function countLiveNotes(doc: Y.Doc): number {
  let count = 0;
  notesMap(doc).forEach((record) => {
    if (record.get('deletedAt') == null && typeof record.get('id') === 'string') count++;
  });
  return count;
}
