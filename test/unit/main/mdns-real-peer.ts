/**
 * The processes of mdns-real.test.ts. Bundled with esbuild into one CommonJS file and started
 * inside a loopback-only network namespace (`unshare -n`), then run in one of four roles:
 *
 *   driver     orchestrates the others (fork), prints one `MDNS-REPORT {json}` line, exits
 *   advertise  the real advertiseHost() from main/host/mdns-advertise.ts, plus a tiny HTTP server
 *              on the advertised port so the URL the browser finds can be opened
 *   browse     one real findNearbyHosts() with the production bonjourBrowser() (main/mdns-browse.ts),
 *              reports the hosts, then must exit on its own (no sockets or timers left behind)
 *   observe    a plain bonjour-service Browser (the library the app uses) for up/down events, plus
 *              every mDNS response on the wire, decoded, for the TXT and goodbye checks
 *
 * The driver refuses to start anything unless the process sees loopback interfaces only.
 */
import { fork, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import Bonjour from 'bonjour-service';
import { advertiseHost } from '../../../main/host/mdns-advertise';
import { findNearbyHosts, MDNS_SERVICE_TYPE } from '../../../main/mdns-browse';
import type { NearbyHost } from '../../../shared/protocol/ipc';

export const REPORT_PREFIX = 'MDNS-REPORT ';
/** Set to '1' by the test for the bundled peer; the roles below run only then. */
export const PEER_ENV = 'TL_MDNS_PEER';
/** Served by the advertiser's HTTP server, so the test knows a found URL reaches that process. */
export const HOST_BODY = 'transition-lab mdns-real advertiser';

export interface SeenService {
  name: string;
  port: number;
  host: string;
  addresses: string[];
  referer: string | undefined;
  txt: unknown;
  at: number;
}

export interface WireRecord {
  section: 'answer' | 'additional';
  name: string;
  type: string;
  ttl: number;
  data: unknown;
  from: string;
  at: number;
}

export interface ScanResult {
  hosts: NearbyHost[];
  /** findNearbyHosts() duration. */
  scanMs: number;
  /** From the result to the process exiting by itself; undefined if it had to be killed. */
  exitMs: number | undefined;
  exitCode: number | null;
}

export interface Report {
  ok: boolean;
  error?: string;
  interfaces: string[];
  hostname: string;
  version: string;
  port?: number;
  advertiserLog: string[];
  observerUp: SeenService[];
  observerDown: SeenService[];
  firstScan?: ScanResult;
  fetched?: { url: string; status: number; body: string };
  /** How long advertiseHost's stop() took, measured in the advertiser. */
  stopMs?: number;
  secondScan?: ScanResult;
  advertiserExit?: { code: number | null; signal: string | null; ms: number; killed: boolean };
  wire: WireRecord[];
  /** Milliseconds since the driver started, per step. */
  timeline: Record<string, number>;
}

type AdvertiserMessage = { kind: 'advertising'; port: number } | { kind: 'stopped'; ms: number; log: string[] };
type ObserverMessage =
  | { kind: 'ready' }
  | { kind: 'up'; service: SeenService }
  | { kind: 'down'; service: SeenService }
  | { kind: 'wire'; records: WireRecord[] };
type BrowserMessage = { kind: 'hosts'; hosts: NearbyHost[]; scanMs: number };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function send(message: unknown): void {
  process.send?.(message);
}

// ----- advertise ---------------------------------------------------------------------------------

async function advertise(version: string): Promise<void> {
  const log: string[] = [];
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain', connection: 'close' });
    res.end(HOST_BODY);
  });
  await new Promise<void>((resolve) => server.listen(0, '0.0.0.0', resolve));
  const { port } = server.address() as AddressInfo;
  const ad = advertiseHost(port, version, (line) => log.push(line));
  send({ kind: 'advertising', port } satisfies AdvertiserMessage);
  process.on('message', (message: { kind: string }) => {
    if (message.kind === 'stop') {
      const started = Date.now();
      void ad.stop().then(() => send({ kind: 'stopped', ms: Date.now() - started, log } satisfies AdvertiserMessage));
    } else if (message.kind === 'exit') {
      // Nothing else may keep the process alive: bonjour-service must have closed its socket and
      // cleared its timers in stop().
      server.close();
      process.disconnect();
    }
  });
}

// ----- browse ------------------------------------------------------------------------------------

