// Edit on A → visible on B, in two real Chromium browsers, for the app (both transports on, the
// note text shown on B's board) next to raw y-webrtc (Y.Map.set on A → observed on B) measured in
// the same run, trials interleaved so both see the same machine load. A second raw baseline also
// writes the value into the DOM on B and waits for it there (MutationObserver, like the app trial),
// so the app can be compared with raw y-webrtc doing the same last step. Both DOM trials also
// report "settled": the end of the task on B that changed the DOM. Work the app moves after its
// render but into the same task (forwarding, storage) counts there, as it does for the next paint.
//
// Run inside a loopback-only network namespace (WebRTC must not touch a real network card):
//   unshare -n sh -c 'ip link set lo up && npm run bench -- sync-browser'
// TL_PROFILE=1 also profiles the app's editing page and the receiving pages (app B and raw B) over the measured trials and
// prints where their main-thread time went, by function.
import type { Browser, Page } from '@playwright/test';
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import { createRoomWithNote, joinRoom, launchPeerBrowser, newPeerContext, typeIntoEditor, until, webrtcPeers } from './support/app-room';
import { reportProfile, startProfile } from './support/cpu-profile';
import { summarise, writeResults } from './support/results';
import { startHost } from './support/host';

const COMMAND = "unshare -n sh -c 'ip link set lo up && npm run bench -- sync-browser'";
const TRIALS = Number(process.env.TL_BENCH_TRIALS ?? 60);
const WARMUP = 5;
const root = process.cwd();

