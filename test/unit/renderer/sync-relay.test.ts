import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import type { AddressInfo } from 'node:net';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { computeProof, deriveAuthKey, deriveRoomKey, fromBase64Url, proofsEqual, randomNonce, toBase64Url } from '../../../shared/protocol/access';
import { CLOSE, MESSAGE_AWARENESS, MESSAGE_SYNC, type ClientText } from '../../../shared/protocol/room-wire';
import { backoffDelay, RELAY_ORIGIN, RelayProvider, relayUrl, type RelayKeys, type RelayState, type WebSocketLike } from '../../../renderer/session/sync/relay-provider';

const ROOM = 'abcdefghijklmnopqrstuvwxy';
const CODE = 'ABCDE-FGHJK';

/**
 * A tiny host that follows shared/protocol/room-wire.ts: challenge, proof check, welcome, then
 * y-websocket frames relayed through a server-side doc. Enough to test the client on its own.
 */
class FakeHost {
  readonly doc = new Y.Doc();
  readonly wss: WebSocketServer;
  authKey: Uint8Array | null = null;
  adminKey: Uint8Array | null = null;
  readonly joined = new Set<WebSocket>();
  readonly received: ClientText[] = [];
  /** Binary frames each socket got (to prove no content before welcome). */
  readonly binaryBeforeWelcome: number[] = [];
  awarenessClientIds = new Map<WebSocket, Set<number>>();

  constructor(port = 0) {
    this.wss = new WebSocketServer({ port, host: '127.0.0.1' });
    this.wss.on('connection', (ws) => this.accept(ws));
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MESSAGE_SYNC);
      syncProtocol.writeUpdate(encoder, update);
      const frame = encoding.toUint8Array(encoder);
      for (const ws of this.joined) if (ws !== origin) ws.send(frame);
    });
  }

  get url(): string {
    return `http://127.0.0.1:${(this.wss.address() as AddressInfo).port}`;
  }

  async setCode(code: string): Promise<void> {
    this.authKey = await deriveAuthKey(await deriveRoomKey(code, ROOM));
  }

  private presence(): void {
    for (const ws of this.joined) ws.send(JSON.stringify({ t: 'presence', connections: this.joined.size }));
  }

  private accept(ws: WebSocket): void {
    const nonce = randomNonce();
    ws.send(JSON.stringify({ t: 'challenge', v: 1, nonce }));
    ws.on('close', () => {
      if (this.joined.delete(ws)) this.presence();
    });
    ws.on('message', (data: RawData, isBinary: boolean) => void this.onMessage(ws, nonce, data, isBinary));
  }

  private async onMessage(ws: WebSocket, nonce: string, data: RawData, isBinary: boolean): Promise<void> {
    const bytes = new Uint8Array(data as Buffer);
    if (!isBinary) {
      const message = JSON.parse(bytes.toString() === '' ? '{}' : Buffer.from(bytes).toString('utf8')) as ClientText;
      this.received.push(message);
      if (message.t === 'claim' && !this.authKey) {
        this.authKey = fromBase64Url(message.authKey);
        this.adminKey = fromBase64Url(message.adminKey);
      }
      if (message.t === 'hello' || message.t === 'claim') {
        const expected = this.authKey ? await computeProof(this.authKey, ROOM, 'sync', nonce) : '';
        if (!this.authKey || !proofsEqual(expected, message.proof)) return ws.close(CLOSE.WRONG_CODE);
        const admin = message.t === 'claim' && !!this.adminKey && proofsEqual(await computeProof(this.adminKey, ROOM, 'sync', nonce), message.adminProof);
        this.joined.add(ws);
        ws.send(JSON.stringify({ t: 'welcome', ticket: randomNonce(), admin, connections: this.joined.size }));
        this.presence();
      } else if (message.t === 'rotate') {
        this.authKey = fromBase64Url(message.authKey);
        ws.send(JSON.stringify({ t: 'rotated' }));
        for (const other of this.joined) if (other !== ws) other.close(CLOSE.CODE_CHANGED);
      } else if (message.t === 'remove') {
        for (const [other, ids] of this.awarenessClientIds) if (message.clientIds.some((id) => ids.has(id))) other.close(CLOSE.REMOVED);
      }
      return;
    }
    if (!this.joined.has(ws)) {
      this.binaryBeforeWelcome.push(bytes.length);
      return;
    }
    const decoder = decoding.createDecoder(bytes);
    const type = decoding.readVarUint(decoder);
    if (type === MESSAGE_SYNC) {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MESSAGE_SYNC);
      const syncType = syncProtocol.readSyncMessage(decoder, encoder, this.doc, ws);
      if (encoding.length(encoder) > 1) ws.send(encoding.toUint8Array(encoder));
      if (syncType === syncProtocol.messageYjsSyncStep1) {
        const step1 = encoding.createEncoder();
        encoding.writeVarUint(step1, MESSAGE_SYNC);
        syncProtocol.writeSyncStep1(step1, this.doc);
        ws.send(encoding.toUint8Array(step1));
      }
    } else if (type === MESSAGE_AWARENESS) {
      const update = decoding.readVarUint8Array(decoder);
      const ids = this.awarenessClientIds.get(ws) ?? new Set<number>();
      const d = decoding.createDecoder(update);
      const n = decoding.readVarUint(d);
      for (let i = 0; i < n; i++) {
        ids.add(decoding.readVarUint(d));
        decoding.readVarUint(d);
        decoding.readVarString(d);
      }
      this.awarenessClientIds.set(ws, ids);
      for (const other of this.joined) if (other !== ws) other.send(bytes);
    }
  }

  async close(): Promise<void> {
    for (const ws of this.wss.clients) ws.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }
}

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function host(port?: number): Promise<FakeHost> {
  const h = new FakeHost(port);
  await new Promise<void>((resolve) => h.wss.once('listening', () => resolve()));
  cleanups.push(() => h.close());
  return h;
}

