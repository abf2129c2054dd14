import * as Y from 'yjs';

/**
 * Transaction origin for edits made by this user on this device. Every model operation uses it,
 * so a Y.UndoManager that tracks it undoes only this user's own edits, never a peer's.
 */
export const LOCAL_ORIGIN = Object.freeze({ kind: 'local-user' as const });

/**
 * Origin of schema migrations. Distinct from LOCAL_ORIGIN so no undo manager tracks it: undoing
 * a migration would leave a doc that claims one version and holds another.
 */
export const MIGRATION_ORIGIN = Object.freeze({ kind: 'migration' as const });

/**
 * True for a transaction made on this device by this person: a model operation, an undo or redo,
 * or a bare transact. Everything else arrived from somewhere (a peer, the relay, another tab).
 */
export function isLocalOrigin(origin: unknown): boolean {
  return origin === LOCAL_ORIGIN || origin === null || origin === undefined || origin instanceof Y.UndoManager;
}
