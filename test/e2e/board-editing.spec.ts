import { expect, test } from '@playwright/test';
import { addNote, boxOf, createSession, dragBy, waitUntilSaved } from './support/board';

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await createSession(page, `Board editing ${test.info().title}`);
});

test('delete with the Delete key, then bring the note back with Undo', async ({ page }) => {
  const note = await addNote(page, 'Barrier: fragmented funding');
  await note.focus();
  await page.keyboard.press('Delete');
  await expect(page.getByRole('article')).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'Note deleted' })).toBeVisible();
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(page.getByRole('article', { name: 'Barrier: fragmented funding' })).toBeVisible();
  await page.getByRole('button', { name: 'Redo', exact: true }).click();
  await expect(page.getByRole('article')).toHaveCount(0);
});

test('change a note colour and keep it after reload', async ({ page }) => {
  const note = await addNote(page, 'Opportunity: EU cohesion funds');
  await note.click();
  const green = page.getByRole('radiogroup', { name: 'Note colour' }).getByRole('radio', { name: 'Green' });
  await green.click();
  await expect(green).toHaveAttribute('aria-checked', 'true');
  const colour = await note.evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(colour).not.toBe('rgb(255, 241, 168)');
  await waitUntilSaved(page);
  await page.reload();
  const again = page.getByRole('article', { name: 'Opportunity: EU cohesion funds' });
  await expect(again).toBeVisible();
  expect(await again.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(colour);
});

test('pan by dragging empty space and zoom with keys, buttons and Ctrl+wheel', async ({ page }) => {
  const note = await addNote(page, 'Indicator: tCO2e per capita');
  const start = await boxOf(note);

  const surface = page.locator('.board-surface');
  const area = await boxOf(surface);
  await page.mouse.move(area.x + 60, area.y + area.height - 60);
  await page.mouse.down();
  await page.mouse.move(area.x + 160, area.y + area.height - 10, { steps: 6 });
  await page.mouse.up();
  const panned = await boxOf(note);
  expect(panned.x - start.x).toBe(100);
  expect(panned.y - start.y).toBe(50);

  const reset = page.getByRole('button', { name: 'Reset zoom' });
  await expect(reset).toHaveText('100%');
  await page.keyboard.press('+');
  await expect(reset).toHaveText('125%');
  expect((await boxOf(note)).width).toBe(250);
  await page.getByRole('button', { name: 'Zoom out' }).click();
  await expect(reset).toHaveText('100%');
  await page.mouse.move(area.x + area.width / 2, area.y + area.height / 2);
  await page.keyboard.down('Control');
  await page.mouse.wheel(0, 300);
  await page.keyboard.up('Control');
  await expect(reset).not.toHaveText('100%');
  expect((await boxOf(note)).width).toBeLessThan(200);
  await reset.click();
  await expect(reset).toHaveText('100%');
  await expect(note).toHaveJSProperty('offsetWidth', 200);
});

test('zoomed in, a dragged note and a resize corner follow the pointer exactly, and the note is where it was dropped at 100 %', async ({ page }) => {
  const note = await addNote(page, 'Measure: district heating');
  const reset = page.getByRole('button', { name: 'Reset zoom' });
  await page.keyboard.press('+');
  await expect(reset).toHaveText('125%');
  const start = await boxOf(note);
  expect(start.width).toBe(250);
  // Screen pixels become board pixels through the zoom at the moment of the move.
  await dragBy(page, note, 100, 50);
  await expect.poll(async () => (await boxOf(note)).x).toBe(start.x + 100);
  expect((await boxOf(note)).y).toBe(start.y + 50);

  await note.click();
  const corner = await boxOf(note.getByRole('button', { name: 'Resize note', exact: true }));
  await page.mouse.move(corner.x + corner.width / 2, corner.y + corner.height / 2);
  await page.mouse.down();
  await page.mouse.move(corner.x + corner.width / 2 + 50, corner.y + corner.height / 2 + 25, { steps: 5 });
  await page.mouse.up();
  await expect.poll(async () => (await boxOf(note)).width).toBe(300);
  expect((await boxOf(note)).height).toBe(275);

  await reset.click();
  await expect(reset).toHaveText('100%');
  await expect(note).toHaveJSProperty('offsetWidth', 240);
  await expect(note).toHaveJSProperty('offsetHeight', 220);
});

test('the app loads nothing from outside the host, and its strict CSP (no inline styles) refuses nothing it does', async ({ page, baseURL }) => {
  const foreign: string[] = [];
  const refused: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) refused.push(m.text());
  });
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (!['data:', 'blob:'].includes(url.protocol) && url.origin !== baseURL) foreign.push(r.url());
  });
  await page.reload();
  await addNote(page, 'Nothing leaves the room');
  expect(foreign).toEqual([]);
  const policy = (await page.request.get('/')).headers()['content-security-policy'];
  expect(policy).toContain("style-src 'self';");
  expect(policy).toContain("connect-src 'self';");
  await page.getByRole('button', { name: 'Invite participants', exact: true }).click();
  await expect(page.getByRole('img', { name: 'QR code for the join link', exact: true })).toBeVisible();
  await page.keyboard.press('Escape');
  expect(refused).toEqual([]);
});
