import { useLayoutEffect, useState, type RefObject } from 'react';
import { largestFittingAll, LINE_HEIGHT, MAX_FONT_PX, MIN_FONT_PX, wholeLines } from './fit-text';

type Mode = 'clamp' | 'scroll';
interface Job {
  el: HTMLElement;
  mode: Mode;
  done: (truncated: boolean) => void;
}

/**
 * Every note that needs fitting in one React commit is fitted together, right after the commit and
 * before paint (a microtask): the search over font sizes runs in lockstep (largestFittingAll), so
 * the browser lays the board out once per round, not once per note and size.
 */
let queue: Job[] = [];

function flush(): void {
  const jobs = queue.filter((j) => j.el.isConnected);
  queue = [];
  if (jobs.length === 0) return;
  // Writes first (clear the last fit, try the largest size), then reads — never interleaved. The
  // box's height does not depend on the text in it, so the first round (does the largest size
  // fit?) is read in the same layout as the box: one forced layout less per fit, and most notes
  // need no other.
  for (const { el } of jobs) {
    const style = el.style;
    style.lineHeight = String(LINE_HEIGHT);
    style.fontSize = `${MAX_FONT_PX}px`;
    style.removeProperty('-webkit-line-clamp');
    style.removeProperty('height');
    style.removeProperty('flex');
    el.classList.remove('clamped');
  }
  const boxes = jobs.map(({ el }) => el.clientHeight);
  const fitsLargest = jobs.map(({ el }, i) => el.scrollHeight <= boxes[i]! + 1);
  let firstRound = true;
  const results = largestFittingAll(jobs.length, (sizes) => {
    if (firstRound && sizes.every((px) => px === MAX_FONT_PX)) {
      // largestFittingAll's first round asks every box about MAX_FONT_PX: answered above.
      firstRound = false;
      return fitsLargest;
    }
    sizes.forEach((px, i) => {
      if (px !== null) jobs[i]!.el.style.fontSize = `${px}px`;
    });
    return sizes.map((px, i) => px !== null && jobs[i]!.el.scrollHeight <= jobs[i]!.el.clientHeight + 1);
  });
  jobs.forEach(({ el, mode }, i) => {
    const best = results[i]!;
    const style = el.style;
    style.fontSize = `${best.px}px`;
    if (best.fits) return;
    // A box of exactly as many lines as fit: the line after the ellipsis must not peek out below
    // it, and the editor's top line is never cut in half.
    const lines = wholeLines(boxes[i]!, MIN_FONT_PX);
    style.flex = 'none';
    style.height = `${lines * MIN_FONT_PX * LINE_HEIGHT}px`;
    if (mode === 'clamp') {
      el.classList.add('clamped');
      style.setProperty('-webkit-line-clamp', String(lines));
    }
  });
  jobs.forEach(({ el, mode, done }, i) => {
    // Typing at the end of a long note: keep the caret's line in view, aligned to whole lines.
    if (mode === 'scroll' && !results[i]!.fits && el instanceof HTMLTextAreaElement && document.activeElement === el && el.selectionEnd === el.value.length) {
      el.scrollTop = el.scrollHeight;
    }
    done(mode === 'clamp' && !results[i]!.fits);
  });
}

/**
 * Fits a note's text to its box (fit-text.ts) by measuring the element itself — the browser's own
 * line breaking and fonts, not an imitation — whenever `key` (text and note size) changes.
 *
 * - `clamp` (the note on the board): when the smallest size does not fit, show whole lines only and
 *   end the last one with an ellipsis; returns true, so the note can offer its full text.
 * - `scroll` (the editor): the field keeps the smallest size and scrolls, and its height is a whole
 *   number of lines, so the line at the top is never cut in half while typing at the end.
 */
export function useFitText(ref: RefObject<HTMLElement | null>, key: string, mode: Mode): boolean {
  const [truncated, setTruncated] = useState(false);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    if (queue.length === 0) queueMicrotask(flush);
    queue.push({ el, mode, done: setTruncated });
  }, [ref, key, mode]);
  return truncated;
}
