import * as Y from 'yjs';

/**
 * How a stored copy of a session is kept everywhere (browser IndexedDB, the host's room files,
 * archives): an optional compacted snapshot plus the updates written after it. One function turns
 * that back into a doc, so storage, the host, exports and tests all agree on it.
 */
export interface StoredUpdates {
  snapshot?: Uint8Array | null;
  updates: Iterable<Uint8Array>;
  /** Yjs update encoding of the updates, and of the snapshot unless `snapshotEncoding` says. */
  encoding: 'v1' | 'v2';
  snapshotEncoding?: 'v1' | 'v2';
}

/** Applies a snapshot and its later updates to `doc` in one transaction (one observer pass). */
export function applyStoredUpdates(doc: Y.Doc, stored: StoredUpdates, origin: unknown = null): void {
  const decoder = (encoding: 'v1' | 'v2') => (encoding === 'v2' ? Y.applyUpdateV2 : Y.applyUpdate);
  const apply = decoder(stored.encoding);
  Y.transact(doc, () => {
    if (stored.snapshot && stored.snapshot.length > 0) decoder(stored.snapshotEncoding ?? stored.encoding)(doc, stored.snapshot, origin);
    for (const update of stored.updates) apply(doc, update, origin);
  }, origin);
}

/**
 * A new doc from stored updates. Throws when a part cannot be decoded; the caller's doc is never
 * half-filled, since this builds a fresh one.
 */
export function docFromStoredUpdates(stored: StoredUpdates): Y.Doc {
  const doc = new Y.Doc();
  try {
    applyStoredUpdates(doc, stored);
  } catch (error) {
    doc.destroy();
    throw error;
  }
  return doc;
}
