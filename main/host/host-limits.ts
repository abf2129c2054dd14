import { LIMITS } from '../../shared/protocol/room-wire';

/**
 * The wire limits from room-wire.ts plus the host's own timings. Tests shrink them (a rate limit
 * of 20 per minute is slow to hit); production always uses the defaults.
 */
export interface HostLimits {
  syncMessageBytes: number;
  signalMessageBytes: number;
  signalTopicsPerConnection: number;
  connectionsPerRoom: number;
  connectionsPerAddress: number;
  failedProofsPerMinute: number;
  signalMessagesPerSecond: number;
  handshakeTimeoutMs: number;
  heartbeatMs: number;
  /** Batch doc writes: a burst of typing becomes one write. */
  saveDebounceMs: number;
  /** After a failed write (disk full), try again this much later; the room stays in memory. */
  saveRetryMs: number;
  /** Keep an empty room in memory this long: a participant reloading the page is back in seconds. */
  unloadDelayMs: number;
  /** Text frames (handshake, admin) are tiny; anything bigger is an attack or a bug. */
  controlMessageBytes: number;
  /** Largest frame /sync reads before `welcome` (a claim is ~1.5 KB); bigger is refused at its header. */
  handshakeFrameBytes: number;
  /** Bytes a /sync socket may send in all before `welcome`; past it the connection is cut. */
  handshakeBytesPerSocket: number;
  /** /sync sockets still in the handshake, per remote address and in total (past them: HTTP 429 / 503). */
  handshakesPerAddress: number;
  handshakesTotal: number;
  /** Signaling tickets kept per room and in total; only unused ones are ever evicted (tickets.ts). */
  ticketsPerRoom: number;
  ticketsTotal: number;
  /** Rooms kept on this host; a claim for one more is refused (CLOSE.TOO_MANY_ROOMS). */
  roomsPerHost: number;
  /** One room's document on disk; an update that would pass it is refused (CLOSE.ROOM_TOO_LARGE). */
  roomBytes: number;
  /** All rooms together on disk; past it updates and new rooms are refused (CLOSE.HOST_DISK_FULL). */
  diskBytes: number;
  /** Compact a room's update log in the background once it is larger than this and than its snapshot. */
  compactLogBytes: number;
  /** A room file that fails to read (other than "not found") is tried this often in all … */
  readAttempts: number;
  /** … waiting this long before the second try, doubling each time. */
  readRetryMs: number;
}

export const DEFAULT_HOST_LIMITS: HostLimits = {
  ...LIMITS,
  saveDebounceMs: 500,
  saveRetryMs: 5_000,
  unloadDelayMs: 10_000,
  controlMessageBytes: 16 * 1024,
  handshakeFrameBytes: 4 * 1024,
  handshakeBytesPerSocket: 16 * 1024,
  handshakesPerAddress: 16,
  handshakesTotal: 128,
  ticketsPerRoom: 512,
  ticketsTotal: 20_000,
  roomsPerHost: 500,
  roomBytes: 32 * 1024 * 1024,
  diskBytes: 2 * 1024 * 1024 * 1024,
  compactLogBytes: 1024 * 1024,
  readAttempts: 4,
  readRetryMs: 100,
};

export function resolveLimits(overrides: Partial<HostLimits> = {}): HostLimits {
  return { ...DEFAULT_HOST_LIMITS, ...overrides };
}
