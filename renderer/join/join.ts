import { formatJoinCode, isWellFormedJoinCode } from '../../shared/protocol/access';
import { isLoopbackHostname } from '../../shared/protocol/loopback';
import { allowLanHost, lanHostPermissionAvailable } from '../platform/platform';
import { navigate, sessionHref } from '../ui/hash-route';
import { appDatabase, type TransitionLabDb } from '../storage/database';
import { cleanName, saveDisplayName } from '../identity/display-name';
import { saveMyLevel } from '../identity/my-level';
import type { GovernanceLevel } from '../../shared/model';

export interface JoinRequest {
  /** The optional governance level asked on joining (undefined: leave what this device has). */
  level?: GovernanceLevel | null;
  sessionId: string;
  joinCode: string;
  name: string;
  /** The host the link points at (`http://192.168.1.20:4455`). */
  hostUrl: string;
}

export type JoinProblem = 'nameRequired' | 'badCode';

/**
 * Can this window reach the join link's host?
 * - `ready`: yes, as it is (a browser; the page's own host; loopback, which the desktop CSP allows);
 * - `reload`: the desktop app allowed the LAN host just now; its CSP applies from the next load
 *   (once per host: a host allowed before, and loaded since, is `ready`);
 * - `refused`: the desktop app will not connect there (not a local-network address).
 */
export type HostAccess = 'ready' | 'reload' | 'refused';

export interface HostAccessDeps {
  /** The desktop app can widen its CSP (window.transitionLab.allowLanHost exists). */
  canAllow: boolean;
  /** This page's origin (`app://app` in the desktop app). */
  ownOrigin: string;
  allow(origin: string): Promise<'added' | 'allowed' | 'refused'>;
}

export async function prepareHostAccess(
  hostUrl: string,
  deps: HostAccessDeps = { canAllow: lanHostPermissionAvailable(), ownOrigin: window.location.origin, allow: allowLanHost },
): Promise<HostAccess> {
  if (!deps.canAllow) return 'ready';
  let url: URL;
  try {
    url = new URL(hostUrl);
  } catch {
    return 'refused';
  }
  // protocol//host rather than .origin: a custom scheme's origin is "null" outside Electron.
  if (`${url.protocol}//${url.host}` === deps.ownOrigin || (url.protocol === 'http:' && isLoopbackHostname(url.hostname))) {
    return 'ready';
  }
  const answer = await deps.allow(url.origin);
  return answer === 'added' ? 'reload' : answer === 'allowed' ? 'ready' : 'refused';
}

/**
 * Shows the joined session. After `reload` the page is loaded again at the session's hash, so the
 * response carries the CSP that allows the new host (a CSP is fixed when a document loads).
 */
export function openJoinedSession(sessionId: string, access: HostAccess): void {
  if (access !== 'reload') {
    navigate(sessionHref(sessionId));
    return;
  }
  window.history.replaceState(null, '', sessionHref(sessionId));
  window.location.reload();
}

export function checkJoin(request: Pick<JoinRequest, 'joinCode' | 'name'>): JoinProblem | null {
  if (!isWellFormedJoinCode(request.joinCode)) return 'badCode';
  if (!cleanName(request.name)) return 'nameRequired';
  return null;
}

/**
 * Remembers how to reach the session on this device. The doc starts empty and fills from the
 * facilitator's host; the creating device opening its own link keeps its admin secret.
 */
export async function joinSession(request: JoinRequest, db: TransitionLabDb = appDatabase()): Promise<void> {
  saveDisplayName(request.name);
  if (request.level !== undefined) saveMyLevel(request.level);
  const existing = await db.access.get(request.sessionId);
  // The device that created the session keeps its own row (admin secret, own host).
  if (existing?.adminSecret || existing?.role === 'facilitator') return;
  await db.access.put({
    sessionId: request.sessionId,
    joinCode: formatJoinCode(request.joinCode),
    hostUrl: request.hostUrl.replace(/\/+$/, ''),
  });
}
