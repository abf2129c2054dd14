import * as Y from 'yjs';
import { metaMap, notesMap, observeRoots, readSessionCounts, readSessionMeta } from '../../shared/model';
import type { SessionSummary } from '../storage/database';

type Summary = Omit<SessionSummary, 'id' | 'updatedAt'>;

/** The Home list row for a session, derived from its doc. */
export function summariseSession(doc: Y.Doc): Summary {
  const meta = readSessionMeta(doc);
  return { title: meta.title, createdAt: meta.createdAt, noteCount: readSessionCounts(doc).notes };
}

/** Note fields that change whether a note counts: typing, moving or colouring never do. */
const COUNTED_KEYS = new Set(['boardId', 'deletedAt']);

/**
 * The same row, kept for an open session and read again only after something it depends on
 * changed (a note added, deleted or moved to another board; a board deleted; the title). Storage
 * writes a row with every batch — up to 60 a second while someone types — and counting a 5,000-note
 * doc each time cost more than the write. `stop` ends the observation.
 */
export function cachedSummariser(doc: Y.Doc): { summarise: () => Summary; stop: () => void } {
  let cached: Summary | null = null;
  const dirty = () => {
    cached = null;
  };
  const notes = notesMap(doc);
  const onNotes = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
    if (events.some((e) => e.target === notes || (e instanceof Y.YMapEvent && [...e.keysChanged].some((k) => COUNTED_KEYS.has(k))))) dirty();
  };
  notes.observeDeep(onNotes);
  metaMap(doc).observe(dirty);
  const stopBoards = observeRoots(doc, ['boards'], dirty);
  return {
    summarise: () => (cached ??= summariseSession(doc)),
    stop: () => {
      notes.unobserveDeep(onNotes);
      metaMap(doc).unobserve(dirty);
      stopBoards();
    },
  };
}
