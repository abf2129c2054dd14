import { promises as fs } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { DEFAULT_HOST_PORT } from '../../shared/protocol/host';
import { LAN_INFO_PATH, SIGNAL_PATH, SYNC_PATH } from '../../shared/protocol/room-wire';
import { ROOM_LOOKUP_PATH } from '../../shared/protocol/room-lookup';
import { ConnectionCounter, FailureWindow } from './address-limits';
import { ensureDataDir } from './data-dir';
import { resolveLimits, type HostLimits } from './host-limits';
import { createLanInfoHandler } from './lan-info';
import { hostUrls } from './lan-addresses';
import { advertiseHost, type Advertisement } from './mdns-advertise';
import { createRequestHandler } from './request-handler';
import { securityHeadersFor } from './security-headers';
import { createRoomLookupHandler } from './room-lookup';
import { createRouteTable } from './routes';
import { SignalService } from './signal/signal-service';
import { resolveStaticRoot } from './static-files';
import { roomCreators, type MayCreateRooms } from './sync/room-creators';
import { SyncService } from './sync/sync-service';
import { TicketStore } from './tickets';
import { UpgradeRegistry } from './upgrade-registry';

export const DEFAULT_BIND_ADDRESS = '0.0.0.0';

// A request (headers and body) from a laptop on the same Wi-Fi takes milliseconds; these only
// cut off clients that open connections and then stall, which would otherwise pin sockets.
const HEADERS_TIMEOUT_MS = 15_000;
const REQUEST_TIMEOUT_MS = 30_000;
const KEEP_ALIVE_TIMEOUT_MS = 5_000;
// How often Node checks the two timeouts above (default 30 s would make them imprecise).
const CONNECTIONS_CHECK_INTERVAL_MS = 5_000;

export interface StartHostOptions {
  /** 0 picks a free port. Default DEFAULT_HOST_PORT. */
  port?: number;
  /** Address to listen on. Default all IPv4 interfaces. */
  bind?: string;
  /** Created if missing; must be writable. */
  dataDir: string;
  /** The built renderer (dist/renderer). */
  staticDir: string;
  log?: (line: string) => void;
  /** Announce the host by mDNS (`_transition-lab._tcp`). Default off: tests and `npm run host` opt in. */
  advertise?: boolean;
  /** Overrides of the wire limits and timings (tests use small ones). */
  limits?: Partial<HostLimits>;
  /** Addresses besides this computer's own that may create rooms (--allow-sessions-from). */
  allowSessionsFrom?: readonly string[];
  /** Lab-network hub addresses this host's pages may connect to (--hub), added to its CSP. */
  hubs?: readonly string[];
  /** Replaces the whole "who may create rooms" check (tests). */
  mayCreateRooms?: MayCreateRooms;
}

export interface RunningHost {
  port: number;
  /** URLs to open in a browser, localhost first. */
  urls: string[];
  /** Absolute, created, writable. */
  dataDir: string;
  server: http.Server;
  /** Where WebSocket endpoints (/signal, /sync) register. */
  upgrades: UpgradeRegistry;
  /** The relay (rooms in memory, persistence); exposed for tests and diagnostics. */
  sync: SyncService;
  signal: SignalService;
  tickets: TicketStore;
  /** Stops listening and drops every connection, keep-alive ones included. Idempotent. */
  close(): Promise<void>;
}

/** The static folder is missing or is not a folder. */
export class StaticDirError extends Error {
  override readonly name = 'StaticDirError';
}

export async function startHost(options: StartHostOptions): Promise<RunningHost> {
  const log = options.log ?? (() => {});
  const port = options.port ?? DEFAULT_HOST_PORT;
  const bind = options.bind ?? DEFAULT_BIND_ADDRESS;
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new RangeError(`Port must be an integer from 0 to 65535, got ${port}`);
  }

  const dataDir = await ensureDataDir(options.dataDir);
  const staticRoot = await openStaticRoot(options.staticDir, log);

  const limits = resolveLimits(options.limits);
  const tickets = new TicketStore({ perRoom: limits.ticketsPerRoom, total: limits.ticketsTotal });
  const connections = new ConnectionCounter(limits.connectionsPerAddress);
  const failedProofs = new FailureWindow(limits.failedProofsPerMinute);
  const mayCreateRooms = options.mayCreateRooms ?? roomCreators(options.allowSessionsFrom);
  const sync = new SyncService({ dataDir, limits, tickets, connections, failedProofs, log, mayCreateRooms });
  const signal = new SignalService({ limits, tickets, connections, log });
  const upgrades = new UpgradeRegistry();
  upgrades.registerPrefix(SYNC_PATH, sync);
  upgrades.register(SIGNAL_PATH, signal);

  let actualPort = port;
  const routes = createRouteTable([
    [LAN_INFO_PATH, createLanInfoHandler(bind, () => actualPort)],
    [ROOM_LOOKUP_PATH, createRoomLookupHandler(sync.rooms)],
  ]);
  const server = http.createServer(
    {
      headersTimeout: HEADERS_TIMEOUT_MS,
      requestTimeout: REQUEST_TIMEOUT_MS,
      connectionsCheckingInterval: CONNECTIONS_CHECK_INTERVAL_MS,
    },
    createRequestHandler({ routes, staticRoot, log, headers: securityHeadersFor(options.hubs ?? []) }),
  );
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  server.on('upgrade', upgrades.handle);

  try {
    await listen(server, port, bind);
  } catch (error) {
    await upgrades.close();
    throw error;
  }
  // Errors after a successful listen are rare (e.g. EMFILE); log rather than crash the workshop.
  server.on('error', (error) => log(`Host error: ${error.message}`));

  actualPort = (server.address() as AddressInfo).port;
  let advertisement: Advertisement | undefined;
  if (options.advertise) {
    try {
      advertisement = advertiseHost(actualPort, __APP_VERSION__, log);
    } catch (error) {
      // Discovery is a convenience; participants can still type the URL.
      log(`mDNS advertising unavailable: ${(error as Error).message}`);
    }
  }
  let closing: Promise<void> | undefined;

  return {
    port: actualPort,
    urls: hostUrls(bind, actualPort),
    dataDir,
    server,
    upgrades,
    sync,
    signal,
    tickets,
    close() {
      closing ??= (async () => {
        await advertisement?.stop();
        // Sockets get 1001 and every room is written to disk before the server goes.
        await upgrades.close();
        await new Promise<void>((resolve) => {
          // close() alone waits for idle keep-alive sockets to time out; drop them now instead.
          server.close(() => resolve());
          server.closeAllConnections();
        });
      })();
      return closing;
    },
  };
}

async function openStaticRoot(staticDir: string, log: (line: string) => void): Promise<string> {
  let root: string;
  try {
    root = await resolveStaticRoot(staticDir);
  } catch (error) {
    throw new StaticDirError(`No app files at ${path.resolve(staticDir)}: the folder is missing or not a folder.`, {
      cause: error,
    });
  }
  // Still start without it: /healthz and the WebSocket endpoints are useful on their own.
  await fs.access(path.join(root, 'index.html')).catch(() => log(`Warning: ${root} has no index.html.`));
  return root;
}

function listen(server: http.Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error): void => {
      server.off('listening', onListening);
      reject(error);
    };
    const onListening = (): void => {
      server.off('error', onError);
      resolve();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen({ port, host });
  });
}
