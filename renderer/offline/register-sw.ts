/**
 * Registers the service worker that lets a participant's browser reload the app while the host
 * is unreachable (renderer/offline/sw.ts). Browser only, production builds only.
 */

export type SwRegistration =
  | { status: 'registered'; registration: ServiceWorkerRegistration }
  /** Electron (app://), file://, or the Vite dev server: nothing to do. */
  | { status: 'skipped'; reason: 'protocol' | 'development' }
  /**
   * Service workers exist only in secure contexts: https, or http on localhost/127.0.0.1. A
   * participant on http://<LAN address> gets no offline reload (the sessions are still in IndexedDB).
   */
  | { status: 'unavailable' }
  | { status: 'failed'; error: unknown };

export function shouldRegister(location: Pick<Location, 'protocol'>, production: boolean): 'yes' | 'protocol' | 'development' {
  if (location.protocol !== 'http:' && location.protocol !== 'https:') return 'protocol';
  if (!production) return 'development';
  return 'yes';
}

export async function registerServiceWorker(win: Window = window): Promise<SwRegistration> {
  const decision = shouldRegister(win.location, import.meta.env.PROD);
  if (decision !== 'yes') return { status: 'skipped', reason: decision };
  if (!win.isSecureContext || !('serviceWorker' in win.navigator)) return { status: 'unavailable' };
  try {
    // Relative to the document, like every other file of the bundle (vite base './').
    const url = new URL('./sw.js', win.document.baseURI);
    const registration = await win.navigator.serviceWorker.register(url, { scope: './', updateViaCache: 'none' });
    return { status: 'registered', registration };
  } catch (error) {
    // No offline reload this time; everything else works. Worth a line in the console only.
    console.warn('Service worker not registered:', error);
    return { status: 'failed', error };
  }
}

/** Registers once the page has loaded, so the worker's downloads never compete with the app's. */
export function registerServiceWorkerAfterLoad(win: Window = window): void {
  const go = () => void registerServiceWorker(win);
  if (win.document.readyState === 'complete') go();
  else win.addEventListener('load', go, { once: true });
}
