import * as Y from 'yjs';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, randomBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { listRounds, readVote, votesMap } from '../model';

/**
 * The session's state for an archive, with the voters of closed anonymous rounds made unknowable:
 * each voter id (a device id) becomes a pseudonym — a hash with a salt made for this export and
 * thrown away — so the round still counts each person's votes as theirs, and nobody can tell whose
 * they were. Done on a copy of the doc, whose replaced values Yjs drops, so the archive holds no
 * trace of the ids. Open rounds keep the ids: voters still take votes back and count what is left.
 */
export function archiveState(doc: Y.Doc): Uint8Array {
  const copy = new Y.Doc();
  try {
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    const closedAnonymous = new Set(listRounds(copy).filter((r) => r.anonymous && r.status === 'closed').map((r) => r.id));
    if (closedAnonymous.size === 0) return Y.encodeStateAsUpdate(doc);
    const salt = bytesToHex(randomBytes(16));
    const votes = votesMap(copy);
    copy.transact(() => {
      votes.forEach((value, id) => {
        const vote = readVote(id, value);
        if (!vote || !closedAnonymous.has(vote.roundId) || vote.voterId.startsWith('anon-')) return;
        const pseudonym = `anon-${bytesToHex(sha256(utf8ToBytes(`${salt}|${vote.roundId}|${vote.voterId}`))).slice(0, 24)}`;
        votes.set(id, { ...(value as object), voterId: pseudonym });
      });
    });
    return Y.encodeStateAsUpdate(copy);
  } finally {
    copy.destroy();
  }
}
