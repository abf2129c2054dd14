import type { WebSocket } from 'ws';

/**
 * `ws` has one maxPayload per server. /sync runs with the small pre-handshake limit, so a frame
 * header announcing 64 MiB before the proof is refused (1009) before anything is buffered; after
 * `welcome` this raises the limit of that one socket to the relay's. ws 8.x keeps the limit in
 * its Receiver (`_receiver._maxPayload`, checked for every frame header); the shape is checked
 * here, and test/unit/host/sync-prehandshake.test.ts fails if an upgrade of ws moves it.
 */
export function raiseMaxPayload(ws: WebSocket, bytes: number): void {
  const receiver = (ws as unknown as { _receiver?: { _maxPayload?: unknown } })._receiver;
  if (!receiver || typeof receiver._maxPayload !== 'number') {
    throw new Error('ws internals changed: cannot raise maxPayload per socket (see ws-payload-limit.ts)');
  }
  receiver._maxPayload = bytes;
}
