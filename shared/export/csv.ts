import Papa from 'papaparse';
import { NOTE_COLUMNS, type NoteColumn, type NoteRow } from './note-rows';

/** Labels of the columns in the reader's language, and of tag codes (`level:national` → National). */
export interface CsvLabels {
  column: (column: NoteColumn) => string;
  level: (level: NonNullable<NoteRow['level']>) => string;
  actor: (actor: NonNullable<NoteRow['actor']>) => string;
  colour: (colour: NoteRow['colour']) => string;
}

/**
 * RFC 4180 CSV of the notes (papaparse writes it: quoting, CRLF), UTF-8 with a byte order mark so
 * spreadsheet programs read Polish letters right. A cell that starts with `=`, `+`, `-`, `@`, tab
 * or carriage return is prefixed with `'` (papaparse `escapeFormulae`): note text never runs as a
 * formula.
 */
export function notesCsv(rows: readonly NoteRow[], labels: CsvLabels): string {
  const body = Papa.unparse(
    {
      fields: NOTE_COLUMNS.map((c) => labels.column(c)),
      data: rows.map((r) => [
        r.session,
        r.board,
        r.zone,
        r.cluster,
        r.text,
        labels.colour(r.colour),
        r.level ? labels.level(r.level) : '',
        r.actor ? labels.actor(r.actor) : '',
        String(r.votes),
        r.author,
        r.created,
      ]),
    },
    { newline: '\r\n', quotes: false, escapeFormulae: true },
  );
  return '\uFEFF' + body + '\r\n';
}
