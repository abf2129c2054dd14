/**
 * The desktop app's allow-list of LAN hosts it may connect to (joining another laptop's session).
 * Each allowed origin becomes `http://HOST:PORT ws://HOST:PORT` in the app's connect-src (csp.ts).
 *
 * Pure module: node:fs only, no electron import, unit-tested in test/unit/main/lan-hosts.test.ts.
 * main/index.ts opens the store at `<userData>/lan-hosts.json` and hands it to security.ts,
 * app-protocol.ts (CSP per response) and ipc.ts (`allowLanHost`).
 *
 * The validator is deliberately narrow: plain `http:` (our LAN host has no TLS), a private or
 * link-local IPv4 address, a `*.local` mDNS name or loopback, nothing else in the URL. It never
 * lets a public host, https/wss, a wildcard or anything that could smuggle extra CSP tokens in.
 */
import { mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isLoopbackHostname, isLoopbackUrl } from '../shared/protocol/loopback';

/** Most origins remembered; adding one more drops the oldest. */
export const MAX_LAN_HOSTS = 50;
/** Longest origin string considered at all (also the IPC argument limit). */
export const MAX_LAN_ORIGIN_LENGTH = 300;
export const LAN_HOSTS_FILE = 'lan-hosts.json';

const FILE_VERSION = 1;

/** `http://host[:port][/]`, host without userinfo; anything else (path, query, fragment) fails. */
const ORIGIN_SHAPE = /^http:\/\/([a-z0-9.-]+)(?::(\d{1,5}))?\/?$/u;
const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/u;
const DNS_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/u;

function ipv4Octets(host: string): number[] | null {
  const match = IPV4.exec(host);
  if (!match) return null;
  const octets = match.slice(1).map((part) => {
    // No leading zeros: "010" is octal to some resolvers and decimal to others.
    if (part.length > 1 && part.startsWith('0')) return NaN;
    return Number(part);
  });
  return octets.every((n) => Number.isInteger(n) && n >= 0 && n <= 255) ? octets : null;
}

/** 10/8, 172.16/12, 192.168/16 (RFC 1918), 169.254/16 (link-local), 127/8 (loopback). */
export function isPrivateIpv4(host: string): boolean {
  const o = ipv4Octets(host);
  if (!o) return false;
  const [a, b] = o as [number, number, number, number];
  return a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254) || a === 127;
}

/** `name.local`, `ana-laptop.local`: RFC 6762 names made of DNS labels. */
export function isMdnsName(host: string): boolean {
  if (host.length > 253 || !host.endsWith('.local')) return false;
  const labels = host.split('.');
  if (labels.length < 2) return false;
  // An all-numeric first label would look like an address to some resolvers; refuse.
  if (/^\d+$/u.test(labels[0] ?? '')) return false;
  return labels.every((label) => DNS_LABEL.test(label));
}

/**
 * Canonical form `http://HOST:PORT` (port always explicit, 80 if the input had none) of an
 * allowed LAN origin, or null if `value` is anything else.
 */
export function normalizeLanOrigin(value: unknown): string | null {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_LAN_ORIGIN_LENGTH) return null;
  const match = ORIGIN_SHAPE.exec(value.toLowerCase());
  if (!match) return null;
  const host = match[1] ?? '';
  const portText = match[2];
  const port = portText === undefined ? 80 : Number(portText);
  if (!Number.isInteger(port) || port < 1 || port > 65535) return null;
  if (portText !== undefined && portText.length > 1 && portText.startsWith('0')) return null;
  if (!(isPrivateIpv4(host) || isMdnsName(host) || isLoopbackHostname(host))) return null;
  // Cross-check with the WHATWG parser: it must see exactly the same host (no surprises such as
  // numeric shorthands, trailing dots or IDNA mapping).
  let parsed: URL;
  try {
    parsed = new URL(`http://${host}:${port}/`);
  } catch {
    return null;
  }
  if (parsed.hostname !== host || parsed.username !== '' || parsed.password !== '') return null;
  return `http://${host}:${port}`;
}

export function isAllowedLanOrigin(value: unknown): boolean {
  return normalizeLanOrigin(value) !== null;
}

/**
 * True for origins the static CSP already allows (loopback): no need to remember them.
 * `origin` must be canonical (from normalizeLanOrigin).
 */
export function isLoopbackOrigin(origin: string): boolean {
  return isLoopbackUrl(origin);
}

