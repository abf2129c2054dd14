import type { Point } from './geometry';
import { NOTE_GAP } from './placement';
import { readingOrder, type PlacedRect } from './reading-order';

/**
 * "Arrange in a grid" for a selection: the notes keep their reading order, the grid starts at
 * the selection's top-left corner, has about as many columns as rows (wider than tall when it
 * cannot be square, as a screen is), and every cell is as large as the largest note plus the gap
 * new notes keep, so nothing overlaps whatever sizes the notes have.
 */
export function arrangeInGrid(rects: readonly PlacedRect[]): Map<string, Point> {
  const out = new Map<string, Point>();
  if (rects.length === 0) return out;
  const ordered = readingOrder(rects);
  const columns = Math.ceil(Math.sqrt(ordered.length));
  const cellW = Math.max(...ordered.map((r) => r.w)) + NOTE_GAP;
  const cellH = Math.max(...ordered.map((r) => r.h)) + NOTE_GAP;
  const left = Math.min(...ordered.map((r) => r.x));
  const top = Math.min(...ordered.map((r) => r.y));
  ordered.forEach((rect, i) => {
    out.set(rect.id, { x: left + (i % columns) * cellW, y: top + Math.floor(i / columns) * cellH });
  });
  return out;
}
