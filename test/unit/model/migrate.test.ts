import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as M from '../../../shared/model';
import { syncAll } from './helpers';

/** A v1 doc exactly as the v1 code wrote it (createSessionContent + addNote of schema 1). */
function v1Doc(): { doc: Y.Doc; boardId: string; noteId: string } {
  const doc = new Y.Doc();
  const boardId = 'board0000001';
  const noteId = 'note00000001';
  doc.transact(() => {
    const meta = doc.getMap('meta');
    meta.set('schemaVersion', 1);
    meta.set('title', 'Warsaw lab');
    meta.set('createdAt', 1000);
    const board = new Y.Map<unknown>();
    board.set('id', boardId);
    board.set('title', 'Main board');
    board.set('kind', 'free');
    board.set('order', 1);
    board.set('createdAt', 1000);
    doc.getMap('boards').set(boardId, board);
  });
  doc.transact(() => {
    const note = new Y.Map<unknown>();
    const text = new Y.Text();
    text.insert(0, 'Retrofit schools');
    for (const [k, v] of Object.entries({ id: noteId, boardId, colour: 'green', pos: { x: 10, y: 20 }, size: { w: 200, h: 200 }, createdAt: 2000, updatedAt: 2000, z: 2000, authorId: '', authorName: '', deletedAt: null })) note.set(k, v);
    note.set('text', text);
    doc.getMap('notes').set(noteId, note);
  }, M.LOCAL_ORIGIN);
  return { doc, boardId, noteId };
}

describe('migration v1 → v2', () => {
  it('migrates forward, keeps content, names the opener facilitator, and reads new fields with defaults', () => {
    const { doc, boardId, noteId } = v1Doc();
    const result = M.prepareLoadedDoc(doc, { clientId: 'device-a', clientName: 'Anna' });
    expect(result).toEqual({ readOnly: false, migratedFrom: 1, newerVersion: null });
    expect(M.readSessionMeta(doc)).toMatchObject({ title: 'Warsaw lab', schemaVersion: M.SCHEMA_VERSION, place: '', country: '' });
    expect(M.listBoards(doc)).toEqual([{ id: boardId, title: 'Main board', kind: 'free', order: 1, createdAt: 1000, templateId: null, deletedAt: null }]);
    expect(M.getNote(doc, noteId)).toMatchObject({ text: 'Retrofit schools', colour: 'green', zoneId: null, clusterId: null, level: null, actor: null });
    expect(M.listFacilitators(doc).map((f) => [f.clientId, f.name])).toEqual([['device-a', 'Anna']]);
    // New operations work on migrated records.
    M.setNoteTags(doc, noteId, { level: 'regional', actor: 'civil-society' }, 3000);
    M.deleteBoard(doc, boardId, 3001);
    expect(M.listBoards(doc)).toEqual([]);
    // A second load is a no-op.
    expect(M.prepareLoadedDoc(doc)).toEqual({ readOnly: false, migratedFrom: null, newerVersion: null });
  });

  it('is not undoable: it uses its own origin', () => {
    const { doc } = v1Doc();
    const undo = M.createUndoManager(doc);
    M.migrateDoc(doc, { clientId: 'device-a' });
    expect(undo.undoStack).toHaveLength(0);
    expect(M.readSessionMeta(doc).schemaVersion).toBe(M.SCHEMA_VERSION);
  });

  it('two peers migrating one old doc offline merge cleanly, and a late migration never undoes an edit', () => {
    const a = v1Doc();
    const b = new Y.Doc();
    syncAll(a.doc, b);
    M.migrateDoc(a.doc, { clientId: 'device-a' });
    M.deleteBoard(a.doc, a.boardId, 5000);
    M.migrateDoc(b, { clientId: 'device-b' });
    syncAll(a.doc, b);
    for (const d of [a.doc, b]) {
      expect(M.readSessionMeta(d).schemaVersion).toBe(M.SCHEMA_VERSION);
      expect(M.getBoard(d, a.boardId)?.deletedAt).toBe(5000);
    }
    expect(M.listFacilitators(b)).toEqual(M.listFacilitators(a.doc));
  });

  it('leaves an empty doc alone (the renderer reports it missing)', () => {
    const doc = new Y.Doc();
    expect(M.prepareLoadedDoc(doc)).toEqual({ readOnly: false, migratedFrom: null, newerVersion: null });
    expect(M.readSessionMeta(doc).schemaVersion).toBe(0);
  });
});

describe('a doc from a newer version', () => {
  it('opens read-only and is never rewritten, not even by operations', () => {
    const doc = new Y.Doc();
    const { boardId } = M.createSessionContent(doc, { title: 'Future', firstBoardTitle: 'Main', now: 1 });
    doc.getMap('meta').set('schemaVersion', M.SCHEMA_VERSION + 3);
    const before = Y.encodeStateAsUpdate(doc);
    expect(M.prepareLoadedDoc(doc, { clientId: 'device-a' })).toEqual({ readOnly: true, migratedFrom: null, newerVersion: M.SCHEMA_VERSION + 3 });
    M.addNote(doc, { boardId, pos: { x: 0, y: 0 }, now: 2 });
    M.renameSession(doc, 'Changed');
    M.deleteBoard(doc, boardId, 3);
    expect(M.isDocWritable(doc)).toBe(false);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });
});
