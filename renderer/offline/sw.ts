/**
 * The service worker (browser only; Electron loads the app from app:// and never registers it).
 * Bundled on its own by the `service-worker` plugin in vite.config.ts into dist/renderer/sw.js,
 * which fills in this build's file list and version.
 *
 * - install: stores the app shell (index.html) and every built file in a cache named after the
 *   build, then activates at once (skipWaiting) and takes over open pages (clients.claim), so a
 *   participant who loaded the app once can reload it while the host is unreachable.
 * - shell: network first with a short timeout, cache fallback.
 * - hashed assets: cache first.
 * - the host's live endpoints (/sync, /signal, /healthz, /lan), other origins and non-GET
 *   requests: untouched.
 */
import { CACHE_PREFIX, isCacheable, staleCaches, strategyFor } from './sw-routing';

declare const __SW_PRECACHE__: string[];
declare const __SW_VERSION__: string;

// The DOM lib has no service worker types (the WebWorker lib clashes with it); just what we use.
interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  request: Request;
  respondWith(response: Promise<Response>): void;
}
interface WorkerScope {
  registration: { scope: string };
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
}

const worker = self as unknown as WorkerScope;
const CACHE = `${CACHE_PREFIX}${__SW_VERSION__}`;
/** On a LAN whose host has gone, a request can hang until TCP gives up; the cached shell is better. */
const SHELL_TIMEOUT_MS = 4_000;

const scope = () => worker.registration.scope;
const shellUrl = () => new URL('./', scope()).href;
const precached = () => new Set(__SW_PRECACHE__.map((file) => new URL(file, scope()).href));

worker.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      // `reload` bypasses the HTTP cache, so what is stored is exactly this build.
      const urls = [shellUrl(), ...precached()];
      await cache.addAll(urls.map((url) => new Request(url, { cache: 'reload' })));
      await worker.skipWaiting();
    })(),
  );
});

worker.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      await Promise.all(staleCaches(await caches.keys(), CACHE).map((name) => caches.delete(name)));
      await worker.clients.claim();
    })(),
  );
});

let precachedSet: Set<string> | null = null;

worker.addEventListener('fetch', (event) => {
  const { request } = event;
  precachedSet ??= precached();
  const strategy = strategyFor({ method: request.method, url: request.url, mode: request.mode }, scope(), precachedSet);
  if (strategy === 'shell') event.respondWith(shell(request));
  else if (strategy === 'cache-first') event.respondWith(cacheFirst(request));
});

async function shell(request: Request): Promise<Response> {
  const cache = await caches.open(CACHE);
  const network = fetch(request, { cache: 'no-cache' }).then(async (response) => {
    if (isCacheable(response)) await cache.put(shellUrl(), response.clone()).catch(() => undefined);
    return response;
  });
  network.catch(() => undefined); // Handled below; a late failure after the timeout is expected.
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), SHELL_TIMEOUT_MS);
  });
  try {
    const response = await Promise.race([network, timeout]);
    if (response) return response;
  } catch {
    // Host unreachable: fall through to the stored shell.
  } finally {
    clearTimeout(timer);
  }
  const cached = await cache.match(shellUrl());
  if (cached) return cached;
  return network; // Nothing stored (first visit): whatever the network says, error included.
}

async function cacheFirst(request: Request): Promise<Response> {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (isCacheable(response)) await cache.put(request, response.clone()).catch(() => undefined);
  return response;
}