/**
 * connect-src sources for a list of origins: `http://H:P ws://H:P` each. Every entry is validated
 * again here (defence in depth: whatever reaches the header has passed the validator).
 */
export function lanConnectSources(origins: readonly unknown[]): string[] {
  const sources: string[] = [];
  const seen = new Set<string>();
  for (const value of origins) {
    const origin = normalizeLanOrigin(value);
    if (origin === null || seen.has(origin)) continue;
    seen.add(origin);
    const hostPort = origin.slice('http://'.length);
    sources.push(`http://${hostPort}`, `ws://${hostPort}`);
  }
  return sources;
}

/**
 * Adds `origin` (canonical) as the newest entry: an existing copy moves to the end, and the
 * oldest entries are dropped beyond `max`. Returns a new array.
 */
export function withLanOrigin(list: readonly string[], origin: string, max = MAX_LAN_HOSTS): string[] {
  const next = [...list.filter((o) => o !== origin), origin];
  return next.slice(Math.max(0, next.length - max));
}

/** Parses the file's JSON; keeps only valid, distinct origins, newest last, at most `max`. */
export function parseLanHostsFile(text: string, max = MAX_LAN_HOSTS, normalize: (value: unknown) => string | null = normalizeLanOrigin): string[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return [];
  }
  const raw = (data as { origins?: unknown } | null)?.origins;
  if (!Array.isArray(raw)) return [];
  let list: string[] = [];
  for (const value of raw) {
    const origin = normalize(value);
    if (origin !== null) list = withLanOrigin(list, origin, max);
  }
  return list;
}

export function serializeLanHosts(list: readonly string[]): string {
  return `${JSON.stringify({ version: FILE_VERSION, origins: list }, null, 2)}\n`;
}

/** Reads the list; a missing or corrupt file is an empty list (the user can allow hosts again). */
export function readLanHosts(filePath: string, max = MAX_LAN_HOSTS, normalize: (value: unknown) => string | null = normalizeLanOrigin): string[] {
  let text: string;
  try {
    text = readFileSync(filePath, 'utf8');
  } catch {
    return [];
  }
  return parseLanHostsFile(text, max, normalize);
}

let tempCounter = 0;

/** Atomic replace: write a temp file next to the target, then rename over it. */
export function writeLanHosts(filePath: string, list: readonly string[]): void {
  mkdirSync(path.dirname(filePath), { recursive: true });
  tempCounter += 1;
  const temp = `${filePath}.${process.pid}.${tempCounter}.tmp`;
  try {
    writeFileSync(temp, serializeLanHosts(list), { encoding: 'utf8', mode: 0o600 });
    renameSync(temp, filePath);
  } catch (error) {
    try {
      unlinkSync(temp);
    } catch {
      // The temp file was never created, or is already gone.
    }
    throw error;
  }
}

export interface LanHostStore {
  /** Allowed origins, oldest first (canonical `http://HOST:PORT`). */
  list(): readonly string[];
  /** connect-src sources for the current list. */
  connectSources(): string[];
  /**
   * Validates and remembers `origin`; persists the list. 'refused' if it is not a LAN origin,
   * 'added' if it is new to the list, 'allowed' if it was there already. Loopback origins are
   * 'allowed' but not stored: the static policy already allows them.
   */
  add(origin: unknown): 'added' | 'allowed' | 'refused';
}

export interface LanHostStoreOptions {
  max?: number;
  /** Called when persisting fails; the origin stays allowed until the app quits. */
  onError?: (error: unknown) => void;
}

/** Opens the allow-list stored at `filePath` (read once, now). */
export function openLanHostStore(filePath: string, options: LanHostStoreOptions = {}): LanHostStore {
  const max = options.max ?? MAX_LAN_HOSTS;
  let list = readLanHosts(filePath, max);
  return {
    list: () => list,
    connectSources: () => lanConnectSources(list),
    add(value) {
      const origin = normalizeLanOrigin(value);
      if (origin === null) return 'refused';
      if (isLoopbackOrigin(origin)) return 'allowed';
      const known = list.includes(origin);
      const next = withLanOrigin(list, origin, max);
      const unchanged = next.length === list.length && next.every((o, i) => o === list[i]);
      list = next;
      if (!unchanged) {
        try {
          writeLanHosts(filePath, list);
        } catch (error) {
          options.onError?.(error);
        }
      }
      return known ? 'allowed' : 'added';
    },
  };
}