/** The raw baseline: a page with only Yjs + y-webrtc, and a minimal y-webrtc signaling server. */
async function startRawServer(): Promise<{ url: string; close: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), 'tl-bench-raw-'));
  writeFileSync(
    join(dir, 'entry.js'),
    `import * as Y from 'yjs';
import { WebrtcProvider } from 'y-webrtc';
const doc = new Y.Doc();
const map = doc.getMap('m');
const signal = 'ws://' + location.host + '/signal';
const provider = new WebrtcProvider('raw-bench', doc, { signaling: [signal], password: 'ABCDEFGHJK', peerOpts: { config: { iceServers: [] } } });
window.rawPeers = () => { let n = 0; provider.room?.webrtcConns.forEach((c) => { if (c.connected) n++; }); return n; };
window.rawSet = (k, v) => { const t0 = performance.timeOrigin + performance.now(); map.set(k, v); return t0; };
const out = document.createElement('p');
document.body.append(out);
map.observe((event) => { if (event.keysChanged.has('dom')) out.textContent = String(map.get('dom') ?? ''); });
window.rawWaitDom = (v) => new Promise((resolve) => {
  const observer = new MutationObserver(() => {
    if (!out.textContent.includes(v)) return;
    observer.disconnect();
    const seen = performance.timeOrigin + performance.now();
    const next = new MessageChannel();
    next.port1.onmessage = () => resolve([seen, performance.timeOrigin + performance.now()]);
    next.port2.postMessage(0);
  });
  observer.observe(document.body, { subtree: true, childList: true, characterData: true });
});
window.rawWait = (k, v) => new Promise((resolve) => {
  const check = () => { if (map.get(k) === v) { map.unobserve(check); resolve(performance.timeOrigin + performance.now()); } };
  map.observe(check);
  check();
});
`,
  );
  await build({ entryPoints: [join(dir, 'entry.js')], outfile: join(dir, 'raw.js'), bundle: true, format: 'esm', platform: 'browser', nodePaths: [join(root, 'node_modules')], logLevel: 'warning' });
  const html = '<!doctype html><meta charset="utf-8"><title>raw y-webrtc</title><script type="module" src="/raw.js"></script>';
  const js = readFileSync(join(dir, 'raw.js'));
  const server: Server = createServer((req, res) => {
    if (req.url === '/raw.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(js);
    else res.writeHead(200, { 'content-type': 'text/html' }).end(html);
  });
  const wss = new WebSocketServer({ noServer: true });
  const topics = new Map<string, Set<WebSocket>>();
  server.on('upgrade', (req, socket, head) => wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws)));
  wss.on('connection', (ws: WebSocket) => {
    const mine = new Set<string>();
    ws.on('message', (raw) => {
      const m = JSON.parse(raw.toString()) as { type: string; topics?: string[]; topic?: string };
      if (m.type === 'subscribe') {
        for (const t of m.topics ?? []) {
          if (!topics.has(t)) topics.set(t, new Set());
          topics.get(t)!.add(ws);
          mine.add(t);
        }
      }
      else if (m.type === 'publish' && m.topic) {
        const receivers = topics.get(m.topic) ?? new Set();
        const text = JSON.stringify({ ...m, clients: receivers.size });
        for (const r of receivers) r.send(text);
      } else if (m.type === 'ping') ws.send(JSON.stringify({ type: 'pong' }));
    });
    ws.on('close', () => mine.forEach((t) => topics.get(t)?.delete(ws)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => {
      wss.close();
      server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Where the time goes: every page (app and raw alike) records when it hands a message to a data
 * channel and when one arrives, so each DOM trial splits into A (edit → send), the wire (send →
 * arrival on B) and B (arrival → visible).
 */
const DATA_CHANNEL_CLOCK = `(() => {
  const now = () => performance.timeOrigin + performance.now();
  window.__tlSends = [];
  window.__tlArrivals = [];
  window.__tlLog = [];
  const size = (data) => data?.byteLength ?? data?.length ?? data?.size ?? -1;
  const send = RTCDataChannel.prototype.send;
  RTCDataChannel.prototype.send = function (data) { window.__tlSends.push(now()); window.__tlLog.push(['send', now(), size(data)]); return send.call(this, data); };
  const onmessage = Object.getOwnPropertyDescriptor(RTCDataChannel.prototype, 'onmessage');
  Object.defineProperty(RTCDataChannel.prototype, 'onmessage', {
    configurable: true,
    get() { return onmessage.get.call(this); },
    set(handler) { onmessage.set.call(this, handler ? function (event) { window.__tlArrivals.push(now()); window.__tlLog.push(['arrive', now(), size(event.data)]); return handler.call(this, event); } : handler); },
  });
})();`;

type Legs = [editToSend: number, sendToArrival: number, arrivalToVisible: number];
type ClockWindow = Window & { __tlSends: number[]; __tlArrivals: number[] };

async function resetClocks(a: Page, b: Page): Promise<void> {
  await a.evaluate(() => ((window as unknown as ClockWindow).__tlSends = []));
  await b.evaluate(() => ((window as unknown as ClockWindow).__tlArrivals = []));
}

async function legs(a: Page, b: Page, t0: number, visible: number): Promise<Legs> {
  const sends = await a.evaluate(() => (window as unknown as ClockWindow).__tlSends);
  const arrivals = await b.evaluate(() => (window as unknown as ClockWindow).__tlArrivals);
  const sent = sends.find((t) => t >= t0) ?? Number.NaN;
  const arrived = arrivals.find((t) => t >= sent) ?? Number.NaN;
  return [sent - t0, arrived - sent, visible - arrived];
}

async function newPage(baseURL: string): Promise<{ browser: Browser; page: Page }> {
  const browser = await launchPeerBrowser();
  const context = await newPeerContext(browser, baseURL, DATA_CHANNEL_CLOCK);
  return { browser, page: await context.newPage() };
}

async function setupApp(hostUrl: string): Promise<{ a: Page; b: Page; browsers: Browser[] }> {
  const A = await newPage(hostUrl);
  const B = await newPage(hostUrl);
  const a = A.page;
  const b = B.page;
  const link = await createRoomWithNote(a);
  await a.getByRole('article').first().dblclick();
  await joinRoom(b, link, 'B');
  // Measure with the mesh up, as in a room: both transports carry every edit.
  await until(async () => (await webrtcPeers(b)) === 1, 'app WebRTC peer');
  console.log('app: A and B connected over relay and WebRTC');
  return { a, b, browsers: [A.browser, B.browser] };
}

/** Milliseconds from the edit on A until B's DOM shows it, and until B's task that did so is over. */
type Timing = { visible: number; settled: number; legs: Legs };

async function appTrial(a: Page, b: Page, value: string): Promise<Timing> {
  await resetClocks(a, b);
  const seen = b.evaluate(
    (v) =>
      new Promise<[number, number]>((resolve) => {
        const found = () => [...document.querySelectorAll('article, [role="article"]')].some((n) => n.textContent?.includes(v));
        const observer = new MutationObserver(() => {
          if (!found()) return;
          observer.disconnect();
          const seen = performance.timeOrigin + performance.now();
          // The next task: everything the page did with the change in that task is done.
          const next = new MessageChannel();
          next.port1.onmessage = () => resolve([seen, performance.timeOrigin + performance.now()]);
          next.port2.postMessage(0);
        });
        observer.observe(document.body, { subtree: true, childList: true, characterData: true });
      }),
    value,
  );
  await b.evaluate(() => new Promise((r) => setTimeout(r, 0)));
  const t0 = await typeIntoEditor(a, value);
  try {
    const [visible, settled] = await withTimeout(seen, 'app edit on B');
    return { visible: visible - t0, settled: settled - t0, legs: await legs(a, b, t0, visible) };
  } catch (error) {
    const onA = await a.evaluate(() => [(document.querySelector('textarea') as HTMLTextAreaElement | null)?.value, document.querySelector('[role="article"]')?.textContent]);
    const onB = await b.evaluate(() => [...document.querySelectorAll('article, [role="article"]')].map((n) => n.textContent));
    throw new Error(`${String(error)}; A: ${JSON.stringify(onA)}; B: ${JSON.stringify(onB)}`, { cause: error });
  }
}

function medianLegs(rows: Legs[]): { editToSend: number; sendToArrival: number; arrivalToVisible: number } {
  const median = (i: number) => {
    const values = rows.map((r) => r[i] as number).filter((v) => Number.isFinite(v));
    return Math.round((summarise(values).median ?? Number.NaN) * 100) / 100;
  };
  return { editToSend: median(0), sendToArrival: median(1), arrivalToVisible: median(2) };
}

function withTimeout<T>(promise: Promise<T>, what: string, ms = 15_000): Promise<T> {
  return Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`timed out: ${what}`)), ms))]);
}

