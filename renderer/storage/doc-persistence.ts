import * as Y from 'yjs';
import { applyStoredUpdates, docFromStoredUpdates, isLocalOrigin, type StoredUpdates } from '../../shared/model';
import { databaseHealth, registerFlusher, snapshotOf, storedSession, type SessionSummary, type TransitionLabDb } from './database';
import { classifyStorageError, describeError, type StorageFailure } from './storage-errors';
import { FROM_OTHER_TAB, TabChannel } from './tab-channel';

export type SaveState =
  | { kind: 'saved' }
  | { kind: 'saving' }
  | { kind: 'failed'; reason: StorageFailure; message: string };

export interface DocPersistenceOptions {
  /**
   * Delay before the first write of a burst. 0 (the default) writes in the next task, so edits made
   * in one event handler still share one transaction while an idle doc's edit is durable within a
   * few milliseconds.
   */
  flushDelayMs?: number;
  /**
   * Least time between the starts of two writes. Edits made while a write is in flight, or within
   * this gap after one, are merged into the next write (group commit): a drag or fast typing costs
   * at most ~1 transaction per frame, and the worst-case delay stays far inside the 100 ms promise.
   */
  minIntervalMs?: number;
  /**
   * Delay before writing an edit that came from someone else (a peer, the relay, another tab).
   * Its author's device stores it too, so there is no hurry: in a busy room the edits of many
   * people then share one write instead of costing one each, and the write never competes with
   * showing the change. Default 250 ms: long enough that a note added and its first changes (or
   * a quick undo) share a write, short enough that the write lands before "Saving…" would show
   * (SAVING_VISIBLE_AFTER_MS) — "Saved on this device" covers what others wrote too.
   */
  remoteFlushDelayMs?: number;
  /** Fold updates into the snapshot once this many rows pile up, so load time stays flat. */
  compactAfter?: number;
  /**
   * How long after loading a session with many rows the compaction waits. Run at once, it competes
   * with opening the board for IndexedDB and the main thread: a 50,000-row session took 4.1 s to
   * show in Chromium instead of 1.1 s (npm run bench -- storage-browser). Default 1,500 ms.
   */
  compactDelayMs?: number;
  /** Derives the Home list row from the doc. */
  summarise: (doc: Y.Doc) => Omit<SessionSummary, 'id' | 'updatedAt'>;
  now?: () => number;
}

const MAX_RETRY_MS = 30_000;
/**
 * A write normally lands within milliseconds; "Saving…" appears only when edits have waited this
 * long, so typing does not make the indicator flicker (nor re-render it on every keystroke).
 */
const SAVING_VISIBLE_AFTER_MS = 400;
const FIRST_RETRY_MS = 1_000;

/**
 * Keeps one session's Y.Doc in IndexedDB. Written for the workshop's promises rather than taken
 * from y-indexeddb/y-dexie (which write one transaction per Yjs update and have no failure state):
 * - edits are group-committed: the first edit after a pause is written at once, edits made while
 *   a write is in flight go together in the next one;
 * - pending edits are flushed when the page hides (open-sessions.ts) and before another tab's
 *   database upgrade closes this connection;
 * - a failing write keeps the edits in memory, retries with backoff and exposes a `failed` state
 *   instead of dropping them; a failed load (no IndexedDB) leaves a working in-memory doc;
 * - compaction runs in a single transaction so a crash mid-way leaves either the old rows or the
 *   new snapshot, never neither;
 * - two tabs of one session exchange updates over a BroadcastChannel, and *each tab stores every
 *   update it shows* (its own and the other tab's). Yjs updates are idempotent, so the duplicate
 *   rows cost only space until the next compaction — and in exchange "Saved" in a tab means that
 *   everything on that tab's screen is in IndexedDB, even if the tab that made the edit dies or
 *   fails to write.
 */
