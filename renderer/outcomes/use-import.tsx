import { useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_ARCHIVE_BYTES } from '../../shared/export';
import { appDatabase } from '../storage/database';
import { sessionHref } from '../ui/hash-route';
import { importBytes, type ImportDeps, type ImportOutcome, type ImportProblem } from './import-file';
import { importOutcomeMessage } from './import-messages';

export type { ImportOutcome, MergedNote } from './import-file';

export type ImportProps = Pick<ImportDeps, 'summarise' | 'merge' | 'me'>;

/**
 * `Import` on Home (its button, and its result shown under Home's actions): a session archive
 * (.tlab) from another computer, or a JSON export. Validated whole before
 * anything is written (shared/export/archive.ts); a session this device lacks is created, one it
 * has is merged, and the result is announced. A refused file changes nothing and says why.
 */
export function useImport({ summarise, merge, me }: ImportProps): { button: ReactNode; result: ReactNode } {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [cancelled, setCancelled] = useState(false);
  // Each import's ticket: Cancel moves it on, and the import stops before it writes anything.
  const run = useRef(0);
  const stillWanted = (ticket: number) => ticket === run.current;
  const [problem, setProblem] = useState<ImportProblem | null>(null);
  const [done, setDone] = useState<ImportOutcome | null>(null);

  const importFile = async (file: File) => {
    setProblem(null);
    setDone(null);
    setCancelled(false);
    if (file.size > MAX_ARCHIVE_BYTES) return setProblem('tooLarge');
    const ticket = ++run.current;
    setBusy(file.name);
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      if (!stillWanted(ticket)) return;
      const result = await importBytes(bytes, { db: appDatabase(), summarise, merge, me, stillWanted: () => stillWanted(ticket) });
      if (result === null) return;
      if ('problem' in result) setProblem(result.problem);
      else setDone(result);
    } finally {
      if (stillWanted(ticket)) setBusy(null);
      if (input.current) input.current.value = '';
    }
  };
  const cancel = () => {
    run.current++;
    setBusy(null);
    setCancelled(true);
  };

  const message = done
    ? importOutcomeMessage(t, done)
    : busy
      ? t('outcomes.importing', { file: busy })
      : cancelled
        ? t('outcomes.importCancelled')
        : '';
  const button = (
    <>
      <button type="button" className="button" title={t('outcomes.importHint')} disabled={busy !== null} onClick={() => input.current?.click()}>
        {t('outcomes.import')}
      </button>
      <input
        ref={input}
        type="file"
        hidden
        tabIndex={-1}
        aria-label={t('outcomes.importHint')}
        accept=".tlab,application/zip,.json,application/json"
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) void importFile(file);
        }}
      />
    </>
  );
  const result = (
      <div className="import-result">
        {busy && (
          <span className="import-progress">
            <progress aria-label={t('outcomes.importing', { file: busy })} />
            <button type="button" className="button small" onClick={cancel}>
              {t('outcomes.cancelImport')}
            </button>
          </span>
        )}
        <p role="status" className={message ? 'import-status' : 'visually-hidden'}>
          {message}
          {done && (
            <>
              {' '}
              <a href={sessionHref(done.sessionId)}>{t('outcomes.openImported', { title: done.title })}</a>
            </>
          )}
        </p>
        {done?.kind === 'merged' && done.notes.length > 0 && (
          <ul className="import-changes" aria-label={t('outcomes.changesList')}>
            {done.notes.slice(0, 10).map((n, i) => (
              <li key={i}>
                {t(n.added ? 'outcomes.noteAdded' : 'outcomes.noteChanged', { text: n.text.trim() || t('note.empty'), board: n.board })}
              </li>
            ))}
            {done.notes.length > 10 && <li>{t('apart.more', { count: done.notes.length - 10 })}</li>}
          </ul>
        )}
        {problem && (
          <p role="alert" className="import-problem">
            {t(`outcomes.problems.${problem}`)}
          </p>
        )}
      </div>
  );
  return { button, result };
}