function keysFor(code: string, adminSecret?: Uint8Array): () => Promise<RelayKeys> {
  return async () => {
    const authKey = await deriveAuthKey(await deriveRoomKey(code, ROOM));
    if (!adminSecret) return { authKey };
    const { deriveAdminKey } = await import('../../../shared/protocol/access');
    return { authKey, adminKey: await deriveAdminKey(adminSecret) };
  };
}

function client(hostUrl: string, keys: () => Promise<RelayKeys>, doc = new Y.Doc()) {
  const awareness = new Awareness(doc);
  const states: RelayState[] = [];
  const relay = new RelayProvider({
    hostUrl,
    roomId: ROOM,
    doc,
    awareness,
    keys,
    WebSocketImpl: WebSocket as unknown as WebSocketLike,
    minBackoffMs: 20,
    maxBackoffMs: 200,
  });
  relay.on('state', (s) => states.push(s));
  cleanups.push(() => relay.destroy());
  return { doc, awareness, relay, states };
}

function until(check: () => boolean, what: string, ms = 5_000): Promise<void> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const tick = () => {
      if (check()) resolve();
      else if (Date.now() - started > ms) reject(new Error(`timed out waiting for ${what}`));
      else setTimeout(tick, 10);
    };
    tick();
  });
}

const text = (doc: Y.Doc) => doc.getMap('notes').toJSON() as Record<string, string>;

