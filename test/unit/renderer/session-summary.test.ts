import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import * as M from '../../../shared/model';
import { cachedSummariser, summariseSession } from '../../../renderer/session/session-summary';

describe('the Home row of an open session', () => {
  it('is read again only after a change that can alter it, and always agrees with a fresh read', () => {
    const doc = new Y.Doc();
    const { boardId } = M.createSessionContent(doc, { title: 'Lab', firstBoardTitle: 'Main', now: 1 });
    const { summarise, stop } = cachedSummariser(doc);
    const first = summarise();
    expect(first).toEqual(summariseSession(doc));
    const id = M.addNote(doc, { boardId, pos: { x: 0, y: 0 }, now: 2, text: 'a' });
    const afterAdd = summarise();
    expect(afterAdd.noteCount).toBe(1);
    // Typing, moving and recolouring change nothing in the row: the same object comes back.
    M.setNoteText(doc, id, 'typed more', 3);
    M.moveNote(doc, id, { x: 50, y: 50 }, 4);
    M.setNoteColour(doc, id, 'blue', 5);
    expect(summarise()).toBe(afterAdd);
    M.deleteNote(doc, id, 6);
    expect(summarise().noteCount).toBe(0);
    M.renameSession(doc, 'Lab Kraków');
    expect(summarise()).toEqual(summariseSession(doc));
    const other = M.addBoard(doc, { title: 'Second', now: 7 });
    M.addNote(doc, { boardId: other, pos: { x: 0, y: 0 }, now: 8 });
    expect(summarise().noteCount).toBe(1);
    M.deleteBoard(doc, other, 9);
    expect(summarise()).toEqual(summariseSession(doc));
    expect(summarise().noteCount).toBe(0);
    stop();
  });

  it('counts no note for a write after a note was added to a 5,000-note session', () => {
    const doc = new Y.Doc();
    const { boardId } = M.createSessionContent(doc, { title: 'Lab', firstBoardTitle: 'Main', now: 1 });
    doc.transact(() => {
      for (let i = 0; i < 5_000; i++) M.addNote(doc, { boardId, pos: { x: i, y: 0 }, now: 2 + i });
    });
    const { summarise, stop } = cachedSummariser(doc);
    expect(summarise().noteCount).toBe(5_000);
    M.addNote(doc, { boardId, pos: { x: 0, y: 9_000 }, now: 9_000 });
    // Every read of a record field is a Y.Map get: a recount would make at least one per note.
    const gets = vi.spyOn(Y.Map.prototype, 'get');
    try {
      expect(summarise().noteCount).toBe(5_001);
      expect(gets.mock.calls.length).toBeLessThan(50);
    } finally {
      gets.mockRestore();
    }
    expect(summarise()).toEqual(summariseSession(doc));
    stop();
  });
});
