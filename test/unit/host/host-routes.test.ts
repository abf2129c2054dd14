import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lanInfo } from '../../../main/host/lan-info';
import { MDNS_SERVICE_TYPE } from '../../../main/host/mdns-advertise';
import type { NetworkInterfaces } from '../../../main/host/lan-addresses';
import { createFixture, rawRequest, type Fixture } from './helpers';
import { startTestHost, type TestHost } from './sync-helpers';

const interfaces: NetworkInterfaces = {
  lo: [{ address: '127.0.0.1', netmask: '255.0.0.0', family: 'IPv4', mac: '00:00:00:00:00:00', internal: true, cidr: '127.0.0.1/8' }],
  wlan0: [{ address: '192.168.1.23', netmask: '255.255.255.0', family: 'IPv4', mac: 'aa:bb:cc:dd:ee:ff', internal: false, cidr: '192.168.1.23/24' }],
};

describe('lanInfo', () => {
  it('lists LAN addresses (not localhost) when bound to all interfaces', () => {
    expect(lanInfo('0.0.0.0', 4455, interfaces)).toEqual({ urls: ['http://192.168.1.23:4455/'] });
    expect(lanInfo('0.0.0.0', 4455, {})).toEqual({ urls: [] });
  });
  it('gives the bound address otherwise', () => {
    expect(lanInfo('127.0.0.1', 5000, interfaces)).toEqual({ urls: ['http://127.0.0.1:5000/'] });
  });
  it('advertises under _transition-lab._tcp', () => {
    expect(MDNS_SERVICE_TYPE).toBe('transition-lab');
  });
});

describe('GET /lan', () => {
  let fixture: Fixture;
  let host: TestHost;
  beforeEach(async () => {
    fixture = createFixture();
    host = await startTestHost(fixture);
  });
  afterEach(async () => {
    await host.close();
    fixture.remove();
  });

  it('answers LanInfo, uncached', async () => {
    const res = await rawRequest(host.port, '/lan');
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(JSON.parse(res.body)).toEqual({ urls: [`http://127.0.0.1:${host.port}/`] });
  });

  it('404s unknown WebSocket paths', async () => {
    const res = await rawRequest(host.port, '/nope', { headers: { Connection: 'Upgrade', Upgrade: 'websocket', 'Sec-WebSocket-Version': '13', 'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==' } });
    expect(res.status).toBe(404);
  });
});