export class DocPersistence {
  readonly whenLoaded: Promise<void>;
  /** Yjs V1 updates not yet written (converted to the denser V2 form when written). */
  private pending: Uint8Array[] = [];
  /** This tab's updates for the other tabs, posted once the current task's render has run. */
  private outbox: Uint8Array[] = [];
  private afterRenderQueued = false;
  private savingTimer: ReturnType<typeof setTimeout> | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private timerDue = 0;
  private retryMs = FIRST_RETRY_MS;
  private retrying = false;
  private flushing: Promise<boolean> | null = null;
  private lastWriteStart = Number.NEGATIVE_INFINITY;
  private rowsSinceSnapshot = 0;
  /** Stored state has been read into the doc (false while loading or after a failed load). */
  private loaded = false;
  /** Something of this session is known to be in IndexedDB (read at load or written since). */
  private hasStoredState = false;
  private compacting: Promise<void> | null = null;
  private state: SaveState = { kind: 'saved' };
  private listeners = new Set<(state: SaveState) => void>();
  /** The session's other tabs in this browser: what they edit arrives here, and ours goes to them. */
  private readonly tabs: TabChannel;
  private destroyed = false;
  private readonly unregisterFlusher: () => void;
  private readonly flushDelayMs: number;
  private readonly remoteFlushDelayMs: number;
  private readonly minIntervalMs: number;
  private readonly compactAfter: number;
  private readonly compactDelayMs: number;
  /** A compaction waiting for the board to be up (compactDelayMs); settled() runs it at once. */
  private compactTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly now: () => number;

  constructor(
    private readonly db: TransitionLabDb,
    readonly sessionId: string,
    readonly doc: Y.Doc,
    private readonly options: DocPersistenceOptions,
  ) {
    this.flushDelayMs = options.flushDelayMs ?? 0;
    this.remoteFlushDelayMs = options.remoteFlushDelayMs ?? 250;
    this.minIntervalMs = options.minIntervalMs ?? 16;
    this.compactAfter = options.compactAfter ?? 300;
    this.compactDelayMs = options.compactDelayMs ?? 1_500;
    this.now = options.now ?? Date.now;
    this.tabs = new TabChannel(doc, sessionId);
    // Listen before loading: an edit made while stored updates are still being read is kept too.
    // V1 'update', not 'updateV2': Yjs encodes V1 for the network anyway, and a V2 listener would
    // make it encode every transaction a second time, inside the transaction, before peers get it.
    doc.on('update', this.onUpdate);
    this.unregisterFlusher = registerFlusher(db, () => this.flush());
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
    for (;;) {
      this.clearTimer();
      while (this.flushing) await this.flushing;
      if (this.pending.length === 0) return;
      this.flushing = this.writePending();
      let ok: boolean;
      try {
        ok = await this.flushing;
      } finally {
        this.flushing = null;
      }
      // Edits made during the write go in the next round; a failure waits for its retry timer.
      if (!ok) return;
    }
  }

  /** Resolves when the write in flight (if any) and a running compaction have finished; starts nothing. */
  async settled(): Promise<void> {
    if (this.compactTimer) {
      clearTimeout(this.compactTimer);
      this.compactTimer = null;
      void this.compact().catch((e: unknown) => this.fail(e));
    }
    while (this.flushing || this.compacting) await (this.flushing ?? this.compacting)?.catch(() => undefined);
  }

  /** Folds all stored updates into one snapshot row (one transaction). */
  compact(): Promise<void> {
    this.compacting ??= this.compactNow().finally(() => {
      this.compacting = null;
    });
    return this.compacting;
  }

  private compactSoon(): void {
    if (this.compactDelayMs <= 0) {
      void this.compact().catch((e: unknown) => this.fail(e));
      return;
    }
    this.compactTimer ??= setTimeout(() => {
      this.compactTimer = null;
      if (!this.destroyed) void this.compact().catch((e: unknown) => this.fail(e));
    }, this.compactDelayMs);
  }

