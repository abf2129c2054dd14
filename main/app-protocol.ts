/**
 * The privileged `app://` scheme that serves the renderer bundle (dist/renderer).
 * Electron glue only; the decisions live in app-path.ts / app-serve.ts (unit-tested).
 */
import { protocol } from 'electron';
import { APP_SCHEME } from '../shared/protocol/app-origin';
import { serveAppRequest } from './app-serve';
import { isDocumentRequest } from './policy-in-force';

/**
 * Must run before `app.whenReady()`. `standard` gives the scheme real origins and relative URL
 * resolution; `secure` makes it a secure context (IndexedDB, crypto.subtle, WebRTC);
 * `supportFetchAPI` lets the renderer fetch its own assets. No CORS, no CSP bypass,
 * no service workers.
 */
export function registerAppSchemePrivileged(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: {
        standard: true,
        secure: true,
        supportFetchAPI: true,
        corsEnabled: false,
        bypassCSP: false,
        allowServiceWorkers: false,
        stream: false,
        codeCache: true,
      },
    },
  ]);
}

/**
 * After ready: serve `rendererRoot` (absolute) on `app://app/…` for the default session.
 * `lanOrigins` is read per request, so a newly allowed LAN host is in the CSP of the next load.
 */
export function handleAppProtocol(
  rendererRoot: string,
  lanOrigins: () => readonly string[] = () => [],
  hubs: () => readonly string[] = () => [],
  onDocument: (lan: readonly string[], hubs: readonly string[]) => void = () => {},
): void {
  protocol.handle(APP_SCHEME, (request) => {
    const lan = lanOrigins();
    const hubList = hubs();
    if (isDocumentRequest(request.url)) onDocument(lan, hubList);
    return serveAppRequest(rendererRoot, request.url, request.method, undefined, lan, hubList);
  });
}
