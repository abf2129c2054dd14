import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { splitRequestTarget } from './request-target';

/** A WebSocket endpoint such as /signal or /sync. */
export interface UpgradeRoute {
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Called when the host stops: upgraded sockets are no longer the HTTP server's to close. */
  close?(): void | Promise<void>;
}

/**
 * Dispatches `upgrade` events by exact path, or by prefix for routes that carry an id in the path
 * (`/sync/<roomId>`); anything unregistered gets a 404 and is dropped.
 */
export class UpgradeRegistry {
  private readonly routes = new Map<string, UpgradeRoute>();
  private readonly prefixes = new Map<string, UpgradeRoute>();

  register(pathname: string, route: UpgradeRoute): void {
    if (this.routes.has(pathname)) throw new Error(`An upgrade route for ${pathname} is already registered`);
    this.routes.set(pathname, route);
  }

  /** `prefix` must end with '/'; the route sees every path below it and checks the rest itself. */
  registerPrefix(prefix: string, route: UpgradeRoute): void {
    if (!prefix.endsWith('/')) throw new Error(`An upgrade prefix must end with '/', got ${prefix}`);
    if (this.prefixes.has(prefix)) throw new Error(`An upgrade route for ${prefix} is already registered`);
    this.prefixes.set(prefix, route);
  }

  private find(pathname: string): UpgradeRoute | undefined {
    const exact = this.routes.get(pathname);
    if (exact) return exact;
    for (const [prefix, route] of this.prefixes) if (pathname.startsWith(prefix)) return route;
    return undefined;
  }

  readonly handle = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    // Without a listener a reset connection would crash the process with an unhandled 'error'.
    socket.on('error', () => socket.destroy());
    const target = splitRequestTarget(req.url);
    const route = target === null ? undefined : this.find(target.pathname);
    if (route === undefined) {
      rejectUpgrade(socket, 404, 'Not Found');
      return;
    }
    try {
      route.handleUpgrade(req, socket, head);
    } catch {
      rejectUpgrade(socket, 500, 'Internal Server Error');
    }
  };

  async close(): Promise<void> {
    const all = new Set([...this.routes.values(), ...this.prefixes.values()]);
    await Promise.allSettled([...all].map(async (route) => route.close?.()));
  }
}

/** Answers an upgrade request with a plain HTTP error (no body: nothing to leak). */
export function rejectUpgrade(socket: Duplex, status: number, reason: string): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  // Destroy only after the response is flushed, or the client sees a reset instead of the status.
  socket.once('finish', () => socket.destroy());
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}
