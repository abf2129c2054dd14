import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { applyStoredUpdates, docFromStoredUpdates } from '../../../shared/model/stored-updates';
import { CLOSE, MESSAGE_QUERY_AWARENESS, type ServerText } from '../../../shared/protocol/room-wire';
import { awarenessFrame, readFrame, syncStep1Frame, updateFrame, type FrameRead } from '../../../shared/protocol/sync-frames';
import type { HostLimits } from '../host-limits';
import type { HostUsage } from './host-usage';
import { RoomFiles } from './room-files';
import type { SaveTroubleLog } from './save-trouble';
import { writeAccess, type RoomAccess } from './room-storage';

/** One authenticated /sync socket as the room sees it. */
export interface RoomConnection {
  readonly ticket: string;
  readonly admin: boolean;
  sendBinary(data: Uint8Array): void;
  sendText(message: ServerText): void;
  close(code: number): void;
}

/** Thrown for a frame the room cannot make sense of or refuses; the connection closes with `closeCode`. */
export class ProtocolError extends Error {
  override readonly name = 'ProtocolError';

  constructor(
    message: string,
    readonly closeCode: number = CLOSE.PROTOCOL,
  ) {
    super(message);
  }
}

/**
 * An active room: the host's replica of the session doc, the awareness of everyone connected,
 * and the sockets. Relays exactly like y-websocket's server: sync step 1/2 and updates through
 * y-protocols, awareness to every socket, and removes a socket's awareness states when it leaves.
 */
export class Room {
  readonly doc = new Y.Doc({ gc: true });
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  /** Socket → awareness client ids it controls (learned from its awareness updates). */
  readonly conns = new Map<RoomConnection, Set<number>>();

  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private unloadTimer: ReturnType<typeof setTimeout> | undefined;
  /** An update is in memory but not in the log (the append failed): a snapshot must be written. */
  private dirty = false;
  private saving: Promise<void> | undefined;
  /** The last access-file write (a code change), so a flush on shutdown waits for it. */
  private accessWrite: Promise<void> = Promise.resolve();
  private destroyed = false;
  /** Applying what load read: not an edit, so not appended again. */
  private loading = false;
  /**
   * The last write failed (disk full, read-only, refused): appends are not attempted (each would
   * leave a new empty log behind), a snapshot is retried instead, and the sockets are told.
   */
  private cannotSave = false;
  private readonly files: RoomFiles;

  constructor(
    readonly id: string,
    private readonly dir: string,
    public access: RoomAccess,
    private readonly limits: HostLimits,
    private readonly log: (line: string) => void,
    private readonly onIdle: (room: Room) => void,
    private readonly usage: HostUsage,
    private readonly trouble: SaveTroubleLog,
  ) {
    this.files = new RoomFiles(
      dir,
      `${id.slice(0, 6)}…`,
      { attempts: limits.readAttempts, firstDelayMs: limits.readRetryMs },
      log,
      (delta) => usage.add(delta),
    );
    // The host's own awareness state would show up as a phantom participant.
    this.awareness.setLocalState(null);
    this.doc.on('update', this.onDocUpdate);
    this.awareness.on('update', this.onAwarenessUpdate);
  }

  /**
   * Fills the doc from disk, verified (room-files.ts). Called once, before the first socket joins.
   * Throws RoomReadError when the files cannot be read even after retries.
   */
  async load(): Promise<void> {
    const loaded = await this.files.load();
    const { parts } = loaded;
    let needsCompaction = loaded.needsCompaction;
    this.loading = true;
    try {
      try {
        // One pass for the usual case; docFromStoredUpdates never half-fills a doc.
        const whole = docFromStoredUpdates({ updates: parts.flatMap((part) => part.updates), encoding: 'v1' });
        Y.applyUpdate(this.doc, Y.encodeStateAsUpdate(whole));
        whole.destroy();
      } catch {
        // Some file Yjs cannot read (checksums only vouch for what we wrote): find it, keep the rest.
        for (const part of parts) {
          try {
            docFromStoredUpdates({ updates: part.updates, encoding: 'v1' }).destroy();
            applyStoredUpdates(this.doc, { updates: part.updates, encoding: 'v1' });
          } catch {
            await this.files.reject(part.file);
            needsCompaction = true;
          }
        }
      }
    } finally {
      this.loading = false;
    }
    // Whatever was set aside or cut off is replaced now by one verified snapshot of what is left.
    if (needsCompaction) {
      this.dirty = true;
      await this.flush();
    }
  }

