import type * as Y from 'yjs';
import { metaMap, SCHEMA_VERSION } from './doc-roots';
import { LOCAL_ORIGIN } from './origin';

/**
 * A doc written by a newer app version must never be rewritten by this one: its data could be in
 * a shape we would damage. Every operation goes through `mutate`, which refuses such a doc. The
 * check reads the doc itself, so it also holds when a newer peer's update arrives mid-session.
 */
export function docSchemaVersion(doc: Y.Doc): number {
  const v = metaMap(doc).get('schemaVersion');
  return typeof v === 'number' && Number.isFinite(v) ? v : 0;
}

export function isDocWritable(doc: Y.Doc): boolean {
  return docSchemaVersion(doc) <= SCHEMA_VERSION;
}

/** Runs one local edit as one transaction with the local origin (undoable); false if refused. */
export function mutate(doc: Y.Doc, edit: () => void): boolean {
  if (!isDocWritable(doc)) return false;
  doc.transact(edit, LOCAL_ORIGIN);
  return true;
}
