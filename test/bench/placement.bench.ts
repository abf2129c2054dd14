// What pressing N costs on a crowded board (issue 11: "new notes land inside the view, never on
// another"): placement searches the view for a free spot among nearby notes. Compared in the same
// run with adding a note at a fixed spot (no search), on boards of 200, 1,000 and 5,000 notes, with
// the view full (the worst case: every nearby spot is taken and the search runs to its end).
import * as Y from 'yjs';
import * as M from '../../shared/model';
import { createClock } from '../../renderer/workshop/clock';
import { createWorkshop } from '../../renderer/workshop/workshop';
import { summarise, timeRounds, writeResults } from './support/results';

const ROUNDS = 30;

function board(notes: number) {
  const doc = new Y.Doc();
  const { boardId } = M.createSessionContent(doc, { title: 'Bench', firstBoardTitle: 'Main', now: 1, facilitatorId: 'f' });
  const w = createWorkshop({ doc, undoManager: M.createUndoManager(doc), me: { deviceId: 'f', name: 'Fran', colour: '#0072b2' }, clock: createClock() });
  const cols = Math.ceil(Math.sqrt(notes));
  for (let i = 0; i < notes; i++) M.addNote(doc, { boardId, pos: { x: (i % cols) * 220, y: Math.floor(i / cols) * 220 }, now: 10 + i, text: `Idea ${i}` });
  const middle = (cols * 220) / 2;
  return { doc, boardId, w, view: { x: middle - 700, y: middle - 450, w: 1400, h: 900 }, centre: { x: middle, y: middle } };
}

const time = (fn: (round: number) => unknown) => timeRounds(ROUNDS, fn);

const round = (s: ReturnType<typeof summarise>) => ({ n: s.n, median: +s.median.toFixed(3), p95: +s.p95.toFixed(3) });
const results: Record<string, unknown> = { environment: 'node', unit: 'ms per note added' };
for (const n of [200, 1_000, 5_000]) {
  const placed = board(n);
  const plain = board(n);
  const withPlacement = summarise(time(() => placed.w.actions.addNoteNear(placed.boardId, placed.centre, placed.view)));
  const fixedSpot = summarise(time((r) => M.addNote(plain.doc, { boardId: plain.boardId, pos: { x: -5_000 - r * 220, y: -5_000 }, now: 1, text: '' })));
  results[`${n}notes`] = { addNoteNear: round(withPlacement), addAtFixedSpot: round(fixedSpot), ratio: +(withPlacement.median / fixedSpot.median).toFixed(1) };
  console.log(`${n} notes: N with placement ${withPlacement.median.toFixed(2)} ms (p95 ${withPlacement.p95.toFixed(2)}), at a fixed spot ${fixedSpot.median.toFixed(2)} ms`);
}
writeResults('placement', results);
