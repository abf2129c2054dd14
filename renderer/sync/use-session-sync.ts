import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { ownHostUrl } from '../platform/platform';
import { appDatabase, type SessionAccess } from '../storage/database';
import type { PresenceUser } from '../identity/person';
import { SessionSync, type SyncedSession, type SyncSnapshot } from './session-sync';

/** Where this window connects for a session: the host it joined through, else its own. */
async function hostUrlFor(access: SessionAccess): Promise<string | null> {
  return access.hostUrl || ownHostUrl();
}

/**
 * Runs the session's transports while the view is open. `user` and `isFacilitator` are read when
 * the transports start (and the latter on every reconnect); a rename must not reconnect.
 */
export function useSessionSync(
  session: SyncedSession,
  access: SessionAccess | null,
  user: PresenceUser,
  isFacilitator: () => boolean,
): SessionSync | null {
  const [sync, setSync] = useState<SessionSync | null>(null);
  const latest = useRef({ user, isFacilitator });
  latest.current = { user, isFacilitator };
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
        user: latest.current.user,
        isFacilitator: () => latest.current.isFacilitator(),
      });
      created.start();
      setSync(created);
    });
    return () => {
      live = false;
      created?.destroy();
      setSync(null);
    };
  }, [session, access]);
  return sync;
}

/** Before any session's transports exist (and the base that tests vary). */
export const OFFLINE_SNAPSHOT: SyncSnapshot = {
  hosting: false,
  hasHost: false,
  relay: { kind: 'offline', retryInMs: null },
  webrtc: 'off',
  webrtcPeers: 0,
  lastSyncedAt: null,
  fatal: null,
  joinCode: '',
  hostLost: false,
  hostCannotSave: false,
};

const noop = () => () => {};

export function useSyncSnapshot(sync: SessionSync | null): SyncSnapshot {
  const read = sync?.getSnapshot ?? (() => OFFLINE_SNAPSHOT);
  // The same snapshot when rendered outside a browser (tests render the status to markup).
  return useSyncExternalStore(sync?.subscribe ?? noop, read, read);
}
