import { expect, test } from '@playwright/test';
import { mkdirSync, readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { labArchives } from '../fixtures/coordinator/lab-archives';
import { expectNoAxeViolations, screenshots } from './support/look';
import { createSession } from './support/board';
import { en } from '../../shared/i18n/en';

// A coordinator gathers archives from three labs (five files, two of them copies of one session),
// compares them in combined tables, exports one and reads it back, and spots an altered record.

test('five archives from three labs: listed once each, filtered by country, combined, exported; an altered record is flagged', async ({ page }) => {
  test.setTimeout(90_000);
  const dir = test.info().outputPath('archives');
  mkdirSync(dir, { recursive: true });
  const archives = labArchives(dir);

  await page.goto('/');
  await page.getByRole('button', { name: 'Coordinator view', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Coordinator view', exact: true })).toBeVisible();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import archives', exact: true }).click();
  await (await chooser).setFiles(archives.map((a) => `${dir}/${a.file}`));
  await expect(page.getByRole('status').filter({ hasText: '5 archives read. 4 sessions in the collection.' })).toBeVisible();

  const sessions = page.getByRole('table', { name: 'Sessions', exact: true });
  await expect(sessions.getByRole('row')).toHaveCount(5); // header + 4 sessions: the copy merged into its session
  await expect(sessions.getByRole('rowheader', { name: 'Liberec — barriers and portfolio', exact: true })).toHaveCount(1);
  const combined = page.getByRole('table', { name: 'Combined notes', exact: true });
  await expect(combined).toBeVisible();
  // Every note of the four sessions, the copy's extra note once.
  await expect(page.getByText('Showing 69 of 69 rows', { exact: true })).toBeVisible();
  await expect(combined.getByRole('row')).toHaveCount(70);
  const allRows = 69;
  await expectNoAxeViolations(page, 'coordinator view');
  await screenshots(page, 'coordinator');

  // Sorting: by notes, most first.
  await sessions.getByRole('button', { name: 'Notes', exact: true }).click();
  await expect(sessions.getByRole('columnheader', { name: 'Notes' })).toHaveAttribute('aria-sort', 'descending');

  // Filter by country: only the Polish lab's two sessions count.
  await page.getByRole('combobox', { name: 'Country', exact: true }).selectOption({ label: 'Poland' });
  await expect(sessions.getByRole('row')).toHaveCount(3);
  await expect(page.getByText('Across 2 selected sessions')).toBeVisible();
  const shown = page.getByText(/^Showing \d+ of \d+ rows$/);
  const plRows = Number((await shown.textContent())!.match(/of (\d+)/)![1]);
  expect(plRows).toBeLessThan(allRows);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV', exact: true }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^Combined notes \d{4}-\d{2}-\d{2}\.csv$/);
  const path = test.info().outputPath(file.suggestedFilename());
  await file.saveAs(path);
  const text = readFileSync(path, 'utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const parsed = Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  expect(parsed.data).toHaveLength(plRows);
  expect(new Set(parsed.data.map((r) => r.Country))).toEqual(new Set(['Poland']));
  expect(new Set(parsed.data.map((r) => r.Lab))).toEqual(new Set(['Krajowe laboratorium PL']));

  // The other tables and the themes, their notes one click away.
  await page.getByRole('tab', { name: 'Recurring themes', exact: true }).click();
  await page.getByRole('button', { name: 'Show the notes of theme 1', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Hide the notes of theme 1', exact: true })).toHaveAttribute('aria-expanded', 'true');
  await expect(page.locator('.theme-notes li').first()).toContainText('Warszawa');
  await expectNoAxeViolations(page, 'coordinator themes');
  await screenshots(page, 'coordinator-themes');
  await page.getByRole('tab', { name: 'Who must act', exact: true }).click();
  await expect(page.getByRole('table', { name: 'Who must act', exact: true })).toBeVisible();

  // An archive whose decision record was edited is flagged, and its session says so.
  const tampered = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import archives', exact: true }).click();
  await (await tampered).setFiles('test/fixtures/record/record-altered.tlab');
  await page.getByRole('combobox', { name: 'Country', exact: true }).selectOption({ label: 'All countries' });
  await expect(page.getByRole('alert').filter({ hasText: 'Decision records that do not check out: “Fixture”' })).toBeVisible();
  await expect(sessions.getByRole('row').filter({ hasText: 'Fixture' }).getByText('Altered', { exact: true })).toBeVisible();
  await expect(sessions.getByRole('row').filter({ hasText: 'Liberec — barriers and portfolio' }).getByText('Checks out', { exact: true })).toBeVisible();

  // The collection is still there after a reload.
  await page.reload();
  await expect(sessions.getByRole('row')).toHaveCount(6);
  await page.getByRole('button', { name: 'Remove Fixture', exact: true }).click();
  await expect(sessions.getByRole('row')).toHaveCount(5);
  expect(en.coordinator.title).toBe('Coordinator view');
});

test('session details set by the facilitator travel in the archive to the coordinator view', async ({ page }) => {
  await page.goto('/');
  await createSession(page, 'Laboratorium Gdańsk');
  await page.getByRole('button', { name: 'Session details', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Session details', exact: true });
  // A new session starts with today as its date.
  await expect(dialog.getByLabel('Workshop date', { exact: true })).toHaveValue(/^\d{4}-\d{2}-\d{2}$/);
  await dialog.getByRole('textbox', { name: 'Lab', exact: true }).fill('Krajowe laboratorium PL');
  await dialog.getByRole('combobox', { name: 'Country', exact: true }).selectOption({ label: 'Poland' });
  await dialog.getByRole('textbox', { name: 'City', exact: true }).fill('Gdańsk');
  await dialog.getByLabel('Workshop date', { exact: true }).fill('2026-11-30');
  await expectNoAxeViolations(page, 'session details dialog');
  await screenshots(page, 'session-details');
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(dialog).toHaveCount(0);

  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('menu', { name: 'Export formats' }).getByRole('menuitem', { name: 'Session archive', exact: true }).click();
  const file = await download;
  const path = test.info().outputPath(file.suggestedFilename());
  await file.saveAs(path);

  await page.goto('/#/coordinator');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import archives', exact: true }).click();
  await (await chooser).setFiles(path);
  const row = page.getByRole('table', { name: 'Sessions', exact: true }).getByRole('row').filter({ hasText: 'Laboratorium Gdańsk' });
  await expect(row.getByRole('cell')).toHaveText(['', 'Krajowe laboratorium PL', 'Poland', 'Gdańsk', '2026-11-30', '1', '0', 'No decisions', '×']);
});

test('archives dropped on the page are imported like picked ones', async ({ page }) => {
  await page.goto('/#/coordinator');
  const files = ['record-genuine.tlab', 'record-altered.tlab'].map((name) => ({ name, base64: readFileSync(`test/fixtures/record/${name}`).toString('base64') }));
  const dataTransfer = await page.evaluateHandle((list) => {
    const transfer = new DataTransfer();
    for (const { name, base64 } of list) transfer.items.add(new File([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], name));
    return transfer;
  }, files);
  await page.getByText('Drop session archives or a folder of them here', { exact: true }).dispatchEvent('drop', { dataTransfer });
  await expect(page.getByRole('status').filter({ hasText: '2 archives read. 1 session in the collection.' })).toBeVisible();
  // Two archives of one session: one row; the altered copy's problem sticks to it.
  const sessions = page.getByRole('table', { name: 'Sessions', exact: true });
  await expect(sessions.getByRole('row')).toHaveCount(2);
  await expect(sessions.getByRole('row').filter({ hasText: 'Fixture' }).getByText('Altered', { exact: true })).toBeVisible();
});
