import { isIPv6 } from 'node:net';
import os from 'node:os';

export type NetworkInterfaces = ReturnType<typeof os.networkInterfaces>;

const WILDCARD_ADDRESSES = new Set(['0.0.0.0', '::']);

export function isWildcardAddress(address: string): boolean {
  return WILDCARD_ADDRESSES.has(address);
}

/**
 * Non-loopback IPv4 addresses, the ones participants in the room can type or scan.
 * IPv6 link-local addresses are left out: they need a zone id that browsers will not accept.
 */
export function lanIPv4Addresses(interfaces: NetworkInterfaces = os.networkInterfaces()): string[] {
  const addresses = new Set<string>();
  for (const entries of Object.values(interfaces)) {
    for (const entry of entries ?? []) {
      if (entry.family === 'IPv4' && !entry.internal) addresses.add(entry.address);
    }
  }
  return [...addresses];
}

/** The URLs to print for a host listening on `bind:port`. */
export function hostUrls(
  bind: string,
  port: number,
  interfaces: NetworkInterfaces = os.networkInterfaces(),
): string[] {
  if (!isWildcardAddress(bind)) return [urlFor(bind, port)];
  return [urlFor('localhost', port), ...lanIPv4Addresses(interfaces).map((address) => urlFor(address, port))];
}

function urlFor(host: string, port: number): string {
  return `http://${isIPv6(host) ? `[${host}]` : host}:${port}/`;
}
