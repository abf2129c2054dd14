import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deriveAuthKey, deriveRoomKey, toBase64Url } from '../../../shared/protocol/access';
import { findRoomByCode, readLookupResponse, ROOM_LOOKUP_PATH } from '../../../shared/protocol/room-lookup';
import { createFixture, type Fixture } from './helpers';
import { CODE, facilitator, newRoomId, participantKeys, startTestHost, WRONG_CODE, type TestHost } from './sync-helpers';

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

async function lookup(): Promise<{ status: number; text: string; cache: string | null }> {
  const response = await fetch(`http://127.0.0.1:${host.port}${ROOM_LOOKUP_PATH}`);
  return { status: response.status, text: await response.text(), cache: response.headers.get('cache-control') };
}

const authKeyOf = (code: string) => async (roomId: string) => deriveAuthKey(await deriveRoomKey(code, roomId));

describe('GET /rooms (find a room by its join code)', () => {
  it('lists open rooms so that the right code finds its room and a wrong code finds none; the code and keys never appear', async () => {
    const empty = await lookup();
    expect(empty.status).toBe(200);
    expect(JSON.parse(empty.text)).toEqual({ rooms: [] });

    const mine = newRoomId();
    const other = newRoomId();
    const f1 = await facilitator(host, mine);
    const f2 = await facilitator(host, other, 'QRSTU-VWXYZ');
    const listed = await lookup();
    expect(listed.cache).toBe('no-store');
    const rooms = readLookupResponse(JSON.parse(listed.text));
    expect(rooms.map((r) => r.id).sort()).toEqual([mine, other].sort());

    expect(await findRoomByCode(rooms, authKeyOf(CODE))).toBe(mine);
    expect(await findRoomByCode(rooms, authKeyOf('qrstu vwxyz'))).toBe(other);
    expect(await findRoomByCode(rooms, authKeyOf(WRONG_CODE))).toBeNull();

    // What the host stores (the authKey) and the code itself stay off the wire.
    const keys = await participantKeys(mine);
    expect(listed.text).not.toContain(toBase64Url(keys.authKey));
    expect(listed.text).not.toContain('ABCDE');
    f1.destroy();
    f2.destroy();
  });

  it('drops malformed entries from a host it does not trust', () => {
    expect(readLookupResponse(null)).toEqual([]);
    expect(readLookupResponse({ rooms: [{ id: '../../etc', check: 'x' }, { id: 'a'.repeat(25), check: 'b'.repeat(43) }, 7] })).toEqual([
      { id: 'a'.repeat(25), check: 'b'.repeat(43) },
    ]);
  });
});
