import { RateLimitedLog } from './rate-limited-log';

/** The part of `process` the guard needs; tests pass an EventEmitter. */
export interface ErrorEvents {
  on(event: 'uncaughtException', listener: (error: Error) => void): unknown;
  on(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown;
  off(event: 'uncaughtException', listener: (error: Error) => void): unknown;
  off(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown;
}

/**
 * Keeps the host process (and the desktop app's main process, which runs the host) serving after
 * an error nothing caught: one bad message must not end every room mid-workshop. Every handler
 * is meant to be total already; this is the net under them. Logs are rate-limited, since a
 * remote peer may be what triggers them. Returns a function that removes the guard.
 */
export function installCrashGuard(events: ErrorEvents, log: (line: string) => void, options: { perMinute?: number } = {}): () => void {
  const limited = new RateLimitedLog(log, options.perMinute ?? 20);
  const onException = (error: Error): void => limited.write(`Uncaught error (still serving): ${describe(error)}`);
  const onRejection = (reason: unknown): void => limited.write(`Unhandled rejection (still serving): ${describe(reason)}`);
  events.on('uncaughtException', onException);
  events.on('unhandledRejection', onRejection);
  return () => {
    events.off('uncaughtException', onException);
    events.off('unhandledRejection', onRejection);
  };
}

function describe(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}${error.stack ? `\n${firstFrames(error.stack)}` : ''}`;
  return String(error);
}

/** A few stack lines are enough to find the bug; a full stack per line would drown the log. */
function firstFrames(stack: string): string {
  return stack
    .split('\n')
    .filter((line) => line.trimStart().startsWith('at '))
    .slice(0, 4)
    .join('\n');
}
