import { expect, test, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addNote, boxOf, createSession, dragBy } from './support/board';
import { launchOwnedChromium } from './support/kill';

// Playwright's trace recorder attaches to every browser the test connects to and cannot finish a
// trace of one that was SIGKILLed; the kill is the point of this test.
test.use({ trace: 'off', screenshot: 'off' });

async function firstPage(browser: Awaited<ReturnType<typeof launchOwnedChromium>>['browser'], baseURL: string): Promise<Page> {
  const context = browser.contexts()[0] ?? (await browser.newContext());
  const page = context.pages()[0] ?? (await context.newPage());
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(baseURL);
  return page;
}

test('every note that was on screen survives a SIGKILL of the browser right after the edits', async ({ baseURL }) => {
  // Two cold Chromium starts on a busy 2-core CI machine take a while.
  test.setTimeout(180_000);
  const profile = mkdtempSync(join(tmpdir(), 'tl-e2e-kill-'));
  try {
    let owned = await launchOwnedChromium(profile);
    let page = await firstPage(owned.browser, baseURL as string);
    await createSession(page, 'Crash-proof lab');
    await addNote(page, 'Green procurement rules');
    await addNote(page, 'Citizen assembly on mobility', 'key');
    await page.getByRole('article', { name: 'Green procurement rules' }).dblclick();
    const editor = page.getByRole('textbox', { name: 'Note text' });
    await editor.press('End');
    await editor.pressSequentially(' for all districts');
    await editor.press('Escape');
    const moved = page.getByRole('article', { name: 'Citizen assembly on mobility' });
    await dragBy(page, moved, 220, 160);
    await addNote(page, 'Last idea before the crash');

    // What is on screen right now — no waiting for "Saved".
    const onScreen = await page.getByRole('article').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? e.textContent ?? ''));
    const movedBox = await boxOf(moved);
    await owned.kill();

    owned = await launchOwnedChromium(profile);
    page = await firstPage(owned.browser, baseURL as string);
    await page.getByRole('list', { name: 'Sessions' }).getByRole('link', { name: 'Crash-proof lab' }).click();
    await expect(page.getByRole('main', { name: 'Board: Main board' })).toBeVisible();
    await expect(page.getByRole('article')).toHaveCount(onScreen.length);
    for (const name of onScreen) await expect(page.getByRole('article', { name, exact: true })).toBeVisible();
    expect(onScreen).toEqual(
      expect.arrayContaining(['Green procurement rules for all districts', 'Citizen assembly on mobility', 'Last idea before the crash']),
    );
    expect(await boxOf(page.getByRole('article', { name: 'Citizen assembly on mobility' }))).toEqual(movedBox);
    await owned.kill();
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
});