  get size(): number {
    return this.conns.size;
  }

  join(conn: RoomConnection): void {
    clearTimeout(this.unloadTimer);
    this.unloadTimer = undefined;
    this.conns.set(conn, new Set());
    // y-websocket server order: our step 1 (the client answers with what we lack), then awareness.
    conn.sendBinary(syncStep1Frame(this.doc));
    const states = this.awareness.getStates();
    if (states.size > 0) conn.sendBinary(this.awarenessMessage([...states.keys()]));
    if (this.cannotSave) conn.sendText({ t: 'storage', saving: false });
    this.broadcastPresence();
  }

  leave(conn: RoomConnection): void {
    const controlled = this.conns.get(conn);
    if (!controlled) return;
    this.conns.delete(conn);
    if (controlled.size > 0) awarenessProtocol.removeAwarenessStates(this.awareness, [...controlled], null);
    this.broadcastPresence();
    if (this.conns.size === 0) this.scheduleUnload();
  }

  /** Asks the registry to unload this room after a quiet period (re-armed if a save is pending). */
  scheduleUnload(): void {
    if (this.destroyed) return;
    clearTimeout(this.unloadTimer);
    this.unloadTimer = setTimeout(() => this.onIdle(this), this.limits.unloadDelayMs);
    this.unloadTimer.unref();
  }

  /** True while an edit is not on disk yet (e.g. the last write failed). */
  get hasUnsavedChanges(): boolean {
    return this.dirty;
  }

  /** One binary frame from an authenticated socket. Throws ProtocolError on anything malformed. */
  handleBinary(conn: RoomConnection, data: Uint8Array): void {
    let read: FrameRead;
    try {
      // Updates are applied with the socket as origin, so onDocUpdate relays them to everyone else.
      read = readFrame(data, { doc: this.doc, awareness: this.awareness, origin: conn, strict: true, admit: (update) => this.admit(update.length) });
    } catch (error) {
      if (error instanceof ProtocolError) throw error;
      throw new ProtocolError(error instanceof Error ? error.message : String(error));
    }
    if (read.reply) conn.sendBinary(read.reply);
    if (read.type === MESSAGE_QUERY_AWARENESS) conn.sendBinary(this.awarenessMessage([...this.awareness.getStates().keys()]));
  }

  /**
   * Quotas, checked before an update is applied (a refused one is never stored or relayed). The
   * log counts overwritten content too, so near the room limit the doc's real size decides.
   */
  private admit(bytes: number): void {
    if (this.usage.bytes + bytes > this.limits.diskBytes) {
      this.log(`Room ${this.id.slice(0, 6)}…: refused an update of ${bytes} bytes: the host's storage limit (${this.limits.diskBytes} bytes for all rooms) is reached.`);
      throw new ProtocolError('host disk quota reached', CLOSE.HOST_DISK_FULL);
    }
    if (this.files.bytes + bytes <= this.limits.roomBytes) return;
    const real = Y.encodeStateAsUpdate(this.doc).length;
    if (real + bytes > this.limits.roomBytes) {
      this.log(`Room ${this.id.slice(0, 6)}…: refused an update of ${bytes} bytes: the room would pass its size limit (${this.limits.roomBytes} bytes).`);
      throw new ProtocolError('room size quota reached', CLOSE.ROOM_TOO_LARGE);
    }
    // Compacting brings the files down to the doc's real size.
    this.scheduleSave(0);
  }

  /** Sockets whose awareness controls any of `clientIds` (for `remove`). */
  connectionsOf(clientIds: readonly number[]): RoomConnection[] {
    const wanted = new Set(clientIds);
    return [...this.conns].filter(([, ids]) => [...ids].some((id) => wanted.has(id))).map(([conn]) => conn);
  }

