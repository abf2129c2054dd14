/** Why a write to IndexedDB failed, in the terms the user is told about. */
export type StorageFailure = 'quota' | 'unavailable' | 'failed';

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
