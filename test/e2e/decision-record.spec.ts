import { expect, test } from '@playwright/test';
import { addNote, createSession } from './support/board';
import { expectNoAxeViolations, screenshots } from './support/look';
import { en } from '../../shared/i18n/en';

// The decision record: what the facilitator decides is appended to a hash-chained log the person
// can read in the session; a session whose record lost entries says so when it opens; an archive
// whose record was edited is refused by Import.

test('decisions are recorded in order and shown with the head; a cut-short record is flagged on opening', async ({ page }) => {
  await page.goto('/');
  await createSession(page, 'Laboratorium Gdańsk');
  await addNote(page, 'Zielone dachy');
  await page.getByRole('button', { name: 'Lock board', exact: true }).click();
  await page.getByRole('button', { name: 'Unlock board', exact: true }).click();
  await page.getByRole('button', { name: 'Start voting', exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Start voting', exact: true }).click();
  await page.getByRole('article', { name: 'Zielone dachy', exact: true }).getByRole('button', { name: 'Vote', exact: true }).click();
  await page.getByRole('button', { name: 'End voting', exact: true }).click();

  await page.getByRole('button', { name: 'Decision record', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Decision record', exact: true });
  const entries = dialog.getByRole('list').first().locator(':scope > li');
  await expect(entries).toHaveCount(4);
  await expect(entries.nth(0)).toContainText('locked the board “Main board”');
  await expect(entries.nth(1)).toContainText('unlocked the board “Main board”');
  await expect(entries.nth(2)).toContainText('started voting');
  await expect(entries.nth(3)).toContainText('ended voting');
  await expect(entries.nth(3)).toContainText('1 vote from 1 person');
  await expect(entries.nth(3).getByRole('listitem')).toHaveText('1. Zielone dachy — 1 vote');
  await expect(dialog).toContainText('The record checks out: 4 entries, each chained to the one before.');
  const head = (await dialog.getByText(/^Record head \(SHA-256\): [0-9a-f]{64}$/).textContent())!.slice(-64);
  await expectNoAxeViolations(page, 'decision record dialog');
  await screenshots(page, 'decision-record');
  await dialog.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(page.getByRole('alert')).toHaveCount(0);

  // This device remembers the head it saw. If the stored record later lacks it — entries removed
  // behind the app's back — opening the session says so.
  const remembered = await page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith('transition-lab.decisionHeads.'))
      .map((k) => [k, localStorage.getItem(k)!] as const),
  );
  expect(remembered.map(([, v]) => JSON.parse(v))).toEqual([[head]]);
  await page.evaluate((key) => localStorage.setItem(key, JSON.stringify(['ab'.repeat(32)])), remembered[0]![0]);
  await page.reload();
  await expect(page.getByRole('alert').filter({ hasText: en.decisions.truncated })).toBeVisible();
  await screenshots(page, 'decision-record-truncated');
});

test('Import refuses an archive whose decision record was edited, and takes a genuine one', async ({ page }) => {
  await page.goto('/');
  const importFile = async (path: string) => {
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await (await chooser).setFiles(path);
  };
  await importFile('test/fixtures/record/record-altered.tlab');
  await expect(page.getByRole('alert')).toHaveText(en.outcomes.problems.recordAltered);
  await importFile('test/fixtures/record/record-truncated.tlab');
  await expect(page.getByRole('alert')).toHaveText(en.outcomes.problems.recordTruncated);
  await expect(page.getByRole('list', { name: 'Sessions', exact: true }).getByRole('link', { name: 'Fixture', exact: true })).toHaveCount(0);
  await importFile('test/fixtures/record/record-genuine.tlab');
  await expect(page.getByRole('list', { name: 'Sessions', exact: true }).getByRole('link', { name: 'Fixture', exact: true })).toBeVisible();
  await page.getByRole('link', { name: 'Fixture', exact: true }).click();
  await page.getByRole('button', { name: 'Decision record', exact: true }).click();
  await expect(page.getByRole('dialog', { name: 'Decision record', exact: true })).toContainText('The record checks out: 3 entries');
  await expect(page.getByRole('alert')).toHaveCount(0);
});