async function rawDomTrial(a: Page, b: Page, value: string): Promise<Timing> {
  await resetClocks(a, b);
  const seen = b.evaluate((v) => (window as unknown as { rawWaitDom: (v: string) => Promise<[number, number]> }).rawWaitDom(v), value);
  await b.evaluate(() => new Promise((r) => setTimeout(r, 0)));
  const t0 = await a.evaluate((v) => (window as unknown as { rawSet: (k: string, v: string) => number }).rawSet('dom', v), value);
  const [visible, settled] = await withTimeout(seen, 'raw DOM edit on B');
  return { visible: visible - t0, settled: settled - t0, legs: await legs(a, b, t0, visible) };
}

async function rawTrial(a: Page, b: Page, key: string, value: string): Promise<number> {
  const seen = b.evaluate(([k, v]) => (window as unknown as { rawWait: (k: string, v: string) => Promise<number> }).rawWait(k!, v!), [key, value]);
  await b.evaluate(() => new Promise((r) => setTimeout(r, 0)));
  const t0 = await a.evaluate(([k, v]) => (window as unknown as { rawSet: (k: string, v: string) => number }).rawSet(k!, v!), [key, value]);
  return (await withTimeout(seen, 'raw edit on B')) - t0;
}

const host = await startHost();
const raw = await startRawServer();
const browsers: Browser[] = [];
try {
  const app = await setupApp(host.url);
  browsers.push(...app.browsers);
  const RA = await newPage(raw.url);
  const RB = await newPage(raw.url);
  browsers.push(RA.browser, RB.browser);
  await RA.page.goto('/');
  await RB.page.goto('/');
  await until(async () => (await RA.page.evaluate(() => (window as unknown as { rawPeers?: () => number }).rawPeers?.() ?? 0)) === 1, 'raw WebRTC peer');

  console.log('raw: two pages connected over y-webrtc');
  const appVisible: number[] = [];
  const appSettled: number[] = [];
  const rawSamples: number[] = [];
  const rawDomVisible: number[] = [];
  const rawDomSettled: number[] = [];
  const appLegs: Legs[] = [];
  const rawDomLegs: Legs[] = [];
  let stopProfiles: (() => Promise<void>) | null = null;
  for (let i = 0; i < WARMUP + TRIALS; i++) {
    if (i === WARMUP && process.env.TL_PROFILE) {
      const stopApp = await startProfile(app.b);
      const stopRaw = await startProfile(RB.page);
      const stopSender = await startProfile(app.a);
      stopProfiles = async () => {
        reportProfile('app A (editing)', await stopSender(), join(tmpdir(), 'tl-sync-browser-app-a.cpuprofile'));
        reportProfile('app B (receiving)', await stopApp(), join(tmpdir(), 'tl-sync-browser-app-b.cpuprofile'));
        reportProfile('raw B (receiving)', await stopRaw(), join(tmpdir(), 'tl-sync-browser-raw-b.cpuprofile'));
      };
    }
    const appMs = await appTrial(app.a, app.b, `Edit ${i} ${Math.random().toString(36).slice(2, 8)}`);
    const rawMs = await rawTrial(RA.page, RB.page, 'k', `v${i}`);
    const rawDomMs = await rawDomTrial(RA.page, RB.page, `Edit ${i} ${Math.random().toString(36).slice(2, 8)}`);
    if (i >= WARMUP) {
      appVisible.push(appMs.visible);
      appSettled.push(appMs.settled);
      rawSamples.push(rawMs);
      rawDomVisible.push(rawDomMs.visible);
      rawDomSettled.push(rawDomMs.settled);
      appLegs.push(appMs.legs);
      rawDomLegs.push(rawDomMs.legs);
    }
  }
  await stopProfiles?.();
  const appStats = summarise(appVisible);
  const appDone = summarise(appSettled);
  const rawStats = summarise(rawSamples);
  const rawDom = summarise(rawDomVisible);
  const rawDomDone = summarise(rawDomSettled);
  const round = (n: number) => Math.round(n * 100) / 100;
  const ratio = (a: { median: number; p95: number }, b: { median: number; p95: number }) => ({ median: round(a.median / b.median), p95: round(a.p95 / b.p95) });
  const results = {
    command: COMMAND,
    trials: TRIALS,
    app: { what: 'note text edited on A (textarea input) → text in a note in B\'s DOM (MutationObserver); relay + WebRTC both on', ...appStats },
    appSettled: { what: 'as app, until the task on B that changed the DOM has finished (a MessageChannel message posted from the MutationObserver): the page is free to paint', ...appDone },
    rawYWebrtc: { what: 'Y.Map.set on A → map observer on B, plain y-webrtc with password, no relay', ...rawStats },
    rawYWebrtcDom: { what: 'Y.Map.set on A → value written into a <p> by a map observer on B, seen by MutationObserver; plain y-webrtc with password, no relay', ...rawDom },
    rawYWebrtcDomSettled: { what: 'as rawYWebrtcDom, until that task on B has finished', ...rawDomDone },
    legs: { what: 'medians of: edit on A → first data-channel send; that send → first arrival on B; arrival → visible', app: medianLegs(appLegs), rawYWebrtcDom: medianLegs(rawDomLegs) },
    ratio: { appVsRaw: ratio(appStats, rawStats), appVsRawDom: ratio(appStats, rawDom), appSettledVsRawDomSettled: ratio(appDone, rawDomDone) },
    targetRatio: 1.2,
  };
  writeResults('sync-browser', results);
  const legLine = (l: { editToSend: number; sendToArrival: number; arrivalToVisible: number }) => `A ${l.editToSend} ms | wire ${l.sendToArrival} ms | B ${l.arrivalToVisible} ms`;
  console.log(`legs (median) app: ${legLine(results.legs.app)} || raw + DOM: ${legLine(results.legs.rawYWebrtcDom)}`);
  const line = (name: string, x: { median: number; p95: number }) => `${name}: median ${round(x.median)} ms, p95 ${round(x.p95)} ms`;
  console.log(`${line('app', appStats)} | ${line('raw y-webrtc', rawStats)} | ratio median ${results.ratio.appVsRaw.median}×, p95 ${results.ratio.appVsRaw.p95}×`);
  console.log(`${line('raw y-webrtc + DOM', rawDom)} | app ratio median ${results.ratio.appVsRawDom.median}×, p95 ${results.ratio.appVsRawDom.p95}×`);
  console.log(`${line('settled: app', appDone)} | ${line('raw + DOM', rawDomDone)} | ratio median ${results.ratio.appSettledVsRawDomSettled.median}×, p95 ${results.ratio.appSettledVsRawDomSettled.p95}×`);
} finally {
  await Promise.all(browsers.map((b) => b.close()));
  raw.close();
  host.stop();
}
