import type * as Y from 'yjs';
import type { NoteEntry } from './note-entry';
import type { NoteListing } from './note-listing';
import { isPrivateMode, noteVisibleWith, type Person } from './policy';

const filtered = new WeakMap<readonly NoteEntry[], { key: string; seen: readonly NoteEntry[] }>();

/**
 * The listing's notes of a board that this person's app may show (`listNotesSeenBy` without the
 * text). Facilitators, and everyone on a board with no private note outside private mode, see
 * the listing's own array, so its identity still says when something changed; otherwise the
 * filtered array is kept for as long as the board's notes and the person's role stay the same.
 */
export function notesSeenBy(doc: Y.Doc, listing: NoteListing, boardId: string, person: Person): readonly NoteEntry[] {
  const all = listing.notesOn(boardId);
  if (person.facilitator) return all;
  const privateMode = isPrivateMode(doc);
  if (!privateMode && !listing.hasPrivate(boardId)) return all;
  const key = `${person.id}|${privateMode}`;
  const cached = filtered.get(all);
  if (cached?.key === key) return cached.seen;
  const seen = Object.freeze(all.filter((n) => noteVisibleWith(person, n, () => privateMode)));
  filtered.set(all, { key, seen });
  return seen;
}
