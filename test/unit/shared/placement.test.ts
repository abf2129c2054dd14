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
