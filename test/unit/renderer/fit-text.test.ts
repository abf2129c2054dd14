import { describe, expect, it } from 'vitest';
import { largestFitting, largestFittingAll, LINE_HEIGHT, MAX_FONT_PX, MIN_FONT_PX, wholeLines } from '../../../renderer/board/fit-text';
import { choosePopoverSide } from '../../../renderer/board/popover-side';

describe('largestFitting', () => {
  it.each([20, 19, 16, 13, 12])('finds %i px when that is the largest size that fits', (limit) => {
    const asked: number[] = [];
    const result = largestFitting((px) => {
      asked.push(px);
      return px <= limit;
    });
    expect(result).toEqual({ px: limit, fits: true });
    // A binary search, not a walk over every size: each one is a forced layout in the browser.
    expect(asked.length).toBeLessThanOrEqual(5);
  });

  it('reports the smallest size and "does not fit" when even that overflows', () => {
    expect(largestFitting(() => false)).toEqual({ px: MIN_FONT_PX, fits: false });
  });

  it('tries the largest size first, so a short note costs one measurement', () => {
    const asked: number[] = [];
    largestFitting((px) => (asked.push(px), true));
    expect(asked).toEqual([MAX_FONT_PX]);
  });
});

describe('wholeLines', () => {
  it('counts only whole lines, never a half-cut one', () => {
    const line = 12 * LINE_HEIGHT;
    expect(wholeLines(line * 7, 12)).toBe(7);
    expect(wholeLines(line * 7 - 0.5, 12)).toBe(6);
    expect(wholeLines(line * 7 + line * 0.9, 12)).toBe(7);
  });

  it('keeps at least one line in a box too small for one, and survives nonsense input', () => {
    expect(wholeLines(3, 12)).toBe(1);
    expect(wholeLines(Number.NaN, 12)).toBe(1);
    expect(wholeLines(100, 0)).toBe(1);
  });
});

describe('choosePopoverSide', () => {
  const board = { left: 0, top: 0, right: 1000, bottom: 800 };
  const popover = { w: 300, h: 250 };
  const note = (left: number, top: number) => ({ left, top, right: left + 200, bottom: top + 200 });

  it('opens below the note when there is room', () => {
    expect(choosePopoverSide(note(100, 100), popover, board)).toBe('below');
  });
  it('opens to the right of a note near the bottom edge, and to the left near the bottom-right corner', () => {
    expect(choosePopoverSide(note(100, 500), popover, board)).toBe('right');
    expect(choosePopoverSide(note(750, 500), popover, board)).toBe('left');
  });
  it('opens above only when neither below nor a side has room', () => {
    expect(choosePopoverSide(note(50, 560), { w: 800, h: 250 }, board)).toBe('above');
  });
  it('takes the roomiest side when nothing fits', () => {
    expect(choosePopoverSide(note(400, 100), { w: 900, h: 900 }, board)).toBe('below');
    expect(choosePopoverSide(note(20, 560), { w: 900, h: 900 }, board)).toBe('right');
  });
});

describe('largestFittingAll', () => {
  it('finds, for every box, the same size as fitting it alone, in a handful of rounds for 200 boxes', () => {
    const limits = Array.from({ length: 200 }, (_, i) => (i % 3 === 0 ? 99 : 8 + (i % 14)));
    let rounds = 0;
    const results = largestFittingAll(limits.length, (sizes) => {
      rounds++;
      return sizes.map((px, i) => px !== null && px <= limits[i]!);
    });
    results.forEach((r, i) => expect(r).toEqual(largestFitting((px) => px <= limits[i]!)));
    expect(rounds).toBeLessThanOrEqual(5);
  });

  it('asks nothing more once every box fits at the largest size', () => {
    let rounds = 0;
    largestFittingAll(3, (sizes) => (rounds++, sizes.map(() => true)));
    expect(rounds).toBe(1);
  });
});
