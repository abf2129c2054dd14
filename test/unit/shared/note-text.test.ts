import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import {
  addNote,
  anchorSelection,
  createTextUndo,
  getNote,
  MAX_NOTE_TEXT_LENGTH,
  noteText,
  resolveSelection,
  setNoteText,
  spliceBetween,
  spliceText,
  type TextAnchor,
} from '../../../shared/model';
import { session, syncAll } from '../model/helpers';

function apply(prev: string, splice: ReturnType<typeof spliceBetween>): string {
  if (!splice) return prev;
  return prev.slice(0, splice.index) + splice.insert + prev.slice(splice.index + splice.remove);
}

describe('spliceBetween', () => {
  it.each([
    ['', 'hello', 5],
    ['hello', '', 0],
    ['hello world', 'hello brave world', 12],
    ['abcdef', 'abXYef', 4],
    ['emoji 😀 here', 'emoji 😃 here', 8],
    ['😀😀', '😀', 2],
    ['abc', 'xyz', 3],
  ])('turns %j into %j', (prev, next, caret) => {
    expect(apply(prev, spliceBetween(prev, next, caret))).toBe(next);
  });

  it('puts the edit where the caret says, not where a plain diff guesses', () => {
    // Typing "a" after the first "a" of "aa": a prefix/suffix diff would say index 2.
    expect(spliceBetween('aa', 'aaa', 1)).toEqual({ index: 0, remove: 0, insert: 'a' });
    expect(spliceBetween('aa', 'aaa', 2)).toEqual({ index: 1, remove: 0, insert: 'a' });
    // Backspace on the first of "ll": the caret (2) says which one went.
    expect(spliceBetween('hello', 'helo', 2)).toEqual({ index: 2, remove: 1, insert: '' });
    expect(spliceBetween('hello', 'helo', 3)).toEqual({ index: 3, remove: 1, insert: '' });
  });

  it('falls back to the minimal splice when the caret cannot explain the change', () => {
    expect(spliceBetween('hello world', 'hello brave world', 0)).toEqual({ index: 6, remove: 0, insert: 'brave ' });
    expect(spliceBetween('same', 'same', 2)).toBeNull();
  });

  it('never splits a surrogate pair', () => {
    const s = spliceBetween('a😀b', 'a😃b', 3)!;
    expect(s.remove).toBe(2);
    expect(s.insert).toBe('😃');
  });
});

describe('spliceText', () => {
  it('writes one splice and keeps the note within its maximum length', () => {
    const { docs, boardId } = session(1);
    const doc = docs[0]!;
    const id = addNote(doc, { boardId, pos: { x: 0, y: 0 }, now: 2, text: 'Heat pumps' });
    expect(spliceText(doc, id, { index: 4, remove: 0, insert: ' for schools and' }, 3)).toBe(true);
    expect(getNote(doc, id)!.text).toBe('Heat for schools and pumps');
    setNoteText(doc, id, 'x'.repeat(MAX_NOTE_TEXT_LENGTH - 2), 4);
    spliceText(doc, id, { index: 0, remove: 0, insert: 'abcdef' }, 5);
    expect(getNote(doc, id)!.text).toBe(`ab${'x'.repeat(MAX_NOTE_TEXT_LENGTH - 2)}`);
    expect(spliceText(doc, id, { index: 0, remove: 0, insert: 'more' }, 6)).toBe(false);
    expect(spliceText(doc, 'missing', { index: 0, remove: 0, insert: 'x' }, 6)).toBe(false);
  });
});

/**
 * A text field bound the way use-note-text-binding.ts binds the textarea: local keystrokes become
 * splices against the last synced value, remote changes are shown with the caret resolved from a
 * relative position anchored just before the change arrived.
 */
class Field {
  value: string;
  caret: number;
  private synced: string;
  private anchor: TextAnchor | null = null;
  private readonly text: Y.Text;

