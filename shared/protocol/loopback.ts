/**
 * "Is this this computer?" — asked of URL host names (the invite warns that a localhost link
 * works only here; joins to loopback are always allowed) and of socket addresses (the host
 * trusts its own machine more than the Wi-Fi). One answer for every caller.
 */

/** A URL's `hostname` (`localhost`, `127.x.y.z`, `[::1]` or `::1`). */
export function isLoopbackHostname(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return host === 'localhost' || host === '[::1]' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** A socket's remote address as Node reports it (IPv4, IPv6, or IPv4-mapped IPv6). */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const plain = address.toLowerCase().replace(/^::ffff:/, '');
  return plain === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(plain);
}

/** An origin or URL string whose host is loopback; false for anything unparsable. */
export function isLoopbackUrl(url: string): boolean {
  try {
    return isLoopbackHostname(new URL(url).hostname);
  } catch {
    return false;
  }
}
