import * as encoding from 'lib0/encoding';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { CLOSE, MESSAGE_SYNC } from '../../../shared/protocol/room-wire';
import { FRAME_BINARY, WireChannel, type FrameKind } from '../../../shared/protocol/wire-crypto';
import { handshake, type RawSocket } from '../../bench/support/relay-client';
import { createFixture, type Fixture } from './helpers';
import { eventually, facilitator, newRoomId, notes, participant, participantKeys, rawSocket, startTestHost, type TestHost } from './sync-helpers';

let fixture: Fixture;
let host: TestHost;
beforeEach(async () => {
  fixture = createFixture();
  host = await startTestHost(fixture, { syncMessageBytes: 256 * 1024 });
});
afterEach(async () => {
  await host.close();
  fixture.remove();
});

function syncFrame(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

function updateSetting(key: string, value: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getMap<string>('notes').set(key, value);
  return Y.encodeStateAsUpdate(doc);
}

/** A room with a facilitator and one participant, plus a raw socket that has passed the handshake. */
async function roomWithIntruder() {
  const roomId = newRoomId();
  const a = await facilitator(host, roomId);
  const b = await participant(host, roomId);
  const raw = await rawSocket(host, roomId);
  expect(await handshake(raw, { roomId, keys: await participantKeys(roomId) })).not.toBeNull();
  return { roomId, a, b, raw };
}

/** The room still relays between the well-behaved sockets. */
async function roomStillWorks(a: { doc: Y.Doc }, b: { doc: Y.Doc }, key: string): Promise<void> {
  a.doc.getMap<string>('notes').set(key, 'still fine');
  await eventually(() => b.doc.getMap<string>('notes').get(key) === 'still fine');
}

describe('/sync relay input handling', () => {
  it.each([
    ['garbage varints', new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff])],
    ['an empty frame', new Uint8Array([])],
    ['an unknown message type', new Uint8Array([9, 0])],
    ['an unknown sync step', new Uint8Array([0, 7, 0])],
    ['a truncated step 1', new Uint8Array([0, 0, 50, 1])],
    ['a garbage update', syncFrame((e) => syncProtocol.writeUpdate(e, new Uint8Array([200, 1, 2, 3, 4, 5])))],
    ['trailing bytes', (() => { const f = syncFrame((e) => syncProtocol.writeUpdate(e, updateSetting('x', 'y'))); return new Uint8Array([...f, 1, 2, 3]); })()],
    ['a truncated awareness update', new Uint8Array([1, 20, 1])],
  ])('closes only the sender on %s', async (_name, frame) => {
    const { a, b, raw } = await roomWithIntruder();
    raw.send(frame);
    expect((await raw.closed).code).toBe(CLOSE.PROTOCOL);
    await roomStillWorks(a, b, 'after');
    a.destroy();
    b.destroy();
  });

  it.each([
    ['a frame with one bit flipped', (raw: RawSocket, frame: Uint8Array) => {
      const sealed = raw.channel?.seal(FRAME_BINARY, frame) ?? new Uint8Array();
      sealed[sealed.length >> 1] = (sealed[sealed.length >> 1] as number) ^ 0x10;
      raw.sendRaw(sealed);
    }],
    ['a frame sent ahead of its turn', (raw: RawSocket, frame: Uint8Array) => {
      raw.channel?.seal(FRAME_BINARY, frame);
      raw.sendRaw(raw.channel?.seal(FRAME_BINARY, frame) ?? new Uint8Array());
    }],
    ['a plaintext binary frame after the handshake', (raw: RawSocket, frame: Uint8Array) => raw.sendRaw(frame)],
    ['a plaintext text frame after the handshake', (raw: RawSocket) => raw.sendRaw(JSON.stringify({ t: 'remove', clientIds: [1] }))],
    ['a frame of an unknown kind', (raw: RawSocket, frame: Uint8Array) => raw.sendRaw(raw.channel?.seal(7 as FrameKind, frame) ?? new Uint8Array())],
    ['a frame sealed with a key of another channel', (raw: RawSocket, frame: Uint8Array) =>
      raw.sendRaw(new WireChannel(new Uint8Array(32).fill(1), new Uint8Array(32)).seal(FRAME_BINARY, frame))],
  ])('closes only the sender on %s, and applies nothing from it', async (_name, inject) => {
    const { a, b, raw } = await roomWithIntruder();
    inject(raw, syncFrame((e) => syncProtocol.writeUpdate(e, updateSetting('forged', 'should not land'))));
    expect((await raw.closed).code).toBe(CLOSE.PROTOCOL);
    await roomStillWorks(a, b, 'after-tamper');
    expect(notes(a).get('forged')).toBeUndefined();
    expect(notes(b).get('forged')).toBeUndefined();
    a.destroy();
    b.destroy();
  });

  it('closes only the sender on a replayed frame', async () => {
    const { a, b, raw } = await roomWithIntruder();
    const sealed = raw.channel?.seal(FRAME_BINARY, syncFrame((e) => syncProtocol.writeUpdate(e, updateSetting('once', 'valid the first time')))) ?? new Uint8Array();
    raw.sendRaw(sealed);
    await eventually(() => notes(b).get('once') === 'valid the first time');
    raw.sendRaw(sealed);
    expect((await raw.closed).code).toBe(CLOSE.PROTOCOL);
    await roomStillWorks(a, b, 'after-replay');
    a.destroy();
    b.destroy();
  });

  it('closes an oversized frame (1009 from ws) without touching the room', async () => {
    const { a, b, raw } = await roomWithIntruder();
    raw.send(new Uint8Array(300 * 1024));
    expect((await raw.closed).code).toBe(1009);
    await roomStillWorks(a, b, 'after-big');
    a.destroy();
    b.destroy();
  });

  it('accepts an update before step 1 (Yjs updates commute) and relays it', async () => {
    const { a, b, raw } = await roomWithIntruder();
    raw.send(syncFrame((e) => syncProtocol.writeUpdate(e, updateSetting('early', 'bird'))));
    await eventually(() => notes(a).get('early') === 'bird' && notes(b).get('early') === 'bird');
    expect(raw.closeCode).toBeUndefined();
    raw.close();
    a.destroy();
    b.destroy();
  });

  it('treats step 2 twice as idempotent', async () => {
    const { a, b, raw } = await roomWithIntruder();
    const update = updateSetting('twice', 'once');
    const step2 = syncFrame((e) => {
      encoding.writeVarUint(e, syncProtocol.messageYjsSyncStep2);
      encoding.writeVarUint8Array(e, update);
    });
    raw.send(step2);
    raw.send(step2);
    raw.send(syncFrame((e) => { encoding.writeVarUint(e, syncProtocol.messageYjsSyncStep2); encoding.writeVarUint8Array(e, update); }));
    await eventually(() => notes(b).get('twice') === 'once');
    expect(raw.closeCode).toBeUndefined();
    expect(notes(a).size).toBe(1);
    await roomStillWorks(a, b, 'later');
    raw.close();
    a.destroy();
    b.destroy();
  });

  it('relays awareness to every socket and removes it when the socket leaves', async () => {
    const roomId = newRoomId();
    const a = await participant(host, roomId).catch(() => null);
    expect(a).toBeNull(); // unknown room until the facilitator claims it
    const f = await facilitator(host, roomId);
    const p1 = await participant(host, roomId);
    const p2 = await participant(host, roomId);
    await eventually(() => p2.awareness?.getStates().has(p1.doc.clientID) === true);
    await eventually(() => p1.awareness?.getStates().has(p2.doc.clientID) === true);
    p1.destroy();
    await eventually(() => p2.awareness?.getStates().has(p1.doc.clientID) === false);
    f.destroy();
    p2.destroy();
  });

  it('broadcasts presence when sockets come and go', async () => {
    const roomId = newRoomId();
    const f = await facilitator(host, roomId);
    const p = await participant(host, roomId);
    const presence = () => f.socket.frames.flatMap((fr) => (fr.kind === 'text' && fr.message.t === 'presence' ? [fr.message.connections] : []));
    await eventually(() => presence().includes(2));
    p.destroy();
    await eventually(() => presence().at(-1) === 1 && presence().length >= 3);
    expect(presence()).toEqual([1, 2, 1]);
    f.destroy();
  });
});
