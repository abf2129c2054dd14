// Issue 9, attack 1, against the real host process: one deep-JSON publish must not end it.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleHostCli, deepJsonAttack, startChildHost, timedJoin, type ChildHost } from '../../bench/support/host-abuse';
import { RelayClient } from '../../bench/support/relay-client';
import { adminKeys, newRoomId, participantKeys } from './sync-helpers';

let bundleDir: string;
let cliPath: string;
let host: ChildHost;

beforeAll(async () => {
  bundleDir = mkdtempSync(path.join(os.tmpdir(), 'tl-abuse-cli-'));
  cliPath = await bundleHostCli(bundleDir);
  host = await startChildHost({ cliPath });
}, 30_000);

afterAll(async () => {
  await host?.stop();
  rmSync(bundleDir, { recursive: true, force: true });
});

describe('signaling abuse (real host process)', () => {
  it('survives 6,000-deep JSON published on /signal and still admits a participant', async () => {
    const roomId = newRoomId();
    const facilitator = await RelayClient.connect({ baseUrl: host.baseUrl, roomId, keys: await adminKeys(roomId), claim: true });
    try {
      // The attacker uses a participant's ticket, as read off the Wi-Fi.
      await deepJsonAttack(host.port, facilitator.ticket, roomId, { times: 3 });
      expect(host.alive()).toBe(true);
      const { client } = await timedJoin(host.baseUrl, roomId, await participantKeys(roomId));
      client.destroy();
      expect(host.alive()).toBe(true);
    } finally {
      facilitator.destroy();
    }
  });
});
