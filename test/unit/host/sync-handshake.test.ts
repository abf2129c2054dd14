import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLOSE } from '../../../shared/protocol/room-wire';
import { computeProof, toBase64Url } from '../../../shared/protocol/access';
import { handshakeTranscript, newEphemeralKeyPair, sealClaim, sharedSecret } from '../../../shared/protocol/wire-crypto';
import { handshake, type RawSocket } from '../../bench/support/relay-client';
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
    expect(socket.frames[0]).toMatchObject({ kind: 'text', message: { t: 'challenge', v: 2 } });
    expect((socket.frames[0] as { message: { key: string } }).message.key).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(welcome).toMatchObject({ t: 'welcome', admin: false, connections: 2 });
    expect(welcome?.ticket).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(await socket.nextText('presence')).toEqual({ t: 'presence', connections: 2 });
    // Everything after the challenge (welcome and presence included) arrived as sealed binary frames.
    expect(socket.binaryFrames).toBe(socket.frames.length - 1);
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
    if (!challenge) throw new Error('no challenge');
    const own = newEphemeralKeyPair();
    const shared = sharedSecret(own.secretKey, challenge.key);
    const proof = await computeProof(new Uint8Array(32), roomId, 'sync', handshakeTranscript(challenge.nonce, challenge.key, own.publicKey));
    socket.send({ t: 'claim', key: own.publicKey, sealed: sealClaim(shared, { authKey: keys.authKey, adminKey: keys.adminKey ?? new Uint8Array(32) }), proof, adminProof: proof });
    expect((await socket.closed).code).toBe(CLOSE.WRONG_CODE);
    expect(await host.sync.rooms.exists(roomId)).toBe(false);
  });

  it('refuses a claim of an existing room made with another code, and keeps the stored keys', async () => {
    const roomId = newRoomId();
    const a = await facilitator(host, roomId);
    notes(a).set('n', 'kept from intruders');
    const stored = host.sync.rooms.get(roomId)?.access;
    const socket = await rawSocket(host, roomId);
    // Self-consistent keys of another code: enough to create a room, not to take over this one.
    const intruder = await adminKeys(roomId, WRONG_CODE);
    expect(await handshake(socket, { roomId, keys: { ...intruder, adminKey: new Uint8Array(32).fill(3) }, claim: true })).toBeNull();
    expect((await socket.closed).code).toBe(CLOSE.WRONG_CODE);
    expect(socket.binaryFrames).toBe(0);
    expect(host.sync.rooms.get(roomId)?.access).toBe(stored);
    const p = await participant(host, roomId);
    await eventually(() => notes(p).get('n') === 'kept from intruders');
    a.destroy();
    p.destroy();
  });

  it('closes with 4400 on a claim whose sealed keys do not open, creating nothing', async () => {
    const roomId = newRoomId();
    const keys = await adminKeys(roomId);
    const socket = await rawSocket(host, roomId);
    const challenge = await socket.nextText('challenge');
    if (!challenge) throw new Error('no challenge');
    const own = newEphemeralKeyPair();
    const transcript = handshakeTranscript(challenge.nonce, challenge.key, own.publicKey);
    // Sealed for another key exchange, e.g. by a man in the middle who swapped the host's key.
    const elsewhere = sharedSecret(newEphemeralKeyPair().secretKey, challenge.key);
    socket.send({
      t: 'claim',
      key: own.publicKey,
      sealed: sealClaim(elsewhere, { authKey: keys.authKey, adminKey: keys.adminKey ?? new Uint8Array(32) }),
      proof: await computeProof(keys.authKey, roomId, 'sync', transcript),
      adminProof: await computeProof(keys.adminKey ?? new Uint8Array(32), roomId, 'sync', transcript),
    });
    expect((await socket.closed).code).toBe(CLOSE.PROTOCOL);
    expect(await host.sync.rooms.exists(roomId)).toBe(false);
  });

  it('refuses a proof made for other ephemeral keys (a man in the middle cannot forward it)', async () => {
    const roomId = newRoomId();
    const a = await facilitator(host, roomId);
    const keys = await participantKeys(roomId);
    const socket = await rawSocket(host, roomId);
    const challenge = await socket.nextText('challenge');
    if (!challenge) throw new Error('no challenge');
    const client = newEphemeralKeyPair();
    const attacker = newEphemeralKeyPair();
    // The participant answered the attacker's key; the attacker forwards that answer to the host.
    const proof = await computeProof(keys.authKey, roomId, 'sync', handshakeTranscript(challenge.nonce, attacker.publicKey, client.publicKey));
    socket.send({ t: 'hello', key: client.publicKey, proof });
    expect((await socket.closed).code).toBe(CLOSE.WRONG_CODE);
    expect(socket.binaryFrames).toBe(0);
    a.destroy();
  });

  it('closes with 4400 on a low-order public key, before checking any proof', async () => {
    const roomId = newRoomId();
    const a = await facilitator(host, roomId);
    const socket = await rawSocket(host, roomId);
    await socket.nextText('challenge');
    socket.send({ t: 'hello', key: toBase64Url(new Uint8Array(32)), proof: 'A'.repeat(43) });
    expect((await socket.closed).code).toBe(CLOSE.PROTOCOL);
    a.destroy();
  });

  it('refuses a v1 client cleanly: no content, no room, its plaintext keys never stored', async () => {
    const roomId = newRoomId();
    const keys = await adminKeys(roomId);
    const v1Claim = async (socket: RawSocket) => {
      const challenge = await socket.nextText('challenge');
      const nonce = challenge?.nonce ?? '';
      socket.send({
        t: 'claim',
        authKey: toBase64Url(keys.authKey),
        adminKey: toBase64Url(keys.adminKey ?? new Uint8Array(32)),
        proof: await computeProof(keys.authKey, roomId, 'sync', nonce),
        adminProof: await computeProof(keys.adminKey ?? new Uint8Array(32), roomId, 'sync', nonce),
      });
    };
    const claim = await rawSocket(host, roomId);
    await v1Claim(claim);
    expect((await claim.closed).code).toBe(CLOSE.PROTOCOL);
    expect(await host.sync.rooms.exists(roomId)).toBe(false);

    const a = await facilitator(host, roomId);
    notes(a).set('n', 'v2 only');
    const hello = await rawSocket(host, roomId);
    const challenge = await hello.nextText('challenge');
    hello.send({ t: 'hello', proof: await computeProof(keys.authKey, roomId, 'sync', challenge?.nonce ?? '') });
    expect((await hello.closed).code).toBe(CLOSE.PROTOCOL);
    expect(hello.binaryFrames).toBe(0);
    a.destroy();
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
    ['a hello without proof', JSON.stringify({ t: 'hello', key: 'A'.repeat(43) })],
    ['a hello without key', JSON.stringify({ t: 'hello', proof: 'A'.repeat(43) })],
    ['a key of the wrong length', JSON.stringify({ t: 'hello', key: 'A'.repeat(42), proof: 'A'.repeat(43) })],
    ['a proof of the wrong shape', JSON.stringify({ t: 'hello', key: 'A'.repeat(43), proof: 'x'.repeat(10) })],
    ['a claim without sealed keys', JSON.stringify({ t: 'claim', key: 'A'.repeat(43), proof: 'A'.repeat(43), adminProof: 'A'.repeat(43) })],
    ['rotate before welcome', JSON.stringify({ t: 'rotate', authKey: 'A'.repeat(43) })],
  ])('closes with 4400 on %s during the handshake', async (_name, text) => {
    const socket = await rawSocket(host, newRoomId());
    await socket.nextText('challenge');
    socket.send(text);
    expect((await socket.closed).code).toBe(CLOSE.PROTOCOL);
  });

  it('cuts the connection on an oversized frame during the handshake (refused at its header)', async () => {
    const socket = await rawSocket(host, newRoomId());
    await socket.nextText('challenge');
    socket.send(JSON.stringify({ t: 'hello', proof: 'x'.repeat(100_000) }));
    // 1009 if ws's close frame got out before the cut, 1006 if not: either way, no proof is read.
    expect([1006, 1009]).toContain((await socket.closed).code);
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
