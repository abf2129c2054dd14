import { describe, expect, it } from 'vitest';
import { isValidId, randomId } from '../../../shared/model/ids';

describe('randomId', () => {
  it('gives valid ids of the requested strength, all different', () => {
    const ids = Array.from({ length: 20_000 }, () => randomId(64));
    expect(ids.every((id) => id.length === 13 && isValidId(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(randomId()).toHaveLength(25);
  });

  it('uses every character about equally often (blocks of random bytes, rejection sampling)', () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 4_000; i++) for (const c of randomId(128)) counts.set(c, (counts.get(c) ?? 0) + 1);
    expect(counts.size).toBe(36);
    const expected = (4_000 * 25) / 36;
    const chiSquare = [...counts.values()].reduce((sum, n) => sum + (n - expected) ** 2 / expected, 0);
    // 35 degrees of freedom: 80 is far beyond p = 0.0001 for a uniform source.
    expect(chiSquare).toBeLessThan(80);
  });
});
