import * as Y from 'yjs';
import { addFacilitator, createSessionContent, createUndoManager } from '../../../../shared/model';
import type { Rng } from './prng';

/**
 * One simulated participant device. Peers 0 and 1 are two devices of the same person (one
 * voter id, one author id) and both are facilitators: that covers "two facilitators" and "one
 * voter casting from two devices at once". Every peer has its own undo manager, like the app.
 */
export interface Peer {
  index: number;
  doc: Y.Doc;
  deviceId: string;
  userId: string;
  userName: string;
  undo: Y.UndoManager;
}

export function createPeers(rng: Rng, count: number, now: number): Peer[] {
  const usedClientIds = new Set<number>();
  const peers: Peer[] = [];
  for (let index = 0; index < count; index++) {
    const doc = new Y.Doc();
    // Seeded client ids: Yjs breaks ties by client id, so they must come from the seed too.
    let clientId = rng.int(1, 0x7fffffff);
    while (usedClientIds.has(clientId)) clientId = rng.int(1, 0x7fffffff);
    usedClientIds.add(clientId);
    doc.clientID = clientId;
    const person = index === 1 ? 0 : index;
    peers.push({ index, doc, deviceId: `device${index}`, userId: `user${person}`, userName: `Person ${person}`, undo: createUndoManager(doc, { captureTimeout: 0 }) });
  }
  const host = peers[0]!;
  createSessionContent(host.doc, { title: 'Fuzz lab', firstBoardTitle: 'Main', now, facilitatorId: host.deviceId, facilitatorName: host.userName });
  addFacilitator(host.doc, host.deviceId, { clientId: peers[1]?.deviceId ?? host.deviceId, name: host.userName, now });
  // Everyone joins with the host's state before the random part starts, as a new participant would.
  const initial = Y.encodeStateAsUpdate(host.doc);
  for (const p of peers.slice(1)) Y.applyUpdate(p.doc, initial);
  for (const p of peers) p.undo.clear();
  return peers;
}
