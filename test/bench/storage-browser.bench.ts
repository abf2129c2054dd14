// A session of 50,000 stored updates reopened in real Chromium IndexedDB (the `storage-load`
// benchmark measures the same in Node with fake-indexeddb): the updates are written into the app's
// own database as the app stores them (V2 updates, one row per keystroke or drop), then the page is
// reloaded and the session opened inside the already-loaded app, timed from asking for it to its
// notes painted. The first open reads all 50,000 rows and compacts them in the background; the
// second, once that compaction has committed, reads the compacted state.
// Target: < 300 ms (after compaction). Needs `npm run build` first.
//
// Before timing, the harness waits for `networkidle` (the app's own start — lazy chunks, the
// service worker, opening IndexedDB — is over): what is measured is opening a session inside an
// already-loaded app. Here, unlike board-scale, that made no difference beyond the noise (the page
// is a reload with the service worker already installed); TL_WAIT_IDLE=0 times right after the
// Home page shows, as this benchmark used to.
// TL_PROFILE=first|compacted|1 prints a CPU profile of that open (100 µs sampling; self and
// inclusive time by function — build with `npx vite build --minify false` to read the names);
// TL_TRACE=first|compacted prints the main thread's tasks during it (script, style, layout,
// paint, GC, and the idle gaps); TL_PHASES=1 prints when IndexedDB answered, when the stored
// state was decoded (marks set by DocPersistence) and when the notes were in the DOM.
import { chromium, type Page } from '@playwright/test';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumLaunchOptions } from '../e2e/support/chromium';
import { recordUpdates } from '../support/record-updates';
import { reportProfile, startProfile } from './support/cpu-profile';
import { startHost } from './support/host';
import { summarise, writeResults } from './support/results';

/**
 * Update rows of the session not yet folded into its snapshot. The count waits for a compaction
 * in progress (a read-write transaction on the same store) to commit.
 */
function storedRows(page: Page, sessionId: string): Promise<number> {
  return page.evaluate(async (id) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('transition-lab');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const count = await new Promise<number>((resolve, reject) => {
      const req = db.transaction('updates').objectStore('updates').index('sessionId').count(id);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    db.close();
    return count;
  }, sessionId);
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  cat: string;
  args?: { name?: string; data?: Record<string, unknown> };
}

/**
 * Where the open's wall time went on the page's main thread, from a Chromium trace: each task
 * (RunTask) with its start, length and what ran inside it (scripts, style, layout, paint, GC),
 * and the gaps between tasks as idle time.
 */
function reportTrace({ traceEvents }: { traceEvents: TraceEvent[] }): void {
  const main = traceEvents.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && traceEvents.some((m) => m.name === 'tl:bench:open' && m.pid === e.pid));
  if (!main) return void console.log('trace: no renderer main thread');
  const own = traceEvents.filter((e) => e.pid === main.pid && e.tid === main.tid);
  const t0 = own.find((e) => e.name === 'tl:bench:open')?.ts ?? 0;
  const tasks = own.filter((e) => e.name === 'RunTask' && e.ph === 'X' && (e.dur ?? 0) > 0 && e.ts + (e.dur ?? 0) >= t0).sort((a, b) => a.ts - b.ts);
  const inner = ['FunctionCall', 'EvaluateScript', 'v8.run', 'TimerFire', 'FireAnimationFrame', 'RunMicrotasks', 'UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit', 'MajorGC', 'MinorGC', 'V8.GC_SCAVENGER', 'HitTest', 'ParseHTML'];
  const totals = new Map<string, number>();
  let busy = 0;
  const lines: string[] = [];
  for (const task of tasks) {
    const end = task.ts + (task.dur ?? 0);
    busy += (task.dur ?? 0) / 1000;
    const parts = new Map<string, number>();
    for (const e of own) {
      if (e.ph !== 'X' || !inner.includes(e.name) || e.ts < task.ts || e.ts >= end) continue;
      parts.set(e.name, (parts.get(e.name) ?? 0) + (e.dur ?? 0) / 1000);
    }
    for (const [k, v] of parts) totals.set(k, (totals.get(k) ?? 0) + v);
    if ((task.dur ?? 0) >= 5_000) lines.push(`  @${((task.ts - t0) / 1000).toFixed(0).padStart(5)} ${((task.dur ?? 0) / 1000).toFixed(1).padStart(7)} ms  ${[...parts].filter(([, v]) => v >= 1).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ')}`);
  }
  const span = tasks.length ? (tasks[tasks.length - 1]!.ts + (tasks[tasks.length - 1]!.dur ?? 0) - t0) / 1000 : 0;
  console.log(`trace: ${span.toFixed(0)} ms from asking for the session to the last task, main thread busy ${busy.toFixed(0)} ms (idle ${(span - busy).toFixed(0)} ms)`);
  console.log(`  nested totals (overlapping): ${[...totals].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ')}`);
  console.log(`tasks >= 5 ms:\n${lines.join('\n')}`);
}

