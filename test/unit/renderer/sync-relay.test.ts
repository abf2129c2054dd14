import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import type { AddressInfo } from 'node:net';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { computeProof, deriveAuthKey, deriveRoomKey, fromBase64Url, proofsEqual, randomNonce, toBase64Url } from '../../../shared/protocol/access';
import { CLOSE, MESSAGE_AWARENESS, MESSAGE_SYNC, WIRE_VERSION, type ClientText } from '../../../shared/protocol/room-wire';
import {
  deriveChannelKeys,
  FRAME_BINARY,
  FRAME_TEXT,
  frameText,
  handshakeTranscript,
  newEphemeralKeyPair,
  openClaim,
  sharedSecret,
  WireChannel,
  type EphemeralKeyPair,
  type FrameKind,
  type OpenedFrame,
} from '../../../shared/protocol/wire-crypto';
import { RELAY_ORIGIN, RelayProvider, relayUrl, type RelayKeys, type WebSocketLike } from '../../../renderer/sync/relay-provider';
import { backoffDelay } from '../../../renderer/sync/backoff';
import { relayFatalMessageKey, type RelayState } from '../../../renderer/sync/relay-state';
import { HOST_ECHO_WAIT_MS } from '../../../renderer/sync/arrived-forwarding';

const ROOM = 'abcdefghijklmnopqrstuvwxy';
const CODE = 'ABCDE-FGHJK';

interface FakeSocketState {
  nonce: string;
  ephemeral: EphemeralKeyPair;
  channel: WireChannel | null;
}

/**
 * A tiny host that follows shared/protocol/room-wire.ts: challenge, proof check, encrypted welcome,
 * then sealed y-websocket frames relayed through a server-side doc. Enough to test the client on
 * its own.
 */
class FakeHost {
  readonly doc = new Y.Doc();
  readonly wss: WebSocketServer;
  authKey: Uint8Array | null = null;
  adminKey: Uint8Array | null = null;
  readonly joined = new Set<WebSocket>();
  /** Every client text message: the handshake as sent, later ones after decryption. */
  readonly received: ClientText[] = [];
  /** Sync messages (updates and steps) each socket sent after welcome, decrypted, in order. */
  readonly syncFrames = new Map<WebSocket, Uint8Array[]>();
  /** Binary frames each socket got (to prove no content before welcome). */
  readonly binaryBeforeWelcome: number[] = [];
  awarenessClientIds = new Map<WebSocket, Set<number>>();
  private readonly states = new Map<WebSocket, FakeSocketState>();

