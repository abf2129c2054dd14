import { constants, promises as fs } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { etagFor, isNotModified } from './conditional-get';
import { sendText } from './http-responses';
import { mimeTypeFor } from './mime-types';
import { isInsideRoot, toStaticSegments } from './static-path';

// Vite names everything under assets/ by content hash, so a changed file gets a new URL and the
// old one can be cached forever. Everything else (index.html above all) must be revalidated, or
// participants would keep an old app that points at assets the host no longer has.
const IMMUTABLE_CACHE = 'public, max-age=31536000, immutable';
const REVALIDATE_CACHE = 'no-cache';

// Refuses a symlink swapped in between realpath() and open(). Not defined on Windows.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0);

/** Resolves the root once, so the containment checks compare real paths with a real path. */
export async function resolveStaticRoot(staticDir: string): Promise<string> {
  const root = await fs.realpath(path.resolve(staticDir));
  const stats = await fs.stat(root);
  if (!stats.isDirectory()) throw new Error(`${staticDir} is not a folder`);
  return root;
}

export async function serveStatic(
  req: IncomingMessage,
  res: ServerResponse,
  root: string,
  rawPathname: string,
): Promise<void> {
  const lookup = toStaticSegments(rawPathname);
  if (lookup.kind === 'bad-request') return sendText(req, res, 400, 'Bad request');
  if (lookup.kind === 'not-found') return sendText(req, res, 404, 'Not found');

  const file = await openInsideRoot(root, lookup.segments);
  if (file === null) return sendText(req, res, 404, 'Not found');

  let streaming = false;
  try {
    const stats = await file.stat();
    if (!stats.isFile()) return sendText(req, res, 404, 'Not found');

    const etag = etagFor(stats);
    res.setHeader('ETag', etag);
    res.setHeader('Last-Modified', stats.mtime.toUTCString());
    res.setHeader('Cache-Control', lookup.segments[0] === 'assets' ? IMMUTABLE_CACHE : REVALIDATE_CACHE);

    if (isNotModified(req, etag, stats)) {
      res.statusCode = 304;
      res.end();
      return;
    }
    res.statusCode = 200;
    res.setHeader('Content-Type', mimeTypeFor(lookup.segments[lookup.segments.length - 1] ?? ''));
    res.setHeader('Content-Length', stats.size);
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    streaming = true;
    // The stream owns the handle from here and closes it when done or destroyed.
    await pipeline(file.createReadStream(), res).catch(() => {
      // A client that goes away mid-download is normal on Wi-Fi; just drop the response.
      res.destroy();
    });
  } finally {
    if (!streaming) await file.close();
  }
}

async function openInsideRoot(root: string, segments: readonly string[]): Promise<fs.FileHandle | null> {
  const candidate = path.join(root, ...segments);
  if (!isInsideRoot(root, candidate)) return null;
  let real: string;
  try {
    // Follows symlinks, so one inside the root that points outside it is caught below.
    real = await fs.realpath(candidate);
  } catch {
    return null;
  }
  if (!isInsideRoot(root, real)) return null;
  try {
    return await fs.open(real, OPEN_FLAGS);
  } catch {
    return null;
  }
}
