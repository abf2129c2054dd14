import { WebrtcProvider, type Room } from 'y-webrtc';
import type { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { isLocalOrigin } from '../../shared/model';
import { normaliseJoinCode } from '../../shared/protocol/access';
import { SIGNAL_PATH } from '../../shared/protocol/room-wire';
import { readIceServers } from './network-settings';

const WEBRTC_FLAG = 'transition-lab.webrtc';

/**
 * WebRTC can be switched off for this page: `?webrtc=off` in the query (before the `#`) or
 * localStorage `transition-lab.webrtc=off`. The relay then carries everything. Used by tests, and
 * a way out on networks where peer connections misbehave.
 */
export function webrtcEnabled(): boolean {
  try {
    if (new URLSearchParams(window.location.search).get('webrtc') === 'off') return false;
    return localStorage.getItem(WEBRTC_FLAG) !== 'off';
  } catch {
    return true;
  }
}

export function signalingUrl(hostUrl: string, ticket: string): string {
  const url = new URL(hostUrl);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  url.pathname = SIGNAL_PATH;
  url.search = `?ticket=${encodeURIComponent(ticket)}`;
  url.hash = '';
  return url.toString();
}

export interface WebrtcOptions {
  /** True while this page's relay connection to the host is up: the host then reaches everyone. */
  relayCarries?: () => boolean;
  roomId: string;
  doc: Y.Doc;
  awareness: Awareness;
  hostUrl: string;
  ticket: string;
  joinCode: string;
}

/**
 * y-webrtc keeps one room per name in a module-global map and releases it only after the old
 * provider's key promise settles, so a new provider for the same room waits for the old one.
 */
const closing = new Map<string, Promise<unknown>>();

export async function createWebrtcProvider(options: WebrtcOptions): Promise<WebrtcProvider> {
  installWebrtcErrorFilter();
  await closing.get(options.roomId);
  const provider = new WebrtcProvider(options.roomId, options.doc, {
    // Our host only: never y-webrtc's public default signaling servers or public STUN.
    signaling: [signalingUrl(options.hostUrl, options.ticket)],
    password: normaliseJoinCode(options.joinCode),
    awareness: options.awareness,
    maxConns: 20,
    peerOpts: { config: { iceServers: readIceServers() } },
  });
  // The room exists once the key is derived; this `then` runs right after y-webrtc's own.
  void provider.key.then(() => {
    if (!provider.room) return;
    forwardAfterRender(provider.room, options.relayCarries);
    ownPresenceOnly(provider.room, options.relayCarries);
  });
  return provider;
}

/**
 * y-webrtc passes every update on to all its peers, also one that just arrived (from a peer, the
 * relay or another tab), and does so inside the transaction that applied it — before React gets
 * to render the change. Forwarding an arrived update is only for peers the sender may not reach:
 * while this page's relay is up the host reaches every connected peer, and the sender reaches the
 * rest of the mesh itself, so nothing is forwarded (in a room of 20 every edit would otherwise be
 * sent 19 × 19 times). Without the relay an arrived update is forwarded after a microtask: still in
 * the same task, but after the render React queued from the doc's observers. Local edits always go
 * out synchronously.
 */
export function forwardAfterRender(room: Room, relayCarries: () => boolean = () => false): void {
  const send = room._docUpdateHandler;
  const queued: Uint8Array[] = [];
  let scheduled = false;
  const flush = (): void => {
    scheduled = false;
    const batch = queued.splice(0);
    if (batch.length > 0) send(batch.length === 1 ? (batch[0] as Uint8Array) : Y.mergeUpdates(batch), null);
  };
  const handler = (update: Uint8Array, origin: unknown): void => {
    // Edits made here are what the others are waiting for: they go at once.
    if (isLocalOrigin(origin)) {
      flush();
      send(update, origin);
      return;
    }
    if (relayCarries()) return;
    queued.push(update);
    if (!scheduled) {
      scheduled = true;
      queueMicrotask(flush);
    }
  };
  swapListener(room.doc, 'update', send, handler);
  room._docUpdateHandler = handler;
}

type AwarenessChange = { added: number[]; updated: number[]; removed: number[] };

/**
 * The same for presence: y-webrtc re-sends every awareness change it applies, other people's
 * cursors included. While the relay is up each peer's presence reaches everyone through the host
 * and the peer's own direct links, so only this page's own state goes out.
 */
export function ownPresenceOnly(room: Room, relayCarries: () => boolean = () => false): void {
  const send = room._awarenessUpdateHandler as (change: AwarenessChange, origin: unknown) => void;
  const self = room.doc.clientID;
  const handler = (change: AwarenessChange, origin: unknown): void => {
    if (!relayCarries()) return send(change, origin);
    const own = (ids: number[]) => ids.filter((id) => id === self);
    const mine = { added: own(change.added), updated: own(change.updated), removed: own(change.removed) };
    if (mine.added.length + mine.updated.length + mine.removed.length > 0) send(mine, origin);
  };
  swapListener(room.awareness, 'update', send, handler);
  (room as unknown as { _awarenessUpdateHandler: typeof handler })._awarenessUpdateHandler = handler;
}

/** connect()/disconnect() (re)register whatever the room's handler field holds, so swapping it is enough. */
function swapListener(target: unknown, event: string, from: unknown, to: unknown): void {
  const observable = target as { _observers: Map<string, Set<unknown>>; on: (e: string, f: unknown) => void; off: (e: string, f: unknown) => void };
  const wasListening = observable._observers.get(event)?.has(from) ?? false;
  observable.off(event, from);
  if (wasListening) observable.on(event, to);
}

export function destroyWebrtcProvider(provider: WebrtcProvider): void {
  const roomId = provider.roomName;
  // y-webrtc's destroy() leaves the provider registered on its signaling socket, which then
  // reconnects forever with a ticket a restarted host no longer knows (HTTP 401 in a loop):
  // disconnect() is what releases the socket.
  provider.disconnect();
  provider.destroy();
  // Room removal happens in a `then` on the key: wait for it plus one turn before reopening.
  const done = Promise.resolve(provider.key).then(() => new Promise((resolve) => setTimeout(resolve, 0)));
  closing.set(roomId, done);
  void done.then(() => {
    if (closing.get(roomId) === done) closing.delete(roomId);
  });
}

/** True for y-webrtc's known failures that must not take down the page (docs/stack-notes.md). */
export function isKnownWebrtcFailure(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const { name, message, stack } = error as { name?: unknown; message?: unknown; stack?: unknown };
  const text = `${typeof message === 'string' ? message : ''}\n${typeof stack === 'string' ? stack : ''}`;
  // An `answer` for a connection that is already gone: y-webrtc sets glareToken on undefined.
  if (/glareToken/.test(text)) return true;
  // Signaling payload encrypted with another join code: AES-GCM decryption fails.
  if (name === 'OperationError' && /decrypt|operation-specific reason/i.test(text)) return true;
  // simple-peer tearing down a connection mid-negotiation.
  if (/Connection failed|Ice connection failed|Called in wrong state|wrong state: stable/i.test(text) && /simple-?peer|RTCPeerConnection|setRemoteDescription|webrtc/i.test(text)) return true;
  return false;
}

let filterInstalled = false;

export function installWebrtcErrorFilter(target: Window = window): void {
  if (filterInstalled) return;
  filterInstalled = true;
  target.addEventListener('unhandledrejection', (event) => {
    if (!isKnownWebrtcFailure(event.reason)) return;
    event.preventDefault();
    console.warn('y-webrtc (ignored):', event.reason);
  });
  target.addEventListener('error', (event) => {
    if (!isKnownWebrtcFailure(event.error)) return;
    event.preventDefault();
    console.warn('y-webrtc (ignored):', event.error);
  });
}
