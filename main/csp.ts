/**
 * Content-Security-Policy and other response headers for everything served on `app://`.
 * Pure module (no electron), unit-tested in test/unit/main/csp.test.ts.
 */

import { hubHostSources } from './hub-hosts';
import { lanConnectSources } from './lan-hosts';

/**
 * connect-src allows our own LAN host on this machine: the desktop app's renderer talks to
 * the host that main/ starts (HTTP, `/signal`, `/sync` WebSockets) over loopback.
 * Joining another laptop's session adds that host's exact `http://H:P ws://H:P` from the
 * allow-list in lan-hosts.ts (private/link-local IPv4, `*.local`), per response — never a
 * wildcard, never https/wss, never a public host.
 */
const LOCAL_HOST_SOURCES = [
  'ws://127.0.0.1:*',
  'ws://localhost:*',
  'http://127.0.0.1:*',
  'http://localhost:*',
] as const;

export const CSP_DIRECTIVES: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  // React sets style properties through the CSSOM (note positions, transforms), which a CSP does
  // not restrict; no inline <style>, style="" markup or <script> ever.
  'style-src': ["'self'"],
  // data:/blob: for generated images (QR code, PNG export previews).
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'", ...LOCAL_HOST_SOURCES],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'frame-ancestors': ["'none'"],
  'form-action': ["'none'"],
};

/**
 * The policy string. `lanOrigins` are allowed LAN host origins (`http://H:P`); each is validated
 * again (lan-hosts.ts) and appended to connect-src as `http://H:P ws://H:P`; invalid ones are
 * dropped silently, so nothing but a checked host:port ever reaches the header.
 */
export function buildCsp(
  lanOrigins: readonly unknown[] = [],
  directives: Readonly<Record<string, readonly string[]>> = CSP_DIRECTIVES,
  /** Allowed lab-network hubs (hub-hosts.ts): `https://H[:P]` or a LAN `http://H:P`, canonical. */
  hubs: readonly unknown[] = [],
): string {
  const extra = [...new Set([...lanConnectSources(lanOrigins), ...hubHostSources(hubs)])];
  return Object.entries(directives)
    .map(([name, sources]) => {
      const all = name === 'connect-src' ? [...sources, ...extra.filter((s) => !sources.includes(s))] : sources;
      return [name, ...all].join(' ');
    })
    .join('; ');
}

/** The default policy: loopback only, no LAN hosts allowed yet. */
export const CONTENT_SECURITY_POLICY = buildCsp();

/** Headers added to every `app://` response (protocol handler and webRequest both). */
export function securityHeaders(lanOrigins: readonly unknown[] = [], hubs: readonly unknown[] = []): Readonly<Record<string, string>> {
  return {
    'Content-Security-Policy': lanOrigins.length === 0 && hubs.length === 0 ? CONTENT_SECURITY_POLICY : buildCsp(lanOrigins, CSP_DIRECTIVES, hubs),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
}

/** The headers with the default policy. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = securityHeaders();

type HeaderMap = Record<string, string | string[]>;

/**
 * Returns a copy of `headers` with our security headers set, replacing any existing header of the
 * same name whatever its case (so a response cannot carry a second, weaker CSP).
 */
export function withSecurityHeaders(
  headers: HeaderMap | undefined,
  lanOrigins: readonly unknown[] = [],
  hubs: readonly unknown[] = [],
): Record<string, string[]> {
  const ours = securityHeaders(lanOrigins, hubs);
  const names = new Set(Object.keys(ours).map((n) => n.toLowerCase()));
  const out: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (names.has(name.toLowerCase())) continue;
    out[name] = Array.isArray(value) ? value : [value];
  }
  for (const [name, value] of Object.entries(ours)) out[name] = [value];
  return out;
}
