import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../app/format';
import { sessionHref } from '../app/use-hash-route';
import { useLiveQuery } from '../app/use-live-query';
import { appDatabase } from '../storage/database';
import { classifyStorageError } from '../storage/storage-errors';

export function SessionList() {
  const { t, i18n } = useTranslation();
  const { value: sessions, error } = useLiveQuery(() => appDatabase().sessions.orderBy('updatedAt').reverse().toArray(), []);

  if (error) {
    const reason = classifyStorageError(error);
    return (
      <p role="alert" className="banner error">
        {reason === 'failed' ? t('storage.failed', { message: String(error) }) : t(`storage.${reason}`)}
      </p>
    );
  }
  if (!sessions) return null;
  if (sessions.length === 0) return <p className="empty-state">{t('home.empty')}</p>;

  return (
    <ul className="session-list" aria-label={t('home.sessionsList')}>
      {sessions.map((s) => (
        <li key={s.id} className="session-card">
          <a href={sessionHref(s.id)} className="session-title">
            {s.title}
          </a>
          <span className="muted">{t('home.noteCount', { count: s.noteCount })}</span>
          <span className="muted">{t('home.lastChange', { date: formatDateTime(s.updatedAt, i18n.language) })}</span>
          <span className="muted small">{t('home.created', { date: formatDateTime(s.createdAt, i18n.language) })}</span>
        </li>
      ))}
    </ul>
  );
}
