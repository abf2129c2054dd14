import { useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import * as Y from 'yjs';
import { inspectArchiveState, MAX_ARCHIVE_BYTES, readArchive, readSessionJson, sessionFromJson, type ArchiveProblem } from '../../shared/export';
import { appDatabase, type SessionSummary } from '../storage/database';
import { createSessionFromState, hasSession } from '../storage/session-import';
import { sessionHref } from '../ui/hash-route';

export interface MergedNote {
  text: string;
  board: string;
  added: boolean;
}

type Problem = ArchiveProblem | 'notSession' | 'jsonInvalid' | 'jsonExists' | 'storage' | 'recordAltered' | 'recordTruncated';

export type ImportOutcome =
  | { kind: 'created'; sessionId: string; title: string }
  | { kind: 'merged'; sessionId: string; title: string; notes: MergedNote[] }
  | { kind: 'unchanged'; sessionId: string; title: string };

export interface ImportProps {
  summarise: (doc: Y.Doc) => Omit<SessionSummary, 'id' | 'updatedAt'>;
  /** Merges into a session this device has (session/merge-archive.ts); null: nothing new. */
  merge: (sessionId: string, state: Uint8Array) => Promise<MergedNote[] | null>;
  /** Who becomes the facilitator of a session made from a JSON export: this device. */
  me: () => Promise<{ deviceId: string; name: string }>;
}

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
  const [problem, setProblem] = useState<Problem | null>(null);
  const [done, setDone] = useState<ImportOutcome | null>(null);

  /**
   * A JSON export becomes a new session on this device (with an id of its own: its structure is
   * rebuilt, not its history, so it must never be merged with the original's archive).
   */
  const importJson = async (bytes: Uint8Array, ticket: number) => {
    const read = readSessionJson(new TextDecoder().decode(bytes).replace(/^\uFEFF/, ''));
    if (!read.ok) return setProblem(read.problem === 'newerFormat' ? 'newerFormat' : 'jsonInvalid');
    const db = appDatabase();
    const { deviceId, name } = await me();
    if (!stillWanted(ticket)) return;
    const doc = sessionFromJson(read.json, { now: Date.now(), facilitatorId: deviceId, facilitatorName: name });
    // Imported once already (the same export twice): say so rather than make a second copy.
    const sessionId = `${read.json.session.id.slice(0, 96)}-json`;
    try {
      if (await hasSession(db, sessionId)) return setProblem('jsonExists');
      const title = await createSessionFromState(db, { sessionId, state: Y.encodeStateAsUpdate(doc), summarise });
      setDone({ kind: 'created', sessionId, title });
    } catch {
      setProblem('storage');
    } finally {
      doc.destroy();
    }
  };

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
      const read = readArchive(bytes);
      if (!read.ok) {
        const looksJson = bytes[0] === 0x7b || (bytes[0] === 0xef && bytes[3] === 0x7b);
        if (read.problem === 'notArchive' && looksJson) return await importJson(bytes, ticket);
        return setProblem(read.problem);
      }
      const inside = inspectArchiveState(read.archive);
      if (!inside.session) return setProblem('notSession');
      // A record that does not check out is not merged into anything: it would spoil the genuine one.
      if (inside.record.problem) return setProblem(inside.record.problem === 'altered' ? 'recordAltered' : 'recordTruncated');
      if (!stillWanted(ticket)) return;
      const { sessionId, title } = read.archive.manifest;
      try {
        const db = appDatabase();
        if (await hasSession(db, sessionId)) {
          const notes = await merge(sessionId, read.archive.state);
          setDone(notes === null ? { kind: 'unchanged', sessionId, title } : { kind: 'merged', sessionId, title, notes });
        } else {
          setDone({ kind: 'created', sessionId, title: await createSessionFromState(db, { sessionId, state: read.archive.state, summarise }) });
        }
      } catch {
        setProblem('storage');
      }
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

  const message =
    done?.kind === 'created'
      ? t('outcomes.imported', { title: done.title })
      : done?.kind === 'merged'
        ? t('outcomes.merged', { title: done.title, count: done.notes.length })
        : done?.kind === 'unchanged'
          ? t('outcomes.mergedNothing', { title: done.title })
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
