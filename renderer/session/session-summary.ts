import type * as Y from 'yjs';
import { readSessionCounts, readSessionMeta } from '../../shared/model';
import type { SessionSummary } from '../storage/database';

/** The Home list row for a session, derived from its doc. */
export function summariseSession(doc: Y.Doc): Omit<SessionSummary, 'id' | 'updatedAt'> {
  const meta = readSessionMeta(doc);
  return { title: meta.title, createdAt: meta.createdAt, noteCount: readSessionCounts(doc).notes };
}
