import { useEffect, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { ownHostUrl } from '../platform/platform';
import { appDatabase, type SessionAccess } from '../storage/database';
import type { OpenSession } from '../session/open-sessions';
import { colourFor, readDisplayName } from '../identity/display-name';
import { SessionSync, type SyncSnapshot } from './session-sync';

/** Where this window connects for a session: a participant's own host link wins in a browser too. */
async function hostUrlFor(access: SessionAccess): Promise<string | null> {
  if (access.role === 'participant' && access.hostUrl) return access.hostUrl;
  return ownHostUrl();
}

/** Runs the session's transports while the view is open. */
export function useSessionSync(session: OpenSession, access: SessionAccess | null): SessionSync | null {
  const { t } = useTranslation();
  const [sync, setSync] = useState<SessionSync | null>(null);
  const defaultName = access?.role === 'facilitator' ? t('connection.facilitator') : t('connection.participant');
  useEffect(() => {
    if (!access) return;
    let live = true;
    let created: SessionSync | null = null;
    void hostUrlFor(access).then((hostUrl) => {
      if (!live) return;
      created = new SessionSync({
        session,
        access,
        hostUrl,
        db: appDatabase(),
        user: { name: readDisplayName() || defaultName, colour: colourFor(session.doc.clientID) },
      });
      created.start();
      setSync(created);
    });
    return () => {
      live = false;
      created?.destroy();
      setSync(null);
    };
    // The default name only matters at start; a language switch must not reconnect.
  }, [session, access]);
  return sync;
}

const OFFLINE: SyncSnapshot = {
  role: 'participant',
  hasHost: false,
  relay: { kind: 'offline', retryInMs: null },
  webrtc: 'off',
  webrtcPeers: 0,
  lastSyncedAt: null,
  fatal: null,
  joinCode: '',
};

const noop = () => () => {};

export function useSyncSnapshot(sync: SessionSync | null): SyncSnapshot {
  return useSyncExternalStore(sync?.subscribe ?? noop, sync?.getSnapshot ?? (() => OFFLINE));
}
