import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addFacilitator,
  createSessionContent,
  createUndoManager,
  createVotingRound,
  getNote,
  listNotes,
  LOCAL_ORIGIN,
  openVotingRound,
  votesMap,
} from '../../../shared/model';
import { createClock } from '../../../renderer/workshop/clock';
import { createWorkshop, type Workshop } from '../../../renderer/workshop/workshop';

const FACILITATOR = 'facilitatordevice';
const PARTICIPANT = 'participantdevice';

/** One doc, as every peer holds it: the facilitator's Workshop and a participant's on the same replica. */
function room(deviceNow = () => 1_000_000) {
  const doc = new Y.Doc();
  const { boardId } = createSessionContent(doc, { title: 'Lab', firstBoardTitle: 'Main', now: 1, facilitatorId: FACILITATOR });
  const make = (deviceId: string, name: string) =>
    createWorkshop({ doc, undoManager: createUndoManager(doc, { captureTimeout: 60_000 }), me: { deviceId, name, colour: '#0072b2' }, clock: createClock(deviceNow) });
  return { doc, boardId, facilitator: make(FACILITATOR, 'Fran'), participant: make(PARTICIPANT, 'Pat') };
}

function origins(doc: Y.Doc, run: () => void): unknown[] {
  const seen: unknown[] = [];
  const onUpdate = (_u: Uint8Array, origin: unknown) => seen.push(origin);
  doc.on('update', onUpdate);
  run();
  doc.off('update', onUpdate);
  return seen;
}

function addNote(w: Workshop, boardId: string): string {
  const id = w.actions.addNoteNear(boardId, { x: 0, y: 0 });
  if (!id) throw new Error('refused');
  return id;
}

