import path from 'node:path';

export type StaticPathResult =
  | { kind: 'ok'; segments: string[] }
  | { kind: 'bad-request' }
  | { kind: 'not-found' };

const BAD_REQUEST: StaticPathResult = { kind: 'bad-request' };
const NOT_FOUND: StaticPathResult = { kind: 'not-found' };

/**
 * Turns a raw URL path into file-name segments below the static root, or refuses it.
 * Rules are strict on purpose: the bundle has only plain file names, so anything unusual is an
 * attack or a mistake, never a real asset. Both the raw and the decoded form are checked, so
 * `%2e%2e`, `%2f` and `%5c` cannot smuggle what the raw form would reveal.
 */
export function toStaticSegments(rawPathname: string): StaticPathResult {
  if (rawPathname.includes('\\') || rawPathname.includes('\0')) return BAD_REQUEST;

  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPathname);
  } catch {
    return BAD_REQUEST;
  }
  if (!decoded.startsWith('/') || decoded.includes('\\') || decoded.includes('\0')) return BAD_REQUEST;
  if (decoded === '/') return { kind: 'ok', segments: ['index.html'] };

  const segments = decoded.slice(1).split('/');
  for (const segment of segments) {
    if (segment === '..' || segment === '.') return BAD_REQUEST;
    // A colon means a Windows drive or alternate data stream (`C:`, `file:stream`).
    if (segment.includes(':')) return BAD_REQUEST;
    // Empty segments are directory paths (`/assets/`) or `//`: no listings, and no absolute paths.
    if (segment === '') return NOT_FOUND;
    // Dotfiles are never part of the bundle; refusing them avoids leaking e.g. a stray `.env`.
    if (segment.startsWith('.')) return NOT_FOUND;
  }
  return { kind: 'ok', segments };
}

/** True when `candidate` is strictly inside `root` (both absolute, already resolved). */
export function isInsideRoot(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  if (relative === '' || path.isAbsolute(relative)) return false;
  return relative.split(path.sep)[0] !== '..';
}
