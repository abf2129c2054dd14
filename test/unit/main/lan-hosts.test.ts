import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  isAllowedLanOrigin,
  isMdnsName,
  isPrivateIpv4,
  lanConnectSources,
  LAN_HOSTS_FILE,
  MAX_LAN_HOSTS,
  normalizeLanOrigin,
  openLanHostStore,
  parseLanHostsFile,
  readLanHosts,
  withLanOrigin,
  writeLanHosts,
} from '../../../main/lan-hosts';

describe('normalizeLanOrigin', () => {
  it.each([
    ['http://192.168.1.20:4455', 'http://192.168.1.20:4455'],
    ['http://192.168.1.20:4455/', 'http://192.168.1.20:4455'],
    ['http://10.0.0.5:80', 'http://10.0.0.5:80'],
    ['http://10.0.0.5', 'http://10.0.0.5:80'],
    ['http://172.20.1.1:4455', 'http://172.20.1.1:4455'],
    ['http://172.16.0.1:1', 'http://172.16.0.1:1'],
    ['http://172.31.255.255:65535', 'http://172.31.255.255:65535'],
    ['http://169.254.10.2:4455', 'http://169.254.10.2:4455'],
    ['http://host.local:4455', 'http://host.local:4455'],
    ['http://Ana-Laptop.LOCAL:4455/', 'http://ana-laptop.local:4455'],
    ['http://127.0.0.1:4455', 'http://127.0.0.1:4455'],
    ['http://localhost:4455', 'http://localhost:4455'],
  ])('accepts %s', (input, canonical) => {
    expect(normalizeLanOrigin(input)).toBe(canonical);
    expect(isAllowedLanOrigin(input)).toBe(true);
  });

  it.each([
    // other schemes
    'https://192.168.1.20:4455',
    'ws://192.168.1.20:4455',
    'wss://192.168.1.20:4455',
    'file:///etc/passwd',
    'app://app',
    '//192.168.1.20:4455',
    '192.168.1.20:4455',
    // public or unusual addresses
    'http://8.8.8.8:4455',
    'http://1.1.1.1',
    'http://172.32.0.1:4455',
    'http://172.15.255.255:4455',
    'http://192.169.1.1:4455',
    'http://169.255.0.1:4455',
    'http://11.0.0.1:4455',
    'http://0.0.0.0:4455',
    'http://255.255.255.255:4455',
    'http://192.168.1.256:4455',
    'http://192.168.01.20:4455',
    'http://3232235796:4455', // 192.168.1.20 as one number
    'http://0xc0.168.1.20:4455',
    'http://192.168.1:4455',
    'http://[::1]:4455',
    'http://[fe80::1]:4455',
    // host names
    'http://example.com:4455',
    'http://evil.local.example.com:4455',
    'http://local:4455',
    'http://.local:4455',
    'http://-bad.local:4455',
    'http://123.local:4455',
    'http://host.local.:4455',
    'http://*.local:4455',
    'http://*:4455',
    'http://ho_st.local:4455',
    // ports
    'http://192.168.1.20:0',
    'http://192.168.1.20:65536',
    'http://192.168.1.20:04455',
    'http://192.168.1.20:',
    'http://192.168.1.20:*',
    // credentials, path, query, fragment, whitespace, CSP injection
    'http://user:pass@192.168.1.20:4455',
    'http://user@192.168.1.20:4455',
    'http://example.com@192.168.1.20:4455',
    'http://192.168.1.20:4455/path',
    'http://192.168.1.20:4455//',
    'http://192.168.1.20:4455/?x=1',
    'http://192.168.1.20:4455?',
    'http://192.168.1.20:4455/#/join/x',
    'http://192.168.1.20:4455#',
    ' http://192.168.1.20:4455',
    'http://192.168.1.20:4455 ',
    'http://192.168.1.20:4455; script-src *',
    'http://192.168.1.20:4455 https:',
    'http://192.168.1.20:4455\n',
    '',
    `http://${'a'.repeat(300)}.local:4455`,
  ])('refuses %j', (input) => {
    expect(normalizeLanOrigin(input)).toBeNull();
    expect(isAllowedLanOrigin(input)).toBe(false);
  });

  it('refuses non-strings', () => {
    for (const value of [null, undefined, 42, {}, ['http://192.168.1.20:4455'], new URL('http://192.168.1.20:4455')]) {
      expect(normalizeLanOrigin(value)).toBeNull();
    }
  });

  it('range helpers', () => {
    expect(isPrivateIpv4('10.255.255.255')).toBe(true);
    expect(isPrivateIpv4('100.64.0.1')).toBe(false); // CGNAT is not a LAN range
    expect(isMdnsName('a.b.local')).toBe(true);
    expect(isMdnsName('local')).toBe(false);
  });
});

