import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addNote, createSessionContent, getBoard, listNotes, listZones, templatesMap } from '../../../shared/model';
import { addBoardFromTemplate, builtInTemplate, duplicateBoard, sessionTemplates, shareTemplate, templateFromBoard } from '../../../shared/templates';

function session() {
  const doc = new Y.Doc();
  const { boardId } = createSessionContent(doc, { title: 'Lab', firstBoardTitle: 'Main', now: 1, facilitatorId: 'f' });
  return { doc, boardId };
}

describe('boards from templates', () => {
  it('a Polish session gets the canvas in Polish, zones in the template’s order and places', () => {
    const { doc } = session();
    const tpl = builtInTemplate('stakeholder-map')!;
    const id = addBoardFromTemplate(doc, tpl, { language: 'pl', now: 5 });
    expect(getBoard(doc, id)).toMatchObject({ title: 'Mapa interesariuszy', kind: 'canvas', templateId: 'stakeholder-map' });
    expect(listZones(doc, id).map((z) => [z.label, z.prompt, z.rect])).toEqual(tpl.zones.map((z) => [z.label.pl, z.prompt.pl, z.rect]));
  });

  it('a duplicate carries zones and notes (in their zones), not the original’s ids', () => {
    const { doc } = session();
    const board = addBoardFromTemplate(doc, builtInTemplate('brainstorm')!, { language: 'en', now: 5 });
    const zone = listZones(doc, board)[0]!;
    addNote(doc, { boardId: board, pos: { x: 100, y: 100 }, now: 6, text: 'Solar roofs', authorId: 'a', authorName: 'Ana' });
    const copy = duplicateBoard(doc, board, { title: 'Brainstorm (copy)', now: 7 })!;
    const notes = listNotes(doc, copy);
    expect(notes).toMatchObject([{ text: 'Solar roofs', authorName: 'Ana', pos: { x: 100, y: 100 } }]);
    const copiedZone = listZones(doc, copy)[0]!;
    expect(copiedZone.id).not.toBe(zone.id);
    expect(notes[0]!.zoneId).toBe(copiedZone.id);
  });

  it('a board saved as a template is shared in the session; junk a peer wrote there is skipped', () => {
    const { doc } = session();
    const board = addBoardFromTemplate(doc, builtInTemplate('impact-pathway')!, { language: 'en', now: 5 });
    const tpl = templateFromBoard(doc, board, 'Our pathway', '')!;
    shareTemplate(doc, tpl);
    doc.transact(() => templatesMap(doc).set('junk', { id: 'junk', title: 'no' }));
    expect(sessionTemplates(doc).map((t) => t.title.en)).toEqual(['Our pathway']);
    expect(sessionTemplates(doc)[0]!.zones).toHaveLength(5);
  });
});
