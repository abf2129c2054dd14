import { describe, expect, it } from 'vitest';
import { findNearbyHosts, MDNS_SERVICE_TYPE, toNearbyHosts, type FoundService, type MdnsBrowser } from '../../../main/mdns-browse';
import { MDNS_SERVICE_TYPE as ADVERTISED_TYPE } from '../../../main/host/mdns-advertise';

function fakeBrowser(services: FoundService[], opts: { throwOnStart?: boolean } = {}) {
  const calls: string[] = [];
  const browser: MdnsBrowser = {
    start(type, onUp) {
      calls.push(`start ${type}`);
      if (opts.throwOnStart) throw new Error('no multicast');
      for (const s of services) onUp(s);
    },
    stop() {
      calls.push('stop');
    },
  };
  return { browser, calls };
}

describe('toNearbyHosts', () => {
  it('builds http URLs from IPv4 addresses and merges duplicates by name', () => {
    expect(
      toNearbyHosts([
        { name: 'Transition Lab on ana (4455)', port: 4455, addresses: ['192.168.1.5', 'fe80::1'] },
        { name: 'Transition Lab on ana (4455)', port: 4455, addresses: ['10.0.0.5'], referer: { address: '192.168.1.5' } },
        { name: 'Transition Lab on ben (5000)', port: 5000, addresses: [], referer: { address: '192.168.1.9' } },
      ]),
    ).toEqual([
      { name: 'Transition Lab on ana (4455)', urls: ['http://192.168.1.5:4455/', 'http://10.0.0.5:4455/'] },
      { name: 'Transition Lab on ben (5000)', urls: ['http://192.168.1.9:5000/'] },
    ]);
  });

  it('drops untrusted junk from the network', () => {
    expect(
      toNearbyHosts([
        { name: '', port: 4455, addresses: ['192.168.1.5'] },
        { name: 'x', port: 0, addresses: ['192.168.1.5'] },
        { name: 'x', port: '4455', addresses: ['192.168.1.5'] },
        { name: 'x', port: 4455, addresses: ['not-an-ip', 'javascript:alert(1)'] },
        { name: 42, port: 4455, addresses: ['192.168.1.5'] },
        { name: 'evil\u0000\nname', port: 4455, addresses: ['192.168.1.6'] },
      ]),
    ).toEqual([{ name: 'evilname', urls: ['http://192.168.1.6:4455/'] }]);
  });
});

describe('findNearbyHosts', () => {
  it('browses the type the host advertises, for the given time, then stops', async () => {
    expect(MDNS_SERVICE_TYPE).toBe(ADVERTISED_TYPE);
    const { browser, calls } = fakeBrowser([{ name: 'Lab', port: 4455, addresses: ['192.168.0.2'] }]);
    const started = Date.now();
    expect(await findNearbyHosts(browser, 50)).toEqual([{ name: 'Lab', urls: ['http://192.168.0.2:4455/'] }]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
    expect(calls).toEqual(['start transition-lab', 'stop']);
  });

  it('answers an empty list when multicast is unavailable', async () => {
    const { browser } = fakeBrowser([], { throwOnStart: true });
    expect(await findNearbyHosts(browser, 10)).toEqual([]);
  });
});
