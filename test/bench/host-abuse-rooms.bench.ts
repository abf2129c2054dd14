// Issue 9 item 3 under attack, against the real host as a child process (`npm run bench --
// host-abuse`): peak RSS of the host and a well-behaved participant's join latency
//  - at rest (baseline),
//  - during a flood of 3,000 room claims (sent from 127.0.0.2–9: loopback, i.e. what a
//    malicious program on the facilitator's own computer could do — the worst case, since claims
//    from the network are refused outright; the rooms quota is what bounds this one),
//  - during a push of up to 512 MiB into one room by someone who has its code (per-room quota).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { randomId } from '../../shared/model/ids';
import { MESSAGE_SYNC } from '../../shared/protocol/room-wire';
import { bundleHostCli, startChildHost, timedJoin, withRssSampling, type ChildHost } from './support/host-abuse';
import { deriveKeys, handshake, RawSocket, RelayClient, syncUrl, type RoomKeys } from './support/relay-client';
import { summarise, writeResults } from './support/results';

const CODE = 'ABCDE-FGHJK';
const ADMIN_SECRET = new Uint8Array(32).fill(7);
const MIB = 1024 * 1024;
const CLAIMS = 3_000;
const CLAIM_CONCURRENCY = 24;
const ATTACKER_ADDRESSES = ['127.0.0.2', '127.0.0.3', '127.0.0.4', '127.0.0.5', '127.0.0.6', '127.0.0.7', '127.0.0.8', '127.0.0.9'];
const PUSH_FRAME = 8 * MIB;
const PUSH_TOTAL = 512 * MIB;

function randomKeys(): RoomKeys {
  return { authKey: new Uint8Array(randomBytes(32)), adminKey: new Uint8Array(randomBytes(32)) };
}

async function claim(baseUrl: string, localAddress: string): Promise<string | number> {
  const roomId = randomId(128);
  const socket = new RawSocket(syncUrl(baseUrl, roomId), { localAddress });
  try {
    await socket.opened;
  } catch {
    return 'refused-upgrade';
  }
  const welcome = await handshake(socket, { roomId, keys: randomKeys(), claim: true }).catch(() => null);
  if (welcome) {
    socket.ws.terminate();
    return 'created';
  }
  return (await socket.closed).code;
}

/** File sizes under `dir`, or (`blocks`) what the disk really gives them, folders included, like `du`. */
function dirBytes(dir: string, blocks = false): number {
  let total = blocks ? statSync(dir).blocks * 512 : 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    total += entry.isDirectory() ? dirBytes(full, blocks) : blocks ? statSync(full).blocks * 512 : statSync(full).size;
  }
  return total;
}

/** The child's --data folder, from its command line (the harness makes a fresh one per host). */
function dataDirOf(host: ChildHost): string {
  const args = readFileSync(`/proc/${host.pid}/cmdline`, 'utf8').split('\0');
  return args[args.indexOf('--data') + 1] ?? '';
}