  async setAuthKey(authKey: Uint8Array): Promise<void> {
    this.access = { ...this.access, authKey };
    const write = writeAccess(this.dir, this.access);
    // flush() waits for it: a host that stops right after a code change must not leave it half written.
    this.accessWrite = write.then(
      () => undefined,
      () => undefined,
    );
    await write;
  }

  /** Writes the doc now if it changed. Never throws: a failed write is logged and retried later. */
  flush(): Promise<void> {
    clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    // Chain onto a running save so two writes never race on the same temp-and-rename.
    this.saving = (this.saving ?? Promise.resolve()).then(() => this.accessWrite).then(() => this.save());
    return this.saving;
  }

  destroy(): void {
    this.destroyed = true;
    clearTimeout(this.saveTimer);
    clearTimeout(this.unloadTimer);
    this.files.close();
    this.doc.off('update', this.onDocUpdate);
    this.awareness.off('update', this.onAwarenessUpdate);
    this.awareness.destroy();
    this.doc.destroy();
  }

  /** Compaction: the doc as one snapshot, the logs it covers deleted (room-files.ts). */
  private async save(): Promise<void> {
    if (!this.dirty && this.files.logBytes === 0) return;
    this.dirty = false;
    try {
      await this.files.compact(Y.encodeStateAsUpdate(this.doc));
    } catch (error) {
      // Disk full or yanked USB stick: the doc is still in memory and with the clients; retry.
      this.writeFailed(error);
      return;
    }
    this.writeSucceeded();
  }

  private writeFailed(error: unknown): void {
    this.dirty = true;
    this.trouble.failed(`${this.id.slice(0, 6)}…`, error, this.limits.saveRetryMs);
    if (!this.cannotSave) {
      this.cannotSave = true;
      this.broadcastStorage();
    }
    if (!this.destroyed) this.scheduleSave(this.limits.saveRetryMs);
  }

  private writeSucceeded(): void {
    if (!this.cannotSave) return;
    this.cannotSave = false;
    this.trouble.recovered(`${this.id.slice(0, 6)}…`);
    this.broadcastStorage();
  }

  private broadcastStorage(): void {
    const message: ServerText = { t: 'storage', saving: !this.cannotSave };
    for (const conn of this.conns.keys()) conn.sendText(message);
  }

  private scheduleSave(delay: number): void {
    if (this.saveTimer !== undefined) return;
    this.saveTimer = setTimeout(() => {
      this.saveTimer = undefined;
      void this.flush();
    }, delay);
  }

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    if (this.loading) return;
    // In the log before anyone else sees it: what the relay forwarded survives kill -9.
    if (this.cannotSave) {
      // The retry already scheduled writes it, with everything else since, as one snapshot.
      this.dirty = true;
    } else {
      try {
        this.files.append(update);
      } catch (error) {
        // Disk full or gone: the update is in memory and with its sender; a snapshot retries it.
        this.writeFailed(error);
      }
    }
    if (!this.destroyed && this.files.logBytes > Math.max(this.limits.compactLogBytes, this.files.snapshotSize)) {
      this.scheduleSave(this.limits.saveDebounceMs);
    }
    const message = updateFrame(update);
    // The sender already has it; y-websocket echoes it back, we save the bandwidth.
    for (const conn of this.conns.keys()) if (conn !== origin) conn.sendBinary(message);
  };

  private readonly onAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const changed = [...added, ...updated, ...removed];
    const controlled = this.conns.get(origin as RoomConnection);
    if (controlled) {
      for (const id of added) controlled.add(id);
      for (const id of removed) controlled.delete(id);
    }
    if (changed.length === 0) return;
    const message = this.awarenessMessage(changed);
    for (const conn of this.conns.keys()) conn.sendBinary(message);
  };

  private awarenessMessage(clientIds: number[]): Uint8Array {
    return awarenessFrame(this.awareness, clientIds);
  }

  private broadcastPresence(): void {
    const message: ServerText = { t: 'presence', connections: this.conns.size };
    for (const conn of this.conns.keys()) conn.sendText(message);
  }
}
