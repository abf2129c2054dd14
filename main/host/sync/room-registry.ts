import type { HostLimits } from '../host-limits';
import { Room } from './room';
import { readAccess, roomDir, writeAccess, type RoomAccess } from './room-storage';

export interface ClaimKeys {
  authKey: Uint8Array;
  adminKey: Uint8Array;
}

/**
 * Active rooms in memory, loaded from disk on first use and unloaded (after a final save) some
 * seconds after the last socket leaves. Opening a room is serialised per id, so two sockets that
 * arrive together share one load, and a claim cannot race a hello into two different rooms.
 */
export class RoomRegistry {
  private readonly rooms = new Map<string, Room>();
  private readonly queues = new Map<string, Promise<unknown>>();
  private closed = false;

  constructor(
    private readonly dataDir: string,
    private readonly limits: HostLimits,
    private readonly log: (line: string) => void,
  ) {}

  /** The room, or null if it is unknown here and `claim` is not given. */
  open(roomId: string, claim?: ClaimKeys): Promise<Room | null> {
    return this.serialise(roomId, async () => {
      if (this.closed) return null;
      const active = this.rooms.get(roomId);
      if (active) return active;
      const dir = roomDir(this.dataDir, roomId);
      let access: RoomAccess | null = await readAccess(dir, this.log);
      if (access === null) {
        if (!claim) return null;
        access = { authKey: claim.authKey, adminKey: claim.adminKey, createdAt: new Date().toISOString() };
        await writeAccess(dir, access);
        this.log(`Room ${roomId.slice(0, 6)}… created.`);
      }
      const room = new Room(roomId, dir, access, this.limits, this.log, (idle) => void this.unload(idle));
      await room.load();
      this.rooms.set(roomId, room);
      // Armed now and cleared by the first join: a socket that fails its proof leaves no room behind.
      room.scheduleUnload();
      return room;
    });
  }

  /** True if the room is on disk or in memory (without loading its doc). */
  async exists(roomId: string): Promise<boolean> {
    if (this.rooms.has(roomId)) return true;
    return (await readAccess(roomDir(this.dataDir, roomId), this.log)) !== null;
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
