import type { Point, Size } from './geometry';

export interface PlacedRect extends Point, Size {
  id: string;
}

/**
 * Notes in the order a person reads the board: row by row, left to right. A note joins the
 * current row when its top lies above the middle of the row's first note, so a row of notes
 * dragged by hand (never exactly aligned) still reads as one row. Ties fall back to the id, so
 * every peer and every render agree.
 */
export function readingOrder<T extends PlacedRect>(rects: readonly T[]): T[] {
  const byTop = [...rects].sort((a, b) => a.y - b.y || a.x - b.x || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const out: T[] = [];
  let row: T[] = [];
  let rowEdge = -Infinity;
  const flush = () => {
    row.sort((a, b) => a.x - b.x || a.y - b.y || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    out.push(...row);
    row = [];
  };
  for (const rect of byTop) {
    if (row.length > 0 && rect.y >= rowEdge) flush();
    if (row.length === 0) rowEdge = rect.y + rect.h / 2;
    row.push(rect);
  }
  flush();
  return out;
}
