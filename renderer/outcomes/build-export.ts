import type { TFunction } from 'i18next';
import type * as Y from 'yjs';
import { readSession, SCHEMA_VERSION } from '../../shared/model';
import { renderBoardPng } from './board-png';
import { loadReportFonts } from './report-fonts';
import { archiveState, ARCHIVE_EXTENSION, boardPicture, buildArchive, exportFileName, noteRows, notesCsv, exportLabels, sessionJson, sessionMarkdown } from '../../shared/export';

export const EXPORT_FORMATS = ['pdf', 'csv', 'excel', 'markdown', 'archive', 'json', 'png'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportFile {
  name: string;
  data: BlobPart;
  type: string;
}

/** One export of the open session, in the reader's language, named `<title> <date>.<ext>`. */
export async function buildExport(format: ExportFormat, init: { doc: Y.Doc; sessionId: string; t: TFunction; now: number; boardId: string | null }): Promise<ExportFile> {
  const { doc, sessionId, t, now } = init;
  const content = readSession(doc);
  const labels = exportLabels((key, options) => t(key, options ?? {}));
  const date = content.meta.date || new Date(now).toISOString().slice(0, 10);
  const name = (ext: string) => exportFileName(content.meta.title, date, ext);
  const json = () => JSON.stringify(sessionJson(content, { sessionId, now }), null, 2);
  switch (format) {
    case 'pdf': {
      const [{ sessionPdf }, fonts] = await Promise.all([import('../../shared/export/pdf-report'), loadReportFonts()]);
      const bytes = await sessionPdf(content, labels.report, fonts, now);
      return { name: name('pdf'), data: bytes as Uint8Array<ArrayBuffer>, type: 'application/pdf' };
    }
    case 'excel': {
      // exceljs is large: loaded (from the app's own files, offline too) only when a workbook is made.
      const { sessionWorkbook } = await import('../../shared/export/workbook');
      const bytes = await sessionWorkbook(content, labels.workbook);
      return { name: name('xlsx'), data: bytes as Uint8Array<ArrayBuffer>, type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };
    }
    case 'png': {
      // The board on screen (else the first), whole, as the image of it.
      const board = content.boards.find((b) => b.board.id === init.boardId) ?? content.boards[0];
      if (!board) throw new Error('no board');
      const bytes = await renderBoardPng(boardPicture(board));
      return { name: exportFileName(`${content.meta.title} ${board.board.title}`, date, 'png'), data: bytes as Uint8Array<ArrayBuffer>, type: 'image/png' };
    }
    case 'csv':
      return { name: name('csv'), data: notesCsv(noteRows(content), labels.csv), type: 'text/csv;charset=utf-8' };
    case 'markdown':
      return {
        name: name('md'),
        type: 'text/markdown;charset=utf-8',
        data: sessionMarkdown(content, labels.markdown),
      };
    case 'json':
      return { name: name('json'), data: json(), type: 'application/json' };
    case 'archive': {
      const bytes = buildArchive({ sessionId, title: content.meta.title, schemaVersion: content.meta.schemaVersion || SCHEMA_VERSION, state: archiveState(doc), json: json(), now, decisions: content.decisions });
      return { name: name(ARCHIVE_EXTENSION), data: bytes as Uint8Array<ArrayBuffer>, type: 'application/zip' };
    }
  }
}
