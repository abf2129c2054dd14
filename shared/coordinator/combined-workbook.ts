import ExcelJS from 'exceljs';
import type { CombinedTable } from './combined-tables';

const safe = (cell: string | number) => (typeof cell === 'string' && /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell);

/** One sheet per combined table (the app loads this module, and exceljs with it, only when asked). */
export async function combinedWorkbook(tables: readonly CombinedTable[]): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Transition Lab';
  for (const table of tables) {
    const sheet = book.addWorksheet(table.title.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31));
    sheet.addRow(table.columns).font = { bold: true };
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
    for (const row of table.rows) sheet.addRow(row.map(safe));
    table.columns.forEach((name, i) => (sheet.getColumn(i + 1).width = /text|tekst/i.test(name) ? 60 : 18));
  }
  return new Uint8Array(await book.xlsx.writeBuffer());
}