describe('Workshop actions', () => {
  it('every action is one transaction with the local origin', () => {
    const { doc, boardId, participant } = room();
    let id = '';
    const seen = origins(doc, () => {
      id = addNote(participant, boardId);
      participant.actions.editNoteText(id, 'Retrofit schools');
      participant.actions.moveNote(id, { x: 300, y: 40 });
      participant.actions.colourNote(id, 'green');
      participant.actions.deleteNote(id);
    });
    expect(seen).toEqual([LOCAL_ORIGIN, LOCAL_ORIGIN, LOCAL_ORIGIN, LOCAL_ORIGIN, LOCAL_ORIGIN]);
    expect(getNote(doc, id)).toMatchObject({ text: 'Retrofit schools', pos: { x: 300, y: 40 }, colour: 'green' });
  });

  it('a note records its author’s device id and name; a vote its voter’s device id', () => {
    const { doc, boardId, facilitator, participant } = room();
    const id = addNote(participant, boardId);
    expect(getNote(doc, id)).toMatchObject({ authorId: PARTICIPANT, authorName: 'Pat' });

    const roundId = createVotingRound(doc, { title: 'Priorities', now: 2 });
    openVotingRound(doc, roundId);
    const voteId = participant.actions.vote(roundId, id);
    expect(voteId).not.toBeNull();
    expect(votesMap(doc).get(voteId!)).toMatchObject({ voterId: PARTICIPANT, noteId: id });
    expect(facilitator.actions.vote(roundId, id)).not.toBeNull();
  });

  it('stamps the clock’s time, corrected by a learned offset (and ignores a nonsense one)', () => {
    const { doc, boardId, participant } = room(() => 1_000_000);
    const first = addNote(participant, boardId);
    expect(getNote(doc, first)?.createdAt).toBe(1_000_000);
    participant.clock.learnOffset(2_500);
    const second = addNote(participant, boardId);
    expect(getNote(doc, second)?.createdAt).toBe(1_002_500);
    participant.clock.learnOffset(10 * 24 * 60 * 60 * 1000);
    expect(participant.clock.now()).toBe(1_002_500);
    participant.actions.deleteNote(second);
    expect(getNote(doc, second)?.deletedAt).toBe(1_002_500);
  });

  it('typing is one undo step; each other action is a step of its own', () => {
    const { doc, boardId, participant } = room();
    const id = addNote(participant, boardId);
    participant.actions.endTyping();
    for (const text of ['R', 'Re', 'Ret', 'Retrofit']) participant.actions.editNoteText(id, text);
    participant.actions.endTyping();
    participant.actions.moveNote(id, { x: 500, y: 500 });
    participant.actions.colourNote(id, 'pink');

    participant.undo.undo();
    expect(getNote(doc, id)).toMatchObject({ colour: 'yellow', pos: { x: 500, y: 500 }, text: 'Retrofit' });
    participant.undo.undo();
    expect(getNote(doc, id)?.pos).not.toEqual({ x: 500, y: 500 });
    participant.undo.undo();
    expect(getNote(doc, id)?.text).toBe('');
    participant.undo.undo();
    expect(getNote(doc, id)).toBeNull();
    participant.undo.redo();
    expect(getNote(doc, id)).not.toBeNull();
  });

  it('undo takes back only this person’s edits, never a peer’s that arrived over the network', () => {
    const { doc, boardId, participant } = room();
    // The facilitator's own replica, linked both ways as the transports do (with a remote origin).
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc), 'peer');
    doc.on('update', (u: Uint8Array, origin: unknown) => origin !== 'peer' && Y.applyUpdate(other, u, 'peer'));
    other.on('update', (u: Uint8Array, origin: unknown) => origin !== 'peer' && Y.applyUpdate(doc, u, 'peer'));
    const facilitator = createWorkshop({
      doc: other,
      undoManager: createUndoManager(other),
      me: { deviceId: FACILITATOR, name: 'Fran', colour: '#000000' },
      clock: createClock(),
    });
    const mine = addNote(participant, boardId);
    const theirs = addNote(facilitator, boardId);
    expect(getNote(doc, theirs)).not.toBeNull();
    participant.undo.undo();
    expect(getNote(doc, mine)).toBeNull();
    expect(getNote(doc, theirs)).not.toBeNull();
    expect(getNote(other, theirs)).not.toBeNull();
  });

  it('on a locked board a participant can neither add, edit, move, recolour nor delete — and nothing is written', () => {
    const { doc, boardId, facilitator, participant } = room();
    const id = addNote(participant, boardId);
    expect(participant.actions.lockBoard(boardId, true)).toBe(false);
    expect(participant.can('lockBoard', { boardId })).toEqual({ allowed: false, reason: 'facilitatorOnly' });
    expect(facilitator.actions.lockBoard(boardId, true)).toBe(true);

    const before = Y.encodeStateVector(doc);
    expect(participant.actions.addNoteNear(boardId, { x: 0, y: 0 })).toBeNull();
    expect(participant.actions.editNoteText(id, 'changed')).toBe(false);
    expect(participant.actions.moveNote(id, { x: 900, y: 900 })).toBe(false);
    expect(participant.actions.colourNote(id, 'blue')).toBe(false);
    expect(participant.actions.deleteNote(id)).toBe(false);
    expect(Y.encodeStateVector(doc)).toEqual(before);
    expect(participant.can('moveNote', { noteId: id })).toEqual({ allowed: false, reason: 'boardLocked' });

    // The facilitator still may; unlocking gives the participant the board back.
    expect(facilitator.actions.moveNote(id, { x: 10, y: 10 })).toBe(true);
    facilitator.actions.lockBoard(boardId, false);
    expect(participant.actions.moveNote(id, { x: 20, y: 20 })).toBe(true);
    expect(listNotes(doc, boardId)).toHaveLength(1);
  });

  it('asks the doc every time: a participant made facilitator may lock at once', () => {
    const { doc, boardId, participant } = room();
    expect(participant.person().facilitator).toBe(false);
    addFacilitator(doc, FACILITATOR, { clientId: PARTICIPANT, name: 'Pat', now: 3 });
    expect(participant.person().facilitator).toBe(true);
    expect(participant.actions.lockBoard(boardId, true)).toBe(true);
  });
  it('typing at a position and resizing are local, undoable, and follow the board lock like editing and moving', () => {
    const { doc, boardId, facilitator, participant } = room();
    const id = addNote(participant, boardId);
    const seen = origins(doc, () => {
      expect(participant.actions.spliceNoteText(id, { index: 0, remove: 0, insert: 'Heat pumps' })).toBe(true);
      expect(participant.actions.resizeNote(id, { w: 320, h: 240 })).toBe(true);
    });
    expect(seen).toEqual([LOCAL_ORIGIN, LOCAL_ORIGIN]);
    expect(getNote(doc, id)).toMatchObject({ text: 'Heat pumps', size: { w: 320, h: 240 } });
    participant.undo.undo();
    expect(getNote(doc, id)!.size).toEqual({ w: 200, h: 200 });

    expect(facilitator.actions.lockBoard(boardId, true)).toBe(true);
    expect(participant.actions.spliceNoteText(id, { index: 0, remove: 4, insert: 'Cold' })).toBe(false);
    expect(participant.actions.resizeNote(id, { w: 400, h: 400 })).toBe(false);
    expect(getNote(doc, id)).toMatchObject({ text: 'Heat pumps', size: { w: 200, h: 200 } });
  });
});
