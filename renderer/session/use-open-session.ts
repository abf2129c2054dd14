import { useEffect, useState } from 'react';
import { listBoards, prepareLoadedDoc, readSessionMeta, type Board } from '../../shared/model';
import { newJoinCode } from '../../shared/protocol/access';
import { appDatabase, type SessionAccess, type TransitionLabDb } from '../storage/database';
import { acquireSession, type OpenSession } from './open-sessions';
import { newAdminSecret } from '../sync/access-keys';

export type SessionLoad =
  | { status: 'loading' }
  | { status: 'missing' }
  /**
   * The doc is open. `access` says how this device reaches the session's room (null only where the
   * access table cannot be read). A participant's doc may still be empty until the first sync.
   */
  | { status: 'ready'; session: OpenSession; access: SessionAccess | null };

/**
 * The access row for a session that has content on this device; a session without one was created
 * (or imported) here, so this device is its facilitator: a fresh join code and admin secret.
 */
async function accessFor(db: TransitionLabDb, sessionId: string, hasContent: boolean): Promise<SessionAccess | null> {
  const existing = await db.access.get(sessionId);
  if (existing || !hasContent) return existing ?? null;
  const created: SessionAccess = { sessionId, role: 'facilitator', joinCode: newJoinCode(), adminSecret: newAdminSecret() };
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
    void session.persistence.whenLoaded
      .then(async () => {
        const hasContent = readSessionMeta(session.doc).schemaVersion !== 0;
        // Older docs are migrated forward before anything reads them; a newer one is left untouched
        // (every write refuses it, and the session view shows it read-only).
        if (hasContent) prepareLoadedDoc(session.doc);
        const access = await accessFor(appDatabase(), sessionId, hasContent).catch(() => null);
        if (!live) return;
        // Not stored here and never joined from here: nothing to show or wait for.
        if (!hasContent && !access) setLoad({ status: 'missing' });
        else setLoad({ status: 'ready', session, access });
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
    const meta = session.doc.getMap('meta');
    const boards = session.doc.getMap('boards');
    meta.observe(update);
    boards.observeDeep(update);
    update();
    return () => {
      meta.unobserve(update);
      boards.unobserveDeep(update);
    };
  }, [session]);
  return outline;
}
