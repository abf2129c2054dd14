import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { splitRequestTarget } from './request-target';

/** A WebSocket endpoint such as /signal or /sync. */
export interface UpgradeRoute {
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Called when the host stops: upgraded sockets are no longer the HTTP server's to close. */
  close?(): void | Promise<void>;
}

/** Dispatches `upgrade` events by exact path; anything unregistered gets a 404 and is dropped. */
export class UpgradeRegistry {
  private readonly routes = new Map<string, UpgradeRoute>();

  register(pathname: string, route: UpgradeRoute): void {
    if (this.routes.has(pathname)) throw new Error(`An upgrade route for ${pathname} is already registered`);
    this.routes.set(pathname, route);
  }

  readonly handle = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    // Without a listener a reset connection would crash the process with an unhandled 'error'.
    socket.on('error', () => socket.destroy());
    const target = splitRequestTarget(req.url);
    const route = target === null ? undefined : this.routes.get(target.pathname);
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
    await Promise.allSettled([...this.routes.values()].map(async (route) => route.close?.()));
  }
}

function rejectUpgrade(socket: Duplex, status: number, reason: string): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  // Destroy only after the response is flushed, or the client sees a reset instead of the status.
  socket.once('finish', () => socket.destroy());
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}
