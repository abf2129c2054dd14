/**
 * Which requests the service worker answers, and how. Pure, so it is unit-tested; sw.ts wires it
 * to the worker's events.
 */

/** The host's live endpoints: never answered from a cache, never stored. */
export const LIVE_PATHS = ['/sync', '/signal', '/healthz', '/lan'] as const;

export const CACHE_PREFIX = 'transition-lab-shell-';

export type Strategy =
  /** Not ours: the browser fetches it as if there were no service worker. */
  | 'bypass'
  /** The app shell (index.html): network first, so a reachable host always gives the newest app; cache when not. */
  | 'shell'
  /** Content-hashed build files: cache first; a changed file has a new name. */
  | 'cache-first';

export interface RequestInfo {
  method: string;
  url: string;
  mode: string;
}

function isLivePath(pathname: string): boolean {
  return LIVE_PATHS.some((p) => pathname === p || pathname.startsWith(`${p}/`) || pathname.startsWith(`${p}?`));
}

/**
 * @param scope the registration scope, e.g. `http://10.0.0.2:4455/`
 * @param precached absolute URLs (no fragment) the worker stored at install
 */
export function strategyFor(request: RequestInfo, scope: string, precached: ReadonlySet<string>): Strategy {
  if (request.method !== 'GET') return 'bypass';
  let url: URL;
  let base: URL;
  try {
    url = new URL(request.url);
    base = new URL(scope);
  } catch {
    return 'bypass';
  }
  if (url.origin !== base.origin || !url.pathname.startsWith(base.pathname)) return 'bypass';
  if (isLivePath(url.pathname)) return 'bypass';
  if (request.mode === 'navigate' || url.pathname === base.pathname || url.pathname === `${base.pathname}index.html`) {
    return 'shell';
  }
  if (url.search === '' && precached.has(url.origin + url.pathname)) return 'cache-first';
  if (url.search === '' && url.pathname.startsWith(`${base.pathname}assets/`)) return 'cache-first';
  return 'bypass';
}

/** Caches of earlier builds, to delete once this build's worker is active. */
export function staleCaches(names: readonly string[], current: string): string[] {
  return names.filter((n) => n.startsWith(CACHE_PREFIX) && n !== current);
}

/** Only complete same-origin answers are worth keeping (never an error page or a redirect). */
export function isCacheable(response: { ok: boolean; status: number; type: string; redirected: boolean }): boolean {
  return response.ok && response.status === 200 && response.type === 'basic' && !response.redirected;
}
