import { describe, expect, it } from 'vitest';
import { cullRect, NoteIndex, seenRect } from '../../../renderer/board/note-index';

const note = (id: string, x: number, y: number) => ({ id, rect: { x, y, w: 200, h: 200 }, colour: 'yellow' as const, level: null, actor: null });

describe('NoteIndex', () => {
  const index = new NoteIndex([note('a', 0, 0), note('b', 1000, 0), note('c', 150, 150), note('d', 5000, 5000)]);

  it('finds the notes touching a rectangle, back to front', () => {
    expect([...index.search({ x: 100, y: 100, w: 100, h: 100 })]).toEqual(['a', 'c']);
    expect(index.within({ x: 900, y: -100, w: 4200, h: 5200 }).map((n) => n.id)).toEqual(['b', 'd']);
    expect(index.search({ x: 3000, y: 3000, w: 10, h: 10 }).size).toBe(0);
  });

  it('picks the front-most note under a point, and knows the board’s bounds', () => {
    expect(index.at({ x: 170, y: 170 })?.id).toBe('c');
    expect(index.at({ x: 600, y: 600 })).toBeNull();
    expect(index.bounds).toEqual({ x: 0, y: 0, w: 5200, h: 5200 });
    expect(new NoteIndex([]).bounds).toBeNull();
  });
});

describe('cullRect', () => {
  it('covers the view with half a screen to spare on every side', () => {
    const r = cullRect({ x: 0, y: 0, zoom: 1 }, { width: 1000, height: 800 });
    expect(r.x).toBeLessThanOrEqual(-500);
    expect(r.y).toBeLessThanOrEqual(-400);
    expect(r.x + r.w).toBeGreaterThanOrEqual(1500);
    expect(r.y + r.h).toBeGreaterThanOrEqual(1200);
  });

  it('stays the same for a small pan, so nothing remounts; moves for a large one', () => {
    const a = cullRect({ x: -10, y: -10, zoom: 1 }, { width: 1000, height: 800 });
    const b = cullRect({ x: -60, y: -40, zoom: 1 }, { width: 1000, height: 800 });
    const far = cullRect({ x: -3000, y: -10, zoom: 1 }, { width: 1000, height: 800 });
    expect(b.key).toBe(a.key);
    expect(far.key).not.toBe(a.key);
    // However the view moved, what is on screen stays inside.
    for (const x of [-10, -499, -501, -2999]) {
      const r = cullRect({ x, y: 0, zoom: 0.5 }, { width: 1000, height: 800 });
      expect(r.x).toBeLessThanOrEqual(-x / 0.5);
      expect(r.x + r.w).toBeGreaterThanOrEqual(-x / 0.5 + 1000 / 0.5);
    }
  });
});

describe('seenRect', () => {
  it('is exactly the view in world px, so a board that just opened mounts only what is on screen', () => {
    const r = seenRect({ x: -200, y: -100, zoom: 0.5 }, { width: 1000, height: 800 });
    expect({ x: r.x, y: r.y, w: r.w, h: r.h }).toEqual({ x: 400, y: 200, w: 2000, h: 1600 });
    const grid = new NoteIndex(
      Array.from({ length: 100 }, (_, i) => ({ id: `n${i}`, rect: { x: (i % 10) * 220, y: Math.floor(i / 10) * 220, w: 200, h: 200 }, colour: 'yellow' as const, level: null, actor: null })),
    );
    const seen = grid.search(seenRect({ x: 0, y: 0, zoom: 1 }, { width: 1000, height: 800 }));
    const margin = grid.search(cullRect({ x: 0, y: 0, zoom: 1 }, { width: 1000, height: 800 }));
    // 5 columns × 4 rows touch a 1000×800 view; the margin holds more, and every one of those.
    expect(seen.size).toBe(20);
    expect(margin.size).toBeGreaterThan(seen.size);
    for (const id of seen) expect(margin.has(id)).toBe(true);
  });
});
