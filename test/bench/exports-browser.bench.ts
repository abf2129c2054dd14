// The export target (PDF report and Excel workbook of a 500-note session under 3 s each)
// measured where people run it: in Chromium, through the app's own Export menu, from the click on
// the menu item to the file handed to the browser. CSV, which does almost no work, is the baseline
// of the same path (menu, building the session content, the download itself) in the same run.
//
// Needs `npm run build` first (the LAN host serves the built app).
import { chromium } from '@playwright/test';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import * as M from '../../shared/model';
import { buildArchive } from '../../shared/export';
import { chromiumLaunchOptions } from '../e2e/support/chromium';
import { benchSession } from './support/bench-session';
import { summarise, writeResults } from './support/results';
import { startHost } from './support/host';

const TRIALS = Number(process.env.TL_BENCH_TRIALS ?? 5);
const NOTES = 500;

const dir = mkdtempSync(join(tmpdir(), 'tl-bench-exports-'));
const doc = benchSession(NOTES);
const archivePath = join(dir, 'bench.tlab');
writeFileSync(archivePath, buildArchive({ sessionId: 'bench-exports-session', title: 'Laboratorium benchmark', schemaVersion: M.SCHEMA_VERSION, state: Y.encodeStateAsUpdate(doc), json: '{}', now: 0 }));
const host = await startHost(join(dir, 'host'));
const browser = await chromium.launch(chromiumLaunchOptions());
try {
  const context = await browser.newContext({ baseURL: host.url, viewport: { width: 1400, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  await page.goto('/');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await (await chooser).setFiles(archivePath);
  await page.getByRole('link', { name: 'Laboratorium benchmark', exact: true }).click();
  await page.getByRole('button', { name: 'Export', exact: true }).waitFor();

  const exportOnce = async (item: string): Promise<{ ms: number; bytes: number }> => {
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    const menuItem = page.getByRole('menu', { name: 'Export formats' }).getByRole('menuitem', { name: item, exact: true });
    await menuItem.waitFor();
    const download = page.waitForEvent('download', { timeout: 60_000 });
    const t0 = performance.now();
    await menuItem.click();
    const file = await download;
    const ms = performance.now() - t0;
    const path = join(dir, `${item.replace(/\W+/g, '-')}-${Date.now()}`);
    await file.saveAs(path);
    const { size } = statSync(path);
    return { ms, bytes: size };
  };
  const measure = async (item: string) => {
    await exportOnce(item); // warm-up: lazy chunks (exceljs, pdf-lib) and fonts load once
    const runs: { ms: number; bytes: number }[] = [];
    for (let i = 0; i < TRIALS; i++) runs.push(await exportOnce(item));
    return { ms: summarise(runs.map((r) => r.ms)), bytes: runs.at(-1)!.bytes };
  };
  const pdf = await measure('PDF report');
  const workbook = await measure('Excel workbook');
  const csv = await measure('Spreadsheet (CSV)');
  const notes = await page.evaluate(() => document.querySelectorAll('[role="article"]').length);
  writeResults('exports-browser', {
    notes: NOTES,
    notesOnScreen: notes,
    trials: TRIALS,
    targetMs: 3000,
    pdfMs: pdf.ms,
    pdfBytes: pdf.bytes,
    workbookMs: workbook.ms,
    workbookBytes: workbook.bytes,
    csvBaselineMs: csv.ms,
    ratios: { pdfToCsv: pdf.ms.median / csv.ms.median, workbookToCsv: workbook.ms.median / csv.ms.median },
  });
  console.log(
    `Chromium, ${NOTES} notes, click → file: PDF ${pdf.ms.median.toFixed(0)} ms (p95 ${pdf.ms.p95.toFixed(0)}), workbook ${workbook.ms.median.toFixed(0)} ms (p95 ${workbook.ms.p95.toFixed(0)}), CSV baseline ${csv.ms.median.toFixed(0)} ms; target < 3000 ms`,
  );
} finally {
  await browser.close();
  host.stop();
  rmSync(dir, { recursive: true, force: true });
}