  async destroy(): Promise<void> {
    if (this.destroyed) return;
    // Closed before it ran: the next opening compacts instead.
    if (this.compactTimer) clearTimeout(this.compactTimer);
    this.compactTimer = null;
    await this.flush();
    await this.compacting?.catch(() => undefined);
    this.destroyed = true;
    this.clearTimer();
    if (this.savingTimer) clearTimeout(this.savingTimer);
    this.doc.off('update', this.onUpdate);
    this.unregisterFlusher();
    this.tabs.close();
    this.listeners.clear();
  }

  private async compactNow(): Promise<void> {
    await this.db.transaction('rw', this.db.updates, this.db.snapshots, async () => {
      const snapshot = await this.db.snapshots.get(this.sessionId);
      const rows = await this.updatesAfter(snapshot?.upToSeq ?? 0);
      if (rows.length === 0) return;
      const scratch = docFromStoredUpdates(storedSession(snapshot, rows));
      const lastSeq = rows[rows.length - 1]?.seq ?? 0;
      await this.db.snapshots.put(snapshotOf(this.sessionId, scratch, lastSeq));
      await this.db.updates.bulkDelete(rows.map((r) => r.seq as number));
      scratch.destroy();
    });
    this.rowsSinceSnapshot = 0;
  }

  private onUpdate = (update: Uint8Array, origin: unknown): void => {
    // Updates read from storage are already stored.
    if (origin === this || this.destroyed) return;
    this.pending.push(update);
    // Another tab's update is stored here too (see the class comment) but not echoed back.
    if (origin !== FROM_OTHER_TAB) this.outbox.push(update);
    // Observers already queued the board's render as a microtask; the other tabs and the save
    // indicator come after it, so a peer's edit is on screen before we do anything else with it.
    if (!this.afterRenderQueued) {
      this.afterRenderQueued = true;
      queueMicrotask(this.afterRender);
    }
    // While a failed write waits for its retry, new edits wait with it rather than hammering a full disk.
    if (this.retrying) return;
    const sinceLast = Date.now() - this.lastWriteStart;
    this.schedule(Math.max(isLocalOrigin(origin) ? this.flushDelayMs : this.remoteFlushDelayMs, this.minIntervalMs - sinceLast));
  };

  private readonly afterRender = (): void => {
    this.afterRenderQueued = false;
    if (this.destroyed) return;
    const out = this.outbox.splice(0);
    this.tabs.send(out);
    if (this.state.kind === 'saved' && !this.savingTimer) {
      this.savingTimer = setTimeout(() => {
        this.savingTimer = null;
        // A failure stays on screen until a write succeeds again.
        if (!this.destroyed && this.state.kind === 'saved' && this.hasUnsavedChanges) this.setState({ kind: 'saving' });
      }, SAVING_VISIBLE_AFTER_MS);
    }
  };

  private schedule(delay: number): void {
    if (this.destroyed) return;
    const due = Date.now() + delay;
    // Keep an earlier timer; replace a later one (a retry backoff is only shortened by flush()).
    if (this.timer && this.timerDue <= due) return;
    this.clearTimer();
    this.timerDue = due;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, Math.max(0, delay));
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private async load(): Promise<void> {
    try {
      await this.readStored();
      const rows = this.rowsSinceSnapshot;
      // Compaction runs after the doc is on screen, once the board has had time to open.
      if (rows > this.compactAfter) this.compactSoon();
    } catch (error) {
      // No IndexedDB (or it refused to open): the doc keeps working in memory, visibly unsaved.
      this.fail(error);
    }
    // Opened after loading, so what the other tabs send lands on top of the stored state.
    if (!this.destroyed) this.tabs.open();
  }

