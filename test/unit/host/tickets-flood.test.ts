// Issue 9, item 4, in-process: a ticket flood (joins closed right after welcome) never costs a
// participant their signaling, and rotating the code afterwards still closes every old socket.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toBase64Url } from '../../../shared/protocol/access';
import { CLOSE } from '../../../shared/protocol/room-wire';
import { ticketFlood } from '../../bench/support/host-abuse';
import { RawSocket } from '../../bench/support/relay-client';
import { createFixture, type Fixture } from './helpers';
import { adminKeys, facilitator, newRoomId, participant, participantKeys, startTestHost, type TestHost } from './sync-helpers';

let fixture: Fixture;
let host: TestHost;
beforeEach(async () => {
  fixture = createFixture();
  host = await startTestHost(fixture, { ticketsPerRoom: 10, ticketsTotal: 30 });
});
afterEach(async () => {
  await host.close();
  fixture.remove();
});

function signal(ticket: string): RawSocket {
  return new RawSocket(`ws://127.0.0.1:${host.port}/signal?ticket=${ticket}`);
}

describe('ticket flood', () => {
  it('leaves every ticket in use valid; signaling reconnects after the flood; rotate closes all old signaling', async () => {
    const roomId = newRoomId();
    const f = await facilitator(host, roomId);
    const participants = await Promise.all(Array.from({ length: 3 }, () => participant(host, roomId)));
    const sockets = participants.map((p) => signal(p.ticket));
    await Promise.all(sockets.map((s) => s.opened));

    // Flood in the same room (someone with the code) and in a room of the attacker's own.
    const ownRoom = newRoomId();
    const own = await facilitator(host, ownRoom);
    const inRoom = await ticketFlood(host.baseUrl, roomId, await participantKeys(roomId), { count: 60, concurrency: 4 });
    const ownFlood = await ticketFlood(host.baseUrl, ownRoom, await adminKeys(ownRoom), { count: 60, concurrency: 4 });
    expect(inRoom.welcomed).toBe(60);
    expect(ownFlood.welcomed).toBe(60);
    expect(host.tickets.size).toBeLessThanOrEqual(30 + 6);

    // A participant's signaling drops and reconnects with the same ticket: admitted.
    sockets[0]?.close();
    await sockets[0]?.closed;
    const reconnected = signal(participants[0]?.ticket ?? '');
    await reconnected.opened;
    for (const p of participants) expect(host.tickets.roomOf(p.ticket)).toBe(roomId);

    f.socket.send({ t: 'rotate', authKey: toBase64Url((await participantKeys(roomId, 'NEWCO-DE234')).authKey) });
    expect(await f.socket.nextText('rotated')).toEqual({ t: 'rotated' });
    const codes = await Promise.all([reconnected, ...sockets.slice(1)].map(async (s) => (await s.closed).code));
    expect(codes).toEqual([CLOSE.CODE_CHANGED, CLOSE.CODE_CHANGED, CLOSE.CODE_CHANGED]);
    for (const p of participants) p.destroy();
    own.destroy();
    f.destroy();
  });
});
