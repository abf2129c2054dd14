// The lab-network hub at the scale: 200 sessions of 300 notes published to two hub
// instances behind one Redis (20 labs, half through each instance), and a coordinator on instance
// two holding all 200 live. Measured: publishing time, the time until the coordinator sees a new
// note (p50/p95, across instances through Redis and, as the baseline in the same run, on the same
// instance), and each hub process's memory per loaded session (RSS growth / sessions).
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as M from '../../shared/model';
import { hubDocumentName, parseHubToken } from '../../shared/protocol/hub';
import { openHubStore } from '../../main/hub/hub-store';
import { HubLink } from '../../renderer/sync/hub-link';
import { startRedis } from '../support/redis-server';
import { freePort, spawnServer } from '../support/spawn-server';
import { summarise, writeResults } from './support/results';

const SESSIONS = Number(process.env.TL_BENCH_SESSIONS ?? 200);
const NOTES = 300;
const LABS = 20;
const TRIALS = 60;

const rssMiB = (child: ChildProcess): number => {
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
};

async function until(check: () => boolean, what: string, timeoutMs = 120_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

function sessionDoc(i: number): { doc: Y.Doc; boardId: string } {
  const doc = new Y.Doc();
  const { boardId } = M.createSessionContent(doc, { title: `Session ${i}`, firstBoardTitle: 'Ideas', now: 1 });
  for (let n = 0; n < NOTES; n++) {
    M.addNote(doc, { boardId, pos: { x: (n % 20) * 220, y: Math.floor(n / 20) * 220 }, now: 2 + n, text: `Session ${i}, idea ${n}: district heating and safe cycling routes`, authorName: `P${n % 25}` });
  }
  return { doc, boardId };
}

const redis = await startRedis();
const data = mkdtempSync(join(tmpdir(), 'tl-bench-hub-'));
const store = await openHubStore(data);
const labTokens: string[] = [];
for (let i = 0; i < LABS; i++) labTokens.push((await store.addLab(i % 2 ? 'CZ' : 'PL', `Lab ${i}`)).token);
const coordToken = (await store.addCoordinator(null)).token;
await store.close();

const hubs: ChildProcess[] = [];
const ports: number[] = [];
for (const name of ['one', 'two']) {
  const port = await freePort();
  const { child } = await spawnServer(['scripts/hub.mjs', '--port', String(port), '--data', data, '--redis', redis.url, '--name', name]);
  hubs.push(child);
  ports.push(port);
}
const link = (port: number, token: string) => new HubLink({ address: `http://127.0.0.1:${port}`, token, WebSocketImpl: WebSocket });
await new Promise((r) => setTimeout(r, 500));
const idleMiB = hubs.map(rssMiB);

// Labs with an even index publish through instance one, odd through two; one socket per lab.
const labLinks = labTokens.map((token, i) => link(ports[i % 2]!, token));
const sessions = Array.from({ length: SESSIONS }, (_, i) => {
  const lab = i % LABS;
  const { doc, boardId } = sessionDoc(i);
  return { lab, doc, boardId, name: hubDocumentName(parseHubToken(labTokens[lab]!)!.id, `s${i}`) };
});
const publishStart = performance.now();
for (const s of sessions) labLinks[s.lab]!.open(s.name, s.doc);
await until(() => labLinks.every((l) => l.allSent()), 'every session published');
const publishMs = performance.now() - publishStart;
await new Promise((r) => setTimeout(r, 1000));
const publishedMiB = hubs.map(rssMiB);

// The coordinator on instance two opens every session (instance two then holds all 200).
const coordinator = link(ports[1]!, coordToken);
let complete = 0;
const loadStart = performance.now();
const copies = sessions.map((s) => {
  const copy = new Y.Doc();
  const onUpdate = () => {
    if (M.listNotes(copy, s.boardId).length < NOTES) return;
    copy.off('update', onUpdate);
    complete++;
    if (process.env.TL_BENCH_TRACE) console.log(`complete ${complete} at ${Math.round(performance.now() - loadStart)} ms`);
  };
  copy.on('update', onUpdate);
  coordinator.open(s.name, copy);
  return copy;
});
await until(() => complete === SESSIONS, 'the coordinator holding all sessions', 300_000);
const coordinatorLoadMs = performance.now() - loadStart;
await new Promise((r) => setTimeout(r, 1000));
const loadedMiB = hubs.map(rssMiB);

/** Adds a note on a lab's copy and times until the coordinator's copy has it. */
async function trial(index: number): Promise<number> {
  const s = sessions[index]!;
  const copy = copies[index]!;
  const text = `new ${index} ${performance.now()}`;
  const seen = new Promise<number>((resolve) => {
    const onUpdate = () => {
      if (M.listNotes(copy, s.boardId).some((n) => n.text === text)) {
        copy.off('update', onUpdate);
        resolve(performance.now());
      }
    };
    copy.on('update', onUpdate);
  });
  const t0 = performance.now();
  M.addNote(s.doc, { boardId: s.boardId, pos: { x: 0, y: 9000 }, now: Date.now(), text });
  return (await seen) - t0;
}

const cross: number[] = [];
const same: number[] = [];
for (let t = 0; t < TRIALS; t++) {
  // Even labs publish through one (coordinator on two: through Redis); odd labs through two.
  cross.push(await trial((t * 2 * 7) % SESSIONS));
  same.push(await trial(((t * 2 + 1) * 7) % SESSIONS));
  await new Promise((r) => setTimeout(r, 20));
}

const perSession = (after: number, before: number, count: number) => ((after - before) * 1024) / count;
const results = {
  sessions: SESSIONS,
  notesPerSession: NOTES,
  labs: LABS,
  publishAllMs: Math.round(publishMs),
  coordinatorLoadAllMs: Math.round(coordinatorLoadMs),
  newNoteAtCoordinatorMs: {
    acrossInstancesViaRedis: summarise(cross),
    sameInstanceBaseline: summarise(same),
    ratioP95: summarise(cross).p95 / summarise(same).p95,
  },
  hubRssMiB: { idle: idleMiB, afterPublish: publishedMiB, withCoordinator: loadedMiB },
  // Instance one holds the 100 sessions published through it; instance two holds all 200 once the coordinator reads them.
  hubKiBPerSession: {
    instanceOne: Math.round(perSession(loadedMiB[0]!, idleMiB[0]!, SESSIONS / 2)),
    instanceTwo: Math.round(perSession(loadedMiB[1]!, idleMiB[1]!, SESSIONS)),
  },
};
writeResults('hub', results);
console.table({
  'publish 200 sessions (ms)': results.publishAllMs,
  'coordinator loads all (ms)': results.coordinatorLoadAllMs,
  'new note → coordinator p50, across (ms)': results.newNoteAtCoordinatorMs.acrossInstancesViaRedis.median.toFixed(1),
  'new note → coordinator p95, across (ms)': results.newNoteAtCoordinatorMs.acrossInstancesViaRedis.p95.toFixed(1),
  'same instance p95 (ms)': results.newNoteAtCoordinatorMs.sameInstanceBaseline.p95.toFixed(1),
  'KiB per session, instance one': results.hubKiBPerSession.instanceOne,
  'KiB per session, instance two': results.hubKiBPerSession.instanceTwo,
});

coordinator.destroy();
for (const l of labLinks) l.destroy();
// The hubs store and exit first; Redis goes last.
await Promise.all(hubs.map((child) => new Promise((resolve) => {
  child.once('exit', resolve);
  child.kill('SIGTERM');
})));
await redis.stop();
rmSync(data, { recursive: true, force: true });
process.exit(0);
