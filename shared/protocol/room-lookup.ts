/**
 * Finding a room by its join code alone, on the host that served the page, without sending the
 * code anywhere. The host lists its open rooms, each with a check value it can compute from the
 * authKey it already stores:
 *
 *   check = HMAC-SHA256(authKey, "transition-lab/v1/lookup|" + roomId)
 *
 * The client derives authKey from the typed code for each listed room (PBKDF2, as when joining)
 * and keeps the room whose check matches. A listener learns room ids (which y-webrtc signaling
 * already carries in clear) and a value that, like the authKey behind it, costs 100 000 PBKDF2
 * rounds per guess of a 50-bit code.
 */

import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { proofsEqual, toBase64Url } from './access';

export const ROOM_LOOKUP_PATH = '/rooms';
/** More open rooms than a facilitator's laptop ever hosts at once; bounds the client's key derivations. */
export const MAX_LOOKUP_ROOMS = 16;

export interface RoomLookupEntry {
  id: string;
  check: string;
}

export interface RoomLookupResponse {
  rooms: RoomLookupEntry[];
}

const encoder = new TextEncoder();

export function lookupCheck(authKey: Uint8Array, roomId: string): string {
  return toBase64Url(hmac(sha256, authKey, encoder.encode(`transition-lab/v1/lookup|${roomId}`)));
}

/** The response's rooms, dropping anything malformed (the client does not trust the wire). */
export function readLookupResponse(value: unknown): RoomLookupEntry[] {
  if (!value || typeof value !== 'object' || !Array.isArray((value as { rooms?: unknown }).rooms)) return [];
  const rooms: RoomLookupEntry[] = [];
  for (const entry of (value as { rooms: unknown[] }).rooms) {
    if (!entry || typeof entry !== 'object') continue;
    const { id, check } = entry as { id?: unknown; check?: unknown };
    if (typeof id === 'string' && typeof check === 'string' && /^[\w-]{16,64}$/.test(id) && /^[\w-]{43}$/.test(check)) rooms.push({ id, check });
    if (rooms.length >= MAX_LOOKUP_ROOMS) break;
  }
  return rooms;
}

/** The first listed room whose check matches `authKeyOf(room)`: derivations run one at a time. */
export async function findRoomByCode(
  rooms: readonly RoomLookupEntry[],
  authKeyOf: (roomId: string) => Promise<Uint8Array>,
): Promise<string | null> {
  for (const room of rooms) {
    if (proofsEqual(lookupCheck(await authKeyOf(room.id), room.id), room.check)) return room.id;
  }
  return null;
}
