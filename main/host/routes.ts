import type { IncomingMessage, ServerResponse } from 'node:http';
import { handleHealth } from './health';

export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

/** Exact raw paths answered by code; everything else falls through to the static files. */
export type RouteTable = ReadonlyMap<string, RouteHandler>;

// The one place to add plain HTTP endpoints. WebSocket endpoints (/signal, /sync) go through the
// UpgradeRegistry instead, because browsers reach them with an `upgrade` request, not a route.
export function createRouteTable(extra: Iterable<readonly [string, RouteHandler]> = []): RouteTable {
  return new Map<string, RouteHandler>([['/healthz', handleHealth], ...extra]);
}
