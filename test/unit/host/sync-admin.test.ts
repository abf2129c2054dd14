import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toBase64Url } from '../../../shared/protocol/access';
import { CLOSE } from '../../../shared/protocol/room-wire';
import { handshake, RawSocket } from '../../bench/support/relay-client';
import { createFixture, type Fixture } from './helpers';
import { eventually, facilitator, newRoomId, notes, participant, participantKeys, rawSocket, startTestHost, type TestHost } from './sync-helpers';

let fixture: Fixture;
let host: TestHost;
beforeEach(async () => {
  fixture = createFixture();
  host = await startTestHost(fixture);
});
afterEach(async () => {
  await host.close();
  fixture.remove();
});

function signal(ticket: string): RawSocket {
  return new RawSocket(`ws://127.0.0.1:${host.port}/signal?ticket=${ticket}`);
}

describe('/sync admin messages', () => {
  it('rotate: closes the others (sync and signal) with 4402, refuses the old code, accepts the new one', async () => {
    const roomId = newRoomId();
    const f = await facilitator(host, roomId);
    const p = await participant(host, roomId);
    const pSignal = signal(p.ticket);
    const fSignal = signal(f.ticket);
    await Promise.all([pSignal.opened, fSignal.opened]);

    const newKeys = await participantKeys(roomId, 'NEWCO-DE234');
    f.socket.send({ t: 'rotate', authKey: toBase64Url(newKeys.authKey) });
    expect(await f.socket.nextText('rotated')).toEqual({ t: 'rotated' });
    expect((await p.socket.closed).code).toBe(CLOSE.CODE_CHANGED);
    expect((await pSignal.closed).code).toBe(CLOSE.CODE_CHANGED);
    // The facilitator's own sockets and ticket survive.
    expect(f.connected).toBe(true);
    expect(fSignal.closeCode).toBeUndefined();
    expect(host.tickets.roomOf(p.ticket)).toBeNull();
    expect(host.tickets.roomOf(f.ticket)).toBe(roomId);

    const old = await rawSocket(host, roomId);
    expect(await handshake(old, { roomId, keys: await participantKeys(roomId) })).toBeNull();
    expect((await old.closed).code).toBe(CLOSE.WRONG_CODE);
    const fresh = await rawSocket(host, roomId);
    expect(await handshake(fresh, { roomId, keys: newKeys })).toMatchObject({ t: 'welcome' });
    // Persisted: access.json holds the new key.
    await eventually(() => host.sync.rooms.get(roomId)?.access.authKey.every((b, i) => b === newKeys.authKey[i]) === true);
    // The facilitator's channel keeps its keys (derived from the old code) and keeps syncing.
    const late = await participant(host, roomId, 'NEWCO-DE234');
    notes(f).set('after-rotate', 'still flowing');
    await eventually(() => notes(late).get('after-rotate') === 'still flowing');
    late.destroy();
    fresh.close();
    fSignal.close();
    f.destroy();
  });

  it('remove: closes the sockets whose awareness ids were named with 4403, and their signaling', async () => {
    const roomId = newRoomId();
    const f = await facilitator(host, roomId);
    const p1 = await participant(host, roomId);
    const p2 = await participant(host, roomId);
    const p1Signal = signal(p1.ticket);
    await p1Signal.opened;
    // The host learns which awareness ids a socket controls from its awareness updates.
    await eventually(() => host.sync.rooms.get(roomId)?.awareness.getStates().has(p1.doc.clientID) === true);
    f.socket.send({ t: 'remove', clientIds: [p1.doc.clientID] });
    expect((await p1.socket.closed).code).toBe(CLOSE.REMOVED);
    expect((await p1Signal.closed).code).toBe(CLOSE.REMOVED);
    expect(host.tickets.roomOf(p1.ticket)).toBeNull();
    expect(p2.connected).toBe(true);
    f.destroy();
    p2.destroy();
  });

  it.each([
    ['rotate', (key: string) => ({ t: 'rotate', authKey: key })],
    ['remove', () => ({ t: 'remove', clientIds: [1] })],
  ])('closes a participant (non-admin) who sends %s with 4400, leaving the code unchanged', async (_name, build) => {
    const roomId = newRoomId();
    const f = await facilitator(host, roomId);
    const p = await participant(host, roomId);
    p.socket.send(build(toBase64Url(new Uint8Array(32))));
    expect((await p.socket.closed).code).toBe(CLOSE.PROTOCOL);
    expect(f.connected).toBe(true);
    const again = await participant(host, roomId);
    expect(again.connected).toBe(true);
    f.destroy();
    again.destroy();
  });

  it('closes on a second hello after welcome', async () => {
    const roomId = newRoomId();
    const f = await facilitator(host, roomId);
    f.socket.send({ t: 'hello', proof: 'A'.repeat(43) });
    expect((await f.socket.closed).code).toBe(CLOSE.PROTOCOL);
  });
});
