import { ROOM_LOOKUP_PATH, findRoomByCode, readLookupResponse } from '../../shared/protocol/room-lookup';
import { deriveAuthKey, deriveRoomKey } from '../../shared/protocol/access';

export type CodeLookup = { kind: 'found'; sessionId: string; hostUrl: string } | { kind: 'notFound' } | { kind: 'noHost' };

/**
 * The session behind a join code typed alone, on the host this page talks to: the host lists its
 * open rooms and the code is checked here, never sent (shared/protocol/room-lookup.ts).
 */
export async function findSessionByCode(code: string, hostUrl: string | null, fetchImpl: typeof fetch = fetch): Promise<CodeLookup> {
  if (!hostUrl) return { kind: 'noHost' };
  let body: unknown;
  try {
    const response = await fetchImpl(`${hostUrl.replace(/\/+$/, '')}${ROOM_LOOKUP_PATH}`, { cache: 'no-store' });
    if (!response.ok) return { kind: 'noHost' };
    body = await response.json();
  } catch {
    return { kind: 'noHost' };
  }
  const sessionId = await findRoomByCode(readLookupResponse(body), async (roomId) => deriveAuthKey(await deriveRoomKey(code, roomId)));
  return sessionId ? { kind: 'found', sessionId, hostUrl: hostUrl.replace(/\/+$/, '') } : { kind: 'notFound' };
}
