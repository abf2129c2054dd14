import { describe, expect, it } from 'vitest';
import { firstInReadingOrder, readingOrder, type PlacedRect } from '../../../shared/model';
import { Rng } from '../model/sim/prng';

describe('firstInReadingOrder', () => {
  it('is the first of readingOrder for random boards, hand-placed rows and ties included', () => {
    const rng = new Rng(4242);
    for (let round = 0; round < 300; round++) {
      const n = rng.int(0, 40);
      const rects: PlacedRect[] = Array.from({ length: n }, () => ({
        id: rng.id().slice(0, rng.int(1, 3)),
        // A coarse grid makes equal tops, lefts and ids common.
        x: rng.int(0, 8) * 50 + (rng.bool(0.3) ? rng.int(-30, 30) : 0),
        y: rng.int(0, 8) * 50 + (rng.bool(0.3) ? rng.int(-30, 30) : 0),
        w: rng.int(40, 300),
        h: rng.pick([40, 100, 200, 300])!,
      }));
      expect(firstInReadingOrder(rects)).toBe(readingOrder(rects)[0]);
    }
  });
});
