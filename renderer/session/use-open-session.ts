import { useEffect, useState } from 'react';
import { listBoards, observeRoots, prepareLoadedDoc, readSessionMeta, type Board } from '../../shared/model';
import { newJoinCode } from '../../shared/protocol/access';
import { readDisplayName } from '../identity/display-name';
import { loadDeviceId } from '../identity/device-id';
import { meOnThisDevice } from '../identity/person';
import { appDatabase, type SessionAccess, type TransitionLabDb } from '../storage/database';
import { newAdminSecret } from '../sync/access-keys';
import { settleFacilitator } from './facilitator-migration';
import { acquireSession, type OpenSession } from './open-sessions';

export type SessionLoad =
  | { status: 'loading' }
  | { status: 'missing' }
  /**
   * The doc is open. `access` says how this device reaches the session's room (null only where the
   * access table cannot be read). A participant's doc may still be empty until the first sync.
   */
  | { status: 'ready'; session: OpenSession; access: SessionAccess | null; deviceId: string };

/**
 * The access row for a session that has content on this device; a session without one was created
 * (or imported) here, so this device hosts it: a fresh join code and admin secret. (Whether this
 * device facilitates is the doc's business: see facilitator-migration.ts.)
 */
async function accessFor(db: TransitionLabDb, sessionId: string, hasContent: boolean, stored: Promise<SessionAccess | undefined>): Promise<SessionAccess | null> {
  const existing = await stored;
  if (existing || !hasContent) return existing ?? null;
  const created: SessionAccess = { sessionId, joinCode: newJoinCode(), adminSecret: newAdminSecret() };
  // Two tabs opening the same new session must agree on one code: only the first write wins.
  await db.transaction('rw', db.access, async () => {
    if (!(await db.access.get(sessionId))) await db.access.add(created);
  });
  return (await db.access.get(sessionId)) ?? created;
}

/** Opens a session's doc for the lifetime of the view and reports when its stored state is in. */
export function useOpenSession(sessionId: string): SessionLoad {
  const [load, setLoad] = useState<SessionLoad>({ status: 'loading' });
  useEffect(() => {
    const { session, release } = acquireSession(sessionId);
    let live = true;
    const db = appDatabase();
    // Read while the doc loads, not after it: one IndexedDB round trip less before the board shows.
    const storedAccess = db.access.get(sessionId);
    storedAccess.catch(() => undefined);
    void Promise.all([session.persistence.whenLoaded, loadDeviceId(db)]).then(async ([, deviceId]) => {
      const hasContent = readSessionMeta(session.doc).schemaVersion !== 0;
      const me = meOnThisDevice(deviceId, '');
      // Older docs are migrated forward before anything reads them (a v1 doc was never shared, so
      // this device created it and becomes its facilitator); a newer one is left untouched (every
      // write refuses it, and the session view shows it read-only).
      if (hasContent) prepareLoadedDoc(session.doc, { clientId: deviceId, clientName: readDisplayName() });
      let access = await accessFor(db, sessionId, hasContent, storedAccess).catch(() => null);
      if (access && hasContent) {
        const flush = () => session.persistence.flush();
        access = await settleFacilitator(db, { doc: session.doc, flush }, access, me, Date.now()).catch(() => access);
      }
      if (!live) return;
      // Not stored here and never joined from here: nothing to show or wait for.
      if (!hasContent && !access) setLoad({ status: 'missing' });
      else setLoad({ status: 'ready', session, access, deviceId });
    });
    return () => {
      live = false;
      release();
    };
  }, [sessionId]);
  return load;
}

/** Subscribes to the session's title, board list and schema version. */
export function useSessionOutline(session: OpenSession): { title: string; boards: Board[]; schemaVersion: number } {
  const read = () => {
    const meta = readSessionMeta(session.doc);
    return { title: meta.title, boards: listBoards(session.doc), schemaVersion: meta.schemaVersion };
  };
  const [outline, setOutline] = useState(read);
  useEffect(() => {
    const update = () => setOutline(read());
    const stop = observeRoots(session.doc, ['meta', 'boards'], update);
    update();
    return stop;
  }, [session]);
  return outline;
}
