// Quotas on what the host stores (issue 9 item 3): bytes per room and disk use overall. A refused
// update is neither applied, stored nor relayed; the socket is closed with its own code, and the
// facilitator's app turns that code into a translated message instead of retrying.
import { randomBytes } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import * as encoding from 'lib0/encoding';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { en } from '../../../shared/i18n/en';
import { pl } from '../../../shared/i18n/pl';
import { CLOSE, MESSAGE_SYNC } from '../../../shared/protocol/room-wire';
import { roomDir } from '../../../main/host/sync/room-storage';
import { relayFatalMessageKey } from '../../../renderer/sync/relay-state';
import { handshake, RawSocket, RelayClient, syncUrl } from '../../bench/support/relay-client';
import { bundleHostChild, spawnChildHost, type ChildHost } from './child-host';
import { createFixture, type Fixture } from './helpers';
import { claimOutcome, startHostWith } from './room-claims-helpers';
import { adminKeys, appRelay, eventually, facilitator, newRoomId, notes, participant, participantKeys, type TestHost } from './sync-helpers';

const MIB = 1024 * 1024;

let fixture: Fixture;
let host: TestHost | undefined;
let child: ChildHost | undefined;
let bundle: { file: string; remove(): void };

beforeAll(async () => {
  bundle = await bundleHostChild();
});
afterAll(() => bundle.remove());
beforeEach(() => {
  fixture = createFixture();
});
afterEach(async () => {
  await host?.close();
  await child?.kill9();
  host = undefined;
  child = undefined;
  fixture.remove();
});

/** A sync-update message carrying `bytes` of fresh content, made without keeping a doc around. */
function bigUpdateMessage(bytes: number): Uint8Array {
  const doc = new Y.Doc();
  // A key of its own: content under one shared key would replace (and free) the previous one.
  doc.getMap('blobs').set(randomBytes(8).toString('hex'), randomBytes(bytes / 2).toString('hex'));
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  syncProtocol.writeUpdate(encoder, Y.encodeStateAsUpdate(doc));
  doc.destroy();
  return encoding.toUint8Array(encoder);
}

function dirBytes(dir: string): number {
  return readdirSync(dir).reduce((sum, name) => sum + statSync(path.join(dir, name)).size, 0);
}

