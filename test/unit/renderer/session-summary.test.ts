import { describe, expect, it } from 'vitest';
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
});
