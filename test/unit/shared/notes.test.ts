import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addNote,
  createSessionContent,
  deleteNote,
  getNote,
  listBoards,
  listNotes,
  LOCAL_ORIGIN,
  moveNote,
  readSessionMeta,
  restoreNote,
  setNoteColour,
  setNoteText,
  countLiveNotes,
  SCHEMA_VERSION,
} from '../../../shared/model';

function newSession() {
  const doc = new Y.Doc();
  const { boardId } = createSessionContent(doc, { title: '  Warsaw   lab ', firstBoardTitle: 'Main board', now: 1000 });
  return { doc, boardId };
}

function sync(a: Y.Doc, b: Y.Doc) {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

describe('session content', () => {
  it('creates the meta and the first board', () => {
    const { doc, boardId } = newSession();
    expect(readSessionMeta(doc)).toMatchObject({ title: 'Warsaw lab', createdAt: 1000, schemaVersion: SCHEMA_VERSION });
    expect(listBoards(doc)).toEqual([{ id: boardId, title: 'Main board', kind: 'free', order: 1, createdAt: 1000, templateId: null, deletedAt: null }]);
  });
});

describe('notes', () => {
  it('stores only what differs from the defaults, and one value per move', () => {
    const { doc, boardId } = newSession();
    const id = addNote(doc, { boardId, pos: { x: 0, y: 0 }, now: 1, text: 'Lean' });
    const record = doc.getMap('notes').get(id) as Y.Map<unknown>;
    expect([...record.keys()].sort()).toEqual(['boardId', 'colour', 'createdAt', 'pos', 'text']);
    const before = Y.encodeStateAsUpdate(doc).byteLength;
    for (let i = 1; i <= 20; i++) moveNote(doc, id, { x: i * 10, y: 0 }, 1 + i);
    const perMove = (Y.encodeStateAsUpdate(doc).byteLength - before) / 20;
    expect(perMove).toBeLessThan(30);
    expect(getNote(doc, id)).toMatchObject({ pos: { x: 200, y: 0 }, z: 21 });
  });

  it('adds, edits, moves, recolours and deletes a note', () => {
    const { doc, boardId } = newSession();
    const id = addNote(doc, { boardId, pos: { x: 10.4, y: -20.6 }, now: 2000, text: 'Retrofit schools' });
    expect(getNote(doc, id)).toMatchObject({ text: 'Retrofit schools', pos: { x: 10, y: -21 }, colour: 'yellow', deletedAt: null });

    setNoteText(doc, id, 'Retrofit all schools', 2100);
    moveNote(doc, id, { x: 300, y: 400 }, 2200);
    setNoteColour(doc, id, 'green', 2300);
    // updatedAt is minute-grained (every overwrite stays in the doc's history), so these edits
    // within a second of creation keep it; one a minute later moves it.
    expect(getNote(doc, id)).toMatchObject({ text: 'Retrofit all schools', pos: { x: 300, y: 400 }, colour: 'green', updatedAt: 2000 });
    setNoteText(doc, id, 'Retrofit all public schools', 2000 + 60_000);
    expect(getNote(doc, id)?.updatedAt).toBe(62_000);

    deleteNote(doc, id, 2400);
    expect(listNotes(doc, boardId)).toEqual([]);
    expect(countLiveNotes(doc)).toBe(0);
    expect(getNote(doc, id)?.deletedAt).toBe(2400);
    restoreNote(doc, id, 2500);
    expect(listNotes(doc, boardId).map((n) => n.text)).toEqual(['Retrofit all public schools']);
  });

  it('lists notes back to front; a moved note comes to the front', () => {
    const { doc, boardId } = newSession();
    const a = addNote(doc, { boardId, pos: { x: 0, y: 0 }, now: 1 });
    const b = addNote(doc, { boardId, pos: { x: 0, y: 0 }, now: 2 });
    expect(listNotes(doc, boardId).map((n) => n.id)).toEqual([a, b]);
    moveNote(doc, a, { x: 5, y: 5 }, 3);
    expect(listNotes(doc, boardId).map((n) => n.id)).toEqual([b, a]);
  });

  it('clamps hostile coordinates and ignores unknown colours', () => {
    const { doc, boardId } = newSession();
    const id = addNote(doc, { boardId, pos: { x: Number.NaN, y: 1e12 }, now: 1 });
    expect(getNote(doc, id)?.pos).toEqual({ x: 0, y: 1_000_000 });
    setNoteColour(doc, id, 'magenta' as never, 2);
    expect(getNote(doc, id)?.colour).toBe('yellow');
  });

  it('undo reverts only this user’s last step, including a delete', () => {
    const { doc, boardId } = newSession();
    const undo = new Y.UndoManager(doc.getMap('notes'), { trackedOrigins: new Set([LOCAL_ORIGIN]) });
    const id = addNote(doc, { boardId, pos: { x: 0, y: 0 }, now: 1, text: 'Keep me' });
    undo.stopCapturing();
    deleteNote(doc, id, 2);
    expect(listNotes(doc, boardId)).toHaveLength(0);
    undo.undo();
    expect(listNotes(doc, boardId).map((n) => n.text)).toEqual(['Keep me']);
  });

  it('two people moving one note at once end on one whole position, the same on both sides', () => {
    const { doc: a, boardId } = newSession();
    const b = new Y.Doc();
    const id = addNote(a, { boardId, pos: { x: 0, y: 0 }, now: 1 });
    sync(a, b);
    moveNote(a, id, { x: 100, y: 100 }, 2);
    moveNote(b, id, { x: -50, y: 700 }, 2);
    sync(a, b);
    const pa = getNote(a, id)?.pos;
    expect(pa).toEqual(getNote(b, id)?.pos);
    expect([JSON.stringify({ x: 100, y: 100 }), JSON.stringify({ x: -50, y: 700 })]).toContain(JSON.stringify(pa));
  });

  it('concurrent typing in one note keeps both people’s words', () => {
    const { doc: a, boardId } = newSession();
    const b = new Y.Doc();
    const id = addNote(a, { boardId, pos: { x: 0, y: 0 }, now: 1, text: 'energy agency' });
    sync(a, b);
    setNoteText(a, id, 'Regional energy agency', 2);
    setNoteText(b, id, 'energy agency with a fund', 2);
    sync(a, b);
    expect(getNote(a, id)?.text).toBe('Regional energy agency with a fund');
    expect(getNote(b, id)?.text).toBe('Regional energy agency with a fund');
  });

  it('an edit racing a delete is kept in the deleted note, so restoring brings it back', () => {
    const { doc: a, boardId } = newSession();
    const b = new Y.Doc();
    const id = addNote(a, { boardId, pos: { x: 0, y: 0 }, now: 1, text: 'draft' });
    sync(a, b);
    deleteNote(a, id, 2);
    setNoteText(b, id, 'draft, edited', 2);
    sync(a, b);
    restoreNote(a, id, 3);
    expect(getNote(a, id)?.text).toBe('draft, edited');
  });
});
