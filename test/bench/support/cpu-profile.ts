import type { CDPSession, Page } from '@playwright/test';
import { writeFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Starts Chromium's sampling profiler on a page (100 µs between samples). */
export async function startProfile(page: Page): Promise<() => Promise<CpuProfile>> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  return async () => {
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
    await cdp.detach();
    return profile;
  };
}

const frameName = (n: ProfileNode) => `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}:${n.callFrame.columnNumber}`;

/** Milliseconds by function: self time and inclusive time (each function counted once per stack). */
export function summariseProfile(profile: CpuProfile, top = 25): { self: [string, number][]; inclusive: [string, number][] } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const hits = new Map<number, number>();
  profile.samples.forEach((id, i) => hits.set(id, (hits.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  for (const [id, ms] of hits) {
    const name = frameName(byId.get(id)!);
    self.set(name, (self.get(name) ?? 0) + ms);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const key = frameName(byId.get(cur)!);
      if (seen.has(key)) continue;
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + ms);
    }
  }
  const sorted = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).slice(0, top);
  return { self: sorted(self), inclusive: sorted(inclusive) };
}

/** Prints a profile's summary and keeps the raw profile (open it in Chromium's DevTools). */
export function reportProfile(label: string, profile: CpuProfile, file: string, top = 25): void {
  writeFileSync(file, JSON.stringify(profile));
  const { self, inclusive } = summariseProfile(profile, top);
  const table = (rows: [string, number][]) => rows.map(([k, v]) => `${v.toFixed(1).padStart(8)} ms  ${k}`).join('\n');
  console.log(`\n${label} — self time\n${table(self)}\n\n${label} — inclusive time\n${table(inclusive)}\n(raw profile: ${file})`);
}
