import Database from 'better-sqlite3';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as Y from 'yjs';
import { formatHubToken, parseHubToken, type HubSession } from '../../shared/protocol/hub';

/**
 * The hub's data: labs and coordinators (with only a hash of each token's secret), and the
 * published sessions' Yjs state. One SQLite file in WAL mode, so several hub instances given the
 * same `--data` folder share it safely (SQLite serialises writers across processes).
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

export const HUB_DATABASE_FILE = 'hub.sqlite';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS labs (
  id TEXT PRIMARY KEY, country TEXT NOT NULL, name TEXT NOT NULL, secret_hash BLOB NOT NULL, created_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS coordinators (
  id TEXT PRIMARY KEY, country TEXT, secret_hash BLOB NOT NULL, created_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
  name TEXT PRIMARY KEY, lab_id TEXT NOT NULL REFERENCES labs(id), session_id TEXT NOT NULL,
  state BLOB NOT NULL, title TEXT NOT NULL DEFAULT '', notes INTEGER NOT NULL DEFAULT 0, updated_at INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS documents_lab ON documents(lab_id);
`;

function newId(): string {
  return randomBytes(9).toString('base64url');
}

function hashSecret(secret: string): Buffer {
  return createHash('sha256').update(secret).digest();
}

export interface StoredDocument {
  name: string;
  labId: string;
  sessionId: string;
  state: Uint8Array;
  title: string;
  notes: number;
}

export class HubStore {
  private readonly db: Database.Database;

  /** `location`: a folder (the file is hub.sqlite in it) or a `sqlite:` URL / path ending in .sqlite or .db. */
  constructor(location: string) {
    this.db = new Database(HubStore.fileFor(location));
    this.db.pragma('journal_mode = WAL');
    // Another instance may hold the write lock for a moment; wait rather than fail its store.
    this.db.pragma('busy_timeout = 5000');
    this.db.pragma('foreign_keys = ON');
    this.db.exec(SCHEMA);
  }

  static fileFor(location: string): string {
    const path = location.startsWith('sqlite:') ? location.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '') : location;
    if (/\.(sqlite3?|db)$/i.test(path)) return resolve(path);
    mkdirSync(path, { recursive: true });
    return join(resolve(path), HUB_DATABASE_FILE);
  }

  close(): void {
    this.db.close();
  }

  addLab(country: string, name: string): { lab: Lab; token: string } {
    const lab = { id: newId(), country, name };
    const secret = randomBytes(32).toString('base64url');
    this.db
      .prepare('INSERT INTO labs (id, country, name, secret_hash, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(lab.id, country, name, hashSecret(secret), Date.now());
    return { lab, token: formatHubToken({ kind: 'lab', id: lab.id, secret }) };
  }

  addCoordinator(country: string | null): { id: string; token: string } {
    const id = newId();
    const secret = randomBytes(32).toString('base64url');
    this.db
      .prepare('INSERT INTO coordinators (id, country, secret_hash, created_at) VALUES (?, ?, ?, ?)')
      .run(id, country, hashSecret(secret), Date.now());
    return { id, token: formatHubToken({ kind: 'coord', id, secret }) };
  }

  /** Who a token belongs to, or null: unknown id and wrong secret look the same to the caller. */
  authenticate(token: string): Principal | null {
    const parsed = parseHubToken(token);
    if (!parsed) return null;
    const given = hashSecret(parsed.secret);
    if (parsed.kind === 'lab') {
      const row = this.db.prepare('SELECT id, country, name, secret_hash AS hash FROM labs WHERE id = ?').get(parsed.id) as
        | (Lab & { hash: Buffer })
        | undefined;
      if (!row || !timingSafeEqual(row.hash, given)) return null;
      return { kind: 'lab', lab: { id: row.id, country: row.country, name: row.name } };
    }
    const row = this.db.prepare('SELECT id, country, secret_hash AS hash FROM coordinators WHERE id = ?').get(parsed.id) as
      | { id: string; country: string | null; hash: Buffer }
      | undefined;
    if (!row || !timingSafeEqual(row.hash, given)) return null;
    return { kind: 'coord', id: row.id, country: row.country };
  }

  lab(id: string): Lab | null {
    return (this.db.prepare('SELECT id, country, name FROM labs WHERE id = ?').get(id) as Lab | undefined) ?? null;
  }

  labs(country: string | null): Lab[] {
    const all = this.db.prepare('SELECT id, country, name FROM labs ORDER BY country, name').all() as Lab[];
    return country === null ? all : all.filter((l) => l.country === country);
  }

  fetchState(name: string): Uint8Array | null {
    const row = this.db.prepare('SELECT state FROM documents WHERE name = ?').get(name) as { state: Buffer } | undefined;
    return row ? new Uint8Array(row.state) : null;
  }

  /**
   * Merges `doc.state` into what is stored, in one transaction: two instances storing the same
   * session from copies that are a moment apart can never drop the other's updates.
   */
  storeState(doc: StoredDocument): void {
    this.db.transaction(() => {
      const before = this.fetchState(doc.name);
      const state = before ? Y.mergeUpdates([before, doc.state]) : doc.state;
      this.db
        .prepare(
          `INSERT INTO documents (name, lab_id, session_id, state, title, notes, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT(name) DO UPDATE SET state = excluded.state, title = excluded.title, notes = excluded.notes, updated_at = excluded.updated_at`,
        )
        .run(doc.name, doc.labId, doc.sessionId, Buffer.from(state), doc.title, doc.notes, Date.now());
    })();
  }

  /** Published sessions a coordinator of `country` (null: all) or one lab may read, newest first. */
  sessions(scope: { country: string | null } | { labId: string }): HubSession[] {
    const [where, arg] = 'labId' in scope ? ['WHERE l.id = ?', scope.labId] : scope.country === null ? ['', null] : ['WHERE l.country = ?', scope.country];
    const rows = this.db
      .prepare(
        `SELECT d.name, d.session_id AS sessionId, d.title, d.notes, d.updated_at AS updatedAt, l.id AS labId, l.name AS labName, l.country
         FROM documents d JOIN labs l ON l.id = d.lab_id ${where} ORDER BY d.updated_at DESC`,
      )
      .all(...(arg === null ? [] : [arg])) as { name: string; sessionId: string; title: string; notes: number; updatedAt: number; labId: string; labName: string; country: string }[];
    return rows.map((r) => ({
      document: r.name,
      sessionId: r.sessionId,
      lab: { id: r.labId, name: r.labName, country: r.country },
      title: r.title,
      notes: r.notes,
      updatedAt: r.updatedAt,
    }));
  }
}
