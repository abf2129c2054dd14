import { readFileSync } from 'node:fs';
import * as Y from 'yjs';
import * as M from '../../shared/model';
import { buildArchive, noteRows, notesCsv, readArchive } from '../../shared/export';
import { sessionPdf, type ReportLabels } from '../../shared/export/pdf-report';
import { sessionWorkbook, type WorkbookLabels } from '../../shared/export/workbook';
import { summarise, writeResults } from './support/results';
import { benchSession as session } from './support/bench-session';
import { decisionLabels } from '../../shared/export/decision-text';
import { translator } from '../unit/export/translate';

/**
 * Exports of a 500-note session (the target: PDF and workbook under 3 s each) and the import
 * of 20 archives, in Node on this machine. Baselines from the same run: reading the session once
 * (`readSession`, what every export starts with) and applying 20 raw Yjs states without the archive.
 */
const id = <T>(x: T) => x;
const reportLabels: ReportLabels = {
  level: id,
  actor: id,
  report: 'Report',
  participants: (n) => `${n} participants`,
  boards: (n) => `${n} boards`,
  notes: (n) => `${n} notes`,
  agenda: 'Agenda',
  agendaLine: (p) => `${p} min`,
  votingResults: 'Voting results',
  byLevel: 'By level',
  noLevel: 'No level',
  noZone: 'Elsewhere',
  votes: (n) => `${n} votes`,
  by: (n) => `by ${n}`,
  exportedOn: (d) => d,
  emptyBoard: 'Empty',
  decisions: decisionLabels(await translator('en')),
};
const workbookLabels: WorkbookLabels = { column: id, level: id, actor: id, colour: id, voting: 'Voting', round: 'Round', rank: 'Rank' };
const fonts = { regular: new Uint8Array(readFileSync('assets/fonts/DejaVuSans.ttf')), bold: new Uint8Array(readFileSync('assets/fonts/DejaVuSans-Bold.ttf')) };

async function time(rounds: number, fn: () => Promise<unknown> | unknown): Promise<number[]> {
  await fn();
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  return samples;
}

const doc = session(500);
const content = M.readSession(doc);
const readMs = summarise(await time(10, () => M.readSession(doc)));
const csvMs = summarise(await time(10, () => notesCsv(noteRows(M.readSession(doc)), workbookLabels)));
let pdfBytes = 0;
const pdfMs = summarise(
  await time(5, async () => {
    pdfBytes = (await sessionPdf(M.readSession(doc), reportLabels, fonts, 0)).length;
  }),
);
let xlsxBytes = 0;
const xlsxMs = summarise(
  await time(5, async () => {
    xlsxBytes = (await sessionWorkbook(M.readSession(doc), workbookLabels)).length;
  }),
);

// Twenty archives of twenty sessions (100 notes each), imported: read, verify, apply.
const archives = Array.from({ length: 20 }, (_, i) => {
  const d = session(100);
  return { state: Y.encodeStateAsUpdate(d), bytes: buildArchive({ sessionId: `s${i}`, title: 't', schemaVersion: M.SCHEMA_VERSION, state: Y.encodeStateAsUpdate(d), json: '{}', now: 0 }) };
});
const importMs = summarise(
  await time(3, () => {
    for (const a of archives) {
      const read = readArchive(a.bytes);
      if (!read.ok) throw new Error(read.problem);
      Y.applyUpdate(new Y.Doc(), read.archive.state);
    }
  }),
);
const rawApplyMs = summarise(await time(3, () => archives.forEach((a) => Y.applyUpdate(new Y.Doc(), a.state))));

const results = {
  notes: content.counts.notes,
  readSessionMs: readMs,
  csvMs,
  pdfMs,
  pdfBytes,
  workbookMs: xlsxMs,
  workbookBytes: xlsxBytes,
  import20ArchivesMs: importMs,
  apply20RawStatesMs: rawApplyMs,
  ratios: {
    pdfToReadSession: pdfMs.median / readMs.median,
    workbookToReadSession: xlsxMs.median / readMs.median,
    importToRawApply: importMs.median / rawApplyMs.median,
  },
};
writeResults('exports', results);
console.log(
  `500 notes: PDF ${pdfMs.median.toFixed(0)} ms (${(pdfBytes / 1024).toFixed(0)} KiB), workbook ${xlsxMs.median.toFixed(0)} ms (${(xlsxBytes / 1024).toFixed(0)} KiB), CSV ${csvMs.median.toFixed(1)} ms, readSession ${readMs.median.toFixed(1)} ms; import of 20 archives ${importMs.median.toFixed(0)} ms vs raw apply ${rawApplyMs.median.toFixed(0)} ms`,
);
