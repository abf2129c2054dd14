import type { TFunction } from 'i18next';
import type { ImportOutcome, ImportProblem } from './import-file';

/** What an import did, in words: created, merged (how many notes), or nothing new. */
export function importOutcomeMessage(t: TFunction, done: ImportOutcome): string {
  switch (done.kind) {
    case 'created':
      return t('outcomes.imported', { title: done.title });
    case 'merged':
      return t('outcomes.merged', { title: done.title, count: done.notes.length });
    case 'unchanged':
      return t('outcomes.mergedNothing', { title: done.title });
  }
}

/** Why a file the operating system opened was refused: its name, then Import's own message. */
export function openedFileProblemMessage(t: TFunction, file: string, problem: ImportProblem): string {
  return t('outcomes.openedFileProblem', { file, problem: t(`outcomes.problems.${problem}`) });
}
