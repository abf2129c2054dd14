import * as Y from 'yjs';
import type { Rng } from './prng';

/**
 * A simulated room network, modelled on Yjs's tests/testHelper.js: one FIFO-less queue per
 * directed link, delivered in random order and sometimes twice; a link is up only when both ends
 * are online and in the same partition, and going down drops whatever was queued on it. When a
 * link comes up both ends exchange state vectors and reply with the missing diff (y-protocols
 * sync step 1 / step 2), which is the only way dropped messages come back.
 * Peers form a mesh and never forward what they receive (like y-webrtc); convergence therefore
 * rests on the sync exchange, not on lucky relaying.
 */
export const NETWORK_ORIGIN = Object.freeze({ kind: 'network' as const });

type Message = { kind: 'update'; data: Uint8Array } | { kind: 'sync1'; sv: Uint8Array } | { kind: 'sync2'; data: Uint8Array };

export interface NetworkStats {
  delivered: number;
  duplicated: number;
  dropped: number;
  syncs: number;
}

export class Network {
  private readonly queues = new Map<string, Message[]>();
  readonly online: boolean[];
  readonly group: number[];
  readonly stats: NetworkStats = { delivered: 0, duplicated: 0, dropped: 0, syncs: 0 };

  constructor(
    private readonly docs: Y.Doc[],
    private readonly rng: Rng,
    private readonly duplicateRate = 0.05,
  ) {
    this.online = docs.map(() => true);
    this.group = docs.map(() => 0);
    docs.forEach((doc, from) => {
      doc.on('update', (data: Uint8Array, origin: unknown) => {
        if (origin === NETWORK_ORIGIN) return;
        for (let to = 0; to < docs.length; to++) if (this.isUp(from, to)) this.push(from, to, { kind: 'update', data });
      });
    });
  }

  isUp(a: number, b: number): boolean {
    return a !== b && this.online[a]! && this.online[b]! && this.group[a] === this.group[b];
  }

  private key(from: number, to: number): string {
    return `${from}>${to}`;
  }

  private push(from: number, to: number, msg: Message): void {
    const k = this.key(from, to);
    const q = this.queues.get(k);
    if (q) q.push(msg);
    else this.queues.set(k, [msg]);
  }

  /** Applies a change of who is online / in which partition, dropping and syncing links. */
  private reconfigure(change: () => void): void {
    const n = this.docs.length;
    const before: boolean[][] = [];
    for (let a = 0; a < n; a++) before.push(Array.from({ length: n }, (_, b) => this.isUp(a, b)));
    change();
    for (let a = 0; a < n; a++) {
      for (let b = 0; b < n; b++) {
        const up = this.isUp(a, b);
        if (before[a]![b] && !up) {
          const q = this.queues.get(this.key(a, b));
          this.stats.dropped += q?.length ?? 0;
          this.queues.delete(this.key(a, b));
        } else if (!before[a]![b] && up) {
          this.stats.syncs++;
          this.push(a, b, { kind: 'sync1', sv: Y.encodeStateVector(this.docs[a]!) });
        }
      }
    }
  }

  setOnline(peer: number, online: boolean): void {
    this.reconfigure(() => {
      this.online[peer] = online;
    });
  }

  /** Splits the peers into groups (one number per peer); `heal` puts everyone back together. */
  partition(groups: number[]): void {
    this.reconfigure(() => groups.forEach((g, i) => (this.group[i] = g)));
  }

  heal(): void {
    this.reconfigure(() => {
      this.online.fill(true);
      this.group.fill(0);
    });
  }

  pending(): number {
    let n = 0;
    for (const q of this.queues.values()) n += q.length;
    return n;
  }

  /** Delivers one random message from one random non-empty link; false when nothing is queued. */
  deliverOne(allowDuplicates = true): boolean {
    const links = [...this.queues.entries()].filter(([, q]) => q.length > 0);
    const link = this.rng.pick(links);
    if (!link) return false;
    const [k, q] = link;
    const index = this.rng.int(0, q.length - 1);
    const msg = q[index]!;
    if (allowDuplicates && this.rng.bool(this.duplicateRate)) this.stats.duplicated++;
    else q.splice(index, 1);
    const [from, to] = k.split('>').map(Number) as [number, number];
    this.stats.delivered++;
    const doc = this.docs[to]!;
    if (msg.kind === 'sync1') {
      // Reply on the reverse link, which is up too (links are symmetric).
      this.push(to, from, { kind: 'sync2', data: Y.encodeStateAsUpdate(doc, msg.sv) });
    } else {
      Y.applyUpdate(doc, msg.data, NETWORK_ORIGIN);
    }
    return true;
  }

  /** Delivers everything queued, with no duplicates so it terminates. */
  flush(): void {
    let guard = 0;
    while (this.deliverOne(false)) {
      if (++guard > 1_000_000) throw new Error('network did not quiesce');
    }
  }
}
