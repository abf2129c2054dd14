import { WebSocket } from 'ws';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { randomId } from '../../../shared/model/ids';
import { RelayProvider, type RelayOptions, type WebSocketLike } from '../../../renderer/sync/relay-provider';
import type { RelayState } from '../../../renderer/sync/relay-state';
import type { HostLimits } from '../../../main/host/host-limits';
import { startHost, type RunningHost } from '../../../main/host/start-host';
import { deriveKeys, RawSocket, RelayClient, syncUrl, type RoomKeys } from '../../bench/support/relay-client';
import type { Fixture } from './helpers';

export const CODE = 'ABCDE-FGHJK';
export const WRONG_CODE = 'ZZZZZ-ZZZZZ';
export const ADMIN_SECRET = new Uint8Array(32).fill(7);

export interface TestHost extends RunningHost {
  baseUrl: string;
}

/** The real host on 127.0.0.1, a free port, the fixture's temp data dir; advertising off. */
export async function startTestHost(fixture: Fixture, limits: Partial<HostLimits> = {}, log?: (line: string) => void): Promise<TestHost> {
  const host = await startHost({
    port: 0,
    bind: '127.0.0.1',
    dataDir: fixture.dataDir,
    staticDir: fixture.staticDir,
    limits: { unloadDelayMs: 200, saveDebounceMs: 20, ...limits },
    log: log ?? (() => undefined),
  });
  return Object.assign(host, { baseUrl: `http://127.0.0.1:${host.port}/` });
}

export function newRoomId(): string {
  return randomId(128);
}

export function adminKeys(roomId: string, code = CODE): Promise<RoomKeys> {
  return deriveKeys(code, roomId, ADMIN_SECRET);
}

export function participantKeys(roomId: string, code = CODE): Promise<RoomKeys> {
  return deriveKeys(code, roomId);
}

/** The facilitator's app: claims the room (creating it on the host) and syncs its doc. */
export async function facilitator(host: TestHost, roomId: string, code = CODE): Promise<RelayClient> {
  return RelayClient.connect({ baseUrl: host.baseUrl, roomId, keys: await adminKeys(roomId, code), claim: true });
}

export async function participant(host: TestHost, roomId: string, code = CODE): Promise<RelayClient> {
  return RelayClient.connect({ baseUrl: host.baseUrl, roomId, keys: await participantKeys(roomId, code), awareness: true });
}

export async function rawSocket(host: TestHost, roomId: string): Promise<RawSocket> {
  const socket = new RawSocket(syncUrl(host.baseUrl, roomId));
  await socket.opened;
  return socket;
}

/** Polls until `check` holds (updates cross sockets asynchronously). */
export async function eventually(check: () => boolean, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export function notes(client: RelayClient) {
  return client.doc.getMap<string>('notes');
}

/** The app's own relay client (renderer/sync) against a test host, with short backoffs; not yet connected. */
export function appRelay(hostUrl: string, roomId: string, keys: RoomKeys, options: Partial<RelayOptions> = {}) {
  const doc = options.doc ?? new Y.Doc();
  const relay = new RelayProvider({
    hostUrl,
    roomId,
    doc,
    awareness: new Awareness(doc),
    keys: async () => keys,
    WebSocketImpl: WebSocket as unknown as WebSocketLike,
    minBackoffMs: 20,
    maxBackoffMs: 100,
    ...options,
  });
  const states: RelayState[] = [];
  relay.on('state', (state) => states.push(state));
  return { relay, doc, states };
}
