import pg from 'pg';
import * as Y from 'yjs';
import type { HubSession } from '../../shared/protocol/hub';
import { checkToken, newId, newToken, sessionOfRow, type HubStore, type Lab, type Principal, type SessionScope, type StoredDocument } from './hub-store';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS tl_labs (
  id TEXT PRIMARY KEY, country TEXT NOT NULL, name TEXT NOT NULL, secret_hash BYTEA NOT NULL, created_at BIGINT NOT NULL);
CREATE TABLE IF NOT EXISTS tl_coordinators (
  id TEXT PRIMARY KEY, country TEXT, secret_hash BYTEA NOT NULL, created_at BIGINT NOT NULL);
CREATE TABLE IF NOT EXISTS tl_documents (
  name TEXT PRIMARY KEY, lab_id TEXT NOT NULL REFERENCES tl_labs(id), session_id TEXT NOT NULL,
  state BYTEA NOT NULL, title TEXT NOT NULL DEFAULT '', notes INTEGER NOT NULL DEFAULT 0, updated_at BIGINT NOT NULL);
CREATE INDEX IF NOT EXISTS tl_documents_lab ON tl_documents(lab_id);
`;

/**
 * PostgreSQL (`--database postgres://user:pass@host/db`): for hubs whose instances run on several
 * machines. Tables are prefixed `tl_` so the hub can share a database with other things.
 */
export class PostgresHubStore implements HubStore {
  private constructor(private readonly pool: pg.Pool) {}

  static async open(url: string): Promise<PostgresHubStore> {
    const pool = new pg.Pool({ connectionString: url, max: 8 });
    // An idle client's error (the server restarted) must not end the process; the pool reconnects.
    pool.on('error', () => {});
    // Two instances starting at once must not race on CREATE TABLE IF NOT EXISTS.
    const client = await pool.connect();
    try {
      await client.query('SELECT pg_advisory_lock(7301)');
      await client.query(SCHEMA);
      await client.query('SELECT pg_advisory_unlock(7301)');
    } finally {
      client.release();
    }
    return new PostgresHubStore(pool);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  async addLab(country: string, name: string): Promise<{ lab: Lab; token: string }> {
    const lab = { id: newId(), country, name };
    const { token, hash } = newToken('lab', lab.id);
    await this.pool.query('INSERT INTO tl_labs (id, country, name, secret_hash, created_at) VALUES ($1, $2, $3, $4, $5)', [lab.id, country, name, hash, Date.now()]);
    return { lab, token };
  }

  async addCoordinator(country: string | null): Promise<{ id: string; token: string }> {
    const id = newId();
    const { token, hash } = newToken('coord', id);
    await this.pool.query('INSERT INTO tl_coordinators (id, country, secret_hash, created_at) VALUES ($1, $2, $3, $4)', [id, country, hash, Date.now()]);
    return { id, token };
  }

  async authenticate(token: string): Promise<Principal | null> {
    const found = await checkToken<{ id: string; country: string | null; name?: string }>(token, async (kind, id) => {
      const sql = kind === 'lab' ? 'SELECT id, country, name, secret_hash AS hash FROM tl_labs WHERE id = $1' : 'SELECT id, country, secret_hash AS hash FROM tl_coordinators WHERE id = $1';
      const result = await this.pool.query(sql, [id]);
      return (result.rows[0] as ({ id: string; country: string | null; name?: string } & { hash: Buffer }) | undefined) ?? null;
    });
    if (!found) return null;
    const { row } = found;
    return found.kind === 'lab' ? { kind: 'lab', lab: { id: row.id, country: row.country ?? '', name: row.name ?? '' } } : { kind: 'coord', id: row.id, country: row.country };
  }

  async lab(id: string): Promise<Lab | null> {
    const result = await this.pool.query('SELECT id, country, name FROM tl_labs WHERE id = $1', [id]);
    return (result.rows[0] as Lab | undefined) ?? null;
  }

  async labs(country: string | null): Promise<Lab[]> {
    const result = country === null
      ? await this.pool.query('SELECT id, country, name FROM tl_labs ORDER BY country, name')
      : await this.pool.query('SELECT id, country, name FROM tl_labs WHERE country = $1 ORDER BY name', [country]);
    return result.rows as Lab[];
  }

  async fetchState(name: string): Promise<Uint8Array | null> {
    const result = await this.pool.query('SELECT state FROM tl_documents WHERE name = $1', [name]);
    const row = result.rows[0] as { state: Buffer } | undefined;
    return row ? new Uint8Array(row.state) : null;
  }

  async storeState(doc: StoredDocument): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      // The row exists (empty) before it is locked, so two first stores cannot both insert.
      await client.query(
        `INSERT INTO tl_documents (name, lab_id, session_id, state, updated_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (name) DO NOTHING`,
        [doc.name, doc.labId, doc.sessionId, Buffer.from(Y.encodeStateAsUpdate(new Y.Doc())), Date.now()],
      );
      const locked = await client.query('SELECT state FROM tl_documents WHERE name = $1 FOR UPDATE', [doc.name]);
      const before = (locked.rows[0] as { state: Buffer }).state;
      const state = Y.mergeUpdates([new Uint8Array(before), doc.state]);
      await client.query('UPDATE tl_documents SET state = $2, title = $3, notes = $4, updated_at = $5 WHERE name = $1', [
        doc.name,
        Buffer.from(state),
        doc.title,
        doc.notes,
        Date.now(),
      ]);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  async sessions(scope: SessionScope): Promise<HubSession[]> {
    const [where, args] = 'labId' in scope ? ['WHERE l.id = $1', [scope.labId]] : scope.country === null ? ['', []] : ['WHERE l.country = $1', [scope.country]];
    const result = await this.pool.query(
      `SELECT d.name, d.session_id AS "sessionId", d.title, d.notes, d.updated_at AS "updatedAt", l.id AS "labId", l.name AS "labName", l.country
       FROM tl_documents d JOIN tl_labs l ON l.id = d.lab_id ${where} ORDER BY d.updated_at DESC`,
      args,
    );
    return result.rows.map(sessionOfRow);
  }
}