/** TL_PROFILE=first, =compacted, or =1 for both opens. */
const profileWanted = (label: string) => process.env.TL_PROFILE === '1' || process.env.TL_PROFILE === label;

const UPDATES = 50_000;
const RUNS = Number(process.env.TL_BENCH_RUNS ?? 3);
const REOPENS = Number(process.env.TL_BENCH_REOPENS ?? 4);
const { updates } = recordUpdates(UPDATES);
const payload = updates.map((u) => Buffer.from(u).toString('base64'));
const storedKiB = updates.reduce((a, u) => a + u.byteLength, 0) / 1024;

const host = await startHost();
const browser = await chromium.launch(chromiumLaunchOptions());
const first: number[] = [];
const compacted: number[] = [];
const settled: Record<'first' | 'compacted', number[]> = { first: [], compacted: [] };
try {
  for (let run = 0; run < RUNS; run++) {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${host.url}/`);
    await page.getByRole('button', { name: 'New session', exact: true }).waitFor();
    const sessionId = `bench-storage-${run}`;
    // The app created its database on start; add one session's rows the way DocPersistence writes them.
    await page.evaluate(
      async ({ id, rows }) => {
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const open = indexedDB.open('transition-lab');
          open.onsuccess = () => resolve(open.result);
          open.onerror = () => reject(open.error);
        });
        await new Promise<void>((resolve, reject) => {
          const tx = db.transaction(['updates', 'sessions'], 'readwrite');
          const store = tx.objectStore('updates');
          for (const row of rows) store.add({ sessionId: id, update: Uint8Array.from(atob(row), (c) => c.charCodeAt(0)) });
          tx.objectStore('sessions').put({ id, title: 'Big lab', createdAt: 1, updatedAt: Date.now(), noteCount: 0 });
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        });
        db.close();
      },
      { id: sessionId, rows: payload },
    );
    const open = async (label: 'first' | 'compacted') => {
      await page.goto(`${host.url}/`);
      await page.getByRole('button', { name: 'New session', exact: true }).waitFor();
      if (process.env.TL_WAIT_IDLE !== '0') await page.waitForLoadState('networkidle');
      const stop = profileWanted(label) ? await startProfile(page) : null;
      const tracing = process.env.TL_TRACE === label;
      if (tracing) await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'blink.user_timing'] });
      const { ms, settledMs, marks } = await page.evaluate(async (id) => {
        performance.clearMarks();
        performance.mark('tl:bench:open');
        const t0 = performance.now();
        location.hash = `#/s/${id}`;
        const inView = () => {
          const view = document.querySelector('.board-surface')?.getBoundingClientRect();
          if (!view) return 0;
          return [...document.querySelectorAll('.board-world [data-note-id]')].filter((el) => {
            const r = el.getBoundingClientRect();
            return r.right > view.left && r.left < view.right && r.bottom > view.top && r.top < view.bottom;
          }).length;
        };
        while (!document.querySelector('.board-world [data-note-id]')) await new Promise((r) => requestAnimationFrame(r));
        const noteAt = performance.now() - t0;
        // Inside the frame that shows the notes: a task posted now runs once that frame is painted
        // (the app's own after-paint work is queued behind it).
        await new Promise<void>((resolve) => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => resolve();
          channel.port2.postMessage(0);
        });
        const paintedAt = performance.now() - t0;
        const seenAtPaint = inView();
        // Settled: the margin around the view (mounted after that first frame) is painted too.
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        const settledAt = performance.now() - t0;
        const seen = inView();
        if (seen !== seenAtPaint) throw new Error(`${seenAtPaint} notes in view at the first paint, ${seen} later`);
        const marks = performance.getEntriesByType('mark').filter((m) => m.name.startsWith('tl:storage')).map((m) => [m.name, m.startTime - t0] as const);
        const mounted = document.querySelectorAll('.board-world [data-note-id]').length;
        return {
          ms: paintedAt,
          settledMs: settledAt,
          marks: [...marks, ['notes in DOM', noteAt] as const, [`${seen} notes in view painted`, paintedAt] as const, [`${mounted} notes mounted and painted`, settledAt] as const],
        };
      }, sessionId);
      if (process.env.TL_PHASES) console.log(`${label} open ${ms.toFixed(0)} ms: ${marks.map(([n, t]) => `${n} @${t.toFixed(0)}`).join(', ')}`);
      if (stop) reportProfile(`${label} open (run ${run})`, await stop(), join(tmpdir(), `tl-storage-${label}-${run}.cpuprofile`), Number(process.env.TL_PROFILE_TOP ?? 30));
      if (tracing) reportTrace(JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] });
      settled[label].push(settledMs);
      return ms;
    };
    first.push(await open('first'));
    // Wait for the background compaction to finish: a fixed 3 s was too short on a busy 2-core
    // machine (compacting 50,000 rows took 6–8 s there), so the reload aborted it and the
    // "compacted" open read all 50,000 rows again and measured the first open twice.
    const since = Date.now();
    while ((await storedRows(page, sessionId)) > 1) {
      if (Date.now() - since > 120_000) throw new Error('the stored updates were not compacted within 2 minutes');
      await page.waitForTimeout(250);
    }
    if (process.env.TL_PHASES) console.log(`compacted ${((Date.now() - since) / 1000).toFixed(1)} s after the first open`);
    // A compacted reopen is cheap to repeat (each is a fresh page load): more samples of the
    // figure the target is about, on a machine whose timings wander by ±20 %.
    for (let again = 0; again < REOPENS; again++) compacted.push(await open('compacted'));
    await context.close();
  }
} finally {
  await browser.close();
  host.stop();
}
const f = summarise(first);
const c = summarise(compacted);
const cs = summarise(settled.compacted);
writeResults('storage-browser', {
  environment: 'Chromium IndexedDB',
  storedUpdates: UPDATES,
  storedKiB,
  runs: RUNS,
  compactedOpensPerRun: REOPENS,
  openWith50000RowsMs: f,
  /** Until the notes in view are painted (the figure the target is about). */
  openAfterCompactionMs: c,
  /** Until the margin around the view, mounted after that first frame, is painted too. */
  openAfterCompactionSettledMs: cs,
  openWith50000RowsSettledMs: summarise(settled.first),
  target: { rule: '50,000-update session opens in < 300 ms', medianMs: c.median, met: c.median < 300 },
});
console.log(`Chromium IndexedDB, ${UPDATES} updates (${storedKiB.toFixed(0)} KiB): open with all rows ${f.median.toFixed(0)} ms, after compaction ${c.median.toFixed(0)} ms to the notes in view (target < 300 ms), ${cs.median.toFixed(0)} ms with the margin around the view`);
