/**
 * "Join nearby session": browses the LAN for hosts advertising `_transition-lab._tcp` (see
 * main/host/mdns-advertise.ts). Plain Node (bonjour-service), no electron import: the browsing
 * is injected in tests, and toNearbyHosts is pure.
 */
import { isIPv4 } from 'node:net';
import Bonjour from 'bonjour-service';
import type { NearbyHost } from '../shared/protocol/ipc';

export const MDNS_SERVICE_TYPE = 'transition-lab';
export const BROWSE_DURATION_MS = 2000;
const MAX_HOSTS = 50;

/** What we read from a bonjour-service `Service`. */
export interface FoundService {
  name?: unknown;
  port?: unknown;
  addresses?: unknown;
  referer?: { address?: unknown } | undefined;
}

export interface MdnsBrowser {
  /** Calls onUp for every service seen until stop(). */
  start(type: string, onUp: (service: FoundService) => void): void;
  stop(): void;
}

/**
 * Multicast answers come from anyone on the Wi-Fi, so they are untrusted input: only IPv4
 * addresses, a real port and a short printable name survive; duplicates merge by name.
 */
export function toNearbyHosts(services: readonly FoundService[]): NearbyHost[] {
  const byName = new Map<string, Set<string>>();
  for (const service of services) {
    const name = typeof service.name === 'string' ? stripControlChars(service.name).slice(0, 100) : '';
    const port = service.port;
    if (!name || typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65_535) continue;
    const addresses = Array.isArray(service.addresses) ? [...(service.addresses as unknown[])] : [];
    if (service.referer && typeof service.referer.address === 'string') addresses.push(service.referer.address);
    const urls = byName.get(name) ?? new Set<string>();
    for (const address of addresses) {
      if (typeof address === 'string' && isIPv4(address)) urls.add(`http://${address}:${port}/`);
    }
    if (urls.size > 0) byName.set(name, urls);
    if (byName.size >= MAX_HOSTS) break;
  }
  return [...byName].map(([name, urls]) => ({ name, urls: [...urls].slice(0, 8) }));
}

function stripControlChars(text: string): string {
  return [...text].filter((c) => c.charCodeAt(0) > 0x1f && c.charCodeAt(0) !== 0x7f).join('');
}

export function bonjourBrowser(): MdnsBrowser {
  let bonjour: InstanceType<typeof Bonjour.Bonjour> | undefined;
  let browser: ReturnType<InstanceType<typeof Bonjour.Bonjour>['find']> | undefined;
  return {
    start(type, onUp) {
      bonjour = new Bonjour.Bonjour({}, () => undefined);
      browser = bonjour.find({ type }, (service) => onUp(service));
    },
    stop() {
      browser?.stop();
      bonjour?.destroy();
    },
  };
}

/** Listens for `durationMs`, then returns what answered. Never rejects: no hosts is an answer too. */
export async function findNearbyHosts(
  browser: MdnsBrowser = bonjourBrowser(),
  durationMs = BROWSE_DURATION_MS,
): Promise<NearbyHost[]> {
  const found: FoundService[] = [];
  try {
    browser.start(MDNS_SERVICE_TYPE, (service) => {
      if (found.length < MAX_HOSTS * 4) found.push(service);
    });
  } catch {
    return [];
  }
  await new Promise((resolve) => setTimeout(resolve, durationMs));
  try {
    browser.stop();
  } catch {
    // A socket that failed to close is not the user's problem.
  }
  return toNearbyHosts(found);
}
