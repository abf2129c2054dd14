import { useEffect, useState } from 'react';
import { listBoards, readSessionMeta, SCHEMA_VERSION, type Board } from '../../shared/model';
import { acquireSession, type OpenSession } from './open-sessions';

export type SessionLoad =
  | { status: 'loading' }
  | { status: 'missing' }
  | { status: 'ready'; session: OpenSession; readOnly: boolean };

/** Opens a session's doc for the lifetime of the view and reports when its stored state is in. */
export function useOpenSession(sessionId: string): SessionLoad {
  const [load, setLoad] = useState<SessionLoad>({ status: 'loading' });
  useEffect(() => {
    const { session, release } = acquireSession(sessionId);
    let live = true;
    void session.persistence.whenLoaded.then(() => {
      if (!live) return;
      const meta = readSessionMeta(session.doc);
      if (meta.schemaVersion === 0) setLoad({ status: 'missing' });
      // A doc from a newer app is shown but never written, so that app's data survives intact.
      else setLoad({ status: 'ready', session, readOnly: meta.schemaVersion > SCHEMA_VERSION });
    });
    return () => {
      live = false;
      release();
    };
  }, [sessionId]);
  return load;
}

/** Subscribes to the session's title and board list. */
export function useSessionOutline(session: OpenSession): { title: string; boards: Board[] } {
  const read = () => ({ title: readSessionMeta(session.doc).title, boards: listBoards(session.doc) });
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
