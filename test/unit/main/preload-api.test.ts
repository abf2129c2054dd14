import { describe, expect, it } from 'vitest';
import { IPC_METHODS, IPC_PREFIX, ipcChannel } from '../../../shared/protocol/ipc';
import { createPreloadApi } from '../../../main/preload-api';

describe('createPreloadApi', () => {
  it('exposes exactly the contract’s named functions', () => {
    const api = createPreloadApi(async () => undefined);
    expect(Object.keys(api).sort()).toEqual([...IPC_METHODS].sort());
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
    expect(Object.isFrozen(api)).toBe(true);
    expect('invoke' in api).toBe(false);
  });

  it('forwards each call to its own prefixed channel', async () => {
    const calls: [string, unknown[]][] = [];
    const api = createPreloadApi(async (channel, ...args) => {
      calls.push([channel, args]);
      return 'ok';
    });
    await api.getAppInfo();
    await api.openExternal('https://example.org/');
    await api.findNearbyHosts();
    await api.allowLanHost('http://192.168.1.20:4455');
    expect(calls).toEqual([
      [ipcChannel('getAppInfo'), []],
      [ipcChannel('openExternal'), ['https://example.org/']],
      [ipcChannel('findNearbyHosts'), []],
      [ipcChannel('allowLanHost'), ['http://192.168.1.20:4455']],
    ]);
    for (const [channel] of calls) expect(channel.startsWith(IPC_PREFIX)).toBe(true);
  });
});
