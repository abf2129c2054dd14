import type * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import type * as Y from 'yjs';
import {
  CLOSE,
  MESSAGE_QUERY_AWARENESS,
  MESSAGE_SYNC,
  SYNC_PATH,
  WIRE_VERSION,
  type ClientText,
  type ServerText,
} from '../../shared/protocol/room-wire';
import { toBase64Url } from '../../shared/protocol/access';
import { FRAME_BINARY, FRAME_TEXT, frameText, type WireChannel } from '../../shared/protocol/wire-crypto';
import { replyToChallenge, type RelayKeys } from '../../shared/protocol/challenge-reply';
import { awarenessFrame, readFrame, syncStep1Frame, updateFrame, updateInFrame } from '../../shared/protocol/sync-frames';
import { isLocalOrigin } from '../../shared/model/origin';
import { UpdateBatcher } from './update-batcher';
import { ArrivedForwarding } from './arrived-forwarding';
import { inMemoryAdmission, type AdmissionMemory } from './admitted-hosts';
import { backoffDelay } from './backoff';
import { fatalForClose, type RelayEvents, type RelayState, type VersionFatal } from './relay-state';

/** Transaction origin of everything the relay delivered: never sent back to the relay. */
export const RELAY_ORIGIN = Object.freeze({ kind: 'relay' as const });

export type { RelayKeys } from '../../shared/protocol/challenge-reply';

/** Minimal WebSocket constructor: the browser's, or `ws` in Node tests. */
export type WebSocketLike = {
  new (url: string): WebSocket;
};

export interface RelayOptions {
  /** `http://HOST:PORT` (or https): the relay URL is derived from it. */
  hostUrl: string;
  roomId: string;
  doc: Y.Doc;
  awareness: awarenessProtocol.Awareness;
  /** Called on every connection attempt: the current keys (they change when the code is rotated). */
  keys: () => Promise<RelayKeys>;
  WebSocketImpl?: WebSocketLike;
  /** Reconnect backoff: first delay and cap, in ms. */
  minBackoffMs?: number;
  maxBackoffMs?: number;
  /**
   * Cap after a plain lost connection (the host stopped, the Wi-Fi dropped): trying a LAN host
   * once a second costs nothing, and a host that comes back is noticed within that second.
   * Refusals (rate limits, a host that breaks the protocol) keep the long backoff.
   */
  lostConnectionCapMs?: number;
  random?: () => number;
  /** Whether this host admitted this device to the room before; default: this provider's lifetime only. */
  admission?: AdmissionMemory;
  /** How long a peer's update waits to be seen coming from the relay before it is sent up (arrived-forwarding.ts). */
  hostEchoWaitMs?: number;
}

export function relayUrl(hostUrl: string, roomId: string): string {
  const url = new URL(hostUrl);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  url.pathname = `${SYNC_PATH}${encodeURIComponent(roomId)}`;
  url.search = '';
  url.hash = '';
  return url.toString();
}

type Listener<K extends keyof RelayEvents> = RelayEvents[K];

/** One socket and what its handshake established; replaced whole on every (re)connection. */
interface Link {
  readonly socket: WebSocket;
  /** Set when hello/claim goes out; every later frame in both directions goes through it. */
  channel: WireChannel | null;
  answered: boolean;
  welcomed: boolean;
  /** This attempt said hello with an admin key: an UNKNOWN_ROOM answer means "claim it". */
  helloAsAdmin: boolean;
}

/**
 * Client of the host's `/sync/<room>` relay (shared/protocol/room-wire.ts): proves the join code
 * without sending it, agrees on an encrypted channel, then speaks y-protocols sync + awareness
 * through it. Reconnects with backoff, except after a refusal a person must act on (wrong or
 * changed code, removed).
 */
export class RelayProvider {
  private link: Link | null = null;
  private attempt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private active = false;
  /**
   * The facilitator's app says hello first and sends its keys (claim) only after the host said it
   * does not know the room: the sealed keys are the one thing a man in the middle could take, as
   * nothing authenticates the host's ephemeral key.
   */
  private claimNext = false;
  /**
   * Once this host has admitted us, it knows the room; a later "unknown room" is more likely an
   * impostor fishing for the keys than a host that lost its disk, so we no longer claim and stop
   * instead: the facilitator decides (reclaim) whether the host really started over.
   */
  private readonly admission: AdmissionMemory;
  /** What goes up to the relay: the doc's updates, merged and never sent from inside a transaction. */
  private readonly outgoing = new UpdateBatcher((update) => this.sendBinary(updateFrame(update)));
  /** Updates from peers and other tabs go up only if the relay does not show the host has them. */
  private readonly arrived: ArrivedForwarding;
  private currentState: RelayState = { kind: 'offline', retryInMs: null };
  private readonly listeners: { [K in keyof RelayEvents]: Set<Listener<K>> } = {
    state: new Set(),
    ticket: new Set(),
    synced: new Set(),
    remoteUpdate: new Set(),
    hostSaving: new Set(),
  };
  private pendingRotate: { resolve: () => void; reject: (e: Error) => void } | null = null;
  private readonly WebSocketImpl: WebSocketLike;
  private readonly minBackoffMs: number;
  private readonly maxBackoffMs: number;
  private readonly lostConnectionCapMs: number;
  private readonly random: () => number;

