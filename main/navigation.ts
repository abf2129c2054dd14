/**
 * Pure decisions for navigation, new windows, external links, downloads and permissions.
 * The Electron glue in security.ts only asks these functions; unit tests cover them.
 */
import { APP_HOST, APP_SCHEME, APP_URL_PREFIX } from '../shared/protocol/app-origin';

/** Longest URL we hand to the OS browser. */
export const MAX_EXTERNAL_URL_LENGTH = 2048;

function parse(url: unknown): URL | null {
  if (typeof url !== 'string') return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True for a URL of the app's own bundle: `app://app/…` and nothing else. */
export function isAppUrl(url: unknown): boolean {
  if (typeof url !== 'string' || !url.startsWith(APP_URL_PREFIX)) return false;
  const parsed = parse(url);
  return (
    parsed !== null &&
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/** `will-navigate` / `will-redirect` / `will-frame-navigate`: only within the app's own origin. */
export function isAllowedNavigation(url: unknown): boolean {
  return isAppUrl(url);
}

/**
 * May this URL be handed to `shell.openExternal`? Only plain http(s) links with a host, without
 * credentials, whitespace or control characters, of sane length. Everything else (file:, smb:,
 * javascript:, custom protocol handlers of other apps, …) could run code outside our sandbox.
 */
export function isSafeExternalUrl(url: unknown): url is string {
  if (typeof url !== 'string' || url.length === 0 || url.length > MAX_EXTERNAL_URL_LENGTH) return false;
  // eslint-disable-next-line no-control-regex
  if (/[\s\u0000-\u001f\u007f]/u.test(url)) return false;
  if (!/^https?:\/\//iu.test(url)) return false;
  const parsed = parse(url);
  if (parsed === null) return false;
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return false;
  if (parsed.username !== '' || parsed.password !== '') return false;
  if (parsed.hostname === '') return false;
  return true;
}

/**
 * `will-download`: allow only content the renderer produced itself (exports built as blob: or
 * data: URLs, or files of our own bundle); never fetch remote content to disk.
 */
export function isAllowedDownload(url: unknown): boolean {
  if (typeof url !== 'string') return false;
  if (url.startsWith(`blob:${APP_URL_PREFIX}`)) return isAppUrl(url.slice('blob:'.length));
  if (url.startsWith('data:')) return true;
  return isAppUrl(url);
}

/**
 * Permission requests and checks (camera, microphone, notifications, geolocation, clipboard,
 * fullscreen, …): denied, all of them, for every origin.
 *
 * WebRTC data channels need no media permission in Electron. Note for later issues: without media
 * permission Chromium hides local IP addresses behind mDNS `.local` ICE candidates, which some
 * venue networks do not resolve; if peers fail to connect on a LAN, revisit this (e.g. a narrow
 * grant for the app origin, or webContents.setWebRTCIPHandlingPolicy) rather than allowing all.
 * A "copy join link" button may likewise need 'clipboard-sanitized-write' for the app origin.
 */
export function isPermissionAllowed(_permission: string, _requestingUrl: string | undefined): boolean {
  return false;
}
