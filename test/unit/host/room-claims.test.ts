// Who may create rooms on the host (issue 9 item 3): claims for unknown rooms only from the
// facilitator's computer, the rooms quota, and no squatting on a room the host already has —
// also after a restart or with its access.json missing or damaged. The "is this the facilitator"
// check is injected here (every test socket comes from 127.0.0.1); room-claims-netns.test.ts
// runs the real address check with a non-loopback address in a private network namespace.
import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLOSE } from '../../../shared/protocol/room-wire';
import { roomDir } from '../../../main/host/sync/room-storage';
import { createFixture, type Fixture } from './helpers';
import { claimOutcome, randomKeys, startHostWith } from './room-claims-helpers';
import { adminKeys, eventually, facilitator, newRoomId, notes, participant, type TestHost } from './sync-helpers';

let fixture: Fixture;
let host: TestHost | undefined;
/** What the injected check answers: is the claimant the facilitator's computer? */
let claimantIsFacilitator = true;
const mayCreateRooms = () => claimantIsFacilitator;

beforeEach(() => {
  fixture = createFixture();
  claimantIsFacilitator = true;
});
afterEach(async () => {
  await host?.close();
  host = undefined;
  fixture.remove();
});

function roomsOnDisk(): string[] {
  const dir = path.join(fixture.dataDir, 'rooms');
  return existsSync(dir) ? readdirSync(dir) : [];
}

