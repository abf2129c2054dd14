import type * as Y from 'yjs';
import { docFromStoredUpdates, randomId, renameSession, setSessionCreatedAt } from '../../shared/model';
import { snapshotOf, storedSession, type SessionSummary, type TransitionLabDb } from './database';

/** How long a deleted session can be brought back with Undo. */
export const UNDO_DELETE_MS = 10_000;

/**
 * Deleting a session, in three steps that survive a reload:
 * 1. `markDeleted` sets `deletedAt` on the Home row — the list hides it at once, nothing else moves;
 * 2. for UNDO_DELETE_MS the toast offers Undo (`restoreDeleted` clears the mark);
 * 3. `purgeDeleted` then removes the summary, updates, snapshot and access rows in one
 *    transaction — but only rows still marked, so an Undo (or an edit from a tab that has the
 *    session open, which rewrites the row unmarked) always wins over the purge.
 * If the page is reloaded or closed inside the window, Home finds the mark on its next start: a
 * mark younger than the window brings the Undo toast back for the time left; an older one is
 * purged, since the person confirmed and the window passed. Nothing is removed silently early.
 */
export async function markDeleted(db: TransitionLabDb, id: string, now = Date.now()): Promise<void> {
  await db.sessions.update(id, { deletedAt: now });
}

export async function restoreDeleted(db: TransitionLabDb, id: string): Promise<void> {
  await db.transaction('rw', db.sessions, async () => {
    const row = await db.sessions.get(id);
    if (!row) return;
    const { deletedAt: _deleted, ...rest } = row;
    await db.sessions.put(rest);
  });
}

/** Removes every row of sessions marked deleted at or before `cutoff`. Returns the ids purged. */
export async function purgeDeleted(db: TransitionLabDb, cutoff: number, only?: string): Promise<string[]> {
  return db.transaction('rw', [db.sessions, db.updates, db.snapshots, db.access], async () => {
    const marked = (await db.sessions.toArray()).filter(
      (s) => s.deletedAt !== undefined && s.deletedAt <= cutoff && (only === undefined || s.id === only),
    );
    for (const s of marked) {
      await db.updates.where('sessionId').equals(s.id).delete();
      await db.snapshots.delete(s.id);
      await db.access.delete(s.id);
      await db.sessions.delete(s.id);
    }
    return marked.map((s) => s.id);
  });
}

/** Sessions for the Home list, newest change first, without the ones waiting to be purged. */
export async function listSessions(db: TransitionLabDb): Promise<{ live: SessionSummary[]; deleted: SessionSummary[] }> {
  const rows = await db.sessions.orderBy('updatedAt').reverse().toArray();
  return { live: rows.filter((r) => r.deletedAt === undefined), deleted: rows.filter((r) => r.deletedAt !== undefined) };
}

/**
 * Copies a session's content (not its join code or role: `access` rows are per room) into a new
 * session id, with a new title and creation date. Reads the stored rows directly: the source
 * doc is not opened in the UI, and the copy is written as one compact snapshot.
 */
export async function duplicateSession(
  db: TransitionLabDb,
  sourceId: string,
  init: { title: string; summarise: (doc: Y.Doc) => Omit<SessionSummary, 'id' | 'updatedAt'>; now?: number },
): Promise<string> {
  const id = randomId(128);
  const now = init.now ?? Date.now();
  await db.transaction('rw', [db.sessions, db.updates, db.snapshots], async () => {
    const snapshot = await db.snapshots.get(sourceId);
    const rows = await db.updates
      .where('[sessionId+seq]')
      .between([sourceId, (snapshot?.upToSeq ?? 0) + 1], [sourceId, Infinity])
      .toArray();
    const doc = docFromStoredUpdates(storedSession(snapshot, rows));
    renameSession(doc, init.title);
    setSessionCreatedAt(doc, now);
    await db.snapshots.put(snapshotOf(id, doc, 0));
    await db.sessions.put({ id, ...init.summarise(doc), updatedAt: now });
    doc.destroy();
  });
  return id;
}
