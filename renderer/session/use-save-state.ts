import { useSyncExternalStore } from 'react';
import { appDatabase, databaseHealth, subscribeDatabaseHealth, type DatabaseHealth, type TransitionLabDb } from '../storage/database';
import type { DocPersistence, SaveState } from '../storage/doc-persistence';

export function useSaveState(persistence: DocPersistence): SaveState {
  return useSyncExternalStore(
    (cb) => persistence.subscribe(cb),
    () => persistence.saveState,
  );
}

/** The database connection's own trouble (an upgrade waiting on another tab, or done by one). */
export function useDatabaseHealth(db: TransitionLabDb = appDatabase()): DatabaseHealth {
  return useSyncExternalStore(
    (cb) => subscribeDatabaseHealth(db, cb),
    () => databaseHealth(db),
  );
}
