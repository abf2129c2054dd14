import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as Y from 'yjs';
import type { HubSession } from '../../shared/protocol/hub';
import { checkToken, newId, newToken, sessionOfRow, type HubStore, type Lab, type Principal, type SessionRow, type SessionScope, type StoredDocument } from './hub-store';

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

/**
 * The default store: one SQLite file in WAL mode, so several hub instances on one machine given
 * the same `--data` share it safely (SQLite serialises writers across processes).
 */
export class SqliteHubStore implements HubStore {
  private readonly db: Database.Database;

  /** `location`: a folder (the file is hub.sqlite in it) or a `sqlite:` URL / path ending in .sqlite or .db. */
  constructor(location: string) {
    this.db = new Database(SqliteHubStore.fileFor(location));
    // Another instance may hold the write lock for a moment; wait rather than fail its store (or,
    // set first, this instance's start: switching to WAL and the schema need the lock too).
    this.db.pragma('busy_timeout = 5000');
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('foreign_keys = ON');
    this.db.exec(SCHEMA);
  }

  static fileFor(location: string): string {
    const path = location.startsWith('sqlite:') ? location.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '') : location;
    if (/\.(sqlite3?|db)$/i.test(path)) return resolve(path);
    mkdirSync(path, { recursive: true });
    return join(resolve(path), HUB_DATABASE_FILE);
  }

  async close(): Promise<void> {
    this.db.close();
  }

  async addLab(country: string, name: string): Promise<{ lab: Lab; token: string }> {
    const lab = { id: newId(), country, name };
    const { token, hash } = newToken('lab', lab.id);
    this.db.prepare('INSERT INTO labs (id, country, name, secret_hash, created_at) VALUES (?, ?, ?, ?, ?)').run(lab.id, country, name, hash, Date.now());
    return { lab, token };
  }

  async addCoordinator(country: string | null): Promise<{ id: string; token: string }> {
    const id = newId();
    const { token, hash } = newToken('coord', id);
    this.db.prepare('INSERT INTO coordinators (id, country, secret_hash, created_at) VALUES (?, ?, ?, ?)').run(id, country, hash, Date.now());
    return { id, token };
  }

  async authenticate(token: string): Promise<Principal | null> {
    const found = await checkToken<{ id: string; country: string | null; name?: string }>(token, async (kind, id) => {
      const sql = kind === 'lab' ? 'SELECT id, country, name, secret_hash AS hash FROM labs WHERE id = ?' : 'SELECT id, country, secret_hash AS hash FROM coordinators WHERE id = ?';
      return (this.db.prepare(sql).get(id) as ({ id: string; country: string | null; name?: string } & { hash: Buffer }) | undefined) ?? null;
    });
    if (!found) return null;
    const { row } = found;
    return found.kind === 'lab' ? { kind: 'lab', lab: { id: row.id, country: row.country ?? '', name: row.name ?? '' } } : { kind: 'coord', id: row.id, country: row.country };
  }

  async lab(id: string): Promise<Lab | null> {
    return (this.db.prepare('SELECT id, country, name FROM labs WHERE id = ?').get(id) as Lab | undefined) ?? null;
  }

  async labs(country: string | null): Promise<Lab[]> {
    return (
      country === null
        ? this.db.prepare('SELECT id, country, name FROM labs ORDER BY country, name').all()
        : this.db.prepare('SELECT id, country, name FROM labs WHERE country = ? ORDER BY name').all(country)
    ) as Lab[];
  }

  async fetchState(name: string): Promise<Uint8Array | null> {
    return this.readState(name);
  }

  private readState(name: string): Uint8Array | null {
    const row = this.db.prepare('SELECT state FROM documents WHERE name = ?').get(name) as { state: Buffer } | undefined;
    return row ? new Uint8Array(row.state) : null;
  }

  async storeState(doc: StoredDocument): Promise<void> {
    this.db.transaction(() => {
      const before = this.readState(doc.name);
      const state = before ? Y.mergeUpdates([before, doc.state]) : doc.state;
      this.db
        .prepare(
          `INSERT INTO documents (name, lab_id, session_id, state, title, notes, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT(name) DO UPDATE SET state = excluded.state, title = excluded.title, notes = excluded.notes, updated_at = excluded.updated_at`,
        )
        .run(doc.name, doc.labId, doc.sessionId, Buffer.from(state), doc.title, doc.notes, Date.now());
    })();
  }

  async sessions(scope: SessionScope): Promise<HubSession[]> {
    const [where, args] = 'labId' in scope ? ['WHERE l.id = ?', [scope.labId]] : scope.country === null ? ['', []] : ['WHERE l.country = ?', [scope.country]];
    const rows = this.db
      .prepare(
        `SELECT d.name, d.session_id AS sessionId, d.title, d.notes, d.updated_at AS updatedAt, l.id AS labId, l.name AS labName, l.country
         FROM documents d JOIN labs l ON l.id = d.lab_id ${where} ORDER BY d.updated_at DESC`,
      )
      .all(...args) as SessionRow[];
    return rows.map(sessionOfRow);
  }
}
