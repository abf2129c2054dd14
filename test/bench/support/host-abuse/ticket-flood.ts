/**
 * Issue 9, attack 4: someone who can join a room (their own, or one whose code they have)
 * reconnects over and over; every welcome issues a signaling ticket. A store that evicts the
 * oldest tickets past its cap then throws out the tickets other participants are using.
 */
import { handshake, RawSocket, syncUrl, type RoomKeys } from '../relay-client';

export interface TicketFloodResult {
  welcomed: number;
  refused: number;
}

/** `count` handshakes, `concurrency` at a time, each closed right after its welcome. */
export async function ticketFlood(
  baseUrl: string,
  roomId: string,
  keys: RoomKeys,
  options: { count?: number; concurrency?: number; localAddress?: string } = {},
): Promise<TicketFloodResult> {
  const result: TicketFloodResult = { welcomed: 0, refused: 0 };
  let left = options.count ?? 500;
  const worker = async (): Promise<void> => {
    while (left > 0) {
      left--;
      const socket = new RawSocket(syncUrl(baseUrl, roomId), { localAddress: options.localAddress ?? '127.0.0.2' });
      try {
        await socket.opened;
        const welcome = await handshake(socket, { roomId, keys });
        if (welcome) result.welcomed++;
        else result.refused++;
      } catch {
        result.refused++;
      } finally {
        socket.ws.terminate();
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 8 }, worker));
  return result;
}
