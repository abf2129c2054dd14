import { describe, expect, it } from 'vitest';
import { isLoopbackAddress, isLoopbackHostname, isLoopbackUrl } from '../../../shared/protocol/loopback';

describe('loopback', () => {
  it('recognises this computer by host name', () => {
    for (const host of ['localhost', 'LOCALHOST', '127.0.0.1', '127.1.2.3', '[::1]', '::1']) expect(isLoopbackHostname(host)).toBe(true);
    for (const host of ['127.example.org', '192.168.1.2', 'localhost.evil.org', '10.0.0.1', '']) expect(isLoopbackHostname(host)).toBe(false);
  });
  it('recognises loopback socket addresses, IPv4-mapped included', () => {
    for (const a of ['127.0.0.1', '::1', '::ffff:127.0.0.1']) expect(isLoopbackAddress(a)).toBe(true);
    for (const a of ['192.168.0.4', '::ffff:192.168.0.4', 'fe80::1', undefined]) expect(isLoopbackAddress(a)).toBe(false);
  });
  it('reads URLs and refuses what does not parse', () => {
    expect(isLoopbackUrl('http://127.0.0.1:4455/#/s/x')).toBe(true);
    expect(isLoopbackUrl('http://[::1]:80/')).toBe(true);
    expect(isLoopbackUrl('http://192.168.0.3:4455/')).toBe(false);
    expect(isLoopbackUrl('not a url')).toBe(false);
  });
});
