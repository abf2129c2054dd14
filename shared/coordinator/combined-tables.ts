import Papa from 'papaparse';
import type { ActorType, GovernanceLevel } from '../model';
import { actionsWithVotes, barriersAndOpportunities, whoMustActCounts, type CombinedNote } from './combined';
import { recurringThemes, type Theme } from './themes';

/**
 * The combined tables as plain rows of cells, in the reader's language: what the coordinator view
 * shows and what its CSV and Excel exports write, from one function so screen and file agree.
 */
export const COMBINED_TABLES = ['notes', 'barriers', 'actions', 'whoMustAct', 'themes'] as const;
export type CombinedTableId = (typeof COMBINED_TABLES)[number];

export const COMBINED_COLUMNS = [
  'lab',
  'country',
  'city',
  'date',
  'session',
  'board',
  'zone',
  'cluster',
  'text',
  'level',
  'actor',
  'votes',
  'sector',
  'kind',
  'field',
  'lever',
  'theme',
  'keyWords',
  'sessions',
  'labs',
] as const;
export type CombinedColumn = (typeof COMBINED_COLUMNS)[number];

export interface CombinedLabels {
  table: (id: CombinedTableId) => string;
  column: (column: CombinedColumn) => string;
  level: (level: GovernanceLevel) => string;
  actor: (actor: ActorType) => string;
  kind: (kind: 'barrier' | 'opportunity') => string;
  untagged: string;
  country: (code: string) => string;
}

export interface CombinedTable {
  id: CombinedTableId;
  title: string;
  columns: string[];
  rows: (string | number)[][];
}

/** `themes`: recurringThemes(notes) when the caller already has them (they are the costly part). */
export function combinedTable(id: CombinedTableId, notes: readonly CombinedNote[], labels: CombinedLabels, themes?: readonly Theme[]): CombinedTable {
  const col = (...names: CombinedColumn[]) => names.map(labels.column);
  const level = (l: GovernanceLevel | null) => (l ? labels.level(l) : '');
  const actor = (a: ActorType | null) => (a ? labels.actor(a) : '');
  const where = (n: CombinedNote) => [n.lab, labels.country(n.country), n.city, n.session];
  const title = labels.table(id);
  switch (id) {
    case 'notes':
      return {
        id,
        title,
        columns: col('lab', 'country', 'city', 'date', 'session', 'board', 'zone', 'cluster', 'text', 'level', 'actor', 'votes'),
        rows: notes.map((n) => [n.lab, labels.country(n.country), n.city, n.date, n.session, n.board, n.zone, n.cluster, n.text, level(n.level), actor(n.actor), n.votes]),
      };
    case 'barriers':
      return {
        id,
        title,
        columns: col('sector', 'kind', 'level', 'text', 'votes', 'lab', 'country', 'city', 'session'),
        rows: barriersAndOpportunities(notes).map((r) => [r.sector, labels.kind(r.kind), level(r.note.level), r.note.text, r.note.votes, ...where(r.note)]),
      };
    case 'actions':
      return {
        id,
        title,
        columns: col('text', 'votes', 'field', 'lever', 'level', 'actor', 'lab', 'country', 'city', 'session'),
        rows: actionsWithVotes(notes).map((r) => [r.note.text, r.note.votes, r.field, r.lever, level(r.note.level), actor(r.note.actor), ...where(r.note)]),
      };
    case 'whoMustAct': {
      const counts = whoMustActCounts(notes);
      return {
        id,
        title,
        columns: [labels.column('level'), ...counts.actors.map((a) => (a ? labels.actor(a) : labels.untagged))],
        rows: counts.levels.map((l, i) => [l ? labels.level(l) : labels.untagged, ...counts.counts[i]!]),
      };
    }
    case 'themes':
      return {
        id,
        title,
        columns: col('theme', 'keyWords', 'labs', 'sessions', 'text', ...(['lab', 'country', 'city', 'session'] as const)),
        rows: (themes ?? recurringThemes(notes)).flatMap((theme, i) => theme.notes.map((n) => [i + 1, theme.words.join(', '), theme.labs, theme.sessions, n.text, ...where(n)])),
      };
  }
}

/** RFC 4180, UTF-8 with a BOM, formulas defused: the same rules as the session CSV (shared/export/csv.ts). */
export function combinedCsv(table: CombinedTable): string {
  return '\uFEFF' + Papa.unparse({ fields: table.columns, data: table.rows.map((r) => r.map(String)) }, { newline: '\r\n', escapeFormulae: true }) + '\r\n';
}
