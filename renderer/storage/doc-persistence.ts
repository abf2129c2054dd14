import * as Y from 'yjs';
import type { SessionSummary, TransitionLabDb } from './database';
import { classifyStorageError, describeError, type StorageFailure } from './storage-errors';

export type SaveState =
  | { kind: 'saved' }
  | { kind: 'saving' }
  | { kind: 'failed'; reason: StorageFailure; message: string };

export interface DocPersistenceOptions {
  /** Edits are written this long after the first unsaved one; well inside the 100 ms promise. */
  flushDelayMs?: number;
  /** Fold updates into the snapshot once this many rows pile up, so load time stays flat. */
  compactAfter?: number;
  /** Derives the Home list row from the doc. */
  summarise: (doc: Y.Doc) => Omit<SessionSummary, 'id' | 'updatedAt'>;
  now?: () => number;
}

const MAX_RETRY_MS = 30_000;

/**
 * Keeps one session's Y.Doc in IndexedDB. Written for the workshop's promises rather than taken
 * from y-indexeddb/y-dexie: edits are batched (one IndexedDB transaction per burst instead of per
 * keystroke), flushed when the page hides, a failing write keeps the edits in memory and retries
 * with a visible state instead of dropping them, and compaction runs in a single transaction so a
 * crash mid-way leaves either the old rows or the new snapshot, never neither.
 */
export class DocPersistence {
  readonly whenLoaded: Promise<void>;
  private pending: Uint8Array[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private retryMs = 1_000;
  private flushing: Promise<void> | null = null;
  private rowsSinceSnapshot = 0;
  private state: SaveState = { kind: 'saved' };
  private listeners = new Set<(state: SaveState) => void>();
  private channel: BroadcastChannel | null = null;
  private destroyed = false;
  private readonly flushDelayMs: number;
  private readonly compactAfter: number;
  private readonly now: () => number;

  constructor(
    private readonly db: TransitionLabDb,
    readonly sessionId: string,
    readonly doc: Y.Doc,
    private readonly options: DocPersistenceOptions,
  ) {
    this.flushDelayMs = options.flushDelayMs ?? 40;
    this.compactAfter = options.compactAfter ?? 300;
    this.now = options.now ?? Date.now;
    // Listen before loading: an edit made while stored updates are still being read is kept too.
    doc.on('update', this.onUpdate);
    this.openChannel();
    this.whenLoaded = this.load();
  }

  get saveState(): SaveState {
    return this.state;
  }

  get hasUnsavedChanges(): boolean {
    return this.pending.length > 0 || this.flushing !== null;
  }

  subscribe(listener: (state: SaveState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Writes everything pending now. Resolves once it is durable, or once the failure is reported. */
  async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    while (this.flushing) await this.flushing;
    if (this.pending.length === 0) return;
    this.flushing = this.writePending();
    try {
      await this.flushing;
    } finally {
      this.flushing = null;
    }
  }

  /** Folds all stored updates into one snapshot row (one transaction). */
  async compact(): Promise<void> {
    await this.db.transaction('rw', this.db.updates, this.db.snapshots, async () => {
      const snapshot = await this.db.snapshots.get(this.sessionId);
      const rows = await this.updatesAfter(snapshot?.upToSeq ?? 0);
      if (rows.length === 0) return;
      const scratch = new Y.Doc();
      if (snapshot) Y.applyUpdate(scratch, snapshot.state);
      for (const row of rows) Y.applyUpdate(scratch, row.update);
      const lastSeq = rows[rows.length - 1]?.seq ?? 0;
      await this.db.snapshots.put({ sessionId: this.sessionId, state: Y.encodeStateAsUpdate(scratch), upToSeq: lastSeq });
      await this.db.updates.bulkDelete(rows.map((r) => r.seq as number));
      scratch.destroy();
    });
    this.rowsSinceSnapshot = 0;
  }

  async destroy(): Promise<void> {
    if (this.destroyed) return;
    await this.flush();
    this.destroyed = true;
    this.doc.off('update', this.onUpdate);
    this.channel?.close();
    this.listeners.clear();
  }

  private onUpdate = (update: Uint8Array, origin: unknown): void => {
    // Updates read from storage or relayed by another tab are already stored.
    if (origin === this) return;
    this.pending.push(update);
    this.channel?.postMessage(update);
    // A failure stays on screen until a write succeeds again.
    if (this.state.kind === 'saved') this.setState({ kind: 'saving' });
    this.schedule(this.flushDelayMs);
  };

  private schedule(delay: number): void {
    if (this.timer || this.destroyed) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, delay);
  }

  private async load(): Promise<void> {
    try {
      const { snapshot, rows } = await this.db.transaction('r', this.db.updates, this.db.snapshots, async () => {
        const snap = await this.db.snapshots.get(this.sessionId);
        return { snapshot: snap, rows: await this.updatesAfter(snap?.upToSeq ?? 0) };
      });
      Y.transact(
        this.doc,
        () => {
          if (snapshot) Y.applyUpdate(this.doc, snapshot.state, this);
          for (const row of rows) Y.applyUpdate(this.doc, row.update, this);
        },
        this,
      );
      this.rowsSinceSnapshot = rows.length;
      if (rows.length > this.compactAfter) await this.compact();
    } catch (error) {
      this.fail(error);
    }
  }

  private async writePending(): Promise<void> {
    const batch = this.pending.splice(0);
    const update = batch.length === 1 ? (batch[0] as Uint8Array) : Y.mergeUpdates(batch);
    try {
      const summary = this.options.summarise(this.doc);
      await this.db.transaction('rw', this.db.updates, this.db.sessions, async () => {
        await this.db.updates.add({ sessionId: this.sessionId, update });
        await this.db.sessions.put({ id: this.sessionId, ...summary, updatedAt: this.now() });
      });
      this.rowsSinceSnapshot++;
      this.retryMs = 1_000;
      if (this.pending.length === 0) this.setState({ kind: 'saved' });
      if (this.rowsSinceSnapshot > this.compactAfter) await this.compact().catch((e: unknown) => this.fail(e));
    } catch (error) {
      // Nothing is dropped: the batch goes back in front of anything typed meanwhile.
      this.pending.unshift(update);
      this.fail(error);
      this.schedule(this.retryMs);
      this.retryMs = Math.min(this.retryMs * 2, MAX_RETRY_MS);
    }
  }

  private updatesAfter(seq: number) {
    return this.db.updates
      .where('[sessionId+seq]')
      .between([this.sessionId, seq + 1], [this.sessionId, Infinity])
      .toArray();
  }

  private fail(error: unknown): void {
    this.setState({ kind: 'failed', reason: classifyStorageError(error), message: describeError(error) });
  }

  private setState(next: SaveState): void {
    this.state = next;
    for (const listener of this.listeners) listener(this.state);
  }

  private openChannel(): void {
    if (typeof BroadcastChannel === 'undefined') return;
    // Two tabs of one session: each stores its own edits and shows the other's at once.
    this.channel = new BroadcastChannel(`transition-lab:doc:${this.sessionId}`);
    this.channel.onmessage = (event: MessageEvent<unknown>) => {
      if (event.data instanceof Uint8Array) Y.applyUpdate(this.doc, event.data, this);
    };
  }
}
