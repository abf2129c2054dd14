/**
 * Transaction origin for edits made by this user on this device. Every model operation uses it,
 * so a Y.UndoManager that tracks it undoes only this user's own edits, never a peer's.
 */
export const LOCAL_ORIGIN = Object.freeze({ kind: 'local-user' as const });
