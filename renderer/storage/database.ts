import { Dexie, type EntityTable } from 'dexie';

/** One row per session for the Home list, kept up to date on every save so the list never loads docs. */
export interface SessionSummary {
  id: string;
  title: string;
  createdAt: number;
  updatedAt: number;
  noteCount: number;
}

/** An incremental Yjs update not yet folded into the session's snapshot. */
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
}

export type TransitionLabDb = Dexie & {
  sessions: EntityTable<SessionSummary, 'id'>;
  updates: EntityTable<StoredUpdate, 'seq'>;
  snapshots: EntityTable<StoredSnapshot, 'sessionId'>;
};

export const DB_NAME = 'transition-lab';

export function openDatabase(name = DB_NAME): TransitionLabDb {
  const db = new Dexie(name) as TransitionLabDb;
  db.version(1).stores({
    sessions: 'id, updatedAt',
    updates: '++seq, sessionId, [sessionId+seq]',
    snapshots: 'sessionId',
  });
  return db;
}

let shared: TransitionLabDb | null = null;

/** The app's one database connection. */
export function appDatabase(): TransitionLabDb {
  shared ??= openDatabase();
  return shared;
}
