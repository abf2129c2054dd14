import * as Y from 'yjs';

/** Origin of updates that another tab of this browser sent over the BroadcastChannel. */
export const FROM_OTHER_TAB = Symbol('from-other-tab');

/**
 * `updateV1` carries Yjs V1 updates (what this version sends); `update` is the V2 form an older
 * tab of the app may still send after an upgrade, so both are understood.
 */
type TabMessage =
  | { type: 'updateV1'; update: Uint8Array }
  | { type: 'update'; update: Uint8Array }
  | { type: 'hello'; stateVector: Uint8Array }
  | { type: 'welcome'; update: Uint8Array; stateVector: Uint8Array };

function isTabMessage(data: unknown): data is TabMessage {
  if (typeof data !== 'object' || data === null) return false;
  const m = data as Partial<Record<'type' | 'update' | 'stateVector', unknown>>;
  if (m.type === 'updateV1' || m.type === 'update') return m.update instanceof Uint8Array;
  if (m.type === 'hello') return m.stateVector instanceof Uint8Array;
  return m.type === 'welcome' && m.update instanceof Uint8Array && m.stateVector instanceof Uint8Array;
}

/**
 * One session's doc shared with the other tabs of this browser that have it open, over a
 * BroadcastChannel. Updates they send are applied with the FROM_OTHER_TAB origin (stored here
 * too, never echoed back). A tab greets when it opens; one that hears a greeting answers with
 * what the newcomer lacks and what it has, and the newcomer sends back its own earlier edits.
 */
export class TabChannel {
  private channel: BroadcastChannel | null = null;
  /**
   * Another tab of this session has spoken on the channel. Until one has, there is nobody to post
   * to: a tab that opens later greets, and the answer carries everything it lacks. Posting anyway
   * costs each edit a cross-process message in the moment a crowded room is drawing it.
   */
  private otherTabs = false;
  private closed = false;

  constructor(
    private readonly doc: Y.Doc,
    private readonly sessionId: string,
  ) {}

  open(): void {
    if (typeof BroadcastChannel === 'undefined' || this.closed || this.channel) return;
    this.channel = new BroadcastChannel(`transition-lab:doc:${this.sessionId}`);
    this.channel.onmessage = (event: MessageEvent<unknown>) => {
      if (this.closed || !isTabMessage(event.data)) return;
      this.otherTabs = true;
      const message = event.data;
      if (message.type === 'updateV1') {
        Y.applyUpdate(this.doc, message.update, FROM_OTHER_TAB);
      } else if (message.type === 'update') {
        Y.applyUpdateV2(this.doc, message.update, FROM_OTHER_TAB);
      } else if (message.type === 'hello') {
        // A tab just opened: send it whatever it lacks — including edits this tab could not store
        // — and say what this tab has, so that it answers with its own edits made before it knew
        // anyone was listening.
        this.post({ type: 'welcome', update: Y.encodeStateAsUpdate(this.doc, message.stateVector), stateVector: Y.encodeStateVector(this.doc) });
      } else {
        Y.applyUpdate(this.doc, message.update, FROM_OTHER_TAB);
        const missing = Y.encodeStateAsUpdate(this.doc, message.stateVector);
        if (missing.length > 2) this.post({ type: 'updateV1', update: missing });
      }
    };
    this.post({ type: 'hello', stateVector: Y.encodeStateVector(this.doc) });
  }

  /** This tab's edits (and the ones it received from elsewhere), once another tab listens. */
  send(updates: Uint8Array[]): void {
    if (updates.length === 0 || !this.otherTabs) return;
    this.post({ type: 'updateV1', update: updates.length === 1 ? (updates[0] as Uint8Array) : Y.mergeUpdates(updates) });
  }

  close(): void {
    this.closed = true;
    this.channel?.close();
  }

  private post(message: TabMessage): void {
    try {
      this.channel?.postMessage(message);
    } catch {
      // A closed channel (tab going away) — the edit is still stored by this tab.
    }
  }
}
