/**
 * How a note's text fits its note, as on Miro's stickies: the largest font size that shows all of
 * it, and once even the smallest readable size cannot, as many whole lines as fit and an ellipsis.
 * Pure numbers here; use-fit-text.ts measures the real element.
 */

/** Font sizes in CSS px at zoom 100%. Below the minimum text is no longer readable on a projector. */
export const MAX_FONT_PX = 20;
export const MIN_FONT_PX = 12;
export const LINE_HEIGHT = 1.3;

/**
 * The largest whole-pixel size in [min, max] for which `fits` is true, asking `fits` about
 * log2(max − min) sizes; `min` when nothing fits (the caller then clamps lines). `fits` must be
 * monotonic: what fits at one size fits at every smaller one.
 */
export function largestFitting(fits: (px: number) => boolean, min = MIN_FONT_PX, max = MAX_FONT_PX): { px: number; fits: boolean } {
  if (fits(max)) return { px: max, fits: true };
  let lo = min;
  let hi = max - 1;
  let best: number | null = null;
  while (lo <= hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (fits(mid)) {
      best = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best === null ? { px: min, fits: false } : { px: best, fits: true };
}

/** How many whole lines of `px`-sized text fit in `height` px: never a half-cut line. At least one. */
export function wholeLines(height: number, px: number, lineHeight = LINE_HEIGHT): number {
  const line = px * lineHeight;
  if (!(line > 0) || !(height > 0)) return 1;
  // A hair of tolerance: layout heights are fractional, and 3 lines of 15.6 px are 46.800000000000004.
  return Math.max(1, Math.floor((height + 0.01) / line));
}

/**
 * `largestFitting` for many boxes at once, in lockstep: each round proposes one size per box that
 * is still searching (null for the others) and `fitsAll` answers for all of them together. In the
 * browser a round is "write every font size, then read every box": one forced layout per round for
 * the whole board instead of one per box and size — 200 notes opening cost ~5 layouts, not ~1,000.
 */
export function largestFittingAll(
  count: number,
  fitsAll: (sizes: readonly (number | null)[]) => readonly boolean[],
  min = MIN_FONT_PX,
  max = MAX_FONT_PX,
): { px: number; fits: boolean }[] {
  const lo: number[] = Array.from({ length: count }, () => min);
  const hi: number[] = Array.from({ length: count }, () => max - 1);
  const best: (number | null)[] = Array.from({ length: count }, () => null);
  const done: boolean[] = Array.from({ length: count }, () => false);
  // Round one: the largest size, which most short notes take.
  const first = fitsAll(Array.from({ length: count }, () => max));
  for (let i = 0; i < count; i++) {
    if (first[i]) {
      best[i] = max;
      done[i] = true;
    }
  }
  for (;;) {
    const sizes = lo.map((l, i) => (done[i] || l > hi[i]! ? null : Math.floor((l + hi[i]!) / 2)));
    if (sizes.every((s) => s === null)) break;
    const fits = fitsAll(sizes);
    sizes.forEach((px, i) => {
      if (px === null) return;
      if (fits[i]) {
        best[i] = px;
        lo[i] = px + 1;
      } else hi[i] = px - 1;
    });
  }
  return best.map((px) => (px === null ? { px: min, fits: false } : { px, fits: true }));
}
