/**
 * "Secure from day one": the Electron-side hardening, applied to every session and webContents.
 * Every decision is delegated to a pure, unit-tested function:
 *   navigation.ts (navigation, new windows, external links, downloads, permissions),
 *   csp.ts (Content-Security-Policy), web-preferences.ts (BrowserWindow flags).
 */
import { app, dialog, session, shell, type Session, type WebContents } from 'electron';
import { isAllowedDownload, isAllowedNavigation, isAppUrl, isPermissionAllowed, isSafeExternalUrl } from './navigation';
import { withSecurityHeaders } from './csp';
import { saveDialogOptions } from './save-dialog';
import { externalLinkQuestion } from './external-link';

export { secureWebPreferences } from './web-preferences';

/** Before ready: every renderer is sandboxed, even one created without our webPreferences. */
export function enableGlobalSandbox(): void {
  app.enableSandbox();
}

/**
 * Hands a link to the OS browser after re-validating it and asking the person (external-link.ts).
 * Resolves false if refused, declined or failed.
 */
export async function openExternalSafely(url: unknown): Promise<boolean> {
  if (!isSafeExternalUrl(url)) return false;
  const question = externalLinkQuestion(url, app.getLocale());
  const { response } = await dialog.showMessageBox({
    type: 'question',
    buttons: [question.open, question.cancel],
    defaultId: 1,
    cancelId: 1,
    noLink: true,
    message: question.message,
    detail: question.detail,
  });
  if (response !== 0) return false;
  try {
    await shell.openExternal(url);
    return true;
  } catch {
    return false;
  }
}

const hardenedSessions = new WeakSet<Session>();

/** Where the CSP's allowed LAN hosts come from (main/index.ts sets the lan-hosts store). */
let lanOrigins: () => readonly string[] = () => [];
/** Where the CSP's allowed hubs come from (main/index.ts sets the hub-hosts store). */
let hubOrigins: () => readonly string[] = () => [];

/** Call before any session is hardened; read on every response, so additions apply at once. */
export function setLanOriginsSource(source: () => readonly string[], hubs: () => readonly string[] = () => []): void {
  lanOrigins = source;
  hubOrigins = hubs;
}

export function hardenSession(ses: Session): void {
  if (hardenedSessions.has(ses)) return;
  hardenedSessions.add(ses);

  // Deny every permission request and check (see isPermissionAllowed for the WebRTC note).
  ses.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionAllowed(permission, details.requestingUrl));
  });
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionAllowed(permission, requestingOrigin),
  );
  // WebHID / WebUSB / Web Serial devices: none.
  ses.setDevicePermissionHandler(() => false);

  // CSP on every app:// response, also at the network layer (the protocol handler sets it too;
  // this replaces any weaker copy and covers responses that bypass the handler's header set).
  ses.webRequest.onHeadersReceived((details, callback) => {
    if (isAppUrl(details.url)) {
      callback({ responseHeaders: withSecurityHeaders(details.responseHeaders, lanOrigins(), hubOrigins()) });
    } else {
      callback({});
    }
  });

  // No remote content is ever written to disk; exports the renderer builds (blob:/data:) are fine.
  ses.on('will-download', (event, item) => {
    if (!isAllowedDownload(item.getURL())) {
      event.preventDefault();
      item.cancel();
      return;
    }
    // No save path set: Electron shows the native Save dialog, with these options.
    item.setSaveDialogOptions(saveDialogOptions(item.getFilename(), app.getPath('downloads')));
  });
}

/** Guards for any webContents, ours or not (windows, devtools, anything a bug might create). */
export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => {
    if (!isAllowedNavigation(event.url)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    if (!isAllowedNavigation(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAllowedNavigation(event.url)) event.preventDefault();
  });
  // No new Electron windows, ever. http(s) links go to the user's browser once validated.
  contents.setWindowOpenHandler(({ url }) => {
    void openExternalSafely(url);
    return { action: 'deny' };
  });
  // webviewTag is off, but refuse attachment explicitly as well.
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
}

/** Call once, before ready. Hooks every webContents and session the app will ever create. */
export function installGlobalGuards(): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('session-created', (ses) => hardenSession(ses));
}

/** Call once ready: the default session exists before our 'session-created' hook can see it. */
export function hardenDefaultSession(): void {
  hardenSession(session.defaultSession);
}
