import type { WebrtcProvider } from 'y-webrtc';
import { newJoinCode } from '../../shared/protocol/access';
import { LOCAL_ORIGIN } from '../../shared/model';
import { removeAwarenessStates, type Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import type { SessionAccess, TransitionLabDb } from '../storage/database';
import type { PresenceUser } from '../identity/person';
import { authKeyFor, relayKeys } from './access-keys';
import { RELAY_ORIGIN, RelayProvider, type WebSocketLike } from './relay-provider';
import type { RelayFatal, RelayState } from './relay-state';
import { admissionMemory } from './admitted-hosts';
import { createWebrtcProvider, destroyWebrtcProvider, webrtcEnabled } from './webrtc';

/** What the transports need of an open session (session/ owns it; sync/ never imports session/). */
export interface SyncedSession {
  id: string;
  doc: Y.Doc;
  awareness: Awareness;
}

export interface SyncSnapshot {
  /** This window talks to the host it runs itself (the session was created here), not to a joined one. */
  hosting: boolean;
  /** False when this window has no host to talk to (desktop app whose host is not running). */
  hasHost: boolean;
  relay: RelayState;
  webrtc: 'off' | 'waiting' | 'on';
  /** Peers with an open WebRTC data channel. */
  webrtcPeers: number;
  /** Start of the minute in which data last arrived from anyone (ms), or null. */
  lastSyncedAt: number | null;
  /** The relay refused us or closed us for good; the person has to act. */
  fatal: RelayFatal | null;
  joinCode: string;
  /** The host stopped answering (it was reached before, or the first attempt failed): nobody new can join. */
  hostLost: boolean;
  /** The host says it cannot write the session to its disk (full or read-only); syncing goes on. */
  hostCannotSave: boolean;
}

export interface SessionSyncOptions {
  session: SyncedSession;
  access: SessionAccess;
  /** Asked on every (re)connect and before facilitator requests: the doc decides, not storage. */
  isFacilitator: () => boolean;
  hostUrl: string | null;
  db: TransitionLabDb;
  user: PresenceUser;
  WebSocketImpl?: WebSocketLike;
  /** Tests: never start WebRTC. */
  webrtc?: boolean;
}

/**
 * While every other person on the relay is also connected to us directly, our edits reach them
 * over WebRTC and the relay only keeps the host's copy: it then gets them in batches this long.
 */
export const MESH_RELAY_BATCH_MS = 100;

/** The relay's batch delay for this state: 0 as soon as anyone may depend on it for live edits. */
export function relayBatchDelay(snapshot: SyncSnapshot): number {
  if (snapshot.relay.kind !== 'connected' || snapshot.webrtcPeers === 0) return 0;
  const othersOnRelay = Math.max(0, snapshot.relay.connections - 1);
  return othersOnRelay <= snapshot.webrtcPeers ? MESH_RELAY_BATCH_MS : 0;
}

/** Reconnect attempts (`connecting`) keep the verdict, so the status does not flicker while retrying. */
export function hostLostAfter(wasLost: boolean, state: RelayState): boolean {
  if (state.kind === 'connected') return false;
  if (state.kind === 'offline') return state.retryInMs !== null || wasLost;
  return wasLost;
}

/** Counts people on the other side, whatever carries their edits. */
export function connectedPeers(snapshot: SyncSnapshot): number {
  const relayOthers = snapshot.relay.kind === 'connected' ? Math.max(0, snapshot.relay.connections - 1) : 0;
  return Math.max(relayOthers, snapshot.webrtcPeers);
}

/**
 * Both transports on one doc: the host's relay (always, when the host is reachable) and the
 * y-webrtc mesh (once the relay hands out a signaling ticket). Yjs merges whatever arrives from
 * either, so a peer without WebRTC syncs through the relay, and peers keep syncing over WebRTC
 * while the host is down. Edits made offline are in the doc (and IndexedDB) and go out on reconnect.
 */
export class SessionSync {
  private access: SessionAccess;
  private relay: RelayProvider | null = null;
  private provider: WebrtcProvider | null = null;
  private providerTicket: string | null = null;
  private webrtcGeneration = 0;
  private snapshot: SyncSnapshot;
  private readonly listeners = new Set<() => void>();
  private user: PresenceUser;
  private destroyed = false;
  private readonly useWebrtc: boolean;

  constructor(private readonly options: SessionSyncOptions) {
    this.access = options.access;
    this.user = options.user;
    this.useWebrtc = (options.webrtc ?? true) && webrtcEnabled();
    this.snapshot = {
      hosting: !this.access.hostUrl,
      hasHost: options.hostUrl !== null,
      relay: { kind: 'offline', retryInMs: null },
      webrtc: this.useWebrtc ? 'waiting' : 'off',
      webrtcPeers: 0,
      lastSyncedAt: null,
      fatal: null,
      joinCode: this.access.joinCode,
      hostLost: false,
      hostCannotSave: false,
    };
  }

  getSnapshot = (): SyncSnapshot => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private update(patch: Partial<SyncSnapshot>): void {
    if (this.destroyed) return;
    const next = { ...this.snapshot, ...patch };
    if (Object.keys(patch).every((k) => next[k as keyof SyncSnapshot] === this.snapshot[k as keyof SyncSnapshot])) return;
    this.snapshot = next;
    this.relay?.setBatchDelay(relayBatchDelay(next));
    for (const listener of this.listeners) listener();
  }

  start(): void {
    const { session, hostUrl } = this.options;
    this.setLocalUser(this.user);
    session.awareness.on('update', this.keepLocalPresence);
    session.doc.on('update', this.onDocUpdate);
    window.addEventListener('online', this.onOnline);
    if (!hostUrl) return;
    this.startRelay(hostUrl);
  }

  private startRelay(hostUrl: string): void {
    const { session } = this.options;
    const relay = new RelayProvider({
      hostUrl,
      roomId: session.id,
      doc: session.doc,
      awareness: session.awareness,
      keys: () => relayKeys(this.access, this.options.isFacilitator()),
      WebSocketImpl: this.options.WebSocketImpl,
      admission: admissionMemory(hostUrl, session.id),
    });
    this.relay = relay;
    relay.on('state', (state) => {
      this.update({ relay: state, fatal: state.kind === 'stopped' ? state.reason : null, hostLost: hostLostAfter(this.snapshot.hostLost, state) });
      if (state.kind === 'stopped') this.stopWebrtc();
    });
    relay.on('ticket', (ticket) => void this.startWebrtc(hostUrl, ticket));
    relay.on('synced', this.markSynced);
    relay.on('hostSaving', (saving) => this.update({ hostCannotSave: !saving }));
    relay.connect();
  }

  /** Name and colour in awareness; the presence layer adds cursors etc. next to `user`. */
  setLocalUser(user: PresenceUser): void {
    this.user = user;
    this.options.session.awareness.setLocalStateField('user', { name: user.name, colour: user.colour, ...(user.device ? { device: user.device } : {}) });
  }

  /**
   * y-webrtc clears the local awareness state whenever it disconnects a room (also when we replace
   * the provider); put it back so the others keep seeing who we are.
   */
  private lastLocalState: Record<string, unknown> | null = null;
  private readonly keepLocalPresence = ({ removed, updated, added }: { removed: number[]; updated: number[]; added: number[] }): void => {
    const { awareness, doc } = this.options.session;
    if (this.destroyed) return;
    if ([...updated, ...added].includes(doc.clientID)) this.lastLocalState = awareness.getLocalState();
    if (removed.includes(doc.clientID) && awareness.getLocalState() === null) {
      const restore = this.lastLocalState ?? { user: this.user };
      queueMicrotask(() => {
        if (!this.destroyed && awareness.getLocalState() === null) awareness.setLocalState(restore);
      });
    }
  };

  private async startWebrtc(hostUrl: string, ticket: string): Promise<void> {
    if (!this.useWebrtc || this.destroyed) return;
    if (this.provider && this.providerTicket === ticket) return;
    const generation = ++this.webrtcGeneration;
    this.stopWebrtc(false);
    const provider = await createWebrtcProvider({
      roomId: this.options.session.id,
      doc: this.options.session.doc,
      awareness: this.options.session.awareness,
      hostUrl,
      ticket,
      joinCode: this.access.joinCode,
      relayCarries: () => this.snapshot.relay.kind === 'connected',
    });
    if (this.destroyed || generation !== this.webrtcGeneration) {
      destroyWebrtcProvider(provider);
      return;
    }
    this.provider = provider;
    this.providerTicket = ticket;
    provider.on('peers', () => this.countPeers());
    provider.on('synced', ({ synced }: { synced: boolean }) => {
      if (synced) this.markSynced();
    });
    this.update({ webrtc: 'on' });
  }

  private stopWebrtc(bump = true): void {
    if (bump) this.webrtcGeneration++;
    const provider = this.provider;
    this.provider = null;
    this.providerTicket = null;
    if (provider) destroyWebrtcProvider(provider);
    this.update({ webrtcPeers: 0, webrtc: this.useWebrtc ? 'waiting' : 'off' });
  }

  /** y-webrtc emits `peers` when a peer is announced or closes, not when its channel opens: listen there. */
  private readonly trackedConns = new WeakSet<object>();
  private countPeers(): void {
    const room = this.provider?.room;
    let peers = 0;
    room?.webrtcConns.forEach((conn) => {
      if (!this.trackedConns.has(conn)) {
        this.trackedConns.add(conn);
        const peer = conn.peer as { on?: (event: string, listener: () => void) => void };
        peer.on?.('connect', () => this.countPeers());
        peer.on?.('close', () => this.countPeers());
      }
      if (conn.connected) peers++;
    });
    this.update({ webrtcPeers: peers });
  }

  private readonly markSynced = (): void => {
    const minute = Math.floor(Date.now() / 60_000) * 60_000;
    this.update({ lastSyncedAt: minute });
  };

  private readonly onDocUpdate = (_update: Uint8Array, origin: unknown): void => {
    if (origin === LOCAL_ORIGIN || origin === null || origin === undefined) return;
    if (origin === RELAY_ORIGIN || (this.provider && origin === this.provider.room)) this.markSynced();
  };

  private readonly onOnline = (): void => this.relay?.retryNow();

  /** Reconnect both transports now, e.g. after the code changed. */
  reconnect(): void {
    if (!this.relay) return;
    this.stopWebrtc();
    this.relay.disconnect();
    this.relay.connect();
  }

  /** Facilitator, after `hostForgot`: the host really started over, give it this session again. */
  reclaim(): void {
    if (!this.relay || !this.canAdminister) return;
    this.update({ fatal: null });
    this.relay.reclaim();
  }

  /** Facilitator: a new join code; everyone else is disconnected and needs the new link. */
  async rotateCode(): Promise<string> {
    if (!this.relay || !this.options.isFacilitator()) throw new Error('only the facilitator can change the code');
    const code = newJoinCode();
    const authKey = await authKeyFor(code, this.access.sessionId);
    await this.relay.rotate(authKey);
    this.access = { ...this.access, joinCode: code };
    await this.options.db.access.put(this.access);
    this.update({ joinCode: code });
    this.reconnect();
    // Everyone else was just disconnected: the lists must not show them until they come back.
    this.forgetPeople([...this.options.session.awareness.getStates().keys()]);
    return code;
  }

  /** Drops others' presence at once instead of after awareness's 30 s timeout. */
  private forgetPeople(clientIds: number[]): void {
    const { awareness, doc } = this.options.session;
    const others = clientIds.filter((id) => id !== doc.clientID);
    if (others.length > 0) removeAwarenessStates(awareness, others, 'removed');
  }

  /** Whether this window can act as the room's admin: the doc says facilitator and it holds the secret. */
  get canAdminister(): boolean {
    return this.access.adminSecret !== undefined && this.options.isFacilitator();
  }

  /** Facilitator: asks the host to disconnect these people (awareness client ids). */
  removeParticipants(clientIds: number[]): boolean {
    const sent = this.relay?.remove(clientIds) ?? false;
    if (sent) this.forgetPeople(clientIds);
    return sent;
  }

  destroy(): void {
    this.destroyed = true;
    const { session } = this.options;
    session.awareness.off('update', this.keepLocalPresence);
    session.doc.off('update', this.onDocUpdate);
    window.removeEventListener('online', this.onOnline);
    this.relay?.destroy();
    this.relay = null;
    const provider = this.provider;
    this.provider = null;
    if (provider) destroyWebrtcProvider(provider);
    this.listeners.clear();
  }
}