describe('lanConnectSources / withLanOrigin', () => {
  it('turns origins into exact http and ws sources, dropping invalid ones', () => {
    expect(lanConnectSources(['http://192.168.1.20:4455', 'https://8.8.8.8', 'http://host.local', 'http://192.168.1.20:4455/'])).toEqual([
      'http://192.168.1.20:4455',
      'ws://192.168.1.20:4455',
      'http://host.local:80',
      'ws://host.local:80',
    ]);
  });

  it('keeps the newest entries, moving a repeated one to the end', () => {
    expect(withLanOrigin(['a', 'b', 'c'], 'a')).toEqual(['b', 'c', 'a']);
    expect(withLanOrigin(['a', 'b', 'c'], 'd', 3)).toEqual(['b', 'c', 'd']);
  });

  it('parses the file defensively', () => {
    expect(parseLanHostsFile('not json')).toEqual([]);
    expect(parseLanHostsFile('null')).toEqual([]);
    expect(parseLanHostsFile('{"origins": "http://10.0.0.5:80"}')).toEqual([]);
    expect(parseLanHostsFile(JSON.stringify({ origins: ['http://10.0.0.5', 'http://8.8.8.8:80', 42, 'http://10.0.0.5:80'] }))).toEqual([
      'http://10.0.0.5:80',
    ]);
    const many = Array.from({ length: 60 }, (_, i) => `http://10.0.0.${i + 1}:4455`);
    const parsed = parseLanHostsFile(JSON.stringify({ origins: many }));
    expect(parsed).toHaveLength(MAX_LAN_HOSTS);
    expect(parsed[0]).toBe('http://10.0.0.11:4455');
    expect(parsed.at(-1)).toBe('http://10.0.0.60:4455');
  });
});

describe('persistence', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'tl-lan-hosts-'));
    file = path.join(dir, 'userData', LAN_HOSTS_FILE);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('a missing file is an empty list', () => {
    expect(readLanHosts(file)).toEqual([]);
    expect(openLanHostStore(file).list()).toEqual([]);
  });

  it('round-trips through the file, atomically (no temp file left)', () => {
    writeLanHosts(file, ['http://192.168.1.20:4455', 'http://host.local:4455']);
    expect(readLanHosts(file)).toEqual(['http://192.168.1.20:4455', 'http://host.local:4455']);
    expect(readdirSync(path.dirname(file))).toEqual([LAN_HOSTS_FILE]);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ version: 1, origins: ['http://192.168.1.20:4455', 'http://host.local:4455'] });
  });

  it('the store validates, persists and is read again at the next start', () => {
    const store = openLanHostStore(file);
    expect(store.add('http://192.168.1.20:4455/')).toBe('added');
    expect(store.add('http://10.0.0.5')).toBe('added');
    expect(store.add('http://192.168.1.20:4455')).toBe('allowed');
    expect(store.add('http://8.8.8.8:4455')).toBe('refused');
    expect(store.add('https://192.168.1.20:4455')).toBe('refused');
    expect(store.add(42)).toBe('refused');
    // Loopback is already in the static policy: accepted, not stored.
    expect(store.add('http://127.0.0.1:4455')).toBe('allowed');
    // The newest use goes last (the oldest is dropped first when the list is full).
    expect(store.list()).toEqual(['http://10.0.0.5:80', 'http://192.168.1.20:4455']);
    expect(store.connectSources()).toEqual([
      'http://10.0.0.5:80',
      'ws://10.0.0.5:80',
      'http://192.168.1.20:4455',
      'ws://192.168.1.20:4455',
    ]);
    expect(openLanHostStore(file).list()).toEqual(['http://10.0.0.5:80', 'http://192.168.1.20:4455']);
  });

  it('caps the list, dropping the oldest', () => {
    const store = openLanHostStore(file, { max: 3 });
    for (let i = 1; i <= 5; i += 1) store.add(`http://10.0.0.${i}:4455`);
    expect(store.list()).toEqual(['http://10.0.0.3:4455', 'http://10.0.0.4:4455', 'http://10.0.0.5:4455']);
    expect(openLanHostStore(file, { max: 3 }).list()).toEqual(store.list());
  });

  it('ignores tampered entries in the file', () => {
    writeFileSync(path.join(dir, 'bad.json'), JSON.stringify({ origins: ['http://*:80', 'http://10.0.0.5:80 https:', 'http://10.0.0.6:80'] }));
    expect(readLanHosts(path.join(dir, 'bad.json'))).toEqual(['http://10.0.0.6:80']);
  });

  it('keeps the origin allowed for this run when saving fails', () => {
    writeFileSync(path.join(dir, 'userData'), 'a file where the directory should be');
    const errors: unknown[] = [];
    const store = openLanHostStore(file, { onError: (e) => errors.push(e) });
    expect(store.add('http://192.168.1.20:4455')).toBe('added');
    expect(store.list()).toEqual(['http://192.168.1.20:4455']);
    expect(errors).toHaveLength(1);
    expect(existsSync(file)).toBe(false);
  });
});
