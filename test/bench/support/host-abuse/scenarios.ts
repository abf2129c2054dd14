/**
 * One attack against a fresh real host process, with a facilitator's room, a participant who
 * joins while the attack runs and again after it, and the host's memory sampled throughout.
 * The tests assert on the result; the benchmark prints and stores it.
 */
import { WebSocket } from 'ws';
import { randomId } from '../../../../shared/model/ids';
import { deriveKeys, RelayClient, type RoomKeys } from '../relay-client';
import { bigFramesAttack } from './big-frames';
import { startChildHost, withRssSampling, type ChildHost } from './child-host';
import { deepJsonAttack } from './deep-json';
import { handshakeFlood } from './handshake-flood';
import { ticketFlood } from './ticket-flood';
import { timedJoin, type JoinTiming } from './well-behaved';
import { wrongProofsAttack } from './wrong-proofs';

export const CODE = 'ABCDE-FGHJK';
const ADMIN_SECRET = new Uint8Array(32).fill(7);

export interface AttackContext {
  host: ChildHost;
  roomId: string;
  /** The facilitator (claimed the room from 127.0.0.1); its ticket is what a sniffer could read. */
  facilitator: RelayClient;
  participantKeys: RoomKeys;
}

export interface Attack {
  name: string;
  /** What was done, in words (for the benchmark's JSON). */
  description: string;
  run(ctx: AttackContext): Promise<unknown>;
}

/** Attackers' source addresses: other devices than the participant's 127.0.0.1. */
const ATTACKERS = ['127.0.0.2', '127.0.0.3', '127.0.0.4', '127.0.0.5'];

export const ATTACKS: readonly Attack[] = [
  { name: 'none', description: 'no attack (baseline)', run: async () => ({}) },
  {
    name: 'deep-json',
    description: '6,000-deep nested JSON published 20 times on /signal with a sniffed ticket',
    run: async (ctx) => deepJsonAttack(ctx.host.port, ctx.facilitator.ticket, ctx.roomId, { times: 20 }),
  },
  {
    name: 'big-frames',
    description: '64 sockets (4 addresses) each start a 64 MiB binary frame on /sync before any proof',
    run: async (ctx) => {
      const parts = await Promise.all(
        ATTACKERS.map((localAddress) => bigFramesAttack(ctx.host.port, ctx.roomId, { sockets: 16, localAddress, timeoutMs: 20_000 })),
      );
      return parts.reduce((a, b) => ({ upgraded: a.upgraded + b.upgraded, refused: a.refused + b.refused, bytesWritten: a.bytesWritten + b.bytesWritten }));
    },
  },
  {
    name: 'handshake-flood',
    description: '512 /sync sockets from 16 addresses take the challenge and never answer (held 1.5 s); all slots taken',
    run: async (ctx) => {
      const addresses = Array.from({ length: 16 }, (_, i) => `127.0.2.${i + 1}`);
      const flood = await handshakeFlood(ctx.host.port, ctx.roomId, { sockets: 512, localAddresses: addresses });
      await new Promise((resolve) => setTimeout(resolve, 1500));
      flood.release();
      return { upgraded: flood.upgraded, refused: flood.refused };
    },
  },
  {
    name: 'ticket-flood',
    description: '400 joins with the code, each closed right after welcome (8 at a time)',
    run: async (ctx) => ticketFlood(ctx.host.baseUrl, ctx.roomId, ctx.participantKeys, { count: 400, concurrency: 8 }),
  },
  {
    name: 'wrong-proofs',
    description: '2 rounds of 64 wrong proofs sent at once from one address, the room not in memory',
    run: async (ctx) => {
      const first = await wrongProofsAttack(ctx.host.baseUrl, ctx.roomId, { count: 64, localAddress: '127.0.0.2' });
      const second = await wrongProofsAttack(ctx.host.baseUrl, ctx.roomId, { count: 64, localAddress: '127.0.0.2' });
      return { first, second, checked: first.wrongCode + second.wrongCode };
    },
  },
];

export interface ScenarioResult {
  attack: string;
  alive: boolean;
  /** RSS after the room was set up and one participant had joined and left. */
  baselineRssBytes: number;
  /** Highest RSS sampled (every 20 ms) while the attack ran. */
  attackPeakRssBytes: number;
  /** VmHWM: the process's peak RSS since it started. */
  processPeakRssBytes: number;
  /** Participants who joined while the attack ran (at least one, started 50 ms in, then every 100 ms, up to 10). */
  joinsDuring: JoinTiming[];
  joinAfter: JoinTiming;
  /** The participant who joined during the attack still had the facilitator's later edit. */
  syncedAfter: boolean;
  /** That participant's signaling (re)connects with its ticket after the attack. */
  signalingAfter: boolean;
  attackResult: unknown;
  /** Host log lines written during the attack. */
  logLines: number;
  error?: string;
}