describe('relay provider', () => {
  it('builds ws/wss relay URLs from the host base URL', () => {
    expect(relayUrl('http://192.168.1.20:4455/', ROOM)).toBe(`ws://192.168.1.20:4455/sync/${ROOM}`);
    expect(relayUrl('https://lab.example:8443', ROOM)).toBe(`wss://lab.example:8443/sync/${ROOM}`);
  });

  it('backs off exponentially with jitter, up to the cap', () => {
    expect(backoffDelay(0, 500, 30_000, () => 0)).toBe(250);
    expect(backoffDelay(0, 500, 30_000, () => 1)).toBe(500);
    expect(backoffDelay(3, 500, 30_000, () => 1)).toBe(4_000);
    expect(backoffDelay(30, 500, 30_000, () => 1)).toBe(30_000);
    expect(backoffDelay(30, 500, 30_000, () => 0)).toBe(15_000);
  });

  it('the facilitator claims the room; a participant with the code proves it and both converge', async () => {
    const h = await host();
    const admin = new Uint8Array(32).fill(7);
    const a = client(h.url, keysFor(CODE, admin));
    a.relay.connect();
    await until(() => a.relay.state.kind === 'connected', 'facilitator welcome');
    expect(h.received[0]).toMatchObject({ t: 'claim' });
    expect(JSON.stringify(h.received[0])).not.toContain('ABCDE');
    expect(a.relay.state).toMatchObject({ admin: true });

    a.doc.getMap('notes').set('n1', 'before the participant came');
    const b = client(h.url, keysFor('abcde fghjk'));
    b.relay.connect();
    await until(() => text(b.doc).n1 === 'before the participant came', 'first sync on B');
    expect(h.received.at(-1)).toMatchObject({ t: 'hello' });
    await until(() => a.relay.state.kind === 'connected' && a.relay.state.connections === 2, 'presence count');

    const seen: unknown[] = [];
    b.doc.on('update', (_u: Uint8Array, origin: unknown) => seen.push(origin));
    b.doc.getMap('notes').set('n2', 'from B');
    await until(() => text(a.doc).n2 === 'from B', 'B edit on A');
    a.doc.getMap('notes').set('n3', 'from A');
    await until(() => text(b.doc).n3 === 'from A', 'A edit on B');
    expect(seen.at(-1)).toBe(RELAY_ORIGIN);
  });

  it('refuses a wrong code: stops for good and receives no content', async () => {
    const h = await host();
    await h.setCode(CODE);
    h.doc.getMap('notes').set('secret', 'facilitator only');
    const wrong = client(h.url, keysFor('ZZZZZ-ZZZZZ'));
    wrong.relay.connect();
    await until(() => wrong.relay.state.kind === 'stopped', 'refusal');
    expect(wrong.relay.state).toEqual({ kind: 'stopped', reason: 'wrongCode' });
    expect(text(wrong.doc)).toEqual({});
    // No retry with the same code.
    const attempts = h.received.length;
    await new Promise((r) => setTimeout(r, 150));
    expect(h.received.length).toBe(attempts);
  });

  it('reconnects after the host restarts and merges edits both sides made meanwhile', async () => {
    let h = await host();
    await h.setCode(CODE);
    const port = (h.wss.address() as AddressInfo).port;
    const a = client(h.url, keysFor(CODE));
    a.relay.connect();
    a.doc.getMap('notes').set('n1', 'first');
    await until(() => text(h.doc).n1 === 'first', 'first edit on host');
    const kept = Y.encodeStateAsUpdate(h.doc);

    await h.close();
    await until(() => a.relay.state.kind === 'offline', 'offline');
    a.doc.getMap('notes').set('offline', 'written while the host was down');

    h = await host(port);
    await h.setCode(CODE);
    Y.applyUpdate(h.doc, kept);
    h.doc.getMap('notes').set('server', 'written elsewhere meanwhile');
    await until(() => text(a.doc).server === 'written elsewhere meanwhile' && text(h.doc).offline === 'written while the host was down', 'merge', 8_000);
    expect(a.states.some((s) => s.kind === 'offline' && s.retryInMs !== null)).toBe(true);
  });

  it('carries a first sync far larger than a WebRTC data channel takes (> 256 KiB)', async () => {
    const h = await host();
    await h.setCode(CODE);
    const big = h.doc.getMap('notes');
    h.doc.transact(() => {
      for (let i = 0; i < 400; i++) big.set(`n${i}`, `${i} ${'x'.repeat(1000)}`);
    });
    expect(Y.encodeStateAsUpdate(h.doc).length).toBeGreaterThan(300 * 1024);
    const b = client(h.url, keysFor(CODE));
    b.relay.connect();
    await until(() => Object.keys(text(b.doc)).length === 400, 'large first sync');
  });

  it('rotates the code as admin; others are told the code changed', async () => {
    const h = await host();
    const admin = new Uint8Array(32).fill(3);
    const a = client(h.url, keysFor(CODE, admin));
    a.relay.connect();
    await until(() => a.relay.state.kind === 'connected', 'facilitator');
    const b = client(h.url, keysFor(CODE));
    b.relay.connect();
    await until(() => b.relay.state.kind === 'connected', 'participant');
    const newKey = await deriveAuthKey(await deriveRoomKey('HHHHH-JJJJJ', ROOM));
    await a.relay.rotate(newKey);
    expect(h.received.at(-1)).toEqual({ t: 'rotate', authKey: toBase64Url(newKey) });
    await until(() => b.relay.state.kind === 'stopped', 'participant stopped');
    expect(b.relay.state).toEqual({ kind: 'stopped', reason: 'codeChanged' });
  });

  it('sends only its own presence and can have a participant removed', async () => {
    const h = await host();
    const admin = new Uint8Array(32).fill(5);
    const a = client(h.url, keysFor(CODE, admin));
    a.awareness.setLocalStateField('user', { name: 'Facilitator', colour: '#000' });
    a.relay.connect();
    await until(() => a.relay.state.kind === 'connected', 'facilitator');
    const b = client(h.url, keysFor(CODE));
    b.awareness.setLocalStateField('user', { name: 'Ola', colour: '#111' });
    b.relay.connect();
    await until(() => (a.awareness.getStates().get(b.doc.clientID) as { user?: { name: string } } | undefined)?.user?.name === 'Ola', 'B presence on A');
    expect(a.relay.remove([b.doc.clientID])).toBe(true);
    await until(() => b.relay.state.kind === 'stopped', 'removed');
    expect(b.relay.state).toEqual({ kind: 'stopped', reason: 'removed' });
    expect(a.relay.state.kind).toBe('connected');
  });
});
