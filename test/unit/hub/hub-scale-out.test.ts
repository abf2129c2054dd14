import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as M from '../../../shared/model';
import { hubDocumentName, parseHubToken } from '../../../shared/protocol/hub';
import { startHub, type RunningHub } from '../../../main/hub/hub-server';
import { openHubStore } from '../../../main/hub/hub-store';
import { HubLink } from '../../../renderer/sync/hub-link';
import { redisAvailable, startRedis, type RunningRedis } from '../../support/redis-server';
import { labSession, noteTexts, until } from './support';

/**
 * Two hub instances behind one Redis and one data store, as docs/hub.md runs them: labs publish
 * through either, a coordinator on either sees both live, and one instance going down stops
 * nothing but its own connections. Needs Debian's redis-server (.ci/run installs it).
 */
describe('lab-network hub, two instances with Redis', () => {
  let redis: RunningRedis;
  let data: string;
  const hubs: RunningHub[] = [];
  const links: HubLink[] = [];
  let tokens: { a: string; b: string; coord: string };

  const open = (hub: RunningHub | number, token: string, name: string, doc: Y.Doc): HubLink => {
    const port = typeof hub === 'number' ? hub : hub.port;
    const link = new HubLink({ address: `http://127.0.0.1:${port}`, token, WebSocketImpl: WebSocket, maxRetryDelayMs: 200 });
    link.open(name, doc);
    links.push(link);
    return link;
  };

  beforeAll(async () => {
    if (!redisAvailable()) throw new Error('redis-server is not installed (apt-get install redis-server); .ci/run installs it.');
    redis = await startRedis();
    data = mkdtempSync(join(tmpdir(), 'tl-hub2-'));
    const store = await openHubStore(data);
    tokens = { a: (await store.addLab('PL', 'Lab A')).token, b: (await store.addLab('CZ', 'Lab B')).token, coord: (await store.addCoordinator(null)).token };
    await store.close();
    hubs.push(await startHub({ port: 0, bind: '127.0.0.1', data, redis: redis.url, name: 'one' }));
    hubs.push(await startHub({ port: 0, bind: '127.0.0.1', data, redis: redis.url, name: 'two' }));
  });

  afterAll(async () => {
    for (const l of links) l.destroy();
    for (const h of hubs) await h.stop();
    await redis?.stop();
    if (data) rmSync(data, { recursive: true, force: true });
  });

  it('labs on different instances converge at a coordinator; edits made while an instance was down arrive after it returns', async () => {
    const [one, two] = hubs as [RunningHub, RunningHub];
    const a = labSession('Warsaw', ['A: transport']);
    const b = labSession('Liberec', ['B: heating']);
    const nameA = hubDocumentName(parseHubToken(tokens.a)!.id, 'warsaw');
    const nameB = hubDocumentName(parseHubToken(tokens.b)!.id, 'liberec');
    const linkA = open(one, tokens.a, nameA, a.doc);
    open(two, tokens.b, nameB, b.doc);

    const seenA = new Y.Doc();
    const seenB = new Y.Doc();
    open(two, tokens.coord, nameA, seenA);
    open(two, tokens.coord, nameB, seenB);
    await until(() => noteTexts(seenA).length === 1 && noteTexts(seenB).length === 1, 'both labs at the coordinator');

    // Live across instances: lab A writes through instance one, the coordinator reads on two.
    M.addNote(a.doc, { boardId: a.boardId, pos: { x: 0, y: 300 }, now: Date.now(), text: 'A: live through Redis' });
    await until(() => noteTexts(seenA).includes('A: live through Redis'), 'the live note through Redis');

    // Instance one goes down: instance two keeps serving lab B and the coordinator.
    const onePort = one.port;
    await one.stop();
    await until(() => linkA.getSnapshot().state !== 'online', 'lab A noticing');
    M.addNote(b.doc, { boardId: b.boardId, pos: { x: 0, y: 300 }, now: Date.now(), text: 'B: while one is down' });
    await until(() => noteTexts(seenB).includes('B: while one is down'), 'lab B still served');

    // Lab A keeps working offline; instance one comes back on its port and the edits arrive.
    M.addNote(a.doc, { boardId: a.boardId, pos: { x: 0, y: 600 }, now: Date.now(), text: 'A: made while the hub was down' });
    hubs[0] = await startHub({ port: onePort, bind: '127.0.0.1', data, redis: redis.url, name: 'one-again' });
    await until(() => noteTexts(seenA).includes('A: made while the hub was down'), 'the offline edit after the return', 20_000);
    expect(noteTexts(seenA)).toEqual(['A: live through Redis', 'A: made while the hub was down', 'A: transport'].sort());
  });
});
