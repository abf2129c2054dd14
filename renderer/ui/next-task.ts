/**
 * Deferring work so what a person must see now is painted first and the rest of the bookkeeping
 * follows. A MessageChannel rather than setTimeout(0), which browsers clamp to 1–4 ms and slow
 * down further in background tabs.
 */
const queue: (() => void)[] = [];
let channel: MessageChannel | null = null;

function runAll(fns: (() => void)[]): void {
  for (const fn of fns) {
    try {
      fn();
    } catch (error) {
      // One failing callback must not starve the others; the error still reaches the console.
      setTimeout(() => {
        throw error;
      });
    }
  }
}

/** Runs `fn` in a task of its own right after the current one. */
export function inNextTask(fn: () => void): void {
  queue.push(fn);
  if (queue.length > 1) return;
  if (!channel) {
    channel = new MessageChannel();
    channel.port1.onmessage = () => runAll(queue.splice(0));
  }
  channel.port2.postMessage(0);
}

const afterPaint: (() => void)[] = [];
/** A hidden tab gets no animation frames: the work still runs, this long after it was asked for. */
const HIDDEN_TAB_FALLBACK_MS = 100;

/**
 * Runs `fn` in a task right after the browser's next frame: the current task's DOM writes are
 * painted, and whatever the network layer queued meanwhile (an encrypted keystroke ready to leave)
 * has gone, before this work starts. Calls made before that frame run together.
 */
export function afterNextPaint(fn: () => void): void {
  afterPaint.push(fn);
  if (afterPaint.length > 1) return;
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    clearTimeout(fallback);
    runAll(afterPaint.splice(0));
  };
  const fallback = setTimeout(run, HIDDEN_TAB_FALLBACK_MS);
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => inNextTask(run));
}
