import { promises as fs } from 'node:fs';

export interface ReadRetry {
  /** Tries in all (the first one included). */
  attempts: number;
  /** Wait before the second try; doubled for every further one. */
  firstDelayMs: number;
}

/** A room file could not be read after every retry; the join is refused with "try again later". */
export class RoomReadError extends Error {
  override readonly name = 'RoomReadError';
}

/**
 * Runs a read, retrying errors other than "not found" with exponential backoff: a busy network
 * drive or a USB stick that wakes up slowly should cost one slow join, not every join for good.
 * null when the file or folder does not exist. Every failure is logged (the operator sees why
 * joins are slow or refused); the last one throws RoomReadError.
 */
export async function readRetrying<T>(
  read: () => Promise<T>,
  retry: ReadRetry,
  log: (line: string) => void,
  label: string,
): Promise<T | null> {
  let delay = retry.firstDelayMs;
  for (let attempt = 1; ; attempt++) {
    try {
      return await read();
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return null;
      const reason = (error as Error).message;
      if (attempt >= retry.attempts) {
        log(`Could not read ${label} after ${attempt} attempts (${reason}); joins to this room are refused with "try again later" until it can be read.`);
        throw new RoomReadError(`${label}: ${reason}`, { cause: error });
      }
      log(`Could not read ${label} (${reason}); retrying in ${delay} ms.`);
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay *= 2;
    }
  }
}

export function readFileRetrying(file: string, retry: ReadRetry, log: (line: string) => void, label: string): Promise<Buffer | null> {
  return readRetrying(() => fs.readFile(file), retry, log, label);
}