  /** Reads the snapshot and the updates after it into the doc, in one read transaction. */
  private async readStored(): Promise<void> {
    performance.mark('tl:storage:asked');
    const { snapshot, rows } = await this.db.transaction('r', this.db.updates, this.db.snapshots, async () => {
      const snap = await this.db.snapshots.get(this.sessionId);
      return { snapshot: snap, rows: await this.updatesAfter(snap?.upToSeq ?? 0) };
    });
    // Marks for the storage-browser benchmark: when IndexedDB was asked, answered, then decoding.
    performance.mark('tl:storage:read');
    this.applyStored(storedSession(snapshot, rows));
    performance.mark('tl:storage:applied');
    this.rowsSinceSnapshot = rows.length;
    this.hasStoredState ||= Boolean(snapshot) || rows.length > 0;
    this.loaded = true;
  }

  /**
   * Applies what was read without our 'update' listener attached: while any 'update' listener is
   * there, Yjs encodes every transaction as a V1 update, and for the stored state that is the whole
   * doc encoded again only for onUpdate to drop it (a third of the time of opening a compacted
   * 50,000-update session in Chromium). An edit that an observer makes in reaction to the load
   * would go unseen meanwhile, so if one happens the doc's whole state is queued to be written.
   */
  private applyStored(stored: StoredUpdates): void {
    let reacted = false;
    const onTransaction = (tr: Y.Transaction) => {
      if (tr.origin !== this) reacted = true;
    };
    this.doc.off('update', this.onUpdate);
    this.doc.on('beforeTransaction', onTransaction);
    try {
      applyStoredUpdates(this.doc, stored, this);
    } finally {
      this.doc.off('beforeTransaction', onTransaction);
      if (!this.destroyed) this.doc.on('update', this.onUpdate);
    }
    if (reacted) this.onUpdate(Y.encodeStateAsUpdate(this.doc), null);
  }

  private async writePending(): Promise<boolean> {
    this.lastWriteStart = Date.now();
    const batch = this.pending.splice(0);
    const merged = batch.length === 1 ? (batch[0] as Uint8Array) : Y.mergeUpdates(batch);
    let update = Y.convertUpdateFormatV1ToV2(merged);
    try {
      // Storage was unavailable when the session opened: read what is stored before the first
      // write, so the summary row is not overwritten from a doc that lacks the stored part.
      if (!this.loaded) await this.readStored();
      await this.db.transaction('rw', this.db.updates, this.db.sessions, async () => {
        const existing = await this.db.sessions.get(this.sessionId);
        // Deleted and purged from another tab while open here: write the whole doc so the session
        // comes back complete (an edit wins over a delete made elsewhere).
        if (!existing && this.hasStoredState) update = Y.encodeStateAsUpdateV2(this.doc);
        await this.db.updates.add({ sessionId: this.sessionId, update });
        await this.db.sessions.put({ id: this.sessionId, ...this.options.summarise(this.doc), updatedAt: this.now() });
      });
      this.hasStoredState = true;
      this.rowsSinceSnapshot++;
      this.retryMs = FIRST_RETRY_MS;
      this.retrying = false;
      if (this.pending.length === 0 && this.state.kind !== 'saved') this.setState({ kind: 'saved' });
      else this.schedule(Math.max(0, this.minIntervalMs - (Date.now() - this.lastWriteStart)));
      if (this.rowsSinceSnapshot > this.compactAfter) void this.compact().catch((e: unknown) => this.fail(e));
      return true;
    } catch (error) {
      // Nothing is dropped: the batch goes back in front of anything typed meanwhile.
      this.pending.unshift(merged);
      this.fail(error);
      this.retrying = true;
      this.schedule(this.retryMs);
      this.retryMs = Math.min(this.retryMs * 2, MAX_RETRY_MS);
      return false;
    }
  }

  private updatesAfter(seq: number) {
    return this.db.updates
      .where('[sessionId+seq]')
      .between([this.sessionId, seq + 1], [this.sessionId, Infinity])
      .toArray();
  }

  private fail(error: unknown): void {
    const reason = databaseHealth(this.db).upgradedElsewhere ? 'upgraded' : classifyStorageError(error);
    this.setState({ kind: 'failed', reason, message: describeError(error) });
  }

  private setState(next: SaveState): void {
    this.state = next;
    for (const listener of this.listeners) listener(this.state);
  }
}
