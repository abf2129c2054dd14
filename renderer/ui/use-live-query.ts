import { liveQuery } from 'dexie';
import { useEffect, useState } from 'react';

/** Subscribes to a Dexie query; re-renders when the rows change, in this tab or another. */
export function useLiveQuery<T>(query: () => Promise<T>, deps: readonly unknown[]): { value: T | undefined; error: unknown } {
  const [state, setState] = useState<{ value: T | undefined; error: unknown }>({ value: undefined, error: null });
  useEffect(() => {
    const subscription = liveQuery(query).subscribe({
      next: (value) => setState({ value, error: null }),
      error: (error: unknown) => setState((s) => ({ value: s.value, error })),
    });
    return () => subscription.unsubscribe();
  }, deps);
  return state;
}
