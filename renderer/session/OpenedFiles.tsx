import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { onOpenedFile } from '../platform/platform';
import { importOpenedFile, type ImportOutcome, type ImportProblem } from '../outcomes/import-file';
import { importOutcomeMessage, openedFileProblemMessage } from '../outcomes/import-messages';
import { appDatabase } from '../storage/database';
import { navigate, sessionHref } from '../ui/hash-route';
import { importDeps } from './import-deps';

type Shown = { kind: 'busy'; file: string } | { kind: 'done'; outcome: ImportOutcome } | { kind: 'problem'; file: string; problem: ImportProblem };

/**
 * Files the operating system opened with the desktop app (a double-clicked `.tlab`), on whatever
 * screen is showing: each is imported as Home's Import would, and its session opened; a file that
 * is refused says why in an alert, and nothing is written. Several files go one after another.
 * In a plain browser no file ever arrives and this shows nothing.
 */
export function OpenedFiles() {
  const { t } = useTranslation();
  const [shown, setShown] = useState<Shown | null>(null);

  useEffect(() => {
    let live = true;
    let queue = Promise.resolve();
    const stop = onOpenedFile((file) => {
      queue = queue.then(async () => {
        if (!live) return;
        setShown({ kind: 'busy', file: file.name });
        const result = await importOpenedFile(file, { db: appDatabase(), ...importDeps, stillWanted: () => live }).catch(
          (): { problem: ImportProblem } => ({ problem: 'storage' }),
        );
        if (!live || result === null) return;
        if ('problem' in result) return setShown({ kind: 'problem', file: file.name, problem: result.problem });
        setShown({ kind: 'done', outcome: result });
        navigate(sessionHref(result.sessionId));
      });
    });
    return () => {
      live = false;
      stop();
    };
  }, []);

  if (shown?.kind === 'problem') {
    return (
      <div className="banner error floating opened-file-problem">
        <p role="alert">{openedFileProblemMessage(t, shown.file, shown.problem)}</p>
        <button type="button" className="button small" onClick={() => setShown(null)}>
          {t('outcomes.dismissProblem')}
        </button>
      </div>
    );
  }
  // Announced only: the visible answer is the session opening.
  const status = shown?.kind === 'busy' ? t('outcomes.importing', { file: shown.file }) : shown?.kind === 'done' ? importOutcomeMessage(t, shown.outcome) : '';
  return (
    <p role="status" className="visually-hidden">
      {status}
    </p>
  );
}
