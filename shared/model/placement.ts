import type { Point, Size } from './geometry';
import type { Rect } from './zones';

/** Space kept between a new note and its neighbours. */
export const NOTE_GAP = 20;

/** How far the search goes from the centre, in half-note steps. */
const MAX_RINGS = 30;
/** Side of a bucket of the spatial index used to test candidates against nearby notes (world px). */
const BUCKET = 256;

function overlaps(a: Rect, b: Rect, gap = NOTE_GAP): boolean {
  return a.x < b.x + b.w + gap && b.x < a.x + a.w + gap && a.y < b.y + b.h + gap && b.y < a.y + a.h + gap;
}

function inside(a: Rect, view: Rect): boolean {
  return a.x >= view.x && a.y >= view.y && a.x + a.w <= view.x + view.w && a.y + a.h <= view.y + view.h;
}

/** Notes by bucket, so each candidate is tested against the few notes around it, not the board. */
function bucketIndex(rects: readonly Rect[]): (r: Rect) => boolean {
  const buckets = new Map<string, Rect[]>();
  const span = (from: number, to: number) => [Math.floor((from - NOTE_GAP) / BUCKET), Math.floor((to + NOTE_GAP) / BUCKET)] as const;
  for (const r of rects) {
    const [x0, x1] = span(r.x, r.x + r.w);
    const [y0, y1] = span(r.y, r.y + r.h);
    for (let bx = x0; bx <= x1; bx++) {
      for (let by = y0; by <= y1; by++) {
        const key = `${bx},${by}`;
        const list = buckets.get(key);
        if (list) list.push(r);
        else buckets.set(key, [r]);
      }
    }
  }
  return (c) => {
    const [x0, x1] = span(c.x, c.x + c.w);
    const [y0, y1] = span(c.y, c.y + c.h);
    for (let bx = x0; bx <= x1; bx++) {
      for (let by = y0; by <= y1; by++) {
        if (buckets.get(`${bx},${by}`)?.some((o) => overlaps(c, o))) return true;
      }
    }
    return false;
  };
}

/**
 * Where a new note goes: centred on `centre` if that spot is free, otherwise the nearest free spot
 * around it. Candidates are a half-note grid around the centre plus the spots right beside each
 * nearby note (so a new note lines up with its neighbours and fits the one hole in a packed row).
 * With `view` (the part of the board on screen, world px), a spot inside it wins over a nearer one
 * outside, so the note a person is about to type into is one they can see; only when the view has
 * no room left does the note go outside it (the caller then brings it into view).
 */
export function placeNewNote(centre: Point, size: Size, occupied: readonly Rect[], view?: Rect): Point {
  const origin = { x: Math.round(centre.x - size.w / 2), y: Math.round(centre.y - size.h / 2) };
  const stepX = Math.round((size.w + NOTE_GAP) / 2);
  const stepY = Math.round((size.h + NOTE_GAP) / 2);
  // Only notes the search can reach matter; a 5,000-note board is mostly far away.
  const reach: Rect = {
    x: origin.x - MAX_RINGS * stepX - size.w - NOTE_GAP,
    y: origin.y - MAX_RINGS * stepY - size.h - NOTE_GAP,
    w: 2 * MAX_RINGS * stepX + 3 * size.w + 2 * NOTE_GAP,
    h: 2 * MAX_RINGS * stepY + 3 * size.h + 2 * NOTE_GAP,
  };
  const near = occupied.filter((o) => overlaps(o, reach, 0));
  const blocked = bucketIndex(near);

  const candidates: Point[] = [];
  for (let dy = -MAX_RINGS; dy <= MAX_RINGS; dy++) {
    for (let dx = -MAX_RINGS; dx <= MAX_RINGS; dx++) candidates.push({ x: origin.x + dx * stepX, y: origin.y + dy * stepY });
  }
  for (const o of near) {
    candidates.push(
      { x: o.x + o.w + NOTE_GAP, y: o.y },
      { x: o.x - NOTE_GAP - size.w, y: o.y },
      { x: o.x, y: o.y + o.h + NOTE_GAP },
      { x: o.x, y: o.y - NOTE_GAP - size.h },
    );
  }
  const distance = (p: Point) => Math.hypot((p.x - origin.x) / stepX, (p.y - origin.y) / stepY);
  // Nearest first; ties prefer the same row, then right of centre, then below, so notes read left-to-right.
  const ranked = candidates
    .map((p) => ({ p, d: distance(p) }))
    .filter(({ d }) => d <= MAX_RINGS + 1)
    .sort((a, b) => a.d - b.d || Math.abs(a.p.y - origin.y) - Math.abs(b.p.y - origin.y) || b.p.x - a.p.x || b.p.y - a.p.y);

  let outside: Point | null = null;
  for (const { p } of ranked) {
    const candidate = { ...p, ...size };
    if (blocked(candidate)) continue;
    if (!view || inside(candidate, view)) return p;
    outside ??= p;
  }
  return outside ?? origin;
}
