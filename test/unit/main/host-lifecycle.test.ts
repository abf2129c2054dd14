import { describe, expect, it } from 'vitest';
import { DEFAULT_HOST_PORT } from '../../../shared/protocol/host';
import {
  closeWithTimeout,
  isAddressInUse,
  loopbackHostUrl,
  startHostWithFallback,
  type HostStartOptions,
} from '../../../main/host-lifecycle';

const base = { dataDir: '/tmp/d', staticDir: '/tmp/s' };

function fakeHost(port: number) {
  return { port, urls: [`http://192.168.1.2:${port}`], close: async () => undefined };
}

describe('startHostWithFallback', () => {
  it('uses the default port when free', async () => {
    const seen: HostStartOptions[] = [];
    const host = await startHostWithFallback(async (o) => {
      seen.push(o);
      return fakeHost(o.port ?? -1);
    }, base);
    expect(host.port).toBe(DEFAULT_HOST_PORT);
    expect(seen.map((o) => o.port)).toEqual([DEFAULT_HOST_PORT]);
    expect(seen[0]).toMatchObject(base);
  });

  it('falls back to a random port when the default is busy', async () => {
    const seen: (number | undefined)[] = [];
    const lines: string[] = [];
    const host = await startHostWithFallback(
      async (o) => {
        seen.push(o.port);
        if (o.port === DEFAULT_HOST_PORT) throw Object.assign(new Error('busy'), { code: 'EADDRINUSE' });
        return fakeHost(51234);
      },
      { ...base, log: (l) => lines.push(l) },
    );
    expect(seen).toEqual([DEFAULT_HOST_PORT, 0]);
    expect(host.port).toBe(51234);
    expect(lines).toHaveLength(1);
  });

  it('rethrows other errors', async () => {
    await expect(
      startHostWithFallback(async () => {
        throw Object.assign(new Error('denied'), { code: 'EACCES' });
      }, base),
    ).rejects.toThrow('denied');
  });
});

describe('helpers', () => {
  it('isAddressInUse', () => {
    expect(isAddressInUse({ code: 'EADDRINUSE' })).toBe(true);
    expect(isAddressInUse(new Error('x'))).toBe(false);
    expect(isAddressInUse(null)).toBe(false);
  });
  it('loopbackHostUrl', () => {
    expect(loopbackHostUrl(4455)).toBe('http://127.0.0.1:4455');
  });
  it('closeWithTimeout does not wait forever for a stuck host', async () => {
    const started = Date.now();
    await closeWithTimeout({ port: 1, urls: [], close: () => new Promise<void>(() => undefined) }, 50);
    expect(Date.now() - started).toBeLessThan(1000);
    await closeWithTimeout(null);
    await closeWithTimeout({ port: 1, urls: [], close: async () => Promise.reject(new Error('x')) }, 50);
  });
});
