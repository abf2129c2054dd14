/**
 * Splits a raw request target into its path and query without normalising anything.
 * `new URL()` would silently resolve `..` segments, which would hide traversal attempts from the
 * static-file guard, so the raw path is kept exactly as the client sent it.
 * Returns null for anything but origin-form (`/path?query`), e.g. `*` or absolute-form targets.
 */
export function splitRequestTarget(target: string | undefined): { pathname: string; search: string } | null {
  if (target === undefined || !target.startsWith('/')) return null;
  const queryStart = target.indexOf('?');
  if (queryStart === -1) return { pathname: target, search: '' };
  return { pathname: target.slice(0, queryStart), search: target.slice(queryStart) };
}
