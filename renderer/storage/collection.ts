import type { CollectedSession, TransitionLabDb } from './database';

/** The coordinator view's collection of imported sessions, kept on this device between visits. */
export async function loadCollection(db: TransitionLabDb): Promise<CollectedSession[]> {
  return db.collection.toArray();
}

export async function saveCollected(db: TransitionLabDb, rows: readonly CollectedSession[]): Promise<void> {
  await db.collection.bulkPut([...rows]);
}

export async function removeCollected(db: TransitionLabDb, sessionId: string): Promise<void> {
  await db.collection.delete(sessionId);
}
