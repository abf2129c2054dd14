// The board at scale, in headless Chromium through the benchmark board (`#/bench?n=N&zoom=Z`,
// docs/ui-contract.md): open N notes to interactive (navigation → `__bench.ready()`; warm, after one
// cold open that is reported apart), the JS heap
// after load, and pan frame times over 120 frames at 100 % and 25 % (each frame: `__bench.pan`
// then the next animation frame; the time between frames is what a person sees; beside it the same
// page's frames while idle, the machine's own frame clock, and the time the pan call itself takes,
// render and commit included). Targets from the
// issue: 5,000 notes open in ≤ 600 ms with ≤ 22 MB heap; pan p95 ≤ 16.7 ms at 100 % and 25 %.
//
// Frame-to-frame times in a normal browser are held to the display's 60 Hz clock: a frame done in
// 4 ms still shows 16.7 ms, and the clock's own jitter on a busy machine puts even an idle page's
// p95 above 16.7 ms. So the same pans also run in a second browser with the frame-rate limit and
// vsync off (`--disable-frame-rate-limit --disable-gpu-vsync`): there the next frame starts as soon
// as the last one is produced, and the interval is what producing a panned frame costs (script,
// style, layout, paint, composite) — the figure that says whether panning fits in a 60 Hz frame.
//
// Needs `npm run build` first (the LAN host serves the built app). TL_PROFILE=1 prints where each
// open's main-thread time goes (a CPU profile, by function).
import { chromium, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumLaunchOptions } from '../e2e/support/chromium';
import { reportProfile, startProfile } from './support/cpu-profile';
import { percentile, writeResults } from './support/results';
import { startHost } from './support/host';

const FRAMES = 120;
const SIZES = (process.env.TL_BENCH_NOTES ?? '1000,5000').split(',').map(Number);
const ZOOMS = [1, 0.25];

/** Pans `frames` times, one step per animation frame; returns the frame-to-frame times in ms. */
async function panFrames(page: Page, frames: number): Promise<{ intervals: number[]; work: number[] }> {
  return page.evaluate(
    (count) =>
      new Promise<{ intervals: number[]; work: number[] }>((resolve) => {
        const times: number[] = [];
        const work: number[] = [];
        let last = performance.now();
        let i = 0;
        const step = () => {
          const now = performance.now();
          if (i > 0) times.push(now - last);
          last = now;
          if (i++ >= count) return resolve({ intervals: times, work });
          // Back and forth, so the view stays over the notes.
          const dir = Math.floor(i / 30) % 2 === 0 ? -1 : 1;
          const started = performance.now();
          window.__bench!.pan(dir * 12, dir * 6);
          work.push(performance.now() - started);
          requestAnimationFrame(step);
        };
        requestAnimationFrame(step);
      }),
    frames,
  );
}

/** Frame-to-frame times of the same page doing nothing: the machine's own frame clock, the baseline for panning. */
async function idleFrames(page: Page, frames: number): Promise<number[]> {
  return page.evaluate(
    (count) =>
      new Promise<number[]>((resolve) => {
        const times: number[] = [];
        let last = performance.now();
        const step = () => {
          const now = performance.now();
          times.push(now - last);
          last = now;
          if (times.length > count) resolve(times.slice(1));
          else requestAnimationFrame(step);
        };
        requestAnimationFrame(step);
      }),
    frames,
  );
}

/**
 * From asking for the board to the notes on screen, in a page where the app has finished its own
 * start (lazy chunks, the offline cache filling, storage opening): timed right after `load`, those
 * added a constant ~0.4–0.7 s on a 2-core machine to any board size.
 */
async function openBoard(page: Page, n: number, zoom: number): Promise<number> {
  await page.goto(`${host.url}/`);
  await page.waitForLoadState('networkidle');
  return page.evaluate(async (hash) => {
    const t0 = performance.now();
    location.hash = hash;
    while (!window.__bench) await new Promise((r) => setTimeout(r, 1));
    await window.__bench.ready();
    return performance.now() - t0;
  }, `#/bench?n=${n}&zoom=${zoom}`);
}

const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  // A frame interval well over one vsync (16.7 ms at 60 Hz) is a frame a person saw dropped.
  return { p50: percentile(s, 50), p95: percentile(s, 95), max: s[s.length - 1] ?? NaN, dropped: s.filter((x) => x > 25).length };
};

