import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { connectedPeers, type SessionSync, type SyncSnapshot } from './session-sync';
import { useSyncSnapshot } from './use-session-sync';
import { relayFatalMessageKey } from './relay-state';
import type { HubLinkSnapshot } from './hub-link';
import { HubAlert, HubStatus } from './HubStatus';
import './sync.css';

export type ConnectionKind = 'offline' | 'connecting' | 'online' | 'stopped';

export function describeConnection(snapshot: SyncSnapshot, t: TFunction): { kind: ConnectionKind; text: string } {
  if (snapshot.fatal) return { kind: 'stopped', text: t('connection.notConnected') };
  const peers = connectedPeers(snapshot);
  if (snapshot.hosting && snapshot.relay.kind === 'connected') {
    return { kind: 'online', text: t('connection.hosting', { count: peers }) };
  }
  // The facilitator's own host is the door for everyone else: say plainly when it is shut.
  if (snapshot.hosting && snapshot.hasHost && snapshot.hostLost) return { kind: 'stopped', text: t('room.hostDown') };
  if (snapshot.relay.kind === 'connected' || snapshot.webrtcPeers > 0) {
    return { kind: 'online', text: t('connection.connected', { count: peers }) };
  }
  if (snapshot.relay.kind === 'connecting') return { kind: 'connecting', text: t('connection.connecting') };
  return { kind: 'offline', text: t('connection.offline') };
}

/** Header status (docs/ui-contract.md: status `Connection`); refusals also become an alert with what to do. */
export function ConnectionStatus({ sync, hub = null }: { sync: SessionSync | null; hub?: HubLinkSnapshot | null }) {
  const { t, i18n } = useTranslation();
  const snapshot = useSyncSnapshot(sync);
  const { kind, text } = describeConnection(snapshot, t);
  const synced =
    snapshot.lastSyncedAt !== null
      ? t('connection.lastSynced', {
          time: new Intl.DateTimeFormat(i18n.language, { hour: '2-digit', minute: '2-digit' }).format(snapshot.lastSyncedAt),
        })
      : null;
  const hostDown = snapshot.hosting && snapshot.hasHost && snapshot.hostLost && !snapshot.fatal;
  const hint = [
    hostDown ? t('room.hostDownHint', { count: connectedPeers(snapshot) }) : null,
    kind === 'offline' ? (snapshot.hasHost ? t('connection.offlineHint') : t('connection.noHost')) : null,
    synced,
  ]
    .filter(Boolean)
    .join(' — ');
  return (
    <>
      <span
        role="status"
        aria-label={t('connection.label')}
        className={`connection-status ${kind}`}
        data-state={kind}
        data-relay={snapshot.relay.kind}
        data-webrtc={snapshot.webrtc}
        data-webrtc-peers={snapshot.webrtcPeers}
        title={hint || undefined}
      >
        <span className="connection-dot" aria-hidden="true" />
        <span className="connection-text">{text}</span>
        {synced && <span className="connection-synced">{` · ${synced}`}</span>}
        {hub && <HubStatus hub={hub} />}
      </span>
      <HubAlert hub={hub} />
      {snapshot.hostCannotSave && !snapshot.fatal && (
        <p role="alert" className="banner error floating">
          {t('connection.hostCannotSave')}
        </p>
      )}
      {snapshot.fatal && (
        <p role="alert" className="banner error floating">
          {t(relayFatalMessageKey(snapshot.fatal))}
          {snapshot.fatal === 'hostForgot' && sync?.canAdminister && (
            <>
              {' '}
              <button type="button" onClick={() => sync.reclaim()}>
                {t('connection.reclaim')}
              </button>
            </>
          )}
        </p>
      )}
    </>
  );
}
