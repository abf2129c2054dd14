/**
 * The desktop app's own origin. The renderer bundle is served from `app://app/…` by a privileged
 * custom scheme (see main/app-protocol.ts), never from `file://` (which would give every page read
 * access to the disk) and never from a remote server.
 *
 * Pure module: no electron import, so unit tests can load it.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** Every URL the app itself may show starts with this. */
export const APP_URL_PREFIX = `${APP_ORIGIN}/`;
export const APP_INDEX_URL = `${APP_URL_PREFIX}index.html`;
