import { createContext, useContext, useEffect, useMemo } from 'react';
import { useStore } from 'zustand';
import type { Awareness } from 'y-protocols/awareness';
import { createPresenceStore, type PresenceStore, type PresenceView } from './presence-store';

const fallback = createPresenceStore({ clientID: 0, getStates: () => new Map(), on: () => {}, off: () => {} });

export const PresenceContext = createContext<PresenceStore>(fallback);

/** The presence store for one board view, subscribed to the session's awareness while mounted. */
export function usePresenceStore(awareness: Awareness): PresenceStore {
  const store = useMemo(() => createPresenceStore(awareness), [awareness]);
  useEffect(() => store.connect(), [store]);
  return store;
}

export function usePresence<T>(selector: (view: PresenceView) => T): T {
  return useStore(useContext(PresenceContext), selector);
}
