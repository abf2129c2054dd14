import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addBoard, addNote, createSessionContent, deleteBoard, deleteNote, foldForSearch, searchNotes, setNoteTags, whoMustAct } from '../../../shared/model';

function session() {
  const doc = new Y.Doc();
  const { boardId } = createSessionContent(doc, { title: 'Lab', firstBoardTitle: 'Ideas', now: 1, facilitatorId: 'f' });
  const second = addBoard(doc, { title: 'Barriers', now: 2 });
  const note = (board: string, text: string, authorId = 'a') => addNote(doc, { boardId: board, pos: { x: 0, y: 0 }, now: 3, text, authorId, authorName: authorId });
  return { doc, first: boardId, second, note };
}

describe('search', () => {
  it('folds case, accents and Polish letters', () => {
    expect(foldForSearch('Źródła ŁÓDŹ Gdańsk')).toBe('zrodla lodz gdansk');
  });

  it('finds notes on every board by all words in any case or accent, and skips deleted ones', () => {
    const { doc, first, second, note } = session();
    const a = note(first, 'Źródła finansowania: fundusze UE');
    const b = note(second, 'Brak źródeł danych o emisjach');
    const gone = note(second, 'Źródła usunięte');
    deleteNote(doc, gone, 4);
    expect(searchNotes(doc, 'zrod').map((h) => [h.noteId, h.boardTitle])).toEqual([[a, 'Ideas'], [b, 'Barriers']]);
    expect(searchNotes(doc, 'ZRODLA ue').map((h) => h.noteId)).toEqual([a]);
    expect(searchNotes(doc, '   ')).toEqual([]);
    deleteBoard(doc, second, 5);
    expect(searchNotes(doc, 'zrod').map((h) => h.noteId)).toEqual([a]);
  });

  it('leaves out what this person may not see', () => {
    const { doc, first, note } = session();
    note(first, 'mine: heat pumps', 'me');
    note(first, 'theirs: heat pumps', 'them');
    expect(searchNotes(doc, 'heat', { canSee: (n) => n.authorId === 'me' }).map((h) => h.text)).toEqual(['mine: heat pumps']);
  });
});

describe('who must act', () => {
  it('pivots notes by level and actor, keeping untagged notes in their own row and column', () => {
    const { doc, first, second, note } = session();
    const n1 = note(first, 'Ministry changes the procurement law');
    const n2 = note(second, 'City energy agency runs one-stop shop');
    const n3 = note(second, 'Not yet tagged');
    const n4 = note(first, 'Region funds pilots');
    setNoteTags(doc, n1, { level: 'national', actor: 'public-authority' }, 5);
    setNoteTags(doc, n2, { level: 'local', actor: 'public-authority' }, 5);
    setNoteTags(doc, n4, { level: 'regional' }, 5);
    const pivot = whoMustAct(doc);
    expect(pivot.levels).toEqual(['national', 'regional', 'local', null]);
    expect(pivot.actors).toEqual(['public-authority', null]);
    expect(pivot.cell('national', 'public-authority').map((n) => n.noteId)).toEqual([n1]);
    expect(pivot.cell('local', 'public-authority')).toMatchObject([{ noteId: n2, boardTitle: 'Barriers' }]);
    expect(pivot.cell('regional', null).map((n) => n.noteId)).toEqual([n4]);
    expect(pivot.cell(null, null).map((n) => n.noteId)).toEqual([n3]);
    expect(pivot.total).toBe(4);
  });
});
