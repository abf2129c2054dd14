/**
 * Counters keyed by remote address: open connections (one laptop may not hog the host) and
 * failed join-code proofs (a 50-bit code is safe only while guessing is slow).
 */
export class ConnectionCounter {
  private readonly counts = new Map<string, number>();

  constructor(private readonly limit: number) {}

  /** Returns a release function, or null when the address already has `limit` connections. */
  acquire(address: string): (() => void) | null {
    const count = this.counts.get(address) ?? 0;
    if (count >= this.limit) return null;
    this.counts.set(address, count + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const now = (this.counts.get(address) ?? 1) - 1;
      if (now <= 0) this.counts.delete(address);
      else this.counts.set(address, now);
    };
  }
}

/** Sliding one-minute window of failures per address. */
export class FailureWindow {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  isBlocked(key: string): boolean {
    return this.recent(key).length >= this.limit;
  }

  record(key: string): void {
    const list = this.recent(key);
    list.push(this.now());
    this.failures.set(key, list);
    // Bound memory against many spoofed-looking sources: drop keys whose window has passed.
    if (this.failures.size > 10_000) {
      for (const k of this.failures.keys()) if (this.recent(k).length === 0) this.failures.delete(k);
    }
  }

  private recent(key: string): number[] {
    const cutoff = this.now() - this.windowMs;
    const list = (this.failures.get(key) ?? []).filter((t) => t > cutoff);
    if (list.length === 0) this.failures.delete(key);
    else this.failures.set(key, list);
    return list;
  }
}

/** Fixed one-second buckets: cheap enough to run on every signaling message. */
export class PerSecondLimiter {
  private windowStart = 0;
  private count = 0;

  constructor(
    private readonly limit: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** False once more than `limit` messages arrived in the current second. */
  allow(): boolean {
    const t = this.now();
    if (t - this.windowStart >= 1000) {
      this.windowStart = t;
      this.count = 0;
    }
    this.count++;
    return this.count <= this.limit;
  }
}
