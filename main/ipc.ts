/**
 * Main-process implementation of the typed IPC contract (shared/protocol/ipc.ts).
 * Every call is checked twice before it runs: the sender must be the app's own top-level frame
 * (app://app/…), and its arguments must pass the method's validator. Anything else throws, which
 * the renderer sees as a rejected promise.
 */
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { IPC_METHODS, ipcChannel, type AppInfo, type IpcContract } from '../shared/protocol/ipc';
import { assertTrustedSender, validateIpcArgs, type SenderInfo } from './ipc-validation';
import { findNearbyHosts } from './mdns-browse';
import { openExternalSafely } from './security';

export interface IpcDeps {
  getAppInfo(): Promise<AppInfo>;
  /** Validates (lan-hosts.ts), remembers and persists a LAN host origin; 'added' means the page needs a reload. */
  allowLanHost(origin: string): Promise<'added' | 'allowed' | 'refused'>;
  /** Validates (hub-hosts.ts), remembers and persists a hub address. */
  allowHub(address: string): Promise<'added' | 'allowed' | 'refused'>;
}

function senderInfo(event: IpcMainInvokeEvent): SenderInfo {
  try {
    const frame = event.senderFrame;
    if (frame === null) return { url: null, isTopFrame: false };
    const main = event.sender.mainFrame;
    const isTopFrame =
      frame.parent === null && frame.processId === main.processId && frame.routingId === main.routingId;
    return { url: frame.url, isTopFrame };
  } catch {
    // The frame was destroyed or navigated away while the message was in flight.
    return { url: null, isTopFrame: false };
  }
}

/** Registers one handler per contract method; returns a function that removes them. */
export function registerIpcHandlers(deps: IpcDeps): () => void {
  const impl: IpcContract = {
    getAppInfo: () => deps.getAppInfo(),
    openExternal: (url) => openExternalSafely(url),
    findNearbyHosts: () => findNearbyHosts(),
    allowLanHost: (origin) => deps.allowLanHost(origin),
    allowHub: (address) => deps.allowHub(address),
  };
  for (const method of IPC_METHODS) {
    ipcMain.handle(ipcChannel(method), async (event, ...args: unknown[]) => {
      assertTrustedSender(senderInfo(event));
      const valid = validateIpcArgs(method, args);
      const handler = impl[method] as (...a: unknown[]) => Promise<unknown>;
      return handler(...valid);
    });
  }
  return () => {
    for (const method of IPC_METHODS) ipcMain.removeHandler(ipcChannel(method));
  };
}
