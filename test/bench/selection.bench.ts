// Working with a selection on a board of 200 and 1,000 notes (issue 11's brainstorm size and
// beyond): what one key press or one drop costs in the model — Tab's reading order, moving,
// recolouring, deleting and pasting the whole board as one transaction, arranging it in a grid.
import * as Y from 'yjs';
import * as M from '../../shared/model';
import { createClock } from '../../renderer/workshop/clock';
import { createWorkshop } from '../../renderer/workshop/workshop';
import { summarise, timeRounds, writeResults } from './support/results';

const ROUNDS = 15;

function room(notes: number) {
  const doc = new Y.Doc();
  const { boardId } = M.createSessionContent(doc, { title: 'Bench', firstBoardTitle: 'Main', now: 1, facilitatorId: 'f' });
  const w = createWorkshop({ doc, undoManager: M.createUndoManager(doc), me: { deviceId: 'f', name: 'Fran', colour: '#0072b2' }, clock: createClock() });
  const ids: string[] = [];
  for (let i = 0; i < notes; i++) ids.push(M.addNote(doc, { boardId, pos: { x: (i * 223) % 4_400, y: Math.floor(i / 20) * 220 + (i % 7) }, now: 10 + i, text: `Idea ${i}` }));
  return { doc, boardId, w, ids };
}

const time = (fn: (round: number) => unknown) => timeRounds(ROUNDS, fn);

const round = (s: ReturnType<typeof summarise>) => ({ n: s.n, median: +s.median.toFixed(3), p95: +s.p95.toFixed(3) });
const results: Record<string, unknown> = { environment: 'node', unit: 'ms per operation' };
for (const n of [200, 1_000]) {
  const { doc, boardId, w, ids } = room(n);
  const rects = () => M.listNotes(doc, boardId).map((x) => ({ id: x.id, x: x.pos.x, y: x.pos.y, w: x.size.w, h: x.size.h }));
  const tab = summarise(time(() => M.readingOrder(rects())));
  const move = summarise(time((r) => w.actions.moveNotes(ids.map((id) => ({ noteId: id, pos: { x: M.getNote(doc, id)!.pos.x + 10, y: M.getNote(doc, id)!.pos.y + (r % 2) } })))));
  const colour = summarise(time((r) => w.actions.colourNotes(ids, r % 2 ? 'blue' : 'green')));
  const arrange = summarise(time(() => w.actions.arrangeNotesInGrid(ids)));
  const copies = M.copyNotes(ids.map((id) => M.getNote(doc, id)!));
  const decode = summarise(time(() => M.decodeNoteClipboard(M.encodeNoteClipboard(copies))));
  const before = Y.encodeStateAsUpdate(doc).byteLength;
  const pasted: string[][] = [];
  const paste = summarise(time((r) => pasted.push(w.actions.pasteNotes(boardId, copies, { x: 10_000 + r * 50, y: 0 }))));
  const del = summarise(time((r) => w.actions.deleteNotes(pasted[r + 1] ?? [])));
  const growth = Y.encodeStateAsUpdate(doc).byteLength - before;
  results[`${n}notes`] = {
    tabReadingOrder: round(tab),
    moveAll: round(move),
    recolourAll: round(colour),
    arrangeAll: round(arrange),
    clipboardEncodeDecode: round(decode),
    pasteAll: round(paste),
    deleteAll: round(del),
    docBytesPerPastedNote: Math.round(growth / (n * (ROUNDS + 1))),
  };
  console.log(
    `${n} notes: Tab order ${tab.median.toFixed(2)} ms; move all ${move.median.toFixed(1)} ms; recolour all ${colour.median.toFixed(1)} ms; ` +
      `arrange ${arrange.median.toFixed(1)} ms; clipboard ${decode.median.toFixed(1)} ms; paste all ${paste.median.toFixed(1)} ms; delete all ${del.median.toFixed(1)} ms`,
  );
}
writeResults('selection', results);
