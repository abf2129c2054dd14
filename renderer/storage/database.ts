import { Dexie, type DexieOptions, type EntityTable } from 'dexie';
import * as Y from 'yjs';
import type { StoredUpdates } from '../../shared/model';

/** One row per session for the Home list, kept up to date on every save so the list never loads docs. */
export interface SessionSummary {
  id: string;
  title: string;
  createdAt: number;
  updatedAt: number;
  noteCount: number;
  /**
   * Set when someone deletes the session from Home: the list hides it at once, the rows are
   * purged once the undo window has passed (see session-library.ts). Not indexed: the list
   * filters a handful of small rows in memory, so no schema upgrade was needed for it.
   */
  deletedAt?: number;
}

/** An incremental Yjs update (V2 encoding: smaller than V1) not yet folded into the session's snapshot. */
export interface StoredUpdate {
  seq?: number;
  sessionId: string;
  update: Uint8Array;
}

/** The compacted state of a session: all updates up to `upToSeq` merged into one. */
export interface StoredSnapshot {
  sessionId: string;
  state: Uint8Array;
  upToSeq: number;
  /**
   * `state`'s Yjs encoding; absent means V2 (rows written before this field). Compaction writes V1:
   * a freshly loaded page decodes it faster (no warm JIT yet: 50,000 updates' worth of session in
   * 165–240 ms against 200–370 ms for V2 in Chromium), and the snapshot is read on every open,
   * while the few extra bytes are written once.
   */
  encoding?: 'v1';
}

/** A doc's state as the session's snapshot row, in the encoding snapshots are written in (V1, see above). */
export function snapshotOf(sessionId: string, doc: Y.Doc, upToSeq: number): StoredSnapshot {
  return { sessionId, state: Y.encodeStateAsUpdate(doc), upToSeq, encoding: 'v1' };
}

/** A session's stored rows as one StoredUpdates (shared/model/stored-updates.ts). */
export function storedSession(snapshot: StoredSnapshot | undefined, rows: readonly StoredUpdate[]): StoredUpdates {
  return { snapshot: snapshot?.state, snapshotEncoding: snapshot?.encoding ?? 'v2', updates: rows.map((r) => r.update), encoding: 'v2' };
}

/**
 * How this device gets into a session's room: kept locally, never in the shared doc. Whether this
 * device facilitates is the doc's facilitators map alone (session/facilitator-migration.ts).
 */
export interface SessionAccess {
  sessionId: string;
  /**
   * Rows written before device ids existed said here who facilitates. Read once, to write this
   * device into an old doc's facilitators, then removed; nothing writes it any more.
   */
  role?: 'facilitator' | 'participant';
  /** The current join code (as typed or generated; normalise before use). */
  joinCode: string;
  /**
   * Random secret (base64url) from which the relay's admin key is derived; only on the device that
   * created the session, and used only while the doc lists this device as facilitator.
   */
  adminSecret?: string;
  /** Participant only: the host it joined through, e.g. `http://192.168.1.20:4455`. */
  hostUrl?: string;
}

/** Small per-device values (the device id), one row per key. */
export interface DeviceSetting {
  key: string;
  value: string;
}

/**
 * One session of the coordinator view's collection: every archive of it merged into one Yjs state,
 * the decision-record heads their manifests named, and a record problem found in any of them.
 */
export interface CollectedSession {
  sessionId: string;
  state: Uint8Array;
  heads: string[];
  flagged: 'altered' | 'truncated' | null;
  files: string[];
  importedAt: number;
}

export type TransitionLabDb = Dexie & {
  sessions: EntityTable<SessionSummary, 'id'>;
  updates: EntityTable<StoredUpdate, 'seq'>;
  snapshots: EntityTable<StoredSnapshot, 'sessionId'>;
  access: EntityTable<SessionAccess, 'sessionId'>;
  device: EntityTable<DeviceSetting, 'key'>;
  collection: EntityTable<CollectedSession, 'sessionId'>;
};

export const DB_NAME = 'transition-lab';

/**
 * What the database connection as a whole is going through, as opposed to one failed write:
 * - `blocked`: this tab wants to open (or upgrade) the database but a tab running an older
 *   version holds it open; the open waits until that tab closes or reloads;
 * - `upgradedElsewhere`: another tab opened a newer version; this connection was closed (after
 *   flushing what was pending) so that upgrade can proceed, and this tab must be reloaded to save.
 */
export interface DatabaseHealth {
  blocked: boolean;
  upgradedElsewhere: boolean;
}

interface HealthEntry {
  health: DatabaseHealth;
  listeners: Set<() => void>;
  /** Called before the connection is closed for another tab's upgrade: write what is pending. */
  flushers: Set<() => Promise<void>>;
}

const healthByDb = new WeakMap<TransitionLabDb, HealthEntry>();

function entryFor(db: TransitionLabDb): HealthEntry {
  let entry = healthByDb.get(db);
  if (!entry) {
    entry = { health: { blocked: false, upgradedElsewhere: false }, listeners: new Set(), flushers: new Set() };
    healthByDb.set(db, entry);
  }
  return entry;
}

function setHealth(db: TransitionLabDb, patch: Partial<DatabaseHealth>): void {
  const entry = entryFor(db);
  entry.health = { ...entry.health, ...patch };
  for (const listener of entry.listeners) listener();
}

export function databaseHealth(db: TransitionLabDb): DatabaseHealth {
  return entryFor(db).health;
}

export function subscribeDatabaseHealth(db: TransitionLabDb, listener: () => void): () => void {
  const entry = entryFor(db);
  entry.listeners.add(listener);
  return () => entry.listeners.delete(listener);
}

/** Registers something to write before the connection closes for another tab's upgrade. */
export function registerFlusher(db: TransitionLabDb, flush: () => Promise<void>): () => void {
  const entry = entryFor(db);
  entry.flushers.add(flush);
  return () => entry.flushers.delete(flush);
}

/** `options` lets tests hand in a broken IndexedDB factory. */
export function openDatabase(name = DB_NAME, options?: DexieOptions): TransitionLabDb {
  const db = new Dexie(name, options) as TransitionLabDb;
  db.version(1).stores({
    sessions: 'id, updatedAt',
    updates: '++seq, sessionId, [sessionId+seq]',
    snapshots: 'sessionId',
    access: 'sessionId',
  });
  // v2 only adds a table: every v1 row stays as it was.
  db.version(2).stores({ device: 'key' });
  // v3 only adds the coordinator view's collection: nothing else changes.
  db.version(3).stores({ collection: 'sessionId' });
  // Dexie's default closes at once and silently reopens on the next write, which then fails with
  // a VersionError that reads like "storage blocked". Instead: write what is pending (the other
  // tab's upgrade waits for us meanwhile), close for good, and tell the person to reload.
  db.on('versionchange', () => {
    setHealth(db, { upgradedElsewhere: true });
    const flushers = [...entryFor(db).flushers];
    void Promise.allSettled(flushers.map((f) => f())).then(() => db.close({ disableAutoOpen: true }));
    return false;
  });
  db.on('blocked', () => setHealth(db, { blocked: true }));
  db.on('ready', () => {
    if (databaseHealth(db).blocked) setHealth(db, { blocked: false });
  }, true);
  return db;
}

let shared: TransitionLabDb | null = null;

/** The app's one database connection. */
export function appDatabase(): TransitionLabDb {
  shared ??= openDatabase();
  return shared;
}
