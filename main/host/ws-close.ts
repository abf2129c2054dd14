import type { WebSocket } from 'ws';
import { CLOSE } from '../../shared/protocol/room-wire';

/** Human-readable reasons: browsers show `event.reason`, and it must fit in 123 bytes. */
export const CLOSE_REASONS: Readonly<Record<number, string>> = {
  [CLOSE.WRONG_CODE]: 'Wrong join code',
  [CLOSE.CODE_CHANGED]: 'The join code was changed',
  [CLOSE.REMOVED]: 'Removed by the facilitator',
  [CLOSE.UNKNOWN_ROOM]: 'The host does not know this session yet',
  [CLOSE.PROTOCOL]: 'Protocol error',
  [CLOSE.RATE_LIMITED]: 'Too many attempts; wait a minute',
  [CLOSE.GOING_AWAY]: 'Host shutting down',
  [CLOSE.CLAIM_REFUSED]: "Only the facilitator's computer can start sessions on this host",
  [CLOSE.TOO_MANY_ROOMS]: 'This host keeps as many sessions as it is allowed to',
  [CLOSE.ROOM_TOO_LARGE]: 'This session reached its size limit on the host',
  [CLOSE.HOST_DISK_FULL]: "The host's storage limit is reached",
  [CLOSE.TRY_LATER]: 'The host could not read this session; try again later',
};

export function closeWith(ws: WebSocket, code: number): void {
  if (ws.readyState === ws.CLOSING || ws.readyState === ws.CLOSED) return;
  ws.close(code, CLOSE_REASONS[code] ?? '');
}

/**
 * Closes sockets with 1001 and waits (briefly) for the close handshakes, then cuts whatever is
 * left: shutting down must not wait on a client that stopped answering.
 */
export async function closeAllGoingAway(sockets: Iterable<WebSocket>, graceMs = 500): Promise<void> {
  const pending = [...sockets].map(
    (ws) =>
      new Promise<void>((resolve) => {
        if (ws.readyState === ws.CLOSED) return resolve();
        ws.once('close', () => resolve());
        closeWith(ws, CLOSE.GOING_AWAY);
      }),
  );
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([
    Promise.all(pending),
    new Promise<void>((resolve) => {
      timer = setTimeout(resolve, graceMs);
    }),
  ]);
  clearTimeout(timer);
  for (const ws of sockets) if (ws.readyState !== ws.CLOSED) ws.terminate();
}
