import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { MESSAGE_QUERY_AWARENESS, type ServerText } from '../../../shared/protocol/room-wire';
import { awarenessFrame, readFrame, syncStep1Frame, updateFrame, type FrameRead } from '../../../shared/protocol/sync-frames';
import type { HostLimits } from '../host-limits';
import { readDoc, writeAccess, writeDoc, type RoomAccess } from './room-storage';

/** One authenticated /sync socket as the room sees it. */
export interface RoomConnection {
  readonly ticket: string;
  readonly admin: boolean;
  sendBinary(data: Uint8Array): void;
  sendText(message: ServerText): void;
  close(code: number): void;
}

/** Thrown for a frame the room cannot make sense of; the connection closes with PROTOCOL. */
export class ProtocolError extends Error {
  override readonly name = 'ProtocolError';
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
  private dirty = false;
  private saving: Promise<void> | undefined;
  private destroyed = false;

  constructor(
    readonly id: string,
    private readonly dir: string,
    public access: RoomAccess,
    private readonly limits: HostLimits,
    private readonly log: (line: string) => void,
    private readonly onIdle: (room: Room) => void,
  ) {
    // The host's own awareness state would show up as a phantom participant.
    this.awareness.setLocalState(null);
    this.doc.on('update', this.onDocUpdate);
    this.awareness.on('update', this.onAwarenessUpdate);
  }

  /** Fills the doc from disk. Called once, before the first socket joins. */
  async load(): Promise<void> {
    await readDoc(this.dir, this.doc, this.log);
    // Loading is not an edit: nothing to write back.
    this.dirty = false;
    clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
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
      read = readFrame(data, { doc: this.doc, awareness: this.awareness, origin: conn, strict: true });
    } catch (error) {
      if (error instanceof ProtocolError) throw error;
      throw new ProtocolError(error instanceof Error ? error.message : String(error));
    }
    if (read.reply) conn.sendBinary(read.reply);
    if (read.type === MESSAGE_QUERY_AWARENESS) conn.sendBinary(this.awarenessMessage([...this.awareness.getStates().keys()]));
  }

  /** Sockets whose awareness controls any of `clientIds` (for `remove`). */
  connectionsOf(clientIds: readonly number[]): RoomConnection[] {
    const wanted = new Set(clientIds);
    return [...this.conns].filter(([, ids]) => [...ids].some((id) => wanted.has(id))).map(([conn]) => conn);
  }

  async setAuthKey(authKey: Uint8Array): Promise<void> {
    this.access = { ...this.access, authKey };
    await writeAccess(this.dir, this.access);
  }

  /** Writes the doc now if it changed. Never throws: a failed write is logged and retried later. */
  flush(): Promise<void> {
    clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    // Chain onto a running save so two writes never race on the same temp-and-rename.
    this.saving = (this.saving ?? Promise.resolve()).then(() => this.save());
    return this.saving;
  }

  destroy(): void {
    this.destroyed = true;
    clearTimeout(this.saveTimer);
    clearTimeout(this.unloadTimer);
    this.doc.off('update', this.onDocUpdate);
    this.awareness.off('update', this.onAwarenessUpdate);
    this.awareness.destroy();
    this.doc.destroy();
  }

  private async save(): Promise<void> {
    if (!this.dirty) return;
    this.dirty = false;
    try {
      await writeDoc(this.dir, Y.encodeStateAsUpdate(this.doc));
    } catch (error) {
      // Disk full or yanked USB stick: the doc is still in memory and with the clients; retry.
      this.dirty = true;
      this.log(`Could not save room ${this.id.slice(0, 6)}…: ${(error as Error).message}. Retrying in ${Math.round(this.limits.saveRetryMs / 1000)} s.`);
      if (!this.destroyed) this.scheduleSave(this.limits.saveRetryMs);
    }
  }

  private scheduleSave(delay: number): void {
    if (this.saveTimer !== undefined) return;
    this.saveTimer = setTimeout(() => {
      this.saveTimer = undefined;
      void this.flush();
    }, delay);
  }

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    this.dirty = true;
    if (!this.destroyed) this.scheduleSave(this.limits.saveDebounceMs);
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
