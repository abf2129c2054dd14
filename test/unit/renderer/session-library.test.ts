import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addNote, createSessionContent, listBoards, listNotes, readSessionMeta } from '../../../shared/model';
import { openDatabase, type TransitionLabDb } from '../../../renderer/storage/database';
import { DocPersistence } from '../../../renderer/storage/doc-persistence';
import { duplicateSession, listSessions, markDeleted, purgeDeleted, restoreDeleted, UNDO_DELETE_MS } from '../../../renderer/storage/session-library';
import { summariseSession } from '../../../renderer/session/session-summary';
import { renameStoredSession } from '../../../renderer/session/open-sessions';

const dbs: TransitionLabDb[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

async function withSession(title: string, notes: string[]) {
  const db = openDatabase(`library-${Math.random().toString(36).slice(2)}`);
  dbs.push(db);
  const doc = new Y.Doc();
  const persistence = new DocPersistence(db, `id-${title}`, doc, { summarise: summariseSession });
  await persistence.whenLoaded;
  const { boardId } = createSessionContent(doc, { title, firstBoardTitle: 'Main', now: 1 });
  for (const text of notes) addNote(doc, { boardId, pos: { x: 0, y: 0 }, now: 2, text });
  await persistence.destroy();
  await db.access.put({ sessionId: `id-${title}`, role: 'facilitator', joinCode: 'ABCD-EFGH' });
  return { db, id: `id-${title}`, boardId };
}

async function readDoc(db: TransitionLabDb, id: string): Promise<Y.Doc> {
  const doc = new Y.Doc();
  const p = new DocPersistence(db, id, doc, { summarise: summariseSession });
  await p.whenLoaded;
  await p.destroy();
  return doc;
}

describe('session library (Home actions)', () => {
  it('delete hides the session at once, Undo brings it back whole, and purge removes every row', async () => {
    const { db, id } = await withSession('Warsaw lab', ['Retrofit schools']);
    await markDeleted(db, id, 1_000);
    expect((await listSessions(db)).live).toEqual([]);
    expect((await listSessions(db)).deleted.map((s) => s.title)).toEqual(['Warsaw lab']);

    // Inside the window nothing is removed, even if a purge runs (e.g. after a reload).
    expect(await purgeDeleted(db, 1_000 + UNDO_DELETE_MS - 1 - UNDO_DELETE_MS)).toEqual([]);
    await restoreDeleted(db, id);
    expect((await listSessions(db)).live.map((s) => s.title)).toEqual(['Warsaw lab']);
    expect(await purgeDeleted(db, Date.now())).toEqual([]);

    await markDeleted(db, id, 2_000);
    expect(await purgeDeleted(db, 2_000)).toEqual([id]);
    expect(await db.sessions.count()).toBe(0);
    expect(await db.updates.where('sessionId').equals(id).count()).toBe(0);
    expect(await db.snapshots.get(id)).toBeUndefined();
    expect(await db.access.get(id)).toBeUndefined();
  });

  it('duplicate copies the content under a new id and title, and none of the access rows', async () => {
    const { db, id, boardId } = await withSession('Liberec lab', ['Heat pumps', 'District heating']);
    const copyId = await duplicateSession(db, id, { title: 'Liberec lab (copy)', summarise: summariseSession, now: 5_000 });
    expect(copyId).not.toBe(id);
    const row = await db.sessions.get(copyId);
    expect(row).toMatchObject({ title: 'Liberec lab (copy)', noteCount: 2, createdAt: 5_000 });
    expect(await db.access.get(copyId)).toBeUndefined();
    // Stored as compaction stores it (V1, which opens faster), and read back as such.
    expect((await db.snapshots.get(copyId))?.encoding).toBe('v1');
    const copy = await readDoc(db, copyId);
    expect(readSessionMeta(copy).title).toBe('Liberec lab (copy)');
    expect(listNotes(copy, boardId).map((n) => n.text).sort()).toEqual(['District heating', 'Heat pumps']);
    const original = await readDoc(db, id);
    expect(readSessionMeta(original).title).toBe('Liberec lab');
  });

  it('rename changes the title in the doc and in the Home row', async () => {
    const { db, id } = await withSession('Old title', []);
    await renameStoredSession(id, '  New   title ', db);
    expect((await db.sessions.get(id))?.title).toBe('New title');
    const doc = await readDoc(db, id);
    expect(readSessionMeta(doc).title).toBe('New title');
    expect(listBoards(doc)).toHaveLength(1);
  });

  it('a session purged by another tab while open here comes back complete on the next edit', async () => {
    const { db, id, boardId } = await withSession('Open elsewhere', ['First']);
    const doc = new Y.Doc();
    const p = new DocPersistence(db, id, doc, { summarise: summariseSession });
    await p.whenLoaded;
    await markDeleted(db, id, 1);
    await purgeDeleted(db, 1);
    addNote(doc, { boardId, pos: { x: 0, y: 0 }, now: 3, text: 'Second' });
    await p.destroy();
    const again = await readDoc(db, id);
    expect(listNotes(again, boardId).map((n) => n.text).sort()).toEqual(['First', 'Second']);
    expect((await db.sessions.get(id))?.title).toBe('Open elsewhere');
  });
});