  constructor(private readonly options: RelayOptions) {
    this.WebSocketImpl = options.WebSocketImpl ?? globalThis.WebSocket;
    this.minBackoffMs = options.minBackoffMs ?? 500;
    this.maxBackoffMs = options.maxBackoffMs ?? 30_000;
    this.lostConnectionCapMs = options.lostConnectionCapMs ?? 1_000;
    this.random = options.random ?? Math.random;
    this.admission = options.admission ?? inMemoryAdmission();
    this.arrived = new ArrivedForwarding((update) => this.outgoing.push(update), options.hostEchoWaitMs);
    options.doc.on('beforeObserverCalls', this.onBeforeObservers);
    options.doc.on('update', this.onDocUpdate);
    options.awareness.on('update', this.onAwarenessUpdate);
  }

  get state(): RelayState {
    return this.currentState;
  }

  on<K extends keyof RelayEvents>(event: K, listener: RelayEvents[K]): () => void {
    this.listeners[event].add(listener);
    return () => this.listeners[event].delete(listener);
  }

  private emit<K extends keyof RelayEvents>(event: K, ...args: Parameters<RelayEvents[K]>): void {
    for (const listener of this.listeners[event]) (listener as (...a: unknown[]) => void)(...args);
  }

  private setState(state: RelayState): void {
    this.currentState = state;
    this.emit('state', state);
  }

  connect(): void {
    this.active = true;
    this.attempt = 0;
    this.open();
  }

  /** Reconnect now (e.g. the browser came back online): skips the rest of the backoff. */
  retryNow(): void {
    if (!this.active || this.currentState.kind !== 'offline') return;
    this.clearRetry();
    this.open();
  }

  disconnect(): void {
    this.active = false;
    this.clearRetry();
    // Leaving on purpose (closing the session): a batch still waiting goes out first, so the
    // host's copy has everything this device typed.
    this.arrived.flush();
    this.outgoing.flush();
    this.closeSocket(1000);
    if (this.currentState.kind !== 'stopped') this.setState({ kind: 'offline', retryInMs: null });
  }

  destroy(): void {
    this.disconnect();
    this.options.doc.off('beforeObserverCalls', this.onBeforeObservers);
    this.options.doc.off('update', this.onDocUpdate);
    this.options.awareness.off('update', this.onAwarenessUpdate);
    for (const set of Object.values(this.listeners)) set.clear();
  }

  /**
   * The facilitator confirmed that the host which admitted this device before really lost the
   * session (its data folder was reset): hand it the keys once more.
   */
  reclaim(): void {
    this.admission.forget();
    this.claimNext = true;
    this.active = true;
    this.attempt = 0;
    this.open();
  }

  /** Admin only: gives the host a new auth key; resolves when the host confirms. */
  rotate(authKey: Uint8Array): Promise<void> {
    if (this.currentState.kind !== 'connected' || !this.link) return Promise.reject(new Error('not connected'));
    this.pendingRotate?.reject(new Error('superseded'));
    return new Promise<void>((resolve, reject) => {
      this.pendingRotate = { resolve, reject };
      this.sendText({ t: 'rotate', authKey: toBase64Url(authKey) });
    });
  }

  /** Admin only: asks the host to close the sockets of these awareness client ids. */
  remove(clientIds: number[]): boolean {
    if (this.currentState.kind !== 'connected') return false;
    this.sendText({ t: 'remove', clientIds });
    return true;
  }

