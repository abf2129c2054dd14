// Exercises the thin Electron glue (index.ts, security.ts, window.ts, ipc.ts, app-protocol.ts,
// preload.ts) WITHOUT Electron: the entry points are bundled with esbuild exactly like
// scripts/build-main.mjs does, then evaluated with a recording stand-in for the 'electron' module
// (the real one would try to download its binary). The LAN host is replaced by a fake too.
import { build } from 'esbuild';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEFAULT_HOST_PORT } from '../../../shared/protocol/host';
import { buildCsp } from '../../../main/csp';

type Fn = (...args: any[]) => any; // eslint-disable-line @typescript-eslint/no-explicit-any

class Emitter {
  listeners = new Map<string, Fn[]>();
  on(name: string, fn: Fn): this {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), fn]);
    return this;
  }
  once(name: string, fn: Fn): this {
    return this.on(name, fn);
  }
  emit(name: string, ...args: unknown[]): void {
    for (const fn of this.listeners.get(name) ?? []) fn(...args);
  }
}

function fakeEvent(extra: Record<string, unknown> = {}) {
  const event = { prevented: false, preventDefault() { event.prevented = true; }, ...extra };
  return event;
}

function createElectronStub(userData: string) {
  const log: string[] = [];
  let ready = false;
  let fireReady: () => void = () => undefined;
  const readyPromise = new Promise<void>((resolve) => {
    fireReady = () => {
      ready = true;
      resolve();
    };
  });

  const app = Object.assign(new Emitter(), {
    enableSandbox: () => log.push(`enableSandbox ready=${ready}`),
    requestSingleInstanceLock: () => (log.push('lock'), true),
    quit: () => log.push('quit'),
    whenReady: () => readyPromise,
    isReady: () => ready,
    getName: () => 'Transition Lab',
    getLocale: () => 'en-GB',
    // The glue runs as an installed build would: no devtools in its windows.
    isPackaged: true,
    getPath: (name: string) => (name === 'userData' ? userData : '/nowhere'),
  });

  const state = {
    schemes: [] as unknown[],
    protocolHandler: null as null | ((req: { url: string; method: string }) => Promise<Response>),
    permissionRequest: null as null | Fn,
    permissionCheck: null as null | Fn,
    deviceCheck: null as null | Fn,
    headersReceived: null as null | Fn,
    ipc: new Map<string, Fn>(),
    opened: [] as string[],
    asked: [] as string[],
    declineLinks: false,
    windows: [] as FakeWindow[],
    exposed: new Map<string, unknown>(),
    invoked: [] as unknown[][],
    rendererListeners: new Map<string, Fn>(),
    focused: 0,
  };

  const defaultSession = Object.assign(new Emitter(), {
    setPermissionRequestHandler: (fn: Fn) => (state.permissionRequest = fn),
    setPermissionCheckHandler: (fn: Fn) => (state.permissionCheck = fn),
    setDevicePermissionHandler: (fn: Fn) => (state.deviceCheck = fn),
    webRequest: { onHeadersReceived: (fn: Fn) => (state.headersReceived = fn) },
  });

  class FakeWebContents extends Emitter {
    windowOpenHandler: Fn | null = null;
    mainFrame = { processId: 1, routingId: 1, parent: null, url: 'app://app/index.html' };
    sent: [string, unknown][] = [];
    setWindowOpenHandler(fn: Fn) {
      this.windowOpenHandler = fn;
    }
    send(channel: string, payload: unknown) {
      this.sent.push([channel, payload]);
    }
  }

  class FakeWindow extends Emitter {
    static getAllWindows = () => state.windows;
    webContents = new FakeWebContents();
    loadedUrl = '';
    constructor(public options: Record<string, unknown>) {
      super();
      state.windows.push(this);
      app.emit('web-contents-created', fakeEvent(), this.webContents);
    }
    loadURL(url: string) {
      this.loadedUrl = url;
      return Promise.resolve();
    }
    show() {}
    focus() {
      state.focused += 1;
    }
    restore() {}
    isMinimized() {
      return false;
    }
  }

  const electron = {
    app,
    session: { defaultSession },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => {
        log.push(`registerSchemes ready=${ready}`);
        state.schemes.push(...schemes);
      },
      handle: (scheme: string, fn: typeof state.protocolHandler) => {
        log.push(`handle ${scheme}`);
        state.protocolHandler = fn;
      },
    },
    ipcMain: {
      handle: (channel: string, fn: Fn) => state.ipc.set(channel, fn),
      removeHandler: (channel: string) => state.ipc.delete(channel),
    },
    shell: { openExternal: async (url: string) => void state.opened.push(url) },
    // The person's answer to "Open this link in your web browser?": Open (0) unless a test says Cancel (1).
    dialog: {
      showMessageBox: async (options: { detail: string; buttons: string[] }) => {
        state.asked.push(options.detail);
        return { response: state.declineLinks ? 1 : 0 };
      },
    },
    BrowserWindow: FakeWindow,
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => state.exposed.set(key, api) },
    ipcRenderer: {
      invoke: async (...args: unknown[]) => (state.invoked.push(args), 'answer'),
      on: (channel: string, fn: Fn) => state.rendererListeners.set(channel, fn),
    },
  };
  return { electron, app, state, defaultSession, fireReady, log };
}

