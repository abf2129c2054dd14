import * as Y from 'yjs';
import { addNote, createSessionContent, moveNote, setNoteText } from '../../shared/model';

/**
 * A session's history as storage sees it: `count` small V2 updates from notes being added, typed
 * into character by character and moved — one update per keystroke or drop.
 */
export function recordUpdates(count: number): { source: Y.Doc; updates: Uint8Array[] } {
  const source = new Y.Doc();
  const updates: Uint8Array[] = [];
  source.on('updateV2', (u: Uint8Array) => updates.push(u));
  const { boardId } = createSessionContent(source, { title: 'Big lab', firstBoardTitle: 'Main', now: 1 });
  let noteId = '';
  let text = '';
  for (let i = 0; updates.length < count; i++) {
    if (i % 40 === 0) {
      noteId = addNote(source, { boardId, pos: { x: (i % 2000) * 3, y: i / 10 }, now: i });
      text = '';
    } else if (i % 10 === 0) {
      moveNote(source, noteId, { x: i % 997, y: i % 991 }, i);
    } else {
      text += 'abcdefghij'[i % 10];
      setNoteText(source, noteId, text, i);
    }
  }
  return { source, updates: updates.slice(0, count) };
}
