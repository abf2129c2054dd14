import type * as Y from 'yjs';
import * as M from '../../../../shared/model';

/**
 * What must hold on every replica after any interleaving. Returns human-readable violations
 * (empty when all is well) so a failing seed says *what* broke, not just that something did.
 */
export function checkInvariants(doc: Y.Doc): string[] {
  const bad: string[] = [];
  const boards = new Map(M.listAllBoards(doc).map((b) => [b.id, b]));
  const rawNotes: M.Note[] = [];
  M.notesMap(doc).forEach((record, key) => {
    const note = M.readNote(record, key);
    if (!note) bad.push(`note ${key} is malformed`);
    else rawNotes.push(note);
  });
  const notesById = new Map(rawNotes.map((n) => [n.id, n]));

  // Every note is on an existing board (boards are only ever tombstoned).
  for (const n of rawNotes) if (!boards.has(n.boardId)) bad.push(`note ${n.id} is on missing board ${n.boardId}`);
  M.boardsMap(doc).forEach((record, key) => {
    if (!M.readBoard(record)) bad.push(`board ${key} is malformed`);
  });

  // Cluster references and the members projection.
  M.clustersMap(doc).forEach((record, key) => {
    const c = M.readCluster(record);
    if (!c) bad.push(`cluster ${key} is malformed`);
    else if (!boards.has(c.boardId)) bad.push(`cluster ${key} is on missing board`);
  });
  for (const n of rawNotes) {
    if (n.clusterId === null) continue;
    const c = M.getCluster(doc, n.clusterId);
    if (!c) bad.push(`note ${n.id} points at missing cluster ${n.clusterId}`);
    else if (c.boardId !== n.boardId) bad.push(`note ${n.id} is in a cluster of another board`);
  }
  for (const board of boards.values()) {
    const live = new Map(M.listNotes(doc, board.id).map((n) => [n.id, n]));
    const seen = new Set<string>();
    for (const c of M.listClusters(doc, board.id)) {
      for (const id of c.memberIds) {
        if (seen.has(id)) bad.push(`note ${id} is in two clusters`);
        seen.add(id);
        if (live.get(id)?.clusterId !== c.id) bad.push(`cluster ${c.id} lists ${id} which is not a live member`);
      }
    }
    if (board.deletedAt !== null && live.size > 0) bad.push(`deleted board ${board.id} still shows notes`);
  }

  // Votes: references and the budget rule, recomputed independently of votes.ts.
  const votes: M.Vote[] = [];
  M.votesMap(doc).forEach((value, id) => {
    const v = M.readVote(id, value);
    if (!v) bad.push(`vote ${id} is malformed`);
    else votes.push(v);
  });
  for (const v of votes) if (!M.getRound(doc, v.roundId)) bad.push(`vote ${v.id} is for missing round`);
  M.roundsMap(doc).forEach((record) => {
    const round = M.readRound(record);
    if (!round) return;
    const ballots = M.listBallots(doc, round.id);
    const counted = ballots.filter((b) => b.counted);
    if ((round.status === 'draft' || round.deletedAt !== null) && counted.length > 0) bad.push(`round ${round.id} (${round.status}) counts votes`);
    if (round.status === 'closed' && round.countedVoteIds) {
      const snap = new Set(round.countedVoteIds);
      for (const b of counted) if (!snap.has(b.id)) bad.push(`closed round ${round.id} counts ${b.id} outside its snapshot`);
    }
    const perVoter = new Map<string, M.Vote[]>();
    for (const v of votes.filter((x) => x.roundId === round.id)) perVoter.set(v.voterId, [...(perVoter.get(v.voterId) ?? []), v]);
    const countedIds = new Set(counted.map((b) => b.id));
    for (const [voter, mine] of perVoter) {
      const ordered = mine.sort((a, b) => a.seq - b.seq || (a.id < b.id ? -1 : 1));
      const n = ordered.filter((v) => countedIds.has(v.id)).length;
      if (n > round.budget) bad.push(`voter ${voter} has ${n} counted votes over budget ${round.budget} in ${round.id}`);
      // The counted votes are the earliest eligible ones: once one eligible vote is skipped for
      // budget, no later vote may count.
      let skipped = false;
      for (const v of ordered) {
        const eligible = round.status !== 'draft' && M.isNoteInScope(doc, round, v.noteId) && (!round.countedVoteIds || round.status !== 'closed' || round.countedVoteIds.includes(v.id));
        if (countedIds.has(v.id) && skipped) bad.push(`vote ${v.id} counts after an over-budget vote`);
        if (eligible && !countedIds.has(v.id)) skipped = true;
        if (countedIds.has(v.id)) {
          const note = notesById.get(v.noteId);
          if (!note || note.deletedAt !== null || boards.get(note.boardId)?.deletedAt !== null) bad.push(`vote ${v.id} counts for a hidden note`);
        }
      }
    }
    const totals = M.voteTotals(doc, round.id).reduce((s, t) => s + t.votes, 0);
    if (totals !== counted.length) bad.push(`round ${round.id} totals ${totals} != counted ballots ${counted.length}`);
    if (round.anonymous && ballots.some((b) => b.voterId !== null)) bad.push(`anonymous round ${round.id} reveals a voter`);
  });

  // Agenda items point at existing boards (or none), and flag deleted ones.
  for (const item of M.listAgenda(doc)) {
    if (item.boardId === null) continue;
    const board = boards.get(item.boardId);
    if (!board) bad.push(`agenda ${item.id} points at missing board`);
    else if (item.boardMissing !== (board.deletedAt !== null)) bad.push(`agenda ${item.id} boardMissing flag is wrong`);
  }
  for (const z of M.zonesMap(doc).values()) {
    const zone = M.readZone(z);
    if (zone && !boards.has(zone.boardId)) bad.push(`zone ${zone.id} is on missing board`);
  }

  if (M.listFacilitators(doc).length === 0) bad.push('no facilitator left');
  const timer = M.readTimer(doc, 0);
  if (timer.remainingMs > Math.max(timer.durationMs, M.MAX_TIMER_MS)) bad.push('timer remaining exceeds its range');
  return bad;
}

/** Everything a user can see, through the projections: replicas must agree on all of it. */
export function projectionSnapshot(doc: Y.Doc): unknown {
  const boards = M.listAllBoards(doc);
  return {
    meta: M.readSessionMeta(doc),
    boards,
    perBoard: boards.map((b) => ({
      notes: M.listNotes(doc, b.id),
      deleted: M.listDeletedNotes(doc, b.id),
      clusters: M.listClusters(doc, b.id),
      zones: M.listZones(doc, b.id),
    })),
    rounds: M.listRounds(doc).map((r) => ({ r, totals: M.voteTotals(doc, r.id), ballots: M.listBallots(doc, r.id) })),
    agenda: M.listAgenda(doc),
    timer: M.readTimer(doc, 1e12),
    settings: M.readSettings(doc),
    facilitators: M.listFacilitators(doc),
  };
}

/** JSON with object keys sorted: Y.Map iterates in local integration order, which differs by peer. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

/** The raw content of every root, independent of which roots a replica happened to touch. */
export function contentSnapshot(doc: Y.Doc): string {
  return canonical(M.allRoots(doc).map((m) => m.toJSON()));
}

export function projectionString(doc: Y.Doc): string {
  return canonical(projectionSnapshot(doc));
}