const hostCalls: Record<string, unknown>[] = [];
let hostClosed = 0;

async function bundle(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    write: false,
    external: ['electron'],
    define: { __APP_VERSION__: '"9.9.9"' },
    logLevel: 'silent',
    plugins: [
      {
        name: 'fake-host',
        setup(b) {
          b.onResolve({ filter: /\/host\/start-host$/ }, () => ({ path: 'fake-host', namespace: 'fake' }));
          b.onLoad({ filter: /.*/, namespace: 'fake' }, () => ({
            loader: 'js',
            contents: `exports.startHost = (o) => globalThis.__tlFakeHost(o);`,
          }));
        },
      },
    ],
  });
  return result.outputFiles[0]!.text;
}

/** Listeners main/index.ts puts on process-wide error events (kept off the test worker's real process). */
const processErrorListeners = new Map<string, Fn[]>();
const processStandIn = new Proxy(process, {
  get(target, prop) {
    if (prop === 'on' || prop === 'off') {
      return (name: string, fn: Fn) => {
        if (name !== 'uncaughtException' && name !== 'unhandledRejection') return (target[prop] as Fn).call(target, name, fn);
        const list = processErrorListeners.get(name) ?? [];
        processErrorListeners.set(name, prop === 'on' ? [...list, fn] : list.filter((f) => f !== fn));
        return processStandIn;
      };
    }
    const value = Reflect.get(target, prop, target) as unknown;
    return typeof value === 'function' ? (value as Fn).bind(target) : value;
  },
});

