import type * as Y from 'yjs';

/**
 * Top-level shared types of a session's Y.Doc. Every record lives in a map keyed by its id, so
 * concurrent inserts by different peers never collide and lookups are O(1).
 */
export const ROOT = {
  meta: 'meta',
  boards: 'boards',
  notes: 'notes',
} as const;

/** Bumped when the doc layout changes; opening an older doc migrates it forward. */
export const SCHEMA_VERSION = 1;

export type RecordMap = Y.Map<unknown>;

export function metaMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(ROOT.meta);
}

export function boardsMap(doc: Y.Doc): Y.Map<RecordMap> {
  return doc.getMap(ROOT.boards);
}

export function notesMap(doc: Y.Doc): Y.Map<RecordMap> {
  return doc.getMap(ROOT.notes);
}
