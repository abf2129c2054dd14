/**
 * The one typed contract between the Electron main process and the renderer.
 * main/ implements it, the preload exposes exactly these names on `window.transitionLab`,
 * and main validates every call's sender and arguments. Channel names share one prefix so the
 * preload can refuse anything else (as VS Code does).
 */

export const IPC_PREFIX = 'tl:';

export interface AppInfo {
  name: string;
  version: string;
  platform: string;
  /** URLs of the LAN host started by the desktop app, for inviting participants. */
  hostUrls: string[];
  /**
   * The same LAN host on loopback (`http://127.0.0.1:PORT`), or absent if it is not running.
   * The desktop renderer connects to this one: its CSP allows loopback plus the LAN hosts the
   * user joined (allowLanHost; see main/csp.ts and main/lan-hosts.ts).
   */
  localHostUrl?: string;
}

/** A Transition Lab host found on the LAN by mDNS (`_transition-lab._tcp`). */
export interface NearbyHost {
  /** The advertised service name, e.g. "Transition Lab on ana-laptop (4455)". */
  name: string;
  /** `http://<IPv4>:<port>/` for each address it announced. */
  urls: string[];
}

export interface IpcContract {
  /** App name, version and the LAN host's URLs. */
  getAppInfo(): Promise<AppInfo>;
  /** Opens an http(s) link in the user's default browser, after main re-validates it. */
  openExternal(url: string): Promise<boolean>;
  /** Browses the LAN for Transition Lab hosts for about two seconds ("join nearby session"). */
  findNearbyHosts(): Promise<NearbyHost[]>;
  /**
   * Adds a LAN host origin (`http://192.168.1.20:4455`, `http://ana-laptop.local:4455`) to the
   * desktop app's connect-src allow-list, persisted across restarts. 'refused': only `http:`
   * hosts on private/link-local IPv4, `*.local` or loopback qualify; 'added': the current page's
   * policy lacks it, reload the window for it to take effect; 'allowed': the page can connect.
   */
  allowLanHost(origin: string): Promise<'added' | 'allowed' | 'refused'>;
  /**
   * Adds a lab-network hub (`https://hub.example.org`, or a LAN/loopback `http://H:P`) to the
   * connect-src allow-list, persisted. 'added': reload the window for the policy to include it;
   * 'allowed': it already does; 'refused': not a hub address the app may talk to.
   */
  allowHub(address: string): Promise<'added' | 'allowed' | 'refused'>;
}

export type IpcMethod = keyof IpcContract;

export const IPC_METHODS: readonly IpcMethod[] = ['getAppInfo', 'openExternal', 'findNearbyHosts', 'allowLanHost', 'allowHub'] as const;

export function ipcChannel(method: IpcMethod): string {
  return `${IPC_PREFIX}${method}`;
}

/**
 * A file the operating system asked the app to open (double-clicked `.tlab`, "Open with", dropped
 * on the dock icon), read by main within the import limit. When main could not or would not read
 * it, `problem` says why, so the renderer can tell the person instead of doing nothing.
 */
export type OpenedFile =
  | { name: string; bytes: Uint8Array }
  | { name: string; problem: OpenedFileProblem };

/** Codes shared with the import's messages (`outcomes.problems.*`). */
export const OPENED_FILE_PROBLEMS = ['tooLarge', 'notArchive', 'unreadable'] as const;

export type OpenedFileProblem = (typeof OPENED_FILE_PROBLEMS)[number];

/**
 * Pushes from main to the renderer (webContents.send), one prefixed channel each. The preload
 * turns each into a subscription function (`onOpenFile`), never a raw ipcRenderer.on.
 */
export interface IpcEvents {
  openFile: OpenedFile;
}

export type IpcEvent = keyof IpcEvents;

export const IPC_EVENTS: readonly IpcEvent[] = ['openFile'] as const;

// `event:` keeps push channels apart from the invoke channels even if a method is ever named alike.
export function ipcEventChannel(event: IpcEvent): string {
  return `${IPC_PREFIX}event:${event}`;
}

/** The preload's subscriptions: each returns a function that unsubscribes. */
export interface IpcSubscriptions {
  /** Files opened through the operating system, including any that arrived before this call. */
  onOpenFile(callback: (file: OpenedFile) => void): () => void;
}

/** Name of the object the preload exposes on `window`. */
export const PRELOAD_GLOBAL = 'transitionLab';

/**
 * What the renderer finds on `window.transitionLab` inside the desktop app (absent in a plain
 * browser — check before use). Exactly the contract's functions and subscriptions, nothing else.
 */
export type PreloadApi = IpcContract & IpcSubscriptions;