/**
 * Runs `attack` against a fresh host from `cliPath`. Never throws for the host's failures: they
 * are in the result (alive false, error), so the benchmark can record them too.
 */
export async function runScenario(
  cliPath: string,
  attack: Attack,
  options: { roomOnDisk?: boolean; /** Extra host flags (e.g. quotas). */ hostArgs?: string[] } = {},
): Promise<ScenarioResult> {
  const host = await startChildHost({ cliPath, args: options.hostArgs });
  const roomId = randomId(128);
  const result: ScenarioResult = {
    attack: attack.name,
    alive: true,
    baselineRssBytes: 0,
    attackPeakRssBytes: 0,
    processPeakRssBytes: 0,
    joinsDuring: [],
    joinAfter: { welcomeMs: Number.NaN, syncedMs: Number.NaN },
    syncedAfter: false,
    signalingAfter: false,
    attackResult: undefined,
    logLines: 0,
  };
  const clients: RelayClient[] = [];
  try {
    const participantKeys = await deriveKeys(CODE, roomId);
    const adminKeys = await deriveKeys(CODE, roomId, ADMIN_SECRET);
    const facilitator = await RelayClient.connect({ baseUrl: host.baseUrl, roomId, keys: adminKeys, claim: true });
    clients.push(facilitator);
    facilitator.doc.getMap<string>('notes').set('agenda', 'Transition lab, morning');
    const warm = await timedJoin(host.baseUrl, roomId, participantKeys);
    warm.client.destroy();
    if (options.roomOnDisk) {
      // Everyone leaves so the room unloads (the host keeps an empty room 10 s): the attack then
      // meets it on disk, where every proof waits for a load. The facilitator comes back after.
      await facilitator.disconnect();
      await new Promise((resolve) => setTimeout(resolve, 11_000));
    }
    result.baselineRssBytes = host.rssBytes();
    const logBefore = host.log.length;

    const sampled = await withRssSampling(host, async () => {
      let attackDone = false;
      const running = attack.run({ host, roomId, facilitator, participantKeys }).finally(() => {
        attackDone = true;
      });
      await new Promise((resolve) => setTimeout(resolve, 50));
      do {
        const joined = await timedJoin(host.baseUrl, roomId, participantKeys);
        clients.push(joined.client);
        result.joinsDuring.push(joined.timing);
        // Spread over the attack (a flood takes a moment to fill the host).
        await new Promise((resolve) => setTimeout(resolve, 100));
      } while (!attackDone && result.joinsDuring.length < 10);
      return running;
    });
    result.attackResult = sampled.result;
    result.attackPeakRssBytes = sampled.maxRssBytes;
    result.logLines = host.log.length - logBefore;

    if (!facilitator.connected) await facilitator.connect();
    const after = await timedJoin(host.baseUrl, roomId, participantKeys);
    clients.push(after.client);
    result.joinAfter = after.timing;
    // An edit after the attack reaches the participant who joined during it.
    const during = clients.find((c) => c !== facilitator && c.connected && c !== after.client);
    facilitator.doc.getMap<string>('notes').set('after', 'still in sync');
    result.syncedAfter = during ? await until(() => during.doc.getMap<string>('notes').get('after') === 'still in sync', 5000) : false;
    result.signalingAfter = during ? await signalingOpens(host.port, during.ticket) : false;
  } catch (error) {
    result.error = error instanceof Error ? error.message : String(error);
  } finally {
    result.alive = host.alive();
    result.processPeakRssBytes = host.peakRssBytes();
    for (const c of clients) c.destroy();
    await host.stop();
  }
  return result;
}

/** Opens /signal with `ticket` from 127.0.0.1: true once upgraded, false if refused or too slow. */
function signalingOpens(port: number, ticket: string): Promise<boolean> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/signal?ticket=${encodeURIComponent(ticket)}`, { perMessageDeflate: false });
    const timer = setTimeout(() => done(false), 5000);
    function done(ok: boolean): void {
      clearTimeout(timer);
      ws.terminate();
      resolve(ok);
    }
    ws.once('open', () => done(true));
    ws.once('unexpected-response', () => done(false));
    ws.once('error', () => done(false));
  });
}

async function until(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return true;
}
