/**
 * Why a write to IndexedDB failed, in the terms the user is told about:
 * - `quota`: the disk (or the browser's share of it) is full;
 * - `unavailable`: this browser gives us no IndexedDB (private window, storage blocked, API missing);
 * - `upgraded`: another tab opened a newer version of the database, so this tab's connection was
 *   closed to let it upgrade — reloading this tab fixes it;
 * - `failed`: anything else (the raw message is shown).
 */
export type StorageFailure = 'quota' | 'unavailable' | 'upgraded' | 'failed';

const QUOTA_NAMES = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED']);
const UNAVAILABLE_NAMES = new Set([
  'MissingAPIError',
  'OpenFailedError',
  'DatabaseClosedError',
  'InvalidStateError',
  'SecurityError',
  'VersionError',
  'UnknownError',
]);

/** Dexie wraps the browser's DOMException; look through `inner` chains for the real cause. */
export function classifyStorageError(error: unknown): StorageFailure {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current; depth++) {
    const name = (current as { name?: unknown }).name;
    if (typeof name === 'string') {
      if (QUOTA_NAMES.has(name)) return 'quota';
      if (UNAVAILABLE_NAMES.has(name)) return 'unavailable';
    }
    current = (current as { inner?: unknown }).inner;
  }
  return 'failed';
}

export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}
