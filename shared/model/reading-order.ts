import type { Point, Size } from './geometry';

export interface PlacedRect extends Point, Size {
  id: string;
}

const byId = (a: PlacedRect, b: PlacedRect) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const byTop = (a: PlacedRect, b: PlacedRect) => a.y - b.y || a.x - b.x || byId(a, b);
const alongRow = (a: PlacedRect, b: PlacedRect) => a.x - b.x || a.y - b.y || byId(a, b);

/**
 * Notes in the order a person reads the board: row by row, left to right. A note joins the
 * current row when its top lies above the middle of the row's first note, so a row of notes
 * dragged by hand (never exactly aligned) still reads as one row. Ties fall back to the id, so
 * every peer and every render agree.
 */
export function readingOrder<T extends PlacedRect>(rects: readonly T[]): T[] {
  const sorted = [...rects].sort(byTop);
  const out: T[] = [];
  let row: T[] = [];
  let rowEdge = -Infinity;
  const flush = () => {
    row.sort(alongRow);
    out.push(...row);
    row = [];
  };
  for (const rect of sorted) {
    if (row.length > 0 && rect.y >= rowEdge) flush();
    if (row.length === 0) rowEdge = rect.y + rect.h / 2;
    row.push(rect);
  }
  flush();
  return out;
}

/**
 * `readingOrder(rects)[0]` in one pass and no sort: the board's Tab stop asks for it after every
 * change to a 5,000-note board. The first row is the top note and every note whose top lies above
 * its middle; the first note is the leftmost of that row.
 */
export function firstInReadingOrder<T extends PlacedRect>(rects: readonly T[]): T | undefined {
  let top: T | undefined;
  for (const rect of rects) if (!top || byTop(rect, top) < 0) top = rect;
  if (!top) return undefined;
  const edge = top.y + top.h / 2;
  let first = top;
  for (const rect of rects) if (rect.y < edge && alongRow(rect, first) < 0) first = rect;
  return first;
}
