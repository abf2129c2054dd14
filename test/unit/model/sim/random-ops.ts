import type * as Y from 'yjs';
import * as M from '../../../../shared/model';
import type { Peer } from './peer';
import type { Rng } from './prng';

/**
 * Weighted random model operations. Each picks its targets from the peer's *local* view (what that
 * person's screen shows), exactly as the UI would, and may still find nothing to do (returns
 * false). Targets include deleted records on purpose: edits racing deletes are the interesting case.
 */
export interface OpContext {
  peer: Peer;
  rng: Rng;
  now: number;
}

interface Op {
  name: string;
  weight: number;
  run(ctx: OpContext): boolean;
}

const anyBoard = (doc: Y.Doc, rng: Rng) => rng.pick(M.listAllBoards(doc));
const liveBoard = (doc: Y.Doc, rng: Rng) => rng.pick(M.listBoards(doc));

function anyNote(doc: Y.Doc, rng: Rng): M.Note | undefined {
  const notes: M.Note[] = [];
  M.notesMap(doc).forEach((r, key) => {
    const n = M.readNote(r, key);
    if (n) notes.push(n);
  });
  return rng.pick(notes.sort((a, b) => (a.id < b.id ? -1 : 1)));
}

function liveNote(doc: Y.Doc, rng: Rng): M.Note | undefined {
  const board = liveBoard(doc, rng);
  return board ? rng.pick(M.listNotes(doc, board.id)) : undefined;
}

function anyRound(doc: Y.Doc, rng: Rng): M.VotingRound | undefined {
  return rng.pick(M.listRounds(doc));
}

/** Whether the edit wrote anything (a pure deletion does not move the state vector, so listen). */
const changed = (doc: Y.Doc, edit: () => void): boolean => {
  let wrote = false;
  const onUpdate = () => {
    wrote = true;
  };
  doc.on('update', onUpdate);
  try {
    edit();
  } finally {
    doc.off('update', onUpdate);
  }
  return wrote;
};