describe('room claims', () => {
  it('by default creates rooms for loopback claims only (the real check, every test socket is 127.0.0.1)', async () => {
    host = await startHostWith(fixture);
    expect(await claimOutcome(host.baseUrl, newRoomId())).toBe('welcome');
    expect(roomsOnDisk()).toHaveLength(1);
  });

  it("refuses a claim from a web page of another site in the facilitator's browser (Origin), or a DNS-rebound name", async () => {
    host = await startHostWith(fixture);
    const { port } = host;
    const fromPage = (origin: string, hostHeader = `127.0.0.1:${port}`) =>
      claimOutcome((host as TestHost).baseUrl, newRoomId(), randomKeys(), { origin, headers: { host: hostHeader } });
    // Any site can open ws://127.0.0.1 from the facilitator's browser; the Origin header says who.
    expect(await fromPage('https://evil.example')).toBe(CLOSE.CLAIM_REFUSED);
    expect(await fromPage('null')).toBe(CLOSE.CLAIM_REFUSED);
    // evil.example resolving to 127.0.0.1: same-origin by name, but not our name.
    expect(await fromPage(`http://evil.example:${port}`, `evil.example:${port}`)).toBe(CLOSE.CLAIM_REFUSED);
    expect(roomsOnDisk()).toEqual([]);
    // The app's own pages: served by this host on loopback, and the desktop app.
    expect(await fromPage(`http://127.0.0.1:${port}`)).toBe('welcome');
    expect(await fromPage(`http://localhost:${port}`, `localhost:${port}`)).toBe('welcome');
    expect(await fromPage('app://app')).toBe('welcome');
  });

  it('refuses a claim for an unknown room from anyone else with CLAIM_REFUSED, creating nothing', async () => {
    const logs: string[] = [];
    host = await startHostWith(fixture, { mayCreateRooms, log: (line) => logs.push(line) });
    claimantIsFacilitator = false;
    const roomId = newRoomId();
    expect(await claimOutcome(host.baseUrl, roomId)).toBe(CLOSE.CLAIM_REFUSED);
    expect(roomsOnDisk()).toEqual([]);
    expect(await host.sync.rooms.exists(roomId)).toBe(false);
    expect(logs.join('\n')).toMatch(/Refused a claim for new room .* only the facilitator's computer may create rooms/);
  });

  it('a flood of 3,000 claims from the network leaves nothing on disk, while a participant joins and syncs', async () => {
    const logs: string[] = [];
    host = await startHostWith(fixture, { mayCreateRooms, log: (line) => logs.push(line) });
    const roomId = newRoomId();
    const f = await facilitator(host, roomId);
    notes(f).set('agenda', 'kept');
    claimantIsFacilitator = false;
    const flooding = (async () => {
      const host_ = host as TestHost;
      const outcomes = new Map<string | number, number>();
      // From another address than the participant's (another device), and within the host's cap on
      // handshakes per address (16), so what is measured is the claim refusal, not the 429.
      for (let batch = 0; batch < 3000 / 15; batch++) {
        const results = await Promise.all(
          Array.from({ length: 15 }, () => claimOutcome(host_.baseUrl, newRoomId(), randomKeys(), { localAddress: '127.0.0.2' })),
        );
        for (const r of results) outcomes.set(r, (outcomes.get(r) ?? 0) + 1);
      }
      return outcomes;
    })();
    // During the flood, someone with the code still gets in and gets the content.
    const p = await participant(host, roomId);
    await eventually(() => notes(p).get('agenda') === 'kept', 10_000);
    notes(p).set('during', 'flood');
    await eventually(() => notes(f).get('during') === 'flood', 10_000);
    const outcomes = await flooding;
    f.destroy();
    p.destroy();
    expect(outcomes.get(CLOSE.CLAIM_REFUSED)).toBe(3000);
    expect(roomsOnDisk()).toEqual([roomId]);
    // Refusals are logged, but not one line each.
    expect(logs.filter((line) => line.startsWith('Refused a claim')).length).toBeLessThan(10);
  }, 120_000);

  it('stops creating rooms at the rooms quota (TOO_MANY_ROOMS) even for the facilitator; existing rooms still open', async () => {
    host = await startHostWith(fixture, { limits: { roomsPerHost: 5 } });
    const first = newRoomId();
    const f = await facilitator(host, first);
    f.destroy();
    const outcomes: Array<string | number> = [];
    // In parallel batches: claims for different ids must not all slip past the same count.
    for (let batch = 0; batch < 20; batch++) {
      const base = (host as TestHost).baseUrl;
      // 15 at once: under the host's cap on handshakes per address (16).
      outcomes.push(...(await Promise.all(Array.from({ length: 15 }, () => claimOutcome(base, newRoomId())))));
    }
    expect(outcomes.filter((o) => o === 'welcome')).toHaveLength(4);
    expect(outcomes.filter((o) => o === CLOSE.TOO_MANY_ROOMS)).toHaveLength(296);
    expect(roomsOnDisk()).toHaveLength(5);
    // The count survives a restart (it is taken from the disk).
    await host.close();
    host = await startHostWith(fixture, { limits: { roomsPerHost: 5 } });
    expect(await claimOutcome(host.baseUrl, newRoomId())).toBe(CLOSE.TOO_MANY_ROOMS);
    const again = await facilitator(host, first);
    expect(again.admin).toBe(true);
    again.destroy();
  }, 60_000);

  it('a room the host already has cannot be claimed by someone else after a restart', async () => {
    const roomId = newRoomId();
    host = await startHostWith(fixture, { mayCreateRooms });
    const f = await facilitator(host, roomId);
    notes(f).set('n', 'ours');
    await eventually(() => host?.sync.rooms.get(roomId)?.doc.getMap('notes').get('n') === 'ours');
    f.destroy();
    await host.close();

    host = await startHostWith(fixture, { mayCreateRooms });
    // Someone saw /sync/<id> on the Wi-Fi and claims it first, with keys of their own.
    claimantIsFacilitator = false;
    expect(await claimOutcome(host.baseUrl, roomId, randomKeys())).toBe(CLOSE.WRONG_CODE);
    claimantIsFacilitator = true;
    // Even a claim from the facilitator's computer with other keys does not replace the room's keys.
    expect(await claimOutcome(host.baseUrl, roomId, randomKeys())).toBe(CLOSE.WRONG_CODE);
    const back = await facilitator(host, roomId);
    expect(back.admin).toBe(true);
    await eventually(() => notes(back).get('n') === 'ours');
    back.destroy();
  });

  for (const damage of ['missing', 'damaged'] as const) {
    it(`a room whose access.json is ${damage} is refused to anyone else's claim; the facilitator restores it with the content`, async () => {
      const roomId = newRoomId();
      const logs: string[] = [];
      host = await startHostWith(fixture, { mayCreateRooms, log: (line) => logs.push(line) });
      const f = await facilitator(host, roomId);
      notes(f).set('n', 'ours');
      await eventually(() => host?.sync.rooms.get(roomId)?.doc.getMap('notes').get('n') === 'ours');
      f.destroy();
      await host.close();
      const access = path.join(roomDir(fixture.dataDir, roomId), 'access.json');
      if (damage === 'missing') rmSync(access);
      else writeFileSync(access, '{"authKey": "AAAA", "adminKey');

      host = await startHostWith(fixture, { mayCreateRooms, log: (line) => logs.push(line) });
      claimantIsFacilitator = false;
      const squatter = randomKeys();
      expect(await claimOutcome(host.baseUrl, roomId, squatter)).toBe(CLOSE.CLAIM_REFUSED);
      expect(existsSync(access)).toBe(false);
      expect(logs.join('\n')).toMatch(/Refused a claim for existing room/);
      // A participant's hello gets "unknown room" (retry later), never the squatter's room.
      const p = participant(host, roomId);
      await expect(p).rejects.toThrow(String(CLOSE.UNKNOWN_ROOM));

      claimantIsFacilitator = true;
      const back = await facilitator(host, roomId);
      expect(back.admin).toBe(true);
      await eventually(() => notes(back).get('n') === 'ours');
      expect(logs.join('\n')).toMatch(/access file restored from the facilitator's claim/);
      // The squatter's keys are worth nothing now.
      expect(await claimOutcome(host.baseUrl, roomId, squatter)).toBe(CLOSE.WRONG_CODE);
      const joined = await participant(host, roomId);
      await eventually(() => notes(joined).get('n') === 'ours');
      back.destroy();
      joined.destroy();
    });
  }

  it('uses the stored keys, not the claim, for the facilitator of an existing room', async () => {
    const roomId = newRoomId();
    host = await startHostWith(fixture, { mayCreateRooms });
    (await facilitator(host, roomId)).destroy();
    const keys = await adminKeys(roomId);
    expect(await claimOutcome(host.baseUrl, roomId, keys)).toBe('welcome');
  });
});
