import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addNote, createSessionContent, createUndoManager, getNote, listNotes, MAX_NOTE_TEXT_LENGTH, moveNote, setNoteText } from '../../../shared/model';
import { runFuzz } from './sim/run';

/**
 * Seeds that once failed the convergence fuzz suite, pinned by name so the bug stays fixed.
 * Two bugs were found; each is pinned by the seeds that found it plus a direct test of the cause.
 * Every test here fails without its fix.
 */
describe('fuzz regressions', () => {
  it('undoing a move that raced another move keeps the note on the board (direct form)', () => {
    for (const order of [[1, 2, 3], [3, 2, 1], [2, 3, 1], [1, 3, 2]]) {
      const [a, b, c] = order.map((clientID) => {
        const d = new Y.Doc();
        d.clientID = clientID;
        return d;
      });
      const { boardId } = createSessionContent(a!, { title: 'Lab', firstBoardTitle: 'Main', now: 1 });
      const id = addNote(a!, { boardId, pos: { x: 0, y: 0 }, now: 2 });
      const all = [a!, b!, c!];
      const sync = () => all.forEach((x) => all.forEach((y) => x !== y && Y.applyUpdate(y, Y.encodeStateAsUpdate(x, Y.encodeStateVector(y)))));
      sync();
      moveNote(b!, id, { x: 10, y: 10 }, 3);
      sync();
      const undo = createUndoManager(a!, { captureTimeout: 0 });
      moveNote(a!, id, { x: 20, y: 20 }, 4);
      moveNote(c!, id, { x: 30, y: 30 }, 4);
      sync();
      undo.undo();
      sync();
      for (const d of all) expect(listNotes(d, boardId).map((n) => n.id), `client order ${order}`).toEqual([id]);
      expect(getNote(b!, id)).toEqual(getNote(a!, id));
    }
  });

  // Caught: an edit that left a lone UTF-16 surrogate in a note (cut between the halves of an
  // emoji). Yjs sends text as UTF-8, so peers received U+FFFD while the author kept the lone half:
  // equal state vectors, different text, forever. Fixed by toWellFormed/clipText in text-diff.ts.
  it('seed 3 (3 peers): a lone surrogate no longer makes replicas differ', () => {
    expect(runFuzz({ seed: 3, peers: 3, ops: 150 }).failures).toEqual([]);
  });

  it('seed 5 (5 peers): same bug on the largest mesh', () => {
    expect(runFuzz({ seed: 5, peers: 5, ops: 150 }).failures).toEqual([]);
  });

  it('seed 7 (4 peers): same bug, 4 peers', () => {
    expect(runFuzz({ seed: 7, peers: 4, ops: 150 }).failures).toEqual([]);
  });

  // Caught (found by `npm run fuzz -- --iterations 300`, seeds 689228768 and 689228899): undoing
  // a move whose previous position had been overwritten concurrently deleted `pos` without
  // restoring any position (Yjs's undo manager cannot restore a map value that lost a conflict),
  // and the note, now "malformed", vanished from every board. Readers now require only identity
  // fields and default the rest.
  it('seed 689228768 (5 peers): an undo conflict no longer makes a note vanish', () => {
    expect(runFuzz({ seed: 689228768, peers: 5, ops: 150 }).failures).toEqual([]);
  });

  it('seed 689228899 (4 peers): same bug', () => {
    expect(runFuzz({ seed: 689228899, peers: 4, ops: 150 }).failures).toEqual([]);
  });

  it('the text limit never cuts an emoji in half (the direct form of the same bug)', () => {
    const a = new Y.Doc();
    const { boardId } = createSessionContent(a, { title: 'Lab', firstBoardTitle: 'Main', now: 1 });
    const id = addNote(a, { boardId, pos: { x: 0, y: 0 }, now: 2 });
    setNoteText(a, id, 'x'.repeat(MAX_NOTE_TEXT_LENGTH - 1) + '🌍', 3);
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(getNote(a, id)?.text).toBe('x'.repeat(MAX_NOTE_TEXT_LENGTH - 1));
    expect(getNote(b, id)?.text).toBe(getNote(a, id)?.text);
    setNoteText(a, id, 'lone \ud83c half', 4);
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
    expect(getNote(b, id)?.text).toBe(getNote(a, id)?.text);
  });
});
