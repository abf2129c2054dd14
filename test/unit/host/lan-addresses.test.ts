import { describe, expect, it } from 'vitest';
import { hostUrls, lanIPv4Addresses, type NetworkInterfaces } from '../../../main/host/lan-addresses';

const interfaces: NetworkInterfaces = {
  lo: [
    { address: '127.0.0.1', netmask: '255.0.0.0', family: 'IPv4', mac: '00:00:00:00:00:00', internal: true, cidr: '127.0.0.1/8' },
  ],
  wlan0: [
    { address: '192.168.1.23', netmask: '255.255.255.0', family: 'IPv4', mac: 'aa:bb:cc:dd:ee:ff', internal: false, cidr: '192.168.1.23/24' },
    { address: 'fe80::1', netmask: 'ffff:ffff:ffff:ffff::', family: 'IPv6', mac: 'aa:bb:cc:dd:ee:ff', internal: false, cidr: 'fe80::1/64', scopeid: 2 },
  ],
  eth0: [
    { address: '10.0.0.5', netmask: '255.0.0.0', family: 'IPv4', mac: '11:22:33:44:55:66', internal: false, cidr: '10.0.0.5/8' },
  ],
};

describe('LAN addresses', () => {
  it('lists non-internal IPv4 addresses only', () => {
    expect(lanIPv4Addresses(interfaces)).toEqual(['192.168.1.23', '10.0.0.5']);
  });

  it('gives localhost plus every LAN address when bound to all interfaces', () => {
    expect(hostUrls('0.0.0.0', 4455, interfaces)).toEqual([
      'http://localhost:4455/',
      'http://192.168.1.23:4455/',
      'http://10.0.0.5:4455/',
    ]);
    expect(hostUrls('::', 80, {})).toEqual(['http://localhost:80/']);
  });

  it('gives just the bound address otherwise, bracketing IPv6', () => {
    expect(hostUrls('127.0.0.1', 5000, interfaces)).toEqual(['http://127.0.0.1:5000/']);
    expect(hostUrls('::1', 5000, interfaces)).toEqual(['http://[::1]:5000/']);
  });
});
