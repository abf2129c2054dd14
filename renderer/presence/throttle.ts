export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface Throttled<T> {
  /** Sends at once if the interval has passed, otherwise keeps only the latest value for later. */
  push(value: T): void;
  /** Drops a value waiting to be sent (e.g. the pointer left: the next send is `null`). */
  cancel(): void;
}

/**
 * Leading + trailing throttle: the first value goes out at once, then at most one per interval,
 * and the last value of a burst is never lost.
 */
export function throttle<T>(send: (value: T) => void, intervalMs: number, clock: Clock = realClock): Throttled<T> {
  let lastSent = -Infinity;
  let timer: unknown = null;
  let pending: { value: T } | null = null;

  const fire = () => {
    timer = null;
    if (!pending) return;
    const { value } = pending;
    pending = null;
    lastSent = clock.now();
    send(value);
  };

  return {
    push(value) {
      pending = { value };
      if (timer !== null) return;
      const wait = lastSent + intervalMs - clock.now();
      if (wait <= 0) fire();
      else timer = clock.setTimeout(fire, wait);
    },
    cancel() {
      pending = null;
      if (timer !== null) clock.clearTimeout(timer);
      timer = null;
    },
  };
}
