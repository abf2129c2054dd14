import type { IncomingMessage, ServerResponse } from 'node:http';
import { lookupCheck, MAX_LOOKUP_ROOMS, type RoomLookupResponse } from '../../shared/protocol/room-lookup';
import { sendJson } from './http-responses';
import type { RoomRegistry } from './sync/room-registry';

/**
 * GET /rooms: the rooms open right now (someone is connected or just left), each with the check
 * that lets a page holding the join code recognise its room (shared/protocol/room-lookup.ts).
 * Read-only; nothing about a room's content or its people.
 */
export function roomLookup(rooms: Pick<RoomRegistry, 'activeRoomIds' | 'get'>): RoomLookupResponse {
  const entries: RoomLookupResponse['rooms'] = [];
  for (const id of rooms.activeRoomIds) {
    const room = rooms.get(id);
    if (room) entries.push({ id, check: lookupCheck(room.access.authKey, id) });
    if (entries.length >= MAX_LOOKUP_ROOMS) break;
  }
  return { rooms: entries };
}

export function createRoomLookupHandler(rooms: Pick<RoomRegistry, 'activeRoomIds' | 'get'>) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    // A rotated code changes the check at once: never serve a cached list.
    res.setHeader('Cache-Control', 'no-store');
    sendJson(req, res, 200, roomLookup(rooms));
  };
}
