import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../ui/format';
import { sessionHref } from '../ui/hash-route';
import { useLiveQuery } from '../ui/use-live-query';
import { renameStoredSession } from '../session/open-sessions';
import { summariseSession } from '../session/session-summary';
import { appDatabase, type SessionSummary } from '../storage/database';
import { duplicateSession, listSessions, markDeleted, purgeDeleted, restoreDeleted, UNDO_DELETE_MS } from '../storage/session-library';
import { classifyStorageError } from '../storage/storage-errors';
import { DeleteSessionDialog, RenameSessionDialog } from './SessionDialogs';
import './home.css';

type Dialog = { kind: 'rename' | 'delete'; session: SessionSummary } | null;

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function SessionList() {
  const { t, i18n } = useTranslation();
  const db = appDatabase();
  // Only the small summary rows: the list never opens a session's doc to render.
  const { value: sessions, error } = useLiveQuery(() => listSessions(db), []);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [notice, setNotice] = useState<{ kind: 'status' | 'alert'; text: string } | null>(null);

  // Sessions marked deleted (by this tab, another tab, or before a reload) are purged once their
  // undo window has passed; until then each has an Undo toast.
  const deleted = sessions?.deleted ?? [];
  useEffect(() => {
    if (deleted.length === 0) return;
    const timers = deleted.map((s) =>
      setTimeout(
        () => void purgeDeleted(db, Date.now() - UNDO_DELETE_MS, s.id).catch(() => undefined),
        Math.max(0, (s.deletedAt ?? 0) + UNDO_DELETE_MS - Date.now()) + 50,
      ),
    );
    return () => timers.forEach(clearTimeout);
  }, [deleted.map((s) => `${s.id}:${s.deletedAt}`).join(',')]);

  useEffect(() => {
    if (notice?.kind !== 'status') return;
    const timer = setTimeout(() => setNotice(null), 6_000);
    return () => clearTimeout(timer);
  }, [notice]);

  async function run(action: () => Promise<void>) {
    try {
      await action();
    } catch (e) {
      setNotice({ kind: 'alert', text: t('sessions.actionFailed', { message: errorText(e) }) });
    }
  }

  if (error) {
    const reason = classifyStorageError(error);
    return (
      <p role="alert" className="banner error">
        {reason === 'failed' ? t('storage.failed', { message: errorText(error) }) : t(`storage.${reason}`)}
      </p>
    );
  }
  if (!sessions) {
    return (
      <p role="status" className="muted">
        {t('sessions.loading')}
      </p>
    );
  }

  return (
    <>
      {sessions.live.length === 0 ? (
        <p className="empty-state">{t('home.empty')}</p>
      ) : (
        <ul className="session-list" aria-label={t('home.sessionsList')}>
          {sessions.live.map((s) => (
            <li key={s.id} className="session-card">
              <a href={sessionHref(s.id)} className="session-title">
                {s.title}
              </a>
              <span className="muted">{t('home.noteCount', { count: s.noteCount })}</span>
              <span className="muted">{t('home.lastChange', { date: formatDateTime(s.updatedAt, i18n.language) })}</span>
              <span className="muted small">{t('home.created', { date: formatDateTime(s.createdAt, i18n.language) })}</span>
              <div className="session-actions">
                <button type="button" className="button small" aria-label={t('sessions.rename')} onClick={() => setDialog({ kind: 'rename', session: s })}>
                  {t('sessions.renameShort')}
                </button>
                <button
                  type="button"
                  className="button small"
                  aria-label={t('sessions.duplicate')}
                  onClick={() =>
                    void run(async () => {
                      const title = t('sessions.copyTitle', { title: s.title });
                      await duplicateSession(db, s.id, { title, summarise: summariseSession });
                      setNotice({ kind: 'status', text: t('sessions.duplicated', { title }) });
                    })
                  }
                >
                  {t('sessions.duplicateShort')}
                </button>
                <button type="button" className="button small danger" aria-label={t('sessions.delete')} onClick={() => setDialog({ kind: 'delete', session: s })}>
                  {t('sessions.deleteShort')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}

      <div className="home-toasts">
        {deleted.map((s) => (
          <div key={s.id} role="status" className="home-toast">
            <span>{t('sessions.deleted', { title: s.title })}</span>
            <button type="button" className="button small" onClick={() => void run(() => restoreDeleted(db, s.id))}>
              {t('sessions.undo')}
            </button>
          </div>
        ))}
        {notice?.kind === 'status' && (
          <div role="status" className="home-toast">
            <span>{notice.text}</span>
          </div>
        )}
      </div>
      {notice?.kind === 'alert' && (
        <p role="alert" className="banner error">
          {notice.text}
        </p>
      )}

      {dialog?.kind === 'rename' && (
        <RenameSessionDialog
          title={dialog.session.title}
          onRename={(title) => renameStoredSession(dialog.session.id, title, db)}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'delete' && (
        <DeleteSessionDialog title={dialog.session.title} onDelete={() => markDeleted(db, dialog.session.id)} onClose={() => setDialog(null)} />
      )}
    </>
  );
}
