import { describe, expect, it } from 'vitest';
import { fromOwnApp, parseAddressList, roomCreators } from '../../../main/host/sync/room-creators';

describe('who may create rooms', () => {
  const byDefault = roomCreators();

  it("lets the facilitator's computer (loopback) create rooms, nobody on the network", () => {
    for (const address of ['127.0.0.1', '::1', '::ffff:127.0.0.1', '127.3.2.1']) expect(byDefault({ address })).toBe(true);
    for (const address of ['192.168.1.20', '10.99.0.1', '::ffff:192.168.1.20', 'fe80::1', 'unknown']) expect(byDefault({ address })).toBe(false);
  });

  it('adds the addresses given with --allow-sessions-from, in either IPv4 notation', () => {
    const allowing = roomCreators(['192.168.1.20']);
    expect(allowing({ address: '192.168.1.20' })).toBe(true);
    expect(allowing({ address: '::ffff:192.168.1.20' })).toBe(true);
    expect(allowing({ address: '192.168.1.21' })).toBe(false);
  });

  it("accepts our own app's pages and refuses other sites' pages, even on loopback", () => {
    expect(fromOwnApp(undefined, '127.0.0.1:4455')).toBe(true);
    expect(fromOwnApp('app://app', '127.0.0.1:4455')).toBe(true);
    expect(fromOwnApp('http://127.0.0.1:4455', '127.0.0.1:4455')).toBe(true);
    expect(fromOwnApp('http://localhost:4455', 'localhost:4455')).toBe(true);
    expect(fromOwnApp('http://[::1]:4455', '[::1]:4455')).toBe(true);
    expect(fromOwnApp('http://192.168.1.20:4455', '192.168.1.20:4455')).toBe(true);
    expect(fromOwnApp('https://evil.example', '127.0.0.1:4455')).toBe(false);
    expect(fromOwnApp('http://127.0.0.1:8080', '127.0.0.1:4455')).toBe(false);
    expect(fromOwnApp('http://evil.example:4455', 'evil.example:4455')).toBe(false);
    expect(fromOwnApp('null', '127.0.0.1:4455')).toBe(false);
    expect(fromOwnApp('app://app.evil', '127.0.0.1:4455')).toBe(false);
    expect(fromOwnApp('http://127.0.0.1:4455', undefined)).toBe(false);
    expect(roomCreators()({ address: '127.0.0.1', origin: 'https://evil.example', host: '127.0.0.1:4455' })).toBe(false);
  });

  it('parses --allow-sessions-from', () => {
    expect(parseAddressList('192.168.1.20, fd00::7')).toEqual(['192.168.1.20', 'fd00::7']);
    expect(parseAddressList('laptop.local')).toBeNull();
    expect(parseAddressList(' , ')).toBeNull();
  });
});
