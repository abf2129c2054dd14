import ExcelJS from 'exceljs';
import type { SessionContent } from '../model';
import { cccSheets } from './ccc-sheets';
import type { CsvLabels } from './csv';
import { NOTE_COLUMNS, noteRows } from './note-rows';

export interface WorkbookLabels extends CsvLabels {
  voting: string;
  round: string;
  rank: string;
}

/** Excel forbids these in sheet names and caps them at 31 characters; names must be unique. */
function sheetName(title: string, taken: Set<string>): string {
  const base = title.replace(/[\\/?*[\]:]/g, ' ').replace(/^'+|'+$/g, '').trim().slice(0, 31) || 'Board';
  let name = base;
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${base.slice(0, 31 - String(i).length - 1)} ${i}`;
  taken.add(name.toLowerCase());
  return name;
}

/**
 * Text that a spreadsheet would read as a formula is kept as text: exceljs writes strings as
 * strings (never formulas), and the leading character is prefixed as in the CSV for readers that
 * re-evaluate cells on paste.
 */
const safe = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

/**
 * The Excel workbook (exceljs): a sheet per board (one row per note), a voting sheet, and the
 * Climate City Contract tables the canvases fill (ccc-sheets.ts). Returns the .xlsx bytes.
 */
export async function sessionWorkbook(content: SessionContent, labels: WorkbookLabels): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Transition Lab';
  book.title = content.meta.title;
  const taken = new Set<string>();
  const rows = noteRows(content);
  const header = (sheet: ExcelJS.Worksheet, columns: string[]) => {
    sheet.addRow(columns).font = { bold: true };
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
  };
  const columns = NOTE_COLUMNS.filter((c) => c !== 'session' && c !== 'board');
  for (const { board } of content.boards) {
    const sheet = book.addWorksheet(sheetName(board.title, taken));
    header(sheet, columns.map((c) => labels.column(c)));
    for (const r of rows.filter((row) => row.board === board.title)) {
      sheet.addRow([r.zone, r.cluster, safe(r.text), labels.colour(r.colour), r.level ? labels.level(r.level) : '', r.actor ? labels.actor(r.actor) : '', r.votes, r.author, r.created]);
    }
    sheet.getColumn(3).width = 60;
    sheet.getColumn(3).alignment = { wrapText: true, vertical: 'top' };
  }
  const text = new Map(content.boards.flatMap((b) => b.notes.filter((n) => !n.private).map((n) => [n.id, n.text] as const)));
  const voting = book.addWorksheet(sheetName(labels.voting, taken));
  header(voting, [labels.round, labels.rank, labels.column('text'), labels.column('votes')]);
  for (const { round, totals } of content.rounds) {
    if (round.status !== 'closed' || round.deletedAt !== null) continue;
    totals.filter((t) => text.has(t.noteId)).forEach((t, i) => voting.addRow([round.title, i + 1, safe(text.get(t.noteId)!), t.votes]));
  }
  for (const ccc of cccSheets(content, labels)) {
    if (ccc.rows.length === 0) continue;
    const sheet = book.addWorksheet(sheetName(`CCC ${ccc.id}`, taken));
    sheet.addRow([ccc.title]).font = { bold: true, size: 13 };
    if (ccc.groups) sheet.addRow(ccc.groups.map((g, i) => (ccc.groups![i - 1] === g ? '' : g))).font = { bold: true, italic: true };
    sheet.addRow(ccc.columns).font = { bold: true };
    for (const row of ccc.rows) sheet.addRow(row.map(safe));
    ccc.columns.forEach((_, i) => (sheet.getColumn(i + 1).width = 40));
  }
  const buffer = await book.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
