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
};

export function resolveLimits(overrides: Partial<HostLimits> = {}): HostLimits {
  return { ...DEFAULT_HOST_LIMITS, ...overrides };
}
