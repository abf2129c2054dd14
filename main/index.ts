/**
 * Electron main entry. Order matters:
 *   before ready: LAN host allow-list (lan-hosts.json), privileged `app` scheme, global sandbox,
 *                 guards for every webContents/session, single-instance lock, files opened by
 *                 the OS (argv, macOS open-file) held until the window has loaded;
 *   on ready:     harden the default session, serve dist/renderer on app://, IPC handlers,
 *                 start the LAN host (participants join through it), open the window;
 *   on quit:      stop the host.
 */
import path from 'node:path';
import { app, BrowserWindow } from 'electron';
import { ipcEventChannel, type AppInfo } from '../shared/protocol/ipc';
import { handleAppProtocol, registerAppSchemePrivileged } from './app-protocol';
import { closeWithTimeout, loopbackHostUrl, startHostWithFallback, type RunningHost } from './host-lifecycle';
import { registerIpcHandlers } from './ipc';
import { LAN_HOSTS_FILE, normalizeLanOrigin, openLanHostStore } from './lan-hosts';
import { HUB_HOSTS_FILE, normalizeHubOrigin, openHubHostStore } from './hub-hosts';
import { createPolicyInForce } from './policy-in-force';
import { isLoopbackUrl } from '../shared/protocol/loopback';
import { archivePathsFromArgv, createOpenFileQueue } from './open-file';
import { enableGlobalSandbox, hardenDefaultSession, installGlobalGuards, setLanOriginsSource } from './security';
import { createMainWindow } from './window';
import { installCrashGuard } from './host/crash-guard';
import { startHost } from './host/start-host';

// Bundled to dist/main/index.cjs: the preload sits next to it, the renderer bundle one level up.
const PRELOAD_PATH = path.join(__dirname, 'preload.cjs');
const RENDERER_ROOT = path.join(__dirname, '..', 'renderer');

function log(line: string): void {
  console.log(`[transition-lab] ${line}`);
}

// This process runs the LAN host: an error nothing caught is logged, and every room keeps going.
installCrashGuard(process, log);

// LAN hosts the user joined (another laptop's session): each one widens connect-src to exactly
// `http://H:P ws://H:P`. Read once at startup; the CSP of every app:// response uses the current list.
const lanHosts = openLanHostStore(path.join(app.getPath('userData'), LAN_HOSTS_FILE), {
  onError: (error) => log(`could not save ${LAN_HOSTS_FILE}: ${error instanceof Error ? error.message : String(error)}`),
});
// Hubs a facilitator publishes to or a coordinator reads from (hub-hosts.ts), the same way.
const hubHosts = openHubHostStore(path.join(app.getPath('userData'), HUB_HOSTS_FILE), {
  onError: (error) => log(`could not save ${HUB_HOSTS_FILE}: ${error instanceof Error ? error.message : String(error)}`),
});
const lanOrigins = () => lanHosts.list();
const hubOrigins = () => hubHosts.list();
// What the window's current page was loaded with: a host already in it needs no reload.
const inForce = createPolicyInForce();

registerAppSchemePrivileged();
enableGlobalSandbox();
setLanOriginsSource(lanOrigins, hubOrigins);
installGlobalGuards();

let mainWindow: BrowserWindow | null = null;
let hostPromise: Promise<RunningHost | null> = Promise.resolve(null);
let hostStopped = false;

// A double-clicked .tlab: read in main (open-file.ts checks and bounds it), imported by the renderer.
const openedFiles = createOpenFileQueue({ log });

function openMainWindow(): void {
  const win = createMainWindow({ preloadPath: PRELOAD_PATH });
  mainWindow = win;
  const channel = ipcEventChannel('openFile');
  // Held while the page (re)loads: a message sent to a page on its way out is lost. The stop
  // event, not did-finish-load, ends the wait: it also comes after a load that turned into a
  // download (an export) or failed, which never finish a load.
  win.webContents.on('did-start-loading', () => openedFiles.detach());
  win.webContents.on('did-stop-loading', () => openedFiles.attach((file) => win.webContents.send(channel, file)));
  win.on('closed', () => {
    openedFiles.detach();
    if (mainWindow === win) mainWindow = null;
  });
}

/** Brings the window to the front (a file was opened, or the app was launched again). */
function showMainWindow(): void {
  if (mainWindow === null) {
    if (app.isReady()) openMainWindow();
    return;
  }
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

function openArchives(argv: readonly string[], cwd: string): void {
  for (const file of archivePathsFromArgv(argv, { cwd, platform: process.platform })) openedFiles.open(file);
}

async function appInfo(): Promise<AppInfo> {
  const host = await hostPromise;
  const info: AppInfo = {
    name: app.getName(),
    version: __APP_VERSION__,
    platform: process.platform,
    hostUrls: host ? [...host.urls] : [],
  };
  if (host) info.localHostUrl = loopbackHostUrl(host.port);
  return info;
}

function launchHost(): Promise<RunningHost | null> {
  // The desktop app announces its host by mDNS so participants' apps can "join nearby session".
  return startHostWithFallback((options) => startHost({ ...options, advertise: true }), {
    dataDir: path.join(app.getPath('userData'), 'host'),
    staticDir: RENDERER_ROOT,
    log,
  }).then(
    (host) => {
      log(`LAN host listening on ${host.urls.join(', ') || `port ${host.port}`}`);
      return host;
    },
    (error: unknown) => {
      // The app still works on its own (local-first); only inviting participants is unavailable.
      log(`LAN host could not start: ${error instanceof Error ? error.message : String(error)}`);
      return null;
    },
  );
}

if (!app.requestSingleInstanceLock()) {
  // The running instance gets this argv through 'second-instance', files included.
  app.quit();
} else {
  openArchives(process.argv, process.cwd());

  app.on('second-instance', (_event, argv: string[], workingDirectory: string) => {
    openArchives(argv, workingDirectory);
    showMainWindow();
  });

  // macOS: a file opened in Finder or dropped on the Dock icon, possibly before ready.
  app.on('open-file', (event, file: string) => {
    event.preventDefault();
    openedFiles.open(file);
    showMainWindow();
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('activate', () => {
    if (app.isReady() && BrowserWindow.getAllWindows().length === 0) openMainWindow();
  });

  app.on('will-quit', (event) => {
    if (hostStopped) return;
    event.preventDefault();
    void hostPromise
      .then((host) => closeWithTimeout(host))
      .finally(() => {
        hostStopped = true;
        app.quit();
      });
  });

  void app.whenReady().then(() => {
    hardenDefaultSession();
    handleAppProtocol(RENDERER_ROOT, lanOrigins, hubOrigins, inForce.documentServed);
    registerIpcHandlers({
      getAppInfo: appInfo,
      allowLanHost: async (value) => {
        const origin = normalizeLanOrigin(value);
        return inForce.answer('lan', origin, lanHosts.add(value), origin !== null && isLoopbackUrl(origin));
      },
      allowHub: async (value) => {
        const origin = normalizeHubOrigin(value);
        return inForce.answer('hub', origin, hubHosts.add(value), origin !== null && origin.startsWith('http://') && isLoopbackUrl(origin));
      },
    });
    hostPromise = launchHost();
    openMainWindow();
  });
}