async function browse(): Promise<void> {
  const started = Date.now();
  const hosts = await findNearbyHosts();
  send({ kind: 'hosts', hosts, scanMs: Date.now() - started } satisfies BrowserMessage);
  process.disconnect();
  // From here the process must exit by itself: the driver measures how long that takes.
}

// ----- observe -----------------------------------------------------------------------------------

interface RawRecord {
  name: string;
  type: string;
  ttl?: number;
  data: unknown;
}
interface RawPacket {
  answers?: RawRecord[];
  additionals?: RawRecord[];
}
interface RawMdns {
  on(event: 'response', listener: (packet: RawPacket, rinfo: { address: string }) => void): void;
  once(event: 'ready', listener: () => void): void;
}

function wireData(data: unknown): unknown {
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  if (Array.isArray(data)) return data.map(wireData);
  return data;
}

function seen(service: Bonjour.Service): SeenService {
  return {
    name: service.name,
    port: service.port,
    host: service.host,
    addresses: [...(service.addresses ?? [])],
    referer: service.referer?.address,
    txt: service.txt,
    at: Date.now(),
  };
}

function observe(): void {
  const bonjour = new Bonjour.Bonjour({}, (error: Error) => console.error(`observer: ${error.message}`));
  // bonjour-service 1.4.4 keeps its multicast-dns instance in a private field; reading every
  // response on the wire is what lets the test check the TXT record and the goodbye packets.
  const mdns = (bonjour as unknown as { server: { mdns: RawMdns } }).server.mdns;
  const wire: WireRecord[] = [];
  mdns.on('response', (packet, rinfo) => {
    const at = Date.now();
    for (const [section, records] of [['answer', packet.answers], ['additional', packet.additionals]] as const) {
      for (const r of records ?? []) {
        wire.push({ section, name: r.name, type: r.type, ttl: r.ttl ?? -1, data: wireData(r.data), from: rinfo.address, at });
      }
    }
  });
  const browser = bonjour.find({ type: MDNS_SERVICE_TYPE });
  browser.on('up', (service) => send({ kind: 'up', service: seen(service) } satisfies ObserverMessage));
  browser.on('down', (service) => send({ kind: 'down', service: seen(service) } satisfies ObserverMessage));
  mdns.once('ready', () => send({ kind: 'ready' } satisfies ObserverMessage));
  process.on('message', (message: { kind: string }) => {
    if (message.kind !== 'finish') return;
    browser.stop();
    bonjour.destroy();
    send({ kind: 'wire', records: wire } satisfies ObserverMessage);
    process.disconnect();
  });
}

// ----- driver ------------------------------------------------------------------------------------

class Peer<M extends { kind: string }> {
  readonly messages: M[] = [];
  readonly exited: Promise<{ code: number | null; signal: string | null; at: number }>;
  private waiters: Array<() => void> = [];

  constructor(readonly child: ChildProcess) {
    child.on('message', (message) => {
      this.messages.push(message as M);
      for (const wake of this.waiters.splice(0)) wake();
    });
    this.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal, at: Date.now() })));
  }

  /** The first message of that kind (already received or the next one), or an error after ms. */
  async next<K extends M['kind']>(kind: K, ms: number, after = 0): Promise<Extract<M, { kind: K }>> {
    const deadline = Date.now() + ms;
    for (;;) {
      const found = this.messages.slice(after).find((m) => m.kind === kind);
      if (found) return found as Extract<M, { kind: K }>;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no '${kind}' message within ${ms} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  tell(kind: string): void {
    if (this.child.connected) this.child.send({ kind });
  }
}

function start<M extends { kind: string }>(...args: string[]): Peer<M> {
  return new Peer<M>(fork(process.argv[1]!, args, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }));
}

/** Waits up to ms for the process to exit by itself; kills it otherwise. */
async function exitOf(peer: Peer<{ kind: string }>, from: number, ms: number) {
  const timer = sleep(ms).then(() => undefined);
  const exit = await Promise.race([peer.exited, timer]);
  if (exit) return { code: exit.code, signal: exit.signal, ms: exit.at - from, killed: false };
  peer.child.kill('SIGKILL');
  const killed = await peer.exited;
  return { code: killed.code, signal: killed.signal, ms: killed.at - from, killed: true };
}

