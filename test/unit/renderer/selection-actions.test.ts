import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { copyNotes, createSessionContent, createUndoManager, getNote, listNotes, LOCAL_ORIGIN, setBoardLocked } from '../../../shared/model';
import { createClock } from '../../../renderer/workshop/clock';
import { createWorkshop } from '../../../renderer/workshop/workshop';

const FACILITATOR = 'facilitatordevice';

function room() {
  const doc = new Y.Doc();
  const { boardId } = createSessionContent(doc, { title: 'Lab', firstBoardTitle: 'Main', now: 1, facilitatorId: FACILITATOR });
  const undoManager = createUndoManager(doc, { captureTimeout: 60_000 });
  const make = (deviceId: string) => createWorkshop({ doc, undoManager, me: { deviceId, name: deviceId, colour: '#0072b2' }, clock: createClock(() => 1_000_000) });
  const pat = make('participantdevice');
  const add = (x: number) => pat.actions.addNoteNear(boardId, { x, y: 0 })!;
  const ids: [string, string, string] = [add(0), add(400), add(800)];
  return { doc, boardId, undoManager, pat, facilitator: make(FACILITATOR), ids };
}

describe('selection actions', () => {
  it('move, recolour and delete a selection as one transaction and one undo step each', () => {
    const { doc, pat, ids, undoManager } = room();
    const seen: unknown[] = [];
    doc.on('update', (_u: Uint8Array, origin: unknown) => seen.push(origin));
    pat.actions.moveNotes(ids.map((noteId, i) => ({ noteId, pos: { x: i * 10, y: 500 } })));
    pat.actions.colourNotes(ids, 'blue');
    expect(pat.actions.deleteNotes(ids)).toEqual(ids);
    expect(seen).toEqual([LOCAL_ORIGIN, LOCAL_ORIGIN, LOCAL_ORIGIN]);
    undoManager.undo();
    expect(ids.map((id) => getNote(doc, id)?.deletedAt)).toEqual([null, null, null]);
    undoManager.undo();
    expect(ids.map((id) => getNote(doc, id)?.colour)).toEqual(['yellow', 'yellow', 'yellow']);
    expect(ids.map((id) => getNote(doc, id)?.pos.y)).toEqual([500, 500, 500]);
  });

  it('restoreNotes brings back exactly the notes a delete removed', () => {
    const { doc, boardId, pat, ids } = room();
    pat.actions.deleteNotes(ids.slice(0, 2));
    expect(listNotes(doc, boardId).map((n) => n.id)).toEqual([ids[2]]);
    expect(pat.actions.restoreNotes(ids.slice(0, 2)).sort()).toEqual(ids.slice(0, 2).sort());
    expect(listNotes(doc, boardId)).toHaveLength(3);
  });

  it('paste makes new notes by this person with the copied text, colour and layout', () => {
    const { doc, boardId, pat, facilitator, ids } = room();
    pat.actions.colourNotes([ids[0]], 'pink');
    pat.actions.editNoteText(ids[0], 'Heat pumps');
    const copies = copyNotes(ids.slice(0, 2).map((id) => getNote(doc, id)!));
    const pasted = facilitator.actions.pasteNotes(boardId, copies, { x: 1000, y: 1000 });
    expect(pasted).toHaveLength(2);
    const [a, b] = pasted.map((id) => getNote(doc, id)!) as [ReturnType<typeof getNote> & object, ReturnType<typeof getNote> & object];
    expect(a).toMatchObject({ text: 'Heat pumps', colour: 'pink', pos: { x: 1000, y: 1000 }, authorId: FACILITATOR });
    expect(b.pos.x - a.pos.x).toBe(getNote(doc, ids[1])!.pos.x - getNote(doc, ids[0])!.pos.x);
    expect(pasted).not.toContain(ids[0]);
  });

  it('a locked board refuses a participant’s paste, move and delete; nothing is written', () => {
    const { doc, boardId, pat, ids } = room();
    setBoardLocked(doc, FACILITATOR, boardId, true);
    const before = Y.encodeStateVector(doc);
    expect(pat.actions.pasteNotes(boardId, copyNotes([getNote(doc, ids[0])!]), { x: 0, y: 0 })).toEqual([]);
    expect(pat.actions.moveNotes([{ noteId: ids[0], pos: { x: 9, y: 9 } }])).toEqual([]);
    expect(pat.actions.deleteNotes(ids)).toEqual([]);
    expect(Y.encodeStateVector(doc)).toEqual(before);
  });

  it('arrange in a grid lines the selection up without overlap', () => {
    const { doc, pat, ids } = room();
    pat.actions.moveNotes([
      { noteId: ids[0], pos: { x: 0, y: 0 } },
      { noteId: ids[1], pos: { x: 37, y: 600 } },
      { noteId: ids[2], pos: { x: 900, y: 15 } },
    ]);
    pat.actions.arrangeNotesInGrid(ids);
    expect(ids.map((id) => getNote(doc, id)!.pos)).toEqual([
      { x: 0, y: 0 },
      { x: 0, y: 220 },
      { x: 220, y: 0 },
    ]);
  });
});
