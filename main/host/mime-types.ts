import path from 'node:path';

/**
 * The one MIME table: the LAN host's static files (static-files.ts) and the desktop app's `app://`
 * protocol (main/app-serve.ts) serve the same bundle, so they must label it the same way. It lives
 * in main/host because main/ may import main/host, never the other way round.
 *
 * Text types carry a charset so browsers never guess; with `nosniff` a wrong guess would not be
 * corrected, it would just break the page.
 */
const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  // Required for WebAssembly.instantiateStreaming, which refuses any other type.
  '.wasm': 'application/wasm',
};

const FALLBACK_MIME_TYPE = 'application/octet-stream';

/** MIME type by file extension; unknown types are served as opaque bytes (with nosniff). */
export function mimeTypeFor(filePath: string): string {
  return MIME_TYPES[path.extname(filePath).toLowerCase()] ?? FALLBACK_MIME_TYPE;
}
