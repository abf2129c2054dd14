import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { addNote, createSessionContent, listNotes, moveNote, notesMap, setNoteText } from '../../../shared/model';
import { openDatabase, type TransitionLabDb } from '../../../renderer/storage/database';
import { DocPersistence } from '../../../renderer/storage/doc-persistence';
import { summariseSession } from '../../../renderer/session/session-summary';

const dbs: TransitionLabDb[] = [];
function freshDb(): TransitionLabDb {
  const db = openDatabase(`test-${Math.random().toString(36).slice(2)}`);
  dbs.push(db);
  return db;
}

afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

function attach(db: TransitionLabDb, id = 'session-a', options: Partial<ConstructorParameters<typeof DocPersistence>[3]> = {}) {
  const doc = new Y.Doc();
  const persistence = new DocPersistence(db, id, doc, { summarise: summariseSession, ...options });
  return { doc, persistence };
}

function content(doc: Y.Doc, boardId: string) {
  return listNotes(doc, boardId).map((n) => ({ text: n.text, pos: n.pos, colour: n.colour }));
}

describe('DocPersistence', () => {
  it('stores edits and reloads exactly what was there', async () => {
    const db = freshDb();
    const first = attach(db);
    await first.persistence.whenLoaded;
    const { boardId } = createSessionContent(first.doc, { title: 'Lab', firstBoardTitle: 'Main', now: 1 });
    const id = addNote(first.doc, { boardId, pos: { x: 10, y: 20 }, now: 2, text: 'A' });
    setNoteText(first.doc, id, 'A longer idea', 3);
    moveNote(first.doc, id, { x: 50, y: 60 }, 4);
    await first.persistence.destroy();

    const second = attach(db);
    await second.persistence.whenLoaded;
    expect(content(second.doc, boardId)).toEqual(content(first.doc, boardId));
    expect(Y.encodeStateVector(second.doc)).toEqual(Y.encodeStateVector(first.doc));
  });

  it('batches a burst of edits into few IndexedDB writes, durable well within 100 ms', async () => {
    const db = freshDb();
    const { doc, persistence } = attach(db, 'burst', { flushDelayMs: 40 });
    await persistence.whenLoaded;
    const { boardId } = createSessionContent(doc, { title: 'Lab', firstBoardTitle: 'Main', now: 1 });
    const id = addNote(doc, { boardId, pos: { x: 0, y: 0 }, now: 2 });
    for (let i = 0; i < 200; i++) setNoteText(doc, id, 'x'.repeat(i + 1), 3 + i);
    await new Promise((r) => setTimeout(r, 100));
    expect(persistence.saveState.kind).toBe('saved');
    expect(await db.updates.count()).toBe(1);
    const row = await db.sessions.get('burst');
    expect(row).toMatchObject({ title: 'Lab', noteCount: 1 });
  });

  it('compaction folds updates into one snapshot and keeps the content', async () => {
    const db = freshDb();
    const { doc, persistence } = attach(db, 'compact', { compactAfter: 1_000_000 });
    await persistence.whenLoaded;
    const { boardId } = createSessionContent(doc, { title: 'Lab', firstBoardTitle: 'Main', now: 1 });
    for (let i = 0; i < 50; i++) {
      addNote(doc, { boardId, pos: { x: i, y: i }, now: i, text: `Idea ${i}` });
      await persistence.flush();
    }
    expect(await db.updates.count()).toBe(50);
    await persistence.compact();
    expect(await db.updates.count()).toBe(0);
    expect(await db.snapshots.count()).toBe(1);
    await persistence.destroy();

    const again = attach(db, 'compact');
    await again.persistence.whenLoaded;
    expect(content(again.doc, boardId)).toEqual(content(doc, boardId));
  });

  it('a snapshot stored in V2 (before compaction wrote V1) still opens, and compacts on into V1 with its later edits', async () => {
    const db = freshDb();
    const source = new Y.Doc();
    const { boardId } = createSessionContent(source, { title: 'Lab', firstBoardTitle: 'Main', now: 1 });
    addNote(source, { boardId, pos: { x: 1, y: 2 }, now: 2, text: 'Stored by an older version' });
    // What an older version wrote: V2, no encoding field.
    await db.snapshots.put({ sessionId: 'old', state: Y.encodeStateAsUpdateV2(source), upToSeq: 0 });

    const { doc, persistence } = attach(db, 'old', { compactAfter: 1_000_000 });
    await persistence.whenLoaded;
    expect(content(doc, boardId)).toEqual(content(source, boardId));
    addNote(doc, { boardId, pos: { x: 300, y: 2 }, now: 3, text: 'Added after the upgrade' });
    await persistence.flush();
    await persistence.compact();
    const row = await db.snapshots.get('old');
    expect(row?.encoding).toBe('v1');
    // Really V1: Yjs reads it as such (a V2 update fails this decoder or yields another doc).
    const check = new Y.Doc();
    Y.applyUpdate(check, row!.state);
    expect(listNotes(check, boardId).map((n) => n.text).sort()).toEqual(['Added after the upgrade', 'Stored by an older version']);
    await persistence.destroy();

    const again = attach(db, 'old');
    await again.persistence.whenLoaded;
    expect(content(again.doc, boardId)).toEqual(content(doc, boardId));
  });

  it('a failing write keeps the edits, says why, and saves them once writing works again', async () => {
    const db = freshDb();
    const { doc, persistence } = attach(db, 'quota', { flushDelayMs: 5 });
    await persistence.whenLoaded;
    const states: string[] = [];
    persistence.subscribe((s) => states.push(s.kind === 'failed' ? `failed:${s.reason}` : s.kind));

    const realAdd = db.updates.add.bind(db.updates);
    let failures = 1;
    db.updates.add = ((...args: Parameters<typeof realAdd>) => {
      if (failures-- > 0) {
        const error = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return Promise.reject(error);
      }
      return realAdd(...args);
    }) as typeof db.updates.add;

    const { boardId } = createSessionContent(doc, { title: 'Lab', firstBoardTitle: 'Main', now: 1 });
    addNote(doc, { boardId, pos: { x: 0, y: 0 }, now: 2, text: 'Do not lose me' });
    await persistence.flush();
    expect(persistence.saveState).toMatchObject({ kind: 'failed', reason: 'quota' });
    expect(persistence.hasUnsavedChanges).toBe(true);

    await persistence.flush();
    expect(persistence.saveState.kind).toBe('saved');
    await persistence.destroy();
    const again = attach(db, 'quota');
    await again.persistence.whenLoaded;
    expect(content(again.doc, boardId).map((n) => n.text)).toEqual(['Do not lose me']);
    expect(states).toContain('failed:quota');
  });

  it('keeps "Saved" through quick writes without notifying anyone, and shows "Saving…" only when a write is held up', async () => {
    const db = freshDb();
    const { doc, persistence } = attach(db, 'indicator');
    await persistence.whenLoaded;
    const states: string[] = [];
    persistence.subscribe((s) => states.push(s.kind));
    const { boardId } = createSessionContent(doc, { title: 'Lab', firstBoardTitle: 'Main', now: 1 });
    const id = addNote(doc, { boardId, pos: { x: 0, y: 0 }, now: 2 });
    for (let i = 0; i < 20; i++) {
      setNoteText(doc, id, `typing ${i}`, 3 + i);
      await new Promise((r) => setTimeout(r, 5));
    }
    await persistence.flush();
    expect(await db.updates.count()).toBeGreaterThan(1);
    expect(states).toEqual([]);
    expect(persistence.saveState.kind).toBe('saved');

    // A write that does not finish for a while: the indicator says so, then returns to "Saved".
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const realTransaction = db.transaction.bind(db) as (...args: unknown[]) => Promise<unknown>;
    db.transaction = ((...args: unknown[]) => gate.then(() => realTransaction(...args))) as unknown as typeof db.transaction;
    setNoteText(doc, id, 'slow disk', 100);
    await new Promise((r) => setTimeout(r, 600));
    expect(persistence.saveState.kind).toBe('saving');
    release();
    await persistence.flush();
    expect(persistence.saveState.kind).toBe('saved');
    expect(states).toEqual(['saving', 'saved']);
  });

  it('another tab receives edits as V1 updates and still applies the V2 form an older version of the app sends', async () => {
    const db = freshDb();
    const a = attach(db, 'tabs');
    const b = attach(db, 'tabs');
    await Promise.all([a.persistence.whenLoaded, b.persistence.whenLoaded]);
    // Let the tabs' greetings (each answers the other's with what it lacks) pass first.
    await new Promise((r) => setTimeout(r, 50));
    const seen: unknown[] = [];
    const listener = new BroadcastChannel('transition-lab:doc:tabs');
    listener.onmessage = (e: MessageEvent) => seen.push(e.data);
    const { boardId } = createSessionContent(a.doc, { title: 'Lab', firstBoardTitle: 'Main', now: 1 });
    addNote(a.doc, { boardId, pos: { x: 0, y: 0 }, now: 2, text: 'From this version' });
    await vi.waitFor(() => expect(listNotes(b.doc, boardId).map((n) => n.text)).toEqual(['From this version']));
    // One message for the whole synchronous burst, in V1 form.
    const updates = seen.filter((m) => (m as { type: string }).type !== 'hello') as { type: string; update: Uint8Array }[];
    expect(updates.map((m) => m.type)).toEqual(['updateV1']);
    const check = new Y.Doc();
    Y.applyUpdate(check, updates[0]!.update);
    expect(listNotes(check, boardId).map((n) => n.text)).toEqual(['From this version']);

    const older = new Y.Doc();
    Y.applyUpdate(older, Y.encodeStateAsUpdate(a.doc));
    const before = Y.encodeStateVector(older);
    addNote(older, { boardId, pos: { x: 300, y: 0 }, now: 3, text: 'From an older tab' });
    listener.postMessage({ type: 'update', update: Y.encodeStateAsUpdateV2(older, before) });
    await vi.waitFor(() => expect(listNotes(b.doc, boardId)).toHaveLength(2));
    expect(listNotes(a.doc, boardId)).toHaveLength(2);
    listener.close();
    await Promise.all([a.persistence.destroy(), b.persistence.destroy()]);
  });

  it('a tab alone posts no edits; one opened later gets them, and its own earlier edits reach the first', async () => {
    const seen: string[] = [];
    const listener = new BroadcastChannel('transition-lab:doc:alone');
    listener.onmessage = (e: MessageEvent) => seen.push((e.data as { type: string }).type);
    // Separate databases: whatever the second tab learns, it learns over the channel.
    const a = attach(freshDb(), 'alone');
    await a.persistence.whenLoaded;
    const first = createSessionContent(a.doc, { title: 'Lab', firstBoardTitle: 'Main', now: 1 });
    addNote(a.doc, { boardId: first.boardId, pos: { x: 0, y: 0 }, now: 2, text: 'Before the second tab' });
    await new Promise((r) => setTimeout(r, 50));
    expect(seen).toEqual(['hello']);

    const b = attach(freshDb(), 'alone');
    // Made while the second tab is still loading, before it knows anyone listens.
    const second = createSessionContent(b.doc, { title: 'Lab', firstBoardTitle: 'Other', now: 3 });
    addNote(b.doc, { boardId: second.boardId, pos: { x: 0, y: 0 }, now: 4, text: 'From the second tab' });
    await b.persistence.whenLoaded;
    await vi.waitFor(() => expect(listNotes(b.doc, first.boardId).map((n) => n.text)).toEqual(['Before the second tab']));
    await vi.waitFor(() => expect(listNotes(a.doc, second.boardId).map((n) => n.text)).toEqual(['From the second tab']));
    expect(seen).toEqual(['hello', 'hello', 'welcome', 'updateV1']);

    // Now that the first tab knows of the second, its edits go over at once.
    addNote(a.doc, { boardId: first.boardId, pos: { x: 300, y: 0 }, now: 5, text: 'After the greeting' });
    await vi.waitFor(() => expect(listNotes(b.doc, first.boardId)).toHaveLength(2));
    listener.close();
    await Promise.all([a.persistence.destroy(), b.persistence.destroy()]);
  });

  it("stores someone else's edit within the remote delay, and at once together with a local edit", async () => {
    const db = freshDb();
    const { doc, persistence } = attach(db, 'remote', { remoteFlushDelayMs: 150 });
    await persistence.whenLoaded;
    const peer = new Y.Doc();
    const { boardId } = createSessionContent(peer, { title: 'Lab', firstBoardTitle: 'Main', now: 1 });
    addNote(peer, { boardId, pos: { x: 0, y: 0 }, now: 2, text: 'From a peer' });
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(peer), { kind: 'a peer' });
    await new Promise((r) => setTimeout(r, 40));
    expect(await db.updates.count()).toBe(0);
    await vi.waitFor(async () => expect(await db.updates.count()).toBe(1), { timeout: 1000 });

    const before = Y.encodeStateVector(peer);
    addNote(peer, { boardId, pos: { x: 300, y: 0 }, now: 3, text: 'Another from the peer' });
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(peer, before), { kind: 'a peer' });
    addNote(doc, { boardId, pos: { x: 0, y: 300 }, now: 4, text: 'Mine' });
    await new Promise((r) => setTimeout(r, 40));
    // The local edit did not wait, and took the peer's waiting edit along in the same write.
    expect(await db.updates.count()).toBe(2);
    await persistence.destroy();
    const again = attach(db, 'remote');
    await again.persistence.whenLoaded;
    expect(content(again.doc, boardId).map((n) => n.text).sort()).toEqual(['Another from the peer', 'From a peer', 'Mine']);
  });

  it('loading writes nothing back, yet an edit made in reaction to the load is stored', async () => {
    const db = freshDb();
    const first = attach(db, 'react');
    await first.persistence.whenLoaded;
    const { boardId } = createSessionContent(first.doc, { title: 'Lab', firstBoardTitle: 'Main', now: 1 });
    addNote(first.doc, { boardId, pos: { x: 0, y: 0 }, now: 2, text: 'Stored' });
    await first.persistence.destroy();
    const rows = await db.updates.count();

    const quiet = attach(db, 'react');
    await quiet.persistence.whenLoaded;
    await quiet.persistence.flush();
    expect(quiet.persistence.hasUnsavedChanges).toBe(false);
    expect(await db.updates.count()).toBe(rows);
    await quiet.persistence.destroy();

    // Something observing the doc answers the load with an edit of its own, inside the load.
    const doc = new Y.Doc();
    let added = '';
    const onNotes = () => {
      if (!added) added = addNote(doc, { boardId, pos: { x: 5, y: 5 }, now: 3, text: 'Reaction' });
    };
    notesMap(doc).observe(onNotes);
    const reacting = new DocPersistence(db, 'react', doc, { summarise: summariseSession });
    await reacting.whenLoaded;
    notesMap(doc).unobserve(onNotes);
    expect(added).not.toBe('');
    await reacting.destroy();

    const again = attach(db, 'react');
    await again.persistence.whenLoaded;
    expect(content(again.doc, boardId).map((n) => n.text).sort()).toEqual(['Reaction', 'Stored']);
  });

  it('keeps sessions apart', async () => {
    const db = freshDb();
    const a = attach(db, 'one');
    const b = attach(db, 'two');
    await Promise.all([a.persistence.whenLoaded, b.persistence.whenLoaded]);
    createSessionContent(a.doc, { title: 'One', firstBoardTitle: 'Main', now: 1 });
    createSessionContent(b.doc, { title: 'Two', firstBoardTitle: 'Main', now: 1 });
    await Promise.all([a.persistence.destroy(), b.persistence.destroy()]);
    const rows = await db.sessions.orderBy('id').toArray();
    expect(rows.map((r) => r.title)).toEqual(['One', 'Two']);
  });
});
