import { describe, expect, it } from 'vitest';
import { IPC_METHODS, IPC_PREFIX, ipcChannel, ipcEventChannel, type OpenedFile } from '../../../shared/protocol/ipc';
import { createPreloadApi, MAX_HELD_OPENED_FILES, type Listen } from '../../../main/preload-api';

const SUBSCRIPTIONS = ['onOpenFile'];

/** A stand-in for ipcRenderer.on: records listeners per channel, and lets a test push to them. */
function fakeListen() {
  const listeners = new Map<string, ((payload: unknown) => void)[]>();
  const listen: Listen = (channel, listener) => void listeners.set(channel, [...(listeners.get(channel) ?? []), listener]);
  const push = (channel: string, payload: unknown) => {
    for (const listener of listeners.get(channel) ?? []) listener(payload);
  };
  return { listen, push, listeners };
}

const file = (name: string): OpenedFile => ({ name, bytes: new Uint8Array([0x50, 0x4b, 3, 4]) });

describe('createPreloadApi', () => {
  it('exposes exactly the contract’s named functions and subscriptions', () => {
    const api = createPreloadApi(async () => undefined, fakeListen().listen);
    expect(Object.keys(api).sort()).toEqual([...IPC_METHODS, ...SUBSCRIPTIONS].sort());
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
    expect(Object.isFrozen(api)).toBe(true);
    expect('invoke' in api).toBe(false);
    expect('on' in api).toBe(false);
  });

  it('forwards each call to its own prefixed channel', async () => {
    const calls: [string, unknown[]][] = [];
    const api = createPreloadApi(async (channel, ...args) => {
      calls.push([channel, args]);
      return 'ok';
    }, fakeListen().listen);
    await api.getAppInfo();
    await api.openExternal('https://example.org/');
    await api.findNearbyHosts();
    await api.allowLanHost('http://192.168.1.20:4455');
    await api.allowHub('https://hub.example.org');
    expect(calls).toEqual([
      [ipcChannel('getAppInfo'), []],
      [ipcChannel('openExternal'), ['https://example.org/']],
      [ipcChannel('findNearbyHosts'), []],
      [ipcChannel('allowLanHost'), ['http://192.168.1.20:4455']],
      [ipcChannel('allowHub'), ['https://hub.example.org']],
    ]);
    for (const [channel] of calls) expect(channel.startsWith(IPC_PREFIX)).toBe(true);
  });

  it('listens to the one prefixed push channel, from the start', () => {
    const { listen, listeners } = fakeListen();
    createPreloadApi(async () => undefined, listen);
    expect([...listeners.keys()]).toEqual([ipcEventChannel('openFile')]);
    expect(ipcEventChannel('openFile').startsWith(IPC_PREFIX)).toBe(true);
    expect(IPC_METHODS.map((m) => ipcChannel(m))).not.toContain(ipcEventChannel('openFile'));
  });

  it('onOpenFile: holds files that came before the page subscribed, then delivers live ones', () => {
    const { listen, push } = fakeListen();
    const api = createPreloadApi(async () => undefined, listen);
    const channel = ipcEventChannel('openFile');
    push(channel, file('early.tlab'));
    push(channel, { name: 'big.tlab', problem: 'tooLarge' });
    const got: OpenedFile[] = [];
    const stop = api.onOpenFile((f) => got.push(f));
    expect(got.map((f) => f.name)).toEqual(['early.tlab', 'big.tlab']);
    push(channel, file('later.tlab'));
    expect(got.map((f) => f.name)).toEqual(['early.tlab', 'big.tlab', 'later.tlab']);
    stop();
    push(channel, file('after-unsubscribe.tlab'));
    expect(got).toHaveLength(3);
    // Held again for the next subscriber (the page reloaded).
    const again: string[] = [];
    api.onOpenFile((f) => again.push(f.name));
    expect(again).toEqual(['after-unsubscribe.tlab']);
  });

  it('onOpenFile: drops payloads that fail validation and holds a bounded number', () => {
    const { listen, push } = fakeListen();
    const api = createPreloadApi(async () => undefined, listen);
    const channel = ipcEventChannel('openFile');
    for (const bad of [null, 'lab.tlab', { name: 'x.tlab' }, { name: '/etc/x.tlab', bytes: new Uint8Array(1) }, { name: 'x.tlab', bytes: [1, 2] }, { name: 'x.tlab', problem: 'boom' }]) {
      push(channel, bad);
    }
    for (let i = 0; i < MAX_HELD_OPENED_FILES + 3; i++) push(channel, file(`f${i}.tlab`));
    const got: string[] = [];
    api.onOpenFile((f) => got.push(f.name));
    expect(got).toHaveLength(MAX_HELD_OPENED_FILES);
    expect(got.at(-1)).toBe(`f${MAX_HELD_OPENED_FILES + 2}.tlab`);
    // Not a function (the page passed something odd across the bridge): nothing happens.
    expect(() => (api.onOpenFile as (x: unknown) => () => void)('nope')()).not.toThrow();
  });
});
