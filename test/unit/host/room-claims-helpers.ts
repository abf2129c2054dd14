import { randomBytes } from 'node:crypto';
import type { ClientOptions } from 'ws';
import type { HostLimits } from '../../../main/host/host-limits';
import { startHost } from '../../../main/host/start-host';
import type { MayCreateRooms } from '../../../main/host/sync/room-creators';
import { handshake, RawSocket, syncUrl, type RoomKeys } from '../../bench/support/relay-client';
import type { Fixture } from './helpers';
import type { TestHost } from './sync-helpers';

/** The real host on 127.0.0.1 with an injected "who may create rooms" check. */
export async function startHostWith(
  fixture: Fixture,
  options: { limits?: Partial<HostLimits>; mayCreateRooms?: MayCreateRooms; log?: (line: string) => void } = {},
): Promise<TestHost> {
  const host = await startHost({
    port: 0,
    bind: '127.0.0.1',
    dataDir: fixture.dataDir,
    staticDir: fixture.staticDir,
    limits: { unloadDelayMs: 200, ...options.limits },
    log: options.log ?? (() => undefined),
    mayCreateRooms: options.mayCreateRooms,
  });
  return Object.assign(host, { baseUrl: `http://127.0.0.1:${host.port}/` });
}

/** Self-consistent keys nobody derived from a code: all a squatter needs to claim. */
export function randomKeys(): RoomKeys {
  return { authKey: new Uint8Array(randomBytes(32)), adminKey: new Uint8Array(randomBytes(32)) };
}

/** One claim; 'welcome' or the close code it got. */
export async function claimOutcome(
  baseUrl: string,
  roomId: string,
  keys: RoomKeys = randomKeys(),
  options: ClientOptions = {},
): Promise<'welcome' | number> {
  const socket = new RawSocket(syncUrl(baseUrl, roomId), options);
  await socket.opened;
  const welcome = await handshake(socket, { roomId, keys, claim: true });
  if (welcome) {
    socket.ws.terminate();
    return 'welcome';
  }
  return (await socket.closed).code;
}
