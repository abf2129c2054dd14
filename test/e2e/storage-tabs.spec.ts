import { expect, test } from '@playwright/test';
import { addNote, createSession, waitUntilSaved } from './support/board';

test('two tabs of one session in one browser stay consistent', async ({ context, page }) => {
  await page.goto('/');
  await createSession(page, 'Two tabs lab');
  const url = page.url();
  const other = await context.newPage();
  await other.goto(url);
  await expect(other.getByRole('main', { name: 'Board: Main board' })).toBeVisible();

  await addNote(page, 'Typed in the first tab');
  await expect(other.getByRole('article', { name: 'Typed in the first tab' })).toBeVisible({ timeout: 1_000 });
  await addNote(other, 'Typed in the second tab');
  await expect(page.getByRole('article', { name: 'Typed in the second tab' })).toBeVisible({ timeout: 1_000 });

  await waitUntilSaved(page);
  await waitUntilSaved(other);
  const names = async (p: typeof page) => (await p.getByRole('article').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')))).sort();
  await Promise.all([page.reload(), other.reload()]);
  await expect(page.getByRole('article')).toHaveCount(2);
  await expect(other.getByRole('article')).toHaveCount(2);
  expect(await names(page)).toEqual(['Typed in the first tab', 'Typed in the second tab']);
  expect(await names(other)).toEqual(await names(page));
});
