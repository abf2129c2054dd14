import { deriveAdminKey, deriveAuthKey, deriveRoomKey, fromBase64Url, normaliseJoinCode, toBase64Url } from '../../shared/protocol/access';
import type { SessionAccess } from '../storage/database';
import type { RelayKeys } from './relay-provider';

const authKeys = new Map<string, Promise<Uint8Array>>();
const adminKeys = new Map<string, Promise<Uint8Array>>();

/** PBKDF2 with 100 000 iterations takes a noticeable moment: derive once per code and room. */
export function authKeyFor(joinCode: string, roomId: string): Promise<Uint8Array> {
  const id = `${roomId}\n${normaliseJoinCode(joinCode)}`;
  let key = authKeys.get(id);
  if (!key) {
    key = deriveRoomKey(joinCode, roomId).then(deriveAuthKey);
    key.catch(() => authKeys.delete(id));
    authKeys.set(id, key);
  }
  return key;
}

export function adminKeyFor(adminSecret: string): Promise<Uint8Array> {
  let key = adminKeys.get(adminSecret);
  if (!key) {
    key = deriveAdminKey(fromBase64Url(adminSecret));
    adminKeys.set(adminSecret, key);
  }
  return key;
}

/**
 * The admin key rides along only while the doc lists this device as facilitator: the secret stays
 * in storage, and a device the facilitators removed stops acting as the room's admin.
 */
export async function relayKeys(access: SessionAccess, facilitator: boolean): Promise<RelayKeys> {
  const authKey = await authKeyFor(access.joinCode, access.sessionId);
  if (facilitator && access.adminSecret) {
    return { authKey, adminKey: await adminKeyFor(access.adminSecret) };
  }
  return { authKey };
}

export function newAdminSecret(): string {
  const bytes = new Uint8Array(32);
  globalThis.crypto.getRandomValues(bytes);
  return toBase64Url(bytes);
}
