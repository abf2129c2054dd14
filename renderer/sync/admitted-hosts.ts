import { isLoopbackHostname } from '../../shared/protocol/loopback';

/**
 * Which hosts have admitted this device to which sessions, kept across restarts of the app.
 * The facilitator's app hands a session's keys to a host only when the host says it does not
 * know the session (room-wire.ts, claim); after a host has once admitted us that answer is more
 * likely an impostor's than the truth. Remembering it only in memory left the first connection
 * after every restart of the app open to that lie.
 */
export interface AdmissionMemory {
  /** This host admitted this device to this session before (now or in an earlier run). */
  known(): boolean;
  remember(): void;
  /** The facilitator confirmed that the host really started over: it may be given the keys again. */
  forget(): void;
}

const KEY = 'transition-lab.admittedBy';
/** A facilitator's whole career of sessions fits; the oldest entry goes first past it. */
export const ADMISSIONS_KEPT = 500;
/** An origin and a session id are both short; anything longer was not written by us. */
const ENTRY_MAX_CHARS = 400;

type Store = Pick<Storage, 'getItem' | 'setItem'>;

/**
 * Nothing is remembered for a host on this computer (the app's own): only a program already
 * running on the laptop could answer in its place, and a host whose data folder was reset
 * then gets the session back without anyone having to confirm.
 */
export function admissionMemory(
  hostUrl: string,
  roomId: string,
  storage: Store | undefined = globalThis.localStorage,
  warn: (line: string) => void = console.warn,
): AdmissionMemory {
  let origin: URL;
  try {
    origin = new URL(hostUrl);
  } catch {
    return inMemoryAdmission();
  }
  if (!storage || isLoopbackHostname(origin.hostname)) return inMemoryAdmission();
  const entry = `${origin.origin} ${roomId}`;
  const read = (): string[] => readEntries(storage, warn);
  const write = (entries: string[]): void => {
    try {
      storage.setItem(KEY, JSON.stringify(entries.slice(-ADMISSIONS_KEPT)));
    } catch {
      // Storage full or refused: remembered for this run only, as before.
    }
  };
  let inMemory = false;
  return {
    known: () => inMemory || read().includes(entry),
    remember: () => {
      inMemory = true;
      const entries = read().filter((e) => e !== entry);
      write([...entries, entry]);
    },
    forget: () => {
      inMemory = false;
      write(read().filter((e) => e !== entry));
    },
  };
}

/** Remembered for as long as the caller keeps it (one session's connection). */
export function inMemoryAdmission(): AdmissionMemory {
  let admitted = false;
  return {
    known: () => admitted,
    remember: () => {
      admitted = true;
    },
    forget: () => {
      admitted = false;
    },
  };
}

function readEntries(storage: Store, warn: (line: string) => void): string[] {
  const raw = storage.getItem(KEY);
  if (raw === null) return [];
  try {
    const parsed: unknown = JSON.parse(raw);
    if (!Array.isArray(parsed)) throw new Error('not a list');
    return parsed.filter((e): e is string => typeof e === 'string' && e.length <= ENTRY_MAX_CHARS).slice(-ADMISSIONS_KEPT);
  } catch (error) {
    // Damaged (or written by something else): no host counts as known, which is how it was before.
    warn(`Ignored the list of hosts that admitted this device (${(error as Error).message}).`);
    return [];
  }
}
