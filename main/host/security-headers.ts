import type { ServerResponse } from 'node:http';
import { hubConnectSources } from '../../shared/protocol/hub';

// The renderer bundle is self-contained (DESIGN: nothing is loaded from the internet), so every
// source is 'self' — connect-src too: a page from this host talks to this host alone (its relay and
// signaling WebSockets are same-origin; STUN/TURN servers are WebRTC, which connect-src does not
// govern). No 'unsafe-inline' styles: React sets style properties through the CSSOM, which a CSP
// does not restrict, and the bundle has no inline <style> or style="" markup.
// Hubs named with --hub are added to connect-src, by their exact origins (securityHeadersFor).
function contentSecurityPolicy(hubs: readonly string[]): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    ["connect-src 'self'", ...hubConnectSources(hubs)].join(' '),
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'none'",
  ].join('; ');
}

// camera and microphone are deliberately NOT disabled: Chromium gathers loopback ICE candidates
// only for pages with media permission (docs/stack-notes.md), and the e2e WebRTC tests depend on that.
const PERMISSIONS_POLICY = [
  'accelerometer=()',
  'geolocation=()',
  'gyroscope=()',
  'hid=()',
  'magnetometer=()',
  'midi=()',
  'payment=()',
  'serial=()',
  'usb=()',
].join(', ');

/** The host's response headers; `hubs`: lab-network hub addresses its pages may talk to (--hub). */
export function securityHeadersFor(hubs: readonly string[]): Readonly<Record<string, string>> {
  return { ...SECURITY_HEADERS, 'Content-Security-Policy': contentSecurityPolicy(hubs) };
}

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': contentSecurityPolicy([]),
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': PERMISSIONS_POLICY,
};

export function applySecurityHeaders(res: ServerResponse, headers: Readonly<Record<string, string>> = SECURITY_HEADERS): void {
  for (const [name, value] of Object.entries(headers)) {
    res.setHeader(name, value);
  }
}
