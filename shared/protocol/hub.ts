/**
 * The lab-network hub's contract, shared by the hub (main/hub/) and the app that publishes to it
 * or reads from it. The hub is a Hocuspocus server: one Yjs document per published session, named
 * `<labId>/<sessionId>`, so a lab token's reach is a prefix the hub can check per document.
 *
 * Tokens are `lab.<labId>.<secret>` and `coord.<coordinatorId>.<secret>`: the app learns the lab id
 * (the documents it may name) from its token alone; the hub keeps only a hash of each secret.
 */
import { z } from 'zod';

export const HUB_SESSIONS_PATH = '/api/v1/sessions';
export const HUB_HEALTH_PATH = '/healthz';

const ID = /^[A-Za-z0-9_-]{1,64}$/;
const SECRET = /^[A-Za-z0-9_-]{32,128}$/;
const HOSTNAME = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*$/i;

export type HubTokenKind = 'lab' | 'coord';

export interface HubToken {
  kind: HubTokenKind;
  id: string;
  secret: string;
}

/** `null` for anything that is not a well-formed token (whitespace around it is forgiven). */
export function parseHubToken(value: string): HubToken | null {
  const parts = value.trim().split('.');
  if (parts.length !== 3) return null;
  const [kind, id, secret] = parts as [string, string, string];
  if ((kind !== 'lab' && kind !== 'coord') || !ID.test(id) || !SECRET.test(secret)) return null;
  return { kind, id, secret };
}

export function formatHubToken(token: HubToken): string {
  return `${token.kind}.${token.id}.${token.secret}`;
}

export function isHubId(value: string): boolean {
  return ID.test(value);
}

export function hubDocumentName(labId: string, sessionId: string): string {
  return `${labId}/${sessionId}`;
}

/** `null` unless `name` is exactly `<labId>/<sessionId>` with both parts well formed. */
export function parseHubDocumentName(name: string): { labId: string; sessionId: string } | null {
  const slash = name.indexOf('/');
  if (slash < 0) return null;
  const labId = name.slice(0, slash);
  const sessionId = name.slice(slash + 1);
  return ID.test(labId) && ID.test(sessionId) ? { labId, sessionId } : null;
}

/**
 * The hub address as a person types it (`https://hub.example.org`, `hub.example.org:8443`,
 * `http://127.0.0.1:5300/`): its HTTP origin and the WebSocket URL Hocuspocus listens on.
 * Anything with a path, credentials or another scheme is refused rather than guessed at.
 */
export function parseHubAddress(value: string): { origin: string; websocket: string } | null {
  const text = value.trim();
  if (!text) return null;
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.username || url.password || url.search || url.hash || (url.pathname !== '/' && url.pathname !== '')) return null;
  // A DNS name or an address, nothing else: the origin ends up in a CSP, where `*` is a wildcard.
  if (!HOSTNAME.test(url.hostname) && !/^\[[0-9a-f:.]+\]$/i.test(url.hostname)) return null;
  const websocket = `${url.protocol === 'https:' ? 'wss:' : 'ws:'}//${url.host}`;
  return { origin: url.origin, websocket };
}

/**
 * What a Content-Security-Policy's connect-src must allow for pages that talk to these hubs: the
 * exact HTTP origin (the coordinator's session list) and WebSocket origin (Hocuspocus) of each.
 */
export function hubConnectSources(addresses: readonly string[]): string[] {
  return addresses.flatMap((a) => {
    const parsed = parseHubAddress(a);
    return parsed ? [parsed.origin, parsed.websocket] : [];
  });
}

/** One session as `GET /api/v1/sessions` lists it to a coordinator. */
export const hubSessionSchema = z.object({
  document: z.string().max(140),
  sessionId: z.string().max(64),
  lab: z.object({ id: z.string().max(64), name: z.string().max(200), country: z.string().max(2) }),
  title: z.string().max(500),
  notes: z.number().int().nonnegative(),
  updatedAt: z.number().nonnegative(),
});

export const hubSessionsResponseSchema = z.object({
  labs: z.array(z.object({ id: z.string().max(64), name: z.string().max(200), country: z.string().max(2) })).max(10_000),
  sessions: z.array(hubSessionSchema).max(100_000),
});

export type HubSession = z.infer<typeof hubSessionSchema>;
export type HubSessionsResponse = z.infer<typeof hubSessionsResponseSchema>;