export const OPS: Op[] = [
  { name: 'addBoard', weight: 3, run: ({ peer, rng, now }) => changed(peer.doc, () => M.addBoard(peer.doc, { title: rng.text(), kind: rng.bool() ? 'free' : 'canvas', now, id: rng.id() })) },
  { name: 'renameBoard', weight: 2, run: ({ peer, rng }) => { const b = anyBoard(peer.doc, rng); return !!b && changed(peer.doc, () => M.renameBoard(peer.doc, b.id, `B ${rng.text()}`)); } },
  { name: 'deleteBoard', weight: 2, run: ({ peer, rng, now }) => { const b = liveBoard(peer.doc, rng); return !!b && changed(peer.doc, () => M.deleteBoard(peer.doc, b.id, now)); } },
  { name: 'restoreBoard', weight: 2, run: ({ peer, rng }) => { const b = rng.pick(M.listDeletedBoards(peer.doc)); return !!b && changed(peer.doc, () => M.restoreBoard(peer.doc, b.id)); } },
  { name: 'moveBoard', weight: 2, run: ({ peer, rng }) => { const b = liveBoard(peer.doc, rng); return !!b && changed(peer.doc, () => M.moveBoard(peer.doc, b.id, rng.int(0, 5))); } },
  {
    name: 'addZone', weight: 2, run: ({ peer, rng }) => {
      const b = anyBoard(peer.doc, rng);
      return !!b && changed(peer.doc, () => M.addZone(peer.doc, { boardId: b.id, label: rng.text(), rect: { x: rng.int(-500, 500), y: rng.int(-500, 500), w: rng.int(50, 800), h: rng.int(50, 800) }, id: rng.id() }));
    },
  },
  { name: 'removeZone', weight: 1, run: ({ peer, rng, now }) => { const b = anyBoard(peer.doc, rng); const z = b && rng.pick(M.listZones(peer.doc, b.id)); return !!z && changed(peer.doc, () => M.removeZone(peer.doc, z.id, now)); } },
  {
    name: 'restoreZone', weight: 1, run: ({ peer, rng }) => {
      const dead: string[] = [];
      M.zonesMap(peer.doc).forEach((record, id) => { if (M.readZone(record)?.deletedAt != null) dead.push(id); });
      const id = dead.length > 0 ? rng.pick(dead) : null;
      return !!id && changed(peer.doc, () => M.restoreZone(peer.doc, id));
    },
  },
  {
    name: 'addNote', weight: 14, run: ({ peer, rng, now }) => {
      const b = liveBoard(peer.doc, rng);
      return !!b && changed(peer.doc, () => M.addNote(peer.doc, { boardId: b.id, pos: { x: rng.int(-600, 600), y: rng.int(-600, 600) }, now, text: rng.text(), authorId: peer.userId, authorName: peer.userName, id: rng.id(), colour: rng.pick(M.NOTE_COLOURS) }));
    },
  },
  {
    name: 'editNote', weight: 12, run: ({ peer, rng, now }) => {
      const n = anyNote(peer.doc, rng);
      if (!n) return false;
      const at = rng.int(0, n.text.length);
      const cut = rng.int(0, 3);
      return changed(peer.doc, () => M.setNoteText(peer.doc, n.id, n.text.slice(0, at) + rng.text(4) + n.text.slice(at + cut), now));
    },
  },
  { name: 'moveNote', weight: 12, run: ({ peer, rng, now }) => { const n = anyNote(peer.doc, rng); return !!n && changed(peer.doc, () => M.moveNote(peer.doc, n.id, { x: rng.int(-600, 600), y: rng.int(-600, 600) }, now)); } },
  { name: 'resizeNote', weight: 2, run: ({ peer, rng, now }) => { const n = anyNote(peer.doc, rng); return !!n && changed(peer.doc, () => M.resizeNote(peer.doc, n.id, { w: rng.int(20, 400), h: rng.int(20, 400) }, now)); } },
  { name: 'colourNote', weight: 3, run: ({ peer, rng, now }) => { const n = anyNote(peer.doc, rng); return !!n && changed(peer.doc, () => M.setNoteColour(peer.doc, n.id, rng.pick(M.NOTE_COLOURS)!, now)); } },
  {
    name: 'tagNote', weight: 3, run: ({ peer, rng, now }) => {
      const n = anyNote(peer.doc, rng);
      return !!n && changed(peer.doc, () => M.setNoteTags(peer.doc, n.id, { level: rng.bool(0.2) ? null : rng.pick(M.GOVERNANCE_LEVELS), actor: rng.bool(0.2) ? null : rng.pick(M.ACTOR_TYPES) }, now));
    },
  },
  { name: 'deleteNote', weight: 5, run: ({ peer, rng, now }) => { const n = liveNote(peer.doc, rng); return !!n && changed(peer.doc, () => M.deleteNote(peer.doc, n.id, now)); } },
  {
    name: 'restoreNote', weight: 3, run: ({ peer, rng, now }) => {
      const b = anyBoard(peer.doc, rng);
      const n = b && rng.pick(M.listDeletedNotes(peer.doc, b.id));
      return !!n && changed(peer.doc, () => M.restoreNote(peer.doc, n.id, now));
    },
  },
  {
    name: 'addCluster', weight: 3, run: ({ peer, rng, now }) => {
      const b = liveBoard(peer.doc, rng);
      if (!b) return false;
      const notes = M.listNotes(peer.doc, b.id).filter(() => rng.bool(0.3)).map((n) => n.id);
      return changed(peer.doc, () => M.addCluster(peer.doc, { boardId: b.id, title: rng.text(), now, id: rng.id(), noteIds: notes }));
    },
  },
  {
    name: 'setNoteCluster', weight: 6, run: ({ peer, rng, now }) => {
      const n = anyNote(peer.doc, rng);
      if (!n) return false;
      const c = rng.pick(M.listClusters(peer.doc, n.boardId));
      return changed(peer.doc, () => M.setNoteCluster(peer.doc, n.id, rng.bool(0.2) || !c ? null : c.id, now));
    },
  },
  { name: 'renameCluster', weight: 1, run: ({ peer, rng }) => { const b = anyBoard(peer.doc, rng); const c = b && rng.pick(M.listClusters(peer.doc, b.id)); return !!c && changed(peer.doc, () => M.renameCluster(peer.doc, c.id, rng.text())); } },
  { name: 'deleteCluster', weight: 2, run: ({ peer, rng, now }) => { const b = anyBoard(peer.doc, rng); const c = b && rng.pick(M.listClusters(peer.doc, b.id)); return !!c && changed(peer.doc, () => M.deleteCluster(peer.doc, c.id, now)); } },
  {
    name: 'restoreCluster', weight: 1, run: ({ peer, rng }) => {
      const ids: string[] = [];
      M.clustersMap(peer.doc).forEach((r, id) => { if (M.readCluster(r)?.deletedAt !== null) ids.push(id); });
      const id = rng.pick(ids.sort());
      return !!id && changed(peer.doc, () => M.restoreCluster(peer.doc, id));
    },
  },
  {
    name: 'createRound', weight: 2, run: ({ peer, rng, now }) => {
      const b = rng.bool(0.5) ? liveBoard(peer.doc, rng) : undefined;
      return changed(peer.doc, () => M.createVotingRound(peer.doc, { title: rng.text(), now, budget: rng.int(1, 4), anonymous: rng.bool(), scope: { boardIds: b ? [b.id] : [] }, id: rng.id() }));
    },
  },
  { name: 'openRound', weight: 3, run: ({ peer, rng }) => { const r = anyRound(peer.doc, rng); return !!r && changed(peer.doc, () => M.openVotingRound(peer.doc, r.id)); } },
  { name: 'closeRound', weight: 2, run: ({ peer, rng }) => { const r = anyRound(peer.doc, rng); return !!r && changed(peer.doc, () => M.closeVotingRound(peer.doc, r.id)); } },
  { name: 'updateRound', weight: 2, run: ({ peer, rng }) => { const r = anyRound(peer.doc, rng); return !!r && changed(peer.doc, () => M.updateVotingRound(peer.doc, r.id, { budget: rng.int(0, 4), anonymous: rng.bool() })); } },
  { name: 'deleteRound', weight: 1, run: ({ peer, rng, now }) => { const r = anyRound(peer.doc, rng); return !!r && changed(peer.doc, () => M.deleteVotingRound(peer.doc, r.id, now)); } },
  {
    name: 'castVote', weight: 12, run: ({ peer, rng }) => {
      const r = rng.pick(M.listRounds(peer.doc).filter((x) => x.status === 'open'));
      if (!r) return false;
      // Mostly notes the UI would offer (in scope), sometimes any note, which must be refused.
      const offered = M.listBoards(peer.doc).flatMap((b) => M.listNotes(peer.doc, b.id)).filter((n) => M.isNoteInScope(peer.doc, r, n.id));
      const n = rng.bool(0.85) ? rng.pick(offered) : anyNote(peer.doc, rng);
      return !!n && M.castVote(peer.doc, { roundId: r.id, voterId: peer.userId, noteId: n.id, id: rng.id() }) !== null;
    },
  },
  {
    name: 'retractVote', weight: 3, run: ({ peer, rng }) => {
      const r = anyRound(peer.doc, rng);
      const mine = r && rng.pick(M.listMyVotes(peer.doc, r.id, peer.userId));
      return !!mine && M.retractVote(peer.doc, { roundId: r.id, voterId: peer.userId, noteId: mine.noteId });
    },
  },
  { name: 'addAgenda', weight: 2, run: ({ peer, rng }) => changed(peer.doc, () => M.addAgendaItem(peer.doc, { title: rng.text(), minutes: rng.int(0, 90), boardId: anyBoard(peer.doc, rng)?.id ?? null, id: rng.id() })) },
  {
    name: 'updateAgenda', weight: 2, run: ({ peer, rng }) => {
      const i = rng.pick(M.listAgenda(peer.doc));
      return !!i && changed(peer.doc, () => M.updateAgendaItem(peer.doc, i.id, { title: rng.text(), minutes: rng.int(0, 90), boardId: rng.bool(0.3) ? null : anyBoard(peer.doc, rng)?.id }));
    },
  },
  { name: 'agendaStatus', weight: 2, run: ({ peer, rng }) => { const i = rng.pick(M.listAgenda(peer.doc)); return !!i && changed(peer.doc, () => M.setAgendaStatus(peer.doc, i.id, rng.pick(M.AGENDA_STATUSES)!)); } },
  { name: 'moveAgenda', weight: 1, run: ({ peer, rng }) => { const i = rng.pick(M.listAgenda(peer.doc)); return !!i && changed(peer.doc, () => M.moveAgendaItem(peer.doc, i.id, rng.int(0, 4))); } },
  { name: 'deleteAgenda', weight: 1, run: ({ peer, rng, now }) => { const i = rng.pick(M.listAgenda(peer.doc)); return !!i && changed(peer.doc, () => M.deleteAgendaItem(peer.doc, i.id, now)); } },
  {
    name: 'timer', weight: 3, run: ({ peer, rng, now }) => {
      const by = peer.deviceId;
      switch (rng.int(0, 3)) {
        case 0: return M.startTimer(peer.doc, by, rng.int(1, 20) * 60_000, now);
        case 1: return M.pauseTimer(peer.doc, by, now);
        case 2: return M.resumeTimer(peer.doc, by, now);
        default: return M.stopTimer(peer.doc, by);
      }
    },
  },
  {
    name: 'settings', weight: 2, run: ({ peer, rng }) => {
      const b = anyBoard(peer.doc, rng);
      return rng.bool() || !b ? M.setPrivateMode(peer.doc, peer.deviceId, rng.bool()) : M.setBoardLocked(peer.doc, peer.deviceId, b.id, rng.bool());
    },
  },
  {
    name: 'facilitators', weight: 1, run: ({ peer, rng, now }) => {
      const target = `device${rng.int(0, 4)}`;
      return rng.bool(0.6) ? M.addFacilitator(peer.doc, peer.deviceId, { clientId: target, name: rng.text(), now }) : M.removeFacilitator(peer.doc, peer.deviceId, target, now);
    },
  },
  { name: 'meta', weight: 1, run: ({ peer, rng }) => changed(peer.doc, () => M.updateSessionMeta(peer.doc, { title: `T${rng.text()}`, place: rng.text(), country: rng.pick(['PL', 'DE', '', 'xx']), date: rng.pick(['2025-03-01', '', 'bad']) })) },
  { name: 'undo', weight: 4, run: ({ peer }) => peer.undo.undo() !== null },
  { name: 'redo', weight: 2, run: ({ peer }) => peer.undo.redo() !== null },
];

const TOTAL_WEIGHT = OPS.reduce((s, o) => s + o.weight, 0);

/** Picks and runs one weighted random op; returns its name (with `-noop` when it did nothing). */
export function randomOp(ctx: OpContext): string {
  let r = ctx.rng.next() * TOTAL_WEIGHT;
  let op = OPS[OPS.length - 1]!;
  for (const o of OPS) {
    r -= o.weight;
    if (r < 0) {
      op = o;
      break;
    }
  }
  // Each step is its own undo step, like separate user gestures.
  ctx.peer.undo.stopCapturing();
  return op.run(ctx) ? op.name : `${op.name}-noop`;
}
