// What fitting note text costs in a real Chromium: (1) opening a board of 200 notes, half short and
// half too long to fit (each note measures itself: a binary search over font sizes, then a line
// clamp), and (2) one keystroke in the note editor, from the input event to the frame after it —
// the splice into the Y.Text, the note's re-render and the editor re-fitting its font — in a short
// note and in a long one that has hit the smallest size and scrolls.
//
//   npm run build && npm run bench -- note-text
import { chromium, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../e2e/support/chromium';
import { addManyNotes } from '../e2e/support/peers';
import { summarise, writeResults } from './support/results';
import { startHost } from './support/host';

const COMMAND = 'npm run build && npm run bench -- note-text';
const NOTES = 200;
const RELOADS = 5;
const KEYSTROKES = 60;

/** Milliseconds from navigation start until every note is on the board with its text fitted. */
async function openBoard(page: Page): Promise<number> {
  await page.reload();
  // All notes in the doc (the toolbar counts them) and those near the view mounted: notes far from
  // it are not mounted at all (culling), so they cost nothing to open.
  await page.waitForFunction((n) => document.querySelector('.board-tools')?.textContent?.includes(`${n} notes`) && document.querySelectorAll('.sticky-note').length > 0, NOTES, { timeout: 60_000 });
  // Fitting runs before paint: the next frame shows every mounted note fitted.
  return page.evaluate(() => new Promise<number>((resolve) => requestAnimationFrame(() => resolve(performance.now()))));
}

/** Per keystroke: input event → the next frame has been produced. */
async function typeInto(page: Page, selector: string): Promise<number[]> {
  // By keyboard: with 200 notes some lie outside the view.
  await page.locator(selector).first().focus();
  await page.keyboard.press('Enter');
  await page.waitForSelector('textarea[aria-label="Note text"]');
  const samples = await page.evaluate(async (count) => {
    const el = document.querySelector<HTMLTextAreaElement>('textarea[aria-label="Note text"]')!;
    const setValue = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!;
    const frameDone = () =>
      new Promise<void>((resolve) =>
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => resolve();
          channel.port2.postMessage(0);
        }),
      );
    const out: number[] = [];
    for (let i = 0; i < count; i++) {
      await frameDone();
      const t0 = performance.now();
      setValue.call(el, `${el.value}${'abcdefgh '[i % 9]}`);
      el.setSelectionRange(el.value.length, el.value.length);
      el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText' }));
      await frameDone();
      out.push(performance.now() - t0);
    }
    return out;
  }, KEYSTROKES);
  await page.keyboard.press('Escape');
  return samples;
}

const host = await startHost();
const browser = await chromium.launch(chromiumLaunchOptions());
try {
  const page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
  await page.goto(host.url);
  await page.getByRole('button', { name: 'New session' }).click();
  await page.getByRole('textbox', { name: 'Session title' }).fill('Fit bench');
  await page.getByRole('button', { name: 'Create' }).click();
  await page.getByRole('main', { name: 'Board: Main board' }).waitFor();
  await addManyNotes(page, NOTES / 2, 40);
  await addManyNotes(page, NOTES / 2, 600);
  const clamped = await page.locator('.note-text.clamped').count();

  const open: number[] = [];
  for (let i = 0; i < RELOADS; i++) open.push(await openBoard(page));
  const short = await typeInto(page, '.sticky-note:not(.truncated)');
  // After a reload the view is back at the start, and the long notes (added later, further out)
  // are far from it and not mounted: add one more in view to type into.
  await addManyNotes(page, 1, 600);
  const long = await typeInto(page, '.sticky-note.truncated');

  const results = {
    command: COMMAND,
    notes: NOTES,
    clampedNotes: clamped,
    openBoardMs: summarise(open),
    keystrokeShortNoteMs: summarise(short),
    keystrokeLongNoteMs: summarise(long),
  };
  writeResults('note-text', results);
  console.log(JSON.stringify(results, null, 2));
} finally {
  await browser.close();
  host.stop();
}
