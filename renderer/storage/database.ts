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

/** How this device gets into a session's room: kept locally, never in the shared doc. */
export interface SessionAccess {
  sessionId: string;
  role: 'facilitator' | 'participant';
  /** The current join code (as typed or generated; normalise before use). */
  joinCode: string;
  /** Facilitator only: random secret (base64url) from which the admin key is derived. */
  adminSecret?: string;
  /** Participant only: the host it joined through, e.g. `http://192.168.1.20:4455`. */
  hostUrl?: string;
}

export type TransitionLabDb = Dexie & {
  sessions: EntityTable<SessionSummary, 'id'>;
  updates: EntityTable<StoredUpdate, 'seq'>;
  snapshots: EntityTable<StoredSnapshot, 'sessionId'>;
  access: EntityTable<SessionAccess, 'sessionId'>;
};

export const DB_NAME = 'transition-lab';

export function openDatabase(name = DB_NAME): TransitionLabDb {
  const db = new Dexie(name) as TransitionLabDb;
  db.version(1).stores({
    sessions: 'id, updatedAt',
    updates: '++seq, sessionId, [sessionId+seq]',
    snapshots: 'sessionId',
    access: 'sessionId',
  });
  return db;
}

let shared: TransitionLabDb | null = null;

/** The app's one database connection. */
export function appDatabase(): TransitionLabDb {
  shared ??= openDatabase();
  return shared;
}
