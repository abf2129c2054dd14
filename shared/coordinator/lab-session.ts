import type * as Y from 'yjs';
import { readSession, verifyDecisionLog, type DecisionLogCheck, type DecisionProblem, type SessionContent } from '../model';

/**
 * One session as the coordinator view lists it: where it comes from (lab, country, city, date,
 * as the facilitator set them), how big it was, whether its decision record checks out, and its
 * whole content for the combined tables. Every archive of one session is merged into one doc
 * before this is read, so a note is counted once however many copies arrived.
 */
export interface LabSession {
  id: string;
  title: string;
  lab: string;
  /** ISO 3166-1 alpha-2, '' when not set. */
  country: string;
  city: string;
  /** YYYY-MM-DD: the workshop day, or the day the session was created when none was set. */
  date: string;
  participants: number;
  notes: number;
  record: DecisionLogCheck;
  content: SessionContent;
  /** Imported archives (kept on this device) or a lab-network hub (live, read-only); archive when absent. */
  source?: 'archive' | 'hub';
}

/**
 * `heads`: every head the imported archives' manifests named (each must be in the merged record);
 * `flagged`: a problem found in one archive at import — kept, because merging a genuine copy of the
 * same session could hide the edited entry again (one value per key wins).
 */
export function labSessionOf(id: string, doc: Y.Doc, check: { heads?: readonly string[]; flagged?: DecisionProblem | null } = {}): LabSession {
  const content = readSession(doc);
  const { meta } = content;
  const authors = new Set(content.boards.flatMap((b) => b.notes.filter((n) => !n.private).map((n) => n.authorId || n.authorName)).filter(Boolean));
  const heads = check.heads ?? [];
  const verified = heads.length > 0 ? verifyDecisionLog(doc, heads) : content.decisions;
  const record = check.flagged ? { ...verified, problem: check.flagged } : verified;
  return {
    id,
    title: meta.title,
    lab: meta.lab,
    country: meta.country,
    city: meta.place,
    date: meta.date || (meta.createdAt > 0 ? new Date(meta.createdAt).toISOString().slice(0, 10) : ''),
    participants: Math.max(authors.size, content.facilitators.length),
    notes: content.boards.reduce((n, b) => n + b.notes.filter((x) => !x.private).length, 0),
    record,
    content,
  };
}
