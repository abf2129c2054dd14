import * as Y from 'yjs';
import { snapshotOf, type SessionSummary, type TransitionLabDb } from './database';

/** Whether this device keeps the session (a deleted one waiting for purge counts as not kept). */
export async function hasSession(db: TransitionLabDb, sessionId: string): Promise<boolean> {
  const row = await db.sessions.get(sessionId);
  return row !== undefined && row.deletedAt === undefined;
}

/**
 * Stores a session this device does not have from an archive's Yjs state, as one snapshot, in one
 * transaction: a failure leaves storage as it was. Rows left by a deleted copy are replaced.
 */
export async function createSessionFromState(
  db: TransitionLabDb,
  init: { sessionId: string; state: Uint8Array; summarise: (doc: Y.Doc) => Omit<SessionSummary, 'id' | 'updatedAt'>; now?: number },
): Promise<string> {
  const { sessionId, state, summarise } = init;
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state);
    const summary = summarise(doc);
    await db.transaction('rw', [db.sessions, db.updates, db.snapshots], async () => {
      await db.updates.where('sessionId').equals(sessionId).delete();
      await db.snapshots.put(snapshotOf(sessionId, doc, 0));
      await db.sessions.put({ id: sessionId, ...summary, updatedAt: init.now ?? Date.now() });
    });
    return summary.title;
  } finally {
    doc.destroy();
  }
}
