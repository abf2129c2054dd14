import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import Papa from 'papaparse';
import ExcelJS from 'exceljs';
import { addNote, createSession } from './support/board';
import { launchPeer, type Peer } from './support/peers';
import { expectNoAxeViolations, screenshots } from './support/look';
import { SessionJson } from '../../shared/export/session-json';
import { en } from '../../shared/i18n/en';

// Exports made in one browser profile and read by third-party code; the session archive carried
// to another profile (a second computer), and two diverged copies merged.

let peers: Peer[] = [];
test.afterEach(async () => {
  await Promise.all(peers.map((p) => p.close()));
  peers = [];
});

async function exportAs(page: Page, item: string): Promise<{ path: string; name: string }> {
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('menu', { name: 'Export formats' }).getByRole('menuitem', { name: item, exact: true }).click();
  const file = await download;
  const path = test.info().outputPath(file.suggestedFilename());
  await file.saveAs(path);
  await expect(page.getByRole('status').filter({ hasText: `Exported “${file.suggestedFilename()}”.` })).toBeAttached();
  return { path, name: file.suggestedFilename() };
}

async function importFile(page: Page, path: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await (await chooser).setFiles(path);
}

test('CSV and archive exports; the archive recreates the session in another profile, and a diverged copy merges', async ({ baseURL }) => {
  test.setTimeout(120_000);
  const anna = await launchPeer(baseURL!, 'Anna', { webrtc: false });
  const coordinator = await launchPeer(baseURL!, 'Coordinator', { webrtc: false });
  peers = [anna, coordinator];
  const ap = anna.page;
  const cp = coordinator.page;
  await createSession(ap, 'Laboratorium Kraków');
  await addNote(ap, 'Zielone dachy i ścieżki rowerowe — żółć');
  await addNote(ap, '=HYPERLINK("http://evil")');

  const csv = await exportAs(ap, 'Spreadsheet (CSV)');
  expect(csv.name).toMatch(/^Laboratorium Kraków \d{4}-\d{2}-\d{2}\.csv$/);
  const text = readFileSync(csv.path, 'utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const parsed = Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  expect(parsed.data.map((r) => r.Text).sort()).toEqual(['\'=HYPERLINK("http://evil")', 'Zielone dachy i ścieżki rowerowe — żółć']);
  expect(parsed.data[0]!.Session).toBe('Laboratorium Kraków');

  // The PDF report, read by pdftotext: the title and the Polish note whole.
  const pdf = await exportAs(ap, 'PDF report');
  const pdfText = execFileSync('pdftotext', [pdf.path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  expect(pdfText).toContain('Laboratorium Kraków');
  expect(pdfText).toContain('Zielone dachy i ścieżki rowerowe — żółć');

  // The workbook, read back by exceljs: a sheet for the board, one row per note, Polish intact.
  const xlsx = await exportAs(ap, 'Excel workbook');
  expect(xlsx.name).toMatch(/\.xlsx$/);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(xlsx.path);
  expect(book.worksheets.map((w) => w.name)).toEqual(['Main board', 'Voting']);
  expect(book.getWorksheet('Main board')!.getColumn(3).values).toEqual(expect.arrayContaining(['Text', 'Zielone dachy i ścieżki rowerowe — żółć', '\'=HYPERLINK("http://evil")']));

  // JSON: valid against the published schema; Markdown: the board as a heading, the note as written.
  const json = SessionJson.parse(JSON.parse(readFileSync((await exportAs(ap, 'JSON')).path, 'utf8')));
  expect(json.boards[0]!.notes.map((n) => n.text)).toContain('Zielone dachy i ścieżki rowerowe — żółć');
  const md = readFileSync((await exportAs(ap, 'Markdown')).path, 'utf8');
  expect(md).toContain('# Laboratorium Kraków');
  expect(md).toContain('## Main board');
  expect(md).toContain('=HYPERLINK\\("http://evil"\\)');

  // The board as a picture: a real PNG, as wide as the notes need, with the note's yellow in it.
  const png = readFileSync((await exportAs(ap, 'Image (PNG)')).path);
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(png.readUInt32BE(16)).toBeGreaterThan(400);

  const archive = await exportAs(ap, 'Session archive');
  expect(archive.name).toMatch(/\.tlab$/);
  await screenshots(ap, 'outcomes-export');

  // Another computer: the archive recreates the session there.
  await importFile(cp, archive.path);
  await expect(cp.getByRole('status').filter({ hasText: 'Imported “Laboratorium Kraków”. It is in your sessions.' })).toBeVisible();
  await expect(cp.getByRole('list', { name: 'Sessions' }).getByRole('link', { name: 'Laboratorium Kraków' })).toBeVisible();
  await expectNoAxeViolations(cp, 'Home after an import');
  await cp.getByRole('link', { name: 'Open “Laboratorium Kraków”', exact: true }).click();
  await expect(cp.getByRole('article', { name: 'Zielone dachy i ścieżki rowerowe — żółć', exact: true })).toBeVisible();
  await addNote(cp, 'Written on the coordinator’s copy');

  // Meanwhile Anna's copy moves on; her new archive merges into the coordinator's copy: both stay.
  await addNote(ap, 'Added after the first export');
  const second = await exportAs(ap, 'Session archive');
  await cp.getByRole('link', { name: /All sessions/ }).click();
  await importFile(cp, second.path);
  await expect(cp.getByRole('status').filter({ hasText: 'Merged the archive into “Laboratorium Kraków”: 1 note added or changed.' })).toBeVisible();
  await expect(cp.getByRole('list', { name: 'What the archive added or changed' }).getByRole('listitem')).toHaveText(['Added: “Added after the first export” (Main board)']);
  await screenshots(cp, 'outcomes-import');
  await expectNoAxeViolations(cp, 'Home after a merge');
  // The same archive again changes nothing.
  await importFile(cp, second.path);
  await expect(cp.getByRole('status').filter({ hasText: '“Laboratorium Kraków” already had everything in this archive.' })).toBeVisible();
  await cp.getByRole('list', { name: 'Sessions' }).getByRole('link', { name: 'Laboratorium Kraków' }).click();
  for (const text of ['Added after the first export', 'Written on the coordinator’s copy', 'Zielone dachy i ścieżki rowerowe — żółć']) {
    await expect(cp.getByRole('article', { name: text, exact: true })).toBeVisible();
  }
});

test('a file that is not an archive is refused with what to do, and nothing changes', async ({ page }) => {
  await page.goto('/');
  const path = test.info().outputPath('notes.tlab');
  const { writeFileSync } = await import('node:fs');
  writeFileSync(path, '<html><script>alert(1)</script></html>');
  await importFile(page, path);
  await expect(page.getByRole('alert').filter({ hasText: 'This file is not a Transition Lab session archive.' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Sessions' })).toHaveCount(0);
  const json = test.info().outputPath('session.json');
  writeFileSync(json, '{"format":"transition-lab-session"}');
  await importFile(page, json);
  await expect(page.getByRole('alert').filter({ hasText: 'This JSON file is not a Transition Lab session export' })).toBeVisible();
  // The whole corpus of bad archives: each refused with its own message, nothing stored.
  const expected = JSON.parse(readFileSync('test/fixtures/import/expected.json', 'utf8')) as Record<string, keyof typeof en.outcomes.problems>;
  for (const [file, problem] of Object.entries(expected)) {
    await importFile(page, `test/fixtures/import/${file}`);
    await expect(page.getByRole('alert').filter({ hasText: en.outcomes.problems[problem] }), file).toBeVisible();
  }
  await expect(page.getByRole('list', { name: 'Sessions' })).toHaveCount(0);

  // A JSON export (the committed sample) becomes a session here; the same file twice does not.
  await importFile(page, 'docs/samples/demo.json');
  await expect(page.getByRole('status').filter({ hasText: 'Imported “Warszawa — laboratorium transformacji (demo)”.' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Sessions' }).getByRole('link', { name: 'Warszawa — laboratorium transformacji (demo)' })).toBeVisible();
  await importFile(page, 'docs/samples/demo.json');
  await expect(page.getByRole('alert').filter({ hasText: 'This session is already on this device.' })).toBeVisible();
  await page.getByRole('list', { name: 'Sessions' }).getByRole('link', { name: 'Warszawa — laboratorium transformacji (demo)' }).click();
  await page.getByRole('navigation', { name: 'Boards' }).getByRole('button', { name: 'Bariery i szanse według poziomów zarządzania', exact: true }).click();
  await expect(page.getByRole('article', { name: /^network heat with a large carbon footprint/ })).toBeAttached();
});
