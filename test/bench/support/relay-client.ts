/**
 * A small Node client of the host's /sync protocol (shared/protocol/room-wire.ts), used by the host
 * unit tests and the sync benchmarks. It does the handshake with the shared access.ts and
 * wire-crypto.ts functions and keeps a Y.Doc in sync the way y-websocket's client does.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { WebSocket, type ClientOptions } from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { deriveAdminKey, deriveAuthKey, deriveRoomKey } from '../../../shared/protocol/access';
import { replyToChallenge, type RelayKeys } from '../../../shared/protocol/challenge-reply';
import {
  MESSAGE_AWARENESS,
  MESSAGE_SYNC,
  SYNC_PATH,
  WIRE_VERSION,
  type ClientText,
  type ServerText,
} from '../../../shared/protocol/room-wire';
import { FRAME_BINARY, FRAME_TEXT, frameText, type WireChannel } from '../../../shared/protocol/wire-crypto';

/** The keys a client proves; the same shape the app uses. */
export type RoomKeys = RelayKeys;

const keyCache = new Map<string, Promise<Uint8Array>>();

/** PBKDF2 with 100 000 iterations is slow on purpose; tests reuse the result. */
export async function deriveKeys(joinCode: string, roomId: string, adminSecret?: Uint8Array): Promise<RoomKeys> {
  const cacheKey = `${joinCode}|${roomId}`;
  let auth = keyCache.get(cacheKey);
  if (!auth) {
    auth = deriveRoomKey(joinCode, roomId).then(deriveAuthKey);
    keyCache.set(cacheKey, auth);
  }
  const keys: RoomKeys = { authKey: await auth };
  if (adminSecret) keys.adminKey = await deriveAdminKey(adminSecret);
  return keys;
}

/** A message from the host, after decryption once the channel is up. */
export type Frame = { kind: 'text'; message: ServerText } | { kind: 'binary'; data: Uint8Array };

/**
 * A WebSocket with an awaitable queue of frames and a record of how it closed. Plain until
 * `channel` is set (by `handshake`); from then on `send` seals and incoming frames are opened.
 * A frame that does not open closes the socket with PROTOCOL, as the renderer does.
 */
export class RawSocket {
  readonly ws: WebSocket;
  readonly frames: Frame[] = [];
  /** Binary frames as they came off the wire (before decryption). */
  binaryFrames = 0;
  closeCode: number | undefined;
  readonly closed: Promise<{ code: number; reason: string }>;
  readonly opened: Promise<void>;
  channel: WireChannel | undefined;
  private waiters: Array<() => void> = [];
  private readIndex = 0;
  onFrame: ((frame: Frame) => void) | undefined;

  /** `options.localAddress` lets a test connect as another device (127.0.0.2, …). */
  constructor(url: string, options: ClientOptions = {}) {
    this.ws = new WebSocket(url, { perMessageDeflate: false, ...options });
    this.ws.binaryType = 'nodebuffer';
    this.opened = new Promise((resolve, reject) => {
      this.ws.once('open', () => resolve());
      this.ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
      this.ws.once('error', reject);
    });
    this.opened.catch(() => undefined);
    this.closed = new Promise((resolve) => {
      this.ws.once('close', (code, reason) => {
        this.closeCode = code;
        resolve({ code, reason: reason.toString() });
        this.wake();
      });
    });
    this.ws.on('error', () => undefined);
    this.ws.on('message', (data: Buffer, isBinary) => {
      if (isBinary) this.binaryFrames++;
      const frame = this.decode(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), isBinary);
      if (!frame) {
        this.ws.close(4400);
        return;
      }
      this.frames.push(frame);
      this.onFrame?.(frame);
      this.wake();
    });
  }

  private decode(bytes: Uint8Array, isBinary: boolean): Frame | null {
    const text = (payload: Uint8Array): Frame => ({ kind: 'text', message: JSON.parse(frameText(payload)) as ServerText });
    if (!this.channel) return isBinary ? { kind: 'binary', data: bytes } : text(bytes);
    if (!isBinary) return null;
    try {
      const opened = this.channel.open(bytes);
      return opened.kind === FRAME_BINARY ? { kind: 'binary', data: opened.payload } : text(opened.payload);
    } catch {
      return null;
    }
  }

  /** Sealed once the channel is up (strings and objects as JSON messages, bytes as y-protocols). */
  send(data: string | Uint8Array | ClientText | Record<string, unknown>): void {
    if (!this.channel) return this.sendRaw(typeof data === 'string' || data instanceof Uint8Array ? data : JSON.stringify(data));
    if (this.ws.readyState !== WebSocket.OPEN) return;
    if (data instanceof Uint8Array) this.ws.send(this.channel.seal(FRAME_BINARY, data), { binary: true });
    else this.ws.send(this.channel.seal(FRAME_TEXT, new TextEncoder().encode(typeof data === 'string' ? data : JSON.stringify(data))), { binary: true });
  }

  /** Exactly these bytes on the wire, channel or not (tests of what the host does with them). */
  sendRaw(data: string | Uint8Array): void {
    if (this.ws.readyState !== WebSocket.OPEN) return;
    if (typeof data === 'string') this.ws.send(data);
    else this.ws.send(data, { binary: true });
  }

  /** Next unread text frame satisfying `match` (skipping others), or null if the socket closes first. */
  async nextText<T extends ServerText['t']>(t: T, timeoutMs = 5000): Promise<Extract<ServerText, { t: T }> | null> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      while (this.readIndex < this.frames.length) {
        const frame = this.frames[this.readIndex++] as Frame;
        if (frame.kind === 'text' && frame.message.t === t) return frame.message as Extract<ServerText, { t: T }>;
      }
      if (this.closeCode !== undefined) return null;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${t}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  close(): void {
    this.ws.close();
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }
}

