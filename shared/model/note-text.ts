import * as Y from 'yjs';
import { notesMap } from './doc-roots';
import { recordIn } from './records';
import { LOCAL_ORIGIN } from './origin';
import { clipText, toWellFormed } from './text-diff';
import { mutate } from './write';

/**
 * Co-editing one note's text, the way collaborative editors bind a text field to a CRDT: a local
 * edit goes to the Y.Text as a splice at the position where it happened (never as "here is my
 * whole text", which turns two people's concurrent typing into a garble), and each person's caret
 * is kept as a Yjs relative position, so a peer's insert elsewhere — or at the very same spot —
 * moves it with the text it belongs to instead of dropping it between someone else's letters.
 */

/** One local edit: remove `remove` UTF-16 units at `index`, then insert `insert` there. */
export interface TextSplice {
  index: number;
  remove: number;
  insert: string;
}

/**
 * The splice that turns `prev` into `next`, given where the caret ended up (`caret`, an index into
 * `next`). A text field reports only its new value; the caret says where typing happened, which
 * matters when the answer is ambiguous: typing "a" after the first "a" of "aa" inserts at 1, not
 * at the end. Falls back to the shortest common-prefix/suffix splice when the caret cannot explain
 * the change. Never splits a surrogate pair. Null when nothing changed.
 */
export function spliceBetween(prev: string, next: string, caret: number = next.length): TextSplice | null {
  if (prev === next) return null;
  const lenDelta = next.length - prev.length;
  let end = Number.isInteger(caret) ? Math.max(0, Math.min(next.length, caret)) : next.length;
  // The caret sits at the end of the changed span in `next`; what follows it must be unchanged.
  const tail = next.length - end;
  if (tail > prev.length || next.slice(end) !== prev.slice(prev.length - tail)) {
    const prefix = commonPrefix(prev, next);
    end = next.length - Math.min(commonSuffix(prev, next), Math.min(prev.length, next.length) - prefix);
  }
  const prevEnd = end - lenDelta;
  let start = 0;
  const maxStart = Math.min(end, prevEnd);
  while (start < maxStart && prev.charCodeAt(start) === next.charCodeAt(start)) start++;
  let endNext = end;
  let endPrev = prevEnd;
  if (start > 0 && isHigh(prev.charCodeAt(start - 1))) start--;
  if (endPrev < prev.length && isLow(prev.charCodeAt(endPrev))) {
    endPrev++;
    endNext++;
  }
  return { index: start, remove: endPrev - start, insert: next.slice(start, endNext) };
}

function commonPrefix(a: string, b: string): number {
  let n = 0;
  const max = Math.min(a.length, b.length);
  while (n < max && a.charCodeAt(n) === b.charCodeAt(n)) n++;
  return n;
}

function commonSuffix(a: string, b: string): number {
  let n = 0;
  const max = Math.min(a.length, b.length);
  while (n < max && a.charCodeAt(a.length - 1 - n) === b.charCodeAt(b.length - 1 - n)) n++;
  return n;
}

function isHigh(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLow(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** The Y.Text of a note (live, not deleted or not), for binding an editor; null if there is none. */
export function noteText(doc: Y.Doc, noteId: string): Y.Text | null {
  const text = recordIn(notesMap(doc), noteId)?.get('text');
  return text instanceof Y.Text ? text : null;
}

/**
 * Applies one splice to a note's text as one local transaction. The result never exceeds
 * `maxLength`: an insert is cut to the room left (a peer's concurrent typing can still take the
 * merged text over it; readers clip). Returns false when nothing was written.
 */
export function spliceNoteText(doc: Y.Doc, noteId: string, splice: TextSplice, maxLength: number, touch?: () => void): boolean {
  const text = noteText(doc, noteId);
  if (!text) return false;
  const index = Math.max(0, Math.min(text.length, Math.floor(splice.index)));
  const remove = Math.max(0, Math.min(text.length - index, Math.floor(splice.remove)));
  const room = Math.max(0, maxLength - (text.length - remove));
  const insert = clipText(toWellFormed(splice.insert), room);
  if (remove === 0 && insert === '') return false;
  return mutate(doc, () => {
    if (remove > 0) text.delete(index, remove);
    if (insert) text.insert(index, insert);
    touch?.();
  });
}

/** A caret or selection kept in CRDT terms: it stays with the characters around it. */
export interface TextAnchor {
  start: Y.RelativePosition;
  end: Y.RelativePosition;
}

/**
 * Anchors a selection. Each end sticks to the character on its left (assoc −1), as a caret does
 * after typing: when a peer types at the same spot, my caret stays after my own last letter and
 * theirs after theirs, so the two phrases grow side by side instead of interleaving.
 */
export function anchorSelection(text: Y.Text, start: number, end: number): TextAnchor {
  const clamp = (i: number) => Math.max(0, Math.min(text.length, i));
  return {
    start: Y.createRelativePositionFromTypeIndex(text, clamp(start), -1),
    end: Y.createRelativePositionFromTypeIndex(text, clamp(end), -1),
  };
}

/**
 * A caret to share with others (presence): a relative position as bytes, so a peer can place it
 * between the same two characters even after more typing arrived on either side.
 */
export function encodeCaret(text: Y.Text, index: number): number[] {
  const at = Y.createRelativePositionFromTypeIndex(text, Math.max(0, Math.min(text.length, index)), -1);
  return Array.from(Y.encodeRelativePosition(at));
}

/** Where a shared caret is in this note's text now; null if it is not a position in that text. */
export function resolveCaret(doc: Y.Doc, noteId: string, at: readonly number[]): number | null {
  const text = noteText(doc, noteId);
  if (!text) return null;
  try {
    const pos = Y.createAbsolutePositionFromRelativePosition(Y.decodeRelativePosition(Uint8Array.from(at)), doc);
    return pos && pos.type === text ? Math.min(pos.index, text.length) : null;
  } catch {
    // Bytes from a peer that are not a relative position: no caret, nothing else.
    return null;
  }
}

/** Where an anchored selection is now, as indices into the text; null if its text is gone. */
export function resolveSelection(doc: Y.Doc, anchor: TextAnchor): { start: number; end: number } | null {
  const start = Y.createAbsolutePositionFromRelativePosition(anchor.start, doc);
  const end = Y.createAbsolutePositionFromRelativePosition(anchor.end, doc);
  if (!start || !end) return null;
  return { start: start.index, end: Math.max(start.index, end.index) };
}

/**
 * Undo for one note's text while it is being edited, as in any editor: Ctrl+Z takes back this
 * person's typing in this note — never a peer's words typed in between, and never a board action
 * from before the editor opened (that stays with the board's undo). Destroy it when editing ends.
 */
export function createTextUndo(text: Y.Text, captureTimeout = 500): Y.UndoManager {
  return new Y.UndoManager(text, { trackedOrigins: new Set([LOCAL_ORIGIN]), captureTimeout });
}
