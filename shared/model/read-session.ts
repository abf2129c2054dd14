import * as Y from 'yjs';
import { listAgenda, type AgendaItemView } from './agenda';
import { readBoard, type Board } from './boards';
import { readCluster, type Cluster, type ClusterWithMembers } from './clusters';
import { boardsMap, clustersMap, notesMap, zonesMap } from './doc-roots';
import { verifyDecisionLog, type DecisionLogCheck } from './decision-log';
import { listFacilitators, type Facilitator } from './facilitators';
import { readNote, type Note } from './notes';
import { readSessionMeta, type SessionMeta } from './session-meta';
import { compareIds, readNullableNumber } from './validate';
import { totalsByLevel, voteTotals, type LevelTotals, type VoteTotal } from './votes';
import { listRounds, type VotingRound } from './voting-rounds';
import { readZone, type Zone } from './zones';

/**
 * The whole session as one plain value, for everything that looks at all of it at once: the Home
 * list's counts, exports, the coordinator view. Each root map is read exactly once (boards, zones,
 * clusters, notes), instead of a board-by-board `listNotes` that walks every note per board.
 * It applies the same rules as the per-record projections — deleted boards hide their notes, zone
 * and cluster ids resolve only to live ones on the same board, order ties break by id — and the
 * tests compare it with them. Votes go through votes.ts's tally, where the budget rule lives.
 */
export interface BoardContent {
  board: Board;
  /** In zone order. */
  zones: Zone[];
  /** Live notes, back to front. */
  notes: Note[];
  /** Live clusters, oldest first, with their live members. */
  clusters: ClusterWithMembers[];
  /** Notes in the board's "recently deleted" tray. */
  deletedNotes: number;
}

export interface RoundResult {
  round: VotingRound;
  /** Counted votes per note, most first. */
  totals: VoteTotal[];
  /** The same, split by the voters' governance level (votes.ts totalsByLevel). */
  byLevel: LevelTotals[];
}

export interface SessionCounts {
  boards: number;
  /** Live notes on live boards: what a participant sees. */
  notes: number;
  clusters: number;
  zones: number;
  /** Distinct recorded authors of those notes. */
  authors: number;
  /** Live voting rounds; their totals are in SessionContent.rounds (tallying is not a count). */
  rounds: number;
  agendaItems: number;
}

export interface SessionContent {
  meta: SessionMeta;
  /** Live boards in order. */
  boards: BoardContent[];
  /** Deleted boards, newest first (their notes are not counted anywhere). */
  deletedBoards: Board[];
  agenda: AgendaItemView[];
  rounds: RoundResult[];
  facilitators: Facilitator[];
  /** The decision record in reading order, its head and whether it checks out (decision-log.ts). */
  decisions: DecisionLogCheck;
  counts: SessionCounts;
}

function byOrder<T extends { order: number; id: string }>(a: T, b: T): number {
  return a.order - b.order || compareIds(a.id, b.id);
}

/**
 * The counts alone, in one pass over the raw records without reading any note's content: the
 * Home summary runs this on every storage write, where building the whole SessionContent — or
 * tallying votes — would cost several times more (test/bench/read-session.bench.ts). readSession
 * reports the same numbers.
 */
export function readSessionCounts(doc: Y.Doc): SessionCounts {
  const live = new Set<string>();
  boardsMap(doc).forEach((record) => {
    const board = record instanceof Y.Map ? readBoard(record) : null;
    if (board && board.deletedAt === null) live.add(board.id);
  });
  let zones = 0;
  zonesMap(doc).forEach((record) => {
    const zone = readZone(record);
    if (zone && zone.deletedAt === null && live.has(zone.boardId)) zones++;
  });
  let clusters = 0;
  clustersMap(doc).forEach((record) => {
    const cluster = readCluster(record);
    if (cluster && cluster.deletedAt === null && live.has(cluster.boardId)) clusters++;
  });
  let notes = 0;
  const authors = new Set<string>();
  notesMap(doc).forEach((record) => {
    if (!(record instanceof Y.Map)) return;
    const boardId = record.get('boardId');
    if (typeof boardId !== 'string' || !live.has(boardId) || readNullableNumber(record, 'deletedAt') !== null) return;
    notes++;
    const authorId = record.get('authorId');
    if (typeof authorId === 'string' && authorId) authors.add(authorId);
  });
  return {
    boards: live.size,
    notes,
    clusters,
    zones,
    authors: authors.size,
    rounds: listRounds(doc).length,
    agendaItems: listAgenda(doc).length,
  };
}

