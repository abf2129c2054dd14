// What a person waits for before the first board: the initial renderer bundle (the entry script,
// what index.html preloads, and the stylesheet; gzip as a server or the desktop app's loader would
// compress it) and cold start — a fresh browser profile loading the app and opening a board of
// 1,000 notes (`#/bench?n=1000`) to interactive. Target: initial bundle ≤ 400 KB gzip.
//
// Needs `npm run build` first.
import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromiumLaunchOptions } from '../e2e/support/chromium';
import { startHost } from './support/host';
import { summarise, writeResults } from './support/results';

const dist = join('dist', 'renderer');
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const initial = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
const files = initial.map((file) => {
  const bytes = readFileSync(join(dist, file));
  return { file, bytes: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
});
const gzipKb = files.reduce((n, f) => n + f.gzip, 0) / 1024;
const rawKb = files.reduce((n, f) => n + f.bytes, 0) / 1024;

const host = await startHost();
const browser = await chromium.launch(chromiumLaunchOptions());
const samples: number[] = [];
try {
  for (let i = 0; i < 6; i++) {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${host.url}/#/bench?n=1000&zoom=1`);
    await page.waitForFunction(() => window.__bench !== undefined);
    const ms = await page.evaluate(async () => {
      await window.__bench!.ready();
      return performance.now();
    });
    if (i > 0) samples.push(ms); // the first run warms the host's file cache
    await context.close();
  }
} finally {
  await browser.close();
  host.stop();
}
const coldStartMs = summarise(samples);
writeResults('startup', { initialBundle: { files, rawKb, gzipKb, targetGzipKb: 400 }, coldStartToFirstBoardMs: coldStartMs, notes: 1000 });
console.log(`initial bundle ${gzipKb.toFixed(0)} KB gzip (${rawKb.toFixed(0)} KB raw, ${files.length} files; target ≤ 400 KB); cold start to a 1,000-note board ${coldStartMs.median.toFixed(0)} ms (p95 ${coldStartMs.p95.toFixed(0)})`);