async function scan(): Promise<ScanResult> {
  const browser = start<BrowserMessage>('browse');
  const { hosts, scanMs } = await browser.next('hosts', 10_000);
  const resultAt = Date.now();
  const exit = await exitOf(browser, resultAt, 2000);
  return { hosts, scanMs, exitMs: exit.killed ? undefined : exit.ms, exitCode: exit.code };
}

function get(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent: false, timeout: 2000 }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('timeout', () => req.destroy(new Error(`GET ${url} timed out`)));
    req.on('error', reject);
  });
}

async function drive(version: string): Promise<void> {
  const t0 = Date.now();
  const interfaces = Object.entries(os.networkInterfaces()).flatMap(([name, entries]) =>
    (entries ?? []).map((e) => `${name} ${e.address}${e.internal ? '' : ' (external)'}`),
  );
  const report: Report = {
    ok: false,
    interfaces,
    hostname: os.hostname(),
    version,
    advertiserLog: [],
    observerUp: [],
    observerDown: [],
    wire: [],
    timeline: {},
  };
  const mark = (step: string) => (report.timeline[step] = Date.now() - t0);
  const finish = (code: number) => {
    process.stdout.write(`\n${REPORT_PREFIX}${JSON.stringify(report)}\n`, () => process.exit(code));
  };

  if (interfaces.some((line) => line.endsWith('(external)'))) {
    report.error = 'refusing to multicast: this process sees a non-loopback interface (not in a loopback-only namespace)';
    finish(2);
    return;
  }

  const peers: Array<Peer<{ kind: string }>> = [];
  const watchdog = setTimeout(() => {
    report.error = `driver watchdog: gave up after 15 s (timeline ${JSON.stringify(report.timeline)})`;
    for (const p of peers) p.child.kill('SIGKILL');
    finish(1);
  }, 15_000);

  try {
    const observer = start<ObserverMessage>('observe');
    peers.push(observer);
    await observer.next('ready', 5000);
    mark('observer ready');

    const advertiser = start<AdvertiserMessage>('advertise', version);
    peers.push(advertiser);
    report.port = (await advertiser.next('advertising', 5000)).port;
    mark('advertising');

    // The announcement (after bonjour-service's ~750 ms name probe) reaches the observer...
    await observer.next('up', 5000);
    mark('observer saw announcement');
    // ...and a browse started now finds the host by querying (the "join nearby session" dialog).
    report.firstScan = await scan();
    mark('first scan done');

    const url = report.firstScan.hosts[0]?.urls[0];
    if (url) {
      report.fetched = { url, ...(await get(url)) };
      mark('fetched found URL');
    }

    const downsBefore = observer.messages.length;
    advertiser.tell('stop');
    const stopped = await advertiser.next('stopped', 5000);
    report.stopMs = stopped.ms;
    report.advertiserLog = stopped.log;
    mark('advertiser stopped');
    await observer.next('down', 3000, downsBefore).catch(() => undefined);
    mark('observer saw goodbye (or gave up)');

    // The stopped advertiser's process is still running: it must not answer any more.
    report.secondScan = await scan();
    mark('second scan done');

    const exitFrom = Date.now();
    advertiser.tell('exit');
    report.advertiserExit = await exitOf(advertiser, exitFrom, 3000);
    mark('advertiser exited');

    observer.tell('finish');
    report.wire = (await observer.next('wire', 3000)).records;
    for (const m of observer.messages) {
      if (m.kind === 'up') report.observerUp.push(m.service);
      if (m.kind === 'down') report.observerDown.push(m.service);
    }
    await exitOf(observer, Date.now(), 2000);
    mark('observer exited');
    report.ok = true;
  } catch (error) {
    report.error = (error as Error).stack ?? String(error);
    for (const p of peers) p.child.kill('SIGKILL');
  }
  clearTimeout(watchdog);
  finish(report.ok ? 0 : 1);
}

// ----- entry -------------------------------------------------------------------------------------

// Only in the bundle started by the test (the variable is inherited by forks): importing this
// module for its types and constants runs nothing.
const [role, arg] = process.env[PEER_ENV] === '1' ? process.argv.slice(2) : [];
if (role === 'driver') void drive(arg ?? '0.0.0');
else if (role === 'advertise') void advertise(arg ?? '0.0.0');
else if (role === 'browse') void browse();
else if (role === 'observe') observe();
else if (role !== undefined) throw new Error(`unknown role ${role}`);
