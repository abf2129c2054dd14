import type * as Y from 'yjs';
import { metaMap, noteListing, readSessionCounts, readSessionMeta, type NoteListing } from '../../shared/model';
import type { SessionSummary } from '../storage/database';

type Summary = Omit<SessionSummary, 'id' | 'updatedAt'>;

/** The Home list row for a session, derived from its doc. */
export function summariseSession(doc: Y.Doc): Summary {
  const meta = readSessionMeta(doc);
  return { title: meta.title, createdAt: meta.createdAt, noteCount: readSessionCounts(doc).notes };
}

/**
 * The same row for an open session, at the cost of a few board lookups. Storage writes a row with
 * every batch — up to 60 a second while someone types — so the count comes from the doc's
 * NoteListing (kept current from Yjs events) instead of counting a 5,000-note doc after each
 * added or deleted note. The row keeps its identity while it is unchanged. `stop` ends the
 * observation.
 */
export function cachedSummariser(doc: Y.Doc): { summarise: () => Summary; stop: () => void } {
  // Made at the first write, after the stored doc is loaded, rather than watching the load.
  let listing: NoteListing | null = null;
  let meta: Pick<Summary, 'title' | 'createdAt'> | null = null;
  let cached: Summary | null = null;
  const metaChanged = () => {
    meta = null;
    cached = null;
  };
  metaMap(doc).observe(metaChanged);
  return {
    summarise: () => {
      const noteCount = (listing ??= noteListing(doc)).countLive();
      if (cached && cached.noteCount === noteCount) return cached;
      meta ??= (({ title, createdAt }) => ({ title, createdAt }))(readSessionMeta(doc));
      return (cached = { ...meta, noteCount });
    },
    stop: () => metaMap(doc).unobserve(metaChanged),
  };
}
