import { randomBytes } from 'node:crypto';
import { CLOSE } from '../../shared/protocol/room-wire';

/** Ticket lifetime: one workshop day. Rotating the code revokes them earlier. */
const TICKET_TTL_MS = 12 * 60 * 60 * 1000;
const MAX_TICKETS = 20_000;

interface TicketEntry {
  roomId: string;
  expiresAt: number;
  /** Close functions of the signaling sockets that connected with this ticket. */
  holders: Set<(code: number) => void>;
}

/**
 * Signaling tickets, shared in memory by /sync (issues them after a valid proof) and /signal
 * (admits only their holders). A ticket is bound to one room and is useless anywhere else.
 */
export class TicketStore {
  private readonly tickets = new Map<string, TicketEntry>();

  constructor(private readonly now: () => number = Date.now) {}

  issue(roomId: string): string {
    this.purge();
    // 192 random bits, base64url: unguessable and safe in a query string.
    const ticket = randomBytes(24).toString('base64url');
    this.tickets.set(ticket, { roomId, expiresAt: this.now() + TICKET_TTL_MS, holders: new Set() });
    return ticket;
  }

  /** The ticket's room, or null if it is unknown, expired or revoked. */
  roomOf(ticket: string | null | undefined): string | null {
    if (typeof ticket !== 'string') return null;
    const entry = this.tickets.get(ticket);
    if (!entry) return null;
    if (entry.expiresAt <= this.now()) {
      this.tickets.delete(ticket);
      return null;
    }
    return entry.roomId;
  }

  /** Registers a socket opened with `ticket`, so revoking the ticket closes it. Returns a detach function. */
  attach(ticket: string, close: (code: number) => void): () => void {
    const entry = this.tickets.get(ticket);
    if (!entry) {
      close(CLOSE.CODE_CHANGED);
      return () => undefined;
    }
    entry.holders.add(close);
    return () => entry.holders.delete(close);
  }

  revoke(ticket: string, code: number): void {
    const entry = this.tickets.get(ticket);
    if (!entry) return;
    this.tickets.delete(ticket);
    for (const close of entry.holders) close(code);
  }

  /** Revokes every ticket of the room except `keep` (the rotating facilitator's own). */
  revokeRoom(roomId: string, code: number, keep?: string): void {
    for (const [ticket, entry] of [...this.tickets]) {
      if (entry.roomId === roomId && ticket !== keep) this.revoke(ticket, code);
    }
  }

  get size(): number {
    return this.tickets.size;
  }

  private purge(): void {
    const now = this.now();
    for (const [ticket, entry] of this.tickets) {
      if (entry.expiresAt <= now && entry.holders.size === 0) this.tickets.delete(ticket);
    }
    // Past the cap, the oldest tickets go first (Map keeps insertion order).
    for (const ticket of this.tickets.keys()) {
      if (this.tickets.size < MAX_TICKETS) break;
      this.tickets.delete(ticket);
    }
  }
}
