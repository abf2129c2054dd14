/**
 * Path-traversal guard for the `app://` protocol handler: maps a request URL to a file inside the
 * renderer bundle directory, or refuses it (→ 404). Pure: node:path only, no electron, no fs.
 *
 * The rules are deliberately stricter than "whatever resolves inside the root": a request that
 * even *tries* something odd (dot segments, encoded dots or slashes, backslashes, NUL and other
 * control characters, drive letters, hidden files) is refused outright, so we never depend on one
 * layer (Chromium's URL canonicaliser, decodeURIComponent, path.resolve) getting every case right.
 */
import path from 'node:path';
import { APP_URL_PREFIX } from '../shared/protocol/app-origin';

/** Served for `app://app/` (the directory itself). */
export const APP_INDEX_FILE = 'index.html';

/** Longest request path we look at; the bundle's own paths are far shorter. */
const MAX_URL_PATH_LENGTH = 1024;

/**
 * Characters a decoded path segment may not contain: separators, Windows-reserved, controls, and
 * `%` (a double-encoded `%252e` must not become a literal `%2e` another layer might decode again).
 */
// eslint-disable-next-line no-control-regex
const FORBIDDEN_SEGMENT_CHARS = /[\\/:*?"<>|%\u0000-\u001f\u007f]/u;

/**
 * Returns the absolute file path inside `root` that `requestUrl` names, or `null` if the request
 * must be refused. `root` must be an absolute directory path.
 */
export function resolveAppPath(root: string, requestUrl: string): string | null {
  if (typeof requestUrl !== 'string' || typeof root !== 'string' || !path.isAbsolute(root)) return null;
  if (!requestUrl.startsWith(APP_URL_PREFIX)) return null;

  // Raw path after `app://app/`, without query or fragment. We parse by hand rather than via
  // `new URL()`, because the WHATWG parser silently folds `..`/`%2e%2e` segments away and would
  // hide an attack we want to refuse loudly.
  let raw = requestUrl.slice(APP_URL_PREFIX.length);
  const cut = raw.search(/[?#]/u);
  if (cut !== -1) raw = raw.slice(0, cut);
  if (raw.length > MAX_URL_PATH_LENGTH) return null;

  // Backslashes, encoded dots (%2e), encoded slashes/backslashes (%2f, %5c), encoded NUL (%00)
  // and a literal NUL are never part of a legitimate bundle path.
  // eslint-disable-next-line no-control-regex
  if (/[\\\u0000]|%(?:2e|2f|5c|00)/iu.test(raw)) return null;

  if (raw === '') raw = APP_INDEX_FILE;

  const rawSegments = raw.split('/');
  const segments: string[] = [];
  for (const rawSegment of rawSegments) {
    let segment: string;
    try {
      segment = decodeURIComponent(rawSegment);
    } catch {
      return null; // malformed percent-encoding
    }
    if (segment === '') return null; // `//`, or a trailing `/` (no directory listings)
    if (segment.startsWith('.')) return null; // `.`, `..`, and hidden files
    if (segment.endsWith('.') || segment.endsWith(' ')) return null; // Windows strips these
    if (FORBIDDEN_SEGMENT_CHARS.test(segment)) return null;
    segments.push(segment);
  }

  const base = path.resolve(root);
  const resolved = path.resolve(base, ...segments);
  const relative = path.relative(base, resolved);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return null;
  return resolved;
}