  constructor(port = 0) {
    this.wss = new WebSocketServer({ port, host: '127.0.0.1' });
    this.wss.on('connection', (ws) => this.accept(ws));
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MESSAGE_SYNC);
      syncProtocol.writeUpdate(encoder, update);
      const frame = encoding.toUint8Array(encoder);
      for (const ws of this.joined) if (ws !== origin) this.sendBinary(ws, frame);
    });
  }

  get url(): string {
    return `http://127.0.0.1:${(this.wss.address() as AddressInfo).port}`;
  }

  async setCode(code: string): Promise<void> {
    this.authKey = await deriveAuthKey(await deriveRoomKey(code, ROOM));
  }

  /** The sockets that passed the handshake (in order). */
  get sockets(): WebSocket[] {
    return [...this.syncFrames.keys()];
  }

  /** A frame sealed with this socket's real channel (it advances the counter, as sending does). */
  seal(ws: WebSocket, kind: FrameKind, payload: Uint8Array): Uint8Array {
    const channel = this.states.get(ws)?.channel;
    if (!channel) throw new Error('no channel yet');
    return channel.seal(kind, payload);
  }

  sendBinary(ws: WebSocket, payload: Uint8Array): void {
    const channel = this.states.get(ws)?.channel;
    if (channel && ws.readyState === WebSocket.OPEN) ws.send(channel.seal(FRAME_BINARY, payload));
  }

  sendText(ws: WebSocket, message: unknown): void {
    const channel = this.states.get(ws)?.channel;
    if (channel && ws.readyState === WebSocket.OPEN) ws.send(channel.sealText(message));
  }

  private presence(): void {
    for (const ws of this.joined) this.sendText(ws, { t: 'presence', connections: this.joined.size });
  }

  private accept(ws: WebSocket): void {
    const state: FakeSocketState = { nonce: randomNonce(), ephemeral: newEphemeralKeyPair(), channel: null };
    this.states.set(ws, state);
    ws.send(JSON.stringify({ t: 'challenge', v: WIRE_VERSION, nonce: state.nonce, key: state.ephemeral.publicKey }));
    ws.on('close', () => {
      if (this.joined.delete(ws)) this.presence();
    });
    ws.on('message', (data: RawData, isBinary: boolean) => void this.onMessage(ws, state, data, isBinary));
  }

  private async onMessage(ws: WebSocket, state: FakeSocketState, data: RawData, isBinary: boolean): Promise<void> {
    const bytes = new Uint8Array(data as Buffer);
    if (!state.channel) {
      if (isBinary) {
        this.binaryBeforeWelcome.push(bytes.length);
        return;
      }
      await this.onHandshake(ws, state, JSON.parse(Buffer.from(bytes).toString('utf8')) as ClientText);
      return;
    }
    let opened: OpenedFrame;
    try {
      opened = state.channel.open(bytes);
    } catch {
      ws.close(CLOSE.PROTOCOL);
      return;
    }
    if (opened.kind === FRAME_TEXT) {
      const message = JSON.parse(frameText(opened.payload)) as ClientText;
      this.received.push(message);
      if (message.t === 'rotate') {
        this.authKey = fromBase64Url(message.authKey);
        this.sendText(ws, { t: 'rotated' });
        for (const other of this.joined) if (other !== ws) other.close(CLOSE.CODE_CHANGED);
      } else if (message.t === 'remove') {
        for (const [other, ids] of this.awarenessClientIds) if (message.clientIds.some((id) => ids.has(id))) other.close(CLOSE.REMOVED);
      }
      return;
    }
    this.onBinary(ws, opened.payload);
  }

  private async onHandshake(ws: WebSocket, state: FakeSocketState, message: ClientText): Promise<void> {
    this.received.push(message);
    if (message.t !== 'hello' && message.t !== 'claim') return ws.close(CLOSE.PROTOCOL);
    const shared = sharedSecret(state.ephemeral.secretKey, message.key);
    const transcript = handshakeTranscript(state.nonce, state.ephemeral.publicKey, message.key);
    if (message.t === 'claim' && !this.authKey) {
      const keys = openClaim(shared, message.sealed);
      if (!keys) return ws.close(CLOSE.PROTOCOL);
      this.authKey = keys.authKey;
      this.adminKey = keys.adminKey;
    }
    if (!this.authKey) return ws.close(CLOSE.UNKNOWN_ROOM);
    if (!proofsEqual(await computeProof(this.authKey, ROOM, 'sync', transcript), message.proof)) return ws.close(CLOSE.WRONG_CODE);
    const admin =
      message.adminProof !== undefined && !!this.adminKey && proofsEqual(await computeProof(this.adminKey, ROOM, 'sync', transcript), message.adminProof);
    state.channel = WireChannel.forServer(deriveChannelKeys(shared, this.authKey, state.nonce));
    this.joined.add(ws);
    this.syncFrames.set(ws, []);
    this.sendText(ws, { t: 'welcome', ticket: randomNonce(), admin, connections: this.joined.size });
    this.presence();
  }

  private onBinary(ws: WebSocket, bytes: Uint8Array): void {
    if (!this.joined.has(ws)) return;
    const decoder = decoding.createDecoder(bytes);
    const type = decoding.readVarUint(decoder);
    if (type === MESSAGE_SYNC) {
      this.syncFrames.get(ws)?.push(bytes);
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MESSAGE_SYNC);
      const syncType = syncProtocol.readSyncMessage(decoder, encoder, this.doc, ws);
      if (encoding.length(encoder) > 1) this.sendBinary(ws, encoding.toUint8Array(encoder));
      if (syncType === syncProtocol.messageYjsSyncStep1) {
        const step1 = encoding.createEncoder();
        encoding.writeVarUint(step1, MESSAGE_SYNC);
        syncProtocol.writeSyncStep1(step1, this.doc);
        this.sendBinary(ws, encoding.toUint8Array(step1));
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
      for (const other of this.joined) if (other !== ws) this.sendBinary(other, bytes);
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

function client(
  hostUrl: string,
  keys: () => Promise<RelayKeys>,
  doc = new Y.Doc(),
  WebSocketImpl: WebSocketLike = WebSocket as unknown as WebSocketLike,
  backoff: { minBackoffMs: number; maxBackoffMs: number; lostConnectionCapMs?: number } = { minBackoffMs: 20, maxBackoffMs: 200 },
) {
  const awareness = new Awareness(doc);
  const states: RelayState[] = [];
  const relay = new RelayProvider({
    hostUrl,
    roomId: ROOM,
    doc,
    awareness,
    keys,
    WebSocketImpl,
    ...backoff,
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

/** The browser WebSocket as the provider sees it, counting what it sends. */
function countingWebSocket(): { WebSocketImpl: WebSocketLike; sends: () => number } {
  let sends = 0;
  const Base = WebSocket as unknown as WebSocketLike;
  class Counting extends Base {
    constructor(url: string) {
      super(url);
      const send = this.send.bind(this);
      this.send = (data) => {
        sends++;
        send(data);
      };
    }
  }
  return { WebSocketImpl: Counting, sends: () => sends };
}

function syncMessageType(frame: Uint8Array): number {
  const decoder = decoding.createDecoder(frame);
  decoding.readVarUint(decoder);
  return decoding.readVarUint(decoder);
}

/**
 * A client connected to a fresh host with the handshake's step 1/2 and awareness settled, its
 * socket's sends counted: what a test then sends is only its own doing.
 */
async function settledClient() {
  const h = await host();
  await h.setCode(CODE);
  const counting = countingWebSocket();
  const a = client(h.url, keysFor(CODE), new Y.Doc(), counting.WebSocketImpl);
  a.relay.connect();
  await until(() => a.relay.state.kind === 'connected' && h.sockets.length === 1, 'welcome');
  const ws = h.sockets[0] as WebSocket;
  await until(() => (h.syncFrames.get(ws) ?? []).length >= 2, 'initial sync');
  await new Promise((resolve) => setTimeout(resolve, 50));
  return { h, a, counting, ws };
}

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
    // Hello first; the keys leave the app (sealed) only after the host said it lacks the room.
    expect(h.received.map((m) => m.t)).toEqual(['hello', 'claim']);
    const { authKey, adminKey } = await keysFor(CODE, admin)();
    for (const message of h.received) {
      const json = JSON.stringify(message);
      expect(json).not.toContain('ABCDE');
      expect(json).not.toContain(toBase64Url(authKey));
      expect(json).not.toContain(toBase64Url(adminKey ?? new Uint8Array()));
    }
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

  it('while the host is gone it keeps trying at the short cap for a lost connection, so a host that returns is noticed at once', async () => {
    let h = await host();
    await h.setCode(CODE);
    const port = (h.wss.address() as AddressInfo).port;
    const a = client(h.url, keysFor(CODE), undefined, undefined, { minBackoffMs: 20, maxBackoffMs: 30_000, lostConnectionCapMs: 150 });
    a.relay.connect();
    await until(() => a.relay.state.kind === 'connected', 'connected');
    await h.close();
    await new Promise((r) => setTimeout(r, 1_200));
    const delays = a.states.flatMap((s) => (s.kind === 'offline' && s.retryInMs !== null ? [s.retryInMs] : []));
    // Without the cap the fifth attempt would already wait 160–320 ms and the tenth 5–10 s.
    expect(delays.length).toBeGreaterThanOrEqual(6);
    expect(Math.max(...delays)).toBeLessThanOrEqual(150);
    h = await host(port);
    await h.setCode(CODE);
    await until(() => a.relay.state.kind === 'connected', 'back');
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

  it('says hello (not claim) on later connections of the facilitator, once the host knows the room', async () => {
    const h = await host();
    const admin = new Uint8Array(32).fill(9);
    const a = client(h.url, keysFor(CODE, admin));
    a.relay.connect();
    await until(() => a.relay.state.kind === 'connected', 'first welcome');
    a.relay.disconnect();
    a.relay.connect();
    await until(() => a.relay.state.kind === 'connected' && h.received.length === 3, 'second welcome');
    expect(h.received.map((m) => m.t)).toEqual(['hello', 'claim', 'hello']);
    expect(h.received[2]).toHaveProperty('adminProof');
    expect(a.relay.state).toMatchObject({ admin: true });
  });

  it('does not hand over its keys to a host that "forgot" the room after admitting it', async () => {
    const h = await host();
    const admin = new Uint8Array(32).fill(4);
    const a = client(h.url, keysFor(CODE, admin));
    a.relay.connect();
    await until(() => a.relay.state.kind === 'connected', 'first welcome');
    // An impostor (or a host that started over) now answers every hello with UNKNOWN_ROOM.
    h.authKey = null;
    h.adminKey = null;
    const before = h.received.length;
    for (const ws of h.sockets) ws.close(1012);
    // It stops and asks the facilitator (connection.hostForgot) rather than claiming.
    await until(() => a.relay.state.kind === 'stopped', 'a stop');
    expect(a.relay.state).toEqual({ kind: 'stopped', reason: 'hostForgot' });
    expect(h.received.slice(before).map((m) => m.t)).toEqual(['hello']);
  });

  it('sends a burst of local edits as one frame, after the editing code has returned', async () => {
    // The handshake's step 1/2 and awareness have settled, so the count below is only the burst.
    const { h, a, counting, ws } = await settledClient();
    const sendsBefore = counting.sends();
    const framesBefore = h.syncFrames.get(ws)?.length ?? 0;

    const notes = a.doc.getMap('notes');
    notes.set('b1', 'first');
    notes.set('b2', 'second');
    a.doc.transact(() => notes.set('b3', 'third'));
    // Nothing went out while the edits ran: WebRTC and React come first.
    expect(counting.sends()).toBe(sendsBefore);
    await Promise.resolve();
    expect(counting.sends()).toBe(sendsBefore + 1);

    await until(() => text(h.doc).b3 === 'third', 'burst on host');
    expect(text(h.doc)).toMatchObject({ b1: 'first', b2: 'second', b3: 'third' });
    const frames = (h.syncFrames.get(ws) ?? []).slice(framesBefore);
    expect(frames.map(syncMessageType)).toEqual([syncProtocol.messageYjsUpdate]);
  });

  it('with everyone also reached over WebRTC, batches edits for the host; back to at once when someone needs the relay', async () => {
    const { h, a, counting } = await settledClient();

    a.relay.setBatchDelay(80);
    const sendsBefore = counting.sends();
    const notes = a.doc.getMap('notes');
    notes.set('t1', 'typing');
    await new Promise((resolve) => setTimeout(resolve, 20));
    notes.set('t2', 'more typing');
    await new Promise((resolve) => setTimeout(resolve, 20));
    // Still inside the batch window: nothing sent yet.
    expect(counting.sends()).toBe(sendsBefore);
    await until(() => text(h.doc).t2 === 'more typing', 'batch on host');
    expect(counting.sends()).toBe(sendsBefore + 1);
    expect(text(h.doc)).toMatchObject({ t1: 'typing', t2: 'more typing' });

    // A participant without WebRTC arrives: what waits goes out now, and later edits at once.
    notes.set('t3', 'waiting');
    a.relay.setBatchDelay(0);
    expect(counting.sends()).toBe(sendsBefore + 2);
    notes.set('t4', 'live');
    await Promise.resolve();
    expect(counting.sends()).toBe(sendsBefore + 3);
    await until(() => text(h.doc).t4 === 'live', 'live edit on host');

    // Closing the session sends a waiting batch before the socket goes.
    a.relay.setBatchDelay(1000);
    notes.set('t5', 'last words');
    a.relay.disconnect();
    await until(() => text(h.doc).t5 === 'last words', 'batch sent on disconnect');
  });

  it('sends a local edit ahead of the render its observers schedule, and edits of one task as one message', async () => {
    const { h, a, counting } = await settledClient();

    const notes = a.doc.getMap('notes');
    // What React does with a change: its render runs in a microtask queued by the observer.
    const sentWhenRendering: number[] = [];
    notes.observe(() => queueMicrotask(() => sentWhenRendering.push(counting.sends())));
    const before = counting.sends();
    notes.set('n1', 'a new note');
    notes.set('n2', 'and another, in the same task');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(sentWhenRendering).toEqual([before + 1, before + 1]);
    expect(counting.sends()).toBe(before + 1);
    await until(() => text(h.doc).n2 === 'and another, in the same task', 'both on host');
    expect(text(h.doc)).toMatchObject({ n1: 'a new note' });
  });

  it('never sends a relayed update back to the relay', async () => {
    const { h, a, counting } = await settledClient();
    const sendsBefore = counting.sends();
    h.doc.getMap('notes').set('from-host', 'x');
    await until(() => text(a.doc)['from-host'] === 'x', 'host edit on A');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(counting.sends()).toBe(sendsBefore);
  });

  it("sends a peer's update up only when the relay has not shown the host has it", async () => {
    const h = await host();
    await h.setCode(CODE);
    const a = client(h.url, keysFor(CODE));
    const counting = countingWebSocket();
    const b = client(h.url, keysFor(CODE), new Y.Doc(), counting.WebSocketImpl);
    a.relay.connect();
    b.relay.connect();
    await until(() => a.relay.state.kind === 'connected' && b.relay.state.kind === 'connected' && h.sockets.length === 2, 'welcome');
    await new Promise((resolve) => setTimeout(resolve, 50));
    const PEER = { kind: 'webrtc peer' };

    // A's edit reaches B directly (as over WebRTC) and through the host: B does not send it up.
    const before = Y.encodeStateVector(a.doc);
    a.doc.getMap('notes').set('from-a', 'typed on A');
    Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(a.doc, before), PEER);
    const sendsBefore = counting.sends();
    await new Promise((resolve) => setTimeout(resolve, HOST_ECHO_WAIT_MS + 300));
    expect(text(h.doc)['from-a']).toBe('typed on A');
    expect(counting.sends()).toBe(sendsBefore);

    // An edit from a peer whose relay is down reaches B only directly: B sends it up after the wait.
    const offRelay = new Y.Doc();
    offRelay.getMap('notes').set('from-c', 'typed on C, relay down');
    Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(offRelay), PEER);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(text(h.doc)['from-c']).toBeUndefined();
    await until(() => text(h.doc)['from-c'] === 'typed on C, relay down', 'C edit on the host through B');
    // The host hands it on to A over A's own socket: that arrives a moment after the host has it.
    await until(() => text(a.doc)['from-c'] === 'typed on C, relay down', 'C edit on A through the host');
    expect(counting.sends()).toBe(sendsBefore + 1);
  });

  it('loses nothing queued when the connection drops before the flush: the reconnect sync carries it', async () => {
    const h = await host();
    await h.setCode(CODE);
    const a = client(h.url, keysFor(CODE));
    a.relay.connect();
    await until(() => a.relay.state.kind === 'connected' && h.sockets.length === 1, 'welcome');
    a.doc.getMap('notes').set('queued', 'typed just before the Wi-Fi dropped');
    // The link dies under the queued edit (the host side goes away without a goodbye).
    (h.sockets[0] as WebSocket).terminate();
    a.doc.getMap('notes').set('offline', 'typed while offline');
    await until(() => text(h.doc).queued !== undefined && text(h.doc).offline !== undefined, 'both edits on the host after reconnect');

    // Leaving on purpose with a flush pending: the edit still reaches the host, nothing throws.
    const b = client(h.url, keysFor(CODE));
    b.relay.connect();
    await until(() => b.relay.state.kind === 'connected', 'B welcome');
    b.doc.getMap('notes').set('last', 'typed right before closing the session');
    b.relay.destroy();
    await until(() => text(h.doc).last !== undefined, 'last edit on the host');
  });

  it('drops a connection on a plaintext, altered or replayed frame from the host, then reconnects and syncs', async () => {
    const h = await host();
    await h.setCode(CODE);
    const a = client(h.url, keysFor(CODE));
    a.relay.connect();
    const connectedOn = async (sockets: number) => {
      await until(() => h.sockets.length === sockets && a.relay.state.kind === 'connected', `connection ${sockets}`);
      return h.sockets[sockets - 1] as WebSocket;
    };
    const presence = (connections: number) => new TextEncoder().encode(JSON.stringify({ t: 'presence', connections }));

    // A forged plaintext frame after the handshake, as an attacker on the Wi-Fi could inject.
    const first = await connectedOn(1);
    first.send(JSON.stringify({ t: 'presence', connections: 99 }));
    const second = await connectedOn(2);
    expect(first.readyState).not.toBe(WebSocket.OPEN);

    // One flipped bit in an otherwise valid frame.
    const altered = h.seal(second, FRAME_TEXT, presence(98));
    altered[3] = (altered[3] as number) ^ 0x01;
    second.send(altered);
    const third = await connectedOn(3);

    // A valid frame sent twice: the second copy is a replay.
    const valid = h.seal(third, FRAME_TEXT, presence(1));
    third.send(valid);
    third.send(valid);
    await connectedOn(4);

    expect(a.states.some((s) => s.kind === 'connected' && s.connections > 90)).toBe(false);
    h.doc.getMap('notes').set('after', 'still syncing');
    await until(() => text(a.doc).after === 'still syncing', 'sync after the reconnects');
  });

  for (const [v, fatal] of [
    [1, 'hostOlder'],
    [3, 'hostNewer'],
  ] as const) {
    it(`does not answer a host of wire version ${v}: stops with "${fatal}" (a message to reload or update), no retry loop`, async () => {
      const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
      await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
      cleanups.push(() => new Promise<void>((resolve) => wss.close(() => resolve())));
      const got: string[] = [];
      let connections = 0;
      wss.on('connection', (ws) => {
        connections++;
        ws.send(JSON.stringify({ t: 'challenge', v, nonce: randomNonce() }));
        ws.on('message', (data: RawData) => got.push(String(data)));
      });
      const a = client(`http://127.0.0.1:${(wss.address() as AddressInfo).port}`, keysFor(CODE));
      a.relay.connect();
      await until(() => a.relay.state.kind === 'stopped', 'stopped');
      expect(a.relay.state).toEqual({ kind: 'stopped', reason: fatal });
      expect(relayFatalMessageKey(fatal)).toBe(`connection.${fatal}`);
      await new Promise((r) => setTimeout(r, 400));
      expect(connections).toBe(1);
      expect(got).toEqual([]);
      for (const ws of wss.clients) ws.terminate();
    });
  }

});