/** Joins `roomId` again and again while `busy()` holds; each join's timings. */
async function joinsDuring(baseUrl: string, roomId: string, keys: RoomKeys, busy: () => boolean, max = 40) {
  const welcome: number[] = [];
  const synced: number[] = [];
  let failures = 0;
  while (busy() && welcome.length + failures < max) {
    try {
      const { client, timing } = await timedJoin(baseUrl, roomId, keys);
      welcome.push(timing.welcomeMs);
      synced.push(timing.syncedMs);
      client.destroy();
    } catch {
      failures++;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { welcome: summarise(welcome), synced: summarise(synced), failures };
}

function bigUpdateMessage(bytes: number): Uint8Array {
  const doc = new Y.Doc();
  doc.getMap('blobs').set(randomBytes(8).toString('hex'), randomBytes(bytes / 2).toString('hex'));
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  syncProtocol.writeUpdate(encoder, Y.encodeStateAsUpdate(doc));
  doc.destroy();
  return encoding.toUint8Array(encoder);
}

async function main(): Promise<void> {
  const work = mkdtempSync(path.join(os.tmpdir(), 'tl-bench-rooms-'));
  const cliPath = await bundleHostCli(work);
  const host = await startChildHost({ cliPath });
  const roomsDir = path.join(dataDirOf(host), 'rooms');
  try {
    const baseUrl = host.baseUrl;
    const roomId = randomId(128);
    const adminKeys = await deriveKeys(CODE, roomId, ADMIN_SECRET);
    const participantKeys = await deriveKeys(CODE, roomId);
    const facilitator = await RelayClient.connect({ baseUrl, roomId, keys: adminKeys, claim: true });
    for (let i = 0; i < 200; i++) facilitator.doc.getMap('notes').set(`n${i}`, `note ${i} ${'x'.repeat(60)}`);
    await new Promise((resolve) => setTimeout(resolve, 300));

    // Made before the flood: a loopback flood uses up the rooms quota (that is what bounds it).
    const otherRoom = randomId(128);
    const other = await RelayClient.connect({ baseUrl, roomId: otherRoom, keys: await deriveKeys(CODE, otherRoom, ADMIN_SECRET), claim: true });

    const baseline = await withRssSampling(host, () => joinsDuring(baseUrl, roomId, participantKeys, () => true, 15));

    // Claim flood.
    let flooding = true;
    const outcomes: Record<string, number> = {};
    const flood = withRssSampling(host, async () => {
      const started = performance.now();
      let next = 0;
      await Promise.all(
        Array.from({ length: CLAIM_CONCURRENCY }, async (_, worker) => {
          while (next < CLAIMS) {
            next++;
            const outcome = String(await claim(baseUrl, ATTACKER_ADDRESSES[worker % ATTACKER_ADDRESSES.length] as string));
            outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
          }
        }),
      );
      flooding = false;
      return performance.now() - started;
    });
    const duringFlood = await joinsDuring(baseUrl, roomId, participantKeys, () => flooding);
    const floodRun = await flood;
    const afterFlood = {
      roomsOnDisk: readdirSync(roomsDir).length,
      fileKiB: Math.round(dirBytes(roomsDir) / 1024),
      duKiB: Math.round(dirBytes(roomsDir, true) / 1024),
    };

    // Quota push into the facilitator's room by a participant; timed joins go to the other room.
    let pushing = true;
    const push = withRssSampling(host, async () => {
      const socket = new RawSocket(syncUrl(baseUrl, roomId), { localAddress: '127.0.0.2' });
      await socket.opened;
      await handshake(socket, { roomId, keys: participantKeys });
      let sent = 0;
      while (sent < PUSH_TOTAL && socket.closeCode === undefined) {
        const message = bigUpdateMessage(PUSH_FRAME);
        socket.send(message);
        sent += message.length;
        while (socket.ws.readyState === socket.ws.OPEN && socket.ws.bufferedAmount > 0) await new Promise((resolve) => setTimeout(resolve, 5));
        // Paced a little, so the timed joins meet the push at several points of it.
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      const closed = await socket.closed;
      pushing = false;
      return { sentMiB: Math.round(sent / MIB), closeCode: closed.code };
    });
    const duringPush = await joinsDuring(baseUrl, otherRoom, await deriveKeys(CODE, otherRoom), () => pushing);
    const pushRun = await push;
    facilitator.destroy();
    other.destroy();

    const results = {
      alive: host.alive(),
      baseline: { join: baseline.result, peakRssMiB: Math.round(baseline.maxRssBytes / MIB) },
      claimFlood: {
        claims: CLAIMS,
        outcomes,
        durationMs: Math.round(floodRun.result),
        join: duringFlood,
        peakRssMiB: Math.round(floodRun.maxRssBytes / MIB),
        ...afterFlood,
      },
      quotaPush: {
        ...pushRun.result,
        roomFileMiB: Math.round((dirBytes(path.join(roomsDir, roomId)) / MIB) * 10) / 10,
        join: duringPush,
        peakRssMiB: Math.round(pushRun.maxRssBytes / MIB),
      },
      hostPeakRssMiB: Math.round(host.peakRssBytes() / MIB),
    };
    writeResults('host-abuse-rooms', results);
    console.log(JSON.stringify(results, null, 2));
  } finally {
    await host.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
