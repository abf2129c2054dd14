// The coordinator view at the issue's scale: 100 session archives of 300 notes (30,000 notes) from
// 10 labs in 5 countries. Measured in Node on the same functions the view runs: importing (read and
// check each archive, merge by session, read it as a LabSession) and building every combined
// table, recurring themes included. Baseline in the same run: applying the 100 raw Yjs states.
import * as Y from 'yjs';
import * as M from '../../shared/model';
import { buildArchive, inspectArchiveState, readArchive } from '../../shared/export';
import { COMBINED_TABLES, combinedNotes, combinedTable, labSessionOf, recurringThemes, type CombinedLabels, type LabSession } from '../../shared/coordinator';
import { addBoardFromTemplate } from '../../shared/templates/apply';
import { builtInTemplate } from '../../shared/templates';
import { summarise, writeResults } from './support/results';

const SESSIONS = Number(process.env.TL_BENCH_SESSIONS ?? 100);
const NOTES = 300;
const countries = ['PL', 'CZ', 'SK', 'HU', 'RO'];
const levels = ['eu', 'national', 'regional', 'local', null] as const;

// Varied wording, as real notes are: a few thousand words drawn unevenly (some recur a lot).
let seed = 7;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const letters = 'abcdefghijklmnoprstuwyząćęłńóśźż';
const vocabulary = Array.from({ length: 3000 }, () => Array.from({ length: 5 + Math.floor(random() * 5) }, () => letters[Math.floor(random() * letters.length)]).join(''));
const word = () => vocabulary[Math.floor(vocabulary.length * random() ** 2)]!;
const sentence = () => Array.from({ length: 5 + Math.floor(random() * 6) }, word).join(' ');

function labSessionDoc(i: number): Y.Doc {
  const doc = new Y.Doc();
  M.createSessionContent(doc, { title: `Session ${i}`, firstBoardTitle: 'Ideas', now: 1, facilitatorId: `f${i}`, facilitatorName: 'Anna' });
  M.updateSessionMeta(doc, { lab: `Lab ${i % 10}`, country: countries[i % 5], place: `City ${i % 20}`, date: `2026-11-${String(1 + (i % 28)).padStart(2, '0')}` });
  const canvas = addBoardFromTemplate(doc, builtInTemplate(i % 2 ? 'barriers-opportunities' : 'portfolio')!, { language: 'en', now: 2 });
  const zones = M.listZones(doc, canvas);
  for (let n = 0; n < NOTES; n++) {
    const zone = zones[n % zones.length]!;
    M.addNote(doc, { boardId: canvas, pos: { x: zone.rect.x + 10, y: zone.rect.y + 60 }, now: 3 + n, text: sentence(), authorName: `P${n % 25}`, level: levels[n % 5], actor: n % 3 ? 'public-authority' : null });
  }
  return doc;
}

const labels: CombinedLabels = { table: (id) => id, column: (c) => c, level: (l) => l, actor: (a) => a, kind: (k) => k, untagged: '-', country: (c) => c };
const t0 = performance.now();
const archives = Array.from({ length: SESSIONS }, (_, i) => {
  const doc = labSessionDoc(i);
  const content = M.readSession(doc);
  return buildArchive({ sessionId: `session-${i}`, title: content.meta.title, schemaVersion: M.SCHEMA_VERSION, state: Y.encodeStateAsUpdate(doc), json: '{}', now: 0, decisions: content.decisions });
});
const buildSeconds = (performance.now() - t0) / 1000;

function importAll(): LabSession[] {
  const merged = new Map<string, { state: Uint8Array; heads: string[] }>();
  for (const bytes of archives) {
    const read = readArchive(bytes);
    if (!read.ok) throw new Error(read.problem);
    const inside = inspectArchiveState(read.archive);
    if (!inside.session) throw new Error('not a session');
    const id = read.archive.manifest.sessionId;
    const before = merged.get(id);
    merged.set(id, { state: before ? Y.mergeUpdates([before.state, read.archive.state]) : read.archive.state, heads: read.archive.manifest.decisionHeads ?? [] });
  }
  return [...merged].map(([id, row]) => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, row.state);
    const session = labSessionOf(id, doc, { heads: row.heads });
    doc.destroy();
    return session;
  });
}

const time = (fn: () => unknown, rounds: number) => {
  fn();
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const s = performance.now();
    fn();
    samples.push(performance.now() - s);
  }
  return summarise(samples);
};

const states = archives.map((bytes) => {
  const read = readArchive(bytes);
  if (!read.ok) throw new Error(read.problem);
  return read.archive.state;
});
const rawApplyMs = time(() => states.forEach((s) => Y.applyUpdate(new Y.Doc(), s)), 3);
const importMs = time(importAll, 3);
const sessions = importAll();
const notes = combinedNotes(sessions);
const notesMs = time(() => combinedNotes(sessions), 5);
const tableMs = Object.fromEntries(COMBINED_TABLES.map((id) => [id, time(() => combinedTable(id, notes, labels), 3)]));
const themesMs = time(() => recurringThemes(notes), 3);
const themes = recurringThemes(notes);

const results = {
  sessions: sessions.length,
  notes: notes.length,
  fixtureBuildSeconds: buildSeconds,
  importMs,
  rawApplyMs,
  combinedNotesMs: notesMs,
  tableMs,
  themesMs,
  themes: themes.length,
  ratios: { importToRawApply: importMs.median / rawApplyMs.median },
};
writeResults('coordinator', results);
console.log(
  `${sessions.length} sessions, ${notes.length} notes: import ${importMs.median.toFixed(0)} ms (raw apply ${rawApplyMs.median.toFixed(0)} ms, ×${results.ratios.importToRawApply.toFixed(1)}), ` +
    `combined notes ${notesMs.median.toFixed(0)} ms, tables ${COMBINED_TABLES.map((id) => `${id} ${tableMs[id]!.median.toFixed(0)} ms`).join(', ')}, themes ${themesMs.median.toFixed(0)} ms (${themes.length} themes)`,
);
