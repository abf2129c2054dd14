/**
 * The decision-record heads this device has seen for each session (shared/model/decision-log.ts).
 * A log cannot show on its own that its newest entries were removed; a head remembered here, and
 * missing from the log next time the session opens, can. Kept in localStorage: a few hashes per
 * session, read once when it opens.
 */
const PREFIX = 'transition-lab.decisionHeads.';
const HASH = /^[0-9a-f]{64}$/;

export function readKnownHeads(sessionId: string, storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): string[] {
  try {
    const raw: unknown = JSON.parse(storage?.getItem(PREFIX + sessionId) ?? '[]');
    return Array.isArray(raw) ? raw.filter((h): h is string => typeof h === 'string' && HASH.test(h)).slice(0, 8) : [];
  } catch {
    return [];
  }
}

/** The record's current heads (one, or a few while branches from devices apart are not yet joined). */
export function saveKnownHeads(sessionId: string, heads: readonly string[], storage: Pick<Storage, 'setItem'> | undefined = globalThis.localStorage): void {
  if (heads.length === 0 || !heads.every((h) => HASH.test(h))) return;
  try {
    // The newest heads suffice: each is reached only if everything it points at is still there.
    storage?.setItem(PREFIX + sessionId, JSON.stringify(heads.slice(0, 8)));
  } catch {
    // Not remembered: the next opening checks the chain's own links only.
  }
}