function evaluate(code: string, electron: unknown, dirname: string): void {
  const nodeRequire = createRequire(import.meta.url);
  const req = (id: string) => (id === 'electron' ? electron : nodeRequire(id));
  const module = { exports: {} };
  new Function('require', 'module', 'exports', '__dirname', '__filename', 'process', code)(
    req, module, module.exports, dirname, path.join(dirname, 'index.cjs'), processStandIn,
  );
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('Electron main glue (stubbed electron)', () => {
  let tmp: string;
  let stub: ReturnType<typeof createElectronStub>;
  const trustedEvent = () => {
    const win = stub.state.windows[0]!;
    return { sender: win.webContents, senderFrame: win.webContents.mainFrame };
  };

  beforeAll(async () => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'tl-glue-'));
    mkdirSync(path.join(tmp, 'dist', 'main'), { recursive: true });
    mkdirSync(path.join(tmp, 'dist', 'renderer'), { recursive: true });
    writeFileSync(path.join(tmp, 'dist', 'renderer', 'index.html'), '<!doctype html><title>TL</title>');
    writeFileSync(path.join(tmp, 'secret.txt'), 'secret');
    // Files the OS asks the app to open (macOS open-file before ready; a second launch's argv).
    writeFileSync(path.join(tmp, 'early.tlab'), new Uint8Array([0x50, 0x4b, 3, 4]));
    writeFileSync(path.join(tmp, 'second.tlab'), new Uint8Array([0x50, 0x4b, 5, 6]));
    (globalThis as Record<string, unknown>).__tlFakeHost = async (o: Record<string, unknown>) => {
      hostCalls.push(o);
      return {
        port: DEFAULT_HOST_PORT,
        urls: [`http://127.0.0.1:${DEFAULT_HOST_PORT}/`, `http://192.168.1.20:${DEFAULT_HOST_PORT}/`],
        close: async () => void (hostClosed += 1),
      };
    };
    // One LAN host allowed in an earlier run: read at startup.
    mkdirSync(path.join(tmp, 'userData'), { recursive: true });
    writeFileSync(path.join(tmp, 'userData', 'lan-hosts.json'), JSON.stringify({ version: 1, origins: ['http://10.0.0.5:4455', 'https://8.8.8.8'] }));
    stub = createElectronStub(path.join(tmp, 'userData'));
    evaluate(await bundle('main/index.ts'), stub.electron, path.join(tmp, 'dist', 'main'));
  });

  afterAll(() => {
    delete (globalThis as Record<string, unknown>).__tlFakeHost;
    rmSync(tmp, { recursive: true, force: true });
  });

  it('keeps the main process (and its LAN host) running after an error nothing caught', () => {
    expect(processErrorListeners.get('uncaughtException')).toHaveLength(1);
    expect(processErrorListeners.get('unhandledRejection')).toHaveLength(1);
    // The guard logs instead of rethrowing.
    const logged = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      expect(() => processErrorListeners.get('uncaughtException')![0]!(new RangeError('Maximum call stack size exceeded'))).not.toThrow();
      expect(String(logged.mock.calls[0]?.[0])).toMatch(/^\[transition-lab\] Uncaught error \(still serving\): RangeError/);
    } finally {
      logged.mockRestore();
    }
  });

  it('registers the privileged scheme and the sandbox before ready', () => {
    expect(stub.log).toContain('registerSchemes ready=false');
    expect(stub.log).toContain('enableSandbox ready=false');
    expect(stub.log).toContain('lock');
    expect(stub.state.schemes).toEqual([
      expect.objectContaining({
        scheme: 'app',
        privileges: expect.objectContaining({ standard: true, secure: true, supportFetchAPI: true, corsEnabled: false, bypassCSP: false }),
      }),
    ]);
    expect(stub.state.windows).toHaveLength(0);
  });

  it('holds a file macOS asks it to open before ready (open-file), and opens no window for it yet', () => {
    const event = fakeEvent();
    stub.app.emit('open-file', event, path.join(tmp, 'early.tlab'));
    expect(event.prevented).toBe(true);
    expect(stub.state.windows).toHaveLength(0);
  });

  it('on ready: serves app://, opens one locked-down window, starts the host', async () => {
    stub.fireReady();
    await tick();
    expect(stub.log).toContain('handle app');
    expect(stub.state.windows).toHaveLength(1);
    const win = stub.state.windows[0]!;
    expect(win.loadedUrl).toBe('app://app/index.html');
    expect(win.options.webPreferences).toMatchObject({
      preload: path.join(tmp, 'dist', 'main', 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      devTools: false,
    });
    expect(hostCalls).toEqual([
      expect.objectContaining({
        port: DEFAULT_HOST_PORT,
        advertise: true,
        dataDir: path.join(tmp, 'userData', 'host'),
        staticDir: path.join(tmp, 'dist', 'renderer'),
      }),
    ]);
  });

  it('opened files: pushed once the page has loaded; a second launch hands over its file and focuses the window', async () => {
    const wc = stub.state.windows[0]!.webContents;
    await tick();
    expect(wc.sent).toEqual([]);
    wc.emit('did-start-loading');
    wc.emit('did-stop-loading');
    await vi.waitFor(() => expect(wc.sent).toHaveLength(1));
    expect(wc.sent[0]).toEqual(['tl:event:openFile', { name: 'early.tlab', bytes: new Uint8Array([0x50, 0x4b, 3, 4]) }]);

    const focusedBefore = stub.state.focused;
    stub.app.emit('second-instance', fakeEvent(), ['/opt/transition-lab', '--no-sandbox', 'second.tlab', path.join(tmp, 'secret.txt')], tmp);
    expect(stub.state.focused).toBe(focusedBefore + 1);
    await vi.waitFor(() => expect(wc.sent).toHaveLength(2));
    expect(wc.sent[1]).toEqual(['tl:event:openFile', { name: 'second.tlab', bytes: new Uint8Array([0x50, 0x4b, 5, 6]) }]);

    // A missing file is not silently dropped: the page is told why it cannot open it.
    stub.app.emit('second-instance', fakeEvent(), ['/opt/transition-lab', path.join(tmp, 'gone.tlab')], tmp);
    await vi.waitFor(() => expect(wc.sent).toHaveLength(3));
    expect(wc.sent[2]).toEqual(['tl:event:openFile', { name: 'gone.tlab', problem: 'unreadable' }]);
    expect(stub.state.windows).toHaveLength(1);

    // While the page reloads, files wait for it (an export's download also starts and stops loading).
    wc.emit('did-start-loading');
    stub.app.emit('second-instance', fakeEvent(), ['/opt/transition-lab', path.join(tmp, 'early.tlab')], tmp);
    await tick();
    await tick();
    expect(wc.sent).toHaveLength(3);
    wc.emit('did-stop-loading');
    await vi.waitFor(() => expect(wc.sent).toHaveLength(4));
    expect(wc.sent[3]![1]).toMatchObject({ name: 'early.tlab' });
  });

  it('the app:// handler serves the bundle with CSP and refuses traversal', async () => {
    const ok = await stub.state.protocolHandler!({ url: 'app://app/index.html', method: 'GET' });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(ok.headers.get('content-security-policy')).toBe(buildCsp(['http://10.0.0.5:4455']));
    for (const url of ['app://app/../../secret.txt', 'app://app/%2e%2e/%2e%2e/secret.txt']) {
      const res = await stub.state.protocolHandler!({ url, method: 'GET' });
      expect(res.status).toBe(404);
    }
  });

  it('guards navigation, new windows and webviews of every webContents', async () => {
    const wc = stub.state.windows[0]!.webContents;
    for (const name of ['will-navigate', 'will-redirect', 'will-frame-navigate']) {
      const bad = fakeEvent({ url: 'https://evil.example/' });
      wc.emit(name, bad);
      expect(bad.prevented, name).toBe(true);
      const good = fakeEvent({ url: 'app://app/index.html#/x' });
      wc.emit(name, good);
      expect(good.prevented, name).toBe(false);
    }
    expect(wc.windowOpenHandler!({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
    expect(wc.windowOpenHandler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(wc.windowOpenHandler!({ url: 'app://app/index.html' })).toEqual({ action: 'deny' });
    await tick();
    expect(stub.state.opened).toEqual(['https://example.org/']);
    const webview = fakeEvent();
    wc.emit('will-attach-webview', webview);
    expect(webview.prevented).toBe(true);
  });

  it('hardens the default session: permissions, CSP header, downloads', () => {
    let granted: boolean | undefined;
    stub.state.permissionRequest!(null, 'media', (g: boolean) => (granted = g), { requestingUrl: 'app://app/index.html' });
    expect(granted).toBe(false);
    expect(stub.state.permissionCheck!(null, 'notifications', 'app://app')).toBe(false);
    expect(stub.state.deviceCheck!({})).toBe(false);

    let headers: unknown;
    stub.state.headersReceived!({ url: 'app://app/index.html', responseHeaders: { 'content-security-policy': ['default-src *'] } }, (r: unknown) => (headers = r));
    expect(headers).toEqual({ responseHeaders: expect.objectContaining({ 'Content-Security-Policy': [buildCsp(['http://10.0.0.5:4455'])] }) });
    expect(JSON.stringify(headers)).not.toContain('default-src *');

    let cancelled = 0;
    const dialogs: unknown[] = [];
    const item = (url: string, name = 'x.exe') => ({
      getURL: () => url,
      getFilename: () => name,
      cancel: () => void (cancelled += 1),
      setSaveDialogOptions: (options: unknown) => dialogs.push(options),
    });
    const remote = fakeEvent();
    stub.defaultSession.emit('will-download', remote, item('https://evil.example/x.exe'));
    expect(remote.prevented).toBe(true);
    expect(dialogs).toEqual([]);
    const local = fakeEvent();
    stub.defaultSession.emit('will-download', local, item('blob:app://app/1234', 'Laboratorium Łódź 2026-12-04.pdf'));
    expect(local.prevented).toBe(false);
    expect(cancelled).toBe(1);
    // An export goes through the native Save dialog, named as the app named it, typed as what it is.
    expect(dialogs).toEqual([{ defaultPath: '/nowhere/Laboratorium Łódź 2026-12-04.pdf', filters: [{ name: 'PDF', extensions: ['pdf'] }] }]);
  });

  it('IPC: one handler per method, sender and arguments checked', async () => {
    expect([...stub.state.ipc.keys()].sort()).toEqual(['tl:allowHub', 'tl:allowLanHost', 'tl:findNearbyHosts', 'tl:getAppInfo', 'tl:openExternal']);
    const getAppInfo = stub.state.ipc.get('tl:getAppInfo')!;
    const info = await getAppInfo(trustedEvent());
    expect(info).toMatchObject({
      name: 'Transition Lab',
      version: '9.9.9',
      hostUrls: [`http://127.0.0.1:${DEFAULT_HOST_PORT}/`, `http://192.168.1.20:${DEFAULT_HOST_PORT}/`],
      localHostUrl: `http://127.0.0.1:${DEFAULT_HOST_PORT}`,
    });
    const wc = stub.state.windows[0]!.webContents;
    const subframe = { processId: 1, routingId: 7, parent: wc.mainFrame, url: 'app://app/index.html' };
    await expect(getAppInfo({ sender: wc, senderFrame: subframe })).rejects.toThrow(/untrusted sender/u);
    await expect(getAppInfo({ sender: wc, senderFrame: { ...wc.mainFrame, url: 'https://evil.example/' } })).rejects.toThrow(/untrusted/u);
    await expect(getAppInfo({ sender: wc, senderFrame: null })).rejects.toThrow(/untrusted/u);
    await expect(getAppInfo(trustedEvent(), 'extra')).rejects.toThrow(/argument/u);

    const openExternal = stub.state.ipc.get('tl:openExternal')!;
    await expect(openExternal(trustedEvent(), 'https://netzerocities.eu/')).resolves.toBe(true);
    await expect(openExternal(trustedEvent(), 'file:///etc/passwd')).rejects.toThrow();
    await expect(openExternal(trustedEvent(), 'smb://x/y')).rejects.toThrow();
    expect(stub.state.opened).toContain('https://netzerocities.eu/');
    expect(stub.state.opened).not.toContain('file:///etc/passwd');
    // Asked first, with the address shown; declining opens nothing.
    expect(stub.state.asked.at(-1)).toMatch(/^https:\/\/netzerocities\.eu\/\n\nIt leaves Transition Lab/);
    stub.state.declineLinks = true;
    await expect(openExternal(trustedEvent(), 'https://example.com/declined')).resolves.toBe(false);
    expect(stub.state.opened).not.toContain('https://example.com/declined');
    stub.state.declineLinks = false;
  });

  it('IPC allowLanHost: validates, persists, and widens the CSP of later responses only by that host', async () => {
    const allow = stub.state.ipc.get('tl:allowLanHost')!;
    const wc = stub.state.windows[0]!.webContents;
    await expect(allow({ sender: wc, senderFrame: { ...wc.mainFrame, url: 'https://evil.example/' } }, 'http://192.168.1.20:4455')).rejects.toThrow(/untrusted/u);
    await expect(allow(trustedEvent())).rejects.toThrow(/argument/u);
    await expect(allow(trustedEvent(), 42)).rejects.toThrow();
    await expect(allow(trustedEvent(), 'http://8.8.8.8:4455')).resolves.toBe('refused');
    await expect(allow(trustedEvent(), 'https://192.168.1.20:4455')).resolves.toBe('refused');
    await expect(allow(trustedEvent(), 'http://192.168.1.20:4455/')).resolves.toBe('added');
    // Still not in the page in front of the person: asking again still says "reload".
    await expect(allow(trustedEvent(), 'http://192.168.1.20:4455')).resolves.toBe('added');
    // Loopback is in every page's policy.
    await expect(allow(trustedEvent(), 'http://127.0.0.1:4455')).resolves.toBe('allowed');

    const expected = buildCsp(['http://10.0.0.5:4455', 'http://192.168.1.20:4455']);
    const res = await stub.state.protocolHandler!({ url: 'app://app/index.html', method: 'GET' });
    expect(res.headers.get('content-security-policy')).toBe(expected);
    expect(expected).toContain('ws://192.168.1.20:4455');
    expect(expected).not.toContain('8.8.8.8');
    let headers: unknown;
    stub.state.headersReceived!({ url: 'app://app/index.html', responseHeaders: {} }, (r: unknown) => (headers = r));
    expect(headers).toEqual({ responseHeaders: expect.objectContaining({ 'Content-Security-Policy': [expected] }) });

    // The page was loaded again with it: joining that host again needs no reload; a script's
    // request does not count as a page load.
    await expect(allow(trustedEvent(), 'http://192.168.1.20:4455')).resolves.toBe('allowed');
    await expect(allow(trustedEvent(), 'http://10.0.0.5:4455')).resolves.toBe('allowed');
    await expect(allow(trustedEvent(), 'http://10.0.0.9:4455')).resolves.toBe('added');
    await stub.state.protocolHandler!({ url: 'app://app/assets/index.js', method: 'GET' });
    await expect(allow(trustedEvent(), 'http://10.0.0.9:4455')).resolves.toBe('added');

    const saved = JSON.parse(readFileSync(path.join(tmp, 'userData', 'lan-hosts.json'), 'utf8'));
    expect(saved.origins).toEqual(['http://192.168.1.20:4455', 'http://10.0.0.5:4455', 'http://10.0.0.9:4455']);
  });

  it('IPC allowHub: a hub address joins connect-src as exactly its https and wss origins, persisted', async () => {
    const allow = stub.state.ipc.get('tl:allowHub')!;
    await expect(allow(trustedEvent(), 'ftp://hub.example.org')).resolves.toBe('refused');
    await expect(allow(trustedEvent(), 'http://hub.example.org')).resolves.toBe('refused');
    await expect(allow(trustedEvent(), '*')).resolves.toBe('refused');
    await expect(allow(trustedEvent(), 'http://127.0.0.1:4460')).resolves.toBe('allowed');
    await expect(allow(trustedEvent(), 'hub.example.org')).resolves.toBe('added');
    await expect(allow(trustedEvent(), 'https://hub.example.org/')).resolves.toBe('added');
    const res = await stub.state.protocolHandler!({ url: 'app://app/index.html', method: 'GET' });
    await expect(allow(trustedEvent(), 'https://hub.example.org/')).resolves.toBe('allowed');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain('https://hub.example.org wss://hub.example.org');
    expect(csp).not.toMatch(/https:(?!\/\/hub\.example\.org)/u);
    const saved = JSON.parse(readFileSync(path.join(tmp, 'userData', 'hub-hosts.json'), 'utf8'));
    expect(saved.origins).toEqual(['https://hub.example.org']);
  });

  it('quits on window-all-closed (except macOS) and stops the host on quit', async () => {
    const before = stub.log.filter((l) => l === 'quit').length;
    stub.app.emit('window-all-closed');
    const expected = process.platform === 'darwin' ? before : before + 1;
    expect(stub.log.filter((l) => l === 'quit').length).toBe(expected);

    const quit = fakeEvent();
    stub.app.emit('will-quit', quit);
    expect(quit.prevented).toBe(true);
    await tick();
    await tick();
    expect(hostClosed).toBe(1);
    const again = fakeEvent();
    stub.app.emit('will-quit', again);
    expect(again.prevented).toBe(false);
  });
});

describe('preload (stubbed electron)', () => {
  it('requires nothing but electron: a sandboxed preload cannot load node: modules', async () => {
    const code = await bundle('main/preload.ts');
    const required = [...code.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/gu)].map((m) => m[1]);
    expect([...new Set(required)]).toEqual(['electron']);
  });

  it('exposes exactly the contract on window.transitionLab and nothing else', async () => {
    const stub = createElectronStub('/tmp');
    evaluate(await bundle('main/preload.ts'), stub.electron, '/tmp');
    expect([...stub.state.exposed.keys()]).toEqual(['transitionLab']);
    const api = stub.state.exposed.get('transitionLab') as Record<string, Fn>;
    expect(Object.keys(api).sort()).toEqual(['allowHub', 'allowLanHost', 'findNearbyHosts', 'getAppInfo', 'onOpenFile', 'openExternal']);
    expect(
      Object.values(api).some((v) => [stub.electron.ipcRenderer, stub.electron.ipcRenderer.invoke, stub.electron.ipcRenderer.on].includes(v as never)),
    ).toBe(false);
    await api.openExternal!('https://example.org/');
    expect(stub.state.invoked).toEqual([['tl:openExternal', 'https://example.org/']]);
    // Pushes from main: one listener, on the prefixed channel; the page gets the payload, never the event.
    expect([...stub.state.rendererListeners.keys()]).toEqual(['tl:event:openFile']);
    const got: unknown[] = [];
    api.onOpenFile!((...args: unknown[]) => got.push(args));
    const bytes = new Uint8Array([0x50, 0x4b]);
    stub.state.rendererListeners.get('tl:event:openFile')!({ sender: 'ipc event' }, { name: 'lab.tlab', bytes });
    stub.state.rendererListeners.get('tl:event:openFile')!({ sender: 'ipc event' }, { name: '../../etc/passwd', bytes });
    expect(got).toEqual([[{ name: 'lab.tlab', bytes }]]);
  });
});
