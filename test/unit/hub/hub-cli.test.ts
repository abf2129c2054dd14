import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { hubDocumentName, parseHubToken } from '../../../shared/protocol/hub';
import { openHubStore } from '../../../main/hub/hub-store';
import { HubLink } from '../../../renderer/sync/hub-link';
import { startRedis } from '../../support/redis-server';
import { freePort, spawnServer } from '../../support/spawn-server';
import { labSession, noteTexts, until } from './support';

// `npm run hub` as an operator runs it (scripts/hub.mjs, which builds the bundle if missing).
const hub = (args: string[]) => spawnSync(process.execPath, ['scripts/hub.mjs', ...args], { encoding: 'utf8' });

describe('npm run hub', () => {
  let data: string;
  beforeAll(() => {
    data = mkdtempSync(join(tmpdir(), 'tl-hub-cli-'));
  });
  afterAll(() => rmSync(data, { recursive: true, force: true }));

  it('add-lab and add-coordinator print a working token alone on the last line', async () => {
    const lab = hub(['add-lab', '--data', data, '--country', 'pl', '--name', 'Krajowe laboratorium PL']);
    expect(lab.status).toBe(0);
    const labToken = lab.stdout.trim().split('\n').at(-1)!;
    expect(parseHubToken(labToken)?.kind).toBe('lab');
    const coord = hub(['add-coordinator', '--data', data, '--country', 'PL']);
    const coordToken = coord.stdout.trim().split('\n').at(-1)!;
    expect(parseHubToken(coordToken)?.kind).toBe('coord');
    const store = await openHubStore(data);
    try {
      expect(await store.authenticate(labToken)).toMatchObject({ kind: 'lab', lab: { country: 'PL', name: 'Krajowe laboratorium PL' } });
      expect(await store.authenticate(coordToken)).toMatchObject({ kind: 'coord', country: 'PL' });
    } finally {
      await store.close();
    }
  });

  it('refuses a wrong command line with a one-line reason and exit code 2', () => {
    for (const [args, reason] of [
      [['add-lab', '--data', data, '--name', 'No country'], 'add-lab needs --country CC and --name NAME.'],
      [['add-coordinator', '--data', data, '--country', 'Poland'], '--country must be a two-letter country code'],
      [['--port', '99999', '--data', data], '--port must be a number'],
      [['--port', '1'], '--data DIR is required.'],
      [['--data', data, '--database', 'mysql://db/hub'], '--database must be a sqlite: or postgres:// URL'],
      [['launch', '--data', data], 'Unknown command: launch'],
    ] as const) {
      const run = hub([...args]);
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.stderr).toContain(reason);
    }
  });

  it('stops on SIGTERM after storing what was published, even when Redis is already gone', async () => {
    const redis = await startRedis();
    const token = hub(['add-lab', '--data', data, '--country', 'CZ', '--name', 'Lab CZ']).stdout.trim().split('\n').at(-1)!;
    const port = await freePort();
    const { url, child } = await spawnServer(['scripts/hub.mjs', '--port', String(port), '--data', data, '--redis', redis.url]);
    const health = (await (await fetch(`${url}/healthz`)).json()) as { ok: boolean };
    expect(health.ok).toBe(true);
    const link = new HubLink({ address: url, token, WebSocketImpl: WebSocket });
    const name = hubDocumentName(parseHubToken(token)!.id, 'stored-on-stop');
    link.open(name, labSession('Stop', ['Kept after SIGTERM']).doc);
    await until(() => link.allSent(), 'the publish');
    await redis.stop();
    const exit = await new Promise<string>((resolve) => {
      child.once('exit', (code) => resolve(String(code)));
      child.kill('SIGTERM');
    });
    link.destroy();
    expect(['0', '1']).toContain(exit);
    // The session is in the store for the next start.
    const store = await openHubStore(data);
    try {
      const again = new Y.Doc();
      Y.applyUpdate(again, (await store.fetchState(name)) ?? new Uint8Array([0, 0]));
      expect(noteTexts(again)).toEqual(['Kept after SIGTERM']);
    } finally {
      await store.close();
    }
  }, 30_000);
});
