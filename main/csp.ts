/**
 * Content-Security-Policy and other response headers for everything served on `app://`.
 * Pure module (no electron), unit-tested in test/unit/main/csp.test.ts.
 */

/**
 * connect-src allows only our own LAN host on this machine: the desktop app's renderer talks to
 * the host that main/ starts (HTTP, `/signal`, `/sync` WebSockets) over loopback.
 * Later issues will add the LAN host address the user picks (joining another facilitator's host,
 * or a user-configured signaling/STUN/TURN server): build that list from settings in main and
 * append it here — never a wildcard, never a public default.
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
  // React sets inline `style` attributes (note positions, transforms); no inline <script> ever.
  'style-src': ["'self'", "'unsafe-inline'"],
  // data:/blob: for generated images (QR code, PNG export previews).
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'", ...LOCAL_HOST_SOURCES],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'frame-ancestors': ["'none'"],
  'form-action': ["'none'"],
};

export function buildCsp(directives: Readonly<Record<string, readonly string[]>> = CSP_DIRECTIVES): string {
  return Object.entries(directives)
    .map(([name, sources]) => [name, ...sources].join(' '))
    .join('; ');
}

export const CONTENT_SECURITY_POLICY = buildCsp();

/** Headers added to every `app://` response (protocol handler and webRequest both). */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

type HeaderMap = Record<string, string | string[]>;

/**
 * Returns a copy of `headers` with our security headers set, replacing any existing header of the
 * same name whatever its case (so a response cannot carry a second, weaker CSP).
 */
export function withSecurityHeaders(headers: HeaderMap | undefined): Record<string, string[]> {
  const names = new Set(Object.keys(SECURITY_HEADERS).map((n) => n.toLowerCase()));
  const out: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (names.has(name.toLowerCase())) continue;
    out[name] = Array.isArray(value) ? value : [value];
  }
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) out[name] = [value];
  return out;
}
