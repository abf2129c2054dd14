import { parseHubAddress, parseHubToken } from '../../shared/protocol/hub';

/**
 * Hub settings kept on this device only (localStorage): which sessions this device publishes and
 * with which lab token, and the coordinator's hub connection. Nothing here is in the session's doc,
 * so the token never reaches a participant or an archive.
 */
export interface HubLogin {
  /** As typed, normalised to the hub's origin (`https://hub.example.org`). */
  address: string;
  token: string;
}

const PUBLISH_KEY = 'transition-lab.hub.publish.';
const LAST_KEY = 'transition-lab.hub.lastLab';
const COORDINATOR_KEY = 'transition-lab.hub.coordinator';

function read(key: string, kind: 'lab' | 'coord'): HubLogin | null {
  try {
    const value = JSON.parse(localStorage.getItem(key) ?? 'null') as Partial<HubLogin> | null;
    if (!value || typeof value.address !== 'string' || typeof value.token !== 'string') return null;
    const address = parseHubAddress(value.address);
    const token = parseHubToken(value.token);
    return address && token?.kind === kind ? { address: address.origin, token: value.token.trim() } : null;
  } catch {
    return null;
  }
}

function write(key: string, login: HubLogin | null): void {
  try {
    if (login) localStorage.setItem(key, JSON.stringify(login));
    else localStorage.removeItem(key);
  } catch {
    // Storage full or blocked: publishing still runs for this visit.
  }
}

export const publishLogin = (sessionId: string) => read(PUBLISH_KEY + sessionId, 'lab');
/** What the last session published with, to fill in the dialog of the next one. */
export const lastLabLogin = () => read(LAST_KEY, 'lab');
export const coordinatorLogin = () => read(COORDINATOR_KEY, 'coord');

export function savePublishLogin(sessionId: string, login: HubLogin | null): void {
  write(PUBLISH_KEY + sessionId, login);
  if (login) write(LAST_KEY, login);
  window.dispatchEvent(new CustomEvent(HUB_SETTINGS_EVENT, { detail: sessionId }));
}

export function saveCoordinatorLogin(login: HubLogin | null): void {
  write(COORDINATOR_KEY, login);
}

/** Fired on window when a session's publishing is turned on or off in this tab. */
export const HUB_SETTINGS_EVENT = 'transition-lab:hub-settings';

export type HubLoginProblem = 'address' | 'token' | 'tokenKind' | 'insecure';

/** Checks what a person typed; `kind` is the token the form asks for. */
export function checkHubLogin(address: string, token: string, kind: 'lab' | 'coord'): { ok: true; login: HubLogin } | { ok: false; problem: HubLoginProblem } {
  const parsedAddress = parseHubAddress(address);
  if (!parsedAddress) return { ok: false, problem: 'address' };
  const parsedToken = parseHubToken(token);
  if (!parsedToken) return { ok: false, problem: 'token' };
  if (parsedToken.kind !== kind) return { ok: false, problem: 'tokenKind' };
  return { ok: true, login: { address: parsedAddress.origin, token: token.trim() } };
}