export function readSession(doc: Y.Doc): SessionContent {
  const live = new Map<string, BoardContent>();
  const deletedBoards: Board[] = [];
  boardsMap(doc).forEach((record) => {
    const board = record instanceof Y.Map ? readBoard(record) : null;
    if (!board) return;
    if (board.deletedAt === null) live.set(board.id, { board, zones: [], notes: [], clusters: [], deletedNotes: 0 });
    else deletedBoards.push(board);
  });

  const zoneBoard = new Map<string, string>();
  zonesMap(doc).forEach((record) => {
    const zone = readZone(record);
    if (!zone || zone.deletedAt !== null) return;
    zoneBoard.set(zone.id, zone.boardId);
    live.get(zone.boardId)?.zones.push(zone);
  });

  const clusters = new Map<string, Cluster>();
  clustersMap(doc).forEach((record) => {
    const cluster = readCluster(record);
    if (cluster && cluster.deletedAt === null && live.has(cluster.boardId)) clusters.set(cluster.id, cluster);
  });

  const authors = new Set<string>();
  notesMap(doc).forEach((record, key) => {
    const note = readNote(record, key);
    const content = note ? live.get(note.boardId) : undefined;
    if (!note || !content) return;
    if (note.deletedAt !== null) {
      content.deletedNotes++;
      return;
    }
    const zoneId = note.zoneId !== null && zoneBoard.get(note.zoneId) === note.boardId ? note.zoneId : null;
    const clusterId = note.clusterId !== null && clusters.get(note.clusterId)?.boardId === note.boardId ? note.clusterId : null;
    content.notes.push({ ...note, zoneId, clusterId });
    if (note.authorId) authors.add(note.authorId);
  });

  const boards = [...live.values()].sort((a, b) => byOrder(a.board, b.board));
  for (const content of boards) {
    content.zones.sort(byOrder);
    content.notes.sort((a, b) => a.z - b.z || compareIds(a.id, b.id));
    const members = new Map<string, string[]>();
    for (const note of content.notes) if (note.clusterId !== null) members.set(note.clusterId, [...(members.get(note.clusterId) ?? []), note.id]);
    content.clusters = [...clusters.values()]
      .filter((c) => c.boardId === content.board.id)
      .sort((a, b) => a.createdAt - b.createdAt || compareIds(a.id, b.id))
      .map((c) => ({ ...c, memberIds: members.get(c.id) ?? [] }));
  }

  const rounds = listRounds(doc).map((round) => ({ round, totals: voteTotals(doc, round.id), byLevel: totalsByLevel(doc, round.id) }));
  const agenda = listAgenda(doc);
  const sum = (f: (b: BoardContent) => number) => boards.reduce((n, b) => n + f(b), 0);
  return {
    meta: readSessionMeta(doc),
    boards,
    deletedBoards: deletedBoards.sort((a, b) => (b.deletedAt ?? 0) - (a.deletedAt ?? 0) || compareIds(a.id, b.id)),
    agenda,
    rounds,
    facilitators: listFacilitators(doc),
    decisions: verifyDecisionLog(doc),
    counts: {
      boards: boards.length,
      notes: sum((b) => b.notes.length),
      clusters: sum((b) => b.clusters.length),
      zones: sum((b) => b.zones.length),
      authors: authors.size,
      rounds: rounds.length,
      agendaItems: agenda.length,
    },
  };
}
