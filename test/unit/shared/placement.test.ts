import { describe, expect, it } from 'vitest';
import { DEFAULT_NOTE_SIZE, placeNewNote } from '../../../shared/model';

const size = DEFAULT_NOTE_SIZE;

describe('placeNewNote', () => {
  it('centres the first note on the view centre', () => {
    expect(placeNewNote({ x: 500, y: 400 }, size, [])).toEqual({ x: 400, y: 300 });
  });

  it('puts each following note beside the others, never overlapping', () => {
    const placed: { x: number; y: number; w: number; h: number }[] = [];
    for (let i = 0; i < 12; i++) placed.push({ ...placeNewNote({ x: 500, y: 400 }, size, placed), ...size });
    for (let i = 0; i < placed.length; i++) {
      for (let j = i + 1; j < placed.length; j++) {
        const a = placed[i]!;
        const b = placed[j]!;
        const apart = a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y;
        expect(apart, `${i} and ${j} overlap`).toBe(true);
      }
    }
    expect(placed[1]).toMatchObject({ x: 620, y: 300 });
  });
});

describe('placeNewNote inside a view', () => {
  const view = { x: 0, y: 0, w: 1000, h: 600 };
  const wide = { x: 0, y: 0, w: 1400, h: 900 };
  const apart = (a: { x: number; y: number }, b: { x: number; y: number; w: number; h: number }) =>
    a.x + size.w <= b.x || b.x + b.w <= a.x || a.y + size.h <= b.y || b.y + b.h <= a.y;

  it('prefers a free spot inside the view to a nearer one outside it', () => {
    // The centre sits near the view's bottom edge: the nearest free spot would hang below it.
    const centre = { x: 500, y: 560 };
    const pos = placeNewNote(centre, size, [], view);
    expect(pos.y + size.h).toBeLessThanOrEqual(600);
    expect(pos.y).toBeGreaterThanOrEqual(0);
  });

  it('finds the last gaps of a crowded view before going outside it', () => {
    const occupied: { x: number; y: number; w: number; h: number }[] = [];
    for (let i = 0; i < 40; i++) {
      const pos = placeNewNote({ x: 700, y: 450 }, size, occupied, wide);
      occupied.push({ ...pos, ...size });
    }
    const insideView = occupied.findIndex((r) => !(r.x >= 0 && r.y >= 0 && r.x + r.w <= 1400 && r.y + r.h <= 900));
    // 1400×900 holds 6×4 notes of 200 px with 20 px gaps; starting from the centre, rows of 5 × 3 fit.
    expect(insideView).toBeGreaterThanOrEqual(15);
    for (let i = 0; i < occupied.length; i++) {
      for (let j = i + 1; j < occupied.length; j++) expect(apart(occupied[i]!, occupied[j]!), `${i}/${j}`).toBe(true);
    }
  });

  it('keeps clear of extra places to avoid (the screen’s overlays)', () => {
    const overlay = { x: 380, y: 180, w: 240, h: 240 };
    const pos = placeNewNote({ x: 500, y: 300 }, size, [overlay], view);
    expect(apart(pos, overlay)).toBe(true);
  });

  it('finds the one hole in a packed 5,000-note board', () => {
    const occupied = Array.from({ length: 5000 }, (_, i) => ({ x: (i % 70) * 220, y: Math.floor(i / 70) * 220, ...size }));
    const hole = occupied.splice(35 * 70 + 38, 1)[0]!;
    const pos = placeNewNote({ x: 7000, y: 7000 }, size, occupied);
    expect(pos).toEqual({ x: hole.x, y: hole.y });
  });
});
