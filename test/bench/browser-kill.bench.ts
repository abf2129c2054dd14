// Faults: a browser SIGKILLed in the middle of a burst of edits, many times. Each trial opens the
// session in a fresh Chromium on the same profile, adds a burst of notes as fast as the keyboard
// allows and kills the whole browser (SIGKILL to its process group: no unload, no clean IndexedDB
// shutdown) right after the last one shows; then a new Chromium opens the session and counts.
// Lost = notes that were on screen before the kill and are missing after. Target: 0, every trial.
//
// Needs `npm run build` first.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { launchOwnedChromium, type OwnedBrowser } from '../e2e/support/kill';
import { startHost } from './support/host';
import { writeResults } from './support/results';

const TRIALS = Number(process.env.TL_BENCH_TRIALS ?? 10);
const BURST = 8;

async function pageOf(owned: OwnedBrowser, url: string): Promise<Page> {
  const context = owned.browser.contexts()[0] ?? (await owned.browser.newContext());
  const page = context.pages()[0] ?? (await context.newPage());
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(url);
  return page;
}

/** The board's own count of its notes (the toolbar's "N notes"): all of them, mounted or not. */
const noteCount = async (page: Page) => Number((await page.locator('.board-tools .note-count').textContent())?.match(/\d+/)?.[0] ?? NaN);

const host = await startHost();
const profile = mkdtempSync(join(tmpdir(), 'tl-bench-kill-'));
const trials: { onScreen: number; after: number; lost: number }[] = [];
try {
  let owned = await launchOwnedChromium(profile);
  let page = await pageOf(owned, host.url);
  await page.getByRole('button', { name: 'New session' }).click();
  await page.getByRole('textbox', { name: 'Session title' }).fill('Kill trials');
  await page.getByRole('button', { name: 'Create' }).click();
  await page.getByRole('main', { name: 'Board: Main board' }).waitFor();
  for (let t = 0; t < TRIALS; t++) {
    for (let i = 0; i < BURST; i++) {
      await page.getByRole('main', { name: 'Board: Main board' }).getByRole('group', { name: 'Board canvas' }).focus();
      await page.keyboard.press('n');
      await page.keyboard.type(`T${t + 1} burst ${i + 1}`, { delay: 0 });
      await page.keyboard.press('Escape');
    }
    await page.getByRole('article', { name: `T${t + 1} burst ${BURST}`, exact: true }).waitFor();
    const before = await noteCount(page);
    await owned.kill();
    owned = await launchOwnedChromium(profile);
    page = await pageOf(owned, host.url);
    const link = page.getByRole('list', { name: 'Sessions' }).getByRole('link', { name: 'Kill trials' });
    await link.waitFor({ timeout: 30_000 }).catch(async (error: unknown) => {
      // What the person would see instead of their session: kept for whoever reads the failure.
      const shot = join(tmpdir(), `tl-bench-kill-trial-${t + 1}.png`);
      await page.screenshot({ path: shot }).catch(() => undefined);
      console.log(`trial ${t + 1}: the session is not in the list after the kill; the page says:\n${(await page.locator('body').innerText().catch(() => '')).slice(0, 2000)}\n(screenshot: ${shot})`);
      throw error;
    });
    await link.click();
    await page.getByRole('main', { name: 'Board: Main board' }).waitFor();
    // The last note of the burst, the one typed just before the kill, is there by name too.
    await page.getByRole('article', { name: `T${t + 1} burst ${BURST}`, exact: true }).waitFor({ state: 'attached', timeout: 10_000 }).catch(() => undefined);
    const after = await noteCount(page);
    const lost = Math.max(0, before - after);
    trials.push({ onScreen: before, after, lost });
    console.log(`trial ${t + 1}: ${before} notes before the kill, ${after} after, lost ${lost}`);
  }
  await owned.kill();
} finally {
  host.stop();
  rmSync(profile, { recursive: true, force: true });
}
const lost = trials.reduce((n, t) => n + t.lost, 0);
writeResults('browser-kill', { trials: trials.length, burst: BURST, perTrial: trials, notesLost: lost, target: 0 });
console.log(`${trials.length} SIGKILL trials, bursts of ${BURST} notes: ${lost} notes lost (target 0)`);
