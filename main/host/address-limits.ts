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
  /** Attempts being checked right now (proofs awaiting their HMAC, rooms loading from disk). */
  private readonly pending = new Map<string, number>();

  constructor(
    private readonly limit: number,
    private readonly windowMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  isBlocked(key: string): boolean {
    return this.recent(key).length >= this.limit;
  }

  /**
   * Reserves one attempt synchronously, before the caller's first await, so attempts in flight
   * count against the limit too (64 proofs sent at once would otherwise all be checked). Null when
   * failures plus attempts in progress already reach the limit. The returned function ends the
   * attempt: `failed` records it as a failure; call it exactly once (later calls do nothing).
   */
  begin(key: string): ((failed: boolean) => void) | null {
    const inFlight = this.pending.get(key) ?? 0;
    if (this.recent(key).length + inFlight >= this.limit) return null;
    this.pending.set(key, inFlight + 1);
    let done = false;
    return (failed) => {
      if (done) return;
      done = true;
      const left = (this.pending.get(key) ?? 1) - 1;
      if (left <= 0) this.pending.delete(key);
      else this.pending.set(key, left);
      if (failed) this.record(key);
    };
  }

  /** Failures in the current window (for log lines). */
  count(key: string): number {
    return this.recent(key).length;
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

export type HandshakeRefusal = 'address' | 'total';

interface HandshakeSlot {
  release(): void;
  evict(): void;
}

/**
 * Sockets in the handshake (upgraded, no proof yet), per address and in total. An unauthenticated
 * peer can hold one only until the handshake timeout, and only this many at once, so a flood
 * cannot pin the host's memory. When all are taken, the address holding the most gives up its
 * oldest to a newcomer: a device that starts one handshake gets in unless every slot belongs to a
 * different address, so filling the host from a few addresses does not lock participants out.
 */
export class HandshakeSlots {
  /** address → its slots, oldest first. */
  private readonly byAddress = new Map<string, HandshakeSlot[]>();
  private total = 0;

  constructor(
    private readonly addressLimit: number,
    private readonly totalLimit: number,
  ) {}

  /**
   * A release function (idempotent), or why there is no slot. `evict` is called (after the slot
   * is released) if a newcomer takes this slot over; it should drop the connection.
   */
  acquire(address: string, evict: () => void = () => undefined): (() => void) | HandshakeRefusal {
    const own = this.byAddress.get(address) ?? [];
    if (own.length >= this.addressLimit) return 'address';
    if (this.total >= this.totalLimit && !this.evictFromBiggest(own.length)) return 'total';
    let released = false;
    const slot: HandshakeSlot = {
      release: () => {
        if (released) return;
        released = true;
        this.total--;
        const list = this.byAddress.get(address) ?? [];
        const left = list.filter((s) => s !== slot);
        if (left.length === 0) this.byAddress.delete(address);
        else this.byAddress.set(address, left);
      },
      evict,
    };
    this.byAddress.set(address, [...own, slot]);
    this.total++;
    return slot.release;
  }

  get inUse(): number {
    return this.total;
  }

  /** Frees the oldest slot of the address holding the most, if it holds at least two more than `ownCount`. */
  private evictFromBiggest(ownCount: number): boolean {
    let victim: HandshakeSlot[] | undefined;
    for (const list of this.byAddress.values()) if (!victim || list.length > victim.length) victim = list;
    const oldest = victim?.[0];
    if (!victim || !oldest || victim.length <= ownCount + 1) return false;
    oldest.release();
    oldest.evict();
    return true;
  }
}
