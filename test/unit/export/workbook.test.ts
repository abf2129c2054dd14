import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as M from '../../../shared/model';
import { sessionWorkbook, type WorkbookLabels } from '../../../shared/export/workbook';
import { addBoardFromTemplate } from '../../../shared/templates/apply';
import { builtInTemplate } from '../../../shared/templates';
import { en } from '../../../shared/i18n/en';

const labels: WorkbookLabels = {
  column: (c) => c,
  level: (l) => en.tags.levels[l],
  actor: (a) => en.tags.actors[a],
  colour: (c) => c,
  voting: 'Voting',
  round: 'Round',
  rank: 'Rank',
};

/** A note placed in the middle of the board's zone with this label. */
function noteIn(doc: Y.Doc, boardId: string, zoneLabel: string, text: string, extra: Partial<M.NewNote> = {}): string {
  const zone = M.listZones(doc, boardId).find((z) => z.label === zoneLabel)!;
  return M.addNote(doc, { boardId, pos: { x: zone.rect.x + 20, y: zone.rect.y + 60 }, now: 5, text, ...extra });
}

describe('Excel workbook', () => {
  it('has a sheet per board, a voting sheet and CCC tables, read back by exceljs with Polish intact', async () => {
    const doc = new Y.Doc();
    M.createSessionContent(doc, { title: 'Lab Warszawa', firstBoardTitle: 'Pomysły', now: 1, facilitatorId: 'fac', facilitatorName: 'Anna' });
    const bo = addBoardFromTemplate(doc, builtInTemplate('barriers-opportunities')!, { language: 'pl', now: 2 });
    const sm = addBoardFromTemplate(doc, builtInTemplate('stakeholder-map')!, { language: 'en', now: 3 });
    const pf = addBoardFromTemplate(doc, builtInTemplate('portfolio')!, { language: 'en', now: 4 });
    const tt = addBoardFromTemplate(doc, builtInTemplate('transition-team')!, { language: 'pl', now: 4 });
    noteIn(doc, pf, 'Buildings · Finance and funding', 'Revolving fund for deep renovation');
    noteIn(doc, pf, 'Mobility and transport · Governance and policy', 'Metropolitan mobility board with the region', { level: 'regional', actor: 'public-authority' });
    noteIn(doc, tt, 'Wskaźniki emisji', 'Emisje CO2 z budynków miejskich');
    const barrier = noteIn(doc, bo, 'Budynki · Bariery', 'Brak środków na termomodernizację', { level: 'national', authorName: 'Ola' });
    noteIn(doc, bo, 'Budynki · Szanse', 'Fundusze UE na renowację');
    noteIn(doc, bo, 'Budynki · Bariery', '=cmd|calc', {});
    noteIn(doc, bo, 'Budynki · Bariery', 'still private', { private: true });
    noteIn(doc, sm, 'Manage closely', 'Ministry of Climate');
    const round = M.createVotingRound(doc, { title: 'Priorytety', now: 6, scope: { boardIds: [bo] } });
    M.openVotingRound(doc, round);
    M.castVote(doc, { roundId: round, voterId: 'v', noteId: barrier });
    M.closeVotingRound(doc, round);

    const bytes = await sessionWorkbook(M.readSession(doc), labels);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes.buffer as ArrayBuffer);
    const names = book.worksheets.map((w) => w.name);
    expect(names).toEqual([
      'Pomysły',
      ...[bo, sm, pf, tt].map((id) => M.getBoard(doc, id)!.title.slice(0, 31)),
      'Voting',
      'CCC A-3.1',
      'CCC A-3.2',
      'CCC B-2.1',
      'CCC B-2.2',
      'CCC C-1.2',
      'CCC B-3.1',
    ]);
    const boSheet = book.getWorksheet(names[1]!)!;
    const texts = boSheet.getColumn(3).values.filter((v) => typeof v === 'string');
    expect(texts).toEqual(expect.arrayContaining(['text', 'Brak środków na termomodernizację', 'Fundusze UE na renowację', "'=cmd|calc"]));
    expect(texts).not.toContain('still private');
    expect(boSheet.getRow(1).getCell(7).value).toBe('votes');
    const voting = book.getWorksheet('Voting')!;
    expect(voting.getRow(2).values).toEqual([undefined, 'Priorytety', 1, 'Brak środków na termomodernizację', 1]);
    const a31 = book.getWorksheet('CCC A-3.1')!;
    expect(a31.getRow(2).values).toEqual([undefined, 'Sector', 'Barriers', 'Opportunities', 'Responsible level']);
    const a31Rows = [3, 4, 5].map((r) => (a31.getRow(r).values as unknown[]).slice(1));
    expect(a31Rows).toContainEqual(['Budynki', 'Brak środków na termomodernizację', '', 'National']);
    expect(a31Rows).toContainEqual(['Budynki', '', 'Fundusze UE na renowację', '']);
    const a32 = book.getWorksheet('CCC A-3.2')!;
    expect((a32.getRow(3).values as unknown[]).slice(1)).toEqual(['', 'Ministry of Climate', 'High', 'High']);
    const b21 = [3, 4].map((r) => (book.getWorksheet('CCC B-2.1')!.getRow(r).values as unknown[]).slice(1));
    expect(b21).toContainEqual(['Buildings', 'Revolving fund for deep renovation', 'Finance and funding']);
    // B-2.2: the Action Plan's column groups above its headers, one outline per portfolio action.
    const b22 = book.getWorksheet('CCC B-2.2')!;
    expect((b22.getRow(2).values as unknown[]).slice(1, 5)).toEqual(['Action outline', '', '', 'Reference to impact pathway']);
    expect((b22.getRow(3).values as unknown[]).slice(1, 8)).toEqual([
      'Action name',
      'Action type',
      'Action description',
      'Field of action',
      'Systemic lever',
      'Outcome (according to module B-1.1)',
      'Responsible bodies/person for implementation',
    ]);
    expect(b22.getRow(3).values).toHaveLength(16);
    const outlines = [4, 5].map((r) => (b22.getRow(r).values as unknown[]).slice(1, 8));
    expect(outlines).toContainEqual(['Metropolitan mobility board with the region', '', '', 'Mobility and transport', 'Governance and policy', '', 'Regional · Public authority']);
    // C-1.2: only the actions under the governance lever are governance innovations.
    const c12 = book.getWorksheet('CCC C-1.2')!;
    expect((c12.getRow(2).values as unknown[]).slice(1)).toEqual(['Intervention name', 'Description', 'Systemic barriers / opportunities addressed', 'Leadership and stakeholders involved', 'Enabling impact', 'Co-benefits']);
    expect((c12.getRow(3).values as unknown[]).slice(1, 5)).toEqual(['Metropolitan mobility board with the region', '', 'Mobility and transport', 'Regional · Public authority']);
    expect(c12.rowCount).toBe(3);
    expect((book.getWorksheet('CCC B-3.1')!.getRow(3).values as unknown[]).slice(1, 5)).toEqual(['Wskaźniki emisji', '', 'I-1', 'Emisje CO2 z budynków miejskich']);
  });
});
