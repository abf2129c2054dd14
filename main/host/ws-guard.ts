import type { RawData, WebSocket } from 'ws';
import { CLOSE } from '../../shared/protocol/room-wire';
import type { RateLimitedLog } from './rate-limited-log';
import { closeWith } from './ws-close';

/**
 * Registers a message handler that cannot take the process down: `ws` emits 'message' from inside
 * the socket's data callback, so a throw there would be an uncaught exception. Whatever a message
 * makes the handler throw closes that one socket (PROTOCOL: the message caused it) and is logged.
 */
export function guardMessages(ws: WebSocket, label: string, log: RateLimitedLog, handler: (data: RawData, isBinary: boolean) => void): void {
  ws.on('message', (data: RawData, isBinary: boolean) => {
    try {
      handler(data, isBinary);
    } catch (error) {
      log.write(`${label}: closed a socket whose message failed (${error instanceof Error ? error.message : String(error)}).`);
      closeWith(ws, CLOSE.PROTOCOL);
    }
  });
}

/** The same for the upgrade callback: a throw while setting up a socket cuts that socket only. */
export function guardAccept(label: string, log: RateLimitedLog, accept: (ws: WebSocket) => void): (ws: WebSocket) => void {
  return (ws) => {
    try {
      accept(ws);
    } catch (error) {
      log.write(`${label}: could not set up a socket (${error instanceof Error ? error.message : String(error)}).`);
      ws.terminate();
    }
  };
}
