import { CLOSE } from '../../../shared/protocol/room-wire';
import type { HostLimits } from '../host-limits';
import path from 'node:path';
import { HostUsage } from './host-usage';
import type { ReadRetry } from './read-retry';
import { Room } from './room';
import { readAccess, roomDir, roomKnown, writeAccess, type RoomAccess } from './room-storage';
import { SaveTroubleLog } from './save-trouble';

export interface ClaimKeys {
  authKey: Uint8Array;
  adminKey: Uint8Array;
}

/** A claim as the registry sees it: the keys, and whether the claimant may create rooms here. */
export interface RoomClaim {
  keys: ClaimKeys;
  /** The facilitator's own computer (loopback) or an address the operator allowed. */
  mayCreate: boolean;
  /** For the log: who claimed. */
  from: string;
}

/** A new room needs space to be of any use; refused when less than this is left of the disk quota. */
const NEW_ROOM_RESERVE_BYTES = 64 * 1024;

/** How often refused claims are logged at most (a flood must not flood the log too). */
const REFUSAL_LOG_INTERVAL_MS = 10_000;

/**
 * Active rooms in memory, loaded from disk on first use and unloaded (after a final save) some
 * seconds after the last socket leaves. Opening a room is serialised per id, so two sockets that
 * arrive together share one load, and a claim cannot race a hello into two different rooms.
 * It also decides who may create a room and keeps the rooms and disk quotas.
 */
export class RoomRegistry {
  private readonly rooms = new Map<string, Room>();
  private readonly queues = new Map<string, Promise<unknown>>();
  private closed = false;
  private readonly usage: Promise<HostUsage>;
  private readonly retry: ReadRetry;
  /** Refusals not logged since the last logged one. */
  private refusals = { count: 0, lastLoggedAt: 0 };
  /** One for all rooms: a full disk fails them all at once. */
  private readonly trouble: SaveTroubleLog;

  constructor(
    private readonly dataDir: string,
    private readonly limits: HostLimits,
    private readonly log: (line: string) => void,
  ) {
    this.usage = HostUsage.scan(path.join(dataDir, 'rooms'));
    this.retry = { attempts: limits.readAttempts, firstDelayMs: limits.readRetryMs };
    this.trouble = new SaveTroubleLog(log);
  }

  /**
   * The room, or the CLOSE code that refuses this socket: UNKNOWN_ROOM without a claim,
   * CLAIM_REFUSED / TOO_MANY_ROOMS / HOST_DISK_FULL for a claim that may not create it.
   * Throws RoomReadError when its files cannot be read (after retries).
   */
  open(roomId: string, claim?: RoomClaim): Promise<Room | number> {
    return this.serialise(roomId, async () => {
      if (this.closed) return CLOSE.GOING_AWAY;
      const active = this.rooms.get(roomId);
      if (active) return active;
      const usage = await this.usage;
      const dir = roomDir(this.dataDir, roomId);
      let access: RoomAccess | null = await readAccess(dir, this.log, this.retry);
      if (access === null) {
        if (!claim) return CLOSE.UNKNOWN_ROOM;
        const known = await roomKnown(dir);
        if (!claim.mayCreate) {
          this.logRefusal(`Refused a claim for ${known ? 'existing' : 'new'} room ${roomId.slice(0, 6)}… from ${claim.from}: only the facilitator's computer may create rooms.`);
          return CLOSE.CLAIM_REFUSED;
        }
        if (!known && usage.rooms >= this.limits.roomsPerHost) {
          this.logRefusal(`Refused a new room: this host already keeps ${usage.rooms} rooms (limit ${this.limits.roomsPerHost}, see --max-rooms).`);
          return CLOSE.TOO_MANY_ROOMS;
        }
        if (!known && usage.bytes + NEW_ROOM_RESERVE_BYTES > this.limits.diskBytes) {
          this.logRefusal(`Refused a new room: the rooms use ${usage.bytes} bytes (limit ${this.limits.diskBytes}, see --max-disk-mb).`);
          return CLOSE.HOST_DISK_FULL;
        }
        access = { authKey: claim.keys.authKey, adminKey: claim.keys.adminKey, createdAt: new Date().toISOString() };
        // Counted before the write: claims for other ids run meanwhile and must see this one.
        if (!known) usage.rooms++;
        try {
          usage.add(await writeAccess(dir, access));
        } catch (error) {
          if (!known) usage.rooms--;
          throw error;
        }
        this.log(known ? `Room ${roomId.slice(0, 6)}…: access file restored from the facilitator's claim.` : `Room ${roomId.slice(0, 6)}… created.`);
      }
      const room = new Room(roomId, dir, access, this.limits, this.log, (idle) => void this.unload(idle), usage, this.trouble);
      try {
        await room.load();
      } catch (error) {
        room.destroy();
        throw error;
      }
      this.rooms.set(roomId, room);
      // Armed now and cleared by the first join: a socket that fails its proof leaves no room behind.
      room.scheduleUnload();
      return room;
    });
  }

  /** True if the room is on disk or in memory (without loading its doc). */
  async exists(roomId: string): Promise<boolean> {
    if (this.rooms.has(roomId)) return true;
    return roomKnown(roomDir(this.dataDir, roomId));
  }

  /** Rooms kept and bytes used on disk (what the quotas count). */
  async usageNow(): Promise<{ rooms: number; bytes: number }> {
    const usage = await this.usage;
    return { rooms: usage.rooms, bytes: usage.bytes };
  }

  get activeRoomIds(): string[] {
    return [...this.rooms.keys()];
  }

  get(roomId: string): Room | undefined {
    return this.rooms.get(roomId);
  }

  /** Saves every room and drops them from memory (host shutdown). */
  async closeAll(): Promise<void> {
    this.closed = true;
    // Opens and unloads already under way finish first: they may still be writing a room's files,
    // and a room they add must be saved and closed below, not left running after the host stops.
    await Promise.all([...this.queues.values()]);
    const rooms = [...this.rooms.values()];
    this.rooms.clear();
    await Promise.all(
      rooms.map(async (room) => {
        await room.flush();
        if (room.hasUnsavedChanges) this.log(`Room ${room.id.slice(0, 6)}… could not be saved before stopping; the participants' devices still hold it.`);
        room.destroy();
      }),
    );
  }

  private logRefusal(line: string): void {
    const now = Date.now();
    if (now - this.refusals.lastLoggedAt < REFUSAL_LOG_INTERVAL_MS) {
      this.refusals.count++;
      return;
    }
    const more = this.refusals.count > 0 ? ` (and ${this.refusals.count} more refusals since the last such line)` : '';
    this.refusals = { count: 0, lastLoggedAt: now };
    this.log(`${line}${more}`);
  }

  private unload(room: Room): Promise<void> {
    return this.serialise(room.id, async () => {
      if (this.rooms.get(room.id) !== room || room.size > 0) return;
      await room.flush();
      // Someone may have joined while we were writing; then the room stays.
      if (room.size > 0) return;
      // Never drop the only copy of an edit the disk refused: keep it, try again later.
      if (room.hasUnsavedChanges) {
        room.scheduleUnload();
        return;
      }
      this.rooms.delete(room.id);
      room.destroy();
    });
  }

  private serialise<T>(roomId: string, task: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(roomId) ?? Promise.resolve();
    const next = previous.then(task, task);
    const settled = next.catch(() => undefined);
    this.queues.set(roomId, settled);
    void settled.then(() => {
      if (this.queues.get(roomId) === settled) this.queues.delete(roomId);
    });
    return next;
  }
}
