import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLOSE } from '../../../shared/protocol/room-wire';
import { computeProof } from '../../../shared/protocol/access';
import { handshake } from '../../bench/support/relay-client';
import { createFixture, rawRequest, type Fixture } from './helpers';
import {
  adminKeys,
  eventually,
  facilitator,
  newRoomId,
  notes,
  participant,
  participantKeys,
  rawSocket,
  startTestHost,
  WRONG_CODE,
  type TestHost,
} from './sync-helpers';

let fixture: Fixture;
let host: TestHost;
const logs: string[] = [];

beforeEach(async () => {
  fixture = createFixture();
  logs.length = 0;
  host = await startTestHost(fixture, {}, (line) => logs.push(line));
});
afterEach(async () => {
  await host.close();
  fixture.remove();
});

describe('/sync handshake', () => {
  it('lets the facilitator claim a room and a participant with the right code receive its doc', async () => {
    const roomId = newRoomId();
    const a = await facilitator(host, roomId);
    expect(a.admin).toBe(true);
    notes(a).set('n1', 'Solar roofs on schools');
    const b = await participant(host, roomId);
    expect(b.admin).toBe(false);
    await b.synced;
    await eventually(() => notes(b).get('n1') === 'Solar roofs on schools');
    // And back: B's edit reaches A through the relay.
    notes(b).set('n2', 'Bike lanes');
    await eventually(() => notes(a).get('n2') === 'Bike lanes');
    a.destroy();
    b.destroy();
  });

  it('sends the challenge first, then welcome with a ticket and the connection count', async () => {
    const roomId = newRoomId();
    const a = await facilitator(host, roomId);
    const socket = await rawSocket(host, roomId);
    const welcome = await handshake(socket, { roomId, keys: await participantKeys(roomId) });
    expect(socket.frames[0]).toMatchObject({ kind: 'text', message: { t: 'challenge', v: 1 } });
    expect(welcome).toMatchObject({ t: 'welcome', admin: false, connections: 2 });
    expect(welcome?.ticket).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(await socket.nextText('presence')).toEqual({ t: 'presence', connections: 2 });
    a.destroy();
    socket.close();
  });

  it('closes a wrong code with 4401 before sending any content', async () => {
    const roomId = newRoomId();
    const a = await facilitator(host, roomId);
    notes(a).set('secret', 'only for invited people');
    const socket = await rawSocket(host, roomId);
    expect(await handshake(socket, { roomId, keys: await participantKeys(roomId, WRONG_CODE) })).toBeNull();
    expect((await socket.closed).code).toBe(CLOSE.WRONG_CODE);
    expect(socket.binaryFrames).toBe(0);
    expect(socket.frames.map((f) => (f.kind === 'text' ? f.message.t : 'binary'))).toEqual(['challenge']);
    a.destroy();
  });

  it('closes an unknown room with 4404 and creates nothing', async () => {
    const roomId = newRoomId();
    const socket = await rawSocket(host, roomId);
    expect(await handshake(socket, { roomId, keys: await participantKeys(roomId) })).toBeNull();
    expect((await socket.closed).code).toBe(CLOSE.UNKNOWN_ROOM);
    expect(host.sync.rooms.activeRoomIds).toEqual([]);
  });

  it('answers a claim for an existing room like a hello (stored keys decide)', async () => {
    const roomId = newRoomId();
    const a = await facilitator(host, roomId);
    // Same code, different admin secret: joins, but is not admin.
    const other = await adminKeys(roomId);
    const socket = await rawSocket(host, roomId);
    const welcome = await handshake(socket, { roomId, keys: { authKey: other.authKey, adminKey: new Uint8Array(32).fill(1) }, claim: true });
    expect(welcome).toMatchObject({ t: 'welcome', admin: false });
    a.destroy();
    socket.close();
  });

  it('refuses a self-inconsistent claim without creating the room', async () => {
    const roomId = newRoomId();
    const keys = await adminKeys(roomId);
    const socket = await rawSocket(host, roomId);
    const challenge = await socket.nextText('challenge');
    const proof = await computeProof(new Uint8Array(32), roomId, 'sync', challenge?.nonce ?? '');
    socket.send({ t: 'claim', authKey: Buffer.from(keys.authKey).toString('base64url'), adminKey: Buffer.from(keys.adminKey ?? []).toString('base64url'), proof, adminProof: proof });
    expect((await socket.closed).code).toBe(CLOSE.WRONG_CODE);
    expect(await host.sync.rooms.exists(roomId)).toBe(false);
  });

  it('closes with 4400 on a binary frame before welcome', async () => {
    const roomId = newRoomId();
    const socket = await rawSocket(host, roomId);
    await socket.nextText('challenge');
    socket.send(new Uint8Array([0, 0, 1, 0]));
    expect((await socket.closed).code).toBe(CLOSE.PROTOCOL);
  });

  it.each([
    ['not JSON', '{hello'],
    ['an array', '[]'],
    ['an unknown type', JSON.stringify({ t: 'hi' })],
    ['a hello without proof', JSON.stringify({ t: 'hello' })],
    ['a proof of the wrong shape', JSON.stringify({ t: 'hello', proof: 'x'.repeat(10) })],
    ['rotate before welcome', JSON.stringify({ t: 'rotate', authKey: 'A'.repeat(43) })],
    ['an oversized text frame', JSON.stringify({ t: 'hello', proof: 'x'.repeat(100_000) })],
  ])('closes with 4400 on %s during the handshake', async (_name, text) => {
    const socket = await rawSocket(host, newRoomId());
    await socket.nextText('challenge');
    socket.send(text);
    expect((await socket.closed).code).toBe(CLOSE.PROTOCOL);
  });

  it('closes a socket that never answers the challenge', async () => {
    await host.close();
    host = await startTestHost(fixture, { handshakeTimeoutMs: 100 });
    const socket = await rawSocket(host, newRoomId());
    expect((await socket.closed).code).toBe(CLOSE.PROTOCOL);
  });

  it('refuses a malformed room id with HTTP 400', async () => {
    const res = await rawRequest(host.port, '/sync/short', { headers: { Connection: 'Upgrade', Upgrade: 'websocket', 'Sec-WebSocket-Version': '13', 'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==' } });
    expect(res.status).toBe(400);
  });

  it('rate-limits wrong proofs per address with 4429, even for the right code afterwards', async () => {
    await host.close();
    host = await startTestHost(fixture, { failedProofsPerMinute: 3 });
    const roomId = newRoomId();
    const a = await facilitator(host, roomId);
    const wrong = await participantKeys(roomId, WRONG_CODE);
    for (let i = 0; i < 3; i++) {
      const s = await rawSocket(host, roomId);
      await handshake(s, { roomId, keys: wrong });
      expect((await s.closed).code).toBe(CLOSE.WRONG_CODE);
    }
    const s = await rawSocket(host, roomId);
    expect(await handshake(s, { roomId, keys: await participantKeys(roomId) })).toBeNull();
    expect((await s.closed).code).toBe(CLOSE.RATE_LIMITED);
    a.destroy();
  });

  it('limits connections per room', async () => {
    await host.close();
    host = await startTestHost(fixture, { connectionsPerRoom: 2 });
    const roomId = newRoomId();
    const a = await facilitator(host, roomId);
    const b = await participant(host, roomId);
    const s = await rawSocket(host, roomId);
    expect(await handshake(s, { roomId, keys: await participantKeys(roomId) })).toBeNull();
    expect((await s.closed).code).toBe(CLOSE.RATE_LIMITED);
    a.destroy();
    b.destroy();
  });

  it('never logs a join code, key or ticket', async () => {
    const roomId = newRoomId();
    const a = await facilitator(host, roomId);
    const text = logs.join('\n');
    expect(text).not.toContain(a.ticket);
    expect(text).not.toContain('ABCDE');
    expect(text).not.toContain(roomId);
    a.destroy();
  });
});
