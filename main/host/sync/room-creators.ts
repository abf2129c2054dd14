import { isIP } from 'node:net';
import { isLoopbackAddress } from '../../../shared/protocol/loopback';

/** Decides from a socket's remote address whether it may create rooms (claim an unknown room id). */
export type MayCreateRooms = (address: string) => boolean;

function plain(address: string): string {
  return address.toLowerCase().replace(/^::ffff:/, '');
}

/**
 * The facilitator's own computer always may (the desktop app and a browser on that computer
 * reach the host on loopback). `allowed` adds addresses the operator named with
 * --allow-sessions-from, for a host run on another computer than the facilitator's app.
 */
export function roomCreators(allowed: readonly string[] = []): MayCreateRooms {
  const extra = new Set(allowed.map(plain));
  return (address) => isLoopbackAddress(address) || extra.has(plain(address));
}

/** A value for --allow-sessions-from: IP addresses separated by commas. null if one is not an IP. */
export function parseAddressList(value: string): string[] | null {
  const items = value.split(',').map((item) => item.trim()).filter((item) => item !== '');
  if (items.length === 0 || items.some((item) => isIP(item) === 0)) return null;
  return items;
}
