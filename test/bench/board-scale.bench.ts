// The board at scale, in headless Chromium through the benchmark board (`#/bench?n=N&zoom=Z`,
// docs/ui-contract.md): open N notes to interactive (navigation → `__bench.ready()`; warm, after one
// cold open that is reported apart), the JS heap
// after load, and pan frame times over 120 frames at 100 % and 25 % (each frame: `__bench.pan`
// then the next animation frame; the time between frames is what a person sees; beside it the same
// page's frames while idle, the machine's own frame clock, and the time the pan call itself takes,
// render and commit included), then zoom frame times the same way (a pinch's pace, out and back in),
// and at 100 % the latency of dragging one note with the mouse (pointer event → the end of the
// first frame that shows the note moved). Targets from the issue: 5,000 notes open in ≤ 600 ms
// with ≤ 22 MB heap; pan p95 ≤ 16.7 ms at 100 % and 25 %.
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
import { percentile, summarise, writeResults } from './support/results';
import { startHost } from './support/host';

const FRAMES = 120;
const SIZES = (process.env.TL_BENCH_NOTES ?? '1000,5000').split(',').map(Number);
const ZOOMS = [1, 0.25];
const DRAG_MOVES = 60;

type Motion = 'pan' | 'zoom';

declare global {
  interface Window {
    /** dragLatency's pointer events not yet shown, and the latencies measured so far. */
    __drag?: { pending: number[]; latencies: number[] };
  }
}

/**
 * Pans or zooms `frames` times, one step per animation frame; returns the frame-to-frame times in
 * ms and how long each step's call took. Back and forth every 30 frames, so the view stays over the
 * notes: a pan moves 12 × 6 px; a zoom scales by 1 % a frame (a pinch's pace) from the board's
 * zoom down to 0.74× of it and back, around the view's corner, so zooming out mounts the notes
 * it brings into view (at 25 % it stays below the 35 % line where notes become blocks).
 */
async function moveFrames(page: Page, frames: number, motion: Motion, base: number): Promise<{ intervals: number[]; work: number[] }> {
  return page.evaluate(
    ({ count, kind, base }) =>
      new Promise<{ intervals: number[]; work: number[] }>((resolve) => {
        const bench = window.__bench!;
        let zoom = base;
        const times: number[] = [];
        const work: number[] = [];
        let last = performance.now();
        let i = 0;
        const step = () => {
          const now = performance.now();
          if (i > 0) times.push(now - last);
          last = now;
          if (i++ >= count) {
            if (kind === 'zoom') bench.zoom(base);
            return resolve({ intervals: times, work });
          }
          const dir = Math.floor(i / 30) % 2 === 0 ? -1 : 1;
          const started = performance.now();
          if (kind === 'pan') bench.pan(dir * 12, dir * 6);
          else bench.zoom((zoom *= dir < 0 ? 1 / 1.01 : 1.01));
          work.push(performance.now() - started);
          requestAnimationFrame(step);
        };
        requestAnimationFrame(step);
      }),
    { count: frames, kind: motion, base },
  );
}

/**
 * Drags the note under the middle of the board with the mouse (real input events, as a person's),
 * one move of 4 px a frame; per move, the time from the pointer event to the end of the first
 * frame that shows the note at its new place (the note's transform has changed, then that frame's
 * work is done). Dropped where it started, so the board is as it was.
 */