export interface HandshakeOptions {
  roomId: string;
  keys: RoomKeys;
  /** Send `claim` (needs keys.adminKey) instead of `hello`. */
  claim?: boolean;
}

export function syncUrl(baseUrl: string, roomId: string): string {
  const url = new URL(baseUrl);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  url.pathname = `${SYNC_PATH}${roomId}`;
  return url.toString();
}

/**
 * Answers the challenge and sets up the socket's channel; resolves with the welcome, or null if
 * the host closed the socket. The facilitator's test client claims directly (the renderer says
 * hello first; the host treats a claim for a known room as a hello either way).
 */
export async function handshake(socket: RawSocket, options: HandshakeOptions) {
  const challenge = await socket.nextText('challenge');
  if (!challenge) return null;
  if (challenge.v !== WIRE_VERSION) throw new Error(`host speaks wire version ${challenge.v}`);
  if (options.claim && !options.keys.adminKey) throw new Error('claim needs an admin key');
  const reply = await replyToChallenge({ roomId: options.roomId, keys: options.keys, nonce: challenge.nonce, serverKey: challenge.key, claim: options.claim ?? false });
  socket.send(reply.message);
  socket.channel = reply.channel;
  return socket.nextText('welcome');
}

export interface RelayClientOptions extends HandshakeOptions {
  baseUrl: string;
  doc?: Y.Doc;
  /** Publish an awareness state (like a real participant). */
  awareness?: boolean;
}

/** A participant on the relay: handshake, then a Y.Doc kept in sync like y-websocket's client. */
export class RelayClient {
  readonly doc: Y.Doc;
  readonly awareness: awarenessProtocol.Awareness | undefined;
  socket!: RawSocket;
  ticket = '';
  admin = false;
  /** Resolves when the host's sync step 2 arrived (the client has everything the host had). */
  synced!: Promise<void>;
  private markSynced: () => void = () => undefined;

  constructor(private readonly options: RelayClientOptions) {
    this.doc = options.doc ?? new Y.Doc();
    if (options.awareness) {
      this.awareness = new awarenessProtocol.Awareness(this.doc);
      this.awareness.setLocalState({ user: { name: `peer-${this.doc.clientID}` } });
      this.awareness.on('update', this.onAwarenessUpdate);
    }
    this.doc.on('update', this.onDocUpdate);
  }

  static async connect(options: RelayClientOptions): Promise<RelayClient> {
    const client = new RelayClient(options);
    await client.connect();
    return client;
  }

  /** (Re)connects; throws if the host refuses (with its close code in the message). */
  async connect(): Promise<void> {
    this.synced = new Promise((resolve) => {
      this.markSynced = resolve;
    });
    const socket = new RawSocket(syncUrl(this.options.baseUrl, this.options.roomId));
    this.socket = socket;
    socket.onFrame = (frame) => {
      if (frame.kind === 'binary') this.onBinary(frame.data);
    };
    await socket.opened;
    const welcome = await handshake(socket, this.options);
    if (!welcome) throw new Error(`host closed the socket with ${(await socket.closed).code}`);
    this.ticket = welcome.ticket;
    this.admin = welcome.admin;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    syncProtocol.writeSyncStep1(encoder, this.doc);
    socket.send(encoding.toUint8Array(encoder));
    if (this.awareness) this.sendAwareness([this.doc.clientID]);
  }

  get connected(): boolean {
    return this.socket?.ws.readyState === WebSocket.OPEN && this.ticket !== '';
  }

  /** Drops the connection; local edits keep accumulating in the doc until connect() again. */
  async disconnect(): Promise<void> {
    const socket = this.socket;
    this.ticket = '';
    if (socket.ws.readyState === WebSocket.CLOSED) return;
    socket.close();
    await socket.closed;
  }

  destroy(): void {
    this.doc.off('update', this.onDocUpdate);
    this.awareness?.destroy();
    this.socket?.ws.terminate();
  }

  private onBinary(data: Uint8Array): void {
    const decoder = decoding.createDecoder(data);
    const type = decoding.readVarUint(decoder);
    if (type === MESSAGE_SYNC) {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MESSAGE_SYNC);
      const syncType = syncProtocol.readSyncMessage(decoder, encoder, this.doc, this);
      if (encoding.length(encoder) > 1) this.socket.send(encoding.toUint8Array(encoder));
      if (syncType === syncProtocol.messageYjsSyncStep2) this.markSynced();
    } else if (type === MESSAGE_AWARENESS && this.awareness) {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, decoding.readVarUint8Array(decoder), this);
    }
  }

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === this || !this.connected) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    syncProtocol.writeUpdate(encoder, update);
    this.socket.send(encoding.toUint8Array(encoder));
  };

  private readonly onAwarenessUpdate = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown): void => {
    if (origin === this || !this.connected) return;
    this.sendAwareness([...added, ...updated, ...removed]);
  };

  private sendAwareness(ids: number[]): void {
    if (!this.awareness) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
    encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids));
    this.socket.send(encoding.toUint8Array(encoder));
  }
}
