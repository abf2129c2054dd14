import { useId, useMemo, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { combinedNotes, type LabSession } from '../../../shared/coordinator';
import { AppHeader } from '../../ui/AppHeader';
import { CombinedTables } from './CombinedTables';
import { SessionsTable, type SessionFilters } from './SessionsTable';
import { droppedFiles } from './dropped-files';
import { useCollection } from './use-collection';
import { ConnectToHub, HubConnection } from './ConnectToHub';
import { useHubSessions } from './use-hub-sessions';
import './coordinator.css';

/**
 * The coordinator view (Home → Coordinator view): archives from many labs in, sessions listed with
 * lab, country, city and date (filter, sort, choose), and combined tables across the chosen ones.
 */
export function CoordinatorPage() {
  const { t } = useTranslation();
  const collection = useCollection();
  const hub = useHubSessions();
  // A session both imported and on the hub shows once: the hub's copy is live.
  const sessions = useMemo(() => {
    const live = new Set(hub.sessions.map((s) => s.id));
    return [...collection.sessions.filter((s) => !live.has(s.id)), ...hub.sessions];
  }, [collection.sessions, hub.sessions]);
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const [filters, setFilters] = useState<SessionFilters>({ country: '', lab: '', city: '' });
  const [excluded, setExcluded] = useState<ReadonlySet<string>>(new Set());
  const headingId = useId();

  const visible = useMemo(
    () =>
      sessions.filter(
        (s) => (!filters.country || s.country === filters.country) && (!filters.lab || s.lab === filters.lab) && (!filters.city || s.city === filters.city),
      ),
    [sessions, filters],
  );
  const selected = useMemo(() => visible.filter((s) => !excluded.has(s.id)), [visible, excluded]);
  const notes = useMemo(() => combinedNotes(selected), [selected]);
  const flagged = sessions.filter((s) => s.record.problem);

  const take = (files: readonly File[]) => {
    if (files.length > 0) void collection.importFiles(files);
  };
  const onDrop = async (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    take(await droppedFiles(event.dataTransfer));
  };
  const toggle = (session: LabSession, include: boolean) =>
    setExcluded((current) => {
      const next = new Set(current);
      if (include) next.delete(session.id);
      else next.add(session.id);
      return next;
    });

  return (
    <div className="page">
      <AppHeader>
        <a className="back-link" href="#/">
          <span aria-hidden="true">←</span> <span className="back-link-text">{t('session.back')}</span>
        </a>
      </AppHeader>
      <main className="coordinator" aria-labelledby={headingId}>
        <div className="coordinator-intro">
          <div>
            <h1 id={headingId}>{t('coordinator.title')}</h1>
            <p className="muted">{t('coordinator.intro')}</p>
          </div>
        </div>
        <div
          className={dragging ? 'coordinator-drop dragging' : 'coordinator-drop'}
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={(e) => void onDrop(e)}
        >
          <button type="button" className="button primary" disabled={collection.progress !== null} onClick={() => input.current?.click()}>
            {t('coordinator.importArchives')}
          </button>
          <ConnectToHub hub={hub} />
          <span className="muted">{t('coordinator.drop')}</span>
          <input
            ref={input}
            type="file"
            multiple
            accept=".tlab,application/zip"
            hidden
            onChange={(e) => {
              take([...(e.target.files ?? [])]);
              e.target.value = '';
            }}
          />
        </div>
        {collection.progress && (
          <div role="status" className="coordinator-progress">
            <span>{t('coordinator.reading', { count: collection.progress.total })}</span>
            <progress max={collection.progress.total} value={collection.progress.done} aria-label={t('coordinator.reading', { count: collection.progress.total })} />
          </div>
        )}
        <HubConnection hub={hub} />
        <ImportMessages report={collection.report} sessions={collection.sessions.length} />
        {flagged.length > 0 && (
          <p role="alert" className="banner warning">
            {t('coordinator.flagged', { titles: flagged.map((s) => `“${s.title}”`).join(', ') })}
          </p>
        )}
        {collection.storageFailed && (
          <p role="alert" className="banner warning">
            {t('coordinator.storage')}
          </p>
        )}
        {!collection.loading && sessions.length === 0 ? (
          <p className="coordinator-empty muted">{t('coordinator.empty')}</p>
        ) : (
          <>
            <SessionsTable
              sessions={sessions}
              visible={visible}
              filters={filters}
              onFilters={setFilters}
              isIncluded={(s) => !excluded.has(s.id)}
              onInclude={toggle}
              onRemove={(s) => void collection.remove(s.id)}
            />
            <CombinedTables notes={notes} sessions={selected.length} />
          </>
        )}
      </main>
    </div>
  );
}

function ImportMessages({ report, sessions }: { report: ReturnType<typeof useCollection>['report']; sessions: number }) {
  const { t } = useTranslation();
  if (!report) return null;
  return (
    <>
      <p role="status" className="coordinator-status">
        {t('coordinator.imported', { count: report.read, sessions: t('coordinator.sessionsCount', { count: sessions }) })}
      </p>
      {report.problems.length > 0 && (
        <div role="alert" className="banner error">
          <ul className="coordinator-problems">
            {report.problems.map((p) => (
              <li key={p.file}>{t('coordinator.fileProblem', { file: p.file, problem: t(`outcomes.problems.${p.problem}`) })}</li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}