async function dragLatency(page: Page, moves: number): Promise<number[]> {
  const start = await page.evaluate(() => {
    const canvas = document.querySelector('.board-surface')!.getBoundingClientRect();
    const at = { x: canvas.left + canvas.width / 2, y: canvas.top + canvas.height / 2 };
    const note = document.elementFromPoint(at.x, at.y)?.closest<HTMLElement>('[data-note-id]');
    if (!note) throw new Error('no note under the middle of the board');
    const box = note.getBoundingClientRect();
    return { id: note.dataset.noteId!, x: box.left + box.width / 2, y: box.top + box.height / 2 };
  });
  await page.evaluate((id) => {
    const note = document.querySelector<HTMLElement>(`[data-note-id="${id}"]`)!;
    const state: NonNullable<Window['__drag']> = { pending: [], latencies: [] };
    window.__drag = state;
    window.addEventListener('pointermove', (e) => state.pending.push(e.timeStamp), true);
    new MutationObserver(() => {
      const shown = state.pending;
      state.pending = [];
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          const done = performance.now();
          for (const at of shown) state.latencies.push(done - at);
        };
        channel.port2.postMessage(0);
      });
    }).observe(note, { attributes: true, attributeFilter: ['style'] });
  }, start.id);
  const frame = () => page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => resolve())));
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  // Past the drag threshold first: moves before it select the note but do not move it.
  await page.mouse.move(start.x + 6, start.y + 3);
  await frame();
  await page.evaluate(() => {
    window.__drag!.latencies = [];
  });
  for (let i = 1; i <= moves; i++) {
    // 80 px right and back, 4 px a move.
    const phase = i % 40;
    await page.mouse.move(start.x + 6 + 4 * (phase <= 20 ? phase : 40 - phase), start.y + 3);
    await frame();
  }
  await page.mouse.move(start.x, start.y);
  await page.mouse.up();
  await frame();
  await frame();
  return page.evaluate(() => window.__drag!.latencies);
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
      await moveFrames(page, 10, 'pan', zoom);
      const panned = await moveFrames(page, FRAMES, 'pan', zoom);
      const pan = stats(panned.intervals);
      const work = stats(panned.work);
      const fps = (FRAMES * 1000) / panned.intervals.reduce((a, b) => a + b, 0);
      await moveFrames(page, 10, 'zoom', zoom);
      const zoomed = await moveFrames(page, FRAMES, 'zoom', zoom);
      const zoomFrames = stats(zoomed.intervals);
      const zoomWork = stats(zoomed.work);
      // Notes are dragged at 100 % (at 25 % they are blocks on a canvas, picked by a press).
      const drag = zoom === 1 ? summarise(await dragLatency(page, DRAG_MOVES)) : null;
      await page.close();
      // The same pans and zooms where frames are not held to vsync: what producing such a frame costs.
      const free = await uncapped.newPage({ viewport: { width: 1400, height: 900 } });
      await openBoard(free, n, zoom);
      const freeIdle = stats(await idleFrames(free, FRAMES));
      await moveFrames(free, 10, 'pan', zoom);
      const produced = stats((await moveFrames(free, FRAMES, 'pan', zoom)).intervals);
      await moveFrames(free, 10, 'zoom', zoom);
      const producedZoom = stats((await moveFrames(free, FRAMES, 'zoom', zoom)).intervals);
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
        zoomFrameMs: zoomFrames,
        zoomCallMs: { p50: zoomWork.p50, p95: zoomWork.p95, max: zoomWork.max },
        uncappedZoomFrameMs: producedZoom,
        ...(drag ? { dragMoveToFrameMs: drag } : {}),
      };
      rows.push(
        `${String(n).padStart(5)} notes @ ${String(zoom * 100).padStart(3)} %: open ${openMs.toFixed(0).padStart(5)} ms, heap ${heapMb.toFixed(1).padStart(5)} MB, mounted ${String(mounted).padStart(5)}, pan p50 ${pan.p50.toFixed(1)} / p95 ${pan.p95.toFixed(1)} ms (${fps.toFixed(1)} fps), ${pan.dropped} of ${FRAMES} frames dropped (same page idle: p95 ${idle.p95.toFixed(1)} ms, ${idle.dropped} dropped; pan call p50 ${work.p50.toFixed(1)} / p95 ${work.p95.toFixed(1)} ms)\n` +
          `${' '.repeat(20)}zoom p50 ${zoomFrames.p50.toFixed(1)} / p95 ${zoomFrames.p95.toFixed(1)} ms, ${zoomFrames.dropped} dropped (zoom call p50 ${zoomWork.p50.toFixed(1)} / p95 ${zoomWork.p95.toFixed(1)} ms)` +
          (drag ? `; drag one note, pointer move → frame showing it: p50 ${drag.median.toFixed(1)} / p95 ${drag.p95.toFixed(1)} ms (${drag.n} moves)` : '') +
          '\n' +
          `${' '.repeat(20)}without vsync, a panned frame takes p50 ${produced.p50.toFixed(1)} / p95 ${produced.p95.toFixed(1)} / max ${produced.max.toFixed(1)} ms, a zoomed one p50 ${producedZoom.p50.toFixed(1)} / p95 ${producedZoom.p95.toFixed(1)} / max ${producedZoom.max.toFixed(1)} ms (an idle frame: p95 ${freeIdle.p95.toFixed(1)} ms)`,
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
