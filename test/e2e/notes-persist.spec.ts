import { chromium, expect, test } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addNote, boxOf, createSession, dragBy, waitUntilSaved } from './support/board';
import { chromiumLaunchOptions } from './support/chromium';

test('notes keep their text and place across reload and a browser restart; the UI speaks Polish', async ({ baseURL }, testInfo) => {
  const profile = mkdtempSync(join(tmpdir(), 'tl-e2e-profile-'));
  const launch = () => chromium.launchPersistentContext(profile, { ...chromiumLaunchOptions(), baseURL, viewport: { width: 1280, height: 800 } });
  try {
    let context = await launch();
    let page = context.pages()[0] ?? (await context.newPage());
    await page.goto('/');
    await expect(page.getByText('No sessions on this device yet', { exact: false })).toBeVisible();
    await createSession(page, 'Warsaw transition lab');
    await expect(page.getByText('This board is empty.')).toBeVisible();

    await addNote(page, 'Retrofit municipal buildings');
    await addNote(page, 'Regional energy agency', 'key');
    await addNote(page, 'One-stop shop for residents');
    await expect(page.getByRole('article')).toHaveCount(3);
    // Three adds in one spot fan out rather than stack exactly.
    const firstBoxes = await Promise.all((await page.getByRole('article').all()).map(boxOf));
    expect(new Set(firstBoxes.map((b) => `${b.x},${b.y}`)).size).toBe(3);

    // Edit one note in place.
    await page.getByRole('article', { name: 'Regional energy agency' }).dblclick();
    const editor = page.getByRole('textbox', { name: 'Note text' });
    await editor.press('End');
    await editor.pressSequentially(' with a national fund');
    await editor.press('Escape');
    const edited = page.getByRole('article', { name: 'Regional energy agency with a national fund' });
    await expect(edited).toBeVisible();

    // Move one note.
    const moved = page.getByRole('article', { name: 'Retrofit municipal buildings' });
    const before = await boxOf(moved);
    await dragBy(page, moved, 260, 140);
    const after = await boxOf(moved);
    expect(after.x - before.x).toBeGreaterThan(250);
    expect(after.y - before.y).toBeGreaterThan(130);

    const names = ['Retrofit municipal buildings', 'Regional energy agency with a national fund', 'One-stop shop for residents'];
    const boxes = async () => Promise.all(names.map((n) => boxOf(page.getByRole('article', { name: n }))));
    const placed = await boxes();
    await waitUntilSaved(page);

    await page.reload();
    await expect(page.getByRole('main', { name: 'Board: Main board' })).toBeVisible();
    await expect(page.getByRole('article')).toHaveCount(3);
    expect(await boxes()).toEqual(placed);

    // Restart the whole browser on the same profile.
    await context.close();
    context = await launch();
    page = context.pages()[0] ?? (await context.newPage());
    await page.goto('/');
    const sessions = page.getByRole('list', { name: 'Sessions' });
    await expect(sessions.getByRole('listitem')).toHaveCount(1);
    await expect(sessions.getByRole('listitem')).toContainText('3 notes');
    await sessions.getByRole('link', { name: 'Warsaw transition lab' }).click();
    await expect(page.getByRole('main', { name: 'Board: Main board' })).toBeVisible();
    await expect(page.getByRole('article')).toHaveCount(3);
    expect(await boxes()).toEqual(placed);

    const shot = testInfo.outputPath('board.png');
    await page.screenshot({ path: shot });
    await testInfo.attach('board', { path: shot, contentType: 'image/png' });

    // Switch the language: the whole UI follows and the choice survives a reload.
    await page.getByRole('combobox', { name: 'Language' }).selectOption('pl');
    await expect(page.getByRole('button', { name: 'Dodaj karteczkę' })).toBeVisible();
    await expect(page.getByRole('main', { name: 'Tablica: Main board' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Tablice' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'pl');
    await page.reload();
    await expect(page.getByRole('combobox', { name: 'Język' })).toHaveValue('pl');
    await page.getByRole('link', { name: /Wszystkie sesje/ }).click();
    await expect(page.getByRole('list', { name: 'Sesje' }).getByRole('listitem')).toContainText('3 karteczki');
    const shotPl = testInfo.outputPath('home-pl.png');
    await page.screenshot({ path: shotPl });
    await testInfo.attach('home-pl', { path: shotPl, contentType: 'image/png' });
    await context.close();
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
});
