import type * as Y from 'yjs';
import type { NoteEntry } from './note-entry';
import { noteListing } from './note-listing';
import { getNote, moveNote } from './notes';
import { NOTE_GAP, placeNewNote } from './placement';
import type { Rect } from './zones';

/** Earlier notes win a spot: older first, then by id, so every peer agrees who must move. */
function before(a: Pick<NoteEntry, 'createdAt' | 'id'>, b: Pick<NoteEntry, 'createdAt' | 'id'>): boolean {
  return a.createdAt < b.createdAt || (a.createdAt === b.createdAt && a.id < b.id);
}

function overlapArea(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/**
 * Two people pressing "Add" at the same moment both see the same free spot, and their notes
 * arrive on top of each other. The later of two such notes (by the order above) is the one to
 * move; this returns where, or null when `noteId` is not covering an earlier note by more than a
 * quarter of its area. Only the note's own creator calls it, on notes it has just placed.
 */
export function unstackSpot(doc: Y.Doc, noteId: string): { x: number; y: number } | null {
  const note = getNote(doc, noteId);
  if (!note || note.deletedAt !== null) return null;
  // The listing, not listNotes: this runs after every remote update while a fresh note is watched.
  const others = noteListing(doc).notesOn(note.boardId).filter((n) => n.id !== noteId);
  const mine: Rect = { ...note.pos, ...note.size };
  const covered = others.some((o) => before(o, note) && overlapArea(o.rect, mine) > (note.size.w * note.size.h) / 4);
  if (!covered) return null;
  const centre = { x: note.pos.x + note.size.w / 2 + note.size.w + NOTE_GAP, y: note.pos.y + note.size.h / 2 };
  return placeNewNote(centre, note.size, others.map((o) => o.rect));
}

/** Moves `noteId` off an earlier note it covers (see unstackSpot); true when it moved. */
export function unstackNote(doc: Y.Doc, noteId: string, now: number): boolean {
  const spot = unstackSpot(doc, noteId);
  if (!spot) return false;
  moveNote(doc, noteId, spot, now);
  return true;
}
