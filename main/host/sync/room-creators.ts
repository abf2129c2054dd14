import { isIP } from 'node:net';
import { isLoopbackAddress, isLoopbackHostname } from '../../../shared/protocol/loopback';
import { APP_ORIGIN } from '../../../shared/protocol/app-origin';

/** Who asks to create a room: the socket's remote address and, from a browser, its Origin and Host headers. */
export interface Claimant {
  address: string;
  origin?: string | undefined;
  host?: string | undefined;
}

/** Decides whether a claimant may create rooms (claim a room id the host does not know). */
export type MayCreateRooms = (claimant: Claimant) => boolean;

function plain(address: string): string {
  return address.toLowerCase().replace(/^::ffff:/, '');
}

/**
 * The facilitator's own computer always may (the desktop app and a browser on that computer
 * reach the host on loopback). `allowed` adds addresses the operator named with
 * --allow-sessions-from, for a host run on another computer than the facilitator's app.
 * Either way the request must come from our own app, not from a web page of another site
 * that a browser on that computer happens to show (see fromOwnApp).
 */
export function roomCreators(allowed: readonly string[] = []): MayCreateRooms {
  const extra = new Set(allowed.map(plain));
  return ({ address, origin, host }) => (isLoopbackAddress(address) || extra.has(plain(address))) && fromOwnApp(origin, host);
}

/**
 * Any web page in the facilitator's browser can open a WebSocket to 127.0.0.1, and browsers send
 * no CORS check for WebSockets — only the Origin header tells. Accepted: no Origin (not a
 * browser: Node clients, tests), the desktop app's `app://app`, or a page this host served
 * (Origin equal to the Host header) under a loopback name or an IP address — a domain name there
 * could be DNS rebinding (evil.example resolving to 127.0.0.1).
 */
export function fromOwnApp(origin: string | undefined, host: string | undefined): boolean {
  if (origin === undefined) return true;
  if (origin === APP_ORIGIN) return true;
  let page: URL;
  try {
    page = new URL(origin);
  } catch {
    return false;
  }
  if (!host || page.host !== host.toLowerCase()) return false;
  const name = page.hostname.replace(/^\[|\]$/g, '');
  return isLoopbackHostname(page.hostname) || isIP(name) !== 0;
}

/** A value for --allow-sessions-from: IP addresses separated by commas. null if one is not an IP. */
export function parseAddressList(value: string): string[] | null {
  const items = value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
  if (items.length === 0 || items.some((item) => isIP(item) === 0)) return null;
  return items;
}
