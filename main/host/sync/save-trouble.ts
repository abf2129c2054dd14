import { diskErrorReason } from '../data-dir';
import { RateLimitedLog } from '../rate-limited-log';

/**
 * The host's log lines about room files it cannot write. A full or read-only disk fails every
 * write of every room, every few seconds, for as long as it lasts: the operator needs one line
 * that says what is wrong and that nothing is lost yet, then one when saving works again.
 */
export class SaveTroubleLog {
  private readonly failures: RateLimitedLog;
  private readonly recoveries: RateLimitedLog;

  constructor(log: (line: string) => void, windowMs = 60_000, now: () => number = Date.now) {
    this.failures = new RateLimitedLog(log, 1, windowMs, now);
    this.recoveries = new RateLimitedLog(log, 1, windowMs, now);
  }

  failed(room: string, error: unknown, retryMs: number): void {
    this.failures.write(
      `Cannot save room ${room}: ${diskErrorReason(error)}. Rooms keep syncing in memory and on the participants' devices; retrying every ${Math.round(retryMs / 1000)} s. Free space or make the data folder writable.`,
    );
  }

  recovered(room: string): void {
    this.recoveries.write(`Room ${room} is saved again.`);
  }
}
