import * as Y from 'yjs';

/**
 * Collects doc updates and hands them on merged. Never sends from inside `push`: that runs inside
 * the editing transaction, before y-webrtc's own send on the editing peer and before React sees a
 * remote edit on a receiving one. With no delay the batch leaves at the end of the current task
 * (a microtask: a paste or several edits in one handler become one message); with a delay, at
 * most that long after the first update of the batch.
 */
export class UpdateBatcher {
  private pending: Uint8Array[] = [];
  private microtaskQueued = false;
  private delayMs = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly send: (update: Uint8Array) => void) {}

  get size(): number {
    return this.pending.length;
  }

  push(update: Uint8Array): void {
    this.pending.push(update);
    if (this.delayMs > 0) {
      this.timer ??= setTimeout(this.flush, this.delayMs);
      return;
    }
    this.flushAfterTask();
  }

  /**
   * An update is on its way: its transaction is about to call the doc's observers, which schedule
   * React's render in a microtask of their own. Reserving the send's microtask now puts it ahead of
   * that render, so the others are not kept waiting while this page draws the change (a new note
   * and its editor). Updates pushed before the microtask runs still leave as one message.
   */
  expect(): void {
    if (this.delayMs === 0) this.flushAfterTask();
  }

  /** A new delay; going back to 0 sends what was waiting now. */
  setDelay(ms: number): void {
    if (ms === this.delayMs) return;
    this.delayMs = ms;
    if (ms === 0 && this.timer) this.flush();
  }

  /** Forgets what was waiting (its connection is gone; the next sync exchange carries it). */
  drop(): void {
    this.pending = [];
    this.clearTimer();
  }

  readonly flush = (): void => {
    this.microtaskQueued = false;
    this.clearTimer();
    const updates = this.pending;
    this.pending = [];
    if (updates.length === 0) return;
    this.send(updates.length === 1 ? (updates[0] as Uint8Array) : Y.mergeUpdates(updates));
  };

  private flushAfterTask(): void {
    if (this.microtaskQueued) return;
    this.microtaskQueued = true;
    queueMicrotask(this.flush);
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
