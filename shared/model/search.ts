import type * as Y from 'yjs';
import { listBoards } from './boards';
import { listNotes, type Note } from './notes';

/**
 * Folds text for searching the way people type on a hurried keyboard: case, accents and Polish
 * letters ignored ("zrodla" finds "źródła", "lodz" finds "Łódź"; ł has no decomposition, so it
 * is mapped by hand).
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[łŁ]/g, 'l')
    .toLocaleLowerCase('en');
}

export interface SearchHit {
  noteId: string;
  boardId: string;
  boardTitle: string;
  text: string;
}

/** Live notes on live boards whose text holds every word of `query`, board by board in board order; `canSee` leaves out another's private notes. */
export function searchNotes(doc: Y.Doc, query: string, opts: { limit?: number; canSee?: (note: Note) => boolean } = {}): SearchHit[] {
  const { limit = 200, canSee = () => true } = opts;
  const words = foldForSearch(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const hits: SearchHit[] = [];
  for (const board of listBoards(doc)) {
    for (const note of listNotes(doc, board.id)) {
      if (!canSee(note)) continue;
      const folded = foldForSearch(note.text);
      if (!words.every((w) => folded.includes(w))) continue;
      hits.push({ noteId: note.id, boardId: board.id, boardTitle: board.title, text: note.text });
      if (hits.length >= limit) return hits;
    }
  }
  return hits;
}
