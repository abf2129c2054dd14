import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { formatHubToken, parseHubToken, type HubSession, type HubTokenKind } from '../../shared/protocol/hub';

/**
 * The hub's data: labs and coordinators (only a hash of each token's secret is kept), and the
 * published sessions' Yjs state. Two implementations behind one interface: a SQLite file (the
 * default, sqlite-store.ts) and PostgreSQL (`--database postgres://…`, postgres-store.ts).
 */

export interface Lab {
  id: string;
  country: string;
  name: string;
}

export type Principal =
  | { kind: 'lab'; lab: Lab }
  /** `country` null: every lab. */
  | { kind: 'coord'; id: string; country: string | null };

export interface StoredDocument {
  name: string;
  labId: string;
  sessionId: string;
  state: Uint8Array;
  title: string;
  notes: number;
}

export type SessionScope = { country: string | null } | { labId: string };

export interface HubStore {
  addLab(country: string, name: string): Promise<{ lab: Lab; token: string }>;
  addCoordinator(country: string | null): Promise<{ id: string; token: string }>;
  /** Who a token belongs to, or null: an unknown id and a wrong secret look the same. */
  authenticate(token: string): Promise<Principal | null>;
  lab(id: string): Promise<Lab | null>;
  labs(country: string | null): Promise<Lab[]>;
  fetchState(name: string): Promise<Uint8Array | null>;
  /**
   * Merges `doc.state` into what is stored, atomically: instances storing one session from copies
   * a moment apart can never drop each other's updates (the stored state only ever grows).
   */
  storeState(doc: StoredDocument): Promise<void>;
  /** Published sessions in scope, newest first. */
  sessions(scope: SessionScope): Promise<HubSession[]>;
  close(): Promise<void>;
}

/** A published session as both stores' list query returns it. */
export interface SessionRow {
  name: string;
  sessionId: string;
  title: string;
  notes: number;
  updatedAt: number;
  labId: string;
  labName: string;
  country: string;
}

export function sessionOfRow(r: SessionRow): HubSession {
  return { document: r.name, sessionId: r.sessionId, lab: { id: r.labId, name: r.labName, country: r.country }, title: r.title, notes: Number(r.notes), updatedAt: Number(r.updatedAt) };
}

export function newId(): string {
  return randomBytes(9).toString('base64url');
}

/** A fresh token for `kind`/`id`, and the hash of its secret, which is all the store keeps. */
export function newToken(kind: HubTokenKind, id: string): { token: string; hash: Buffer } {
  const secret = randomBytes(32).toString('base64url');
  return { token: formatHubToken({ kind, id, secret }), hash: hashSecret(secret) };
}

export function hashSecret(secret: string): Buffer {
  return createHash('sha256').update(secret).digest();
}

/** Parses a token and checks its secret against the stored hash `lookup` finds for its id. */
export async function checkToken<T>(
  token: string,
  lookup: (kind: HubTokenKind, id: string) => Promise<(T & { hash: Uint8Array }) | null>,
): Promise<{ kind: HubTokenKind; row: T } | null> {
  const parsed = parseHubToken(token);
  if (!parsed) return null;
  const row = await lookup(parsed.kind, parsed.id);
  const given = hashSecret(parsed.secret);
  if (!row || row.hash.length !== given.length || !timingSafeEqual(row.hash, given)) return null;
  return { kind: parsed.kind, row };
}

/** A data folder or `sqlite:` URL → SQLite; `postgres://` / `postgresql://` → PostgreSQL. */
export async function openHubStore(location: string): Promise<HubStore> {
  if (/^postgres(ql)?:\/\//i.test(location)) {
    const { PostgresHubStore } = await import('./postgres-store');
    return PostgresHubStore.open(location);
  }
  const { SqliteHubStore } = await import('./sqlite-store');
  return new SqliteHubStore(location);
}
