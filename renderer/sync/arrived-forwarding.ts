import * as Y from 'yjs';

/** How long an update that came from a peer waits for the relay to show the host has it too. */
export const HOST_ECHO_WAIT_MS = 1_000;

interface Waiting {
  update: Uint8Array;
  /** Per client, the clock just past the update's last item; empty for deletions only. */
  to: Map<number, number>;
  due: number;
}

/**
 * An update that reached this page from a peer (WebRTC, another tab) usually reached the host
 * too: its author sent it up the relay, and the host hands it on to everyone, this page included.
 * Sending it up again from each receiver costs every one of them an encryption and a message, and
 * the host one decryption per person, in the very moment a crowded room is drawing the change.
 * So such an update waits; if the relay has delivered what it contains within the wait, the host
 * has it and it is not sent. Otherwise (its author's relay is down) it goes up as before.
 * Deletions alone carry no clock to compare and go up after the wait.
 */
export class ArrivedForwarding {
  /** Per client, the clock up to which the host has shown it holds that client's items. */
  private readonly hostHas = new Map<number, number>();
  private waiting: Waiting[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly forward: (update: Uint8Array) => void,
    private readonly waitMs = HOST_ECHO_WAIT_MS,
    private readonly now: () => number = () => performance.now(),
  ) {}

  get size(): number {
    return this.waiting.length;
  }

  /** An update that arrived from elsewhere than the relay. */
  arrived(update: Uint8Array): void {
    const { to } = Y.parseUpdateMeta(update);
    if (to.size > 0 && this.covered(to)) return;
    this.waiting.push({ update, to, due: this.now() + this.waitMs });
    this.timer ??= setTimeout(this.check, this.waitMs);
  }

  /** Sends on at once whatever the host has not shown it holds (leaving the room on purpose). */
  flush(): void {
    this.send(this.waiting.splice(0));
    this.clearTimer();
  }

  /** An update the relay delivered: the host holds everything in it. */
  deliveredByRelay(update: Uint8Array): void {
    for (const [client, clock] of Y.parseUpdateMeta(update).to) {
      if (clock > (this.hostHas.get(client) ?? 0)) this.hostHas.set(client, clock);
    }
  }

  /** The relay connection is gone: what waited travels with the next sync exchange. */
  drop(): void {
    this.waiting = [];
    this.hostHas.clear();
    this.clearTimer();
  }

  private covered(to: Map<number, number>): boolean {
    for (const [client, clock] of to) if ((this.hostHas.get(client) ?? 0) < clock) return false;
    return true;
  }

  private readonly check = (): void => {
    this.timer = null;
    const now = this.now();
    const due = this.waiting.filter((w) => w.due <= now);
    this.waiting = this.waiting.filter((w) => w.due > now);
    this.send(due);
    const next = this.waiting[0];
    if (next) this.timer = setTimeout(this.check, Math.max(0, next.due - now));
  };

  private send(items: Waiting[]): void {
    const missing = items.filter((w) => w.to.size === 0 || !this.covered(w.to)).map((w) => w.update);
    if (missing.length > 0) this.forward(missing.length === 1 ? (missing[0] as Uint8Array) : Y.mergeUpdates(missing));
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
