import 'fake-indexeddb/auto';
import { recordUpdates } from '../../support/record-updates';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { addNote, createSessionContent, listBoards, listNotes, moveNote, readSessionMeta, setNoteText } from '../../../shared/model';
import { openDatabase, type TransitionLabDb } from '../../../renderer/storage/database';
import { DocPersistence, type DocPersistenceOptions } from '../../../renderer/storage/doc-persistence';
import { summariseSession } from '../../../renderer/session/session-summary';
import { acquireSession, createSession } from '../../../renderer/session/open-sessions';

const dbs: TransitionLabDb[] = [];
const persistences: DocPersistence[] = [];

function freshName(): string {
  return `durability-${Math.random().toString(36).slice(2)}`;
}
function openDb(name: string): TransitionLabDb {
  const db = openDatabase(name);
  dbs.push(db);
  return db;
}

afterEach(async () => {
  vi.useRealTimers();
  for (const p of persistences.splice(0)) await p.destroy().catch(() => undefined);
  for (const db of dbs.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

function attach(db: TransitionLabDb, id: string, options: Partial<DocPersistenceOptions> = {}) {
  const doc = new Y.Doc();
  const persistence = new DocPersistence(db, id, doc, { summarise: summariseSession, ...options });
  persistences.push(persistence);
  return { doc, persistence };
}

function everything(doc: Y.Doc) {
  return {
    meta: readSessionMeta(doc),
    boards: listBoards(doc).map((b) => ({ id: b.id, title: b.title })),
    notes: listBoards(doc).flatMap((b) => listNotes(doc, b.id).map((n) => ({ id: n.id, text: n.text, pos: n.pos, colour: n.colour }))),
  };
}

describe('storage durability', () => {
  it('an edit is in IndexedDB after at most 100 ms of timers, without waiting for a flush call', async () => {
    const db = openDb(freshName());
    const { doc, persistence } = attach(db, 'latency');
    await persistence.whenLoaded;
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { boardId } = createSessionContent(doc, { title: 'Lab', firstBoardTitle: 'Main', now: 1 });
    addNote(doc, { boardId, pos: { x: 0, y: 0 }, now: 2, text: 'On screen' });
    await vi.advanceTimersByTimeAsync(100);
    await persistence.settled();
    expect(persistence.saveState.kind).toBe('saved');
    const reader = attach(openDb(db.name), 'latency');
    await reader.persistence.whenLoaded;
    expect(everything(reader.doc)).toEqual(everything(doc));

    // Typing right after a write is merged into the next write, still inside the promise.
    addNote(doc, { boardId, pos: { x: 300, y: 0 }, now: 3, text: 'Second' });
    setNoteText(doc, listNotes(doc, boardId)[1]!.id, 'Second idea', 4);
    await vi.advanceTimersByTimeAsync(100);
    await persistence.settled();
    const again = attach(openDb(db.name), 'latency');
    await again.persistence.whenLoaded;
    expect(everything(again.doc)).toEqual(everything(doc));
  });

  it('reload equals before: content and state vector, after a compaction too', async () => {
    const db = openDb(freshName());
    const { doc, persistence } = attach(db, 'round', { compactAfter: 5 });
    await persistence.whenLoaded;
    const { boardId } = createSessionContent(doc, { title: 'Round trip', firstBoardTitle: 'Main', now: 1 });
    for (let i = 0; i < 20; i++) {
      const id = addNote(doc, { boardId, pos: { x: i * 10, y: 0 }, now: i, text: `Idea ${i}` });
      await persistence.flush();
      if (i % 3 === 0) moveNote(doc, id, { x: 500, y: i }, i);
      await persistence.flush();
    }
    await persistence.settled();
    expect(await db.snapshots.count()).toBe(1);
    const reloaded = attach(db, 'round');
    await reloaded.persistence.whenLoaded;
    expect(everything(reloaded.doc)).toEqual(everything(doc));
    expect(Y.encodeStateVector(reloaded.doc)).toEqual(Y.encodeStateVector(doc));
  });

  it('50,000 stored updates load correctly and are compacted on load', async () => {
    const db = openDb(freshName());
    const { source, updates } = recordUpdates(50_000);
    await db.updates.bulkAdd(updates.map((update) => ({ sessionId: 'big', update })));
    expect(await db.updates.count()).toBe(50_000);

    const first = attach(db, 'big');
    await first.persistence.whenLoaded;
    expect(everything(first.doc)).toEqual(everything(source));
    expect(Y.encodeStateVector(first.doc)).toEqual(Y.encodeStateVector(source));
    await first.persistence.settled();
    expect(await db.updates.where('sessionId').equals('big').count()).toBe(0);
    expect(await db.snapshots.count()).toBe(1);

    const second = attach(db, 'big');
    await second.persistence.whenLoaded;
    expect(everything(second.doc)).toEqual(everything(source));
  }, 120_000);

  it('with no IndexedDB at all a session still opens and can be created, visibly not saved', async () => {
    const broken = {
      open: () => {
        throw new DOMException('The user denied permission to access the database.', 'SecurityError');
      },
      deleteDatabase: () => {
        throw new DOMException('denied', 'SecurityError');
      },
      cmp: indexedDB.cmp.bind(indexedDB),
      databases: () => Promise.reject(new DOMException('denied', 'SecurityError')),
    } as unknown as IDBFactory;
    const db = openDatabase(freshName(), { indexedDB: broken, IDBKeyRange });
    const { doc, persistence } = attach(db, 'memory');
    await persistence.whenLoaded;
    expect(persistence.saveState).toMatchObject({ kind: 'failed', reason: 'unavailable' });

    const id = await createSession({ title: 'Offline lab', firstBoardTitle: 'Main' }, db);
    const { session, release } = acquireSession(id, db);
    expect(readSessionMeta(session.doc).title).toBe('Offline lab');
    expect(session.persistence.saveState).toMatchObject({ kind: 'failed', reason: 'unavailable' });
    expect(session.persistence.hasUnsavedChanges).toBe(true);
    const [board] = listBoards(session.doc);
    addNote(session.doc, { boardId: board!.id, pos: { x: 0, y: 0 }, now: 5, text: 'Still here' });
    expect(listNotes(session.doc, board!.id).map((n) => n.text)).toEqual(['Still here']);
    release();
    createSessionContent(doc, { title: 'x', firstBoardTitle: 'y', now: 1 });
    expect(readSessionMeta(doc).title).toBe('x');
  });

  it('another tab upgrading the database: pending edits are written first, then this tab says to reload', async () => {
    const name = freshName();
    const db = openDb(name);
    const { doc, persistence } = attach(db, 'upgrade', { minIntervalMs: 10_000 });
    await persistence.whenLoaded;
    const { boardId } = createSessionContent(doc, { title: 'Lab', firstBoardTitle: 'Main', now: 1 });
    await persistence.flush();
    addNote(doc, { boardId, pos: { x: 0, y: 0 }, now: 2, text: 'Typed just before the upgrade' });
    expect(persistence.hasUnsavedChanges).toBe(true);

    const newer = new Dexie(name);
    newer.version(1).stores({ sessions: 'id, updatedAt', updates: '++seq, sessionId, [sessionId+seq]', snapshots: 'sessionId', access: 'sessionId' });
    newer.version(2).stores({ device: 'key' });
    newer.version(3).stores({ collection: 'sessionId' });
    newer.version(4).stores({ extra: 'id' });
    await newer.open();
    const stored = await newer.table('updates').where('sessionId').equals('upgrade').toArray();
    const check = new Y.Doc();
    for (const row of stored) Y.applyUpdateV2(check, (row as { update: Uint8Array }).update);
    expect(listNotes(check, boardId).map((n) => n.text)).toEqual(['Typed just before the upgrade']);
    newer.close();

    addNote(doc, { boardId, pos: { x: 0, y: 0 }, now: 3, text: 'After' });
    await persistence.flush();
    expect(persistence.saveState).toMatchObject({ kind: 'failed', reason: 'upgraded' });
  });
});

describe('two tabs of one session', () => {
  const tick = () => new Promise((r) => setTimeout(r, 30));

  it('an edit in one tab shows in the other, and both store it', async () => {
    const name = freshName();
    const a = attach(openDb(name), 'shared');
    const b = attach(openDb(name), 'shared');
    await Promise.all([a.persistence.whenLoaded, b.persistence.whenLoaded]);
    const { boardId } = createSessionContent(a.doc, { title: 'Two tabs', firstBoardTitle: 'Main', now: 1 });
    addNote(a.doc, { boardId, pos: { x: 0, y: 0 }, now: 2, text: 'From A' });
    await vi.waitFor(() => expect(listNotes(b.doc, boardId).map((n) => n.text)).toEqual(['From A']));
    addNote(b.doc, { boardId, pos: { x: 300, y: 0 }, now: 3, text: 'From B' });
    await vi.waitFor(() => expect(listNotes(a.doc, boardId)).toHaveLength(2));
    await Promise.all([a.persistence.flush(), b.persistence.flush()]);
    await tick();
    await Promise.all([a.persistence.flush(), b.persistence.flush()]);
    const reader = attach(openDb(name), 'shared');
    await reader.persistence.whenLoaded;
    expect(everything(reader.doc)).toEqual(everything(a.doc));
    expect(everything(b.doc)).toEqual(everything(a.doc));
  });

  it('if the tab that made an edit cannot store it, the tab that shows it does', async () => {
    const name = freshName();
    const dbA = openDb(name);
    const a = attach(dbA, 'lossless');
    const b = attach(openDb(name), 'lossless');
    await Promise.all([a.persistence.whenLoaded, b.persistence.whenLoaded]);
    dbA.updates.add = (() => Promise.reject(new DOMException('full', 'QuotaExceededError'))) as unknown as typeof dbA.updates.add;
    const { boardId } = createSessionContent(a.doc, { title: 'Lossless', firstBoardTitle: 'Main', now: 1 });
    addNote(a.doc, { boardId, pos: { x: 0, y: 0 }, now: 2, text: 'Only A could not save this' });
    await a.persistence.flush();
    expect(a.persistence.saveState).toMatchObject({ kind: 'failed', reason: 'quota' });
    await vi.waitFor(() => expect(listNotes(b.doc, boardId)).toHaveLength(1));
    await b.persistence.flush();
    expect(b.persistence.saveState.kind).toBe('saved');

    const reader = attach(openDb(name), 'lossless');
    await reader.persistence.whenLoaded;
    expect(listNotes(reader.doc, boardId).map((n) => n.text)).toEqual(['Only A could not save this']);
  });

  it('a tab opened later gets the edits another tab has not been able to store yet', async () => {
    const name = freshName();
    const dbA = openDb(name);
    const a = attach(dbA, 'late');
    await a.persistence.whenLoaded;
    dbA.updates.add = (() => Promise.reject(new DOMException('full', 'QuotaExceededError'))) as unknown as typeof dbA.updates.add;
    const { boardId } = createSessionContent(a.doc, { title: 'Late', firstBoardTitle: 'Main', now: 1 });
    addNote(a.doc, { boardId, pos: { x: 0, y: 0 }, now: 2, text: 'Unsaved in A' });
    await a.persistence.flush();
    expect(a.persistence.saveState.kind).toBe('failed');

    const b = attach(openDb(name), 'late');
    await b.persistence.whenLoaded;
    await vi.waitFor(() => expect(listNotes(b.doc, boardId).map((n) => n.text)).toEqual(['Unsaved in A']));
    await b.persistence.flush();
    expect(b.persistence.saveState.kind).toBe('saved');
  });
});
