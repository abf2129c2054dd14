/**
 * A log an attacker cannot flood: at most `perWindow` lines per window, then one line saying how
 * many were left out. Used for lines a remote peer can trigger (wrong proofs, bad messages,
 * uncaught errors).
 */
export class RateLimitedLog {
  private windowStart = Number.NEGATIVE_INFINITY;
  private written = 0;
  private suppressed = 0;

  constructor(
    private readonly log: (line: string) => void,
    private readonly perWindow = 20,
    private readonly windowMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  write(line: string): void {
    const t = this.now();
    if (t - this.windowStart >= this.windowMs) {
      if (this.suppressed > 0) this.log(`(${this.suppressed} similar lines left out in the last ${Math.round(this.windowMs / 1000)} s)`);
      this.windowStart = t;
      this.written = 0;
      this.suppressed = 0;
    }
    if (this.written < this.perWindow) {
      this.written++;
      this.log(line);
    } else {
      this.suppressed++;
    }
  }
}
