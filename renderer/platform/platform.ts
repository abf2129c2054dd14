import { LAN_INFO_PATH, type LanInfo } from '../../shared/protocol/room-wire';
import type { AppInfo, OpenedFile, PreloadApi } from '../../shared/protocol/ipc';

export type { OpenedFile } from '../../shared/protocol/ipc';

/** A host the desktop app found on the local network (mDNS), when main offers that. */
export interface NearbyHost {
  name: string;
  urls: string[];
}

/** Every function optional: an older main process may not offer the newer ones. */
type DesktopApi = Pick<PreloadApi, 'getAppInfo'> & Partial<Omit<PreloadApi, 'getAppInfo'>>;

function desktopApi(): DesktopApi | undefined {
  return (window as unknown as { transitionLab?: DesktopApi }).transitionLab;
}

/** The desktop app serves the renderer from `app://`; a browser got it from a LAN host over http(s). */
export function isDesktopApp(): boolean {
  return window.location.protocol === 'app:' || desktopApi() !== undefined;
}

let appInfo: Promise<AppInfo | null> | null = null;

function getAppInfo(): Promise<AppInfo | null> {
  const api = desktopApi();
  if (!api) return Promise.resolve(null);
  appInfo ??= api.getAppInfo().catch(() => null);
  return appInfo;
}

/**
 * Base URL (`http://host:port`) of the LAN host this window talks to for its own connections:
 * in a browser the host that served the page; in the desktop app the host it started, on loopback.
 * Null when there is none (desktop app whose host did not start).
 */
export async function ownHostUrl(): Promise<string | null> {
  if (!isDesktopApp()) return window.location.origin;
  const info = await getAppInfo();
  return info?.localHostUrl ? stripSlash(info.localHostUrl) : null;
}

/** The addresses participants can use to reach our host, for the join link. */
export async function lanHostUrls(): Promise<string[]> {
  let urls: string[] = [];
  if (isDesktopApp()) {
    const info = await getAppInfo();
    urls = info?.hostUrls ?? [];
  } else {
    try {
      const response = await fetch(LAN_INFO_PATH, { cache: 'no-store' });
      if (response.ok) urls = ((await response.json()) as LanInfo).urls ?? [];
    } catch {
      // Older host without /lan: fall back to the address this page came from.
    }
    if (urls.length === 0) urls = [window.location.origin];
  }
  return orderForInvite([...new Set(urls.map(stripSlash))]);
}

/** Non-loopback addresses first: `localhost` works only on the facilitator's own computer. */
export function orderForInvite(urls: string[]): string[] {
  const loopback = (u: string) => {
    try {
      const host = new URL(u).hostname;
      return host === 'localhost' || host.startsWith('127.') || host === '[::1]';
    } catch {
      return true;
    }
  };
  return [...urls.filter((u) => !loopback(u)), ...urls.filter(loopback)];
}

export function nearbyHostsAvailable(): boolean {
  return typeof desktopApi()?.findNearbyHosts === 'function';
}

export async function findNearbyHosts(): Promise<NearbyHost[]> {
  const api = desktopApi();
  if (!api?.findNearbyHosts) return [];
  try {
    return await api.findNearbyHosts();
  } catch {
    return [];
  }
}

/**
 * Desktop app only: can main widen this window's CSP to another LAN host (joining another
 * laptop's session)? False in a plain browser, which may connect anywhere its host's CSP allows.
 */
export function lanHostPermissionAvailable(): boolean {
  return typeof desktopApi()?.allowLanHost === 'function';
}

/**
 * Asks main to allow `origin` (`http://192.168.1.20:4455`) in the desktop app's connect-src.
 * 'added': allowed, and this page needs a reload for the new policy; 'allowed': this page can
 * connect already; 'refused': main will not (not a LAN address), or the call failed.
 */
export async function allowLanHost(origin: string): Promise<'added' | 'allowed' | 'refused'> {
  const api = desktopApi();
  if (typeof api?.allowLanHost !== 'function') return 'refused';
  try {
    const answer = await api.allowLanHost(origin);
    return answer === 'added' || answer === 'allowed' ? answer : 'refused';
  } catch {
    return 'refused';
  }
}

/**
 * Files the operating system opened with the desktop app (a double-clicked `.tlab`), each already
 * read by main within the import limit, or with the reason it could not be. A plain browser never
 * gets any: the listener is simply never called. Returns a function that stops listening.
 */
export function onOpenedFile(listener: (file: OpenedFile) => void): () => void {
  const api = desktopApi();
  if (typeof api?.onOpenFile !== 'function') return () => undefined;
  try {
    const stop = api.onOpenFile(listener);
    return typeof stop === 'function' ? stop : () => undefined;
  } catch {
    return () => undefined;
  }
}

/**
 * Desktop app only: lets this window's CSP reach a lab-network hub (main/hub-hosts.ts).
 * 'added': reload for the new policy; 'allowed': nothing to do (also in a plain browser, whose
 * host's own policy decides: start the host with --hub); 'refused': main will not allow it.
 */
export async function allowHub(address: string): Promise<'added' | 'allowed' | 'refused'> {
  const api = desktopApi();
  if (typeof api?.allowHub !== 'function') return 'allowed';
  try {
    return await api.allowHub(address);
  } catch {
    return 'refused';
  }
}

function stripSlash(url: string): string {
  return url.replace(/\/+$/, '');
}