/** Sends frames until the host closes the socket or `limit` bytes went out; waits for each to drain. */
async function push(socket: RawSocket, frameBytes: number, limit: number): Promise<{ sent: number; code: number }> {
  let sent = 0;
  while (sent < limit && socket.closeCode === undefined) {
    const message = bigUpdateMessage(frameBytes);
    socket.send(message);
    sent += message.length;
    const deadline = Date.now() + 20_000;
    while (socket.ws.readyState === WebSocket.OPEN && socket.ws.bufferedAmount > 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    // Let the host's answer (a close) arrive before the next frame.
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return { sent, code: (await socket.closed).code };
}

describe('room quotas', () => {
  it('refuses a 512 MiB push at the per-room quota (default 32 MiB): bounded file and memory, others still sync', async () => {
    child = await spawnChildHost(bundle.file, { dataDir: fixture.dataDir, staticDir: fixture.staticDir });
    const baseUrl = child.baseUrl;
    const roomId = newRoomId();
    const otherRoom = newRoomId();
    const f = await RelayClient.connect({ baseUrl, roomId, keys: await adminKeys(roomId), claim: true });
    notes(f).set('agenda', 'before the push');
    const g = await RelayClient.connect({ baseUrl, roomId: otherRoom, keys: await adminKeys(otherRoom), claim: true });

    // Anyone with the code of a room (a participant) pushes 8 MiB updates, up to 512 MiB.
    const attacker = new RawSocket(syncUrl(baseUrl, roomId));
    await attacker.opened;
    expect(await handshake(attacker, { roomId, keys: await participantKeys(roomId) })).not.toBeNull();
    const pushing = push(attacker, 8 * MIB, 512 * MIB);
    // Meanwhile a participant of another room joins and edits.
    const q = await RelayClient.connect({ baseUrl, roomId: otherRoom, keys: await participantKeys(otherRoom) });
    notes(q).set('during', 'the push');
    await eventually(() => notes(g).get('during') === 'the push', 20_000);
    const { sent, code } = await pushing;

    expect(code).toBe(CLOSE.ROOM_TOO_LARGE);
    // Stopped long before 512 MiB. What the attacker counts as sent includes frames still in the
    // sockets' buffers when the close arrives, more of them on a busy machine (72 MiB seen in CI);
    // the host's own bounds are the file and memory checks below.
    expect(sent).toBeLessThan(128 * MIB);
    // What stays on disk. A compaction that was under way when the push stopped briefly holds the
    // new snapshot's temp file beside the old snapshot and logs (48 MiB seen on a busy CI machine);
    // it ends by deleting what the snapshot covers.
    await eventually(() => dirBytes(roomDir(fixture.dataDir, roomId)) <= 32 * MIB + 64 * 1024, 20_000);
    expect(child.log.join('\n')).toMatch(/refused an update of \d+ bytes: the room would pass its size limit \(33554432 bytes\)/);
    // The host is alive, and a newcomer to the pushed room still joins and syncs.
    const late = await RelayClient.connect({ baseUrl, roomId, keys: await participantKeys(roomId) });
    await late.synced;
    expect(notes(late).get('agenda')).toBe('before the push');
    const peak = child.peakRss();
    console.info(`room-quotas: 512 MiB push refused after ${(sent / MIB).toFixed(0)} MiB sent; host peak RSS ${(peak / MIB).toFixed(0)} MiB`);
    // Before the quota the host reached 1.7 GB here; a generous bound, not a speed target.
    expect(peak).toBeLessThan(700 * MIB);
    for (const c of [f, g, q, late]) c.destroy();
  }, 120_000);

  it('refuses updates and new rooms past the disk quota for all rooms (HOST_DISK_FULL)', async () => {
    const logs: string[] = [];
    host = await startHostWith(fixture, { limits: { diskBytes: 600 * 1024, roomBytes: 1024 * 1024 }, log: (line) => logs.push(line) });
    const first = newRoomId();
    const second = newRoomId();
    const a = await facilitator(host, first);
    const b = await facilitator(host, second);
    const attacker = new RawSocket(syncUrl(host.baseUrl, first));
    await attacker.opened;
    await handshake(attacker, { roomId: first, keys: await participantKeys(first) });
    const { code } = await push(attacker, 32 * 1024, 4 * MIB);
    expect(code).toBe(CLOSE.HOST_DISK_FULL);
    expect(logs.join('\n')).toMatch(/the host's storage limit \(614400 bytes for all rooms\) is reached/);
    const usage = await host.sync.rooms.usageNow();
    expect(usage.bytes).toBeLessThanOrEqual(600 * 1024);
    // Every room is affected alike, and no new room is created.
    const before = notes(b).size;
    const bigger = new RawSocket(syncUrl(host.baseUrl, second));
    await bigger.opened;
    await handshake(bigger, { roomId: second, keys: await participantKeys(second) });
    expect((await push(bigger, 64 * 1024, MIB)).code).toBe(CLOSE.HOST_DISK_FULL);
    expect(notes(b).size).toBe(before);
    expect(await claimOutcome(host.baseUrl, newRoomId())).toBe(CLOSE.HOST_DISK_FULL);
    // Joining (and reading) still works when the disk quota is used up.
    const p = await participant(host, first);
    await p.synced;
    a.destroy();
    b.destroy();
    p.destroy();
  });

  it("stops the facilitator's app with a translated message instead of retrying (en and pl)", async () => {
    host = await startHostWith(fixture, { limits: { roomBytes: 64 * 1024 }, mayCreateRooms: () => false });
    const roomId = newRoomId();
    const { relay, states } = appRelay(host.baseUrl, roomId, await adminKeys(roomId));
    relay.connect();
    await eventually(() => states.some((s) => s.kind === 'stopped'), 10_000);
    relay.destroy();
    const stopped = states.find((s) => s.kind === 'stopped');
    expect(stopped).toEqual({ kind: 'stopped', reason: 'claimRefused' });
    const key = relayFatalMessageKey('claimRefused');
    const lookup = (catalog: unknown) => key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)?.[k], catalog);
    expect(lookup(en)).toMatch(/only lets the facilitator’s own computer start sessions/);
    expect(lookup(pl)).toMatch(/tylko z komputera facylitatora/);
    for (const fatal of ['tooManyRooms', 'roomTooLarge', 'hostDiskFull'] as const) {
      const other = relayFatalMessageKey(fatal);
      expect(other).toBe(`hostLimits.${fatal}`);
      for (const catalog of [en, pl]) expect(other.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)?.[k], catalog)).toEqual(expect.any(String));
    }
    // The existing refusals keep their messages.
    expect(relayFatalMessageKey('wrongCode')).toBe('connection.wrongCode');
  });
});
