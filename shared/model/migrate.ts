import type * as Y from 'yjs';
import { facilitatorsMap, metaMap, SCHEMA_VERSION } from './doc-roots';
import { MIGRATION_ORIGIN } from './origin';
import { docSchemaVersion } from './write';

/**
 * Forward migrations. Rules every migration here follows, and why:
 * - Run in ONE transaction with MIGRATION_ORIGIN: all-or-nothing, and no undo manager tracks it.
 * - Idempotent and deterministic: several peers holding copies of one old doc may each migrate
 *   it offline, and the merged result must be the same as if one had.
 * - Never write a default a reader can infer (missing `deletedAt` reads as null, and so on).
 *   A default written by a peer that migrates late is a *concurrent* write, and Yjs may let it win
 *   over a real edit another peer made after its own migration (a board deleted, then
 *   "undeleted" by someone's migration). Readers are defensive instead; v1 records stay as they are.
 * - A doc from a newer version is never touched (its version is above ours): it opens read-only.
 */
export interface LoadResult {
  /** True when the doc comes from a newer app: show it, never write it. */
  readOnly: boolean;
  /** The version the doc was migrated from, null if no migration ran. */
  migratedFrom: number | null;
  /** The doc's version when it is newer than this app's SCHEMA_VERSION, otherwise null. */
  newerVersion: number | null;
}

export interface MigrationContext {
  /** This device's client id: it becomes facilitator of an old doc that lists none. */
  clientId?: string;
  clientName?: string;
}

type Migration = (doc: Y.Doc, ctx: MigrationContext) => void;

/** MIGRATIONS[n] takes a doc from version n to n + 1. */
const MIGRATIONS: Record<number, Migration> = {
  // v1 → v2: new record kinds live in new root maps and new fields are read with defaults, so the
  // only content change is naming a facilitator. v1 docs were never shared (no networking yet),
  // so the device opening one is its creator.
  1: (doc, ctx) => {
    const facilitators = facilitatorsMap(doc);
    if (facilitators.size === 0 && ctx.clientId) {
      const createdAt = metaMap(doc).get('createdAt');
      const name = ctx.clientName ?? metaMap(doc).get('facilitatorName');
      facilitators.set(ctx.clientId, {
        name: typeof name === 'string' ? name.slice(0, 100) : '',
        addedBy: ctx.clientId,
        addedAt: typeof createdAt === 'number' && Number.isFinite(createdAt) ? createdAt : 0,
        removedAt: null,
      });
    }
  },
};

/**
 * Migrates an older doc to SCHEMA_VERSION. Returns the version it started from, or null when
 * nothing ran (empty doc, current, or newer).
 */
export function migrateDoc(doc: Y.Doc, ctx: MigrationContext = {}): number | null {
  const from = docSchemaVersion(doc);
  if (from < 1 || from >= SCHEMA_VERSION || !Number.isInteger(from)) return null;
  doc.transact(() => {
    for (let v = from; v < SCHEMA_VERSION; v++) MIGRATIONS[v]?.(doc, ctx);
    metaMap(doc).set('schemaVersion', SCHEMA_VERSION);
  }, MIGRATION_ORIGIN);
  return from;
}

/** Call once after a doc's stored state has loaded, before showing it. */
export function prepareLoadedDoc(doc: Y.Doc, ctx: MigrationContext = {}): LoadResult {
  const version = docSchemaVersion(doc);
  if (version > SCHEMA_VERSION) return { readOnly: true, migratedFrom: null, newerVersion: version };
  return { readOnly: false, migratedFrom: migrateDoc(doc, ctx), newerVersion: null };
}
