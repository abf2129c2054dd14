// The host as a durable anchor (issue 9 item 7 of the report: 8.8 % of relayed edits were missing
// from the file after kill -9): every update is in the room's log before the relay forwards it,
// so whatever a participant received from the host survives `kill -9` of the host process.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { RelayClient } from '../../bench/support/relay-client';
import { bundleHostChild, spawnChildHost, type ChildHost } from './child-host';
import { createFixture, type Fixture } from './helpers';
import { adminKeys, eventually, newRoomId, notes, participantKeys } from './sync-helpers';

let bundle: { file: string; remove(): void };
let fixture: Fixture;
let host: ChildHost | undefined;

beforeAll(async () => {
  bundle = await bundleHostChild();
});
afterAll(() => bundle.remove());
beforeEach(() => {
  fixture = createFixture();
});
afterEach(async () => {
  await host?.kill9();
  host = undefined;
  fixture.remove();
});

describe('kill -9 of the host process', () => {
  it('loses none of N edits the host relayed right before it was killed', async () => {
    const N = 400;
    const roomId = newRoomId();
    host = await spawnChildHost(bundle.file, { dataDir: fixture.dataDir, staticDir: fixture.staticDir });
    const f = await RelayClient.connect({ baseUrl: host.baseUrl, roomId, keys: await adminKeys(roomId), claim: true });
    const p = await RelayClient.connect({ baseUrl: host.baseUrl, roomId, keys: await participantKeys(roomId) });
    await p.synced;
    // N separate updates (one transaction each), as typing produces them.
    for (let i = 0; i < N; i++) notes(f).set(`n${i}`, `edit ${i}`);
    // The participant has them all: the host relayed every one.
    await eventually(() => notes(p).size === N, 15_000);
    await host.kill9();
    f.destroy();
    p.destroy();

    // Nobody who holds the edits is connected: whatever the newcomer gets came from the host's disk.
    host = await spawnChildHost(bundle.file, { dataDir: fixture.dataDir, staticDir: fixture.staticDir });
    const late = await RelayClient.connect({ baseUrl: host.baseUrl, roomId, keys: await participantKeys(roomId) });
    await late.synced;
    const missing = Array.from({ length: N }, (_, i) => `n${i}`).filter((key) => notes(late).get(key) === undefined);
    expect(missing).toEqual([]);
    late.destroy();
  }, 60_000);
});
