import * as Y from 'yjs';
import { addNote, createSessionContent, moveNote, setNoteText } from '../../shared/model';

/**
 * A session's history as storage sees it: `count` small V2 updates from notes being added, typed
 * into character by character and moved — one update per keystroke or drop. Notes are nudged
 * about their own place in a grid of 220 px cells, 40 to a row, as a board of real 200 px notes
 * is laid out (it used to pile all of them into one screen, which no board looks like).
 */
export function recordUpdates(count: number): { source: Y.Doc; updates: Uint8Array[] } {
  const source = new Y.Doc();
  const updates: Uint8Array[] = [];
  source.on('updateV2', (u: Uint8Array) => updates.push(u));
  const { boardId } = createSessionContent(source, { title: 'Big lab', firstBoardTitle: 'Main', now: 1 });
  let noteId = '';
  let text = '';
  let cell = { x: 0, y: 0 };
  for (let i = 0; updates.length < count; i++) {
    if (i % 40 === 0) {
      const n = i / 40;
      cell = { x: (n % 40) * 220, y: Math.floor(n / 40) * 220 };
      noteId = addNote(source, { boardId, pos: cell, now: i });
      text = '';
    } else if (i % 10 === 0) {
      moveNote(source, noteId, { x: cell.x + (i % 7), y: cell.y + (i % 5) }, i);
    } else {
      text += 'abcdefghij'[i % 10];
      setNoteText(source, noteId, text, i);
    }
  }
  return { source, updates: updates.slice(0, count) };
}
