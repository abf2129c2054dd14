/**
 * Builds the object the preload exposes on `window.transitionLab`: exactly the contract's named
 * functions, each forwarding to one `tl:` channel, and one subscription function per push from
 * main. Pure (invoke and listen are injected) so it is unit-tested; never exposes ipcRenderer or a
 * generic "invoke/listen to any channel" function.
 */
import { IPC_PREFIX, ipcChannel, ipcEventChannel, type IpcMethod, type OpenedFile, type PreloadApi } from '../shared/protocol/ipc';
import { validateIpcEvent } from './ipc-event-validation';

export type Invoke = (channel: string, ...args: unknown[]) => Promise<unknown>;
/** Registers a listener for one main → renderer channel (ipcRenderer.on without the event). */
export type Listen = (channel: string, listener: (payload: unknown) => void) => void;

/**
 * Files opened before the page subscribed are held this many at a time: main sends as soon as
 * the page has loaded, which can be before React has mounted the part that listens.
 */
export const MAX_HELD_OPENED_FILES = 4;

export function createPreloadApi(invoke: Invoke, listen: Listen): PreloadApi {
  const call = <T>(method: IpcMethod, ...args: unknown[]): Promise<T> => {
    const channel = ipcChannel(method);
    if (!channel.startsWith(IPC_PREFIX)) return Promise.reject(new Error('IPC channel outside prefix'));
    return invoke(channel, ...args) as Promise<T>;
  };

  const held: OpenedFile[] = [];
  const subscribers = new Set<(file: OpenedFile) => void>();
  listen(ipcEventChannel('openFile'), (payload) => {
    let file: OpenedFile;
    try {
      file = validateIpcEvent('openFile', payload);
    } catch {
      return;
    }
    if (subscribers.size === 0) {
      held.push(file);
      if (held.length > MAX_HELD_OPENED_FILES) held.shift();
      return;
    }
    for (const subscriber of subscribers) subscriber(file);
  });

  const api: PreloadApi = {
    getAppInfo: () => call('getAppInfo'),
    openExternal: (url: string) => call('openExternal', url),
    findNearbyHosts: () => call('findNearbyHosts'),
    allowLanHost: (origin: string) => call('allowLanHost', origin),
    allowHub: (address: string) => call('allowHub', address),
    onOpenFile: (callback) => {
      // The page passes a function across the context bridge; anything else is ignored.
      if (typeof callback !== 'function') return () => undefined;
      subscribers.add(callback);
      for (const file of held.splice(0)) callback(file);
      return () => void subscribers.delete(callback);
    },
  };
  return Object.freeze(api);
}
