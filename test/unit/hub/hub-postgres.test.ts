import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as M from '../../../shared/model';
import { hubDocumentName, HUB_SESSIONS_PATH, parseHubToken } from '../../../shared/protocol/hub';
import { startHub } from '../../../main/hub/hub-server';
import { openHubStore, type HubStore } from '../../../main/hub/hub-store';
import { HubLink } from '../../../renderer/sync/hub-link';
import { startPostgres, type RunningPostgres } from '../../support/postgres-server';
import { labSession, noteTexts, until } from './support';

/** The hub on PostgreSQL (`--database postgres://…`), for instances on several machines. */
describe('lab-network hub on PostgreSQL', () => {
  let pg: RunningPostgres;
  let store: HubStore;
  beforeAll(async () => {
    pg = await startPostgres();
    store = await openHubStore(pg.url);
  });
  afterAll(async () => {
    await store?.close();
    await pg?.stop();
  });

  it('keeps labs, tokens and sessions; stores from two stale copies merge instead of overwriting', async () => {
    const { lab, token } = await store.addLab('PL', 'Krajowe laboratorium PL');
    expect(await store.authenticate(token)).toEqual({ kind: 'lab', lab });
    expect(await store.authenticate(`${token.slice(0, -3)}AAA`)).toBeNull();
    const coord = await store.addCoordinator('CZ');
    expect(await store.authenticate(coord.token)).toMatchObject({ kind: 'coord', country: 'CZ' });

    const base = labSession('Merged', ['first']);
    const a = new Y.Doc();
    const b = new Y.Doc();
    Y.applyUpdate(a, Y.encodeStateAsUpdate(base.doc));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(base.doc));
    M.addNote(a, { boardId: base.boardId, pos: { x: 0, y: 0 }, now: 1, text: 'only in copy A' });
    M.addNote(b, { boardId: base.boardId, pos: { x: 0, y: 0 }, now: 1, text: 'only in copy B' });
    const name = hubDocumentName(lab.id, 'merged');
    // Two instances storing at once, each with its own copy.
    await Promise.all([a, b].map((doc) => store.storeState({ name, labId: lab.id, sessionId: 'merged', state: Y.encodeStateAsUpdate(doc), title: 'Merged', notes: 2 })));
    const stored = new Y.Doc();
    Y.applyUpdate(stored, (await store.fetchState(name))!);
    expect(noteTexts(stored)).toEqual(['first', 'only in copy A', 'only in copy B']);
    expect((await store.sessions({ labId: lab.id })).map((s) => s.title)).toEqual(['Merged']);
    expect(await store.sessions({ country: 'CZ' })).toEqual([]);
  });

  it('serves a lab and a coordinator with --database postgres://, and the CLI adds labs there', async () => {
    const run = spawnSync(process.execPath, ['scripts/hub.mjs', 'add-lab', '--database', pg.url, '--country', 'CZ', '--name', 'Lab CZ'], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const labToken = run.stdout.trim().split('\n').at(-1)!;
    const coordToken = (await store.addCoordinator(null)).token;
    const hub = await startHub({ port: 0, bind: '127.0.0.1', data: pg.url });
    const links: HubLink[] = [];
    try {
      const link = (token: string) => {
        const l = new HubLink({ address: `http://127.0.0.1:${hub.port}`, token, WebSocketImpl: WebSocket, maxRetryDelayMs: 200 });
        links.push(l);
        return l;
      };
      const { doc } = labSession('Liberec on Postgres', ['Heat pumps']);
      const name = hubDocumentName(parseHubToken(labToken)!.id, 'liberec');
      const publisher = link(labToken);
      publisher.open(name, doc);
      await until(() => publisher.allSent(), 'published');
      const copy = new Y.Doc();
      link(coordToken).open(name, copy);
      await until(() => noteTexts(copy).length === 1, 'the coordinator copy');
      publisher.destroy();
      let listed: { sessions: { title: string }[] } = { sessions: [] };
      for (let i = 0; i < 100 && listed.sessions.length === 0; i++) {
        await new Promise((r) => setTimeout(r, 100));
        const res = await fetch(`http://127.0.0.1:${hub.port}${HUB_SESSIONS_PATH}`, { headers: { Authorization: `Bearer ${coordToken}` } });
        listed = (await res.json()) as typeof listed;
        listed.sessions = listed.sessions.filter((s) => s.title === 'Liberec on Postgres');
      }
      expect(listed.sessions.map((s) => s.title)).toEqual(['Liberec on Postgres']);
    } finally {
      for (const l of links) l.destroy();
      await hub.stop();
    }
  });
});
