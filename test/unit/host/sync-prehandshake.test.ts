// Issue 9, items 2 and 5, against an in-process host with small limits: nothing an unproven peer
// sends is buffered beyond a few KB, handshakes are capped per address and in total, and the
// guessing limit counts proofs that are still being checked.
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MESSAGE_SYNC } from '../../../shared/protocol/room-wire';
import { bigFramesAttack, handshakeFlood, rawUpgrade, wrongProofsAttack } from '../../bench/support/host-abuse';
import { handshake, RawSocket, syncUrl } from '../../bench/support/relay-client';
import { createFixture, type Fixture } from './helpers';
import { eventually, facilitator, newRoomId, notes, participant, participantKeys, startTestHost, type TestHost } from './sync-helpers';

let fixture: Fixture;
let host: TestHost | undefined;
let logs: string[];

beforeEach(() => {
  fixture = createFixture();
  logs = [];
});
afterEach(async () => {
  await host?.close();
  host = undefined;
  fixture.remove();
});

async function start(limits: Parameters<typeof startTestHost>[1] = {}): Promise<TestHost> {
  host = await startTestHost(fixture, limits, (line) => logs.push(line));
  return host;
}

describe('/sync before the proof', () => {
  it('cuts each of 8 sockets that start a 64 MiB frame before the proof, then admits a participant', async () => {
    const h = await start();
    const roomId = newRoomId();
    const f = await facilitator(h, roomId);
    const result = await bigFramesAttack(h.port, roomId, { sockets: 8, bytes: 64 * 1024 * 1024, timeoutMs: 5000 });
    expect(result.upgraded).toBe(8);
    // What the kernel buffers is all that got through before the host hung up (not 8 × 64 MiB).
    expect(result.bytesWritten).toBeLessThan(8 * 16 * 1024 * 1024);
    const p = await participant(h, roomId);
    await p.synced;
    p.destroy();
    f.destroy();
  });

  it('raises the limit after welcome: a 1 MiB update from a joined participant still syncs', async () => {
    const h = await start();
    const roomId = newRoomId();
    const f = await facilitator(h, roomId);
    const p = await participant(h, roomId);
    await p.synced;
    const big = new Y.Doc();
    big.getMap<string>('notes').set('big', 'x'.repeat(1024 * 1024));
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    syncProtocol.writeUpdate(encoder, Y.encodeStateAsUpdate(big));
    p.socket.send(encoding.toUint8Array(encoder));
    await eventually(() => notes(f).get('big')?.length === 1024 * 1024, 5000);
    expect(p.connected).toBe(true);
    f.destroy();
    p.destroy();
  });

  it('cuts a socket that sends more than its byte budget before the proof (pings)', async () => {
    const h = await start({ handshakeBytesPerSocket: 2048 });
    const socket = new RawSocket(syncUrl(h.baseUrl, newRoomId()));
    await socket.opened;
    for (let i = 0; i < 40; i++) socket.ws.ping(Buffer.alloc(100));
    const { code } = await socket.closed;
    expect(code).toBe(1006);
    expect(logs.join('\n')).toContain('bytes before its proof');
  });

  it('caps sockets in the handshake per address (HTTP 429) and gives slots back when they close', async () => {
    const h = await start({ handshakesPerAddress: 3 });
    const roomId = newRoomId();
    const flood = await handshakeFlood(h.port, roomId, { sockets: 5, localAddresses: ['127.0.0.2'] });
    expect(flood.upgraded).toBe(3);
    expect(flood.refused).toBe(2);
    expect((await rawUpgrade(h.port, `/sync/${roomId}`, '127.0.0.2')).status).toBe(429);
    // Another device is not affected.
    const f = await facilitator(h, roomId);
    flood.release();
    await eventually(() => h.sync.handshakesInProgress === 0);
    const again = await rawUpgrade(h.port, `/sync/${roomId}`, '127.0.0.2');
    expect(again.status).toBe(101);
    again.socket.destroy();
    f.destroy();
  });

  it('when the handshake slots are all taken, a participant on a new address still gets in; past fair shares, HTTP 503', async () => {
    const h = await start({ handshakesPerAddress: 4, handshakesTotal: 8 });
    const roomId = newRoomId();
    const f = await facilitator(h, roomId);
    const flood = await handshakeFlood(h.port, roomId, { sockets: 8, localAddresses: ['127.0.0.2', '127.0.0.3'] });
    expect(flood.upgraded).toBe(8);
    expect(h.sync.handshakesInProgress).toBe(8);
    // The participant's handshake takes over the oldest slot of an address holding the most.
    const p = await participant(h, roomId);
    await p.synced;
    expect(logs.join('\n')).toContain('all handshake slots taken');
    // With 8 addresses holding one slot each, a newcomer is refused: evicting would gain nothing.
    flood.release();
    await eventually(() => h.sync.handshakesInProgress === 0);
    const single = await handshakeFlood(h.port, roomId, { sockets: 8, localAddresses: Array.from({ length: 8 }, (_, i) => `127.0.1.${i + 1}`) });
    expect(single.upgraded).toBe(8);
    expect((await rawUpgrade(h.port, `/sync/${roomId}`, '127.0.0.9')).status).toBe(503);
    single.release();
    p.destroy();
    f.destroy();
  });

  it('frees the handshake slot at welcome: joined participants do not count', async () => {
    const h = await start({ handshakesPerAddress: 1 });
    const roomId = newRoomId();
    const f = await facilitator(h, roomId);
    const p1 = await participant(h, roomId);
    const p2 = await participant(h, roomId);
    expect(h.sync.handshakesInProgress).toBe(0);
    expect([f.connected, p1.connected, p2.connected]).toEqual([true, true, true]);
    for (const c of [f, p1, p2]) c.destroy();
  });
});

describe('guessing limit', () => {
  it('checks at most the limit of 30 wrong proofs sent at once to a room not in memory, and logs them', async () => {
    const h = await start({ failedProofsPerMinute: 5, handshakesPerAddress: 64 });
    const roomId = newRoomId();
    const f = await facilitator(h, roomId);
    f.destroy();
    await eventually(() => h.sync.rooms.get(roomId) === undefined, 5000);
    const result = await wrongProofsAttack(h.baseUrl, roomId, { count: 30, localAddress: '127.0.0.2' });
    expect(result.wrongCode).toBeLessThanOrEqual(5);
    expect(result.wrongCode + result.rateLimited).toBe(30);
    const logged = logs.filter((line) => line.includes('wrong join code') || line.includes('too many wrong join codes'));
    expect(logged.length).toBeGreaterThan(0);
    expect(logged.length).toBeLessThanOrEqual(21);
    // The participant on another device still gets in with the right code.
    const p = await participant(h, roomId);
    await p.synced;
    p.destroy();
  });

  it('a correct proof in flight does not count as a failure', async () => {
    const h = await start({ failedProofsPerMinute: 2 });
    const roomId = newRoomId();
    const f = await facilitator(h, roomId);
    const keys = await participantKeys(roomId);
    const sockets = Array.from({ length: 4 }, () => new RawSocket(syncUrl(h.baseUrl, roomId)));
    const welcomes = await Promise.all(sockets.map(async (s) => (await s.opened, handshake(s, { roomId, keys }))));
    // In flight together they may be turned away (4429), but none is recorded as a wrong code.
    expect(welcomes.filter(Boolean).length).toBeGreaterThanOrEqual(2);
    for (const s of sockets) s.ws.terminate();
    const later = await participant(h, roomId);
    expect(later.connected).toBe(true);
    later.destroy();
    f.destroy();
  });
});
