import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildCsp, CSP_DIRECTIVES } from '../../../main/csp';
import { hubHostSources, normalizeHubOrigin, openHubHostStore } from '../../../main/hub-hosts';

describe('hub hosts (desktop connect-src allow-list for lab-network hubs)', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('accepts https hubs anywhere and plain http only on this computer or the LAN', () => {
    expect(normalizeHubOrigin('hub.example.org')).toBe('https://hub.example.org');
    expect(normalizeHubOrigin('https://hub.example.org:8443/')).toBe('https://hub.example.org:8443');
    expect(normalizeHubOrigin('http://192.168.1.30:4460')).toBe('http://192.168.1.30:4460');
    for (const bad of ['http://hub.example.org', 'http://8.8.8.8:4460', 'wss://hub.example.org', '*', 'https://*.example.org', 'https://hub.example.org/api', 42, null]) {
      expect(normalizeHubOrigin(bad), String(bad)).toBeNull();
    }
  });

  it('adds only canonical hub origins to the CSP, with their WebSocket twin and nothing else', () => {
    const csp = buildCsp([], CSP_DIRECTIVES, ['https://hub.example.org', 'hub.other.org', "https://a.org 'unsafe-eval'", 'https://*', 'http://8.8.8.8:80']);
    const connect = csp.split('; ').find((d) => d.startsWith('connect-src')) ?? '';
    expect(connect.endsWith('https://hub.example.org wss://hub.example.org')).toBe(true);
    expect(csp).not.toContain('hub.other.org');
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toContain('8.8.8.8');
    expect(hubHostSources(['https://*'])).toEqual([]);
  });

  it('remembers hubs across restarts, says when the page needs a reload, and survives a corrupt file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tl-hub-hosts-'));
    dirs.push(dir);
    const file = join(dir, 'hub-hosts.json');
    const store = openHubHostStore(file);
    expect(store.add('https://hub.example.org')).toBe('added');
    expect(store.add('hub.example.org')).toBe('allowed');
    expect(store.add('http://localhost:4460')).toBe('allowed');
    expect(store.add('http://hub.example.org')).toBe('refused');
    expect(openHubHostStore(file).list()).toEqual(['https://hub.example.org']);
    expect(JSON.parse(readFileSync(file, 'utf8')).origins).toEqual(['https://hub.example.org']);
    writeFileSync(file, '{not json');
    expect(openHubHostStore(file).list()).toEqual([]);
  });
});
