import type { CsvLabels } from './csv';
import { decisionLabels } from './decision-text';
import type { MarkdownLabels } from './markdown';
import type { ReportLabels } from './pdf-report';
import type { WorkbookLabels } from './workbook';

/** The catalog lookup the exports need (i18next's `t`, or anything shaped like it). */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

/**
 * Every export's wording from the i18n catalog, in one place: the app's Export menu and the
 * committed samples use the same keys, so a sample reads exactly as the app writes it.
 */
export function exportLabels(t: Translate): { csv: CsvLabels; markdown: MarkdownLabels; report: ReportLabels; workbook: WorkbookLabels } {
  const csv: CsvLabels = {
    column: (c) => t(`outcomes.columns.${c}`),
    level: (l) => t(`tags.levels.${l}`),
    actor: (a) => t(`tags.actors.${a}`),
    colour: (c) => t(`note.colours.${c}`),
  };
  const common = {
    agenda: t('agenda.name'),
    votingResults: t('voting.results'),
    noZone: t('outcomes.elsewhere'),
    votes: (count: number) => t('outcomes.votes', { count }),
    by: (name: string) => t('outcomes.by', { name }),
  };
  return {
    csv,
    markdown: { ...csv, ...common, minutes: (minutes) => t('outcomes.minutes', { minutes }) },
    report: {
      ...csv,
      ...common,
      report: t('outcomes.report'),
      participants: (count) => t('outcomes.participants', { count }),
      boards: (count) => t('outcomes.boardsCount', { count }),
      notes: (count) => t('outcomes.notesCount', { count }),
      agendaLine: (planned, actual) => (actual === null ? t('outcomes.agendaLine', { planned }) : t('outcomes.agendaLineActual', { planned, actual })),
      byLevel: t('voting.byLevel'),
      noLevel: t('voting.noLevel'),
      exportedOn: (date) => t('outcomes.exportedOn', { date }),
      emptyBoard: t('outcomes.emptyBoard'),
      decisions: decisionLabels(t),
    },
    workbook: { ...csv, voting: t('outcomes.votingSheet'), round: t('outcomes.round'), rank: t('outcomes.rank') },
  };
}
