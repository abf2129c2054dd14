import * as Y from 'yjs';
import { Network } from './network';
import { createPeers } from './peer';
import { Rng } from './prng';
import { randomOp } from './random-ops';
import { checkInvariants, contentSnapshot, projectionString } from './invariants';

export interface FuzzOptions {
  seed: number;
  peers: number;
  ops: number;
}

export interface FuzzResult {
  ok: boolean;
  failures: string[];
  opsApplied: number;
  opCounts: Record<string, number>;
  network: Network['stats'];
}

/**
 * One fuzz run: `ops` random model operations spread over `peers` peers, interleaved with random
 * deliveries, disconnects, reconnects and partitions. At the end everyone reconnects, the network
 * drains, and every replica must hold identical content, identical state vectors and identical
 * projections, and satisfy the invariants.
 */
export function runFuzz({ seed, peers: peerCount, ops }: FuzzOptions): FuzzResult {
  const rng = new Rng(seed);
  let now = 1_700_000_000_000;
  const peers = createPeers(rng, peerCount, now);
  const net = new Network(
    peers.map((p) => p.doc),
    rng,
  );
  const opCounts: Record<string, number> = {};
  let applied = 0;
  for (let step = 0; step < ops; step++) {
    now += rng.int(1, 2_000);
    const peer = rng.pick(peers)!;
    const name = randomOp({ peer, rng, now });
    opCounts[name] = (opCounts[name] ?? 0) + 1;
    if (!name.endsWith('-noop')) applied++;
    // Between operations the network does a random amount of work, so peers see stale states.
    const deliveries = rng.int(0, 4);
    for (let i = 0; i < deliveries; i++) net.deliverOne();
    const r = rng.next();
    if (r < 0.04) net.setOnline(rng.int(0, peerCount - 1), false);
    else if (r < 0.08) net.setOnline(rng.int(0, peerCount - 1), true);
    else if (r < 0.1) net.partition(peers.map(() => rng.int(0, 1)));
    else if (r < 0.12) net.heal();
  }
  net.heal();
  net.flush();

  const failures: string[] = [];
  const reference = peers[0]!;
  const refSv = Y.encodeStateVector(reference.doc);
  const refContent = contentSnapshot(reference.doc);
  const refProjection = projectionString(reference.doc);
  for (const p of peers) {
    const store = p.doc.store;
    if (store.pendingStructs !== null || store.pendingDs !== null) failures.push(`peer ${p.index} has pending updates`);
    if (p.index !== 0) {
      const sv = Y.encodeStateVector(p.doc);
      if (sv.length !== refSv.length || sv.some((b, i) => b !== refSv[i])) failures.push(`peer ${p.index} state vector differs from peer 0`);
      if (contentSnapshot(p.doc) !== refContent) failures.push(`peer ${p.index} content differs from peer 0`);
      if (projectionString(p.doc) !== refProjection) failures.push(`peer ${p.index} projections differ from peer 0`);
    }
    for (const v of checkInvariants(p.doc)) failures.push(`peer ${p.index}: ${v}`);
  }
  for (const p of peers) {
    p.undo.destroy();
    p.doc.destroy();
  }
  return { ok: failures.length === 0, failures, opsApplied: applied, opCounts, network: net.stats };
}
