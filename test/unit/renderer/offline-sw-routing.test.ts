import { describe, expect, it } from 'vitest';
import { shouldRegister } from '../../../renderer/offline/register-sw';
import { CACHE_PREFIX, isCacheable, staleCaches, strategyFor } from '../../../renderer/offline/sw-routing';

const scope = 'http://10.0.0.2:4455/';
const precached = new Set(['http://10.0.0.2:4455/assets/index-abc.js', 'http://10.0.0.2:4455/favicon.svg']);
const get = (url: string, mode = 'cors') => strategyFor({ method: 'GET', url, mode }, scope, precached);

describe('service worker routing', () => {
  it('answers navigations and index.html network-first from the shell', () => {
    expect(get('http://10.0.0.2:4455/', 'navigate')).toBe('shell');
    expect(get('http://10.0.0.2:4455/?x=1', 'navigate')).toBe('shell');
    expect(get('http://10.0.0.2:4455/index.html')).toBe('shell');
  });

  it('serves built files cache-first', () => {
    expect(get('http://10.0.0.2:4455/assets/index-abc.js')).toBe('cache-first');
    expect(get('http://10.0.0.2:4455/favicon.svg')).toBe('cache-first');
    // A hashed asset of a newer build, not in this worker's list yet.
    expect(get('http://10.0.0.2:4455/assets/index-def.css')).toBe('cache-first');
  });

  it('never touches the host’s live endpoints, even as navigations', () => {
    for (const path of ['/sync/room1', '/sync', '/signal?ticket=abc', '/signal', '/healthz', '/lan']) {
      expect(get(`http://10.0.0.2:4455${path}`), path).toBe('bypass');
      expect(get(`http://10.0.0.2:4455${path}`, 'navigate'), path).toBe('bypass');
    }
    expect(get('ws://10.0.0.2:4455/sync/room1')).toBe('bypass');
  });

  it('leaves other origins, other methods, and unknown files alone', () => {
    expect(get('http://10.0.0.3:4455/assets/index-abc.js')).toBe('bypass');
    expect(get('http://10.0.0.2:9999/assets/index-abc.js')).toBe('bypass');
    expect(get('https://example.org/', 'navigate')).toBe('bypass');
    expect(strategyFor({ method: 'POST', url: 'http://10.0.0.2:4455/', mode: 'navigate' }, scope, precached)).toBe('bypass');
    expect(get('http://10.0.0.2:4455/assets/index-abc.js?v=2')).toBe('bypass');
    expect(get('http://10.0.0.2:4455/other.txt')).toBe('bypass');
    expect(get('not a url')).toBe('bypass');
  });

  it('drops only older caches of its own', () => {
    expect(staleCaches([`${CACHE_PREFIX}1`, `${CACHE_PREFIX}2`, 'someone-else'], `${CACHE_PREFIX}2`)).toEqual([`${CACHE_PREFIX}1`]);
  });

  it('keeps only complete same-origin answers', () => {
    const ok = { ok: true, status: 200, type: 'basic', redirected: false };
    expect(isCacheable(ok)).toBe(true);
    expect(isCacheable({ ...ok, ok: false, status: 404 })).toBe(false);
    expect(isCacheable({ ...ok, status: 206 })).toBe(false);
    expect(isCacheable({ ...ok, type: 'opaque' })).toBe(false);
    expect(isCacheable({ ...ok, redirected: true })).toBe(false);
  });
});

describe('service worker registration', () => {
  it('registers only for http(s) pages of a production build', () => {
    expect(shouldRegister({ protocol: 'http:' }, true)).toBe('yes');
    expect(shouldRegister({ protocol: 'https:' }, true)).toBe('yes');
    expect(shouldRegister({ protocol: 'app:' }, true)).toBe('protocol');
    expect(shouldRegister({ protocol: 'file:' }, true)).toBe('protocol');
    expect(shouldRegister({ protocol: 'http:' }, false)).toBe('development');
  });
});
