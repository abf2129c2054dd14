import { useLayoutEffect, useState, type RefObject } from 'react';
import { largestFitting, LINE_HEIGHT, MIN_FONT_PX, wholeLines } from './fit-text';

/**
 * Fits a note's text to its box (fit-text.ts) by measuring the element itself — the browser's own
 * line breaking, fonts and hyphenation, not an imitation. Runs before paint whenever `key` (text
 * and note size) changes, so a note never flashes at the wrong size.
 *
 * - `clamp` (the note on the board): when the smallest size does not fit, show whole lines only and
 *   end the last one with an ellipsis; returns true, so the note can offer its full text.
 * - `scroll` (the editor): the field keeps the smallest size and scrolls, and its height is a whole
 *   number of lines, so the line at the top is never cut in half while typing at the end.
 */
export function useFitText(ref: RefObject<HTMLElement | null>, key: string, mode: 'clamp' | 'scroll'): boolean {
  const [truncated, setTruncated] = useState(false);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const style = el.style;
    style.lineHeight = String(LINE_HEIGHT);
    style.removeProperty('-webkit-line-clamp');
    style.removeProperty('height');
    style.removeProperty('flex');
    el.classList.remove('clamped');
    const fits = (px: number) => {
      style.fontSize = `${px}px`;
      return el.scrollHeight <= el.clientHeight + 1;
    };
    const best = largestFitting(fits);
    style.fontSize = `${best.px}px`;
    if (!best.fits) {
      const lines = wholeLines(el.clientHeight, MIN_FONT_PX);
      // A box of exactly that many lines: the line after the ellipsis must not peek out below it.
      style.flex = 'none';
      style.height = `${lines * MIN_FONT_PX * LINE_HEIGHT}px`;
      if (mode === 'clamp') {
        el.classList.add('clamped');
        style.setProperty('-webkit-line-clamp', String(lines));
      } else {
        // Typing at the end: keep the caret's line in view, aligned to whole lines.
        if (el instanceof HTMLTextAreaElement && document.activeElement === el && el.selectionEnd === el.value.length) el.scrollTop = el.scrollHeight;
      }
    }
    setTruncated(mode === 'clamp' && !best.fits);
  }, [ref, key, mode]);
  return truncated;
}
