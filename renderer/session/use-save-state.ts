import { useSyncExternalStore } from 'react';
import type { DocPersistence, SaveState } from '../storage/doc-persistence';

export function useSaveState(persistence: DocPersistence): SaveState {
  return useSyncExternalStore(
    (cb) => persistence.subscribe(cb),
    () => persistence.saveState,
  );
}
