import { describe, expect, it } from 'vitest';
import {
  arrangeInGrid,
  copyNotes,
  decodeNoteClipboard,
  encodeNoteClipboard,
  MAX_PASTED_NOTES,
  noteCopiesAsText,
  noteCopiesFromText,
  readingOrder,
  type Note,
} from '../../../shared/model';

const rect = (id: string, x: number, y: number, w = 200, h = 200) => ({ id, x, y, w, h });

describe('reading order (Tab goes through notes row by row)', () => {
  it('reads rows top to bottom, each left to right, though the notes are not exactly aligned', () => {
    const notes = [rect('c', 480, 10), rect('a', 20, 0), rect('d', 0, 260), rect('b', 250, 40), rect('e', 300, 250)];
    expect(readingOrder(notes).map((n) => n.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('a note below the middle of the row’s first note starts the next row', () => {
    expect(readingOrder([rect('low', 0, 120), rect('high', 300, 0)]).map((n) => n.id)).toEqual(['high', 'low']);
  });

  it('is the same whatever order the notes come in (every peer agrees)', () => {
    const notes = [rect('x', 0, 0), rect('y', 0, 0), rect('z', 10, 0)];
    expect(readingOrder(notes).map((n) => n.id)).toEqual(readingOrder([...notes].reverse()).map((n) => n.id));
  });
});

describe('arrange in a grid', () => {
  it('puts notes on a near-square grid from the selection’s top-left, in reading order, without overlap', () => {
    const notes = [rect('a', 100, 100), rect('b', 900, 130), rect('c', 400, 700, 300, 250), rect('d', 150, 1200), rect('e', 2000, 50)];
    const grid = arrangeInGrid(notes);
    // 5 notes → 3 columns; cells as large as the largest note (300×250) plus the 20 px gap.
    expect(grid.get('a')).toEqual({ x: 100, y: 50 });
    expect(grid.get('b')).toEqual({ x: 420, y: 50 });
    expect(grid.get('e')).toEqual({ x: 740, y: 50 });
    expect(grid.get('c')).toEqual({ x: 100, y: 320 });
    expect(grid.get('d')).toEqual({ x: 420, y: 320 });
    const placed = notes.map((n) => ({ ...n, ...grid.get(n.id)! }));
    for (const p of placed)
      for (const q of placed)
        if (p !== q) expect(p.x + p.w <= q.x || q.x + q.w <= p.x || p.y + p.h <= q.y || q.y + q.h <= p.y).toBe(true);
  });

  it('nothing selected, nothing moved', () => {
    expect(arrangeInGrid([]).size).toBe(0);
  });
});

function note(id: string, text: string, x: number, y: number, extra: Partial<Note> = {}): Note {
  return {
    id,
    boardId: 'b',
    text,
    colour: 'green',
    pos: { x, y },
    size: { w: 200, h: 200 },
    createdAt: 1,
    updatedAt: 1,
    authorId: 'someone',
    authorName: 'Someone',
    deletedAt: null,
    z: 1,
    zoneId: null,
    clusterId: null,
    level: null,
    actor: null,
    private: false,
    ...extra,
  };
}

describe('notes on the clipboard', () => {
  it('round-trips text, colour, size, tags and the layout relative to the group, but not author or ids', () => {
    const copies = copyNotes([note('n2', 'Second', 600, 540, { size: { w: 300, h: 240 }, level: 'regional' }), note('n1', 'First\nline two', 400, 500)]);
    const decoded = decodeNoteClipboard(encodeNoteClipboard(copies));
    expect(decoded).toEqual([
      { text: 'First\nline two', colour: 'green', offset: { x: 0, y: 0 }, size: { w: 200, h: 200 }, level: null, actor: null },
      { text: 'Second', colour: 'green', offset: { x: 200, y: 40 }, size: { w: 300, h: 240 }, level: 'regional', actor: null },
    ]);
    expect(JSON.stringify(decoded)).not.toContain('Someone');
    expect(noteCopiesAsText(copies)).toBe('First line two\nSecond');
  });

  it('refuses what is not ours and cleans what is hostile', () => {
    expect(decodeNoteClipboard('Retrofit schools')).toBeNull();
    expect(decodeNoteClipboard('{"kind":"other","notes":[]}')).toBeNull();
    const hostile = JSON.stringify({
      kind: 'transition-lab/notes',
      notes: [{ text: 'x'.repeat(10_000), colour: 'plaid', offset: { x: 1e12, y: 'a' }, size: { w: -5, h: 1e9 }, level: 'galactic' }, null, 7],
    });
    const [only, ...rest] = decodeNoteClipboard(hostile)!;
    expect(rest).toEqual([]);
    expect(only!.text.length).toBe(2_000);
    expect(only).toMatchObject({ colour: 'yellow', offset: { x: 1_000_000, y: 0 }, size: { w: 200, h: 200 }, level: null });
    const flood = JSON.stringify({ kind: 'transition-lab/notes', notes: Array.from({ length: 5_000 }, () => ({ text: 'a' })) });
    expect(decodeNoteClipboard(flood)).toHaveLength(MAX_PASTED_NOTES);
  });

  it('text from another program becomes one note per line, in rows of five', () => {
    const copies = noteCopiesFromText('Bike lanes\r\n\n  Heat pumps  \nA\nB\nC\nD\n');
    expect(copies.map((c) => c.text)).toEqual(['Bike lanes', 'Heat pumps', 'A', 'B', 'C', 'D']);
    expect(copies[4]!.offset).toEqual({ x: 880, y: 0 });
    expect(copies[5]!.offset).toEqual({ x: 0, y: 220 });
    expect(noteCopiesFromText('  \n ')).toEqual([]);
  });
});
