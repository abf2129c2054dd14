// The one-pass read model (readSession, readSessionCounts) against what it replaces: the Home
// summary's counting (readSessionMeta + countLiveNotes, on every storage write) and board-by-board
// projections (listNotes + listClusters + listZones per board, each walking every note).
import * as Y from 'yjs';
import * as M from '../../shared/model';
import { summarise, writeResults } from './support/results';

const BOARDS = 8;
const ROUNDS = 30;

function build(notes: number): Y.Doc {
  const doc = new Y.Doc();
  const { boardId } = M.createSessionContent(doc, { title: 'Bench', firstBoardTitle: 'B0', now: 1, facilitatorId: 'f' });
  const boards = [boardId, ...Array.from({ length: BOARDS - 1 }, (_, i) => M.addBoard(doc, { title: `B${i + 1}`, now: 2 }))];
  const ids: string[] = [];
  for (let i = 0; i < notes; i++) {
    const board = boards[i % BOARDS]!;
    ids.push(M.addNote(doc, { boardId: board, pos: { x: (i * 37) % 4000, y: (i * 53) % 3000 }, now: 10 + i, text: `Note ${i}: a barrier or an opportunity`, authorId: `p${i % 40}` }));
  }
  for (const board of boards) M.addCluster(doc, { boardId: board, title: 'Cluster', now: 5, noteIds: ids.filter((_, i) => i % BOARDS === boards.indexOf(board)).slice(0, 10) });
  return doc;
}

function time(fn: () => unknown): number[] {
  for (let i = 0; i < 3; i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  return samples;
}

const round = (s: ReturnType<typeof summarise>) => ({ n: s.n, median: +s.median.toFixed(3), p95: +s.p95.toFixed(3) });
const results: Record<string, unknown> = { environment: 'node', boards: BOARDS, unit: 'ms per call' };
for (const n of [1_000, 4_000]) {
  const doc = build(n);
  const oneReadModel = summarise(time(() => M.readSession(doc)));
  const counts = summarise(time(() => M.readSessionCounts(doc)));
  const oldSummary = summarise(time(() => [M.readSessionMeta(doc), M.countLiveNotes(doc)]));
  const perBoard = summarise(
    time(() => M.listBoards(doc).map((b) => [M.listNotes(doc, b.id), M.listClusters(doc, b.id), M.listZones(doc, b.id)])),
  );
  results[`${n}notes`] = { readSession: round(oneReadModel), readSessionCounts: round(counts), countLiveNotesSummary: round(oldSummary), perBoardProjections: round(perBoard) };
  console.log(
    `${n} notes: readSession ${oneReadModel.median.toFixed(2)} ms (p95 ${oneReadModel.p95.toFixed(2)}); ` +
      `readSessionCounts ${counts.median.toFixed(2)} ms; old summary ${oldSummary.median.toFixed(2)} ms; per-board projections ${perBoard.median.toFixed(2)} ms`,
  );
}
writeResults('read-session', results);
