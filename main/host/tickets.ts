import { randomBytes } from 'node:crypto';
import { CLOSE } from '../../shared/protocol/room-wire';

/** Ticket lifetime: one workshop day. Rotating the code revokes them earlier. */
const TICKET_TTL_MS = 12 * 60 * 60 * 1000;

export interface TicketLimits {
  /** Past this, a room's oldest unused ticket makes way for a new one of the same room. */
  perRoom: number;
  /** Past this, the oldest unused ticket of the room holding the most goes. */
  total: number;
  ttlMs?: number;
}

interface TicketEntry {
  roomId: string;
  expiresAt: number;
  /** Close functions of the signaling sockets that connected with this ticket. */
  holders: Set<(code: number) => void>;
  /** /sync sockets that were welcomed with this ticket and are still open (0 or 1). */
  live: number;
}

/**
 * Signaling tickets, shared in memory by /sync (issues them after a valid proof) and /signal
 * (admits only their holders). A ticket is bound to one room and is useless anywhere else.
 *
 * A ticket in use — its /sync socket still open, or a signaling socket attached — is never
 * evicted: caps make room only by dropping unused ones, first within the issuing room, so a
 * flood of joins (in a room of one's own, say) cannot cost anyone else their signaling.
 * Tickets in use are bounded anyway, by the connection limits.
 */
export class TicketStore {
  /** roomId → that room's tickets, oldest first (Map keeps insertion order). */
  private readonly rooms = new Map<string, Map<string, TicketEntry>>();
  private readonly byTicket = new Map<string, TicketEntry>();
  private readonly ttlMs: number;

  constructor(
    private readonly limits: TicketLimits = { perRoom: 512, total: 20_000 },
    private readonly now: () => number = Date.now,
  ) {
    this.ttlMs = limits.ttlMs ?? TICKET_TTL_MS;
  }

  /**
   * A new ticket for `roomId`, in use until `release` (call it when the /sync socket that got
   * it closes; the ticket then stays valid for signaling reconnects until it expires or is revoked).
   */
  issue(roomId: string): { ticket: string; release: () => void } {
    this.makeRoom(roomId);
    // 192 random bits, base64url: unguessable and safe in a query string.
    const ticket = randomBytes(24).toString('base64url');
    const entry: TicketEntry = { roomId, expiresAt: this.now() + this.ttlMs, holders: new Set(), live: 1 };
    this.byTicket.set(ticket, entry);
    let room = this.rooms.get(roomId);
    if (!room) {
      room = new Map();
      this.rooms.set(roomId, room);
    }
    room.set(ticket, entry);
    let released = false;
    return {
      ticket,
      release: () => {
        if (released) return;
        released = true;
        entry.live--;
      },
    };
  }

  /** The ticket's room, or null if it is unknown, expired or revoked. */
  roomOf(ticket: string | null | undefined): string | null {
    if (typeof ticket !== 'string') return null;
    const entry = this.byTicket.get(ticket);
    if (!entry) return null;
    if (entry.expiresAt <= this.now()) {
      if (!inUse(entry)) this.delete(ticket, entry);
      return null;
    }
    return entry.roomId;
  }

  /** Registers a socket opened with `ticket`, so revoking the ticket closes it. Returns a detach function. */
  attach(ticket: string, close: (code: number) => void): () => void {
    const entry = this.byTicket.get(ticket);
    if (!entry) {
      close(CLOSE.CODE_CHANGED);
      return () => undefined;
    }
    entry.holders.add(close);
    return () => entry.holders.delete(close);
  }

  revoke(ticket: string, code: number): void {
    const entry = this.byTicket.get(ticket);
    if (!entry) return;
    this.delete(ticket, entry);
    for (const close of entry.holders) close(code);
  }

  /** Revokes every ticket of the room except `keep` (the rotating facilitator's own). */
  revokeRoom(roomId: string, code: number, keep?: string): void {
    for (const ticket of [...(this.rooms.get(roomId)?.keys() ?? [])]) {
      if (ticket !== keep) this.revoke(ticket, code);
    }
  }

  get size(): number {
    return this.byTicket.size;
  }

  /** Tickets of one room (for tests and diagnostics). */
  sizeOf(roomId: string): number {
    return this.rooms.get(roomId)?.size ?? 0;
  }

  /** Before issuing for `roomId`: expired unused tickets go, then unused ones past the caps. */
  private makeRoom(roomId: string): void {
    this.purgeExpired();
    const room = this.rooms.get(roomId);
    if (room && room.size >= this.limits.perRoom) this.evictOldestUnused(roomId);
    if (this.byTicket.size >= this.limits.total) {
      // The room holding the most tickets is the one flooding, and only it pays: if all of its
      // tickets are in use the store grows (bounded by the connection limits) rather than
      // taking a quieter room's ticket that a participant may be about to reconnect with.
      let biggest: string | undefined;
      let most = 0;
      for (const [id, tickets] of this.rooms) {
        if (tickets.size > most) {
          most = tickets.size;
          biggest = id;
        }
      }
      if (biggest !== undefined) this.evictOldestUnused(biggest);
    }
  }

  private evictOldestUnused(roomId: string): boolean {
    for (const [ticket, entry] of this.rooms.get(roomId) ?? []) {
      if (!inUse(entry)) {
        this.delete(ticket, entry);
        return true;
      }
    }
    return false;
  }

  private purgeExpired(): void {
    const now = this.now();
    for (const [ticket, entry] of this.byTicket) {
      if (entry.expiresAt <= now && !inUse(entry)) this.delete(ticket, entry);
    }
  }

  private delete(ticket: string, entry: TicketEntry): void {
    this.byTicket.delete(ticket);
    const room = this.rooms.get(entry.roomId);
    room?.delete(ticket);
    if (room?.size === 0) this.rooms.delete(entry.roomId);
  }
}

function inUse(entry: TicketEntry): boolean {
  return entry.live > 0 || entry.holders.size > 0;
}
