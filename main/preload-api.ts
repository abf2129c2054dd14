/**
 * Builds the object the preload exposes on `window.transitionLab`: exactly the contract's named
 * functions, each forwarding to one `tl:` channel. Pure (invoke is injected) so it is unit-tested;
 * never exposes ipcRenderer or a generic "invoke any channel" function.
 */
import { IPC_PREFIX, ipcChannel, type IpcMethod, type PreloadApi } from '../shared/protocol/ipc';

export type Invoke = (channel: string, ...args: unknown[]) => Promise<unknown>;

export function createPreloadApi(invoke: Invoke): PreloadApi {
  const call = <T>(method: IpcMethod, ...args: unknown[]): Promise<T> => {
    const channel = ipcChannel(method);
    if (!channel.startsWith(IPC_PREFIX)) return Promise.reject(new Error('IPC channel outside prefix'));
    return invoke(channel, ...args) as Promise<T>;
  };
  const api: PreloadApi = {
    getAppInfo: () => call('getAppInfo'),
    openExternal: (url: string) => call('openExternal', url),
    findNearbyHosts: () => call('findNearbyHosts'),
    allowLanHost: (origin: string) => call('allowLanHost', origin),
    allowHub: (address: string) => call('allowHub', address),
  };
  return Object.freeze(api);
}
