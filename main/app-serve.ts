/**
 * Builds the response for one `app://` request: guarded path → file bytes with the right MIME type
 * and our security headers, or a bare 404/405. Uses node:fs (which Electron patches to read inside
 * app.asar) and the global Response; no electron import, so it is unit-tested with a temp dir.
 */
import { readFile } from 'node:fs/promises';
import { resolveAppPath } from './app-path';
import { securityHeaders } from './csp';
import { mimeTypeFor } from './host/mime-types';

export type ReadFileFn = (filePath: string) => Promise<Uint8Array>;

function plain(
  status: number,
  text: string,
  security: Readonly<Record<string, string>>,
  extra: Record<string, string> = {},
): Response {
  return new Response(text, {
    status,
    headers: { ...security, 'Content-Type': 'text/plain; charset=utf-8', ...extra },
  });
}

export async function serveAppRequest(
  root: string,
  url: string,
  method = 'GET',
  read: ReadFileFn = readFile,
  /** Allowed LAN host origins for this response's CSP connect-src (lan-hosts.ts). */
  lanOrigins: readonly string[] = [],
  /** Allowed lab-network hubs for connect-src (hub-hosts.ts). */
  hubs: readonly string[] = [],
): Promise<Response> {
  const security = securityHeaders(lanOrigins, hubs);
  if (method !== 'GET' && method !== 'HEAD') return plain(405, 'Method Not Allowed', security, { Allow: 'GET, HEAD' });
  const filePath = resolveAppPath(root, url);
  if (filePath === null) return plain(404, 'Not Found', security);
  let body: Uint8Array;
  try {
    body = await read(filePath);
  } catch {
    return plain(404, 'Not Found', security); // missing, a directory, unreadable: all the same to the caller
  }
  const headers = {
    ...security,
    'Content-Type': mimeTypeFor(filePath),
    'Content-Length': String(body.byteLength),
    'Cache-Control': 'no-cache',
  };
  // A copy typed as a plain ArrayBuffer view (what both the DOM and Node BodyInit types accept).
  return new Response(method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
}
