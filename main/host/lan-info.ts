import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LanInfo } from '../../shared/protocol/room-wire';
import { sendJson } from './http-responses';
import { hostUrls, isWildcardAddress, lanIPv4Addresses, type NetworkInterfaces } from './lan-addresses';

/**
 * What participants can type to reach this host. Bound to all interfaces: every LAN IPv4 address
 * (no localhost — that would point a participant at their own laptop). Bound to one address: that
 * one. Empty when the machine has no network at all, which the UI can say plainly.
 */
export function lanInfo(bind: string, port: number, interfaces?: NetworkInterfaces): LanInfo {
  if (!isWildcardAddress(bind)) return { urls: hostUrls(bind, port, interfaces) };
  return { urls: lanIPv4Addresses(interfaces).map((address) => `http://${address}:${port}/`) };
}

export function createLanInfoHandler(bind: string, port: () => number) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    // Computed per request: the laptop may have switched Wi-Fi since the host started.
    res.setHeader('Cache-Control', 'no-store');
    sendJson(req, res, 200, lanInfo(bind, port()));
  };
}
