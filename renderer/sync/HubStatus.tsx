import { useTranslation } from 'react-i18next';
import type { HubLinkSnapshot } from './hub-link';
import './hub.css';

/** "10:42" in the page's language, or null before the first sync. */
export function useHubTime(at: number | null): string | null {
  const { i18n } = useTranslation();
  return at === null ? null : new Intl.DateTimeFormat(i18n.language, { hour: '2-digit', minute: '2-digit' }).format(at);
}

/**
 * The hub's part of the header status (inside status `Connection`): *Published · last sync 10:42*
 * while publishing works, with an alert saying what to do when the hub refused the token or this
 * page may not reach it.
 */
export function HubStatus({ hub }: { hub: HubLinkSnapshot }) {
  const { t } = useTranslation();
  const time = useHubTime(hub.lastSyncedAt);
  const failed = hub.state === 'refused' || hub.state === 'blocked';
  const text = failed ? t('hub.notPublished') : time ? t('hub.published') : t('hub.publishing');
  return (
    <span className={`connection-hub ${hub.state}`} data-hub={hub.state} title={hub.state === 'offline' ? t('hub.offlineHint') : undefined}>
      {` · ${text}`}
      {time && !failed && <span className="connection-hub-time">{` · ${t('hub.lastSync', { time })}`}</span>}
    </span>
  );
}

export function HubAlert({ hub }: { hub: HubLinkSnapshot | null }) {
  const { t } = useTranslation();
  if (hub?.state !== 'refused' && hub?.state !== 'blocked') return null;
  return (
    <p role="alert" className="banner error floating">
      {t(hub.state === 'refused' ? 'hub.refused' : 'hub.blocked')}
    </p>
  );
}