  private clearRetry(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  private closeSocket(code: number): void {
    const link = this.link;
    this.link = null;
    // Whatever was waiting belongs to the old socket; the next sync step 1/2 covers it.
    this.outgoing.drop();
    this.arrived.drop();
    if (!link) return;
    const { socket } = link;
    socket.onopen = socket.onmessage = socket.onclose = null;
    // Not null: closing a socket still connecting makes some WebSocket implementations (Node's
    // ws) report an error afterwards, which with no listener would surface as an unhandled one.
    socket.onerror = () => {};
    try {
      socket.close(code);
    } catch {
      // Already closing.
    }
  }

  private stopForVersion(fatal: VersionFatal): void {
    this.active = false;
    this.closeSocket(1000);
    this.rejectRotate('another protocol version');
    this.clearRetry();
    this.setState({ kind: 'stopped', reason: fatal });
  }

  /** The host (or someone pretending to be it) broke the protocol: drop this socket, try again later. */
  private abandon(link: Link): void {
    if (this.link !== link) return;
    this.closeSocket(CLOSE.PROTOCOL);
    this.rejectRotate('connection closed');
    this.scheduleRetry();
  }

  private open(): void {
    this.closeSocket(1000);
    this.setState({ kind: 'connecting' });
    let socket: WebSocket;
    try {
      socket = new this.WebSocketImpl(relayUrl(this.options.hostUrl, this.options.roomId));
    } catch {
      this.scheduleRetry();
      return;
    }
    socket.binaryType = 'arraybuffer';
    const link: Link = { socket, channel: null, answered: false, welcomed: false, helloAsAdmin: false };
    this.link = link;
    socket.onmessage = (event: MessageEvent) => {
      if (this.link !== link) return;
      if (typeof event.data === 'string') this.onPlainText(link, event.data);
      else this.onSealed(link, new Uint8Array(event.data as ArrayBuffer));
    };
    socket.onclose = (event: CloseEvent) => {
      if (this.link !== link) return;
      this.link = null;
      this.outgoing.drop();
      this.arrived.drop();
      this.rejectRotate('connection closed');
      const fatal = fatalForClose(event.code);
      if (fatal) {
        this.active = false;
        this.setState({ kind: 'stopped', reason: fatal });
        return;
      }
      if (event.code === CLOSE.UNKNOWN_ROOM && link.helloAsAdmin && this.active) {
        if (this.admission.known()) {
          this.active = false;
          this.setState({ kind: 'stopped', reason: 'hostForgot' });
          return;
        }
        // Our own room, new to this host: claim it right away rather than after a backoff.
        this.claimNext = true;
        this.open();
        return;
      }
      if (event.code === CLOSE.RATE_LIMITED) this.scheduleRetry(4, 'refused');
      else this.scheduleRetry(0, link.welcomed || event.code === 1006 || event.code === CLOSE.GOING_AWAY ? 'lost' : 'refused');
    };
    socket.onerror = () => {
      // onclose follows and decides what to do.
    };
  }

  /** The only plaintext the host may send is the challenge, once, before anything else. */
  private onPlainText(link: Link, data: string): void {
    let message: Partial<Extract<ServerText, { t: 'challenge' }>>;
    try {
      message = JSON.parse(data) as typeof message;
    } catch {
      return this.abandon(link);
    }
    // A host of another wire version cannot understand us (and an older one may word its challenge
    // differently): no retry loop, a message instead.
    if (!link.answered && message.t === 'challenge' && typeof message.v === 'number' && message.v !== WIRE_VERSION) {
      return this.stopForVersion(message.v > WIRE_VERSION ? 'hostNewer' : 'hostOlder');
    }
    if (link.answered || message.t !== 'challenge' || typeof message.nonce !== 'string' || typeof message.key !== 'string') {
      return this.abandon(link);
    }
    link.answered = true;
    void this.answerChallenge(link, message.nonce, message.key);
  }

  private onSealed(link: Link, data: Uint8Array): void {
    let kind: number;
    let payload: Uint8Array;
    let message: ServerText | null = null;
    try {
      if (!link.channel) throw new Error('binary frame before the handshake');
      ({ kind, payload } = link.channel.open(data));
      if (kind === FRAME_TEXT) message = JSON.parse(frameText(payload)) as ServerText;
    } catch {
      // Altered, replayed or forged (or plaintext where a sealed frame belongs).
      return this.abandon(link);
    }
    if (message === null) {
      if (!link.welcomed) return this.abandon(link);
      this.onBinary(payload);
    } else if (message.t === 'welcome') {
      if (link.welcomed) return this.abandon(link);
      link.welcomed = true;
      this.attempt = 0;
      this.claimNext = false;
      this.admission.remember();
      this.setState({ kind: 'connected', connections: message.connections, admin: message.admin });
      this.emit('ticket', message.ticket);
      // A host still unable to save says so right after welcome.
      this.emit('hostSaving', true);
      this.sendSyncStep1();
      this.sendLocalAwareness();
    } else if (message.t === 'presence' && this.currentState.kind === 'connected') {
      this.setState({ ...this.currentState, connections: message.connections });
    } else if (message.t === 'storage' && link.welcomed) {
      this.emit('hostSaving', message.saving === true);
    } else if (message.t === 'rotated') {
      this.pendingRotate?.resolve();
      this.pendingRotate = null;
    }
  }

  private rejectRotate(reason: string): void {
    this.pendingRotate?.reject(new Error(reason));
    this.pendingRotate = null;
  }

  private scheduleRetry(extraAttempts = 0, why: 'lost' | 'refused' = 'refused'): void {
    if (!this.active) {
      this.setState({ kind: 'offline', retryInMs: null });
      return;
    }
    const cap = why === 'lost' ? Math.min(this.maxBackoffMs, this.lostConnectionCapMs) : this.maxBackoffMs;
    const delay = backoffDelay(this.attempt + extraAttempts, this.minBackoffMs, cap, this.random);
    this.attempt++;
    this.setState({ kind: 'offline', retryInMs: delay });
    this.clearRetry();
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (this.active) this.open();
    }, delay);
  }

  private async answerChallenge(link: Link, nonce: string, serverKey: string): Promise<void> {
    try {
      const keys = await this.options.keys();
      const reply = await replyToChallenge({ roomId: this.options.roomId, keys, nonce, serverKey, claim: this.claimNext });
      if (this.link !== link) return;
      link.helloAsAdmin = reply.helloAsAdmin;
      // The channel exists before the host can answer, so its welcome always finds it.
      link.channel = reply.channel;
      link.socket.send(JSON.stringify(reply.message));
    } catch {
      this.abandon(link);
    }
  }

  private sendText(message: ClientText): void {
    const channel = this.link?.channel;
    if (!channel || !this.link?.welcomed) return;
    this.link.socket.send(channel.sealText(message));
  }

  private sendBinary(bytes: Uint8Array): void {
    const link = this.link;
    if (this.currentState.kind !== 'connected' || !link?.channel || !link.welcomed || link.socket.readyState !== 1) return;
    link.socket.send(link.channel.seal(FRAME_BINARY, bytes));
  }

  private sendSyncStep1(): void {
    this.sendBinary(syncStep1Frame(this.options.doc));
  }

  private sendLocalAwareness(): void {
    const { awareness, doc } = this.options;
    if (awareness.getLocalState() === null) return;
    this.sendAwareness([doc.clientID]);
  }

  private sendAwareness(clients: number[]): void {
    this.sendBinary(awarenessFrame(this.options.awareness, clients));
  }

  private onBinary(data: Uint8Array): void {
    const update = updateInFrame(data);
    if (update) this.arrived.deliveredByRelay(update);
    const { type, syncType, reply } = readFrame(data, { doc: this.options.doc, awareness: this.options.awareness, origin: RELAY_ORIGIN });
    if (reply) this.sendBinary(reply);
    if (type === MESSAGE_SYNC) {
      if (syncType === syncProtocol.messageYjsSyncStep2) this.emit('synced');
      if (syncType !== syncProtocol.messageYjsSyncStep1) this.emit('remoteUpdate');
    } else if (type === MESSAGE_QUERY_AWARENESS) {
      this.sendLocalAwareness();
    }
  }

  private readonly onBeforeObservers = (transaction: Y.Transaction): void => {
    if (this.currentState.kind === 'connected' && isLocalOrigin(transaction.origin)) this.outgoing.expect();
  };

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === RELAY_ORIGIN) return;
    // Not connected: nothing to queue; the next welcome's sync step 1/2 carries it.
    if (this.currentState.kind !== 'connected') return;
    if (isLocalOrigin(origin)) this.outgoing.push(update);
    else this.arrived.arrived(update);
  };

  /**
   * How long updates may wait to be sent together. 0 (the default): at the end of the current
   * task. Longer when every other person in the room is also reached directly over WebRTC: the
   * relay then only keeps the host's copy current, and a typing burst costs the host (the
   * facilitator's laptop) one merged message per batch instead of one per keystroke from each
   * peer — and never competes with the direct path in the millisecond a change is on its way.
   */
  setBatchDelay(ms: number): void {
    this.outgoing.setDelay(ms);
  }

  /** Only this device's own presence goes up: every peer speaks for itself (and `remove` relies on it). */
  private readonly onAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    if (origin === RELAY_ORIGIN) return;
    const self = this.options.doc.clientID;
    if ([...added, ...updated, ...removed].includes(self)) this.sendAwareness([self]);
  };
}