  constructor(
    private readonly doc: Y.Doc,
    private readonly noteId: string,
  ) {
    this.text = noteText(doc, noteId)!;
    this.value = this.synced = this.text.toString();
    this.caret = this.value.length;
    doc.on('beforeTransaction', () => {
      if (this.value === this.synced) this.anchor = anchorSelection(this.text, this.caret, this.caret);
    });
    this.text.observe(() => {
      if (this.text.toString() === this.value) return;
      this.value = this.synced = this.text.toString();
      this.caret = (this.anchor && resolveSelection(doc, this.anchor)?.start) ?? this.caret;
    });
  }

  type(ch: string): void {
    this.value = this.value.slice(0, this.caret) + ch + this.value.slice(this.caret);
    this.caret += ch.length;
    const splice = spliceBetween(this.synced, this.value, this.caret);
    if (splice) spliceText(this.doc, this.noteId, splice, 10);
    this.synced = this.value;
  }
}

describe('two people typing in one note at once', () => {
  it.each([
    ['at the end, every keystroke exchanged at once', 1],
    ['at the end, three keystrokes in flight each way', 3],
    ['at the end, seven in flight', 7],
  ])('keep both phrases whole and identical: %s', (_name, batch) => {
    const { docs, boardId } = session(2);
    const [a, b] = docs as [Y.Doc, Y.Doc];
    const id = addNote(a, { boardId, pos: { x: 0, y: 0 }, now: 2, text: 'probe-0-3939' });
    syncAll(a, b);
    const fa = new Field(a, id);
    const fb = new Field(b, id);
    const pa = ' ABBA from Ann';
    const pb = ' and Bart';
    for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
      if (i < pa.length) fa.type(pa[i]!);
      if (i < pb.length) fb.type(pb[i]!);
      if (i % batch === batch - 1) syncAll(a, b);
    }
    syncAll(a, b);
    const final = getNote(a, id)!.text;
    expect(getNote(b, id)!.text).toBe(final);
    expect(fa.value).toBe(final);
    expect(fb.value).toBe(final);
    expect([`probe-0-3939${pa}${pb}`, `probe-0-3939${pb}${pa}`]).toContain(final);
  });

  it('keep both phrases when one types in the middle and the other at the end', () => {
    const { docs, boardId } = session(2);
    const [a, b] = docs as [Y.Doc, Y.Doc];
    const id = addNote(a, { boardId, pos: { x: 0, y: 0 }, now: 2, text: 'Heat pumps' });
    syncAll(a, b);
    const fa = new Field(a, id);
    const fb = new Field(b, id);
    fa.caret = 4;
    for (const ch of ' source') {
      fa.type(ch);
      fb.type(ch === ' ' ? '!' : ch.toUpperCase());
      syncAll(a, b);
    }
    expect(getNote(a, id)!.text).toBe('Heat source pumps!SOURCE');
    expect(fb.value).toBe(fa.value);
  });
});

describe('createTextUndo', () => {
  it('takes back only this person\'s typing in the note, never a peer\'s words', () => {
    const { docs, boardId } = session(2);
    const [a, b] = docs as [Y.Doc, Y.Doc];
    const id = addNote(a, { boardId, pos: { x: 0, y: 0 }, now: 2, text: 'Heat pumps' });
    syncAll(a, b);
    const undo = createTextUndo(noteText(a, id)!);
    spliceText(a, id, { index: 10, remove: 0, insert: ' for schools' }, 3);
    syncAll(a, b);
    spliceText(b, id, { index: 4, remove: 0, insert: ' and cold' }, 4);
    syncAll(a, b);
    undo.undo();
    syncAll(a, b);
    expect(getNote(b, id)!.text).toBe('Heat and cold pumps');
    undo.redo();
    syncAll(a, b);
    expect(getNote(b, id)!.text).toBe('Heat and cold pumps for schools');
    undo.destroy();
  });
});
