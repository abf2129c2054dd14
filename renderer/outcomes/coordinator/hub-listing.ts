import { HUB_SESSIONS_PATH, hubSessionsResponseSchema, type HubSession } from '../../../shared/protocol/hub';
import type { HubLogin } from '../../sync/hub-settings';

export type HubListProblem = 'refused' | 'unreachable' | 'invalid';

const LIST_TIMEOUT_MS = 10_000;

/** The sessions a coordinator token may read, as the hub lists them (checked, never trusted). */
export async function listHubSessions(login: HubLogin): Promise<{ ok: true; sessions: HubSession[] } | { ok: false; problem: HubListProblem }> {
  let response: Response;
  try {
    response = await fetch(`${login.address}${HUB_SESSIONS_PATH}`, {
      headers: { Authorization: `Bearer ${login.token}` },
      signal: AbortSignal.timeout(LIST_TIMEOUT_MS),
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
    });
  } catch {
    // Offline, no such host, or this page's CSP does not allow the hub.
    return { ok: false, problem: 'unreachable' };
  }
  if (response.status === 401 || response.status === 403) return { ok: false, problem: 'refused' };
  if (!response.ok) return { ok: false, problem: 'unreachable' };
  try {
    const parsed = hubSessionsResponseSchema.safeParse(await response.json());
    return parsed.success ? { ok: true, sessions: parsed.data.sessions } : { ok: false, problem: 'invalid' };
  } catch {
    return { ok: false, problem: 'invalid' };
  }
}
