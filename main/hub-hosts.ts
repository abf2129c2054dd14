/**
 * The desktop app's allow-list of lab-network hubs (Publish to hub, Connect to hub): each one
 * widens connect-src by exactly its HTTP and WebSocket origins (csp.ts). Stored like the LAN
 * hosts (lan-hosts.ts), in `<userData>/hub-hosts.json`. Pure module: node:fs only.
 *
 * A hub is the one place the app talks to the internet, and only after a facilitator or
 * coordinator typed its address: `https://` any DNS name (the hub sits behind TLS, docs/hub.md),
 * plain `http://` only on this computer or the LAN.
 */
import { hubConnectSources, parseHubAddress } from '../shared/protocol/hub';
import { MAX_LAN_ORIGIN_LENGTH, normalizeLanOrigin, readLanHosts, withLanOrigin, writeLanHosts } from './lan-hosts';
import { isLoopbackUrl } from '../shared/protocol/loopback';

export const HUB_HOSTS_FILE = 'hub-hosts.json';
export const MAX_HUB_HOSTS = 20;

export type HubAllowResult = 'added' | 'allowed' | 'refused';

/** `https://host[:port]` or a LAN/loopback `http://host:port`, canonical; null for anything else. */
export function normalizeHubOrigin(value: unknown): string | null {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_LAN_ORIGIN_LENGTH) return null;
  const parsed = parseHubAddress(value);
  if (!parsed) return null;
  if (parsed.origin.startsWith('https://')) return parsed.origin;
  return normalizeLanOrigin(parsed.origin) === null ? null : parsed.origin;
}

/** connect-src sources for allowed hubs; every entry validated again on the way into the header. */
export function hubHostSources(origins: readonly unknown[]): string[] {
  // Only entries already in canonical form: anything a validator would have to rewrite is refused.
  return hubConnectSources(origins.filter((o): o is string => typeof o === 'string' && normalizeHubOrigin(o) === o));
}

export interface HubHostStore {
  list(): readonly string[];
  /** Validates and remembers a hub; 'added' means the current page's policy does not have it yet. */
  add(value: unknown): HubAllowResult;
}

export function openHubHostStore(filePath: string, options: { onError?: (error: unknown) => void } = {}): HubHostStore {
  let list = readLanHosts(filePath, MAX_HUB_HOSTS, normalizeHubOrigin);
  return {
    list: () => list,
    add(value) {
      const origin = normalizeHubOrigin(value);
      if (origin === null) return 'refused';
      // Loopback is in the static policy already (csp.ts): a hub on this computer needs nothing.
      if (origin.startsWith('http://') && isLoopbackUrl(origin)) return 'allowed';
      if (list.includes(origin)) return 'allowed';
      list = withLanOrigin(list, origin, MAX_HUB_HOSTS);
      try {
        writeLanHosts(filePath, list);
      } catch (error) {
        options.onError?.(error);
      }
      return 'added';
    },
  };
}