const dir = mkdtempSync(join(tmpdir(), 'tl-bench-board-'));
const host = await startHost(join(dir, 'host'));
const browser = await chromium.launch({ ...chromiumLaunchOptions(), args: [...(chromiumLaunchOptions().args ?? []), '--enable-precise-memory-info', '--js-flags=--expose-gc'] });
const uncapped = await chromium.launch({ ...chromiumLaunchOptions(), args: [...(chromiumLaunchOptions().args ?? []), '--disable-frame-rate-limit', '--disable-gpu-vsync'] });
const results: Record<string, unknown> = { frames: FRAMES };
const rows: string[] = [];
try {
  // The first board a fresh browser opens also compiles the board's code (V8 caches it for the
  // pages after): reported on its own, then every measured open is a warm one, as for a person
  // who moves between boards.
  const cold = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const coldOpenMs = await openBoard(cold, 1000, 1);
  await cold.close();
  results.coldOpen1000Ms = coldOpenMs;
  rows.push(`first open in a fresh browser (1000 notes @ 100 %, code not yet compiled): ${coldOpenMs.toFixed(0)} ms`);
  for (const n of SIZES) {
    for (const zoom of ZOOMS) {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      const stopProfile = process.env.TL_PROFILE ? await startProfile(page) : null;
      const openMs = await openBoard(page, n, zoom);
      if (stopProfile) reportProfile(`open ${n} notes at ${zoom * 100} %`, await stopProfile(), join(tmpdir(), `open-${n}-${zoom}.cpuprofile`), 30);
      const heapMb = await page.evaluate(() => {
        (globalThis as { gc?: () => void }).gc?.();
        return (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize / 2 ** 20;
      });
      const mounted = await page.evaluate(() => document.querySelectorAll('.board-world [data-note-id]').length);
      const idle = stats(await idleFrames(page, FRAMES));
      await panFrames(page, 10);
      const panned = await panFrames(page, FRAMES);
      const pan = stats(panned.intervals);
      const work = stats(panned.work);
      const fps = (FRAMES * 1000) / panned.intervals.reduce((a, b) => a + b, 0);
      await page.close();
      // The same pans where frames are not held to vsync: what a panned frame costs to produce.
      const free = await uncapped.newPage({ viewport: { width: 1400, height: 900 } });
      await openBoard(free, n, zoom);
      const freeIdle = stats(await idleFrames(free, FRAMES));
      await panFrames(free, 10);
      const produced = stats((await panFrames(free, FRAMES)).intervals);
      await free.close();
      results[`n${n}_zoom${zoom}`] = {
        openMs,
        heapMb,
        mountedNotes: mounted,
        panFrameMs: pan,
        panFps: fps,
        idleFrameMs: idle,
        panCallMs: { p50: work.p50, p95: work.p95, max: work.max },
        uncappedPanFrameMs: produced,
        uncappedIdleFrameMs: freeIdle,
      };
      rows.push(
        `${String(n).padStart(5)} notes @ ${String(zoom * 100).padStart(3)} %: open ${openMs.toFixed(0).padStart(5)} ms, heap ${heapMb.toFixed(1).padStart(5)} MB, mounted ${String(mounted).padStart(5)}, pan p50 ${pan.p50.toFixed(1)} / p95 ${pan.p95.toFixed(1)} ms (${fps.toFixed(1)} fps), ${pan.dropped} of ${FRAMES} frames dropped (same page idle: p95 ${idle.p95.toFixed(1)} ms, ${idle.dropped} dropped; pan call p50 ${work.p50.toFixed(1)} / p95 ${work.p95.toFixed(1)} ms)\n` +
          `${' '.repeat(20)}without vsync, a panned frame takes p50 ${produced.p50.toFixed(1)} / p95 ${produced.p95.toFixed(1)} / max ${produced.max.toFixed(1)} ms (an idle frame: p95 ${freeIdle.p95.toFixed(1)} ms)`,
      );
    }
  }
} finally {
  await browser.close();
  await uncapped.close();
  host.stop();
  rmSync(dir, { recursive: true, force: true });
}
results.targets = { openMs5000: 600, heapMb5000: 22, panP95Ms: 16.7 };
writeResults('board-scale', results);
console.log(rows.join('\n'));
