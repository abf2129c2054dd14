import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addNote, createSessionContent, DEFAULT_NOTE_SIZE, getNote, unstackNote, unstackSpot } from '../../../shared/model';

function sync(a: Y.Doc, b: Y.Doc) {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

function twoPeers() {
  const a = new Y.Doc();
  const { boardId } = createSessionContent(a, { title: 'Lab', firstBoardTitle: 'Main', now: 1, facilitatorId: 'fa' });
  const b = new Y.Doc();
  sync(a, b);
  return { a, b, boardId };
}

const covers = (p: { x: number; y: number }, q: { x: number; y: number }) =>
  Math.abs(p.x - q.x) < DEFAULT_NOTE_SIZE.w && Math.abs(p.y - q.y) < DEFAULT_NOTE_SIZE.h;

describe('unstacking notes two people added on the same spot', () => {
  it('moves exactly the later note, the same on both peers, to a spot clear of the other', () => {
    const { a, b, boardId } = twoPeers();
    const pos = { x: 100, y: 100 };
    const first = addNote(a, { boardId, pos, now: 1_000, authorId: 'fa', authorName: 'Fran' });
    const later = addNote(b, { boardId, pos, now: 1_005, authorId: 'pb', authorName: 'Pat' });
    sync(a, b);
    // Each device only looks at its own new note: the earlier one stays, the later one moves.
    expect(unstackNote(a, first, 2_000)).toBe(false);
    expect(unstackNote(b, later, 2_000)).toBe(true);
    sync(a, b);
    for (const doc of [a, b]) {
      expect(getNote(doc, first)!.pos).toMatchObject(pos);
      expect(covers(getNote(doc, later)!.pos, pos)).toBe(false);
    }
  });

  it('breaks a tie of the same time by id, so both agree who moves', () => {
    const { a, b, boardId } = twoPeers();
    const one = addNote(a, { boardId, pos: { x: 0, y: 0 }, now: 5, authorId: 'fa', authorName: 'F' });
    const two = addNote(b, { boardId, pos: { x: 0, y: 0 }, now: 5, authorId: 'pb', authorName: 'P' });
    sync(a, b);
    const movers = [unstackSpot(a, one), unstackSpot(b, two)].filter(Boolean);
    expect(movers).toHaveLength(1);
  });

  it('leaves a note alone that only touches another at the edge', () => {
    const { a, boardId } = twoPeers();
    addNote(a, { boardId, pos: { x: 0, y: 0 }, now: 1, authorId: 'fa', authorName: 'F' });
    const near = addNote(a, { boardId, pos: { x: 180, y: 0 }, now: 2, authorId: 'fa', authorName: 'F' });
    expect(unstackSpot(a, near)).toBeNull();
  });
});
