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
