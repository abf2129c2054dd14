import type { Point, Size } from './geometry';

/** Space kept between a new note and its neighbours. */
export const NOTE_GAP = 20;

interface Rect extends Point, Size {}

function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.w + NOTE_GAP && b.x < a.x + a.w + NOTE_GAP && a.y < b.y + b.h + NOTE_GAP && b.y < a.y + a.h + NOTE_GAP;
}

/**
 * Where a new note goes: centred on `centre` if that spot is free, otherwise the nearest free
 * slot on a grid of note-sized cells around it (ring by ring), so pressing "Add" three times shows
 * three readable notes side by side rather than a pile.
 */
export function placeNewNote(centre: Point, size: Size, occupied: readonly Rect[]): Point {
  const origin = { x: Math.round(centre.x - size.w / 2), y: Math.round(centre.y - size.h / 2) };
  const stepX = size.w + NOTE_GAP;
  const stepY = size.h + NOTE_GAP;
  for (let ring = 0; ring <= 12; ring++) {
    const cells: Point[] = [];
    for (let dy = -ring; dy <= ring; dy++) {
      for (let dx = -ring; dx <= ring; dx++) {
        if (Math.max(Math.abs(dx), Math.abs(dy)) === ring) cells.push({ x: dx, y: dy });
      }
    }
    // Nearest first; ties prefer right of centre, then below, so notes read left-to-right.
    cells.sort((a, b) => Math.hypot(a.x, a.y) - Math.hypot(b.x, b.y) || Math.abs(a.y) - Math.abs(b.y) || b.x - a.x || b.y - a.y);
    for (const cell of cells) {
      const candidate = { x: origin.x + cell.x * stepX, y: origin.y + cell.y * stepY, ...size };
      if (!occupied.some((o) => overlaps(candidate, o))) return { x: candidate.x, y: candidate.y };
    }
  }
  return origin;
}
