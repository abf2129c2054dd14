import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createSessionContent, createUndoManager, getNote, listClusters, listNotes, listZones } from '../../../shared/model';
import { createClock } from '../../../renderer/workshop/clock';
import { createWorkshop } from '../../../renderer/workshop/workshop';

function room() {
  const doc = new Y.Doc();
  const { boardId } = createSessionContent(doc, { title: 'Lab', firstBoardTitle: 'Main', now: 1, facilitatorId: 'fac' });
  const undoManager = createUndoManager(doc, { captureTimeout: 0 });
  const make = (deviceId: string) => createWorkshop({ doc, undoManager, me: { deviceId, name: deviceId, colour: '#0072b2' }, clock: createClock(() => 1_000_000) });
  return { doc, boardId, undoManager, fac: make('fac'), pat: make('pat') };
}

describe('zones', () => {
  it('only the facilitator adds, edits, moves or deletes them', () => {
    const { doc, boardId, fac, pat } = room();
    expect(pat.actions.addZone(boardId, { label: 'Barriers', rect: { x: 0, y: 0, w: 600, h: 400 } })).toBeNull();
    const id = fac.actions.addZone(boardId, { label: 'Barriers', prompt: 'What blocks it?', rect: { x: 0, y: 0, w: 600, h: 400 } })!;
    expect(pat.actions.updateZone(id, { label: 'Mine' })).toBe(false);
    expect(pat.actions.moveZone(id, 10, 10)).toBe(false);
    expect(pat.actions.deleteZone(id)).toBe(false);
    expect(listZones(doc, boardId)).toMatchObject([{ label: 'Barriers', prompt: 'What blocks it?', rect: { x: 0, y: 0 } }]);
  });

  it('moving a zone brings its notes along, in one undo step; other notes stay', () => {
    const { doc, boardId, fac, pat, undoManager } = room();
    const zone = fac.actions.addZone(boardId, { label: 'Barriers', rect: { x: 0, y: 0, w: 600, h: 400 } })!;
    const inside = pat.actions.addNoteNear(boardId, { x: 200, y: 200 })!;
    const outside = pat.actions.addNoteNear(boardId, { x: 1200, y: 200 })!;
    expect(getNote(doc, inside)!.zoneId).toBe(zone);
    expect(getNote(doc, outside)!.zoneId).toBeNull();
    const was = getNote(doc, inside)!.pos;
    undoManager.stopCapturing();
    fac.actions.moveZone(zone, 500, 40);
    expect(getNote(doc, inside)!.pos).toMatchObject({ x: was.x + 500, y: was.y + 40 });
    expect(getNote(doc, inside)!.zoneId).toBe(zone);
    expect(listZones(doc, boardId)[0]!.rect).toMatchObject({ x: 500, y: 40 });
    fac.undo.undo();
    expect(getNote(doc, inside)!.pos).toMatchObject(was);
    expect(listZones(doc, boardId)[0]!.rect).toMatchObject({ x: 0, y: 0 });
  });

  it('deleting a zone keeps its notes; undo gives the zone its notes back', () => {
    const { doc, boardId, fac } = room();
    const zone = fac.actions.addZone(boardId, { label: 'Barriers', rect: { x: 0, y: 0, w: 600, h: 400 } })!;
    const note = fac.actions.addNoteNear(boardId, { x: 200, y: 200 })!;
    fac.actions.deleteZone(zone);
    expect(listZones(doc, boardId)).toEqual([]);
    expect(getNote(doc, note)).toMatchObject({ zoneId: null, deletedAt: null });
    fac.undo.undo();
    expect(listZones(doc, boardId)).toHaveLength(1);
    expect(getNote(doc, note)!.zoneId).toBe(zone);
  });
});

describe('clusters', () => {
  it('a participant groups a selection, moves it as one, ungroups, and undo regroups', () => {
    const { doc, boardId, pat } = room();
    const ids = [0, 1, 2].map((i) => pat.actions.addNoteNear(boardId, { x: i * 300, y: 0 })!);
    const cluster = pat.actions.groupAsCluster(ids, 'Heating')!;
    expect(listClusters(doc, boardId)).toMatchObject([{ id: cluster, title: 'Heating', memberIds: expect.arrayContaining(ids) }]);
    const before = listNotes(doc, boardId).map((n) => n.pos);
    pat.actions.moveCluster(cluster, 30, -20);
    expect(listNotes(doc, boardId).map((n) => ({ x: n.pos.x, y: n.pos.y }))).toEqual(before.map((p) => ({ x: p.x + 30, y: p.y - 20 })));
    pat.actions.ungroup(cluster);
    expect(listClusters(doc, boardId)).toEqual([]);
    expect(listNotes(doc, boardId)).toHaveLength(3);
    pat.undo.undo();
    expect(listClusters(doc, boardId)[0]!.memberIds).toHaveLength(3);
  });
});

describe('dot voting', () => {
  it('the facilitator opens a round on a board; one vote per note when asked; ending freezes the ranking', async () => {
    const { voteTotals, listRounds } = await import('../../../shared/model');
    const { doc, boardId, fac, pat } = room();
    const a = pat.actions.addNoteNear(boardId, { x: 0, y: 0 })!;
    const b = pat.actions.addNoteNear(boardId, { x: 400, y: 0 })!;
    expect(pat.actions.startVoting({ boardId, title: 'R', budget: 3, anonymous: true, onePerNote: true, hideResults: true })).toBeNull();
    const round = fac.actions.startVoting({ boardId, title: 'R', budget: 3, anonymous: true, onePerNote: true, hideResults: true })!;
    expect(pat.actions.vote(round, a)).not.toBeNull();
    expect(pat.actions.vote(round, a)).toBeNull();
    expect(pat.can('vote', { roundId: round, noteId: a })).toEqual({ allowed: false, reason: 'alreadyVoted' });
    expect(pat.actions.vote(round, b)).not.toBeNull();
    expect(pat.actions.retractVote(round, b)).toBe(true);
    expect(fac.actions.vote(round, a)).not.toBeNull();
    expect(pat.actions.endVoting(round)).toBe(false);
    expect(fac.actions.endVoting(round)).toBe(true);
    expect(listRounds(doc)[0]).toMatchObject({ status: 'closed', onePerNote: true, hideResults: true });
    expect(voteTotals(doc, round)).toEqual([{ noteId: a, votes: 2 }]);
  });
});
