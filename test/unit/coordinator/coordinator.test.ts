import Papa from 'papaparse';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as X from '../../../shared/export';
import * as C from '../../../shared/coordinator';
import { combinedWorkbook } from '../../../shared/coordinator/combined-workbook';
import { labArchives } from '../../fixtures/coordinator/lab-archives';
import { en } from '../../../shared/i18n/en';

/** What the coordinator view does with dropped archives: merge by session id, then read. */
function collect(files: Uint8Array[]): C.LabSession[] {
  const docs = new Map<string, { doc: Y.Doc; heads: string[] }>();
  for (const bytes of files) {
    const read = X.readArchive(bytes);
    if (!read.ok) throw new Error(read.problem);
    const entry = docs.get(read.archive.manifest.sessionId) ?? { doc: new Y.Doc(), heads: [] };
    Y.applyUpdate(entry.doc, read.archive.state);
    entry.heads.push(...(read.archive.manifest.decisionHeads ?? []));
    docs.set(read.archive.manifest.sessionId, entry);
  }
  return [...docs].map(([id, { doc, heads }]) => C.labSessionOf(id, doc, { heads }));
}

const labels: C.CombinedLabels = {
  table: (id) => en.coordinator.tables[id],
  column: (c) => en.coordinator.columns[c],
  level: (l) => en.tags.levels[l],
  actor: (a) => en.tags.actors[a],
  kind: (k) => (k === 'barrier' ? 'Barrier' : 'Opportunity'),
  untagged: 'Not tagged',
  country: (c) => c,
};

describe('coordinator: sessions from many archives', () => {
  const archives = labArchives();
  const sessions = collect(archives.map((a) => a.bytes));

  it('lists each session once with lab, country, city, date, participants and notes', () => {
    expect(archives).toHaveLength(5);
    expect(sessions.map((s) => [s.lab, s.country, s.city, s.date]).sort()).toEqual([
      ['Krajowe laboratorium PL', 'PL', 'Warszawa', '2026-11-26'],
      ['Krajowe laboratorium PL', 'PL', 'Warszawa', '2026-12-01'],
      ['Liberec Region lab', 'CZ', 'Liberec', '2026-11-28'],
      ['National transition lab CZ', 'CZ', 'Liberec', '2026-11-20'],
    ]);
    for (const s of sessions) {
      expect(s.notes).toBeGreaterThan(0);
      expect(s.participants).toBeGreaterThan(0);
      expect(s.record.problem).toBeNull();
    }
  });

  it('never counts a note twice: the same archive again, or two copies of one session', () => {
    const once = C.combinedNotes(sessions);
    const twice = C.combinedNotes(collect([...archives, ...archives].map((a) => a.bytes)));
    expect(twice.length).toBe(once.length);
    expect(new Set(once.map((n) => n.key)).size).toBe(once.length);
    // The copy's extra note is there, once; the original's notes are not doubled by the copy.
    const liberecAlone = collect([archives[2]!.bytes]);
    const liberecBoth = collect([archives[2]!.bytes, archives[3]!.bytes]);
    expect(liberecBoth[0]!.notes).toBe(liberecAlone[0]!.notes + 1);
    expect(C.combinedNotes(liberecBoth).filter((n) => n.text === 'Energy communities in municipal buildings')).toHaveLength(1);
  });

  it('combined tables: barriers by sector and level, actions by votes, who must act', () => {
    const notes = C.combinedNotes(sessions);
    const barriers = C.barriersAndOpportunities(notes);
    expect(barriers.length).toBeGreaterThan(20);
    expect(new Set(barriers.map((b) => b.note.lab)).size).toBe(3);
    const sectors = barriers.map((b) => b.sector);
    expect([...sectors].sort((a, b) => a.localeCompare(b))).toEqual(sectors);
    expect(barriers.some((b) => b.kind === 'opportunity' && b.note.level === null)).toBe(true);
    const actions = C.actionsWithVotes(notes);
    expect(actions.map((a) => a.note.votes)).toEqual([...actions.map((a) => a.note.votes)].sort((a, b) => b - a));
    expect(actions[0]!.note.votes).toBeGreaterThan(0);
    expect(actions.some((a) => a.lever === 'Governance and policy' && a.note.text === 'Interdisciplinary structures at the City of Warsaw')).toBe(true);
    const who = C.whoMustActCounts(notes);
    const total = who.counts.flat().reduce((a, b) => a + b, 0);
    expect(total).toBe(who.tagged);
    expect(who.counts[who.levels.indexOf('local')]![who.actors.indexOf('public-authority')]).toBeGreaterThan(0);
  });

  it('exports a combined table as CSV that papaparse reads back, and all of them as a workbook', async () => {
    const notes = C.combinedNotes(sessions.filter((s) => s.country === 'PL'));
    const table = C.combinedTable('notes', notes, labels);
    const csv = C.combinedCsv(table);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const parsed = Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toHaveLength(notes.length);
    expect(new Set(parsed.data.map((r) => r.Country))).toEqual(new Set(['PL']));
    expect(parsed.data.every((r) => r.Lab === 'Krajowe laboratorium PL')).toBe(true);
    const tables = C.COMBINED_TABLES.map((id) => C.combinedTable(id, notes, labels));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await combinedWorkbook(tables)).buffer as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(C.COMBINED_TABLES.map((id) => en.coordinator.tables[id]));
    expect(book.getWorksheet(en.coordinator.tables.notes)!.rowCount).toBe(notes.length + 1);
  });
});

