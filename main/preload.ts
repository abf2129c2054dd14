/**
 * Sandboxed preload (bundled into one CommonJS file). Exposes exactly the IPC contract's named
 * functions and subscriptions on `window.transitionLab`; never ipcRenderer, never a generic invoke.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { PRELOAD_GLOBAL } from '../shared/protocol/ipc';
import { createPreloadApi } from './preload-api';

contextBridge.exposeInMainWorld(
  PRELOAD_GLOBAL,
  createPreloadApi(
    (channel, ...args) => ipcRenderer.invoke(channel, ...args),
    // The IpcRendererEvent stays here: it carries `sender`, which must never reach the page.
    (channel, listener) => void ipcRenderer.on(channel, (_event, payload: unknown) => listener(payload)),
  ),
);
