import type { Browser } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

/**
 * Starts a Chromium trace of the whole browser (every page's renderer) with the timeline
 * categories; the stop function returns the renderer main threads' CPU time by kind of work.
 * Uses each event's thread time (`tdur`), not its wall time: on a shared 2-core machine a thread
 * that is preempted inside a task would otherwise have the wait counted as work.
 */
export async function startTrace(browser: Browser, thread = 'CrRendererMain'): Promise<() => Promise<Record<string, number>>> {
  await browser.startTracing(undefined, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'blink', 'cc'] });
  return async () => {
    const buffer = await browser.stopTracing();
    // Kept for a closer look (chrome://tracing, ui.perfetto.dev).
    writeFileSync(join(tmpdir(), 'tl-bench-trace.json'), buffer);
    const { traceEvents } = JSON.parse(buffer.toString('utf8')) as { traceEvents: TraceEvent[] };
    return selfThreadTimeByName(traceEvents, thread);
  };
}

/** Self thread time (ms) of the complete events on the threads of that name (renderer main threads), summed by event name. */
export function selfThreadTimeByName(events: TraceEvent[], thread = 'CrRendererMain'): Record<string, number> {
  const mainThreads = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === thread).map((e) => `${e.pid}:${e.tid}`));
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of events) {
    if (e.ph !== 'X' || e.tdur === undefined || e.dur === undefined) continue;
    const key = `${e.pid}:${e.tid}`;
    if (!mainThreads.has(key)) continue;
    let list = byThread.get(key);
    if (!list) byThread.set(key, (list = []));
    list.push(e);
  }
  const self: Record<string, number> = {};
  for (const list of byThread.values()) {
    // Outer events first when two start together, so a child always follows its parent.
    list.sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
    const stack: { end: number; event: TraceEvent; childTime: number }[] = [];
    const close = (until: number) => {
      while (stack.length > 0 && stack.at(-1)!.end <= until) {
        const done = stack.pop()!;
        self[done.event.name] = (self[done.event.name] ?? 0) + Math.max(0, (done.event.tdur ?? 0) - done.childTime) / 1000;
      }
    };
    for (const e of list) {
      close(e.ts);
      const parent = stack.at(-1);
      if (parent) parent.childTime += e.tdur ?? 0;
      stack.push({ end: e.ts + (e.dur ?? 0), event: e, childTime: 0 });
    }
    close(Number.POSITIVE_INFINITY);
  }
  return Object.fromEntries(Object.entries(self).map(([k, v]) => [k, Math.round(v * 10) / 10] as const).sort((a, b) => b[1] - a[1]));
}
