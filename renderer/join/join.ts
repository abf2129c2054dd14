import { formatJoinCode, isWellFormedJoinCode } from '../../shared/protocol/access';
import { appDatabase, type TransitionLabDb } from '../storage/database';
import { cleanDisplayName, saveDisplayName } from '../session/sync/identity';

export interface JoinRequest {
  sessionId: string;
  joinCode: string;
  name: string;
  /** The host the link points at (`http://192.168.1.20:4455`). */
  hostUrl: string;
}

export type JoinProblem = 'nameRequired' | 'badCode';

export function checkJoin(request: Pick<JoinRequest, 'joinCode' | 'name'>): JoinProblem | null {
  if (!isWellFormedJoinCode(request.joinCode)) return 'badCode';
  if (!cleanDisplayName(request.name)) return 'nameRequired';
  return null;
}

/**
 * Remembers how to reach the session on this device. The doc starts empty and fills from the
 * facilitator's host; a facilitator opening their own link keeps their role and admin secret.
 */
export async function joinSession(request: JoinRequest, db: TransitionLabDb = appDatabase()): Promise<void> {
  saveDisplayName(cleanDisplayName(request.name));
  const existing = await db.access.get(request.sessionId);
  if (existing?.role === 'facilitator') return;
  await db.access.put({
    sessionId: request.sessionId,
    role: 'participant',
    joinCode: formatJoinCode(request.joinCode),
    hostUrl: request.hostUrl.replace(/\/+$/, ''),
  });
}