describe('coordinator: recurring themes', () => {
  const note = (text: string, sessionId = 's1', lab = 'A'): C.CombinedNote => ({
    key: `${sessionId}/${text}`,
    sessionId,
    session: sessionId,
    lab,
    country: '',
    city: '',
    date: '',
    board: '',
    templateId: null,
    zone: '',
    cluster: '',
    text,
    level: null,
    actor: null,
    votes: 0,
  });

  it('key words: lower case, no accents, no common words, cut to five letters', () => {
    expect(C.keyWords('Brak środków na termomodernizację budynków')).toEqual(['brak', 'srodk', 'termo', 'budyn']);
    expect(C.keyWords('The lack of funding for the renovation of buildings')).toEqual(['lack', 'fundi', 'renov', 'build']);
    expect(C.keyWords('Łódź')).toEqual(['lodz']);
  });

  it('groups notes that share half their key words, across sessions, and leaves the rest apart', () => {
    const themes = C.recurringThemes([
      note('Lack of funding for building renovation', 's1', 'A'),
      note('Bus lanes on main roads', 's1', 'A'),
      note('lack of funding for renovations of buildings!', 's2', 'B'),
      note('Funding for renovation: a lack of it', 's3', 'B'),
      note('Bus lanes', 's2', 'B'),
      note('Green roofs', 's3', 'B'),
    ]);
    expect(themes.map((t) => t.notes.map((n) => n.text))).toEqual([
      ['Lack of funding for building renovation', 'lack of funding for renovations of buildings!', 'Funding for renovation: a lack of it'],
      ['Bus lanes on main roads', 'Bus lanes'],
    ]);
    expect(themes[0]).toMatchObject({ labs: 2, sessions: 3, label: 'Lack of funding for building renovation' });
    expect(themes[0]!.words.slice(0, 3)).toEqual(['fundi', 'lack', 'renov']);
  });

  it('finds the barriers that recur across the two Warsaw sessions of the fixture', () => {
    const sessions = collect(labArchives().map((a) => a.bytes));
    const themes = C.recurringThemes(C.combinedNotes(sessions));
    const warsaw = themes.filter((t) => t.notes.every((n) => n.city === 'Warszawa') && t.sessions === 2);
    expect(warsaw.length).toBeGreaterThanOrEqual(5);
  });
});
