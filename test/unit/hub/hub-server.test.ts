import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as M from '../../../shared/model';
import { hubDocumentName, HUB_SESSIONS_PATH, parseHubToken } from '../../../shared/protocol/hub';
import { startHub, type RunningHub, HUB_MAX_MESSAGE_BYTES } from '../../../main/hub/hub-server';
import { openHubStore } from '../../../main/hub/hub-store';
import { HubLink } from '../../../renderer/sync/hub-link';
import { labSession, noteTexts, until } from './support';

const links: HubLink[] = [];
function link(hub: RunningHub, token: string): HubLink {
  const created = new HubLink({ address: `http://127.0.0.1:${hub.port}`, token, WebSocketImpl: WebSocket, maxRetryDelayMs: 300 });
  links.push(created);
  return created;
}

describe('lab-network hub (one instance)', () => {
  let data: string;
  let hub: RunningHub;
  let labA: string;
  let labB: string;
  let coordPL: string;
  let coordCZ: string;

  beforeEach(async () => {
    data = mkdtempSync(join(tmpdir(), 'tl-hub-'));
    const store = await openHubStore(data);
    labA = (await store.addLab('PL', 'Krajowe laboratorium PL')).token;
    labB = (await store.addLab('CZ', 'National transition lab CZ')).token;
    coordPL = (await store.addCoordinator('PL')).token;
    coordCZ = (await store.addCoordinator('CZ')).token;
    await store.close();
    hub = await startHub({ port: 0, bind: '127.0.0.1', data });
  });

  afterEach(async () => {
    for (const l of links.splice(0)) l.destroy();
    await hub.stop();
    rmSync(data, { recursive: true, force: true });
  });

  it('a lab publishes a session and a coordinator of its country reads it live, read-only', async () => {
    const { doc, boardId } = labSession('Warsaw barriers', ['Fragmented competences', 'No data on emissions']);
    const labId = parseHubToken(labA)!.id;
    const name = hubDocumentName(labId, 'session-1');
    const publisher = link(hub, labA);
    publisher.open(name, doc);
    await until(() => publisher.getSnapshot().lastSyncedAt !== null && publisher.allSent(), 'the publish to finish');

    const copy = new Y.Doc();
    const reader = link(hub, coordPL);
    reader.open(name, copy);
    await until(() => noteTexts(copy).length === 2, 'the coordinator copy');
    expect(noteTexts(copy)).toEqual(['Fragmented competences', 'No data on emissions']);

    // Live: a later note on the lab's laptop reaches the coordinator without reconnecting.
    M.addNote(doc, { boardId, pos: { x: 0, y: 300 }, now: Date.now(), text: 'Regional energy agency' });
    await until(() => noteTexts(copy).length === 3, 'the live note');

    // Read-only: what the coordinator's copy changes never reaches the hub or the lab.
    const copyBoard = M.readSession(copy).boards[0]!.board.id;
    M.addNote(copy, { boardId: copyBoard, pos: { x: 0, y: 600 }, now: Date.now(), text: 'Written by a coordinator' });
    await new Promise((r) => setTimeout(r, 500));
    expect(noteTexts(doc)).not.toContain('Written by a coordinator');
    const fresh = new Y.Doc();
    link(hub, coordPL).open(name, fresh);
    await until(() => noteTexts(fresh).length >= 3, 'a fresh read');
    expect(noteTexts(fresh)).not.toContain('Written by a coordinator');
  });

  it('a token for one lab cannot read or write another lab, and a coordinator sees only its country', async () => {
    const { doc } = labSession('Liberec', ['Heat pumps']);
    const labBId = parseHubToken(labB)!.id;
    const name = hubDocumentName(labBId, 'cz-1');
    const publisher = link(hub, labB);
    publisher.open(name, doc);
    await until(() => publisher.allSent(), 'lab B publishing');

    for (const token of [labA, coordPL, 'lab.nosuchlab.' + 'x'.repeat(43), `${labA.slice(0, -4)}AAAA`]) {
      const stranger = new Y.Doc();
      const other = link(hub, token);
      other.open(name, stranger);
      await until(() => other.getSnapshot().state === 'refused', `refusal of ${token.slice(0, 12)}`);
      expect(noteTexts(stranger)).toEqual([]);
    }
    // Lab A writing into lab B's document is refused too (its update never lands).
    const intruder = labSession('Intrusion', ['Injected']);
    const writer = link(hub, labA);
    writer.open(name, intruder.doc);
    await until(() => writer.getSnapshot().state === 'refused', 'the write refusal');
    const check = new Y.Doc();
    const reader = link(hub, coordCZ);
    reader.open(name, check);
    await until(() => noteTexts(check).length === 1, 'the CZ coordinator read');
    expect(noteTexts(check)).toEqual(['Heat pumps']);
  });

  it('lists sessions per token scope, refuses unknown tokens, and answers /healthz', async () => {
    const a = labSession('Warsaw', ['One']);
    const b = labSession('Liberec', ['Two', 'Three']);
    const pa = link(hub, labA);
    pa.open(hubDocumentName(parseHubToken(labA)!.id, 's-a'), a.doc);
    const pb = link(hub, labB);
    pb.open(hubDocumentName(parseHubToken(labB)!.id, 's-b'), b.doc);
    await until(() => pa.allSent() && pb.allSent(), 'both published');
    // Stored after Hocuspocus's debounce; the last connection closing stores at once.
    pa.destroy();
    pb.destroy();
    const base = `http://127.0.0.1:${hub.port}`;
    const list = async (token: string) => {
      const res = await fetch(base + HUB_SESSIONS_PATH, { headers: { Authorization: `Bearer ${token}` } });
      return { status: res.status, body: (await res.json()) as { sessions: { title: string; notes: number; lab: { country: string } }[] } };
    };
    let cz = await list(coordCZ);
    for (let i = 0; i < 100 && cz.body.sessions.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 100));
      cz = await list(coordCZ);
    }
    expect(cz.status).toBe(200);
    expect(cz.body.sessions.map((s) => [s.title, s.notes, s.lab.country])).toEqual([['Liberec', 2, 'CZ']]);
    const own = await list(labA);
    expect(own.body.sessions.map((s) => s.title)).toEqual(['Warsaw']);
    expect((await list('coord.nobody.' + 'y'.repeat(43))).status).toBe(401);
    expect((await fetch(base + HUB_SESSIONS_PATH)).status).toBe(401);
    const health = (await (await fetch(`${base}/healthz`)).json()) as { ok: boolean };
    expect(health.ok).toBe(true);
  });

  it('keeps what was published across a restart', async () => {
    const { doc } = labSession('Kept', ['Survives a restart']);
    const name = hubDocumentName(parseHubToken(labA)!.id, 'kept');
    const publisher = link(hub, labA);
    publisher.open(name, doc);
    await until(() => publisher.allSent(), 'published');
    await hub.stop();
    hub = await startHub({ port: 0, bind: '127.0.0.1', data });
    const copy = new Y.Doc();
    link(hub, coordPL).open(name, copy);
    await until(() => noteTexts(copy).length === 1, 'the stored session');
    expect(noteTexts(copy)).toEqual(['Survives a restart']);
  });

  it('survives garbage and oversized frames and keeps serving', async () => {
    const url = `ws://127.0.0.1:${hub.port}`;
    const hostile = async (payload: Buffer | string) => {
      const ws = new WebSocket(url);
      await new Promise<void>((resolve) => {
        ws.once('open', () => ws.send(payload, () => undefined));
        ws.once('close', () => resolve());
        ws.once('error', () => resolve());
        setTimeout(() => {
          ws.terminate();
          resolve();
        }, 300);
      });
    };
    const before = process.memoryUsage().rss;
    await hostile(Buffer.from([0xff, 0xff, 0xff, 0xff, 0x0f, 1, 2, 3]));
    await hostile('not yjs at all');
    await hostile(Buffer.alloc(HUB_MAX_MESSAGE_BYTES + 1024, 7));
    // Claims of huge lengths inside a small frame, fifty connections at once.
    await Promise.all(Array.from({ length: 50 }, () => hostile(Buffer.from([0, 200, 200, 200, 200, 200, 200, 200, 1]))));
    const grown = process.memoryUsage().rss - before;
    // The oversized frame is dropped by the WebSocket layer, never buffered as a document.
    expect(grown).toBeLessThan(200 * 1024 * 1024);
    const health = await fetch(`http://127.0.0.1:${hub.port}/healthz`);
    expect(health.status).toBe(200);
    const { doc } = labSession('After the attack', ['Still works']);
    const publisher = link(hub, labA);
    publisher.open(hubDocumentName(parseHubToken(labA)!.id, 'after'), doc);
    await until(() => publisher.allSent(), 'a publish after the garbage');
  });
});
