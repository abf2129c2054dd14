import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { parseHubAddress } from '../../shared/protocol/hub';

/**
 * One WebSocket to a lab-network hub (Hocuspocus), carrying one or more session docs. Used to
 * publish a session (read-write, the session's own Y.Doc: offline edits merge like any peer's) and
 * by the coordinator view (read-only copies). Awareness is a private, empty one per doc: names and
 * cursors stay in the room; Hocuspocus only needs it to keep the connection alive.
 */
export type HubState = 'connecting' | 'online' | 'offline' | 'refused' | 'blocked';

export interface HubLinkSnapshot {
  state: HubState;
  /** Last time everything we had was on the hub, or something arrived from it (ms). */
  lastSyncedAt: number | null;
}

export interface HubLinkOptions {
  address: string;
  token: string;
  /** Node tests: the `ws` package. */
  WebSocketImpl?: unknown;
  /** Longest pause between reconnect attempts (ms). */
  maxRetryDelayMs?: number;
}

export const HUB_RETRY_MAX_MS = 5000;
/**
 * Documents being opened at once on one socket: a coordinator with 200 sessions opens them in
 * turns (the next as soon as one has synced), so the hub never holds hundreds of documents
 * waiting for their token check on one connection (main/hub/hub-server.ts bounds that too).
 */
export const HUB_MAX_OPENING = 32;

interface Attached {
  provider: HocuspocusProvider;
  awareness: Awareness;
}

export class HubLink {
  private readonly socket: HocuspocusProviderWebsocket;
  private readonly docs = new Map<string, Attached>();
  /** Opened and not yet synced, and waiting for their turn (in order). */
  private readonly opening = new Set<string>();
  private readonly queued: string[] = [];
  private snapshot: HubLinkSnapshot = { state: 'connecting', lastSyncedAt: null };
  private readonly listeners = new Set<() => void>();
  private readonly origin: string;
  private destroyed = false;

  constructor(private readonly options: HubLinkOptions) {
    const address = parseHubAddress(options.address);
    if (!address) throw new Error('not a hub address');
    this.origin = address.origin;
    this.socket = new HocuspocusProviderWebsocket({
      url: address.websocket,
      maxDelay: options.maxRetryDelayMs ?? HUB_RETRY_MAX_MS,
      ...(options.WebSocketImpl ? { WebSocketPolyfill: options.WebSocketImpl } : {}),
      onStatus: ({ status }) => {
        if (this.snapshot.state === 'refused' || this.snapshot.state === 'blocked') return;
        this.set({ state: status === 'connected' ? 'online' : status === 'connecting' ? 'connecting' : 'offline' });
      },
    });
    if (typeof document !== 'undefined') document.addEventListener('securitypolicyviolation', this.onViolation);
  }

  /** Attaches `doc` under the hub document `name`; `readOnly` copies never send anything. */
  open(name: string, doc: Y.Doc): HocuspocusProvider {
    const existing = this.docs.get(name);
    if (existing) return existing.provider;
    const awareness = new Awareness(doc);
    const provider = new HocuspocusProvider({
      websocketProvider: this.socket,
      name,
      document: doc,
      awareness,
      token: this.options.token,
      onAuthenticationFailed: () => {
        this.set({ state: 'refused' });
        this.settled(name);
      },
      onSynced: ({ state }) => {
        if (!state) return;
        this.synced();
        this.settled(name);
      },
      onUnsyncedChanges: ({ number }) => {
        if (number === 0) this.synced();
      },
    });
    // On a shared socket a provider starts detached: it waits here for its turn.
    this.docs.set(name, { provider, awareness });
    this.queued.push(name);
    this.pump();
    return provider;
  }

  private pump(): void {
    while (this.opening.size < HUB_MAX_OPENING && this.queued.length > 0) {
      const name = this.queued.shift() as string;
      const attached = this.docs.get(name);
      if (!attached) continue;
      this.opening.add(name);
      attached.provider.attach();
    }
  }

  private settled(name: string): void {
    if (this.opening.delete(name)) this.pump();
  }

  close(name: string): void {
    const attached = this.docs.get(name);
    if (!attached) return;
    this.docs.delete(name);
    this.settled(name);
    attached.provider.destroy();
    attached.awareness.destroy();
  }

  /** True when every attached doc has nothing waiting to go to the hub. */
  allSent(): boolean {
    return [...this.docs.values()].every((d) => !d.provider.hasUnsyncedChanges && d.provider.isSynced);
  }

  getSnapshot = (): HubLinkSnapshot => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    if (typeof document !== 'undefined') document.removeEventListener('securitypolicyviolation', this.onViolation);
    for (const name of [...this.docs.keys()]) this.close(name);
    this.socket.destroy();
    this.listeners.clear();
  }

  private synced(): void {
    this.set({ lastSyncedAt: Date.now() });
  }

  /** The page's CSP does not allow this hub: retrying cannot help, the person has to act. */
  private readonly onViolation = (event: SecurityPolicyViolationEvent): void => {
    if (event.effectiveDirective !== 'connect-src') return;
    let blocked: URL;
    try {
      blocked = new URL(event.blockedURI);
    } catch {
      return;
    }
    if (blocked.host === new URL(this.origin).host) {
      this.set({ state: 'blocked' });
      this.socket.disconnect();
    }
  };

  private set(change: Partial<HubLinkSnapshot>): void {
    if (this.destroyed) return;
    const next = { ...this.snapshot, ...change };
    if (next.state === this.snapshot.state && next.lastSyncedAt === this.snapshot.lastSyncedAt) return;
    this.snapshot = next;
    for (const listener of this.listeners) listener();
  }
}
