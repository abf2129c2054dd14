import { describe, expect, it } from 'vitest';
import { prepareHostAccess, type HostAccessDeps } from '../../../renderer/join/join';

function deps(canAllow: boolean, answer: 'added' | 'allowed' | 'refused' = 'added', ownOrigin = 'app://app') {
  const asked: string[] = [];
  const d: HostAccessDeps = {
    canAllow,
    ownOrigin,
    allow: async (origin) => (asked.push(origin), answer),
  };
  return { d, asked };
}

describe('prepareHostAccess (join flow, desktop CSP)', () => {
  it('a plain browser changes nothing and asks nobody', async () => {
    const { d, asked } = deps(false, 'refused', 'http://192.168.1.20:4455');
    expect(await prepareHostAccess('http://192.168.1.20:4455', d)).toBe('ready');
    expect(await prepareHostAccess('http://8.8.8.8:4455', d)).toBe('ready');
    expect(asked).toEqual([]);
  });

  it('desktop: asks main for another host’s origin, then needs a reload', async () => {
    const { d, asked } = deps(true, 'added');
    expect(await prepareHostAccess('http://192.168.1.20:4455', d)).toBe('reload');
    expect(asked).toEqual(['http://192.168.1.20:4455']);
  });

  it('desktop: a host the page was already loaded with goes straight on, no reload', async () => {
    const { d, asked } = deps(true, 'allowed');
    expect(await prepareHostAccess('http://192.168.1.20:4455', d)).toBe('ready');
    expect(asked).toEqual(['http://192.168.1.20:4455']);
  });

  it('desktop: refused when main says no', async () => {
    const { d } = deps(true, 'refused');
    expect(await prepareHostAccess('http://8.8.8.8:4455', d)).toBe('refused');
    expect(await prepareHostAccess('not a url', d)).toBe('refused');
  });

  it('desktop: its own origin and loopback need nothing', async () => {
    const { d, asked } = deps(true, 'added');
    expect(await prepareHostAccess('app://app', d)).toBe('ready');
    expect(await prepareHostAccess('http://127.0.0.1:4455', d)).toBe('ready');
    expect(await prepareHostAccess('http://localhost:4455', d)).toBe('ready');
    expect(asked).toEqual([]);
  });
});
